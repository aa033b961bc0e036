"""Changes beyond the words: paratext, quotation marks, sentence and paragraph boundaries.

Paratext changes come from comparing :attr:`Article.paratext` of both versions;
quotation changes from :attr:`Article.quotations` (the voice moves when marks
disappear); segmentation changes from n:1 / 1:n links, paragraph merges and
sentences whose punctuation had to be repaired.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from itertools import zip_longest

from ..document import GENRES, NOTE_KINDS, Article, Paratext, Sentence, Span, note_kind
from ..segment import split_tokens
from ..spot.categories import INTENSITY_LABELS
from ..typography import fold
from .align import STOPWORDS
from .evidence import Cue, cue_label, find_cues, force, opposites
from .model import Change, Link
from .voice import attribution_words


class OffsetMap:
    """Maps character offsets of A to B (and back) through matched tokens.

    >>> m = OffsetMap([(0, 2, 10, 12), (5, 8, 20, 23)])
    >>> m.a_to_b(6), m.b_to_a(21)
    (21, 6)
    """

    def __init__(self, pairs: Sequence[tuple[int, int, int, int]]) -> None:
        self.by_a = sorted(pairs)
        self.a_keys = [p[0] for p in self.by_a]
        self.by_b = sorted(pairs, key=lambda p: p[2])
        self.b_keys = [p[2] for p in self.by_b]

    def a_to_b(self, pos: int) -> int:
        """The offset in B of the matched token at or before ``pos`` in A (0 if none)."""
        k = bisect.bisect_right(self.a_keys, pos) - 1
        if k < 0:
            return 0
        a0, a1, b0, b1 = self.by_a[k]
        return b0 + min(pos - a0, b1 - b0) if pos < a1 else b1

    def b_to_a(self, pos: int) -> int:
        """The offset in A of the matched token at or before ``pos`` in B (0 if none)."""
        k = bisect.bisect_right(self.b_keys, pos) - 1
        if k < 0:
            return 0
        a0, a1, b0, b1 = self.by_b[k]
        return a0 + min(pos - b0, a1 - a0) if pos < b1 else a1

    def a_span_to_b(self, start: int, end: int) -> tuple[int, int]:
        """The span of B matched to ``A[start:end]`` (tokens inside it), or a point."""
        lo = bisect.bisect_left(self.a_keys, start)
        hi = bisect.bisect_left(self.a_keys, end)
        if lo < hi:
            bs = [self.by_a[k] for k in range(lo, hi)]
            return min(p[2] for p in bs), max(p[3] for p in bs)
        p = self.a_to_b(start)
        return p, p

    def kept_share(self, side: str, start: int, end: int, words: int) -> float:
        """The share of the ``words`` words in ``start:end`` of ``side`` matched in the other text.

        >>> OffsetMap([(0, 2, 10, 12), (5, 8, 20, 23)]).kept_share("a", 0, 9, 4)
        0.5
        """
        keys = self.a_keys if side == "a" else self.b_keys
        n = bisect.bisect_left(keys, end) - bisect.bisect_left(keys, start)
        return n / words if words else 0.0

    def b_span_to_a(self, start: int, end: int) -> tuple[int, int]:
        """The span of A matched to ``B[start:end]``, or a point."""
        lo = bisect.bisect_left(self.b_keys, start)
        hi = bisect.bisect_left(self.b_keys, end)
        if lo < hi:
            bs = [self.by_b[k] for k in range(lo, hi)]
            return min(p[0] for p in bs), max(p[1] for p in bs)
        p = self.b_to_a(start)
        return p, p


def _norm(s: str) -> str:
    return " ".join(re.findall(r"\w+", fold(s).lower()))


def _short(s: str, n: int = 70) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _line_words(text: str) -> tuple[list[str], frozenset[int]]:
    """Lower-case folded words of a line and the positions of capitalised words inside it
    (parts of names, not looked up alone), none when the line is in title case."""
    toks = [text[s:e] for s, e in split_tokens(text)]
    toks = [t for t in toks if any(ch.isalnum() for ch in t)]
    caps = [k for k, t in enumerate(toks) if k and t[:1].isupper()]
    content = [t for t in toks[1:] if t.lower() not in STOPWORDS]
    title_case = bool(content) and len(caps) >= 0.6 * len(content)
    names = frozenset() if title_case else frozenset(caps)
    return [fold(t).lower() for t in toks], names


def _plain_note(c: Cue) -> str:
    """A cue's note without nested brackets: 'change of state: takes the former state ...'."""
    return re.sub(r"\s*\((.*)\)$", r": \1", c.note)


def _cue_text(c: Cue) -> str:
    if c.category in ("modal", "presupposition", "negation"):
        return f"'{c.term}' ({c.category}, {_plain_note(c)})"
    bits = [cue_label(c)]
    if c.polarity:
        bits.append(c.polarity)
    bits.append(INTENSITY_LABELS.get(c.intensity, f"intensity {c.intensity}"))
    return f"'{c.term}' ({', '.join(bits)})"


def weigh_lines(a_text: str, b_text: str, what: str) -> tuple[str, str, tuple[str, ...]] | None:
    """The effect of rewording a paratext line (a headline, a caption), weighed with the same
    evidence as body wording (:mod:`framingkit.compare.evidence`: the spotter's lexicon,
    negation, opposites, presupposition triggers, modal verbs); ``None`` when no cue differs.

    Returns ``(effect, clause, evidence)``; the clause completes "The headline changed from
    … to …: ".

    >>> effect, why, _ = weigh_lines("Protesters gather", "Rioters storm the gates", "headline")
    >>> effect, why.split(", so")[0]
    ('stronger', "B's headline adds 'rioters' (label, negative, moderate)")
    """
    wa, na = _line_words(a_text)
    wb, nb = _line_words(b_text)
    ca, cb = find_cues(wa, na), find_cues(wb, nb)
    count_a, count_b = Counter(c.term for c in ca), Counter(c.term for c in cb)
    only_a = list({c.term: c for c in ca if count_a[c.term] > count_b[c.term]}.values())
    only_b = list({c.term: c for c in cb if count_b[c.term] > count_a[c.term]}.values())
    evidence = tuple(f"A: {_cue_text(c)}" for c in only_a) + tuple(
        f"B: {_cue_text(c)}" for c in only_b
    )
    neg_a = [c for c in only_a if c.category == "negation"]
    neg_b = [c for c in only_b if c.category == "negation"]
    if neg_a or neg_b:
        word = (neg_b or neg_a)[0].term
        done = "added" if neg_b else "removed"
        return "shifted", f"the negation '{word}' is {done}, so it says something else", evidence
    flipped = opposites(wa, wb)
    if flipped:
        return (
            "shifted",
            f"'{flipped[0]}' and '{flipped[1]}' point in opposite directions, so it says the "
            "reverse",
            evidence,
        )
    fa, fb = force(only_a), force(only_b)
    if fa != fb:
        effect = "stronger" if fb > fa else "weaker"
        parts = []
        if only_b and force(only_b):
            parts.append("adds " + " and ".join(_cue_text(c) for c in only_b if c.force))
        if only_a and force(only_a):
            parts.append("drops " + " and ".join(_cue_text(c) for c in only_a if c.force))
        hedged = any(c.hedges for c in (*only_a, *only_b))
        if hedged:
            why = "less hedged" if effect == "stronger" else "more hedged"
        else:
            why = "more charged" if effect == "stronger" else "less charged"
        return effect, f"B's {what} {' and '.join(parts)}, so it is {why}", evidence
    for cat, label in (("presupposition", "presupposition trigger"), ("modal", "modal verb")):
        diff = [c for c in (*only_a, *only_b) if c.category == cat]
        if diff:
            side = "B" if any(c in only_b for c in diff) else "A"
            return (
                "shifted",
                f"the {label} '{diff[0].term}' ({_plain_note(diff[0])}) appears only in {side}",
                evidence,
            )
    return None


def _note_gist(x: Article, span: Span) -> tuple[str, str]:
    """The kind of a note (a phrase of :data:`NOTE_KINDS`) and what it tells readers."""
    line = " ".join(x.masked[span.start : span.end].split())
    kind = note_kind(line) or "amendment"
    body = re.sub(
        r"^(?:corrections?\s+and\s+clarifications?|corrections?|clarifications?|updates?|"
        r"editors?['\u2019]?s?\s+note|note\s+from\s+the\s+editors?|authors?['\u2019]?s?\s+note|"
        r"amendments?|erratum|errata)\s*(?:\([^)]{0,40}\)\s*)?[:\u2013\u2014-]\s*",
        "",
        line,
        flags=re.IGNORECASE,
    )
    first = body.split()[0] if body.split() else ""
    if first.lower() in STOPWORDS:
        body = body[:1].lower() + body[1:]
    gist = _short(body, 240)
    return NOTE_KINDS[kind], gist if gist.endswith(("…", ".", "!", "?")) else gist + "."


def _genre_phrase(label: str | None, genre: str | None) -> str:
    """'the label 'Opinion' (one writer's view: ...)' for explanations."""
    if genre:
        return f"the genre label '{label}' ({GENRES[genre].tells})"
    return f"the label '{label}' (a label the kit's genre table does not know)"


def provenance_changes(
    pa: Paratext, pb: Paratext
) -> list[tuple[str, str, Span | None, Span | None]]:
    """Author, publisher, genre label and wire credit compared: ``(effect, explanation,
    span in A, span in B)`` for each that differs (effect ``attribution``: who speaks).

    >>> from framingkit.document import load_article
    >>> a = load_article("Votes to merge\\nBy Jo Rivera (News) - The Gazette\\n\\nIt met.")
    >>> b = load_article("Axes the library\\nPosted by Save Our Library - 4 May 2025\\n\\nIt met.")
    >>> for effect, why, _, _ in provenance_changes(a.paratext, b.paratext):
    ...     print(why[:50])
    B names no author: A credits the text to Jo Rivera
    The publisher changed from The Gazette to Save Our
    The genre label 'News' (a news report: events told
    """
    out: list[tuple[str, str, Span | None, Span | None]] = []
    la, lb = pa.byline or pa.label_span, pb.byline or pb.label_span

    def same(x: str | None, y: str | None) -> bool:
        return _norm(x or "") == _norm(y or "")

    if not same(pa.author, pb.author):
        if pa.author and not pb.author:
            why = (
                f"{'B names no author' if pb.byline else 'The byline is missing in B'}: A "
                f"credits the text to {pa.author}, so readers of B no longer see who wrote it"
                + (f" (B credits only {pb.publisher})." if pb.publisher else ".")
            )
        elif pb.author and not pa.author:
            why = f"B credits the text to {pb.author}, where A names no author."
        else:
            why = (
                f"The byline changed from {pa.author} to {pb.author}: the text is credited to "
                "another writer."
            )
        out.append(("attribution", why, pa.byline, pb.byline))
    if not same(pa.publisher, pb.publisher):
        if pa.publisher and pb.publisher:
            why = (
                f"The publisher changed from {pa.publisher} to {pb.publisher}: the same text "
                f"now comes from another source, so readers should ask who {pb.publisher} is "
                "and what it wants readers to think."
            )
        elif pa.publisher:
            why = (
                f"B does not say who publishes it: A names {pa.publisher}, so readers of B "
                "cannot tell where the text first appeared."
            )
        else:
            why = f"B names a publisher, {pb.publisher}, where A names none."
        out.append(("attribution", why, pa.byline, pb.byline))
    if not same(pa.wire, pb.wire):
        if pa.wire and not pb.wire:
            why = (
                f"B drops the news agency credit ({pa.wire}): readers are no longer told the "
                "story comes from a wire service."
            )
        elif pb.wire and not pa.wire:
            why = f"B credits a news agency ({pb.wire}): the story is presented as wire copy."
        else:
            why = f"The news agency credit changed from {pa.wire} to {pb.wire}."
        out.append(("attribution", why, la, lb))
    if not same(pa.label, pb.label):
        if pa.label and not pb.label:
            lost = GENRES[pa.genre].lost if pa.genre else "readers lose what it told them"
            phrase = _genre_phrase(pa.label, pa.genre)
            why = f"{phrase[0].upper()}{phrase[1:]} is gone: {lost}."
        elif pb.label and not pa.label:
            why = f"B adds {_genre_phrase(pb.label, pb.genre)}, telling readers how to read it."
        elif pa.genre == pb.genre and pa.genre:
            why = f"The genre label '{pa.label}' is printed as '{pb.label}' in B (the same genre)."
        else:
            why = (
                f"The genre label changed from '{pa.label}' to '{pb.label}': A tells readers "
                f"it is {GENRES[pa.genre].tells if pa.genre else 'of an unknown genre'}, B that "
                f"it is {GENRES[pb.genre].tells if pb.genre else 'of an unknown genre'}."
            )
        out.append(("attribution", why, pa.label_span or la, pb.label_span or lb))
    return out


def _first_body(x: Article) -> int:
    body = x.body
    return body[0].start if body else 0


def paratext_changes(a: Article, b: Article, omap: OffsetMap) -> list[Change]:
    """Headline, byline, label, date, standfirst, captions, links and emphasis compared."""
    pa, pb = a.paratext, b.paratext
    out: list[Change] = []
    a0, b0 = _first_body(a), _first_body(b)

    def add(effect: str, sa, sb, expl: str, evidence: tuple[str, ...] = ()) -> None:  # type: ignore[no-untyped-def]
        if sa is None and sb is not None and sb.start > b0:
            p = omap.b_to_a(sb.start)  # where the missing line would stand in A
            a_s = a_e = p if p > a0 else a0
        else:
            a_s, a_e = (sa.start, sa.end) if sa is not None else (a0, a0)
        if sb is None and sa is not None and sa.start > a0:
            p = omap.a_to_b(sa.start)
            b_s = b_e = p if p > b0 else b0
        else:
            b_s, b_e = (sb.start, sb.end) if sb is not None else (b0, b0)
        out.append(
            Change(
                "paratext",
                effect,
                a.text[a_s:a_e],
                b.text[b_s:b_e],
                a_s,
                a_e,
                b_s,
                b_e,
                expl,
                ("paratext", *evidence),
            )
        )

    # headline
    if pa.headline and not pb.headline:
        add(
            "weaker",
            pa.headline,
            None,
            f"The headline '{_short(pa.headline.text)}' is missing in B: readers lose the "
            "frame it sets before the text begins.",
        )
    elif pb.headline and not pa.headline:
        add(
            "shifted",
            None,
            pb.headline,
            f"B adds the headline '{_short(pb.headline.text)}', which frames the text "
            "before it begins.",
        )
    elif pa.headline and pb.headline and _norm(pa.headline.text) != _norm(pb.headline.text):
        weighed = weigh_lines(pa.headline.text, pb.headline.text, "headline")
        effect, why, evidence = weighed or (
            "shifted",
            "readers meet a different frame first",
            (),
        )
        add(
            effect,
            pa.headline,
            pb.headline,
            f"The headline changed from '{_short(pa.headline.text)}' to "
            f"'{_short(pb.headline.text)}': {why}.",
            evidence,
        )
    # provenance: who wrote it and who publishes it, each a change of its own; the genre
    # label; the wire credit (see provenance_changes)
    for effect, expl, span_a, span_b in provenance_changes(pa, pb):
        add(effect, span_a, span_b, expl)
    # translator's credit
    ta, tb = pa.translator_span, pb.translator_span
    if ta and not tb:
        add(
            "attribution",
            ta,
            None,
            f"The translator's credit '{_short(ta.text)}' is missing in B: readers are no "
            "longer told that the words are a translator's.",
        )
    elif tb and not ta:
        add(
            "attribution",
            None,
            tb,
            f"B adds the translator's credit '{_short(tb.text)}': readers are told that the "
            "words are a translator's.",
        )
    elif ta and tb and _norm(ta.text) != _norm(tb.text):
        other = (pa.translator or "") != (pb.translator or "")
        add(
            "attribution" if other else "neutral",
            ta,
            tb,
            f"The translator's credit changed from '{_short(ta.text)}' to '{_short(tb.text)}'"
            + (": the wording is another translator's." if other else "."),
        )
    # date
    if pa.date != pb.date:
        if pb.date and not pa.date:
            add("neutral", None, pb.date_span, f"B adds a date ({pb.date}) that A does not give.")
        elif pa.date and not pb.date:
            add("weaker", pa.date_span, None, f"The date ({pa.date}) is missing in B.")
        else:
            add(
                "shifted",
                pa.date_span,
                pb.date_span,
                f"The date changed from {pa.date} to {pb.date}.",
            )
    # "Updated ..." lines
    if pa.updated != pb.updated:
        if pb.updated and not pa.updated:
            add(
                "neutral",
                None,
                pb.updated_span,
                f"B says it was updated on {pb.updated}: the text may differ from what readers "
                "saw first (look for a note saying what changed).",
            )
        elif pa.updated and not pb.updated:
            add("neutral", pa.updated_span, None, f"A's update date ({pa.updated}) is not in B.")
        else:
            add(
                "neutral",
                pa.updated_span,
                pb.updated_span,
                f"The update date changed from {pa.updated} to {pb.updated}.",
            )
    # standfirst
    if pa.standfirst and not pb.standfirst:
        sb = omap.a_span_to_b(pa.standfirst.start, pa.standfirst.end)
        out.append(
            Change(
                "paratext",
                "weaker",
                a.text[pa.standfirst.start : pa.standfirst.end],
                b.text[sb[0] : sb[1]],
                pa.standfirst.start,
                pa.standfirst.end,
                *sb,
                "The standfirst (the summary set apart under the headline) runs on as "
                "ordinary text in B: it no longer stands out as the piece's framing summary.",
                ("paratext",),
            )
        )
    elif pb.standfirst and not pa.standfirst:
        sa = omap.b_span_to_a(pb.standfirst.start, pb.standfirst.end)
        out.append(
            Change(
                "paratext",
                "stronger",
                a.text[sa[0] : sa[1]],
                b.text[pb.standfirst.start : pb.standfirst.end],
                *sa,
                pb.standfirst.start,
                pb.standfirst.end,
                "B sets this passage apart as a standfirst, giving it the weight of a summary.",
                ("paratext",),
            )
        )
    # captions: a caption reworded is one change (pairs in order); the rest gone or new
    caps_b = {_norm(c.text): c for c in pb.captions}
    caps_a = {_norm(c.text): c for c in pa.captions}
    gone = [c for key, c in caps_a.items() if key not in caps_b]
    new = [c for key, c in caps_b.items() if key not in caps_a]
    for ca_, cb_ in zip(gone, new, strict=False):
        weighed = weigh_lines(ca_.text, cb_.text, "caption")
        effect, why, evidence = weighed or ("shifted", "the picture is framed differently", ())
        add(
            effect,
            ca_,
            cb_,
            f"The caption changed from '{_short(ca_.text)}' to '{_short(cb_.text)}': {why}.",
            evidence,
        )
    for c in gone[len(new) :]:
        add(
            "weaker",
            c,
            None,
            f"The caption '{_short(c.text)}' is missing in B: the picture's framing and "
            "credit are lost.",
        )
    for c in new[len(gone) :]:
        add("shifted", None, c, f"B adds the caption '{_short(c.text)}'.")
    # notes about the piece: corrections, updates, editor's notes
    notes_b = {_norm(n.text): n for n in pb.notes}
    notes_a = {_norm(n.text): n for n in pa.notes}
    gone = [n for key, n in notes_a.items() if key not in notes_b]
    new = [n for key, n in notes_b.items() if key not in notes_a]
    for na, nb in zip_longest(gone, new):  # paired first; then only one side has more
        kind, gist = _note_gist(b, nb) if nb is not None else _note_gist(a, na)
        if na is not None and nb is not None:
            effect = "shifted"
            expl = (
                f"The note about the piece changed from '{_short(na.text)}' to "
                f"'{_short(nb.text)}': in B, {kind} tells readers that {gist}"
            )
        elif na is not None:
            effect = "weaker"
            expl = (
                f"A carries {kind} that B leaves out: readers of B are no longer told that {gist}"
            )
        else:
            effect, expl = "shifted", f"B adds {kind}: readers are told that {gist}"
        add(effect, na, nb, expl)
    # links and emphasis
    for kind, items_a, items_b in (
        ("link", pa.links, pb.links),
        ("emphasis", pa.emphasis, pb.emphasis),
    ):
        keys_b = {_norm(m.inner.text if m.inner else m.text) for m in items_b}
        keys_a = {_norm(m.inner.text if m.inner else m.text) for m in items_a}
        for m in items_a:
            inner = m.inner or m
            if _norm(inner.text) in keys_b:
                continue
            if pa.standfirst and m.start <= pa.standfirst.start and m.end >= pa.standfirst.end:
                continue  # a wholly emphasised standfirst is reported as the standfirst
            sb = omap.a_span_to_b(inner.start, inner.end)
            what = (
                f"The link on '{_short(inner.text)}' is gone: readers can no longer follow it "
                "to its source."
                if kind == "link"
                else f"The {m.kind} emphasis on '{_short(inner.text)}' is gone: the phrase no "
                "longer stands out."
            )
            out.append(
                Change(
                    "paratext",
                    "weaker",
                    a.text[inner.start : inner.end],
                    b.text[sb[0] : sb[1]],
                    inner.start,
                    inner.end,
                    *sb,
                    what,
                    ("paratext",),
                )
            )
        for m in items_b:
            inner = m.inner or m
            if _norm(inner.text) in keys_a:
                continue
            sa = omap.b_span_to_a(inner.start, inner.end)
            what = (
                f"B adds a link on '{_short(inner.text)}'."
                if kind == "link"
                else f"B adds {m.kind} emphasis on '{_short(inner.text)}', making it stand out."
            )
            out.append(
                Change(
                    "paratext",
                    "stronger" if kind == "emphasis" else "neutral",
                    a.text[sa[0] : sa[1]],
                    b.text[inner.start : inner.end],
                    *sa,
                    inner.start,
                    inner.end,
                    what,
                    ("paratext",),
                )
            )
    return out


def _overlaps(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(qs < e and s < qe for qs, qe in spans)


#: Quotation marks count as gone (or new) only when at least this share of the quoted words
#: is in the other version too; otherwise the words themselves were dropped, added or
#: paraphrased, and the sentence and wording changes already say so.
QUOTE_KEPT_SHARE = 0.5


def _sentence_kept(omap: OffsetMap, sent: Sentence) -> bool:
    """True when some words of ``sent`` (of A) are matched in B: the sentence is aligned."""
    return omap.kept_share("a", sent.start, sent.end, 1) > 0


def _names_outside(art: Article, sent: Sentence, q: object) -> list[str]:
    """Capitalised words of ``sent`` outside quotation ``q``: the source's name, if given."""
    out = []
    for k, t in enumerate(sent.tokens):
        if q is not None and q.start <= t.start < q.end:  # type: ignore[attr-defined]
            continue
        if k and t.text[:1].isupper() and t.norm not in STOPWORDS and t.is_word:
            out.append(t.norm)
    return out


def _retelling(
    a: Article, b: Article, q: object, sent: Sentence, omap: OffsetMap
) -> tuple[Sentence, str] | None:
    """The sentence of B that retells quotation ``q`` of A in indirect speech, and its source.

    B's sentence aligned with the quotation's sentence must attribute ("According to X",
    "X said", "X called it ...") to a source A names around the quotation.
    """
    bs, be = omap.a_span_to_b(sent.start, sent.end)
    if be <= bs:
        return None
    rs = b.sentence_at(bs)
    if rs is None:
        return None
    names = _names_outside(a, sent, q)
    b_words = [t.norm for t in rs.tokens if t.is_word]
    if not attribution_words(b_words):
        return None
    shared = [n for n in dict.fromkeys(names) if n in b_words]
    outside = [
        t.norm
        for t in sent.tokens
        if t.is_word and not (q.start <= t.start < q.end)  # type: ignore[attr-defined]
    ]
    if not shared and not attribution_words(outside):
        return None  # A does not attribute the quotation to a source B names
    speaker = getattr(q, "speaker", None)
    named = " ".join(dict.fromkeys(t.text for t in rs.tokens if t.norm in shared[:3]))
    return rs, speaker or named or "the source A names"


def _link_of(links: Sequence[Link] | None, b: Article, rs: Sentence) -> int | None:
    """The index of the alignment link that holds sentence ``rs`` of B."""
    if not links:
        return None
    pos = next((k for k, s in enumerate(b.sentences) if s.start == rs.start), None)
    return next((k for k, ln in enumerate(links) if pos in ln.b), None)


def quotation_changes(
    a: Article, b: Article, omap: OffsetMap, links: Sequence[Link] | None = None
) -> list[Change]:
    """Quotation marks present in one version and gone in the other (around the same words);
    a quotation retold in indirect speech ("'We were told ...,' said X" -> "According to X,
    they were told ...") is linked to its retelling."""
    out: list[Change] = []
    qb = [(q.inner_start, q.inner_end) for q in b.quotations]
    qa = [(q.inner_start, q.inner_end) for q in a.quotations]
    for q in a.quotations:
        bs, be = omap.a_span_to_b(q.inner_start, q.inner_end)
        if be > bs and _overlaps(bs, be, qb):
            continue
        inner = _short(q.text)
        if omap.kept_share("a", q.inner_start, q.inner_end, q.words) < QUOTE_KEPT_SHARE:
            sent = a.sentence_at(q.start)
            if q.kind != "quotation" or sent is None or not _sentence_kept(omap, sent):
                continue  # the sentence itself is dropped: the omission says so
            retold = _retelling(a, b, q, sent, omap)
            if retold is not None:
                rs, who = retold
                out.append(
                    Change(
                        "quotation",
                        "attribution",
                        a.text[q.start : q.end],
                        b.text[rs.start : rs.end],
                        q.start,
                        q.end,
                        rs.start,
                        rs.end,
                        f"Reported speech: the quotation '{inner}' is retold in indirect speech "
                        f"in B ('{_short(rs.text, 90)}'). It is still attributed to {who}, but "
                        "the source's own words are gone: readers get the writer's paraphrase.",
                        (
                            f"A: {q.kind} in quotation marks",
                            f"B: indirect speech attributed to {who}",
                        ),
                        _link_of(links, b, rs),
                    )
                )
                continue
            out.append(
                Change(
                    "quotation",
                    "attribution",
                    a.text[q.start : q.end],
                    b.text[bs:be],
                    q.start,
                    q.end,
                    bs,
                    be,
                    f"The quotation '{inner}' is dropped: B keeps the sentence but not the "
                    "source's words, and does not retell them as the source's, so readers no "
                    "longer hear the source.",
                    (f"A: {q.kind} in quotation marks, its words not in B",),
                )
            )
            continue
        evidence: tuple[str, ...] = (f"A: {q.kind} in quotation marks",)
        link: int | None = None
        if q.kind == "scare":
            effect = "attribution"
            expl = (
                f"The scare quotes around '{inner}' are gone: the writer no longer keeps "
                "a distance from the word, which now reads as the writer's own claim."
            )
        elif q.kind == "quotation":
            effect = "attribution"
            sent = a.sentence_at(q.start)
            retold = _retelling(a, b, q, sent, omap) if sent is not None else None
            if retold is not None:
                expl = (
                    f"Reported speech: the quotation marks around '{inner}' are gone, but B "
                    f"still attributes the words to {retold[1]} ('{_short(retold[0].text, 90)}'): "
                    "they are no longer marked as the source's own exact words."
                )
                evidence = (*evidence, "B: indirect speech")
                link = _link_of(links, b, retold[0])
            else:
                who = f"{q.speaker}'s" if q.speaker else "a source's"
                expl = (
                    f"The quotation marks around '{inner}' are gone: words reported as {who} "
                    "now read as the writer's own."
                )
        else:
            effect = "neutral"
            expl = (
                f"The quotation marks that set off the name '{inner}' are gone; the words "
                "now blend into the writer's text."
            )
        out.append(
            Change(
                "quotation",
                effect,
                a.text[q.start : q.end],
                b.text[bs:be],
                q.start,
                q.end,
                bs,
                be,
                expl,
                evidence,
                link,
            )
        )
    for q in b.quotations:
        as_, ae = omap.b_span_to_a(q.inner_start, q.inner_end)
        if ae > as_ and _overlaps(as_, ae, qa):
            continue
        if omap.kept_share("b", q.inner_start, q.inner_end, q.words) < QUOTE_KEPT_SHARE:
            continue
        inner = _short(q.text)
        if q.kind == "scare":
            expl = (
                f"B puts '{inner}' in scare quotes: the writer now holds the word at a "
                "distance, suggesting it is not to be believed."
            )
        elif q.kind == "quotation":
            expl = (
                f"B puts '{inner}' in quotation marks: words that were the writer's now "
                "read as someone else's."
            )
        else:
            expl = f"B sets off the name '{inner}' in quotation marks."
        out.append(
            Change(
                "quotation",
                "neutral" if q.kind == "name" else "attribution",
                a.text[as_:ae],
                b.text[q.start : q.end],
                as_,
                ae,
                q.start,
                q.end,
                expl,
                (f"B: {q.kind} in quotation marks",),
            )
        )
    return out


_STRAY_RE = re.compile(r"[.!?]\s+(?=[a-z])|(?<=\s)[.!?](?=\s|$)")
#: Paragraphs count as run together (or as the parts of one split paragraph) only when they
#: follow each other at most this many paragraphs apart: a sentence linked far away is a move
#: (reported as such), and one change spanning everything in between would grow with the text.
PARAGRAPH_REACH = 3


def _runs(indices: set[int]) -> list[list[int]]:
    """Paragraph numbers in runs of neighbours (each at most PARAGRAPH_REACH after the last).

    >>> _runs({1, 2, 4, 40, 41})
    [[1, 2, 4], [40, 41]]
    """
    out: list[list[int]] = []
    for i in sorted(indices):
        if out and i - out[-1][-1] <= PARAGRAPH_REACH:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def segmentation_changes(
    a: Article, b: Article, links: Sequence[Link], omap: OffsetMap
) -> list[Change]:
    """Sentences split or merged, paragraphs run together or split, damaged punctuation."""
    out: list[Change] = []
    for k, ln in enumerate(links):
        if len(ln.a) > 1 or len(ln.b) > 1:
            if len(ln.a) == 1:
                expl = f"One sentence of A is split into {len(ln.b)} in B."
            elif len(ln.b) == 1:
                expl = f"{len(ln.a)} sentences of A run together as one sentence in B."
            else:
                expl = f"{len(ln.a)} sentences of A are regrouped as {len(ln.b)} in B."
            out.append(
                Change(
                    "segmentation",
                    "neutral",
                    a.text[ln.a_start : ln.a_end],
                    b.text[ln.b_start : ln.b_end],
                    ln.a_start,
                    ln.a_end,
                    ln.b_start,
                    ln.b_end,
                    expl,
                    (f"link {ln.type}",),
                    k,
                )
            )
    # paragraphs: components of the paragraph graph joined by sentence links
    sa, sb = a.sentences, b.sentences
    para_pairs: dict[int, set[int]] = {}
    back: dict[int, set[int]] = {}
    for ln in links:
        for i in ln.a:
            for j in ln.b:
                para_pairs.setdefault(sa[i].paragraph, set()).add(sb[j].paragraph)
                back.setdefault(sb[j].paragraph, set()).add(sa[i].paragraph)
    pa = {p.index: p for p in a.paragraphs}
    pb = {p.index: p for p in b.paragraphs}
    for pj, pis in sorted(back.items()):
        for run in _runs(pis):
            if len(run) < 2:
                continue
            first, last = pa[run[0]], pa[run[-1]]
            p = pb[pj]
            out.append(
                Change(
                    "segmentation",
                    "neutral",
                    a.text[first.start : last.end],
                    b.text[p.start : p.end],
                    first.start,
                    last.end,
                    p.start,
                    p.end,
                    f"{len(run)} paragraphs of A run together as one paragraph in B "
                    "(paragraph breaks lost).",
                    ("paragraphs",),
                )
            )
    for pi, pjs in sorted(para_pairs.items()):
        for run in _runs(pjs):
            if len(run) < 2:
                continue
            p = pa[pi]
            first, last = pb[run[0]], pb[run[-1]]
            out.append(
                Change(
                    "segmentation",
                    "neutral",
                    a.text[p.start : p.end],
                    b.text[first.start : last.end],
                    p.start,
                    p.end,
                    first.start,
                    last.end,
                    f"One paragraph of A is split into {len(run)} paragraphs in B.",
                    ("paragraphs",),
                )
            )
    # punctuation repaired by the sentence splitter
    for side, art in (("a", a), ("b", b)):
        for s in art.sentences:
            if not s.repair:
                continue
            for m in _STRAY_RE.finditer(art.masked, s.start, s.end):
                ms, me = m.start(), m.start() + 1
                ctx = _short(art.text[max(s.start, ms - 25) : min(s.end, me + 15)])
                expl = (
                    f"Damaged punctuation in {side.upper()}: a stray full stop in "
                    f"'…{ctx}…' ({s.repair})."
                )
                if side == "b":
                    p = omap.b_to_a(ms)
                    out.append(
                        Change(
                            "segmentation",
                            "neutral",
                            "",
                            b.text[ms:me],
                            p,
                            p,
                            ms,
                            me,
                            expl,
                            (s.repair,),
                        )
                    )
                else:
                    p = omap.a_to_b(ms)
                    out.append(
                        Change(
                            "segmentation",
                            "neutral",
                            a.text[ms:me],
                            "",
                            ms,
                            me,
                            p,
                            p,
                            expl,
                            (s.repair,),
                        )
                    )
    return out
