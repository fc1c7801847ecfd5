"""The bundled story packages through the OFFLINE extractor and the real rule layer.

The offline extractor (no model) is the Quickstart default, so what it lets the rules find
on the examples is pinned here: the planted findings it can reach, and no false conflict.
Evidence words are chosen to hold whatever metric phrase the extractor picks.
"""

from __future__ import annotations

import pytest
from examples_support import compare_package, found

from assistant.model import Comparison, RuleId, Severity


@pytest.fixture(scope="module")
def river_floods() -> Comparison:
    return compare_package("river-floods", "offline")


@pytest.fixture(scope="module")
def port_fire() -> Comparison:
    return compare_package("port-fire", "offline")


RIVER_FLOODS = [
    (RuleId.CONFLICT, False, ["deaths", "Twelve", "the regional police", "Nineteen"]),
    (RuleId.CIRCULAR, False, ["312", "interior ministry", "repetition, not corroboration"]),
    (RuleId.ADDS_UP, True, ["180 + 132 = 312", "the parts add up"]),
    (RuleId.SUPERLATIVE, False, ["worst", "since records began in 1952"]),
    (RuleId.SUPERLATIVE, False, ["largest evacuation"]),
    (RuleId.UNVERIFIED, False, ["could not be independently verified", "about 30 people"]),
]

PORT_FIRE = [
    (RuleId.CONFLICT, False, ["Two", "Three"]),
    (RuleId.ARITHMETIC, False, ["58 + 45 = 103", "the parts exceed the total"]),
    (RuleId.ARITHMETIC, False, ["150 of 500 is 30.0%", "40%"]),
    (RuleId.SUPERLATIVE, False, ["biggest fire"]),
    (RuleId.UNVERIFIED, False, ["could not be independently verified"]),
]


@pytest.mark.parametrize(("rule", "ok", "words"), RIVER_FLOODS)
def test_river_floods_offline_findings(
    river_floods: Comparison, rule: RuleId, ok: bool, words: list[str]
) -> None:
    assert len(found(river_floods, rule, ok, *words)) == 1


@pytest.mark.parametrize(("rule", "ok", "words"), PORT_FIRE)
def test_port_fire_offline_findings(
    port_fire: Comparison, rule: RuleId, ok: bool, words: list[str]
) -> None:
    assert len(found(port_fire, rule, ok, *words)) == 1


def test_offline_finds_no_false_conflict(river_floods: Comparison, port_fire: Comparison) -> None:
    # The river's peak, its rise and its height above normal are different figures.
    for comparison in (river_floods, port_fire):
        conflicts = [f for f in comparison.findings if f.rule is RuleId.CONFLICT and not f.ok]
        assert [f.severity for f in conflicts] == [Severity.high]


def test_the_first_fall_since_the_weekend_is_no_superlative(river_floods: Comparison) -> None:
    assert found(river_floods, RuleId.SUPERLATIVE, False, "first time") == []
