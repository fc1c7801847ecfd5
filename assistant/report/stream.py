"""A report of several stories, written one story at a time.

A night's output (thousands of articles on hundreds of events) makes a report of
hundreds of megabytes; built whole, as ``render`` builds it, it held every claim,
finding and checklist of the batch and then the whole text at once (1.9 GB for 5,000
articles). Here each story is analysed, written and let go before the next
(``pipeline.story_reports``): a format's sink spools on disk what each story adds to its
document, and once every story is in and the batch's totals are known
(``pipeline.batch_head``), writes the document out: the head, then the spooled text.

The document is byte for byte what ``render`` makes of the whole report: each sink draws
a story with the functions the renderer uses for it, and puts the pieces where the
renderer puts them (``tests/test_report_stream.py`` holds them to it). A report of one
story is not written here: its one story's analysis is the whole batch's anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from assistant.report import claimreview, csv_report, html, markdown
from assistant.report.json_report import SEPARATOR, element, skeleton, write_list
from assistant.report.model import BatchHead, Report, StoryInfo, StoryReport, Triage
from assistant.report.stories import story_label
from assistant.report.triage import build_triage
from assistant.spool import Spool, Writer

__all__ = ["FORMATS", "Sink", "open_sink"]


class Sink(Protocol):
    """One output of a streamed report."""

    def add(self, story: StoryReport) -> None:
        """Take in the next story, in story order."""

    def finish(self, head: BatchHead, out: Writer) -> None:
        """Write the whole document onto ``out``, as UTF-8."""

    def close(self) -> None:
        """Delete what was spooled."""


def open_sink(
    fmt: str,
    *,
    rating_scale: claimreview.RatingScale | None = None,
    directory: Path | None = None,
) -> Sink:
    """The sink of ``fmt`` (one of ``FORMATS``), spooling into ``directory`` (the
    output's own folder keeps hundreds of megabytes off a small temp file system)."""
    if fmt == "claimreview":
        return _ClaimReview(rating_scale or claimreview.RatingScale())
    return _SINKS[fmt](directory)


class _Document:
    """A document of lines, as the Markdown and HTML reports of several stories are:
    the head, a section per story, the tail, joined by newlines, then a last newline.
    The sections are spooled. ``trim``: the document's trailing whitespace is dropped
    before that newline, as the Markdown renderer drops it."""

    def __init__(
        self,
        directory: Path | None,
        *,
        head: Callable[[Report], list[str]],
        section: Callable[[int, StoryInfo, Report], list[str]],
        tail: Callable[[Report], list[str]],
        trim: bool,
    ) -> None:
        self._spool = Spool(directory)
        self._head, self._section, self._tail, self._trim = head, section, tail, trim
        self._text_end = 0  # bytes of the spool up to its last character not a space

    def add(self, story: StoryReport) -> None:
        text = "\n" + "\n".join(self._section(story.number, story.info, story.part))
        if kept := text.rstrip():
            self._text_end = len(self._spool) + len(kept.encode())
        self._spool.append(text.encode())

    def finish(self, head: BatchHead, out: Writer) -> None:
        first = "\n".join(self._head(head.report))
        tail = self._tail(head.report)
        last = "\n" + "\n".join(tail) if tail else ""
        if not self._trim:
            out.write(first.encode())
            self._spool.copy_to(out)
            out.write(last.encode() + b"\n")
        elif last.strip():
            out.write(first.encode())
            self._spool.copy_to(out)
            out.write(last.rstrip().encode() + b"\n")
        elif self._text_end:
            out.write(first.encode())
            self._spool.copy_to(out, end=self._text_end)
            out.write(b"\n")
        else:
            out.write(first.rstrip().encode() + b"\n")

    def close(self) -> None:
        self._spool.close()


class _Json:
    """The JSON report: the triage's items, the inputs, clusters, findings and
    checklists spooled as each story brings them; the inputs read back in batch order."""

    def __init__(self, directory: Path | None) -> None:
        self._items, self._clusters, self._findings, self._checklists = (
            _List(directory) for _ in range(4)
        )
        self._inputs = Spool(directory)
        self._triage = Triage()

    def add(self, story: StoryReport) -> None:
        # As ``stories.story_triage`` merges the triage of each story.
        triage = build_triage(story.part)
        for item in triage.items:
            self._items.add(element(item.model_copy(update={"story": story.info.id}), 2))
        merged = self._triage
        merged.per_claim += triage.per_claim
        merged.sourcing_more += triage.sourcing_more
        merged.main_metrics += [m for m in triage.main_metrics if m not in merged.main_metrics]
        for entry in story.part.inputs:
            if entry.article is not None:
                self._inputs.append(element(entry, 1).encode(), key=entry.article.id)
        # The story's own lists, whole: the batch report's are theirs, one after another.
        for into, models in (
            (self._clusters, story.report.clusters),
            (self._findings, story.report.findings),
            (self._checklists, story.report.checklists),
        ):
            for model in models:
                into.add(element(model, 1))

    def finish(self, head: BatchHead, out: Writer) -> None:
        lists = {"items": self._items, "clusters": self._clusters,
                 "findings": self._findings, "checklists": self._checklists}  # fmt: skip
        for text, name in skeleton(head.report, self._triage):
            out.write(text.encode())
            if name == "inputs":
                write_list(out, 1, self._entries(head))
            elif name is not None:
                write_list(out, 2 if name == "items" else 1, [lists[name].spool])

    def _entries(self, head: BatchHead) -> Iterator[bytes]:
        rejected = iter(head.report.inputs)
        for key in head.order:
            if key is None:
                yield element(next(rejected), 1).encode()
            elif key in self._inputs:
                yield self._inputs.get(key)

    def close(self) -> None:
        for spool in (self._items, self._clusters, self._findings, self._checklists):
            spool.spool.close()
        self._inputs.close()


class _List:
    """Elements of one JSON list, spooled in order with their separators."""

    def __init__(self, directory: Path | None) -> None:
        self.spool = Spool(directory)

    def add(self, text: str) -> None:
        if len(self.spool):
            self.spool.append(SEPARATOR)
        self.spool.append(text.encode())


class _Csv:
    """The CSV report: each article's rows spooled, read back in batch order."""

    def __init__(self, directory: Path | None) -> None:
        self._rows = Spool(directory)

    def add(self, story: StoryReport) -> None:
        label = story_label(story.number, story.info)
        labels = dict.fromkeys(story.info.articles, label)
        for article_id, rows in csv_report.article_rows(
            story.part, build_triage(story.part), labels
        ):
            self._rows.append(rows.encode(), key=article_id)

    def finish(self, head: BatchHead, out: Writer) -> None:
        out.write(csv_report.header(stories=True).encode())
        for key in head.order:
            if key is not None and key in self._rows:
                out.write(self._rows.get(key))

    def close(self) -> None:
        self._rows.close()


class _ClaimReview:
    """ClaimReview: only the claims the editor gave a verdict, so kept in memory."""

    def __init__(self, scale: claimreview.RatingScale) -> None:
        self._scale = scale
        self._reviews: dict[str, list[dict[str, Any]]] = {}

    def add(self, story: StoryReport) -> None:
        labels = dict.fromkeys(story.info.articles, story_label(story.number, story.info))
        self._reviews.update(claimreview.article_reviews(story.part, self._scale, labels))

    def finish(self, head: BatchHead, out: Writer) -> None:
        reviews = [r for key in head.order if key is not None for r in self._reviews.get(key, [])]
        out.write(claimreview.document(reviews).encode())

    def close(self) -> None:
        self._reviews.clear()


_SINKS: dict[str, Callable[[Path | None], Sink]] = {
    "md": lambda directory: _Document(
        directory,
        head=markdown.stories_head,
        section=markdown.story_section,
        tail=markdown.stories_tail,
        trim=True,
    ),
    "html": lambda directory: _Document(
        directory,
        head=html.stories_head,
        section=html.story_section,
        tail=html.stories_tail,
        trim=False,
    ),
    "json": _Json,
    "csv": _Csv,
}
FORMATS = (*_SINKS, "claimreview")
