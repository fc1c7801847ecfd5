"""The figures of merit of one extractor and the rule layer on the gold packages.

Each package is run exactly as a user runs it (ingest the corpus file, extract, analyse,
build the report), and the report is scored: what the editor would read is what counts.

- figures: recall (gold figures claimed with the right value) and precision (claims with a
  figure that answer a gold figure); the misses are classified (``match.Miss``);
- junk-claim rate: claims on numbers that are not quantities, in furniture, or quoting a
  fragment (under three words and not a whole sentence), over all claims;
- attribution: of the claims matched to a gold figure or statement, how many name the
  gold's original source (or none when the gold has none);
- hedge cues: the article's listed cues against the gold cues, by overlap;
- CONFLICT: precision of high and medium findings (a finding is right when two of its
  claims are a gold conflict: one quantity, incompatible values) and recall of the gold
  conflicts; low-severity "may conflict" findings are counted apart;
- ARITHMETIC, STALE, CORROBORATED, CIRCULAR: precision against the gold judgements
  (for ARITHMETIC, its sums and the parts it marks of a whole);
- clustering: of the gold pairs of one quantity in two articles, how many the rule layer
  files under one cluster (only then can it call them a conflict or an agreement), and
  of the pairs the gold says must not be compared, how many it keeps apart; a broader
  measure than the few conflicts, on every matched figure of every judgement;
- findings per article: those that say something is wrong (``ok`` false).
"""

from __future__ import annotations

import asyncio
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from assistant.config import Settings
from assistant.evaluate.counts import Matched, Ratio
from assistant.evaluate.gold import GoldFigure, GoldStatement, LoadedPackage, Verdict
from assistant.evaluate.match import (
    JUNK,
    ArticleMatch,
    match_article,
    match_cues,
    same_person,
    same_source,
    tool_sources,
)
from assistant.model import (
    Bound,
    Claim,
    ExtractionStatus,
    Finding,
    InputStatus,
    RuleId,
    Severity,
)
from assistant.report.model import Report

SCORED_RULES = (RuleId.ARITHMETIC, RuleId.STALE, RuleId.CORROBORATED, RuleId.CIRCULAR)
# An arithmetic check is scored as one, whether it adds up (ADDS_UP) or not (ARITHMETIC).
_SCORED_AS = {RuleId.ADDS_UP: RuleId.ARITHMETIC}
UNCERTAINTY_KINDS = frozenset(
    {"epistemic_modal", "evidential", "verification_disclaimer", "conditional"}
)
_FLAGGING = (Severity.high, Severity.medium)


@dataclass
class Scores:
    """Everything the table prints, summed over packages; ``examples`` say why."""

    packages: int = 0
    articles: int = 0
    claims: int = 0
    figure_recall: Ratio = field(default_factory=Ratio)
    figure_precision: Ratio = field(default_factory=Ratio)
    bounds: Ratio = field(default_factory=Ratio)
    junk: Ratio = field(default_factory=Ratio)
    misses: Counter[str] = field(default_factory=Counter)
    attribution: Ratio = field(default_factory=Ratio)
    cues: Matched = field(default_factory=Matched)  # tool cues against gold cues
    cue_kinds: int = 0
    conflict_precision: Ratio = field(default_factory=Ratio)
    conflict_recall: Ratio = field(default_factory=Ratio)
    conflict_recall_any: Ratio = field(default_factory=Ratio)  # low "cannot tell" included
    conflict_low: int = 0
    clustered: Ratio = field(default_factory=Ratio)  # same-quantity pairs in one cluster
    kept_apart: Ratio = field(default_factory=Ratio)  # not-comparable pairs in two
    rules: dict[RuleId, Ratio] = field(default_factory=lambda: {r: Ratio() for r in SCORED_RULES})
    flagged: int = 0
    examples: dict[str, list[str]] = field(default_factory=dict)
    # What the extraction cost, from each input's usage: model calls (re-asks and transport
    # retries included), tokens in and out, and seconds spent extracting.
    calls: int = 0
    tokens: int = 0
    seconds: float = 0.0
    failed: int = 0  # articles whose extraction failed

    def example(self, kind: str, text: str) -> None:
        self.examples.setdefault(kind, []).append(text)


# --------------------------------------------------------------------------- running


def run_package(loaded: LoadedPackage, settings: Settings) -> Report:
    """The report a user gets for the package's corpus file with ``settings``."""
    return report_for(loaded.corpus.path, settings)


def report_for(path: Path, settings: Settings) -> Report:
    """The report a user gets for one story package file with ``settings``."""
    from assistant import pipeline

    batch = pipeline.ingest([path])
    extractor = pipeline.build_extractor(settings, inputs=[path])
    results = asyncio.run(
        pipeline.extract_all(batch.articles, extractor, concurrency=settings.concurrency)
    )
    # A gold file is one story package, as `factcheck report --one-story` reads it: how
    # well the automatic grouping keeps a package whole is scored on its own, by
    # benchmarks/story_grouping.py ("each package alone").
    analysis = pipeline.analyse(batch.articles, results)
    return pipeline.build_report(batch, results, analysis, extractor=extractor.name)


def score(packages: Iterable[LoadedPackage], settings: Settings) -> Scores:
    scores = Scores()
    for loaded in packages:
        score_report(loaded, run_package(loaded, settings), scores)
    return scores


# --------------------------------------------------------------------------- scoring


def score_report(loaded: LoadedPackage, report: Report, scores: Scores) -> None:
    """Add the scores of one package's report to ``scores``."""
    scores.packages += 1
    matches = _article_matches(loaded, report)
    ref_of: dict[str, str] = {}
    for m in matches:
        ref_of.update(m.figure_of)
    for m in matches:
        scores.articles += 1
        _score_extraction(loaded, m, scores)
    for entry in report.inputs:
        if entry.extraction is not None:
            usage = entry.extraction.usage
            scores.calls += usage.calls
            scores.tokens += usage.prompt_tokens + usage.completion_tokens
            scores.seconds += usage.duration_s
            scores.failed += entry.extraction.status is ExtractionStatus.failed
    _score_hedges(loaded, report, scores)
    _score_rules(loaded, report, ref_of, scores)


def _article_matches(loaded: LoadedPackage, report: Report) -> list[ArticleMatch]:
    """One match per gold article, found through the input's line in the corpus file
    (ingest gives articles ids of its own)."""
    by_line = {i: record_id for i, record_id in enumerate(loaded.corpus.records, start=1)}
    matches = []
    for entry in report.inputs:
        if entry.status is not InputStatus.ok or entry.article is None:
            continue
        line = int(entry.source.rpartition("#L")[2])
        gold_id = by_line[line]
        text = loaded.corpus.records[gold_id]["text"]
        claims = [c.model_copy(update={"id": f"{gold_id}@{c.id}"}) for c in entry.claims]
        matches.append(match_article(loaded, gold_id, text, claims))
    return matches


def _score_extraction(loaded: LoadedPackage, m: ArticleMatch, scores: Scores) -> None:
    prefix = m.article_id + "#"
    claims = {c.id: c for c in m.claims}
    recalled = set(m.figure_of.values())
    for ref in loaded.figure_at:
        if not ref.startswith(prefix):
            continue
        gold = loaded.figure(ref)
        if gold.conversion_of is not None:
            continue
        scores.figure_recall.add(ref in recalled)
        if ref not in recalled:
            scores.example(
                "figure missed" if ref not in m.at_place else "figure misread",
                f"{ref}: {gold.figure!r} in {gold.quote!r}",
            )
    for claim_id, ref in m.figure_of.items():
        scores.figure_precision.add(True)
        claim = claims[claim_id]
        gold = loaded.figure(ref)
        if not gold.vague and claim.quantity is not None:
            right = _bound_matches(gold, claim.quantity.bound)
            scores.bounds.add(right)
            if not right:
                scores.example(
                    "bound wrong",
                    f"{ref}: {gold.figure!r} is {gold.bound}, read as {claim.quantity.bound}",
                )
    for claim_id, miss in m.misses.items():
        scores.figure_precision.add(False)
        scores.misses[miss.value] += 1
        claim = claims[claim_id]
        figure = claim.quantity.text if claim.quantity else "?"
        scores.example(f"claim: {miss.value}", f"{claim_id}: {figure!r} in {claim.quote!r}")
    for claim in m.claims:
        scores.claims += 1
        junk = (
            m.misses.get(claim.id) in JUNK or claim.id in m.fragments or claim.id in m.in_furniture
        )
        scores.junk.add(junk)
        if claim.id in m.fragments:
            scores.example("claim: fragment", f"{claim.id}: {claim.quote!r}")
    for claim_id, ref in m.figure_of.items():
        _score_source(ref, loaded.figure(ref), claims[claim_id], scores)
    for ref, claim_id in m.statement_of.items():
        statement = next(
            s
            for a in loaded.gold.articles
            if a.id == m.article_id
            for s in a.statements
            if f"{a.id}#{s.id}" == ref
        )
        _score_source(ref, statement, claims[claim_id], scores)


def _bound_matches(gold: GoldFigure, bound: Bound) -> bool:
    # "at least" and "more than" differ by one; an editor reads both as a floor.
    floors, ceilings = {Bound.at_least, Bound.more_than}, {Bound.up_to, Bound.fewer_than}
    return (
        bound is gold.bound
        or (bound in floors and gold.bound in floors)
        or (bound in ceilings and gold.bound in ceilings)
    )


def _score_source(ref: str, gold: GoldFigure | GoldStatement, claim: Claim, scores: Scores) -> None:
    right = same_source(claim, gold.source, gold.source_aliases)
    scores.attribution.add(right)
    if not right:
        originals, via = tool_sources(claim)
        scores.example(
            "source wrong",
            f"{ref}: gold {gold.source!r}, tool {originals or None!r} via {via or None!r} "
            f"in {claim.quote[:90]!r}",
        )


def _score_hedges(loaded: LoadedPackage, report: Report, scores: Scores) -> None:
    by_line = dict(enumerate(loaded.corpus.records, start=1))
    for entry in report.inputs:
        if entry.article is None:
            continue
        gold_id = by_line[int(entry.source.rpartition("#L")[2])]
        gold = [
            (place, cue.kind.value)
            for article_id, place, cue in loaded.hedge_at
            if article_id == gold_id
        ]
        tool = [c for c in entry.hedges if c.kind.value in UNCERTAINTY_KINDS]
        tp, n_tool, n_gold, kinds = match_cues(gold, tool)
        scores.cues.add(tp, n_tool, n_gold)
        scores.cue_kinds += kinds
        text = loaded.corpus.records[gold_id]["text"]
        for place, kind in gold:
            if not any(place.overlaps(c.span.start, c.span.end) for c in tool):
                scores.example(
                    "hedge missed", f"{gold_id}: {text[place.start : place.end]!r} ({kind})"
                )
        for c in tool:
            if not any(place.overlaps(c.span.start, c.span.end) for place, _ in gold):
                scores.example("hedge spurious", f"{gold_id}: {c.cue!r} in {c.sentence[:90]!r}")


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class _Interval:
    lo: float
    hi: float

    def meets(self, other: _Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi


def gold_interval(f: GoldFigure) -> _Interval | None:
    """The values a gold figure allows ("about" within 10 %)."""
    if f.value is None or f.vague:
        return None
    v = f.value
    match f.bound:
        case Bound.exact:
            return _Interval(v, v)
        case Bound.about:
            return _Interval(v * 0.9, v * 1.1)
        case Bound.at_least | Bound.more_than:
            return _Interval(v, math.inf)
        case Bound.up_to | Bound.fewer_than:
            return _Interval(-math.inf, v)
        case Bound.range:
            return _Interval(v, f.upper if f.upper is not None else v)
    return None


@dataclass
class _Judgements:
    """The gold cross-article judgements, as pairs of refs."""

    conflict_pairs: dict[frozenset[str], int]  # pair -> index of its conflict group
    agreeing_pairs: set[frozenset[str]]
    not_comparable: dict[frozenset[str], str]  # pair -> reason
    group_of: dict[str, int]

    @classmethod
    def of(cls, loaded: LoadedPackage) -> _Judgements:
        conflicts: dict[frozenset[str], int] = {}
        agreeing: set[frozenset[str]] = set()
        group_of: dict[str, int] = {}
        for i, group in enumerate(loaded.gold.same_quantity):
            for ref in group.claims:
                group_of[ref] = i
            pairs = [
                (a, b)
                for a, b in combinations(group.claims, 2)
                if a.partition("#")[0] != b.partition("#")[0]
            ]
            for a, b in pairs:
                ia, ib = gold_interval(loaded.figure(a)), gold_interval(loaded.figure(b))
                clash = ia is not None and ib is not None and not ia.meets(ib)
                if group.verdict is Verdict.conflict and clash:
                    conflicts[frozenset((a, b))] = i
                else:
                    agreeing.add(frozenset((a, b)))
        not_comparable: dict[frozenset[str], str] = {}
        for nc in loaded.gold.not_comparable:
            for a, b in combinations(nc.claims, 2):
                not_comparable[frozenset((a, b))] = nc.reason.value
        return cls(conflicts, agreeing, not_comparable, group_of)

    def conflict_groups(self) -> set[int]:
        return set(self.conflict_pairs.values())


def _pairs(refs: Sequence[str]) -> list[frozenset[str]]:
    return [
        frozenset((a, b))
        for a, b in combinations(sorted(set(refs)), 2)
        if a.partition("#")[0] != b.partition("#")[0]
    ]


def _score_rules(
    loaded: LoadedPackage, report: Report, ref_of: dict[str, str], scores: Scores
) -> None:
    judged = _Judgements.of(loaded)
    by_line = dict(enumerate(loaded.corpus.records, start=1))
    # Claim ids in findings are the tool's; ref_of is keyed '<gold article>@<tool id>'.
    gold_article = {
        entry.article.id: by_line[int(entry.source.rpartition("#L")[2])]
        for entry in report.inputs
        if entry.article is not None
    }

    def refs(finding: Finding) -> list[str]:
        found = []
        for claim_id in finding.claim_ids:
            article = gold_article.get(claim_id.rpartition("#")[0])
            ref = ref_of.get(f"{article}@{claim_id}")
            if ref is not None:
                found.append(ref)
        return found

    _score_clusters(report, judged, gold_article, ref_of, scores)
    found_groups: set[int] = set()
    shown_groups: set[int] = set()  # found at any severity, low "cannot tell" included
    for finding in report.findings:
        scores.flagged += not finding.ok
        mapped = refs(finding)
        if finding.rule is RuleId.CONFLICT:
            hits = [judged.conflict_pairs[p] for p in _pairs(mapped) if p in judged.conflict_pairs]
            shown_groups.update(hits)
            if finding.severity not in _FLAGGING:
                scores.conflict_low += 1
                continue
            scores.conflict_precision.add(bool(hits))
            found_groups.update(hits)
            if not hits:
                scores.example(
                    "CONFLICT wrong",
                    f"{_why_not_conflict(mapped, finding, judged)}: {finding.evidence[:240]}",
                )
        elif (rule := _SCORED_AS.get(finding.rule, finding.rule)) in SCORED_RULES:
            right = _rule_right(finding, mapped, loaded, judged)
            scores.rules[rule].add(right)
            if not right:
                scores.example(f"{rule.value} wrong", finding.evidence[:240])
    for i in judged.conflict_groups():
        scores.conflict_recall.add(i in found_groups)
        scores.conflict_recall_any.add(i in shown_groups)
        if i not in found_groups:
            group = loaded.gold.same_quantity[i]
            scores.example(
                "CONFLICT missed",
                f"{loaded.gold.package}: {group.what} ({', '.join(group.claims)})",
            )


def _sums(loaded: LoadedPackage) -> list[tuple[str, list[str], bool]]:
    """(total, parts, adds up) of the gold: its arithmetic judgements, and every whole
    with the figures marked as its parts ("four nurses, three of them men"), which add
    up when they do not exceed it."""
    sums = [(s.total, list(s.parts), s.adds_up) for s in loaded.gold.arithmetic]
    for article in loaded.gold.articles:
        wholes: dict[str, list[str]] = {}
        for f in article.figures:
            if f.part_of is not None:
                wholes.setdefault(f"{article.id}#{f.part_of}", []).append(f"{article.id}#{f.id}")
        for whole, parts in wholes.items():
            values = [loaded.figure(p).value for p in parts]
            total = loaded.figure(whole).value
            fits = total is None or None in values or sum(v or 0 for v in values) <= total
            sums.append((whole, parts, fits))
    return sums


def _score_clusters(
    report: Report,
    judged: _Judgements,
    gold_article: dict[str, str],
    ref_of: dict[str, str],
    scores: Scores,
) -> None:
    """Whether the gold's judged pairs (both figures claimed) share a cluster."""
    cluster_of: dict[str, str] = {}
    for cluster in report.clusters:
        for claim_id in cluster.claim_ids:
            article = gold_article.get(claim_id.rpartition("#")[0])
            if (ref := ref_of.get(f"{article}@{claim_id}")) is not None:
                cluster_of[ref] = cluster.id
    claimed = set(ref_of.values())
    same = set(judged.conflict_pairs) | judged.agreeing_pairs
    for pairs, ratio, together in (
        (same, scores.clustered, True),
        (set(judged.not_comparable), scores.kept_apart, False),
    ):
        for pair in sorted(pairs, key=sorted):
            a, b = sorted(pair)
            if a in claimed and b in claimed:
                joined = a in cluster_of and cluster_of.get(a) == cluster_of.get(b)
                ratio.add(joined == together)


def _why_not_conflict(mapped: Sequence[str], finding: Finding, judged: _Judgements) -> str:
    if len(set(mapped)) < 2:
        return f"{len(finding.claim_ids) - len(mapped)} of its claims answer no gold figure"
    pairs = _pairs(mapped)
    for p in pairs:
        if p in judged.not_comparable:
            return f"not comparable ({judged.not_comparable[p]})"
    if any(p in judged.agreeing_pairs for p in pairs):
        return "the figures agree"
    return "different quantities"


def _rule_right(
    finding: Finding, mapped: Sequence[str], loaded: LoadedPackage, judged: _Judgements
) -> bool:
    if finding.rule is RuleId.STALE:
        stale = {s.claim for s in loaded.gold.stale}
        return any(ref in stale for ref in mapped)
    if finding.rule in (RuleId.ARITHMETIC, RuleId.ADDS_UP):
        found = set(mapped)
        return any(
            total in found and found & set(parts) and adds_up == finding.ok
            for total, parts, adds_up in _sums(loaded)
        )
    agreeing = [p for p in _pairs(mapped) if p in judged.agreeing_pairs]
    for pair in agreeing:
        a, b = (loaded.figure(r) for r in sorted(pair))
        if a.source is None or b.source is None:
            continue
        one = same_person(a.source, a.source_aliases, b.source, b.source_aliases)
        if (finding.rule is RuleId.CIRCULAR) == one:
            return True
    return False
