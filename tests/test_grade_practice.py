"""A practice exercise (key ``"graded": false``) gets feedback on the page but never counts in
the score or its maximum (student review 1, item 23: a warm-up tried wrong cost a point)."""

from __future__ import annotations

import csv
import json

import pytest

from framingkit.cli import main

from grade_helpers import AUTO_POINTS, LESSON, SOLUTION, key, notebook, write_key, write_nb

WARM_UP = f"{LESSON}/pick"  # the 1-point choice, made a warm-up


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """One grading run: ana tried the warm-up wrong, ben deleted its cell."""
    tmp = tmp_path_factory.mktemp("practice")
    k = key()
    k["exercises"][WARM_UP]["graded"] = False
    (tmp / "keys").mkdir()
    (tmp / "keys" / f"{LESSON}.json").write_text(json.dumps(k), "utf-8")
    write_nb(tmp / "class" / "ana.ipynb", notebook({**SOLUTION, WARM_UP: "a"}))
    ben = notebook()
    ben["cells"] = [c for c in ben["cells"] if c["metadata"]["framingkit"]["exercise"] != WARM_UP]
    write_nb(tmp / "class" / "ben.ipynb", ben)
    out = tmp / "out"
    args = ["grade", str(tmp / "class"), "--out", str(out), "-q", "--jobs", "1"]
    assert main([*args, "--key", str(tmp / "keys")]) == 0
    rows = {r["student"]: r for r in csv.DictReader((out / "grades.csv").open(encoding="utf-8"))}
    return rows, out / "feedback"


def test_a_wrong_warm_up_costs_nothing(graded):
    rows, pages = graded
    assert float(rows["ana"]["score"]) == AUTO_POINTS - 1  # every counted exercise right
    assert float(rows["ana"]["max_score"]) == AUTO_POINTS - 1
    page = (pages / "ana__ana.html").read_text("utf-8")
    assert "Practice exercise, not counted in your score" in page
    assert "A confuses quoting with distancing." in page  # the feedback is still there


def test_a_deleted_warm_up_cell_is_not_scored_zero(graded):
    rows, pages = graded
    assert float(rows["ben"]["score"]) == float(rows["ben"]["max_score"]) == AUTO_POINTS - 1
    page = (pages / "ben__ben.html").read_text("utf-8")
    assert "was not checked (a practice exercise)" in page
    assert "scored 0" not in page


def test_an_answer_changed_after_its_gated_analysis_is_noted_for_the_instructor(tmp_path):
    from framingkit.exercises.answers import GATE_MIME, answer_hash

    pick = f"{LESSON}/pick"
    gate = {"exercises": {pick: {"via": "typed", "answer": answer_hash("a")}}}
    nb = notebook({**SOLUTION, pick: "b"})  # handed in "b" after the analysis saw "a"
    nb["cells"].append(
        {
            "cell_type": "code",
            "execution_count": 1,
            "id": "gated",
            "metadata": {},
            "outputs": [{"output_type": "display_data", "metadata": {}, "data": {GATE_MIME: gate}}],
            "source": f"if after({pick!r}):\n    show(comparison)",
        }
    )
    write_nb(tmp_path / "class" / "cy.ipynb", nb)
    same = notebook({**SOLUTION, pick: "a"})
    same["cells"].append({**nb["cells"][-1]})
    write_nb(tmp_path / "class" / "di.ipynb", same)
    out = tmp_path / "out"
    args = ["grade", str(tmp_path / "class"), "--out", str(out), "-q", "--jobs", "1"]
    assert main([*args, "--key", str(write_key(tmp_path / "keys"))]) == 0
    rows = {r["student"]: r for r in csv.DictReader((out / "grades.csv").open(encoding="utf-8"))}
    assert f"'{pick}': the answer was changed after cell 6" in rows["cy"]["message"]
    assert "changed after" not in rows["di"]["message"]
    assert "changed after" not in (out / "feedback" / "cy__cy.html").read_text("utf-8")
