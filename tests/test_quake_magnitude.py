"""An earthquake's magnitude, as real coverage writes it, through the offline extractor
and the rule layer: one figure on its own scale (never "6.1 earthquakes"), the same for
the whole story whatever day each outlet writes it, with aftershocks, first readings and
earlier quakes kept apart.

The articles are written here in the spirit of wire and rival copy on one quake.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from story_support import compare_story

from assistant.extract.offline import OfflineExtractor
from assistant.model import Article, Comparison, RuleId, Severity
from assistant.normalize.numbers import match_quantities


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A magnitude 6.1 earthquake struck on Sunday.", 6.1),
        ("A 6.1-magnitude quake hit the region.", 6.1),
        ("A 6.1 magnitude quake hit the region.", 6.1),
        ("The quake measured 6.3 on the Richter scale.", 6.3),
        ("The survey said it had a magnitude of 6.1.", 6.1),
        ("A strong earthquake of magnitude 6.4 jolted the province.", 6.4),
    ],
)
def test_a_magnitude_is_one_figure_on_its_scale(text: str, value: float) -> None:
    (q,) = match_quantities(text)
    assert (q.quantity.value, q.quantity.unit, q.unit_text, q.role) == (
        value,
        "magnitude",
        None,
        None,
    )


def _comparison(tmp_path: Path, *texts: tuple[str, str]) -> Comparison:
    """The package of ``texts`` (outlet, text), published a day apart from 2 March."""
    dated = [(outlet, f"2026-03-0{n + 1}", text) for n, (outlet, text) in enumerate(texts, 1)]
    return compare_story(tmp_path, *dated)


def test_two_magnitudes_for_one_quake_conflict_across_days(tmp_path: Path) -> None:
    comparison = _comparison(
        tmp_path,
        ("Wire", "A magnitude 6.1 earthquake struck southern Iran on Sunday, officials said."),
        ("Paper", "The quake measured 6.4 on the Richter scale, the geological survey said."),
    )
    (conflict,) = [f for f in comparison.findings if f.rule is RuleId.CONFLICT]
    assert conflict.severity is Severity.high
    assert "6.1" in conflict.evidence and "6.4" in conflict.evidence


def test_aftershocks_first_readings_and_earlier_quakes_are_not_the_quake(
    tmp_path: Path,
) -> None:
    comparison = _comparison(
        tmp_path,
        ("Wire", "A magnitude 6.1 earthquake struck southern Iran on Sunday."),
        (
            "Paper",
            "The quake had a preliminary magnitude of 5.9. A 5.2-magnitude aftershock "
            "followed. A second quake of magnitude 5.8 struck on Tuesday. "
            "In 2003 a magnitude 6.6 quake destroyed the city of Bam.",
        ),
    )
    assert [f for f in comparison.findings if f.rule is RuleId.CONFLICT] == []


def test_twin_quakes_and_the_strongest_aftershock_are_no_sure_conflict(tmp_path: Path) -> None:
    comparison = _comparison(
        tmp_path,
        (
            "Wire",
            "The first quake, of magnitude 6.4, hit near Ahar on Saturday. A second, of "
            "magnitude 6.3, struck 11 minutes later.",
        ),
        ("Paper", "The quakes, measuring 6.4 and 6.3, struck north-east of Tabriz."),
        (
            "Radio",
            "The 6.4-magnitude quake was followed by more than 20 aftershocks, the "
            "strongest of magnitude 5.2.",
        ),
    )
    conflicts = [f for f in comparison.findings if f.rule is RuleId.CONFLICT]
    assert all(f.severity is Severity.low for f in conflicts)
    assert all("5.2" not in f.evidence for f in conflicts)


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("The first quake, of magnitude 6.4, hit near Ahar.", "magnitude"),
        ("A second, of magnitude 6.3, struck 11 minutes later.", "other quake magnitude"),
        (
            "It was followed by 20 aftershocks, the strongest of magnitude 5.2.",
            "aftershock magnitude",
        ),
        ("The 6.4-magnitude quake was followed by 20 aftershocks.", "magnitude"),
        ("A quake measuring 7.0 struck the capital.", "magnitude"),
    ],
)
def test_which_quake_a_magnitude_measures(text: str, metric: str) -> None:
    article = Article(id="q", text=text, source="q.md")
    claims = OfflineExtractor().extract_claims(article)
    assert [c.metric for c in claims if c.quantity and c.quantity.unit == "magnitude"] == [metric]
