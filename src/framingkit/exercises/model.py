"""Exercise definitions and answer keys: the one table of exercise types, loading and validation.

A key file ``src/framingkit/data/keys/<lesson id>.json`` holds
``{"lesson": id, "exercises": {<exercise id>: {...}}}``; :func:`load_key` reads
and validates it, resolving material that refers to the seed texts, and raises
:class:`~framingkit.errors.InputError` (one sentence) for anything malformed.

>>> key = parse_key({"lesson": "demo", "exercises": {"demo/pick": {
...     "type": "choice", "prompt": "Which?", "points": 1, "reference": "b",
...     "options": {"a": {"text": "A", "feedback": "A is a trap."}, "b": {"text": "B"}}}}})
>>> key.exercises["demo/pick"].options["a"].feedback
'A is a trap.'
"""

from __future__ import annotations

import functools
import importlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError


@dataclass(frozen=True)
class ExerciseType:
    """One row of :data:`TYPES`: what the type is and how a typed answer looks."""

    name: str
    what: str
    material: str
    reference: str
    answer: str
    example: str
    scoring: str


#: The one table of exercise types (docs and validation derive from it).
TYPES: dict[str, ExerciseType] = {
    t.name: t
    for t in (
        ExerciseType(
            "spans",
            "pick words or phrases in a text",
            '`text`: a string, or {"source": "seed:original", "paragraphs": [4, 5]}',
            "list of phrases, [start, end] pairs, or {'text': ..., 'why': ...}",
            "a list of phrases (str) or (start, end) pairs in the exercise text",
            'answer = ["boldly", "excessive zeal"]',
            "partial-overlap F1 (phrases paired one-to-one, Dice overlap as credit)",
        ),
        ExerciseType(
            "classify",
            "label each item on one or two axes (kind + effect; type + certainty)",
            "`items`: [{'id', 'text', 'why'}], `axes`: {axis: [labels]} (or `labels`)",
            "{item_id: label} or {item_id: [label1, label2]} or {item_id: {axis: label}}",
            "{item_id: label} or {item_id: [label1, label2]} for two-axis items",
            'answer = {"c1": ["wording", "softens"], "c2": ["order", "neutral"]}',
            "accuracy with partial credit per axis",
        ),
        ExerciseType(
            "choice",
            "multiple choice; each wrong option names the misconception",
            "`options`: {key: {'text', 'feedback'}} (feedback required on wrong options)",
            "the right option key (or a list of acceptable keys)",
            "one option key as a string",
            'answer = "b"',
            "all points for a right option, none otherwise",
        ),
        ExerciseType(
            "text",
            "short written answer, scored by the instructor with a rubric",
            "`rubric`: [{'id', 'criterion', 'points'}]",
            "none needed (the model answer lives in solutions/)",
            "a string",
            'answer = "The headline turns a possibility into a plan."',
            "never auto-scored: rubric points entered by the instructor",
        ),
        ExerciseType(
            "links",
            "link claims into a small map",
            "`claims`: [{'id', 'text'}], optional `relations` (default: supports, elaborates, "
            "contrasts, exemplifies)",
            "list of [source_id, target_id, relation] (a fourth entry: the reason)",
            "a list of (source_id, target_id, relation)",
            'answer = [("c2", "c1", "supports")]',
            "link-level F1 (half credit for the right pair with the wrong relation or direction)",
        ),
    )
}
#: Relations a claim link may carry (the claims engineer's contract).
LINK_RELATIONS: tuple[str, ...] = ("supports", "elaborates", "contrasts", "exemplifies")
#: What each link relation means (for hints on a link with the wrong relation).
RELATION_MEANINGS: dict[str, str] = {
    "supports": "the first claim gives a reason or evidence for the second",
    "elaborates": "the first claim restates the second or adds detail to it",
    "contrasts": "the first claim opposes, limits or qualifies the second",
    "exemplifies": "the first claim is an example or instance of the second",
}


@dataclass(frozen=True)
class Legacy:
    """An old appraisal name: the new labels it may mean, each with when it means it."""

    old: str
    means: tuple[tuple[str, str], ...]


#: Old category names of the kit, read leniently with a note (the vocabulary of issue 11).
LEGACY_LABELS: dict[str, Legacy] = {
    x.old: x
    for x in (
        Legacy("booster", (("proclaim", "certainty"), ("force", "intensity"))),
        Legacy("hedge", (("entertain", "an epistemic hedge"), ("force", "a downtoner"))),
        Legacy("scare_quote", (("attribute", "distance"),)),
        Legacy(
            "stance_verb",
            (("attribute", "a reporting verb"), ("attitude", "an invoked judgement")),
        ),
    )
}


def legacy_reading(
    given: str, labels: tuple[str, ...], wanted: tuple[str, ...] = ()
) -> tuple[str | None, str]:
    """The label an old name (``booster``) stands for among ``labels``, and the note saying so.

    Prefers a reading in ``wanted`` (the reference); also reads a new name as the old
    label when a key still uses the old names.

    >>> legacy_reading("booster", ("proclaim", "force", "attitude"), ("force",))[0]
    'force'
    >>> legacy_reading("proclaim", ("booster", "hedge"))[0]
    'booster'
    """
    norm = _norm(given)
    old = next((x for name, x in LEGACY_LABELS.items() if _norm(name) == norm), None)
    if old is not None:
        cands = [(label, when) for label, when in old.means if label in labels]
        if cands:
            label, when = next(((lab, w) for lab, w in cands if lab in wanted), cands[0])
            others = "; ".join(f"'{lab}' for {w}" for lab, w in old.means)
            return label, (
                f"'{given}' is an older name that the kit now splits ({others}); it was read "
                f"here as '{label}' ({when})."
            )
    for name, x in LEGACY_LABELS.items():
        if name in labels and any(_norm(lab) == norm for lab, _ in x.means):
            return name, f"Read '{given}' as the label '{name}', this key's older name for it."
    return None, ""


@dataclass(frozen=True)
class RefSpan:
    """A reference span of a ``spans`` exercise (offsets into the exercise text)."""

    start: int
    end: int
    text: str
    why: str = ""
    hint: str = ""


@dataclass(frozen=True)
class Distractor:
    """A phrase of a ``spans`` text that is not in the reference, with the reason why not."""

    start: int
    end: int
    text: str
    why: str


@dataclass(frozen=True)
class Item:
    """An item to classify, a claim to link, or a rubric criterion.

    ``hint`` is shown on the first wrong answer; ``accept`` ({axis: {answer: note}}) lists
    other answers with full credit and the note shown with them.
    """

    id: str
    text: str
    why: str = ""
    points: float = 0.0
    hint: str = ""
    accept: dict[str, dict[str, str]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Option:
    """A multiple-choice option with the feedback shown when it is picked."""

    key: str
    text: str
    feedback: str = ""


@dataclass(frozen=True)
class ExerciseDef:
    """One exercise of a key: its type, prompt, points, material and reference answer."""

    id: str
    type: str
    prompt: str
    points: float
    self_check: bool = True
    title: str = ""
    #: The exercise's number in its lesson ("Exercise 3"): the key's ``number``, else its
    #: position in the key (1-based; the lessons number their exercises in key order).
    number: int = 0
    text: str = ""
    source: str = ""
    items: tuple[Item, ...] = ()
    axes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    options: dict[str, Option] = field(default_factory=dict)
    claims: tuple[Item, ...] = ()
    relations: tuple[str, ...] = LINK_RELATIONS
    rubric: tuple[Item, ...] = ()
    reference: Any = None
    #: Reasons shown when a reference link is missed, by "source -relation-> target".
    link_why: dict[str, str] = field(default_factory=dict)
    #: Other names of labels, by axis ("relation" for links): {axis: {other name: label}}.
    aliases: dict[str, dict[str, str]] = field(default_factory=dict)
    #: The exercise's hint (choice; a fallback for the other types).
    hint: str = ""
    #: Whether the exercise counts in assessment mode (self-check off in a student release).
    graded: bool = True
    #: True in a student key whose reference was left out (a graded exercise of a release).
    withheld: bool = False
    #: Extra phrases of a ``spans`` exercise with the reason they are not in the reference.
    distractors: tuple[Distractor, ...] = ()
    #: Hints of reference links, by "source -relation-> target".
    link_hint: dict[str, str] = field(default_factory=dict)
    #: What each label means, by axis (from the label's code table), for generated hints.
    label_meanings: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Subtypes of labels, by axis: {axis: {subtype: label}} (``affect`` -> ``attitude``).
    subtypes: dict[str, dict[str, str]] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def lesson(self) -> str:
        """The lesson id (the part of the exercise id before the slash)."""
        return self.id.split("/", 1)[0]


@dataclass(frozen=True)
class LessonKey:
    """A lesson's answer key: ``exercises`` maps exercise id to :class:`ExerciseDef`."""

    lesson: str
    exercises: dict[str, ExerciseDef]
    path: str = ""


# ----------------------------------------------------------------------------- loading


def default_key_dir() -> Path:
    """The package-data folder of keys (``src/framingkit/data/keys``)."""
    return Path(__file__).resolve().parent.parent / "data" / "keys"


def key_dirs(key_dir: str | os.PathLike[str] | None = None) -> list[Path]:
    """Folders searched for ``<lesson>.json``: ``key_dir``, ``$FRAMINGKIT_KEY_DIR``, the package."""
    dirs = [Path(key_dir)] if key_dir else []
    env = os.environ.get("FRAMINGKIT_KEY_DIR")
    if env:
        dirs += [Path(p) for p in env.split(os.pathsep) if p]
    dirs.append(default_key_dir())
    return dirs


def load_key(lesson_id: str, key_dir: str | os.PathLike[str] | None = None) -> LessonKey:
    """Load and validate the key of ``lesson_id`` (an exercise id also works).

    Looks in ``key_dir`` (the grader's ``--key DIR``), then in the folders of
    ``$FRAMINGKIT_KEY_DIR``, then in the package data.

    >>> load_key("no-such-lesson")
    Traceback (most recent call last):
    ...
    framingkit.errors.InputError: No answer key for lesson 'no-such-lesson' was found ...
    """
    lesson = lesson_id.split("/", 1)[0]
    if key_dir and not Path(key_dir).is_dir():
        raise InputError(f"The key folder '{key_dir}' does not exist.")
    for d in key_dirs(key_dir):
        path = d / f"{lesson}.json"
        if path.is_file():
            return _load_key_file(str(path), path.stat().st_mtime_ns)
    where = ", ".join(str(d) for d in key_dirs(key_dir))
    raise InputError(
        f"No answer key for lesson '{lesson}' was found (looked for {lesson}.json in {where})."
    )


def find_exercise(exercise_id: str, key_dir: str | os.PathLike[str] | None = None) -> ExerciseDef:
    """The definition of one exercise, e.g. ``find_exercise("02-spot/boosters")``."""
    key = load_key(exercise_id, key_dir)
    if exercise_id not in key.exercises:
        known = ", ".join(sorted(key.exercises)) or "none"
        raise InputError(
            f"The key of lesson '{key.lesson}' has no exercise '{exercise_id}' (it has: {known})."
        )
    return key.exercises[exercise_id]


@functools.lru_cache(maxsize=64)
def _load_key_file(path: str, _mtime: int) -> LessonKey:
    name = Path(path).name
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"The key '{name}' is not UTF-8 text.") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"The key '{name}' is not valid JSON "
            f"(line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from None
    return parse_key(data, name=name, base=Path(path).parent)


def parse_key(data: Any, name: str = "<key>", base: Path | None = None) -> LessonKey:
    """Validate a key given as a JSON value; raise :class:`InputError` naming the first problem."""
    if not isinstance(data, Mapping):
        raise InputError(f"The key '{name}' must be a JSON object with 'lesson' and 'exercises'.")
    lesson = data.get("lesson")
    if not isinstance(lesson, str) or not lesson:
        raise InputError(f"The key '{name}' has no 'lesson' id (a non-empty string).")
    exercises = data.get("exercises")
    if not isinstance(exercises, Mapping):
        raise InputError(f"The key '{name}' has no 'exercises' object (exercise id -> definition).")
    out: dict[str, ExerciseDef] = {}
    for position, (ex_id, raw) in enumerate(exercises.items(), 1):
        where = f"The key '{name}', exercise '{ex_id}',"
        if (
            not isinstance(ex_id, str)
            or not ex_id.startswith(f"{lesson}/")
            or ex_id == f"{lesson}/"
        ):
            raise InputError(
                f"The key '{name}' has an exercise id '{ex_id}' that does not look like "
                f"'{lesson}/<short name>'."
            )
        if not isinstance(raw, Mapping):
            raise InputError(f"{where} must be a JSON object.")
        out[ex_id] = _parse_exercise(ex_id, dict(raw), where, base, position)
    return LessonKey(lesson=lesson, exercises=out, path=name)


def _parse_exercise(
    ex_id: str, raw: dict[str, Any], where: str, base: Path | None, position: int = 0
) -> ExerciseDef:
    typ = raw.get("type")
    if typ not in TYPES:
        raise InputError(f"{where} has type {typ!r}; it must be one of: {', '.join(TYPES)}.")
    prompt = raw.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        raise InputError(f"{where} has no 'prompt' (the question shown to students).")
    flags = {}
    for name, default in (("self_check", True), ("graded", True), ("withheld", False)):
        flags[name] = raw.get(name, default)
        if not isinstance(flags[name], bool):
            raise InputError(f"{where} has '{name}' {flags[name]!r}; it must be true or false.")
    hint = raw.get("hint", "")
    if not isinstance(hint, str):
        raise InputError(f"{where} has 'hint' {hint!r}; it must be a string.")
    if flags["withheld"]:  # a student key: the reference was left out; the material stays
        raw = {**raw, "reference": _placeholder_reference(typ, raw)}
    kw: dict[str, Any] = {}
    if typ == "spans":
        kw = _parse_spans(raw, where, base)
    elif typ == "classify":
        kw = _parse_classify(raw, where)
    elif typ == "choice":
        kw = _parse_choice(raw, where)
    elif typ == "text":
        kw = _parse_text(raw, where)
    elif typ == "links":
        kw = _parse_links(raw, where)
    if flags["withheld"]:
        kw["reference"] = None if typ == "text" else ({} if typ == "classify" else ())
    number = raw.get("number", position)
    if isinstance(number, bool) or not isinstance(number, int) or number < 0:
        raise InputError(f"{where} has 'number' {number!r}; it must be a whole number.")
    points = raw.get("points", sum(r.points for r in kw.get("rubric", ())) or 1)
    if isinstance(points, bool) or not isinstance(points, (int, float)) or points <= 0:
        raise InputError(f"{where} has 'points' {points!r}; it must be a positive number.")
    return ExerciseDef(
        id=ex_id,
        type=typ,
        prompt=prompt,
        points=float(points),
        self_check=flags["self_check"],
        graded=flags["graded"],
        withheld=flags["withheld"],
        hint=hint,
        title=str(raw.get("title", "") or ""),
        number=number,
        raw=raw,
        **kw,
    )


def _placeholder_reference(typ: str, raw: dict[str, Any]) -> Any:
    """A stand-in reference so a withheld exercise's material is validated as usual."""
    if typ == "classify":
        items = raw.get("items")
        ids = (
            list(items)
            if isinstance(items, Mapping)
            else [i.get("id") for i in items or [] if isinstance(i, Mapping)]
        )
        axes = raw.get("axes")
        if isinstance(axes, Mapping):
            first = {a: _labels(v, "The key", str(a))[0] for a, v in axes.items()}
            return {i: first for i in ids}
        labels = _labels(raw.get("labels"), "The key", "label")
        return {i: labels[0] for i in ids}
    if typ == "choice":
        opts = raw.get("options")
        keys = (
            list(opts)
            if isinstance(opts, Mapping)
            else [o.get("key") for o in opts or [] if isinstance(o, Mapping)]
        )
        return keys[:1]
    return []


# ----------------------------------------------------------------------------- material


def resolve_text(material: Any, where: str = "The exercise", base: Path | None = None) -> str:
    """The exercise text: a literal string, or paragraphs/sentences of a seed or file.

    ``{"source": "seed:original", "paragraphs": [4, 5]}`` takes paragraphs 4 and 5
    (0-based, as in ``load_article(...).paragraphs``, markup removed) of the seed
    whose file name starts with ``original``; ``"sentences": [0, 1]`` picks
    sentences of the running text instead; ``"file:path.txt"`` reads a file
    (relative to the key's folder or the seeds folder).

    >>> resolve_text("Plain words.")
    'Plain words.'
    """
    if isinstance(material, str):
        if not material.strip():
            raise InputError(f"{where} has an empty 'text'.")
        return material
    if not isinstance(material, Mapping) or not isinstance(material.get("source"), str):
        raise InputError(
            f"{where} needs 'text': a string or an object such as "
            '{"source": "seed:original", "paragraphs": [4, 5]}.'
        )
    from ..document import load_article

    path = _source_path(material["source"], where, base)
    article = load_article(path)
    paras, sents = material.get("paragraphs"), material.get("sentences")
    if paras is not None and sents is not None:
        raise InputError(f"{where} gives both 'paragraphs' and 'sentences'; give one.")
    units = article.paragraphs if sents is None else article.sentences
    picks = paras if sents is None else sents
    if picks is None:
        return "\n\n".join(p.clean for p in article.paragraphs)
    if not isinstance(picks, list) or not all(
        isinstance(i, int) and not isinstance(i, bool) for i in picks
    ):
        raise InputError(f"{where} needs a list of 0-based numbers in 'paragraphs'/'sentences'.")
    bad = [i for i in picks if not 0 <= i < len(units)]
    if bad:
        raise InputError(
            f"{where} asks for number {bad[0]}, but '{Path(path).name}' has only "
            f"{len(units)} {'sentences' if sents is not None else 'paragraphs'} (counted from 0)."
        )
    sep = " " if sents is not None else "\n\n"
    return sep.join(units[i].clean for i in picks)


def seeds_dirs(base: Path | None = None) -> list[Path]:
    """Candidate ``seeds/`` folders: ``$FRAMINGKIT_SEEDS``, near ``base``, the cwd, the package."""
    starts: list[Path] = []
    env = os.environ.get("FRAMINGKIT_SEEDS")
    out: list[Path] = [Path(env)] if env else []
    if base is not None:
        starts.append(base.resolve())
    starts += [Path.cwd().resolve(), Path(__file__).resolve().parent]
    for s in starts:
        for d in [s, *s.parents]:
            if (d / "seeds").is_dir():
                out.append(d / "seeds")
    out.append(Path(__file__).resolve().parent.parent / "data" / "seeds")
    return [d for d in dict.fromkeys(out) if d.is_dir()]


def _source_path(source: str, where: str, base: Path | None) -> str:
    kind, _, name = source.partition(":")
    if kind == "seed" and name:
        for d in seeds_dirs(base):
            hits = sorted(p for p in d.glob(f"{name}*") if p.is_file())
            if len(hits) == 1:
                return str(hits[0])
            if len(hits) > 1:
                names = ", ".join(h.name for h in hits)
                raise InputError(
                    f"{where} refers to '{source}', which matches several seeds: {names}."
                )
        raise InputError(
            f"{where} refers to '{source}', but no seed file starting with '{name}' was found in a "
            "seeds/ folder (set FRAMINGKIT_SEEDS to the folder)."
        )
    if kind == "file" and name:
        for d in [base, *seeds_dirs(base), Path.cwd()]:
            if d is not None and (d / name).is_file():
                return str(d / name)
        raise InputError(f"{where} refers to '{source}', but that file does not exist.")
    raise InputError(
        f"{where} has source {source!r}; use 'seed:<name>' (e.g. 'seed:original') or 'file:<path>'."
    )


#: Quotation marks and apostrophes that a typed phrase may give in another shape.
_QUOTE_CLASSES = {
    **dict.fromkeys("'’‘ʼ`", "['’‘ʼ`]"),
    **dict.fromkeys('"“”„', '["“”„]'),
}


def _quote_blind(word: str) -> str:
    """A regex for ``word`` in which every apostrophe or quotation mark matches any shape."""
    import re

    return "".join(_QUOTE_CLASSES.get(ch, re.escape(ch)) for ch in word)


def locate(
    text: str,
    phrase: str,
    taken: set[tuple[int, int]] | None = None,
    *,
    whole_words: bool = True,
) -> tuple[int, int] | None:
    """Offsets of ``phrase`` in ``text`` (exact, then ignoring case and spacing), or None.

    Whole words only (unless ``whole_words=False``): a phrase that starts or ends with
    a letter or digit does not match inside a longer word. A phrase that occurs several
    times is the first occurrence not in ``taken``.

    >>> locate("Putin boldly announced", "BOLDLY")
    (6, 12)
    >>> locate("the official statements", "at") is None
    True
    >>> locate("in Xi’s deal", "Xi's deal")  # apostrophe shapes do not count
    (3, 12)
    """
    import re

    phrase = phrase.strip()
    if not phrase:
        return None
    words = [re.escape(w) for w in phrase.split()]
    patterns = [re.escape(phrase), r"\s+".join(words)]
    loose = r"\s+".join(_quote_blind(w) for w in phrase.split())
    if loose != patterns[1]:  # a typed ' or " matches the text's ’ or “ ” (and back)
        patterns.append(loose)
    if whole_words:  # "at" is not found inside "statements"
        left = r"(?<!\w)" if re.match(r"\w", phrase) else ""
        right = r"(?!\w)" if re.search(r"\w$", phrase) else ""
        patterns = [left + p + right for p in patterns]
    for flags in (0, re.IGNORECASE):
        for pat in patterns:
            first = None
            for m in re.finditer(pat, text, flags):
                hit = (m.start(), m.end())
                if first is None:
                    first = hit
                if not taken or hit not in taken:
                    return hit
            if first is not None:
                return first
    return None


# ----------------------------------------------------------------------------- per type


def _parse_spans(raw: dict[str, Any], where: str, base: Path | None) -> dict[str, Any]:
    material = raw.get("text", raw.get("material"))
    text = resolve_text(material, where, base)
    ref = raw.get("reference")
    if not isinstance(ref, list):
        raise InputError(f"{where} needs 'reference': a list of phrases or [start, end] pairs.")
    spans: list[RefSpan] = []
    taken: set[tuple[int, int]] = set()
    for r in ref:
        why = hint = ""
        if isinstance(r, Mapping):
            why, hint = str(r.get("why", "") or ""), str(r.get("hint", "") or "")
            r = r.get("text") if "text" in r else [r.get("start"), r.get("end")]
        if isinstance(r, str):
            hit = locate(text, r, taken)
            if hit is None:
                raise InputError(
                    f"{where} has the reference phrase {r!r}, which is not in its text."
                )
        elif (
            isinstance(r, list)
            and len(r) == 2
            and all(isinstance(i, int) and not isinstance(i, bool) for i in r)
            and 0 <= r[0] < r[1] <= len(text)
        ):
            hit = (r[0], r[1])
        else:
            raise InputError(
                f"{where} has the reference entry {r!r}; use a phrase, [start, end] offsets "
                f"within the text (0..{len(text)}), or {{'text': ..., 'why': ...}}."
            )
        taken.add(hit)
        spans.append(RefSpan(hit[0], hit[1], text[hit[0] : hit[1]], why, hint))
    source = material.get("source", "") if isinstance(material, Mapping) else ""
    return {
        "text": text,
        "source": source,
        "reference": tuple(spans),
        "distractors": _parse_distractors(raw.get("distractors"), text, where),
    }


def _parse_distractors(raw: Any, text: str, where: str) -> tuple[Distractor, ...]:
    """``[{"text": "slightly", "why": "...", "occurrence": 1}]`` located in the exercise text."""
    import re

    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise InputError(f"{where} has 'distractors' {raw!r}; use a list of {{'text', 'why'}}.")
    out: list[Distractor] = []
    for d in raw:
        if (
            not isinstance(d, Mapping)
            or not isinstance(d.get("text"), str)
            or not isinstance(d.get("why"), str)
            or not d["why"].strip()
        ):
            raise InputError(
                f"{where} has the distractor {d!r}; each needs 'text' (a phrase of the text) "
                "and 'why' (the reason it is not an answer)."
            )
        nth = d.get("occurrence", 1)
        if isinstance(nth, bool) or not isinstance(nth, int) or nth < 1:
            raise InputError(f"{where} has a distractor 'occurrence' {nth!r}; use 1, 2, ...")
        hits: set[tuple[int, int]] = set()
        hit = None
        for _ in range(nth):
            hit = locate(text, d["text"], hits)
            if hit is None or hit in hits:
                hit = None
                break
            hits.add(hit)
        if hit is None:
            raise InputError(
                f"{where} has the distractor {d['text']!r}, which is not in its text"
                + (f" {nth} times." if nth > 1 else ".")
            )
        out.append(Distractor(hit[0], hit[1], text[hit[0] : hit[1]], re.sub(r"\s+", " ", d["why"])))
    return tuple(out)


def _ids(entries: Any, where: str, what: str) -> tuple[Item, ...]:
    if isinstance(entries, Mapping):
        entries = [{"id": k, "text": v} for k, v in entries.items()]
    if not isinstance(entries, list) or not entries:
        raise InputError(f"{where} needs '{what}': a non-empty list of {{'id': ..., 'text': ...}}.")
    items: list[Item] = []
    for e in entries:
        if not isinstance(e, Mapping) or not isinstance(e.get("id"), str) or not e.get("id"):
            raise InputError(f"{where} has an entry in '{what}' without a string 'id': {e!r}.")
        hint = e.get("hint", "")
        if not isinstance(hint, str):
            raise InputError(f"{where} has the 'hint' of '{e['id']}' {hint!r}; use a string.")
        items.append(
            Item(
                e["id"],
                str(e.get("text", e.get("criterion", ""))),
                str(e.get("why", "")),
                float(e.get("points", 0) or 0),
                hint,
            )
        )
    seen = [i.id for i in items]
    dup = next((i for i in seen if seen.count(i) > 1), None)
    if dup:
        raise InputError(f"{where} has the id '{dup}' twice in '{what}'.")
    return tuple(items)


def _table_aliases(value: Any) -> dict[str, str]:
    """Other names of labels taken from a code table: a row's ``label`` (how the views mark it)."""
    if isinstance(value, str) and ":" in value:
        mod, _, attr = value.partition(":")
        try:
            value = getattr(importlib.import_module(mod), attr)
        except (ImportError, AttributeError):
            return {}
    if not isinstance(value, Mapping):
        return {}
    out: dict[str, str] = {}
    for name, row in value.items():
        shown = getattr(row, "label", None)
        if isinstance(shown, str) and isinstance(name, str) and shown != name:
            out[shown] = name
    return out


def _aliases(raw: dict[str, Any], axes: Mapping[str, Any], where: str) -> dict[str, dict[str, str]]:
    """Other names of labels: from code tables (their ``label``) and the key's ``aliases``.

    ``"aliases": {"other name": "label"}`` (for every axis) or ``{axis: {"other name": "label"}}``.
    """
    out = {axis: _table_aliases(value) for axis, value in axes.items()}
    given = raw.get("aliases")
    if given is None:
        return {a: v for a, v in out.items() if v}
    if not isinstance(given, Mapping):
        raise InputError(f"{where} has 'aliases' {given!r}; use {{'other name': 'label'}}.")
    labels = {axis: _labels(value, where, axis) for axis, value in axes.items()}
    per_axis = (
        given
        if given and all(isinstance(v, Mapping) for v in given.values())
        else {axis: given for axis in axes}
    )
    for axis, names in per_axis.items():
        if axis not in labels:
            raise InputError(f"{where} has 'aliases' for '{axis}', which is not an axis.")
        for other, label in names.items():
            if label in labels[axis]:
                out[axis][str(other)] = label
            elif not any(label in v for v in labels.values()):
                raise InputError(
                    f"{where} has the alias {other!r} for {label!r}, which is not a label."
                )
    return {a: v for a, v in out.items() if v}


def _labels(value: Any, where: str, axis: str) -> tuple[str, ...]:
    if isinstance(value, str) and ":" in value:  # "framingkit.compare:KINDS": one table of labels
        mod, _, attr = value.partition(":")
        try:
            value = getattr(importlib.import_module(mod), attr)
        except (ImportError, AttributeError):
            raise InputError(
                f"{where} takes the labels of axis '{axis}' from {value!r}, which does not exist."
            ) from None
    if isinstance(value, Mapping):
        value = list(value)
    if (
        not isinstance(value, (list, tuple))
        or not value
        or not all(isinstance(v, str) for v in value)
    ):
        raise InputError(f"{where} needs a non-empty list of labels for axis '{axis}'.")
    return tuple(value)


def _parse_classify(raw: dict[str, Any], where: str) -> dict[str, Any]:
    items = _ids(raw.get("items"), where, "items")
    if "axes" in raw:
        if not isinstance(raw["axes"], Mapping) or not 1 <= len(raw["axes"]) <= 2:
            raise InputError(f"{where} needs 'axes': an object with one or two axes of labels.")
        axes = {str(k): _labels(v, where, str(k)) for k, v in raw["axes"].items()}
    elif "labels" in raw:
        axes = {"label": _labels(raw["labels"], where, "label")}
    else:
        raise InputError(
            f"{where} needs 'axes' (e.g. {{'kind': [...], 'effect': [...]}}) or 'labels'."
        )
    ref = raw.get("reference")
    if not isinstance(ref, Mapping):
        raise InputError(f"{where} needs 'reference': an object item id -> label(s).")
    ids = {i.id for i in items}
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for item_id, value in ref.items():
        if item_id not in ids:
            raise InputError(f"{where} has a reference for '{item_id}', which is not an item.")
        per_axis = split_axes(value, tuple(axes))
        if per_axis is None:
            raise InputError(
                f"{where} has the reference {value!r} for '{item_id}'; give one label per axis "
                f"({', '.join(axes)})."
            )
        norm: dict[str, tuple[str, ...]] = {}
        for axis, v in per_axis.items():
            ok = (v,) if isinstance(v, str) else tuple(v) if isinstance(v, list) else ()
            bad = [x for x in ok if x not in axes[axis]] or ([] if ok else [v])
            if bad:
                raise InputError(
                    f"{where} gives '{item_id}' the {axis} {bad[0]!r}, which is not one of: "
                    f"{', '.join(axes[axis])}."
                )
            norm[axis] = ok
        out[item_id] = norm
    missing = [i.id for i in items if i.id not in out]
    if missing:
        raise InputError(f"{where} has no reference for the item '{missing[0]}'.")
    sources = raw["axes"] if "axes" in raw else {"label": raw["labels"]}
    aliases = _aliases(raw, sources, where)
    items = tuple(_with_accept(i, raw, axes, where) for i in items)
    meanings, subtypes = {}, {}
    for axis, value in sources.items():
        rows = _table_rows(value, axes[axis])
        meanings[axis] = {
            n: str(getattr(r, "description", ""))
            for n, r in rows.items()
            if getattr(r, "description", "")
        }
        subtypes[axis] = {
            str(sub): n
            for n, r in rows.items()
            for sub in (getattr(r, "subtypes", None) or {})
            if str(sub) not in axes[axis]
        }
    return {
        "items": items,
        "axes": axes,
        "reference": out,
        "aliases": aliases,
        "label_meanings": {a: m for a, m in meanings.items() if m},
        "subtypes": {a: m for a, m in subtypes.items() if m},
    }


def _with_accept(
    item: Item, raw: dict[str, Any], axes: dict[str, tuple[str, ...]], where: str
) -> Item:
    """The item with its ``accept`` ({answer: note} or {axis: {answer: note}}) per axis."""
    entries = raw.get("items")
    entry = (
        next((e for e in entries if isinstance(e, Mapping) and e.get("id") == item.id), None)
        if isinstance(entries, list)
        else None
    )
    acc = entry.get("accept") if entry else None
    if acc is None:
        return item
    if not isinstance(acc, Mapping) or not all(isinstance(k, str) for k in acc):
        raise InputError(f"{where} has the 'accept' of '{item.id}' {acc!r}; use {{answer: note}}.")
    if acc and all(isinstance(v, Mapping) for v in acc.values()):
        bad = [a for a in acc if a not in axes]
        if bad:
            raise InputError(
                f"{where} has 'accept' for '{bad[0]}' in '{item.id}', which is not an axis."
            )
        per_axis = {a: {str(k): str(v) for k, v in m.items()} for a, m in acc.items()}
    elif all(isinstance(v, str) for v in acc.values()):
        if len(axes) == 1:
            per_axis = {next(iter(axes)): dict(acc)}
        else:  # a label of one axis goes to that axis; another word to every axis
            per_axis = {a: {} for a in axes}
            for k, v in acc.items():
                owners = [a for a in axes if k in axes[a]] or list(axes)
                for a in owners:
                    per_axis[a][k] = v
    else:
        raise InputError(f"{where} has the 'accept' of '{item.id}' {acc!r}; use {{answer: note}}.")
    return Item(item.id, item.text, item.why, item.points, item.hint, per_axis)


def _table_rows(value: Any, labels: tuple[str, ...]) -> dict[str, Any]:
    """The code-table rows behind a list of labels: its own table, or the appraisal table."""
    if isinstance(value, str) and ":" in value:
        mod, _, attr = value.partition(":")
        try:
            table = getattr(importlib.import_module(mod), attr)
        except (ImportError, AttributeError):
            return {}
        return dict(table) if isinstance(table, Mapping) else {}
    try:
        from ..spot.categories import CATEGORIES
    except ImportError:  # pragma: no cover
        return {}
    if labels and all(label in CATEGORIES for label in labels):
        return {label: CATEGORIES[label] for label in labels}
    return {}


def _norm(s: str) -> str:
    """A label or id without capitals, spaces, hyphens, underscores or edge punctuation."""
    import re

    return re.sub(r"[\s\-_]+", "", s.strip().strip(".,;:!?'\"“”‘’()").lower())


def _stem(s: str) -> str:
    n = _norm(s)
    for suffix in ("ing", "ers", "er", "ed", "es", "s", "d", "e"):
        if n.endswith(suffix) and len(n) - len(suffix) >= 3:
            return n[: -len(suffix)]
    return n


def match_label(
    given: str, labels: tuple[str, ...], aliases: Mapping[str, str] | None = None
) -> tuple[str | None, str]:
    """The label ``given`` means, and a note saying how it was read (or a suggestion).

    Returns ``(label, "")`` for an exact label, ``(label, note)`` when it was read
    leniently (capitals, spaces, hyphens or underscores; another name of the label;
    another form of the word; the first word(s) of exactly one label), and
    ``(None, suggestion)`` when it is not a label.

    >>> label, note = match_label("Stance verb", ("booster", "stance_verb"))
    >>> label, note[:45]
    ('stance_verb', "Read 'Stance verb' as the label 'stance_verb'")
    >>> match_label("hedge", ("hedged", "plain", "boosted"))[0]
    'hedged'
    >>> match_label("opinion", ("fact", "interpretation"))
    (None, '')
    """
    import difflib

    if given in labels:
        return given, ""
    norm = _norm(given)
    if not norm:
        return None, ""
    by_norm = {_norm(label): label for label in labels}
    if norm in by_norm:
        label = by_norm[norm]
        return label, (
            f"Read {given!r} as the label {label!r} (capitals, spaces, hyphens and underscores "
            "do not matter)."
        )
    for other, label in (aliases or {}).items():
        if _norm(other) == norm:
            return (
                label,
                f"Read {given!r} as the label {label!r} ({other!r} is another name for it).",
            )
    stems: dict[str, list[str]] = {}
    for label in labels:
        stems.setdefault(_stem(label), []).append(label)
    hit = stems.get(_stem(given), [])
    if len(hit) == 1:
        return hit[0], f"Read {given!r} as the label {hit[0]!r} (another form of the same word)."
    words = [_norm(w) for w in given.split()]
    starts = [
        label
        for label in labels
        if len(label.split()) > len(words)
        and [_norm(w) for w in label.replace("_", " ").split()[: len(words)]] == words
    ]
    if len(starts) == 1 and len(norm) >= 4:
        return starts[0], f"Read {given!r} as the label {starts[0]!r} (the start of that label)."
    close = difflib.get_close_matches(norm, list(by_norm), n=1, cutoff=0.75)
    return None, f"Did you mean {by_norm[close[0]]!r}?" if close else ""


def split_axes(value: Any, axes: tuple[str, ...]) -> dict[str, Any] | None:
    """One value per axis from ``label``, ``[l1, l2]`` or ``{axis: label}`` (None if not).

    >>> split_axes(["wording", "softens"], ("kind", "effect"))
    {'kind': 'wording', 'effect': 'softens'}
    """
    if isinstance(value, Mapping):
        if set(value) - set(axes):
            return None
        return {a: value[a] for a in axes if a in value}
    if len(axes) == 1:
        return {axes[0]: value}
    if isinstance(value, (list, tuple)) and len(value) == len(axes):
        return dict(zip(axes, value, strict=True))
    return None


def _parse_choice(raw: dict[str, Any], where: str) -> dict[str, Any]:
    opts = raw.get("options")
    if isinstance(opts, list):
        opts = {o.get("key"): o for o in opts if isinstance(o, Mapping)}
    if not isinstance(opts, Mapping) or len(opts) < 2:
        raise InputError(
            f"{where} needs 'options': at least two options, key -> {{'text', 'feedback'}}."
        )
    ref = raw.get("reference")
    right = [ref] if isinstance(ref, str) else ref
    if not isinstance(right, list) or not right or any(r not in opts for r in right):
        raise InputError(
            f"{where} has 'reference' {ref!r}; it must be one of the option keys: "
            f"{', '.join(map(str, opts))}."
        )
    options: dict[str, Option] = {}
    for k, o in opts.items():
        if isinstance(o, str):
            o = {"text": o}
        if (
            not isinstance(k, str)
            or not isinstance(o, Mapping)
            or not isinstance(o.get("text"), str)
        ):
            raise InputError(f"{where} has the option {k!r} without a 'text'.")
        fb = str(o.get("feedback", "") or "")
        if k not in right and not fb.strip() and not raw.get("withheld"):
            raise InputError(
                f"{where} has the wrong option '{k}' without 'feedback' naming the misconception."
            )
        options[k] = Option(k, o["text"], fb)
    return {"options": options, "reference": tuple(right)}


def _parse_text(raw: dict[str, Any], where: str) -> dict[str, Any]:
    rubric = _ids(raw.get("rubric"), where, "rubric")
    if any(r.points <= 0 for r in rubric):
        raise InputError(f"{where} has a rubric criterion without positive 'points'.")
    total = sum(r.points for r in rubric)
    if "points" in raw and abs(float(raw["points"]) - total) > 1e-9:
        raise InputError(
            f"{where} has 'points' {raw['points']} but its rubric adds up to {total:g}."
        )
    return {"rubric": rubric, "reference": raw.get("reference")}


def _parse_links(raw: dict[str, Any], where: str) -> dict[str, Any]:
    claims = _ids(raw.get("claims"), where, "claims")
    relations = _labels(raw.get("relations", list(LINK_RELATIONS)), where, "relation")
    ref = raw.get("reference")
    if not isinstance(ref, list):
        raise InputError(f"{where} needs 'reference': a list of [source_id, target_id, relation].")
    ids = {c.id for c in claims}
    links: list[tuple[str, str, str]] = []
    why: dict[str, str] = {}
    hints: dict[str, str] = {}
    for r in ref:
        note = hint = ""
        if isinstance(r, Mapping):
            note, hint = str(r.get("why", "") or ""), str(r.get("hint", "") or "")
            r = [r.get("source"), r.get("target"), r.get("relation")]
        elif isinstance(r, (list, tuple)) and len(r) == 4 and isinstance(r[3], str):
            note, r = r[3], list(r[:3])
        if not isinstance(r, (list, tuple)) or len(r) != 3:
            raise InputError(
                f"{where} has the reference link {r!r}; use [source_id, target_id, relation] "
                "(optionally with a fourth entry, the reason)."
            )
        s, t, rel = r
        if s not in ids or t not in ids:
            raise InputError(
                f"{where} has the reference link {r!r} with a claim id that is not in 'claims'."
            )
        if rel not in relations:
            raise InputError(
                f"{where} has the relation {rel!r}; it must be one of: {', '.join(relations)}."
            )
        links.append((s, t, rel))
        if note:
            why[f"{s} -{rel}-> {t}"] = note
        if hint:
            hints[f"{s} -{rel}-> {t}"] = hint
    aliases = _aliases(raw, {"relation": raw.get("relations", list(LINK_RELATIONS))}, where)
    return {
        "claims": claims,
        "relations": relations,
        "reference": tuple(links),
        "link_why": why,
        "link_hint": hints,
        "aliases": aliases,
    }


def types_markdown() -> str:
    """The table of exercise types in Markdown (docs/exercises.md embeds it; a test compares).

    >>> types_markdown().splitlines()[0]
    '| type | what | material in the key | `reference` | typed `answer` | scoring |'
    """
    rows = [
        "| type | what | material in the key | `reference` | typed `answer` | scoring |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for t in TYPES.values():
        cells = [f"`{t.name}`", t.what, t.material, t.reference, f"{t.answer}: `{t.example}`"]
        rows.append("| " + " | ".join([*cells, t.scoring]).replace("\n", " ") + " |")
    return "\n".join(rows)
