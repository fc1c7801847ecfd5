"""Just enough of the chat-completions wire format for the openai SDK and instructor.

Reading a request: which answer shape it asks for (tool call, JSON content, fenced JSON),
which article chunk it is about, which prompt version sent it, and how many re-asks deep
it is. Writing a response: a ``chat.completion`` body, or an OpenAI-style error body.
Shared by the mock transport and the recorder.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from assistant.llm.prompts import ARTICLE_CLOSE, ARTICLE_OPEN, find_article_chunk, nonce

PROMPT_VERSION_HEADER = "X-Factcheck-Prompt-Version"
REASK_HEADER = "X-Factcheck-Reask"
CHAT_PATH_SUFFIX = "/chat/completions"
# Headers that carry credentials: never logged, never written to a fixture.
SECRET_HEADERS = frozenset({"authorization", "api-key", "openai-api-key", "proxy-authorization"})


class Shape(StrEnum):
    """Where the answer goes in the response, decided by the instructor mode of the request."""

    tool_call = "tool_call"  # Mode.TOOLS: a call to tools[0]
    json = "json"  # Mode.JSON / JSON_SCHEMA: plain JSON in message.content
    md_json = "md_json"  # Mode.MD_JSON: JSON in a ```json fence in message.content


@dataclass(frozen=True)
class ChatRequest:
    """What the mock needs to know about one chat-completions request."""

    body: dict[str, Any]
    prompt_version: str | None
    chunk: str | None  # the article chunk between the delimiters, verbatim
    reask: int | None = None  # the extractor's re-ask header, when sent

    @property
    def text_sha256(self) -> str | None:
        return None if self.chunk is None else sha256_text(self.chunk)

    @property
    def model(self) -> str:
        return str(self.body.get("model", ""))

    @property
    def reask_index(self) -> int:
        """Which re-ask this is: the extractor's header, else the prior assistant messages
        (instructor's own re-asks append one per failed answer)."""
        if self.reask is not None:
            return self.reask
        return sum(1 for m in _messages(self.body) if m.get("role") == "assistant")

    @property
    def object_tool_choice(self) -> bool:
        """True when tool_choice is the object form naming a function (OpenAI's)."""
        return isinstance(self.body.get("tool_choice"), dict)

    @property
    def max_tokens(self) -> int | None:
        value = self.body.get("max_completion_tokens", self.body.get("max_tokens"))
        return value if isinstance(value, int) and value > 0 else None

    @property
    def shape(self) -> Shape:
        if self.body.get("tools"):
            return Shape.tool_call
        response_format = self.body.get("response_format")
        if isinstance(response_format, dict) and response_format.get("type") in (
            "json_object",
            "json_schema",
        ):
            return Shape.json
        # MD_JSON sends no response_format and asks for a fence in the prompt. Only the
        # prompt is searched: an article that happens to contain ```json must not decide.
        prompt = "\n".join(_without_article(_text(m.get("content"))) for m in _messages(self.body))
        return Shape.md_json if "```json" in prompt else Shape.json

    @property
    def tool_name(self) -> str:
        tools = self.body.get("tools") or [{}]
        return str(tools[0].get("function", {}).get("name", "ClaimExtraction"))

    def prompt_chars(self) -> int:
        return sum(len(_text(m.get("content"))) for m in _messages(self.body))


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_request(body: bytes, headers: Mapping[str, str]) -> ChatRequest:
    """Read a chat-completions request body and its (case-insensitive) headers.

    Raises ``ValueError`` when the body is not a JSON object.
    """
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ValueError(f"request body is not JSON: {err}") from None
    if not isinstance(data, dict):
        raise ValueError("request body is not a JSON object")
    reask = headers.get(REASK_HEADER)
    return ChatRequest(
        body=data,
        prompt_version=headers.get(PROMPT_VERSION_HEADER),
        chunk=last_article_chunk(data),
        reask=int(reask) if reask is not None and reask.isdigit() else None,
    )


def last_article_chunk(body: dict[str, Any]) -> str | None:
    """The chunk in the last user message that carries one (re-asks append messages after it)."""
    for message in reversed(_messages(body)):
        if message.get("role") == "user":
            chunk = find_article_chunk(_text(message.get("content")))
            if chunk is not None:
                return chunk
    return None


def public_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """Request headers without credentials, lower-cased, for logs and assertions."""
    return {k.lower(): v for k, v in headers.items() if k.lower() not in SECRET_HEADERS}


@dataclass(frozen=True)
class Reply:
    """An answer before it is wrapped into the shape the request asked for."""

    text: str | None  # the JSON (or broken JSON) the model "wrote"; None for a refusal
    finish_reason: str = "stop"
    refusal: str | None = None


def completion_body(
    request: ChatRequest, reply: Reply, *, completion_id: str, shape: Shape | None = None
) -> dict[str, Any]:
    """A ``chat.completion`` body carrying ``reply`` in the request's shape (or ``shape``).

    ``created`` is 0 and ids derive from ``completion_id`` so that two runs are identical.
    """
    shape = shape or request.shape
    message: dict[str, Any] = {"role": "assistant", "content": None, "refusal": reply.refusal}
    if reply.text is not None:
        if shape is Shape.tool_call:
            message["tool_calls"] = [
                {
                    "id": f"call_{completion_id[-24:]}",
                    "type": "function",
                    "function": {"name": request.tool_name, "arguments": reply.text},
                }
            ]
        elif shape is Shape.md_json:
            message["content"] = f"```json\n{reply.text}\n```"
        else:
            message["content"] = reply.text
    completion_tokens = len(reply.text or reply.refusal or "") // 4
    prompt_tokens = request.prompt_chars() // 4
    return {
        "id": completion_id,
        "object": "chat.completion",
        "created": 0,
        "model": request.model,
        "choices": [
            {"index": 0, "message": message, "finish_reason": reply.finish_reason, "logprobs": None}
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def error_body(message: str, *, type_: str, code: str | None = None) -> dict[str, Any]:
    """The error envelope OpenAI uses; the SDK reads ``error.message`` into the exception."""
    return {"error": {"message": message, "type": type_, "param": None, "code": code}}


def _messages(body: dict[str, Any]) -> list[dict[str, Any]]:
    messages = body.get("messages")
    return [m for m in messages if isinstance(m, dict)] if isinstance(messages, list) else []


def _text(content: Any) -> str:
    """Message content as text: a string, or the text parts of a content-part list."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(str(part.get("text", "")) for part in content if isinstance(part, dict))
    return ""


def _without_article(text: str) -> str:
    chunk = find_article_chunk(text)
    if chunk is None:
        return text
    tag = nonce(chunk)
    block = f"{ARTICLE_OPEN.format(nonce=tag)}\n{chunk}\n{ARTICLE_CLOSE.format(nonce=tag)}"
    return text.replace(block, "")


# How many pieces the mock cuts a streamed answer into at most: enough for a timeout
# between two of them to be tested, few enough to keep a big batch fast.
STREAM_PIECES = 8


def stream_chunks(body: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``chat.completion.chunk`` events a server streams for the completion ``body``:
    the answer's text (or tool arguments) in up to ``STREAM_PIECES`` pieces, then the
    finish reason, then the usage (as ``stream_options.include_usage`` asks)."""
    head = {k: body.get(k) for k in ("id", "created", "model")} | {
        "object": "chat.completion.chunk"
    }
    choice = (body.get("choices") or [{}])[0]
    message = choice.get("message") or {}
    deltas: list[dict[str, Any]] = [{"role": "assistant"}]
    if message.get("refusal"):
        deltas.append({"refusal": message["refusal"]})
    for n, call in enumerate(message.get("tool_calls") or []):
        function = call.get("function") or {}
        first = {"index": n, "id": call.get("id"), "type": "function"}
        deltas.append(
            {"tool_calls": [first | {"function": {"name": function.get("name"), "arguments": ""}}]}
        )
        deltas.extend(
            {"tool_calls": [{"index": n, "function": {"arguments": piece}}]}
            for piece in _pieces(function.get("arguments") or "")
        )
    deltas.extend({"content": piece} for piece in _pieces(message.get("content") or ""))
    events = [head | {"choices": [{"index": 0, "delta": d, "finish_reason": None}]} for d in deltas]
    finish = {"index": 0, "delta": {}, "finish_reason": choice.get("finish_reason", "stop")}
    events.append(head | {"choices": [finish]})
    if body.get("usage") is not None:
        events.append(head | {"choices": [], "usage": body["usage"]})
    return events


def _pieces(text: str) -> list[str]:
    size = max(1, -(-len(text) // STREAM_PIECES))
    return [text[i : i + size] for i in range(0, len(text), size)]
