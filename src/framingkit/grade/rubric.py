"""Rubric points for written answers: a CSV the instructor fills in, read back by the grader.

Written (``text``) answers are never scored automatically. Each grading run writes
``rubric.csv`` into ``--out``: one row per submitted notebook, written exercise and rubric
criterion, with an empty ``points`` cell. The instructor fills in the points (in a
spreadsheet) and runs the grader again with ``--rubric DIR/rubric.csv``: the points are added
to the scores, shown on the feedback pages, and written back into the new ``rubric.csv``, so
running again keeps them.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "rubric.csv"
>>> _ = p.write_text(
...     "student,file,exercise,criterion,max_points,points,criterion_text\\n"
...     "ana,ana.ipynb,02-spot/neutral-rewrite,r1,1,1,Keeps the events\\n"
...     "ana,ana.ipynb,02-spot/neutral-rewrite,r2,1,,Removes the labels\\n", encoding="utf-8")
>>> sheet = read_rubric(p)
>>> sheet.points[("ana", "ana.ipynb", "02-spot/neutral-rewrite")], sheet.problems
({'r1': 1.0}, [])
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..textio import read_text

#: The columns of rubric.csv, in order.
COLUMNS: tuple[str, ...] = (
    "student",
    "file",
    "exercise",
    "criterion",
    "max_points",
    "points",
    "criterion_text",
    "answer",
)
#: The columns a rubric file must have to be read (the others are for the instructor).
REQUIRED: tuple[str, ...] = ("student", "file", "exercise", "criterion", "points")

Row = tuple[str, str, str]  # (student, file, exercise)


@dataclass
class RubricSheet:
    """Points read from a rubric file: ``points[(student, file, exercise)][criterion]``."""

    source: str
    points: dict[Row, dict[str, float]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    #: every non-empty points cell as typed, ``{(student, file, exercise, criterion): text}``,
    #: so that a re-run writes back even a value it could not use (nothing typed is lost)
    raw: dict[tuple[str, str, str, str], str] = field(default_factory=dict)


def _undo_defuse(text: str) -> str:
    """The value before :func:`~framingkit.grade.report.csv_cell` prefixed it with ``'``."""
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        return text[1:]
    return text


def read_rubric(path: str | Path) -> RubricSheet:
    """Read a filled-in rubric file (the grader's ``rubric.csv``, edited in a spreadsheet).

    Rows with an empty ``points`` cell are skipped (not scored yet). A value that is not a
    number, or a criterion scored twice, is reported in ``problems`` and not used; the range
    of each value is checked when it is applied to an exercise (the key knows the maximum).
    Raises :class:`InputError` when the file cannot be read or lacks a required column.
    """
    text = read_text(path)  # one clear sentence for missing, binary or non-UTF-8 files
    text = text.lstrip("\ufeff")  # spreadsheets often save a byte-order mark
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip() for f in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in fields]
    if missing:
        raise InputError(
            f"The rubric file '{path}' has no {', '.join(missing)} column"
            f"{'s' * (len(missing) > 1)}; use the rubric.csv that the grader writes."
        )
    sheet = RubricSheet(str(path))
    for n, raw in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        value = row.get("points", "")
        if not value:
            continue
        key = (
            _undo_defuse(row["student"]),
            _undo_defuse(row["file"]),
            _undo_defuse(row["exercise"]),
        )
        crit = _undo_defuse(row["criterion"])
        sheet.raw.setdefault((*key, crit), value)
        try:
            pts = float(value.replace(",", "."))
        except ValueError:
            sheet.problems.append(f"line {n}: {value!r} is not a number of points")
            continue
        if not math.isfinite(pts):
            sheet.problems.append(f"line {n}: {value!r} is not a number of points")
            continue
        got = sheet.points.setdefault(key, {})
        if crit in got:
            sheet.problems.append(f"line {n}: criterion {crit!r} of {key[2]} is scored twice")
            continue
        got[crit] = pts
    return sheet


def rubric_rows(
    results: Sequence[Any],
    keys: Mapping[str, Any],
    raw: Mapping[tuple[str, str, str, str], str] | None = None,
) -> list[list[str]]:
    """The rows of ``rubric.csv``: every written exercise of every graded notebook.

    The student's answer stands in the ``answer`` column of the exercise's first row.

    ``keys`` maps lesson id to its key; the ``points`` cell carries what was entered before
    (``ExerciseGrade.rubric``, or the text typed in ``raw`` when it could not be used), so a
    re-run keeps the instructor's work.
    """
    rows: list[list[str]] = []
    for r in results:
        key = keys.get(r.lesson or "")
        if key is None or r.status not in ("ok", "error", "timeout"):
            continue
        for eid, ex in key.exercises.items():
            if ex.type != "text":
                continue
            g = r.exercises.get(eid)
            entered = getattr(g, "rubric", {}) or {}
            answer = (g.answer if g is not None and g.answered else "") or "(not answered)"
            for n, crit in enumerate(ex.rubric):
                got = entered.get(crit.id)
                typed = (raw or {}).get((r.student, r.file, eid, crit.id))
                rows.append(
                    [
                        r.student,
                        r.file,
                        eid,
                        crit.id,
                        f"{crit.points:g}",
                        f"{got:g}" if got is not None else (typed or ""),
                        crit.text,
                        answer if n == 0 else "",
                    ]
                )
    # rows typed for no graded notebook stay in the file (reported, never dropped)
    shown = {(row[0], row[1], row[2], row[3]) for row in rows}
    for (student, file, eid, crit), typed in sorted((raw or {}).items()):
        if (student, file, eid, crit) not in shown:
            note = "(no graded notebook or criterion matches this row; kept as typed)"
            rows.append([student, file, eid, crit, "", typed, note, ""])
    return rows


def rubric_csv(rows: Sequence[Sequence[str]]) -> str:
    """The text of ``rubric.csv`` (formula-like cells defused, as in grades.csv)."""
    from .report import csv_cell

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for row in rows:
        w.writerow([csv_cell(c) for c in row])
    return buf.getvalue()
