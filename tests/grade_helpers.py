"""Building a lesson key and submitted notebooks on the fly for the grader tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

LESSON = "98-grade"
TEXT = "Putin boldly announced a massive deal. Xi said little about it."


def key() -> dict[str, Any]:
    """A key with one exercise of every type."""
    return {
        "lesson": LESSON,
        "exercises": {
            f"{LESSON}/boosters": {
                "type": "spans",
                "title": "Boosters",
                "prompt": "Select the boosters.",
                "points": 2,
                "text": TEXT,
                "reference": [{"text": "boldly", "why": "praises the manner"}, "massive"],
            },
            f"{LESSON}/kinds": {
                "type": "classify",
                "prompt": "Kind of each change.",
                "points": 2,
                "items": [{"id": "i1", "text": "a swap"}, {"id": "i2", "text": "a move"}],
                "labels": ["wording", "order"],
                "reference": {"i1": "wording", "i2": "order"},
            },
            f"{LESSON}/pick": {
                "type": "choice",
                "prompt": "Which?",
                "points": 1,
                "options": {
                    "a": {"text": "A", "feedback": "A confuses quoting with distancing."},
                    "b": {"text": "B"},
                },
                "reference": "b",
            },
            f"{LESSON}/essay": {
                "type": "text",
                "prompt": "Why?",
                "rubric": [{"id": "r1", "criterion": "says why", "points": 2}],
            },
            f"{LESSON}/map": {
                "type": "links",
                "prompt": "Link.",
                "points": 2,
                "claims": [{"id": "c1", "text": "One."}, {"id": "c2", "text": "Two."}],
                "reference": [["c2", "c1", "supports"]],
            },
        },
    }


SOLUTION: dict[str, Any] = {
    f"{LESSON}/boosters": ["boldly", "massive"],
    f"{LESSON}/kinds": {"i1": "wording", "i2": "order"},
    f"{LESSON}/pick": "b",
    f"{LESSON}/essay": "Because the headline frames it.",
    f"{LESSON}/map": [("c2", "c1", "supports")],
}
AUTO_POINTS = 7.0


def write_key(folder: Path) -> Path:
    """Write the key as ``folder/98-grade.json`` and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{LESSON}.json").write_text(json.dumps(key()), "utf-8")
    return folder


def cell(eid: str, value: Any = None, widget: Any = None) -> dict[str, Any]:
    """An exercise cell with a typed answer (``value``) and optionally a widget answer."""
    outputs = []
    if widget is not None:
        rec = {"exercise": eid, "value": widget, "via": "widget", "saved": "2026-01-01T00:00:00"}
        outputs.append(
            {
                "output_type": "display_data",
                "metadata": {},
                "data": {"application/vnd.framingkit.answer+json": rec, "text/plain": "answer"},
            }
        )
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": eid.replace("/", "-"),
        "metadata": {"framingkit": {"exercise": eid}, "tags": ["exercise"]},
        "outputs": outputs,
        "source": f"answer = {value!r}\nexercise({eid!r}, answer)",
    }


def code(source: str) -> dict[str, Any]:
    """A plain code cell."""
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": f"x{abs(hash(source)) % 10**8}",
        "metadata": {},
        "outputs": [],
        "source": source,
    }


def notebook(
    answers: dict[str, Any] | None = None,
    lesson: str | None = LESSON,
    cells: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A lesson notebook: one exercise cell per key exercise, answered from ``answers``."""
    answers = SOLUTION if answers is None else answers
    if cells is None:
        cells = [cell(eid, answers.get(eid)) for eid in key()["exercises"]]
    meta: dict[str, Any] = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
    }
    if lesson is not None:
        meta["framingkit"] = {"lesson": lesson, "version": 1}
    return {"nbformat": 4, "nbformat_minor": 5, "metadata": meta, "cells": cells}


def write_nb(path: Path, nb: dict[str, Any] | str) -> Path:
    """Write a notebook (or raw text) to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(nb if isinstance(nb, str) else json.dumps(nb, indent=1), "utf-8")
    return path
