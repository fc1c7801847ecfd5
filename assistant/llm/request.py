"""The arguments of one chat-completions request, as instructor builds them for the mode.

instructor's ``handle_response_model`` regenerates the output schema (pydantic's
``model_json_schema``) on every call: 8 ms a request, which on a batch of 500 short
articles at concurrency 32 was more CPU than the whole latency-bound run has. What it
builds depends on the mode, the model and the roles of the messages, never on their
text, except that some modes append their instructions to a message's text. So it is
asked once per (mode, model, roles) with placeholder texts, and each request fills in
its own texts, temperature and token limit. ``tests/test_llm_request.py`` holds the
result to instructor's own for every mode.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import instructor
from instructor.processing.response import handle_response_model
from openai.types.chat import ChatCompletionMessageParam

from assistant.llm.schema import ClaimExtraction

__all__ = ["request_arguments"]

# Stands for message n's text; no article or prompt holds NUL characters (ingest strips
# control characters), so a placeholder is never confused with real text.
_PLACEHOLDER = "\x00message {}\x00"


def request_arguments(
    mode: instructor.Mode,
    messages: Sequence[ChatCompletionMessageParam],
    *,
    model: str,
    temperature: float,
    max_tokens: int,
) -> dict[str, Any]:
    """What instructor's ``handle_response_model(ClaimExtraction, ...)`` gives for these
    arguments: the ``create()`` keyword arguments (the schema as a tool, a response
    format or instructions, per mode). The schema parts are shared between requests:
    read them, never change them."""
    texts = [m.get("content") for m in messages]
    if not all(isinstance(t, str) and "\x00" not in t for t in texts):
        # Not text, or holding what a placeholder is made of: as instructor builds it.
        _, built = handle_response_model(
            ClaimExtraction,
            mode=mode,
            messages=list(messages),
            model=model,
            temperature=temperature,
            max_tokens=max_tokens,
        )
        return built
    template = _template(mode, model, tuple(str(m["role"]) for m in messages))
    arguments = dict(template)
    arguments["messages"] = [_filled(m, texts) for m in template["messages"]]
    arguments["temperature"] = temperature
    arguments["max_tokens"] = max_tokens
    return arguments


@functools.lru_cache(maxsize=32)
def _template(mode: instructor.Mode, model: str, roles: tuple[str, ...]) -> dict[str, Any]:
    placeholders: list[Any] = [
        {"role": role, "content": _PLACEHOLDER.format(n)} for n, role in enumerate(roles)
    ]
    # temperature and max_tokens go through unchanged: these are stand-ins.
    _, arguments = handle_response_model(
        ClaimExtraction,
        mode=mode,
        messages=placeholders,
        model=model,
        temperature=0.0,
        max_tokens=1,
    )
    return arguments


def _filled(message: dict[str, Any], texts: Sequence[object]) -> dict[str, Any]:
    content = message.get("content")
    if not isinstance(content, str):
        return dict(message)
    for n, text in enumerate(texts):
        content = content.replace(_PLACEHOLDER.format(n), str(text))
    return {**message, "content": content}
