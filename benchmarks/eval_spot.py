"""Evaluate ``spot()`` on the hand-annotated sentences in tests/data/spot/.

Prints precision, recall and F1 per category (partial-overlap credit, spans
matched within the same category) and overall (category ignored).

    python benchmarks/eval_spot.py [--no-backup] [--misses]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from framingkit.spot import CATEGORY_ORDER, spot
from framingkit.spot.scoring import parse_marked, score_spans

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "spot"


#: The sets: ``dev`` was used while building the lexicon; ``heldout`` and ``heldout2`` never
#: were (``heldout2`` was written before the 2026 figurative extension, see docs/spot.md).
SETS = {"dev": "eval_*.txt", "heldout": "heldout_*.txt", "heldout2": "heldout2_*.txt"}


def load_gold(which: str = "dev", folder: Path = DATA) -> list[tuple[str, list]]:
    """Every annotated sentence of one set: (plain text, reference spans)."""
    out = []
    for f in sorted(folder.glob(SETS[which])):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.append(parse_marked(line.strip()))
    return out


def evaluate(
    which: str = "dev", backup: bool = True, show: bool = False
) -> dict[str, tuple[float, float, float, int, int]]:
    """Per-category (precision, recall, F1, reference count, predicted count), plus 'all'."""
    tot = {c: [0.0, 0, 0] for c in (*CATEGORY_ORDER, "all")}  # credit, n_pred, n_ref
    for text, gold in load_gold(which):
        pred = spot(text, backup=backup).spans
        for c in CATEGORY_ORDER:
            g = [s for s in gold if s.category == c]
            p = [s for s in pred if s.category == c]
            sc = score_spans(p, g, text)
            tot[c][0] += sum(m.credit for m in sc.matches)
            tot[c][1] += len(p)
            tot[c][2] += len(g)
        sc = score_spans([(s.start, s.end) for s in pred], [(s.start, s.end) for s in gold], text)
        tot["all"][0] += sum(m.credit for m in sc.matches)
        tot["all"][1] += len(pred)
        tot["all"][2] += len(gold)
        if show and (sc.missed or sc.extra):
            print(f"- {text}")
            for m in sc.missed:
                cat = next((g.category for g in gold if g.start == m.start), "")
                print(f"    missed {m.text!r} ({cat})")
            for x in sc.extra:
                cat = next((p.category for p in pred if p.start <= x.start < p.end), "")
                print(f"    extra  {x.text!r} ({cat})")
    res = {}
    for c, (cr, npred, nref) in tot.items():
        p = cr / npred if npred else 0.0
        r = cr / nref if nref else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        res[c] = (p, r, f, nref, npred)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-backup", action="store_true", help="kit lexicon only, no VADER")
    ap.add_argument("--misses", action="store_true", help="list missed and extra spans")
    ap.add_argument("--set", choices=[*SETS, "all", "both"], default="all", help="which sentences")
    args = ap.parse_args(argv)
    sets = {"all": list(SETS), "both": ["dev", "heldout"]}.get(args.set, [args.set])
    for which in sets:
        n = len(load_gold(which))
        res = evaluate(which, backup=not args.no_backup, show=args.misses)
        backup = "off" if args.no_backup else "VADER"
        print(f"\n{which}: {n} sentences; partial-overlap credit; backup={backup}")
        print(f"{'category':<12} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'found':>6}")
        for c, (p, r, f, nref, npred) in res.items():
            print(f"{c:<12} {p:6.2f} {r:6.2f} {f:6.2f} {nref:5d} {npred:6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
