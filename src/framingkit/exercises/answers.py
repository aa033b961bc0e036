"""Answers in the notebook file: reading them back (plain JSON) and the answer record.

Two places hold an answer (see "The exercise format" in docs/architecture.md):

1. the exercise cell's source, ``answer = <Python literal>`` (typed; read with
   :func:`ast.literal_eval`, never executed);
2. a display output of MIME type :data:`MIME` in the exercise cell, written by the
   widget and updated in place (``{"exercise", "value", "via", "saved"}``).

A typed literal other than ``None`` wins over a widget answer.
:func:`read_answers` works on the notebook as a plain ``dict`` (no nbformat), so
the grader can use it without importing Jupyter packages.

>>> nb = {"cells": [{"cell_type": "code", "metadata": {"framingkit": {"exercise": "d/x"}},
...     "source": "answer = 'b'\\nexercise('d/x', answer)", "outputs": []}]}
>>> rec = read_answers(nb)["d/x"]
>>> rec.value, rec.via, rec.status
('b', 'typed', 'answered')
"""

from __future__ import annotations

import ast
import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import InputError

#: MIME type of the answer record a widget writes into the exercise cell's outputs.
MIME = "application/vnd.framingkit.answer+json"
#: MIME type of the record :func:`framingkit.exercises.after` writes into a gated cell's
#: outputs when it opens: which answers the analysis was shown after (a hash per exercise).
GATE_MIME = "application/vnd.framingkit.gate+json"
#: Statuses of an :class:`AnswerRecord`.
STATUSES = {
    "answered": "an answer was found",
    "empty": "the exercise is there but not answered yet",
    "unreadable": "something was entered but cannot be read (see problems)",
}
#: Exercise cells longer than this (characters) are not parsed for a typed answer: parsing
#: a huge literal takes far more memory than the text (a 10 MB list, about 1 GB).
MAX_SOURCE = 200_000
_EXERCISE_CALL = re.compile(r"""\bexercise\(\s*(?:id\s*=\s*)?["']([^"']+)["']""")


@dataclass
class AnswerRecord:
    """What a notebook holds for one exercise.

    ``value`` is the answer that counts (typed literal if not None, else the
    widget's), ``via`` says where it came from (``typed``, ``widget`` or None),
    ``typed``/``widget`` keep both raw values, ``problems`` says what could not be read.
    """

    exercise: str
    value: Any = None
    via: str | None = None
    status: str = "empty"
    saved: str | None = None
    cell: int | None = None
    typed: Any = None
    widget: Any = None
    problems: list[str] = field(default_factory=list)


def now_iso() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def make_record(exercise_id: str, value: Any, via: str = "widget") -> dict[str, Any]:
    """The JSON answer record a widget displays (MIME :data:`MIME`)."""
    return {"exercise": exercise_id, "value": jsonable(value), "via": via, "saved": now_iso()}


def jsonable(value: Any) -> Any:
    """Tuples to lists (recursively) so an answer survives JSON unchanged."""
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value


def answer_hash(value: Any) -> str:
    """A short hash of an answer (the same for the kernel's value and the one read back).

    Tuples and lists hash alike, dict keys are sorted, so a typed answer read from the
    notebook source and the value the kernel held give the same hash.

    >>> answer_hash([("c1", "c2", "supports")]) == answer_hash([["c1", "c2", "supports"]])
    True
    >>> len(answer_hash("b"))
    12
    """
    import hashlib

    try:
        text = json.dumps(jsonable(value), sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def cell_source(cell: dict[str, Any]) -> str:
    """A cell's source as one string (nbformat stores a string or a list of lines)."""
    src = cell.get("source", "")
    if isinstance(src, list):  # lines; anything else in the list is not source
        return "".join(x for x in src if isinstance(x, str))
    return src if isinstance(src, str) else ""


def cell_exercise(cell: dict[str, Any]) -> str | None:
    """The exercise id of a cell: its metadata, else an ``exercise("...")`` call in its source."""
    meta = cell.get("metadata") or {}
    fk = meta.get("framingkit") if isinstance(meta, dict) else None
    if isinstance(fk, dict) and isinstance(fk.get("exercise"), str):
        return fk["exercise"]
    if cell.get("cell_type") != "code":
        return None
    m = _EXERCISE_CALL.search(cell_source(cell))
    return m.group(1) if m else None


def typed_answer(source: str) -> tuple[bool, Any, str | None]:
    """``(found, value, problem)`` for the last top-level ``answer = <literal>`` in ``source``.

    >>> typed_answer("answer = ['a', (1, 2)]")
    (True, ['a', (1, 2)], None)
    >>> typed_answer("answer = pick()")[2]
    "The line 'answer = pick()' is not a plain Python value (a list, dict, string or number)."
    """
    if len(source) > MAX_SOURCE:
        found = re.search(r"^\s*answer\s*[:=]", source, re.M) is not None
        problem = (
            f"The cell is {len(source):,} characters long, too long to read a typed answer "
            f"from (at most {MAX_SOURCE:,})."
        )
        return found, None, problem if found else None
    cleaned = "\n".join(
        "#" + line if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()
    )
    try:
        tree = ast.parse(cleaned)
    except SyntaxError as exc:
        if re.search(r"^\s*answer\s*[:=]", source, re.M):
            return (
                True,
                None,
                f"The cell has a Python syntax error on line {exc.lineno}: {exc.msg}.",
            )
        return False, None, None
    found: ast.AST | None = None
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "answer" for t in node.targets)
        ) or (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == "answer"
            and node.value is not None
        ):
            found = node.value
    if found is None:
        return False, None, None
    try:
        return True, _valid_text(ast.literal_eval(found)), None
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        seg = ast.get_source_segment(cleaned, found) or "..."
        seg = seg if len(seg) < 60 else seg[:57] + "..."
        return (
            True,
            None,
            f"The line 'answer = {seg}' is not a plain Python value "
            "(a list, dict, string or number).",
        )


def _valid_text(value: Any) -> Any:
    """``value`` with lone surrogates (``"\\ud800"`` typed in a string) made U+FFFD.

    Such a string cannot be written as UTF-8, so it would break every page that shows it.

    >>> _valid_text(["a\\ud800", {"k\\udfff": ("x",)}])
    ['a\ufffd', {'k\ufffd': ('x',)}]
    """
    if isinstance(value, str):
        try:
            value.encode("utf-8")
            return value
        except UnicodeEncodeError:  # pairs typed as two escapes join; lone ones are replaced
            return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, (list, tuple, set, frozenset)):
        return type(value)(_valid_text(v) for v in value)
    if isinstance(value, dict):
        return {_valid_text(k): _valid_text(v) for k, v in value.items()}
    return value


def widget_records(cell: dict[str, Any]) -> list[tuple[dict[str, Any] | None, str | None]]:
    """Every answer record in a cell's outputs as ``(record, problem)``, in output order."""
    out: list[tuple[dict[str, Any] | None, str | None]] = []
    outputs = cell.get("outputs")
    for o in outputs if isinstance(outputs, list) else []:
        data = o.get("data") if isinstance(o, dict) else None
        if not isinstance(data, dict) or MIME not in data:
            continue
        rec = data[MIME]
        if isinstance(rec, list) and all(isinstance(x, str) for x in rec):
            rec = "".join(rec)  # a tool that saved the JSON record as lines of text
        if isinstance(rec, str):
            try:
                rec = json.loads(rec)
            except json.JSONDecodeError:
                out.append((None, "A saved widget answer is not valid JSON."))
                continue
        if not isinstance(rec, dict) or "value" not in rec:
            out.append((None, "A saved widget answer has no 'value'."))
            continue
        out.append((rec, None))
    return out


def read_answers(nb: dict[str, Any]) -> dict[str, AnswerRecord]:
    """Every answer in a notebook (parsed JSON), by exercise id; nothing is executed.

    Exercise cells without an answer give ``status="empty"``; anything that cannot
    be read gives ``status="unreadable"`` with ``problems`` (an answer record whose
    exercise cannot be told is keyed ``"?cell-<n>"``).
    """
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise InputError("This is not a Jupyter notebook (no list of 'cells').")
    found: dict[str, AnswerRecord] = {}
    for index, cell in enumerate(nb["cells"]):
        if not isinstance(cell, dict):
            continue
        ex_id = cell_exercise(cell)
        records = widget_records(cell) if cell.get("cell_type") == "code" else []
        if ex_id is None:
            for rec, problem in records:
                rid = rec.get("exercise") if rec else None
                if isinstance(rid, str):
                    _merge_widget(found.setdefault(rid, AnswerRecord(rid, cell=index)), rec, None)
                else:
                    key = f"?cell-{index}"
                    r = found.setdefault(key, AnswerRecord(key, cell=index, status="unreadable"))
                    r.problems.append(
                        problem or f"An answer record in cell {index} names no exercise."
                    )
            continue
        if ex_id in found and found[ex_id].cell is not None and found[ex_id].cell != index:
            found[ex_id].problems.append(
                f"The exercise appears in cells {found[ex_id].cell} and {index}; "
                f"cell {index} counts."
            )
        rec = found.setdefault(ex_id, AnswerRecord(ex_id))
        rec.cell = index
        if cell.get("cell_type") == "code":
            has, value, problem = typed_answer(cell_source(cell))
            if problem:
                rec.problems.append(problem)
            if has and value is not None:
                rec.typed = value
        for wrec, problem in records:
            other = wrec.get("exercise") if wrec else None
            if wrec and other not in (None, ex_id):
                rec.problems.append(
                    f"Cell {index} holds an answer record for {other!r}; ignored here."
                )
                continue
            _merge_widget(rec, wrec, problem)
    for rec in found.values():
        _settle(rec)
    return found


def _merge_widget(rec: AnswerRecord, wrec: dict[str, Any] | None, problem: str | None) -> None:
    if problem or wrec is None:
        rec.problems.append(problem or "A saved widget answer cannot be read.")
        return
    saved = str(wrec.get("saved") or "")
    if rec.saved is None or saved >= rec.saved:  # the latest record counts, even a cleared one
        rec.widget = wrec["value"]
        rec.saved = saved or rec.saved
        rec.via = "widget" if wrec["value"] is not None else None


def _settle(rec: AnswerRecord) -> None:
    if rec.typed is not None:
        rec.value, rec.via = rec.typed, "typed"
    elif rec.widget is not None:
        rec.value = rec.widget
        rec.via = rec.via or "widget"
    else:
        rec.via = None
    if rec.value is not None:
        rec.status = "answered"
    elif rec.problems:
        rec.status = "unreadable"
    else:
        rec.status = "empty"


# ----------------------------------------------------------------------------- the open notebook


def notebook_path() -> Path | None:
    """The notebook file of this kernel, from ``JPY_SESSION_NAME`` (None outside Jupyter)."""
    name = os.environ.get("JPY_SESSION_NAME")
    if not name:
        return None
    p = Path(name)
    if p.is_absolute():
        return p if p.is_file() else None
    cwd = Path.cwd()
    for base in [cwd, *cwd.parents]:
        if (base / p).is_file():
            return base / p
    return cwd / p.name if (cwd / p.name).is_file() else None


def read_notebook(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A notebook file as plain JSON (raises :class:`InputError` with one sentence)."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"The notebook '{p}' does not exist.") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InputError(f"The notebook '{p.name}' is not valid notebook JSON.") from None
    if not isinstance(data, dict):
        raise InputError(f"The notebook '{p.name}' is not valid notebook JSON.")
    return data


def saved_in_notebook() -> tuple[dict[str, AnswerRecord], dict[str, Any], str | None]:
    """Answers and metadata of the kernel's notebook as last saved, plus a problem (or None)."""
    path = notebook_path()
    if path is None:
        return {}, {}, None
    try:
        nb = read_notebook(path)
        return read_answers(nb), nb.get("metadata") or {}, None
    except InputError as exc:
        return {}, {}, f"Saved answers could not be read: {exc}"


# ----------------------------------------------------------------------------- gates


def read_gates(nb: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """Every gate record (:data:`GATE_MIME`) in a notebook as ``(cell index, record)``."""
    out: list[tuple[int, dict[str, Any]]] = []
    cells = nb.get("cells") if isinstance(nb, dict) else None
    for index, cell in enumerate(cells if isinstance(cells, list) else []):
        outputs = cell.get("outputs") if isinstance(cell, dict) else None
        for o in outputs if isinstance(outputs, list) else []:
            data = o.get("data") if isinstance(o, dict) else None
            rec = data.get(GATE_MIME) if isinstance(data, dict) else None
            if isinstance(rec, str):
                try:
                    rec = json.loads(rec)
                except json.JSONDecodeError:
                    continue
            if isinstance(rec, dict) and isinstance(rec.get("exercises"), dict):
                out.append((index, rec))
    return out


def changed_after_gate(
    nb: dict[str, Any], answers: dict[str, AnswerRecord] | None = None
) -> dict[str, int]:
    """Exercises whose answer changed after an analysis gated on them was shown.

    Returns ``{exercise id: index of the first gated cell}`` for every exercise whose
    answer in the notebook differs from the one the gate saw (or that was answered only
    after its answers were revealed).

    >>> rec = {"exercises": {"d/x": {"via": "typed", "answer": answer_hash("a")}}}
    >>> nb = {"cells": [
    ...     {"cell_type": "code", "source": "answer = 'b'\\nexercise('d/x', answer)",
    ...      "metadata": {}, "outputs": []},
    ...     {"cell_type": "code", "source": "", "metadata": {},
    ...      "outputs": [{"output_type": "display_data", "data": {GATE_MIME: rec}}]}]}
    >>> changed_after_gate(nb)
    {'d/x': 1}
    """
    answers = read_answers(nb) if answers is None else answers
    changed: dict[str, int] = {}
    for index, rec in read_gates(nb):
        for eid, seen in rec["exercises"].items():
            if eid in changed or not isinstance(seen, dict):
                continue
            final = answers.get(eid)
            value = final.value if final is not None else None
            if value is None:
                continue  # no answer in the file: nothing changed after the analysis
            if seen.get("answer") != answer_hash(value):
                changed[eid] = index
    return changed
