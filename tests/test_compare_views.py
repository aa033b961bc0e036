"""Views: side-by-side HTML (escaped, labelled, filterable), the summary figure, the CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from framingkit.cli import main
from framingkit.compare import EFFECTS, KINDS, compare
from framingkit.compare.views import html_page, side_by_side, summary_figure
from framingkit.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
SEED_A = str(ROOT / "seeds" / "original_telegraph.txt")
SEED_B = str(ROOT / "seeds" / "republished_2023-03-28.txt")
DATA = Path(__file__).resolve().parent / "data" / "compare"


@pytest.fixture(scope="module")
def cmp():
    return compare(SEED_A, SEED_B)


def test_html_marks_carry_text_labels_and_titles(cmp):
    html = side_by_side(cmp)
    marks = re.findall(r"<mark title=\"([^\"]+)\"[^>]*>", html)
    assert len(marks) >= 40
    # every mark is followed by a text label "n kind · effect" (never colour alone)
    labels = re.findall(r'class="fk-tag"[^>]*><span[^>]*>(\d+) ([^<]+) · ([^<]+)</span>', html)
    assert len(labels) >= len(marks)
    known_kinds = {k.label for k in KINDS.values()}
    known_effects = {e.label for e in EFFECTS.values()}
    assert all(k in known_kinds and e in known_effects for _, k, e in labels)
    assert "declined" in html and "refused" in html
    assert "<h3>Changes</h3>" in html


def test_html_escapes_user_text():
    a = 'The <script>alert("x")</script> plan is bad.'
    b = 'The <script>alert("y")</script> plan is very bad.'
    html = side_by_side(compare(a, b))
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_filters(cmp):
    only = side_by_side(cmp, effects=["stronger"])
    assert "declined" in only
    n_marks = len(re.findall(r"<mark ", only))
    assert 0 < n_marks <= 2 * len(cmp.filtered(effects=["stronger"]))  # A and B sides
    assert "quoting · voice" not in only
    quotes = side_by_side(cmp, kinds=["quotation"])
    assert "quoting · voice" in quotes and "wording · stronger" not in quotes
    with pytest.raises(InputError):
        side_by_side(cmp, kinds=["nonsense"])


def test_page_is_self_contained(cmp, tmp_path):
    page = html_page(cmp)
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"(src|href)=\"(https?:)?//", page)
    assert "<link" not in page


def test_summary_figure(cmp, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    fig = summary_figure(cmp)
    out = tmp_path / "summary.png"
    fig.savefig(out)
    assert out.stat().st_size > 10_000
    ax1 = fig.axes[0]
    assert {t.get_text() for t in ax1.get_legend().get_texts()} <= {
        e.label for e in EFFECTS.values()
    }


def test_cli_report_json_and_html(tmp_path, capsys):
    assert main(["compare", SEED_A, SEED_B]) == 0
    out = capsys.readouterr().out
    assert "typography-only changes hidden" in out and "declined" in out
    assert main(["compare", SEED_A, SEED_B, "--json", "--all"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert any(c["kind"] == "typography" for c in data["changes"])
    assert data["alignment"][0]["score"] > 0
    page = tmp_path / "cmp.html"
    assert main(["compare", SEED_A, SEED_B, "--html", str(page)]) == 0
    assert page.read_text(encoding="utf-8").count("<mark") > 30


def test_cli_bad_input(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["compare", SEED_A, str(empty)]) == 2
    err = capsys.readouterr().err
    assert "empty" in err and "Traceback" not in err
    assert main(["compare", SEED_A, str(tmp_path / "missing.txt")]) == 2
    assert main(["compare", SEED_A, SEED_A]) == 0
    assert "No differences" in capsys.readouterr().out


def test_import_stays_light():
    code = (
        "import sys, framingkit.compare, framingkit.commands.compare; "
        "print(any(m in sys.modules for m in ('matplotlib', 'ipywidgets', 'nbformat', 'IPython')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_filter_ui_builds_and_filters(cmp):
    from framingkit.compare.views import filter_ui

    ui = filter_ui(cmp)
    _kinds, effect_row, out = ui.children
    assert "declined" in out.value
    boxes = {b.description: b for b in effect_row.children[1:]}
    boxes["stronger"].value = False
    assert "wording · stronger" not in out.value and "quoting · voice" in out.value


def test_summary_alt_uses_the_labels_the_figure_shows(cmp):
    from framingkit.compare.views import summary_alt

    alt = summary_alt(cmp)
    assert "quoting" in alt and "voice" in alt
    assert "quotation" not in alt.split(". By effect")[0] and "attribution" not in alt


def test_show_displays_once_and_returns_nothing(cmp, monkeypatch):
    """A ``show(...)`` on a cell's last line must not be displayed a second time as Out[n]."""
    import IPython.display

    from framingkit.compare import views as cviews
    from framingkit.lessonkit import show_text
    from framingkit.spot import spot
    from framingkit.spot import views as sviews

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.extend(objs))
    assert cviews.show(cmp) is None
    assert sviews.show(spot("It is a clear breach.")) is None
    assert show_text("It is a clear breach.", "T") is None
    assert len(shown) == 3


def test_row_labels_are_plain_words_not_alignment_notation(cmp):
    """Student review 1: "1:1 0.89" in the number column is the kit's notation, not a reader's."""
    html = side_by_side(cmp)
    labels = re.findall(r'<td class="fk-n">(.*?)</td>', html)
    assert labels and not any(
        re.search(r"\d:\d|0\.\d\d", re.sub(r"<[^>]+>", "", x)) for x in labels
    )
    words = {re.sub(r"<[^>]+>", "", x) for x in labels}
    assert {"≈", "dropped", "added"} & words
    assert any("alike" in x for x in labels)  # the similarity stays on hover, in words
