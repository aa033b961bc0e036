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

    ``tag`` is ``"replace"``, ``"delete"``, ``"insert"``, ``"case"``/``"typography"``
    (same words, different letters case or typographic characters) or ``"reorder"``
    (one content word that stands elsewhere in the other version of the unit).
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
    a_all = diff_tokens(a)
    b_all = diff_tokens(b)
    na, nb = [t.norm for t in a_all], [t.norm for t in b_all]
    if na == nb:  # the common case in long texts: same words
        ops = [("equal", 0, len(na), 0, len(nb))] if na else []
        keep_a, keep_b, moved = list(range(len(na))), list(range(len(nb))), []
    else:
        ops = difflib.SequenceMatcher(None, na, nb, autojunk=False).get_opcodes()
        moved = _reordered(na, nb, ops)
        first = ops
        while True:  # diff again without the words that only changed place
            drop_a = {i for i, _ in moved}
            drop_b = {j for _, j in moved}
            keep_a = [i for i in range(len(na)) if i not in drop_a]
            keep_b = [j for j in range(len(nb)) if j not in drop_b]
            if not moved:
                ops = first
                break
            ops = difflib.SequenceMatcher(
                None, [na[i] for i in keep_a], [nb[j] for j in keep_b], autojunk=False
            ).get_opcodes()
            ab = _matched(ops, keep_a, keep_b)
            kept = [(i, j) for i, j in moved if _clean_reorder(i, j, ab, a_all, b_all)]
            if kept == moved:
                break
            moved = kept  # fewer each time: the loop ends
    a = [a_all[i] for i in keep_a]
    b = [b_all[j] for j in keep_b]
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
    ia = [*keep_a, len(a_all)]  # positions in the filtered lists -> in the whole unit
    jb = [*keep_b, len(b_all)]
    out: list[Hunk] = []
    for i1, i2, j1, j2 in merged:
        tag = "replace" if i2 > i1 and j2 > j1 else ("delete" if i2 > i1 else "insert")
        a0, a1 = _span(a, i1, i2)
        b0, b1 = _span(b, j1, j2)
        f1, f2 = ia[i1], ia[i2 - 1] + 1 if i2 > i1 else ia[i1]
        g1, g2 = jb[j1], jb[j2 - 1] + 1 if j2 > j1 else jb[j1]
        if i2 == i1 and i1 > 0:
            f1 = f2 = ia[i1 - 1] + 1
        if j2 == j1 and j1 > 0:
            g1 = g2 = jb[j1 - 1] + 1
        out.append(Hunk(tag, f1, f2, g1, g2, a0, a1, b0, b1, tuple(a[i1:i2]), tuple(b[j1:j2])))
    if moved:
        ab = _matched(ops, keep_a, keep_b)
        for i, j in moved:
            ta, tb = a_all[i], b_all[j]
            if pairs is not None:
                pairs.append((ta.start, ta.end, tb.start, tb.end))
            x0, x1, y0, y1 = _reorder_span(i, j, ab, len(b_all))
            out.append(
                Hunk(
                    "reorder",
                    i,
                    i + 1,
                    j,
                    j + 1,
                    a_all[x0].start,
                    a_all[x1].end,
                    b_all[y0].start,
                    b_all[y1].end,
                    (ta,),
                    (tb,),
                )
            )
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
                fi, fj = ia[i1 + k], jb[j1 + k]
                out.append(
                    Hunk(
                        kind,
                        fi,
                        fi + 1,
                        fj,
                        fj + 1,
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


def _reorder_span(i: int, j: int, ab: dict[int, int], nb: int) -> tuple[int, int, int, int]:
    """Token ranges (inclusive) of a moved word and the words it moved across, in A and B.

    ``ab`` maps matched positions of A to B. "he jealously guarded" / "he guarded
    jealously" gives "jealously guarded" / "guarded jealously".
    """
    ba = {y: x for x, y in ab.items()}
    # the word now stands earlier: it precedes in B a word it followed in A
    nxt = next((y for y in range(j + 1, nb) if y in ba), None)
    if nxt is not None and ba[nxt] < i:
        last = max((ab[x] for x in range(ba[nxt], i) if x in ab), default=nxt)
        return ba[nxt], i, j, max(last, nxt)
    # the word now stands later: it follows in B a word it preceded in A
    prev = next((y for y in range(j - 1, -1, -1) if y in ba), None)
    if prev is not None and ba[prev] > i:
        first = min((ab[x] for x in range(i + 1, ba[prev] + 1) if x in ab), default=prev)
        return i, ba[prev], min(first, prev), j
    return i, i, j, j


def _matched(
    ops: Sequence[tuple[str, int, int, int, int]], keep_a: Sequence[int], keep_b: Sequence[int]
) -> dict[int, int]:
    """Positions of A matched to positions of B (whole-unit positions) by equal opcodes."""
    return {
        keep_a[i1 + k]: keep_b[j1 + k]
        for tag, i1, i2, j1, _ in ops
        if tag == "equal"
        for k in range(i2 - i1)
    }


def _clean_reorder(
    i: int, j: int, ab: dict[int, int], a: Sequence[Token], b: Sequence[Token]
) -> bool:
    """A moved word is reported as reordered when it carries an evaluative cue (so its
    force is not counted as lost at one place and gained at another), or when the words it
    moved across are otherwise unchanged (function words and punctuation aside)."""
    from .evidence import find_cues

    if any(c.force for c in find_cues([a[i].norm])):
        return True
    x0, x1, y0, y1 = _reorder_span(i, j, ab, len(b))
    ba = set(ab.values())
    return all(
        k == i or k in ab or not a[k].is_word or a[k].norm in STOPWORDS for k in range(x0, x1 + 1)
    ) and all(
        k == j or k in ba or not b[k].is_word or b[k].norm in STOPWORDS for k in range(y0, y1 + 1)
    )


def _reordered(
    na: Sequence[str], nb: Sequence[str], ops: Sequence[tuple[str, int, int, int, int]]
) -> list[tuple[int, int]]:
    """Content words deleted at one place and inserted at another of the same unit.

    A word counts as moved when it is no function word, occurs as often in both
    units, and is found among the deleted words of A and the inserted words of B
    ("he jealously guarded" / "he guarded jealously"). Returns the ``(i, j)`` pairs.
    """
    gone: dict[str, list[int]] = {}
    new: dict[str, list[int]] = {}
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        for i in range(i1, i2):
            gone.setdefault(na[i], []).append(i)
        for j in range(j1, j2):
            new.setdefault(nb[j], []).append(j)
    moved: list[tuple[int, int]] = []
    count_a: dict[str, int] = {}
    count_b: dict[str, int] = {}
    for w, ii in gone.items():
        jj = new.get(w)
        if not jj or w in STOPWORDS or not w[:1].isalpha():
            continue
        if not count_a:
            for x in na:
                count_a[x] = count_a.get(x, 0) + 1
            for x in nb:
                count_b[x] = count_b.get(x, 0) + 1
        if count_a[w] != count_b[w]:
            continue
        moved.extend(zip(ii, jj, strict=False))
    return sorted(moved)
