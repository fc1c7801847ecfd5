"""Blocking: claims about the same subject + metric + unit + period, found through a dict.

Claims are never compared across the whole package pair by pair; each is filed under its
key once, and pairwise work happens only inside a block. Inside a block, claims whose
figures can all be true at once form an agreement group.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from assistant.compare.facts import Facts, by_order
from assistant.compare.identity import places_differ
from assistant.compare.intervals import Interval
from assistant.compare.origins import by_origin
from assistant.model import Cluster
from assistant.normalize import COUNT, PeriodKey
from assistant.text import one_line


class Group(NamedTuple):
    """Claims whose figures share at least one value (or one claim without a figure)."""

    members: tuple[Facts, ...]  # ordered by claim id
    interval: Interval | None  # the values all members allow
    by_origin: dict[str, tuple[Facts, ...]]  # canonical origin -> the members tracing to it

    @classmethod
    def of(cls, members: Sequence[Facts], interval: Interval | None) -> Group:
        if len(members) == 1 and len(members[0].origins) < 2:  # most groups: nothing to merge
            alone = tuple(members)
            return cls(alone, interval, {origin: alone for origin in members[0].origins})
        ordered = tuple(sorted(members, key=by_order))
        return cls(ordered, interval, by_origin(ordered))


class Block(NamedTuple):
    """The claims of one cluster key; singletons included."""

    subject: str
    metric: str
    unit: str
    period: PeriodKey
    members: tuple[Facts, ...]
    groups: tuple[Group, ...]

    @property
    def id(self) -> str:
        """A stable id derived from the key, so it survives re-runs and new articles."""
        key = "\x1f".join((self.subject, self.metric, self.unit, self.period.key))
        return "cluster-" + hashlib.sha256(key.encode()).hexdigest()[:12]

    @property
    def measure(self) -> str:
        """'deaths', or 'damage cost (USD)' when the unit is not a plain count."""
        return self.metric if self.unit == COUNT else f"{self.metric} ({self.unit})"

    @property
    def written_subject(self) -> str | None:
        """The subject as the first claim wrote it; none when the block is filed under none
        ("the floods" is the story's event, see ``facts._subject_key``)."""
        if not self.subject:
            return None
        return next((f.claim.subject for f in self.members if f.claim.subject), None)

    @property
    def label(self) -> str:
        """'deaths' or 'deaths (Sullmere floods)', for evidence text."""
        subject = self.written_subject
        return f"{self.measure} ({one_line(subject)})" if subject else self.measure

    def cluster(self) -> Cluster:
        return Cluster(
            id=self.id,
            subject=self.written_subject,
            metric=self.measure,
            period=self.period.key,
            claim_ids=[f.id for f in self.members],
        )


def build_blocks(facts: Iterable[Facts]) -> list[Block]:
    """Blocks of the comparable claims, ordered by key.

    ``facts`` must come in claim-id order; members keep it.
    """
    index: dict[tuple[str, str, str, str], list[Facts]] = defaultdict(list)
    periods: dict[str, PeriodKey] = {}
    for f in facts:
        if f.comparable and f.metric is not None:
            index[(f.subject, f.metric, f.unit, f.period.key)].append(f)
            # The key's flags (resolved, stated, running_total) are the same for all its
            # claims; only dates such as an unstated figure's as-of day are per claim.
            periods[f.period.key] = f.period
    blocks = []
    for key in sorted(index):
        subject, metric, unit, period = key
        members = tuple(index[key])
        groups = (
            (Group.of(members, members[0].interval),)
            if len(members) == 1
            else agreement_groups(members)
        )
        blocks.append(Block(subject, metric, unit, periods[period], members, groups))
    return blocks


def agreement_groups(members: Iterable[Facts]) -> tuple[Group, ...]:
    """Split figures into groups that can all be true at once, sweeping in value order.

    Each group's figures share a common value and name no two different places; a figure
    that shares no value with the group being built, or names another place, starts the
    next one. Deterministic: ties are broken by claim id.
    """
    figures = sorted(
        ((f.interval, f) for f in members if f.interval is not None),
        # Equal values sit together by place, so one town's figures form one group.
        key=lambda pair: (pair[0].lo, pair[0].lo_open, pair[0].hi, pair[1].place, pair[1].order),
    )
    groups: list[Group] = []
    current: list[Facts] = []
    places: set[str] = set()  # the places the current group's figures name
    shared: Interval | None = None
    for interval, f in figures:
        joined = shared.intersect(interval) if shared is not None else None
        # "3 died in Arlen" and "3 died in Brisk" share a value but are two counts.
        if joined is None or (f.place and any(places_differ(f.place, p) for p in places)):
            if current:
                groups.append(Group.of(current, shared))
            current, places, joined = [], set(), interval
        current.append(f)
        if f.place:
            places.add(f.place)
        shared = joined
    if current:
        groups.append(Group.of(current, shared))
    return tuple(groups)
