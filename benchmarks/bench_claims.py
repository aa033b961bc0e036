"""Speed and memory of ``claims()`` on long texts (run on demand, not in the test suite).

    python benchmarks/bench_claims.py [--repeat N] [--no-spot]

Builds texts from the original seed repeated 1, 10 and 40 times (about 3.5k, 35k and 140k
characters) and reports the time and peak memory of ``claims()``, of ``headline_support``,
of ``compare_claims`` against the re-publication repeated as often
and of the figure.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from framingkit.claims import claims, compare_claims, headline_support

SEED = Path(__file__).resolve().parent.parent / "seeds" / "original_telegraph.txt"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--no-spot", action="store_true")
    a = p.parse_args()
    text = SEED.read_text(encoding="utf-8")
    head, body = text.split("\n", 1)
    code = (
        "import time; t = time.perf_counter(); import framingkit.claims; "
        "print(time.perf_counter() - t)"
    )
    took = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    print(f"import framingkit.claims (fresh process): {float(took):.3f} s")
    claims("A warm-up sentence for the caches.", use_spot=not a.no_spot)
    other = (SEED.parent / "republished_2023-03-28.txt").read_text(encoding="utf-8")
    cm_b = {n: claims("\n\n".join([other] * n), use_spot=not a.no_spot) for n in (1, 10, 40)}
    for n in (1, 10, 40):
        doc = head + "\n" + "\n\n".join([body] * n)
        t = time.perf_counter()
        cm = claims(doc, use_spot=not a.no_spot)
        dt = time.perf_counter() - t
        tracemalloc.start()
        claims(doc, use_spot=not a.no_spot)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
        t = time.perf_counter()
        headline_support(cm)
        dh = time.perf_counter() - t
        t = time.perf_counter()
        compare_claims(cm, cm_b[n])
        dc = time.perf_counter() - t
        print(
            f"x{n:<3} {len(doc):>7} chars {len(cm.claims):>5} claims: claims() {dt:6.2f} s, "
            f"peak {peak:6.1f} MB traced; headline_support {dh:5.2f} s; "
            f"compare_claims with the re-publication x{n} {dc:5.2f} s"
        )
    import matplotlib

    matplotlib.use("Agg")
    from framingkit.claims.views import claim_map_figure

    cm = claims(text, use_spot=not a.no_spot)
    t = time.perf_counter()
    claim_map_figure(cm, "/tmp/bench_claims.png")
    print(f"figure (24 claims, PNG): {time.perf_counter() - t:.2f} s")
    print(f"max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
