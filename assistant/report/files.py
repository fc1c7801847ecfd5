"""Writing a report file: never over the workspace it came from, and whole or not at all.

The TUI's export and ``factcheck report -o`` both write through here, so the workspace
is as safe from one as from the other.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from assistant.errors import ExportError

# SQLite's companions of a WAL-mode database: overwriting one loses decisions as surely.
_WORKSPACE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def refuse_workspace_target(workspace_path: Path, target: Path) -> None:
    """Raise ``ExportError`` when writing ``target`` would replace the workspace's files."""
    for suffix in _WORKSPACE_SUFFIXES:
        if _same_file(Path(f"{workspace_path}{suffix}"), target):
            raise ExportError(
                f"{target} is the open workspace{' (' + suffix[1:] + ' file)' if suffix else ''}; "
                "exporting there would replace it with the report. Choose another file."
            )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # links and other spellings of one file
    except OSError:  # one of them does not exist (yet)
        return a.resolve() == b.resolve()


def write_atomically(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` whole or not at all; the old file stays until then."""
    write_atomically_with(target, lambda handle: handle.write(text.encode("utf-8")))


def write_atomically_with(target: Path, write: Callable[[BinaryIO], object]) -> None:
    """``write`` the file's bytes onto the handle it is given, then put them at
    ``target`` whole or not at all (a report written as it is made: ``stream.py``); the
    old file stays until then."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); a report gets the old file's mode, or
        # what a plain open() would give it.
        try:
            mode = target.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
