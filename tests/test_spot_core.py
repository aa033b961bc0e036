"""Tests of spot(): categories, rules, offsets, bad input."""

from __future__ import annotations

import doctest
import importlib
import itertools

import pytest

from framingkit.document import load_article
from framingkit.errors import InputError
from framingkit.spot import CATEGORIES, spot
from framingkit.spot.lexicon import lookup


def _found(text: str, backup: bool = True) -> dict[str, str]:
    return {s.text: s.category for s in spot(text, backup=backup).spans}


@pytest.mark.parametrize(
    "module",
    [
        "framingkit.spot",
        "framingkit.spot.core",
        "framingkit.spot.rules",
        "framingkit.spot.lexicon",
        "framingkit.spot.categories",
    ],
)
def test_doctests(module: str) -> None:
    res = doctest.testmod(importlib.import_module(module))
    assert res.attempted > 0 and res.failed == 0


def test_offsets_map_back_and_categories_known() -> None:
    a = load_article("seeds/original_telegraph.txt")
    res = spot(a)
    assert res.spans
    for s in res.spans:
        assert a.text[s.start : s.end] == s.text
        assert s.category in CATEGORIES
        assert s.subtype in CATEGORIES[s.category].subtypes
        assert s.polarity in (None, "positive", "negative")
        assert 1 <= s.intensity <= 3
        assert s.explanation and s.text.split()[0].strip('“”"') in s.explanation
    starts = [(s.start, s.end) for s in res.spans]
    assert all(e1 <= s2 for (_, e1), (s2, _) in itertools.pairwise(starts))  # no overlaps


@pytest.mark.parametrize(
    ("text", "phrase", "category"),
    [
        ("It is not good news for the city.", "not good news", "attitude"),
        ("The region is highly strategic.", "highly", "force"),
        ("The report was deeply flawed.", "flawed", "attitude"),
        ("They were unmoved by such excessive zeal.", "excessive zeal", "attitude"),
        ("His much-vaunted reform stalled.", "much-vaunted", "attitude"),
        ("It was a one-sided contest.", "one-sided", "attitude"),
        ("The storm may have passed.", "may have", "entertain"),
        ("It is pretty clear what happened.", "pretty", "force"),
        (
            "Paying them feels like buying back your own car.",
            "feels like buying back your own car",
            "figurative",
        ),
        ("What it parades as policy is theft.", "parades as", "attitude"),
        ("The minister insisted the figures were right.", "insisted", "attribute"),
        ("A chaotic Russian kleptocracy.", "kleptocracy", "label"),
        ("The council called it a “reform”.", None, None),
        ("Their “efficiency” drive means cuts.", "“efficiency”", "attribute"),
        ("Roughly 40 people came.", "Roughly", "focus"),
    ],
)
def test_rules(text: str, phrase: str | None, category: str | None) -> None:
    found = _found(text)
    if phrase is None:
        assert not any(c == "attribute" for c in found.values())
    else:
        assert found.get(phrase) == category, found


def test_negation_flips_polarity() -> None:
    s = next(s for s in spot("This is not a good plan.").spans if s.rule == "negation")
    assert s.text == "not a good" and s.polarity == "negative"


def test_context_checks() -> None:
    assert "about" not in _found("They talked about the budget.")
    assert "May" not in _found("The vote was held in May and passed.")
    assert "claims" not in _found("The historical claims were settled.")
    assert _found("He claims the vote was rigged.").get("claims") == "attribute"
    assert "Hope" not in _found("They met on Hope Street yesterday.")


def test_reported_speech_is_not_the_writers() -> None:
    found = _found('The minister said: "This is a disastrous and shameful decision."')
    assert "disastrous" not in found


def test_intensity_ordering() -> None:
    assert lookup("refuse").intensity > lookup("decline").intensity
    assert lookup("flagrant").intensity > lookup("clear").intensity
    assert lookup("parade as").category == "attitude"
    assert lookup("parade as").mode == "invoked"
    assert lookup("present") is None


def test_empty_and_neutral_text() -> None:
    for empty in ("", "   \n "):  # refused in one sentence, like every other analysis
        with pytest.raises(InputError, match="The text is empty; there is nothing to analyse"):
            spot(empty)
    res = spot("The meeting starts at nine on Tuesday in room four.")
    assert res.spans == [] and res.language_note is None


def test_non_english_is_said_plainly() -> None:
    res = spot(
        "Der Plan ist für alle sichtbar. Die Regierung hat gestern eine neue Pipeline "
        "angekündigt, und die Opposition ist empört über den Vertrag mit Moskau."
    )
    assert res.language_note and "not look like English" in res.language_note


def test_backup_adds_vader_words_only_when_asked() -> None:
    text = "The lousy deal was signed."
    assert _found(text, backup=True).get("lousy") == "attitude"
    assert "lousy" not in _found(text, backup=False)


def test_density_per_paragraph() -> None:
    res = spot("A headline\n\nA disastrous, chaotic week.\n\nThe train left at nine.")
    assert [p.spans for p in res.paragraphs][-1] == 0
    assert sum(p.spans for p in res.paragraphs) == len(res.spans)


# --------------------------------------------------------------- figurative families (2026)


@pytest.mark.parametrize(
    ("figurative", "literal", "word"),
    [
        ("Rents have exploded in the capital.", "A bomb exploded near the market.", "exploded"),
        (
            "Shares in the airline crashed 20 per cent.",
            "The plane crashed into the sea.",
            "crashed",
        ),
        ("House prices plunged last year.", "The car plunged off the cliff.", "plunged"),
        (
            "The government's war on waste has saved little.",
            "Russia's war on Ukraine entered its third year.",
            "war on",
        ),
        (
            "The minister faced a storm of criticism.",
            "A storm of wind and rain hit the coast.",
            "storm of",
        ),
        (
            "Economists expect a wave of bankruptcies.",
            "A wave of cold air will sweep across the north.",
            "wave of",
        ),
        ("Relations thawed after the summit.", "The snow thawed overnight.", "thawed"),
        ("Inflation is cooling.", "The cooling towers were demolished.", "cooling"),
        (
            "Loneliness is an epidemic among older people.",
            "The measles epidemic has reached five schools, with 40 cases.",
            "epidemic",
        ),
        (
            "Critics hammered the plan.",
            "Police said he was attacked and hammered with a bat.",
            "hammered",
        ),
        (
            "Nurses are on the front line of the crisis.",
            "Soldiers spent months on the front line as troops dug in.",
            "on the front line",
        ),
        ("Rescue workers battled through the night.", "Troops battled rebels.", "battled"),
    ],
)
def test_figurative_family_literal_pairs(figurative: str, literal: str, word: str) -> None:
    fig = _found(figurative)
    assert fig.get(word) == "figurative", fig
    lit = _found(literal)
    assert lit.get(word) != "figurative", lit


def test_figurative_families_carry_notes_and_inflections() -> None:
    for term in ("skyrocketed", "tore into", "took aim at", "threw in the towel", "spoke volumes"):
        e = lookup(term)
        assert e is not None and e.category == "figurative", term
    e = lookup("war on")
    assert e is not None and "war metaphor" in e.note
    [span] = [s for s in spot("The company gobbled up its rivals.").spans]
    assert span.text == "gobbled up" and "animal" in span.explanation


def test_figurative_contexts_name_real_entries() -> None:
    from framingkit.spot.lexicon import figurative_contexts

    table, money = figurative_contexts()
    assert len(table) > 100 and "prices" in money
    for term in table:
        e = lookup(term)
        assert e is not None and e.term == term and e.category == "figurative", term
