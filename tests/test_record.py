"""--record: fixtures written from a (fake) real endpoint, then replayed by the mock."""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx2
import instructor
import openai
import pytest

from assistant.llm import prompts
from assistant.llm.mock import MockLLM, MockSettings
from assistant.llm.record import RecordingTransport, fixture_name
from assistant.llm.schema import ClaimExtraction

KEY = "sk-live-DO-NOT-STORE-4242"
CHUNK = "Police said 2,417 people were evacuated from Fenholt on Monday."
SHA = hashlib.sha256(CHUNK.encode()).hexdigest()
HEADERS = {"X-Factcheck-Prompt-Version": prompts.PROMPT_VERSION}
ANSWER = {
    "claims": [{"quote": CHUNK, "statement": "2,417 people were evacuated.", "kind": "quantity"}]
}


class FakeEndpoint:
    """Stands in for a real server: answers in the shape asked, streams its body."""

    def __init__(self, *arguments: str) -> None:
        self.arguments = list(arguments) or [json.dumps(ANSWER)]
        self.seen_keys: list[str | None] = []

    async def handler(self, request: httpx2.Request) -> httpx2.Response:
        self.seen_keys.append(request.headers.get("authorization"))
        if request.url.path.endswith("/models"):
            return httpx2.Response(200, json={"object": "list", "data": []})
        body = json.loads(request.content)
        arguments = self.arguments.pop(0) if len(self.arguments) > 1 else self.arguments[0]
        function = {"name": body["tools"][0]["function"]["name"], "arguments": arguments}
        call = {"id": "call_real", "type": "function", "function": function}
        completion = {
            "id": f"chatcmpl-real-{len(self.seen_keys)}",
            "object": "chat.completion",
            "created": 1767225600,
            "model": "gpt-real",
            "system_fingerprint": "fp_real",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": None, "tool_calls": [call]},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 700, "completion_tokens": 60, "total_tokens": 760},
        }
        return httpx2.Response(200, content=_stream(json.dumps(completion).encode()))


async def _stream(data: bytes) -> AsyncIterator[bytes]:
    # A real network response arrives as a stream, not as ready bytes.
    for start in range(0, len(data), 64):
        yield data[start : start + 64]


def messages() -> list[Any]:
    user = prompts.user_message(CHUNK, outlet="Ledger", title=None, published=None, part=1, parts=1)
    return [
        {"role": "system", "content": prompts.system_message()},
        {"role": "user", "content": user},
    ]


def sdk(transport: httpx2.AsyncBaseTransport) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(
        api_key=KEY,
        base_url="http://real.invalid/v1",
        max_retries=0,
        default_headers={"api-key": KEY},  # as Azure sends it
        http_client=httpx2.AsyncClient(transport=transport),
    )


async def extract(
    transport: httpx2.AsyncBaseTransport,
    mode: instructor.Mode = instructor.Mode.TOOLS,
    max_retries: int = 1,
) -> ClaimExtraction:
    return await instructor.from_openai(sdk(transport), mode=mode).chat.completions.create(
        model="gpt-real",
        response_model=ClaimExtraction,
        messages=messages(),
        max_retries=max_retries,
        extra_headers=HEADERS,
    )


async def record(tmp_path: Path, endpoint: FakeEndpoint, **kwargs: Any) -> ClaimExtraction:
    transport = RecordingTransport(httpx2.MockTransport(endpoint.handler), tmp_path)
    return await extract(transport, **kwargs)


async def test_recording_writes_a_fixture_without_any_credential(tmp_path: Path) -> None:
    endpoint = FakeEndpoint()

    extraction = await record(tmp_path, endpoint)

    assert endpoint.seen_keys == [f"Bearer {KEY}"]  # the key did go to the endpoint
    assert extraction.model_dump() == ClaimExtraction.model_validate(ANSWER).model_dump()
    (path,) = tmp_path.iterdir()
    assert path.name == f"{SHA[:16]}-{prompts.PROMPT_VERSION}.json"
    text = path.read_text()
    assert KEY not in text
    assert "authorization" not in text.lower() and "api-key" not in text.lower()
    fixture = json.loads(text)
    assert fixture["format"] == "factcheck-fixture/1"
    assert fixture["match"] == {"prompt_version": prompts.PROMPT_VERSION, "text_sha256": SHA}
    assert fixture["request"] == {"model": "gpt-real", "messages": messages()}
    assert fixture["response"]["id"] == "chatcmpl-real-1"
    assert fixture["response"]["system_fingerprint"] == "fp_real"


async def test_mock_replays_the_recorded_response_as_is(tmp_path: Path) -> None:
    recorded = await record(tmp_path, FakeEndpoint())
    mock = MockLLM(MockSettings(fixture_dirs=[tmp_path]))

    replayed = await extract(httpx2.MockTransport(mock.handler))

    assert replayed.model_dump() == recorded.model_dump()
    (logged,) = mock.requests
    assert logged.source == "recorded" and logged.response is not None
    assert logged.response["id"] == "chatcmpl-real-1"
    assert logged.response["usage"]["total_tokens"] == 760


@pytest.mark.parametrize("mode", [instructor.Mode.JSON, instructor.Mode.MD_JSON])
async def test_a_recording_made_with_tools_replays_in_other_modes(
    tmp_path: Path, mode: instructor.Mode
) -> None:
    recorded = await record(tmp_path, FakeEndpoint())
    mock = MockLLM(MockSettings(fixture_dirs=[tmp_path]))

    replayed = await extract(httpx2.MockTransport(mock.handler), mode=mode)

    assert replayed.model_dump() == recorded.model_dump()
    assert mock.requests[0].source == "recorded"


async def test_after_a_reask_the_accepted_answer_is_the_one_kept(tmp_path: Path) -> None:
    endpoint = FakeEndpoint("{'claims': []}", json.dumps(ANSWER))

    await record(tmp_path, endpoint, max_retries=2)

    assert len(endpoint.seen_keys) == 2
    (path,) = tmp_path.iterdir()
    response = json.loads(path.read_text())["response"]
    assert response["id"] == "chatcmpl-real-2"


async def test_errors_are_recorded_as_exchanges_and_other_endpoints_not_at_all(
    tmp_path: Path,
) -> None:
    async def limited(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(
            429, headers={"Retry-After": "3"}, json={"error": {"message": "slow"}}
        )

    limited_sdk = sdk(RecordingTransport(httpx2.MockTransport(limited), tmp_path))
    with pytest.raises(openai.RateLimitError):
        await limited_sdk.chat.completions.create(
            model="gpt-real", messages=messages(), extra_headers=HEADERS
        )
    await sdk(
        RecordingTransport(httpx2.MockTransport(FakeEndpoint().handler), tmp_path)
    ).models.list()

    (path,) = tmp_path.iterdir()
    fixture = json.loads(path.read_text())
    assert "response" not in fixture  # no answer was recorded
    assert fixture["exchanges"] == [{"status": 429, "body": {"error": {"message": "slow"}}}]
    assert KEY not in path.read_text()


def test_fixture_name_is_safe_for_any_prompt_version() -> None:
    assert fixture_name(SHA, "extract/v2 beta") == f"{SHA[:16]}-extract_v2_beta.json"
