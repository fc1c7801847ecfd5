"""Golden report files: the full output of both bundled packages, offline and mock, in
every format, compared byte for byte with the files under ``tests/golden_reports/``.

Any change to what the desk reads shows up in review as a diff of those files. When the
change is intended, regenerate them and commit the diff with the change:

    FACTCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_report_golden.py

Volatile fields are pinned before rendering: the tool version, and the measured
extraction durations. The report carries a fixed set of editor decisions (on the
package's conflict) so that the decisions and ClaimReview are in the goldens too.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import pytest
from report_support import example_report

from assistant.model import CheckKey, CheckStatus, Verdict
from assistant.report.model import EditorDecision, Report, TriageSection
from assistant.report.render import FORMATS, render
from assistant.report.triage import build_triage

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden_reports"
UPDATE = os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1"
SUFFIX = {
    "md": "md",
    "html": "html",
    "json": "json",
    "csv": "csv",
    "claimreview": "claimreview.json",
}
DECIDED = datetime(2026, 3, 5, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # input paths in the report are relative to the repository


def golden_report(package: str, llm: Literal["offline", "mock"]) -> Report:
    """The package's report with volatile fields pinned and the editor's fixed decisions."""
    report = example_report(package, llm)
    conflict = next(i for i in build_triage(report).items if i.section is TriageSection.conflict)
    first, second = conflict.claim_ids[:2]
    decisions = [
        EditorDecision(
            claim_id=first,
            verdict=Verdict.inaccurate,
            note="Superseded by the later official toll; see the other outlet.",
            items={
                CheckKey.source_identified: CheckStatus.passed,
                CheckKey.consistent_across_articles: CheckStatus.failed,
            },
            editor="Golden Editor",
            decided_at=DECIDED,
        ),
        EditorDecision(
            claim_id=second,
            verdict=Verdict.accurate,
            items={CheckKey.original_source_located: CheckStatus.passed},
            editor="Golden Editor",
            decided_at=DECIDED,
        ),
    ]
    inputs = []
    for entry in report.inputs:
        if entry.extraction is not None:
            usage = entry.extraction.usage.model_copy(update={"duration_s": 0.0})
            extraction = entry.extraction.model_copy(update={"usage": usage})
            entry = entry.model_copy(update={"extraction": extraction})
        inputs.append(entry)
    return report.model_copy(
        update={"tool_version": "GOLDEN", "inputs": inputs, "decisions": decisions}
    )


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("llm", ["offline", "mock"])
@pytest.mark.parametrize("package", ["river-floods", "port-fire"])
def test_report_matches_its_golden_file(
    package: str, llm: Literal["offline", "mock"], fmt: str
) -> None:
    text = render(golden_report(package, llm), fmt)
    path = GOLDEN / f"{package}.{llm}.{SUFFIX[fmt]}"
    if UPDATE:
        path.write_text(text, encoding="utf-8", newline="")
    assert path.exists(), f"no golden file {path.name}: run FACTCHECK_UPDATE_GOLDEN=1 pytest"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (
        f"{path.name} differs from the report: if the change is intended, regenerate with "
        "FACTCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_report_golden.py"
    )
