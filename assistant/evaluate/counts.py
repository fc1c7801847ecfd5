"""The two kinds of count every figure of merit is made of."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Ratio:
    """How many of ``total`` were right."""

    hit: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hit += hit
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.hit / self.total if self.total else None


@dataclass
class Matched:
    """What one side found against what the other holds, and how many of them met."""

    both: int = 0
    found: int = 0
    expected: int = 0

    def add(self, both: int, found: int, expected: int) -> None:
        self.both += both
        self.found += found
        self.expected += expected

    @property
    def precision(self) -> float | None:
        return self.both / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.both / self.expected if self.expected else None

    @property
    def f1(self) -> float | None:
        total = self.found + self.expected
        return 2 * self.both / total if total and self.both else None
