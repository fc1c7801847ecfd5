"""Claims list: every claim of the package with its badges; filter, search, sort, open."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from typing import ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import Resize
from textual.widgets import DataTable, Header, Input, Static
from textual.widgets.data_table import ColumnKey

from assistant.model import RuleId
from assistant.tui.badges import decision_badge, rule_badges
from assistant.tui.dialogs import ArticlePick, ArticlePicker
from assistant.tui.messages import OpenClaim, OpenConflict
from assistant.tui.package import ClaimEntry, ClaimFilter, ClaimQuery, ClaimSort
from assistant.tui.safe import cell, plain
from assistant.tui.screens.base import SessionScreen
from assistant.tui.widgets.footer import KeysFooter
from assistant.tui.widgets.table import ListTable

# Widths of the fixed columns, roomy and narrow; the claim's text takes what is left.
_WIDE = {"verdict": 15, "open": 4, "rules": 20, "outlet": 12}
_NARROW = {"verdict": 12, "open": 4, "rules": 12, "outlet": 10}
_NARROW_BELOW = 110


def column_widths(screen_width: int) -> dict[str, int]:
    """Column widths for a terminal ``screen_width`` columns wide (2 cells padding each)."""
    fixed = _WIDE if screen_width >= _NARROW_BELOW else _NARROW
    claim = screen_width - sum(fixed.values()) - 2 * (len(fixed) + 1) - 2  # - scrollbar
    return {**fixed, "claim": max(20, claim)}


T = TypeVar("T")


def _next(options: list[T], current: T) -> T:
    return options[(options.index(current) + 1) % len(options)]


_LABELS = {
    "verdict": "Verdict",
    "open": "Open",
    "rules": "Rules",
    "outlet": "Outlet",
    "claim": "Claim",
}


class ClaimsScreen(SessionScreen):
    """The package's claims in a DataTable (fast with thousands of rows)."""

    AUTO_FOCUS = "#claims"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_claim", "Open"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("f", "cycle_filter", "Filter"),
        Binding("a", "pick_article", "Article"),
        Binding("s", "cycle_sort", "Sort"),
        Binding("k", "conflict", "Conflict", show=False),
        Binding("escape", "clear", "Clear", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._rows: dict[str, tuple[Text, ...]] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="query-bar"):
            yield Static(id="query")
            yield Input(placeholder="search claims ( / )", id="search")
        yield ListTable(id="claims", cursor_type="row", zebra_stripes=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Claims"
        table = self.query_one("#claims", DataTable)
        widths = column_widths(self.app.size.width)
        for key, label in _LABELS.items():
            table.add_column(label, key=key, width=widths[key])
        super().on_mount()

    def on_resize(self, event: Resize) -> None:
        table = self.query_one("#claims", DataTable)
        widths = column_widths(event.size.width)
        columns = {key: table.columns[ColumnKey(key)] for key in widths}
        if any(columns[key].width != width for key, width in widths.items()):
            for key, width in widths.items():
                columns[key].width = width
            # Rendered cells are cached at their old width: draw the rows again.
            self._fill(self.session.query)

    # ------------------------------------------------------------------ drawing

    def _row(self, entry: ClaimEntry) -> tuple[Text, ...]:
        row = self._rows.get(entry.id)
        if row is None:
            count = self.session.open_items(entry)
            open_items = Text(str(count) if count else "", justify="right", end="")
            row = (
                decision_badge(entry.decision),
                open_items,
                rule_badges(entry),
                cell(entry.article.outlet or "—", 12),
                cell(entry.statement, 200),
            )
            self._rows[entry.id] = row
        return row

    def show_package(self) -> None:
        self._rows.clear()
        self.session.changed.clear()
        self._fill(self.session.query)

    def let_go(self) -> None:
        # The paging holds the list of claims it adds rows from.
        self.query_one("#claims", ListTable).stop_paging()

    def _show_loading(self) -> bool:
        """While a large package's claims are read in the background, say so; True then."""
        table = self.query_one("#claims", DataTable)
        waiting = not self.session.package.complete
        table.loading = waiting
        if waiting:
            text = Text("Loading the claims…", style="bold", end="")
            text.append(f"\n{len(self.session.package.articles)} articles; the list fills in")
            self.query_one("#query", Static).update(text)
        return waiting

    def show_changes(self) -> None:
        """Redraw the rows whose decision changed in the claim detail; follow its cursor."""
        table = self.query_one("#claims", ListTable)
        for claim_id in self.session.changed:
            self._rows.pop(claim_id, None)
            entry = self.session.package.by_id.get(claim_id)
            if entry is not None and claim_id in table.rows:
                for key, value in zip(("verdict", "open"), self._row(entry), strict=False):
                    table.update_cell(claim_id, key, value)
        self.session.changed.clear()
        current = self.session.current
        if current is not None and current not in table.rows:  # further down than shown yet
            table.extend(self._index_of(self.session.visible, current) + 1)
        if current is not None and current in table.rows:
            table.move_cursor(row=table.get_row_index(current))

    def _fill(self, query: ClaimQuery) -> None:
        """Show the claims ``query`` selects: the first page now, the rest as the editor
        scrolls to them (``ListTable.show_pages``).

        DataTable measures every cell it is given (about 0.2 ms a row, several times that
        on a busy machine): 45,000 rows at once would freeze the screen for many seconds,
        and filling them in the background would slow every key meanwhile.
        """
        cursor = self.session.current or self._cursor_id()
        entries = self.session.apply(query)
        table = self.query_one("#claims", ListTable)
        table.clear()
        if self._show_loading():
            return  # show_package fills it when the claims are in

        def add(index: int) -> None:  # keyed by claim id: found again later
            table.add_row(*self._row(entries[index]), key=entries[index].id)

        at = self._index_of(entries, cursor)
        table.show_pages(len(entries), add, upto=at + 1)
        # Put the cursor back on the claim the editor was on.
        if cursor is not None and cursor in table.rows:
            table.move_cursor(row=table.get_row_index(cursor), animate=False)
        self._show_query(len(entries))

    @staticmethod
    def _index_of(entries: list[ClaimEntry], claim_id: str | None) -> int:
        return next((i for i, e in enumerate(entries) if e.id == claim_id), 0)

    def _show_query(self, shown: int) -> None:
        query = self.session.query
        package = self.session.package
        text = Text(end="")
        text.append(f"{shown} of {len(package.entries)} claims", style="bold")
        text.append(f"\nfilter: {query.filter.value} · sort: {query.sort.value}")
        if query.article_id is not None:
            article = next((a for a in package.articles if a.id == query.article_id), None)
            text.append(" · article: ")
            text.append_text(plain(article.outlet or article.id if article else query.article_id))
        self.query_one("#query", Static).update(text)

    def cursor_claim(self) -> str | None:
        """The claim under the cursor."""
        return self._cursor_id()

    def _cursor_id(self) -> str | None:
        table = self.query_one("#claims", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    # ------------------------------------------------------------------ actions

    def set_query(self, **changes: object) -> None:
        self._fill(replace(self.session.query, **changes))  # type: ignore[arg-type]

    def action_cycle_filter(self) -> None:
        self.set_query(filter=_next(list(ClaimFilter), self.session.query.filter))

    def action_cycle_sort(self) -> None:
        self.set_query(sort=_next(list(ClaimSort), self.session.query.sort))

    def action_pick_article(self) -> None:
        """Choose the article to show in a searchable list (thousands of articles are
        too many to cycle through)."""
        picker = ArticlePicker(self.session.package.articles, self.session.query.article_id)
        self.app.push_screen(picker, self._article_picked)

    def _article_picked(self, pick: ArticlePick | None) -> None:
        if pick is not None and pick.article_id != self.session.query.article_id:
            self.set_query(article_id=pick.article_id)

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_clear(self) -> None:
        search = self.query_one("#search", Input)
        search.value = ""
        self.session.current = None
        self.set_query(filter=ClaimFilter.all, article_id=None, text="")
        self.query_one("#claims", DataTable).focus()

    @on(Input.Changed, "#search")
    def _search(self, event: Input.Changed) -> None:
        if event.value != self.session.query.text:
            self.set_query(text=event.value)

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one("#claims", DataTable).focus()

    @on(DataTable.RowSelected, "#claims")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self._open(event.row_key.value)

    def action_open_claim(self) -> None:
        self._open(self._cursor_id())

    def action_conflict(self) -> None:
        claim_id = self._cursor_id()
        entry = self.session.package.by_id.get(claim_id or "")
        if entry is None or RuleId.CONFLICT not in entry.rules:
            self.notify("This claim is in no CONFLICT", timeout=2)
            return
        self.post_message(OpenConflict(entry.id))

    def _open(self, claim_id: str | None) -> None:
        if claim_id is not None:
            self.post_message(OpenClaim(claim_id))

    def commands(self) -> Iterator[SystemCommand]:
        """Command palette entries for this screen's filters and sorts."""
        yield SystemCommand(
            "Pick an article (a)", "Show only the claims of one article", self.action_pick_article
        )
        for option in ClaimFilter:
            yield SystemCommand(
                f"Filter: {option.value}",
                "Show only these claims",
                partial(self.set_query, filter=option),
            )
        for order in ClaimSort:
            yield SystemCommand(
                f"Sort: {order.value}",
                "Order the claims list",
                partial(self.set_query, sort=order),
            )
