"""Tests of the lexicon files: well-formed, broad, licensed, lazily loaded."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from importlib import resources

from framingkit.spot import CATEGORIES
from framingkit.spot.lexicon import COLUMNS, load, lookup, parse_rows, vader_lookup, variants


def test_files_parse_without_problems() -> None:
    lex = load()
    assert lex.problems == ()
    assert load() is lex  # cached


def test_breadth_across_categories() -> None:
    counts = Counter(e.category for e in load().entries())
    assert len(load()) >= 2000
    # open classes are large; the closed classes of engagement and graduation are small lists
    least = {"attitude": 1000, "figurative": 500, "label": 200, "force": 150, "attribute": 80}
    least |= {"entertain": 80, "proclaim": 50, "focus": 30, "disclaim": 10}
    assert set(least) == set(CATEGORIES)
    for cat, n in least.items():
        assert counts[cat] >= n, (cat, counts[cat])


def test_header_and_sources_file() -> None:
    folder = resources.files("framingkit").joinpath("data/lexicons")
    for f in folder.iterdir():
        if f.name.endswith(".tsv"):
            header = next(
                ln for ln in f.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")
            )
            assert tuple(header.split("\t")) == COLUMNS
    sources = folder.joinpath("SOURCES.md").read_text(encoding="utf-8")
    assert "MIT" in sources and "VADER" in sources


def test_bad_rows_are_reported() -> None:
    entries, problems = parse_rows(
        "term\tcategory\tsubtype\tpolarity\tintensity\tnote\n"
        "good\tattitude\tappreciation\t\t1\tno polarity\n"
        "x\tnonsense\ta\t\t1\t\n"
        "y\tproclaim\tpronounce\t\t7\t\n"
        "z\tentertain\tpossibility\t\t1\tfine\n",
        "test.tsv",
    )
    assert [e.term for e in entries] == ["z"]
    assert len(problems) == 3


def test_inflections_and_derivations() -> None:
    assert lookup("refused").term == "refuse"
    assert lookup("disastrously").term == "disastrous"
    assert lookup("gangster").category == "label"
    assert lookup("severing") is None  # "severe" is an adjective, not a verb stem
    assert "spin" in variants("spun")
    assert lookup("parades as").term == "parades as" or lookup("parade as").category


def test_vader_backup_skips_descriptive_news_words() -> None:
    assert vader_lookup("lousy").polarity == "negative"
    assert vader_lookup("killed") is None
    assert vader_lookup("war") is None


def test_import_is_lazy() -> None:
    code = (
        "import sys, framingkit, framingkit.spot;"
        "bad=[m for m in ('matplotlib','ipywidgets','nbformat','nltk','vaderSentiment',"
        "'framingkit.spot.lexicon') if m in sys.modules];print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
