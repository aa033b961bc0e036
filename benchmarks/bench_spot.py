"""Benchmark ``spot()``: a 100,000-word text, lexicon loading, and ``import framingkit``.

    python benchmarks/bench_spot.py [--words 100000]

Prints wall times and peak memory (resident set size of this process).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_text(words: int) -> str:
    """Paragraphs from the seeds and the evaluation sentences, repeated to ``words`` words."""
    pieces = [
        (ROOT / "seeds" / "original_telegraph.txt").read_text(encoding="utf-8"),
        (ROOT / "seeds" / "republished_2023-03-28.txt").read_text(encoding="utf-8"),
    ]
    for f in sorted((ROOT / "tests" / "data" / "spot").glob("*.txt")):
        lines = [ln for ln in f.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
        plain = [ln.replace("[[", "").replace("]]", "") for ln in lines]
        plain = [p.rsplit("|", 1)[0] if "|" in p else p for p in plain]
        pieces.extend(" ".join(plain[i : i + 6]) for i in range(0, len(plain), 6))
    paras: list[str] = []
    n = 0
    while n < words:
        for p in pieces:
            paras.append(p)
            n += len(p.split())
            if n >= words:
                break
    return "\n\n".join(paras)


def import_time() -> float:
    """Best of three: seconds for a fresh ``python -c 'import framingkit, framingkit.spot'``."""
    best = 1e9
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import framingkit, framingkit.spot"], check=True)
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=100_000)
    args = ap.parse_args(argv)
    base = subprocess.run([sys.executable, "-c", "pass"], check=True)
    del base
    t_py = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    t_py = time.perf_counter() - t_py
    print(f"python startup alone: {t_py:.3f} s")
    print(f"import framingkit, framingkit.spot: {import_time():.3f} s (incl. startup)")

    from framingkit.document import load_article
    from framingkit.spot import spot
    from framingkit.spot.lexicon import load

    t = time.perf_counter()
    lex = load()
    print(f"lexicon load (first call): {time.perf_counter() - t:.3f} s, {len(lex)} entries")
    t = time.perf_counter()
    load()
    print(f"lexicon load (cached): {time.perf_counter() - t:.6f} s")

    text = build_text(args.words)
    print(f"text: {len(text.split())} words, {len(text)} characters")
    t = time.perf_counter()
    art = load_article(text)
    t_parse = time.perf_counter() - t
    t = time.perf_counter()
    res = spot(art)
    t_spot = time.perf_counter() - t
    t = time.perf_counter()
    spot(art, backup=False)
    t_spot2 = time.perf_counter() - t
    print(f"load_article: {t_parse:.2f} s")
    print(f"spot (first, cold caches): {t_spot:.2f} s, {len(res.spans)} spans")
    print(f"spot (again, warm caches, no backup): {t_spot2:.2f} s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
