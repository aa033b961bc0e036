"""The one scoring core: every type, with edge cases (empty, overlapping, duplicated)."""

from __future__ import annotations

import pytest

from framingkit.exercises import parse_key, score
from framingkit.exercises.feedback import feedback_html, feedback_text

from exercises_sample_key import LESSON, SPAN_TEXT, sample_key


@pytest.fixture(scope="module")
def key():
    return parse_key(sample_key())


def ex(key, name):
    return key.exercises[f"{LESSON}/{name}"]


# ----------------------------------------------------------------------------- spans


def test_spans_all_right_by_phrase_and_by_offsets(key):
    e = ex(key, "boosters")
    s = score(e, ["boldly", "such excessive zeal", "declined"])
    assert s.points == 3 and not s.missed and not s.extra and len(s.right) == 3
    i = SPAN_TEXT.index("boldly")
    s2 = score(e, [(i, i + 6), "SUCH   excessive zeal", "declined"])  # case and spacing tolerated
    assert s2.points == 3
    assert "Checked your 3 phrases against the 3 phrases the exercise asks for" in s2.checked
    assert "part credit for a phrase that overlaps" in s2.checked and "F1" not in s2.checked


def test_spans_empty_answer(key):
    for empty in (None, [], "", "   "):
        s = score(ex(key, "boosters"), empty)
        assert s.points == 0 and not s.answered
        assert "not answered" in s.checked
        assert s.unanswered == ["all 3 phrases to find"] and not s.missed


def test_spans_partial_overlap_gets_partial_credit(key):
    s = score(ex(key, "boosters"), ["excessive zeal"])
    assert 0 < s.points < 3
    # first try: a hint, not the reference
    assert s.partial == [
        "“excessive zeal”: close, but the phrase that counts is longer: "
        "take in the words next to it."
    ]
    assert all("boldly" not in m and "declined" not in m for m in s.missed)
    # revealed: the reference with the key's reason
    r = score(ex(key, "boosters"), ["excessive zeal"], reveal=True)
    assert r.partial == [
        "“such excessive zeal”: you picked “excessive zeal”, part of it "
        "('such' and 'excessive' intensify)"
    ]
    assert any("boldly" in m and "adverb" in m for m in r.shown) and not r.missed
    assert "%" not in feedback_text(s) + feedback_text(r)  # no metric on a student's screen
    # a phrase longer than the reference: partial precision
    s2 = score(ex(key, "boosters"), ["Putin boldly announced"])
    assert any("“Putin boldly announced”: close" in p and "shorter" in p for p in s2.partial)
    assert 0 < s2.points < score(ex(key, "boosters"), ["boldly"]).points + 0.01


def test_spans_overlapping_answer_phrases_are_joined(key):
    s = score(ex(key, "boosters"), ["such excessive", "excessive zeal"])
    assert any("overlapped" in p for p in s.problems)
    assert s.details["answer_spans"] == [
        (SPAN_TEXT.index("such excessive"), SPAN_TEXT.index("zeal") + 4)
    ]
    assert any("such excessive zeal" in r for r in s.right)


def test_spans_duplicated_and_unknown_phrases_are_reported_not_dropped(key):
    s = score(ex(key, "boosters"), [(SPAN_TEXT.index("boldly"), SPAN_TEXT.index("boldly") + 6)] * 2)
    assert any("given twice" in p for p in s.problems)
    s2 = score(ex(key, "boosters"), ["boldly", "not in the text at all", (5, 2), 7])
    assert len(s2.problems) == 3
    assert any("not in the text" in p for p in s2.problems)


def test_spans_repeated_phrase_takes_next_occurrence():
    k = parse_key(
        {
            "lesson": "t",
            "exercises": {
                "t/x": {
                    "type": "spans",
                    "prompt": "p",
                    "text": "very good and very bad",
                    "reference": ["very", "very"],
                }
            },
        }
    )
    s = score(k.exercises["t/x"], ["very", "very"])
    assert s.points == 1 and not s.problems


def test_spans_extra_phrase_lowers_precision(key):
    full = score(ex(key, "boosters"), ["boldly", "such excessive zeal", "declined"]).points
    more = score(ex(key, "boosters"), ["boldly", "such excessive zeal", "declined", "Xi"])
    assert more.points < full and more.extra == ["“Xi” is not one of the phrases asked for"]


# ----------------------------------------------------------------------------- classify


def test_classify_partial_credit_per_axis(key):
    e = ex(key, "kinds")
    assert score(e, {"c1": ["wording", "stronger"], "c2": ["paratext", "neutral"]}).points == 2
    s = score(e, {"c1": ["wording", "weaker"], "c2": {"kind": "paratext", "effect": "weaker"}})
    assert s.points == 1.5
    assert any("kind right" in p and "effect not 'weaker'" in p for p in s.partial)
    assert not any("stronger" in p for p in s.partial)  # a hint, not the reference
    r = score(e, {"c1": ["wording", "weaker"]}, reveal=True)
    assert any(
        "kind right; effect: the answer was 'stronger', not 'weaker'" in p for p in r.partial
    )
    assert "part credit per axis: kind + effect" in s.checked


def test_classify_empty_missing_extra_and_bad_labels(key):
    e = ex(key, "kinds")
    assert score(e, {}).points == 0 and not score(e, {}).answered
    s = score(e, {"c1": ["wording", "stronger"], "zz": ["wording", "weaker"]})
    assert s.points == 1
    # a blank item is counted, never revealed (not even with reveal=True)
    assert s.unanswered == ["1 item not answered yet: c2."] and not s.missed
    assert "Paratext" not in str(score(e, {"c1": ["wording", "stronger"]}, reveal=True))
    assert any("'zz'" in x for x in s.extra)
    s2 = score(e, {"c1": ["nonsense", "stronger"], "c2": "paratext"})
    assert any("'nonsense'" in p for p in s2.problems)
    assert any("one label per axis" in p for p in s2.problems)
    assert score(e, "wording").problems
    half = score(e, {"c1": ["wording", None]}, reveal=True)
    assert half.partial == [
        "c1 (declined -> refused): kind right; effect: the answer was 'stronger'. A word swap."
    ]


def test_classify_single_axis_label():
    k = parse_key(
        {
            "lesson": "t",
            "exercises": {
                "t/x": {
                    "type": "classify",
                    "prompt": "p",
                    "labels": ["a", "b"],
                    "items": {"i1": "one", "i2": "two"},
                    "reference": {"i1": "a", "i2": "b"},
                }
            },
        }
    )
    assert score(k.exercises["t/x"], {"i1": "a", "i2": "a"}).points == 0.5


# ----------------------------------------------------------------------------- choice


def test_choice_right_wrong_and_misconception_feedback(key):
    e = ex(key, "scare")
    assert score(e, "b").points == 1
    assert score(e, "B)").points == 1
    wrong = score(e, "a")
    assert wrong.points == 0 and "Misconception: quotation marks always mean" in wrong.missed[0]
    assert "distance the writer" not in str(wrong)  # the right option is not shown yet
    shown = score(e, "a", reveal=True)
    assert shown.shown == ["b) They distance the writer from the words."]  # not its "Yes."
    k = sample_key()
    k["exercises"][f"{LESSON}/scare"]["options"]["b"]["feedback"] = "Right: the marks distance."
    shown = score(parse_key(k).exercises[f"{LESSON}/scare"], "a", reveal=True)
    assert shown.shown == ["b) They distance the writer from the words. The marks distance."]
    assert "distance" not in shown.missed[0]
    bad = score(e, "z")
    assert bad.points == 0 and "not one of the options" in bad.problems[0]
    assert not score(e, None).answered


# ----------------------------------------------------------------------------- links


def test_links_f1_with_half_credit_and_duplicates(key):
    e = ex(key, "map")
    assert score(e, [("c2", "c1", "supports"), ("c3", "c2", "contrasts")]).points == 2
    s = score(e, [("c2", "c1", "supports"), ("c2", "c1", "supports"), ("c1", "c3", "supports")])
    assert any("twice" in p for p in s.problems)
    assert s.extra == ["c1 -supports-> c3 is not a link of the answer key's map"]
    assert s.missed == ["A link not found yet. Hint: What does c3 do for another claim?"]
    shown = score(e, [("c2", "c1", "supports")], reveal=True)
    assert shown.shown == ["c3 -contrasts-> c2"] and not shown.missed
    assert s.points == 1.0  # P = 1/2, R = 1/2
    half = score(e, [("c1", "c2", "supports"), ("c3", "c2", "elaborates")])
    assert half.points == 1.0 and len(half.partial) == 2
    assert "direction" in half.partial[0] and "relation" in half.partial[1]
    assert score(e, []).points == 0
    k = sample_key()
    k["exercises"][f"{LESSON}/map"]["reference"][1] = {
        "source": "c3",
        "target": "c2",
        "relation": "contrasts",
        "why": "bold words, no deal",
    }
    e2 = parse_key(k).exercises[f"{LESSON}/map"]
    assert score(e2, [("c2", "c1", "supports")], reveal=True).shown == [
        "c3 -contrasts-> c2 (bold words, no deal)"
    ]
    bad = score(
        e, [("c1", "c9", "supports"), ("c1", "c2", "loves"), ("c1",), ("c1", "c1", "supports")]
    )
    assert len(bad.problems) == 4 and bad.points == 0


# ----------------------------------------------------------------------------- text


def test_text_is_never_auto_scored(key):
    e = ex(key, "why")
    assert e.points == 3
    s = score(e, "The headline claims a plan.")
    assert s.points is None and s.fraction is None and "not checked automatically" in s.checked
    graded = score(e, "The headline claims a plan.", rubric_points={"r1": 1, "r2": 1.5})
    assert graded.points == 2.5 and graded.right and graded.partial
    odd = score(e, "x", rubric_points={"r1": 5, "r9": 1})
    assert odd.points == 0 and odd.problems and odd.extra
    assert any("not scored yet" in m for m in odd.missed)


# ----------------------------------------------------------------------------- feedback views


def test_feedback_names_sections_with_symbols_not_colour_alone(key):
    s = score(ex(key, "boosters"), ["boldly", "Xi", "excessive"], reveal=True)
    text = feedback_text(s)
    assert text.startswith("Checked your 3 phrases against the 3 phrases the exercise asks for")
    assert "✓ Right: “boldly”" in text and "◆ The answer was: “declined”" in text
    assert "✗" not in text  # a revealed reference is not wrong-answer feedback
    assert "+ Not asked for:" in text and "F1" not in text and "!" not in text
    html = feedback_html(s)
    assert "Right (1)" in html and "<script" not in html


def test_spans_use_the_kits_one_span_metric(key):
    """Self-check, the grader and spot's evaluation share one partial-overlap F1."""
    from framingkit.spot.scoring import score_spans

    e = ex(key, "boosters")
    answer = ["Putin boldly", "excessive zeal", "Xi"]
    ours = score(e, answer)
    theirs = score_spans(answer, [r.text for r in e.reference], SPAN_TEXT)
    assert ours.details["f1"] == theirs.f1
    assert ours.points == round(theirs.f1 * e.points, 2)


# ----------------------------------------------------------------------------- lenient reading


def test_classify_reads_label_variants_and_says_so(key):
    e = ex(key, "kinds")
    s = score(e, {"C1": ["Wording", "Stronger"], "c2": ["paratext", "weak"]})
    assert s.points == 2 and not s.problems
    assert any("Read 'Stronger' as the label 'stronger'" in f for f in s.feedback)
    assert any("Read 'weak' as the label 'weaker'" in f for f in s.feedback)
    assert any("Read 'C1' as the item 'c1'" in f for f in s.feedback)
    wrong = score(e, {"c1": ["wording", "nuetral"]})
    assert wrong.points == 0.5 and any("Did you mean 'neutral'?" in p for p in wrong.problems)


def test_classify_underscore_labels_start_of_label_and_aliases():
    k = parse_key(
        {
            "lesson": "t",
            "exercises": {
                "t/x": {
                    "type": "classify",
                    "prompt": "p",
                    "labels": ["scare_quote", "stance_verb", "original only", "neither"],
                    "aliases": {"none": "neither"},
                    "items": {"i1": "a", "i2": "b", "i3": "c", "i4": "d"},
                    "reference": {
                        "i1": "scare_quote",
                        "i2": "stance_verb",
                        "i3": "original only",
                        "i4": "neither",
                    },
                }
            },
        }
    )
    e = k.exercises["t/x"]
    s = score(e, {"i1": "Scare quote", "i2": ["stance verb"], "i3": "original", "i4": "none"})
    assert s.points == 1 and not s.problems
    text = " ".join(s.feedback)
    assert "the start of that label" in text and "'none' is another name" in text
    # a wrong label is never accepted
    assert score(e, {"i1": "stance verb"}).points == 0


def test_classify_views_label_is_an_alias_of_a_code_table():
    k = parse_key(
        {
            "lesson": "t",
            "exercises": {
                "t/x": {
                    "type": "classify",
                    "prompt": "p",
                    "labels": "framingkit.compare:EFFECTS",
                    "items": {"i1": "a"},
                    "reference": {"i1": "attribution"},
                }
            },
        }
    )
    s = score(k.exercises["t/x"], {"i1": "voice"})
    assert s.points == 1 and "Read 'voice' as the label 'attribution'" in s.feedback[0]


def test_classify_wrong_type_of_answer_shows_an_example(key):
    s = score(ex(key, "kinds"), "wording")
    assert (
        "e.g. {'c1': ['wording', 'stronger'], 'c2': ['wording', 'stronger'], ...}"
        in (s.problems[0])
    )


def test_choice_reads_common_spellings_and_never_crashes(key):
    e = ex(key, "scare")
    for value in ("(b)", "Option B", "b.", ["b"], "They distance the writer from the words."):
        assert score(e, value).points == 1, value
    assert any("list" in f for f in score(e, ["b"]).feedback)
    assert "Read '(b)' as option b." in score(e, "(b)").feedback  # said, not silent
    assert not score(e, "b").feedback[:-1]  # the exact key needs no note
    both = score(e, ["a", "b"])
    assert both.points == 0 and "pick one option" in both.problems[0]
    wrong = score(e, "a")
    assert wrong.missed[0].startswith("a) is not the best answer.")
    assert "Misconception" in wrong.missed[0]
    assert feedback_text(wrong).count("Misconception") == 1  # said once, not twice


def test_links_read_case_relation_forms_and_written_links(key):
    e = ex(key, "map")
    s = score(e, [("C2", "C1", "Support"), "c3 -contrasts-> c2"])
    assert s.points == 2 and not s.problems
    assert any("Read 'Support' as the label 'supports'" in f for f in s.feedback)
    assert score(e, "c2 supports c1; c3 contrasts c2").points == 2
    pair = score(e, [("c2", "c1")])
    assert "no relation" in pair.problems[0]


def test_spans_string_of_phrases_typos_and_pieces_of_one_reference(key):
    e = ex(key, "boosters")
    s = score(e, "boldly, such excessive zeal, declined")
    assert s.points == 3 and "split at its commas" in s.feedback[0]
    typo = score(e, ["bodly"])
    assert "Did you mean 'boldly'?" in typo.problems[0]
    pieces = score(e, ["such", "excessive zeal"])
    assert any("part of a phrase that another of your phrases" in x for x in pieces.extra)
    assert not any("such excessive zeal" in x for x in pieces.extra)  # not revealed


def _open_quote(s: str) -> bool:
    return s.count('"') % 2 == 1 or s.count("“") != s.count("”")


def test_item_excerpts_never_end_inside_a_quotation():
    """01-compare k2 was shown as `k2 (the headline "Xi Jinping's plan to annex Russian
    territory …)`: an excerpt of an item ends at a clause end outside quotation marks."""
    from framingkit.exercises import find_exercise, load_key
    from framingkit.exercises.model import default_key_dir
    from framingkit.exercises.scoring import excerpt

    k2 = 'the headline "Xi Jinping\'s plan to annex Russian territory is there for all to see" → x'
    for n in (20, 40, 60, 80):
        assert not _open_quote(excerpt(k2, n)), n
    assert excerpt("“a, b” c, d e f g h", 8) == "“a, b” …"
    for path in sorted(default_key_dir().glob("*.json")):
        for e in load_key(path.stem).exercises.values():
            for i in (*e.items, *e.claims):
                assert not _open_quote(excerpt(i.text)) or _open_quote(i.text), (e.id, i.id)
                assert not _open_quote(excerpt(i.text, 50)) or _open_quote(i.text), (e.id, i.id)
    s = score(find_exercise("01-compare/kinds"), {"k2": "wording"}, reveal=True)
    (line,) = [x for x in s.shown if x.startswith("k2")]
    assert 'there for all to see" …)' in line
