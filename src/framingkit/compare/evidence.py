"""Evidence a change's effect rests on: lexicon cues, negation, presupposition, modality.

Evaluative words come from the spotter's lexicon (:func:`framingkit.spot.lexicon.lookup`),
in the appraisal categories of :mod:`framingkit.spot.categories` (how each counts towards
force: :data:`FORCE_SIGN`);
the small closed-class tables below are general grammar, not text-specific:
negators, presupposition triggers (after Levinson 1983, *Pragmatics*, ch. 4),
modal verbs, and appearance/perception verbs that hedge a claim ("seems", "feels").

>>> [c.term for c in find_cues(["never", "again"])]
['never', 'again']
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

#: Words that negate a clause.
NEGATORS: frozenset[str] = frozenset(
    [
        "not",
        "no",
        "never",
        "none",
        "nothing",
        "nobody",
        "nowhere",
        "neither",
        "nor",
        "n't",
        "cannot",
        "without",
        "hardly",
    ]
)
#: Presupposition triggers: words that take something for granted.
PRESUPPOSITION: dict[str, str] = {
    **{
        w: "iterative (takes a former occurrence for granted)"
        for w in [
            "again",
            "still",
            "anymore",
            "another",
            "return",
            "returns",
            "returned",
            "resume",
            "resumed",
        ]
    },
    **{
        w: "change of state (takes the former state for granted)"
        for w in [
            "stop",
            "stopped",
            "stops",
            "begin",
            "began",
            "begins",
            "continue",
            "continued",
            "continues",
            "cease",
            "ceased",
        ]
    },
    **{
        w: "factive verb (takes the clause after it as true)"
        for w in [
            "know",
            "knew",
            "knows",
            "realize",
            "realized",
            "realise",
            "realised",
            "regret",
            "regretted",
            "reveal",
            "revealed",
            "reveals",
            "discover",
            "discovered",
            "admit",
            "admitted",
            "acknowledge",
            "acknowledged",
        ]
    },
    **{w: "scalar particle (takes a comparison for granted)" for w in ["even", "already"]},
}
#: Modal verbs and what they express (the note is the modal force: two modals with the
#: same note are equivalents, "must" / "need to").
MODALS: dict[str, str] = {
    **{w: "necessity or obligation" for w in ["must", "should", "ought"]},
    **{w: "possibility" for w in ["may", "might", "could", "can", "perhaps", "possibly"]},
    **{w: "prediction" for w in ["will", "would", "shall"]},
}
#: Periphrastic modals (two or three words) with the force of a modal verb.
MODAL_PHRASES: dict[tuple[str, ...], str] = {
    **{
        (w, "to"): "necessity or obligation"
        for w in ["need", "needs", "needed", "have", "has", "had", "ought"]
    },
    **{("got", "to"): "necessity or obligation"},
    **{
        (w, "able", "to"): "possibility"
        for w in ["be", "is", "are", "was", "were", "been", "being", "am"]
    },
    **{
        (w, "going", "to"): "prediction"
        for w in ["be", "is", "are", "was", "were", "am", "'re", "'s", "'m"]
    },
}
#: Single words that express a modal force without being modal verbs ("we need X").
MODAL_WORDS: dict[str, str] = {
    w: "necessity or obligation" for w in ["need", "needs", "needed", "necessary", "required"]
}
#: Verbs of appearance or perception that present a claim as an impression (hedging).
APPEARANCE: frozenset[str] = frozenset(
    [
        "seem",
        "seems",
        "seemed",
        "appear",
        "appears",
        "appeared",
        "feel",
        "feels",
        "felt",
        "look",
        "looks",
        "looked",
        "sound",
        "sounds",
        "sounded",
    ]
)

#: How each evaluative category counts towards a phrase's force (derived from the appraisal
#: table, :mod:`framingkit.spot.categories`): evaluations, intensifiers, certainty, distance
#: and labels count up; downtoners, blurring and hedges (entertain) count down.
FORCE_SIGN: dict[str, int] = {
    "attitude": 1,
    "force": 1,
    "focus": 1,
    "disclaim": 0,
    "proclaim": 1,
    "entertain": -1,
    "attribute": 1,
    "label": 1,
    "figurative": 1,
}
#: Subtypes that count the other way from their category (a downtoner lowers force).
SUBTYPE_SIGN: dict[tuple[str, str], int] = {
    ("force", "downtone"): -1,
    ("focus", "soften"): -1,
    ("attribute", "acknowledge"): 0,
}


@dataclass(frozen=True)
class Cue:
    """One piece of evidence: words ``i``..``j`` (token positions) match ``term``."""

    i: int
    j: int
    term: str
    category: str
    subtype: str
    polarity: str | None
    intensity: int
    note: str
    source: str

    @property
    def force(self) -> int:
        """Signed contribution to the phrase's evaluative force."""
        sign = SUBTYPE_SIGN.get((self.category, self.subtype), FORCE_SIGN.get(self.category, 0))
        return sign * self.intensity

    @property
    def hedges(self) -> bool:
        """Whether the cue hedges (entertain: Hyland's hedges; the appearance verbs too)."""
        return self.category == "entertain"

    @property
    def certainty(self) -> str | None:
        """``"boosted"``/``"hedged"`` for epistemic cues (proclaim/entertain), else ``None``."""
        from ..spot.categories import certainty_of

        return certainty_of(self.category)


def cue_label(c: Cue) -> str:
    """A cue's category as a reader sees it: the appraisal name and sense, with Hyland's term
    for the epistemic ones ("entertain: hedge, possibility"; "force, downtone").

    >>> cue_label(Cue(0, 1, "may", "entertain", "possibility", None, 1, "", "lexicon"))
    'entertain: hedge, possibility'
    >>> cue_label(Cue(0, 1, "massive", "force", "intensify", None, 2, "", "lexicon"))
    'force, intensify'
    """
    from ..spot.categories import CATEGORIES

    cat = CATEGORIES.get(c.category)
    if cat is None:
        return c.category.replace("_", " ")
    if cat.hyland:
        return f"{c.category}: {cat.hyland}, {c.subtype}"
    if c.category == "attitude":
        return "attitude"
    if c.category == "figurative" and c.subtype == "simile" and c.source == "rule":
        return "figurative, simile"
    return (
        f"{c.category}, {c.subtype}"
        if c.category in {"force", "focus", "attribute"}
        else c.category
    )


def is_evaluative(c: Cue) -> bool:
    """Whether the cue comes from the appraisal table (not a grammar cue: modal, negation ...)."""
    return c.category in FORCE_SIGN


@functools.lru_cache(maxsize=100_000)
def _lex(term: str) -> Any:
    """The spotter's lexicon entry for ``term`` (loaded lazily, once), or ``None``.

    Words the spotter's lexicon lacks are looked up in ``data/compare/charged.tsv``
    (verb forms of forceful action, same columns and scale).
    """
    from ..spot.lexicon import lookup, normalise

    e = lookup(term)
    return e if e is not None else _charged().get(normalise(term))


@functools.cache
def _charged() -> dict[str, Any]:
    """The compare supplement to the spotter's lexicon (``data/compare/charged.tsv``)."""
    from importlib.resources import files

    from ..spot.lexicon import parse_rows

    text = files("framingkit").joinpath("data/compare/charged.tsv").read_text("utf-8")
    entries, problems = parse_rows(text, "compare/charged.tsv")
    assert not problems, problems
    return {e.term: e for e in entries}


def _grammar(w: str, i: int) -> Cue | None:
    """The closed-class cue for one word, or ``None``."""
    if w in NEGATORS or w.endswith("n't"):
        return Cue(i, i + 1, w, "negation", "negator", None, 1, "negates", "rule")
    if w in PRESUPPOSITION:
        return Cue(i, i + 1, w, "presupposition", "trigger", None, 1, PRESUPPOSITION[w], "rule")
    if w in MODALS:
        return Cue(i, i + 1, w, "modal", MODALS[w], None, 1, MODALS[w], "rule")
    if w in APPEARANCE:
        return Cue(
            i,
            i + 1,
            w,
            "entertain",
            "appearance",
            None,
            1,
            "presents the claim as an impression",
            "rule",
        )
    return None


_MODAL_STARTS = frozenset({p[0] for p in MODAL_PHRASES} | set(MODAL_WORDS))


def _modal_phrase(words: Sequence[str], i: int) -> Cue | None:
    """A periphrastic modal ("need to", "is able to", "are going to") starting at ``i``.

    Its source is ``"periphrastic"``: it shows that a modal verb was only reworded
    ("must" / "need to"), but on its own ("had to be done" / "to be done") does not
    count as a modal added or dropped.
    """
    if words[i] not in _MODAL_STARTS:
        return None
    for size in (3, 2):
        note = MODAL_PHRASES.get(tuple(words[i : i + size]))
        if note is not None:
            term = " ".join(words[i : i + size])
            return Cue(i, i + size, term, "modal", note, None, 1, note, "periphrastic")
    if words[i] in MODAL_WORDS:
        note = MODAL_WORDS[words[i]]
        return Cue(i, i + 1, words[i], "modal", note, None, 1, note, "periphrastic")
    return None


def _wordlike(w: str) -> bool:
    return any(ch.isalpha() for ch in w)


def find_cues(words: Sequence[str], names: frozenset[int] = frozenset()) -> list[Cue]:
    """Evaluative and grammatical cues in a sequence of lower-case words (cached).

    See :func:`_find_cues`.
    """
    return list(_find_cues(tuple(words), names))


@functools.lru_cache(maxsize=512)
def _find_cues(words: tuple[str, ...], names: frozenset[int] = frozenset()) -> tuple[Cue, ...]:
    """Evaluative and grammatical cues in a sequence of lower-case words.

    Lexicon phrases (up to four words) are tried before single words; positions in
    ``names`` (capitalised words inside a sentence: parts of names such as "Great
    Britain") are not looked up as single words. An appearance verb followed by
    "like" ("feels like", "looks like") is one hedge.
    """
    out: list[Cue] = []
    n = len(words)
    # run[i]: how many word-like words follow each other from i on (tested once per word)
    run = [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        run[k] = run[k + 1] + 1 if _wordlike(words[k]) else 0
    toks: Any = None
    i = 0
    while i < n:
        hit = None
        for size in (4, 3, 2):
            if i + size <= n and run[i] >= size:
                e = _lex(" ".join(words[i : i + size]))
                if e is not None:
                    hit = (size, e)
                    break
        w = words[i]
        if hit is None and i not in names and run[i]:
            e = _lex(w)
            if e is not None:
                hit = (1, e)
        if hit is not None:
            size, e = hit
            if toks is None:  # made once for all the hits, not once per hit
                toks = _tokens(words)
            e = _in_context(words, i, i + size - 1, e, toks)
            if e is None:  # a context rule of the spotter says it is not evaluative here
                i += 1
                continue
            out.append(
                Cue(
                    i,
                    i + size,
                    e.term,
                    e.category,
                    e.subtype,
                    e.polarity,
                    e.intensity,
                    e.note,
                    getattr(e, "source", "lexicon"),
                )
            )
            if e.category != "entertain":  # an appearance verb inside a phrase still hedges
                out.extend(
                    c
                    for k in range(i, i + size)
                    if words[k] in APPEARANCE and (c := _grammar(words[k], k))
                )
            i += size
            continue
        c = _modal_phrase(words, i)
        if c is None:
            c = _grammar(w, i)
        if c is not None:
            if c.subtype == "appearance" and i + 1 < n and words[i + 1] == "like":
                c = Cue(i, i + 2, f"{w} like", *(getattr(c, f) for f in _REST))
            out.append(c)
        i += c.j - c.i if c is not None else 1
    return tuple(_with_similes(words, out))


def _with_similes(words: Sequence[str], cues: list[Cue]) -> list[Cue]:
    """The spotter's rule ``comparison`` on a window of words: what a comparison cue ("is like",
    "feels like", "as if", "akin to") compares with is one simile cue, which takes in the
    figures inside it (``spot`` gives one span), so a change inside the compared phrase
    ("family silver" / "the family's money from a thief") is read against the simile on both
    sides, not as a figure removed. The cue words keep their own cues ("feels like" hedges).

    >>> [c.term for c in find_cues(["is", "like", "buying", "the", "family", "silver", "."])]
    ['buying the family silver']
    """
    from ..spot.rules import _APPEAR_VERBS, _BE_FORMS, _SIMILE_CUES, _SIMILE_STOP

    n = len(words)
    out = list(cues)
    k = 0
    while k < n:
        start = cue_end = -1
        if (
            words[k] == "like"
            and k > 0
            and (words[k - 1] in _APPEAR_VERBS or words[k - 1] in _BE_FORMS)
        ):
            start, cue_end = k - 1, k + 1
        else:
            for cue in _SIMILE_CUES:
                if tuple(words[k : k + len(cue)]) == cue:
                    start, cue_end = k, k + len(cue)
                    break
        if start < 0:
            k += 1
            continue
        stop = cue_end
        while stop < n and stop - cue_end < 9 and _wordlike(words[stop]):
            if words[stop] in _SIMILE_STOP:
                break
            stop += 1
        if stop == cue_end:
            k += 1
            continue
        out = [
            c for c in out if not (c.category == "figurative" and c.i >= cue_end and c.j <= stop)
        ]
        note = "what a comparison compares with (figurative: simile)"
        out.append(
            Cue(
                cue_end,
                stop,
                " ".join(words[cue_end:stop]),
                "figurative",
                "simile",
                None,
                2,
                note,
                "rule",
            )
        )
        k = stop
    return sorted(out, key=lambda c: (c.i, c.j))


_REST = ("category", "subtype", "polarity", "intensity", "note", "source")


def _tokens(words: Sequence[str]) -> Any:
    """The words as tokens, one space apart (what the spotter's context rules read), as a
    :class:`_View`: the rules slice the tokens before and after each hit, and a slice of a
    list copies it (once per hit: quadratic in an omitted block of thousands of sentences)."""
    from ..document import Token

    toks, pos = [], 0
    for w in words:
        toks.append(Token(pos, pos + len(w), w, w))
        pos += len(w) + 1
    return _View(toks, 0, len(toks))


class _View(Sequence[Any]):
    """``items[lo:hi]`` without the copy: indexing, slices (views again), iteration,
    ``reversed`` and ``len`` as a list would give them.

    >>> v = _View(list(range(10)), 0, 10)
    >>> list(v[2:5]), list(reversed(v[:3])), v[7], len(v[8:]), list(v[3:1]), v[-1]
    ([2, 3, 4], [2, 1, 0], 7, 2, [], 9)
    """

    __slots__ = ("hi", "items", "lo")

    def __init__(self, items: list[Any], lo: int, hi: int) -> None:
        self.items, self.lo, self.hi = items, lo, hi

    def __len__(self) -> int:
        return self.hi - self.lo

    def __getitem__(self, k):  # type: ignore[no-untyped-def, override]
        if isinstance(k, slice):
            start, stop, step = k.indices(self.hi - self.lo)
            if step != 1:
                return self.items[self.lo : self.hi][k]
            return _View(self.items, self.lo + start, self.lo + max(start, stop))
        if k < 0:
            k += self.hi - self.lo
        if not 0 <= k < self.hi - self.lo:
            raise IndexError(k)
        return self.items[self.lo + k]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return itertools.islice(self.items, self.lo, self.hi)

    def __reversed__(self):  # type: ignore[no-untyped-def]
        items = self.items
        return (items[k] for k in range(self.hi - 1, self.lo - 1, -1))


def _in_context(words: Sequence[str], first: int, last: int, entry: Any, toks: Any = None) -> Any:
    """The spotter's context rules (:data:`framingkit.spot.rules.CONTEXT_RULES`) applied to a
    lexicon hit among the (lower-case) words around it: the entry to use, or ``None`` when a
    rule drops it ("historic territorial losses", "a dedicated lane", "could not afford").

    >>> from framingkit.spot.lexicon import lookup
    >>> _in_context(["historic", "territorial", "losses"], 0, 0, lookup("historic")) is None
    True
    """
    from ..spot.rules import Ctx, apply_context_rules

    if toks is None:
        toks = _tokens(words)
    got, _ = apply_context_rules(Ctx(entry, toks, first, last, False, False, {}), _NOT_HERE)
    return got


#: Spotter rules that need the whole sentence (or its punctuation), not a window of words; and
#: "some" -> "all" is a real change of force in a comparison, number or not.
_NOT_HERE = frozenset(
    ["approximator needs a number", "literal, not figurative", "counter as a connector"]
)


def force(cues: Sequence[Cue]) -> int:
    """Total evaluative force of a phrase's cues (attitude, force, certainty, labels up;
    downtoners and hedges down).

    >>> force([Cue(0, 1, "x", "force", "intensify", None, 2, "", "lexicon")])
    2
    >>> force([Cue(0, 1, "slightly", "force", "downtone", None, 1, "", "lexicon")])
    -1
    """
    return sum(c.force for c in cues)


@functools.cache
def _opposite_table() -> dict[str, frozenset[str]]:
    """Word form -> forms of the words pointing the other way (``data/compare/opposites.tsv``)."""
    from importlib.resources import files

    table: dict[str, set[str]] = {}
    text = files("framingkit").joinpath("data/compare/opposites.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        left, right = (set(col.split()) for col in line.split("\t")[:2])
        for w in left:
            table.setdefault(w, set()).update(right)
        for w in right:
            table.setdefault(w, set()).update(left)
    return {w: frozenset(v) for w, v in table.items()}


def opposites(a_words: Sequence[str], b_words: Sequence[str]) -> tuple[str, str] | None:
    """The first pair of words, one from each side, that point in opposite directions.

    >>> opposites(["prices", "rose"], ["prices", "fell", "sharply"])
    ('rose', 'fell')
    >>> opposites(["agreement"], ["deal"]) is None
    True
    """
    table = _opposite_table()
    b_set = set(b_words)
    for w in a_words:
        hit = table.get(w, frozenset()) & b_set
        if hit and w not in b_set:
            return w, sorted(hit)[0]
    return None


def same_referent(a: str, b: str) -> bool | None:
    """Whether two names stand for the same actor in the claims gazetteer, in the same way.

    ``True`` for variant names of one actor used the same way (a capital's old and new
    name), ``False`` for two known names of different actors or roles, ``None`` when the
    gazetteer does not know one of them.

    >>> same_referent("Peking", "Beijing"), same_referent("Beijing", "Moscow")
    (True, False)
    >>> same_referent("Smith", "Jones") is None
    True
    """
    from ..claims.actors import _table

    alias = _table()[1]
    if a not in alias or b not in alias:
        return None
    (actor_a, _, kind_a), (actor_b, _, kind_b) = alias[a], alias[b]
    return actor_a == actor_b and kind_a == kind_b
