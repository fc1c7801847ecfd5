"""Claim detail: what the claim says, what hedges it, how it compares, and its checklist.

Every change is written to the workspace at once (``Session``), then confirmed on screen.
``n``/``p`` move through the claims list in place, without building a new screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical, VerticalScroll
from textual.events import Resize
from textual.timer import Timer
from textual.widgets import DataTable, Header, Label, Static, TextArea

from assistant.model import CheckKey, ChecklistItem, RuleId, Verdict
from assistant.tui.badges import CHECK_MARK
from assistant.tui.dialogs import ConfirmDialog, VerdictDialog
from assistant.tui.messages import DecisionSaved, OpenArticle, OpenConflict
from assistant.tui.package import ClaimEntry
from assistant.tui.safe import clean, plain
from assistant.tui.screens.base import SessionScreen
from assistant.tui.widgets.chart import ClusterChart, legend
from assistant.tui.widgets.checklist import ChecklistTable
from assistant.tui.widgets.claim_view import claim_view, head
from assistant.tui.widgets.footer import KeysFooter
from assistant.tui.widgets.note import NoteArea

# From this many columns on, the checklist sits beside the claim instead of under it.
WIDE = 110
# Below this many rows the checklist scrolls (five items at a time) to leave the claim
# pane room for its statement and quote: 18 rows of checklist pane plus 8 of claim.
TALL = 28

# A note is saved this long after the last keystroke, as well as on leaving and ctrl+s.
NOTE_AUTOSAVE_S = 1.0


class ClaimDetailScreen(SessionScreen):
    """One claim and its checklist; tick items, set the verdict, write a note."""

    AUTO_FOCUS = "#checklist"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "move(1)", "Next"),
        Binding("p", "move(-1)", "Prev"),
        Binding("space", "cycle_item", "Tick"),
        Binding("backspace", "reset_item", "Reset item", show=False),
        Binding("v", "verdict", "Verdict"),
        Binding("w", "write_note", "Note"),
        Binding("ctrl+s", "save_note", "Save note", show=False),
        Binding("r", "read_article", "Article"),
        Binding("k", "conflict", "Conflict"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, claim_id: str) -> None:
        super().__init__()
        self.claim_id = claim_id
        self._autosave: Timer | None = None
        self._items: list[ChecklistItem] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Container(id="panes"):
            with VerticalScroll(id="claim-pane"):
                yield Static(id="head")
                yield Static(id="claim")
                yield ClusterChart(id="chart")
                yield Static(id="chart-legend")
            with Vertical(id="check-pane"):
                yield Label("Checklist  (space: tick)", classes="section")
                yield ChecklistTable(id="checklist")
                yield Static(id="evidence")
                yield Label("Note  (w: write, ctrl+s: save)", classes="section")
                yield NoteArea(id="note", soft_wrap=True, show_line_numbers=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Claim"
        # The layout for the terminal as it is, before the first paint: waiting for the
        # first Resize would paint the stacked layout once, then jump.
        self._fit(self.app.size.width, self.app.size.height)
        super().on_mount()

    def on_resize(self, event: Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        # Side by side when there is room; stacked (checklist at the bottom) in 80 columns.
        self.set_class(width >= WIDE, "-wide")
        self.set_class(height < TALL, "-short")

    @on(DataTable.RowSelected, "#checklist")
    def _item_clicked(self, event: DataTable.RowSelected) -> None:
        # A click on a row (or enter on it) ticks it, as space does.
        event.stop()
        self.action_cycle_item()

    @on(DataTable.RowHighlighted, "#checklist")
    def _show_evidence(self) -> None:
        row = self.query_one(ChecklistTable).cursor_row
        item = self._items[row] if 0 <= row < len(self._items) else None
        evidence = plain(item.evidence if item else "", "italic")
        self.query_one("#evidence", Static).update(evidence, layout=False)  # fixed height

    @property
    def entry(self) -> ClaimEntry | None:
        return self.session.package.by_id.get(self.claim_id)

    # ------------------------------------------------------------------ drawing

    def show_package(self) -> None:
        self.show_claim()

    def show_changes(self) -> None:
        # Another detail screen (opened from the article view) may have changed this claim.
        self.show_claim()

    def show_claim(self) -> None:
        entry = self.entry
        self.session.current = self.claim_id
        if entry is None:
            self.query_one("#head", Static).update(
                plain("This claim is no longer in the workspace.", "bold")
            )
            return
        self.sub_title = self.session.place(self.claim_id)
        self.query_one("#head", Static).update(head(entry), layout=False)  # one line
        cluster = self.session.package.cluster_entries(entry)
        self.query_one("#claim", Static).update(claim_view(entry, cluster))
        chart = self.query_one(ClusterChart)
        shown = chart.show(cluster, entry)
        key = self.query_one("#chart-legend", Static)
        if shown:
            key.update(legend(cluster))
        if chart.display != shown:  # toggling display re-lays out the screen
            chart.display = shown
            key.display = shown
        self._items = self.session.checklist(self.claim_id)
        self.query_one(ChecklistTable).show(self._items)
        self._show_evidence()
        self.query_one(NoteArea).show(entry.decision.note)

    # ------------------------------------------------------------------ moving

    def action_move(self, step: int) -> None:
        neighbour = self.session.neighbour(self.claim_id, step)
        if neighbour is None:
            self.notify("No more claims in this list", timeout=1.5)
            return
        self.go_to(neighbour.id)

    def go_to(self, claim_id: str) -> None:
        """Show another claim in place (the note typed so far is saved first)."""
        self.flush()
        self.claim_id = claim_id
        self.show_claim()
        self.query_one("#claim-pane", VerticalScroll).scroll_home(animate=False)

    def action_back(self) -> None:
        self.flush()
        self.dismiss()

    def commands(self) -> Iterator[SystemCommand]:
        """Command palette entries for this claim: every key the footer has no room for."""
        yield SystemCommand("Verdict (v)", "Set or clear this claim's verdict", self.action_verdict)
        yield SystemCommand(
            "Write the note (w)", "Add to this claim's note", self.action_write_note
        )
        yield SystemCommand("Save the note (ctrl+s)", "Save the note now", self.action_save_note)
        yield SystemCommand(
            "Read the article (r)", "This claim in its article", self.action_read_article
        )
        yield SystemCommand(
            "Next claim (n)", "The next claim in the list", partial(self.action_move, 1)
        )
        yield SystemCommand(
            "Previous claim (p)", "The previous claim in the list", partial(self.action_move, -1)
        )
        entry = self.entry
        if entry is not None and RuleId.CONFLICT in entry.rules:
            yield SystemCommand(
                "Conflict view (k)", "Every outlet's report side by side", self.action_conflict
            )

    def action_conflict(self) -> None:
        # "k" stays in the footer on every claim, as in the claims list: hiding it per
        # claim refreshed the bindings, and the footer's recompose doubled the time to
        # the next claim (benchmarks/tui_latency.py).
        entry = self.entry
        if entry is None or RuleId.CONFLICT not in entry.rules:
            self.notify("This claim is in no CONFLICT", timeout=2)
            return
        self.flush()
        self.post_message(OpenConflict(self.claim_id))

    def action_read_article(self) -> None:
        entry = self.entry
        if entry is not None:
            self.flush()
            self.post_message(OpenArticle(entry.article.id, self.claim_id))

    def on_screen_suspend(self) -> None:
        self.flush()

    # ------------------------------------------------------------------ decisions

    def _saved(self, what: str) -> None:
        entry = self.entry
        if entry is not None:
            self.query_one("#head", Static).update(head(entry), layout=False)  # one line
        self.post_message(DecisionSaved(self.claim_id, what))

    def action_cycle_item(self) -> None:
        table = self.query_one(ChecklistTable)
        key = table.selected
        if key is None or self.entry is None:
            return
        status = self.session.cycle_item(self.claim_id, key)
        self._refresh_item(key)
        self._saved(f"{key.value.replace('_', ' ')}: {CHECK_MARK[status]}")

    def action_reset_item(self) -> None:
        table = self.query_one(ChecklistTable)
        key = table.selected
        if key is None or self.entry is None:
            return
        self.session.set_item(self.claim_id, key, None)
        self._refresh_item(key)
        self._saved(f"{key.value.replace('_', ' ')}: automatic status")

    def _refresh_item(self, key: CheckKey) -> None:
        self._items = self.session.checklist(self.claim_id)
        for item in self._items:
            if item.key is key:
                self.query_one(ChecklistTable).update_item(item)

    def action_verdict(self) -> None:
        entry = self.entry
        if entry is not None:
            self.app.push_screen(VerdictDialog(entry.decision.verdict), self._verdict_chosen)

    def _verdict_chosen(self, choice: Verdict | bool | None) -> None:
        entry = self.entry
        if choice is False or entry is None:
            return
        verdict = choice if isinstance(choice, Verdict) else None
        if verdict is None and entry.decision.verdict is not None:
            current = entry.decision.verdict.value.replace("_", " ")
            self.app.push_screen(
                ConfirmDialog(f"Clear the verdict “{current}”?", yes="Clear"),
                partial(self._clear_confirmed, self.claim_id),
            )
            return
        self._set_verdict(verdict)

    def _clear_confirmed(self, claim_id: str, yes: bool | None) -> None:
        if yes and claim_id == self.claim_id:
            self._set_verdict(None)

    def _set_verdict(self, verdict: Verdict | None) -> None:
        self.session.set_verdict(self.claim_id, verdict)
        self._saved(f"Verdict: {verdict.value.replace('_', ' ') if verdict else 'cleared'}")

    def action_write_note(self) -> None:
        self.query_one(NoteArea).edit_at_end()

    @on(NoteArea.Done)
    def _note_done(self) -> None:
        self.flush()
        self.query_one(ChecklistTable).focus()

    def action_save_note(self) -> None:
        if not self.flush():
            self.notify("Note already saved", timeout=1.5)

    @on(TextArea.Changed, "#note")
    def _note_changed(self) -> None:
        if self._autosave is not None:
            self._autosave.stop()
        self._autosave = self.set_timer(NOTE_AUTOSAVE_S, self.flush)

    @on(events.DescendantBlur, "#note")
    def _note_left(self) -> None:
        self.flush()

    def flush(self) -> bool:
        """Save the note if it changed; True when it wrote."""
        if self._autosave is not None:
            self._autosave.stop()
            self._autosave = None
        if not self.is_mounted or self.entry is None:
            return False
        text = self.query_one(NoteArea).text
        # Unchanged when it is the saved note as shown (control characters stripped).
        if text == clean(self.entry.decision.note):
            return False
        if self.session.set_note(self.claim_id, text):
            self._saved("Note saved")
            return True
        return False
