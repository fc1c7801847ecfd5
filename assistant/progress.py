"""Progress of a batch's extraction, for the terminal: done, failed, cached, tokens, ETA.

A night's batch through a slow endpoint runs for hours; the editor needs to see that it
moves, what it costs so far, and when it will end. Answers a server streams show their
growth piece by piece (``Extractor.on_progress``) before the article is done.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from assistant.model import ExtractionResult, ExtractionStatus


class Tally:
    """Articles done, failed and taken from the results cache, tokens spent, and the
    answers being written right now, as results land."""

    def __init__(self) -> None:
        self.done = self.failed = self.cached = 0
        self.tokens = 0
        self.writing: dict[str, int] = {}  # article id -> pieces of its answer so far

    def add(self, result: ExtractionResult) -> None:
        self.done += 1
        self.failed += result.status is ExtractionStatus.failed
        self.cached += result.cached
        if not result.cached:  # a cached article cost nothing this run
            self.tokens += result.usage.prompt_tokens + result.usage.completion_tokens
        self.writing.pop(result.article_id, None)

    def piece(self, article_id: str, pieces: int) -> None:
        self.writing[article_id] = pieces

    def __str__(self) -> str:
        line = f"{self.done} done · {self.failed} failed · {self.cached} cached"
        if self.tokens:
            line += f" · {_count(self.tokens)} tokens"
        if self.writing:
            answers = len(self.writing)
            line += (
                f" · writing {answers} answer{'s' if answers > 1 else ''}"
                f" ({_count(sum(self.writing.values()))} tokens so far)"
            )
        return line


def _count(n: int) -> str:
    return f"{n / 1000:.1f}k" if n >= 10_000 else f"{n:,}"


Advance = Callable[[ExtractionResult], None]
Piece = Callable[[str, int], None]


def progress_bar(
    total: int, quiet: bool, tally: Tally
) -> tuple[Advance, Piece, Callable[[], None]]:
    """(on a result, on a piece of a streamed answer, stop): counts into ``tally``, and
    shows a bar with the tally and the time left on stderr when it is a terminal."""
    if quiet or not sys.stderr.isatty() or total < 2:
        return tally.add, tally.piece, (lambda: None)
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    progress = Progress(
        TextColumn("extracting articles"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[tally]}"),
        transient=True,
        console=Console(stderr=True),
    )
    task = progress.add_task("extracting articles", total=total, tally=str(tally))

    def advance(result: ExtractionResult) -> None:
        tally.add(result)
        progress.update(task, advance=1, tally=str(tally))

    def piece(article_id: str, pieces: int) -> None:
        tally.piece(article_id, pieces)
        progress.update(task, tally=str(tally))  # drawn at the bar's own refresh rate

    progress.start()
    return advance, piece, progress.stop
