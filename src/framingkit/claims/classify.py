"""Claim type and certainty from cue words, with the cues that decided them.

Each type gets a score from its cues (see ``data/claims/cues.json``); the highest
wins, ties going to the earlier type in the order attributed, prediction,
judgement, interpretation, fact. ``fact`` has a base score, so a claim without
signals of the others is a fact. Certainty (Toulmin's qualifier) compares the
epistemic cues, see :mod:`.certainty`.

>>> c = classify("The minister said prices will probably fall.")
>>> c.type, c.certainty, [q.text for q in c.cues if q.kind == "entertain"]
('attributed', 'hedged', ['probably'])
>>> classify("This is clearly a shameful betrayal.")[:2]
('judgement', 'boosted')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, NamedTuple

from ..typography import fold
from .certainty import CERTAINTY_KINDS, certainty_reading, level_of
from .lexicon import load, matcher, phrase_regex
from .model import Cue

#: Tie-breaking order of the types (earlier wins a tie).
TYPE_ORDER: tuple[str, ...] = ("attributed", "prediction", "judgement", "interpretation", "fact")
#: Score weights, one table (tuned on tests/data/claims, never on the seed texts).
WEIGHTS: dict[str, float] = {
    "fact_base": 1.0,
    "fact_per_detail": 0.25,
    "quotation": 3.0,
    "quoted_phrase": 1.2,
    "speech_with_subject": 3.0,
    "speech_weak": 0.8,
    "according_to": 3.0,
    "prediction": 2.2,
    "prediction_weak": 1.2,
    "conditional": 0.6,
    "deontic": 2.4,
    "evaluative": 0.9,
    "evaluative_predicate": 1.0,
    "interpretation": 1.3,
    "hedge_interpretation": 0.4,
    "meaning_adverb": 2.0,
}
_WEAK_PREDICTION = frozenset(["would be", "would have", "would not be", "soon", "likely to"])
_AMBIGUOUS_NOUNS = frozenset(
    [
        "claims",
        "claim",
        "state",
        "states",
        "calls",
        "reports",
        "estimates",
        "demands",
        "promises",
        "statement",
        "statements",
        "communique",
        "communiqué",
        "note",
        "notes",
        "comment",
        "mention",
        "words",
        "remarks",
        "forecast",
    ]
)
_NEVER_SUBJECT = frozenset(
    [
        "it",
        "this",
        "that",
        "there",
        "which",
        "what",
        "the",
        "a",
        "an",
        "and",
        "but",
        "or",
        "so",
        "if",
        "when",
        "while",
        "as",
        "since",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "no",
        "not",
    ]
)
_WILL_NOUN = re.compile(r"(?:the|political|free|good|ill|his|her|their|its|of|own|popular)\s+$")
#: A copula before an evaluative word makes it the predicate ("the deal is shameful"); "'s"
#: counts only after a pronoun ("it's a breach"), not as a possessive ("Putin's much-vaunted").
_COPULA = re.compile(
    r"(\bis|\bare|\bwas|\bwere|\b(?:it|that|this|there|what|he|she|who|here)'s|\bbe|\bbeen"
    r"|\bseems|\blooks|\bfeels|\bremains|\bbecame)\b[^.;:!?]{0,45}$"
)
#: A verb form between the copula and the word ("have been smuggling precious ...") means the
#: word is inside the verb's object, not the predicate.
_VERB_BETWEEN = re.compile(r"(?<![\w-])[a-z]{3,}(?:ing|ed)(?![\w-])")


def _is_predicate(low: str, s: int) -> bool:
    """Is the evaluative word at ``s`` the predicate ("is shameful", "it's a breach")?"""
    m = _COPULA.search(low[max(0, s - 60) : s])
    return bool(m) and not _VERB_BETWEEN.search(m.group()[len(m.group(1)) :])


#: Hedges that also read meaning into events ("seems", "suggests"): a little interpretation.
_INTERPRETIVE_HEDGES = frozenset(["seems", "seem", "appears to", "apparently", "suggests"])


class Classification(NamedTuple):
    """What :func:`classify` returns."""

    type: str
    certainty: str
    cues: tuple[Cue, ...]
    scores: dict[str, float]
    core_type: str = "fact"


def _finds(category: str, low: str) -> Iterable[re.Match[str]]:
    return matcher(category).finditer(low)


_SKIP_BEFORE_VERB = frozenset(
    [
        "has",
        "have",
        "had",
        "was",
        "is",
        "were",
        "are",
        "will",
        "would",
        "could",
        "also",
        "then",
        "later",
        "again",
        "repeatedly",
        "publicly",
        "privately",
        "once",
        "not",
        "never",
        "all",
    ]
)


_TOKEN_RE = re.compile(r"[\w'’-]+|[^\w\s]")
_LOWER_WORD_RE = re.compile(r"[a-z][\w'’-]*")
_CLAUSE_PUNCT_RE = re.compile(r"[;:(]")
_CLAUSE_SPLIT_RE = re.compile(r"[;:,(\u2013\u2014]\s")
_WINDOW_WORD_RE = re.compile(r"[\w'’.-]+")
_AFTER_MODAL_RE = re.compile(r"\s+(?:not\s+|well\s+|even\s+|soon\s+)?([a-z]+)")
_BY_YEAR_RE = re.compile(r"\bby\s+20[3-9]\d\b")
_MUST_HAVE_RE = re.compile(r"\s+(?:have|not have)\b")


@cache
def _speaker_res() -> tuple[re.Pattern[str], ...]:
    """One whole-word regex per speaker word of ``cues.json`` (not "i", "we"), in list order."""
    speakers = {w for w in load("cues")["speakers"] if w not in ("i", "we")}
    return tuple(re.compile(rf"(?<![\w-]){re.escape(s)}(?![\w-])") for s in speakers)


def _subject_before(text: str, low: str, pos: int) -> bool:
    """Is there a plausible speaker in the few words before ``pos`` (same clause)?"""
    prev = _TOKEN_RE.findall(low[max(0, pos - 60) : pos])
    while prev and (prev[-1] in _SKIP_BEFORE_VERB or prev[-1].endswith("ly")):
        prev.pop()
    if prev and _LOWER_WORD_RE.fullmatch(prev[-1]):
        word = prev[-1]  # "the regulator confirmed", "residents told"; not "I think", "to say"
        return not (word in ("i", "we", "you", "to", "it") or word in _NEVER_SUBJECT)
    window = text[max(0, pos - 80) : pos]
    window = _CLAUSE_SPLIT_RE.split(window)[-1] if _CLAUSE_PUNCT_RE.search(window) else window
    words = _WINDOW_WORD_RE.findall(window)[-7:]
    lows = [w.lower() for w in words]
    if lows and lows[-1] in ("i", "we"):
        return False  # the writer's own "I think", "we believe"
    joined = " ".join(lows)
    if any(rx.search(joined) for rx in _speaker_res()):
        return True
    for w in words:
        if w[:1].isupper() and w.lower().strip(".'’s") not in _NEVER_SUBJECT and len(w) > 1:
            return True
    return False


def classify(
    text: str,
    offset: int = 0,
    *,
    quotations: Sequence[Any] = (),
    spot_spans: Sequence[Any] = (),
    n_details: int = 0,
) -> Classification:
    """Type and certainty of one claim ``text`` (which starts at ``offset`` in the article).

    ``quotations`` are the article's :class:`~framingkit.quotes.Quotation` objects
    (those inside the claim count); ``spot_spans`` are spotter ``EvalSpan`` objects
    (hedges, boosters and evaluative words inside the claim count).
    """
    folded = fold(text)
    low = folded.lower()
    cues: list[Cue] = []
    taken: list[tuple[int, int]] = []
    scores = dict.fromkeys(TYPE_ORDER, 0.0)
    scores["fact"] = WEIGHTS["fact_base"] + WEIGHTS["fact_per_detail"] * min(n_details, 4)

    def add(s: int, e: int, kind: str, source: str = "claims") -> bool:
        if any(ts < e and s < te for ts, te in taken) and kind in CERTAINTY_KINDS:
            return False
        cues.append(Cue(s + offset, e + offset, text[s:e], kind, source))
        if kind in CERTAINTY_KINDS:
            taken.append((s, e))
        return True

    # -- attributed
    end = offset + len(text)
    for q in quotations:
        if q.kind == "quotation" and q.start >= offset and q.end <= end:
            add(q.start - offset, q.end - offset, "quotation")
            # rule "quoted_phrase": a short quoted phrase with no reporting verb in the claim
            # (a slogan inside the writer's own sentence) attributes less than reported speech
            short = len(q.text.split()) <= 5 and not any(True for _ in _finds("speech", low))
            scores["attributed"] += WEIGHTS["quoted_phrase" if short else "quotation"]
            break
    for m in _finds("speech", low):
        word = m.group()
        if word == "according to":
            add(m.start(), m.end(), "speech")
            scores["attributed"] += WEIGHTS["according_to"]
        elif word in _AMBIGUOUS_NOUNS:
            add(m.start(), m.end(), "speech")
            scores["attributed"] += WEIGHTS["speech_weak"]
        elif _subject_before(folded, low, m.start()):
            add(m.start(), m.end(), "speech")
            scores["attributed"] += WEIGHTS["speech_with_subject"]
        else:
            scores["attributed"] += WEIGHTS["speech_weak"] / 2
    scores["attributed"] = min(scores["attributed"], 4.0)

    # -- certainty (Toulmin's qualifier): epistemic cues only, see certainty.py
    inside = [sp for sp in spot_spans if offset <= sp.start and sp.end <= end]
    cert, dropped = certainty_reading(text, inside, offset)
    for q in cert:
        add(q.start, q.end, q.kind, q.source)
        if q.kind == "entertain" and low[q.start : q.end] in _INTERPRETIVE_HEDGES:
            scores["interpretation"] += WEIGHTS["hedge_interpretation"]
    certainty = level_of(cert)
    ability = {s for s, _, _ in dropped}

    # -- prediction
    conditional = any(True for _ in _finds("conditional", low))
    pred = 0.0
    for m in _finds("prediction", low):
        w = m.group()
        if w == "will" and _WILL_NOUN.search(low[max(0, m.start() - 12) : m.start()]):
            continue
        if (w.startswith("would") and not conditional) or w in _WEAK_PREDICTION:
            weight = WEIGHTS["prediction_weak"]
        else:
            weight = WEIGHTS["prediction"]
        add(m.start(), m.end(), "prediction")
        pred = max(pred, weight)
    for m in _finds("modal_possibility", low):
        if m.start() in ability:
            continue  # "could" of ability is no prediction either
        nxt = _AFTER_MODAL_RE.match(low[m.end() :])
        if nxt and nxt.group(1) not in ("have", "be", "been", "not") and not pred:
            add(m.start(), m.end() + len(nxt.group()), "prediction")
            pred = max(pred, WEIGHTS["prediction_weak"])
    if pred and conditional:
        pred += WEIGHTS["conditional"]
    if _BY_YEAR_RE.search(low):
        pred += WEIGHTS["conditional"]
    scores["prediction"] += pred

    # -- judgement (``core_judgement``: only what makes evaluation the point of the claim, a
    # deontic or an evaluative predicate; loaded modifiers and labels only frame the core)
    core_judgement = 0.0
    for m in _finds("deontic", low):
        if _MUST_HAVE_RE.match(low[m.end() :]) and m.group().startswith("must"):
            continue  # epistemic "must have"
        add(m.start(), m.end(), "deontic")
        scores["judgement"] += WEIGHTS["deontic"]
        core_judgement += WEIGHTS["deontic"]
    eval_spans = [
        (m.start(), m.end(), 2)
        for m in _finds("evaluative", low)
        if not (folded[m.start()].isupper() and m.start() > 0)  # "Great Britain": a name
    ]
    for sp in spot_spans:
        if sp.category in ("attitude", "label") and offset <= sp.start and sp.end <= end:
            s, e = sp.start - offset, sp.end - offset
            if not any(a < e and s < b for a, b, _ in eval_spans):
                eval_spans.append((s, e, int(getattr(sp, "intensity", 2) or 2)))
    for s, e, intensity in sorted(eval_spans):
        add(s, e, "evaluative")
        # a mild word counts less than a strong one (spotter intensity 1..3; our lexicon: 2)
        weight = WEIGHTS["evaluative"] * min(intensity, 3) / 2
        scores["judgement"] += weight
        if intensity >= 2 and _is_predicate(low, s):
            scores["judgement"] += WEIGHTS["evaluative_predicate"]
            core_judgement += weight + WEIGHTS["evaluative_predicate"]

    # -- interpretation
    for m in _finds("interpretation", low):
        add(m.start(), m.end(), "interpretation")
        scores["interpretation"] += WEIGHTS["interpretation"]
    for m in _finds("meaning_adverbs", low):  # "tacitly revive": what events amount to
        add(m.start(), m.end(), "interpretation")
        scores["interpretation"] += WEIGHTS["meaning_adverb"]

    best = _best(scores)
    core = _best({**scores, "judgement": core_judgement})
    cues.sort(key=lambda c: c.start)
    rounded = {k: round(v, 2) for k, v in scores.items()}
    return Classification(best, certainty, tuple(cues), rounded, core)


def _best(scores: dict[str, float]) -> str:
    return max(TYPE_ORDER, key=lambda t: (scores[t], -TYPE_ORDER.index(t)))


def cue_regex(words: list[str]) -> re.Pattern[str]:
    """A whole-word regex for ``words`` (re-exported for views that highlight cues)."""
    return phrase_regex(words)
