"""``framingkit key draft A B --out key.json``: draft a reference key for a new pair of texts.

The draft comes from the kit's own analyses (compare, spot, claims) and is meant to be
**corrected by the instructor**: every reference answer is the kit's reading, and every item
carries the kit's explanation in ``why`` so the instructor can see what to check. The key has
the format of ``src/framingkit/data/keys/<lesson>.json`` (see docs/architecture.md), so the
grader reads it with ``--key DIR`` and notebooks find it through ``FRAMINGKIT_KEY_DIR``.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..atomic import write_text
from ..errors import InputError

HELP = "Draft a reference key (exercises and answers) for a new pair of texts, to correct by hand."
EXAMPLE = "framingkit key draft a.txt b.txt --lesson my-pair --out keys/my-pair.json"

#: How many items each drafted exercise gets at most.
MAX_CHANGES = 8
MAX_CLAIMS = 8
#: Words of text in the drafted span exercise (whole paragraphs, at most about this many).
SPAN_WORDS = 140
_LESSON_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``key``."""
    p.add_argument("action", choices=("draft",), help="draft: write a key from the kit's analyses")
    p.add_argument("a", help="version A (the earlier or source text), a UTF-8 text file")
    p.add_argument("b", help="version B (the later or derived text)")
    p.add_argument(
        "--lesson",
        default="my-pair",
        help="lesson id of the key: lowercase letters, digits and hyphens (default: my-pair)",
    )
    p.add_argument(
        "--out",
        required=True,
        help="the key file to write (a folder writes <folder>/<lesson>.json)",
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing key file")


def _change_item(n: int, change: Any) -> dict[str, Any]:
    a = change.a_text.strip() or "(nothing)"
    b = change.b_text.strip() or "(nothing)"
    return {"id": f"x{n}", "text": f"“{_short(a)}” → “{_short(b)}”", "why": change.explanation}


def _short(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _pick_changes(changes: Sequence[Any]) -> list[Any]:
    """Changes worth asking about: no typography, framing effects first, in text order."""
    useful, seen = [], set()
    for c in changes:
        pair = (" ".join(c.a_text.split()), " ".join(c.b_text.split()))
        if c.kind != "typography" and any(pair) and pair not in seen:
            seen.add(pair)
            useful.append(c)
    ranked = sorted(useful, key=lambda c: (c.effect == "neutral", c.a_start, c.b_start))
    chosen = ranked[:MAX_CHANGES]
    return sorted(chosen, key=lambda c: (c.a_start, c.b_start))


def _span_passage(article: Any, spans: Sequence[Any]) -> tuple[str, list[dict[str, str]]]:
    """The run of paragraphs of ``article`` richest in evaluative spans, and its references."""
    paras = [p for p in article.paragraphs if p.role == "body"] or list(article.paragraphs)
    if not paras:
        raise InputError("Version B has no text to draft a span exercise from.")
    best, best_score = (0, 1), -1.0
    for i in range(len(paras)):
        words, j = 0, i
        while j < len(paras) and (words == 0 or words + len(paras[j].clean.split()) <= SPAN_WORDS):
            words += len(paras[j].clean.split())
            j += 1
        lo, hi = paras[i].start, paras[j - 1].end
        score = sum(lo <= s.start and s.end <= hi for s in spans)
        if score > best_score:
            best, best_score = (i, j), score
    i, j = best
    lo, hi = paras[i].start, paras[j - 1].end
    text = article.text[lo:hi]
    refs = [
        {"text": s.text, "why": f"{s.category}: {s.explanation}"}
        for s in spans
        if lo <= s.start and s.end <= hi and s.text.strip()
    ]
    return text, refs


def draft_key(a: Any, b: Any, lesson: str = "my-pair") -> dict[str, Any]:
    """A draft key (a JSON-ready dict) for versions ``a`` and ``b`` (paths, texts or Articles).

    >>> _A = "Xi declined to sign the pipeline agreement in Moscow."
    >>> _B = "Xi refused to sign the pipeline agreement in Moscow."
    >>> key = draft_key(_A, _B, "demo")
    >>> key["exercises"]["demo/changes"]["reference"]
    {'x1': ['wording', 'stronger']}
    """
    if not _LESSON_RE.match(lesson):
        raise InputError(
            f"The lesson id '{lesson}' must be lowercase letters, digits and hyphens "
            "(e.g. 'my-pair')."
        )
    from ..claims import CERTAINTY, CLAIM_TYPES, claims
    from ..compare import EFFECTS, KINDS, compare
    from ..document import load_article
    from ..spot import spot

    art_a, art_b = load_article(a), load_article(b)
    if not art_a.text.strip() or not art_b.text.strip():
        raise InputError("Both texts must contain some words to draft a key.")
    cmp = compare(art_a, art_b)
    exercises: dict[str, dict[str, Any]] = {}

    picked = _pick_changes(cmp.changes)
    if picked:
        exercises[f"{lesson}/changes"] = {
            "type": "classify",
            "title": "Kind and effect of each change",
            "prompt": "For each change from version A to version B, give its kind and its "
            "effect on the framing.",
            "points": len(picked),
            "axes": {"kind": list(KINDS), "effect": list(EFFECTS)},
            "items": [_change_item(n, c) for n, c in enumerate(picked, 1)],
            "reference": {f"x{n}": [c.kind, c.effect] for n, c in enumerate(picked, 1)},
        }

    res_b = spot(art_b)
    text, refs = _span_passage(art_b, res_b.spans)
    if refs:
        exercises[f"{lesson}/evaluative-b"] = {
            "type": "spans",
            "title": "Evaluative language in version B",
            "prompt": "Select the words and phrases through which version B judges, intensifies, "
            "hedges, labels or keeps a distance.",
            "points": len(refs),
            "text": text,
            "reference": refs,
        }

    cm = claims(art_a)
    chosen = [c for c in cm.claims if c.position != "headline"][:MAX_CLAIMS]
    if chosen:
        exercises[f"{lesson}/claims-a"] = {
            "type": "classify",
            "title": "Claims in version A",
            "prompt": "Give the type of each claim of version A and how certain the writer sounds.",
            "points": len(chosen),
            "axes": {"type": list(CLAIM_TYPES), "certainty": list(CERTAINTY)},
            "items": [
                {
                    "id": c.id,
                    "text": _short(c.text, 240),
                    "why": "certainty cues: "
                    + (", ".join(q.text for q in c.certainty_cues) or "none"),
                }
                for c in chosen
            ],
            "reference": {c.id: [c.type, c.certainty] for c in chosen},
        }

    exercises[f"{lesson}/frame"] = {
        "type": "text",
        "title": "The frame of each version",
        "prompt": "For each version, state its problem definition, causal interpretation, moral "
        "evaluation and treatment recommendation, with a quotation for each; then say how the "
        "frames differ.",
        "points": 5,
        "rubric": [
            {"id": "r1", "points": 1, "criterion": "Problem definition of each version, quoted."},
            {
                "id": "r2",
                "points": 1,
                "criterion": "Causal interpretation of each version, quoted.",
            },
            {"id": "r3", "points": 1, "criterion": "Moral evaluation of each version, quoted."},
            {"id": "r4", "points": 1, "criterion": "Treatment recommendation (or its absence)."},
            {"id": "r5", "points": 1, "criterion": "A specific difference between the frames."},
        ],
    }
    return {
        "lesson": lesson,
        "draft": (
            f"Drafted by 'framingkit key draft' from {art_a.source} and {art_b.source}. Every "
            "reference is the kit's automatic reading: check and correct each one (the 'why' "
            "fields say what the kit saw), delete items that teach nothing, and add multiple-"
            "choice questions with feedback naming each misconception."
        ),
        "exercises": exercises,
    }


def _target(out: str, lesson: str) -> tuple[Path, bool]:
    """The key file to write, and whether ``out`` names a folder (created if missing).

    A path that is a folder, ends with a slash or does not end in ``.json`` is a folder.
    """
    p = Path(out)
    folder = p.is_dir() or out.endswith(("/", "\\")) or p.suffix.lower() != ".json"
    return (p / f"{lesson}.json" if folder else p), folder


def run(args: argparse.Namespace) -> int:
    """Draft the key and write it to ``--out``."""
    from ..exercises import model

    target, folder = _target(args.out, args.lesson)
    if target.exists() and not args.force:
        raise InputError(f"{target} already exists; use --force to overwrite it.")
    if not target.parent.is_dir() and not folder:
        raise InputError(f"The folder {target.parent} does not exist.")
    key = draft_key(args.a, args.b, args.lesson)
    model.parse_key(key, name=target.name)  # the draft must load as a key
    write_text(target, json.dumps(key, indent=2, ensure_ascii=False) + "\n", parents=folder)
    print(f"wrote {target}: {len(key['exercises'])} exercises drafted for lesson '{args.lesson}'")
    for ex_id, ex in key["exercises"].items():
        n = len(ex.get("items", ex.get("reference", ex.get("rubric", []))))
        print(f"  {ex_id:<32} {ex['type']:<9} {n} items")
    if target.name != f"{args.lesson}.json":
        print(
            f"note: the grader (--key DIR) and notebooks (FRAMINGKIT_KEY_DIR) look for "
            f"{args.lesson}.json; rename the file or keep it in a folder under that name."
        )
    print("Now correct every reference answer by hand: this is a draft.")
    return 0
