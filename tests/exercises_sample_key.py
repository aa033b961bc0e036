"""A sample lesson key for the exercise-engine tests, written on the fly (never stored as .json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

LESSON = "99-sample"
SPAN_TEXT = (
    "Ahead of the visit, Putin boldly announced that the deal was ready. "
    "But Xi, unmoved by such excessive zeal, declined to sign anything."
)


def sample_key() -> dict[str, Any]:
    """A key with one exercise of every type."""
    return {
        "lesson": LESSON,
        "exercises": {
            f"{LESSON}/boosters": {
                "type": "spans",
                "title": "Find the boosters",
                "prompt": "Select the words that make the claims sound stronger.",
                "points": 3,
                "text": SPAN_TEXT,
                "reference": [
                    {"text": "boldly", "why": "an adverb that praises the manner"},
                    {"text": "such excessive zeal", "why": "'such' and 'excessive' intensify"},
                    "declined",
                ],
            },
            f"{LESSON}/kinds": {
                "type": "classify",
                "prompt": "Classify each change by kind and effect.",
                "points": 2,
                "items": [
                    {"id": "c1", "text": "declined -> refused", "why": "A word swap."},
                    {"id": "c2", "text": "headline dropped", "why": "Paratext changed."},
                ],
                "axes": {
                    "kind": ["wording", "paratext", "typography"],
                    "effect": ["stronger", "weaker", "neutral"],
                },
                "reference": {
                    "c1": ["wording", "stronger"],
                    "c2": {"kind": "paratext", "effect": ["weaker", "neutral"]},
                },
            },
            f"{LESSON}/scare": {
                "type": "choice",
                "prompt": "What do the quotation marks around 'peace plan' do?",
                "points": 1,
                "options": {
                    "a": {
                        "text": "They quote Putin exactly.",
                        "feedback": "Misconception: quotation "
                        "marks always mean a quotation; here nobody is quoted.",
                    },
                    "b": {"text": "They distance the writer from the words.", "feedback": "Yes."},
                    "c": {
                        "text": "They are decoration.",
                        "feedback": "Misconception: marks are "
                        "neutral typography; they change what the writer commits to.",
                    },
                },
                "reference": "b",
            },
            f"{LESSON}/why": {
                "type": "text",
                "prompt": "Why does the headline matter?",
                "rubric": [
                    {"id": "r1", "criterion": "names the headline's claim", "points": 1},
                    {"id": "r2", "criterion": "says how it frames the body", "points": 2},
                ],
            },
            f"{LESSON}/map": {
                "type": "links",
                "prompt": "Link the claims.",
                "points": 2,
                "claims": [
                    {"id": "c1", "text": "China dominates the relationship."},
                    {"id": "c2", "text": "Xi declined to sign the pipeline deal."},
                    {"id": "c3", "text": "Putin boldly announced the deal."},
                ],
                "reference": [["c2", "c1", "supports"], ["c3", "c2", "contrasts"]],
            },
            f"{LESSON}/graded": {
                "type": "choice",
                "prompt": "A graded question.",
                "self_check": False,
                "options": {"a": {"text": "A", "feedback": "No: A is a trap."}, "b": "B"},
                "reference": "b",
            },
        },
    }


def write_key(folder: Path, key: dict[str, Any] | None = None) -> Path:
    """Write the sample key into ``folder`` and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    data = key or sample_key()
    (folder / f"{data['lesson']}.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    return folder
