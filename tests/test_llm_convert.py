"""Converting the model's lenient answer into domain claims, checked against the text."""

from __future__ import annotations

from typing import Any

from assistant.llm.chunking import Chunk
from assistant.llm.convert import to_domain
from assistant.llm.schema import ClaimExtraction
from assistant.model import (
    Article,
    Bound,
    Certainty,
    Claim,
    ClaimKind,
    Grounding,
    HedgeKind,
    HedgeScope,
)

TEXT = (
    "Officials said 2,417 people were evacuated.\n\n"
    "Rebels claimed “dozens” of soldiers were killed in the attack.\n\n"
    "These figures could not be independently verified.\n\n"
    "A fourth paragraph.\n\n"
    "Officials said 2,417 people were evacuated."
)
ARTICLE = Article(id="a1", outlet="Daily Planet", source="t", text=TEXT)


def convert(*claims: dict[str, Any], article: Article = ARTICLE) -> tuple[list[Claim], list[str]]:
    filled = [{"statement": c["quote"], **c} for c in claims]
    return to_domain(ClaimExtraction.model_validate({"claims": filled}), article)


def test_quote_is_taken_from_the_article_as_written() -> None:
    (claim,), warnings = convert({"quote": 'Rebels claimed "dozens" of soldiers'})
    assert claim.quote == "Rebels claimed “dozens” of soldiers"
    assert claim.grounding is Grounding.normalized and warnings == []
    assert claim.paragraph == 1


def test_a_repeated_quote_maps_to_the_occurrence_nearest_the_previous_claim() -> None:
    quote = "Officials said 2,417 people were evacuated."
    claims, _ = convert({"quote": "A fourth paragraph."}, {"quote": quote})
    assert [c.span.start for c in claims if c.span] == [TEXT.index("A fourth"), TEXT.rindex(quote)]
    assert [c.paragraph for c in claims] == [3, 4]


def test_spans_of_a_chunk_are_mapped_to_the_article() -> None:
    start = TEXT.index("Rebels")
    chunk = Chunk(text=TEXT[start:], start=start, part=2, parts=2)
    answer = ClaimExtraction.model_validate({"claims": [{"quote": "A fourth", "statement": "s"}]})
    (claim,), _ = to_domain(answer, ARTICLE, chunk)
    assert claim.span is not None and TEXT[claim.span.start : claim.span.end] == "A fourth"


def test_unknown_kinds_fall_back_with_a_warning_and_synonyms_are_understood() -> None:
    claims, warnings = convert(
        {"quote": "A fourth paragraph.", "kind": "Gossip"},
        {"quote": "Officials said", "kind": "Statistic"},
    )
    assert [c.kind for c in claims] == [ClaimKind.event, ClaimKind.quantity]
    assert warnings == ["unknown claim kind 'gossip', read as 'event'"]


def test_quantities_are_read_from_the_number_as_written() -> None:
    claims, warnings = convert(
        {"quote": "2,417 people", "quantity": {"value": "2,417", "unit": "people"}},
        {"quote": "Officials said", "quantity": {"value": 2000, "text": "more than 2,000"}},
        {"quote": "A fourth", "quantity": {"value": 300, "bound": "Roughly"}},
        {"quote": "evacuated.", "quantity": {"value": "a record number"}},
    )
    first, second, third, fourth = (c.quantity for c in claims)
    assert first is not None and (first.value, first.bound, first.unit) == (
        2417,
        Bound.exact,
        "people",
    )
    assert first.span is not None and TEXT[first.span.start : first.span.end] == "2,417"
    # Not numbers of their quotes: the model's reading is kept, and flagged.
    assert second is not None and (second.value, second.bound) == (2000, Bound.more_than)
    assert second.text == "more than 2,000"
    assert third is not None and (third.value, third.bound, third.text) == (300, Bound.about, "300")
    assert fourth is None
    assert warnings == [
        "figure 'more than 2,000' is not a number of its quote: the model's reading is kept "
        "unchecked",
        "figure '300' is not a number of its quote: the model's reading is kept unchecked",
        "figure 'a record number' not read, dropped (its claim kept)",
    ]


BOUNDS_TEXT = (
    "At least 1,200 people were evacuated, nearly 300 homes were flooded and about 40 "
    "roads closed, officials said."
)


def test_the_bound_is_read_from_the_quoted_text_not_from_the_model() -> None:
    article = Article(id="b", outlet="Daily Planet", source="t", text=BOUNDS_TEXT)
    figures = [
        {"value": 1200, "bound": "exact", "text": "1,200", "unit": "people"},
        {"value": 300, "bound": "exact", "unit": "homes"},
        {"value": 40, "bound": "exact"},
    ]
    claims, _ = convert({"quote": BOUNDS_TEXT, "quantities": figures}, article=article)
    assert [
        (c.quantity.value, c.quantity.bound, c.quantity.text) for c in claims if c.quantity
    ] == [
        (1200, Bound.at_least, "At least 1,200"),
        (300, Bound.about, "nearly 300"),
        (40, Bound.about, "about 40"),
    ]
    assert [c.id for c in claims] == ["b#1", "b#2", "b#3"]  # a claim per figure


def test_a_figure_without_a_value_costs_that_figure_only() -> None:
    article = Article(id="b", outlet="Daily Planet", source="t", text=BOUNDS_TEXT)
    figures = [{"value": None, "unit": "people"}, {"value": 300, "unit": "homes"}]
    claims, warnings = convert(
        {"quote": BOUNDS_TEXT, "quantities": figures},
        {"quote": "officials said", "quantity": {"value": None}},
        article=article,
    )
    assert [c.quantity.value if c.quantity else None for c in claims] == [300, None]
    assert warnings == [
        "figure with no value not read, dropped (its claim kept)",
        "figure with no value not read, dropped (its claim kept)",
    ]


def test_via_is_not_the_own_outlet_nor_a_name_only_quoted() -> None:
    text = (
        'A reader wrote: "I saw it on the Valley Gazette first." Officials said 40 homes '
        "burned, Reuters reported."
    )
    article = Article(id="v", outlet="Daily Planet", source="t", text=text)
    claims, warnings = convert(
        {"quote": "Officials said 40 homes burned", "via": "Valley Gazette"},
        {"quote": "Officials said 40 homes burned", "via": "daily planet"},
        {"quote": "Officials said 40 homes burned", "via": "Reuters"},
        article=article,
    )
    assert [[s.name for s in c.attribution if s.role.value == "intermediary"] for c in claims] == [
        [],
        [],
        ["Reuters"],
    ]
    assert warnings == [
        "via 'Valley Gazette' is named only inside a quotation, dropped",
        "via 'daily planet' is the article's own outlet, not a wire",
    ]


def test_a_hedge_cue_must_be_one_the_lexicon_recognises_there() -> None:
    text = "The city sustained a total of 40 million in damage, and costs could rise."
    article = Article(id="h", source="t", text=text)
    (claim,), warnings = convert(
        {
            "quote": text,
            "hedges": [
                {"cue": "sustained", "kind": "evidential"},
                {"cue": "total", "kind": "approximator"},
                {"cue": "could", "kind": "epistemic_modal"},
            ],
        },
        article=article,
    )
    assert [h.cue for h in claim.hedges] == ["could"]
    assert warnings == [
        "hedge cue not recognised as a hedge in its context, dropped: 'sustained'",
        "hedge cue not recognised as a hedge in its context, dropped: 'total'",
    ]


def test_attribution_runs_from_outlet_through_intermediary_to_source() -> None:
    wire = ARTICLE.model_copy(update={"text": TEXT + "\n\nWith reporting by AFP."})
    (claim,), _ = convert(
        {"quote": "Rebels claimed", "source": "rebels", "via": " AFP "}, article=wire
    )
    assert [(s.name, s.role.value) for s in claim.attribution] == [
        ("Daily Planet", "outlet"),
        ("AFP", "intermediary"),
        ("rebels", "original"),
    ]
    # "claimed" is an evidential: the outlet does not vouch for what the rebels claim.
    assert claim.certainty is Certainty.unverified


def test_a_wire_the_article_never_names_is_dropped() -> None:
    # A small model copies the prompt's example into every answer: "via Reuters".
    (claim,), warnings = convert({"quote": "Rebels claimed", "source": "rebels", "via": "Reuters"})
    assert [(s.name, s.role.value) for s in claim.attribution] == [
        ("Daily Planet", "outlet"),
        ("rebels", "original"),
    ]
    assert "via 'Reuters' is not named in the article, dropped" in warnings


def test_a_claim_with_no_source_is_asserted_by_the_outlet() -> None:
    (claim,), _ = convert({"quote": "A fourth paragraph."})
    assert [s.role.value for s in claim.attribution] == ["outlet"]
    assert claim.certainty is Certainty.asserted


def test_hedge_cues_are_located_near_the_claim_and_decide_certainty() -> None:
    hedge = {
        "cue": "could not be independently verified",
        "kind": "Disclaimer",
        "scope": "Preceding",
    }
    (claim,), warnings = convert({"quote": "Rebels claimed", "hedges": [hedge]})
    assert warnings == []
    cue = next(h for h in claim.hedges if h.cue == "could not be independently verified")
    assert cue.kind is HedgeKind.verification_disclaimer and cue.scope is HedgeScope.preceding
    assert cue.span is not None and TEXT[cue.span.start : cue.span.end] == cue.cue
    assert claim.certainty is Certainty.unverified


def test_hedge_cues_not_in_the_text_or_far_away_are_dropped_with_a_warning() -> None:
    hedges = [
        {"cue": "allegedly", "kind": "evidential"},
        {"cue": "could not be independently verified", "kind": "verification_disclaimer"},
    ]
    (claim,), warnings = convert({"quote": "2,417 people were evacuated", "hedges": hedges})
    assert [
        h.cue for h in claim.hedges if h.cue in ("allegedly", "could not be independently verified")
    ] == []
    assert warnings == [
        "hedge cue not found near its claim, dropped: 'allegedly'",
        "hedge cue not found near its claim, dropped: 'could not be independently verified'",
    ]


def test_an_ungrounded_claim_is_kept_without_span_with_a_warning() -> None:
    (claim,), warnings = convert({"quote": "Nobody was evacuated."})
    assert claim.grounding is Grounding.ungrounded and claim.span is None
    assert claim.paragraph is None and claim.quote == "Nobody was evacuated."
    assert warnings == [
        "quote not found in the article, kept as ungrounded: 'Nobody was evacuated.'"
    ]


def test_the_lexicon_adds_cues_the_model_missed() -> None:
    text = (
        "Rebels reportedly shot down a helicopter. Officials said 40 soldiers died. "
        "These figures could not be independently verified.\n\n"
        "Another paragraph may follow."
    )
    article = Article(id="a2", source="t", text=text)
    claims, warnings = convert(
        {"quote": "Rebels reportedly shot down a helicopter."},
        {"quote": "40 soldiers died", "hedges": [{"cue": "soldiers", "kind": "evidential"}]},
        article=article,
    )
    shot, died = claims
    assert [(h.cue, h.kind) for h in shot.hedges] == [
        ("reportedly", HedgeKind.evidential),
        ("could not be independently verified", HedgeKind.verification_disclaimer),
    ]
    assert ("could not be independently verified", HedgeScope.preceding) in [
        (h.cue, h.scope) for h in died.hedges
    ]
    assert "may" not in [h.cue for h in died.hedges]  # another paragraph
    assert "soldiers" not in [h.cue for h in died.hedges]  # not a hedge
    assert died.certainty is Certainty.unverified
    assert warnings == ["hedge cue not recognised as a hedge in its context, dropped: 'soldiers'"]
