"""The input formats: how a file's text (or a PDF's or DOCX's bytes) becomes one or more
``Document``s."""

from __future__ import annotations

from pathlib import Path

from assistant.ingest.document import Block, Document
from assistant.ingest.formats.docx import parse_docx
from assistant.ingest.formats.html import parse_html
from assistant.ingest.formats.jsonl import parse_jsonl
from assistant.ingest.formats.markdown import parse_markdown
from assistant.ingest.formats.pdf import parse_pdf

__all__ = [
    "BINARY_FORMATS",
    "FORMATS_BY_SUFFIX",
    "format_for",
    "parse_binary",
    "parse_document",
    "parse_jsonl",
]

# What a directory walk picks up. A file named explicitly with any other suffix is
# read as plain text.
FORMATS_BY_SUFFIX: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".pdf": "pdf",
    ".docx": "docx",
}
DOCUMENT_FORMATS = ("txt", "md", "html")
# Read from their bytes by a library, never decoded as text.
BINARY_FORMATS = ("pdf", "docx")


def format_for(path: Path) -> str:
    """The format of ``path`` from its suffix; plain text when the suffix is unknown."""
    return FORMATS_BY_SUFFIX.get(path.suffix.lower(), "txt")


def parse_document(text: str, fmt: str) -> Document:
    """Parse one article in ``fmt`` (txt, md or html).

    Raises ``IngestError`` for HTML that cannot be an article page and ``ValueError``
    for a format that is not one of these (JSONL holds many articles: ``parse_jsonl``).
    """
    if fmt == "txt":
        return Document(blocks=(Block(text),))
    if fmt == "md":
        return parse_markdown(text)
    if fmt == "html":
        return parse_html(text)
    raise ValueError(f"unknown single-article format {fmt!r}; expected one of {DOCUMENT_FORMATS}")


def parse_binary(data: bytes, fmt: str) -> Document:
    """Parse one article in ``fmt`` (pdf or docx) from the file's bytes.

    Raises ``IngestError`` for a file that cannot be read (encrypted, no text, corrupt)
    and ``ValueError`` for a format that is not one of these.
    """
    if fmt == "pdf":
        return parse_pdf(data)
    if fmt == "docx":
        return parse_docx(data)
    raise ValueError(f"unknown binary format {fmt!r}; expected one of {BINARY_FORMATS}")
