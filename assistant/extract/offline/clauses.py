"""Cutting a sentence that states several figures into one clause per figure.

"312 homes were damaged, of which 180 flooded and 97 were left without power." states
three figures; each claim quotes the smallest clause that still reads as a claim:
"312 homes were damaged", "180 flooded", "97 were left without power". Between two
figures the cut goes at the strongest boundary in the gap - a semicolon, then a comma
before a linking word ("of which", "including", "bringing"), then a bare coordinator
("and", "but", "while"), then any comma, then a bare subordinator ("after", "when").
Figures with no boundary between them ("from 12 to 15") share a clause.
"""

from __future__ import annotations

import itertools
import re

from assistant.model import Span

# Strongest boundary first; a cut ends one clause at the match and starts the next after it.
_CUTS = (
    re.compile(r";\s*"),
    re.compile(
        r",\s*(?=(?:of\s+which|of\s+whom|including|while|whereas|but|and|bringing|with|as|"
        r"after|compared)\b)"
    ),
    re.compile(r"\s+(?=(?:and|but|while|whereas)\s)"),
    re.compile(r",\s*"),
    # "had risen to 23 after two bodies were recovered": two events, two claims.
    re.compile(r"\s+(?=(?:after|when|before|because|until)\s)"),
)
# Linking words that do not belong to the claim they introduce.
_LEADING = re.compile(
    r"(?:(?:of\s+which|of\s+whom|and|but|while|whereas|after|when|before|because|until)\s+)+",
    re.IGNORECASE,
)
_EDGE = " \t\n,;:—–-"


def cut_clauses(text: str, start: int, end: int, anchors: list[Span]) -> list[Span]:
    """The clauses of the sentence ``text[start:end]``, one per group of ``anchors``
    (figure spans, in order) that no boundary separates. Each clause is trimmed of a
    leading linking word and of edge punctuation. Raises nothing."""
    clauses: list[Span] = []
    current = start
    for left, right in itertools.pairwise(anchors):
        cut = _best_cut(text, left.end, right.start)
        if cut is not None:
            clauses.append(_trim(text, current, cut[0]))
            current = cut[1]
    clauses.append(_trim(text, current, end))
    return clauses


def trim_clause(text: str, start: int, end: int) -> Span:
    """``text[start:end]`` without edge punctuation, whitespace or a final full stop."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and (
        text[end - 1] in _EDGE or (text[end - 1] == "." and not text[end - 2 : end - 1].isupper())
    ):
        end -= 1  # "U.S." keeps its point
    return Span(start=start, end=end)


def _best_cut(text: str, gap_start: int, gap_end: int) -> tuple[int, int] | None:
    for regex in _CUTS:
        last = None
        for m in regex.finditer(text, gap_start, gap_end):
            last = m
        if last is not None:
            return last.start(), last.end()
    return None


def _trim(text: str, start: int, end: int) -> Span:
    span = trim_clause(text, start, end)
    leading = _LEADING.match(text, span.start, span.end)
    if leading and leading.end() < span.end:
        span = Span(start=leading.end(), end=span.end)
    return span
