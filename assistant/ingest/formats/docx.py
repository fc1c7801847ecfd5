"""DOCX: the body of a Word document (python-docx).

Each paragraph of the body becomes a block, and each table row a block of its cells
joined by " | ", in document order. A paragraph in Word's "Caption" style is a caption.
The title is the first paragraph in the "Title" style, else the document's Title
property. Headers, footers, comments and text boxes are not article text. The
document's created/modified dates say when the file was made, not when the article was
published, so none is used.

A file that cannot be read is refused with the reason: password-protected (Word
encrypts such a file into an OLE container, not a ZIP), a legacy .doc, a ZIP that
unpacks to far more than any article, or not a well-formed document.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

from assistant.errors import IngestError
from assistant.ingest.document import READ_LIMIT_CHARS, Block, Document, too_long
from assistant.ingest.metadata import Metadata
from assistant.model import SegmentTag

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import Table
    from docx.text.paragraph import Paragraph

# An OLE compound file: a password-protected .docx, or an old binary .doc renamed.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What the parts of a Word file may unpack to. An article is kilobytes of XML and its
# images a few megabytes; a ZIP bomb is gigabytes, refused before anything is unpacked.
MAX_UNPACKED_BYTES = 200_000_000


def parse_docx(data: bytes) -> Document:
    """The body text blocks and the title of a Word document.

    Raises ``IngestError`` for a protected, legacy, oversized or malformed file.
    """
    if data.startswith(OLE_MAGIC):
        raise IngestError(
            "a password-protected Word document, or an old .doc file: "
            "save it as an unprotected .docx"
        )
    _check_unpacked_size(data)
    # python-docx and the XML parser under it raise many types for a broken file
    # (KeyError for a missing part, lxml's XMLSyntaxError, ValueError ...): each one
    # means this file cannot be read, never that the batch should stop.
    # Imported here: most batches hold no DOCX, and every command starts faster without.
    from docx import Document as open_docx

    try:
        document = open_docx(io.BytesIO(data))
        blocks, title = _body(document)
        title = title or (document.core_properties.title or "").strip() or None
    except IngestError:
        raise
    except Exception as err:
        raise IngestError(f"not a readable Word document: {_first_line(err)}") from None
    return Document(blocks=tuple(blocks), meta=Metadata(title=title))


def _body(document: WordDocument) -> tuple[list[Block], str | None]:
    from docx.table import Table

    blocks: list[Block] = []
    title: str | None = None
    read = 0
    for item in document.iter_inner_content():
        if read > READ_LIMIT_CHARS:  # refused anyway: the rest is not read
            raise IngestError(too_long(read, stopped=True))
        if isinstance(item, Table):
            rows = list(_table_rows(item))
            read += sum(len(row.text) for row in rows)
            blocks.extend(rows)
            continue
        text = item.text
        style = _style_name(item)
        if style == "title" and title is None and text.strip():
            title = text.strip()
        blocks.append(Block(text, SegmentTag.caption if style == "caption" else None))
        read += len(text)
    return blocks, title


def _table_rows(table: Table) -> Iterator[Block]:
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):  # a merged cell repeats itself
                cells.append(text)
        if cells:
            yield Block(" | ".join(cells))


def _style_name(paragraph: Paragraph) -> str:
    try:
        style = paragraph.style
    except (KeyError, ValueError):  # a style the document names but does not define
        return ""
    return (style.name or "").strip().lower() if style is not None else ""


def _check_unpacked_size(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise IngestError("not a readable Word document: not a ZIP file") from None
    except NotImplementedError as err:  # a ZIP feature zipfile lacks: "zip file version 14.8"
        raise IngestError(f"not a readable Word document: {_first_line(err)}") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise IngestError(f"a Word document that unpacks to {unpacked:,} bytes; not an article")


def _first_line(err: Exception) -> str:
    text = str(err).strip().splitlines()
    return text[0][:200] if text else type(err).__name__
