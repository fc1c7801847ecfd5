"""The bundled story packages through the rule layer: what planted.json says must be found.

Claims come from the mocked-LLM extractor answering from the hand-authored fixtures, then
normalize + compare run for real. Each expectation names the rule, whether the check
passes, and words its evidence must contain (figures, outlets, origins).
"""

from __future__ import annotations

import pytest
from examples_support import compare_package, found

from assistant.model import Comparison, RuleId


@pytest.fixture(scope="module")
def river_floods() -> Comparison:
    return compare_package("river-floods", "mock")


@pytest.fixture(scope="module")
def port_fire() -> Comparison:
    return compare_package("port-fire", "mock")


RIVER_FLOODS = [
    (RuleId.CONFLICT, False, ["deaths", "Twelve", "the regional police", "Nineteen"]),
    (RuleId.CIRCULAR, False, ["3 articles", "interior ministry", "Ministry officials"]),
    # The army answers to the defence ministry (a default source alias): one origin.
    (RuleId.CIRCULAR, False, ["3 articles", "defence ministry", "The army", "via the Continental"]),
    (RuleId.CORROBORATED, True, ["5.82 metres", "ollerby university flood observatory"]),
    (RuleId.ADDS_UP, True, ["180 + 132 = 312", "the parts add up"]),
    (RuleId.ADDS_UP, True, ["At least 1,200", "800", "the running total adds up"]),
    (RuleId.ADDS_UP, True, ["41", "312", "do not exceed"]),
    (RuleId.STALE, False, ["Kestwick Evening Post (1,200 people", "2,000"]),
    (RuleId.PRECISION, False, ["5.8 metres", "5.82 metres"]),
    (RuleId.PRECISION, False, ["About 40,000", "40,350"]),
    (RuleId.DIFFERENT_PERIOD, False, ["deaths", "since the floods began"]),
    (RuleId.DIFFERENT_PERIOD, False, ["people rescued", "overnight", "214"]),
    (RuleId.SUPERLATIVE, False, ["worst", "since records began in 1952"]),
    (RuleId.SUPERLATIVE, False, ["largest evacuation"]),
    (RuleId.UNVERIFIED, False, ["could not be independently verified", "about 30 people"]),
    (RuleId.UNVERIFIED, False, ["reportedly"]),
    (RuleId.UNATTRIBUTED, False, ["45 million euros"]),
]

PORT_FIRE = [
    (RuleId.CONFLICT, False, ["deaths", "Two", "Three", "the dockworkers' union"]),
    (RuleId.ARITHMETIC, False, ["= 770", "820", "the running total does not add up"]),
    (RuleId.ARITHMETIC, False, ["58 + 45 = 103", "the parts exceed the total"]),
    (RuleId.ARITHMETIC, False, ["150 of 500 is 30.0%", "40%"]),
    (RuleId.ADDS_UP, True, ["11 trucks", "27 vehicles"]),
    (RuleId.CIRCULAR, False, ["3 articles", "national environment agency"]),
    (RuleId.CORROBORATED, True, ["14 people", "Fourteen"]),
    (RuleId.STALE, False, ["La Voz del Puerto (350 people", "820"]),
    (RuleId.PRECISION, False, ["12,000-square-metre", "12,350-square-metre"]),
    (RuleId.DIFFERENT_PERIOD, False, ["smoke inhalation", "Thirty-one", "Nine"]),
    (RuleId.SUPERLATIVE, False, ["biggest fire"]),
    (RuleId.UNVERIFIED, False, ["which could not be independently verified"]),
]


@pytest.mark.parametrize(("rule", "ok", "words"), RIVER_FLOODS)
def test_river_floods_planted_findings(
    river_floods: Comparison, rule: RuleId, ok: bool, words: list[str]
) -> None:
    assert len(found(river_floods, rule, ok, *words)) == 1


@pytest.mark.parametrize(("rule", "ok", "words"), PORT_FIRE)
def test_port_fire_planted_findings(
    port_fire: Comparison, rule: RuleId, ok: bool, words: list[str]
) -> None:
    assert len(found(port_fire, rule, ok, *words)) == 1


def test_the_only_conflicts_are_the_planted_ones(
    river_floods: Comparison, port_fire: Comparison
) -> None:
    # Monday's 12 vs 19 dead, and the 23 "since the floods began" next to them, are
    # different periods: side by side, never a second conflict.
    assert len(found(river_floods, RuleId.CONFLICT, False)) == 1
    assert len(found(port_fire, RuleId.CONFLICT, False)) == 1


def test_only_the_stale_repeat_is_named(river_floods: Comparison, port_fire: Comparison) -> None:
    (river,) = found(river_floods, RuleId.STALE, False)
    (port,) = found(port_fire, RuleId.STALE, False)

    assert river.claim_ids == ["2026-03-04-kestwick-evening-post#3"]
    assert port.claim_ids == ["2026-03-13-la-voz-del-puerto#2"]


def test_the_disclaimer_covers_the_two_figures_before_it_not_the_next_paragraph(
    river_floods: Comparison,
) -> None:
    (covered,) = found(
        river_floods, RuleId.UNVERIFIED, False, "could not be independently confirmed"
    )

    assert "65 residents" in covered.evidence
    assert "a further 20" in covered.evidence
    assert "1,140" not in covered.evidence
