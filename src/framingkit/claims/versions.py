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
"'rose' becomes its opposite 'fell': the claim now says the reverse"
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from ..compare.evidence import opposites
from ..document import Article
from ..quotes import SPEECH_CUES
from .lexicon import matcher
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
#: How far (in claims) from the expected place a partner is looked for.
_BAND = 40
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


@lru_cache(maxsize=8192)
def _stem_tuple(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(text))


def _stems(text: str) -> list[str]:
    return list(_stem_tuple(text))


def _aligned_score(a: str, b: str) -> float:
    """:func:`similarity`, with a fast exit when even the upper bound is too low to matter."""
    sa, sb = _stem_tuple(a), _stem_tuple(b)
    if not sa or not sb:
        return 0.0
    sm = difflib.SequenceMatcher(None, sa, sb, autojunk=False)
    if sm.real_quick_ratio() <= 0.25 or sm.quick_ratio() <= 0.25:
        return 0.0  # below every threshold used in align_claims
    return sm.ratio()


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
    """Pairs ``(claim of A, claim of B, similarity)``; ``None`` where a claim has no partner.

    A headline pairs only with the other version's headline (rule ``headline_with_headline``):
    it is never aligned with a body sentence, however many words they share. Body claims are
    aligned by word similarity, preferring to keep the order.
    """
    pairs: list[tuple[Claim | None, Claim | None, float]] = []
    head_a = [c for c in a.claims if c.position == "headline"]
    head_b = [c for c in b.claims if c.position == "headline"]
    if head_a and head_b:
        pairs.append((head_a[0], head_b[0], round(similarity(head_a[0].text, head_b[0].text), 3)))
    else:
        pairs.extend((c, None, 0.0) for c in head_a)
    used_b: set[str] = {c.id for c in head_b}
    last_b = -1
    b_claims = [c for c in b.claims if c.position != "headline"]
    for ia, ca in enumerate(a.claims):
        if ca.position == "headline":
            continue
        best, best_score = None, 0.0
        # a band around where the partner should be keeps long texts linear
        guess = round(ia * len(b_claims) / max(1, len(a.claims)))
        lo = max(0, min(last_b - _BAND, guess - _BAND))
        hi = min(len(b_claims), max(last_b + 2 * _BAND, guess + _BAND))
        for j, cb in enumerate(b_claims[lo:hi], lo):
            score = _aligned_score(ca.text, cb.text)
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
    if not head_a:
        pairs.extend((None, cb, 0.0) for cb in head_b)
    pairs.extend((None, cb, 0.0) for cb in b_claims if cb.id not in used_b)
    return pairs


def _quoted(c: Claim) -> list[str]:
    return [q.text for q in c.cues if q.kind == "quotation"]


def _certainty_words(c: Claim) -> set[str]:
    return {q.text.lower() for q in c.cues if q.kind in ("entertain", "proclaim")}


_NAME_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:\s+(?:of\s+|the\s+)*[A-Z][\w'’-]*)*")


def _names(text: str) -> list[str]:
    """Capitalised name runs of a claim (not its first word), possessives stripped."""
    out = []
    for m in _NAME_RUN.finditer(text):
        if m.start() == 0 or re.search(r"[.!?:\"“]\s*$", text[: m.start()]):
            words = m.group().split()
            if len(words) == 1:
                continue
            name = " ".join(words[1:]) if words[0].lower() in STOPWORDS else m.group()
        else:
            name = m.group()
        out.append(re.sub(r"['’]s$", "", name))
    return out


def same_name(x: str, y: str) -> bool:
    """Two forms of one name: one contains the other ("Great Britain", "Britain"), the same
    stem ("Ukraine", "Ukrainian") or a spelling variant ("Tsarist", "czarist").

    >>> same_name("Great Britain", "Britain"), same_name("Ukraine", "Ukrainian")
    (True, True)
    >>> same_name("Taiwan", "Hong Kong")
    False
    """
    a, b = x.lower().strip(), y.lower().strip()
    if not a or not b:
        return False
    if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    if len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5]:
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.7


def _has_partner(name: str, others: list[str]) -> bool:
    return any(same_name(name, o) for o in others)


def _meaning_words(w: str, first: bool = False) -> str | None:
    """Why a replaced word carries meaning, or ``None`` (``first``: it opens the claim)."""
    w = w.strip(".,;:!?\"'()[]*#_\u201c\u201d\u2018\u2019")
    low = w.lower()
    if any(ch.isdigit() for ch in low):
        return "number"
    if low in _NEGATIONS:
        return "negation"
    if w[:1].isupper() and not first:
        return "name"
    return None


def _lex(word: str) -> tuple[str | None, str | None, int]:
    """Category, polarity, intensity of a word in the spotter's lexicon; claims' own
    evaluative list as a fallback (intensity 2)."""
    try:
        from ..spot.lexicon import lookup
    except ImportError:
        lookup = None  # type: ignore[assignment]
    e = lookup(word.lower()) if lookup and word.strip() else None
    if e:
        return (e.category, e.polarity, e.intensity)
    if word and matcher("evaluative").fullmatch(word.lower()):
        return ("attitude", None, 2)
    return (None, None, 0)


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


#: Plain-words templates for what changed inside an aligned pair (one table; the views and
#: ``key draft`` show these sentences). ``{a}``/``{b}`` are the words in A and in B.
EDIT_TEMPLATES: dict[str, dict[str, str]] = {
    "number": {
        "replaced": "the figure or date changes: '{a}' becomes '{b}'",
        "dropped": "B leaves out '{a}': the claim no longer says when, how much or how many",
        "added": "B adds '{b}': a figure or date the first version did not give",
    },
    "name": {
        "replaced": "another name: '{a}' becomes '{b}', so the claim is about someone or "
        "somewhere else",
        "dropped": "B leaves out '{a}': the claim no longer says who or where",
        "added": "B adds the name '{b}'",
    },
    "negation": {
        "replaced": "a negation changes: '{a}' becomes '{b}'",
        "dropped": "B drops the negation '{a}': check whether the claim now says the opposite",
        "added": "B adds the negation '{b}': check whether the claim now denies what A said",
    },
    "opposite": {"replaced": "'{a}' becomes its opposite '{b}': the claim now says the reverse"},
    "verb": {"replaced": "another verb: '{a}' becomes '{b}', a different action or event"},
    "evaluative": {
        "replaced": "the judging word changes: '{a}' becomes '{b}' ({how})",
        "dropped": "B drops the judging word '{a}' ({how})",
        "added": "B adds the judging word '{b}' ({how})",
    },
}


def _strength(words: str) -> tuple[str | None, str | None, int]:
    """Category, polarity and intensity of the strongest spotter-lexicon word in ``words``."""
    best: tuple[str | None, str | None, int] = (None, None, 0)
    for t in words.split():
        e = _lex(t.strip('.,;:"“”‘’'))
        if e[0] and e[2] >= best[2]:
            best = e
    return best


def _how(a_words: str, b_words: str) -> str:
    """Plain words for how an evaluative change moves: milder, stronger, other polarity."""
    ca, pa, ia = _strength(a_words)
    cb, pb, ib = _strength(b_words)
    if ca and not cb:
        return "the second version's wording is plainer"
    if cb and not ca:
        return "the second version's wording is more charged"
    if pa and pb and pa != pb:
        return f"from {pa} to {pb}"
    if ia > ib:
        return "milder in the second version"
    if ib > ia:
        return "stronger in the second version"
    return "a different word of about the same strength"


def _certainty_sentence(ca: Claim, cb: Claim) -> str:
    lost = [q.text for q in ca.certainty_cues if q.text.lower() not in _certainty_words(cb)]
    new = [q.text for q in cb.certainty_cues if q.text.lower() not in _certainty_words(ca)]
    what = {
        "hedged": "now leaves room for doubt",
        "plain": "is now stated without a hedge or booster",
        "boosted": "is now presented as beyond doubt",
    }
    bits = []
    if lost:
        bits.append("B drops " + ", ".join(f"'{w}'" for w in lost))
    if new:
        bits.append("B adds " + ", ".join(f"'{w}'" for w in new))
    how = " and ".join(bits) or "the certainty cues change"
    return (
        f"how sure the writer sounds (Toulmin's qualifier) changes: {how}, so the claim "
        f"{what[cb.certainty]} (it was {ca.certainty}, now {cb.certainty})"
    )


def _type_sentence(ca: Claim, cb: Claim) -> str:
    short = {
        "fact": "a checkable statement",
        "attributed": "what a source said",
        "interpretation": "the writer's reading of motives or meaning",
        "judgement": "the writer's own evaluation",
        "prediction": "a statement about the future",
    }
    core = ""
    if ca.core_type and ca.core_type == cb.core_type and ca.core_type in (ca.type, cb.type):
        core = f"; its core assertion stays {ca.core_type}: only the framing around it changed"
    elif ca.core_type and ca.core_type == cb.core_type:
        core = f"; its core assertion stays {ca.core_type}"
    return (
        f"the kind of claim changes: {ca.type} in A ({short[ca.type]}), {cb.type} in B "
        f"({short[cb.type]}){core}"
    )


def _compare_pair(ca: Claim, cb: Claim, sim: float) -> ClaimChange:
    changes: list[str] = []
    why: list[str] = []
    qa, qb = _quoted(ca), _quoted(cb)
    if qa and not qb:
        changes.append("attribution")
        lost = "; ".join(f"\u201c{q.strip(chr(0x201C) + chr(0x201D) + chr(34))}\u201d" for q in qa)
        why.append(f"{lost} lost its quotation marks: the words now read as the writer's own")
    elif qb and not qa:
        changes.append("attribution")
        why.append("B puts words in quotation marks: they now read as a source's, not the writer's")
    if ca.certainty != cb.certainty:
        changes.append("certainty")
        why.append(_certainty_sentence(ca, cb))
    if ca.type != cb.type:
        changes.append("type")
        why.append(_type_sentence(ca, cb))
    replaced5 = _replaced(ca.text, cb.text)
    replaced = [(x, y) for x, y, *_ in replaced5]
    meaning: list[str] = []
    reworded: list[str] = []
    cert_a, cert_b = _certainty_words(ca), _certainty_words(cb)
    names_a, names_b = _names(ca.text), _names(cb.text)
    words_a = [w.strip('.,;:"“”‘’()') for w in ca.text.split()]
    words_b = [w.strip('.,;:"“”‘’()') for w in cb.text.split()]
    for x, y, at_start, before_a, before_b in replaced5:
        shape = "replaced" if x and y else ("dropped" if x else "added")
        if (x.lower().strip(" ,.") in cert_a | {""}) and (y.lower().strip(" ,.") in cert_b | {""}):
            continue  # a certainty word only: said in the certainty sentence
        found = _stretch_edits(
            x, y, shape, at_start, before_a, before_b, names_a + words_a, names_b + words_b
        )
        if found:
            meaning.extend(found)
        else:
            reworded.append(_plain_reword(x, y))
    if meaning:
        changes.append("meaning")
        why.extend(meaning[:4])
    elif reworded and not changes:
        changes.append("reworded")
        why.append("; ".join(reworded[:4]))
    explanation = "; ".join(why)
    return ClaimChange(
        ca.id, cb.id, ca.text, cb.text, sim, tuple(changes), tuple(replaced), _capital(explanation)
    )


def _stretch_edits(
    x: str,
    y: str,
    shape: str,
    at_start: bool,
    before_a: str,
    before_b: str,
    other_a: list[str],
    other_b: list[str],
) -> list[str]:
    """Plain sentences for one replaced stretch (A's words ``x``, B's ``y``); [] = rewording."""
    out: list[str] = []
    kinds = {_meaning_words(t, at_start and k == 0) for k, t in enumerate(x.split())}
    kinds |= {_meaning_words(t, at_start and k == 0) for k, t in enumerate(y.split())}
    if "number" in kinds:
        nums_x = " ".join(t for t in x.split() if any(ch.isdigit() for ch in t))
        nums_y = " ".join(t for t in y.split() if any(ch.isdigit() for ch in t))
        sub = "replaced" if nums_x and nums_y else ("dropped" if nums_x else "added")
        out.append(EDIT_TEMPLATES["number"][sub].format(a=_trim(x), b=_trim(y)))
    if "negation" in kinds and _negations(x) != _negations(y):
        out.append(EDIT_TEMPLATES["negation"][shape].format(a=_trim(x), b=_trim(y)))
    if "name" in kinds and "number" not in kinds:
        gone = [n for n in _names(x) if not _has_partner(n, other_b)]
        new = [n for n in _names(y) if not _has_partner(n, other_a)]
        sub = "replaced" if gone and new else ("dropped" if gone else "added")
        if gone or new:
            out.append(EDIT_TEMPLATES["name"][sub].format(a=", ".join(gone), b=", ".join(new)))
    if opposites([_bare(t) for t in x.split()], [_bare(t) for t in y.split()]):
        out.append(EDIT_TEMPLATES["opposite"]["replaced"].format(a=_trim(x), b=_trim(y)))
    elif _verb_swap(x, y, before_a, before_b):
        out.append(EDIT_TEMPLATES["verb"]["replaced"].format(a=_trim(x), b=_trim(y)))
    else:
        la = {e for e in (_lex(t) for t in _common_words(x, at_start)) if e[0]}
        lb = {e for e in (_lex(t) for t in _common_words(y, at_start)) if e[0]}
        if la != lb and (la or lb):
            out.append(
                EDIT_TEMPLATES["evaluative"][shape].format(a=_trim(x), b=_trim(y), how=_how(x, y))
            )
    return out


def _common_words(stretch: str, at_start: bool) -> list[str]:
    """The words of a stretch that are not parts of names ("Great" in "Great Britain")."""
    out = []
    for k, t in enumerate(stretch.split()):
        t = t.strip('.,;:"“”‘’()')
        if t[:1].isupper() and not (at_start and k == 0):
            continue
        out.append(t)
    return out


def _negations(stretch: str) -> int:
    """How many negations a stretch has ("haven't" and "have not" count one each)."""
    low = stretch.lower().replace("’", "'")
    return len(re.findall(r"n't\b", low)) + sum(
        _bare(w) in _NEGATIONS for w in low.split() if not w.endswith("n't")
    )


def _trim(s: str, n: int = 60) -> str:
    s = " ".join(s.strip(" ,;:–-").split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _plain_reword(x: str, y: str) -> str:
    if x and y:
        return f"'{_trim(x)}' becomes '{_trim(y)}'"
    return f"B leaves out '{_trim(x)}'" if x else f"B adds '{_trim(y)}'"


def _capital(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


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
