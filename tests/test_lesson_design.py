"""The lesson design conventions of COMMON.md, checked on all six lessons.

- Exercise headings say ``### Exercise N · Title (M minutes)``; optional and homework work says
  ``(optional, M minutes)`` / ``(homework, M minutes)`` and does not count.
- A lesson fits one 50-minute class: timed exercises sum to at most 30 minutes; the lesson card's
  split adds up to 50; the instructor's timing plan (lines ``- 0–10 min: …`` that name
  ``Exercise N``) is contiguous, gives each slot time for the exercises it names, puts the first
  exercise by minute 15 and never goes more than 15 minutes without one.
- Every objective on the lesson card names the exercise(s) that assess it, and they exist.
- Every exercise id in a notebook exists in its key.
- Answer first: each lesson is executed once (one kernel for all six, see ``executed``), and no
  markdown or output ABOVE an exercise shows that exercise's answers as labelled analysis: a
  reference phrase inside a highlight (``<mark>``) or quoted in a table row, list item, tooltip
  or printed line; a classify item's phrase in the same row, highlight or line as its reference
  label; a links exercise's pair of claims beside its relation; or the right option of a choice
  exercise repeated nearly word for word; or teaching prose that quotes a classify item's
  phrase and gives the key's reason for it in one sentence (``prose_leaks``); or a teaching
  table's row for an item's label whose quoted example is the item's passage (``table_leaks``).
  ``test_the_leak_check_catches_*`` builds leaking
  notebooks on the fly (with the kit's own views) to show the check can fail.
- Transfer: each lesson has at least one item that no markdown cell of the lesson labels.
"""

from __future__ import annotations

import importlib
import itertools
import json
import math
import re
import sys
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from framingkit import lessonbuild as lb
from framingkit.exercises import load_key
from framingkit.exercises.model import ExerciseDef, parse_key

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS, LESSONS = ROOT / "solutions", ROOT / "lessons"
NAMES = [p.name for p in lb.notebooks_in(LESSONS)]

HEADING = re.compile(
    r"^### Exercise (?P<n>\d+) · (?P<title>\S.*?) "
    r"\((?:(?P<mode>optional|homework), )?(?P<min>\d+) minutes?\)\s*$"
)
PLAN_LINE = re.compile(r"^\s*[-*]\s+(\d+)\s*[–-]\s*(\d+) min\b[^:]*:(.*)$")
EX_NAMES = re.compile(r"\bexercises?\s+(\d+(?:\s*(?:[–-]|,|and|&|or)\s*\d+)*)", re.I)
CLASS_MINUTES, EXERCISE_BUDGET, FIRST_BY, MAX_GAP = 50, 30, 15, 15


# ----------------------------------------------------------------------------- structure


@dataclass
class Heading:
    number: int
    title: str
    minutes: int
    mode: str | None  # None (timed), "optional" or "homework"
    exercise_id: str | None = None

    @property
    def timed(self) -> bool:
        return self.mode is None


def numbers_in(text: str) -> list[int]:
    """Exercise numbers named in a text: "exercise 1", "exercises 2–4", "exercises 2 and 3".

    >>> numbers_in("then exercises 2–4; exercise 5 as homework")
    [2, 3, 4, 5]
    """
    out: list[int] = []
    for m in EX_NAMES.finditer(text):
        part = m[1]
        for a, b in re.findall(r"(\d+)\s*[–-]\s*(\d+)", part):
            out.extend(range(int(a), int(b) + 1))
        part = re.sub(r"(\d+)\s*[–-]\s*(\d+)", " ", part)
        out.extend(int(n) for n in re.findall(r"\d+", part))
    return sorted(dict.fromkeys(out), key=out.index)


def headings(nb: dict) -> list[Heading]:
    """The exercise headings of a notebook, each with the exercise cell that follows it."""
    out: list[Heading] = []
    pending: Heading | None = None
    for cell in nb["cells"]:
        src = lb.source_of(cell)
        if cell["cell_type"] == "markdown":
            for line in src.splitlines():
                if line.startswith("### Exercise"):
                    m = HEADING.match(line)
                    assert m, f"not in the form '### Exercise N · Title (M minutes)': {line!r}"
                    pending = Heading(int(m["n"]), m["title"], int(m["min"]), m["mode"])
                    out.append(pending)
        elif lb.exercise_id(cell):
            assert pending is not None and pending.exercise_id is None, (
                f"{lb.exercise_id(cell)} has no '### Exercise' heading of its own above it"
            )
            pending.exercise_id = lb.exercise_id(cell)
    return out


def timing_plan(nb: dict) -> list[tuple[int, int, list[int]]]:
    """The instructor note's timing plan: (start, end, exercise numbers named) per slot."""
    slots = []
    for cell in nb["cells"]:
        if "instructor-note" in lb.tags_of(cell):
            for line in lb.source_of(cell).splitlines():
                if m := PLAN_LINE.match(line):
                    slots.append((int(m[1]), int(m[2]), numbers_in(m[3])))
    return slots


def objectives(nb: dict) -> list[str]:
    cards = [c for c in nb["cells"] if "header-card" in lb.tags_of(c)]
    assert len(cards) == 1
    return re.findall(r"^> - (.+)$", lb.source_of(cards[0]), flags=re.M)


@pytest.mark.parametrize("name", NAMES)
def test_exercise_headings_follow_the_convention(name: str) -> None:
    heads = headings(lb.read_notebook(LESSONS / name))
    assert [h.number for h in heads] == list(range(1, len(heads) + 1)), f"{name}: numbering"
    for h in heads:
        assert h.exercise_id, f"{name}: 'Exercise {h.number}' has no exercise cell under it"


@pytest.mark.parametrize("name", NAMES)
def test_timed_exercises_fit_in_thirty_minutes(name: str) -> None:
    heads = headings(lb.read_notebook(LESSONS / name))
    total = sum(h.minutes for h in heads if h.timed)
    assert total <= EXERCISE_BUDGET, (
        f"{name}: the timed exercises take {total} minutes (at most {EXERCISE_BUDGET} fit a "
        "50-minute class with teaching and log-in); mark longer work (optional, M minutes) "
        "or (homework, M minutes)"
    )


@pytest.mark.parametrize("name", NAMES)
def test_the_lesson_card_split_adds_up_to_one_class(name: str) -> None:
    card = next(
        c for c in lb.read_notebook(LESSONS / name)["cells"] if "header-card" in lb.tags_of(c)
    )
    m = re.search(r"one 50-minute class(?: \(([^)]*)\))?", lb.source_of(card))
    assert m, f"{name}: the card's Time line says 'one 50-minute class (… min …, … min …)'"
    parts = [int(n) for n in re.findall(r"(\d+) min", m[1] or "")]
    if len(parts) > 1:  # a split of the class: it must add up to the class
        assert sum(parts) == CLASS_MINUTES, (
            f"{name}: the card's split {parts} adds up to {sum(parts)}"
        )
    assert sum(parts) <= CLASS_MINUTES, f"{name}: the card gives {sum(parts)} minutes of class"


def check_plan(slots: list[tuple[int, int, list[int]]], heads: list[Heading]) -> list[str]:
    """What is wrong with a timing plan (empty when it is fine)."""
    if not slots:
        return ["no timing plan (instructor-note lines like '- 0–10 min: … exercise 1')"]
    problems = []
    minutes = {h.number: h.minutes for h in heads}
    timed = {h.number for h in heads if h.timed}
    if slots[0][0] != 0 or slots[-1][1] != CLASS_MINUTES:
        problems.append(f"the plan runs from {slots[0][0]} to {slots[-1][1]}, not 0 to 50")
    for (_, end, _), (start, _, _) in itertools.pairwise(slots):
        if start != end:
            problems.append(f"a slot ends at minute {end} but the next starts at {start}")
    named = [n for _, _, ns in slots for n in ns]
    for n in sorted(timed - set(named)):
        problems.append(f"exercise {n} is timed but the plan never names it")
    for n in sorted(set(named) - set(minutes)):
        problems.append(f"the plan names exercise {n}, which has no heading")
    last_end = 0
    for start, end, ns in slots:
        need = sum(minutes.get(n, 0) for n in ns if n in timed)
        if need > end - start:
            problems.append(f"the slot {start}–{end} names {need} minutes of exercises")
        if not need:
            continue
        # pessimistic: the slot's exercises come at its end
        first = end - need
        if last_end == 0 and first > FIRST_BY:
            problems.append(f"the first exercise may start only at minute {first}")
        if first - last_end > MAX_GAP:
            problems.append(f"{first - last_end} minutes without an exercise before minute {first}")
        last_end = end
    if slots and CLASS_MINUTES - last_end > MAX_GAP:
        problems.append(f"the last {CLASS_MINUTES - last_end} minutes have no exercise")
    return problems


def test_the_plan_check_can_fail() -> None:
    heads = [Heading(1, "a", 10, None), Heading(2, "b", 10, None), Heading(3, "c", 10, "homework")]
    good = [(0, 15, [1]), (15, 30, []), (30, 40, [2]), (40, 50, [3])]
    assert check_plan(good, heads) == []
    late = [(0, 25, []), (25, 50, [1, 2])]
    assert any("first exercise" in p for p in check_plan(late, heads))
    assert any(
        "minutes of exercises" in p for p in check_plan([(0, 15, [1, 2]), (15, 50, [])], heads)
    )
    assert any("never names" in p for p in check_plan([(0, 10, [1]), (10, 50, [])], heads))
    assert numbers_in("- 25–50 min: exercises 1–4") == [1, 2, 3, 4]


@pytest.mark.parametrize("name", NAMES)
def test_the_timing_plan_has_an_exercise_every_fifteen_minutes(name: str) -> None:
    heads = headings(lb.read_notebook(LESSONS / name))
    problems = check_plan(timing_plan(lb.read_notebook(SOLUTIONS / name)), heads)
    assert not problems, f"{name}: " + "; ".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_every_objective_names_the_exercise_that_assesses_it(name: str) -> None:
    nb = lb.read_notebook(LESSONS / name)
    have = {h.number for h in headings(nb)}
    for line in objectives(nb):
        m = re.search(r"\((exercises? [^)]*)\)[;.,]?\s*$", line)
        assert m, f"{name}: the objective '{line[:60]}…' does not end with '(exercise N)'"
        nums = numbers_in(m[1])
        assert nums and set(nums) <= have, f"{name}: '{m[1]}' names an exercise that does not exist"


@pytest.mark.parametrize("name", NAMES)
def test_every_exercise_id_is_in_the_key(name: str) -> None:
    nb = lb.read_notebook(LESSONS / name)
    key = load_key(lb.lesson_id(nb))
    for cell in nb["cells"]:
        if eid := lb.exercise_id(cell):
            assert eid in key.exercises, f"{name}: exercise {eid} is not in the key"
            assert f'exercise("{eid}"' in lb.source_of(cell)


# ----------------------------------------------------------------------------- text matching


def tokens(text: str) -> list[str]:
    """Lower-case word tokens (curly apostrophes straightened; underscores split).

    >>> tokens("Xi’s “deal”, scare_quote!")
    ["xi's", 'deal', 'scare', 'quote']
    """
    text = text.lower().replace("’", "'").replace("‘", "'").replace("_", " ")
    return [t.strip("'") for t in re.findall(r"[\w']+", text) if t.strip("'")]


def _run(a: list[str], b: list[str]) -> tuple[int, int, int]:
    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return m.a, m.b, m.size


def find_phrase(phrase: list[str], record: list[str]) -> tuple[int, int] | None:
    """Where ``phrase`` is in ``record`` (token positions), or None.

    Short phrases (up to 4 words) must be there whole; longer ones (a passage quoted in an
    item) match on a run of at least 60% of their words (4 at least).
    """
    if not phrase or not record:
        return None
    if len(phrase) <= 4:
        n = len(phrase)
        for i in range(len(record) - n + 1):
            if record[i : i + n] == phrase:
                return i, i + n
        return None
    _, j, size = _run(phrase, record)
    if size >= max(4, math.ceil(0.6 * len(phrase))):
        return j, j + size
    return None


STOP = {
    "the", "a", "an", "of", "to", "in", "on", "and", "or", "is", "it", "its", "it's", "be", "by",
    "for", "at", "as", "that", "this", "these", "those", "with", "was", "are", "from", "into",
    "has", "have", "had", "not", "but", "which", "who", "his", "her", "their", "will", "would",
    "can", "could", "more", "such", "there", "than", "been",
}  # fmt: skip


def _content(phrase: list[str]) -> bool:
    return any(t not in STOP and len(t) > 2 for t in phrase)


QUOTED = re.compile(r"[\"“”]([^\"“”]+)[\"“”]")


def _fragments(text: str) -> list[str]:
    """A passage split at ellipses and [editorial insertions]."""
    text = re.sub(r"\[[^\]]*\]", " … ", text)
    return [f for f in re.split(r"\.\.\.|…", text) if f.strip()]


def _side(text: str) -> list[str]:
    """One side of an "A" → "B" item: its quoted words if it has any, else its words, without
    (asides) such as "(nothing)" or "(look at the marks)" and without an "actor ·" prefix."""
    text = re.sub(r"\([^)]*\)", " ", text.split(" · ", 1)[-1])
    quoted = QUOTED.findall(text)
    return tokens(" ".join(quoted) if quoted else text)


def item_phrases(text: str) -> list[list[list[str]]]:
    """What a classify item is about: alternatives, each a list of phrases (token lists) that
    must all be shown together.

    ``"undoubtedly" in "and undoubtedly has …"`` → the first quoted phrase; ``"A" → "B"`` →
    each pair of words that differ between the two sides (both must be shown), and the short
    quoted segments of each side; otherwise the quoted segments, or the passage itself (split
    at ellipses).
    """
    if m := re.match(r"\s*[\"“]([^\"“”]+)[\"”] in ", text):
        return [[tokens(m[1])]]
    if "→" in text:
        a, _, b = text.partition("→")
        ta, tb = _side(a), _side(b)
        out = []
        for op, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
            pair = [p for p in (ta[i1:i2], tb[j1:j2]) if p]
            if op != "equal" and all(_content(p) for p in pair):
                out.append(pair)
        for side in (a, b):
            out += [[tokens(q)] for q in QUOTED.findall(side) if len(tokens(q)) <= 6]
        return [alt for alt in out if alt and all(_content(p) for p in alt)]
    quoted = [tokens(q) for q in QUOTED.findall(text)]
    quoted = [[q] for q in quoted if q and _content(q)]
    if quoted:
        return quoted
    return [[tokens(f)] for f in _fragments(text) if len(tokens(f)) >= 3]


# ----------------------------------------------------------------------------- records


@dataclass
class Record:
    """One unit of what a student sees: a highlight, table row, list item, tooltip or line."""

    where: str
    text: str
    kind: str = "line"

    @property
    def toks(self) -> list[str]:
        return tokens(self.text)


@dataclass
class Stream:
    """The words of one HTML output in reading order, each flagged if inside a highlight."""

    words: list[str] = field(default_factory=list)
    marked: list[bool] = field(default_factory=list)


VOID = {"img", "br", "hr", "input", "meta", "link", "wbr", "col", "source"}
RECORD_TAGS = {"mark", "tr", "li", "figcaption", "caption", "option", "dt", "dd"}
SKIP_TAGS = {"style", "script"}


class _Html(HTMLParser):
    def __init__(self, where: str) -> None:
        super().__init__(convert_charrefs=True)
        self.where = where
        self.stack: list[dict[str, Any]] = []
        self.records: list[Record] = []
        self.stream = Stream()

    def _is_highlight(self, tag: str, attrs: dict[str, str]) -> bool:
        return tag == "mark" or "data-category" in attrs

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        extra = " ".join(
            attrs[a] for a in ("title", "alt", "aria-label", "data-category") if attrs.get(a)
        )
        if tag in VOID:
            if extra:
                self.records.append(Record(self.where, extra, "attribute"))
            return
        cls = attrs.get("class", "")
        self.stack.append(
            {
                "tag": tag,
                "text": [extra] if extra else [],
                "record": tag in RECORD_TAGS or bool(extra),
                "highlight": self._is_highlight(tag, attrs),
                "badge": tag == "sup" or bool(re.search(r"\b\S*(tag|badge)\b", cls)),
                "nested": False,
            }
        )

    def handle_startendtag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs_list)
        if tag not in VOID and self.stack:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if not any(e["tag"] == tag for e in self.stack):
            return
        while self.stack:
            e = self.stack.pop()
            if e["record"]:
                # a table row that holds highlights or other rows is a layout row, not a record
                if not (e["tag"] == "tr" and e["nested"]):
                    self.records.append(Record(self.where, " ".join(e["text"]), e["tag"]))
                for outer in self.stack:
                    outer["nested"] = True
            if e["tag"] == tag:
                break

    def handle_data(self, data: str) -> None:
        if any(e["tag"] in SKIP_TAGS for e in self.stack):
            return
        for e in self.stack:
            e["text"].append(data)
        if not any(e["badge"] for e in self.stack):
            words = tokens(data)
            lit = any(e["highlight"] for e in self.stack)
            self.stream.words += words
            self.stream.marked += [lit] * len(words)


@dataclass
class Shown:
    """Everything a student sees in one cell: markdown lines or the cell's outputs."""

    index: int
    kind: str  # "markdown" or "output"
    records: list[Record]
    streams: list[Stream]
    text: str


def shown_in(cell: dict, index: int) -> Shown:
    where = f"cell {index}"
    if cell["cell_type"] == "markdown":
        src = lb.source_of(cell)
        recs = [Record(where, line, "markdown") for line in src.splitlines() if line.strip()]
        return Shown(index, "markdown", recs, [], src)
    records: list[Record] = []
    streams: list[Stream] = []
    texts: list[str] = []
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if out.get("output_type") == "stream":
            plain = "".join(out.get("text", ""))
        elif "text/html" in data:
            html = "".join(data["text/html"])
            p = _Html(where)
            p.feed(html)
            p.close()
            records += p.records
            streams.append(p.stream)
            texts.append(" ".join(p.stream.words))
            continue
        else:
            plain = "".join(data.get("text/markdown", data.get("text/plain", "")))
            if plain.startswith("<IPython.core.display") or "widget-view" in json.dumps(data):
                continue
        records += [Record(where, line, "line") for line in plain.splitlines() if line.strip()]
        texts.append(plain)
    return Shown(index, "output", records, streams, "\n".join(texts))


# ----------------------------------------------------------------------------- leaks


def _label_names(ex: ExerciseDef, axis: str) -> dict[str, list[list[str]]]:
    """Each label of an axis with the names a view may print for it (its table's label)."""
    raw = ex.raw.get("axes", {}).get(axis) if "axes" in ex.raw else ex.raw.get("labels")
    shown: dict[str, str] = {}
    if isinstance(raw, str) and ":" in raw:
        mod, _, attr = raw.partition(":")
        table = getattr(importlib.import_module(mod), attr)
        shown = {k: getattr(v, "label", k) for k, v in table.items()}
    return {
        lab: [tokens(lab), *([tokens(shown[lab])] if lab in shown else [])] for lab in ex.axes[axis]
    }


def _masked(toks: list[str], span: tuple[int, int]) -> list[str]:
    return toks[: span[0]] + ["\0"] * (span[1] - span[0]) + toks[span[1] :]


def _has(seq: list[str], toks: list[str]) -> bool:
    n = len(seq)
    return any(toks[i : i + n] == seq for i in range(len(toks) - n + 1))


def _labelled(
    rec_toks: list[str],
    phrases: list[list[str]],
    names: dict[str, list[list[str]]],
    ref: tuple[str, ...],
) -> bool:
    """The record shows the phrases next to one of the reference labels (and not a menu of all)."""
    rest = rec_toks
    for phrase in phrases:
        span = find_phrase(phrase, rest)
        if span is None:
            return False
        rest = _masked(rest, span)
    present = {lab for lab, forms in names.items() if any(_has(f, rest) for f in forms)}
    return bool(present & set(ref)) and len(present) <= 2


def _quoted(phrase: str, text: str) -> bool:
    t = " ".join(
        text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').split()
    )
    p = re.escape(" ".join(phrase.lower().replace("’", "'").split()))
    return re.search(rf"[\"']{p}[\"'.,;:!?)]", t) is not None


QUOTED_ANY = re.compile(r"[\"“”]([^\"“”]+)[\"“”]|(?<![\w'’])['‘]([^'‘’]+?)['’](?![\w'’])")
SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+|\s\|\s")


def _stems(toks: list[str]) -> set[str]:
    """Content words, cut to six letters ("rebuffing"/"rebuffs", "smugglers"/"smuggling")."""
    return {t[:6] for t in toks if t not in STOP and len(t) > 2}


def prose_leaks(ex: ExerciseDef, above: list[Shown]) -> list[str]:
    """Teaching prose that answers a classify item in other words: one sentence of a markdown
    cell above the exercise quotes a phrase of the item AND gives the key's reason for it (two
    or more content words of the item's ``why`` that are not in the item's own text), e.g.
    *"'refused' casts him as rebuffing a request"* above the item "declined" → "refused" whose
    reason is *"'Refused' casts Xi as rebuffing a demand"*."""
    found: list[str] = []
    if ex.type != "classify":
        return found
    for item in ex.items:
        if not item.why:
            continue
        reason = _stems(tokens(item.why)) - _stems(tokens(item.text))
        phrases = [p for alt in item_phrases(item.text) for p in alt]
        for shown in above:
            if shown.kind != "markdown":
                continue
            for rec in shown.records:
                for sentence in SENTENCE_END.split(rec.text):
                    quotes = [tokens(a or b) for a, b in QUOTED_ANY.findall(sentence)]
                    if not any(find_phrase(p, q) for p in phrases for q in quotes):
                        continue
                    shared = reason & _stems(tokens(sentence))
                    if len(shared) >= 2:
                        found.append(
                            f"{item.id}: cell {shown.index} quotes it and gives the key's reason "
                            f"({', '.join(sorted(shared))}): {sentence.strip()[:90]!r}"
                        )
    return found


def table_leaks(ex: ExerciseDef, above: list[Shown]) -> list[str]:
    """A teaching-table row whose first cell is an item's reference label and whose quoted
    example is the item's own passage or its neighbour: three or more content words of the item's
    ``why`` inside the row's quotations, e.g. the old lesson 04 row *moral evaluation | ... | the
    smugglers are "Chinese gangsters" working "in collusion with Russian criminals"* above f1 ("It's
    a clear breach of Russian sovereignty", why: "Judges the smuggling by Chinese gangsters and
    Russian criminals"). Definitions in the other cells do not count: only quoted words do."""
    found: list[str] = []
    if ex.type != "classify":
        return found
    for axis in ex.axes:
        names = _label_names(ex, axis)
        label_words = _stems([t for forms in names.values() for f in forms for t in f])
        for item in ex.items:
            ref = ex.reference[item.id][axis]
            reason = _stems(tokens(item.why)) - label_words
            for shown in above:
                if shown.kind != "markdown":
                    continue
                for rec in shown.records:
                    cells = [c.strip() for c in rec.text.strip().strip("|").split("|")]
                    if not rec.text.lstrip().startswith("|") or len(cells) < 2:
                        continue
                    if not any(tokens(cells[0]) == f for lab in ref for f in names.get(lab, [])):
                        continue
                    quoted = [a or b for c in cells[1:] for a, b in QUOTED_ANY.findall(c)]
                    shared = reason & _stems(tokens(" ".join(quoted)))
                    if len(shared) >= 3:
                        found.append(
                            f"{item.id}: the table row for {'/'.join(ref)} in cell {shown.index} "
                            f"quotes its passage ({', '.join(sorted(shared))}): {rec.text[:90]!r}"
                        )
    return found


def leaks_for(ex: ExerciseDef, above: list[Shown]) -> list[str]:
    """How the material above an exercise shows its answers (empty when it does not)."""
    found: list[str] = prose_leaks(ex, above) + table_leaks(ex, above)
    if ex.type == "spans":
        for ref in ex.reference:
            phrase = tokens(ref.text)
            for shown in above:
                for st in shown.streams:
                    n = len(phrase)
                    for i in range(len(st.words) - n + 1):
                        if st.words[i : i + n] == phrase and sum(st.marked[i : i + n]) * 2 >= n:
                            found.append(f"'{ref.text}' is highlighted in cell {shown.index}")
                            break
                for rec in shown.records:
                    if _quoted(ref.text, rec.text):
                        found.append(
                            f"'{ref.text}' is quoted in cell {shown.index}: {rec.text[:90]!r}"
                        )
                        break
    elif ex.type == "classify":
        for axis in ex.axes:
            names = _label_names(ex, axis)
            for item in ex.items:
                ref = ex.reference[item.id][axis]
                for alt in item_phrases(item.text):
                    hit = next(
                        (
                            (s, r)
                            for s in above
                            for r in s.records
                            if _labelled(r.toks, alt, names, ref)
                        ),
                        None,
                    )
                    if hit:
                        shown = " / ".join(" ".join(p) for p in alt)
                        found.append(
                            f"{item.id} ('{shown}') is shown as {'/'.join(ref)} in cell "
                            f"{hit[0].index}: {hit[1].text[:90]!r}"
                        )
                        break
    elif ex.type == "links":
        claims = {c.id: c.text for c in ex.claims}
        for src, dst, rel in (tuple(r) for r in ex.reference):
            pa = tokens(_fragments(claims[src])[0])
            pb = tokens(_fragments(claims[dst])[0])
            for s in above:
                for r in s.records:
                    t = r.toks
                    if find_phrase(pa, t) and find_phrase(pb, t) and rel in t:
                        found.append(f"{src} -{rel}-> {dst} is shown in cell {s.index}")
    elif ex.type == "choice":
        right = ex.reference if isinstance(ex.reference, (list, tuple)) else (ex.reference,)
        for key in right:
            opt = tokens(ex.options[key].text)
            others = [tokens(o.text) for k, o in ex.options.items() if k not in right]
            grams = {tuple(opt[i : i + 8]) for i in range(len(opt) - 7)}
            grams -= {g for o in others for g in (tuple(o[i : i + 8]) for i in range(len(o) - 7))}
            for s in above:
                t = tokens(s.text)
                have = {tuple(t[i : i + 8]) for i in range(len(t) - 7)}
                if grams & have:
                    found.append(f"the right option ({key}) is repeated in cell {s.index}")
    return found


def lesson_leaks(nb: dict, key_of: Any) -> list[str]:
    """Leaks in an executed notebook: for each exercise, what above it shows its answers."""
    problems: list[str] = []
    above: list[Shown] = []
    for i, cell in enumerate(nb["cells"]):
        eid = lb.exercise_id(cell)
        if eid:
            problems += [f"{eid}: {p}" for p in leaks_for(key_of(eid), above)]
            continue  # an exercise's own widget or plain-text material is not analysis
        if "instructor-note" in lb.tags_of(cell):
            continue
        above.append(shown_in(cell, i))
    return problems


def _find(eid: str) -> ExerciseDef:
    return load_key(eid.split("/")[0]).exercises[eid]


# ----------------------------------------------------------------------------- execution


class Runner:
    """Executes notebooks in one kernel (reset between notebooks): fast enough for one run."""

    def __init__(self) -> None:
        from jupyter_client.manager import KernelManager

        self.km = KernelManager(kernel_name="python3")
        self.km.kernel_spec.argv[0] = sys.executable  # this environment, like --nbval-current-env
        self.km.start_kernel(cwd=str(LESSONS))

    def run(self, nb: dict) -> dict:
        import nbformat
        from nbclient import NotebookClient

        node = nbformat.from_dict(json.loads(json.dumps(nb)))
        node.cells.insert(0, nbformat.v4.new_code_cell("%reset -f"))
        client = NotebookClient(
            node,
            km=self.km,
            timeout=120,
            allow_errors=True,
            resources={"metadata": {"path": str(LESSONS)}},
        )
        client.execute()
        node.cells.pop(0)
        return json.loads(json.dumps(node))

    def close(self) -> None:
        self.km.shutdown_kernel(now=True)


@pytest.fixture(scope="session")
def runner():
    r = Runner()
    yield r
    r.close()


@pytest.fixture(scope="session")
def executed(request: pytest.FixtureRequest, nbval_lesson_runs: dict) -> dict[str, dict]:
    """Every lesson executed once from the top as its solution notebook: what a student sees after
    Run All once every exercise is answered (the model answers are typed in, so every gate is
    open). ``lessons/`` differs only by the answers and the instructor notes (test_lessons_drift),
    so what is above an exercise here is above it in the lesson, gates open or not. nbval's run of
    solutions/ is reused when the whole suite runs (see conftest.py); else it is run here."""
    out = {}
    for name in NAMES:
        nb = lb.read_notebook(SOLUTIONS / name)
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        run = nbval_lesson_runs.get(f"solutions/{name}")
        if run is not None and [src for src, _ in run] == [lb.source_of(c) for c in code]:
            for c, (_, outputs) in zip(code, run, strict=True):
                c["outputs"] = json.loads(json.dumps(outputs))
            out[name] = nb
        else:
            out[name] = request.getfixturevalue("runner").run(nb)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_no_output_above_an_exercise_answers_it(executed: dict[str, dict], name: str) -> None:
    problems = lesson_leaks(executed[name], _find)
    assert not problems, (
        f"{name}: put each exercise BEFORE the analysis that answers it:\n  "
        + "\n  ".join(problems)
    )


GATE = re.compile(r"\bafter\(([^)]*)\)")


def gated_on(cell: dict) -> set[str]:
    """The exercise ids an analysis cell's ``after(...)`` gate names (empty when ungated)."""
    return {
        eid
        for m in GATE.finditer(lb.source_of(cell))
        for eid in re.findall(r"[\"']([^\"']+)[\"']", m[1])
    }


def ungated_reveals(nb: dict, key_of: Any) -> list[str]:
    """Cells BELOW an exercise that show its answers without an ``after(...)`` gate naming it."""
    problems: list[str] = []
    done: list[str] = []
    for i, cell in enumerate(nb["cells"]):
        if eid := lb.exercise_id(cell):
            done.append(eid)
            continue
        if cell["cell_type"] != "code" or "instructor-note" in lb.tags_of(cell):
            continue
        shown = shown_in(cell, i)
        for eid in done:
            if eid not in gated_on(cell):
                problems += [f"{eid}: {p}" for p in leaks_for(key_of(eid), [shown])]
    return problems


@pytest.mark.parametrize("name", NAMES)
def test_every_reveal_below_an_exercise_is_gated(executed: dict[str, dict], name: str) -> None:
    problems = ungated_reveals(executed[name], _find)
    assert not problems, (
        f"{name}: a student who runs ahead sees these answers; wrap the display in "
        '`if after("<exercise id>", ...):`\n  ' + "\n  ".join(problems)
    )


def test_the_gate_check_can_fail(runner: Runner) -> None:
    key = _demo_key(
        {
            "demo/boosters": {
                "type": "spans",
                "prompt": "Select.",
                "text": PASSAGE,
                "reference": ["massive"],
            }
        }
    )
    reveal = "print('\"massive\" [force: intensify]')"
    cells = [("code", "answer = None", "demo/boosters"), ("code", reveal, None)]
    assert ungated_reveals(runner.run(_nb(cells)), key), "an ungated reveal is not caught"
    gated = f"if after('demo/boosters'):\n    {reveal}"
    nb = _nb([cells[0], ("code", gated, None)])
    nb["cells"][1]["outputs"] = [
        {"output_type": "stream", "name": "stdout", "text": '"massive" [force: intensify]\n'}
    ]
    assert ungated_reveals(nb, key) == []


@pytest.mark.parametrize("name", NAMES)
def test_each_lesson_has_an_item_the_lesson_never_labels(name: str) -> None:
    nb = lb.read_notebook(LESSONS / name)
    shown = [shown_in(c, i) for i, c in enumerate(nb["cells"]) if c["cell_type"] == "markdown"]
    fresh = []
    for cell in nb["cells"]:
        if not (eid := lb.exercise_id(cell)):
            continue
        ex = _find(eid)
        if ex.type not in ("spans", "classify"):
            continue
        if ex.type == "spans":
            for ref in ex.reference:
                if not leaks_for(replace(ex, reference=(ref,)), shown):
                    fresh.append(ref.text)
        else:
            for item in ex.items:
                if not leaks_for(replace(ex, items=(item,)), shown):
                    fresh.append(item.id)
    assert fresh, f"{name}: every item of every exercise is labelled in the lesson's own text"


# ----------------------------------------------------------------------------- the check can fail


def _nb(cells: list[tuple[str, str, str | None]]) -> dict:
    """A notebook from (cell type, source, exercise id) triples."""
    out = []
    for typ, src, eid in cells:
        cell: dict[str, Any] = {"cell_type": typ, "metadata": {}, "source": src}
        if typ == "code":
            cell.update(outputs=[], execution_count=None)
        if eid:
            cell["metadata"] = {"framingkit": {"exercise": eid}, "tags": ["exercise"]}
        out.append(cell)
    return {
        "cells": out,
        "metadata": {"framingkit": {"lesson": "demo", "version": 1}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


SETUP = (
    "from framingkit.lessonkit import load_seed, show_html\n"
    "original = load_seed('original_telegraph.txt')\n"
    "republished = load_seed('republished_2023-03-28.txt')\n"
)
PASSAGE = (
    "The long-debated agreement on Power of Siberia 2 (POS2), a massive pipeline project, has "
    "become "
    "emblematic of the one-sided and slightly abusive relationship between China and Russia. "
    "Xi undoubtedly has the same ambition."
)


def _demo_key(exercises: dict[str, Any]) -> Any:
    key = parse_key({"lesson": "demo", "exercises": exercises})
    return key.exercises.__getitem__


def test_the_leak_check_catches_the_spot_view_above_a_spans_exercise(runner: Runner) -> None:
    from framingkit.spot import spot

    marked = [s.text for s in spot(PASSAGE).spans]
    assert marked, "the spotter marks nothing in the demo passage"
    key = _demo_key(
        {
            "demo/spans": {
                "type": "spans",
                "prompt": "Select.",
                "text": PASSAGE,
                "reference": marked[:2],
            }
        }
    )
    view = (
        "from framingkit.spot import spot\nfrom framingkit.spot.views import show\n"
        f"show(spot({PASSAGE!r}))"
    )
    exercise = "answer = None"
    leaking = runner.run(_nb([("code", view, None), ("code", exercise, "demo/spans")]))
    problems = lesson_leaks(leaking, key)
    assert any("highlighted" in p and marked[0] in p for p in problems), problems
    answer_first = runner.run(_nb([("code", exercise, "demo/spans"), ("code", view, None)]))
    assert lesson_leaks(answer_first, key) == []


def test_the_leak_check_catches_the_comparison_above_a_classify_exercise(runner: Runner) -> None:
    from framingkit.compare import compare
    from framingkit.lessonkit import load_seed

    cmp = compare(
        load_seed("original_telegraph.txt"),
        load_seed("republished_2023-03-28.txt"),
        hide_typography=True,
    )
    change = next(
        c
        for c in cmp.changes
        if c.kind == "wording" and c.effect != "neutral" and len(c.a_text.split()) == 1
    )
    item = f'"{change.a_text}" → "{change.b_text}"'
    key = _demo_key(
        {
            "demo/effects": {
                "type": "classify",
                "prompt": "Judge.",
                "labels": "framingkit.compare:EFFECTS",
                "items": [{"id": "e1", "text": item}],
                "reference": {"e1": change.effect},
            }
        }
    )
    view = SETUP + (
        "from framingkit.compare import compare\nfrom framingkit.compare.views import show\n"
        "show(compare(original, republished, hide_typography=True))"
    )
    leaking = runner.run(_nb([("code", view, None), ("code", "answer = None", "demo/effects")]))
    problems = lesson_leaks(leaking, key)
    assert any(p.startswith("demo/effects: e1") for p in problems), (item, problems)


def test_the_leak_check_catches_labelled_teaching_text_and_printed_lines() -> None:
    key = _demo_key(
        {
            "demo/functions": {
                "type": "classify",
                "prompt": "Which function?",
                "labels": ["problem definition", "moral evaluation"],
                "items": [{"id": "f1", "text": "It's a clear breach of Russian sovereignty."}],
                "reference": {"f1": "moral evaluation"},
            },
            "demo/boosters": {
                "type": "spans",
                "prompt": "Select.",
                "text": PASSAGE,
                "reference": ["massive"],
            },
            "demo/choice": {
                "type": "choice",
                "prompt": "Which?",
                "options": {
                    "a": {
                        "text": "The frame survives in the body but is no longer announced "
                        "by a headline."
                    },
                    "b": {"text": "Nothing changed at all.", "feedback": "Not quite."},
                },
                "reference": "a",
            },
        }
    )
    table = '| moral evaluation | Smuggling is "a clear breach of Russian sovereignty" |'
    menu = "| problem definition | moral evaluation |"
    prose = (
        "As we saw, the frame survives in the body but is no longer announced by a headline there."
    )
    printed = {"output_type": "stream", "name": "stdout", "text": '"massive" [force: intensify]\n'}
    nb = _nb(
        [
            ("markdown", menu, None),
            ("code", "answer = None", "demo/functions"),
            ("markdown", table, None),
            ("code", "answer = None", "demo/functions"),
            ("code", "print()", None),
            ("code", "answer = None", "demo/boosters"),
            ("markdown", prose, None),
            ("code", "answer = None", "demo/choice"),
        ]
    )
    nb["cells"][4]["outputs"] = [printed]
    problems = lesson_leaks(nb, key)
    assert sum(p.startswith("demo/functions: f1") for p in problems) == 1, problems  # not the menu
    assert any(p.startswith("demo/boosters") and "quoted" in p for p in problems), problems
    assert any(p.startswith("demo/choice") for p in problems), problems


def test_the_leak_check_catches_prose_that_restates_a_key_reason() -> None:
    """The old lesson 01 prose above its effects exercise: its portrayal example quoted the
    changed word of item e4 and gave the key's reason for it, in other words."""
    old = (
        "**Portrayal is a second, separate question.** A change can also make B portray an "
        '**actor** more negatively or more positively: *"B portrays Xi more negatively: '
        "'refused' casts him as rebuffing a request.\"* The two can point different ways."
    )
    nb = _nb([("markdown", old, None), ("code", "answer = None", "01-compare/effects")])
    problems = lesson_leaks(nb, _find)
    assert any(p.startswith("01-compare/effects: e4") and "reason" in p for p in problems), problems
    quoted_only = "Compare 'declined' with 'refused' yourself before you read on."
    reason_only = "A verb can cast an actor as rebuffing someone."
    for text in (quoted_only, reason_only):  # the quote or the reason alone is no leak
        nb = _nb([("markdown", text, None), ("code", "answer = None", "01-compare/effects")])
        assert lesson_leaks(nb, _find) == [], text


def test_the_leak_check_catches_a_table_example_beside_the_item() -> None:
    """The old lesson 04 Entman table: its moral-evaluation example was the sentence right before
    item f1, so the row labelled f1's passage; the same table without that example passes."""
    row = (
        "| **moral evaluation** | Is it good or bad, and who deserves praise or blame? | the "
        'smugglers are "Chinese gangsters" working "in collusion with Russian criminals" |'
    )
    table = "| function | the question it answers | an example |\n| --- | --- | --- |\n"
    nb = _nb([("markdown", table + row, None), ("code", "answer = None", "04-frame/functions")])
    problems = lesson_leaks(nb, _find)
    assert any(p.startswith("04-frame/functions: f1") and "table row" in p for p in problems), (
        problems
    )
    now = row.replace(
        'the smugglers are "Chinese gangsters" working "in collusion with Russian criminals"',
        'Xi is cast as the leader of "a revisionist assault on the liberal world order"',
    )
    nb = _nb([("markdown", table + now, None), ("code", "answer = None", "04-frame/functions")])
    assert lesson_leaks(nb, _find) == []


def test_item_phrases() -> None:
    assert item_phrases('"undoubtedly" in "and undoubtedly has the same ambition"') == [
        [["undoubtedly"]]
    ]
    arrow = item_phrases('"declined to sign anything" → "refused to sign anything"')
    assert [["declined"], ["refused"]] in arrow
    assert [["the", "deal", "of", "the", "century"]] in item_phrases(
        "prematurely labeling it “the deal of the century” → "
        "prematurely calling it the deal of the century"
    )
    shuttle = item_phrases('the council · "run a free shuttle bus" → "run a shuttle bus"')
    assert shuttle[0] == [["free"]]
    assert item_phrases('the headline "Big news" → (nothing)')[0] == [["big", "news"]]
    assert item_phrases("... his [Xi's] coercion be directed at Putin and Russia.")[0][0][:2] == [
        "coercion",
        "be",
    ]


def test_the_seeds_readme_gives_no_exercise_away() -> None:
    """seeds/ ships to students: its README quotes no reference phrase and no item's change."""
    lines = (ROOT / "seeds" / "README.md").read_text(encoding="utf-8").splitlines()
    recs = [Record("seeds/README.md", line) for line in lines if line.strip()]
    problems = []
    for name in NAMES:
        for eid, ex in load_key(name.removesuffix(".ipynb")).exercises.items():
            if ex.type == "spans":
                problems += [
                    f"{eid}: '{r.text}'"
                    for r in ex.reference
                    if any(_quoted(r.text, x.text) for x in recs)
                ]
            for item in ex.items if ex.type == "classify" else ():
                for alt in item_phrases(item.text):
                    if len(alt) == 2 and any(_labelled_free(x.toks, alt) for x in recs):
                        problems.append(
                            f"{eid}: {item.id} ({' → '.join(' '.join(p) for p in alt)})"
                        )
    assert not problems, "seeds/README.md gives away: " + "; ".join(problems)


def _labelled_free(rec_toks: list[str], phrases: list[list[str]]) -> bool:
    rest = rec_toks
    for phrase in phrases:
        span = find_phrase(phrase, rest)
        if span is None:
            return False
        rest = _masked(rest, span)
    return True


def test_the_readme_check_can_fail() -> None:
    alt = item_phrases(
        '"About 300 people a week use the branch" → '
        '"Hundreds of people a week depend on the branch"'
    )
    line = tokens('wording changes that intensify ("use" → "depend on")')
    assert any(len(a) == 2 and _labelled_free(line, a) for a in alt)
