"""From what a format parser found to an ``Article``.

Every format produces a ``Document``: text blocks (an HTML parser knows a figcaption is
a caption; a text file is one block) and raw metadata. Assembly cleans each block,
joins them with blank lines, settles the metadata and tags the lines, so every format
gets the same cleaning and the same tagging.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.errors import IngestError
from assistant.ingest.clean import clean_text
from assistant.ingest.lines import guess_title, tag_segments
from assistant.ingest.metadata import IngestDefaults, Metadata, resolve
from assistant.model import Article, Segment, SegmentTag, Span

# The longest article text accepted, after markup is gone. A long feature is 50,000-
# 100,000 characters; extraction costs grow with the text (about 20 s per million
# characters of dense figures on one core), so this keeps the largest accepted article
# to a few seconds, whatever the size of the file around it.
MAX_TEXT_CHARS = 200_000
# Format readers (PDF pages, DOCX paragraphs, HTML text nodes) stop once they have read
# this much raw text, before cleaning: the article is refused whatever the rest holds,
# so the cost of a huge file is that of its first pages.
READ_LIMIT_CHARS = MAX_TEXT_CHARS * 5 // 4


def too_long(chars: int, *, stopped: bool = False) -> str:
    """Why an article is refused for its length: "article text of 1,000,000 characters,
    longer than the 200,000 one article may have ..."."""
    size = (
        f"at least {chars:,} characters (reading stopped there)"
        if stopped
        else f"{chars:,} characters"
    )
    return (
        f"article text of {size}, longer than the {MAX_TEXT_CHARS:,} one article may have "
        "(a long feature is under 100,000); split it"
    )


@dataclass(frozen=True)
class Block:
    """A stretch of text; ``tag`` is set when the markup already says what it is."""

    text: str
    tag: SegmentTag | None = None


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]
    meta: Metadata = field(default_factory=Metadata)
    # What reading the file had to guess or lost (an encoding), for the input's record.
    notes: tuple[str, ...] = ()


def to_article(
    doc: Document, *, article_id: str, source: str, defaults: IngestDefaults
) -> tuple[Article, tuple[str, ...]]:
    """Build the article and the warnings about metadata that was ignored.

    Raises ``IngestError`` when no text is left once markup and control characters
    are gone, or more than ``MAX_TEXT_CHARS`` is.
    """
    text, known = _join(doc.blocks)
    if not text:
        raise IngestError("no article text (only markup, control characters or blank lines)")
    if len(text) > MAX_TEXT_CHARS:
        raise IngestError(too_long(len(text)))
    fields = resolve(doc.meta, defaults)
    title = fields.title or guess_title(text)
    article = Article(
        id=article_id,
        outlet=fields.outlet,
        title=title,
        url=fields.url,
        published=fields.published,
        language=fields.language,
        story=fields.story,
        text=text,
        source=source,
        segments=tag_segments(text, title=title, known=known),
    )
    return article, (*doc.notes, *fields.warnings)


def _join(blocks: tuple[Block, ...]) -> tuple[str, list[Segment]]:
    """Cleaned blocks joined by blank lines, and the spans of the pre-tagged ones."""
    parts: list[str] = []
    known: list[Segment] = []
    offset = 0
    for block in blocks:
        text = clean_text(block.text)
        if not text:
            continue
        if parts:
            offset += 2  # the "\n\n" between blocks
        if block.tag is not None:
            known.append(Segment(span=Span(start=offset, end=offset + len(text)), tag=block.tag))
        parts.append(text)
        offset += len(text)
    return "\n\n".join(parts), known
