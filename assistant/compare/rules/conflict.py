"""CONFLICT — figures for the same thing and the same period that cannot all be true.

Fires once per cluster (same subject, metric, unit and period) holding claims from two or
more articles:

- ok=False when a claim from one article and a claim from another allow no common
  value. Each figure allows what its bound says: "more than 2,000" is anything above
  2,000 and agrees with "2,417"; "about 40,000" is 40,000 ± the configured tolerance
  (5 %) and agrees with "39,000"; "between 300 and 400" agrees with 350; "5.8" is 5.75-5.85
  and agrees with "5.82". Figures with no stated period are compared only between
  articles published the same day: across days they may be updates (see STALE).
  Standing attributes of a person (an age, how many children they have) are compared
  whatever day each article or sentence gives, within a month of each other; two ages a
  year apart on different days may straddle a birthday, and two ages decades apart are
  rather an age at an earlier event the article recounts, so they are low severity. So
  is a standing figure one sentence gives two clashing values for: one person has one
  age, one quake one magnitude, so the story has two of them ("twin quakes, measuring
  6.4 and 6.3") and another outlet's figure may be either's.

  Severity high only when the two figures are known to measure one thing: the metric is
  one the vocabulary defines ("deaths", "people evacuated"), or both claims name the
  same subject themselves ("Mara Voss", "the Harbour FC offer"; "Voss" is "Mara Voss"
  when the package names no other Voss), and they do not name two different places. A
  player's name does not make two scores one: it names every match and record he has;
  nor does a team's make two records one, as a record changes with every game.
  Otherwise the metric is just what the words around the figures share ("year in
  prison", "sons"), which real coverage shows is often two different things (a 1959
  sentence and a 1997 one), so the finding is low severity and says it cannot tell.
- A figure with no stated period also meets another outlet's figures for its article's
  day of publication ("four were killed" in Tuesday's paper, "six were killed on
  Tuesday"): medium at most, since the day is inferred; low when the story counts the
  metric on more than one day (the undated one may total them) or the dated one gives a
  time of day ("this morning": the undated one may be a later count).
- Low, saying why, also when: one place only points back ("in the state") against a
  named one; one figure names no place and the story counts the metric in a side place
  too; the other article itself calls one figure an earlier count ("police had earlier
  put the toll at two"); or, for prison sentences, the story tells of more than one
  sentencing of the person and one figure is undated.
- AGREE (ok=True, severity info) instead, when every figure in the cluster agrees: an
  agreement has its own rule id, so a consumer never reads a ``CONFLICT`` that is not one.

Does not fire for: two figures in one article; figures that each name another place
(deaths "in Arlen" and deaths "in Brisk" are two counts); different periods
(DIFFERENT_PERIOD shows those side by side); related metrics such as homes destroyed vs
homes damaged (different clusters); periods that could not be resolved to dates.

Evidence: every group of agreeing figures with the outlet, period and source of each
claim in it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from itertools import chain, islice

from assistant.compare.blocks import Block
from assistant.compare.clashes import disjoint_between, disjoint_pairs
from assistant.compare.evidence import describe, finding, period_words
from assistant.compare.facts import STANDING, Facts
from assistant.compare.identity import (
    named_subject,
    per_game,
    places_differ,
    pointed_place,
    same_thing,
)
from assistant.compare.intervals import is_empty, pinned
from assistant.compare.package import Package
from assistant.model import Finding, RuleId, Severity
from assistant.normalize import PeriodKey
from assistant.normalize.facets import PRISON_SENTENCE


def check(package: Package) -> Iterator[Finding]:
    yield from _within_blocks(package)
    yield from _undated_against_dated(package)


def _within_blocks(package: Package) -> Iterator[Finding]:
    for block in package.blocks:
        if not block.period.resolved or len({f.article_id for f in block.members}) < 2:
            continue
        when = period_words(block.period)
        clashes = _clashes(block)
        if (first := next(clashes, None)) is not None:
            sides = " vs ".join("; ".join(describe(f) for f in g.members) for g in block.groups)
            several = _several_in_one_sentence(block)
            doubt = _SEVERAL if several else _doubt(chain((first,), clashes), package)
            yield finding(
                RuleId.CONFLICT,
                Severity.low if doubt else Severity.high,
                block.members,
                f"{block.label}, {when}: {doubt}{sides}",
                cluster_id=block.id,
            )
        elif len(block.groups) == 1:
            agreeing = "; ".join(describe(f) for f in block.members)
            (group,) = block.groups
            said = [f.interval for f in block.members if f.interval is not None]
            verdict = (
                "the figures agree"
                if group.interval is None or pinned(said, group.interval)
                else "no figure rules out another, but one is only a bound far from the rest"
            )
            yield finding(
                RuleId.AGREE,
                Severity.info,
                block.members,
                f"{block.label}, {when}: {verdict}: {agreeing}",
                cluster_id=block.id,
                ok=True,
            )


def _undated_against_dated(package: Package) -> Iterator[Finding]:
    """Figures with no stated period against another outlet's figures for the one day
    their article was published on: "Six people were killed" in Tuesday's paper and "four
    were killed on Tuesday". Filed under two keys, they would only be set side by side as
    two periods. Medium at most, as the day is inferred: low when the story counts the
    metric on more than one day (an undated figure may then be a total over all of
    them), or nothing shows the figures measure one thing."""
    one_day: dict[tuple[str, str, str], dict[date, Block]] = defaultdict(dict)
    for block in package.blocks:
        p = block.period
        if p.stated and p.resolved and p.start is not None and p.start == p.as_of:
            one_day[(block.subject, block.metric, block.unit)][p.start] = block
    for block in package.blocks:
        days = one_day.get((block.subject, block.metric, block.unit))
        if not days or block.period.stated or not block.period.resolved:
            continue
        by_day: dict[date, list[Facts]] = defaultdict(list)
        for f in block.members:
            if f.interval is not None and f.published in days:
                by_day[f.published].append(f)
        for day, undated in sorted(by_day.items()):
            found = _day_clash(undated, days[day], package, several_days=len(days) > 1)
            if found is not None:
                yield found


def _day_clash(
    undated: list[Facts], dated: Block, package: Package, *, several_days: bool
) -> Finding | None:
    ids = {f.id for f in undated}
    day_figures = [f for f in dated.members if f.interval is not None and not is_empty(f.interval)]
    undated = [f for f in undated if f.interval is not None and not is_empty(f.interval)]
    # Lazily, and only so far: a big story's two sides hold hundreds of figures each.
    crossing = (
        (a, b) for a, b in disjoint_between(undated, day_figures) if a.article_id != b.article_id
    )
    pairs = list(islice(crossing, _EVIDENCE_PAIRS))
    if not pairs:
        return None
    hour = any(f.when and _PART_OF_DAY.search(f.when) for f in dated.members)
    sure = (
        not several_days
        and not hour
        and any(same_thing(a, b, package.vocabulary) and not pointed_place(a, b) for a, b in pairs)
    )
    why = (
        _UNDATED_SAME_DAY
        if sure
        else _UNDATED_SEVERAL_DAYS
        if several_days
        else _UNDATED_HOUR
        if hour
        else _UNDATED_UNSURE
    )
    in_pairs = {f.id for pair in pairs for f in pair}
    members = [f for f in (*undated, *day_figures) if f.id in in_pairs]
    sides = " vs ".join(
        "; ".join(describe(f) for f in side)
        for side in ([f for f in members if f.id in ids], [f for f in members if f.id not in ids])
    )
    return finding(
        RuleId.CONFLICT,
        Severity.medium if sure else Severity.low,
        members,
        f"{dated.label}, {dated.period.key}: {why}{sides}",
        cluster_id=dated.id,
    )


# How many clashing pairs of an undated and a dated side are read for the finding.
_EVIDENCE_PAIRS = 50
_UNDATED_SAME_DAY = (
    "one side names no day, but was published on the day the other names, so both "
    "likely count the same: "
)
_UNDATED_HOUR = (
    "one side names no day and was published on the day the other names, but the other "
    "gives a time of that day, so it may be an earlier count: "
)
# A part of the day: a count "this morning" may be overtaken by evening.
_PART_OF_DAY = re.compile(
    r"\b(?:morning|afternoon|evening|night|overnight|noon|midday|dawn|early|late|"
    r"\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?))",
    re.IGNORECASE,
)
_UNDATED_UNSURE = (
    "one side names no day but was published on the day the other names; the figures "
    "differ, but nothing shows they measure the same thing: "
)
_UNDATED_SEVERAL_DAYS = (
    "one side names no day and was published on the day the other names, but the story "
    "counts this on more than one day, so it may be a total over them: "
)


_DOUBT = (
    "the figures differ, but nothing shows they measure the same thing (a metric the "
    "vocabulary does not define, and no subject both claims name): "
)


def _doubt(pairs: Iterator[tuple[Facts, Facts]], package: Package) -> str:
    """Why the clash may be no contradiction, for the evidence; "" when some clashing pair
    is known to be one thing and no birthday or decades apart. Lazy: the first sure pair
    decides, in a cluster of hundreds."""
    doubt = _DOUBT
    for a, b in pairs:
        if earlier := _told_as_earlier(a, b, package):
            doubt = _UPDATED.format(outlet=earlier) if doubt == _DOUBT else doubt
        elif pointer := pointed_place(a, b):
            doubt = _POINTED.format(place=pointer) if doubt == _DOUBT else doubt
        elif places := _several_places(a, b, package):
            doubt = _UNPLACED.format(places=places) if doubt == _DOUBT else doubt
        elif same_thing(a, b, package.vocabulary):
            if _birthday_between(a, b):
                doubt = _BIRTHDAY
            elif _another_time(a, b):
                doubt = _ANOTHER_TIME
            elif _sentenced_again(a, b, package):
                doubt = _SENTENCED_TWICE
            else:
                return ""
        elif doubt == _DOUBT and per_game(a.metric) and named_subject(a, b):
            doubt = _PER_GAME
    return doubt


_POINTED = (
    'the figures differ, but one names its place only as "{place}", which may be another '
    "place than the other's: "
)
_UPDATED = (
    "the figures differ, but {outlet} itself reports the other as an earlier count: an "
    "update, not a contradiction: "
)
_UNPLACED = (
    "the figures differ, but one names no place, and the story counts this in more than "
    "one place ({places}): "
)
_PER_GAME = (
    "the figures differ, but a score belongs to one game and a record changes with every "
    "game, so both may be right: "
)
_SENTENCED_TWICE = (
    "the figures differ, but the story tells of more than one sentence for this person, "
    "and one figure says not which: "
)
_BIRTHDAY = "the ages are a year apart, given on different days, so a birthday may fall between: "
_ANOTHER_TIME = (
    "the ages are decades apart, so one is likely an age at an earlier event the article recounts: "
)
_SEVERAL = (
    "the figures differ, but one sentence itself gives more than one of them, so they may "
    "belong to more than one thing (two quakes, two people of one name): "
)


def _several_in_one_sentence(block: Block) -> bool:
    """A standing figure that one sentence gives two clashing values for: one person has
    one age and one quake one magnitude, so the key covers two of them ("twin quakes,
    measuring 6.4 and 6.3") and a figure from another article may be either's. Two values
    in two sentences of one article are rather a slip ("a mother of 13" once, "of 12"
    everywhere else): the clash stays a conflict."""
    if block.period != STANDING:
        return False
    by_sentence: dict[tuple[str, int | None], list[Facts]] = defaultdict(list)
    for f in block.members:
        if f.interval is not None and f.claim.sentence is not None:
            by_sentence[(f.article_id, f.claim.sentence)].append(f)
    return any(next(disjoint_pairs(fs), None) is not None for fs in by_sentence.values())


def _clashes(block: Block) -> Iterator[tuple[Facts, Facts]]:
    """Pairs of claims from different articles (of one day, if unstated) that share no
    value, lazily: a big story's cluster holds hundreds of figures, and the caller stops
    at the first pair that decides. Figures naming two different places ("3 died in
    Arlen", "5 died in Brisk": two counts) are never paired (see ``clashes.py``)."""
    for day in _days(block):
        for a, b in disjoint_pairs(day):
            if _comparable(a, b, block.period):
                yield a, b


def _days(block: Block) -> list[list[Facts]]:
    """The block's figures split so that ``_comparable`` pairs only figures of one part:
    unstated periods compare only articles published the same day."""
    figures = [f for f in block.members if f.interval is not None]
    if block.period == STANDING or block.period.stated:
        return [figures]
    by_day: dict[date, list[Facts]] = defaultdict(list)
    for f in figures:
        if f.published is not None:
            by_day[f.published].append(f)
    return [by_day[day] for day in sorted(by_day)]


def _comparable(a: Facts, b: Facts, period: PeriodKey) -> bool:
    if a.article_id == b.article_id:
        return False
    if period == STANDING:
        # An age at the crime and at the trial a year later are two true figures.
        return (
            a.dated is not None
            and b.dated is not None
            and abs((a.dated - b.dated).days) <= STANDING_WINDOW_DAYS
        )
    return period.stated or (a.published is not None and a.published == b.published)


# How far apart two standing figures may be dated and still be compared: a story's run.
STANDING_WINDOW_DAYS = 31


# Ages further apart than this are no slip of one figure: one is the person's age at an
# earlier event the article tells of ("a doorman identified the 29-year-old Gigante" in a
# 1957 shooting, "He was 77" at his death).
_ANOTHER_TIME_YEARS = 10


def _told_as_earlier(a: Facts, b: Facts, package: Package) -> str:
    """The outlet of one figure of the pair, when its own article gives the other figure
    as an earlier count ("Police had earlier put the death toll at two" beside "at least
    six"); "" otherwise."""
    for this, other in ((a, b), (b, a)):
        for f in package.by_article.get(this.article_id, ()):
            if (
                f is not this
                and f.metric == other.metric
                and f.interval == other.interval
                and _EARLIER.search(f.claim.quote)
            ):
                return this.outlet
    return ""


_EARLIER = re.compile(
    r"\b(?:earlier|initially|previously|at\s+first|first\s+(?:put|reported|gave))\b",
    re.IGNORECASE,
)


def _several_places(a: Facts, b: Facts, package: Package) -> str:
    """The places the story counts the pair's metric in, written out, when one figure of
    the pair names its place and the other names none, there are more than one, and the
    named one is not the story's own (in no article's title or lede): "four wounded in
    Drusk" against "31 wounded" in a story of a strike on Velna may be Velna's count.
    "" otherwise: an unplaced toll of a story of one place, or of the story's own place
    ("141 died in Arland" against "the toll rose to 133"), is that place's."""
    if bool(a.place) == bool(b.place):
        return ""
    placed = a if a.place else b
    if package.in_a_lede(placed.claim.location or placed.place):
        return ""
    named = package.places.get((a.metric, a.unit), {})
    folded = sorted(named)
    if not any(places_differ(p, q) for n, p in enumerate(folded) for q in folded[n + 1 :]):
        return ""
    return ", ".join(named[p] for p in folded)


def _sentenced_again(a: Facts, b: Facts, package: Package) -> bool:
    """Two prison sentences of one person, one of them undated, in a story that tells of
    more than one sentencing of theirs ("sentenced to seven years" in an obituary that
    also tells of 1997's 12 years): the undated one may be either."""
    return (
        (a.metric or "").startswith(PRISON_SENTENCE)
        and not (a.period.stated and b.period.stated)
        and a.subject in package.sentenced_more_than_once
    )


def _another_time(a: Facts, b: Facts) -> bool:
    """Two ages of one person too far apart to be one age misreported."""
    if a.metric != "age" or a.interval is None or b.interval is None:
        return False
    gap = max(a.interval.lo - b.interval.hi, b.interval.lo - a.interval.hi)
    return gap > _ANOTHER_TIME_YEARS


def _birthday_between(a: Facts, b: Facts) -> bool:
    """Two ages one year apart, given on different days, the later the older: a
    birthday may fall between, so the tool cannot be sure they clash. (41 on the 11th
    and 40 on the 14th is no birthday: one of them is wrong.)"""
    if a.metric != "age" or a.dated == b.dated or a.interval is None or b.interval is None:
        return False
    if a.dated is None or b.dated is None:
        return False
    earlier, later = (a, b) if a.dated < b.dated else (b, a)
    assert earlier.interval is not None and later.interval is not None
    return 0 < later.interval.lo - earlier.interval.hi <= 1
