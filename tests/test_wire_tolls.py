"""A disaster's toll as wire and rival copy write it, through the offline extractor and
the rule layer: every outlet names the event its own way ("Floods in the west", "the
disaster"), puts the count in a participle or a place, and updates it day by day. Only a
clash on one day is a conflict; a neighbouring country's toll is another count.

The articles are written here in the spirit of such coverage.
"""

from __future__ import annotations

from pathlib import Path

from story_support import compare_story

from assistant.model import RuleId, Severity


def test_two_tolls_for_one_day_conflict_whatever_each_outlet_calls_the_floods(
    tmp_path: Path,
) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2026-07-17", "Floods in western Arland have killed at least 103 people, "
         "police said on Friday. In neighbouring Bexia, 20 people were killed."),
        ("Paper", "2026-07-18", "The death toll from the floods rose to 133 on Saturday, "
         "police said."),
        ("Radio", "2026-07-18", "At least 141 people have died in Arland so far, officials "
         "said on Saturday. The floods also killed at least 27 people in Bexia."),
    )  # fmt: skip

    conflicts = [f for f in comparison.findings if f.rule is RuleId.CONFLICT]
    assert [(f.severity, "133" in f.evidence, "141" in f.evidence) for f in conflicts] == [
        (Severity.high, True, True)
    ]
    # Friday's 103 is an earlier total, and Bexia's tolls are another count.
    assert all("103" not in f.evidence and "Bexia" not in f.evidence for f in conflicts)


def test_a_participle_toll_meets_a_plain_one(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2026-07-17", "A blast ripped through the market on Friday, killing 12 "
         "people and injuring more than 40, police said."),
        ("Paper", "2026-07-17", "The explosion killed 15 people on Friday, officials said."),
    )  # fmt: skip

    (conflict,) = [f for f in comparison.findings if f.rule is RuleId.CONFLICT]
    assert conflict.severity is Severity.high
    assert "12" in conflict.evidence and "15" in conflict.evidence
