"""What the screens show, computed from the workspace: no Textual in here.

A ``Package`` is a read model of one story package. It is built once from the
workspace (and again after a pipeline run); the editor's decisions are refreshed one
claim at a time as they are written, so a keystroke never reloads 5,000 claims.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from assistant.model import (
    Article,
    ChecklistItem,
    CheckStatus,
    Claim,
    Cluster,
    Comparison,
    ExtractionResult,
    Finding,
    InputRecord,
    InputStatus,
    RuleId,
    Severity,
)
from assistant.perf import gc_paused
from assistant.store import ClaimBrief, ClaimDecision, PackageTotals, Workspace

SEVERITY_ORDER: dict[Severity, int] = {
    Severity.high: 0,
    Severity.medium: 1,
    Severity.low: 2,
    Severity.info: 3,
}


def effective_status(item: ChecklistItem) -> CheckStatus:
    """The editor's status when they set one, else the automatic one."""
    return item.editor_status if item.editor_status is not None else item.status


def count_open(items: Iterable[ChecklistItem]) -> int:
    return sum(1 for item in items if effective_status(item) is CheckStatus.open)


@dataclass
class ClaimEntry:
    """One claim with everything the claims list needs to badge, filter and sort it.

    The list needs a few fields of each claim; the whole claim (``claim``) is validated
    from its stored JSON only when a screen asks for it, so a package of 45,000 claims
    loads without validating 45,000 claims.
    """

    brief: ClaimBrief
    article: Article
    position: int  # order in the package: articles in order, claims in text order
    findings: list[Finding]  # rules that fired on it (problems only), worst first
    cluster: Cluster | None
    decision: ClaimDecision
    haystack: str = field(repr=False)  # lower-cased text the search box looks in
    # Open checklist items; None until counted (``Package.load`` counts them all in one
    # read; a decision written since is counted again from the claim's checklist).
    open_items: int | None = None
    _claim: Claim | None = field(default=None, repr=False)

    @property
    def id(self) -> str:
        return self.brief.id

    @property
    def statement(self) -> str:
        return self.brief.statement

    @property
    def claim(self) -> Claim:
        """The whole claim, validated from the workspace's JSON the first time it is asked."""
        if self._claim is None:
            self._claim = Claim.model_validate_json(self.brief.data)
        return self._claim

    @property
    def rules(self) -> list[RuleId]:
        return list(dict.fromkeys(f.rule for f in self.findings))

    @property
    def worst(self) -> int:
        """Rank of the worst finding (0 = high); 9 when nothing fired."""
        return min((SEVERITY_ORDER[f.severity] for f in self.findings), default=9)


@dataclass(frozen=True)
class ArticleSummary:
    article: Article
    extraction: ExtractionResult | None
    claims: int | None  # None: not counted yet (a large package still loading)
    findings: Counter[Severity] | None


class ClaimFilter(StrEnum):
    all = "all"
    unchecked = "unchecked"
    conflicts = "conflicts"
    unverified = "unverified"
    single_source = "single-source"
    reopened = "reopened"  # verdicts a re-run reopened: the text changed under them


class ClaimSort(StrEnum):
    package = "package order"
    severity = "severity"
    worthiness = "check-worthiness"
    status = "unchecked first"


@dataclass(frozen=True)
class ClaimQuery:
    """What the claims list is asked to show."""

    filter: ClaimFilter = ClaimFilter.all
    article_id: str | None = None
    text: str = ""
    sort: ClaimSort = ClaimSort.package


def _with_rule(rule: RuleId) -> Callable[[ClaimEntry], bool]:
    # A plain loop: ``any()`` over a generator cost twice as much, most of it making
    # the generator (17 against 9 ms for 45,000 claims).
    def fired(entry: ClaimEntry) -> bool:
        for finding in entry.findings:  # noqa: SIM110 -- see above
            if finding.rule is rule:
                return True
        return False

    return fired


# What each filter keeps, as one test per claim.
_FILTERS: dict[ClaimFilter, Callable[[ClaimEntry], bool] | None] = {
    ClaimFilter.all: None,
    ClaimFilter.unchecked: lambda e: e.decision.verdict is None,
    ClaimFilter.conflicts: _with_rule(RuleId.CONFLICT),
    ClaimFilter.unverified: _with_rule(RuleId.UNVERIFIED),
    ClaimFilter.single_source: _with_rule(RuleId.SINGLE_SOURCE),
    ClaimFilter.reopened: lambda e: e.decision.reopened,
}


def _tests(query: ClaimQuery) -> list[Callable[[ClaimEntry], bool]]:
    """The tests a claim must pass to be shown, built once per query: a list of 45,000
    claims is filtered on every key of the filter, and re-reading the query for each
    claim was most of that key's time."""
    tests: list[Callable[[ClaimEntry], bool]] = []
    if query.article_id is not None:
        article_id = query.article_id
        tests.append(lambda e: e.article.id == article_id)
    if query.text:
        needle = query.text.casefold()
        tests.append(lambda e: needle in e.haystack)
    if (kept := _FILTERS[query.filter]) is not None:
        tests.append(kept)
    return tests


# Every order ends with the package position, so equal keys keep the reading order.
# "unchecked first" needs open_items counted (Session.apply does that before sorting).
_SORT_KEYS: dict[ClaimSort, Callable[[ClaimEntry], tuple[Any, ...]]] = {
    ClaimSort.package: lambda e: (e.position,),
    ClaimSort.severity: lambda e: (e.worst, e.position),
    ClaimSort.worthiness: lambda e: (-e.brief.check_worthiness, e.position),
    ClaimSort.status: lambda e: (e.decision.verdict is not None, -(e.open_items or 0), e.position),
}


class Jump(StrEnum):
    """Where the jump keys go: the next claim still to decide, or the next serious one."""

    unchecked = "unchecked"
    high = "high-severity"


_JUMPS: dict[Jump, Callable[[ClaimEntry], bool]] = {
    Jump.unchecked: lambda e: e.decision.verdict is None,
    Jump.high: lambda e: e.worst == SEVERITY_ORDER[Severity.high],
}


def next_entry(entries: Sequence[ClaimEntry], after: str | None, jump: Jump) -> ClaimEntry | None:
    """The first entry after ``after`` (wrapping round, itself last) that ``jump`` wants."""
    ids = [e.id for e in entries]
    start = ids.index(after) + 1 if after in ids else 0
    for entry in [*entries[start:], *entries[:start]]:
        if _JUMPS[jump](entry):
            return entry
    return None


def select(entries: Sequence[ClaimEntry], query: ClaimQuery) -> list[ClaimEntry]:
    """The entries ``query`` asks for, in its order; ``entries`` in package order, as
    ``Package.entries`` holds them."""
    tests = _tests(query)
    if not tests:
        chosen = list(entries)
    elif len(tests) == 1:
        (keep,) = tests
        chosen = [e for e in entries if keep(e)]
    else:
        chosen = [e for e in entries if all(test(e) for test in tests)]
    # Already in package order: sorting 45,000 claims by position again was a third of
    # a filter key's selecting.
    if query.sort is not ClaimSort.package:
        chosen.sort(key=_SORT_KEYS[query.sort])
    return chosen


class LoadCancelled(Exception):
    """``Package.load`` was told to stop (a newer load replaced it)."""


def _never() -> bool:
    return False


def _go_on() -> None:
    """No pause: a load nobody waits on runs straight through."""


# Claims made into entries between two steps of a load: about 3 ms of work.
_STEP_ENTRIES = 500


# The plain defaults of a decision, read once: ``model_construct`` looks up the default
# of each field left out on every call, inspecting its signature (17 us a claim, half
# of a 45,000-claim load, against 4 us with every value given).
_EMPTY_DECISION: dict[str, Any] = {
    name: info.default
    for name, info in ClaimDecision.model_fields.items()
    if not info.is_required() and info.default_factory is None
}


def _untouched(claim_id: str) -> ClaimDecision:
    # An empty decision for each of tens of thousands of claims, built without validating
    # its defaults again. Only ``claim_id`` counts as set, as with the defaults left out;
    # ``items`` is a dict of its own, never one shared between claims.
    return ClaimDecision.model_construct(
        {"claim_id"}, claim_id=claim_id, items={}, **_EMPTY_DECISION
    )


class Package:
    """Read model of a workspace: articles, claims with their badges, comparison.

    ``load`` reads it all. ``outline`` reads only what the overview needs first (the
    articles and how their extraction went: ``complete`` is False, no claims), so a
    package of thousands of articles shows at once while the rest loads elsewhere.
    """

    def __init__(
        self,
        *,
        inputs: list[InputRecord],
        articles: list[Article],
        extractions: dict[str, ExtractionResult],
        comparison: Comparison,
        entries: list[ClaimEntry],
        orphans: list[ClaimDecision] | None = None,
        complete: bool = True,
        totals: PackageTotals | None = None,
    ) -> None:
        self.inputs = inputs
        self.articles = articles
        self.extractions = extractions
        self.comparison = comparison
        self.entries = entries
        self.by_id = {e.id: e for e in entries}
        self.clusters = {c.id: c for c in comparison.clusters}
        # Reopened decisions whose claim is gone from the re-extracted text: shown, not lost.
        self.orphans = orphans or []
        self.complete = complete  # False: an outline, its claims not loaded yet
        self.totals = totals  # an outline's counts, once read (None: not yet)
        # What the overview shows, counted once (``count``): 10-30 ms each at 45,000
        # claims, and the overview shows them again at every redraw and progress step.
        self._summaries: list[ArticleSummary] | None = None
        self._finding_counts: Counter[Severity] | None = None
        self._decided: int | None = None  # these two change with decisions:
        self._reopened: int | None = None  # see ``decisions_changed``

    @classmethod
    def outline(cls, workspace: Workspace) -> Package:
        """The articles, the inputs and how each extraction went, no claims: a few cheap
        reads whatever the package's size. Raises ``WorkspaceError`` as ``load``."""
        return cls(
            inputs=workspace.inputs(),
            articles=workspace.articles(),
            extractions={r.article_id: r for r in workspace.extraction_outcomes()},
            comparison=Comparison(),
            entries=[],
            complete=False,
        )

    def release(self, pause: Callable[[], None]) -> None:
        """Let go of the claims, findings and clusters a slice at a time, calling
        ``pause`` between slices; the package is left without them.

        CPython frees what a dropped list held all in one go, holding the interpreter
        throughout: 70-100 ms for 45,000 claims during which no other thread runs,
        whichever thread drops it. For a package nothing else uses any more.
        """
        self.by_id, self.clusters = {}, {}
        self._summaries = self._finding_counts = None
        self.decisions_changed()
        entries, self.entries = self.entries, []
        findings, clusters = self.comparison.findings, self.comparison.clusters
        self.comparison = Comparison()
        for held in (entries, findings, clusters):
            while held:
                del held[-_STEP_ENTRIES:]
                pause()

    def counted(self, totals: PackageTotals, orphans: list[ClaimDecision]) -> Package:
        """This outline with the overview's counts read since (``Workspace.totals``)."""
        return Package(
            inputs=self.inputs,
            articles=self.articles,
            extractions=self.extractions,
            comparison=self.comparison,
            entries=[],
            orphans=orphans,
            complete=False,
            totals=totals,
        )

    @classmethod
    def load(
        cls,
        workspace: Workspace,
        cancelled: Callable[[], bool] = _never,
        pause: Callable[[], None] = _go_on,
    ) -> Package:
        """Read everything the screens show from ``workspace``.

        ``cancelled`` is asked between steps (a load in the background that a newer one
        replaced stops early, instead of competing with the screen to the end).
        ``pause`` is called between steps a few milliseconds apart: a load in the
        background waits there while the screen has work (``giveway.GiveWay``).
        Raises ``WorkspaceError`` when the workspace cannot be read, ``LoadCancelled``
        when ``cancelled`` said so.
        """
        # Tens of thousands of small objects are created here and none are cyclic
        # garbage: pausing the cyclic collector halves the load time of a big package.
        with gc_paused():
            package = cls._load(workspace, cancelled, pause)
            package.count()  # here, in the loading thread, rather than on screen
            return package

    @classmethod
    def _load(
        cls, workspace: Workspace, cancelled: Callable[[], bool], pause: Callable[[], None]
    ) -> Package:
        def step() -> None:
            pause()
            if cancelled():
                raise LoadCancelled

        articles = workspace.articles()
        by_article = {a.id: a for a in articles}
        step()
        comparison = workspace.comparison()
        step()
        decisions = workspace.decisions()
        open_items = workspace.open_items()
        step()
        cluster_of = {cid: c for c in comparison.clusters for cid in c.claim_ids}
        findings_of: dict[str, list[Finding]] = {}
        for finding in comparison.findings:
            if finding.ok:
                continue
            for claim_id in finding.claim_ids:
                findings_of.setdefault(claim_id, []).append(finding)

        # In article order, then text order, as the workspace gives them.
        briefs = [b for b in workspace.claim_briefs() if b.article_id in by_article]
        entries: list[ClaimEntry] = []
        for position, brief in enumerate(briefs):
            if position % _STEP_ENTRIES == 0:
                step()
            article = by_article[brief.article_id]
            findings = findings_of.get(brief.id, [])
            if len(findings) > 1:
                findings = sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])
            entries.append(
                ClaimEntry(
                    brief=brief,
                    article=article,
                    position=position,
                    findings=findings,
                    cluster=cluster_of.get(brief.id),
                    decision=decisions.get(brief.id) or _untouched(brief.id),
                    haystack=" ".join(
                        (brief.statement, brief.quote, article.outlet or "", brief.id)
                    ).casefold(),
                    open_items=open_items.get(brief.id, 0),
                )
            )
        present = {b.id for b in briefs}
        return cls(
            inputs=workspace.inputs(),
            articles=articles,
            extractions={r.article_id: r for r in workspace.extraction_outcomes()},
            comparison=comparison,
            entries=entries,
            orphans=[d for cid, d in decisions.items() if d.reopened and cid not in present],
        )

    # ------------------------------------------------------------------ derived views

    @property
    def rejected(self) -> list[InputRecord]:
        return [r for r in self.inputs if r.status is not InputStatus.ok]

    def finding_counts(self) -> Counter[Severity] | None:
        """The package's problems by severity, each finding once (as the report's summary).

        A finding spanning three articles shows in each of their rows, but is one problem:
        adding the rows up would count it three times. ``ok`` findings are not problems.
        None for an outline not counted yet.
        """
        if not self.complete:
            return None if self.totals is None else self.totals.findings
        if self._finding_counts is None:
            self._finding_counts = Counter(f.severity for f in self.comparison.findings if not f.ok)
        return self._finding_counts

    def count(self) -> None:
        """Count now what the overview shows (each is counted when first asked else)."""
        self.summaries()
        self.finding_counts()
        self.decided()
        self.reopened()

    def decisions_changed(self) -> None:
        """A claim's decision was replaced: what counts decisions is counted again."""
        self._decided = self._reopened = None

    def summaries(self) -> list[ArticleSummary]:
        """Per article, how its extraction went and its claims and problems (the same
        list each time: do not change it)."""
        if self._summaries is None:
            self._summaries = self._summarise()
        return self._summaries

    def _summarise(self) -> list[ArticleSummary]:
        if not self.complete:
            totals = self.totals
            return [
                ArticleSummary(
                    article=a,
                    extraction=self.extractions.get(a.id),
                    claims=None if totals is None else totals.claims[a.id],
                    findings=None
                    if totals is None
                    else totals.article_findings.get(a.id, Counter()),
                )
                for a in self.articles
            ]
        claims: Counter[str] = Counter(e.article.id for e in self.entries)
        severities: dict[str, Counter[Severity]] = {a.id: Counter() for a in self.articles}
        for entry in self.entries:
            for finding in entry.findings:
                severities[entry.article.id][finding.severity] += 1
        return [
            ArticleSummary(
                article=a,
                extraction=self.extractions.get(a.id),
                claims=claims[a.id],
                findings=severities[a.id],
            )
            for a in self.articles
        ]

    def cluster_entries(self, entry: ClaimEntry) -> list[ClaimEntry]:
        """The claims of ``entry``'s cluster by date and outlet (itself alone if none)."""
        if entry.cluster is None:
            return [entry]
        members = [self.by_id[cid] for cid in entry.cluster.claim_ids if cid in self.by_id]
        return sorted(
            members,
            key=lambda e: (
                e.article.published is None,
                e.article.published,
                e.article.outlet or "",
                e.position,
            ),
        )

    def claims_of(self, article_id: str) -> list[ClaimEntry]:
        return [e for e in self.entries if e.article.id == article_id]

    def decided(self) -> int:
        if not self.complete:
            return 0 if self.totals is None else self.totals.decided
        if self._decided is None:
            self._decided = sum(1 for e in self.entries if e.decision.verdict is not None)
        return self._decided

    def reopened(self) -> int:
        """Decisions a re-run reopened and the editor has not settled (orphans included)."""
        if not self.complete:
            return 0 if self.totals is None else self.totals.reopened
        if self._reopened is None:
            reopened = sum(1 for e in self.entries if e.decision.reopened)
            self._reopened = reopened + len(self.orphans)
        return self._reopened


CYCLE: tuple[CheckStatus, ...] = (
    CheckStatus.passed,
    CheckStatus.failed,
    CheckStatus.open,
    CheckStatus.na,
)


def next_status(current: CheckStatus | None) -> CheckStatus:
    """pass -> fail -> open -> n.a. -> pass; an untouched item starts at pass."""
    if current is None:
        return CYCLE[0]
    return CYCLE[(CYCLE.index(current) + 1) % len(CYCLE)]
