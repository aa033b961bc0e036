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
    assert held["all"][0] >= 0.72 and held["all"][2] >= 0.60, held["all"]
    for cat in ("attitude", "entertain", "attribute"):
        assert dev[cat][2] >= 0.7, (cat, dev[cat])
    # figurative families (2026): measured dev 0.87, held-out 0.32, heldout2 0.91 (F1)
    assert dev["figurative"][2] >= 0.82, dev["figurative"]
    assert held["figurative"][2] >= 0.28, held["figurative"]


def test_second_heldout_set_does_not_regress() -> None:
    held2 = _evaluate("heldout2")
    assert held2["all"][0] >= 0.82 and held2["all"][2] >= 0.86, held2["all"]
    assert held2["figurative"][0] >= 0.92 and held2["figurative"][2] >= 0.86, held2["figurative"]
    # attitude precision 0.58 before issue 11 and 0.50 after: the re-filed reference spans
    # (stance verbs now attitude) count more gold attitude, and news adjectives add some extras
    for cat in ("attitude", "entertain", "attribute"):
        assert held2[cat][0] >= 0.45, (cat, held2[cat])


def test_third_heldout_set_news_does_not_regress() -> None:
    # written before the issue-11 news work: 0.68 F1 then, 0.77 after (docs/spot.md)
    held3 = _evaluate("heldout3")
    assert held3["all"][0] >= 0.78 and held3["all"][2] >= 0.72, held3["all"]
    assert held3["sentences"][2] >= 0.78, held3["sentences"]


def test_fourth_heldout_set_news_does_not_regress() -> None:
    # written after the issue-11 work, measured once: 0.82 / 0.64 / 0.72 (docs/spot.md)
    held4 = _evaluate("heldout4")
    assert held4["all"][0] >= 0.76 and held4["all"][2] >= 0.66, held4["all"]
