"""The results cache: a first run of `factcheck report` against an unchanged rerun.

Writes --articles distinct short articles (``articles.write_short_articles``: three
figures each, eight stories, so the rule layer has little to do and the figure is the
extraction's) into a temp folder, then runs the real command twice, in-process, with
`--llm mock --mock-latency L --concurrency C` and a results cache of its own in a temp
folder. Model requests are counted at the mock's HTTP
handler, behind the real openai client and instructor.

    python benchmarks/cache_rerun.py [--articles 500] [--latency 200ms] [--concurrency 32]
                                     [--max-rerun-s 3]

Bounds, from issue 11: the unchanged rerun makes zero requests, every article of it
comes from the cache, and it takes under --max-rerun-s seconds (3 s for 500 articles).
The first run is printed, not bounded (its throughput is issue 11's item 2). Exit status
1 when a bound fails.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from articles import write_short_articles
from cli_run import timed_main

from assistant.llm.mock import MockLLM


def count_requests() -> list[str]:
    seen: list[str] = []
    handler = MockLLM.handler

    async def counted(self: MockLLM, request: Any) -> Any:
        seen.append(request.url.path)
        return await handler(self, request)

    MockLLM.handler = counted  # type: ignore[method-assign]
    return seen


def run(argv: list[str], requests: list[str]) -> tuple[float, int, dict[str, Any], str]:
    before = len(requests)
    wall, err = timed_main(argv)
    report = json.loads(Path(argv[argv.index("-o") + 1]).read_text())
    return wall, len(requests) - before, report, err


def main_benchmark() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--latency", default="200ms")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--max-rerun-s", type=float, default=3.0)
    args = parser.parse_args()

    requests = count_requests()
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "articles", Path(tmp) / "report.json"
        folder.mkdir()
        write_short_articles(folder, args.articles)
        os.environ["FACTCHECK_CACHE_DIR"] = str(Path(tmp) / "cache")
        argv = ["report", str(folder), "--llm", "mock", "--mock-latency", args.latency,
                "--concurrency", str(args.concurrency), "--format", "json",
                "-o", str(out)]  # fmt: skip
        first = run(argv, requests)
        again = run(argv, requests)

    n = args.articles
    print(f"{n} articles, --llm mock --mock-latency {args.latency} --concurrency "
          f"{args.concurrency}")  # fmt: skip
    print(f"{'run':<18}{'wall s':>8}{'requests':>10}{'cached':>8}")
    for name, (wall, sent, report, _) in (("first", first), ("unchanged rerun", again)):
        print(f"{name:<18}{wall:>8.2f}{sent:>10}{report['summary']['cached']:>8}")

    wall, sent, report, _ = again
    checks = [
        (f"rerun requests = {sent} (bound 0)", sent == 0),
        (f"rerun cached = {report['summary']['cached']} (bound {n})",
         report["summary"]["cached"] == n == report["summary"]["articles"]),
        (f"rerun wall = {wall:.2f} s (bound < {args.max_rerun_s:g} s)", wall < args.max_rerun_s),
    ]  # fmt: skip
    for text, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main_benchmark())
