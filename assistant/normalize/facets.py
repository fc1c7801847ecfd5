"""What the words around a figure say about what it counts, beyond the metric phrase.

An extractor may name a metric loosely: "river" for both "the river peaked at 5.82
metres" and "the river rose by 3.1 metres", or "people died" for "7 people died in road
accidents". Compared under one key those would be a false conflict, so the metric key is
refined from the claim's own quote:

- the **aspect** of a measure (metres, percent, money — never a plain count, whose rise
  is simply the count for its period): a change ("rose by 3.1 metres", "a rise of" ->
  ``rise``; "fell by" -> ``fall``), a difference from normal ("two metres above its usual
  level" -> ``above normal``), or a peak ("peaked at", "a peak of" -> ``peak``);
- a **qualifier** that narrows what is counted: a bare noun phrase after "in", "from",
  "after", "due to", "caused by" right after the figure ("died in road accidents"; not
  "of", which mostly joins a number to its noun: "40 millimetres of rain"). Phrases
  with a determiner ("in the floods", "from their homes") point at the story's own
  event or a place and change nothing; nor do names ("in Fenholt") or times ("in the
  past 24 hours").

Each refinement is appended only when the metric phrase does not already say it, so
"river level rise" stays as it is. Nothing here guesses: no pattern, no refinement.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.normalize.lexical import key_phrase

# The metric a prison sentence is filed under, however it is worded ("sentenced to 14
# years", "jailed for 12 years", "a five-year term"). Not a listed count: a sentence
# belongs to one person and one sentencing (see ``compare.identity.another_sentencing``).
PRISON_SENTENCE = "prison sentence"

# Aspect -> the words that, in a metric phrase, already express it.
_ASPECT_WORDS = {
    "rise": {"rise", "rose", "risen", "increase", "gain", "change", "jump", "growth"},
    "fall": {"fall", "fell", "fallen", "drop", "decrease", "decline", "change", "loss"},
    "above normal": {"above", "usual", "normal", "average", "anomaly", "excess"},
    "below normal": {"below", "usual", "normal", "average", "anomaly", "shortfall"},
    "peak": {"peak", "peaked", "maximum", "high", "highest", "crest"},
}
# The verbs of a sharp move beyond "rose" and "fell", one list for every reading of them
# (the offline extractor reads what moved; here, which way).
SHARP_RISES = ("surged", "soared", "rallied", "advanced", "rebounded", "spiked")
SHARP_FALLS = (
    "plunged", "plummeted", "tumbled", "slumped", "slipped", "slid", "dipped", "eased",
    "tanked", "retreated",
)  # fmt: skip
# Read just before the figure (the quote up to it, lower case).
_BEFORE = [
    (
        "rise",
        re.compile(
            r"\b(?:rose|risen|rises|rising|increased|increases|climbed|jumped|grew|grown|"
            rf"{'|'.join(SHARP_RISES)}|"
            r"went up|up)(?: by)?\s*$|\b(?:a|an) (?:rise|increase|jump|climb) of\s*$"
        ),
    ),
    (
        "fall",
        re.compile(
            r"\b(?:fell|fallen|falls|falling|dropped|drops|decreased|declined|sank|"
            rf"{'|'.join(SHARP_FALLS)}|"
            r"went down|down)(?: by)?\s*$|\b(?:a|an) (?:fall|drop|decrease|decline) of\s*$"
        ),
    ),
    ("peak", re.compile(r"\b(?:peaked|crested|topped out)(?: at)?\s*$|\b(?:a|its) peak of\s*$")),
]
# Read just after the figure: an optional unit word, then the comparison with normal.
_NORMAL = r"(?:the |its |their )?(?:usual|normal|average|typical|seasonal|expected)\b"
_AFTER = [
    ("above normal", re.compile(rf"^\s*(?:[\w-]+\s+){{0,2}}?(?:above|higher than) {_NORMAL}")),
    ("below normal", re.compile(rf"^\s*(?:[\w-]+\s+){{0,2}}?(?:below|lower than) {_NORMAL}")),
    # "closed 7.5% lower", "ended 2% higher"
    ("fall", re.compile(r"^\s*lower\b(?! than)")),
    ("rise", re.compile(r"^\s*higher\b(?! than)")),
]

# A qualifier: up to three words after the figure (the noun and verb of the metric), a
# preposition, then a bare noun phrase of lower-case words up to the next boundary.
_QUALIFIER = re.compile(
    r"^\s*(?:[a-z-]+\s+){0,3}?"
    r"(in|from|after|due to|caused by|because of)\s+"
    r"((?:[a-z-]+)(?:\s+[a-z-]+){0,2}?)"
    r"(?=\s*(?:[,.;:!?)]|$|\s(?:on|in|at|by|since|during|over|and|or|but|as|after|"
    r"before|while|when|across|near|around|according|said|say|says|could|would|will|may|"
    r"might|was|were|is|are|had|has|have)\b))"
)
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "their",
        "his",
        "her",
        "its",
        "our",
        "your",
        "my",
        "some",
        "many",
        "several",
        "all",
        "each",
        "every",
        "both",
        "other",
        "another",
        "such",
    ]
)
_NOT_A_QUALIFIER = frozenset(
    # Times, and words that start a number or a clause rather than a category.
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
        "overnight",
        "morning",
        "afternoon",
        "evening",
        "night",
        "week",
        "weekend",
        "weeks",
        "days",
        "day",
        "hours",
        "hour",
        "months",
        "month",
        "year",
        "years",
        "total",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "where",
        "them",
        "us",
        "it",
    ]
)
# Nouns that locate rather than narrow ("evacuated from homes", "in hospital" is kept).
_PLACES = frozenset(
    ["home", "homes", "house", "houses", "area", "areas", "region", "town", "city", "village"]
)


def refine(metric_key: str, phrase: str, quote: str, figure: str | None, measure: bool) -> str:
    """``metric_key`` with the aspect and qualifier the quote gives the figure, if any.

    ``phrase`` is the metric as the extractor wrote it, ``figure`` the number as written
    (its first occurrence in ``quote`` anchors the reading) and ``measure`` whether the
    unit is a measure rather than a plain count. Never raises.
    """
    return _refine(metric_key, phrase, quote, figure or "", measure)


@lru_cache(maxsize=65536)
def _refine(metric_key: str, phrase: str, quote: str, figure: str, measure: bool) -> str:
    at = quote.find(figure) if figure else -1
    if at < 0:
        return metric_key
    before, after = quote[:at].lower(), quote[at + len(figure) :]
    said = set(key_phrase(phrase).split()) | set(metric_key.split())
    parts = [metric_key]
    if measure and (found := aspect(before, after.lower())) and not said & _ASPECT_WORDS[found]:
        parts.append(found)
    if (extra := qualifier(after)) and not set(key_phrase(extra).split()[1:]) <= said:
        parts.append(key_phrase(extra))
    return " ".join(parts)


def aspect(before: str, after: str) -> str | None:
    """'rise', 'fall', 'peak', 'above normal' or 'below normal' from the lower-cased
    text before and after a figure; None for a plain level or amount."""
    for name, pattern in _BEFORE:
        if pattern.search(before[-40:]):
            return name
    for name, pattern in _AFTER:
        if pattern.search(after[:60]):
            return name
    return None


def qualifier(after: str) -> str | None:
    """'in road accidents' from the text after a figure (case kept), or None."""
    m = _QUALIFIER.match(after[:80])
    if m is None:
        return None
    head, *rest = m[2].split()
    if head in _DETERMINERS or head in _NOT_A_QUALIFIER or m[2].split()[-1] in _PLACES:
        return None
    if any(w in _NOT_A_QUALIFIER for w in rest):
        return None
    return f"{m[1]} {m[2]}"
