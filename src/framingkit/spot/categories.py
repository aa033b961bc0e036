"""The one table of evaluative-language categories (appraisal theory).

The categories follow Martin and White (2005), *The Language of Evaluation*: **attitude**
(affect, judgement, appreciation; inscribed or invoked), **graduation** (force, focus) and
**engagement** (disclaim, proclaim, entertain, attribute), plus loaded **labels** and
**figurative** language. Hyland's (2005) boosters and hedges are the epistemic part of
engagement: boosters are ``proclaim``, hedges are ``entertain``. Every view, the CLI, the
lexicon checks, compare's evidence, claims' certainty, the exercise keys and the docs read
this table; nothing else lists the categories.

>>> CATEGORIES["entertain"].system, CATEGORIES["entertain"].hyland
('engagement', 'hedge')
>>> sorted(CATEGORIES) == sorted(CATEGORY_ORDER)
True
>>> certainty_of("proclaim"), certainty_of("force"), certainty_of("entertain")
('boosted', None, 'hedged')
>>> read_name("booster").candidates
('proclaim', 'force')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..style import HATCHES, OKABE_ITO


@dataclass(frozen=True)
class Subtype:
    """One sense of a category: what it does, examples, and why it matters (student wording)."""

    name: str
    label: str
    description: str
    examples: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class Category:
    """One category: its appraisal system, a short student-facing label, what it is, why it
    matters, its subtypes, and how it is drawn (colour, hatch for bars, border style and a
    letter mark, so that colour is never the only cue). ``hyland`` names Hyland's term
    (``"booster"``/``"hedge"``) where the category is his; ``certainty`` is what a cue of
    this category does to a claim's certainty (``"boosted"``/``"hedged"``/``None``)."""

    name: str
    system: str
    label: str
    description: str
    why: str
    subtypes: dict[str, Subtype]
    colour: str
    hatch: str
    border: str
    mark: str
    hyland: str | None = None
    certainty: str | None = None

    def subtype(self, name: str) -> Subtype | None:
        """The subtype called ``name``, or ``None``."""
        return self.subtypes.get(name)


def _subs(*rows: tuple[str, str, str, tuple[str, ...], str]) -> dict[str, Subtype]:
    return {r[0]: Subtype(*r) for r in rows}


#: The appraisal systems, in display order, with a one-line description.
SYSTEMS: dict[str, str] = {
    "attitude": "evaluating: feelings, verdicts on people's behaviour, verdicts on things",
    "graduation": "grading: turning the volume of a meaning up or down, sharpening or blurring it",
    "engagement": "positioning: how the writer deals with other voices and other possible views",
    "naming": "loaded names for people, groups and systems",
    "figuration": "metaphor, simile and idiom",
}

#: The categories in display order.
CATEGORY_ORDER: tuple[str, ...] = (
    "attitude",
    "force",
    "focus",
    "disclaim",
    "proclaim",
    "entertain",
    "attribute",
    "label",
    "figurative",
)

CATEGORIES: dict[str, Category] = {
    "attitude": Category(
        "attitude",
        "attitude",
        "attitude",
        "a word or phrase that evaluates: a feeling, a verdict on people's behaviour, or a "
        "verdict on things and events",
        "it tells the reader how to feel about what is described",
        _subs(
            (
                "affect",
                "affect",
                "names or causes an emotion",
                ("disappointed", "shame", "alarming", "fed up with"),
                "it asks the reader to share the feeling",
            ),
            (
                "judgement",
                "judgement",
                "a verdict on people's behaviour or character",
                ("reckless", "boldly", "corrupt", "wrested", "refused"),
                "it praises or condemns the people involved",
            ),
            (
                "appreciation",
                "appreciation",
                "a verdict on things, events or results",
                ("chaotic", "disastrous", "an eyesore", "a triumph"),
                "it presents the thing as good or bad before the facts do",
            ),
        ),
        OKABE_ITO["vermillion"],
        HATCHES[3],
        "solid",
        "A",
    ),
    "force": Category(
        "force",
        "graduation",
        "force",
        "turns the volume of a meaning up (intensify) or down (downtone)",
        "it makes something sound bigger, worse or more extreme, or smaller, than a plain "
        "word would",
        _subs(
            (
                "intensify",
                "intensify",
                "raises the size, amount or degree",
                ("massive", "highly", "every last", "whatsoever", "soaring"),
                "a bigger word makes the same fact sound more dramatic",
            ),
            (
                "downtone",
                "downtone",
                "lowers the degree while keeping the meaning",
                ("slightly", "a little", "pretty (clear)", "somewhat"),
                "the writer still commits to the claim, only at a lower degree; it is not doubt",
            ),
        ),
        OKABE_ITO["orange"],
        HATCHES[1],
        "double",
        "F",
    ),
    "focus": Category(
        "focus",
        "graduation",
        "focus",
        "sharpens a category (a real, true) or blurs it (sort of, kind of, about 600)",
        "it makes a thing sound like a clear case of something, or only a loose one",
        _subs(
            (
                "sharpen",
                "sharpen",
                "presents something as a genuine, clear-cut case",
                ("a real", "true", "genuine", "the very"),
                "it insists the label fits exactly",
            ),
            (
                "soften",
                "soften",
                "presents something as only loosely a case, or a number as approximate",
                ("sort of", "kind of", "about 600", "effectively"),
                "it blurs the edges of the word or number",
            ),
        ),
        OKABE_ITO["yellow"],
        HATCHES[6],
        "groove",
        "S",
    ),
    "disclaim": Category(
        "disclaim",
        "engagement",
        "disclaim",
        "rejects or counters another view: denial (no, never) and counter-expectation "
        "(but, yet, even)",
        "it brings in a view only to reject it, so the reader hears the writer overrule it",
        _subs(
            (
                "deny",
                "deny",
                "denies, bringing the positive view in only to reject it",
                ("No mention", "not", "never", "in no way"),
                "a denial answers someone who might think otherwise",
            ),
            (
                "counter",
                "counter",
                "replaces what the reader would expect with something else",
                ("but", "yet", "even", "actually"),
                "it tells the reader that what follows goes against expectation",
            ),
        ),
        OKABE_ITO["grey"],
        HATCHES[7],
        "dotted",
        "D",
    ),
    "proclaim": Category(
        "proclaim",
        "engagement",
        "proclaim",
        "presents a claim as certain, obvious or proven (Hyland's boosters)",
        "it closes down other views: the reader is told the matter is settled",
        _subs(
            (
                "concur",
                "concur",
                "presents the writer and reader as agreeing on something obvious",
                ("of course", "naturally", "needless to say"),
                "it assumes the reader already agrees",
            ),
            (
                "pronounce",
                "pronounce",
                "the writer insists on the claim",
                ("clearly", "undoubtedly", "it is clear", "in fact"),
                "it presents the writer's reading as beyond doubt",
            ),
            (
                "endorse",
                "endorse",
                "presents evidence or a source as proving the claim",
                ("shows", "proves", "there for all to see", "points out"),
                "it treats the claim as proven by the source",
            ),
        ),
        OKABE_ITO["blue"],
        HATCHES[0],
        "double",
        "P",
        hyland="booster",
        certainty="boosted",
    ),
    "entertain": Category(
        "entertain",
        "engagement",
        "entertain",
        "presents a claim as possible, likely or one view among others (Hyland's hedges)",
        "it lowers the writer's commitment and leaves room for other views",
        _subs(
            (
                "possibility",
                "possibility",
                "a modal or adverb of possibility or likelihood",
                ("may", "might", "could (possibly)", "perhaps", "probably"),
                "the writer does not commit to the claim being true",
            ),
            (
                "appearance",
                "appearance",
                "presents the claim as an impression or inference",
                ("seems", "appears to", "feels like", "suggests"),
                "the claim is offered as how things look, not as fact",
            ),
            (
                "opinion",
                "opinion",
                "marks the claim as the writer's own view",
                ("I think", "in my view", "I suspect"),
                "the claim is offered as one person's view",
            ),
        ),
        OKABE_ITO["sky"],
        HATCHES[2],
        "dotted",
        "E",
        hyland="hedge",
        certainty="hedged",
    ),
    "attribute": Category(
        "attribute",
        "engagement",
        "attribute",
        "reports other voices: neutrally (said), at a distance (claimed, so-called, "
        "scare quotes) or as an admission (admits)",
        "the reporting word tells the reader how far to trust what is reported",
        _subs(
            (
                "acknowledge",
                "acknowledge",
                "reports what someone said, with a verb that may colour it",
                ("said", "according to", "warned", "vowed"),
                "who is quoted, and with which verb, frames what they say",
            ),
            (
                "distance",
                "distance",
                "reports a claim while holding it at arm's length",
                ("claimed", "so-called", "“success”", "allegedly"),
                "it invites the reader to doubt what is reported",
            ),
            (
                "presuppose",
                "presuppose",
                "a reporting verb that takes what is reported as true and awkward for the speaker",
                ("admits", "concedes", "confessed"),
                "it presents the statement as a truth the speaker would rather have hidden",
            ),
        ),
        OKABE_ITO["black"],
        HATCHES[4],
        "dashed",
        "R",
    ),
    "label": Category(
        "label",
        "naming",
        "label",
        "a loaded name for a person, group or system (or a euphemism that hides a harm)",
        "the name itself passes a verdict before any argument is made",
        _subs(
            (
                "person",
                "person",
                "names a person by a loaded role",
                ("tyrant", "thug", "hero"),
                "the name decides what kind of person this is",
            ),
            (
                "group",
                "group",
                "names a group by a loaded role",
                ("gangsters", "mob", "Bosses", "elite"),
                "the name decides what kind of people these are",
            ),
            (
                "system",
                "system",
                "names a state, regime or system pejoratively",
                ("kleptocracy", "regime", "nanny state"),
                "the name decides what kind of rule this is",
            ),
            (
                "euphemism",
                "euphemism",
                "a softening name that hides a harm",
                ("collateral damage", "special military operation"),
                "the mild name keeps the reader from seeing the harm",
            ),
        ),
        OKABE_ITO["purple"],
        HATCHES[5],
        "dashed",
        "L",
    ),
    "figurative": Category(
        "figurative",
        "figuration",
        "figurative",
        "a metaphor, simile or idiom that carries a judgement",
        "the comparison transfers feelings about one thing onto another",
        _subs(
            (
                "metaphor",
                "metaphor",
                "a word used in a transferred sense",
                ("stranglehold", "soared", "piling pressure"),
                "the picture brings its own feelings with it",
            ),
            (
                "simile",
                "simile",
                "an explicit comparison",
                ("feels like", "is like", "as if"),
                "the comparison asks the reader to see one thing as another",
            ),
            (
                "idiom",
                "idiom",
                "a fixed figurative phrase",
                ("house of cards", "family silver", "white elephant"),
                "the stock phrase carries a ready-made verdict",
            ),
        ),
        OKABE_ITO["green"],
        HATCHES[8],
        "solid",
        "M",
    ),
}

#: Sub-tables for exercise keys (``"labels": "framingkit.spot.categories:ENGAGEMENT"``).
ATTITUDE_TYPES: dict[str, Subtype] = CATEGORIES["attitude"].subtypes
GRADUATION: dict[str, Category] = {k: CATEGORIES[k] for k in ("force", "focus")}
ENGAGEMENT: dict[str, Category] = {
    k: CATEGORIES[k] for k in ("disclaim", "proclaim", "entertain", "attribute")
}

#: Attitude spans say how the attitude is carried.
MODES: dict[str, str] = {
    "inscribed": "an explicitly evaluative word (disastrous, reckless, furious)",
    "invoked": "a verb or noun of action or fact that implies a verdict without stating it "
    "(wrested for took, hiked for raised, Bosses for managers)",
}

#: Polarity values a span may carry.
POLARITIES: tuple[str, ...] = ("positive", "negative")
#: Intensity scale: 1 mild, 2 moderate, 3 strong (plain words on student screens).
INTENSITY_LABELS: dict[int, str] = {1: "mild", 2: "moderate", 3: "strong"}
#: Where a span's evidence came from (provenance: in ``--json``, not on student screens).
SOURCES: dict[str, str] = {
    "lexicon": "the kit's evaluative lexicon (data/lexicons)",
    "vader": "VADER's sentiment lexicon (vaderSentiment, MIT), attitude polarity only",
    "rule": "a rule of the kit (see framingkit.spot.rules.RULES)",
}


@dataclass(frozen=True)
class LegacyName:
    """An old category name: the current categories it may mean, and a note for students."""

    name: str
    candidates: tuple[str, ...]
    note: str


#: Old category names (before issue 11) and what they now mean. The exercise engine reads
#: them leniently: an old name counts as right when the reference is one of its candidates,
#: and the student is told the current name.
LEGACY_NAMES: dict[str, LegacyName] = {
    "booster": LegacyName(
        "booster",
        ("proclaim", "force"),
        "'booster' is now split: certainty markers (Hyland's boosters: clearly, undoubtedly) "
        "are 'proclaim'; intensifiers (massive, whatsoever) are 'force'",
    ),
    "hedge": LegacyName(
        "hedge",
        ("entertain", "force", "focus"),
        "'hedge' is now split: epistemic hedges (may, perhaps, seems) are 'entertain'; "
        "downtoners (slightly) are 'force'; approximators (about 600) are 'focus'",
    ),
    "scare_quote": LegacyName(
        "scare_quote",
        ("attribute",),
        "scare quotes are now 'attribute' (distance): the writer holds the word at arm's length",
    ),
    "stance_verb": LegacyName(
        "stance_verb",
        ("attribute", "attitude"),
        "'stance verb' is now split: reporting verbs (claimed, insisted) are 'attribute'; "
        "verbs of action that imply a verdict (wrested, imposed) are 'attitude' (invoked)",
    ),
}
# spellings students type
for _alias, _name in {
    "boosters": "booster",
    "hedges": "hedge",
    "scare quote": "scare_quote",
    "scare quotes": "scare_quote",
    "stance verb": "stance_verb",
    "stance verbs": "stance_verb",
}.items():
    LEGACY_NAMES[_alias] = LEGACY_NAMES[_name]

#: Old subtype names -> (category, subtype) now (used when re-filing lexicons and keys).
LEGACY_SUBTYPES: dict[tuple[str, str], tuple[str, str]] = {
    ("booster", "intensifier"): ("force", "intensify"),
    ("booster", "amplifier"): ("force", "intensify"),
    ("booster", "emphatic"): ("force", "intensify"),
    ("booster", "certainty"): ("proclaim", "pronounce"),
    ("hedge", "modal"): ("entertain", "possibility"),
    ("hedge", "epistemic"): ("entertain", "possibility"),
    ("hedge", "downtoner"): ("force", "downtone"),
    ("hedge", "approximator"): ("focus", "soften"),
    ("scare_quote", "scare"): ("attribute", "distance"),
    ("stance_verb", "reporting"): ("attribute", "acknowledge"),
    ("stance_verb", "framing"): ("attitude", "judgement"),
    ("label", "event"): ("attitude", "judgement"),
}


def read_name(name: str) -> LegacyName | None:
    """The legacy entry for an old category name (any case, spaces or underscores), or ``None``.

    >>> read_name("Stance verb").candidates
    ('attribute', 'attitude')
    >>> read_name("attitude") is None
    True
    """
    key = " ".join(name.strip().lower().replace("_", " ").split())
    return LEGACY_NAMES.get(key) or LEGACY_NAMES.get(key.replace(" ", "_"))


def certainty_of(category: str, subtype: str = "") -> str | None:
    """What a cue of this category does to a claim's certainty: ``"boosted"``, ``"hedged"``
    or ``None`` (force, attitude and the rest never change certainty).

    >>> certainty_of("force", "intensify") is None
    True
    """
    cat = CATEGORIES.get(category)
    return cat.certainty if cat is not None else None


#: The senses that make up "loaded wording" (what news-bias annotators mark): attitude, labels,
#: figures, intensifying force and distancing attribution. Engagement that only positions
#: voices (said, may, but, clearly) and softening graduation are appraisal too, but not loaded.
LOADED: frozenset[tuple[str, str]] = frozenset(
    [(c, sub) for c in ("attitude", "label", "figurative") for sub in CATEGORIES[c].subtypes]
    + [("force", "intensify"), ("attribute", "distance")]
)


def is_loaded(span: object) -> bool:
    """Whether a span (anything with ``category`` and ``subtype``) is loaded wording.

    >>> from types import SimpleNamespace as S
    >>> is_loaded(S(category="force", subtype="intensify")), is_loaded(S(category="entertain",
    ...     subtype="possibility"))
    (True, False)
    """
    return (str(getattr(span, "category", "")), str(getattr(span, "subtype", ""))) in LOADED


#: The lexicon's intensity scale (data/lexicons/SOURCES.md): 1 = a mild or routine choice that a
#: careful neutral writer might still make; 2 = a marked choice that a neutral report would
#: avoid; 3 = the strongest words. One-sided wording from 2 up is "charged".
CHARGED_INTENSITY = 2


def one_sided_reason(span: object) -> str:
    """Why a loaded span does not take a side in a news report (``""`` when it does), or
    ``"not loaded"``. Loaded wording evaluates; it reads as *one-sided* unless it is one of
    the routine kinds a straight news report uses as well:

    - ``"praise"``: praise below the strongest degree ("a successful launch", "a popular
      programme"): news reports success and sources' views in such words; only the strongest
      praise ("heroic", "brilliant") takes a side;
    - ``"mild force"``: a mild intensifier ("more", "very"), routine in any report;
    - ``"mild action"``: a mild verb of action that only invokes a verdict ("cut", "pushed");
    - ``"mild label"``: a mild name for a system ("bureaucracy", "status quo");
    - ``"quoted words"``: words in quotation marks found in one sentence: without the rest of
      the article the kit cannot tell a scare quote from a partial quotation of a source
      named in the sentence before.

    >>> from types import SimpleNamespace as S
    >>> one_sided_reason(S(category="attitude", subtype="appreciation", polarity="positive",
    ...     intensity=2)), one_sided_reason(S(category="attitude", subtype="judgement",
    ...     polarity="negative", intensity=1))
    ('praise', '')
    """
    if not is_loaded(span):
        return "not loaded"
    cat = str(getattr(span, "category", ""))
    inten = int(getattr(span, "intensity", 0) or 0)
    if cat in {"attitude", "label"} and getattr(span, "polarity", None) == "positive":
        return "praise" if inten < 3 else ""
    if inten >= CHARGED_INTENSITY:
        return "quoted words" if getattr(span, "rule", "") == "scare quote" else ""
    if cat == "force":
        return "mild force"
    if cat == "label":
        return "mild label"
    if cat == "attitude" and getattr(span, "mode", "") == "invoked":
        return "mild action"
    return "quoted words" if getattr(span, "rule", "") == "scare quote" else ""


def is_one_sided(span: object) -> bool:
    """Whether a span is one-sided wording: loaded (:func:`is_loaded`) and not one of the routine
    kinds of :func:`one_sided_reason` ("slammed", "controversial", "regime"; not "successful",
    "very", "cut").

    >>> from types import SimpleNamespace as S
    >>> is_one_sided(S(category="force", subtype="intensify", intensity=1))
    False
    """
    return one_sided_reason(span) == ""


def is_charged(span: object) -> bool:
    """Whether a span is charged: one-sided wording (:func:`is_one_sided`) that a neutral report
    would avoid, i.e. of intensity :data:`CHARGED_INTENSITY` or more ("slammed", "radical left",
    not "criticised" or "controversial").

    >>> from types import SimpleNamespace as S
    >>> is_charged(S(category="attitude", subtype="judgement", intensity=2))
    True
    >>> is_charged(S(category="attitude", subtype="judgement", intensity=1))
    False
    """
    return is_one_sided(span) and int(getattr(span, "intensity", 0) or 0) >= CHARGED_INTENSITY


def reads_as_charged(spans: Iterable[object]) -> bool:
    """The sentence-level decision for "does this sentence read as one-sided?" (the question
    news-bias annotators answer): one charged span, or two one-sided spans that add up. A
    single mild word ("controversial") is routine news wording; engagement (said, may, but)
    and the routine kinds of :func:`one_sided_reason` never count. For "does this sentence
    evaluate at all?" use ``any(map(is_loaded, spans))``.

    >>> from types import SimpleNamespace as S
    >>> mild = S(category="attitude", subtype="appreciation", intensity=1)
    >>> reads_as_charged([mild]), reads_as_charged([mild, mild])
    (False, True)
    """
    sided = [s for s in spans if is_one_sided(s)]
    return len(sided) >= 2 or any(is_charged(s) for s in sided)


def is_certainty_cue(span: object) -> bool:
    """Whether a span (anything with a ``category``) is an epistemic certainty cue: Hyland's
    boosters (``proclaim``) and hedges (``entertain``), never force.

    >>> from types import SimpleNamespace as S
    >>> is_certainty_cue(S(category="proclaim")), is_certainty_cue(S(category="force"))
    (True, False)
    """
    return certainty_of(str(getattr(span, "category", ""))) is not None


def markdown_table() -> str:
    """The categories as a Markdown table (README and docs/spot.md paste it; a test checks).

    >>> markdown_table().splitlines()[0]
    '| category | system | mark | what it is | subtypes |'
    """
    rows = [
        "| category | system | mark | what it is | subtypes |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name in CATEGORY_ORDER:
        c = CATEGORIES[name]
        subs = "; ".join(f"{s.name} ({', '.join(s.examples[:3])})" for s in c.subtypes.values())
        extra = f" = Hyland's {c.hyland}s" if c.hyland else ""
        rows.append(f"| `{name}` | {c.system} | {c.mark} | {c.description}{extra} | {subs} |")
    return "\n".join(rows)
