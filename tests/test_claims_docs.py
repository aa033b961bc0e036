"""docs/claims.md names every rule of the claims tables (the docs derive from the tables)."""

from __future__ import annotations

from pathlib import Path

import pytest

from framingkit.claims.certainty import CUE_RULES
from framingkit.claims.core import HINT_RULES
from framingkit.claims.support import TERM_ROLES, VERDICT_RULES
from framingkit.commands.key import SALIENCE_RULES

DOC = (Path(__file__).resolve().parents[1] / "docs" / "claims.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name",
    [r.name for r in (*CUE_RULES, *HINT_RULES, *VERDICT_RULES, *SALIENCE_RULES)],
)
def test_every_rule_is_documented(name: str) -> None:
    assert f"`{name}`" in DOC


def test_terms_and_qualifier_are_named() -> None:
    assert "Toulmin's **qualifier**" in DOC or "Toulmin's *qualifier*" in DOC
    assert all(role in DOC for role in TERM_ROLES)
