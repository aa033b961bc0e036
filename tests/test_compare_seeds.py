"""The seed pair: every change the lesson relies on is found and classified."""

from __future__ import annotations

from pathlib import Path

import pytest

from framingkit.compare import compare

ROOT = Path(__file__).resolve().parents[1]
A = ROOT / "seeds" / "original_telegraph.txt"
B = ROOT / "seeds" / "republished_2023-03-28.txt"


@pytest.fixture(scope="module")
def cmp():
    return compare(A, B)


def find(cmp, a_part: str, b_part: str | None = None, kind: str | None = None):
    out = [
        c
        for c in cmp.changes
        if a_part in c.a_text
        and (b_part is None or b_part in c.b_text)
        and (kind is None or c.kind == kind)
    ]
    assert out, f"no change found for {a_part!r} -> {b_part!r} ({kind})"
    return min(out, key=lambda c: len(c.a_text) + len(c.b_text))


def test_offsets_point_into_both_texts(cmp):
    for c in cmp.changes:
        assert cmp.a.text[c.a_start : c.a_end] == c.a_text
        assert cmp.b.text[c.b_start : c.b_end] == c.b_text
        assert c.explanation and c.explanation[-1] in ".!)"


def test_alignment_covers_everything(cmp):
    assert cmp.coverage_a == pytest.approx(1.0)
    assert cmp.coverage_b == pytest.approx(1.0)
    assert not any(ln.moved for ln in cmp.alignment)
    assert all(0.3 <= ln.score <= 1.0 for ln in cmp.alignment)
    # the sentence broken in the wrong place ("wrested from control. Manchu ...") is 1:2
    assert [ln.type for ln in cmp.alignment].count("1:2") == 1


def test_dropped_paratext(cmp):
    kinds = [(c.kind, c.effect) for c in cmp.changes if c.kind == "paratext"]
    assert ("paratext", "weaker") in kinds
    expl = " ".join(c.explanation for c in cmp.changes if c.kind == "paratext")
    assert "headline" in expl and "byline" in expl and "caption" in expl
    assert "genre label 'Opinion'" in expl and "link" in expl and "emphasis" in expl
    head = find(cmp, "Xi Jinping's plan to annex", kind="paratext")
    assert head.b_text == ""
    byline = find(cmp, "Matthew Henderson", kind="paratext")
    assert byline.effect == "attribution"


@pytest.mark.parametrize("quoted", ["the deal of the century", "legitimacy"])
def test_lost_quotation_marks(cmp, quoted):
    c = find(cmp, quoted, kind="quotation")
    assert c.effect == "attribution"
    assert quoted in c.b_text and '"' not in c.b_text and "\u201c" not in c.b_text


@pytest.mark.parametrize(
    ("a_part", "b_part", "effect"),
    [
        ("declined", "refused", "stronger"),
        ("clear breach", "flagrant violation", "stronger"),
        ("feels like", "is like", "stronger"),
        ("parades", "presents", "weaker"),
        ("whatsoever", "", "weaker"),
    ],
)
def test_effects(cmp, a_part, b_part, effect):
    c = find(cmp, a_part, b_part, kind="omission" if not b_part else "wording")
    assert c.effect == effect, c.explanation
    assert c.evidence, "an effect other than neutral rests on evidence"


def test_phrases_are_readable(cmp):
    c = find(cmp, "It's a clear breach", "This is a flagrant violation")
    assert c.a_text == "It's a clear breach"
    c = find(cmp, "family silver", "money")
    assert "robber" in c.a_text and "thief" in c.b_text


def test_no_apostrophe_only_stance_change(cmp):
    for c in cmp.changes:
        if c.a_text.replace("\u2019", "'") == c.b_text.replace("\u2019", "'"):
            assert c.kind in ("typography", "paratext", "quotation"), c
            assert c.effect in ("neutral", "weaker"), c
    typo = [c for c in cmp.changes if c.kind == "typography"]
    assert len(typo) >= 10 and all(c.effect == "neutral" for c in typo)
    hidden = compare(cmp.a, cmp.b, hide_typography=True)
    assert not [c for c in hidden.changes if c.kind == "typography"]
    assert hidden.hidden == len(typo)


def test_segmentation(cmp):
    seg = [c for c in cmp.changes if c.kind == "segmentation"]
    expl = " ".join(c.explanation for c in seg)
    assert "paragraphs of A run together" in expl
    assert "split into 2" in expl
    assert expl.count("stray full stop") >= 3


def test_every_difference_found(cmp):
    """Words of A missing from B (and back) all fall inside some change."""
    import re

    for side, art in (("a", cmp.a), ("b", cmp.b)):
        covered = [
            (c.a_start, c.a_end) if side == "a" else (c.b_start, c.b_end) for c in cmp.changes
        ]
        other = cmp.b if side == "a" else cmp.a
        other_words = set(re.findall(r"\w+", other.folded.lower()))
        for s in art.sentences:
            for t in s.tokens:
                if t.is_word and t.norm.split("'")[0] not in other_words:
                    assert any(a <= t.start and t.end <= b for a, b in covered), (side, t.text)


def test_spelling_and_names(cmp):
    assert find(cmp, "Peking", "Beijing").kind == "spelling"
    assert find(cmp, "Communist", "communist").kind == "spelling"


def test_speed_is_reasonable(cmp):
    # not a timing test: the seed comparison does not explode in size
    assert 40 <= len(cmp.changes) <= 200
