"""The notebook-facing functions: :func:`exercise` and :func:`check`.

In an exercise cell::

    answer = None            # or type a Python value here instead of using the widget
    exercise("02-spot/boosters", answer)

shows the prompt, the widget (restored from the answer last saved in the notebook
file), a Check button, and a small "answer record" output that the widget keeps
up to date (MIME ``application/vnd.framingkit.answer+json``) so the answer is
saved with the notebook. With a typed ``answer`` the cell also prints the feedback
the Check button gives (text and HTML), so it works without widgets (nbconvert, a
plain kernel, a screen reader). ``check("02-spot/boosters", answer)`` gives the same
feedback; :func:`exercise` puts ``check`` into the notebook's namespace, so lessons
that import only ``exercise`` can call it. Outside Jupyter both work too (plain text).

Tries: the first check of a wrong answer gives hints; a further check with a changed
answer shows the reference of what is still wrong; ``reveal=True`` shows it at once.
Tries are counted per exercise in this kernel (shared by the widget and the typed path).
"""

from __future__ import annotations

import os
from typing import Any

from ..errors import install_notebook_handler
from ..style import OKABE_ITO, esc
from . import answers as _answers
from .feedback import feedback_html, feedback_text
from .model import TYPES, ExerciseDef, find_exercise
from .scoring import Score, answer_spans, form_check, is_empty, reference_lines, score

#: Live exercises of this kernel, by id (the latest widget answer survives re-running a cell).
_LIVE: dict[str, Exercise] = {}


class _Tries:
    """What this kernel has checked for one exercise: the last answer and the hinted units."""

    def __init__(self) -> None:
        self.last: str | None = None
        self.hinted: set[str] = set()
        #: The last answer checked that was not empty (the gate of :func:`after` counts it).
        self.answered: Any = None
        #: True once every reference was shown (``reveal=True`` or "Show the answers").
        self.revealed = False


#: Tries of this kernel, by exercise id.
_TRIES: dict[str, _Tries] = {}
SAME_ANSWER = (
    "This is the answer you checked last time. Change it and check again, or ask for "
    "the answers with reveal=True."
)


def _fingerprint(value: Any) -> str:
    import json

    try:
        return json.dumps(_answers.jsonable(value), sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


def checked_score(defn: ExerciseDef, value: Any, *, reveal: bool = False) -> Score:
    """Score a self-check try: hints first, the reference after a further (changed) try.

    >>> from framingkit.exercises.model import parse_key
    >>> d = parse_key({"lesson": "t", "exercises": {"t/c": {"type": "choice", "prompt": "?",
    ...     "reference": "a", "hint": "Think.", "options": {"a": "A", "b": {"text": "B",
    ...     "feedback": "No."}, "c": {"text": "C", "feedback": "Nope."}}}}}).exercises["t/c"]
    >>> checked_score(d, "b").missed
    ['b) is not the best answer. No. Hint: Think.']
    >>> s = checked_score(d, "c")
    >>> s.missed, s.shown
    (['c) is not the best answer. Nope.'], ['a) A.'])
    >>> _TRIES.clear()
    """
    tries = _TRIES.setdefault(defn.id, _Tries())
    fp = _fingerprint(value)
    same = fp == tries.last and not reveal
    s = score(defn, value, reveal=True if reveal else (set() if same else tries.hinted))
    if reveal and s.points is not None:  # the student asked for the answers: blanks too
        if is_empty(value):
            s.shown = reference_lines(defn)
        elif defn.type == "classify":  # in the order of the items
            s.shown += reference_lines(defn, s.details.get("blank", []))
            order = {i.id: n for n, i in enumerate(defn.items)}
            s.shown.sort(key=lambda line: order.get(line.split(" ", 1)[0].rstrip(":"), 0))
        s.revealed = True
    if same and s.hinted:
        s.feedback.append(SAME_ANSWER)
    tries.last = fp
    tries.hinted |= set(s.hinted)
    if not is_empty(value):
        tries.answered = value
    tries.revealed = tries.revealed or bool(reveal)
    return s


class Exercise:
    """One shown exercise: its definition, the widget answer, the typed answer and the record.

    ``value`` is the answer that counts (typed if not None, else the widget's).
    """

    def __init__(self, defn: ExerciseDef, typed: Any = None, self_check: bool = True) -> None:
        self.defn = defn
        self.id = defn.id
        self.typed = typed
        self.widget_value: Any = None
        self.saved: str | None = None
        self.self_check = self_check
        self.problems: list[str] = []
        self.widget: Any = None
        self._handle: Any = None
        self._shown = False

    @property
    def value(self) -> Any:
        """The answer that counts: the typed literal if not None, else the widget's."""
        return self.typed if self.typed is not None else self.widget_value

    @property
    def via(self) -> str | None:
        """``typed``, ``widget`` or None (not answered)."""
        if self.typed is not None:
            return "typed"
        return None if is_empty(self.widget_value) else "widget"

    def record(self) -> dict[str, Any]:
        """The JSON answer record (the widget's answer; the typed one lives in the source)."""
        rec = _answers.make_record(self.id, self.widget_value, "widget")
        if self.saved and self.widget_value is not None:
            rec["saved"] = self.saved
        return rec

    def set_widget_value(self, value: Any) -> None:
        """Store a widget answer: in the kernel and in the cell's answer record (in place)."""
        self.widget_value = None if is_empty(value) else _answers.jsonable(value)
        self.saved = _answers.now_iso()
        self._update_record()

    def check(self, reveal: bool = False) -> Score:
        """Score the current answer as a try; with self-check off, only check that it can be
        read (:func:`~framingkit.exercises.scoring.form_check`: nothing about the key)."""
        if not self.self_check:
            return form_check(self.defn, self.value)
        return checked_score(self.defn, self.value, reveal=reveal)

    def feedback_html(self, reveal: bool = False) -> str:
        """What the Check button shows (the same lines as :meth:`feedback_text`)."""
        return feedback_html(self.check(reveal))

    def feedback_text(self, reveal: bool = False) -> str:
        """What a typed answer prints (the same lines as :meth:`feedback_html`)."""
        return feedback_text(self.check(reveal))

    def show_feedback(self, reveal: bool = False) -> None:
        """Display the feedback on the current answer: HTML with a plain-text alternative."""
        s = self.check(reveal)
        text, html = feedback_text(s), feedback_html(s)
        if _in_ipython() is None:
            print(text)
            return
        from IPython.display import display

        display({"text/plain": text, "text/html": html}, raw=True)

    # -- display ---------------------------------------------------------------------------

    def _bundle(self) -> dict[str, Any]:
        return {
            _answers.MIME: self.record(),
            "text/html": self._status_html(),
            "text/plain": self._status_text(),
        }

    def _status_text(self) -> str:
        return f"Your answer to {self.id}: {describe(self.defn, self.value)}" + (
            " (typed in the cell)" if self.via == "typed" else ""
        )

    def _status_html(self) -> str:
        via = {
            "typed": "typed in this cell, it counts over the widget",
            "widget": "from the widget, stored in this notebook: save to keep it",
            None: "not answered yet",
        }[self.via]
        problems = "".join(
            f"<div style='color:{OKABE_ITO['vermillion']}'>! {esc(p)}</div>" for p in self.problems
        )
        return (
            f"<div class='fk-answer' data-exercise='{esc(self.id)}' style='font-size:0.9em;"
            f"color:#333;border-top:1px dashed {OKABE_ITO['grey']};padding-top:0.2em'>"
            + (
                f"<b>Your answer</b> ({esc(via)}): {esc(describe(self.defn, self.value))}"
                if self.via
                else "<b>Your answer</b>: not answered yet"
            )
            + f"{problems}</div>"
        )

    def _update_record(self) -> None:
        if self._handle is not None:
            self._handle.update(self._bundle(), raw=True)

    def show(self) -> None:
        """Display the prompt, the widget (when ipywidgets works) and the answer record."""
        from IPython.display import HTML, display

        display(HTML(prompt_html(self.defn)))
        self.widget = _make_widget(self)
        if self.widget is not None:
            display(self.widget)
        self._handle = display(self._bundle(), raw=True, display_id=True)
        self._shown = True

    def _ipython_display_(self) -> None:
        if not self._shown:
            self.show()

    def __repr__(self) -> str:
        return f"<Exercise {self.id} ({self.defn.type}): {self._status_text()}>"


def _make_widget(ex: Exercise) -> Any:
    try:
        from .widgets import exercise_widget
    except ImportError:  # ipywidgets missing: the typed path still works
        return None
    return exercise_widget(ex)


def describe(defn: ExerciseDef, value: Any) -> str:
    """A short human-readable form of an answer ('2 phrases: "boldly", "excessive zeal"')."""
    if is_empty(value):
        return "not answered yet"
    if defn.type == "spans":
        spans, _ = answer_spans(defn, value)
        phrases = [defn.text[s:e] for s, e in spans]
        n = len(phrases)
        return f"{n} phrase{'s' * (n != 1)}: " + ", ".join(f"“{p}”" for p in phrases)
    if defn.type == "classify" and isinstance(value, dict):
        return "; ".join(
            f"{k}: {' + '.join(map(str, v)) if isinstance(v, (list, tuple)) else v}"
            for k, v in value.items()
        )
    if defn.type == "choice":
        from .scoring import _choice_key

        key = _choice_key(defn, value, [])[0]
        opt = defn.options.get(key) if key is not None else None
        return f"{key}) {opt.text}" if opt else f"{value!r} (not one of the options)"
    if defn.type == "links" and isinstance(value, (list, tuple)):
        return "; ".join(
            f"{x[0]} -{x[2]}-> {x[1]}" if isinstance(x, (list, tuple)) and len(x) == 3 else repr(x)
            for x in value
        )
    if defn.type == "text" and isinstance(value, str):
        words = len(value.split())
        return f"{words} word{'s' * (words != 1)}: “{value[:80]}{'…' if len(value) > 80 else ''}”"
    return repr(value)


def typed_example(defn: ExerciseDef) -> str:
    """An example ``answer = ...`` line in the shape of this exercise (not its solution).

    A classify example uses, per axis, the first label that is not a right or accepted
    answer of the items it shows, so copying it never scores.

    >>> from framingkit.exercises.model import parse_key
    >>> k = parse_key({"lesson": "d", "exercises": {"d/c": {"type": "classify", "prompt": "p",
    ...     "items": {"i1": "x", "i2": "y"}, "axes": {"kind": ["a", "b"], "effect": ["c"]},
    ...     "reference": {"i1": ["a", "c"], "i2": ["b", "c"]}}}})
    >>> typed_example(k.exercises["d/c"])
    'answer = {"i1": ["a", "c"], "i2": ["a", "c"]}'
    """
    import json

    if defn.type == "spans":
        words = [w.strip(".,;:!?\"'“”‘’()") for w in defn.text.split()[:5]]
        words = [w for w in words if w][:2]
        value: Any = [" ".join(words[:2])] if words else ["a phrase"]
    elif defn.type == "classify":
        shown = defn.items[:2]

        def wrong_label(axis: str, labels: tuple[str, ...]) -> str:
            """The first label that is no right (or accepted) answer of the items shown."""
            right = {
                lab
                for i in shown
                for lab in (
                    *(defn.reference or {}).get(i.id, {}).get(axis, ()),
                    *i.accept.get(axis, {}),
                )
            }
            return next((lab for lab in labels if lab not in right), labels[0])

        first = [wrong_label(a, labels) for a, labels in defn.axes.items()]
        one = first[0] if len(first) == 1 else first
        value = {i.id: one for i in shown}
    elif defn.type == "choice":
        value = next(iter(defn.options))
    elif defn.type == "links":
        ids = [c.id for c in defn.claims]
        value = [(ids[1], ids[0], defn.relations[0])] if len(ids) > 1 else []
    else:
        value = "Your answer in a few sentences."
    text = json.dumps(value, ensure_ascii=False)
    if defn.type == "links":
        text = "[" + ", ".join(f"({', '.join(json.dumps(x) for x in v)})" for v in value) + "]"
    return f"answer = {text}"


def prompt_html(defn: ExerciseDef) -> str:
    """The prompt, the material in plain prose and how to answer by typing."""
    t = TYPES[defn.type]
    what = t.what
    if defn.type == "classify":
        axes = [a for a in defn.axes if a != "label"]
        what = "label each item by " + " and ".join(axes) if axes else "label each item"
    material = ""
    if defn.type == "spans":
        material = "".join(f"<p>{esc(p)}</p>" for p in defn.text.split("\n\n"))
    elif defn.type == "classify":
        axes = "; ".join(f"<b>{esc(a)}</b>: {esc(', '.join(v))}" for a, v in defn.axes.items())
        rows = "".join(f"<li><code>{esc(i.id)}</code>: {esc(i.text)}</li>" for i in defn.items)
        material = f"<ul>{rows}</ul><p>{axes}</p>"
    elif defn.type == "choice":
        rows = "".join(
            f"<li><code>{esc(k)}</code>) {esc(o.text)}</li>" for k, o in defn.options.items()
        )
        material = f"<ul style='list-style:none'>{rows}</ul>"
    elif defn.type == "links":
        rows = "".join(f"<li><code>{esc(c.id)}</code>: {esc(c.text)}</li>" for c in defn.claims)
        material = f"<ul>{rows}</ul><p>Relations: {esc(', '.join(defn.relations))}</p>"
    if material:
        material = (
            "<details><summary>The exercise as plain text (for typing an answer)</summary>"
            f"{material}</details>"
        )
    pts = f"{defn.points:g} point{'s' * (defn.points != 1)}"
    return (
        f"<div class='fk-exercise' data-exercise='{esc(defn.id)}'>"
        f"<p><b>{esc(defn.title or 'Exercise')}</b> <code>{esc(defn.id)}</code> "
        f"({esc(what)}, {pts})</p>"
        f"<p>{esc(defn.prompt)}</p>{material}"
        f"<p style='font-size:0.85em;color:#555'>To answer by typing instead of clicking, set "
        f"<code>answer</code> in this cell to {esc(t.answer)}, e.g. "
        f"<code>{esc(typed_example(defn))}</code>, "
        "and run the cell: the feedback appears below it, the same as the Check button's "
        f"(<code>check(&quot;{esc(defn.id)}&quot;, answer)</code> does the same anywhere).</p>"
        "</div>"
    )


# ----------------------------------------------------------------------------- public API


def _in_ipython() -> Any:
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    ip = get_ipython()
    return ip if ip is not None and getattr(ip, "kernel", None) is not None else None


#: The modes of a lesson (notebook metadata ``"framingkit": {"mode": ...}``).
MODES: dict[str, str] = {
    "practice": "self-study and class practice: self-check, hints and reveal on every exercise",
    "assessment": "self-check off for graded exercises (their references are not shipped)",
}


def self_check_on(defn: ExerciseDef, nb_metadata: dict[str, Any] | None = None) -> bool:
    """False when the key or the notebook metadata switch self-check off for ``defn``.

    Notebook metadata: ``"framingkit": {"self_check": false}`` (all exercises),
    ``{"self_check_off": ["<exercise id>", ...]}`` or ``{"mode": "assessment"}`` (every
    exercise with ``graded`` true). A key without the reference (a student release) has
    self-check off too.
    """
    if not defn.self_check or defn.withheld:
        return False
    fk = (nb_metadata or {}).get("framingkit") or {}
    if not isinstance(fk, dict):
        return True
    if fk.get("self_check") is False:
        return False
    if fk.get("mode") == "assessment" and defn.graded:
        return False
    off = fk.get("self_check_off") or []
    return not (isinstance(off, list) and defn.id in off)


def exercise(
    exercise_id: str,
    answer: Any = None,
    *,
    key_dir: str | os.PathLike[str] | None = None,
    reveal: bool = False,
) -> Exercise:
    """Show exercise ``exercise_id`` with its widget, restored from the saved notebook.

    ``answer`` is the typed answer (None when not typed); a typed answer is checked at
    once and its feedback shown below (``reveal=True`` adds the answers). Returns the
    :class:`Exercise`.
    """
    ip = _in_ipython()
    if ip is not None:
        install_notebook_handler()
        ns = getattr(ip, "user_ns", None)
        if isinstance(ns, dict):  # lessons that import only exercise can call check(...)
            ns.setdefault("check", check)
    defn = find_exercise(exercise_id, key_dir)
    saved, meta, problem = _answers.saved_in_notebook()
    ex = Exercise(
        defn, typed=None if answer is None else answer, self_check=self_check_on(defn, meta)
    )
    if problem:
        ex.problems.append(problem)
    rec = saved.get(exercise_id)
    live = _LIVE.get(exercise_id)
    if rec is not None:
        ex.problems += [
            p for p in rec.problems if "syntax error" not in p and "plain Python" not in p
        ]
        if rec.widget is not None:
            ex.widget_value, ex.saved = rec.widget, rec.saved
    if live is not None and live.saved and (ex.saved is None or live.saved >= ex.saved):
        ex.widget_value, ex.saved = live.widget_value, live.saved
    _LIVE[exercise_id] = ex
    if ip is not None:
        ex.show()
    else:
        print(f"Exercise {exercise_id}: {defn.prompt}\n{ex._status_text()}")
        ex._shown = True
    if ex.typed is not None:
        ex.show_feedback(reveal)
    return ex


def check(
    exercise_id: str,
    answer: Any = None,
    *,
    key_dir: str | os.PathLike[str] | None = None,
    reveal: bool = False,
) -> None:
    """Print specific feedback on ``answer`` (or, when None, on the widget's answer).

    The first try of a wrong answer gets hints, a further try the answers to what is
    still wrong; ``reveal=True`` shows them now (the blank items' too). When the
    instructor switched self-check off it says so, and only whether the answer can be
    read (:func:`~framingkit.exercises.scoring.form_check`).
    """
    defn = find_exercise(exercise_id, key_dir)
    saved, meta, _ = _answers.saved_in_notebook()
    value = answer
    if value is None:
        live = _LIVE.get(exercise_id)
        rec = saved.get(exercise_id)
        if live is not None and live.value is not None:
            value = live.value
        elif rec is not None:
            value = rec.value
    if not self_check_on(defn, meta):  # only whether it can be read, nothing of the key
        # a typed check() is not what is handed in (student review 2, N10)
        print(feedback_text(form_check(defn, value, call=answer is not None)))
        return
    print(feedback_text(checked_score(defn, value, reveal=reveal)))
