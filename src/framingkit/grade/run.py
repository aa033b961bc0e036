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

import contextlib
import json
import os
import re
import signal
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from .discover import Submission
from .execute import Limits, execute_notebook
from .keys import key_for, own_exercise_ids, valid_lesson_id
from .rubric import RubricSheet
from .text import clip as _clip
from .text import lines as _lines
from .text import short_repr as _short_repr
from .units import (
    attempted_units,
    blank_hints,
    blank_units,
    describe_answer,
    missed_units,
    plain,
)

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
#: Seconds for scoring one exercise (``GradeOptions.score_timeout``); a normal one takes ms.
SCORE_TIMEOUT = 20.0
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


@dataclass(frozen=True)
class GradeOptions:
    """How to grade: the key folder, an expected lesson, execution and its limits."""

    key_dir: str | None = None
    lesson: str | None = None
    execute: bool = False
    limits: Limits = field(default_factory=Limits)
    max_mb: float = MAX_MB
    #: rubric points for written answers (``--rubric``, or the rubric.csv already in
    #: ``--out``); None when there is none
    rubric: RubricSheet | None = None
    #: seconds for scoring one exercise of one notebook (a hostile answer can be slow)
    score_timeout: float = SCORE_TIMEOUT


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
    #: the reference units of ``missed_units`` the student left blank (not answered at all)
    blank_units: list[str] = field(default_factory=list)
    #: something was entered but could not be read (the problems say why)
    unreadable: bool = False
    #: the answer as the student would recognise it (spans: the words, not offsets)
    shown: str = ""
    #: what the grader read a typed answer as, when it differs from what was typed
    read_as: str = ""
    #: the engine's lines on what was not answered (counted, never revealed)
    unanswered: list[str] = field(default_factory=list)
    #: the key's hints (``"hint"``, when it has them) for the parts left blank: they name the
    #: cue to look for without giving the answer away
    hints: list[str] = field(default_factory=list)
    #: spans and classify exercises: the student's code for each unit, for class agreement
    #: (spans: word index -> "marked"; classify: item id -> label); empty when not answered
    codes: dict[str, str] = field(default_factory=dict)
    #: False for a practice exercise (key ``"graded": false``): checked and shown on the page,
    #: never added to the score or the maximum
    counted: bool = True


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
    #: for the instructor (the ``message`` of grades.csv)
    notes: list[str] = field(default_factory=list)
    #: for the student (the feedback page): never rubric problems or instructor wording
    student_notes: list[str] = field(default_factory=list)
    #: rubric-file problems of this notebook (also in ``notes``)
    rubric_problems: list[str] = field(default_factory=list)
    #: written answers: "" (none in the lesson), "included", "incomplete" (some criteria
    #: not scored yet, counted as 0) or "not included" (no rubric points at all)
    written: str = ""

    def say(self, instructor: str, student: str | None = None) -> None:
        """Add a note for the instructor and, when given, its wording for the student."""
        self.notes.append(instructor)
        if student:
            self.student_notes.append(student)

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
        r.student_notes = _lines(r.student_notes)
        return r
    except Exception as exc:  # a bug or an input we did not foresee: report, never stop
        r = GradeResult(sub.student, sub.shown, None, "error")
        r.say(
            f"the grader failed on this notebook ({type(exc).__name__}: {_clip(str(exc), 200)})",
            "The grader could not read this notebook; your instructor has been told.",
        )
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


def _grade(sub: Submission, opts: GradeOptions) -> GradeResult:

    result = GradeResult(sub.student, sub.shown, None, "invalid")
    if sub.problem:
        result.notes.append(sub.problem)
        return result
    try:
        data = read_submission(sub.path, opts.max_mb)
        nb = parse_notebook(data)
    except InputError as exc:
        result.notes.append(str(exc))
        return result
    lesson = notebook_lesson(nb)
    nb, lesson, renamed, refused = own_exercise_ids(nb, lesson, opts.key_dir)
    answers = safe_read_answers(nb)
    if refused:
        result.lesson = lesson
        result.notes.extend(refused)
        return result
    if lesson is None:
        result.status = "not_a_lesson"
        lessons = sorted({a.split("/", 1)[0] for a in answers if not a.startswith("?")})
        named = ", ".join(_clip(x, 80) for x in lessons[:5]) + ", ..." * (len(lessons) > 5)
        hint = f" (it has exercise cells of {named})" if lessons else ""
        result.notes.append(
            f"this notebook is not one of the kit's lessons{hint}: it has no lesson id in its "
            "metadata (metadata.framingkit.lesson; see docs/grading.md, 'Your own notebooks')"
        )
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
    key, problem, fallback = key_for(lesson, opts.key_dir)
    if key is None:
        result.notes.append(problem)
        return result
    if fallback:
        result.notes.append(fallback)
    result.notes.extend(renamed)
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
    _note_changed_after_gate(result, nb, answers, key)
    if opts.execute:
        ex = execute_notebook(data, opts.limits, opts.key_dir)
        if ex.status != "ok":
            result.status = ex.status
            result.say(
                f"{ex.message}; scores come from the notebook as saved",
                f"When your notebook was run from the top, {ex.student or ex.message}. The "
                "score comes from the answers saved in your notebook.",
            )
        elif ex.nb is not None:
            ran = safe_read_answers(ex.nb)
            for eid, rec in ran.items():
                if rec.status == "answered" or eid not in answers:
                    answers[eid] = rec
    for fid in foreign:
        cell = answers[fid].cell
        where = f"cell {cell + 1}" if cell is not None else "a cell"
        result.say(
            f"{where} holds exercise '{fid}', which is not in this lesson; ignored",
            f"Your notebook has a cell of exercise '{fid}', which is not part of this lesson; "
            "it is not graded here.",
        )
    for aid, rec in answers.items():
        if aid.startswith("?"):
            result.notes.extend(rec.problems)
    _score_all(result, key, answers, opts.rubric, opts.score_timeout)
    return result


def _note_changed_after_gate(
    result: GradeResult, nb: dict[str, Any], answers: dict[str, Any], key: Any
) -> None:
    """Tell the instructor (not the student's page) which answers, as submitted, differ from
    what a gated analysis cell saw when it showed that exercise's answers (docs/grading.md)."""
    from ..exercises.answers import changed_after_gate

    try:
        changed = changed_after_gate(nb, answers)
    except Exception:  # a damaged gate record must never stop the grading
        return
    for eid, cell in sorted(changed.items()):
        if eid in key.exercises:
            result.notes.append(
                f"'{eid}': the answer was changed after cell {cell + 1}, which shows this "
                "exercise's answers, had been run"
            )


def safe_read_answers(nb: dict[str, Any]) -> dict[str, Any]:
    """:func:`~framingkit.exercises.read_answers`, but a cell whose typed answer makes the
    parser run out of memory or recursion (``answer = ----…1``) is unreadable for that
    exercise only, never an error for the whole notebook."""
    from ..exercises import read_answers
    from ..exercises.answers import cell_exercise, cell_source, typed_answer

    try:
        return read_answers(nb)
    except (MemoryError, RecursionError):
        pass
    cells = list(nb.get("cells") or [])
    bad: dict[str, int] = {}
    for i, cell in enumerate(cells):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        try:
            typed_answer(cell_source(cell))
        except (MemoryError, RecursionError):
            eid = cell_exercise(cell) or f"?cell-{i}"
            bad[eid] = i
            cells[i] = {**cell, "source": ""}
    answers = read_answers({**nb, "cells": cells})
    from ..exercises import AnswerRecord

    for eid, i in bad.items():
        rec = answers.setdefault(eid, AnswerRecord(eid, cell=i))
        rec.problems.append(
            "The typed answer is nested too deeply (or is too long an expression) to be read "
            "as a plain Python value."
        )
        if rec.value is None:
            rec.status = "unreadable"
    return answers


class _Slow(BaseException):
    """Scoring one exercise took longer than its time limit (a BaseException, so no
    ``except Exception`` in the code being timed can swallow it)."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Any:
    """Raise :class:`_Slow` in the block after ``seconds`` (main thread on POSIX; else none)."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def ring(_signum: int, _frame: Any) -> None:
        raise _Slow

    old = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _score_all(
    result: GradeResult,
    key: Any,
    answers: dict[str, Any],
    rubric: RubricSheet | None = None,
    score_timeout: float = SCORE_TIMEOUT,
) -> None:
    from ..exercises import Score, score

    total = maximum = 0.0
    manual = blank = unscored = 0
    for eid, ex in key.exercises.items():
        rec = answers.get(eid)
        if rec is None:
            outcome = "scored 0" if ex.graded else "a practice exercise, not counted"
            result.say(
                f"the exercise cell of '{eid}' is missing (deleted?); {outcome}",
                f"The cell of exercise '{eid}' is missing from your notebook (deleted?), so it "
                + ("scored 0." if ex.graded else "was not checked (a practice exercise)."),
            )
        value = rec.value if rec is not None else None
        entered: dict[str, float] | None = None
        if ex.type == "text" and rubric is not None:
            entered = _rubric_points(result, ex, rubric)
        try:
            with _time_limit(score_timeout):
                if ex.type == "text":
                    s = score(ex, value, rubric_points=entered)
                else:  # after the deadline: the reason for what was answered, hints for the rest
                    s = score(ex, value, reveal=attempted_units(ex, value))
        except _Slow:
            s = Score(eid, ex.type, 0.0 if ex.type != "text" else None, ex.points, "")
            s.problems.append(
                f"The answer is too large to check within {score_timeout:g} s, so it scored 0."
            )
            result.notes.append(f"'{eid}': the answer took over {score_timeout:g} s to score")
        if ex.type == "text" and entered is not None:
            missing = [c.id for c in ex.rubric if c.id not in entered]
            if missing and s.answered and value is not None:
                unscored += 1
            elif not s.answered or value is None:
                blank += 1
        answered = s.answered and value is not None
        unreadable = (
            rec is not None and not answered and (rec.status == "unreadable" or bool(s.problems))
        )
        g = ExerciseGrade(
            eid,
            ex.type,
            ex.title or eid.split("/", 1)[1],
            s.points,
            s.max_points,
            answered,
            rec.via if rec is not None else None,
            _clip(plain(s.checked)),
            _lines(s.right),
            _lines(s.partial),
            _lines(s.missed + s.shown),  # a reference shown is a line of its own (engine)
            _lines(s.extra),
            _lines(list(s.problems) + (list(rec.problems) if rec is not None else [])),
            _lines(s.feedback),
            answer=_short_repr(value),
            unreadable=unreadable,
            unanswered=_lines(getattr(s, "unanswered", [])),
        )
        if entered:
            g.rubric = dict(entered)
        if rec is not None:
            for p in rec.problems:
                if "appears in cells" in p or rec.status == "unreadable":
                    result.notes.append(f"'{eid}': {_clip(p)}")
        if ex.type == "spans":
            g.spans = [tuple(x) for x in s.details.get("answer_spans", [])]
        if ex.type == "choice" and value is not None:  # the option as the engine reads it
            from ..exercises.scoring import _choice_key

            g.choice = _choice_key(ex, value, [])[0] or "(not an option)"
        describe_answer(g, ex, value)
        g.missed_units = missed_units(ex, s, value)
        g.blank_units = blank_units(ex, g, value)
        g.hints = blank_hints(ex, g.blank_units)
        g.counted = ex.graded
        result.exercises[eid] = g
        if not g.counted:  # practice: feedback on the page, nothing in the score
            continue
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
    grades = list(result.exercises.values())
    if grades and not any(g.answered or g.unreadable for g in grades):
        result.say(
            "no answers at all: a blank notebook, or one saved after 'Clear All Outputs' "
            "(which removes answers given with the buttons; typed answers stay)",
            "No answers were found in your notebook. If you answered with the buttons, note "
            "that 'Clear All Outputs' (or restarting and clearing outputs) before saving "
            "removes those answers; typed answers (answer = ...) stay in the notebook.",
        )
    written = [e for e in key.exercises.values() if e.type == "text"]
    if written:
        if rubric is None:
            result.written = "not included"
        else:
            result.written = "incomplete" if unscored else "included"
    if manual:
        result.notes.append(
            f"{manual} written answer{'s' * (manual != 1)} to score by hand (not in the score)"
        )
    if blank:
        result.notes.append(f"{blank} written answer{'s' * (blank != 1)} left blank")
    if unscored:
        result.notes.append(
            f"{unscored} written answer{'s' * (unscored != 1)} not (fully) scored in the rubric "
            "file yet (0 points for the criteria without points until then)"
        )


def _rubric_points(result: GradeResult, ex: Any, rubric: RubricSheet) -> dict[str, float]:
    """The usable rubric points of one written answer; problems go to the row's message."""
    found = rubric.lookup(result.student, result.file, ex.id)
    if found is None:
        return {}
    problems = list(rubric.row_problems.get(found, []))
    crits = {c.id: c.points for c in ex.rubric}
    usable: dict[str, float] = {}
    for crit, pts in rubric.points.get(found, {}).items():
        if crit not in crits:
            problems.append(
                f"{pts:g} points for {crit!r}, which is not a criterion of this exercise "
                f"(its criteria: {', '.join(crits)}); not used"
            )
        elif not 0 <= pts <= crits[crit]:
            problems.append(
                f"{pts:g} points for criterion {crit!r} is outside 0..{crits[crit]:g}; not used "
                "(counted as 0)"
            )
        else:
            usable[crit] = pts
    for p in problems:
        text = f"rubric, {ex.id}: {p}"
        result.rubric_problems.append(text)
        result.notes.append(text)
    return usable
