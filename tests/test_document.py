"""The document model on both seeds and on crafted texts."""

from __future__ import annotations

import re

import pytest

from framingkit.document import load_article
from framingkit.errors import InputError
from framingkit.typography import fold, is_typography_only


def _units_cover_text(article, units):
    """Units are in order, match their offsets, and only white space or markup lies between them."""
    pos = 0
    rebuilt = []
    for u in units:
        assert article.text[u.start : u.end] == u.text
        gap = article.text[pos : u.start]
        assert not re.search(r"\w", article.masked[pos : u.start]), gap
        rebuilt.append(gap)
        rebuilt.append(u.text)
        pos = u.end
    rebuilt.append(article.text[pos:])
    assert "".join(rebuilt) == article.text


@pytest.mark.parametrize("which", ["original", "republished"])
def test_offsets_round_trip(which, request):
    a = request.getfixturevalue(which)
    _units_cover_text(a, a.paragraphs)
    _units_cover_text(a, a.all_sentences)
    _units_cover_text(a, a.tokens)
    for q in a.quotations:
        assert a.text[q.inner_start : q.inner_end] == q.text
    assert len(a.masked) == len(a.text) == len(a.folded)


def test_original_paratext(original):
    p = original.paratext
    assert p.headline.text == "Xi Jinping's plan to annex Russian territory is there for all to see"
    assert p.author == "Matthew Henderson"
    assert p.label == "Opinion"
    assert p.outlet == "The Telegraph"
    assert [c.text for c in p.captions] == [
        "Vladimir Putin fishes in the remote Tuva region in southern Siberia - ALEXEY"
    ]
    assert p.caption_credits == ("ALEXEY",)
    assert p.standfirst is not None and p.standfirst.text.startswith("The long-debated")
    assert [m.inner.text for m in p.links] == ["seeks to do so in Taiwan"]
    kinds = sorted(m.kind for m in p.emphasis)
    assert kinds == ["bold", "italic"]
    assert p.date is None


def test_republished_paratext(republished):
    p = republished.paratext
    assert p.date == "2023-03-28"
    assert p.headline is None and p.byline is None and p.author is None
    assert p.captions == () and p.links == () and p.emphasis == ()
    assert [x.role for x in republished.paragraphs] == ["dateline", "body"]


def test_original_quotations(original):
    qs = original.quotations
    assert len(qs) == 9
    assert [q.text for q in qs if q.scare] == ["legitimacy"]
    texts = [q.text for q in qs]
    assert "the deal of the century" in texts and "great rejuvenation of China" in texts
    deal = next(q for q in qs if q.text == "the deal of the century")
    assert deal.kind == "quotation" and deal.speaker == "Putin"
    assert {q.marks for q in qs} == {"curly", "straight"}


def test_republished_has_no_quotations(republished):
    assert republished.quotations == ()


def test_sentence_counts(original, republished):
    # original: 2 in the standfirst + 19 in the body; headline, byline, caption are paratext
    assert len(original.sentences) == 21
    assert len(original.all_sentences) == 24
    # re-published: 22 (the damaged "control. Manchu" boundary stays a boundary)
    assert len(republished.sentences) == 22


def test_damaged_boundaries_are_repaired(republished):
    first = republished.sentences[0]
    assert first.clean.endswith("between China and Russia. since the start of the Ukrainian war. .")
    assert "lower-case continuation" in first.repair
    seventh = republished.sentences[6]
    assert seventh.clean.endswith("bring forward together. .")
    assert republished.sentences[1].clean == "This is not good news for Moscow."
    assert republished.sentences[13].clean.startswith("Manchu weakened")


def test_abbreviations_do_not_split():
    a = load_article(
        "Mr. Smith met Dr. J. Jones in the U.S. on Jan. 5. They talked. Prices rose 3.5 per cent."
    )
    assert [s.text for s in a.sentences] == [
        "Mr. Smith met Dr. J. Jones in the U.S. on Jan. 5.",
        "They talked.",
        "Prices rose 3.5 per cent.",
    ]


def test_tokens_keep_numbers_and_apostrophes(republished):
    norms = [t.norm for t in republished.tokens]
    assert "4,200km" in norms and "1858-1860" in norms
    assert "xi's" in norms  # curly apostrophe folded


def test_typography_fold_keeps_length():
    s = "Xi\u2019s \u201cdeal\u201d \u2013 now\u00a0"
    assert len(fold(s)) == len(s)
    assert fold(s) == 'Xi\'s "deal" - now '
    assert is_typography_only("Xi\u2019s plan", "Xi's plan")
    assert not is_typography_only("Xi's plan", "Xi's scheme")


@pytest.mark.parametrize(
    "text, headline, author, label, outlet",
    [
        (
            "Ministers face a hard winter\nBy Jane Doe, The Guardian\n\nIt will be cold.",
            "Ministers face a hard winter",
            "Jane Doe",
            None,
            "The Guardian",
        ),
        (
            "Why the vote matters\nAlex Kim | Analysis\n\nVotes count.",
            "Why the vote matters",
            "Alex Kim",
            None,
            "Analysis",
        ),
        (
            "Our view on trains\nSam Lee (Comment) - Daily Bugle\n\nTrains run.",
            "Our view on trains",
            "Sam Lee",
            "Comment",
            "Daily Bugle",
        ),
    ],
)
def test_bylines_of_other_shapes(text, headline, author, label, outlet):
    a = load_article(text)
    assert a.paratext.headline.text == headline
    assert a.paratext.author == author
    assert a.paratext.label == label
    assert a.paratext.outlet == outlet


@pytest.mark.parametrize(
    "line, iso",
    [
        ("Published 28 March 2023", "2023-03-28"),
        ("March 28, 2023", "2023-03-28"),
        ("date 2023-03-28", "2023-03-28"),
    ],
)
def test_date_lines(line, iso):
    a = load_article(f"{line}\n\nA first sentence here. A second one.")
    assert a.paratext.date == iso
    assert len(a.sentences) == 2


def test_plain_text_without_paratext():
    a = load_article("Just one paragraph of text. It has two sentences.")
    assert a.paratext.headline is None
    assert [p.role for p in a.paragraphs] == ["body"]


def test_windows_line_endings():
    a = load_article(
        "Headline here\r\nBy Jo Bloggs\r\n\r\nFirst para. Still.\r\n\r\nSecond para.\r\n"
    )
    assert a.paratext.headline.text == "Headline here"
    assert a.paratext.author == "Jo Bloggs"
    assert [s.text for s in a.sentences] == ["First para.", "Still.", "Second para."]


def test_hard_wrapped_paragraph_stays_one():
    text = (
        "This is a long line of prose that was hard wrapped by an editor at seventy\n"
        "characters, and it continues on the next line without any blank line in\n"
        "between. It ends here.\n\nA second paragraph."
    )
    a = load_article(text)
    assert len(a.body) == 2


def test_html_input_is_converted():
    a = load_article(
        "<html><body><h1>Big news today</h1><p>It happened. Then more.</p>"
        "<script>alert(1)</script></body></html>"
    )
    assert a.source_format == "html"
    assert a.paratext.headline.text == "Big news today"
    assert "alert" not in a.text


def test_scare_quote_vs_name_vs_quotation():
    a = load_article(
        'The regime calls it "stability". The "Belt and Road" grows. '
        'She said "we will win this war soon".'
    )
    kinds = {q.text: q.kind for q in a.quotations}
    assert kinds["Belt and Road"] == "name"
    assert kinds["we will win this war soon"] == "quotation"
    assert kinds["stability"] == "quotation"  # "calls" is a speech verb: reported naming


def test_non_string_input_is_one_sentence():
    with pytest.raises(InputError, match="takes a file path or a text string"):
        load_article(42)  # type: ignore[arg-type]


def test_units_after_numbers_end_sentences():
    a = load_article("The fund lost £2m. Ministers were told. It grew by 5km. Then it stopped.")
    assert [s.text for s in a.sentences] == [
        "The fund lost £2m.",
        "Ministers were told.",
        "It grew by 5km.",
        "Then it stopped.",
    ]


def test_speaker_named_after_the_quotation():
    """'"…," said Name' and '"…," Name said' name the speaker; a pronoun names nobody."""
    art = load_article(
        'Critics disagreed. "This budget will never hold," said Councillor Ana Ruiz, a critic.\n\n'
        '"We were never told," Tom Bell told reporters.\n\n'
        '"It will pass," she said.'
    )
    speakers = [q.speaker for q in art.quotations]
    assert speakers == ["Councillor Ana Ruiz", "Tom Bell", None]


def test_markdown_headings_and_list_items():
    """'# ' marks are blanked (no '#' in the headline); a '## ' line inside the text is a
    subheading, not a caption; list items are running text, not captions."""
    art = load_article(
        "# Heatwave pushes hospitals to the limit\n\nBy Ana Ruiz\n\n"
        "Hospitals reported record admissions this week.\n\n## What the minister said\n\n"
        "Measures announced on Monday:\n\n- cooling centres opened in 14 towns\n"
        "- outdoor work banned at noon\n\n1. schools closed early\n"
    )
    assert art.paratext.headline.text == "Heatwave pushes hospitals to the limit"
    assert art.paratext.captions == ()
    roles = {p.clean: p.role for p in art.paragraphs}
    assert roles["What the minister said"] == "subheading"
    for item in ("cooling centres opened in 14 towns", "outdoor work banned at noon"):
        assert roles[item] == "body"
    assert roles["schools closed early"] == "body"
    assert "cooling centres opened in 14 towns" in [s.clean for s in art.sentences]
    assert "#" not in art.masked and "- cooling" not in art.masked


def test_byline_job_title_is_not_an_outlet_and_html_footer_is_skipped():
    """'By Name, Environment Correspondent' names no outlet; a page's <footer> and <nav>
    (copyright, menus) are not running text."""
    art = load_article(
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        "<h1>River bursts its banks</h1><p>By Owen Price, Environment Correspondent</p>"
        "<p>Hundreds of residents were evacuated overnight &amp; shelters opened.</p>"
        "</article><footer><p>&copy; 2024 Valley News. All rights reserved.</p></footer>"
        "</body></html>"
    )
    assert art.paratext.author == "Owen Price" and art.paratext.outlet is None
    assert [s.text for s in art.sentences] == [
        "Hundreds of residents were evacuated overnight & shelters opened."
    ]
    assert load_article("Title here\n\nBy Jo Bloggs, The Daily Post\n\nIt is.").paratext.outlet == (
        "The Daily Post"
    )


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Translated from the Spanish by Ana Ruiz", "Ana Ruiz"),
        ("Translation: Tom Bell", "Tom Bell"),
        ("*Translated by Jo Bloggs and Kim Lee*", "Jo Bloggs and Kim Lee"),
        ("(Translated from the German)", ""),
    ],
)
def test_translator_credit_is_paratext_not_a_caption(line, name):
    """A translator's credit, under the byline or at the end, is paratext of its own."""
    for text in (
        f"Europe must act on energy\n\nBy Henrik Berg\n\n{line}\n\nIt is cold. We must act.",
        f"Europe must act on energy\n\nBy Henrik Berg\n\nIt is cold. We must act.\n\n{line}",
    ):
        art = load_article(text)
        p = art.paratext
        assert p.captions == () and p.translator == name, text
        assert p.translator_span.text == line.strip("*")
        assert [x.role for x in art.paragraphs if x.text == p.translator_span.text] == [
            "translator"
        ]
        assert [s.text for s in art.sentences] == ["It is cold.", "We must act."]
        assert p.summary()["translator"] == (name or p.translator_span.text)


def test_sentences_about_translation_are_body_text():
    art = load_article(
        "Headline here\n\nTranslated by machine, the treaty was full of errors.\n\n"
        "Translation errors cost the firm dearly last year.\n\nIt is."
    )
    assert art.paratext.translator is None
    assert [p.role for p in art.paragraphs] == ["headline", "body", "body", "body"]


@pytest.mark.parametrize(
    ("note", "kind"),
    [
        (
            "Correction: An earlier version of this article misstated the cost of the line.",
            "correction",
        ),
        ("This article was amended on 3 May 2024 to correct the name of the mayor.", "amendment"),
        ("Editor's note: The names of two witnesses have been changed.", "editor"),
        ("Update: The minister resigned on Tuesday evening.", "update"),
        ("*This story has been updated with a response from the council.*", "update"),
    ],
)
def test_correction_and_editors_notes_are_paratext(note, kind):
    from framingkit.document import note_kind

    art = load_article(
        f"Council approves tram line\n\nBy Maria Kowalski\n\nThe council voted for the line. "
        f"It will cost £231m.\n\nOpponents said it was too dear.\n\n{note}"
    )
    assert [n.text for n in art.paratext.notes] == [note.strip("*")]
    assert art.paragraphs[-1].role == "note"
    assert note_kind(art.masked[art.paragraphs[-1].start : art.paragraphs[-1].end].strip()) == kind
    assert all("note" not in s.text.lower() and "article" not in s.text for s in art.sentences)
    assert len(art.sentences) == 3
    assert art.paratext.summary()["notes"] == [note.strip("*")]


def test_running_text_about_an_article_is_not_a_note():
    art = load_article(
        "The article was a hit with readers. Updates followed.\n\n"
        "This article was originally published in 2019, and it still reads well."
    )
    assert art.paratext.notes == ()
    assert {p.role for p in art.paragraphs} == {"body"}


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "A spokesperson for the contractor, Hale & Morris Engineering, said the company "
            'would "cooperate fully" with any review.',
            "Hale & Morris Engineering",
        ),
        ('The Bank of England said rates were "broadly right" for now.', "Bank of England"),
        ('"We will appeal against the ruling," said Procter & Gamble.', "Procter & Gamble"),
        ('"We will appeal against the ruling," said the Bank of England.', "Bank of England"),
        ('Marks and Spencer called the result "disappointing".', "Marks and Spencer"),
    ],
)
def test_speaker_names_joined_by_and_or_of(sentence, speaker):
    """Organisation names joined by '&', 'and' or 'of' are kept whole."""
    assert [q.speaker for q in load_article(sentence).quotations] == [speaker]


def test_fold_is_the_table_translation():
    """fold's fast replace chain gives exactly the table's str.translate (every variant)."""
    from framingkit.typography import _TRANSLATION, FOLD_TABLE

    mixed = "Xi`s \t" + "".join(FOLD_TABLE) + " plain ASCII, ünïcode 中文 " + "".join(FOLD_TABLE)
    for s in (mixed, "plain ascii `tick` and\ttab", "", "no variants at all: ünïcode"):
        assert fold(s) == s.translate(_TRANSLATION)
        assert len(fold(s)) == len(s)
