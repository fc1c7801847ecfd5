"""PDF: the text layer of a saved or exported article (pypdf).

A PDF has lines, not paragraphs: each line of the page is a separate string, hard
wrapped. Lines are joined back into paragraphs -- a paragraph ends at a gap, at a line
much shorter than the document's full lines (a heading, a page number), or at a
sentence's end on a line somewhat short of full (a paragraph's last line) -- and a word
hyphenated at a line end is joined again. A PDF's own dates say
when the file was made, not when the article was published, so none is used; nor is
its title, which is as often "Microsoft Word - draft3.docx" as a headline.

A PDF that cannot be read is refused with the reason: encrypted with a password,
no text layer (a scan needs OCR first), or not a well-formed PDF.
"""

from __future__ import annotations

import io
import logging
import re

from assistant.errors import IngestError
from assistant.ingest.document import READ_LIMIT_CHARS, Block, Document, too_long

# A line shorter than this share of a full line ends its paragraph; one ending a
# sentence does when it is shorter than the second share.
SHORT_LINE = 0.7
SHORT_SENTENCE_END = 0.85
# A document with fewer lines than this has no "full line" to measure against.
MIN_LINES_TO_MEASURE = 4
# pypdf logs a warning for each flaw it works around in a malformed file. Without any
# handler those reach stderr through logging's last resort -- through the TUI's screen,
# too. The CLI decides what is shown (-v); a library user's own logging config still works.
logging.getLogger("pypdf").addHandler(logging.NullHandler())
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)]$")


def parse_pdf(data: bytes) -> Document:
    """The paragraphs of every page, in order.

    Raises ``IngestError`` for an encrypted, text-less or malformed PDF.
    """
    pages = [[line.strip() for line in text.splitlines()] for text in _page_texts(data)]
    lengths = sorted(len(line) for lines in pages for line in lines if line)
    full = lengths[int(len(lengths) * 0.8)] if len(lengths) >= MIN_LINES_TO_MEASURE else 0
    blocks: list[Block] = []
    carry = ""  # a paragraph running on to the next page
    for lines in pages:
        paragraphs = reflow(lines, full)
        if carry and paragraphs and paragraphs[0][:1].islower():
            paragraphs[0] = _join(carry, paragraphs[0])
        elif carry:
            blocks.append(Block(carry))
        carry = ""
        if paragraphs and not _SENTENCE_END.search(paragraphs[-1]):
            carry = paragraphs.pop()
        blocks.extend(Block(p) for p in paragraphs)
    if carry:
        blocks.append(Block(carry))
    if not blocks:
        raise IngestError("no text in this PDF (a scanned page needs OCR first)")
    return Document(blocks=tuple(blocks))


def reflow(lines: list[str], full: int) -> list[str]:
    """Hard-wrapped lines (``full`` characters long when full) joined into paragraphs."""
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        current = _join(current, line) if current else line
        short = SHORT_SENTENCE_END if _SENTENCE_END.search(line) else SHORT_LINE
        if len(line) < full * short:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _join(before: str, after: str) -> str:
    if _HYPHENATED.search(before) and after[:1].islower():
        return before[:-1] + after  # "state-" + "ment." -- a word broken at the margin
    return f"{before} {after}"


def _page_texts(data: bytes) -> list[str]:
    # Imported here: most batches hold no PDF, and every command starts faster without.
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    # pypdf raises its own errors for malformed files, but a hostile or broken file can
    # also surface as a plain ValueError, KeyError, ... from deep inside the parser;
    # any of them means the same to the user: this PDF cannot be read.
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError("encrypted PDF: it needs a password to open")
        texts: list[str] = []
        read = 0
        for page in reader.pages:
            texts.append(page.extract_text() or "")
            read += len(texts[-1])
            if read > READ_LIMIT_CHARS:  # refused anyway: the other pages are not read
                raise IngestError(too_long(read, stopped=True))
        return texts
    except IngestError:
        raise
    except FileNotDecryptedError:
        raise IngestError("encrypted PDF: it needs a password to open") from None
    except DependencyError:  # AES needs pypdf's "crypto" extra, which we depend on
        raise IngestError("encrypted PDF: the cryptography package is not installed") from None
    except PyPdfError as err:
        raise IngestError(f"not a readable PDF: {_first_line(err)}") from None
    except Exception as err:  # see above: a broken file, never a crash
        raise IngestError(f"not a readable PDF: {type(err).__name__}") from None


def _first_line(err: Exception) -> str:
    text = str(err).strip().splitlines()
    return text[0][:200] if text else type(err).__name__
