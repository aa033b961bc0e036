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


def _find(cm: ClaimMap, words: str):
    return next(c for c in cm.claims if words in c.text)


@pytest.mark.parametrize("words", ["massive pipeline", "excessive zeal", "highly strategic"])
def test_force_words_do_not_boost(original: ClaimMap, words: str) -> None:
    # instructor review §6 and §14 item 18
    c = _find(original, words)
    assert c.certainty != "boosted"
    assert words.split()[0] not in " ".join(q.text for q in c.certainty_cues)
    assert any(words.split()[0] in f.text for f in c.framing)


def test_could_of_ability_neither_hedge_nor_prediction(original: ClaimMap) -> None:
    # §14 item 11: "all a disappointed Putin could comment"
    c = _find(original, "could comment")
    assert c.certainty == "plain"
    assert not [q for q in c.cues if q.text.startswith("could")]


def test_places_actors_and_hints(original: ClaimMap) -> None:
    # §14 item 19
    c15 = _find(original, "Opium War")
    assert not any("Manchu" in p for p in c15.places)
    assert "United Kingdom" not in c15.actors
    assert "United Kingdom" not in {a.name for a in original.actors}
    assert "three times the area of Great Britain" in c15.quantities
    c19 = _find(original, "tacitly revive")
    assert not (c19.check_hint and "map" in c19.check_hint)
    c23 = _find(original, "remain focused")
    assert (c23.type, c23.certainty) != ("fact", "plain")


def test_smuggling_sentence_core_and_framing(original: ClaimMap) -> None:
    # issue 13 item 4
    c = _find(original, "smuggling")
    assert c.core_type == "fact" and c.checkable
    framing = " ".join(f.text for f in c.framing)
    assert "gangsters" in framing and "precious" in framing
    assert c.check_hint and "court" in c.check_hint


def test_versions_in_plain_words(original: ClaimMap) -> None:
    # student walkthrough, lesson 03: "'Great' -> '' (a name)"
    cmp = compare_claims(original, claims(REPUBLISHED))
    for p in cmp.pairs:
        assert "(a name)" not in p.explanation and "' -> '" not in p.explanation
    land = next(p for p in cmp.pairs if "Opium War" in p.a_text)
    assert "Great" not in land.explanation
    assert "no longer says when" in land.explanation
