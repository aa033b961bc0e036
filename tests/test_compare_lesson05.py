"""Lesson 05's key and the kit agree on the example pair (issue 13, 'Done when').

The test reads key 05's items (their text quotes A and B: '"A words" → "B words"' or
'→ (nothing)'), finds the kit's change at that place and checks its kind and effect against
the reference, and, for the portrayal exercise, the direction the kit gives the named actor.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from framingkit.compare import compare
from framingkit.exercises.model import load_key

KEY = load_key("05-your-own-texts").exercises
_QUOTED = re.compile(r'"(?P<a>[^"]+)"(?:\s*\([^)]*\))?\s*→\s*(?:"(?P<b>[^"]+)"|\(nothing\))')


@pytest.fixture(scope="module")
def cmp():
    return compare("seeds/kit_example_a.txt", "seeds/kit_example_b.txt", hide_typography=True)


def _parts(text: str) -> tuple[str, str]:
    m = _QUOTED.search(text)
    assert m, f"key item text does not quote A → B: {text}"
    return m.group("a"), m.group("b") or ""


def _at(cmp, a_part: str, b_part: str):
    """Changes overlapping the quoted words of A (or of B when A has none)."""
    k = cmp.a.text.find(a_part)
    assert k >= 0, a_part
    out = [c for c in cmp.changes if c.a_start < k + len(a_part) and k < c.a_end]
    if b_part and b_part != a_part:
        kb = cmp.b.text.find(b_part)
        out += [
            c
            for c in cmp.changes
            if c.a_start == c.a_end and c.b_start < kb + len(b_part) and kb < c.b_end
        ]
    return out


CHANGES = KEY["05-your-own-texts/example-changes"]


@pytest.mark.parametrize("item", CHANGES.items, ids=lambda i: i.id)
def test_kit_gives_the_keyed_kind_and_effect(cmp, item):
    kind, effect = (CHANGES.reference[item.id][axis][0] for axis in ("kind", "effect"))
    found = [(c.kind, c.effect) for c in _at(cmp, *_parts(item.text))]
    assert (kind, effect) in found, f"{item.id}: key {kind}/{effect}, kit {found}"


PORTRAYAL = KEY["05-your-own-texts/example-portrayal"]


@pytest.mark.parametrize("item", PORTRAYAL.items, ids=lambda i: i.id)
def test_kit_gives_the_keyed_portrayal(cmp, item):
    actor = item.text.split(" · ")[0]
    (direction,) = PORTRAYAL.reference[item.id]["portrayal"]
    a_part, b_part = _parts(item.text)
    given = [
        p.direction for c in _at(cmp, a_part, b_part) for p in c.portrayals if p.actor == actor
    ]
    if direction == "unchanged":
        assert given == [], f"{item.id}: key unchanged, kit {given}"
    else:
        assert direction in given, f"{item.id}: key {direction}, kit {given}"


def test_key_accepts_the_argued_portrayal_reading_with_a_note():
    """instructor-review §8 item 8 (its x1 and x6 are now x3 and x2): a student who argues
    'stronger' for the dropped reading room (or 'weaker' for the moved roof repairs) reads the
    portrayal; the key says why and accepts it."""
    path = Path(__file__).resolve().parents[1] / "src/framingkit/data/keys/05-your-own-texts.json"
    raw = json.loads(path.read_text("utf-8"))
    items = {i["id"]: i for i in raw["exercises"]["05-your-own-texts/example-changes"]["items"]}
    assert "reading room" in items["x3"]["text"] and "roof repairs" in items["x2"]["text"]
    assert "portrayal" in items["x3"]["accept"]["stronger"]
    assert "salience" in items["x2"]["accept"]["weaker"]
    spans = raw["exercises"]["05-your-own-texts/example-spans"]["reference"]
    assert "close" in [r["text"] for r in spans]  # §8 item 9
