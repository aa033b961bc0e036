"""Grading a whole class: discover, grade in parallel, write every output atomically.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> grade_paths([d], d / "out")
Traceback (most recent call last):
...
framingkit.errors.InputError: No notebooks (*.ipynb) were found in the paths given.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..atomic import write_bytes, write_text
from ..errors import InputError
from .discover import Submission, find_submissions, inside, out_folder, safe_name
from .report import feedback_names, grades_csv, write_feedback
from .rubric import RubricSheet, read_rubric, rubric_csv, rubric_rows
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
    #: folders left out without a row (hidden folders), for the run's summary
    skipped: list[str] = field(default_factory=list)
    #: where the rubric points came from (the --rubric file, the rubric.csv in --out)
    rubric_sources: list[str] = field(default_factory=list)


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
    lms: Sequence[str] = (),
) -> BatchResult:
    """Grade every notebook under ``paths`` and write grades.csv, feedback and the summary.

    Everything is written to a staging folder inside ``out`` first and then switched into
    place (:func:`commit`), so a run that is killed at any moment leaves ``out`` holding
    either the previous results or the new ones, and no page that disagrees with
    grades.csv. ``rubric`` (from ``--rubric``) adds the instructor's points for written
    answers; the rubric.csv already in ``out`` is always read too, so no typed point is
    lost on a plain re-run. ``lms`` names gradebook exports to write (``canvas``,
    ``moodle``).
    """
    opts = opts or GradeOptions()
    if opts.key_dir and not Path(opts.key_dir).is_dir():
        raise InputError(f"The key folder '{opts.key_dir}' does not exist.")
    skipped: list[str] = []
    subs = find_submissions(paths, skipped)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"The output path '{out}' exists and is not a folder.")
    for name in ("feedback", "spans"):  # refused before grading, not after
        out_folder(out, name, create=False)
    sheet, sources = previous_rubric(out, rubric)
    if sheet is not None:
        opts = replace(opts, rubric=sheet)
    results = grade_all(subs, opts, jobs, progress)
    results.sort(key=lambda r: (r.student, r.file))
    note_duplicates(results)
    problems = rubric_problems(sheet, results) if sheet is not None else []
    files = write_outputs(results, out, opts, sheet, problems, skipped, lms)
    return BatchResult(results, out, files, problems, skipped, sources)


def previous_rubric(out: Path, given: RubricSheet | None) -> tuple[RubricSheet | None, list[str]]:
    """The rubric points to use: ``given`` merged with the rubric.csv already in ``out``.

    A plain re-run (no ``--rubric``) thus keeps and uses every point typed into
    ``out/rubric.csv``; where both files have a value, ``given`` wins.
    """
    prev = out / "rubric.csv"
    sources = [given.source] if given is not None else []
    if not prev.is_file() or prev.is_symlink():
        return given, sources
    if given is not None:
        with contextlib.suppress(OSError):
            if os.path.samefile(given.source, prev):
                return given, sources
    try:
        old = read_rubric(prev)
    except InputError as exc:
        raise InputError(
            f"The rubric.csv already in '{out}' cannot be read, so its points would be lost: "
            f"{exc} Fix it, or move it out of the folder, then run again."
        ) from None
    if not old.raw and given is None:
        return None, sources
    sources.append(str(prev))
    return (old if given is None else given.merged_with(old)), sources


def rubric_problems(rubric: RubricSheet, results: Sequence[GradeResult]) -> list[str]:
    """What in the rubric points was not used: per notebook, then rows of no notebook."""
    problems = [
        f"{r.student}, {p.removeprefix('rubric, ')}" for r in results for p in r.rubric_problems
    ]
    used = set()
    for r in results:
        for eid in r.exercises:
            found = rubric.lookup(r.student, r.file, eid)
            if found:
                used.add(found)
    for key, probs in sorted(rubric.row_problems.items()):
        if key not in used:
            problems += [f"{key[0]}, {key[2]}: {p}" for p in probs]
    unused = sorted(k for k in {*rubric.points, *rubric.row_problems} if k not in used)
    if unused:
        s, f, e = unused[0]
        problems.append(
            f"rows for {len(unused)} written answer{'s' * (len(unused) > 1)} name no graded "
            f"notebook (first: {s}, {f}, {e}); they are kept in the new rubric.csv"
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
            r.student_notes.insert(
                0,
                f"You handed in {len(rows)} notebooks of this lesson; each is graded on its "
                "own, and your instructor decides which one counts.",
            )


#: The files and folders a run owns in ``--out`` (replaced whole by each run).
OWNED = (
    "feedback",
    "spans",
    "summary.html",
    "summary.png",
    "grades-canvas.csv",
    "grades-moodle.csv",
)
_STAGE, _OLD = ".staging-", ".replaced-"


def write_outputs(
    results: Sequence[GradeResult],
    out: Path,
    opts: GradeOptions,
    sheet: RubricSheet | None = None,
    problems: Sequence[str] = (),
    skipped: Sequence[str] = (),
    lms: Sequence[str] = (),
) -> list[Path]:
    """Write feedback pages, span class views, the summary, rubric.csv, the LMS exports and
    grades.csv into a staging folder, then switch them into ``out`` (:func:`commit`)."""
    from .lms import EXPORTS, lms_csv

    out.mkdir(parents=True, exist_ok=True)
    clean_leftovers(out)
    stage = Path(tempfile.mkdtemp(prefix=_STAGE, dir=out))
    try:
        names = feedback_names(results)
        write_feedback(stage, results, names)
        summaries = summarise(results, opts.key_dir)
        views = _span_views(results, stage, opts)
        fig = inside(stage, "summary.png")
        has_fig = summary_figure(summaries, fig)
        write_text(
            inside(stage, "summary.html"),
            summary_html(
                summaries,
                results,
                names,
                "summary.png" if has_fig else None,
                views,
                problems=problems,
                skipped=skipped,
            ),
        )
        keys = _keys(results, opts)
        rows = rubric_rows(results, keys, sheet)
        if rows or sheet is not None:
            sep = sheet.delimiter if sheet is not None else ","  # as the instructor saved it
            write_text(inside(stage, "rubric.csv"), rubric_csv(rows, sep))
        for name in lms:
            write_text(inside(stage, EXPORTS[name]), lms_csv(name, results))
        write_text(inside(stage, "grades.csv"), grades_csv(results, names))
        return commit(stage, out)
    finally:
        if stage.exists():
            shutil.rmtree(stage, ignore_errors=True)


def clean_leftovers(out: Path) -> None:
    """Remove staging folders of runs that were killed (only the grader's own, by name), and
    the temporary file of a rubric.csv.bak write that a kill interrupted."""
    for p in out.iterdir():
        if p.name.startswith(".rubric.csv.bak.") and p.name.endswith(".tmp"):
            p.unlink(missing_ok=True)
        elif p.name.startswith((_STAGE, _OLD)):
            if p.is_symlink() or not p.is_dir():
                p.unlink(missing_ok=True)
            else:
                shutil.rmtree(p, ignore_errors=True)


def commit(stage: Path, out: Path) -> list[Path]:
    """Switch the staged results into ``out``; returns the files now in place.

    The order keeps one promise at every instant: a feedback page or summary in ``out``
    agrees with the grades.csv beside it. The old pages are moved aside first (each a
    single rename), then rubric.csv (the old one kept as ``rubric.csv.bak`` when it
    changes) and grades.csv are replaced, then the new pages are moved in. A kill in
    between leaves the grades with none or some of their pages, never with old ones.
    """
    old = out / f"{_OLD}{uuid.uuid4().hex[:8]}"
    old.mkdir()
    for name in OWNED:
        p = out / name
        if p.exists() or p.is_symlink():
            os.rename(p, old / name)  # a link is moved itself, never followed
    new_rubric, cur_rubric = stage / "rubric.csv", out / "rubric.csv"
    had_rubric = new_rubric.exists()
    if had_rubric:
        real = cur_rubric.is_file() and not cur_rubric.is_symlink()
        if real and not filecmp.cmp(cur_rubric, new_rubric, shallow=False):  # keep the old one
            write_bytes(out / "rubric.csv.bak", cur_rubric.read_bytes())
        os.replace(new_rubric, cur_rubric)
    os.replace(stage / "grades.csv", out / "grades.csv")
    files: list[Path] = []
    for name in OWNED:
        if (stage / name).exists():
            dest = out / name
            os.rename(stage / name, dest)
            files += sorted(x for x in dest.rglob("*") if x.is_file()) if dest.is_dir() else [dest]
    shutil.rmtree(old, ignore_errors=True)
    if had_rubric:
        files.append(cur_rubric)
    files.append(out / "grades.csv")
    return files


def _keys(results: Sequence[GradeResult], opts: GradeOptions) -> dict[str, Any]:
    from .keys import key_for

    keys: dict[str, Any] = {}
    for lesson in sorted({r.lesson for r in results if r.lesson and r.exercises}):
        key, _, _ = key_for(lesson, opts.key_dir)
        if key is not None:
            keys[lesson] = key
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
