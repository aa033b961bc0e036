"""A notebook made from a template (lesson 05) for the instructor's own texts is graded
against the key its exercise cells call, or refused loudly (issue 13.6)."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

import pytest

from framingkit.cli import main

TEMPLATE = json.loads(Path("lessons/05-your-own-texts.ipynb").read_text("utf-8"))
OWN = "bus-lane"
KEY = {
    "lesson": OWN,
    "exercises": {
        f"{OWN}/changes": {
            "type": "choice",
            "prompt": "Which change matters most?",
            "points": 2,
            "options": {
                "a": {"text": "The headline", "feedback": "A headline change is visible."},
                "b": {"text": "The byline"},
            },
            "reference": "b",
        }
    },
}


def from_template(answer: str) -> dict:
    """The lesson-05 notebook with its first exercise cell edited to call our own key."""
    nb = copy.deepcopy(TEMPLATE)
    for c in nb["cells"]:
        if c.get("metadata", {}).get("framingkit", {}).get("exercise", "").endswith("-changes"):
            c["source"] = f"answer = {answer!r}\nexercise({f'{OWN}/changes'!r}, answer)"
            return nb
    raise AssertionError("the template has no example-changes cell")


@pytest.fixture
def klass(tmp_path):
    c = tmp_path / "class"
    c.mkdir()
    (c / "ana.ipynb").write_text(json.dumps(from_template("b")), "utf-8")
    (c / "ben.ipynb").write_text(json.dumps(from_template("a")), "utf-8")
    keys = tmp_path / "keys"
    keys.mkdir()
    (keys / f"{OWN}.json").write_text(json.dumps(KEY), "utf-8")
    return c, keys


def grade(c: Path, out: Path, *extra: str) -> dict[str, dict[str, str]]:
    assert main(["grade", str(c), "--out", str(out), "-q", "--jobs", "1", *extra]) == 0
    return {r["student"]: r for r in csv.DictReader((out / "grades.csv").open(encoding="utf-8"))}


def test_an_edited_template_is_graded_against_the_key_it_names(klass, tmp_path):
    c, keys = klass
    rows = grade(c, tmp_path / "out", "--key", str(keys))
    ana, ben = rows["ana"], rows["ben"]
    assert (ana["status"], ana["lesson"], ana["score"], ana["max_score"]) == ("ok", OWN, "2", "2")
    assert ben["score"] == "0" and ben[f"{OWN}/changes"] == "0"
    assert f"graded against the key of '{OWN}'" in ana["message"]
    # the template's other exercise cells are not graded against the example key
    assert "05-your-own-texts/example-spans" in ana["message"] and "ignored" in ana["message"]
    assert "05-your-own-texts/example-changes" not in "".join(rows["ana"])


def test_an_edited_template_without_its_key_is_refused_loudly(klass, tmp_path):
    c, _ = klass
    rows = grade(c, tmp_path / "out")  # no --key: bus-lane is nowhere
    for r in rows.values():
        assert r["status"] == "invalid" and r["score"] == ""
        assert f"calls exercise('{OWN}/changes')" in r["message"]
        assert "05-your-own-texts/example-changes" in r["message"]
        assert "--key" in r["message"]
