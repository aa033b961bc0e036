"""Class agreement: how much the students who answered agree with each other
(Krippendorff's alpha, nominal, computed with :mod:`nltk.metrics.agreement`) and with the key.

Span exercises: every word of the text is a unit, ``marked`` or ``unmarked`` by each student
who answered. Classification exercises: every item is a unit, coded with the student's label
as the engine reads it (an item left blank is missing data, which alpha allows).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .summary import ExerciseSummary


def units_and_codes(
    ex: object, codes: dict[str, dict[str, str]]
) -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    """The (coder, unit, code) triples of the class and the key's code for each unit.

    Spans: every word of the text is a unit, coded ``marked`` or ``unmarked`` by each
    student who answered. Classify: every item is a unit, coded with the student's label
    (an item a student left blank is missing data, which alpha allows).
    """
    from .spanview import words

    data: list[tuple[str, str, str]] = []
    ref: dict[str, str] = {}
    if getattr(ex, "type", "") == "spans":
        spans = words(ex.text)  # type: ignore[attr-defined]
        refs = [(r.start, r.end) for r in ex.reference]  # type: ignore[attr-defined]
        for n, (ws, we) in enumerate(spans):
            ref[str(n)] = "marked" if any(s < we and ws < e for s, e in refs) else "unmarked"
        for coder, got in codes.items():
            data += [(coder, str(n), got.get(str(n), "unmarked")) for n in range(len(spans))]
    else:
        from .units import reference_codes

        for item, accepted in reference_codes(ex).items():
            ref[item] = sorted(accepted)[0]
        for coder, got in codes.items():
            data += [(coder, unit, code) for unit, code in sorted(got.items())]
    return data, ref


def krippendorff_alpha(data: Sequence[tuple[str, str, str]]) -> float | None:
    """Krippendorff's alpha (nominal) over (coder, unit, code) triples, computed by nltk.

    None when it is undefined: fewer than two coders, or no unit coded twice.

    >>> round(krippendorff_alpha([("a", "1", "x"), ("b", "1", "x"), ("a", "2", "y"),
    ...     ("b", "2", "x"), ("a", "3", "y"), ("b", "3", "y")]), 3)
    0.444
    """
    from nltk.metrics.agreement import AnnotationTask

    coders = {c for c, _, _ in data}
    per_unit = Counter(u for _, u, _ in data)
    if len(coders) < 2 or not any(n >= 2 for n in per_unit.values()):
        return None
    task = AnnotationTask(data=list(data))
    try:
        return float(task.alpha())
    except (ValueError, ZeroDivisionError):
        return None


def agreement(s: ExerciseSummary, ex: object, codes: dict[str, dict[str, str]]) -> None:
    """Fill in the class's alpha, its agreement with the key and the most split items."""
    data, ref = units_and_codes(ex, codes)
    alpha = krippendorff_alpha(data)
    s.alpha = None if alpha is None else round(alpha, 2)
    per_unit = Counter(u for _, u, _ in data)
    s.alpha_units = sum(n >= 2 for n in per_unit.values())
    if not data:
        return
    if s.type == "spans":  # word overlap (Dice) of each student's marked words with the key
        key_words = {u for u, c in ref.items() if c == "marked"}
        dice = []
        for got in codes.values():
            mine = set(got)
            both = len(mine & key_words)
            dice.append(2 * both / (len(mine) + len(key_words)) if mine or key_words else 1.0)
        s.key_agreement = round(statistics.fmean(dice), 2) if dice else None
        return
    from .units import reference_codes

    accepted = reference_codes(ex)
    same = [code in accepted.get(unit, ()) for _, unit, code in data]
    s.key_agreement = round(sum(same) / len(same), 2) if same else None
    by_unit: dict[str, Counter[str]] = {}
    for _, unit, code in data:
        by_unit.setdefault(unit, Counter())[code] += 1
    split = []
    for unit, counts in by_unit.items():
        total = sum(counts.values())
        if total >= 2 and len(counts) > 1:
            top = counts.most_common(1)[0][1] / total
            text = ", ".join(f"{k} {v}" for k, v in counts.most_common(3))
            split.append((top, unit, text))
    s.split_items = [(u, t) for _, u, t in sorted(split)[:3]]
