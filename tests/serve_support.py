"""Running a real ``GuardedServer`` on 127.0.0.1 inside a test, for the serve tests."""

from __future__ import annotations

import asyncio
import re
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from assistant.tui.serve import GuardedServer


async def served_urls(proc: subprocess.Popen[str]) -> tuple[str, str, str]:
    """(base URL, token, websocket URL) of a ``factcheck serve`` subprocess, from the one
    line it prints when it is ready."""
    assert proc.stdout is not None
    line = await asyncio.to_thread(proc.stdout.readline)
    found = re.search(r"(http://127\.0\.0\.1:\d+)/\?token=(\S+)", line)
    assert found, line
    base, token = found.groups()
    return base, token, f"{base.replace('http', 'ws')}/ws/{token}?width=120&height=36"


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
