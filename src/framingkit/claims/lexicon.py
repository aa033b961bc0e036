"""The claims lexicons (package data ``data/claims/*.json``), loaded lazily and once.

``cues.json`` holds the certainty cues (entertain and proclaim: hedges and boosters),
type signals, discourse markers, check hints and concept groups;
``gazetteer.json`` the actors and places.
Both are written for framingkit (MIT); the files note their source and licence.

>>> [m.group() for m in matcher("entertain").finditer("it may well be, perhaps")]
['may', 'perhaps']
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed JSON file ``data/claims/<name>.json``."""
    path = resources.files("framingkit").joinpath("data", "claims", f"{name}.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _by_first_char(bodies: list[str]) -> str:
    """``"|".join(bodies)`` with the alternatives grouped by their first character.

    The same matches: at any position only the alternatives that start with the character
    there can match, and they are tried in the same order. Faster, because the regex engine
    tests one character per group instead of every alternative at every position.

    >>> _by_first_char(["nope", "nah", "maybe", "no"])
    'n(?:ope|ah|o)|m(?:aybe)'
    """
    groups: dict[str, list[str]] = {}
    for b in bodies:
        groups.setdefault(b[0], []).append(b[1:])
    return "|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in groups.items())


def phrase_regex(phrases: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """One regex matching any of ``phrases`` as whole words, longest first (lower-case text).

    >>> phrase_regex(["no doubt", "no"]).findall("there is no doubt, no")
    ['no doubt', 'no']
    """
    plain, odd = [], []
    for p in sorted(set(phrases), key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in p.split())
        if p[0].isalnum() and p[-1].isalnum():
            plain.append(body)
        else:
            left = "" if not p[0].isalnum() else r"(?<![\w'-])"
            right = "" if not p[-1].isalnum() else r"(?![\w-])"
            odd.append(f"{left}{body}{right}")
    # one boundary check around the whole alternation keeps the regex fast on long texts
    parts = [f"(?<![\\w'-])(?:{_by_first_char(plain)})(?![\\w-])"] if plain else []
    parts += odd
    return re.compile("|".join(parts) if parts else r"(?!x)x")


@cache
def matcher(category: str) -> re.Pattern[str]:
    """The regex for one cue list of ``cues.json`` (``entertain``, ``proclaim``, ``speech`` ...)."""
    return phrase_regex(load("cues")[category])


@cache
def markers() -> list[tuple[re.Pattern[str], str, str]]:
    """Discourse markers: ``(regex anchored at a clause start, relation, direction)``."""
    out = []
    for group in load("cues")["markers"]:
        rx = phrase_regex(group["words"])
        out.append(
            (re.compile(r"^\W*(?:" + rx.pattern + ")"), group["relation"], group["direction"])
        )
    return out


@cache
def check_hints() -> list[tuple[re.Pattern[str], str]]:
    """Check hints in order: ``(regex, hint)``."""
    return [(phrase_regex(h["words"]), h["hint"]) for h in load("cues")["check_hints"]]


@cache
def concepts() -> dict[str, frozenset[str]]:
    """Each word of a concept group -> the whole group (for headline support)."""
    out: dict[str, frozenset[str]] = {}
    for group in load("cues")["concepts"]:
        g = frozenset(group)
        for w in group:
            out[w] = out.get(w, frozenset()) | g
    return out
