"""Headline against body: does the body say what the headline says, and where?

For each key term of the headline (content words, with the words that only boost
certainty such as "there for all to see" left out) the body is searched for the
same word family (a light stem) and for words of the same concept group
(``annex`` ~ ``seize``, ``wrest``, ``territorial claims``; groups in
``data/claims/cues.json``). The closest claims are ranked by how many key terms
they cover; the verdict says whether one claim states the headline, the body
only comes near it, or does not say it.

>>> r = headline_support("Council to close the library\\n\\nThe council will close the library.")
>>> r.verdict, [t.term for t in r.terms if t.status == "stated"]
('stated', ['council', 'close', 'library'])
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from ..document import Article, load_article
from ..errors import InputError
from .lexicon import load
from .model import Claim, ClaimMap
from .terms import STOPWORDS, concept_stems, stem, words

#: Verdicts, one table.
VERDICTS: dict[str, str] = {
    "stated": "the body says what the headline says: one claim, or two claims side by side, "
    "cover every key term of its core (the word or its concept)",
    "partly": "the body comes near the headline's claim but never states it, or states it "
    "less certainly",
    "absent": "the body does not say what the headline says",
}
#: Roles of the headline's terms: only core terms decide the verdict.
TERM_ROLES: dict[str, str] = {
    "core": "a content word of the headline's assertion: the body must support it",
    "framing": "an evaluative word framing the headline (spotter or claims' own lists): noted "
    "when the body never uses it, but it is not part of what evidence could support",
    "modifier": "a headline modifier ('new', 'latest', 'major'): noted, it does not decide",
}
#: Term statuses, one table.
TERM_STATUS: dict[str, str] = {
    "stated": "the word (or its family) appears in the body",
    "related": "only words of the same concept appear in the body",
    "absent": "neither the word nor a related one appears in the body",
}


@dataclass(frozen=True)
class TermSupport:
    """How the body covers one key term of the headline."""

    term: str
    status: str
    claims: tuple[str, ...]
    related_words: tuple[str, ...]
    role: str = "core"


@dataclass(frozen=True)
class ClosestClaim:
    """A body claim close to the headline: ``score`` counts covered key terms (related = 0.5)."""

    id: str
    text: str
    score: float
    matched: tuple[str, ...]
    supports_headline: bool


@dataclass(frozen=True)
class HeadlineSupport:
    """The headline's key terms, the closest body claims and a verdict (key of VERDICTS)."""

    headline: str
    headline_id: str | None
    terms: tuple[TermSupport, ...]
    closest: tuple[ClosestClaim, ...]
    supporting: tuple[str, ...]
    verdict: str
    explanation: str
    rule: str = ""


def _key_terms(headline_claim_text: str, skip_spans: list[tuple[int, int]]) -> list[str]:
    text = list(headline_claim_text)
    for s, e in skip_spans:
        for i in range(max(0, s), min(len(text), e)):
            text[i] = " "
    seen: dict[str, str] = {}
    for w in words("".join(text)):
        if w in STOPWORDS or len(w) < 2 or w.isdigit():
            continue
        seen.setdefault(stem(w), w)
    return list(seen.values())


def _roles(head: Claim, terms: list[str]) -> dict[str, str]:
    """The role of each key term (see TERM_ROLES)."""
    framed = {stem(w) for f in head.framing for w in words(f.text)}
    modifiers = frozenset(load("cues")["headline_modifiers"])
    out = {}
    for t in terms:
        if t in modifiers:
            out[t] = "modifier"
        elif stem(t) in framed:
            out[t] = "framing"
        else:
            out[t] = "core"
    return out


def _coverage(ids: list[str], per_claim: dict[str, list[tuple[str, float]]]) -> set[str]:
    return {m.split("~")[0] for cid in ids for m, _ in per_claim[cid]}


@dataclass(frozen=True)
class VerdictRule:
    """A named verdict rule: ``decide(context)`` returns ``(verdict, reason)`` or ``None``."""

    name: str
    explanation: str


#: The verdict rules, tried in order (see :func:`_verdict`).
VERDICT_RULES: tuple[VerdictRule, ...] = (
    VerdictRule("no_core", "a headline with no core term left (only framing) is not checked"),
    VerdictRule(
        "one_claim_states_it",
        "one body claim covers every core term, at least half of them with the same word",
    ),
    VerdictRule(
        "two_claims_state_it",
        "two claims side by side together cover every core term, at least half exactly",
    ),
    VerdictRule(
        "less_certain_in_the_body",
        "the body states it, but hedged (or only as a source's words) while the headline "
        "states it plainly: the headline is more certain than its support",
    ),
    VerdictRule("comes_near", "the closest claim covers at least half of the core terms"),
    VerdictRule("not_said", "otherwise the body does not say it"),
)


def headline_support(
    source: Article | ClaimMap | str | os.PathLike[str], top: int = 3
) -> HeadlineSupport:
    """Compare the headline's claim with the body (see the module docstring)."""
    from .build import claims

    cm = source if isinstance(source, ClaimMap) else claims(load_article(source))
    head = next((c for c in cm.claims if c.position == "headline"), None)
    if head is None:
        raise InputError("This text has no headline, so there is no headline claim to check.")
    body = [c for c in cm.claims if c.position != "headline"]
    skip = [
        (q.start - head.start, q.end - head.start)
        for q in head.cues
        if q.kind in ("proclaim", "entertain")
    ]
    terms = _key_terms(head.text, skip)
    groups = concept_stems()
    body_words = {c.id: {stem(w): w for w in words(c.text)} for c in body}
    supports = {lk.source for lk in cm.links if lk.target == head.id and lk.relation == "supports"}

    term_rows = []
    per_claim: dict[str, list[tuple[str, float]]] = {c.id: [] for c in body}
    for t in terms:
        st = stem(t)
        related = (groups.get(st, frozenset()) | {st}) - {st}
        exact = tuple(cid for cid, ws in body_words.items() if st in ws)
        rel_ids, rel_words = [], []
        for cid, ws in body_words.items():
            hits = [ws[s] for s in sorted(related) if s in ws]  # sorted: the same on every run
            if hits and cid not in exact:
                rel_ids.append(cid)
                rel_words.extend(hits)
        for cid in exact:
            per_claim[cid].append((t, 1.0))
        for cid in rel_ids:
            hits = sorted({body_words[cid][s] for s in related if s in body_words[cid]})
            per_claim[cid].append((f"{t}~{'/'.join(hits)}", 0.5))
        status = "stated" if exact else ("related" if rel_ids else "absent")
        term_rows.append(
            TermSupport(t, status, exact or tuple(rel_ids), tuple(dict.fromkeys(rel_words)))
        )

    ranked = sorted(body, key=lambda c: (-sum(w for _, w in per_claim[c.id]), c.start))
    closest = tuple(
        ClosestClaim(
            c.id,
            c.text,
            sum(w for _, w in per_claim[c.id]),
            tuple(m for m, _ in per_claim[c.id]),
            c.id in supports,
        )
        for c in ranked[:top]
        if per_claim[c.id]
    )
    roles = _roles(head, terms)
    core = [t for t in terms if roles[t] == "core"]
    term_rows = [replace(r, role=roles[r.term]) for r in term_rows]
    verdict, rule, where = _verdict(head, core, ranked, per_claim, body)
    missing = [r.term for r in term_rows if r.status == "absent" and r.role == "core"]
    near = [
        f"'{r.term}' (only {', '.join(r.related_words[:4])})"
        for r in term_rows
        if r.status == "related" and r.role == "core"
    ]
    parts = [f"Verdict: {verdict} ({VERDICTS[verdict]})."]
    if where:
        parts.append(where)
    if near:
        parts.append("The body uses only related words for " + "; ".join(near) + ".")
    if missing:
        parts.append("It never uses: " + ", ".join(f"'{m}'" for m in missing) + ".")
    unbacked = [r.term for r in term_rows if r.role == "framing" and r.status == "absent"]
    if unbacked:
        parts.append(
            "The headline's framing word"
            + ("s " if len(unbacked) > 1 else " ")
            + ", ".join(f"'{m}'" for m in unbacked)
            + " never appear"
            + ("" if len(unbacked) > 1 else "s")
            + " in the body (framing, not part of what the body must support)."
        )
    mods = [r.term for r in term_rows if r.role == "modifier" and r.status == "absent"]
    if mods:
        parts.append(
            "Not in the body: " + ", ".join(f"'{m}'" for m in mods) + " (a headline modifier; "
            "it does not decide the verdict)."
        )
    if closest and not where:
        parts.append(f"Closest claim: {closest[0].id}.")
    return HeadlineSupport(
        head.text,
        head.id,
        tuple(term_rows),
        closest,
        tuple(sorted(supports, key=lambda x: int(x[1:]) if x[1:].isdigit() else 0)),
        verdict,
        " ".join(parts),
        rule,
    )


def _exact(terms: list[str], ids: list[str], per_claim: dict[str, list[tuple[str, float]]]) -> int:
    hits = {m for cid in ids for m, _ in per_claim[cid] if "~" not in m}
    return sum(t in hits for t in terms)


def _verdict(
    head: Claim,
    core: list[str],
    ranked: list[Claim],
    per_claim: dict[str, list[tuple[str, float]]],
    body: list[Claim],
) -> tuple[str, str, str]:
    """``(verdict, rule name, where it is stated)`` by :data:`VERDICT_RULES`."""
    if not core:
        return "absent", "no_core", ""
    n = len(core)
    need = set(core)
    stated_in: list[Claim] = []
    rule = ""
    for c in ranked[:5]:
        if need <= _coverage([c.id], per_claim) and _exact(core, [c.id], per_claim) >= n / 2:
            stated_in, rule = [c], "one_claim_states_it"
            break
    if not stated_in:
        index = {c.id: i for i, c in enumerate(body)}
        for c in ranked[:5]:
            i = index[c.id]
            for other in body[max(0, i - 1) : i] + body[i + 1 : i + 2]:
                ids = [c.id, other.id]
                if need <= _coverage(ids, per_claim) and _exact(core, ids, per_claim) >= n / 2:
                    stated_in, rule = (
                        sorted([c, other], key=lambda x: x.start),
                        "two_claims_state_it",
                    )
                    break
            if stated_in:
                break
    if stated_in:
        ids = " and ".join(c.id for c in stated_in)
        weaker = [c for c in stated_in if c.certainty == "hedged" and head.certainty != "hedged"]
        if weaker:
            return (
                "partly",
                "less_certain_in_the_body",
                f"{ids} state{'s' if len(stated_in) == 1 else ''} it, but hedged "
                f"({', '.join(q.text for c in weaker for q in c.certainty_cues)}), while the "
                "headline states it without a hedge.",
            )
        said = [c for c in stated_in if c.type == "attributed" and head.type != "attributed"]
        note = " (as a source's words: the headline drops the attribution)" if said else ""
        return "stated", rule, f"Stated in {ids}{note}."
    best = _coverage([ranked[0].id], per_claim) if ranked else set()
    if len(need & best) >= n / 2:
        return "partly", "comes_near", ""
    return "absent", "not_said", ""
