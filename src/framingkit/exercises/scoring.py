"""The one scoring core, shared by self-check and the grader.

:func:`score` takes an exercise definition and an answer value (typed or from
the widget, already plain Python/JSON) and returns a :class:`Score`: points,
what was right, what was missed and why, what was extra, and one sentence that
says exactly what was checked.

Feedback speaks only of what the student answered: a wrong answer first gets a hint
(the key's ``hint``, or one built from the material), the reference only where
``reveal`` says so; blank items are counted, never revealed.

* ``spans``: partial-overlap F1, computed by :func:`framingkit.spot.scoring.score_spans`
  (phrases paired one-to-one, each pair earning the Dice overlap of its characters,
  edges trimmed of spaces and punctuation); overlapping phrases of an answer are
  joined first, duplicates counted once.
* ``classify``: accuracy with partial credit per axis (kind right, effect wrong = 1/2).
* ``choice``: all or nothing; the feedback of the picked option names the misconception.
* ``links``: link-level F1; the right pair with the wrong relation or the
  reversed direction counts half.
* ``text``: never auto-scored; :func:`score` with ``rubric_points`` adds up the
  points an instructor entered per criterion.

>>> from framingkit.exercises.model import parse_key
>>> key = parse_key({"lesson": "d", "exercises": {"d/s": {"type": "spans", "prompt": "Pick.",
...     "points": 2, "text": "Putin boldly announced a deal.", "reference": ["boldly"]}}})
>>> s = score(key.exercises["d/s"], ["boldly", "deal"])
>>> s.points, s.right, s.extra
(1.33, ['“boldly”'], ['“deal” is not one of the phrases asked for'])
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from .model import (
    RELATION_MEANINGS,
    ExerciseDef,
    _norm,
    legacy_reading,
    locate,
    match_label,
    split_axes,
)


@dataclass
class Score:
    """The result of scoring one answer.

    ``points`` is None when the answer is not auto-scored (``text`` without rubric
    points); ``fraction`` is points / max_points. ``right``, ``partial``, ``missed``,
    ``extra`` and ``unanswered`` are short lines in a student's words about what the
    student answered; ``problems`` lists parts of the answer that could not be
    understood (never silently dropped); ``feedback`` holds notes (how an answer was
    read, an option's explanation). A wrong answer's line carries a hint unless its
    unit was revealed (``reveal``): then the reference and its reason are a line of
    ``shown`` ("The answer was: ..."), not of ``missed``.
    ``details["hinted"]`` lists the units that got a hint instead of the reference.
    """

    exercise: str
    type: str
    points: float | None
    max_points: float
    checked: str
    right: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    feedback: list[str] = field(default_factory=list)
    answered: bool = True
    details: dict[str, Any] = field(default_factory=dict)
    unanswered: list[str] = field(default_factory=list)
    revealed: bool = False
    #: The references shown on reveal ("The answer was: ..."), apart from wrong-answer lines.
    shown: list[str] = field(default_factory=list)
    #: A form check (self-check off): whether the answer can be read, never a score.
    form_only: bool = False

    @property
    def fraction(self) -> float | None:
        """Points as a share of the maximum (None when not scored)."""
        if self.points is None or not self.max_points:
            return None
        return self.points / self.max_points

    @property
    def hinted(self) -> list[str]:
        """The units (reference phrase, item, link, option) that got a hint this time."""
        return list(self.details.get("hinted", []))


def _round(x: float) -> float:
    return round(x + 1e-12, 2)


def is_empty(value: Any) -> bool:
    """True for 'not answered yet': None, empty strings, lists and dicts."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, dict, set)):
        return len(value) == 0
    return False


#: ``reveal``: True (every unit), False (none) or the units to reveal.
Reveal = bool | Collection[str]


def _revealer(reveal: Reveal) -> Callable[[str], bool]:
    if isinstance(reveal, bool):
        return lambda unit: reveal
    units = set(reveal)
    return lambda unit: unit in units


def score(
    ex: ExerciseDef,
    value: Any,
    rubric_points: Mapping[str, float] | None = None,
    *,
    reveal: Reveal = False,
) -> Score:
    """Score ``value`` against the reference of ``ex`` (see the module docs for each type).

    ``rubric_points`` ({criterion id: points}) is how an instructor scores a ``text`` answer.
    ``reveal`` says where a wrong answer is shown the reference and its reason instead of a
    hint: ``True`` everywhere, or a collection of units (``Score.hinted`` of an earlier
    try). What the student left blank is only counted, whatever ``reveal`` says (the
    grader's pages too); a self-check where the student asks for the answers adds them
    (:func:`framingkit.exercises.api.checked_score` with :func:`reference_lines`).
    """
    if ex.type == "text":
        return _score_text(ex, value, rubric_points)
    if ex.withheld:
        return Score(
            ex.id,
            ex.type,
            None,
            ex.points,
            SELF_CHECK_OFF,
            answered=not is_empty(value),
        )
    if is_empty(value):
        return Score(
            ex.id,
            ex.type,
            0.0,
            ex.points,
            "Nothing to check yet: this exercise is not answered.",
            unanswered=[_describe_missing(ex)],
            answered=False,
        )
    fn = {
        "spans": _score_spans,
        "classify": _score_classify,
        "choice": _score_choice,
        "links": _score_links,
    }[ex.type]
    s = fn(ex, value, _revealer(reveal))
    s.revealed = reveal is True
    return s


def reference_lines(ex: ExerciseDef, units: Collection[str] | None = None) -> list[str]:
    """The reference as "The answer was" lines: every unit, or the classify items ``units``.

    Only for a student who asked for the answers (``reveal=True`` in a self-check): the
    answers of what was left blank.
    """
    if ex.type == "spans":
        return [f"“{r.text}”" + (f" ({r.why})" if r.why else "") for r in ex.reference]
    if ex.type == "classify":
        items = {i.id: i for i in ex.items}
        return [
            _item_label(items[i])
            + f": {_fmt_ref(ref)}."
            + (f" {items[i].why}" if items[i].why else "")
            for i, ref in ex.reference.items()
            if units is None or i in units
        ]
    if ex.type == "choice":
        return [_best_line(ex)]
    if ex.type == "links":
        out = []
        for rs, rt, rrel in ex.reference:
            name = f"{rs} -{rrel}-> {rt}"
            why = ex.link_why.get(name)
            out.append(f"{name} ({why})" if why else name)
        return out
    return []


def _item_label(item: Any) -> str:
    """How a classify item is named in feedback: its id and a short excerpt of its text."""
    return f"{item.id} ({_short(item.text)})" if item.text else item.id


_PRAISE = re.compile(r"^\s*(?:right|correct|yes|exactly|well done)\s*[:.!,;–-]*\s*", re.I)


def _best_line(ex: ExerciseDef) -> str:
    """The best option and its reason, as "The answer was" says it (its "Right:" left out:
    the student did not pick it)."""
    best = ex.options[next(iter(ex.reference))]
    line = f"{best.key}) {_sentence(best.text)}"
    why = _PRAISE.sub("", best.feedback or "").strip()
    if why:
        why = why[0].upper() + why[1:]
    return f"{line} {why}" if why else line


def _describe_missing(ex: ExerciseDef) -> str:
    n = len(ex.reference) if isinstance(ex.reference, (tuple, list, dict)) else 1
    what = {"spans": "phrases to find", "classify": "items", "links": "links to find"}
    if ex.type == "classify":
        return f"all {n} items"
    return f"all {n} {what[ex.type]}" if ex.type in what else "pick one option"


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


# ----------------------------------------------------------------------------- spans


def _closest_phrase(text: str, phrase: str) -> str | None:
    """The passage of ``text`` closest to a mistyped ``phrase`` (same number of words), if close."""
    import difflib
    import re

    n = len(phrase.split())
    if not n:
        return None
    words = list(re.finditer(r"\S+", text))
    best, best_ratio = None, 0.8
    for i in range(len(words) - n + 1):
        cand = text[words[i].start() : words[i + n - 1].end()].strip(".,;:!?\"'“”‘’()")
        r = difflib.SequenceMatcher(None, phrase.lower(), cand.lower()).ratio()
        if r > best_ratio:
            best, best_ratio = cand, r
    return best


def answer_spans(
    ex: ExerciseDef, value: Any, notes: list[str] | None = None
) -> tuple[list[tuple[int, int]], list[str]]:
    """The answer of a ``spans`` exercise as sorted, de-duplicated (start, end) offsets.

    Phrases are found in the exercise text (repeated phrases take the next
    occurrence); problems (a phrase not in the text, bad offsets, duplicates)
    come back as sentences. A single string is one phrase, or, when it is not in
    the text but its comma- or semicolon-separated parts are, those phrases (said in ``notes``).
    """
    import re

    notes = [] if notes is None else notes
    text = ex.text
    items = [value] if isinstance(value, str) else value
    if isinstance(value, str) and locate(text, value) is None:
        parts = [p.strip() for p in re.split(r"[,;\n]+", value) if p.strip()]
        if len(parts) > 1 and any(locate(text, p) for p in parts):
            items = parts
            notes.append(
                f"Your answer was one string; it was read as {len(parts)} phrases, split at its "
                'commas (type a list next time: ["one phrase", "another phrase"]).'
            )
    spans: list[tuple[int, int]] = []
    problems: list[str] = []
    if not isinstance(items, (list, tuple, set)):
        return [], [
            f"The answer {value!r} is not a list of phrases or (start, end) pairs; type a list "
            'of phrases from the text, e.g. ["one phrase", "another phrase"].'
        ]
    taken: set[tuple[int, int]] = set()
    for item in items:
        if isinstance(item, str):
            hit = locate(text, item, taken)
            inner = None if hit else locate(text, item, taken, whole_words=False)
            if hit is None and inner is not None:
                word = _word_around(text, inner)
                problems.append(
                    f"“{item.strip()}” is in the text only inside a longer word (“{word}”), so "
                    "it was not counted; select whole words."
                )
                continue
            if hit is None:
                close = _closest_phrase(text, item)
                hint = f" Did you mean {close!r}?" if close else ""
                problems.append(
                    f"The phrase {item!r} is not in the text, so it was not counted.{hint}"
                )
                continue
        elif (
            isinstance(item, (list, tuple))
            and len(item) == 2
            and all(isinstance(i, int) and not isinstance(i, bool) for i in item)
            and 0 <= item[0] < item[1] <= len(text)
        ):
            hit = (int(item[0]), int(item[1]))
        else:
            problems.append(
                f"The entry {item!r} is neither a phrase nor a (start, end) pair within the "
                f"text (0..{len(text)}), so it was not counted."
            )
            continue
        if hit in taken:
            problems.append(f"{text[hit[0] : hit[1]]!r} was given twice; it counts once.")
            continue
        taken.add(hit)
        spans.append(hit)
    return sorted(spans), problems


def _word_around(text: str, span: tuple[int, int]) -> str:
    """The whole word(s) of ``text`` around ``span`` ("at" in "statements" -> "statements")."""
    s, e = span
    while s > 0 and text[s - 1].isalnum():
        s -= 1
    while e < len(text) and text[e].isalnum():
        e += 1
    return text[s:e]


def _merge(spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], int]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged, len(spans) - len(merged)


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+|\n\s*\n")


def sentences_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of an exercise text (a rough split, enough for hints).

    >>> sentences_of("One two. Three four!\\n\\nFive")
    [(0, 8), (9, 20), (22, 26)]
    """
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _where_hint(text: str, span: tuple[int, int], avoid: list[tuple[int, int]]) -> str:
    """A cue to where a missed phrase is, without its words: the sentence it is in."""
    sents = sentences_of(text)
    n = next((i for i, (a, b) in enumerate(sents) if a <= span[0] < b), None)
    if n is None:
        return "Read the text again, word by word."
    a, _ = sents[n]
    words = list(re.finditer(r"\S+", text[a : span[0]]))[:4]
    cue_end = a + words[-1].end() if words else a
    if any(s < cue_end and a < e for s, e in avoid):  # the cue would show a phrase of the key
        words = []
    if len(words) >= 2:
        return f"Look again at the sentence that begins “{text[a:cue_end].strip()} …”."
    ordinal = _ordinal(n + 1)
    return f"Look again at the {ordinal} sentence{' of the text' if len(sents) > 1 else ''}."


def _ordinal(n: int) -> str:
    words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
    if n <= len(words):
        return words[n - 1]
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _kit_reason(ex: ExerciseDef, span: tuple[int, int]) -> str:
    """Why an extra phrase is not asked for, from the kit's own reading (spot), if it has one.

    Only for exercises about evaluative language (most reference phrases are spotted),
    and only when the kit reads the phrase as another category than the reference's.
    """
    try:
        spans = _spotted(ex.text)
    except Exception:  # the reason is a bonus; never fail a check for it
        return ""
    if not spans:
        return ""

    def cat(a: int, b: int) -> Any:
        return next((x for x in spans if x.start < b and a < x.end), None)

    ref_cats = [c.category for r in ex.reference if (c := cat(r.start, r.end)) is not None]
    if not ex.reference or len(ref_cats) * 2 < len(ex.reference):
        return ""
    mine = cat(*span)
    if mine is None or mine.category in set(ref_cats):
        return ""
    try:
        from ..spot.categories import CATEGORIES

        row = CATEGORIES.get(mine.category)
    except ImportError:  # pragma: no cover
        row = None
    if row is None:
        return ""
    sub = (getattr(row, "subtypes", None) or {}).get(mine.subtype or "")
    if sub is not None and not isinstance(sub, str):  # a Subtype row: its label and meaning
        sub = f"{getattr(sub, 'label', mine.subtype)}: {getattr(sub, 'description', '')}"
    what = f"{row.label} ({sub})" if sub else f"{row.label} ({row.description})"
    return f"the kit reads “{mine.text}” as {what}; not what this exercise asks for"


_SPOT_CACHE: dict[str, Any] = {}


def _spotted(text: str) -> Any:
    if text not in _SPOT_CACHE:
        from ..spot import spot

        if len(_SPOT_CACHE) > 32:
            _SPOT_CACHE.clear()
        _SPOT_CACHE[text] = spot(text).spans
    return _SPOT_CACHE[text]


def _extra_reason(ex: ExerciseDef, span: tuple[int, int]) -> str:
    s, e = span
    for d in ex.distractors:
        if d.start < e and s < d.end:
            return d.why
    try:
        return _kit_reason(ex, span)
    except Exception:  # the kit's reading is a bonus: a check never fails for it
        return ""


def _score_spans(ex: ExerciseDef, value: Any, rev: Callable[[str], bool]) -> Score:
    """Partial-overlap credit from the spot engineer's :func:`framingkit.spot.scoring.score_spans`
    (the kit's one definition: spans paired one-to-one, Dice overlap as credit, edges
    trimmed of spaces and punctuation); the feedback lines are written here, for any
    span exercise (not only evaluative language)."""
    from ..spot.scoring import score_spans

    text = ex.text
    notes: list[str] = []
    raw_spans, problems = answer_spans(ex, value, notes)
    spans, n_merged = _merge(raw_spans)
    if n_merged:
        problems.append(
            f"{n_merged} of your phrases overlapped another one; overlapping phrases were "
            "joined into one."
        )
    refs = list(ex.reference)
    if not refs and not spans:
        f1, matches = 1.0, []
    else:
        res = score_spans(
            [{"start": s, "end": e} for s, e in spans],
            [{"start": r.start, "end": r.end} for r in refs],
            text,
        )
        f1, matches = res.f1, res.matches
    right, partial, missed, extra, hinted, shown = [], [], [], [], [], []
    matched_ref: dict[int, Any] = {}
    matched_ans: set[tuple[int, int]] = set()
    for m in matches:
        j = next(
            i
            for i, r in enumerate(refs)
            if r.start <= m.reference.start and m.reference.end <= r.end and i not in matched_ref
        )
        matched_ref[j] = m
        matched_ans.add((m.student.start, m.student.end))
    ref_spans = [(r.start, r.end) for r in refs]
    not_found: dict[str, int] = {}  # hint -> phrases it points to (one line per hint)
    for j, r in enumerate(refs):
        unit = f"phrase {j + 1}"
        why = f" ({r.why})" if r.why else ""
        m = matched_ref.get(j)
        if m is not None and m.credit >= 0.999:
            right.append(f"“{r.text}”{why}")
        elif m is not None and rev(unit):
            partial.append(f"“{r.text}”: you picked “{m.student.text}”, part of it{why}")
        elif m is not None:
            hinted.append(unit)
            a, b = next((s, e) for s, e in spans if s < r.end and r.start < e)
            if r.start <= a and b <= r.end:
                how = "the phrase that counts is longer: take in the words next to it"
            elif a <= r.start and r.end <= b:
                how = "the phrase that counts is shorter: leave out words that do not belong to it"
            else:
                how = "the phrase that counts starts or ends elsewhere"
            hint = f" Hint: {r.hint}" if r.hint else ""
            partial.append(f"“{text[a:b]}”: close, but {how}.{hint}")
        elif rev(unit):
            shown.append(f"“{r.text}”{why}")
        else:
            hinted.append(unit)
            hint = r.hint or _where_hint(text, (r.start, r.end), ref_spans)
            not_found[hint] = not_found.get(hint, 0) + 1
    for hint, n in not_found.items():
        what = "A phrase" if n == 1 else f"{n} phrases"
        missed.append(f"{what} not found yet. Hint: {hint}")
    for s, e in spans:
        if any(s <= a and b <= e for a, b in matched_ans):
            continue
        inside = next((r for r in refs if s < r.end and r.start < e), None)
        if inside is not None:
            extra.append(
                f"“{text[s:e]}” is part of a phrase that another of your phrases already "
                "matched; select the whole phrase as one"
            )
            continue
        reason = _extra_reason(ex, (s, e))
        extra.append(
            f"“{text[s:e]}”: {reason}"
            if reason
            else f"“{text[s:e]}” is not one of the phrases asked for"
        )
    n_a, n_r = len(spans), len(refs)
    checked = (
        f"Checked your {_plural(n_a, 'phrase')} against the {_plural(n_r, 'phrase')} "
        "the exercise asks for (part credit for a phrase that overlaps one)."
    )
    return Score(
        ex.id,
        "spans",
        _round(f1 * ex.points),
        ex.points,
        checked,
        right,
        partial,
        missed,
        extra,
        problems,
        feedback=notes,
        answered=bool(spans) or not problems,
        details={"f1": f1, "answer_spans": spans, "hinted": hinted},
        shown=shown,
    )


# ----------------------------------------------------------------------------- classify


def _match_ids(value: Mapping[Any, Any], ids: list[str], notes: list[str]) -> dict[Any, Any]:
    """The answer with its keys read as item ids (capitals, spaces and hyphens do not matter)."""
    by_norm = {_norm(i): i for i in ids}
    out: dict[Any, Any] = {}
    for k, v in value.items():
        key = k
        if isinstance(k, str) and k not in ids and _norm(k) in by_norm:
            key = by_norm[_norm(k)]
            notes.append(f"Read {k!r} as the item {key!r}.")
        if key in out and key != k:
            continue  # the exact id was given too: it counts
        out[key] = v
    return out


def _example_classify(ex: ExerciseDef) -> str:
    first = [labels[0] for labels in ex.axes.values()]
    one = first[0] if len(first) == 1 else first
    ids = [i.id for i in ex.items[:2]]
    return "{" + ", ".join(f"{i!r}: {one!r}" for i in ids) + ", ...}"


def _read_label(
    ex: ExerciseDef,
    item: Any,
    axis: str,
    g: str,
    wanted: tuple[str, ...],
    notes: list[str],
    problems: list[str],
) -> tuple[str | None, bool]:
    """The label a student's ``g`` means on ``axis``, and whether it is an accepted answer.

    In order: an ``accept`` entry of the item (full credit, with its note), an exact
    label, an old appraisal name (``booster``), a subtype (``affect`` of ``attitude``),
    then the lenient reading of :func:`match_label`. Each reading adds its note.
    """
    labels = ex.axes[axis]
    accepted = {_norm(k): (k, v) for k, v in item.accept.get(axis, {}).items()}
    if _norm(g) in accepted:  # the caller shows the accept note instead of the key's why
        return accepted[_norm(g)][0], True
    if g in labels:
        return g, False
    meant, note = legacy_reading(g, labels, wanted)
    if meant is None:
        subs = {_norm(k): v for k, v in ex.subtypes.get(axis, {}).items()}
        if _norm(g) in subs:
            meant = subs[_norm(g)]
            note = f"Read '{g}' as '{meant}': '{g}' is a kind of {meant}."
    if meant is None:
        meant, note = match_label(g, labels, ex.aliases.get(axis))
        if meant is None:
            hint = f" {note}" if note else ""
            problems.append(
                f"'{g}' (for {item.id}) is not one of the {axis}s ({', '.join(labels)}).{hint}"
            )
            return None, False
    if note and note not in notes:
        notes.append(note)
    return meant, False


def _label_hint(ex: ExerciseDef, item: Any, axis: str, given: str | None) -> str:
    """The item's hint, or one built from what the student's label means."""
    if item.hint:
        return item.hint
    meaning = ex.label_meanings.get(axis, {}).get(given or "")
    if meaning:
        return f"'{given}' means {meaning}; is that what it does here?"
    return "Read the item again: which label fits it best, and why not this one?"


def _score_classify(ex: ExerciseDef, value: Any, rev: Callable[[str], bool]) -> Score:
    axes = tuple(ex.axes)
    items = {i.id: i for i in ex.items}
    problems: list[str] = []
    notes: list[str] = []
    if not isinstance(value, Mapping):
        return Score(
            ex.id,
            "classify",
            0.0,
            ex.points,
            "Nothing was checked: the answer must be a dict {item_id: label}.",
            problems=[
                f"The answer {value!r} is not a dict of item id -> label(s); type one entry per "
                f"item, e.g. {_example_classify(ex)}."
            ],
            answered=False,
        )
    value = _match_ids(value, list(items), notes)
    right, partial, missed, extra, blank, hinted, answers = [], [], [], [], [], [], []
    total = 0.0
    n_answered = 0
    for item_id, ref in ex.reference.items():
        item = items[item_id]
        label = _item_label(item)
        why = f" {item.why}" if item.why else ""
        given = value.get(item_id)
        if item_id not in value or is_empty(given):
            blank.append(item_id)
            continue
        if len(axes) == 1 and isinstance(given, (list, tuple)) and len(given) == 1:
            notes.append(f"Read {given!r} (for {item_id}) as the one label {given[0]!r}.")
            given = given[0]
        got = split_axes(given, axes)
        if got is None:
            problems.append(
                f"The answer for {item_id}, {given!r}, does not give one label per axis "
                f"({', '.join(axes)})."
            )
            continue
        n_answered += 1
        ok_axes: list[str] = []
        bad: list[tuple[str, str | None]] = []
        shown: dict[str, str] = {}
        accept_notes: list[str] = []
        for axis in axes:
            g = got.get(axis)
            if g is not None and not isinstance(g, str):
                problems.append(f"The {axis} for {item_id}, {g!r}, is not a single label.")
                g = None
            elif isinstance(g, str):
                meant, accepted = _read_label(ex, item, axis, g, ref[axis], notes, problems)
                if accepted:
                    ok_axes.append(axis)
                    shown[axis] = meant or g
                    accept_notes.append(item.accept[axis][meant or g].strip())
                    continue
                g = meant
            if g is not None and g in ref[axis]:
                ok_axes.append(axis)
                shown[axis] = g
            else:
                bad.append((axis, g))
        credit = len(ok_axes) / len(axes)
        total += credit
        if accept_notes:  # the key's why argues for the reference, which this answer is not
            why = " " + " ".join(n for n in accept_notes if n)
        if credit == 1:
            also = " (also right here)" if accept_notes else ""
            right.append(f"{label}: {' + '.join(repr(shown[a]) for a in axes)}{also}.{why}")
            continue
        ok = f"{', '.join(ok_axes)} right, but " if ok_axes else ""
        if rev(item_id) and not ok_axes:  # nothing right: the answer, apart from wrong lines
            yours = " + ".join("no label" if got.get(a) is None else repr(got.get(a)) for a in axes)
            answers.append(f"{label}: {_fmt_ref(ref)} (your answer: {yours}).{why}")
            continue
        if rev(item_id):
            wrong = "; ".join(
                f"{axis}: the answer was {' or '.join(map(repr, ref[axis]))}"
                + ("" if g is None else f", not {g!r}")
                for axis, g in bad
            )
            line = f"{label}: {', '.join(ok_axes)} right; {wrong}.{why}"
        else:
            hinted.append(item_id)
            wrong = "; ".join(
                f"{axis} not given"
                if g is None
                else f"not {g!r}"
                if len(axes) == 1
                else f"{axis} not {g!r}"
                for axis, g in bad
            )
            axis0, g0 = bad[0]
            line = f"{label}: {ok}{wrong}. Hint: {_label_hint(ex, item, axis0, g0)}"
        (partial if ok_axes else missed).append(line)
    for item_id in value:
        if item_id not in ex.reference:
            extra.append(f"{item_id!r} is not one of the items ({', '.join(ex.reference)})")
    n = len(ex.reference)
    acc = total / n if n else 0.0
    unanswered = (
        [f"{_plural(len(blank), 'item')} not answered yet: {', '.join(blank)}."] if blank else []
    )
    per_axis = " (part credit per axis: " + " + ".join(axes) + ")" if len(axes) > 1 else ""
    checked = f"Checked your labels for {n_answered} of the {n} items{per_axis}."
    return Score(
        ex.id,
        "classify",
        _round(acc * ex.points),
        ex.points,
        checked,
        right,
        partial,
        missed,
        extra,
        problems,
        feedback=notes,
        details={"accuracy": acc, "hinted": hinted, "blank": blank},
        unanswered=unanswered,
        shown=answers,
    )


def _fmt_ref(ref: Mapping[str, tuple[str, ...]]) -> str:
    return " + ".join(" or ".join(map(repr, v)) for v in ref.values())


_OPEN_QUOTES, _CLOSE_QUOTES = "“«", "”»"
_CLAUSE_END = '.,;!?)”»"'


def excerpt(text: str, n: int = 80) -> str:
    """``text`` shortened to about ``n`` characters, never inside an open quotation.

    The cut falls at a clause end outside quotation marks (after ``. , ; ! ? )`` or a
    closing quotation mark, followed by a space; not a colon, which announces what
    follows): the last one within ``n``, else the first one within ``2 n``, else a word
    boundary outside quotation marks; if there is none the text is kept whole. A cut
    text ends in " …".

    >>> excerpt('the headline "Xi plans to annex Russian territory, there for all to see" '
    ...         '→ (nothing)', 60)
    'the headline "Xi plans to annex Russian territory, there for all to see" …'
    >>> excerpt('"what it parades as ..." → "what it presents as ..."', 30)
    '"what it parades as ..." …'
    >>> excerpt("short", 60)
    'short'
    """
    text = " ".join(text.split())
    if len(text) <= n:
        return text
    depth = 0
    ends: list[int] = []  # cut positions (exclusive) at a clause end outside quotations
    spaces: list[int] = []  # word boundaries outside quotations
    for i, ch in enumerate(text):
        if ch == '"':
            depth = 0 if depth else 1
        elif ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES:
            depth = max(0, depth - 1)
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if depth == 0 and ch in _CLAUSE_END and nxt == " ":
            ends.append(i + 1)
        if depth == 0 and ch == " ":
            spaces.append(i)
    floor = n // 3
    cut = next((e for e in reversed(ends) if floor <= e <= n), None)
    if cut is None:
        cut = next((e for e in ends if n < e <= 2 * n), None)
    if cut is None:
        cut = next((sp for sp in reversed(spaces) if floor <= sp <= n), None)
    if cut is None or cut >= len(text) - 1:
        return text
    head = text[:cut].rstrip(" ,;:")
    return head if head.endswith(("...", "…")) else head + " …"


def _short(s: str, n: int = 80) -> str:
    return excerpt(s, n)


# ----------------------------------------------------------------------------- choice


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _choice_key(ex: ExerciseDef, value: Any, notes: list[str]) -> tuple[Any, str]:
    """The option key a student meant, or (None, the reason it could not be read)."""
    keys = {k.lower(): k for k in ex.options}
    if isinstance(value, (list, tuple, set)):
        if len(value) != 1:
            return None, (
                f"{value!r} gives {len(value)} options; pick one option and type its key as a "
                f"string, e.g. answer = {next(iter(ex.options))!r}."
            )
        (one,) = value
        notes.append(
            f"Your answer was a list; its one entry {one!r} was checked (type just {one!r})."
        )
        value = one
    if not isinstance(value, str):
        return None, f"{value!r} is not one of the options ({', '.join(ex.options)})."
    key = value.strip().lower()
    for prefix in ("option ", "answer "):
        key = key.removeprefix(prefix)
    key = key.strip().strip("().:").strip()
    if key in keys:
        if value != keys[key]:
            notes.append(f"Read {value!r} as option {keys[key]}.")
        return keys[key], ""
    by_text = {_norm(o.text): k for k, o in ex.options.items()}
    if _norm(value) in by_text:
        k = by_text[_norm(value)]
        notes.append(f"Your answer is the text of option {k!r}; it was checked as {k!r}.")
        return k, ""
    return None, f"{value!r} is not one of the options ({', '.join(ex.options)})."


def _score_choice(ex: ExerciseDef, value: Any, rev: Callable[[str], bool]) -> Score:
    notes: list[str] = []
    key, problem = _choice_key(ex, value, notes)
    right_keys = list(ex.reference)
    checked = f"Checked the option you picked ({len(ex.options)} options)."
    if key is None:
        return Score(
            ex.id,
            "choice",
            0.0,
            ex.points,
            checked,
            problems=[problem],
            answered=False,
        )
    opt = ex.options[key]
    if key in right_keys:
        fb = [opt.feedback] if opt.feedback else []
        return Score(
            ex.id,
            "choice",
            ex.points,
            ex.points,
            checked,
            [f"{key}) {opt.text}"],
            feedback=notes + fb,
        )
    line = f"{key}) is not the best answer. {opt.feedback}".strip()
    hinted = []
    shown = []
    if rev("option"):
        shown.append(_best_line(ex))
    else:
        hinted.append("option")
        if ex.hint:
            line += f" Hint: {ex.hint}"
    return Score(
        ex.id,
        "choice",
        0.0,
        ex.points,
        checked,
        missed=[line],
        feedback=notes,
        details={"hinted": hinted},
        shown=shown,
    )


# ----------------------------------------------------------------------------- links


def _parse_link_text(text: str) -> list[str] | None:
    """'C3 supports C4' or 'C3 -supports-> C4' as [source, target, relation], else None.

    >>> _parse_link_text("C3 -supports-> C4"), _parse_link_text("C3 supports C4")
    (['C3', 'C4', 'supports'], ['C3', 'C4', 'supports'])
    >>> _parse_link_text("C3 supports") is None  # no target: not split inside the word
    True
    """
    import re

    m = re.fullmatch(r"\s*([\w.]+)\s*(?:\s|-)\s*([A-Za-z]+)(?:\s*-*>\s*|\s+)([\w.]+)\s*", text)
    return [m.group(1), m.group(3), m.group(2)] if m else None


def answer_links(
    ex: ExerciseDef, value: Any, notes: list[str] | None = None
) -> tuple[list[tuple[str, str, str]], list[str]]:
    """The answer of a ``links`` exercise as de-duplicated (source, target, relation) triples.

    Claim ids are read without regard to capitals ('c3' is 'C3'), relations as labels
    ('Support' is 'supports'), and a link may be written 'C3 supports C4'; ``notes``
    collects a sentence for each such reading.
    """
    import re

    notes = [] if notes is None else notes
    ids = [c.id for c in ex.claims]
    by_norm = {_norm(i): i for i in ids}
    out: list[tuple[str, str, str]] = []
    problems: list[str] = []
    if isinstance(value, str):
        parts = [p.strip() for p in re.split(r"[;\n]+", value) if p.strip()]
        if parts and all(_parse_link_text(p) for p in parts):
            notes.append(
                f"Read your text as {len(parts)} link{'s' * (len(parts) != 1)} "
                "(source, relation, target); a list of (source, target, relation) is safer."
            )
            value = [_parse_link_text(p) for p in parts]
    if not isinstance(value, (list, tuple)):
        return [], [
            f"The answer {value!r} is not a list of (source_id, target_id, relation), "
            f'e.g. [("{ids[-1]}", "{ids[0]}", "{ex.relations[0]}")].'
        ]
    for item in value:
        if isinstance(item, str) and _parse_link_text(item):
            notes.append(f"Read {item!r} as a link (source, relation, target).")
            item = _parse_link_text(item)
        if isinstance(item, (list, tuple)) and len(item) == 2:
            problems.append(
                f"{item!r} gives two claims but no relation; add one of: {', '.join(ex.relations)}."
            )
            continue
        if not isinstance(item, (list, tuple)) or len(item) != 3:
            problems.append(f"{item!r} is not a (source_id, target_id, relation) link.")
            continue
        s, t, rel = (str(x) for x in item)
        for x in (s, t):
            if x not in ids and _norm(x) in by_norm:
                note = f"Read {x!r} as the claim {by_norm[_norm(x)]!r}."
                if note not in notes:
                    notes.append(note)
        s, t = (by_norm.get(_norm(x), x) if x not in ids else x for x in (s, t))
        bad = [x for x in (s, t) if x not in ids]
        if bad:
            problems.append(f"{item!r} names {bad[0]!r}, which is not one of the claims.")
            continue
        if rel not in ex.relations:
            meant, note = match_label(rel, ex.relations, ex.aliases.get("relation"))
            if meant is None:
                hint = f" {note}" if note else ""
                problems.append(
                    f"{item!r} has the relation {rel!r}; the relations are: "
                    f"{', '.join(ex.relations)}.{hint}"
                )
                continue
            if note not in notes:
                notes.append(note)
            rel = meant
        if s == t:
            problems.append(f"{item!r} links a claim to itself.")
            continue
        if (s, t, rel) in out:
            problems.append(f"The link {s} -{rel}-> {t} was given twice; it counts once.")
            continue
        out.append((s, t, rel))
    return out, problems


def _score_links(ex: ExerciseDef, value: Any, rev: Callable[[str], bool]) -> Score:
    notes: list[str] = []
    links, problems = answer_links(ex, value, notes)
    refs = list(ex.reference)
    right, partial, missed, extra, hinted, shown = [], [], [], [], [], []
    used: set[int] = set()
    credit_ref = [0.0] * len(refs)
    credit_ans = [0.0] * len(links)
    # exact matches first, then same pair with another relation or direction
    for i, link in enumerate(links):
        if link in refs and refs.index(link) not in used:
            j = refs.index(link)
            used.add(j)
            credit_ref[j] = credit_ans[i] = 1.0
    for i, (s, t, rel) in enumerate(links):
        if credit_ans[i]:
            continue
        for j, (rs, rt, rrel) in enumerate(refs):
            if j in used or {s, t} != {rs, rt}:
                continue
            used.add(j)
            credit_ref[j] = credit_ans[i] = 0.5
            name = f"{rs} -{rrel}-> {rt}"
            what = "the relation" if rel != rrel else "the direction"
            if rel != rrel and (s, t) != (rs, rt):
                what = "the relation and the direction"
            if rev(name):
                why = ex.link_why.get(name)
                partial.append(
                    f"{s} -{rel}-> {t}: right pair, but {what} should be {name}"
                    + (f" ({why})" if why else "")
                )
            else:
                hinted.append(name)
                hint = ex.link_hint.get(name) or (
                    f"'{rel}' means {RELATION_MEANINGS[rel]}; is that so here?"
                    if rel != rrel and rel in RELATION_MEANINGS
                    else "Which claim is the reason or the detail, and which the point?"
                )
                partial.append(f"{s} -{rel}-> {t}: right pair, but not {what}. Hint: {hint}")
            break
    for i, (s, t, rel) in enumerate(links):
        if credit_ans[i] == 1:
            right.append(f"{s} -{rel}-> {t}")
        elif credit_ans[i] == 0:
            extra.append(f"{s} -{rel}-> {t} is not a link of the answer key's map")
    for j, (rs, rt, rrel) in enumerate(refs):
        if credit_ref[j] == 0:
            name = f"{rs} -{rrel}-> {rt}"
            if rev(name):
                why = ex.link_why.get(name)
                shown.append(f"{name} ({why})" if why else name)
            else:
                hinted.append(name)
                hint = (
                    ex.link_hint.get(name) or ex.hint or (f"What does {rs} do for another claim?")
                )
                missed.append(f"A link not found yet. Hint: {hint}")
    if not refs:
        f1 = 1.0 if not links else 0.0
    elif not links:
        f1 = 0.0
    else:
        prec, rec = sum(credit_ans) / len(links), sum(credit_ref) / len(refs)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    n_a, n_r = len(links), len(refs)
    checked = (
        f"Checked your {_plural(n_a, 'link')} against the {_plural(n_r, 'link')} of the "
        "answer key's map (half credit for the right pair of claims with the wrong relation "
        "or direction)."
    )
    return Score(
        ex.id,
        "links",
        _round(f1 * ex.points),
        ex.points,
        checked,
        right,
        partial,
        missed,
        extra,
        problems,
        feedback=notes,
        details={"f1": f1, "hinted": hinted},
        shown=shown,
    )


# ----------------------------------------------------------------------------- text


def _score_text(ex: ExerciseDef, value: Any, rubric_points: Mapping[str, float] | None) -> Score:
    answered = not is_empty(value)
    problems = [] if value is None or isinstance(value, str) else [f"{value!r} is not text."]
    if rubric_points is None:
        return Score(
            ex.id,
            "text",
            None,
            ex.points,
            "Written answers are not checked automatically; your instructor scores them "
            f"with the rubric of {len(ex.rubric)} criteria below (check your answer against it).",
            problems=problems,
            feedback=[
                f"{r.id} ({r.points:g} point{'s' * (r.points != 1)}): {r.text}" for r in ex.rubric
            ],
            answered=answered,
        )
    pts = 0.0
    right, partial, missed, extra = [], [], [], []
    by_id = {r.id: r for r in ex.rubric}
    for rid, p in rubric_points.items():
        if rid not in by_id:
            extra.append(f"{rid!r} is not a rubric criterion")
            continue
        r = by_id[rid]
        if not isinstance(p, (int, float)) or isinstance(p, bool) or not 0 <= p <= r.points:
            problems.append(f"{p!r} points for {rid!r} is outside 0..{r.points:g}.")
            continue
        pts += p
        line = f"{rid}: {r.text} ({p:g} of {r.points:g})"
        (right if p == r.points else partial if p > 0 else missed).append(line)
    for r in ex.rubric:
        if r.id not in rubric_points:
            missed.append(f"{r.id}: {r.text} (not scored yet)")
    return Score(
        ex.id,
        "text",
        _round(pts),
        ex.points,
        f"Added up the rubric points the instructor entered for {len(ex.rubric)} criteria.",
        right,
        partial,
        missed,
        extra,
        problems,
        answered=answered,
    )


# ----------------------------------------------------------------------------- form check

#: What every check of a graded exercise (self-check off) starts with.
SELF_CHECK_OFF = "Self-check is off for this exercise: your instructor will grade it."
#: What the form check says of the answer it read: kept in the notebook, nothing to keep yet
#: (not answered), or not kept at all (a typed ``check(id, answer)``: what is handed in is
#: the exercise's own cell).
KEEPING = {
    "kept": "Your answer is kept in this notebook.",
    "empty": "Not answered yet, so nothing is kept yet",
    "call": "This check() is not kept: the answer that counts is the one in the exercise's own "
    "cell (or its widget).",
}
#: What the form check says it did.
FORM_READ = "Checked only that it can be read (not whether it is right)"


def form_check(ex: ExerciseDef, value: Any, *, call: bool = False) -> Score:
    """What can be said about an answer without its key: what could not be read, how it was
    read, what is left out (counted). For exercises with self-check off (assessment mode).

    Never uses the reference (a student key has none): an unknown label, item id, claim or
    option, a phrase not in the text or only inside a longer word, one label for a two-axis
    item, a link without a relation. ``points`` is None.

    >>> from framingkit.exercises.model import parse_key
    >>> d = parse_key({"lesson": "d", "exercises": {"d/c": {"type": "classify", "prompt": "p",
    ...     "labels": ["a", "b"], "items": {"i1": "x", "i2": "y"},
    ...     "reference": {"i1": "a", "i2": "b"}}}}).exercises["d/c"]
    >>> s = form_check(d, {"i1": "typo"})
    >>> s.problems, s.unanswered
    (["'typo' (for i1) is not one of the labels (a, b)."], ['1 item not answered yet: i2.'])
    """
    notes: list[str] = []
    problems: list[str] = []
    unanswered: list[str] = []
    what = ""
    if ex.type == "text" or is_empty(value):
        if is_empty(value):
            unanswered = ["this exercise is not answered yet"]
        rubric = [  # the criteria the instructor grades by (a student key keeps them)
            f"{r.id} ({r.points:g} point{'s' * (r.points != 1)}): {r.text}" for r in ex.rubric
        ]
        if is_empty(value):  # nothing is "kept" (student review 2, N6)
            head = f"{SELF_CHECK_OFF} {KEEPING['empty']}"
        else:
            head = f"{SELF_CHECK_OFF} {KEEPING['call' if call else 'kept']} {FORM_READ}"
        return Score(
            ex.id,
            ex.type,
            None,
            ex.points,
            head + (": the criteria your instructor grades by are below." if rubric else "."),
            unanswered=unanswered,
            feedback=rubric,
            answered=not is_empty(value),
            form_only=True,
        )
    if ex.type == "spans":
        spans, problems = answer_spans(ex, value, notes)
        merged, n_merged = _merge(spans)
        if n_merged:
            notes.append(
                f"{n_merged} of your phrases overlapped another one; they count as one phrase."
            )
        what = f": {_plural(len(merged), 'phrase')}"
    elif ex.type == "choice":
        key, problem = _choice_key(ex, value, notes)
        problems = [problem] if key is None else []
        what = f": option {key}" if key is not None else ""
    elif ex.type == "links":
        links, problems = answer_links(ex, value, notes)
        what = f": {_plural(len(links), 'link')}"
    elif ex.type == "classify":
        what = _form_classify(ex, value, notes, problems, unanswered)
    return Score(
        ex.id,
        ex.type,
        None,
        ex.points,
        f"{SELF_CHECK_OFF} {KEEPING['call' if call else 'kept']} {FORM_READ}{what}.",
        problems=problems,
        feedback=notes,
        unanswered=unanswered,
        form_only=True,
    )


def _form_classify(
    ex: ExerciseDef, value: Any, notes: list[str], problems: list[str], unanswered: list[str]
) -> str:
    axes = tuple(ex.axes)
    ids = [i.id for i in ex.items]
    if not isinstance(value, Mapping):
        problems.append(
            f"The answer {value!r} is not a dict of item id -> label(s); type one entry per "
            f"item, e.g. {_example_classify(ex)}."
        )
        return ""
    value = _match_ids(value, ids, notes)
    blank, given = [], 0
    items = {i.id: i for i in ex.items}
    for item_id in ids:
        got_raw = value.get(item_id)
        if is_empty(got_raw):
            blank.append(item_id)
            continue
        if len(axes) == 1 and isinstance(got_raw, (list, tuple)) and len(got_raw) == 1:
            got_raw = got_raw[0]
        got = split_axes(got_raw, axes)
        if got is None:
            problems.append(
                f"The answer for {item_id}, {got_raw!r}, does not give one label per axis "
                f"({', '.join(axes)})."
            )
            continue
        before = len(problems)
        for axis in axes:
            g = got.get(axis)
            if g is None:
                continue
            if not isinstance(g, str):
                problems.append(f"The {axis} for {item_id}, {g!r}, is not a single label.")
                continue
            labels = ex.axes[axis]
            if g in labels or _norm(g) in {_norm(k) for k in items[item_id].accept.get(axis, {})}:
                continue
            old, _ = legacy_reading(g, labels)
            subs = {_norm(k): v for k, v in ex.subtypes.get(axis, {}).items()}
            if old is not None:
                note = (
                    f"'{g}' is an older name; your instructor's key decides which of its new "
                    "names counts, so a current label is safer."
                )
            elif _norm(g) in subs:
                note = f"Read '{g}' as '{subs[_norm(g)]}': '{g}' is a kind of {subs[_norm(g)]}."
            else:
                meant, note = match_label(g, labels, ex.aliases.get(axis))
                if meant is None:
                    hint = f" {note}" if note else ""
                    problems.append(
                        f"'{g}' (for {item_id}) is not one of the {axis}s "
                        f"({', '.join(labels)}).{hint}"
                    )
                    continue
            if note and note not in notes:
                notes.append(note)
        given += len(problems) == before  # an unknown label is not a usable one (review 2, N2)
    for item_id in value:
        if item_id not in items:
            problems.append(f"{item_id!r} is not one of the items ({', '.join(ids)}).")
    if blank:
        unanswered.append(f"{_plural(len(blank), 'item')} not answered yet: {', '.join(blank)}.")
    return f": labels for {given} of the {len(ids)} items"
