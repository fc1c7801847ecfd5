"""The pipeline wired end to end; the CLI and the TUI both drive it through here.

    ingest -> extract (llm | offline | mock) -> stories -> analyse per story (normalize,
           compare, checklist) -> build_report -> render

Each step is a plain function over the domain model, so a caller can stop after any of
them (the TUI saves each extraction as it lands; ``factcheck extract`` skips analysis).
The LLM layer is imported only when an LLM extractor is asked for.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from assistant import __version__
from assistant.checklist import build_checklists
from assistant.compare import Comparison, RuleConfig, compare
from assistant.config import Settings
from assistant.errors import CacheError, EndpointError
from assistant.extract.base import Extractor
from assistant.ingest import DEFAULT_MAX_BYTES, IngestBatch, IngestDefaults, ingest_paths
from assistant.model import (
    Article,
    ChecklistItem,
    Claim,
    ExtractionResult,
    ExtractionStatus,
    Grounding,
    InputRecord,
    InputStatus,
    Severity,
)
from assistant.normalize import normalize_claims
from assistant.report.model import (
    ArticleInfo,
    BatchHead,
    EditorDecision,
    ExtractionInfo,
    InputEntry,
    Report,
    StoryInfo,
    StoryReport,
    Summary,
)
from assistant.report.stories import story_part
from assistant.store.cache import ResultsCache, cache_key
from assistant.stories import Story, folder_stories, group_stories

_M = TypeVar("_M", bound=BaseModel)

# How many articles are under way per request an extractor may have in flight.
ARTICLES_PER_REQUEST_SLOT = 2

__all__ = [
    "Analysis",
    "StoryQueue",
    "analyse",
    "analyse_stories",
    "batch_head",
    "build_extractor",
    "build_report",
    "extract_all",
    "extract_each",
    "find_stories",
    "fixture_dirs_for",
    "ingest",
    "open_cache",
    "render",
    "story_order",
    "story_reports",
]


@dataclass(frozen=True)
class Analysis:
    """The rule layer's output for one story package."""

    claims: list[Claim] = field(default_factory=list)
    comparison: Comparison = field(default_factory=lambda: Comparison(clusters=[], findings=[]))
    checklists: list[ChecklistItem] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)


def ingest(
    paths: Sequence[Path],
    defaults: IngestDefaults | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestBatch:
    """Read every input; bad ones become rejected records, never exceptions."""
    return ingest_paths(paths, defaults=defaults, max_bytes=max_bytes)


def fixture_dirs_for(paths: Sequence[Path]) -> list[Path]:
    """``fixtures/`` folders where bundled mock answers live: beside a file (its own
    folder's ``fixtures/`` only, never the folders around it), or anywhere inside a
    folder the user named."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            candidates = [path / "fixtures", *sorted(path.rglob("fixtures"))]
        else:
            candidates = [path.parent / "fixtures"]
        for candidate in candidates:
            if candidate.is_dir() and candidate not in found:
                found.append(candidate)
    return found


def build_extractor(
    settings: Settings,
    *,
    inputs: Sequence[Path] = (),
    on_note: Callable[[str], None] | None = None,
) -> Extractor:
    """The extractor ``settings`` ask for. Raises ``ConfigError`` for an unusable setup.

    For ``mock``, the folders given in ``settings.fixture_dirs`` (which must load) are
    the fixtures; with none given, ``fixtures/`` folders found beside the inputs are used
    when they load; one that does not (an unrelated project's ``fixtures/users.json``) is
    left out and ``on_note`` says why. Named folders replace the ones found, so a
    recording of the same articles (``--record``) replays instead of them.
    """
    choice = settings.resolved_llm()
    if choice == "offline":
        from assistant.extract.offline import OfflineExtractor

        return OfflineExtractor()

    from assistant.llm.factory import llm_extractor, mock_extractor

    if choice == "mock":
        found = [] if settings.fixture_dirs else _loadable(fixture_dirs_for(inputs), on_note)
        return mock_extractor(settings, [*settings.fixture_dirs, *found], on_note=on_note)
    return llm_extractor(settings, on_note=on_note)


def _loadable(dirs: Sequence[Path], on_note: Callable[[str], None] | None) -> list[Path]:
    from assistant.llm.mock.fixtures import FixtureError, FixtureIndex

    usable: list[Path] = []
    for directory in dirs:
        try:
            FixtureIndex.load([directory])
        except FixtureError as err:
            if on_note is not None:
                on_note(f"{directory}: not used as mock fixtures: {err}")
            continue
        usable.append(directory)
    return usable


async def extract_all(
    articles: Sequence[Article],
    extractor: Extractor,
    *,
    concurrency: int = 4,
    on_result: Callable[[ExtractionResult], None] | None = None,
    cache: ResultsCache | None = None,
    on_stop: Callable[[EndpointError], None] | None = None,
) -> list[ExtractionResult]:
    """Extract every article, ``concurrency`` requests at a time (see ``_extract``);
    results in article order.

    An extractor that raises on one article (a bug) fails that article only. With a
    ``cache``, an article it holds a result for is not extracted (the result comes back
    ``cached``), and every complete result is stored the moment it is done. One that
    raises ``EndpointError`` (a bad key, no quota, an unknown model) stops the batch:
    ``on_stop`` is called once with it, and the articles not yet started fail unsent,
    with that reason.
    """
    results: list[ExtractionResult | None] = [None] * len(articles)

    def keep(index: int, result: ExtractionResult) -> None:
        results[index] = result
        if on_result is not None:
            on_result(result)

    await _extract(articles, extractor, keep, concurrency, cache, on_stop)
    return [r for r in results if r is not None]


async def extract_each(
    articles: Sequence[Article],
    extractor: Extractor,
    *,
    on_result: Callable[[ExtractionResult], None],
    concurrency: int = 4,
    cache: ResultsCache | None = None,
    on_stop: Callable[[EndpointError], None] | None = None,
) -> None:
    """``extract_all``, handing each result to ``on_result`` as it lands and keeping
    none: a batch of thousands of articles need not hold every claim at once (give it
    a ``ResultSpool``'s ``add``)."""
    await _extract(
        articles, extractor, lambda _, result: on_result(result), concurrency, cache, on_stop
    )


async def _extract(
    articles: Sequence[Article],
    extractor: Extractor,
    deliver: Callable[[int, ExtractionResult], None],
    concurrency: int,
    cache: ResultsCache | None,
    on_stop: Callable[[EndpointError], None] | None,
) -> None:
    # Twice as many articles under way as requests may be in flight (the extractor holds
    # those to ``concurrency``): while some articles' answers are read and converted
    # (CPU), others' requests are already out, so no request slot waits on that work.
    gate = asyncio.Semaphore(concurrency * ARTICLES_PER_REQUEST_SLOT)
    fingerprint = extractor.fingerprint() if cache is not None else {}
    stopped: list[EndpointError] = []
    keys = {a.id: cache_key(a, fingerprint) for a in articles} if cache is not None else {}

    async def one(index: int, article: Article) -> None:
        key = keys.get(article.id, "")
        async with gate:
            try:
                if stopped:
                    raise EndpointError(f"the run stopped before this article: {stopped[0]}")
                result = await extractor.extract(article)
            except EndpointError as exc:
                if not stopped:
                    stopped.append(exc)
                    if on_stop is not None:
                        on_stop(exc)
                result = ExtractionResult(
                    article_id=article.id,
                    extractor=extractor.name,
                    status=ExtractionStatus.failed,
                    error=str(exc),
                )
            except Exception as exc:  # a bug on one article must not cost the batch
                result = ExtractionResult(
                    article_id=article.id,
                    extractor=extractor.name,
                    status=ExtractionStatus.failed,
                    error=f"internal error in the {extractor.name} extractor "
                    f"({type(exc).__name__}: {exc}); please report it",
                )
        if cache is not None:  # at once, in its own transaction: a kill loses no finished one
            cache.put(key, result, article)
        deliver(index, result)

    try:
        pending: list[tuple[int, Article]] = []
        for index, article in enumerate(articles):
            hit = cache.get(keys[article.id]) if cache is not None else None
            if hit is not None:
                deliver(index, hit)  # at once: a warm rerun never holds every result
            else:
                pending.append((index, article))
        await extractor.prepare([article for _, article in pending])
        # Each coroutine returns nothing: its result went to ``deliver``, so gather holds
        # no result until the last article is done.
        await asyncio.gather(*(one(i, a) for i, a in pending))
    finally:
        await extractor.aclose()


def stopped_by(stop: EndpointError, result: ExtractionResult) -> bool:
    """True for an article that failed because ``stop`` (the endpoint refusing the run,
    as ``extract_all`` passed it to ``on_stop``) ended the batch: the article whose
    answer it was, one in flight then, or one never sent after it."""
    return result.status is ExtractionStatus.failed and str(stop) in (result.error or "")


def open_cache(
    settings: Settings, on_note: Callable[[str], None] | None = None
) -> ResultsCache | None:
    """The results cache ``settings`` ask for, or None: turned off (``--no-cache``),
    recording fixtures (every article must reach the endpoint to be recorded), or
    unusable (``on_note`` says why; the run goes on without it)."""
    if not settings.cache or settings.record_dir is not None:
        return None
    try:
        return ResultsCache.open(settings.resolved_cache_dir())
    except CacheError as exc:
        if on_note is not None:
            on_note(f"results cache not used: {exc}")
        return None


def analyse(
    articles: Sequence[Article],
    results: Sequence[ExtractionResult],
    config: RuleConfig | None = None,
) -> Analysis:
    """Normalize every extracted claim, compare across articles, build checklists."""
    config = config or RuleConfig()
    extracted = [claim for result in results for claim in result.claims]
    claims = normalize_claims(articles, extracted, config.normalize)
    comparison = compare(articles, claims, config)
    return Analysis(
        claims=claims, comparison=comparison, checklists=build_checklists(claims, comparison)
    )


def find_stories(
    batch: IngestBatch, paths: Sequence[Path], *, one_story: bool = False
) -> list[Story]:
    """The stories of the batch (``assistant/stories.py``): as the inputs name them, else
    the folders in ``paths``, else by shared names; one story with ``one_story``."""
    folders = folder_stories(batch.articles, paths)
    return group_stories(batch.articles, folders=folders, one_story=one_story)


def analyse_stories(
    articles: Sequence[Article],
    results: Sequence[ExtractionResult],
    stories: Sequence[Story],
    config: RuleConfig | None = None,
) -> Analysis:
    """``analyse`` each story on its own and put the results together: claims of
    different stories never meet in a cluster or a finding. With one story this is
    ``analyse`` itself, unchanged."""
    if len(stories) <= 1:
        return replace(analyse(articles, results, config), stories=list(stories))
    by_article = {r.article_id: r for r in results}
    by_id = {a.id: a for a in articles}
    parts = [_analyse_story(story, by_id, by_article, config) for story in stories]
    return Analysis(
        claims=[c for part in parts for c in part.claims],
        comparison=Comparison(
            clusters=[c for part in parts for c in part.comparison.clusters],
            findings=[f for part in parts for f in part.comparison.findings],
        ),
        checklists=[c for part in parts for c in part.checklists],
        stories=list(stories),
    )


def _analyse_story(
    story: Story,
    articles: Mapping[str, Article],
    results: Mapping[str, ExtractionResult],
    config: RuleConfig | None,
) -> Analysis:
    """One story of a batch of several, analysed alone, its cluster ids made its own."""
    part = analyse(
        [articles[i] for i in story.article_ids if i in articles],
        [results[i] for i in story.article_ids if i in results],
        config,
    )
    # A cluster's id comes from its key (metric, period...), which two stories can
    # share: within a batch it is made the story's own.
    ids = {c.id: _story_cluster_id(story, c.id) for c in part.comparison.clusters}
    clusters = [c.model_copy(update={"id": ids[c.id]}) for c in part.comparison.clusters]
    findings = [
        f.model_copy(update={"cluster_id": ids.get(f.cluster_id, f.cluster_id)})
        if f.cluster_id
        else f
        for f in part.comparison.findings
    ]
    return Analysis(
        claims=part.claims,
        comparison=Comparison(clusters=clusters, findings=findings),
        checklists=part.checklists,
        stories=[story],
    )


def _story_cluster_id(story: Story, cluster_id: str) -> str:
    key = f"{story.basis.value}\x1f{story.label}\x1f{cluster_id}"  # not its number: stable
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    return f"cluster-{digest}"


def _story_infos(analysis: Analysis) -> list[StoryInfo]:
    story_of = {a: s.id for s in analysis.stories for a in s.article_ids}
    claims_of = {c.id: story_of.get(c.article_id) for c in analysis.claims}
    infos = []
    for story in analysis.stories:
        mine = [
            f
            for f in analysis.comparison.findings
            if not f.ok and claims_of.get(f.claim_ids[0] if f.claim_ids else "") == story.id
        ]
        infos.append(
            StoryInfo(
                id=story.id,
                label=story.label,
                basis=story.basis,
                articles=list(story.article_ids),
                claims=sum(1 for s in claims_of.values() if s == story.id),
                clusters=[
                    c.id
                    for c in analysis.comparison.clusters
                    if c.claim_ids and claims_of.get(c.claim_ids[0]) == story.id
                ],
                findings={
                    sev: n for sev in Severity if (n := sum(1 for f in mine if f.severity is sev))
                },
            )
        )
    return infos


def _project(source: BaseModel, target: type[_M], **extra: object) -> _M:
    """``target`` filled from the same-named fields of ``source``: the report's views of
    an article and an extraction never keep a second list of field names to drift."""
    shared = target.model_fields.keys() - extra.keys()
    return target(**{name: getattr(source, name) for name in shared}, **extra)


def _article_info(article: Article) -> ArticleInfo:
    return _project(article, ArticleInfo, characters=len(article.text))


def _extraction_info(result: ExtractionResult) -> ExtractionInfo:
    return _project(result, ExtractionInfo)


def _no_claims_reason(result: ExtractionResult | None) -> str:
    if result is None:
        return "not extracted"
    if result.status is ExtractionStatus.failed:
        return f"extraction failed: {result.error or 'unknown error'}"
    return "no checkable claims found in the article text"


def build_report(
    batch: IngestBatch,
    results: Sequence[ExtractionResult],
    analysis: Analysis,
    *,
    extractor: str,
    compared: bool = True,
    decisions: Sequence[EditorDecision] = (),
) -> Report:
    """Assemble the report: every input in order, then the cross-article sections."""
    articles = {a.id: a for a in batch.articles}
    by_article = {r.article_id: r for r in results}
    story_of = {a: s.id for s in analysis.stories for a in s.article_ids}
    claims_by_article: dict[str, list[Claim]] = {}
    for claim in analysis.claims:
        claims_by_article.setdefault(claim.article_id, []).append(claim)

    entries: list[InputEntry] = []
    for record in batch.inputs:
        if record.status is not InputStatus.ok or record.article_id not in articles:
            entries.append(_no_article_entry(record))
            continue
        article = articles[record.article_id]
        result = by_article.get(article.id)
        claims = claims_by_article.get(article.id, [])
        entries.append(
            InputEntry(
                source=record.source,
                status=record.status,
                reason=None if claims else _no_claims_reason(result),
                notes=[record.reason] if record.reason else [],
                also_as=record.also_as,
                story=story_of.get(article.id),
                article=_article_info(article),
                extraction=_extraction_info(result) if result else None,
                claims=claims,
                hedges=result.hedges if result else [],
            )
        )

    findings = analysis.comparison.findings
    severities = {s: sum(1 for f in findings if f.severity is s and not f.ok) for s in Severity}
    summary = _summary(
        batch,
        results,
        claims=len(analysis.claims),
        grounded=sum(1 for c in analysis.claims if c.grounding is not Grounding.ungrounded),
        findings=severities,
    )
    return Report(
        tool_version=__version__,
        extractor=extractor,
        compared=compared,
        summary=summary,
        stories=_story_infos(analysis),
        inputs=entries,
        not_read=batch.not_read,
        clusters=analysis.comparison.clusters,
        findings=findings,
        checklists=analysis.checklists,
        decisions=list(decisions),
    )


def _no_article_entry(record: InputRecord) -> InputEntry:
    """The entry of an input that made no article: rejected, with its reason."""
    return InputEntry(
        source=record.source, status=record.status, reason=record.reason, also_as=record.also_as
    )


def _summary(
    batch: IngestBatch,
    results: Sequence[ExtractionResult],
    *,
    claims: int,
    grounded: int,
    findings: Mapping[Severity, int],
) -> Summary:
    return Summary(
        inputs=len(batch.inputs),
        articles=len(batch.articles),
        rejected=sum(1 for r in batch.inputs if r.status is not InputStatus.ok),
        failed=sum(1 for r in results if r.status is ExtractionStatus.failed),
        claims=claims,
        grounded=grounded,
        ungrounded=claims - grounded,
        cached=sum(1 for r in results if r.cached),
        findings={s: n for s in Severity if (n := findings.get(s, 0))},
    )


def story_reports(
    batch: IngestBatch,
    stories: Sequence[Story],
    load: Callable[[str], ExtractionResult | None],
    *,
    extractor: str,
    config: RuleConfig | None = None,
    decide: Callable[[Report], list[EditorDecision]] | None = None,
) -> Iterator[StoryReport]:
    """Each story of a batch of several stories, analysed and reported on its own, in
    story order: the parts ``report.stories.by_story`` cuts from ``build_report``'s whole
    report, made one at a time.

    ``load`` gives an article's extraction result (a ``ResultSpool``'s): only the
    story's own are loaded, and nothing of a story is kept once the caller has written
    it, so a batch of thousands of articles never holds all its claims, findings and
    checklists at once. ``decide`` picks the editor's decisions to carry onto a story's
    report (``report.workspace.DecisionCarrier.carry``).
    """
    by_id = {a.id: a for a in batch.articles}
    records: dict[str, list[InputRecord]] = {}
    for record in batch.inputs:
        if record.status is InputStatus.ok and record.article_id in by_id:
            records.setdefault(record.article_id, []).append(record)
    for number, story in enumerate(stories, start=1):
        results = {i: r for i in story.article_ids if (r := load(i)) is not None}
        analysis = _analyse_story(story, by_id, results, config)
        own = IngestBatch(
            articles=[by_id[i] for i in story.article_ids if i in by_id],
            inputs=[r for i in story.article_ids for r in records.get(i, [])],
        )
        report = build_report(own, list(results.values()), analysis, extractor=extractor)
        if decide is not None:
            report = report.model_copy(update={"decisions": decide(report)})
        [info] = report.stories
        yield StoryReport(number, info, report, story_part(report, info))


def story_order(articles: Sequence[Article], stories: Sequence[Story]) -> list[Article]:
    """``articles`` story by story, in story order (each story's own in batch order): sent
    to extraction in this order, the first stories are complete, so analysed and written
    (``StoryQueue``), while the later ones' requests are still out. Articles of no story
    come last. With one story or none, the batch order itself."""
    if len(stories) <= 1:
        return list(articles)
    rank = {article_id: n for n, story in enumerate(stories) for article_id in story.article_ids}
    return sorted(articles, key=lambda a: rank.get(a.id, len(stories)))  # stable


class StoryQueue:
    """The stories of a batch, each analysed and reported (``story_reports``) as soon as
    every article of it and of every story before it has its extraction result: the rule
    layer runs while later stories are still being extracted, and the reports still come
    in story order, whatever order the results land in.

    Call ``landed`` with each article id as its result is stored where ``load`` finds it;
    ``on_story`` gets each ``StoryReport`` in story order. ``finish`` hands over the
    stories not yet given (those with articles that never landed: reported with what
    ``load`` has) and returns how many were given in all.
    """

    def __init__(
        self,
        batch: IngestBatch,
        stories: Sequence[Story],
        load: Callable[[str], ExtractionResult | None],
        on_story: Callable[[StoryReport], None],
        *,
        extractor: str,
        config: RuleConfig | None = None,
        decide: Callable[[Report], list[EditorDecision]] | None = None,
    ) -> None:
        known = {a.id for a in batch.articles}
        self._waiting = [{i for i in s.article_ids if i in known} for s in stories]
        self._story_of = {i: n for n, ids in enumerate(self._waiting) for i in ids}
        self._reports = story_reports(
            batch, stories, load, extractor=extractor, config=config, decide=decide
        )
        self._on_story = on_story
        self._given = 0

    def landed(self, article_id: str) -> None:
        """``article_id``'s result is in: report every story now complete, in order."""
        number = self._story_of.pop(article_id, None)
        if number is not None:
            self._waiting[number].discard(article_id)
        while self._given < len(self._waiting) and not self._waiting[self._given]:
            self._give()

    def finish(self) -> int:
        while self._given < len(self._waiting):
            self._give()
        return self._given

    def _give(self) -> None:
        self._given += 1
        self._on_story(next(self._reports))


def batch_head(
    batch: IngestBatch,
    outcomes: Sequence[ExtractionResult],
    stories: Sequence[tuple[StoryInfo, Summary]],
    *,
    extractor: str,
    decisions: Sequence[EditorDecision] = (),
) -> BatchHead:
    """The head of the report of a batch of several stories, from each story's info and
    summary (``story_reports``: ``info``, ``report.summary``), summed; ``outcomes`` are
    every article's extraction result (its claims not needed)."""
    articles = {a.id for a in batch.articles}
    order: list[str | None] = []
    rejected: list[InputEntry] = []
    for record in batch.inputs:
        if record.status is not InputStatus.ok or record.article_id not in articles:
            order.append(None)
            rejected.append(_no_article_entry(record))
        else:
            order.append(record.article_id)
    summary = _summary(
        batch,
        outcomes,
        claims=sum(totals.claims for _, totals in stories),
        grounded=sum(totals.grounded for _, totals in stories),
        findings={sev: sum(t.findings.get(sev, 0) for _, t in stories) for sev in Severity},
    )
    report = Report(
        tool_version=__version__,
        extractor=extractor,
        summary=summary,
        stories=[info for info, _ in stories],
        inputs=rejected,
        not_read=batch.not_read,
        decisions=list(decisions),
    )
    return BatchHead(report, tuple(order))


def render(report: Report, fmt: str, *, settings: Settings | None = None) -> str:
    """Render ``report`` as md, html, json, csv or claimreview (ClaimReview on the rating
    scale ``settings`` give). Raises ``ValueError`` for other formats."""
    from assistant.report import render as renderers

    scale = settings.claimreview if settings is not None else None
    return renderers.render(report, fmt, rating_scale=scale)
