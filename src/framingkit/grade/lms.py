"""Gradebook exports for learning platforms: ``--lms canvas`` and ``--lms moodle``.

One row per student, one column per lesson (the lesson's score, written points included
when the rubric has them). A student with several notebooks of one lesson gets the
highest of their scores; a notebook that could not be graded leaves the cell empty.
Formula-like cells are defused as in grades.csv.

* **Canvas** (Grades → Import): the columns ``Student, ID, SIS User ID, SIS Login ID,
  Section``, then one column per lesson, and a ``Points Possible`` row. Canvas matches a row
  by ``ID`` (read from the file names of Canvas's "Download Submissions" zip,
  ``lastfirst_12345_67890_name.ipynb``) or by ``SIS Login ID`` (the student folder name).
* **Moodle** (Grades → Import → CSV file): the columns ``Username, Full name``, then one
  column per lesson; on import, map ``Username`` to the user field *username* and each
  lesson column to its grade item.

>>> canvas_id("smithjane_12345_67890_02-spot.ipynb"), canvas_id("smithjane_LATE_12_34_x")
('12345', '12')
>>> canvas_id("ana") is None
True
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

from .report import csv_cell, num
from .run import GradeResult

#: Export name -> file written into --out.
EXPORTS: dict[str, str] = {"canvas": "grades-canvas.csv", "moodle": "grades-moodle.csv"}
#: The fixed columns of each export, before the lesson columns (docs and tests use these).
CANVAS_HEAD: tuple[str, ...] = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
MOODLE_HEAD: tuple[str, ...] = ("Username", "Full name")
_CANVAS_NAME = re.compile(r"^([A-Za-z]+)_(?:late_)?(\d+)_(\d+)(?:[_-]|$)", re.I)
_GRADED = ("ok", "error", "timeout")


def canvas_id(name: str) -> str | None:
    """The Canvas user id in a "Download Submissions" file name, or None."""
    m = _CANVAS_NAME.match(name)
    return m.group(2) if m else None


def _table(results: Sequence[GradeResult]) -> tuple[list[str], dict[str, dict[str, float]]]:
    lessons = sorted({r.lesson for r in results if r.lesson and r.status in _GRADED})
    best: dict[str, dict[str, float]] = {}
    for r in results:
        best.setdefault(r.student, {})
        if r.lesson and r.status in _GRADED and r.score is not None:
            got = best[r.student].get(r.lesson)
            best[r.student][r.lesson] = r.score if got is None else max(got, r.score)
    return lessons, best


def _possible(results: Sequence[GradeResult], lesson: str) -> str:
    scores = [r.max_score for r in results if r.lesson == lesson and r.max_score is not None]
    return num(max(scores)) if scores else ""


def lms_csv(kind: str, results: Sequence[GradeResult]) -> str:
    """The text of the ``kind`` export (``canvas`` or ``moodle``)."""
    lessons, best = _table(results)
    files = {r.student: r.file for r in results}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    if kind == "canvas":
        w.writerow([*CANVAS_HEAD, *lessons])
        w.writerow(["Points Possible", "", "", "", "", *(_possible(results, x) for x in lessons)])
        for student, scores in sorted(best.items()):
            cid = canvas_id(student) or canvas_id(files[student].rsplit("/", 1)[-1])
            name = _CANVAS_NAME.match(student).group(1) if cid and canvas_id(student) else student
            login = "" if cid else student
            w.writerow(
                [csv_cell(name), cid or "", "", csv_cell(login), ""]
                + [num(scores.get(x)) for x in lessons]
            )
    elif kind == "moodle":
        w.writerow([*MOODLE_HEAD, *lessons])
        for student, scores in sorted(best.items()):
            w.writerow(
                [csv_cell(student), csv_cell(student)] + [num(scores.get(x)) for x in lessons]
            )
    else:
        raise ValueError(f"unknown gradebook export {kind!r}")
    return buf.getvalue()
