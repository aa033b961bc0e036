"""``--lms canvas`` and ``--lms moodle``: the gradebook exports are in the documented format
(the samples in docs/grading.md are exactly what the exporter writes for the class below)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from framingkit.cli import main
from framingkit.grade.lms import CANVAS_HEAD, EXPORTS, MOODLE_HEAD, lms_csv
from framingkit.grade.run import GradeResult

from grade_helpers import notebook, write_key, write_nb

pytestmark = pytest.mark.usefixtures("quick_figure")  # see tests/conftest.py

DOC = Path("docs/grading.md").read_text("utf-8")

#: The class of the documented samples.
CLASS = [
    GradeResult("ana", "class/ana/02-spot.ipynb", "02-spot", "ok", 12.5, 18, written="included"),
    GradeResult("ana", "class/ana/03-claims.ipynb", "03-claims", "ok", 9, 12),
    GradeResult("ben", "class/ben/02-spot.ipynb", "02-spot", "ok", 6, 18),
    GradeResult("ben", "class/ben/02-spot copy.ipynb", "02-spot", "ok", 8, 18),
    GradeResult("chloe", "class/chloe/02-spot.ipynb", None, "invalid"),
    GradeResult(
        "smithjane_12345_67890_02-spot",
        "class/smithjane_12345_67890_02-spot.ipynb",
        "02-spot",
        "ok",
        17,
        18,
    ),
]


def sample(name: str) -> str:
    """The fenced block that follows the line naming ``name`` in docs/grading.md."""
    m = re.search(rf"`{re.escape(name)}`[^\n]*:\n\n```csv\n(.*?)```", DOC, re.S)
    assert m, f"docs/grading.md has no sample of {name}"
    return m.group(1)


@pytest.mark.parametrize("kind", ["canvas", "moodle"])
def test_the_documented_samples_are_what_the_exporter_writes(kind):
    assert lms_csv(kind, CLASS) == sample(EXPORTS[kind])


def test_canvas_columns_rows_and_ids():
    rows = list(csv.reader(io.StringIO(lms_csv("canvas", CLASS))))
    assert (
        tuple(rows[0][:5])
        == CANVAS_HEAD
        == (
            "Student",
            "ID",
            "SIS User ID",
            "SIS Login ID",
            "Section",
        )
    )
    assert rows[0][5:] == ["02-spot", "03-claims"]  # one column per lesson
    assert rows[1][0] == "Points Possible" and rows[1][5:] == ["18", "12"]
    by = {r[0]: r for r in rows[2:]}
    assert by["ana"][3] == "ana" and by["ana"][5:] == ["12.5", "9"]  # matched by login id
    assert by["ben"][5] == "8"  # two notebooks of one lesson: the higher score
    assert by["chloe"][5:] == ["", ""]  # not graded: empty, never 0
    assert by["smithjane"][1] == "12345" and by["smithjane"][3] == ""  # Canvas's own user id


def test_moodle_columns():
    rows = list(csv.reader(io.StringIO(lms_csv("moodle", CLASS))))
    assert tuple(rows[0][:2]) == MOODLE_HEAD and rows[0][2:] == ["02-spot", "03-claims"]
    assert len(rows) == 1 + 4 and all(len(r) == 4 for r in rows)


def test_lms_option_writes_the_files(tmp_path):
    keys = write_key(tmp_path / "keys")
    write_nb(tmp_path / "c" / "=ana.ipynb", notebook())
    out = tmp_path / "out"
    args = ["grade", str(tmp_path / "c"), "--out", str(out), "--key", str(keys), "-q"]
    assert main([*args, "--lms", "canvas", "--lms", "moodle"]) == 0
    canvas = list(csv.reader((out / "grades-canvas.csv").open(encoding="utf-8")))
    assert canvas[2][0] == "'=ana" and canvas[2][5] == "7"  # formula defused
    moodle = list(csv.reader((out / "grades-moodle.csv").open(encoding="utf-8")))
    assert moodle[1][2] == "7"
    assert main(args) == 0  # a run without --lms removes stale exports with the old grades
    assert not (out / "grades-canvas.csv").exists()
