"""Certainty (Toulmin's qualifier) from epistemic cues only: entertain and proclaim, never force.

Each context rule of claims/certainty.py has its own test here; the sentences are written for
these tests (issue 11, instructor review §6 and §14 items 11 and 18).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from framingkit.claims import claims
from framingkit.claims.certainty import CUE_RULES, certainty_cues, level_of, spot_kind
from framingkit.claims.classify import classify


def level(text: str) -> str:
    return level_of(certainty_cues(text))


@pytest.mark.parametrize(
    "text",
    [
        "The deal covers a massive pipeline project to pump gas to the coast.",
        "But the mayor, unmoved by such excessive zeal, declined to sign anything.",
        "Traders revive old claims to this resource-rich and highly strategic valley.",
        "No mention whatsoever of the plan appears in the minutes.",
        "Analysts have read the speech for every last nuance.",
        "The decision to close the ward is utterly indefensible.",
        "Not a single new school has been built since 1998.",
        "The relationship has become slightly abusive.",
    ],
)
def test_force_and_denial_never_change_certainty(text: str) -> None:
    assert level(text) == "plain"
    assert classify(text).certainty == "plain"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The strike may spread to the ports.", "hedged"),
        ("Paying them feels like buying back your own car from a thief.", "hedged"),
        ("I think the council was wrong.", "hedged"),
        ("Around 200 people are thought to have attended.", "hedged"),
        ("It is clear that the board knew.", "boosted"),
        ("The plan to sell the park is there for all to see.", "boosted"),
        ("It's a clear breach of the contract.", "boosted"),
        ("The minister undoubtedly knew about the report.", "boosted"),
    ],
)
def test_epistemic_cues(text: str, expected: str) -> None:
    assert level(text) == expected


def rule(name: str):
    return next(r for r in CUE_RULES if r.name == name)


def test_every_rule_has_an_explanation() -> None:
    assert len({r.name for r in CUE_RULES}) == len(CUE_RULES)
    assert all(len(r.explanation) > 30 for r in CUE_RULES)


@pytest.mark.parametrize(
    "text",
    [
        "In the final statement, all a disappointed mayor could comment was that work continued.",
        "All the coach could say was that the team had tried.",
        "The best she could offer was a delay.",
        "He could barely see the road through the smoke.",
    ],
)
def test_could_of_ability_is_neither_hedge_nor_prediction(text: str) -> None:
    res = classify(text)
    assert res.certainty == "plain", res.cues
    assert not [c for c in res.cues if c.kind == "prediction"]
    assert rule("could_of_ability").applies(text, text.lower(), *_span(text, "could"))


def test_could_of_possibility_still_hedges() -> None:
    text = "The shortage could push food prices even higher."
    assert classify(text).certainty == "hedged"
    assert not rule("could_of_ability").applies(text, text.lower(), *_span(text, "could"))


def test_month_may() -> None:
    assert level("The museum reopened in May after the repairs.") == "plain"
    assert level("May 5 was a Sunday.") == "plain"
    assert level("It may rain.") == "hedged"


def test_future_marker_is_not_a_hedge() -> None:
    assert classify("The company is expected to announce job cuts next week.").certainty == "plain"


def test_negated_booster_hedges() -> None:
    assert level("It is not clear that the scheme worked.") == "hedged"
    assert level("It isn't clear that the scheme worked.") == "hedged"


@dataclass
class Span:
    start: int
    end: int
    text: str
    category: str
    subtype: str = ""


def test_spotter_spans_count_only_when_epistemic() -> None:
    # new appraisal names, and the old ones read leniently
    assert spot_kind(Span(0, 1, "x", "entertain")) == "entertain"
    assert spot_kind(Span(0, 1, "x", "proclaim", "pronounce")) == "proclaim"
    assert spot_kind(Span(0, 1, "x", "hedge", "modal")) == "entertain"
    assert spot_kind(Span(0, 1, "x", "booster", "certainty")) == "proclaim"
    for cat, sub in [
        ("force", "intensify"),
        ("booster", "amplifier"),
        ("booster", "emphatic"),
        ("hedge", "downtoner"),
        ("hedge", "approximator"),
        ("focus", "soften"),
    ]:
        assert spot_kind(Span(0, 1, "x", cat, sub)) is None
    text = "A massive project."
    spans = [Span(2, 9, "massive", "booster", "amplifier"), Span(2, 9, "massive", "force")]
    assert classify(text, spot_spans=spans).certainty == "plain"
    text = "The plan is evident to everyone."
    spans = [Span(12, 19, "evident", "proclaim", "pronounce")]
    assert classify(text, spot_spans=spans).certainty == "boosted"


def test_reporting_verb_from_the_spotter_is_attribution_not_hedge() -> None:
    text = "Critics argue that the scheme rewards landlords."
    spans = [Span(0, 13, "Critics argue", "hedge", "epistemic")]
    assert classify(text, spot_spans=spans).certainty == "plain"


def test_claim_cues_use_the_appraisal_names() -> None:
    cm = claims("Prices may rise.\n\nThe plan clearly failed, a massive blow.", use_spot=False)
    kinds = {q.text: q.kind for c in cm.claims for q in c.certainty_cues}
    assert kinds == {"may": "entertain", "clearly": "proclaim"}
    data = cm.to_json()
    assert {q["kind"] for c in data["claims"] for q in c["cues"]} >= {"entertain", "proclaim"}


def _span(text: str, word: str) -> tuple[int, int]:
    s = text.lower().index(word)
    return s, s + len(word)


def test_clear_as_a_verb_is_no_booster() -> None:
    text = "The health secretary said the waiting lists would be cleared by 2030."
    spans = [Span(text.index("cleared"), text.index("cleared") + 7, "cleared", "proclaim")]
    assert classify(text, spot_spans=spans).certainty == "plain"
    assert level("The council wants to clear the backlog.") == "plain"
    assert level("It is clear that the board knew.") == "boosted"
