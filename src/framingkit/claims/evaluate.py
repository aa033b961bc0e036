"""Scoring the claim classifier against hand-annotated sentences.

An annotation file is tab-separated: ``type<TAB>certainty<TAB>sentence`` per line,
``#`` lines are comments (see ``tests/data/claims/GUIDELINE.md``).

>>> items = [Annotated("The plan will fail.", "prediction", "plain")]
>>> evaluate(items).type_accuracy
1.0
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..document import load_article
from ..errors import InputError
from .classify import classify
from .details import find_details
from .model import CERTAINTY, CLAIM_TYPES


@dataclass(frozen=True)
class Annotated:
    """One hand-labelled sentence."""

    text: str
    type: str
    certainty: str
    line: int = 0


@dataclass(frozen=True)
class Evaluation:
    """Accuracy and confusion matrices (``confusion[gold][predicted] -> count``)."""

    n: int
    type_accuracy: float
    certainty_accuracy: float
    type_confusion: dict[str, dict[str, int]]
    certainty_confusion: dict[str, dict[str, int]]
    errors: list[dict[str, object]] = field(default_factory=list)


def read_annotations(path: str | os.PathLike[str]) -> list[Annotated]:
    """Read an annotation file (``InputError`` on a malformed line)."""
    out = []
    for i, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in CLAIM_TYPES or parts[1] not in CERTAINTY:
            raise InputError(f"Line {i} of {path} is not 'type<TAB>certainty<TAB>sentence'.")
        out.append(Annotated(parts[2].strip(), parts[0], parts[1], i))
    return out


def predict(text: str, use_spot: bool = True) -> tuple[str, str]:
    """``(type, certainty)`` of one whole sentence, as :func:`~framingkit.claims.claims` would."""
    article = load_article(text)
    spans = []
    if use_spot:
        try:
            from ..spot import spot
        except ImportError:
            pass
        else:
            try:
                spans = list(spot(article).spans)
            except Exception:  # evaluate our own cues when the spotter is broken
                spans = []
    res = classify(
        article.text,
        0,
        quotations=article.quotations,
        spot_spans=spans,
        n_details=len(find_details(article.text)),
    )
    return res.type, res.certainty


def evaluate(items: list[Annotated], use_spot: bool = True) -> Evaluation:
    """Type and certainty accuracy of the classifier on ``items``."""
    tc = {g: dict.fromkeys(CLAIM_TYPES, 0) for g in CLAIM_TYPES}
    cc = {g: dict.fromkeys(CERTAINTY, 0) for g in CERTAINTY}
    errors = []
    t_ok = c_ok = 0
    for it in items:
        ptype, pcert = predict(it.text, use_spot)
        tc[it.type][ptype] += 1
        cc[it.certainty][pcert] += 1
        t_ok += ptype == it.type
        c_ok += pcert == it.certainty
        if ptype != it.type or pcert != it.certainty:
            errors.append(
                {
                    "line": it.line,
                    "text": it.text,
                    "gold": (it.type, it.certainty),
                    "predicted": (ptype, pcert),
                }
            )
    n = len(items)
    return Evaluation(n, t_ok / n if n else 0.0, c_ok / n if n else 0.0, tc, cc, errors)


def confusion_table(conf: dict[str, dict[str, int]]) -> str:
    """A plain-text confusion matrix (rows: gold, columns: predicted)."""
    labels = list(conf)
    w = max(len(x) for x in labels) + 2
    head = "gold \\ predicted".ljust(w + 4) + "".join(x[:10].rjust(12) for x in labels)
    rows = [head]
    for g in labels:
        rows.append(g.ljust(w + 4) + "".join(str(conf[g][p]).rjust(12) for p in labels))
    return "\n".join(rows)


@dataclass(frozen=True)
class CoreAnnotated:
    """One sentence labelled with its core type and the framing words around the core."""

    text: str
    core_type: str
    framing: tuple[str, ...]
    line: int = 0


@dataclass(frozen=True)
class CoreEvaluation:
    """Core-type accuracy and framing-word recall/precision (word matches, case-folded)."""

    n: int
    core_accuracy: float
    framing_recall: float
    framing_precision: float
    errors: list[dict[str, object]] = field(default_factory=list)


def read_core_annotations(path: str | os.PathLike[str]) -> list[CoreAnnotated]:
    """Read ``core<TAB>framing words ("; "-separated, "-" for none)<TAB>sentence`` lines."""
    out = []
    for i, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in CLAIM_TYPES:
            raise InputError(f"Line {i} of {path} is not 'core<TAB>framing<TAB>sentence'.")
        words = tuple(w.strip() for w in parts[1].split(";") if w.strip() not in ("", "-"))
        out.append(CoreAnnotated(parts[2].strip(), parts[0], words, i))
    return out


def evaluate_core(items: list[CoreAnnotated], use_spot: bool = True) -> CoreEvaluation:
    """Core type accuracy and framing recall/precision of :func:`~framingkit.claims.claims`.

    >>> ev = evaluate_core([CoreAnnotated("Greedy bosses raised pay by 9%.", "fact", ("Greedy",))])
    >>> ev.core_accuracy, ev.framing_recall
    (1.0, 1.0)
    """
    from .build import claims

    ok = found = gold_n = right = shown = 0
    errors: list[dict[str, object]] = []
    for it in items:
        cm = claims(it.text, use_spot=use_spot)
        c = cm.claims[0] if cm.claims else None
        core = (c.core_type or c.type) if c else "none"
        marked = [f.text.lower() for f in c.framing] if c else []
        gold = [w.lower() for w in it.framing]
        hit = [g for g in gold if any(g in m or m in g for m in marked)]
        good = [m for m in marked if any(g in m or m in g for g in gold)]
        ok += core == it.core_type
        gold_n += len(gold)
        found += len(hit)
        shown += len(marked)
        right += len(good)
        if core != it.core_type or len(hit) < len(gold) or len(good) < len(marked):
            errors.append(
                {
                    "line": it.line,
                    "text": it.text,
                    "gold": (it.core_type, list(it.framing)),
                    "predicted": (core, marked),
                }
            )
    n = len(items)
    return CoreEvaluation(
        n,
        ok / n if n else 0.0,
        found / gold_n if gold_n else 1.0,
        right / shown if shown else 1.0,
        errors,
    )
