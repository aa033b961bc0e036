"""Which key grades a notebook: the lesson's key, a broken or missing key said plainly, and
notebooks made from a template (lesson 05) whose exercise cells call the instructor's own key.

>>> key, problem, note = key_for("no-such-lesson", None)
>>> key is None, problem
(True, "there is no answer key for lesson 'no-such-lesson'")
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import InputError
from .text import clip as _clip


def valid_lesson_id(lesson: str) -> bool:
    """Whether ``lesson`` can be a lesson id (a key file name: letters, digits, ``.-_``).

    >>> valid_lesson_id("02-spot"), valid_lesson_id("../x"), valid_lesson_id("02-spot/boosters")
    (True, False, False)
    """
    return bool(_LESSON_ID.fullmatch(lesson)) and ".." not in lesson


_LESSON_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def key_for(lesson: str, key_dir: str | None) -> tuple[Any, str, str]:
    """``(key, problem, fallback note)`` for ``lesson``: the key, or why there is none.

    A broken key file is reported as broken (with its error), not as missing; with
    ``--key DIR``, a lesson that is not in DIR is graded with the kit's own key and the
    note says so.
    """
    from ..exercises import load_key
    from ..exercises.model import default_key_dir

    try:
        key = load_key(lesson, key_dir)
    except InputError as exc:
        text = str(exc)
        if text.startswith("No answer key"):
            where = f" (not in --key {key_dir} nor among the kit's keys)" if key_dir else ""
            return None, f"there is no answer key for lesson '{lesson}'{where}", ""
        return None, f"the answer key of lesson '{lesson}' cannot be used: {_clip(text, 300)}", ""
    withheld = [e for e, ex in key.exercises.items() if getattr(ex, "withheld", False)]
    if withheld:
        return (
            None,
            f"the answer key of lesson '{lesson}' is a student release: its references are "
            f"left out ({_clip(', '.join(withheld), 200)}); grade with the full key (--key)",
            "",
        )
    note = ""
    if key_dir and not (Path(key_dir) / f"{lesson}.json").is_file():
        kit = default_key_dir() / f"{lesson}.json"
        src = "the kit's own key" if kit.is_file() else "a key from $FRAMINGKIT_KEY_DIR"
        note = f"graded with {src} for '{lesson}' (the --key folder has no {lesson}.json)"
    return key, "", note


_CALL = re.compile(r"""\bexercise\(\s*(?:id\s*=\s*)?["']([^"'\n]{1,200})["']""")


def own_exercise_ids(
    nb: dict[str, Any], lesson: str | None, key_dir: str | None
) -> tuple[dict[str, Any], str | None, list[str], list[str]]:
    """Exercise cells whose visible ``exercise("…")`` call names another exercise than their
    hidden metadata id (a notebook made from a template, say lesson 05, for your own texts).

    The student saw and ran the visible call, so that id counts when a key for it is found
    (``--key``); the notebook is then graded as that key's lesson. When no key has it, the
    notebook is refused: grading it against the template's key would be wrong.
    Returns ``(notebook, lesson, notes, refusals)``.
    """
    from ..exercises import load_key

    cells = nb.get("cells") or []
    changed: dict[int, str] = {}
    refused: list[str] = []
    for i, cell in enumerate(cells):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        meta = cell.get("metadata") if isinstance(cell.get("metadata"), dict) else {}
        fk = meta.get("framingkit") if isinstance(meta.get("framingkit"), dict) else {}
        hidden = fk.get("exercise")
        src = cell.get("source", "")
        src = "".join(x for x in src if isinstance(x, str)) if isinstance(src, list) else src
        m = _CALL.search(src) if isinstance(src, str) and isinstance(hidden, str) else None
        if m is None or m.group(1) == hidden:
            continue
        visible = m.group(1)
        other = visible.split("/", 1)[0]
        why = ""
        try:
            ok = valid_lesson_id(other) and visible in load_key(other, key_dir).exercises
        except InputError as exc:
            ok = False
            if not str(exc).startswith("No answer key"):
                why = f" (the key '{other}' cannot be used: {_clip(str(exc), 200)})"
        if ok:
            changed[i] = visible
            continue
        where = f" --key {key_dir}" if key_dir else " the kit's keys (give yours with --key DIR)"
        refused.append(
            f"cell {i + 1} is the template's exercise '{_clip(hidden, 80)}' but calls "
            f"exercise('{_clip(visible, 80)}'), and no key in{where} has '{_clip(visible, 80)}'"
            f"{why}; the notebook is not graded against the template's key"
        )
    if refused or not changed:
        return nb, lesson, [], refused
    new_cells = list(cells)
    for i, eid in changed.items():
        cell = dict(cells[i])
        meta = dict(cell.get("metadata") or {})
        meta["framingkit"] = {**meta.get("framingkit", {}), "exercise": eid}
        cell["metadata"] = meta
        new_cells[i] = cell
    lessons = sorted({eid.split("/", 1)[0] for eid in changed.values()})
    notes = []
    if len(lessons) == 1 and lessons[0] != lesson:
        notes.append(
            f"graded against the key of '{lessons[0]}', which its exercise cells call "
            f"(the notebook's metadata says '{lesson}': made from that lesson as a template)"
        )
        lesson = lessons[0]
    return {**nb, "cells": new_cells}, lesson, notes, []
