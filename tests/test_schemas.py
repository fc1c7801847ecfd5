"""The published schemas in schemas/ must match the models they are generated from."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.cli import main
from assistant.schemas import MODELS, check_schemas, schema_texts, write_schemas

REPO = Path(__file__).resolve().parent.parent


def test_schema_files_match_the_models() -> None:
    stale = check_schemas(REPO / "schemas")
    assert stale == [], f"schemas out of date, run 'factcheck schemas --write': {stale}"


def test_every_model_has_a_schema_file() -> None:
    assert sorted(p.name for p in (REPO / "schemas").glob("*.schema.json")) == sorted(MODELS)


def test_drift_is_detected(tmp_path: Path) -> None:
    write_schemas(tmp_path)
    assert check_schemas(tmp_path) == []
    path = tmp_path / "claim.schema.json"
    schema = json.loads(path.read_text())
    schema["properties"].pop("quote")
    path.write_text(json.dumps(schema))
    assert check_schemas(tmp_path) == ["claim.schema.json"]
    assert main(["schemas", "--check", "--dir", str(tmp_path)]) == 3


def test_schemas_are_valid_json_schema() -> None:
    from jsonschema import Draft202012Validator

    for text in schema_texts().values():
        Draft202012Validator.check_schema(json.loads(text))
