"""normalize_claims: canonical metric, unit, sources, resolved period, sentence indices."""

from __future__ import annotations

from datetime import date

from factories import article, quantity, quoted, source

from assistant.model import Bound, ClaimKind, Period, Quantity, SourceRole
from assistant.normalize import Layout, NormalizeConfig, normalize_claims

TEXT = (
    "Dr. Ames said 12 people died on Monday. The U.S. embassy sent help.\n\n"
    "More than $2 million was pledged, the Ministry of the Interior said."
)
ARTICLE = article("a", TEXT, outlet="Daily Post", published=date(2026, 3, 3))


def test_claims_get_canonical_metric_unit_sources_and_period() -> None:
    deaths = quoted(
        ARTICLE,
        "12 people died on Monday",
        metric="people died",
        quantity=quantity("12", "people"),
        period=Period(text="on Monday"),
    )
    aid = quoted(
        ARTICLE,
        "More than $2 million was pledged",
        metric="aid pledged",
        quantity=Quantity(
            value=2e6, bound=Bound.more_than, unit="dollars", text="More than $2 million"
        ),
        attribution=[
            source("Daily Post", SourceRole.outlet),
            source("the Ministry of the Interior"),
        ],
    )

    first, second = normalize_claims([ARTICLE], [deaths, aid])

    assert first.metric_key == "deaths"
    assert first.metric == "people died"  # the words as written stay
    assert first.quantity is not None and first.quantity.unit == "people"  # a count noun is kept
    assert first.period == Period(
        text="on Monday", start=date(2026, 3, 2), end=date(2026, 3, 2), resolved=True
    )
    assert second.quantity is not None and second.quantity.unit == "USD"
    assert [link.canonical for link in second.attribution] == ["daily post", "interior ministry"]


def test_sentence_and_paragraph_are_computed_only_when_missing() -> None:
    computed = quoted(ARTICLE, "The U.S. embassy sent help", kind=ClaimKind.event)
    given = quoted(ARTICLE, "More than $2 million was pledged", sentence=7, paragraph=3)
    later = quoted(ARTICLE, "More than $2 million was pledged")

    first, second, third = normalize_claims([ARTICLE], [computed, given, later])

    assert (first.sentence, first.paragraph) == (1, 0)  # "Dr." and "U.S." do not end sentences
    assert (second.sentence, second.paragraph) == (7, 3)
    assert (third.sentence, third.paragraph) == (2, 1)


def test_order_is_kept_and_inputs_are_not_modified() -> None:
    claims = [
        quoted(ARTICLE, "More than $2 million was pledged", metric="aid"),
        quoted(ARTICLE, "12 people died on Monday", metric="dead"),
    ]
    before = [c.model_copy(deep=True) for c in claims]

    normalized = normalize_claims([ARTICLE], claims)

    assert [c.id for c in normalized] == [c.id for c in claims]
    assert claims == before


def test_a_claim_of_an_unknown_article_keeps_relative_periods_unresolved() -> None:
    orphan = quoted(
        ARTICLE, "12 people died on Monday", article_id="elsewhere", period=Period(text="on Monday")
    )

    (normalized,) = normalize_claims([ARTICLE], [orphan])

    assert normalized.period is not None and normalized.period.resolved is False
    assert normalized.sentence is None


def test_configured_source_alias_is_applied() -> None:
    attributed = quoted(
        ARTICLE,
        "12 people died on Monday",
        attribution=[source("ministry officials")],
    )
    config = NormalizeConfig(source_aliases={"interior ministry": ["ministry officials"]})

    (normalized,) = normalize_claims([ARTICLE], [attributed], config)

    assert normalized.attribution[0].canonical == "interior ministry"


def test_layout_paragraphs_are_separated_by_blank_lines() -> None:
    layout = Layout.of('One. Two?\n  \nThree!\nStill three. "Four," he said.')

    starts = layout.sentence_starts
    assert len(starts) == 5
    assert [layout.paragraph_at(s) for s in starts] == [0, 0, 1, 1, 1]


def test_a_metric_that_only_names_what_is_counted_gets_no_key() -> None:
    text = "She spoke to two women. Three workers were killed."
    a = article("w", text, published=date(2026, 3, 3))
    women = quoted(a, "two women", metric="women", quantity=quantity("2", "woman"))
    killed = quoted(
        a, "Three workers were killed", metric="workers killed", quantity=quantity("3", "worker")
    )

    first, second = normalize_claims([a], [women, killed])

    assert first.metric_key is None  # who is counted, not what happened to them
    assert second.metric_key == "worker killed"


def test_losses_are_a_damage_cost_only_in_money() -> None:
    record = article("r", "Vance has a record of 21 wins and 3 losses. Losses hit $3 billion.")
    counted = quoted(record, "3 losses", metric="losses", quantity=quantity("3", "losses"))
    money = quoted(
        record,
        "Losses hit $3 billion",
        metric="losses",
        quantity=Quantity(value=3e9, bound=Bound.exact, unit="$", text="$3 billion"),
    )

    fight, storm = normalize_claims([record], [counted, money])

    assert fight.metric_key == "loss"
    assert storm.metric_key == "damage cost"
