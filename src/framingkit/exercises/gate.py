"""Gating an analysis cell on exercises: :func:`after`.

A lesson cell that shows the answers of an exercise (the kit's labels of the very
passages the exercise asks about) runs its analysis only once the student has answered::

    if after("02-spot/attitude", "02-spot/graduation"):
        show(spots)

An exercise counts as answered in this kernel when its cell ran with a typed answer
that holds something (not ``None``, ``[]``, ``{}``, ``""`` or only blanks: :func:`given`),
when its widget holds an answer, when an answer was checked
(the Check button or ``check(id, answer)``; with self-check off only the exercise cell and
its widget, which are what is handed in), or when its answers were revealed.
Otherwise the cell shows one sentence naming the exercises to answer first and
:func:`after` returns False. Under nbconvert or nbval (no ``JPY_SESSION_NAME``) the
same holds: an exercise cell run earlier in the kernel with a typed answer counts.

When the gate opens it writes a record into the cell's outputs (MIME
:data:`~framingkit.exercises.answers.GATE_MIME`): a short hash of each answer it saw,
so the grader can tell an answer changed after the analysis was shown
(:func:`~framingkit.exercises.answers.changed_after_gate`).
"""

from __future__ import annotations

from typing import Any

from ..errors import InputError
from ..style import OKABE_ITO, esc
from . import answers as _answers
from .model import ExerciseDef, find_exercise
from .scoring import is_empty


def seen_answer(exercise_id: str) -> tuple[str, Any] | None:
    """``(via, value)`` of the answer this kernel holds for an exercise, or None.

    ``via`` is ``"typed"`` (the exercise cell ran with a typed answer other than None),
    ``"widget"`` (its widget holds an answer), ``"checked"`` (an answer was checked) or
    ``"revealed"`` (the answers were shown; ``value`` is None).
    """
    from .api import _LIVE, _TRIES

    live = _LIVE.get(exercise_id)
    if live is not None and given(live.typed):
        return "typed", live.typed
    if live is not None and given(live.widget_value):
        return "widget", live.widget_value
    tries = _TRIES.get(exercise_id)
    if tries is not None and given(tries.answered):
        return "checked", tries.answered
    if tries is not None and tries.revealed:
        return "revealed", None
    return None


def given(value: Any) -> bool:
    """Whether an answer holds anything at all: ``[]``, ``{}``, ``""`` and a dict or list of
    blanks (``{"k1": None}``) do not open a gate, as the feedback calls them not answered yet
    (student review 2, finding 1).

    >>> given([]), given({"k1": None, "k2": ""}), given(["at"]), given({"k1": "wording"})
    (False, False, True, True)
    """
    if is_empty(value):
        return False
    if isinstance(value, dict):
        return any(not is_empty(v) for v in value.values())
    if isinstance(value, (list, tuple, set)):
        return any(not is_empty(v) for v in value)
    return True


def exercise_name(defn: ExerciseDef) -> str:
    """How a student knows the exercise: "Exercise 3 (02-spot/engagement)", else the id."""
    return f"Exercise {defn.number} ({defn.id})" if defn.number else defn.id


def _names(defs: list[ExerciseDef]) -> str:
    if all(d.number for d in defs) and len(defs) > 1:
        nums = [f"{d.number} ({d.id})" for d in defs]
        return "Exercises " + ", ".join(nums[:-1]) + " and " + nums[-1]
    names = [exercise_name(d) for d in defs]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def closed_sentence(missing: list[ExerciseDef]) -> str:
    """The one sentence a closed gate shows.

    >>> from framingkit.exercises.model import ExerciseDef
    >>> closed_sentence([ExerciseDef("02-spot/engagement", "choice", "?", 1, number=3)])
    'This analysis shows the answers to Exercise 3 (02-spot/engagement). Answer it first \
(use its widget, or type your answer and run its cell), then run this cell again.'
    """
    one = len(missing) == 1
    return (
        f"This analysis shows the answers to {_names(missing)}. "
        f"Answer {'it' if one else 'them'} first (use {'its' if one else 'their'} widget"
        f"{'' if one else 's'}, or type your answer and run {'its cell' if one else 'their cells'}"
        "), then run this cell again."
    )


def gate_record(seen: dict[str, tuple[str, Any]]) -> dict[str, Any]:
    """The record an open gate writes: ``{"exercises": {id: {"via", "answer"}}, "shown"}``."""
    return {
        "exercises": {
            eid: {"via": via, "answer": None if via == "revealed" else _answers.answer_hash(value)}
            for eid, (via, value) in seen.items()
        },
        "shown": _answers.now_iso(),
    }


def after(*exercise_ids: str) -> bool:
    """True when the analysis in this cell may be shown: every named exercise has an answer
    in this kernel (a typed answer other than None that the exercise cell was run with, or a
    widget answer, or the exercise was revealed). Otherwise displays one sentence naming the
    exercises to answer first ("This analysis shows the answers to Exercise 3
    (02-spot/engagement). Answer it first (use its widget, or type your answer and run its
    cell), then run this cell again.") and returns False.
    Example: ``if after("02-spot/attitude"): show(spots)``

    A checked answer (the Check button, ``check(id, answer)``) counts too. When the gate
    opens, the cell's output gets a record of the answers it saw (MIME
    ``application/vnd.framingkit.gate+json``, a short hash per exercise, no answer text).
    An unknown exercise id raises :class:`~framingkit.errors.InputError`.
    """
    if not exercise_ids:
        raise InputError(
            "after() needs the id of at least one exercise, e.g. after('02-spot/attitude')."
        )
    defs = [find_exercise(str(eid)) for eid in dict.fromkeys(exercise_ids)]
    seen: dict[str, tuple[str, Any]] = {}
    missing: list[ExerciseDef] = []
    for d in defs:
        got = seen_answer(d.id)
        if got is None:
            missing.append(d)
        else:
            seen[d.id] = got
    if missing:
        _show_closed(closed_sentence(missing))
        return False
    _show_open(gate_record(seen))
    return True


def _display() -> Any:
    from .api import _in_ipython

    if _in_ipython() is None:
        return None
    from IPython.display import display

    return display


def _show_closed(sentence: str) -> None:
    display = _display()
    if display is None:
        print(sentence)
        return
    html = (
        f"<div class='fk-gate-closed' role='note' style='border-left:4px solid "
        f"{OKABE_ITO['orange']};padding:0.3em 0.6em;margin:0.3em 0'>{esc(sentence)}</div>"
    )
    display({"text/plain": sentence, "text/html": html}, raw=True)


def _show_open(record: dict[str, Any]) -> None:
    display = _display()
    if display is None:  # a plain Python session: nothing is saved, nothing to record
        return
    display({_answers.GATE_MIME: record, "text/plain": ""}, raw=True)
