"""Shared look of every view: a colour-blind-safe palette, markers and hatches.

Colours come from Okabe and Ito's palette (safe for the common forms of
colour blindness). Colour never carries meaning alone: every coloured mark
also has a text label, a marker shape or a hatch pattern.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from itertools import pairwise
from typing import Any

#: Okabe-Ito colours by name.
OKABE_ITO: dict[str, str] = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
    "grey": "#999999",
}
#: The palette in a fixed order, for categories without a colour of their own.
PALETTE: tuple[str, ...] = (
    OKABE_ITO["blue"],
    OKABE_ITO["orange"],
    OKABE_ITO["green"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["purple"],
    OKABE_ITO["sky"],
    OKABE_ITO["yellow"],
    OKABE_ITO["grey"],
    OKABE_ITO["black"],
)
#: Marker shapes for scatter plots, in the same order as :data:`PALETTE`.
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*", "h")
#: Hatch patterns for bars, in the same order as :data:`PALETTE`.
HATCHES: tuple[str, ...] = ("", "//", "..", "xx", "\\\\", "++", "oo", "--", "||")
#: Font size (points) of figure text: legible at the saved size, and still when a notebook
#: scales a wide figure down to its column.
FIGURE_FONT_SIZE = 11.5


def light(hex_colour: str, alpha: float = 0.28) -> str:
    """A CSS ``rgba()`` tint of ``hex_colour`` for highlighting text behind dark letters.

    >>> light("#0072B2", 0.5)
    'rgba(0, 114, 178, 0.5)'
    """
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r}, {g}, {b}, {alpha})"


def esc(value: object) -> str:
    """HTML-escape any value (quotes included); use it for everything a user wrote.

    >>> esc('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    return html.escape(str(value), quote=True)


#: How each kind of markup shows to a reader: (nesting rank, opening tag, closing tag).
#: Links are underlined, not live (``#`` links go nowhere; the target shows on hover).
_MARKUP_TAGS: dict[str, tuple[int, str, str]] = {
    "link": (0, '<u class="fk-link"{title}>', "</u>"),
    "italic": (1, "<em>", "</em>"),
    "bold": (2, "<strong>", "</strong>"),
}


def markup_html(text: str, start: int, end: int, markups: Iterable[Any] = ()) -> str:
    """Escaped HTML of ``text[start:end]`` as a reader sees it: Markdown markup rendered.

    ``markups`` are the article's :class:`~framingkit.document.Markup` spans (offsets
    into ``text``). Markup characters (``**``, ``*``, ``[``, ``](url)``) are left out;
    bold shows in ``<strong>``, italic in ``<em>``, link text underlined. The fragment
    is balanced: tags open at its start and close at its end, so a highlight can wrap
    it (offsets stay those of ``text``; only the display changes).

    >>> from framingkit.document import load_article
    >>> a = load_article("It is **very** bad, [they say](#).")
    >>> markup_html(a.text, 0, len(a.text), a.markup)
    'It is <strong>very</strong> bad, <u class="fk-link">they say</u>.'
    >>> markup_html(a.text, 8, 10, a.markup)  # part of the bold word
    '<strong>ve</strong>'
    >>> markup_html("<b>", 0, 3)
    '&lt;b&gt;'
    """
    end = max(start, end)
    dropped: list[tuple[int, int]] = []
    active: list[tuple[int, int, tuple[int, str, str]]] = []
    for m in markups:
        if m.end <= start or m.start >= end or m.kind not in _MARKUP_TAGS:
            continue
        inner = m.inner or m
        dropped += [(m.start, inner.start), (inner.end, m.end)]
        rank, opening, closing = _MARKUP_TAGS[m.kind]
        target = getattr(m, "target", "") or ""
        title = f' title="link: {esc(target)}"' if m.kind == "link" and target != "#" else ""
        active.append((inner.start, inner.end, (rank, opening.replace("{title}", title), closing)))
    if not dropped and not active:
        return esc(text[start:end])
    cuts = {start, end}
    for s, e in dropped:
        cuts.update(x for x in (s, e) if start < x < end)
    for s, e, _ in active:
        cuts.update(x for x in (s, e) if start < x < end)
    points = sorted(cuts)
    out: list[str] = []
    stack: list[tuple[int, str, str]] = []
    for s, e in pairwise(points):
        if any(ds <= s and e <= de for ds, de in dropped):
            continue
        want = sorted({tag for a_s, a_e, tag in active if a_s <= s and e <= a_e})
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] == want[keep]:
            keep += 1
        out.extend(tag[2] for tag in reversed(stack[keep:]))
        out.extend(tag[1] for tag in want[keep:])
        stack = want
        out.append(esc(text[s:e]))
    out.extend(tag[2] for tag in reversed(stack))
    return "".join(out)


def display_text(text: str) -> str:
    """``text`` with Markdown links and emphasis reduced to their words, white space collapsed.

    >>> display_text("He [seeks to](#) act **now**.")
    'He seeks to act now.'
    """
    text = re.sub(r"\[([^\]\n]+)\]\([^)\s]*\)", r"\1", text)
    text = re.sub(
        r"\*\*(\S(?:.*?\S)?)\*\*|(?<![*\w])[*_](\S(?:.*?\S)?)[*_](?![*\w])",
        lambda m: m.group(1) or m.group(2),
        text,
    )
    return " ".join(text.split())
