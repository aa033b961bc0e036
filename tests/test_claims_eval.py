"""The hand-annotated sets: well formed, large enough, and classified well enough."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from framingkit.claims import CERTAINTY, CLAIM_TYPES
from framingkit.claims.evaluate import evaluate, read_annotations
from framingkit.errors import InputError

DATA = Path(__file__).parent / "data" / "claims"


def test_annotated_set_is_large_and_covers_every_label() -> None:
    items = read_annotations(DATA / "annotated.tsv")
    assert len(items) >= 100
    assert set(Counter(i.type for i in items)) == set(CLAIM_TYPES)
    assert set(Counter(i.certainty for i in items)) == set(CERTAINTY)
    assert len({i.text for i in items}) == len(items)
    assert (DATA / "GUIDELINE.md").exists()


@pytest.mark.parametrize(("name", "floor"), [("annotated.tsv", 0.9), ("heldout.tsv", 0.8)])
def test_accuracy_floor(name: str, floor: float) -> None:
    ev = evaluate(read_annotations(DATA / name), use_spot=False)
    assert ev.type_accuracy >= floor
    assert ev.certainty_accuracy >= floor
    assert sum(sum(r.values()) for r in ev.type_confusion.values()) == ev.n


def test_malformed_annotation_line(tmp_path: Path) -> None:
    f = tmp_path / "bad.tsv"
    f.write_text("fact\tsure\tThe sky is blue.\n", encoding="utf-8")
    with pytest.raises(InputError, match="Line 1"):
        read_annotations(f)
