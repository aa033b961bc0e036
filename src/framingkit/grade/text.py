"""Shortening what a student wrote before it is shown (an answer may be megabytes long).

>>> clip("abcdef", 4)
'abc…'
>>> lines(["a"] * 3, most=2)
['a', 'a', '… and 1 more']
"""

from __future__ import annotations

from typing import Any

#: Feedback lines per list and characters per line (the engine quotes answers in its lines).
MAX_LINES, MAX_LINE = 50, 500


def clip(text: str, limit: int = MAX_LINE) -> str:
    """``text`` cut to ``limit`` characters (with ``…``)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def lines(items: Any, most: int = MAX_LINES) -> list[str]:
    """Feedback lines, each and their number capped."""
    items = list(items)
    out = [clip(str(x)) for x in items[:most]]
    if len(items) > most:
        out.append(f"… and {len(items) - most:,} more")
    return out


def short_repr(value: Any, limit: int = 2000) -> str:
    """An answer as Python would print it, shortened ("" for None)."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else repr(value)
    return clip(text, limit)
