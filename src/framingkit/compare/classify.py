"""Kind, effect and a one-sentence explanation for each word-level difference.

The effect comes from general evidence only (see :mod:`framingkit.compare.evidence`):
negation added or removed, the evaluative force of each side's lexicon cues
(attitude, force, proclaim, distancing attribution and labels count up; downtoners
and entertain count down; see ``evidence.FORCE_SIGN``), presupposition triggers, modal
verbs, numbers, and detail dropped.

>>> from framingkit.document import load_article
>>> from framingkit.compare.diff import phrase_diff
>>> a, b = load_article("It was not true."), load_article("It was true.")
>>> h = phrase_diff(a.tokens, b.tokens)[0]
>>> classify_hunk(h, a.tokens, b.tokens, a.text, b.text)[:2]
('omission', 'shifted')
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from ..document import Token
from ..spot.categories import INTENSITY_LABELS
from .align import STOPWORDS, stem
from .diff import Hunk, diff_tokens
from .evidence import Cue, cue_label, find_cues, force, is_evaluative, opposites, same_referent
from .voice import attribution_words

_NUM_RE = re.compile(r"\d")
_RULES = ("rule", "periphrastic")
_CAT_NAMES = {
    "presupposition": "presupposition trigger",
}


def _number(s: str) -> str:
    """A number in a comparable form: thousands separators dropped, year ranges expanded.

    >>> _number("1858-60"), _number("4,200km")
    ('1858-1860', '4200km')
    """
    s = re.sub(r"(?<=\d),(?=\d{3})", "", s)
    return re.sub(r"\b(\d{2})(\d{2})-(\d{2})\b", r"\1\2-\1\3", s)


def _overlapping(cues: Sequence[Cue], i1: int, i2: int) -> list[Cue]:
    if i2 == i1:
        return []
    return [c for c in cues if c.i < i2 and c.j > i1]


def _describe(c: Cue, surface: str = "") -> str:
    bits = [_CAT_NAMES.get(c.category) or cue_label(c)]
    if c.category in ("modal", "presupposition"):
        bits.append(c.note)
    if c.polarity:
        bits.append(c.polarity)
    if is_evaluative(c):
        bits.append(INTENSITY_LABELS.get(c.intensity, f"intensity {c.intensity}"))
    if surface and surface.lower() != c.term:
        return f"'{surface}' ({', '.join(bits)}; read as '{c.term}')"
    return f"'{c.term}' ({', '.join(bits)})"


def _side(text: str, cues: Sequence[Cue], toks: Sequence[Token]) -> str:
    if not text:
        return "nothing"
    if not cues:
        return f"'{text}' (no evaluative word the kit knows)"
    return " and ".join(_describe(c, _surface(toks, c)) for c in cues)


def _contrast(
    kind: str,
    a_str: str,
    b_str: str,
    ca: Sequence[Cue],
    cb: Sequence[Cue],
    at: Sequence[Token],
    bt: Sequence[Token],
) -> str:
    if kind == "addition":
        return f"B adds '{b_str}'" + (f", giving {_side(b_str, cb, bt)}" if cb else "")
    if kind == "omission":
        return f"B drops '{a_str}'" + (f", losing {_side(a_str, ca, at)}" if ca else "")
    return f"{_side(a_str, ca, at)} becomes {_side(b_str, cb, bt)}"


def _surface(toks: Sequence[Token], c: Cue) -> str:
    return " ".join(t.text for t in toks[c.i : c.j])


def _names(toks: Sequence[Token]) -> frozenset[int]:
    """Positions of capitalised words inside a sentence (parts of names)."""
    out = set()
    for k, t in enumerate(toks):
        if k and t.text[:1].isupper() and toks[k - 1].text not in (".", "!", "?", ":"):
            out.add(k)
    return frozenset(out)


def _short(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _names_on_both_sides(
    at: Sequence[Token], bt: Sequence[Token], first_a: bool, first_b: bool
) -> bool:
    """Both sides are one or two capitalised words, not at the start of a sentence."""
    if not at or not bt or len(at) > 2 or len(bt) > 2:
        return False
    caps_a = all(t.text[:1].isupper() for t in at) and not first_a
    caps_b = all(t.text[:1].isupper() for t in bt) and not first_b
    return caps_a and caps_b


def _is_spelling(at: Sequence[Token], bt: Sequence[Token], first_a: bool, first_b: bool) -> bool:
    if not at or not bt or len(at) > 2 or len(bt) > 2:
        return False
    if all(t.norm in STOPWORDS for t in (*at, *bt) if t.is_word):
        return False  # "these" / "those": different function words, not a spelling
    if _names_on_both_sides(at, bt, first_a, first_b):
        # a name changed in a few letters is often another person ("Whitfield" /
        # "Whitford"): a variant only when the gazetteer knows both as one actor, or the
        # change is one of case, diacritics, hyphens or a known transliteration pattern
        name_a, name_b = " ".join(t.text for t in at), " ".join(t.text for t in bt)
        return bool(same_referent(name_a, name_b)) or name_variant(name_a, name_b)
    a = " ".join(t.norm for t in at)
    b = " ".join(t.norm for t in bt)
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.7


#: Transliteration patterns: letter groups that render one sound in different romanisations
#: ("Tschaikowsky" / "Tchaikovsky", "Yeltsin" / "Jelzin", "Mohammed" / "Muhammad").
_TRANSLIT = (
    ("tsch", "ch"),
    ("tch", "ch"),
    ("kh", "ch"),
    ("sch", "sh"),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("ph", "f"),
    ("ks", "x"),
    ("ck", "k"),
    ("q", "k"),
    ("w", "v"),
    ("ts", "z"),
    ("tz", "z"),
    ("cz", "z"),
    ("dh", "d"),
    ("ou", "u"),
    ("oo", "u"),
    ("o", "u"),
    ("e", "a"),
    ("y", "i"),
    ("j", "i"),
)


#: Letters that Unicode does not decompose into a base letter and a diacritic.
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "ı": "i"})


def _fold_name(name: str) -> str:
    """A name without case, diacritics, hyphens, apostrophes or spaces."""
    decomposed = unicodedata.normalize("NFKD", name.lower().translate(_LETTERS))
    return "".join(ch for ch in decomposed if ch.isalnum())


def derived_name(a: str, b: str) -> bool:
    """Whether one name is the other with a derivational ending ("China" / "Chinese").

    >>> derived_name("Ukraine", "Ukrainian"), derived_name("Whitfield", "Whitford")
    (True, False)
    """
    x, y = sorted((_fold_name(a), _fold_name(b)), key=len)
    return len(x) >= 4 and x != y and y.startswith(x[:-1]) and len(y) - len(x) <= 3


def name_variant(a: str, b: str) -> bool:
    """Whether two names differ only in case, diacritics, hyphenation, transliteration, a
    possessive or a derivational ending ("Ukraine" / "Ukrainian", "China's" / "China").

    >>> name_variant("Sørensen", "Sorensen"), name_variant("Tchaikovsky", "Tschaikowsky")
    (True, True)
    >>> name_variant("Whitfield", "Whitford"), name_variant("Smith", "Jones")
    (False, False)
    """
    x, y = _fold_name(re.sub(r"['’]s$", "", a)), _fold_name(re.sub(r"['’]s$", "", b))
    if x == y or derived_name(x, y):
        return True
    for old, new in _TRANSLIT:
        x, y = x.replace(old, new), y.replace(old, new)
    x, y = re.sub(r"(.)\1+", r"\1", x), re.sub(r"(.)\1+", r"\1", y)
    return x == y


_FORM_SUFFIXES = ("al", "ally", "ly", "ical")


def _form_variants(
    ca: Sequence[Cue], cb: Sequence[Cue], at: Sequence[Token], bt: Sequence[Token]
) -> dict[str, str]:
    """Cue terms of one side whose word stands on the other side in another form (a suffix
    more or less: "historic" / "historical"), mapped to that form.

    >>> from framingkit.document import load_article
    >>> a, b = load_article("The historical claims."), load_article("The historic claims.")
    >>> cb = find_cues(["historic"])
    >>> _form_variants([], cb, a.tokens[1:2], b.tokens[1:2])
    {'historic': 'historical'}
    """
    out: dict[str, str] = {}
    for cues, other in ((ca, bt), (cb, at)):
        words = {t.norm for t in other if t.is_word}
        for c in cues:
            if c.j - c.i != 1:
                continue
            for w in words:
                short, long_ = sorted((c.term, w), key=len)
                if w != c.term and any(long_ == short + x for x in _FORM_SUFFIXES):
                    out[c.term] = w
    same = {c.term for c in ca} & {c.term for c in cb}
    return {k: v for k, v in out.items() if k not in same}


def _attribution_change(
    at: Sequence[Token],
    bt: Sequence[Token],
    a_all: Sequence[str],
    b_all: Sequence[str],
    a_str: str,
    b_str: str,
) -> str | None:
    """The explanation when a hunk drops or adds the attribution of its sentence, else None.

    Only when the other version's whole sentence has no attribution left: a quotation retold
    as "According to X, ..." moves the attribution, it does not drop it.
    """
    said_a = attribution_words([t.norm for t in at if t.is_word])
    said_b = attribution_words([t.norm for t in bt if t.is_word])
    if said_a and not said_b and not attribution_words(b_all):
        return (
            f"Attribution dropped: B leaves out '{a_str}' ('{said_a[0]}'), so what A reported "
            "as a source's view or figure now reads as the writer's own statement."
        )
    if said_b and not said_a and not attribution_words(a_all):
        return (
            f"Attribution added: B adds '{b_str}' ('{said_b[0]}'), so what A stated as fact "
            "is now presented as a source's claim, which the writer no longer vouches for."
        )
    changed = [*at, *bt]
    extra = [
        t
        for k, t in enumerate(changed)
        if t.is_word
        and t.norm not in STOPWORDS
        and not (k and t.text[:1].isupper())
        and not attribution_words([t.norm])
    ]
    if ((said_a and not said_b) or (said_b and not said_a)) and len(extra) <= 1:
        return (
            f"The attribution moves within the sentence ('{a_str or '-'}' / '{b_str or '-'}'): "
            "the words are still credited to a source, in another construction (such as a "
            'quotation retold as "According to X, ...").'
        )
    return None


def _negates_kept(c: Cue, toks: Sequence[Token], lo: int, hi: int, other: Sequence[Token]) -> bool:
    """Whether negation ``c`` (in ``toks``) negates words kept on both sides.

    Its target is the first content word after it in the same clause. The negation counts
    when the target lies outside the changed words ``toks[lo:hi]`` (kept), or is changed
    but found again in the other side's changed words ``other`` ("did not confirm" /
    "confirmed"); it does not when the target went with it ("no alternative to driving").
    """
    for k in range(c.j, min(len(toks), c.j + 4)):
        t = toks[k]
        if not t.is_word:
            break
        if t.norm in STOPWORDS:
            continue
        if not lo <= k < hi:
            return True
        return stem(t.norm) in {stem(o.norm) for o in other if o.is_word}
    return True


def _reorder_explanation(
    h: Hunk, at_all: Sequence[Token], bt_all: Sequence[Token], a_str: str, b_str: str
) -> str:
    """Explain a word that stands elsewhere in the other version of its sentence."""

    def place(toks: Sequence[Token], k: int) -> str:
        if k == 0 or (not toks[k - 1].is_word and toks[k - 1].text in ".!?"):
            return "opens the sentence"
        if k + 1 >= len(toks) or not toks[k + 1].is_word:
            return "closes its clause, where the stress falls"
        return ""

    pa, pb = place(at_all, h.i1), place(bt_all, h.j1)
    base = (
        f"Reordered: '{h.a_tokens[0].text}' stands elsewhere in the sentence ('{a_str}' / "
        f"'{b_str}'): the same words in another order"
    )
    if pa == pb:
        return f"{base}."
    if pa and pb:
        return f"{base}; the emphasis moves: in A it {pa}, in B it {pb}."
    return f"{base}; the emphasis moves: {'in A' if pa else 'in B'} it {pa or pb}."


def expand(
    h: Hunk, a_cues: Sequence[Cue], b_cues: Sequence[Cue], na: int, nb: int
) -> tuple[int, int, int, int]:
    """Token ranges of a hunk widened to whole lexicon phrases that overlap it."""
    i1, i2, j1, j2 = h.i1, h.i2, h.j1, h.j2
    left = right = 0
    for c in _overlapping(a_cues, i1, i2) if i2 > i1 else []:
        left = max(left, i1 - c.i)
        right = max(right, c.j - i2)
    for c in _overlapping(b_cues, j1, j2) if j2 > j1 else []:
        left = max(left, j1 - c.i)
        right = max(right, c.j - j2)
    left = min(left, i1, j1)
    right = min(right, na - i2, nb - j2)
    if h.tag in ("insert", "delete"):
        return i1, i2, j1, j2
    return i1 - left, i2 + right, j1 - left, j2 + right


#: Words either side of a change searched for lexicon phrases that overlap it.
WINDOW = 4


def _window_cues(words: Sequence[str], names: frozenset[int], i1: int, i2: int) -> list[Cue]:
    """Cues in the words around ``words[i1:i2]``, with positions in the whole sequence."""
    lo, hi = max(0, i1 - WINDOW), min(len(words), i2 + WINDOW)
    sub = frozenset(k - lo for k in names if lo <= k < hi)
    return [
        Cue(
            c.i + lo,
            c.j + lo,
            c.term,
            c.category,
            c.subtype,
            c.polarity,
            c.intensity,
            c.note,
            c.source,
        )
        for c in find_cues(words[lo:hi], sub)
    ]


def classify_hunk(
    h: Hunk,
    a_tokens: Sequence[Token],
    b_tokens: Sequence[Token],
    a_text: str,
    b_text: str,
) -> tuple[str, str, str, tuple[str, ...], tuple[int, int, int, int]]:
    """``(kind, effect, explanation, evidence, (a_start, a_end, b_start, b_end))`` of a hunk.

    ``a_tokens``/``b_tokens`` are the tokens of the aligned units the hunk came from.
    """
    offs = (h.a_start, h.a_end, h.b_start, h.b_end)
    at, bt = list(h.a_tokens), list(h.b_tokens)
    a_str, b_str = _short(h.a_text(a_text)), _short(h.b_text(b_text))
    if h.tag == "typography":
        return (
            "typography",
            "neutral",
            f"Only typography differs: '{a_str}' and '{b_str}' are the same word.",
            (),
            offs,
        )
    at_all = diff_tokens(a_tokens)
    bt_all = diff_tokens(b_tokens)
    if h.tag == "reorder":
        expl = _reorder_explanation(h, at_all, bt_all, a_str, b_str)
        return ("move", "neutral", expl, (), offs)

    def initial(toks: Sequence[Token], k: int) -> bool:
        return k == 0 or toks[k - 1].text in (".", "!", "?")

    starts = initial(at_all, h.i1), initial(bt_all, h.j1)
    if h.tag == "case" and (h.i1 == 0) != (h.j1 == 0) and starts[0] != starts[1]:
        return (
            "spelling",
            "neutral",
            f"'{a_str}' / '{b_str}': only the capital letter differs, as the word opens "
            f"the sentence in {'A' if h.i1 == 0 else 'B'} only.",
            (),
            offs,
        )
    if h.tag == "case" and initial(at_all, h.i1) != initial(bt_all, h.j1):
        return (
            "segmentation",
            "neutral",
            f"'{a_str}' / '{b_str}': the capital letter follows a moved sentence boundary.",
            (),
            offs,
        )
    if h.tag == "case":
        return (
            "spelling",
            "neutral",
            f"Only capital letters differ: '{a_str}' / '{b_str}'.",
            (),
            offs,
        )
    ends = {t.text for t in (*at, *bt)} & {".", "!", "?"}
    if ends and all(t.norm in STOPWORDS for t in (*at, *bt) if t.is_word):
        return (
            "segmentation",
            "neutral",
            f"A sentence boundary moved: '{a_str or ' '}' / '{b_str or ' '}'.",
            (),
            offs,
        )
    if not any(t.is_word for t in at) and not any(t.is_word for t in bt):
        if ends:
            where = "added in B" if len(bt) > len(at) else "removed in B"
            return (
                "segmentation",
                "neutral",
                f"A sentence-ending mark is {where} ('{a_str or ' '}' / '{b_str or ' '}'), "
                "moving a sentence boundary.",
                (),
                offs,
            )
        return (
            "typography",
            "neutral",
            f"Only punctuation differs: '{a_str or ' '}' / '{b_str or ' '}'.",
            (),
            offs,
        )

    a_words = [t.norm for t in at_all]
    b_words = [t.norm for t in bt_all]
    a_cues_all = _window_cues(a_words, _names(at_all), h.i1, h.i2)
    b_cues_all = _window_cues(b_words, _names(bt_all), h.j1, h.j2)
    i1, i2, j1, j2 = expand(
        h,
        [c for c in a_cues_all if c.source != "periphrastic"],
        [c for c in b_cues_all if c.source != "periphrastic"],
        len(at_all),
        len(bt_all),
    )
    at, bt = at_all[i1:i2], bt_all[j1:j2]
    if at:
        offs = (at[0].start, at[-1].end, *offs[2:])
    if bt:
        offs = (*offs[:2], bt[0].start, bt[-1].end)
    a_str = _short(a_text[offs[0] : offs[1]]) if at else ""
    b_str = _short(b_text[offs[2] : offs[3]]) if bt else ""
    ca = _overlapping(a_cues_all, i1, i2)
    cb = _overlapping(b_cues_all, j1, j2)
    kind = {"replace": "wording", "delete": "omission", "insert": "addition"}[h.tag]
    evidence = tuple(f"A: {_describe(c, _surface(at_all, c))}" for c in ca) + tuple(
        f"B: {_describe(c, _surface(bt_all, c))}" for c in cb
    )

    if kind == "wording" and _is_spelling(at, bt, i1 == 0, j1 == 0):
        terms_a = {c.term for c in ca}
        terms_b = {c.term for c in cb}
        if terms_a == terms_b:
            derived = derived_name(a_str, b_str)
            return (
                "spelling",
                "neutral",
                f"Another form of the same name: '{a_str}' / '{b_str}' (a derived word, not "
                "another person or place)."
                if derived
                else f"A variant spelling or name: '{a_str}' / '{b_str}'.",
                evidence,
                offs,
            )

    # a cue whose word stands in the other version in another form ("historical" /
    # "historic"): most likely a variant, not an evaluation added or dropped
    variants = _form_variants(ca, cb, at, bt)
    if variants:
        ca = [c for c in ca if c.term not in variants]
        cb = [c for c in cb if c.term not in variants]
        if not ca and not cb and kind == "wording":
            pair = next(iter(variants.items()))
            return (
                kind,
                "neutral",
                f"Two forms of one word: '{pair[1]}' / '{pair[0]}' ('{a_str}' / '{b_str}'). "
                f"The lexicon rates '{pair[0]}' as evaluative, but beside '{pair[1]}' in the "
                "other version it is most likely a variant (as a translation gives); check "
                "the context.",
                evidence,
                offs,
            )

    # attribution: a source named in A only, or in B only (the voice moves, see voice.py)
    voice = _attribution_change(at, bt, a_words, b_words, a_str, b_str)
    if voice:
        moved = voice.startswith("The attribution moves")
        return ("quotation", "neutral" if moved else "attribution", voice, evidence, offs)

    # closed-class cues count only when the whole units differ in them (not a word moved)
    count_a = Counter(a_words)
    count_b = Counter(b_words)

    def differs(c: Cue) -> bool:
        return c.i + 1 != c.j or count_a[c.term] != count_b[c.term]

    ca = [c for c in ca if c.source not in _RULES or c.hedges or differs(c)]
    cb = [c for c in cb if c.source not in _RULES or c.hedges or differs(c)]
    # a periphrastic modal ("need to") only shows that a modal verb was reworded with the
    # same force ("must" / "need to"); on its own ("had to be done" / "to be done") it is
    # no evidence
    modal_a = Counter(c.note for c in ca if c.category == "modal")
    modal_b = Counter(c.note for c in cb if c.category == "modal")
    same_modal = bool(modal_a) and modal_a == modal_b
    ca = [c for c in ca if c.source != "periphrastic" or same_modal]
    cb = [c for c in cb if c.source != "periphrastic" or same_modal]
    # a negation counts when what it negates is kept on both sides ("not true" / "true"),
    # not when it goes with a clause dropped or retold ("no alternative to driving" / -)
    neg_a = [c for c in ca if c.category == "negation"]
    neg_b = [c for c in cb if c.category == "negation"]
    inert = [
        c
        for negs, toks, lo, hi, other in (
            (neg_a, at_all, i1, i2, bt),
            (neg_b, bt_all, j1, j2, at),
        )
        for c in negs
        if not _negates_kept(c, toks, lo, hi, other)
    ]
    neg_a = [c for c in neg_a if c not in inert]
    neg_b = [c for c in neg_b if c not in inert]
    if inert and kind == "omission" and not neg_a and not neg_b:
        return (
            kind,
            "weaker",
            f"Detail dropped: '{a_str}' is missing from B (the negation "
            f"'{inert[0].term}' went with the words it negated).",
            evidence,
            offs,
        )
    if len(neg_a) != len(neg_b):
        what = "added" if len(neg_b) > len(neg_a) else "removed"
        word = (neg_b or neg_a)[0].term
        return (
            kind,
            "shifted",
            f"Meaning shifted: the negation '{word}' was {what}, so the statement "
            f"now says something different.",
            evidence,
            offs,
        )
    # a hedge dropped together with the statement it hedges ("and may keep a reading room
    # open" / -) leaves B no less hedged: the statement is gone, not made certain
    hedges_a = [c for c in ca if c.hedges]
    if kind in ("omission", "wording") and hedges_a and not cb:
        inside = {k for c in hedges_a for k in range(c.i, c.j)}
        kept = {t.norm for t in bt if t.is_word}
        new_b = [t for t in bt if t.is_word and t.norm not in STOPWORDS]
        new_b = [t for t in new_b if t.norm not in {x.norm for x in at_all[i1:i2]}]
        rest = [
            t
            for k, t in enumerate(at_all[i1:i2], start=i1)
            if k not in inside and t.is_word and t.norm not in STOPWORDS and t.norm not in kept
        ]
        if len(rest) >= 2 and not new_b:  # B keeps nothing new: the statement is gone
            others = [c for c in ca if not c.hedges]
            if not others or force(others) == 0:
                return (
                    kind,
                    "weaker",
                    f"Detail dropped: '{a_str}' is missing from B. The hedge "
                    f"'{hedges_a[0].term}' went with the statement it hedged, so B is not "
                    "less hedged: the statement is gone.",
                    evidence,
                    offs,
                )
            ca = others
    flipped = opposites([t.norm for t in at if t.is_word], [t.norm for t in bt if t.is_word])
    if flipped:
        return (
            kind,
            "shifted",
            f"Meaning shifted: '{flipped[0]}' and '{flipped[1]}' point in opposite directions, "
            f"so '{a_str}' / '{b_str}' says the reverse.",
            evidence,
            offs,
        )
    fa, fb = force(ca), force(cb)
    if fa != fb:
        effect = "stronger" if fb > fa else "weaker"
        hedges = {c.term for c in ca if c.hedges} ^ {c.term for c in cb if c.hedges}
        if hedges:
            why = "less hedged" if effect == "stronger" else "more hedged"
        else:
            why = "more charged" if effect == "stronger" else "less charged"
        return (
            kind,
            effect,
            f"{effect.capitalize()}: {_contrast(kind, a_str, b_str, ca, cb, at_all, bt_all)}, "
            f"so the wording is {why}.",
            evidence,
            offs,
        )
    for cat, label in (("presupposition", "presupposition trigger"), ("modal", "modal verb")):
        pa = {c.term for c in ca if c.category == cat}
        pb = {c.term for c in cb if c.category == cat}
        if cat == "modal" and same_modal:
            continue  # "must" / "need to": the same modal force in other words
        if pa != pb:
            words = ", ".join(f"'{w}'" for w in sorted(pa ^ pb))
            notes = {c.note for c in (*ca, *cb) if c.term in pa ^ pb}
            return (
                kind,
                "shifted",
                f"Meaning shifted: the {label} {words} ({'; '.join(sorted(notes))}) "
                f"{'appears only in ' + ('B' if pb - pa else 'A')}.",
                evidence,
                offs,
            )
    nums_a = sorted(_number(t.norm) for t in at if _NUM_RE.search(t.norm))
    nums_b = sorted(_number(t.norm) for t in bt if _NUM_RE.search(t.norm))
    if nums_a and not nums_b:
        return (
            kind,
            "weaker",
            f"Detail dropped: the figure{'s' if len(nums_a) > 1 else ''} "
            f"'{' '.join(nums_a)}' of A {'have' if len(nums_a) > 1 else 'has'} no counterpart "
            f"in B ('{a_str}' / '{b_str}').",
            evidence,
            offs,
        )
    if nums_a != nums_b:
        return (
            kind,
            "shifted",
            f"Meaning shifted: the figures differ ('{' '.join(nums_a) or '-'}' / "
            f"'{' '.join(nums_b) or '-'}').",
            evidence,
            offs,
        )
    if kind == "wording" and _names_on_both_sides(at, bt, i1 == 0, j1 == 0):
        return (
            kind,
            "shifted",
            f"A different name: '{a_str}' / '{b_str}'. Unless both name the same person, place "
            f"or body (an older or variant name), the text now speaks of someone or somewhere "
            f"else.",
            evidence,
            offs,
        )
    content_a = [t for t in at if t.is_word and t.norm not in STOPWORDS]
    content_b = [t for t in bt if t.is_word and t.norm not in STOPWORDS]
    if kind == "omission" and content_a:
        return (kind, "weaker", f"Detail dropped: '{a_str}' is missing from B.", evidence, offs)
    if kind == "addition":
        extra = "" if content_b else " (function words only)"
        return (
            kind,
            "neutral",
            f"Words added in B{extra}: '{b_str}'; no evaluative, hedging, negation or "
            f"presupposition cue among them.",
            evidence,
            offs,
        )
    if kind == "omission":
        return (kind, "neutral", f"Function words dropped: '{a_str}'.", evidence, offs)
    terms_a = ", ".join(dict.fromkeys(f"'{c.term}'" for c in ca))
    terms_b = ", ".join(dict.fromkeys(f"'{c.term}'" for c in cb))
    if same_modal and {c.term for c in ca} != {c.term for c in cb}:
        same = f"the same modal force: {', '.join(sorted(modal_a))}"
        if {c.category for c in (*ca, *cb)} != {"modal"}:
            same = f"A carries {terms_a}, B {terms_b}, with {same}"
    elif not ca and not cb:
        same = "neither is an evaluative word the kit knows"
    elif terms_a == terms_b:
        same = f"both carry {terms_a}"
    else:
        same = f"A carries {terms_a or 'no cue'}, B {terms_b or 'no cue'}, of equal weight"
    return (
        kind,
        "neutral",
        f"Different words, same force: '{a_str}' / '{b_str}' ({same}).",
        evidence,
        offs,
    )
