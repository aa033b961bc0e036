"""Actors with their metonyms grouped: a capital or seat of power for its government,
a leader's name for the state, a demonym for the people or state.

The table is package data (``data/claims/gazetteer.json``); names not in it that look
like proper names are kept as actors of their own (kind ``other``), and a surname
alone is grouped with the full name seen earlier ("Matthew Henderson" ... "Henderson").

>>> found = find_actors("Beijing said Xi and the Kremlin met.")
>>> [(a.name, [m.text for m in a.mentions]) for a in found]
[('China', ['Beijing', 'Xi']), ('Russia', ['the Kremlin'])]
"""

from __future__ import annotations

import re
from functools import cache

from ..typography import fold
from ..wordlists import MONTHS
from .lexicon import load, phrase_regex
from .model import Actor, Mention

_KIND_BY_FIELD = {
    "names": "name",
    "capitals": "capital",
    "seats": "seat",
    "leaders": "leader",
    "demonyms": "demonym",
}
#: Prepositions after which a capital or country name is a place, not an actor.
LOCATIVE = frozenset(
    [
        "in",
        "into",
        "from",
        "via",
        "across",
        "near",
        "at",
        "through",
        "inside",
        "within",
        "towards",
        "toward",
        "throughout",
    ]
)
_ADJ_SUFFIXES = ("ist", "ian", "ese", "ish", "ic", "ean")
_NOT_NAMES = frozenset(
    [
        "a",
        "an",
        "the",
        "but",
        "and",
        "or",
        "if",
        "in",
        "on",
        "at",
        "to",
        "of",
        "for",
        "from",
        "by",
        "with",
        "as",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "there",
        "here",
        "when",
        "while",
        "after",
        "before",
        "since",
        "already",
        "no",
        "not",
        "all",
        "some",
        "many",
        "most",
        "much",
        "more",
        "for",
        "yet",
        "so",
        "then",
        "thus",
        "however",
        "although",
        "though",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "why",
        "how",
        "ahead",
        "once",
        "even",
        "only",
        "also",
        "just",
        "still",
        "both",
        "each",
        "every",
        "any",
        "such",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        *MONTHS,
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sir",
        "lord",
        "lady",
        "given",
        "despite",
        "unlike",
        "like",
        "according",
        "under",
        "over",
        "into",
        "across",
        "later",
        "earlier",
        "yesterday",
        "today",
        "tonight",
        "meanwhile",
        "instead",
        "finally",
        "now",
        "recently",
        "last",
        "next",
        "perhaps",
        "maybe",
        "indeed",
        "still",
        "again",
        "sometimes",
        "often",
        "never",
        "always",
        "nor",
        "because",
        "whether",
        "unless",
        "until",
    ]
)
#: A name used as a yardstick ("three times the area of Great Britain", "the size of Wales") is
#: a unit of comparison: neither an actor nor a place the claim is about (rule "yardstick").
_YARDSTICK = re.compile(
    r"(?:\b(?:area|size|population|length|width|height|surface|economy)\s+of|\btimes|"
    r"\bas\s+(?:big|large|small|long|populous)\s+as|\b(?:bigger|larger|smaller|longer)\s+than)"
    r"\s+(?:the\s+)?(?:whole\s+of\s+)?$",
    re.I,
)
#: Nouns after which a capitalised name is a modifier ("from Manchu control"), not a place.
_MODIFIED_NOUNS = frozenset(
    [
        "control",
        "rule",
        "authority",
        "authorities",
        "hands",
        "forces",
        "troops",
        "government",
        "officials",
        "sovereignty",
        "influence",
        "dominance",
        "occupation",
        "administration",
    ]
)


def is_yardstick(text: str, start: int) -> bool:
    """True when the name at ``start`` is a unit of comparison ("the area of Great Britain").

    >>> t = "three times the area of Great Britain"
    >>> is_yardstick(t, t.index("Great"))
    True
    """
    return bool(_YARDSTICK.search(text[max(0, start - 40) : start]))


_COMPOUND_ADJ = re.compile(r"-[a-z]+(?:ed|ing|en)\b")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")
_POSSESSIVE = re.compile(r"['’]s$")


def _not_a_place(name: str, after: str) -> bool:
    """A capitalised run after "from"/"in" that is no place: a compound adjective
    ("Opium War-weakened Manchu") or the modifier of a noun ("Manchu control")."""
    if _COMPOUND_ADJ.search(name):
        return True
    nxt = _NEXT_WORD.match(after)
    return bool(nxt and nxt.group(1) in _MODIFIED_NOUNS)


_CAP_RUN = re.compile(
    r"(?<![\w'-])[A-Z][\w'’.-]*(?:\s+(?:of|de|van|von|al|bin|the|and)?\s*[A-Z][\w'’-]*)*"
)


@cache
def _table() -> tuple[re.Pattern[str], dict[str, tuple[str, str, str]]]:
    """Regex over every gazetteer alias, and alias -> (actor name, actor kind, mention kind)."""
    alias: dict[str, tuple[str, str, str]] = {}
    for entry in load("gazetteer")["actors"]:
        for fld, mkind in _KIND_BY_FIELD.items():
            for name in entry.get(fld, []):
                alias.setdefault(name, (entry["name"], entry["kind"], mkind))
    parts = []
    for a in sorted(alias, key=len, reverse=True):
        pat = re.escape(a)
        if a.startswith("the "):
            pat = "[Tt]he " + re.escape(a[4:])
        parts.append(pat)
    parts = [r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"]
    return re.compile("|".join(parts)), alias


@cache
def _places() -> re.Pattern[str]:
    return phrase_regex([p.lower() for p in load("gazetteer")["places"]])


def _preceding_word(text: str, start: int) -> str:
    m = _LAST_WORD.search(text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def _after_sentence_end(text: str, pos: int) -> bool:
    """``re.search(r'(?:^|[.!?:;"”]\\s+|\\n)$', text[:pos])``, without scanning the prefix
    (that was quadratic in a long claim): the start, a line break, or sentence punctuation
    followed by white space."""
    if pos == 0 or text[pos - 1] == "\n":
        return True
    j = pos
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j < pos and j > 0 and text[j - 1] in '.!?:;"”'


def actor_mentions(text: str) -> list[tuple[str, str, Mention]]:
    """Every actor mention in ``text``: ``(actor name, actor kind, Mention)``, in order.

    A capital or country name right after a locative preposition ("in Beijing") is a
    place and not counted; see :func:`place_spans`.
    """
    folded = fold(text)
    rx, alias = _table()
    out: list[tuple[str, str, Mention]] = []
    taken: list[tuple[int, int]] = []
    for m in rx.finditer(folded):
        key = m.group()
        name, kind, mkind = alias.get(key) or alias["the " + key[4:]]
        prev = _preceding_word(folded, m.start())
        if mkind in ("capital", "name") and kind == "state" and prev in LOCATIVE:
            continue
        if is_yardstick(folded, m.start()):
            continue
        out.append((name, kind, Mention(m.start(), m.end(), text[m.start() : m.end()], mkind)))
        taken.append((m.start(), m.end()))
    # other proper names: capitalised runs that are not sentence-initial function words
    for m in _CAP_RUN.finditer(folded):
        s, e = m.start(), m.end()
        words = m.group().split()
        while words and words[0].lower().strip(".") in _NOT_NAMES:
            s += len(words[0]) + (
                len(m.group()[len(words[0]) :]) - len(m.group()[len(words[0]) :].lstrip())
            )
            words = words[1:]
        if not words:
            continue
        seg = folded[s:e].rstrip(".")
        e = s + len(seg)
        seg = _POSSESSIVE.sub("", seg)
        e = s + len(seg)
        if any(ts < e and s < te for ts, te in taken):
            continue
        sent_start = _after_sentence_end(folded, s)
        if sent_start and len(words) == 1:
            continue  # a capitalised first word of a sentence
        if len(seg) < 2 or (seg.isupper() and len(seg) > 6):
            continue
        if " " not in seg and seg.lower().endswith(_ADJ_SUFFIXES):
            continue  # an adjective such as "Siberian" or "Communist"
        if _preceding_word(folded, s) in LOCATIVE or _places().fullmatch(seg.lower()):
            continue
        if is_yardstick(folded, s) or _COMPOUND_ADJ.search(seg):
            continue
        out.append((seg, "other", Mention(s, e, text[s:e], "other")))
    out.sort(key=lambda x: x[2].start)
    return out


def find_actors(text: str) -> list[Actor]:
    """Actors in ``text`` with their mentions grouped, in order of first mention."""
    return group_mentions(actor_mentions(text))


def group_mentions(found: list[tuple[str, str, Mention]]) -> list[Actor]:
    """Group ``(name, kind, Mention)`` triples into actors (a surname joins its full name)."""
    groups: dict[str, tuple[str, list[Mention]]] = {}
    # surname -> the first person-like group of kind "other" ending in it (what a scan of
    # every group in order found first; an index keeps this linear in the mentions)
    by_surname: dict[str, str] = {}
    for name, kind, mention in found:
        if kind == "other":
            # a surname alone joins the full name seen before
            name = by_surname.get(name, name)
        if name not in groups:
            groups[name] = (kind, [])
            parts = name.split()
            if kind == "other" and 2 <= len(parts) <= 3 and all(p[:1].isupper() for p in parts):
                by_surname.setdefault(parts[-1], name)
        groups[name][1].append(mention)
    return [Actor(n, k, tuple(ms)) for n, (k, ms) in groups.items()]


#: A capitalised name after a locative preposition (or "to"), compiled once.
_AFTER_PREP = re.compile(
    rf"(?<![\w-])(?:{'|'.join(sorted(LOCATIVE | {'to'}))})\s+(?:the\s+)?"
    r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"
)


def place_spans(text: str) -> list[tuple[int, int]]:
    """Places in ``text``: gazetteer regions and cities, and capitalised names after
    a locative preposition ("via Mongolia", "in Khabarovsk")."""
    folded = fold(text)
    _, alias = _table()
    spans = [
        (m.start(), m.end())
        for m in _places().finditer(folded.lower())
        if not is_yardstick(folded, m.start())
    ]
    for m in _AFTER_PREP.finditer(folded):
        s, e = m.start(1), m.end(1)
        name = m.group(1)
        kind = alias.get(name, ("", "", ""))[2]
        if name.lower() in _NOT_NAMES or kind in ("leader", "seat", "demonym"):
            continue
        if m.group().split()[0] == "to" and kind != "name" and kind != "capital":
            continue  # "to" + an unknown name is as often a person as a place
        if _not_a_place(name, folded[e:]) or is_yardstick(folded, s):
            continue
        if not any(ps < e and s < pe for ps, pe in spans):
            spans.append((s, e))
    # capitals used literally also count, once
    return sorted(set(spans))
