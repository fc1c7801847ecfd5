"""Running a real ``GuardedServer`` on 127.0.0.1 inside a test, for the serve tests."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from assistant.tui.serve import GuardedServer


@asynccontextmanager
async def running(server: GuardedServer) -> AsyncIterator[GuardedServer]:
    """``server`` serving on its port (bound once this yields), stopped on exit."""
    stop = asyncio.Event()
    task = asyncio.create_task(server.run(stop))
    for _ in range(200):
        if server.bound_port:
            break
        await asyncio.sleep(0.01)
    try:
        yield server
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
