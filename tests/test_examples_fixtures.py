"""The bundled fixtures must answer the requests the current code sends.

A fixture is keyed on the prompt version and the sha256 of the article text after
ingest; a change to either silently turns replay into synthesis. This test catches it:
run ``python -m assistant.llm.mock.fixtures rekey examples/<pkg>/fixtures`` to fix.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.ingest import ingest_paths
from assistant.llm.mock.wire import sha256_text
from assistant.llm.prompts import PROMPT_VERSION

REPO = Path(__file__).resolve().parent.parent
FIXTURES = sorted((REPO / "examples").glob("*/fixtures/*.json"))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_fixture_matches_current_prompt_and_article(fixture: Path) -> None:
    data = json.loads(fixture.read_text(encoding="utf-8"))
    batch = ingest_paths([REPO / data["article"]])
    (article,) = batch.articles
    assert data["match"] == {
        "prompt_version": PROMPT_VERSION,
        "text_sha256": sha256_text(article.text),
    }


def test_every_example_article_has_a_fixture() -> None:
    articles = sorted((REPO / "examples").glob("*/*.md"))
    covered = {json.loads(f.read_text(encoding="utf-8"))["article"] for f in FIXTURES}
    assert [
        str(a.relative_to(REPO)) for a in articles if str(a.relative_to(REPO)) not in covered
    ] == []
