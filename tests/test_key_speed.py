"""key draft's fast paths give what the plain scans they replace gave (no timing here:
speed is measured on demand by the benchmarks)."""

from __future__ import annotations

import random
from types import SimpleNamespace

from framingkit.commands import key


def _side_by_scanning(text, start, end, own, n):
    """``_side`` as first written: the sentence stops found by scanning the whole text."""
    own = " ".join(own.split())
    if not own:
        return "(nothing)"
    if len(own) >= n * 0.6 or not text or text[start:end].strip() == "":
        return key._short(own, n)
    left = max(text.rfind(ch, 0, start) for ch in ".!?\n") + 1
    rights = [k for k in (text.find(ch, end) for ch in ".!?\n") if k != -1]
    right = min(rights) if rights else len(text)
    return key._widen(text, start, end, left, right, n)  # the widening itself is unchanged


def test_option_sides_match_the_scanning_version():
    rng = random.Random(3)
    words = ["Xi", "refused", "the", "deal", "said", "officials", "pipeline", "talks"]
    for _ in range(200):
        parts = [
            rng.choice(words) + rng.choice(["", "", " ", ".", "!", "?", "\n", ", "])
            for _ in range(30)
        ]
        text = " ".join(parts)
        start = rng.randrange(len(text))
        end = min(len(text), start + rng.randrange(12))
        own = text[start:end]
        for n in (10, 40):
            assert key._side(text, start, end, own, n) == _side_by_scanning(
                text, start, end, own, n
            )


def test_same_words_is_split_equality():
    rng = random.Random(5)
    alphabet = [" ", "\n", "\t", "\xa0", "\u2009", "a", "b", "é"]
    for _ in range(2000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9)))
        u = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9)))
        assert key._same_words(t, u.split()) == (t.split() == u.split())


def test_span_passage_counts_like_the_scan():
    """The passage richest in spans, with spans counted by bisect, is the one the scan of
    every span for every passage chose."""
    rng = random.Random(9)
    for _ in range(50):
        paras, pos = [], 0
        for _i in range(rng.randint(1, 12)):
            n = rng.randint(5, 90)
            paras.append(SimpleNamespace(role="body", start=pos, end=pos + n, clean="w " * n))
            pos += n + 2
        spans = []
        for _ in range(rng.randint(0, 25)):
            s = rng.randrange(pos)
            spans.append(
                SimpleNamespace(
                    start=s, end=s + rng.randint(0, 30), text="x", category="force", explanation=""
                )
            )
        art = SimpleNamespace(paragraphs=paras, text="x" * (pos + 40))
        text, refs = key._span_passage(art, spans)
        best, best_score = None, -1
        for i in range(len(paras)):
            words, j = 0, i
            while j < len(paras) and (
                words == 0 or words + len(paras[j].clean.split()) <= key.SPAN_WORDS
            ):
                words += len(paras[j].clean.split())
                j += 1
            lo, hi = paras[i].start, paras[j - 1].end
            score = sum(lo <= s.start and s.end <= hi for s in spans)
            if score > best_score:
                best, best_score = (lo, hi), score
        assert text == art.text[best[0] : best[1]] and len(refs) == best_score
