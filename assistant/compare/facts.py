"""What the rules know about each claim, derived once from the normalised claim."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple

from assistant.compare.config import RuleConfig
from assistant.compare.intervals import Interval, interval_of, is_rounded
from assistant.extract.offline.lexicon import words
from assistant.model import Article, Bound, Claim, ClaimKind, Grounding, Quantity, SourceRole
from assistant.normalize import PeriodKey, Vocabulary, period_key
from assistant.normalize.facets import PRISON_SENTENCE
from assistant.normalize.lexical import key_phrase
from assistant.normalize.numbers import singular
from assistant.normalize.sources import source_phrase
from assistant.text import one_line


def natural_key(claim_id: str) -> tuple[str, int, str]:
    """Sort key for ids like '<article id>#<n>' that puts 'a#2' before 'a#10'."""
    head, hash_sign, tail = claim_id.rpartition("#")
    if hash_sign and tail.isdigit():
        return head, int(tail), claim_id
    return claim_id, -1, claim_id


# Durations (not ages) are compared in days, so "four and a half months" meets "136 days"
# and "more than four years". Months and longer are calendar approximations (a month is 28 to
# 31 days), so a figure in them allows the rounding tolerance.
DURATION = "duration"
_DAYS: dict[str, float] = {
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "night": 1.0,
    "week": 7.0, "fortnight": 14.0, "month": 30.44, "year": 365.25, "decade": 3652.5,
    "century": 36525.0,
}  # fmt: skip


def is_attribute(metric: str | None) -> bool:
    """A figure that describes someone or something rather than counting what happened:
    an age, a score, a win-loss record, a length ("deal length"), a prison sentence, how
    many children someone has. Such figures never add up to totals and never run on from
    day to day."""
    return metric is not None and (
        metric in STANDING_METRICS
        or metric in _DESCRIPTIONS
        or metric.endswith(("score", " length"))
        or metric.startswith((PRISON_SENTENCE, "record "))
    )


# How someone or something measures: "he was 5-foot-11 and 215 pounds". Not standing: a
# weight changes, and a "height" may be a river's on another day.
_DESCRIPTIONS = frozenset({"height", "weight"})


# Attributes of a person that do not change while a story runs: "Ivo Marsh, 59" on Monday
# and "Ivo Marsh, 60" on Wednesday cannot both be right, whatever day each sentence
# reports ("was killed on Monday" dates the killing, not the age). Their figures are
# filed under one standing period, so they meet across days and across the dates of
# the sentences they sit in.
#
# An earthquake's magnitude is one too: "the quake on Sunday" measured 6.1 whichever day
# an outlet says so (a first reading, revised later, has a metric of its own).
# A figure its sentence dates to another time ("a magnitude 6.6 quake in 2003") is
# compared only with figures dated near it (``conflict.STANDING_WINDOW_DAYS``).
STANDING_METRICS = frozenset(
    {"age", key_phrase("number of children"), key_phrase("earthquake magnitude")}
)
STANDING = PeriodKey("standing", resolved=True, running_total=False, as_of=None, stated=True)


def accumulates(f: Facts) -> bool:
    """A figure that can be part of a total or a running total: a count or an amount,
    not an attribute and not a duration."""
    return not is_attribute(f.metric) and f.unit != DURATION


# "A further 800 people were evacuated": an increment, added to a total the sentence does
# not give. With no period stated it is neither a total as of publication (2,000 that
# day is no conflict with it) nor a step the running-total check can place, so it is
# filed under an unresolved period: listed, never compared. With a period ("a further
# 800 on Tuesday") it is that period's count, as any figure for a closed period.
ADDED_UNSTATED = PeriodKey(
    "unresolved: an increment with no period", resolved=False, running_total=False, as_of=None
)
_ADDED_BEFORE = re.compile(
    r"\b(?:a\s+further|another|an\s+additional|additional|further|an\s+extra|extra)\s+"
    r"(?:(?:about|around|some|nearly|almost|roughly|approximately|at\s+least|more\s+than|over)\s+)?$",
    re.IGNORECASE,
)
_MORE_AFTER = re.compile(
    r"\s+(?:more\b(?!\s+than)|new\s+(?:cases|infections|deaths|arrests))", re.IGNORECASE
)


@lru_cache(maxsize=65536)
def is_increment(quote: str, figure: str) -> bool:
    """The figure as written in ``quote`` is added to an earlier count: "a further 800",
    "another 300", "an additional six engines", "800 more people", "35 new cases"."""
    at = quote.find(figure) if figure else -1
    if at < 0:
        return False
    if _ADDED_BEFORE.search(quote, max(0, at - 40), at):
        return True
    return _MORE_AFTER.match(quote, at + len(figure)) is not None


# Sort key for facts: claim-id order. attrgetter is C-level; the rules sort claims many
# thousands of times per package.
by_order = attrgetter("order")


@lru_cache(maxsize=65536)
def _line(text: str) -> str:
    """``one_line``, cached: outlets, sources and periods repeat across a package."""
    return one_line(text)


class Facts(NamedTuple):
    """A claim with its article and the keys and values the rules compare.

    Computed once per claim (a tuple: cheap to build, read many times by the rules).
    """

    claim: Claim
    id: str
    order: tuple[str, int, str]  # natural_key(id): sort by this
    article_id: str
    outlet: str  # the article's outlet (or its id when it has none), on one line
    published: date | None
    subject: str  # folded subject ('' when none)
    place: str  # folded place the figure was counted in ('' when none named)
    metric: str | None  # canonical metric key
    unit: str  # canonical unit; 'count' for plain counts
    period: PeriodKey
    interval: Interval | None  # None for claims without a figure
    rounded: bool  # approximate: 'about 40,000', or a bare round '40,000'
    origins: tuple[str, ...]  # canonical origins the attribution chain ends at
    sources: str  # the chain as written, on one line: 'the interior ministry via Reuters'
    written: str | None  # the figure as written, on one line: 'more than 2,000'
    when: str | None  # the period as written, on one line: 'on Monday'
    checkable: bool  # taking part in the rules: quoted from the article, not an opinion
    comparable: bool  # checkable, with a metric and a figure: clustered and compared
    dated: date | None = None  # a standing attribute's day: its period's end, else publication

    # A figure written as an order of size, with no number ("hundreds", "dozens", "tens
    # of thousands"): it fits many counts, so it neither anchors a sum nor is the figure a
    # later article repeats.
    vague: bool = False


def _vague(written: str | None) -> bool:
    """``Facts.vague`` of a figure written ``written``."""
    return (
        written is not None
        and _ORDER_OF_SIZE.search(written) is not None
        and _DIGIT.search(written) is None
    )


_ORDER_OF_SIZE = re.compile(
    r"\b(?:dozens|scores|hundreds|thousands|millions|billions|several|many|numerous|few)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")


def facts_of(
    claim: Claim, article: Article | None, vocabulary: Vocabulary, config: RuleConfig
) -> Facts:
    """Derive the facts of one normalised claim (``article`` None when it is unknown)."""
    published = article.published if article else None
    quantity = claim.quantity
    days = (
        _DAYS.get(singular(quantity.unit))
        if quantity is not None and quantity.unit and claim.metric_key != "age"
        else None
    )
    interval, rounded, written = (
        _figure(
            quantity.value,
            quantity.bound,
            quantity.upper,
            quantity.text,
            config.tolerance,
            config.rounded_as_about,
            calendar=days is not None and days > 7,
        )
        if quantity is not None
        else (None, False, None)
    )
    if days is not None and interval is not None:
        interval = interval.scaled(days)
    # A package repeats a few dozen attribution chains: derive each once.
    origins, chain = _sourcing(
        tuple([(link.name, link.role, link.canonical) for link in claim.attribution])
    )
    checkable = claim.grounding is not Grounding.ungrounded and claim.kind is not ClaimKind.opinion
    period = period_key(claim.period, published)
    standing = claim.metric_key in STANDING_METRICS
    if quantity is not None and is_increment(claim.quote, quantity.text):
        # "A further 800 on Tuesday", "35 new cases on Tuesday": Tuesday's addition, never
        # the total another outlet gives "on Tuesday" (still a step for running totals).
        period = period._replace(key=f"added {period.key}") if period.stated else ADDED_UNSTATED
    return Facts(
        claim=claim,
        id=claim.id,
        order=natural_key(claim.id),
        article_id=claim.article_id,
        outlet=_line(article.outlet if article and article.outlet else claim.article_id),
        published=published,
        subject=_subject_key(claim),
        place=key_phrase(claim.location) if claim.location else "",
        metric=claim.metric_key,
        unit=DURATION if days is not None else vocabulary.unit(quantity.unit if quantity else None),
        period=STANDING if standing else period,
        interval=interval,
        rounded=rounded,
        origins=origins,
        sources=chain,
        written=written,
        when=_line(claim.period.text) or None if claim.period and claim.period.text else None,
        checkable=checkable,
        comparable=checkable and claim.metric_key is not None and interval is not None,
        dated=_standing_day(claim, period, published) if standing else None,
        vague=_vague(written),
    )


def _standing_day(claim: Claim, period: PeriodKey, published: date | None) -> date | None:
    """The day a standing figure holds on. An age set off by commas ("Marcus Delgado, 47,
    was convicted in November") is, by news style, the age on the day of publication,
    whatever past event the sentence tells; an age worked into the story ("the
    29-year-old Gigante" in a 1957 shooting, "then 29") holds on the sentence's day."""
    if claim.metric_key == "age" and published is not None and _apposed_age(claim):
        return published
    return period.as_of or published


def _apposed_age(claim: Claim) -> bool:
    quantity = claim.quantity
    if quantity is None or not quantity.text.isdigit():
        return False
    at = claim.quote.find(f", {quantity.text}")
    after = at + len(quantity.text) + 2
    return at >= 0 and claim.quote[after : after + 1] in ",)"  # or the quote ends there


def _subject_key(claim: Claim) -> str:
    """The folded subject a claim is filed under ('' when none). A toll's agent written
    as a common noun ("the floods", "Floods in western Germany", "a gunman") is the
    story's own event, which every outlet words its own way: filed under no subject, it
    meets the others; a named one ("Hurricane Ida") is kept."""
    if not claim.subject:
        return ""
    if claim.metric_key in _EVENT_TOLLS and not _names_something(claim.subject, claim.location):
        return ""
    return key_phrase(claim.subject)


@lru_cache(maxsize=4096)  # a package repeats its agents and places
def _names_something(written: str, location: str | None) -> bool:
    """A name in the agent beyond the event's own word and its place: "Storm Ida",
    "Sullmere floods"; not "Floods in western Germany" counted in Germany, "The quake"."""
    place = set((location or "").lower().split())
    return any(
        word[:1].isupper() and word.lower() not in _EVENT_NOUNS and word.lower() not in place
        for word in written.replace(".", " ").split()
        if word.lower() not in ("the", "a", "an")
    )


# The words news copy calls a disaster or an attack by, capitalised when they open a
# sentence ("Floods in ... have killed"): no name of one event among others.
_EVENT_NOUNS = words(
    """
    flood floods flooding fire fires blaze wildfire wildfires quake quakes earthquake
    earthquakes aftershock storm storms hurricane typhoon cyclone tornado tornadoes
    tsunami landslide landslides mudslide mudslides avalanche eruption explosion
    explosions blast blasts bomb bombs bombing bombings attack attacks shooting gunman
    gunmen crash collision collapse derailment heatwave violence clashes fighting riots
    disaster outbreak
    """
)


# What a disaster or an attack does to people and homes: counts the story's event makes.
_EVENT_TOLLS = frozenset(
    {
        "deaths", "children killed", "injuries", "people missing", "people evacuated",
        "people displaced", "people rescued", "people hospitalised", "people in shelters",
        "homes damaged", "homes destroyed", "homes flooded", "households without power",
    }
)  # fmt: skip


@lru_cache(maxsize=65536)
def _figure(
    value: float,
    bound: Bound,
    upper: float | None,
    text: str,
    tolerance: float,
    rounded_as_about: bool,
    *,
    calendar: bool = False,
) -> tuple[Interval, bool, str | None]:
    """(interval, rounded, figure as written on one line) of a quantity; ``calendar``
    for a duration in months or longer, which is approximate in days.

    Keyed on the quantity's fields: a package repeats the same figures many times over.
    """
    quantity = Quantity(value=value, bound=bound, upper=upper, text=text)
    rounded = is_rounded(quantity, rounded_as_about=rounded_as_about) or (
        calendar and bound is Bound.exact
    )
    interval = interval_of(quantity, tolerance=tolerance, rounded=rounded)
    return interval, rounded, one_line(text) or None


_Link = tuple[str, SourceRole, str | None]  # name, role, canonical origin


@lru_cache(maxsize=65536)
def _sourcing(links: tuple[_Link, ...]) -> tuple[tuple[str, ...], str]:
    """(origins, chain as written on one line): where the chain ends — the original
    sources, else the last intermediary — and 'the interior ministry via Reuters'."""
    originals = [link for link in links if link[1] is SourceRole.original]
    via = [link for link in links if link[1] is SourceRole.intermediary]
    ends = originals or via[-1:]
    origins = tuple(sorted({canonical or source_phrase(name) for name, _, canonical in ends}))
    named = " and ".join(name for name, _, _ in originals)
    through = " and ".join(name for name, _, _ in via)
    if named and through:
        return origins, one_line(f"{named} via {through}")
    if through:
        return origins, one_line(f"via {through}, original source not named")
    return origins, one_line(named or "no source named")
