"""Sentence and paragraph numbers for character offsets in an article.

Used where an extractor gave no indices, and to measure how far apart two positions are
(a hedge and a claim). Paragraphs are separated by blank lines; a sentence ends at
``.``, ``!`` or ``?`` (closing quotes and brackets included) followed by white space and
a capital, digit or opening quote — unless the word before the stop is a common
abbreviation ("Mr.", "U.S.", "Jan.") — and at every paragraph break.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = re.compile(r"""[.!?]+["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9])""")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|No|Nos|vs|etc|approx|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
    r"|\b(?:[A-Za-z]\.)+[A-Za-z])\.$"
)


@dataclass(frozen=True)
class Layout:
    """Start offsets of every sentence and paragraph of one text, for bisecting."""

    sentence_starts: tuple[int, ...]
    paragraph_starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Layout:
        paragraphs = [0, *(m.end() for m in _PARAGRAPH_BREAK.finditer(text))]
        sentences: list[int] = []
        for start, end in zip(paragraphs, [*paragraphs[1:], len(text)], strict=True):
            sentences.append(start)
            for m in _SENTENCE_END.finditer(text, start, end):
                stop = text[start : m.start() + 1].rstrip()
                if not _ABBREVIATION.search(stop[-12:]):
                    sentences.append(m.end())
        return cls(tuple(sentences), tuple(paragraphs))

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (0-based, over the whole text)."""
        return max(bisect_right(self.sentence_starts, offset) - 1, 0)

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph containing ``offset`` (0-based)."""
        return max(bisect_right(self.paragraph_starts, offset) - 1, 0)
