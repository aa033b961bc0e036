"""Actors with metonyms grouped, and checkable details."""

from __future__ import annotations

from framingkit.claims import claims
from framingkit.claims.actors import find_actors, place_spans
from framingkit.claims.details import find_details


def groups(text: str) -> dict[str, list[str]]:
    return {a.name: [m.text for m in a.mentions] for a in find_actors(text)}


def test_capitals_seats_and_leaders_stand_for_states() -> None:
    g = groups("Beijing warned Moscow. The Kremlin replied, and Xi later called Putin.")
    assert g["China"] == ["Beijing", "Xi"]
    assert g["Russia"] == ["Moscow", "The Kremlin", "Putin"]


def test_mention_kinds_are_recorded() -> None:
    (us,) = [a for a in find_actors("The White House and Washington disagreed with Biden.")]
    assert us.name == "United States"
    assert [m.kind for m in us.mentions] == ["seat", "capital", "leader"]


def test_a_capital_after_a_locative_preposition_is_a_place() -> None:
    text = "The talks were held in Paris, and Berlin objected."
    assert "France" not in groups(text)
    assert groups(text)["Germany"] == ["Berlin"]
    assert "Paris" in [text[s:e] for s, e in place_spans(text)]


def test_unknown_names_are_actors_and_surnames_group() -> None:
    g = groups("Maria Okonkwo chairs the board. Later Okonkwo resigned.")
    assert g["Maria Okonkwo"] == ["Maria Okonkwo", "Okonkwo"]


def test_details() -> None:
    t = "Since 2014 the firm has paid $5bn for 12,000 square kilometres, three times the old area."
    d = {(x.kind, x.text) for x in find_details(t)}
    assert ("date", "Since 2014") in d
    assert ("quantity", "$5bn") in d
    assert ("quantity", "12,000 square kilometres") in d
    assert ("quantity", "three times") in d


def test_claims_carry_actors_and_hints() -> None:
    cm = claims(
        "Beijing signed the treaty in 1860.\n\nUnemployment rose to 5 per cent.", use_spot=False
    )
    first, second = cm.claims
    assert first.actors == ("China",)
    assert first.dates == ("in 1860",)
    assert "treaty" in (first.check_hint or "")
    assert second.quantities == ("5 per cent",)
    assert "statistics office" in (second.check_hint or "")
    assert {a.name for a in cm.actors} >= {"China"}


def test_gazetteer_is_package_data_not_code() -> None:
    from framingkit.claims.lexicon import load

    gaz = load("gazetteer")
    assert gaz["licence"] and gaz["source"]
    assert len(gaz["actors"]) > 50


def test_number_word_before_a_verb_is_no_quantity():
    """'this one will be no different' counts nothing; 'three towns' still counts."""
    from framingkit.claims.details import find_details

    found = [d.text for d in find_details("This one will be no different, and three towns agree.")]
    assert found == ["three towns"]


def test_sentence_start_check_is_the_regex_it_replaced():
    """_after_sentence_end walks back over white space; it must agree with the old regex."""
    import random
    import re

    from framingkit.claims.actors import _after_sentence_end

    old = re.compile(r"(?:^|[.!?:;\"”]\s+|\n)$")
    rng = random.Random(3)
    parts = ["a", "B", " ", "\n", ".", '"', "”", ";", ",", "\u00a0", "1", "é", "\x1c"]
    for _ in range(3000):
        t = "".join(rng.choice(parts) for _ in range(rng.randint(0, 10)))
        pos = rng.randint(0, len(t))
        assert _after_sentence_end(t, pos) == (old.search(t[:pos]) is not None), (t, pos)


def test_long_sentence_with_many_breaks_keeps_its_clauses():
    """split_clauses on a long sentence (counts by bisection) cuts where each side is long."""
    from framingkit.claims.extract import split_clauses

    text = "; ".join(f"clause number {i} has five words" for i in range(300)) + "."
    spans = split_clauses(text, 0, len(text))
    assert len(spans) == 300
    assert [text[s:e] for s, e in spans][:2] == [
        "clause number 0 has five words",
        "clause number 1 has five words",
    ]
