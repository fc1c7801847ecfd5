"""The published JSON Schemas, generated from the pydantic models.

``factcheck schemas --write`` writes them into ``schemas/``; a test (and
``factcheck schemas --check``) fails when the files and the models disagree.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from assistant.llm.schema import ClaimExtraction
from assistant.model import Claim
from assistant.report.model import Report
from assistant.resources import schemas_dir

SCHEMA_ID_BASE = "https://factcheck.invalid/schemas/"

MODELS: dict[str, type[BaseModel]] = {
    "llm-output.schema.json": ClaimExtraction,
    "claim.schema.json": Claim,
    "report.schema.json": Report,
}


def schema_text(name: str, model: type[BaseModel]) -> str:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID_BASE + name,
        **model.model_json_schema(mode="serialization"),
    }
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_texts() -> dict[str, str]:
    return {name: schema_text(name, model) for name, model in MODELS.items()}


def write_schemas(directory: Path | None = None) -> list[Path]:
    """Write every schema file; returns the paths written."""
    directory = directory or schemas_dir()
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def check_schemas(directory: Path | None = None) -> list[str]:
    """Names of schema files that are missing or differ from the models."""
    directory = directory or schemas_dir()
    stale = []
    for name, text in schema_texts().items():
        path = directory / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale
