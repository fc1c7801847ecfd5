"""``--fail-on``: a pipeline chooses what fails the run, and the report is written anyway."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.cli import EXIT_FINDINGS, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, main

FLOODS = Path(__file__).resolve().parent.parent / "examples" / "river-floods"


def _floods(tmp_path: Path, *, with_a_bad_file: bool) -> Path:
    folder = tmp_path / "floods"
    shutil.copytree(FLOODS, folder, ignore=shutil.ignore_patterns("fixtures", "*.json"))
    if with_a_bad_file:
        (folder / "empty.md").write_text("")
    return folder


def _calm(tmp_path: Path) -> Path:
    """One article: no conflict possible, no verification disclaimer."""
    folder = tmp_path / "calm"
    folder.mkdir()
    (folder / "a.md").write_text(
        "---\noutlet: Daily Post\npublished: 2026-03-03\n---\n"
        "The council said 40 homes were flooded on Monday.\n"
    )
    return folder


@pytest.mark.parametrize(
    ("fail_on", "bad_file", "code"),
    [
        ([], False, EXIT_OK),
        ([], True, EXIT_PARTIAL),  # the default: an input that failed fails the run
        (["--fail-on", "conflict"], False, EXIT_FINDINGS),
        (["--fail-on", "unverified"], False, EXIT_FINDINGS),
        (["--fail-on", "error"], True, EXIT_PARTIAL),
        (["--fail-on", "conflict,error"], True, EXIT_PARTIAL),
        (["--fail-on", "error"], False, EXIT_OK),
    ],
)
def test_the_exit_code_follows_what_the_pipeline_fails_on(
    tmp_path: Path, fail_on: list[str], bad_file: bool, code: int
) -> None:
    out = tmp_path / "report.md"
    folder = _floods(tmp_path, with_a_bad_file=bad_file)

    assert main(["report", str(folder), "-q", "-o", str(out), *fail_on]) == code
    text = out.read_text()  # the report is written whatever the code
    assert "### Conflicts (" in text
    assert ("empty.md" in text) is bad_file


def test_a_failed_input_does_not_fail_a_run_that_fails_only_on_conflicts(tmp_path: Path) -> None:
    folder = _calm(tmp_path)
    (folder / "empty.md").write_text("")
    out = tmp_path / "report.md"

    assert main(["report", str(folder), "-q", "-o", str(out), "--fail-on", "conflict"]) == EXIT_OK
    assert "empty.md" in out.read_text()  # still listed, with its reason


def test_a_report_with_nothing_to_fail_on_exits_0(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    code = main(
        ["report", str(_calm(tmp_path)), "-q", "-o", str(out), "--fail-on", "conflict,unverified"]
    )
    assert code == EXIT_OK


def test_an_unknown_condition_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["report", str(_calm(tmp_path)), "--fail-on", "warnings"])
    assert stopped.value.code == EXIT_USAGE
    assert "choose from conflict, error, unverified" in capsys.readouterr().err
