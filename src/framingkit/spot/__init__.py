"""Spot evaluative language: words through which a writer judges, intensifies, hedges, labels
or distances.

>>> from framingkit.spot import spot
>>> res = spot("It is not good news. Undoubtedly the plan may have failed.")
>>> [(s.text, s.category) for s in res.spans]  # doctest: +NORMALIZE_WHITESPACE
[('not good news', 'attitude'), ('Undoubtedly', 'booster'), ('may have', 'hedge'),
 ('failed', 'attitude')]
>>> spot("The meeting is on Tuesday at noon.").spans
[]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .categories import CATEGORIES, CATEGORY_ORDER

__all__ = [
    "CATEGORIES",
    "CATEGORY_ORDER",
    "EvalSpan",
    "ParagraphDensity",
    "SpotResult",
    "spot",
]

if TYPE_CHECKING:  # pragma: no cover
    from .core import ParagraphDensity, SpotResult, spot
    from .rules import EvalSpan


def __getattr__(name: str) -> Any:
    if name in {"spot", "SpotResult", "ParagraphDensity"}:
        from . import core

        return getattr(core, name)
    if name == "EvalSpan":
        from .rules import EvalSpan

        return EvalSpan
    raise AttributeError(f"module 'framingkit.spot' has no attribute {name!r}")
