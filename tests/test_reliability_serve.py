"""``factcheck serve`` through its real HTTP and websocket endpoints on 127.0.0.1: no
one without the run's token, no foreign page, no third-party request."""

from __future__ import annotations

import io
import re
import shlex
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from serve_support import running

from assistant.cli import EXIT_USAGE
from assistant.tui.serve import GuardedServer, is_loopback

pytestmark = pytest.mark.reliability

# The websocket starts this instead of the TUI: the tests are about who gets in. It ends
# on textual-serve's first packet (the "quit" sent when the socket closes), as an app does.
IDLE = shlex.join([sys.executable, "-c", "import sys; sys.stdin.buffer.read(1)"])


class Running:
    def __init__(self, server: GuardedServer, printed: str) -> None:
        self.server = server
        self.printed = printed
        self.base = f"http://127.0.0.1:{server.bound_port}"
        self.token = server.token


@pytest.fixture
async def served() -> AsyncIterator[Running]:
    out = io.StringIO()
    async with running(GuardedServer(IDLE, host="127.0.0.1", port=0, out=out)) as server:
        yield Running(server, out.getvalue())


async def _status(url: str, **headers: str) -> int:
    async with aiohttp.ClientSession() as session, session.get(url, headers=headers) as resp:
        return resp.status


async def _ws_status(url: str, **headers: str) -> int:
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, headers=headers) as ws:
                await ws.close()
                return 101
        except aiohttp.WSServerHandshakeError as exc:
            return exc.status


async def test_the_url_with_its_token_is_printed_once(served: Running) -> None:
    url = f"{served.base}/?token={served.token}"
    assert served.printed.count(url) == 1
    assert len(served.token) >= 32
    assert await _status(url) == 200


async def test_the_page_without_or_with_a_wrong_token_is_refused(served: Running) -> None:
    assert await _status(f"{served.base}/") == 403
    assert await _status(f"{served.base}/?token=wrong") == 403
    assert await _status(f"{served.base}/?token={served.token[:-1]}") == 403


async def test_the_websocket_without_or_with_a_wrong_token_is_refused(served: Running) -> None:
    ws = served.base.replace("http", "ws")
    assert await _ws_status(f"{ws}/ws") == 403
    assert await _ws_status(f"{ws}/ws/wrong?width=80&height=24") == 403
    assert await _ws_status(f"{ws}/ws/{served.token}?width=80&height=24") == 101


async def test_a_foreign_origin_is_refused(served: Running) -> None:
    ws = served.base.replace("http", "ws")
    good = f"{ws}/ws/{served.token}?width=80&height=24"
    assert await _ws_status(good, Origin="http://evil.example") == 403
    assert await _ws_status(good, Origin="null") == 403
    assert await _ws_status(good, Origin=served.base) == 101
    page = f"{served.base}/?token={served.token}"
    assert await _status(page, Origin="http://evil.example") == 403


async def test_a_rebound_host_name_is_refused_on_loopback(served: Running) -> None:
    page = f"{served.base}/?token={served.token}"
    assert await _status(page, Host=f"evil.example:{served.server.bound_port}") == 403
    assert await _status(page, Host=f"localhost:{served.server.bound_port}") == 200


async def test_downloads_need_the_token_cookie_the_page_sets(served: Running) -> None:
    # unsafe=True: aiohttp keeps no cookie for an IP address otherwise; browsers do.
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        async with session.get(f"{served.base}/download/some-key") as resp:
            assert resp.status == 403
        async with session.get(f"{served.base}/?token={served.token}") as resp:
            cookie = resp.cookies["factcheck_token"]
            assert cookie.value == served.token
            assert cookie["httponly"] and cookie["samesite"] == "Strict"
        async with session.get(f"{served.base}/download/some-key") as resp:
            assert resp.status == 404  # past the guard: no such download


async def test_the_page_asks_no_third_party_and_names_no_bind_address(served: Running) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get(
            f"{served.base}/?token={served.token}", headers={"Host": "factcheck.lan:8000"}
        ) as resp:
            assert resp.status == 403  # loopback: other names are refused
        async with session.get(f"{served.base}/?token={served.token}") as resp:
            html = await resp.text()
        async with session.get(f"{served.base}/static/js/textual.js") as resp:
            script = await resp.text()
        refs = re.findall(r"""(?:href|src)\s*=\s*["']([^"']+)|url\(\s*["']?([^"')]+)""", html)
        urls = [a or b for a, b in refs]
        assert urls and all(u.startswith("/static/") for u in urls), urls
        for url in urls:  # each is served here, and a stylesheet pulls in nothing else
            async with session.get(f"{served.base}{url}") as resp:
                assert resp.status == 200, url
                if url.endswith(".css"):
                    css = re.sub(r"/\*.*?\*/", "", await resp.text(), flags=re.S)
                    assert "@import" not in css, url
                    assert not re.search(r"url\(\s*[\"']?(?!data:)[a-z]+:", css), url
    assert "googleapis" not in html and "0.0.0.0" not in html
    # The only absolute URLs: the SVG namespace and the websocket back to this server.
    absolute = set(re.findall(r"\b(?:https?|wss?)://[^\s\"'<>)]+", html))
    assert absolute == {
        "http://www.w3.org/2000/svg",
        f"ws://127.0.0.1:{served.server.bound_port}/ws/{served.token}",
    }
    assert "fonts.googleapis" not in script and "fonts.gstatic" not in script


async def test_a_non_loopback_bind_needs_the_token_and_answers_the_name_used() -> None:
    out = io.StringIO()
    server = GuardedServer(IDLE, host="0.0.0.0", port=0, out=out)
    async with running(server):
        base = f"http://127.0.0.1:{server.bound_port}"
        assert await _status(f"{base}/") == 403
        async with (
            aiohttp.ClientSession() as session,
            session.get(
                f"{base}/?token={server.token}", headers={"Host": "newsroom-box:8000"}
            ) as resp,
        ):
            assert resp.status == 200
            html = await resp.text()
        assert f"ws://newsroom-box:8000/ws/{server.token}" in html
        assert "0.0.0.0" not in html


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("::1", True), ("[::1]", True), ("localhost", True),
     ("127.0.0.2", True), ("0.0.0.0", False), ("::", False), ("192.168.1.5", False),
     ("evil.example", False)],
)  # fmt: skip
def test_loopback_names(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def _serve(tmp_path: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--llm", "mock", *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_port_in_use_is_one_clear_line_and_exit_2(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = _serve(tmp_path, "--port", str(port))
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == EXIT_USAGE
    assert err.strip() == (
        f"factcheck: error: cannot serve on 127.0.0.1:{port}: "
        f"port {port} is already in use; choose another with --port"
    )
    assert "Traceback" not in err and out == ""


def test_a_non_loopback_host_prints_a_warning_and_the_url_once(tmp_path: Path) -> None:
    proc = _serve(tmp_path, "--host", "0.0.0.0", "--port", "0")
    try:
        assert proc.stdout is not None and proc.stderr is not None
        line = proc.stdout.readline()
        url = r"http://127\.0\.0\.1:\d+/\?token=\S{32,}"
        assert re.fullmatch(rf"factcheck serve: open {url}\n", line)
        warning = proc.stderr.readline()
        assert "warning: listening on 0.0.0.0" in warning
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    assert "token=" not in out  # printed once
    assert proc.returncode == 0


async def test_export_in_a_browser_is_a_download_not_a_file_on_the_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_tui_editor import export
    from tui_package import story_workspace

    from assistant.store import Workspace
    from assistant.tui.app import FactcheckApp, make_app

    monkeypatch.chdir(tmp_path)
    delivered: list[tuple[str | None, str]] = []

    def deliver_text(
        self: FactcheckApp, file: io.StringIO, *, save_filename: str | None = None
    ) -> str:
        delivered.append((save_filename, file.read()))
        return "delivery-key"

    # What textual-serve's web driver reports; the delivery itself is textual-serve's.
    monkeypatch.setattr(FactcheckApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(FactcheckApp, "deliver_text", deliver_text)
    with Workspace.open(story_workspace(tmp_path / "floods.sqlite")) as workspace:
        app = make_app(workspace, run_pipeline=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await export(pilot, app, Path("out/floods.md"))
            await pilot.pause()

    assert not (tmp_path / "out").exists()
    ((name, text),) = delivered
    assert name == "floods.md" and text.startswith("#")
