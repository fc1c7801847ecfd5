"""The claim detail: the claim stays readable beside its real checklist, at any size."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from factories import article, cluster, quoted
from rich.console import Console
from textual.widgets import DataTable
from tui_package import story_workspace, write_package
from tui_screen import region_words, screen_text

from assistant.model import CheckKey, Comparison, Quantity
from assistant.store import Workspace
from assistant.tui.app import FactcheckApp, make_app
from assistant.tui.screens.detail import ClaimDetailScreen
from assistant.tui.session import Session
from assistant.tui.widgets.claim_view import comparison

STATEMENT = "More than 2,000 people were evacuated on Monday."
QUOTE = "“More than 2,000 people were evacuated on Monday, the interior ministry said.”"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(story_workspace(tmp_path / "floods.sqlite")) as ws:
        yield ws


def pane_words(app: FactcheckApp, pane: str) -> str:
    return region_words(app, app.screen.query_one(pane).region)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_statement_and_quote_show_beside_the_nine_item_checklist(
    workspace: Workspace, size: tuple[int, int]
) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("c", "enter")
        assert isinstance(app.screen, ClaimDetailScreen)
        assert app.screen.query_one("#checklist", DataTable).row_count == len(CheckKey)
        claim = pane_words(app, "#claim-pane")
        assert STATEMENT in claim
        assert QUOTE in claim
        assert "Source identified" in pane_words(app, "#check-pane")


async def test_in_80_by_24_the_checklist_scrolls_to_its_last_item(workspace: Workspace) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "enter")
        assert "Hedging carried" not in screen_text(app)  # five items at a time
        await pilot.press(*["down"] * (len(CheckKey) - 1))
        checks = pane_words(app, "#check-pane")
        assert "Hedging carried" in checks
        assert "keep the original's hedging in our copy" in checks  # its evidence
        assert STATEMENT in pane_words(app, "#claim-pane")  # the claim did not move


async def test_figures_read_as_the_report_writes_them(tmp_path: Path) -> None:
    texts = {
        "wire": "The fund holds 20 billion euros, the bank said.",
        "post": "The fund holds 15 billion euros, the bank said.",
    }
    articles = [
        article(id, text, outlet=id.title(), published=date(2026, 3, n + 1))
        for n, (id, text) in enumerate(texts.items())
    ]
    claims = [
        quoted(
            a,
            a.text,
            1,
            metric="fund size",
            quantity=Quantity(value=value, unit="EUR", text=f"{value / 1e9:.0f} billion euros"),
        )
        for a, value in zip(articles, (20e9, 15e9), strict=True)
    ]
    path = tmp_path / "fund.sqlite"
    with Workspace.open(path) as workspace:
        comparison = Comparison(
            clusters=[cluster("wire#1", "post#1", metric="fund size", period="as of")]
        )
        write_package(workspace, articles, claims, comparison)
        app = make_app(workspace, run_pipeline=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("c", "enter")
            shown = screen_text(app)
    assert "20 billion euros  →  exact 20,000,000,000 EUR" in shown  # the facts' figure line
    assert "20,000,000,000┤" in shown and "15,000,000,000┤" in shown  # the chart's axis
    assert "e+" not in shown


@pytest.mark.parametrize("width", [70, 76])  # the claim pane's text width at 120 and 80 columns
def test_the_comparison_table_cuts_nothing(workspace: Workspace, width: int) -> None:
    # Below the fold at 80x24, so the snapshots cannot show it: rendered at its width here.
    session = Session(workspace)
    entry = session.package.by_id["planet#1"]
    console = Console(width=width, color_system=None, record=True)
    console.print(comparison(session.package.cluster_entries(entry), entry))
    text = console.export_text()
    assert "…" not in text
    for word in ("UNVERIFIED", "CONFLICT", "interior-ministry", "local-officials", "2026-03-02"):
        assert word in text
