"""Shared look of every view: a colour-blind-safe palette, markers and hatches.

Colours come from Okabe and Ito's palette (safe for the common forms of
colour blindness). Colour never carries meaning alone: every coloured mark
also has a text label, a marker shape or a hatch pattern.
"""

from __future__ import annotations

import html

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
