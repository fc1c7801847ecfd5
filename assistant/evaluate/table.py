"""The accuracy table: the gold set scored, one column per extractor, each figure next to
its bound; the readers' agreement; examples of each kind of error.

Shared by ``benchmarks/quality.py`` and ``factcheck eval``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from assistant.config import load_settings
from assistant.errors import ConfigError
from assistant.evaluate.agreement import Agreement, compare
from assistant.evaluate.gold import (
    DEFAULT_CORPUS,
    DEFAULT_GOLD,
    SECOND_GOLD,
    GoldError,
    LoadedPackage,
    gold_files,
    load_gold,
)
from assistant.evaluate.hedges import SentenceScores, score_sentences
from assistant.evaluate.score import Scores, score
from assistant.model import RuleId

Getter = Callable[[Scores], float | None]
# label, value, bound as printed, the bound's test, how many findings the value rests on
Row = tuple[str, Getter, str, Callable[[float], bool] | None, Callable[[Scores], int] | None]
# A precision of one or two findings says nothing: below this many it is not judged.
MIN_SAMPLE = 5


def _at_least(bound: float) -> Callable[[float], bool]:
    return lambda v: v >= bound


def _at_most(bound: float) -> Callable[[float], bool]:
    return lambda v: v <= bound


def _rule_row(rule: RuleId) -> Row:
    return (
        f"{rule.value} precision",
        lambda s: s.rules[rule].value,
        ">= 0.80",
        _at_least(0.8),
        lambda s: s.rules[rule].total,
    )


ROWS: tuple[Row, ...] = (
    ("figure recall", lambda s: s.figure_recall.value, ">= 0.95", _at_least(0.95), None),
    ("figure precision", lambda s: s.figure_precision.value, "", None, None),
    ("figure bound right", lambda s: s.bounds.value, "", None, None),
    ("junk-claim rate", lambda s: s.junk.value, "<= 0.02", _at_most(0.02), None),
    ("attribution accuracy", lambda s: s.attribution.value, ">= 0.92", _at_least(0.92), None),
    ("hedge cue precision", lambda s: s.cues.precision, "", None, None),
    ("hedge cue recall", lambda s: s.cues.recall, "", None, None),
    ("hedge cue F1", lambda s: s.cues.f1, "", None, None),
    (
        "CONFLICT precision",
        lambda s: s.conflict_precision.value,
        ">= 0.85",
        _at_least(0.85),
        lambda s: s.conflict_precision.total,
    ),
    (
        "CONFLICT recall",
        lambda s: s.conflict_recall.value,
        ">= 0.60",
        _at_least(0.6),
        lambda s: s.conflict_recall.total,
    ),
    # What the editor is at least shown: low "the figures differ, cannot tell" included.
    ("CONFLICT recall, any severity", lambda s: s.conflict_recall_any.value, "", None, None),
    *(
        _rule_row(rule)
        for rule in (RuleId.ARITHMETIC, RuleId.STALE, RuleId.CORROBORATED, RuleId.CIRCULAR)
    ),
    # Only figures filed under one cluster can be compared at all: these two bound what
    # CONFLICT and AGREE can find, on every judged pair rather than the few conflicts.
    ("same-quantity pairs clustered", lambda s: s.clustered.value, "", None, None),
    ("not-comparable pairs kept apart", lambda s: s.kept_apart.value, "", None, None),
    (
        "findings per article",
        lambda s: s.flagged / s.articles if s.articles else None,
        "",
        None,
        None,
    ),
)


def _per_article(total: float, s: Scores) -> str:
    return f"{total / s.articles:.1f}" if s.articles else "n/a"


# What each extractor cost on the gold set, per article: the LLM path's price next to
# its accuracy (the offline extractor makes no calls).
COSTS: tuple[tuple[str, Callable[[Scores], str]], ...] = (
    ("model calls per article", lambda s: _per_article(s.calls, s)),
    ("tokens per article", lambda s: _per_article(s.tokens, s)),
    ("seconds per article", lambda s: _per_article(s.seconds, s)),
    ("articles failed", lambda s: str(s.failed)),
)
COUNTS: tuple[tuple[str, Callable[[Scores], str]], ...] = (
    ("gold figures", lambda s: str(s.figure_recall.total)),
    ("claims / with a figure", lambda s: f"{s.claims} / {s.figure_precision.total}"),
    ("CONFLICT high+medium / low", lambda s: f"{s.conflict_precision.total} / {s.conflict_low}"),
    ("gold conflicts", lambda s: str(s.conflict_recall.total)),
    *(
        (f"{rule.value} findings", (lambda r: lambda s: str(s.rules[r].total))(rule))
        for rule in (RuleId.ARITHMETIC, RuleId.STALE, RuleId.CORROBORATED, RuleId.CIRCULAR)
    ),
)


def _cell(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _verdict(
    values: Sequence[float | None],
    ok: Callable[[float], bool] | None,
    samples: Sequence[int] | None = None,
) -> str:
    if ok is None:
        return ""
    known = [v for v in values if v is not None]
    if not known:
        return "n/a (none)"
    if samples is not None and min(samples) < MIN_SAMPLE:
        return f"too few to judge (n={min(samples)})"
    return "meets" if all(ok(v) for v in known) else "BELOW"


def print_table(
    columns: Sequence[tuple[str, Scores]], sentences: dict[str, SentenceScores]
) -> bool:
    """Print the table; True when every bound is met."""
    width = 30
    names = [name for name, _ in columns]
    print(f"{'':{width}}" + "".join(f"{n:>12}" for n in names) + f"{'bound':>10}")
    ok = True
    for label, get, bound, check, sample in ROWS:
        values = [get(s) for _, s in columns]
        samples = [sample(s) for _, s in columns] if sample else None
        verdict = _verdict(values, check, samples)
        ok = ok and verdict != "BELOW"
        print(
            f"{label:{width}}"
            + "".join(f"{_cell(v):>12}" for v in values)
            + f"{bound:>10}  {verdict}"
        )
    for label, sentence_scores in sentences.items():
        bound, check = (">= 0.75", _at_least(0.75)) if label == "factbank" else ("", None)
        verdict = _verdict([sentence_scores.f1], check)
        ok = ok and verdict != "BELOW"
        cells = "".join(f"{_cell(sentence_scores.f1):>12}" for _ in names)
        print(f"{'uncertain F1 ' + label:{width}}{cells}{bound:>10}  {verdict}")
    print()
    for label, show in (*COUNTS, *COSTS):
        print(f"{label:{width}}" + "".join(f"{show(s):>12}" for _, s in columns))
    for name, s in columns:
        misses = ", ".join(f"{k} {v}" for k, v in sorted(s.misses.items())) or "none"
        print(f"{name}: {s.packages} packages, {s.articles} articles; figure misses: {misses}")
    return ok


def print_examples(columns: Sequence[tuple[str, Scores]], limit: int) -> None:
    for name, s in columns:
        for kind in sorted(s.examples):
            found = s.examples[kind]
            print(f"\n## {name}: {kind} ({len(found)})")
            for line in found[:limit]:
                print(f"  - {line}")


_CROSS_ARTICLE = (
    RuleId.CONFLICT,
    RuleId.STALE,
    RuleId.ARITHMETIC,
    RuleId.CIRCULAR,
    RuleId.CORROBORATED,
)


def print_unannotated(corpus: Path, gold: Sequence[Path]) -> int:
    """Every high or medium cross-article finding on the corpus packages no gold file
    covers (offline): the rules' precision has no gold there, so it is read by eye."""
    from collections import Counter

    from assistant.evaluate.gold import read_corpus
    from assistant.evaluate.score import report_for
    from assistant.model import Severity

    annotated = {load_gold(path, corpus).corpus.path.name for path in gold_files(gold)}
    others = sorted(
        p for p in (corpus / "realworld-dev").glob("*.jsonl") if p.name not in annotated
    )
    counts: Counter[str] = Counter()
    settings = load_settings({"llm": "offline"}, config_file=Path("/nonexistent"))
    for path in others:
        report = report_for(read_corpus(path).path, settings)
        for f in report.findings:
            if f.rule in _CROSS_ARTICLE and f.severity in (Severity.high, Severity.medium):
                counts[f"{f.rule.value} {f.severity.value}"] += 1
                print(f"{path.stem}: {f.rule.value} {f.severity.value}: {f.evidence[:300]}")
    print(
        f"\n{len(others)} packages without gold: "
        + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "no such finding")
    )
    return 0


def print_agreement(corpus: Path, examples: int) -> int:
    """The readers' agreement on every package read twice; 2 when there is none."""
    total = Agreement()
    for second in gold_files([SECOND_GOLD]) if SECOND_GOLD.is_dir() else []:
        first = DEFAULT_GOLD / second.name
        try:
            compare(load_gold(first, corpus), load_gold(second, corpus), total)
        except GoldError as e:
            print(e, file=sys.stderr)
            return 2
    if not total.packages:
        print(f"no second readings under {SECOND_GOLD}", file=sys.stderr)
        return 2
    rows = (
        ("figures (F1 between readers)", total.figures.f1),
        ("  same value, of matched", total.values.value),
        ("  same source, of matched", total.sources.value),
        ("hedge cues (F1)", total.cues.f1),
        ("conflicting pairs (F1)", total.conflicts.f1),
    )
    print(f"agreement of two readers on {total.packages} package(s)")
    for label, value in rows:
        print(f"{label:30}{_cell(value):>8}")
    print(
        f"figures {total.figures.expected} / {total.figures.found}, "
        f"cues {total.cues.expected} / {total.cues.found}, "
        f"conflicting pairs {total.conflicts.expected} / {total.conflicts.found}"
    )
    for line in total.disagreements[:examples]:
        print(f"  - {line}")
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``factcheck eval`` and ``benchmarks/quality.py`` (gold paths apart)."""
    parser.add_argument(
        "--llm",
        action="append",
        choices=["offline", "mock", "llm", "hybrid", "mock-hybrid"],
        help="extractor to score; repeat for several columns (default: offline and mock). "
        "'hybrid' is the LLM with the offline extractor's cross-check (--hybrid); "
        "'mock-hybrid' the same over the mock (with --fixtures: a recorded run replayed)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="the corpus folder holding realworld-dev/ and hedges-dev/",
    )
    parser.add_argument(
        "--examples", type=int, default=0, metavar="N", help="print N examples of each error"
    )
    parser.add_argument("--model", help="model for --llm llm")
    parser.add_argument("--base-url", help="endpoint for --llm llm")
    parser.add_argument("--mode", choices=["tools", "json", "json_schema", "md_json"])
    parser.add_argument(
        "--timeout", type=float, metavar="S", help="read timeout per request for --llm llm"
    )
    parser.add_argument(
        "--concurrency", type=int, metavar="N", help="articles extracted at once (--llm llm)"
    )
    parser.add_argument(
        "--record",
        type=Path,
        metavar="DIR",
        help="record the model's answers as fixtures here (--llm llm/hybrid), to replay "
        "with --llm mock",
    )
    parser.add_argument(
        "--fixtures",
        type=Path,
        metavar="DIR",
        help="recorded answers the mock columns replay (from --record)",
    )
    parser.add_argument(
        "--agreement",
        action="store_true",
        help="compare the second reader's files (tests/gold/second/) with the first's",
    )
    parser.add_argument(
        "--unannotated",
        action="store_true",
        help="run the corpus packages that have no gold file and list every cross-article "
        "finding of high or medium severity, for reading",
    )


def run(args: argparse.Namespace) -> int:
    """Print the table for ``args``; 0 when every bound is met, 1 when one is missed, 2
    when the gold or the corpus cannot be read."""
    if args.agreement:
        return print_agreement(args.corpus, args.examples)
    if args.unannotated:
        return print_unannotated(args.corpus, args.gold or [DEFAULT_GOLD])
    try:
        packages: list[LoadedPackage] = [
            load_gold(path, args.corpus) for path in gold_files(args.gold or [DEFAULT_GOLD])
        ]
    except GoldError as e:
        print(e, file=sys.stderr)
        return 2
    if not packages:
        print("no gold packages found", file=sys.stderr)
        return 2
    columns = []
    for llm in args.llm or ["offline", "mock"]:
        live = llm in ("llm", "hybrid")
        hybrid = llm in ("hybrid", "mock-hybrid")
        flags: dict[str, object] = {
            "llm": "llm" if live else llm.removesuffix("-hybrid"),
            "hybrid": hybrid,
        }
        if llm.startswith("mock") and args.fixtures is not None:
            flags["fixture_dirs"] = [args.fixtures]
        if live:
            flags |= {
                "model": args.model,
                "base_url": args.base_url,
                "mode": args.mode,
                "timeout_s": args.timeout,
                "concurrency": args.concurrency,
                "record_dir": args.record,
            }
        try:
            settings = load_settings(
                {k: v for k, v in flags.items() if v is not None},
                config_file=None if live else Path("/nonexistent"),
            )
        except ConfigError as e:
            print(f"--llm {llm}: {e}", file=sys.stderr)
            return 2
        columns.append((llm, score(packages, settings)))
    hedges = args.corpus / "hedges-dev"
    sentences = {
        name: score_sentences(hedges / f"{file}.jsonl", half)
        for name, file, half in (
            ("factbank", "factbank-dev", None),
            # The lexicon was tuned on the whole file: each half of its documents alone
            # shows how much of the figure is fit to the file.
            ("factbank, docs 1/2", "factbank-dev", 0),
            ("factbank, docs 2/2", "factbank-dev", 1),
            ("conll-wiki", "conll2010-wiki-train", None),
        )
        if (hedges / f"{file}.jsonl").is_file()
    }
    ok = print_table(columns, sentences)
    if args.examples:
        print_examples(columns, args.examples)
        for name, s in sentences.items():
            print(f"\n## sentences {name}: false positives ({len(s.false_positives)})")
            for line in s.false_positives[: args.examples]:
                print(f"  - {line}")
            print(f"\n## sentences {name}: false negatives ({len(s.false_negatives)})")
            for line in s.false_negatives[: args.examples]:
                print(f"  - {line}")
    return 0 if ok else 1
