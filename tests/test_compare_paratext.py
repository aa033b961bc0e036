# ruff: noqa: E501  (data tables of real-looking bylines read better one per line)
"""Paratext of real publishers (issue 13.1) and its changes; reported speech (13.3);
portrayals (13.2). Every case quoted in the reviews is a test here."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from framingkit.compare import PORTRAYALS, compare
from framingkit.document import GENRES, load_article

PRESS_RELEASE = """Westmoor University wins £2m grant for coastal research

By Press Office (News release) - Westmoor University

12 May 2025

*Westmoor's marine scientists will lead a five-year study of coastal erosion, the university announced today.*

Westmoor University has been awarded £2 million to study coastal erosion on the east coast.

"This grant recognises the world-class work of our team," said Professor Ana Lowe.

Notes to editors: Westmoor University is a public research university founded in 1962.
"""

STUDENT_STORY = """Uni lands £2m to study crumbling coast

By Sam Park (News) - The Westmoor Student

13 May 2025

Westmoor University has been awarded £2 million to study coastal erosion on the east coast.

Professor Ana Lowe said the grant recognised her team's work.
"""

BLOG = """Why the coast path must stay open

Posted by Jane Smith on 3 May 2025

The council wants to close the coast path for a year. Walkers say the closure is not needed.
"""

CAMPAIGN = """Save our coast path!

Posted by Friends of Westmoor Coast - 4 May 2025

The council wants to close the coast path for a year. Walkers say the closure is not needed.
"""


def para(text: str):
    return load_article(text).paratext


def test_press_release_byline_is_a_byline_not_a_caption():
    """reviews: the press-release byline became photo captions, its date and standfirst lost."""
    p = para(PRESS_RELEASE)
    assert (p.author, p.label, p.genre, p.publisher) == (
        "Press Office",
        "News release",
        "press release",
        "Westmoor University",
    )
    assert p.captions == ()
    assert p.date == "2025-05-12" and p.standfirst is not None
    assert [n.text.split(":")[0] for n in p.notes] == ["Notes to editors"]


@pytest.mark.parametrize(
    ("line", "author", "publisher", "date"),
    [
        ("Posted by Save Our Libraries Northbridge - 14 May 2025", None, "Save Our Libraries Northbridge", "2025-05-14"),
        ("Posted by Jane Smith on 3 May 2025", "Jane Smith", None, "2025-05-03"),
        ("Posted on 3 May 2025 by Jane Smith", "Jane Smith", None, "2025-05-03"),
        ("Posted by Friends of Westmoor Coast - 4 May 2025", None, "Friends of Westmoor Coast", "2025-05-04"),
        ("By Jo Bloggs | The Daily | 12 May 2025", "Jo Bloggs", "The Daily", "2025-05-12"),
    ],
)  # fmt: skip
def test_posted_by_lines_give_author_or_publisher_and_date(line, author, publisher, date):
    """reviews: 'Posted by Save Our Libraries Northbridge - 14 May 2025' read as a DATELINE,
    with no publisher."""
    art = load_article(f"A headline here\n{line}\n\nThe text runs on. It has two sentences.")
    p = art.paratext
    assert (p.author, p.publisher, p.date) == (author, publisher, date)
    assert [x.role for x in art.paragraphs][:2] == ["headline", "byline"]


@pytest.mark.parametrize(
    ("head", "first", "wire", "publisher"),
    [
        ("By Lena Brooks, Associated Press", "Police came.", "Associated Press", "Associated Press"),
        ("By Lena Brooks, Reuters | The Daily Standard", "Police came.", "Reuters", "The Daily Standard"),
        ("By Lena Brooks - The Courier", "LONDON (Reuters) - Police came.", "Reuters", "The Courier"),
        ("By Lena Brooks - The Courier", "GRANGETON (AP) — Police came.", "Associated Press", "The Courier"),
        ("By Lena Brooks (AFP)", "Police came.", "Agence France-Presse", None),
    ],
)  # fmt: skip
def test_wire_credits(head, first, wire, publisher):
    p = para(f"Police clear the camp\n{head}\n\n{first} They stayed an hour.")
    assert (p.wire, p.publisher) == (wire, publisher)
    assert p.captions == ()


def test_updated_lines_keep_the_first_date():
    p = para(
        "A headline here\nBy Jo Bloggs - The Daily\n3 March 2026\nUpdated 5 March 2026\n\nIt ran."
    )
    assert (p.date, p.updated) == ("2026-03-03", "2026-03-05")
    p = para("A headline here\nPublished 3 March 2026, updated 5 March 2026\n\nIt ran. It did.")
    assert (p.date, p.updated) == ("2026-03-03", "2026-03-05")
    p = para("A headline here\nLast updated: 5 March 2026\n\nIt ran. It did.")
    assert (p.date, p.updated) == (None, "2026-03-05")


@pytest.mark.parametrize(
    ("line", "genre"),
    [
        ("Sponsored content", "sponsored content"),
        ("FOR IMMEDIATE RELEASE", "press release"),
        ("Opinion", "opinion"),
        ("Analysis", "analysis"),
    ],
)
def test_a_genre_label_on_its_own_line(line, genre):
    art = load_article(f"{line}\n\nThe best phones of the year\n\nWe tried ten phones. Two won.")
    assert art.paratext.genre == genre and art.paragraphs[0].role == "label"
    assert art.paratext.headline.text == "The best phones of the year"


def test_an_unknown_label_is_kept_honestly_empty():
    """reviews: with '(News)' the line is read, with an unknown label it broke."""
    p = para("Storm warning\nBy Jo Bloggs (Weather desk) - The Daily\n\nIt will rain. Then snow.")
    assert (p.author, p.label, p.genre, p.publisher) == (
        "Jo Bloggs",
        "Weather desk",
        None,
        "The Daily",
    )
    p = para("Storm warning\nBy the weather team at the Daily\n\nIt will rain. Then snow.")
    assert p.byline is not None and p.captions == () and p.author is None


def test_markdown_tables_and_non_latin_paragraphs_are_not_captions():
    """reliability D11: table rows and a Chinese paragraph became captions."""
    table = (
        "Gas exports\n\nThe table shows the volumes.\n\n| Country | Volume | Note |\n"
        "| --- | --- | --- |\n| China | 38 | rising |\n\nThe end of the text is here."
    )
    art = load_article(table)
    assert art.paratext.captions == ()
    assert "| China | 38 | rising |" in " ".join(p.text for p in art.body)
    chinese = "俄罗斯天然气\n\n西伯利亚力量管道将天然气输送到中国\n\n这是第二段文字内容"
    assert load_article(chinese).paratext.captions == ()


def test_show_json_has_genre_and_publisher(tmp_path):
    f = tmp_path / "release.txt"
    f.write_text(PRESS_RELEASE, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "framingkit", "show", str(f), "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    p = json.loads(out)["paratext"]
    assert p["genre"] == "press release" and p["publisher"] == "Westmoor University"
    assert p["author"] == "Press Office" and p["captions"] == [] and p["date"] == "2025-05-12"
    assert {"wire", "updated", "label"} <= set(p)


def paratext_explanations(a: str, b: str) -> list[str]:
    return [c.explanation for c in compare(a, b).changes if c.kind == "paratext"]


def test_press_release_to_news_story_is_a_provenance_change():
    said = paratext_explanations(PRESS_RELEASE, STUDENT_STORY)
    text = " ".join(said)
    assert not any("caption" in s for s in said)
    assert any(s.startswith("The byline changed from Press Office to Sam Park") for s in said)
    assert any(
        s.startswith("The publisher changed from Westmoor University to The Westmoor Student")
        for s in said
    )
    assert "The genre label changed from 'News release' to 'News'" in text
    assert GENRES["press release"].tells in text and GENRES["news"].tells in text
    assert "The date changed from 2025-05-12 to 2025-05-13." in said
    assert "a note for journalists" in text


def test_campaign_site_rewrite_of_the_example_pair():
    """reviews: the example B's 'Posted by' line was a dateline; the label loss explanation
    said the text was 'one writer's view' for a News label."""
    cmp = compare("seeds/kit_example_a.txt", "seeds/kit_example_b.txt")
    said = [c.explanation for c in cmp.changes if c.kind == "paratext"]
    assert any(
        "publisher changed from Northbridge Gazette to Save Our Libraries" in s for s in said
    )
    assert any(s.startswith("B names no author: A credits the text to Jo Rivera") for s in said)
    news = next(s for s in said if "genre label 'News'" in s)
    assert GENRES["news"].lost in news and "one writer's view" not in news
    assert "The date changed from 2025-05-12 to 2025-05-14." in said
    assert not any("caption" in s for s in said)


def test_blog_post_and_campaign_site():
    said = paratext_explanations(BLOG, CAMPAIGN)
    assert any(s.startswith("B names no author: A credits the text to Jane Smith") for s in said)
    assert any(s.startswith("B names a publisher, Friends of Westmoor Coast") for s in said)


@pytest.mark.parametrize("genre", sorted(GENRES))
def test_each_genre_label_lost_has_its_own_explanation(genre):
    label = GENRES[genre].labels[0]
    a = f"Headline of the piece\nBy Jo Bloggs ({label}) - The Daily\n\nIt is. It was."
    b = "Headline of the piece\nBy Jo Bloggs - The Daily\n\nIt is. It was."
    (said,) = paratext_explanations(a, b)
    assert GENRES[genre].lost in said and GENRES[genre].tells in said


def test_genre_label_changed_says_both_genres():
    a = "Headline of the piece\nBy Jo Bloggs (Sponsored) - The Daily\n\nIt is. It was."
    b = "Headline of the piece\nBy Jo Bloggs (News) - The Daily\n\nIt is. It was."
    (said,) = paratext_explanations(a, b)
    assert said.startswith("The genre label changed from 'Sponsored' to 'News'")
    assert GENRES["sponsored content"].tells in said and GENRES["news"].tells in said


# ----------------------------------------------------------------- reported speech (13.3)


def test_quotation_retold_in_indirect_speech_is_linked_to_its_retelling():
    a = 'The bus was late again. "We were told the bus would come at nine," said Ann Lee.'
    b = "The bus was late again. According to Ann Lee, they were told the bus would come at nine."
    cmp = compare(a, b)
    (q,) = [c for c in cmp.changes if c.kind == "quotation" and c.effect == "attribution"]
    assert q.explanation.startswith("Reported speech")
    assert "still attributes the words to Ann Lee" in q.explanation
    assert q.link is not None and 1 in cmp.alignment[q.link].b


def test_quotation_paraphrased_as_reported_speech():
    a = 'The farm opened. "This is a proud day for the town," said Helen Marsh, the owner.'
    b = "The farm opened. Helen Marsh, the owner, called it a good day for the region."
    cmp = compare(a, b)
    (q,) = [c for c in cmp.changes if c.kind == "quotation"]
    assert q.explanation.startswith("Reported speech: the quotation")
    assert (
        "still attributed to Helen Marsh" in q.explanation and "own words are gone" in q.explanation
    )
    assert q.b_text.startswith("Helen Marsh, the owner, called it")


def test_quotation_marks_removed_read_as_the_writers_words():
    a = 'The plan failed. Critics called it "a reckless gamble with public money".'
    b = "The plan failed. It was a reckless gamble with public money."
    quotes = [c for c in compare(a, b).changes if c.kind == "quotation"]
    assert any("now read as the writer's own" in c.explanation for c in quotes)
    assert not any(c.explanation.startswith("Reported speech") for c in quotes)


def test_dropped_quotation_is_not_reported_speech():
    a = 'Police came at noon. "We had no choice," an officer told reporters at the scene.'
    b = "Police came at noon. An officer was at the scene."
    quotes = [c for c in compare(a, b).changes if c.kind == "quotation"]
    assert quotes and all(not c.explanation.startswith("Reported speech") for c in quotes)


@pytest.mark.parametrize(
    ("a", "b", "said"),
    [
        (
            "According to the ministry, the fees will raise 80 million euros a year.",
            "The fees will raise 80 million euros a year.",
            "Attribution dropped",
        ),
        (
            "Officers said the camp blocked an access road.",
            "The camp blocked an access road.",
            "Attribution dropped",
        ),
        (
            "The farm will power up to 30,000 homes.",
            "The farm, its owner says, will power up to 30,000 homes.",
            "Attribution added",
        ),
    ],
)
def test_attribution_dropped_or_added(a, b, said):
    (c,) = [c for c in compare(a, b).changes if c.kind == "quotation"]
    assert c.effect == "attribution" and c.explanation.startswith(said)


# ----------------------------------------------------------------- portrayals (13.2)


def test_effect_is_force_and_portrayal_is_separate():
    """reviews: the dropped reading room was 'Stronger … less hedged'; deleting a hedged
    statement is not hedging less. Its force effect is a dropped detail (weaker); its
    portrayal: the council more negatively."""
    cmp = compare("seeds/kit_example_a.txt", "seeds/kit_example_b.txt")
    (room,) = [c for c in cmp.changes if "reading room" in c.a_text]
    assert (room.kind, room.effect) == ("omission", "weaker")
    assert "so the wording is less hedged" not in room.explanation
    (p,) = room.portrayals
    assert (p.actor, p.direction) == ("the council", "more negative")
    assert p.reason.startswith("B portrays the council more negatively:")
    claimed = next(c for c in cmp.changes if "claimed" in c.b_text)
    assert claimed.effect == "stronger"
    assert [(p.actor, p.direction) for p in claimed.portrayals] == [("Sam Okafor", "more negative")]
    assert "casting doubt on Sam Okafor's words" in claimed.portrayals[0].reason


def test_portrayal_needs_an_actor_and_skips_reported_words():
    # "the closure would devastate" is the residents' words about the closure: no actor
    cmp = compare(
        "Residents said the move would hit older people.",
        "Residents said the closure would devastate older people.",
    )
    assert all(not c.portrayals for c in cmp.changes)
    assert any(c.effect == "stronger" for c in cmp.changes)
    # a charge against the actor dropped: more positive
    cmp = compare(
        "The minister, a notorious liar, opened the bridge.", "The minister opened the bridge."
    )
    assert [p.direction for c in cmp.changes for p in c.portrayals] == ["more positive"]


def test_portrayals_in_json_views_and_the_table():
    cmp = compare("seeds/kit_example_a.txt", "seeds/kit_example_b.txt")
    data = cmp.to_json()
    portrayed = [c for c in data["changes"] if c["portrayals"]]
    assert portrayed and set(portrayed[0]["portrayals"][0]) == {"actor", "direction", "reason"}
    assert all(p["direction"] in PORTRAYALS for c in data["changes"] for p in c["portrayals"])
    from framingkit.compare.views import changes_table

    assert "Portrayal, the council: more negative." in changes_table(cmp)


def test_compare_cli_on_a_press_release_and_its_story(tmp_path):
    a, b = tmp_path / "release.txt", tmp_path / "story.txt"
    a.write_text(PRESS_RELEASE, encoding="utf-8")
    b.write_text(STUDENT_STORY, encoding="utf-8")
    run = [sys.executable, "-m", "framingkit", "compare", str(a), str(b)]
    text = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert "The publisher changed from Westmoor University to The Westmoor Student" in text
    assert "caption" not in text
    data = json.loads(subprocess.run([*run, "--json"], capture_output=True, text=True).stdout)
    assert all("portrayals" in c for c in data["changes"])
    said = [c["explanation"] for c in data["changes"] if c["kind"] == "quotation"]
    assert any(s.startswith("Reported speech") for s in said)


def test_credits_and_update_lines_below_the_text_are_not_captions():
    art = load_article(
        "Police clear the camp\nBy Lena Brooks - The Courier\n\nPolice came. They stayed.\n\n"
        "Additional reporting by Tom Bell; editing by Reuters\n\nUpdated 5 March 2026\n\n"
        "The end is here."
    )
    p = art.paratext
    assert p.captions == () and p.updated == "2026-03-05" and p.wire == "Reuters"
    assert [x.role for x in art.paragraphs][3:5] == ["byline", "dateline"]
