"""Prices of a range's models, as launch coverage writes them: each keyed by the model's
size and product line, and by its tier, so two outlets' prices for one model meet and a
disagreement shows, while the dearer configurations and price cuts stay apart.

The sentences are written here in the spirit of rival launch stories.
"""

from __future__ import annotations

import asyncio
import json
from datetime import date
from pathlib import Path

from assistant import pipeline
from assistant.config import Settings
from assistant.extract.offline import OfflineExtractor
from assistant.model import Article, RuleId, Severity


def _prices(text: str) -> list[tuple[str, str | None, str | None]]:
    article = Article(id="t", text=text, source="t.md", published=date(2026, 3, 4))
    return [
        (c.quantity.text, c.subject, c.metric)
        for c in OfflineExtractor().extract_claims(article)
        if c.quantity is not None and c.quantity.unit == "USD"
    ]


def test_a_price_is_the_price_of_the_model_its_size_names() -> None:
    assert _prices(
        "Fable will ask $799 for the base 6-inch Pixa Phone and $999 for an 8-inch version, "
        "with an upgraded 8-inch model going for $1,199."
    ) == [
        ("$799", "6-inch Pixa Phone", "price"),
        ("$999", "8-inch Pixa Phone", "price"),
        ("$1,199", "8-inch Pixa Phone", "price of a higher configuration"),
    ]


def test_the_dearer_of_two_versions_and_a_price_cut_are_not_the_price() -> None:
    assert _prices(
        "The new PixaBook line is here. The 13-inch model comes in $1,199 and $1,499 "
        "versions. The 11-inch has dropped $100 to $999."
    ) == [
        ("$1,199", "13-inch PixaBook", "price"),
        ("$1,499", "13-inch PixaBook", "price of a higher configuration"),
        ("$100", None, "dropped"),  # how much the price changed: no model's price
        ("$999", "11-inch PixaBook", "price"),
    ]


def test_two_outlets_prices_for_one_model_conflict(tmp_path: Path) -> None:
    rows = [
        ("Gadget Wire", "Fable will ask $799 for the base 6-inch Pixa Phone."),
        ("Tech Daily", "The 6-inch Pixa Phone starts at $899, Fable said."),
        ("Tech Daily B", "The 8-inch Pixa Phone starts at $999, and the Pixa Tab costs $499."),
    ]
    path = tmp_path / "launch.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": f"a{n}", "outlet": o, "published": "2026-03-04", "text": t}) + "\n"
            for n, (o, t) in enumerate(rows)
        )
    )
    batch = pipeline.ingest([path])
    extractor = pipeline.build_extractor(Settings(llm="offline"), inputs=[path])
    results = asyncio.run(pipeline.extract_all(batch.articles, extractor))
    findings = pipeline.analyse(batch.articles, results).comparison.findings

    (conflict,) = [f for f in findings if f.rule is RuleId.CONFLICT]
    assert conflict.severity is Severity.high
    assert "6-inch Pixa Phone" in conflict.evidence
    assert "$799" in conflict.evidence and "$899" in conflict.evidence
    assert "$999" not in conflict.evidence


def test_a_models_price_range_is_its_price_and_a_dearer_configuration() -> None:
    assert _prices(
        "The new PixaBook line is here. For the 13-inch PixaBook the price remains at "
        "$1099 to $1499. The 15-inch models will be priced between $1799 and $2199."
    ) == [
        ("$1099", "13-inch PixaBook", "price"),
        ("$1499", "13-inch PixaBook", "price of a higher configuration"),
        ("$1799", "15-inch PixaBook", "price"),
        ("$2199", "15-inch PixaBook", "price of a higher configuration"),
    ]
