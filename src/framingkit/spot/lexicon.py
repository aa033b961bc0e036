"""The evaluative lexicon: lazy, cached loading and lookup.

The lexicon is a set of tab-separated files in ``framingkit/data/lexicons/``
(``term, category, subtype, polarity, intensity, note, neutral, mode``; the last two
may be left out), read once on first use. :func:`lookup` finds a word or phrase, also
through simple inflections
("refused" finds "refuse", "gangsters" finds "gangster", "disastrously" finds
"disastrous").

>>> lookup("flagrant").category, lookup("flagrant").intensity
('attitude', 3)
>>> lookup("refused").term, lookup("refuse").intensity > lookup("decline").intensity
('refuse', True)
>>> lookup("table") is None
True
"""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from importlib import resources

from ..typography import fold
from .categories import CATEGORIES, MODES, POLARITIES

#: Columns of every lexicon file, in order (``neutral`` and ``mode`` may be left out).
COLUMNS: tuple[str, ...] = (
    "term",
    "category",
    "subtype",
    "polarity",
    "intensity",
    "note",
    "neutral",
    "mode",
)
_PACKAGE_DIR = "data/lexicons"
_EDGE_RE = re.compile(r"^[^\w]+|[^\w]+$")


@dataclass(frozen=True)
class LexEntry:
    """One lexicon entry; ``polarity`` is ``"positive"``, ``"negative"`` or ``None``.

    ``intensity`` runs from 1 (mild) to 3 (strong); ``source`` names the file
    (or ``"vader"``) it came from; ``neutral`` is a plainer word a neutral report would use
    ("wrested" -> "took"), ``""`` when there is none; ``mode`` is ``inscribed`` or
    ``invoked`` for attitude entries (``""`` otherwise); ``provenance`` says where a
    back-up entry came from (for ``--json``, never shown to students).
    """

    term: str
    category: str
    subtype: str
    polarity: str | None
    intensity: int
    note: str
    source: str = "lexicon"
    neutral: str = ""
    mode: str = ""
    provenance: str = ""

    @property
    def words(self) -> tuple[str, ...]:
        """The term split into words ("parade as" -> ("parade", "as"))."""
        return tuple(self.term.split())


@dataclass(frozen=True)
class Lexicon:
    """The loaded lexicon: single words, phrases indexed by first word, and problems found."""

    words: dict[str, LexEntry]
    phrases: dict[str, tuple[LexEntry, ...]]
    problems: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.words) + sum(len(v) for v in self.phrases.values())

    def entries(self) -> list[LexEntry]:
        """Every entry, single words first."""
        return [*self.words.values(), *(e for v in self.phrases.values() for e in v)]


def normalise(term: str) -> str:
    """Lower-case, fold typography, collapse spaces and strip punctuation at the edges.

    >>> normalise("  “Much-Vaunted”, ")
    'much-vaunted'
    """
    t = " ".join(fold(term).lower().split())
    t = _EDGE_RE.sub("", t)
    return t


def parse_rows(text: str, source: str) -> tuple[list[LexEntry], list[str]]:
    """Parse one lexicon file's text into entries and a list of problems (one sentence each)."""
    entries: list[LexEntry] = []
    problems: list[str] = []
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    for n, row in enumerate(reader, 1):
        if n == 1 and row and row[0] == "term":
            continue
        row = [*row, *[""] * (len(COLUMNS) - len(row))][: len(COLUMNS)]
        term, cat, sub, pol, inten, note, neutral, mode = (c.strip() for c in row)
        where = f"{source} row {n} ({term!r})"
        if cat not in CATEGORIES:
            problems.append(f"{where}: unknown category {cat!r}.")
            continue
        if sub not in CATEGORIES[cat].subtypes:
            problems.append(f"{where}: subtype {sub!r} is not one of {cat}'s subtypes.")
            continue
        if pol and pol not in POLARITIES:
            problems.append(f"{where}: polarity {pol!r} is not positive or negative.")
            continue
        if cat == "attitude" and not pol:
            problems.append(f"{where}: an attitude entry needs a polarity.")
            continue
        if inten not in {"1", "2", "3"}:
            problems.append(f"{where}: intensity {inten!r} is not 1, 2 or 3.")
            continue
        if cat == "attitude":
            mode = mode or "inscribed"
            if mode not in MODES:
                problems.append(f"{where}: mode {mode!r} is not inscribed or invoked.")
                continue
        elif mode:
            problems.append(f"{where}: only attitude entries have a mode ({mode!r}).")
            continue
        entries.append(
            LexEntry(
                normalise(term), cat, sub, pol or None, int(inten), note, source, neutral, mode
            )
        )
    return entries, problems


@functools.cache
def load() -> Lexicon:
    """Read every lexicon file once (cached); later calls return the same object."""
    words: dict[str, LexEntry] = {}
    phrases: dict[str, list[LexEntry]] = {}
    problems: list[str] = []
    folder = resources.files("framingkit").joinpath(_PACKAGE_DIR)
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if not f.name.endswith(".tsv"):
            continue
        entries, probs = parse_rows(f.read_text(encoding="utf-8"), f.name)
        problems.extend(probs)
        for e in entries:
            if " " in e.term:
                phrases.setdefault(e.words[0], []).append(e)
                continue
            if e.term in words:
                problems.append(f"{f.name}: {e.term!r} is listed twice (kept the first).")
                continue
            words[e.term] = e
    frozen = {
        k: tuple(sorted(v, key=lambda e: -len(e.words)))  # longest phrase first
        for k, v in phrases.items()
    }
    return Lexicon(words, frozen, tuple(problems))


#: Irregular past forms and comparatives the suffix rules cannot undo.
IRREGULAR: dict[str, str] = {
    "spun": "spin",
    "shrank": "shrink",
    "shrunk": "shrink",
    "sank": "sink",
    "sunk": "sink",
    "stole": "steal",
    "stolen": "steal",
    "fought": "fight",
    "sought": "seek",
    "clung": "cling",
    "flung": "fling",
    "struck": "strike",
    "swept": "sweep",
    "slid": "slide",
    "bled": "bleed",
    "fled": "flee",
    "misled": "mislead",
    "broke": "break",
    "broken": "break",
    "threw": "throw",
    "thrown": "throw",
    "tore": "tear",
    "torn": "tear",
    "hid": "hide",
    "hidden": "hide",
    "bent": "bend",
    "wrung": "wring",
    "blew": "blow",
    "blown": "blow",
    "rode": "ride",
    "ridden": "ride",
    "trod": "tread",
    "trodden": "tread",
    "overrode": "override",
    "undertook": "undertake",
    "withheld": "withhold",
    "forsook": "forsake",
    "beat": "beat",
    "went": "go",
    "gone": "go",
    "made": "make",
    "took": "take",
    "ran": "run",
    "spoke": "speak",
    "ate": "eat",
    "dug": "dig",
    "taken": "take",
    "worse": "bad",
    "worst": "bad",
    "better": "good",
    "best": "good",
}


@functools.lru_cache(maxsize=200_000)
def variants(word: str) -> list[str]:
    """Candidate base forms of an inflected word, most likely first.

    >>> variants("refused")[:3]
    ['refused', 'refuse', 'refus']
    """
    w = word
    out = [w]
    if w in IRREGULAR:
        out.append(IRREGULAR[w])
    if w.endswith("'s"):
        out.append(w[:-2])
        w = w[:-2]
    if len(w) < 4:
        return out

    def add(*cands: str) -> None:
        out.extend(c for c in cands if len(c) >= 3 and c not in out)

    if w.endswith("ies"):
        add(w[:-3] + "y")
    if w.endswith("es"):
        add(w[:-1], w[:-2])
    elif w.endswith("s") and not w.endswith("ss"):
        add(w[:-1])
    if w.endswith("ied"):
        add(w[:-3] + "y")
    if w.endswith("ed"):
        add(w[:-1], w[:-2])
        if len(w) > 5 and w[-3] == w[-4]:
            add(w[:-3])
    if w.endswith("ing"):
        add(w[:-3] + "e", w[:-3])
        if len(w) > 6 and w[-4] == w[-5]:
            add(w[:-4])
    if w.endswith("ily"):
        add(w[:-3] + "y")
    if w.endswith("ically"):
        add(w[:-4])
    if w.endswith("bly"):
        add(w[:-1] + "e")
    if w.endswith("ly"):
        add(w[:-2])
    if w.endswith("ness"):
        add(w[:-4])
    if w.endswith("iest"):
        add(w[:-4] + "y")
    if w.endswith("est"):
        add(w[:-3], w[:-2])
        if len(w) > 6 and w[-4] == w[-5]:
            add(w[:-4])
    return out


def _derivable(word: str, base: str, entry: LexEntry) -> bool:
    """Adverbs, nouns and superlatives made from an attitude adjective keep its attitude."""
    if word.endswith(("ly", "ness", "est")) and not base.endswith(("ly", "ness", "est")):
        return entry.category == "attitude"
    if word.endswith(("ing", "ed")) and not base.endswith(("ing", "ed")):
        # "severing" is not "severe": only verbs inflect like this
        return entry.mode == "invoked" or entry.category in {
            "attribute",
            "figurative",
            "label",
            "entertain",
            "proclaim",
        }
    return True


@functools.cache
def stop_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases that are not evaluative although they contain lexicon words, by first word."""
    f = resources.files("framingkit").joinpath(_PACKAGE_DIR, "not_evaluative.txt")
    out: dict[str, list[tuple[str, ...]]] = {}
    if f.is_file():
        for line in f.read_text(encoding="utf-8").splitlines():
            words = tuple(normalise(line).split())
            if words and not line.startswith("#"):
                out.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@dataclass(frozen=True)
class FigContext:
    """When a figurative entry is literal (``figurative_contexts.txt``).

    ``literal``: words that show a sentence is literally about the metaphor's source domain;
    ``quantity``: figurative only with a number or an economic word in the sentence;
    ``no_name``: literal before a capitalised name ("war on Ukraine").
    """

    domains: tuple[str, ...]
    literal: frozenset[str]
    quantity: bool = False
    no_name: bool = False


def _split_list(value: str) -> list[str]:
    return [normalise(w) for w in value.replace("\n", " ").split(",") if normalise(w)]


@functools.cache
def figurative_contexts() -> tuple[dict[str, FigContext], frozenset[str]]:
    """Context checks for figurative terms (by term), and the economic words that count."""
    import configparser

    f = resources.files("framingkit").joinpath(_PACKAGE_DIR, "figurative_contexts.txt")
    if not f.is_file():
        return {}, frozenset()
    cp = configparser.ConfigParser(comment_prefixes=("#",), inline_comment_prefixes=None)
    cp.read_string(f.read_text(encoding="utf-8"))
    acc: dict[str, tuple[list[str], set[str], set[str]]] = {}
    money: frozenset[str] = frozenset()
    for sec in cp.sections():
        if sec == "quantity_words":
            money = frozenset(_split_list(cp[sec].get("words", "")))
            continue
        literal = set(_split_list(cp[sec].get("literal", "")))
        flags = set(_split_list(cp[sec].get("flags", "")))
        for term in _split_list(cp[sec].get("terms", "")):
            doms, lit, fl = acc.setdefault(term, ([], set(), set()))
            doms.append(sec)
            lit |= literal
            fl |= flags
    out = {
        term: FigContext(tuple(d), frozenset(lit), "quantity" in fl, "no_name" in fl)
        for term, (d, lit, fl) in acc.items()
    }
    return out, money


@functools.lru_cache(maxsize=100_000)
def lookup(term: str) -> LexEntry | None:
    """The lexicon entry for a word or phrase (inflections allowed), or ``None``.

    >>> lookup("Gangsters").term, lookup("Gangsters").category
    ('gangsters', 'label')
    >>> lookup("may have").category
    'entertain'
    """
    lex = load()
    t = normalise(term)
    if not t:
        return None
    if " " in t:
        first = t.split()[0]
        for cand in variants(first):
            for e in lex.phrases.get(cand, ()):
                if " ".join(e.words[1:]) == " ".join(t.split()[1:]):
                    return e
        return None
    if t in lex.words:
        return lex.words[t]
    for cand in variants(t)[1:]:
        e = lex.words.get(cand)
        if e is not None and _derivable(t, cand, e):
            return e
    return None


@functools.lru_cache(maxsize=100_000)
def phrases_starting(word: str) -> tuple[LexEntry, ...]:
    """Multi-word entries whose first word is ``word`` or one of its base forms, longest first."""
    lex = load()
    found: list[LexEntry] = []
    for cand in variants(normalise(word)):
        found.extend(lex.phrases.get(cand, ()))
    return tuple(sorted(found, key=lambda e: -len(e.words)))


# --------------------------------------------------------------------------- VADER backup

#: VADER entries weaker than this (absolute mean valence, -4..4) are not used.
VADER_THRESHOLD = 2.0


@functools.cache
def _vader() -> dict[str, float]:
    """VADER's word valences, read from the file the vaderSentiment package ships (no import)."""
    import importlib.util

    spec = importlib.util.find_spec("vaderSentiment")
    if spec is None or not spec.submodule_search_locations:
        return {}
    from pathlib import Path

    path = Path(next(iter(spec.submodule_search_locations))) / "vader_lexicon.txt"
    if not path.exists():
        return {}
    out: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha() and len(parts[0]) >= 4:
            try:
                out[parts[0].lower()] = float(parts[1])
            except ValueError:
                continue
    skip = resources.files("framingkit").joinpath(_PACKAGE_DIR, "vader_skip.txt")
    if skip.is_file():
        for ln in skip.read_text(encoding="utf-8").split():
            if not ln.startswith("#"):
                out.pop(ln.strip().lower(), None)
    return out


#: Feelings VADER lists that the suffix test below would miss.
_AFFECT_WORDS = frozenset(
    [
        "shame",
        "fear",
        "grief",
        "joy",
        "anger",
        "rage",
        "love",
        "hate",
        "hatred",
        "despair",
        "dread",
        "horror",
        "panic",
        "sorrow",
        "misery",
        "delight",
        "pride",
        "relief",
        "anxiety",
        "distress",
        "outrage",
        "fury",
        "disgust",
    ]
)
_JUDGEMENT_SUFFIXES = ("ous", "ful", "less", "ish", "ive")


def _vader_subtype(word: str, base: str) -> str:
    """A best guess at the attitude subtype of a VADER word (VADER gives polarity only).

    >>> _vader_subtype("shame", "shame"), _vader_subtype("dreaded", "dread")
    ('affect', 'affect')
    """
    if base in _AFFECT_WORDS or word.endswith(("ed", "ened")) or base.endswith("ed"):
        return "affect"
    if base.endswith(("ly",)) or base.endswith(_JUDGEMENT_SUFFIXES):
        return "judgement" if base.endswith(("ous", "less", "ish")) else "appreciation"
    return "appreciation"


@functools.lru_cache(maxsize=100_000)
def vader_lookup(word: str) -> LexEntry | None:
    """An attitude entry from VADER for a word the kit's lexicon lacks, or ``None``.

    Only strong valences (at least :data:`VADER_THRESHOLD`) count, and words that
    news uses descriptively ("war", "killed") are skipped (``vader_skip.txt``).
    """
    v = _vader()
    t = normalise(word)
    for cand in variants(t):
        if cand in v and abs(v[cand]) >= VADER_THRESHOLD:
            val = v[cand]
            inten = 1 if abs(val) < 2.5 else 2 if abs(val) < 3.2 else 3
            pol = "positive" if val > 0 else "negative"
            sub = _vader_subtype(t, cand)
            what = {
                "affect": "names a feeling",
                "judgement": "judges how someone behaves",
                "appreciation": "judges a thing or event",
            }[sub]
            return LexEntry(
                cand,
                "attitude",
                sub,
                pol,
                inten,
                f"{what} in {'strongly ' if inten == 3 else ''}{pol} terms",
                "vader",
                mode="inscribed",
                provenance=f"VADER valence {val:+.1f} on a -4..4 scale",
            )
    return None
