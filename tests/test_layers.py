"""The architecture, enforced: which package may import which library.

Only ``assistant/tui`` imports Textual; only ``assistant/llm`` imports openai, instructor
and httpx2; the domain model imports nothing of ours.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "assistant"
OWNERS = {
    "textual": "tui",
    "textual_plotext": "tui",
    "textual_serve": "tui",
    "openai": "llm",
    "instructor": "llm",
    "httpx2": "llm",
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_libraries_are_imported_only_by_their_layer(path: Path) -> None:
    layer = path.relative_to(PACKAGE).parts[0]
    for module in imported_modules(path):
        owner = OWNERS.get(module.split(".")[0])
        assert owner is None or owner == layer, f"{path.name} imports {module} outside {owner}/"


def test_domain_model_imports_nothing_of_ours() -> None:
    assert not any(m.startswith("assistant") for m in imported_modules(PACKAGE / "model.py"))
