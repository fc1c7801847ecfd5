"""`factcheck report` outputs: several -o, formats from names, and --workspace."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from assistant.cli import EXIT_OK, EXIT_USAGE, main
from assistant.config import Settings
from assistant.model import CheckKey, CheckStatus, RuleId, Verdict
from assistant.report.workspace import report_from_workspace
from assistant.store import Workspace
from assistant.tui.runner import run_package

REPO = Path(__file__).resolve().parent.parent
FLOODS = REPO / "examples" / "river-floods"
CONFLICT_CLAIM = "2026-03-02-continental-press#3"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_several_outputs_in_one_run_each_in_the_format_its_name_says(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = ["r.md", "r.html", "r.json", "r.csv", "r.claimreview.json"]
    argv = ["report", str(FLOODS), "--llm", "offline", "-q"]
    for name in names:
        argv += ["-o", str(tmp_path / name)]
    code, out, _ = run(capsys, *argv, "-o", "-")

    assert code == EXIT_OK
    assert out.startswith("# Fact-check report")  # -o - is stdout, Markdown by default
    assert (tmp_path / "r.md").read_text() == out
    assert (tmp_path / "r.html").read_text().startswith("<!DOCTYPE html>")
    assert json.loads((tmp_path / "r.json").read_text())["triage"]["items"]
    assert next(csv.reader(io.StringIO((tmp_path / "r.csv").read_text())))[0] == "claim_id"
    assert json.loads((tmp_path / "r.claimreview.json").read_text())["@graph"] == []


def test_format_overrides_the_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "reviews.json"
    code, _, _ = run(
        capsys, "report", str(FLOODS), "-q", "--format", "claimreview", "-o", str(target)
    )
    assert code == EXIT_OK and "@graph" in json.loads(target.read_text())


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-o", "{tmp}/r.txt"], "cannot tell the format"),
        (["-o", "{tmp}/r.md", "-o", "{tmp}/r.md"], "given twice"),
        (["-o", "-", "-o", "-"], "given twice"),
        (["-o", "{tmp}/missing/r.md"], "does not exist"),
        (["--workspace", "{tmp}/none.sqlite"], "no such file"),
    ],
)
def test_usage_errors_stop_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, out, err = run(capsys, "report", str(FLOODS), "-q", *argv)
    assert code == EXIT_USAGE and out == "" and message in err
    assert list(tmp_path.iterdir()) == []


def test_report_needs_paths_or_a_workspace(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "report")
    assert code == EXIT_USAGE and "--workspace" in err


def test_extract_writes_only_claims_formats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "extract", str(FLOODS), "-o", str(tmp_path / "x.html"))
    assert code == EXIT_USAGE and "html is not written here" in err


@pytest.fixture
def decided(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of river-floods analysed in a workspace, with one claim decided."""
    package = tmp_path / "pkg"
    shutil.copytree(FLOODS, package)
    path = tmp_path / "floods.sqlite"
    run_package(
        path, [package], Settings(llm="offline"), actor="Dana Desk",
        post=lambda _m: None, cancelled=lambda: False,
    )  # fmt: skip
    with Workspace.open(path, actor="Dana Desk") as workspace:
        workspace.set_verdict(CONFLICT_CLAIM, Verdict.inaccurate)
        workspace.set_note(CONFLICT_CLAIM, "Police revised to 19 <b>on Tuesday</b>.")
        workspace.set_item_status(CONFLICT_CLAIM, CheckKey.source_identified, CheckStatus.passed)
    return package, path


@pytest.mark.parametrize("with_paths", [False, True])
def test_the_editors_work_travels_into_every_format(
    decided: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str], with_paths: bool
) -> None:
    package, workspace = decided
    paths = [str(package), "--llm", "offline"] if with_paths else []
    out = tmp_path / "out"
    out.mkdir()
    names = ["r.md", "r.html", "r.json", "r.csv", "r.claimreview.json"]
    argv = ["report", *paths, "--workspace", str(workspace), "-q"]
    for name in names:
        argv += ["-o", str(out / name)]
    code, _, err = run(capsys, *argv)
    assert code == EXIT_OK, err

    md = (out / "r.md").read_text()
    assert "**editor:** **inaccurate** · by Dana Desk" in md
    assert "note: Police revised to 19 \\<b\\>on Tuesday\\</b\\>." in md
    assert "editor's checks: ✓ Source identified" in md
    assert "*editor:* `2026-03-02-continental-press#3` inaccurate" in md  # in the triage
    assert "Police revised to 19 &lt;b&gt;on Tuesday&lt;/b&gt;." in (out / "r.html").read_text()
    (decision,) = json.loads((out / "r.json").read_text())["decisions"]
    assert decision["verdict"] == "inaccurate" and decision["editor"] == "Dana Desk"
    assert decision["items"] == {"source_identified": "pass"} and decision["decided_at"]
    rows = {r["claim_id"]: r for r in csv.DictReader(io.StringIO((out / "r.csv").read_text()))}
    assert rows[CONFLICT_CLAIM]["verdict"] == "inaccurate"
    assert rows[CONFLICT_CLAIM]["editor"] == "Dana Desk"
    (review,) = json.loads((out / "r.claimreview.json").read_text())["@graph"]
    assert review["claimReviewed"].startswith("Twelve people died on Monday")
    assert review["reviewRating"]["alternateName"] == "False"


def test_a_decision_on_changed_text_is_not_carried(
    decided: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    package, workspace = decided
    article = package / "2026-03-02-continental-press.md"
    article.write_text(article.read_text().replace("Twelve people died", "Fourteen people died"))

    code, out, err = run(
        capsys, "report", str(package), "--llm", "offline", "--workspace", str(workspace),
        "--format", "json",
    )  # fmt: skip
    assert code == EXIT_OK
    assert json.loads(out)["decisions"] == []
    assert "1 editor decision not carried" in err and CONFLICT_CLAIM in err


def test_a_workspace_from_before_agree_reads_under_the_new_rule_ids(
    decided: tuple[Path, Path],
) -> None:
    _, path = decided
    with Workspace.open(path) as workspace:
        comparison = workspace.comparison()
        legacy = [
            f.model_copy(update={"rule": RuleId.CONFLICT})
            if f.rule is RuleId.AGREE
            else f.model_copy(update={"rule": RuleId.ARITHMETIC})
            if f.rule is RuleId.ADDS_UP
            else f
            for f in comparison.findings
        ]
        workspace.save_analysis(
            workspace.claims(),
            comparison.model_copy(update={"findings": legacy}),
            [i for items in workspace.checklists().values() for i in items],
        )
        report = report_from_workspace(workspace)

    rules = {(f.rule, f.ok) for f in report.findings}
    assert (RuleId.AGREE, True) in rules and (RuleId.ADDS_UP, True) in rules
    assert (RuleId.CONFLICT, True) not in rules and (RuleId.ARITHMETIC, True) not in rules
