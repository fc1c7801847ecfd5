"""The API key never leaves the process in text: not on stderr with ``-v`` (our lines,
instructor's, openai's), not in a report, a recorded fixture or a traceback, even when the
server's error body echoes the key and the Authorization header back."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import httpx2
import openai
import pytest

from assistant import redact
from assistant.cli import main as main_cli
from assistant.llm.record import RecordingTransport
from tests.test_record import HEADERS, messages

pytestmark = pytest.mark.reliability

BODY = "More than 1,000 people were evacuated on Monday, the interior ministry said.\n"
# One key shaped like OpenAI's, one a gateway's own (caught only because it is registered).
KEYS = ["sk-proj-Zx81kQ0aLm52WvTt9cYb", "gw_live_5c1e8d02b7f4a9"]

# The mock's handler swapped for a gateway that echoes what it was sent.
ECHO = """
import sys, httpx2
import assistant.llm.mock.transport as transport
STATUS = int(sys.argv.pop(1))

async def handler(self, request):
    auth = request.headers.get("authorization", "")
    key = auth.removeprefix("Bearer ")
    message = f"Incorrect API key provided: {key}. You sent Authorization: {auth}"
    body = {"error": {"message": message, "type": "invalid_request_error", "code": key,
                      "headers": dict(request.headers)}}
    return httpx2.Response(STATUS, json=body)

transport.MockLLM.handler = handler
from assistant.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("status", [401, 500])
def test_an_error_body_echoing_the_key_reaches_no_output(
    tmp_path: Path, status: int, key: str
) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    report = tmp_path / "r.json"
    env = {**os.environ, "OPENAI_API_KEY": key}

    run = subprocess.run(
        [
            sys.executable, "-c", ECHO, str(status), "report", str(tmp_path / "a.txt"),
            "--llm", "mock", "--published", "2026-03-03", "-v", "--format", "json",
            "-o", str(report),
        ],
        capture_output=True, text=True, check=False, env=env, timeout=120,
    )  # fmt: skip

    assert "Traceback" not in run.stderr
    assert f"answered HTTP {status}" in run.stderr
    for text in (run.stdout, run.stderr, report.read_text()):
        assert key not in text
        assert key[4:-4] not in text  # nor a part of it


def test_a_library_log_line_and_its_traceback_are_redacted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from assistant.cli import _configure_logging

    key = "k3y-registered-only-0042"
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    root.handlers.clear()
    try:
        _configure_logging(verbose=True)
        redact.add_secret(key)
        try:
            raise RuntimeError(f"server said: bad key {key}")
        except RuntimeError:
            logging.getLogger("instructor").info(
                "Retrying with %s", {"Authorization": f"Bearer {key}"}, exc_info=True
            )
        logging.getLogger("openai").warning("request headers: Bearer tok.en-1234567890")
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)

    err = capsys.readouterr().err
    assert key not in err and "tok.en-1234567890" not in err
    assert err.count(redact.REDACTED) >= 3


def test_an_uncaught_traceback_is_redacted() -> None:
    key = "sk-abcdefghijklmnop0123"
    script = (
        "from assistant import redact; redact.install(None)\n"
        "def f(secret):\n"
        "    raise ValueError('rejected ' + secret)\n"
        f"f({key!r})\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert run.returncode == 1
    assert "ValueError: rejected [REDACTED]" in run.stderr
    assert key not in run.stderr


async def test_a_recorded_error_body_echoing_the_key_is_stored_redacted(tmp_path: Path) -> None:
    key = "gw_live_recorded_5c1e8d02"
    redact.add_secret(key)

    async def echo(request: httpx2.Request) -> httpx2.Response:
        auth = request.headers["authorization"]
        return httpx2.Response(401, json={"error": {"message": f"bad key {key} ({auth})"}})

    client = openai.AsyncOpenAI(
        api_key=key,
        base_url="http://real.invalid/v1",
        max_retries=0,
        http_client=httpx2.AsyncClient(
            transport=RecordingTransport(httpx2.MockTransport(echo), tmp_path)
        ),
    )
    with pytest.raises(openai.AuthenticationError):
        await client.chat.completions.create(
            model="gpt-real", messages=messages(), extra_headers=HEADERS
        )

    (path,) = tmp_path.iterdir()
    text = path.read_text()
    assert key not in text
    assert json.loads(text)["exchanges"][0]["status"] == 401


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Authorization: Bearer abc.def-ghijk", "Authorization: Bearer [REDACTED]"),
        ("authorization: bearer sk-proj-abcdefghijklmnopqrstu", "authorization: bearer [REDACTED]"),
        ("bearer bonds and Bearer Bonds", "bearer bonds and Bearer Bonds"),
        ("sk-1234567890abcdefXYZ in a URL", "[REDACTED] in a URL"),
        ("no key here", "no key here"),
    ],
)  # fmt: skip
def test_bearer_tokens_and_key_shaped_strings_are_redacted(text: str, shown: str) -> None:
    assert redact.redact(text) == shown


def test_a_short_placeholder_is_not_a_secret() -> None:
    redact.add_secret("no-key")
    assert redact.redact("no-key was sent") == "no-key was sent"


@pytest.mark.parametrize("key", KEYS)
def test_a_key_echoed_by_a_flaky_endpoint_reaches_no_report_or_cache(
    tmp_path: Path,
    key: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every request first gets a 500 echoing the key and the header, then its answer: the
    # results are complete, so they are cached, with whatever the retries left in them.
    from assistant.config import Settings
    from assistant.llm.mock import MockLLM

    monkeypatch.setenv("OPENAI_API_KEY", key)
    answer = MockLLM.handler
    echoed: set[bytes] = set()

    async def flaky(mock: MockLLM, request: httpx2.Request) -> httpx2.Response:
        if request.content not in echoed:
            echoed.add(request.content)
            auth = request.headers.get("authorization", "")
            body = {"error": {"message": f"upstream failed for {key} ({auth})", "code": key}}
            return httpx2.Response(500, headers={"Retry-After": "0"}, json=body)
        return await answer(mock, request)

    monkeypatch.setattr(MockLLM, "handler", flaky)
    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(BODY.replace("1,000", f"{n + 1},000"))
    report = tmp_path / "r.json"

    code = main_cli([
        "report", str(tmp_path), "--llm", "mock", "--published", "2026-03-03", "-v",
        "-o", str(report),
    ])  # fmt: skip

    out, err = capsys.readouterr()
    assert code == 0, err
    inputs = json.loads(report.read_text())["inputs"]
    assert [e["extraction"]["usage"]["retries"] for e in inputs] == [1, 1, 1]  # each echoed
    assert all(e["claims"] for e in inputs)
    cache = Settings().resolved_cache_dir()
    stored = [p.read_bytes() for p in cache.iterdir()]
    assert stored
    for text in (out.encode(), err.encode(), report.read_bytes(), *stored):
        assert key.encode() not in text and key[4:-4].encode() not in text
