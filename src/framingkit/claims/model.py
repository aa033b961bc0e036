"""The claim map's data: the one table of claim types, certainty levels and link relations,
and the dataclasses every other claims module fills in or renders.

>>> sorted(CLAIM_TYPES)
['attributed', 'fact', 'interpretation', 'judgement', 'prediction']
>>> Link("c1", "c2", "supports").relation
'supports'
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

#: The one table of claim types: what each is, for students and for the docs.
CLAIM_TYPES: dict[str, str] = {
    "fact": "a checkable statement about events, numbers, dates, history or geography",
    "attributed": "what a named source said, wants or plans: quotations and reported speech",
    "interpretation": "the writer's reading of motives, meaning or causes",
    "judgement": "a value or moral evaluation: good or bad, right or wrong, should or must",
    "prediction": "a future or conditional outcome",
}
#: The one table of certainty levels: Toulmin's *qualifier* (how strongly the writer commits to
#: the claim), read from epistemic cues only (entertain / proclaim; force words never count).
CERTAINTY: dict[str, str] = {
    "hedged": "the writer leaves room for doubt (entertain: may, perhaps, seems, likely ...)",
    "plain": "stated without an epistemic hedge or booster",
    "boosted": "the writer presents the claim as beyond doubt (proclaim: clearly, undoubtedly, "
    "for all to see ...)",
}
#: Cue kinds that decide the certainty (the appraisal table's names).
CERTAINTY_CUE_KINDS = ("entertain", "proclaim")
#: The one table of link relations: ``source`` <relation> ``target``.
RELATIONS: dict[str, str] = {
    "supports": "the source gives a reason or evidence for the target",
    "elaborates": "the source adds detail to, or continues, the target",
    "contrasts": "the source sets something against the target (but, however, yet ...)",
    "exemplifies": "the source is an example or instance of the target",
}
#: Where a claim sits in the article (the paragraph role, plus ``closing`` for the last paragraph).
POSITIONS: dict[str, str] = {
    "headline": "the headline",
    "standfirst": "the summary under the headline",
    "lead": "the first sentence of a text with no headline or standfirst",
    "body": "the running text",
    "closing": "the last paragraph (or the last sentence of a text in one block)",
}
#: Positions whose claims state the thesis.
THESIS_POSITIONS = frozenset({"headline", "standfirst", "lead", "closing"})
#: Kinds of actor mentions: how a name stands for its actor.
MENTION_KINDS: dict[str, str] = {
    "name": "the actor's own name (China, Xi Jinping)",
    "capital": "a capital standing for its government (Beijing for China)",
    "seat": "a seat of power standing for its government (the Kremlin for Russia)",
    "leader": "a leader's name standing for the state (Putin for Russia)",
    "demonym": "a people's adjective or plural (the Chinese, Russian)",
    "other": "a proper name not in the gazetteer",
}


@dataclass(frozen=True)
class Cue:
    """A word or phrase that decided a label: ``kind`` says what it signals (e.g. ``hedge``)."""

    start: int
    end: int
    text: str
    kind: str
    source: str = "claims"


@dataclass(frozen=True)
class Mention:
    """One mention of an actor in the text: ``kind`` is a key of :data:`MENTION_KINDS`."""

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True)
class Actor:
    """An actor with its mentions grouped (``Beijing``, ``Xi`` and ``China`` -> ``China``)."""

    name: str
    kind: str
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Detail:
    """A checkable detail: a quantity, a date or a place, with offsets into the text."""

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True)
class FramingWord:
    """An evaluative word or phrase that frames a claim's core (offsets into the article).

    ``category`` is the appraisal category the spotter gave it (or ``attitude``/``force`` from
    claims' own lists); ``why`` says what it does.
    """

    start: int
    end: int
    text: str
    category: str
    why: str = ""
    source: str = "spot"


@dataclass(frozen=True)
class Claim:
    """One claim (a sentence or clause) with its type, certainty and checkable details.

    ``type`` is a key of :data:`CLAIM_TYPES`, ``certainty`` of :data:`CERTAINTY`;
    ``cues`` are the words that decided them; ``actors`` are actor names (see
    :attr:`ClaimMap.actors`); ``quantities``, ``dates`` and ``places`` are the
    details' texts (``details`` keeps their offsets). ``check_hint`` names the
    kind of source that would settle the claim's checkable core.

    ``core_type`` is the type of the core assertion once the framing words are set aside
    (``fact`` = what evidence could prove or disprove); ``framing`` lists those words.
    ``type`` reads the sentence as a whole: "Chinese gangsters have been smuggling precious
    resources" is a ``judgement`` as written, its core a ``fact``.
    """

    id: str
    start: int
    end: int
    text: str
    type: str
    certainty: str
    cues: tuple[Cue, ...] = ()
    actors: tuple[str, ...] = ()
    quantities: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    check_hint: str | None = None
    position: str = "body"
    paragraph: int = 0
    sentence: int = 0
    scores: dict[str, float] = field(default_factory=dict)
    details: tuple[Detail, ...] = ()
    marker: str | None = None
    core_type: str = ""
    framing: tuple[FramingWord, ...] = ()

    @property
    def checkable(self) -> bool:
        """True when the core assertion is one evidence could prove or disprove."""
        return (self.core_type or self.type) in ("fact", "attributed")

    @property
    def type_cues(self) -> list[Cue]:
        """Cues that decided the type (not the certainty)."""
        return [c for c in self.cues if c.kind not in CERTAINTY_CUE_KINDS]

    @property
    def certainty_cues(self) -> list[Cue]:
        """Cues that decided the certainty."""
        return [c for c in self.cues if c.kind in CERTAINTY_CUE_KINDS]

    @property
    def is_thesis(self) -> bool:
        """True for claims in the headline, standfirst or closing paragraph."""
        return self.position in THESIS_POSITIONS


@dataclass(frozen=True)
class Link:
    """``source`` <relation> ``target`` between claim ids; ``relation`` is a key of RELATIONS.

    ``basis`` says why it was drafted (a discourse marker, position) or ``"edited"``.
    """

    source: str
    target: str
    relation: str
    basis: str = "edited"

    def __post_init__(self) -> None:
        if self.relation not in RELATIONS:
            from ..errors import InputError

            raise InputError(
                f"'{self.relation}' is not a link relation; use one of {', '.join(RELATIONS)}."
            )

    @property
    def key(self) -> tuple[str, str, str]:
        """``(source, target, relation)``, the form students type."""
        return (self.source, self.target, self.relation)


@dataclass(frozen=True)
class ClaimMap:
    """The claims of one article, the links between them and the actors they name.

    Edit it without touching the original (it is frozen)::

        cm2 = cm.with_link("c3", "c1", "supports").without_link("c4", "c1")
    """

    claims: tuple[Claim, ...]
    links: tuple[Link, ...] = ()
    actors: tuple[Actor, ...] = ()
    source: str = "<text>"
    text: str = ""
    language_note: str | None = None
    note: str | None = None

    def claim(self, claim_id: str) -> Claim:
        """The claim with id ``claim_id`` (``InputError`` if there is none)."""
        for c in self.claims:
            if c.id == claim_id:
                return c
        from ..errors import InputError

        raise InputError(f"There is no claim '{claim_id}' in this map.")

    @property
    def thesis(self) -> list[Claim]:
        """Claims in the headline, standfirst and closing paragraph."""
        return [c for c in self.claims if c.is_thesis]

    def with_link(self, source: str, target: str, relation: str) -> ClaimMap:
        """A copy with the link added (replacing any link between the same two claims)."""
        self.claim(source), self.claim(target)
        kept = tuple(lk for lk in self.links if (lk.source, lk.target) != (source, target))
        return replace(self, links=(*kept, Link(source, target, relation, "edited")))

    def without_link(self, source: str, target: str, relation: str | None = None) -> ClaimMap:
        """A copy without the link(s) from ``source`` to ``target`` (of ``relation`` if given)."""
        kept = tuple(
            lk
            for lk in self.links
            if not (
                lk.source == source
                and lk.target == target
                and (relation is None or lk.relation == relation)
            )
        )
        return replace(self, links=kept)

    def with_links(self, links: list[tuple[str, str, str]] | list[Link]) -> ClaimMap:
        """A copy whose links are exactly ``links`` (``(source, target, relation)`` triples)."""
        out = []
        for lk in links:
            if isinstance(lk, Link):
                out.append(lk)
            else:
                s, t, r = lk
                self.claim(s), self.claim(t)
                out.append(Link(s, t, r, "edited"))
        return replace(self, links=tuple(out))

    def with_type(self, claim_id: str, claim_type: str) -> ClaimMap:
        """A copy with one claim's type changed (a student's or instructor's correction)."""
        if claim_type not in CLAIM_TYPES:
            from ..errors import InputError

            raise InputError(
                f"'{claim_type}' is not a claim type; use one of {', '.join(CLAIM_TYPES)}."
            )
        claims = tuple(replace(c, type=claim_type) if c.id == claim_id else c for c in self.claims)
        self.claim(claim_id)
        return replace(self, claims=claims)

    def to_json(self) -> dict[str, object]:
        """The JSON object of ``framingkit claims --json`` (fields in docs/claims.md)."""
        return {
            "source": self.source,
            "language_note": self.language_note,
            "note": self.note,
            "claims": [
                {
                    "id": c.id,
                    "start": c.start,
                    "end": c.end,
                    "text": c.text,
                    "type": c.type,
                    "certainty": c.certainty,
                    "cues": [
                        {"start": q.start, "end": q.end, "text": q.text, "kind": q.kind}
                        for q in c.cues
                    ],
                    "core": {
                        "type": c.core_type or c.type,
                        "checkable": c.checkable,
                        "check_hint": c.check_hint,
                    },
                    "framing": [
                        {
                            "start": f.start,
                            "end": f.end,
                            "text": f.text,
                            "category": f.category,
                            "why": f.why,
                        }
                        for f in c.framing
                    ],
                    "actors": list(c.actors),
                    "quantities": list(c.quantities),
                    "dates": list(c.dates),
                    "places": list(c.places),
                    "check_hint": c.check_hint,
                    "position": c.position,
                    "paragraph": c.paragraph,
                }
                for c in self.claims
            ],
            "links": [
                {
                    "source": lk.source,
                    "target": lk.target,
                    "relation": lk.relation,
                    "basis": lk.basis,
                }
                for lk in self.links
            ],
            "actors": [
                {
                    "name": a.name,
                    "kind": a.kind,
                    "mentions": [
                        {"text": m.text, "kind": m.kind, "start": m.start} for m in a.mentions
                    ],
                }
                for a in self.actors
            ],
        }
