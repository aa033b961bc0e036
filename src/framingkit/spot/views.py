"""Views of spotted evaluative language: highlighted HTML, a density chart, a two-version profile.

Views render the plain data of :func:`~framingkit.spot.spot` and
:func:`~framingkit.spot.profile.profile`; they never analyse. Colour is never
the only cue: each highlight has a letter badge and a border style of its own,
and its explanation shows on hover (and in the ``title`` for screen readers).

>>> from framingkit.spot import spot
>>> page = html(spot("A disastrous plan that may work."))
>>> "disastrous" in page and "legend" in page
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..document import markup_of
from ..style import FIGURE_FONT_SIZE, esc, light, markup_html
from .categories import CATEGORIES, CATEGORY_ORDER

if TYPE_CHECKING:  # pragma: no cover
    from .core import SpotResult
    from .profile import Profile

#: Border styles per category (from the table), so that highlights differ without colour.
BORDERS: dict[str, str] = {name: c.border for name, c in CATEGORIES.items()}

_CSS = """
.fk-spot { font-family: Georgia, 'DejaVu Serif', serif; line-height: 1.9; max-width: 52em; }
.fk-spot p { margin: 0 0 0.9em 0; }
.fk-spot p.fk-role { color: #555; font-size: 0.85em; margin: 0.6em 0 0 0; font-family: sans-serif; }
.fk-spot mark { color: #000; padding: 0 2px; border-bottom-width: 3px; border-radius: 2px; }
.fk-spot mark sup { font: bold 0.62em sans-serif; margin-left: 2px; color: #000; }
.fk-spot mark:hover { outline: 2px solid #000; }
.fk-spot .fk-legend { font-family: sans-serif; font-size: 0.85em; margin: 0 0 1em 0;
  padding: 0.5em; border: 1px solid #ccc; display: flex; flex-wrap: wrap; gap: 0.4em 1.2em; }
.fk-spot .fk-legend span.fk-key { padding: 0 4px; border-bottom-width: 3px; }
.fk-spot .fk-note { font-family: sans-serif; background: #fff7d6; border-left: 4px solid #E69F00;
  padding: 0.4em 0.7em; margin-bottom: 0.8em; }
.fk-spot .fk-summary { font-family: sans-serif; font-size: 0.9em; color: #333;
  margin-bottom: 0.5em; }
.fk-spot table.fk-profile { border-collapse: collapse; font-family: sans-serif;
  font-size: 0.9em; }
.fk-spot table.fk-profile td, .fk-spot table.fk-profile th { border: 1px solid #bbb;
  padding: 3px 8px; text-align: left; vertical-align: top; }
.fk-spot table.fk-profile th { background: #eee; }
"""


def _style(cat: str) -> str:
    c = CATEGORIES[cat]
    return f"background:{light(c.colour, 0.35)};border-bottom:3px {BORDERS[cat]} {c.colour};"


def legend_html(categories: tuple[str, ...] = CATEGORY_ORDER) -> str:
    """The legend: each category's colour, border, letter, name, system and what it is."""
    keys = []
    for cat in categories:
        c = CATEGORIES[cat]
        keys.append(
            f'<span><span class="fk-key" style="{_style(cat)}">{esc(c.label)}'
            f"<sup>{esc(c.mark)}</sup></span> ({esc(c.system)}) {esc(c.description)}</span>"
        )
    return f'<div class="fk-legend" aria-label="legend">{"".join(keys)}</div>'


def html(result: SpotResult, title: str | None = None, full_page: bool = False) -> str:
    """Highlighted text as HTML: colour, letter badge and border per category; hover explains.

    ``full_page=True`` wraps it in a complete HTML document (for saving to a file).
    """
    # the text as given (offsets point into it); Markdown markup shows as a reader sees it
    text = result.text or result.masked
    markups = markup_of(result.text) if result.text else ()
    spans = sorted(result.spans, key=lambda s: s.start)
    parts: list[str] = [f"<style>{_CSS}</style>", '<div class="fk-spot">']
    if title:
        parts.append(f"<h3>{esc(title)}</h3>")
    counts = ", ".join(f"{CATEGORIES[k].label} {v}" for k, v in result.counts.items() if v)
    parts.append(
        f'<div class="fk-summary">{len(spans)} evaluative spans in {result.words} words '
        f"({result.per_100} per 100 words){': ' + esc(counts) if counts else ''}</div>"
    )
    if result.language_note:
        parts.append(f'<div class="fk-note">{esc(result.language_note)}</div>')
    parts.append(legend_html())
    if not spans:
        parts.append("<p><em>No evaluative language found.</em></p>")
    for p in result.paragraphs:
        if p.role != "body":
            parts.append(f'<p class="fk-role">{esc(p.role)}</p>')
        out: list[str] = []
        pos = p.start
        for s in spans:
            if s.start < p.start or s.start >= p.end:
                continue
            out.append(markup_html(text, pos, s.start, markups))
            c = CATEGORIES[s.category]
            tip = s.explanation
            out.append(
                f'<mark class="fk-{s.category}" style="{_style(s.category)}" '
                f'title="{esc(tip)}" data-category="{esc(s.category)}">'
                f"{markup_html(text, s.start, s.end, markups)}<sup>{esc(c.mark)}</sup></mark>"
            )
            pos = s.end
        out.append(markup_html(text, pos, p.end, markups))
        tag = "h4" if p.role == "headline" else "p"
        parts.append(f"<{tag}>{''.join(out)}</{tag}>")
    parts.append("</div>")
    body = "\n".join(parts)
    if full_page:
        return (
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{esc(title or 'Evaluative language')}</title></head><body>{body}</body></html>"
        )
    return body


def show(result: SpotResult, title: str | None = None) -> None:
    """Display the highlighted text in a notebook (returns nothing, so it shows once)."""
    from IPython.display import HTML, display

    display(HTML(html(result, title)))


def density_chart(result: SpotResult, title: str | None = None) -> Any:
    """A matplotlib figure: evaluative spans per 100 words in each paragraph, by category.

    Bars are stacked by category with the kit's colours *and* hatches, so the chart
    reads in grey scale too.
    """
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    paras = result.paragraphs
    n = max(1, len(paras))
    fig, ax = plt.subplots(figsize=(9, 1.2 + 0.38 * n))
    labels = [
        f"¶{i + 1} {p.role}" if p.role != "body" else f"¶{i + 1}" for i, p in enumerate(paras)
    ]
    left = [0.0] * len(paras)
    for cat in CATEGORY_ORDER:
        vals = [(100 * p.counts.get(cat, 0) / p.words if p.words else 0.0) for p in paras]
        if not any(vals):
            continue
        c = CATEGORIES[cat]
        ax.barh(
            range(len(paras)),
            vals,
            left=left,
            color=c.colour,
            hatch=c.hatch,
            edgecolor="black",
            linewidth=0.5,
            label=c.label,
        )
        left = [a + b for a, b in zip(left, vals, strict=True)]
    fs = FIGURE_FONT_SIZE
    ax.set_yticks(range(len(paras)), labels)
    ax.tick_params(labelsize=fs)
    ax.invert_yaxis()
    ax.set_xlabel("evaluative spans per 100 words", fontsize=fs)
    ax.set_title(
        title or f"Evaluative language by paragraph ({result.per_100} per 100 words)",
        fontsize=fs + 1,
    )
    if any(left):
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=fs, frameon=True)
    else:
        ax.text(
            0.5,
            0.5,
            "no evaluative language found",
            transform=ax.transAxes,
            ha="center",
            fontsize=fs,
        )
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return fig


def profile_html(p: Profile, names: tuple[str, str] = ("A", "B")) -> str:
    """Side-by-side profile: counts per category in each version, then added/removed/swapped."""
    a, b = (esc(x) for x in names)
    rows = [
        f"<tr><th>category</th><th>{a}</th><th>{b}</th><th>added</th><th>removed</th>"
        "<th>swapped</th></tr>"
    ]
    for r in p.rows:
        c = CATEGORIES[r.category]
        rows.append(
            f'<tr><td><span style="{_style(r.category)}">{esc(c.label)}<sup>{esc(c.mark)}</sup>'
            f"</span></td><td>{r.a} ({r.a_per_100}/100)</td><td>{r.b} ({r.b_per_100}/100)</td>"
            f"<td>{r.added}</td><td>{r.removed}</td><td>{r.swapped}</td></tr>"
        )
    ch = [f"<tr><th>change</th><th>category</th><th>{a}</th><th>{b}</th><th>why</th></tr>"]
    for c in p.changes:
        if c.kind == "kept":
            continue
        ch.append(
            f"<tr><td>{esc(c.kind)}</td><td>{esc(CATEGORIES[c.category].label)}</td>"
            f"<td>{esc(c.a_text) or '—'}</td><td>{esc(c.b_text) or '—'}</td>"
            f"<td>{esc(c.explanation)}</td></tr>"
        )
    if len(ch) == 1:
        ch.append('<tr><td colspan="5">No differences in evaluative language.</td></tr>')
    return (
        f"<style>{_CSS}</style><div class='fk-spot'>"
        f"<table class='fk-profile'>{''.join(rows)}</table><br>"
        f"<table class='fk-profile'>{''.join(ch)}</table></div>"
    )


def side_by_side_html(p: Profile, names: tuple[str, str] = ("A", "B")) -> str:
    """Both highlighted versions next to each other, with the profile table above."""
    return (
        f"{profile_html(p, names)}<div style='display:flex;gap:1.5em;align-items:flex-start'>"
        f"<div style='flex:1'>{html(p.a, names[0])}</div>"
        f"<div style='flex:1'>{html(p.b, names[1])}</div></div>"
    )
