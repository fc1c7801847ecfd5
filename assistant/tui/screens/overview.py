"""Story overview: the articles, how their extraction went, and the inputs that were refused."""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.widgets import DataTable, Header, Label, ProgressBar, Static
from textual.widgets.data_table import ColumnKey

from assistant.model import ExtractionStatus
from assistant.store import UNNAMED_EDITOR
from assistant.tui.badges import severity_counts
from assistant.tui.messages import OpenArticle
from assistant.tui.package import ArticleSummary
from assistant.tui.progress import ArticleProgress
from assistant.tui.safe import cell, plain
from assistant.tui.screens.base import SessionScreen
from assistant.tui.widgets.footer import KeysFooter
from assistant.tui.widgets.table import ListTable, fill_step

_STATUS_STYLE = {
    ExtractionStatus.ok: "bold #2e7d32",
    ExtractionStatus.partial: "bold #ef6c00",
    ExtractionStatus.failed: "bold #c62828",
}
_STATUS_MARK = {
    ExtractionStatus.ok: "✔",
    ExtractionStatus.partial: "◐",
    ExtractionStatus.failed: "✘",
}


# The title gives way first, so that findings and extraction stay in view in 80 columns:
# it gets what the other columns leave, up to the whole title where there is room.
TITLE_WIDTH, MIN_TITLE = 60, 10
_FIXED = {"outlet": 14, "published": 10, "claims": 6}


def title_width(screen_width: int, findings: int, extraction: int) -> int:
    """The title column's width beside findings and extraction cells this wide."""
    others = sum(_FIXED.values()) + findings + extraction
    spare = screen_width - others - 2 * (len(_FIXED) + 3) - 2  # cell padding, scrollbar
    return max(MIN_TITLE, min(TITLE_WIDTH, spare))


def extraction_cell(
    summary: ArticleSummary,
    live: ArticleProgress | None,
    running: bool,
    writing: int | None = None,
) -> Text:
    """How the article's extraction went, with the error in place when it failed; while
    a streamed answer comes in, how much of it has (``writing``: pieces, about tokens)."""
    if live is not None:
        status, error = live.status, live.error
    elif running and writing:
        return plain(f"writing… {writing:,} token{'s' if writing > 1 else ''}", "dim")
    elif summary.extraction is not None:
        status, error = summary.extraction.status, summary.extraction.error
    else:
        return plain("extracting…" if running else "not extracted", "dim")
    text = Text(f"{_STATUS_MARK[status]} {status.value}", style=_STATUS_STYLE[status], end="")
    if error:
        text.append_text(cell(f": {error}", limit=200, style=_STATUS_STYLE[status]))
    return text


_UPDATED = ("claims", "findings", "extraction")  # the columns that change with the counts
_LOADING = Text("…", style="dim", end="")


def _count_cell(count: int | None) -> Text:
    return _LOADING if count is None else Text(str(count), justify="right", end="")


class OverviewScreen(SessionScreen):
    """The package at a glance; enter opens an article."""

    AUTO_FOCUS = "#articles"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "open_article", "Read article")]

    def __init__(self) -> None:
        super().__init__()
        # The widest findings and extraction cells shown: what the title leaves room for.
        self._widths: tuple[int, int] = (len("Findings"), len("Extraction"))
        self._summaries: dict[str, ArticleSummary] = {}
        # Per drawn row, the run's progress it shows (the run replaces an article's
        # progress object when it changes: ``is`` tells what to redraw).
        self._live: dict[str, ArticleProgress | None] = {}
        self._writing: dict[str, int | None] = {}  # per drawn row, the pieces it shows
        self._drawn_running = False
        self._cursor = 0
        self._token = 0  # the drawing under way; a newer one stops the older one's chunks

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="summary")
        yield ProgressBar(id="progress", show_eta=False)
        yield ListTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Label("Rejected inputs", id="rejected-title")
        yield ListTable(id="rejected", cursor_type="row")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Story overview"
        articles = self.query_one("#articles", DataTable)
        articles.add_column("Outlet", key="outlet", width=_FIXED["outlet"])
        articles.add_column("Published", key="published", width=_FIXED["published"])
        articles.add_column("Title", key="title", width=MIN_TITLE)  # see show_progress
        articles.add_column("Claims", key="claims", width=_FIXED["claims"])
        articles.add_column("Findings", key="findings")
        articles.add_column("Extraction", key="extraction")
        rejected = self.query_one("#rejected", DataTable)
        rejected.add_column("Input", key="source", width=40)
        rejected.add_column("Reason", key="reason")
        super().on_mount()

    def on_resize(self, event: Resize) -> None:
        # The title's width follows the terminal's. Only a new width redraws the rows:
        # a screen pushed over this one resizes it too, and a redraw made opening the
        # claims list four times slower (benchmarks/tui_latency.py).
        title = self.query_one("#articles", DataTable).columns[ColumnKey("title")]
        if self._title_width() != title.width:
            self._draw_rows()

    def _title_width(self) -> int:
        """The title column's width for this terminal and the findings and extraction
        cells last shown."""
        return title_width(self.app.size.width, *self._widths)

    def let_go(self) -> None:
        # The paging, and an update of the rows in steps, hold the articles' summaries.
        self.query_one("#articles", ListTable).stop_paging()
        self._token += 1

    def show_package(self) -> None:
        package = self.session.package
        rejected = self.query_one("#rejected", DataTable)
        rejected.clear()
        rejected.add_rows([cell(r.source, 80), cell(r.reason or "")] for r in package.rejected)
        rejected.display = bool(package.rejected)
        self.query_one("#rejected-title").display = bool(package.rejected)
        summaries = {s.article.id: s for s in package.summaries()}
        same = list(summaries) == list(self._summaries)
        self._summaries = summaries
        self._draw_rows(in_place=same)

    # ------------------------------------------------------------------ the article rows
    # A package may hold thousands of articles, and progress arrives per article: rows are
    # drawn in chunks (a screenful first), and progress changes only the cells it changes.

    def _row(self, summary: ArticleSummary) -> tuple[Text, ...]:
        progress = self.state.progress
        live = progress.articles.get(summary.article.id)
        self._live[summary.article.id] = live
        writing = progress.writing.get(summary.article.id) if progress.running else None
        self._writing[summary.article.id] = writing
        count = live.claims if live is not None and progress.running else summary.claims
        return (
            cell(summary.article.outlet or "—", _FIXED["outlet"]),
            Text(str(summary.article.published or "—"), end=""),
            cell(summary.article.title or summary.article.id, TITLE_WIDTH),
            _count_cell(count),
            _LOADING if summary.findings is None else severity_counts(summary.findings),
            extraction_cell(summary, live, progress.running, writing),
        )

    def _draw_rows(self, *, in_place: bool = False) -> None:
        """Every row again: a new package, a run starting or ending, a new width.

        The rows are added a page at a time as they come into view
        (``ListTable.show_pages``). ``in_place``: the same articles in the same order,
        only their cells change (the counts of a large package arriving), so the rows
        shown are updated, not rebuilt.
        """
        table = self.query_one("#articles", ListTable)
        self._cursor = table.cursor_row if table.row_count else self._cursor
        self._drawn_running = self.state.progress.running
        self._cursor = min(self._cursor, max(0, len(self._summaries) - 1))
        self._live = {}
        self._writing = {}
        self._token += 1
        summaries = list(self._summaries.values())
        if in_place and table.row_count:
            shown = table.row_count
            self._update_step(self._token, summaries, 0, shown)
            table.show_pages(len(summaries), partial(self._add, table, summaries))
            table.extend(shown)
        else:
            table.clear()
            table.show_pages(
                len(summaries), partial(self._add, table, summaries), upto=self._cursor
            )
            if self._cursor < table.row_count:
                table.move_cursor(row=self._cursor, animate=False)
        self._show_totals()

    def _add(self, table: ListTable, summaries: list[ArticleSummary], index: int) -> None:
        key, row = summaries[index].article.id, self._row(summaries[index])
        self._widen([(key, row)])
        table.add_row(*row, key=key)

    def _update_step(
        self, token: int, summaries: list[ArticleSummary], start: int, shown: int
    ) -> None:
        """Update the cells of the rows shown, a time-boxed step per refresh."""
        if token != self._token:
            return  # a newer drawing replaced this one
        table = self.query_one("#articles", ListTable)
        updated: list[tuple[str, tuple[Text, ...]]] = []

        def update(index: int) -> None:
            key, row = summaries[index].article.id, self._row(summaries[index])
            updated.append((key, row))
            if key in table.rows:
                for column, value in zip(_UPDATED, row[3:], strict=True):
                    table.update_cell(key, column, value)

        end = fill_step(start, shown, 1, update)
        self._widen(updated)
        if end < shown:
            self.call_after_refresh(self._update_step, token, summaries, end, shown)

    def _widen(self, rows: list[tuple[str, tuple[Text, ...]]]) -> None:
        """Give the title what the widest findings and extraction cells leave it."""
        self._widths = (
            max([self._widths[0]] + [row[4].cell_len for _, row in rows]),
            max([self._widths[1]] + [row[5].cell_len for _, row in rows]),
        )
        columns = self.query_one("#articles", DataTable).columns
        columns[ColumnKey("title")].width = self._title_width()
        # Fixed, not measured: a cell updated in place (progress, counts) then never
        # makes the table measure the whole column again.
        for key, width in zip(("findings", "extraction"), self._widths, strict=True):
            columns[ColumnKey(key)].auto_width = False
            columns[ColumnKey(key)].width = width

    def show_progress(self) -> None:
        progress = self.state.progress
        if progress.running != self._drawn_running:
            self._draw_rows(in_place=True)  # every row's count and "extracting…" change
        else:
            table = self.query_one("#articles", DataTable)
            changed = {
                article_id
                for article_id, live in progress.articles.items()
                if self._live.get(article_id, live) is not live
            }
            changed.update(  # answers streaming in: "writing… 312 tokens"
                article_id
                for article_id, pieces in progress.writing.items()
                if article_id in self._writing and self._writing[article_id] != pieces
            )
            updates = []
            for article_id in changed:
                summary = self._summaries.get(article_id)
                if summary is None:
                    continue
                row = self._row(summary)
                updates.append((article_id, row))
            self._widen(updates)
            for article_id, row in updates:
                if article_id in table.rows:
                    table.update_cell(article_id, "claims", row[3])
                    table.update_cell(article_id, "extraction", row[5])
            self._show_totals()

    def _show_totals(self) -> None:
        progress = self.state.progress
        counts = [
            live.claims if live is not None and progress.running else summary.claims
            for summary in self._summaries.values()
            for live in (progress.articles.get(summary.article.id),)
        ]
        self._show_summary(None if None in counts else sum(c or 0 for c in counts))
        bar = self.query_one("#progress", ProgressBar)
        bar.display = progress.running
        bar.update(total=progress.total or None, progress=progress.done)

    def _show_summary(self, claims: int | None) -> None:
        package = self.session.package
        progress = self.state.progress
        line = Text(end="")
        counted = package.finding_counts()
        if claims is None or counted is None:
            line.append(f"{len(package.articles)} articles · ", style="bold")
            line.append("counting claims and findings…", style="italic")
        else:
            line.append(f"{len(package.articles)} articles · {claims} claims · ", style="bold")
            line.append(f"{package.decided()} with a verdict · findings: ")
            # The package's findings, each once: not the sum of the rows, where a finding
            # across articles shows in each of them.
            line.append_text(severity_counts(counted))
        if self.session.loading:
            line.append("\nLoading the claims… the claims list opens when they are in", "italic")
        if progress.running:
            line.append(
                f"\nExtracting {progress.done}/{progress.total} — press x to cancel", style="italic"
            )
        elif progress.cancelled:
            line.append(
                "\nExtraction cancelled: the articles done so far are saved", style="italic"
            )
        if package.orphans:
            first = package.orphans[0]
            line.append(
                f"\n⚠ {len(package.orphans)} reopened decision(s) lost their claim when the "
                "text changed, first on: ",
                style="bold",
            )
            line.append_text(plain(f"“{first.old_quote or first.quote or ''}”", "italic"))
        if self.session.workspace.actor == UNNAMED_EDITOR:
            line.append(
                f"\nDecisions are recorded as “{UNNAMED_EDITOR}”: give your name with "
                "--editor NAME, or “Editor name” in the palette (ctrl+p)",
                style="dim",
            )
        if not package.articles:
            if progress.running:  # ingest has not saved them yet: they are on their way
                line.append("\nReading the articles…", style="italic")
            else:
                line.append("\nNo articles yet: start with  factcheck tui ARTICLES…", style="dim")
        elif package.entries and not package.decided() and not progress.running:
            line.append(
                "\nWhere to start: h opens the first claim with a high-severity finding, "
                "u the next without a verdict, c the list of every claim; ? lists the keys.",
                style="dim",
            )
        self.query_one("#summary", Static).update(line)

    @on(DataTable.RowSelected, "#articles")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self._open(event.row_key.value)

    def action_open_article(self) -> None:
        table = self.query_one("#articles", DataTable)
        if table.row_count:
            self._open(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _open(self, article_id: str | None) -> None:
        if article_id is not None:
            self.post_message(OpenArticle(article_id))
