"""Fixture files: loading, the errors a fixture author sees, and the rekey tool."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from assistant.ingest import ingest_paths
from assistant.llm.mock import FixtureError, FixtureIndex, MockLLM, MockSettings
from assistant.llm.mock.fixtures import main, rekey
from assistant.llm.prompts import PROMPT_VERSION

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SHA = hashlib.sha256(b"Police said 2,417 people were evacuated.").hexdigest()
ANSWER = {"claims": [{"quote": "2,417 people", "statement": "2,417 people were evacuated."}]}


def fixture(**overrides: Any) -> dict[str, Any]:
    return {
        "format": "factcheck-fixture/1",
        "match": {"prompt_version": PROMPT_VERSION, "text_sha256": SHA},
        "answer": ANSWER,
        **overrides,
    }


def write(path: Path, content: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = content if isinstance(content, str) else json.dumps(content)
    path.write_text(text, encoding="utf-8")
    return path


def test_fixtures_are_found_recursively_and_other_json_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "pkg" / "fixtures" / "a.json", fixture())
    write(tmp_path / "pkg" / "package.json", {"name": "not a fixture"})
    write(tmp_path / "pkg" / "list.json", [1, 2, 3])

    index = FixtureIndex.load([tmp_path])

    assert len(index) == 1
    found = index.find(PROMPT_VERSION, SHA)
    assert found is not None and found.answer == ANSWER
    assert index.find("extract-v0", SHA) is None


def test_overlapping_directories_load_a_file_once(tmp_path: Path) -> None:
    write(tmp_path / "fixtures" / "a.json", fixture())

    assert len(FixtureIndex.load([tmp_path, tmp_path / "fixtures"])) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "factcheck-fixture/1",', "not valid JSON"),
        (fixture(format="factcheck-fixture/2"), "unsupported fixture format 'factcheck-fixture/2'"),
        ({k: v for k, v in fixture().items() if k != "match"}, "match: Field required"),
        (fixture(match={"prompt_version": "v1", "text_sha256": "abc"}), "match.text_sha256"),
        (fixture(answer={"claims": "none"}), "Input should be a valid list"),
        (fixture(answer={"claims": [{"statement": "no quote"}]}), "quote"),
        (fixture(response={"choices": [{"message": {"content": "{}"}}]}), "exactly one of"),
        ({k: v for k, v in fixture().items() if k != "answer"}, "exactly one of"),
        (fixture(answer=None, response={"id": "x"}), "choices[0].message"),
        (fixture(answers=ANSWER), "answers: Extra inputs are not permitted"),
    ],
)
def test_a_malformed_fixture_is_an_error_naming_the_file(
    tmp_path: Path, content: Any, message: str
) -> None:
    path = write(tmp_path / "fixtures" / "broken.json", content)

    with pytest.raises(FixtureError) as caught:
        MockLLM(MockSettings(fixture_dirs=[tmp_path]))

    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_an_unkeyed_fixture_error_says_how_to_key_it(tmp_path: Path) -> None:
    unkeyed = fixture(article="../story.md", match={"prompt_version": "v1", "text_sha256": ""})
    write(tmp_path / "fixtures" / "story.json", unkeyed)

    with pytest.raises(FixtureError, match=r"rekey .*fixtures"):
        FixtureIndex.load([tmp_path])


def test_two_fixtures_for_the_same_chunk_are_an_error_naming_both(tmp_path: Path) -> None:
    first = write(tmp_path / "a.json", fixture())
    second = write(tmp_path / "b.json", fixture())

    with pytest.raises(FixtureError, match=f"{second}: .* as {first}"):
        FixtureIndex.load([tmp_path])


def test_a_missing_fixture_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FixtureError, match="fixture directory not found"):
        FixtureIndex.load([tmp_path / "nope"])


# --------------------------------------------------------------------------- rekey


def ingested_sha(article: Path) -> str:
    (ingested,) = ingest_paths([article]).articles
    return hashlib.sha256(ingested.text.encode()).hexdigest()


def test_rekey_sets_match_from_the_ingested_article_and_prompt_version(tmp_path: Path) -> None:
    article = EXAMPLES / "river-floods" / "2026-03-03-northern-ledger.md"
    shutil.copy(article, tmp_path / article.name)
    stale = fixture(article=f"../{article.name}", match={"prompt_version": "x", "text_sha256": ""})
    path = write(tmp_path / "fixtures" / "ledger.json", stale)
    out, err = io.StringIO(), io.StringIO()

    assert rekey(tmp_path / "fixtures", out=out, err=err) == 0

    rekeyed = json.loads(path.read_text())
    assert rekeyed["match"] == {
        "prompt_version": PROMPT_VERSION,
        "text_sha256": ingested_sha(tmp_path / article.name),
    }
    assert {k: v for k, v in rekeyed.items() if k != "match"} == {
        k: v for k, v in stale.items() if k != "match"
    }
    assert out.getvalue() == f"rekeyed: {path}\n" and err.getvalue() == ""

    assert rekey(tmp_path / "fixtures", out=out, err=err) == 0
    assert out.getvalue().endswith(f"unchanged: {path}\n")


def test_rekey_reports_each_problem_and_goes_on(tmp_path: Path) -> None:
    article = write(tmp_path / "story.md", "Police said 2,417 people left on Monday.\n")
    good = write(tmp_path / "fixtures" / "1-good.json", fixture(article=f"../{article.name}"))
    write(tmp_path / "fixtures" / "2-missing.json", fixture(article="../gone.md"))
    write(
        tmp_path / "fixtures" / "3-bad.json", fixture(article="../story.md", answer={"claims": 1})
    )
    recorded = write(tmp_path / "fixtures" / "4-recorded.json", fixture())
    out, err = io.StringIO(), io.StringIO()

    assert rekey(tmp_path / "fixtures", out=out, err=err) == 2

    assert "article '../gone.md' not found" in err.getvalue()
    assert "3-bad.json: not a valid fixture: answer.claims" in err.getvalue()
    assert f"rekeyed: {good}" in out.getvalue()
    assert (
        f"skipped (names no article; record recorded fixtures again): {recorded}" in out.getvalue()
    )


def test_rekey_command_line_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "fixtures" / "missing.json", fixture(article="gone.md"))

    assert main(["rekey", str(tmp_path / "fixtures")]) == 1
    assert main(["rekey", str(tmp_path / "nope")]) == 2
    assert "fixture directory not found" in capsys.readouterr().err
