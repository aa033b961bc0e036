"""Evaluate the claim classifier on the hand-annotated set (type and certainty accuracy).

    python benchmarks/eval_claims.py [FILE] [--errors] [--no-spot] [--json]

FILE defaults to tests/data/claims/annotated.tsv (format and guideline in
tests/data/claims/GUIDELINE.md). Prints accuracy and confusion matrices.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from framingkit.claims.evaluate import confusion_table, evaluate, read_annotations

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "data" / "claims" / "annotated.tsv"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("file", nargs="?", default=str(DEFAULT))
    p.add_argument("--errors", action="store_true", help="list the misclassified sentences")
    p.add_argument("--no-spot", action="store_true", help="do not use the evaluative spotter")
    p.add_argument("--json", action="store_true")
    a = p.parse_args(argv)
    ev = evaluate(read_annotations(a.file), use_spot=not a.no_spot)
    if a.json:
        print(json.dumps(ev.__dict__, indent=2, ensure_ascii=False))
        return 0
    print(f"{ev.n} annotated claims ({a.file})")
    print(f"type accuracy:      {ev.type_accuracy:.1%}")
    print(f"certainty accuracy: {ev.certainty_accuracy:.1%}\n")
    print("Type confusion\n" + confusion_table(ev.type_confusion) + "\n")
    print("Certainty confusion\n" + confusion_table(ev.certainty_confusion))
    if a.errors:
        print("\nErrors")
        for e in ev.errors:
            print(f"  line {e['line']}: gold {e['gold']} predicted {e['predicted']}: {e['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
