"""Reports of the bundled story packages, and of small hand-made ones, for renderer tests."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Literal

from assistant import pipeline
from assistant.config import Settings
from assistant.report.model import EditorDecision, Report

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def report_of_paths(
    paths: Sequence[Path],
    llm: Literal["offline", "mock"] = "offline",
    decisions: Sequence[EditorDecision] = (),
    *,
    one_story: bool = False,
) -> Report:
    """The whole pipeline over ``paths``, as ``factcheck report`` runs it (``one_story``:
    as ``--one-story`` does; a hand-made package of a few name-poor lines is one story
    by construction, not by the names it shares)."""
    batch = pipeline.ingest(paths)
    extractor = pipeline.build_extractor(Settings(llm=llm), inputs=paths)
    results = asyncio.run(pipeline.extract_all(batch.articles, extractor))
    stories = pipeline.find_stories(batch, paths, one_story=one_story)
    analysis = pipeline.analyse_stories(batch.articles, results, stories)
    return pipeline.build_report(
        batch, results, analysis, extractor=extractor.name, decisions=decisions
    )


@cache
def example_report(package: str, llm: Literal["offline", "mock"]) -> Report:
    """The report of a bundled package, with paths relative to the repository (as the
    golden files hold them). Do not mutate: it is shared."""
    return report_of_paths([Path("examples") / package], llm)
