"""A side-by-side profile of the evaluative language in two versions of a text.

For each category: how many spans each version has, and which spans were
**added**, **removed** or **swapped** (same place, different words or category)
between version A and version B. The versions are aligned word by word
(:mod:`difflib`), so a swapped word is found where it stood.

>>> p = profile("Xi declined to sign. It was a clear breach.",
...             "Xi refused to sign. It was a flagrant breach, undoubtedly.")
>>> [(c.kind, c.a_text, c.b_text) for c in p.changes]
[('swapped', 'declined', 'refused'), ('swapped', 'clear', 'flagrant'), ('added', '', 'undoubtedly')]
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .categories import CATEGORIES, CATEGORY_ORDER

if TYPE_CHECKING:  # pragma: no cover
    from ..document import Article
    from .core import SpotResult
    from .rules import EvalSpan

#: Kinds of difference between two versions' evaluative spans.
CHANGE_KINDS: dict[str, str] = {
    "added": "evaluative words in B with nothing evaluative in the same place in A",
    "removed": "evaluative words in A with nothing evaluative in the same place in B",
    "swapped": "evaluative words replaced by different evaluative words in the same place",
    "kept": "the same evaluative words in both versions",
}
_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")


@dataclass(frozen=True)
class ProfileChange:
    """One difference; texts and offsets are empty/-1 on the side where nothing is."""

    kind: str
    category: str
    a_text: str
    b_text: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    explanation: str


@dataclass(frozen=True)
class ProfileRow:
    """Counts for one category: spans in A, in B, and per 100 words in each."""

    category: str
    a: int
    b: int
    a_per_100: float
    b_per_100: float
    added: int
    removed: int
    swapped: int


@dataclass(frozen=True)
class Profile:
    """The profile of two versions: per-category rows and the list of changes."""

    a: SpotResult
    b: SpotResult
    rows: list[ProfileRow]
    changes: list[ProfileChange]

    def of(self, kind: str) -> list[ProfileChange]:
        """Changes of one kind (``added``, ``removed``, ``swapped``, ``kept``)."""
        return [c for c in self.changes if c.kind == kind]


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]


def _q(s: str) -> str:
    """The span text in curly quotes (without doubling a scare quote's own marks)."""
    return f"“{s.strip(chr(34) + '“”')}”"


def _norm(s: str) -> str:
    return " ".join(w for _, _, w in _words(s))


def _b_region(ops: list, a_words: list, b_words: list, s: int, e: int) -> tuple[int, int] | None:
    """Character region in B that corresponds to A's characters [s, e)."""
    idx = [i for i, (ws, _, _) in enumerate(a_words) if s <= ws < e]
    if not idx:
        return None
    lo, hi = idx[0], idx[-1]
    bs: list[int] = []
    for tag, i1, i2, j1, j2 in ops:
        if i2 <= lo or i1 > hi:
            continue
        if tag == "equal":
            for i in range(max(i1, lo), min(i2, hi + 1)):
                bs.append(j1 + i - i1)
        elif tag == "replace" and j2 > j1:
            bs.extend([j1, j2 - 1])
    if not bs:
        return None
    return b_words[min(bs)][0], b_words[max(bs)][1]


def profile(a: SpotResult | Article | str | Path, b: SpotResult | Article | str | Path) -> Profile:
    """Compare the evaluative language of two versions (results, articles, texts or paths)."""
    from .core import SpotResult, spot  # lazily: ``import framingkit.spot`` stays light

    ra = a if isinstance(a, SpotResult) else spot(a)
    rb = b if isinstance(b, SpotResult) else spot(b)
    aw, bw = _words(ra.text), _words(rb.text)
    sm = difflib.SequenceMatcher(None, [w for *_, w in aw], [w for *_, w in bw], autojunk=False)
    ops = sm.get_opcodes()
    changes: list[ProfileChange] = []
    used_b: set[int] = set()

    def overlapping(region: tuple[int, int] | None) -> list[EvalSpan]:
        if region is None:
            return []
        return [x for x in rb.spans if x.start < region[1] and x.end > region[0]]

    for s in ra.spans:
        region = _b_region(ops, aw, bw, s.start, s.end)
        cands = [x for x in overlapping(region) if id(x) not in used_b]
        if not cands:
            changes.append(
                ProfileChange(
                    "removed",
                    s.category,
                    s.text,
                    "",
                    s.start,
                    s.end,
                    -1,
                    -1,
                    f"{_q(s.text)} ({CATEGORIES[s.category].label}) is gone from B.",
                )
            )
            continue
        t = next((x for x in cands if x.category == s.category), cands[0])
        used_b.add(id(t))
        if _norm(t.text) == _norm(s.text) and t.category == s.category:
            kind, why = "kept", f"{_q(s.text)} is in both versions."
        else:
            kind = "swapped"
            why = (
                f"{_q(s.text)} ({CATEGORIES[s.category].label}) became {_q(t.text)} "
                f"({CATEGORIES[t.category].label})"
            )
            if t.intensity != s.intensity and t.category == s.category:
                why += ", stronger" if t.intensity > s.intensity else ", milder"
            why += "."
        changes.append(
            ProfileChange(kind, t.category, s.text, t.text, s.start, s.end, t.start, t.end, why)
        )
    for t in rb.spans:
        if id(t) not in used_b:
            changes.append(
                ProfileChange(
                    "added",
                    t.category,
                    "",
                    t.text,
                    -1,
                    -1,
                    t.start,
                    t.end,
                    f"{_q(t.text)} ({CATEGORIES[t.category].label}) is new in B.",
                )
            )
    changes.sort(key=lambda c: (c.b_start if c.b_start >= 0 else c.a_start, c.kind))
    changes = [c for c in changes if c.kind != "kept"] + [c for c in changes if c.kind == "kept"]
    rows = []
    for cat in CATEGORY_ORDER:
        na, nb = ra.counts[cat], rb.counts[cat]
        rows.append(
            ProfileRow(
                cat,
                na,
                nb,
                round(100 * na / ra.words, 2) if ra.words else 0.0,
                round(100 * nb / rb.words, 2) if rb.words else 0.0,
                sum(c.kind == "added" and c.category == cat for c in changes),
                sum(c.kind == "removed" and c.category == cat for c in changes),
                sum(c.kind == "swapped" and c.category == cat for c in changes),
            )
        )
    return Profile(ra, rb, rows, changes)
