"""Views: the claim-map figure (PNG/SVG, labels not overlapping), the HTML table, the comparison."""

from __future__ import annotations

from pathlib import Path

import pytest

from framingkit.claims import claims, compare_claims, headline_support
from framingkit.claims.views import (
    TYPE_COLOURS,
    TYPE_MARKERS,
    claim_map_figure,
    comparison_html,
    table_html,
)

TEXT = """Ministers plan to sell the forest

The forest will be sold by 2030, the minister said. It covers 4,000 hectares.
But walkers say "the forest belongs to everyone". This is clearly a shameful plan.
Perhaps the buyers will log it. For example, the old oaks could go."""


@pytest.fixture(scope="module")
def cm():
    return claims(TEXT, use_spot=False)


def test_types_have_distinct_colours_and_markers() -> None:
    assert len(set(TYPE_COLOURS.values())) == len(TYPE_COLOURS)
    assert len(set(TYPE_MARKERS.values())) == len(TYPE_MARKERS)


def test_figure_png_and_svg_with_non_overlapping_labels(cm, tmp_path: Path) -> None:
    import matplotlib.pyplot as plt

    fig = claim_map_figure(cm, tmp_path / "map.png", formats=("png", "svg"))
    assert (tmp_path / "map.png").stat().st_size > 5000
    assert (tmp_path / "map.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    boxes = [t.get_window_extent(renderer) for t in ax.texts if t.get_text().strip()]
    assert len(boxes) >= 2 * len(cm.claims)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b), "two labels overlap"
    legend = ax.get_legend()
    assert legend is not None
    labels = {t.get_text() for t in legend.get_texts()}
    assert {"fact", "attributed", "supports", "contrasts"} <= labels
    plt.close(fig)


def test_figure_of_a_long_text_is_capped(tmp_path: Path) -> None:
    import matplotlib.pyplot as plt

    many = claims(" ".join(f"The council sold plot number {i} in 1990." for i in range(120)))
    fig = claim_map_figure(many, max_claims=30)
    assert fig.get_size_inches()[1] < 20
    plt.close(fig)


def test_table_html_escapes_and_lists_every_claim(cm) -> None:
    page = table_html(cm, support=headline_support(cm))
    for c in cm.claims:
        assert f"<td>{c.id}</td>" in page
    assert "<mark" in page and "Headline against body" in page
    evil = claims("The mayor said <script>alert(1)</script> was fine for the town.", use_spot=False)
    page = table_html(evil)
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_comparison_html(cm) -> None:
    other = TEXT.replace('"the forest belongs to everyone"', "the forest belongs to everyone")
    cmp = compare_claims(cm, claims(other, use_spot=False))
    page = comparison_html(cmp)
    assert "attribution" in page
    assert any("attribution" in p.changes for p in cmp.pairs)
