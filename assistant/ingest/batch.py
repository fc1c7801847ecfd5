"""Turn the paths a user gave into articles, with a record for every input."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.errors import IngestError
from assistant.ingest.decode import Decoded, decode_text
from assistant.ingest.document import Document, to_article
from assistant.ingest.formats import (
    BINARY_FORMATS,
    format_for,
    parse_binary,
    parse_document,
    parse_jsonl,
)
from assistant.ingest.formats.html import sniff_charset
from assistant.ingest.ids import IdAllocator, slugify
from assistant.ingest.metadata import IngestDefaults
from assistant.ingest.paths import NotAnArticle, discover, name_of, read_bytes
from assistant.ingest.stream import read_lines
from assistant.model import Article, InputRecord, InputStatus

# The size of one article's input: a file, or one line of a JSONL file. News pages are
# 50 KB-3 MB of HTML (inline scripts and JSON), PDFs a few MB. What a file costs is
# bounded by what is in it, not by this: article text is held to MAX_TEXT_CHARS and
# read no further than READ_LIMIT_CHARS, HTML to MAX_ELEMENTS; so a 5 MB file of any
# format is read or refused in about a second, and the largest accepted article is
# extracted offline in a few seconds.
DEFAULT_MAX_BYTES = 5_000_000
# A JSONL file holds a whole batch (a nightly 10,000 articles is 50-300 MB) and
# is read a line at a time, so only a runaway file -- an export gone wrong, a log
# appended to forever -- reaches this; it is refused before any of it is read.
MAX_JSONL_BYTES = 2_000_000_000
JSONL_SCOPE = "for one JSONL file; split it into smaller files"


class IngestBatch(BaseModel):
    """The articles of a batch, and every input in the order given with its outcome."""

    articles: list[Article] = Field(default_factory=list)
    inputs: list[InputRecord] = Field(default_factory=list)
    not_read: list[str] = Field(
        default_factory=list,
        description="Files found in the given folders that are not an article format.",
    )


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

    The same input is read once, however it is named: a path given twice, a copy under
    another name, an identical JSONL line. Its record lists the other names in
    ``also_as`` and says so in its reason, so no name the user gave is lost.

    ``max_bytes`` limits one article: a file, or one line of a JSONL file. A JSONL
    file is streamed, however many articles it holds, up to ``MAX_JSONL_BYTES``.
    """
    defaults = defaults or IngestDefaults()
    batch = IngestBatch()
    ids = IdAllocator()
    # A file read already: for each input in it, the record that holds it and the
    # input's name after the file's (a JSONL line's "#L3"), so a repeat names them all.
    files: dict[str, list[tuple[int, str]]] = {}
    contents: dict[bytes, int] = {}  # digest of a parsed document -> its record
    for item in discover([Path(p) for p in paths]):
        if isinstance(item, InputRecord):
            batch.inputs.append(item)
            continue
        if isinstance(item, NotAnArticle):
            batch.not_read.append(name_of(item.path))
            continue
        real, name = os.path.realpath(item), name_of(item)
        if real in files:
            for index, suffix in files[real]:
                batch.inputs[index].also_as.append(f"{name}{suffix}")
            continue
        held = files[real] = []
        for source, id_candidates, parsed in _documents(item, max_bytes):
            suffix = source[len(name) :]
            record, article = _read(parsed, source, id_candidates, ids, defaults)
            if article is not None:
                digest = _digest(article)
                if digest in contents:  # a copy: its name joins the first one's record
                    held.append((contents[digest], suffix))
                    batch.inputs[contents[digest]].also_as.append(source)
                    continue
                contents[digest] = len(batch.inputs)
                ids.reserve(article.id)
                batch.articles.append(article)
            held.append((len(batch.inputs), suffix))
            batch.inputs.append(record)
    for record in batch.inputs:
        if record.also_as:
            record.reason = "; ".join(filter(None, (record.reason, _also_as_note(record))))
    return batch


def _read(
    parsed: Document | str,
    source: str,
    id_candidates: tuple[str | None, ...],
    ids: IdAllocator,
    defaults: IngestDefaults,
) -> tuple[InputRecord, Article | None]:
    """The record of one input, and its article if it makes one. The article's id is
    free but not yet reserved: a copy of an earlier input gives it back."""
    if isinstance(parsed, str):
        return _rejected(source, parsed), None
    article_id = ids.free(*id_candidates)
    try:
        article, warnings = to_article(
            parsed, article_id=article_id, source=source, defaults=defaults
        )
    except IngestError as err:
        return _rejected(source, str(err)), None
    record = InputRecord(
        source=source,
        status=InputStatus.ok,
        reason="; ".join(warnings) or None,
        article_id=article_id,
    )
    return record, article


def _digest(article: Article) -> bytes:
    """What makes two inputs the same article: its cleaned text and metadata, whatever
    the file's name, encoding or the markup around the text."""
    content = article.model_dump_json(exclude={"id", "source"})
    return hashlib.sha256(content.encode("utf-8", "surrogatepass")).digest()


def _also_as_note(record: InputRecord) -> str:
    """ "given 2 times, read once" / "same content also given as b.txt, read once"."""
    repeats = record.also_as.count(record.source)
    others = [name for name in record.also_as if name != record.source]
    said = [f"given {repeats + 1} times"] if repeats else []
    if others:
        said.append(f"same content also given as {', '.join(others)}")
    return f"{'; '.join(said)}, read once"


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
    fmt = format_for(path)
    if fmt == "jsonl":
        yield from _jsonl_documents(path, max_bytes)
        return
    try:
        if fmt in BINARY_FORMATS:
            document = parse_binary(read_bytes(path, max_bytes), fmt)
        else:
            decoded = _read_text(path, fmt, max_bytes)
            document = parse_document(decoded.text, fmt)
            if decoded.note is not None:
                document = replace(document, notes=(decoded.note, *document.notes))
    except IngestError as err:
        yield name_of(path), (), str(err)
        return
    yield name_of(path), (path.stem,), document


def _jsonl_documents(
    path: Path, max_bytes: int
) -> Iterator[tuple[str, tuple[str | None, ...], Document | str]]:
    """One input per non-blank line; ``max_bytes`` limits each line, not the file.

    The file itself is refused, after any lines already read, when it cannot be read
    or outgrows its own, much larger limit.
    """
    lines = read_lines(
        path,
        max_line_bytes=max_bytes,
        # Never below the per-article limit: one article must always fit.
        max_file_bytes=max(MAX_JSONL_BYTES, max_bytes),
        file_scope=JSONL_SCOPE,
    )
    empty = True
    try:
        for number, parsed in parse_jsonl(lines):
            empty = False
            own_id = parsed.meta.id if isinstance(parsed, Document) else None
            yield f"{name_of(path)}#L{number}", (own_id, f"{path.stem}-L{number}"), parsed
    except IngestError as err:
        yield name_of(path), (), str(err)
        return
    if empty:
        yield name_of(path), (), "empty file"


def _read_text(path: Path, fmt: str, max_bytes: int) -> Decoded:
    """Raises ``IngestError`` for a file that cannot be read, is binary or is empty."""
    data = read_bytes(path, max_bytes)
    decoded = decode_text(data, declared=sniff_charset(data) if fmt == "html" else None)
    if not decoded.text.strip():
        raise IngestError("empty file")
    return decoded


def _rejected(source: str, reason: str) -> InputRecord:
    return InputRecord(source=source, status=InputStatus.rejected, reason=reason)
