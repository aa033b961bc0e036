"""A student's answer in units: the words it marks (never offsets), the codes it gives for
class agreement, and which reference parts were left blank rather than got wrong.

>>> plain("Checked your 2 phrases against the 5 reference phrases (F1 = 0.58).")
'Checked your 2 phrases against the 5 reference phrases.'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .text import clip as _clip
from .text import lines as _lines

if TYPE_CHECKING:
    from .run import ExerciseGrade

_F1 = re.compile(r"\s*\((?:F1|accuracy) = [^)]*\)")


def plain(text: str) -> str:
    """An engine sentence without the scoring jargon ("(F1 = 0.58)") for a student page.

    >>> plain("Checked your 2 phrases against the 5 reference phrases (F1 = 0.58).")
    'Checked your 2 phrases against the 5 reference phrases.'
    """
    return _F1.sub("", text)


def describe_answer(g: ExerciseGrade, ex: Any, value: Any) -> None:
    """Fill ``g.shown`` (the answer in the student's terms), ``g.read_as`` and ``g.codes``."""
    if value is None:
        return
    if ex.type == "spans":
        words = [" ".join(ex.text[s:e].split()) for s, e in g.spans]
        g.shown = _clip("; ".join(f"“{w}”" for w in words), 2000) if words else g.answer
        from .spanview import words as word_spans

        for n, (ws, we) in enumerate(word_spans(ex.text)):
            if any(s < we and ws < e for s, e in g.spans):
                g.codes[str(n)] = "marked"
        return
    if ex.type == "classify" and isinstance(value, dict):
        g.shown = _clip("; ".join(f"{k}: {_label_words(v)}" for k, v in value.items()), 2000)
        labels = {_norm_id(i): i for i in ex.reference}
        for k, v in value.items():
            item = labels.get(_norm_id(str(k)))
            code = classify_code(ex, v) if item is not None else None
            if code is not None:
                g.codes[item] = code
        return
    g.shown = g.answer
    if ex.type == "choice" and g.choice and g.choice != "(not an option)":
        typed = str(value).strip() if isinstance(value, str) else repr(value)
        if typed != g.choice:
            g.read_as = f"read as option {g.choice}"


def _label_words(v: Any) -> str:
    """A classify answer as the notebook echoes it: ``["judgement", "invoked"]`` is
    "judgement + invoked" (no Python list syntax on a student's page).

    >>> _label_words(["judgement", "invoked"]), _label_words("force")
    ('judgement + invoked', 'force')
    """
    if isinstance(v, (list, tuple)) and all(isinstance(x, str) for x in v):
        return " + ".join(v)
    return str(v)


def _norm_id(text: str) -> str:
    return re.sub(r"[\s_-]+", "", text.lower())


def classify_code(ex: Any, value: Any) -> str | None:
    """One classify answer as a code for class agreement: the label as the engine reads it
    (its canonical name), ``"axis=label; ..."`` for several axes; None when unreadable."""
    from ..exercises.model import match_label, split_axes

    axes = tuple(ex.axes)

    def canonical(v: Any, axis: str) -> str | None:
        if not isinstance(v, str) or not v.strip():
            return None
        labels = ex.axes[axis]
        if v in labels:
            return v
        try:
            meant, _ = match_label(v, labels, ex.aliases.get(axis))
        except Exception:  # the engine's reader is not ours to trust with odd input
            meant = None
        return meant or " ".join(v.lower().split())

    if len(axes) == 1:
        if isinstance(value, (list, tuple)) and len(value) == 1:
            value = value[0]
        return canonical(value, axes[0])
    try:
        got = split_axes(value, axes)
    except Exception:
        got = None
    if not got:
        return None
    parts = [f"{a}={canonical(got.get(a), a)}" for a in axes]
    return "; ".join(parts)


def reference_codes(ex: Any) -> dict[str, set[str]]:
    """The codes the key accepts for each classify item (see :func:`classify_code`)."""
    axes = tuple(ex.axes)
    out: dict[str, set[str]] = {}
    for item, ref in ex.reference.items():
        if len(axes) == 1:
            out[item] = set(ref[axes[0]])
        else:
            out[item] = {"; ".join(f"{a}={ref[a][0]}" for a in axes)}
    return out


def attempted_units(ex: Any, value: Any) -> bool | set[str]:
    """The units whose reference and reason a feedback page may show: those the student
    answered (a marked phrase touching a reference phrase, a link between the right two
    claims, any classification item or option given). The rest get the engine's hint, and
    what was left blank is only counted (the engine never reveals it)."""
    if ex.type == "spans":
        from ..exercises.scoring import answer_spans

        try:
            spans, _ = answer_spans(ex, value, [])
        except Exception:
            return False
        return {
            f"phrase {j + 1}"
            for j, r in enumerate(ex.reference)
            if any(s < r.end and r.start < e for s, e in spans)
        }
    if ex.type == "links":
        from ..exercises.scoring import answer_links

        try:
            links, _ = answer_links(ex, value, [])
        except Exception:
            return False
        pairs = {frozenset((a, b)) for a, b, _rel in links}
        return {f"{a} -{rel}-> {b}" for a, b, rel in ex.reference if frozenset((a, b)) in pairs}
    return True  # classify and choice: only answered items get a line; blanks are counted


def blank_hints(ex: Any, blank: list[str]) -> list[str]:
    """The key's hints for the reference parts a student left blank (none if it has none)."""
    if not blank:
        return []
    out: list[str] = []
    if ex.type == "spans":
        for r in ex.reference:
            hint = getattr(r, "hint", "")
            if r.text in blank and hint and hint not in out:
                out.append(hint)
    elif ex.type == "classify":
        ids = {u.split(" (", 1)[0] for u in blank}
        for item in ex.items:
            hint = getattr(item, "hint", "")
            if item.id in ids and hint and hint not in out:
                out.append(f"{item.id}: {hint}")
    return _lines(out)


def _link_pair(unit: str) -> frozenset[str]:
    """The two claims of a link unit ``"c2 -supports-> c1"``.

    >>> sorted(_link_pair("c2 -supports-> c1"))
    ['c1', 'c2']
    """
    return frozenset((unit.split(" -", 1)[0], unit.rsplit("-> ", 1)[-1]))


def blank_units(ex: Any, g: ExerciseGrade, value: Any) -> list[str]:
    """The missed reference units the student did not attempt (as opposed to got wrong)."""
    if not g.answered:
        return list(g.missed_units)
    if ex.type == "classify" and isinstance(value, dict):
        given = {_norm_id(str(k)) for k, v in value.items() if v not in (None, "", [], {})}
        return [u for u in g.missed_units if _norm_id(u.split(" (", 1)[0]) not in given]
    if ex.type == "spans":  # a reference phrase no marked phrase touches was not attempted
        touched = {
            r.text for r in ex.reference if any(s < r.end and r.start < e for s, e in g.spans)
        }
        return [u for u in g.missed_units if u not in touched]
    if ex.type == "links":  # a reference link whose two claims were never linked
        from ..exercises.scoring import answer_links

        try:
            links, _ = answer_links(ex, value, [])
        except Exception:
            return []
        pairs = {frozenset((a, b)) for a, b, _rel in links}
        return [u for u in g.missed_units if _link_pair(u) not in pairs]
    return []


def missed_units(ex: Any, s: Any, value: Any) -> list[str]:
    """The reference units (phrase, item id, link, 'right option') a student did not get fully.

    Read from the engine's :class:`~framingkit.exercises.Score` lines, so the grader
    never scores a second time.
    """
    got = set(s.right)
    if ex.type == "spans":
        return [r.text for r in ex.reference if not any(g.startswith(f"“{r.text}”") for g in got)]
    if ex.type == "classify":
        texts = {i.id: " ".join(i.text.split()) for i in ex.items}
        return [
            f"{i} ({texts[i][:40]}{'…' * (len(texts[i]) > 40)})" if texts.get(i) else i
            for i in ex.reference
            if not any(g.startswith((f"{i} (", f"{i}:")) for g in got)
        ]
    if ex.type == "links":
        return [f"{a} -{rel}-> {b}" for a, b, rel in ex.reference if f"{a} -{rel}-> {b}" not in got]
    if ex.type == "choice":
        return [] if got else ["the right option"]
    return []
