"""Faults from the model endpoint (issue 10, item 4): what the user sees for each.

The real openai client and instructor run; only the transport is fake. Most cases run the
CLI (``--llm mock``) with the mock endpoint's handler scripted, and assert what a user
sees: the exit code, stderr, the report's reason per input, and what reached the mock.
Where a case would otherwise wait out a random back-off, the extractor runs over a
scripted transport with a sleep that records the wait instead.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import httpx2
import pytest
from llm_helpers import Sent, answer, article, claim, harness

from assistant.cli import EXIT_ENDPOINT, EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL, main
from assistant.llm.mock import MockLLM
from assistant.llm.mock.wire import Reply, completion_body, parse_request
from assistant.model import ExtractionStatus

pytestmark = pytest.mark.reliability

REPO = Path(__file__).resolve().parent.parent
ENDPOINT = "http://mock.invalid"
KEY = "sk-proj-Endpoint0Fault1Key2xyz"


def story(n: int) -> str:
    return (
        f"More than {1000 + n} people were evacuated from Ward {n} on Monday, the interior "
        f"ministry said.\n\nRescuers reached {20 + n} people stranded on rooftops in Ward {n}.\n"
    )


def write_stories(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"story-{n:02d}.txt"
        path.write_text(story(n))
        paths.append(path)
    return paths


Script = Callable[[int, httpx2.Request], Awaitable[httpx2.Response | None]]


@dataclass
class Endpoint:
    """The mock endpoint with a script in front: ``script(n, request)`` answers request n
    (from 1), or returns None to let the mock answer as usual. Counts requests in flight."""

    script: Script | None = None
    latency_s: float = 0.0
    times: list[float] = field(default_factory=list)
    chunks: list[str] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0
    clients: list[httpx2.AsyncClient] = field(default_factory=list)
    mocks: list[MockLLM] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return len(self.times)


@pytest.fixture
def endpoint(monkeypatch: pytest.MonkeyPatch) -> Endpoint:
    scripted = Endpoint()
    answer_as_usual = MockLLM.handler
    make_client = MockLLM.client

    async def handler(mock: MockLLM, request: httpx2.Request) -> httpx2.Response:
        if mock not in scripted.mocks:
            scripted.mocks.append(mock)
        scripted.times.append(time.monotonic())
        scripted.chunks.append(parse_request(request.content, request.headers).chunk or "")
        scripted.in_flight += 1
        scripted.most_in_flight = max(scripted.most_in_flight, scripted.in_flight)
        try:
            if scripted.latency_s:
                await asyncio.sleep(scripted.latency_s)
            if scripted.script is not None:
                reply = await scripted.script(scripted.requests, request)
                if reply is not None:
                    return reply
            return await answer_as_usual(mock, request)
        finally:
            scripted.in_flight -= 1

    def client(mock: MockLLM) -> httpx2.AsyncClient:
        made = make_client(mock)
        scripted.clients.append(made)
        return made

    monkeypatch.setattr(MockLLM, "handler", handler)
    monkeypatch.setattr(MockLLM, "client", client)
    return scripted


def run(paths: list[Path], out: Path, *options: str) -> tuple[int, list[dict[str, Any]]]:
    """``factcheck report PATHS --llm mock -o out.json``: the exit code and the inputs."""
    code = main([
        "report", *map(str, paths), "--llm", "mock", "--published", "2026-03-03",
        "-o", str(out), *options,
    ])  # fmt: skip
    return code, json.loads(out.read_text())["inputs"]


def chat(request: httpx2.Request, reply: Reply) -> httpx2.Response:
    body = completion_body(
        parse_request(request.content, request.headers), reply, completion_id="chatcmpl-x"
    )
    return httpx2.Response(200, json=body, request=request)


def error(request: httpx2.Request, status: int, headers: dict[str, str] | None = None,
          code: str | None = None, message: str = "try later") -> httpx2.Response:  # fmt: skip
    body = {"error": {"message": message, "type": code or "server_error", "code": code}}
    return httpx2.Response(status, headers=headers or {}, json=body, request=request)


# --------------------------------------------------------------------------- rate limits


def test_a_429_with_retry_after_is_waited_out_then_succeeds_in_two_requests(
    tmp_path: Path, endpoint: Endpoint
) -> None:
    async def once_rate_limited(n: int, request: httpx2.Request) -> httpx2.Response | None:
        return error(request, 429, {"Retry-After": "1"}, "rate_limit_exceeded") if n == 1 else None

    endpoint.script = once_rate_limited
    code, (entry,) = run(write_stories(tmp_path / "in", 1), tmp_path / "r.json")

    assert code == EXIT_OK
    assert endpoint.requests == 2
    assert endpoint.times[1] - endpoint.times[0] >= 1.0  # waited as long as asked
    assert entry["claims"]
    assert entry["extraction"]["usage"]["calls"] == 2
    assert entry["extraction"]["usage"]["retries"] == 1


# The endpoint refuses the run. Each: (status, headers, error code, what stderr says).
REFUSALS = {
    "bad key": (401, {}, "invalid_api_key", "answered HTTP 401 (check the API key)"),
    "unknown model": (
        404, {}, "model_not_found", "answered HTTP 404: it has no model 'gpt-nonesuch'",
    ),
    "no quota": (
        429, {"x-should-retry": "false"}, "insufficient_quota",
        "answered HTTP 429 insufficient_quota: the account has no quota left",
    ),
    "told not to retry": (
        429, {"x-should-retry": "false"}, "rate_limit_exceeded",
        "answered HTTP 429 and said not to retry",
    ),
    "retry after an hour": (
        429, {"Retry-After": "3600"}, "rate_limit_exceeded",
        "answered HTTP 429 asking to wait 3600 s before the next request, longer than the "
        "60 s a run waits (try again after ",
    ),
}  # fmt: skip

# The CLI in its own process (its own logging on a real stderr), the mock's handler
# swapped for one that answers the first `OK_FIRST` requests and then refuses every one,
# echoing the key as some gateways do; each request is appended to a log file.
REFUSING = """
import json, os, sys, httpx2
import assistant.llm.mock.transport as transport
status, headers, code, ok_first, log = json.loads(os.environ["REFUSAL"])
answer_as_usual = transport.MockLLM.handler

async def handler(self, request):
    with open(log, "a") as requests:
        requests.write("request\\n")
    if sum(1 for _ in open(log)) <= ok_first:
        return await answer_as_usual(self, request)
    key = request.headers.get("authorization", "")
    body = {"error": {"message": f"Refused ({key})", "type": code, "code": code}}
    return httpx2.Response(status, headers=headers, json=body)

transport.MockLLM.handler = handler
from assistant.cli import main
sys.exit(main(sys.argv[1:]))
"""


def refused_run(
    tmp_path: Path, refusal: tuple[int, dict[str, str], str, str], *,
    ok_first: int = 0, concurrency: int = 1,
) -> tuple[subprocess.CompletedProcess[str], list[dict[str, Any]], int]:  # fmt: skip
    """The report run against an endpoint that refuses after ``ok_first`` answers: the
    process, the report's inputs and the number of requests the endpoint saw."""
    status, headers, code, _ = refusal
    log = tmp_path / "requests.log"
    report = tmp_path / "r.json"
    env = {
        **os.environ,
        "OPENAI_API_KEY": KEY,
        "REFUSAL": json.dumps([status, headers, code, ok_first, str(log)]),
    }
    done = subprocess.run(
        [
            sys.executable, "-c", REFUSING, "report", str(tmp_path / "in"), "--llm", "mock",
            "--model", "gpt-nonesuch", "--published", "2026-03-03",
            "--concurrency", str(concurrency), "-o", str(report),
        ],
        capture_output=True, text=True, check=False, env=env, cwd=REPO, timeout=120,
    )  # fmt: skip
    requests = len(log.read_text().splitlines()) if log.exists() else 0
    inputs = json.loads(report.read_text())["inputs"] if report.exists() else []
    return done, inputs, requests


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


def refused_in_process(
    tmp_path: Path, refusal: tuple[int, dict[str, str], str, str], endpoint: Endpoint,
    capsys: pytest.CaptureFixture[str], *, ok_first: int = 0, concurrency: int = 1,
) -> tuple[Done, list[dict[str, Any]], int]:  # fmt: skip
    """``refused_run`` in this process, for speed: the CLI's own lines are all on stderr
    (no extractor log line is written on this path; the subprocess case checks that)."""
    status, headers, code, _ = refusal

    async def refuse(n: int, request: httpx2.Request) -> httpx2.Response | None:
        if n <= ok_first:
            return None
        echo = f"Refused ({request.headers.get('authorization', '')})"
        return error(request, status, headers, code, message=echo)

    endpoint.script = refuse
    capsys.readouterr()
    returncode = main([
        "report", str(tmp_path / "in"), "--llm", "mock", "--model", "gpt-nonesuch",
        "--published", "2026-03-03", "--concurrency", str(concurrency),
        "-o", str(tmp_path / "r.json"),
    ])  # fmt: skip
    out, err = capsys.readouterr()
    inputs = json.loads((tmp_path / "r.json").read_text())["inputs"]
    return Done(returncode, out, err), inputs, endpoint.requests


@pytest.mark.parametrize("case", list(REFUSALS))
def test_an_endpoint_refusing_the_run_stops_it_at_the_first_answer(
    tmp_path: Path,
    case: str,
    endpoint: Endpoint,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_stories(tmp_path / "in", 12)
    monkeypatch.setenv("OPENAI_API_KEY", KEY)

    # One case in its own process, so that stderr is all the CLI and libraries write.
    done, inputs, requests = (
        refused_run(tmp_path, REFUSALS[case])
        if case == "bad key"
        else refused_in_process(tmp_path, REFUSALS[case], endpoint, capsys)
    )

    assert done.returncode == EXIT_ENDPOINT, done.stderr
    assert requests == 1  # never retried, and nothing more sent
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr  # one clear message, not one per article
    assert lines[0].startswith(f"factcheck: error: {ENDPOINT} {REFUSALS[case][3]}")
    assert lines[0].endswith(
        "; the run stopped there: 12 of 12 articles not extracted, each listed in the report"
    )
    assert len(inputs) == 12
    assert all(entry["extraction"]["status"] == "failed" for entry in inputs)
    first, *rest = (entry["reason"] for entry in inputs)
    assert first.startswith(f"extraction failed: {ENDPOINT} {REFUSALS[case][3]}")
    assert all(
        reason.startswith("extraction failed: the run stopped before this article: ")
        for reason in rest
    )
    for text in (done.stdout, done.stderr, json.dumps(inputs)):
        assert KEY not in text and KEY[8:-4] not in text


def test_quota_running_out_midway_keeps_what_was_extracted(
    tmp_path: Path, endpoint: Endpoint, capsys: pytest.CaptureFixture[str]
) -> None:
    write_stories(tmp_path / "in", 6)

    done, inputs, requests = refused_in_process(
        tmp_path, REFUSALS["no quota"], endpoint, capsys, ok_first=3
    )

    assert done.returncode == EXIT_ENDPOINT, done.stderr
    assert requests == 4
    assert [bool(entry["claims"]) for entry in inputs] == [True] * 3 + [False] * 3
    assert done.stderr.count("\n") == 1
    assert "3 of 6 articles not extracted" in done.stderr


def test_with_concurrency_the_stop_costs_at_most_the_requests_in_flight(
    tmp_path: Path, endpoint: Endpoint, capsys: pytest.CaptureFixture[str]
) -> None:
    write_stories(tmp_path / "in", 30)

    done, inputs, requests = refused_in_process(
        tmp_path, REFUSALS["bad key"], endpoint, capsys, concurrency=4
    )

    assert done.returncode == EXIT_ENDPOINT, done.stderr
    assert 1 <= requests <= 4
    assert len(inputs) == 30 and not any(entry["claims"] for entry in inputs)
    assert done.stderr.count("\n") == 1


# --------------------------------------------------------------------------- server errors


def test_a_persistent_server_error_is_bounded_and_counted_in_the_report(
    tmp_path: Path, endpoint: Endpoint
) -> None:
    async def doomed(_n: int, request: httpx2.Request) -> httpx2.Response | None:
        chunk = parse_request(request.content, request.headers).chunk or ""
        # A Retry-After of 0 keeps the test from waiting out the random back-off (the
        # back-off itself: test_a_persistent_server_error_without_retry_after_backs_off).
        return error(request, 503, {"Retry-After": "0"}) if "Ward 1 " in chunk else None

    endpoint.script = doomed
    code, inputs = run(write_stories(tmp_path / "in", 2), tmp_path / "r.json")

    assert code == EXIT_PARTIAL
    ok, failed = inputs
    assert ok["claims"] and ok["extraction"]["usage"]["calls"] == 1
    assert failed["reason"] == (
        f"extraction failed: {ENDPOINT} answered HTTP 503 (gave up after 4 attempts)"
    )
    assert failed["extraction"]["usage"]["calls"] == 4
    assert failed["extraction"]["usage"]["retries"] == 3
    assert sum("Ward 1 " in chunk for chunk in endpoint.chunks) == 4


def test_a_server_error_marked_do_not_retry_is_sent_once(
    tmp_path: Path, endpoint: Endpoint
) -> None:
    async def no_retry(_n: int, request: httpx2.Request) -> httpx2.Response | None:
        return error(request, 503, {"x-should-retry": "false"})

    endpoint.script = no_retry
    code, (entry,) = run(write_stories(tmp_path / "in", 1), tmp_path / "r.json")

    assert code == EXIT_NOTHING
    assert endpoint.requests == 1
    assert (
        entry["reason"] == f"extraction failed: {ENDPOINT} answered HTTP 503 and said not to retry"
    )


async def test_a_persistent_server_error_without_retry_after_backs_off() -> None:
    def unavailable(_sent: Sent) -> httpx2.Response:
        return httpx2.Response(503, json={"error": {"message": "overloaded"}})

    h = harness(unavailable, max_attempts=4)
    result = await h.extractor.extract(article(story(0)))

    assert len(h.endpoint.requests) == 4
    assert len(h.sleeps) == 3 and all(0 <= s <= 60 for s in h.sleeps)
    assert result.status is ExtractionStatus.failed
    assert result.error == "api.openai.com answered HTTP 503 (gave up after 4 attempts)"
    assert (result.usage.calls, result.usage.retries) == (4, 3)


# --------------------------------------------------------------------------- connections


def test_a_read_timeout_is_retried_once_with_twice_the_limit_then_reported(
    tmp_path: Path, endpoint: Endpoint
) -> None:
    code, (entry,) = run(
        write_stories(tmp_path / "in", 1), tmp_path / "r.json",
        "--timeout", "0.2", "--mock-latency", "30s",
    )  # fmt: skip

    assert code == EXIT_NOTHING
    assert endpoint.requests == 2
    assert entry["reason"] == (
        f"extraction failed: no answer from {ENDPOINT} within 0.2 s nor, on the one retry, "
        "within 0.4 s; a slow server needs a longer --timeout (or timeout_s for this endpoint)"
    )


class Tracked(httpx2.AsyncByteStream):
    """A response body that records whether it was closed, and can break off midway."""

    opened: ClassVar[list[Tracked]] = []

    def __init__(self, body: bytes, *, cut: bool = False) -> None:
        self.body, self.cut, self.closed = body, cut, False
        Tracked.opened.append(self)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if self.cut:
            yield self.body[: len(self.body) // 2]
            raise httpx2.RemoteProtocolError("peer closed connection without a complete body")
        yield self.body

    async def aclose(self) -> None:
        self.closed = True


def tracked(response: httpx2.Response, *, cut: bool = False) -> httpx2.Response:
    return httpx2.Response(
        response.status_code,
        headers={"content-type": "application/json"},
        stream=Tracked(response.content, cut=cut),
    )


async def test_connect_timeouts_and_cut_answers_are_retried_and_leak_no_connection() -> None:
    Tracked.opened = []
    good = answer(claim("Rescuers reached 20 people stranded on rooftops in Ward 0."))
    sent_so_far: list[Sent] = []

    def flaky(sent: Sent) -> httpx2.Response:
        sent_so_far.append(sent)
        n = len(sent_so_far) - 1
        if n == 0:
            raise httpx2.ConnectTimeout("connect timed out")
        if n == 1:
            return tracked(good(sent), cut=True)  # closed mid-response
        return tracked(good(sent))

    h = harness(flaky, timeout_s=300)
    result = await h.extractor.extract(article(story(0)))
    await h.extractor.aclose()

    assert result.status is ExtractionStatus.ok and len(result.claims) == 1
    assert len(h.endpoint.requests) == 3 and len(h.sleeps) == 2
    assert (result.usage.calls, result.usage.retries) == (3, 2)
    assert h.endpoint.requests[0].read_timeout == 300  # the read limit stays the same
    assert len(Tracked.opened) == 2 and all(stream.closed for stream in Tracked.opened)


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        (httpx2.ConnectTimeout("timed out"), "could not connect to api.openai.com within 10 s"),
        (httpx2.ConnectError("connection refused"), "could not connect to api.openai.com"),
        ("cut", "the connection to api.openai.com closed before the answer was complete"),
    ],
)  # fmt: skip
async def test_a_connection_that_keeps_failing_is_bounded_and_says_how(
    fault: Exception | str, reason: str
) -> None:
    Tracked.opened = []

    def failing(sent: Sent) -> httpx2.Response:
        if isinstance(fault, Exception):
            raise fault
        return tracked(answer(claim("x"))(sent), cut=True)

    h = harness(failing, max_attempts=3)
    result = await h.extractor.extract(article(story(0)))
    await h.extractor.aclose()

    assert len(h.endpoint.requests) == 3
    assert result.status is ExtractionStatus.failed
    assert result.error == f"{reason} (gave up after 3 attempts)"
    assert all(stream.closed for stream in Tracked.opened)


def test_every_client_is_closed_at_the_end_of_a_run(tmp_path: Path, endpoint: Endpoint) -> None:
    code, _ = run(write_stories(tmp_path / "in", 3), tmp_path / "r.json")

    assert code == EXIT_OK
    assert endpoint.clients and all(client.is_closed for client in endpoint.clients)


# --------------------------------------------------------------------------- answers


LONG = "\n\n".join(
    f"Officials said {n * 7 + 11} homes were damaged in Ward {n}." for n in range(30)
)


def test_an_answer_cut_off_is_split_and_asked_again(tmp_path: Path, endpoint: Endpoint) -> None:
    async def short_answers(_n: int, request: httpx2.Request) -> httpx2.Response | None:
        chunk = parse_request(request.content, request.headers).chunk or ""
        if chunk == LONG:  # a model whose answer for the whole article is cut off
            return chat(request, Reply(text='{"claims": [{"quote": "Offic', finish_reason="length"))
        return None

    endpoint.script = short_answers
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "long.txt").write_text(LONG)
    code, (entry,) = run([tmp_path / "in" / "long.txt"], tmp_path / "r.json")

    assert code == EXIT_OK
    assert endpoint.requests == 3  # the whole, then its two halves
    assert endpoint.chunks[0] == LONG
    assert all(len(half) < len(LONG) and half in LONG for half in endpoint.chunks[1:])
    values = {c["quantity"]["value"] for c in entry["claims"] if c.get("quantity")}
    assert values >= {n * 7 + 11 for n in range(30)}


def test_an_answer_cut_off_at_the_smallest_part_is_reported_as_truncated(
    tmp_path: Path, endpoint: Endpoint
) -> None:
    code, (entry,) = run(
        write_stories(tmp_path / "in", 1), tmp_path / "r.json", "--mock-faults", "truncate=1"
    )

    assert code == EXIT_NOTHING
    assert endpoint.requests == 1  # below twice the smallest part: not split
    assert entry["claims"] == []
    assert entry["reason"].startswith(
        "extraction failed: truncated: the model's answer was cut off (finish_reason=length"
    )


@pytest.mark.parametrize(
    ("reply", "requests", "reason"),
    [
        (
            Reply(text=None, refusal="I'm sorry, but I can't help with that request."),
            1,
            "the model refused: I'm sorry, but I can't help with that request.",
        ),
        (
            Reply(text=None, finish_reason="content_filter"),
            1,
            "the endpoint's content filter stopped the answer (finish_reason=content_filter); "
            "this part has no claims",
        ),
        (
            Reply(text='{"claims": [{"quote": "More than', finish_reason="content_filter"),
            1,
            "the endpoint's content filter stopped the answer (finish_reason=content_filter); "
            "this part has no claims",
        ),
        (
            Reply(text=None),
            3,  # asked again twice: a model may call the tool when reminded
            "the model's answer did not fit the expected structure after 3 attempt(s): the "
            "answer could not be read (the model called no tool and wrote nothing)",
        ),
    ],
    ids=["refusal", "content filter", "content filter midway", "no tool call"],
)  # fmt: skip
def test_an_answer_that_is_no_answer_fails_with_its_reason(
    tmp_path: Path, endpoint: Endpoint, reply: Reply, requests: int, reason: str
) -> None:
    async def script(_n: int, request: httpx2.Request) -> httpx2.Response:
        return chat(request, reply)

    endpoint.script = script
    code, (entry,) = run(write_stories(tmp_path / "in", 1), tmp_path / "r.json")

    assert code == EXIT_NOTHING
    assert endpoint.requests == requests
    assert entry["claims"] == []
    assert entry["reason"] == f"extraction failed: {reason}"
    assert entry["extraction"]["usage"]["calls"] == requests


def test_a_prompt_refused_by_a_content_filter_fails_with_its_reason(
    tmp_path: Path, endpoint: Endpoint
) -> None:
    async def filtered(_n: int, request: httpx2.Request) -> httpx2.Response:
        return error(request, 400, code="content_filter", message="The prompt was filtered.")

    endpoint.script = filtered
    code, (entry,) = run(write_stories(tmp_path / "in", 1), tmp_path / "r.json")

    assert code == EXIT_NOTHING
    assert endpoint.requests == 1
    assert entry["reason"] == (
        f"extraction failed: {ENDPOINT} answered HTTP 400 "
        "(the endpoint's content filter refused the article)"
    )


def test_an_answer_in_two_tool_calls_is_read_whole(tmp_path: Path, endpoint: Endpoint) -> None:
    first = (
        "More than 1000 people were evacuated from Ward 0 on Monday, the interior ministry said."
    )
    second = "Rescuers reached 20 people stranded on rooftops in Ward 0."

    async def split(_n: int, request: httpx2.Request) -> httpx2.Response:
        response = chat(request, Reply(text=json.dumps({"claims": [claim(first)]})))
        body = response.json()
        (call,) = body["choices"][0]["message"]["tool_calls"]
        other = {**call, "id": "call_2", "function": {**call["function"]}}
        other["function"]["arguments"] = json.dumps({"claims": [claim(second)]})
        body["choices"][0]["message"]["tool_calls"] = [call, other]
        return httpx2.Response(200, json=body, request=request)

    endpoint.script = split
    code, (entry,) = run(write_stories(tmp_path / "in", 1), tmp_path / "r.json")

    assert code == EXIT_OK
    assert endpoint.requests == 1
    assert [c["quote"] for c in entry["claims"]] == [first, second]
    assert (
        "the model answered in 2 tool calls; every call was read" in entry["extraction"]["warnings"]
    )


# --------------------------------------------------------------------------- load


@pytest.mark.parametrize("concurrency", [1, 2, 3])
def test_concurrency_n_means_at_most_n_requests_in_flight(
    tmp_path: Path, endpoint: Endpoint, concurrency: int
) -> None:
    paths = write_stories(tmp_path / "in", 4)
    (tmp_path / "in" / "long.txt").write_text(LONG)  # several parts at once
    endpoint.latency_s = 0.02

    code, inputs = run(
        [*paths, tmp_path / "in" / "long.txt"], tmp_path / "r.json",
        "--concurrency", str(concurrency), "--chunk-chars", "400",
    )  # fmt: skip

    assert code == EXIT_OK
    assert all(entry["claims"] for entry in inputs)
    assert endpoint.requests > 8
    assert endpoint.most_in_flight == concurrency


def test_usage_totals_count_every_reask_and_retry(tmp_path: Path, endpoint: Endpoint) -> None:
    code, inputs = run(
        write_stories(tmp_path / "in", 8), tmp_path / "r.json",
        "--mock-faults", "bad_json=0.3,schema=0.2,ungrounded=0.2", "--mock-seed", "3",
    )  # fmt: skip

    assert code in (EXIT_OK, EXIT_PARTIAL)
    (mock,) = endpoint.mocks
    answered = [r.response["usage"] for r in mock.requests if r.response]
    usage = [entry["extraction"]["usage"] for entry in inputs]
    assert sum(u["retries"] for u in usage) >= 3  # re-asks happened
    assert sum(u["calls"] for u in usage) == endpoint.requests == len(mock.requests)
    assert sum(u["prompt_tokens"] for u in usage) == sum(a["prompt_tokens"] for a in answered)
    assert sum(u["completion_tokens"] for u in usage) == sum(
        a["completion_tokens"] for a in answered
    )
