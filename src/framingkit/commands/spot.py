"""``framingkit spot FILE``: evaluative language in one text, listed with explanations."""

from __future__ import annotations

import argparse

from ..document import load_article
from ..jsonable import dumps
from ..textio import fill

HELP = "Spot evaluative language (attitude, graduation, engagement, labels) with explanations."
EXAMPLE = "framingkit spot seeds/original_telegraph.txt --json"

#: Fields of each span in ``--json`` output, in order.
SPAN_FIELDS: tuple[str, ...] = (
    "start",
    "end",
    "text",
    "category",
    "subtype",
    "polarity",
    "intensity",
    "explanation",
    "source",
    "rule",
    "paragraph",
    "system",
    "mode",
    "neutral",
    "provenance",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``spot``."""
    p.add_argument("file", help="a UTF-8 text, Markdown or HTML file")
    p.add_argument("--json", action="store_true", help="print JSON for machines (see docs/spot.md)")
    p.add_argument(
        "--no-backup",
        action="store_true",
        help="use only the kit's lexicon, not VADER's sentiment words as a back-up",
    )


def result_json(res: object) -> dict[str, object]:
    """The JSON object ``spot --json`` prints (fields documented in docs/spot.md)."""
    from ..spot.core import SpotResult

    assert isinstance(res, SpotResult)
    return {
        "source": res.source,
        "words": res.words,
        "language_note": res.language_note,
        "counts": res.counts,
        "per_100_words": res.per_100,
        "spans": [_span_json(s) for s in res.spans],
        "paragraphs": res.paragraphs,
    }


def _span_json(s: object) -> dict[str, object]:
    """One span's JSON: its fields, the appraisal system, and provenance (where from)."""
    from ..spot.categories import CATEGORIES

    row: dict[str, object] = {}
    for f in SPAN_FIELDS:
        if f == "system":
            row[f] = CATEGORIES[str(s.category)].system
        else:
            row[f] = getattr(s, f)
    return row


def render(res: object) -> str:
    """A readable listing: counts, then every span with its explanation."""
    from ..spot.categories import CATEGORIES
    from ..spot.core import SpotResult

    assert isinstance(res, SpotResult)
    out = [
        f"{res.source}: {len(res.spans)} evaluative spans in {res.words} words "
        f"({res.per_100} per 100 words)"
    ]
    if res.language_note:
        out.append(f"Note: {res.language_note}")
    out.append("  " + ", ".join(f"{CATEGORIES[k].label} {v}" for k, v in res.counts.items()))
    if not res.spans:
        out.append("\nNo evaluative language found.")
    for s in res.spans:
        pol = f", {s.polarity}" if s.polarity else ""
        mode = f", {s.mode}" if s.mode else ""
        out.append(
            f"\n  “{s.text}”  [{CATEGORIES[s.category].label}: {s.subtype}{pol}{mode}, "
            f"intensity {s.intensity}]  at {s.start}-{s.end}"
        )
        out.append(fill(s.explanation, 96, initial_indent="      ", subsequent_indent="      "))
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    """Print the evaluative language of ``args.file``."""
    from ..spot.core import spot

    res = spot(load_article(args.file), backup=not args.no_backup)
    print(dumps(result_json(res)) if args.json else render(res))
    return 0
