"""Light, rule-based text folding shared by the metric, unit and source normalisers.

Deliberately small: lower case, unified quotes and dashes, words, and a plural-to-singular
rule for nouns. No stemming of verbs and no similarity measure — two phrases are the same
only when they fold to the same words.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_WORD = re.compile(r"[a-z0-9$€£%]+(?:['\-][a-z0-9]+)*")

# Plurals the suffix rules below would get wrong.
_IRREGULAR = {
    "people": "people",
    "children": "child",
    "men": "man",
    "women": "woman",
    "lives": "life",
    "wives": "wife",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "buses": "bus",
    "species": "species",
    "series": "series",
    "news": "news",
    "police": "police",
    "staff": "staff",
    "troops": "troop",
    "data": "data",
    "media": "media",
}
# Words ending in "s" that are not plurals (or whose singular would be odd).
_NOT_PLURAL = {"was", "has", "is", "this", "us", "its", "his", "as", "less", "gas", "bus", "plus"}


def fold(text: str) -> str:
    """Lower case with typographic quotes and dashes unified and whitespace collapsed."""
    return " ".join(text.translate(_TYPOGRAPHY).lower().split())


def words(text: str) -> list[str]:
    """The words of ``text`` after folding; possessive ``'s`` is dropped."""
    found = _WORD.findall(fold(text))
    return [w[:-2] if w.endswith("'s") else w for w in found]


def singular(word: str) -> str:
    """The singular of an English plural noun by suffix rules; other words unchanged."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word in _NOT_PLURAL or not word.endswith("s") or word.endswith("ss"):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "zzes", "sses")):
        return word[:-2]
    if word.endswith(("us", "is")):  # census, crisis
        return word
    return word[:-1]


# Grammar words that change nothing about what is counted or who is meant: articles,
# possessive determiners, auxiliaries, relative pronouns ("people who have died" = "people died").
_FILLER = frozenset(
    {"a", "an", "the", "their", "his", "her", "its", "our", "your", "some"}
    | {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had"}
    | {"who", "that", "which"}
)


@lru_cache(maxsize=65536)
def key_phrase(text: str) -> str:
    """The folded form of a metric or subject phrase: filler dropped, nouns singularised.

    >>> key_phrase("Residents were forced to leave their homes")
    'resident forced to leave home'
    """
    return " ".join(singular(w) for w in words(text) if w not in _FILLER)


@lru_cache(maxsize=4096)
def unit_phrase(text: str) -> str:
    """The folded form of a unit as written ("US dollars" -> "us dollar", "%" stays)."""
    return " ".join(singular(w) for w in words(text)) or text.strip()
