"""Feedback pages a student can be handed as they are (issue 14.2, instructor review §12 and
§14 items 24-28, 31, 33): words not offsets, no instructor wording, a misconception once,
unreadable answers said, a score before rubric points said, blanks counted not revealed."""

from __future__ import annotations

import copy
import csv
import json
import re
from pathlib import Path

import pytest

from framingkit.cli import main
from framingkit.exercises import find_exercise

LESSON = json.loads(Path("lessons/02-spot.ipynb").read_text("utf-8"))
COMPARE = json.loads(Path("lessons/01-compare.ipynb").read_text("utf-8"))
SPANS = find_exercise("02-spot/graduation")


def with_answers(typed: dict[str, str], widget: dict | None = None, lesson=LESSON) -> dict:
    """A lesson with typed sources (``answer = ...``) or widget records in its cells."""
    nb = copy.deepcopy(lesson)
    for c in nb["cells"]:
        eid = c.get("metadata", {}).get("framingkit", {}).get("exercise")
        if eid in typed:
            c["source"] = f"answer = {typed[eid]}\nexercise({eid!r}, answer)"
        if widget and eid in widget:
            rec = {"exercise": eid, "value": widget[eid], "via": "widget", "saved": "2026-01-01"}
            c["outputs"] = [
                {
                    "output_type": "display_data",
                    "metadata": {},
                    "data": {"application/vnd.framingkit.answer+json": rec, "text/plain": "x"},
                }
            ]
    return nb


def offsets(*phrases: str) -> list[list[int]]:
    out = []
    for p in phrases:
        i = SPANS.text.index(p)
        out.append([i, i + len(p)])
    return out


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pages")
    c = tmp / "class"
    c.mkdir()
    subs = {
        "ana": with_answers({}),
        "chloe": with_answers(
            {"02-spot/engagement": '{"e1": "proclaim"}'},
            widget={"02-spot/graduation": offsets("massive", "pretty clear", "Siberia")},
        ),
        "dev": with_answers({"02-spot/graduation": '["massive", whatsoever, "nominally"]'}),
        "eve": with_answers({"01-compare/scare-quote": '"(a)"'}, lesson=COMPARE),
    }
    for name, nb in subs.items():
        (c / f"{name}.ipynb").write_text(json.dumps(nb), "utf-8")
    out = tmp / "out"
    assert main(["grade", str(c), "--out", str(out), "-q", "--jobs", "1"]) == 0
    rows = {r["student"]: r for r in csv.DictReader((out / "grades.csv").open(encoding="utf-8"))}
    return {s: (out / rows[s]["feedback"]).read_text("utf-8") for s in subs}, rows


def text(html: str) -> str:
    body = html.split("<body>", 1)[1]
    return re.sub(r"<[^>]+>", " ", body)


def test_widget_answers_are_shown_as_words_not_offsets(pages):
    chloe = pages[0]["chloe"]
    assert "“Siberia”; “massive”; “pretty clear”" in chloe  # in the order of the text
    assert not re.search(r"\[\[\d+, \d+\]", chloe)  # no raw offsets anywhere


def test_no_instructor_wording_on_a_page(pages):
    for page in pages[0].values():
        for words in ("in the message", "score by hand", "status", "rubric file", "F1"):
            assert words not in text(page), words


def test_a_score_before_rubric_points_says_so(pages):
    page, rows = pages
    assert "are not in this score yet" in page["chloe"]
    assert rows["chloe"]["written"] == "not included"


def test_an_answered_but_unreadable_cell_says_so(pages):
    dev = text(pages[0]["dev"])
    assert "You answered, but your answer could not be read" in dev
    assert "not a plain Python value" in dev
    assert "Nothing to check yet" not in dev and "is not answered" not in dev


def test_blanks_are_counted_not_revealed(pages):
    ana, chloe = pages[0]["ana"], pages[0]["chloe"]
    key = find_exercise("02-spot/engagement")
    for item in key.items:
        if item.id != "e1":  # chloe answered only e1: nothing about the others but a count
            assert f"{item.id} (" not in chloe
            assert f"{item.id} (" not in ana
    assert "7 items not answered yet" in chloe
    # reference phrases chloe never touched get a hint, never their words
    for phrase in ("whatsoever", "every last", "nominally", "slightly"):
        assert f"“{phrase}”" not in chloe
    assert "not found yet. Hint:" in chloe
    # the one she touched ("pretty clear" for "pretty") is explained
    assert "“pretty”: you picked “pretty clear”" in chloe
    assert "Not answered, so nothing was checked" in ana


def test_a_misconception_is_said_once_and_a_typed_option_says_how_it_was_read(pages):
    eve = pages[0]["eve"]
    why = find_exercise("01-compare/scare-quote").options["a"].feedback
    assert why and text(eve).count(why[:40]) == 1
    assert "as option a" in eve and text(eve).count("as option a") == 1


def test_a_notebook_without_any_answer_hints_at_cleared_outputs(pages):
    page, rows = pages
    assert "Clear All Outputs" in page["ana"] and "Clear All Outputs" in rows["ana"]["message"]
    assert "Clear All Outputs" not in page["chloe"]


def test_hints_of_the_key_are_given_for_parts_left_blank():
    from types import SimpleNamespace as NS

    from framingkit.grade.units import blank_hints

    ex = NS(
        type="spans",
        reference=[NS(text="massive", hint="a word that turns up size"), NS(text="x", hint="")],
    )
    assert blank_hints(ex, ["massive", "x"]) == ["a word that turns up size"]
    assert blank_hints(ex, []) == []
