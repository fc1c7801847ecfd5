"""A publication date at the edge of the calendar leaves a period unresolved; it never
costs the batch (issue 10: OverflowError on 9999-12-31 with a weekday)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from assistant.cli import EXIT_OK, main
from assistant.model import Period
from assistant.normalize import resolve_period

pytestmark = pytest.mark.reliability

LAST_DAY, FIRST_DAY = date(9999, 12, 31), date(1, 1, 1)


@pytest.mark.parametrize(
    ("text", "published", "forward"),
    [
        ("on Monday", LAST_DAY, True),
        ("tomorrow", LAST_DAY, False),
        ("next week", LAST_DAY, False),
        ("next month", LAST_DAY, False),
        ("next year", LAST_DAY, False),
        ("this weekend", LAST_DAY, True),
        ("yesterday", FIRST_DAY, False),
        ("last week", FIRST_DAY, False),
        ("over the past 3 weeks", FIRST_DAY, False),
    ],
)
def test_a_period_past_the_calendar_stays_unresolved(
    text: str, published: date, forward: bool
) -> None:
    period = resolve_period(Period(text=text), published, forward=forward)

    assert period.resolved is False
    assert period.text == text


def test_the_last_day_of_the_calendar_does_not_cost_the_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "far.md").write_text(
        "---\npublished: 9999-12-31\n---\n40 people will be evacuated on Monday, the mayor said.\n"
    )
    (tmp_path / "near.md").write_text(
        "---\npublished: 2026-03-03\n---\n12 people died on Monday, the mayor said.\n"
    )

    code = main([
        "report", str(tmp_path), "--llm", "offline", "--format", "json", "-q",
    ])  # fmt: skip

    out, err = capsys.readouterr()
    assert code == EXIT_OK
    assert err == ""
    entries = {Path(e["source"]).name: e for e in json.loads(out)["inputs"]}
    assert entries["far.md"]["claims"] and entries["near.md"]["claims"]
