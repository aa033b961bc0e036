"""Function words shared by the analyses (one list, so they agree on what a content word is).

Each analysis adds the few words its own rules need on top of :data:`FUNCTION_WORDS`.

>>> "the" in FUNCTION_WORDS, "pipeline" in FUNCTION_WORDS
(True, False)
"""

from __future__ import annotations

#: Articles, pronouns, auxiliaries, prepositions and conjunctions common to every analysis.
FUNCTION_WORDS: frozenset[str] = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "but",
        "by",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "here",
        "him",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "no",
        "not",
        "of",
        "on",
        "onto",
        "or",
        "she",
        "so",
        "such",
        "than",
        "that",
        "the",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "us",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "with",
        "you",
    ]
)

#: Month names in calendar order (lower case).
MONTHS: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
