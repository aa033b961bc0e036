"""Grading single notebooks: scores and the status of broken and hostile submissions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framingkit.grade.discover import Submission
from framingkit.grade.run import STATUSES, GradeOptions, grade_submission

from grade_helpers import AUTO_POINTS, LESSON, SOLUTION, cell, code, notebook, write_key, write_nb


@pytest.fixture()
def opts(tmp_path):
    return GradeOptions(key_dir=str(write_key(tmp_path / "keys")))


def grade(tmp_path, nb, opts, name="alice.ipynb"):
    path = write_nb(tmp_path / "sub" / name, nb)
    return grade_submission(Submission(path.stem, path, name), opts)


def test_solution_gets_full_marks(tmp_path, opts):
    r = grade(tmp_path, notebook(), opts)
    assert r.status == "ok" and r.lesson == LESSON
    assert (r.score, r.max_score) == (AUTO_POINTS, AUTO_POINTS)
    for g in r.exercises.values():
        if g.type == "text":
            assert g.points is None and g.answer.startswith("Because")
        else:
            assert g.points == g.max_points and g.missed_units == []
    assert "written answer to score by hand" in r.message and "left blank" not in r.message


def test_blank_notebook_gets_zero(tmp_path, opts):
    r = grade(tmp_path, notebook({}), opts)
    assert r.status == "ok" and r.score == 0 and r.max_score == AUTO_POINTS
    assert not any(g.answered for g in r.exercises.values())
    assert "written answer left blank" in r.message and "score by hand" not in r.message
    assert r.exercises[f"{LESSON}/boosters"].missed_units == ["boldly", "massive"]
    assert r.exercises[f"{LESSON}/kinds"].missed_units == ["i1 (a swap)", "i2 (a move)"]


def test_widget_answers_are_read(tmp_path, opts):
    cells = [cell(e, None, widget=v) for e, v in SOLUTION.items()]
    r = grade(tmp_path, notebook(cells=json.loads(json.dumps(cells))), opts)
    assert r.score == AUTO_POINTS
    assert r.exercises[f"{LESSON}/pick"].via == "widget"


def test_partial_answers_and_missed_units(tmp_path, opts):
    answers = {f"{LESSON}/boosters": ["boldly", "deal"], f"{LESSON}/pick": "a"}
    r = grade(tmp_path, notebook(answers), opts)
    b = r.exercises[f"{LESSON}/boosters"]
    assert 0 < b.points < b.max_points and b.missed_units == ["massive"]
    assert b.spans and all(isinstance(s, tuple) for s in b.spans)
    p = r.exercises[f"{LESSON}/pick"]
    assert p.points == 0 and p.choice == "a" and any("confuses" in m for m in p.missed)


@pytest.mark.parametrize(
    ("content", "status", "words"),
    [
        ('{"cells": [', "invalid", "not valid JSON"),
        ("", "invalid", "not valid JSON"),
        ("[1, 2]", "invalid", "not a Jupyter notebook"),
        ('{"metadata": {}}', "invalid", "not a Jupyter notebook"),
        ("[" * 100000 + "]" * 100000, "invalid", "nested"),
        (b"\xff\xfe\x00binary".decode("latin-1"), "invalid", "not"),
    ],
)
def test_broken_files_are_invalid(tmp_path, opts, content, status, words):
    r = grade(tmp_path, content, opts)
    assert r.status == status and words in r.message and r.score is None


def test_not_a_lesson(tmp_path, opts):
    r = grade(tmp_path, notebook(lesson=None, cells=[code("print(1)")]), opts)
    assert r.status == "not_a_lesson" and "not one of the kit's lessons" in r.message
    r = grade(tmp_path, notebook(lesson=None), opts)
    assert r.status == "not_a_lesson" and LESSON in r.message  # says whose cells it has


def test_wrong_and_unknown_lesson(tmp_path, opts):
    r = grade(tmp_path, notebook(lesson="77-unknown", cells=[]), opts)
    assert r.status == "invalid" and "no answer key" in r.message
    wrong = GradeOptions(key_dir=opts.key_dir, lesson="01-compare")
    r = grade(tmp_path, notebook(), wrong)
    assert r.status == "invalid" and "not '01-compare'" in r.message
    # metadata of one lesson, exercise cells of another
    other = [cell("01-compare/kinds", {"k1": "wording"})]
    r = grade(tmp_path, notebook(cells=other), opts)
    assert r.status == "invalid" and "belong to 01-compare" in r.message


def test_deleted_and_foreign_cells(tmp_path, opts):
    cells = [cell(e, v) for e, v in SOLUTION.items() if not e.endswith("/map")]
    cells.append(cell("01-compare/kinds", {"k1": "wording"}))
    r = grade(tmp_path, notebook(cells=cells), opts)
    assert r.status == "ok" and r.score == AUTO_POINTS - 2
    assert "map' is missing" in r.message and "not in this lesson" in r.message


def test_duplicated_cell_is_reported_and_the_last_counts(tmp_path, opts):
    cells = [cell(e, v) for e, v in SOLUTION.items()]
    cells.append(cell(f"{LESSON}/pick", "a"))
    r = grade(tmp_path, notebook(cells=cells), opts)
    assert r.status == "ok" and "appears in cells" in r.message
    assert r.exercises[f"{LESSON}/pick"].points == 0


def test_code_instead_of_a_value_is_not_run(tmp_path, opts):
    answers = {f"{LESSON}/pick": "b"}
    cells = [cell(e, answers.get(e)) for e in SOLUTION]
    cells[0]["source"] = "answer = __import__('os').system('touch /tmp/pwned-grade')"
    r = grade(tmp_path, notebook(cells=cells), opts)
    assert r.status == "ok" and r.score == 1
    assert any("not a plain Python value" in p for p in r.exercises[f"{LESSON}/boosters"].problems)


def test_huge_file_is_not_read(tmp_path, opts):
    nb = notebook()
    nb["cells"].append(code("x = 1\n" * 10))
    nb["metadata"]["padding"] = "x" * (2 * 1024 * 1024)
    small = GradeOptions(key_dir=opts.key_dir, max_mb=1)
    r = grade(tmp_path, nb, small)
    assert r.status == "invalid" and "over the limit" in r.message


def test_symlink_submission_is_not_followed(tmp_path, opts):
    target = write_nb(tmp_path / "instructor" / "solution.ipynb", notebook())
    link = tmp_path / "sub" / "mallory.ipynb"
    link.parent.mkdir(parents=True)
    link.symlink_to(target)
    r = grade_submission(Submission("mallory", link, "mallory.ipynb"), opts)
    assert r.status == "invalid" and "symbolic link" in r.message


def test_statuses_table_is_the_documented_one():
    assert list(STATUSES) == ["ok", "error", "timeout", "invalid", "not_a_lesson"]
    doc = (Path(__file__).resolve().parents[1] / "docs" / "grading.md").read_text("utf-8")
    for status, meaning in STATUSES.items():
        assert f"| `{status}` | {meaning} |" in doc
