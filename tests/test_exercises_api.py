"""exercise() and check(): outside Jupyter, and in a real kernel (widget answer stored in the
cell's outputs, restored from the saved file after a kernel restart, re-run keeps it)."""

from __future__ import annotations

import json

import pytest
from exercises_sample_key import LESSON, SPAN_TEXT, write_key

from framingkit.errors import InputError
from framingkit.exercises import MIME, check, exercise, read_answers


@pytest.fixture
def keys(tmp_path, monkeypatch):
    folder = write_key(tmp_path / "keys")
    monkeypatch.setenv("FRAMINGKIT_KEY_DIR", str(folder))
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    return folder


def test_check_prints_specific_feedback(keys, capsys):
    check(f"{LESSON}/boosters", ["boldly", "Xi"])
    out = capsys.readouterr().out
    assert out.startswith("Checked your 2 phrases against the 3 reference phrases")
    assert "✓ Right: “boldly” (an adverb that praises the manner)" in out
    assert "+ Extra: “Xi” is not one of the reference phrases" in out
    check(f"{LESSON}/graded", "a")
    assert "Self-check is off for this exercise" in capsys.readouterr().out


def test_self_check_off_by_notebook_metadata(keys, tmp_path, monkeypatch, capsys):
    nb = {"cells": [], "metadata": {"framingkit": {"self_check_off": [f"{LESSON}/scare"]}}}
    (tmp_path / "n.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    monkeypatch.setenv("JPY_SESSION_NAME", str(tmp_path / "n.ipynb"))
    check(f"{LESSON}/scare", "b")
    assert "Self-check is off" in capsys.readouterr().out
    check(f"{LESSON}/kinds", {"c1": ["wording", "stronger"]})
    assert "Checked your labels for 1 of the 2 items" in capsys.readouterr().out


def test_exercise_outside_jupyter_and_unknown_id(keys, capsys):
    ex = exercise(f"{LESSON}/scare", "b")
    assert ex.value == "b" and ex.via == "typed"
    assert "not answered" not in capsys.readouterr().out
    with pytest.raises(InputError, match="has no exercise"):
        exercise(f"{LESSON}/missing")


def _nb(cells):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["framingkit"] = {"lesson": LESSON, "version": 1}
    for src, meta in cells:
        c = nbformat.v4.new_code_cell(src)
        if meta:
            c.metadata["framingkit"] = {"exercise": meta}
            c.metadata["tags"] = ["exercise"]
        nb.cells.append(c)
    return nb


def _run(nb, path):
    import nbformat
    from nbclient import NotebookClient

    NotebookClient(nb, timeout=60, resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(nb, str(path))
    return json.loads(path.read_text(encoding="utf-8"))


def _text(cell):
    return "".join("".join(o.get("text", "")) for o in cell["outputs"])


def _record(cell):
    for o in cell["outputs"]:
        if MIME in o.get("data", {}):
            return o["data"][MIME]
    return None


def test_widget_answer_is_saved_in_the_notebook_and_survives_restart(keys, tmp_path, monkeypatch):
    """Click word buttons in a kernel, save, restart and re-run all: the answer is still there."""
    pytest.importorskip("nbclient")
    path = tmp_path / "lesson.ipynb"
    monkeypatch.setenv("JPY_SESSION_NAME", str(path))
    ex_id = f"{LESSON}/boosters"
    cells = [
        ("from framingkit.exercises import exercise, check", None),
        (f'answer = None\nex = exercise("{ex_id}", answer)', ex_id),
        # a student clicking "boldly" and "declined" (the buttons are ToggleButtons)
        (
            "words = [b for b in ex.widget.children[0].children[0].children "
            "if hasattr(b, 'description')]\n"
            "for b in words:\n"
            "    if b.description in ('boldly', 'declined'):\n"
            "        b.value = True",
            None,
        ),
        (f'check("{ex_id}")', None),
    ]
    saved = _run(_nb(cells), path)
    rec = _record(saved["cells"][1])
    b, d = SPAN_TEXT.index("boldly"), SPAN_TEXT.index("declined")
    assert rec["value"] == [[b, b + 6], [d, d + 8]] and rec["via"] == "widget"
    out = _text(saved["cells"][3])
    assert "Checked your 2 phrases against the 3 reference phrases" in out
    assert read_answers(saved)[ex_id].value == [[b, b + 6], [d, d + 8]]

    # new kernel, run all again (without the clicking cell): the answer is restored, not erased
    import nbformat

    again = nbformat.read(str(path), as_version=4)
    again.cells = again.cells[:2] + again.cells[3:]
    nbformat.write(again, str(path))
    rerun = _run(again, path)
    assert _record(rerun["cells"][1])["value"] == [[b, b + 6], [d, d + 8]]
    html = next(
        "".join(o["data"]["text/html"])
        for o in rerun["cells"][1]["outputs"]
        if MIME in o.get("data", {})
    )
    assert "2 phrases: “boldly”, “declined”" in html
    assert "Checked your 2 phrases" in _text(rerun["cells"][2])

    # a typed answer wins; the widget answer stays in the record
    typed = nbformat.read(str(path), as_version=4)
    typed.cells[1].source = f'answer = ["such excessive zeal"]\nex = exercise("{ex_id}", answer)'
    nbformat.write(typed, str(path))
    got = read_answers(_run(typed, path))[ex_id]
    assert got.value == ["such excessive zeal"] and got.widget == [[b, b + 6], [d, d + 8]]
