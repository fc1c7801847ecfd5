"""Bytes to text: find the encoding of a file, or say why it is not text.

Order of evidence, strongest first: a known binary signature, a byte-order mark, the
NUL-byte pattern of UTF-16 without a BOM, strict UTF-8, UTF-8 cut short inside its last
character, an encoding the file declares (HTML ``<meta charset>``), then line by line:
UTF-8 where the line holds UTF-8, else Windows-1252. Whatever is guessed or lost on the
way (a line read as Windows-1252, a byte replaced with U+FFFD) is said in a note.

A file read line by line (JSONL) is sniffed once from its head (``line_encoding``),
then each line of a byte-oriented file is decoded on its own (``decode_line``).
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from assistant.errors import IngestError

# Signatures of files people drop into an article folder by mistake. Checked before
# anything else because some (ZIP's "PK") start with printable ASCII.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive, e.g. a .docx"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3\x00", "a SQLite database"),
    (b"\x7fELF", "an executable"),
)

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# UTF-16 text in a Latin script has a NUL in every other byte; binary data has NULs
# scattered on both sides. The sample keeps the check cheap on large files.
SAMPLE_BYTES = 4096
_UTF16_NUL_SIDE = 0.4  # at least this share of one side's bytes are NUL ...
_UTF16_OTHER_SIDE = 0.05  # ... and at most this share of the other side's

# Text has almost no control characters besides tab and newlines; a file that decodes
# to more than this share of them is binary that happened to decode.
_MAX_CONTROL_RATIO = 0.1
_ALLOWED_CONTROLS = frozenset("\t\n\r\x0b\x0c\x1b")

# One well-formed multi-byte UTF-8 character. A line that holds one is UTF-8 with a flaw,
# not Windows-1252: cp1252 text almost never forms one by chance.
_UTF8_CHARACTER = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


class Decoded(NamedTuple):
    """Text, and a note when decoding had to guess or lost bytes (None when it did not)."""

    text: str
    note: str | None = None


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """The text of ``decode_text``, without its note."""
    return decode_text(data, declared=declared).text


def decode_text(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode the bytes of a text file, saying what was guessed or lost.

    ``declared`` is an encoding the file names for itself (an HTML ``<meta charset>``);
    it is tried after strict UTF-8. Raises ``IngestError`` when the bytes are binary.
    """
    _refuse_known_binary(data)
    decoded = _decode(data, declared)
    if _looks_binary(decoded.text):
        raise IngestError("binary file (mostly control characters), not text")
    return decoded


def line_encoding(head: bytes) -> str | None:
    """How to split a file that starts with ``head`` into lines.

    ``head`` is the first ``SAMPLE_BYTES`` of the file, or all of a shorter one.
    Returns the codec of a UTF-16 or UTF-32 file (by its BOM or NUL pattern), whose
    bytes cannot be split on ``b"\\n"``; None for a byte-oriented file (UTF-8 with or
    without BOM, or a legacy 8-bit encoding), whose lines go through ``decode_line``.
    Raises ``IngestError`` when ``head`` is binary.
    """
    _refuse_known_binary(head)
    for bom, encoding in BOMS:
        if head.startswith(bom):
            # "utf-16" and "utf-32" read the mark themselves, find the byte order in it
            # and drop it.
            return None if encoding == "utf-8" else encoding.removesuffix("-le").removesuffix("-be")
    utf16 = _sniff_utf16(head[:SAMPLE_BYTES])
    if utf16 is not None:
        return utf16
    if b"\x00" in head:
        raise IngestError("binary file (contains NUL bytes), not text")
    return None


def decode_line(data: bytes) -> Decoded:
    """Decode one line of a byte-oriented file: UTF-8 where it holds UTF-8, else
    Windows-1252 (cp1252).

    A UTF-8 BOM is dropped from any line, not only the first, since files get
    concatenated. Each line is judged alone, so one line in cp1252 does not turn a
    UTF-8 file into mojibake. Never raises: what the line holds is for its parser to say;
    the note says what was guessed or lost, as for a whole file.
    """
    return _decode_8bit(data.removeprefix(codecs.BOM_UTF8), declared=None)


def _refuse_known_binary(data: bytes) -> None:
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise IngestError(f"binary file ({kind}), not text")


def _decode(data: bytes, declared: str | None) -> Decoded:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            # The BOM states the encoding; a stray bad sequence becomes U+FFFD rather
            # than costing the whole article.
            return _with_replacements(data[len(bom) :], encoding)
    utf16 = _sniff_utf16(data[:SAMPLE_BYTES])
    if utf16 is not None:
        try:
            return Decoded(data.decode(utf16))
        except UnicodeDecodeError:
            pass  # NULs that are not UTF-16: reported as binary below
    if b"\x00" in data:
        raise IngestError("binary file (contains NUL bytes), not text")
    return _decode_8bit(data, declared)


def _decode_8bit(data: bytes, declared: str | None) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    cut = _utf8_cut_short(data)
    if cut is not None:
        return cut
    encoding = _usable(declared)
    if encoding is not None:
        try:
            return Decoded(data.decode(encoding))
        except UnicodeDecodeError:
            pass
    return _by_line(data)


def _utf8_cut_short(data: bytes) -> Decoded | None:
    """UTF-8 whose only flaw is a character cut off at the very end (a truncated
    download or export), or None."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        text = decoder.decode(data, final=False)
    except UnicodeDecodeError:
        return None
    partial, _ = decoder.getstate()
    if not partial:
        return None
    return Decoded(
        text + "\ufffd",
        f"the file ends part way through a UTF-8 character (cut short?): the partial "
        f"character ({_bytes(len(partial))}) is shown as \ufffd",
    )


def _by_line(data: bytes) -> Decoded:
    """Each line in UTF-8 when it holds UTF-8 (a bad byte in it replaced), else in
    cp1252 (a byte cp1252 leaves undefined replaced); a note says which and how many."""
    lines = data.split(b"\n")
    out: list[str] = []
    legacy = 0
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        if _UTF8_CHARACTER.search(line):
            out.append(line.decode("utf-8", errors="replace"))
        else:
            legacy += 1 if line.strip() else 0
            out.append(line.decode("cp1252", errors="replace"))
    text = "\n".join(out)
    replaced = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    said: list[str] = []
    counted = sum(1 for line in lines if line.strip())
    if legacy >= counted:
        said.append("not UTF-8: read as Windows-1252 (cp1252)")
    elif legacy:
        said.append(
            f"mixed encodings: {legacy} of {counted} lines are not UTF-8 and were read "
            "as Windows-1252 (cp1252)"
        )
    if replaced > 0:
        said.append(f"{_bytes(replaced)} not valid as text replaced with \ufffd")
    return Decoded(text, "; ".join(said) or None)


def _with_replacements(data: bytes, encoding: str) -> Decoded:
    text = data.decode(encoding, errors="replace")
    replaced = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
    if not replaced:
        return Decoded(text)
    sequences = "1 sequence" if replaced == 1 else f"{replaced} sequences"
    return Decoded(text, f"{sequences} not valid {encoding} replaced with \ufffd")


def _bytes(n: int) -> str:
    return "1 byte" if n == 1 else f"{n} bytes"


def _sniff_utf16(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the NUL bytes sit on one side only, else None."""
    even, odd = sample[0::2], sample[1::2]
    if len(odd) < 2:
        return None
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= _UTF16_NUL_SIDE and even_nul <= _UTF16_OTHER_SIDE:
        return "utf-16-le"
    if even_nul >= _UTF16_NUL_SIDE and odd_nul <= _UTF16_OTHER_SIDE:
        return "utf-16-be"
    return None


def _usable(declared: str | None) -> str | None:
    """The declared encoding if Python knows it and it is byte-oriented.

    A page that declares UTF-16 in a ``<meta>`` tag cannot be UTF-16 (the tag itself
    was readable as ASCII), so HTML parsers ignore that declaration; so do we.
    """
    if not declared:
        return None
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return None
    # As browsers do: a page that says Latin-1 or ASCII is Windows-1252, whose curly
    # quotes and dashes sit where Latin-1 has invisible control characters.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _looks_binary(text: str) -> bool:
    sample = text[:SAMPLE_BYTES]
    if not sample:
        return False
    controls = sum(
        1 for ch in sample if (ch < " " or "\x7f" <= ch <= "\x9f") and ch not in _ALLOWED_CONTROLS
    )
    return controls / len(sample) > _MAX_CONTROL_RATIO
