"""Peak memory of `factcheck report` on a night's output: 5,000 dated articles of 2 KB.

Writes --articles dated articles of about 2 KB (``articles.write_long_articles``: several
outlets on each of many unrelated events, grouped by shared names) into one JSONL file in
a temp folder, then runs the real command in a subprocess, once per format, with
``--no-cache`` and HOME, the config and the cache pointed into that temp folder (nothing
read from or left in the user's own):

    factcheck report batch.jsonl --llm offline --no-cache --format json -o report.json

and reads the child's peak resident set size from the kernel (``os.wait4``).

    python benchmarks/memory.py [--articles 5000] [--format json --format md]
                                [--llm offline] [--bound-mb 600]

Bound, from issue 11: the peak RSS stays under --bound-mb (600 MB) for 5,000 articles,
in every format. Wall time and the report's size are printed, not bounded. Each run must
also exit 0 and report every article (``summary.articles`` read from the report's head).
Exit status 1 when a bound fails.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from articles import write_long_articles

BOUND_MB = 600.0
SUFFIX = {"json": "json", "md": "md", "html": "html", "csv": "csv"}


@dataclass(frozen=True)
class Run:
    fmt: str
    wall_s: float
    peak_mb: float
    report_mb: float
    code: int
    articles: int | None
    stderr: str


def isolated_env(home: Path) -> dict[str, str]:
    """The environment of a run that reads and writes nothing of the user's."""
    env = dict(os.environ)
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "FACTCHECK_MODEL"):
        env.pop(name, None)
    env |= {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "FACTCHECK_CACHE_DIR": str(home / "cache" / "factcheck"),
    }
    return env


def run_report(batch: Path, fmt: str, llm: str, home: Path) -> Run:
    out = home / f"report.{SUFFIX[fmt]}"
    argv = [sys.executable, "-m", "assistant", "report", str(batch), "--llm", llm,
            "--no-cache", "--quiet", "--format", fmt, "-o", str(out)]  # fmt: skip
    started = time.perf_counter()
    # wait4 gives this child's own peak RSS (RUSAGE_CHILDREN is the largest of all of them).
    child = subprocess.Popen(argv, env=isolated_env(home), stderr=subprocess.PIPE, text=True)
    assert child.stderr is not None
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    size = out.stat().st_size if out.exists() else 0
    articles = _articles_in(out, fmt) if out.exists() else None
    out.unlink(missing_ok=True)
    return Run(fmt, wall, usage.ru_maxrss / 1024, size / 2**20, child.returncode, articles, stderr)


def _articles_in(report: Path, fmt: str) -> int | None:
    """How many articles the report says it holds, read from its head (the summary comes
    first in every format), without loading a report of hundreds of megabytes."""
    with report.open(encoding="utf-8") as f:
        head = f.read(64_000)
    pattern = {"json": r'"articles": (\d+)', "md": r"(\d+) articles"}.get(fmt)
    found = re.search(pattern, head) if pattern else None
    return int(found.group(1)) if found else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--format", dest="formats", action="append", choices=sorted(SUFFIX))
    parser.add_argument("--llm", default="offline", choices=["offline", "mock"])
    parser.add_argument("--bound-mb", type=float, default=BOUND_MB)
    args = parser.parse_args()
    formats = args.formats or ["json", "md"]

    with tempfile.TemporaryDirectory(prefix="factcheck-memory-") as tmp:
        home = Path(tmp)
        batch = home / "batch.jsonl"
        write_long_articles(batch, args.articles)
        print(f"{args.articles} articles ({batch.stat().st_size / 2**20:.1f} MB of JSONL), "
              f"--llm {args.llm} --no-cache")  # fmt: skip
        runs = [run_report(batch, fmt, args.llm, home) for fmt in formats]

    print(f"{'format':<8}{'wall s':>8}{'peak MB':>9}{'report MB':>11}{'exit':>6}")
    for r in runs:
        print(f"{r.fmt:<8}{r.wall_s:>8.1f}{r.peak_mb:>9.0f}{r.report_mb:>11.1f}{r.code:>6}")
    checks = []
    for r in runs:
        checks.append((f"{r.fmt}: peak RSS = {r.peak_mb:.0f} MB (bound < {args.bound_mb:g} MB)",
                       r.peak_mb < args.bound_mb))  # fmt: skip
        checks.append((f"{r.fmt}: exit {r.code}, {r.articles} of {args.articles} articles "
                       "in the report", r.code == 0 and r.articles == args.articles))  # fmt: skip
        if r.code != 0:
            print(r.stderr[-2000:], file=sys.stderr)
    for text, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
