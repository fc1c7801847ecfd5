"""The rule layer imports nothing from the LLM layer, the store or Textual."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = [
    "openai",
    "instructor",
    "httpx2",
    "textual",
    "sqlite3",
    "assistant.store",
    "assistant.llm",
]


def test_rule_layer_imports_nothing_heavy() -> None:
    program = (
        "import sys\n"
        "import assistant.normalize, assistant.compare, assistant.checklist\n"
        f"print(sorted(m for m in {FORBIDDEN!r} if m in sys.modules))\n"
    )

    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=60
    )

    assert result.stdout.strip() == "[]"
