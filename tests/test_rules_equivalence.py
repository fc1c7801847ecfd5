"""The rule layer's fast searches find exactly what the old pairwise ones found.

Issue 11 replaced CONFLICT's every-pair clash search, STALE's totals x figures and
ARITHMETIC's per-total filtering and kind x class pairs with sorted sweeps and indexes,
and CORROBORATED's and CIRCULAR's every-pair identity check with one per two readings.
Seeded random packages,
dense in what those searches turn on (touching and open ends, bounds, places written at
two levels of detail, unstated periods, running totals across days, ages, one article
with several figures), are compared rule by rule with the old code kept in
``rules_reference.py``, and then through the whole rule layer.
"""

from __future__ import annotations

import itertools
import math
import random
from datetime import date

import pytest
import rules_reference

import assistant.compare
from assistant.compare import RuleConfig, compare
from assistant.compare.identity import all_same_thing
from assistant.compare.intervals import Interval, is_empty, lower, upper
from assistant.compare.package import Package
from assistant.compare.prefix_best import PrefixBest
from assistant.compare.rules import RULES, arithmetic, circular, conflict, corroborated, stale
from assistant.compare.rules.arithmetic import kinds, running
from assistant.model import (
    Article,
    Bound,
    Claim,
    ClaimKind,
    Period,
    Quantity,
    SourceLink,
    SourceRole,
)
from assistant.normalize import normalize_claims

METRICS = [
    "dead",
    "dead",
    "dead",
    "people evacuated",
    "trucks",
    "vehicles",
    "year in prison",
    "age",
    "homes damaged",
    "homes destroyed",
]
PERIODS = [
    None,
    None,
    "so far",
    "since the floods began",
    "on Monday",
    "on Tuesday",
    "overnight",
    "in the past 24 hours",
    "last year",
]
PLACES = [None, None, "Arlen", "Brisk", "Caldmouth", "the Saltings district, Caldmouth", "Saltings"]
SUBJECTS = [None, "the Sullmere floods", "Mara Voss", "Voss", "which"]
SOURCES = ["the interior ministry", "police", "Reuters", None]
BOUNDS = [Bound.exact] * 4 + [
    Bound.about,
    Bound.more_than,
    Bound.at_least,
    Bound.up_to,
    Bound.fewer_than,
    Bound.range,
]


def _quantity(rng: random.Random, metric: str) -> Quantity:
    bound = rng.choice(BOUNDS)
    if metric != "age" and bound in (Bound.up_to, Bound.fewer_than):
        # "up to 5" + "more than 3" is a running total of any value, and the evidence
        # cannot write that yet (``evidence.values`` fails on -inf..inf): left to its own fix.
        bound = Bound.exact
    value = float(rng.randint(1, 12) * rng.choice([1, 1, 1, 1, 10, 1000]))
    if bound is Bound.range:
        upper = value + rng.randint(0, 3)
        return Quantity(value=value, upper=upper, bound=bound, text=f"{value:g}-{upper:g}")
    if rng.random() < 0.15:  # a decimal stands for what rounds to it
        value += 0.5
    return Quantity(value=value, bound=bound, text=f"{value:,g}")


def _package(seed: int) -> tuple[list[Article], list[Claim]]:
    rng = random.Random(seed)
    articles, claims = [], []
    for n in range(rng.randint(3, 10)):
        published = None if rng.random() < 0.05 else date(2026, 3, rng.randint(2, 5))
        article = Article(
            id=f"s{seed}-a{n}", outlet=f"Outlet {n % 4}", published=published, text="x" * 200,
            source=f"a{n}.txt",
        )  # fmt: skip
        articles.append(article)
        for k in range(rng.randint(1, 8)):
            metric = rng.choice(METRICS)
            period = rng.choice(PERIODS)
            source = rng.choice(SOURCES)
            quantity = _quantity(rng, metric)
            # Half the quotes write their figure as one added to a total.
            added = rng.random() < 0.5
            claims.append(
                Claim(
                    id=f"{article.id}#{k + 1}",
                    article_id=article.id,
                    quote=f"a further {quantity.text}" if added else article.text[k : k + 5],
                    statement="a figure",
                    kind=ClaimKind.quantity,
                    subject=rng.choice(SUBJECTS),
                    metric=metric,
                    quantity=quantity,
                    period=Period(text=period) if period else None,
                    location=rng.choice(PLACES),
                    attribution=[SourceLink(name=source, role=SourceRole.original)]
                    if source
                    else [],
                )
            )
    return articles, claims


def _packages(count: int) -> list[tuple[list[Article], list[Claim]]]:
    return [_package(seed) for seed in range(count)]


PACKAGES = _packages(400)


@pytest.fixture(scope="module")
def built() -> list[Package]:
    config = RuleConfig()
    return [
        Package.build(articles, normalize_claims(articles, claims, config.normalize), config)
        for articles, claims in PACKAGES
    ]


def test_the_packages_reach_what_the_searches_turn_on(built: list[Package]) -> None:
    """A guard on the generator: each rule fires, so the comparisons below mean something."""
    found = {rule: 0 for rule in ("clashes", "stale", "running", "kinds")}
    for package in built:
        found["clashes"] += sum(bool(rules_reference.clashes(b)) for b in package.blocks)
        found["stale"] += len(list(stale.check(package)))
        found["running"] += len(list(running.check(package)))
        found["kinds"] += sum(not f.ok for f in kinds.check(package))
    assert all(count >= 20 for count in found.values()), found


def test_conflict_finds_the_same_clashing_pairs(built: list[Package]) -> None:
    for package in built:
        for block in package.blocks:
            old = {frozenset((a.id, b.id)) for a, b in rules_reference.clashes(block)}
            new = [frozenset((a.id, b.id)) for a, b in conflict._clashes(block)]
            assert len(new) == len(set(new)) == len(old) and set(new) == old, block.label


def test_stale_finds_the_same(built: list[Package]) -> None:
    for package in built:
        assert list(stale.check(package)) == list(rules_reference.stale(package))


def test_kinds_against_their_class_find_the_same(built: list[Package]) -> None:
    for package in built:
        assert list(kinds.check(package)) == list(rules_reference.kinds(package))


def test_running_totals_find_the_same(built: list[Package]) -> None:
    for package in built:
        assert list(arithmetic.check(package)) == list(rules_reference.arithmetic(package))


def test_identity_of_a_group_is_decided_the_same(built: list[Package]) -> None:
    asked = {True: 0, False: 0}
    for package in built:
        groups = package.agreement_groups
        # Whole blocks too: their figures may name different places.
        for members in (
            *(block.members for block in package.blocks),
            *(g.members for g in groups),
            *(quoting for g in groups for quoting in g.by_origin.values()),
        ):
            old = rules_reference.all_same_thing(members, package.vocabulary)
            assert all_same_thing(members, package.vocabulary) == old, members
            asked[old] += len({f.article_id for f in members}) > 1
    assert min(asked.values()) >= 50, asked


def test_ends_as_points_say_what_the_intervals_say() -> None:
    ends = [-math.inf, 1.0, 2.0, 3.0, math.inf]
    intervals = [
        Interval(lo, hi, lo_open, hi_open)
        for lo, hi in itertools.product(ends, repeat=2)
        for lo_open, hi_open in itertools.product((False, True), repeat=2)
        if lo <= hi and (lo_open or lo != -math.inf) and (hi_open or hi != math.inf)
    ]
    for a, b in itertools.product(intervals, repeat=2):
        assert a.below(b) == (upper(a) < lower(b))
        apart = is_empty(a) or is_empty(b) or upper(a) < lower(b) or upper(b) < lower(a)
        assert (a.intersect(b) is None) == apart, (a, b)


def test_prefix_best_skips_one_group() -> None:
    rng = random.Random(11)
    for _ in range(100):
        size = rng.randint(1, 12)
        tree, added = PrefixBest(size), []
        for key in rng.sample(range(100), rng.randint(1, 30)):
            rank, group = rng.randint(1, size), rng.randint(0, 3)
            tree.add(rank, key, group)
            added.append((rank, key, group))
            for upto in range(size + 1):
                for skip in range(5):
                    keys = [k for r, k, g in added if r <= upto and g != skip]
                    assert tree.best(upto, skip) == min(keys, default=None)


def test_the_whole_rule_layer_finds_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    reference = tuple(
        {
            stale.check: rules_reference.stale,
            arithmetic.check: rules_reference.arithmetic,
        }.get(rule, rule)
        for rule in RULES
    )
    for articles, claims in PACKAGES[:60]:
        normalized = normalize_claims(articles, claims)
        new = compare(articles, normalized)
        with monkeypatch.context() as patch:
            patch.setattr(assistant.compare, "RULES", reference)
            patch.setattr(conflict, "_clashes", lambda b: iter(rules_reference.clashes(b)))
            for module in (corroborated, circular):
                patch.setattr(module, "all_same_thing", rules_reference.all_same_thing)
            old = compare(articles, normalized)
        assert new == old
