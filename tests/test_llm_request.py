"""Request arguments built once per shape are instructor's own, in every mode."""

from __future__ import annotations

from typing import Any

import instructor
import pytest
from instructor.processing.response import handle_response_model

from assistant.llm.prompts import again_message, system_message, user_message
from assistant.llm.request import request_arguments
from assistant.llm.schema import ClaimExtraction

ARTICLE = "More than 1,000 people were evacuated on Monday, the ministry said. {{ 7*7 }} {% x"


def _messages(extra: bool) -> list[Any]:
    messages: list[Any] = [
        {"role": "system", "content": system_message()},
        {"role": "user", "content": user_message(ARTICLE, outlet="Post", title=None,
                                                 published=None, part=1, parts=1)},
    ]  # fmt: skip
    if extra:
        messages.append({"role": "user", "content": again_message("it was not JSON")})
    return messages


@pytest.mark.parametrize(
    "mode",
    [
        instructor.Mode.TOOLS,
        instructor.Mode.JSON,
        instructor.Mode.JSON_SCHEMA,
        instructor.Mode.MD_JSON,
    ],
)
@pytest.mark.parametrize("extra", [False, True])
@pytest.mark.parametrize(("temperature", "max_tokens"), [(0.0, 800), (0.4, 3000)])
def test_the_arguments_are_instructors_own(
    mode: instructor.Mode, extra: bool, temperature: float, max_tokens: int
) -> None:
    messages = _messages(extra)
    _, expected = handle_response_model(
        ClaimExtraction, mode=mode, messages=messages, model="m",
        temperature=temperature, max_tokens=max_tokens,
    )  # fmt: skip
    for _ in range(2):  # built, then from the cached template
        got = request_arguments(
            mode, messages, model="m", temperature=temperature, max_tokens=max_tokens
        )
        assert got == expected


def test_a_text_holding_a_nul_is_built_by_instructor_itself() -> None:
    messages = _messages(False)
    messages[1]["content"] += "\x00message 0\x00"
    _, expected = handle_response_model(
        ClaimExtraction, mode=instructor.Mode.JSON, messages=messages, model="m",
        temperature=0.0, max_tokens=10,
    )  # fmt: skip
    got = request_arguments(
        instructor.Mode.JSON, messages, model="m", temperature=0.0, max_tokens=10
    )
    assert got == expected
