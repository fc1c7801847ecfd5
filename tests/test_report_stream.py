"""A report of several stories written story by story (``report/stream.py``) is the
report the whole-report path renders, byte for byte, in every format; and
``factcheck report`` writes it so, with the editor's decisions and ``--fail-on``."""

from __future__ import annotations

import asyncio
import io
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest

from assistant import pipeline
from assistant.cli import EXIT_FINDINGS, EXIT_PARTIAL, main
from assistant.config import Settings
from assistant.extract.offline import OfflineExtractor
from assistant.ingest import IngestBatch
from assistant.model import Article, CheckKey, CheckStatus, ExtractionResult, Verdict
from assistant.report.model import EditorDecision, Report, StoryReport
from assistant.report.render import render
from assistant.report.stream import FORMATS, open_sink
from assistant.spool import ResultSpool
from assistant.store import Workspace
from assistant.tui.runner import run_package

REPO = Path(__file__).resolve().parent.parent
FLOODS = REPO / "examples" / "river-floods"
FIRE = REPO / "examples" / "port-fire"
REPORT_SCHEMA = json.loads((REPO / "schemas" / "report.schema.json").read_text())
DECIDED = datetime(2026, 3, 5, 9, 30, tzinfo=UTC)


class _FailsOne(OfflineExtractor):
    """The offline extractor, failing one article as a broken endpoint would."""

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self._fails = article_id

    async def extract(self, article: Article) -> ExtractionResult:
        if article.id == self._fails:
            raise RuntimeError("the endpoint closed the connection")
        return await super().extract(article)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[IngestBatch, list[Path]]:
    """Two bundled packages (a story each, by folder), a third folder with a single
    article, an empty file (rejected, in no story) and a file of no article format."""
    extra = tmp_path_factory.mktemp("desk")
    (extra / "mine.md").write_text(
        "---\noutlet: Valley News\npublished: 2026-03-04\n---\n"
        "Five miners died in the Orrin pit collapse on Monday, the mine operator said. "
        "The figure could not be independently verified.\n",
        encoding="utf-8",
    )
    (extra / "empty.txt").write_text("", encoding="utf-8")
    (extra / "notes.odt").write_bytes(b"PK\x03\x04")
    paths = [FLOODS, FIRE, extra]
    return pipeline.ingest(paths), paths


@pytest.fixture(scope="module")
def results(batch: tuple[IngestBatch, list[Path]]) -> list[ExtractionResult]:
    articles = batch[0].articles
    return asyncio.run(pipeline.extract_all(articles, _FailsOne(articles[1].id)))


def _decisions(whole: Report) -> list[EditorDecision]:
    """A verdict on the first claim of each story's first article with claims."""
    firsts = {}
    for entry in whole.inputs:
        if entry.story and entry.claims and entry.story not in firsts:
            firsts[entry.story] = entry.claims[0].id
    return [
        EditorDecision(
            claim_id=claim_id,
            verdict=Verdict.inaccurate if n else Verdict.accurate,
            note="Checked with the ministry.",
            items={CheckKey.source_identified: CheckStatus.passed},
            editor="Desk",
            decided_at=DECIDED,
        )
        for n, claim_id in enumerate(firsts.values())
    ]


def _whole(batch: IngestBatch, paths: list[Path], results: list[ExtractionResult]) -> Report:
    stories = pipeline.find_stories(batch, paths)
    analysis = pipeline.analyse_stories(batch.articles, results, stories)
    report = pipeline.build_report(batch, results, analysis, extractor="offline")
    return report.model_copy(update={"decisions": _decisions(report)})


def _streamed(
    batch: IngestBatch, paths: list[Path], results: list[ExtractionResult], decided: Report
) -> dict[str, bytes]:
    stories = pipeline.find_stories(batch, paths)
    decisions = decided.decisions

    def decide(report: Report) -> list[EditorDecision]:
        claims = {c.id for e in report.inputs for c in e.claims}
        return [d for d in decisions if d.claim_id in claims]

    with ResultSpool() as spool:
        for result in results:
            spool.add(result)
        sinks = {fmt: open_sink(fmt) for fmt in FORMATS}
        totals = []
        for story in pipeline.story_reports(
            batch, stories, spool.load, extractor="offline", decide=decide
        ):
            totals.append((story.info, story.report.summary))
            for sink in sinks.values():
                sink.add(story)
        outcomes = spool.outcomes([a.id for a in batch.articles])
        head = pipeline.batch_head(
            batch, outcomes, totals, extractor="offline", decisions=decisions
        )
        written = {}
        for fmt, sink in sinks.items():
            out = io.BytesIO()
            sink.finish(head, out)
            sink.close()
            written[fmt] = out.getvalue()
    return written


@pytest.fixture(scope="module")
def both(
    batch: tuple[IngestBatch, list[Path]], results: list[ExtractionResult]
) -> tuple[Report, dict[str, bytes]]:
    whole = _whole(*batch, results)
    return whole, _streamed(*batch, results, whole)


def test_the_batch_is_several_stories_with_what_a_night_brings(
    both: tuple[Report, dict[str, bytes]],
) -> None:
    whole, _ = both
    assert len(whole.stories) == 3
    assert whole.summary.rejected == 1 and whole.summary.failed == 1
    assert whole.not_read and len(whole.decisions) == 3
    assert whole.findings and whole.checklists and whole.clusters


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_streamed_report_is_the_whole_report(
    both: tuple[Report, dict[str, bytes]], fmt: str
) -> None:
    whole, streamed = both
    assert streamed[fmt].decode("utf-8") == render(whole, fmt)


def test_the_streamed_json_is_schema_valid_with_every_input(
    both: tuple[Report, dict[str, bytes]],
) -> None:
    report = json.loads(both[1]["json"])
    jsonschema.validate(report, REPORT_SCHEMA)
    assert len(report["inputs"]) == report["summary"]["inputs"] == 10
    assert all(e["claims"] or e["reason"] for e in report["inputs"])


def _zero_durations(report: dict[str, object]) -> dict[str, object]:
    for entry in report["inputs"]:  # type: ignore[attr-defined]
        if entry.get("extraction"):
            entry["extraction"]["usage"]["duration_s"] = 0
    return report


def test_factcheck_report_writes_several_stories_as_the_whole_report(
    batch: tuple[IngestBatch, list[Path]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, paths = batch
    argv = ["report", *map(str, paths), "--llm", "offline", "--no-cache", "-q"]
    code = main([*argv, "-o", str(tmp_path / "r.json"), "-o", "-"])
    out, _ = capsys.readouterr()

    assert code == EXIT_PARTIAL  # the empty file was rejected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.json"]  # no spool or .tmp left
    whole_batch = pipeline.ingest(paths)
    extracted = asyncio.run(pipeline.extract_all(whole_batch.articles, OfflineExtractor()))
    stories = pipeline.find_stories(whole_batch, paths)
    whole = pipeline.build_report(
        whole_batch,
        extracted,
        pipeline.analyse_stories(whole_batch.articles, extracted, stories),
        extractor="offline",
    )
    written = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert _zero_durations(written) == _zero_durations(json.loads(render(whole, "json")))
    assert out.startswith("# Fact-check report\n") and "## Story 3: " in out  # -o -: Markdown


def test_fail_on_reads_the_findings_of_every_story(
    batch: tuple[IngestBatch, list[Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    _, paths = batch
    argv = ["report", *map(str, paths), "--llm", "offline", "--no-cache", "-q", "-o", "-"]
    assert main([*argv, "--fail-on", "unverified"]) == EXIT_FINDINGS
    capsys.readouterr()


def test_the_editors_decisions_are_carried_story_by_story(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    floods, fire = tmp_path / "floods", tmp_path / "fire"
    shutil.copytree(FLOODS, floods)
    shutil.copytree(FIRE, fire)
    path = tmp_path / "desk.sqlite"
    run_package(
        path, [floods, fire], Settings(llm="offline"), actor="Dana Desk",
        post=lambda _m: None, cancelled=lambda: False,
    )  # fmt: skip
    with Workspace.open(path, actor="Dana Desk") as workspace:
        claims = workspace.claims()
        sources = {a.id: Path(a.source) for a in workspace.articles()}
    # A claim of each story: one article stays as it was, the other changes.
    kept = next(c for c in claims if sources[c.article_id].parent == floods)
    changed = next(c for c in claims if sources[c.article_id].parent == fire)
    with Workspace.open(path, actor="Dana Desk") as workspace:
        workspace.set_verdict(kept.id, Verdict.inaccurate)
        workspace.set_verdict(changed.id, Verdict.accurate)
    article = sources[changed.article_id]
    article.write_text(article.read_text(encoding="utf-8") + "\nA late paragraph.\n")

    code = main(
        ["report", str(floods), str(fire), "--llm", "offline", "--no-cache",
         "--workspace", str(path), "--format", "json"]
    )  # fmt: skip
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert code == 0 and len(report["stories"]) == 2
    assert [d["claim_id"] for d in report["decisions"]] == [kept.id]
    assert "1 editor decision not carried" in err and changed.id in err


def test_each_story_is_reported_while_later_stories_are_still_extracted(
    batch: tuple[IngestBatch, list[Path]],
) -> None:
    """The order ``factcheck report`` extracts a batch of several stories in: story by
    story, each reported (analysed) before the next story's articles are extracted."""
    whole_batch, paths = batch
    stories = pipeline.find_stories(whole_batch, paths)
    order = pipeline.story_order(whole_batch.articles, stories)
    assert [a.id for a in order] == [i for s in stories for i in s.article_ids]
    story_of = {i: s.id for s in stories for i in s.article_ids}
    given: list[str] = []
    seen_when_extracted: dict[str, list[str]] = {}

    class Watching(OfflineExtractor):
        async def extract(self, article: Article) -> ExtractionResult:
            seen_when_extracted.setdefault(story_of[article.id], list(given))
            return await super().extract(article)

    with ResultSpool() as spool:
        queue = pipeline.StoryQueue(
            whole_batch, stories, spool.load, lambda s: given.append(s.info.id),
            extractor="offline",
        )  # fmt: skip

        def landed(result: ExtractionResult) -> None:
            spool.add(result)
            queue.landed(result.article_id)

        asyncio.run(pipeline.extract_each(order, Watching(), on_result=landed, concurrency=1))
        assert queue.finish() == len(stories)
    ids = [s.id for s in stories]
    assert given == ids
    assert seen_when_extracted == {sid: ids[:n] for n, sid in enumerate(ids)}


def test_stories_are_reported_in_story_order_whatever_order_results_land_in(
    batch: tuple[IngestBatch, list[Path]],
    results: list[ExtractionResult],
    both: tuple[Report, dict[str, bytes]],
) -> None:
    whole_batch, paths = batch
    stories = pipeline.find_stories(whole_batch, paths)
    first, *later = stories
    given: list[str] = []
    with ResultSpool() as spool:
        sink = open_sink("json")
        totals = []

        def add(story: StoryReport) -> None:
            given.append(story.info.id)
            totals.append((story.info, story.report.summary))
            sink.add(story)

        queue = pipeline.StoryQueue(whole_batch, stories, spool.load, add, extractor="offline")
        # The later stories' results land first: nothing is reported until the first
        # story is complete, then every complete story, in order.
        for result in sorted(results, key=lambda r: r.article_id in first.article_ids):
            spool.add(result)
            queue.landed(result.article_id)
            if result.article_id not in first.article_ids:
                assert given == []
        assert given == [s.id for s in stories]
        assert queue.finish() == len(stories) and len(later) == 2
        outcomes = spool.outcomes([a.id for a in whole_batch.articles])
        head = pipeline.batch_head(whole_batch, outcomes, totals, extractor="offline")
        out = io.BytesIO()
        sink.finish(head, out)
        sink.close()
    whole, _ = both
    assert out.getvalue().decode("utf-8") == render(
        whole.model_copy(update={"decisions": []}), "json"
    )
