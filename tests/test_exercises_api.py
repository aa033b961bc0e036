"""exercise() and check(): outside Jupyter, and in a real kernel (widget answer stored in the
cell's outputs, restored from the saved file after a kernel restart, re-run keeps it)."""

from __future__ import annotations

import json

import pytest

from framingkit.errors import InputError
from framingkit.exercises import GATE_MIME, MIME, changed_after_gate, check, exercise, read_answers
from framingkit.exercises.answers import answer_hash

from exercises_sample_key import LESSON, SPAN_TEXT, write_key


@pytest.fixture
def keys(tmp_path, monkeypatch):
    folder = write_key(tmp_path / "keys")
    monkeypatch.setenv("FRAMINGKIT_KEY_DIR", str(folder))
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    return folder


def test_check_prints_specific_feedback(keys, capsys):
    check(f"{LESSON}/boosters", ["boldly", "Xi"])
    out = capsys.readouterr().out
    assert out.startswith("Checked your 2 phrases against the 3 phrases the exercise asks for")
    assert "✓ Right: “boldly” (an adverb that praises the manner)" in out
    assert "+ Not asked for: “Xi” is not one of the phrases asked for" in out
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
            "words = [b for b in ex.widget.children[0].children[2].children "
            "if hasattr(b, 'description')]\n"
            "for b in words:\n"
            "    if b.description in ('boldly', 'declined'):\n"
            "        b.value = True",
            None,
        ),
        (f'check("{ex_id}")', None),
        (f'from framingkit.exercises import after\nprint(after("{ex_id}"))', None),
    ]
    saved = _run(_nb(cells), path)
    rec = _record(saved["cells"][1])
    b, d = SPAN_TEXT.index("boldly"), SPAN_TEXT.index("declined")
    assert rec["value"] == [[b, b + 6], [d, d + 8]] and rec["via"] == "widget"
    out = _text(saved["cells"][3])
    assert "Checked your 2 phrases against the 3 phrases the exercise asks for" in out
    assert read_answers(saved)[ex_id].value == [[b, b + 6], [d, d + 8]]
    assert "True" in _text(saved["cells"][4])  # a widget answer opens the gate
    (gate,) = [o["data"][GATE_MIME] for o in saved["cells"][4]["outputs"] if "data" in o]
    assert gate["exercises"][ex_id]["via"] == "widget" and changed_after_gate(saved) == {}

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


def test_hint_first_then_the_reference_after_a_further_try(keys, capsys):
    """The first wrong try gets hints; the same answer again changes nothing; a changed answer
    shows the reference of what is still wrong; reveal=True shows it at once."""
    from framingkit.exercises.api import _TRIES

    _TRIES.clear()
    ex_id = f"{LESSON}/kinds"
    check(ex_id, {"c1": ["wording", "weaker"]})
    first = capsys.readouterr().out
    assert "effect not 'weaker'" in first and "stronger" not in first
    assert "1 item not answered yet: c2." in first
    assert "after a further try the answers are shown" in first
    check(ex_id, {"c1": ["wording", "weaker"]})
    same = capsys.readouterr().out
    assert "stronger" not in same and "the answer you checked last time" in same
    check(ex_id, {"c1": ["wording", "neutral"]})
    further = capsys.readouterr().out
    assert "kind right; effect: the answer was 'stronger', not 'neutral'" in further
    assert "A word swap." in further
    assert "Paratext" not in further  # the blank item is still only counted
    _TRIES.clear()
    check(f"{LESSON}/scare", "a", reveal=True)
    assert "◆ The answer was: b) They distance" in capsys.readouterr().out
    _TRIES.clear()


def test_typed_answer_prints_the_check_feedback(keys, capsys):
    ex = exercise(f"{LESSON}/scare", "(b)")
    out = capsys.readouterr().out
    assert ex.via == "typed" and "Checked the option you picked" in out
    assert "✓ Right: b) They distance the writer from the words." in out
    assert "Read '(b)' as option b." in out
    exercise(f"{LESSON}/graded", "a")
    assert "Self-check is off for this exercise" in capsys.readouterr().out
    exercise(f"{LESSON}/scare")  # not typed: no feedback, nothing revealed
    assert "Checked" not in capsys.readouterr().out


def test_assessment_mode_switches_off_graded_exercises_only(keys, tmp_path, monkeypatch, capsys):
    data = json.loads((keys / f"{LESSON}.json").read_text(encoding="utf-8"))
    data["exercises"][f"{LESSON}/kinds"]["graded"] = False
    (keys / f"{LESSON}.json").write_text(json.dumps(data), encoding="utf-8")
    nb = {"cells": [], "metadata": {"framingkit": {"mode": "assessment"}}}
    (tmp_path / "n.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    monkeypatch.setenv("JPY_SESSION_NAME", str(tmp_path / "n.ipynb"))
    check(f"{LESSON}/scare", "b")
    assert "Self-check is off" in capsys.readouterr().out
    check(f"{LESSON}/kinds", {"c1": ["wording", "stronger"]})
    assert "Checked your labels for 1 of the 2 items" in capsys.readouterr().out


def test_typed_answer_in_a_kernel_without_widgets_and_check_without_import(keys, tmp_path):
    """nbconvert-style run of a lesson that imports only ``exercise``: the typed cell prints the
    feedback as text/plain (what a plain front end shows), and ``check`` is defined."""
    pytest.importorskip("nbclient")
    path = tmp_path / "plain.ipynb"
    ex_id = f"{LESSON}/boosters"
    cells = [
        (
            "import sys\nsys.modules['ipywidgets'] = None  # no widgets in this kernel\n"
            "from framingkit.exercises import exercise",
            None,
        ),
        (f'answer = ["boldly", "at"]\nexercise("{ex_id}", answer)', ex_id),
        (f'check("{ex_id}", ["boldly", "declined"])', None),
        # the gate of an analysis cell: closed for an exercise not answered, open after a
        # typed answer run in this kernel (no JPY_SESSION_NAME, as under nbconvert and nbval)
        (
            f'from framingkit.exercises import after\nif after("{LESSON}/scare"):\n    print("X")',
            None,
        ),
        (f'if after("{ex_id}"):\n    print("the analysis")', None),
    ]
    out = _run(_nb(cells), path)
    closed, opened = out["cells"][3], out["cells"][4]
    assert "Answer it first" in _text(closed) + "".join(
        "".join(o["data"]["text/plain"]) for o in closed["outputs"] if "data" in o
    )
    assert "X" not in _text(closed)
    assert "the analysis" in _text(opened)
    gate = next(o["data"][GATE_MIME] for o in opened["outputs"] if GATE_MIME in o.get("data", {}))
    assert gate["exercises"][ex_id] == {"via": "typed", "answer": answer_hash(["boldly", "at"])}
    assert changed_after_gate(out) == {}
    out["cells"][1]["source"] = f'answer = ["boldly"]\nexercise("{ex_id}", answer)'
    assert changed_after_gate(out) == {ex_id: 4}  # changed after the analysis was shown
    plain = [
        "".join(o["data"]["text/plain"])
        for o in out["cells"][1]["outputs"]
        if "text/plain" in o.get("data", {}) and "Checked" in "".join(o["data"]["text/plain"])
    ]
    assert plain and "✓ Right: “boldly”" in plain[0]
    assert "“at” is in the text only inside a longer word (“that”)" in plain[0]
    assert "Checked your 2 phrases" in _text(out["cells"][2])  # check() works without importing it


def test_revealed_answers_are_their_own_section_and_blanks_only_when_asked(keys, capsys):
    """After a reveal a missed item says "The answer was: ...", not "✗ Not right yet"; a blank
    item gets the same line only when the student asks for the answers (reveal=True), never
    on a further try and never in score() (the grader's pages)."""
    from framingkit.exercises import find_exercise, score
    from framingkit.exercises.api import _TRIES
    from framingkit.exercises.feedback import feedback_html, feedback_text

    _TRIES.clear()
    ex_id = f"{LESSON}/kinds"
    check(ex_id, {"c1": ["paratext", "weaker"]})
    check(ex_id, {"c1": ["typography", "weaker"]})  # a further try: c1's answer is shown
    further = capsys.readouterr().out.split("Checked")[-1]
    assert (
        "◆ The answer was: c1 (declined -> refused): 'wording' + 'stronger' (your answer: "
        "'typography' + 'weaker'). A word swap."
    ) in further
    assert "✗" not in further and "Paratext changed" not in further  # c2 blank: counted
    check(ex_id, {"c1": ["typography", "weaker"]}, reveal=True)
    asked = capsys.readouterr().out
    assert "◆ The answer was: c2 (headline dropped): 'paratext' + 'weaker' or 'neutral'." in asked
    assert "Paratext changed" not in str(score(find_exercise(ex_id), {"c1": "x"}, reveal=True))
    _TRIES.clear()
    check(f"{LESSON}/boosters", None, reveal=True)  # nothing answered, answers asked for
    assert "◆ The answer was: “boldly” (an adverb that praises the manner)" in (
        capsys.readouterr().out
    )
    _TRIES.clear()
    ex = exercise(f"{LESSON}/scare")
    ex.set_widget_value("a")
    html = ex.feedback_html(reveal=True)
    _TRIES.clear()
    text = ex.feedback_text(reveal=True)
    assert "The answer was" in html and "◆ The answer was: b) They distance" in text
    assert feedback_text(score(find_exercise(f"{LESSON}/scare"), "a", reveal=True)) in text
    assert "The answer was" in feedback_html(
        score(find_exercise(f"{LESSON}/scare"), "a", reveal=True)
    )
    _TRIES.clear()


def test_self_check_off_still_says_what_cannot_be_read(keys, capsys):
    """Student review 1, findings 6 and 14: in assessment mode an unknown label, a phrase only
    inside a longer word or a left-out item was met with silence; the form check says so
    (from the student key alone), never whether the answer is right."""
    data = json.loads((keys / f"{LESSON}.json").read_text(encoding="utf-8"))
    for name in ("kinds", "boosters", "map"):
        data["exercises"][f"{LESSON}/{name}"]["withheld"] = True
        data["exercises"][f"{LESSON}/{name}"].pop("reference", None)
    (keys / f"{LESSON}.json").write_text(json.dumps(data), encoding="utf-8")
    check(f"{LESSON}/kinds", {"c1": ["wording", "typo"], "k9": "wording"})
    out = capsys.readouterr().out
    assert out.startswith("Self-check is off for this exercise: your instructor will grade it.")
    assert "Checked only that it can be read (not whether it is right)" in out
    assert "! Could not use: 'typo' (for c1) is not one of the effects" in out
    assert "'k9' is not one of the items (c1, c2)" in out
    assert "○ Not answered yet: 1 item not answered yet: c2." in out
    assert "Score:" not in out and "✓" not in out and "✗" not in out
    ex = exercise(f"{LESSON}/boosters", ["cess", "boldly"])
    out = capsys.readouterr().out
    assert "inside a longer word (“excessive”)" in out and ": 1 phrase." in out
    assert "✓" not in out and "declined" not in out.split("Checked only")[-1]
    check(f"{LESSON}/map", "c3 supports")
    assert "! Could not use:" in capsys.readouterr().out
    check(f"{LESSON}/graded", "b")  # right or not, nothing is said about it
    out = capsys.readouterr().out
    assert "Checked only that it can be read" in out and "✓" not in out and "!" not in out
    pytest.importorskip("ipywidgets")
    from framingkit.exercises.widgets import exercise_widget

    button = exercise_widget(ex).children[2].children[0]
    assert button.description == "Check it can be read"
