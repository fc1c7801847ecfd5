"""Chunking long articles and merging the claims found in overlapping chunks."""

from __future__ import annotations

import itertools

import pytest

from assistant.llm.chunking import Chunk, halve, merge_claims, split_text
from assistant.model import Claim, ClaimKind, Grounding, Quantity, Span

SENTENCES = [f"Sentence number {i} says that {i * 7} homes were damaged." for i in range(60)]
TEXT = "\n\n".join(" ".join(SENTENCES[i : i + 3]) for i in range(0, 60, 3))


def test_a_short_text_is_one_chunk() -> None:
    assert split_text("Short text.", size=1000, overlap=100) == [Chunk("Short text.", 0, 1, 1)]


def test_an_empty_text_has_no_chunks() -> None:
    assert split_text(" \n ", size=1000, overlap=100) == []


def test_chunks_cover_the_text_within_size_and_map_back_to_it() -> None:
    chunks = split_text(TEXT, size=800, overlap=150)
    assert len(chunks) > 3
    assert [c.part for c in chunks] == list(range(1, len(chunks) + 1))
    assert {c.parts for c in chunks} == {len(chunks)}
    assert chunks[0].start == 0 and chunks[-1].end == len(TEXT)
    for chunk, following in itertools.pairwise(chunks):
        assert TEXT[chunk.start : chunk.end] == chunk.text
        assert len(chunk.text) <= 800
        assert following.start < chunk.end  # they overlap ...
        assert following.start > chunk.start  # ... and always move on


def test_chunks_end_and_start_on_sentence_boundaries() -> None:
    for chunk in split_text(TEXT, size=800, overlap=150):
        assert chunk.text.startswith("Sentence number")
        assert chunk.text.rstrip().endswith(".")


def test_every_sentence_is_whole_in_some_chunk() -> None:
    chunks = split_text(TEXT, size=500, overlap=120)
    for sentence in SENTENCES:
        assert any(sentence in chunk.text for chunk in chunks)


def test_text_without_boundaries_is_still_cut() -> None:
    chunks = split_text("x" * 2500, size=1000, overlap=100)
    assert chunks[0].start == 0 and chunks[-1].end == 2500
    assert all(len(c.text) <= 1000 for c in chunks)
    assert all(b.start <= a.end for a, b in itertools.pairwise(chunks))


def test_overlap_must_be_less_than_half_the_size() -> None:
    with pytest.raises(ValueError, match="overlap"):
        split_text(TEXT, size=200, overlap=100)


def test_halve_splits_on_a_boundary_with_overlap() -> None:
    chunk = split_text(TEXT, size=800, overlap=150)[1]
    first, second = halve(chunk, overlap=150)
    assert first.start == chunk.start and second.end == chunk.end
    assert first.start < second.start < first.end
    assert TEXT[second.start : second.end] == second.text
    assert first.text.rstrip().endswith(".") and second.text.startswith("Sentence number")
    assert (first.part, first.parts) == (chunk.part, chunk.parts)


def make_claim(quote: str, span: tuple[int, int] | None) -> Claim:
    return Claim(
        id="x",
        article_id="a1",
        quote=quote,
        statement=quote,
        kind=ClaimKind.event,
        span=Span(start=span[0], end=span[1]) if span else None,
        grounding=Grounding.exact if span else Grounding.ungrounded,
    )


def test_merge_drops_duplicates_by_span_or_quote_and_renumbers_in_article_order() -> None:
    claims = [
        make_claim("B happened.", (50, 61)),
        make_claim("Not found.", None),
        make_claim("A happened.", (10, 21)),
        make_claim("B  happened.", (50, 61)),  # same span, from the next chunk
        make_claim("“A” said.", None),
        make_claim('"A" said.', None),  # same quote once folded
    ]
    merged = merge_claims("a1", claims)
    assert [(c.id, c.quote) for c in merged] == [
        ("a1#1", "A happened."),
        ("a1#2", "B happened."),
        ("a1#3", "Not found."),
        ("a1#4", "“A” said."),
    ]


def test_merge_keeps_one_claim_per_figure_of_a_sentence() -> None:
    quote = "The club made an eight-year offer worth $184 million."
    figures = [
        Quantity(value=8, unit="years", text="eight-year"),
        Quantity(value=184e6, unit="USD", text="$184 million"),
        Quantity(value=184e6, unit="USD", text="$184 million"),  # the next chunk's copy
    ]
    claims = [
        make_claim(quote, (0, len(quote))).model_copy(
            update={"kind": ClaimKind.quantity, "quantity": q}
        )
        for q in figures
    ]
    merged = merge_claims("a1", claims)
    assert [c.quantity.text for c in merged if c.quantity] == ["eight-year", "$184 million"]


def test_merge_keeps_two_equal_figures_of_a_sentence_apart_by_where_they_stand() -> None:
    quote = "A corner measuring 50m by 50m was alight."
    at = [quote.index("50m"), quote.rindex("50m")]

    def figure(start: int) -> Quantity:
        return Quantity(value=50, unit="m", text="50m", span=Span(start=start, end=start + 3))

    claims = [
        make_claim(quote, (0, len(quote))).model_copy(
            update={"kind": ClaimKind.quantity, "quantity": figure(start)}
        )
        for start in (*at, at[1])  # the second one again: the next chunk's copy
    ]
    merged = merge_claims("a1", claims)
    assert [c.quantity.span.start for c in merged if c.quantity and c.quantity.span] == at
