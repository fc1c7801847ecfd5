"""Opt-in: extract the bundled examples through a real OpenAI-compatible server.

Run with ``pytest -m live`` and the endpoint named in the environment:
FACTCHECK_LIVE_BASE_URL, FACTCHECK_LIVE_MODEL, optionally FACTCHECK_LIVE_MODE (tools,
json, json_schema, md_json), FACTCHECK_LIVE_API_KEY, FACTCHECK_LIVE_TIMEOUT (seconds per
request; a CPU server needs minutes), FACTCHECK_LIVE_CHUNK_CHARS,
FACTCHECK_LIVE_MAX_OUTPUT_TOKENS (a cap on each answer: a small model rambles) and
FACTCHECK_LIVE_RECORD (a folder: the answers are recorded there as mock fixtures). The
user's config file is hidden from tests, so everything comes from here. Deselected by
default.
"""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import jsonschema
import pytest

from assistant import pipeline
from assistant.config import load_settings
from assistant.ground import fold
from assistant.model import ExtractionStatus, Grounding

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.live


@pytest.fixture
def live_settings():  # type: ignore[no-untyped-def]
    base_url = os.environ.get("FACTCHECK_LIVE_BASE_URL")
    model = os.environ.get("FACTCHECK_LIVE_MODEL")
    if not (base_url and model):
        pytest.fail("pytest -m live needs FACTCHECK_LIVE_BASE_URL and FACTCHECK_LIVE_MODEL")
    cap = _number("FACTCHECK_LIVE_MAX_OUTPUT_TOKENS")
    record = os.environ.get("FACTCHECK_LIVE_RECORD")
    return load_settings(
        {
            "llm": "llm",
            "record_dir": Path(record) if record else None,
            "endpoints": {base_url: {"max_output_tokens": int(cap)}} if cap else None,
            "base_url": base_url,
            "model": model,
            "mode": os.environ.get("FACTCHECK_LIVE_MODE", "json"),
            "api_key": os.environ.get("FACTCHECK_LIVE_API_KEY", "not-needed"),
            "concurrency": 1,
            "timeout_s": _number("FACTCHECK_LIVE_TIMEOUT"),
            "chunk_chars": _number("FACTCHECK_LIVE_CHUNK_CHARS"),
        },
        env={},
    )


def _number(variable: str) -> float | None:
    value = os.environ.get(variable)
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pytest.fail(f"{variable} must be a number, got {value!r}")


@pytest.mark.parametrize(
    "package", sorted(p.name for p in (REPO / "examples").iterdir() if p.is_dir())
)
def test_live_extraction_is_schema_valid_and_grounded(live_settings, package: str) -> None:  # type: ignore[no-untyped-def]
    paths = [REPO / "examples" / package]
    batch = pipeline.ingest(paths)
    extractor = pipeline.build_extractor(live_settings, inputs=paths)
    results = asyncio.run(pipeline.extract_all(batch.articles, extractor, concurrency=1))
    assert all(r.status is not ExtractionStatus.failed for r in results), [r.error for r in results]

    texts = {a.id: a.text for a in batch.articles}
    for result in results:
        grounded = [c for c in result.claims if c.grounding is not Grounding.ungrounded]
        assert grounded, f"{result.article_id}: no grounded claim"
        for claim in grounded:
            assert claim.span is not None
            found = texts[claim.article_id][claim.span.start : claim.span.end]
            assert fold(found) == fold(claim.quote)

    report = pipeline.build_report(
        batch, results, pipeline.analyse(batch.articles, results), extractor=extractor.name
    )
    schema = json.loads((REPO / "schemas" / "report.schema.json").read_text())
    jsonschema.validate(json.loads(pipeline.render(report, "json")), schema)
