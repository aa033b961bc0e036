"""The widgets of every type, driven in-process: each change reaches the answer record."""

from __future__ import annotations

import pytest

from framingkit.exercises import parse_key
from framingkit.exercises.api import Exercise, prompt_html
from framingkit.exercises.widgets import chunks, exercise_widget, selected_spans

from exercises_sample_key import LESSON, SPAN_TEXT, sample_key

pytest.importorskip("ipywidgets")


@pytest.fixture(scope="module")
def key():
    return parse_key(sample_key())


def make(key, name, value=None, typed=None):
    ex = Exercise(key.exercises[f"{LESSON}/{name}"], typed=typed, self_check=True)
    ex.widget_value = value
    ex.widget = exercise_widget(ex)
    return ex


def body(ex):
    return ex.widget.children[0]


def check(ex):
    ex.widget.children[2].children[0].click()
    return ex.widget.children[3].value


def test_word_chunks_and_phrases():
    chs = chunks("Hi, you.\n\n“New” – here")
    assert [c[4] for c in chs] == [False, False, True, False, False]
    assert chs[3][2] == chs[3][3]  # the dash has no word: a disabled button
    assert selected_spans(chs, [True, True, True, False, True]) == [[0, 7], [11, 14], [18, 22]]


def test_spans_widget_restores_toggles_and_checks(key):
    b = SPAN_TEXT.index("boldly")
    ex = make(key, "boosters", [[b, b + 6]])
    words = body(ex).children[2].children
    on = [w.description for w in words if getattr(w, "value", False)]
    assert on == ["boldly"] and words[0].tooltip.startswith("select")
    assert not words[0].tabbable  # keyboard users type phrases instead of tabbing
    target = next(w for w in words if w.description == "declined")
    target.value = True
    d = SPAN_TEXT.index("declined")
    assert ex.widget_value == [[b, b + 6], [d, d + 8]] and ex.via == "widget" and ex.saved
    assert target.icon == "check"  # selection shown by a mark, not colour alone
    assert "Selected 2 phrases" in body(ex).children[3].value
    html = check(ex)
    assert "Checked your 2 phrases against the 3 phrases the exercise asks for" in html
    body(ex).children[0].children[3].click()  # Clear selection
    assert ex.widget_value is None and "not answered yet" in ex._status_html()


def test_clicked_words_build_phrases_and_add_phrase_takes_them(key):
    """The walkthrough: three consecutive word buttons kept only the last, and Add phrase took
    only the text box. Consecutive clicked words are one phrase, a word apart starts another,
    and Add phrase with an empty box adds the clicked selection (the same answer as typing)."""
    ex = make(key, "boosters")
    typing, msg, words, summary = body(ex).children
    add = typing.children[1]
    by_word = {b.description.strip(",."): b for b in words.children if hasattr(b, "value")}
    for word in ("such", "excessive", "zeal"):
        by_word[word].value = True
    by_word["boldly"].value = True
    z, b = SPAN_TEXT.index("such excessive zeal"), SPAN_TEXT.index("boldly")
    spans = [[b, b + 6], [z, z + len("such excessive zeal")]]
    assert ex.widget_value == spans
    assert "Selected 2 phrases: “boldly”, “such excessive zeal”" in summary.value
    add.click()  # the box is empty: the clicked words are added, not refused
    assert ex.widget_value == spans
    assert "Added your clicked words: 2 phrases, “boldly”, “such excessive zeal”." in msg.value
    typed = make(key, "boosters")
    typed.widget.children[0].children[0].children[0].value = "such excessive zeal"
    typed.widget.children[0].children[0].children[0].value = "boldly"
    assert typed.widget_value == ex.widget_value  # widget clicks = typed phrases
    from framingkit.exercises.api import _TRIES

    _TRIES.clear()
    first = ex.feedback_text()
    _TRIES.clear()
    assert first == typed.feedback_text()
    _TRIES.clear()
    empty = make(key, "boosters")
    empty.widget.children[0].children[0].children[1].click()
    assert "Click the words of a phrase" in empty.widget.children[0].children[1].value
    assert empty.widget_value is None


def test_spans_phrase_box_adds_and_removes_phrases(key):
    ex = make(key, "boosters")
    phrase, add, drop, _ = body(ex).children[0].children
    assert phrase.description == "Phrase"  # a visible label
    phrase.value = "such excessive zeal"  # Enter in the box (the value arrives): selected
    assert ex.widget_value and "Selected" in body(ex).children[1].value
    add.click()  # again: nothing changes
    z = SPAN_TEXT.index("such excessive zeal")
    assert ex.widget_value == [[z, z + len("such excessive zeal")]]
    assert "Selected “such excessive zeal”" in body(ex).children[1].value
    phrase.value = "at"  # not a whole word of the text
    add.click()
    assert "inside a longer word" in body(ex).children[1].value
    phrase.value = "excessive zeal"
    drop.click()
    assert ex.widget_value == [[z, z + len("such")]]


def test_widget_feedback_is_the_typed_feedback(key):
    """The Check button and a typed answer show the same lines (HTML vs plain text)."""
    import html as h
    import re

    from framingkit.exercises.api import _TRIES
    from framingkit.exercises.feedback import feedback_text
    from framingkit.exercises.scoring import score

    _TRIES.clear()
    ex = make(key, "kinds", {"c1": ["wording", "weaker"]})
    shown = h.unescape(re.sub(r"<[^>]+>", "\n", check(ex)))
    for line in feedback_text(score(ex.defn, ex.value)).splitlines():
        assert line.split(": ", 1)[-1] in shown, line
    _TRIES.clear()


def test_every_dropdown_has_a_visible_label(key):
    for name in ("kinds", "map"):
        ex = make(key, name)
        stack = [ex.widget]
        while stack:
            wdg = stack.pop()
            stack += list(getattr(wdg, "children", ()))
            if type(wdg).__name__ in ("Dropdown", "SelectMultiple"):
                assert wdg.description.strip(), (name, wdg)


def _ch(css):
    assert css.endswith("ch"), css
    return float(css[:-2])


def test_dropdowns_are_as_wide_as_their_longest_label():
    """Student review 1, finding 4: lesson 00's labels showed as "hea…", "curl…": the label
    column and the dropdown are sized to the longest item id and the longest option."""
    from framingkit.exercises import find_exercise

    for ex_id in ("00-start-here/clues", f"{LESSON}/kinds", f"{LESSON}/map"):
        defn = (
            find_exercise(ex_id)
            if ex_id.startswith("00")
            else parse_key(sample_key()).exercises[ex_id]
        )
        ex = Exercise(defn)
        stack = [exercise_widget(ex)]
        seen = 0
        while stack:
            wdg = stack.pop()
            stack += list(getattr(wdg, "children", ()))
            if type(wdg).__name__ != "Dropdown":
                continue
            seen += 1
            label = _ch(wdg.style.description_width)
            assert label >= len(wdg.description) + 1, (ex_id, wdg.description)
            longest = max(len(o[0] if isinstance(o, tuple) else o) for o in wdg.options)
            assert _ch(wdg.layout.width) - label >= longest + 3, (ex_id, wdg.options)
        assert seen, ex_id


def test_classify_widget(key):
    ex = make(key, "kinds", {"c1": ["wording", "weaker"]})
    rows = body(ex).children
    kind, effect = rows[0].children[:2]
    assert (kind.value, effect.value) == ("wording", "weaker")
    effect.value = "stronger"
    rows[1].children[0].value = "paratext"
    assert ex.widget_value == {"c1": ["wording", "stronger"], "c2": ["paratext", None]}
    assert "Checked your labels for 2 of the 2 items" in check(ex)


def test_choice_widget_is_exclusive_and_gives_misconception(key):
    ex = make(key, "scare")
    rows = body(ex).children
    a, b = rows[0].children[0], rows[1].children[0]
    a.value = True
    assert ex.widget_value == "a"
    assert "Misconception: quotation marks always mean" in check(ex)
    b.value = True
    assert (a.value, ex.widget_value) == (False, "b")
    b.value = False
    assert ex.widget_value is None


def test_text_widget_and_self_check_off(key):
    ex = make(key, "why")
    body(ex).value = "The headline claims a plan."
    assert ex.widget_value == "The headline claims a plan."
    html = check(ex)
    assert "not checked automatically" in html and "r2 (2 points): says how it frames" in html
    off = Exercise(key.exercises[f"{LESSON}/graded"], self_check=False)
    off.widget = exercise_widget(off)
    off.widget.children[0].children[0].children[0].value = True
    assert "Self-check is off for this exercise" in check(off)
    assert off.widget_value == "a"  # the answer is still kept


def test_links_widget_add_remove(key):
    ex = make(key, "map", [["c2", "c1", "supports"]])
    src, rel, tgt, add = body(ex).children[0].children
    assert rel.description == "relation"
    listing, remove = body(ex).children[2], body(ex).children[3]
    assert listing.options[0][0] == "c2 -supports-> c1"
    src.value, rel.value, tgt.value = "c3", "contrasts", "c2"
    add.click()
    assert ex.widget_value == [["c2", "c1", "supports"], ["c3", "c2", "contrasts"]]
    add.click()
    assert "already there" in body(ex).children[1].value
    tgt.value = "c3"
    add.click()
    assert "itself" in body(ex).children[1].value
    listing.value = (0,)
    remove.click()
    assert ex.widget_value == [["c3", "c2", "contrasts"]]
    assert "Checked your 1 link against the 2 links" in check(ex)


def test_typed_answer_wins_and_is_said(key):
    ex = make(key, "scare", value="a", typed="b")
    assert ex.value == "b" and "typed answer" in ex.widget.children[1].value
    assert "typed in this cell" in ex._status_html()
    assert ex.record()["value"] == "a"  # the widget answer stays in the record


def test_prompt_says_how_to_type_an_answer(key):
    html = prompt_html(key.exercises[f"{LESSON}/kinds"])
    assert "label each item by kind and effect" in html and "answer = {" in html
    assert "<details>" in html
