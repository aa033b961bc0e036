"""Bad input: empty text, no claims, non-English text, very long text."""

from __future__ import annotations

import pytest

from framingkit.claims import claims
from framingkit.errors import InputError


def test_empty_text() -> None:
    with pytest.raises(InputError):
        claims("   \n  ")


def test_text_with_no_claims() -> None:
    cm = claims("Why?\n\nWhat now? Yes.", use_spot=False)
    assert cm.claims == () and cm.links == ()
    assert cm.note and "No claims" in cm.note


def test_non_english_text_gets_a_note() -> None:
    text = (
        "Die Regierung hat gestern beschlossen, die Steuern zu senken. Der Minister sagte, "
        "das sei ein wichtiger Schritt für die Wirtschaft des Landes."
    )
    cm = claims(text, use_spot=False)
    assert cm.language_note and "English" in cm.language_note
    assert cm.claims  # still mapped, with the warning


def test_english_text_gets_no_language_note() -> None:
    assert (
        claims("The council sold the old library to a developer.", use_spot=False).language_note
        is None
    )


def test_very_long_text() -> None:
    para = (
        "The council sold the library in 1990 for £2m, the mayor said. But critics say it was a "
        "shameful mistake. The new owners will probably open a hotel next year.\n\n"
    )
    cm = claims(para * 150, use_spot=False)
    assert len(cm.claims) >= 450
    assert len({c.id for c in cm.claims}) == len(cm.claims)
    assert len(cm.links) >= len(cm.claims) - 2


def test_text_in_another_script_gets_a_note() -> None:
    cm = claims("北京は新しい政策を発表した。これは重要な一歩だ。", use_spot=False)
    assert cm.language_note and "English" in cm.language_note


def test_html_input() -> None:
    page = "<html><body><h1>Prices to soar</h1><p>The bank said prices will rise.</p></body></html>"
    cm = claims(page, use_spot=False)
    assert [c.position for c in cm.claims] == ["headline", "body"]
