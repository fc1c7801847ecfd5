"""The hybrid cross-check: the rules' figures the model did not state are added."""

from __future__ import annotations

from datetime import date

from assistant.llm.hybrid import cross_check
from assistant.model import Article, Claim, ClaimKind, Quantity, Span

TEXT = "A corner of the store measuring 50m by 50m was well alight."


def _claim(n: int, at: int) -> Claim:
    figure = Quantity(value=50, unit="m", text="50m", span=Span(start=at, end=at + 3))
    return Claim(
        id=f"a#{n}",
        article_id="a",
        quote=TEXT,
        span=Span(start=0, end=len(TEXT)),
        statement=TEXT,
        kind=ClaimKind.quantity,
        quantity=figure,
    )


def test_the_same_value_twice_in_one_quote_is_two_figures() -> None:
    article = Article(id="a", text=TEXT, source="a.md", published=date(2026, 3, 3))
    first, second = TEXT.index("50m"), TEXT.rindex("50m")

    claims, warnings = cross_check(
        article, [_claim(1, first)], [_claim(1, first), _claim(2, second)]
    )

    assert sorted(c.quantity.span.start for c in claims if c.quantity and c.quantity.span) == [
        first,
        second,
    ]
    assert warnings == ["figure '50m' found by rule, not by the model"]
