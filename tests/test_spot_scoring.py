"""Tests of annotation scoring: partial credit, edge tolerance, categories, kappa, feedback."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import framingkit.spot.scoring as scoring
from framingkit.spot import spot
from framingkit.spot.scoring import kappa, parse_marked, score_spans

TEXT = "It is not good news for Moscow, and undoubtedly a disaster for the Kremlin."
REF = [("not good news", "attitude"), ("undoubtedly", "proclaim"), ("a disaster", "attitude")]


def test_doctests() -> None:
    res = doctest.testmod(scoring)
    assert res.attempted > 0 and res.failed == 0


def test_perfect_and_edge_tolerant() -> None:
    sc = score_spans([" not good news, ", "undoubtedly", "a disaster."], REF, TEXT)
    assert (sc.precision, sc.recall, sc.f1) == (1.0, 1.0, 1.0)
    assert not sc.missed and not sc.extra and not sc.partial


def test_partial_overlap_gets_partial_credit() -> None:
    sc = score_spans(["good news", "undoubtedly"], REF, TEXT)
    assert 0 < sc.precision < 1 and 0 < sc.recall < 1
    assert sc.partial and "not good news" in sc.partial[0].reason
    assert [m.text for m in sc.missed] == ["a disaster"]
    assert sc.missed[0].reason  # a reason a student can read


def test_extra_and_not_found_have_reasons() -> None:
    sc = score_spans(["Moscow", "banana"], REF, TEXT)
    kinds = {f.kind: f for f in sc.extra}
    assert "neutral" in kinds["extra"].reason
    assert "does not occur" in kinds["not found"].reason
    assert sc.precision == 0.0 and sc.recall == 0.0


def test_offsets_and_dicts_and_evalspans() -> None:
    start = TEXT.index("undoubtedly")
    sc = score_spans([(start, start + 11)], [{"start": start, "end": start + 11}], TEXT)
    assert sc.f1 == 1.0
    res = spot(TEXT)
    sc = score_spans(res.spans, REF, TEXT)
    assert sc.recall > 0.6


def test_per_category_and_agreement() -> None:
    sc = score_spans(
        [("not good news", "attitude"), ("undoubtedly", "entertain"), ("a disaster", "attitude")],
        REF,
        TEXT,
    )
    assert sc.per_category["attitude"].f1 == 1.0
    assert sc.per_category["proclaim"].recall == 0.0
    assert sc.category_agreement == pytest.approx(2 / 3, abs=1e-3)
    assert any(f.kind == "category" for f in sc.feedback)


def test_empty_cases() -> None:
    assert score_spans([], [], TEXT).f1 == 1.0
    assert score_spans([], REF, TEXT).f1 == 0.0
    assert score_spans(["Moscow"], [], TEXT).precision == 0.0


def test_kappa() -> None:
    a = ["not good news", "undoubtedly", "a disaster"]
    assert kappa(a, a, TEXT) == 1.0
    k = kappa(a, ["undoubtedly"], TEXT, binary=True)
    assert 0 < k < 1
    assert kappa([], ["Moscow", "Kremlin", "It"], TEXT) < 0.1


def test_parse_marked_and_eval_set_is_well_formed() -> None:
    folder = Path(__file__).parent / "data" / "spot"
    n = 0
    for f in sorted(folder.glob("*.txt")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            plain, spans = parse_marked(line)
            assert "[[" not in plain and "]]" not in plain
            for s in spans:
                assert plain[s.start : s.end] == s.text
            n += 1
    assert n >= 150
    with pytest.raises(ValueError):
        parse_marked("a [[word|nonsense]] here")
