"""A small synthetic story package written straight into a workspace, for the TUI tests.

Domain objects are built by hand (no pipeline): four reports of one river flood, where
one outlet's evacuation figure conflicts with the others and one figure rests on an
unverified ministry statement. Everything is fixed, so snapshots are stable.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import factories
from factories import cluster, day, finding, hedge, quantity, quoted, source

from assistant.checklist import build_checklists
from assistant.model import (
    Article,
    Claim,
    ClaimKind,
    Comparison,
    ExtractionResult,
    HedgeKind,
    InputRecord,
    InputStatus,
    Period,
    RuleId,
    Severity,
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
    factories.article(
        id, TEXTS[id], outlet=outlet, title=title, published=published, source=f"{id}.md"
    )
    for id, outlet, title, published in [
        ("planet", "Daily Planet", "Thousands flee as the Vey bursts its banks", date(2026, 3, 3)),
        ("metro", "Metro Wire", "Evacuations along the Vey", date(2026, 3, 3)),
        ("star", "Evening Star", "Worst floods on record", date(2026, 3, 4)),
        ("harbour", "Harbour Times", "Evacuation total passes 5,000", date(2026, 3, 5)),
    ]
]

MINISTRY = source("the interior ministry", canonical="interior-ministry")
OFFICIALS = source("officials", canonical="local-officials")
MONDAY = day("on Monday", date(2026, 3, 2))


def story_claims() -> list[Claim]:
    planet, metro, star, harbour = ARTICLES
    return [
        quoted(
            planet,
            "More than 2,000 people were evacuated on Monday, the interior ministry said.",
            1,
            statement="More than 2,000 people were evacuated on Monday.",
            metric="people evacuated",
            check_worthiness=0.9,
            quantity=quantity("More than 2,000", "people"),
            period=MONDAY,
            attribution=[MINISTRY],
            hedges=[
                hedge(planet, "More than", HedgeKind.approximator),
                hedge(planet, "the interior ministry said", HedgeKind.attribution_only),
                hedge(
                    planet, "could not be independently verified", HedgeKind.verification_disclaimer
                ),
            ],
        ),
        quoted(
            planet,
            "About 300 homes were damaged [sic], according to local officials.",
            2,
            statement="About 300 homes were damaged [sic].",
            metric="homes damaged",
            check_worthiness=0.7,
            quantity=quantity("About 300", "homes"),
            attribution=[OFFICIALS],
            hedges=[hedge(planet, "About", HedgeKind.approximator)],
        ),
        quoted(
            planet,
            "The river may rise further on Wednesday, forecasters warned.",
            3,
            statement="The Vey may rise further on Wednesday.",
            kind=ClaimKind.prediction,
            check_worthiness=0.4,
            hedges=[hedge(planet, "may", HedgeKind.epistemic_modal)],
        ),
        quoted(
            metro,
            "Some 2,417 people were evacuated on Monday, according to the interior ministry.",
            1,
            statement="2,417 people were evacuated on Monday.",
            metric="people evacuated",
            check_worthiness=0.9,
            quantity=quantity("Some 2,417", "people"),
            period=MONDAY,
            attribution=[MINISTRY],
            hedges=[hedge(metro, "Some", HedgeKind.approximator)],
        ),
        quoted(
            star,
            "Officials said 4,000 people were evacuated on Monday [Reuters].",
            1,
            statement="4,000 people were evacuated on Monday [Reuters].",
            metric="people evacuated",
            check_worthiness=0.9,
            quantity=quantity("4,000", "people"),
            period=MONDAY,
            attribution=[OFFICIALS],
        ),
        quoted(
            star,
            "It was the worst flooding since records began, residents said.",
            2,
            statement="The flooding was the worst since records began.",
            kind=ClaimKind.comparison,
            check_worthiness=0.6,
        ),
        quoted(
            harbour,
            "A total of 5,100 people have been evacuated since the floods began",
            1,
            statement="5,100 people have been evacuated since the floods began.",
            metric="people evacuated",
            check_worthiness=0.8,
            quantity=quantity("5,100", "people"),
            period=Period(text="since the floods began", cumulative=True, resolved=True),
            attribution=[MINISTRY],
        ),
    ]


def story_comparison() -> Comparison:
    return Comparison(
        clusters=[
            cluster(
                "planet#1",
                "metro#1",
                "star#1",
                subject="Vey flood",
                metric="people evacuated",
                period="2026-03-02",
            )
        ],
        findings=[
            finding(
                RuleId.CONFLICT,
                "metro#1",
                "star#1",
                severity=Severity.high,
                cluster_id="c1",
                evidence="4,000 (Evening Star) is incompatible with 2,417 (Metro Wire) for Monday.",
            ),
            finding(
                RuleId.UNVERIFIED,
                "planet#1",
                evidence="Under 'could not be independently verified' in the next sentence.",
            ),
            finding(
                RuleId.SINGLE_SOURCE,
                "planet#2",
                severity=Severity.low,
                evidence="Only local officials give this figure.",
            ),
            finding(
                RuleId.SUPERLATIVE,
                "star#2",
                severity=Severity.low,
                evidence="'worst since records began' needs a baseline.",
            ),
            finding(
                RuleId.CORROBORATED,
                "planet#1",
                "metro#1",
                severity=Severity.info,
                evidence="Two articles agree.",
                ok=True,
            ),
        ],
    )


def write_package(
    workspace: Workspace,
    articles: Sequence[Article],
    claims: Sequence[Claim],
    comparison: Comparison | None = None,
    rejected: Sequence[InputRecord] = (),
) -> None:
    """Save ``articles`` and their claims as if a pipeline run had produced them.

    The checklists are the real ones (``build_checklists``): nine items a claim, as the
    editor sees them, so layouts are tested at their true height.
    """
    inputs = [
        InputRecord(source=a.source, status=InputStatus.ok, article_id=a.id) for a in articles
    ]
    workspace.save_inputs([*inputs, *rejected])
    workspace.save_articles(articles)
    for article in articles:
        mine = [c for c in claims if c.article_id == article.id]
        result = ExtractionResult(article_id=article.id, extractor="mock", claims=mine)
        workspace.save_extraction(result, run_started=RUN_STARTED)
    comparison = comparison or Comparison()
    workspace.save_analysis(claims, comparison, build_checklists(claims, comparison))


def story_workspace(path: Path) -> Path:
    """Write the flood story (with one rejected input) into a new workspace at ``path``."""
    claims = story_claims()
    with Workspace.open(path, actor="tester") as workspace:
        write_package(
            workspace,
            ARTICLES,
            claims,
            story_comparison(),
            rejected=[
                InputRecord(source="photo.jpg", status=InputStatus.rejected, reason="binary file")
            ],
        )
    return path
