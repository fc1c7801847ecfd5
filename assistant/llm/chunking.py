"""Split long articles into overlapping chunks, and merge the claims found in them.

Chunks end on a paragraph break when there is one in the second half of the window,
else at a sentence end, else at a space. Each chunk after the first starts on a sentence
boundary inside the previous chunk's last ``overlap`` characters, so a claim cut by one
chunk's end is whole in the next. Chunk offsets map spans back to the article; the same
claim found twice in an overlap is merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ground import fold
from assistant.model import Claim

# Where a new sentence may start: after a blank line, or after ., ! or ? (and any
# closing quotes/brackets) followed by whitespace.
_PARAGRAPH_START = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_START = re.compile(r"[.!?][\"'”’)\]]*\s+")


@dataclass(frozen=True)
class Chunk:
    """``text == article_text[start:start + len(text)]``; ``part`` of ``parts`` is 1-based."""

    text: str
    start: int
    part: int = 1
    parts: int = 1

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_text(text: str, size: int, overlap: int) -> list[Chunk]:
    """Cover ``text`` with chunks of at most ``size`` characters overlapping by ~``overlap``.

    A text that fits returns one chunk; an empty text returns none. Raises ``ValueError``
    if ``overlap`` is not smaller than half of ``size``.
    """
    if overlap * 2 >= size:
        raise ValueError("overlap must be less than half of size")
    if not text.strip():
        return []
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        if len(text) - start <= size:
            spans.append((start, len(text)))
            break
        end = _cut(text, start, start + size)
        spans.append((start, end))
        start = _restart(text, start, end, overlap)
    return [
        Chunk(text=text[a:b], start=a, part=i, parts=len(spans))
        for i, (a, b) in enumerate(spans, start=1)
    ]


def halve(chunk: Chunk, overlap: int) -> tuple[Chunk, Chunk]:
    """Split a chunk in two overlapping halves at a boundary near its middle.

    Used when the model's answer for the whole chunk was cut off. Part numbers stay those
    of the original chunk: the halves are the same part of the article.
    """
    text = chunk.text
    middle = _cut(text, 0, len(text) // 2 + len(text) // 8)
    restart = _restart(text, 0, middle, min(overlap, middle // 2))
    first = Chunk(text[:middle], chunk.start, chunk.part, chunk.parts)
    second = Chunk(text[restart:], chunk.start + restart, chunk.part, chunk.parts)
    return first, second


def merge_claims(article_id: str, claims: list[Claim]) -> list[Claim]:
    """One claim per span or per quote and figure, in article order, ids renumbered
    ``<id>#<n>``.

    Claims come from overlapping chunks, so the same sentence may have been extracted
    twice; the first one seen wins. A sentence stating several figures is quoted by a
    claim for each ("an eight-year deal worth $184 million"): those are kept apart by
    their figure, and by where it stands when that is known ("50m by 50m"). Ungrounded
    claims (no span) go last.
    """
    seen: set[object] = set()
    kept: list[Claim] = []
    for claim in claims:
        quote = fold(claim.quote.strip())
        q = claim.quantity
        # Where the figure stands, when known: "50m by 50m" is two figures in one quote.
        figure = (q.value, q.unit, q.span.start if q.span else None) if q else None
        keys: set[object] = {(quote, figure)} if quote else set()
        if claim.span is not None:
            keys.add((claim.span.start, claim.span.end, figure))
        if keys & seen:
            continue
        seen |= keys
        kept.append(claim)
    kept.sort(key=lambda c: (c.span is None, c.span.start if c.span else 0))
    return [
        claim.model_copy(update={"id": f"{article_id}#{n}"})
        for n, claim in enumerate(kept, start=1)
    ]


def _cut(text: str, start: int, limit: int) -> int:
    """Best end for a chunk starting at ``start`` and ending at most at ``limit``."""
    floor = start + (limit - start) // 2
    for pattern in (_PARAGRAPH_START, _SENTENCE_START):
        ends = [m.end() for m in pattern.finditer(text, floor, limit)]
        if ends:
            return ends[-1]
    space = text.rfind(" ", floor, limit)
    return space + 1 if space != -1 else limit


def _restart(text: str, start: int, end: int, overlap: int) -> int:
    """Where the next chunk starts: the first sentence start in the overlap window."""
    window = max(start + 1, end - overlap)
    match = _SENTENCE_START.search(text, window, end)
    if match is None:
        match = _PARAGRAPH_START.search(text, window, end)
    if match is not None and match.end() < end:
        return match.end()
    space = text.find(" ", window, end)
    return space + 1 if space != -1 else end
