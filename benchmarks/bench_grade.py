"""Benchmark ``framingkit grade``: N submissions of one lesson, reading answers and --execute.

Run on demand (never as a test)::

    python benchmarks/bench_grade.py                  # 100 submissions, reading only
    python benchmarks/bench_grade.py --execute        # also with --execute
    python benchmarks/bench_grade.py --n 20 --execute --jobs 2 --lesson 01-compare

Half of the submissions are copies of the solution notebook, half of the blank
lesson notebook (one student folder each). Goal (issue 8): 100 submissions in
well under two minutes on 2 cores when reading answers.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(folder: Path, lesson: str, n: int) -> None:
    """Write ``n`` submissions of ``lesson`` into ``folder``."""
    sol = (ROOT / "solutions" / f"{lesson}.ipynb").read_bytes()
    blank = (ROOT / "lessons" / f"{lesson}.ipynb").read_bytes()
    for i in range(n):
        d = folder / f"student{i:03d}"
        d.mkdir(parents=True)
        (d / f"{lesson}.ipynb").write_bytes(sol if i % 2 == 0 else blank)


def run(paths: list[Path], out: Path, jobs: int, execute: bool, timeout: float) -> None:
    """Run ``framingkit grade`` once (a fresh process, as an instructor would) and report."""
    cmd = [sys.executable, "-m", "framingkit", "grade", *map(str, paths), "--out", str(out)]
    cmd += ["--jobs", str(jobs), "--quiet", "--timeout", str(timeout)]
    if execute:
        cmd.append("--execute")
    t = time.perf_counter()
    subprocess.run(cmd, check=True)
    took = time.perf_counter() - t
    with (out / "grades.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    n = len(rows)
    statuses = dict(Counter(r["status"] for r in rows))
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    mode = "--execute" if execute else "reading answers"
    for r in rows:
        if r["status"] != "ok":
            print(f"  {r['student']}: {r['status']}: {r['message']}", flush=True)
    print(
        f"{mode:>16}: {n} notebooks in {took:6.1f} s ({took / n * 1000:6.0f} ms each, "
        f"jobs={jobs}); statuses {statuses}; peak RSS of a child {peak:.0f} MB",
        flush=True,
    )


def main() -> int:
    """Build the submissions and time the grader."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--lesson", default="02-spot")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--execute", action="store_true", help="also time --execute")
    ap.add_argument("--timeout", type=float, default=300)
    a = ap.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-grade-") as tmp:
        subs = Path(tmp) / "class"
        build(subs, a.lesson, a.n)
        run([subs], Path(tmp) / "out-read", a.jobs, False, a.timeout)
        if a.jobs != 1:
            run([subs], Path(tmp) / "out-read1", 1, False, a.timeout)
        if a.execute:
            run([subs], Path(tmp) / "out-exec", a.jobs, True, a.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
