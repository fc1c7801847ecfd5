"""Headless latency of the workspace TUI on a large package.

Builds a workspace with 5,000 claims (100 articles x 50 claims, clusters of five with
conflicts, the real nine-item checklists from ``build_checklists``), then drives the
real app with Textual's pilot:

- time to first screen: from opening the workspace file to the overview shown (median
  of three starts: the machine may be shared). Python's imports of the app's modules are
  not counted: they are paid once per process, before this script starts measuring;
- opening the claims list: from ``c`` to its first rows on screen;
- moving to the next claim's detail: median over 50 ``n`` presses in the claim detail.

Prints both with their bounds and PASS/FAIL; exits 1 on a FAIL.

    python benchmarks/tui_latency.py [--claims 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from textual import events
from textual.pilot import Pilot

from assistant.checklist import build_checklists
from assistant.model import (
    Article,
    Bound,
    Claim,
    ClaimKind,
    Cluster,
    Comparison,
    ExtractionResult,
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
from assistant.tui.app import make_app
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


def sentence(article: int, n: int) -> str:
    return (
        f"Officials said {1000 + 37 * n + article} people were evacuated in district {n} on Monday."
    )


def build(path: Path, total_claims: int) -> None:
    """Write a synthetic package of ``total_claims`` claims into a new workspace."""
    n_articles = max(1, total_claims // CLAIMS_PER_ARTICLE)
    articles = []
    claims: list[Claim] = []
    for a in range(n_articles):
        lines = [sentence(a, n) for n in range(CLAIMS_PER_ARTICLE)]
        text = "\n".join(lines)
        article = Article(
            id=f"a{a:03d}",
            outlet=f"Outlet {a % 17}",
            title=f"Report {a}",
            published=date(2026, 3, 1) + timedelta(days=a % 9),
            text=text,
            source=f"a{a:03d}.txt",
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
        for n in range(CLAIMS_PER_ARTICLE):
            ids = [f"a{a:03d}#{n + 1}" for a in range(a0, min(a0 + CLUSTER_SIZE, n_articles))]
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
    comparison = Comparison(clusters=clusters, findings=findings)
    with Workspace.open(path, actor="bench") as workspace:
        workspace.save_inputs(
            [InputRecord(source=a.source, status=InputStatus.ok, article_id=a.id) for a in articles]
        )
        workspace.save_articles(articles)
        for article in articles:
            mine = [c for c in claims if c.article_id == article.id]
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


def report(name: str, value: float, bound: float) -> None:
    verdict = "PASS" if value < bound else "FAIL"
    print(f"{name:<30} {value * 1000:7.1f} ms  (bound < {bound * 1000:.0f} ms)  {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=5000)
    args = parser.parse_args()
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
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
