"""The rules that turn lexicon hits into evaluative spans: a table of small named rules.

Plain lexicon look-up (longest phrase first, inflections allowed) finds candidates. Then:

* **context rules** (:data:`CONTEXT_RULES`) look at one hit in its sentence and either keep
  it, drop it (not evaluative here) or re-label it: "could" of ability is no hedge, moderating
  "pretty" is a downtoner, "historic" before "territorial losses" means "historical", "a
  dedicated lane" praises nobody, "the Ukraine war" names a topic, a figurative word in a
  literal sentence is literal, and so on;
* **combination rules** (:data:`COMBINATION_RULES`) join neighbouring hits: negation ("not
  good news"), force plus head ("deeply flawed"), attitude carried with force ("excessive
  zeal"), hyphenated compounds, comparisons ("feels like ...").

Every rule has a name, a one-line description and an explanation template; a span shaped by
a rule explains it in plain words in the span's explanation (the rule's name is in the span's
``rule`` field and in ``--json``), so a student or instructor can read why a word got its
label. :data:`RULES` lists them all (docs/spot.md prints it).

>>> [r for r in RULES][:3]
['name inside a sentence', 'approximator needs a number', 'May the month']
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from ..document import Article, Sentence, Token
from ..wordlists import FUNCTION_WORDS
from .categories import CATEGORIES, INTENSITY_LABELS
from .lexicon import (
    IRREGULAR,
    LexEntry,
    figurative_contexts,
    lookup,
    phrases_starting,
    stop_phrases,
    vader_lookup,
    variants,
)


@dataclass(frozen=True)
class EvalSpan:
    """One stretch of evaluative language: ``text == article.text[start:end]``.

    ``category`` is a key of :data:`~framingkit.spot.categories.CATEGORIES`;
    ``polarity`` is ``"positive"``, ``"negative"`` or ``None``; ``intensity`` runs
    1 (mild) to 3 (strong); ``source`` is ``lexicon``, ``vader`` or ``rule``;
    ``rule`` names the rule that shaped the span (``""`` for a plain look-up, else a key of
    :data:`RULES`); ``mode`` is ``inscribed`` or ``invoked`` for attitude spans; ``neutral``
    a plainer wording a neutral report would use (``""`` when there is none);
    ``provenance`` where a back-up entry came from (``--json`` only, never on student screens).
    """

    start: int
    end: int
    text: str
    category: str
    subtype: str
    polarity: str | None
    intensity: int
    explanation: str
    source: str
    rule: str = ""
    term: str = ""
    paragraph: int = 0
    sentence: int = 0
    mode: str = ""
    neutral: str = ""
    provenance: str = ""


#: Words that negate what follows.
NEGATORS = frozenset(["not", "no", "never", "hardly", "nor", "neither", "nothing", "nobody"])
#: Words allowed between a negator and what it negates ("not at all good", "not a good").
_NEG_GAP = frozenset(
    (
        *("a", "an", "the", "so", "very", "that", "too", "particularly", "especially"),
        *("exactly", "entirely", "quite", "be", "been", "being", "all", "as", "terribly"),
        *("remotely", "any"),
    )
)
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "such",
        "any",
        "no",
        "some",
        "every",
        "each",
        "what",
        "whose",
        "which",
        "either",
        "neither",
        "another",
    ]
)
_FUNCTION = FUNCTION_WORDS
_NUMBER_WORDS = frozenset(
    [
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
        "eleven",
        "twelve",
        "fifteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "half",
        "third",
        "quarter",
        "dozen",
        "dozens",
        "few",
        "score",
    ]
)
_ADJ_SUFFIXES = ("al", "ic", "ous", "ive", "ful", "ese", "ish", "an", "ian", "ary", "ern")
_APPEAR_VERBS = frozenset(
    [
        "feel",
        "feels",
        "felt",
        "feeling",
        "look",
        "looks",
        "looked",
        "looking",
        "sound",
        "sounds",
        "sounded",
        "seem",
        "seems",
        "seemed",
        "appear",
        "appears",
        "appeared",
        "act",
        "acts",
        "acted",
        "acting",
        "behave",
        "behaves",
        "behaved",
        "treat",
        "treats",
        "treated",
    ]
)
_BE_FORMS = frozenset(["is", "are", "was", "were", "be", "been", "being", "'s", "am"])
_SIMILE_CUES: tuple[tuple[str, ...], ...] = (
    ("as", "if"),
    ("as", "though"),
    ("akin", "to"),
    ("tantamount", "to"),
    ("reminiscent", "of"),
    ("the", "equivalent", "of"),
    ("no", "better", "than"),
    ("little", "better", "than"),
    ("nothing", "more", "than"),
    ("nothing", "but"),
    ("amounts", "to"),
    ("amount", "to"),
    ("amounted", "to"),
)
_SIMILE_FIRST = frozenset(["like", *(c[0] for c in _SIMILE_CUES)])
_SIMILE_STOP = frozenset(
    [
        "and",
        "but",
        "which",
        "who",
        "that",
        "while",
        "because",
        "when",
        "whereas",
        "if",
        "although",
        "though",
        "since",
        "so",
        "yet",
        "or",
        "as",
        "unless",
        "until",
    ]
)
_COMPOUND_PREFIX = {
    "much": "much-",
    "ultra": "ultra",
    "hyper": "hyper",
    "over": "over",
    "super": "super",
    "ever": "ever",
    "all": "all",
    "arch": "arch",
    "self": "self",
}


@dataclass(frozen=True)
class Rule:
    """One named rule: what it does (for docs) and the explanation template it adds to a span.

    ``template`` is formatted with ``text`` (the span's words), ``next`` (the word after it)
    and ``prev`` (the word before it).
    """

    name: str
    description: str
    template: str


@dataclass(frozen=True)
class Ctx:
    """A lexicon hit in its sentence: ``tokens[first..last]`` matched ``entry``."""

    entry: LexEntry
    tokens: Sequence[Token]
    first: int
    last: int
    title: bool
    caps: bool
    memo: dict

    @property
    def tok(self) -> Token:
        return self.tokens[self.first]

    @property
    def prev(self) -> Token | None:
        return self.tokens[self.first - 1] if self.first > 0 else None

    def words_after(self, n: int = 1) -> list[Token]:
        """Up to ``n`` word tokens after the hit (punctuation ends the look)."""
        out: list[Token] = []
        for t in self.tokens[self.last + 1 :]:
            if not t.is_word:
                if t.text in ",;:.!?()":
                    break
                continue
            out.append(t)
            if len(out) == n:
                break
        return out

    def words_before(self, n: int = 1) -> list[Token]:
        """Up to ``n`` word tokens before the hit, nearest first (punctuation ends the look)."""
        out: list[Token] = []
        for t in reversed(self.tokens[: self.first]):
            if not t.is_word:
                if t.text in ",;:.!?()":
                    break
                continue
            out.append(t)
            if len(out) == n:
                break
        return out

    @property
    def first_word(self) -> bool:
        return not any(t.is_word for t in self.tokens[: self.first])


#: What a context rule decides: ``None`` keeps the hit as it is, :data:`DROP` drops it, and a
#: ``LexEntry`` replaces it (re-labelled).
DROP = "drop"
Outcome = LexEntry | str | None


@dataclass(frozen=True)
class ContextRule(Rule):
    """A rule that looks at one hit in its sentence (see :class:`Ctx`)."""

    check: Callable[[Ctx], Outcome] = lambda ctx: None


_ABILITY_BEFORE = frozenset(["all", "only", "best", "most", "little", "everything", "nothing"])
_ABILITY_VERBS = frozenset(
    [
        "afford",
        "manage",
        "see",
        "hear",
        "find",
        "feel",
        "help",
        "stop",
        "resist",
        "cope",
        "bear",
        "stand",
        "believe",
        "imagine",
        "muster",
        "offer",
        "do",
        "say",
        "comment",
        "reply",
        "answer",
    ]
)
_NEG_AFTER = frozenset(["not", "n't", "never", "hardly", "barely", "scarcely"])


def _modal_of_ability(ctx: Ctx) -> Outcome:
    """ "could"/"can" of ability ("all a disappointed Putin could comment", "could not afford")."""
    if ctx.entry.category != "entertain" or _norm(ctx.tok) not in {"could", "can", "couldn't"}:
        return None
    if ctx.last != ctx.first:  # "could have", "could well": possibility
        return None
    after = ctx.words_after(2)
    if _norm(ctx.tok) == "couldn't" or (after and after[0].norm in _NEG_AFTER):
        return DROP
    before = [t.norm for t in ctx.words_before(6)]
    if any(w in _ABILITY_BEFORE for w in before) and not any(w in {"if", "that"} for w in before):
        return DROP
    if after and after[0].norm in _ABILITY_VERBS and before[:1] and before[0] in {"i", "we"}:
        return DROP
    return None


def _pretty(ctx: Ctx) -> Outcome:
    """Moderating "pretty" (a downtoner before an adjective or adverb; "a pretty village")."""
    if ctx.entry.term != "pretty":
        return None
    before = ctx.words_before(1)
    after = ctx.words_after(1)
    if before and before[0].norm in _DETERMINERS:
        return LexEntry(
            "pretty",
            "attitude",
            "appreciation",
            "positive",
            1,
            "describes how something looks (attitude), not a degree",
            mode="inscribed",
        )
    if not after or after[0].norm in _FUNCTION:
        return DROP
    return replace(ctx.entry, note="lowers the degree: a moderator (fairly), not an intensifier")


_HISTORICAL_NOUNS = frozenset(
    [
        "territorial",
        "territory",
        "territories",
        "losses",
        "loss",
        "claims",
        "claim",
        "grievances",
        "grievance",
        "lands",
        "land",
        "borders",
        "border",
        "ties",
        "links",
        "rivalry",
        "rivalries",
        "enemy",
        "enemies",
        "injustice",
        "injustices",
        "wrongs",
        "abuses",
        "records",
        "archives",
        "documents",
        "sites",
        "site",
        "buildings",
        "building",
        "district",
        "centre",
        "center",
        "town",
        "quarter",
        "core",
        "homeland",
        "roots",
        "name",
        "names",
        "role",
        "reasons",
        "precedent",
        "legacy",
        "memory",
        "memories",
        "trauma",
        "debts",
    ]
)
_RECORD_NOUNS = frozenset(
    ["high", "highs", "low", "lows", "levels", "level", "peak", "peaks", "rates"]
)


def _historic(ctx: Ctx) -> Outcome:
    """ "historic" = "historical" before nouns of the past; "historic highs" = a record."""
    if ctx.entry.term != "historic" or ctx.last != ctx.first:
        return None
    after = ctx.words_after(2)
    if not after:
        return None
    nxt = _norm(after[0])
    if any(_norm(t) in _HISTORICAL_NOUNS for t in after):  # "historic (Chinese) claims"
        return DROP
    if nxt in _RECORD_NOUNS:
        return LexEntry("historic", "force", "intensify", None, 2, "presents the level as a record")
    if nxt in _HISTORICAL_NOUNS:
        return DROP
    return None


_FUNCTION_SENSE = frozenset(
    [
        "dedicated",
        "committed",
        "devoted",
        "reserved",
        "smart",
        "intelligent",
        "aggressive",
        "friendly",
        "active",
        "sensitive",
        "sophisticated",
        "mature",
        "responsible",
    ]
)
_THING_NOUNS = frozenset(
    [
        "server",
        "servers",
        "lane",
        "lanes",
        "line",
        "lines",
        "page",
        "pages",
        "account",
        "accounts",
        "fund",
        "funds",
        "unit",
        "units",
        "website",
        "websites",
        "site",
        "sites",
        "channel",
        "channels",
        "space",
        "spaces",
        "area",
        "areas",
        "room",
        "rooms",
        "budget",
        "budgets",
        "phone",
        "phones",
        "number",
        "numbers",
        "email",
        "bus",
        "buses",
        "cycle",
        "facility",
        "facilities",
        "hotline",
        "section",
        "sections",
        "app",
        "apps",
        "software",
        "device",
        "devices",
        "network",
        "networks",
        "computer",
        "computers",
        "meter",
        "meters",
        "card",
        "cards",
        "road",
        "roads",
        "route",
        "routes",
        "track",
        "tracks",
        "path",
        "paths",
        "parking",
        "storage",
        "machine",
        "machines",
        "system",
        "systems",
        "service",
        "services",
        "platform",
        "platforms",
        "portal",
        "terminal",
        "port",
        "entrance",
        "exit",
        "resources",
        "capital",
        "data",
        "information",
        "material",
        "materials",
        "issue",
        "issues",
        "treatment",
        "therapy",
        "cancer",
        "tumour",
        "tumor",
        "disease",
        "surgery",
        "strategy",
        "strategies",
        "tactics",
        "marketing",
        "pricing",
        "policy",
        "policies",
        "design",
        "weapons",
        "missile",
        "missiles",
        "audience",
        "audiences",
        "stage",
        "stages",
        "tone",
    ]
)


def _function_adjective(ctx: Ctx) -> Outcome:
    """An adjective of function, not character: "a dedicated lane", "smart meters"."""
    e = ctx.entry
    if e.category != "attitude" or e.term not in _FUNCTION_SENSE or ctx.last != ctx.first:
        return None
    after = ctx.words_after(1)
    if after and (_norm(after[0]) in _THING_NOUNS or after[0].norm.rstrip("s") in _THING_NOUNS):
        return DROP
    return None


_TOPIC_NOUNS = frozenset(
    [
        "war",
        "wars",
        "conflict",
        "crisis",
        "invasion",
        "occupation",
        "attack",
        "attacks",
        "disaster",
        "scandal",
        "massacre",
        "pandemic",
        "shooting",
        "shootings",
        "riots",
        "riot",
        "bombing",
        "bombings",
        "siege",
        "genocide",
        "famine",
        "earthquake",
    ]
)


def _topic_word(ctx: Ctx) -> Outcome:
    """A noun that names the topic after a proper name ("the Ukraine war", "the Covid crisis")."""
    if ctx.last != ctx.first or _norm(ctx.tok) not in _TOPIC_NOUNS:
        return None
    before = ctx.words_before(1)
    if before and before[0].text[:1].isupper() and not _is_first(ctx.tokens, before[0]):
        after = ctx.words_after(1)
        if not after or after[0].norm not in {"on", "against"}:
            return DROP
    return None


def _is_first(tokens: Sequence[Token], tok: Token) -> bool:
    for t in tokens:
        if t.is_word:
            return t is tok
    return False


def _name_inside(ctx: Ctx) -> Outcome:
    """A capitalised word inside a sentence is part of a name ("Hope Street", "Liberation Army")."""
    tok = ctx.tok
    if ctx.title or ctx.caps or ctx.first_word:
        return None
    if ctx.entry.category == "label" and (ctx.last > ctx.first or tok.text.isupper()):
        return None  # a loaded name written as a name: "Big Pharma", "the Radical Left", "RINO"
    if tok.text[:1].isupper() and not tok.text.isupper():
        return DROP
    if tok.text.isupper() and len(tok.text) <= 4 and tok.text.isalpha():
        return DROP  # an acronym ("US", "MAY" as a code), not the word
    return None


def _capitals(ctx: Ctx) -> Outcome:
    """Text in capitals (a headline or a shout): words are read as lower case, not as names.

    (:func:`_name_inside` lets such words through; this rule, applied last, records it.)
    """
    return ctx.entry if ctx.caps and ctx.tok.text.isupper() else None


def _approximator(ctx: Ctx) -> Outcome:
    """An approximator counts only before a number ("about 600", not "about the plan")."""
    e = ctx.entry
    if e.category not in {"focus", "force"} or "number" not in e.note:
        return None
    after = ctx.words_after(2)
    if after and (
        _is_number(after[0])
        or (after[0].norm in {"a", "an"} and len(after) > 1 and _is_number(after[1]))
    ):
        return None
    nxt = ctx.tokens[ctx.last + 1] if ctx.last + 1 < len(ctx.tokens) else None
    if nxt is not None and ("%" in nxt.text or nxt.text[:1] in "£$€"):
        return None
    return DROP


def _may_month(ctx: Ctx) -> Outcome:
    """ "May" the month is no hedge ("in May", "May 2024")."""
    if ctx.entry.category != "entertain" or ctx.tok.norm != "may" or ctx.last != ctx.first:
        return None
    after = ctx.words_after(1)
    if (after and _is_number(after[0])) or (ctx.tok.text == "May" and not ctx.first_word):
        return DROP
    return None


def _verb_as_noun(ctx: Ctx) -> Outcome:
    """A reporting or action verb used as a noun ("the claims", "historical claims")."""
    e = ctx.entry
    if not (e.category == "attribute" or e.mode == "invoked") or ctx.last != ctx.first:
        return None
    if "-" in e.term or e.term.endswith("ly"):  # "the so-called reforms": not a verb
        return None
    prev = ctx.prev
    if prev is None or not prev.is_word:
        return None
    p = prev.norm
    if (
        p in _DETERMINERS
        or p.endswith("'s")
        or (len(p) >= 6 and p.endswith(_ADJ_SUFFIXES) and p not in {"often", "then"})
    ):
        return DROP  # "historical claims"; but "the plan admits" ("plan" is no adjective)
    return None


def _literal_figure(ctx: Ctx) -> Outcome:
    """A figurative word in a sentence literally about its source domain is literal."""
    if ctx.entry.category != "figurative":
        return None
    return None if _figurative_ok(ctx.entry, ctx.tokens, ctx.first, ctx.last, ctx.memo) else DROP


def _counter_clause(ctx: Ctx) -> Outcome:
    """ "But" counters when it starts a sentence; "yet" when it joins clauses (after a comma)."""
    e = ctx.entry
    if e.category != "disclaim" or e.term not in {"but", "yet"}:
        return None
    if ctx.first_word:
        return None
    prev = ctx.prev
    if e.term == "yet" and prev is not None and prev.text in {",", ";", "—", "–"}:
        after = ctx.words_after(1)
        return DROP if after and after[0].norm in {"to", "again", "another"} else None
    return DROP


#: Context rules, applied in order to every lexicon hit; the first that decides wins.
CONTEXT_RULES: tuple[ContextRule, ...] = (
    ContextRule(
        "name inside a sentence",
        "a capitalised word inside a sentence (or a short word in capitals) is part of a name "
        "or an acronym, not the evaluative word; a loaded label phrase or acronym keeps its "
        "reading when written like a name ('Big Pharma', 'the Radical Left', 'RINO')",
        "",
        _name_inside,
    ),
    ContextRule(
        "approximator needs a number",
        "an approximator (about, around, some) makes a number vague; without a number after it "
        "it is not one",
        "",
        _approximator,
    ),
    ContextRule(
        "May the month",
        "'May' before a number or capitalised inside a sentence is the month",
        "",
        _may_month,
    ),
    ContextRule(
        "ability modal",
        "'could'/'can' of ability ('all he could say', 'could not afford') is not a hedge: it "
        "says what someone was able to do, not how sure the writer is",
        "",
        _modal_of_ability,
    ),
    ContextRule(
        "moderating pretty",
        "'pretty' before an adjective or adverb lowers the degree ('pretty clear' = fairly "
        "clear: force, downtone); after 'a'/'the' it describes looks (attitude)",
        "“pretty” before “{next}” {note}.",
        _pretty,
    ),
    ContextRule(
        "historic as historical",
        "'historic' before a noun of the past ('historic territorial losses', 'historic "
        "claims') means 'historical' and praises nothing; before 'high'/'low' it marks a record "
        "(force)",
        "“historic” before “{next}” marks a record level (force), not praise.",
        _historic,
    ),
    ContextRule(
        "function, not character",
        "an adjective that can praise character ('dedicated', 'committed', 'smart') describes "
        "a function before a thing ('a dedicated lane', 'smart meters') and praises nobody",
        "",
        _function_adjective,
    ),
    ContextRule(
        "topic word",
        "a noun such as 'war' or 'crisis' after a name ('the Ukraine war', 'the Covid crisis') "
        "names the topic; 'a war on' a policy or group is still a loaded metaphor",
        "",
        _topic_word,
    ),
    ContextRule(
        "verb used as a noun",
        "a reporting or action verb after 'the', a possessive or an adjective is a noun ('the "
        "claims', 'historical claims') and reports nothing",
        "",
        _verb_as_noun,
    ),
    ContextRule(
        "literal, not figurative",
        "a figurative word in a sentence literally about its source domain is literal ('the "
        "storm' beside 'rain'; 'war on' before a country's name); movement verbs need a number "
        "or an economic subject ('shares crashed 5%', not 'the car crashed')",
        "",
        _literal_figure,
    ),
    ContextRule(
        "counter as a connector",
        "'But' starting a sentence, and 'yet' joining two clauses (after a comma), counter an "
        "expectation; 'all but', 'yet to' and 'but' inside a clause are left unmarked (they "
        "would swamp the view)",
        "",
        _counter_clause,
    ),
    ContextRule(
        "text in capitals",
        "in a headline or sentence set in capitals (or in title case) every word is read as "
        "lower case, so 'BOSSES SLAM PAY DEAL' is spotted like 'bosses slam pay deal'",
        "the sentence is set in capitals, so “{text}” is read as an ordinary word.",
        _capitals,
    ),
)

#: Rules that join or re-shape hits (their code is in :func:`_combine` and friends).
COMBINATION_RULES: tuple[Rule, ...] = (
    Rule(
        "negation",
        "a negator before an evaluation joins it and flips its polarity ('not good news')",
        "“{neg}” negates “{inner}”, so the phrase judges {pol}ly.",
    ),
    Rule(
        "negated certainty",
        "a negated certainty marker entertains doubt ('not clear', 'no doubt' excepted)",
        "“{neg}” negates the certainty of “{inner}”, so the phrase leaves the claim open "
        "(entertain).",
    ),
    Rule(
        "force plus head",
        "an intensifier or downtoner joins the evaluative word it grades ('deeply flawed', "
        "'slightly abusive'); the span takes the head's category",
        "“{mod}” {verb} the force of “{head}”.",
    ),
    Rule(
        "attitude with force",
        "an adjective that judges an amount as too much joins an evaluative noun ('excessive "
        "zeal'): one attitude span, carried with force",
        "“{mod}” judges “{head}” as too much: attitude carried with force.",
    ),
    Rule(
        "compound",
        "a hyphenated compound takes the evaluation of its part ('much-vaunted', 'ill-conceived')",
        "the compound contains “{part}”{boost}.",
    ),
    Rule(
        "comparison",
        "a comparison cue ('is like', 'feels like', 'as if', 'akin to') and what it compares "
        "with form one simile",
        "“{cue}” sets up a comparison with “{target}”.",
    ),
    Rule(
        "scare quote",
        "one to three words in quotation marks with no speaker hold the word at a distance "
        "(attribute: distance)",
        "Quotation marks around “{text}” with no speaker: the writer holds the word at a distance.",
    ),
)

#: Every rule by name (context rules first); docs/spot.md lists them.
RULES: dict[str, Rule] = {r.name: r for r in (*CONTEXT_RULES, *COMBINATION_RULES)}


def apply_context_rules(
    ctx: Ctx, skip: frozenset[str] = frozenset()
) -> tuple[LexEntry | None, str]:
    """Run the context rules on one hit: (the entry to use or ``None`` to drop it, rule name).

    The rule name is ``""`` when no rule changed the hit; rules named in ``skip`` are not run.
    """
    for rule in CONTEXT_RULES:
        if rule.name in skip:
            continue
        out = rule.check(ctx)
        if out is None:
            continue
        if out == DROP:
            return None, rule.name
        assert isinstance(out, LexEntry)
        return out, rule.name
    return ctx.entry, ""


def rule_note(name: str, **fields: str) -> str:
    """The explanation a rule adds to a span, in plain words (the rule's name is kept in the
    span's ``rule`` field, shown in ``--json``, never on a student's screen).

    >>> rule_note("historic as historical", text="historic", next="highs")[:19]
    '“historic” before “'
    """
    rule = RULES[name]
    return rule.template.format_map(_Blank(fields)) if rule.template else rule.description + "."


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


@dataclass
class _Cand:
    start: int
    end: int
    category: str
    subtype: str
    polarity: str | None
    intensity: int
    explanation: str
    source: str
    rule: str
    term: str
    priority: int
    mode: str = ""
    neutral: str = ""
    provenance: str = ""


def _is_negator(norm: str) -> bool:
    return norm in NEGATORS or norm.endswith("n't")


def _norm(tok: Token) -> str:
    n = tok.norm
    return n[:-2] if n.endswith("'s") and len(n) > 3 else n


def _is_number(tok: Token | None) -> bool:
    if tok is None:
        return False
    return any(ch.isdigit() for ch in tok.text) or tok.norm in _NUMBER_WORDS


_IRREGULAR_PAST = {
    "take": "took",
    "say": "said",
    "cut": "cut",
    "put": "put",
    "do": "did",
    "go": "went",
    "give": "gave",
    "make": "made",
    "hold": "held",
    "keep": "kept",
    "spend": "spent",
    "find": "found",
    "leave": "left",
    "meet": "met",
    "get": "got",
    "set": "set",
    "tell": "told",
    "run": "ran",
    "stop": "stopped",
    "drop": "dropped",
    "fall": "fell",
    "rise": "rose",
    "sell": "sold",
    "pay": "paid",
    "win": "won",
    "lose": "lost",
}


def inflect_like(neutral: str, surface: str, term: str) -> str:
    """The neutral alternative in the same form as the surface word ("take" for "wrested").

    >>> inflect_like("take", "wrested", "wrest"), inflect_like("say", "claims", "claim")
    ('took', 'says')
    >>> inflect_like("raise", "hiking", "hike"), inflect_like("did not", "declined", "decline")
    ('raising', 'did not')
    """
    words = neutral.split()
    if not words:
        return neutral
    verb, rest = words[0], words[1:]
    first = surface.lower().split()[0] if surface.split() else ""
    base = term.split()[0] if term.split() else ""
    if verb in {"did", "does", "not", "a", "an", "the"} or first == base:
        return neutral
    if first.endswith("ing"):
        form = (verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb) + "ing"
    elif first.endswith("ed") or IRREGULAR.get(first) == base:
        if verb in _IRREGULAR_PAST:
            form = _IRREGULAR_PAST[verb]
        elif verb.endswith("e"):
            form = verb + "d"
        elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
            form = verb[:-1] + "ied"
        else:
            form = verb + "ed"
    elif first.endswith("s") and not base.endswith("s"):
        form = verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s")
    else:
        return neutral
    return " ".join([form, *rest])


def explain(text: str, entry: LexEntry, rule_text: str = "") -> str:
    """A sentence a student can check against the text: what the words do, their category and
    sense, why that matters, a neutral alternative where there is one, and the rule if any.

    >>> from framingkit.spot.lexicon import lookup
    >>> explain("flagrant", lookup("flagrant")).startswith("“flagrant” condemns")
    True
    >>> explain("wrested", lookup("wrested")).split(". ")[-1]
    'A neutral report would say “took”.'
    """
    cat = CATEGORIES[entry.category]
    sub = cat.subtypes.get(entry.subtype)
    bits = [sub.label if sub else entry.subtype]
    if entry.polarity:
        bits.append(entry.polarity)
    if entry.mode:
        bits.append(entry.mode)
    bits.append(INTENSITY_LABELS.get(entry.intensity, ""))
    head = f"“{text}” {entry.note}" if entry.note else f"“{text}” is {cat.label} language"
    why = sub.why if sub else cat.why
    out = f"{head} ({cat.label}: {', '.join(b for b in bits if b)}). {why[:1].upper()}{why[1:]}."
    if entry.neutral:
        out += f" A neutral report would say “{inflect_like(entry.neutral, text, entry.term)}”."
    if rule_text:
        out += f" {rule_text}"
    return out


def _title_case(tokens: Sequence[Token]) -> bool:
    words = [t for t in tokens if t.text[:1].isalpha()]
    if len(words) < 3:
        return False
    return sum(t.text[0].isupper() for t in words) / len(words) > 0.6


def _runs(tokens: Sequence[Token]) -> list[list[int]]:
    """Indexes of word tokens, split where punctuation intervenes."""
    runs: list[list[int]] = [[]]
    for i, t in enumerate(tokens):
        if t.text[:1].isalnum() or t.is_word:
            runs[-1].append(i)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


@functools.lru_cache(maxsize=50_000)
def _phrases_by_second(first: str) -> dict[str, tuple[tuple[tuple[str, ...], LexEntry], ...]]:
    """Phrases starting with ``first`` (or its base forms), indexed by their second word."""
    table: dict[str, list[tuple[tuple[str, ...], LexEntry]]] = {}
    for e in phrases_starting(first):
        w = e.words
        table.setdefault(w[1], []).append((w, e))
    return {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in table.items()}


def _phrase_at(
    tokens: Sequence[Token], run: list[int], k: int, norms: Sequence[str] | None = None
) -> tuple[LexEntry, int] | None:
    """The longest lexicon phrase starting at run[k]: (entry, number of words).

    ``norms`` are the tokens' ``_norm`` values when the caller has them (performance only).
    """
    if k + 1 >= len(run):
        return None
    if norms is None:
        norms = [_norm(t) for t in tokens]
    table = _phrases_by_second(norms[run[k]])
    if not table:
        return None
    best: tuple[LexEntry, int] | None = None
    for second in variants(norms[run[k + 1]]):
        for words, e in table.get(second, ()):
            n = len(words)
            if k + n > len(run) or (best is not None and n <= best[1]):
                continue
            ok = True
            for j in range(2, n):
                want = words[j]
                tok = norms[run[k + j]]
                if tok != want and want not in variants(tok):
                    ok = False
                    break
            if ok:
                best = (e, n)
    return best


def _stop_at(
    tokens: Sequence[Token], run: list[int], k: int, norms: Sequence[str] | None = None
) -> int:
    """Length of a not-evaluative phrase starting at run[k] ("claimed responsibility"), or 0."""
    if norms is None:
        norms = [_norm(t) for t in tokens]
    for words in _stops_for(norms[run[k]]):
        n = len(words)
        if k + n <= len(run) and all(norms[run[k + j]] == words[j] for j in range(1, n)):
            return n
    return 0


@functools.lru_cache(maxsize=200_000)
def _stops_for(norm: str) -> tuple[tuple[str, ...], ...]:
    """Stop phrases that may start at a word with this norm, in the order they are tried."""
    table = stop_phrases()
    return tuple(words for cand in variants(norm) for words in table.get(cand, ()))


def _sentence_norms(tokens: Sequence[Token], memo: dict) -> dict[str, list[int]]:
    """Word norms of a sentence (plus a singular for plurals) -> token indexes; computed once."""
    got = memo.get("norms")
    if got is None:
        got = {}
        for n, t in enumerate(tokens):
            if t.is_word:
                w = _norm(t)
                got.setdefault(w, []).append(n)
                if w.endswith("s") and len(w) > 3:
                    got.setdefault(w[:-1], []).append(n)
        memo["norms"] = got
    return got


def _figurative_ok(
    entry: LexEntry, tokens: Sequence[Token], first: int, last: int, memo: dict | None = None
) -> bool:
    """Whether a figurative hit on tokens[first..last] is figurative here, not literal.

    Simple cues from ``figurative_contexts.txt``: a word of the metaphor's source domain
    elsewhere in the sentence ("the storm", "troops", "the plane") makes it literal; movement
    verbs need an economic subject or a number after them ("shares crashed 5%", not "the car
    crashed"), and an economic subject overrides a literal cue; "war on" before a name is
    literal.
    """
    table, money = figurative_contexts()
    ctx = table.get(entry.term)
    if ctx is None:
        return True
    if ctx.no_name:
        nxt = next((t for t in tokens[last + 1 :] if t.is_word), None)
        if nxt is not None and nxt.text[:1].isupper():
            return False
    found = _sentence_norms(tokens, {} if memo is None else memo)
    literal = any(
        any(not first <= n <= last for n in found[w]) for w in ctx.literal.intersection(found)
    )
    if "motion" in ctx.domains:
        # an economic subject ("shares", "rents" just before) or a number just after
        before = [_norm(t) for t in tokens[max(0, first - 6) : first] if t.is_word]
        subject = any(b in money or (b.endswith("s") and b[:-1] in money) for b in before)
        after = [t for t in tokens[last + 1 : last + 6]]
        number = any(_is_number(t) or "%" in t.text for t in after)
        if ctx.quantity and not (subject or number):
            return False
        return subject or not literal  # "the plane plunged 3,000 feet": literal
    return not literal


def _compound(tok: Token) -> tuple[LexEntry, str, str] | None:
    """A hyphenated compound whose parts carry the evaluation ("much-vaunted", "ill-conceived")."""
    parts = [p for p in _norm(tok).split("-") if p]
    if len(parts) < 2:
        return None
    head = None
    for p in reversed(parts):
        e = lookup(p)
        if e is not None and e.category in {"attitude", "label"}:
            head = (e, p)
            break
    if head is None:
        return None
    e, part = head
    boost = parts[0] in _COMPOUND_PREFIX and part != parts[0]
    inten = min(3, e.intensity + (1 if boost else 0))
    ent = replace(e, term=tok.text.lower(), intensity=inten)
    return ent, part, (f", intensified by “{parts[0]}-”" if boost else "")


@functools.lru_cache(maxsize=200_000)
def _candidate(norm: str, backup: bool) -> bool:
    """Quick filter: could any lexicon entry, phrase, stop phrase or rule start at this word?"""
    if "-" in norm or norm in _SIMILE_FIRST:
        return True
    if lookup(norm) is not None or phrases_starting(norm):
        return True
    stops = stop_phrases()
    if any(v in stops for v in variants(norm)):
        return True
    return backup and vader_lookup(norm) is not None


def _caps_sentence(tokens: Sequence[Token]) -> bool:
    words = [t for t in tokens if t.text[:1].isalpha()]
    return len(words) >= 3 and sum(t.text.isupper() for t in words) / len(words) > 0.6


def _cand(text: str, start: int, end: int, e: LexEntry, rule: str, note: str, pri: int) -> _Cand:
    source = "vader" if e.source == "vader" else ("rule" if rule else "lexicon")
    return _Cand(
        start,
        end,
        e.category,
        e.subtype,
        e.polarity,
        e.intensity,
        explain(text[start:end], e, note),
        source,
        rule,
        e.term,
        pri,
        e.mode,
        inflect_like(e.neutral, text[start:end], e.term) if e.neutral else "",
        e.provenance,
    )


def _sentence_facts(
    tokens: Sequence[Token],
) -> tuple[bool, bool, list[list[int]], list[str]]:
    """One pass over a sentence's tokens: ``_title_case``, ``_caps_sentence``, ``_runs`` and
    every token's ``_norm`` (the same values as those functions; performance only)."""
    runs: list[list[int]] = []
    run: list[int] = []
    norms: list[str] = []
    alpha = upper_first = upper_all = 0
    for i, t in enumerate(tokens):
        text = t.text
        n = t.norm
        norms.append(n[:-2] if len(n) > 3 and n.endswith("'s") else n)
        c = text[:1]
        if c.isalpha():
            alpha += 1
            upper_first += c.isupper()
            upper_all += text.isupper()
        if c.isalnum() or text.isalnum() or any(ch.isalnum() for ch in text):
            run.append(i)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    title = alpha >= 3 and upper_first / alpha > 0.6
    caps = alpha >= 3 and upper_all / alpha > 0.6
    return title, caps, runs, norms


def _sentence_cands(article_text: str, s: Sentence, backup: bool) -> list[_Cand]:
    tokens = s.tokens
    title, caps, runs, norms = _sentence_facts(tokens)
    cands: list[_Cand] = []
    memo: dict = {}  # per-sentence facts for the figurative context checks

    def judged(entry: LexEntry, first: int, last: int) -> tuple[LexEntry | None, str, str]:
        ctx = Ctx(entry, tokens, first, last, title, caps, memo)
        got, name = apply_context_rules(ctx)
        if got is None or not name:
            return got, name, ""
        after = ctx.words_after(1)
        fields = {
            "text": article_text[tokens[first].start : tokens[last].end],
            "next": after[0].text if after else "",
            "note": got.note,
        }
        return got, name, rule_note(name, **fields)

    for run in runs:
        k = 0
        while k < len(run):
            i = run[k]
            tok = tokens[i]
            if not _candidate(norms[i], backup):
                k += 1
                continue
            stop = _stop_at(tokens, run, k, norms)
            if stop:
                k += stop
                continue
            hit = _phrase_at(tokens, run, k, norms)
            n = 1
            rule, note = "", ""
            entry: LexEntry | None = None
            if hit is not None:
                entry, n = hit
                entry, rule, note = judged(entry, i, run[k + n - 1])
                if entry is None:
                    n = 1
            if entry is None:
                rule, note = "", ""
                entry = lookup(norms[i])
                if entry is not None:
                    entry, rule, note = judged(entry, i, i)
                if entry is None and "-" in tok.text:
                    comp = _compound(tok)
                    if comp is not None:
                        entry, part, boost = comp
                        rule = "compound"
                        note = rule_note("compound", part=part, boost=boost)
                if (
                    entry is None
                    and backup
                    and (title or caps or not tok.text[:1].isupper() or k == 0)
                ):
                    entry = vader_lookup(norms[i])
                    if entry is not None:
                        entry, rule, note = judged(entry, i, i)
            if entry is None:
                k += 1
                continue
            start, end = tok.start, tokens[run[k + n - 1]].end
            cands.append(_cand(article_text, start, end, entry, rule, note, 3 if n > 1 else 1))
            k += n
    if not _SIMILE_FIRST.isdisjoint([norms[i] for run in runs for i in run]):
        cands.extend(_similes(article_text, tokens, runs, norms))
    return _combine(article_text, tokens, cands)


def _similes(
    text: str,
    tokens: Sequence[Token],
    runs: list[list[int]],
    token_norms: Sequence[str] | None = None,
) -> list[_Cand]:
    """Comparisons and analogies: "feels like a robbery", "is like", "as if", "akin to"."""
    out: list[_Cand] = []
    if token_norms is None:
        token_norms = [_norm(t) for t in tokens]
    for run in runs:
        norms = [token_norms[i] for i in run]
        if _SIMILE_FIRST.isdisjoint(norms):
            continue
        k = 0
        while k < len(run):
            cue_len = 0
            if norms[k] not in _SIMILE_FIRST:
                k += 1
                continue
            if norms[k] == "like" and k > 0:
                prev = norms[k - 1]
                nxt = norms[k + 1] if k + 1 < len(run) else ""
                if (
                    prev in _APPEAR_VERBS
                    or prev in _BE_FORMS
                    or (
                        nxt in {"a", "an"}
                        and prev not in {"would", "'d", "things", "countries", "people"}
                    )
                ):
                    cue_len = 1
                    k0 = k - 1 if prev in _APPEAR_VERBS or prev in _BE_FORMS else k
                else:
                    k0 = k
            else:
                k0 = k
                for cue in _SIMILE_CUES:
                    if tuple(norms[k : k + len(cue)]) == cue:
                        cue_len = len(cue)
                        break
            if not cue_len:
                k += 1
                continue
            j = k + cue_len
            stop = j
            while stop < len(run) and stop - j < 9 and norms[stop] not in _SIMILE_STOP:
                stop += 1
            if stop == j:  # nothing compared with
                k += 1
                continue
            start, end = tokens[run[k0]].start, tokens[run[stop - 1]].end
            cue = text[tokens[run[k0]].start : tokens[run[k + cue_len - 1]].end]
            target = text[tokens[run[j]].start : end]
            expl = (
                f"“{cue} {target}” compares one thing with another (figurative: simile). "
                f"{_cap(CATEGORIES['figurative'].subtypes['simile'].why)}. "
                + rule_note("comparison", cue=cue, target=target)
            )
            pols = [lookup(n) for n in norms[j:stop]]
            pol = next((e.polarity for e in pols if e and e.polarity), None)
            out.append(
                _Cand(
                    start,
                    end,
                    "figurative",
                    "simile",
                    pol,
                    2,
                    expl,
                    "rule",
                    "comparison",
                    cue.lower(),
                    4,
                )
            )
            k = stop
    return out


_TOO_MUCH = "too much"


def _combine(text: str, tokens: Sequence[Token], cands: list[_Cand]) -> list[_Cand]:
    """Apply the combination rules (force plus head, attitude with force, negation), then
    resolve overlaps (higher priority, then longer, wins)."""
    if not cands:  # nothing to combine (performance only)
        return []
    cands.sort(key=lambda c: c.start)
    word_idx = {t.start: n for n, t in enumerate(tokens)}
    end_idx = {t.end: n for n, t in enumerate(tokens)}
    by_start = {c.start: c for c in cands}
    merged: list[_Cand] = []
    skip: set[int] = set()
    for c in cands:
        if id(c) in skip:
            continue
        end_tok = end_idx.get(c.end)
        nxt = tokens[end_tok + 1] if end_tok is not None and end_tok + 1 < len(tokens) else None
        has_head = (
            nxt is not None
            and nxt.is_word
            and nxt.norm not in _FUNCTION
            and not nxt.text[:1].isupper()
        )
        if c.category == "force" and c.rule == "" and c.subtype in {"intensify", "downtone"}:
            if not has_head and c.intensity == 1 and c.subtype == "intensify":
                continue  # a mild intensifier with nothing to intensify ("cooperate fully with")
            if has_head and nxt is not None:
                head = by_start.get(nxt.start)
                htext = text[head.start : head.end] if head is not None else nxt.text
                verb = "lowers" if c.subtype == "downtone" else "turns up"
                mod = text[c.start : c.end]
                c.explanation += " " + rule_note("force plus head", mod=mod, verb=verb, head=htext)
                c.rule = "force plus head"
        elif (
            c.category == "attitude"
            and _TOO_MUCH in CATEGORY_NOTE.get(c.term, "")
            and has_head
            and nxt is not None
        ):
            head = by_start.get(nxt.start)
            end = head.end if head is not None else nxt.end
            if head is not None:
                skip.add(id(head))
            mod, htext = text[c.start : c.end], text[nxt.start : end]
            c = _Cand(
                c.start,
                end,
                "attitude",
                "judgement",
                "negative",
                min(3, c.intensity + 1),
                f"“{mod} {htext}” judges {htext!r} as too much (attitude: judgement, negative, "
                f"inscribed). {_cap(CATEGORIES['attitude'].subtypes['judgement'].why)}. "
                + rule_note("attitude with force", mod=mod, head=htext),
                "rule",
                "attitude with force",
                c.term,
                3,
                "inscribed",
            )
        # negation
        if c.category in {"attitude", "proclaim"} and c.rule not in {"comparison"}:
            n = word_idx.get(c.start)
            if n is not None:
                m = n - 1
                gap = 0
                while m >= 0 and tokens[m].is_word and tokens[m].norm in _NEG_GAP and gap < 2:
                    m -= 1
                    gap += 1
                if m >= 0 and tokens[m].is_word and _is_negator(tokens[m].norm):
                    neg = tokens[m]
                    inner = text[c.start : c.end]
                    if c.category == "attitude" and c.polarity:
                        pol = "negative" if c.polarity == "positive" else "positive"
                        c = _Cand(
                            neg.start,
                            c.end,
                            "attitude",
                            c.subtype,
                            pol,
                            max(1, c.intensity - (0 if pol == "negative" else 1)),
                            f"“{text[neg.start : c.end]}” judges {pol}ly (attitude: {c.subtype}, "
                            f"{pol}{', ' + c.mode if c.mode else ''}). "
                            f"{_cap(CATEGORIES['attitude'].subtypes[c.subtype].why)}. "
                            + rule_note("negation", neg=neg.text, inner=inner, pol=pol),
                            "rule",
                            "negation",
                            c.term,
                            3,
                            c.mode,
                        )
                    elif c.category == "proclaim":
                        c = _Cand(
                            neg.start,
                            c.end,
                            "entertain",
                            "possibility",
                            None,
                            1,
                            f"“{text[neg.start : c.end]}” leaves the claim open (entertain: "
                            f"possibility). {_cap(CATEGORIES['entertain'].why)}. "
                            + rule_note("negated certainty", neg=neg.text, inner=inner),
                            "rule",
                            "negated certainty",
                            c.term,
                            3,
                        )
        merged.append(c)
    merged.sort(key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    taken: list[_Cand] = []
    for c in merged:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


class _Notes(dict):
    """Lexicon notes by term (looked up lazily)."""

    def get(self, term: str, default: str = "") -> str:  # type: ignore[override]
        e = lookup(term)
        return e.note if e is not None else default


CATEGORY_NOTE = _Notes()


def spans_for_sentences(
    article: Article, sentences: Iterable[Sentence], backup: bool = True
) -> list[EvalSpan]:
    """Evaluative spans in ``sentences`` of ``article`` (scare quotes added by the caller)."""
    out: list[EvalSpan] = []
    text = article.text
    for s in sentences:
        for c in _sentence_cands(text, s, backup):
            out.append(
                EvalSpan(
                    c.start,
                    c.end,
                    text[c.start : c.end],
                    c.category,
                    c.subtype,
                    c.polarity,
                    c.intensity,
                    c.explanation,
                    c.source,
                    c.rule,
                    c.term,
                    s.paragraph,
                    s.index,
                    c.mode,
                    c.neutral,
                    c.provenance,
                )
            )
    return out


def rules_markdown() -> str:
    """The rules as a Markdown table (docs/spot.md pastes it; a test checks).

    >>> rules_markdown().splitlines()[0]
    '| rule | kind | what it does |'
    """
    rows = ["| rule | kind | what it does |", "| --- | --- | --- |"]
    for r in CONTEXT_RULES:
        rows.append(f"| `{r.name}` | context | {r.description} |")
    for r in COMBINATION_RULES:
        rows.append(f"| `{r.name}` | combination | {r.description} |")
    return "\n".join(rows)
