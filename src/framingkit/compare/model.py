"""The one table of change kinds and effects, and the dataclasses a comparison returns.

Docs, views and checks all derive from :data:`KINDS` and :data:`EFFECTS`.

>>> sorted(KINDS)[:3]
['addition', 'move', 'omission']
>>> EFFECTS["stronger"].label
'stronger'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..style import OKABE_ITO


@dataclass(frozen=True)
class Category:
    """One row of a category table: name, text label, description, colour, marker, hatch."""

    name: str
    label: str
    description: str
    colour: str
    marker: str
    hatch: str


def _table(rows: list[tuple[str, str, str, str, str, str]]) -> dict[str, Category]:
    return {r[0]: Category(*r) for r in rows}


#: Kinds of change (what changed), in display order.
KINDS: dict[str, Category] = _table(
    [
        ("wording", "wording", "words replaced by other words", OKABE_ITO["blue"], "o", ""),
        ("addition", "added", "words or sentences only in B", OKABE_ITO["green"], "^", "//"),
        ("omission", "dropped", "words or sentences only in A", OKABE_ITO["vermillion"], "v", ".."),
        (
            "quotation",
            "quoting",
            "quotation marks or scare quotes added or removed, a quotation retold in "
            "indirect speech, or an attribution ('said', 'according to') dropped or added: "
            "the voice moves between the source and the writer",
            OKABE_ITO["purple"],
            "D",
            "xx",
        ),
        (
            "paratext",
            "paratext",
            "headline, byline (author, publisher, news agency), genre label, caption, note, link, "
            "emphasis, date or update changed",
            OKABE_ITO["orange"],
            "s",
            "\\\\",
        ),
        (
            "segmentation",
            "boundaries",
            "sentence or paragraph boundaries moved, merged or split",
            OKABE_ITO["sky"],
            "P",
            "++",
        ),
        (
            "move",
            "moved",
            "a passage that stands elsewhere in the other version",
            OKABE_ITO["black"],
            "X",
            "oo",
        ),
        ("spelling", "spelling", "variant names and spellings", OKABE_ITO["yellow"], "*", "--"),
        (
            "typography",
            "typography",
            "apostrophes, quote styles, dashes, spacing",
            OKABE_ITO["grey"],
            "h",
            "||",
        ),
    ]
)

#: Effects of a change on the framing, in display order. The effect is the FORCE of the
#: wording: how charged or committed B's wording is compared with A's, whoever it helps.
#: Whose case a change helps is its portrayal (:data:`PORTRAYALS`), given separately.
EFFECTS: dict[str, Category] = _table(
    [
        (
            "stronger",
            "stronger",
            "B's wording is more charged or more committed: intensified, evaluated, or less hedged",
            OKABE_ITO["vermillion"],
            "^",
            "//",
        ),
        (
            "weaker",
            "weaker",
            "B's wording is less charged or less committed: softened, hedged, or a detail dropped",
            OKABE_ITO["sky"],
            "v",
            "..",
        ),
        ("shifted", "shifted", "meaning or presupposition changed", OKABE_ITO["orange"], "D", "xx"),
        ("attribution", "voice", "who is speaking changed", OKABE_ITO["purple"], "s", "\\\\"),
        ("neutral", "neutral", "no change to the framing", OKABE_ITO["grey"], "o", ""),
    ]
)

#: How a change moves the portrayal of an actor it concerns (the claims' actors), besides its
#: force effect. ``unchanged`` is for keys and exercises: the kit lists only actual moves.
PORTRAYALS: dict[str, Category] = _table(
    [
        (
            "more positive",
            "more positive",
            "B shows the actor in a better light: a softer word, or a detail against it dropped",
            OKABE_ITO["blue"],
            "^",
            "//",
        ),
        (
            "more negative",
            "more negative",
            "B shows the actor in a worse light: a charged word, a doubt cast on its words, or "
            "a detail in its favour dropped",
            OKABE_ITO["vermillion"],
            "v",
            "..",
        ),
        (
            "unchanged",
            "unchanged",
            "the change does not move how B shows the actor",
            OKABE_ITO["grey"],
            "o",
            "",
        ),
    ]
)


#: The definitions of effect and portrayal, in the words lessons 01 and 05 and the docs use.
EFFECT_DEFINITION = (
    "A change's effect is the force of its wording: how charged or committed B's wording is "
    "compared with A's, whoever it helps."
)
PORTRAYAL_DEFINITION = (
    "A change's portrayal is how it moves the way B shows an actor the change concerns (a "
    "person, group or institution): more negative or more positive, with a reason. A change "
    "can be weaker in force and still portray an actor more negatively: dropping the council's "
    "offer adds no force to B's words, yet shows the council in a worse light."
)


def markdown_table(table: dict[str, Category]) -> str:
    """A Markdown table of a category table (docs/compare.md embeds these; a test checks).

    >>> markdown_table(EFFECTS).splitlines()[-1]
    '| `neutral` | neutral | no change to the framing | grey `#999999`, marker `o` |'
    """
    names = {v: k for k, v in OKABE_ITO.items()}
    rows = ["| name | label | meaning | colour and marker |", "| --- | --- | --- | --- |"]
    for c in table.values():
        rows.append(
            f"| `{c.name}` | {c.label} | {c.description} | "
            f"{names.get(c.colour, '')} `{c.colour}`, marker `{c.marker}` |"
        )
    return "\n".join(rows)


@dataclass(frozen=True)
class Link:
    """Sentences ``a`` of version A aligned to sentences ``b`` of version B.

    ``type`` is ``"1:1"``, ``"2:1"``, ``"1:0"`` ... ; ``score`` is the similarity (0..1);
    ``moved`` is True when the link stands out of order (a moved passage).
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    score: float
    moved: bool = False

    @property
    def type(self) -> str:
        return f"{len(self.a)}:{len(self.b)}"


@dataclass(frozen=True)
class Portrayal:
    """How a change moves the portrayal of one actor: ``direction`` is a key of PORTRAYALS.

    ``reason`` is one sentence ("B portrays the council more negatively: ...").
    """

    actor: str
    direction: str
    reason: str


@dataclass(frozen=True)
class Change:
    """One difference: kind and effect (keys of KINDS and EFFECTS), texts and offsets.

    Offsets index the original texts of A and B (``a.text[a_start:a_end] == a_text``);
    an empty side has ``start == end`` at the place the other side's text would go.
    ``evidence`` lists what the explanation rests on; ``link`` indexes ``Comparison.alignment``.
    ``effect`` is the force of B's wording against A's; ``portrayals`` say, for the actors the
    change concerns, whether B shows them more negatively or more positively (and why).
    """

    kind: str
    effect: str
    a_text: str
    b_text: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    explanation: str
    evidence: tuple[str, ...] = ()
    link: int | None = None
    portrayals: tuple[Portrayal, ...] = ()


@dataclass
class Comparison:
    """The result of :func:`framingkit.compare.compare`."""

    a: Any  # Article
    b: Any  # Article
    alignment: list[Link]
    changes: list[Change]
    paragraphs: list[dict[str, Any]] = field(default_factory=list)
    coverage_a: float = 0.0
    coverage_b: float = 0.0
    note: str | None = None
    hidden: int = 0  # typography-only changes left out (hide_typography=True)

    @property
    def identical(self) -> bool:
        """True when the two texts are the same."""
        return self.a.text == self.b.text

    def filtered(
        self, kinds: list[str] | None = None, effects: list[str] | None = None
    ) -> list[Change]:
        """Changes of the given kinds and effects (``None`` = all).

        >>> from framingkit.compare import compare
        >>> compare("It is bad.", "It is very bad.").filtered(effects=["stronger"])[0].b_text
        'very'
        """
        return [
            c
            for c in self.changes
            if (kinds is None or c.kind in kinds) and (effects is None or c.effect in effects)
        ]

    def summary(self) -> dict[str, Any]:
        """Counts of changes by kind and by effect, and coverage."""
        by_kind = {k: 0 for k in KINDS}
        by_effect = {e: 0 for e in EFFECTS}
        for c in self.changes:
            by_kind[c.kind] += 1
            by_effect[c.effect] += 1
        return {
            "changes": len(self.changes),
            "by_kind": by_kind,
            "by_effect": by_effect,
            "coverage_a": round(self.coverage_a, 3),
            "coverage_b": round(self.coverage_b, 3),
        }

    def _repr_html_(self) -> str:
        """Notebooks show the side-by-side view (see :mod:`framingkit.compare.views`)."""
        from .views import side_by_side

        return side_by_side(self)

    def to_json(self) -> dict[str, Any]:
        """The JSON object ``framingkit compare --json`` prints (see docs/compare.md)."""
        return {
            "a": self.a.source,
            "b": self.b.source,
            "identical": self.identical,
            "note": self.note,
            "hidden_typography": self.hidden,
            "summary": self.summary(),
            "changes": [
                {
                    "kind": c.kind,
                    "effect": c.effect,
                    "a_text": c.a_text,
                    "b_text": c.b_text,
                    "a_start": c.a_start,
                    "a_end": c.a_end,
                    "b_start": c.b_start,
                    "b_end": c.b_end,
                    "explanation": c.explanation,
                    "evidence": list(c.evidence),
                    "link": c.link,
                    "portrayals": [
                        {"actor": p.actor, "direction": p.direction, "reason": p.reason}
                        for p in c.portrayals
                    ],
                }
                for c in self.changes
            ],
            "alignment": [
                {
                    "type": ln.type,
                    "a": list(ln.a),
                    "b": list(ln.b),
                    "a_start": ln.a_start,
                    "a_end": ln.a_end,
                    "b_start": ln.b_start,
                    "b_end": ln.b_end,
                    "score": round(ln.score, 3),
                    "moved": ln.moved,
                }
                for ln in self.alignment
            ],
            "paragraphs": self.paragraphs,
        }
