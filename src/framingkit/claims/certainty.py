"""Certainty of a claim (Toulmin's *qualifier*) from epistemic cues only.

Two cue kinds count, named as in the appraisal table (Martin and White's engagement,
= Hyland's hedges and boosters):

* ``entertain``: the writer leaves room for doubt ("may", "perhaps", "seems", "I think");
* ``proclaim``: the writer presents the claim as beyond doubt ("clearly", "undoubtedly",
  "there for all to see").

Force words (graduation: "massive", "highly", "whatsoever", "slightly") and denials
("never") grade a quality or an amount, not the writer's commitment: they never make a claim
hedged or boosted. Context rules (:data:`CUE_RULES`, each with its own test and explanation)
drop or re-read a cue: "could" of ability, the month "May", a negated booster.

>>> [(c.text, c.kind) for c in certainty_cues("It may be massive, but it is clearly late.")]
[('may', 'entertain'), ('clearly', 'proclaim')]
>>> level_of(certainty_cues("All the minister could say was that work continued."))
'plain'
>>> level_of(certainty_cues("A massive, highly strategic pipeline."))
'plain'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..typography import fold
from .lexicon import load, matcher, phrase_regex

#: The certainty cue kinds (keys of the appraisal table) and the level each pushes towards.
CERTAINTY_KINDS: dict[str, str] = {"entertain": "hedged", "proclaim": "boosted"}
#: Old spotter category names read leniently: (category, subtypes that are epistemic).
_OLD_SPOT = {"hedge": ("modal", "epistemic"), "booster": ("certainty",)}


@dataclass(frozen=True)
class CertaintyCue:
    """One certainty cue: offsets into the claim text, its kind, where it came from, and the
    context rule that re-read it (``None`` when none applied)."""

    start: int
    end: int
    text: str
    kind: str
    source: str = "claims"
    rule: str | None = None


@dataclass(frozen=True)
class CueRule:
    """A context rule: ``applies(low, start, end)`` on the folded lower-case claim text;
    ``action`` is ``"drop"`` (not a certainty cue) or a cue kind to read it as instead."""

    name: str
    action: str
    explanation: str
    applies: Callable[[str, str, int, int], bool]


@cache
def _ability() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = load("cues")["ability_could"]
    quant = phrase_regex(data["quantifier_before"]).pattern
    purpose = phrase_regex(data["purpose_before"]).pattern
    verbs = phrase_regex(data["ability_verbs"]).pattern
    return (
        re.compile(rf"(?:{quant})\s+(?:[\w'’-]+\s+){{0,4}}$"),
        re.compile(rf"(?:{purpose})\s+(?:[\w'’-]+\s+){{0,4}}$"),
        re.compile(rf"^\s+(?:not\s+|n't\s+)?(?:{verbs})"),
    )


_THEN_WAS = re.compile(r"^\s+[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:was|were)\b")
_THEN_DAY = re.compile(r"\s+\d")
_NEGATION_BEFORE = re.compile(r"(?:\bnot|n't|\bhardly|\bfar from)\s+(?:\w+\s+)?$")
_VERB_SLOT_BEFORE = re.compile(r"\b(?:to|be|will|would|must|can|could|should|shall)\s+$")


def _could_of_ability(text: str, low: str, s: int, e: int) -> bool:
    if low[s:e] not in ("could", "couldn't", "could not"):
        return False
    quant, purpose, verbs = _ability()
    before = low[max(0, s - 60) : s]
    after = low[e : e + 40]
    if quant.search(before) and _THEN_WAS.match(after):
        return True  # "all a disappointed Putin could comment was ..."
    return bool(purpose.search(before) or verbs.match(after))


def _month_may(text: str, low: str, s: int, e: int) -> bool:
    return text[s:e] == "May" and (s > 0 or bool(_THEN_DAY.match(text[e:])))


def _negated(text: str, low: str, s: int, e: int) -> bool:
    before = low[max(0, s - 16) : s]
    return bool(_NEGATION_BEFORE.search(before))


def _clear_as_verb(text: str, low: str, s: int, e: int) -> bool:
    word = low[s:e]
    if word in ("cleared", "clearing", "clears"):
        return True
    before = low[max(0, s - 12) : s]
    return word == "clear" and bool(_VERB_SLOT_BEFORE.search(before))


def _future_marker(text: str, low: str, s: int, e: int) -> bool:
    return any(
        m.start() <= s and e <= m.end() and "expected" in m.group()
        for m in matcher("prediction").finditer(low)
    )


@cache
def _speech_only() -> frozenset[str]:
    cues = load("cues")
    return frozenset(cues["speech"]) - frozenset(cues["entertain"])


def _reporting_verb(text: str, low: str, s: int, e: int) -> bool:
    words = low[s:e].split()
    return low[s:e] in _speech_only() or any(w in _speech_only() for w in words)


#: The context rules, in the order they are tried (the first that applies wins).
CUE_RULES: tuple[CueRule, ...] = (
    CueRule(
        "month_may",
        "drop",
        "'May' with a capital inside a sentence or before a day number is the month",
        _month_may,
    ),
    CueRule(
        "could_of_ability",
        "drop",
        "'could' here says what someone was able to do ('all he could say was'), not that "
        "the claim might be true: neither a hedge nor a prediction",
        _could_of_ability,
    ),
    CueRule(
        "clear_as_verb",
        "drop",
        "'clear' as a verb ('the lists would be cleared', 'to clear the backlog') removes "
        "something; it does not say the claim is certain",
        _clear_as_verb,
    ),
    CueRule(
        "future_marker",
        "drop",
        "'expected to' in 'is expected to' marks the future (a prediction), it does not hedge it",
        _future_marker,
    ),
    CueRule(
        "reporting_verb",
        "drop",
        "a reporting verb ('critics argue') attributes the words to a source (attribute), it "
        "is not the writer's hedge",
        _reporting_verb,
    ),
    CueRule(
        "negated_proclaim",
        "entertain",
        "a booster after 'not' ('it is not clear') leaves the claim open: it hedges",
        _negated,
    ),
)


def _apply_rules(text: str, low: str, s: int, e: int, kind: str) -> tuple[str | None, str | None]:
    """The kind after the context rules (``None`` = dropped) and the rule that applied."""
    for rule in CUE_RULES:
        if rule.action == "entertain" and kind != "proclaim":
            continue
        if rule.applies(text, low, s, e):
            return (None if rule.action == "drop" else rule.action), rule.name
    return kind, None


@cache
def _table_helper() -> Callable[[str, str], str | None] | None:
    """The appraisal table's ``certainty_of(category, subtype)`` when the spotter has it
    (``framingkit.spot.categories``); ``None`` with an older spotter (our mapping is used)."""
    try:
        from ..spot import categories
    except ImportError:
        return None
    return getattr(categories, "certainty_of", None)


def spot_kind(span: Any) -> str | None:
    """The certainty kind of a spotter span, or ``None`` when it does not bear on certainty.

    The appraisal table's ``entertain`` and ``proclaim`` count; the old names are read
    leniently (``hedge`` of subtype modal/epistemic = entertain, ``booster`` of subtype
    certainty = proclaim); force, focus, approximators and everything else do not.
    """
    cat = str(getattr(span, "category", ""))
    sub = str(getattr(span, "subtype", "") or "")
    helper = _table_helper()
    level = helper(cat, sub) if helper is not None else None
    if level in ("hedged", "boosted"):
        return "entertain" if level == "hedged" else "proclaim"
    if cat in CERTAINTY_KINDS:
        return cat
    if cat in _OLD_SPOT and sub in _OLD_SPOT[cat]:
        return "entertain" if cat == "hedge" else "proclaim"
    return None


def certainty_cues(
    text: str, spot_spans: Sequence[Any] = (), offset: int = 0
) -> list[CertaintyCue]:
    """The certainty cues of a claim (see :func:`certainty_reading`)."""
    return certainty_reading(text, spot_spans, offset)[0]


def certainty_reading(
    text: str, spot_spans: Sequence[Any] = (), offset: int = 0
) -> tuple[list[CertaintyCue], list[tuple[int, str, str]]]:
    """The certainty cues of a claim ``text`` (offsets relative to ``text``), in text order,
    and ``(start, text, rule)`` of the cue words a context rule dropped.

    Our own lists (``entertain``/``proclaim`` in ``data/claims/cues.json``) and the
    spotter's epistemic spans (``spot_spans``, offsets in the article, the claim starting
    at ``offset``) are merged; longer cues win overlaps; :data:`CUE_RULES` then apply.
    """
    folded = fold(text)
    low = folded.lower()
    found = [
        (m.start(), m.end(), k, "claims") for k in CERTAINTY_KINDS for m in matcher(k).finditer(low)
    ]
    for sp in spot_spans:
        kind = spot_kind(sp)
        s, e = sp.start - offset, sp.end - offset
        if kind and 0 <= s < e <= len(text) and _whole_words(text, s, e):
            found.append((s, e, kind, "spot"))
    found.sort(key=lambda x: (-(x[1] - x[0]), x[0], x[3] != "claims"))
    taken: list[tuple[int, int]] = []
    out = []
    dropped = []
    for s, e, kind, source in found:
        if any(ts < e and s < te for ts, te in taken):
            continue
        taken.append((s, e))
        new_kind, rule = _apply_rules(folded, low, s, e, kind)
        if new_kind is not None:
            out.append(CertaintyCue(s, e, text[s:e], new_kind, source, rule))
        elif rule:
            dropped.append((s, text[s:e], rule))
    out.sort(key=lambda c: c.start)
    return out, sorted(dropped)


def dropped_by_rules(text: str) -> list[tuple[int, str, str]]:
    """``(start, cue text, rule name)`` for the cue words a context rule dropped.

    >>> dropped_by_rules("All he could offer was an apology.")
    [(7, 'could', 'could_of_ability')]
    """
    folded = fold(text)
    low = folded.lower()
    out = []
    for k in CERTAINTY_KINDS:
        for m in matcher(k).finditer(low):
            new_kind, rule = _apply_rules(folded, low, m.start(), m.end(), k)
            if new_kind is None and rule:
                out.append((m.start(), text[m.start() : m.end()], rule))
    return out


def level_of(cues: Sequence[CertaintyCue]) -> str:
    """``hedged``, ``plain`` or ``boosted``: more entertain than proclaim cues (or the other
    way round); a tie goes to the first cue, which scopes over the rest."""
    n_e = sum(c.kind == "entertain" for c in cues)
    n_p = sum(c.kind == "proclaim" for c in cues)
    if n_e > n_p:
        return "hedged"
    if n_p > n_e:
        return "boosted"
    if n_e:
        return CERTAINTY_KINDS[min(cues, key=lambda c: c.start).kind]
    return "plain"


def _whole_words(text: str, s: int, e: int) -> bool:
    left = s == 0 or not text[s - 1].isalnum()
    right = e >= len(text) or not text[e].isalnum()
    return left and right
