"""The exercise engine: widgets and typed answers, self-check, answers kept in the notebook.

>>> from framingkit.exercises import TYPES
>>> list(TYPES)
['spans', 'classify', 'choice', 'text', 'links']

Notebook use: ``exercise("02-spot/boosters", answer)`` (a typed answer prints its
feedback) and ``check(...)``; the grader uses :func:`read_answers`, :func:`load_key`,
:func:`score` and :func:`describe_answer` (an answer in words, never raw offsets).
Nothing here imports ipywidgets until a widget is shown.
"""

from __future__ import annotations

from .answers import MIME, AnswerRecord, read_answers
from .api import Exercise, check, exercise
from .api import describe as describe_answer
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
    "describe_answer",
    "exercise",
    "find_exercise",
    "load_key",
    "parse_key",
    "read_answers",
    "score",
]
