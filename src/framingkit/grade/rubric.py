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
import unicodedata
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
    """Points read from a rubric file: ``points[(student, file, exercise)][criterion]``.

    Keys are NFC-normalised but never trimmed (a folder really called ``" ana"`` keeps its
    space); :meth:`lookup` also finds a row a spreadsheet trimmed, when only one matches.
    """

    source: str
    points: dict[Row, dict[str, float]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    #: every non-empty points cell as typed, ``{(student, file, exercise, criterion): text}``,
    #: so that a re-run writes back even a value it could not use (nothing typed is lost)
    raw: dict[tuple[str, str, str, str], str] = field(default_factory=dict)
    #: problems of one written answer's rows, for that row's message in grades.csv
    row_problems: dict[Row, list[str]] = field(default_factory=dict)
    #: the column separator of the file (``;`` from a spreadsheet in a European locale);
    #: the grader writes rubric.csv back with the same one
    delimiter: str = ","

    def lookup(self, student: str, file: str, exercise: str) -> Row | None:
        """The key of the rows for this notebook's written answer, or None.

        >>> s = RubricSheet("x", points={("ana", "ana.ipynb", "l/e"): {"r1": 1.0}})
        >>> s.lookup("ana ", "ana.ipynb", "l/e"), s.lookup("bob", "bob.ipynb", "l/e")
        (('ana', 'ana.ipynb', 'l/e'), None)
        """
        want = (nfc(student), nfc(file), nfc(exercise))
        if want in self.points or want in self.row_problems:
            return want
        loose = tuple(x.strip() for x in want)
        hits = [
            k for k in {*self.points, *self.row_problems} if tuple(x.strip() for x in k) == loose
        ]
        return hits[0] if len(hits) == 1 else None

    def merged_with(self, older: RubricSheet) -> RubricSheet:
        """This sheet, plus every value of ``older`` that this one does not have.

        Used when ``--out`` already holds a rubric.csv: the file given with ``--rubric``
        wins where both have a value, and nothing typed in either is lost.
        """
        out = RubricSheet(self.source, delimiter=older.delimiter)
        out.problems = list(self.problems)
        for key, crits in self.points.items():
            out.points[key] = dict(crits)
        for key, crits in older.points.items():
            got = out.points.setdefault(key, {})
            for crit, pts in crits.items():
                if (*key, crit) not in self.raw:
                    got.setdefault(crit, pts)
        out.raw = {**older.raw, **self.raw}
        for key, probs in [*self.row_problems.items(), *older.row_problems.items()]:
            out.row_problems.setdefault(key, []).extend(probs)
        return out


def nfc(text: str) -> str:
    """``text`` NFC-normalised (``Zoë`` typed or decomposed compare equal)."""
    return unicodedata.normalize("NFC", text)


def _undo_defuse(text: str) -> str:
    """The value before :func:`~framingkit.grade.report.csv_cell` prefixed it with ``'``."""
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        return text[1:]
    return text


def _delimiter(text: str) -> str:
    """``;`` for a file a spreadsheet saved with semicolons (European locales), else ``,``.

    >>> _delimiter("student;file;exercise"), _delimiter("student,file")
    (';', ',')
    """
    head = text.split("\n", 1)[0]
    return ";" if head.count(";") > head.count(",") else ","


def _number(value: str) -> float | None:
    """A points cell as a number: ``1.5``, ``1,5`` (decimal comma), ``2``; None otherwise.

    >>> _number("1,5"), _number(" 2 "), _number("nan"), _number("1.000,5")
    (1.5, 2.0, None, None)
    """
    text = value.strip()
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        pts = float(text)
    except ValueError:
        return None
    return pts if math.isfinite(pts) else None


def read_rubric(path: str | Path) -> RubricSheet:
    """Read a filled-in rubric file (the grader's ``rubric.csv``, edited in a spreadsheet).

    Commas or semicolons separate the columns; a decimal comma is read. Rows with an empty
    ``points`` cell are skipped (not scored yet). A value that is not a number, or a
    criterion scored twice, is reported in ``problems`` (and in ``row_problems`` for that
    notebook's row) and not used; the range of each value is checked when it is applied to
    an exercise (the key knows the maximum). Raises :class:`InputError` when the file
    cannot be read or lacks a required column.
    """
    text = read_text(path)  # one clear sentence for missing, binary or non-UTF-8 files
    text = text.lstrip("\ufeff")  # spreadsheets often save a byte-order mark
    sep = _delimiter(text)
    reader = csv.DictReader(io.StringIO(text), delimiter=sep)
    reader.fieldnames = [(f or "").strip() for f in reader.fieldnames or []]
    missing = [c for c in REQUIRED if c not in reader.fieldnames]
    if missing:
        raise InputError(
            f"The rubric file '{path}' has no {', '.join(missing)} column"
            f"{'s' * (len(missing) > 1)} (its first line should name the columns student, "
            "file, exercise, criterion, points, separated by commas or semicolons); use the "
            "rubric.csv that the grader writes."
        )
    sheet = RubricSheet(str(path), delimiter=sep)
    for n, raw in enumerate(reader, start=2):
        row = {k: v or "" for k, v in raw.items() if k is not None and isinstance(v, str)}
        value = row.get("points", "").strip()
        if not value:
            continue
        key = (
            nfc(_undo_defuse(row.get("student", ""))),
            nfc(_undo_defuse(row.get("file", ""))),
            nfc(_undo_defuse(row.get("exercise", ""))),
        )
        crit = nfc(_undo_defuse(row.get("criterion", "")).strip())
        sheet.raw.setdefault((*key, crit), value)
        pts = _number(value)
        problem = None
        got = sheet.points.setdefault(key, {})
        if pts is None:
            problem = f"line {n}: {value!r} is not a number of points"
        elif crit in got:
            problem = (
                f"line {n}: criterion {crit!r} of {key[2]} is scored twice "
                f"(the first value, {got[crit]:g}, is used)"
            )
        else:
            got[crit] = pts
        if problem:
            sheet.problems.append(f"{key[0]}, {key[2]}: {problem}")
            sheet.row_problems.setdefault(key, []).append(problem)
        if not got:
            del sheet.points[key]
    return sheet


def rubric_rows(
    results: Sequence[Any],
    keys: Mapping[str, Any],
    sheet: RubricSheet | None = None,
) -> list[list[str]]:
    """The rows of ``rubric.csv``: every written exercise of every graded notebook.

    The student's answer stands in the ``answer`` column of the exercise's first row.

    ``keys`` maps lesson id to its key; the ``points`` cell carries what was entered before
    (``ExerciseGrade.rubric``, or the text typed in ``sheet.raw`` when it could not be used),
    so a re-run keeps the instructor's work. Rows typed for no graded notebook are kept.
    """
    raw = sheet.raw if sheet is not None else {}
    rows: list[list[str]] = []
    shown: set[tuple[str, str, str, str]] = set()
    for r in results:
        key = keys.get(r.lesson or "")
        if key is None or r.status not in ("ok", "error", "timeout"):
            continue
        for eid, ex in key.exercises.items():
            if ex.type != "text":
                continue
            g = r.exercises.get(eid)
            entered = getattr(g, "rubric", {}) or {}
            found = sheet.lookup(r.student, r.file, eid) if sheet is not None else None
            answer = (g.answer if g is not None and g.answered else "") or "(not answered)"
            for n, crit in enumerate(ex.rubric):
                got = entered.get(crit.id)
                typed = raw.get((*found, crit.id)) if found else None
                if found:
                    shown.add((*found, crit.id))
                rows.append(
                    [
                        r.student,
                        r.file,
                        eid,
                        crit.id,
                        f"{crit.points:g}",
                        typed if typed is not None else (f"{got:g}" if got is not None else ""),
                        crit.text,
                        answer if n == 0 else "",
                    ]
                )
            if found:  # values typed for criteria the key does not have: kept as typed
                for (s, f, e, c), typed in sorted(raw.items()):
                    if (s, f, e) == found and (s, f, e, c) not in shown:
                        shown.add((s, f, e, c))
                        note = "(not a criterion of this exercise; kept as typed)"
                        rows.append([r.student, r.file, eid, c, "", typed, note, ""])
    for (student, file, eid, crit), typed in sorted(raw.items()):
        if (student, file, eid, crit) not in shown:
            note = "(no graded notebook or criterion matches this row; kept as typed)"
            rows.append([student, file, eid, crit, "", typed, note, ""])
    return rows


def rubric_csv(rows: Sequence[Sequence[str]], delimiter: str = ",") -> str:
    """The text of ``rubric.csv`` (formula-like cells defused, as in grades.csv)."""
    from .report import csv_cell

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", delimiter=delimiter)
    w.writerow(COLUMNS)
    for row in rows:
        w.writerow([csv_cell(c) for c in row])
    return buf.getvalue()
