"""Running a bundled story package through the real pipeline, for the example pins."""

from __future__ import annotations

import asyncio
from functools import cache
from pathlib import Path
from typing import Literal

from assistant import pipeline
from assistant.config import Settings
from assistant.model import Comparison, Finding, RuleId

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@cache
def compare_package(package: str, llm: Literal["offline", "mock"]) -> Comparison:
    """Ingest, extract with ``llm`` (offline or mock), normalize and compare ``package``."""
    folder = EXAMPLES / package
    batch = pipeline.ingest([folder])
    extractor = pipeline.build_extractor(Settings(llm=llm), inputs=[folder])
    results = asyncio.run(pipeline.extract_all(batch.articles, extractor))
    return pipeline.analyse(batch.articles, results).comparison


def found(comparison: Comparison, rule: RuleId, ok: bool, *words: str) -> list[Finding]:
    """Findings of ``rule`` whose evidence contains every one of ``words``."""
    return [
        f
        for f in comparison.findings
        if f.rule is rule and f.ok is ok and all(w in f.evidence for w in words)
    ]
