"""The span class view: the exercise text with each word shaded by how many students marked it.

Beside it, the reference phrases (bold and underlined, not colour alone). Every
marked word also carries its count as a small number, so the view works in
black and white and for colour-blind readers; shading uses one Okabe-Ito hue.

>>> words("Putin boldly announced.")
[(0, 5), (6, 12), (13, 22)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..style import OKABE_ITO, esc, light
from .report import page
from .run import GradeResult

_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def words(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word in ``text``."""
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


def word_counts(text: str, answers: Sequence[Sequence[tuple[int, int]]]) -> list[int]:
    """For each word of ``text``, how many of ``answers`` (lists of spans) overlap it.

    >>> word_counts("a b c", [[(0, 3)], [(2, 3)]])
    [1, 2, 0]
    """
    out = []
    for ws, we in words(text):
        out.append(sum(any(s < we and ws < e for s, e in spans) for spans in answers))
    return out


def _render(text: str, marks: list[tuple[int, int, str, str]]) -> str:
    """``text`` escaped, with ``marks`` (start, end, open tag, close tag) wrapped around words."""
    out, pos = [], 0
    for s, e, open_, close in marks:
        out.append(esc(text[pos:s]))
        out.append(open_ + esc(text[s:e]) + close)
        pos = e
    out.append(esc(text[pos:]))
    return "".join(out).replace("\n\n", "<br><br>")


CSS = f"""
.cols {{ display: grid; grid-template-columns: 1fr 1fr; gap: 2em; }}
.text {{ font-size: 1.15em; line-height: 2.1; }}
.w sup {{ font-size: .65em; color: #000; font-weight: bold; margin-left: 1px; }}
.ref {{ font-weight: bold; text-decoration: underline 2px {OKABE_ITO["vermillion"]};
  background: {light(OKABE_ITO["orange"], 0.25)}; }}
.key span {{ padding: 0 .3em; }}
"""


def span_view_html(
    title: str,
    exercise: str,
    text: str,
    refs: Sequence[tuple[int, int]],
    results: Sequence[GradeResult],
) -> str:
    """The class view page of one spans exercise (what students marked vs the reference)."""
    answers = [
        r.exercises[exercise].spans
        for r in results
        if exercise in r.exercises
        and r.status in ("ok", "error", "timeout")
        and r.exercises[exercise].answered
    ]
    n = len(answers)
    counts = word_counts(text, answers)
    marks = []
    for (s, e), c in zip(words(text), counts, strict=True):
        if c:
            alpha = 0.12 + 0.58 * c / max(n, 1)
            bg = light(OKABE_ITO["blue"], round(alpha, 2))
            marks.append(
                (
                    s,
                    e,
                    f"<span class='w' style='background:{bg}' title='{c} of {n}'>",
                    f"<sup>{c}</sup></span>",
                )
            )
    ref_marks = [(s, e, "<span class='ref'>", "</span>") for s, e in sorted(refs)]
    legend = "".join(
        f"<span style='background:{light(OKABE_ITO['blue'], round(0.12 + 0.58 * f, 2))}'>"
        f"{label}</span>"
        for f, label in ((0.25, "a few"), (0.5, "half"), (1.0, "all"))
    )
    body = (
        f"<h1>{esc(title)}</h1><p class='muted'>{esc(exercise)}: {n} student{'s' * (n != 1)} "
        "answered. "
        "The small number after a word is how many of them marked it; darker shading means "
        f"more students.</p><p class='key'>Shading: {legend}</p>"
        "<div class='cols'>"
        f"<div><h2>What the class marked</h2><div class='text'>{_render(text, marks)}</div></div>"
        "<div><h2>Reference</h2><div class='text'>"
        f"{_render(text, _no_overlap(ref_marks))}</div></div></div>"
    )
    return page(f"Class view: {title}", body, CSS)


def _no_overlap(marks: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    out: list[tuple[int, int, str, str]] = []
    for m in marks:
        if out and m[0] < out[-1][1]:
            last = out[-1]
            out[-1] = (last[0], max(last[1], m[1]), last[2], last[3])
        else:
            out.append(m)
    return out
