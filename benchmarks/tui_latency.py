"""Headless latency of the workspace TUI on a large package.

Builds a workspace with 5,000 claims (100 articles x 50 claims, clusters of five with
conflicts, the real nine-item checklists from ``build_checklists``), then drives the
real app with Textual's pilot:

- time to first screen: from opening the workspace file to the overview shown (median
  of three starts: the machine may be shared). Python's imports of the app's modules are
  not counted: they are paid once per process, before this script starts measuring;
- opening the claims list: from ``c`` to its first rows on screen;
- moving to the next claim's detail: median over 50 ``n`` presses in the claim detail.

Then a newsroom-scale case (issue 11): 3,000 articles x 15 claims (45,000 claims, the
same clusters, findings of four rules, the nine-item checklists):

- the first screen on reopen: from opening the workspace to the overview showing its
  article rows (median of three starts);
- any key during a live run: the app's own pipeline worker delivers a run over the
  3,000 articles (``RunIngested``, one ``ArticleExtracted`` per article, ``RunFinished``,
  as ``tui/runner.py`` posts them, at about 1,000 articles a second) while the pilot
  moves in the overview, opens the claims list, filters it and goes back; the slowest
  key counts;
- the conflicts filter: from ``f`` (unchecked -> conflicts) to the filtered rows shown.

Prints every figure with its bound and PASS/FAIL; exits 1 on a FAIL.

    python benchmarks/tui_latency.py [--claims 5000] [--articles 3000] [--only small|large]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable

from assistant.checklist import build_checklists
from assistant.model import (
    Article,
    Bound,
    Claim,
    ClaimKind,
    Cluster,
    Comparison,
    ExtractionResult,
    ExtractionStatus,
    Finding,
    InputRecord,
    InputStatus,
    Period,
    Quantity,
    RuleId,
    Severity,
    SourceLink,
    SourceRole,
    Span,
)
from assistant.store import Workspace
from assistant.tui.app import FactcheckApp, make_app
from assistant.tui.messages import ArticleExtracted, RunFinished, RunIngested
from assistant.tui.package import ClaimFilter
from assistant.tui.screens.claims import ClaimsScreen
from assistant.tui.screens.detail import ClaimDetailScreen
from assistant.tui.screens.overview import OverviewScreen

FIRST_SCREEN_BOUND_S = 1.5
NEXT_CLAIM_BOUND_S = 0.050
# Opening the claims list shows its first rows at once; a rebuild of the screen under it
# once made this 0.7 s.
CLAIMS_LIST_BOUND_S = 0.5
CLAIMS_PER_ARTICLE = 50
CLUSTER_SIZE = 5
MOVES = 50

# The newsroom-scale case (issue 11).
LARGE_ARTICLES = 3000
LARGE_CLAIMS_PER_ARTICLE = 15
REOPEN_BOUND_S = 2.0
LIVE_KEY_BOUND_S = 0.200
CONFLICTS_FILTER_BOUND_S = 0.300
LIVE_RATE = 1000  # articles a second the fake run reports
LIVE_LIMIT_S = 120.0  # a live run not over by then is a frozen screen


def sentence(article: int, n: int) -> str:
    return (
        f"Officials said {1000 + 37 * n + article} people were evacuated in district {n} on Monday."
    )


def build(path: Path, total_claims: int, per_article: int = CLAIMS_PER_ARTICLE) -> None:
    """Write a synthetic package of ``total_claims`` claims into a new workspace.

    Articles of ``per_article`` claims; the n-th claims of CLUSTER_SIZE consecutive
    articles form a cluster, every third one in a CONFLICT; some claims are single-source
    or unverified. Deterministic: the same arguments give the same file.
    """
    n_articles = max(1, total_claims // per_article)
    articles = []
    claims: list[Claim] = []
    for a in range(n_articles):
        lines = [sentence(a, n) for n in range(per_article)]
        text = "\n".join(lines)
        article = Article(
            id=f"a{a:04d}",
            outlet=f"Outlet {a % 17}",
            title=f"Report {a}",
            published=date(2026, 3, 1) + timedelta(days=a % 9),
            text=text,
            source=f"a{a:04d}.txt",
        )
        articles.append(article)
        offset = 0
        for n, line in enumerate(lines):
            value = 1000 + 37 * n + a
            claims.append(
                Claim(
                    id=f"{article.id}#{n + 1}",
                    article_id=article.id,
                    quote=line,
                    span=Span(start=offset, end=offset + len(line)),
                    statement=line,
                    kind=ClaimKind.quantity,
                    metric="people evacuated",
                    quantity=Quantity(
                        value=value, bound=Bound.exact, unit="people", text=str(value)
                    ),
                    period=Period(
                        text="on Monday",
                        start=date(2026, 3, 2),
                        end=date(2026, 3, 2),
                        resolved=True,
                    ),
                    attribution=[SourceLink(name="officials", role=SourceRole.original)],
                    check_worthiness=(n % 10) / 10,
                )
            )
            offset += len(line) + 1
    # Clusters across articles: the n-th claim of CLUSTER_SIZE consecutive articles.
    clusters, findings = [], []
    for a0 in range(0, n_articles, CLUSTER_SIZE):
        for n in range(per_article):
            ids = [f"a{a:04d}#{n + 1}" for a in range(a0, min(a0 + CLUSTER_SIZE, n_articles))]
            cluster_id = f"c{a0}-{n}"
            clusters.append(
                Cluster(
                    id=cluster_id,
                    subject=f"district {n}",
                    metric="people evacuated",
                    period="2026-03-02",
                    claim_ids=ids,
                )
            )
            if n % 3 == 0:
                findings.append(
                    Finding(
                        rule=RuleId.CONFLICT,
                        severity=Severity.high,
                        claim_ids=ids,
                        evidence="values differ",
                        cluster_id=cluster_id,
                    )
                )
            elif n % 3 == 1:
                findings.append(
                    Finding(
                        rule=RuleId.CORROBORATED,
                        severity=Severity.info,
                        claim_ids=ids,
                        evidence="independent origins",
                        cluster_id=cluster_id,
                        ok=True,
                    )
                )
    for i, claim in enumerate(claims):
        if i % 7 == 2:
            findings.append(
                Finding(
                    rule=RuleId.SINGLE_SOURCE,
                    severity=Severity.medium,
                    claim_ids=[claim.id],
                    evidence="one origin only",
                )
            )
        if i % 11 == 5:
            findings.append(
                Finding(
                    rule=RuleId.UNVERIFIED,
                    severity=Severity.medium,
                    claim_ids=[claim.id],
                    evidence="could not be independently verified",
                )
            )
    comparison = Comparison(clusters=clusters, findings=findings)
    with Workspace.open(path, actor="bench") as workspace:
        # Building the file is not what is measured: no fsync per article (the bench's
        # own connection only; the app opens the file again with its usual settings).
        workspace._db.execute("PRAGMA synchronous = OFF")
        workspace.save_inputs(
            [InputRecord(source=a.source, status=InputStatus.ok, article_id=a.id) for a in articles]
        )
        workspace.save_articles(articles)
        for index, article in enumerate(articles):
            mine = claims[index * per_article : (index + 1) * per_article]
            workspace.save_extraction(
                ExtractionResult(article_id=article.id, extractor="bench", claims=mine),
                run_started=1.0,
            )
        workspace.save_analysis(claims, comparison, build_checklists(claims, comparison))


async def first_screen(path: Path) -> float:
    """Seconds from opening the workspace to the overview on screen (imports done before)."""
    started = time.perf_counter()
    with Workspace.open(path, actor="bench") as workspace:
        app = make_app(workspace, run_pipeline=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot._wait_for_screen()
            app.screen._on_timer_update()
            assert isinstance(app.screen, OverviewScreen)
            return time.perf_counter() - started


async def measure(path: Path) -> tuple[float, float, float]:
    """(first screen s, claims list s, median next-claim s)."""
    first = statistics.median([await first_screen(path) for _ in range(3)])
    with Workspace.open(path, actor="bench") as workspace:
        app = make_app(workspace, run_pipeline=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()

            claims_list = await key_to_frame(pilot, "c")
            assert isinstance(app.screen, ClaimsScreen)

            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ClaimDetailScreen)
            moves = []
            for _ in range(MOVES):
                before = app.screen.claim_id
                moves.append(await key_to_frame(pilot, "n"))
                assert app.screen.claim_id != before
        return first, claims_list, statistics.median(moves)


async def key_to_frame(pilot: Pilot[None], key: str) -> float:
    """Seconds from a key event to the frame that shows its result.

    ``pilot.press`` would add its own idle-detection sleeps (tens of ms), so the key is
    posted directly; we wait until every message it caused is handled, then paint the
    frame as the next screen refresh would. Excludes only the wait for that refresh tick.
    """
    app = pilot.app
    started = time.perf_counter()
    app.post_message(events.Key(key, key))
    await pilot._wait_for_screen()  # the key, the action, and the widget updates it posts
    await pilot._wait_for_screen()
    app.screen._on_timer_update()  # lay out and render the frame now
    return time.perf_counter() - started


# ---------------------------------------------------------------------- the large case


def loading(app: FactcheckApp) -> bool:
    """Whether the app is still reading the package's claims in the background."""
    return bool(getattr(app.session, "loading", False))


async def until(pilot: Pilot[None], done: Callable[[], bool], limit_s: float = 120.0) -> None:
    deadline = time.perf_counter() + limit_s
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there in time")
        await pilot._wait_for_screen()
        await asyncio.sleep(0.001)


def article_rows(app: FactcheckApp) -> int:
    return app.screen.query_one("#articles", DataTable).row_count


async def reopen(path: Path) -> tuple[float, float]:
    """(seconds to the overview showing its article rows, seconds until every claim is
    loaded too), from opening the workspace file; imports done before."""
    started = time.perf_counter()
    with Workspace.open(path, actor="bench") as workspace:
        app = make_app(workspace, run_pipeline=False)
        async with app.run_test(size=(120, 36)) as pilot:
            # A screenful of article rows: what the editor sees first.
            await until(
                pilot, lambda: isinstance(app.screen, OverviewScreen) and article_rows(app) >= 20
            )
            app.screen._on_timer_update()
            first = time.perf_counter() - started
            await until(pilot, lambda: not loading(app))
            return first, time.perf_counter() - started


# Keys pressed, round and round, while the run reports: move in the overview, open the
# claims list, filter it twice, move, back to the overview.
LIVE_KEYS = ("down", "down", "down", "c", "f", "f", "down", "down", "escape", "o", "down", "up")


async def live_run(path: Path, n_articles: int) -> tuple[float, float, int]:
    """(slowest key s, median key s, keys pressed) while a run over ``n_articles`` reports."""
    finished = threading.Event()

    def fake_run(workspace_path: Path, paths: object, settings: object, **kw: Any) -> None:
        # What tui/runner.py posts, paced like a fast extraction; nothing written.
        post, cancelled = kw["post"], kw["cancelled"]
        ids = [f"a{a:04d}" for a in range(n_articles)]
        post(RunIngested(total=len(ids), skipped=0))
        for done, article_id in enumerate(ids, start=1):
            if cancelled():
                post(RunFinished(cancelled=True))
                return
            post(
                ArticleExtracted(
                    article_id, ExtractionStatus.ok, None, LARGE_CLAIMS_PER_ARTICLE, done, len(ids)
                )
            )
            if done % 10 == 0:
                time.sleep(10 / LIVE_RATE)
        post(RunFinished(cancelled=False))
        finished.set()

    times: list[float] = []

    def frozen() -> None:
        # A screen that cannot keep up with the run never gets idle again: the pilot (and
        # the app's own exit) wait behind every message queued. Say so and give up.
        report("slowest key during a live run", LIVE_LIMIT_S, LIVE_KEY_BOUND_S)
        print(f"{'':<30} (frozen: {len(times)} keys answered in {LIVE_LIMIT_S:.0f} s)")
        sys.stdout.flush()
        os._exit(1)

    watchdog = threading.Timer(LIVE_LIMIT_S, frozen)
    watchdog.start()
    with (
        mock.patch("assistant.tui.app.run_package", fake_run),
        Workspace.open(path, actor="bench") as workspace,
    ):
        app = make_app(workspace, paths=[path], run_pipeline=True)
        async with app.run_test(size=(120, 36)) as pilot:
            index = 0
            # Until the run is over and its results are on screen, then one more round.
            extra = len(LIVE_KEYS)
            while extra > 0:
                key = LIVE_KEYS[index % len(LIVE_KEYS)]
                index += 1
                times.append(await key_to_frame(pilot, key))
                if finished.is_set() and not app.progress.running and not loading(app):
                    extra -= 1
                await asyncio.sleep(0.02)  # an editor's pace, give or take
            app.workers.cancel_group(app, "pipeline")
    watchdog.cancel()
    return max(times), statistics.median(times), len(times)


async def conflicts_filter(path: Path) -> float:
    """Seconds from ``f`` (unchecked -> conflicts) to the conflicting claims shown."""
    with Workspace.open(path, actor="bench") as workspace:
        app = make_app(workspace, run_pipeline=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await until(pilot, lambda: not loading(app))
            await pilot.press("c")
            await until(pilot, lambda: app.screen.query_one("#claims", DataTable).row_count > 0)
            await pilot.press("f")  # unchecked
            await pilot.pause()
            taken = await key_to_frame(pilot, "f")
            assert app.session.query.filter is ClaimFilter.conflicts
            assert app.screen.query_one("#claims", DataTable).row_count > 0
            return taken


async def measure_large(path: Path, n_articles: int) -> bool:
    """Measure and print the large case's figures as they come; True when all pass.

    The live run comes last: with a screen that cannot keep up it never ends, and the
    figures before it are printed by then.
    """
    starts = [await reopen(path) for _ in range(3)]
    first = statistics.median(s[0] for s in starts)
    loaded = statistics.median(s[1] for s in starts)
    report("first screen on reopen", first, REOPEN_BOUND_S)
    print(f"{'':<30} (every claim loaded after {loaded * 1000:.0f} ms, in the background)")
    conflicts = await conflicts_filter(path)
    report("conflicts filter", conflicts, CONFLICTS_FILTER_BOUND_S)
    slowest, median, keys = await live_run(path, n_articles)
    report("slowest key during a live run", slowest, LIVE_KEY_BOUND_S)
    print(f"{'':<30} (median of {keys} keys {median * 1000:.1f} ms)")
    return (
        first < REOPEN_BOUND_S
        and slowest < LIVE_KEY_BOUND_S
        and (conflicts < CONFLICTS_FILTER_BOUND_S)
    )


def report(name: str, value: float, bound: float) -> None:
    verdict = "PASS" if value < bound else "FAIL"
    print(
        f"{name:<30} {value * 1000:7.1f} ms  (bound < {bound * 1000:.0f} ms)  {verdict}", flush=True
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=5000)
    parser.add_argument("--articles", type=int, default=LARGE_ARTICLES)
    parser.add_argument("--only", choices=("small", "large"))
    parser.add_argument(
        "--keep", type=Path, help="build the large workspace here once and reuse it after"
    )
    args = parser.parse_args()
    ok = True
    if args.only != "large":
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.sqlite"
            build(path, args.claims)
            first, claims_list, move = asyncio.run(measure(path))
        ok = (
            first < FIRST_SCREEN_BOUND_S
            and claims_list < CLAIMS_LIST_BOUND_S
            and (move < NEXT_CLAIM_BOUND_S)
        )
        print(f"workspace: {args.claims} claims")
        report("time to first screen", first, FIRST_SCREEN_BOUND_S)
        print(f"{'':<30} (opening the workspace included; module imports excluded)")
        report("claims list, first rows shown", claims_list, CLAIMS_LIST_BOUND_S)
        report("next claim's detail (median)", move, NEXT_CLAIM_BOUND_S)
    if args.only != "small":
        total = args.articles * LARGE_CLAIMS_PER_ARTICLE
        with tempfile.TemporaryDirectory() as tmp:
            path = args.keep or Path(tmp) / "large.sqlite"
            started = time.perf_counter()
            if not path.exists():
                build(path, total, LARGE_CLAIMS_PER_ARTICLE)
            built = time.perf_counter() - started
            print(f"workspace: {args.articles} articles, {total} claims (built in {built:.1f} s)")
            ok = asyncio.run(measure_large(path, args.articles)) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
