"""A schema-valid answer for a chunk no fixture covers, built from the offline extractor.

The offline extractor is deterministic, so the same chunk always gets the same answer, and
its quotes are slices of the chunk, so they ground. The domain claims are mapped back into
the lenient LLM schema the way a model would have written them.
"""

from __future__ import annotations

from typing import Any

from assistant.extract.offline import OfflineExtractor
from assistant.ingest.lines import tag_segments
from assistant.llm.schema import ClaimExtraction, LLMClaim, LLMHedge, LLMQuantity
from assistant.model import Article, Claim, SourceRole


def synthesize(chunk: str) -> dict[str, Any]:
    """ClaimExtraction JSON for ``chunk``, as a model would answer it."""
    # Tagging promos, footers and captions lets the offline extractor skip them, as the
    # prompt tells a model to; the chunk text itself is left exactly as it was sent.
    article = Article(id="mock", text=chunk, source="mock", segments=tag_segments(chunk))
    claims = OfflineExtractor().extract_claims(article)
    extraction = ClaimExtraction(claims=[_to_llm(claim) for claim in claims])
    return extraction.model_dump(mode="json", exclude_none=True)


def _to_llm(claim: Claim) -> LLMClaim:
    quantity = claim.quantity
    return LLMClaim(
        quote=claim.quote,
        statement=claim.statement,
        kind=claim.kind.value,
        subject=claim.subject,
        metric=claim.metric,
        quantities=[]
        if quantity is None
        else [
            LLMQuantity(
                value=quantity.value,
                upper=quantity.upper,
                bound=quantity.bound.value,
                unit=quantity.unit,
                text=quantity.text,
            )
        ],
        period=claim.period.text if claim.period else None,
        location=claim.location,
        source=_first(claim, SourceRole.original),
        via=_first(claim, SourceRole.intermediary),
        hedges=[LLMHedge(cue=h.cue, kind=h.kind.value, scope=h.scope.value) for h in claim.hedges],
        check_worthiness=claim.check_worthiness,
    )


def _first(claim: Claim, role: SourceRole) -> str | None:
    return next((link.name for link in claim.attribution if link.role is role), None)
