"""Claim type and certainty on crafted sentences (one rule family each, none from the seeds)."""

from __future__ import annotations

import pytest

from framingkit.claims import CERTAINTY, CLAIM_TYPES, claims
from framingkit.claims.classify import classify


def one(text: str):
    cm = claims(text, use_spot=False)
    assert len(cm.claims) == 1, [c.text for c in cm.claims]
    return cm.claims[0]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The ferry sank off the coast in 1987 with 193 people on board.", "fact"),
        ("The station has four platforms and a car park.", "fact"),
        ("The farmers' union said the new rules had cut incomes by half.", "attributed"),
        ('"We have no plans to sell," the owner told the paper.', "attributed"),
        (
            "According to the survey, most tenants pay more than a third of their income.",
            "attributed",
        ),
        ("The timing reflects the party's fear of losing the vote.", "interpretation"),
        ("The cuts are designed to please the shareholders.", "interpretation"),
        ("The council should be ashamed of this shameful decision.", "judgement"),
        ("The new law is cruel and indefensible.", "judgement"),
        ("The line will open in 2030.", "prediction"),
        ("If the talks fail, prices will rise again.", "prediction"),
    ],
)
def test_types(text: str, kind: str) -> None:
    assert kind in CLAIM_TYPES
    assert one(text).type == kind


@pytest.mark.parametrize(
    ("text", "level", "cue"),
    [
        ("The strike may spread to the ports.", "hedged", "may"),
        ("The figures perhaps hide a deeper problem.", "hedged", "perhaps"),
        ("It is not clear that the scheme worked.", "hedged", "clear that"),
        ("The scheme has clearly failed.", "boosted", "clearly"),
        ("The minister undoubtedly knew about the report.", "boosted", "undoubtedly"),
        ("The school closed in 1998.", "plain", None),
    ],
)
def test_certainty_and_cues(text: str, level: str, cue: str | None) -> None:
    c = one(text)
    assert level in CERTAINTY
    assert c.certainty == level
    if cue:
        assert cue in [q.text.lower() for q in c.certainty_cues]
    else:
        assert c.certainty_cues == []


def test_cue_offsets_point_into_the_text() -> None:
    text = "Prices rose.\n\nThe bank said it will probably raise rates."
    cm = claims(text, use_spot=False)
    for c in cm.claims:
        assert text[c.start : c.end] == c.text
        for q in c.cues:
            assert text[q.start : q.end] == q.text


def test_month_may_is_not_a_hedge() -> None:
    assert one("The museum reopened in May after the repairs.").certainty == "plain"


def test_writer_i_think_is_not_attribution() -> None:
    c = one("I think the council made the right call on parking.")
    assert c.type != "attributed"
    assert c.certainty == "hedged"


def test_first_cue_decides_a_tie() -> None:
    assert classify("Surely nobody could defend it.").certainty == "boosted"
    assert classify("Perhaps the plan will certainly fail.").certainty == "hedged"


def test_scores_explain_the_choice() -> None:
    res = classify("The plan will fail.")
    assert res.type == "prediction"
    assert res.scores["prediction"] > res.scores["fact"]


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        ("Ministers to scrap free school meals", "prediction"),
        ("Council moves to Leeds", "fact"),
        ("Teachers return to work", "fact"),
    ],
)
def test_headlinese_future(headline: str, kind: str) -> None:
    cm = claims(headline + "\n\nThe council met on Monday.", use_spot=False)
    assert cm.claims[0].position == "headline"
    assert cm.claims[0].type == kind
