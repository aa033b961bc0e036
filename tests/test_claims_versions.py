"""Claims across versions: claim aligned with claim, changes said in plain words (issue 13
item 5; student walkthrough, lesson 03: the cryptic "'Great' -> '' (a name)" table)."""

from __future__ import annotations

import pytest

from framingkit.claims import claims, compare_claims
from framingkit.claims.versions import EDIT_TEMPLATES, same_name

A = (
    "Council votes to merge two branches\n\n"
    "The council voted 7-4 on Tuesday to merge the Westgate library into the Central branch.\n\n"
    "The land, three times the area of Great Britain, was taken from Opium-weakened Ruritanian "
    "control in 1858 under the Treaty of Aigun.\n\n"
    "It's a clear breach of the rules."
)
B = (
    "Council axes beloved Westgate library\n\n"
    "The council has voted to close the Westgate library.\n\n"
    "The land, three times the area of Britain, was taken from control.\n\n"
    "It's a flagrant violation of the rules."
)


@pytest.fixture(scope="module")
def pairs():
    return compare_claims(claims(A, use_spot=False), claims(B, use_spot=False)).pairs


def test_headline_aligns_with_headline_only(pairs) -> None:
    head = next(p for p in pairs if p.a_id == "c1")
    assert head.b_id == "c1"
    body = next(p for p in pairs if p.a_id == "c2")
    assert body.b_id == "c2"


def test_headline_never_aligns_with_a_body_sentence() -> None:
    a = "Council to close the library\n\nThe council will close the library in May."
    b = "The council will close the library in May."
    cmp = compare_claims(claims(a, use_spot=False), claims(b, use_spot=False))
    head = next(p for p in cmp.pairs if p.a_id == "c1")
    assert head.b_id is None and head.changes == ("dropped",)


def test_plain_words_no_cryptic_arrows(pairs) -> None:
    for p in pairs:
        assert "->" not in p.explanation and "(a name)" not in p.explanation, p.explanation


def test_a_shorter_form_of_a_name_is_no_meaning_change(pairs) -> None:
    land = next(p for p in pairs if p.a_id == "c3")
    assert "judging word" not in land.explanation  # "Great" in "Great Britain" is a name
    assert "someone or somewhere else" not in land.explanation
    assert "B leaves out 'Opium-weakened Ruritanian'" in land.explanation
    assert "no longer says when" in land.explanation


def test_certainty_and_force_are_told_apart(pairs) -> None:
    breach = next(p for p in pairs if p.a_id == "c4")
    assert "certainty" in breach.changes
    text = breach.explanation
    assert "B drops 'clear'" in text and "beyond doubt" not in text.split("so the claim")[1][:40]
    assert "(it was boosted, now plain)" in text


def test_dropped_number_and_verb(pairs) -> None:
    vote = next(p for p in pairs if p.a_id == "c2")
    assert "B leaves out '7-4 on Tuesday'" in vote.explanation
    assert "another verb: 'merge' becomes 'close'" in vote.explanation


@pytest.mark.parametrize(
    ("x", "y", "same"),
    [
        ("Great Britain", "Britain", True),
        ("Tsarist", "czarist", True),
        ("Ukraine", "Ukrainian", True),
        ("Taiwan", "Hong Kong", False),
        ("Moscow", "Beijing", False),
    ],
)
def test_same_name(x: str, y: str, same: bool) -> None:
    assert same_name(x, y) is same


def test_templates_are_sentences() -> None:
    for kind in EDIT_TEMPLATES.values():
        for template in kind.values():
            assert "->" not in template and len(template) > 15


def test_contracted_and_full_negation_are_the_same() -> None:
    a = "Such changes haven't been seen for a century, the minister said."
    b = "Changes like these have not been seen in a century, the minister said."
    (pair,) = compare_claims(claims(a, use_spot=False), claims(b, use_spot=False)).pairs
    assert "negation" not in pair.explanation
    (pair,) = compare_claims(
        claims("The plan has not worked.", use_spot=False),
        claims("The plan has worked.", use_spot=False),
    ).pairs
    assert "negation" in pair.explanation


def test_a_type_change_around_the_same_core_says_so() -> None:
    a = "The greedy, reckless bosses raised their own pay by 40 per cent in 2024."
    b = "The bosses raised their own pay by 40 per cent in 2024."
    ca, cb = claims(a, use_spot=False), claims(b, use_spot=False)
    (pair,) = compare_claims(ca, cb).pairs
    assert (ca.claims[0].type, cb.claims[0].type) == ("judgement", "fact")
    assert "core assertion stays fact" in pair.explanation
    assert ca.claims[0].core_type == cb.claims[0].core_type == "fact"
