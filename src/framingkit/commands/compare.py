"""``framingkit compare A B``: what changed between two versions, and how it shifts the framing."""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

from ..atomic import write_text
from ..errors import InputError
from ..jsonable import dumps

HELP = "Compare two versions of a text: every change, its kind and its effect on the framing."
EXAMPLE = (
    "framingkit compare seeds/original_telegraph.txt seeds/republished_2023-03-28.txt "
    "--html compare.html"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``compare``."""
    p.add_argument("a", help="version A (the original): a text, Markdown or HTML file")
    p.add_argument("b", help="version B (the other version)")
    p.add_argument("--json", action="store_true", help="print JSON (fields in docs/compare.md)")
    p.add_argument("--html", metavar="OUT", help="write a self-contained side-by-side HTML page")
    p.add_argument(
        "--all", action="store_true", help="also list typography-only changes (hidden by default)"
    )


def render(cmp: object, *, hidden: int = 0) -> str:
    """The readable report ``compare`` prints."""
    from ..compare.model import EFFECTS, KINDS

    s = cmp.summary()  # type: ignore[attr-defined]
    out = [f"A: {cmp.a.source}", f"B: {cmp.b.source}"]  # type: ignore[attr-defined]
    if cmp.note:  # type: ignore[attr-defined]
        out.append(cmp.note)  # type: ignore[attr-defined]
    out.append(
        f"{s['changes']} changes; {s['coverage_a']:.0%} of A and {s['coverage_b']:.0%} of B "
        "aligned"
        + (f"; {hidden} typography-only changes hidden (--all shows them)" if hidden else "")
    )
    eff = ", ".join(f"{EFFECTS[k].label} {n}" for k, n in s["by_effect"].items() if n)
    kinds = ", ".join(f"{KINDS[k].label} {n}" for k, n in s["by_kind"].items() if n)
    if eff:
        out += [f"by effect: {eff}", f"by kind:   {kinds}"]
    for n, c in enumerate(cmp.changes, 1):  # type: ignore[attr-defined]
        out.append("")
        out.append(f"[{n}] {KINDS[c.kind].label} · {EFFECTS[c.effect].label}")
        for side, text in (("A", c.a_text), ("B", c.b_text)):
            shown = textwrap.shorten(" ".join(text.split()), 110, placeholder=" …") if text else "—"
            out.append(f"    {side}: {shown}")
        out.append(
            textwrap.fill(c.explanation, 100, initial_indent="    ", subsequent_indent="    ")
        )
        for p in c.portrayals:
            out.append(
                textwrap.fill(
                    f"Portrayal ({p.direction}): {p.reason}",
                    100,
                    initial_indent="    ",
                    subsequent_indent="    ",
                )
            )
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    """Compare ``args.a`` with ``args.b`` and print a report, JSON, or write HTML."""
    from ..compare import compare

    cmp = compare(args.a, args.b, hide_typography=not args.all)
    hidden = cmp.hidden
    if args.html:
        from ..compare.views import html_page

        out = Path(args.html)
        try:
            write_text(out, html_page(cmp), parents=False)
        except OSError as exc:
            raise InputError(f"Cannot write '{out}': {exc.strerror or exc}.") from exc
        if not args.json:
            print(f"wrote {out} ({len(cmp.changes)} changes)")
    if args.json:
        print(dumps(cmp.to_json()))
    elif not args.html:
        print(render(cmp, hidden=hidden))
    return 0
