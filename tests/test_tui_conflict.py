"""The conflict view: every outlet's report of a conflicting figure side by side, with its
sentence, sources and date; selecting one opens that claim. And the cluster chart: a dot
per report in its outlet's colour, no line through conflicting same-day figures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_package import story_workspace
from tui_screen import screen_text

from assistant.store import Workspace
from assistant.tui.app import make_app
from assistant.tui.screens.claims import ClaimsScreen
from assistant.tui.screens.conflict import ConflictScreen, ReportCard
from assistant.tui.screens.detail import ClaimDetailScreen
from assistant.tui.widgets.chart import CURRENT, IN_CONFLICT, REPORT, day_positions, placed

TO_STAR = ["c", "f", "f", "down", "enter"]  # the conflicts filter, then Evening Star's claim


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(story_workspace(tmp_path / "floods.sqlite"), actor="t") as ws:
        yield ws


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_reports_sit_side_by_side_and_one_opens_its_claim(
    workspace: Workspace, size: tuple[int, int]
) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*TO_STAR, "k")
        assert isinstance(app.screen, ConflictScreen)
        cards = list(app.screen.query(ReportCard))
        assert [c.claim_id for c in cards] == ["planet#1", "metro#1", "star#1"]
        assert len({c.region.y for c in cards}) == 1  # one row: side by side
        assert all(c.region.right <= size[0] for c in cards)  # all in view
        assert [c.has_class("-conflict") for c in cards] == [False, True, True]
        assert cards[2].has_focus  # the claim the view was opened from
        shown = screen_text(app)
        assert "CONFLICT  4,000 (Evening Star) is incompatible with 2,417" in shown
        for words in (
            "Daily Planet",
            "Metro Wire",
            "Evening Star",
            "2026-03-03",
            "2026-03-04",
            "Source: officials",
            "Source: the interior",
            "[Reuters].”",  # the outlet's sentence, literally
        ):
            assert words in shown, words

        await pilot.press("left", "enter")  # Metro Wire's report
        assert isinstance(app.screen, ClaimDetailScreen)
        assert app.screen.claim_id == "metro#1"
        await pilot.press("escape")
        assert isinstance(app.screen, ConflictScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ClaimDetailScreen)
        assert app.screen.claim_id == "star#1"


async def test_a_click_on_a_report_opens_its_claim(workspace: Workspace) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press(*TO_STAR, "k")
        await pilot.pause()
        await pilot.click(ReportCard, offset=(5, 2))  # the first: Daily Planet's
        assert isinstance(app.screen, ClaimDetailScreen)
        assert app.screen.claim_id == "planet#1"


async def test_k_opens_the_view_from_the_claims_list_only_on_a_conflict(
    workspace: Workspace,
) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("c", "k")  # planet#1: no CONFLICT
        assert isinstance(app.screen, ClaimsScreen)
        await pilot.press("down", "down", "down", "k")  # metro#1
        assert isinstance(app.screen, ConflictScreen)
        assert app.screen.claim_id == "metro#1"
        await pilot.press("c")  # keys that always do the same thing
        assert isinstance(app.screen, ClaimsScreen) and len(app.screen_stack) == 1


async def test_k_on_a_claim_in_no_conflict_says_so_and_stays(workspace: Workspace) -> None:
    # "k" stays in the footer on every claim, as in the claims list (hiding it per claim
    # made the footer recompose on each move).
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("c", "enter", "k")  # planet#1
        assert isinstance(app.screen, ClaimDetailScreen)
        assert [n.message for n in app._notifications] == ["This claim is in no CONFLICT"]
        await pilot.press("n", "n", "n", "k")  # metro#1: in one
        assert isinstance(app.screen, ConflictScreen)


async def test_the_chart_draws_a_dot_per_report_and_no_line(workspace: Workspace) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press(*TO_STAR)
        shown = screen_text(app)
        assert f"{REPORT} Daily Planet   {REPORT} Metro Wire   {REPORT} Evening Star" in shown
        chart = "\n".join(line[:76] for line in shown.splitlines())
        assert not any(0x2800 <= ord(ch) <= 0x28FF for ch in chart)  # no braille line
        assert chart.count(REPORT) >= 4  # Daily Planet's dot and the legend's three
        assert IN_CONFLICT in chart and CURRENT in chart  # Metro Wire's, and this claim


def test_same_day_reports_stand_apart_on_their_day(workspace: Workspace) -> None:
    from assistant.tui.package import Package

    package = Package.load(workspace)
    entries = package.cluster_entries(package.by_id["star#1"])
    x_of = day_positions(entries)
    x = placed(entries, x_of)
    # Daily Planet and Metro Wire both on 03-03, either side of it; Evening Star on 03-04.
    assert x["planet#1"] < x_of[entries[0].article.published] < x["metro#1"]
    assert x["star#1"] == x_of[entries[2].article.published] == 2.0


async def test_article_text_in_the_conflict_view_stays_inert(tmp_path: Path) -> None:
    from datetime import date

    from factories import article, cluster, finding, quantity, quoted
    from tui_package import write_package

    from assistant.model import Comparison, RuleId, Severity

    hostile = "[@click=app.quit]Wire[/] [b]"
    texts = {"a": "Officials said 40 [/] people died [sic].", "b": "Police said 55 people died."}
    stories = [
        article(id, text, outlet=hostile if id == "a" else "Post", published=date(2026, 3, 3))
        for id, text in texts.items()
    ]
    claims = [
        quoted(stories[0], texts["a"], 1, metric="deaths", quantity=quantity("40", "people")),
        quoted(stories[1], texts["b"], 1, metric="deaths", quantity=quantity("55", "people")),
    ]
    comparison = Comparison(
        clusters=[cluster("a#1", "b#1", metric="deaths", period="2026-03-02")],
        findings=[
            finding(
                RuleId.CONFLICT,
                "a#1",
                "b#1",
                severity=Severity.high,
                cluster_id="c1",
                evidence="40 [/] vs 55",
            )
        ],
    )
    with Workspace.open(tmp_path / "w.sqlite", actor="t") as workspace:
        write_package(workspace, stories, claims, comparison)
        app = make_app(workspace, run_pipeline=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("c", "k")
            assert isinstance(app.screen, ConflictScreen)
            shown = screen_text(app)
            assert "[@click=app.quit]Wire[/] [b]" in shown
            assert "“Officials said 40 [/] people died [sic].”" in shown
            assert "40 [/] vs 55" in shown
            await pilot.click(ReportCard, offset=(3, 1))  # on the would-be link: opens the claim
            assert app.is_running
            assert isinstance(app.screen, ClaimDetailScreen)
