"""Headline against body: the verdict weighs what the body supports (issue 13 item 4)."""

from __future__ import annotations

import pytest

from framingkit.claims import headline_support
from framingkit.claims.support import TERM_ROLES, VERDICT_RULES, VERDICTS


def test_a_missing_modifier_does_not_make_a_supported_headline_partly() -> None:
    text = (
        "Town opens new swimming pool\n\n"
        "The town opened its swimming pool on Saturday, the first in the valley since 1975."
    )
    hs = headline_support(text)
    assert hs.verdict == "stated", hs.explanation
    roles = {t.term: t.role for t in hs.terms}
    assert roles["new"] == "modifier"
    assert "'new'" in hs.explanation and "does not decide" in hs.explanation


def test_support_across_two_adjacent_claims() -> None:
    text = (
        "Council closes harbour museum\n\n"
        "The council voted on Monday to shut the museum. It stood on the harbour for sixty years."
    )
    hs = headline_support(text)
    assert hs.verdict == "stated", hs.explanation
    assert hs.rule == "two_claims_state_it"


def test_a_hedged_body_only_partly_supports_a_plain_headline() -> None:
    text = "Council to close the library\n\nThe council may close the library next year."
    hs = headline_support(text)
    assert hs.verdict == "partly"
    assert hs.rule == "less_certain_in_the_body"
    assert "may" in hs.explanation


def test_framing_words_of_the_headline_are_noted_not_required() -> None:
    text = (
        "Council closes beloved museum\n\n"
        "The council voted on Monday to close the museum on the harbour."
    )
    hs = headline_support(text)
    assert hs.verdict == "stated", hs.explanation
    assert {t.term: t.role for t in hs.terms}["beloved"] == "framing"
    assert "'beloved'" in hs.explanation


def test_a_headline_the_body_never_states_is_not_stated() -> None:
    text = "Mayor plans to sell the park\n\nThe mayor visited the park and praised its trees."
    assert headline_support(text).verdict != "stated"


@pytest.mark.parametrize("table", [VERDICTS, TERM_ROLES])
def test_tables_are_documented(table: dict[str, str]) -> None:
    assert all(len(v) > 20 for v in table.values())
    assert len({r.name for r in VERDICT_RULES}) == len(VERDICT_RULES)
