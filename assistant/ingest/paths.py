"""Which files a list of paths means, and reading one safely."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from io import BufferedReader
from pathlib import Path

from assistant.errors import IngestError
from assistant.ingest.formats import FORMATS_BY_SUFFIX
from assistant.model import InputRecord, InputStatus

# What a size refusal names as its limit, so the user knows which setting to change.
MAX_BYTES_SCOPE = "(--max-bytes)"
# Big enough that reading in pieces costs no time, small enough to never matter for memory.
CHUNK_BYTES = 1 << 16

# In a file name, control and bidi characters are written as escapes too ("a\\x1b[2J.txt",
# "two\\nlines.md"): inert in a terminal or a report, and the file can still be found.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NAMED_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


@dataclass(frozen=True)
class NotAnArticle:
    """A file found in a directory walk whose type we do not read (.odt, .json, ...).

    Yielded rather than dropped so the report can say it was not read: a file in a story
    folder must not vanish without a trace.
    """

    path: Path


def discover(paths: Sequence[Path]) -> Iterator[Path | InputRecord | NotAnArticle]:
    """The files to read, in order, and a rejected record for each directory that
    cannot be listed or holds no article files; files of other types come as
    ``NotAnArticle``.

    A path named explicitly is yielded as is, whatever it is (reading reports a missing
    or special file). A directory is walked depth-first in name order, each directory's
    files before its subdirectories; hidden entries are skipped. Symbolic links are
    followed, each real directory walked once, so a link loop cannot trap the walk.
    """
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        found = False
        for item in _walk(path):
            found = found or isinstance(item, Path)
            yield item
        if not found:
            suffixes = ", ".join(FORMATS_BY_SUFFIX)
            yield _rejected(path, f"no article files ({suffixes}) in this directory")


def name_of(path: Path) -> str:
    """How an input is named in records and reports: the path as given, with bytes that
    are not UTF-8 (a name from an old Windows share: ``caf\\xe9.txt``) and control or bidi
    characters (``two\\nlines.txt``, ``a\\x1b[2J.txt``) written as escapes, since no
    report or terminal can carry them as they are."""
    name = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _UNPRINTABLE.sub(_escape, name)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def missing(paths: Sequence[Path]) -> list[tuple[Path, str]]:
    """Each path that names nothing at all, with why: "no such file or directory" or
    "broken symbolic link". A path that exists but cannot be read is not missing:
    reading it reports why."""
    found: list[tuple[Path, str]] = []
    for path in paths:
        try:
            path.stat()
        except (FileNotFoundError, NotADirectoryError):
            why = "broken symbolic link" if path.is_symlink() else "no such file or directory"
            found.append((path, why))
        except OSError:
            continue
    return found


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The content of the regular file at ``path``, at most ``max_bytes`` long.

    Raises ``IngestError`` for a missing, special, unreadable or too large file. The
    size is checked before reading, and the read is capped in case the file grows.
    """
    with _open_regular(path, max_bytes, MAX_BYTES_SCOPE) as handle:
        data = _read(handle, max_bytes + 1)
    if len(data) > max_bytes:
        raise IngestError(too_large(max_bytes))
    return data


def read_chunks(
    path: Path, max_bytes: int, *, scope: str = MAX_BYTES_SCOPE
) -> Generator[bytes, None, None]:
    """The content of the regular file at ``path`` in pieces, for files too big to hold.

    Only one piece is in memory at a time. Raises ``IngestError`` -- when iteration
    starts, or part way if the file grows -- for a missing, special, unreadable or
    too large file; ``scope`` says which limit ``max_bytes`` is.
    """
    with _open_regular(path, max_bytes, scope) as handle:
        total = 0
        while chunk := _read(handle, CHUNK_BYTES):
            total += len(chunk)
            if total > max_bytes:
                raise IngestError(too_large(max_bytes, scope=scope))
            yield chunk


def too_large(limit: int, size: int | None = None, *, scope: str = MAX_BYTES_SCOPE) -> str:
    """Why an input is refused for its size: "8 KB, larger than the 1 KB limit (--max-bytes)"."""
    actual = f"{_size(size)}, " if size is not None else ""
    return f"{actual}larger than the {_size(limit)} limit {scope}"


def describe(err: OSError) -> str:
    """The operating system's words for ``err``: "permission denied"."""
    return (err.strerror or str(err)).lower()


def _walk(top: Path) -> Iterator[Path | InputRecord | NotAnArticle]:
    pending = [top]  # a stack, not recursion: directory trees can be deep
    visited: set[str] = set()
    while pending:
        directory = pending.pop()
        real = os.path.realpath(directory)
        if real in visited:
            continue
        visited.add(real)
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as err:
            yield _rejected(directory, f"cannot list directory: {describe(err)}")
            continue
        subdirectories: list[Path] = []
        for entry in entries:
            path = directory / entry.name
            if entry.name.startswith("."):
                continue
            if _is_dir(entry):
                subdirectories.append(path)
            elif path.suffix.lower() in FORMATS_BY_SUFFIX:
                yield path  # reading reports a broken link or a special file
            else:
                yield NotAnArticle(path)
        pending.extend(reversed(subdirectories))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """Whether ``entry`` is a directory or a link to one; False for a link loop, which
    reading then reports as the file it claims to be."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _rejected(path: Path, reason: str) -> InputRecord:
    return InputRecord(source=name_of(path), status=InputStatus.rejected, reason=reason)


def _open_regular(path: Path, max_bytes: int, scope: str) -> BufferedReader:
    """Raises ``IngestError`` for a missing, special, unreadable or too large file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        reason = "broken symbolic link" if path.is_symlink() else "no such file"
        raise IngestError(reason) from None
    except OSError as err:
        raise IngestError(f"cannot read: {describe(err)}") from None
    if not stat.S_ISREG(info.st_mode):
        # Reading a FIFO blocks forever and a device never ends.
        raise IngestError("not a regular file (a FIFO, device or socket)")
    if info.st_size > max_bytes:
        raise IngestError(too_large(max_bytes, info.st_size, scope=scope))
    try:
        return path.open("rb")
    except OSError as err:
        raise IngestError(f"cannot read: {describe(err)}") from None


def _read(handle: BufferedReader, size: int) -> bytes:
    try:
        return handle.read(size)
    except OSError as err:
        raise IngestError(f"cannot read: {describe(err)}") from None


def _size(n: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} bytes"
