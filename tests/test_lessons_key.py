"""`framingkit key draft`: a reference key drafted from the kit's analyses, loadable as a key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framingkit.cli import main
from framingkit.commands.key import draft_key
from framingkit.errors import InputError
from framingkit.exercises.model import parse_key

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
A, B = SEEDS / "kit_example_a.txt", SEEDS / "kit_example_b.txt"


def test_crafted_pair_gives_the_kits_reading() -> None:
    key = draft_key(
        "Xi declined to sign the pipeline agreement in Moscow.",
        "Xi refused to sign the pipeline agreement in Moscow.",
        "demo",
    )
    ex = key["exercises"]["demo/changes"]
    assert ex["reference"] == {"x1": ["wording", "stronger"]}
    assert "declined" in ex["items"][0]["text"] and ex["items"][0]["why"]
    parse_key(key)


def test_example_pair_draft_loads_and_covers_the_exercise_types(tmp_path: Path) -> None:
    out = tmp_path / "keys"
    out.mkdir()
    assert main(["key", "draft", str(A), str(B), "--lesson", "library", "--out", str(out)]) == 0
    data = json.loads((out / "library.json").read_text(encoding="utf-8"))
    key = parse_key(data)
    types = {e.type for e in key.exercises.values()}
    assert {"classify", "spans", "text"} <= types
    changes = key.exercises["library/changes"]
    texts = [i.text for i in changes.items]
    assert len(texts) == len(set(texts)), "the same change is drafted twice"
    assert not any("’" in t and t.replace("’", "'") in texts for t in texts)
    spans = key.exercises["library/evaluative-b"]
    assert {"claimed", "devastate"} & {r.text for r in spans.reference}
    assert all(r.why for r in spans.reference)
    assert "correct" in data["draft"]


def test_existing_key_is_not_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mine.json"
    target.write_text("{}", encoding="utf-8")
    assert main(["key", "draft", str(A), str(B), "--out", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "{}"
    assert main(["key", "draft", str(A), str(B), "--out", str(target), "--force"]) == 0
    assert "rename the file" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt", str(B)], "does not exist"),
        ([str(A), str(B), "--lesson", "Bad Id"], "lowercase"),
    ],
)
def test_bad_input_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["key", "draft", *args, "--out", str(tmp_path / "k.json")]) == 2
    assert message in capsys.readouterr().err


def test_empty_text_is_refused() -> None:
    with pytest.raises(InputError):
        draft_key("", "Something.", "demo")


@pytest.mark.parametrize("suffix", ["/", ""])
def test_out_folder_that_does_not_exist_yet_is_created(tmp_path: Path, suffix: str) -> None:
    out = str(tmp_path / "new" / "keys") + suffix
    assert main(["key", "draft", str(A), str(B), "--lesson", "pair", "--out", out]) == 0
    assert parse_key(json.loads((tmp_path / "new" / "keys" / "pair.json").read_text("utf-8")))


def test_out_json_in_a_missing_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["key", "draft", str(A), str(B), "--out", str(tmp_path / "no" / "k.json")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()
