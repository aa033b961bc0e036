"""Scale benchmark: every analysis at 100 kB, 1 MB and 10 MB, each beside a reference pass.

Run on demand (not part of the test suite)::

    python benchmarks/bench_scale.py                 # 100 kB, 1 MB, 10 MB + the pair + 19 MB CLI
    python benchmarks/bench_scale.py --sizes 0.1 1   # chosen sizes (MB), skip the long runs
    python benchmarks/bench_scale.py --no-cli        # skip the 19 MB run through every command

The texts are real-looking English, not random syllables: the paragraphs of the seed column,
the practice texts and the evaluation sentences (markup removed), rewritten with variation
(names, places and numbers changed, words swapped for synonyms, sentences reordered, some
dropped) and repeated until the size is reached, under one headline and byline. Version B of a
pair rewrites A again (wording changes, dropped, added, merged and moved sentences).

Each analysis runs in a fresh process (so peak resident memory is its own), beside a reference
over the same text in the same process: a plain regex pass for parsing and spot (every word
looked up in a set), difflib's word diff (``SequenceMatcher`` over the words) for compare.
Times are wall-clock seconds; "x10" is the cost of 10 MB over 1 MB.

Targets (2 cores): 1 MB through show, spot, claims ≤ 3 s each; a 10,000-sentence pair compared
in ≤ 3 s and ≤ 100 MB; a 19 MB file through every command ≤ 60 s; 1 MB → 10 MB ≤ 12×.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

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
