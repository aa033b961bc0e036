"""Accuracy of ``framingkit compare`` on held-out pairs with keys written before the kit ran.

Run on demand (not a timed test)::

    PYTHONPATH=src python benchmarks/eval_compare.py            # tests/data/compare_pairs
    PYTHONPATH=src python benchmarks/eval_compare.py DIR -v     # another folder of pairs

Each pair is a folder with ``a.txt``, ``b.txt`` and ``key.json`` (see the README there). For
every keyed change the kit's changes at that place are looked up (overlapping the keyed text
of A, or of B when A has none); the one of the keyed kind with the largest overlap, else the
largest overlap of any kind, is the kit's answer. A keyed change with no kit change at its
place counts as wrong on every axis. Reported: kind, effect (force) and portrayal accuracy
(portrayal only where the key gives one: right when a change there names the actor, a word of
the key's actor, with the keyed direction), and the paratext fields each version should yield.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from framingkit.compare import compare
from framingkit.document import load_article

HERE = Path(__file__).resolve().parents[1] / "tests" / "data" / "compare_pairs"
FIELDS = ("author", "publisher", "genre", "date", "updated", "wire", "translator")


def _spans(text: str, part: str) -> list[tuple[int, int]]:
    """Every place ``part`` occurs in ``text`` (white space compared loosely)."""
    words = part.split()
    if not words:
        return []
    out = []
    k = text.find(words[0])
    while k >= 0:
        end, ok = k, True
        for w in words:
            nxt = text.find(w, end)
            if nxt < 0 or text[end:nxt].strip():
                ok = False
                break
            end = nxt + len(w)
        if ok:
            out.append((k, end))
        k = text.find(words[0], k + 1)
    return out


def _overlap(s: int, e: int, s2: int, e2: int) -> int:
    if s == e:  # a point (the place where the other side's text would go)
        return 1 if s2 <= s <= e2 and s2 < e2 else 0
    return max(0, min(e, e2) - max(s, s2))


def _near(c: Any, sa: list[tuple[int, int]], sb: list[tuple[int, int]]) -> int:
    """How much change ``c`` overlaps the keyed text: of A where the key has A's text (and,
    when B's text is keyed too and occurs more than once in A's place, of B)."""
    if sa and c.a_end == c.a_start:  # B's words inserted at A's keyed place
        inside = any(x[0] <= c.a_start <= x[1] for x in sa)
        return max((_overlap(c.b_start, c.b_end, *y) for y in sb), default=0) if inside else 0
    if sa:
        ov = max((_overlap(c.a_start, c.a_end, *x) for x in sa), default=0)
        if ov and sb and len(sa) > 1:
            ov *= 1 if any(_overlap(c.b_start, c.b_end, *y) for y in sb) else 0
        return ov
    if c.b_end == c.b_start:
        return 0
    return max((_overlap(c.b_start, c.b_end, *y) for y in sb), default=0)


def match(cmp: Any, item: dict[str, Any]) -> Any:
    """The kit's change for one keyed change (or ``None``)."""
    sa, sb = _spans(cmp.a.text, item["a"]), _spans(cmp.b.text, item["b"])
    scored = [(c.kind == item["kind"], ov, c) for c in cmp.changes if (ov := _near(c, sa, sb))]
    if not scored:
        return None
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    return scored[0][2]


def _portrayed(cmp: Any, item: dict[str, Any]) -> bool:
    want = item["portrayal"]
    sa, sb = _spans(cmp.a.text, item["a"]), _spans(cmp.b.text, item["b"])
    return any(
        _near(c, sa, sb)
        and any(
            want["actor"].lower() in p.actor.lower() and p.direction == want["direction"]
            for p in c.portrayals
        )
        for c in cmp.changes
    )


def evaluate_pair(folder: Path, verbose: bool = False) -> dict[str, list[bool]]:
    """Right/wrong per axis for one pair folder."""
    key = json.loads((folder / "key.json").read_text("utf-8"))
    a, b = load_article(folder / "a.txt"), load_article(folder / "b.txt")
    cmp = compare(a, b, hide_typography=True)
    out: dict[str, list[bool]] = {"kind": [], "effect": [], "portrayal": [], "paratext": []}
    for side, art in (("a", a), ("b", b)):
        got = art.paratext
        for f, want in key["paratext"][side].items():
            value = getattr(got, f, None)
            ok = (value or None) == want
            out["paratext"].append(ok)
            if verbose and not ok:
                print(f"  {folder.name} {side}.{f}: kit {value!r}, key {want!r}")
    for item in key["changes"]:
        c = match(cmp, item)
        kind_ok = c is not None and c.kind == item["kind"]
        eff_ok = c is not None and c.effect == item["effect"]
        out["kind"].append(kind_ok)
        out["effect"].append(eff_ok)
        if "portrayal" in item:
            p_ok = _portrayed(cmp, item)
            out["portrayal"].append(p_ok)
        if verbose and not (kind_ok and eff_ok and ("portrayal" not in item or p_ok)):
            shown = f"{c.kind}/{c.effect}" if c else "no change found"
            print(
                f"  {folder.name} {item['id']}: key {item['kind']}/{item['effect']}"
                + (f" + {item['portrayal']['direction']}" if "portrayal" in item else "")
                + f"; kit {shown}"
                + (f" {[p.direction for p in c.portrayals]}" if c and c.portrayals else "")
            )
    return out


def _pct(xs: list[bool]) -> str:
    return f"{sum(xs)}/{len(xs)} ({sum(xs) / len(xs):.0%})" if xs else "-"


def main(argv: list[str] | None = None) -> int:
    """Print the accuracy table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=str(HERE))
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = ap.parse_args(argv)
    pairs = sorted(p for p in Path(args.folder).iterdir() if (p / "key.json").is_file())
    if not pairs:
        print(f"No pairs (folders with key.json) in {args.folder}.", file=sys.stderr)
        return 2
    total: dict[str, list[bool]] = {"kind": [], "effect": [], "portrayal": [], "paratext": []}
    print("| pair | kind | effect | portrayal | paratext fields |")
    print("| --- | --- | --- | --- | --- |")
    for p in pairs:
        r = evaluate_pair(p, args.verbose)
        for k, v in r.items():
            total[k] += v
        print(f"| {p.name} | " + " | ".join(_pct(r[k]) for k in total) + " |")
    print("| **all** | " + " | ".join(_pct(total[k]) for k in total) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
