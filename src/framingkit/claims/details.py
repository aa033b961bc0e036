"""Checkable details in a claim: quantities, dates and places, with offsets.

>>> t = "In 2049 it lost 600,000 square kilometres, three times the area of Wales, in Asia."
>>> [(d.kind, d.text) for d in find_details(t)]  # doctest: +NORMALIZE_WHITESPACE
[('date', 'In 2049'), ('quantity', '600,000 square kilometres'),
 ('quantity', 'three times the area of Wales'), ('place', 'Asia')]
"""

from __future__ import annotations

import re

from ..typography import fold
from .actors import place_spans
from .lexicon import _by_first_char
from .model import Detail

_NUM_WORDS_LIST = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    "fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|"
    "billion|billions|trillion|dozen|dozens|half|a third|a quarter|twice|double|triple"
)
#: Longest first, grouped by first letter (the same matches as the plain alternation, faster).
_NUM_WORDS = _by_first_char(sorted(_NUM_WORDS_LIST.split("|"), key=len, reverse=True))
_UNITS = (
    r"square\s+(?:kilometres|kilometers|miles|metres|meters|km)|sq\s*km|km2|km|kilometres|kilometers|"
    r"miles|metres|meters|m|tonnes|tons|barrels|cubic\s+metres|bcm|per\s*cent|percent|%|pc|"
    r"bn|billion|million|m|trillion|tn|k|years|months|days|hours|people|soldiers|troops|times|"
    r"points|votes|seats|dollars|pounds|euros|roubles|rubles|yuan"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_DATE_RES = [
    re.compile(rf"\b\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?\b"),
    re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"),
    re.compile(rf"\b(?:in|since|by|until|from|early|late|mid-?)\s+{_MONTH}(?:\s+\d{{4}})?\b", re.I),
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    re.compile(
        r"\b(?:(?:in|since|by|until|from|before|after|around|circa|c\.)\s+)?"
        r"(?:1[0-9]{3}|20[0-9]{2})(?:s\b|\s*[-–]\s*(?:1[0-9]{3}|20[0-9]{2}|[0-9]{2})\b)?(?!\s*(?:km|%|per))",
        re.I,
    ),
    re.compile(
        r"\b(?:(?:the|early|late|mid-?|the early|the late)\s+)*(?:\d{1,2}(?:st|nd|rd|th)|"
        r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
        r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
        r"twenty-first)\s+century\b",
        re.I,
    ),
    re.compile(
        r"\b(?:last|next|this|previous|coming)\s+(?:year|month|week|decade|century|spring|summer|"
        r"autumn|winter|january|february|march|april|may|june|july|august|september|october|"
        r"november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
        re.I,
    ),
    re.compile(
        r"\b(?:yesterday|today|tomorrow|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
    ),
    re.compile(r"\bfor\s+(?:decades|years|centuries|months)\b", re.I),
]
#: "three times the area of Great Britain": one quantity, the yardstick included.
_COMPARISON_QTY = re.compile(
    rf"\b(?:{_NUM_WORDS}|\d+(?:\.\d+)?)\s+times\s+(?:the\s+)?(?:area|size|population|length|"
    r"number|amount|level|rate|height|width)\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*",
    re.I,
)
_QTY_RES = [
    re.compile(
        rf"(?:[$£€¥]\s?)?\b\d[\d,]*(?:\.\d+)?(?:\s*(?:{_UNITS})\b|(?<=\d)%|\s*%)?(?:\s+(?:{_UNITS})\b)?",
        re.I,
    ),
    re.compile(
        rf"\b(?:(?:many|several|some|tens of|hundreds of|a few)\s+)?(?:{_NUM_WORDS})"
        rf"(?:\s+(?:{_NUM_WORDS}))*(?:\s+(?:times|per\s*cent|percent|of))?(?:\s+[a-z]+)?",
        re.I,
    ),
]
#: Words that cannot be the counted noun after a number word: "this one will" counts nothing.
_BAD_QTY_TAIL = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "that",
        "which",
        "who",
        "as",
        "at",
        "by",
        "for",
        "with",
    ]
)


#: Quick necessary conditions (performance only): a regex of ``_DATE_RES`` / ``_QTY_RES`` at
#: the same index runs only when its condition finds something (``None``: always runs).
#: Each condition is a part that every match of its regex contains, with the same flags.
_DIGIT = re.compile(r"\d")
_DATE_NEED: list[re.Pattern[str] | None] = [
    _DIGIT,
    _DIGIT,
    re.compile(rf"\s{_MONTH}", re.I),  # "\s+{_MONTH}"
    _DIGIT,
    _DIGIT,
    re.compile(r"century", re.I),
    re.compile(r"(?:last|next|this|previous|coming)\s", re.I),
    re.compile(r"day|tomorrow"),  # yesterday, today, Monday ... all end in "day"
    re.compile(r"for\s", re.I),
]
_COMPARISON_NEED = re.compile(r"times", re.I)
#: a number word right after a word boundary (any optional "many "/"tens of " ends in space)
_QTY_NEED: list[re.Pattern[str] | None] = [_DIGIT, re.compile(rf"\b(?:{_NUM_WORDS})", re.I)]
assert len(_DATE_NEED) == len(_DATE_RES) and len(_QTY_NEED) == len(_QTY_RES)


def find_details(text: str, offset: int = 0) -> list[Detail]:
    """Dates, quantities and places in ``text`` (offsets shifted by ``offset``), in order."""
    folded = fold(text)
    out: list[Detail] = []
    taken: list[tuple[int, int]] = []

    def add(s: int, e: int, kind: str) -> None:
        while e > s and not text[e - 1].isalnum() and text[e - 1] not in "%":
            e -= 1
        if e <= s or any(ts < e and s < te for ts, te in taken):
            return
        taken.append((s, e))
        out.append(Detail(s + offset, e + offset, text[s:e], kind))

    found: dict[re.Pattern[str], bool] = {}  # each condition searched once per text

    def needed(need: re.Pattern[str] | None) -> bool:
        if need is None:
            return True
        if need not in found:
            found[need] = need.search(folded) is not None
        return found[need]

    for rx, need in zip(_DATE_RES, _DATE_NEED, strict=True):
        if not needed(need):
            continue
        for m in rx.finditer(folded):
            add(m.start(), m.end(), "date")
    if _COMPARISON_NEED.search(folded):
        for m in _COMPARISON_QTY.finditer(folded):
            add(m.start(), m.end(), "quantity")
    for i, (rx, need) in enumerate(zip(_QTY_RES, _QTY_NEED, strict=True)):
        if not needed(need):
            continue
        for m in rx.finditer(folded):
            s, e = m.start(), m.end()
            words = folded[s:e].split()
            if i == 0 and _DIGIT.fullmatch(folded[s:e].strip()):
                continue  # a bare digit ("Power of Siberia 2") is a name, not a quantity
            if i == 1:
                # keep a following noun ("three times"), drop a trailing function word
                while words and words[-1].lower() in _BAD_QTY_TAIL:
                    words = words[:-1]
                if not words or (words[0].lower() in ("one", "half") and len(words) == 1):
                    continue
                e = s + len(" ".join(words))
                if folded[s:e] != " ".join(words):
                    e = m.end()
            add(s, e, "quantity")
    for s, e in place_spans(text):
        add(s, e, "place")
    out.sort(key=lambda d: d.start)
    return out
