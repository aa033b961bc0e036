"""The rules that turn lexicon hits into evaluative spans.

On top of plain lexicon look-up (longest phrase first, inflections allowed):

* **negation**: "not good news" is one negative span; polarity flips;
* **intensifier plus head**: "highly strategic", "deeply flawed", "excessive zeal";
* **hyphenated compounds**: "much-vaunted", "ill-conceived" (parts looked up);
* **scare quotes**: the document model's quotations of kind ``scare``;
* **comparisons and analogies**: "feels like ...", "is like ...", "as if ...";
* **context checks**: approximators need a number ("about 600"), "May" the month
  is no hedge, "the claims" (a noun) is no stance verb, capitalised words inside
  a sentence are names ("Hope Street").

Every span gets an explanation a student can read.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..document import Article, Sentence, Token
from ..wordlists import FUNCTION_WORDS
from .categories import CATEGORIES, INTENSITY_LABELS
from .lexicon import (
    LexEntry,
    figurative_contexts,
    lookup,
    phrases_starting,
    stop_phrases,
    vader_lookup,
    variants,
)


@dataclass(frozen=True)
class EvalSpan:
    """One stretch of evaluative language: ``text == article.text[start:end]``.

    ``category`` is a key of :data:`~framingkit.spot.categories.CATEGORIES`;
    ``polarity`` is ``"positive"``, ``"negative"`` or ``None``; ``intensity`` runs
    1 (mild) to 3 (strong); ``source`` is ``lexicon``, ``vader`` or ``rule``;
    ``rule`` names the rule that shaped the span (``""`` for a plain look-up).
    """

    start: int
    end: int
    text: str
    category: str
    subtype: str
    polarity: str | None
    intensity: int
    explanation: str
    source: str
    rule: str = ""
    term: str = ""
    paragraph: int = 0
    sentence: int = 0


#: Words that negate what follows.
NEGATORS = frozenset(["not", "no", "never", "hardly", "nor", "neither", "nothing", "nobody"])
#: Words allowed between a negator and what it negates ("not at all good", "not a good").
_NEG_GAP = frozenset(
    (
        *("a", "an", "the", "so", "very", "that", "too", "particularly", "especially"),
        *("exactly", "entirely", "quite", "be", "been", "being", "all", "as", "terribly"),
        *("remotely", "any"),
    )
)
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "such",
        "any",
        "no",
        "some",
        "every",
        "each",
        "what",
        "whose",
        "which",
        "either",
        "neither",
        "another",
    ]
)
_FUNCTION = FUNCTION_WORDS
_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "fifteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "half",
        "third",
        "quarter",
        "dozen",
        "dozens",
        "few",
        "score",
    ]
)
_ADJ_SUFFIXES = ("al", "ic", "ous", "ive", "ful", "ese", "ish", "an", "ian", "ary", "ern")
_APPEAR_VERBS = frozenset(
    [
        "feel",
        "feels",
        "felt",
        "feeling",
        "look",
        "looks",
        "looked",
        "looking",
        "sound",
        "sounds",
        "sounded",
        "seem",
        "seems",
        "seemed",
        "appear",
        "appears",
        "appeared",
        "act",
        "acts",
        "acted",
        "acting",
        "behave",
        "behaves",
        "behaved",
        "treat",
        "treats",
        "treated",
    ]
)
_BE_FORMS = frozenset(["is", "are", "was", "were", "be", "been", "being", "'s", "am"])
_SIMILE_CUES: tuple[tuple[str, ...], ...] = (
    ("as", "if"),
    ("as", "though"),
    ("akin", "to"),
    ("tantamount", "to"),
    ("reminiscent", "of"),
    ("the", "equivalent", "of"),
    ("no", "better", "than"),
    ("little", "better", "than"),
    ("nothing", "more", "than"),
    ("nothing", "but"),
    ("amounts", "to"),
    ("amount", "to"),
    ("amounted", "to"),
)
_SIMILE_FIRST = frozenset(["like", *(c[0] for c in _SIMILE_CUES)])
_SIMILE_STOP = frozenset(
    [
        "and",
        "but",
        "which",
        "who",
        "that",
        "while",
        "because",
        "when",
        "whereas",
        "if",
        "although",
        "though",
        "since",
        "so",
        "yet",
        "or",
        "as",
        "unless",
        "until",
    ]
)
_COMPOUND_PREFIX = {
    "much": "much-",
    "ultra": "ultra",
    "hyper": "hyper",
    "over": "over",
    "super": "super",
    "ever": "ever",
    "all": "all",
    "arch": "arch",
    "self": "self",
}


@dataclass
class _Cand:
    start: int
    end: int
    category: str
    subtype: str
    polarity: str | None
    intensity: int
    explanation: str
    source: str
    rule: str
    term: str
    priority: int


def _why(category: str) -> str:
    return f"Why it matters: {CATEGORIES[category].why}."


def _is_negator(norm: str) -> bool:
    return norm in NEGATORS or norm.endswith("n't")


def _norm(tok: Token) -> str:
    n = tok.norm
    return n[:-2] if n.endswith("'s") and len(n) > 3 else n


def _is_number(tok: Token | None) -> bool:
    if tok is None:
        return False
    return any(ch.isdigit() for ch in tok.text) or tok.norm in _NUMBER_WORDS


def explain(text: str, entry: LexEntry, rule_note: str = "") -> str:
    """A sentence a student can read: what the words do and why that is evaluative.

    >>> from framingkit.spot.lexicon import lookup
    >>> explain("flagrant", lookup("flagrant")).startswith("“flagrant” condemns")
    True
    """
    cat = CATEGORIES[entry.category]
    pol = f"{entry.polarity} " if entry.polarity else ""
    strength = INTENSITY_LABELS.get(entry.intensity, "")
    head = f"“{text}” {entry.note}" if entry.note else f"“{text}” is a {cat.label}"
    kind = f"{pol}{entry.subtype}" if entry.category == "attitude" else entry.subtype
    src = " (from VADER's sentiment lexicon)" if entry.source == "vader" else ""
    extra = f" {rule_note}" if rule_note else ""
    return f"{head} ({cat.label}: {kind}, {strength}){src}.{extra} Why it matters: {cat.why}."


def _title_case(tokens: Sequence[Token]) -> bool:
    words = [t for t in tokens if t.text[:1].isalpha()]
    if len(words) < 3:
        return False
    return sum(t.text[0].isupper() for t in words) / len(words) > 0.6


def _runs(tokens: Sequence[Token]) -> list[list[int]]:
    """Indexes of word tokens, split where punctuation intervenes."""
    runs: list[list[int]] = [[]]
    for i, t in enumerate(tokens):
        if t.text[:1].isalnum() or t.is_word:
            runs[-1].append(i)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


@functools.lru_cache(maxsize=50_000)
def _phrases_by_second(first: str) -> dict[str, tuple[tuple[tuple[str, ...], LexEntry], ...]]:
    """Phrases starting with ``first`` (or its base forms), indexed by their second word."""
    table: dict[str, list[tuple[tuple[str, ...], LexEntry]]] = {}
    for e in phrases_starting(first):
        w = e.words
        table.setdefault(w[1], []).append((w, e))
    return {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in table.items()}


def _phrase_at(tokens: Sequence[Token], run: list[int], k: int) -> tuple[LexEntry, int] | None:
    """The longest lexicon phrase starting at run[k]: (entry, number of words)."""
    if k + 1 >= len(run):
        return None
    table = _phrases_by_second(_norm(tokens[run[k]]))
    if not table:
        return None
    best: tuple[LexEntry, int] | None = None
    for second in variants(_norm(tokens[run[k + 1]])):
        for words, e in table.get(second, ()):
            n = len(words)
            if k + n > len(run) or (best is not None and n <= best[1]):
                continue
            ok = True
            for j in range(2, n):
                want = words[j]
                tok = _norm(tokens[run[k + j]])
                if tok != want and want not in variants(tok):
                    ok = False
                    break
            if ok:
                best = (e, n)
    return best


def _stop_at(tokens: Sequence[Token], run: list[int], k: int) -> int:
    """Length of a not-evaluative phrase starting at run[k] ("claimed responsibility"), or 0."""
    table = stop_phrases()
    for cand in variants(_norm(tokens[run[k]])):
        for words in table.get(cand, ()):
            n = len(words)
            if k + n <= len(run) and all(
                _norm(tokens[run[k + j]]) == words[j] for j in range(1, n)
            ):
                return n
    return 0


def _context_ok(entry: LexEntry, tokens: Sequence[Token], i: int, title: bool) -> bool:
    """Context checks that keep common words from firing where they are not evaluative."""
    tok = tokens[i]
    prev = tokens[i - 1] if i > 0 else None
    nxt = next((t for t in tokens[i + 1 :] if t.is_word), None)
    first_word = not any(t.is_word for t in tokens[:i])
    if entry.subtype == "approximator":
        return _is_number(nxt) or (
            nxt is not None
            and nxt.norm in {"a", "an"}
            and i + 2 < len(tokens)
            and _is_number(tokens[i + 2])
        )
    if not title and not first_word and tok.text[:1].isupper() and not tok.text.isupper():
        return False  # a name inside a sentence ("Hope", "Liberation Army")
    if (
        entry.category == "hedge"
        and tok.norm == "may"
        and (_is_number(nxt) or (tok.text == "May" and not first_word))
    ):
        return False
    if entry.category == "stance_verb" and prev is not None and prev.is_word:
        p = prev.norm
        if (
            p in _DETERMINERS
            or p.endswith("'s")
            or (p.endswith(_ADJ_SUFFIXES) and p not in {"can", "an", "than", "often", "then"})
        ):
            return False  # "the claims", "historical claims": a noun, not a verb
    return True


def _sentence_norms(tokens: Sequence[Token], memo: dict) -> dict[str, list[int]]:
    """Word norms of a sentence (plus a singular for plurals) -> token indexes; computed once."""
    got = memo.get("norms")
    if got is None:
        got = {}
        for n, t in enumerate(tokens):
            if t.is_word:
                w = _norm(t)
                got.setdefault(w, []).append(n)
                if w.endswith("s") and len(w) > 3:
                    got.setdefault(w[:-1], []).append(n)
        memo["norms"] = got
    return got


def _figurative_ok(
    entry: LexEntry, tokens: Sequence[Token], first: int, last: int, memo: dict | None = None
) -> bool:
    """Whether a figurative hit on tokens[first..last] is figurative here, not literal.

    Simple cues from ``figurative_contexts.txt``: a word of the metaphor's source domain
    elsewhere in the sentence ("the storm", "troops", "the plane") makes it literal; movement
    verbs need an economic subject or a number after them ("shares crashed 5%", not "the car
    crashed"), and an economic subject overrides a literal cue; "war on" before a name is
    literal.
    """
    table, money = figurative_contexts()
    ctx = table.get(entry.term)
    if ctx is None:
        return True
    if ctx.no_name:
        nxt = next((t for t in tokens[last + 1 :] if t.is_word), None)
        if nxt is not None and nxt.text[:1].isupper():
            return False
    found = _sentence_norms(tokens, {} if memo is None else memo)
    literal = any(
        any(not first <= n <= last for n in found[w]) for w in ctx.literal.intersection(found)
    )
    if "motion" in ctx.domains:
        # an economic subject ("shares", "rents" just before) or a number just after
        before = [_norm(t) for t in tokens[max(0, first - 6) : first] if t.is_word]
        subject = any(b in money or (b.endswith("s") and b[:-1] in money) for b in before)
        after = [t for t in tokens[last + 1 : last + 6]]
        number = any(_is_number(t) or "%" in t.text for t in after)
        if ctx.quantity and not (subject or number):
            return False
        return subject or not literal  # "the plane plunged 3,000 feet": literal
    return not literal


def _compound(tok: Token) -> tuple[LexEntry, str] | None:
    """A hyphenated compound whose parts carry the evaluation ("much-vaunted", "ill-conceived")."""
    parts = [p for p in _norm(tok).split("-") if p]
    if len(parts) < 2:
        return None
    head = None
    for p in reversed(parts):
        e = lookup(p)
        if e is not None and e.category in {"attitude", "label"}:
            head = (e, p)
            break
    if head is None:
        return None
    e, part = head
    boost = parts[0] in _COMPOUND_PREFIX and part != parts[0]
    inten = min(3, e.intensity + (1 if boost else 0))
    note = f"the compound contains “{part}”" + (f", intensified by “{parts[0]}-”" if boost else "")
    ent = LexEntry(tok.text.lower(), e.category, e.subtype, e.polarity, inten, e.note, e.source)
    return ent, note


@functools.lru_cache(maxsize=200_000)
def _candidate(norm: str, backup: bool) -> bool:
    """Quick filter: could any lexicon entry, phrase, stop phrase or rule start at this word?"""
    if "-" in norm or norm in _SIMILE_FIRST:
        return True
    if lookup(norm) is not None or phrases_starting(norm):
        return True
    stops = stop_phrases()
    if any(v in stops for v in variants(norm)):
        return True
    return backup and vader_lookup(norm) is not None


def _sentence_cands(article_text: str, s: Sentence, backup: bool) -> list[_Cand]:
    tokens = s.tokens
    title = _title_case(tokens)
    cands: list[_Cand] = []
    memo: dict = {}  # per-sentence facts for the figurative context checks
    runs = _runs(tokens)
    for run in runs:
        k = 0
        while k < len(run):
            i = run[k]
            tok = tokens[i]
            if not _candidate(_norm(tok), backup):
                k += 1
                continue
            stop = _stop_at(tokens, run, k)
            if stop:
                k += stop
                continue
            hit = _phrase_at(tokens, run, k)
            n = 1
            rule, note = "", ""
            if hit is not None:
                entry, n = hit
                if entry.subtype == "approximator":
                    nxt = tokens[run[k + n]] if k + n < len(run) else None
                    if not _is_number(nxt):
                        hit = None
                        n = 1
                elif entry.category == "figurative" and not _figurative_ok(
                    entry, tokens, i, run[k + n - 1], memo
                ):
                    hit = None
                    n = 1
            if hit is None:
                entry = lookup(_norm(tok))
                if entry is not None and not _context_ok(entry, tokens, i, title):
                    entry = None
                if (
                    entry is not None
                    and entry.category == "figurative"
                    and not _figurative_ok(entry, tokens, i, i, memo)
                ):
                    entry = None
                if entry is None and "-" in tok.text:
                    comp = _compound(tok)
                    if comp is not None:
                        entry, note = comp
                        rule = "compound"
                if entry is None and backup and (title or not tok.text[:1].isupper() or k == 0):
                    entry = vader_lookup(_norm(tok))
            else:
                entry = hit[0]
            if entry is None:
                k += 1
                continue
            start, end = tok.start, tokens[run[k + n - 1]].end
            pri = 3 if n > 1 else 1
            cands.append(
                _Cand(
                    start,
                    end,
                    entry.category,
                    entry.subtype,
                    entry.polarity,
                    entry.intensity,
                    "",
                    entry.source if entry.source in {"vader"} else ("rule" if rule else "lexicon"),
                    rule,
                    entry.term,
                    pri,
                )
            )
            cands[-1].explanation = explain(
                article_text[start:end], entry, note and f"The rule: {note}."
            )
            cands[-1].term = entry.term
            k += n
    if any(_norm(tokens[i]) in _SIMILE_FIRST for run in runs for i in run):
        cands.extend(_similes(article_text, tokens, runs))
    cands = _combine(article_text, tokens, cands)
    return cands


def _similes(text: str, tokens: Sequence[Token], runs: list[list[int]]) -> list[_Cand]:
    """Comparisons and analogies: "feels like a robbery", "is like", "as if", "akin to"."""
    out: list[_Cand] = []
    for run in runs:
        norms = [_norm(tokens[i]) for i in run]
        k = 0
        while k < len(run):
            cue_len = 0
            if norms[k] not in _SIMILE_FIRST:
                k += 1
                continue
            if norms[k] == "like" and k > 0:
                prev = norms[k - 1]
                nxt = norms[k + 1] if k + 1 < len(run) else ""
                if (
                    prev in _APPEAR_VERBS
                    or prev in _BE_FORMS
                    or (
                        nxt in {"a", "an"}
                        and prev not in {"would", "'d", "things", "countries", "people"}
                    )
                ):
                    cue_len = 1
                    k0 = k - 1 if prev in _APPEAR_VERBS or prev in _BE_FORMS else k
                else:
                    k0 = k
            else:
                k0 = k
                for cue in _SIMILE_CUES:
                    if tuple(norms[k : k + len(cue)]) == cue:
                        cue_len = len(cue)
                        break
            if not cue_len:
                k += 1
                continue
            j = k + cue_len
            stop = j
            while stop < len(run) and stop - j < 9 and norms[stop] not in _SIMILE_STOP:
                stop += 1
            if stop == j:  # nothing compared with
                k += 1
                continue
            start, end = tokens[run[k0]].start, tokens[run[stop - 1]].end
            cue = text[tokens[run[k0]].start : tokens[run[k + cue_len - 1]].end]
            target = text[tokens[run[j]].start : end]
            expl = (
                f"“{cue}” sets up a comparison with “{target}” (figurative: simile). "
                f"{_why('figurative')}"
            )
            pols = [lookup(n) for n in norms[j:stop]]
            pol = next((e.polarity for e in pols if e and e.polarity), None)
            out.append(
                _Cand(
                    start,
                    end,
                    "figurative",
                    "simile",
                    pol,
                    2,
                    expl,
                    "rule",
                    "comparison",
                    cue.lower(),
                    4,
                )
            )
            k = stop
    return out


def _combine(text: str, tokens: Sequence[Token], cands: list[_Cand]) -> list[_Cand]:
    """Apply negation and intensifier-plus-head, then resolve overlaps."""
    cands.sort(key=lambda c: c.start)
    word_idx = {t.start: n for n, t in enumerate(tokens)}
    end_idx = {t.end: n for n, t in enumerate(tokens)}
    by_start = {c.start: c for c in cands}
    merged: list[_Cand] = []
    skip: set[int] = set()
    for c in cands:
        if id(c) in skip:
            continue
        # intensifier / amplifier plus head
        if c.category == "booster" and c.subtype in {"intensifier", "amplifier"} and c.rule == "":
            end_tok = end_idx.get(c.end)
            nxt = tokens[end_tok + 1] if end_tok is not None and end_tok + 1 < len(tokens) else None
            has_head = (
                nxt is not None
                and nxt.is_word
                and nxt.norm not in _FUNCTION
                and not (nxt.text[:1].isupper())
            )
            if not has_head and c.subtype == "intensifier" and c.intensity == 1:
                continue  # a mild intensifier with nothing to intensify ("cooperate fully with")
            if has_head and nxt is not None:
                head = by_start.get(nxt.start)
                if (
                    head is not None
                    and head.category in {"attitude", "label", "booster"}
                    and head.rule == ""
                ):
                    skip.add(id(head))
                    cat = head.category if head.category != "booster" else "booster"
                    sub = head.subtype if head.category != "booster" else c.subtype
                    inten = min(3, max(head.intensity, c.intensity) + 1)
                    pol = head.polarity or c.polarity
                    htext = text[head.start : head.end]
                    end = head.end
                else:
                    cat, sub, inten, pol = "booster", c.subtype, c.intensity, c.polarity
                    htext = nxt.text
                    end = nxt.end
                mod = text[c.start : c.end]
                c = _Cand(
                    c.start,
                    end,
                    cat,
                    sub,
                    pol,
                    inten,
                    f"“{mod}” turns up the force of “{htext}” (intensifier plus head: "
                    f"{cat}, {INTENSITY_LABELS[inten]}). {_why('booster')}"
                    + (
                        f" “{htext}” itself: {CATEGORIES[cat].description}."
                        if cat != "booster"
                        else ""
                    ),
                    "rule",
                    "intensifier+head",
                    c.term,
                    3,
                )
        # negation
        if c.category in {"attitude", "booster"} and c.rule != "comparison":
            n = word_idx.get(c.start)
            if n is not None:
                m = n - 1
                gap = 0
                while m >= 0 and tokens[m].is_word and tokens[m].norm in _NEG_GAP and gap < 2:
                    m -= 1
                    gap += 1
                if m >= 0 and tokens[m].is_word and _is_negator(tokens[m].norm):
                    neg = tokens[m]
                    inner = text[c.start : c.end]
                    if c.category == "attitude" and c.polarity:
                        pol = "negative" if c.polarity == "positive" else "positive"
                        c = _Cand(
                            neg.start,
                            c.end,
                            "attitude",
                            c.subtype,
                            pol,
                            max(1, c.intensity - (0 if pol == "negative" else 1)),
                            f"“{neg.text}” negates “{inner}”, so the phrase judges {pol}ly "
                            f"(negation: {pol} {c.subtype}). {_why('attitude')}",
                            "rule",
                            "negation",
                            c.term,
                            3,
                        )
                    elif c.category == "booster" and c.subtype == "certainty":
                        c = _Cand(
                            neg.start,
                            c.end,
                            "hedge",
                            "epistemic",
                            None,
                            1,
                            f"“{neg.text}” negates the certainty of “{inner}”, so the phrase "
                            f"qualifies the claim (negation: hedge). {_why('hedge')}",
                            "rule",
                            "negation",
                            c.term,
                            3,
                        )
        merged.append(c)
    # resolve overlaps: higher priority, then longer, wins
    merged.sort(key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    taken: list[_Cand] = []
    for c in merged:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


def spans_for_sentences(
    article: Article, sentences: Iterable[Sentence], backup: bool = True
) -> list[EvalSpan]:
    """Evaluative spans in ``sentences`` of ``article`` (scare quotes added by the caller)."""
    out: list[EvalSpan] = []
    text = article.text
    for s in sentences:
        for c in _sentence_cands(text, s, backup):
            out.append(
                EvalSpan(
                    c.start,
                    c.end,
                    text[c.start : c.end],
                    c.category,
                    c.subtype,
                    c.polarity,
                    c.intensity,
                    c.explanation,
                    c.source,
                    c.rule,
                    c.term,
                    s.paragraph,
                    s.index,
                )
            )
    return out


_WORD_RE = re.compile(r"[A-Za-z]")
