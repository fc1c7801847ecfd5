"""A text file too big to hold, as a stream of lines: one line in memory at a time.

This is how JSONL batches are read. A nightly file of thousands of articles is far
over the per-article size limit, so that limit applies to each line instead: a line
over it is reported alone, counted as it streams past and never held, and the other
lines go on.

Encodings: the head of the file decides (``line_encoding``). UTF-16 and UTF-32 are
decoded as they are read and re-encoded as UTF-8 before splitting, because their bytes
cannot be split on ``b"\\n"``; so a line's size is counted in UTF-8 whatever the file's
encoding. Any other file is split as bytes and each line decoded on its own, like a
whole file elsewhere: UTF-8 (a BOM dropped), else cp1252, else Latin-1. So a line that
is not valid UTF-8 is read, not rejected, and does not change how the others read.
"""

from __future__ import annotations

import codecs
import itertools
from collections.abc import Iterable, Iterator
from contextlib import closing
from pathlib import Path

from assistant.errors import IngestError
from assistant.ingest.decode import SAMPLE_BYTES, Decoded, decode_line, line_encoding
from assistant.ingest.paths import read_chunks, too_large


def read_lines(
    path: Path, *, max_line_bytes: int, max_file_bytes: int, file_scope: str
) -> Iterator[tuple[int, Decoded | IngestError]]:
    """(number from 1, text without its newline and any decoding note) per line of the
    file at ``path``.

    A line longer than ``max_line_bytes`` comes as the ``IngestError`` saying so, in
    its place. Raises ``IngestError`` for the whole file: missing, special, unreadable,
    binary, or larger than ``max_file_bytes`` (``file_scope`` names that limit) --
    before the first line, or part way if the file grows while it is read.
    """
    # closing(): the file is shut at once when sniffing refuses it or the caller stops.
    with closing(read_chunks(path, max_file_bytes, scope=file_scope)) as chunks:
        head = _head(chunks)
        encoding = line_encoding(head)
        pieces: Iterable[bytes] = itertools.chain([head], chunks)
        if encoding is not None:
            pieces = _as_utf8(pieces, encoding)
        for number, line in enumerate(_split(pieces, max_line_bytes), start=1):
            if isinstance(line, int):
                yield number, IngestError(too_large(max_line_bytes, line))
            else:
                yield number, decode_line(line)


def _head(chunks: Iterator[bytes]) -> bytes:
    """The first ``SAMPLE_BYTES`` or more, whatever size the reads come in."""
    head = b""
    for chunk in chunks:
        head += chunk
        if len(head) >= SAMPLE_BYTES:
            break
    return head


def _as_utf8(pieces: Iterable[bytes], encoding: str) -> Iterator[bytes]:
    # "replace", as for any file with a BOM: a stray bad sequence becomes U+FFFD
    # rather than costing the line.
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    for piece in pieces:
        yield decoder.decode(piece).encode("utf-8")
    yield decoder.decode(b"", final=True).encode("utf-8")


def _split(pieces: Iterable[bytes], max_line_bytes: int) -> Iterator[bytes | int]:
    """Each line without its ``b"\\n"``: its bytes, or only its size when that is over
    ``max_line_bytes``. Lines are split on ``\\n`` only: JSON strings may hold U+2028."""
    held = bytearray()
    dropped = 0  # the size so far of a line over the limit, whose bytes are let go
    for piece in pieces:
        for n, part in enumerate(piece.split(b"\n")):
            if n:  # a newline came before this part, so the line before it is complete
                yield dropped or bytes(held)
                held.clear()
                dropped = 0
            if dropped or len(held) + len(part) > max_line_bytes:
                dropped += len(held) + len(part)
                held.clear()
            else:
                held += part
    if held or dropped:
        yield dropped or bytes(held)
