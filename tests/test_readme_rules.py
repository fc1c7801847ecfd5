"""The README's rule table names every rule id the JSON can carry."""

from __future__ import annotations

from pathlib import Path

from assistant.model import RuleId

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_rule_id_is_in_the_readme_rule_table() -> None:
    table = [line for line in README.read_text().splitlines() if line.startswith("| `")]
    named = "\n".join(table)
    assert [r.value for r in RuleId if f"`{r.value}`" not in named] == []
