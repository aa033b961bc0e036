"""Evaluate ``spot()`` on the hand-annotated sentences in tests/data/spot/ and on real news.

Own sets (tests/data/spot/, CC0): precision, recall and F1 per category (partial-overlap
credit, spans matched within the same category) and overall (category ignored), plus the
sentence-level macro-F1 (a sentence with any reference span is "evaluative").

Real news: BABE's development split (``../shared/data/babe-dev/``, expert-marked biased words;
evaluation only, never copied into the kit; skipped when absent). Figures: biased-word recall
(the share of marked biased words inside a span), span precision (the share of spans that
contain a marked biased word), spans per 1,000 words, and the sentence-level biased /
non-biased macro-F1 (a sentence is predicted biased when :func:`sentence_is_evaluative`, and
separately when :func:`~framingkit.spot.categories.reads_as_charged`), for
framingkit and, in the same run, for VADER (every word in VADER's lexicon with a valence of at
least 1.5 in absolute value is a span; a sentence with one is predicted biased). Per category:
the spans of each category and the share of them that contain a biased word.

    python benchmarks/eval_spot.py [--set dev|heldout|heldout2|...|heldout6|own|keys|
                                          babe|all] [--no-backup] [--misses] [--breakdown]

``--misses`` lists missed and extra spans of the own sets only (never BABE's sentences);
``--breakdown`` gives BABE's misses and false alarms by kind, in counts only; ``--set keys``
the seed-text figure (lesson keys' reference phrases overlapped by a span).
"""

from __future__ import annotations

import argparse
import ast
import csv
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from framingkit.spot import CATEGORY_ORDER, spot
from framingkit.spot.categories import (
    is_charged,
    is_loaded,
    is_one_sided,
    one_sided_reason,
    reads_as_charged,
)
from framingkit.spot.scoring import parse_marked, score_spans

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "spot"
BABE = ROOT.parent / "shared" / "data" / "babe-dev" / "final_labels_SG1.csv"
if not BABE.exists():  # a worktree sits one level deeper than the main checkout
    BABE = ROOT.parent.parent / "shared" / "data" / "babe-dev" / "final_labels_SG1.csv"

#: The sets: ``dev`` was used while building the lexicon; the held-out sets never were
#: (``heldout2`` was written before the 2026 figurative extension, ``heldout3`` before the
#: issue-11 news coverage work, ``heldout4`` after it and before measuring on it, ``heldout5``
#: before the item-4 BABE-coverage work, ``heldout6`` before the third session's tuning; see
#: docs/spot.md). For decisions (the sentence rule)
#: the development split is ``dev`` + ``heldout`` + ``heldout2``.
SETS = {
    "dev": "eval_*.txt",
    "heldout": "heldout_*.txt",
    "heldout2": "heldout2_*.txt",
    "heldout3": "heldout3_*.txt",
    "heldout4": "heldout4_*.txt",
    "heldout5": "heldout5_*.txt",
    "heldout6": "heldout6_*.txt",
}
#: VADER valence (absolute, -4..4) from which a word counts as a VADER span.
VADER_SPAN = 1.5
_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019-][A-Za-z0-9]+)*")


def load_gold(which: str = "dev", folder: Path = DATA) -> list[tuple[str, list]]:
    """Every annotated sentence of one set: (plain text, reference spans)."""
    out = []
    for f in sorted(folder.glob(SETS[which])):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.append(parse_marked(line.strip()))
    return out


def sentence_is_evaluative(spans: Sequence) -> bool:
    """The sentence-level decision: at least one span of loaded wording
    (:func:`framingkit.spot.categories.is_loaded`). Engagement alone (a neutral reporting verb,
    a hedge, a "but") positions voices without judging, so it does not make a sentence
    evaluative; attitude, labels, figures, intensifying force and distancing do."""
    return any(
        is_loaded(s) if getattr(s, "subtype", None) else s.category in _LOADED_CATEGORIES
        for s in spans
    )


#: For reference spans (annotated by category only): the categories that hold loaded senses.
_LOADED_CATEGORIES = frozenset(["attitude", "label", "figurative", "force", "attribute"])


def _macro_f1(gold: Sequence[bool], pred: Sequence[bool]) -> float:
    def f1(pos: bool) -> float:
        tp = sum(g == pos and p == pos for g, p in zip(gold, pred, strict=True))
        fp = sum(g != pos and p == pos for g, p in zip(gold, pred, strict=True))
        fn = sum(g == pos and p != pos for g, p in zip(gold, pred, strict=True))
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    return (f1(True) + f1(False)) / 2


def evaluate(
    which: str = "dev", backup: bool = True, show: bool = False
) -> dict[str, tuple[float, float, float, int, int]]:
    """Per-category (precision, recall, F1, reference count, predicted count), plus 'all',
    'sentences' (macro-F1 of the sentence-level decision "has a loaded span" in the first three
    places) and 'charged' (the same for :func:`~framingkit.spot.categories.reads_as_charged`)."""
    tot = {c: [0.0, 0, 0] for c in (*CATEGORY_ORDER, "all")}  # credit, n_pred, n_ref
    gold_s: list[bool] = []
    pred_s: list[bool] = []
    pred_c: list[bool] = []
    for text, gold in load_gold(which):
        pred = spot(text, backup=backup).spans
        gold_s.append(sentence_is_evaluative(gold))
        pred_s.append(sentence_is_evaluative(pred))
        pred_c.append(reads_as_charged(pred))
        for c in CATEGORY_ORDER:
            g = [s for s in gold if s.category == c]
            p = [s for s in pred if s.category == c]
            sc = score_spans(p, g, text)
            tot[c][0] += sum(m.credit for m in sc.matches)
            tot[c][1] += len(p)
            tot[c][2] += len(g)
        sc = score_spans([(s.start, s.end) for s in pred], [(s.start, s.end) for s in gold], text)
        tot["all"][0] += sum(m.credit for m in sc.matches)
        tot["all"][1] += len(pred)
        tot["all"][2] += len(gold)
        if show and (sc.missed or sc.extra):
            print(f"- {text}")
            for m in sc.missed:
                cat = next((g.category for g in gold if g.start == m.start), "")
                print(f"    missed {m.text!r} ({cat})")
            for x in sc.extra:
                cat = next((p.category for p in pred if p.start <= x.start < p.end), "")
                print(f"    extra  {x.text!r} ({cat})")
    res = {}
    for c, (cr, npred, nref) in tot.items():
        p = cr / npred if npred else 0.0
        r = cr / nref if nref else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        res[c] = (p, r, f, nref, npred)
    m = _macro_f1(gold_s, pred_s)
    res["sentences"] = (m, m, m, sum(gold_s), sum(pred_s))
    c = _macro_f1(gold_s, pred_c)
    res["charged"] = (c, c, c, sum(gold_s), sum(pred_c))
    return res


# ------------------------------------------------------------------------------ real news


def load_babe(path: Path = BABE) -> list[tuple[str, str, set[str]]]:
    """BABE's sentences as (text, label, biased words); ``[]`` when the file is absent."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    out = []
    for r in rows:
        try:
            words = {w.lower() for w in ast.literal_eval(r["biased_words"] or "[]")}
        except (ValueError, SyntaxError):
            words = set()
        out.append((r["text"].strip(), r["label_bias"], words))
    return out


Spans = list[tuple]  # (start, end, category, subtype, intensity[, the span itself])


@lru_cache(maxsize=4096)
def _spot_cached(text: str, backup: bool) -> tuple:
    return tuple(spot(text, backup=backup).spans)


def _kit_spans(
    backup: bool, keep: Callable[[object], bool] | None = None
) -> Callable[[str], Spans]:
    def run(text: str) -> Spans:
        return [
            (s.start, s.end, s.category, s.subtype, s.intensity, s)
            for s in _spot_cached(text, backup)
            if keep is None or keep(s)
        ]

    return run


def _vader_spans() -> Callable[[str], Spans] | None:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:  # pragma: no cover
        return None
    lex = SentimentIntensityAnalyzer().lexicon

    def run(text: str) -> Spans:
        return [
            (m.start(), m.end(), "vader", "", 2)
            for m in _WORD.finditer(text)
            if abs(lex.get(m.group().lower(), 0.0)) >= VADER_SPAN
        ]

    return run


def evaluate_news(
    rows: Sequence[tuple[str, str, set[str]]],
    spans_of: Callable[[str], Spans],
    decide: Callable[[Spans], bool] | None = None,
    also: dict[str, Callable[[Spans], bool]] | None = None,
) -> dict[str, object]:
    """Biased-word recall, span precision, spans per 1,000 words, sentence macro-F1, and per
    category (spans, share containing a biased word). Sentences labelled "No agreement" count
    for the word figures but not for the sentence figure. ``also``: further sentence decisions,
    each reported as ``macro_f1:NAME``."""
    decide = decide or (lambda sp: bool(sp))
    also = also or {}
    pred_also: dict[str, list[bool]] = {k: [] for k in also}
    n_biased = covered = n_spans = good = n_words = n_phrases = phrases_hit = 0
    per: dict[str, list[int]] = {}
    gold_s: list[bool] = []
    pred_s: list[bool] = []
    for text, label, biased in rows:
        words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
        n_words += len(words)
        marked = [(s, e) for s, e, w in words if w in biased]
        spans = spans_of(text)
        n_spans += len(spans)
        for s, e, cat, *_ in spans:
            hit = any(s < be and e > bs for bs, be in marked)
            good += hit
            row = per.setdefault(cat, [0, 0])
            row[0] += 1
            row[1] += hit
        n_biased += len(marked)
        covered += sum(any(s < be and e > bs for s, e, *_ in spans) for bs, be in marked)
        # phrases: runs of marked words next to each other (only spaces or hyphens between)
        runs: list[list[tuple[int, int]]] = []
        for bs, be in marked:
            if runs and text[runs[-1][-1][1] : bs].strip(" -") == "":
                runs[-1].append((bs, be))
            else:
                runs.append([(bs, be)])
        n_phrases += len(runs)
        phrases_hit += sum(any(s < r[-1][1] and e > r[0][0] for s, e, *_ in spans) for r in runs)
        if label in {"Biased", "Non-biased"}:
            gold_s.append(label == "Biased")
            pred_s.append(decide(spans))
            for k, f in also.items():
                pred_also[k].append(f(spans))
    return {
        **{f"macro_f1:{k}": _macro_f1(gold_s, v) for k, v in pred_also.items()},
        "sentences": len(rows),
        "recall": covered / n_biased if n_biased else 0.0,
        "phrase_recall": phrases_hit / n_phrases if n_phrases else 0.0,
        "precision": good / n_spans if n_spans else 0.0,
        "per_1000": 1000 * n_spans / n_words if n_words else 0.0,
        "macro_f1": _macro_f1(gold_s, pred_s),
        "per_category": {c: (n, h / n if n else 0.0) for c, (n, h) in per.items()},
    }


def _as_spans(spans: Spans) -> list:
    from types import SimpleNamespace

    return [
        t[5] if len(t) > 5 else SimpleNamespace(category=t[2], subtype=t[3], intensity=t[4])
        for t in spans
    ]


def _kit_decide(spans: Spans) -> bool:
    return sentence_is_evaluative(_as_spans(spans))


def _kit_charged(spans: Spans) -> bool:
    return reads_as_charged(_as_spans(spans))


_BABE_NOTE = """'loaded' = attitude, label, figurative, force: intensify,
 attribute: distance; 'one-sided' = loaded less the routine kinds (is_one_sided: praise below
 intensity 3, mild force, mild action verbs, mild labels, quoted words); 'charged' = one-sided
 at intensity >= 2; sentence macro-F1 over Biased /
 Non-biased: 'F1 eval' = a loaded span, 'F1 chg' = reads_as_charged (a charged span or two
 one-sided spans), each read from the row's spans (so in the 'charged' row both mean 'a charged
 span'); the kit's own sentence decision is reads_as_charged on all its spans (F1 chg);
 'phrases' = share of marked phrases (runs of adjacent marked words) touched by a span, beside
 the target's word recall: annotators mark phrases, the kit the smallest evaluative word)"""


def report_babe(rows: Sequence[tuple[str, str, set[str]]], backup: bool) -> None:
    """Print the word and sentence figures of the kit's span sets and of VADER on BABE."""
    also = {"charged": _kit_charged}
    results = [
        ("framingkit, all spans", evaluate_news(rows, _kit_spans(backup), _kit_decide, also)),
        (
            "framingkit, loaded",
            evaluate_news(rows, _kit_spans(backup, is_loaded), _kit_decide, also),
        ),
        (
            "framingkit, one-sided",
            evaluate_news(rows, _kit_spans(backup, is_one_sided), _kit_decide, also),
        ),
        (
            "framingkit, charged",
            evaluate_news(rows, _kit_spans(backup, is_charged), _kit_decide, also),
        ),
    ]
    vader = _vader_spans()
    if vader is not None:
        results.append(
            (f"VADER (|v|>={VADER_SPAN})", evaluate_news(rows, vader, None, {"charged": bool}))
        )
    head = f"{'system':<22} {'recall':>7} {'prec.':>6} {'/1000w':>7} {'F1 eval':>8} {'F1 chg':>7}"
    print(head + f" {'phrases':>8}")
    for name, r in results:
        print(
            f"{name:<22} {r['recall']:7.2f} {r['precision']:6.2f} "
            f"{r['per_1000']:7.1f} {r['macro_f1']:8.2f} {r['macro_f1:charged']:7.2f}"
            f" {r['phrase_recall']:8.2f}"
        )
    print(f"(backup={'VADER' if backup else 'off'}; " + _BABE_NOTE)
    print(f"{'category':<12} {'spans':>6} {'with biased word':>17}")
    per = results[0][1]["per_category"]
    assert isinstance(per, dict)
    for c in CATEGORY_ORDER:
        n, share = per.get(c, (0, 0.0))
        print(f"{c:<12} {n:6d} {share:17.2f}")


def breakdown(rows: Sequence[tuple[str, str, set[str]]], backup: bool) -> dict[str, Counter]:
    """Error analysis in counts only (no sentence or word is printed): marked words outside every
    loaded span by kind, and loaded spans without a marked word by sense and sentence label."""
    from framingkit.spot.lexicon import lookup
    from framingkit.wordlists import STOPWORDS

    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        vlex = SentimentIntensityAnalyzer().lexicon
    except ImportError:  # pragma: no cover
        vlex = {}
    misses: Counter = Counter()
    alarms: Counter = Counter()
    forms: Counter = Counter()  # (form class, marked?) over words in no list and no span
    reasons: Counter = Counter()  # (one_sided_reason, holds a marked word?) over loaded spans
    for text, label, biased in rows:
        spans = [s for s in _spot_cached(text, backup) if is_loaded(s)]
        words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
        marked = [(a, b) for a, b, w in words if w in biased]
        for a, b, w in words:
            if any(s.start < b and s.end > a for s in spans):
                continue
            if w not in STOPWORDS and not text[a].isupper() and w not in vlex and not lookup(w):
                forms[(_form_class(w), w in biased)] += 1
            if w not in biased:
                continue
            if w in STOPWORDS:
                kind = "a function word (part of a marked phrase)"
            elif any(abs(s.start - b) <= 2 or abs(a - s.end) <= 2 for s in spans):
                kind = "next to a span (the marked phrase is wider)"
            elif text[a].isupper() and a > 0:
                kind = "capitalised inside the sentence (a name?)"
            elif lookup(w) is not None:
                kind = "in the kit's lexicon, not spotted here (a rule or sense)"
            elif w in vlex:
                kind = "in VADER below the back-up threshold"
            else:
                kind = "in no list"
            misses[kind] += 1
        for s in spans:
            why = one_sided_reason(s) or "one-sided"
            reasons[(why, any(s.start < b and s.end > a for a, b in marked))] += 1
            if any(s.start < b and s.end > a for a, b in marked):
                continue
            sense = f"{s.category}:{s.subtype}" + (f" {s.polarity}" if s.polarity else "")
            alarms[(label, f"{sense}, intensity {s.intensity}")] += 1
    print(f"\nmarked words outside every loaded span: {sum(misses.values())}")
    for k, v in misses.most_common():
        print(f"  {v:5d}  {k}")
    print(f"loaded spans without a marked word: {sum(alarms.values())}")
    by_label = Counter(lbl for lbl, _ in alarms.elements())
    for lbl, v in by_label.most_common():
        print(f"  {v:5d}  in {lbl} sentences")
    for (lbl, sense), v in alarms.most_common(12):
        print(f"  {v:5d}  {sense} ({lbl})")
    print("loaded spans by one_sided_reason: with a marked word / all (share)")
    for why in sorted({w for w, _ in reasons}, key=lambda w: -reasons[(w, True)]):
        hit, n = reasons[(why, True)], reasons[(why, True)] + reasons[(why, False)]
        print(f"  {hit:5d} / {n:6d} ({hit / n:.3f})  {why}")
    print("words in no list and in no span, by form: marked / all (share marked)")
    for form in sorted({f for f, _ in forms}, key=lambda f: -forms[(f, True)]):
        hit, n = forms[(form, True)], forms[(form, True)] + forms[(form, False)]
        print(f"  {hit:5d} / {n:6d} ({hit / n:.3f})  {form}")
    return {"misses": misses, "alarms": alarms, "forms": forms, "reasons": reasons}


def _form_class(w: str) -> str:
    """A rough word class from the form alone (no tagger ships with the kit)."""
    for suffix, name in (
        ("ing", "-ing (verb forms, gerunds)"),
        ("ed", "-ed (past forms, participles)"),
        ("ly", "-ly (adverbs)"),
        ("ist", "-ist/-ism (isms and their people)"),
        ("ism", "-ist/-ism (isms and their people)"),
        ("ists", "-ist/-ism (isms and their people)"),
        ("s", "-s (plurals, 3rd person)"),
    ):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            return name
    return "other (nouns, adjectives, base verbs)"


def evaluate_keys(folder: Path = ROOT / "src" / "framingkit" / "data" / "keys") -> dict:
    """The seed-text figure: for every spans exercise of the lesson keys, the share of its
    reference phrases that a span of ``spot(exercise text)`` overlaps (category ignored);
    ``{exercise id: (hits, references)}`` plus ``"all"``."""
    import json

    out: dict[str, tuple[int, int]] = {}
    for f in sorted(folder.glob("*.json")):
        for name, ex in json.loads(f.read_text(encoding="utf-8"))["exercises"].items():
            if ex.get("type") != "spans" or not ex.get("text"):
                continue
            text = ex["text"]
            spans = spot(text).spans
            hits = n = 0
            for ref in ex.get("reference", []):
                phrase = ref["text"] if isinstance(ref, dict) else str(ref)
                at = text.find(phrase)
                if at < 0:
                    continue
                n += 1
                hits += any(sp.start < at + len(phrase) and sp.end > at for sp in spans)
            out[name] = (hits, n)
    out["all"] = (sum(h for h, _ in out.values()), sum(n for _, n in out.values()))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-backup", action="store_true", help="kit lexicon only, no VADER")
    ap.add_argument("--misses", action="store_true", help="list missed and extra spans")
    ap.add_argument(
        "--breakdown", action="store_true", help="BABE: misses and false alarms by kind (counts)"
    )
    ap.add_argument(
        "--set",
        choices=[*SETS, "own", "babe", "keys", "all"],
        default="all",
        help="which sentences ('keys': the lesson keys' spans exercises)",
    )
    args = ap.parse_args(argv)
    sets = {"all": [*SETS, "keys", "babe"], "own": list(SETS)}.get(args.set, [args.set])
    backup = "off" if args.no_backup else "VADER"
    for which in sets:
        if which == "keys":
            print("\nlesson keys, spans exercises: reference phrases overlapped by a span")
            for name, (h, k) in evaluate_keys().items():
                print(f"{name:<34} {h:3d} of {k:3d}  {h / k if k else 0:.2f}")
            continue
        if which == "babe":
            rows = load_babe()
            if not rows:
                print(f"\nbabe: {BABE} not found; skipped")
                continue
            print(f"\nbabe-dev: {len(rows)} real news sentences (BABE, expert-marked words)")
            report_babe(rows, not args.no_backup)
            if args.breakdown:
                breakdown(rows, not args.no_backup)
            continue
        n = len(load_gold(which))
        res = evaluate(which, backup=not args.no_backup, show=args.misses)
        print(f"\n{which}: {n} sentences; partial-overlap credit; backup={backup}")
        print(f"{'category':<12} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'found':>6}")
        for c, (p, r, f, nref, npred) in res.items():
            if c in ("sentences", "charged"):
                rule = "a loaded span" if c == "sentences" else "reads_as_charged"
                print(f"{c:<12} macro-F1 {f:.2f} ({nref} of {n} evaluative, {npred} found; {rule})")
                continue
            print(f"{c:<12} {p:6.2f} {r:6.2f} {f:6.2f} {nref:5d} {npred:6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
