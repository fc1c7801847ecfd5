"""Spools: what a big batch writes once and reads back later, kept on disk, not in memory.

A night's output of 5,000 articles makes hundreds of megabytes of claims, findings and
report text. Held as Python objects they take ten times that, so a batch keeps each
piece in a temporary file the moment it is made and holds only where it is. The files
are anonymous (deleted as soon as they are closed, or when the process dies) and
readable by this process only.

- ``Spool``: byte chunks appended in order, each readable again by its key, or the
  whole spool copied out in order;
- ``ResultSpool``: the extraction results of a batch, pickled as they land; in memory
  each result's outcome (status, error, usage, warnings; no claims), and the last few
  hundred results whole.
"""

from __future__ import annotations

import pickle
import tempfile
from collections import OrderedDict
from pathlib import Path
from typing import Protocol

from assistant.model import ExtractionResult

__all__ = ["RECENT_RESULTS", "ResultSpool", "Spool", "Writer"]


class Writer(Protocol):
    """Where bytes go: a file opened "wb", stdout's buffer."""

    def write(self, data: bytes, /) -> object: ...


# Copying a spool out reads this much at a time.
_BLOCK = 1 << 20
# Results a ResultSpool keeps in memory besides on disk: the last ones added. Results
# of 2 KB articles take about 110 KB each in memory: 128 of them, about 14 MB
# (benchmarks/memory.py: peak 122 MB with none kept, 150 MB with 256).
RECENT_RESULTS = 128


class Spool:
    """An append-only temporary file of byte chunks.

    ``append`` adds a chunk (under a key when it must be found again); ``get`` reads a
    keyed chunk back; ``copy_to`` writes every chunk, in the order appended. Closing it
    (or leaving a ``with`` block) deletes the file.
    """

    def __init__(self, directory: Path | None = None) -> None:
        self._file = tempfile.TemporaryFile(dir=directory)  # noqa: SIM115 -- closed by close()
        self._where: dict[str, tuple[int, int]] = {}
        self._end = 0

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        """Bytes written so far."""
        return self._end

    def __contains__(self, key: str) -> bool:
        return key in self._where

    def append(self, data: bytes, key: str | None = None) -> None:
        """Add ``data`` at the end; a chunk appended under a key already used replaces
        it for ``get`` (the older bytes stay in the file, and in ``copy_to``)."""
        self._file.write(data)
        if key is not None:
            self._where[key] = (self._end, len(data))
        self._end += len(data)

    def get(self, key: str) -> bytes:
        """The chunk appended under ``key``. Raises ``KeyError`` for a key never used."""
        offset, length = self._where[key]
        self._file.flush()
        self._file.seek(offset)
        data = self._file.read(length)
        self._file.seek(0, 2)  # appends go on at the end
        return data

    def copy_to(self, out: Writer, end: int | None = None) -> None:
        """Every byte appended, in order, onto ``out``; with ``end``, the first ``end``."""
        self._file.flush()
        self._file.seek(0)
        left = self._end if end is None else min(end, self._end)
        while left > 0:
            block = self._file.read(min(_BLOCK, left))
            if not block:
                break
            out.write(block)
            left -= len(block)
        self._file.seek(0, 2)

    def close(self) -> None:
        self._file.close()


class ResultSpool:
    """The extraction results of a batch: each kept on disk as it lands, with only its
    outcome (the result without its claims and hedges) in memory, and the last
    ``recent`` results whole.

    ``add`` is the ``on_result`` of ``pipeline.extract_each``; ``load`` reads one article's
    whole result back (a story at a time, as the report needs them); ``outcomes`` are
    what the summary, the exit code and stderr need of every article.
    """

    def __init__(self, directory: Path | None = None, *, recent: int = RECENT_RESULTS) -> None:
        self._spool = Spool(directory)
        self._outcomes: dict[str, ExtractionResult] = {}
        # The last results added, kept as they are besides on disk: a story of a batch
        # is reported as soon as its articles are in, so its results are read back while
        # still here, without unpickling them.
        self._recent: OrderedDict[str, ExtractionResult] = OrderedDict()
        self._keep = recent

    def __enter__(self) -> ResultSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, result: ExtractionResult) -> None:
        # Pickle, not JSON: this process reads back only what it wrote, and unpickling
        # skips the validation a JSON round trip would repeat for every claim.
        self._spool.append(pickle.dumps(result, pickle.HIGHEST_PROTOCOL), result.article_id)
        self._outcomes[result.article_id] = result.model_copy(update={"claims": [], "hedges": []})
        if self._keep:
            self._recent[result.article_id] = result
            self._recent.move_to_end(result.article_id)
            if len(self._recent) > self._keep:
                self._recent.popitem(last=False)

    def load(self, article_id: str) -> ExtractionResult | None:
        """The whole result of ``article_id``; None when it has none. Results are never
        changed in place (the pipeline makes copies), so a recent one is given as is."""
        recent = self._recent.get(article_id)
        if recent is not None:
            return recent
        if article_id not in self._spool:
            return None
        result: ExtractionResult = pickle.loads(self._spool.get(article_id))
        return result

    def outcomes(self, article_ids: list[str]) -> list[ExtractionResult]:
        """The outcome of each article in ``article_ids`` that has a result, in that
        order: its status, error, usage and warnings, with no claims or hedges."""
        return [self._outcomes[i] for i in article_ids if i in self._outcomes]

    def close(self) -> None:
        self._spool.close()
