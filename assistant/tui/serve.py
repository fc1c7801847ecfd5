"""``factcheck serve``: the same app in a browser, through textual-serve.

textual-serve alone lets anyone who reaches the port drive the workspace: any local
process, and any web page (a websocket is not bound by the same-origin policy). This
subclass adds, as Jupyter does:

- a random token per run, in the URL printed once; the page, the websocket and the
  downloads refuse a request without it (query ``token``, the cookie the page sets, or
  the websocket path ``/ws/<token>``);
- an Origin check (a request from another origin is refused) and, on a loopback bind, a
  Host check (a DNS-rebound name such as ``evil.example`` pointing at 127.0.0.1 is refused);
- a page whose URLs are relative to the address the browser used (textual-serve writes
  the bind address, so ``0.0.0.0`` left a remote browser on the splash screen) and that
  asks no third party for anything (the fonts come from textual-serve's own folder);
- an identity per session: each websocket's app is told which browser session it is
  ("browser session 2, 127.0.0.1") and the name this browser remembers (``?editor=NAME``
  in the page's URL, kept in a cookie), and asks the editor's name (``identity.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import hmac
import ipaddress
import logging
import secrets
import signal
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote, unquote, urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from assistant.errors import FactcheckError
from assistant.text import one_line
from assistant.tui.identity import SESSION_EDITOR_ENV, SESSION_ENV, clean_name

log = logging.getLogger(__name__)

PAGE_DIR = Path(__file__).with_name("serve_page")
COOKIE = "factcheck_token"
EDITOR_COOKIE = "factcheck_editor"  # the name this browser gave with ?editor=NAME
_EDITOR_COOKIE_AGE = 365 * 24 * 3600
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


class ServeError(FactcheckError):
    """The server cannot start (the port is in use, the address cannot be bound)."""


def is_loopback(host: str) -> bool:
    """True for a name or address that only this machine can reach."""
    name = host.strip("[]").lower()
    if name in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _hostname(host_header: str) -> str:
    return (urlsplit(f"//{host_header}").hostname or "").lower()


class SessionAppService(AppService):
    """textual-serve's app process, started with this session's identity in its
    environment (the app reads it: ``BrowserSession.from_environment``)."""

    def __init__(self, command: str, *, identity: dict[str, str], **kwargs: Any) -> None:
        super().__init__(command, **kwargs)
        self.identity = identity

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment.update(self.identity)
        return environment


def remembered_name(request: web.Request) -> str:
    """The editor's name this browser gave once with ``?editor=NAME`` ("" if none)."""
    return clean_name(unquote(request.cookies.get(EDITOR_COOKIE, "")))


class GuardedServer(Server):
    """textual-serve's server behind a token and an Origin/Host check."""

    def __init__(
        self,
        command: str,
        host: str = "127.0.0.1",
        port: int = 8000,
        token: str | None = None,
        out: TextIO | None = None,
    ) -> None:
        super().__init__(command, host=host, port=port, title="factcheck", templates_path=PAGE_DIR)
        self.token = token or secrets.token_urlsafe(32)
        self.loopback = is_loopback(host)
        self.out = out or sys.stdout
        self.bound_port: int | None = None
        self.sessions = 0  # websocket sessions started in this run

    # -- checks ---------------------------------------------------------------

    def refusal(self, request: web.Request) -> str | None:
        """Why ``request`` is refused, or None when it may go on."""
        host = request.host
        # A loopback bind serves only names of this machine: a web page that rebinds
        # its own name to 127.0.0.1 sends its own name as Host.
        if self.loopback and not is_loopback(_hostname(host)):
            return "unknown Host"
        origin = request.headers.get("Origin")
        if origin is not None:
            parts = urlsplit(origin)
            if parts.scheme not in ("http", "https") or parts.netloc.lower() != host.lower():
                return "foreign Origin"
        if request.path.startswith("/static/"):
            return None  # textual-serve's own public assets (script, stylesheet, fonts)
        given = (
            request.match_info.get("token")
            or request.query.get("token")
            or request.cookies.get(COOKIE)
            or ""
        )
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            return "missing or wrong token"
        return None

    @web.middleware
    async def guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        reason = self.refusal(request)
        if reason is not None:
            path = request.path.replace(self.token, "<token>")
            log.warning("refused %s %s: %s", request.method, path, reason)
            raise web.HTTPForbidden(text=f"factcheck serve: refused: {reason}\n")
        return await handler(request)

    # -- textual-serve hooks --------------------------------------------------

    def initialize_logging(self) -> None:
        """The CLI has set up logging already (redacted, one line a record); textual-serve's
        own setup would print tracebacks with their local variables."""

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.guard])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(PAGE_DIR))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws/{token}", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        return app

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        # URLs from the Host the browser used (checked above), never the bind address.
        scheme = "wss" if request.secure else "ws"
        context = {
            "font_size": _to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"{scheme}://{request.host}/ws/{self.token}",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        # The download links textual.js opens carry no token: the cookie does.
        response.set_cookie(COOKIE, self.token, httponly=True, samesite="Strict", path="/")
        if "editor" in request.query:  # remembered by this browser, across runs
            name = clean_name(request.query["editor"])
            if name:
                response.set_cookie(
                    EDITOR_COOKIE,
                    quote(name),
                    max_age=_EDITOR_COOKIE_AGE,
                    httponly=True,
                    samesite="Strict",
                    path="/",
                )
            else:
                response.del_cookie(EDITOR_COOKIE, path="/")
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    def session_identity(self, request: web.Request) -> dict[str, str]:
        """The next session's label and remembered name, for its app's environment."""
        self.sessions += 1
        peer = request.remote or "unknown address"
        identity = {SESSION_ENV: clean_name(f"browser session {self.sessions}, {peer}")}
        name = remembered_name(request)
        if name:
            identity[SESSION_EDITOR_ENV] = name
        return identity

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's handler (1.1), with the app process told who it serves."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = _to_int(request.query.get("width", "80"), 80)
        height = _to_int(request.query.get("height", "24"), 24)
        app_service: AppService | None = None
        try:
            await websocket.prepare(request)
            app_service = SessionAppService(
                self.command,
                identity=self.session_identity(request),
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await app_service.start(width, height)
            try:
                await self._process_messages(websocket, app_service)
            finally:
                await app_service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            if app_service is not None:
                await app_service.stop()
        return websocket

    # -- running --------------------------------------------------------------

    def url(self, port: int) -> str:
        shown = f"[{self.host}]" if ":" in self.host else self.host
        if shown in ("0.0.0.0", "[::]"):
            shown = "127.0.0.1"  # the address this machine's browser can open
        return f"http://{shown}:{port}/?token={self.token}"

    async def run(self, stop: asyncio.Event | None = None) -> None:
        """Bind, print the URL once, serve until ``stop`` is set (or SIGINT/SIGTERM).

        Raises ``ServeError`` when the address cannot be bound.
        """
        # Before the URL is printed: whoever reads it may stop us at once.
        stop = stop or asyncio.Event()
        loop = asyncio.get_running_loop()
        signals = (signal.SIGINT, signal.SIGTERM)
        for signum in signals:
            with contextlib.suppress(NotImplementedError, RuntimeError):  # not the main thread
                loop.add_signal_handler(signum, stop.set)
        try:
            await self._serve_until(stop)
        finally:
            for signum in signals:
                with contextlib.suppress(NotImplementedError, RuntimeError):
                    loop.remove_signal_handler(signum)

    async def _serve_until(self, stop: asyncio.Event) -> None:
        runner = web.AppRunner(await self._make_app(), handle_signals=False, access_log=None)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port)
            try:
                await site.start()
            except OSError as exc:
                if exc.errno == errno.EADDRINUSE:
                    reason = f"port {self.port} is already in use; choose another with --port"
                else:
                    reason = one_line(exc.strerror or str(exc))
                raise ServeError(f"cannot serve on {self.host}:{self.port}: {reason}") from None
            server = site._server  # aiohttp exposes the bound port only here
            sockets = getattr(server, "sockets", None) or []
            self.bound_port = sockets[0].getsockname()[1] if sockets else self.port
            if not self.loopback:
                print(
                    f"factcheck serve: warning: listening on {self.host}, reachable from other "
                    "machines; anyone with the URL below can read and change the workspace",
                    file=sys.stderr,
                )
            print(f"factcheck serve: open {self.url(self.bound_port)}", file=self.out, flush=True)
            print("factcheck serve: press Ctrl+C to stop", file=sys.stderr, flush=True)
            await stop.wait()
        finally:
            await runner.cleanup()

    def serve(self, debug: bool = False) -> None:
        self.debug = debug
        asyncio.run(self.run())


def _to_int(value: str, default: int) -> int:
    try:
        return int(value)
    except ValueError:
        return default


def serve(command: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve ``command`` (a ``factcheck tui ...`` command line) at http://host:port/.

    Loopback by default: the workspace holds unpublished material, so exposing it on
    another interface is the caller's explicit choice, and is warned about. Blocks until
    interrupted; raises ``ServeError`` when the port cannot be bound.
    """
    GuardedServer(command, host=host, port=port).serve()
