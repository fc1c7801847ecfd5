"""Claims list: filters, search, sort, per-article view; the selection logic and the screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input
from tui_package import story_workspace
from tui_screen import screen_text

from assistant.model import Verdict
from assistant.store import Workspace
from assistant.tui.app import FactcheckApp, make_app
from assistant.tui.package import ClaimFilter, ClaimQuery, ClaimSort, Package, select


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(story_workspace(tmp_path / "floods.sqlite")) as ws:
        yield ws


def ids(package: Package, query: ClaimQuery) -> list[str]:
    return [e.id for e in select(package.entries, query)]


@pytest.mark.parametrize(
    ("claim_filter", "expected"),
    [
        (
            ClaimFilter.all,
            ["planet#1", "planet#2", "planet#3", "metro#1", "star#1", "star#2", "harbour#1"],
        ),
        (ClaimFilter.conflicts, ["metro#1", "star#1"]),
        (ClaimFilter.unverified, ["planet#1"]),
        (ClaimFilter.single_source, ["planet#2"]),
    ],
)
def test_filters_pick_the_claims_their_rule_fired_on(
    workspace: Workspace, claim_filter: ClaimFilter, expected: list[str]
) -> None:
    assert ids(Package.load(workspace), ClaimQuery(filter=claim_filter)) == expected


def test_unchecked_leaves_out_claims_with_a_verdict(workspace: Workspace) -> None:
    workspace.set_verdict("metro#1", Verdict.accurate)
    package = Package.load(workspace)
    assert "metro#1" not in ids(package, ClaimQuery(filter=ClaimFilter.unchecked))
    assert len(ids(package, ClaimQuery(filter=ClaimFilter.unchecked))) == 6


def test_search_article_and_sorts(workspace: Workspace) -> None:
    package = Package.load(workspace)
    assert ids(package, ClaimQuery(text="EVACUATED on monday")) == ["planet#1", "metro#1", "star#1"]
    assert ids(package, ClaimQuery(text="[sic]")) == ["planet#2"]
    assert ids(package, ClaimQuery(text="evening star")) == ["star#1", "star#2"]  # outlet
    assert ids(package, ClaimQuery(article_id="star")) == ["star#1", "star#2"]
    assert ids(package, ClaimQuery(filter=ClaimFilter.conflicts, article_id="star")) == ["star#1"]
    # Severity: high (conflicts) first, then medium, low, and claims nothing fired on.
    assert ids(package, ClaimQuery(sort=ClaimSort.severity)) == [
        "metro#1",
        "star#1",
        "planet#1",
        "planet#2",
        "star#2",
        "planet#3",
        "harbour#1",
    ]
    by_worth = ids(package, ClaimQuery(sort=ClaimSort.worthiness))
    assert by_worth[:3] == ["planet#1", "metro#1", "star#1"] and by_worth[-1] == "planet#3"


def shown_ids(app: FactcheckApp) -> list[str | None]:
    return [row.key.value for row in app.screen.query_one("#claims", DataTable).ordered_rows]


async def test_the_list_filters_searches_and_sorts_from_the_keyboard(workspace: Workspace) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        assert len(shown_ids(app)) == 7

        await pilot.press("slash", *"sic")
        assert app.screen.query_one("#search", Input).has_focus
        assert shown_ids(app) == ["planet#2"]
        assert "About 300 homes were damaged [sic]." in screen_text(app)

        await pilot.press("enter", "escape")  # back to the table; escape clears everything
        assert len(shown_ids(app)) == 7

        await pilot.press("a", *"metro", "enter")  # the article picker: Metro Wire
        assert shown_ids(app) == ["metro#1"]
        assert "article: Metro Wire" in screen_text(app)

        await pilot.press("escape", "s")  # sort by severity
        assert shown_ids(app)[:2] == ["metro#1", "star#1"]
        assert "sort: severity" in screen_text(app)

        await pilot.press("f", "f", "f")  # unchecked, conflicts, unverified
        assert shown_ids(app) == ["planet#1"]
        await pilot.press("f")  # single-source
        assert shown_ids(app) == ["planet#2"]
        await pilot.press("f")  # reopened: none, no text changed under a verdict here
        assert shown_ids(app) == []
        await pilot.press("f")  # back to all
        assert len(shown_ids(app)) == 7


async def test_a_verdict_set_in_the_detail_shows_in_the_list(workspace: Workspace) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c", "down", "enter", "v", "3", "escape")
        table = app.screen.query_one("#claims", DataTable)
        assert table.get_cell("planet#2", "verdict").plain.strip() == "misleading"
        assert table.cursor_row == 1


async def test_command_palette_offers_the_filters(workspace: Workspace) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c", "ctrl+p", *"Filter: conflicts", "enter")
        await pilot.pause()
        assert shown_ids(app) == ["metro#1", "star#1"]
