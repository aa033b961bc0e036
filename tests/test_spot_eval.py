"""Guard against regressions on the hand-annotated evaluation sets (see docs/spot.md)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "eval_spot.py"


def _evaluate(which: str) -> dict:
    spec = importlib.util.spec_from_file_location("eval_spot", BENCH)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.evaluate(which)


def test_dev_and_heldout_scores_do_not_regress() -> None:
    dev = _evaluate("dev")
    held = _evaluate("heldout")
    assert dev["all"][2] >= 0.80, dev["all"]
    assert held["all"][0] >= 0.70 and held["all"][2] >= 0.55, held["all"]
    for cat in ("attitude", "hedge", "stance_verb"):
        assert dev[cat][2] >= 0.7, (cat, dev[cat])
