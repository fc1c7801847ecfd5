"""``factcheck serve``: an export from the browser is a download the browser receives,
through the real server on 127.0.0.1 (token, Origin, textual-serve's websocket protocol
and its ``/download/<key>`` route), and nothing is written on the server."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import aiohttp
import pytest
from serve_support import served_urls
from test_reliability_serve import _serve
from test_reliability_serve_sessions import Tab
from tui_package import story_workspace

from assistant.tui.export import render_report

pytestmark = pytest.mark.reliability

TAB, CLEAR_LINE, ENTER = "\t", "\x15", "\r"  # the keys a browser's terminal sends


async def _delivery_key(tab: Tab, timeout: float = 30) -> str:
    """The key of the download the app offered this tab (the page opens /download/<key>)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for packet in tab.packets:
            if packet[0] == "deliver_file_start":
                return str(packet[1])
        await asyncio.sleep(0.05)
    raise AssertionError(f"no download offered; packets: {tab.packets}")


async def test_an_export_in_the_browser_is_downloaded_by_the_browser(tmp_path: Path) -> None:
    path = story_workspace(tmp_path / "floods.sqlite")
    server_cwd = tmp_path / "server"
    server_cwd.mkdir()
    proc = _serve(server_cwd, "--workspace", str(path), "--port", "0")
    try:
        base, token, ws_url = await served_urls(proc)
        # unsafe=True: aiohttp keeps no cookie for an IP address otherwise; browsers do.
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as browser:
            async with browser.get(f"{base}/?token={token}&editor=Ana%20Ruiz") as resp:
                assert resp.status == 200
            async with browser.ws_connect(ws_url, headers={"Origin": base}) as ws:
                tab = Tab(ws)
                await tab.wait_for("Who is deciding in this browser session?")
                await tab.press(ENTER)
                await tab.wait_for("floods.sqlite · Ana Ruiz")

                mark = len(tab.output)
                await tab.press("e")
                await tab.wait_for("Export the report", since=mark)
                await tab.press(TAB, CLEAR_LINE)
                await tab.type("desk copy.md")
                await tab.press(ENTER)
                key = await _delivery_key(tab)
                await tab.wait_for("Report downloaded: desk copy.md", since=mark)

                # What the page does with the key: open /download/<key>, with the cookie
                # it was given, while the session is open (the app sends the file).
                async with browser.get(f"{base}/download/{key}") as resp:
                    assert resp.status == 200
                    disposition = resp.headers["Content-Disposition"]
                    body = await resp.text()
                async with (
                    aiohttp.ClientSession() as other,
                    other.get(f"{base}/download/{key}") as resp,
                ):
                    assert resp.status == 403  # no token cookie: not this browser's file
                await ws.close()
                tab.reader.cancel()
    finally:
        proc.terminate()
        proc.communicate(timeout=30)

    assert disposition == "attachment; filename=desk copy.md"
    assert body == render_report(path, "md")  # the whole report, as an export writes it
    # Nothing on the server: not in its working directory, not beside the workspace.
    assert list(server_cwd.iterdir()) == []
    assert not [p for p in tmp_path.rglob("*") if "desk" in p.name]
