"""Scale benchmark: every analysis at 100 kB, 1 MB and 10 MB, each beside a reference pass.

Run on demand (not part of the test suite)::

    python benchmarks/bench_scale.py                 # 100 kB, 1 MB, 10 MB + the pair + 19 MB CLI
    python benchmarks/bench_scale.py --sizes 0.1 1   # chosen sizes (MB), skip the long runs
    python benchmarks/bench_scale.py --no-cli        # skip the 19 MB run through every command
    python benchmarks/bench_scale.py --markdown      # end with the tables for docs/performance.md
    python benchmarks/bench_scale.py --commands show spot claims --no-pair   # some commands only

The texts are real-looking English, not random syllables: the paragraphs of the seed column,
the practice texts and the evaluation sentences (markup removed), rewritten with variation
(names, places and numbers changed, words swapped for synonyms, sentences reordered, some
dropped) and repeated until the size is reached, under one headline and byline. Version B of a
pair rewrites A again (wording changes, dropped, added, merged and moved sentences).

Each analysis runs in a fresh process, which reports its own peak resident memory (VmHWM),
beside a reference over the same text in another fresh process: a plain regex pass for parsing
(paragraphs, sentences, word tokens), a regex word pass for spot (every word and word pair
looked up in a set of the lexicon terms), difflib's word diff
(``SequenceMatcher`` over the words) for compare.
Times are wall-clock seconds; "x10" is the cost of 10 MB over 1 MB.

Targets (2 cores): 1 MB through show, spot, claims ≤ 3 s each; a 10,000-sentence pair compared
in ≤ 3 s and ≤ 100 MB; a 19 MB file through every command ≤ 60 s; 1 MB → 10 MB ≤ 12×.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

# --------------------------------------------------------------------------- corpus

_SPOT_MARK_RE = re.compile(r"\[\[([^|\]]+)\|[^\]]+\]\]")
#: Names rotated through the texts: each group is one role in the source paragraphs.
_NAMES = {
    "Xi Jinping": ["Li Wei", "Anna Berg", "Tomas Novak", "Grace Mensah", "Ravi Kumar"],
    "Xi": ["Li", "Berg", "Novak", "Mensah", "Kumar"],
    "Putin": ["Ortega", "Halvorsen", "Dumont", "Sato", "Okafor"],
    "Beijing": ["Madrid", "Oslo", "Lyon", "Osaka", "Lagos"],
    "Moscow": ["Lisbon", "Bergen", "Geneva", "Kyoto", "Accra"],
    "China": ["Spain", "Norway", "France", "Japan", "Nigeria"],
    "Russia": ["Portugal", "Sweden", "Belgium", "Korea", "Ghana"],
    "Siberia": ["Galicia", "Lapland", "Brittany", "Hokkaido", "the Sahel"],
    "Mongolia": ["Andorra", "Finland", "Luxembourg", "Taiwan", "Togo"],
    "Northbridge": ["Eastfield", "Redhill", "Marston", "Ashby", "Kilbride"],
    "Eastside": ["Westgate", "Northend", "Riverside", "Hillside", "Parkway"],
}
#: Synonym swaps (both directions are used), so copies differ in wording as rewrites do.
_SYNONYMS = [
    ("massive", "huge"),
    ("boldly", "confidently"),
    ("declined", "refused"),
    ("clear", "obvious"),
    ("said", "stated"),
    ("disastrous", "catastrophic"),
    ("recent", "latest"),
    ("remote", "distant"),
    ("ominous", "menacing"),
    ("chaotic", "disorderly"),
    ("crucial", "vital"),
    ("precious", "valuable"),
    ("announced", "declared"),
    ("estimate", "reckon"),
    ("about", "around"),
    ("big", "large"),
    ("quickly", "rapidly"),
    ("problem", "difficulty"),
    ("help", "assist"),
    ("show", "reveal"),
]
_SWAP = {a: b for a, b in _SYNONYMS} | {b: a for a, b in _SYNONYMS}
_WORD_RE = re.compile(r"[A-Za-z]+")
_SENT_RE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d]))\s+(?=[A-Z\u201c\"])")


def _paragraph_pool() -> list[str]:
    """Body paragraphs of the seeds and practice texts, and evaluation sentences in groups."""
    pool: list[str] = []
    for name in (
        "seeds/original_telegraph.txt",
        "seeds/republished_2023-03-28.txt",
        "seeds/kit_example_a.txt",
        "seeds/kit_example_b.txt",
    ):
        for block in (ROOT / name).read_text(encoding="utf-8").split("\n\n"):
            block = " ".join(block.split())
            if len(block.split()) >= 12 and block[-1] in '.!?\u201d"*':
                pool.append(block)
    for f in sorted((ROOT / "tests" / "data" / "spot").glob("*.txt")):
        lines = [ln for ln in f.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
        plain = [_SPOT_MARK_RE.sub(r"\1", ln) for ln in lines]
        pool.extend(" ".join(plain[i : i + 5]) for i in range(0, len(plain), 5))
    for f in ("annotated.tsv", "heldout.tsv"):
        rows = (ROOT / "tests" / "data" / "claims" / f).read_text(encoding="utf-8").splitlines()
        plain = [r.split("\t")[-1] for r in rows if r and r[0] != "#"]
        pool.extend(" ".join(plain[i : i + 4]) for i in range(0, len(plain), 4))
    return pool


def _vary(par: str, rng: random.Random, names: dict[str, str]) -> str:
    """Rewrite one paragraph: names, numbers and synonyms changed, sentences reordered."""
    for old, new in names.items():
        par = re.sub(rf"\b{re.escape(old)}\b", new, par)
    par = re.sub(r"\d{3,}", lambda m: str(rng.randint(2, 9)) + m.group()[1:], par)
    par = _WORD_RE.sub(
        lambda m: _SWAP.get(m.group(), m.group()) if rng.random() < 0.5 else m.group(), par
    )
    sents = _SENT_RE.split(par)
    if len(sents) > 2 and rng.random() < 0.3:
        i = rng.randrange(len(sents) - 1)
        sents[i], sents[i + 1] = sents[i + 1], sents[i]
    if len(sents) > 3 and rng.random() < 0.2:
        del sents[rng.randrange(len(sents))]
    return " ".join(sents)


def make_text(n_bytes: int, seed: int = 1) -> str:
    """A real-looking English article of about ``n_bytes`` UTF-8 bytes.

    >>> t = make_text(5000)
    >>> 4000 < len(t.encode()) < 7000 and t.count("\\n\\n") > 10
    True
    """
    rng = random.Random(seed)
    pool = _paragraph_pool()
    out = [
        "The long road to a deal nobody wanted",
        "Jo Bloggs (Analysis) - The Northbridge Review",
        "",
    ]
    size = sum(len(x) + 1 for x in out)
    while size < n_bytes:
        # one "chapter": its own cast of names, a shuffled run of paragraphs
        names = {k: rng.choice(v) for k, v in _NAMES.items()}
        for par in rng.sample(pool, k=min(len(pool), 40)):
            p = _vary(par, rng, names)
            out.append(p + "\n")
            size += len(p.encode()) + 2
            if size >= n_bytes:
                break
    return "\n".join(out).rstrip() + "\n"


def make_version_b(a: str, seed: int = 2) -> str:
    """Version B of ``a``: wording changed in 8% of sentences, 2% dropped, 2% added, 2% merged,
    one paragraph in 200 moved."""
    rng = random.Random(seed)
    head, _, body = a.partition("\n\n")
    paras = body.split("\n\n")
    new: list[str] = []
    for par in paras:
        sents = _SENT_RE.split(par)
        kept: list[str] = []
        for s in sents:
            r = rng.random()
            if r < 0.02:
                continue
            if r < 0.10:
                s = _WORD_RE.sub(lambda m: _SWAP.get(m.group(), m.group()), s)
                s = s.replace(" is ", " may be ", 1) if " is " in s else "Perhaps " + s
            kept.append(s)
            if rng.random() < 0.02:
                kept.append("Officials gave no further details on Tuesday.")
        if len(kept) > 1 and rng.random() < 0.1:
            i = rng.randrange(len(kept) - 1)
            kept[i : i + 2] = [
                kept[i].rstrip(".") + ", and " + kept[i + 1][0].lower() + kept[i + 1][1:]
            ]
        new.append(" ".join(kept) if kept else par)
    for _ in range(max(1, len(new) // 200)):
        i, j = rng.randrange(len(new)), rng.randrange(len(new))
        new.insert(j, new.pop(i))
    return head + "\n\n" + "\n\n".join(new)


# --------------------------------------------------------------------------- references

#: Run in a fresh process beside each analysis: the same text, a plain regex pass.
_REFERENCE = r"""
import difflib, re, sys, glob, os
kind, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
if kind == "parse":  # paragraphs, sentences and word tokens by regex
    paras = re.split(r"\n\s*\n", text)
    sents = [s for p in paras for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", p)]
    toks = [re.findall(r"\w+(?:['\u2019-]\w+)*|[^\w\s]", s) for s in sents]
elif kind == "spot":  # every word (and word pair) of the text looked up in the lexicon terms
    terms = set()
    for f in glob.glob(os.path.join(sys.argv[3], "*.tsv")):
        rows = open(f, encoding="utf-8").read().splitlines()
        terms |= {r.split("\t")[0].lower() for r in rows if r and r[0] != "#" and "\t" in r}
    words = [(m.start(), m.group().lower()) for m in re.finditer(r"\w+(?:['\u2019-]\w+)*", text)]
    hits = [s for s, w in words if w in terms]
    hits += [s for (s, w), (_, v) in zip(words, words[1:]) if f"{w} {v}" in terms]
elif kind == "compare":  # difflib's word diff
    other = open(sys.argv[3], encoding="utf-8").read()
    ops = difflib.SequenceMatcher(None, text.split(), other.split()).get_opcodes()
"""


#: Every measured process runs under this launcher: it runs the module (``-m``) or the code
#: (``-c``) and, on the way out, writes the process' own peak resident memory (``VmHWM``, which
#: starts afresh at ``exec``) to the file named first. ``ru_maxrss`` from ``wait4`` cannot be used:
#: Linux carries it over ``fork`` and ``exec``, so every child reported the parent's peak.
#: The launcher also writes the largest peak of the process' own forked workers
#: (``framingkit.parallel``; ``RUSAGE_CHILDREN``), which counts the pages they share with it.
_LAUNCH = r"""
import os, runpy, sys
out, mode, target = sys.argv[1:4]
def peak_mb():
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
try:
    if mode == "-m":
        sys.argv = [target, *sys.argv[4:]]
        runpy.run_module(target, run_name="__main__", alter_sys=True)
    else:
        sys.argv = ["-c", *sys.argv[4:]]
        exec(compile(target, "<reference>", "exec"), {"__name__": "__main__"})
finally:
    import resource
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    with open(out, "w", encoding="ascii") as f:
        f.write(f"{peak_mb()} {workers}")
"""


def _measure(cmd: list[str], timeout: float) -> dict[str, float | str]:
    """Wall time, CPU time (user + system) and peak resident memory of one fresh process.

    ``cmd`` is ``[python, "-m", module, *args]`` or ``[python, "-c", code, *args]``.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".hwm", encoding="ascii") as hwm:
        launched = [cmd[0], "-c", _LAUNCH, hwm.name, *cmd[1:]]
        load = os.getloadavg()[0]
        t = time.perf_counter()
        err = tempfile.TemporaryFile()  # noqa: SIM115 (closed below, after the child ends)
        proc = subprocess.Popen(launched, stdout=subprocess.DEVNULL, stderr=err)
        try:
            _, status, usage = _wait4(proc, timeout)
        except BaseException as exc:  # a timeout, or the bench interrupted: end the child
            proc.kill()
            proc.wait()
            if not isinstance(exc, TimeoutError):
                raise
            nan = float("nan")
            return {
                "wall": nan,
                "cpu": nan,
                "rss": nan,
                "workers_rss": nan,
                "load": load,
                "status": "timeout",
            }
        wall = time.perf_counter() - t
        code = os.waitstatus_to_exitcode(status)
        try:
            rss, workers_rss = (float(x) for x in hwm.read().split())
        except ValueError:
            rss = workers_rss = float("nan")
        err.seek(0)
        last = (err.read().decode("utf-8", "replace").strip().splitlines() or [""])[-1]
        err.close()
    # exit 3: the analysis ran in full and noted words it could not read
    status = {0: "ok", 3: "note"}.get(code, f"exit {code}: {last[:120]}")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss": rss,
        "workers_rss": workers_rss,
        "load": load,
        "status": status,
    }


def _wait4(proc: subprocess.Popen[bytes], timeout: float) -> tuple[int, int, object]:
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return pid, status, usage
        if time.monotonic() > deadline:
            raise TimeoutError
        time.sleep(0.02)


def _kit(*args: str) -> list[str]:
    return [sys.executable, "-m", "framingkit", *args]


def _ref(kind: str, *paths: str) -> list[str]:
    return [sys.executable, "-c", _REFERENCE, kind, *paths]


LEXICONS = str(ROOT / "src" / "framingkit" / "data" / "lexicons")


def _fmt(m: dict[str, float | str]) -> str:
    if m["status"] == "timeout":
        return "timeout"
    extra = "" if m["status"] == "ok" else f" ({m['status']})"
    # forked workers (framingkit.parallel) have their own peak; pages shared with the parent
    # count in both, so parent + worker is an upper bound of the memory used
    workers = f" (+ worker {m['workers_rss']:.0f} MB)" if m.get("workers_rss", 0) > 0 else ""
    return f"{m['wall']:.1f} s / {m['cpu']:.1f} s CPU / {m['rss']:.0f} MB{workers}{extra}"


COMMANDS = ("show", "spot", "claims", "compare", "key draft")
#: What each reference is (for the tables).
REFERENCE_NAME = {
    "show": "regex split",
    "spot": "word lookup",
    "claims": "regex split",
    "compare": "difflib",
}


def bench_sizes(
    sizes_mb: list[float], work: Path, timeout: float, commands: tuple[str, ...] = COMMANDS
) -> list[dict[str, object]]:
    """show, spot, claims, compare and key draft at each size, each beside its reference."""
    rows = []
    for mb in sizes_mb:
        a = work / f"a_{mb:g}MB.txt"
        b = work / f"b_{mb:g}MB.txt"
        text = make_text(int(mb * 1_000_000))
        a.write_text(text, encoding="utf-8")
        b.write_text(make_version_b(text), encoding="utf-8")
        runs = {
            "show": (_kit("show", str(a)), _ref("parse", str(a))),
            "spot": (_kit("spot", str(a)), _ref("spot", str(a), LEXICONS)),
            "claims": (_kit("claims", str(a)), _ref("parse", str(a))),
            "compare": (_kit("compare", str(a), str(b)), _ref("compare", str(a), str(b))),
            "key draft": (
                _kit("key", "draft", str(a), str(b), "--force", "--out", str(work / "k.json")),
                None,
            ),
        }
        for name, (cmd, ref) in runs.items():
            if name not in commands:
                continue
            m = _measure(cmd, timeout)
            r = _measure(ref, timeout) if ref else None
            row = {"size": f"{mb:g} MB", "command": name, "kit": m, "reference": r}
            print(f"{mb:g} MB {name:<9} kit {_fmt(m)}" + (f" | ref {_fmt(r)}" if r else ""))
            sys.stdout.flush()
            rows.append(row)
    return rows


def bench_pair(n_sentences: int) -> dict[str, float]:
    """A pair of about ``n_sentences`` sentences each: compare time and peak memory."""
    import gc
    import tracemalloc

    from framingkit.compare import compare

    text = make_text(int(n_sentences * 67))
    b = make_version_b(text)
    gc.collect()
    t, c0 = time.perf_counter(), time.process_time()
    cmp = compare(text, b)
    wall, cpu = time.perf_counter() - t, time.process_time() - c0
    n = len(cmp.a.sentences)
    del cmp
    gc.collect()
    tracemalloc.start()
    compare(text, b)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    t = time.perf_counter()
    import difflib

    difflib.SequenceMatcher(None, text.split(), b.split()).get_opcodes()
    ref = time.perf_counter() - t
    return {"sentences": n, "wall": wall, "cpu": cpu, "peak_mb": peak, "difflib": ref}


def _cell(m: dict[str, Any] | None) -> tuple[str, str]:
    """(time, memory) cells of one measurement."""
    if m is None:
        return "—", "—"
    if m["status"] == "timeout":
        return "timeout", "—"
    note = "" if m["status"] in ("ok", "note") else f" ({m['status']})"
    return f"{m['wall']:.1f} s ({m['cpu']:.1f} s CPU){note}", f"{m['rss']:.0f} MB"


def _target(size: str, command: str, m: dict[str, Any]) -> str:
    """The time target of one row and whether it is met (wall clock), or ``""``."""
    limit = 3.0 if size == "1 MB" and command in ("show", "spot", "claims") else None
    if size == f"{BIG_MB:g} MB":
        limit = 60.0
    if limit is None:
        return ""
    ok = m["status"] in ("ok", "note") and m["wall"] <= limit
    return f"≤ {limit:g} s: {'met' if ok else 'NOT met'}"


def markdown(out: dict[str, Any]) -> str:
    """The numbers as Markdown tables (pasted as they are into docs/performance.md)."""
    lines: list[str] = []
    rows = out.get("sizes", []) + out.get("big", [])
    for size in dict.fromkeys(r["size"] for r in rows):
        lines += [
            f"**{size}**",
            "",
            "| analysis | time | peak memory | reference | ref. time | ref. memory | load "
            "| target |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for r in (r for r in rows if r["size"] == size):
            t, mem = _cell(r["kit"])
            rt, rmem = _cell(r["reference"])
            ref = REFERENCE_NAME.get(r["command"], "—")
            goal = _target(size, r["command"], r["kit"])
            lines.append(
                f"| {r['command']} | {t} | {mem} | {ref} | {rt} | {rmem} | "
                f"{r['kit']['load']:.1f} | {goal} |"
            )
        lines.append("")
    if out.get("x10"):
        lines += [
            "**1 MB → 10 MB** (cost of 10 MB over 1 MB, judged on CPU time; target ≤ 12×)",
            "",
            "| analysis | × wall | × CPU | reference × wall | target |",
            "| --- | --- | --- | --- | --- |",
        ]
        for cmd, x in out["x10"].items():
            ref = f"{x['ref']:.1f}×" if x.get("ref") == x.get("ref") and x.get("ref") else "—"
            met = "met" if x["cpu"] <= 12 else "NOT met"  # the cost: CPU time, not the load
            lines.append(f"| {cmd} | {x['wall']:.1f}× | {x['cpu']:.1f}× | {ref} | ≤ 12×: {met} |")
        lines.append("")
    if out.get("pair"):
        p = out["pair"]
        met = "met" if p["wall"] <= 3 and p["peak_mb"] <= 100 else "NOT met"
        lines += [
            "**A pair of about 10,000 sentences** (target ≤ 3 s and ≤ 100 MB)",
            "",
            "| sentences | compare | peak (tracemalloc) | difflib word diff | target |",
            "| --- | --- | --- | --- | --- |",
            f"| {p['sentences']:,} | {p['wall']:.2f} s ({p['cpu']:.2f} s CPU) | "
            f"{p['peak_mb']:.0f} MB | {p['difflib']:.2f} s | {met} |",
            "",
        ]
    lines.append(
        f"Machine: {os.cpu_count()} cores; load average {out['load'][0]:.1f} at the start, "
        f"{out['load'][1]:.1f} at the end."
    )
    return "\n".join(lines)


def _ratios(rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """10 MB over 1 MB for every command measured at both sizes."""
    by = {(r["size"], r["command"]): r for r in rows}
    out = {}
    for cmd in COMMANDS:
        one, ten = by.get(("1 MB", cmd)), by.get(("10 MB", cmd))
        if not one or not ten or "ok" not in (one["kit"]["status"], ten["kit"]["status"]):
            continue
        x = {
            "wall": ten["kit"]["wall"] / one["kit"]["wall"],
            "cpu": ten["kit"]["cpu"] / one["kit"]["cpu"],
        }
        if one["reference"] and ten["reference"]:
            x["ref"] = ten["reference"]["wall"] / one["reference"]["wall"]
        out[cmd] = x
    return out


BIG_MB = 19.0


def main(argv: list[str] | None = None) -> int:
    global BIG_MB
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="*", default=[0.1, 1, 10], help="sizes in MB")
    ap.add_argument("--pair", type=int, default=10_000, help="sentences in the compared pair")
    ap.add_argument("--no-pair", action="store_true", help="skip the compared pair")
    ap.add_argument(
        "--big", type=float, default=BIG_MB, help="MB of the file through every command"
    )
    ap.add_argument("--no-cli", action="store_true", help="skip the big file")
    ap.add_argument(
        "--commands", nargs="*", choices=COMMANDS, default=list(COMMANDS), help="commands to run"
    )
    ap.add_argument("--timeout", type=float, default=600, help="seconds per process")
    ap.add_argument("--json", help="also write the numbers to this file")
    ap.add_argument("--markdown", action="store_true", help="end with the tables in Markdown")
    ap.add_argument("--pair-only", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    BIG_MB = args.big
    if args.pair_only:
        print(json.dumps(bench_pair(args.pair_only)))
        return 0
    commands = tuple(args.commands)
    start_load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, load average {start_load:.1f} at start")
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows = bench_sizes(args.sizes, work, args.timeout, commands)
        out["sizes"] = rows
        out["x10"] = _ratios(rows)
        for cmd, x in out["x10"].items():
            print(f"1 MB -> 10 MB {cmd:<9} x{x['cpu']:.1f} CPU, x{x['wall']:.1f} wall")
        if not args.no_cli:
            out["big"] = bench_sizes([args.big], work, args.timeout, commands)
    if not args.no_pair:
        # in a child process, so this one stays small
        cmd = [sys.executable, __file__, "--pair-only", str(args.pair)]
        out["pair"] = json.loads(subprocess.run(cmd, capture_output=True, text=True).stdout)
        print(
            f"pair of {out['pair']['sentences']:,} sentences: compare {out['pair']['wall']:.2f} s "
            f"({out['pair']['cpu']:.2f} s CPU), peak {out['pair']['peak_mb']:.0f} MB "
            f"(tracemalloc); difflib word diff {out['pair']['difflib']:.2f} s"
        )
    out["load"] = (start_load, os.getloadavg()[0])
    print(f"load average {out['load'][1]:.1f} at the end")
    if args.markdown:
        print()
        print(markdown(out))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
