"""Compare two versions of a text: alignment, phrase-level changes, kinds and effects.

>>> from framingkit.compare import compare, KINDS, EFFECTS
>>> cmp = compare("Smuggling goes on. It is a clear breach of the treaty.",
...               "Smuggling goes on. It is a flagrant violation of the treaty.")
>>> [(c.a_text, c.b_text, c.effect) for c in cmp.changes]
[('clear breach', 'flagrant violation', 'stronger')]

Views (HTML side by side, matplotlib summary) are in :mod:`framingkit.compare.views`.
"""

from __future__ import annotations

from .core import compare
from .model import EFFECTS, KINDS, PORTRAYALS, Category, Change, Comparison, Link, Portrayal

__all__ = [
    "EFFECTS",
    "KINDS",
    "PORTRAYALS",
    "Category",
    "Change",
    "Comparison",
    "Link",
    "Portrayal",
    "compare",
]
