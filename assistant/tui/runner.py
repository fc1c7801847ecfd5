"""The pipeline run behind the app: ingest -> extract -> analyse, saved into the workspace.

Runs in a thread worker with its own workspace connection (SQLite connections stay in
the thread that opened them) and reports only by posting messages.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from textual.message import Message

from assistant.config import Settings
from assistant.errors import EndpointError
from assistant.extract.base import Extractor
from assistant.model import Article, ExtractionResult, ExtractionStatus
from assistant.redact import redact
from assistant.store import Workspace
from assistant.stories import folder_stories, group_stories
from assistant.text import one_line
from assistant.tui.messages import ArticleExtracted, RunFinished, RunIngested

Post = Callable[[Message], object]
Cancelled = Callable[[], bool]

# How often the extraction loop looks at the cancel flag: short enough to feel instant.
_CANCEL_POLL_S = 0.05


def run_package(
    workspace_path: Path,
    paths: Sequence[Path],
    settings: Settings,
    *,
    actor: str | None,
    session: str | None = None,
    post: Post,
    cancelled: Cancelled,
) -> None:
    """Ingest ``paths``, extract what changed, compare the package, save every step.

    Raises whatever ingest, ``build_extractor`` (``ConfigError``) or the store raise;
    a failing article does not raise: its failed result is saved and shown in place.
    """
    # Imported here: the pipeline (and the LLM layer behind it) loads only when a run
    # starts, so opening a workspace to review it stays instant.
    from assistant import pipeline

    run_started = time.time()
    batch = pipeline.ingest(paths)
    with Workspace.open(workspace_path, actor=actor, session=session) as workspace:
        todo = _needs_extraction(workspace, batch.articles)
        workspace.save_inputs(batch.inputs)
        workspace.save_articles(batch.articles)
        post(RunIngested(total=len(todo), skipped=len(batch.articles) - len(todo)))
        stop: RunStop | None = None
        if todo and not cancelled():
            extractor = pipeline.build_extractor(settings, inputs=paths)
            stop = asyncio.run(
                _extract(workspace, todo, extractor, settings, run_started, post, cancelled)
            )
        if cancelled():
            post(RunFinished(cancelled=True))
            return
        # Analyse the whole workspace, articles added earlier included, story by story as
        # the report does: a night's batch opened here holds many events, and deaths in
        # two of them must not meet in one cluster. A run the endpoint stopped is analysed
        # too: what was extracted before it counts.
        articles = workspace.articles()
        stories = group_stories(articles, folders=folder_stories(articles, paths))
        analysis = pipeline.analyse_stories(articles, workspace.extractions(), stories)
        workspace.save_analysis(analysis.claims, analysis.comparison, analysis.checklists)
    if stop is None:
        post(RunFinished(cancelled=False))
    else:
        post(
            RunFinished(
                cancelled=False,
                stopped=stop.reason,
                not_extracted=stop.not_extracted,
                total=len(todo),
            )
        )


def _needs_extraction(workspace: Workspace, articles: Sequence[Article]) -> list[Article]:
    """Articles that are new, changed since their extraction, or failed last time.

    Changed is judged against the text the extraction was made from, not the saved
    article: a run cancelled after saving a new text but before extracting it leaves the
    old claims, and they must not pass for the new text's. Re-extracting an unchanged
    article would spend model calls for nothing. (Should it happen, decisions follow
    their quotes: see ``Workspace.save_extraction``.)
    """
    saved = {a.id: a.content_hash for a in workspace.articles()}
    extracted_from = workspace.extracted_from()
    todo = []
    for article in articles:
        previous = workspace.extraction(article.id)
        made_from = extracted_from.get(article.id) or saved.get(article.id)
        unchanged = made_from == article.content_hash
        if not unchanged or previous is None or previous.status is ExtractionStatus.failed:
            todo.append(article)
    return todo


async def _extract(
    workspace: Workspace,
    articles: list[Article],
    extractor: Extractor,
    settings: Settings,
    run_started: float,
    post: Post,
    cancelled: Cancelled,
) -> RunStop | None:
    """Extract ``articles``, saving each result as it comes; the endpoint's refusal of
    the run, if it refused it (``pipeline.extract_all`` stops the batch there)."""
    done = 0
    refused: list[EndpointError] = []
    results: list[ExtractionResult] = []

    def saved(result: ExtractionResult) -> None:
        nonlocal done
        done += 1
        results.append(result)
        # False: a newer run already saved this article; its result stands and ours is dropped.
        if workspace.save_extraction(result, run_started=run_started):
            post(
                ArticleExtracted(
                    result.article_id,
                    result.status,
                    result.error,
                    len(result.claims),
                    done,
                    len(articles),
                )
            )

    from assistant import pipeline

    # Opened in this thread: an SQLite connection stays in the thread that opened it.
    cache = pipeline.open_cache(settings)
    task = asyncio.ensure_future(
        pipeline.extract_all(
            articles,
            extractor,
            concurrency=settings.concurrency,
            on_result=saved,
            cache=cache,
            on_stop=refused.append,
        )
    )
    try:
        while not task.done():
            if cancelled():
                task.cancel()
                break
            await asyncio.wait({task}, timeout=_CANCEL_POLL_S)
        try:
            await task
        except asyncio.CancelledError:
            # Cancelled by the editor: the results saved so far are kept (and cached).
            return None
    finally:
        if cache is not None:
            cache.close()
    if not refused:
        return None
    lost = sum(1 for result in results if pipeline.stopped_by(refused[0], result))
    return RunStop(redact(one_line(str(refused[0]))), lost)


@dataclass(frozen=True)
class RunStop:
    """The model endpoint refused the run: why, and how many articles it cost."""

    reason: str
    not_extracted: int
