"""Whose attribute a figure is, as the offline extractor reads it: how many children
someone has ("a mother of 12" meets another outlet's "mother of 13"), and whose age."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.extract.offline import OfflineExtractor
from assistant.model import Article, Claim


def _kin(text: str) -> list[tuple[float, str | None]]:
    article = Article(id="t", text=text, source="t.md", published=date(2026, 3, 4))
    claims: list[Claim] = OfflineExtractor().extract_claims(article)
    return [
        (c.quantity.value, c.subject)
        for c in claims
        if c.quantity is not None and c.metric == "number of children"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lena Dorsey, 41, a mother of 12, was shot on Friday.", [(12, "Lena Dorsey")]),
        ("Lena Dorsey, the mother of four, spoke to reporters.", [(4, "Lena Dorsey")]),
        ("A Kelso mother of 13 Lena Dorsey was killed.", [(13, "Lena Dorsey")]),
        ("Dorsey was the mother of 12 children.", [(12, "Dorsey")]),
        ("Omar Haddad has five kids.", [(5, "Omar Haddad")]),
        # Whose children only a pronoun or a description says: the package may lend it.
        ("She was walking with one of her 12 children.", [(12, None)]),
        ("Police said a Kelso mother of three was hurt.", [(3, None)]),
    ],
)
def test_kinship_counts_are_children_of_a_named_holder(
    text: str, expected: list[tuple[float, str | None]]
) -> None:
    assert _kin(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The father of two daughters, Omar Haddad, spoke.",  # daughters, not all children
        "Twelve children were evacuated from the school.",  # what happened to them
        "The mother of the 12-year-old said nothing.",  # an age, not a count
    ],
)
def test_other_counts_of_children_are_not_kinship(text: str) -> None:
    assert _kin(text) == []


def _ages(text: str) -> list[tuple[float, str | None]]:
    article = Article(id="t", text=text, source="t.md", published=date(2026, 3, 4))
    return [
        (c.quantity.value, c.subject)
        for c in OfflineExtractor().extract_claims(article)
        if c.quantity is not None and c.metric == "age"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rolf Janek, 55, is head of the church.", [(55, "Rolf Janek")]),
        ("Rolf Janek died in prison, aged 80.", [(80, "Rolf Janek")]),
        ("The 54-year-old Janek was not asked to plead.", [(54, "Janek")]),
        # The sentence's subject is not the holder of an age further on: someone else is.
        ("Janek was jailed for his assault on the 12-year-old.", []),
        ("Janek hit a 15-year-old with his car on Monday.", []),
    ],
)
def test_an_age_belongs_to_the_name_beside_it(
    text: str, expected: list[tuple[float, str | None]]
) -> None:
    assert _ages(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An obituary says the age around a bare number, not by its shape.
        ("Ida Berg died on Thursday at 85.", [(85, "Ida Berg")]),
        ("Ida Berg died at the age of 85 in Leeds.", [(85, "Ida Berg")]),
        ("Berg, who was 85, had been ill.", [(85, "Berg")]),
        # The name before "died", wherever the clause opens, and a year between.
        ("It was the place where Ivo Marsh died of cancer in 2002 at age 61.", [(61, "Ivo Marsh")]),
        ("Police said that Ida Berg died at the age of 85.", [(85, "Ida Berg")]),
        ("In Leeds, Ida Berg died on Thursday at 85.", [(85, "Ida Berg")]),
        ("Berg was 85, the paper reported.", [(85, "Berg")]),
        # "He" and "she" stand for the person named before, as for a speaker.
        ("Tomas Varga led the band for 40 years. He was 77.", [(77, "Tomas Varga")]),
        ("Ms. Ida Berg retired in 1990. She died in Leeds at 85.", [(85, "Ida Berg")]),
        # An age at another time, and a pronoun in a quotation, belong to no one named.
        ("Tomas Varga was arrested. He was attacked when he was 5.", []),
        ("Lopez, who was 18 at the time of the shooting, confessed.", []),
        ('Tomas Varga wrote: "There is a girl. She is 13."', []),
        # Not ages: a time of day, and a share.
        ("Tomas Varga died at 3 a.m. on Monday.", []),
        ("Tomas Varga died at 3 in the morning.", []),
        ("Tomas Varga said he was 85 percent sure.", []),
        ("The total was 75.", []),
        ("The toll rose again. It was 12 on Monday.", []),
        ("Monday was 30, officials said.", []),
    ],
)
def test_ages_said_in_words_belong_to_the_person_named(
    text: str, expected: list[tuple[float, str | None]]
) -> None:
    assert _ages(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A role noun between the age and the name: the name is the holder.
        ("The 36-year-old champion Darko Vell improved to 58-3.", [(36, "Darko Vell")]),
        ("Her 20-year-old daughter Mina Holt of Leeds was killed.", [(20, "Mina Holt")]),
        ("He killed his 58-year-old mother, Edna Holt, in May.", [(58, "Edna Holt")]),
        # Spaced, and with a generation after the name.
        ("A jury found 27 year old Carl Simms guilty.", [(27, "Carl Simms")]),
        ("Arlo James Pike Jr., 49, ran away on foot.", [(49, "Arlo James Pike Jr.")]),
        ('"It was a long day," said Brent Pike, now 28.', [(28, "Brent Pike")]),
        # Not a named person: a people's name, a calendar word, a comma before a clause.
        ("The 40-year-old American never recovered.", []),
        ("A 34-year-old Kelso mother was killed.", []),  # a place qualifying a noun
        ("She bore a 15-year-old FLDS member's child.", []),  # a body, not a person
        ("A 40-year-old man Tuesday was hurt.", []),
        ("A 30-year-old woman, Police said, was hurt.", []),
        ("The 25-year-old told Reuters he was fine.", []),
    ],
)
def test_an_age_belongs_to_the_name_its_role_gives(
    text: str, expected: list[tuple[float, str | None]]
) -> None:
    assert _ages(text) == expected
