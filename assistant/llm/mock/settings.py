"""Settings of the mocked-LLM test mode: which faults to inject, how often, and how slowly.

A fault spec is what a user types after ``--mock-faults``::

    rate_limit=0.2,server_error=0.1,timeout=0.05,bad_json=0.1,ungrounded=0.1,truncate=0.05

Each value is the probability that one request gets that fault; the rest succeed. The
choice itself is made in ``faults.py`` from the seed, never from a clock or arrival order.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Fault(StrEnum):
    """A failure the mock can inject. The first three happen in transport, the rest in the answer.

    The declaration order is part of the determinism: ``faults.choose_fault`` walks it to
    map one uniform draw onto a fault, so reordering it would change what a seed produces.
    """

    rate_limit = "rate_limit"  # HTTP 429 with Retry-After
    server_error = "server_error"  # HTTP 500 / 503
    timeout = "timeout"  # the read times out
    bad_json = "bad_json"  # the answer is not JSON
    schema = "schema"  # JSON that violates the ClaimExtraction schema
    ungrounded = "ungrounded"  # one quote is not in the article
    truncate = "truncate"  # finish_reason "length", JSON cut off
    refusal = "refusal"  # the model refuses


@dataclass(frozen=True)
class FaultSpec:
    """Probability per fault kind; kinds not named have probability 0."""

    rates: dict[Fault, float] = field(default_factory=dict)

    @classmethod
    def parse(cls, text: str) -> FaultSpec:
        """Parse ``"name=probability,..."``; an empty string or ``"none"`` means no faults.

        Raises ``ValueError`` naming the offending item for an unknown fault name, a value
        that is not a number, a probability outside 0..1, a name given twice, or
        probabilities that add up to more than 1.
        """
        rates: dict[Fault, float] = {}
        if text.strip().lower() in ("", "none"):
            return cls(rates)
        for item in text.split(","):
            name, sep, value = (part.strip() for part in item.partition("="))
            if not sep or not name:
                raise ValueError(
                    f"fault spec item {item.strip()!r} is not of the form name=probability"
                )
            if name not in Fault.__members__:
                known = ", ".join(Fault)
                raise ValueError(f"unknown fault {name!r} in fault spec; known faults: {known}")
            fault = Fault(name)
            if fault in rates:
                raise ValueError(f"fault {name!r} is given twice in fault spec")
            try:
                rate = float(value)
            except ValueError:
                raise ValueError(f"probability of {name!r} is not a number: {value!r}") from None
            if not 0.0 <= rate <= 1.0:  # also rejects nan
                raise ValueError(f"probability of {name!r} must be between 0 and 1, got {value}")
            rates[fault] = rate
        total = math.fsum(rates.values())
        # A small tolerance so that "0.7,0.2,0.1"-style specs that add up to 1 in decimal
        # are not rejected for binary rounding.
        if total > 1.0 + 1e-9:
            raise ValueError(f"fault probabilities add up to {total:g}, more than 1")
        return cls(rates)

    def __str__(self) -> str:
        return ",".join(f"{fault}={self.rates[fault]:g}" for fault in Fault if fault in self.rates)

    def rate(self, fault: Fault) -> float:
        return self.rates.get(fault, 0.0)


_LATENCY = re.compile(r"(?P<number>\d+(?:\.\d+)?|\.\d+)\s*(?P<unit>ms|s)?", re.IGNORECASE)


def parse_latency(text: str) -> float:
    """Parse ``"200ms"``, ``"1.5s"`` or ``"0"`` (a bare number is seconds) into seconds.

    Raises ``ValueError`` for anything else, including negative values.
    """
    match = _LATENCY.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"latency {text!r} is not a duration such as 200ms, 1.5s or 0")
    number = float(match["number"])
    return number / 1000.0 if (match["unit"] or "s").lower() == "ms" else number


class ServerKind(StrEnum):
    """Which server the mock behaves like, where servers differ."""

    openai = "openai"  # any tool_choice; tool answers as tool calls
    llamacpp = "llamacpp"  # refuses object-form tool_choice; answers tools requests in content


@dataclass(frozen=True)
class MockSettings:
    """Everything the mock transport needs; built by the CLI from ``--mock-*`` options.

    ``latency_s`` longer than a request's read timeout makes that request time out (after
    waiting the timeout), as a slow server would. ``context_tokens`` is the model's context:
    a longer prompt is refused with HTTP 400 as llama.cpp refuses it.
    """

    faults: FaultSpec = field(default_factory=FaultSpec)
    seed: int = 0
    latency_s: float = 0.0
    fixture_dirs: list[Path] = field(default_factory=list)
    server: ServerKind = ServerKind.openai
    context_tokens: int | None = None
    slots: int = 1  # what the llama.cpp-like server reports as total_slots at /props
    batch_polls: int = 2  # polls a Batch API batch stays in_progress for
    batch_expires: bool = False  # the batch ends expired, half of its lines answered
