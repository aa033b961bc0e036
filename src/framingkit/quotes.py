"""Finding quotations and telling scare quotes from reported words.

A quotation is a span between double quotation marks (straight ``"`` or curly
``“ ”``, also guillemets). It is classified by one table of kinds:

* ``scare``: one to three words and no speaker: the writer holds the word at a
  distance (what it parades as "legitimacy");
* ``name``: a title, slogan or proper name in quotation marks ("China Dream");
* ``quotation``: somebody's words, reported (a speaker or a speech verb is
  near, or the quoted span is longer than three words).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

#: The one table of quotation kinds and what each means for a student.
QUOTATION_KINDS: dict[str, str] = {
    "scare": "one to three words in quotation marks with no speaker: the writer distances "
    "themselves from the word",
    "name": "a name, title or slogan in quotation marks",
    "quotation": "somebody's words reported in quotation marks",
}

#: Verbs and phrases that introduce reported speech (lower case, folded).
SPEECH_CUES: frozenset[str] = frozenset(
    [
        "say",
        "says",
        "said",
        "saying",
        "tell",
        "tells",
        "told",
        "telling",
        "announce",
        "announces",
        "announced",
        "announcing",
        "declare",
        "declares",
        "declared",
        "declaring",
        "state",
        "states",
        "stated",
        "stating",
        "call",
        "calls",
        "called",
        "calling",
        "label",
        "labels",
        "labeled",
        "labelled",
        "labeling",
        "labelling",
        "describe",
        "describes",
        "described",
        "describing",
        "comment",
        "comments",
        "commented",
        "commenting",
        "refer",
        "refers",
        "referred",
        "referring",
        "write",
        "writes",
        "wrote",
        "writing",
        "add",
        "adds",
        "added",
        "adding",
        "claim",
        "claims",
        "claimed",
        "claiming",
        "insist",
        "insists",
        "insisted",
        "warn",
        "warns",
        "warned",
        "warning",
        "argue",
        "argues",
        "argued",
        "arguing",
        "ask",
        "asks",
        "asked",
        "asking",
        "reply",
        "replies",
        "replied",
        "replying",
        "tweet",
        "tweets",
        "tweeted",
        "posted",
        "promise",
        "promises",
        "promised",
        "vow",
        "vows",
        "vowed",
        "urge",
        "urges",
        "urged",
        "note",
        "notes",
        "noted",
        "noting",
        "explain",
        "explains",
        "explained",
        "admit",
        "admits",
        "admitted",
        "deny",
        "denies",
        "denied",
        "suggest",
        "suggests",
        "suggested",
        "pledge",
        "pledged",
        "dubbed",
        "dub",
        "dubs",
        "branded",
        "brand",
        "brands",
        "termed",
        "term",
        "terms",
        "quoted",
        "quote",
        "quotes",
        "according",
        "words",
        "remarks",
        "statement",
        "statements",
        "communique",
        "communiqué",
        "speech",
    ]
)

_SMALL_WORDS = frozenset(
    [
        "of",
        "the",
        "and",
        "a",
        "an",
        "in",
        "on",
        "for",
        "to",
        "de",
        "la",
        "du",
        "von",
        "van",
        "at",
        "by",
        "'s",
    ]
)
#: Joins the capitalised words of one name: "Hale & Morris Engineering", "Bank of England",
#: "Procter and Gamble", "Bank of the North".
_JOIN = r"(?:\s+(?:&|and|of(?:\s+the)?))?\s+"
_CAP_RUN_RE = re.compile(rf"\b([A-Z][\w'\u2019-]*(?:{_JOIN}[A-Z][\w'\u2019-]*)*)")
_POSSESSIVE_WORDS_RE = re.compile(
    rf"\b([A-Z][\w-]*(?:{_JOIN}[A-Z][\w-]*)*)['\u2019]s?\s+(?:\w+\s+){{0,2}}"
    r"(?:words|remarks|statement|statements|speech|message|comments|claim|slogan|phrase)\b"
)
_SENTENCE_STARTERS = frozenset(
    [
        "a",
        "an",
        "the",
        "but",
        "and",
        "in",
        "it",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "i",
        "ahead",
        "since",
        "for",
        "already",
        "no",
        "all",
        "while",
        "when",
        "as",
        "if",
        "after",
        "before",
    ]
)


@dataclass(frozen=True)
class Quotation:
    """One quotation: offsets include the marks; ``inner_*`` exclude them.

    ``kind`` is a key of :data:`QUOTATION_KINDS`; ``speaker`` is a best guess or ``None``.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    text: str
    marks: str
    words: int
    kind: str
    speaker: str | None

    @property
    def scare(self) -> bool:
        """True for a scare quote (short, no speaker)."""
        return self.kind == "scare"


_MARK_RE = re.compile('[\u201c\u201e\u201d\u00ab\u00bb"]')


def _pairs(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Pair opening and closing double quotation marks within ``text[start:end]``."""
    pairs: list[tuple[int, int, str]] = []
    open_curly: int | None = None
    open_straight: int | None = None
    open_guil: int | None = None
    for m in _MARK_RE.finditer(text, start, end):  # only the marks, not every character
        i = m.start()
        ch = text[i]
        if ch in "\u201c\u201e":
            open_curly = i
        elif ch == "\u201d":
            if open_curly is not None:
                pairs.append((open_curly, i + 1, "curly"))
                open_curly = None
        elif ch == "\u00ab":
            open_guil = i
        elif ch == "\u00bb" and open_guil is not None:
            pairs.append((open_guil, i + 1, "guillemets"))
            open_guil = None
        elif ch == '"':
            if open_straight is None:
                open_straight = i
            else:
                pairs.append((open_straight, i + 1, "straight"))
                open_straight = None
    return sorted(pairs)


def _is_name(inner: str) -> bool:
    words = [w for w in re.findall(r"[\w'\u2019-]+", inner)]
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)


def _speaker(context: str) -> str | None:
    matches = list(_POSSESSIVE_WORDS_RE.finditer(context))
    m = matches[-1] if matches else None
    if m:
        return m.group(1)
    runs = [r for r in _CAP_RUN_RE.finditer(context)]
    for run in reversed(runs):
        name = run.group(1)
        first = name.split()[0].lower()
        joined = len(name.split()) > 2 and name.split()[1].lower() in ("&", "and", "of")
        if first in _SENTENCE_STARTERS or (run.start() == 0 and not joined):
            rest = name.split()[1:]
            if not rest:
                continue
            name = " ".join(rest)
        return re.sub(r"['\u2019]s$", "", name)
    return None


#: Pronouns that may follow a quotation in place of a name ("…," she said): no speaker named.
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "one"])
_NAME_RUN = (
    r"[A-Z][\w'\u2019.-]*(?:(?:\s+(?:&|and|of(?:\s+the)?)(?=\s+[A-Z]))?"
    r"\s+(?:[A-Z][\w'\u2019.-]*|de|van|von|da|al|bin|le|la))*"
)
_AFTER_VERB_NAME_RE = re.compile(
    rf"^[\s,\u2014\u2013-]*(?P<verb>[a-z]+)\s+(?:the\s+)?(?P<name>{_NAME_RUN})"
)
_AFTER_NAME_VERB_RE = re.compile(rf"^[\s,\u2014\u2013-]*(?P<name>{_NAME_RUN})\s+(?P<verb>[a-z]+)\b")


def _speaker_after(after: str) -> str | None:
    """The speaker named right after a quotation: '"…," said Jo Bloggs' or '"…," Jo Bloggs said'.

    >>> _speaker_after(', said Councillor Jo Bloggs, who chairs it.')
    'Councillor Jo Bloggs'
    >>> _speaker_after(' Jo Bloggs told reporters.'), _speaker_after(', she said.')
    ('Jo Bloggs', None)
    >>> _speaker_after(', said the Bank of England.'), _speaker_after(', said Procter & Gamble.')
    ('Bank of England', 'Procter & Gamble')
    """
    for rx in (_AFTER_VERB_NAME_RE, _AFTER_NAME_VERB_RE):
        m = rx.match(after)
        if m and m.group("verb") in SPEECH_CUES:
            name = m.group("name").rstrip(".")
            if name.lower() not in _PRONOUNS and name.split()[0].lower() not in _SENTENCE_STARTERS:
                return re.sub(r"['\u2019]s$", "", name)
    return None


def _sentence_finder(
    sentences: list[tuple[int, int]],
) -> Callable[[int], tuple[int, int] | None]:
    """A function giving the first sentence that holds an offset: by bisect when the sentences
    are in order and do not overlap (as parsing gives them), else by a plain scan."""
    bounds = list(sentences)
    ordered = all(bounds[k][1] <= bounds[k + 1][0] for k in range(len(bounds) - 1))
    if not ordered:
        return lambda qs: next(((s, e) for s, e in bounds if s <= qs < e), None)
    starts = [s for s, _ in bounds]

    def find(qs: int) -> tuple[int, int] | None:
        k = bisect.bisect_right(starts, qs) - 1  # the last sentence starting at or before qs
        return bounds[k] if k >= 0 and bounds[k][0] <= qs < bounds[k][1] else None

    return find


def find_quotations(
    text: str, sentences: list[tuple[int, int]], start: int = 0, end: int | None = None
) -> list[Quotation]:
    """Find quotations in ``text[start:end]``; ``sentences`` gives sentence offsets for context.

    >>> t = 'Putin called it "the deal of the century". It paraded as "legitimacy".'
    >>> [(q.text, q.kind) for q in find_quotations(t, [(0, 42), (43, len(t))])]
    [('the deal of the century', 'quotation'), ('legitimacy', 'scare')]
    """
    end = len(text) if end is None else end
    out: list[Quotation] = []
    sentence_of = _sentence_finder(sentences)
    for qs, qe, marks in _pairs(text, start, end):
        inner_start, inner_end = qs + 1, qe - 1
        inner = text[inner_start:inner_end]
        words = len(re.findall(r"[\w'\u2019-]+", inner))
        if not re.search(r"[^\W_]", inner):
            continue  # marks around nothing or punctuation only ('""', '«»'): no quotation
        sent = sentence_of(qs) or (max(start, qs - 200), qe)
        before = text[sent[0] : qs]
        after = text[qe : min(sent[1], qe + 60)]
        cue_words = {w.lower() for w in re.findall(r"[A-Za-z\u00e9]+", before[-120:] + " " + after)}
        has_cue = bool(cue_words & SPEECH_CUES) or re.search(r":\s*$", before) is not None
        speaker = (_speaker(before) or _speaker_after(after)) if has_cue else None
        if has_cue or words > 3:
            kind = "name" if (not has_cue and _is_name(inner)) else "quotation"
        elif _is_name(inner):
            kind = "name"
        else:
            kind = "scare"
        out.append(Quotation(qs, qe, inner_start, inner_end, inner, marks, words, kind, speaker))
    return out
