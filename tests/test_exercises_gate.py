"""after(): an analysis that shows an exercise's answers runs only once the exercise is answered
(typed and run, a widget answer, a checked answer or a reveal); the open gate's record lets the
grader tell an answer changed after the analysis was shown. The real-kernel runs are in
tests/test_exercises_api.py (one kernel each, shared with the typed and widget tests)."""

from __future__ import annotations

import json

import pytest

from framingkit.errors import InputError
from framingkit.exercises import GATE_MIME, after, changed_after_gate, check, exercise
from framingkit.exercises.answers import answer_hash
from framingkit.exercises.api import _LIVE, _TRIES

from exercises_sample_key import LESSON, write_key

SCARE, KINDS, MAP = f"{LESSON}/scare", f"{LESSON}/kinds", f"{LESSON}/map"


@pytest.fixture
def keys(tmp_path, monkeypatch):
    folder = write_key(tmp_path / "keys")
    monkeypatch.setenv("FRAMINGKIT_KEY_DIR", str(folder))
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    _LIVE.clear()
    _TRIES.clear()
    yield folder
    _LIVE.clear()
    _TRIES.clear()


def test_closed_until_a_typed_answer_is_run(keys, capsys):
    assert after(SCARE) is False
    out = capsys.readouterr().out
    assert out.strip() == (
        f"This analysis shows the answers to Exercise 3 ({SCARE}). Answer it first (use its "
        "widget, or type your answer and run its cell), then run this cell again."
    )
    exercise(SCARE)  # the cell run with answer = None: still closed
    capsys.readouterr()
    assert after(SCARE) is False
    exercise(SCARE, "a")  # a wrong typed answer counts: the student committed to it
    capsys.readouterr()
    assert after(SCARE) is True
    assert capsys.readouterr().out == ""  # outside Jupyter an open gate prints nothing


@pytest.mark.parametrize("blank", [[], {}, "", "   ", {"c1": None}, {"c1": ""}, [""]])
def test_an_empty_answer_does_not_open_it(keys, capsys, blank):
    """Student review 2, finding 1: `answer = []` opened the comparison, then the student
    copied its labels in. What the feedback calls "not answered yet" keeps the gate closed."""
    exercise(KINDS, blank)
    check(KINDS, blank)
    capsys.readouterr()
    assert after(KINDS) is False


def test_names_only_the_missing_exercises_with_their_numbers(keys, capsys):
    exercise(SCARE, "b")
    capsys.readouterr()
    assert after(SCARE, KINDS, MAP) is False
    out = capsys.readouterr().out
    assert f"Exercises 2 ({KINDS}) and 5 ({MAP}). Answer them first" in out
    assert SCARE not in out


def test_key_number_wins_and_unknown_ids_are_one_sentence(keys, capsys):
    data = json.loads((keys / f"{LESSON}.json").read_text(encoding="utf-8"))
    data["exercises"][SCARE]["number"] = 7
    (keys / f"{LESSON}.json").write_text(json.dumps(data), encoding="utf-8")
    after(SCARE)
    assert f"Exercise 7 ({SCARE})" in capsys.readouterr().out
    with pytest.raises(InputError, match="has no exercise"):
        after(f"{LESSON}/nope")
    with pytest.raises(InputError, match="at least one exercise"):
        after()


def test_a_widget_answer_a_check_or_a_reveal_opens_it(keys, capsys):
    ex = exercise(KINDS)
    assert after(KINDS) is False
    ex.set_widget_value({"c1": ["wording", "weaker"]})
    assert after(KINDS) is True
    ex.set_widget_value({})  # the student cleared the widget again
    assert after(KINDS) is False
    check(MAP, [("c2", "c1", "supports")])
    assert after(MAP) is True
    check(SCARE, None)  # checking nothing is not an answer
    assert after(SCARE) is False
    check(SCARE, reveal=True)
    assert after(SCARE) is True
    capsys.readouterr()


def test_gate_record_and_changed_after_gate():
    """The record holds a hash per exercise (no answer text); the grader flags a later change."""
    from framingkit.exercises.gate import gate_record

    rec = gate_record({SCARE: ("typed", "a"), KINDS: ("revealed", None)})
    assert rec["exercises"][SCARE] == {"via": "typed", "answer": answer_hash("a")}
    assert rec["exercises"][KINDS]["answer"] is None
    assert "zeal" not in json.dumps(gate_record({MAP: ("typed", ["such excessive zeal"])}))

    def nb(typed):
        return {
            "cells": [
                {
                    "cell_type": "code",
                    "metadata": {"framingkit": {"exercise": SCARE}},
                    "source": f"answer = {typed!r}\nexercise({SCARE!r}, answer)",
                    "outputs": [],
                },
                {"cell_type": "code", "metadata": {}, "source": "", "outputs": []},
                {
                    "cell_type": "code",
                    "metadata": {},
                    "source": "if after(...): ...",
                    "outputs": [{"output_type": "display_data", "data": {GATE_MIME: rec}}],
                },
            ]
        }

    assert changed_after_gate(nb("a")) == {}
    assert changed_after_gate(nb("b")) == {SCARE: 2}
    assert changed_after_gate(nb(None)) == {}  # no answer handed in: nothing changed


def test_a_typed_check_of_a_graded_exercise_says_it_is_not_kept(keys, capsys):
    """Student review 2, finding 10: with self-check off, check(id, answer) only checks the
    form and is not what is handed in; it must not say "kept" nor open the gate."""
    graded = f"{LESSON}/graded"
    check(graded, "b")
    out = capsys.readouterr().out
    assert "This check() is not kept" in out and "kept in this notebook" not in out
    assert after(graded) is False
    exercise(graded, "b")  # the exercise cell's own answer: kept, and it opens the gate
    assert "Your answer is kept in this notebook." in capsys.readouterr().out
    assert after(graded) is True


def test_the_form_check_counts_only_usable_labels(keys):
    """Student review 2, N2: 'labels for 7 of the 7 items' beside an unknown label."""
    from framingkit.exercises.model import find_exercise
    from framingkit.exercises.scoring import form_check

    s = form_check(find_exercise(KINDS), {"c1": ["wording", "typo"], "c2": ["wording", "weaker"]})
    assert s.checked.endswith("labels for 1 of the 2 items.") and s.problems


def test_an_empty_graded_answer_is_not_called_kept(keys):
    """Student review 2, N6: "kept in this notebook" beside "not answered yet"."""
    from framingkit.exercises.model import find_exercise
    from framingkit.exercises.scoring import form_check

    for blank in (None, {}, ""):
        s = form_check(find_exercise(KINDS), blank)
        assert "kept in this notebook" not in s.checked and "nothing is kept yet" in s.checked
        assert s.unanswered
    assert "kept in this notebook" in form_check(find_exercise(KINDS), {"c1": "x"}).checked


def test_a_form_check_never_prints_a_score_line(keys):
    """An empty graded answer printed "Score: entered by your instructor." once its head no
    longer began with the form check's wording: the form check is marked as such instead."""
    from framingkit.exercises.feedback import feedback_text
    from framingkit.exercises.model import find_exercise
    from framingkit.exercises.scoring import form_check

    for value in (None, {"c1": ["wording", "weaker"]}):
        for call in (False, True):
            assert "Score:" not in feedback_text(form_check(find_exercise(KINDS), value, call=call))
