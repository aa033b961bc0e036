"""Views of a claim map: a figure (matplotlib), an HTML table, and an HTML comparison.

Colour never carries meaning alone: each type has a colour *and* a marker shape
(and its name in the table); relations have line styles; certainty is shown by
the marker's fill (hollow = hedged, filled = plain, thick black rim = boosted).
matplotlib is imported inside :func:`claim_map_figure` only.
"""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path
from typing import Any

from ..style import MARKERS, OKABE_ITO, esc, light
from .model import CERTAINTY, CLAIM_TYPES, POSITIONS, RELATIONS, ClaimMap

#: Colour and marker of each claim type (derived from the order of CLAIM_TYPES).
TYPE_COLOURS: dict[str, str] = dict(
    zip(
        CLAIM_TYPES,
        [OKABE_ITO[c] for c in ("blue", "orange", "green", "vermillion", "purple")],
        strict=True,
    )
)
TYPE_MARKERS: dict[str, str] = dict(zip(CLAIM_TYPES, MARKERS, strict=False))
#: Marker shapes as text symbols, for HTML.
_MARKER_SYMBOLS = {"o": "●", "s": "■", "^": "▲", "D": "◆", "v": "▼"}
#: Line style of each relation.
RELATION_STYLES: dict[str, tuple[str, str]] = {
    "supports": ("-", OKABE_ITO["black"]),
    "elaborates": (":", OKABE_ITO["grey"]),
    "contrasts": ("--", OKABE_ITO["vermillion"]),
    "exemplifies": ("-.", OKABE_ITO["blue"]),
}
_CUE_COLOURS = {
    "hedge": OKABE_ITO["sky"],
    "booster": OKABE_ITO["orange"],
    "evaluative": OKABE_ITO["vermillion"],
    "deontic": OKABE_ITO["vermillion"],
    "prediction": OKABE_ITO["purple"],
    "speech": OKABE_ITO["yellow"],
    "quotation": OKABE_ITO["yellow"],
    "interpretation": OKABE_ITO["green"],
}


def claim_map_figure(
    cm: ClaimMap,
    path: str | os.PathLike[str] | None = None,
    *,
    formats: tuple[str, ...] = ("png",),
    max_claims: int = 80,
    width: float = 13.0,
) -> Any:
    """Draw the claim map: one row per claim, links as arcs on the left; returns the Figure.

    With ``path`` the figure is saved once per format (``"png"``, ``"svg"``), the suffix
    of ``path`` replaced. Labels never overlap: each claim has its own row.
    """
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Arc

    shown = list(cm.claims[:max_claims])
    n = max(1, len(shown))
    row_h = 0.34
    fig_h = 1.6 + row_h * n
    fig, ax = plt.subplots(figsize=(width, fig_h), dpi=110)
    ax.set_xlim(0, 10)
    ax.set_ylim(n + 0.2, -1.3)
    ax.axis("off")
    y_of = {c.id: i for i, c in enumerate(shown)}
    gutter = 1.6  # x of the markers; arcs live left of it
    max_span = max(
        (
            abs(y_of[lk.source] - y_of[lk.target])
            for lk in cm.links
            if lk.source in y_of and lk.target in y_of
        ),
        default=1,
    )
    for lk in cm.links:
        if lk.source not in y_of or lk.target not in y_of:
            continue
        ys, yt = y_of[lk.source], y_of[lk.target]
        span = abs(ys - yt)
        style, colour = RELATION_STYLES[lk.relation]
        w = 0.25 + 1.25 * span / max_span
        arc = Arc(
            (gutter - 0.08, (ys + yt) / 2),
            w * 2,
            span,
            theta1=90,
            theta2=270,
            linestyle=style,
            color=colour,
            lw=1.4,
        )
        ax.add_patch(arc)
        ax.annotate(
            "",
            xy=(gutter - 0.1, yt),
            xytext=(gutter - 0.3, yt),
            arrowprops={"arrowstyle": "->", "color": colour, "lw": 1.2},
        )
    chars = int((width - 2.2) * 13)
    for i, c in enumerate(shown):
        colour = TYPE_COLOURS[c.type]
        face = "white" if c.certainty == "hedged" else colour
        edge = "black" if c.certainty == "boosted" else colour
        ax.scatter(
            [gutter],
            [i],
            s=90,
            marker=TYPE_MARKERS[c.type],
            facecolors=face,
            edgecolors=edge,
            linewidths=2.2 if c.certainty == "boosted" else 1.6,
            zorder=3,
        )
        weight = "bold" if c.is_thesis else "normal"
        label = f"{c.id:<4} {c.type:<14} {c.certainty:<7}"
        ax.text(
            gutter + 0.2,
            i,
            label,
            va="center",
            ha="left",
            fontsize=8.2,
            family="monospace",
            fontweight=weight,
        )
        text = textwrap.shorten(display_text(c.text), chars - 30, placeholder=" …")
        ax.text(gutter + 2.45, i, text, va="center", ha="left", fontsize=8.6, fontweight=weight)
    title = "Claim map" + (f": {Path(cm.source).name}" if cm.source != "<text>" else "")
    if len(cm.claims) > len(shown):
        title += f" (first {len(shown)} of {len(cm.claims)} claims)"
    ax.text(0, -0.95, title, fontsize=12, fontweight="bold", va="center")
    ax.text(
        0,
        -0.45,
        "bold rows: thesis (headline, standfirst, lead, closing)   "
        "fill: hollow = hedged, filled = plain, black rim = boosted",
        fontsize=8,
        va="center",
        color="#333333",
    )
    handles = [
        Line2D(
            [],
            [],
            marker=TYPE_MARKERS[t],
            color=TYPE_COLOURS[t],
            linestyle="",
            markersize=8,
            label=t,
        )
        for t in CLAIM_TYPES
    ] + [
        Line2D(
            [], [], linestyle=RELATION_STYLES[r][0], color=RELATION_STYLES[r][1], lw=1.6, label=r
        )
        for r in RELATIONS
    ]
    ax.legend(
        handles=handles,
        loc="upper right",
        bbox_to_anchor=(1.0, 1.0),
        ncol=9,
        fontsize=8,
        frameon=False,
        handletextpad=0.3,
        columnspacing=1.0,
    )
    fig.subplots_adjust(left=0.01, right=0.99, top=0.99, bottom=0.01)
    if path is not None:
        save_figure(fig, path, formats)
    return fig


def display_text(text: str) -> str:
    """``text`` with Markdown links and emphasis reduced to their words, white space collapsed.

    >>> display_text("He [seeks to](#) act **now**.")
    'He seeks to act now.'
    """
    text = re.sub(r"\[([^\]\n]+)\]\([^)\s]*\)", r"\1", text)
    text = re.sub(
        r"\*\*(\S(?:.*?\S)?)\*\*|(?<![*\w])[*_](\S(?:.*?\S)?)[*_](?![*\w])",
        lambda m: m.group(1) or m.group(2),
        text,
    )
    return " ".join(text.split())


def save_figure(
    fig: Any, path: str | os.PathLike[str], formats: tuple[str, ...] = ("png",)
) -> list[Path]:
    """Save ``fig`` once per format (suffix of ``path`` replaced); returns the paths written."""
    out = []
    for fmt in formats:
        import io

        from ..atomic import write_bytes

        p = Path(path).with_suffix("." + fmt.lstrip("."))
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt.lstrip("."), bbox_inches="tight")
        write_bytes(
            p, buf.getvalue(), parents=False
        )  # an interrupted run leaves no half-written figure
        out.append(p)
    return out


def _highlight(text: str, start: int, cues: Any) -> str:
    """HTML of ``text`` with cue spans marked (title says what the cue signals)."""
    spans = sorted(((q.start - start, q.end - start, q.kind) for q in cues), key=lambda x: x[0])
    out, pos = [], 0
    for s, e, kind in spans:
        if s < pos or s < 0 or e > len(text):
            continue
        colour = light(_CUE_COLOURS.get(kind, OKABE_ITO["grey"]), 0.35)
        out.append(esc(text[pos:s]))
        out.append(
            f'<mark title="{esc(kind)}" style="background:{colour};border-bottom:2px solid '
            f'{_CUE_COLOURS.get(kind, "#999")}">{esc(text[s:e])}<sub>{esc(kind)}</sub></mark>'
        )
        pos = e
    out.append(esc(text[pos:]))
    return "".join(out)


def _type_badge(t: str) -> str:
    sym = _MARKER_SYMBOLS.get(TYPE_MARKERS[t], "●")
    return f'<span class="badge" style="color:{TYPE_COLOURS[t]}">{sym}</span> {esc(t)}'


_CSS = """
body{font-family:system-ui,sans-serif;margin:1.5em;color:#111;max-width:1400px}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f2f2f2} tr.thesis td{background:#fafafa;font-weight:600}
mark{padding:0 1px;border-radius:2px} mark sub{font-size:9px;color:#333;margin-left:1px}
.badge{font-size:16px} .small{font-size:12px;color:#333} .legend span{margin-right:1.2em}
"""


def table_html(cm: ClaimMap, *, support: Any = None, title: str | None = None) -> str:
    """A self-contained HTML page: one row per claim, cues highlighted, links listed."""
    out_links: dict[str, list[str]] = {}
    for lk in cm.links:
        out_links.setdefault(lk.source, []).append(f"{lk.relation} {lk.target}")
    rows = []
    for c in cm.claims:
        details = []
        for label, vals in (("quantities", c.quantities), ("dates", c.dates), ("places", c.places)):
            if vals:
                details.append(f"<b>{label}:</b> " + esc("; ".join(vals)))
        cert_cues = ", ".join(esc(q.text) for q in c.certainty_cues)
        rows.append(
            f'<tr class="{"thesis" if c.is_thesis else ""}"><td>{esc(c.id)}</td>'
            f"<td>{esc(c.position)}</td>"
            f"<td>{_highlight(c.text, c.start, c.cues)}</td><td>{_type_badge(c.type)}</td>"
            f"<td>{esc(c.certainty)}<div class=small>{cert_cues}</div></td>"
            f"<td>{esc(', '.join(c.actors))}</td><td class=small>{'<br>'.join(details)}</td>"
            f"<td class=small>{esc(c.check_hint or '')}</td>"
            f"<td class=small>{'<br>'.join(esc(x) for x in out_links.get(c.id, []))}</td></tr>"
        )
    legend = " ".join(f"<span>{_type_badge(t)}: {esc(d)}</span>" for t, d in CLAIM_TYPES.items())
    head = esc(title or f"Claims in {cm.source}")
    notes = "".join(f"<p><b>Note:</b> {esc(n)}</p>" for n in (cm.language_note, cm.note) if n)
    sup = support_html(support) if support is not None else ""
    actors = "".join(
        f"<li><b>{esc(a.name)}</b> ({esc(a.kind)}): "
        + esc(", ".join(dict.fromkeys(f"{m.text} [{m.kind}]" for m in a.mentions)))
        + "</li>"
        for a in cm.actors
    )
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{head}</title>"
        f"<style>{_CSS}</style></head><body><h1>{head}</h1>{notes}"
        f"<p class='legend small'>{legend}</p>"
        f"<p class=small>Certainty: {esc('; '.join(f'{k}: {v}' for k, v in CERTAINTY.items()))}."
        f" Positions: {esc('; '.join(f'{k}: {v}' for k, v in POSITIONS.items()))}.</p>"
        "<table><tr><th>id</th><th>where</th><th>claim (cues marked)</th><th>type</th>"
        "<th>certainty</th><th>actors</th><th>details</th><th>how to check</th><th>links</th></tr>"
        + "".join(rows)
        + f"</table>{sup}<h2>Actors</h2><ul>{actors}</ul></body></html>"
    )


def support_html(hs: Any) -> str:
    """An HTML section for a :class:`~framingkit.claims.support.HeadlineSupport`."""
    terms = "".join(
        f"<tr><td>{esc(t.term)}</td><td>{esc(t.status)}</td><td>{esc(', '.join(t.claims[:8]))}</td>"
        f"<td>{esc(', '.join(t.related_words[:6]))}</td></tr>"
        for t in hs.terms
    )
    closest = "".join(
        f"<li><b>{esc(c.id)}</b> ({c.score:g}; {esc(', '.join(c.matched))}): {esc(c.text)}</li>"
        for c in hs.closest
    )
    return (
        f"<h2>Headline against body</h2><p><b>Headline:</b> {esc(hs.headline)}</p>"
        f"<p>{esc(hs.explanation)}</p><table><tr><th>key term</th><th>in the body</th>"
        f"<th>claims</th><th>related words found</th></tr>{terms}</table>"
        f"<p>Closest claims:</p><ol>{closest}</ol>"
        "<p>Claims drafted as supporting the headline: "
        f"{esc(', '.join(hs.supporting) or 'none')}</p>"
    )


def comparison_html(cmp: Any, title: str = "Claims in two versions") -> str:
    """A self-contained HTML page for a :class:`~framingkit.claims.versions.ClaimComparison`."""
    from .versions import CLAIM_CHANGES

    rows = []
    for p in cmp.pairs:
        kinds = ", ".join(p.changes) or "unchanged"
        style = "" if p.changes and p.changes != ("reworded",) else " style='color:#555'"
        rows.append(
            f"<tr{style}><td>{esc(p.a_id or '')}</td><td>{esc(p.a_text)}</td>"
            f"<td>{esc(p.b_id or '')}</td><td>{esc(p.b_text)}</td><td><b>{esc(kinds)}</b>"
            f"<div class=small>{esc(p.explanation)}</div></td></tr>"
        )
    counts = {k: len(cmp.of_kind(k)) for k in CLAIM_CHANGES}
    summary = "; ".join(f"{k}: {v}" for k, v in counts.items())
    key = "".join(f"<li><b>{esc(k)}</b>: {esc(v)}</li>" for k, v in CLAIM_CHANGES.items())
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{esc(title)}</title>"
        f"<style>{_CSS}</style></head><body><h1>{esc(title)}</h1>"
        f"<p>{esc(cmp.a.source)} → {esc(cmp.b.source)}. {esc(summary)}</p>"
        f"<ul class=small>{key}</ul>"
        "<table><tr><th>A</th><th>version A</th><th>B</th><th>version B</th><th>changes</th></tr>"
        + "".join(rows)
        + "</table></body></html>"
    )
