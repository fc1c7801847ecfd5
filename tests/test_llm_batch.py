"""``--batch-api``: the OpenAI Batch API path end to end against the mock (issue 11).

The real openai client uploads the file, creates the batch, polls it and downloads the
output from the mock's files and batches endpoints; every answer is checked as a live one
is; what the batch does not answer in full goes through the live path.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import httpx2
import pytest
from llm_helpers import article, claim
from test_llm_issue9 import EVACUATED, INVENTED, RIVER, ROOFTOPS, TEXT, Sleeps, write_fixture

from assistant import pipeline
from assistant.cli import EXIT_OK, main
from assistant.llm.batch import BatchExtractor
from assistant.llm.extractor import LLMExtractor
from assistant.llm.mock import MockLLM, MockSettings
from assistant.llm.mock.batches import BATCH_LINE_HEADER
from assistant.llm.settings import LLMSettings
from assistant.model import Article, ExtractionStatus

FLOODS = Path(__file__).resolve().parent.parent / "examples" / "river-floods"
TEXTS = [
    TEXT,
    "Officials said 40 homes were flooded in Arlen on Tuesday.",
    "The mayor said 12 roads were closed and 3 bridges were shut overnight.",
    "Police said 7 people were arrested after the protest on Friday.",
]


def _batched(
    mock_settings: MockSettings, client: httpx2.AsyncClient | None = None
) -> tuple[BatchExtractor, MockLLM, Sleeps, list[str]]:
    mock = MockLLM(mock_settings)
    sleeps = Sleeps()
    notes: list[str] = []
    model = LLMExtractor(
        LLMSettings(model="gpt-test", api_key="sk-test", base_url="https://llm.example.com/v1"),
        http_client=client or mock.client(),
        sleep=sleeps,
    )
    return BatchExtractor(model, sleep=sleeps, on_note=notes.append), mock, sleeps, notes


def _articles() -> list[Article]:
    return [article(text, id=f"a{n}") for n, text in enumerate(TEXTS, start=1)]


def _live_chats(mock: MockLLM) -> list[str]:
    """The messages of each request sent through the live path (not as a batch line)."""
    return [
        json.dumps(r.body["messages"])
        for r in mock.requests
        if r.path.endswith("/chat/completions")
        and BATCH_LINE_HEADER not in r.headers
        and r.body is not None
    ]


async def test_a_batch_is_uploaded_polled_downloaded_and_answers_every_article() -> None:
    extractor, mock, sleeps, notes = _batched(MockSettings(batch_polls=2))
    live, _, _, _ = _batched(MockSettings())

    results = await pipeline.extract_all(_articles(), extractor)
    expected = [await live._model.extract(a) for a in _articles()]

    assert [r.status for r in results] == [ExtractionStatus.ok] * 4
    assert [[c.quote for c in r.claims] for r in results] == [
        [c.quote for c in r.claims] for r in expected
    ]
    calls = [(r.method, r.path) for r in mock.requests if BATCH_LINE_HEADER not in r.headers]
    assert calls == [
        ("POST", "/v1/files"),
        ("POST", "/v1/batches"),
        ("GET", "/v1/batches/batch_mock1"),
        ("GET", "/v1/batches/batch_mock1"),
        ("GET", "/v1/batches/batch_mock1"),
        ("GET", "/v1/files/batch_mock1-output/content"),
    ]  # and no live ask at all
    lines = [r.headers[BATCH_LINE_HEADER] for r in mock.requests if BATCH_LINE_HEADER in r.headers]
    assert len(lines) == len(set(lines)) == 4
    assert all(line.endswith(".1.extract-v3") for line in lines)
    assert sleeps.waits == [5.0, 10.0, 20.0]  # polled with backoff
    assert notes == ["Batch API: 4 of 4 articles answered in full"]
    assert [r.usage.calls for r in results] == [1, 1, 1, 1]
    assert all(r.usage.prompt_tokens > 0 for r in results)


async def test_a_batch_line_whose_answer_fails_a_check_goes_through_the_live_path(
    tmp_path: Path,
) -> None:
    # The recorded answer for the first article quotes a sentence the article does not
    # hold: a live re-ask can fix it, the batch cannot.
    write_fixture(tmp_path, TEXT, answer={"claims": [claim(RIVER), claim(INVENTED)]})
    extractor, mock, _, notes = _batched(MockSettings(fixture_dirs=[tmp_path]))

    results = await pipeline.extract_all(_articles(), extractor)

    assert notes == [
        "Batch API: 3 of 4 articles answered in full; the other 1 go through the live path"
    ]
    asked_live = _live_chats(mock)  # the first ask and its re-asks, of that article only
    assert len(asked_live) >= 2
    assert all("rooftops" in m and not any(t[:30] in m for t in TEXTS[1:]) for m in asked_live)
    assert [r.status for r in results] == [ExtractionStatus.ok] * 4
    assert RIVER in [c.quote for c in results[0].claims]


async def test_an_expired_batch_sends_the_unanswered_articles_through_the_live_path() -> None:
    extractor, mock, _, notes = _batched(MockSettings(batch_expires=True))

    results = await pipeline.extract_all(_articles(), extractor)

    assert "Batch API: batch batch_mock1 ended expired" in notes
    assert notes[-1] == (
        "Batch API: 2 of 4 articles answered in full; the other 2 go through the live path"
    )
    assert len(_live_chats(mock)) == 2
    assert [r.status for r in results] == [ExtractionStatus.ok] * 4
    assert [bool(r.claims) for r in results] == [True] * 4


async def test_an_endpoint_with_no_batch_api_costs_a_note_and_every_article_goes_live() -> None:
    mock = MockLLM(MockSettings())

    async def no_files(request: httpx2.Request) -> httpx2.Response:
        if "/files" in request.url.path or "/batches" in request.url.path:
            return httpx2.Response(404, json={"error": {"message": "not found"}})
        return await mock.handler(request)

    client = httpx2.AsyncClient(transport=httpx2.MockTransport(no_files))
    extractor, _, _, notes = _batched(MockSettings(), client=client)

    results = await pipeline.extract_all(_articles(), extractor)

    assert notes == [
        "the Batch API was not used (HTTP 404 from the endpoint); every article goes "
        "through the live path"
    ]
    assert len(_live_chats(mock)) == 4
    assert [r.status for r in results] == [ExtractionStatus.ok] * 4


def test_batch_api_from_the_command_line_then_a_live_rerun_comes_from_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "floods"
    shutil.copytree(FLOODS, folder, ignore=shutil.ignore_patterns("fixtures", "*.json"))
    batch, live = tmp_path / "batch.json", tmp_path / "live.json"

    assert (
        main(["report", str(folder), "--llm", "mock", "--batch-api", "-o", str(batch)]) == EXIT_OK
    )
    assert "Batch API: 4 of 4 articles answered in full" in capsys.readouterr().err
    assert main(["report", str(folder), "--llm", "mock", "-o", str(live)]) == EXIT_OK
    assert "4 of 4 articles from the results cache, 0 extracted" in capsys.readouterr().err

    def claims(path: Path) -> list[list[str]]:
        report = json.loads(path.read_text())
        return [[c["quote"] for c in i["claims"]] for i in report["inputs"]]

    assert claims(batch) == claims(live) and sum(map(len, claims(batch))) > 20
    assert EVACUATED and ROOFTOPS  # the module's sentences, used by the other tests
