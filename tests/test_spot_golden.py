"""Golden files for the rendered spot views (HTML highlight, CLI listing, profile table).

A change to a view or to the table shows up as a diff here. After checking the new output by
eye (open the HTML in a browser), regenerate with:

    FRAMINGKIT_UPDATE_GOLDEN=1 pytest tests/test_spot_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from framingkit.commands.spot import render
from framingkit.spot import spot
from framingkit.spot.profile import profile
from framingkit.spot.views import html, profile_html

GOLDEN = Path(__file__).resolve().parent / "data" / "spot_golden"
TEXT = (
    "Energy firms have hiked prices again, piling yet more pressure on struggling families.\n\n"
    "Bosses insist the rise is fair, but it is pretty clear that the “reform” may fail. "
    "All the minister could say was that it undoubtedly showed a massive, not good result. "
    "Critics say the plan admits nothing and wrested control from a dedicated lane."
)
B = (
    "Energy firms have raised prices again, adding pressure on families.\n\n"
    "Managers say the rise is fair, and it is clear that the reform may fail."
)


def _check(name: str, got: str) -> None:
    path = GOLDEN / name
    if os.environ.get("FRAMINGKIT_UPDATE_GOLDEN"):
        path.write_text(got, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with FRAMINGKIT_UPDATE_GOLDEN=1"
    want = path.read_text(encoding="utf-8")
    assert got == want, f"{name} changed; check it and regenerate (see module docstring)"


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("highlight.html", lambda: html(spot(TEXT), "Version A", full_page=True)),
        ("listing.txt", lambda: render(spot(TEXT)) + "\n"),
        ("profile.html", lambda: profile_html(profile(TEXT, B))),
    ],
)
def test_rendered_view_matches_golden(name: str, make) -> None:
    _check(name, make())
