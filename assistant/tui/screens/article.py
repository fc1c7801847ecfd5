"""Article view: the text with its claims and hedge cues highlighted; jump from claim to claim."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from assistant.model import Article
from assistant.tui.badges import HEDGE_LEGEND
from assistant.tui.highlight import CLAIM_META, Paragraph, highlighted, paragraphs, split
from assistant.tui.messages import OpenClaim
from assistant.tui.package import ClaimEntry
from assistant.tui.safe import plain
from assistant.tui.screens.base import SessionScreen
from assistant.tui.widgets.footer import KeysFooter


def legend() -> Text:
    text = Text("Highlights: ", style="bold", end="")
    for i, (name, style) in enumerate(HEDGE_LEGEND):
        if i:
            text.append("  ")
        text.append(name, style=style)
    return text


class ArticleScreen(SessionScreen):
    """One article; ``n``/``p`` move the highlighted claim, ``enter`` opens it."""

    AUTO_FOCUS = "#article"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "jump(1)", "Next claim"),
        Binding("p", "jump(-1)", "Previous claim"),
        Binding("enter", "open_claim", "Open claim"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, article_id: str, claim_id: str | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self.claim_id = claim_id
        self._blocks: list[Paragraph] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(legend(), id="legend")
        yield Static(id="article-head")
        yield VerticalScroll(id="article")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.title = "Article"
        super().on_mount()

    @property
    def article(self) -> Article | None:
        return next((a for a in self.session.package.articles if a.id == self.article_id), None)

    @property
    def claims(self) -> list[ClaimEntry]:
        return sorted(
            self.session.package.claims_of(self.article_id),
            key=lambda e: e.claim.span.start if e.claim.span else len(e.article.text),
        )

    def show_package(self) -> None:
        article = self.article
        container = self.query_one("#article", VerticalScroll)
        container.remove_children()
        if article is None:
            self.query_one("#article-head", Static).update(
                plain("This article is no longer in the workspace.")
            )
            return
        head = plain(article.title or article.id, "bold")
        head.append("\n").append_text(
            plain(f"{article.outlet or '—'} · {article.published or 'undated'}", "dim")
        )
        head.append(f" · {len(self.claims)} claims", style="dim")
        self.query_one("#article-head", Static).update(head)
        self._blocks = paragraphs(article.text)
        pieces = split(self._highlighted(article), self._blocks)
        container.mount_all(Static(piece, classes="paragraph") for piece in pieces)
        if self.claim_id is not None:
            self.call_after_refresh(self._scroll_to_claim)

    def _highlighted(self, article: Article) -> Text:
        return highlighted(article, [e.claim for e in self.claims], self.claim_id)

    def _redraw(self, indexes: set[int]) -> None:
        article = self.article
        if article is None:
            return
        pieces = split(self._highlighted(article), self._blocks)
        widgets = list(
            self.query_one("#article", VerticalScroll).query(".paragraph").results(Static)
        )
        for index in indexes:
            if 0 <= index < len(widgets):
                widgets[index].update(pieces[index])

    def _block_of(self, claim_id: str | None) -> int:
        entry = self.session.package.by_id.get(claim_id or "")
        if entry is None or entry.claim.span is None:
            return -1
        start = entry.claim.span.start
        return next((i for i, b in enumerate(self._blocks) if b.start <= start <= b.end), -1)

    def action_jump(self, step: int) -> None:
        claims = [e for e in self.claims if e.claim.span is not None]
        if not claims:
            self.notify("No claim in this article has a place in the text", timeout=2)
            return
        ids = [e.id for e in claims]
        if self.claim_id in ids:
            index = ids.index(self.claim_id) + step
        else:
            index = 0 if step > 0 else len(ids) - 1
        if not 0 <= index < len(ids):
            self.notify("No more claims in this article", timeout=1.5)
            return
        before = self._block_of(self.claim_id)
        self.claim_id = ids[index]
        self._redraw({before, self._block_of(self.claim_id)})
        self.call_after_refresh(self._scroll_to_claim)

    def _scroll_to_claim(self) -> None:
        """Bring the current claim near the top: its paragraph, then its share of the way in."""
        index = self._block_of(self.claim_id)
        entry = self.session.package.by_id.get(self.claim_id or "")
        if index < 0 or entry is None or entry.claim.span is None:
            return
        container = self.query_one("#article", VerticalScroll)
        widget = list(container.query(".paragraph").results(Static))[index]
        block = self._blocks[index]
        share = (entry.claim.span.start - block.start) / max(1, block.end - block.start)
        y = widget.virtual_region.y + int(share * widget.virtual_region.height)
        container.scroll_to(y=max(0, y - 2), animate=False)

    def on_click(self, event: events.Click) -> None:
        """A click on a claim in the text opens it (``highlighted`` marks which it is)."""
        index = event.style.meta.get(CLAIM_META)
        claims = self.claims
        if isinstance(index, int) and 0 <= index < len(claims):
            event.stop()
            self.claim_id = claims[index].id
            self.post_message(OpenClaim(self.claim_id))

    def action_open_claim(self) -> None:
        if self.claim_id is None:
            self.action_jump(1)
            return
        self.post_message(OpenClaim(self.claim_id))

    def action_back(self) -> None:
        self.dismiss()
