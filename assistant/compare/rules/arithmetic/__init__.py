"""ARITHMETIC — figures that should add up and do not; ADDS_UP (ok=True) when they do.

Four checks, each in its own module and each stating exactly when it fires:

- ``parts``: parts against the total they break down, within one sentence of one article
  ("312 homes damaged, of which 180 flooded and 132 destroyed");
- ``running``: a running total against the previous total plus the increment, across
  articles by date ("12 dead on Monday" + "7 more overnight" = "19 so far" on Tuesday);
- ``percent``: a percentage against the counts it is a share of, within one sentence;
- ``kinds``: a kind against its class across articles (trucks are vehicles; destroyed
  homes are damaged homes): related figures, never a conflict, but a kind cannot
  outnumber its class.

A check that adds up yields an ADDS_UP finding (ok=True, severity info), so the checklist
can say "numbers add up" with evidence; one that does not yields ARITHMETIC (ok=False).
"""

from __future__ import annotations

from collections.abc import Iterator

from assistant.compare.package import Package
from assistant.compare.rules.arithmetic import kinds, parts, percent, running
from assistant.model import Finding


def check(package: Package) -> Iterator[Finding]:
    yield from parts.check(package)
    yield from running.check(package)
    yield from percent.check(package)
    yield from kinds.check(package)
