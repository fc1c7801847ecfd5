"""A story package run through the real pipeline (offline extractor, rule layer), for
tests that pin how whole articles written in the spirit of real coverage come out."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from assistant import pipeline
from assistant.config import Settings
from assistant.model import Comparison


def compare_story(tmp_path: Path, *articles: tuple[str, str, str]) -> Comparison:
    """The comparison of ``articles``, each (outlet, published day, text), filed as one
    JSONL package the way an editor would pass it."""
    path = tmp_path / "story.jsonl"
    rows = [
        {"id": f"s{n}", "outlet": outlet, "published": day, "text": text}
        for n, (outlet, day, text) in enumerate(articles, start=1)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    batch = pipeline.ingest([path])
    extractor = pipeline.build_extractor(Settings(llm="offline"), inputs=[path])
    results = asyncio.run(pipeline.extract_all(batch.articles, extractor))
    return pipeline.analyse(batch.articles, results).comparison
