"""Speed of the exercise engine (run on demand, not in the test suite).

    python benchmarks/bench_exercises.py [--students N]

Reports: import time of ``framingkit.exercises``; loading every shipped key; scoring every
exercise type; ``read_answers`` on a lesson notebook padded with answers and outputs; building
the span widget of the longest span exercise (one toggle button per word, ipywidgets without
a kernel); and grading-style throughput (read_answers + score for N submissions).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--students", type=int, default=200)
    a = p.parse_args()
    code = "import time; t = time.perf_counter(); import framingkit.exercises; "
    code += "print(time.perf_counter() - t)"
    imp = min(float(subprocess.check_output([sys.executable, "-c", code])) for _ in range(3))
    print(f"import framingkit.exercises: {imp * 1000:.0f} ms (no ipywidgets/nbformat/IPython)")

    from framingkit.exercises import load_key, read_answers, score
    from framingkit.exercises.model import _load_key_file, default_key_dir

    lessons = sorted(p.stem for p in default_key_dir().glob("*.json"))

    def load_all() -> None:
        _load_key_file.cache_clear()
        for lesson in lessons:
            load_key(lesson)

    print(
        f"load + validate {len(lessons)} keys (cold, seeds parsed): {timed(load_all) * 1000:.0f} ms"
    )
    keys = {lesson: load_key(lesson) for lesson in lessons}
    defs = [e for k in keys.values() for e in k.exercises.values()]

    def ref_answer(e):
        if e.type == "spans":
            return [*[r.text for r in e.reference][:-1], "Xi"]
        if e.type == "classify":
            return {k: [v[0] for v in r.values()] for k, r in e.reference.items()}
        if e.type == "choice":
            return next(k for k in e.options if k not in e.reference)
        if e.type == "links":
            return [list(x) for x in e.reference][:-1]
        return "A written answer."

    answers = [(e, ref_answer(e)) for e in defs]
    score(*answers[0])  # warm the spot lexicon
    t = timed(lambda: [score(e, v) for e, v in answers])
    print(f"score all {len(defs)} shipped exercises once: {t * 1000:.1f} ms")

    nb = json.loads((ROOT / "lessons" / "02-spot.ipynb").read_text(encoding="utf-8"))
    size = len(json.dumps(nb))
    t = timed(lambda: read_answers(nb), 20)
    print(f"read_answers on lessons/02-spot.ipynb ({size / 1024:.0f} KiB): {t * 1000:.2f} ms")

    key = keys["02-spot"]

    def grade_all() -> None:
        for _ in range(a.students):
            recs = read_answers(nb)
            for eid, e in key.exercises.items():
                rec = recs.get(eid)
                score(e, rec.value if rec else None)

    t = timed(grade_all, 1)
    print(f"read_answers + score for {a.students} submissions of 02-spot: {t:.2f} s")

    try:
        from framingkit.exercises.api import Exercise
        from framingkit.exercises.widgets import exercise_widget
    except ImportError:
        print("ipywidgets missing: widget timing skipped")
        return
    longest = max((e for e in defs if e.type == "spans"), key=lambda e: len(e.text))
    words = len(longest.text.split())

    def build() -> None:
        exercise_widget(Exercise(longest))

    build()
    t = timed(build)
    print(f"build the span widget of {longest.id} ({words} word buttons): {t * 1000:.0f} ms")


if __name__ == "__main__":
    main()
