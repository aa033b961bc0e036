"""Content words, a light stemmer and concept groups: what two claims have in common.

>>> stem("territorial") == stem("territory"), stem("annexation") == stem("annex")
(True, True)
>>> sorted(content_stems("Xi's plan to annex territory"))
['annex', 'plan', 'territor', 'xi']
"""

from __future__ import annotations

import re
from functools import cache

from ..typography import fold
from ..wordlists import STOPWORDS as _BASE
from .lexicon import concepts

STOPWORDS: frozenset[str] = _BASE | frozenset(
    [
        "above",
        "after",
        "against",
        "ago",
        "also",
        "although",
        "before",
        "below",
        "between",
        "doing",
        "during",
        "even",
        "ever",
        "hers",
        "it's",
        "may",
        "might",
        "mine",
        "must",
        "one",
        "ones",
        "per",
        "see",
        "seen",
        "shall",
        "since",
        "still",
        "though",
        "through",
        "until",
        "upon",
        "via",
        "whether",
        "whose",
        "yet",
    ]
)
_SUFFIXES = (
    "izations",
    "ization",
    "ational",
    "ations",
    "ation",
    "ially",
    "ial",
    "ies",
    "ing",
    "edly",
    "ed",
    "es",
    "ly",
    "al",
    "s",
)


@cache
def stem(word: str) -> str:
    """A light suffix-stripping stem (lower case): enough to match word families."""
    w = re.sub(r"['’]s$", "", word.lower())
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    if w.endswith(("y", "i", "e")) and len(w) > 4:
        w = w[:-1]
    return w


_WORD_RE = re.compile(r"[a-z0-9][a-z0-9'’-]*")


def words(text: str) -> list[str]:
    """Lower-case words of ``text`` (typography folded, possessives dropped)."""
    # a possessive "'s" dropped from the end (what re.sub(r"['’]s$", "", w) did, faster)
    return [w[:-2] if w.endswith(("'s", "’s")) else w for w in _WORD_RE.findall(fold(text).lower())]


def content_stems(text: str) -> set[str]:
    """Stems of the content words of ``text`` (stop words dropped)."""
    return {stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1}


@cache
def concept_stems() -> dict[str, frozenset[str]]:
    """Stem of each concept word -> the stems of its whole group."""
    out: dict[str, frozenset[str]] = {}
    for w, group in concepts().items():
        out[stem(w)] = out.get(stem(w), frozenset()) | frozenset(
            stem(g) for g in group if " " not in g
        )
    return out


def shared_concepts(text: str, stems: set[str]) -> set[str]:
    """Words of ``text`` that share a stem or a concept group with ``stems``."""
    out = set()
    groups = concept_stems()
    for w in words(text):
        if w in STOPWORDS or len(w) < 2:
            continue
        s = stem(w)
        if s in stems or (s in groups and groups[s] & stems):
            out.add(w)
    return out
