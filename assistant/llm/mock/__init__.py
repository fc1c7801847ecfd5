"""The mocked-LLM test mode: a fake chat-completions transport for the real openai client.

``build_mock_client(settings)`` gives the ``httpx2.AsyncClient`` the LLM extractor hands to
``openai.AsyncOpenAI``, and the ``MockLLM`` endpoint behind it with a log of what was sent.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.llm.mock.fixtures import FixtureError, FixtureIndex
    from assistant.llm.mock.settings import Fault, FaultSpec, MockSettings, parse_latency
    from assistant.llm.mock.transport import LoggedRequest, MockLLM, build_mock_client

__all__ = [
    "Fault",
    "FaultSpec",
    "FixtureError",
    "FixtureIndex",
    "LoggedRequest",
    "MockLLM",
    "MockSettings",
    "build_mock_client",
    "parse_latency",
]

# The module of each public name, imported on first use: so that running the rekey tool
# (python -m assistant.llm.mock.fixtures) does not import its own module twice, and
# reading mock settings does not load the transport, the offline extractor and ingest.
_HOME = {
    "Fault": "settings",
    "FaultSpec": "settings",
    "MockSettings": "settings",
    "parse_latency": "settings",
    "FixtureError": "fixtures",
    "FixtureIndex": "fixtures",
    "LoggedRequest": "transport",
    "MockLLM": "transport",
    "build_mock_client": "transport",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
