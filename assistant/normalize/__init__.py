"""Normalisation: the facts of a claim in the forms the rules compare.

Pure functions over the domain model. ``normalize_claims`` returns copies of the claims
with:

- ``metric_key``: the canonical metric ("deaths" for "dead", "killed", "people died"),
  refined by what the quote says around the figure (``facets.py``: "river rise" for "the
  river rose by 3.1 metres", "deaths in road accident"); none for a phrase that only names
  what is counted ("residents");
- ``quantity.unit``: the canonical unit ("USD" for "dollars", "percent" for "per cent");
- ``period``: resolved against the article's publication date (``periods.py``), forward
  for predictions and future tense ("will stay closed until Friday");
- ``attribution[].canonical``: the canonical origin of every source link (``sources.py``);
- ``sentence`` / ``paragraph``: computed from the span when the extractor gave none.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.model import Article, Claim, Quantity
from assistant.normalize.config import MetricEntry, NormalizeConfig
from assistant.normalize.facets import refine
from assistant.normalize.layout import Layout
from assistant.normalize.lexical import key_phrase
from assistant.normalize.numbers import CURRENCIES, TIME_UNITS, singular
from assistant.normalize.periods import PeriodKey, is_forward, period_key, resolve_period
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
            "metric_key": _metric_key(claim, vocabulary),
            "attribution": [
                link.model_copy(update={"canonical": vocabulary.source(link.name)})
                for link in claim.attribution
            ],
        }
        if claim.quantity is not None:
            update["quantity"] = _canonical_unit(claim.quantity, vocabulary)
        if claim.period is not None:
            update["period"] = resolve_period(
                claim.period,
                article.published if article else None,
                forward=is_forward(claim.kind, claim.quote, claim.period.text),
            )
        if article is not None and claim.span is not None:
            where = layout(article)
            if claim.sentence is None:
                update["sentence"] = where.sentence_at(claim.span.start)
            if claim.paragraph is None:
                update["paragraph"] = where.paragraph_at(claim.span.start)
        normalized.append(claim.model_copy(update=update))
    return normalized


def _metric_key(claim: Claim, vocabulary: Vocabulary) -> str | None:
    """The canonical metric refined by the quote; None when there is no real metric."""
    if not claim.metric or vocabulary.names_only_what_is_counted(claim.metric):
        return None
    quantity = claim.quantity
    if (
        quantity is not None
        and quantity.unit
        and key_phrase(claim.metric) == key_phrase(quantity.unit)
        and not vocabulary.is_listed_metric(key_phrase(claim.metric))
    ):
        return None  # "two women": who is counted, not what happened to them
    measure = quantity is not None and vocabulary.is_measure(vocabulary.unit(quantity.unit))
    figure = quantity.text if quantity is not None else None
    canonical = vocabulary.metric(claim.metric)
    money = quantity is not None and vocabulary.unit(quantity.unit) in CURRENCIES
    if canonical in _MONEY_METRICS and not money:
        canonical = key_phrase(claim.metric)  # "three losses" in a fight record: no money
    key = refine(canonical, claim.metric, claim.quote, figure, measure)
    if quantity is not None and quantity.unit and singular(quantity.unit) in TIME_UNITS:
        # "months served", "days served": the time unit is the unit, not what happened.
        rest = [w for w in key.split() if singular(w) not in TIME_UNITS]
        key = " ".join(rest) or key
    return key


# Listed metrics that are sums of money: a figure in no currency is something else.
_MONEY_METRICS = frozenset({"damage cost"})


def _canonical_unit(quantity: Quantity, vocabulary: Vocabulary) -> Quantity:
    """Measures get their canonical unit; count nouns ("people") keep the word as written."""
    unit = vocabulary.unit(quantity.unit)
    if quantity.unit is None or unit == COUNT or unit == quantity.unit:
        return quantity
    return quantity.model_copy(update={"unit": unit})
