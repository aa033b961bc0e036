"""Claims: what a text asserts, how sure it sounds, who acts, and how the claims hang together.

>>> from framingkit.claims import claims
>>> cm = claims("The plan will fail.\\n\\nOfficials said it was ready. But it clearly was not.")
>>> [(c.id, c.type, c.certainty) for c in cm.claims]
[('c1', 'prediction', 'plain'), ('c2', 'attributed', 'plain'), ('c3', 'fact', 'boosted')]

Public API: :func:`claims`, :data:`CLAIM_TYPES`, :data:`CERTAINTY`, :data:`RELATIONS`,
:class:`ClaimMap`, :class:`Claim`, :class:`Link`, :func:`headline_support`,
:func:`compare_claims`; views in :mod:`framingkit.claims.views`.
"""

from __future__ import annotations

from typing import Any

from .model import CERTAINTY, CLAIM_TYPES, RELATIONS, Actor, Claim, ClaimMap, Cue, Link

__all__ = [
    "CERTAINTY",
    "CLAIM_TYPES",
    "RELATIONS",
    "Actor",
    "Claim",
    "ClaimMap",
    "Cue",
    "Link",
    "claims",
    "compare_claims",
    "headline_support",
]


def __getattr__(name: str) -> Any:
    if name == "claims":
        from .build import claims

        return claims
    if name == "headline_support":
        from .support import headline_support

        return headline_support
    if name == "compare_claims":
        from .versions import compare_claims

        return compare_claims
    raise AttributeError(f"module 'framingkit.claims' has no attribute {name!r}")
