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
  asks no third party for anything (the fonts come from textual-serve's own folder).
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
from typing import TextIO
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server

from assistant.errors import FactcheckError
from assistant.text import one_line

log = logging.getLogger(__name__)

PAGE_DIR = Path(__file__).with_name("serve_page")
COOKIE = "factcheck_token"
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
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

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
