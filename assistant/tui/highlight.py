"""The article text with its claims and hedge cues highlighted, as literal rich Text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from assistant.model import Article, Claim
from assistant.tui.badges import CLAIM_STYLE, CURRENT_CLAIM_STYLE, HEDGE_STYLE
from assistant.tui.safe import clean

CLAIM_META = "claim"


@dataclass(frozen=True)
class Paragraph:
    """A slice ``[start, end)`` of the article text shown as one block."""

    start: int
    end: int


def paragraphs(text: str) -> list[Paragraph]:
    """Split at newlines: each line is a block, so a jump can scroll to the claim's block."""
    blocks: list[Paragraph] = []
    start = 0
    for line in text.split("\n"):
        blocks.append(Paragraph(start, start + len(line)))
        start += len(line) + 1
    return blocks


def _clip(start: int, end: int, size: int) -> tuple[int, int] | None:
    start, end = max(0, start), min(size, end)
    return (start, end) if start < end else None


def highlighted(article: Article, claims: Sequence[Claim], current: str | None = None) -> Text:
    """``article.text`` with claim spans underlined, the current claim reversed, cues coloured.

    The n-th of ``claims`` carries ``{CLAIM_META: n}`` in its style's meta, for clicks.

    Control characters are replaced by spaces rather than removed, so every span the
    pipeline computed still lands on the same characters.
    """
    text = Text(_blank_controls(article.text), end="")
    size = len(article.text)
    for n, claim in enumerate(claims):
        if claim.span is not None and (span := _clip(claim.span.start, claim.span.end, size)):
            style = CURRENT_CLAIM_STYLE if claim.id == current else CLAIM_STYLE
            text.stylize(style, *span)
            # Which claim a click lands on (``CLAIM_META``): its place in ``claims``, a
            # number we made. Not an "@click" action: Textual would restyle the span as a
            # link (over the hedge colours), and no article text goes near an action.
            text.stylize(Style(meta={CLAIM_META: n}), *span)
    # Cues last, so they stay visible inside a highlighted claim.
    for claim in claims:
        for hedge in claim.hedges:
            if hedge.span is not None and (span := _clip(hedge.span.start, hedge.span.end, size)):
                text.stylize(HEDGE_STYLE[hedge.kind], *span)
    return text


def _blank_controls(text: str) -> str:
    cleaned = clean(text)
    if len(cleaned) == len(text):
        return text
    return "".join(ch if ch in "\t\n" or clean(ch) else " " for ch in text)


def split(text: Text, blocks: Sequence[Paragraph]) -> list[Text]:
    """Cut a highlighted article into its paragraphs (styles kept)."""
    return [text[block.start : block.end] for block in blocks]
