"""CORROBORATED — one figure confirmed by two or more independent origins.

Fires for each agreement group (claims of one cluster with a resolved period whose
figures share a value) whose attribution chains end at two or more *different*
canonical origins. Origins are compared after source canonicalisation, so "the interior
ministry" and "the Ministry of the Interior" are one origin, not two.

Does not fire within one article (two of its figures, each from its own source, are not
known to be one thing), when every chain ends at one origin (CIRCULAR or SINGLE_SOURCE), for
figures that disagree, for periods that could not be resolved, or when the figures are
not known to be about one thing (``identity.py``: a metric the vocabulary does not
define, and no subject the claims name): eight-year offers from three clubs agree on
"eight" without confirming one another. Nor when one figure is only a bound far from
the others: "more than 1,380" allows "about 3,037" but does not confirm it.

Severity info, ok=True. Evidence: the figure and each origin with the outlets quoting it.
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
        origins = group.by_origin
        if len(origins) < 2 or len({f.article_id for f in group.members}) < 2:
            continue  # one article's two figures: nothing shows they are one thing
        if not all_same_thing(group.members, package.vocabulary):
            continue
        if group.interval is not None and not pinned(
            [f.interval for f in group.members if f.interval is not None], group.interval
        ):
            continue  # "more than 1,380" allows 3,037 but does not confirm it
        listed = "; ".join(
            f"{origin} ({', '.join(sorted({f.outlet for f in quoting}))})"
            for origin, quoting in origins.items()
        )
        yield finding(
            RuleId.CORROBORATED,
            Severity.info,
            group.members,
            f"{figures(group.members)} agree and come from {len(origins)} independent origins: "
            + listed,
            ok=True,
        )
