"""Grading a whole class: discover, grade in parallel, write every output atomically.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> grade_paths([d], d / "out")
Traceback (most recent call last):
...
framingkit.errors.InputError: No notebooks (*.ipynb) were found in the paths given.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..atomic import write_text
from ..errors import InputError
from .discover import Submission, find_submissions, inside, out_folder, safe_name
from .report import feedback_names, grades_csv, write_feedback
from .rubric import RubricSheet, rubric_csv, rubric_rows
from .run import GradeOptions, GradeResult, grade_submission
from .spanview import span_view_html
from .summary import summarise, summary_figure, summary_html


@dataclass
class BatchResult:
    """What a grading run wrote: the results (sorted) and the output files."""

    results: list[GradeResult]
    out: Path
    files: list[Path]
    #: rubric-file rows that could not be used (sentences for the instructor)
    rubric_problems: list[str] = field(default_factory=list)


def grade_all(
    subs: Sequence[Submission],
    opts: GradeOptions,
    jobs: int | None = None,
    progress: bool = False,
) -> list[GradeResult]:
    """Grade ``subs`` (in ``jobs`` processes) and return results in the order of ``subs``."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    bar = _progress(len(subs), progress)
    results: list[GradeResult | None] = [None] * len(subs)
    try:
        if jobs == 1 or len(subs) == 1:
            for i, sub in enumerate(subs):
                results[i] = grade_submission(sub, opts)
                bar(1)
        else:
            with ProcessPoolExecutor(max_workers=min(jobs, len(subs))) as pool:
                futures = {pool.submit(grade_submission, s, opts): i for i, s in enumerate(subs)}
                try:
                    for fut in as_completed(futures):
                        results[futures[fut]] = fut.result()
                        bar(1)
                except BaseException:
                    pool.shutdown(wait=False, cancel_futures=True)
                    raise
    finally:
        bar(0, close=True)
    return [r for r in results if r is not None]


def _progress(total: int, show: bool) -> Callable[..., None]:
    """A progress bar on stderr (tqdm if available) as ``update(n, close=False)``."""
    if not show:
        return lambda n, close=False: None
    try:
        from tqdm import tqdm

        t = tqdm(total=total, unit="notebook", file=sys.stderr, desc="grading", leave=True)

        def update(n: int, close: bool = False) -> None:
            t.update(n)
            if close:
                t.close()

        return update
    except ImportError:  # pragma: no cover - tqdm comes with jupyterlab
        done = [0]

        def plain(n: int, close: bool = False) -> None:
            done[0] += n
            sys.stderr.write(f"\rgrading {done[0]}/{total}")
            if close:
                sys.stderr.write("\n")

        return plain


def grade_paths(
    paths: Sequence[str | Path],
    out: str | Path,
    opts: GradeOptions | None = None,
    jobs: int | None = None,
    progress: bool = False,
    rubric: RubricSheet | None = None,
) -> BatchResult:
    """Grade every notebook under ``paths`` and write grades.csv, feedback and the summary.

    Files are written atomically; grades.csv is written last, so an interrupted
    run leaves the previous grades.csv as it was. ``rubric`` (from ``--rubric``) adds the
    instructor's points for written answers.
    """
    opts = opts or GradeOptions()
    if rubric is not None:
        opts = replace(opts, rubric=rubric.points)
    if opts.key_dir and not Path(opts.key_dir).is_dir():
        raise InputError(f"The key folder '{opts.key_dir}' does not exist.")
    subs = find_submissions(paths)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"The output path '{out}' exists and is not a folder.")
    for name in ("feedback", "spans"):  # refused before grading, not after
        out_folder(out, name, create=False)
    results = grade_all(subs, opts, jobs, progress)
    results.sort(key=lambda r: (r.student, r.file))
    note_duplicates(results)
    problems = rubric_problems(rubric, results) if rubric is not None else []
    raw = rubric.raw if rubric is not None else None
    return BatchResult(results, out, write_outputs(results, out, opts, raw), problems)


def rubric_problems(rubric: RubricSheet, results: Sequence[GradeResult]) -> list[str]:
    """What in the rubric file was not used: unreadable values and rows of no notebook."""
    problems = list(rubric.problems)
    graded = {(r.student, r.file, e) for r in results for e in r.exercises}
    unused = [k for k in rubric.points if k not in graded]
    if unused:
        s, f, e = unused[0]
        problems.append(
            f"rows for {len(unused)} written answer{'s' * (len(unused) > 1)} name no graded "
            f"notebook (first: {s}, {f}, {e}); they are kept in the new rubric.csv"
        )
    for r in results:
        for eid, g in r.exercises.items():
            entered = rubric.points.get((r.student, r.file, eid), {})
            for crit, pts in entered.items():
                if crit not in g.rubric:
                    problems.append(
                        f"{r.student}, {eid}: {pts:g} points for criterion {crit!r} were not "
                        "used (no such criterion, or outside its range)"
                    )
    return problems


def note_duplicates(results: Sequence[GradeResult]) -> None:
    """Tell the instructor when one student handed in several notebooks of one lesson.

    Each is graded on its own row; which one counts is the instructor's call.
    """
    groups: dict[tuple[str, str], list[GradeResult]] = {}
    for r in results:
        if r.lesson is not None:
            groups.setdefault((r.student, r.lesson), []).append(r)
    for (student, lesson), rows in groups.items():
        if len(rows) < 2:
            continue
        files = ", ".join(r.file for r in rows[:5]) + ", ..." * (len(rows) > 5)
        for r in rows:
            r.notes.insert(
                0,
                f"{student} handed in {len(rows)} notebooks of lesson '{lesson}' ({files}); "
                "each is graded on its own row",
            )


def write_outputs(
    results: Sequence[GradeResult],
    out: Path,
    opts: GradeOptions,
    rubric_raw: dict[tuple[str, str, str, str], str] | None = None,
) -> list[Path]:
    """Write feedback pages, span class views, the summary, rubric.csv and grades.csv (last)."""
    out.mkdir(parents=True, exist_ok=True)
    names = feedback_names(results)
    write_feedback(out, results, names)
    files = [out / "feedback" / n for n in names]
    summaries = summarise(results)
    views = _span_views(results, out, opts)
    files += [out / v for v in views.values()]
    fig = inside(out, "summary.png")
    has_fig = summary_figure(summaries, fig)
    if has_fig:
        files.append(fig)
    write_text(
        inside(out, "summary.html"),
        summary_html(summaries, results, names, "summary.png" if has_fig else None, views),
    )
    files.append(out / "summary.html")
    keys = _keys(results, opts)
    rows = rubric_rows(results, keys, rubric_raw)
    if rows or opts.rubric is not None:
        write_text(inside(out, "rubric.csv"), rubric_csv(rows))
        files.append(out / "rubric.csv")
    write_text(inside(out, "grades.csv"), grades_csv(results, names))
    files.append(out / "grades.csv")
    return files


def _keys(results: Sequence[GradeResult], opts: GradeOptions) -> dict[str, Any]:
    from ..exercises import load_key

    keys: dict[str, Any] = {}
    for lesson in sorted({r.lesson for r in results if r.lesson and r.exercises}):
        try:
            keys[lesson] = load_key(lesson, opts.key_dir)
        except InputError:
            continue
    return keys


def _span_views(results: Sequence[GradeResult], out: Path, opts: GradeOptions) -> dict[str, str]:
    views: dict[str, str] = {}
    folder: Path | None = None
    for key in _keys(results, opts).values():
        for eid, ex in key.exercises.items():
            if ex.type != "spans":
                continue
            folder = folder or out_folder(out, "spans")
            name = f"{safe_name(eid.replace('/', '--'))}.html"
            refs = [(r.start, r.end) for r in ex.reference]
            html = span_view_html(ex.title or eid, eid, ex.text, refs, results)
            write_text(inside(folder, name), html)
            views[eid] = f"spans/{name}"
    return views
