"""``--llm mock`` finds bundled fixtures beside its inputs, and only there: one file does
not send it through the whole parent tree, and a stranger's ``fixtures/`` never stops
the run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant import pipeline
from assistant.cli import EXIT_OK, main

pytestmark = pytest.mark.reliability

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BODY = "More than 1,000 people were evacuated on Monday, the interior ministry said.\n"


def test_one_file_looks_for_fixtures_in_its_own_folder_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "desk" / "story.txt"
    story.parent.mkdir()
    story.write_text(BODY)
    (tmp_path / "other-project" / "fixtures").mkdir(parents=True)
    (story.parent / "fixtures").mkdir()

    def no_walk(self: Path, pattern: str) -> list[Path]:
        raise AssertionError(f"walked {self} for {pattern}")

    monkeypatch.setattr(Path, "rglob", no_walk)

    assert pipeline.fixture_dirs_for([story]) == [story.parent / "fixtures"]


def test_an_unrelated_fixtures_folder_is_left_out_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "story.txt").write_text(BODY)
    (tmp_path / "fixtures").mkdir()
    (tmp_path / "fixtures" / "users.json").write_text('{"format": "users-v2", "users": []}')

    code = main([
        "report", str(tmp_path / "story.txt"), "--llm", "mock", "--format", "json",
        "--published", "2026-03-03",
    ])  # fmt: skip

    out, err = capsys.readouterr()
    assert code == EXIT_OK
    assert json.loads(out)["inputs"][0]["claims"]
    assert f"factcheck: {tmp_path}/fixtures: not used as mock fixtures: " in err
    assert "users.json: unsupported fixture format 'users-v2'" in err


def test_a_file_of_a_bundled_package_still_replays_its_fixtures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "river-floods"
    shutil.copytree(EXAMPLES / "river-floods", folder)
    [first] = sorted(folder.glob("*.md"))[:1]

    code = main(["report", str(first), "--llm", "mock", "--format", "json", "-q"])

    out, _ = capsys.readouterr()
    assert code == EXIT_OK
    [entry] = json.loads(out)["inputs"]
    assert entry["claims"]
    assert entry["extraction"]["extractor"] == "mock"
