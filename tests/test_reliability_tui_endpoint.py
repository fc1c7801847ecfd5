"""``factcheck tui`` when the model endpoint refuses the run (a bad key, no quota): the run
stops, the app says so once, in words, and keeps running with what was extracted.

The real app under Textual's pilot, the real pipeline with ``--llm mock`` (the real openai
client and instructor); only the mock endpoint's answers are scripted.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import httpx2
import pytest
from textual.pilot import Pilot
from tui_screen import region_words, screen_text

from assistant.config import Settings
from assistant.llm.mock import MockLLM
from assistant.store import Workspace
from assistant.tui.app import FactcheckApp, make_app
from assistant.tui.dialogs import ErrorDialog

pytestmark = pytest.mark.reliability

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "river-floods"
KEY = "sk-proj-Tui0Endpoint1Refusal2Key"
SIZE = (120, 36)

# (status, headers, error code, what the endpoint's refusal is called)
REFUSALS = {
    "bad key": (401, {}, "invalid_api_key", "answered HTTP 401 (check the API key)"),
    "no quota": (
        429, {"x-should-retry": "false"}, "insufficient_quota",
        "answered HTTP 429 insufficient_quota: the account has no quota left",
    ),
}  # fmt: skip


def refuse_after(monkeypatch: pytest.MonkeyPatch, ok_first: int, refusal: str) -> list[int]:
    """The mock endpoint answers ``ok_first`` requests, then refuses every one, echoing
    the key as some gateways do. Returns the list its requests are counted in."""
    status, headers, code, _ = REFUSALS[refusal]
    answer_as_usual = MockLLM.handler
    seen: list[int] = []

    async def handler(mock: MockLLM, request: httpx2.Request) -> httpx2.Response:
        seen.append(1)
        if len(seen) <= ok_first:
            return await answer_as_usual(mock, request)
        echo = f"Refused ({request.headers.get('authorization', '')})"
        body = {"error": {"message": echo, "type": code, "code": code}}
        return httpx2.Response(status, headers=headers, json=body, request=request)

    monkeypatch.setattr(MockLLM, "handler", handler)
    return seen


async def stopped_dialog(pilot: Pilot[None], app: FactcheckApp, timeout: float = 60) -> str:
    """The words of the dialog the stopped run opens; fails if the run never ends."""
    deadline = time.monotonic() + timeout
    while not isinstance(app.screen, ErrorDialog):
        assert time.monotonic() < deadline, f"no dialog; the screen shows:\n{screen_text(app)}"
        await pilot.pause(0.05)
    await pilot.pause()
    dialog = app.screen.query_one(".dialog")
    # Its words, without the border and the button's box drawing around them.
    return " ".join(re.sub(r"[\u2500-\u259f]", " ", region_words(app, dialog.region)).split())


@pytest.mark.parametrize(("refusal", "ok_first"), [("bad key", 0), ("no quota", 2)])
async def test_the_endpoint_refusing_the_run_stops_it_with_one_message_in_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refusal: str, ok_first: int
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    seen = refuse_after(monkeypatch, ok_first, refusal)
    path = tmp_path / "floods.sqlite"
    settings = Settings(llm="mock", concurrency=1)

    with Workspace.open(path) as workspace:
        app = make_app(workspace, paths=[EXAMPLE], settings=settings)
        async with app.run_test(size=SIZE) as pilot:
            said = await stopped_dialog(pilot, app)

            assert said.startswith("The run stopped")
            assert f"http://mock.invalid {REFUSALS[refusal][3]}" in said
            assert f"{4 - ok_first} of 4 articles were not extracted" in said
            assert "Re-run pipeline" in said
            assert len(seen) == ok_first + 1  # nothing sent after the refusal
            assert KEY not in screen_text(app)

            await pilot.press("escape")
            await pilot.pause()
            overview = screen_text(app)
            # The articles extracted before the refusal keep their claims; the others
            # are marked in place, and the run is over (no progress, no "Analysis saved").
            assert overview.count("✔ ok") == ok_first
            assert overview.count("✘ failed: ") == 4 - ok_first
            assert "Extracting" not in overview and "Analysis saved" not in overview
            assert not app.progress.running
            await pilot.press("c")  # the app still answers keys
            await pilot.pause()
            assert "Claims" in screen_text(app)
            assert app.is_running
        stored = {r.article_id: r for r in workspace.extractions()}
        assert sum(bool(r.claims) for r in stored.values()) == ok_first

    # The echoed key reached no file: the failures are stored with their reasons.
    for file in tmp_path.glob("floods.sqlite*"):
        assert KEY.encode() not in file.read_bytes()
