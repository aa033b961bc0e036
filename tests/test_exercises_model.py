"""Loading and validating answer keys: one clear sentence for every malformed key."""

from __future__ import annotations

import copy
import json

import pytest

from framingkit.errors import InputError
from framingkit.exercises import TYPES, find_exercise, load_key, parse_key
from framingkit.exercises.model import default_key_dir, resolve_text

from exercises_sample_key import LESSON, sample_key, write_key


def test_load_key_from_key_dir_and_env(tmp_path, monkeypatch):
    write_key(tmp_path / "keys")
    key = load_key(LESSON, tmp_path / "keys")
    assert set(key.exercises) == set(sample_key()["exercises"])
    assert {e.type for e in key.exercises.values()} == set(TYPES)
    monkeypatch.setenv("FRAMINGKIT_KEY_DIR", str(tmp_path / "keys"))
    assert find_exercise(f"{LESSON}/boosters").points == 3
    with pytest.raises(InputError, match="has no exercise '99-sample/nope'"):
        find_exercise(f"{LESSON}/nope")


def test_missing_key_and_folder():
    with pytest.raises(InputError, match="No answer key for lesson 'zz-none'"):
        load_key("zz-none/x")
    with pytest.raises(InputError, match="does not exist"):
        load_key("zz-none", "/no/such/folder")


def test_not_json_is_one_sentence(tmp_path):
    (tmp_path / "bad.json").write_text("{ nope", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_key("bad", tmp_path)
    assert "is not valid JSON (line 1" in str(err.value) and "\n" not in str(err.value)


def _broken(path, value):
    data = sample_key()
    target = data
    for p in path[:-1]:
        target = target[p]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


B = f"{LESSON}/boosters"


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (["lesson"], KeyError, "has no 'lesson' id"),
        (["exercises"], [], "has no 'exercises' object"),
        (["exercises", B, "type"], "essay", "must be one of: spans, classify"),
        (["exercises", B, "prompt"], "", "has no 'prompt'"),
        (["exercises", B, "points"], -1, "must be a positive number"),
        (["exercises", B, "self_check"], "no", "must be true or false"),
        (["exercises", B, "reference"], ["not there"], "which is not in its text"),
        (["exercises", B, "reference"], [[5, 2]], "use a phrase, [start, end]"),
        (["exercises", B, "text"], {"source": "web:x"}, "use 'seed:<name>'"),
        (["exercises", B, "text"], {"source": "seed:zzz"}, "no seed file starting with 'zzz'"),
        (["exercises", f"{LESSON}/kinds", "reference", "c1"], ["wording"], "one label per axis"),
        (["exercises", f"{LESSON}/kinds", "reference", "c1"], ["wordy", "weaker"], "'wordy'"),
        (["exercises", f"{LESSON}/kinds", "labels"], "framingkit.nope:X", None),
        (["exercises", f"{LESSON}/kinds", "axes"], {}, "one or two axes"),
        (["exercises", f"{LESSON}/scare", "options", "a", "feedback"], "", "without 'feedback'"),
        (["exercises", f"{LESSON}/scare", "reference"], "q", "must be one of the option keys"),
        (["exercises", f"{LESSON}/why", "points"], 7, "rubric adds up to 3"),
        (
            ["exercises", f"{LESSON}/map", "reference"],
            [["c1", "c9", "supports"]],
            "not in 'claims'",
        ),
        (["exercises", f"{LESSON}/map", "reference"], [["c1", "c2", "hates"]], "'hates'"),
        (["exercises", f"{LESSON}/map", "claims"], [{"id": "c1"}, {"id": "c1"}], "'c1' twice"),
    ],
)
def test_malformed_keys_are_one_clear_sentence(path, value, expected):
    data = _broken(path, value)
    if expected is None:  # a harmless extra field is accepted
        parse_key(data)
        return
    with pytest.raises(InputError) as err:
        parse_key(data, name="k.json")
    msg = str(err.value)
    assert expected in msg and "\n" not in msg and msg.endswith(".")


def test_bad_exercise_id():
    data = sample_key()
    data["exercises"]["other/x"] = copy.deepcopy(data["exercises"][B])
    with pytest.raises(InputError, match="does not look like '99-sample/<short name>'"):
        parse_key(data)


def test_seed_material_resolves_paragraphs_and_sentences():
    text = resolve_text({"source": "seed:original", "paragraphs": [4, 5]})
    assert text.startswith("Ahead of Xi Jinping") and "\n\n" in text and "*" not in text
    one = resolve_text({"source": "seed:original", "sentences": [0]})
    assert "\n" not in one
    with pytest.raises(InputError, match="has only 17 paragraphs"):
        resolve_text({"source": "seed:original", "paragraphs": [40]})


def test_ambiguous_seed_name(tmp_path, monkeypatch):
    for name in ("draft_a.txt", "draft_b.txt"):
        (tmp_path / name).write_text("Title\n\nOne sentence here.", encoding="utf-8")
    monkeypatch.setenv("FRAMINGKIT_SEEDS", str(tmp_path))
    with pytest.raises(InputError, match=r"matches several seeds: draft_a\.txt, draft_b\.txt"):
        resolve_text({"source": "seed:draft"})
    assert resolve_text({"source": "seed:draft_a", "paragraphs": [1]}) == "One sentence here."


def test_spans_key_on_seed_text():
    data = {
        "lesson": "t",
        "exercises": {
            "t/x": {
                "type": "spans",
                "prompt": "p",
                "text": {"source": "seed:republished", "paragraphs": [1]},
                "reference": ["overzealousness"],
            }
        },
    }
    e = parse_key(data).exercises["t/x"]
    assert e.source == "seed:republished"
    assert e.text[e.reference[0].start : e.reference[0].end] == "overzealousness"


def test_shipped_keys_are_valid():
    """Every key the lessons ship loads (a malformed one fails here with its sentence)."""
    for path in sorted(default_key_dir().glob("*.json")):
        key = load_key(path.stem)
        assert key.lesson == json.loads(path.read_text(encoding="utf-8"))["lesson"] == path.stem
        assert key.exercises


def test_docs_table_is_generated_from_types():
    from pathlib import Path

    from framingkit.exercises.model import types_markdown

    doc = (Path(__file__).resolve().parents[1] / "docs" / "exercises.md").read_text(
        encoding="utf-8"
    )
    table = doc.split("<!-- types table: begin -->\n", 1)[1].split("\n<!-- types table: end -->")[0]
    assert table == types_markdown(), "regenerate the table in docs/exercises.md"
