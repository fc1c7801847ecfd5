"""How well automatic story grouping recovers real story packages mixed into one batch.

Every package of the development corpus (``../shared/corpus/realworld-dev/*.jsonl``,
one file per story package, several outlets each) is read through the normal ingest,
its ``story`` field stripped, and all of them shuffled together (seeded, so every run is
the same). ``assistant.stories.group_stories`` then groups the mix, and we score:

- **purity**: the share of articles whose group's majority package is their own
  package (1.0: no group mixes stories; the rule layer never compares across them);
- **recall**: the share of same-package article pairs that land in one group (1.0: no
  package is split; every comparison the desk needs is still made).

Two mixes are scored: the packages with their real dates (years apart, as an archive
would be), and the same with every date removed -- a night's output, where the date
window cannot help and the names alone must separate the stories. Both are held to
purity >= 0.95 and recall >= 0.9. Then each package is grouped alone, as a desk runs one
story's coverage: at least 95 % must stay one story, since a split silently hides the
conflicts between its parts. ``--sweep`` prints all three over a range of link
thresholds, to show the one chosen sits inside the range where every bound holds.

    python benchmarks/story_grouping.py [--corpus DIR] [--seed N] [--sweep]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from unittest import mock

from assistant import stories
from assistant.ingest import ingest_paths
from assistant.model import Article

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "realworld-dev"
PURITY_BOUND = 0.95
RECALL_BOUND = 0.9
# A desk often runs one story's coverage alone: nearly every package must stay one story.
ALONE_BOUND = 0.95


def load(corpus: Path, seed: int) -> tuple[list[Article], dict[str, str]]:
    """Every article of every package, story stripped, shuffled; and its true package."""
    articles: list[Article] = []
    truth: dict[str, str] = {}
    for path in sorted(corpus.glob("*.jsonl")):
        for article in ingest_paths([path]).articles:
            truth[article.id] = path.stem
            articles.append(article.model_copy(update={"story": None}))
    random.Random(seed).shuffle(articles)
    return articles, truth


def score(groups: Sequence[Sequence[str]], truth: dict[str, str]) -> tuple[float, float]:
    """(purity, recall) as the module docstring defines them."""
    total = sum(len(g) for g in groups)
    majority = sum(Counter(truth[a] for a in g).most_common(1)[0][1] for g in groups)
    together: Counter[str] = Counter()
    for group in groups:
        for package, n in Counter(truth[a] for a in group).items():
            together[package] += n * (n - 1) // 2
    sizes = Counter(truth.values())
    pairs = sum(n * (n - 1) // 2 for n in sizes.values())
    return majority / total, sum(together.values()) / pairs


def run(articles: Sequence[Article], truth: dict[str, str]) -> tuple[float, float, int, float]:
    started = time.perf_counter()
    found = stories.group_stories(articles)
    elapsed = time.perf_counter() - started
    purity, recall = score([s.article_ids for s in found], truth)
    return purity, recall, len(found), elapsed


def kept_whole(articles: Sequence[Article], truth: dict[str, str]) -> tuple[int, int]:
    """(packages grouped as one story when given alone, packages): how a desk runs one
    story's coverage, where a split silently hides its conflicts."""
    by_package: dict[str, list[Article]] = {}
    for article in articles:
        by_package.setdefault(truth[article.id], []).append(article)
    whole = sum(len(stories.group_stories(alone)) == 1 for alone in by_package.values())
    return whole, len(by_package)


def _mark(value: float, bound: float) -> str:
    return "ok" if value >= bound else "BELOW"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--sweep", action="store_true", help="scores over a threshold range")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    dated, truth = load(args.corpus, args.seed)
    undated = [a.model_copy(update={"published": None}) for a in dated]
    packages = set(truth.values())
    print(
        f"story grouping: {len(dated)} articles of {len(packages)} packages mixed "
        f"(seed {args.seed}), link threshold {stories.LINK_THRESHOLD}"
    )
    ok = True
    for name, batch in (("with their dates", dated), ("dates removed", undated)):
        purity, recall, found, elapsed = run(batch, truth)
        ok = ok and purity >= PURITY_BOUND and recall >= RECALL_BOUND
        print(
            f"  {name:<17} purity {purity:.3f} (bound >= {PURITY_BOUND}, "
            f"{_mark(purity, PURITY_BOUND)})  recall {recall:.3f} (bound >= {RECALL_BOUND}, "
            f"{_mark(recall, RECALL_BOUND)})  {found} groups  {elapsed:.2f} s"
        )
    whole, total = kept_whole(dated, truth)
    ok = ok and whole / total >= ALONE_BOUND
    print(
        f"  each package alone  {whole} of {total} kept as one story "
        f"(bound >= {ALONE_BOUND:.0%}, {_mark(whole / total, ALONE_BOUND)})"
    )
    reordered = sorted(dated, key=lambda a: a.content_hash)
    same = {s.article_ids for s in stories.group_stories(dated)} == {
        tuple(sorted(s.article_ids, key=[a.id for a in dated].index))
        for s in stories.group_stories(reordered)
    }
    print(f"  same groups in another order: {'yes' if same else 'NO'}")
    ok = ok and same
    if args.sweep:
        print("  threshold  purity/recall with dates  purity/recall dates removed  alone whole")
        for step in range(26, 54, 2):
            threshold = step / 100
            with mock.patch.object(stories, "LINK_THRESHOLD", threshold):
                a = run(dated, truth)
                b = run(undated, truth)
                alone = kept_whole(dated, truth)
            print(
                f"  {threshold:.2f}       {a[0]:.3f} / {a[1]:.3f}"
                f"             {b[0]:.3f} / {b[1]:.3f}              {alone[0]}/{alone[1]}"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
