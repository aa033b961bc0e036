"""``framingkit grade PATH... --out DIR``: grades, feedback and a class summary."""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter

HELP = "Grade submitted lesson notebooks: grades.csv, per-student feedback, a class summary."
EXAMPLE = "framingkit grade submissions/ --out grades/ --jobs 2"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``grade``."""
    p.add_argument("paths", nargs="+", metavar="PATH", help="submitted notebooks or folders")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the results")
    p.add_argument("--key", metavar="DIR", help="a folder of your own <lesson>.json keys")
    p.add_argument("--lesson", metavar="ID", help="only accept notebooks of this lesson")
    p.add_argument(
        "--execute",
        action="store_true",
        help="run each notebook (own kernel, temporary copy, time and memory limits) first",
    )
    p.add_argument("--jobs", type=int, metavar="N", help="parallel processes (default: cores)")
    p.add_argument(
        "--timeout",
        type=float,
        default=300.0,
        metavar="S",
        help="--execute: seconds for a whole notebook (default 300)",
    )
    p.add_argument(
        "--cell-timeout",
        type=float,
        default=60.0,
        metavar="S",
        help="--execute: seconds for one cell (default 60)",
    )
    p.add_argument(
        "--memory-mb",
        type=int,
        default=2048,
        metavar="MB",
        help="--execute: memory limit of a kernel (default 2048)",
    )
    p.add_argument(
        "--max-mb", type=float, default=20.0, metavar="MB", help="skip bigger files (default 20)"
    )
    p.add_argument(
        "--rubric",
        metavar="FILE",
        help="rubric points for written answers: the rubric.csv a run wrote, filled in",
    )
    p.add_argument(
        "--lms",
        action="append",
        choices=("canvas", "moodle"),
        default=[],
        help="also write a gradebook CSV to import into Canvas or Moodle (repeatable)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    """Grade ``args.paths`` into ``args.out``."""
    from ..errors import InputError
    from ..grade.batch import grade_paths
    from ..grade.execute import Limits
    from ..grade.run import GradeOptions

    if args.jobs is not None and not 1 <= args.jobs <= 256:
        raise InputError("--jobs must be between 1 and 256.")
    for flag, value, top in (
        ("--timeout", args.timeout, 86400.0),
        ("--cell-timeout", args.cell_timeout, 86400.0),
        ("--max-mb", args.max_mb, 4096.0),
    ):
        if not math.isfinite(value) or not 0 < value <= top:  # nan and inf included
            raise InputError(f"{flag} must be a number above 0 and at most {top:g} (not {value}).")
    if not 64 <= args.memory_mb <= 1 << 20:
        raise InputError("--memory-mb must be between 64 and 1048576.")
    opts = GradeOptions(
        key_dir=args.key,
        lesson=args.lesson,
        execute=args.execute,
        limits=Limits(args.cell_timeout, args.timeout, args.memory_mb),
        max_mb=args.max_mb,
    )
    rubric = None
    if args.rubric:
        from ..grade.rubric import read_rubric

        rubric = read_rubric(args.rubric)  # read before anything is written to --out
    batch = grade_paths(
        args.paths,
        args.out,
        opts,
        args.jobs,
        progress=not args.quiet,
        rubric=rubric,
        lms=sorted(set(args.lms)),
    )
    counts = Counter(r.status for r in batch.results)
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    for problem in batch.rubric_problems[:20]:
        sys.stderr.write(f"rubric file: {problem}\n")
    if len(batch.rubric_problems) > 20:
        sys.stderr.write(f"rubric file: ... and {len(batch.rubric_problems) - 20} more\n")
    for folder in batch.skipped[:10]:
        sys.stderr.write(f"left out: {folder}\n")
    if len(batch.skipped) > 10:
        sys.stderr.write(f"left out: ... and {len(batch.skipped) - 10} more hidden folders\n")
    sys.stderr.write(
        f"graded {len(batch.results)} notebooks ({summary}); see {batch.out / 'grades.csv'} "
        f"and {batch.out / 'summary.html'}\n"
    )
    for src in batch.rubric_sources:
        sys.stderr.write(f"rubric points read from {src}\n")
    rubric_file = batch.out / "rubric.csv"
    if rubric_file in batch.files and not batch.rubric_sources:
        sys.stderr.write(
            f"written answers: fill in the points in {rubric_file}, then run the same command "
            "again (the rubric.csv in --out is read on every run)\n"
        )
    return 0
