"""The --mock-faults and --mock-latency parsers: what users type, and the errors they get."""

from __future__ import annotations

import pytest

from assistant.llm.mock import Fault, FaultSpec, parse_latency


def test_parses_the_issue_example_spec() -> None:
    spec = FaultSpec.parse(
        "rate_limit=0.2,server_error=0.1,timeout=0.05,bad_json=0.1,ungrounded=0.1,truncate=0.05"
    )
    assert spec.rates == {
        Fault.rate_limit: 0.2,
        Fault.server_error: 0.1,
        Fault.timeout: 0.05,
        Fault.bad_json: 0.1,
        Fault.ungrounded: 0.1,
        Fault.truncate: 0.05,
    }
    assert spec.rate(Fault.refusal) == 0.0


def test_parses_every_fault_kind_with_spaces_and_round_trips() -> None:
    text = (
        " rate_limit = 0.2 , server_error=0.1,timeout=0.05,bad_json=0.1,schema=0.1,"
        "ungrounded=0.1,truncate=0.05,refusal=0.05 "
    )
    spec = FaultSpec.parse(text)
    assert set(spec.rates) == set(Fault)
    assert FaultSpec.parse(str(spec)) == spec


@pytest.mark.parametrize("text", ["", "  ", "none", "NONE"])
def test_empty_spec_means_no_faults(text: str) -> None:
    assert FaultSpec.parse(text).rates == {}


def test_probabilities_adding_up_to_exactly_one_are_accepted() -> None:
    spec = FaultSpec.parse("rate_limit=0.7,timeout=0.2,refusal=0.1")
    assert sum(spec.rates.values()) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rate_limt=0.2", "unknown fault 'rate_limt'"),
        ("rate_limit=1.5", "between 0 and 1"),
        ("timeout=-0.1", "between 0 and 1"),
        ("timeout=nan", "between 0 and 1"),
        ("timeout=often", "not a number"),
        ("timeout", "name=probability"),
        ("timeout=0.1,", "name=probability"),
        ("=0.1", "name=probability"),
        ("timeout=0.1,timeout=0.2", "given twice"),
        ("rate_limit=0.6,server_error=0.5", "add up to 1.1, more than 1"),
    ],
)
def test_bad_specs_are_rejected_with_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        FaultSpec.parse(text)


def test_unknown_fault_message_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="known faults: rate_limit, server_error, timeout"):
        FaultSpec.parse("slow=0.1")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("200ms", 0.2), ("1.5s", 1.5), ("0", 0.0), ("2", 2.0), (" 50 MS ", 0.05), (".5s", 0.5)],
)
def test_parse_latency(text: str, seconds: float) -> None:
    assert parse_latency(text) == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["", "fast", "-200ms", "200 msec", "1h", "1.5.2s"])
def test_parse_latency_rejects_what_is_not_a_duration(text: str) -> None:
    with pytest.raises(ValueError, match="not a duration"):
        parse_latency(text)
