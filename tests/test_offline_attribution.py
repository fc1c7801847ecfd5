"""Reporting constructions and the outlet -> intermediary -> original chain."""

from __future__ import annotations

import pytest

from assistant.extract.offline.attribution import (
    build_chain,
    find_attributions,
    find_wire_credit,
)
from assistant.model import SourceRole


def _first(sentence: str) -> tuple[str | None, str, tuple[str, ...]]:
    (a, *_) = find_attributions(sentence, 0, len(sentence))
    return a.original, a.cue, a.intermediaries


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        ("More than 1,000 people were evacuated, the interior ministry said.",
         "the interior ministry", "said"),
        ("Officials said the dam had failed.", "officials", "said"),
        ("The ministry says 40 people died.", "the ministry", "says"),
        ('"We lost everything," said Jane Doe, a resident.', "Jane Doe", "said"),
        ("The dam failed, said the ministry on Monday.", "the ministry", "said"),
        ("Twelve people died, according to the regional police, on Monday.",
         "the regional police", "according to"),
        ("The council claims 40 homes were saved.", "the council", "claims"),
        ("The agency estimated damage at $4 million.", "the agency", "estimated"),
        ("The army announced that 300 soldiers would deploy.", "the army", "announced"),
        ("The ministry said in a statement that 40 died.", "the ministry", "said"),
        ("The Sullmere Fire and Rescue Service said 86 were rescued.",
         "the Sullmere Fire and Rescue Service", "said"),
        ("Anger grew in Fenholt, where residents say warnings were ignored.", "residents", "say"),
        ("Dr Imre Kalnay, head of the emergency department, said two had died.",
         "Dr Imre Kalnay, head of the emergency department", "said"),
        ("Paul Haverty, visiting a shelter, said funds would come.", "Paul Haverty", "said"),
        ("Jane Doe, a spokeswoman, said the dam failed.", "Jane Doe, a spokeswoman", "said"),
        ("The interior ministry put the number of damaged homes at 312.",
         "the interior ministry", "put"),
    ],
)  # fmt: skip
def test_source_names_are_kept_as_written(sentence: str, source: str, cue: str) -> None:
    original, found_cue, _ = _first(sentence)
    assert (original, found_cue) == (source, cue)


@pytest.mark.parametrize(
    "sentence",
    [
        "Damage is estimated at 45 million euros.",
        "Forty deaths were reported on Monday.",
        "Insurance claims rose sharply.",
        '"The report said it would not hold," the post read.',
    ],
)
def test_passives_nouns_and_quoted_words_are_not_attributions(sentence: str) -> None:
    assert find_attributions(sentence, 0, len(sentence)) == []


def test_told_an_outlet_makes_it_an_intermediary() -> None:
    assert _first("He told Reuters that 40 people died.") == ("He", "told", ("Reuters",))
    assert _first("She told reporters it was over.") == ("She", "told", ())


def test_outlet_reported_citing_an_original() -> None:
    sentence = "Forty people died, Reuters reported, citing the ministry."
    (a,) = find_attributions(sentence, 0, len(sentence))
    assert (a.original, a.intermediaries) == ("the ministry", ("Reuters",))
    chain = build_chain("The Daily Example", None, a)
    assert [(link.role, link.name) for link in chain] == [
        (SourceRole.outlet, "The Daily Example"),
        (SourceRole.intermediary, "Reuters"),
        (SourceRole.original, "the ministry"),
    ]


def test_chain_runs_outlet_then_wire_then_original() -> None:
    sentence = "Twelve people died, officials said."
    (a,) = find_attributions(sentence, 0, len(sentence))
    chain = build_chain("The Daily Example", "AP", a)
    assert [(link.role, link.name) for link in chain] == [
        (SourceRole.outlet, "The Daily Example"),
        (SourceRole.intermediary, "AP"),
        (SourceRole.original, "officials"),
    ]


def test_an_outlet_as_the_only_source_is_an_intermediary() -> None:
    for sentence in ("The BBC reported that 40 died.", "Forty died, according to a wire report."):
        (a,) = find_attributions(sentence, 0, len(sentence))
        chain = build_chain(None, None, a)
        assert [link.role for link in chain] == [SourceRole.intermediary]


@pytest.mark.parametrize(
    ("text", "outlet", "wire"),
    [
        ("LONDON (Reuters) - Rain fell.", "The Daily Example", "Reuters"),
        ("KESTWICK, March 2 (CPA) - Rain fell.", "The Daily Example", "CPA"),
        ("KESTWICK, March 2 (CPA) - Rain fell.", "Continental Press Agency", None),
        ("Rain fell across the region.\n\n— AP", "The Daily Example", "AP"),
        ("Rain fell across the region.", "The Daily Example", None),
    ],
)
def test_wire_credits(text: str, outlet: str, wire: str | None) -> None:
    assert find_wire_credit(text, outlet) == wire
