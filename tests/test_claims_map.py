"""Claim units, positions, links (drafted and edited) and the headline check."""

from __future__ import annotations

import pytest

from framingkit.claims import RELATIONS, ClaimMap, Link, claims, headline_support
from framingkit.claims.links import marker_of
from framingkit.errors import InputError

ARTICLE = """Council plans to close the riverside library

By Ann Writer (Opinion) - The Courier

*The council's budget hides a quiet decision about books and buildings in the town.*

The council will close the riverside library next spring, the leader said on Monday. \
It has 9,000 members.

But the building is listed, and repairs would cost two million pounds. \
For example, the roof leaks in every storm.

Closing it would be a mistake that the town will regret."""


@pytest.fixture(scope="module")
def cm() -> ClaimMap:
    return claims(ARTICLE, use_spot=False)


def test_positions_and_offsets(cm: ClaimMap) -> None:
    pos = [c.position for c in cm.claims]
    assert pos[0] == "headline"
    assert pos[1] == "standfirst"
    assert pos[-1] == "closing"
    assert [c.id for c in cm.claims] == [f"c{i}" for i in range(1, len(cm.claims) + 1)]
    for c in cm.claims:
        assert ARTICLE[c.start : c.end] == c.text
    assert not any("Ann Writer" in c.text for c in cm.claims)  # the byline is no claim


def test_clause_split_keeps_the_conjunction() -> None:
    cm = claims(
        "The plan saved money for the town, but it closed two of the schools.", use_spot=False
    )
    assert [c.text for c in cm.claims] == [
        "The plan saved money for the town",
        "but it closed two of the schools.",
    ]
    assert cm.links[0].relation == "contrasts"


def test_questions_are_not_claims() -> None:
    assert claims("Is this the end of the high street?", use_spot=False).claims == ()


@pytest.mark.parametrize(
    ("text", "relation", "direction"),
    [
        ("But the roof leaks.", "contrasts", "to_previous"),
        ("However, nobody came.", "contrasts", "to_previous"),
        ("For example, the roof leaks.", "exemplifies", "to_previous"),
        ("So the council must act.", "supports", "from_previous"),
        ("That is why the council must act.", "supports", "from_previous"),
        ("Moreover, the roof leaks.", "elaborates", "to_previous"),
    ],
)
def test_markers(text: str, relation: str, direction: str) -> None:
    assert relation in RELATIONS
    mk = marker_of(text)
    assert mk is not None
    assert mk[1:] == (relation, direction)


def test_no_marker_for_a_sentence_initial_subordinate_clause() -> None:
    assert marker_of("Since the roof leaks, the council must act.") is None
    assert marker_of("Since 2014 the roof has leaked.") is None


def test_drafted_links(cm: ClaimMap) -> None:
    rel = {(lk.source, lk.target): lk.relation for lk in cm.links}
    by_text = {c.text.split()[0] + c.text.split()[1]: c.id for c in cm.claims}
    but = next(c.id for c in cm.claims if c.text.startswith("But"))
    example = next(c.id for c in cm.claims if c.text.startswith("For example"))
    assert any(r == "contrasts" and s == but for (s, _), r in rel.items())
    assert any(r == "exemplifies" and s == example for (s, _), r in rel.items())
    assert all(lk.basis for lk in cm.links)
    assert by_text  # the map is not empty


def test_links_are_editable(cm: ClaimMap) -> None:
    edited = cm.with_link("c4", "c1", "exemplifies")
    assert ("c4", "c1", "exemplifies") in [lk.key for lk in edited.links]
    assert edited.links[-1].basis == "edited"
    assert cm.links != edited.links  # the original is unchanged
    removed = edited.without_link("c4", "c1")
    assert ("c4", "c1") not in [(lk.source, lk.target) for lk in removed.links]
    rebuilt = cm.with_links([("c3", "c1", "supports")])
    assert [lk.key for lk in rebuilt.links] == [("c3", "c1", "supports")]
    assert cm.with_type("c3", "judgement").claim("c3").type == "judgement"


def test_bad_edits_are_one_sentence_errors(cm: ClaimMap) -> None:
    with pytest.raises(InputError, match="not a link relation"):
        cm.with_link("c3", "c1", "refutes")
    with pytest.raises(InputError, match="no claim 'c99'"):
        cm.with_link("c99", "c1", "supports")
    with pytest.raises(InputError):
        Link("c1", "c2", "causes")


def test_headline_support_on_crafted_article(cm: ClaimMap) -> None:
    hs = headline_support(cm)
    status = {t.term: t.status for t in hs.terms}
    assert status["library"] == "stated"
    assert status["close"] == "stated"
    assert status["plans"] in ("related", "absent")
    assert hs.verdict in ("stated", "partly")
    assert hs.closest and "library" in hs.closest[0].text


def test_headline_support_needs_a_headline() -> None:
    with pytest.raises(InputError, match="no headline"):
        headline_support("One plain sentence with no headline at all.")


def test_json_fields(cm: ClaimMap) -> None:
    data = cm.to_json()
    for c in data["claims"]:
        assert {
            "id",
            "start",
            "end",
            "text",
            "type",
            "certainty",
            "cues",
            "actors",
            "quantities",
        } <= set(c)
    for lk in data["links"]:
        assert {"source", "target", "relation"} <= set(lk)


@pytest.mark.parametrize(
    "note",
    [
        "Correction: An earlier version of this article misstated the cost of the line.",
        "This article was amended on 3 May 2024 to correct the mayor's name.",
        "Editor's note: The names of two witnesses have been changed.",
        "Update: The minister said on Friday that the plan would go ahead.",
    ],
)
def test_notes_about_the_piece_are_not_claims(note: str) -> None:
    """A correction or editor's note is paratext: not the writer's claim, not 'attributed'."""
    text = (
        "Council approves tram line\n\nBy Maria Kowalski\n\n"
        "The council voted 27 to 14 to approve the line. It will cost £231 million.\n\n"
        f"Opponents said the budget was unrealistic.\n\n{note}"
    )
    cm = claims(text, use_spot=False)
    assert [c.text for c in cm.claims] == [
        "Council approves tram line",
        "The council voted 27 to 14 to approve the line.",
        "It will cost £231 million.",
        "Opponents said the budget was unrealistic.",
    ]
    assert cm.claims[-1].position == "closing"


@pytest.mark.parametrize(
    ("a", "b", "change", "why"),
    [
        (
            "Bus ridership rose by 6 per cent last year.",
            "Bus ridership fell by 6 per cent last year.",
            "meaning",
            "opposite",
        ),
        (
            "That plan will be reconsidered next year.",
            "That plan will be costed next year.",
            "meaning",
            "another verb",
        ),
        (
            "The council approved the plan on Monday.",
            "The council rejected the plan on Monday.",
            "meaning",
            "",
        ),
        (
            "The mayor said the plan was ready.",
            "The mayor stated the plan was ready.",
            "reworded",
            "",
        ),
    ],
)
def test_compare_claims_opposites_and_verbs(a: str, b: str, change: str, why: str) -> None:
    """One word for its opposite, or one content verb for another, changes the meaning;
    one reporting verb for another is only reworded."""
    from framingkit.claims import compare_claims

    (pair,) = compare_claims(a, b).pairs
    assert change in pair.changes, pair
    assert why in pair.explanation.lower()
    if change == "reworded":
        assert "meaning" not in pair.changes
