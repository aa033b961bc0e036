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
from .run import STATUSES, GradeResult

#: The fixed columns of grades.csv, in order (exercise columns go between max_score and message).
HEAD: tuple[str, ...] = ("student", "lesson", "status", "score", "max_score")
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
        row += [num(r.score), num(r.max_score)]
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


def feedback_html(r: GradeResult) -> str:
    """The feedback page of one submission: scores, what was missed and why, the answers given.

    It never lists the whole key: only the reference parts this student missed.
    """
    score = (
        f"{num(r.score)} of {num(r.max_score)} points"
        if r.score is not None
        else "no score (see the status)"
    )
    out = [
        f"<h1>Feedback for {esc(r.student)}</h1>",
        "<table>",
        f"<tr><th>notebook</th><td>{esc(r.file)}</td></tr>",
        f"<tr><th>lesson</th><td>{esc(r.lesson or '(none)')}</td></tr>",
        f"<tr><th>status</th><td><span class='status'>{esc(r.status)}</span> "
        f"<span class='muted'>– {esc(STATUSES.get(r.status, ''))}</span></td></tr>",
        f"<tr><th>score</th><td>{esc(score)}</td></tr>",
        "</table>",
    ]
    if r.notes:
        out.append(_list("problem", "Notes", r.notes))
    for g in r.exercises.values():
        pts = (
            f"{num(g.points)} / {num(g.max_points)}"
            if g.points is not None
            else f"scored by your instructor (out of {num(g.max_points)})"
        )
        out.append(f"<h2>{esc(g.title)} <span class='muted'>({esc(g.exercise)})</span></h2>")
        out.append(f"<p><b>{esc(pts)}</b>. {esc(g.checked)}</p>")
        if g.answer:
            via = f" (via {esc(g.via)})" if g.via else ""
            out.append(f"<p><b>Your answer</b>{via}:</p><pre>{esc(g.answer)}</pre>")
        elif g.type != "text":
            out.append("<p class='muted'>Not answered.</p>")
        out.append(_list("right", "Right", g.right))
        out.append(_list("partial", "Partly right", g.partial))
        out.append(_list("missed", "Missed, and why", g.missed))
        out.append(_list("extra", "Extra (not in the reference)", g.extra))
        out.append(_list("problem", "Could not be read", g.problems))
        fb = [f for f in g.feedback if f]
        out.append(_list("problem", "Feedback", fb))
    return page(f"Feedback: {r.student} ({r.lesson or r.file})", "\n".join(out))


def write_feedback(out: Path, results: Sequence[GradeResult], names: Sequence[str]) -> None:
    """Write one feedback page per result into ``out/feedback`` (atomically, never outside)."""
    folder = out_folder(out, "feedback")
    for r, name in zip(results, names, strict=True):
        write_text(inside(folder, name), feedback_html(r))
