"""Portrayal: how a change moves the way B shows an actor, besides the force of its wording.

A change's ``effect`` is the force of the wording (stronger / weaker ...). Whose case it helps
is another question: dropping the council's offer to keep a reading room open makes B's wording
no more charged, yet B shows the council in a worse light. This module gives each change, for
the actor it concerns, a direction from :data:`~framingkit.compare.model.PORTRAYALS` and a
reason, from a table of small named rules (:data:`RULES`).

Actors are the claims' actors (:func:`framingkit.claims.actors.find_actors`: named people,
states, organisations) and groups named by a common noun ("the council", "residents",
"protesters"), from :data:`GROUP_NOUNS`. Only evaluations that bear on people count (Martin &
White): judgement, loaded labels and stance verbs; appreciation of things ("beloved library")
and feelings (affect) do not move an actor's portrayal. Where no actor can be found, or the
change sits in words reported from someone else, the kit gives no portrayal rather than guess.

>>> from framingkit.compare import compare
>>> cmp = compare("The council said it will run a free bus and may keep a reading room open.",
...               "The council said it will run a bus.")
>>> [(c.effect, p.actor, p.direction) for c in cmp.changes for p in c.portrayals]
[('weaker', 'the council', 'more negative')]
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..document import Article, Sentence
from .evidence import Cue, find_cues
from .model import Change, Portrayal
from .voice import attribution_words

#: Common nouns that name an actor (a body or a group of people), singular and plural.
GROUP_NOUNS = frozenset(
    [
        "council",
        "councils",
        "government",
        "governments",
        "ministry",
        "minister",
        "ministers",
        "police",
        "officers",
        "officials",
        "authority",
        "authorities",
        "agency",
        "regulator",
        "department",
        "court",
        "judge",
        "judges",
        "mayor",
        "leader",
        "leaders",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "company",
        "companies",
        "firm",
        "firms",
        "owner",
        "owners",
        "developer",
        "developers",
        "board",
        "committee",
        "party",
        "opposition",
        "union",
        "unions",
        "trust",
        "university",
        "school",
        "hospital",
        "workers",
        "staff",
        "nurses",
        "doctors",
        "patients",
        "residents",
        "villagers",
        "protesters",
        "campaigners",
        "activists",
        "demonstrators",
        "critics",
        "supporters",
        "voters",
        "parents",
        "students",
        "teachers",
        "farmers",
        "tenants",
        "landlord",
        "landlords",
        "deputies",
        "senators",
        "ministers",
        "employers",
        "employees",
        "managers",
        "director",
        "directors",
        "executives",
        "charity",
    ]
)
#: Words that report something an actor does for others: dropped, they leave it worse off.
MITIGATING = frozenset(
    [
        "free",
        "keep",
        "keeps",
        "kept",
        "offer",
        "offers",
        "offered",
        "help",
        "helps",
        "helped",
        "support",
        "supports",
        "supported",
        "protect",
        "protects",
        "protected",
        "compensate",
        "compensates",
        "compensated",
        "compensation",
        "refund",
        "refunds",
        "refunded",
        "apologise",
        "apologised",
        "apologize",
        "apologized",
        "apology",
        "consult",
        "consults",
        "consulted",
        "fund",
        "funds",
        "funded",
        "funding",
        "invest",
        "invests",
        "invested",
        "improve",
        "improves",
        "improved",
        "reopen",
        "reopens",
        "reopened",
        "safeguard",
        "safeguards",
        "promise",
        "promises",
        "promised",
        "pledge",
        "pledges",
        "pledged",
    ]
)
#: Categories of cue that evaluate people (judgement, loaded names, reporting and framing
#: verbs); attitude cues count only when their subtype is judgement.
_PEOPLE_CATEGORIES = frozenset(["label", "attribute"])
_LOCATIVE = frozenset(
    [
        "in",
        "into",
        "at",
        "on",
        "from",
        "to",
        "of",
        "for",
        "with",
        "near",
        "towards",
        "toward",
        "across",
        "through",
        "via",
    ]
)
_GROUP_RE = re.compile(
    r"\b(?:[A-Z][\w'-]+\s+)?(?P<noun>"
    + "|".join(sorted(GROUP_NOUNS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """An actor named in a sentence: offsets into the article's text and the actor's name."""

    start: int
    end: int
    name: str


@dataclass(frozen=True)
class Rule:
    """One portrayal rule: its name, what it detects, and the function that applies it."""

    name: str
    description: str
    apply: Callable[[Change, Sequence[Cue], Sequence[Cue], Sequence[str]], tuple[str, str] | None]


def _sign(c: Cue) -> int:
    """-1, 0 or 1: how a cue that bears on people judges them. A presupposing reporting verb
    ("admits") presents what it reports as true and discreditable: negative for the speaker."""
    if c.category == "attribute" and c.subtype == "presuppose":
        return -1
    if c.category in _PEOPLE_CATEGORIES or (c.category == "attitude" and c.subtype == "judgement"):
        return {"negative": -1, "positive": 1}.get(c.polarity or "", 0)
    return 0


def _signed(cues: Sequence[Cue]) -> int:
    """How much ``cues`` judge people: negative ones count down, positive ones up."""
    return sum(_sign(c) * max(1, c.intensity) for c in cues)


def _cue_words(cues: Sequence[Cue], sign: int) -> str:
    terms = [c.term for c in cues if _sign(c) == sign]
    return ", ".join(f"'{t}'" for t in dict.fromkeys(terms))


def _short(s: str, n: int = 70) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _judged(
    c: Change, ca: Sequence[Cue], cb: Sequence[Cue], a_words: Sequence[str]
) -> tuple[str, str] | None:
    """Charged wording about the actor: B judges it more harshly (or more kindly) than A."""
    delta = _signed(cb) - _signed(ca)
    if not delta:
        return None
    direction = "more negative" if delta < 0 else "more positive"
    sign = -1 if delta < 0 else 1
    words = _cue_words(cb, sign) or _cue_words(ca, -sign)
    if c.a_text and c.b_text:
        what = f"'{_short(c.a_text)}' becomes '{_short(c.b_text)}'"
    elif c.b_text:
        what = f"B adds '{_short(c.b_text)}'"
    else:
        what = f"B drops '{_short(c.a_text)}'"
    said_b = re.findall(r"[a-z]+", c.b_text.lower())
    doubt = any(x.category == "attribute" and x.subtype == "distance" for x in cb) and bool(
        attribution_words(said_b)
    )
    tail = ", casting doubt on {actor}'s words" if doubt and delta < 0 else ""
    return direction, f"{what} ({words}){tail}"


def _negated(cues: Sequence[Cue]) -> bool:
    """A negation among the changed words: "barely consulted" is no favour."""
    return any(c.category == "negation" for c in cues) or bool(
        {c.term for c in cues} & {"barely", "hardly", "scarcely"}
    )


def _reported(c: Change) -> bool:
    """The changed words report someone's words ("Residents say ..."): whose portrayal they
    move depends on what is said about whom, which the kit does not try to tell."""
    return bool(attribution_words(re.findall(r"[a-z]+", f"{c.a_text} {c.b_text}".lower())))


def _mitigation_dropped(
    c: Change, ca: Sequence[Cue], cb: Sequence[Cue], a_words: Sequence[str]
) -> tuple[str, str] | None:
    """A detail in the actor's favour (something it does or offers for others) is dropped."""
    if not c.a_text or _signed(ca) < 0 or _signed(cb) != 0 or _negated(ca) or _reported(c):
        return None
    b_words = set(re.findall(r"[a-z]+", c.b_text.lower()))
    if not (MITIGATING & (set(a_words) - b_words)) and (_signed(ca) <= 0 or c.b_text):
        return None
    return (
        "more negative",
        f"a detail in {{actor}}'s favour is dropped ('{_short(c.a_text)}')",
    )


def _charge_dropped(
    c: Change, ca: Sequence[Cue], cb: Sequence[Cue], a_words: Sequence[str]
) -> tuple[str, str] | None:
    """A detail against the actor (a charged judgement of it) is dropped."""
    if c.b_text or not c.a_text or _signed(ca) >= 0 or _reported(c):
        return None
    return (
        "more positive",
        f"a detail against {{actor}} is dropped ('{_short(c.a_text)}': {_cue_words(ca, -1)})",
    )


def _mitigation_added(
    c: Change, ca: Sequence[Cue], cb: Sequence[Cue], a_words: Sequence[str]
) -> tuple[str, str] | None:
    """B adds something the actor does or offers for others."""
    if c.a_text or not c.b_text or _signed(cb) < 0 or _negated(cb) or _reported(c):
        return None
    b_words = set(re.findall(r"[a-z]+", c.b_text.lower()))
    if not MITIGATING & b_words:
        return None
    return "more positive", f"B adds a detail in {{actor}}'s favour ('{_short(c.b_text)}')"


#: The portrayal rules, tried in order; the first that applies gives the direction.
RULES: dict[str, Rule] = {
    r.name: r
    for r in (
        Rule(
            "judged",
            "B's words judge the actor more harshly or more kindly (judgement, labels, "
            "stance verbs)",
            _judged,
        ),
        Rule("charge-dropped", "a charged judgement of the actor is dropped", _charge_dropped),
        Rule(
            "mitigation-dropped",
            "something the actor does or offers for others is dropped",
            _mitigation_dropped,
        ),
        Rule("mitigation-added", "B adds something the actor does or offers", _mitigation_added),
    )
}
#: Kinds of change whose words can move a portrayal.
_KINDS = frozenset(["wording", "addition", "omission", "paratext"])


@functools.lru_cache(maxsize=4096)
def _mentions_in(text: str) -> tuple[tuple[int, int, str], ...]:
    """Actor mentions in a sentence: ``(start, end, name)``, offsets into ``text``."""
    from ..claims.actors import find_actors  # the claims' actors (public function)

    named = [(m.start, m.end, a.name) for a in find_actors(text) for m in a.mentions]
    out = list(named)
    for m in _GROUP_RE.finditer(text):
        s, e = m.start("noun"), m.end("noun")
        if any(ns < e and s < ne for ns, ne, _ in named):
            continue
        if any(_title_gap(text[e:ns]) for ns, _, _ in named if ns >= e):
            continue  # a title before a name: "Council leader Sam Okafor"
        out.append((s, e, "the " + m.group("noun").lower()))
    return tuple(sorted(out))


def _title_gap(between: str) -> bool:
    """Whether a group noun and a name are one title and name ("Council leader Sam Okafor")."""
    gap = between.strip().lower()
    return not between.strip(" ") or (between.startswith(" ") and gap in GROUP_NOUNS)


_PRONOUNS = frozenset(["it", "they", "he", "she", "we", "i", "its", "their", "his", "her"])


def _target(art: Article, sent: Sentence, start: int, end: int) -> str | None:
    """The actor a change in ``art.text[start:end]`` concerns, within sentence ``sent``.

    An actor named in the changed words themselves (a label swapped for it); else the nearest
    actor named before the change (its subject), skipping places ("in the Eastside centre")
    and, when a reporting verb stands between, the speaker (the change is in reported words).
    """
    text = sent.text
    rel_s, rel_e = start - sent.start, end - sent.start
    ments = [Mention(s, e, n) for s, e, n in _mentions_in(text)]

    def place(m: Mention) -> bool:
        prev = re.findall(r"[a-z]+", text[: m.start].lower())
        return bool(prev) and (prev[-1] in _LOCATIVE or (len(prev) > 1 and prev[-2] in _LOCATIVE))

    ments = [m for m in ments if not place(m)]
    before = [m for m in ments if m.end <= rel_s]
    inside = [m for m in ments if rel_s <= m.start < rel_e]
    if inside and not before:
        return inside[0].name
    changed_said = bool(attribution_words(re.findall(r"[a-z]+", text[rel_s:rel_e].lower())))
    if before:
        m = before[-1]
        between = re.findall(r"[a-z]+", text[m.end : rel_s].lower())
        said = [k for k, w in enumerate(between) if attribution_words([w])]
        if said and not changed_said:
            nxt = between[said[-1] + 1 : said[-1] + 2]
            if not (nxt and nxt[0] in _PRONOUNS):
                return None  # the change is in words reported from someone else
        return m.name
    return None


def _possessive(name: str) -> str:
    """ "the council's", "the officials'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


class SentenceIndex:
    """Finds the sentence at an offset in O(log n) (``Article.sentence_at`` scans)."""

    def __init__(self, art: Article) -> None:
        self.art = art
        self.sents = art.all_sentences
        self.starts = [s.start for s in self.sents]

    def at(self, pos: int) -> Sentence | None:
        """The sentence that contains ``pos``, or ``None``."""
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0 and self.sents[k].start <= pos < self.sents[k].end:
            return self.sents[k]
        return None


def _side(idx: SentenceIndex, start: int, end: int) -> tuple[Sentence | None, list[str]]:
    sent = idx.at(start)
    if sent is None:
        return None, []
    words = [t.norm for t in sent.tokens if start <= t.start < end and t.is_word]
    return sent, words


def portray(
    change: Change,
    a: Article,
    b: Article,
    index: tuple[SentenceIndex, SentenceIndex] | None = None,
) -> Change:
    """``change`` with its portrayals filled in (unchanged when no rule applies).

    >>> from framingkit.compare import compare
    >>> c = compare("Officials said the plan was fair.", "Officials claimed the plan was fair.")
    >>> print(c.changes[0].portrayals[0].reason)  # doctest: +NORMALIZE_WHITESPACE
    B portrays the officials more negatively: 'said' becomes 'claimed' ('claim'), casting doubt
    on the officials' words.
    """
    if change.kind not in _KINDS or change.portrayals:
        return change
    if change.kind == "paratext" and "headline" not in change.explanation.lower():
        return change  # bylines, dates, links: provenance, not portrayal
    ia, ib = index or (SentenceIndex(a), SentenceIndex(b))
    sa, wa = _side(ia, change.a_start, change.a_end) if change.a_text else (None, [])
    sb, wb = _side(ib, change.b_start, change.b_end) if change.b_text else (None, [])
    ca = find_cues(wa) if wa else []
    cb = find_cues(wb) if wb else []
    got = next((r for rule in RULES.values() if (r := rule.apply(change, ca, cb, wa))), None)
    if got is None:
        return change  # no rule applies: no actor needs finding (the costly part)
    actor = None
    if sb is not None:
        actor = _target(b, sb, change.b_start, change.b_end)
    if actor is None and sa is not None:
        actor = _target(a, sa, change.a_start, change.a_end)
    if actor is None:
        return change
    direction, why = got
    adverb = "negatively" if direction == "more negative" else "positively"
    why = why.replace("{actor}'s", _possessive(actor)).format(actor=actor)
    reason = f"B portrays {actor} more {adverb}: {why}."
    return dataclasses.replace(change, portrayals=(Portrayal(actor, direction, reason),))
