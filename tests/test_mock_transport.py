"""The mock chat-completions endpoint, driven by the real openai client and instructor."""

from __future__ import annotations

import asyncio
import hashlib
import json
from pathlib import Path
from typing import Any

import httpx2
import instructor
import openai
import pytest
from openai.types.chat import ChatCompletion

from assistant.llm import prompts
from assistant.llm.mock import MockLLM, MockSettings, build_mock_client, parse_latency
from assistant.llm.schema import ClaimExtraction

CHUNK = (
    "Police said 2,417 people were evacuated from Fenholt on Monday.\n\n"
    "About 300 homes were damaged, the interior ministry told Reuters. "
    "The figures could not be independently verified."
)
HEADERS = {"X-Factcheck-Prompt-Version": prompts.PROMPT_VERSION}
ANSWER = {
    "claims": [
        {
            "quote": "Police said 2,417 people were evacuated from Fenholt on Monday.",
            "statement": "2,417 people were evacuated from Fenholt on Monday.",
            "kind": "quantity",
            "metric": "people evacuated",
            "quantity": {"value": 2417, "bound": "exact", "unit": "people", "text": "2,417"},
            "period": "on Monday",
            "source": "Police",
        }
    ]
}
MODES = [
    instructor.Mode.TOOLS,
    instructor.Mode.JSON,
    instructor.Mode.JSON_SCHEMA,
    instructor.Mode.MD_JSON,
]


def messages(chunk: str) -> list[Any]:
    user = prompts.user_message(
        chunk, outlet="Northern Ledger", title="Floods", published=None, part=1, parts=1
    )
    return [
        {"role": "system", "content": prompts.system_message()},
        {"role": "user", "content": user},
    ]


def mock_client(settings: MockSettings | None = None) -> httpx2.AsyncClient:
    """The client the pipeline builds for --llm mock."""
    client, _ = build_mock_client(settings or MockSettings())
    return client


def sdk(client: httpx2.AsyncClient) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(
        api_key="test", base_url="http://mock.invalid/v1", max_retries=0, http_client=client
    )


async def complete(mock: MockLLM, chunk: str = CHUNK) -> ChatCompletion:
    return await sdk(mock.client()).chat.completions.create(
        model="mock-model", messages=messages(chunk), extra_headers=HEADERS
    )


async def extract(client: httpx2.AsyncClient, mode: instructor.Mode) -> ClaimExtraction:
    structured = instructor.from_openai(sdk(client), mode=mode)
    return await structured.chat.completions.create(
        model="mock-model",
        response_model=ClaimExtraction,
        messages=messages(CHUNK),
        max_retries=1,
        extra_headers=HEADERS,
    )


def fixture_dir(tmp_path: Path, **payload: Any) -> Path:
    fixture = {
        "format": "factcheck-fixture/1",
        "match": {
            "prompt_version": prompts.PROMPT_VERSION,
            "text_sha256": hashlib.sha256(CHUNK.encode()).hexdigest(),
        },
        **payload,
    }
    (tmp_path / "fenholt.json").write_text(json.dumps(fixture), encoding="utf-8")
    return tmp_path


# --------------------------------------------------------------------------- answers


@pytest.mark.parametrize("mode", MODES)
async def test_fixture_answer_is_returned_in_every_mode(
    tmp_path: Path, mode: instructor.Mode
) -> None:
    client = mock_client(MockSettings(fixture_dirs=[fixture_dir(tmp_path, answer=ANSWER)]))

    extraction = await extract(client, mode)

    assert extraction.model_dump() == ClaimExtraction.model_validate(ANSWER).model_dump()


@pytest.mark.parametrize(
    ("mode", "shape"),
    [
        (instructor.Mode.TOOLS, "tool call"),
        (instructor.Mode.JSON, "json"),
        (instructor.Mode.JSON_SCHEMA, "json"),
        (instructor.Mode.MD_JSON, "fenced json"),
    ],
)
async def test_answer_takes_the_shape_the_mode_asks_for(
    tmp_path: Path, mode: instructor.Mode, shape: str
) -> None:
    mock = MockLLM(MockSettings(fixture_dirs=[fixture_dir(tmp_path, answer=ANSWER)]))

    await extract(mock.client(), mode)

    (logged,) = mock.requests
    assert logged.source == "fixture" and logged.response is not None
    message = logged.response["choices"][0]["message"]
    if shape == "tool call":
        assert message["content"] is None
        (call,) = message["tool_calls"]
        assert call["function"]["name"] == "ClaimExtraction"
        assert json.loads(call["function"]["arguments"]) == ANSWER
    elif shape == "fenced json":
        assert "tool_calls" not in message
        fence, body, close = message["content"].split("\n")
        assert (fence, close) == ("```json", "```")
        assert json.loads(body) == ANSWER
    else:
        assert "tool_calls" not in message
        assert json.loads(message["content"]) == ANSWER


async def test_recorded_response_is_replayed_as_is(tmp_path: Path) -> None:
    recorded = {
        "id": "chatcmpl-recorded-1",
        "object": "chat.completion",
        "created": 1767225600,
        "model": "gpt-real",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": json.dumps(ANSWER)},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 812, "completion_tokens": 95, "total_tokens": 907},
    }
    mock = MockLLM(MockSettings(fixture_dirs=[fixture_dir(tmp_path, response=recorded)]))

    completion = await complete(mock)

    assert completion.id == "chatcmpl-recorded-1"
    assert completion.model == "gpt-real"
    assert completion.usage is not None and completion.usage.total_tokens == 907
    assert json.loads(completion.choices[0].message.content or "") == ANSWER
    assert mock.requests[-1].source == "recorded"


async def test_without_fixture_the_answer_is_synthesized_schema_valid_and_repeatable() -> None:
    first = await complete(MockLLM(MockSettings()))
    second = await complete(MockLLM(MockSettings()))

    assert first.model_dump() == second.model_dump()
    extraction = ClaimExtraction.model_validate_json(first.choices[0].message.content or "")
    assert extraction.claims, "the offline extractor finds the evacuation figure"
    assert all(claim.quote in CHUNK for claim in extraction.claims)
    assert any("2,417" in claim.quote for claim in extraction.claims)


async def test_synthesized_answer_goes_through_instructor_in_every_mode() -> None:
    results = [await extract(mock_client(), mode) for mode in MODES]

    assert results[0].claims
    assert all(result.model_dump() == results[0].model_dump() for result in results)


async def test_an_article_quoting_a_json_fence_does_not_change_the_shape() -> None:
    chunk = "The leaked memo began with ```json and a list of 40 names."
    mock = MockLLM(MockSettings())

    completion = await complete(mock, chunk)

    content = completion.choices[0].message.content or ""
    assert not content.startswith("```")
    ClaimExtraction.model_validate_json(content)


async def test_a_fixture_for_another_prompt_version_is_not_used(tmp_path: Path) -> None:
    directory = fixture_dir(tmp_path, answer={"claims": []})
    fixture = json.loads((directory / "fenholt.json").read_text())
    fixture["match"]["prompt_version"] = "extract-v0"
    (directory / "fenholt.json").write_text(json.dumps(fixture))
    mock = MockLLM(MockSettings(fixture_dirs=[directory]))

    await complete(mock)

    assert mock.requests[-1].source == "synthesized"


# --------------------------------------------------------------------------- protocol


async def test_completion_is_deterministic_and_counts_tokens() -> None:
    completion = await complete(MockLLM(MockSettings()))

    assert completion.created == 0
    assert completion.model == "mock-model"
    assert completion.id.startswith("chatcmpl-mock")
    assert completion.choices[0].finish_reason == "stop"
    usage = completion.usage
    assert usage is not None
    prompt_chars = sum(len(m["content"]) for m in messages(CHUNK))
    assert usage.prompt_tokens == prompt_chars // 4
    assert usage.completion_tokens == len(completion.choices[0].message.content or "") // 4
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens


async def test_request_log_shows_what_was_sent_without_credentials() -> None:
    mock = MockLLM(MockSettings())
    client = openai.AsyncOpenAI(
        api_key="sk-very-secret",
        base_url="http://mock.invalid/v1",
        max_retries=0,
        http_client=mock.client(),
    )

    await client.chat.completions.create(
        model="mock-model", messages=messages(CHUNK), extra_headers=HEADERS
    )

    (logged,) = mock.requests
    assert logged.method == "POST" and logged.path == "/v1/chat/completions"
    assert logged.body is not None and logged.body["messages"] == messages(CHUNK)
    assert logged.headers["x-factcheck-prompt-version"] == prompts.PROMPT_VERSION
    assert "authorization" not in logged.headers
    assert "sk-very-secret" not in repr(mock.requests)


async def test_other_endpoints_are_not_found() -> None:
    with pytest.raises(openai.NotFoundError, match="mock serves only POST /chat/completions"):
        await sdk(mock_client()).models.list()


async def test_a_request_without_credentials_is_unauthorized() -> None:
    async with mock_client() as client:
        response = await client.post(
            "http://mock.invalid/v1/chat/completions",
            json={"model": "m", "messages": messages(CHUNK)},
            headers=HEADERS,
        )

    assert response.status_code == 401
    assert response.json()["error"]["message"] == "no API key provided"


async def test_a_request_without_prompt_version_is_a_bad_request() -> None:
    with pytest.raises(openai.BadRequestError, match="missing X-Factcheck-Prompt-Version"):
        await sdk(mock_client()).chat.completions.create(
            model="mock-model", messages=messages(CHUNK)
        )


async def test_a_request_without_article_block_is_a_bad_request() -> None:
    with pytest.raises(openai.BadRequestError, match="no <<<ARTICLE nonce>>>"):
        await sdk(mock_client()).chat.completions.create(
            model="mock-model",
            messages=[{"role": "user", "content": CHUNK}],
            extra_headers=HEADERS,
        )


# --------------------------------------------------------------------------- latency


async def test_latency_is_waited_before_every_answer() -> None:
    waits: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        waits.append(seconds)

    mock = MockLLM(MockSettings(latency_s=parse_latency("200ms")), sleep=fake_sleep)

    await asyncio.gather(complete(mock), complete(mock, CHUNK + " More to follow."))

    assert waits == [0.2, 0.2]


async def test_no_latency_means_no_wait() -> None:
    waits: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        waits.append(seconds)

    await complete(MockLLM(MockSettings(), sleep=fake_sleep))

    assert waits == []
