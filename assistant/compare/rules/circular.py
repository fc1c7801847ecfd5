"""CIRCULAR — several articles, one original source: repetition, not corroboration.

Fires for each origin that two or more articles give for one agreeing figure (claims of a
cluster whose figures share a value), or for one claim without a figure, however the
articles wrote its name ("the interior ministry", "the Ministry of the Interior", "ministry
officials" next to "the interior ministry") and whichever wire service they went through.
Those articles count once. When the figure also has another, independent origin,
CORROBORATED fires as well.

An open bound far from the figure it allows repeats nothing: "at least 140" on Monday
and 1,250 on Wednesday, both from officials, are an update, not one figure repeated.

Does not fire when each origin is named by one article only (SINGLE_SOURCE, or
CORROBORATED when there are several), or when the figures are not known to be about one
thing (``identity.py``).

Severity medium. Evidence: the figures, the origin and, for each article, the name as
written.
"""

from __future__ import annotations

from collections.abc import Iterator

from assistant.compare.evidence import figures, finding
from assistant.compare.identity import all_same_thing
from assistant.compare.intervals import pinned
from assistant.compare.package import Package
from assistant.model import Finding, RuleId, Severity


def check(package: Package) -> Iterator[Finding]:
    for group in package.agreement_groups:
        for origin, quoting in group.by_origin.items():
            articles = {f.article_id for f in quoting}
            if len(articles) < 2 or not all_same_thing(quoting, package.vocabulary):
                continue
            said = [f.interval for f in quoting if f.interval is not None]
            if group.interval is not None and not pinned(said, group.interval):
                continue  # "at least 140" and 1,250 are no figure repeated
            written = "; ".join(f"{f.outlet}: {f.sources}" for f in quoting)
            others = len(group.by_origin) - 1
            also = f"; {others} other origin(s) also report it" if others else ""
            yield finding(
                RuleId.CIRCULAR,
                Severity.medium,
                quoting,
                f"{figures(quoting)}: {len(articles)} articles trace the figure to one origin, "
                f"{origin} ({written}): repetition, not corroboration{also}",
            )
