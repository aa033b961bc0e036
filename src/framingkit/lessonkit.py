"""Small display helpers the lesson notebooks call: figures with alt text, texts to read.

Every figure in a lesson goes through :func:`show_figure`, which embeds the PNG with an
``alt`` attribute and prints the same description under it, so that a screen-reader user
and a reader of the exported HTML get the figure's message too. Nothing here is imported
by ``import framingkit``; matplotlib and IPython are imported inside the functions.
"""

from __future__ import annotations

import base64
import io
import os
from pathlib import Path
from typing import Any

from .style import display_text, esc, markup_html

#: Where the seed texts live, relative to the repository root.
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def seed_path(name: str) -> Path:
    """The path of a seed text by file name, e.g. ``seed_path("original_telegraph.txt")``.

    Looks in ``$FRAMINGKIT_SEEDS`` (a folder), the repository's ``seeds/`` folder, then in
    the current folder's ``seeds/`` and its parent's (a notebook runs in ``lessons/``).

    >>> seed_path("original_telegraph.txt").name
    'original_telegraph.txt'
    """
    env = os.environ.get("FRAMINGKIT_SEEDS")
    folders = [Path(env)] if env else []
    for folder in (*folders, SEEDS, Path.cwd() / "seeds", Path.cwd().parent / "seeds"):
        if (folder / name).exists():
            return folder / name
    from .errors import InputError

    raise InputError(f"The seed text {name} is not in the kit's seeds/ folder.")


def load_seed(name: str) -> Any:
    """Load a seed text as an ``Article`` named ``seeds/<name>`` (short, the same on every machine).

    >>> load_seed("original_telegraph.txt").source
    'seeds/original_telegraph.txt'
    """
    from .document import load_article

    return load_article(seed_path(name), name=f"seeds/{name}")


def figure_html(fig: Any, alt: str, *, dpi: int = 110) -> str:
    """HTML for a matplotlib figure: an ``<img>`` with ``alt`` and a visible description.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(); _ = ax.bar(["a"], [1])
    >>> 'alt="One bar."' in figure_html(fig, "One bar.")
    True
    """
    if not alt or not alt.strip():
        raise ValueError("every figure needs a text description (alt)")
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return (
        '<figure style="margin:0.5em 0">'
        f'<img src="data:image/png;base64,{data}" alt="{esc(alt)}" style="max-width:100%">'
        f'<figcaption style="font-size:0.9em;color:#333"><b>Figure:</b> {esc(alt)}</figcaption>'
        "</figure>"
    )


def counts_text(counts: dict[str, int], unit: str = "") -> str:
    """Counts as words for a figure's alt text, largest first, zeros left out.

    >>> counts_text({"wording": 5, "move": 0, "quotation": 9}, "changes")
    '9 quotation, 5 wording changes'
    """
    parts = [f"{n} {k}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n]
    return (", ".join(parts) or "none") + (f" {unit}" if unit and parts else "")


def peak_text(counts: dict[str, int], unit: str = "") -> str:
    """Where a distribution peaks, as words for alt text: the largest place(s) and their share.

    ``counts`` maps a place (a paragraph, a kind, a quarter of the text) to a number, in
    reading order. The message a reader of the figure gets: where most of it is.

    >>> peak_text({"¶1": 1, "¶2": 0, "¶3": 5, "¶4": 2}, "stronger changes")
    'Most stronger changes are in ¶3 (5 of 8).'
    >>> peak_text({"¶1": 2, "¶2": 2}, "changes")
    'The changes are spread evenly: ¶1 and ¶2 have 2 each.'
    >>> peak_text({"¶1": 0}, "changes")
    'There are no changes.'
    """
    total = sum(counts.values())
    what = unit or "items"
    if not total:
        return f"There are no {what}."
    top = max(counts.values())
    peaks = [k for k, v in counts.items() if v == top]
    if len(peaks) > 1 and len(peaks) == sum(1 for v in counts.values() if v):
        return f"The {what} are spread evenly: {_and(peaks)} have {top} each."
    if len(peaks) > 3:
        return f"No single peak: {len(peaks)} places have {top} {what} each (of {total})."
    if len(peaks) == 1:
        return f"Most {what} are in {peaks[0]} ({top} of {total})."
    return f"Most {what} are in {_and(peaks)} ({top} each, {top * len(peaks)} of {total})."


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def comparison_alt(cmp: Any, effects: tuple[str, ...] = ("stronger", "weaker")) -> str:
    """Alt text for the comparison's summary chart that says where the changes cluster.

    The chart's own description (:func:`framingkit.compare.views.summary_alt`) gives the
    counts; this adds, for each effect in ``effects``, the paragraphs of version A where most
    of those changes fall, which is what the chart's strip shows.

    >>> from framingkit.compare import compare
    >>> a = "It was good.\\n\\nHe declined the offer."
    >>> b = "It was good.\\n\\nHe refused the offer."
    >>> comparison_alt(compare(a, b)).split(". ")[-1]
    'Most stronger changes are in the paragraph "He declined the offer." (1 of 1).'
    """
    from .compare.views import summary_alt

    paras = list(cmp.a.paragraphs)
    parts = [summary_alt(cmp)]
    for eff in effects:
        names = [_opening(cmp.a.text[p.start : p.end]) for p in paras]
        counts = dict.fromkeys(names, 0)
        for c in cmp.changes:
            where = next((i for i, p in enumerate(paras) if c.a_start < p.end), len(paras) - 1)
            if c.effect == eff and paras:
                counts[names[where]] += 1
        if any(counts.values()):
            parts.append(peak_text(counts, f"{eff} changes"))
    return " ".join(parts)


def _opening(text: str, words: int = 4) -> str:
    """How a reader finds a paragraph: 'the paragraph "For decades, Chinese gangsters…"'."""
    shown = display_text(text).split()
    return f'the paragraph "{" ".join(shown[:words])}{"…" if len(shown) > words else ""}"'


def show_figure(fig: Any, alt: str) -> None:
    """Display a matplotlib figure with its alt text (and close it so it is not shown twice)."""
    import matplotlib.pyplot as plt
    from IPython.display import HTML, display

    display(HTML(figure_html(fig, alt)))
    plt.close(fig)


def text_html(article: Any, title: str, *, roles: bool = True) -> str:
    """HTML for reading a whole text: each paragraph with its role (headline, byline ...).

    Markdown markup shows as a reader sees it: bold, italic, links underlined. With
    ``roles=False`` the kit's reading of the parts (role boxes, a headline set in large type)
    is left out, so that a student finds the headline and byline by reading.

    >>> from framingkit.document import load_article
    >>> art = load_article("Big news\\n\\nBy Ann Lee\\n\\nIt rained.")
    >>> "headline" in text_html(art, "A"), "headline" in text_html(art, "A", roles=False)
    (True, False)
    """
    parts = [
        '<div style="border:1px solid #999;padding:0.6em 1em;max-width:48em;'
        'font-family:Georgia,serif;line-height:1.5;color:#111;background:#fff">',
        f'<p style="font-family:sans-serif;font-size:0.85em;color:#444;margin:0">{esc(title)}</p>',
    ]
    for p in article.paragraphs:
        role = (
            ""
            if p.role == "body" or not roles
            else f'<span style="font-family:sans-serif;font-size:0.75em;border:1px solid #666;'
            f'padding:0 0.3em;margin-right:0.4em">{esc(p.role)}</span>'
        )
        weight = "font-weight:bold;font-size:1.15em;" if roles and p.role == "headline" else ""
        shown = markup_html(article.text, p.start, p.end, article.markup)
        parts.append(f'<p style="margin:0.5em 0;{weight}">{role}{shown}</p>')
    parts.append("</div>")
    return "".join(parts)


def show_text(source: Any, title: str | None = None, *, roles: bool = True) -> None:
    """Display a whole text for reading, paragraph by paragraph.

    Returns nothing, so the last line of a cell shows the text, not the ``Article``'s repr;
    load the text first (``load_seed`` or ``load_article``) when a later cell needs it.
    ``roles=False`` leaves out the kit's labels for the parts (see :func:`text_html`).
    """
    from IPython.display import HTML, display

    from .document import load_article

    article = load_article(source)
    display(HTML(text_html(article, title or str(article.source), roles=roles)))


def _cell(v: Any) -> Any:
    return display_text(v) if isinstance(v, str) else v


def table_html(headers: list[str], rows: list[tuple[Any, ...]], caption: str | None = None) -> str:
    """A plain, left-aligned HTML table (every cell escaped; Markdown markup shown as words).

    >>> table_html(["id"], [("<c1>",)]).count("&lt;c1&gt;")
    1
    >>> "**" in table_html(["claim"], [("It is **clear**.",)])
    False
    """
    cell = "padding:0.25em 0.6em;border-bottom:1px solid #ccc;text-align:left;vertical-align:top"
    head = "".join(f'<th scope="col" style="{cell}">{esc(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td style="{cell}">{esc(_cell(v))}</td>' for v in row) + "</tr>"
        for row in rows
    )
    cap = f'<caption style="text-align:left;font-weight:bold">{esc(caption)}</caption>'
    return (
        '<table style="border-collapse:collapse;font-size:0.9em;color:#111;background:#fff">'
        f"{cap if caption else ''}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def show_table(headers: list[str], rows: list[tuple[Any, ...]], caption: str | None = None) -> None:
    """Display a plain table of ``rows`` under ``headers`` (e.g. one row per claim)."""
    from IPython.display import HTML, display

    display(HTML(table_html(headers, rows, caption)))


def show_html(fragment: str) -> None:
    """Display an HTML fragment produced by one of the kit's views."""
    from IPython.display import HTML, display

    display(HTML(fragment))
