"""``compare(a, b)``: align two versions and list every change, classified.

>>> cmp = compare("But Xi declined to sign anything.", "But Xi refused to sign anything.")
>>> [(c.kind, c.a_text, c.b_text) for c in cmp.changes]
[('wording', 'declined', 'refused')]
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator, Sequence

from ..document import Article, Sentence, load_article
from .align import align_sentences
from .classify import classify_hunk
from .diff import phrase_diff
from .evidence import find_cues, force
from .model import Change, Comparison, Link
from .portray import SentenceIndex, portray
from .structure import OffsetMap, paratext_changes, quotation_changes, segmentation_changes

#: Below this share of aligned text, the note says the texts look unrelated.
LOW_COVERAGE = 0.5

Source = Article | str | os.PathLike[str]


def _short(s: str, n: int = 80) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _run_change(side: str, art: Article, sents: Sequence[Sentence], other_pos: int) -> Change:
    """An omission (side a) or addition (side b) of whole sentences."""
    start, end = sents[0].start, sents[-1].end
    text = art.text[start:end]
    cues = find_cues([t.norm for s in sents for t in s.tokens if t.is_word])
    f = force(cues)
    n = len(sents)
    what = "this sentence" if n == 1 else f"these {n} sentences"
    ev = tuple(f"{side.upper()}: '{c.term}' ({c.category})" for c in cues)
    if side == "a":
        expl = (
            f"Dropped: {what} of A {'has' if n == 1 else 'have'} no counterpart in B, "
            "so the content is lost."
        )
        return Change("omission", "weaker", text, "", start, end, other_pos, other_pos, expl, ev)
    if f > 0:
        effect = "stronger"
        expl = (
            f"Added: {what} {'appears' if n == 1 else 'appear'} only in B, with evaluative "
            "wording "
            f"({', '.join(c.term for c in cues if c.force > 0)})."
        )
    else:
        effect = "shifted"
        verb = "appears" if n == 1 else "appear"
        expl = f"Added: {what} {verb} only in B, adding content A does not have."
    return Change("addition", effect, "", text, other_pos, other_pos, start, end, expl, ev)


def compare(a: Source, b: Source, *, hide_typography: bool = False) -> Comparison:
    """Compare version ``a`` with version ``b`` (each an Article, a path or a text).

    Returns a :class:`~framingkit.compare.model.Comparison` whose ``alignment``
    links sentences of A to sentences of B (1:1, n:1, 1:n, n:m; moves flagged) and
    whose ``changes`` carry kind, effect, texts, offsets into both texts and an
    explanation. ``hide_typography`` leaves typography-only changes out.
    Bad input (an empty text, a missing file) raises
    :class:`~framingkit.errors.InputError`.
    """
    with _gc_paused():
        return _compare(load_article(a), load_article(b), hide_typography)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: a long text makes millions of small objects and
    no cycles, and repeated full collections would make the run superlinear."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _compare(art_a: Article, art_b: Article, hide_typography: bool) -> Comparison:
    """The body of :func:`compare`, on parsed articles."""
    sa, sb = art_a.sentences, art_b.sentences
    words_a = [[t.norm for t in s.tokens if t.norm[:1].isalnum()] for s in sa]
    words_b = [[t.norm for t in s.tokens if t.norm[:1].isalnum()] for s in sb]
    groups = align_sentences(words_a, words_b)
    del words_a, words_b

    links: list[Link] = []
    changes: list[Change] = []
    pairs: list[tuple[int, int, int, int]] = []
    pending: list[tuple[int, list]] = []
    hidden = 0
    for k, g in enumerate(groups):
        ua = [sa[i] for i in g.a]
        ub = [sb[j] for j in g.b]
        links.append(
            Link(g.a, g.b, ua[0].start, ua[-1].end, ub[0].start, ub[-1].end, g.score, g.moved)
        )
        ta = [t for s in ua for t in s.tokens]
        tb = [t for s in ub for t in s.tokens]
        pending.append((k, [(h, ta, tb) for h in phrase_diff(ta, tb, pairs)]))
    for k, items in pending:
        for h, ta, tb in items:
            kind, effect, expl, ev, offs = classify_hunk(h, ta, tb, art_a.text, art_b.text)
            if hide_typography and kind == "typography":
                hidden += 1
                continue
            changes.append(
                Change(
                    kind,
                    effect,
                    art_a.text[offs[0] : offs[1]],
                    art_b.text[offs[2] : offs[3]],
                    *offs,
                    expl,
                    ev,
                    k,
                )
            )
    omap = OffsetMap(pairs)

    # moves: runs of moved links that follow each other on both sides (one moved passage)
    run: list[int] = []
    for k in [*range(len(links)), -1]:
        if k >= 0 and links[k].moved and (not run or _follows(links[run[-1]], links[k])):
            run.append(k)
            continue
        if run:
            first, last = links[run[0]], links[run[-1]]
            n = sum(len(links[x].a) for x in run)
            changes.append(
                Change(
                    "move",
                    "neutral",
                    art_a.text[first.a_start : last.a_end],
                    art_b.text[first.b_start : last.b_end],
                    first.a_start,
                    last.a_end,
                    first.b_start,
                    last.b_end,
                    f"Moved: {'this sentence' if n == 1 else f'this passage of {n} sentences'} "
                    f"(from sentence {first.a[0] + 1} of A) stands at sentence "
                    f"{first.b[0] + 1} of B, out of the original order, so readers meet it "
                    f"{'earlier' if first.b[0] < first.a[0] else 'later'}.",
                    (f"link score {first.score:.2f}",),
                    run[0],
                )
            )
            run = []
        if k >= 0 and links[k].moved:
            run = [k]

    # unaligned sentences: omissions and additions, never forced into links
    used_a = {i for ln in links for i in ln.a}
    used_b = {j for ln in links for j in ln.b}
    for side, sents, used in (("a", sa, used_a), ("b", sb, used_b)):
        block: list[Sentence] = []
        for idx in [*range(len(sents)), -1]:
            if (
                idx >= 0
                and idx not in used
                and (not block or block[-1].index + 1 == sents[idx].index)
            ):
                block.append(sents[idx])
                continue
            if block:
                pos = omap.a_to_b(block[0].start) if side == "a" else omap.b_to_a(block[0].start)
                changes.append(_run_change(side, art_a if side == "a" else art_b, block, pos))
                block = []
            if idx >= 0 and idx not in used:
                block = [sents[idx]]

    structural = [
        *paratext_changes(art_a, art_b, omap),
        *quotation_changes(art_a, art_b, omap, links),
        *segmentation_changes(art_a, art_b, links, omap),
    ]
    index = (SentenceIndex(art_a), SentenceIndex(art_b))
    changes = [portray(c, art_a, art_b, index) for c in _dedupe([*structural, *changes])]
    changes.sort(key=lambda c: (c.a_start, c.b_start, c.kind))

    len_a = sum(s.end - s.start for s in sa) or 1
    len_b = sum(s.end - s.start for s in sb) or 1
    cov_a = sum(sa[i].end - sa[i].start for i in used_a) / len_a
    cov_b = sum(sb[j].end - sb[j].start for j in used_b) / len_b
    note = None
    lost = [(side, art.coverage_note) for side, art in (("A", art_a), ("B", art_b))]
    if any(n for _, n in lost):  # never "identical" when not every word was read
        note = " ".join(f"{side}: {n}" for side, n in lost if n)
    elif art_a.text == art_b.text:
        note = "No differences: the two texts are identical."
    elif not changes:
        note = (
            "No differences apart from typography (hidden)."
            if hide_typography
            else "No differences in wording or structure."
        )
    elif min(cov_a, cov_b) < LOW_COVERAGE and (sa and sb):
        note = (
            f"Low coverage: only {cov_a:.0%} of A and {cov_b:.0%} of B could be aligned; "
            "these look like different texts (or different languages). Unaligned sentences "
            "are listed as omissions and additions, not forced into links."
        )
    return Comparison(
        art_a,
        art_b,
        links,
        changes,
        _paragraph_links(art_a, art_b, links),
        cov_a,
        cov_b,
        note,
        hidden,
    )


def _follows(prev: Link, nxt: Link) -> bool:
    """``nxt`` continues the passage of ``prev`` in A (next sentence) and in B (next, or
    after a sentence or two that B adds)."""
    return prev.a[-1] + 1 == nxt.a[0] and 0 < nxt.b[0] - prev.b[-1] <= 3


def _dedupe(changes: Sequence[Change]) -> list[Change]:
    """Drop a change that repeats an earlier one of the same kind at the same place."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for c in changes:
        if not c.a_text:
            key: tuple[object, ...] = (c.kind, "b", c.b_start, c.b_end)
        elif not c.b_text:
            key = (c.kind, "a", c.a_start, c.a_end)
        else:
            key = (c.kind, c.a_start, c.a_end, c.b_start, c.b_end, c.explanation)
        if c.kind != "segmentation":
            key = (*key, c.explanation)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


def _paragraph_links(a: Article, b: Article, links: Sequence[Link]) -> list[dict[str, object]]:
    """Paragraph alignment derived from sentence links (connected groups of paragraphs)."""
    sa, sb = a.sentences, b.sentences
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    weight: dict[tuple[str, int], list[float]] = {}
    moved_nodes: set[tuple[str, int]] = set()
    for ln in links:
        nodes = [("a", sa[i].paragraph) for i in ln.a] + [("b", sb[j].paragraph) for j in ln.b]
        for n in nodes[1:]:
            parent[find(n)] = find(nodes[0])
        weight.setdefault(nodes[0], []).append(ln.score)
        if ln.moved:
            moved_nodes.add(nodes[0])
    for p in a.body:
        find(("a", p.index))
    for p in b.body:
        find(("b", p.index))
    groups: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for n in list(parent):
        groups.setdefault(find(n), []).append(n)
    scores: dict[tuple[str, int], list[float]] = {}
    for n, ws in weight.items():
        scores.setdefault(find(n), []).extend(ws)
    moved_roots = {find(n) for n in moved_nodes}
    out = []
    for root, members in groups.items():
        pa = sorted(i for s, i in members if s == "a")
        pb = sorted(i for s, i in members if s == "b")
        sc = scores.get(root, [])
        out.append(
            {
                "type": f"{len(pa)}:{len(pb)}",
                "a": pa,
                "b": pb,
                "score": round(sum(sc) / len(sc), 3) if sc else 0.0,
                "moved": root in moved_roots,
            }
        )
    out.sort(key=lambda d: (d["a"][0] if d["a"] else 10**9, d["b"][0] if d["b"] else 10**9))
    return out
