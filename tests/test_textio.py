"""textio.fill: exactly textwrap.fill's result (its fast path is for CLI listings)."""

from __future__ import annotations

import random
import textwrap

from framingkit.textio import fill


def test_fill_is_textwrap_fill():
    rng = random.Random(5)
    parts = ["word", "a", "bb", " ", "  ", "-", "—", "\u00a0", "\t", "x" * 30, "“q”", ".", "\n"]
    for _ in range(3000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(0, 40)))
        first, later = rng.choice(["", "  ", "      "]), rng.choice(["", "       "])
        width = rng.choice([10, 33, 96, 100])
        want = textwrap.fill(text, width, initial_indent=first, subsequent_indent=later)
        assert fill(text, width, first, later) == want, (text, width, first, later)


def test_fill_of_single_spaced_prose_is_textwrap_fill():
    """Words and single spaces (the usual listing), some hyphenated, take fill's quick paths."""
    rng = random.Random(15)
    words = ["a", "bb", "word", "longerword", "x" * 12, "é", "it's", "3.5", "end."]
    words += ["well-known", "re-elect", "x-y-z", "a--b", "-", "--", "1-2", "self-"]
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
        first, later = rng.choice(["", "  ", "      "]), rng.choice(["", "       "])
        width = rng.choice([10, 12, 20, 33, 96, 100])
        want = textwrap.fill(text, width, initial_indent=first, subsequent_indent=later)
        assert fill(text, width, first, later) == want, (text, width, first, later)
