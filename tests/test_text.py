"""Display helpers shared by every renderer."""

from __future__ import annotations

import pytest

from assistant.text import format_number, one_line, strip_controls


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (1234567, "1,234,567"),
        (45_000_000.0, "45,000,000"),
        (200_000_000.0, "200,000,000"),
        (5.82, "5.82"),
        (0.4, "0.4"),
        (1 / 3, "0.333333"),
        (-12.0, "-12"),
    ],
)
def test_numbers_are_written_out_in_full(value: float, shown: str) -> None:
    assert format_number(value) == shown


def test_control_characters_and_escape_sequences_are_removed() -> None:
    hostile = "a\x1b]52;c;ZXZpbA==\x07b\x9b31mc\x1b[2Jd\te\nf"
    assert strip_controls(hostile) == "abcd\te\nf"
    assert one_line(" x \n\n y\t") == "x y"
