"""Batch throughput near the latency limit: `factcheck report` against the mocked LLM.

Writes --articles distinct short articles (``articles.write_short_articles``: three
figures each, on eight towns, so the figure is the extraction's, not the rule layer's),
then runs the real command in-process, as a user would:

    factcheck report DIR --llm mock --mock-latency 200ms --concurrency 32 --no-cache -o r.json

Everything above the HTTP transport is real (openai client, instructor, our extractor);
the mock answers each request after the latency. At the mock's handler we count the
requests and the most ever in flight at once.

The latency-bound ideal is requests x latency / concurrency: every slot busy waiting for
an answer all the time (500 articles, one request each: 500 x 0.2 s / 32 = 3.1 s). Two
times are printed against it as a ratio: the wall time of the whole command (importing
the openai client and instructor, ingest, extraction, stories, rule layer, report), and
the extraction itself, from the first request reaching the mock to the last answer
leaving it.

    python benchmarks/batch_throughput.py [--articles 500] [--concurrency 32]
                                          [--latency 200ms] [--large 2000] [--large-concurrency 64]

Bounds, from issue 11: the whole command's wall time, and the extraction's, <= 1.2 x the
ideal for --articles at --concurrency; the requests in flight never exceed
--concurrency, and reach it (else the run is not near the limit); a rerun of the same
articles with the results cache makes zero requests and takes under 3 s. The --large
run (2,000 articles at concurrency 64) is printed with its ratios, only its requests in
flight bounded. Exit status 1 when a bound fails.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from articles import write_short_articles
from cli_run import timed_main

from assistant.llm.mock import MockLLM, parse_latency

RATIO_BOUND = 1.2
RERUN_BOUND_S = 3.0


@dataclass
class Traffic:
    """What the mock saw: requests answered, and the most in flight at once."""

    requests: int = 0
    in_flight: int = 0
    max_in_flight: int = 0
    first_at: float = 0.0  # when the first request reached the mock
    last_at: float = 0.0  # when the last answer left it


def watch(traffic: Traffic) -> None:
    """Count every request at the mock's handler, behind the real client."""
    handler = MockLLM.handler

    async def counted(self: MockLLM, request: Any) -> Any:
        if not traffic.requests:
            traffic.first_at = time.perf_counter()
        traffic.requests += 1
        traffic.in_flight += 1
        traffic.max_in_flight = max(traffic.max_in_flight, traffic.in_flight)
        try:
            return await handler(self, request)
        finally:
            traffic.in_flight -= 1
            traffic.last_at = time.perf_counter()

    MockLLM.handler = counted  # type: ignore[method-assign]


@dataclass(frozen=True)
class Run:
    articles: int
    concurrency: int
    wall_s: float
    extraction_s: float  # from the first request to the last answer
    requests: int
    max_in_flight: int
    cached: int

    def ideal_s(self, latency_s: float) -> float:
        return self.requests * latency_s / self.concurrency


def run(
    folder: Path, out: Path, args: argparse.Namespace, concurrency: int, *, cache: bool,
    traffic: Traffic,
) -> Run:  # fmt: skip
    argv = ["report", str(folder), "--llm", "mock", "--mock-latency", args.latency,
            "--concurrency", str(concurrency), "--format", "json", "-o", str(out),
            "-q"]  # fmt: skip
    if not cache:
        argv.append("--no-cache")
    traffic.requests = traffic.max_in_flight = 0
    traffic.first_at = traffic.last_at = 0.0
    wall, _ = timed_main(argv)
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    extraction = traffic.last_at - traffic.first_at if traffic.requests else 0.0
    return Run(summary["articles"], concurrency, wall, extraction, traffic.requests,
               traffic.max_in_flight, summary["cached"])  # fmt: skip


def main_benchmark() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--latency", default="200ms")
    parser.add_argument("--large", type=int, default=2000, help="0 to skip the large run")
    parser.add_argument("--large-concurrency", type=int, default=64)
    args = parser.parse_args()
    latency = parse_latency(args.latency)

    traffic = Traffic()
    watch(traffic)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["FACTCHECK_CACHE_DIR"] = str(Path(tmp) / "cache")
        folder, out = Path(tmp) / "articles", Path(tmp) / "report.json"
        folder.mkdir()
        write_short_articles(folder, args.articles)
        first = run(folder, out, args, args.concurrency, cache=True, traffic=traffic)
        rerun = run(folder, out, args, args.concurrency, cache=True, traffic=traffic)
        large = None
        if args.large:
            big = Path(tmp) / "large"
            big.mkdir()
            write_short_articles(big, args.large)
            large = run(big, out, args, args.large_concurrency, cache=False, traffic=traffic)

    print(f"--llm mock --mock-latency {args.latency}")
    print(f"{'run':<18}{'articles':>9}{'conc.':>6}{'requests':>9}{'in flight':>10}"
          f"{'wall s':>8}{'extract s':>10}{'ideal s':>8}{'ratio':>7}")  # fmt: skip
    rows = [("first run", first), ("rerun, cache", rerun)]
    rows += [("large, no cache", large)] if large else []
    for name, r in rows:
        ideal = r.ideal_s(latency)
        ratio = f"{r.wall_s / ideal:>7.2f}" if ideal else f"{'-':>7}"
        print(f"{name:<18}{r.articles:>9}{r.concurrency:>6}{r.requests:>9}"
              f"{r.max_in_flight:>10}{r.wall_s:>8.2f}{r.extraction_s:>10.2f}{ideal:>8.2f}"
              f"{ratio}")  # fmt: skip

    ideal = first.ideal_s(latency)
    checks = [
        (f"first run: wall {first.wall_s:.2f} s = {first.wall_s / ideal:.2f} x the ideal "
         f"{ideal:.2f} s (bound <= {RATIO_BOUND:g} x)", first.wall_s <= RATIO_BOUND * ideal),
        (f"first run: first request to last answer {first.extraction_s:.2f} s = "
         f"{first.extraction_s / ideal:.2f} x the ideal (bound <= {RATIO_BOUND:g} x)",
         first.extraction_s <= RATIO_BOUND * ideal),
        (f"first run: requests in flight max {first.max_in_flight} (bound = --concurrency "
         f"{args.concurrency})", first.max_in_flight == args.concurrency),
        (f"rerun: {rerun.requests} requests, {rerun.cached} of {rerun.articles} cached "
         "(bound 0 requests, all cached)",
         rerun.requests == 0 and rerun.cached == rerun.articles),
        (f"rerun: wall {rerun.wall_s:.2f} s (bound < {RERUN_BOUND_S:g} s)",
         rerun.wall_s < RERUN_BOUND_S),
    ]  # fmt: skip
    if large:
        checks.append((f"large: requests in flight max {large.max_in_flight} (bound <= "
                       f"{args.large_concurrency})",
                       large.max_in_flight <= args.large_concurrency))  # fmt: skip
    for text, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main_benchmark())
