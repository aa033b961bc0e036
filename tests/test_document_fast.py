"""Parsing's fast paths give what the plain forms they stand for give.

Each speed-up in :mod:`framingkit.document` replaces a plain form (a regex as first written, a
dataclass constructor, a generator) by a faster one; these tests hold the two side by side on
crafted and random strings, so a later edit cannot make them drift apart.
"""

from __future__ import annotations

import dataclasses
import random
import re

import pytest

from framingkit import document
from framingkit.document import Sentence, Token, load_article
from framingkit.typography import fold

#: The regexes as first written (the reference forms).
_ITALIC_PLAIN = re.compile(r"(?<![*\w])[*_](?=\S)(.+?)(?<=\S)[*_](?![*\w])", re.DOTALL)
_BLOCK_SPLIT_PLAIN = re.compile(r"(?:\r?\n[ \t\u00a0]*){2,}")
_PIECES = ["*", "_", "**", "a", "b", " ", "\n", "\r", "\t", "\u00a0", "é", "1", ".", "\n\n"]


def _matches(rx: re.Pattern[str], s: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in rx.finditer(s)]


def _random_strings(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 24))) for _ in range(n)]


@pytest.mark.parametrize(
    ("fast", "plain"),
    [(document._ITALIC_RE, _ITALIC_PLAIN), (document._BLOCK_SPLIT_RE, _BLOCK_SPLIT_PLAIN)],
    ids=["italic", "block split"],
)
def test_fast_regexes_match_as_written(fast, plain):
    crafted = ["*a*", "a*b*", "_x_ and *y*", "**b**", "*a\n\nb*", "a\r\n\r\nb", "a\n \u00a0\n\nb"]
    for s in crafted + _random_strings(5000, 15):
        assert _matches(fast, s) == _matches(plain, s), repr(s)


def test_not_clean_test_finds_what_collapsing_changes():
    rng = random.Random(7)
    pieces = [" ", "a", "\n", "\t", "\u00a0", "\x1c", "\u3000", "\r", "\u2028", "bc"]
    for _ in range(5000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        collapsed = " ".join(s.split())
        assert (collapsed if document._NOT_CLEAN_RE.search(s) else s) == collapsed, repr(s)


def test_is_word_as_any_alphanumeric_character():
    for text in [
        "word",
        "Putin's",
        "4,200km",
        "-",
        "_",
        "__",
        "\u00e9t\u00e9",
        "\u00b2",
        ".",
        "a_",
    ]:
        tok = Token(0, len(text), text, text)
        assert tok.is_word == any(ch.isalnum() for ch in text), text
    for code in range(0x3000):  # every character of the common scripts, one by one
        ch = chr(code)
        assert Token(0, 1, ch, ch).is_word == ch.isalnum(), hex(code)


def test_built_units_equal_constructed_ones():
    """Tokens and sentences built by their slots equal, hash and print as constructed ones."""
    art = load_article("The \u201cdeal\u201d of the **century**. It ended; since then, quiet.")
    for sent in art.sentences:
        built = dataclasses.astuple(sent)
        again = Sentence(
            *built[:7], tokens=tuple(Token(*dataclasses.astuple(t)) for t in sent.tokens)
        )
        assert again == sent and hash(again) == hash(sent) and repr(again) == repr(sent)
        with pytest.raises(dataclasses.FrozenInstanceError):
            sent.tokens[0].norm = "x"  # type: ignore[misc]
        for tok in sent.tokens:
            assert tok.text == art.text[tok.start : tok.end] == art.masked[tok.start : tok.end]
            assert tok.norm == fold(art.masked)[tok.start : tok.end].lower()
            assert type(tok) is Token and isinstance(tok, document.Span)


def test_clean_texts_as_collapsed():
    """Sentences' and paragraphs' clean texts are their masked texts, white space collapsed."""
    text = "Head line\n\nA  first\tsentence. A *second*  one.\n\nLast   para here, hard\nwrapped."
    art = load_article(text)
    for unit in [*art.paragraphs, *art.all_sentences]:
        assert unit.clean == " ".join(art.masked[unit.start : unit.end].split())
