"""Building LLM extractors from the user's settings: real endpoint, recording, or mock.

The one place that turns ``assistant.config.Settings`` into an HTTP client, so the
pipeline never touches httpx2 or openai itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import httpx2

from assistant.config import MOCK_MODEL, Settings
from assistant.errors import ConfigError
from assistant.extract.base import Extractor
from assistant.llm.extractor import LLMExtractor
from assistant.llm.settings import LLMSettings

MOCK_BASE_URL = "http://mock.invalid/v1"


def llm_settings(settings: Settings) -> LLMSettings:
    """The LLM layer's settings: flags, else the endpoint's config table, else defaults
    that depend on the endpoint (a loopback server gets a long timeout and one request at
    a time)."""
    table = settings.endpoint()
    values: dict[str, Any] = {
        "model": settings.model or MOCK_MODEL,
        "base_url": settings.base_url,
        "api_key": settings.api_key,
        "mode": settings.resolved_mode(),
        "max_reasks": settings.max_reasks,
        "max_attempts": settings.max_attempts,
        "timeout_s": settings.timeout_s or table.timeout_s,
        "concurrency": table.requests_in_flight,
        "chunk_chars": settings.chunk_chars or table.chunk_chars,
        "chunk_overlap": _overlap(settings.chunk_chars or table.chunk_chars),
        "max_output_tokens": table.max_output_tokens,
        "tool_choice": table.tool_choice,
        "stream": settings.stream if settings.stream is not None else table.stream,
    }
    endpoint = LLMSettings.model_validate({k: v for k, v in values.items() if v is not None})
    if endpoint.concurrency is None and not endpoint.loopback:
        # A hosted API takes as many requests as articles are extracted at once.
        endpoint = endpoint.model_copy(update={"concurrency": settings.concurrency})
    return endpoint


def _overlap(chunk_chars: int | None) -> int | None:
    """The default overlap, or a quarter of a part too short for it (--chunk-chars 400):
    LLMSettings refuses an overlap of half a part or more."""
    default = LLMSettings.model_fields["chunk_overlap"].default
    if chunk_chars is None or default * 2 < chunk_chars:
        return None
    return chunk_chars // 4


def llm_extractor(settings: Settings, *, on_note: Callable[[str], None] | None = None) -> Extractor:
    """An extractor for the configured endpoint; records fixtures when ``record_dir`` is
    set, cross-checked by the offline extractor when ``hybrid`` is."""
    http_client = None
    if settings.record_dir is not None:
        from assistant.llm.record import RecordingTransport

        transport = RecordingTransport(httpx2.AsyncHTTPTransport(), settings.record_dir)
        http_client = httpx2.AsyncClient(transport=transport)
    model = LLMExtractor(llm_settings(settings), http_client=http_client)
    return _hybrid(settings, _batched(settings, model, on_note))


def mock_extractor(
    settings: Settings,
    fixture_dirs: Sequence[Path],
    *,
    on_note: Callable[[str], None] | None = None,
) -> Extractor:
    """The real client and instructor over the mock transport. Raises ``ConfigError`` for
    a bad fault or latency spec."""
    from assistant.llm.mock import MockSettings, build_mock_client
    from assistant.llm.mock.settings import FaultSpec, ServerKind, parse_latency

    try:
        faults = FaultSpec.parse(settings.mock_faults)
        latency = parse_latency(settings.mock_latency)
    except ValueError as exc:
        raise ConfigError(f"--mock-faults/--mock-latency: {exc}") from None
    mock = MockSettings(
        faults=faults,
        seed=settings.mock_seed,
        latency_s=latency,
        fixture_dirs=list(fixture_dirs),
        server=ServerKind(settings.mock_server),
    )
    client, _ = build_mock_client(mock)
    endpoint = llm_settings(settings).model_copy(update={"base_url": MOCK_BASE_URL})
    # What decides the mock's answers besides the request: for the results cache's key.
    answers_from = {
        "mock_fixtures": _files_digest(mock.fixture_dirs),
        "mock_faults": settings.mock_faults,
        "mock_seed": settings.mock_seed,
        "mock_server": settings.mock_server,
    }
    extractor = LLMExtractor(endpoint, http_client=client, name="mock", answers_from=answers_from)
    # The mock's batch is done at once; only its polls are counted, not waited for.
    return _hybrid(settings, _batched(settings, extractor, on_note, first_poll_s=0.01))


def _files_digest(dirs: Sequence[Path]) -> str:
    """sha256 of the fixture files' names and contents."""
    digest = hashlib.sha256()
    for directory in dirs:
        for path in sorted(directory.rglob("*.json")):
            digest.update(path.relative_to(directory).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _batched(
    settings: Settings,
    extractor: LLMExtractor,
    on_note: Callable[[str], None] | None,
    *,
    first_poll_s: float | None = None,
) -> Extractor:
    """``extractor`` with its first asks sent through the Batch API, for --batch-api."""
    if not settings.batch_api:
        return extractor
    from assistant.llm.batch import FIRST_POLL_S, BatchExtractor

    return BatchExtractor(extractor, on_note=on_note, first_poll_s=first_poll_s or FIRST_POLL_S)


def _hybrid(settings: Settings, extractor: Extractor) -> Extractor:
    if not settings.hybrid:
        return extractor
    from assistant.llm.hybrid import HybridExtractor

    return HybridExtractor(extractor)
