"""``--record DIR``: write a fixture for every chat completion a real endpoint returns.

``RecordingTransport`` wraps the transport of the client the LLM extractor uses. Each
successful chat-completions response is written as a fixture (see
``assistant.llm.mock.fixtures``) that mock mode replays for the same prompt version and
chunk. A fixture holds the request's model and messages and the response body - never a
header, so never an API key. Every exchange about a chunk is kept in order (answers,
error statuses, timeouts: the first ask, its retries, its re-asks), so that a replay
sends the extractor through the same attempts and counts the same usage; ``response``
is the last answer. A streamed answer is passed on to the client as it arrives and
recorded as the completion its events add up to.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx2
from pydantic import ValidationError

from assistant.llm.mock.fixtures import FIXTURE_FORMAT, Exchange, FixtureFile, FixtureMatch
from assistant.llm.mock.wire import CHAT_PATH_SUFFIX, ChatRequest, parse_request
from assistant.llm.streaming import completion_from_events
from assistant.redact import redact

log = logging.getLogger(__name__)


class RecordingTransport(httpx2.AsyncBaseTransport):
    """Forwards every request to ``inner``; records chat completions into ``out_dir``."""

    def __init__(self, inner: httpx2.AsyncBaseTransport, out_dir: Path) -> None:
        self._inner = inner
        self._out_dir = out_dir
        # What this run saw per (prompt version, chunk sha256), in order.
        self._exchanges: dict[tuple[str, str], list[Exchange]] = {}
        self._last: dict[tuple[str, str], tuple[ChatRequest, dict[str, object]]] = {}

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        """Forward ``request``; errors of the inner transport propagate unchanged (a
        timeout is recorded first).

        A response that cannot be recorded (not a chat completion, not JSON, a request
        without prompt version or article block) is returned as it is, with a warning.
        Raises ``OSError`` when the fixture cannot be written: a recording run that
        silently records nothing would be worse than one that stops.
        """
        chat = await self._chat(request)
        try:
            response = await self._inner.handle_async_request(request)
        except httpx2.TimeoutException:
            if chat is not None:
                self._add(chat, Exchange(status=0, timeout=True))
            raise
        if chat is None:
            return response
        if chat.body.get("stream") and response.status_code == 200:
            # Passed on piece by piece as it arrives; recorded whole once it has.
            return httpx2.Response(
                response.status_code,
                headers=[
                    (k, v)
                    for k, v in response.headers.multi_items()
                    if k.lower() not in ("content-length", "content-encoding")
                ],
                stream=_Teed(response, lambda body: self._add_streamed(chat, body)),
                request=request,
                extensions=response.extensions,
            )
        await response.aread()  # buffered: the client reads the same bytes afterwards
        try:
            body = json.loads(response.content)
        except (ValueError, UnicodeDecodeError) as err:
            log.warning("not recorded: %s", err)
            return response
        if not isinstance(body, dict):
            log.warning("not recorded: the response is not a JSON object")
            return response
        try:
            self._add(chat, Exchange(status=response.status_code, body=body))
        except ValidationError as err:
            log.warning("not recorded: the response is not a chat completion: %s", err)
        return response

    async def _chat(self, request: httpx2.Request) -> ChatRequest | None:
        """The chat request to record, or None (with a warning when it cannot be)."""
        if not _is_chat_completion(request):
            return None
        await request.aread()
        try:
            chat = parse_request(request.content, request.headers)
        except (ValueError, UnicodeDecodeError) as err:
            log.warning("not recorded: %s", err)
            return None
        if chat.prompt_version is None or chat.text_sha256 is None:
            log.warning("not recorded: request has no prompt version or no article block")
            return None
        return chat

    def _add_streamed(self, chat: ChatRequest, events: bytes | None) -> None:
        """Record a streamed answer as the completion its events add up to (``None``: it
        stopped arriving, a timeout), so it replays streamed or not."""
        if events is None:
            self._add(chat, Exchange(status=0, timeout=True))
            return
        try:
            body = completion_from_events(events)
        except (ValueError, UnicodeDecodeError, ValidationError) as err:
            log.warning("not recorded: the event stream is no chat completion: %s", err)
            return
        self._add(chat, Exchange(status=200, body=body))

    def _add(self, chat: ChatRequest, exchange: Exchange) -> None:
        assert chat.prompt_version is not None and chat.text_sha256 is not None
        key = (chat.prompt_version, chat.text_sha256)
        self._exchanges.setdefault(key, []).append(exchange)
        if exchange.status == 200 and exchange.body is not None:
            self._last[key] = (chat, exchange.body)
        self._write(chat, key)

    async def aclose(self) -> None:
        await self._inner.aclose()

    def _write(self, chat: ChatRequest, key: tuple[str, str]) -> Path:
        assert chat.prompt_version is not None and chat.text_sha256 is not None
        answered = self._last.get(key)
        fixture = FixtureFile(
            format=FIXTURE_FORMAT,
            match=FixtureMatch(prompt_version=chat.prompt_version, text_sha256=chat.text_sha256),
            # Only what a reader needs to see what was asked: never headers.
            request={
                "model": (answered[0] if answered else chat).model,
                "messages": (answered[0] if answered else chat).body.get("messages", []),
            },
            response=answered[1] if answered else None,
            exchanges=self._exchanges[key],
        )
        path = self._out_dir / fixture_name(chat.text_sha256, chat.prompt_version)
        # An error body may echo the key or the Authorization header (gateways do).
        text = redact(fixture.model_dump_json(indent=2, exclude_defaults=True))
        _write_atomically(path, text + "\n")
        log.info("recorded %s", path)
        return path


class _Teed(httpx2.AsyncByteStream):
    """The body of ``response`` passed on as it arrives; ``done`` gets what arrived once
    the client is done with it (a client stops reading at the stream's last event, so
    that is when it closes), or ``None`` when it stopped arriving in time."""

    def __init__(self, response: httpx2.Response, done: Callable[[bytes | None], None]) -> None:
        self._response = response
        self._done: Callable[[bytes | None], None] | None = done
        self._pieces: list[bytes] = []

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for piece in self._response.aiter_bytes():
                self._pieces.append(piece)
                yield piece
        except httpx2.TimeoutException:
            self._report(None)
            raise
        self._report(b"".join(self._pieces))

    async def aclose(self) -> None:
        self._report(b"".join(self._pieces))
        await self._response.aclose()

    def _report(self, body: bytes | None) -> None:
        done, self._done = self._done, None
        if done is not None:
            done(body)


def fixture_name(text_sha256: str, prompt_version: str) -> str:
    """``<text_sha256[:16]>-<prompt_version>.json``, the version made safe for a filename."""
    return f"{text_sha256[:16]}-{re.sub(r'[^A-Za-z0-9._-]', '_', prompt_version)}.json"


def _is_chat_completion(request: httpx2.Request) -> bool:
    return request.method == "POST" and request.url.path.endswith(CHAT_PATH_SUFFIX)


def _write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file so an interrupted run never leaves half a fixture."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
