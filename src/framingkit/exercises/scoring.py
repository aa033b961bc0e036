"""The one scoring core, shared by self-check and the grader.

:func:`score` takes an exercise definition and an answer value (typed or from
the widget, already plain Python/JSON) and returns a :class:`Score`: points,
what was right, what was missed and why, what was extra, and one sentence that
says exactly what was checked.

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
(1.33, ['“boldly”'], ['“deal” is not one of the reference phrases'])
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .model import ExerciseDef, _norm, locate, match_label, split_axes


@dataclass
class Score:
    """The result of scoring one answer.

    ``points`` is None when the answer is not auto-scored (``text`` without rubric
    points) ; ``fraction`` is points / max_points. ``right``, ``partial``,
    ``missed`` and ``extra`` are short human-readable lines; ``problems`` lists
    parts of the answer that could not be understood (never silently dropped).
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

    @property
    def fraction(self) -> float | None:
        """Points as a share of the maximum (None when not scored)."""
        if self.points is None or not self.max_points:
            return None
        return self.points / self.max_points


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


def score(ex: ExerciseDef, value: Any, rubric_points: Mapping[str, float] | None = None) -> Score:
    """Score ``value`` against the reference of ``ex`` (see the module docs for each type).

    ``rubric_points`` ({criterion id: points}) is how an instructor scores a ``text`` answer.
    """
    if ex.type == "text":
        return _score_text(ex, value, rubric_points)
    if is_empty(value):
        return Score(
            ex.id,
            ex.type,
            0.0,
            ex.points,
            "Nothing to check yet: this exercise is not answered.",
            missed=[_describe_missing(ex)],
            answered=False,
        )
    fn = {
        "spans": _score_spans,
        "classify": _score_classify,
        "choice": _score_choice,
        "links": _score_links,
    }[ex.type]
    return fn(ex, value)


def _describe_missing(ex: ExerciseDef) -> str:
    n = len(ex.reference) if isinstance(ex.reference, (tuple, list, dict)) else 1
    what = {"spans": "reference phrases", "classify": "items", "links": "reference links"}
    return f"all {n} {what[ex.type]}" if ex.type in what else "the right option"


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


def _merge(spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], int]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged, len(spans) - len(merged)


def _score_spans(ex: ExerciseDef, value: Any) -> Score:
    """Partial-overlap F1 from the spot engineer's :func:`framingkit.spot.scoring.score_spans`
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
    right, partial, missed, extra = [], [], [], []
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
    for j, r in enumerate(refs):
        why = f" ({r.why})" if r.why else ""
        m = matched_ref.get(j)
        if m is None:
            missed.append(f"“{r.text}”{why}")
        elif m.credit >= 0.999:
            right.append(f"“{r.text}”{why}")
        else:
            partial.append(
                f"“{r.text}”: you picked “{m.student.text}” ({m.credit:.0%} overlap){why}"
            )
    for s, e in spans:
        if not any(s <= a and b <= e for a, b in matched_ans):
            inside = next((r for r in refs if s < r.end and r.start < e), None)
            if inside is not None:
                extra.append(
                    f"“{text[s:e]}” is part of the reference phrase “{inside.text}”, which "
                    "another of your phrases already matched; select it as one phrase"
                )
            else:
                extra.append(f"“{text[s:e]}” is not one of the reference phrases")
    n_a, n_r = len(spans), len(refs)
    checked = (
        f"Checked your {n_a} phrase{'s' * (n_a != 1)} against the {n_r} reference "
        f"phrase{'s' * (n_r != 1)}, with partial credit for overlaps (F1 = {f1:.2f})."
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
        details={"f1": f1, "answer_spans": spans},
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


def _score_classify(ex: ExerciseDef, value: Any) -> Score:
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
    right, partial, missed, extra = [], [], [], []
    total = 0.0
    n_answered = 0
    for item_id, ref in ex.reference.items():
        item = items[item_id]
        label = f"{item_id} ({_short(item.text)})" if item.text else item_id
        why = f" {item.why}" if item.why else ""
        given = value.get(item_id)
        if item_id not in value or is_empty(given):
            missed.append(f"{label}: not answered; expected {_fmt_ref(ref)}.{why}")
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
            missed.append(f"{label}: expected {_fmt_ref(ref)}.{why}")
            continue
        n_answered += 1
        ok_axes, bad_axes = [], []
        for axis in axes:
            g = got.get(axis)
            if g is not None and not isinstance(g, str):
                problems.append(f"The {axis} for {item_id}, {g!r}, is not a single label.")
            if g is not None and isinstance(g, str) and g not in ex.axes[axis]:
                meant, note = match_label(g, ex.axes[axis], ex.aliases.get(axis))
                if meant is not None:
                    if note not in notes:
                        notes.append(note)
                    got[axis] = g = meant
                else:
                    hint = f" {note}" if note else ""
                    problems.append(
                        f"{g!r} (for {item_id}) is not a {axis}; the {axis}s are: "
                        f"{', '.join(ex.axes[axis])}.{hint}"
                    )
            if g in ref[axis]:
                ok_axes.append(axis)
            elif g is None:
                bad_axes.append(f"{axis} not given (it is {' or '.join(map(repr, ref[axis]))})")
            else:
                bad_axes.append(f"{axis} {g!r} should be {' or '.join(map(repr, ref[axis]))}")
        credit = len(ok_axes) / len(axes)
        total += credit
        if credit == 1:
            right.append(f"{label}: {_fmt_ref({a: (got[a],) for a in axes})}")
        elif credit > 0:
            partial.append(f"{label}: {', '.join(ok_axes)} right, but {'; '.join(bad_axes)}.{why}")
        else:
            missed.append(f"{label}: {'; '.join(bad_axes)}.{why}")
    for item_id in value:
        if item_id not in ex.reference:
            extra.append(f"{item_id!r} is not one of the items ({', '.join(ex.reference)})")
    n = len(ex.reference)
    acc = total / n if n else 0.0
    per_axis = " with partial credit per axis (" + " + ".join(axes) + ")" if len(axes) > 1 else ""
    checked = (
        f"Checked your labels for {n_answered} of the {n} items against the reference{per_axis}"
        f" (accuracy {acc:.0%})."
    )
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
        details={"accuracy": acc},
    )


def _fmt_ref(ref: Mapping[str, tuple[str, ...]]) -> str:
    return " + ".join(" or ".join(map(repr, v)) for v in ref.values())


def _short(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


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
        return keys[key], ""
    by_text = {_norm(o.text): k for k, o in ex.options.items()}
    if _norm(value) in by_text:
        k = by_text[_norm(value)]
        notes.append(f"Your answer is the text of option {k!r}; it was checked as {k!r}.")
        return k, ""
    return None, f"{value!r} is not one of the options ({', '.join(ex.options)})."


def _score_choice(ex: ExerciseDef, value: Any) -> Score:
    notes: list[str] = []
    key, problem = _choice_key(ex, value, notes)
    right_keys = list(ex.reference)
    checked = f"Checked your option against the right one ({len(ex.options)} options)."
    if key is None:
        return Score(
            ex.id,
            "choice",
            0.0,
            ex.points,
            checked,
            problems=[problem],
            missed=["the right option"],
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
    return Score(
        ex.id,
        "choice",
        0.0,
        ex.points,
        checked,
        missed=[f"the right option: you picked {key}) {_sentence(opt.text)} {opt.feedback}"],
        feedback=[*notes, opt.feedback],
    )


# ----------------------------------------------------------------------------- links


def _parse_link_text(text: str) -> list[str] | None:
    """'C3 supports C4' or 'C3 -supports-> C4' as [source, target, relation], else None."""
    import re

    m = re.fullmatch(r"\s*([\w.]+)\s*(?:-\s*)?([A-Za-z]+)\s*(?:-*>)?\s*([\w.]+)\s*", text)
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


def _score_links(ex: ExerciseDef, value: Any) -> Score:
    notes: list[str] = []
    links, problems = answer_links(ex, value, notes)
    refs = list(ex.reference)
    right, partial, missed, extra = [], [], [], []
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
            what = "the relation" if rel != rrel else "the direction"
            if rel != rrel and (s, t) != (rs, rt):
                what = "the relation and the direction"
            partial.append(
                f"{s} -{rel}-> {t}: right pair, but {what} should be {rs} -{rrel}-> {rt}"
            )
            break
    for i, (s, t, rel) in enumerate(links):
        if credit_ans[i] == 1:
            right.append(f"{s} -{rel}-> {t}")
        elif credit_ans[i] == 0:
            extra.append(f"{s} -{rel}-> {t} is not in the reference map")
    for j, (rs, rt, rrel) in enumerate(refs):
        if credit_ref[j] == 0:
            name = f"{rs} -{rrel}-> {rt}"
            why = ex.link_why.get(name)
            missed.append(f"{name} ({why})" if why else name)
    if not refs:
        f1 = 1.0 if not links else 0.0
    elif not links:
        f1 = 0.0
    else:
        prec, rec = sum(credit_ans) / len(links), sum(credit_ref) / len(refs)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    n_a, n_r = len(links), len(refs)
    checked = (
        f"Checked your {n_a} link{'s' * (n_a != 1)} against the {n_r} reference "
        f"link{'s' * (n_r != 1)}, with half credit for a right pair with the wrong relation or "
        f"direction (F1 = {f1:.2f})."
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
        details={"f1": f1},
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
