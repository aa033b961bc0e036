"""Crafted pairs: every kind and effect, 1:n, n:1 and moved alignments, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from framingkit.compare import EFFECTS, KINDS, compare
from framingkit.compare.align import align_units, signature
from framingkit.errors import InputError

DATA = Path(__file__).resolve().parent / "data" / "compare"


def pair(name: str, b: str | None = None):
    return compare(DATA / f"{name}_a.txt", DATA / (b or f"{name}_b.txt"))


def one(cmp, kind=None, effect=None, a_part="", b_part=""):
    found = [
        c
        for c in cmp.changes
        if (kind is None or c.kind == kind)
        and (effect is None or c.effect == effect)
        and a_part in c.a_text
        and b_part in c.b_text
    ]
    assert found, [(c.kind, c.effect, c.a_text, c.b_text) for c in cmp.changes]
    return found[0]


def test_moved_paragraph_with_word_change():
    cmp = pair("move")
    moved = [ln for ln in cmp.alignment if ln.moved]
    assert len(moved) == 1 and moved[0].type == "1:1"
    one(cmp, "move", "neutral", "Residents had complained", "Residents had complained bitterly")
    add = one(cmp, "addition", "stronger", b_part="bitterly")
    assert add.link == cmp.alignment.index(moved[0])
    assert not [c for c in cmp.changes if c.kind == "omission"]
    assert [p["moved"] for p in cmp.paragraphs] == [False, True, False, False, False]


def test_split_and_merge():
    cmp = pair("split")
    types = [ln.type for ln in cmp.alignment]
    assert types == ["1:2", "2:1", "1:1"]
    one(cmp, "segmentation", "neutral", b_part="The ministry published")
    assert "split into 2" in cmp.changes[0].explanation or any(
        "split into 2" in c.explanation for c in cmp.changes
    )
    assert any("run together as one sentence" in c.explanation for c in cmp.changes)
    assert {c.kind for c in cmp.changes} == {"segmentation"}


def test_paratext_changes():
    cmp = pair("paratext")
    text = " ".join(c.explanation for c in cmp.changes if c.kind == "paratext")
    for word in ("headline changed", "byline changed", "genre label", "date", "caption", "link"):
        assert word in text, word
    assert "bold emphasis on 'new harbour plan'" in text
    assert one(cmp, "paratext", a_part="Jane Smith").effect == "attribution"


def test_quotation_marks_added_and_removed():
    cmp = pair("quotes")
    one(cmp, "quotation", "attribution", "historic breakthrough", "historic breakthrough")
    added = one(cmp, "quotation", "attribution", b_part='"experts"')
    assert "B puts" in added.explanation


@pytest.mark.parametrize(
    ("kind", "effect", "a_part", "b_part", "cue"),
    [
        ("wording", "stronger", "may", "will", "hedge"),
        ("wording", "stronger", "some", "all", "focus"),
        ("addition", "shifted", "", "not", "negation"),
        ("wording", "shifted", "stopped", "dumped", "presupposition"),
        ("omission", "stronger", "perhaps", "", "hedge"),
        ("wording", "shifted", "4,200", "2,400", "figures"),
        ("wording", "weaker", "must", "could", "hedge"),
        ("omission", "weaker", "serious", "", "force"),
    ],
)
def test_effects_from_evidence(kind, effect, a_part, b_part, cue):
    c = one(pair("effects"), kind, effect, a_part, b_part)
    assert cue in c.explanation


def test_typography_only_is_neutral_and_hidden():
    cmp = pair("typo")  # also: Windows line endings on side A
    assert cmp.changes and {(c.kind, c.effect) for c in cmp.changes} == {("typography", "neutral")}
    hidden = compare(DATA / "typo_a.txt", DATA / "typo_b.txt", hide_typography=True)
    assert hidden.changes == [] and hidden.hidden == len(cmp.changes)
    assert "typography" in hidden.note


def test_spelling_variants_stay_separate():
    cmp = pair("spelling")
    pairs = [(c.a_text, c.b_text) for c in cmp.changes]
    assert ("organisation", "organization") in pairs and ("Peking", "Beijing") in pairs
    assert {c.kind for c in cmp.changes} == {"spelling"}


def test_identical_texts():
    cmp = compare(DATA / "move_a.txt", DATA / "move_a.txt")
    assert cmp.changes == [] and cmp.note.startswith("No differences")
    assert cmp.identical


def test_empty_text_raises_input_error():
    with pytest.raises(InputError):
        compare("Some text here.", "   ")


@pytest.mark.parametrize("other", ["unrelated_b.txt", "german_b.txt"])
def test_unrelated_or_other_language_is_low_coverage(other):
    cmp = pair("move", other)
    assert cmp.alignment == []
    assert cmp.note.startswith("Low coverage")
    assert {c.kind for c in cmp.changes} == {"omission", "addition"}


def test_html_input():
    cmp = pair("paratext", "page_b.html")
    assert cmp.b.source_format == "html"
    assert "alert" not in cmp.b.text
    assert cmp.coverage_a > 0.5


def test_very_long_line():
    words = [f"word{i}" for i in range(3000)]
    a = " ".join(words) + "."
    b = " ".join(w if i != 1500 else "changed" for i, w in enumerate(words)) + "."
    cmp = compare(a, b)
    one(cmp, "wording", a_part="word1500", b_part="changed")


def test_tables_have_labels_and_colours():
    for table in (KINDS, EFFECTS):
        for name, cat in table.items():
            assert cat.name == name and cat.label and cat.description
            assert cat.colour.startswith("#") and cat.marker
    assert set(KINDS) == {
        "wording",
        "addition",
        "omission",
        "quotation",
        "paratext",
        "segmentation",
        "move",
        "spelling",
        "typography",
    }
    assert set(EFFECTS) == {"stronger", "weaker", "shifted", "attribution", "neutral"}


def test_alignment_never_forces_links():
    a = [signature(s.split()) for s in ["red apples grow here", "blue sky above us"]]
    b = [signature(s.split()) for s in ["cheap flights to Rome", "red apples grow here"]]
    groups = align_units(a, b)
    assert [(g.a, g.b) for g in groups] == [((0,), (1,))]


def test_json_fields():
    data = pair("effects").to_json()
    for c in data["changes"]:
        for key in (
            "kind",
            "effect",
            "a_text",
            "b_text",
            "a_start",
            "a_end",
            "b_start",
            "b_end",
            "explanation",
        ):
            assert key in c
    assert data["alignment"] and {"type", "score", "a", "b", "moved"} <= set(data["alignment"][0])


def test_docs_tables_derive_from_code():
    from framingkit.compare.model import markdown_table

    doc = (Path(__file__).resolve().parents[1] / "docs" / "compare.md").read_text("utf-8")
    assert markdown_table(KINDS) in doc
    assert markdown_table(EFFECTS) in doc
    from framingkit.compare import PORTRAYALS
    from framingkit.compare.model import EFFECT_DEFINITION, PORTRAYAL_DEFINITION
    from framingkit.document import GENRES

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    for text in (doc, readme):
        assert markdown_table(PORTRAYALS) in text and markdown_table(EFFECTS) in text
        assert EFFECT_DEFINITION in text and PORTRAYAL_DEFINITION in text
    for g in GENRES.values():
        assert f"| {g.name} | {', '.join(g.labels)} | {g.tells} |" in doc


@pytest.mark.parametrize(
    ("a", "b", "kind", "effect", "words"),
    [
        # a correction that reverses the meaning is shifted, whatever the boosters say
        ("Prices rose last year.", "Prices fell sharply last year.", "wording", "shifted", "rose"),
        (
            "The court accepted the appeal.",
            "The court rejected the appeal.",
            "wording",
            "shifted",
            "opposite",
        ),
        # a different person named is not a spelling variant
        (
            "The fund was run by Smith, officials said.",
            "The fund was run by Jones, officials said.",
            "wording",
            "shifted",
            "different name",
        ),
        # variant names of one place in the gazetteer are spelling
        (
            "He met officials in Peking last week.",
            "He met officials in Beijing last week.",
            "spelling",
            "neutral",
            "variant",
        ),
        # two function words are not a spelling variant
        ("She read these words.", "She read those words.", "wording", "neutral", "same force"),
    ],
)
def test_opposites_names_and_function_words(a, b, kind, effect, words):
    (c,) = compare(a, b).changes
    assert (c.kind, c.effect) == (kind, effect), c.explanation
    assert words in c.explanation


def test_quotation_in_a_dropped_or_added_sentence_is_not_a_quote_mark_change():
    """A quoted sentence that is dropped (or added) whole is an omission (addition), not
    'quotation marks gone'; a quotation retold in other words is 'not kept'."""
    a = (
        'Police fired tear gas at the crowd. "We came in peace," said Ana Ruiz, a nurse. '
        '"Then the gas came and everyone ran."'
    )
    b = (
        "Police fired tear gas at the crowd. A nurse said the crowd had been calm. "
        'The minister added: "Nobody will be left behind."'
    )
    cmp = compare(a, b)
    quotes = [c for c in cmp.changes if c.kind == "quotation"]
    assert [c.a_text for c in quotes] == ['"We came in peace,"']
    assert quotes[0].explanation.startswith("Reported speech")
    drop = one(cmp, "omission", a_part="Then the gas came")
    assert drop.explanation.endswith("so the content is lost.")
    one(cmp, "addition", b_part="Nobody will be left behind")


def test_equal_force_names_each_sides_cue_and_new_lexicon_entries():
    """'Different words, same force' names A's and B's own cues (not A's twice); 'rioters'
    is a loaded label and 'almost certain' a booster."""
    cmp = compare("They paid an enormous price.", "They paid a huge price.")
    c = one(cmp, "wording", "neutral", "enormous", "huge")
    assert "'enormous'" in c.explanation and "'huge'" in c.explanation
    assert "both carry" not in c.explanation
    cmp = compare("Protesters gathered at noon.", "Rioters gathered at noon.")
    one(cmp, "wording", "stronger", "Protesters", "Rioters")
    cmp = compare("Another heatwave is likely soon.", "Another heatwave is almost certain soon.")
    one(cmp, "wording", "stronger", "likely", "almost certain")


_BODY = (
    "The council voted 27 to 14 on Tuesday to approve the tram line.\n\n"
    "The line will run from Harbour Square to Millfield and open in 2028.\n\n"
    "Local business owners welcomed the decision on Wednesday morning."
)


def _text(head: str, *, top: str = "", end: str = "", caption: str = "") -> str:
    parts = [head, "By Maria Kowalski", *([top] if top else []), _BODY]
    if caption:
        parts.insert(-1, caption)
    return "\n\n".join([*parts, *([end] if end else [])])


def test_headline_change_is_weighed_like_body_wording():
    """A loaded word in the new headline makes the change 'stronger', with the cue named."""
    cmp = compare(_text("Protesters gather outside parliament"), _text("Rioters storm parliament"))
    head = one(cmp, "paratext", a_part="Protesters", b_part="Rioters")
    assert head.effect == "stronger"
    assert "'rioters' (label, negative, moderate)" in head.explanation
    assert any("rioters" in e for e in head.evidence)
    back = compare(_text("Rioters storm parliament"), _text("Protesters gather outside parliament"))
    assert one(back, "paratext", a_part="Rioters").effect == "weaker"
    plain = compare(_text("Council meets on Tuesday"), _text("Council meets on Wednesday"))
    assert one(plain, "paratext", a_part="Council").effect == "shifted"


def test_changed_caption_and_translator_are_one_change_each():
    a = _text(
        "Council approves tram line",
        top="Translated from the Spanish by Ana Ruiz",
        caption="Councillors leave the chamber after the vote - PHOTO: J. SMITH",
    )
    b = _text(
        "Council approves tram line",
        top="Translation: Tom Bell",
        caption="Jubilant councillors leave the chamber after the vote - PHOTO: J. SMITH",
    )
    cmp = compare(a, b)
    para = [c for c in cmp.changes if c.kind == "paratext"]
    assert len(para) == 2, [(c.a_text, c.b_text, c.explanation) for c in para]
    cap = one(cmp, "paratext", a_part="Councillors leave", b_part="Jubilant")
    assert cap.explanation.startswith("The caption changed from")
    tr = one(cmp, "paratext", a_part="Ana Ruiz", b_part="Tom Bell")
    assert "translator's credit changed" in tr.explanation and tr.effect == "attribution"
    added = compare(_text("Council approves tram line"), a)
    assert "B adds the translator's credit" in one(added, "paratext", b_part="Ana Ruiz").explanation
    assert not [c for c in added.changes if "caption" in c.explanation and "Ana" in c.b_text]


def test_author_publisher_and_label_are_changes_of_their_own():
    """A change of author, of publisher and of genre label each has its own explanation
    (provenance, not a date or caption change)."""
    cmp = pair("paratext")
    byline = [c for c in cmp.changes if c.kind == "paratext" and "Jane Smith" in c.a_text]
    said = [c.explanation for c in byline]
    assert len(byline) == 3 and {c.effect for c in byline} == {"attribution"}
    assert said[0].startswith("The byline changed from Jane Smith to John Brown")
    assert said[1].startswith("The publisher changed from The Harbour Gazette to City News")
    assert said[2].startswith("The genre label 'Analysis' (a journalist's interpretation")


@pytest.mark.parametrize(
    ("note", "said"),
    [
        (
            "Correction: An earlier version of this article misstated the cost of the line.",
            "B adds a correction note: readers are told that an earlier version of this "
            "article misstated the cost of the line.",
        ),
        (
            "Editor's note: The names of two witnesses have been changed.",
            "B adds an editor's note: readers are told that the names of two witnesses",
        ),
        ("This article was amended on 3 May 2024.", "readers are told that this article was"),
    ],
)
def test_correction_note_is_a_paratext_change(note, said):
    """A note about the piece is paratext: not an added sentence with 'stronger' wording."""
    a, b = _text("Council approves tram line"), _text("Council approves tram line", end=note)
    cmp = compare(a, b)
    assert [c.kind for c in cmp.changes] == ["paratext"], cmp.changes
    c = cmp.changes[0]
    assert c.effect == "shifted" and said in c.explanation
    assert b[c.b_start : c.b_end] == c.b_text == note and c.a_start == c.a_end == len(a)
    gone = compare(b, a)
    assert [(c.kind, c.effect) for c in gone.changes] == [("paratext", "weaker")]
    assert "B leaves out" in gone.changes[0].explanation


def test_sentences_run_together_are_one_link_not_negation_and_drop():
    """Three sentences of A run into one of B (reworded): one n:1 link with a segmentation
    change, no 'negation added' and no dropped sentence."""
    a = (
        "Ministers met on Monday to discuss the winter. The storage tanks were full. The lights "
        "stayed on, and politicians declared victory. But survival is not a strategy. "
        "Critics were unconvinced by the plan."
    )
    b = (
        "Ministers met on Monday to discuss the winter. Storage was full and the lights stayed "
        "on, and politicians proclaimed a victory, but getting by is not a strategy. "
        "Critics were unconvinced by the plan."
    )
    cmp = compare(a, b)
    assert [ln.type for ln in cmp.alignment] == ["1:1", "3:1", "1:1"]
    one(cmp, "segmentation", "neutral", b_part="but getting by is not a strategy")
    assert not [c for c in cmp.changes if c.kind in ("omission", "addition") and len(c.a_text) > 20]
    assert not [c for c in cmp.changes if "negation" in c.explanation]


def test_split_inside_moved_paragraph_is_one_move():
    """A paragraph moved as a whole, one of its sentences reworded and split in two: one
    move of the passage, the split sentence linked 1:2 (moved), nothing dropped or added."""
    p1 = "For two winters Europe has congratulated itself on surviving without Russian gas."
    p2 = (
        "The truth is that we paid an enormous price. Industrial production in energy-intensive "
        "sectors fell sharply, and many factories that closed in 2022 will never reopen. "
        "Households in the poorest regions spent a third of their income on heating."
    )
    p2b = (
        "The fact is that we paid an enormous price. Output in energy-hungry industries dropped "
        "steeply. Many of the factories that shut down in 2022 will not open again. "
        "Households in the poorest regions spent a third of their income on heating."
    )
    p3 = "Meanwhile our neighbours did not stand still. China built more solar capacity in a year."
    p4 = "We must therefore do three things for the grid. None of this is easy for anyone."
    cmp = compare("\n\n".join([p1, p2, p3, p4]), "\n\n".join([p1, p3, p4, p2b]))
    moves = [c for c in cmp.changes if c.kind == "move"]
    assert len(moves) == 1 and "passage of 3 sentences" in moves[0].explanation
    split = [ln for ln in cmp.alignment if ln.type == "1:2"]
    assert len(split) == 1 and split[0].moved
    assert not [c for c in cmp.changes if c.kind in ("omission", "addition") and len(c.a_text) > 40]
    assert not [c for c in cmp.changes if c.kind in ("omission", "addition") and len(c.b_text) > 40]


@pytest.mark.parametrize(
    ("a", "b", "word"),
    [
        ("He jealously guarded the documents.", "He guarded the documents jealously.", "jealously"),
        (
            "Each country guards its energy policy jealously, and no one wants to pay.",
            "Each country jealously guards its energy policy, and no one wants to pay.",
            "jealously",
        ),
        (
            "Households in the poorest regions spent a third of their income on heating.",
            "In the poorest regions, households spent a third of their income on heating.",
            "Households",
        ),
    ],
)
def test_word_moved_within_a_sentence_is_one_reordering(a, b, word):
    """The same words in another order: one neutral reordering, never a stronger and a
    weaker change for the same word."""
    cmp = compare(a, b)
    moved = [c for c in cmp.changes if c.kind == "move"]
    assert len(moved) == 1 and moved[0].effect == "neutral"
    assert f"'{word}'" in moved[0].explanation and "another order" in moved[0].explanation
    assert {c.effect for c in cmp.changes} == {"neutral"}
    assert not [c for c in cmp.changes if c.kind in ("wording", "omission", "addition")]


def test_reordering_says_when_the_emphasis_moves():
    c = one(compare("He jealously guarded the documents.", "He guarded the documents jealously."))
    assert "emphasis moves" in c.explanation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Critics say it may hit rural families hardest, since they often have no "
            "alternative to driving.",
            "Critics say it may hit rural families hardest.",
        ),
        (
            "We came here peacefully because we cannot afford this, said a nurse from the north.",
            "A nurse from the north said that protesters had come peacefully.",
        ),
        (
            "If we do nothing, Europe will decline. That is not the future our children deserve.",
            "If we do nothing, Europe will decline. Our children deserve better than that.",
        ),
    ],
)
def test_negation_inside_a_dropped_or_retold_clause_is_no_negation_change(a, b):
    """'no' / 'cannot' / 'not' that go with the clause they negate are no 'negation removed'."""
    cmp = compare(a, b)
    assert not [
        c for c in cmp.changes if "negation" in c.explanation and "removed" in c.explanation
    ]


def test_dropped_clause_with_negation_is_detail_dropped():
    a = "Critics say it may hit rural families hardest, since they often have no alternative."
    c = one(compare(a, "Critics say it may hit rural families hardest."), "omission", "weaker")
    assert c.explanation.startswith("Detail dropped") and "negation 'no'" in c.explanation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The council did not approve the plan.", "The council did approve the plan."),
        ("It was not true.", "It was true."),
        ("Police did not confirm the arrests.", "Police confirmed the arrests."),
    ],
)
def test_negation_of_kept_words_still_shifts(a, b):
    c = one(compare(a, b), effect="shifted")
    assert "negation" in c.explanation


@pytest.mark.parametrize(
    ("a", "b", "kind", "effect", "words"),
    [
        # antonym pairs of actors and stance (data/compare/opposites.tsv)
        (
            "The figures, which supporters said showed demand, were published.",
            "The figures, which opponents said showed demand, were published.",
            "wording",
            "shifted",
            "opposite",
        ),
        (
            "Local owners praised the decision.",
            "Local owners criticised the decision.",
            "wording",
            "shifted",
            "opposite",
        ),
        (
            "Unions welcomed the plan on Monday.",
            "Unions condemned the plan on Monday.",
            "wording",
            "shifted",
            "opposite",
        ),
        # modal equivalents: the same modal force in other words
        (
            "First, we must build new grids.",
            "First, we need to build new grids.",
            "wording",
            "neutral",
            "same modal force",
        ),
        (
            "First, we must build new grids.",
            "First, we have to build new grids.",
            "wording",
            "neutral",
            "same modal force",
        ),
        (
            "The plan will fail next year.",
            "The plan is going to fail next year.",
            "wording",
            "neutral",
            "same modal force",
        ),
        # a capitalised name changed in a few letters is another person unless known variants
        (
            "Councillor James Whitfield, who chairs the committee, spoke.",
            "Councillor James Whitford, who chairs the committee, spoke.",
            "wording",
            "shifted",
            "different name",
        ),
        (
            "She played music by Tchaikovsky last night.",
            "She played music by Tschaikowsky last night.",
            "spelling",
            "neutral",
            "variant",
        ),
        (
            "The article by Henrik Sørensen was translated.",
            "The article by Henrik Sorensen was translated.",
            "spelling",
            "neutral",
            "variant",
        ),
        # a plainer verb replaced by a charged one
        (
            "Demonstrators tried to push through a barrier near the entrance.",
            "Demonstrators stormed a barrier near the entrance.",
            "wording",
            "stronger",
            "stormed",
        ),
    ],
)
def test_antonyms_modal_equivalents_names_and_charged_verbs(a, b, kind, effect, words):
    (c,) = compare(a, b).changes
    assert (c.kind, c.effect) == (kind, effect), c.explanation
    assert words in c.explanation


def test_need_to_without_a_modal_on_the_other_side_is_no_modal_change():
    """A periphrastic modal alone ('had to be done' / 'to be done') is no evidence."""
    cmp = compare(
        "Their comment was that more work still had to be done.",
        "Their comment was that there was still work to be done.",
    )
    assert not [c for c in cmp.changes if c.effect == "shifted"]


def test_change_inside_a_simile_is_read_against_the_simile():
    # review §14 item 17: the changed words carry no cue, but the comparison around them does
    # on both sides; the figure is reworded inside the simile, not removed
    cmp = compare(
        "Paying for the gas feels like buying family silver back from a robber.",
        "Paying for the gas is like buying the family's money from a thief.",
    )
    c = one(cmp, "wording", None, "silver", "thief")
    assert c.effect == "neutral", c.explanation
    assert any("simile" in e for e in c.evidence) and "no cue" not in c.explanation
    # the hedge in the cue words still counts on its own
    one(cmp, "wording", "stronger", "feels", "is")
