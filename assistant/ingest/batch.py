"""Turn the paths a user gave into articles, with a record for every input."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.errors import IngestError
from assistant.ingest.decode import decode_bytes
from assistant.ingest.document import Document, to_article
from assistant.ingest.formats import format_for, parse_document, parse_jsonl
from assistant.ingest.formats.html import sniff_charset
from assistant.ingest.ids import IdAllocator, slugify
from assistant.ingest.metadata import IngestDefaults
from assistant.ingest.paths import discover, read_bytes
from assistant.model import Article, InputRecord, InputStatus

DEFAULT_MAX_BYTES = 5_000_000


class IngestBatch(BaseModel):
    """The articles of a batch, and every input in the order given with its outcome."""

    articles: list[Article] = Field(default_factory=list)
    inputs: list[InputRecord] = Field(default_factory=list)


def ingest_paths(
    paths: Sequence[Path],
    *,
    defaults: IngestDefaults | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestBatch:
    """Read files and directories into articles.

    Never raises for a bad input: each file (each line of a JSONL file) gets an
    ``InputRecord``, ``ok`` with its article id, or ``rejected`` with the reason --
    missing, unreadable, binary, empty, too large, not valid JSON. An ``ok`` record's
    reason notes metadata that was ignored (an unreadable date).
    """
    defaults = defaults or IngestDefaults()
    batch = IngestBatch()
    ids = IdAllocator()
    first_source: dict[str, str] = {}  # real path -> how the user named it first
    for item in discover([Path(p) for p in paths]):
        if isinstance(item, InputRecord):
            batch.inputs.append(item)
            continue
        real = os.path.realpath(item)
        if real in first_source:
            reason = f"same file as {first_source[real]}, already read"
            batch.inputs.append(_rejected(str(item), reason))
            continue
        first_source[real] = str(item)
        for source, id_candidates, parsed in _documents(item, max_bytes):
            if isinstance(parsed, str):
                batch.inputs.append(_rejected(source, parsed))
                continue
            article_id = ids.free(*id_candidates)
            try:
                article, warnings = to_article(
                    parsed, article_id=article_id, source=source, defaults=defaults
                )
            except IngestError as err:
                batch.inputs.append(_rejected(source, str(err)))
                continue
            ids.reserve(article_id)
            batch.articles.append(article)
            batch.inputs.append(
                InputRecord(
                    source=source,
                    status=InputStatus.ok,
                    reason="; ".join(warnings) or None,
                    article_id=article_id,
                )
            )
    return batch


def ingest_text(
    text: str,
    *,
    source: str,
    article_id: str | None = None,
    defaults: IngestDefaults | None = None,
    fmt: str = "txt",
) -> Article:
    """One article from text already in memory (``fmt``: txt, md or html).

    The id defaults to the slug of ``source``'s file stem. Raises ``IngestError`` when
    no article text is left after cleaning, ``ValueError`` for an unknown format.
    """
    article, _ = to_article(
        parse_document(text, fmt),
        article_id=article_id or slugify(Path(source).stem) or "article",
        source=source,
        defaults=defaults or IngestDefaults(),
    )
    return article


def _documents(
    path: Path, max_bytes: int
) -> Iterator[tuple[str, tuple[str | None, ...], Document | str]]:
    """(source, id candidates, document or rejection reason) per input in ``path``."""
    source = str(path)
    fmt = format_for(path)
    try:
        text = _read_text(path, fmt, max_bytes)
        document = None if fmt == "jsonl" else parse_document(text, fmt)
    except IngestError as err:
        yield source, (), str(err)
        return
    if document is not None:
        yield source, (path.stem,), document
        return
    for number, parsed in parse_jsonl(text):
        own_id = parsed.meta.id if isinstance(parsed, Document) else None
        yield f"{source}#L{number}", (own_id, f"{path.stem}-L{number}"), parsed


def _read_text(path: Path, fmt: str, max_bytes: int) -> str:
    """Raises ``IngestError`` for a file that cannot be read, is binary or is empty."""
    data = read_bytes(path, max_bytes)
    text = decode_bytes(data, declared=sniff_charset(data) if fmt == "html" else None)
    if not text.strip():
        raise IngestError("empty file")
    return text


def _rejected(source: str, reason: str) -> InputRecord:
    return InputRecord(source=source, status=InputStatus.rejected, reason=reason)
