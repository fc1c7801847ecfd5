"""The offline extractor on a realistic multi-paragraph article."""

from __future__ import annotations

import pytest

from assistant.extract.offline import OfflineExtractor
from assistant.model import (
    Article,
    Bound,
    Certainty,
    Claim,
    ClaimKind,
    ExtractionStatus,
    HedgeKind,
    HedgeScope,
    Segment,
    SegmentTag,
    SourceRole,
    Span,
)

TEXT = """# Floods force thousands from their homes

LONDON (Reuters) - More than 1,000 people were evacuated overnight, the interior ministry said. 312 homes were damaged, of which 180 flooded and 97 were left without power. The figures could not be independently verified.

It was supposedly the worst flooding since records began. Officials said the dam had failed on Monday.

Nearly 300 soldiers have been deployed so far, according to the defence ministry. The death toll is expected to rise.

Photo: Rescuers carry a child in Kestwick, where 40 homes were flooded.
CLICK HERE to get 50 percent off our app
"""  # noqa: E501


def _article() -> Article:
    caption = TEXT.index("Photo:")
    promo = TEXT.index("CLICK HERE")
    return Article(
        id="ex",
        outlet="The Daily Example",
        text=TEXT,
        source="ex.md",
        segments=[
            Segment(span=Span(start=caption, end=promo), tag=SegmentTag.caption),
            Segment(span=Span(start=promo, end=len(TEXT)), tag=SegmentTag.promo),
        ],
    )


@pytest.fixture(scope="module")
def claims() -> list[Claim]:
    return OfflineExtractor().extract_claims(_article())


def _by_quote(claims: list[Claim], quote: str) -> Claim:
    (claim,) = [c for c in claims if c.quote == quote]
    return claim


def test_claims_in_text_order_with_exact_spans(claims: list[Claim]) -> None:
    assert [c.id for c in claims] == [f"ex#{n}" for n in range(1, len(claims) + 1)]
    for claim in claims:
        assert claim.span is not None
        assert TEXT[claim.span.start : claim.span.end] == claim.quote
    assert [c.quote for c in claims] == [
        "Floods force thousands from their homes",
        "More than 1,000 people were evacuated overnight, the interior ministry said.",
        "312 homes were damaged",
        # "180 flooded" alone is a fragment: a figure's quote has three words at least.
        "312 homes were damaged, of which 180 flooded and 97 were left without power.",
        "97 were left without power",
        "It was supposedly the worst flooding since records began.",
        "Officials said the dam had failed on Monday.",
        "Nearly 300 soldiers have been deployed so far, according to the defence ministry.",
        "The death toll is expected to rise.",
        "Photo: Rescuers carry a child in Kestwick, where 40 homes were flooded.",
    ]


def test_figures_carry_bound_unit_metric_and_period(claims: list[Claim]) -> None:
    evacuated = _by_quote(claims, claims[1].quote)
    assert evacuated.kind is ClaimKind.quantity
    assert evacuated.quantity is not None
    assert (evacuated.quantity.value, evacuated.quantity.bound, evacuated.quantity.unit) == (
        1000,
        Bound.more_than,
        "people",
    )
    assert evacuated.metric == "people evacuated"
    assert evacuated.period is not None and evacuated.period.text == "overnight"

    soldiers = _by_quote(claims, claims[7].quote)
    assert soldiers.quantity is not None and soldiers.quantity.bound is Bound.about
    assert soldiers.period is not None
    assert (soldiers.period.text, soldiers.period.cumulative) == ("so far", True)


def test_one_claim_per_figure_with_the_noun_carried_over(claims: list[Claim]) -> None:
    parts = [c for c in claims if c.quantity and c.quantity.value in (312, 180, 97)]
    assert [(c.quantity.value if c.quantity else None) for c in parts] == [312, 180, 97]
    assert [c.quantity.unit if c.quantity else None for c in parts] == ["home"] * 3
    assert [c.metric for c in parts] == ["homes damaged", "homes flooded", "homes without power"]
    assert parts[1].statement == "180 homes flooded."


def test_attribution_chain_runs_from_outlet_through_wire_to_source(claims: list[Claim]) -> None:
    chain = [(link.role, link.name) for link in claims[1].attribution]
    assert chain == [
        (SourceRole.outlet, "The Daily Example"),
        (SourceRole.intermediary, "Reuters"),
        (SourceRole.original, "the interior ministry"),
    ]
    officials = _by_quote(claims, "Officials said the dam had failed on Monday.")
    assert officials.kind is ClaimKind.attribution
    assert officials.attribution[-1].name == "officials"
    assert officials.subject == "the dam"
    assert officials.certainty is Certainty.attributed


def test_disclaimer_covers_two_sentences_back_but_not_the_next_paragraph(
    claims: list[Claim],
) -> None:
    def disclaimers(c: Claim) -> list[tuple[str, HedgeScope]]:
        return [(h.cue, h.scope) for h in c.hedges if h.kind is HedgeKind.verification_disclaimer]

    covered = ("could not be independently verified", HedgeScope.preceding)
    for claim in claims[1:5]:
        assert disclaimers(claim) == [covered]
        assert claim.certainty is Certainty.unverified
        assert claim.paragraph == 1
    assert claims[1].sentence == 1  # two sentences before the disclaimer in sentence 3
    for claim in claims[5:]:
        assert disclaimers(claim) == []


def test_hedges_and_certainty(claims: list[Claim]) -> None:
    evacuated = claims[1]
    kinds = {(h.kind, h.cue) for h in evacuated.hedges}
    assert (HedgeKind.approximator, "More than") in kinds
    assert (HedgeKind.attribution_only, "said") in kinds

    worst = _by_quote(claims, "It was supposedly the worst flooding since records began.")
    assert worst.kind is ClaimKind.comparison
    assert [(h.kind, h.cue) for h in worst.hedges] == [(HedgeKind.evidential, "supposedly")]
    assert worst.certainty is Certainty.unverified

    toll = _by_quote(claims, "The death toll is expected to rise.")
    assert toll.kind is ClaimKind.prediction
    assert toll.certainty is Certainty.hedged


def test_segments_caption_kept_promo_skipped(claims: list[Claim]) -> None:
    caption = claims[-1]
    assert caption.segment is SegmentTag.caption
    assert caption.location == "Kestwick"
    assert caption.quantity is not None and caption.quantity.value == 40
    assert not any("CLICK" in c.quote for c in claims)
    assert claims[0].segment is SegmentTag.body  # untagged headline line
    assert claims[0].quantity is not None and claims[0].quantity.bound is Bound.at_least


def test_figures_rank_above_plain_statements(claims: list[Claim]) -> None:
    officials = _by_quote(claims, "Officials said the dam had failed on Monday.")
    assert all(c.check_worthiness > officials.check_worthiness for c in claims[1:5])


def test_pronoun_source_is_resolved_to_the_last_named_one() -> None:
    text = "Dr Ann Lee said 57 people were treated. She said 12 were children."
    article = Article(id="p", text=text, source="p.txt")
    _, second = OfflineExtractor().extract_claims(article)
    assert second.attribution[-1].name == "Dr Ann Lee"
    assert second.statement == "Dr Ann Lee said 12 were children."


def test_deterministic() -> None:
    first = OfflineExtractor().extract_claims(_article())
    second = OfflineExtractor().extract_claims(_article())
    assert [c.model_dump() for c in first] == [c.model_dump() for c in second]


async def test_extract_wraps_the_claims_in_a_result() -> None:
    result = await OfflineExtractor().extract(_article())
    assert (result.article_id, result.extractor, result.status) == (
        "ex",
        "offline",
        ExtractionStatus.ok,
    )
    assert len(result.claims) == 10
    assert result.usage.calls == 0


async def test_empty_and_odd_texts_give_no_claims() -> None:
    for text in ("", "   \n\n  ", "????", "1. 2. 3.", "{{ 7*7 }} {% if %}"):
        result = await OfflineExtractor().extract(Article(id="o", text=text, source="o"))
        assert result.claims == []


def test_quotes_and_cues_match_their_spans_on_scrambled_text() -> None:
    """Whatever the text, every quote and every cue is exactly the text at its span."""
    import random

    tokens = [
        "1,000",
        "$4.5 million",
        "more than",
        "between 3 and",
        "a third of",
        "hundreds of",
        "people",
        "homes",
        "said",
        "the ministry",
        ",",
        ".",
        "?",
        '"',
        "“",
        "”",
        "Reuters",
        "according to",
        "citing",
        "These figures could not be verified.",
        "reportedly",
        "may",
        "March 3",
        "2026",
        "Mr.",
        "U.S.",
        "\n",
        "\n\n",
        "\r\n",
        "# ",
        "twenty-three",
        "Kestwick",
        "so far",
        "He",
        "told",
        "the worst",
        "expected to",
        "{{ 7*7 }}",
        "\u00a0",
        "Jane Doe, a spokeswoman,",
        "which",
        "were",
        "claims",
        "put the number of",
    ]
    rng = random.Random(20260303)
    extractor = OfflineExtractor()
    for _ in range(300):
        text = " ".join(rng.choice(tokens) for _ in range(rng.randint(0, 40)))
        for claim in extractor.extract_claims(Article(id="f", text=text, source="f")):
            assert claim.span is not None
            assert text[claim.span.start : claim.span.end] == claim.quote
            for hedge in claim.hedges:
                assert hedge.span is not None
                assert text[hedge.span.start : hedge.span.end] == hedge.cue


def _figures(text: str) -> list[tuple[str, str | None]]:
    article = Article(id="f", text=text, source="f.txt")
    return [
        (c.quantity.text, c.quantity.unit)
        for c in OfflineExtractor().extract_claims(article)
        if c.quantity is not None
    ]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("The tremor struck 12 km (7 miles) under the bay.", [("12", "km")]),
        ("Crews pumped 900 litres (about 240 gallons) an hour.", [("900", "litre")]),
        ("The museum paid $2 million (£1.6 million) for it.", [("$2 million", "USD")]),
        # Pounds converted into kilograms were a weight, not sterling.
        ("The laptop weighs 2.38 pounds (1.08 kg).", [("2.38 pounds", "lb")]),
        # An aside that says more than the figure is not a conversion (and "10-year" is a
        # figure of its own: a duration, in the gold's definition).
        (
            "She is a 10-year veteran (8 years in the army) of the force.",
            [("10-year", "years"), ("8", "years")],
        ),
    ],
)
def test_a_unit_conversion_in_brackets_is_not_a_second_figure(
    text: str, figures: list[tuple[str, str | None]]
) -> None:
    assert _figures(text) == figures


async def test_every_cue_of_the_article_is_listed_with_its_sentence() -> None:
    text = (
        "Police believe the fire was set. 40 homes burned.\n\n"
        "It is unclear whether anyone was inside, the mayor said."
    )
    result = await OfflineExtractor().extract(Article(id="c", text=text, source="c.txt"))
    listed = [(c.cue, c.kind, c.sentence) for c in result.hedges]
    assert listed == [
        ("believe", HedgeKind.epistemic_modal, "Police believe the fire was set."),
        ("unclear", HedgeKind.epistemic_modal, listed[1][2]),
        ("whether", HedgeKind.conditional, listed[1][2]),
    ]
    assert listed[1][2] == "It is unclear whether anyone was inside, the mayor said."


def test_a_figure_whose_clause_is_a_fragment_quotes_its_sentence() -> None:
    text = "Ruiz hit .308, with 33 homers and 121 runs batted in."
    article = Article(id="q", text=text, source="q.txt")
    quotes = {c.quote for c in OfflineExtractor().extract_claims(article) if c.quantity}
    assert all(len(q.split()) >= 3 for q in quotes)


def _disclaimed(text: str) -> dict[str, bool]:
    """Each figure claim's number -> whether a verification disclaimer covers it."""
    article = Article(id="d", text=text, source="d.txt")
    return {
        c.quantity.text: any(h.kind is HedgeKind.verification_disclaimer for h in c.hedges)
        for c in OfflineExtractor().extract_claims(article)
        if c.quantity is not None
    }


def test_a_disclaimer_in_a_paragraph_of_its_own_covers_the_paragraph_before() -> None:
    text = (
        "Rebel commanders said 40 soldiers were killed in the raid.\n\n"
        "The figures could not be independently verified.\n\n"
        "Aid workers said 300 families had fled."
    )
    assert _disclaimed(text) == {"40": True, "300": False}


def test_a_disclaimer_covers_what_its_own_sentence_adds_after_it() -> None:
    text = (
        "These figures could not be independently verified, but the army is also "
        "claiming 120 fighters were killed."
    )
    assert _disclaimed(text) == {"120": True}


def test_each_figure_knows_where_its_number_stands() -> None:
    text = "A corner measuring 50m by 50m burned. More than 2,000 people fled."
    article = Article(id="s", text=text, source="s.txt")
    placed = [
        text[c.quantity.span.start : c.quantity.span.end]
        for c in OfflineExtractor().extract_claims(article)
        if c.quantity is not None and c.quantity.span is not None
    ]
    assert placed == ["50m", "50m", "More than 2,000"]


def test_a_price_on_a_line_of_its_own_is_a_figure_and_a_list_marker_is_not() -> None:
    text = "The final price tag?\n$2199.\n1. 2. 3."
    article = Article(id="p", text=text, source="p.txt")
    assert [c.quote for c in OfflineExtractor().extract_claims(article)] == ["$2199."]


def test_a_question_asserts_no_figure() -> None:
    text = "Should the club pay more than $25 million a season? It paid $20 million last year."
    article = Article(id="q", text=text, source="q.txt")
    figures = [c.quantity.text for c in OfflineExtractor().extract_claims(article) if c.quantity]
    assert figures == ["$20 million"]


def test_a_line_the_story_repeats_later_is_claimed_once_where_the_story_states_it() -> None:
    text = (
        "Rescuers found 12 survivors in the flooded mine\n"
        "The mine flooded on Monday.\n"
        "Rescuers found 12 survivors in the flooded mine."
    )
    article = Article(id="r", text=text, source="r.txt")
    (claim,) = [c for c in OfflineExtractor().extract_claims(article) if c.quantity]
    assert claim.span is not None and claim.span.start == text.rindex("Rescuers")


def test_a_count_of_the_sources_is_not_a_figure_of_the_story() -> None:
    text = "Two of the officials said 14 packages were found, according to three witnesses."
    article = Article(id="w", text=text, source="w.txt")
    figures = [c.quantity.text for c in OfflineExtractor().extract_claims(article) if c.quantity]
    assert figures == ["14"]


def test_an_evidential_that_qualifies_a_noun_does_not_doubt_the_figures() -> None:
    text = "The alleged gunman killed five people. He allegedly stole $5 million."
    article = Article(id="g", text=text, source="g.txt")
    doubted = {
        c.quantity.text: [h.cue for h in c.hedges if h.kind is HedgeKind.evidential]
        for c in OfflineExtractor().extract_claims(article)
        if c.quantity is not None
    }
    assert doubted == {"five": [], "$5 million": ["allegedly"]}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Four people died in Arlen on Sunday, police said.", "Arlen"),
        ("In Brisk, officials said 40 homes were flooded.", "Brisk"),
        ("Crews reached Holm, where 40 homes were flooded.", None),  # not "in Holm,"
        ("Rescuers worked in Holm, where 40 homes were flooded.", "Holm"),
        # a place further on places something else: "most of them", a clause of its own
        ("Twelve people died on Monday, most of them near Fenholt.", None),
        ("Nine people died on Monday as the river flooded towns in Ostley.", None),
        # a kind of place, named after "of"
        ("In the Kazmiri region of Drusk, four people were wounded.", "Drusk"),
        ("Drones hit the market, wounding 31 in the border city of Velna.", "Velna"),
        # a place only pointed back to is kept as written, for the rules to doubt
        ("The governor said 14 people had died in the state.", "the state"),
        ("Officials said 300 schools were closed statewide.", "the state"),
        ("Some 2,000 people were evacuated across the country, officials said.", "the country"),
    ],
)
def test_the_place_of_a_figure_is_where_it_was_counted(text: str, place: str | None) -> None:
    (claim,) = [
        c
        for c in OfflineExtractor().extract_claims(Article(id="p", text=text, source="p.txt"))
        if c.quantity is not None
    ]
    assert claim.location == place
