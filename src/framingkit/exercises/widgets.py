"""ipywidgets UIs for the exercise types (imported only when an exercise is shown).

Every control is keyboard-accessible and labelled: a span exercise has a phrase box
(type a phrase, press Enter or "Add phrase") before its word buttons, so a keyboard
user need not tab through every word (the word buttons are for the mouse and touch,
and are left out of the Tab order); options are focusable and toggle with Space/Enter;
every dropdown has a visible label. Selection is shown by a check mark as well as by
colour. The feedback is the same as a typed answer's (one :class:`Score`, two views).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from ..style import OKABE_ITO, esc
from .feedback import message_html
from .scoring import answer_links, answer_spans, excerpt

if TYPE_CHECKING:  # pragma: no cover
    from .api import Exercise
    from .model import ExerciseDef

_CHUNK = re.compile(r"\S+")
_WORD = re.compile(r"\w(?:.*\w)?", re.S)
NONE_LABEL = "—"


def exercise_widget(ex: Exercise) -> w.Widget:
    """The whole UI of one exercise: the answer widget, a Check button and the feedback area."""
    builder = {
        "spans": spans_widget,
        "classify": classify_widget,
        "choice": choice_widget,
        "text": text_widget,
        "links": links_widget,
    }[ex.defn.type]
    body = builder(ex.defn, ex.widget_value, ex.set_widget_value)
    feedback = w.HTML(value="", layout=w.Layout(width="100%"))
    button = w.Button(
        description="Check" if ex.self_check else "Check it can be read",
        icon="check",
        tooltip=(
            f"Check your answer to {ex.id}"
            if ex.self_check
            else "Says whether your answer can be read (labels, phrases, items left out), "
            "not whether it is right: your instructor grades it"
        ),
        button_style="primary",
        layout=w.Layout(width="auto"),
    )
    button.add_class("fk-check")
    feedback.add_class("fk-feedback-area")
    reveal = w.Button(
        description="Show the answers",
        icon="eye",
        tooltip=f"Show the answers to {ex.id} (after you have tried)",
        layout=w.Layout(display="none", width="auto"),
    )
    reveal.add_class("fk-reveal")

    def show(reveal_all: bool) -> None:
        try:
            feedback.value = ex.feedback_html(reveal_all)
        except Exception as exc:  # never leave the student without a word
            feedback.value = message_html(f"The check failed: {exc}")
        if ex.self_check:
            reveal.layout.display = ""

    button.on_click(lambda _: show(False))
    reveal.on_click(lambda _: show(True))
    note = ""
    if ex.typed is not None:
        note = (
            "<i>This cell has a typed answer (<code>answer = …</code>); it counts over the "
            "widget. Set <code>answer = None</code> and run the cell to use the widget.</i>"
        )
    if not ex.self_check:
        note += (
            "<i> Self-check is off for this exercise: your instructor grades it. Your answer is "
            "stored as you go (save the notebook to keep it).</i>"
        )
    box = w.VBox([body, w.HTML(note), w.HBox([button, reveal]), feedback])
    box.add_class("fk-exercise-widget")
    return box


# ----------------------------------------------------------------------------- spans


def chunks(text: str) -> list[tuple[int, int, int, int, bool]]:
    """Word buttons of a text: ``(start, end, core_start, core_end, new_paragraph)``.

    ``core`` leaves out punctuation around the word; chunks without a word
    character have ``core_start == core_end``.

    >>> chunks("Hi, you.\\n\\nNew")[1]
    (4, 8, 4, 7, False)
    """
    out = []
    prev_end = 0
    for m in _CHUNK.finditer(text):
        core = _WORD.search(m.group())
        cs, ce = (m.start() + core.start(), m.start() + core.end()) if core else (m.end(), m.end())
        out.append((m.start(), m.end(), cs, ce, "\n\n" in text[prev_end : m.start()]))
        prev_end = m.end()
    return out


def selected_spans(chs: list[tuple[int, int, int, int, bool]], on: list[bool]) -> list[list[int]]:
    """Consecutive selected word buttons as phrases ``[start, end]`` (a paragraph break splits).

    >>> selected_spans(chunks("a b c d"), [True, True, False, True])
    [[0, 3], [6, 7]]
    """
    spans: list[list[int]] = []
    for i, (_, _, cs, ce, new_para) in enumerate(chs):
        if not on[i] or cs == ce:
            continue
        if spans and i > 0 and on[i - 1] and not new_para:
            spans[-1][1] = ce
        else:
            spans.append([cs, ce])
    return spans


def spans_widget(defn: ExerciseDef, value: Any, on_change: Callable[[Any], None]) -> w.Widget:
    """A phrase box, then a toggle button per word in a wrapping box.

    Clicking words builds the selection at once: consecutive selected words are one phrase,
    a word not next to a selected one starts a new phrase (a paragraph break always splits).
    *Add phrase* adds the typed phrase, or, with the box empty, confirms the clicked words;
    Enter in the box adds the typed phrase too; *Remove phrase* unselects the typed one.
    """
    text = defn.text
    chs = chunks(text)
    picked, _ = answer_spans(defn, value) if value else ([], [])
    on = [any(cs < e and s < ce for s, e in picked) and cs < ce for _, _, cs, ce, _ in chs]
    buttons: list[w.ToggleButton] = []
    children: list[w.Widget] = []
    summary = w.HTML()

    def refresh() -> list[list[int]]:
        spans = selected_spans(chs, on)
        n = len(spans)
        summary.value = (
            f"<span class='fk-selected'>Selected {n} phrase{'s' * (n != 1)}: "
            + (", ".join(f"“{esc(text[s:e])}”" for s, e in spans) or "none yet")
            + "</span>"
        )
        return spans

    def handler(i: int) -> Callable[[dict[str, Any]], None]:
        def changed(change: dict[str, Any]) -> None:
            on[i] = bool(change["new"])
            _style(buttons[i], on[i])
            on_change(refresh())

        return changed

    for i, (s, e, cs, ce, new_para) in enumerate(chs):
        if new_para:
            children.append(w.Box(layout=w.Layout(width="100%", height="0.6em")))
        b = w.ToggleButton(
            value=on[i],
            description=text[s:e],
            tooltip=f"select “{text[s:e]}”" if cs < ce else "",
            disabled=cs == ce,
            tabbable=False,  # keyboard users type phrases in the phrase box
            layout=w.Layout(width="auto", margin="1px 0", padding="0 4px"),
        )
        b.add_class("fk-word")
        _style(b, on[i])
        b.observe(handler(i), names="value")
        buttons.append(b)
        children.append(b)
    clear = w.Button(description="Clear selection", icon="times", tooltip="unselect every word")

    def on_clear(_: Any) -> None:
        for b in buttons:
            b.value = False

    clear.on_click(on_clear)
    words = w.Box(children, layout=w.Layout(display="flex", flex_flow="row wrap", width="100%"))
    words.add_class("fk-words")
    phrase = w.Text(
        placeholder="type a phrase of the text, then Enter",
        description="Phrase",
        tooltip="Type a phrase from the text and press Enter or Add phrase",
        continuous_update=False,  # the value reaches the kernel on Enter (or leaving the box)
        layout=w.Layout(width="24em"),
        style={"description_width": "4em"},
    )
    phrase.add_class("fk-phrase")
    add = w.Button(
        description="Add phrase",
        icon="plus",
        tooltip="add the typed phrase (or, with the box empty, the words you clicked)",
    )
    drop = w.Button(description="Remove phrase", icon="minus", tooltip="unselect the typed phrase")
    msg = w.HTML()
    msg.add_class("fk-phrase-msg")

    def set_phrase(select: bool) -> None:
        typed = phrase.value.strip()
        if not typed:  # nothing typed: the words clicked are the selection to add
            spans = refresh()
            if not select:
                msg.value = "Type the phrase to remove in the box, or click its words."
            elif spans:
                on_change(spans)
                n = len(spans)
                msg.value = esc(
                    f"Added your clicked words: {n} phrase{'s' * (n != 1)}, "
                    + ", ".join(f"“{text[s:e]}”" for s, e in spans)
                    + "."
                )
            else:
                msg.value = "Click the words of a phrase, or type it in the box, then Add phrase."
            return
        found, problems = answer_spans(defn, [typed])
        if not found:
            msg.value = esc(problems[0] if problems else f"“{typed}” is not in the text.")
            return
        s0, e0 = found[0]
        hits = [i for i, (_, _, cs, ce, _) in enumerate(chs) if cs < e0 and s0 < ce and cs < ce]
        for i in hits:
            buttons[i].value = select
        msg.value = esc(f"{'Selected' if select else 'Unselected'} “{text[s0:e0]}”.")

    # Enter (or leaving the box) selects the typed phrase: selecting is idempotent, and the
    # phrase stays in the box, so "Remove phrase" right after unselects it again
    phrase.observe(lambda _: set_phrase(True) if phrase.value.strip() else None, names="value")
    add.on_click(lambda _: set_phrase(True))
    drop.on_click(lambda _: set_phrase(False))
    refresh()
    typing = w.HBox([phrase, add, drop, clear], layout=w.Layout(flex_flow="row wrap"))
    return w.VBox([typing, msg, words, summary])


def _style(b: w.ToggleButton, on: bool) -> None:
    b.icon = "check" if on else ""
    b.button_style = "info" if on else ""


# ----------------------------------------------------------------------------- classify


def classify_widget(defn: ExerciseDef, value: Any, on_change: Callable[[Any], None]) -> w.Widget:
    """One row per item: its text and a dropdown per axis."""
    from .model import split_axes

    axes = tuple(defn.axes)
    current: dict[str, dict[str, str | None]] = {}
    rows: list[w.Widget] = []
    value = value if isinstance(value, dict) else {}

    def emit() -> None:
        out: dict[str, Any] = {}
        for item_id, per in current.items():
            vals = [per.get(a) for a in axes]
            if all(v is None for v in vals):
                continue
            out[item_id] = vals[0] if len(axes) == 1 else vals
        on_change(out)

    # sized to the longest label (in ch, the width of a digit): no label is cut ("hea…")
    desc = {a: {i.id: f"{i.id} {a}" if len(axes) > 1 else i.id for i in defn.items} for a in axes}
    desc_ch = {a: max((len(d) for d in desc[a].values()), default=2) + 2 for a in axes}
    opt_ch = {a: max(len(NONE_LABEL), *(len(x) for x in defn.axes[a])) + 6 for a in axes}
    for item in defn.items:
        got = split_axes(value.get(item.id), axes) if item.id in value else None
        current[item.id] = {a: (got or {}).get(a) for a in axes}
        drops = []
        for axis in axes:
            opts = [(NONE_LABEL, None)] + [(lab, lab) for lab in defn.axes[axis]]
            v = current[item.id][axis]
            d = w.Dropdown(
                options=opts,
                value=v if v in defn.axes[axis] else None,
                description=desc[axis][item.id],
                description_allow_html=False,
                tooltip=f"{axis} of {item.id}",
                layout=w.Layout(width=f"{desc_ch[axis] + opt_ch[axis]}ch", flex="0 0 auto"),
                style={"description_width": f"{desc_ch[axis]}ch"},
            )
            d.add_class("fk-dropdown")

            def changed(change: dict[str, Any], item_id: str = item.id, axis: str = axis) -> None:
                current[item_id][axis] = change["new"]
                emit()

            d.observe(changed, names="value")
            drops.append(d)
        label = w.HTML(
            f"<div style='line-height:1.3'><b>{esc(item.id)}</b>: {esc(item.text)}</div>",
            layout=w.Layout(flex="1 1 auto", margin="0 0 0 8px"),
        )
        rows.append(
            w.HBox(
                [*drops, label],
                layout=w.Layout(align_items="center", margin="2px 0", flex_flow="row wrap"),
            )
        )
    return w.VBox(rows)


# ----------------------------------------------------------------------------- choice


def choice_widget(defn: ExerciseDef, value: Any, on_change: Callable[[Any], None]) -> w.Widget:
    """One focusable toggle button per option (Space/Enter picks it), its text beside it."""
    keys = list(defn.options)
    buttons: dict[str, w.ToggleButton] = {}
    busy = [False]

    def changed(change: dict[str, Any], key: str) -> None:
        if busy[0]:
            return
        busy[0] = True
        for k, b in buttons.items():
            if k != key and change["new"]:
                b.value = False
            _style(b, b.value)
        busy[0] = False
        on_change(key if change["new"] else None)

    rows = []
    for k in keys:
        b = w.ToggleButton(
            value=value == k,
            description=f"{k})",
            tooltip=f"pick option {k}",
            layout=w.Layout(width="4.5em", min_width="4.5em", margin="2px 8px 2px 0"),
        )
        b.add_class("fk-option")
        _style(b, b.value)
        b.observe(lambda change, key=k: changed(change, key), names="value")
        buttons[k] = b
        text = w.HTML(f"<div style='line-height:1.4'>{esc(defn.options[k].text)}</div>")
        rows.append(w.HBox([b, text], layout=w.Layout(align_items="center")))
    return w.VBox(rows)


# ----------------------------------------------------------------------------- text


def text_widget(defn: ExerciseDef, value: Any, on_change: Callable[[Any], None]) -> w.Widget:
    """A text area; the answer is stored as you type."""
    t = w.Textarea(
        value=value if isinstance(value, str) else "",
        placeholder="Write your answer here.",
        layout=w.Layout(width="96%", height="8em"),
    )
    t.observe(lambda change: on_change(change["new"]), names="value")
    return t


# ----------------------------------------------------------------------------- links


def links_widget(defn: ExerciseDef, value: Any, on_change: Callable[[Any], None]) -> w.Widget:
    """Pick source, relation and target, add the link; the list shows (and removes) links."""
    links: list[tuple[str, str, str]] = []
    if value:
        links, _ = answer_links(defn, value)
    ids = [(f"{c.id}: {excerpt(c.text, 50)}", c.id) for c in defn.claims]
    claim_ch = max((len(t) for t, _ in ids), default=10) + 6
    rel_ch = max((len(r) for r in defn.relations), default=8) + 6
    src = w.Dropdown(
        options=ids,
        description="claim",
        layout=w.Layout(width=f"{claim_ch + 9}ch"),
        style={"description_width": "9ch"},
    )
    rel = w.Dropdown(
        options=list(defn.relations),
        description="relation",
        layout=w.Layout(width=f"{rel_ch + 10}ch"),
        style={"description_width": "10ch"},
    )
    tgt = w.Dropdown(
        options=ids,
        description="→ claim",
        layout=w.Layout(width=f"{claim_ch + 9}ch"),
        style={"description_width": "9ch"},
    )
    add = w.Button(description="Add link", icon="plus")
    listing = w.SelectMultiple(
        options=[], rows=5, description="your links", layout=w.Layout(width="100%")
    )
    remove = w.Button(description="Remove selected", icon="times")
    msg = w.HTML()

    def show() -> None:
        listing.options = [(f"{s} -{r}-> {t}", i) for i, (s, t, r) in enumerate(links)]

    def on_add(_: Any) -> None:
        link = (src.value, tgt.value, rel.value)
        if link[0] == link[1]:
            msg.value = "A claim cannot be linked to itself."
            return
        if link in links:
            msg.value = "That link is already there."
            return
        msg.value = ""
        links.append(link)
        show()
        on_change([list(x) for x in links])

    def on_remove(_: Any) -> None:
        for i in sorted(listing.value, reverse=True):
            del links[i]
        show()
        on_change([list(x) for x in links])

    add.on_click(on_add)
    remove.on_click(on_remove)
    show()
    return w.VBox(
        [
            w.HBox([src, rel, tgt, add], layout=w.Layout(flex_flow="row wrap")),
            msg,
            listing,
            remove,
        ],
        layout=w.Layout(border=f"1px solid {OKABE_ITO['grey']}", padding="4px"),
    )
