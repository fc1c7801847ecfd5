"""Find a verbatim quote in an article: the check that keeps model output honest.

A quote counts as grounded only when it is literally in the text. Two tiers:

- ``exact``: ``str.find`` finds it byte for byte;
- ``normalized``: it matches once whitespace runs, curly/straight quotes, dashes and the
  ellipsis are folded to one form on *both* sides. The folded text keeps a map back to the
  original offsets, so the span returned always points into the article as written.

Matching is plain substring search: no regex is ever built from model output, and nothing
here is fuzzy (a changed word is not a match). Pure functions, no I/O, no LLM imports.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from assistant.model import Grounding, Span

# Characters that editors, CMSs and models swap freely; each maps to one plain form.
_FOLD = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "…": "...",
}
# Invisible characters that sit inside words in pasted text; they are skipped.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_FOLD_TABLE = str.maketrans({**_FOLD, **dict.fromkeys(_INVISIBLE)})
_WHITESPACE_RUN = re.compile(r"\s+")  # \s is str.isspace() for str patterns


def locate(quote: str, text: str, start_hint: int = 0) -> tuple[Span, Grounding] | None:
    """Find ``quote`` in ``text`` and say how well it matched.

    Leading/trailing whitespace of the quote is ignored. When the quote occurs more than
    once, the occurrence starting nearest ``start_hint`` wins (claims come in article
    order, so the caller passes the end of the previous claim). Returns ``None`` when the
    quote is empty or not in the text. Raises nothing.
    """
    needle = quote.strip()
    if not needle:
        return None
    start = _nearest(needle, text, start_hint)
    if start is not None:
        return Span(start=start, end=start + len(needle)), Grounding.exact

    folded_text, origin = _fold_article(text)
    folded_needle = fold(needle)
    if not folded_needle:
        return None
    # The hint in folded coordinates: the first folded char at or after it.
    start = _nearest(folded_needle, folded_text, bisect_left(origin, start_hint))
    if start is None:
        return None
    last = start + len(folded_needle) - 1
    return Span(start=origin[start], end=origin[last] + 1), Grounding.normalized


def _nearest(needle: str, haystack: str, hint: int) -> int | None:
    """Start of the occurrence of ``needle`` nearest ``hint`` (earlier one on a tie)."""
    best: int | None = None
    pos = haystack.find(needle)
    while pos != -1:
        if best is None or abs(pos - hint) < abs(best - hint):
            best = pos
        if pos > hint:
            break  # later occurrences are only further away
        pos = haystack.find(needle, pos + 1)
    return best


def fold(text: str) -> str:
    """The form ``locate`` compares in: one space per whitespace run, plain quotes and
    hyphens, "..." for the ellipsis, invisible characters dropped."""
    # What ``_fold`` gives without the offsets, in C: invisible characters go first, so
    # the whitespace on both sides of one is a single run, as ``_fold`` reads it.
    return _WHITESPACE_RUN.sub(" ", text.translate(_FOLD_TABLE))


@lru_cache(maxsize=32)
def _fold_article(text: str) -> tuple[str, tuple[int, ...]]:
    """``_fold`` with a cache: one article is searched for many quotes and cues in a row."""
    return _fold(text)


def _fold(text: str) -> tuple[str, tuple[int, ...]]:
    """Fold ``text`` and map each folded char to the offset of its source char."""
    chars: list[str] = []
    origin: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch in _INVISIBLE:
            continue
        if ch.isspace():
            if not in_space:
                chars.append(" ")
                origin.append(i)
            in_space = True
            continue
        in_space = False
        for out in _FOLD.get(ch, ch):
            chars.append(out)
            origin.append(i)
    return "".join(chars), tuple(origin)
