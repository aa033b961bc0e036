"""Benchmark ``framingkit.compare`` against Python's difflib on the same input.

Run on demand (not part of the test suite)::

    python benchmarks/bench_compare.py            # seeds + 1k, 10k, 50k sentences
    python benchmarks/bench_compare.py 1000 10000 # chosen sizes
    python benchmarks/bench_compare.py --snapshot /tmp/before       # outputs of many pairs,
    python benchmarks/bench_compare.py --snapshot /tmp/after --against /tmp/before  # then diff

The snapshot is the before/after check of a speed-up: ``compare --json`` and ``key draft`` on
the seeds, every pair in tests/data and two generated pairs must come out the same.

A book-length version A is generated from a random vocabulary (paragraphs of 3-6
sentences); version B perturbs it: word substitutions (8% of sentences), merges of
two sentences (2%), splits (2%), paragraph moves (0.5%), dropped and added sentences
(0.5% each), and the paragraph breaks are kept. Timings exclude text generation;
peak memory is measured with tracemalloc in a separate run (tracemalloc slows code).
difflib is timed on the same two texts: sentence lines (``unified_diff``) and words
(``SequenceMatcher.get_opcodes``).
"""

from __future__ import annotations

import difflib
import gc
import random
import re
import sys
import time
import tracemalloc
from pathlib import Path

from framingkit.compare import compare
from framingkit.document import load_article

ROOT = Path(__file__).resolve().parents[1]
SYLL = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "ti",
    "vo",
    "pe",
    "da",
    "gri",
    "sto",
    "mar",
    "len",
    "bel",
    "tor",
    "fin",
    "quo",
    "zan",
    "vek",
]


def vocabulary(rng: random.Random, n: int = 20000) -> list[str]:
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLL) for _ in range(rng.randint(1, 4))))
    common = [
        "the",
        "a",
        "of",
        "to",
        "and",
        "in",
        "that",
        "is",
        "was",
        "for",
        "on",
        "with",
        "as",
        "by",
        "it",
        "at",
        "from",
    ]
    return common * 100 + sorted(words)


def sentence(rng: random.Random, vocab: list[str]) -> str:
    ws = [rng.choice(vocab) for _ in range(rng.randint(8, 24))]
    if len(ws) > 12:
        ws[len(ws) // 2] += ","
    return " ".join(ws).capitalize() + "."


def make_pair(n: int, seed: int = 1) -> tuple[str, str]:
    """Version A with ``n`` sentences and a perturbed version B."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    sents = [sentence(rng, vocab) for _ in range(n)]
    paras: list[list[str]] = []
    i = 0
    while i < n:
        k = rng.randint(3, 6)
        paras.append(sents[i : i + k])
        i += k
    a = "\n\n".join(" ".join(p) for p in paras)
    out: list[list[str]] = []
    for p in paras:
        q: list[str] = []
        j = 0
        while j < len(p):
            s = p[j]
            r = rng.random()
            if r < 0.08:  # substitution
                ws = s.split()
                ws[rng.randrange(1, len(ws))] = rng.choice(vocab)
                s = " ".join(ws)
                if not s.endswith("."):
                    s += "."
            elif r < 0.10 and j + 1 < len(p):  # merge with the next sentence
                s = s[:-1] + " and " + p[j + 1][0].lower() + p[j + 1][1:]
                j += 1
            elif r < 0.12 and "," in s:  # split at the comma
                left, right = s.split(",", 1)
                right = right.strip()
                s = left + ". " + right[0].upper() + right[1:]
            elif r < 0.125:  # dropped
                j += 1
                continue
            elif r < 0.13:  # added
                q.append(sentence(rng, vocab))
            q.append(s)
            j += 1
        out.append(q)
    for _ in range(max(1, len(out) // 200)):  # paragraph moves
        src = rng.randrange(len(out))
        p = out.pop(src)
        out.insert(rng.randrange(len(out) + 1), p)
    b = "\n\n".join(" ".join(p) for p in out if p)
    return a, b


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text)


def timed(fn, *args):  # type: ignore[no-untyped-def]
    gc.collect()
    t = time.perf_counter()
    res = fn(*args)
    return time.perf_counter() - t, res


def peak_mb(fn, *args) -> float:  # type: ignore[no-untyped-def]
    gc.collect()
    tracemalloc.start()
    fn(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def bench(label: str, a: str, b: str, memory: bool = True) -> dict[str, object]:
    t_parse, (art_a, art_b) = timed(lambda x, y: (load_article(x), load_article(y)), a, b)
    t_align, _ = timed(compare, art_a, art_b)
    t_cmp, cmp = timed(compare, a, b)
    t_lines, _ = timed(lambda x, y: list(difflib.unified_diff(_sentences(x), _sentences(y))), a, b)
    t_words, _ = timed(
        lambda x, y: difflib.SequenceMatcher(None, x.split(), y.split()).get_opcodes(), a, b
    )
    row = {
        "input": label,
        "sentences": len(cmp.a.sentences),
        "compare s": round(t_cmp, 3),
        "of which parsing s": round(t_parse, 3),
        "compare parsed s": round(t_align, 3),
        "difflib lines s": round(t_lines, 3),
        "difflib words s": round(t_words, 3),
        "links": len(cmp.alignment),
        "moved": sum(ln.moved for ln in cmp.alignment),
        "changes": len(cmp.changes),
        "coverage A": f"{cmp.coverage_a:.1%}",
    }
    print({k: v for k, v in row.items()}, "(memory next)", file=sys.stderr, flush=True)
    if memory:
        row["compare peak MB"] = round(peak_mb(compare, a, b), 1)
    # difflib's word diff slows down badly under tracemalloc on book-length input
    if memory and len(cmp.a.sentences) <= 10000:
        row["difflib words peak MB"] = round(
            peak_mb(
                lambda x, y: difflib.SequenceMatcher(None, x.split(), y.split()).get_opcodes(), a, b
            ),
            1,
        )
    return row


def _pairs() -> list[tuple[Path, Path]]:
    """The pairs whose outputs must not change with a speed-up: the seeds, every pair in
    tests/data (compare, compare_pairs, claims_pairs) and two generated pairs."""
    d = ROOT / "tests" / "data"
    seeds = ROOT / "seeds"
    pairs = [
        (seeds / "original_telegraph.txt", seeds / "republished_2023-03-28.txt"),
        (seeds / "kit_example_a.txt", seeds / "kit_example_b.txt"),
    ]
    pairs += [
        (a, b) for a in sorted(d.glob("compare/*_a.txt")) for b in sorted(d.glob("compare/*_b.*"))
    ]
    pairs += [(p / "a.txt", p / "b.txt") for p in sorted(d.glob("compare_pairs/*")) if p.is_dir()]
    for a, b in (("release_a", "story_b"), ("report_a", "blog_b"), ("notice_a", "campaign_b")):
        pairs.append((d / "claims_pairs" / f"{a}.txt", d / "claims_pairs" / f"{b}.txt"))
    return pairs


def snapshot(out: Path, against: Path | None = None) -> int:
    """Write ``compare --json`` (typography hidden and shown) and ``key draft`` of every pair of
    :func:`_pairs` (and two generated pairs) to ``out``; with ``against``, list the files that
    differ from an earlier snapshot (run it before and after a speed-up: none may differ)."""
    import json
    import tempfile

    from framingkit.commands.key import draft_key
    from framingkit.jsonable import dumps

    out.mkdir(parents=True, exist_ok=True)
    pairs = _pairs()
    tmp = Path(tempfile.mkdtemp())
    for n in (300, 2000):
        a, b = make_pair(n)
        (tmp / f"gen{n}_a.txt").write_text(a, encoding="utf-8")
        (tmp / f"gen{n}_b.txt").write_text(b, encoding="utf-8")
        pairs.append((tmp / f"gen{n}_a.txt", tmp / f"gen{n}_b.txt"))
    differ = 0
    for a, b in pairs:
        name = f"{'generated' if a.parent == tmp else a.parent.name}_{a.stem}__{b.name}"
        outputs = {
            "cmp": dumps(compare(a, b, hide_typography=True).to_json()),
            "cmpall": dumps(compare(a, b).to_json()),
            "key": json.dumps(draft_key(a, b, "my-pair"), indent=1, ensure_ascii=False),
        }
        outputs = {k: v.replace(str(tmp), "generated") for k, v in outputs.items()}
        for tag, text in outputs.items():
            f = out / f"{name}.{tag}.json"
            f.write_text(text, encoding="utf-8")
            old = against / f.name if against else None
            if old and (not old.exists() or old.read_text(encoding="utf-8") != text):
                print(f"differs: {f.name}")
                differ += 1
    print(f"{len(pairs)} pairs written to {out}" + (f"; {differ} files differ" if against else ""))
    return 1 if differ else 0


def main(argv: list[str]) -> None:
    if argv[:1] == ["--snapshot"]:  # --snapshot DIR [--against OLD_DIR]
        old = Path(argv[3]) if argv[2:3] == ["--against"] else None
        raise SystemExit(snapshot(Path(argv[1]), old))
    sizes = [int(x) for x in argv] or [1000, 10000, 50000]
    rows = []
    seeds = (
        ROOT / "seeds" / "original_telegraph.txt",
        ROOT / "seeds" / "republished_2023-03-28.txt",
    )
    rows.append(bench("seeds", seeds[0].read_text("utf-8"), seeds[1].read_text("utf-8")))
    for n in sizes:
        a, b = make_pair(n)
        rows.append(bench(f"generated {n}", a, b))
        print(rows[-1], file=sys.stderr, flush=True)
    keys = list(rows[0])
    print("| " + " | ".join(keys) + " |")
    print("|" + " --- |" * len(keys))
    for r in rows:
        print("| " + " | ".join(str(r.get(k, "")) for k in keys) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
