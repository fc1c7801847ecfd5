"""Where each figure of an article stands in its text, grouped by sentence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.compare.facts import Facts
from assistant.compare.intervals import Interval


@dataclass(frozen=True, slots=True)
class Figure:
    """A claim's figure and the character range of its number in the article."""

    facts: Facts
    values: Interval
    start: int
    end: int


def by_sentence(members: Iterable[Facts], text: str) -> list[list[Figure]]:
    """The figures of each sentence holding two or more, in text order."""
    index: dict[int, dict[int, Figure]] = defaultdict(dict)
    for f in members:
        claim = f.claim
        if (
            f.interval is None
            or claim.quantity is None
            or claim.span is None
            or claim.sentence is None
        ):
            continue
        written = claim.quantity.text
        placed = claim.quantity.span
        at = text.find(written, claim.span.start, claim.span.end) if written else -1
        if placed is not None:
            start, end = placed.start, placed.end
        elif at >= 0:
            start, end = at, at + len(written)
        else:
            start, end = claim.span.start, claim.span.start
        # Two claims quoting one number (the extractor repeated itself) are one figure.
        index[claim.sentence].setdefault(start, Figure(f, f.interval, start, end))
    return [
        [figures[start] for start in sorted(figures)]
        for _, figures in sorted(index.items())
        if len(figures) >= 2
    ]
