"""``framingkit grade``: grades, feedback and a class summary from submitted notebooks.

>>> from framingkit.grade import STATUSES
>>> list(STATUSES)
['ok', 'error', 'timeout', 'invalid', 'not_a_lesson']
"""

from __future__ import annotations

from .discover import Submission, find_submissions, safe_name
from .execute import Limits
from .run import STATUSES, ExerciseGrade, GradeOptions, GradeResult, grade_submission

__all__ = [
    "STATUSES",
    "ExerciseGrade",
    "GradeOptions",
    "GradeResult",
    "Limits",
    "Submission",
    "find_submissions",
    "grade_submission",
    "safe_name",
]
