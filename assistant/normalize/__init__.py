"""Normalisation: the facts of a claim in the forms the rules compare.

Pure functions over the domain model. ``normalize_claims`` returns copies of the claims
with:

- ``metric_key``: the canonical metric ("deaths" for "dead", "killed", "people died");
- ``quantity.unit``: the canonical unit ("USD" for "dollars", "percent" for "per cent");
- ``period``: resolved against the article's publication date (``periods.py``);
- ``attribution[].canonical``: the canonical origin of every source link (``sources.py``);
- ``sentence`` / ``paragraph``: computed from the span when the extractor gave none.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.model import Article, Claim, Quantity
from assistant.normalize.config import MetricEntry, NormalizeConfig
from assistant.normalize.layout import Layout
from assistant.normalize.periods import PeriodKey, period_key, resolve_period
from assistant.normalize.vocabulary import COUNT, Vocabulary
from assistant.perf import gc_paused

__all__ = [
    "COUNT",
    "Layout",
    "MetricEntry",
    "NormalizeConfig",
    "PeriodKey",
    "Vocabulary",
    "normalize_claims",
    "period_key",
    "resolve_period",
]


@gc_paused()
def normalize_claims(
    articles: Sequence[Article],
    claims: Sequence[Claim],
    config: NormalizeConfig | None = None,
) -> list[Claim]:
    """Normalised copies of ``claims``, in the same order; the inputs are not modified.

    A claim whose article is not among ``articles`` is normalised without a publication
    date (relative periods stay unresolved). Raises ``ConfigError`` when ``config`` makes
    the vocabulary ambiguous.
    """
    vocabulary = Vocabulary.build(config)
    by_id = {article.id: article for article in articles}
    layouts: dict[str, Layout] = {}

    def layout(article: Article) -> Layout:
        if article.id not in layouts:
            layouts[article.id] = Layout.of(article.text)
        return layouts[article.id]

    normalized: list[Claim] = []
    for claim in claims:
        article = by_id.get(claim.article_id)
        update: dict[str, object] = {
            "metric_key": vocabulary.metric(claim.metric) if claim.metric else None,
            "attribution": [
                link.model_copy(update={"canonical": vocabulary.source(link.name)})
                for link in claim.attribution
            ],
        }
        if claim.quantity is not None:
            update["quantity"] = _canonical_unit(claim.quantity, vocabulary)
        if claim.period is not None:
            update["period"] = resolve_period(claim.period, article.published if article else None)
        if article is not None and claim.span is not None:
            where = layout(article)
            if claim.sentence is None:
                update["sentence"] = where.sentence_at(claim.span.start)
            if claim.paragraph is None:
                update["paragraph"] = where.paragraph_at(claim.span.start)
        normalized.append(claim.model_copy(update=update))
    return normalized


def _canonical_unit(quantity: Quantity, vocabulary: Vocabulary) -> Quantity:
    """Measures get their canonical unit; count nouns ("people") keep the word as written."""
    unit = vocabulary.unit(quantity.unit)
    if quantity.unit is None or unit == COUNT or unit == quantity.unit:
        return quantity
    return quantity.model_copy(update={"unit": unit})
