"""Grading one submitted notebook: read it as JSON, score it with the exercise engine.

Nothing is executed unless ``execute=True`` (then see :mod:`framingkit.grade.execute`).
:func:`grade_submission` never raises: every problem becomes a status from
:data:`STATUSES` and a message, so one broken notebook never stops a batch.

>>> from framingkit.grade.discover import Submission
>>> r = grade_submission(Submission("bob", Path("/no/such.ipynb"), "such.ipynb"), GradeOptions())
>>> r.status, r.message
('invalid', 'the file could not be read (No such file or directory)')
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from .discover import Submission
from .execute import Limits, execute_notebook

#: The one table of row statuses in grades.csv (docs and tests derive from it).
STATUSES: dict[str, str] = {
    "ok": "graded (exercise problems, such as a deleted cell, are in the message)",
    "error": "the notebook crashed when run with --execute (scores come from the saved file)"
    " or the grader itself failed on it",
    "timeout": "the notebook ran past a time limit with --execute (scores from the saved file)",
    "invalid": "the file cannot be graded: not JSON, not a notebook, too big, no key, wrong lesson",
    "not_a_lesson": "a valid notebook, but not one of the kit's lesson notebooks",
}
#: Submissions bigger than this many MB are not read (``--max-mb``).
MAX_MB = 20.0
_MAX_NOTES = 6
_LESSON_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
#: Feedback lines per list and characters per line (the engine quotes answers in its lines).
_MAX_LINES, _MAX_LINE = 50, 500
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


@dataclass(frozen=True)
class GradeOptions:
    """How to grade: the key folder, an expected lesson, execution and its limits."""

    key_dir: str | None = None
    lesson: str | None = None
    execute: bool = False
    limits: Limits = field(default_factory=Limits)
    max_mb: float = MAX_MB
    #: rubric points for written answers, ``{(student, file, exercise): {criterion: points}}``
    #: (from ``--rubric``); None when no rubric file was given
    rubric: dict[tuple[str, str, str], dict[str, float]] | None = None


@dataclass
class ExerciseGrade:
    """The score of one exercise in one submission (lines are for the feedback page)."""

    exercise: str
    type: str
    title: str
    points: float | None
    max_points: float
    answered: bool
    via: str | None = None
    checked: str = ""
    right: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    feedback: list[str] = field(default_factory=list)
    #: the student's answer, shortened, as Python would print it (escape before showing)
    answer: str = ""
    #: written answers: the rubric points the instructor entered and the grader used
    rubric: dict[str, float] = field(default_factory=dict)
    #: spans exercises: the student's (start, end) offsets in the exercise text
    spans: list[tuple[int, int]] = field(default_factory=list)
    #: choice exercises: the option picked
    choice: str | None = None
    #: reference units (phrases, item ids, links) not fully right
    missed_units: list[str] = field(default_factory=list)


@dataclass
class GradeResult:
    """One row of grades.csv and the content of one feedback page."""

    student: str
    file: str
    lesson: str | None
    status: str
    score: float | None = None
    max_score: float | None = None
    exercises: dict[str, ExerciseGrade] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        """The notes as one line for the CSV (the first few, then a count)."""
        shown = self.notes[:_MAX_NOTES]
        more = len(self.notes) - len(shown)
        return "; ".join(shown) + (f"; and {more} more (see the feedback page)" if more else "")


def grade_submission(sub: Submission, opts: GradeOptions) -> GradeResult:
    """Grade one submitted notebook (never raises; problems become the status)."""
    try:
        r = _grade(sub, opts)
        r.notes = _lines(r.notes)
        return r
    except Exception as exc:  # a bug or an input we did not foresee: report, never stop
        r = GradeResult(sub.student, sub.shown, None, "error")
        r.notes.append(f"the grader failed on this notebook ({type(exc).__name__}: {exc})")
        return r


def read_submission(path: Path, max_mb: float = MAX_MB) -> bytes:
    """The bytes of a submitted file, opened read-only and without following a symbolic link.

    Raises :class:`InputError` (one sentence) when the file cannot or must not be read.
    """
    if path.is_symlink():
        raise InputError("the file is a symbolic link, which the grader does not follow")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:  # O_NONBLOCK: opening a named pipe (FIFO) must not wait for a writer
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError(f"the file could not be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if stat.S_ISDIR(st.st_mode):
            raise InputError("this is a folder, not a notebook file")
        if not stat.S_ISREG(st.st_mode):
            raise InputError("this is not a regular file (a pipe or device), so not a notebook")
        size = st.st_size
        if size > max_mb * 1024 * 1024:
            raise InputError(
                f"the file is {size / 1024 / 1024:.1f} MB, over the limit of {max_mb:g} MB "
                "(see --max-mb)"
            )
        return fh.read(int(max_mb * 1024 * 1024) + 1)


def parse_notebook(data: bytes) -> dict[str, Any]:
    """The notebook as a plain dict (raises :class:`InputError` for anything else)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("the file is not UTF-8 text, so not a notebook") from None
    try:
        nb = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"the file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    except RecursionError:
        raise InputError("the file is JSON nested too deeply to be a notebook") from None
    if isinstance(nb, dict) and "worksheets" in nb and "cells" not in nb:
        raise InputError(
            f"the file is an old Jupyter notebook (nbformat {nb.get('nbformat', 3)}); open it in "
            "a current Jupyter and save it to convert it (nbformat 4), then hand it in again"
        )
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise InputError("the file is JSON but not a Jupyter notebook (no list of cells)")
    if _SURROGATE.search(text):  # a lone "\\udXXX" escape: not writable as UTF-8 later
        nb = json.loads(json.dumps(nb, ensure_ascii=False).encode("utf-8", "replace"))
    return nb


def notebook_lesson(nb: dict[str, Any]) -> str | None:
    """The lesson id in the notebook's metadata (``metadata.framingkit.lesson``), or None."""
    meta = nb.get("metadata")
    fk = meta.get("framingkit") if isinstance(meta, dict) else None
    lesson = fk.get("lesson") if isinstance(fk, dict) else None
    return lesson if isinstance(lesson, str) and lesson.strip() else None


def valid_lesson_id(lesson: str) -> bool:
    """Whether ``lesson`` can be a lesson id (a key file name: letters, digits, ``.-_``).

    >>> valid_lesson_id("02-spot"), valid_lesson_id("../x"), valid_lesson_id("02-spot/boosters")
    (True, False, False)
    """
    return bool(_LESSON_ID.fullmatch(lesson)) and ".." not in lesson


def _grade(sub: Submission, opts: GradeOptions) -> GradeResult:
    from ..exercises import load_key, read_answers

    result = GradeResult(sub.student, sub.shown, None, "invalid")
    try:
        data = read_submission(sub.path, opts.max_mb)
        nb = parse_notebook(data)
    except InputError as exc:
        result.notes.append(str(exc))
        return result
    answers = read_answers(nb)
    lesson = notebook_lesson(nb)
    if lesson is None:
        result.status = "not_a_lesson"
        lessons = sorted({a.split("/", 1)[0] for a in answers if not a.startswith("?")})
        named = ", ".join(_clip(x, 80) for x in lessons[:5]) + ", ..." * (len(lessons) > 5)
        hint = f" (it has exercise cells of {named})" if lessons else ""
        result.notes.append(f"this notebook is not one of the kit's lessons{hint}")
        return result
    result.lesson = lesson
    if not valid_lesson_id(lesson):
        result.notes.append(
            f"the lesson id in the notebook's metadata, {_clip(lesson, 80)!r}, is not a valid "
            "lesson id (the metadata was edited?)"
        )
        return result
    if opts.lesson and lesson != opts.lesson:
        result.notes.append(f"this notebook is lesson '{lesson}', not '{opts.lesson}'")
        return result
    try:
        key = load_key(lesson, opts.key_dir)
    except InputError:
        result.notes.append(f"there is no answer key for lesson '{lesson}'")
        return result
    own = [a for a in answers if a in key.exercises]
    foreign = sorted(a for a in answers if a not in key.exercises and not a.startswith("?"))
    if foreign and not own:
        other = sorted({a.split("/", 1)[0] for a in foreign} - {lesson})
        if other:
            why = f"belong to {', '.join(_clip(o, 80) for o in other)}"
        else:
            shown = ", ".join(repr(_clip(a, 80)) for a in foreign[:3])
            why = (
                f"name exercises that are not in its key ({shown}{', ...' * (len(foreign) > 3)}; "
                "edited cells, or a key of another version of the lesson?)"
            )
        result.notes.append(
            f"the notebook says it is lesson '{lesson}' but its exercise cells {why}"
        )
        return result
    result.status = "ok"
    if opts.execute:
        ex = execute_notebook(data, opts.limits, opts.key_dir)
        if ex.status != "ok":
            result.status = ex.status
            result.notes.append(f"{ex.message}; scores come from the notebook as saved")
        elif ex.nb is not None:
            ran = read_answers(ex.nb)
            for eid, rec in ran.items():
                if rec.status == "answered" or eid not in answers:
                    answers[eid] = rec
    for fid in foreign:
        cell = answers[fid].cell
        where = f"cell {cell + 1}" if cell is not None else "a cell"
        result.notes.append(f"{where} holds exercise '{fid}', which is not in this lesson; ignored")
    for aid, rec in answers.items():
        if aid.startswith("?"):
            result.notes.extend(rec.problems)
    _score_all(result, key, answers, opts.rubric)
    return result


def _score_all(
    result: GradeResult,
    key: Any,
    answers: dict[str, Any],
    rubric: dict[tuple[str, str, str], dict[str, float]] | None = None,
) -> None:
    from ..exercises import score
    from ..exercises.scoring import _choice_key

    total = maximum = 0.0
    manual = blank = unscored = 0
    for eid, ex in key.exercises.items():
        rec = answers.get(eid)
        if rec is None:
            result.notes.append(f"the exercise cell of '{eid}' is missing (deleted?); scored 0")
        value = rec.value if rec is not None else None
        entered: dict[str, float] = {}
        if ex.type == "text" and rubric is not None:
            entered = rubric.get((result.student, result.file, eid), {})
            s = score(ex, value, rubric_points=entered)
            if not entered and s.answered:
                unscored += 1
            elif not entered:
                blank += 1
        else:
            s = score(ex, value)
        g = ExerciseGrade(
            eid,
            ex.type,
            ex.title or eid.split("/", 1)[1],
            s.points,
            s.max_points,
            s.answered and value is not None,
            rec.via if rec is not None else None,
            _clip(s.checked),
            _lines(s.right),
            _lines(s.partial),
            _lines(s.missed),
            _lines(s.extra),
            _lines(list(s.problems) + (list(rec.problems) if rec is not None else [])),
            _lines(s.feedback),
            answer=_short_repr(value),
        )
        if entered:
            ok_ids = {c.id: c.points for c in ex.rubric}
            g.rubric = {k: v for k, v in entered.items() if k in ok_ids and 0 <= v <= ok_ids[k]}
        if rec is not None:
            for p in rec.problems:
                if "appears in cells" in p or rec.status == "unreadable":
                    result.notes.append(f"'{eid}': {_clip(p)}")
        if ex.type == "spans":
            g.spans = [tuple(x) for x in s.details.get("answer_spans", [])]
        if ex.type == "choice" and value is not None:  # the option as the engine reads it
            g.choice = _choice_key(ex, value, [])[0] or "(not an option)"
        g.missed_units = missed_units(ex, s, value)
        result.exercises[eid] = g
        if s.points is None:
            if g.answered:
                manual += 1
            else:
                blank += 1
            continue
        total += s.points
        maximum += s.max_points
    result.score = round(total + 1e-12, 2)
    result.max_score = round(maximum, 2)
    if manual:
        result.notes.append(
            f"{manual} written answer{'s' * (manual != 1)} to score by hand (not in the score)"
        )
    if blank:
        result.notes.append(f"{blank} written answer{'s' * (blank != 1)} left blank")
    if unscored:
        result.notes.append(
            f"{unscored} written answer{'s' * (unscored != 1)} not scored in the rubric file yet "
            "(0 points until then)"
        )


def missed_units(ex: Any, s: Any, value: Any) -> list[str]:
    """The reference units (phrase, item id, link, 'right option') a student did not get fully.

    Read from the engine's :class:`~framingkit.exercises.Score` lines, so the grader
    never scores a second time.
    """
    got = set(s.right)
    if ex.type == "spans":
        return [r.text for r in ex.reference if not any(g.startswith(f"“{r.text}”") for g in got)]
    if ex.type == "classify":
        texts = {i.id: " ".join(i.text.split()) for i in ex.items}
        return [
            f"{i} ({texts[i][:40]}{'…' * (len(texts[i]) > 40)})" if texts.get(i) else i
            for i in ex.reference
            if not any(g.startswith((f"{i} (", f"{i}:")) for g in got)
        ]
    if ex.type == "links":
        return [f"{a} -{rel}-> {b}" for a, b, rel in ex.reference if f"{a} -{rel}-> {b}" not in got]
    if ex.type == "choice":
        return [] if got else ["the right option"]
    return []


def _clip(text: str, limit: int = _MAX_LINE) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _lines(lines: Any) -> list[str]:
    """Feedback lines, each and their number capped (an answer may be megabytes long)."""
    out = [_clip(str(x)) for x in list(lines)[:_MAX_LINES]]
    if len(lines) > _MAX_LINES:
        out.append(f"… and {len(lines) - _MAX_LINES:,} more")
    return out


def _short_repr(value: Any, limit: int = 2000) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
