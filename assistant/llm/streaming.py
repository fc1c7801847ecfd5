"""Streamed answers: read token by token, put back together as one chat completion.

A local CPU server may take many minutes to write an answer. Asked for a stream, it sends
each token as it is written, so the read timeout measures the gap between two tokens
rather than the whole answer, and the editor sees the answer grow. The pieces are put
back together by the openai SDK's own accumulator (``ChatCompletionStreamState``), so a
streamed answer reaches the rest of the extractor as the same ``ChatCompletion`` an
unstreamed one does: content, tool calls, finish reason, refusal and usage.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterable, Callable, Iterable
from typing import Any

from openai.lib.streaming.chat import ChatCompletionStreamState
from openai.types.chat import (
    ChatCompletion,
    ChatCompletionChunk,
    ChatCompletionStreamOptionsParam,
)

# Asked of the server with every streamed request: the last event carries the usage,
# so a streamed answer is counted like any other.
STREAM_OPTIONS: ChatCompletionStreamOptionsParam = {"include_usage": True}

OnPiece = Callable[[int], None]  # called with the pieces (about tokens) received so far


class NotStreamed(Exception):
    """The server answered a request for a stream with no event in it: it does not stream."""


async def read_stream(
    chunks: AsyncIterable[ChatCompletionChunk], on_piece: OnPiece
) -> ChatCompletion:
    """The completion ``chunks`` add up to; ``on_piece`` after each piece of the answer.

    Raises ``NotStreamed`` when there is no chunk at all, and ``ValueError`` when the
    stream ends before the answer says why it ended (no finish reason): a cut connection.
    """
    state = ChatCompletionStreamState()
    pieces = 0
    seen = False
    async for chunk in chunks:
        state.handle_chunk(chunk)
        seen = True
        if _writes(chunk):
            pieces += 1
            on_piece(pieces)
    if not seen:
        raise NotStreamed("the server sent no event stream")
    return ChatCompletion.model_validate(_completion(state))


def completion_from_events(body: bytes) -> dict[str, Any]:
    """The ``chat.completion`` body an event stream (``text/event-stream``) adds up to,
    as JSON: what ``--record`` keeps of a streamed answer.

    Raises ``ValueError`` when the stream holds no chunk, one that is not JSON, or ends
    with no finish reason."""
    state = ChatCompletionStreamState()
    seen = False
    for data in _event_data(body.decode("utf-8")):
        if data == "[DONE]":
            break
        state.handle_chunk(ChatCompletionChunk.model_validate(json.loads(data)))
        seen = True
    if not seen:
        raise ValueError("the event stream holds no chunk")
    return _completion(state)


def _completion(state: ChatCompletionStreamState) -> dict[str, Any]:
    """The accumulated answer as a plain ``chat.completion`` body. Read from the SDK's
    snapshot, not its final ``parse``: that refuses an answer cut off at max_tokens,
    which the extractor handles itself (it splits the part)."""
    completion = state.current_completion_snapshot.model_dump(mode="json", exclude_none=True)
    for choice in completion.get("choices", []):
        if choice.get("finish_reason") is None:
            raise ValueError("the stream ended before the answer did (no finish reason)")
        message = choice.get("message", {})
        message.pop("parsed", None)  # what the SDK's parse helpers add: not on the wire
        for call in message.get("tool_calls", []):
            call.get("function", {}).pop("parsed_arguments", None)
    completion["object"] = "chat.completion"
    return completion


def _event_data(text: str) -> Iterable[str]:
    """The ``data:`` payloads of a server-sent event stream, in order."""
    for event in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line[5:].lstrip() for line in event.split("\n") if line.startswith("data:")]
        if lines:
            yield "\n".join(lines)


def _writes(chunk: ChatCompletionChunk) -> bool:
    """True when the chunk adds to the answer (text, tool arguments or a refusal)."""
    for choice in chunk.choices:
        delta = choice.delta
        if delta.content or delta.refusal:
            return True
        if any(call.function and call.function.arguments for call in delta.tool_calls or ()):
            return True
    return False
