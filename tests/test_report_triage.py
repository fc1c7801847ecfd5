"""The triage: what the editor reads first, the same in every format."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_support import example_report, report_of_paths

from assistant.model import Claim, ClaimKind, Finding, Grounding, Quantity, RuleId, Severity
from assistant.report.markdown import render_markdown
from assistant.report.triage import TriageSection, build_triage, claim_evidence, matters

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def triage_section(markdown: str) -> list[str]:
    lines = markdown.splitlines()
    start = lines.index("## Triage: what needs an editor now")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("## "))
    return lines[start:end]


def test_river_floods_triage_fits_one_screen_and_puts_the_conflict_first() -> None:
    section = triage_section(render_markdown(example_report("river-floods", "offline")))

    assert len(section) < 40
    assert section[4] == "### Conflicts (1)"
    conflict = "\n".join(section[5:12])
    assert "Twelve people died on Monday, according to the regional police" in conflict
    assert "Nineteen people were killed on Monday" in conflict
    text = "\n".join(section)
    assert "### Stale figures (1)" in text and "### Superlatives and records (2)" in text


@pytest.mark.parametrize("llm", ["offline", "mock"])
@pytest.mark.parametrize("package", ["river-floods", "port-fire"])
def test_per_claim_observations_stay_with_their_claims(package: str, llm: str) -> None:
    report = example_report(package, llm)  # type: ignore[arg-type]
    triage = build_triage(report)
    listed = {(i.rule, tuple(i.claim_ids)) for i in triage.items}

    assert len(triage_section(render_markdown(report))) < 45
    assert not any(
        i.rule in (RuleId.AGREE, RuleId.ADDS_UP, RuleId.CORROBORATED) for i in triage.items
    )
    assert not any(i.rule in (RuleId.DIFFERENT_PERIOD, RuleId.PRECISION) for i in triage.items)
    problems = [f for f in report.findings if not f.ok]
    # Every conflict, failing sum, stale figure and superlative is in the triage.
    for f in problems:
        if f.rule in (RuleId.CONFLICT, RuleId.ARITHMETIC, RuleId.STALE, RuleId.SUPERLATIVE):
            assert (f.rule, tuple(f.claim_ids)) in listed
    # Most single-source and unattributed findings are not.
    minor = [f for f in problems if f.rule in (RuleId.SINGLE_SOURCE, RuleId.UNATTRIBUTED)]
    raised = [f for f in minor if (f.rule, tuple(f.claim_ids)) in listed]
    assert len(raised) * 3 < len(minor)
    assert triage.per_claim + len(triage.items) == len(report.findings)


def test_an_unattributed_minor_figure_is_left_to_its_claim() -> None:
    report = example_report("river-floods", "offline")
    markdown = render_markdown(report)

    assert "45 million euros" not in "\n".join(triage_section(markdown))
    claim_part = markdown.split("## Articles", 1)[1]
    assert "**UNATTRIBUTED** (medium): The Sullmere Courier: “Damage to roads" in claim_part


def _claim(
    metric: str | None, *, figure: bool = True, kind: ClaimKind = ClaimKind.quantity
) -> Claim:
    return Claim(
        id="a#1", article_id="a", quote="q", statement="s", kind=kind, metric_key=metric,
        quantity=Quantity(value=3, text="3") if figure else None,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("claim", "rule", "severity", "expected"),
    [
        (_claim("deaths"), RuleId.SINGLE_SOURCE, Severity.low, True),
        (_claim("sons"), RuleId.SINGLE_SOURCE, Severity.low, False),
        (_claim("deaths", figure=False), RuleId.SINGLE_SOURCE, Severity.low, False),
        (_claim("deaths", kind=ClaimKind.opinion), RuleId.SINGLE_SOURCE, Severity.low, False),
        (_claim(None, figure=False), RuleId.UNVERIFIED, Severity.medium, True),
        (_claim("sons"), RuleId.UNVERIFIED, Severity.low, False),
    ],
)
def test_check_worthiness(claim: Claim, rule: RuleId, severity: Severity, expected: bool) -> None:
    found = Finding(rule=rule, severity=severity, claim_ids=[claim.id], evidence="e")
    assert matters(claim, found, ["deaths"]) is expected
    ungrounded = claim.model_copy(update={"grounding": Grounding.ungrounded})
    assert matters(ungrounded, found, ["deaths"]) is False


def test_rejected_inputs_close_the_triage(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "a.txt").write_text("Twelve people died on Monday, police said.\n")
    report = report_of_paths([tmp_path / "empty.txt", tmp_path / "a.txt"], one_story=True)

    (item,) = build_triage(report).items
    assert item.section is TriageSection.inputs and "empty.txt" in item.title
    section = "\n".join(triage_section(render_markdown(report)))
    assert "### Inputs rejected or not extracted (1)" in section


def test_hostile_article_text_in_a_conflict_stays_inert(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\noutlet: A <b>\npublished: 2026-03-02\n---\n\n"
        "Twelve people died on Monday <script>alert(1)</script>, police said | "
        "[x](http://evil.example).\n"
    )
    (tmp_path / "b.md").write_text(
        "---\noutlet: B\npublished: 2026-03-02\n---\n\n"
        "Nineteen people died on Monday, the agency said.\n"
    )
    report = report_of_paths([tmp_path], one_story=True)
    (conflict,) = [i for i in build_triage(report).items if i.section is TriageSection.conflict]
    assert "<script>" in conflict.sides[0].sentence  # the model keeps the text as written

    section = "\n".join(triage_section(render_markdown(report)))
    assert "\\<script\\>alert(1)\\</script\\>" in section
    assert "said \\| \\[x\\](http" in section  # no table cell break, no link
    assert "A \\<b\\>" in section
    rows = [line for line in section.splitlines() if line.startswith("|")]
    assert len(rows) == 4 and all(len(re.findall(r"(?<!\\)\|", row)) == 8 for row in rows)


def test_a_finding_over_many_claims_is_cut_under_each_claim() -> None:
    evidence = "; ".join(f"Outlet {n} (12, on Monday, source: the police)" for n in range(60))
    many = Finding(rule=RuleId.AGREE, severity=Severity.info, claim_ids=["a#1", "b#1"],
                   evidence=evidence, ok=True)  # fmt: skip
    one = many.model_copy(update={"claim_ids": ["a#1"]})

    cut = claim_evidence(many)
    assert len(cut) <= 401 and cut.endswith("…") and evidence.startswith(cut[:-1])
    assert claim_evidence(one) == evidence


def test_the_sourcing_section_lists_ten_and_counts_the_rest(tmp_path: Path) -> None:
    # Three outlets, six towns each: eighteen single-source death tolls on the story's
    # main metric. Listing them all would bury the rest of the triage.
    towns = iter(f"Town{letter}" for letter in "ABCDEFGHIJKLMNOPQR")
    paths = []
    for n, outlet in enumerate(("Wire One", "Daily Two", "Post Three")):
        lines = [f"---\noutlet: {outlet}\npublished: 2026-02-02\n---\n"]
        for i in range(6):
            town = next(towns)
            lines.append(f"{i + 2} people died in {town} on Sunday, the {town} council said.\n")
        path = tmp_path / f"a{n}.md"
        path.write_text("\n".join(lines))
        paths.append(path)
    report = report_of_paths(paths, one_story=True)

    triage = build_triage(report)
    sourcing = [i for i in triage.items if i.section is TriageSection.sourcing]
    assert len(sourcing) == 10 and triage.sourcing_more == 8
    assert not [i for i in triage.items if i.section is TriageSection.conflict]  # 18 towns
    section = "\n".join(triage_section(render_markdown(report)))
    assert "- … and 8 more unverified, single-source or unattributed figures" in section
