"""Spot evaluative language (appraisal): words through which a writer evaluates (attitude),
grades (force, focus), positions other voices (disclaim, proclaim, entertain, attribute),
labels or uses figures of speech. The categories are one table: :mod:`.categories`.

>>> from framingkit.spot import spot
>>> res = spot("It is not good news. Undoubtedly the plan may have failed.")
>>> [(s.text, s.category) for s in res.spans]  # doctest: +NORMALIZE_WHITESPACE
[('not good news', 'attitude'), ('Undoubtedly', 'proclaim'), ('may have', 'entertain'),
 ('failed', 'attitude')]
>>> spot("The meeting is on Tuesday at noon.").spans
[]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .categories import (
    CATEGORIES,
    CATEGORY_ORDER,
    LEGACY_NAMES,
    certainty_of,
    is_certainty_cue,
    read_name,
)

__all__ = [
    "CATEGORIES",
    "CATEGORY_ORDER",
    "LEGACY_NAMES",
    "EvalSpan",
    "ParagraphDensity",
    "Profile",
    "SpanScore",
    "SpotResult",
    "certainty_of",
    "is_certainty_cue",
    "kappa",
    "profile",
    "read_name",
    "score_spans",
    "spot",
]

_LAZY = {
    "spot": "core",
    "SpotResult": "core",
    "ParagraphDensity": "core",
    "EvalSpan": "rules",
    "profile": "profile",
    "Profile": "profile",
    "score_spans": "scoring",
    "SpanScore": "scoring",
    "kappa": "scoring",
}

if TYPE_CHECKING:  # pragma: no cover
    from .core import ParagraphDensity, SpotResult, spot
    from .profile import Profile, profile
    from .rules import EvalSpan
    from .scoring import SpanScore, kappa, score_spans


# "profile" is both a submodule and a function: importing the submodule (which any
# ``from framingkit.spot import ...`` of it, or ``import framingkit.spot.profile``, does)
# binds the module under that name, shadowing the lazy lookup below. Binding the function
# here, once, keeps ``from framingkit.spot import profile`` the function in any order.
from .profile import profile  # noqa: E402


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'framingkit.spot' has no attribute {name!r}")
