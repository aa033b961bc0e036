"""``claims(article)``: the whole pipeline, from text to a :class:`ClaimMap`.

>>> cm = claims("Prices may rise next year, the bank said.")
>>> [(c.id, c.type, c.certainty) for c in cm.claims]
[('c1', 'attributed', 'hedged')]
"""

from __future__ import annotations

import bisect
import os
import re
import string
import warnings
from collections.abc import Sequence
from typing import Any

from ..document import Article, load_article
from ..errors import InputError, paused_gc
from .actors import actor_mentions, group_mentions
from .classify import Classification, classify
from .core import check_hint as core_check_hint
from .core import framing_words
from .details import find_details
from .links import draft_links
from .model import Claim, ClaimMap, Cue
from .terms import STOPWORDS, words


def check_hint(text: str, claim_type: str, n_dates: int = 0, n_places: int = 0) -> str | None:
    """The kind of source that would settle a checkable claim (see :mod:`.core`), or ``None``.

    >>> check_hint("Unemployment rose to 5 per cent in March.", "fact")
    'the national statistics office or an international data set (World Bank, IMF, UN)'
    """
    return core_check_hint(text, claim_type, n_dates)


_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def language_note(article: Article) -> str | None:
    """A note when the text does not look like English (cue words are English)."""
    text = " ".join(s.clean for s in article.all_sentences)
    # letters counted without a Python loop over every character: the ASCII ones by
    # str.count, the others among the (few) non-ASCII characters
    n_ascii = sum(map(text.count, string.ascii_letters))
    n_other = sum(ch.isalpha() for ch in _NON_ASCII_RE.findall(text))
    n_letters = n_ascii + n_other
    latin = n_ascii / n_letters if n_letters else 1.0
    ws = words(text)
    share = sum(w in STOPWORDS for w in ws) / len(ws) if ws else 0.0
    if (n_letters >= 10 and latin < 0.5) or (len(ws) >= 8 and share < 0.12):
        return (
            "This text does not look like English: claim types and certainty are read from "
            "English cue words, so treat them as unreliable here."
        )
    return None


#: Headlinese for the future: "Council to close library", "Prices set to soar".
_HEADLINE_FUTURE = re.compile(
    r"^(?P<before>[^.?!]*?)\b(?:[Ss]et\s+)?[Tt]o\s+"
    r"(?!(?:be|the|a|an|his|her|its|their|our|my|this|that|these|those|work|school)\b)[a-z]+"
)


def _headline_future(text: str, offset: int, res: Classification) -> Classification:
    """A headline in the "X to do Y" form announces a future event: a prediction.

    Not when the word before "to" looks like a verb ("Council moves to Leeds").
    """
    m = _HEADLINE_FUTURE.match(text)
    if not m or not re.match(r"^\s*[A-Z]", text):
        return res
    before = m.group("before").split()
    if not before:
        return res
    if len(before) > 1 and (before[-1].endswith(("s", "ed")) and before[-1] != "set"):
        return res
    s = m.group().rfind("to ") if "to " in m.group() else m.group().rfind("To ")
    cue = Cue(offset + s, offset + s + 2, text[s : s + 2], "prediction")
    cues = tuple(sorted((*res.cues, cue), key=lambda c: c.start))
    core = "prediction" if res.core_type == "fact" else res.core_type
    return res._replace(type="prediction", cues=cues, core_type=core)


def _spot(article: Article, use_spot: bool, given: Any = None) -> tuple[list[Any], str | None]:
    if not use_spot:
        return [], None
    if given is not None:  # the spotter's result for this article, already at hand
        return list(given.spans), getattr(given, "language_note", None)
    try:
        from ..spot import spot  # the evaluative-language spotter (issue 4)
    except ImportError:
        return [], None
    try:
        res = spot(article)
    except InputError:
        raise
    except Exception as exc:  # the spotter is optional here: warn, and use our own cues
        warnings.warn(
            f"framingkit.spot failed ({exc!r}); claims used their own cues only",
            RuntimeWarning,
            stacklevel=3,
        )
        return [], None
    return list(res.spans), getattr(res, "language_note", None)


def _by_start(items: Sequence[Any]) -> tuple[list[int], list[int]]:
    """Positions of ``items`` (with ``start``/``end``) in order of start, and those starts."""
    order = sorted(range(len(items)), key=lambda k: items[k].start)
    return order, [items[k].start for k in order]


def _within(
    items: Sequence[Any], index: tuple[list[int], list[int]], start: int, end: int
) -> list[Any]:
    """The items that lie within ``start:end``, in their original order (bisect on starts)."""
    order, starts = index
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_right(starts, end)
    return [items[k] for k in sorted(order[lo:hi]) if items[k].end <= end]


@paused_gc  # performance only: no cycles among the claims, so no collections while mapping
def claims(
    source: Article | str | os.PathLike[str], *, use_spot: bool = True, spot_result: Any = None
) -> ClaimMap:
    """The claim map of an article (an :class:`Article`, a path or the text itself).

    Each claim gets a type, a certainty with its cues, actors (metonyms grouped),
    quantities, dates, places and, for facts, a check hint; links are drafted
    from discourse markers and position. Bad input raises ``InputError``.
    ``spot_result``: ``spot()`` of the same article when the caller has it already
    (``key draft`` does), so the spotter does not run twice.
    """
    from .extract import claim_units

    article = load_article(source)
    units = claim_units(article)
    spans, spot_note = _spot(article, use_spot, spot_result)
    # spans and quotations by start offset: each unit finds its own by bisect (not units x all)
    span_index, quote_index = _by_start(spans), _by_start(article.quotations)
    mentions = []
    spans_of: list[tuple[int, int]] = []
    out: list[dict[str, Any]] = []  # each claim's fields: the Claim is made once, at the end
    for i, u in enumerate(units, 1):
        details = find_details(u.text, u.start)
        qts = tuple(d.text for d in details if d.kind == "quantity")
        dts = tuple(d.text for d in details if d.kind == "date")
        pls = tuple(dict.fromkeys(d.text for d in details if d.kind == "place"))
        inside = _within(spans, span_index, u.start, u.end)
        res = classify(
            u.text,
            u.start,
            quotations=_within(article.quotations, quote_index, u.start, u.end),
            spot_spans=inside,
            n_details=len(details),
        )
        framing = tuple(framing_words(u.text, u.start, inside))
        lo = len(mentions)
        if u.position == "headline" and res.type == "fact":
            res = _headline_future(u.text, u.start, res)
        for name, kind, m in actor_mentions(u.text):
            mentions.append(
                (name, kind, type(m)(m.start + u.start, m.end + u.start, m.text, m.kind))
            )
        spans_of.append((lo, len(mentions)))
        out.append(
            dict(
                id=f"c{i}",
                start=u.start,
                end=u.end,
                text=u.text,
                type=res.type,
                certainty=res.certainty,
                cues=res.cues,
                actors=(),
                quantities=qts,
                dates=dts,
                places=pls,
                check_hint=core_check_hint(u.text, res.core_type, len(dts), framing, u.start),
                position=u.position,
                paragraph=u.paragraph,
                sentence=u.sentence,
                scores=res.scores,
                details=tuple(details),
                marker=None,
                core_type=res.core_type,
                framing=framing,
            )
        )
    actors = group_mentions(mentions)
    names_at: dict[int, str] = {m.start: a.name for a in actors for m in a.mentions}
    final = []
    for c, (lo, hi) in zip(out, spans_of, strict=True):
        names = tuple(dict.fromkeys(names_at[m[2].start] for m in mentions[lo:hi]))
        c["actors"] = names
        final.append(Claim(**c))
    note = article.coverage_note  # not every word of the input was read: say so
    if not final:
        none = (
            "No claims found: the text has no sentences of three words or more that assert "
            "something (questions and fragments are not claims)."
        )
        note = f"{note} {none}" if note else none
    return ClaimMap(
        claims=tuple(final),
        links=tuple(draft_links(final)),
        actors=tuple(actors),
        source=article.source,
        text=article.text,
        language_note=language_note(article) or spot_note,
        note=note,
    )
