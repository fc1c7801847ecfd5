"""schema.org ClaimReview JSON-LD: one review for every claim the editor gave a verdict.

Each review carries ``claimReviewed`` (the claim's self-contained statement),
``reviewRating`` on the newsroom's own rating scale (``RatingScale``, configurable in
the config file's ``[claimreview]`` table), ``itemReviewed`` (a ``Claim`` whose author
is the outlet, with its date and, when the article has a URL, its ``appearance``),
``author`` (the newsroom), ``datePublished`` (the day of the verdict) and, when the
editor wrote one, the note as ``reviewBody``. Claims without a verdict are left out.

Only ``@context`` names schema.org; nothing else is added from outside the report.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field

from assistant.model import Claim, Verdict
from assistant.report.model import ArticleInfo, EditorDecision, Report
from assistant.report.stories import story_labels
from assistant.text import one_line

REQUIRED = ("claimReviewed", "reviewRating", "itemReviewed", "author", "datePublished")


class Rating(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="The rating as readers see it: 'False', 'Misleading'.")
    value: int | None = Field(
        default=None, description="Its place on the scale; none for a rating off the scale."
    )


class RatingScale(BaseModel):
    """The newsroom's rating scale for ClaimReview, and who publishes the reviews."""

    model_config = ConfigDict(extra="forbid")

    author: str = Field(default="Fact-check desk", description="The newsroom, as reviewer.")
    author_url: str | None = Field(default=None, description="The newsroom's home page.")
    review_url: str | None = Field(
        default=None,
        description="Where each review is published, with {claim_id} for the claim: "
        "'https://desk.example/checks/{claim_id}'. Search engines ask for it.",
    )
    best: int = Field(default=5, description="bestRating: the most accurate value.")
    worst: int = Field(default=1, description="worstRating: the least accurate value.")
    ratings: dict[Verdict, Rating] = Field(
        default_factory=lambda: {
            Verdict.accurate: Rating(name="True", value=5),
            Verdict.needs_context: Rating(name="Needs context", value=4),
            Verdict.misleading: Rating(name="Misleading", value=2),
            Verdict.inaccurate: Rating(name="False", value=1),
            Verdict.unverifiable: Rating(name="Unverifiable"),
        },
        description="Our verdicts on the newsroom's scale; a verdict not listed is named as is.",
    )


def _rating(verdict: Verdict, scale: RatingScale) -> dict[str, Any]:
    rating = scale.ratings.get(verdict, Rating(name=verdict.value.replace("_", " ")))
    out: dict[str, Any] = {"@type": "Rating", "alternateName": rating.name}
    if rating.value is not None:
        out |= {"ratingValue": rating.value, "bestRating": scale.best, "worstRating": scale.worst}
    return out


def _organization(name: str, url: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "Organization", "name": name}
    if url:
        out["url"] = url
    return out


def _review(
    claim: Claim, article: ArticleInfo | None, decision: EditorDecision, scale: RatingScale
) -> dict[str, Any]:
    assert decision.verdict is not None
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": _organization(
            one_line((article.outlet if article else None) or claim.article_id)
        ),
    }
    if article is not None and article.published is not None:
        item["datePublished"] = article.published.isoformat()
    if article is not None and article.url and article.url.startswith(("https://", "http://")):
        appearance = {"@type": "CreativeWork", "url": article.url}
        if article.title:
            appearance["headline"] = one_line(article.title)
        item["appearance"] = [appearance]
        item["firstAppearance"] = appearance
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": claim.id,
        "claimReviewed": one_line(claim.statement),
        "reviewRating": _rating(decision.verdict, scale),
        "itemReviewed": item,
        "author": _organization(scale.author, scale.author_url),
    }
    if scale.review_url:
        review["url"] = scale.review_url.replace("{claim_id}", quote(claim.id, safe=""))
    if decision.decided_at is not None:
        review["datePublished"] = decision.decided_at.date().isoformat()
    if decision.note:
        review["reviewBody"] = decision.note
    return review


def claim_reviews(report: Report, scale: RatingScale | None = None) -> list[dict[str, Any]]:
    """One ClaimReview per claim with an editor verdict, in report order."""
    # In a batch of several stories, each review names its own.
    found = article_reviews(report, scale or RatingScale(), story_labels(report))
    return [review for _, reviews in found for review in reviews]


def article_reviews(
    report: Report, scale: RatingScale, labels: Mapping[str, str]
) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(article id, the ClaimReviews of its claims) for every input with a claim the
    editor gave a verdict, in report order; ``labels`` names each article's story
    (``story_labels``), when the batch has several."""
    decisions = {d.claim_id: d for d in report.decisions if d.verdict is not None}
    if not decisions:
        return
    for entry in report.inputs:
        reviews = []
        for claim in entry.claims:
            if claim.id in decisions:
                review = _review(claim, entry.article, decisions[claim.id], scale)
                if claim.article_id in labels:
                    review["about"] = {"@type": "Thing", "name": labels[claim.article_id]}
                reviews.append(review)
        if reviews:
            yield entry.article.id if entry.article else entry.source, reviews


def render_claimreview(report: Report, scale: RatingScale | None = None) -> str:
    """The reviews as one JSON-LD document (an ``@graph``; empty when nothing is decided)."""
    return document(claim_reviews(report, scale))


def document(reviews: list[dict[str, Any]]) -> str:
    """``reviews`` as one JSON-LD document."""
    graph = {"@context": "https://schema.org", "@graph": reviews}
    return json.dumps(graph, indent=2, ensure_ascii=False) + "\n"
