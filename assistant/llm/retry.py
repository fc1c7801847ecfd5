"""Transport retries: the one layer that retries 429s, 5xx, timeouts and dropped connections.

The openai SDK's own retries are off (``max_retries=0``) and instructor re-asks only on
invalid answers, so retries never multiply. A transport error reaches us wrapped in
instructor's ``InstructorRetryException``; ``transport_error`` unwraps it.

Waits honour the server's ``Retry-After`` (seconds or an HTTP date), otherwise back off
exponentially with full jitter so parallel requests do not retry in lockstep. A server
that asks for a longer wait than we are willing to make, or that says ``x-should-retry:
false``, is not retried at all: a blind retry sooner than asked only earns another refusal.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from email.utils import parsedate_to_datetime
from typing import TypeVar

import openai
from instructor.core import InstructorRetryException
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, stop_after_attempt
from tenacity.wait import wait_random_exponential

T = TypeVar("T")

Sleep = Callable[[float], Awaitable[None]]

# The statuses worth another try: timeout, conflict, rate limit, and any server error.
_RETRY_STATUSES = frozenset({408, 409, 429})


# 501 Not Implemented and 505 HTTP Version Not Supported will not change on a retry.
_PERMANENT_5XX = frozenset({501, 505})


def transport_error(exc: BaseException) -> openai.APIError | None:
    """The transient transport failure behind ``exc``, or ``None`` if ``exc`` is not one.

    A status the server marks ``x-should-retry: false`` (OpenAI does on an exhausted
    quota) and a 429 ``insufficient_quota`` are not transient, whatever their status.
    """
    cause = exc.__cause__ if isinstance(exc, InstructorRetryException) else exc
    if isinstance(cause, openai.APIConnectionError):  # includes APITimeoutError
        return cause
    if (
        isinstance(cause, openai.APIStatusError)
        and (
            cause.status_code in _RETRY_STATUSES
            or (cause.status_code >= 500 and cause.status_code not in _PERMANENT_5XX)
        )
        and not said_not_to_retry(cause)
        and not out_of_quota(cause)
    ):
        return cause
    return None


def said_not_to_retry(error: openai.APIStatusError) -> bool:
    """True when the server answered ``x-should-retry: false`` (the openai SDK obeys it too)."""
    return error.response.headers.get("x-should-retry", "").strip().lower() == "false"


def out_of_quota(error: openai.APIStatusError) -> bool:
    """True for OpenAI's 429 ``insufficient_quota``: no retry helps until someone pays."""
    return error.status_code == 429 and "insufficient_quota" in (
        str(getattr(error, "code", None) or ""),
        str(getattr(error, "type", None) or ""),
    )


def retry_after_s(error: openai.APIError, now: float | None = None) -> float | None:
    """Seconds the server asked us to wait (``retry-after-ms`` or ``Retry-After``), if any."""
    response = getattr(error, "response", None)
    if response is None:
        return None
    headers = response.headers
    try:
        if (millis := headers.get("retry-after-ms")) is not None:
            return max(0.0, float(millis) / 1000)
        if (value := headers.get("retry-after")) is None:
            return None
        try:
            return max(0.0, float(value))
        except ValueError:
            moment = parsedate_to_datetime(value).timestamp()
            return max(0.0, moment - (time.time() if now is None else now))
    except (TypeError, ValueError):
        return None  # an unreadable header is treated as no header


def waits_too_long(error: openai.APIError, max_wait_s: float) -> bool:
    """True when the server asked for a longer wait than ``max_wait_s`` before a retry."""
    asked = retry_after_s(error)
    return asked is not None and asked > max_wait_s


async def with_transport_retries(
    call: Callable[[], Awaitable[T]],
    *,
    max_attempts: int,
    max_wait_s: float,
    sleep: Sleep,
    on_retry: Callable[[], None] = lambda: None,
) -> T:
    """Run ``call`` up to ``max_attempts`` times while it fails with a transport error.

    ``on_retry`` is called before each wait (to count retries). Any other exception, the
    last transport error, and one whose ``Retry-After`` is longer than ``max_wait_s``
    (see ``waits_too_long``) propagate unchanged.
    """
    backoff = wait_random_exponential(multiplier=1, max=max_wait_s)

    def wait(state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        transport = transport_error(error) if error else None
        asked = retry_after_s(transport) if transport else None
        return min(asked, max_wait_s) if asked is not None else backoff(state)

    def worth_retrying(exc: BaseException) -> bool:
        transport = transport_error(exc)
        return transport is not None and not waits_too_long(transport, max_wait_s)

    retrying = AsyncRetrying(
        stop=stop_after_attempt(max_attempts),
        retry=retry_if_exception(worth_retrying),
        wait=wait,
        sleep=sleep,
        before_sleep=lambda _state: on_retry(),
        reraise=True,
    )
    return await retrying(call)
