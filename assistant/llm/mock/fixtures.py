"""Fixture files: recorded or hand-written answers the mock replays for known chunks.

A fixture is a JSON file anywhere under a fixtures directory::

    {
      "format": "factcheck-fixture/1",
      "article": "../flood-reuters.txt",
      "match": {"prompt_version": "extract-v1", "text_sha256": "<sha256 of the chunk>"},
      "answer": {"claims": [...]}           (hand-written ClaimExtraction JSON)
      -- or --
      "response": {...chat.completion...}    (recorded with --record; may come with "request")
    }

A recorded fixture also lists every exchange for its chunk in order (``exchanges``: the
answers, error statuses and timeouts of the first ask, its retries and its re-asks), so
mock mode replays a re-asked article attempt by attempt and counts what the recording cost;
``response`` is then the last answer, the one that ended the exchange.

Other ``*.json`` files without a ``"format"`` key are not fixtures and are skipped; a file
that claims to be a fixture but is malformed is an error naming the file.

Rekeying
--------
``match`` pins a fixture to one prompt version and one exact chunk text. When either
changes (a new prompt version, an ingest change that alters the text), recompute it::

    python -m assistant.llm.mock.fixtures rekey examples/flood/fixtures

For every fixture under the directory that names its ``article``, the article is read
through the ingest stage (so the text is the one the extractor will send), and ``match``
is set to the current ``PROMPT_VERSION`` and the sha256 of the article text. ``article``
is resolved relative to the fixture file, then to the working directory. A fixture covers
one chunk, so rekeyed articles must be short enough to be sent as a single chunk.
Recorded fixtures name no article and are left alone: a model's answer to an old prompt
is not an answer to the new one, so record them again instead. Exit status is 1 if any
fixture could not be rekeyed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal, TextIO

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assistant.errors import ConfigError
from assistant.ingest import ingest_paths
from assistant.llm.mock.wire import Shape, sha256_text
from assistant.llm.prompts import PROMPT_VERSION
from assistant.llm.schema import ClaimExtraction

FIXTURE_FORMAT = "factcheck-fixture/1"


class FixtureError(ConfigError):
    """A fixture file or directory is unusable; the message names the file."""


class FixtureMatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    prompt_version: str = Field(min_length=1)
    text_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class Exchange(BaseModel):
    """One recorded request's outcome: a status and body, or a timeout (no answer)."""

    model_config = ConfigDict(extra="forbid")

    status: int = 200
    body: dict[str, Any] | None = None
    timeout: bool = False


class FixtureFile(BaseModel):
    """The on-disk fixture format; also what ``assistant.llm.record`` writes."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["factcheck-fixture/1"]
    article: str | None = None
    match: FixtureMatch
    answer: dict[str, Any] | None = None
    response: dict[str, Any] | None = None
    exchanges: list[Exchange] | None = None
    request: dict[str, Any] | None = None
    note: str | None = None

    @field_validator("answer")
    @classmethod
    def _answer_is_extraction(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is not None:
            ClaimExtraction.model_validate(value)
        return value

    @field_validator("response")
    @classmethod
    def _response_has_message(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is not None and _message(value) is None:
            raise ValueError("a recorded response needs choices[0].message")
        return value

    @model_validator(mode="after")
    def _one_payload(self) -> FixtureFile:
        recorded = self.response is not None or bool(self.exchanges)
        if (self.answer is None) == (not recorded):
            raise ValueError('a fixture needs exactly one of "answer" or "response"')
        return self

    @property
    def key(self) -> tuple[str, str]:
        return (self.match.prompt_version, self.match.text_sha256)

    def claims_answer(self) -> dict[str, Any] | None:
        """The ClaimExtraction JSON: ``answer``, or what the recorded response carries.

        None when a recorded response holds no parseable JSON object.
        """
        if self.answer is not None:
            return self.answer
        return self.claims_of(self.response or {})

    def response_shape(self) -> Shape | None:
        """The shape of the recorded response, to tell whether it fits a request as-is."""
        return self.shape_of(self.response or {})

    @staticmethod
    def claims_of(response: dict[str, Any]) -> dict[str, Any] | None:
        """The ClaimExtraction JSON a recorded chat.completion body carries, if any."""
        message = _message(response) or {}
        calls = message.get("tool_calls") or []
        text = calls[0].get("function", {}).get("arguments") if calls else message.get("content")
        if not isinstance(text, str):
            return None
        fenced = re.search(r"```(?:json)?\s*\n(.*?)\n?```", text, re.DOTALL)
        try:
            value = json.loads(fenced[1] if fenced else text)
        except json.JSONDecodeError:
            return None
        return value if isinstance(value, dict) else None

    @staticmethod
    def shape_of(response: dict[str, Any]) -> Shape | None:
        """Where a recorded chat.completion body carries its answer."""
        message = _message(response)
        if message is None:
            return None
        if message.get("tool_calls"):
            return Shape.tool_call
        content = message.get("content")
        return Shape.md_json if isinstance(content, str) and "```" in content else Shape.json


def _message(response: dict[str, Any]) -> dict[str, Any] | None:
    choices = response.get("choices")
    if isinstance(choices, list) and choices and isinstance(choices[0], dict):
        message = choices[0].get("message")
        if isinstance(message, dict):
            return message
    return None


class FixtureIndex:
    """Fixtures by (prompt_version, text_sha256)."""

    def __init__(self, fixtures: dict[tuple[str, str], FixtureFile] | None = None) -> None:
        self._fixtures = dict(fixtures or {})

    @classmethod
    def load(cls, dirs: Iterable[Path]) -> FixtureIndex:
        """Load every fixture under ``dirs`` (recursively).

        Raises ``FixtureError`` for a missing directory, an unreadable or malformed fixture
        file, or two files that match the same prompt version and chunk.
        """
        fixtures: dict[tuple[str, str], FixtureFile] = {}
        origin: dict[tuple[str, str], Path] = {}
        seen: set[Path] = set()
        for directory in dirs:
            if not directory.is_dir():
                raise FixtureError(f"fixture directory not found: {directory}")
            for path in sorted(directory.rglob("*.json")):
                if path.resolve() in seen:  # overlapping directories name a file twice
                    continue
                seen.add(path.resolve())
                fixture = read_fixture(path)
                if fixture is None:
                    continue
                if fixture.key in fixtures:
                    raise FixtureError(
                        f"{path}: matches the same prompt version and chunk"
                        f" as {origin[fixture.key]}"
                    )
                fixtures[fixture.key] = fixture
                origin[fixture.key] = path
        return cls(fixtures)

    def find(self, prompt_version: str, text_sha256: str) -> FixtureFile | None:
        return self._fixtures.get((prompt_version, text_sha256))

    def __len__(self) -> int:
        return len(self._fixtures)


def read_fixture(path: Path) -> FixtureFile | None:
    """The fixture in ``path``, or None for a JSON file that is not a fixture.

    Raises ``FixtureError`` naming the file when it is unreadable, not JSON, of another
    fixture format, or does not follow this one.
    """
    data = _read_json(path)
    return _validate(path, data) if _claims_to_be_fixture(data) else None


def _claims_to_be_fixture(data: Any) -> bool:
    return isinstance(data, dict) and "format" in data


def _validate(path: Path, data: dict[str, Any]) -> FixtureFile:
    if data["format"] != FIXTURE_FORMAT:
        raise FixtureError(
            f"{path}: unsupported fixture format {data['format']!r} (expected {FIXTURE_FORMAT!r})"
        )
    try:
        return FixtureFile.model_validate(data)
    except ValidationError as err:
        errors = err.errors()
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'fixture'}: {e['msg']}" for e in errors
        )
        hint = (
            f" (recompute it: python -m assistant.llm.mock.fixtures rekey {path.parent})"
            if any(e["loc"][:1] == ("match",) for e in errors) and "article" in data
            else ""
        )
        raise FixtureError(f"{path}: not a valid fixture: {problems}{hint}") from None


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise FixtureError(f"{path}: cannot read fixture: {err}") from None
    except json.JSONDecodeError as err:
        raise FixtureError(f"{path}: not valid JSON: {err}") from None


# --------------------------------------------------------------------------- rekey


def rekey(directory: Path, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Recompute ``match`` of every fixture under ``directory`` that names its article.

    Fixtures are rekeyed even when their old ``match`` is empty or invalid - that is what
    this is for. Progress goes to ``out`` (stdout), problems to ``err`` (stderr), and every
    fixture is tried. Returns the number of fixtures that could not be rekeyed; raises
    ``FixtureError`` only when ``directory`` does not exist.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    if not directory.is_dir():
        raise FixtureError(f"fixture directory not found: {directory}")
    failures = 0
    for path in sorted(directory.rglob("*.json")):
        try:
            data = _read_json(path)
            if not _claims_to_be_fixture(data):
                continue
            outcome = _rekey_file(path, data)
        except FixtureError as problem:
            print(f"error: {problem}", file=err)
            failures += 1
        else:
            print(f"{outcome}: {path}", file=out)
    return failures


def _rekey_file(path: Path, data: dict[str, Any]) -> str:
    """Rewrite one fixture's ``match``; returns what happened. Raises ``FixtureError``."""
    article = data.get("article")
    if not isinstance(article, str):
        return "skipped (names no article; record recorded fixtures again)"
    article_path = _article_path(path, article)
    if article_path is None:
        raise FixtureError(f"{path}: article {article!r} not found")
    batch = ingest_paths([article_path])
    if len(batch.articles) != 1:
        reasons = "; ".join(r.reason for r in batch.inputs if r.reason)
        raise FixtureError(
            f"{path}: {article_path} gave {len(batch.articles)} articles, not 1"
            + (f" ({reasons})" if reasons else "")
        )
    match = FixtureMatch(
        prompt_version=PROMPT_VERSION, text_sha256=sha256_text(batch.articles[0].text)
    )
    rekeyed = {**data, "match": match.model_dump()}
    _validate(path, rekeyed)  # the rest of the fixture must be sound too
    if rekeyed == data:
        return "unchanged"
    path.write_text(json.dumps(rekeyed, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return "rekeyed"


def _article_path(fixture_path: Path, article: str) -> Path | None:
    for candidate in (fixture_path.parent / article, Path(article)):
        if candidate.is_file():
            return candidate
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m assistant.llm.mock.fixtures",
        description="Maintain factcheck mock fixtures.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    rekey_cmd = commands.add_parser(
        "rekey", help="recompute each fixture's match from its article and the prompt version"
    )
    rekey_cmd.add_argument("directory", type=Path, help="fixtures directory (searched recursively)")
    args = parser.parse_args(argv)
    try:
        return 1 if rekey(args.directory) else 0
    except FixtureError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
