"""Both extractors together: the model's answer cross-checked by the offline extractor.

The offline extractor is deterministic and finds figures a small model misses; the model
reads context the rules cannot. ``HybridExtractor`` runs both on each article and:

- adds every figure the rules found that no model claim states (same place in the text,
  or, for a model figure with no place, the same value inside the same quote), with a
  warning saying it was found by rule;
- flags a model figure whose quote states a different number where the model put it
  (the rules' reading of that quote is added, the model's kept but named as unchecked);
- fills in the original source of a model claim that names none when the rules read one
  from the same sentence.

Verification disclaimers need no step here: ``convert`` already adds the hedges the
offline lexicon finds around each model claim. The result keeps the model's status: a
part the model failed on is still reported, even though the rules' figures for it are in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assistant.extract.base import Extractor
from assistant.extract.offline import OfflineExtractor
from assistant.llm.chunking import merge_claims
from assistant.model import (
    Article,
    Claim,
    ExtractionResult,
    Quantity,
    SourceLink,
    SourceRole,
    Span,
)


class HybridExtractor(Extractor):
    """``model`` cross-checked by the offline extractor; see the module docstring."""

    def __init__(self, model: Extractor) -> None:
        self._model = model
        self._rules = OfflineExtractor()
        self.name = f"{model.name}+rules"

    @property
    def on_progress(self) -> Callable[[str, int], None] | None:
        return self._model.on_progress

    @on_progress.setter
    def on_progress(self, hook: Callable[[str, int], None] | None) -> None:
        self._model.on_progress = hook  # the model's answer is what streams

    async def extract(self, article: Article) -> ExtractionResult:
        """The model's result with the rules' figures and sources; raises like ``model``."""
        result = await self._model.extract(article)
        ruled = self._rules.extract_claims(article)
        claims, warnings = cross_check(article, result.claims, ruled)
        return result.model_copy(
            update={
                "extractor": self.name,
                "claims": merge_claims(article.id, claims),
                "warnings": [*result.warnings, *warnings],
            }
        )

    def fingerprint(self) -> dict[str, object]:
        return {**self._model.fingerprint(), "extractor": self.name}

    async def prepare(self, articles: Sequence[Article]) -> None:
        await self._model.prepare(articles)

    async def aclose(self) -> None:
        await self._model.aclose()


def cross_check(
    article: Article, model: list[Claim], ruled: list[Claim]
) -> tuple[list[Claim], list[str]]:
    """The model's claims, amended and completed by the rules' claims, and warnings."""
    warnings: list[str] = []
    checked = [_with_source(claim, ruled, warnings) for claim in model]
    added: list[Claim] = []
    for rule in ruled:
        if rule.quantity is None or rule.span is None:
            continue
        if any(_states(claim, rule) for claim in checked):
            continue
        differing = [c for c in checked if _differs(c, rule)]
        for claim in differing:
            assert claim.quantity is not None
            warnings.append(
                f"figure {claim.quantity.text!r} of the model is not the number its quote "
                f"states there ({rule.quantity.text!r}): the rules' reading is added"
            )
        warnings.append(f"figure {rule.quantity.text!r} found by rule, not by the model")
        added.append(rule)
    return checked + added, warnings


def _states(claim: Claim, rule: Claim) -> bool:
    """True when the model claim states the rules' figure: at the same place, or the same
    value inside the same quote."""
    mine, theirs = claim.quantity, rule.quantity
    if mine is None or theirs is None or claim.span is None:
        return False
    if mine.span is not None and theirs.span is not None:
        # Placed figures meet only at their place: in "50m by 50m" the model's first 50
        # does not state the second.
        return _overlap(mine.span, theirs.span) and _same(mine, theirs)
    inside = theirs.span is not None and _within(theirs.span, claim.span)
    return inside and _same(mine, theirs)


def _same(a: Quantity, b: Quantity) -> bool:
    """The same number; a percentage and the fraction it is (50 percent, 0.5) count too."""

    def plain(q: Quantity) -> float:
        return q.value / 100 if q.unit == "percent" else q.value

    return any(
        abs(x - y) <= 1e-9 * max(1.0, abs(y)) for x, y in ((a.value, b.value), (plain(a), plain(b)))
    )


def _differs(claim: Claim, rule: Claim) -> bool:
    """True when the model claim gives a number for the rules' figure's place (called once
    ``_states`` said it is not that figure, so the number is another one)."""
    mine, theirs = claim.quantity, rule.quantity
    if mine is None or theirs is None or theirs.span is None or claim.span is None:
        return False
    if mine.span is not None:
        return _overlap(mine.span, theirs.span)
    # An unchecked figure (no place in the text) in a quote that states this one.
    return _within(theirs.span, claim.span)


def _with_source(claim: Claim, ruled: list[Claim], warnings: list[str]) -> Claim:
    if claim.span is None:
        return claim
    theirs = next(
        (
            link
            for rule in ruled
            if rule.span is not None and _overlap(rule.span, claim.span)
            for link in rule.attribution
            if link.role is SourceRole.original
        ),
        None,
    )
    if theirs is None:
        return claim
    if not any(link.role is SourceRole.original for link in claim.attribution):
        warnings.append(f"source {theirs.name!r} found by rule, not by the model")
        attribution = [*claim.attribution, SourceLink(name=theirs.name, role=theirs.role)]
        return claim.model_copy(update={"attribution": attribution})
    # A source both name is left as the model read it: the rules often read a reference
    # ("the company") where the model resolved it ("Sullmere Power").
    return claim


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _within(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end
