"""The shipped keys as a student meets them: fair multiple choice, hints that do not give the
answer away, whole-word phrases, and the key-schema additions (hint, accept, distractors,
graded) working on real and sample keys."""

from __future__ import annotations

import re

import pytest

from framingkit.errors import InputError
from framingkit.exercises import load_key, parse_key, score
from framingkit.exercises.model import LEGACY_LABELS, default_key_dir

from exercises_sample_key import LESSON, sample_key

LESSONS = sorted(p.stem for p in default_key_dir().glob("*.json"))


def _all():
    for lesson in LESSONS:
        yield from load_key(lesson).exercises.values()


def test_the_right_option_is_not_systematically_the_longest():
    """Test-wise students pick the longest option: it must be the right one in at most a third
    of the choice items (counted over all shipped keys)."""
    choice = [e for e in _all() if e.type == "choice"]
    assert choice
    longest = []
    for e in choice:
        lengths = {k: len(o.text) for k, o in e.options.items()}
        top = max(lengths.values())
        if any(lengths[k] == top for k in e.reference):
            longest.append(e.id)
    assert len(longest) * 3 <= len(choice), (
        f"the right option is the longest in {len(longest)} of {len(choice)} choice items "
        f"(at most a third allowed): {', '.join(longest)}"
    )


def _word_in(word: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


def test_hints_do_not_contain_their_answer():
    bad = []
    for e in _all():
        if e.type == "spans":
            bad += [f"{e.id}: {r.text}" for r in e.reference if r.hint and _word_in(r.text, r.hint)]
        if e.type == "classify":
            for item in e.items:
                for labels in e.reference.get(item.id, {}).values():
                    bad += [  # (a label the item's own text shows, e.g. "moved:", is no leak)
                        f"{e.id}/{item.id}: {lab}"
                        for lab in labels
                        if item.hint
                        and _word_in(lab.replace("_", " "), item.hint)
                        and not re.search(rf"(?<!\w){re.escape(lab)}", item.text, re.IGNORECASE)
                    ]
        if e.type == "choice" and e.hint:
            for k in e.reference:
                if _word_in(e.options[k].text, e.hint):
                    bad.append(f"{e.id}: option {k}")
    assert not bad, "hints that give the answer away: " + "; ".join(bad)


def _with_text(*words):
    """The first shipped spans exercise whose text has all ``words`` (as whole words)."""
    return next(e for e in _all() if e.type == "spans" and all(_word_in(w, e.text) for w in words))


def test_phrases_match_whole_words_in_the_lesson_texts():
    """From the student walkthrough: "at" is not found inside "statements", "so" not inside
    "whatsoever"."""
    diff = next(e for e in _all() if e.type == "spans" and "statements" in e.text)
    s = score(diff, ["at"], reveal=True)
    assert not any("statements" in line for line in s.extra + s.partial + s.right)
    boost = _with_text("whatsoever", "so")  # "do so" is a word of the text, not a booster
    s = score(boost, ["so"], reveal=True)
    assert not any("whatsoever" in line for line in s.partial + s.right + s.extra)
    s = score(boost, ["soever"])
    assert "inside a longer word (“whatsoever”)" in s.problems[0]


def test_a_typed_straight_apostrophe_matches_the_texts_curly_one():
    """Student review 1, finding 5: "Xi's official statements" typed with a straight ' was
    refused although the text has Xi’s (and the exercise says apostrophes do not count)."""
    from framingkit.exercises.api import Exercise
    from framingkit.exercises.scoring import answer_spans

    diff = next(e for e in _all() if e.type == "spans" and "Xi’s official statements" in e.text)
    spans, problems = answer_spans(diff, ["Xi's official statements"])
    assert not problems and [diff.text[a:b] for a, b in spans] == ["Xi’s official statements"]
    pytest.importorskip("ipywidgets")
    from framingkit.exercises.widgets import exercise_widget

    ex = Exercise(diff)
    ex.widget = exercise_widget(ex)
    ex.widget.children[0].children[0].children[0].value = "Xi's official statements"
    a = diff.text.index("Xi’s official statements")
    assert ex.widget_value == [[a, a + len("Xi’s official statements")]]


def test_key_hint_is_shown_first_and_why_only_on_reveal():
    data = sample_key()
    data["exercises"][f"{LESSON}/kinds"]["items"][0]["hint"] = "Would the speaker agree to it?"
    data["exercises"][f"{LESSON}/boosters"]["reference"][2] = {
        "text": "declined",
        "why": "a polite no",
        "hint": "Look at how Xi's answer is reported.",
    }
    data["exercises"][f"{LESSON}/scare"]["hint"] = "Who is speaking?"
    k = parse_key(data)
    s = score(k.exercises[f"{LESSON}/kinds"], {"c1": ["wording", "weaker"]})
    assert s.partial[0].endswith("Hint: Would the speaker agree to it?")
    assert s.hinted == ["c1"]
    s = score(k.exercises[f"{LESSON}/boosters"], ["boldly"])
    assert "A phrase not found yet. Hint: Look at how Xi's answer is reported." in s.missed
    assert "polite" not in str(s.missed)
    assert any(
        "a polite no" in m
        for m in score(k.exercises[f"{LESSON}/boosters"], ["boldly"], reveal=True).shown
    )
    s = score(k.exercises[f"{LESSON}/scare"], "c")
    assert s.missed[0].endswith("Hint: Who is speaking?")


def test_generated_hint_names_the_sentence_not_the_phrase():
    k = parse_key(sample_key())
    s = score(k.exercises[f"{LESSON}/boosters"], ["boldly", "such excessive zeal"])
    (line,) = s.missed
    assert line == (
        "A phrase not found yet. Hint: Look again at the sentence that begins "
        "“But Xi, unmoved by …”."
    )
    assert "declined" not in line


def test_accept_gives_full_credit_with_the_note():
    data = sample_key()
    data["exercises"][f"{LESSON}/kinds"]["items"][1]["accept"] = {
        "effect": {"stronger": "Dropping the headline can also make the rest sound blunter."}
    }
    e = parse_key(data).exercises[f"{LESSON}/kinds"]
    s = score(e, {"c2": ["paratext", "stronger"]})
    assert s.right and s.points == 1
    assert "'paratext' + 'stronger' (also right here). Dropping the headline" in s.right[0]


def test_an_accepted_answer_shows_its_note_not_the_references_reason():
    """01-compare e7 answered 'weaker' (accepted): the key's reason for 'shifted' contradicts
    it, so only the accept note is shown, on every path (hint try, reveal, widget = typed)."""
    from framingkit.exercises.feedback import feedback_html, feedback_text

    data = sample_key()
    item = data["exercises"][f"{LESSON}/kinds"]["items"][0]
    item["why"] = "The wording grows stronger, not weaker."
    item["accept"] = {"effect": {"weaker": "Accepted: the refusal sounds more polite."}}
    e = parse_key(data).exercises[f"{LESSON}/kinds"]
    for reveal in (False, True):
        s = score(e, {"c1": ["wording", "weaker"]}, reveal=reveal)
        text, html = feedback_text(s), feedback_html(s)
        assert s.right and "Accepted: the refusal sounds more polite." in text
        assert "grows stronger" not in text and "grows stronger" not in html
        assert text.count("the refusal sounds more polite") == 1
    with pytest.raises(InputError, match="not an axis"):
        data["exercises"][f"{LESSON}/kinds"]["items"][1]["accept"] = {"colour": {"x": "y"}}
        parse_key(data)


def _appraisal_key(labels, ref):
    return parse_key(
        {
            "lesson": "t",
            "exercises": {
                "t/c": {
                    "type": "classify",
                    "prompt": "p",
                    "labels": labels,
                    "items": {k: k for k in ref},
                    "reference": ref,
                }
            },
        }
    ).exercises["t/c"]


def test_old_category_names_are_read_leniently_with_a_note():
    assert set(LEGACY_LABELS) == {"booster", "hedge", "scare_quote", "stance_verb"}
    e = _appraisal_key(
        ["attitude", "force", "proclaim", "entertain", "attribute", "label"],
        {"i1": "proclaim", "i2": "force", "i3": "entertain", "i4": "attribute", "i5": "force"},
    )
    s = score(
        e, {"i1": "booster", "i2": "booster", "i3": "hedge", "i4": "scare quote", "i5": "hedge"}
    )
    assert s.points == 1, s
    notes = " ".join(s.feedback)
    assert "'booster' is an older name" in notes and "'proclaim' for certainty" in notes
    # an old name never makes a wrong answer right
    assert score(e, {"i4": "booster"}).points == 0


def test_a_subtype_of_the_right_category_is_accepted_with_a_note():
    from framingkit.spot.categories import CATEGORIES

    e = _appraisal_key(list(CATEGORIES), {"w7": "attitude", "w2": "force"})
    s = score(e, {"w7": "affect", "w2": "downtone"})
    assert s.points == 1
    assert "Read 'affect' as 'attitude': 'affect' is a kind of attitude." in s.feedback
    assert score(e, {"w7": "downtone"}).points == 0


def test_distractor_reason_for_an_extra_phrase():
    data = sample_key()
    data["exercises"][f"{LESSON}/boosters"]["distractors"] = [
        {"text": "Ahead", "why": "'Ahead' only places the visit in time"}
    ]
    e = parse_key(data).exercises[f"{LESSON}/boosters"]
    s = score(e, ["boldly", "Ahead of the visit"])
    assert "“Ahead of the visit”: 'Ahead' only places the visit in time" in s.extra
    data["exercises"][f"{LESSON}/boosters"]["distractors"] = [{"text": "nowhere", "why": "x"}]
    with pytest.raises(InputError, match="not in its text"):
        parse_key(data)


def test_the_kits_category_explains_an_extra_phrase_in_an_evaluative_exercise():
    boost = _with_text("whatsoever", "revisionist")  # an exercise on graduation
    s = score(boost, ["revisionist"])
    assert any(x.startswith("“revisionist”: the kit reads") for x in s.extra), s.extra
    assert "Subtype(" not in str(s.extra)
    diff = next(e for e in _all() if e.type == "spans" and "statements" in e.text)
    words = [m for m in re.finditer(r"\w+", diff.text) if len(m.group()) > 4]
    free = [m.group() for m in words if not any(m.start() < r.end and r.start < m.end()
                                               for r in diff.reference)]  # fmt: skip
    s = score(diff, free[:6])  # a differences exercise: the kit's categories do not apply
    assert s.extra and all("the kit reads" not in x for x in s.extra)


def test_graded_and_withheld_flags():
    data = sample_key()
    data["exercises"][f"{LESSON}/scare"]["graded"] = False
    k = parse_key(data)
    assert not k.exercises[f"{LESSON}/scare"].graded and k.exercises[f"{LESSON}/kinds"].graded
    data["exercises"][f"{LESSON}/scare"]["graded"] = "yes"
    with pytest.raises(InputError, match="'graded' 'yes'; it must be true or false"):
        parse_key(data)
    withheld = {
        "type": "classify",
        "prompt": "p",
        "labels": ["a", "b"],
        "items": [{"id": "i1", "text": "x"}],
        "withheld": True,
    }
    e = parse_key({"lesson": "t", "exercises": {"t/w": withheld}}).exercises["t/w"]
    assert e.withheld and e.reference == {}
    s = score(e, {"i1": "a"})
    assert s.points is None and "Self-check is off" in s.checked


def test_exercise_numbers_match_the_lesson_headings():
    """after() names an exercise by its number ("Exercise 3"), from the key's ``number`` or
    its position in the key: it must be the number of the lesson's heading above its cell."""
    import json
    from pathlib import Path

    from framingkit.exercises.answers import cell_exercise, cell_source

    root = Path(__file__).resolve().parent.parent / "solutions"
    checked = 0
    for lesson in LESSONS:
        path = root / f"{lesson}.ipynb"
        if not path.is_file():
            continue
        key = load_key(lesson)
        heading = None
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            m = re.search(r"^#+ Exercise (\d+)\b", cell_source(cell), re.M)
            if cell.get("cell_type") == "markdown" and m:
                heading = int(m.group(1))
            eid = cell_exercise(cell)
            if eid in key.exercises and heading is not None:
                assert key.exercises[eid].number == heading, (eid, heading)
                checked += 1
    assert checked >= len(LESSONS)


def test_a_rubric_criterions_why_is_for_the_grader_only():
    """Student review 1, finding 11: a rubric's worked example gave the answer away. A
    criterion's ``why`` (the example, the expected content) is never shown to a student and
    is left out of a release's student key; the criterion itself is shown."""
    from framingkit.exercises.feedback import feedback_text
    from framingkit.exercises.scoring import form_check
    from framingkit.release import student_key

    data = sample_key()
    data["exercises"][f"{LESSON}/why"]["rubric"][0]["why"] = "e.g. the plan to annex"
    e = parse_key(data).exercises[f"{LESSON}/why"]
    for s in (score(e, "My answer."), form_check(e, "My answer.")):
        text = feedback_text(s)
        assert "names the headline's claim" in text and "annex" not in text
    student, _ = student_key(data)
    assert "annex" not in str(student) and "names the headline's claim" in str(student)
