"""Feedback views of a :class:`~framingkit.exercises.scoring.Score`: plain text and HTML.

Every line starts with a word and a symbol (never colour alone).

>>> from framingkit.exercises.scoring import Score
>>> s = Score("d/x", "choice", 0.0, 1.0, "Checked your option.", missed=["a) A: no."])
>>> print(feedback_text(s))
Checked your option.
Score: 0 of 1 point.
✗ Not right yet: a) A: no.
"""

from __future__ import annotations

from ..style import OKABE_ITO, esc, light
from .scoring import Score

#: Sections of the feedback, in order: (attribute, symbol, heading, colour). Symbols and
#: words, never colour alone; "!" only for what could not be used.
SECTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("right", "✓", "Right", OKABE_ITO["green"]),
    ("partial", "≈", "Partly right", OKABE_ITO["orange"]),
    ("missed", "✗", "Not right yet", OKABE_ITO["vermillion"]),
    ("shown", "◆", "The answer was", OKABE_ITO["blue"]),
    ("extra", "+", "Not asked for", OKABE_ITO["purple"]),
    ("unanswered", "○", "Not answered yet", OKABE_ITO["grey"]),
    ("problems", "!", "Could not use", OKABE_ITO["grey"]),
    ("feedback", "→", "Note", OKABE_ITO["blue"]),
)


def points_line(s: Score) -> str:
    """'Score: 1.5 of 2 points.' (or the reason there is no score; empty for a form check)."""
    if s.form_only:
        return ""
    if s.points is None:
        return "Score: entered by your instructor."
    unit = "point" if s.max_points == 1 else "points"
    return f"Score: {s.points:g} of {s.max_points:g} {unit}."


def _items(s: Score, attr: str) -> list[str]:
    """The lines of one section; a feedback line already said in a missed line is not repeated."""
    items = list(getattr(s, attr))
    if attr == "feedback":
        items = [f for f in items if not any(f and f in m for m in s.missed + s.shown)]
    return items


def next_step(s: Score) -> str:
    """What to do next, after hints (try again) or when everything is right."""
    if s.points is None or not s.answered:
        return ""
    if s.points >= s.max_points and not s.unanswered:
        return "All right."
    if s.hinted:
        return (
            "Change your answer and check again: after a further try the answers are shown "
            "(to see them now: press Show the answers, or run "
            f'check("{s.exercise}", answer, reveal=True)).'
        )
    return ""


def feedback_text(s: Score) -> str:
    """The feedback as plain text (what ``check()`` and a typed answer print)."""
    lines = [s.checked, points_line(s)] if points_line(s) else [s.checked]
    for attr, sym, head, _ in SECTIONS:
        for item in _items(s, attr):
            lines.append(f"{sym} {head}: {item}")
    step = next_step(s)
    if step:
        lines.append(step)
    return "\n".join(lines)


def feedback_html(s: Score) -> str:
    """The feedback as an HTML block (what the Check button shows)."""
    parts = [
        '<div class="fk-feedback" role="status" aria-live="polite" '
        'style="font-size:0.95em;line-height:1.4">',
        f"<p style='margin:0.2em 0'><b>{esc(s.checked)}</b> {esc(points_line(s))}</p>",
    ]
    for attr, sym, head, colour in SECTIONS:
        items = _items(s, attr)
        if not items:
            continue
        count = "" if attr == "unanswered" else f" ({len(items)})"  # its line gives the number
        parts.append(
            f"<div style='border-left:4px solid {colour};background:{light(colour, 0.12)};"
            f"padding:0.2em 0.6em;margin:0.3em 0'><b>{sym} {head}{count}</b><ul "
            "style='margin:0.1em 0 0.1em 1.2em;padding:0'>"
            + "".join(f"<li>{esc(i)}</li>" for i in items)
            + "</ul></div>"
        )
    step = next_step(s)
    if step:
        parts.append(f"<p style='margin:0.3em 0'>{esc(step)}</p>")
    parts.append("</div>")
    return "".join(parts)


def message_html(text: str) -> str:
    """A one-sentence notice (e.g. self-check is off) as HTML."""
    return (
        f"<div class='fk-feedback' role='status' style='border-left:4px solid "
        f"{OKABE_ITO['grey']};padding:0.2em 0.6em'>{esc(text)}</div>"
    )
