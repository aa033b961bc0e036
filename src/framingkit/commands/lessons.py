"""``framingkit lessons build|check``: generate ``lessons/`` from ``solutions/``, or check drift."""

from __future__ import annotations

import argparse
import sys

from .. import lessonbuild

HELP = "Generate the student notebooks (lessons/) from the solutions, or check they are in sync."
EXAMPLE = "framingkit lessons build   # then: framingkit lessons check"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``lessons``."""
    p.add_argument(
        "action",
        choices=("build", "check"),
        help="build: write lessons/ from solutions/; check: exit 1 if lessons/ is out of date",
    )
    p.add_argument("--solutions", default="solutions", help="folder of solution notebooks")
    p.add_argument("--lessons", default="lessons", help="folder of student notebooks")


def run(args: argparse.Namespace) -> int:
    """Build or check the student notebooks."""
    if args.action == "build":
        changed = lessonbuild.build(args.solutions, args.lessons)
        if changed:
            for path in changed:
                print(f"wrote {path}" if path.exists() else f"removed {path}")
        else:
            print(f"{args.lessons}/ is up to date.")
        return 0
    report = lessonbuild.check(args.solutions, args.lessons)
    if report.ok:
        print(f"{args.lessons}/ matches {args.solutions}/ ({len(report.checked)} notebooks).")
        return 0
    for problem in report.problems:
        sys.stderr.write(f"{problem}\n")
    sys.stderr.write(
        f"{args.lessons}/ is out of date: run 'framingkit lessons build' and commit the result.\n"
    )
    return 1
