"""A scripted OpenAI-compatible endpoint for the LLM extractor tests.

The real openai client and instructor run; only the HTTP transport is fake. Each request
gets the next reply of the script (the last reply repeats), and every request is recorded
so tests can assert on what was actually sent.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx2

from assistant.llm.extractor import LLMExtractor
from assistant.llm.mock.wire import stream_chunks
from assistant.llm.prompts import find_article_chunk
from assistant.llm.settings import LLMSettings
from assistant.model import Article

API_KEY = "sk-test-0123456789abcdefSECRET"


@dataclass
class Sent:
    """One request the extractor sent."""

    headers: httpx2.Headers
    body: dict[str, Any]
    read_timeout: float | None = None

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list(self.body["messages"])

    @property
    def chunk(self) -> str | None:
        """The article text between the delimiters of the last user message that has one."""
        for message in reversed(self.messages):
            if message["role"] == "user" and isinstance(message.get("content"), str):
                found = find_article_chunk(message["content"])
                if found is not None:
                    return found
        return None

    @property
    def reasks(self) -> int:
        """Which re-ask this request is (0 for the first ask), from the extractor's header."""
        return int(self.headers.get("x-factcheck-reask", "0"))

    @property
    def size(self) -> int:
        """Characters of message text sent: what a re-ask must keep smaller."""
        return sum(len(str(m.get("content") or "")) for m in self.messages)


Reply = Callable[[Sent], httpx2.Response]


@dataclass
class Endpoint:
    """Answers request n with ``script[n]`` (the last entry repeats); an answer asked for
    as a stream comes as server-sent events, as a server sends it, unless ``streams`` is
    off (a server that ignores ``"stream"``)."""

    script: list[Reply]
    requests: list[Sent] = field(default_factory=list)
    streams: bool = True

    def client(self) -> httpx2.AsyncClient:
        return httpx2.AsyncClient(transport=httpx2.MockTransport(self._handle))

    def _handle(self, request: httpx2.Request) -> httpx2.Response:
        timeout = request.extensions.get("timeout", {})
        sent = Sent(
            headers=request.headers,
            body=json.loads(request.content),
            read_timeout=timeout.get("read"),
        )
        self.requests.append(sent)
        reply = self.script[min(len(self.requests), len(self.script)) - 1]
        response = reply(sent)
        streamed = self.streams and sent.body.get("stream") and response.status_code == 200
        if not streamed or "json" not in response.headers.get("content-type", ""):
            return response
        events = [json.dumps(e) for e in stream_chunks(json.loads(response.content))]
        body = "".join(f"data: {e}\n\n" for e in [*events, "[DONE]"])
        return httpx2.Response(200, headers={"content-type": "text/event-stream"}, text=body)


def claim(quote: str, **fields: Any) -> dict[str, Any]:
    """One claim as a model would write it."""
    return {"quote": quote, "statement": fields.pop("statement", quote), **fields}


def answer(
    *claims: dict[str, Any],
    finish_reason: str = "stop",
    usage: tuple[int, int] = (100, 20),
    raw: str | None = None,
) -> Reply:
    """A successful completion holding ``claims`` (or the ``raw`` text), in the shape the
    request asks for: a tool call, JSON content, or JSON fenced in markdown."""

    def reply(sent: Sent) -> httpx2.Response:
        text = raw if raw is not None else json.dumps({"claims": list(claims)})
        if sent.body.get("tools"):
            name = sent.body["tools"][0]["function"]["name"]
            message: dict[str, Any] = {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": "call_1",
                        "type": "function",
                        "function": {"name": name, "arguments": text},
                    }
                ],
            }
        elif sent.body.get("response_format"):
            message = {"role": "assistant", "content": text}
        else:
            message = {"role": "assistant", "content": f"Here you are:\n```json\n{text}\n```"}
        return completion(message, finish_reason=finish_reason, usage=usage)

    return reply


def for_each_chunk(build: Callable[[str], list[dict[str, Any]]]) -> Reply:
    """An answer computed from the chunk the request carries."""

    def reply(sent: Sent) -> httpx2.Response:
        assert sent.chunk is not None, "request without an article chunk"
        return answer(*build(sent.chunk))(sent)

    return reply


def refusal(text: str = "I'm sorry, but I can't help with that.") -> Reply:
    def reply(_sent: Sent) -> httpx2.Response:
        return completion({"role": "assistant", "content": None, "refusal": text})

    return reply


def status(code: int, headers: dict[str, str] | None = None, message: str = "try later") -> Reply:
    def reply(_sent: Sent) -> httpx2.Response:
        body = {"error": {"message": message, "type": "server_error", "code": None}}
        return httpx2.Response(code, headers=headers or {}, json=body)

    return reply


def completion(
    message: dict[str, Any], *, finish_reason: str = "stop", usage: tuple[int, int] = (100, 20)
) -> httpx2.Response:
    prompt, completion_tokens = usage
    return httpx2.Response(
        200,
        json={
            "id": "chatcmpl-test",
            "object": "chat.completion",
            "created": 0,
            "model": "test-model",
            "choices": [{"index": 0, "finish_reason": finish_reason, "message": message}],
            "usage": {
                "prompt_tokens": prompt,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt + completion_tokens,
            },
        },
    )


@dataclass
class Harness:
    """An extractor wired to a scripted endpoint, recording the waits it asked for."""

    endpoint: Endpoint
    extractor: LLMExtractor
    sleeps: list[float]


def harness(*script: Reply, **settings: Any) -> Harness:
    endpoint = Endpoint(list(script))
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)  # no time passes, but the extractor's clock moves on

    def clock() -> float:
        return sum(sleeps)

    values: dict[str, Any] = {"model": "test-model", "api_key": API_KEY, **settings}
    extractor = LLMExtractor(
        LLMSettings(**values), http_client=endpoint.client(), sleep=sleep, clock=clock
    )
    return Harness(endpoint, extractor, sleeps)


def article(text: str, **fields: Any) -> Article:
    values: dict[str, Any] = {"id": "a1", "outlet": "Daily Planet", "source": "test", **fields}
    return Article(text=text, **values)
