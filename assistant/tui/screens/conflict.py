"""Conflict view: every outlet's report of one figure side by side, to weigh a CONFLICT.

Each card holds an outlet's sentence as it printed it, with its source chain, the
original source, the publication date and the period. Enter (or a click) opens that
claim. Every piece of article text goes in through ``plain``: literal, never markup.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import HorizontalScroll
from textual.widgets import Header, Static

from assistant.model import RuleId
from assistant.tui.badges import RULE_LABEL, SEVERITY_STYLE, decision_badge, rule_badges
from assistant.tui.messages import OpenClaim
from assistant.tui.package import ClaimEntry
from assistant.tui.safe import plain
from assistant.tui.screens.base import SessionScreen
from assistant.tui.widgets.claim_view import origin, period_label
from assistant.tui.widgets.footer import KeysFooter


def conflict_entries(
    entries: list[ClaimEntry], entry: ClaimEntry
) -> tuple[list[ClaimEntry], set[str]]:
    """The reports to set side by side for ``entry``'s conflicts, and which are in one.

    All of the cluster (every outlet's report of this figure and period), by date and
    outlet; without a cluster, the claims the CONFLICT findings name.
    """
    conflicting = {cid for f in entry.findings if f.rule is RuleId.CONFLICT for cid in f.claim_ids}
    if len(entries) > 1:
        return entries, conflicting
    return [entry], conflicting


def card(entry: ClaimEntry, in_conflict: bool, current: bool) -> Text:
    """One outlet's report: who, when, the figure, the sentence, where it comes from."""
    claim = entry.claim
    head = plain(entry.article.outlet or entry.article.id, "bold")
    if current:
        head.append("  ◆ this claim", style="dim")
    when = plain(f"{entry.article.published or 'undated'} · {period_label(claim)}", "dim")
    figure = plain(claim.quantity.text if claim.quantity else "—", "bold")
    severity = next((f.severity for f in entry.findings if f.rule is RuleId.CONFLICT), None)
    if in_conflict and severity is not None:
        figure.append("  ").append(" CONFLICT ", style=SEVERITY_STYLE[severity])
    chain = Text(" → ", end="").join(
        plain(link.name).append(f" ({link.role.value})", style="dim") for link in claim.attribution
    )
    source = Text("Source: ", style="bold", end="").append_text(chain or plain("none", "dim"))
    root = Text("Origin: ", style="bold", end="").append_text(plain(origin(claim)))
    sentence = plain(f"“{claim.quote}”", "italic")
    status = decision_badge(entry.decision).append("  ").append_text(rule_badges(entry))
    return Text("\n", end="").join([head, when, figure, sentence, source, root, status])


# Narrowest card (in cells) before the view scrolls sideways instead of squeezing.
MIN_CARD = 24


class ReportCard(Static, can_focus=True):
    """One report in the conflict view; enter or a click opens its claim."""

    # On the card, not the screen: the scrolling row around it would take left/right.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open claim"),
        Binding("left", "screen.step(-1)", "Previous", show=False),
        Binding("right", "screen.step(1)", "Next", show=False),
    ]

    def __init__(self, entry: ClaimEntry, in_conflict: bool, current: bool) -> None:
        super().__init__(card(entry, in_conflict, current), classes="report-card")
        self.claim_id = entry.id
        self.set_class(in_conflict, "-conflict")

    def action_open(self) -> None:
        self.post_message(OpenClaim(self.claim_id))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_open()


class ConflictScreen(SessionScreen):
    """A claim's CONFLICT: the cluster's reports side by side; left/right move, enter opens."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, claim_id: str) -> None:
        super().__init__()
        self.claim_id = claim_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="conflict-head")
        yield HorizontalScroll(id="reports", can_focus=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Conflict"
        super().on_mount()

    def show_package(self) -> None:
        entry = self.session.package.by_id.get(self.claim_id)
        head = self.query_one("#conflict-head", Static)
        if entry is None:
            head.update(plain("This claim is no longer in the workspace.", "bold"))
            self.call_later(self._rebuild, [])
            return
        entries, conflicting = conflict_entries(self.session.package.cluster_entries(entry), entry)
        text = Text(end="")
        for finding in entry.findings:
            if finding.rule is RuleId.CONFLICT:
                if text:
                    text.append("\n")
                text.append(f" {RULE_LABEL[finding.rule]} ", style=SEVERITY_STYLE[finding.severity])
                text.append(" ").append_text(plain(finding.evidence))
        if not text:
            text = plain("No CONFLICT finding on this claim; its cluster's reports:", "dim")
        text.append(f"\n{len(entries)} reports · ←/→ move · enter opens the claim", style="dim")
        head.update(text)
        shown = list(self.query(ReportCard))
        if [c.claim_id for c in shown] == [e.id for e in entries]:
            # The same reports (a verdict changed in a claim opened from here): redraw.
            for report, e in zip(shown, entries, strict=True):
                report.update(card(e, e.id in conflicting, e.id == entry.id))
            return
        cards = [ReportCard(e, e.id in conflicting, e.id == entry.id) for e in entries]
        self._fit(self.app.size.width, cards)
        self.call_later(self._rebuild, cards)

    async def _rebuild(self, cards: list[ReportCard]) -> None:
        reports = self.query_one("#reports", HorizontalScroll)
        await reports.remove_children()
        await reports.mount_all(cards)
        current = next((c for c in cards if c.claim_id == self.claim_id), None)
        if current is not None:
            current.focus()
            current.scroll_visible(animate=False)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int, cards: list[ReportCard] | None = None) -> None:
        """Share the width out among the cards; below MIN_CARD each, scroll sideways."""
        cards = list(self.query(ReportCard)) if cards is None else cards
        if cards:
            each = max(MIN_CARD, (width - len(cards)) // len(cards))  # 1 cell margin each
            for report in cards:
                report.styles.width = each

    def action_step(self, step: int) -> None:
        cards = list(self.query(ReportCard))
        if not cards:
            return
        focused = next((i for i, c in enumerate(cards) if c.has_focus), 0)
        target = cards[max(0, min(len(cards) - 1, focused + step))]
        target.focus()
        target.scroll_visible(animate=False)

    def show_changes(self) -> None:
        self.show_package()  # a verdict given in a claim opened from here

    def action_back(self) -> None:
        self.dismiss()
