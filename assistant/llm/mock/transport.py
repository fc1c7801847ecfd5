"""The mock chat-completions endpoint: an httpx2 transport the real openai client talks to.

Everything above the transport is real (openai SDK, instructor, tenacity, our extractor);
only the HTTP exchange is answered in-process. Per request, in order:

1. latency (``settings.latency_s``), so batch throughput can be measured;
2. 404 for anything but ``POST .../chat/completions``, 401 without credentials, 400 for a
   request breaking the contract (no prompt-version header, no article block);
3. a fault, chosen deterministically from (seed, chunk, attempt) - see ``faults.py``;
4. the answer: a recorded response replayed as-is, a hand-written fixture answer, or one
   synthesized from the offline extractor - wrapped in the shape the request asked for.
"""

from __future__ import annotations

import asyncio
import functools
import json
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx2

from assistant.llm.mock.faults import (
    TRANSPORT_FAULTS,
    Attempt,
    answer_fault,
    choose_fault,
    transport_fault,
)
from assistant.llm.mock.fixtures import FixtureIndex
from assistant.llm.mock.settings import Fault, MockSettings
from assistant.llm.mock.synth import synthesize
from assistant.llm.mock.wire import (
    CHAT_PATH_SUFFIX,
    PROMPT_VERSION_HEADER,
    ChatRequest,
    Reply,
    completion_body,
    error_body,
    parse_request,
    public_headers,
    sha256_text,
)

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True)
class LoggedRequest:
    """One request as the mock saw it, for tests and diagnostics. Never holds credentials."""

    method: str
    path: str
    headers: dict[str, str]  # lower-cased names, credentials removed
    body: dict[str, Any] | None  # the parsed JSON body, when it was JSON
    status: int  # the status answered; 0 when a timeout was raised instead
    fault: Fault | None = None
    source: str | None = None  # "recorded" | "fixture" | "synthesized" for answers
    response: dict[str, Any] | None = None  # the chat.completion body answered, if any


class MockLLM:
    """An in-process OpenAI-compatible endpoint; ``handler`` answers one request.

    Raises ``FixtureError`` on construction when a fixture directory is unusable.
    ``sleep`` is how latency is waited for; tests pass a fake to observe it.
    """

    def __init__(self, settings: MockSettings, *, sleep: Sleep = asyncio.sleep) -> None:
        self.settings = settings
        self.fixtures = FixtureIndex.load(settings.fixture_dirs)
        self.requests: list[LoggedRequest] = []
        self._sleep = sleep
        # Transport attempts seen per (chunk sha256, re-ask index): the second part of the
        # attempt number, so a retry of the same request draws a new fault.
        self._attempts: Counter[tuple[str, int]] = Counter()

    def client(self) -> httpx2.AsyncClient:
        """A fresh async client whose every request is answered by this mock."""
        return httpx2.AsyncClient(transport=httpx2.MockTransport(self.handler))

    async def handler(self, request: httpx2.Request) -> httpx2.Response:
        """Answer one request. Raises ``httpx2.ReadTimeout`` for an injected timeout."""
        if self.settings.latency_s > 0:
            await self._sleep(self.settings.latency_s)
        checked = _check(request)
        if isinstance(checked, httpx2.Response):
            self._log(request, checked.status_code)
            return checked
        chat, chunk, sha = checked
        counter_key = (sha, chat.reask_index)
        attempt = Attempt(chat.reask_index, self._attempts[counter_key])
        self._attempts[counter_key] += 1
        fault = choose_fault(self.settings.faults, self.settings.seed, sha, attempt)
        if fault is not None and fault in TRANSPORT_FAULTS:
            try:
                response = transport_fault(fault, request, attempt)
            except httpx2.TimeoutException:
                self._log(request, 0, fault)
                raise
            self._log(request, response.status_code, fault)
            return response
        source, body = self._answer(chat, chunk, fault, attempt)
        self._log(request, 200, fault, source, body)
        return httpx2.Response(200, json=body, request=request)

    def _answer(
        self, chat: ChatRequest, chunk: str, fault: Fault | None, attempt: Attempt
    ) -> tuple[str, dict[str, Any]]:
        """(source, chat.completion body) for a request that gets an answer."""
        sha = sha256_text(chunk)
        fixture = self.fixtures.find(chat.prompt_version or "", sha)
        if (
            fixture is not None
            and fixture.response is not None
            and fault is None
            and fixture.response_shape() is chat.shape
        ):
            return "recorded", fixture.response
        # A recorded response that needs a fault or another shape is taken apart and its
        # answer re-wrapped, like a hand-written one.
        answer = fixture.claims_answer() if fixture is not None else None
        source = "recorded" if fixture is not None and fixture.response is not None else "fixture"
        if answer is None:
            answer, source = _synthesize(chunk), "synthesized"
        reply = (
            answer_fault(fault, answer, chunk)
            if fault is not None
            else Reply(text=json.dumps(answer, ensure_ascii=False))
        )
        digest = sha256_text(f"{sha}|{attempt.reask}|{attempt.transport}")
        return source, completion_body(chat, reply, completion_id=f"chatcmpl-mock{digest[:24]}")

    def _log(
        self,
        request: httpx2.Request,
        status: int,
        fault: Fault | None = None,
        source: str | None = None,
        response: dict[str, Any] | None = None,
    ) -> None:
        try:
            body = json.loads(request.content)
        except ValueError:  # JSONDecodeError and UnicodeDecodeError alike
            body = None
        self.requests.append(
            LoggedRequest(
                method=request.method,
                path=request.url.path,
                headers=public_headers(request.headers),
                body=body if isinstance(body, dict) else None,
                status=status,
                fault=fault,
                source=source,
                response=response,
            )
        )


def build_mock_client(settings: MockSettings) -> tuple[httpx2.AsyncClient, MockLLM]:
    """A client for ``openai.AsyncOpenAI(http_client=...)`` and the mock that answers it.

    Raises ``FixtureError`` when a fixture directory is unusable.
    """
    mock = MockLLM(settings)
    return mock.client(), mock


@functools.lru_cache(maxsize=256)
def _synthesize(chunk: str) -> dict[str, Any]:
    # Cached: re-asks and retries of one chunk would otherwise re-run the offline extractor.
    # Callers only serialise the result, never mutate it.
    return synthesize(chunk)


def _check(request: httpx2.Request) -> tuple[ChatRequest, str, str] | httpx2.Response:
    """(request, chunk, chunk sha256) for a request the mock answers, else the error response.

    404 for anything but POST .../chat/completions, 401 without credentials, 400 for a
    body that is not JSON or a request breaking the contract with the extractor.
    """
    if request.method != "POST" or not request.url.path.endswith(CHAT_PATH_SUFFIX):
        return _error(request, 404, f"mock serves only POST {CHAT_PATH_SUFFIX}", "not_found")
    if "authorization" not in request.headers and "api-key" not in request.headers:
        return _error(request, 401, "no API key provided", "invalid_request_error")
    try:
        chat = parse_request(request.content, request.headers)
    except ValueError as err:
        return _error(request, 400, str(err), "invalid_request_error")
    if not chat.prompt_version:
        return _error(
            request, 400, f"missing {PROMPT_VERSION_HEADER} header", "invalid_request_error"
        )
    if chat.chunk is None:
        message = "no <<<ARTICLE nonce>>> ... <<<END ARTICLE nonce>>> block in any user message"
        return _error(request, 400, message, "invalid_request_error")
    return chat, chat.chunk, sha256_text(chat.chunk)


def _error(request: httpx2.Request, status: int, message: str, type_: str) -> httpx2.Response:
    return httpx2.Response(status, json=error_body(message, type_=type_), request=request)
