"""Sentence alignment that does not depend on line breaks, in linear memory.

How it works (no n×m matrix over the whole text):

1. Each sentence becomes a set of word stems (function words left out).
2. *Anchors*: stems that occur in few sentences of both texts point each sentence
   of A to a handful of candidate sentences of B (an inverted index); the best
   candidate is scored by Dice similarity. Pairs that are each other's best are anchors.
3. The longest chain of anchors in order on both sides (a weighted longest
   increasing subsequence) is the backbone; strong anchors off the chain are *moves*.
4. Between consecutive backbone anchors the few sentences left are aligned by a
   small dynamic programme (1:1, 1:0, 0:1, 2:1, 1:2, 2:2) with a size limit.
5. A sentence left over next to a link joins it (n:1, 1:n) when most of its words
   are found on the other side of the link.

Links below a similarity floor are never made: unaligned material stays unaligned.

>>> a = [{"xi", "declin", "sign"}, {"putin", "announc", "deal"}]
>>> b = [{"putin", "announc", "deal"}, {"xi", "refus", "sign"}]
>>> [(g.a, g.b, g.moved) for g in align_units(a, b)]
[((0,), (1,), True), ((1,), (0,), False)]
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..wordlists import STOPWORDS as _BASE

#: Function words left out of sentence signatures (English; other languages keep all words).
STOPWORDS: frozenset[str] = _BASE | frozenset(
    [
        "also",
        "although",
        "done",
        "either",
        "even",
        "it's",
        "many",
        "may",
        "might",
        "much",
        "must",
        "neither",
        "s",
        "shall",
        "still",
        "though",
        "whether",
        "whose",
        "without",
        "yet",
    ]
)
#: Dice similarity below which two sentences are never linked.
MIN_SCORE = 0.3
#: Stems found in more sentences than this are not used as anchors.
ANCHOR_CAP = 25
#: How many of a sentence's rarest stems vote for its candidate partners.
ANCHOR_STEMS = 6
#: Largest gap (sentences of A × sentences of B) aligned by dynamic programming.
MAX_GAP_CELLS = 40_000
#: A gap of one or two sentences on each side, held between two links on both sides, is
#: linked whole at this lower similarity (with at least two shared stems): its place is
#: evidence too (a heavily reworded sentence, often split or merged).
SANDWICH_SCORE = 0.15
#: Moved anchors this close on both sides belong to one moved passage.
MOVE_SPAN = 3
_SUFFIXES = (
    "ational",
    "ization",
    "ations",
    "ation",
    "ities",
    "ness",
    "ings",
    "ing",
    "ies",
    "ied",
    "ed",
    "es",
    "ly",
    "s",
)


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude, fast suffix-stripping stem (enough to match 'declined' with 'decline').

    >>> stem("declined"), stem("decline"), stem("Russia's")
    ('declin', 'declin', 'russia')
    """
    w = word.lower()
    w = re.sub(r"['\u2019]s?$", "", w)
    for suf in _SUFFIXES:
        if len(w) > len(suf) + 3 and w.endswith(suf):
            w = w[: -len(suf)]
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def signature(words: Sequence[str]) -> frozenset[str]:
    """The stems of the content words of a sentence (all words if none are content words).

    >>> sorted(signature(["It", "is", "a", "clear", "breach"]))
    ['breach', 'clear']
    """
    content = [stem(w) for w in words if w not in STOPWORDS and w.lower() not in STOPWORDS]
    return frozenset(content or (stem(w) for w in words))


def dice(x: frozenset[str] | set[str], y: frozenset[str] | set[str]) -> float:
    """Dice similarity of two sets (0 when both are empty).

    >>> dice({"a", "b"}, {"b", "c"})
    0.5
    """
    if not x and not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))


@dataclass(frozen=True)
class Group:
    """Indices of units of A and B linked together, with their similarity."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float
    moved: bool = False


def anchor_keys(words: Sequence[str]) -> frozenset[str]:
    """Anchor keys of a sentence: its content stems and pairs of neighbouring stems.

    >>> sorted(anchor_keys(["clear", "breach", "of", "law"]))
    ['breach', 'breach law', 'clear', 'clear breach', 'law']
    """
    stems = [stem(w) for w in words if w not in STOPWORDS]
    return frozenset([*stems, *(f"{x} {y}" for x, y in itertools.pairwise(stems))])


def _candidates(
    a: Sequence[frozenset[str]],
    b: Sequence[frozenset[str]],
    ka: Sequence[frozenset[str]],
    kb: Sequence[frozenset[str]],
) -> list[tuple[int, int, float]]:
    """Mutual-best pairs found through rare shared anchor keys (linear in the text length)."""
    df_a: Counter[str] = Counter(k for keys in ka for k in keys)
    df_b: Counter[str] = Counter(k for keys in kb for k in keys)
    index: dict[str, list[int]] = {}
    for j, keys in enumerate(kb):
        for k in keys:
            if df_b[k] <= ANCHOR_CAP and 0 < df_a.get(k, 0) <= ANCHOR_CAP:
                index.setdefault(k, []).append(j)
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for i, keys in enumerate(ka):
        votes: dict[int, int] = {}
        rare = sorted((k for k in keys if k in index), key=lambda k: len(index[k]))
        for k in rare[:ANCHOR_STEMS]:
            for j in index[k]:
                votes[j] = votes.get(j, 0) + 1
        top = sorted(votes, key=votes.__getitem__, reverse=True)[:4]
        for j in top:
            sc = dice(a[i], b[j])
            if sc < MIN_SCORE:
                continue
            if sc > best_a.get(i, (0.0, -1))[0]:
                best_a[i] = (sc, j)
            if sc > best_b.get(j, (0.0, -1))[0]:
                best_b[j] = (sc, i)
    return [(i, j, sc) for i, (sc, j) in best_a.items() if best_b.get(j, (0, -1))[1] == i]


def _chain(pairs: list[tuple[int, int, float]], n_b: int) -> list[tuple[int, int, float]]:
    """The heaviest chain of pairs increasing in both indices (Fenwick tree, n log n)."""
    pairs = sorted(pairs)
    tree_w = [0.0] * (n_b + 1)
    tree_i = [-1] * (n_b + 1)
    prev = [-1] * len(pairs)
    total = [0.0] * len(pairs)
    for k, (_, j, sc) in enumerate(pairs):
        # best chain ending at a pair with b index < j
        q, best_w, best_k = j, 0.0, -1
        while q > 0:
            if tree_w[q] > best_w:
                best_w, best_k = tree_w[q], tree_i[q]
            q -= q & -q
        total[k] = best_w + sc
        prev[k] = best_k
        q = j + 1
        while q <= n_b:
            if total[k] > tree_w[q]:
                tree_w[q], tree_i[q] = total[k], k
            q += q & -q
    if not pairs:
        return []
    k = max(range(len(pairs)), key=total.__getitem__)
    out = []
    while k >= 0:
        out.append(pairs[k])
        k = prev[k]
    return out[::-1]


def _union(sigs: Sequence[frozenset[str]], idx: Sequence[int]) -> frozenset[str]:
    out: set[str] = set()
    for i in idx:
        out |= sigs[i]
    return frozenset(out)


_STEPS = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))


def _gap(
    a: Sequence[frozenset[str]],
    b: Sequence[frozenset[str]],
    ia: list[int],
    ib: list[int],
    sandwiched: bool = False,
) -> list[Group]:
    """Align the units ``ia`` of A with ``ib`` of B by dynamic programming (small gaps only).

    ``sandwiched``: the gap lies between two links on both sides; a gap of at most two
    units a side that the programme leaves unlinked is then linked whole when it
    reaches :data:`SANDWICH_SCORE` with two shared stems.
    """
    n, m = len(ia), len(ib)
    if not n or not m or n * m > MAX_GAP_CELLS:
        return []
    out = _gap_dp(a, b, ia, ib)
    if not out and sandwiched and n <= 2 and m <= 2:
        ua, ub = _union(a, ia), _union(b, ib)
        sc = dice(ua, ub)
        if sc >= SANDWICH_SCORE and len(ua & ub) >= 2:
            return [Group(tuple(ia), tuple(ib), sc)]
    return out


def _gap_dp(
    a: Sequence[frozenset[str]], b: Sequence[frozenset[str]], ia: list[int], ib: list[int]
) -> list[Group]:
    """The gap's dynamic programme, row by row (same result as relaxing every cell's six
    steps in order, at a fraction of the cost).

    The steps 1:0 and 0:1 gain nothing and are always possible, so a row is the previous
    row (step 1:0) improved at the few cells a linking step reaches (only units that share a
    stem can link: Dice 0 < MIN_SCORE), then carried along by a running maximum (step 0:1).
    Ties go to the step that came first in the cell-by-cell order: a linking step from the
    earliest cell, then 1:0, then 0:1.
    """
    n, m = len(ia), len(ib)
    neg = float("-inf")
    # the unions of one and two neighbouring units, made once, and for each unit of A the
    # units of B it shares a stem with
    ua = {1: [a[i] for i in ia], 2: [a[ia[x]] | a[ia[x + 1]] for x in range(n - 1)]}
    ub = {1: [b[j] for j in ib], 2: [b[ib[y]] | b[ib[y + 1]] for y in range(m - 1)]}
    where: dict[str, list[int]] = {}
    for y, sig in enumerate(ub[1]):
        for w in sig:
            where.setdefault(w, []).append(y)
    near = [{y for w in sig for y in where.get(w, ())} for sig in ua[1]]
    # linking steps that reach MIN_SCORE, by target cell: (source x, source y, score, gain)
    into: dict[tuple[int, int], list[tuple[int, int, float, float]]] = {}
    for x in range(n):
        for dx in (1, 2):
            if x + dx > n:
                break
            close = near[x] if dx == 1 else near[x] | near[x + 1]
            sx = ua[dx][x]
            for dy in (1, 2):
                ys = close if dy == 1 else close | {y - 1 for y in close}
                for y in ys:
                    if y < 0 or y + dy > m:
                        continue
                    sy = ub[dy][y]
                    sc = 2 * len(sx & sy) / (len(sx) + len(sy)) if sx or sy else 0.0
                    if sc < MIN_SCORE:
                        continue
                    gain = (sc - MIN_SCORE) * (dx + dy)
                    if dx + dy > 2:
                        gain -= 0.05  # prefer 1:1 when as good
                    into.setdefault((x + dx, y + dy), []).append((x, y, sc, gain))
    by_row: dict[int, list[int]] = {}
    for nx, ny in into:
        by_row.setdefault(nx, []).append(ny)
    best: list[list[float]] = []
    came: list[list[float]] = []  # each cell's best over its steps other than 0:1
    link: dict[tuple[int, int], tuple[int, int, float]] = {}
    for x in range(n + 1):
        if x == 0:
            c = [neg] * (m + 1)
            c[0] = 0.0
        else:
            c = best[x - 1][:]  # step 1:0
            for y in by_row.get(x, ()):
                top, win = neg, None
                for px, py, sc, gain in sorted(into[(x, y)]):
                    v = best[px][py] + gain
                    if v > top:
                        top, win = v, (px, py, sc)
                if top >= c[y]:  # a linking step comes before 1:0 in the order
                    c[y] = top
                    link[(x, y)] = win  # type: ignore[assignment]
        came.append(c)
        best.append(list(itertools.accumulate(c, max)))  # step 0:1
    out: list[Group] = []
    x, y = n, m
    while (x, y) != (0, 0):
        if y and best[x][y - 1] > came[x][y]:
            y -= 1
        elif (x, y) in link:
            px, py, sc = link[(x, y)]
            out.append(Group(tuple(ia[px:x]), tuple(ib[py:y]), sc))
            x, y = px, py
        else:
            x -= 1
    return out[::-1]


def _contained(sig: frozenset[str], other: frozenset[str]) -> float:
    return len(sig & other) / len(sig) if sig else 0.0


def _absorb(
    a: Sequence[frozenset[str]],
    b: Sequence[frozenset[str]],
    groups: list[Group],
    a_words: Sequence[frozenset[str]] | None = None,
    b_words: Sequence[frozenset[str]] | None = None,
) -> list[Group]:
    """Let a leftover unit join the neighbouring link when the other side holds its words.

    Its content stems decide; a short unit with too few of them ("But survival is not a
    strategy.") may also join when most of all its words (``a_words``/``b_words``: lower-case
    word sets, function words included) are among the words the other side adds.
    """
    out = list(groups)
    by_a = {i: k for k, g in enumerate(out) for i in g.a}
    by_b = {j: k for k, g in enumerate(out) for j in g.b}
    changed = True
    while changed:
        changed = False
        for side, sigs, by, other, words, other_words in (
            ("a", a, by_a, b, a_words, b_words),
            ("b", b, by_b, a, b_words, a_words),
        ):
            for u in range(len(sigs)):
                if u in by or not sigs[u]:
                    continue
                for nb in (u - 1, u + 1):
                    k = by.get(nb)
                    if k is None:
                        continue
                    g = out[k]
                    own = g.a if side == "a" else g.b
                    oth = g.b if side == "a" else g.a
                    if len(own) >= 3:
                        continue
                    other_sig = _union(other, oth)
                    own_sig = _union(sigs, own)
                    rest = sigs[u] - own_sig
                    shared = len(rest & other_sig)
                    if _contained(rest, other_sig - own_sig) < 0.5 or shared < 2:
                        if not (words and other_words and shared):
                            continue
                        rest_w = words[u] - _union(words, own)
                        extra_w = _union(other_words, oth) - _union(words, own)
                        if _contained(rest_w, extra_w) < 0.75 or len(rest_w & extra_w) < 4:
                            continue
                    new_own = tuple(sorted((*own, u)))
                    sc = dice(own_sig | sigs[u], other_sig)
                    if sc + 0.02 < g.score:
                        continue
                    out[k] = (
                        Group(new_own, g.b, sc, g.moved)
                        if side == "a"
                        else Group(g.a, new_own, sc, g.moved)
                    )
                    by[u] = k
                    changed = True
                    break
    return out


def _move_runs(moved: list[tuple[int, int, float]]) -> list[list[tuple[int, int, float]]]:
    """Moved anchors grouped into passages: close together and in order on both sides."""
    runs: list[list[tuple[int, int, float]]] = []
    for p in sorted(moved):
        last = runs[-1][-1] if runs else None
        if last and 0 < p[0] - last[0] <= MOVE_SPAN and 0 < p[1] - last[1] <= MOVE_SPAN:
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def align_units(
    a: Sequence[frozenset[str]],
    b: Sequence[frozenset[str]],
    a_keys: Sequence[frozenset[str]] | None = None,
    b_keys: Sequence[frozenset[str]] | None = None,
    a_words: Sequence[frozenset[str]] | None = None,
    b_words: Sequence[frozenset[str]] | None = None,
) -> list[Group]:
    """Align two sequences of sentence signatures; see the module docstring.

    ``a_keys``/``b_keys`` are the anchor keys of each sentence (:func:`anchor_keys`);
    by default the signatures themselves. ``a_words``/``b_words`` (optional) are the
    sets of all lower-case words of each sentence, used to join short leftovers.

    Returns the links in the order of A (moved links included, flagged ``moved``).
    Units of either side found in no link are unaligned.
    """
    return _align(a, b, _candidates(a, b, a_keys or a, b_keys or b), a_words, b_words)


class _WordSets(Sequence[frozenset[str]]):
    """``[frozenset(w) for w in words]``, each set made when first asked for (only the few
    leftover sentences that may join a link need theirs)."""

    def __init__(self, words: Sequence[Sequence[str]]) -> None:
        self.words = words
        self.made: dict[int, frozenset[str]] = {}

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, i):  # type: ignore[no-untyped-def, override]
        got = self.made.get(i)
        if got is None:
            got = self.made[i] = frozenset(self.words[i])
        return got


def align_sentences(
    words_a: Sequence[Sequence[str]], words_b: Sequence[Sequence[str]]
) -> list[Group]:
    """:func:`align_units` of sentences given as their words (the same links), holding less
    at a time: the anchor keys live only while candidates are found, and a sentence's word
    set is made only when a leftover sentence needs it.

    >>> [(g.a, g.b) for g in align_sentences([["Xi", "declined", "to", "sign"]],
    ...                                       [["Xi", "refused", "to", "sign"]])]
    [((0,), (0,))]
    """
    info: dict[str, tuple[str, bool, bool]] = {}
    a, ka = _sentence_keys(words_a, info)
    b, kb = _sentence_keys(words_b, info)
    return _align(a, b, _candidates(a, b, ka, kb), _WordSets(words_a), _WordSets(words_b))


def _sentence_keys(
    sentences: Sequence[Sequence[str]], info: dict[str, tuple[str, bool, bool]]
) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """``[signature(w) ...]`` and ``[anchor_keys(w) ...]`` in one pass, each word's stem and
    stopword tests looked up once (``info``: word -> stem, anchor word, content word)."""
    sigs, keys = [], []
    for words in sentences:
        ts = []
        for w in words:
            t = info.get(w)
            if t is None:
                anchor = w not in STOPWORDS
                t = info[w] = (stem(w), anchor, anchor and w.lower() not in STOPWORDS)
            ts.append(t)
        content = [st for st, _, c in ts if c]
        sigs.append(frozenset(content or [st for st, _, _ in ts]))
        stems = [st for st, anchor, _ in ts if anchor]
        keys.append(frozenset([*stems, *(f"{x} {y}" for x, y in itertools.pairwise(stems))]))
    return sigs, keys


def _align(
    a: Sequence[frozenset[str]],
    b: Sequence[frozenset[str]],
    pairs: list[tuple[int, int, float]],
    a_words: Sequence[frozenset[str]] | None,
    b_words: Sequence[frozenset[str]] | None,
) -> list[Group]:
    """The alignment from the candidate pairs on: backbone, moves, gaps, leftovers."""
    chain = _chain(pairs, len(b))
    in_chain = {(i, j) for i, j, _ in chain}
    groups: list[Group] = [Group((i,), (j,), sc) for i, j, sc in chain]
    moved_pairs = [(i, j, sc) for i, j, sc in pairs if (i, j) not in in_chain and sc >= 0.5]
    moved = [Group((i,), (j,), sc, True) for i, j, sc in moved_pairs]
    used_a = {i for g in moved for i in g.a} | {i for i, _, _ in chain}
    used_b = {j for g in moved for j in g.b} | {j for _, j, _ in chain}
    # the sentences between the anchors of one moved passage moved with it
    for run in _move_runs(moved_pairs):
        for (i0, j0, _), (i1, j1, _) in itertools.pairwise(run):
            ia = [i for i in range(i0 + 1, i1) if i not in used_a]
            ib = [j for j in range(j0 + 1, j1) if j not in used_b]
            for g in _gap(a, b, ia, ib, sandwiched=True):
                moved.append(Group(g.a, g.b, g.score, True))
                used_a.update(g.a)
                used_b.update(g.b)
    bounds = [(-1, -1), *((i, j) for i, j, _ in chain), (len(a), len(b))]
    last = len(bounds) - 2
    for k, ((i0, j0), (i1, j1)) in enumerate(itertools.pairwise(bounds)):
        ia = [i for i in range(i0 + 1, i1) if i not in used_a]
        ib = [j for j in range(j0 + 1, j1) if j not in used_b]
        groups.extend(_gap(a, b, ia, ib, sandwiched=0 < k < last))
    groups.extend(moved)
    groups = _absorb(a, b, groups, a_words, b_words)
    return sorted(groups, key=lambda g: (g.a[0], g.b[0]))
