"""Claims compared across two versions of a text.

Claims of version A are aligned with claims of version B by word similarity
(a light alignment of our own: stems compared with :mod:`difflib`; a claim of
one version may match a merged or split claim of the other). Each aligned pair
is then checked for the changes in :data:`CLAIM_CHANGES`.

>>> a = 'Putin called it "the deal of the century". Prices will certainly rise.'
>>> b = 'Putin called it the deal of the century. Prices may rise.'
>>> [sorted(p.changes) for p in compare_claims(a, b).pairs]
[['attribution'], ['certainty', 'meaning']]
>>> compare_claims("Bus use rose by 6%.", "Bus use fell by 6%.").pairs[0].explanation
"'rose' -> 'fell' (its opposite: the claim now says the reverse)"
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass

from ..compare.evidence import opposites
from ..document import Article
from ..quotes import SPEECH_CUES
from .model import Claim, ClaimMap
from .terms import STOPWORDS, stem, words

#: The one table of claim changes between versions.
CLAIM_CHANGES: dict[str, str] = {
    "certainty": "the claim became more hedged or more boosted",
    "attribution": "quoted words lost (or gained) their quotation marks or their speaker: "
    "they now read as the writer's own (or as someone else's)",
    "type": "the kind of claim changed (e.g. attributed -> judgement)",
    "meaning": "a word that carries meaning changed: a number, date, place, negation, a word "
    "for its opposite (rose -> fell), one verb for another (reconsidered -> costed), an "
    "evaluative word of another strength or polarity, or a certainty word",
    "reworded": "other words changed; the claim says much the same",
    "dropped": "the claim is not in the second version",
    "added": "the claim is new in the second version",
}
_MATCH_THRESHOLD = 0.45
_NEGATIONS = frozenset(
    ["not", "no", "never", "n't", "none", "nothing", "neither", "nor", "without"]
)
#: Words after which the next word is a verb in its base form: modals, "to", "do".
_BASE_BEFORE = frozenset(
    [
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "to",
        "do",
        "does",
        "did",
        "also",
        "never",
    ]
)
#: Forms of "be" and "have": the next word is a verb only in a participle form (else an
#: adjective or noun: "is essential").
_AUX_BEFORE = frozenset(
    ["be", "been", "being", "is", "are", "was", "were", "am", "has", "have", "had", "having"]
)
#: Irregular past forms and participles (regular ones end in "-ed").
_IRREGULAR_PAST = frozenset(
    [
        "rose",
        "risen",
        "fell",
        "fallen",
        "grew",
        "grown",
        "shrank",
        "shrunk",
        "won",
        "lost",
        "began",
        "begun",
        "went",
        "gone",
        "came",
        "took",
        "taken",
        "gave",
        "given",
        "made",
        "rang",
        "rung",
        "ran",
        "sold",
        "bought",
        "broke",
        "broken",
        "built",
        "caught",
        "chose",
        "chosen",
        "drew",
        "drawn",
        "drove",
        "driven",
        "fled",
        "fought",
        "froze",
        "frozen",
        "hid",
        "hidden",
        "kept",
        "led",
        "met",
        "paid",
        "rode",
        "ridden",
        "saw",
        "seen",
        "sent",
        "sank",
        "sunk",
        "sat",
        "slid",
        "spent",
        "stole",
        "stolen",
        "struck",
        "swore",
        "sworn",
        "swept",
        "swung",
        "threw",
        "thrown",
        "told",
        "wrote",
        "written",
        "spoke",
        "spoken",
        "knew",
        "known",
        "showed",
        "shown",
        "done",
        "held",
        "brought",
        "thought",
        "taught",
        "sought",
    ]
)


@dataclass(frozen=True)
class ClaimChange:
    """An aligned pair (or a dropped/added claim) and what changed (keys of CLAIM_CHANGES)."""

    a_id: str | None
    b_id: str | None
    a_text: str
    b_text: str
    similarity: float
    changes: tuple[str, ...]
    replaced: tuple[tuple[str, str], ...]
    explanation: str


@dataclass(frozen=True)
class ClaimComparison:
    """Both claim maps and the pairs, in the order of version A (added claims last)."""

    a: ClaimMap
    b: ClaimMap
    pairs: tuple[ClaimChange, ...]

    def of_kind(self, kind: str) -> list[ClaimChange]:
        """The pairs with change ``kind``."""
        return [p for p in self.pairs if kind in p.changes]


def _stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def similarity(a: str, b: str) -> float:
    """Word-stem similarity of two claims, 0..1.

    >>> round(similarity("It is not good news.", "This is not good news."), 2)
    0.8
    """
    sa, sb = _stems(a), _stems(b)
    if not sa or not sb:
        return 0.0
    return difflib.SequenceMatcher(None, sa, sb, autojunk=False).ratio()


def _containment(a: str, b: str) -> float:
    """How much of the shorter claim's content is in the longer one (for 2:1 matches)."""
    sa = {s for s in _stems(a) if s not in STOPWORDS}
    sb = {s for s in _stems(b) if s not in STOPWORDS}
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def align_claims(a: ClaimMap, b: ClaimMap) -> list[tuple[Claim | None, Claim | None, float]]:
    """Pairs ``(claim of A, claim of B, similarity)``; ``None`` where a claim has no partner."""
    pairs: list[tuple[Claim | None, Claim | None, float]] = []
    used_b: set[str] = set()
    last_b = -1
    b_claims = list(b.claims)
    for ca in a.claims:
        best, best_score = None, 0.0
        for j, cb in enumerate(b_claims):
            score = similarity(ca.text, cb.text)
            if score < _MATCH_THRESHOLD:
                score = max(score, 0.9 * _containment(ca.text, cb.text) if score > 0.25 else 0)
            score -= 0.02 * max(0, last_b - j)  # prefer keeping the order
            if score > best_score:
                best, best_score = (j, cb), score
        if best and best_score >= _MATCH_THRESHOLD:
            last_b = best[0]
            used_b.add(best[1].id)
            pairs.append((ca, best[1], round(best_score, 3)))
        else:
            pairs.append((ca, None, 0.0))
    pairs.extend((None, cb, 0.0) for cb in b_claims if cb.id not in used_b)
    return pairs


def _quoted(c: Claim) -> list[str]:
    return [q.text for q in c.cues if q.kind == "quotation"]


def _certainty_words(c: Claim) -> set[str]:
    return {q.text.lower() for q in c.cues if q.kind in ("entertain", "proclaim")}


def _meaning_words(w: str, first: bool = False) -> str | None:
    """Why a replaced word carries meaning, or ``None`` (``first``: it opens the claim)."""
    w = w.strip(".,;:!?\"'()[]*#_\u201c\u201d\u2018\u2019")
    low = w.lower()
    if any(ch.isdigit() for ch in low):
        return "a number"
    if low in _NEGATIONS:
        return "a negation"
    if w[:1].isupper() and not first:
        return "a name"
    return None


def _lex(word: str) -> tuple[str | None, str | None, int]:
    try:
        from ..spot.lexicon import lookup
    except ImportError:
        return (None, None, 0)
    e = lookup(word.lower())
    return (e.category, e.polarity, e.intensity) if e else (None, None, 0)


def _bare(w: str) -> str:
    return re.sub(r"[^\w'’-]", "", w).lower()


def _replaced(a: str, b: str) -> list[tuple[str, str, bool, str, str]]:
    """Replaced stretches ``(a words, b words, at the start, word before in A, in B)``."""
    wa = [w for w in a.replace("\u201c", " ").replace("\u201d", " ").split()]
    wb = [w for w in b.replace("\u201c", " ").replace("\u201d", " ").split()]
    na = [stem(_bare(w)) for w in wa]
    nb = [stem(_bare(w)) for w in wb]
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, na, nb, autojunk=False).get_opcodes():
        if op != "equal" and [s for s in na[i1:i2] if s] != [s for s in nb[j1:j2] if s]:
            before_a = _bare(wa[i1 - 1]) if i1 else ""
            before_b = _bare(wb[j1 - 1]) if j1 else ""
            out.append((" ".join(wa[i1:i2]), " ".join(wb[j1:j2]), i1 == 0, before_a, before_b))
    return out


def _verb_like(word: str, before: str) -> bool:
    """A content verb, judged from its form and the word before it (no tagger): a past form
    ("costed", "rose") or a word after an auxiliary, modal or "to" ("will be reconsidered")."""
    w = _bare(word)
    if not w.isalpha() or w in STOPWORDS or w in _NEGATIONS:
        return False
    participle = w in _IRREGULAR_PAST or (
        len(w) > 4 and ((w.endswith("ed") and not w.endswith("eed")) or w.endswith("ing"))
    )
    if before in _BASE_BEFORE:
        return True
    return participle and (before in _AUX_BEFORE or not w.endswith("ing"))


def _verb_swap(x: str, y: str, before_a: str, before_b: str) -> bool:
    """One content verb replaced by a different one (not one reporting verb for another)."""
    if len(x.split()) != 1 or len(y.split()) != 1:
        return False
    wa, wb = _bare(x), _bare(y)
    if stem(wa) == stem(wb) or (wa in SPEECH_CUES and wb in SPEECH_CUES):
        return False
    return _verb_like(wa, before_a) and _verb_like(wb, before_b)


def _compare_pair(ca: Claim, cb: Claim, sim: float) -> ClaimChange:
    changes: list[str] = []
    why: list[str] = []
    if ca.certainty != cb.certainty:
        changes.append("certainty")
        why.append(f"certainty {ca.certainty} -> {cb.certainty}")
    qa, qb = _quoted(ca), _quoted(cb)
    if qa and not qb:
        changes.append("attribution")
        lost = "; ".join(f"\u201c{q.strip(chr(0x201C) + chr(0x201D) + chr(34))}\u201d" for q in qa)
        why.append(f"{lost} lost its quotation marks: the words now read as the writer's own")
    elif qb and not qa:
        changes.append("attribution")
        why.append("quotation marks were added")
    if ca.type != cb.type:
        changes.append("type")
        why.append(f"type {ca.type} -> {cb.type}")
    replaced5 = _replaced(ca.text, cb.text)
    replaced = [(x, y) for x, y, *_ in replaced5]
    meaning = []
    cert_a, cert_b = _certainty_words(ca), _certainty_words(cb)
    for x, y, at_start, before_a, before_b in replaced5:
        for w_a, w_b in [(x, y)]:
            if (w_a.lower().strip(" ,.") in cert_a) and (w_b.lower().strip(" ,.") in cert_b):
                continue  # one certainty word for another ("undoubtedly" -> "no doubt")
            ka = [_meaning_words(t, at_start and k == 0) for k, t in enumerate(w_a.split())]
            ka += [_meaning_words(t, at_start and k == 0) for k, t in enumerate(w_b.split())]
            reason = next((k for k in ka if k), None)
            if reason:
                meaning.append(f"'{w_a}' -> '{w_b}' ({reason})")
                continue
            if opposites([_bare(t) for t in w_a.split()], [_bare(t) for t in w_b.split()]):
                meaning.append(f"'{w_a}' -> '{w_b}' (its opposite: the claim now says the reverse)")
                continue
            if _verb_swap(w_a, w_b, before_a, before_b):
                meaning.append(f"'{w_a}' -> '{w_b}' (another verb: a different action or event)")
                continue
            la = [_lex(t.strip(".,;:")) for t in w_a.split()]
            lb = [_lex(t.strip(".,;:")) for t in w_b.split()]
            sa = {(c, p, i) for c, p, i in la if c}
            sb = {(c, p, i) for c, p, i in lb if c}
            if sa != sb and (sa or sb):
                meaning.append(f"'{w_a}' -> '{w_b}' (evaluative or certainty word of another kind)")
    if cert_a != cert_b and "certainty" in changes:
        meaning.append("certainty words changed")
    if meaning:
        changes.append("meaning")
        why.extend(meaning[:4])
    elif replaced and not changes:
        changes.append("reworded")
        why.append("; ".join(f"'{x}' -> '{y}'" for x, y in replaced[:4]))
    return ClaimChange(
        ca.id, cb.id, ca.text, cb.text, sim, tuple(changes), tuple(replaced), "; ".join(why)
    )


def compare_claims(
    a: Article | ClaimMap | str | os.PathLike[str],
    b: Article | ClaimMap | str | os.PathLike[str],
) -> ClaimComparison:
    """Align the claims of two versions and say which changed certainty, attribution or meaning."""
    from .build import claims

    ma = a if isinstance(a, ClaimMap) else claims(a)
    mb = b if isinstance(b, ClaimMap) else claims(b)
    out = []
    for ca, cb, sim in align_claims(ma, mb):
        if ca and cb:
            out.append(_compare_pair(ca, cb, sim))
        elif ca:
            out.append(ClaimChange(ca.id, None, ca.text, "", 0.0, ("dropped",), (), "no match"))
        elif cb:
            out.append(ClaimChange(None, cb.id, "", cb.text, 0.0, ("added",), (), "no match"))
    return ClaimComparison(ma, mb, tuple(out))
