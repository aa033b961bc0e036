"""Issue 11, item 4: news coverage by semantic field, charged wording and the sentence decision.

The sentences are written for these tests (none comes from an evaluation set)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace as S

import pytest

from framingkit.spot import spot
from framingkit.spot.categories import (
    CHARGED_INTENSITY,
    is_charged,
    is_loaded,
    is_one_sided,
    one_sided_reason,
    reads_as_charged,
)
from framingkit.spot.lexicon import load, lookup

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "eval_spot.py"


def _bench():
    spec = importlib.util.spec_from_file_location("eval_spot_news", BENCH)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _find(text: str, phrase: str):
    return next((s for s in spot(text).spans if s.text == phrase), None)


@pytest.mark.parametrize(
    ("text", "phrase", "category", "neutral"),
    [
        # verbs of conduct that imply a verdict (invoked attitude), with the neutral verb
        ("Critics say the governor exploited the tragedy.", "exploited", "attitude", "used"),
        ("The council forced through the cuts.", "forced through", "attitude", "passed"),
        # pejorative and partisan labels
        ("He called the senator a crackpot.", "crackpot", "label", ""),
        ("The pro-life movement rallied outside the court.", "pro-life", "label", "anti-abortion"),
        # contested terms of debate
        ("Republicans warned of voter suppression.", "voter suppression", "attitude", ""),
        ("An influx of migrants arrived at the border.", "influx", "figurative", "arrival"),
        # emotive nouns, adjectives of verdict
        ("The hysteria over the new rules is growing.", "hysteria", "attitude", ""),
        ("The rigged contest ended on Friday.", "rigged", "attitude", ""),
    ],
)
def test_news_fields_are_spotted_with_their_neutral_wording(
    text: str, phrase: str, category: str, neutral: str
) -> None:
    span = _find(text, phrase)
    assert span is not None, [s.text for s in spot(text).spans]
    assert span.category == category
    if neutral:
        assert span.neutral == neutral


def test_news_fields_file_adds_no_duplicate_and_names_its_source() -> None:
    lex = load()
    assert not [p for p in lex.problems if "news_fields" in p]
    entry = lookup("crackpot")
    assert entry is not None and entry.source == "news_fields.tsv"
    root = Path(__file__).resolve().parent.parent
    sources = (root / "src/framingkit/data/lexicons/SOURCES.md").read_text(encoding="utf-8")
    assert "news_fields.tsv" in sources


def test_plain_reporting_has_no_loaded_span() -> None:
    assert not [s for s in spot("Lawmakers debated the bill on Tuesday.").spans if is_loaded(s)]


def test_charged_is_loaded_wording_of_marked_intensity() -> None:
    assert CHARGED_INTENSITY == 2
    slammed = _find("The senator slammed the bill.", "slammed")
    mild = _find("The controversial bill passed.", "controversial")
    assert slammed is not None and is_charged(slammed)
    assert mild is not None and is_loaded(mild) and not is_charged(mild)
    # engagement is never charged, however strong
    assert not is_charged(S(category="proclaim", subtype="pronounce", intensity=3))


def test_sentence_reads_as_charged_with_one_charged_or_two_loaded_spans() -> None:
    assert reads_as_charged(spot("The senator slammed the bill.").spans)
    assert not reads_as_charged(spot("The controversial bill passed.").spans)
    assert reads_as_charged(spot("The controversial bill was a mild disappointment.").spans)
    # a neutral reporting verb and a hedge do not add up to a charged sentence
    assert not reads_as_charged(spot("Officials said the bill may pass.").spans)


def test_fifth_heldout_set_does_not_regress() -> None:
    # written before the item-4 work: 0.93 / 0.71 / 0.81 then, 0.93 / 0.73 / 0.82 after
    res = _bench().evaluate("heldout5")
    assert res["all"][0] >= 0.88 and res["all"][2] >= 0.78, res["all"]
    assert res["sentences"][2] >= 0.90 and res["charged"][2] >= 0.90


def test_breakdown_counts_misses_and_false_alarms_without_printing_text(capsys) -> None:
    rows = [
        ("The senator slammed the plan and its backers.", "Biased", {"slammed", "backers"}),
        ("The massive bill passed on Tuesday.", "Non-biased", set()),
    ]
    out = _bench().breakdown(rows, backup=False)
    printed = capsys.readouterr().out
    assert sum(out["misses"].values()) == 1  # "backers": in no list
    assert sum(out["alarms"].values()) == 1  # "massive" in a non-biased sentence
    assert "senator" not in printed and "backers" not in printed


def test_seed_keys_figure_counts_reference_phrases() -> None:
    res = _bench().evaluate_keys()
    hits, n = res["all"]
    assert n >= 20 and hits / n >= 0.5, res


@pytest.mark.parametrize(
    "term", ["hate crimes", "extreme heat", "war crimes", "hostile takeover", "a natural disaster"]
)
def test_fixed_terms_of_law_finance_and_weather_are_not_evaluative(term: str) -> None:
    assert spot(f"The report counted {term} across the region.").spans == []


def test_the_same_words_outside_the_fixed_term_are_still_spotted() -> None:
    found = {s.text for s in spot("The extreme left hates the plan.").spans}
    assert {"extreme", "hates"} <= found


def test_one_sided_leaves_out_the_routine_kinds_of_loaded_wording() -> None:
    # praise below the strongest degree, mild force, mild action verbs, mild labels and
    # quoted words found in one sentence are loaded but routine in a news report
    praise = S(category="attitude", subtype="appreciation", polarity="positive", intensity=2)
    assert is_loaded(praise) and one_sided_reason(praise) == "praise"
    strong = S(category="attitude", subtype="judgement", polarity="positive", intensity=3)
    assert is_one_sided(strong)
    assert one_sided_reason(S(category="force", subtype="intensify", intensity=1)) == "mild force"
    cut = S(category="attitude", subtype="judgement", polarity="negative", intensity=1)
    assert is_one_sided(cut)  # mild inscribed criticism still takes a side
    cut.mode = "invoked"
    assert one_sided_reason(cut) == "mild action"
    quoted = S(category="attribute", subtype="distance", intensity=2, rule="scare quote")
    assert one_sided_reason(quoted) == "quoted words"
    assert one_sided_reason(S(category="entertain", subtype="possibility")) == "not loaded"
    # in a sentence: mild praise alone does not read as one-sided; a charged verb does
    assert not reads_as_charged(spot("The popular programme was a success.").spans)
    assert reads_as_charged(spot("The senator slammed the popular programme.").spans)


def test_descriptive_group_names_are_mild_labels() -> None:
    militants = _find("Militants attacked the base.", "Militants")
    assert militants is not None and militants.category == "label"
    assert militants.intensity == 1 and not is_charged(militants)
