"""SINGLE_SOURCE — a claim that rests on one origin named in one article.

Fires for each agreement group (see CIRCULAR) whose attributed claims all come from one
article and trace back to one canonical origin. Claims without a figure are groups of
their own: the rules do not match events across articles, so the editor must look for
independent confirmation.

Does not fire for unattributed claims (UNATTRIBUTED), opinions, ungrounded quotes, or
when a second article or a second origin carries the figure.

Severity low. Evidence: the origin and the claim.
"""

from __future__ import annotations

from collections.abc import Iterator

from assistant.compare.evidence import figure, finding
from assistant.compare.package import Package
from assistant.model import Finding, RuleId, Severity


def check(package: Package) -> Iterator[Finding]:
    for group in package.agreement_groups:
        origins = group.by_origin
        if len(origins) != 1:
            continue
        ((origin, quoting),) = origins.items()
        if len({f.article_id for f in quoting}) != 1:
            continue
        first = quoting[0]
        yield finding(
            RuleId.SINGLE_SOURCE,
            Severity.low,
            quoting,
            f"{first.outlet}: {figure(first)} rests on one origin, {origin} "
            f"({first.sources}); no independent origin in the package confirms it",
        )
