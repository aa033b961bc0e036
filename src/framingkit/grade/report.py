"""grades.csv and the per-student feedback pages.

Everything a student wrote (answers, file names, ids) is HTML-escaped with
:func:`framingkit.style.esc`, and every page carries a Content-Security-Policy
that forbids scripts, so even a mistake in escaping could not run code in the
instructor's browser. CSV cells that a spreadsheet would read as a formula are
prefixed with ``'``.

>>> csv_cell("=HYPERLINK(1)")
"'=HYPERLINK(1)"
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from ..atomic import write_text
from ..style import OKABE_ITO, esc
from .discover import inside, out_folder, safe_name
from .run import ExerciseGrade, GradeResult

#: The fixed columns of grades.csv, in order (exercise columns go between max_score and message).
HEAD: tuple[str, ...] = ("student", "lesson", "status", "score", "max_score", "written")
TAIL: tuple[str, ...] = ("message", "file", "feedback")
#: Content-Security-Policy of every page the grader writes: no scripts, nothing fetched.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:"


def csv_cell(value: object) -> str:
    """A CSV cell that spreadsheets show as text, never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def num(x: float | None) -> str:
    """A score as short text (``''`` when not scored).

    >>> num(3.0), num(2.5), num(None)
    ('3', '2.5', '')
    """
    return "" if x is None else f"{x:g}"


def exercise_columns(results: Sequence[GradeResult]) -> list[str]:
    """Every exercise id in the results, by lesson, then in key order."""
    seen: dict[str, None] = {}
    for r in sorted(results, key=lambda r: r.lesson or ""):
        for eid in r.exercises:
            seen.setdefault(eid, None)
    return list(seen)


def feedback_names(results: Sequence[GradeResult]) -> list[str]:
    """A distinct, safe file name for each result's feedback page (same order)."""
    names: list[str] = []
    used: set[str] = set()
    for r in results:
        base = f"{safe_name(r.student)}__{safe_name(Path(r.file).stem, 40)}"
        name, n = f"{base}.html", 2
        while name.lower() in used:
            name, n = f"{base}-{n}.html", n + 1
        used.add(name.lower())
        names.append(name)
    return names


def grades_csv(results: Sequence[GradeResult], feedback: Sequence[str]) -> str:
    """The text of grades.csv (one row per submitted notebook)."""
    cols = exercise_columns(results)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([*HEAD, *cols, *TAIL])
    for r, fb in zip(results, feedback, strict=True):
        row = [csv_cell(r.student), csv_cell(r.lesson or ""), r.status]
        row += [num(r.score), num(r.max_score), r.written]
        row += [num(r.exercises[c].points) if c in r.exercises else "" for c in cols]
        row += [csv_cell(r.message), csv_cell(r.file), f"feedback/{fb}"]
        w.writerow(row)
    return buf.getvalue()


PAGE_CSS = f"""
body {{ font: 15px/1.45 system-ui, sans-serif; max-width: 60em; margin: 1.5em auto;
  padding: 0 1em; color: #111; }}
h1 {{ font-size: 1.4em; }} h2 {{ font-size: 1.1em; margin-top: 1.6em; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #bbb; padding: .25em .5em;
  text-align: left; vertical-align: top; }}
.status {{ font-weight: bold; }} .muted {{ color: #555; }}
pre {{ white-space: pre-wrap; word-break: break-word; background: #f4f4f4; padding: .5em; }}
li.right::marker {{ content: "✓ "; color: {OKABE_ITO["green"]}; }}
li.partial::marker {{ content: "◐ "; color: {OKABE_ITO["orange"]}; }}
li.missed::marker {{ content: "✗ "; color: {OKABE_ITO["vermillion"]}; }}
li.extra::marker {{ content: "+ "; color: {OKABE_ITO["purple"]}; }}
li.problem::marker {{ content: "! "; }}
li.note::marker {{ content: "→ "; }}
"""


def page(title: str, body: str, css: str = "") -> str:
    """A complete, script-free HTML page (``title`` is escaped here; ``body`` must be)."""
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>\n"
        f"<meta http-equiv='Content-Security-Policy' content=\"{CSP}\">\n"
        f"<title>{esc(title)}</title>\n<style>{PAGE_CSS}{css}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )


def _list(cls: str, label: str, lines: Sequence[str]) -> str:
    if not lines:
        return ""
    items = "".join(f"<li class='{cls}'>{esc(x)}</li>" for x in lines)
    return f"<p><b>{label}</b></p><ul>{items}</ul>"


#: What each status means, in the student's words (the instructor's are in run.STATUSES).
STUDENT_STATUS: dict[str, str] = {
    "ok": "",
    "error": "Your notebook stopped with an error when it was run from the top.",
    "timeout": "Your notebook ran longer than the time limit when it was run from the top.",
    "invalid": "Your notebook could not be graded.",
    "not_a_lesson": "This notebook is not one of the course's lesson notebooks, so it could "
    "not be graded.",
}


def score_sentence(r: GradeResult) -> str:
    """The page's score line, saying whether written answers are in it.

    >>> from framingkit.grade.run import GradeResult
    >>> r = GradeResult("a", "a.ipynb", "l", "ok", 5, 7, written="not included")
    >>> score_sentence(r).split(":")[0]
    '5 of 7 points so far'
    """
    if r.score is None:
        return "No score: " + (STUDENT_STATUS.get(r.status) or "the notebook was not graded.")
    base = f"{num(r.score)} of {num(r.max_score)} points"
    if r.written == "not included":
        return (
            f"{base} so far: your written answers are scored by your instructor and are not "
            "in this score yet."
        )
    if r.written == "incomplete":
        return (
            f"{base}, including the points your instructor has given for written answers so "
            "far (some are not scored yet)."
        )
    if r.written == "included":
        return f"{base}, including your instructor's points for written answers."
    return f"{base}."


def _student_lines(g: ExerciseGrade) -> tuple[list[str], str]:
    """The exercise's missed lines without what the student left blank, and a count of it.

    A page names only what the student answered: the blank parts are counted, not shown
    (their reference answers would give the key away).
    """
    blanks = set(g.blank_units)
    if not g.answered:
        return [], ""
    keep: list[str] = []
    hidden = 0
    for line in g.missed:
        unit = next((u for u in blanks if _names(line, u)), None)
        if unit is not None or "not answered" in line:
            hidden += 1
            continue
        keep.append(line)
    what = {"spans": "reference phrase", "links": "link", "classify": "item"}.get(g.type, "part")
    if not hidden:
        return keep, ""
    if g.type == "spans":
        note = f"{hidden} {what}{'s' * (hidden != 1)} you did not mark."
    elif g.type == "links":
        note = f"{hidden} {what}{'s' * (hidden != 1)} of the reference map you did not make."
    else:
        note = f"{hidden} {what}{'s' * (hidden != 1)} left blank (0 points each)."
    return keep, note


def _you(line: str) -> str:
    """A choice's missed line in the student's terms ("the right option: you picked c) …").

    >>> _you("the right option: you picked c) X: no.")
    'You picked c) X: no.'
    """
    head = "the right option: you picked "
    return "You picked " + line[len(head) :] if line.startswith(head) else line


def _names(line: str, unit: str) -> bool:
    """Whether a missed line is about the reference unit ``unit``."""
    head = unit.split(" (", 1)[0]
    return line.startswith((f"“{unit}”", f"{head} (", f"{head}:", unit))


def _once(lines: Sequence[str], said: Sequence[str]) -> list[str]:
    """``lines`` without those already said inside one of ``said`` (a misconception once)."""
    return [x for x in lines if x and not any(x in y for y in said)]


def exercise_html(g: ExerciseGrade) -> list[str]:
    """One exercise on a student's page (no reference beyond what the student answered)."""
    if g.points is not None:
        pts = f"{num(g.points)} of {num(g.max_points)} point{'s' * (g.max_points != 1)}"
    else:
        pts = f"scored by your instructor (out of {num(g.max_points)} points)"
    if not g.counted:
        pts = "Practice exercise, not counted in your score"
    out = [f"<h2>{esc(g.title)} <span class='muted'>({esc(g.exercise)})</span></h2>"]
    if g.unreadable:
        out.append(
            f"<p><b>{esc(pts)}</b>. You answered, but your answer could not be read, so it "
            "was not checked. Why:</p>"
        )
        out.append(_list("problem", "Could not be read", g.problems))
        if g.answer:
            out.append(f"<p><b>Your answer</b>:</p><pre>{esc(g.answer)}</pre>")
        return out
    if not g.answered:
        if g.type == "text":
            out.append(f"<p><b>{esc(pts)}</b>. Not answered.</p>")
        else:
            out.append(f"<p><b>{esc(pts)}</b>. Not answered, so nothing was checked.</p>")
        return out
    out.append(f"<p><b>{esc(pts)}</b>. {esc(g.checked)}</p>")
    shown = g.shown or g.answer
    if shown:
        via = " (with the buttons)" if g.via == "widget" else ""
        said = any("as option" in f for f in g.feedback)  # the engine says how it read it
        read = f" <span class='muted'>({esc(g.read_as)})</span>" if g.read_as and not said else ""
        out.append(f"<p><b>Your answer</b>{via}{read}:</p><pre>{esc(shown)}</pre>")
    missed, blank_note = _student_lines(g)
    missed = [_you(x) for x in missed]
    out.append(_list("right", "Right", g.right))
    out.append(_list("partial", "Partly right", g.partial))
    out.append(_list("missed", "Missed, and why (or a hint)", missed))
    if g.unanswered:
        out.append(_list("note", "Not answered", g.unanswered))
    elif blank_note:
        out.append(f"<p class='muted'>{esc(blank_note)}</p>")
    if blank_note and not any("Hint:" in x for x in [*missed, *g.partial]):
        out.append(_list("note", "Hints for what you left out", g.hints))
    out.append(_list("extra", "Extra (not in the reference)", g.extra))
    problems = g.problems if g.type != "text" else []
    out.append(_list("problem", "Could not be read", problems))
    said = [*g.right, *g.partial, *missed, *g.extra]
    out.append(_list("note", "Feedback", _once(g.feedback, said)))
    if g.type == "text" and g.rubric:
        out.append(
            "<p class='muted'>Your instructor's points: "
            + esc(", ".join(f"{k} {num(v)}" for k, v in g.rubric.items()))
            + "</p>"
        )
    return out


def feedback_html(r: GradeResult) -> str:
    """The feedback page of one submission, written for the student.

    It never lists the whole key: only the reference parts of what this student answered;
    blank parts are counted. No instructor wording (rubric problems, statuses) appears.
    """
    out = [
        f"<h1>Feedback for {esc(r.student)}</h1>",
        "<table>",
        f"<tr><th>notebook</th><td>{esc(r.file)}</td></tr>",
        f"<tr><th>lesson</th><td>{esc(r.lesson or '(none)')}</td></tr>",
        f"<tr><th>score</th><td>{esc(score_sentence(r))}</td></tr>",
        "</table>",
    ]
    status = STUDENT_STATUS.get(r.status, "")
    notes = list(r.student_notes)
    if r.status in ("invalid", "not_a_lesson"):
        notes = [status, *r.notes]
    elif status and not any("was run from the top" in n for n in notes):
        notes.insert(0, status)
    if notes:
        out.append(_list("problem", "Notes", notes))
    for g in r.exercises.values():
        out.extend(x for x in exercise_html(g) if x)
    return page(f"Feedback: {r.student} ({r.lesson or r.file})", "\n".join(out))


def write_feedback(out: Path, results: Sequence[GradeResult], names: Sequence[str]) -> None:
    """Write one feedback page per result into ``out/feedback`` (atomically, never outside)."""
    folder = out_folder(out, "feedback")
    for r, name in zip(results, names, strict=True):
        write_text(inside(folder, name), feedback_html(r))
