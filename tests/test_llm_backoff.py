"""A 429 slows every request of the run, not only the one that got it."""

from __future__ import annotations

import asyncio
import time

import httpx2
from llm_helpers import API_KEY, Endpoint, Sent, answer, article, claim, status

from assistant.llm.backoff import DEFAULT_PAUSE_S, SharedPause
from assistant.llm.extractor import LLMExtractor
from assistant.llm.settings import LLMSettings
from assistant.model import ExtractionStatus

TEXT = "Floods forced 2,417 people from their homes on Monday, the interior ministry said."
QUOTE = "Floods forced 2,417 people from their homes on Monday"


class Clock:
    """A clock that moves only when slept on."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def __call__(self) -> float:
        return self.now


async def test_a_pause_is_waited_for_then_lets_requests_go() -> None:
    clock = Clock()
    pause = SharedPause(clock.sleep, clock)
    await pause.wait()
    assert clock.sleeps == []  # nothing held: no wait

    pause.hold(3.0)
    pause.hold(1.0)  # a shorter pause never shortens a longer one
    await pause.wait()
    assert clock.sleeps == [3.0]
    await pause.wait()
    assert clock.sleeps == [3.0]  # over

    pause.hold(None)
    await pause.wait()
    assert clock.sleeps == [3.0, DEFAULT_PAUSE_S]  # a 429 that names no wait


async def test_a_pause_made_longer_while_waiting_is_waited_for_too() -> None:
    clock = Clock()
    pause = SharedPause(clock.sleep, clock)
    first = True

    async def sleep(seconds: float) -> None:
        nonlocal first
        await clock.sleep(seconds)
        if first:  # another 429 arrives during the wait
            first = False
            pause.hold(2.0)

    pause._sleep = sleep
    pause.hold(1.0)
    await pause.wait()
    assert clock.sleeps == [1.0, 2.0] and clock.now == 3.0


async def test_a_429_holds_the_requests_of_other_articles_for_its_retry_after() -> None:
    told = asyncio.Event()
    sent_at: list[float] = []

    def rate_limited(sent: Sent) -> httpx2.Response:
        sent_at.append(time.monotonic())
        told.set()
        return status(429, {"retry-after-ms": "300"})(sent)

    def answered(sent: Sent) -> httpx2.Response:
        sent_at.append(time.monotonic())
        return answer(claim(QUOTE))(sent)

    endpoint = Endpoint([rate_limited, answered])
    extractor = LLMExtractor(
        LLMSettings(model="test-model", api_key=API_KEY, concurrency=4),
        http_client=endpoint.client(),
    )

    async def after_the_429() -> object:
        await told.wait()  # this article's request is sent only once the 429 is in
        return await extractor.extract(article(TEXT, id="a2"))

    first, second = await asyncio.gather(extractor.extract(article(TEXT, id="a1")), after_the_429())
    await extractor.aclose()

    assert len(sent_at) == 3  # the 429, then each article's request
    assert min(sent_at[1:]) - sent_at[0] >= 0.29  # neither went before the pause was over
    assert first.status is ExtractionStatus.ok and first.usage.retries == 1
    assert second.status is ExtractionStatus.ok and second.usage.retries == 0  # type: ignore[attr-defined]
