"""Tests of the spot views, the two-version profile and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from framingkit.spot import spot
from framingkit.spot.profile import profile
from framingkit.spot.views import density_chart, html, profile_html, side_by_side_html

ORIGINAL = "seeds/original_telegraph.txt"
DAMAGED = "seeds/republished_2023-03-28.txt"


def test_html_marks_every_span_with_label_and_explanation() -> None:
    res = spot("A <b>disastrous</b> plan, undoubtedly.\n\nIt may work.")
    page = html(res, title="T & <x>")
    assert page.count("<mark") == len(res.spans)
    assert "&lt;b&gt;" in page and "T &amp; &lt;x&gt;" in page  # escaped
    assert "title=" in page and "fk-legend" in page
    for s in res.spans:
        assert f'data-category="{s.category}"' in page


def test_html_empty_and_language_note() -> None:
    assert "No evaluative language found" in html(spot("The bus left at nine on Monday."))
    page = html(
        spot("Der Plan ist für alle sichtbar und die Regierung hat ihn gestern vorgestellt.")
    )
    assert "does not look like English" in page


def test_density_chart(tmp_path) -> None:
    fig = density_chart(spot(ORIGINAL))
    out = tmp_path / "d.png"
    fig.savefig(out)
    assert out.stat().st_size > 5000
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[0].endswith("headline")


def test_profile_finds_added_removed_swapped() -> None:
    p = profile(
        'Xi declined to sign. It is what it parades as "legitimacy".',
        "Xi refused to sign. It is what it presents as legitimacy. A massive failure.",
    )
    kinds = {(c.kind, c.a_text, c.b_text) for c in p.changes}
    assert ("swapped", "declined", "refused") in kinds
    assert ("removed", "parades as", "") in kinds
    assert ("removed", '"legitimacy"', "") in kinds
    assert any(k == "added" for k, _, _ in kinds)
    row = next(r for r in p.rows if r.category == "attribute")
    assert (row.a, row.b, row.removed) == (1, 0, 1)


def test_profile_of_seeds_and_html() -> None:
    p = profile(ORIGINAL, DAMAGED)
    assert p.of("swapped") and p.of("removed")
    page = side_by_side_html(p, ("original", "republished"))
    assert "original" in page and page.count("<table") == 2
    assert "No differences" in profile_html(profile("A calm day.", "A calm day."))


@pytest.mark.parametrize("args", [[ORIGINAL], [ORIGINAL, "--json"], [DAMAGED, "--no-backup"]])
def test_cli(args: list[str]) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "framingkit", "spot", *args], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    if "--json" in args:
        data = json.loads(out.stdout)
        span = data["spans"][0]
        for key in ("start", "end", "text", "category", "subtype", "polarity", "explanation"):
            assert key in span
    else:
        assert "evaluative spans" in out.stdout


def test_cli_bad_input(tmp_path) -> None:
    empty = tmp_path / "e.txt"
    empty.write_text("")
    for f in (empty, tmp_path / "missing.txt"):
        out = subprocess.run(
            [sys.executable, "-m", "framingkit", "spot", str(f)], capture_output=True, text=True
        )
        assert out.returncode == 2 and "Traceback" not in out.stderr and out.stderr.strip()
