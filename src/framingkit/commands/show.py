"""``framingkit show FILE``: the parsed structure of one text."""

from __future__ import annotations

import argparse
import textwrap

from ..document import Article, load_article
from ..jsonable import dumps
from ..textio import fill

HELP = "Show how a text is parsed: paratext, paragraphs, sentences and quotations."
EXAMPLE = "framingkit show seeds/original_telegraph.txt --json"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``show``."""
    p.add_argument("file", help="a UTF-8 text or Markdown file")
    p.add_argument("--json", action="store_true", help="print JSON for machines (see README)")


def article_json(a: Article) -> dict[str, object]:
    """The JSON object ``show --json`` prints (fields documented in the README)."""
    return {
        "source": a.source,
        "format": a.source_format,
        "note": a.coverage_note,
        "paratext": a.paratext.summary(),
        "paragraphs": [
            {"index": p.index, "role": p.role, "start": p.start, "end": p.end, "text": p.clean}
            for p in a.paragraphs
        ],
        "sentences": [
            {
                "index": s.index,
                "paragraph": s.paragraph,
                "start": s.start,
                "end": s.end,
                "text": s.clean,
                "repair": s.repair,
            }
            for s in a.all_sentences
        ],
        "quotations": [
            {
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "kind": q.kind,
                "scare": q.scare,
                "speaker": q.speaker,
            }
            for q in a.quotations
        ],
    }


def render(a: Article) -> str:
    """A readable listing of the parsed article."""
    out = [f"{a.source}"]
    if a.coverage_note:
        out.append(f"  note       {a.coverage_note}")
    for key, val in a.paratext.summary().items():
        if isinstance(val, list):
            val = "; ".join(val) if val else None
        shown = "(none found)" if val in (None, False, "") else ("yes" if val is True else val)
        out.append(f"  {key:<10} {textwrap.shorten(str(shown), 90)}")
    body = a.sentences
    out.append(
        f"\n{len(a.paragraphs)} paragraphs, {len(body)} sentences of running text, "
        f"{len(a.quotations)} quotations"
    )
    for p in a.paragraphs:
        out.append(f"\n[{p.index}] {p.role}")
        for s in p.sentences:
            note = f"   (repaired: {s.repair})" if s.repair else ""
            line = f"  {s.index:>3}. {s.clean}{note}"
            out.append(fill(line, 100, subsequent_indent="       "))
    if a.quotations:
        out.append("\nQuotations")
        for q in a.quotations:
            who = f", speaker: {q.speaker}" if q.speaker else ""
            out.append(f"  {q.kind:<9} “{q.text}” ({q.words} words{who})")
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    """Print the parsed structure of ``args.file``."""
    a = load_article(args.file)
    print(dumps(article_json(a)) if args.json else render(a))
    return 0
