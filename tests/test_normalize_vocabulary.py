"""Metric, unit and source canonicalisation: exact after folding, never by similarity."""

from __future__ import annotations

import pytest

from assistant.errors import ConfigError
from assistant.normalize import MetricEntry, NormalizeConfig, Vocabulary
from assistant.normalize.sources import is_unnamed

DEFAULT = Vocabulary.build()


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("dead", "deaths"),
        ("deaths", "deaths"),
        ("killed", "deaths"),
        ("people died", "deaths"),
        ("people who have died", "deaths"),
        ("injured", "injuries"),
        ("injuries", "injuries"),
        ("people were evacuated", "people evacuated"),
        ("residents forced to leave their homes", "people evacuated"),
        ("Evacuees", "people evacuated"),
        ("destroyed homes", "homes destroyed"),
        ("lorries", "trucks"),
    ],
)
def test_synonyms_share_one_metric(written: str, canonical: str) -> None:
    assert DEFAULT.metric(written) == canonical


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("homes destroyed", "homes damaged"),
        ("people evacuated", "people displaced"),
        ("people displaced", "people rescued"),
        ("people evacuated", "people rescued"),
        ("deaths", "injuries"),
        ("trucks", "vehicles"),
    ],
)
def test_things_that_share_a_word_stay_apart(one: str, other: str) -> None:
    assert DEFAULT.metric(one) != DEFAULT.metric(other)


def test_kinds_know_their_class_and_classes_are_not_kinds() -> None:
    assert DEFAULT.kind_of("trucks") == "vehicles"
    assert DEFAULT.kind_of("children killed") == "deaths"
    # Fire and storm copy counts destroyed and damaged homes apart: no kind and class.
    assert DEFAULT.kind_of("homes destroyed") is None
    assert DEFAULT.kind_of("vehicles") is None
    assert DEFAULT.kind_of("people rescued") is None


def test_unknown_metrics_keep_their_own_lightly_lemmatised_key() -> None:
    assert DEFAULT.metric("Boats were sunk") == "boat sunk"
    assert DEFAULT.metric("boats sunk") == "boat sunk"
    # Close in spelling is not the same thing: no fuzzy matching.
    assert DEFAULT.metric("boats sunken") == "boat sunken"


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        (None, "count"),
        ("people", "count"),
        ("homes", "count"),
        ("$", "USD"),
        ("US dollars", "USD"),
        ("%", "percent"),
        ("per cent", "percent"),
        ("percentage points", "percentage points"),
        ("km", "km"),
        ("hectares", "hectares"),
    ],
)
def test_units(written: str | None, canonical: str) -> None:
    assert DEFAULT.unit(written) == canonical


@pytest.mark.parametrize(
    "written",
    [
        "the interior ministry",
        "the Ministry of the Interior",
        "Interior Ministry",
        "interior ministry officials",
        "a spokesman for the interior ministry",
        "a senior official at the Ministry of the Interior",
        "the interior ministry's spokeswoman",
    ],
)
def test_one_ministry_written_differently(written: str) -> None:
    assert DEFAULT.source(written) == "interior ministry"


def test_aliases_and_unknown_sources() -> None:
    assert DEFAULT.source("AP") == DEFAULT.source("the Associated Press") == "associated press"
    assert DEFAULT.source("AFP") == "agence france-presse"
    # Vague or unknown names are kept apart, never guessed.
    assert DEFAULT.source("ministry officials") == "ministry"
    assert DEFAULT.source("the health ministry") != DEFAULT.source("the interior ministry")
    assert DEFAULT.source("Hospital officials") == "hospital"


def test_configuration_extends_the_default() -> None:
    config = NormalizeConfig(
        source_aliases={"interior ministry": ["ministry officials"]},
        metrics={"boats sunk": MetricEntry(phrases=["vessels sunk"], kind_of="vessels lost")},
        units={"NOK": ["kroner"]},
    )

    vocabulary = Vocabulary.build(config)

    assert vocabulary.source("ministry officials") == "interior ministry"
    assert vocabulary.metric("vessels sunk") == "boats sunk"
    assert vocabulary.kind_of("boats sunk") == "vessel lost"
    assert vocabulary.unit("kroner") == "NOK"
    assert vocabulary.metric("dead") == "deaths"  # the default is still there


def test_configuration_can_replace_the_default() -> None:
    vocabulary = Vocabulary.build(NormalizeConfig(use_default_vocabulary=False))

    assert vocabulary.metric("dead") == "dead"


def test_a_phrase_under_two_metrics_is_a_config_error() -> None:
    config = NormalizeConfig(
        metrics={"a": MetricEntry(phrases=["fled"]), "b": MetricEntry(phrases=["fled"])}
    )

    with pytest.raises(ConfigError, match="'fled' is listed under both 'a' and 'b'"):
        Vocabulary.build(config)


def test_a_metric_that_is_a_kind_of_itself_is_a_config_error() -> None:
    config = NormalizeConfig(metrics={"a": MetricEntry(kind_of="b"), "b": MetricEntry(kind_of="a")})

    with pytest.raises(ConfigError, match="kind of itself"):
        Vocabulary.build(config)


def test_unnamed_sources_are_recognised() -> None:
    assert DEFAULT.source("local officials") == "local officials"
    assert is_unnamed(DEFAULT.source("local officials"))
    assert is_unnamed(DEFAULT.source("the authorities"))
    assert not is_unnamed(DEFAULT.source("the National Weather Office"))
    assert DEFAULT.source("the National Weather Office") == "national weather office"


def test_bare_points_are_points_not_percentage_points() -> None:
    # A player's 31 points and the Dow's 300 are no percentage.
    assert DEFAULT.unit("points") == "point"
    assert DEFAULT.unit("percentage points") == "percentage points"


def test_the_prosecution_is_one_origin_however_copy_names_it() -> None:
    names = ["prosecutors", "the U.S. Attorney's Office", "federal prosecutors", "the prosecution"]
    assert {DEFAULT.source(n) for n in names} == {"prosecutors"}
