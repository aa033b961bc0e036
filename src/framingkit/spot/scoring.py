"""Scoring students' annotations of evaluative language against a reference.

One clean function, :func:`score_spans`, is shared with the exercise engine:
precision, recall and F1 with partial-overlap credit, tolerant of white space
and punctuation at span edges; per-category scores and agreement; and feedback
listing what was missed and what was extra, each with the reason.
:func:`kappa` gives Cohen's kappa between two annotators (nltk).

Spans may be given as phrases (``"not good news"``), ``(start, end)`` pairs,
``(start, end, category)`` triples, ``(phrase, category)`` pairs, dicts with
``start``/``end`` (or ``text``) and optional ``category`` and ``reason``, or
:class:`~framingkit.spot.rules.EvalSpan` objects.

>>> text = "It is not good news, and undoubtedly a disaster."
>>> sc = score_spans(["not good news ", "undoubtedly"], [("not good news", "attitude"),
...     ("undoubtedly", "booster"), ("disaster", "attitude")], text)
>>> round(sc.precision, 2), round(sc.recall, 2), [m.text for m in sc.missed]
(1.0, 0.67, ['disaster'])
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import InputError
from .categories import CATEGORIES, CATEGORY_ORDER, LEGACY_NAMES, read_name

_EDGE = " \t\r\n.,;:!?\"'“”‘’«»()[]{}—–…*_"
_MARK_RE = re.compile(r"\[\[(.+?)\|([a-z_]+)\]\]")


@dataclass(frozen=True)
class SpanRef:
    """A span placed in the text (edges trimmed), with an optional category and reason."""

    start: int
    end: int
    text: str
    category: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class Match:
    """A student span paired with a reference span; ``credit`` 0..1 (1 = same words)."""

    student: SpanRef
    reference: SpanRef
    credit: float
    same_category: bool | None


@dataclass(frozen=True)
class SpanFeedback:
    """One piece of feedback: a missed, extra or partly matched span and the reason."""

    kind: str  # "missed" | "extra" | "partial" | "category" | "not found"
    text: str
    start: int
    end: int
    category: str | None
    reason: str


@dataclass(frozen=True)
class CategoryScore:
    """Precision, recall and F1 within one category."""

    category: str
    precision: float
    recall: float
    f1: float
    reference: int
    student: int


@dataclass(frozen=True)
class SpanScore:
    """The result of :func:`score_spans`."""

    precision: float
    recall: float
    f1: float
    matches: list[Match]
    missed: list[SpanFeedback]
    extra: list[SpanFeedback]
    partial: list[SpanFeedback]
    per_category: dict[str, CategoryScore]
    category_agreement: float | None
    feedback: list[SpanFeedback] = field(default_factory=list)

    @property
    def right(self) -> list[str]:
        """Texts of the student spans that matched a reference span."""
        return [m.student.text for m in self.matches]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past white space and punctuation at both edges.

    >>> t = 'a "scare" word'
    >>> trim(t, 1, 10)
    (3, 8)
    """
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _find(text: str, phrase: str, used: set[tuple[int, int]]) -> tuple[int, int] | None:
    words = [re.escape(w) for w in re.findall(r"\S+", phrase.strip(_EDGE))]
    if not words:
        return None
    rx = re.compile(r"\s+".join(words), re.IGNORECASE)
    first = None
    for m in rx.finditer(text):
        if first is None:
            first = (m.start(), m.end())
        if (m.start(), m.end()) not in used:
            return m.start(), m.end()
    return first


def place(items: Iterable[Any], text: str) -> tuple[list[SpanRef], list[str]]:
    """Turn any accepted span shape into :class:`SpanRef` objects; also return phrases not found."""
    out: list[SpanRef] = []
    missing: list[str] = []
    used: set[tuple[int, int]] = set()
    for it in items:
        cat: str | None = None
        reason = ""
        start = end = None
        phrase: str | None = None
        if isinstance(it, str):
            phrase = it
        elif isinstance(it, dict):
            cat, reason = it.get("category"), it.get("reason") or it.get("explanation") or ""
            if it.get("start") is not None and it.get("end") is not None:
                start, end = int(it["start"]), int(it["end"])
            else:
                phrase = str(it.get("text", ""))
        elif isinstance(it, (tuple, list)):
            if len(it) >= 2 and isinstance(it[0], int) and isinstance(it[1], int):
                start, end = it[0], it[1]
                cat = it[2] if len(it) > 2 else None
            elif len(it) >= 1 and isinstance(it[0], str):
                phrase = it[0]
                cat = it[1] if len(it) > 1 else None
            else:
                missing.append(repr(it))
                continue
        elif hasattr(it, "start") and hasattr(it, "end"):
            start, end = int(it.start), int(it.end)
            cat = getattr(it, "category", None)
            reason = getattr(it, "explanation", "") or ""
        else:
            missing.append(repr(it))
            continue
        if phrase is not None:
            found = _find(text, phrase, used)
            if found is None:
                missing.append(phrase)
                continue
            start, end = found
        assert start is not None and end is not None
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        if end < start:
            start, end = end, start
        used.add((start, end))
        s, e = trim(text, start, end)
        if e <= s:
            missing.append(text[start:end] or repr(it))
            continue
        out.append(SpanRef(s, e, text[s:e], _category(cat), reason))
    return out, missing


def _category(cat: Any) -> str | None:
    """A current category name, an old one (kept as its :data:`LEGACY_NAMES` key, resolved
    against the reference when paired), or ``None``."""
    if not isinstance(cat, str):
        return None
    if cat in CATEGORIES:
        return cat
    old = read_name(cat)
    return old.name if old is not None else None


def _resolve(s: SpanRef, r: SpanRef | None) -> SpanRef:
    """An old category name read as the current one it stands for here (the reference's, when
    it is one of the candidates; else the first candidate)."""
    old = LEGACY_NAMES.get(s.category or "")
    if old is None:
        return s
    new = r.category if r is not None and r.category in old.candidates else old.candidates[0]
    return replace(s, category=new)


def _credit(a: SpanRef, b: SpanRef) -> float:
    ov = min(a.end, b.end) - max(a.start, b.start)
    if ov <= 0:
        return 0.0
    return 2 * ov / ((a.end - a.start) + (b.end - b.start))


def _pair(student: Sequence[SpanRef], reference: Sequence[SpanRef]) -> list[Match]:
    cands = [
        (_credit(s, r), i, j)
        for i, s in enumerate(student)
        for j, r in enumerate(reference)
        if _credit(s, r) > 0
    ]
    cands.sort(key=lambda c: -c[0])
    si: set[int] = set()
    rj: set[int] = set()
    out: list[Match] = []
    for cr, i, j in cands:
        if i in si or j in rj:
            continue
        si.add(i)
        rj.add(j)
        s, r = _resolve(student[i], reference[j]), reference[j]
        same = None if s.category is None or r.category is None else s.category == r.category
        out.append(Match(s, r, round(cr, 4), same))
    return sorted(out, key=lambda m: m.reference.start)


def _prf(credit: float, n_student: int, n_ref: int) -> tuple[float, float, float]:
    if n_student == 0 and n_ref == 0:
        return 1.0, 1.0, 1.0
    p = credit / n_student if n_student else 0.0
    r = credit / n_ref if n_ref else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def _missed_reason(r: SpanRef) -> str:
    if r.reason:
        return r.reason
    from .lexicon import lookup

    e = lookup(r.text)
    if r.category:
        c = CATEGORIES[r.category]
        base = f"“{r.text}” is {c.label} language: {c.description}; {c.why}."
        return base + (f" ({e.note}.)" if e is not None and e.note else "")
    return f"“{r.text}” is evaluative here." + (f" It {e.note}." if e and e.note else "")


def _extra_reason(s: SpanRef) -> str:
    from .lexicon import lookup

    e = lookup(s.text)
    if e is not None:
        return (
            f"“{s.text}” can be evaluative ({CATEGORIES[e.category].label}: {e.note}), "
            "but the reference does not mark it here."
        )
    return (
        f"“{s.text}” reads as neutral description here: nothing in it judges, intensifies, "
        "hedges, labels or distances."
    )


def _check_arguments(student: Any, reference: Any, text: Any) -> None:
    """Refuse arguments of the wrong type in one sentence (no raw ``TypeError``)."""
    if not isinstance(text, str):
        hint = "; pass article.text" if hasattr(text, "masked") else ""
        raise InputError(
            f"score_spans() takes the text as a string, not {type(text).__name__}{hint}."
        )
    for what, spans in (("student's spans", student), ("reference spans", reference)):
        if isinstance(spans, (str, bytes, Mapping)) or not isinstance(spans, Iterable):
            raise InputError(
                f"score_spans() takes the {what} as a list (of phrases, (start, end) pairs, "
                f"dicts or spans), not {type(spans).__name__}."
            )


def score_spans(student: Iterable[Any], reference: Iterable[Any], text: str) -> SpanScore:
    """Score a student's spans against reference spans in ``text`` (see module docstring).

    Returns a :class:`SpanScore`. Partial overlaps earn partial credit (the Dice
    overlap of the two spans' characters); edges are trimmed of white space and
    punctuation first, so ``"not good news, "`` equals ``not good news``.
    """
    _check_arguments(student, reference, text)
    stud, not_found = place(student, text)
    ref, _ = place(reference, text)
    matches = _pair(stud, ref)
    # old category names ("booster") are read as the current one the reference uses
    paired = {(m.student.start, m.student.end): m.student for m in matches}
    stud = [paired.get((x.start, x.end), _resolve(x, None)) for x in stud]
    total = sum(m.credit for m in matches) + 0.0
    p, r, f = _prf(total, len(stud) + len(not_found), len(ref))
    m_s = {id(m.student) for m in matches}
    m_r = {id(m.reference) for m in matches}
    missed = [
        SpanFeedback("missed", x.text, x.start, x.end, x.category, _missed_reason(x))
        for x in ref
        if id(x) not in m_r
    ]
    extra = [
        SpanFeedback("extra", x.text, x.start, x.end, x.category, _extra_reason(x))
        for x in stud
        if id(x) not in m_s
    ] + [
        SpanFeedback("not found", t, -1, -1, None, f"“{t}” does not occur in the text.")
        for t in not_found
    ]
    partial = [
        SpanFeedback(
            "partial",
            m.student.text,
            m.student.start,
            m.student.end,
            m.student.category,
            f"Partly right: the reference marks “{m.reference.text}” ({m.credit:.0%} overlap).",
        )
        for m in matches
        if m.credit < 0.999
    ]
    cat_fb = [
        SpanFeedback(
            "category",
            m.student.text,
            m.student.start,
            m.student.end,
            m.student.category,
            f"“{m.student.text}” is {CATEGORIES[m.reference.category].label} language in the "
            f"reference, not {CATEGORIES[m.student.category].label}: "
            f"{CATEGORIES[m.reference.category].description}.",
        )
        for m in matches
        if m.same_category is False and m.student.category and m.reference.category
    ]
    per: dict[str, CategoryScore] = {}
    for c in CATEGORY_ORDER:
        sc = [x for x in stud if x.category == c]
        rc = [x for x in ref if x.category == c]
        if not sc and not rc:
            continue
        cm = _pair(sc, rc)
        cp, cr, cf = _prf(sum(m.credit for m in cm), len(sc), len(rc))
        per[c] = CategoryScore(c, cp, cr, cf, len(rc), len(sc))
    judged = [m for m in matches if m.same_category is not None]
    agree = round(sum(m.same_category for m in judged) / len(judged), 4) if judged else None
    fb = sorted([*missed, *extra, *partial, *cat_fb], key=lambda x: (x.start, x.kind))
    return SpanScore(p, r, f, matches, missed, extra, partial, per, agree, fb)


def token_labels(spans: Iterable[Any], text: str, binary: bool = False) -> list[str]:
    """One label per word of ``text``: the category of the span covering it, or ``"none"``."""
    placed, _ = place(spans, text)
    labels = []
    for m in re.finditer(r"\w+", text):
        lab = "none"
        for s in placed:
            if s.start <= m.start() < s.end:
                lab = "evaluative" if binary else (s.category or "evaluative")
                break
        labels.append(lab)
    return labels


def kappa(a: Iterable[Any], b: Iterable[Any], text: str, binary: bool = False) -> float:
    """Cohen's kappa between two annotators' spans, word by word (nltk.metrics.agreement).

    ``binary=True`` compares evaluative/not only; otherwise categories count.

    >>> t = "A disastrous, chaotic plan that may work."
    >>> kappa(["disastrous", "chaotic"], ["disastrous", "chaotic"], t, binary=True)
    1.0
    """
    from nltk.metrics.agreement import AnnotationTask

    la, lb = token_labels(a, text, binary), token_labels(b, text, binary)
    if not la:
        return 1.0
    if la == lb:
        return 1.0
    data = [("a", str(i), x) for i, x in enumerate(la)] + [
        ("b", str(i), x) for i, x in enumerate(lb)
    ]
    task = AnnotationTask(data=data)
    try:
        return round(float(task.kappa()), 4)
    except ZeroDivisionError:
        return 0.0


def parse_marked(line: str) -> tuple[str, list[SpanRef]]:
    """Read a sentence annotated as ``[[phrase|category]]`` into plain text and spans.

    >>> plain, spans = parse_marked("It is [[not good news|attitude]].")
    >>> plain, [(s.start, s.end, s.category) for s in spans]
    ('It is not good news.', [(6, 19, 'attitude')])
    """
    out: list[SpanRef] = []
    plain: list[str] = []
    pos = 0
    n = 0
    for m in _MARK_RE.finditer(line):
        plain.append(line[pos : m.start()])
        n += m.start() - pos
        phrase, cat = m.group(1), m.group(2)
        if cat not in CATEGORIES:
            raise ValueError(f"unknown category {cat!r} in {line!r}")
        out.append(SpanRef(n, n + len(phrase), phrase, cat))
        plain.append(phrase)
        n += len(phrase)
        pos = m.end()
    plain.append(line[pos:])
    return "".join(plain), out
