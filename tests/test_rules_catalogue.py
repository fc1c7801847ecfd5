"""Every rule of the rule layer: cases that fire and near-misses that must not.

Claims are built directly (``Story`` below), normalised and compared with the real
functions. Publication dates are in March 2026: Monday is the 2nd, Tuesday the 3rd.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date
from typing import Any

import factories
import pytest
from factories import hedge, quantity, quoted

from assistant.compare import RuleConfig, compare
from assistant.model import (
    Article,
    Bound,
    Claim,
    ClaimKind,
    Comparison,
    Finding,
    Hedge,
    HedgeKind,
    HedgeScope,
    Period,
    Quantity,
    RuleId,
    Severity,
    SourceLink,
    SourceRole,
)
from assistant.normalize import NormalizeConfig, normalize_claims


class Story:
    """A story package under construction: articles and claims quoted from them."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.claims: list[Claim] = []

    def article(self, id: str, text: str, *, day: int = 3) -> Article:
        article = factories.article(
            id, text, outlet=f"Outlet {id.upper()}", published=date(2026, 3, day)
        )
        self.articles.append(article)
        return article

    def claim(
        self,
        article: Article,
        quote: str,
        *,
        metric: str | None = None,
        figure: str | None = None,
        unit: str | None = None,
        period: str | None = None,
        source: str | None = None,
        via: str | None = None,
        hedges: Iterable[Hedge] = (),
        kind: ClaimKind = ClaimKind.quantity,
        sentence: int | None = None,
        paragraph: int | None = None,
        subject: str | None = None,
        location: str | None = None,
    ) -> Claim:
        number = sum(claim.article_id == article.id for claim in self.claims) + 1
        links = [SourceLink(name=via, role=SourceRole.intermediary)] if via else []
        links += [SourceLink(name=source, role=SourceRole.original)] if source else []
        claim = quoted(
            article,
            quote,
            number,
            kind=kind,
            metric=metric,
            quantity=quantity(figure, unit) if figure else None,
            period=Period(text=period) if period else None,
            attribution=links,
            hedges=list(hedges),
            sentence=sentence,
            paragraph=paragraph,
            subject=subject,
            location=location,
        )
        self.claims.append(claim)
        return claim

    def says(self, id: str, text: str, *, day: int = 3, **claim: Any) -> Claim:
        """A one-sentence article whose whole text is one claim."""
        return self.claim(self.article(id, text, day=day), text, **claim)

    def compare(self, config: RuleConfig | None = None) -> Comparison:
        config = config or RuleConfig()
        claims = normalize_claims(self.articles, self.claims, config.normalize)
        return compare(self.articles, claims, config)


def fired(comparison: Comparison, rule: RuleId) -> list[Finding]:
    return [f for f in comparison.findings if f.rule is rule]


def arithmetic(comparison: Comparison) -> list[Finding]:
    """Arithmetic checks, holding (ADDS_UP, ok) or not (ARITHMETIC): each under its own id."""
    checks = [f for f in comparison.findings if f.rule in (RuleId.ARITHMETIC, RuleId.ADDS_UP)]
    assert all((c.rule is RuleId.ADDS_UP) is c.ok for c in checks)
    return checks


def problems(comparison: Comparison, rule: RuleId) -> list[Finding]:
    """Findings of ``rule`` that report a problem (ok=False)."""
    return [f for f in fired(comparison, rule) if not f.ok]


# --------------------------------------------------------------------------- CONFLICT


def test_conflict_names_each_value_outlet_period_and_source() -> None:
    story = Story()
    story.says(
        "a",
        "12 people died on Monday.",
        metric="dead",
        figure="12",
        period="on Monday",
        source="the health ministry",
    )
    story.says(
        "b",
        "19 people died on Monday.",
        metric="people died",
        figure="19",
        period="on Monday",
        source="hospital officials",
    )

    (conflict,) = fired(story.compare(), RuleId.CONFLICT)

    assert (conflict.ok, conflict.severity) == (False, Severity.high)
    assert conflict.claim_ids == ["a#1", "b#1"]
    assert conflict.evidence == (
        "deaths, 2026-03-02: Outlet A (12, on Monday, source: the health ministry) vs "
        "Outlet B (19, on Monday, source: hospital officials)"
    )


def test_conflict_when_the_same_day_is_written_differently() -> None:
    story = Story()
    story.says(
        "a", "12 people died on Monday.", day=3, metric="dead", figure="12", period="on Monday"
    )
    story.says("b", "19 died yesterday.", day=3, metric="killed", figure="19", period="yesterday")

    assert len(problems(story.compare(), RuleId.CONFLICT)) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("more than 2,000", "2,417"),  # a lower bound and a value above it
        ("about 40,000", "39,000"),  # within the 5 % tolerance
        ("between 300 and 400", "350"),  # a range and a value inside it
        ("up to 300", "250"),
        ("at least 12", "12"),
        ("40,000", "39,412"),  # a bare round figure reads as approximate
    ],
)
def test_compatible_figures_do_not_conflict(first: str, second: str) -> None:
    story = Story()
    story.says("a", f"{first} people were evacuated.", metric="people evacuated", figure=first)
    story.says("b", f"{second} people were evacuated.", metric="evacuated", figure=second)

    assert problems(story.compare(), RuleId.CONFLICT) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("about 40,000", "37,200"),  # outside the 5 % tolerance
        ("between 300 and 400", "450"),
        ("fewer than 10", "10"),
        ("more than 2,000", "1,950"),
    ],
)
def test_incompatible_figures_conflict(first: str, second: str) -> None:
    story = Story()
    story.says("a", f"{first} people were evacuated.", metric="people evacuated", figure=first)
    story.says("b", f"{second} people were evacuated.", metric="evacuated", figure=second)

    assert len(problems(story.compare(), RuleId.CONFLICT)) == 1


@pytest.mark.parametrize(
    ("here", "there", "conflict"),
    [
        ("Arlen", "Brisk", False),  # two towns: two counts
        ("Arlen", None, True),  # one names no place: compared as before
        ("Caldmouth", "the Saltings district, Caldmouth", True),  # one place, two levels
    ],
)
def test_figures_counted_in_different_places_are_no_conflict(
    here: str, there: str | None, conflict: bool
) -> None:
    story = Story()
    story.says("a", f"3 people died in {here} on Monday.", metric="deaths", figure="3",
               period="on Monday", location=here)  # fmt: skip
    story.says("b", "5 people died on Monday.", metric="deaths", figure="5",
               period="on Monday", location=there)  # fmt: skip

    assert len(problems(story.compare(), RuleId.CONFLICT)) == int(conflict)


def test_the_same_figure_in_two_towns_corroborates_nothing() -> None:
    story = Story()
    story.says("a", "3 people died in Arlen on Monday.", metric="deaths", figure="3",
               period="on Monday", location="Arlen", source="police")  # fmt: skip
    story.says("b", "3 people died in Brisk on Monday.", metric="deaths", figure="3",
               period="on Monday", location="Brisk", source="the coroner")  # fmt: skip

    assert fired(story.compare(), RuleId.CORROBORATED) == []

    # A third article with Arlen's figure from another origin does corroborate it.
    story.says("c", "3 people died in Arlen on Monday.", metric="deaths", figure="3",
               period="on Monday", location="Arlen", source="the hospital")  # fmt: skip
    (corroborated,) = fired(story.compare(), RuleId.CORROBORATED)
    assert corroborated.claim_ids == ["a#1", "c#1"]


def test_one_articles_two_sources_for_a_figure_corroborate_nothing() -> None:
    # Two of one article's figures, each from its own source: nothing shows they are one.
    story = Story()
    article = story.article("a", "12 died, the ministry said. The Red Cross said 12 died.")
    story.claim(article, "12 died, the ministry said", metric="deaths", figure="12",
                period="on Monday", source="the ministry")  # fmt: skip
    story.claim(article, "The Red Cross said 12 died", metric="deaths", figure="12",
                period="on Monday", source="the Red Cross")  # fmt: skip

    assert fired(story.compare(), RuleId.CORROBORATED) == []


def test_an_open_bound_far_below_a_later_figure_repeats_nothing() -> None:
    story = Story()
    story.says("a", "At least 140 homes were destroyed, officials said.", day=2,
               metric="homes destroyed", figure="at least 140", source="officials")  # fmt: skip
    story.says("b", "1,250 homes were destroyed, officials said.", day=4,
               metric="homes destroyed", figure="1,250", source="officials")  # fmt: skip

    assert fired(story.compare(), RuleId.CIRCULAR) == []


def test_figures_of_an_unknown_metric_with_no_shared_subject_may_conflict_at_low_severity() -> None:
    # "sons" in one article may be a man's brothers, in another his children.
    story = Story()
    story.says("a", "He was one of 5 sons of a watchmaker.", metric="sons", figure="5")
    story.says("b", "He had 2 sons with his wife.", metric="sons", figure="2")

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    assert conflict.severity is Severity.low
    assert "nothing shows they measure the same thing" in conflict.evidence


def test_figures_of_an_unknown_metric_conflict_when_both_name_the_subject() -> None:
    story = Story()
    story.says(
        "a", "The Harbour FC offer was worth $184 million.", metric="offer worth",
        figure="$184 million", unit="USD", subject="the Harbour FC offer",
    )  # fmt: skip
    story.says(
        "b", "The Harbour FC offer was worth $200 million.", metric="offer worth",
        figure="$200 million", unit="USD", subject="the Harbour FC offer",
    )  # fmt: skip

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    assert conflict.severity is Severity.high
    assert "nothing shows" not in conflict.evidence


@pytest.mark.parametrize("written", ["which", "The"])
def test_a_subject_that_names_no_one_does_not_make_a_conflict_sure(written: str) -> None:
    # The package lends "the bank" to the claim whose own subject names no one: that
    # must not count as both claims naming one subject.
    story = Story()
    story.says(
        "a", "The bank raised $5 million.", metric="raised", figure="$5 million",
        unit="USD", subject="the bank",
    )  # fmt: skip
    story.says(
        "b", "It raised $12 million.", metric="raised", figure="$12 million", unit="USD",
        subject=written,
    )  # fmt: skip

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    assert conflict.severity is Severity.low


def test_a_listed_metric_said_of_a_group_is_that_metric() -> None:
    story = Story()
    story.says("a", "2 workers were killed.", metric="workers killed", figure="2")
    story.says("b", "3 workers were killed.", metric="workers killed", figure="3")

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    assert conflict.severity is Severity.high


@pytest.mark.parametrize(
    ("other", "unit", "conflict"),
    [("136", "days", False), ("19", "weeks", False), ("4", "years", True), ("2", "months", True)],
)
def test_durations_are_compared_across_their_units(other: str, unit: str, conflict: bool) -> None:
    story = Story()
    story.says(
        "a", "Okafor served 4.5 months in prison.", metric="months served", figure="4.5",
        unit="months", subject="Okafor",
    )  # fmt: skip
    story.says(
        "b", f"Okafor served {other} {unit} in prison.", metric=f"{unit} served", figure=other,
        unit=unit, subject="Okafor",
    )  # fmt: skip

    found = fired(story.compare(), RuleId.CONFLICT if conflict else RuleId.AGREE)

    assert [f.ok for f in found] == [not conflict]
    assert found[0].evidence.startswith("served in prison (duration) (Okafor)")


def test_tolerance_is_configurable() -> None:
    story = Story()
    story.says("a", "About 40,000 were evacuated.", metric="evacuated", figure="about 40,000")
    story.says("b", "37,200 were evacuated.", metric="evacuated", figure="37,200")

    assert problems(story.compare(RuleConfig(tolerance=0.1)), RuleId.CONFLICT) == []


def test_agreeing_articles_get_an_ok_finding() -> None:
    story = Story()
    story.says("a", "More than 2,000 were evacuated.", metric="evacuated", figure="more than 2,000")
    story.says("b", "2,417 were evacuated.", metric="evacuated", figure="2,417")

    comparison = story.compare()
    (agree,) = fired(comparison, RuleId.AGREE)

    assert fired(comparison, RuleId.CONFLICT) == []
    assert (agree.ok, agree.severity) == (True, Severity.info)
    assert agree.evidence.startswith("people evacuated, no period stated: the figures agree: ")


@pytest.mark.parametrize(("day", "conflict"), [(3, True), (4, False)])
def test_figures_without_a_period_conflict_only_on_the_same_day(day: int, conflict: bool) -> None:
    story = Story()
    story.says("a", "12 people have died.", day=3, metric="dead", figure="12")
    story.says("b", "19 people have died.", day=day, metric="dead", figure="19")

    assert len(problems(story.compare(), RuleId.CONFLICT)) == int(conflict)


@pytest.mark.parametrize(("other", "conflict"), [("5.82", False), ("5.9", True), ("5.86", True)])
def test_decimals_written_set_the_precision(other: str, conflict: bool) -> None:
    story = Story()
    story.says(
        "a", "The river peaked at 5.8 metres.", metric="river peak", figure="5.8", unit="metres"
    )
    story.says(
        "b",
        f"The river peaked at {other} metres.",
        metric="river peak",
        figure=other,
        unit="metres",
    )

    comparison = story.compare()

    assert len(problems(comparison, RuleId.CONFLICT)) == int(conflict)
    assert len(fired(comparison, RuleId.PRECISION)) == int(not conflict)


def test_no_conflict_across_different_periods() -> None:
    story = Story()
    story.says("a", "12 died on Monday.", metric="dead", figure="12", period="on Monday")
    story.says("b", "19 died on Tuesday.", metric="dead", figure="19", period="on Tuesday")

    comparison = story.compare()

    assert problems(comparison, RuleId.CONFLICT) == []
    assert len(fired(comparison, RuleId.DIFFERENT_PERIOD)) == 1


def test_no_conflict_within_one_article() -> None:
    story = Story()
    article = story.article("a", "12 died on Monday. Later, officials said 19 died on Monday.")
    story.claim(article, "12 died on Monday", metric="dead", figure="12", period="on Monday")
    story.claim(article, "19 died on Monday", metric="dead", figure="19", period="on Monday")

    assert problems(story.compare(), RuleId.CONFLICT) == []


def test_no_conflict_when_the_period_cannot_be_resolved() -> None:
    story = Story()
    story.says(
        "a", "12 died during the storm.", metric="dead", figure="12", period="during the storm"
    )
    story.says(
        "b", "19 died during the storm.", metric="dead", figure="19", period="during the storm"
    )

    assert problems(story.compare(), RuleId.CONFLICT) == []


@pytest.mark.parametrize(
    ("kind", "broad"),
    [("homes destroyed", "homes damaged"), ("people rescued", "people evacuated")],
)
def test_metrics_that_share_a_word_never_conflict(kind: str, broad: str) -> None:
    story = Story()
    story.says("a", f"312 {broad}.", metric=broad, figure="312")
    story.says("b", f"132 {kind}.", metric=kind, figure="132")

    comparison = story.compare()

    assert problems(comparison, RuleId.CONFLICT) == []
    assert comparison.clusters == []


def test_a_peak_a_rise_and_a_departure_from_normal_are_not_one_figure() -> None:
    story = Story()
    story.says(
        "a",
        "The river peaked at 5.82 metres on Monday.",
        metric="river",
        figure="5.82",
        unit="metres",
        period="on Monday",
    )
    story.says(
        "b",
        "The river rose by 3.1 metres on Monday.",
        metric="river",
        figure="3.1",
        unit="metres",
        period="on Monday",
    )
    story.says(
        "c",
        "It was 2 metres above its usual level on Monday.",
        metric="river",
        figure="2",
        unit="metres",
        period="on Monday",
    )
    story.says(
        "d",
        "The river peaked at 4.0 metres on Monday.",
        metric="river",
        figure="4.0",
        unit="metres",
        period="on Monday",
    )

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    # Only the two peaks clash; the rise and the height above normal are other figures.
    assert conflict.claim_ids == ["a#1", "d#1"]
    assert conflict.evidence.startswith("river peak (m), 2026-03-02: ")


def test_deaths_with_a_cause_are_not_the_toll_of_the_event() -> None:
    story = Story()
    story.says(
        "a",
        "7 people died in road accidents on Monday.",
        metric="people died",
        figure="7",
        period="on Monday",
    )
    story.says(
        "b",
        "5 people died in the floods on Monday.",
        metric="people died",
        figure="5",
        period="on Monday",
    )
    story.says(
        "c", "9 people were killed on Monday.", metric="killed", figure="9", period="on Monday"
    )

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    assert conflict.claim_ids == ["b#1", "c#1"]


def test_a_claim_without_a_subject_meets_the_packages_subject() -> None:
    story = Story()
    story.says(
        "a",
        "12 people died on Monday.",
        metric="dead",
        figure="12",
        period="on Monday",
        subject="the Sullmere Floods",
    )
    story.says("b", "19 people died on Monday.", metric="dead", figure="19", period="on Monday")
    story.says(
        "c",
        "12 people died on Monday.",
        metric="dead",
        figure="12",
        period="on Monday",
        subject="Sullmere floods",
    )

    (conflict,) = problems(story.compare(), RuleId.CONFLICT)

    assert conflict.claim_ids == ["a#1", "b#1", "c#1"]
    assert conflict.evidence.startswith("deaths (the Sullmere Floods), 2026-03-02: ")


def test_a_claim_without_a_subject_is_not_guessed_into_one_of_several() -> None:
    story = Story()
    story.says(
        "a",
        "12 people died on Monday.",
        metric="dead",
        figure="12",
        period="on Monday",
        subject="Sullmere floods",
    )
    story.says(
        "b",
        "3 people died on Monday.",
        metric="dead",
        figure="3",
        period="on Monday",
        subject="Caldmouth port fire",
    )
    story.says("c", "19 people died on Monday.", metric="dead", figure="19", period="on Monday")

    assert problems(story.compare(), RuleId.CONFLICT) == []


def test_a_claim_without_a_subject_takes_its_own_articles_subject() -> None:
    story = Story()
    story.says(
        "a",
        "12 people died on Monday.",
        metric="dead",
        figure="12",
        period="on Monday",
        subject="Sullmere floods",
    )
    story.says(
        "b",
        "3 people died on Monday.",
        metric="dead",
        figure="3",
        period="on Monday",
        subject="Caldmouth port fire",
    )
    c = story.article("c", "Two people died on Monday. In all 19 people died on Monday.")
    story.claim(
        c,
        "Two people died on Monday",
        metric="dead",
        figure="2",
        period="on Monday",
        subject="Caldmouth port fire",
    )
    story.claim(c, "19 people died on Monday", metric="dead", figure="19", period="on Monday")

    conflicts = problems(story.compare(), RuleId.CONFLICT)

    assert [f.claim_ids for f in conflicts] == [["b#1", "c#1", "c#2"]]


# ------------------------------------------------------------- CORROBORATED / CIRCULAR


def test_independent_origins_corroborate() -> None:
    story = Story()
    story.says(
        "a",
        "12 died, the health ministry said.",
        metric="dead",
        figure="12",
        source="the health ministry",
    )
    story.says(
        "b",
        "More than 10 died, the Red Cross said.",
        metric="killed",
        figure="more than 10",
        source="the Red Cross",
    )

    comparison = story.compare()

    (corroborated,) = fired(comparison, RuleId.CORROBORATED)
    assert corroborated.ok is True
    assert corroborated.evidence == (
        "12 (Outlet A), more than 10 (Outlet B) agree and come from 2 independent origins: "
        "health ministry (Outlet A); red cross (Outlet B)"
    )
    assert fired(comparison, RuleId.CIRCULAR) == []


def test_a_bound_far_below_a_figure_neither_confirms_it_nor_agrees_with_it() -> None:
    story = Story()
    story.says("a", "More than 1,380 were injured, the news agency said.", metric="injured",
               figure="more than 1,380", source="the news agency")  # fmt: skip
    story.says("b", "About 3,037 were injured, the Red Crescent said.", metric="injured",
               figure="about 3,037", source="the Red Crescent")  # fmt: skip

    comparison = story.compare()

    assert fired(comparison, RuleId.CORROBORATED) == []
    (agree,) = fired(comparison, RuleId.AGREE)
    assert "the figures agree" not in agree.evidence
    assert "only a bound far from the rest" in agree.evidence


@pytest.mark.parametrize(("subject", "sourcing"), [(None, []), ("Harbour FC", ["CORROBORATED"])])
def test_figures_not_known_to_be_one_thing_neither_corroborate_nor_repeat(
    subject: str | None, sourcing: list[str]
) -> None:
    # Eight-year offers from two clubs agree on "eight" and confirm nothing.
    story = Story()
    for article, source in (("a", "the club's owner"), ("b", "the player's agent")):
        story.says(
            article,
            f"The offer is for 8 years, {source} said.",
            metric="year offer",
            figure="8",
            unit="years",
            source=source,
            subject=subject,
        )
    story.says(
        "c", "The offer is for 8 years, the agent said.", metric="year offer", figure="8",
        unit="years", source="the player's agent", subject=subject,
    )  # fmt: skip

    comparison = story.compare()

    rules = [
        f.rule.value for f in comparison.findings if f.rule.value in ("CORROBORATED", "CIRCULAR")
    ]
    assert rules == ([*sourcing, "CIRCULAR"] if subject else [])


def test_one_ministry_written_differently_is_circular_not_corroboration() -> None:
    story = Story()
    story.says(
        "a",
        "12 died, the interior ministry said.",
        metric="dead",
        figure="12",
        source="the interior ministry",
    )
    story.says(
        "b",
        "12 died, Reuters reported, citing the Ministry of the Interior.",
        metric="dead",
        figure="12",
        source="the Ministry of the Interior",
        via="Reuters",
    )
    story.says(
        "c",
        "Twelve people died, said a spokesman for the interior ministry.",
        metric="people died",
        figure="12",
        source="a spokesman for the interior ministry",
    )

    comparison = story.compare()

    (circular,) = fired(comparison, RuleId.CIRCULAR)
    assert circular.severity is Severity.medium
    assert circular.claim_ids == ["a#1", "b#1", "c#1"]
    assert "3 articles trace the figure to one origin, interior ministry" in circular.evidence
    assert "Outlet B: the Ministry of the Interior via Reuters" in circular.evidence
    assert fired(comparison, RuleId.CORROBORATED) == []


def test_unknown_names_stay_apart_unless_configured() -> None:
    story = Story()
    story.says("a", "12 died, the MoI said.", metric="dead", figure="12", source="the MoI")
    story.says(
        "b",
        "12 died, the interior ministry said.",
        metric="dead",
        figure="12",
        source="the interior ministry",
    )
    aliases = NormalizeConfig(source_aliases={"interior ministry": ["MoI"]})

    assert len(fired(story.compare(), RuleId.CORROBORATED)) == 1
    configured = story.compare(RuleConfig(normalize=aliases))
    assert len(fired(configured, RuleId.CIRCULAR)) == 1
    assert fired(configured, RuleId.CORROBORATED) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("the grid operator Sullmere Power", "Sullmere Power"),  # a name and a longer one
        ("the interior ministry", "ministry officials"),  # a vague name and a full one
    ],
)
def test_a_shorter_name_never_corroborates_the_longer_one(first: str, second: str) -> None:
    story = Story()
    story.says(
        "a",
        "About 40,000 homes lost power.",
        metric="without power",
        figure="about 40,000",
        source=first,
    )
    story.says(
        "b", "40,350 homes lost power.", metric="without power", figure="40,350", source=second
    )

    comparison = story.compare()

    assert fired(comparison, RuleId.CORROBORATED) == []
    assert [f.claim_ids for f in fired(comparison, RuleId.CIRCULAR)] == [["a#1", "b#1"]]


def test_an_ambiguous_or_unnamed_origin_adds_no_independence() -> None:
    story = Story()
    for id, source in [
        ("a", "the health ministry"),
        ("b", "the interior ministry"),
        ("c", "ministry officials"),
        ("d", "officials"),
    ]:
        story.says(
            id,
            f"312 homes were damaged, {source} said.",
            metric="homes damaged",
            figure="312",
            source=source,
        )

    (corroborated,) = fired(story.compare(), RuleId.CORROBORATED)

    assert corroborated.evidence.endswith(
        "come from 2 independent origins: health ministry (Outlet A); interior ministry (Outlet B)"
    )


def test_the_same_origin_in_different_periods_is_not_circular() -> None:
    story = Story()
    story.says(
        "a",
        "12 died on Monday, the ministry said.",
        metric="dead",
        figure="12",
        period="on Monday",
        source="the ministry",
    )
    story.says(
        "b",
        "12 died on Tuesday, the ministry said.",
        metric="dead",
        figure="12",
        period="on Tuesday",
        source="the ministry",
    )

    assert fired(story.compare(), RuleId.CIRCULAR) == []


def test_the_army_and_the_defence_ministry_are_one_origin_by_default() -> None:
    story = Story()
    story.says(
        "a",
        "Nearly 300 soldiers were deployed.",
        metric="soldiers deployed",
        figure="about 300",
        source="the defence ministry",
    )
    story.says(
        "b",
        "The army said 296 soldiers were deployed.",
        metric="soldiers deployed",
        figure="296",
        source="the army",
    )

    comparison = story.compare()

    assert fired(comparison, RuleId.CORROBORATED) == []
    (circular,) = fired(comparison, RuleId.CIRCULAR)
    assert "2 articles trace the figure to one origin, defence ministry" in circular.evidence

    separate = NormalizeConfig(source_aliases={"army": ["army"]})
    assert len(fired(story.compare(RuleConfig(normalize=separate)), RuleId.CORROBORATED)) == 1


# ------------------------------------------------------- SINGLE_SOURCE / UNATTRIBUTED


def test_single_source_claim() -> None:
    story = Story()
    story.says("a", "The dam burst, police said.", kind=ClaimKind.event, source="police")

    (single,) = fired(story.compare(), RuleId.SINGLE_SOURCE)

    assert single.severity is Severity.low
    assert single.evidence.startswith("Outlet A: “The dam burst, police said.” rests on one origin")


def test_unattributed_figure_and_not_an_intermediary_or_opinion() -> None:
    story = Story()
    story.says("a", "300 homes were damaged.", metric="homes damaged", figure="300")
    story.says(
        "b",
        "250 homes were flooded, Reuters reported.",
        metric="homes flooded",
        figure="250",
        via="Reuters",
    )
    story.says("c", "The response was a disgrace.", kind=ClaimKind.opinion)

    comparison = story.compare()

    (unattributed,) = fired(comparison, RuleId.UNATTRIBUTED)
    assert unattributed.claim_ids == ["a#1"]
    assert unattributed.severity is Severity.medium
    assert unattributed.evidence == "Outlet A: “300 homes were damaged.” names no source"
    assert [f.claim_ids for f in fired(comparison, RuleId.SINGLE_SOURCE)] == [["b#1"]]


def test_an_unattributed_age_is_a_low_note_not_a_medium_finding() -> None:
    story = Story()
    story.says(
        "a", "The driver, Ivo Marsh, 19, was hurt.", metric="age", figure="19",
        unit="years", subject="Ivo Marsh",
    )  # fmt: skip

    (unattributed,) = fired(story.compare(), RuleId.UNATTRIBUTED)

    assert unattributed.severity is Severity.low


# --------------------------------------------------------------------------- UNVERIFIED

_PARAGRAPHS = (
    "The river rose 3 metres on Monday. Officials said 40 people were rescued. "
    "Another 12 were missing. These figures could not be independently verified.\n\n"
    "Some 300 homes lost power, the utility said."
)


def _disclaimer_story(*, offset: int | None) -> Story:
    """Four sentences, a disclaimer referring back, then a new paragraph.

    ``offset`` numbers sentences the way an extractor might (e.g. +1 for a headline it
    counted); None leaves the indices for normalisation to compute.
    """
    story = Story()
    article = story.article("a", _PARAGRAPHS)
    disclaimer = hedge(
        article,
        "could not be independently verified",
        HedgeKind.verification_disclaimer,
        HedgeScope.preceding,
    )

    for quote, metric, figure, hedged, (sentence, paragraph) in [
        ("The river rose 3 metres", "river rise", "3", False, (0, 0)),
        ("40 people were rescued", "rescued", "40", False, (1, 0)),
        ("Another 12 were missing", "missing", "12", True, (2, 0)),
        ("Some 300 homes lost power", "homes without power", "some 300", True, (4, 1)),
    ]:
        story.claim(
            article,
            quote,
            metric=metric,
            figure=figure,
            hedges=[disclaimer] if hedged else [],
            sentence=None if offset is None else sentence + offset,
            paragraph=None if offset is None else paragraph + offset,
        )
    return story


@pytest.mark.parametrize("offset", [None, 0, 1])
def test_disclaimer_covers_two_previous_sentences_not_the_next_paragraph(
    offset: int | None,
) -> None:
    comparison = _disclaimer_story(offset=offset).compare()

    (unverified,) = fired(comparison, RuleId.UNVERIFIED)

    assert unverified.claim_ids == ["a#2", "a#3"]  # not a#1 (three back), not a#4 (next paragraph)
    assert unverified.severity is Severity.medium
    assert unverified.evidence.startswith(
        "Outlet A: “could not be independently verified” (verification disclaimer, covering its "
        "sentence and up to two earlier ones) applies to “40 people were rescued”"
    )


def test_evidential_hedge_with_sentence_scope_covers_its_sentence_only() -> None:
    story = Story()
    article = story.article("a", "Reportedly, 12 people died and 40 were injured. 3 bridges fell.")
    reportedly = hedge(article, "Reportedly", HedgeKind.evidential, HedgeScope.sentence)
    story.claim(article, "12 people died", metric="dead", figure="12", hedges=[reportedly])
    story.claim(article, "40 were injured", metric="injured", figure="40")
    story.claim(article, "3 bridges fell", metric="bridges collapsed", figure="3")

    (unverified,) = fired(story.compare(), RuleId.UNVERIFIED)

    assert unverified.claim_ids == ["a#1", "a#2"]
    assert unverified.severity is Severity.low


def test_modal_hedges_and_approximators_are_not_unverified() -> None:
    story = Story()
    article = story.article("a", "As many as 40 may have died.")
    may = hedge(article, "may", HedgeKind.epistemic_modal, HedgeScope.clause)
    many = hedge(article, "As many as", HedgeKind.approximator, HedgeScope.clause)
    story.claim(
        article, "As many as 40 may have died", metric="dead", figure="up to 40", hedges=[may, many]
    )

    assert fired(story.compare(), RuleId.UNVERIFIED) == []


# --------------------------------------------------------------------------- ARITHMETIC


def _breakdown(text: str, total: str, parts: list[tuple[str, str]]) -> Story:
    story = Story()
    article = story.article("a", text)
    story.claim(article, f"{total} homes were damaged", metric="homes damaged", figure=total)
    for figure, metric in parts:
        story.claim(article, f"{figure} {metric.split()[1]}", metric=metric, figure=figure)
    return story


def test_parts_that_add_up_to_their_total() -> None:
    story = _breakdown(
        "312 homes were damaged, of which 180 flooded and 132 destroyed.",
        "312",
        [("180", "homes flooded"), ("132", "homes destroyed")],
    )

    (check,) = arithmetic(story.compare())

    assert check.ok is True
    assert check.claim_ids == ["a#1", "a#2", "a#3"]
    assert check.evidence == (
        "Outlet A, sentence 0: 180 + 132 = 312 against a stated total of 312 (homes damaged): "
        "the parts add up"
    )


@pytest.mark.parametrize(
    ("text", "parts", "ok", "severity", "verdict"),
    [
        (
            "312 homes were damaged, of which 180 flooded and 100 destroyed.",
            [("180", "homes flooded"), ("100", "homes destroyed")],
            False,
            Severity.medium,
            "180 + 100 = 280 against a stated total of 312 (homes damaged): the parts fall "
            "short by 32: a category is missing or a figure is wrong",
        ),
        (  # "including" lists parts that may overlap: their sum may exceed, no part may
            "312 homes were damaged, including 200 flooded and 132 destroyed.",
            [("200", "homes flooded"), ("132", "homes destroyed")],
            False,
            Severity.low,
            "200 + 132 = 332 against a stated total of 312 (homes damaged): the parts exceed "
            "the total, which is right only if they overlap",
        ),
        (
            "312 homes were damaged, including 400 flooded.",
            [("400", "homes flooded")],
            False,
            Severity.high,
            "400 against a stated total of 312 (homes damaged): a part exceeds the total",
        ),
        (  # one part after "of which" is not the whole breakdown
            "312 homes were damaged, of which 180 flooded.",
            [("180", "homes flooded")],
            True,
            Severity.info,
            "180 against a stated total of 312 (homes damaged): the parts do not exceed it",
        ),
        (  # the list ends at ", and" opening a new clause: 330 is no part of it
            "312 homes were damaged, including 12 destroyed, and 330 flooded.",
            [("12", "homes destroyed"), ("330", "homes flooded")],
            True,
            Severity.info,
            "12 against a stated total of 312 (homes damaged): the parts do not exceed it",
        ),
        (  # a clause on how the toll changed ends the list: 400 is the earlier count
            "312 homes were damaged, including 40 destroyed, raising the tally from 400 counted "
            "earlier.",
            [("40", "homes destroyed"), ("400", "homes counted")],
            True,
            Severity.info,
            "40 against a stated total of 312 (homes damaged): the parts do not exceed it",
        ),
        (  # "including" lists some parts only: they may fall short of the total
            "312 homes were damaged, including 40 destroyed.",
            [("40", "homes destroyed")],
            True,
            Severity.info,
            "40 against a stated total of 312 (homes damaged): the parts do not exceed it",
        ),
    ],
)
def test_breakdowns_that_fall_short_exceed_or_only_include(
    text: str, parts: list[tuple[str, str]], ok: bool, severity: Severity, verdict: str
) -> None:
    (check,) = arithmetic(_breakdown(text, "312", parts).compare())

    assert (check.ok, check.severity) == (ok, severity)
    assert check.evidence == f"Outlet A, sentence 0: {verdict}"


def test_a_figure_after_the_aside_that_lists_the_parts_is_not_a_part() -> None:
    text = (
        "A $90 million bill - including a $40 million grant - for the port and a $70 million loan."
    )
    story = Story()
    article = story.article("a", text)
    for figure, metric in (
        ("$90 million", "bill"),
        ("$40 million", "grant"),
        ("$70 million", "loan"),
    ):
        story.claim(article, f"{figure} {metric}", metric=metric, figure=figure, unit="USD")

    (check,) = arithmetic(story.compare())

    assert check.ok is True
    assert check.claim_ids == ["a#1", "a#2"]


def test_figures_side_by_side_without_a_breakdown_are_not_summed() -> None:
    story = Story()
    article = story.article("a", "312 homes were damaged and 40 people were injured.")
    story.claim(article, "312 homes were damaged", metric="homes damaged", figure="312")
    story.claim(article, "40 people were injured", metric="injured", figure="40")

    assert arithmetic(story.compare()) == []


@pytest.mark.parametrize(("total", "ok"), [("19", True), ("21", False)])
def test_running_total_against_previous_total_plus_increment(total: str, ok: bool) -> None:
    story = Story()
    story.says(
        "a", "12 people have died.", day=2, metric="dead", figure="12", source="the ministry"
    )
    article = story.article("b", f"7 more died overnight, bringing the toll to {total}.", day=3)
    story.claim(article, "7 more died overnight", metric="died", figure="7", period="overnight")
    story.claim(article, f"the toll to {total}", metric="death toll", figure=total)

    (check,) = arithmetic(story.compare())

    assert check.ok is ok
    assert check.claim_ids == ["a#1", "b#1", "b#2"]
    assert "as of 2026-03-02 + increment Outlet B (7, overnight, source: no source named) = 19" in (
        check.evidence
    )


@pytest.mark.parametrize(("share", "ok"), [("58%", True), ("40%", False)])
def test_percentage_against_its_counts(share: str, ok: bool) -> None:
    story = Story()
    article = story.article("a", f"Of the 312 homes damaged, 180 ({share}) were flooded.")
    story.claim(article, "312 homes damaged", metric="homes damaged", figure="312")
    story.claim(article, "180", metric="homes flooded", figure="180")
    story.claim(article, share, metric="homes flooded", figure=share, unit="%")

    checks = [f for f in arithmetic(story.compare()) if "%" in f.evidence]

    assert [c.ok for c in checks] == [ok]
    assert "180 of 312 is 57.7%" in checks[0].evidence


def test_percentage_whose_part_is_in_the_next_sentence() -> None:
    story = Story()
    article = story.article(
        "a", "40% of the port's 500 dock workers were sent home. In all, 150 were sent home."
    )
    story.claim(article, "40%", metric="dock workers sent home", figure="40%", unit="%")
    story.claim(article, "500 dock workers", metric="dock workers employed", figure="500")
    story.claim(article, "150 were sent home", metric="dock workers sent home", figure="150")

    (check,) = arithmetic(story.compare())

    assert (check.ok, check.severity) == (False, Severity.medium)
    assert check.evidence == (
        "Outlet A: 150 of 500 is 30.0%, stated as 40%: the percentage does not match its counts"
    )


def test_first_figure_is_the_previous_total_when_none_was_given() -> None:
    story = Story()
    story.says(
        "a",
        "350 people were evacuated overnight.",
        day=2,
        metric="evacuated",
        figure="350",
        period="overnight",
    )
    article = story.article(
        "b", "A further 420 were evacuated on Tuesday, bringing the total to 820."
    )
    story.claim(
        article,
        "A further 420 were evacuated on Tuesday",
        metric="evacuated",
        figure="420",
        period="on Tuesday",
    )
    story.claim(article, "the total to 820", metric="evacuated", figure="820", period="the total")

    (check,) = arithmetic(story.compare())

    assert check.ok is False
    assert "= 770; Outlet B (820, the total" in check.evidence
    assert check.evidence.endswith("the running total does not add up")


def test_one_towns_figure_is_no_previous_total_for_another_town() -> None:
    story = Story()
    story.says("a", "350 people were evacuated in Arlen overnight.", day=2,
               metric="evacuated", figure="350", period="overnight", location="Arlen")  # fmt: skip
    article = story.article(
        "b", "A further 420 were evacuated in Brisk on Tuesday, bringing the total there to 820."
    )
    story.claim(article, "A further 420 were evacuated in Brisk on Tuesday", metric="evacuated",
                figure="420", period="on Tuesday", location="Brisk")  # fmt: skip
    story.claim(article, "the total there to 820", metric="evacuated", figure="820",
                period="the total", location="Brisk")  # fmt: skip

    assert arithmetic(story.compare()) == []


@pytest.mark.parametrize(
    ("broad", "total", "kind", "part", "ok"),
    [
        ("vehicles", "30", "trucks", "40", False),
        ("vehicles", "120", "trucks", "40", True),
        ("deaths", "40", "children killed", "12", True),
    ],
)
def test_a_kind_against_its_class_is_related_never_a_conflict(
    broad: str, total: str, kind: str, part: str, ok: bool
) -> None:
    story = Story()
    story.says("a", f"{total} {broad}.", metric=broad, figure=total)
    story.says("b", f"{part} {kind}.", metric=kind, figure=part)

    comparison = story.compare()

    (check,) = arithmetic(comparison)
    assert (check.ok, check.severity) == (ok, Severity.info if ok else Severity.medium)
    assert check.evidence.startswith(f"{kind} is a kind of {broad}")
    assert problems(comparison, RuleId.CONFLICT) == []


# --------------------------------------------------------------------------- SUPERLATIVE


def test_superlative_without_and_with_a_stated_baseline() -> None:
    story = Story()
    story.says("a", "It was the highest toll of the year.", kind=ClaimKind.comparison)
    story.says("b", "It was the worst flooding since records began.", kind=ClaimKind.comparison)

    first, second = fired(story.compare(), RuleId.SUPERLATIVE)

    assert first.evidence.endswith("no baseline is stated: which record, since when, kept by whom?")
    assert "“worst”" in second.evidence
    assert second.evidence.endswith(
        "the stated baseline “since records began” must be checked against the record"
    )


def test_the_most_serious_in_decades_is_a_superlative_with_its_baseline() -> None:
    story = Story()
    story.says(
        "a",
        "It could be the most serious accident in the city in decades.",
        kind=ClaimKind.comparison,
    )

    (superlative,) = fired(story.compare(), RuleId.SUPERLATIVE)

    assert superlative.evidence.endswith(
        "the stated baseline “in decades” must be checked against the record"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Gauges recorded 40 mm of rain.",
        "Records show 40 mm of rain fell.",
        "First responders reached 40 homes.",
        "Most residents left.",
        "The best estimate is 40 dead.",
        "Engineers inspected the worst-hit streets.",
        "It issued its highest alert level for the valley.",
        "The driver had an unblemished record in his 22 years with the firm.",
        "He had a criminal record.",
        "At its lowest point, the index was down 9.3%.",
        "Shares fell to 4,100 yen, the lowest allowed under exchange rules.",
        "Even the worst projections did not foresee 40 dead.",
        "Vance, who has a professional record of 21 wins and three losses, was due to fight.",
        "It is not the first time he has been arrested.",
    ],
)
def test_superlative_look_alikes(text: str) -> None:
    story = Story()
    story.says("a", text, kind=ClaimKind.event)

    assert fired(story.compare(), RuleId.SUPERLATIVE) == []


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("The river began to fall for the first time since the weekend.", False),
        ("The river fell for the first time since Monday.", False),
        ("Trains ran for the first time in days.", False),
        ("The river fell for the first time since last week.", False),
        ("The river burst its banks for the first time since 1952.", True),
        ("The index hit its lowest point since 2009.", True),
        ("It was a record 46.2C.", True),
        ("It set a record of 46.9C.", True),
        (
            "The river fell for the first time since the weekend, the worst flood ever recorded.",
            True,
        ),
    ],
)
def test_the_first_time_since_a_recent_day_is_no_record(text: str, fires: bool) -> None:
    story = Story()
    story.says("a", text, kind=ClaimKind.event)

    assert len(fired(story.compare(), RuleId.SUPERLATIVE)) == int(fires)


# ------------------------------------------------------------------ DIFFERENT_PERIOD


def test_different_periods_are_shown_side_by_side() -> None:
    story = Story()
    story.says("a", "12 died on Monday.", metric="dead", figure="12", period="on Monday")
    story.says("b", "19 have died so far.", metric="dead", figure="19", period="so far")

    (side_by_side,) = fired(story.compare(), RuleId.DIFFERENT_PERIOD)

    assert side_by_side.severity is Severity.info
    assert side_by_side.evidence == (
        "deaths for different periods, not a conflict: 2026-03-02: 12 (Outlet A, “on Monday”) "
        "| to 2026-03-03: 19 (Outlet B, “so far”)"
    )


def test_one_value_for_every_period_is_not_a_period_finding() -> None:
    story = Story()
    story.says("a", "Orbex paid $334 million for Vantor today.", metric="price",
               figure="334", unit="USD", period="today", subject="Vantor")  # fmt: skip
    story.says("b", "Orbex paid $334 million for Vantor.", metric="price", figure="334",
               unit="USD", subject="Vantor")  # fmt: skip

    assert fired(story.compare(), RuleId.DIFFERENT_PERIOD) == []


def test_one_article_with_daily_figures_is_not_a_period_finding() -> None:
    story = Story()
    article = story.article("a", "12 died on Monday and 7 on Tuesday.")
    story.claim(article, "12 died on Monday", metric="dead", figure="12", period="on Monday")
    story.claim(article, "7 on Tuesday", metric="dead", figure="7", period="on Tuesday")

    assert fired(story.compare(), RuleId.DIFFERENT_PERIOD) == []


# --------------------------------------------------------------------------- STALE


@pytest.mark.parametrize(
    ("latest", "stale"), [("12", True), ("25", False), ("19", False), ("15", False)]
)
def test_a_superseded_running_total_repeated_later(latest: str, stale: bool) -> None:
    story = Story()
    story.says(
        "a", "12 people have died so far.", day=2, metric="dead", figure="12", period="so far"
    )
    story.says(
        "b", "19 people have died so far.", day=3, metric="dead", figure="19", period="so far"
    )
    story.says("c", f"{latest} people have died.", day=4, metric="dead", figure=latest)

    found = fired(story.compare(), RuleId.STALE)

    # Only the repeat is stale: the first total and the newer one are right for their dates.
    assert [f.claim_ids for f in found] == ([["c#1"]] if stale else [])
    if stale:
        assert found[0].evidence == (
            "deaths: Outlet C (12, no period stated, source: no source named) as of 2026-03-04 "
            "repeats the figure of Outlet A (12, so far, source: no source named) as of "
            "2026-03-02, although Outlet B (19, so far, source: no source named) had reported "
            "a higher total as of 2026-03-03"
        )


def _written_as(story: Story, written: str, value: float) -> None:
    """The story's last claim with its figure written in words ("dozens": at least 24)."""
    last = story.claims[-1]
    figure = Quantity(value=value, bound=Bound.at_least, text=written)
    story.claims[-1] = last.model_copy(update={"quantity": figure})


def test_an_order_of_size_is_no_figure_repeated() -> None:
    story = Story()
    story.says("a", "Dozens of people have died so far.", day=2, metric="dead", figure="24",
               period="so far")  # fmt: skip
    _written_as(story, "Dozens", 24)
    story.says(
        "b", "60 people have died so far.", day=3, metric="dead", figure="60", period="so far"
    )
    story.says("c", "40 people have died.", day=4, metric="dead", figure="40")

    assert fired(story.compare(), RuleId.STALE) == []


def test_an_order_of_size_anchors_no_running_total() -> None:
    story = Story()
    story.says("a", "Hundreds of people have died.", day=2, metric="dead", figure="200")
    _written_as(story, "Hundreds", 200)
    article = story.article("b", "Seven more died overnight, bringing the toll to 19.", day=3)
    story.claim(article, "Seven more died overnight", metric="died", figure="7", period="overnight")
    story.claim(article, "the toll to 19", metric="death toll", figure="19")

    assert arithmetic(story.compare()) == []


def test_another_towns_higher_total_makes_no_figure_stale() -> None:
    story = Story()
    story.says("a", "12 people have died in Arlen so far.", day=2, metric="dead", figure="12",
               period="so far", location="Arlen")  # fmt: skip
    story.says("b", "19 people have died in Brisk so far.", day=3, metric="dead", figure="19",
               period="so far", location="Brisk")  # fmt: skip
    story.says("c", "12 people have died in Arlen.", day=4, metric="dead", figure="12",
               location="Arlen")  # fmt: skip

    assert fired(story.compare(), RuleId.STALE) == []


def test_stale_repeats_the_first_nights_figure() -> None:
    story = Story()
    story.says(
        "a",
        "350 were evacuated overnight.",
        day=2,
        metric="evacuated",
        figure="350",
        period="overnight",
    )
    story.says(
        "b",
        "820 have been evacuated in total.",
        day=3,
        metric="evacuated",
        figure="820",
        period="in total",
    )
    story.says("c", "350 people have been evacuated.", day=4, metric="evacuated", figure="350")

    (stale,) = fired(story.compare(), RuleId.STALE)

    assert stale.claim_ids == ["c#1"]


# --------------------------------------------------------------------------- PRECISION


def test_rounded_figure_next_to_an_exact_one() -> None:
    story = Story()
    story.says("a", "About 40,000 were evacuated.", metric="evacuated", figure="about 40,000")
    story.says("b", "39,412 were evacuated.", metric="evacuated", figure="39,412")

    comparison = story.compare()

    (precision,) = fired(comparison, RuleId.PRECISION)
    assert precision.severity is Severity.info
    assert "rounded Outlet A (about 40,000" in precision.evidence
    assert "agrees with the more precise Outlet B (39,412" in precision.evidence
    assert problems(comparison, RuleId.CONFLICT) == []


@pytest.mark.parametrize(
    ("first", "second"), [("39,412", "39,412"), ("about 40,000", "about 40,500")]
)
def test_no_precision_finding_when_both_are_exact_or_both_rounded(first: str, second: str) -> None:
    story = Story()
    story.says("a", f"{first} were evacuated.", metric="evacuated", figure=first)
    story.says("b", f"{second} were evacuated.", metric="evacuated", figure=second)

    assert fired(story.compare(), RuleId.PRECISION) == []


# --------------------------------------------------------------------------- determinism


def _flood_package() -> Story:
    story = Story()
    story.says(
        "a",
        "12 died on Monday, the health ministry said.",
        day=3,
        metric="dead",
        figure="12",
        period="on Monday",
        source="the health ministry",
    )
    story.says(
        "b",
        "19 died on Monday, hospital officials said.",
        day=3,
        metric="dead",
        figure="19",
        period="on Monday",
        source="hospital officials",
    )
    story.says(
        "c",
        "About 2,400 were evacuated, the interior ministry said.",
        day=3,
        metric="people evacuated",
        figure="about 2,400",
        source="the interior ministry",
    )
    story.says(
        "d",
        "More than 2,000 were evacuated, according to the Ministry of the Interior.",
        day=3,
        metric="evacuated",
        figure="more than 2,000",
        source="the Ministry of the Interior",
        via="AFP",
    )
    story.says(
        "e",
        "It was the worst flood on record; 312 homes were damaged.",
        day=4,
        metric="homes damaged",
        figure="312",
    )
    return story


def test_same_input_gives_byte_identical_output_in_any_claim_order() -> None:
    story = _flood_package()
    first = story.compare().model_dump_json()

    assert story.compare().model_dump_json() == first
    for seed in range(3):
        random.Random(seed).shuffle(story.claims)
        random.Random(seed).shuffle(story.articles)
        assert story.compare().model_dump_json() == first


def test_flood_package_findings_at_a_glance() -> None:
    comparison = _flood_package().compare()

    assert {f.rule for f in comparison.findings} == {
        RuleId.CONFLICT,
        RuleId.AGREE,
        RuleId.CIRCULAR,
        RuleId.SINGLE_SOURCE,
        RuleId.UNATTRIBUTED,
        RuleId.SUPERLATIVE,
    }
    assert [(c.metric, c.period, c.claim_ids) for c in comparison.clusters] == [
        ("deaths", "2026-03-02", ["a#1", "b#1"]),
        ("people evacuated", "unstated", ["c#1", "d#1"]),
    ]


def test_ages_and_durations_are_no_running_totals() -> None:
    # Three days, three ages of one girl as the articles give them: a disagreement
    # (CONFLICT), never a stale total or a total that failed to add up.
    story = Story()
    for article, day, age in (("a", 2, "12"), ("b", 3, "15"), ("c", 4, "12")):
        story.says(
            article, f"Ana Ruiz, {age}, was hurt.", day=day, metric="age", figure=age,
            unit="years", subject="Ana Ruiz",
        )  # fmt: skip

    comparison = story.compare()

    assert fired(comparison, RuleId.STALE) == []
    assert arithmetic(comparison) == []


def test_an_open_bound_is_no_figure_a_later_total_repeats() -> None:
    story = Story()
    story.says("a", "At least 103 people died on Friday.", day=2, metric="dead",
               figure="at least 103", period="on Friday")  # fmt: skip
    story.says(
        "b", "141 people have died so far.", day=3, metric="dead", figure="141", period="so far"
    )
    story.says("c", "133 people have died.", day=3, metric="dead", figure="133")

    assert fired(story.compare(), RuleId.STALE) == []
