"""Each claim's checklist: every item, an automatic status, evidence citing rule ids."""

from __future__ import annotations

from datetime import date
from typing import Any

import factories
from factories import cluster, day, finding, quantity, source

from assistant.checklist import build_checklists
from assistant.model import (
    CheckKey,
    ChecklistItem,
    CheckStatus,
    Claim,
    ClaimKind,
    Comparison,
    Grounding,
    Hedge,
    HedgeKind,
    Period,
    RuleId,
)


def claim(id: str, **fields: Any) -> Claim:
    """Claim ``id`` of the figure '12 people died on Monday', with no source and no period."""
    return factories.claim(id, **({"quantity": quantity("12")} | fields))


def items(claims: list[Claim], comparison: Comparison) -> dict[tuple[str, CheckKey], ChecklistItem]:
    return {(i.claim_id, i.key): i for i in build_checklists(claims, comparison)}


MINISTRY = [source("the health ministry", canonical="health ministry")]
MONDAY = day("on Monday", date(2026, 3, 2))


def test_every_claim_gets_every_item_in_order() -> None:
    claims = [claim("a#1"), claim("b#1")]

    checklist = build_checklists(claims, Comparison())

    assert [(i.claim_id, i.key) for i in checklist] == [
        (c.id, key) for c in claims for key in CheckKey
    ]
    assert all(i.editor_status is None and i.editor_note is None for i in checklist)


def test_a_conflicting_single_claim() -> None:
    claims = [claim("a#1", attribution=MINISTRY, period=MONDAY), claim("b#1", period=MONDAY)]
    comparison = Comparison(
        clusters=[cluster("a#1", "b#1", metric="deaths", period="2026-03-02")],
        findings=[finding(RuleId.CONFLICT, "a#1", "b#1"), finding(RuleId.SINGLE_SOURCE, "a#1")],
    )

    checks = items(claims, comparison)

    conflict = checks[("a#1", CheckKey.consistent_across_articles)]
    assert conflict.status is CheckStatus.failed
    assert conflict.finding_rules == [RuleId.CONFLICT]
    assert conflict.evidence == "other articles report an incompatible figure (findings: CONFLICT)"
    assert checks[("a#1", CheckKey.source_identified)].status is CheckStatus.passed
    assert checks[("a#1", CheckKey.original_source_located)].evidence == (
        "original source: the health ministry (health ministry)"
    )
    assert checks[("a#1", CheckKey.independently_verified)].status is CheckStatus.open
    assert checks[("a#1", CheckKey.period_explicit)].evidence == "“on Monday” = 2026-03-02"
    assert checks[("b#1", CheckKey.source_identified)].status is CheckStatus.failed


def test_corroborated_and_compatible() -> None:
    claims = [claim("a#1", attribution=MINISTRY), claim("b#1", attribution=MINISTRY)]
    comparison = Comparison(
        clusters=[cluster("a#1", "b#1", metric="deaths", period="to 2026-03-03")],
        findings=[
            finding(RuleId.AGREE, "a#1", "b#1", ok=True),
            finding(RuleId.CORROBORATED, "a#1", "b#1", ok=True),
        ],
    )

    checks = items(claims, comparison)

    assert checks[("a#1", CheckKey.independently_verified)].status is CheckStatus.passed
    assert checks[("a#1", CheckKey.consistent_across_articles)].status is CheckStatus.passed


def test_unverified_and_circular_claims_are_not_independently_verified() -> None:
    claims = [claim("a#1"), claim("b#1")]
    comparison = Comparison(
        findings=[finding(RuleId.UNVERIFIED, "a#1"), finding(RuleId.CIRCULAR, "b#1")]
    )

    checks = items(claims, comparison)

    assert checks[("a#1", CheckKey.independently_verified)].status is CheckStatus.failed
    assert checks[("b#1", CheckKey.independently_verified)].finding_rules == [RuleId.CIRCULAR]
    # A disclaimer elsewhere in the article still has to be carried into our copy.
    assert checks[("a#1", CheckKey.hedging_carried)].status is CheckStatus.open


def test_an_independent_origin_outweighs_repetition() -> None:
    claims = [claim("a#1")]
    comparison = Comparison(
        findings=[
            finding(RuleId.CIRCULAR, "a#1", "b#1"),
            finding(RuleId.CORROBORATED, "a#1", "b#1", "c#1", ok=True),
        ]
    )

    check = items(claims, comparison)[("a#1", CheckKey.independently_verified)]

    assert check.status is CheckStatus.passed
    assert check.finding_rules == [RuleId.CORROBORATED, RuleId.CIRCULAR]


def test_hedges_of_the_claim_must_be_carried() -> None:
    hedged = claim("a#1", hedges=[Hedge(cue="reportedly", kind=HedgeKind.evidential)])
    plain = claim("a#2")

    checks = items([hedged, plain], Comparison())

    assert checks[("a#1", CheckKey.hedging_carried)].status is CheckStatus.open
    assert "“reportedly”" in checks[("a#1", CheckKey.hedging_carried)].evidence
    assert checks[("a#2", CheckKey.hedging_carried)].status is CheckStatus.na


def test_arithmetic_superlative_and_quote() -> None:
    claims = [
        claim("a#1"),
        claim("a#2", grounding=Grounding.ungrounded),
        claim("a#3", grounding=Grounding.normalized),
    ]
    comparison = Comparison(
        findings=[
            finding(RuleId.ADDS_UP, "a#1", ok=True),
            finding(RuleId.ARITHMETIC, "a#2", ok=False),
            finding(RuleId.SUPERLATIVE, "a#1"),
        ]
    )

    checks = items(claims, comparison)

    assert checks[("a#1", CheckKey.numbers_add_up)].status is CheckStatus.passed
    assert checks[("a#2", CheckKey.numbers_add_up)].status is CheckStatus.failed
    assert checks[("a#3", CheckKey.numbers_add_up)].status is CheckStatus.na
    assert checks[("a#1", CheckKey.superlative_baseline)].status is CheckStatus.open
    assert checks[("a#2", CheckKey.superlative_baseline)].status is CheckStatus.na
    assert checks[("a#1", CheckKey.quote_verbatim)].status is CheckStatus.passed
    assert checks[("a#2", CheckKey.quote_verbatim)].status is CheckStatus.failed
    assert checks[("a#3", CheckKey.quote_verbatim)].status is CheckStatus.passed


def test_periods_and_opinions() -> None:
    claims = [
        claim("a#1"),  # a figure with no period
        claim("a#2", period=Period(text="during the storm")),
        claim("a#3", kind=ClaimKind.opinion, quantity=None),
    ]

    checks = items(claims, Comparison())

    assert checks[("a#1", CheckKey.period_explicit)].status is CheckStatus.open
    assert checks[("a#2", CheckKey.period_explicit)].evidence == (
        "“during the storm” could not be resolved to dates"
    )
    assert checks[("a#3", CheckKey.period_explicit)].status is CheckStatus.na
    assert checks[("a#3", CheckKey.source_identified)].status is CheckStatus.na
    assert checks[("a#3", CheckKey.independently_verified)].status is CheckStatus.na


def test_other_periods_only_is_not_inconsistency() -> None:
    claims = [claim("a#1"), claim("b#1")]
    comparison = Comparison(findings=[finding(RuleId.DIFFERENT_PERIOD, "a#1", "b#1")])

    check = items(claims, comparison)[("a#1", CheckKey.consistent_across_articles)]

    assert check.status is CheckStatus.na
    assert check.finding_rules == [RuleId.DIFFERENT_PERIOD]


def test_only_the_stale_repeat_is_inconsistent() -> None:
    claims = [claim("a#1"), claim("b#1", quantity=quantity("19")), claim("c#1")]
    comparison = Comparison(findings=[finding(RuleId.STALE, "c#1")])

    checks = items(claims, comparison)

    stale = checks[("c#1", CheckKey.consistent_across_articles)]
    assert (stale.status, stale.finding_rules) == (CheckStatus.failed, [RuleId.STALE])
    assert stale.evidence.startswith("repeats a figure other articles had already updated")
    for correct in ("a#1", "b#1"):
        assert checks[(correct, CheckKey.consistent_across_articles)].status is CheckStatus.na
