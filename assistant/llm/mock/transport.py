"""The mock chat-completions endpoint: an httpx2 transport the real openai client talks to.

Everything above the transport is real (openai SDK, instructor, tenacity, our extractor);
only the HTTP exchange is answered in-process. Per request, in order:

1. latency (``settings.latency_s``), so batch throughput can be measured; latency beyond
   the request's read timeout is a timeout, as with a slow server;
2. 404 for anything but ``POST .../chat/completions``, 401 without credentials, 400 for a
   request breaking the contract (no prompt-version header, no article block);
3. server quirks (``settings.server``): the llama.cpp-like server refuses object-form
   ``tool_choice``; any server refuses a prompt beyond ``settings.context_tokens``;
4. a recorded exchange, replayed in the order it was recorded for that chunk (answers,
   errors and timeouts alike, so a replay costs what the recording did);
5. a fault, chosen deterministically from (seed, chunk, attempt) - see ``faults.py``;
6. the answer: a recorded response replayed as-is, a hand-written fixture answer, or one
   synthesized from the offline extractor - wrapped in the shape the request asked for
   (the llama.cpp-like server puts a tools answer in the content, fenced), and cut off with
   ``finish_reason=length`` when it is longer than the request's ``max_tokens``;
   streamed as server-sent events when the request asks for a stream (``"stream": true``).

The files and batches endpoints of the Batch API are ``batches.py``'s; each batch line is
answered by the steps above (latency aside).
"""

from __future__ import annotations

import asyncio
import functools
import json
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx2

from assistant.llm.mock.batches import BatchStore
from assistant.llm.mock.faults import (
    TRANSPORT_FAULTS,
    Attempt,
    answer_fault,
    choose_fault,
    transport_fault,
)
from assistant.llm.mock.fixtures import FixtureIndex
from assistant.llm.mock.settings import Fault, MockSettings, ServerKind
from assistant.llm.mock.synth import synthesize
from assistant.llm.mock.wire import (
    CHAT_PATH_SUFFIX,
    PROMPT_VERSION_HEADER,
    ChatRequest,
    Reply,
    Shape,
    completion_body,
    error_body,
    parse_request,
    public_headers,
    sha256_text,
    stream_chunks,
)

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True)
class LoggedRequest:
    """One request as the mock saw it, for tests and diagnostics. Never holds credentials."""

    method: str
    path: str
    headers: dict[str, str]  # lower-cased names, credentials removed
    content: bytes = field(repr=False)  # the body as sent
    status: int  # the status answered; 0 when a timeout was raised instead
    fault: Fault | None = None
    source: str | None = None  # "recorded" | "fixture" | "synthesized" for answers
    response: dict[str, Any] | None = None  # the chat.completion body answered, if any

    @functools.cached_property
    def body(self) -> dict[str, Any] | None:
        """The parsed JSON body, when it was a JSON object. Parsed when first read: a
        batch through the mock logs thousands of requests nobody reads."""
        try:
            body = json.loads(self.content)
        except ValueError:  # JSONDecodeError and UnicodeDecodeError alike
            return None
        return body if isinstance(body, dict) else None


class MockLLM:
    """An in-process OpenAI-compatible endpoint; ``handler`` answers one request.

    Raises ``FixtureError`` on construction when a fixture directory is unusable.
    ``sleep`` is how latency is waited for; tests pass a fake to observe it.
    """

    def __init__(self, settings: MockSettings, *, sleep: Sleep = asyncio.sleep) -> None:
        self.settings = settings
        self.fixtures = FixtureIndex.load(settings.fixture_dirs)
        self.requests: list[LoggedRequest] = []
        self.batches = BatchStore(settings)
        self._sleep = sleep
        # Transport attempts seen per (chunk sha256, re-ask index): the second part of the
        # attempt number, so a retry of the same request draws a new fault.
        self._attempts: Counter[tuple[str, int]] = Counter()
        # Requests answered per chunk sha256: the index of the recorded exchange to replay.
        self._replayed: Counter[str] = Counter()

    def client(self) -> httpx2.AsyncClient:
        """A fresh async client whose every request is answered by this mock."""
        return httpx2.AsyncClient(transport=httpx2.MockTransport(self.handler))

    async def handler(self, request: httpx2.Request, *, latency: bool = True) -> httpx2.Response:
        """Answer one request. Raises ``httpx2.ReadTimeout`` for an injected timeout, a
        recorded one, or latency beyond the request's read timeout. ``latency`` is off for
        a Batch API line: a batch is answered at once, its time is in the polls."""
        if self.batches.serves(request):
            response = await self.batches.handle(request, self._batch_line)
            self._log(request, response.status_code)
            return response
        if latency and self.settings.latency_s > 0 and not _streams(request):
            # A streamed answer's latency is spread over its pieces (see ``_ok``).
            limit = _read_timeout(request)
            if limit is not None and self.settings.latency_s > limit:
                await self._sleep(limit)
                self._log(request, 0)
                raise httpx2.ReadTimeout(
                    f"no answer within {limit:g} s (mock latency {self.settings.latency_s:g} s)",
                    request=request,
                )
            await self._sleep(self.settings.latency_s)
        if (
            self.settings.server is ServerKind.llamacpp
            and request.method == "GET"
            and request.url.path == "/props"
        ):
            self._log(request, 200)
            return httpx2.Response(200, json={"total_slots": self.settings.slots}, request=request)
        checked = _check(request)
        if isinstance(checked, httpx2.Response):
            self._log(request, checked.status_code)
            return checked
        chat, chunk, sha = checked
        refused = self._server_refusal(request, chat)
        if refused is not None:
            self._log(request, refused.status_code)
            return refused
        replayed = self._replay(request, chat, sha)
        if replayed is not None:
            return replayed
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
        return self._ok(request, chat, body)

    def _ok(
        self, request: httpx2.Request, chat: ChatRequest, body: dict[str, Any]
    ) -> httpx2.Response:
        """The answer ``body``; as server-sent events when the request asked for a stream.

        A stream's latency is spread evenly over its pieces, as a server writing token by
        token spends it: the request's read timeout then applies to the gap between two
        pieces, and only a gap longer than that is a timeout."""
        if chat.body.get("stream") is not True:  # the body parsed once, in _check
            return httpx2.Response(200, json=body, request=request)
        events = stream_chunks(body)
        gap = self.settings.latency_s / (len(events) + 1)
        return httpx2.Response(
            200,
            headers={"content-type": "text/event-stream"},
            stream=_EventStream(events, gap, _read_timeout(request), self._sleep, request),
            request=request,
        )

    async def _batch_line(self, request: httpx2.Request) -> httpx2.Response:
        return await self.handler(request, latency=False)

    def _server_refusal(self, request: httpx2.Request, chat: ChatRequest) -> httpx2.Response | None:
        """The error a llama.cpp server answers this request with, if any."""
        if self.settings.server is ServerKind.llamacpp and chat.object_tool_choice:
            message = 'Invalid tool_choice: only "none", "auto" and "required" are supported'
            return _error(request, 400, message, "invalid_request_error")
        limit = self.settings.context_tokens
        if limit is not None and chat.prompt_chars() // 4 > limit:
            message = "the request exceeds the available context size, try increasing it"
            return _error(request, 400, message, "exceed_context_size_error")
        return None

    def _replay(
        self, request: httpx2.Request, chat: ChatRequest, sha: str
    ) -> httpx2.Response | None:
        """The next recorded exchange for this chunk, when the fixture recorded them.

        Answers that fit the request's shape are replayed as-is; others are left to
        ``_answer``, which re-wraps them. Raises ``httpx2.ReadTimeout`` for a recorded one.
        """
        fixture = self.fixtures.find(chat.prompt_version or "", sha)
        if fixture is None or not fixture.exchanges:
            return None
        index = self._replayed[sha]
        self._replayed[sha] += 1
        if index >= len(fixture.exchanges):
            return None  # more requests than were recorded: answer as for any fixture
        exchange = fixture.exchanges[index]
        if exchange.timeout:
            self._log(request, 0, source="recorded")
            raise httpx2.ReadTimeout("recorded: no answer in time", request=request)
        body = exchange.body or {}
        if exchange.status != 200:
            self._log(request, exchange.status, source="recorded")
            return httpx2.Response(exchange.status, json=body, request=request)
        if fixture.shape_of(body) is not _answer_shape(self.settings, chat):
            claims = fixture.claims_of(body)
            if claims is not None:
                reply = Reply(text=json.dumps(claims, ensure_ascii=False))
                body = {
                    **completion_body(chat, reply, completion_id=str(body.get("id", "replayed"))),
                    "usage": body.get("usage"),
                }
        self._log(request, 200, source="recorded", response=body)
        return self._ok(request, chat, body)

    def _answer(
        self, chat: ChatRequest, chunk: str, fault: Fault | None, attempt: Attempt
    ) -> tuple[str, dict[str, Any]]:
        """(source, chat.completion body) for a request that gets an answer."""
        sha = sha256_text(chunk)
        fixture = self.fixtures.find(chat.prompt_version or "", sha)
        shape = _answer_shape(self.settings, chat)
        if (
            fixture is not None
            and fixture.response is not None
            and fault is None
            and fixture.response_shape() is shape
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
        reply = _within(reply, chat.max_tokens)
        digest = sha256_text(f"{sha}|{attempt.reask}|{attempt.transport}")
        completion_id = f"chatcmpl-mock{digest[:24]}"
        return source, completion_body(chat, reply, completion_id=completion_id, shape=shape)

    def _log(
        self,
        request: httpx2.Request,
        status: int,
        fault: Fault | None = None,
        source: str | None = None,
        response: dict[str, Any] | None = None,
    ) -> None:
        self.requests.append(
            LoggedRequest(
                method=request.method,
                path=request.url.path,
                headers=public_headers(request.headers),
                content=request.content,
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


def _answer_shape(settings: MockSettings, chat: ChatRequest) -> Shape:
    """Where the answer goes: the llama.cpp-like server answers a tools request in the
    content, as a fenced JSON block (what a small model there was seen to write)."""
    shape = chat.shape
    if settings.server is ServerKind.llamacpp and shape is Shape.tool_call:
        return Shape.md_json
    return shape


def _within(reply: Reply, max_tokens: int | None) -> Reply:
    """The reply cut off at ``max_tokens`` (4 characters a token), as a server does."""
    if max_tokens is None or reply.text is None or len(reply.text) // 4 <= max_tokens:
        return reply
    return Reply(text=reply.text[: max_tokens * 4], finish_reason="length")


class _EventStream(httpx2.AsyncByteStream):
    """``events`` as a ``text/event-stream`` body, ``gap`` seconds apart; a gap beyond the
    read timeout raises ``httpx2.ReadTimeout`` mid-answer, as a stalled server would."""

    def __init__(
        self,
        events: list[dict[str, Any]],
        gap: float,
        limit: float | None,
        sleep: Sleep,
        request: httpx2.Request,
    ) -> None:
        self._events = events
        self._gap = gap
        self._limit = limit
        self._sleep = sleep
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for event in [*self._events, None]:
            if self._gap > 0:
                if self._limit is not None and self._gap > self._limit:
                    await self._sleep(self._limit)
                    raise httpx2.ReadTimeout(
                        f"no piece of the answer within {self._limit:g} s", request=self._request
                    )
                await self._sleep(self._gap)
            data = "[DONE]" if event is None else json.dumps(event, ensure_ascii=False)
            yield f"data: {data}\n\n".encode()


def _streams(request: httpx2.Request) -> bool:
    """True for a chat request that asks for its answer as a stream."""
    if request.method != "POST" or b'"stream"' not in request.content:
        return False
    try:
        return json.loads(request.content).get("stream") is True
    except (ValueError, AttributeError):
        return False


def _read_timeout(request: httpx2.Request) -> float | None:
    timeout = request.extensions.get("timeout")
    value = timeout.get("read") if isinstance(timeout, dict) else None
    return float(value) if isinstance(value, int | float) else None


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
