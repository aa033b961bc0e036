"""Drafting links between claims from discourse markers and position.

* A claim that opens with a marker gets that marker's relation ("But ..." contrasts
  with the claim before; "For example ..." exemplifies it; "So ..." is supported by it;
  "Moreover ..." elaborates it). Markers live in ``data/claims/cues.json``.
* Position: standfirst, lead and closing claims elaborate the headline (the thesis);
  a paragraph's first claim supports the thesis when it shares a content word or concept
  with it or is itself a reading (interpretation, judgement, prediction), else it
  elaborates the claim before.
* Inside a paragraph, a fact or attributed claim next to a reading supports that reading;
  anything else elaborates the claim before.

Links are a draft: edit them with :meth:`ClaimMap.with_link` and friends.

>>> from framingkit.claims import claims
>>> cm = claims("Prices will rise next year\\n\\nThe bank said prices are up. But wages are flat.")
>>> [(lk.source, lk.target, lk.relation) for lk in cm.links]
[('c2', 'c1', 'supports'), ('c3', 'c2', 'contrasts')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..typography import fold
from .lexicon import markers
from .model import Claim, Link
from .terms import content_stems, shared_concepts

#: Subordinators that open a two-clause sentence ("Since X, Y"): the relation is inside the claim.
_SUBORDINATORS = frozenset(
    [
        "since",
        "as",
        "given",
        "because",
        "although",
        "though",
        "while",
        "whereas",
        "despite",
        "unlike",
        "like",
        "if",
        "when",
    ]
)
_READINGS = frozenset({"interpretation", "judgement", "prediction"})
_EVIDENCE = frozenset({"fact", "attributed"})


def marker_of(text: str) -> tuple[str, str, str] | None:
    """``(marker, relation, direction)`` for a claim that opens with a discourse marker.

    >>> marker_of("But Xi declined.")
    ('But', 'contrasts', 'to_previous')
    >>> marker_of("Since 2014 prices rose.") is None
    True
    """
    low = fold(text).lower()
    for rx, relation, direction in markers():
        m = rx.match(low)
        if not m:
            continue
        word = m.group().strip(" \t\"'“‘(").strip()
        rest = low[m.end() :]
        if word in _SUBORDINATORS and ("," in rest or re.match(r"\s*\d", rest)):
            return None  # "Since X, Y" / "Since 2014": not a link to the claim before
        if word in ("that", "this", "these", "those", "it", "such") and re.match(
            r"\s*(?:is|was)\s+why", rest
        ):
            return (text[m.start() : m.end()].strip(), "supports", "from_previous")
        return (text[m.start() : m.end()].strip(" \t\"'“‘("), relation, direction)
    return None


def draft_links(claims: Sequence[Claim]) -> list[Link]:
    """Draft links for ``claims`` (in text order); see the module docstring for the rules."""
    if not claims:
        return []
    anchor = next((c for c in claims if c.position == "headline"), None)
    anchor = anchor or next((c for c in claims if c.position in ("lead", "standfirst")), None)
    anchor_stems = content_stems(anchor.text) if anchor else set()
    links: list[Link] = []
    prev: Claim | None = None
    for c in claims:
        if c is anchor:
            prev = c
            continue
        link = _link_for(c, prev, anchor, anchor_stems)
        if link and link.source != link.target:
            links.append(link)
        prev = c
    seen: set[tuple[str, str]] = set()
    out = []
    for lk in links:
        if (lk.source, lk.target) not in seen:
            seen.add((lk.source, lk.target))
            out.append(lk)
    return out


def _link_for(
    c: Claim, prev: Claim | None, anchor: Claim | None, anchor_stems: set[str]
) -> Link | None:
    mk = marker_of(c.text)
    if mk and prev is not None:
        word, relation, direction = mk
        if direction == "from_previous":
            return Link(prev.id, c.id, relation, f"marker '{word}'")
        return Link(c.id, prev.id, relation, f"marker '{word}'")
    if anchor is None:
        return Link(c.id, prev.id, "elaborates", "next in the text") if prev else None
    if (
        c.position in ("standfirst", "lead", "closing")
        and c.position != anchor.position
        and (c.position == "closing" or prev is None or prev.paragraph != c.paragraph)
    ):
        return Link(c.id, anchor.id, "elaborates", f"position: {c.position} restates the thesis")
    first_in_paragraph = prev is None or prev.paragraph != c.paragraph or prev is anchor
    if first_in_paragraph:
        shared = shared_concepts(c.text, anchor_stems)
        if shared or c.type in _READINGS:
            why = f"shares '{', '.join(sorted(shared)[:3])}'" if shared else f"a {c.type}"
            return Link(c.id, anchor.id, "supports", f"position: paragraph lead, {why}")
        return Link(c.id, prev.id, "elaborates", "position: next paragraph") if prev else None
    assert prev is not None
    if c.type in _EVIDENCE and prev.type in _READINGS:
        return Link(c.id, prev.id, "supports", f"a {c.type} after a {prev.type}")
    if c.type in _READINGS and prev.type in _EVIDENCE:
        return Link(prev.id, c.id, "supports", f"a {prev.type} before a {c.type}")
    return Link(c.id, prev.id, "elaborates", "next in the paragraph")
