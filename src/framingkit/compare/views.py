"""Notebook and HTML views of a :class:`~framingkit.compare.model.Comparison`.

* :func:`side_by_side` – the two versions side by side, aligned sentence by sentence,
  each change marked with its effect's colour **and** a text label, the explanation
  on hover (``title``) and in a numbered list below; filters by kind and effect.
* :func:`html_page` – the same as one self-contained HTML file (no external assets).
* :func:`summary_figure` – a matplotlib figure: changes by kind and effect, and a
  strip showing where in the text they fall.
* :func:`show` / :func:`filter_ui` – display in a notebook (ipywidgets imported lazily).

>>> from framingkit.compare import compare
>>> html = side_by_side(compare("It is bad.", "It is very bad."))
>>> "very" in html and "stronger" in html
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..style import FIGURE_FONT_SIZE, esc, light, markup_html
from .model import (
    EFFECT_DEFINITION,
    EFFECTS,
    KINDS,
    PORTRAYAL_DEFINITION,
    PORTRAYALS,
    Change,
    Comparison,
)

_CSS = """
.fk-cmp{
  font-family:Georgia,'Times New Roman',serif;
  font-size:15px;
  line-height:1.55;
  color:#111}
.fk-cmp h3{
  font-family:Helvetica,Arial,sans-serif;
  font-size:16px;
  margin:14px 0 6px}
.fk-cmp .fk-meta{
  font-family:Helvetica,Arial,sans-serif;
  font-size:13px;
  color:#333}
.fk-cmp table.fk-sbs{
  border-collapse:collapse;
  width:100%;
  table-layout:fixed}
.fk-cmp .fk-sbs td,.fk-cmp .fk-sbs th{
  vertical-align:top;
  padding:6px 10px;
  border-bottom:1px solid #ddd;
  text-align:left}
.fk-cmp .fk-sbs th:first-child{
  width:3.2em}
.fk-cmp .fk-sbs th{
  font-family:Helvetica,Arial,sans-serif;
  text-align:left;
  background:#f3f3f3}
.fk-cmp .fk-sbs .fk-n{
  width:4.5em;
  font:12px Helvetica,Arial,sans-serif;
  color:#555}
.fk-cmp .fk-sbs td.fk-none{
  background:repeating-linear-gradient(45deg,#fafafa,#fafafa 6px,#eee 6px,#eee 12px);

 font:12px Helvetica,Arial,sans-serif;
  color:#555}
.fk-cmp mark{
  color:inherit;
  padding:0 1px;
  border-radius:2px}
.fk-cmp .fk-tag{
  font:bold 10px Helvetica,Arial,sans-serif;
  vertical-align:super;
  margin-left:2px;

 padding:0 3px;
  border-radius:3px;
  color:#000;
  background:#fff;
  border:1px solid currentColor;
  white-space:nowrap}
.fk-cmp .fk-ins{
  font:bold 11px Helvetica,Arial,sans-serif;
  padding:0 3px;
  border:1px dashed #333;
  border-radius:3px}
.fk-cmp .fk-role{
  font:11px Helvetica,Arial,sans-serif;
  text-transform:uppercase;
  color:#555;
  display:block}
.fk-cmp .fk-legend span{
  display:inline-block;
  margin:2px 10px 2px 0;
  font:13px Helvetica,Arial,sans-serif}
.fk-cmp .fk-sw{
  display:inline-block;
  width:14px;
  height:14px;
  vertical-align:middle;
  margin-right:4px;
  border:1px solid #333}
.fk-cmp table.fk-list{
  border-collapse:collapse;
  width:100%;
  table-layout:auto;
  font:13px Helvetica,Arial,sans-serif}
.fk-cmp .fk-list th:nth-child(-n+3),.fk-cmp .fk-list td:nth-child(-n+3){
  width:1%;
  white-space:nowrap}
.fk-cmp .fk-list td,.fk-cmp .fk-list th{
  border-bottom:1px solid #ddd;
  padding:4px 6px;
  vertical-align:top;
  text-align:left}
.fk-cmp .fk-moved{
  font:bold 11px Helvetica,Arial,sans-serif;
  border:2px solid #000;
  padding:0 4px;
  border-radius:3px}
"""


def _selected(
    cmp: Comparison, kinds: Iterable[str] | None, effects: Iterable[str] | None
) -> list[Change]:
    ks = set(kinds) if kinds is not None else None
    es = set(effects) if effects is not None else None
    for name, allowed, table in (("kind", ks, KINDS), ("effect", es, EFFECTS)):
        bad = sorted((allowed or set()) - set(table))
        if bad:
            from ..errors import InputError

            raise InputError(f"Unknown {name} {bad[0]!r}; choose from {', '.join(table)}.")
    return cmp.filtered(
        sorted(ks) if ks is not None else None, sorted(es) if es is not None else None
    )


def _tag(n: int, c: Change) -> str:
    eff = EFFECTS[c.effect]
    return (
        f'<span class="fk-tag" style="color:{eff.colour}"><span style="color:#000">'
        f"{n} {esc(KINDS[c.kind].label)} · {esc(eff.label)}</span></span>"
    )


#: Kinds shown as a caret where one side has nothing (others only in the list).
_POINT_KINDS = frozenset({"addition", "omission", "segmentation", "typography"})


def _render(
    text: str,
    start: int,
    end: int,
    marks: Sequence[tuple[int, Change, str]],
    whole: bool = False,
    markups: Sequence[Any] = (),
) -> str:
    """Text ``text[start:end]`` with the given changes marked inline (``side`` a or b).

    A change covering the whole stretch is marked only when ``whole`` is true.
    Markdown ``markups`` show as a reader sees them (bold, italic, underlined links).
    """
    spans: list[tuple[int, int, int, Change]] = []
    for n, c, side in marks:
        s, e = (c.a_start, c.a_end) if side == "a" else (c.b_start, c.b_end)
        if s == e:
            if c.kind in _POINT_KINDS and start <= s <= end:
                spans.append((s, e, n, c))
        elif start <= s and e <= end and (whole or (e - s) < (end - start)):
            spans.append((s, e, n, c))
    spans.sort(key=lambda x: (x[0], x[1] - x[0]))
    out, pos = [], start
    for s, e, n, c in spans:
        if s < pos:
            continue  # overlapping: listed below, not marked twice
        out.append(markup_html(text, pos, s, markups))
        eff = EFFECTS[c.effect]
        said = " ".join(p.reason for p in c.portrayals)
        title = esc(f"{n}. {KINDS[c.kind].label} · {eff.label}: {c.explanation} {said}".strip())
        if s == e:
            out.append(f'<span class="fk-ins" title="{title}">‸</span>{_tag(n, c)}')
        else:
            out.append(
                f'<mark title="{title}" style="background:{light(eff.colour, 0.3)};'
                f'border-bottom:3px solid {eff.colour}">{markup_html(text, s, e, markups)}</mark>'
                f"{_tag(n, c)}"
            )
        pos = e
    out.append(markup_html(text, pos, end, markups))
    return "".join(out)


def _rows(cmp: Comparison) -> list[tuple[tuple[int, ...], tuple[int, ...], int | None]]:
    """Rows of the side-by-side table in reading order of A (B-only rows where they fall)."""
    rows: list[tuple[float, tuple[int, ...], tuple[int, ...], int | None]] = []
    used_a = {i for ln in cmp.alignment for i in ln.a}
    used_b = {j for ln in cmp.alignment for j in ln.b}
    for k, ln in enumerate(cmp.alignment):
        rows.append((ln.a[0], ln.a, ln.b, k))
    for i in range(len(cmp.a.sentences)):
        if i not in used_a:
            rows.append((i, (i,), (), None))
    after = sorted((ln.b[-1], ln.a[-1]) for ln in cmp.alignment if not ln.moved)
    for j in range(len(cmp.b.sentences)):
        if j not in used_b:
            prev = [a for b, a in after if b < j]
            rows.append(((prev[-1] if prev else -1) + 0.5 + j * 1e-6, (), (j,), None))
    rows.sort(key=lambda r: r[0])
    return [(a, b, k) for _, a, b, k in rows]


def side_by_side(
    cmp: Comparison,
    kinds: Iterable[str] | None = None,
    effects: Iterable[str] | None = None,
) -> str:
    """An HTML fragment: both versions aligned, changes marked, the list of changes below.

    ``kinds``/``effects`` keep only changes of those kinds/effects (keys of KINDS/EFFECTS).
    """
    chosen = _selected(cmp, kinds, effects)
    numbered = [(n, c) for n, c in enumerate(cmp.changes, 1) if c in chosen]
    marks_a = [(n, c, "a") for n, c in numbered if c.a_text or c.b_text]
    marks_b = [(n, c, "b") for n, c in numbered if c.a_text or c.b_text]
    a, b = cmp.a, cmp.b
    s = cmp.summary()
    html = [f'<div class="fk-cmp"><style>{_CSS}</style>']
    html.append(
        f'<div class="fk-meta"><b>A</b>: {esc(a.source)} &nbsp; <b>B</b>: {esc(b.source)}<br>'
        f"{len(chosen)} of {s['changes']} changes shown; aligned {s['coverage_a']:.0%} of A "
        f"and {s['coverage_b']:.0%} of B"
        + (f"; {cmp.hidden} typography-only changes hidden" if cmp.hidden else "")
        + (f"<br><b>{esc(cmp.note)}</b>" if cmp.note else "")
        + "</div>"
    )
    html.append('<div class="fk-legend">')
    for e in EFFECTS.values():
        html.append(
            f'<span><span class="fk-sw" style="background:{light(e.colour, 0.45)};'
            f'border-bottom:3px solid {e.colour}"></span>'
            f"{esc(e.label)}: {esc(e.description)}</span>"
        )
    html.append("</div>")
    html.append('<table class="fk-sbs"><tr><th class="fk-n">#</th><th>A</th><th>B</th></tr>')
    # paratext first: paragraphs outside the running text
    extra_a = [p for p in a.paragraphs if p.role not in ("body", "standfirst")]
    extra_b = [p for p in b.paragraphs if p.role not in ("body", "standfirst")]
    if extra_a or extra_b:
        cells = []
        for paras, art, marks in ((extra_a, a, marks_a), (extra_b, b, marks_b)):
            cells.append(
                "".join(
                    f'<div><span class="fk-role">{esc(p.role)}</span>'
                    f"{_render(art.text, p.start, p.end, marks, True, art.markup)}</div>"
                    for p in paras
                )
                or "—"
            )
        html.append(
            f'<tr><td class="fk-n">paratext</td><td>{cells[0]}</td><td>{cells[1]}</td></tr>'
        )
    for a_idx, b_idx, k in _rows(cmp):
        ln = cmp.alignment[k] if k is not None else None
        label = _link_label(ln, bool(a_idx))
        cells = []
        for idx, art, marks in ((a_idx, a, marks_a), (b_idx, b, marks_b)):
            if not idx:
                cells.append('<td class="fk-none">no counterpart</td>')
                continue
            sents = art.sentences
            start, end = sents[idx[0]].start, sents[idx[-1]].end
            moved = ' <span class="fk-moved">moved</span>' if ln is not None and ln.moved else ""
            body = _render(art.text, start, end, marks, markups=art.markup)
            cells.append(f"<td>{body}{moved}</td>")
        html.append(f'<tr><td class="fk-n">{label}</td>{cells[0]}{cells[1]}</tr>')
    html.append("</table>")
    html.append(changes_table(cmp, chosen))
    html.append("</div>")
    return "\n".join(html)


def _link_label(ln: Any, in_a: bool) -> str:
    """The side-by-side row's label in plain words ("split in 2", "dropped"), with the link
    and how alike its wording is on hover; the alignment's notation ("2:1", a 0.89 score) is
    the kit's, not a reader's.

    >>> from types import SimpleNamespace as S
    >>> _link_label(S(type="1:2", score=0.8), True)
    '<span title="one sentence of A, two of B; wording 80% alike">split in 2</span>'
    >>> _link_label(None, False)
    '<span title="only in B">added</span>'
    """
    if ln is None:
        return (
            '<span title="only in A">dropped</span>'
            if in_a
            else '<span title="only in B">added</span>'
        )
    a, _, b = str(ln.type).partition(":")
    na, nb = (int(x) if x.isdigit() else 0 for x in (a, b))
    words = {1: "one", 2: "two", 3: "three"}

    def n(k: int) -> str:
        return words.get(k, str(k))

    if na == nb == 1:
        text = ""
    elif na == 1:
        text = f"split in {nb}"
    elif nb == 1:
        text = f"{na} joined"
    else:
        text = "regrouped"
    hover = f"{n(na)} sentence{'s' * (na != 1)} of A, {n(nb)} of B; wording {ln.score:.0%} alike"
    return f'<span title="{esc(hover)}">{text or "≈"}</span>'


def _excerpt(art: Any, start: int, end: int, text: str, limit: int = 160) -> str:
    """HTML of a change's text (``text[start:end]`` of ``art``) as a reader sees it, shortened."""
    if art.text[start:end] != text:  # not an excerpt of the article: show it as it is
        return esc(text if len(text) < limit else text[: limit - 3] + "…")
    if end - start < limit:
        return markup_html(art.text, start, end, art.markup)
    return markup_html(art.text, start, start + limit - 3, art.markup) + "…"


def definitions_html() -> str:
    """Effect (force) and portrayal defined, with both tables (lessons 01 and 05 show this).

    >>> "force of its wording" in definitions_html()
    True
    """

    def rows(table: dict[str, Any]) -> str:
        return "".join(
            f"<tr><td><code>{esc(c.name)}</code></td><td>{esc(c.description)}</td></tr>"
            for c in table.values()
        )

    return (
        f"<div class='fk-defs'><p><b>Effect.</b> {esc(EFFECT_DEFINITION)}</p>"
        f"<table class='fk-list'><tr><th>effect</th><th>meaning</th></tr>{rows(EFFECTS)}</table>"
        f"<p><b>Portrayal.</b> {esc(PORTRAYAL_DEFINITION)}</p>"
        f"<table class='fk-list'><tr><th>portrayal</th><th>meaning</th></tr>{rows(PORTRAYALS)}"
        "</table></div>"
    )


def _portrayal_html(c: Change) -> str:
    """The change's portrayals under its explanation: direction named in words, then why."""
    return "".join(
        f'<br><span class="fk-portrayal"><b>Portrayal, {esc(p.actor)}: '
        f"{esc(PORTRAYALS[p.direction].label)}.</b> {esc(p.reason)}</span>"
        for p in c.portrayals
    )


def changes_table(cmp: Comparison, chosen: Sequence[Change] | None = None) -> str:
    """The numbered list of changes as an HTML table (numbers match the marks)."""
    chosen = cmp.changes if chosen is None else chosen
    rows = [
        '<h3>Changes</h3><table class="fk-list"><tr><th>#</th><th>kind</th><th>effect</th>'
        "<th>A</th><th>B</th><th>explanation</th></tr>"
    ]
    for n, c in enumerate(cmp.changes, 1):
        if c not in chosen:
            continue
        eff = EFFECTS[c.effect]
        short_a = _excerpt(cmp.a, c.a_start, c.a_end, c.a_text)
        short_b = _excerpt(cmp.b, c.b_start, c.b_end, c.b_text)
        rows.append(
            f"<tr><td>{n}</td><td>{esc(KINDS[c.kind].label)}</td>"
            f'<td><span class="fk-sw" style="background:{light(eff.colour, 0.45)};'
            f'border-bottom:3px solid {eff.colour}"></span>{esc(eff.label)}</td>'
            f"<td>{short_a or '—'}</td><td>{short_b or '—'}</td>"
            f"<td>{esc(c.explanation)}{_portrayal_html(c)}</td></tr>"
        )
    rows.append("</table>")
    return "".join(rows)


def html_page(
    cmp: Comparison,
    kinds: Iterable[str] | None = None,
    effects: Iterable[str] | None = None,
    title: str = "framingkit compare",
) -> str:
    """One self-contained HTML document (no external assets) for projecting or sharing."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<title>{esc(title)}</title></head><body style="margin:20px">'
        f'<h2 style="font-family:Helvetica,Arial,sans-serif">{esc(title)}</h2>'
        f"{side_by_side(cmp, kinds, effects)}</body></html>"
    )


def show(
    cmp: Comparison, kinds: Iterable[str] | None = None, effects: Iterable[str] | None = None
) -> None:
    """Display the side-by-side view in a notebook (returns nothing, so it shows once)."""
    from IPython.display import HTML, display

    display(HTML(side_by_side(cmp, kinds, effects)))


def filter_ui(cmp: Comparison) -> Any:
    """An ipywidgets panel: tick kinds and effects to filter the side-by-side view."""
    import ipywidgets as w

    present_k = [k for k in KINDS if any(c.kind == k for c in cmp.changes)]
    present_e = [e for e in EFFECTS if any(c.effect == e for c in cmp.changes)]
    kbox = {k: w.Checkbox(value=True, description=KINDS[k].label, indent=False) for k in present_k}
    ebox = {
        e: w.Checkbox(value=True, description=EFFECTS[e].label, indent=False) for e in present_e
    }
    out = w.HTML()

    def update(_: Any = None) -> None:
        out.value = side_by_side(
            cmp,
            [k for k, b in kbox.items() if b.value],
            [e for e, b in ebox.items() if b.value],
        )

    for box in (*kbox.values(), *ebox.values()):
        box.observe(update, names="value")
    update()
    return w.VBox(
        [
            w.HBox([w.Label("kind:"), *kbox.values()]),
            w.HBox([w.Label("effect:"), *ebox.values()]),
            out,
        ]
    )


def summary_figure(cmp: Comparison, kinds: Iterable[str] | None = None) -> Any:
    """A matplotlib figure: changes by kind (stacked by effect) and where they fall in A.

    Colours come with hatches (bars) and marker shapes (strip), so the figure reads
    without colour too.
    """
    import matplotlib.pyplot as plt

    changes = _selected(cmp, kinds, None)
    fig, (ax1, ax2) = plt.subplots(
        2, 1, figsize=(9, 6.5), gridspec_kw={"height_ratios": [3, 2]}, constrained_layout=True
    )
    kind_names = [k for k in KINDS if any(c.kind == k for c in changes)] or list(KINDS)
    left = [0] * len(kind_names)
    for eff in EFFECTS.values():
        counts = [
            sum(1 for c in changes if c.kind == k and c.effect == eff.name) for k in kind_names
        ]
        if not any(counts):
            continue
        ax1.barh(
            [KINDS[k].label for k in kind_names],
            counts,
            left=left,
            color=eff.colour,
            hatch=eff.hatch,
            edgecolor="black",
            linewidth=0.6,
            label=eff.label,
        )
        left = [x + y for x, y in zip(left, counts, strict=True)]
    ax1.invert_yaxis()
    fs = FIGURE_FONT_SIZE
    ax1.set_xlabel("number of changes", fontsize=fs)
    ax1.set_title("Changes by kind and effect", fontsize=fs + 1)
    # outside the bars, right of the plot: a legend never hides data
    ax1.legend(
        title="effect",
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=True,
        fontsize=fs,
        title_fontsize=fs,
    )
    n = max(len(cmp.a.text), 1)
    names = list(EFFECTS)
    for y, e in enumerate(names):
        eff = EFFECTS[e]
        xs = [c.a_start / n * 100 for c in changes if c.effect == e]
        ax2.scatter(
            xs,
            [y] * len(xs),
            marker=eff.marker,
            s=60,
            color=eff.colour,
            edgecolor="black",
            linewidth=0.5,
            zorder=3,
        )
    ax2.set_yticks(range(len(names)), [EFFECTS[e].label for e in names])
    ax2.set_ylim(-0.6, len(names) - 0.4)
    ax2.invert_yaxis()
    ax2.set_xlim(-2, 102)  # markers at the very start or end are drawn whole
    ax2.set_xlabel("position in version A (% of the text)", fontsize=fs)
    ax2.set_title("Where the changes fall", fontsize=fs + 1)
    for ax in (ax1, ax2):
        ax.tick_params(labelsize=fs)
    ax2.grid(axis="x", color="#ddd")
    return fig


def summary_alt(cmp: Comparison, kinds: Iterable[str] | None = None) -> str:
    """The text description of :func:`summary_figure`, in the labels the figure shows.

    >>> from framingkit.compare import compare
    >>> summary_alt(compare("It is bad.", "It is very bad.")).split(". ")[:2]
    ['Bar chart of the changes by kind, split by effect: 1 added change', 'By effect: 1 stronger']
    """
    changes = _selected(cmp, kinds, None)

    def counts(table: dict[str, Any], attr: str) -> list[str]:
        n = {k: sum(1 for c in changes if getattr(c, attr) == k) for k in table}
        return [f"{v} {table[k].label}" for k, v in sorted(n.items(), key=lambda kv: -kv[1]) if v]

    by_kind = counts(KINDS, "kind")
    unit = " change" if len(changes) == 1 else " changes"
    return (
        "Bar chart of the changes by kind, split by effect: "
        + (", ".join(by_kind) + unit if by_kind else "no changes")
        + ". By effect: "
        + (", ".join(counts(EFFECTS, "effect")) or "none")
        + ". A strip below marks where in version A each change falls, one row per effect."
    )
