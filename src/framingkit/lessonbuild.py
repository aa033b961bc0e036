"""Generate the student notebooks in ``lessons/`` from the authored ones in ``solutions/``.

``solutions/`` is the single source. A student notebook is its solution notebook with

* every cell tagged ``instructor-note`` (or ``solution``) removed,
* every solution region in a code cell, the lines from ``### BEGIN SOLUTION`` to
  ``### END SOLUTION``, replaced by the placeholder ``answer = None`` (indented like the
  marker), so that an unanswered exercise says "not answered yet",
* every output and execution count cleared.

Everything else (cell ids, metadata, prose) is copied as is, so ``check`` can insist that the
non-exercise cells of both versions are identical. Notebooks are read and written as JSON
(no ``nbformat`` import: it is slow and reading is all we need).

>>> nb = {"cells": [_code("x = 1\\n### BEGIN SOLUTION\\nanswer = 'b'\\n### END SOLUTION")],
...       "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
>>> strip_notebook(nb)["cells"][0]["source"]
'x = 1\\nanswer = None'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError

#: Cell tags whose cells exist only in ``solutions/``.
SOLUTION_ONLY_TAGS: tuple[str, ...] = ("instructor-note", "solution")
#: The tag of an exercise cell (with ``metadata.framingkit.exercise`` = its id).
EXERCISE_TAG = "exercise"
BEGIN = "### BEGIN SOLUTION"
END = "### END SOLUTION"
#: What a solution region becomes in the student notebook.
PLACEHOLDER = "answer = None"

_BEGIN_RE = re.compile(r"^(?P<indent>[ \t]*)### BEGIN SOLUTION\s*$")
_END_RE = re.compile(r"^[ \t]*### END SOLUTION\s*$")


def _code(source: str, **meta: Any) -> dict[str, Any]:
    """A bare code cell (used in doctests and tests)."""
    return {
        "cell_type": "code",
        "execution_count": None,
        "metadata": dict(meta),
        "outputs": [],
        "source": source,
    }


def source_of(cell: dict[str, Any]) -> str:
    """The source of a notebook cell as one string (JSON stores it as a string or a list)."""
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def tags_of(cell: dict[str, Any]) -> list[str]:
    """The tags of a cell."""
    return list(cell.get("metadata", {}).get("tags", []) or [])


def exercise_id(cell: dict[str, Any]) -> str | None:
    """The exercise id of an exercise cell, else ``None``."""
    fk = cell.get("metadata", {}).get("framingkit") or {}
    ex = fk.get("exercise") if isinstance(fk, dict) else None
    return ex if isinstance(ex, str) else None


def lesson_id(nb: dict[str, Any]) -> str | None:
    """The lesson id from a notebook's metadata (``metadata.framingkit.lesson``)."""
    fk = nb.get("metadata", {}).get("framingkit") or {}
    lid = fk.get("lesson") if isinstance(fk, dict) else None
    return lid if isinstance(lid, str) else None


def is_solution_only(cell: dict[str, Any]) -> bool:
    """True for cells that ``build`` drops (instructor notes and solution cells)."""
    return any(t in SOLUTION_ONLY_TAGS for t in tags_of(cell))


@dataclass
class Region:
    """One solution region of a code cell: its body lines and the placeholder indent."""

    body: str
    indent: str


def solution_regions(source: str) -> list[Region]:
    """The solution regions of a cell's source.

    >>> [r.body for r in solution_regions("a\\n### BEGIN SOLUTION\\nanswer = 1\\n### END SOLUTION")]
    ['answer = 1']
    """
    return _split(source)[1]


def _split(source: str) -> tuple[str, list[Region]]:
    lines = source.split("\n")
    out: list[str] = []
    regions: list[Region] = []
    i = 0
    while i < len(lines):
        m = _BEGIN_RE.match(lines[i])
        if not m:
            if _END_RE.match(lines[i]):
                raise InputError(f"'{END}' without a matching '{BEGIN}' in a cell.")
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not _END_RE.match(lines[j]) and not _BEGIN_RE.match(lines[j]):
            j += 1
        if j >= len(lines) or _BEGIN_RE.match(lines[j]):
            raise InputError(f"'{BEGIN}' without a matching '{END}' in a cell.")
        regions.append(Region("\n".join(lines[i + 1 : j]), m["indent"]))
        out.append(m["indent"] + PLACEHOLDER)
        i = j + 1
    return "\n".join(out), regions


def strip_source(source: str) -> str:
    """A code cell's source with every solution region replaced by the placeholder."""
    return _split(source)[0]


def strip_notebook(nb: dict[str, Any]) -> dict[str, Any]:
    """The student version of a solution notebook (a new dict; ``nb`` is not changed)."""
    cells = []
    for cell in nb.get("cells", []):
        if is_solution_only(cell):
            continue
        new = json.loads(json.dumps(cell))
        if new.get("cell_type") == "code":
            new["source"] = strip_source(source_of(new))
            new["outputs"] = []
            new["execution_count"] = None
        cells.append(new)
    out = {k: json.loads(json.dumps(v)) for k, v in nb.items() if k != "cells"}
    out["cells"] = cells
    return out


def dumps_notebook(nb: dict[str, Any]) -> str:
    """Serialise a notebook the way Jupyter does (indent 1, sorted keys, final newline)."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def read_notebook(path: str | Path) -> dict[str, Any]:
    """Read a notebook file as JSON (an :class:`InputError` if it is not one)."""
    p = Path(path)
    try:
        nb = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"Cannot read the notebook {p}: {exc}.") from exc
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise InputError(f"{p} is not a Jupyter notebook (no list of cells).")
    return nb


def notebooks_in(folder: str | Path) -> list[Path]:
    """The ``.ipynb`` files directly in ``folder``, sorted by name."""
    d = Path(folder)
    if not d.is_dir():
        raise InputError(f"The folder {d} does not exist.")
    return sorted(p for p in d.glob("*.ipynb") if not p.name.startswith("."))


def build(solutions: str | Path, lessons: str | Path) -> list[Path]:
    """Write ``lessons/<name>.ipynb`` for every ``solutions/<name>.ipynb``; return what changed.

    Student notebooks with no solution notebook any more are removed.

    >>> build("solutions", "lessons")  # doctest: +SKIP
    [PosixPath('lessons/02-spot.ipynb')]
    """
    src_dir, out_dir = Path(solutions), Path(lessons)
    out_dir.mkdir(parents=True, exist_ok=True)
    changed: list[Path] = []
    names = set()
    for src in notebooks_in(src_dir):
        names.add(src.name)
        text = dumps_notebook(strip_notebook(read_notebook(src)))
        dest = out_dir / src.name
        if not dest.exists() or dest.read_text(encoding="utf-8") != text:
            tmp = dest.with_suffix(".ipynb.tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(dest)
            changed.append(dest)
    for old in notebooks_in(out_dir):
        if old.name not in names:
            old.unlink()
            changed.append(old)
    return changed


@dataclass
class Problem:
    """One way in which a student notebook differs from what ``build`` would write."""

    notebook: str
    message: str

    def __str__(self) -> str:
        return f"{self.notebook}: {self.message}"


@dataclass
class CheckReport:
    """The result of :func:`check`: no problems means ``lessons/`` is up to date."""

    checked: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _exercise_ids(cells: Iterable[dict[str, Any]]) -> list[str]:
    return [eid for c in cells if (eid := exercise_id(c))]


def compare_notebooks(solution: dict[str, Any], lesson: dict[str, Any], name: str) -> list[Problem]:
    """Every way in which ``lesson`` is not the student version of ``solution``."""
    problems: list[Problem] = []
    want = strip_notebook(solution)
    if _exercise_ids(want["cells"]) != _exercise_ids(lesson.get("cells", [])):
        problems.append(
            Problem(
                name,
                f"exercise ids differ: solutions have {_exercise_ids(want['cells'])}, "
                f"lessons have {_exercise_ids(lesson.get('cells', []))}",
            )
        )
    a, b = want["cells"], lesson.get("cells", [])
    if len(a) != len(b):
        problems.append(Problem(name, f"{len(b)} cells in lessons/, {len(a)} expected"))
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            what = "exercise cell" if exercise_id(x) else "cell"
            problems.append(Problem(name, f"{what} {i + 1} differs from the solution notebook"))
            break
    if want.get("metadata") != lesson.get("metadata"):
        problems.append(Problem(name, "notebook metadata differs from the solution notebook"))
    return problems


def check(solutions: str | Path, lessons: str | Path) -> CheckReport:
    """Compare ``lessons/`` with what :func:`build` would write from ``solutions/``."""
    src_dir, out_dir = Path(solutions), Path(lessons)
    report = CheckReport()
    names = set()
    for src in notebooks_in(src_dir):
        names.add(src.name)
        report.checked.append(src.name)
        dest = out_dir / src.name
        if not dest.exists():
            report.problems.append(Problem(src.name, "missing from lessons/"))
            continue
        solution, lesson = read_notebook(src), read_notebook(dest)
        report.problems.extend(compare_notebooks(solution, lesson, src.name))
        if not report.problems or report.problems[-1].notebook != src.name:
            expected = dumps_notebook(strip_notebook(solution))
            if dest.read_text(encoding="utf-8") != expected:
                report.problems.append(Problem(src.name, "not formatted as 'lessons build' writes"))
    for extra in notebooks_in(out_dir) if out_dir.is_dir() else []:
        if extra.name not in names:
            report.problems.append(Problem(extra.name, "in lessons/ but not in solutions/"))
    return report
