"""The rule catalogue. Each rule is a module whose docstring says exactly when it fires
and whose ``check(package)`` yields its findings; the order here is the report's order."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from assistant.compare.package import Package
from assistant.compare.rules import (
    arithmetic,
    circular,
    conflict,
    corroborated,
    different_period,
    precision,
    single_source,
    stale,
    superlative,
    unattributed,
    unverified,
)
from assistant.model import Finding

Rule = Callable[[Package], Iterable[Finding]]

RULES: tuple[Rule, ...] = (
    conflict.check,
    corroborated.check,
    circular.check,
    single_source.check,
    unattributed.check,
    unverified.check,
    arithmetic.check,
    superlative.check,
    different_period.check,
    stale.check,
    precision.check,
)
