"""Reading answers back out of notebook JSON (typed, widget, unreadable), nothing executed."""

from __future__ import annotations

import json

import pytest

from framingkit.errors import InputError
from framingkit.exercises import MIME, read_answers
from framingkit.exercises.answers import make_record, notebook_path, read_notebook, typed_answer


def code_cell(source, ex_id=None, outputs=(), tags=("exercise",)):
    meta = {"framingkit": {"exercise": ex_id}, "tags": list(tags)} if ex_id else {}
    return {
        "cell_type": "code",
        "metadata": meta,
        "source": source.splitlines(keepends=True),
        "outputs": list(outputs),
        "execution_count": None,
    }


def record_output(ex_id, value, saved="2026-01-01T10:00:00+00:00", as_text=False):
    rec = {"exercise": ex_id, "value": value, "via": "widget", "saved": saved}
    return {
        "output_type": "display_data",
        "metadata": {},
        "data": {MIME: json.dumps(rec) if as_text else rec, "text/plain": "..."},
        "transient": {"display_id": "abc"},
    }


def notebook(*cells):
    return {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": list(cells)}


def test_typed_widget_and_empty():
    nb = notebook(
        {"cell_type": "markdown", "metadata": {}, "source": "# Lesson"},
        code_cell('answer = ["boldly"]\nexercise("l/a", answer)', "l/a"),
        code_cell(
            'answer = None\nexercise("l/b", answer)', "l/b", [record_output("l/b", [[3, 9]])]
        ),
        code_cell('answer = None\nexercise("l/c", answer)', "l/c"),
    )
    got = read_answers(nb)
    assert (got["l/a"].value, got["l/a"].via, got["l/a"].status) == (
        ["boldly"],
        "typed",
        "answered",
    )
    assert (got["l/b"].value, got["l/b"].via, got["l/b"].cell) == ([[3, 9]], "widget", 2)
    assert got["l/b"].saved == "2026-01-01T10:00:00+00:00"
    assert got["l/c"].status == "empty" and got["l/c"].value is None and not got["l/c"].problems


def test_typed_literal_wins_over_widget_and_both_are_kept():
    cell = code_cell('answer = "b"\nexercise("l/q", answer)', "l/q", [record_output("l/q", "a")])
    rec = read_answers(notebook(cell))["l/q"]
    assert (rec.value, rec.via, rec.typed, rec.widget) == ("b", "typed", "b", "a")


def test_latest_widget_record_counts():
    outs = [
        record_output("l/q", "a", "2026-01-01T10:00:00+00:00"),
        record_output("l/q", "c", "2026-01-02T10:00:00+00:00"),
    ]
    assert read_answers(notebook(code_cell("exercise('l/q')", None, outs)))["l/q"].value == "c"
    cleared = [*outs, record_output("l/q", None, "2026-01-03T10:00:00+00:00")]
    rec = read_answers(notebook(code_cell("exercise('l/q')", None, cleared)))["l/q"]
    assert rec.value is None and rec.status == "empty"


def test_unreadable_answers_are_reported_not_dropped():
    nb = notebook(
        code_cell('answer = pick_words()\nexercise("l/a", answer)', "l/a"),
        code_cell('answer = ["unclosed"\nexercise("l/b", answer)', "l/b"),
        code_cell('exercise("l/c")', "l/c", [record_output("l/c", 1, as_text=True)]),
        code_cell("x = 1", None, [{"output_type": "display_data", "data": {MIME: "{broken"}}]),
        code_cell('exercise("l/d")', "l/d", [{"output_type": "display_data", "data": {MIME: {}}}]),
        code_cell('answer = ["x"]\nexercise("l/e", answer)', "l/e", [record_output("zz/q", "a")]),
    )
    got = read_answers(nb)
    assert (
        got["l/a"].status == "unreadable" and "not a plain Python value" in got["l/a"].problems[0]
    )
    assert got["l/b"].status == "unreadable" and "syntax error on line" in got["l/b"].problems[0]
    assert got["l/c"].value == 1 and got["l/c"].status == "answered"
    assert got["?cell-3"].status == "unreadable" and "not valid JSON" in got["?cell-3"].problems[0]
    assert got["l/d"].status == "unreadable" and "no 'value'" in got["l/d"].problems[0]
    assert got["l/e"].value == ["x"] and "'zz/q'" in got["l/e"].problems[0]


def test_exercise_in_two_cells_is_reported():
    nb = notebook(code_cell("answer = 'a'", "l/a"), code_cell("answer = 'b'", "l/a"))
    rec = read_answers(nb)["l/a"]
    assert rec.value == "b" and "appears in cells 0 and 1" in rec.problems[0]


def test_typed_answer_parsing():
    assert typed_answer("%matplotlib inline\nanswer = {'c1': ['a', 'b']}") == (
        True,
        {"c1": ["a", "b"]},
        None,
    )
    assert typed_answer("answer: list = [(1, 2)]")[1] == [(1, 2)]
    assert typed_answer("answer = 1\nanswer = 2")[1] == 2
    assert typed_answer("print('no answer here')") == (False, None, None)
    assert typed_answer("if x:\n  answer = 3")[0] is False  # only top-level assignments


def test_not_a_notebook_and_file_reading(tmp_path, monkeypatch):
    with pytest.raises(InputError, match="not a Jupyter notebook"):
        read_answers({"cells": "nope"})
    p = tmp_path / "n.ipynb"
    p.write_text("{oops", encoding="utf-8")
    with pytest.raises(InputError, match="not valid notebook JSON"):
        read_notebook(p)
    p.write_text(json.dumps(notebook()), encoding="utf-8")
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    assert notebook_path() is None
    monkeypatch.setenv("JPY_SESSION_NAME", str(p))
    assert notebook_path() == p
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JPY_SESSION_NAME", "n.ipynb")
    assert notebook_path() == tmp_path / "n.ipynb"


def test_record_round_trips_through_json():
    rec = make_record("l/a", [(1, 2), ("c1", "c2", "supports")])
    assert json.loads(json.dumps(rec))["value"] == [[1, 2], ["c1", "c2", "supports"]]
    assert rec["via"] == "widget" and rec["saved"].endswith("+00:00")


def test_malformed_cells_are_skipped_not_fatal():
    eid = "d/x"
    rec = {"exercise": eid, "value": "b", "via": "widget", "saved": "2026"}
    nb = {
        "cells": [
            {"cell_type": "code", "metadata": {"framingkit": {"exercise": "d/a"}}, "source": [1.5]},
            {"cell_type": "code", "metadata": {"framingkit": {"exercise": "d/b"}}, "outputs": 7},
            {
                "cell_type": "code",
                "metadata": {"framingkit": {"exercise": eid}},
                "source": None,
                "outputs": [{"data": {MIME: json.dumps(rec, indent=1).splitlines(True)}}],
            },
        ]
    }
    got = read_answers(nb)
    assert got["d/a"].status == got["d/b"].status == "empty"
    assert got[eid].value == "b"  # a record saved as lines of text is still read


def test_a_huge_cell_is_not_parsed():
    found, value, problem = typed_answer("answer = [" + "1," * 150_000 + "]")
    assert found and value is None and "too long" in problem
    assert typed_answer("x = '" + "y" * 300_000 + "'") == (False, None, None)
