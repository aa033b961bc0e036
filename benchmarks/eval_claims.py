"""Evaluate the claim classifier on the hand-annotated set (type and certainty accuracy).

    python benchmarks/eval_claims.py [FILE] [--errors] [--no-spot] [--json]
    python benchmarks/eval_claims.py --core [FILE] [--errors] [--no-spot]

FILE defaults to tests/data/claims/annotated.tsv (format and guideline in
tests/data/claims/GUIDELINE.md). Prints accuracy and confusion matrices. With ``--core`` FILE
defaults to tests/data/claims/core_heldout.tsv and the figures are the core assertion's type
accuracy and the framing words' recall and precision.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from framingkit.claims.evaluate import (
    confusion_table,
    evaluate,
    evaluate_core,
    read_annotations,
    read_core_annotations,
)

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "claims"
DEFAULT = DATA / "annotated.tsv"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("file", nargs="?", default=None)
    p.add_argument("--core", action="store_true", help="core type and framing words instead")
    p.add_argument("--errors", action="store_true", help="list the misclassified sentences")
    p.add_argument("--no-spot", action="store_true", help="do not use the evaluative spotter")
    p.add_argument("--json", action="store_true")
    a = p.parse_args(argv)
    if a.core:
        a.file = a.file or str(DATA / "core_heldout.tsv")
        cv = evaluate_core(read_core_annotations(a.file), use_spot=not a.no_spot)
        if a.json:
            print(json.dumps(cv.__dict__, indent=2, ensure_ascii=False))
            return 0
        print(f"{cv.n} sentences ({a.file})")
        print(f"core type accuracy: {cv.core_accuracy:.1%}")
        print(f"framing recall:     {cv.framing_recall:.1%}")
        print(f"framing precision:  {cv.framing_precision:.1%}")
        if a.errors:
            print("\nErrors")
            for e in cv.errors:
                print(
                    f"  line {e['line']}: gold {e['gold']} predicted {e['predicted']}: {e['text']}"
                )
        return 0
    a.file = a.file or str(DEFAULT)
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
