"""The claim map of the two seed texts (expectations from reading them, not rules for them)."""

from __future__ import annotations

import pytest

from framingkit.claims import ClaimMap, claims, compare_claims, headline_support

ORIGINAL = "seeds/original_telegraph.txt"
REPUBLISHED = "seeds/republished_2023-03-28.txt"


@pytest.fixture(scope="module")
def original() -> ClaimMap:
    return claims(ORIGINAL)


def test_headline_is_a_boosted_thesis(original: ClaimMap) -> None:
    head = original.claims[0]
    assert head.position == "headline"
    assert head.certainty == "boosted"
    assert "there for all to see" in [q.text for q in head.certainty_cues]
    assert head.type != "fact"
    assert set(head.actors) == {"China", "Russia"}


def test_quoted_words_make_attributed_claims(original: ClaimMap) -> None:
    deal = next(c for c in original.claims if "deal of the century" in c.text)
    assert deal.type == "attributed"
    assert deal.check_hint and "transcript" in deal.check_hint


def test_metonyms_grouped(original: ClaimMap) -> None:
    actors = {a.name: {m.text for m in a.mentions} for a in original.actors}
    assert {"Beijing", "Xi", "Xi Jinping"} <= actors["China"]
    assert {"Moscow", "Putin"} <= actors["Russia"]


def test_details_found(original: ClaimMap) -> None:
    qs = {q for c in original.claims for q in c.quantities}
    ds = {d for c in original.claims for d in c.dates}
    assert "600,000 square kilometres" in qs and "4,200km" in qs
    assert "in 2049" in ds and "in 1858-60" in ds


def test_body_never_says_annex() -> None:
    hs = headline_support(ORIGINAL)
    status = {t.term: t.status for t in hs.terms}
    assert status["annex"] != "stated"
    assert hs.verdict != "stated"
    assert hs.supporting  # some body claims are drafted as support


def test_republished_version_loses_attribution(original: ClaimMap) -> None:
    cmp = compare_claims(original, claims(REPUBLISHED))
    lost = cmp.of_kind("attribution")
    assert any("deal of the century" in p.a_text for p in lost)
    assert cmp.of_kind("dropped")  # the headline is gone
    assert len(cmp.of_kind("attribution")) >= 3
