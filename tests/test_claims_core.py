"""The checkable core of a claim, the framing words around it, check hints that fit, and
places/actors/quantities (issue 13 item 4; instructor review §14 item 19). Sentences are
written for these tests, in the manner of the defects the reviews quote."""

from __future__ import annotations

import json

import pytest

from framingkit.claims import claims
from framingkit.claims.actors import find_actors, place_spans
from framingkit.claims.core import HINT_RULES, check_hint, framing_words
from framingkit.claims.details import find_details
from framingkit.cli import main


def one(text: str, use_spot: bool = False):
    cm = claims(text, use_spot=use_spot)
    assert len(cm.claims) == 1, [c.text for c in cm.claims]
    return cm.claims[0]


SMUGGLING = (
    "For years, greedy gangsters have been smuggling precious timber across a porous border "
    "into the next province, often with corrupt officials."
)


@pytest.mark.parametrize("use_spot", [False, True])
def test_loaded_words_frame_a_checkable_core(use_spot: bool) -> None:
    c = one(SMUGGLING, use_spot)
    assert c.core_type == "fact" and c.checkable
    framing = " | ".join(f.text.lower() for f in c.framing)
    expected = ("gangsters", "precious", "porous") if use_spot else ("gangsters", "precious")
    assert all(w in framing for w in expected), framing
    assert "smuggling" not in framing  # the checkable act itself is not a framing word
    assert c.check_hint and "court" in c.check_hint


def test_an_evaluative_predicate_is_the_core() -> None:
    c = one("The closure of the ward is a shameful betrayal.")
    assert c.core_type == "judgement" and not c.checkable and c.check_hint is None


def test_possessive_is_not_a_copula() -> None:
    c = one("The mayor's much-vaunted scheme opened in May.")
    assert c.core_type == "fact"


@pytest.mark.parametrize(
    "text",
    [
        "Cross-border trade by new settlers tacitly revives old claims to this strategic region.",
        "The new levy in effect revives the old tax on windows.",
    ],
)
def test_meaning_adverbs_make_an_interpretation_and_no_map(text: str) -> None:
    c = one(text)
    assert c.core_type == "interpretation"
    assert c.check_hint is None


def test_remain_focused_is_no_plain_fact() -> None:
    cm = claims(
        "The war may have drawn the army's gaze away from the north, but the rebels remain "
        "focused.",
        use_spot=False,
    )
    assert cm.claims[-1].text.startswith("but the rebels")
    assert cm.claims[-1].type == "interpretation"


@pytest.mark.parametrize(
    ("text", "core", "expected"),
    [
        ("The two countries share a 4,200km border.", "fact", "map"),
        ("Traders travel to the region every spring.", "fact", "archive"),
        ("The mayor said the bridge would close.", "attributed", "transcript"),
        ("Such visits revive old claims to the region.", "interpretation", None),
    ],
)
def test_check_hints_fit_the_claim(text: str, core: str, expected: str | None) -> None:
    hint = check_hint(text, core)
    if expected is None:
        assert hint is None
    else:
        assert hint and expected in hint


def test_framing_words_do_not_pick_the_hint() -> None:
    text = "A war of words broke out between the two clubs in March."
    fw = framing_words(text)
    assert check_hint(text, "fact", 1, fw, 0) == check_hint(text, "fact", 1)  # no framing
    assert all(r.explanation for r in HINT_RULES)


def test_force_words_are_framing_not_certainty() -> None:
    c = one("A massive, highly strategic pipeline will cross the valley.")
    assert c.certainty == "plain"
    assert {f.category for f in c.framing} == {"force"}


def test_size_comparison_is_no_actor_and_no_place() -> None:
    text = "The lost land, three times the area of Great Britain, lies east of the river."
    assert "United Kingdom" not in {a.name for a in find_actors(text)}
    qty = [d.text for d in find_details(text) if d.kind == "quantity"]
    assert qty == ["three times the area of Great Britain"]
    places = [text[s:e] for s, e in place_spans(text)]
    assert "Great Britain" not in places


@pytest.mark.parametrize(
    ("text", "not_place"),
    [
        ("The land was taken from Civil War-weakened Ruritanian control in 1920.", "Ruritanian"),
        ("The port passed from Venetian rule to the empire.", "Venetian"),
    ],
)
def test_modifiers_are_no_places(text: str, not_place: str) -> None:
    assert not any(not_place in text[s:e] for s, e in place_spans(text))


def test_real_places_still_found() -> None:
    text = "Trade runs from Khabarovsk via Mongolia to the coast, and in Vladivostok it stops."
    places = {text[s:e] for s, e in place_spans(text)}
    assert {"Khabarovsk", "Mongolia", "Vladivostok"} <= places


def test_json_reports_core_and_framing_apart(tmp_path, capsys) -> None:
    f = tmp_path / "t.txt"
    f.write_text(SMUGGLING + "\n", encoding="utf-8")
    assert main(["claims", str(f), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    c = data["claims"][0]
    assert c["core"]["type"] == "fact" and c["core"]["checkable"] is True
    assert "court" in c["core"]["check_hint"]
    assert {"gangsters", "precious"} <= {f["text"].lower() for f in c["framing"]}
    assert all(f["category"] and f["why"] for f in c["framing"])
    for fw in c["framing"]:
        assert SMUGGLING[fw["start"] : fw["end"]] == fw["text"]


def test_a_quoted_slogan_in_the_writers_sentence_is_not_reported_speech() -> None:
    c = one('The mayor\'s ruthless drive for a "greener city" is reshaping every street.')
    assert c.type != "attributed" and c.core_type != "attributed"
    c = one('"We have no money left," the mayor told the council.')
    assert c.type == "attributed"
