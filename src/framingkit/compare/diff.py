"""Word-level differences within aligned units, grouped into readable phrases.

Words are compared in folded, lower-case form (typography folded, see
:mod:`framingkit.typography`); quotation marks are left out here (they are
compared as quotations). Neighbouring edits separated by a single word, or by
up to two function words, join into one phrase, never across punctuation:
"It's a clear breach" -> "This is a flagrant violation" is one phrase.

>>> from framingkit.document import load_article
>>> a = load_article("But Xi declined to sign anything.")
>>> b = load_article("But Xi refused to sign anything.")
>>> [(h.a_text(a.text), h.b_text(b.text)) for h in phrase_diff(a.tokens, b.tokens)]
[('declined', 'refused')]
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from ..document import Token
from ..typography import APOSTROPHES, DOUBLE_QUOTES, fold
from .align import STOPWORDS

_QUOTE_CHARS = DOUBLE_QUOTES | APOSTROPHES


@dataclass(frozen=True)
class Hunk:
    """Tokens ``a[i1:i2]`` of A replaced by ``b[j1:j2]`` of B, with character offsets.

    ``tag`` is ``"replace"``, ``"delete"``, ``"insert"`` or ``"case"``/``"typography"``
    (same words, different letters case or typographic characters).
    """

    tag: str
    i1: int
    i2: int
    j1: int
    j2: int
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_tokens: tuple[Token, ...]
    b_tokens: tuple[Token, ...]

    def a_text(self, text: str) -> str:
        return text[self.a_start : self.a_end]

    def b_text(self, text: str) -> str:
        return text[self.b_start : self.b_end]


def diff_tokens(tokens: Sequence[Token]) -> list[Token]:
    """The tokens that take part in the word diff (quotation marks and markup left out)."""
    return [t for t in tokens if t.norm and not (len(t.text) == 1 and t.text in _QUOTE_CHARS)]


def _span(toks: Sequence[Token], i1: int, i2: int) -> tuple[int, int]:
    if i2 > i1:
        return toks[i1].start, toks[i2 - 1].end
    if i1 > 0:
        p = toks[i1 - 1].end
        return p, p
    if toks:
        return toks[0].start, toks[0].start
    return 0, 0


def _joinable(gap: Sequence[Token]) -> bool:
    words = [t for t in gap if t.is_word]
    if len(words) != len(gap):
        return False  # never across punctuation
    return len(gap) == 1 or (len(gap) == 2 and all(t.norm in STOPWORDS for t in gap))


def _variant(a: Sequence[Token], b: Sequence[Token]) -> bool:
    """One word for one word, spelled nearly alike (a spelling variant stays its own phrase)."""
    if len(a) != 1 or len(b) != 1:
        return False
    return difflib.SequenceMatcher(None, a[0].norm, b[0].norm).ratio() >= 0.7


def phrase_diff(
    a: Sequence[Token],
    b: Sequence[Token],
    pairs: list[tuple[int, int, int, int]] | None = None,
) -> list[Hunk]:
    """Phrase-level differences between two token sequences (already aligned units).

    Each :class:`Hunk` covers whole words; same-word tokens that differ only in
    typography or letter case come out as one-token hunks tagged ``typography``/``case``.
    When ``pairs`` is a list, ``(a_start, a_end, b_start, b_end)`` of every matched
    token is appended to it (a map from A's offsets to B's).
    """
    a = diff_tokens(a)
    b = diff_tokens(b)
    na, nb = [t.norm for t in a], [t.norm for t in b]
    if na == nb:  # the common case in long texts: same words
        ops = [("equal", 0, len(na), 0, len(nb))] if na else []
    else:
        ops = difflib.SequenceMatcher(None, na, nb, autojunk=False).get_opcodes()
    # merge edits separated by short word-only gaps
    merged: list[list[int]] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        if merged:
            last = merged[-1]
            gap_a = a[last[1] : i1]
            gap_b = b[last[3] : j1]
            if (
                gap_a
                and len(gap_a) == len(gap_b)
                and _joinable(gap_a)
                and not _variant(a[last[0] : last[1]], b[last[2] : last[3]])
                and not _variant(a[i1:i2], b[j1:j2])
            ):
                last[1], last[3] = i2, j2
                continue
        merged.append([i1, i2, j1, j2])
    out: list[Hunk] = []
    for i1, i2, j1, j2 in merged:
        tag = "replace" if i2 > i1 and j2 > j1 else ("delete" if i2 > i1 else "insert")
        a0, a1 = _span(a, i1, i2)
        b0, b1 = _span(b, j1, j2)
        out.append(Hunk(tag, i1, i2, j1, j2, a0, a1, b0, b1, tuple(a[i1:i2]), tuple(b[j1:j2])))
    # same words, different characters
    for tag, i1, i2, j1, _j2 in ops:
        if tag != "equal":
            continue
        for k in range(i2 - i1):
            ta, tb = a[i1 + k], b[j1 + k]
            if pairs is not None:
                pairs.append((ta.start, ta.end, tb.start, tb.end))
            if ta.text != tb.text:
                kind = "typography" if fold(ta.text) == fold(tb.text) else "case"
                out.append(
                    Hunk(
                        kind,
                        i1 + k,
                        i1 + k + 1,
                        j1 + k,
                        j1 + k + 1,
                        ta.start,
                        ta.end,
                        tb.start,
                        tb.end,
                        (ta,),
                        (tb,),
                    )
                )
    out.sort(key=lambda h: (h.i1, h.j1))
    return out
