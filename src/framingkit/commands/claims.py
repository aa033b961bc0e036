"""``framingkit claims FILE``: the claims a text makes, their type, certainty and links."""

from __future__ import annotations

import argparse
import json

from ..atomic import write_text
from ..errors import InputError
from ..textio import fill

HELP = "Map the claims of a text: type, certainty (with cues), actors, details, links."
EXAMPLE = "framingkit claims seeds/original_telegraph.txt --figure map.png --svg"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``claims``."""
    p.add_argument("file", help="a UTF-8 text, Markdown or HTML file")
    p.add_argument("--json", action="store_true", help="print JSON (fields in docs/claims.md)")
    p.add_argument("--html", metavar="OUT.html", help="also write the table view as HTML")
    p.add_argument("--figure", metavar="OUT.png", help="also draw the claim map as a PNG")
    p.add_argument("--svg", action="store_true", help="with --figure, also write an SVG")
    p.add_argument(
        "--compare", metavar="OTHER", help="compare the claims with another version of the text"
    )


def _write(path: str, text: str) -> None:
    try:
        write_text(path, text, parents=False)
    except OSError as exc:
        raise InputError(f"Cannot write '{path}': {exc.strerror or exc}.") from None


def render(cm, support=None) -> str:  # type: ignore[no-untyped-def]
    """A readable listing of a claim map (and the headline check, if given)."""
    from ..claims.views import display_text

    out = [f"{cm.source}: {len(cm.claims)} claims, {len(cm.links)} links"]
    for note in (cm.language_note, cm.note):
        if note:
            out.append(f"note: {note}")
    for c in cm.claims:
        cues = ", ".join(f"{q.text} ({q.kind})" for q in c.cues)
        out.append("")
        out.append(
            fill(
                f"{c.id:>4} [{c.position}] {display_text(c.text)}",
                100,
                subsequent_indent="       ",
            )
        )
        out.append(f"       {c.type}, {c.certainty}" + (f"; cues: {cues}" if cues else ""))
        core = c.core_type or c.type
        framing = ", ".join(f"{f.text} ({f.category})" for f in c.framing)
        out.append(
            fill(
                f"       core: {core} ({'checkable' if c.checkable else 'not checkable'})"
                + (f" | framing: {framing}" if framing else ""),
                100,
                subsequent_indent="       ",
            )
        )
        extra = []
        if c.actors:
            extra.append("actors: " + ", ".join(c.actors))
        for label, vals in (("quantities", c.quantities), ("dates", c.dates), ("places", c.places)):
            if vals:
                extra.append(f"{label}: " + "; ".join(vals))
        if extra:
            out.append(fill("       " + " | ".join(extra), 100, subsequent_indent="       "))
        if c.check_hint:
            out.append(f"       how to check: {c.check_hint}")
    if cm.links:
        out.append("\nLinks")
        for lk in cm.links:
            out.append(f"  {lk.source} {lk.relation} {lk.target}   ({lk.basis})")
    if support is not None:
        out.append("\nHeadline against body")
        out.append(fill("  " + support.explanation, 100, subsequent_indent="  "))
        for t in support.terms:
            rel = f" (related: {', '.join(t.related_words[:5])})" if t.related_words else ""
            out.append(f"  {t.term:<14} {t.status:<8} {', '.join(t.claims[:8])}{rel}")
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    """Print the claim map of ``args.file`` (and write the views asked for)."""
    from ..claims import claims, headline_support
    from ..claims.views import claim_map_figure, comparison_html, table_html

    cm = claims(args.file)
    support = None
    if any(c.position == "headline" for c in cm.claims):
        support = headline_support(cm)
    if args.compare:
        from ..claims import compare_claims

        cmp = compare_claims(cm, claims(args.compare))
        if args.json:
            from ..jsonable import to_jsonable

            print(json.dumps({"pairs": to_jsonable(list(cmp.pairs))}, ensure_ascii=False, indent=2))
        else:
            for p in cmp.pairs:
                if p.changes and p.changes != ("reworded",):
                    out = f"{p.a_id or '-':>4} -> {p.b_id or '-':<4} {', '.join(p.changes)}: "
                    print(fill(out + p.explanation, 100, subsequent_indent="       "))
        if args.html:
            _write(args.html, comparison_html(cmp))
        return 0
    if args.json:
        data = cm.to_json()
        if support is not None:
            from ..jsonable import to_jsonable

            data["headline_support"] = to_jsonable(support)
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render(cm, support))
    if args.html:
        _write(args.html, table_html(cm, support=support))
    if args.figure:
        import matplotlib.pyplot as plt

        fig = claim_map_figure(cm, args.figure, formats=("png", "svg") if args.svg else ("png",))
        plt.close(fig)
    return 0
