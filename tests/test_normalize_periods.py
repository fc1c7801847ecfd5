"""Periods resolved against the publication date (Thursday 5 March 2026 unless stated)."""

from __future__ import annotations

from datetime import date

import factories
import pytest

from assistant.model import ClaimKind, Period
from assistant.normalize import normalize_claims, period_key, resolve_period
from assistant.normalize.periods import is_forward

THURSDAY = date(2026, 3, 5)


def resolved(text: str, published: date | None = THURSDAY) -> Period:
    return resolve_period(Period(text=text), published)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("on Monday", date(2026, 3, 2), date(2026, 3, 2)),
        ("Thursday", THURSDAY, THURSDAY),  # the day of publication itself
        ("last Thursday", date(2026, 2, 26), date(2026, 2, 26)),
        ("between Monday and Tuesday", date(2026, 3, 2), date(2026, 3, 3)),
        ("yesterday", date(2026, 3, 4), date(2026, 3, 4)),
        ("today", THURSDAY, THURSDAY),
        ("overnight", date(2026, 3, 4), THURSDAY),
        ("in the past 24 hours", date(2026, 3, 4), THURSDAY),
        ("over the past two days", date(2026, 3, 3), THURSDAY),
        ("this week", date(2026, 3, 2), THURSDAY),
        ("last week", date(2026, 2, 23), date(2026, 3, 1)),
        ("at the weekend", date(2026, 2, 28), date(2026, 3, 1)),
        ("this month", date(2026, 3, 1), THURSDAY),
        ("last month", date(2026, 2, 1), date(2026, 2, 28)),
        ("last year", date(2025, 1, 1), date(2025, 12, 31)),
        ("on March 3", date(2026, 3, 3), date(2026, 3, 3)),
        ("on 3 March", date(2026, 3, 3), date(2026, 3, 3)),
        ("on March 3rd, 2025", date(2025, 3, 3), date(2025, 3, 3)),
        ("2026-03-01", date(2026, 3, 1), date(2026, 3, 1)),
        ("between March 3 and 4", date(2026, 3, 3), date(2026, 3, 4)),
        ("between 3 and 4 March", date(2026, 3, 3), date(2026, 3, 4)),
        ("March 3-4", date(2026, 3, 3), date(2026, 3, 4)),
        ("from February 27 to March 2", date(2026, 2, 27), date(2026, 3, 2)),
        ("on December 30", date(2025, 12, 30), date(2025, 12, 30)),  # last year's December
        ("in February", date(2026, 2, 1), date(2026, 2, 28)),
        ("in March", date(2026, 3, 1), THURSDAY),  # not past the day of publication
        ("in 2024", date(2024, 1, 1), date(2024, 12, 31)),
        # A quarter: of the year written, else the latest one begun by publication.
        ("in the third quarter of 2025", date(2025, 7, 1), date(2025, 9, 30)),
        ("Q4 2025", date(2025, 10, 1), date(2025, 12, 31)),
        ("in the fourth quarter", date(2025, 10, 1), date(2025, 12, 31)),
        ("in the first quarter", date(2026, 1, 1), THURSDAY),
        # An earlier disaster named by its year dates its own figures.
        ("the 2018 Camp Fire", date(2018, 1, 1), date(2018, 12, 31)),
    ],
)
def test_periods_resolve_to_days(text: str, start: date, end: date) -> None:
    period = resolved(text)

    assert (period.start, period.end, period.resolved, period.cumulative) == (
        start,
        end,
        True,
        False,
    )
    assert period.text == text


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("so far", None, THURSDAY),
        ("the total", None, THURSDAY),
        ("in all", None, THURSDAY),
        ("to date", None, THURSDAY),
        ("since the floods began", None, THURSDAY),
        ("since Monday", date(2026, 3, 2), THURSDAY),
        ("so far this year", date(2026, 1, 1), THURSDAY),
        ("as of March 4", None, date(2026, 3, 4)),
    ],
)
def test_cumulative_periods_run_up_to_publication(text: str, start: date | None, end: date) -> None:
    period = resolved(text)

    assert (period.start, period.end, period.cumulative, period.resolved) == (
        start,
        end,
        True,
        True,
    )


@pytest.mark.parametrize(
    "text", ["during the storm", "in the early hours", "at the height of the flood"]
)
def test_unresolvable_periods_stay_explicit_and_unresolved(text: str) -> None:
    period = resolved(text)

    assert (period.text, period.start, period.end, period.resolved) == (text, None, None, False)
    assert period_key(period, THURSDAY).key == f"unresolved: {text}"


def test_relative_words_need_a_publication_date_but_explicit_dates_do_not() -> None:
    assert resolved("on Monday", published=None).resolved is False
    assert resolved("so far", published=None).resolved is False
    assert resolved("so far", published=None).cumulative is True
    assert resolved("on 3 March 2026", published=None).start == date(2026, 3, 3)


def test_resolving_twice_changes_nothing() -> None:
    once = resolved("on Monday")

    assert resolve_period(once, date(2026, 3, 20)) == once


def test_the_extractors_cumulative_flag_is_kept() -> None:
    period = resolve_period(Period(text="on Monday", cumulative=True), THURSDAY)

    assert period.cumulative is True


def test_period_keys() -> None:
    monday = resolved("on Monday")
    overnight = resolved("overnight")
    so_far = resolved("so far")

    assert period_key(monday, THURSDAY).key == "2026-03-02"
    assert period_key(overnight, THURSDAY).key == "2026-03-04..2026-03-05"
    assert period_key(so_far, THURSDAY).key == "to 2026-03-05"
    # A figure with no period is the current figure at publication: one key across days.
    unstated = period_key(None, THURSDAY)
    assert (unstated.key, unstated.stated, unstated.running_total) == ("unstated", False, True)
    assert unstated.as_of == THURSDAY
    assert period_key(Period(text=" "), date(2026, 3, 6)).key == "unstated"


MONDAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("on Tuesday", date(2026, 3, 3), date(2026, 3, 3)),
        ("on Monday", date(2026, 3, 9), date(2026, 3, 9)),  # said on a Monday: a week away
        ("until Friday", MONDAY, date(2026, 3, 6)),
        ("by Wednesday morning", date(2026, 3, 4), date(2026, 3, 4)),
        ("at the weekend", date(2026, 3, 7), date(2026, 3, 8)),
        ("this week", MONDAY, date(2026, 3, 8)),
        ("last Friday", date(2026, 2, 27), date(2026, 2, 27)),  # still looks back
    ],
)
def test_forward_looking_periods_resolve_ahead_of_publication(
    text: str, start: date, end: date
) -> None:
    period = resolve_period(Period(text=text), MONDAY, forward=True)

    assert (period.start, period.end, period.resolved) == (start, end, True)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("into next week", date(2026, 3, 9), date(2026, 3, 15)),
        ("tomorrow", date(2026, 3, 3), date(2026, 3, 3)),
        ("next month", date(2026, 4, 1), date(2026, 4, 30)),
    ],
)
def test_next_and_tomorrow_look_forward_whatever_the_tense(
    text: str, start: date, end: date
) -> None:
    period = resolve_period(Period(text=text), MONDAY)

    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    ("kind", "quote", "period", "forward"),
    [
        (ClaimKind.quantity, "More rain is likely on Tuesday", "on Tuesday", True),
        (ClaimKind.quantity, "Schools will stay closed until Friday", "until Friday", True),
        (ClaimKind.quantity, "40 mm of rain could fall by Wednesday morning", "by Wednesday", True),
        (ClaimKind.prediction, "Rain on Tuesday", "on Tuesday", True),
        # Near misses: past events, whatever follows them or hedges them.
        (ClaimKind.quantity, "12 people died on Monday; more rain will fall", "on Monday", False),
        (ClaimKind.quantity, "12 died on Monday, which could not be verified", "on Monday", False),
        (ClaimKind.quantity, "12 may have died on Monday", "on Monday", False),
        (ClaimKind.quantity, "By Tuesday the total had reached 2,000", "By Tuesday", False),
        # A past-tense report: the modal belongs to an aside, the weekday to the past verb.
        (
            ClaimKind.quantity,
            "The driver, who could face 15 years, was charged on Monday",
            "on Monday",
            False,
        ),
        # The period was read from another clause of the sentence than the claim's quote.
        (ClaimKind.quantity, "The driver could face 15 years", "on Monday", False),
    ],
)
def test_which_claims_look_forward(kind: ClaimKind, quote: str, period: str, forward: bool) -> None:
    assert is_forward(kind, quote, period) is forward


def test_a_prediction_in_an_article_lands_after_its_publication() -> None:
    article = factories.article(
        "a", "More rain is likely on Tuesday.", published=MONDAY, outlet="Wire"
    )
    claim = factories.quoted(
        article, "More rain is likely on Tuesday", period=Period(text="on Tuesday")
    )

    (normalized,) = normalize_claims([article], [claim])

    assert normalized.period is not None
    assert normalized.period.start == date(2026, 3, 3)
