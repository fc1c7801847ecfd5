"""Injected faults: each reaches the real openai SDK / instructor as a real failure would."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
from typing import Any

import instructor
import openai
import pytest
from instructor.core import IncompleteOutputException, InstructorRetryException

from assistant.llm import prompts
from assistant.llm.mock import Fault, FaultSpec, MockLLM, MockSettings
from assistant.llm.mock.faults import REFUSAL_TEXT, Attempt, choose_fault
from assistant.llm.schema import ClaimExtraction

CHUNK = (
    "Police said 2,417 people were evacuated from Fenholt on Monday.\n\n"
    "About 300 homes were damaged, the interior ministry told Reuters."
)
SHA = hashlib.sha256(CHUNK.encode()).hexdigest()
HEADERS = {"X-Factcheck-Prompt-Version": prompts.PROMPT_VERSION}


def messages(chunk: str) -> list[Any]:
    user = prompts.user_message(chunk, outlet=None, title=None, published=None, part=1, parts=1)
    return [
        {"role": "system", "content": prompts.system_message()},
        {"role": "user", "content": user},
    ]


def always(fault: Fault) -> MockLLM:
    return MockLLM(MockSettings(faults=FaultSpec({fault: 1.0})))


def sdk(mock: MockLLM) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(
        api_key="test", base_url="http://mock.invalid/v1", max_retries=0, http_client=mock.client()
    )


async def complete(mock: MockLLM, chunk: str = CHUNK) -> Any:
    return await sdk(mock).chat.completions.create(
        model="mock-model", messages=messages(chunk), extra_headers=HEADERS
    )


async def extract(mock: MockLLM, *, max_retries: int = 1) -> ClaimExtraction:
    structured = instructor.from_openai(sdk(mock), mode=instructor.Mode.TOOLS)
    return await structured.chat.completions.create(
        model="mock-model",
        response_model=ClaimExtraction,
        messages=messages(CHUNK),
        max_retries=max_retries,
        extra_headers=HEADERS,
    )


def seed_where(*wanted: tuple[Attempt, Fault | None], spec: FaultSpec) -> int:
    """The first seed whose draws give ``wanted``: tests pin a scenario, not a lucky seed."""
    for seed in range(10_000):
        if all(choose_fault(spec, seed, SHA, attempt) is fault for attempt, fault in wanted):
            return seed
    raise AssertionError("no seed gives that scenario")


# --------------------------------------------------------------------------- transport faults


async def test_rate_limit_is_a_429_with_retry_after() -> None:
    with pytest.raises(openai.RateLimitError) as caught:
        await complete(always(Fault.rate_limit))

    assert caught.value.status_code == 429
    assert caught.value.response.headers["Retry-After"] == "1"
    assert caught.value.code == "rate_limit_exceeded"


async def test_server_errors_alternate_500_and_503() -> None:
    mock = always(Fault.server_error)
    statuses = []
    for _ in range(2):
        with pytest.raises(openai.InternalServerError) as caught:
            await complete(mock)
        statuses.append(caught.value.status_code)

    assert statuses == [500, 503]
    assert [r.status for r in mock.requests] == [500, 503]


async def test_timeout_is_an_api_timeout_error() -> None:
    mock = always(Fault.timeout)

    with pytest.raises(openai.APITimeoutError):
        await complete(mock)

    assert [(r.status, r.fault) for r in mock.requests] == [(0, Fault.timeout)]


# --------------------------------------------------------------------------- answer faults


async def test_bad_json_is_not_json_and_fails_validation() -> None:
    completion = await complete(always(Fault.bad_json))
    with pytest.raises(json.JSONDecodeError):
        json.loads(completion.choices[0].message.content)

    with pytest.raises(InstructorRetryException, match="Invalid JSON"):
        await extract(always(Fault.bad_json))


async def test_schema_fault_is_valid_json_missing_a_required_quote() -> None:
    completion = await complete(always(Fault.schema))
    answer = json.loads(completion.choices[0].message.content)
    assert "quote" not in answer["claims"][0]

    with pytest.raises(InstructorRetryException, match=r"claims\.0\.quote\s+Field required"):
        await extract(always(Fault.schema))


async def test_ungrounded_fault_changes_one_quote_so_it_is_not_in_the_article() -> None:
    clean = await extract(MockLLM(MockSettings()))
    spoilt = await extract(always(Fault.ungrounded))

    assert clean.claims[0].quote in CHUNK
    assert spoilt.claims[0].quote not in CHUNK
    assert spoilt.claims[0].statement == clean.claims[0].statement
    assert spoilt.claims[1:] == clean.claims[1:]


async def test_ungrounded_fault_on_an_empty_answer_adds_a_quote_not_in_the_article() -> None:
    chunk = "The council meets again next week."
    completion = await complete(always(Fault.ungrounded), chunk)

    (claim,) = json.loads(completion.choices[0].message.content)["claims"]
    assert claim["quote"] not in chunk


async def test_truncate_cuts_the_json_and_reports_length() -> None:
    completion = await complete(always(Fault.truncate))
    assert completion.choices[0].finish_reason == "length"
    with pytest.raises(json.JSONDecodeError):
        json.loads(completion.choices[0].message.content)

    with pytest.raises(IncompleteOutputException):
        await extract(always(Fault.truncate))


async def test_refusal_sets_message_refusal_and_no_answer() -> None:
    completion = await complete(always(Fault.refusal))
    message = completion.choices[0].message
    assert (message.refusal, message.content, message.tool_calls) == (REFUSAL_TEXT, None, None)

    with pytest.raises(InstructorRetryException, match="Unable to generate a response"):
        await extract(always(Fault.refusal))


# --------------------------------------------------------------------------- attempts


async def test_a_retried_request_draws_again_and_can_succeed() -> None:
    spec = FaultSpec({Fault.rate_limit: 0.5})
    seed = seed_where((Attempt(0, 0), Fault.rate_limit), (Attempt(0, 1), None), spec=spec)
    mock = MockLLM(MockSettings(faults=spec, seed=seed))

    with pytest.raises(openai.RateLimitError):
        await complete(mock)
    completion = await complete(mock)

    assert completion.choices[0].finish_reason == "stop"


async def test_a_reask_draws_again_and_can_succeed() -> None:
    spec = FaultSpec({Fault.bad_json: 0.5})
    seed = seed_where((Attempt(0, 0), Fault.bad_json), (Attempt(1, 0), None), spec=spec)
    mock = MockLLM(MockSettings(faults=spec, seed=seed))

    extraction = await extract(mock, max_retries=2)

    assert extraction.claims
    assert [r.fault for r in mock.requests] == [Fault.bad_json, None]
    assert mock.requests[1].body is not None
    assert [m["role"] for m in mock.requests[1].body["messages"]].count("assistant") == 1


async def test_faults_depend_on_the_chunk_not_on_the_order_of_requests() -> None:
    spec = FaultSpec.parse("rate_limit=0.25,bad_json=0.25,truncate=0.25")
    chunks = [f"{n * 100 + 17} people were evacuated from district {n}." for n in range(12)]

    async def faults_by_chunk(order: list[str], *, concurrently: bool) -> dict[str, Fault | None]:
        mock = MockLLM(MockSettings(faults=spec, seed=7))
        calls = [complete(mock, chunk) for chunk in order]
        if concurrently:
            await asyncio.gather(*calls, return_exceptions=True)
        else:
            for call in calls:
                with contextlib.suppress(openai.RateLimitError):
                    await call
        return {_chunk(r.body): r.fault for r in mock.requests if r.body is not None}

    in_order = await faults_by_chunk(chunks, concurrently=False)
    reversed_and_concurrent = await faults_by_chunk(chunks[::-1], concurrently=True)

    assert in_order == reversed_and_concurrent
    assert len(set(in_order.values())) >= 3, "the spec gives a mix of faults over 12 chunks"


async def test_the_seed_changes_which_chunks_get_faults() -> None:
    spec = FaultSpec({Fault.truncate: 0.5})
    draws = {
        seed: [choose_fault(spec, seed, f"{n:064x}", Attempt(0, 0)) for n in range(16)]
        for seed in (1, 2)
    }
    assert draws[1] != draws[2]


def _chunk(body: dict[str, Any]) -> str:
    chunk = prompts.find_article_chunk(body["messages"][-1]["content"])
    assert chunk is not None
    return chunk
