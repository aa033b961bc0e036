"""`framingkit key draft` on a press release and its news story, a blog post and a campaign
site's rewrite (texts in tests/data/claims_pairs, CC0): the changes that matter most, correct
explanations, multiple-choice items whose distractors each reveal a misconception, a model
answer (issue 13 item 6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framingkit.cli import main
from framingkit.commands.key import (
    MAX_CHANGES,
    MISCONCEPTIONS,
    SALIENCE_RULES,
    _pick_changes,
    draft_key,
    salience,
)
from framingkit.compare.model import Change
from framingkit.exercises.model import parse_key

DATA = Path(__file__).resolve().parent / "data" / "claims_pairs"
PAIRS = {
    "press-release": ("release_a.txt", "story_b.txt", ("claimed", "hiked", "piling")),
    "blog": ("report_a.txt", "blog_b.txt", ("claims", "scrapping", "stranding")),
    "campaign": ("notice_a.txt", "campaign_b.txt", ("slash", "just")),
}


@pytest.fixture(scope="module")
def keys() -> dict[str, dict]:
    return {name: draft_key(DATA / a, DATA / b, name) for name, (a, b, _) in PAIRS.items()}


@pytest.mark.parametrize("name", list(PAIRS))
def test_the_changes_that_matter_are_picked(keys: dict[str, dict], name: str) -> None:
    key = keys[name]
    parse_key(key)
    ex = key["exercises"][f"{name}/changes"]
    notes = " ".join(i.get("draft_note", "") for i in ex["items"])
    for reason in ("provenance", "voice", "loaded wording"):
        assert reason in notes, (reason, notes)
    texts = " ".join(i["text"] for i in ex["items"])
    assert any(w in texts for w in PAIRS[name][2])  # a loaded word of B
    assert "By " in texts  # the byline of A
    assert len(ex["items"]) <= MAX_CHANGES
    assert all(i.get("hint") for i in ex["items"])
    assert not any("“The” → “the”" in i["text"] for i in ex["items"])  # no trivia


@pytest.mark.parametrize("name", list(PAIRS))
def test_provenance_is_explained_as_provenance(keys: dict[str, dict], name: str) -> None:
    ex = keys[name]["exercises"][f"{name}/changes"]
    byline = next(i for i in ex["items"] if i["text"].startswith("“By "))
    why = byline["why"].lower()
    assert any(w in why for w in ("byline", "author", "credit"))
    assert "caption" not in why.split("not a caption")[0]
    assert any(w in why for w in ("who wrote", "credited", "publish"))
    if name == "press-release":
        assert "release" in why  # the genre label


@pytest.mark.parametrize("name", list(PAIRS))
def test_a_multiple_choice_item_with_misconceptions(keys: dict[str, dict], name: str) -> None:
    ex = keys[name]["exercises"][f"{name}/most-important"]
    assert ex["type"] == "choice" and ex["hint"]
    options = ex["options"]
    assert len(options) >= 3
    right = ex["reference"]
    for k, o in options.items():
        if k != right:
            assert "Misconception" in o["feedback"]
            assert o["feedback"] in MISCONCEPTIONS.values()
    lengths = [len(o["text"]) for o in options.values()]
    assert max(lengths) <= 2.2 * min(lengths), lengths  # comparable length
    texts = [o["text"] for o in options.values()]
    assert len(set(texts)) == len(texts)


def test_the_reference_is_not_systematically_the_longest(keys: dict[str, dict]) -> None:
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    all_keys = [*keys.values(), draft_key(seeds / "kit_example_a.txt", seeds / "kit_example_b.txt")]
    items = [ex for k in all_keys for ex in k["exercises"].values() if ex["type"] == "choice"]
    assert len(items) >= 4
    longest = sum(
        len(ex["options"][ex["reference"]]["text"])
        >= max(len(o["text"]) for o in ex["options"].values())
        for ex in items
    )
    assert longest <= len(items) / 3, longest


def test_checkable_core_item_on_a_framed_fact() -> None:
    a = (
        "Greedy landlords raised rents by 12 per cent last year, official figures show.\n\n"
        "The council is meant to protect tenants from such practices.\n\n"
        "The scheme is a disgrace.\n\n"
        "Rents will rise again next year."
    )
    b = a.replace("Greedy landlords", "Landlords")
    key = draft_key(a, b, "rents")
    ex = key["exercises"]["rents/checkable-core"]
    right = ex["options"][ex["reference"]]
    assert "Greedy landlords" in right["text"] and "'Greedy'" in right["feedback"]
    assert all(
        "Misconception" in o["feedback"] for k, o in ex["options"].items() if k != ex["reference"]
    )


@pytest.mark.parametrize("name", list(PAIRS))
def test_model_answer_for_the_written_exercise(keys: dict[str, dict], name: str) -> None:
    frame = keys[name]["exercises"][f"{name}/frame"]
    answer = frame["reference"]
    assert answer.startswith("Draft model answer")
    for part in ("Problem definition", "Moral evaluation", "Treatment", "Difference"):
        assert part in answer
    b_headline = (DATA / PAIRS[name][1]).read_text(encoding="utf-8").splitlines()[0]
    assert b_headline in answer


def test_claims_exercise_spreads_the_types(keys: dict[str, dict]) -> None:
    ex = keys["press-release"]["exercises"]["press-release/claims-a"]
    types = {v[0] for v in ex["reference"].values()}
    assert len(types) >= 2
    assert all(i["hint"] for i in ex["items"])


def _change(kind: str, effect: str, a: str, b: str, evidence: tuple[str, ...] = (), why: str = ""):
    return Change(kind, effect, a, b, 0, len(a), 0, len(b), why or "x", evidence)


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        (_change("paratext", "attribution", "By Jo Lee (News) - Gazette", ""), "provenance"),
        (_change("paratext", "weaker", "Ann Bo (Opinion) - The Daily", ""), "provenance"),
        (_change("quotation", "attribution", '"We tried," she said', "We tried"), "voice"),
        (_change("quotation", "neutral", '"Power 2"', "Power 2"), None),
        (_change("omission", "weaker", ", according to council figures", ""), "dropped_source"),
        (
            _change("wording", "stronger", "said", "claimed", ("B: 'claimed' (stance verb)",)),
            "loaded_wording",
        ),
        (
            _change("paratext", "stronger", "Old title", "New title", (), "The headline changed"),
            "headline",
        ),
        (
            _change("omission", "weaker", "and may keep a small reading room open", ""),
            "dropped_content",
        ),
        (_change("paratext", "weaker", "3 March 2025", ""), "date_line"),
        (_change("spelling", "neutral", "The", "the"), "none"),
    ],
)
def test_each_salience_rule(change: Change, rule: str | None) -> None:
    weight, got = salience(change)
    if rule == "none":
        assert weight == 0
    elif rule is None:
        assert got is None or got.name != "voice"
    else:
        assert got is not None and got.name == rule
    assert all(r.hint and r.reason for r in SALIENCE_RULES)


def test_picks_what_matters_not_the_first_changes() -> None:
    trivia = [_change("wording", "neutral", f"word{i}", f"term{i}") for i in range(12)]
    late = [
        _change("quotation", "attribution", '"We tried," she said', "We tried"),
        _change("paratext", "attribution", "By Jo Lee (News) - Gazette", ""),
    ]
    for n, c in enumerate([*trivia, *late]):
        object.__setattr__(c, "a_start", n)
    picked = [c for c, _ in _pick_changes([*trivia, *late])]
    assert all(c in picked for c in late)


def test_cli_writes_a_loadable_key(tmp_path: Path) -> None:
    out = tmp_path / "k"
    a, b, _ = PAIRS["campaign"]
    assert (
        main(["key", "draft", str(DATA / a), str(DATA / b), "--lesson", "lib", "--out", str(out)])
        == 0
    )
    data = json.loads((out / "lib.json").read_text(encoding="utf-8"))
    parse_key(data)
    assert {"lib/changes", "lib/most-important", "lib/frame"} <= set(data["exercises"])


def test_spans_exercise_has_hints_and_reasoned_distractors() -> None:
    a = "The mayor said the plan was ready.\n\nOfficials told reporters the cost was fixed."
    b = (
        "The mayor claimed the shambolic plan was ready.\n\n"
        "Officials told reporters the cost was fixed."
    )
    ex = draft_key(a, b, "demo")["exercises"]["demo/evaluative-b"]
    assert all(r["hint"] for r in ex["reference"])
    assert "told" in {d["text"] for d in ex.get("distractors", [])}
    parse_key(draft_key(a, b, "demo"))


def test_a_retold_speaker_is_not_a_dropped_source() -> None:
    from framingkit.commands import key as keymod

    gone = _change("omission", "weaker", ", said Helen Marsh, the director", "")
    token = keymod._B_TEXT.set("According to Helen Marsh, the fund is hard news.")
    try:
        assert salience(gone)[1].name != "dropped_source"
        keymod._B_TEXT.set("The fund is hard news for students.")
        assert salience(gone)[1].name == "dropped_source"
    finally:
        keymod._B_TEXT.reset(token)
