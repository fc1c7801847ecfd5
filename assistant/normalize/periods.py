"""Resolving the period a figure refers to against the article's publication date.

``resolve_period`` turns the words ("on Monday", "overnight", "between March 3 and 4",
"so far") into dates; ``period_key`` turns a resolved period into the key claims are
clustered on. Periods are resolved to whole days: "overnight" and "in the past 24 hours"
both span the day before publication and the day of it.

Forward-looking claims ("more rain is likely on Tuesday", "schools will stay closed until
Friday", kind ``prediction``) resolve weekdays, "the weekend" and "this week" to the next
such days instead of the last ones; "tomorrow" and "next week" always look forward.

A figure with no period at all ("312 homes were damaged") is read as the current figure
at publication. Such figures share one cluster key, ``unstated``, across days: the same
unstated figure repeated on Monday and Tuesday is the same fact, while different ones may
simply be updates — the rules compare those only within one publication day.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from assistant.model import ClaimKind, Period
from assistant.normalize.lexical import fold

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fourteen": 14,
    "twenty-four": 24, "twenty four": 24, "thirty": 30, "forty-eight": 48, "seventy-two": 72,
}  # fmt: skip

_M = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_D = r"(\d{1,2})(?:st|nd|rd|th)?"
_Y = r"(?:,?\s+(\d{4}))?"
_TO = r"\s*(?:-|to|and|until|till|through)\s*"
_W = "(" + "|".join(_WEEKDAYS) + ")"

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY_RANGE = re.compile(rf"\b({_M})\s+{_D}{_TO}{_D}\b(?!\s*{_M}){_Y}")
_DAY_RANGE_MONTH = re.compile(rf"\b{_D}{_TO}{_D}\s+(?:of\s+)?({_M}){_Y}")
_MONTH_DAY = re.compile(rf"\b({_M})\s+{_D}\b{_Y}")
_DAY_MONTH = re.compile(rf"\b{_D}\s+(?:of\s+)?({_M}){_Y}")
_MONTH_ONLY = re.compile(rf"\b(?:in|during|of|since|throughout)\s+({_M})(?:\s+(\d{{4}}))?\b")
# A calendar quarter: "the third quarter of 2025", "Q3 2025", "the fourth quarter".
_QUARTER = re.compile(
    r"\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter|q([1-4]))"
    r"(?:\s+(?:of\s+)?(?:fiscal\s+)?(\d{4}))?\b"
)
_QUARTER_NUMBERS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
# "in 2018", and a year naming an event of its own: "the 2018 camp fire", "a 2023 accident",
# "the epidemic of 2018".
_YEAR_ONLY = re.compile(
    r"(?:\b(?:in|during|since|throughout|a|an|the|of|his|her|their|its)|['’]s)\s+(\d{4})\b"
)  # (and someone's: "his 2019 arrest", "Vance's 2017 arrest")
# Years from one to another: "in 2018-2020", "between 2018 and 2020", "of 2014-16".
_YEAR_RANGE = re.compile(r"\b((?:1[89]|20)\d\d)\s*(?:-|–|to|and)\s*((?:1[89]|20)?\d\d)\b")

_TODAY = re.compile(r"\b(today|this morning|this afternoon|this evening|tonight)\b")
_YESTERDAY = re.compile(r"\byesterday\b")
_OVERNIGHT = re.compile(r"\b(overnight|last night|during the night)\b")
_PAST = re.compile(
    r"\b(?:past|last|previous|preceding)\s+(\d+|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")?\s*(hour|day|week)s?\b"
)
_WEEK = re.compile(r"\b(this|last|next)\s+week\b")
_TOMORROW = re.compile(r"\btomorrow\b")
_WEEKEND = re.compile(r"\bweekend\b")
_MONTH_REL = re.compile(r"\b(this|last|next)\s+month\b")
_YEAR_REL = re.compile(r"\b(this|last|next)\s+year\b")
_WEEKDAY = re.compile(rf"\b(?:(last)\s+)?{_W}\b")

_CUMULATIVE = re.compile(
    r"\b(so far|to date|thus far|until now|up to now|as of|total|toll|altogether|in all|since|"
    r"cumulative|overall)\b"
)
_AS_OF = re.compile(r"\b(as of|as at|by|up to|until)\b")

# Future tense or a forecast in the clause that leads up to the period. Modals count only
# when they look ahead: "could not be verified" and "may have died" do not.
_FUTURE = re.compile(
    r"\b(?:will|shall|would|going to|set to|expected|expects|forecast|forecasts|predicted|"
    r"likely|could|may|might)\b(?!\s+(?:not|have|n't)\b)|'ll\b"
)
_UNTIL = re.compile(r"^(?:until|till|til)\b")
# Past-tense verbs that cannot be participles after "will stay" ("closed") or "to be".
_PAST_VERB = re.compile(
    r"\b(?:was|were|had|did|said|told|went|came|took|left|fled|began|broke|struck|fell|"
    r"died|happened|occurred)\b"
)
_CLAUSE_END = re.compile(r"[.;!?]")

Span = tuple[date, date]


class PeriodKey(NamedTuple):
    """How a claim's period clusters: its key and what the rules may assume about it."""

    key: str  # '2026-03-02', '2026-03-02..2026-03-03', 'to 2026-03-05', 'unstated', 'unresolved: …'
    resolved: bool  # the key names days (or, for 'unstated', the day of publication)
    running_total: bool  # a total as of ``as_of``: "so far", "since the floods began", unstated
    as_of: date | None  # the last day the figure covers
    start: date | None = None  # the first day, for a figure over a closed period
    stated: bool = True  # False for a figure with no period: as of its publication


def is_forward(kind: ClaimKind, quote: str, period_text: str | None) -> bool:
    """Whether a claim's period looks ahead of publication.

    True for a prediction, for "until Friday", and when the clause of ``quote`` that leads
    up to the period text speaks of the future ("more rain is likely on Tuesday"). Never
    raises.
    """
    if kind is ClaimKind.prediction:
        return True
    text = fold(period_text or "")
    if _UNTIL.search(text):
        return True
    lowered = fold(quote)
    at = lowered.find(text) if text else -1
    if text and at < 0:
        # The period was read from another clause of the sentence ("the man, who could
        # face 20 years, was arrested on Monday"): this claim's tense does not govern it.
        return False
    if at >= 0:  # only the sentence up to the period: "12 died on Monday; more will" is past
        lowered = _CLAUSE_END.split(lowered[:at])[-1]
    future = max(_FUTURE.finditer(lowered), key=lambda m: m.start(), default=None)
    # A past-tense verb after the last future word is the one the period belongs to:
    # "who may face charges, was arrested on Monday".
    return future is not None and _PAST_VERB.search(lowered, future.end()) is None


def resolve_period(period: Period, published: date | None, *, forward: bool = False) -> Period:
    """``period`` with ``start``/``end``/``cumulative``/``resolved`` filled in from its text.

    Relative words need ``published``; without it they stay unresolved (``resolved=False``,
    text kept). With ``forward`` (see ``is_forward``) weekdays, "the weekend" and "this
    week" are the coming ones. A period that already has dates is returned resolved and
    unchanged, so normalising twice gives the same result. Never raises.
    """
    if period.start is not None or period.end is not None:
        return period.model_copy(update={"resolved": True})
    text = fold(period.text or "")
    if not text:
        return period
    start, end, stated = _resolve_text(text, published, forward)
    if period.cumulative and not stated and end is not None:
        # A total marked as one by its clause ("bringing the total to 2,000") and dated by
        # the day of its increment ("on Tuesday"): the total as of that day.
        start = None
    cumulative = stated or period.cumulative
    if end is None:
        return period.model_copy(update={"cumulative": cumulative, "resolved": False})
    return period.model_copy(
        update={"start": start, "end": end, "cumulative": cumulative, "resolved": True}
    )


def period_key(period: Period | None, published: date | None) -> PeriodKey:
    """The cluster key of a (resolved) period; see the module docstring for unstated ones."""
    if period is None:
        return _key(None, None, None, False, published)
    return _key(period.text, period.start, period.end, period.resolved, published)


@lru_cache(maxsize=16384)
def _key(
    text: str | None, start: date | None, end: date | None, resolved: bool, published: date | None
) -> PeriodKey:
    if not (text or "").strip():
        return PeriodKey("unstated", True, running_total=True, as_of=published, stated=False)
    if not resolved or end is None:
        folded = fold(text or "")
        return PeriodKey(f"unresolved: {folded}", resolved=False, running_total=False, as_of=None)
    if start is None:
        return PeriodKey(f"to {end}", resolved=True, running_total=True, as_of=end)
    key = str(start) if start == end else f"{start}..{end}"
    return PeriodKey(key, resolved=True, running_total=False, as_of=end, start=start)


@lru_cache(maxsize=16384)
def _resolve_text(
    text: str, published: date | None, forward: bool
) -> tuple[date | None, date | None, bool]:
    """(start, end, cumulative) for folded period words; end None when unresolvable."""
    cumulative = _CUMULATIVE.search(text) is not None
    try:
        span = _explicit_dates(text, published)
        if span is None and published is not None:
            span = _ahead(text, published) if forward else None
            span = span or _relative(text, published)
    except (OverflowError, ValueError):
        # A date at the edge of the calendar ("Monday" after 9999-12-31, "yesterday"
        # before 0001-01-01) has no neighbour to count to: the period stays unresolved.
        span = None
    if not cumulative:
        return (span[0], span[1], False) if span else (None, None, False)
    # "as of March 5": the total up to that date. "since Monday", "so far this year": from
    # the date (if any) up to publication. "so far", "since the floods began": up to
    # publication, open start.
    if span is not None and _AS_OF.search(text):
        return None, span[1], True
    return (span[0] if span else None), published, True


def _explicit_dates(text: str, published: date | None) -> Span | None:
    if m := _ISO.search(text):
        first = _date(int(m[1]), int(m[2]), int(m[3]))
        days = [
            first,
            *(_date(int(n[1]), int(n[2]), int(n[3])) for n in _ISO.finditer(text, m.end())),
        ]
        valid = [d for d in days if d is not None]
        return (min(valid), max(valid)) if valid else None
    if m := _MONTH_DAY_RANGE.search(text):
        return _day_range(m[1], m[2], m[3], m[4], published)
    if m := _DAY_RANGE_MONTH.search(text):
        return _day_range(m[3], m[1], m[2], m[4], published)
    mentions = [(m.start(), m[1], m[2], m[3]) for m in _MONTH_DAY.finditer(text)]
    mentions += [(m.start(), m[2], m[1], m[3]) for m in _DAY_MONTH.finditer(text)]
    days = [_infer(month, day, year, published) for _, month, day, year in sorted(mentions)]
    valid = [d for d in days if d is not None]
    if valid:
        return min(valid), max(valid)
    if m := _QUARTER.search(text):
        return _quarter_span(_QUARTER_NUMBERS[m[1]] if m[1] else int(m[2]), m[3], published)
    if m := _MONTH_ONLY.search(text):
        return _month_span(_MONTHS[m[1].rstrip(".")], m[2], published)
    if m := _YEAR_RANGE.search(text):
        from_year = int(m[1])
        to_year = int(m[2]) if len(m[2]) == 4 else from_year // 100 * 100 + int(m[2])
        if from_year < to_year:
            return date(from_year, 1, 1), _clamp(date(to_year, 12, 31), published)
    if m := _YEAR_ONLY.search(text):
        year = int(m[1])
        return date(year, 1, 1), _clamp(date(year, 12, 31), published)
    return None


def _quarter_span(quarter: int, year: str | None, published: date | None) -> Span | None:
    """The months of a calendar quarter; without a year, the latest such quarter begun by
    publication (a results story in October reports the third quarter of its year)."""
    first_month = 3 * quarter - 2
    if year is not None:
        y = int(year)
    elif published is not None:
        y = published.year if published.month >= first_month else published.year - 1
    else:
        return None
    start = _date(y, first_month, 1)
    end = _date(y + 1, 1, 1) if quarter == 4 else _date(y, first_month + 3, 1)
    if start is None or end is None:
        return None
    return start, _clamp(end - timedelta(days=1), published)


def _ahead(text: str, d: date) -> Span | None:
    """The coming days the words name, for a forward-looking claim; None to read them as
    for any other claim ("today", "next week")."""
    if _TODAY.search(text):
        return None
    if m := _WEEK.search(text):
        return (d, d + timedelta(days=6 - d.weekday())) if m[1] == "this" else None
    if _WEEKEND.search(text):
        saturday = d + timedelta(days=(5 - d.weekday()) % 7)
        return max(saturday, d), saturday + timedelta(days=1)
    days = [_weekday_after(d, _WEEKDAYS[m[2]]) for m in _WEEKDAY.finditer(text) if not m[1]]
    if not days:
        return None
    end = max(days)
    return (d, end) if _UNTIL.search(text) else (min(days), end)


def _relative(text: str, d: date) -> Span | None:
    if _TODAY.search(text):
        return d, d
    if _YESTERDAY.search(text):
        return d - timedelta(days=1), d - timedelta(days=1)
    if _OVERNIGHT.search(text):
        return d - timedelta(days=1), d
    if _TOMORROW.search(text):
        return d + timedelta(days=1), d + timedelta(days=1)
    if m := _WEEK.search(text):
        monday = d - timedelta(days=d.weekday())
        if m[1] == "this":
            return monday, d
        if m[1] == "next":
            return monday + timedelta(days=7), monday + timedelta(days=13)
        return monday - timedelta(days=7), monday - timedelta(days=1)
    if m := _PAST.search(text):
        return d - timedelta(days=_days_back(m[1], m[2])), d
    if _WEEKEND.search(text):
        saturday = d - timedelta(days=(d.weekday() - 5) % 7)
        return saturday, min(saturday + timedelta(days=1), d)
    if m := _MONTH_REL.search(text):
        if m[1] == "this":
            return d.replace(day=1), d
        if m[1] == "next":
            first = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
            return first, first.replace(day=monthrange(first.year, first.month)[1])
        last = d.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if m := _YEAR_REL.search(text):
        if m[1] == "this":
            return date(d.year, 1, 1), d
        if m[1] == "next":
            return date(d.year + 1, 1, 1), date(d.year + 1, 12, 31)
        return date(d.year - 1, 1, 1), date(d.year - 1, 12, 31)
    days = [
        _weekday_before(d, _WEEKDAYS[m[2]], strictly=m[1] is not None)
        for m in _WEEKDAY.finditer(text)
    ]
    return (min(days), max(days)) if days else None


def _days_back(count: str | None, unit: str) -> int:
    n = 1 if count is None else int(count) if count.isdigit() else _NUMBER_WORDS[count]
    if unit == "hour":
        return max(1, -(-n // 24))  # 24 hours -> 1 day, 36 hours -> 2 days
    return n * 7 if unit == "week" else n


def _weekday_after(d: date, weekday: int) -> date:
    """The next ``weekday`` after ``d``: "will reopen on Monday", said on a Monday, is a
    week away."""
    return d + timedelta(days=(weekday - d.weekday() - 1) % 7 + 1)


def _weekday_before(d: date, weekday: int, *, strictly: bool) -> date:
    """The latest ``weekday`` on or before ``d`` (strictly before for "last Monday")."""
    back = (d.weekday() - weekday) % 7
    return d - timedelta(days=7 if strictly and back == 0 else back)


def _day_range(
    month: str, first: str, last: str, year: str | None, published: date | None
) -> Span | None:
    start = _infer(month, first, year, published)
    end = _infer(month, last, year, published)
    if start is None or end is None:
        return None
    return (start, end) if start <= end else (end, start)


def _infer(month: str, day: str, year: str | None, published: date | None) -> date | None:
    """The date of 'March 3' (year from the text, else the publication year).

    A date more than half a year after publication belongs to the year before: "December
    30" in a piece published on January 3.
    """
    number = _MONTHS[month.rstrip(".")]
    if year is not None:
        return _date(int(year), number, int(day))
    if published is None:
        return None
    found = _date(published.year, number, int(day))
    if found is not None and (found - published).days > 183:
        return _date(published.year - 1, number, int(day))
    return found


def _month_span(month: int, year: str | None, published: date | None) -> Span | None:
    if year is not None:
        y = int(year)
    elif published is not None:  # the latest such month up to publication
        y = published.year if month <= published.month else published.year - 1
    else:
        return None
    return date(y, month, 1), _clamp(date(y, month, monthrange(y, month)[1]), published)


def _clamp(end: date, published: date | None) -> date:
    """A period cannot run past the day it was reported."""
    return min(end, published) if published is not None else end


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
