"""The document model: an article with its paratext, paragraphs, sentences, tokens and quotations.

Every unit carries ``start``/``end`` character offsets into :attr:`Article.text`
(the text exactly as given), so any highlight maps back exactly:
``article.text[unit.start:unit.end] == unit.text``. Markdown markup (``**bold**``,
``*italic*``, ``[link](url)``) is recorded as paratext and blanked out in
:attr:`Article.masked` (same length as the text), which analyses read.

>>> src = "A plan is there for all to see\\nJo Bloggs (Opinion) - The Daily\\n\\nIt is. It was."
>>> a = load_article(src)
>>> a.paratext.headline.text, a.paratext.author, a.paratext.label, a.paratext.outlet
('A plan is there for all to see', 'Jo Bloggs', 'Opinion', 'The Daily')
>>> [s.text for s in a.sentences]
['It is.', 'It was.']
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import html
import os
import re
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from . import segment
from .errors import IncompleteTextWarning, InputError, gc_paused, public_caller
from .quotes import Quotation, find_quotations
from .textio import check_text, looks_like_html, read_text
from .typography import fold
from .wordlists import MONTHS

#: Paragraph roles, from one table: the role and what it is.
PARAGRAPH_ROLES: dict[str, str] = {
    "headline": "the title of the piece",
    "byline": "who wrote it, with a genre label or outlet",
    "dateline": "a line giving the date of publication",
    "standfirst": "the summary under the headline (often in italics)",
    "caption": "the words under a photo, often with a photo credit",
    "label": 'a genre label on a line of its own ("Opinion", "FOR IMMEDIATE RELEASE")',
    "translator": 'a translator\'s credit ("Translated from the Spanish by ...")',
    "note": "a correction, update or editor's note about the piece itself",
    "subheading": "a heading inside the text (a Markdown '## ' line)",
    "body": "the running text",
}
#: Roles whose sentences are the running text (analysed for claims and evaluation).
TEXT_ROLES = frozenset({"standfirst", "subheading", "body"})


@dataclass(frozen=True)
class Genre:
    """One genre of text: the labels that name it, what it tells readers, what its loss means."""

    name: str
    labels: tuple[str, ...]
    tells: str
    lost: str


#: Genres a label can name (one table: parsing, ``show``, compare explanations and docs read
#: it). ``labels`` are matched case-insensitively, as a byline's "(Label)" or a line of its own.
GENRES: dict[str, Genre] = {
    g.name: g
    for g in (
        Genre(
            "news",
            ("News", "Report", "Breaking news", "Breaking", "Local news", "World news"),
            "a news report: events told to the outlet's reporting standards",
            "readers are no longer told it is a news report, written to reporting standards "
            "rather than to argue a case",
        ),
        Genre(
            "opinion",
            (
                "Opinion",
                "Comment",
                "Commentary",
                "Column",
                "Op-Ed",
                "Editorial",
                "Leader",
                "Letters",
                "Letter",
                "Viewpoint",
            ),
            "one writer's view: an argument, not a report",
            "readers are no longer told it is one writer's view, so an argument can read as a "
            "report",
        ),
        Genre(
            "analysis",
            ("Analysis", "Explainer", "News analysis"),
            "a journalist's interpretation of the news, beyond the reported facts",
            "readers are no longer told the text interprets the news, so its interpretations "
            "can read as reported fact",
        ),
        Genre(
            "press release",
            (
                "Press release",
                "News release",
                "Media release",
                "Press statement",
                "Statement",
                "For immediate release",
            ),
            "an organisation's own account of itself, written to promote it",
            "readers are no longer told the text is the organisation's own publicity",
        ),
        Genre(
            "sponsored content",
            (
                "Sponsored",
                "Sponsored content",
                "Sponsored post",
                "Paid content",
                "Paid post",
                "Partner content",
                "Advertisement",
                "Advertorial",
                "Promoted",
                "Promotion",
            ),
            "paid for by an advertiser or sponsor",
            "readers are no longer told that someone paid for the text",
        ),
        Genre(
            "review",
            ("Review",),
            "a critic's judgement of a work or product",
            "readers are no longer told the text is a critic's judgement",
        ),
        Genre(
            "feature",
            ("Feature", "Interview", "Obituary", "Profile"),
            "a feature: a longer story told with the writer's own angle",
            "readers are no longer told the text is a feature with its own angle",
        ),
        Genre(
            "blog",
            ("Blog", "Blog post"),
            "a blog post: a personal or campaign site's own writing",
            "readers are no longer told the text is a blog post",
        ),
    )
}
_GENRE_BY_LABEL = {lab.lower(): g.name for g in GENRES.values() for lab in g.labels}
#: Genre labels a byline may carry (every label of :data:`GENRES`).
GENRE_LABELS = tuple(lab for g in GENRES.values() for lab in g.labels)


def genre_of(label: str | None) -> str | None:
    """The genre (a key of :data:`GENRES`) a label names, or ``None``.

    >>> genre_of("News release"), genre_of("Opinion"), genre_of("Weather")
    ('press release', 'opinion', None)
    """
    if not label:
        return None
    return _GENRE_BY_LABEL.get(" ".join(label.strip(" .:*_").lower().split()))


#: News agencies whose credit marks a wire story: short forms and the full name.
WIRES: dict[str, str] = {
    "AP": "Associated Press",
    "Associated Press": "Associated Press",
    "Reuters": "Reuters",
    "AFP": "Agence France-Presse",
    "Agence France-Presse": "Agence France-Presse",
    "Agence France Presse": "Agence France-Presse",
    "PA": "PA Media",
    "PA Media": "PA Media",
    "Press Association": "PA Media",
    "Bloomberg": "Bloomberg",
    "dpa": "dpa",
    "EFE": "EFE",
    "ANSA": "ANSA",
    "Xinhua": "Xinhua",
    "Kyodo": "Kyodo",
    "Yonhap": "Yonhap",
    "PTI": "Press Trust of India",
    "UPI": "United Press International",
    "AAP": "Australian Associated Press",
    "Canadian Press": "The Canadian Press",
    "The Canadian Press": "The Canadian Press",
    "TASS": "TASS",
    "Anadolu": "Anadolu Agency",
}
_WIRE_NAMES = {k.lower(): v for k, v in WIRES.items()}
#: A wire credit opening the first paragraph: "GRANGETON (AP) - ", "LONDON (Reuters) -".
_WIRE_LEAD_RE = re.compile(
    r"\W*(?:[A-Z][A-Z .,'\u2019-]{1,40}\s*)?\((?P<wire>[^)]{2,30})\)\s*[-\u2013\u2014:]"
)
#: Words that mark a body or organisation rather than a person ("Save Our Libraries
#: Northbridge", "Press Office", "Westmoor University").
_ORG_WORDS = frozenset(
    [
        "office",
        "team",
        "desk",
        "staff",
        "group",
        "campaign",
        "council",
        "university",
        "college",
        "school",
        "trust",
        "association",
        "society",
        "union",
        "party",
        "committee",
        "coalition",
        "alliance",
        "network",
        "foundation",
        "institute",
        "centre",
        "center",
        "agency",
        "ministry",
        "department",
        "company",
        "ltd",
        "inc",
        "plc",
        "llc",
        "corp",
        "news",
        "press",
        "media",
        "library",
        "libraries",
        "friends",
        "action",
        "save",
        "stop",
        "residents",
        "newsroom",
        "board",
        "club",
        "church",
        "charity",
        "bureau",
        "service",
        "services",
        "partnership",
        "project",
        "forum",
    ]
)


def _wire(name: str | None) -> str | None:
    return _WIRE_NAMES.get((name or "").strip(" .,()").lower())


def _is_org(name: str) -> bool:
    """Whether a credited name is a body or organisation, not a person.

    >>> _is_org("Save Our Libraries Northbridge"), _is_org("Press Office"), _is_org("Jo Rivera")
    (True, True, False)
    """
    words = re.findall(r"[\w'\u2019-]+", name.lower())
    return bool(set(words) & _ORG_WORDS) or len(words) > 4 or _wire(name) is not None


_MONTHS = {m: i + 1 for i, m in enumerate(MONTHS)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DMY_RE = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MDY_RE = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
#: A credit line at the foot of a wire story ("Additional reporting by Jo Bloggs in Paris;
#: editing by Tom Bell", "Reporting by Reuters").
_REPORTING_CREDIT_RE = re.compile(
    r"^\W*(?:additional\s+)?(?:reporting|editing|writing|research)\s+by\b", re.IGNORECASE
)
#: A line giving the date of an update ("Updated 5 March 2026", "Last modified: ...").
_UPDATED_RE = re.compile(r"\b(?:last\s+)?(?:updated|modified|amended|edited)\b[\s:,]*", re.I)
_DATE_LINE_RE = re.compile(
    r"^\W*(?:date|dated|published|updated|posted|first published)\b", re.IGNORECASE
)
_NAME = r"[A-Z][\w'\u2019.-]+(?:\s+(?:[A-Z][\w'\u2019.-]+|de|van|von|da|al|bin|le|la)){1,3}"
_BYLINE_RES = [
    # Name (Label) - Outlet
    re.compile(
        rf"^(?:By\s+)?(?P<author>{_NAME})\s*\((?P<label>[^)]{{2,30}})\)\s*(?:[-\u2013\u2014|,:]\s*(?P<outlet>.+?))?\s*$"
    ),
    # By Name, Outlet / By Name - Outlet / By Name
    re.compile(
        rf"^By\s+(?P<author>{_NAME})(?:\s*[-\u2013\u2014|,:]\s*(?P<outlet>.+?))?\s*$", re.IGNORECASE
    ),
    # Label: Name - Outlet   /   Name | Outlet
    re.compile(
        rf"^(?:(?P<label>{'|'.join(GENRE_LABELS)})\s*[:|]\s*)?(?P<author>{_NAME})\s*[|\u2013\u2014]\s*(?P<outlet>[A-Z].{{1,40}}?)\s*$"
    ),
]
_CREDIT_RE = re.compile(
    r"\s[-\u2013\u2014|/]\s*(?P<credit>(?:[A-Z][A-Z.'\u2019&/ -]{1,40}"
    r"|(?:Photo|Image|Credit|Getty|Reuters|AP|AFP|EPA)\b.{0,40}))\s*$"
)
#: A translator's credit: "Translated from the Spanish by Ana Ruiz", "Translation: Ana Ruiz",
#: "Translated by Jo Bloggs and Tom Bell", "English translation by ...". The name (if any) must
#: look like a name (capitalised), so a sentence that begins "Translated by machine, ..." is not
#: taken for a credit.
_TRANSLATOR_RE = re.compile(
    r"^[(\[]?\s*(?i:(?:an?\s+)?(?:english\s+)?(?:translated|translation|translators?)\b)"
    r"(?P<src>\s+(?i:from|into|of)\s+(?i:the\s+)?(?i:original\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?"
    r"(?:\s*(?:\b(?i:by)\b|:|[-\u2013\u2014])\s*(?P<name>[A-Z][\w'\u2019.-]*"
    r"(?:(?:\s+|\s*,\s*|\s*&\s*)(?:and\s+|with\s+)?(?:[A-Z][\w'\u2019.-]*|de|van|von|da|al|le|la))*))?"
    r"\s*[.)\]]*\s*$"
)
#: The start of a note about the piece itself: a correction, clarification, update or editor's
#: note ("Correction: An earlier version of this article misstated ...", "This article was
#: amended on ...", "Editor's note: ...", "Update: ...").
_PIECE = r"(?:article|story|piece|report|post|column|interview|review|feature|blog)"
_NOTE_RE = re.compile(
    r"^[*_\s]*(?:"
    r"(?P<label>corrections?\s+and\s+clarifications?|corrections?|clarifications?|updates?|"
    r"editors?['\u2019]?s?\s+note|note\s+from\s+the\s+editors?|authors?['\u2019]?s?\s+note|"
    r"amendments?|erratum|errata|notes?\s+(?:to|for)\s+editors?|"
    r"(?:media|press)\s+(?:contacts?|enquiries|inquiries))\s*(?:\([^)]{0,40}\)\s*)?[:\u2013\u2014-]"
    rf"|this\s+{_PIECE}\s+(?:was|has\s+been|had\s+been|is\s+being)\s+(?:\w+\s+)?"
    r"(?:amended|updated|corrected|changed|edited|revised|clarified|altered)\b"
    rf"|an\s+earlier\s+version\s+of\s+this\s+{_PIECE}\b"
    r")",
    re.IGNORECASE,
)
#: Kinds of note about the piece, for explanations (a key of this table: ``note_kind``).
NOTE_KINDS: dict[str, str] = {
    "correction": "a correction note",
    "clarification": "a clarification",
    "update": "an update note",
    "editor": "an editor's note",
    "author": "an author's note",
    "amendment": "a note that the piece was amended",
    "press": "a note for journalists (notes to editors, media contacts)",
}
_CAPTION_START_RE = re.compile(r"^(?:Photo|Picture|Image|Caption|Pictured)\s*[:\-\u2013]", re.I)
_BOLD_RE = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.DOTALL)
#: (The marks' look-behinds come after the first mark, ``[*_](?<![*\w].)`` for
#: ``(?<![*\w])[*_]``, and the split starts with its line break, ``(?:\r\n|\n)`` for ``\r?\n``:
#: the same matches, and the regex engine can skip ahead to a mark or a line break, several
#: times faster.)
_ITALIC_RE = re.compile(r"[*_](?<![*\w].)(?=\S)(.+?)(?<=\S)[*_](?![*\w])", re.DOTALL)
_LINK_RE = re.compile(r"\[([^\]\n]+)\]\(([^)\s]*)\)")
_URL_RE = re.compile(r"\bhttps?://[^\s<>\"')\]]+")
_BLOCK_SPLIT_RE = re.compile(r"(?:\r\n|\n)[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)+")
#: Markdown block markers at the start of a line: an ATX heading ("## ") or a list bullet
#: ("- ", "* ", "+ ", "1. "). They are blanked in the masked text, like inline markup.
_HEADING_MARK_RE = re.compile(r"(?m)^[ \t]{0,3}(#{1,6})[ \t]+(?=\S)")
_BULLET_MARK_RE = re.compile(r"(?m)^[ \t]{0,3}(?:[-*+\u2022]|\d{1,3}[.)])[ \t]+(?=\S)")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


#: One character ``str.isalnum`` accepts (``\w`` is those and ``_``; both read the same table).
_ALNUM_RE = re.compile(r"[^\W_]")


@dataclass(frozen=True, slots=True)
class Token(Span):
    """A word, number or punctuation mark; ``norm`` is folded and lower-cased."""

    norm: str = ""

    @property
    def is_word(self) -> bool:
        """True for words and numbers, False for punctuation."""
        t = self.text
        return t.isalnum() or _ALNUM_RE.search(t) is not None  # any(ch.isalnum() for ch in t)


#: The setters of a :class:`Token`'s slots (start, end, text, norm): parsing builds one token
#: per word with ``object.__new__`` and these, as ``Token(start, end, text, norm)`` would, about
#: twice as fast as the frozen dataclass' ``__init__`` (performance only).
_TOKEN_SETTERS: tuple[Callable[[Token, object], None], ...] = tuple(
    getattr(Token, name).__set__ for name in ("start", "end", "text", "norm")
)
assert [f.name for f in dataclasses.fields(Token)] == ["start", "end", "text", "norm"]


@dataclass(frozen=True, slots=True)
class Sentence(Span):
    """A sentence; ``clean`` has markup removed and white space collapsed.

    ``index`` counts sentences in the whole article; ``paragraph`` is the index
    of its paragraph; ``repair`` says how damaged punctuation was handled.
    """

    index: int = 0
    paragraph: int = 0
    clean: str = ""
    repair: str = ""
    tokens: tuple[Token, ...] = ()


#: The setters of a :class:`Sentence`'s slots, in the order of its fields (see
#: :data:`_TOKEN_SETTERS`; performance only).
_SENTENCE_SETTERS: tuple[Callable[[Sentence, object], None], ...] = tuple(
    getattr(Sentence, f.name).__set__ for f in dataclasses.fields(Sentence)
)


@dataclass(frozen=True, slots=True)
class Paragraph(Span):
    """A paragraph with its role (a key of :data:`PARAGRAPH_ROLES`) and sentences."""

    index: int = 0
    role: str = "body"
    clean: str = ""
    sentences: tuple[Sentence, ...] = ()


@dataclass(frozen=True, slots=True)
class Markup(Span):
    """Emphasis or a link.

    ``kind`` is ``bold``, ``italic`` or ``link``; ``inner`` is the shown text.
    """

    kind: str = ""
    inner: Span | None = None
    target: str = ""


@dataclass(frozen=True)
class Paratext:
    """What frames the text: headline, byline, label, outlet, date, captions, links, emphasis.

    ``translator`` is the translator named by a credit line ("Translated from the Spanish by
    Ana Ruiz" gives ``'Ana Ruiz'``; ``""`` for a credit that names nobody), ``translator_span``
    the line itself; ``notes`` are correction, update and editor's notes about the piece.

    ``author`` is the person (or office) credited with writing it; ``publisher`` the outlet,
    organisation or group that publishes it ("Posted by Save Our Libraries Northbridge" gives a
    publisher and no author); ``label`` the genre label as printed and ``genre`` the genre it
    names (a key of :data:`GENRES`, ``None`` for a label the table does not know);
    ``wire`` the news agency credited ("(AP) -", "By Jo Bloggs, Reuters"); ``date`` the date
    of publication and ``updated`` the date of an "Updated ..." line. Each is ``None`` when the
    text does not say.
    """

    headline: Span | None = None
    byline: Span | None = None
    author: str | None = None
    label: str | None = None
    outlet: str | None = None
    date: str | None = None
    date_span: Span | None = None
    standfirst: Span | None = None
    captions: tuple[Span, ...] = ()
    caption_credits: tuple[str, ...] = ()
    links: tuple[Markup, ...] = ()
    emphasis: tuple[Markup, ...] = ()
    translator: str | None = None
    translator_span: Span | None = None
    notes: tuple[Span, ...] = ()
    publisher: str | None = None
    genre: str | None = None
    wire: str | None = None
    updated: str | None = None
    updated_span: Span | None = None
    label_span: Span | None = None

    def summary(self) -> dict[str, object]:
        """Plain values for display: what was found, ``None`` where nothing was."""
        return {
            "headline": self.headline.text if self.headline else None,
            "author": self.author,
            "label": self.label,
            "outlet": self.outlet,
            "publisher": self.publisher,
            "genre": self.genre,
            "wire": self.wire,
            "date": self.date,
            "updated": self.updated,
            "standfirst": bool(self.standfirst),
            "captions": [c.text for c in self.captions],
            "links": [m.inner.text if m.inner else m.text for m in self.links],
            "emphasis": [f"{m.kind}: {m.inner.text if m.inner else m.text}" for m in self.emphasis],
            "translator": (
                (self.translator or self.translator_span.text) if self.translator_span else None
            ),
            "notes": [" ".join(n.text.split()) for n in self.notes],
        }


@dataclass(frozen=True)
class Article:
    """A parsed text. ``masked`` equals ``text`` with markup characters blanked (same length)."""

    text: str
    masked: str
    paragraphs: tuple[Paragraph, ...]
    quotations: tuple[Quotation, ...]
    paratext: Paratext
    source: str = "<text>"
    source_format: str = "text"
    markup: tuple[Markup, ...] = field(default=())
    #: A plain sentence when not every word of the input is in the text analysed (an HTML
    #: element that swallowed text, say); ``None`` when everything is covered.
    coverage_note: str | None = None

    @property
    def sentences(self) -> list[Sentence]:
        """Sentences of the running text (standfirst and body), in order."""
        return [s for p in self.paragraphs if p.role in TEXT_ROLES for s in p.sentences]

    @property
    def all_sentences(self) -> list[Sentence]:
        """Every sentence, paratext included (headline, byline, caption ...)."""
        return [s for p in self.paragraphs for s in p.sentences]

    @property
    def body(self) -> list[Paragraph]:
        """Paragraphs of the running text (standfirst and body)."""
        return [p for p in self.paragraphs if p.role in TEXT_ROLES]

    @property
    def tokens(self) -> list[Token]:
        """Every token of every paragraph, in order."""
        return [t for s in self.all_sentences for t in s.tokens]

    @property
    def folded(self) -> str:
        """The masked text with typography folded (same length as :attr:`text`)."""
        return fold(self.masked)

    def span(self, start: int, end: int) -> Span:
        """The :class:`Span` for ``text[start:end]``."""
        return Span(start, end, self.text[start:end])

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains ``offset``, or ``None`` (by bisect on sentence starts)."""
        sents, starts = self._sentence_index
        k = bisect.bisect_right(starts, offset) - 1
        return sents[k] if k >= 0 and sents[k].start <= offset < sents[k].end else None

    @functools.cached_property
    def _sentence_index(self) -> tuple[list[Sentence], list[int]]:
        sents = self.all_sentences  # in text order, not overlapping
        return sents, [s.start for s in sents]


# --------------------------------------------------------------------------- markup


_NOT_LINE_BREAK_RE = re.compile(r"[^\r\n]")


def _blanked(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with every character in ``ranges`` made a space, except line breaks (the ranges
    may overlap); the same length as ``text``."""
    if not ranges:
        return text
    pieces: list[str] = []
    pos = 0
    for s, e in sorted(ranges):
        s = max(s, pos)
        if e > s:
            pieces.append(text[pos:s])
            pieces.append(_NOT_LINE_BREAK_RE.sub(" ", text[s:e]))
            pos = e
    pieces.append(text[pos:])
    return "".join(pieces)


def _find_markup(text: str) -> tuple[str, list[Markup]]:
    """Return the masked text and the markup found (bold, italic, links)."""
    found: list[Markup] = []
    ranges: list[tuple[int, int]] = []  # what to blank next, in the text so far

    for rx in (_HEADING_MARK_RE, _BULLET_MARK_RE):
        ranges.extend(m.span() for m in rx.finditer(text))
    for m in _LINK_RE.finditer(text):
        inner = Span(m.start(1), m.end(1), m.group(1))
        found.append(Markup(m.start(), m.end(), m.group(), "link", inner, m.group(2)))
        ranges.append((m.start(), m.start(1)))
        ranges.append((m.end(1), m.end()))
    work = _blanked(text, ranges)
    ranges = []
    for m in _BOLD_RE.finditer(work):
        if "\n\n" in m.group(1):
            continue
        inner = Span(m.start(1), m.end(1), text[m.start(1) : m.end(1)])
        found.append(Markup(m.start(), m.end(), text[m.start() : m.end()], "bold", inner))
        ranges.append((m.start(), m.start() + 2))
        ranges.append((m.end() - 2, m.end()))
    work = _blanked(work, ranges)
    ranges = []
    for m in _ITALIC_RE.finditer(work):
        if "\n\n" in m.group(1) or "\n\r\n" in m.group(1):
            continue
        inner = Span(m.start(1), m.end(1), text[m.start(1) : m.end(1)])
        found.append(Markup(m.start(), m.end(), text[m.start() : m.end()], "italic", inner))
        ranges.append((m.start(), m.start() + 1))
        ranges.append((m.end() - 1, m.end()))
    work = _blanked(work, ranges)
    for m in _URL_RE.finditer(work) if "://" in work else ():  # a URL holds "://"
        found.append(
            Markup(
                m.start(),
                m.end(),
                m.group(),
                "link",
                Span(m.start(), m.end(), m.group()),
                m.group(),
            )
        )
    found.sort(key=lambda x: (x.start, x.end))
    return work, found


@functools.lru_cache(maxsize=16)
def markup_of(text: str) -> tuple[Markup, ...]:
    """The Markdown markup in ``text``, as :attr:`Article.markup` records it (for views).

    >>> [(m.kind, m.inner.text) for m in markup_of("A **big** [deal](#).")]
    [('bold', 'big'), ('link', 'deal')]
    """
    return tuple(_find_markup(text)[1])


# --------------------------------------------------------------------------- blocks


_LINE_RE = re.compile(r"[^\r\n]+")
#: White space that ``" ".join(s.split())`` would change: a run, a line break or tab, an end.
_NOT_CLEAN_RE = re.compile(r"[^\S ]|  |^ | $")


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines of ``text[start:end]``, white space stripped, empty ones left out."""
    if text.find("\n", start, end) < 0 and text.find("\r", start, end) < 0:
        spans = [(start, end)] if start < end else []  # one line: no regex (performance only)
    else:
        spans = [m.span() for m in _LINE_RE.finditer(text, start, end)]
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _blocks(masked: str) -> list[tuple[int, int]]:
    """Paragraph candidates: blank-line separated blocks; short header lines stand alone."""
    blocks: list[tuple[int, int]] = []
    pos = 0
    for m in [*list(_BLOCK_SPLIT_RE.finditer(masked)), None]:
        stop = m.start() if m else len(masked)
        lines = _lines(masked, pos, stop)
        if len(lines) == 1:
            blocks.append(lines[0])  # one line: one paragraph, whatever it holds
        elif lines:
            # hard-wrapped prose stays one paragraph; a stack of short lines splits
            header_like = any(
                _match_byline(masked[s:e].strip()) or _DATE_LINE_RE.match(masked[s:e].strip())
                for s, e in lines
            )
            prose = (
                len(lines) > 1
                and not header_like
                and all(
                    (e - s) > 50 and not re.search(r"[.!?\"\u201d]$", masked[s:e])
                    for s, e in lines[:-1]
                )
            )
            if prose or len(lines) == 1:
                blocks.append((lines[0][0], lines[-1][1]))
            else:
                blocks.extend(lines)
        pos = m.end() if m else len(masked)
    return blocks


def _line_start(text: str, pos: int) -> int:
    """The offset where the line holding ``pos`` starts."""
    return text.rfind("\n", 0, pos) + 1


_WORD_RE = re.compile(r"[\w'\u2019-]+")


def _words(s: str) -> int:
    return len(_WORD_RE.findall(s))


def _parse_date(s: str) -> str | None:
    m = _ISO_DATE_RE.search(s)
    try:
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        m = _DMY_RE.search(s)
        if m and m.group(2).lower() in _MONTHS:
            return date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1))).isoformat()
        m = _MDY_RE.search(s)
        if m and m.group(1).lower() in _MONTHS:
            return date(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2))).isoformat()
    except ValueError:
        return None
    return None


#: A byline's tail that names the writer's job, not the outlet ("By Jo Bloggs, Health Editor").
_JOB_TITLE_RE = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|columnist|critic|contributor|journalist|"
    r"staff|producer|analyst|commentator)s?\b",
    re.IGNORECASE,
)


#: "Posted by X - date", "Posted on date by X", "Published by X": web posts, blogs, campaign
#: sites. ``who`` is a person (the author) or a body (the publisher), see :func:`_is_org`.
_POSTED_RE = re.compile(
    r"^(?:Posted|Published|Written|Shared|Uploaded)\s+(?:on\s+(?P<when>.+?)\s+)?by\s+"
    r"(?P<who>[A-Z][^|\u2013\u2014]{1,80}?)"
    r"(?:\s*(?:\s[-\u2013\u2014|\u00b7\u2022]\s|[|,\u00b7\u2022]|\bon\b|\bin\b)\s*(?P<rest>.+?))?\s*$",
    re.IGNORECASE,
)
#: "Name - Outlet" with a plain hyphen: only when the outlet is a short capitalised name.
_NAME_DASH_OUTLET_RE = re.compile(
    rf"^(?P<author>{_NAME})\s+[-\u2013\u2014|]\s+(?P<outlet>(?:The\s+)?[A-Z][\w'.&-]*"
    r"(?:\s+(?:[A-Z][\w'.&-]*|of|the|and|&)){0,5})\s*$"
)
#: Separators between the parts of a byline ("By X | Outlet | 12 May 2025").
_PART_SPLIT_RE = re.compile(r"\s+[-\u2013\u2014|\u00b7\u2022]\s+|\s*\|\s*")


def _split_date(line: str) -> tuple[str, str | None]:
    """A byline without its trailing date part, and that date (ISO) if there was one."""
    parts = _PART_SPLIT_RE.split(line)
    if len(parts) > 1 and _words(parts[-1]) <= 6 and _parse_date(parts[-1]):
        head = line[: line.rfind(parts[-1])].rstrip(" -\u2013\u2014|\u00b7\u2022,")
        return head, _parse_date(parts[-1])
    m = re.search(r",?\s+on\s+(?P<d>[^,]{6,30})$", line)
    if m and _words(m.group("d")) <= 4 and _parse_date(m.group("d")):
        return line[: m.start()], _parse_date(m.group("d"))
    return line, None


def _credit_parts(outlet: str | None) -> tuple[str | None, str | None]:
    """``(publisher, wire)`` of a byline's outlet part: "Associated Press | The Daily Standard"
    gives ``('The Daily Standard', 'Associated Press')``."""
    if not outlet:
        return None, None
    parts = [p.strip() for p in re.split(r"\s*[|/]\s*|\s+for\s+", outlet) if p.strip()]
    wires = [_wire(p) for p in parts if _wire(p)]
    others = [p for p in parts if not _wire(p)]
    wire = wires[0] if wires else None
    return (others[-1] if others else wire), wire


def _match_byline(line: str) -> dict[str, str | None] | None:
    """Who wrote and who published a byline-like line, or ``None`` for another line.

    >>> d = _match_byline("By Press Office (News release) - Westmoor University")
    >>> d["author"], d["label"], d["genre"], d["publisher"]
    ('Press Office', 'News release', 'press release', 'Westmoor University')
    >>> d = _match_byline("Posted by Save Our Libraries Northbridge - 14 May 2025")
    >>> d["author"], d["publisher"], d["date"]
    (None, 'Save Our Libraries Northbridge', '2025-05-14')
    """
    line = line.strip()
    low = line.lower()
    if not line[:1].isupper() and not low.startswith("by "):
        return None  # every byline form starts with a capital ("By", "Posted", a name)
    sentence_like = re.search(r"[.!?]$", line.rstrip(")")) and not line.endswith(")")
    by_start = low.startswith("by ") or bool(_POSTED_RE.match(line))
    if (sentence_like or _words(line) > 16) and not by_start:  # the cheap test first
        return None
    if by_start and sentence_like and _words(line) > 10:
        return None  # "Published by Penguin in 2003, the book sold ..." is running text
    core, when = _split_date(line)
    m = _POSTED_RE.match(core)
    if m:
        who = m.group("who").strip(" ,")
        rest = (m.group("rest") or "").strip()
        when = when or _parse_date(m.group("when") or "") or _parse_date(rest)
        label = rest if genre_of(rest) else None
        outlet = rest if rest and not label and not _parse_date(rest) else None
        org = _is_org(who)
        publisher, wire = _credit_parts(outlet)
        return {
            "author": None if org else who,
            "label": label,
            "outlet": outlet,
            "publisher": (who if org else publisher),
            "genre": genre_of(label),
            "wire": wire or _wire(who),
            "date": when,
        }
    for rx in (*_BYLINE_RES, _NAME_DASH_OUTLET_RE):
        m = rx.match(core)
        if not m:
            continue
        d = m.groupdict()
        label = (d.get("label") or "").strip() or None
        # "(Opinion)" style labels must name a genre or a news agency, unless the line
        # starts with "By" (then an unknown label is kept, with no genre)
        known = genre_of(label) or _wire(label) or low.startswith("by ")
        if label and rx is _BYLINE_RES[0] and not known:
            continue
        outlet = (d.get("outlet") or "").strip() or None
        if outlet and _JOB_TITLE_RE.search(outlet) and "," not in outlet:
            outlet = None  # "Environment Correspondent" is the writer's job, not an outlet
        publisher, wire = _credit_parts(outlet)
        if label and _wire(label):
            wire, label = _wire(label), None
        return {
            "author": d["author"].strip(),
            "label": label,
            "outlet": outlet,
            "publisher": publisher,
            "genre": genre_of(label),
            "wire": wire,
            "date": when,
        }
    return None


def _label_line(line: str) -> str | None:
    """The genre a line of its own names ("Opinion", "FOR IMMEDIATE RELEASE"), or ``None``.

    >>> _label_line("FOR IMMEDIATE RELEASE"), _label_line("Sponsored content"), _label_line("Hi")
    ('press release', 'sponsored content', None)
    """
    return genre_of(line) if _words(line) <= 4 else None


def _is_latin_text(line: str) -> bool:
    """Whether most letters of ``line`` are Latin (captions are recognised in Latin script only:
    a paragraph in Chinese, with its own sentence marks, is running text)."""
    if line.isascii():
        return True
    letters = [ch for ch in line if ch.isalpha()]
    latin = sum(1 for ch in letters if ch.isascii() or "LATIN" in unicodedata.name(ch, ""))
    return not letters or latin >= 0.8 * len(letters)


def _match_translator(line: str) -> str | None:
    """The translator named by a credit line, ``""`` for a credit with no name, else ``None``.

    >>> _match_translator("Translated from the Spanish by Ana Ruiz")
    'Ana Ruiz'
    >>> _match_translator("Translated by machine, the text was full of errors.") is None
    True
    """
    m = _TRANSLATOR_RE.match(line.strip())  # before counting words: it fails fast
    if not m or not (m.group("src") or m.group("name")) or _words(line) > 20:
        return None
    return (m.group("name") or "").strip(" .,") if m.group("name") else ""


def note_kind(line: str) -> str | None:
    """The kind of note (a key of :data:`NOTE_KINDS`) that ``line`` opens, or ``None``.

    >>> note_kind("Correction: An earlier version of this article misstated the cost.")
    'correction'
    >>> note_kind("This article was amended on 3 May 2024."), note_kind("It rained.")
    ('amendment', None)
    """
    m = _NOTE_RE.match(line)
    if not m:
        return None
    label = (m.group("label") or "").lower()
    if re.match(r"notes?\s+(?:to|for)\s+editor|media|press", label):
        return "press"
    for key in ("clarification", "correction", "update", "editor", "author"):
        if label.startswith(key) or (key == "correction" and label.startswith("errat")):
            return key
    if label.startswith("amendment"):
        return "amendment"
    low = m.group(0).lower()
    if "earlier version" in low or "correct" in low:
        return "correction"
    return "update" if "updated" in low else "amendment"


def _ends_like_sentence(s: str) -> bool:
    return re.search(r"[.!?:;][\"'\u201d\u2019)\]*_]*$", s.rstrip()) is not None


# --------------------------------------------------------------------------- html


class _HTMLText(HTMLParser):
    BLOCKS = frozenset(
        [
            "p",
            "div",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "li",
            "blockquote",
            "figcaption",
            "title",
            "br",
            "tr",
            "section",
            "article",
            "header",
        ]
    )
    #: Not part of the story: scripts, styles, the head, site navigation and the page footer.
    SKIP = frozenset(["script", "style", "noscript", "template", "svg", "head", "nav", "footer"])

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        #: where each skipped element still open began: (line, column) from ``getpos``
        self.open_skips: list[tuple[int, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.open_skips.append(self.getpos())
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.SKIP:  # <svg/>, <br/>: nothing to skip
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            if self.open_skips:
                self.open_skips.pop()
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.open_skips:
            self.parts.append(re.sub(r"\s+", " ", data))


#: How many passes read unclosed <script>/<svg>/... tags as text before giving up (a
#: <script> hides the tags after it, so each pass may find more); what is still lost then
#: is reported by the coverage check.
_MAX_UNCLOSED = 8


def html_to_text(markup: str) -> str:
    """Turn an HTML page into plain text with blank lines between blocks.

    Scripts, styles, the head, navigation and the footer are left out. A ``<script>``,
    ``<svg>`` ... that is never closed does not swallow the rest of the page: its tag is
    read as text.

    >>> html_to_text("<h1>Title</h1><p>One &amp; two.</p><script>x()</script>")
    'Title\\n\\nOne & two.'
    >>> html_to_text("<p>Post a <script> tag.</p><p>The rest stays.</p>")
    'Post a <script> tag.\\n\\nThe rest stays.'
    """
    for _ in range(_MAX_UNCLOSED + 1):
        parser = _HTMLText()
        parser.feed(markup)
        parser.close()
        if not parser.open_skips:
            break
        lines = _line_offsets(markup)
        for line, col in reversed(parser.open_skips):  # elements never closed: tags as text
            at = lines[line - 1] + col
            markup = markup[:at] + "&lt;" + markup[at + 1 :]
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return html.unescape(text).strip()


def _line_offsets(text: str) -> list[int]:
    """The offset where each line of ``text`` starts (as ``HTMLParser.getpos`` counts lines)."""
    return [0, *(m.end() for m in re.finditer(r"\r\n?|\n", text))]


# --------------------------------------------------------------------------- coverage

_COVER_WORD_RE = re.compile(r"\w+")
_CLOSED_SKIP_RE = re.compile(
    r"<(script|style|noscript|template|svg|head|nav|footer)\b[^>]*>.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>|<![^>]*>|<\?[^>]*>")
#: Share of the input's words that may be missing before the analysis says so.
COVERAGE_TOLERANCE = 0.005


def page_words(markup: str) -> list[str]:
    """The words of an HTML page a reader sees, found independently of the converter.

    Comments, tags and *closed* script, style, head, navigation and footer elements are
    left out (the converter leaves those out on purpose); everything else counts.

    >>> page_words("<p>One <b>two</b></p><script>x()</script><nav>Home</nav>")
    ['One', 'two']
    """
    shown = _TAG_RE.sub(" ", _CLOSED_SKIP_RE.sub(" ", _COMMENT_RE.sub(" ", markup)))
    return _COVER_WORD_RE.findall(html.unescape(shown))


def coverage_note(expected: list[str], analysed: list[str], what: str = "text") -> str | None:
    """A plain sentence when ``analysed`` lacks more than a trace of the ``expected`` words.

    >>> coverage_note(["a", "big", "deal"], ["a", "big", "deal"]) is None
    True
    >>> coverage_note("the rest of the page was lost".split(), ["the"])[:40]
    'Not all of the text was analysed: 6 of i'
    """
    if not expected:
        return None
    missing = Counter(w.lower() for w in expected)
    missing.subtract(w.lower() for w in analysed)
    lost = sum(n for n in missing.values() if n > 0)
    if lost <= max(2, COVERAGE_TOLERANCE * len(expected)):
        return None
    return (
        f"Not all of the {what} was analysed: {lost:,} of its {len(expected):,} words "
        f"({lost / len(expected):.0%}) are missing from the text the kit read; "
        "check the file, or save it as plain text."
    )


def _plain_coverage(article: Article) -> str | None:
    """Words of the text that fall outside every paragraph (none, when parsing is sound)."""
    lost: list[str] = []
    pos = 0
    for p in sorted(article.paragraphs, key=lambda p: p.start):
        lost.extend(_COVER_WORD_RE.findall(article.masked, pos, p.start))
        pos = max(pos, p.end)
    lost.extend(_COVER_WORD_RE.findall(article.masked, pos))
    if not lost:
        return None
    inside = [
        w
        for p in article.paragraphs
        for w in _COVER_WORD_RE.findall(article.masked, p.start, p.end)
    ]
    return coverage_note([*inside, *lost], inside)


# --------------------------------------------------------------------------- parsing


def parse(text: str, source: str = "<text>", source_format: str = "text") -> Article:
    """Parse ``text`` into an :class:`Article` (see :func:`load_article`)."""
    masked, markup = _find_markup(text)
    blocks = _blocks(masked)
    roles: list[str] = ["body"] * len(blocks)
    headline = byline = date_span = standfirst = None
    author = label = outlet = the_date = None
    captions: list[Span] = []
    credits: list[str] = []
    notes: list[Span] = []
    translator: str | None = None
    translator_span: Span | None = None

    publisher = genre = wire = updated = None
    updated_span = label_span = None

    # header zone: up to six short lines at the top before the running text
    header_done = False
    for i, (s, e) in enumerate(blocks[:6]):
        line = masked[s:e].strip()
        if header_done:
            break
        by = _match_byline(line) if byline is None else None
        if by and (by["author"] or by["publisher"]):
            roles[i] = "byline"
            byline = Span(s, e, text[s:e])
            author, label, outlet = by["author"], by["label"], by["outlet"]
            publisher, wire = by["publisher"], by["wire"]
            genre = by["genre"] or genre
            if by["date"] and the_date is None:
                the_date, date_span = by["date"], Span(s, e, text[s:e])
            continue
        if (
            _words(line) <= 12
            and (_DATE_LINE_RE.match(line) or _parse_date(line))
            and (_DATE_LINE_RE.match(line) or _words(line) <= 6)
        ):
            roles[i] = "dateline"
            up = _UPDATED_RE.search(line)
            before = line[: up.start()] if up else line
            if up and _parse_date(line[up.end() :]) and updated is None:
                updated, updated_span = _parse_date(line[up.end() :]), Span(s, e, text[s:e])
            if _parse_date(before) and the_date is None:
                the_date, date_span = _parse_date(before), Span(s, e, text[s:e])
            continue
        if translator_span is None and _match_translator(line) is not None:
            roles[i] = "translator"
            translator, translator_span = _match_translator(line), Span(s, e, text[s:e])
            continue
        if label_span is None and _label_line(line):
            roles[i] = "label"
            label_span = Span(s, e, text[s:e])
            genre = genre or _label_line(line)
            label = label or " ".join(line.split())
            continue
        if byline is None and (
            line.lower().startswith(("by ", "posted by ")) and _words(line) <= 16
        ):
            roles[i] = "byline"  # a credit the kit cannot read: kept as a byline, fields empty
            byline = Span(s, e, text[s:e])
            continue
        if (
            headline is None
            and byline is None
            and _words(line) <= 30
            and not re.search(r"[.:;,]$", line)
            and i + 1 < len(blocks)
        ):
            roles[i] = "headline"
            headline = Span(s, e, text[s:e])
            continue
        header_done = True

    # standfirst: the first text paragraph after a headline or byline, if wholly emphasised
    emphasised = [(m.start, m.end) for m in markup if m.kind in ("italic", "bold")]
    for i, (s, e) in enumerate(blocks):
        if roles[i] != "body":
            continue
        wholly = any(ms <= s and me >= e for ms, me in emphasised)
        if (headline or byline) and wholly and _words(masked[s:e]) >= 8:
            roles[i] = "standfirst"
            standfirst = Span(s, e, text[s:e])
        break

    # Markdown blocks: a heading after the header zone is a subheading; a list item is body
    for i, (s, _e) in enumerate(blocks):
        if roles[i] == "body" and _HEADING_MARK_RE.match(text, _line_start(text, s)):
            roles[i] = "subheading"
    listed = {
        i for i, (s, _e) in enumerate(blocks) if _BULLET_MARK_RE.match(text, _line_start(text, s))
    }

    # translator credits and notes about the piece (corrections, updates, editor's notes)
    for i, (s, e) in enumerate(blocks):
        if roles[i] != "body" or i in listed:
            continue
        line = masked[s:e].strip()
        if translator_span is None and _match_translator(line) is not None:
            roles[i] = "translator"
            translator, translator_span = _match_translator(line), Span(s, e, text[s:e])
        elif note_kind(line):
            roles[i] = "note"
            notes.append(Span(s, e, text[s:e]))

    # a wire credit opening the running text: "GRANGETON (AP) - Police ..."
    first_body = next((i for i, r in enumerate(roles) if r == "body"), None)
    if first_body is not None:
        m = _WIRE_LEAD_RE.match(masked, blocks[first_body][0], blocks[first_body][1])
        if m and _wire(m.group("wire")):
            wire = wire or _wire(m.group("wire"))

    # captions: short paragraphs with no sentence ending, or a photo credit, or "Photo:";
    # never a Markdown table row, a byline-like credit or a paragraph in a non-Latin script
    for i, (s, e) in enumerate(blocks):
        if roles[i] != "body" or i in listed:
            continue
        line = masked[s:e].strip()
        # (each test is pure, so the cheap ones come first and words are counted only when
        # needed: the order changes nothing but the time)
        if _UPDATED_RE.match(line) and _words(line) <= 12 and _parse_date(line):
            roles[i] = "dateline"  # "Updated 5 March 2026" below the text: not a caption
            if updated is None:
                updated, updated_span = _parse_date(line), Span(s, e, text[s:e])
            continue
        if _REPORTING_CREDIT_RE.match(line) and _words(line) <= 20:
            roles[i] = "byline"  # "Additional reporting by ...; editing by ...": a credit
            named = [_wire(w) for w in re.split(r"[;,]|\band\b|\bby\b", line) if _wire(w)]
            wire = wire or (named[0] if named else None)
            continue
        if _wire(line.strip(" -\u2013\u2014()")):
            wire = wire or _wire(line.strip(" -\u2013\u2014()"))
            continue
        is_caption = bool(_CAPTION_START_RE.match(line)) or (
            not _ends_like_sentence(line)
            and 3 <= _words(line) <= 40
            and (i + 1 < len(blocks) or _CREDIT_RE.search(line) is not None)
        )
        if is_caption and (
            line.startswith("|")
            or line.lower().startswith(("by ", "posted by "))
            or not _is_latin_text(line)
        ):
            continue
        if is_caption:
            roles[i] = "caption"
            captions.append(Span(s, e, text[s:e]))
            credit = _CREDIT_RE.search(line)
            if credit:
                credits.append(credit.group("credit").strip())

    # sentences and tokens per paragraph
    paragraphs: list[Paragraph] = []
    sent_index = 0
    token_iter = segment.TOKEN_RE.finditer
    new_token = new_object = object.__new__
    set_start, set_end, set_text, set_norm = _TOKEN_SETTERS
    #: each word's one shared string and its norm (a pure function of the word: a token's text
    #: is ``masked[ts:te]``, never blanked, and folding maps character to character, so its norm
    #: is ``fold(text).lower()``): fewer strings kept, less slicing (performance only)
    words: dict[str, tuple[str, str]] = {}
    for i, (s, e) in enumerate(blocks):
        sents: list[Sentence] = []
        bounds = (
            segment.split_sentences(masked, s, e)
            if roles[i] in TEXT_ROLES or roles[i] in ("caption", "note")
            else [(s, e, "")]
        )
        for ss, se, note in bounds:
            # segment.split_tokens' tokens, built in one loop; a token's norm shares the string
            # when folding and lower-casing change nothing (performance only)
            toks_list = []
            for m in token_iter(masked, ss, se):
                w = words.get(raw := m.group())
                if w is None:
                    norm = fold(raw).lower()
                    w = words[raw] = (raw, raw if norm == raw else norm)
                ts, te = m.span()
                toks_list.append(tok := new_token(Token))  # Token(ts, te, *w), inlined
                set_start(tok, ts)
                set_end(tok, te)
                set_text(tok, w[0])
                set_norm(tok, w[1])
            toks = tuple(toks_list)
            seg, raw = masked[ss:se], text[ss:se]
            clean = " ".join(seg.split()) if _NOT_CLEAN_RE.search(seg) else seg
            # a clean text equal to the text shares its string (performance only)
            sent = new_object(Sentence)  # Sentence(ss, se, raw, ...), by its slots
            for setter, value in zip(
                _SENTENCE_SETTERS,
                (ss, se, raw, sent_index, i, raw if clean == raw else clean, note, toks),
                strict=True,
            ):
                setter(sent, value)
            sents.append(sent)
            sent_index += 1
        # the sentences cover the paragraph but for white space between them, so its clean
        # text is theirs joined (performance only: the paragraph is not split again)
        raw, clean = text[s:e], " ".join(x.clean for x in sents)
        paragraphs.append(
            Paragraph(s, e, raw, i, roles[i], raw if clean == raw else clean, tuple(sents))
        )

    # quotations, found in the running text, captions and headline alike
    # (a mark inside a paragraph can only lie in one of that paragraph's sentences)
    quotations: list[Quotation] = []
    for p in paragraphs:
        if p.role in ("byline", "dateline"):
            continue
        sent_bounds = [(x.start, x.end) for x in p.sentences]
        quotations.extend(find_quotations(masked, sent_bounds, p.start, p.end))
    for q in quotations:  # report the original characters
        object.__setattr__(q, "text", text[q.inner_start : q.inner_end])

    paratext = Paratext(
        headline=headline,
        byline=byline,
        author=author,
        label=label,
        outlet=outlet,
        date=the_date,
        date_span=date_span,
        standfirst=standfirst,
        captions=tuple(captions),
        caption_credits=tuple(credits),
        links=tuple(m for m in markup if m.kind == "link"),
        emphasis=tuple(m for m in markup if m.kind in ("bold", "italic")),
        translator=translator,
        translator_span=translator_span,
        notes=tuple(notes),
        publisher=publisher,
        genre=genre,
        wire=wire,
        updated=updated,
        updated_span=updated_span,
        label_span=label_span,
    )
    return Article(
        text=text,
        masked=masked,
        paragraphs=tuple(paragraphs),
        quotations=tuple(quotations),
        paratext=paratext,
        source=source,
        source_format=source_format,
        markup=tuple(markup),
    )


def load_article(source: str | os.PathLike[str] | Article, *, name: str | None = None) -> Article:
    """Load an article from a file path or from the text itself.

    A ``str`` that names an existing file, or any :class:`os.PathLike`, is read
    as UTF-8; any other string is taken as the text. HTML is converted to plain
    text first (``source_format == "html"``; offsets then refer to that text).
    Bad input raises :class:`~framingkit.errors.InputError` with one sentence.

    >>> load_article("One. Two.").sentences[1].text
    'Two.'
    """
    if isinstance(source, Article):
        return source
    if isinstance(source, os.PathLike) or (
        isinstance(source, str)
        and "\n" not in source
        and len(source) < 4096
        and source.strip()
        and _looks_like_path(source)
    ):
        text = read_text(source)
        label = name or str(source)
    elif isinstance(source, str):
        text = check_text(source)
        label = name or "<text>"
    else:
        raise InputError(
            f"{public_caller('load_article')}() takes a file path or a text string, "
            f"not {type(source).__name__}."
        )
    fmt, raw = "text", text
    if looks_like_html(text):
        text = html_to_text(text)
        fmt = "html"
        if not text.strip():
            raise InputError(f"'{label}' is an HTML page with no readable text in it.")
    with gc_paused():
        art = parse(text, source=label, source_format=fmt)
    if fmt == "html":
        inside = [
            w for p in art.paragraphs for w in _COVER_WORD_RE.findall(art.text, p.start, p.end)
        ]
        note = coverage_note(page_words(raw), inside, "page")
    else:
        note = _plain_coverage(art)
    if note:
        art = replace(art, coverage_note=note)
        warnings.warn(f"{label}: {note}", IncompleteTextWarning, stacklevel=2)
    return art


def _looks_like_path(s: str) -> bool:
    """A single-line string that exists as a path, or looks like a file name (``x.txt``)."""
    try:
        if Path(s).exists():
            return True
    except OSError:
        return False
    return bool(re.fullmatch(r"[^\s]+\.(?:txt|md|markdown|html?|text)", s.strip())) or (
        os.sep in s and " " not in s.strip()
    )
