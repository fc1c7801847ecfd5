"""The LLM path on slow local servers and small models (issue 9), through the mock.

Real openai client, real instructor request building and parsing, our extractor; only
the HTTP transport is fake: the mock (``assistant.llm.mock``), behaving like llama.cpp's
server where that matters, or a scripted endpoint.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

import httpx2
import pytest
from llm_helpers import API_KEY, Endpoint, Sent, answer, article, claim, completion

from assistant.llm.extractor import LLMExtractor
from assistant.llm.mock import MockLLM, MockSettings
from assistant.llm.mock.fixtures import FIXTURE_FORMAT
from assistant.llm.mock.settings import ServerKind
from assistant.llm.prompts import PROMPT_VERSION
from assistant.llm.record import RecordingTransport
from assistant.llm.settings import LLMSettings
from assistant.model import ExtractionStatus, Grounding

TEXT = (
    "At least 1,200 people were evacuated and nearly 300 homes were flooded on Monday, "
    "the interior ministry said.\n\n"
    "The river could rise further overnight, forecasters warned.\n\n"
    "Rescuers reached 86 people stranded on rooftops."
)
EVACUATED = "At least 1,200 people were evacuated and nearly 300 homes were flooded on Monday"
RIVER = "The river could rise further overnight"
ROOFTOPS = "Rescuers reached 86 people stranded on rooftops."
INVENTED = "Rescuers reached 90 people stranded on rooftops."


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class Sleeps:
    """A sleep that takes no time, and the clock it moves on."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)

    def clock(self) -> float:
        return sum(self.waits)


def mock_extractor(
    mock_settings: MockSettings, **settings: Any
) -> tuple[LLMExtractor, MockLLM, Sleeps]:
    sleeps = Sleeps()
    mock = MockLLM(mock_settings, sleep=sleeps)
    values: dict[str, Any] = {
        "model": "small-model",
        "api_key": "not-needed",
        "base_url": "http://127.0.0.1:8080/v1",
        "probe_slots": False,  # its own test below; here only chat requests are counted
        **settings,
    }
    extractor = LLMExtractor(
        LLMSettings(**values), http_client=mock.client(), sleep=sleeps, clock=sleeps.clock
    )
    return extractor, mock, sleeps


def write_fixture(directory: Path, text: str, **payload: Any) -> None:
    fixture = {
        "format": FIXTURE_FORMAT,
        "match": {"prompt_version": PROMPT_VERSION, "text_sha256": sha(text)},
        **payload,
    }
    (directory / f"{sha(text)[:16]}.json").write_text(json.dumps(fixture))


def recorded(*claims: dict[str, Any], usage: tuple[int, int] = (500, 80)) -> dict[str, Any]:
    """A chat.completion body as a server would have sent it (a tool call)."""
    call = {
        "id": "call_1",
        "type": "function",
        "function": {"name": "ClaimExtraction", "arguments": json.dumps({"claims": list(claims)})},
    }
    return {
        "id": "chatcmpl-rec",
        "object": "chat.completion",
        "created": 0,
        "model": "small-model",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": None, "tool_calls": [call]},
            }
        ],
        "usage": {
            "prompt_tokens": usage[0],
            "completion_tokens": usage[1],
            "total_tokens": sum(usage),
        },
    }


# --------------------------------------------------------------------------- 1. modes


async def test_tools_mode_works_against_a_server_refusing_object_tool_choice() -> None:
    extractor, mock, _ = mock_extractor(MockSettings(server=ServerKind.llamacpp), mode="tools")

    first = await extractor.extract(article(TEXT))
    second = await extractor.extract(article(TEXT, id="a2"))

    assert first.status is ExtractionStatus.ok and second.status is ExtractionStatus.ok
    assert first.claims and all(c.grounding is not Grounding.ungrounded for c in first.claims)
    sent = [r.body["tool_choice"] if r.body else None for r in mock.requests]
    # Refused once, then the string form, remembered for the next article.
    assert (
        sent == [{"type": "function", "function": {"name": "ClaimExtraction"}}] + ["required"] * 2
    )
    assert [r.status for r in mock.requests] == [400, 200, 200]
    answered = mock.requests[1].response
    assert answered is not None
    message = answered["choices"][0]["message"]
    assert message.get("tool_calls") is None and message["content"].startswith("```json")
    assert first.usage.calls == 2  # the refused request is counted too


async def test_a_json_answer_in_content_is_used_in_tools_mode() -> None:
    text = json.dumps({"claims": [claim(RIVER)]})

    def reply(_sent: Sent) -> httpx2.Response:
        return completion({"role": "assistant", "content": f"Sure!\n```json\n{text}\n```"})

    endpoint = Endpoint([reply])
    extractor = LLMExtractor(
        LLMSettings(model="m", api_key=API_KEY, tool_choice="auto"),
        http_client=endpoint.client(),
    )
    result = await extractor.extract(article(TEXT))
    assert [c.quote for c in result.claims] == [RIVER]
    assert endpoint.requests[0].body["tool_choice"] == "auto"
    assert len(endpoint.requests) == 1


# --------------------------------------------------------------------------- 2. slow servers


async def test_latency_beyond_the_timeout_gives_two_requests_and_a_clear_reason() -> None:
    # Unstreamed: the whole answer must come within the read timeout.
    extractor, mock, sleeps = mock_extractor(
        MockSettings(latency_s=900), timeout_s=100, stream=False
    )

    result = await extractor.extract(article(TEXT))

    assert len(mock.requests) == 2
    assert sleeps.waits[0] == 100 and sleeps.waits[-1] == 200  # never the same short limit
    assert result.status is ExtractionStatus.failed
    assert result.error == (
        "no answer from http://127.0.0.1:8080 within 100 s nor, on the one retry, within "
        "200 s; a slow server needs a longer --timeout (or timeout_s for this endpoint)"
    )
    assert result.usage.calls == 2


async def test_a_loopback_server_gets_a_long_timeout_and_one_request_at_a_time() -> None:
    local = LLMSettings(model="m", base_url="http://localhost:8080/v1")
    remote = LLMSettings(model="m", base_url="https://llm.example.com/v1")
    assert (local.read_timeout_s, local.requests_in_flight) == (600, 1)
    assert (remote.read_timeout_s, remote.requests_in_flight) == (120, 4)
    assert LLMSettings(model="m", base_url="http://[::1]:8080/v1").loopback


async def test_the_slots_a_llamacpp_server_reports_set_the_requests_in_flight(
    caplog: pytest.LogCaptureFixture,
) -> None:
    text = "\n\n".join(f"Officials said {n * 7 + 11} homes were damaged." for n in range(30))
    extractor, mock, _ = mock_extractor(
        MockSettings(server=ServerKind.llamacpp, slots=3),
        probe_slots=True,
        chunk_chars=400,
        chunk_overlap=50,
    )
    with caplog.at_level(logging.INFO, logger="assistant.llm.extractor"):
        await extractor.extract(article(text))
        await extractor.extract(article(text, id="a2"))
    assert [r.path for r in mock.requests].count("/props") == 1  # asked once
    assert mock.requests[0].path == "/props"
    assert "http://127.0.0.1:8080 has 3 slots: 3 requests at once" in caplog.text
    assert extractor._limit._value == 3


async def test_a_server_without_props_keeps_one_request_at_a_time() -> None:
    extractor, mock, _ = mock_extractor(MockSettings(), probe_slots=True)
    result = await extractor.extract(article(TEXT))
    assert result.status is ExtractionStatus.ok
    assert mock.requests[0].status == 404
    assert extractor._limit._value == 1


async def test_finish_reason_length_leads_to_a_further_split() -> None:
    text = "\n\n".join(f"Officials said {n * 7 + 11} homes were damaged." for n in range(24))
    # About 5 claims fit in 600 tokens of answer: parts of more sentences are cut off.
    extractor, mock, _ = mock_extractor(
        MockSettings(), max_output_tokens=600, min_chunk_chars=100, chunk_overlap=50
    )

    result = await extractor.extract(article(text))

    sizes = [len(r.body["messages"][-1]["content"]) for r in mock.requests if r.body]
    assert len(mock.requests) > 3  # the first part and its halves were cut off: split again
    assert sizes[0] == max(sizes)
    cut = [r for r in mock.requests if r.response and r.response["choices"][0]["finish_reason"]]
    assert any(r.response["choices"][0]["finish_reason"] == "length" for r in cut if r.response)
    assert result.status is ExtractionStatus.ok, result.error
    assert len({c.quantity.value for c in result.claims if c.quantity}) == 24


async def test_a_part_cut_off_at_the_floor_keeps_what_the_answer_finished() -> None:
    extractor, _, _ = mock_extractor(MockSettings(), max_output_tokens=256, min_chunk_chars=5000)
    long_text = " ".join(f"Officials said {n} homes were damaged in Ward {n}." for n in range(80))

    result = await extractor.extract(article(long_text))

    assert result.status is ExtractionStatus.partial
    assert result.error is not None and result.error.startswith("cut off: ")
    assert "may hold more" in result.error
    assert 0 < len(result.claims) < 80  # the claims written before the cap, checked
    assert all(long_text[c.span.start : c.span.end] == c.quote for c in result.claims if c.span)


async def test_a_context_overflow_splits_the_part() -> None:
    text = "\n\n".join(f"Officials said {n * 7 + 11} homes were damaged." for n in range(40))
    extractor, mock, _ = mock_extractor(MockSettings(context_tokens=1200))

    result = await extractor.extract(article(text))

    assert mock.requests[0].status == 400
    assert result.status is ExtractionStatus.ok, result.error
    assert len(result.claims) == 40


# --------------------------------------------------------------------------- 3. the schema


async def test_a_null_value_costs_one_figure_not_the_article(tmp_path: Path) -> None:
    figures = [{"value": None, "text": None}, {"value": 300, "text": "nearly 300"}]
    write_fixture(
        tmp_path,
        TEXT,
        answer={
            "claims": [
                claim(EVACUATED, quantities=figures),
                claim(RIVER, quantity={"value": None}),
                claim(ROOFTOPS, quantity={"value": 86}),
            ]
        },
    )
    extractor, mock, _ = mock_extractor(MockSettings(fixture_dirs=[tmp_path]))

    result = await extractor.extract(article(TEXT))

    assert result.status is ExtractionStatus.ok and len(mock.requests) == 1
    assert [(c.quote, c.quantity.value if c.quantity else None) for c in result.claims] == [
        (EVACUATED, 300),
        (RIVER, None),
        (ROOFTOPS, 86),
    ]
    assert result.claims[0].quantity is not None
    assert result.claims[0].quantity.bound.value == "about"  # "nearly", read from the text
    assert sum("not read, dropped" in w for w in result.warnings) == 2


# --------------------------------------------------------------------------- 4. re-asks


async def test_a_reask_is_smaller_than_the_first_request_and_names_only_failing_claims(
    tmp_path: Path,
) -> None:
    write_fixture(
        tmp_path,
        TEXT,
        answer={
            "claims": [
                claim(EVACUATED, statement="STATEMENT-ONE"),
                claim(RIVER, statement="STATEMENT-TWO"),
                claim(INVENTED, statement="STATEMENT-BAD"),
            ]
        },
    )
    extractor, mock, _ = mock_extractor(MockSettings(fixture_dirs=[tmp_path]), max_reasks=1)

    result = await extractor.extract(article(TEXT))

    first, reask = (r.body for r in mock.requests)
    assert first is not None and reask is not None
    assert len(json.dumps(reask)) < len(json.dumps(first))
    listed = reask["messages"][-1]["content"].split("<<<ARTICLE")[0]
    assert "STATEMENT-BAD" in listed and INVENTED in listed
    assert "STATEMENT-ONE" not in listed and "STATEMENT-TWO" not in listed
    assert reask["temperature"] > first["temperature"]  # not the same answer again
    assert mock.requests[1].headers["x-factcheck-reask"] == "1"
    assert [c.grounding for c in result.claims] == [
        Grounding.exact,
        Grounding.exact,
        Grounding.ungrounded,
    ]
    assert result.usage.calls == 2 and result.usage.retries == 1


async def test_the_best_answer_is_kept_not_the_last(tmp_path: Path) -> None:
    good = recorded(claim(EVACUATED), claim(RIVER), claim(ROOFTOPS), claim(INVENTED))
    worse = recorded(claim("Rescuers reached 95 people."))
    write_fixture(
        tmp_path,
        TEXT,
        response=worse,
        exchanges=[{"status": 200, "body": good}, {"status": 200, "body": worse}],
    )
    extractor, mock, _ = mock_extractor(
        MockSettings(fixture_dirs=[tmp_path]), mode="tools", max_reasks=1
    )

    result = await extractor.extract(article(TEXT))

    assert len(mock.requests) == 2
    grounded = [c.quote for c in result.claims if c.grounding is not Grounding.ungrounded]
    assert grounded == [EVACUATED, RIVER, ROOFTOPS]  # the first answer's, not the last one's


async def test_quote_matching_folds_straight_and_curly_quotes() -> None:
    text = "The mayor called it \u201ca disaster\u201d and said it\u2019s not over."
    quote = "The mayor called it 'a disaster' and said it's not over."
    endpoint = Endpoint([answer(claim(quote))])
    extractor = LLMExtractor(LLMSettings(model="m", api_key=API_KEY), http_client=endpoint.client())
    result = await extractor.extract(article(text))
    assert len(endpoint.requests) == 1
    assert [c.grounding for c in result.claims] == [Grounding.normalized]


async def test_verbose_logging_shows_each_reask(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_fixture(tmp_path, TEXT, answer={"claims": [claim(RIVER), claim(INVENTED)]})
    extractor, _, _ = mock_extractor(MockSettings(fixture_dirs=[tmp_path]), max_reasks=2)
    with caplog.at_level(logging.INFO, logger="assistant.llm.extractor"):
        await extractor.extract(article(TEXT))
    reasks = [r.getMessage() for r in caplog.records if "re-ask" in r.getMessage()]
    assert [m.split(": ")[1] for m in reasks] == ["re-ask 1 of 2", "re-ask 2 of 2"]
    assert all("1 claim(s) failed" in m for m in reasks)


# --------------------------------------------------------------------------- 5. usage


async def test_usage_on_replay_equals_usage_at_record(tmp_path: Path) -> None:
    def hang(_sent: Sent) -> httpx2.Response:
        raise httpx2.ReadTimeout("slow")

    endpoint = Endpoint(
        [
            hang,
            answer(claim(RIVER), claim(INVENTED), usage=(900, 120)),
            answer(claim(INVENTED), usage=(400, 40)),
            answer(claim(ROOFTOPS), usage=(410, 30)),
        ]
    )
    settings = LLMSettings(model="small-model", base_url="http://127.0.0.1:8080/v1", max_reasks=2)
    live = LLMExtractor(
        settings,
        http_client=httpx2.AsyncClient(
            transport=RecordingTransport(httpx2.MockTransport(endpoint._handle), tmp_path)
        ),
        sleep=(sleeps := Sleeps()),
        clock=sleeps.clock,
    )
    at_record = await live.extract(article(TEXT))

    replay, mock, _ = mock_extractor(MockSettings(fixture_dirs=[tmp_path]), max_reasks=2)
    on_replay = await replay.extract(article(TEXT))

    assert len(mock.requests) == len(endpoint.requests) == 4
    assert at_record.usage.calls == 4 and at_record.usage.prompt_tokens == 1710
    fields = ("calls", "retries", "prompt_tokens", "completion_tokens")
    assert [getattr(on_replay.usage, f) for f in fields] == [
        getattr(at_record.usage, f) for f in fields
    ]
    assert [c.quote for c in on_replay.claims] == [c.quote for c in at_record.claims]
    assert [c.quote for c in at_record.claims] == [RIVER, ROOFTOPS]


async def test_parts_refused_at_the_same_time_move_on_to_required_only() -> None:
    text = "\n\n".join(f"Officials said {n * 7 + 11} homes were damaged." for n in range(30))
    extractor, mock, _ = mock_extractor(
        MockSettings(server=ServerKind.llamacpp), concurrency=4, chunk_chars=400, chunk_overlap=50
    )
    result = await extractor.extract(article(text))
    assert result.status is ExtractionStatus.ok
    sent = {json.dumps(r.body["tool_choice"]) for r in mock.requests if r.body}
    assert json.dumps("auto") not in sent and json.dumps("required") in sent


# --------------------------------------------------------------------------- 6. hybrid


async def test_hybrid_adds_what_the_model_missed_and_flags_a_differing_figure(
    tmp_path: Path,
) -> None:
    from assistant.llm.hybrid import HybridExtractor

    write_fixture(
        tmp_path,
        TEXT,
        answer={
            "claims": [
                # States 1,200 but misses the 300 homes; names no source.
                claim(EVACUATED, quantities=[{"value": 1200, "text": "At least 1,200"}]),
                # A figure that is not the number of its quote.
                claim(ROOFTOPS, quantity={"value": 68, "text": "68"}),
            ]
        },
    )
    model, _, _ = mock_extractor(MockSettings(fixture_dirs=[tmp_path]))
    hybrid = HybridExtractor(model)

    result = await hybrid.extract(article(TEXT))

    assert result.extractor == "llm+rules"
    figures = sorted(c.quantity.value for c in result.claims if c.quantity)
    assert figures == [68, 86, 300, 1200]
    assert "figure 'nearly 300' found by rule, not by the model" in result.warnings
    assert any("'68' of the model is not the number its quote states" in w for w in result.warnings)
    evacuated = next(c for c in result.claims if c.quantity and c.quantity.value == 1200)
    assert "source 'the interior ministry' found by rule, not by the model" in result.warnings
    assert [s.name for s in evacuated.attribution if s.role.value == "original"] == [
        "the interior ministry"
    ]


def test_hybrid_takes_a_percentage_and_its_fraction_for_the_same_figure() -> None:
    from assistant.llm.hybrid import cross_check
    from assistant.model import Claim, ClaimKind, Quantity, Span

    text = "By Tuesday about half had been reconnected."
    span = Span(start=0, end=len(text))
    at = Span(start=11, end=21)

    def one(value: float, unit: str) -> Claim:
        figure = Quantity(value=value, unit=unit, text="about half", span=at)
        return Claim(
            id="a#1",
            article_id="a",
            quote=text,
            span=span,
            statement=text,
            kind=ClaimKind.quantity,
            quantity=figure,
        )

    claims, warnings = cross_check(article(text), [one(50, "percent")], [one(0.5, "fraction")])
    assert len(claims) == 1 and warnings == []


async def test_a_reask_that_fails_keeps_the_claims_already_checked() -> None:
    def broken(_sent: Sent) -> httpx2.Response:
        return httpx2.Response(400, json={"error": {"message": "bad request"}})

    endpoint = Endpoint([answer(claim(RIVER), claim(INVENTED)), broken])
    extractor = LLMExtractor(
        LLMSettings(model="m", api_key=API_KEY, max_reasks=2), http_client=endpoint.client()
    )
    result = await extractor.extract(article(TEXT))
    assert len(endpoint.requests) == 2
    assert result.status is ExtractionStatus.ok
    assert [c.quote for c in result.claims] == [RIVER, INVENTED]
    assert result.claims[1].grounding is Grounding.ungrounded
    assert any(w.startswith("re-ask 1 got no answer (") for w in result.warnings)


async def test_a_timeout_with_no_retry_allowed_still_says_how_long_it_waited() -> None:
    extractor, mock, _ = mock_extractor(
        MockSettings(latency_s=900), timeout_s=100, max_attempts=1, stream=False
    )
    result = await extractor.extract(article(TEXT))
    assert len(mock.requests) == 1
    assert result.error == (
        "no answer from http://127.0.0.1:8080 within 100 s; a slow server needs a longer "
        "--timeout (or timeout_s for this endpoint)"
    )
