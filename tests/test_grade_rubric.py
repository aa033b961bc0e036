"""Rubric points for written answers: rubric.csv written, filled in, read back, never lost."""

from __future__ import annotations

import csv

import pytest

from framingkit.cli import main
from framingkit.grade.rubric import COLUMNS, read_rubric

from grade_helpers import AUTO_POINTS, LESSON, SOLUTION, notebook, write_key, write_nb

pytestmark = pytest.mark.usefixtures("quick_figure")  # see tests/conftest.py

ESSAY = f"{LESSON}/essay"


def rows(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def graded(tmp_path):
    keys = write_key(tmp_path / "keys")
    c = tmp_path / "class"
    write_nb(c / "ana.ipynb", notebook())
    write_nb(c / "=cmd.ipynb", notebook())  # a name a spreadsheet would read as a formula
    blank = {k: v for k, v in SOLUTION.items() if k != ESSAY}
    write_nb(c / "ben.ipynb", notebook(blank))
    out = tmp_path / "out"
    args = ["grade", str(c), "--out", str(out), "--key", str(keys), "-q", "--jobs", "1"]
    assert main(args) == 0
    return args, out


def test_rubric_template_lists_every_written_answer(graded):
    _, out = graded
    sheet = rows(out / "rubric.csv")
    assert list(sheet[0]) == list(COLUMNS)
    assert {r["student"] for r in sheet} == {"ana", "ben", "'=cmd"}  # defused
    ana = next(r for r in sheet if r["student"] == "ana")
    assert (ana["exercise"], ana["criterion"], ana["max_points"], ana["points"]) == (
        ESSAY,
        "r1",
        "2",
        "",
    )
    assert "Because the headline" in ana["answer"]
    ben = next(r for r in sheet if r["student"] == "ben")
    assert ben["answer"] == "(not answered)"
    # without a rubric file, written answers are outside the score
    grades = {r["student"]: r for r in rows(out / "grades.csv")}
    assert float(grades["ana"]["max_score"]) == AUTO_POINTS
    assert "to score by hand" in grades["ana"]["message"]


@pytest.mark.real_figure
def test_filled_rubric_is_added_to_the_scores_and_kept(graded, capsys):
    args, out = graded
    sheet = rows(out / "rubric.csv")
    for r in sheet:
        r["points"] = {"ana": "1.5", "'=cmd": "x", "ben": ""}[r["student"]]
    sheet.append({**sheet[0], "student": "zoe", "points": "2"})  # no such student
    filled = out.parent / "filled.csv"
    with filled.open("w", encoding="utf-8-sig", newline="") as fh:  # as Excel saves it
        w = csv.DictWriter(fh, fieldnames=list(COLUMNS))
        w.writeheader()
        w.writerows(sheet)
    before = filled.read_bytes()
    assert main([*args, "--rubric", str(filled)]) == 0
    err = capsys.readouterr().err
    assert "'x' is not a number of points" in err
    assert "name no graded notebook (first: zoe" in err
    assert filled.read_bytes() == before  # the instructor's file is never modified
    grades = {r["student"]: r for r in rows(out / "grades.csv")}
    total = AUTO_POINTS + 2
    assert (float(grades["ana"]["score"]), float(grades["ana"]["max_score"])) == (
        AUTO_POINTS + 1.5,
        total,
    )
    assert grades["ana"][ESSAY] == "1.5"
    assert "not (fully) scored in the rubric file yet" in grades["'=cmd"]["message"]
    assert "left blank" in grades["ben"]["message"]
    feedback = (out / grades["ana"]["feedback"]).read_text("utf-8")
    assert "1.5 of 2" in feedback
    # the new rubric.csv carries everything typed, even what could not be used
    new = {(r["student"], r["criterion"]): r["points"] for r in rows(out / "rubric.csv")}
    assert new[("ana", "r1")] == "1.5" and new[("'=cmd", "r1")] == "x"
    assert new[("zoe", "r1")] == "2"
    # and grading again with it changes nothing
    again = (out / "rubric.csv").read_bytes()
    assert main([*args, "--rubric", str(out / "rubric.csv")]) == 0
    assert (out / "rubric.csv").read_bytes() == again


def test_points_out_of_range_are_reported_not_used(graded, capsys):
    args, out = graded
    sheet = rows(out / "rubric.csv")
    for r in sheet:
        r["points"] = "5" if r["student"] == "ana" else ""
    filled = out.parent / "filled.csv"
    with filled.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(COLUMNS))
        w.writeheader()
        w.writerows(sheet)
    assert main([*args, "--rubric", str(filled)]) == 0
    assert "5 points for criterion 'r1' is outside 0..2; not used" in capsys.readouterr().err
    grades = {r["student"]: r for r in rows(out / "grades.csv")}
    assert float(grades["ana"]["score"]) == AUTO_POINTS
    # the problem is in that row's message and the run's summary, never on the student's page
    assert "5 points for criterion 'r1' is outside 0..2" in grades["ana"]["message"]
    assert "outside 0..2" in (out / "summary.html").read_text("utf-8")
    page = (out / grades["ana"]["feedback"]).read_text("utf-8")
    assert "outside" not in page and "5 points" not in page and "0..2" not in page


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        ("name,score\nana,1\n", "has no student, file, exercise, criterion, points columns"),
        ("", "is empty"),
    ],
)
def test_bad_rubric_file_is_one_sentence(graded, tmp_path, capsys, content, message):
    args, out = graded
    path = tmp_path / "r.csv"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    before = (out / "grades.csv").read_bytes()
    assert main([*args, "--rubric", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert (out / "grades.csv").read_bytes() == before  # nothing written before the check


def test_read_rubric_skips_empty_cells_and_reads_commas(tmp_path):
    p = tmp_path / "r.csv"
    p.write_text(
        "student,file,exercise,criterion,points\n"
        'a,a.ipynb,l/e,r1,"0,5"\n'
        "a,a.ipynb,l/e,r2,\n"
        "a,a.ipynb,l/e,r1,1\n",
        encoding="utf-8",
    )
    sheet = read_rubric(p)
    assert sheet.points == {("a", "a.ipynb", "l/e"): {"r1": 0.5}}
    assert sheet.problems == [
        "a, l/e: line 4: criterion 'r1' of l/e is scored twice (the first value, 0.5, is used)"
    ]
    assert sheet.row_problems[("a", "a.ipynb", "l/e")][0].startswith("line 4:")


def test_a_filled_rubric_survives_a_plain_re_run(graded, capsys):
    args, out = graded
    sheet = rows(out / "rubric.csv")
    for r in sheet:
        r["points"] = {"ana": "1,5", "ben": "", "'=cmd": "2"}[r["student"]]
    with (out / "rubric.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(COLUMNS))
        w.writeheader()
        w.writerows(sheet)
    assert main(args) == 0  # the guide's plain command again, e.g. after a late submission
    assert "rubric points read from" in capsys.readouterr().err
    again = {r["student"]: r["points"] for r in rows(out / "rubric.csv")}
    assert again == {"ana": "1,5", "ben": "", "'=cmd": "2"}  # every typed point, as typed
    grades = {r["student"]: r for r in rows(out / "grades.csv")}
    assert float(grades["ana"]["score"]) == AUTO_POINTS + 1.5
    assert grades["ana"]["written"] == "included" and grades["ben"]["written"] == "included"
    same = (out / "rubric.csv").read_bytes()
    assert main(args) == 0 and (out / "rubric.csv").read_bytes() == same  # stable
    # a late submission adds its rows and keeps the others; the old file is backed up
    write_nb(out.parent / "class" / "late.ipynb", notebook())
    assert main(args) == 0
    again = {r["student"]: r["points"] for r in rows(out / "rubric.csv")}
    assert again == {"ana": "1,5", "ben": "", "'=cmd": "2", "late": ""}
    assert "1,5" in (out / "rubric.csv.bak").read_text("utf-8")  # the file before the run


def test_a_semicolon_rubric_from_a_european_spreadsheet_is_read(graded):
    args, out = graded
    sheet = rows(out / "rubric.csv")
    excel = out.parent / "excel.csv"
    with excel.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(COLUMNS)
        for r in sheet:
            r["points"] = "0,5" if r["student"] == "ana" else ""
            w.writerow([r[c] for c in COLUMNS])
    assert main([*args, "--rubric", str(excel)]) == 0
    grades = {r["student"]: r for r in rows(out / "grades.csv")}
    assert float(grades["ana"]["score"]) == AUTO_POINTS + 0.5
    ana = next(r for r in sheet if r["student"] == "ana")
    assert read_rubric(excel).points[("ana", ana["file"], ESSAY)] == {"r1": 0.5}


def test_written_column_says_whether_rubric_points_are_in_the_score(graded):
    _, out = graded
    grades = {r["student"]: r for r in rows(out / "grades.csv")}
    assert grades["ana"]["written"] == "not included"


def test_a_semicolon_rubric_in_out_is_written_back_with_semicolons(graded):
    args, out = graded
    sheet = rows(out / "rubric.csv")
    with (out / "rubric.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(COLUMNS)
        for r in sheet:
            w.writerow(
                [
                    r[c] if c != "points" else ("1,5" if r["student"] == "ana" else "")
                    for c in COLUMNS
                ]
            )
    assert main(args) == 0
    text = (out / "rubric.csv").read_text("utf-8")
    assert text.startswith("student;file;exercise;") and ";1,5;" in text
