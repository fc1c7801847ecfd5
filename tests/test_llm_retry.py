"""Transport retries: which errors are retried and how long to wait."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

import httpx2
import openai
import pytest
from instructor.core import InstructorRetryException

from assistant.llm.retry import retry_after_s, transport_error, with_transport_retries

REQUEST = httpx2.Request("POST", "http://llm.test/v1/chat/completions")


def status_error(code: int, headers: dict[str, str] | None = None) -> openai.APIStatusError:
    response = httpx2.Response(code, headers=headers or {}, request=REQUEST)
    return openai.APIStatusError(f"HTTP {code}", response=response, body=None)


def wrapped(cause: BaseException) -> InstructorRetryException:
    try:
        raise InstructorRetryException("failed", n_attempts=1, total_usage=0) from cause
    except InstructorRetryException as exc:
        return exc


@pytest.mark.parametrize("code", [408, 409, 429, 500, 502, 503, 504])
def test_rate_limits_and_server_errors_are_transient(code: int) -> None:
    error = status_error(code)
    assert transport_error(error) is error
    assert transport_error(wrapped(error)) is error


@pytest.mark.parametrize("code", [400, 401, 403, 404, 422, 501, 505])
def test_client_errors_and_permanent_server_errors_are_not_retried(code: int) -> None:
    assert transport_error(wrapped(status_error(code))) is None


def test_timeouts_and_connection_errors_are_transient() -> None:
    assert transport_error(wrapped(openai.APITimeoutError(request=REQUEST))) is not None
    assert transport_error(openai.APIConnectionError(request=REQUEST)) is not None
    assert transport_error(wrapped(ValueError("bad JSON"))) is None


def test_retry_after_in_seconds_milliseconds_or_as_a_date() -> None:
    assert retry_after_s(status_error(429, {"Retry-After": "3"})) == 3.0
    assert retry_after_s(status_error(429, {"retry-after-ms": "1500"})) == 1.5
    now = datetime(2026, 3, 4, 12, 0, 0, tzinfo=UTC)
    later = format_datetime(datetime(2026, 3, 4, 12, 0, 7, tzinfo=UTC), usegmt=True)
    assert retry_after_s(status_error(503, {"Retry-After": later}), now=now.timestamp()) == 7.0


def test_missing_or_unreadable_retry_after_is_none() -> None:
    assert retry_after_s(status_error(503)) is None
    assert retry_after_s(status_error(503, {"Retry-After": "soon"})) is None
    assert retry_after_s(openai.APITimeoutError(request=REQUEST)) is None


async def test_waits_honour_retry_after_then_back_off_with_jitter() -> None:
    failures = [
        status_error(429, {"Retry-After": "3"}),
        status_error(429, {"Retry-After": "60"}),
        status_error(503),
    ]
    sleeps: list[float] = []
    retries: list[int] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    async def call() -> str:
        if failures:
            raise wrapped(failures.pop(0))
        return "ok"

    result = await with_transport_retries(
        call, max_attempts=4, max_wait_s=60, sleep=sleep, on_retry=lambda: retries.append(1)
    )
    assert result == "ok"
    assert sleeps[:2] == [3.0, 60.0]
    assert 0 <= sleeps[2] <= 60
    assert len(retries) == 3


async def test_a_wait_longer_than_the_longest_is_not_retried_at_all() -> None:
    calls = 0

    async def sleep(_seconds: float) -> None:
        raise AssertionError("must not wait")

    async def call() -> str:
        nonlocal calls
        calls += 1
        raise status_error(429, {"Retry-After": "600"})

    with pytest.raises(openai.APIStatusError):
        await with_transport_retries(call, max_attempts=4, max_wait_s=60, sleep=sleep)
    assert calls == 1


@pytest.mark.parametrize(
    ("code", "headers", "body"),
    [
        (429, {"x-should-retry": "false"}, None),
        (503, {"x-should-retry": "false"}, None),
        (429, {}, {"code": "insufficient_quota", "type": "insufficient_quota"}),
    ],
)
def test_a_status_marked_not_to_retry_or_out_of_quota_is_not_transient(
    code: int, headers: dict[str, str], body: dict[str, str] | None
) -> None:
    response = httpx2.Response(code, headers=headers, request=REQUEST)
    error = openai.APIStatusError(f"HTTP {code}", response=response, body=body)
    assert transport_error(error) is None


async def test_attempts_are_bounded_and_the_last_error_propagates() -> None:
    calls = 0

    async def sleep(_seconds: float) -> None:
        return None

    async def call() -> str:
        nonlocal calls
        calls += 1
        raise wrapped(status_error(503))

    with pytest.raises(InstructorRetryException):
        await with_transport_retries(call, max_attempts=3, max_wait_s=60, sleep=sleep)
    assert calls == 3


async def test_other_errors_are_not_retried() -> None:
    calls = 0

    async def call() -> str:
        nonlocal calls
        calls += 1
        raise wrapped(status_error(401))

    async def sleep(_seconds: float) -> None:
        raise AssertionError("must not wait")

    with pytest.raises(InstructorRetryException):
        await with_transport_retries(call, max_attempts=4, max_wait_s=60, sleep=sleep)
    assert calls == 1
