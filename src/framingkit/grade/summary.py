"""The class summary: per exercise, the score distribution and the most-missed items.

:func:`summarise` returns plain data (:class:`ExerciseSummary`); :func:`summary_figure`
draws it with matplotlib (imported only there) and :func:`summary_html` renders
the table, the figure and links to the span class views and feedback pages.
Only submissions whose answers could be read (``ok``, ``error``, ``timeout``) count.
"""

from __future__ import annotations

import io
import statistics
import textwrap
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import write_bytes
from ..style import HATCHES, PALETTE, esc
from .report import num, page
from .run import GradeResult

#: Score bins of the distribution (share of the exercise's points): label, low, high.
BINS: tuple[tuple[str, float, float], ...] = (
    ("0", 0.0, 0.0),
    ("1–49%", 1e-9, 0.4999),
    ("50–99%", 0.5, 0.9999),
    ("100%", 0.99995, 1.0),
)
GRADED = ("ok", "error", "timeout")


@dataclass
class ExerciseSummary:
    """How a class did on one exercise."""

    lesson: str
    exercise: str
    title: str
    type: str
    max_points: float
    n: int = 0
    answered: int = 0
    mean: float | None = None
    median: float | None = None
    bins: list[int] = field(default_factory=list)
    #: (reference unit, number of students who missed it), most missed first
    most_missed: list[tuple[str, int]] = field(default_factory=list)
    #: choice exercises: (option, number of students who picked it)
    picks: list[tuple[str, int]] = field(default_factory=list)


def _bin(fraction: float) -> int:
    for i, (_, lo, hi) in enumerate(BINS):
        if lo <= fraction <= hi:
            return i
    return 1 if fraction < 0.5 else 2


def summarise(results: Sequence[GradeResult]) -> list[ExerciseSummary]:
    """One :class:`ExerciseSummary` per exercise, by lesson, in key order.

    >>> summarise([])
    []
    """
    out: dict[str, ExerciseSummary] = {}
    points: dict[str, list[float]] = {}
    missed: dict[str, Counter[str]] = {}
    picks: dict[str, Counter[str]] = {}
    for r in sorted(results, key=lambda r: (r.lesson or "", r.student, r.file)):
        if r.status not in GRADED or r.lesson is None:
            continue
        for eid, g in r.exercises.items():
            s = out.get(eid)
            if s is None:
                s = out[eid] = ExerciseSummary(r.lesson, eid, g.title, g.type, g.max_points)
                points[eid], missed[eid], picks[eid] = [], Counter(), Counter()
            s.n += 1
            s.answered += bool(g.answered)
            if g.points is not None and (g.type != "text" or g.rubric):
                points[eid].append(g.points)  # written answers: only once rubric points exist
            missed[eid].update(g.missed_units)
            if g.choice:
                picks[eid][g.choice] += 1
    for eid, s in out.items():
        pts = points[eid]
        if pts:
            s.mean = round(statistics.fmean(pts), 2)
            s.median = round(statistics.median(pts), 2)
            s.bins = [0] * len(BINS)
            for p in pts:
                s.bins[_bin(p / s.max_points if s.max_points else 0.0)] += 1
        s.most_missed = sorted(missed[eid].items(), key=lambda kv: (-kv[1], kv[0]))
        s.picks = sorted(picks[eid].items())
    return list(out.values())


def summary_figure(summaries: Sequence[ExerciseSummary], path: str | Path) -> bool:
    """Save the score distributions (one panel per auto-scored exercise) as a PNG.

    Returns False (and writes nothing) when no exercise has scores.
    """
    shown = [s for s in summaries if s.bins]
    if not shown:
        return False
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    cols = min(3, len(shown))
    rows = (len(shown) + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 3.0 * rows), squeeze=False)
    labels = [b[0] for b in BINS]
    for ax, s in zip(axes.flat, shown, strict=False):
        bars = ax.bar(
            range(len(BINS)),
            s.bins,
            color=PALETTE[0],
            edgecolor="black",
            hatch=HATCHES[1],
            linewidth=0.8,
        )
        for bar, count in zip(bars, s.bins, strict=True):
            ax.annotate(
                str(count),
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                ha="center",
                va="bottom",
                fontsize=9,
                xytext=(0, 2),
                textcoords="offset points",
            )
        ax.set_xticks(range(len(BINS)), labels, fontsize=8)
        ax.set_ylim(0, max(max(s.bins), 1) * 1.25)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        title = textwrap.shorten(s.title, 60, placeholder="…")
        title = "\n".join(textwrap.wrap(title, 34))
        ax.set_title(f"{title}\n({s.lesson}, max {num(s.max_points)} pts)", fontsize=9)
        ax.set_ylabel("students", fontsize=8)
        ax.tick_params(axis="y", labelsize=8)
        ax.spines[["top", "right"]].set_visible(False)
    for ax in list(axes.flat)[len(shown) :]:
        ax.axis("off")
    fig.supxlabel("share of the exercise's points", fontsize=9)
    fig.tight_layout()
    buf = io.BytesIO()  # written atomically: never through a link, never half a file
    fig.savefig(buf, format="png", dpi=110, metadata={"Software": None})
    plt.close(fig)
    write_bytes(path, buf.getvalue())
    return True


def summary_html(
    summaries: Sequence[ExerciseSummary],
    results: Sequence[GradeResult],
    feedback: Sequence[str],
    figure: str | None,
    span_views: dict[str, str],
) -> str:
    """The class summary page: status counts, a table per exercise, the figure, links."""
    status = Counter(r.status for r in results)
    out = [
        "<h1>Class summary</h1>",
        f"<p>{len(results)} notebooks: "
        + ", ".join(f"{esc(k)} {v}" for k, v in sorted(status.items()))
        + ". The gradebook is <code>grades.csv</code>.</p>",
    ]
    if figure:
        alt = "; ".join(
            f"{s.title}: " + ", ".join(f"{b[0]} {c}" for b, c in zip(BINS, s.bins, strict=True))
            for s in summaries
            if s.bins
        )
        out.append(
            f"<figure><img src='{esc(figure)}' alt='Score distributions. {esc(alt)}' "
            "style='max-width:100%'><figcaption>Students per score band, one panel per "
            "exercise (counts above the bars).</figcaption></figure>"
        )
    head = "".join(f"<th>{esc(b[0])}</th>" for b in BINS)
    out.append(
        "<table><tr><th>exercise</th><th>type</th><th>answered</th><th>mean</th>"
        f"<th>median</th>{head}<th>most missed (students)</th></tr>"
    )
    for s in summaries:
        missed = "; ".join(f"{esc(u)} ({c})" for u, c in s.most_missed[:3]) or "–"
        if s.picks:
            missed += "<br><span class='muted'>picked: " + ", ".join(
                f"{esc(k)} {c}" for k, c in s.picks
            )
            missed += "</span>"
        view = span_views.get(s.exercise)
        name = esc(s.title) + f"<br><span class='muted'>{esc(s.exercise)}</span>"
        if view:
            name += f"<br><a href='{esc(view)}'>class view of the text</a>"
        if s.type == "text" and not s.bins:
            cells = f"<td colspan='{2 + len(BINS)}' class='muted'>scored by hand</td>"
        else:
            cells = f"<td>{num(s.mean)}</td><td>{num(s.median)}</td>" + "".join(
                f"<td>{c}</td>" for c in (s.bins or [0] * len(BINS))
            )
        out.append(
            f"<tr><td>{name}</td><td>{esc(s.type)}</td><td>{s.answered} of {s.n}</td>"
            f"{cells}<td>{missed}</td></tr>"
        )
    out.append("</table>")
    out.append("<h2>Notebooks</h2><table><tr><th>student</th><th>lesson</th><th>status</th>")
    out.append("<th>score</th><th>message</th></tr>")
    for r, fb in zip(results, feedback, strict=True):
        score = f"{num(r.score)} / {num(r.max_score)}" if r.score is not None else ""
        out.append(
            f"<tr><td><a href='feedback/{esc(fb)}'>{esc(r.student)}</a></td>"
            f"<td>{esc(r.lesson or '')}</td><td>{esc(r.status)}</td><td>{score}</td>"
            f"<td>{esc(r.message)}</td></tr>"
        )
    out.append("</table>")
    return page("Class summary", "\n".join(out))
