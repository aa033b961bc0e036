"""The checkable core of a claim and the framing words around it.

A sentence such as "For decades, Chinese gangsters have been smuggling precious Siberian
resources back to China" asserts something evidence could prove or disprove (people have been
smuggling resources for decades) wrapped in words that judge it ("gangsters", "precious").
:func:`framing_words` lists the framing words (the spotter's evaluative spans, or our own
evaluative and force lists without it); the core's type comes from
:func:`~framingkit.claims.classify.classify` (``core_type``: loaded modifiers and labels do not
make the core a judgement, only an evaluative predicate or a deontic does). :func:`check_hint`
names the kind of source that would settle a checkable core, through the small named rules of
:data:`HINT_RULES`.

>>> [f.text for f in framing_words("Greedy bosses raised their pay by 40 per cent.")]
['Greedy']
>>> check_hint("Greedy bosses raised their pay by 40 per cent.", "fact")
'the national statistics office or an international data set (World Bank, IMF, UN)'
>>> check_hint("Such visits tacitly recognise the region's claims.", "interpretation") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..typography import fold
from .certainty import spot_kind
from .lexicon import check_hints, load, matcher
from .model import FramingWord

#: Core types a source could settle (they get a "how to check" hint).
CHECKABLE_TYPES = frozenset({"fact", "attributed"})
#: Spotter categories that frame a claim (old and new appraisal names); certainty cues
#: (entertain, proclaim) are the claim's qualifier instead, and plain acknowledging
#: attribution ("said") and disclaiming ("not", "but") frame nothing. With the appraisal
#: table's ``is_loaded`` (framingkit.spot.categories) its definition of loaded wording decides.
FRAMING_CATEGORIES = frozenset(
    {
        "attitude",
        "label",
        "figurative",
        "force",
        "focus",
        "booster",
        "hedge",
        "scare_quote",
        "stance_verb",
        "attribute",
    }
)
_NOT_FRAMING_SUBTYPES = frozenset({"approximator", "acknowledge"})


@cache
def _loaded_helper() -> Callable[[Any], bool] | None:
    try:
        from ..spot import categories
    except ImportError:
        return None
    return getattr(categories, "is_loaded", None)


@cache
def _table_names() -> frozenset[str]:
    try:
        from ..spot.categories import CATEGORIES
    except ImportError:
        return frozenset()
    return frozenset(CATEGORIES)


def framing_words(text: str, offset: int = 0, spot_spans: Sequence[Any] = ()) -> list[FramingWord]:
    """The evaluative words framing the claim ``text`` (offsets in the article: ``offset`` +).

    The spotter's spans come first (category and explanation as it gives them); our own
    ``evaluative`` and ``force`` lists (``data/claims/cues.json``) add words it did not mark.
    """
    out: list[FramingWord] = []
    for sp in spot_spans:
        s, e = sp.start - offset, sp.end - offset
        if not (0 <= s < e <= len(text)) or spot_kind(sp) is not None:
            continue
        loaded = _loaded_helper()
        if loaded is not None and sp.category in _table_names():
            if not loaded(sp):
                continue
        elif (
            sp.category not in FRAMING_CATEGORIES
            or getattr(sp, "subtype", "") in _NOT_FRAMING_SUBTYPES
        ):
            continue
        why = str(getattr(sp, "explanation", "") or "").split(" Why it matters")[0]
        out.append(FramingWord(sp.start, sp.end, text[s:e], sp.category, why, "spot"))
    low = fold(text).lower()
    own = [(m, "attitude") for m in matcher("evaluative").finditer(low)]
    own += [(m, "force") for m in matcher("force").finditer(low)]
    for m, cat in own:
        s, e = m.start(), m.end()
        if text[s].isupper() and s > 0:
            continue  # "Great Britain": part of a name
        if any(f.start - offset < e and s < f.end - offset for f in out):
            continue
        why = (
            f"'{text[s:e]}' evaluates what it describes (claims' own list)"
            if cat == "attitude"
            else f"'{text[s:e]}' turns the force up or down (graduation), not the certainty"
        )
        out.append(FramingWord(s + offset, e + offset, text[s:e], cat, why, "claims"))
    out.sort(key=lambda f: f.start)
    return out


def without_framing(text: str, framing: Sequence[FramingWord], offset: int = 0) -> str:
    """``text`` with its framing words blanked (what the core's check hint is chosen from).

    >>> fw = framing_words("Gangsters smuggle oil.")
    >>> without_framing("Gangsters smuggle oil.", fw).strip()
    'smuggle oil.'
    """
    chars = list(text)
    for f in framing:
        for i in range(max(0, f.start - offset), min(len(chars), f.end - offset)):
            chars[i] = " "
    return "".join(chars)


@dataclass(frozen=True)
class HintRule:
    """A named rule: ``decide(core text, core type, n_dates)`` returns a hint, ``""`` for
    "no hint" or ``None`` to pass to the next rule."""

    name: str
    explanation: str
    decide: Callable[[str, str, int], str | None]


def _only_checkable(text: str, core: str, n_dates: int) -> str | None:
    return "" if core not in CHECKABLE_TYPES else None


def _attributed(text: str, core: str, n_dates: int) -> str | None:
    return check_hints()[1][1] if core == "attributed" else None


_DISTANCE = re.compile(r"\d\s*(?:km|kilometres|kilometers|miles|sq\s*km|km2)\b")


@cache
def _any_check_hint() -> re.Pattern[str]:
    """One regex that matches wherever some check hint's regex matches (a quick pre-test)."""
    return re.compile("|".join(f"(?:{rx.pattern})" for rx, _ in check_hints()))


def _topic_words(text: str, core: str, n_dates: int) -> str | None:
    low = fold(text).lower()
    if _any_check_hint().search(low):  # then the first hint in order whose regex matches
        for rx, hint in check_hints():
            if rx.search(low):
                return hint
    if _DISTANCE.search(low):  # "a 4,200km border": the map
        return next(h for _, h in check_hints() if h.startswith("a map"))
    return None


def _dated(text: str, core: str, n_dates: int) -> str | None:
    return load("cues")["check_hint_date"] if n_dates else None


def _default(text: str, core: str, n_dates: int) -> str | None:
    return load("cues")["check_hint_default"]


#: The check-hint rules in order (the first that decides wins). Places alone never pick the
#: map: a claim that mentions a region is not thereby about geography.
HINT_RULES: tuple[HintRule, ...] = (
    HintRule(
        "only_checkable_cores",
        "only a fact or an attributed core can be settled by a source; an interpretation, a "
        "judgement or a prediction cannot",
        _only_checkable,
    ),
    HintRule(
        "attributed_to_the_record",
        "what someone said is checked against the transcript or the statement",
        _attributed,
    ),
    HintRule(
        "topic_of_the_core",
        "the source that covers the core's topic (a treaty, figures, a court, a map for areas "
        "and distances), chosen from the words left once the framing words are set aside",
        _topic_words,
    ),
    HintRule("dated_event", "a dated event is checked in a dated archive", _dated),
    HintRule("default", "otherwise a news archive or the organisation's records", _default),
)


def check_hint(
    text: str,
    core_type: str,
    n_dates: int = 0,
    framing: Sequence[FramingWord] = (),
    offset: int = 0,
) -> str | None:
    """The kind of source that would settle a checkable core, or ``None`` (see HINT_RULES)."""
    core_text = without_framing(text, framing, offset)
    for rule in HINT_RULES:
        hint = rule.decide(core_text, core_type, n_dates)
        if hint is not None:
            return hint or None
    return None
