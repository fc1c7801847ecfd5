"""Each ``factcheck serve`` session has its own editor identity, and two sessions editing
one claim through the real HTTP and websocket endpoints on 127.0.0.1 never overwrite each
other: the stale write is refused, on a real SQLite file."""

from __future__ import annotations

import ast
import asyncio
import io
import json
import re
import shlex
import sqlite3
import sys
import time
from collections.abc import AsyncIterator
from contextlib import closing
from pathlib import Path

import aiohttp
import pytest
from serve_support import running, served_urls
from test_reliability_serve import _serve
from tui_package import story_workspace

from assistant.store import Workspace
from assistant.tui.app import make_app
from assistant.tui.dialogs import NameDialog
from assistant.tui.identity import SESSION_EDITOR_ENV, SESSION_ENV, BrowserSession
from assistant.tui.serve import GuardedServer

pytestmark = pytest.mark.reliability

CLAIM = "star#1"
CONFLICT_CLAIM = ("c", "f", "f", "\x1b[B", "\r")  # claims, conflicts, down to star#1, open

# -------------------------------------------------------------- identity over HTTP


def _stand_in(record: Path) -> str:
    """A command the websocket starts instead of the TUI: it writes down the identity it
    was given, then waits for textual-serve's first packet, as an app does."""
    code = (
        "import os, sys; "
        f"open({str(record)!r}, 'a').write(repr((os.environ.get({SESSION_ENV!r}), "
        f"os.environ.get({SESSION_EDITOR_ENV!r}))) + '\\n'); "
        "sys.stdin.buffer.read(1)"
    )
    return shlex.join([sys.executable, "-c", code])


@pytest.fixture
async def recording(tmp_path: Path) -> AsyncIterator[tuple[GuardedServer, Path]]:
    record = tmp_path / "sessions.txt"
    server = GuardedServer(_stand_in(record), host="127.0.0.1", port=0, out=io.StringIO())
    async with running(server):
        yield server, record


async def _open_session(session: aiohttp.ClientSession, base: str, token: str) -> None:
    url = f"{base.replace('http', 'ws')}/ws/{token}?width=80&height=24"
    async with session.ws_connect(url, headers={"Origin": base}) as ws:
        await ws.close()


async def test_each_browser_session_is_numbered_and_carries_the_name_its_browser_gave(
    recording: tuple[GuardedServer, Path],
) -> None:
    server, record = recording
    base, token = f"http://127.0.0.1:{server.bound_port}", server.token
    jar = aiohttp.CookieJar(unsafe=True)  # aiohttp keeps no cookie for an IP otherwise
    async with aiohttp.ClientSession(cookie_jar=jar) as ana:
        # Once in the URL; the cookie remembers it for every later tab of this browser.
        url = f"{base}/?token={token}&editor=Ana%20Ruiz%1b%5D0%3BHACKED%07"
        async with ana.get(url) as resp:
            assert resp.status == 200
            cookie = resp.cookies["factcheck_editor"]
            assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["max-age"]
        await _open_session(ana, base, token)
        async with ana.get(f"{base}/?token={token}") as resp:  # a reload, no ?editor
            assert resp.status == 200
        await _open_session(ana, base, token)
    async with aiohttp.ClientSession() as other_browser:
        await _open_session(other_browser, base, token)

    for _ in range(200):  # each stand-in writes as it starts
        if record.exists() and len(record.read_text().splitlines()) == 3:
            break
        await asyncio.sleep(0.05)
    seen = [ast.literal_eval(line) for line in record.read_text().splitlines()]
    assert sorted(seen) == [
        ("browser session 1, 127.0.0.1", "Ana Ruiz"),  # the escape sequence removed whole
        ("browser session 2, 127.0.0.1", "Ana Ruiz"),
        ("browser session 3, 127.0.0.1", None),
    ]


def test_the_session_seen_by_the_app_comes_from_the_environment_only_under_serve() -> None:
    assert BrowserSession.from_environment({}, "Desk") is None
    env = {SESSION_ENV: "browser session 2, 127.0.0.1"}
    assert BrowserSession.from_environment(env, "Desk") == BrowserSession(
        "browser session 2, 127.0.0.1", "Desk"
    )
    env[SESSION_EDITOR_ENV] = "Ana\x1b[2J"
    assert BrowserSession.from_environment(env, "Desk") == BrowserSession(
        "browser session 2, 127.0.0.1", "Ana"
    )


# -------------------------------------------------------------- the app asks (pilot)


@pytest.mark.parametrize(
    ("keys", "recorded"),
    [(("enter",), "Desk Default"), (("escape",), "browser session 2, 127.0.0.1")],
    ids=["name", "no-name"],
)
async def test_a_browser_session_opens_by_asking_who_is_deciding(
    tmp_path: Path, keys: tuple[str, ...], recorded: str
) -> None:
    path = story_workspace(tmp_path / "floods.sqlite")
    browser = BrowserSession("browser session 2, 127.0.0.1", "Desk Default")
    with Workspace.open(path, actor=browser.label, session=browser.label) as workspace:
        app = make_app(workspace, run_pipeline=False, browser=browser)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, NameDialog)
            await pilot.press(*keys)
            await pilot.press(*("c", "f", "f", "down", "enter", "v", "1"))
            await pilot.pause()
            assert app.sub_title == f"floods.sqlite · {recorded}"
        decision = workspace.decision(CLAIM)
        assert decision.verdict is not None and decision.updated_by == recorded
        assert [(e.actor, e.session) for e in workspace.audit(CLAIM)] == [
            (recorded, "browser session 2, 127.0.0.1")
        ]


# -------------------------------------------------------------- two real sessions


ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][0-9A-Za-z]|.)")


class Tab:
    """One browser tab: a websocket to ``factcheck serve``, speaking textual-serve's
    protocol (["stdin", keys] in, the terminal's output bytes back)."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.output: list[str] = []
        self.packets: list[list[object]] = []  # textual-serve's own: ["deliver_file_start", key]
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.ws:
            if message.type is aiohttp.WSMsgType.BINARY:
                self.output.append(message.data.decode("utf-8", "replace"))
            elif message.type is aiohttp.WSMsgType.TEXT:
                self.packets.append(json.loads(message.data))

    def screen_text(self, since: int = 0) -> str:
        """What the app drew since output ``since``, as words: escape sequences, box
        drawing and runs of blanks removed (a dialog wraps its text over lines)."""
        text = ESCAPES.sub(" ", "".join(self.output[since:]))
        text = re.sub(r"[\u2500-\u259f]", " ", text)
        return " ".join(text.split())

    async def wait_for(self, words: str, since: int = 0, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if words in (text := self.screen_text(since)):
                return text
            await asyncio.sleep(0.05)
        raise AssertionError(f"{words!r} never shown; last: {self.screen_text(since)[-1500:]}")

    async def press(self, *keys: str) -> None:
        for key in keys:
            await self.ws.send_str(json.dumps(["stdin", key]))
            await asyncio.sleep(0.15)  # one key at a time, as typed

    async def type(self, text: str) -> None:
        await self.ws.send_str(json.dumps(["stdin", text]))


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as db:
        return db.execute(sql).fetchall()


async def _wait_for_rows(path: Path, sql: str, count: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(_rows(path, sql)) >= count:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"no {count} rows of {sql}")


async def test_two_served_sessions_on_one_claim_the_stale_write_is_refused(
    tmp_path: Path,
) -> None:
    path = story_workspace(tmp_path / "floods.sqlite")
    proc = _serve(tmp_path, "--workspace", str(path), "--port", "0")
    try:
        base, token, ws_url = await served_urls(proc)
        jar = aiohttp.CookieJar(unsafe=True)
        async with (
            aiohttp.ClientSession(cookie_jar=jar) as ana_browser,
            aiohttp.ClientSession() as ben_browser,
        ):
            async with ana_browser.get(f"{base}/?token={token}&editor=Ana%20Ruiz") as resp:
                assert resp.status == 200
            async with (
                ana_browser.ws_connect(ws_url, headers={"Origin": base}) as ana_ws,
                ben_browser.ws_connect(ws_url, headers={"Origin": base}) as ben_ws,
            ):
                ana, ben = Tab(ana_ws), Tab(ben_ws)
                # Each session opens by asking who is deciding; Ana's browser remembers her.
                await ana.wait_for("Who is deciding in this browser session?")
                await ben.wait_for("Who is deciding in this browser session?")
                await ana.press("\r")
                await ben.type("Ben Okafor")
                await ben.press("\r")
                await ana.wait_for("floods.sqlite · Ana Ruiz")
                await ben.wait_for("floods.sqlite · Ben Okafor")

                # Both open the same claim; neither has a verdict on it yet.
                for tab in (ana, ben):
                    mark = len(tab.output)
                    await tab.press(*CONFLICT_CLAIM)
                    await tab.wait_for("Verdict", since=mark)

                await ana.press("v")
                await ana.wait_for("inaccurate")
                await ana.press("2")  # inaccurate
                await _wait_for_rows(path, "SELECT * FROM decisions", 1)

                mark = len(ben.output)
                await ben.press("v")  # Ben decides on the claim as his tab still shows it
                await ben.wait_for("accurate", since=mark)
                await ben.press("1")  # accurate
                shown = await ben.wait_for("your change was not saved", since=mark)
                # The dialog's lines sit between the screen's, so the message is matched
                # line by line: its last line (the current verdict) follows the others.
                assert "The save failed" in shown
                said = re.search(
                    rf"claim {CLAIM} was changed by Ana Ruiz in another session since you "
                    r"opened it; your change was not saved\. Its verdict is now: (.{0,60}?)"
                    r"\binaccurate\.",
                    shown,
                )
                assert said, shown
                await ben.press("\x1b")
                for tab in (ana, ben):
                    await tab.ws.close()
                    tab.reader.cancel()
    finally:
        proc.terminate()
        proc.communicate(timeout=30)

    assert _rows(path, "SELECT claim_id, verdict, updated_by, version FROM decisions") == [
        (CLAIM, "inaccurate", "Ana Ruiz", 1)
    ]
    assert _rows(
        path, "SELECT actor, session, action, old, new FROM audit WHERE claim_id IS NOT NULL"
    ) == [("Ana Ruiz", "browser session 1, 127.0.0.1", "verdict", None, "inaccurate")]
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
