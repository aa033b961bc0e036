"""compare's fast paths give the same results as the plain algorithms they replace (no timing
here: speed is measured on demand by benchmarks/bench_compare.py)."""

from __future__ import annotations

import random

from framingkit.compare import align, compare
from framingkit.compare.align import MIN_SCORE, Group, _gap_dp


def _dense_gap_dp(a, b, ia, ib):
    """The gap programme as first written: every cell relaxes its six steps in order."""
    n, m = len(ia), len(ib)
    neg = float("-inf")
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    ua = {1: [a[i] for i in ia], 2: [a[ia[x]] | a[ia[x + 1]] for x in range(n - 1)]}
    ub = {1: [b[j] for j in ib], 2: [b[ib[y]] | b[ib[y + 1]] for y in range(m - 1)]}
    for x in range(n + 1):
        for y in range(m + 1):
            cur = best[x][y]
            for dx, dy in ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)):
                nx, ny = x + dx, y + dy
                if nx > n or ny > m:
                    continue
                if dx and dy:
                    sx, sy = ua[dx][x], ub[dy][y]
                    sc = 2 * len(sx & sy) / (len(sx) + len(sy)) if sx or sy else 0.0
                    if sc < MIN_SCORE:
                        continue
                    gain = (sc - MIN_SCORE) * (dx + dy)
                    if dx + dy > 2:
                        gain -= 0.05
                else:
                    sc, gain = 0.0, 0.0
                if cur + gain > best[nx][ny]:
                    best[nx][ny] = cur + gain
                    back[nx][ny] = (x, y, sc)
    out, x, y = [], n, m
    while (x, y) != (0, 0):
        px, py, sc = back[x][y]
        if px < x and py < y:
            out.append(Group(tuple(ia[px:x]), tuple(ib[py:y]), sc))
        x, y = px, py
    return out[::-1]


def _sigs(rng: random.Random, n: int, vocab: int) -> list[frozenset[str]]:
    return [
        frozenset(f"w{rng.randrange(vocab)}" for _ in range(rng.randint(0, 6))) for _ in range(n)
    ]


def test_gap_programme_matches_the_dense_programme():
    rng = random.Random(7)
    for trial in range(120):
        vocab = rng.choice((4, 8, 15, 40))  # small vocabularies make many ties
        a, b = _sigs(rng, rng.randint(1, 14), vocab), _sigs(rng, rng.randint(1, 14), vocab)
        if trial % 3 == 0:  # b a reworded copy of a: long runs of good links
            b = [frozenset(list(s)[1:]) | {f"w{rng.randrange(vocab)}"} for s in a]
            rng.shuffle(b[: len(b) // 3])
        ia, ib = list(range(len(a))), list(range(len(b)))
        assert _gap_dp(a, b, ia, ib) == _dense_gap_dp(a, b, ia, ib), trial


def test_gap_programme_on_index_subsets():
    rng = random.Random(11)
    a, b = _sigs(rng, 30, 12), _sigs(rng, 30, 12)
    ia, ib = sorted(rng.sample(range(30), 17)), sorted(rng.sample(range(30), 19))
    assert _gap_dp(a, b, ia, ib) == _dense_gap_dp(a, b, ia, ib)
    assert align.MAX_GAP_CELLS >= 17 * 19


def _council_pair(to: int) -> tuple[str, str]:
    """Ten paragraphs; B moves the last sentence of the first paragraph to paragraph ``to``."""
    topics = ["harbour", "railway", "library", "hospital", "bridge"]
    topics += ["market", "school", "museum", "stadium", "airport"]
    paras = [
        f"The {t} project was discussed by the council on Monday evening. Officials said the "
        f"{t} budget would rise by ten percent next year. Residents asked why the {t} plans "
        "had changed so often."
        for t in topics
    ]
    moved = " Residents asked why the harbour plans had changed so often."
    b = list(paras)
    b[0] = paras[0].replace(moved, "")
    b[to] = paras[to] + moved
    return "\n\n".join(paras), "\n\n".join(b)


def test_a_sentence_moved_far_is_a_move_not_a_paragraph_merge():
    """Paragraphs count as split or run together only within PARAGRAPH_REACH of each other: a
    far move made two changes spanning the whole text in between (growing with the text)."""
    cmp = compare(*_council_pair(9))
    assert [c.kind for c in cmp.changes] == ["move"]
    assert len(cmp.changes[0].a_text) < 80
    near = compare(*_council_pair(1))
    assert any(c.kind == "segmentation" and "split" in c.explanation for c in near.changes)


def test_sentence_keys_are_signatures_and_anchor_keys():
    sents = [
        ["It", "is", "a", "clear", "breach", "of", "the", "law"],
        ["the", "of", "a"],
        [],
        ["Russia's", "declined", "the", "deal", "It", "s"],
    ]
    sigs, keys = align._sentence_keys(sents, {})
    assert sigs == [align.signature(w) for w in sents]
    assert keys == [align.anchor_keys(w) for w in sents]
    assert [list(s) for s in sigs] == [list(align.signature(w)) for w in sents]  # same order


def test_cues_with_token_views_match_cues_with_token_lists(monkeypatch):
    """The spotter's context rules read a view of the tokens (no copy per slice) exactly as
    they read a list."""
    from framingkit.compare import evidence

    vocab = "could not afford historic territorial losses a dedicated lane very clear deeply "
    vocab += "flawed plan massive said feels like the deal so-called experts may perhaps must "
    vocab += "need to be done real sort of crisis slammed claimed all some"
    words = vocab.split()
    rng = random.Random(13)
    seqs = [tuple(rng.choice(words) for _ in range(rng.randint(1, 60))) for _ in range(60)]
    viewed = [evidence._find_cues.__wrapped__(s) for s in seqs]
    as_view = evidence._tokens
    monkeypatch.setattr(evidence, "_tokens", lambda ws: list(as_view(ws)))
    listed = [evidence._find_cues.__wrapped__(s) for s in seqs]
    assert viewed == listed and any(viewed)
