"""Keys answer at once on a large workspace (issue 11): what makes them, pinned as the editor
sees it.

The claims list is built while the workspace opens, not on the first ``c``, and still
shows what the workspace holds when ``c`` comes, however long after.
Real SQLite files and the real app driven by Textual's pilot.
"""

from __future__ import annotations

import asyncio
import gc
import threading
import time
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import factories
import pytest
from textual.css.stylesheet import Stylesheet
from textual.widgets import DataTable, Footer
from tui_loading import gate_loads
from tui_package import story_workspace, write_package
from tui_screen import screen_text, settle

from assistant.model import Verdict
from assistant.store import Workspace
from assistant.tui import app as app_module
from assistant.tui.app import FactcheckApp, make_app
from assistant.tui.giveway import LONGEST_WAIT_S, SLICE_S, GiveWay
from assistant.tui.messages import RunFinished
from assistant.tui.package import Package
from assistant.tui.screens.claims import ClaimsScreen
from assistant.tui.screens.overview import OverviewScreen

SIZE = (120, 36)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(story_workspace(tmp_path / "floods.sqlite"), actor="tester") as ws:
        yield ws


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[ClaimsScreen]:
    """Every claims list mounted, in order."""
    mounted: list[ClaimsScreen] = []
    on_mount = ClaimsScreen.on_mount

    def record(screen: ClaimsScreen) -> None:
        mounted.append(screen)
        on_mount(screen)

    monkeypatch.setattr(ClaimsScreen, "on_mount", record)
    return mounted


@pytest.fixture
def gated(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    yield from gate_loads(monkeypatch)


def claim_rows(app: FactcheckApp) -> list[str]:
    return [str(key.value) for key in app.screen.query_one("#claims", DataTable).rows]


def row_of(app: FactcheckApp, claim_id: str) -> str:
    """The claims list's line for ``claim_id`` as the terminal shows it."""
    table = app.screen.query_one("#claims", DataTable)
    statement = str(table.get_row(claim_id)[-1])[:30]
    return next(line for line in screen_text(app).splitlines() if statement in line)


async def test_c_shows_the_claims_list_built_before_any_key_with_claims_loaded_since(
    workspace: Workspace, gated: threading.Event, built: list[ClaimsScreen]
) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        # Opened on the overview, the claims list already built behind it, while the
        # claims themselves were still loading.
        assert isinstance(app.screen, OverviewScreen)
        assert len(built) == 1 and not app.session.package.complete
        assert "Evening Star" in screen_text(app)

        gated.set()  # the claims arrive while the overview is on screen
        await settle(pilot, lambda: not app.session.loading)
        await pilot.press("c")
        assert app.screen is built[0]
        assert len(claim_rows(app)) == 7
        assert "7 of 7 claims" in screen_text(app)
    assert len(built) == 1  # never built twice


async def test_c_shows_decisions_made_since_the_claims_list_was_built(
    workspace: Workspace, built: list[ClaimsScreen]
) -> None:
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        assert len(built) == 1
        # Written by another session, read again as a run ending does.
        with Workspace.open(workspace.path, actor="colleague") as other:
            other.set_verdict("star#1", Verdict.inaccurate)
        app._reload()
        await pilot.press("c")
        assert app.screen is built[0]
        assert "inaccurate" in row_of(app, "star#1")
        assert "unchecked" in row_of(app, "star#2")


async def test_moving_between_the_overview_and_the_claims_list_parses_no_css(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Parsing the whole stylesheet again took 30-90 ms of the first c (and of the
    # second), whatever the package's size.
    parsed: list[Stylesheet] = []
    parse = Stylesheet.parse

    def counted(stylesheet: Stylesheet) -> None:
        parsed.append(stylesheet)
        parse(stylesheet)

    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        monkeypatch.setattr(Stylesheet, "parse", counted)
        await pilot.press("c", "o", "c", "o", "c")
        assert isinstance(app.screen, ClaimsScreen)
        assert len(claim_rows(app)) == 7
    assert parsed == []


# ---------------------------------------------------------------- the footer


def footer_line(app: FactcheckApp) -> str:
    return screen_text(app).splitlines()[-1]


async def test_the_footer_is_rebuilt_only_when_its_keys_change(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Textual's Footer mounts all its keys again on every screen switch and focus change
    # (25-60 ms a time on two busy cores), nearly always to draw the same keys.
    rebuilt: list[Footer] = []
    recompose = Footer.recompose

    async def counted(footer: Footer) -> None:
        rebuilt.append(footer)
        await recompose(footer)

    started, release = threading.Event(), threading.Event()

    def run(*_args: object, **kw: Any) -> None:
        started.set()
        assert release.wait(30)
        kw["post"](RunFinished(cancelled=False))

    monkeypatch.setattr(app_module, "run_package", run)
    app = make_app(workspace, paths=[workspace.path], run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Cancel run" not in footer_line(app)
        monkeypatch.setattr(Footer, "recompose", counted)
        await pilot.press("c", "o", "c", "down", "o")
        assert rebuilt == []
        assert "c Claims" in footer_line(app)

        app.start_run()  # "x Cancel run" appears: the footer shows it
        await settle(pilot, started.is_set)
        await pilot.pause()
        assert "x Cancel run" in footer_line(app)
        assert len(rebuilt) == 1
        release.set()  # and it goes when the run is over
        await settle(pilot, lambda: not app.progress.running)
        await pilot.pause()
        assert "Cancel run" not in footer_line(app)


# ---------------------------------------------------------------- the cyclic collector


def collector_walks(obj: object) -> bool:
    """Whether the cyclic collector's full passes look at ``obj`` (frozen objects: not)."""
    return any(o is obj for o in gc.get_objects())


async def test_what_the_app_opens_on_is_out_of_the_collectors_way_until_it_ends(
    workspace: Workspace,
) -> None:
    # A full pass over everything the app opened on took 100-600 ms of an early key.
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        entry = app.session.package.entries[0]
        assert not collector_walks(entry)
        assert not collector_walks(app.screen)
    assert collector_walks(entry)  # given back: another app may run in this process


# ---------------------------------------------------------------- background work gives way


@pytest.fixture
def screen_loop() -> Iterator[asyncio.AbstractEventLoop]:
    """An event loop running in a thread of its own, as the app's runs in the main one."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield loop
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)
    loop.close()


def busy(loop: asyncio.AbstractEventLoop, seconds: float) -> tuple[threading.Event, list[float]]:
    """Keep ``loop`` busy for ``seconds`` (as a key being drawn does): (started, [ended at])."""
    started, ended = threading.Event(), []

    def work() -> None:
        started.set()
        time.sleep(seconds)
        ended.append(time.monotonic())

    loop.call_soon_threadsafe(work)
    assert started.wait(5)
    return started, ended


def test_background_work_waits_while_the_screen_is_busy(
    screen_loop: asyncio.AbstractEventLoop,
) -> None:
    pause = GiveWay(screen_loop)
    time.sleep(SLICE_S)  # the first slice is over
    _, ended = busy(screen_loop, 0.1)
    pause()
    assert ended and time.monotonic() >= ended[0]  # went on only once the loop was free


def test_background_work_goes_on_at_once_while_the_screen_is_idle(
    screen_loop: asyncio.AbstractEventLoop,
) -> None:
    pause = GiveWay(screen_loop)
    started = time.monotonic()
    for _ in range(20):
        time.sleep(SLICE_S)
        pause()
    assert time.monotonic() - started < 20 * SLICE_S + 10 * LONGEST_WAIT_S


def test_background_work_ends_however_busy_the_screen_or_once_it_is_gone(
    screen_loop: asyncio.AbstractEventLoop,
) -> None:
    pause = GiveWay(screen_loop)
    time.sleep(SLICE_S)
    busy(screen_loop, 2.0)
    started = time.monotonic()
    pause()
    assert time.monotonic() - started < 1.5  # LONGEST_WAIT_S, give or take a busy machine

    stopped = asyncio.new_event_loop()  # a loop that does not run: the app is over
    try:
        gone = GiveWay(stopped)
        time.sleep(SLICE_S)
        started = time.monotonic()
        gone()
        assert time.monotonic() - started < 0.1
    finally:
        stopped.close()


def test_a_load_and_the_release_of_a_package_pause_between_small_steps(
    workspace: Workspace,
) -> None:
    paused: list[int] = []
    package = Package.load(workspace, pause=lambda: paused.append(1))
    assert len(package.entries) == 7
    assert len(paused) >= 4  # between its reads, and every few hundred claims
    paused.clear()
    package.release(lambda: paused.append(1))
    assert package.entries == [] and package.by_id == {} and package.comparison.findings == []
    assert paused  # a slice at a time


def test_a_reader_pauses_while_a_long_read_runs(tmp_path: Path) -> None:
    quotes = [f"{100 + n} people left ward {n}" for n in range(400)]
    article = factories.article("n", ". ".join(quotes) + ".")
    claims = [factories.quoted(article, quote, n + 1) for n, quote in enumerate(quotes)]
    paused: list[int] = []
    with Workspace.open(tmp_path / "w.sqlite") as workspace:
        write_package(workspace, [article], claims)
        with workspace.reader(lambda: paused.append(1)) as reader:
            assert len(reader.claim_briefs()) == 400
    assert len(paused) >= 3  # every hundred rows or so


async def test_the_apps_background_load_and_drop_give_way_to_its_screen(
    workspace: Workspace, gated: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[RecordedGiveWay] = []

    class RecordedGiveWay(GiveWay):
        def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
            super().__init__(loop)
            self.calls = 0
            made.append(self)

        def __call__(self) -> None:
            self.calls += 1
            super().__call__()

    monkeypatch.setattr(app_module, "GiveWay", RecordedGiveWay)
    gated.set()
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: not app.session.loading)
        assert made and made[0].calls > 0  # the load, to the app's own loop
        assert made[0]._loop is asyncio.get_running_loop()
        replaced = app.session.package
        app._reload()  # as a run ending does
        await settle(pilot, lambda: not app.session.loading and replaced.entries == [])
        # Load, drop of the outline, load, drop of the package it replaced.
        load, drop = made[2], made[3]
        assert len(made) == 4 and load.calls > 0 and drop.calls > 0


async def test_a_package_replaced_is_freed_in_the_background_not_by_the_next_key(
    workspace: Workspace, gated: threading.Event
) -> None:
    # Whatever held the replaced package last freed it all at once: the claims list's
    # paging did, on the next 'c' after a run (70-100 ms at 45,000 claims).
    gated.set()
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: not app.session.loading)
        await pilot.press("c", "o")  # the claims list has drawn its rows, and pages
        replaced = app.session.package
        entry = weakref.ref(replaced.entries[0])
        app._reload()  # as a run ending does
        await settle(pilot, lambda: not app.session.loading and replaced.entries == [])
        assert entry() is None  # freed already, by the thread releasing the package
        await pilot.press("c")
        assert len(claim_rows(app)) == 7


async def test_the_overview_counts_a_verdict_given_since_it_last_counted(
    workspace: Workspace,
) -> None:
    # The overview's counts are counted once per package (in the loading thread for a
    # large one), and again only when a decision changes.
    app = make_app(workspace, run_pipeline=False)
    async with app.run_test(size=SIZE) as pilot:
        assert "7 claims · 0 with a verdict" in screen_text(app)
        await pilot.press("c", "enter", "v", "1", "o")
        assert "7 claims · 1 with a verdict" in screen_text(app)
