"""A small synthetic story package written straight into a workspace, for the TUI tests.

Domain objects are built by hand (no pipeline): four reports of one river flood, where
one outlet's evacuation figure conflicts with the others and one figure rests on an
unverified ministry statement. Everything is fixed, so snapshots are stable.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from assistant.model import (
    Article,
    Bound,
    CheckKey,
    ChecklistItem,
    CheckStatus,
    Claim,
    ClaimKind,
    Cluster,
    Comparison,
    ExtractionResult,
    Finding,
    Hedge,
    HedgeKind,
    HedgeScope,
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

RUN_STARTED = 1_700_000_000.0

TEXTS = {
    "planet": (
        "Floodwaters forced thousands from their homes along the Vey river.\n"
        "More than 2,000 people were evacuated on Monday, the interior ministry said. "
        "These figures could not be independently verified.\n"
        "About 300 homes were damaged [sic], according to local officials.\n"
        "The river may rise further on Wednesday, forecasters warned."
    ),
    "metro": (
        "Some 2,417 people were evacuated on Monday, according to the interior ministry.\n"
        "Rescue crews worked through the night."
    ),
    "star": (
        "Officials said 4,000 people were evacuated on Monday [Reuters].\n"
        "It was the worst flooding since records began, residents said."
    ),
    "harbour": (
        "A total of 5,100 people have been evacuated since the floods began, "
        "the interior ministry said on Wednesday."
    ),
}

ARTICLES = [
    Article(
        id="planet",
        outlet="Daily Planet",
        title="Thousands flee as the Vey bursts its banks",
        published=date(2026, 3, 3),
        text=TEXTS["planet"],
        source="planet.md",
    ),
    Article(
        id="metro",
        outlet="Metro Wire",
        title="Evacuations along the Vey",
        published=date(2026, 3, 3),
        text=TEXTS["metro"],
        source="metro.md",
    ),
    Article(
        id="star",
        outlet="Evening Star",
        title="Worst floods on record",
        published=date(2026, 3, 4),
        text=TEXTS["star"],
        source="star.md",
    ),
    Article(
        id="harbour",
        outlet="Harbour Times",
        title="Evacuation total passes 5,000",
        published=date(2026, 3, 5),
        text=TEXTS["harbour"],
        source="harbour.md",
    ),
]

MINISTRY = SourceLink(
    name="the interior ministry", role=SourceRole.original, canonical="interior-ministry"
)
OFFICIALS = SourceLink(name="officials", role=SourceRole.original, canonical="local-officials")
MONDAY = Period(text="on Monday", start=date(2026, 3, 2), end=date(2026, 3, 2), resolved=True)


def span_of(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start=start, end=start + len(needle))


def make_claim(
    article: Article,
    n: int,
    quote: str,
    statement: str,
    *,
    hedges: Sequence[tuple[str, HedgeKind]] = (),
    **fields: object,
) -> Claim:
    """A claim whose quote and hedge cues are located in ``article``'s text."""
    return Claim(
        id=f"{article.id}#{n}",
        article_id=article.id,
        quote=quote,
        span=span_of(article.text, quote),
        statement=statement,
        hedges=[
            Hedge(cue=cue, span=span_of(article.text, cue), kind=kind, scope=HedgeScope.clause)
            for cue, kind in hedges
        ],
        **fields,
    )


def evacuated(value: float, text: str, bound: Bound = Bound.exact) -> Quantity:
    return Quantity(value=value, bound=bound, unit="people", text=text)


def story_claims() -> list[Claim]:
    planet, metro, star, harbour = ARTICLES
    return [
        make_claim(
            planet,
            1,
            "More than 2,000 people were evacuated on Monday, the interior ministry said.",
            "More than 2,000 people were evacuated on Monday.",
            kind=ClaimKind.quantity,
            metric="people evacuated",
            check_worthiness=0.9,
            quantity=evacuated(2000, "More than 2,000", Bound.more_than),
            period=MONDAY,
            attribution=[MINISTRY],
            hedges=[
                ("More than", HedgeKind.approximator),
                ("the interior ministry said", HedgeKind.attribution_only),
                ("could not be independently verified", HedgeKind.verification_disclaimer),
            ],
        ),
        make_claim(
            planet,
            2,
            "About 300 homes were damaged [sic], according to local officials.",
            "About 300 homes were damaged [sic].",
            kind=ClaimKind.quantity,
            metric="homes damaged",
            check_worthiness=0.7,
            quantity=Quantity(value=300, bound=Bound.about, unit="homes", text="About 300"),
            attribution=[OFFICIALS],
            hedges=[("About", HedgeKind.approximator)],
        ),
        make_claim(
            planet,
            3,
            "The river may rise further on Wednesday, forecasters warned.",
            "The Vey may rise further on Wednesday.",
            kind=ClaimKind.prediction,
            check_worthiness=0.4,
            hedges=[("may", HedgeKind.epistemic_modal)],
        ),
        make_claim(
            metro,
            1,
            "Some 2,417 people were evacuated on Monday, according to the interior ministry.",
            "2,417 people were evacuated on Monday.",
            kind=ClaimKind.quantity,
            metric="people evacuated",
            check_worthiness=0.9,
            quantity=evacuated(2417, "Some 2,417", Bound.about),
            period=MONDAY,
            attribution=[MINISTRY],
            hedges=[("Some", HedgeKind.approximator)],
        ),
        make_claim(
            star,
            1,
            "Officials said 4,000 people were evacuated on Monday [Reuters].",
            "4,000 people were evacuated on Monday [Reuters].",
            kind=ClaimKind.quantity,
            metric="people evacuated",
            check_worthiness=0.9,
            quantity=evacuated(4000, "4,000"),
            period=MONDAY,
            attribution=[OFFICIALS],
        ),
        make_claim(
            star,
            2,
            "It was the worst flooding since records began, residents said.",
            "The flooding was the worst since records began.",
            kind=ClaimKind.comparison,
            check_worthiness=0.6,
        ),
        make_claim(
            harbour,
            1,
            "A total of 5,100 people have been evacuated since the floods began",
            "5,100 people have been evacuated since the floods began.",
            kind=ClaimKind.quantity,
            metric="people evacuated",
            check_worthiness=0.8,
            quantity=evacuated(5100, "5,100"),
            period=Period(text="since the floods began", cumulative=True, resolved=True),
            attribution=[MINISTRY],
        ),
    ]


def story_comparison() -> Comparison:
    monday = Cluster(
        id="c1",
        subject="Vey flood",
        metric="people evacuated",
        period="2026-03-02",
        claim_ids=["planet#1", "metro#1", "star#1"],
    )
    return Comparison(
        clusters=[monday],
        findings=[
            Finding(
                rule=RuleId.CONFLICT,
                severity=Severity.high,
                cluster_id="c1",
                claim_ids=["metro#1", "star#1"],
                evidence="4,000 (Evening Star) is incompatible with 2,417 (Metro Wire) for Monday.",
            ),
            Finding(
                rule=RuleId.UNVERIFIED,
                severity=Severity.medium,
                claim_ids=["planet#1"],
                evidence="Under 'could not be independently verified' in the next sentence.",
            ),
            Finding(
                rule=RuleId.SINGLE_SOURCE,
                severity=Severity.low,
                claim_ids=["planet#2"],
                evidence="Only local officials give this figure.",
            ),
            Finding(
                rule=RuleId.SUPERLATIVE,
                severity=Severity.low,
                claim_ids=["star#2"],
                evidence="'worst since records began' needs a baseline.",
            ),
            Finding(
                rule=RuleId.CORROBORATED,
                severity=Severity.info,
                claim_ids=["planet#1", "metro#1"],
                evidence="Two articles agree.",
                ok=True,
            ),
        ],
    )


LABELS = {
    CheckKey.source_identified: "Source identified?",
    CheckKey.independently_verified: "Independently verified?",
    CheckKey.consistent_across_articles: "Consistent with other articles?",
    CheckKey.quote_verbatim: "Quote verbatim?",
}


def story_checklists(claims: Sequence[Claim]) -> list[ChecklistItem]:
    conflicted = {"metro#1", "star#1"}
    items = []
    for claim in claims:
        statuses = {
            CheckKey.source_identified: CheckStatus.passed
            if claim.attribution
            else CheckStatus.failed,
            CheckKey.independently_verified: CheckStatus.open,
            CheckKey.consistent_across_articles: (
                CheckStatus.failed if claim.id in conflicted else CheckStatus.passed
            ),
            CheckKey.quote_verbatim: CheckStatus.passed,
        }
        for key, status in statuses.items():
            items.append(
                ChecklistItem(
                    claim_id=claim.id,
                    key=key,
                    label=LABELS[key],
                    status=status,
                    evidence=f"automatic: {status.value}",
                )
            )
    return items


def write_package(
    workspace: Workspace,
    articles: Sequence[Article],
    claims: Sequence[Claim],
    comparison: Comparison | None = None,
    checklists: Sequence[ChecklistItem] | None = None,
    rejected: Sequence[InputRecord] = (),
) -> None:
    """Save ``articles`` and their claims as if a pipeline run had produced them."""
    inputs = [
        InputRecord(source=a.source, status=InputStatus.ok, article_id=a.id) for a in articles
    ]
    workspace.save_inputs([*inputs, *rejected])
    workspace.save_articles(articles)
    for article in articles:
        mine = [c for c in claims if c.article_id == article.id]
        result = ExtractionResult(article_id=article.id, extractor="mock", claims=mine)
        workspace.save_extraction(result, run_started=RUN_STARTED)
    workspace.save_analysis(
        claims, comparison or Comparison(), checklists or story_checklists(claims)
    )


def story_workspace(path: Path) -> Path:
    """Write the flood story (with one rejected input) into a new workspace at ``path``."""
    claims = story_claims()
    with Workspace.open(path, actor="tester") as workspace:
        write_package(
            workspace,
            ARTICLES,
            claims,
            story_comparison(),
            story_checklists(claims),
            rejected=[
                InputRecord(source="photo.jpg", status=InputStatus.rejected, reason="binary file")
            ],
        )
    return path
