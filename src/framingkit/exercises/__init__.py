"""The exercise engine: widgets and typed answers, self-check, answers kept in the notebook.

>>> from framingkit.exercises import TYPES
>>> list(TYPES)
['spans', 'classify', 'choice', 'text', 'links']

Notebook use: ``exercise("02-spot/boosters", answer)`` and ``check(...)``;
the grader uses :func:`read_answers`, :func:`load_key` and :func:`score`.
Nothing here imports ipywidgets until a widget is shown.
"""

from __future__ import annotations

from .answers import MIME, AnswerRecord, read_answers
from .api import Exercise, check, exercise
from .model import TYPES, ExerciseDef, LessonKey, find_exercise, load_key, parse_key
from .scoring import Score, score

__all__ = [
    "MIME",
    "TYPES",
    "AnswerRecord",
    "Exercise",
    "ExerciseDef",
    "LessonKey",
    "Score",
    "check",
    "exercise",
    "find_exercise",
    "load_key",
    "parse_key",
    "read_answers",
    "score",
]
