"""Markdown markup shows as a reader sees it; view CSS stays in its view; figures legible."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from framingkit.document import load_article
from framingkit.style import FIGURE_FONT_SIZE, markup_html

ORIGINAL = "seeds/original_telegraph.txt"
REPUBLISHED = "seeds/republished_2023-03-28.txt"
RAW = re.compile(r"\*\*|\]\(#\)|\[seeks")


class _Balance(HTMLParser):
    """Checks that tags close in the order they opened (void tags aside)."""

    VOID = frozenset({"br", "meta", "img", "hr", "input", "link"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def _balanced(fragment: str) -> bool:
    b = _Balance()
    b.feed(fragment)
    return not b.errors and not b.stack


def _visible(fragment: str) -> str:
    return re.sub(r"<[^>]+>", "", fragment)


def test_markup_html_drops_markup_and_balances_tags_at_any_cut() -> None:
    a = load_article("Intro *it is **very** bad* and [so it <goes>](#) on.")
    whole = markup_html(a.text, 0, len(a.text), a.markup)
    assert whole == (
        "Intro <em>it is <strong>very</strong> bad</em> and "
        '<u class="fk-link">so it &lt;goes&gt;</u> on.'
    )
    # cut anywhere (as a highlight does): each piece is balanced, together they read the same
    for i in range(len(a.text) + 1):
        for j in range(i, len(a.text) + 1, 3):
            piece = markup_html(a.text, i, j, a.markup)
            assert _balanced(piece), (i, j, piece)
            assert "*" not in piece and "](" not in piece
    for cut in range(len(a.text) + 1):
        two = markup_html(a.text, 0, cut, a.markup) + markup_html(
            a.text, cut, len(a.text), a.markup
        )
        assert _visible(two) == _visible(whole)


def test_markup_html_keeps_a_real_link_target_on_hover_escaped() -> None:
    a = load_article('See [the "report"](https://example.org/?a=1&b=<2>).')
    out = markup_html(a.text, 0, len(a.text), a.markup)
    assert 'title="link: https://example.org/?a=1&amp;b=&lt;2&gt;"' in out
    assert "<2>" not in out


@pytest.fixture(scope="module")
def original():
    return load_article(ORIGINAL)


def test_compare_side_by_side_renders_markup_on_the_same_words(original) -> None:
    from framingkit.compare import compare
    from framingkit.compare.views import side_by_side

    cmp = compare(original, REPUBLISHED)
    page = side_by_side(cmp)
    assert not RAW.search(page)
    assert _balanced(re.sub(r"<style>.*?</style>", "", page, flags=re.S))
    assert "<em>The long-debated " in page
    assert "<strong>one-sided and slightly abusive relationship between China and" in page
    assert '<u class="fk-link">seeks to do so in Taiwan</u>' in page
    # the paratext change still says, in words, that the emphasis and link were lost
    assert "The bold emphasis on &#x27;one-sided" in page
    assert "The link on &#x27;seeks to do so in Taiwan&#x27; is gone" in page
    # every highlight covers exactly its change's words (markup characters aside)
    marks = re.findall(r'<mark title="(\d+)\.[^"]*"[^>]*>(.*?)</mark>', page)
    assert marks
    for n, inner in marks:
        c = cmp.changes[int(n) - 1]
        shown = _visible(inner).replace("&#x27;", "'").replace("&quot;", '"')
        expected = {re.sub(r"\*\*|\]\(#\)|\[", "", t) for t in (c.a_text, c.b_text)}
        assert shown.replace("&amp;", "&") in expected, (n, shown)


def test_spot_view_renders_markup(original) -> None:
    from framingkit.spot import spot
    from framingkit.spot.views import html

    res = spot(original)
    page = html(res)
    assert not RAW.search(page)
    assert "<strong>" in page and "<em>" in page and 'class="fk-link"' in page
    assert page.count("<mark") == len(res.spans)
    assert _balanced(re.sub(r"<style>.*?</style>", "", page, flags=re.S))


def test_claims_table_and_comparison_render_markup(original) -> None:
    from framingkit.claims import claims, compare_claims
    from framingkit.claims.views import claim_html, comparison_html, table_html

    cm = claims(original)
    page = table_html(cm)
    assert not RAW.search(page)
    assert "<strong>" in page and '<u class="fk-link">' in page
    c2 = cm.claims[1]
    assert "<em>" in claim_html(cm, c2) and "<strong>" in claim_html(cm, c2)
    assert not RAW.search(comparison_html(compare_claims(original, REPUBLISHED)))


def test_reading_view_renders_markup(original) -> None:
    from framingkit.lessonkit import text_html

    page = text_html(original, "<title>")
    assert not RAW.search(page) and "&lt;title&gt;" in page
    assert "<strong>one-sided and slightly abusive relationship" in page
    assert '<u class="fk-link">seeks to do so in Taiwan</u>' in page
    assert _balanced(page)


@pytest.mark.parametrize(
    ("module", "root"),
    [
        ("framingkit.spot.views", ".fk-spot"),
        ("framingkit.compare.views", ".fk-cmp"),
        ("framingkit.claims.views", ".fk-claims"),
    ],
)
def test_view_css_is_scoped_to_its_root(module: str, root: str) -> None:
    import importlib

    css = importlib.import_module(module)._CSS
    selectors = re.findall(r"([^{}]+)\{", css)
    assert selectors
    for group in selectors:
        for sel in group.split(","):
            assert sel.strip().startswith(root), f"{sel.strip()!r} leaks out of {root}"


def test_figures_text_is_legible_and_legends_clear_of_data(original) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from framingkit.claims import claims
    from framingkit.claims.views import claim_map_figure
    from framingkit.compare import compare
    from framingkit.compare.views import summary_figure

    fig = claim_map_figure(claims(original))
    legend = fig.axes[0].get_legend()
    assert min(t.get_fontsize() for t in legend.get_texts()) >= 11
    texts = [t for t in (*fig.axes[0].texts, *fig.texts) if t.get_text().strip()]
    assert min(t.get_fontsize() for t in texts) >= 11
    plt.close(fig)

    for a, b in ((ORIGINAL, REPUBLISHED), ("seeds/kit_example_a.txt", "seeds/kit_example_b.txt")):
        fig = summary_figure(compare(a, b, hide_typography=True))
        fig.canvas.draw()
        ax = fig.axes[0]
        box = ax.get_legend().get_window_extent()
        assert min(t.get_fontsize() for t in ax.get_legend().get_texts()) >= FIGURE_FONT_SIZE
        for bar in ax.patches:
            assert not box.overlaps(bar.get_window_extent()), "legend hides a bar"
        plt.close(fig)
