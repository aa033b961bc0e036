"""Sentence and token splitting with character offsets, robust to damaged text.

A rule set of our own (no downloaded model): a sentence ends at ``.``, ``!``
or ``?`` (with any closing quotes or brackets) followed by white space and an
upper-case letter, a digit or an opening quote. It does not end

* after a known abbreviation or a single initial ("Mr.", "U.S.", "J."),
* before a lower-case word: in damaged re-published text ("... Russia. since
  the start of the war") the stray full stop is kept inside the sentence,
* before nothing but stray punctuation ("war. . This"): the lone "." is kept
  with the sentence before it.

Such repairs are recorded so views can show them. A full stop wrongly put
before an upper-case word ("wrested from control. Manchu weakened by ...") is
indistinguishable from a real boundary by rule; it stays a boundary and the
comparison aligns the two halves with one sentence of the other version (2:1).

>>> text = "Mr. Xi came. He saw. . It ended. since then."
>>> [text[s:e] for s, e, _ in split_sentences(text)]
['Mr. Xi came.', 'He saw. .', 'It ended. since then.']
"""

from __future__ import annotations

import re

#: Abbreviations after which a full stop does not end a sentence (lower case, no final dot).
ABBREVIATIONS: frozenset[str] = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "gov",
        "sen",
        "rep",
        "pres",
        "rev",
        "hon",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "no",
        "nos",
        "vol",
        "vols",
        "pp",
        "p",
        "fig",
        "eq",
        "cf",
        "vs",
        "etc",
        "al",
        "approx",
        "ca",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "est",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "a.m",
        "p.m",
        "d.c",
        "n.y",
        "u.s.a",
        "u.s.s.r",
        "ph.d",
        "b.a",
        "m.a",
    ]
)

_END_RE = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*")
_WORD_BEFORE_RE = re.compile(r"(?<![\w])([A-Za-z][A-Za-z.]*)\.$")
_TOKEN_RE = re.compile(
    r"""\d+(?:[.,:/-]\d+)*(?:[A-Za-z%]+)?      # numbers: 4,200km 1858-60 2023-03-28 3.5%
      | \w+(?:[-'\u2019]\w+)*                  # words, with hyphens and apostrophes
      | [^\w\s]                                # any other single character
    """,
    re.VERBOSE,
)
_WORD_CHAR_RE = re.compile(r"\w")
_OPENERS = "\"'\u201c\u2018([*"
#: The token regex (document.parse runs it directly; :func:`split_tokens` is the reference).
TOKEN_RE = _TOKEN_RE


def split_tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of word and punctuation tokens in ``text[start:end]``.

    >>> t = "Putin's 4,200km border - now."
    >>> [t[s:e] for s, e in split_tokens(t)]
    ["Putin's", '4,200km', 'border', '-', 'now', '.']
    """
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in _TOKEN_RE.finditer(text, start, end)]


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial."""
    m = _WORD_BEFORE_RE.search(text, max(0, dot - 12), dot + 1)
    if not m:
        return False
    word = m.group(1).rstrip(".")
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return True
    word = word.lower()
    return word in ABBREVIATIONS


def split_sentences(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, str]]:
    """Split ``text[start:end]`` into sentences.

    Returns ``(start, end, note)`` triples; ``note`` is ``""`` or says what was
    repaired (``"lower-case continuation"``, ``"stray punctuation"``).

    >>> t = "It is not good. since the war. . It is."
    >>> [(t[s:e], n) for s, e, n in split_sentences(t)]  # doctest: +NORMALIZE_WHITESPACE
    [('It is not good. since the war. .', 'lower-case continuation; stray punctuation'),
     ('It is.', '')]
    """
    end = len(text) if end is None else end
    out: list[tuple[int, int, str]] = []
    pos = start
    # skip leading white space
    while pos < end and text[pos].isspace():
        pos += 1
    sent_start = pos
    notes: list[str] = []
    for m in _END_RE.finditer(text, pos, end):
        stop = m.end()
        nxt = stop
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break  # the last sentence runs to the end
        if nxt == stop:
            continue  # "3.5", "U.S.A" or "word.Next": no white space, no boundary
        bare = m.group().rstrip("\"'\u201d\u2019)]")
        if m.group().startswith(".") and len(bare) == 1 and _is_abbreviation(text, m.start()):
            continue
        ch = text[nxt]
        # stray punctuation: ". ." or ". , " — keep it with this sentence
        if ch in ".!?,;:":
            run = nxt
            while run < end and (text[run] in ".!?,;:" or text[run].isspace()):
                run += 1
            if "stray punctuation" not in notes:
                notes.append("stray punctuation")
            if run >= end:
                break
            # the stray run ends the sentence if an upper-case start follows
            if text[run].isupper() or text[run].isdigit() or text[run] in _OPENERS:
                last = run
                while last > nxt and text[last - 1].isspace():
                    last -= 1
                out.append((sent_start, last, "; ".join(notes)))
                sent_start, notes = run, []
            continue
        if ch.islower():
            if "lower-case continuation" not in notes:
                notes.append("lower-case continuation")
            continue
        if ch.isupper() or ch.isdigit() or ch in _OPENERS:
            out.append((sent_start, stop, "; ".join(notes)))
            sent_start, notes = nxt, []
    last = end
    while last > sent_start and text[last - 1].isspace():
        last -= 1
    if last > sent_start:
        out.append((sent_start, last, "; ".join(notes)))
    # drop "sentences" that hold no word at all by merging them into the previous one
    merged: list[tuple[int, int, str]] = []
    for s, e, n in out:
        if merged and not _WORD_CHAR_RE.search(text, s, e):
            ps, _, pn = merged[-1]
            note = (
                pn
                if "stray punctuation" in pn
                else "; ".join(x for x in (pn, "stray punctuation") if x)
            )
            merged[-1] = (ps, e, note)
        else:
            merged.append((s, e, n))
    return merged
