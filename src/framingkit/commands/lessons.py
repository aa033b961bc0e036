"""``framingkit lessons build|check|release``: generate ``lessons/``, check drift, or release.

``release OUT`` writes a student copy (see :mod:`framingkit.release`).
"""

from __future__ import annotations

import argparse
import sys

from .. import lessonbuild

HELP = (
    "Generate the student notebooks (lessons/) from the solutions, check they are in sync, "
    "or write a student release."
)
EXAMPLE = "framingkit lessons build   # then: framingkit lessons check; lessons release OUT"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``lessons``."""
    p.add_argument(
        "action",
        choices=("build", "check", "release"),
        help="build: write lessons/ from solutions/; check: exit 1 if lessons/ is out of date; "
        "release OUT: a student copy without solutions, instructor notes or graded answers",
    )
    p.add_argument("out", nargs="?", help="release: the folder to write (new or empty)")
    p.add_argument("--solutions", default="solutions", help="folder of solution notebooks")
    p.add_argument("--lessons", default="lessons", help="folder of student notebooks")
    p.add_argument(
        "--mode",
        choices=("assessment", "practice"),
        default="assessment",
        help="release: assessment (default; graded exercises withheld, self-check off for "
        "them) or practice (self-study: full keys, self-check everywhere)",
    )
    p.add_argument("--no-wheel", action="store_true", help="release: do not build the wheel")
    p.add_argument(
        "--key",
        default=None,
        metavar="DIR",
        help="release: your own keys (<lesson>.json) to release instead of or beside the kit's",
    )
    p.add_argument("--force", action="store_true", help="release: write into a non-empty OUT")


def run(args: argparse.Namespace) -> int:
    """Build or check the student notebooks, or write a release."""
    if args.action == "release":
        return _release(args)
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


def _release(args: argparse.Namespace) -> int:
    from ..errors import InputError
    from ..release import release

    if not args.out:
        raise InputError("Say where to write the release: framingkit lessons release OUT.")
    rel = release(
        args.out,
        root=".",
        mode=args.mode,
        wheel=not args.no_wheel,
        force=args.force,
        keys=args.key,
    )
    print(
        f"wrote the {rel.mode} release to {rel.out}: {len(rel.lessons)} lessons, seeds, "
        f"{len(rel.keys)} student keys ({len(rel.withheld)} graded exercises withheld)"
    )
    if rel.wheel is not None:
        print(f"students install: python -m pip install {rel.wheel}")
    print("grade with the full keys of this checkout: framingkit grade SUBMISSIONS --out GRADES")
    return 0
