"""Who is speaking: attribution phrases ("said", "according to", "officials say").

A rewrite can move words between a source and the writer without touching quotation marks:
it drops "according to the ministry" (the ministry's figure becomes the writer's fact), adds
"its owner says" (a fact becomes a claim), or retells a quotation in indirect speech. This
module finds the attribution phrases those rules compare.

>>> attribution_words("According to the ministry , the fees will rise".lower().split())
['according to']
>>> attribution_words("the fees will rise".split())
[]
"""

from __future__ import annotations

from collections.abc import Sequence

#: Verbs that attribute words or a view to a source (every form listed: no stemming; forms
#: that are mostly nouns, such as "report", "note", "state", "estimate", are left out).
REPORTING_VERBS = frozenset(
    [
        *("say", "says", "said", "saying", "tell", "tells", "told", "telling"),
        *("claim", "claims", "claimed", "stated", "reported", "estimated"),
        *("believe", "believes", "believed", "argue", "argues", "argued"),
        *("insist", "insists", "insisted", "adds", "added", "noted"),
        *("explain", "explains", "explained"),
        *("warn", "warns", "warned", "announce", "announces", "announced"),
        *("confirm", "confirms", "confirmed", "deny", "denies", "denied"),
        *("suggest", "suggests", "suggested", "consider", "considers", "considered"),
        *("admit", "admits", "admitted", "acknowledge", "acknowledges", "acknowledged"),
        *("maintain", "maintains", "maintained", "allege", "alleges", "alleged"),
        *("called", "describe", "describes", "described"),
        *("predict", "predicts", "predicted"),
    ]
)
#: Forms that are verbs after a subject ("officials estimate") and nouns after a determiner
#: ("an estimate"): attributions only when no determiner stands before them.
AMBIGUOUS = frozenset(["estimate", "estimates", "report", "reports", "state", "states"])
_DETERMINERS = frozenset(
    ["a", "an", "the", "this", "that", "these", "those", "its", "their", "our", "his", "her"]
)
#: Adverbs and phrases that attribute without a verb.
ATTRIBUTING_ADVERBS = frozenset(["reportedly", "allegedly", "purportedly", "apparently"])


def attribution_words(words: Sequence[str]) -> list[str]:
    """The attribution phrases among lower-case ``words``, in order.

    >>> attribution_words(["its", "owner", "says", "it", "can"])
    ['says']
    >>> attribution_words("officials estimate at".split()), attribution_words("an estimate".split())
    (['estimate'], [])
    """
    out: list[str] = []
    for k, w in enumerate(words):
        if w == "according" and k + 1 < len(words) and words[k + 1] == "to":
            out.append("according to")
        elif (
            w in REPORTING_VERBS
            or w in ATTRIBUTING_ADVERBS
            or (w in AMBIGUOUS and k and words[k - 1] not in _DETERMINERS)
        ):
            out.append(w)
    return out
