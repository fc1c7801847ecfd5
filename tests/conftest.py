"""Test-wide guards: no developer config, no key, no network.

Every test runs with the user's config and cache directories pointed at a temp dir
(so the results cache starts empty in each test), the openai
variables removed, and real HTTP transports disabled (tests marked ``live`` excepted).
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


@pytest.fixture(autouse=True)
def _isolate_user_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    # The results cache too, on every OS (platformdirs ignores XDG_* on macOS): each test
    # starts with an empty cache of its own and never touches the developer's.
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(home / "cache" / "factcheck"))
    for var in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "FACTCHECK_MODEL",
        "FACTCHECK_LLM",
        "FACTCHECK_MODE",
        "FACTCHECK_EDITOR",
    ):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(autouse=True)
def _forbid_network(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("live"):
        return
    import httpx2

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("tests must not use the network; use the mock transport")

    monkeypatch.setattr(httpx2.HTTPTransport, "handle_request", refuse)
    monkeypatch.setattr(httpx2.AsyncHTTPTransport, "handle_async_request", refuse)
