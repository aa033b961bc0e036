"""``spot()``: evaluative spans of a whole article, with per-paragraph counts and a language note.

>>> r = spot("Putin's disastrous assault was, undoubtedly, a “success”.")
>>> [(s.text, s.category, s.subtype) for s in r.spans]  # doctest: +NORMALIZE_WHITESPACE
[('disastrous', 'attitude', 'appreciation'), ('undoubtedly', 'proclaim', 'pronounce'),
 ('“success”', 'attribute', 'distance')]
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Article, Sentence, load_article
from ..errors import paused_gc
from ..parallel import map_chunks
from ..typography import fold
from ..wordlists import STOPWORDS
from .categories import CATEGORIES, CATEGORY_ORDER
from .lexicon import lookup
from .rules import EvalSpan, explain, rule_note, spans_for_sentences

#: Paragraph roles whose words are spotted (bylines and datelines are not evaluative prose).
SPOT_ROLES = frozenset({"headline", "standfirst", "body", "caption"})

# Common English function words: a text with few of them is probably not English.
_STOPWORDS = STOPWORDS | frozenset(  # common English words (language check)
    [
        "above",
        "after",
        "against",
        "before",
        "below",
        "between",
        "doing",
        "during",
        "further",
        "hers",
        "herself",
        "himself",
        "itself",
        "myself",
        "now",
        "ours",
        "theirs",
        "through",
        "until",
        "yours",
    ]
)
_SO_CALLED_RE = re.compile(r"so[- ]called\s*$")
_WHY_SCARE = CATEGORIES["attribute"].subtypes["distance"].why
_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")


@dataclass(frozen=True)
class ParagraphDensity:
    """Evaluative spans in one paragraph: ``counts`` by category; ``per_100`` per 100 words."""

    index: int
    role: str
    start: int
    end: int
    words: int
    spans: int
    per_100: float
    counts: dict[str, int]


@dataclass(frozen=True)
class SpotResult:
    """What :func:`spot` found.

    ``spans`` in text order; ``language_note`` says plainly when the text does not look
    like English (``None`` otherwise); ``words`` counts the words spotted;
    ``paragraphs`` gives per-paragraph density; ``text`` is the article text the
    offsets point into (``masked``: the same with Markdown markup blanked, for display).
    """

    spans: list[EvalSpan]
    language_note: str | None
    words: int
    paragraphs: list[ParagraphDensity]
    source: str = "<text>"
    text: str = field(default="", repr=False)
    masked: str = field(default="", repr=False)

    @property
    def counts(self) -> dict[str, int]:
        """Number of spans per category (every category present, zeros included)."""
        c = Counter(s.category for s in self.spans)
        return {k: c.get(k, 0) for k in CATEGORY_ORDER}

    @property
    def per_100(self) -> float:
        """Evaluative spans per 100 words."""
        return round(100 * len(self.spans) / self.words, 2) if self.words else 0.0

    def of(self, category: str) -> list[EvalSpan]:
        """The spans of one category."""
        return [s for s in self.spans if s.category == category]


def language_note(text: str) -> str | None:
    """A plain sentence when ``text`` does not look like English (few common English words).

    >>> language_note("Der Plan ist für alle sichtbar, und die Pipeline ist ein Geschenk.")[:33]
    'This text does not look like Engl'
    >>> language_note("The plan is there for all to see.") is None
    True
    """
    words = _WORD_RE.findall(text)
    if len(words) < 6:
        return None
    ratio = sum(map(_STOPWORDS.__contains__, map(str.lower, words))) / len(words)
    if ratio >= 0.12:
        return None
    return (
        f"This text does not look like English (only {ratio:.0%} of its words are common "
        "English words); the lexicon and rules are English, so evaluative language in it "
        "will mostly be missed."
    )


def _scare_spans(article: Article) -> list[EvalSpan]:
    out: list[EvalSpan] = []
    sents = article.all_sentences
    starts = [s.start for s in sents]

    def sentence_at(offset: int) -> Sentence | None:
        k = bisect.bisect_right(starts, offset) - 1
        return sents[k] if k >= 0 and sents[k].start <= offset < sents[k].end else None

    for q in article.quotations:
        before = fold(article.masked[max(0, q.start - 12) : q.start]).lower()
        if q.kind != "scare" and not (q.words <= 3 and _SO_CALLED_RE.search(before)):
            continue
        inner = lookup(q.text)
        also = (
            f" The quoted word is itself evaluative: {explain(q.text, inner).split(' (')[0]}."
            if inner
            else ""
        )
        s = sentence_at(q.start)
        out.append(
            EvalSpan(
                q.start,
                q.end,
                article.text[q.start : q.end],
                "attribute",
                "distance",
                inner.polarity if inner and inner.category == "attitude" else None,
                2,
                f"“{q.text}” is set in quotation marks with no speaker (attribute: distance, "
                f"scare quote). {_WHY_SCARE[:1].upper()}{_WHY_SCARE[1:]}.{also} "
                + rule_note("scare quote", text=q.text),
                "rule",
                "scare quote",
                q.text.lower(),
                s.paragraph if s else 0,
                s.index if s else 0,
            )
        )
    return out


def _inside_any(
    s: EvalSpan, blocked: list[tuple[int, int]], scare_at: set[tuple[int, int]]
) -> bool:
    """True when ``s`` overlaps a scare quote or lies inside a reported quotation."""
    k = bisect.bisect_right(blocked, (s.start, len(blocked) and 10**12)) - 1
    for qs, qe in blocked[max(0, k - 3) : k + 3]:
        if (qs, qe) in scare_at:
            if s.start < qe and s.end > qs:
                return True
        elif qs <= s.start and s.end <= qe:
            return True
    return False


@paused_gc  # performance only: no cycles among the spans, so no collections while spotting
def spot(article_or_text: Article | str | Path, *, backup: bool = True) -> SpotResult:
    """Find evaluative language in an article, a text or a file path.

    ``backup=True`` adds strong attitude words from VADER's lexicon that the kit's
    lexicon lacks. Text without evaluative language gives an empty ``spans`` list; an
    empty text raises :class:`~framingkit.errors.InputError`, as every analysis does.

    >>> [s.text for s in spot("A massive, chaotic and deeply flawed plan.").spans]
    ['massive', 'chaotic', 'deeply', 'flawed']
    """
    a = article_or_text if isinstance(article_or_text, Article) else load_article(article_or_text)
    paras = [p for p in a.paragraphs if p.role in SPOT_ROLES]
    sentences = [s for p in paras for s in p.sentences]
    # big texts: the sentences in chunks, one per core (the same spans, in the same order)
    spans = map_chunks(functools.partial(spans_for_sentences, a, backup=backup), sentences)
    scare = _scare_spans(a)
    # a scare quote replaces what is inside it; words inside reported speech or names
    # are the speaker's, not the writer's, so they are left out
    quoted = [q for q in a.quotations if q.kind != "scare"]
    scare_at = {(s.start, s.end) for s in scare}
    blocked = sorted(
        [(q.start, q.end) for q in scare]
        + [(q.start, q.end) for q in quoted if (q.start, q.end) not in scare_at]
    )
    keep = [s for s in spans if not _inside_any(s, blocked, scare_at)]
    spans = sorted([*keep, *scare], key=lambda s: (s.start, s.end))
    span_starts = [s.start for s in spans]
    dens: list[ParagraphDensity] = []
    total_words = 0
    for p in paras:
        words = sum(  # Token.is_word, inlined (performance only)
            1
            for s in p.sentences
            for t in s.tokens
            if t.text.isalnum() or any(ch.isalnum() for ch in t.text)
        )
        total_words += words
        lo = bisect.bisect_left(span_starts, p.start)
        hi = bisect.bisect_left(span_starts, p.end)
        inside = spans[lo:hi]
        c = Counter(s.category for s in inside)
        dens.append(
            ParagraphDensity(
                p.index,
                p.role,
                p.start,
                p.end,
                words,
                len(inside),
                round(100 * len(inside) / words, 2) if words else 0.0,
                {k: c.get(k, 0) for k in CATEGORY_ORDER},
            )
        )
    note = language_note(" ".join(a.masked[p.start : p.end] for p in paras))
    if a.coverage_note:  # not every word of the input was read: say so first
        note = f"{a.coverage_note} {note}" if note else a.coverage_note
    return SpotResult(spans, note, total_words, dens, a.source, a.text, a.masked)
