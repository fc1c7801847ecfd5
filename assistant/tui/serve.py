"""``factcheck serve``: the same app in a browser, through textual-serve."""

from __future__ import annotations

from textual_serve.server import Server


def serve(command: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve ``command`` (a ``factcheck tui ...`` command line) at http://host:port/.

    Loopback by default: the workspace holds unpublished material, so exposing it on
    another interface is the caller's explicit choice. Blocks until interrupted;
    raises ``OSError`` when the port cannot be bound.
    """
    Server(command, host=host, port=port, title="factcheck").serve()
