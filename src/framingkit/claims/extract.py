"""Cutting an article into claims: the headline, then each sentence of the standfirst
and body, split further into clauses at semicolons and at contrastive conjunctions
(", but", ", while", ", whereas", ", although") when both sides are long enough.

Questions and fragments of fewer than three words are not claims.

>>> t = "Prices rose by ten per cent; wages fell for a year. Why? It is bad, but it will pass."
>>> [u.text for u in claim_units_of_text(t)]
['Prices rose by ten per cent', 'wages fell for a year.', 'It is bad, but it will pass.']

Positions: ``headline``, ``standfirst``, ``body``, ``closing`` (the last body paragraph, or the
last sentence of a text in one block) and ``lead`` (the first sentence of a text that has no
headline or standfirst).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ..document import Article
from ..typography import fold

#: Clause breaks inside a sentence: the break keeps the conjunction with the second clause.
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?=(?:but|while|whereas|although|though|yet)\s)|\s+[\u2013\u2014-]\s+(?=but\s)"
)
_MIN_CLAUSE_WORDS = 4
_MIN_CLAIM_WORDS = 3


@dataclass(frozen=True)
class Unit:
    """A stretch of text that becomes one claim."""

    start: int
    end: int
    text: str
    position: str
    paragraph: int
    sentence: int
    clause: int = 0


_WORD_RUN = re.compile(r"[^\W_]+")  # what _words counts


def _words(s: str) -> int:
    return len(_WORD_RUN.findall(s))


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of ``text[start:end]`` (see the module docstring)."""
    seg = fold(text[start:end])
    cuts = [0]
    breaks = list(_CLAUSE_BREAK.finditer(seg))
    if breaks:
        # words and quotation marks of any stretch by bisection (linear in a long sentence
        # with many breaks, where counting each stretch again was quadratic)
        runs = [m.span() for m in _WORD_RUN.finditer(seg)]
        run_starts, run_ends = [a for a, _ in runs], [b for _, b in runs]
        marks = [i for i, ch in enumerate(seg) if ch == '"'] if '"' in seg else []

        def n_words(a: int, b: int) -> int:  # == _words(seg[a:b])
            if b <= a:
                return 0
            return bisect.bisect_left(run_starts, b) - bisect.bisect_right(run_ends, a)

    for m in breaks:
        # quotation marks must be balanced on the left: never cut inside a quotation
        n_marks = bisect.bisect_left(marks, m.start()) - bisect.bisect_left(marks, cuts[-1])
        if n_marks % 2:
            continue
        if (
            n_words(cuts[-1], m.start()) >= _MIN_CLAUSE_WORDS
            and n_words(m.end(), len(seg)) >= _MIN_CLAUSE_WORDS
        ):
            cuts.append(m.end())
    spans = []
    for i, c in enumerate(cuts):
        stop = cuts[i + 1] if i + 1 < len(cuts) else len(seg)
        s, e = c, stop
        while e > s and (seg[e - 1].isspace() or seg[e - 1] in ";,"):
            e -= 1
        while s < e and seg[s].isspace():
            s += 1
        if e > s:
            spans.append((start + s, start + e))
    return spans


def _is_claim(text: str) -> bool:
    t = text.strip()
    return _words(t) >= _MIN_CLAIM_WORDS and not t.rstrip("\"'”’) ").endswith("?")


def claim_units(article: Article) -> list[Unit]:
    """The units of ``article`` that become claims, in text order."""
    units: list[Unit] = []
    body = [p for p in article.paragraphs if p.role == "body" and p.sentences]
    closing = body[-1].index if len(body) > 1 else None
    for p in article.paragraphs:
        if p.role == "headline":
            position = "headline"
        elif p.role == "standfirst":
            position = "standfirst"
        elif p.role == "body":
            position = "closing" if p.index == closing else "body"
        else:
            continue
        sents = p.sentences or ()
        if p.role == "headline":
            sents = p.sentences
        for s in sents:
            for k, (cs, ce) in enumerate(split_clauses(article.text, s.start, s.end)):
                txt = article.text[cs:ce]
                if _is_claim(article.masked[cs:ce]):
                    units.append(Unit(cs, ce, txt, position, p.index, s.index, k))
    if units and not any(u.position in ("headline", "standfirst") for u in units):
        first = units[0].sentence
        units = [replace(u, position="lead") if u.sentence == first else u for u in units]
    if units and closing is None and len({u.sentence for u in units}) >= 5:
        last = units[-1].sentence
        units = [replace(u, position="closing") if u.sentence == last else u for u in units]
    return units


def claim_units_of_text(text: str) -> list[Unit]:
    """Claim units of a bare text (every paragraph taken as body); for examples and tests."""
    from ..document import load_article

    return claim_units(load_article(text))
