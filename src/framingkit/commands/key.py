"""``framingkit key draft A B --out key.json``: draft a reference key for a new pair of texts.

The draft comes from the kit's own analyses (compare, spot, claims) and is meant to be
**corrected by the instructor**: every reference answer is the kit's reading, and every item
carries the kit's explanation in ``why`` so the instructor can see what to check. The key has
the format of ``src/framingkit/data/keys/<lesson>.json`` (see docs/architecture.md), so the
grader reads it with ``--key DIR`` and notebooks find it through ``FRAMINGKIT_KEY_DIR``.
"""

from __future__ import annotations

import argparse
import bisect
import contextvars
import functools
import json
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import parallel
from ..atomic import write_text
from ..errors import InputError, paused_gc

HELP = "Draft a reference key (exercises and answers) for a new pair of texts, to correct by hand."
EXAMPLE = "framingkit key draft a.txt b.txt --lesson my-pair --out keys/my-pair.json"

#: How many items each drafted exercise gets at most.
MAX_CHANGES = 8
#: At most this many changes of one salience rule (so a key is not all quotation marks).
MAX_PER_RULE = 3
MAX_CLAIMS = 8
#: Words of text in the drafted span exercise (whole paragraphs, at most about this many).
SPAN_WORDS = 140
_LESSON_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``key``."""
    p.add_argument("action", choices=("draft",), help="draft: write a key from the kit's analyses")
    p.add_argument("a", help="version A (the earlier or source text), a UTF-8 text file")
    p.add_argument("b", help="version B (the later or derived text)")
    p.add_argument(
        "--lesson",
        default="my-pair",
        help="lesson id of the key: lowercase letters, digits and hyphens (default: my-pair)",
    )
    p.add_argument(
        "--out",
        required=True,
        help="the key file to write (a folder writes <folder>/<lesson>.json)",
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing key file")


@dataclass(frozen=True)
class SalienceRule:
    """A named rule for how much a change matters in a key: ``applies(change)`` says whether it
    is of this kind; ``weight`` ranks it; ``hint`` is shown on a student's first wrong answer
    (it names what to look at, never the answer); ``reason`` tells the instructor why it was
    picked."""

    name: str
    weight: float
    applies: Callable[[Any], bool]
    hint: str
    reason: str


_BYLINE = re.compile(r"^\s*(?:By|Posted by|From|Source:)\s", re.I)
_GENRE = re.compile(
    r"\((?P<genre>news release|press release|news|opinion|analysis|comment|sponsored|"
    r"advertisement|partner content|blog)\)",
    re.I,
)
_SOURCE = re.compile(
    r"\b(?:said|says|told|according to|estimates?|estimated|figures|spokes(?:person|man|woman)|"
    r"officials?|report(?:ed|s)?|data|survey|statement)\b",
    re.I,
)


#: Version B's whole text while a key is drafted (the dropped-source rule looks in it).
_B_TEXT: contextvars.ContextVar[str] = contextvars.ContextVar("b_text", default="")


_WORD = re.compile(r"\S+")


def _same_words(text: str, words: Sequence[str]) -> bool:
    """``text.split() == words``, reading ``text`` only as far as it agrees (a change
    may span paragraphs: it is not split whole to be compared with a few words).

    >>> _same_words("  a  b ", ["a", "b"]), _same_words("a b c", ["a", "b"])
    (True, False)
    """
    found = _WORD.finditer(text)
    for w in words:
        m = next(found, None)
        if m is None or m.group() != w:
            return False
    return next(found, None) is None


def _text(c: Any) -> str:
    return f"{c.a_text} {c.b_text}"


def _bylineish(text: str) -> bool:
    """A byline: "By ...", "Posted by ...", or a short credit line with a genre label
    ("Matthew Henderson (Opinion) - The Telegraph")."""
    t = text.strip()
    return bool(_BYLINE.match(t) or (len(t) < 140 and "\n" not in t and _GENRE.search(t)))


def _is_provenance(c: Any) -> bool:
    return c.kind == "paratext" and (_bylineish(c.a_text) or _bylineish(c.b_text))


def _is_headline(c: Any) -> bool:
    return c.kind == "paratext" and "headline" in c.explanation.lower()


def _is_voice(c: Any) -> bool:
    # quotation marks around a name ("Power of Siberia 2") change no voice: compare calls
    # that neutral
    if c.kind == "quotation":
        return c.effect != "neutral"
    return c.kind != "paratext" and c.effect == "attribution"


def _is_dropped_source(c: Any) -> bool:
    if c.kind not in ("omission", "wording"):
        return False
    from ..quotes import SPEECH_CUES

    gone = {m.group().lower() for m in _SOURCE.finditer(c.a_text)}
    kept = {m.group().lower() for m in _SOURCE.finditer(c.b_text)}
    b_words = set(re.findall(r"[a-z]+", c.b_text.lower()))
    if not (gone - kept) or b_words & SPEECH_CUES or "according" in b_words:
        return False
    # the speaker named in A's words still speaks somewhere in B: retold, not dropped
    names = re.findall(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+", c.a_text)
    b_text = _B_TEXT.get()
    return not (names and b_text and all(_found(n, b_text) for n in names))


@functools.lru_cache(maxsize=4096)
def _found(name: str, text: str) -> bool:
    """Whether ``name`` occurs in ``text`` (cached: many changes name the same people)."""
    return name in text


def _is_loaded(c: Any) -> bool:
    if c.kind not in ("wording", "addition") or c.effect == "neutral":
        return False
    ev = " ".join(c.evidence).lower()
    return any(
        w in ev
        for w in ("stance", "attitude", "label", "booster", "force", "attribute", "figurative")
    )


def _is_dropped_content(c: Any) -> bool:
    return c.kind == "omission" and len(c.a_text.split()) >= 6


_DATE_ONLY = re.compile(
    r"^\s*(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},?\s+\d{4}|"
    r"\d{4}-\d{2}-\d{2})\s*$"
)


def _is_date_line(c: Any) -> bool:
    return c.kind == "paratext" and all(
        not t.strip() or _DATE_ONLY.match(t) for t in (c.a_text, c.b_text)
    )


def _is_other_framing(c: Any) -> bool:
    return c.effect != "neutral" and c.kind not in ("spelling", "typography", "segmentation")


#: What matters most in a key, in order of importance (one table; tests cover each rule).
SALIENCE_RULES: tuple[SalienceRule, ...] = (
    SalienceRule(
        "provenance",
        6.0,
        _is_provenance,
        "Look at the lines above the text: who wrote or published each version, and what "
        "kind of text does it say it is?",
        "paratext/provenance: the author, publisher or genre label changes",
    ),
    SalienceRule(
        "voice",
        5.0,
        _is_voice,
        "Ask who is speaking in each version: the quoted source, or the writer?",
        "voice/attribution: a source's words move into the writer's voice",
    ),
    SalienceRule(
        "dropped_source",
        4.5,
        _is_dropped_source,
        "Whose words or figures does version A cite that version B no longer names?",
        "a source or its figures are dropped",
    ),
    SalienceRule(
        "headline",
        4.0,
        _is_headline,
        "Compare the two headlines word by word: which words judge what happened?",
        "the headline, which many readers see alone, is reworded",
    ),
    SalienceRule(
        "loaded_wording",
        3.5,
        _is_loaded,
        "Compare the two words: does one of them judge what it names?",
        "loaded wording replaces neutral wording (or the other way round)",
    ),
    SalienceRule(
        "dropped_content",
        2.5,
        _is_dropped_content,
        "What does a reader of version B no longer learn, and whose case did it help?",
        "a passage of content is dropped",
    ),
    SalienceRule(
        "date_line",
        1.0,
        _is_date_line,
        "When was each version published, and does the reader still see it?",
        "only the date line changes",
    ),
    SalienceRule(
        "other_framing",
        1.5,
        _is_other_framing,
        "Read the two versions side by side: what does the change do to the force of the wording?",
        "the kit sees an effect on the framing",
    ),
)


def salience(change: Any) -> tuple[float, SalienceRule | None]:
    """How much a change matters in a key, and the first rule that applies (``None``: 0)."""
    if change.kind in ("typography", "spelling", "segmentation"):
        return 0.0, None
    for rule in SALIENCE_RULES:
        if rule.applies(change):
            return rule.weight, rule
    return 0.5, None


def _short(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _explanation(c: Any, rule: SalienceRule | None) -> str:
    """A correct explanation for the key: provenance changes in our own words (the byline is
    never a caption), everything else as the comparison explains it."""
    if rule is not None and rule.name == "date_line":
        if c.a_text.strip() and not c.b_text.strip():
            return (
                f"The date line '{c.a_text.strip()}' is gone in B: readers no longer see when "
                "it was published."
            )
        return c.explanation
    if rule is not None and rule.name == "provenance":
        if c.explanation and "caption" not in c.explanation.lower():
            return c.explanation  # the comparison already explains it as provenance
        a_by = c.a_text if _bylineish(c.a_text) else ""
        b_by = c.b_text if _bylineish(c.b_text) else ""
        dated = " (the date line changes too)" if (a_by, b_by) != (c.a_text, c.b_text) else ""
        if a_by.strip() and not b_by.strip():
            g = _GENRE.search(c.a_text)
            genre = f", or that it was labelled a {g.group('genre').lower()}" if g else ""
            return (
                f"A's byline '{_short(a_by, 80)}' is gone in B: readers no longer see who "
                f"wrote or published the text{genre}. A provenance change, not a caption or "
                f"date{dated}."
            )
        if b_by.strip() and not a_by.strip():
            return (
                f"B carries its own byline, '{_short(b_by, 80)}': the text now presents "
                f"itself as the work of another author or publisher{dated}."
            )
        return (
            f"The byline changes from '{_short(a_by, 60)}' to '{_short(b_by, 60)}': "
            f"another author, publisher or genre label{dated}."
        )
    return c.explanation


def _change_item(
    n: int, change: Any, rule: SalienceRule | None, also: Sequence[Any] = ()
) -> dict[str, Any]:
    """One classify item; ``also`` are other changes on the same two texts (a byline whose
    author, publisher and genre label all change), whose explanations are added."""
    a = change.a_text.strip() or "(nothing)"
    b = change.b_text.strip() or "(nothing)"
    why = [_explanation(change, rule)]
    for other in also:
        text = _explanation(other, salience(other)[1])
        if text not in why:
            why.append(text)
    item: dict[str, Any] = {
        "id": f"x{n}",
        "text": f"“{_short(a)}” → “{_short(b)}”",
        "why": " ".join(why),
    }
    portrayals = getattr(change, "portrayals", ()) or ()
    if portrayals:
        item["why"] += " " + " ".join(str(getattr(p, "reason", p)) for p in portrayals)
    if rule is not None:
        item["hint"] = rule.hint
        item["draft_note"] = f"picked because: {rule.reason}"
    return item


def _pick_changes(changes: Sequence[Any]) -> list[tuple[Any, SalienceRule | None]]:
    """The changes that matter most (SALIENCE_RULES): the best change of each kind of rule
    first (provenance, voice, dropped sources, loaded wording ...), then the next best by
    weight; in text order. Typography, spelling and boundaries are never picked."""
    useful, seen = [], set()
    for c in changes:
        weight, rule = salience(c)
        if weight <= 0:  # before the texts are normalised: some changes span paragraphs
            continue
        pair = (" ".join(c.a_text.split()), " ".join(c.b_text.split()))
        if any(pair) and pair not in seen:
            seen.add(pair)
            useful.append((weight, c, rule))
    ranked = sorted(useful, key=lambda x: (-x[0], x[1].a_start, x[1].b_start))
    chosen: list[tuple[float, Any, SalienceRule | None]] = []
    for rule in SALIENCE_RULES:  # one of each kind first
        best = next((x for x in ranked if x[2] is rule), None)
        if best and len(chosen) < MAX_CHANGES:
            chosen.append(best)
    per_rule: dict[str, int] = {}
    for x in chosen:
        per_rule[x[2].name if x[2] else ""] = 1
    for x in ranked:
        if len(chosen) >= MAX_CHANGES:
            break
        name = x[2].name if x[2] else ""
        if x not in chosen and x[0] >= 1.5 and per_rule.get(name, 0) < MAX_PER_RULE:
            chosen.append(x)
            per_rule[name] = per_rule.get(name, 0) + 1
    if not chosen:
        chosen = ranked[:MAX_CHANGES]
    chosen.sort(key=lambda x: (x[1].a_start, x[1].b_start))
    return [(c, rule) for _, c, rule in chosen]


#: Misconceptions a distractor can reveal, by what the distractor is (one table).
MISCONCEPTIONS: dict[str, str] = {
    "surface": "This difference is only spelling, typography or a paragraph break: it changes "
    "no meaning and no source. Misconception: every difference between versions is framing.",
    "neutral": "The words differ but carry the same force: no judging word comes in or goes. "
    "Misconception: any new word changes the frame.",
    "loaded": "This change makes the wording more (or less) charged, but it does not change who "
    "is speaking or where the text comes from. Misconception: framing is only word choice.",
    "content": "This drops or adds content, but the source and the voice stay as they were. "
    "Misconception: what is left out always matters more than who says it.",
}


_STOP = re.compile(r"[.!?\n]")


@functools.lru_cache(maxsize=4)
def _stops(text: str) -> list[int]:
    """Offsets of the sentence stops (``.!?`` and line breaks) in ``text``, in order."""
    return [m.start() for m in _STOP.finditer(text)]


def _side(text: str, start: int, end: int, own: str, n: int) -> str:
    """One side of an option: the changed words, widened within their sentence to about
    ``n`` characters when short (so that options have comparable length), cut when long."""
    own = " ".join(own.split())
    if not own:
        return "(nothing)"
    if len(own) >= n * 0.6 or not text or text[start:end].strip() == "":
        return _short(own, n)
    stops = _stops(text)
    k = bisect.bisect_left(stops, start)
    left = (stops[k - 1] if k else -1) + 1  # after the last stop before the change
    k = bisect.bisect_left(stops, end)
    right = stops[k] if k < len(stops) else len(text)  # the first stop at or after its end
    return _widen(text, start, end, left, right, n)


def _widen(text: str, start: int, end: int, left: int, right: int, n: int) -> str:
    """``text[start:end]`` widened within ``[left, right)`` to about ``n`` characters, to whole
    words, with "…" where the sentence goes on.

    >>> _widen("He said no to it.", 8, 10, 0, 16, 8)
    '…said no to it'
    """
    lo, hi = start, end
    while hi - lo < n and (lo > left or hi < right):
        lo, hi = max(left, lo - 2), min(right, hi + 2)
    while lo > left and text[lo - 1].isalnum():
        lo -= 1
    while hi < right and text[hi].isalnum():
        hi += 1
    out = " ".join(text[lo:hi].split())
    return ("…" if lo > left else "") + out + ("…" if hi < right else "")


def _option_text(c: Any, texts: tuple[str, str] = ("", ""), n: int = 40) -> str:
    a = _side(texts[0], c.a_start, c.a_end, c.a_text, n)
    b = _side(texts[1], c.b_start, c.b_end, c.b_text, n)
    return f"“{a}” → “{b}”"


def _balance(options: dict[str, dict[str, str]], right: str) -> None:
    """Keep the options comparable: the right one is never strictly the longest."""
    longest_other = max(len(o["text"]) for k, o in options.items() if k != right)
    text = options[right]["text"]
    if len(text) > longest_other:
        # shorten the quoted sides of the right option until it is no longer the longest
        m = re.match(r"“(.*)” → “(.*)”$", text)
        if m:
            a, b = m.group(1), m.group(2)
            while len(f"“{a}” → “{b}”") >= longest_other and max(len(a), len(b)) > 12:
                if len(a) >= len(b):
                    a = a[: len(a) - 2].rstrip(" …") + "…"
                else:
                    b = b[: len(b) - 2].rstrip(" …") + "…"
            options[right]["text"] = f"“{a}” → “{b}”"


def _order(options: list[tuple[str, dict[str, str]]]) -> dict[str, dict[str, str]]:
    """Options keyed a, b, c, d in an order that does not depend on which one is right."""
    ranked = sorted(options, key=lambda kv: zlib.crc32(kv[1]["text"].encode("utf-8")))
    return {"abcdefgh"[i]: o for i, (_, o) in enumerate(ranked)}


def _choice_on_changes(
    lesson: str,
    changes: Sequence[Any],
    picked: list[tuple[Any, SalienceRule | None]],
    cmp_a: str = "",
    cmp_b: str = "",
) -> dict[str, Any] | None:
    """A multiple-choice item: which change alters provenance or voice (else: which is loaded),
    with one distractor per misconception that the pair allows."""
    by_rule: dict[str, Any] = {}
    for c, r in picked:
        if r is not None:
            by_rule.setdefault(r.name, c)
    target, question = None, ""
    for name, q in (
        (
            "provenance",
            "Which change takes away what a reader needs to judge where the text "
            "comes from and who stands behind it?",
        ),
        ("voice", "Which change moves a source's words into the writer's own voice?"),
        ("dropped_source", "Which change drops the source of a claim or a figure?"),
        ("loaded_wording", "Which change makes the wording judge what it describes?"),
    ):
        if name in by_rule:
            target, question, target_rule = by_rule[name], q, name
            break
    if target is None:
        return None
    pools: dict[str, list[Any]] = {k: [] for k in MISCONCEPTIONS}
    for c in changes:
        if c is target or not (c.a_text.strip() or c.b_text.strip()):
            continue
        if c.kind in ("spelling", "typography"):
            pools["surface"].append(c)
        elif c.effect == "neutral" and c.kind == "wording":
            pools["neutral"].append(c)
        elif _is_loaded(c) and target_rule != "loaded_wording":
            pools["loaded"].append(c)
        elif _is_dropped_content(c) and not _is_dropped_source(c):
            pools["content"].append(c)
    texts = (cmp_a, cmp_b)
    size = len(_option_text(target, texts))

    used = [set(_option_text(target, texts).lower().split())]

    def fits(c: Any, widen: bool) -> bool:
        text = _option_text(c, texts if widen else ("", ""))
        words = set(text.lower().split())
        similar = any(len(words & u) > 0.5 * min(len(words), len(u)) for u in used)
        return 0.5 * size <= len(text) <= 1.6 * size and not similar

    distractors = []
    for k, cands in pools.items():
        tries = [(c, w) for c in cands for w in ((True, False) if k != "surface" else (False,))]
        ok = sorted(
            (cw for cw in tries if fits(*cw)),
            key=lambda cw: abs(len(_option_text(cw[0], texts if cw[1] else ("", ""))) - size),
        )
        if ok:
            c, widen = ok[0]
            distractors.append((k, c, widen))
            used.append(set(_option_text(c, texts if widen else ("", "")).lower().split()))
    distractors = distractors[:3]
    if len(distractors) < 2:
        return None
    opts = [("right", {"text": _option_text(target, texts), "feedback": ""})]
    for k, c, widen in distractors:
        text = _option_text(c, texts if widen else ("", ""))
        opts.append((k, {"text": text, "feedback": MISCONCEPTIONS[k]}))
    options = _order(opts)
    right = next(k for k, o in options.items() if o["feedback"] == "")
    _balance(options, right)
    rule = next(r for r in SALIENCE_RULES if r.name == target_rule)
    options[right]["feedback"] = "Right: " + _explanation(target, rule)
    return {
        "type": "choice",
        "title": "The change that matters most",
        "prompt": question,
        "points": 1,
        "options": options,
        "reference": right,
        "hint": rule.hint,
    }


def _choice_on_claims(lesson: str, cm: Any) -> dict[str, Any] | None:
    """A multiple-choice item on the checkable core: which claim could evidence settle once
    its judging words are set aside? Distractors: an interpretation, a judgement, a prediction."""
    body = [c for c in cm.claims if c.position != "headline" and 5 <= len(c.text.split()) <= 40]
    framed = sorted(
        (c for c in body if c.core_type == "fact" and c.framing),
        key=lambda c: (-len(c.framing), c.start),
    )
    if not framed:
        return None
    why = {
        "interpretation": "It reads motives, causes or meaning into events: no record could "
        "settle it. Misconception: a claim stated flatly is a fact.",
        "judgement": "Its core is an evaluation: the judging word is what it asserts. "
        "Misconception: a fact is a claim I agree with.",
        "prediction": "It is about the future: no evidence can settle it yet. Misconception: a "
        "confident forecast is a fact.",
    }
    opts = [("right", {"text": _short(framed[0].text, 150), "feedback": ""})]
    for t in why:
        other = next((c for c in body if c.type == t and c.core_type == t), None)
        if other is not None:
            opts.append((t, {"text": _short(other.text, 150), "feedback": why[t]}))
    if len(opts) < 3:
        return None
    options = _order(opts)
    right = next(k for k, o in options.items() if o["feedback"] == "")
    if len(options[right]["text"]) > max(len(o["text"]) for k, o in options.items() if k != right):
        longest = max(len(o["text"]) for k, o in options.items() if k != right)
        options[right]["text"] = _short(framed[0].text, max(40, longest - 1))
    words = ", ".join(f"'{f.text}'" for f in framed[0].framing[:4])
    options[right]["feedback"] = (
        f"Right: set aside the framing words ({words}) and a checkable core is left"
        + (f"; {framed[0].check_hint} could settle it." if framed[0].check_hint else ".")
    )
    return {
        "type": "choice",
        "title": "The checkable core",
        "prompt": "Which claim of version A asserts something that evidence could prove or "
        "disprove, once you set its judging words aside?",
        "points": 1,
        "options": options,
        "reference": right,
        "hint": "Cross out the words that judge; then ask whether a record, a figure or a "
        "document could show the rest true or false.",
    }


def _pick_claims(cm: Any) -> list[Any]:
    """Claims for the type/certainty exercise: a spread of types and certainties (framed
    cores and certainty cues first), not simply the first ones; in text order."""
    body = [c for c in cm.claims if c.position != "headline"]
    ranked = sorted(
        body,
        key=lambda c: (-(bool(c.framing) + bool(c.certainty_cues) + (c.type != "fact")), c.start),
    )
    chosen: list[Any] = []
    for t in ("fact", "attributed", "interpretation", "judgement", "prediction"):
        c = next((c for c in ranked if c.type == t and c not in chosen), None)
        if c is not None:
            chosen.append(c)
    for level in ("hedged", "boosted"):
        c = next((c for c in ranked if c.certainty == level and c not in chosen), None)
        if c is not None:
            chosen.append(c)
    for c in ranked:
        if len(chosen) >= MAX_CLAIMS:
            break
        if c not in chosen:
            chosen.append(c)
    return sorted(chosen[:MAX_CLAIMS], key=lambda c: c.start)


_TYPE_HINTS = {
    "fact": "Could a record, a figure or a document show it true or false?",
    "attributed": "Is someone other than the writer speaking here?",
    "interpretation": "Is the writer reading motives, causes or meaning into events?",
    "judgement": "Is the point of the sentence that something is good or bad, right or wrong?",
    "prediction": "Is it about what will (or would) happen?",
}


_CAUSAL = re.compile(
    r"\b(?:because|due to|as a result|to cover|to save|so that|in order to|after|since|"
    r"caused by|blamed)\b",
    re.I,
)
_TREATMENT = re.compile(
    r"\b(?:should (?!read|note|remember)|must (?!have)|need to|needs to|calls? for|urges?|"
    r"demands?|tell the|write to|sign the|join us|will help|would help|instead)",
    re.I,
)


def _frame_answer(cm_a: Any, cm_b: Any) -> str:
    """A draft model answer for the frame exercise, quoting each version (to rewrite)."""
    return _frame_text(_frame_parts(cm_a), _frame_parts(cm_b))


def _frame_parts(cm: Any) -> tuple[dict[str, str], int]:
    """One version's side of the frame answer: each frame part quoted (or "none stated"),
    and how many judging words its claims have (plain strings: they pickle cheaply)."""

    def quote(c: Any | None) -> str:
        return f"“{_short(c.text, 110)}”" if c is not None else "none stated"

    body = list(cm.claims)
    out: dict[str, Any] = {}
    taken: set[str] = set()

    def first(*tests: Callable[[Any], bool]) -> Any | None:
        for test in tests:
            c = next((c for c in body if c.id not in taken and test(c)), None)
            if c is not None:
                taken.add(c.id)
                return c
        return None

    out["problem"] = first(lambda c: c.position in ("headline", "lead"), lambda c: True)
    most = max((len(c.framing) for c in body if c.id not in taken), default=0)
    out["moral"] = first(
        lambda c: c.type == "judgement" and len(c.framing) == most > 0,
        lambda c: len(c.framing) == most > 0,
    )
    out["cause"] = first(
        lambda c: c.type == "interpretation", lambda c: bool(_CAUSAL.search(c.text))
    )
    out["treatment"] = first(lambda c: bool(_TREATMENT.search(c.text)))
    return {k: quote(c) for k, c in out.items()}, sum(len(c.framing) for c in cm.claims)


def _frame_text(a: tuple[dict[str, str], int], b: tuple[dict[str, str], int]) -> str:
    """The frame answer from the two versions' :func:`_frame_parts`."""
    (pa, framed_a), (pb, framed_b) = a, b
    lines = []
    for label, key in (
        ("Problem definition", "problem"),
        ("Causal interpretation", "cause"),
        ("Moral evaluation", "moral"),
        ("Treatment recommendation", "treatment"),
    ):
        lines.append(f"{label}: A {pa[key]}; B {pb[key]}.")
    if framed_a == framed_b:
        lines.append(
            f"Difference: both versions use about as many judging words ({framed_a}); compare "
            "which sources each keeps and whose voice each gives the last word."
        )
    else:
        more = "B" if framed_b > framed_a else "A"
        lines.append(
            f"Difference: {more} frames its claims with more judging words ({framed_a} in A, "
            f"{framed_b} in B); say whose case that helps and which sources each version keeps."
        )
    return " ".join(lines)


#: First-try hints for the spans exercise, by appraisal category (old and new names); they
#: name the kind of cue, never the word.
_SPAN_HINTS: dict[str, str] = {
    "attitude": "A word in this sentence says whether something is good or bad.",
    "label": "A name in this sentence judges the person or group it names.",
    "figurative": "A comparison or metaphor here carries a judgement.",
    "force": "A word here turns the intensity up or down.",
    "booster": "A word here turns the intensity or the certainty up.",
    "focus": "A word here sharpens or softens a category ('a real', 'sort of').",
    "hedge": "A word here leaves room for doubt or softens the claim.",
    "entertain": "A word here leaves room for doubt.",
    "proclaim": "A word here presents the claim as beyond doubt.",
    "disclaim": "A word here denies or counters another view.",
    "attribute": "A reporting verb or quotation marks here keep the writer's distance.",
    "scare_quote": "Quotation marks here keep the writer's distance from a word.",
    "stance_verb": "A verb here describes an action in a judging way.",
}


_NEUTRAL_REPORTING = re.compile(r"\b(?:said|says|told|according to|added|explained)\b")


def _neutral_distractors(text: str, refs: list[dict[str, str]]) -> list[dict[str, str]]:
    """Phrases a student may select that are not evaluative: neutral reporting verbs
    (acknowledge), each with the reason (the key schema's ``distractors``)."""
    marked = " ".join(r["text"].lower() for r in refs)
    out, seen = [], set()
    for m in _NEUTRAL_REPORTING.finditer(text):
        word = m.group()
        if word in seen or word in marked:
            continue
        seen.add(word)
        out.append(
            {
                "text": word,
                "why": f"'{word}' names a source without judging it (attribute: acknowledge); "
                "it is the neutral reporting verb that a loaded one such as 'claimed' replaces",
            }
        )
    return out[:3]


def _span_passage(article: Any, spans: Sequence[Any]) -> tuple[str, list[dict[str, str]]]:
    """The run of paragraphs of ``article`` richest in evaluative spans, and its references."""
    paras = [p for p in article.paragraphs if p.role == "body"] or list(article.paragraphs)
    if not paras:
        raise InputError("Version B has no text to draft a span exercise from.")
    best, best_score = (0, 1), -1.0
    n_words = [len(p.clean.split()) for p in paras]
    # spans in order of start: a passage counts the spans starting in it that end in it
    ordered = sorted(spans, key=lambda s: s.start)
    starts, ends = [s.start for s in ordered], [s.end for s in ordered]
    for i in range(len(paras)):
        words, j = 0, i
        while j < len(paras) and (words == 0 or words + n_words[j] <= SPAN_WORDS):
            words += n_words[j]
            j += 1
        lo, hi = paras[i].start, paras[j - 1].end
        k0, k1 = bisect.bisect_left(starts, lo), bisect.bisect_right(starts, hi)
        score = sum(1 for e in ends[k0:k1] if e <= hi)
        if score > best_score:
            best, best_score = (i, j), score
    i, j = best
    lo, hi = paras[i].start, paras[j - 1].end
    text = article.text[lo:hi]
    refs = [
        {
            "text": s.text,
            "why": f"{s.category}: {s.explanation}",
            "hint": _SPAN_HINTS.get(s.category, "Read the sentence again: which word judges?"),
        }
        for s in spans
        if lo <= s.start and s.end <= hi and s.text.strip()
    ]
    return text, refs


def _claims_exercise(cm: Any) -> dict[str, Any] | None:
    """The type/certainty exercise on version A's claims (``None``: no claims to ask about)."""
    from ..claims import CERTAINTY, CLAIM_TYPES

    chosen = _pick_claims(cm)
    if not chosen:
        return None
    return {
        "type": "classify",
        "title": "Claims in version A",
        "prompt": "Give the type of each claim of version A and how certain the writer sounds.",
        "points": len(chosen),
        "axes": {"type": list(CLAIM_TYPES), "certainty": list(CERTAINTY)},
        "items": [
            {
                "id": c.id,
                "text": _short(c.text, 240),
                "why": f"type: {c.type} (core: {c.core_type or c.type}); certainty cues: "
                + (", ".join(f"'{q.text}' ({q.kind})" for q in c.certainty_cues) or "none")
                + (
                    "; framing words: " + ", ".join(f"'{f.text}'" for f in c.framing)
                    if c.framing
                    else ""
                ),
                "hint": _TYPE_HINTS[c.type],
            }
            for c in chosen
        ],
        "reference": {c.id: [c.type, c.certainty] for c in chosen},
    }


def _a_side(art_a: Any, lesson: str) -> dict[str, Any]:
    """What the key takes from version A's claims, as plain JSON-ready values (it may run in
    a worker process, and only these small values come back): the claims exercise, the
    checkable-core choice and A's side of the frame answer."""
    from ..claims import claims

    cm = claims(art_a)
    return {
        "claims-a": _claims_exercise(cm),
        "checkable-core": _choice_on_claims(lesson, cm),
        "frame": _frame_parts(cm),
    }


def _b_side(
    art_a: Any, art_b: Any, lesson: str
) -> tuple[dict[str, dict[str, Any]], tuple[dict[str, str], int]]:
    """The exercises on the changes from A to B and on B's evaluative language, and B's side
    of the frame answer (plain JSON-ready values: this may run in a worker process)."""
    from ..claims import claims
    from ..compare import EFFECTS, KINDS, compare
    from ..spot import spot

    cmp = compare(art_a, art_b)
    _B_TEXT.set(art_b.text)
    exercises: dict[str, dict[str, Any]] = {}

    picked = _pick_changes(cmp.changes)

    def same_texts(c: Any) -> list[Any]:
        wa, wb = c.a_text.split(), c.b_text.split()
        return [
            o
            for o in cmp.changes
            if o is not c and _same_words(o.a_text, wa) and _same_words(o.b_text, wb)
        ]

    if picked:
        exercises[f"{lesson}/changes"] = {
            "type": "classify",
            "title": "Kind and effect of each change",
            "prompt": "For each change from version A to version B, give its kind and its "
            "effect: the force of B's wording compared with A's.",
            "points": len(picked),
            "axes": {"kind": list(KINDS), "effect": list(EFFECTS)},
            "items": [_change_item(n, c, r, same_texts(c)) for n, (c, r) in enumerate(picked, 1)],
            "reference": {f"x{n}": [c.kind, c.effect] for n, (c, _) in enumerate(picked, 1)},
        }
    choice = _choice_on_changes(lesson, cmp.changes, picked, art_a.text, art_b.text)
    if choice:
        exercises[f"{lesson}/most-important"] = choice

    res_b = spot(art_b)
    text, refs = _span_passage(art_b, res_b.spans)
    if refs:
        exercises[f"{lesson}/evaluative-b"] = {
            "type": "spans",
            "title": "Evaluative language in version B",
            "prompt": "Select the words and phrases through which version B judges, intensifies, "
            "hedges, labels or keeps a distance.",
            "points": len(refs),
            "text": text,
            "reference": refs,
        }
        distractors = _neutral_distractors(text, refs)
        if distractors:
            exercises[f"{lesson}/evaluative-b"]["distractors"] = distractors

    return exercises, _frame_parts(claims(art_b, spot_result=res_b))


@paused_gc  # performance only: the analyses make millions of objects and no cycles
def draft_key(a: Any, b: Any, lesson: str = "my-pair") -> dict[str, Any]:
    """A draft key (a JSON-ready dict) for versions ``a`` and ``b`` (paths, texts or Articles).

    >>> _A = "Xi declined to sign the pipeline agreement in Moscow."
    >>> _B = "Xi refused to sign the pipeline agreement in Moscow."
    >>> key = draft_key(_A, _B, "demo")
    >>> key["exercises"]["demo/changes"]["reference"]
    {'x1': ['wording', 'stronger']}
    """
    if not _LESSON_RE.match(lesson):
        raise InputError(
            f"The lesson id '{lesson}' must be lowercase letters, digits and hyphens "
            "(e.g. 'my-pair')."
        )
    from ..document import load_article

    art_a, art_b = load_article(a), load_article(b)
    if not art_a.text.strip() or not art_b.text.strip():
        raise InputError("Both texts must contain some words to draft a key.")
    # on big texts, the comparison and version B in a worker process, A's claims here
    big = len(art_a.all_sentences) + len(art_b.all_sentences) >= parallel.MIN_ITEMS
    (exercises, frame_b), a_side = parallel.run_all(
        [
            functools.partial(_b_side, art_a, art_b, lesson),
            functools.partial(_a_side, art_a, lesson),
        ],
        parallel=big,
    )
    claims_a, core_choice = a_side["claims-a"], a_side["checkable-core"]
    if claims_a:
        exercises[f"{lesson}/claims-a"] = claims_a
    if core_choice:
        exercises[f"{lesson}/checkable-core"] = core_choice

    exercises[f"{lesson}/frame"] = {
        "type": "text",
        "title": "The frame of each version",
        "prompt": "For each version, state its problem definition, causal interpretation, moral "
        "evaluation and treatment recommendation, with a quotation for each; then say how the "
        "frames differ.",
        "points": 5,
        "rubric": [
            {"id": "r1", "points": 1, "criterion": "Problem definition of each version, quoted."},
            {
                "id": "r2",
                "points": 1,
                "criterion": "Causal interpretation of each version, quoted.",
            },
            {"id": "r3", "points": 1, "criterion": "Moral evaluation of each version, quoted."},
            {"id": "r4", "points": 1, "criterion": "Treatment recommendation (or its absence)."},
            {"id": "r5", "points": 1, "criterion": "A specific difference between the frames."},
        ],
        "reference": "Draft model answer (the kit's reading: rewrite it before use). "
        + _frame_text(a_side["frame"], frame_b),
    }
    _stops.cache_clear()  # the caches hold the whole texts: not kept after the draft
    _found.cache_clear()
    return {
        "lesson": lesson,
        "draft": (
            f"Drafted by 'framingkit key draft' from {art_a.source} and {art_b.source}. Every "
            "reference is the kit's automatic reading: check and correct each one (the 'why' "
            "fields say what the kit saw, 'draft_note' why an item was picked), delete items "
            "that teach nothing, check that each multiple-choice distractor's feedback names a "
            "misconception your students hold, and rewrite the model answer."
        ),
        "exercises": exercises,
    }


def _target(out: str, lesson: str) -> tuple[Path, bool]:
    """The key file to write, and whether ``out`` names a folder (created if missing).

    A path that is a folder, ends with a slash or does not end in ``.json`` is a folder.
    """
    p = Path(out)
    folder = p.is_dir() or out.endswith(("/", "\\")) or p.suffix.lower() != ".json"
    return (p / f"{lesson}.json" if folder else p), folder


def _size(ex: dict) -> str:
    """What one drafted exercise holds, in words: "5 items", "4 options", "41 reference phrases".

    >>> _size({"type": "text", "reference": "A long model answer", "rubric": [{}, {}]})
    '2 rubric criteria'
    """
    counts = (
        ("items", "item", "items"),
        ("options", "option", "options"),
        ("rubric", "rubric criterion", "rubric criteria"),
        ("reference", "reference phrase", "reference phrases"),
    )
    for field, one, many in counts:
        value = ex.get(field)
        if isinstance(value, (list, dict)) and value:
            return f"{len(value)} {one if len(value) == 1 else many}"
    return "a model answer"


def run(args: argparse.Namespace) -> int:
    """Draft the key and write it to ``--out``."""
    from ..exercises import model

    target, folder = _target(args.out, args.lesson)
    if target.exists() and not args.force:
        raise InputError(f"{target} already exists; use --force to overwrite it.")
    if not target.parent.is_dir() and not folder:
        raise InputError(f"The folder {target.parent} does not exist.")
    key = draft_key(args.a, args.b, args.lesson)
    model.parse_key(key, name=target.name)  # the draft must load as a key
    write_text(target, json.dumps(key, indent=2, ensure_ascii=False) + "\n", parents=folder)
    print(f"wrote {target}: {len(key['exercises'])} exercises drafted for lesson '{args.lesson}'")
    for ex_id, ex in key["exercises"].items():
        print(f"  {ex_id:<32} {ex['type']:<9} {_size(ex)}")
    if target.name != f"{args.lesson}.json":
        print(
            f"note: the grader (--key DIR) and notebooks (FRAMINGKIT_KEY_DIR) look for "
            f"{args.lesson}.json; rename the file or keep it in a folder under that name."
        )
    print("Now correct every reference answer by hand: this is a draft.")
    return 0
