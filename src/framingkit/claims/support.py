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
from dataclasses import dataclass

from ..document import Article, load_article
from ..errors import InputError
from .model import ClaimMap
from .terms import STOPWORDS, concept_stems, stem, words

#: Verdicts, one table.
VERDICTS: dict[str, str] = {
    "stated": "one body claim says what the headline says (every key term, or its concept)",
    "partly": "the body comes near the headline's claim but never states it in one place",
    "absent": "the body does not say what the headline says",
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
            hits = [ws[s] for s in related if s in ws]
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
    n = len(terms) or 1
    covered = len(closest[0].matched) if closest else 0
    best_exact = sum(1 for m in closest[0].matched if "~" not in m) if closest else 0
    if covered == n and best_exact >= n / 2:
        verdict = "stated"
    elif covered >= n / 2:
        verdict = "partly"
    else:
        verdict = "absent"
    missing = [r.term for r in term_rows if r.status == "absent"]
    near = [
        f"'{r.term}' (only {', '.join(r.related_words[:4])})"
        for r in term_rows
        if r.status == "related"
    ]
    parts = [f"Verdict: {verdict} ({VERDICTS[verdict]})."]
    if near:
        parts.append("The body uses only related words for " + "; ".join(near) + ".")
    if missing:
        parts.append("It never uses: " + ", ".join(f"'{m}'" for m in missing) + ".")
    if closest:
        parts.append(f"Closest claim: {closest[0].id}.")
    return HeadlineSupport(
        head.text,
        head.id,
        tuple(term_rows),
        closest,
        tuple(sorted(supports, key=lambda x: int(x[1:]) if x[1:].isdigit() else 0)),
        verdict,
        " ".join(parts),
    )
