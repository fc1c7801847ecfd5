"""A pause every request of a run keeps: when the endpoint answers 429 Too Many Requests,
every request slows down, not only the one that was told.

A 429 is about the client's rate, not about one request: the others about to be sent
would only earn 429s of their own, each retried and each counted against the account's
limit. So the run holds every request not yet sent until the time the server asked for
(``Retry-After``), or for ``DEFAULT_PAUSE_S`` when it named none. The request that got
the 429 waits for its own retry as before (``retry.with_transport_retries``); both wait
for the same moment, so it does not wait twice.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

__all__ = ["DEFAULT_PAUSE_S", "SharedPause"]

# A 429 that names no wait: a second, about what the openai SDK itself waits first.
DEFAULT_PAUSE_S = 1.0


class SharedPause:
    """The moment before which no request is sent; ``hold`` moves it later, ``wait``
    waits for it. ``sleep`` and ``clock`` are injectable for tests."""

    def __init__(
        self,
        sleep: Callable[[float], Awaitable[None]],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sleep = sleep
        self._clock = clock
        self._until = 0.0

    def hold(self, seconds: float | None) -> None:
        """No request before ``seconds`` from now (``DEFAULT_PAUSE_S`` for None)."""
        wait = DEFAULT_PAUSE_S if seconds is None else seconds
        self._until = max(self._until, self._clock() + wait)

    async def wait(self) -> None:
        """Return once no pause holds; a pause made longer meanwhile is waited for too."""
        while (left := self._until - self._clock()) > 0:
            until = self._until
            await self._sleep(left)
            if self._until == until:
                return  # not moved while we slept (a test's sleep may take no time)
