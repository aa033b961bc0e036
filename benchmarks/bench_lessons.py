"""Benchmark: execute every lesson and solution notebook and report its kernel time.

Goal (issue 7): each notebook runs top to bottom in under 15 s of kernel time.
Run on demand (not a test):  python benchmarks/bench_lessons.py [NOTEBOOK ...]

For each notebook it prints the summed cell execution time (from the kernel's own
timestamps), the wall time including kernel start, and the slowest cells.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime
from pathlib import Path

GOAL_S = 15.0
ROOT = Path(__file__).resolve().parents[1]


def _seconds(meta: dict[str, str]) -> float | None:
    start, end = meta.get("iopub.execute_input"), meta.get("shell.execute_reply")
    if not start or not end:
        return None
    a = datetime.fromisoformat(start.replace("Z", "+00:00"))
    b = datetime.fromisoformat(end.replace("Z", "+00:00"))
    return (b - a).total_seconds()


def run(path: Path) -> tuple[float, float, list[tuple[int, float, str]]]:
    """Execute ``path``; return (cell seconds, wall seconds, slowest cells)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    t0 = time.perf_counter()
    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", record_timing=True,
        resources={"metadata": {"path": str(path.parent)}},
    )  # fmt: skip
    client.execute()
    wall = time.perf_counter() - t0
    cells = []
    for i, cell in enumerate(nb.cells):
        s = _seconds(cell.metadata.get("execution", {}))
        if s is not None:
            first = cell.source.splitlines()[0] if cell.source else ""
            cells.append((i, s, first[:48]))
    total = sum(s for _, s, _ in cells)
    return total, wall, sorted(cells, key=lambda c: -c[1])[:2]


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(
        [*ROOT.glob("lessons/*.ipynb"), *ROOT.glob("solutions/*.ipynb")]
    )
    worst = 0.0
    print(f"{'notebook':<36} {'cells':>7} {'wall':>7}  slowest cells")
    for p in paths:
        total, wall, slow = run(p)
        worst = max(worst, total)
        slowest = "; ".join(f"#{i} {s:.1f}s {src!r}" for i, s, src in slow)
        name = f"{p.parent.name}/{p.name}"
        print(f"{name:<36} {total:6.1f}s {wall:6.1f}s  {slowest}")
    print(f"slowest notebook: {worst:.1f}s of cell time (goal: under {GOAL_S:.0f}s)")
    return 0 if worst < GOAL_S else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
