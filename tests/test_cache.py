"""The results cache (issue 11, item 3): an unchanged rerun makes no model call, a run
killed mid-batch resumes where it stopped, failures are tried again, and every part of
the key changes it.

Model calls are counted where they happen: at the mock's HTTP handler, behind the real
openai client and instructor (in a subprocess, through the report's own usage figures).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from assistant import pipeline
from assistant.cli import EXIT_OK, main
from assistant.config import load_settings
from assistant.extract.base import Extractor
from assistant.llm.extractor import LLMExtractor
from assistant.llm.mock import MockLLM
from assistant.llm.settings import LLMSettings
from assistant.model import Article, ExtractionResult, ExtractionStatus, Usage
from assistant.store.cache import CACHE_FILE, ResultsCache, cache_key

REPO = Path(__file__).resolve().parent.parent
FLOODS = REPO / "examples" / "river-floods"
TOWNS = ("Arlen", "Brisk", "Calder", "Dunmore", "Elsby", "Fenwick", "Garth", "Holm")


def write_articles(folder: Path, n: int) -> Path:
    """``n`` distinct short articles, each with figures for the extractor to find."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        (folder / f"story-{i:03d}.md").write_text(
            f"---\noutlet: Desk {i}\npublished: 2026-03-0{1 + i % 9}\n---\n"
            f"At least {100 + i} people were evacuated from {town} on Monday, the interior "
            f"ministry said. {3 + i % 7} people died, according to the regional police.\n",
            encoding="utf-8",
        )
    return folder


@pytest.fixture
def mock_requests(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every request the mock endpoint answers, by path."""
    seen: list[str] = []
    handler = MockLLM.handler

    async def counted(self: MockLLM, request: Any) -> Any:
        seen.append(request.url.path)
        return await handler(self, request)

    monkeypatch.setattr(MockLLM, "handler", counted)
    return seen


def report_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any], str]:
    code = main(["report", *argv, "--format", "json"])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def cache_dir() -> Path:
    return Path(os.environ["FACTCHECK_CACHE_DIR"])


def entries() -> int:
    with sqlite3.connect(cache_dir() / CACHE_FILE) as db:
        return int(db.execute("SELECT count(*) FROM results").fetchone()[0])


# ----------------------------------------------------------------------------- reruns


def test_an_unchanged_rerun_makes_no_model_call_and_says_so(
    capsys: pytest.CaptureFixture[str], mock_requests: list[str]
) -> None:
    code, first, _ = report_json(capsys, str(FLOODS), "--llm", "mock")
    assert code == EXIT_OK and mock_requests and first["summary"]["cached"] == 0
    sent = len(mock_requests)

    code, again, err = report_json(capsys, str(FLOODS), "--llm", "mock")

    assert code == EXIT_OK
    assert len(mock_requests) == sent, "the rerun reached the model"
    assert again["summary"]["cached"] == again["summary"]["articles"] == 4
    assert all(e["extraction"]["cached"] for e in again["inputs"])
    assert all(e["extraction"]["usage"]["calls"] == 0 for e in again["inputs"])
    assert "4 of 4 articles from the results cache" in err
    # The same answers: every claim, cluster and finding of the first run.
    for part in ("clusters", "findings", "checklists"):
        assert again[part] == first[part]
    assert [e["claims"] for e in again["inputs"]] == [e["claims"] for e in first["inputs"]]

    main(["report", str(FLOODS), "--llm", "mock"])
    markdown = capsys.readouterr().out
    assert "- **From the results cache:** 4 of 4 articles" in markdown


def test_only_a_changed_article_is_extracted_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], mock_requests: list[str]
) -> None:
    folder = write_articles(tmp_path / "in", 3)
    report_json(capsys, str(folder), "--llm", "mock")
    story = folder / "story-001.md"
    story.write_text(story.read_text().replace("evacuated", "rescued"))
    mock_requests.clear()

    _, report, _ = report_json(capsys, str(folder), "--llm", "mock")

    assert [e["extraction"]["cached"] for e in report["inputs"]] == [True, False, True]
    assert len(mock_requests) == 1


def test_no_cache_neither_reads_nor_writes(
    capsys: pytest.CaptureFixture[str], mock_requests: list[str]
) -> None:
    report_json(capsys, str(FLOODS), "--llm", "mock")
    sent = len(mock_requests)
    _, report, _ = report_json(capsys, str(FLOODS), "--llm", "mock", "--no-cache")
    assert len(mock_requests) == 2 * sent
    assert report["summary"]["cached"] == 0
    (cache_dir() / CACHE_FILE).unlink()
    report_json(capsys, str(FLOODS), "--llm", "offline", "--no-cache")
    assert not (cache_dir() / CACHE_FILE).exists()


def test_recording_fixtures_sends_every_article(tmp_path: Path) -> None:
    # --record writes what the endpoint answers: a cached article would be missing.
    settings = load_settings({"llm": "mock", "record_dir": tmp_path})
    assert pipeline.open_cache(settings) is None


def test_the_offline_extractor_is_cached_too(capsys: pytest.CaptureFixture[str]) -> None:
    report_json(capsys, str(FLOODS), "--llm", "offline")
    _, report, _ = report_json(capsys, str(FLOODS), "--llm", "offline")
    assert report["summary"]["cached"] == 4
    # Another extractor is another key: the offline results are not the mock's.
    _, mock, _ = report_json(capsys, str(FLOODS), "--llm", "mock")
    assert mock["summary"]["cached"] == 0


# ----------------------------------------------------------------------------- failures


class Flaky(Extractor):
    """Fails (or half-fails) an article the first ``bad`` times it is asked."""

    name = "flaky"

    def __init__(self, status: ExtractionStatus, bad: int = 1) -> None:
        self.status, self.bad, self.calls = status, bad, 0

    async def extract(self, article: Article) -> ExtractionResult:
        self.calls += 1
        status = self.status if self.calls <= self.bad else ExtractionStatus.ok
        return ExtractionResult(
            article_id=article.id, extractor=self.name, status=status, usage=Usage(calls=1)
        )


@pytest.mark.reliability
@pytest.mark.parametrize("status", [ExtractionStatus.failed, ExtractionStatus.partial])
async def test_a_failed_or_partial_result_is_tried_again(
    tmp_path: Path, status: ExtractionStatus
) -> None:
    article = Article(id="a", text="12 people died on Monday.", source="a.txt")
    extractor = Flaky(status)
    for expected in (status, ExtractionStatus.ok, ExtractionStatus.ok):
        with ResultsCache.open(tmp_path) as cache:
            [result] = await pipeline.extract_all([article], extractor, cache=cache)
        assert result.status is expected
    assert extractor.calls == 2  # failed, then ok, then from the cache


async def test_an_extractor_that_raises_is_not_cached(tmp_path: Path) -> None:
    class Broken(Extractor):
        name = "broken"

        async def extract(self, article: Article) -> ExtractionResult:
            raise RuntimeError("bug")

    article = Article(id="a", text="12 people died.", source="a.txt")
    with ResultsCache.open(tmp_path) as cache:
        [result] = await pipeline.extract_all([article], Broken(), cache=cache)
        assert result.status is ExtractionStatus.failed
        assert cache.info().entries == 0


@pytest.mark.reliability
def test_an_unusable_cache_file_never_stops_the_batch(
    capsys: pytest.CaptureFixture[str],
) -> None:
    cache_dir().mkdir(parents=True)
    (cache_dir() / CACHE_FILE).write_bytes(b"not a database, but 100 bytes of it " * 3)
    code, report, err = report_json(capsys, str(FLOODS), "--llm", "offline")
    assert code == EXIT_OK and report["summary"]["articles"] == 4
    assert "results cache not used" in err
    # `cache clear` starts afresh from a file it cannot open.
    assert main(["cache", "clear"]) == EXIT_OK
    assert "unusable" in capsys.readouterr().err
    report_json(capsys, str(FLOODS), "--llm", "offline")
    assert entries() == 4


@pytest.mark.reliability
def test_a_foreign_database_is_left_alone(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        db.execute("CREATE TABLE mine (x)")
    with pytest.raises(Exception, match="not a factcheck results cache"):
        ResultsCache.open(tmp_path)
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"mine"}


# ----------------------------------------------------------------------------- the key


ARTICLE = Article(id="a", text="12 people died on Monday.", source="x/a.txt", outlet="Desk")


def llm_key(article: Article = ARTICLE, **settings: Any) -> str:
    values = {"model": "m", "base_url": "http://127.0.0.1:8080/v1", "mode": "tools", **settings}
    extractor = LLMExtractor(LLMSettings(**values))
    return cache_key(article, extractor.fingerprint())


def test_the_key_is_stable_and_ignores_where_the_file_was() -> None:
    assert llm_key() == llm_key()
    assert llm_key(ARTICLE.model_copy(update={"source": "elsewhere/a.txt"})) == llm_key()
    # Timeouts and concurrency decide whether an answer comes, not what it says.
    assert llm_key(timeout_s=900, concurrency=1, max_attempts=2) == llm_key()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda mp: {"article": ARTICLE.model_copy(update={"text": "13 died."})},
                     id="article text"),
        pytest.param(lambda mp: {"article": ARTICLE.model_copy(update={"id": "b"})},
                     id="article id"),
        pytest.param(lambda mp: {"article": ARTICLE.model_copy(update={"outlet": "Other"})},
                     id="article metadata"),
        pytest.param(lambda mp: {"model": "m2"}, id="model"),
        pytest.param(lambda mp: {"base_url": "http://127.0.0.1:8081/v1"}, id="base url"),
        pytest.param(lambda mp: {"mode": "json_schema"}, id="mode"),
        pytest.param(lambda mp: {"chunk_chars": 4000}, id="chunk size"),
        pytest.param(lambda mp: {"temperature": 0.5}, id="temperature"),
        pytest.param(
            lambda mp: mp.setattr("assistant.llm.extractor.PROMPT_VERSION", "extract-v9"),
            id="prompt version",
        ),
        pytest.param(
            lambda mp: mp.setattr("assistant.llm.extractor.schema_digest", lambda: "other"),
            id="schema hash",
        ),
        pytest.param(lambda mp: mp.setattr("assistant.__version__", "9.9.9"), id="tool version"),
        pytest.param(
            lambda mp: mp.setattr("assistant.store.cache.code_digest", lambda: "edited"),
            id="code",
        ),
    ],
)  # fmt: skip
def test_every_part_of_the_key_changes_it(monkeypatch: pytest.MonkeyPatch, change: Any) -> None:
    before = llm_key()
    settings = change(monkeypatch) or {}
    assert llm_key(**settings) != before


def test_the_extractor_and_the_mock_setup_are_in_the_key(tmp_path: Path) -> None:
    def key(**flags: Any) -> str:
        extractor = pipeline.build_extractor(load_settings(flags))
        return cache_key(ARTICLE, extractor.fingerprint())

    mock = key(llm="mock")
    assert len({mock, key(llm="offline"), key(llm="mock", hybrid=True)}) == 3
    assert key(llm="mock", mock_faults="ungrounded=0.5") != mock
    assert key(llm="mock", mock_seed=3) != mock
    assert key(llm="mock", mock_latency="200ms") == mock  # slower, same answers
    fixtures = tmp_path / "fixtures"
    fixtures.mkdir()
    assert key(llm="mock", fixture_dirs=[fixtures]) == mock
    (fixtures / "a.json").write_text("{}")
    assert key(llm="mock", fixture_dirs=[fixtures]) != mock


@pytest.mark.reliability
def test_the_key_holds_no_secret() -> None:
    extractor = LLMExtractor(
        LLMSettings(model="m", api_key="sk-secret-key", base_url="https://u:pw@h.example/v1?k=s")
    )
    fingerprint = json.dumps(extractor.fingerprint())
    assert "sk-secret-key" not in fingerprint and "pw" not in fingerprint
    assert "https://h.example/v1" in fingerprint


# ----------------------------------------------------------------------------- cache command


def test_cache_info_and_clear(capsys: pytest.CaptureFixture[str]) -> None:
    report_json(capsys, str(FLOODS), "--llm", "offline")
    report_json(capsys, str(FLOODS), "--llm", "mock")
    assert main(["cache", "info"]) == EXIT_OK
    out = capsys.readouterr().out
    assert f"path: {cache_dir() / CACHE_FILE}" in out
    assert "entries: 8" in out
    assert "  offline: 4" in out and "  mock (factcheck-mock): 4" in out
    assert main(["cache", "clear"]) == EXIT_OK
    assert "removed 8 cached results" in capsys.readouterr().err
    assert entries() == 0
    main(["cache", "info"])
    assert "entries: 0" in capsys.readouterr().out


@pytest.mark.reliability
def test_the_cache_file_is_private(capsys: pytest.CaptureFixture[str]) -> None:
    # It holds quotes from the articles, which may be unpublished drafts.
    report_json(capsys, str(FLOODS), "--llm", "offline")
    assert (cache_dir() / CACHE_FILE).stat().st_mode & 0o077 == 0
    assert cache_dir().stat().st_mode & 0o077 == 0


# ----------------------------------------------------------------------------- resume


def _wait_for(predicate: Any, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.02)


def _entries_or_zero() -> int:
    try:
        return entries()
    except sqlite3.Error:
        return 0


@pytest.mark.reliability
@pytest.mark.parametrize(
    "how", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=lambda s: str(s.name)
)
def test_a_run_killed_mid_batch_resumes_without_redoing_or_losing_any(
    tmp_path: Path, how: signal.Signals
) -> None:
    folder = write_articles(tmp_path / "in", 10)
    out = tmp_path / "report.json"
    command = [sys.executable, "-m", "assistant", "report", str(folder), "--llm", "mock",
               "--mock-latency", "100ms", "--concurrency", "2", "-o", str(out)]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    run = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    try:
        _wait_for(lambda: _entries_or_zero() >= 2, timeout=60)
        run.send_signal(how)
        run.wait(timeout=30)
    finally:
        run.kill()
    assert run.returncode != 0 and not out.exists()
    finished = entries()
    assert 2 <= finished < 10, "the kill came too late to test anything"

    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)

    assert again.returncode == EXIT_OK, again.stderr
    report = json.loads(out.read_text())
    extracted = [e for e in report["inputs"] if not e["extraction"]["cached"]]
    assert report["summary"]["articles"] == 10  # none lost
    assert report["summary"]["cached"] == finished  # none redone
    assert len(extracted) == 10 - finished
    assert all(e["extraction"]["usage"]["calls"] >= 1 for e in extracted)
    assert all(e["extraction"]["status"] == "ok" and e["claims"] for e in report["inputs"])
    assert entries() == 10


def test_a_new_workspace_on_the_same_articles_reuses_the_cache(
    tmp_path: Path, mock_requests: list[str]
) -> None:
    from assistant.tui.runner import run_package

    folder = write_articles(tmp_path / "in", 3)
    settings = load_settings({"llm": "mock"})
    for name in ("monday.sqlite", "tuesday.sqlite"):
        run_package(
            tmp_path / name, [folder], settings, actor=None, post=print, cancelled=lambda: False
        )
        if name == "monday.sqlite":
            sent = len(mock_requests)
    assert sent and len(mock_requests) == sent
    assert entries() == 3
    from assistant.store import Workspace

    with Workspace.open(tmp_path / "tuesday.sqlite") as workspace:
        results = workspace.extractions()
    assert len(results) == 3 and all(r.claims for r in results)
