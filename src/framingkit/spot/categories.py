"""The one table of evaluative-language categories.

Grounded in appraisal theory (Martin and White 2005: attitude, graduation,
engagement) and metadiscourse (Hyland 2005: boosters, hedges). Every view,
the CLI, the lexicon checks and the docs read this table; nothing else lists
the categories.

>>> CATEGORIES["hedge"].label
'hedge'
>>> sorted(CATEGORIES) == sorted(CATEGORY_ORDER)
True
"""

from __future__ import annotations

from dataclasses import dataclass

from ..style import HATCHES, OKABE_ITO


@dataclass(frozen=True)
class Category:
    """One category: its name, a short label, what it is, its subtypes and how it is drawn."""

    name: str
    label: str
    description: str
    why: str
    subtypes: dict[str, str]
    colour: str
    hatch: str
    mark: str


#: The categories in display order.
CATEGORY_ORDER: tuple[str, ...] = (
    "attitude",
    "booster",
    "hedge",
    "label",
    "figurative",
    "scare_quote",
    "stance_verb",
)

CATEGORIES: dict[str, Category] = {
    "attitude": Category(
        "attitude",
        "attitude",
        "a word or phrase that judges people, actions or things as good or bad",
        "it tells the reader how to feel about what is described",
        {
            "affect": "an emotion felt or caused (disappointed, alarming)",
            "judgement": "a verdict on people's behaviour or character (abusive, reckless, brave)",
            "appreciation": "a verdict on things, events or results (chaotic, disastrous, elegant)",
        },
        OKABE_ITO["vermillion"],
        HATCHES[3],
        "A",
    ),
    "booster": Category(
        "booster",
        "booster",
        "an intensifier or certainty marker that turns the volume up",
        "it makes the claim sound stronger or more certain than a plain statement",
        {
            "intensifier": "raises the degree of the next word (highly, deeply, utterly)",
            "amplifier": "an adjective that inflates size or amount (massive, sheer, excessive)",
            "certainty": "presents a claim as beyond doubt (undoubtedly, clearly, of course)",
            "emphatic": "adds emphasis or totality (whatsoever, at all, every last)",
        },
        OKABE_ITO["orange"],
        HATCHES[1],
        "B",
    ),
    "hedge": Category(
        "hedge",
        "hedge",
        "a downtoner, approximator or modal that softens or qualifies a claim",
        "it lowers the writer's commitment, leaving room for doubt",
        {
            "modal": "a modal verb or phrase of possibility (may have, might, could)",
            "downtoner": "lowers the degree (slightly, somewhat, rather)",
            "approximator": "makes a number or amount vague (about, around, some)",
            "epistemic": "marks a claim as opinion or likelihood (perhaps, apparently, seems)",
        },
        OKABE_ITO["sky"],
        HATCHES[2],
        "H",
    ),
    "label": Category(
        "label",
        "label",
        "a loaded name for a person, group, system or event",
        "the name itself passes a verdict before any argument is made",
        {
            "person": "names a person by a loaded role (tyrant, thug, hero)",
            "group": "names a group by a loaded role (gangsters, mob, elite)",
            "system": "names a state, regime or system pejoratively (kleptocracy, regime)",
            "event": "names an event or action in a loaded way (massacre, witch hunt, power grab)",
        },
        OKABE_ITO["purple"],
        HATCHES[4],
        "L",
    ),
    "figurative": Category(
        "figurative",
        "figurative",
        "a metaphor, simile or analogy that carries a judgement",
        "the comparison transfers feelings about one thing onto another",
        {
            "metaphor": "a word used in a transferred sense (stranglehold, tsunami)",
            "simile": "an explicit comparison (feels like, is like, as if)",
            "idiom": "a fixed figurative phrase (house of cards, slippery slope)",
        },
        OKABE_ITO["green"],
        HATCHES[5],
        "F",
    ),
    "scare_quote": Category(
        "scare_quote",
        "scare quote",
        "quotation marks around a short phrase with no speaker",
        "the marks distance the writer from the word, suggesting it is not to be believed",
        {"scare": "one to three words in quotation marks with no speaker"},
        OKABE_ITO["yellow"],
        HATCHES[6],
        "Q",
    ),
    "stance_verb": Category(
        "stance_verb",
        "stance verb",
        "a reporting or framing verb that evaluates the speaker or the claim",
        "choosing this verb instead of a neutral one (say, present) judges the speaker or claim",
        {
            "reporting": "reports speech while judging it (claim, insist, boast, admit)",
            "framing": "describes an action in a judging way (parade as, refuse, exploit)",
        },
        OKABE_ITO["blue"],
        HATCHES[0],
        "V",
    ),
}

#: Polarity values a span may carry.
POLARITIES: tuple[str, ...] = ("positive", "negative")
#: Intensity scale: 1 mild, 2 marked, 3 strong.
INTENSITY_LABELS: dict[int, str] = {1: "mild", 2: "marked", 3: "strong"}
#: Where a span's evidence came from.
SOURCES: dict[str, str] = {
    "lexicon": "the kit's evaluative lexicon (data/lexicons)",
    "vader": "VADER's sentiment lexicon (vaderSentiment, MIT), attitude polarity only",
    "rule": "a rule of the kit (negation, intensifier plus head, compounds, comparisons, quotes)",
}
