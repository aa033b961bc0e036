"""Views of a claim map: a figure (matplotlib), an HTML table, and an HTML comparison.

Colour never carries meaning alone: each type has a colour *and* a marker shape
(and its name in the table); relations have line styles; certainty is shown by
the marker's fill (hollow = hedged, filled = plain, thick black rim = boosted).
matplotlib is imported inside :func:`claim_map_figure` only.
"""

from __future__ import annotations

import os
import textwrap
from itertools import zip_longest
from pathlib import Path
from typing import Any

from ..document import markup_of
from ..style import FIGURE_FONT_SIZE, MARKERS, OKABE_ITO, display_text, esc, light, markup_html
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
    "entertain": OKABE_ITO["sky"],
    "proclaim": OKABE_ITO["orange"],
    "evaluative": OKABE_ITO["vermillion"],
    "deontic": OKABE_ITO["vermillion"],
    "prediction": OKABE_ITO["purple"],
    "speech": OKABE_ITO["yellow"],
    "quotation": OKABE_ITO["yellow"],
    "interpretation": OKABE_ITO["green"],
}
#: The row of the claim table for lesson 03 and the docs: (header, what it shows).
CLAIM_TABLE_COLUMNS: dict[str, str] = {
    "type": "the claim as written (judging words included)",
    "core": "the type of the core assertion once the framing words are set aside",
    "framing": "the evaluative words around the core (from spot)",
    "certainty": "Toulmin's qualifier: hedged, plain or boosted, from epistemic cues only",
}


def claim_rows(cm: ClaimMap) -> list[dict[str, str]]:
    """One plain row per claim for notebooks and views: id, claim, type, core, framing,
    certainty (with its cues), check hint.

    >>> from framingkit.claims import claims
    >>> claim_rows(claims("Greedy bosses raised their pay by 40%.", use_spot=False))[0]["core"]
    'fact (checkable)'
    """
    rows = []
    for c in cm.claims:
        core = c.core_type or c.type
        rows.append(
            {
                "id": c.id,
                "claim": c.text,
                "type": c.type,
                "core": f"{core} ({'checkable' if c.checkable else 'not checkable'})",
                "framing": ", ".join(f"{f.text} ({f.category})" for f in c.framing) or "none",
                "certainty": c.certainty
                + (f" ({', '.join(q.text for q in c.certainty_cues)})" if c.certainty_cues else ""),
                "how to check": c.check_hint or "",
            }
        )
    return rows


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
    fs = FIGURE_FONT_SIZE
    unit = 0.98 * width / 10  # inches per x unit (the axes run from 0 to 10)
    gutter = 1.6  # x of the markers; arcs live left of it
    label_x = gutter + 0.2
    # the monospace label column: "c24  interpretation boosted" (0.6 em per character)
    text_x = label_x + (4 + 1 + 14 + 1 + 7 + 2) * 0.602 * fs / 72 / unit

    def lines(c: Any) -> list[str]:
        em = 0.6 if c.is_thesis else 0.55  # average character width (bold is wider)
        chars = max(20, int(((10 - text_x) * unit - 0.1) * 72 / (fs * em)))
        wrapped = textwrap.wrap(display_text(c.text), chars)
        if len(wrapped) > 2:
            rest = " ".join(wrapped[1:])
            wrapped = [wrapped[0], textwrap.shorten(rest, chars, placeholder=" …")]
        return wrapped or [""]

    texts = [lines(c) for c in shown]
    line_h = fs * 1.25 / 72
    row_h = 0.12 + line_h * max((len(t) for t in texts), default=1)
    header = (14 + 2 * fs) * 1.5 / 72 + 2 * line_h + 0.2  # title, key line, two legend rows
    fig_h = header + row_h * n + 0.15
    fig, ax = plt.subplots(figsize=(width, fig_h), dpi=110)
    fig.subplots_adjust(left=0.01, right=0.99, top=1 - header / fig_h, bottom=0.15 / fig_h)
    ax.set_xlim(0, 10)
    ax.set_ylim(n - 0.5, -0.5)
    ax.axis("off")
    y_of = {c.id: i for i, c in enumerate(shown)}
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
    for i, (c, text) in enumerate(zip(shown, texts, strict=True)):
        colour = TYPE_COLOURS[c.type]
        face = "white" if c.certainty == "hedged" else colour
        edge = "black" if c.certainty == "boosted" else colour
        ax.scatter(
            [gutter],
            [i],
            s=110,
            marker=TYPE_MARKERS[c.type],
            facecolors=face,
            edgecolors=edge,
            linewidths=2.2 if c.certainty == "boosted" else 1.6,
            zorder=3,
        )
        weight = "bold" if c.is_thesis else "normal"
        label = f"{c.id:<4} {c.type:<14} {c.certainty:<7}"
        ax.text(
            label_x,
            i,
            label,
            va="center",
            ha="left",
            fontsize=fs,
            family="monospace",
            fontweight=weight,
        )
        ax.text(
            text_x,
            i,
            "\n".join(text),
            va="center",
            ha="left",
            fontsize=fs,
            fontweight=weight,
            linespacing=1.1,
        )
    title = "Claim map" + (f": {Path(cm.source).name}" if cm.source != "<text>" else "")
    if len(cm.claims) > len(shown):
        title += f" (first {len(shown)} of {len(cm.claims)} claims)"
    top = 1 - 0.1 / fig_h
    fig.text(0.01, top, title, fontsize=14, fontweight="bold", va="top")
    fig.text(
        0.01,
        top - 14 * 1.5 / 72 / fig_h,
        "bold rows: thesis (headline, standfirst, lead, closing)   "
        "certainty (Toulmin's qualifier) by fill: hollow = hedged, filled = plain, "
        "black rim = boosted",
        fontsize=fs,
        va="top",
        color="#333333",
    )
    types = [
        Line2D(
            [],
            [],
            marker=TYPE_MARKERS[t],
            color=TYPE_COLOURS[t],
            linestyle="",
            markersize=9,
            label=t,
        )
        for t in CLAIM_TYPES
    ]
    relations = [
        Line2D(
            [], [], linestyle=RELATION_STYLES[r][0], color=RELATION_STYLES[r][1], lw=1.6, label=r
        )
        for r in RELATIONS
    ]
    # the legend fills column by column: interleaved, types make the first row, links the second
    handles = [h for pair in zip_longest(types, relations) for h in pair if h is not None]
    ax.legend(
        handles=handles,
        title="claim types (marker) and links (line):",
        title_fontsize=fs,
        alignment="left",
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncol=len(CLAIM_TYPES),
        fontsize=fs,
        frameon=False,
        handletextpad=0.4,
        columnspacing=1.4,
        borderaxespad=0.1,
    )
    if path is not None:
        save_figure(fig, path, formats)
    return fig


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


def _highlight(
    text: str, start: int, end: int, cues: list[tuple[int, int, str]], markups: Any = ()
) -> str:
    """HTML of ``text[start:end]`` with cue spans marked (title says what the cue signals).

    ``cues`` are ``(start, end, kind)`` offsets into ``text``; Markdown ``markups``
    show as a reader sees them.
    """
    out, pos = [], start
    for s, e, kind in sorted(cues, key=lambda x: x[0]):
        if s < pos or e > end:
            continue
        colour = light(_CUE_COLOURS.get(kind, OKABE_ITO["grey"]), 0.35)
        out.append(markup_html(text, pos, s, markups))
        out.append(
            f'<mark title="{esc(kind)}" style="background:{colour};border-bottom:2px solid '
            f'{_CUE_COLOURS.get(kind, "#999")}">{markup_html(text, s, e, markups)}'
            f"<sub>{esc(kind)}</sub></mark>"
        )
        pos = e
    out.append(markup_html(text, pos, end, markups))
    return "".join(out)


def _type_badge(t: str) -> str:
    sym = _MARKER_SYMBOLS.get(TYPE_MARKERS[t], "●")
    return f'<span class="badge" style="color:{TYPE_COLOURS[t]}">{sym}</span> {esc(t)}'


_CSS = """
.fk-claims{font-family:system-ui,sans-serif;margin:1.5em;color:#111;max-width:1400px}
.fk-claims table{border-collapse:collapse;width:100%;font-size:14px}
.fk-claims th,.fk-claims td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;
  text-align:left}
.fk-claims th{background:#f2f2f2}
.fk-claims tr.thesis td{background:#fafafa;font-weight:600}
.fk-claims mark{padding:0 1px;border-radius:2px}
.fk-claims mark sub{font-size:9px;color:#333;margin-left:1px}
.fk-claims .badge{font-size:16px}
.fk-claims .small{font-size:12px;color:#333}
.fk-claims .legend span{margin-right:1.2em}
"""


def claim_html(cm: ClaimMap, claim: Any, *, cues: bool = True) -> str:
    """A claim's text as HTML, cues marked, Markdown markup shown as a reader sees it."""
    found = [(q.start, q.end, q.kind) for q in claim.cues] if cues else []
    if cm.text[claim.start : claim.end] == claim.text:
        return _highlight(cm.text, claim.start, claim.end, found, markup_of(cm.text))
    # a map without its article's text: cue offsets shifted into the claim's own text
    found = [(s - claim.start, e - claim.start, kind) for s, e, kind in found]
    return _highlight(claim.text, 0, len(claim.text), found, markup_of(claim.text))


def _claim_text(cm: ClaimMap, claim_id: str | None, text: str) -> str:
    """HTML of one claim of ``cm`` as a reader sees it (``text`` escaped when not found)."""
    claim = next((c for c in cm.claims if c.id == claim_id and c.text == text), None)
    return claim_html(cm, claim, cues=False) if claim is not None else esc(text)


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
        core = c.core_type or c.type
        core_note = "checkable" if c.checkable else "not checkable by a source"
        framing = "<br>".join(
            f"<b>{esc(f.text)}</b> <span class=small>({esc(f.category)})</span>" for f in c.framing
        )
        rows.append(
            f'<tr class="{"thesis" if c.is_thesis else ""}"><td>{esc(c.id)}</td>'
            f"<td>{esc(c.position)}</td>"
            f"<td>{claim_html(cm, c)}</td><td>{_type_badge(c.type)}</td>"
            f"<td>{_type_badge(core)}<div class=small>{esc(core_note)}</div></td>"
            f"<td class=small>{framing or 'none'}</td>"
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
        f"<style>{_CSS}</style></head><body><div class='fk-claims'><h1>{head}</h1>{notes}"
        f"<p class='legend small'>{legend}</p>"
        "<p class=small><b>Type</b> reads the sentence as written; <b>core</b> is the type of "
        "the assertion once the framing words are set aside (a fact is what evidence could "
        "prove or disprove); <b>framing</b> lists the evaluative words around the core.</p>"
        f"<p class=small>Certainty (Toulmin's qualifier, from epistemic cues only): "
        f"{esc('; '.join(f'{k}: {v}' for k, v in CERTAINTY.items()))}."
        f" Positions: {esc('; '.join(f'{k}: {v}' for k, v in POSITIONS.items()))}.</p>"
        "<table><tr><th>id</th><th>where</th><th>claim (cues marked)</th><th>type</th>"
        "<th>core</th><th>framing</th><th>certainty</th><th>actors</th><th>details</th>"
        "<th>how to check</th><th>links</th></tr>"
        + "".join(rows)
        + f"</table>{sup}<h2>Actors</h2><ul>{actors}</ul></div></body></html>"
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
            f"<tr{style}><td>{esc(p.a_id or '')}</td>"
            f"<td>{_claim_text(cmp.a, p.a_id, p.a_text)}</td><td>{esc(p.b_id or '')}</td>"
            f"<td>{_claim_text(cmp.b, p.b_id, p.b_text)}</td>"
            f"<td><b>{esc(kinds)}</b>"
            f"<div class=small>{esc(p.explanation)}</div></td></tr>"
        )
    counts = {k: len(cmp.of_kind(k)) for k in CLAIM_CHANGES}
    summary = "; ".join(f"{k}: {v}" for k, v in counts.items())
    key = "".join(f"<li><b>{esc(k)}</b>: {esc(v)}</li>" for k, v in CLAIM_CHANGES.items())
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{esc(title)}</title>"
        f"<style>{_CSS}</style></head><body><div class='fk-claims'><h1>{esc(title)}</h1>"
        f"<p>{esc(cmp.a.source)} → {esc(cmp.b.source)}. {esc(summary)}</p>"
        f"<ul class=small>{key}</ul>"
        "<table><tr><th>A</th><th>version A</th><th>B</th><th>version B</th><th>changes</th></tr>"
        + "".join(rows)
        + "</table></div></body></html>"
    )
