"""Folding source names: one origin written differently folds to one phrase."""

from __future__ import annotations

import pytest

from assistant.normalize.sources import is_unnamed, source_phrase


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("a spokesman for the Ministry of the Interior", "interior ministry"),
        ("interior ministry officials", "interior ministry"),
        ("the Associated Press", "associated press"),
        ("local officials", "local officials"),
        # one person, however the article titles them
        ("Dunmore Public Works Director Lena Corbel", "lena corbel"),
        ("Lena Corbel, the county's public works director", "lena corbel"),
        ("FBI Director Ivo Brandt", "ivo brandt"),
        ("Rep. Ida K. Marwick", "ida k marwick"),
        ("port spokesman Ivo Brandt", "ivo brandt"),
        ("Dr Imre Kalnay, head of the emergency department", "imre kalnay"),
        # a title that also opens the names of bodies needs a full name after it
        ("General Dynamics", "general dynamics"),
        ("General Ann Roe", "ann roe"),
        # a document folds to whom it is from
        ("figures from the housing ministry", "housing ministry"),
        ("the latest figures released by the Health Ministry", "health ministry"),
        ("a report from ITV", "itv"),
        # letters outside ASCII are kept
        ("Café Lumière", "café lumière"),
        ("Zoë Ødegård", "zoë ødegård"),
    ],
)
def test_source_phrase(written: str, folded: str) -> None:
    assert source_phrase(written) == folded


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        # a comma before an appositive ends the name
        ("Dana Whitcombe, the county's fire chief", "dana whitcombe"),
        ("Dana Whitcombe, spokeswoman for the port", "dana whitcombe"),
        ("Ivo Brandt, 52", "ivo brandt"),
        ("Ivo Brandt, R-Ohio", "ivo brandt"),
        ("Hugh Salt Jr., the plant manager", "hugh salt jr"),
        # a comma before a state or a country goes on with the place
        ("Fairhaven, Ore., Police Chief Dana Whitcombe", "dana whitcombe"),
        ("Ashford, Miss., coroner Ivo Brandt", "ivo brandt"),
        ("Ashford, Oregon, coroner Ivo Brandt", "ivo brandt"),
        ("Fairhaven, Ore., Police Chief Dana Whitcombe, a 20-year veteran", "dana whitcombe"),
        ("Lakeport, D.C., police", "lakeport dc police"),
        ("Lakeport, N.Y., fire officials", "lakeport ny fire"),
    ],
)
def test_a_comma_ends_a_name_only_before_an_appositive(written: str, folded: str) -> None:
    assert source_phrase(written) == folded


def test_bodies_of_places_with_one_name_stay_apart() -> None:
    # a town and the body of a town of the same name in another state are two origins
    assert source_phrase("Lakeport, Calif., police") != source_phrase("Lakeport")
    assert source_phrase("Ashford, Miss., coroner Ivo Brandt") != source_phrase("Ashford")


def test_a_surname_is_the_tail_of_the_full_name() -> None:
    # the rule layer merges a name with the longer one it ends
    assert source_phrase("Director Corbel").endswith("corbel")
    assert source_phrase("Dunmore Public Works Director Lena Corbel").endswith(" corbel")


def test_unnamed_origins() -> None:
    assert is_unnamed(source_phrase("senior officials"))
    assert not is_unnamed(source_phrase("Café Lumière"))
