"""UNATTRIBUTED — a claim that names no source beyond the outlet itself.

Fires for every claim (except opinions and ungrounded quotes) whose attribution has no
original source and no intermediary such as a wire service.

Does not fire when the claim names an original source or an intermediary: "via Reuters"
without an original is attributed (the original is then an open checklist item).

Severity medium for a claim with a figure, low otherwise - and low for a figure that
describes someone or something rather than what happened (an age, a score, a length:
"the passenger, a 19-year-old man"), which an outlet states on its own authority as a
matter of course. Evidence: the claim.
"""

from __future__ import annotations

from collections.abc import Iterator

from assistant.compare.evidence import finding, quote
from assistant.compare.facts import is_attribute
from assistant.compare.package import Package
from assistant.model import Finding, RuleId, Severity


def check(package: Package) -> Iterator[Finding]:
    for f in package.facts:
        if f.checkable and not f.origins:
            counts = f.claim.quantity is not None and not is_attribute(f.metric)
            severity = Severity.medium if counts else Severity.low
            yield finding(
                RuleId.UNATTRIBUTED,
                severity,
                [f],
                f"{f.outlet}: {quote(f.claim.quote)} names no source",
            )
