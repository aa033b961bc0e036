"""Typography folding that keeps character offsets.

:func:`fold` maps every character to exactly one character, so an offset into
the folded text is an offset into the original: curly quotes and apostrophes
become straight ones, dashes become hyphens, exotic spaces become a plain
space. Analyses compare folded text and display the original characters.
"""

from __future__ import annotations

#: One table: each typographic variant and the plain character it folds to.
FOLD_TABLE: dict[str, str] = {
    "\u2018": "'",  # left single quotation mark
    "\u2019": "'",  # right single quotation mark / apostrophe
    "\u201a": "'",  # single low-9 quotation mark
    "\u201b": "'",  # single high-reversed-9
    "\u2032": "'",  # prime
    "\u0060": "'",  # grave accent used as a quote
    "\u00b4": "'",  # acute accent used as an apostrophe
    "\u201c": '"',  # left double quotation mark
    "\u201d": '"',  # right double quotation mark
    "\u201e": '"',  # double low-9 quotation mark
    "\u201f": '"',  # double high-reversed-9
    "\u2033": '"',  # double prime
    "\u00ab": '"',  # left guillemet
    "\u00bb": '"',  # right guillemet
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "-",  # figure dash
    "\u2013": "-",  # en dash
    "\u2014": "-",  # em dash
    "\u2015": "-",  # horizontal bar
    "\u2212": "-",  # minus sign
    "\u00a0": " ",  # no-break space
    "\u2002": " ",
    "\u2003": " ",
    "\u2007": " ",
    "\u2008": " ",
    "\u2009": " ",  # thin space
    "\u200a": " ",
    "\u202f": " ",  # narrow no-break space
    "\u3000": " ",
    "\t": " ",
    "\u2026": ".",  # ellipsis (one character kept, so offsets hold)
}

_TRANSLATION = str.maketrans(FOLD_TABLE)
#: The table as (variant, plain) pairs, for :func:`fold`'s ``str.replace`` chain (several
#: times faster than ``str.translate`` with a dict). One character to one character, and no
#: plain character is itself a variant, so the order of replacements does not matter.
_FOLD_PAIRS: tuple[tuple[str, str], ...] = tuple(FOLD_TABLE.items())
_ASCII_PAIRS: tuple[tuple[str, str], ...] = tuple(p for p in _FOLD_PAIRS if p[0].isascii())
assert all(len(k) == len(v) == 1 and v not in FOLD_TABLE for k, v in _FOLD_PAIRS)

#: Characters that open or close a double quotation.
DOUBLE_QUOTES = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb')
#: Characters used as apostrophes or single quotes.
APOSTROPHES = frozenset("'\u2018\u2019\u201a\u201b\u2032`\u00b4")


def fold(text: str) -> str:
    """Return ``text`` with typography folded, the same length as ``text``.

    >>> fold("Xi\u2019s \u201cdeal\u201d \u2013 now")
    'Xi\\'s "deal" - now'
    >>> len(fold("a\u2014b")) == len("a\u2014b")
    True
    >>> fold("a`b\\tc") == "a`b\\tc".translate(_TRANSLATION) == "a'b c"
    True
    """
    # the same result as text.translate(_TRANSLATION), faster (see _FOLD_PAIRS)
    for k, v in _ASCII_PAIRS if text.isascii() else _FOLD_PAIRS:
        if k in text:
            text = text.replace(k, v)
    return text


def is_typography_only(a: str, b: str) -> bool:
    """Tell whether two strings differ only in typography and spacing.

    >>> is_typography_only("Xi\u2019s  plan", "Xi's plan")
    True
    >>> is_typography_only("Xi's plan", "Xi's scheme")
    False
    """
    return " ".join(fold(a).split()) == " ".join(fold(b).split())
