"""The class summary: per exercise, the score distribution and the most-missed items.

:func:`summarise` returns plain data (:class:`ExerciseSummary`); :func:`summary_figure`
draws it with matplotlib (imported only there) and :func:`summary_html` renders
the table, the figure and links to the span class views and feedback pages.
Only submissions whose answers could be read (``ok``, ``error``, ``timeout``) count.

Blanks are treated the same way for every exercise: the mean, median and score bands
count every graded notebook, a blank or unreadable answer as 0. The one exception is a
written answer that has no rubric points yet: it is left out (and counted as "not scored
yet") until the instructor scores it. "Most missed" counts wrong answers apart from blanks.
Class agreement (:mod:`framingkit.grade.agreement`: Krippendorff's alpha, nominal, by nltk) is
given for span exercises (each word: marked or not) and classification exercises (each
item's label), over the students who answered, beside the agreement with the key.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import statistics
import sys
import tempfile
import textwrap
from collections import Counter
from collections.abc import Iterator, Sequence
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
    #: not answered at all (blank), and answered but unreadable
    blank: int = 0
    unreadable: int = 0
    #: written answers answered but not scored in the rubric yet (left out of the mean)
    unscored: int = 0
    mean: float | None = None
    median: float | None = None
    bins: list[int] = field(default_factory=list)
    #: (reference unit, number of students who answered it wrongly), most missed first
    most_missed: list[tuple[str, int]] = field(default_factory=list)
    #: (reference unit, number of students who answered the exercise but left it blank)
    most_skipped: list[tuple[str, int]] = field(default_factory=list)
    #: Krippendorff's alpha among the students who answered (None: too few, or no data)
    alpha: float | None = None
    #: the units (words, items) alpha rests on: those coded by two or more students
    alpha_units: int = 0
    #: agreement of those students with the key (share of labels, or word overlap)
    key_agreement: float | None = None
    #: classification items the class splits on most: (item, "label n, label m")
    split_items: list[tuple[str, str]] = field(default_factory=list)
    #: choice exercises: (option, number of students who picked it)
    picks: list[tuple[str, int]] = field(default_factory=list)


def _bin(fraction: float) -> int:
    for i, (_, lo, hi) in enumerate(BINS):
        if lo <= fraction <= hi:
            return i
    return 1 if fraction < 0.5 else 2


def summarise(results: Sequence[GradeResult], key_dir: str | None = None) -> list[ExerciseSummary]:
    """One :class:`ExerciseSummary` per exercise, by lesson, in key order.

    >>> summarise([])
    []
    """
    out: dict[str, ExerciseSummary] = {}
    points: dict[str, list[float]] = {}
    missed: dict[str, Counter[str]] = {}
    skipped: dict[str, Counter[str]] = {}
    picks: dict[str, Counter[str]] = {}
    codes: dict[str, dict[str, dict[str, str]]] = {}
    for r in sorted(results, key=lambda r: (r.lesson or "", r.student, r.file)):
        if r.status not in GRADED or r.lesson is None:
            continue
        for eid, g in r.exercises.items():
            s = out.get(eid)
            if s is None:
                s = out[eid] = ExerciseSummary(r.lesson, eid, g.title, g.type, g.max_points)
                points[eid], missed[eid], skipped[eid], picks[eid] = (
                    [],
                    Counter(),
                    Counter(),
                    Counter(),
                )
                codes[eid] = {}
            s.n += 1
            s.answered += bool(g.answered)
            s.unreadable += bool(g.unreadable)
            s.blank += not g.answered and not g.unreadable
            if g.type == "text":
                if g.rubric or (not g.answered and g.points is not None):
                    points[eid].append(g.points or 0.0)
                elif g.answered:
                    s.unscored += 1
            else:
                points[eid].append(g.points or 0.0)  # blank and unreadable count as 0
            if g.answered:
                blank = set(g.blank_units)
                wrong = [u for u in g.missed_units if u not in blank]
                if g.type == "choice":
                    wrong = [f"picked {g.choice}" for _ in wrong[:1]]
                missed[eid].update(wrong)
                skipped[eid].update(blank)
                if g.codes:
                    codes[eid][f"{r.student}\0{r.file}"] = g.codes
            if g.choice:
                picks[eid][g.choice] += 1
    keys = _keys_of(results, key_dir)
    for eid, s in out.items():
        pts = points[eid]
        if pts:
            s.mean = round(statistics.fmean(pts), 2)
            s.median = round(statistics.median(pts), 2)
            s.bins = [0] * len(BINS)
            for p in pts:
                s.bins[_bin(p / s.max_points if s.max_points else 0.0)] += 1
        s.most_missed = sorted(missed[eid].items(), key=lambda kv: (-kv[1], kv[0]))
        s.most_skipped = sorted(skipped[eid].items(), key=lambda kv: (-kv[1], kv[0]))
        s.picks = sorted(picks[eid].items())
        ex = keys.get(eid)
        if ex is not None and s.type in ("spans", "classify"):
            from .agreement import agreement

            agreement(s, ex, codes[eid])
    return list(out.values())


def _keys_of(results: Sequence[GradeResult], key_dir: str | None) -> dict[str, object]:
    """The exercise definitions of the lessons in ``results`` (for agreement), by id."""
    from .keys import key_for

    out: dict[str, object] = {}
    for lesson in sorted({r.lesson for r in results if r.lesson and r.exercises}):
        key, _, _ = key_for(lesson, key_dir)
        if key is not None:
            out.update(key.exercises)
    return out


def summary_figure(summaries: Sequence[ExerciseSummary], path: str | Path) -> bool:
    """Save the score distributions (one panel per auto-scored exercise) as a PNG.

    Returns False (and writes nothing) when no exercise has scores.
    """
    shown = [s for s in summaries if s.bins]
    if not shown:
        return False
    with _matplotlib_home():
        return _draw(shown, path)


def matplotlib_has_home() -> bool:
    """Whether matplotlib already has its folders (or ``MPLCONFIGDIR``): then using it writes
    nothing new outside ``--out``."""
    if os.environ.get("MPLCONFIGDIR"):
        return True
    home = Path.home()
    cfg = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config") / "matplotlib"
    cache = Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache") / "matplotlib"
    return cfg.is_dir() and cache.is_dir()


@contextlib.contextmanager
def _matplotlib_home() -> Iterator[None]:
    """Keep matplotlib from creating ~/.config/matplotlib and ~/.cache/matplotlib.

    The grader writes nothing outside ``--out``: on an account where matplotlib has not made
    its folders yet, its config and font cache go to a temporary folder, deleted afterwards.
    """
    if "matplotlib" in sys.modules or matplotlib_has_home():
        yield
        return
    tmp = tempfile.mkdtemp(prefix="framingkit-mpl-")
    os.environ["MPLCONFIGDIR"] = tmp
    try:
        yield
    finally:
        os.environ.pop("MPLCONFIGDIR", None)
        shutil.rmtree(tmp, ignore_errors=True)


def _draw(shown: Sequence[ExerciseSummary], path: str | Path) -> bool:
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


def _counted(pairs: Sequence[tuple[str, int]], limit: int = 3) -> str:
    return "; ".join(
        f"{esc(textwrap.shorten(u, 34, placeholder='…'))} ({c})" for u, c in pairs[:limit]
    )


def summary_html(
    summaries: Sequence[ExerciseSummary],
    results: Sequence[GradeResult],
    feedback: Sequence[str],
    figure: str | None,
    span_views: dict[str, str],
    problems: Sequence[str] = (),
    skipped: Sequence[str] = (),
) -> str:
    """The class summary page: status counts, a table per exercise, the figure, links, and
    what the instructor must look at (rubric problems, folders left out)."""
    status = Counter(r.status for r in results)
    out = [
        "<h1>Class summary</h1>",
        f"<p>{len(results)} notebooks: "
        + ", ".join(f"{esc(k)} {v}" for k, v in sorted(status.items()))
        + ". The gradebook is <code>grades.csv</code>.</p>",
    ]
    if problems:
        items = "".join(f"<li>{esc(p)}</li>" for p in problems[:50])
        more = f"<li>… and {len(problems) - 50} more</li>" if len(problems) > 50 else ""
        out.append(
            "<h2>Rubric points that were not used</h2><p>Each is also in the message of its "
            f"row of <code>grades.csv</code>; fix them in <code>rubric.csv</code>.</p>"
            f"<ul>{items}{more}</ul>"
        )
    if skipped:
        items = "".join(f"<li>{esc(p)}</li>" for p in skipped[:50])
        out.append(f"<h2>Left out (no row in grades.csv)</h2><ul>{items}</ul>")
    if figure:
        alt = "; ".join(
            f"{s.title}: " + ", ".join(f"{b[0]} {c}" for b, c in zip(BINS, s.bins, strict=True))
            for s in summaries
            if s.bins
        )
        out.append(
            f"<figure><img src='{esc(figure)}' alt='Score distributions. {esc(alt)}' "
            "style='max-width:100%'><figcaption>Students per score band, one panel per "
            "exercise (counts above the bars; a blank answer is in the 0 band).</figcaption>"
            "</figure>"
        )
    out.append(
        "<p class='muted'>Every graded notebook counts in the mean, median and bands, a blank "
        "or unreadable answer as 0, for every exercise; a written answer with no rubric "
        "points yet is left out until you score it. “Wrong” counts students who answered "
        "the exercise but missed that part; “left blank” counts those who did not attempt "
        "it. Class agreement is Krippendorff's alpha (1 = everyone coded alike, 0 = no more "
        "than chance) over the students who answered: for span exercises each word is "
        "marked or not, for classifications each item's label. Low alpha means the class "
        "finds the exercise ambiguous; compare it with the agreement with the key.</p>"
    )
    head = "".join(f"<th>{esc(b[0])}</th>" for b in BINS)
    out.append(
        "<table><tr><th>exercise</th><th>type</th><th>answered</th><th>blank</th>"
        f"<th>mean</th><th>median</th>{head}<th>most missed: wrong (students)</th>"
        "<th>left blank (students)</th><th>class agreement</th></tr>"
    )
    for s in summaries:
        wrong = _counted(s.most_missed) or "–"
        if s.picks:  # the options picked say it all for a choice exercise
            wrong = "picked: " + ", ".join(f"{esc(k)} {c}" for k, c in s.picks)
        blank = f"{s.blank} left the whole exercise blank" if s.blank else ""
        if s.most_skipped:
            part = "parts skipped: " + _counted(s.most_skipped)
            blank = f"{blank}<br>{part}" if blank else part
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
        if s.unscored:
            cells += ""
            blank += f"<br><span class='muted'>{s.unscored} not scored yet</span>"
        agree = "–"
        if s.type in ("spans", "classify"):
            unit = "word" if s.type == "spans" else "item"
            over = f" over {s.alpha_units} {unit}{'s' * (s.alpha_units != 1)}"
            a = "n/a (fewer than 2 answers)" if s.alpha is None else f"α = {s.alpha:.2f}{over}"
            k = "" if s.key_agreement is None else f"; with the key {s.key_agreement:.0%}"
            agree = esc(a + k)
            if s.split_items:
                agree += "<br><span class='muted'>most split: " + "; ".join(
                    f"{esc(u)} ({esc(t)})" for u, t in s.split_items
                )
                agree += "</span>"
        unread = f"; {s.unreadable} unreadable" if s.unreadable else ""
        out.append(
            f"<tr><td>{name}</td><td>{esc(s.type)}</td><td>{s.answered} of {s.n}</td>"
            f"<td>{s.blank}{unread}</td>{cells}<td>{wrong}</td><td>{blank or '–'}</td>"
            f"<td>{agree}</td></tr>"
        )
    out.append("</table>")
    out.append("<h2>Notebooks</h2><table><tr><th>student</th><th>lesson</th><th>status</th>")
    out.append("<th>score</th><th>written</th><th>message</th></tr>")
    for r, fb in zip(results, feedback, strict=True):
        score = f"{num(r.score)} / {num(r.max_score)}" if r.score is not None else ""
        out.append(
            f"<tr><td><a href='feedback/{esc(fb)}'>{esc(r.student)}</a></td>"
            f"<td>{esc(r.lesson or '')}</td><td>{esc(r.status)}</td><td>{score}</td>"
            f"<td>{esc(r.written)}</td><td>{esc(r.message)}</td></tr>"
        )
    out.append("</table>")
    return page("Class summary", "\n".join(out), css=_WIDE)


_WIDE = "body { max-width: 96em; } td { font-size: .92em; }"
