"""The appraisal table (spot/categories.py) drives every view, key and doc (issue 11)."""

from __future__ import annotations

import json
import re
from importlib import resources

from framingkit.compare.evidence import FORCE_SIGN, Cue, cue_label
from framingkit.spot import spot
from framingkit.spot.categories import (
    CATEGORIES,
    CATEGORY_ORDER,
    LEGACY_NAMES,
    LEGACY_SUBTYPES,
    OKABE_ITO,
    SYSTEMS,
    certainty_of,
    is_certainty_cue,
    is_loaded,
    markdown_table,
    read_name,
)
from framingkit.spot.lexicon import load
from framingkit.spot.rules import rules_markdown
from framingkit.spot.scoring import score_spans
from framingkit.spot.views import BORDERS, html, legend_html

from conftest import ROOT

DOC = (ROOT / "docs" / "spot.md").read_text(encoding="utf-8")


def test_the_vocabulary_is_the_shared_one() -> None:
    assert (
        *("attitude", "force", "focus", "disclaim", "proclaim", "entertain", "attribute"),
        *("label", "figurative"),
    ) == CATEGORY_ORDER
    assert set(CATEGORIES["attitude"].subtypes) == {"affect", "judgement", "appreciation"}
    assert set(CATEGORIES["force"].subtypes) == {"intensify", "downtone"}
    assert set(CATEGORIES["focus"].subtypes) == {"sharpen", "soften"}
    assert set(CATEGORIES["disclaim"].subtypes) == {"deny", "counter"}
    assert set(CATEGORIES["proclaim"].subtypes) == {"concur", "pronounce", "endorse"}
    assert {"acknowledge", "distance", "presuppose"} <= set(CATEGORIES["attribute"].subtypes)
    assert CATEGORIES["proclaim"].hyland == "booster" and CATEGORIES["entertain"].hyland == "hedge"
    for c in CATEGORIES.values():
        assert c.system in SYSTEMS
        assert c.colour in OKABE_ITO.values()
        assert c.description and c.why and c.subtypes
        for sub in c.subtypes.values():
            assert sub.description and sub.why and sub.examples


def test_every_category_is_drawn_distinctly_without_colour() -> None:
    marks = [c.mark for c in CATEGORIES.values()]
    hatches = [c.hatch for c in CATEGORIES.values()]
    assert len(set(marks)) == len(marks) and len(set(hatches)) == len(hatches)
    assert {k: c.border for k, c in CATEGORIES.items()} == BORDERS
    legend = legend_html()
    for c in CATEGORIES.values():
        assert f">{c.label}<sup>{c.mark}</sup>" in legend and c.system in legend


def test_views_and_spans_use_only_table_names() -> None:
    res = spot((ROOT / "seeds" / "original_telegraph.txt").read_text(encoding="utf-8"))
    page = html(res)
    for s in res.spans:
        assert s.category in CATEGORIES and s.subtype in CATEGORIES[s.category].subtypes
        assert (s.mode in {"inscribed", "invoked"}) == (s.category == "attitude"), s
    assert set(re.findall(r'data-category="([a-z_]+)"', page)) <= set(CATEGORIES)


def test_lexicon_rows_use_the_table() -> None:
    for e in load().entries():
        assert e.category in CATEGORIES and e.subtype in CATEGORIES[e.category].subtypes


def test_docs_paste_the_generated_tables() -> None:
    assert markdown_table() in DOC
    assert rules_markdown() in DOC
    for name in LEGACY_NAMES:
        if "_" in name:
            assert f"`{name}`" in DOC


def test_compare_evidence_derives_from_the_table() -> None:
    assert set(FORCE_SIGN) == set(CATEGORIES)
    may = Cue(0, 1, "may", "entertain", "possibility", None, 1, "", "lexicon")
    assert may.hedges and may.certainty == "hedged" and "hedge" in cue_label(may)
    massive = Cue(0, 1, "massive", "force", "intensify", None, 2, "", "lexicon")
    assert massive.certainty is None and not massive.hedges
    assert Cue(0, 1, "slightly", "force", "downtone", None, 1, "", "lexicon").force < 0


def test_certainty_only_from_epistemic_cues() -> None:
    assert {c for c in CATEGORIES if certainty_of(c)} == {"proclaim", "entertain"}
    spans = spot("It was a massive, highly strategic project and undoubtedly may fail.").spans
    cues = [s.text for s in spans if is_certainty_cue(s)]
    assert cues == ["undoubtedly", "may"]
    assert not any(is_certainty_cue(s) for s in spans if s.category == "force")
    assert is_loaded(next(s for s in spans if s.text == "massive"))


def test_legacy_names_are_mapped_and_read_leniently() -> None:
    for old in ("booster", "hedge", "scare_quote", "stance_verb"):
        entry = read_name(old)
        assert entry is not None and set(entry.candidates) <= set(CATEGORIES) and entry.note
    assert read_name("Stance verb").name == "stance_verb"
    for (old, _), (new, sub) in LEGACY_SUBTYPES.items():
        assert old in LEGACY_NAMES or old == "label"
        assert sub in CATEGORIES[new].subtypes
    text = "It is undoubtedly a massive plan."
    ref = [("undoubtedly", "proclaim"), ("massive", "force")]
    sc = score_spans([("undoubtedly", "booster"), ("massive", "booster")], ref, text)
    assert sc.category_agreement == 1.0 and sc.f1 == 1.0
    sc = score_spans([("undoubtedly", "hedge")], ref, text)
    assert sc.category_agreement == 0.0


def test_keys_label_spot_items_with_table_names() -> None:
    """Spot-category labels in the lesson keys are table names (old names only while the
    lesson authors relabel: they are read leniently through LEGACY_NAMES)."""
    allowed = set(CATEGORIES) | set(LEGACY_NAMES)
    allowed |= {sub for c in CATEGORIES.values() for sub in c.subtypes}
    folder = resources.files("framingkit").joinpath("data/keys")
    for f in folder.iterdir():
        if not f.name.endswith(".json"):
            continue
        key = json.loads(f.read_text(encoding="utf-8"))
        for ex_id, ex in key.get("exercises", {}).items():
            labels = ex.get("labels")
            if isinstance(labels, list) and set(labels) & (set(CATEGORIES) | set(LEGACY_NAMES)):
                assert set(labels) <= allowed, (ex_id, set(labels) - allowed)


def test_compare_evidence_applies_the_context_rules() -> None:
    from framingkit.compare.evidence import find_cues

    assert not find_cues(["the", "shame", "of", "historic", "territorial", "losses"])[1:]
    assert [c.term for c in find_cues(["a", "dedicated", "bus", "lane"])] == []
    assert [c.category for c in find_cues(["a", "historic", "win"])] == ["attitude"]


def test_sub_tables_for_keys() -> None:
    from framingkit.exercises.model import _labels
    from framingkit.spot.categories import ATTITUDE_TYPES, ENGAGEMENT, GRADUATION

    assert _labels("framingkit.spot.categories:ENGAGEMENT", "k", "label") == tuple(ENGAGEMENT)
    assert set(GRADUATION) | set(ENGAGEMENT) < set(CATEGORIES)
    assert list(ATTITUDE_TYPES) == ["affect", "judgement", "appreciation"]


def test_cli_json_keeps_provenance_and_system() -> None:
    from framingkit.commands.spot import result_json

    res = spot("The lousy deal was signed.")
    row = next(r for r in result_json(res)["spans"] if r["text"] == "lousy")
    assert row["system"] == "attitude" and row["mode"] == "inscribed"
    assert "VADER valence" in row["provenance"] and "VADER" not in row["explanation"]
