"""The exercise engine: widgets and typed answers, self-check, answers kept in the notebook.

>>> from framingkit.exercises import TYPES
>>> list(TYPES)
['spans', 'classify', 'choice', 'text', 'links']

Notebook use: ``exercise("02-spot/boosters", answer)`` (a typed answer prints its
feedback), ``check(...)`` and ``if after("02-spot/boosters"): ...`` (an analysis that
shows an exercise's answers runs only once it is answered); the grader uses
:func:`read_answers`, :func:`load_key`, :func:`score` and :func:`describe_answer` (an
answer in words, never raw offsets).
Nothing here imports ipywidgets until a widget is shown.
"""

from __future__ import annotations

from .answers import GATE_MIME, MIME, AnswerRecord, changed_after_gate, read_answers
from .api import Exercise, check, exercise
from .api import describe as describe_answer
from .gate import after
from .model import TYPES, ExerciseDef, LessonKey, find_exercise, load_key, parse_key
from .scoring import Score, score

__all__ = [
    "GATE_MIME",
    "MIME",
    "TYPES",
    "AnswerRecord",
    "Exercise",
    "ExerciseDef",
    "LessonKey",
    "Score",
    "after",
    "changed_after_gate",
    "check",
    "describe_answer",
    "exercise",
    "find_exercise",
    "load_key",
    "parse_key",
    "read_answers",
    "score",
]
