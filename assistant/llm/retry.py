"""Transport retries: the one layer that retries 429s, 5xx, timeouts and dropped connections.

The openai SDK's own retries are off (``max_retries=0``) and instructor re-asks only on
invalid answers, so retries never multiply. A transport error reaches us wrapped in
instructor's ``InstructorRetryException``; ``transport_error`` unwraps it.

Waits honour the server's ``Retry-After`` (seconds or an HTTP date, capped), otherwise
back off exponentially with full jitter so parallel requests do not retry in lockstep.
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
    """The transient transport failure behind ``exc``, or ``None`` if ``exc`` is not one."""
    cause = exc.__cause__ if isinstance(exc, InstructorRetryException) else exc
    if isinstance(cause, openai.APIConnectionError):  # includes APITimeoutError
        return cause
    if isinstance(cause, openai.APIStatusError) and (
        cause.status_code in _RETRY_STATUSES
        or (cause.status_code >= 500 and cause.status_code not in _PERMANENT_5XX)
    ):
        return cause
    return None


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


async def with_transport_retries(
    call: Callable[[], Awaitable[T]],
    *,
    max_attempts: int,
    max_wait_s: float,
    sleep: Sleep,
    on_retry: Callable[[], None] = lambda: None,
) -> T:
    """Run ``call`` up to ``max_attempts`` times while it fails with a transport error.

    ``on_retry`` is called before each wait (to count retries). Any other exception, and
    the last transport error, propagate unchanged.
    """
    backoff = wait_random_exponential(multiplier=1, max=max_wait_s)

    def wait(state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        transport = transport_error(error) if error else None
        asked = retry_after_s(transport) if transport else None
        return min(asked, max_wait_s) if asked is not None else backoff(state)

    retrying = AsyncRetrying(
        stop=stop_after_attempt(max_attempts),
        retry=retry_if_exception(lambda exc: transport_error(exc) is not None),
        wait=wait,
        sleep=sleep,
        before_sleep=lambda _state: on_retry(),
        reraise=True,
    )
    return await retrying(call)
