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


# --------------------------------------------------------------------------- real coverage
# Failure classes read on real coverage; each fixture is written for the test.


def _sources(sentence: str) -> list[str | None]:
    return [a.original for a in find_attributions(sentence, 0, len(sentence))]


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        # a disclaimer first, then the claim it covers
        ("The toll could not be verified, but the coastguard is also claiming 12 boats sank.",
         "the coastguard", "claiming"),
        ("Union leaders are reporting that 3,000 members walked out.", "Union leaders",
         "reporting"),
        # reporting verbs and passives with their agent
        ("Figures released by the port authority put the delay at six hours.",
         "the port authority", "released"),
        ("Some 200 flights were cancelled, according to figures from the aviation regulator.",
         "figures from the aviation regulator", "according to"),
        ("The pilot testified that the radio had failed twice.", "the pilot", "testified"),
        ("Inspector Lena Voss suggested the fire started in the attic.", "Inspector Lena Voss",
         "suggested"),
        ("Her lawyers maintained that the contract was void.", "Her lawyers", "maintained"),
        ("Public records show the depot was inspected in March.", "Public records", "show"),
        ('The mayor called the plan "reckless" on Tuesday.', "the mayor", "called"),
        ("The airline was quoted as saying 40 flights were affected.", "the airline", "saying"),
        ("Kellan Roux was also questioned, and the club issued a statement.", "the club",
         "issued"),
        ("The charity denied the claims, saying its accounts were in order.", "the charity",
         "saying"),
        ("Quarry owner Dale Pryce runs the cafe and said the blast shook his house.",
         "Quarry owner Dale Pryce", "said"),
        ("Nia Bole, too, suggested the bridge be closed.", "Nia Bole", "suggested"),
        ("Crews spoke to one driver who says he saw the barrier fall.", "one driver", "says"),
        ("The landlord had expressed doubts over a lease of six years.", "the landlord",
         "expressed"),
        ("The warehouse, which the county had valued at $2 million, flooded.", "the county",
         "valued"),
        ("Marwick said he believed the dam held.", "he", "believed"),
    ],
)  # fmt: skip
def test_reporting_constructions_of_real_coverage(sentence: str, source: str, cue: str) -> None:
    found = {(a.original, a.cue) for a in find_attributions(sentence, 0, len(sentence))}
    assert (source, cue) in found


@pytest.mark.parametrize(
    "sentence",
    [
        # "called" meaning telephoned or summoned, and the so-called
        "A neighbour called 999 shortly after midnight.",
        "Two crews were sent after several passers-by called the coastguard.",
        "Once on site they called in a second ladder truck.",
        "Crews reached the barn and then called two more tankers.",
        "It was the so-called red zone of the old town.",
        # reporting words used as adjectives or nouns, and ordinary verbs
        "The alleged driver was held overnight.",
        "That dwarfs the reported bids of three rival firms.",
        "The driver accused had left the depot an hour earlier.",
        "The blaze, estimated at 40 hectares, was contained by dawn.",
        "Officers later stopped the van, identified as a stolen vehicle.",
        "Officers didn't say why the hatch was open.",
        "No one believed his story about the crash.",
        "The museum has added 12 paintings to its collection.",
        "She told her son to stay inside.",
        "The board approved the budget, adding two months to the delay.",
    ],
)
def test_no_garbage_sources(sentence: str) -> None:
    assert _sources(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The levy also charges Ann Roe with hiding the losses.", None),
        ("The complaint also charges Ann Roe with hiding the losses.", "the complaint"),
        ("Ivo Brandt started a firm that claims 500 clients.", "a firm"),
    ],
)
def test_a_word_after_with_or_by_is_no_source(sentence: str, source: str | None) -> None:
    assert _sources(sentence) == ([source] if source else [])


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The levee held, said Rep. Carolyn B. Maloney, who toured the site.",
         "Rep. Carolyn B. Maloney"),
        ("Sen. Ida Marwick, R-Idaho, who toured the site on Monday, said Friday that it held.",
         "Sen. Ida Marwick"),
        ('"We were lucky," said Hugh W. Salt Jr., the plant manager.', "Hugh W. Salt Jr."),
        ("The van was stolen, MyCityNews. com reported.", "MyCityNews. com"),
    ],
)  # fmt: skip
def test_names_are_not_cut_at_abbreviations(sentence: str, source: str) -> None:
    assert source in _sources(sentence)


@pytest.mark.parametrize(
    ("sentence", "sources"),
    [
        ("The Gazette was unable to independently confirm the numbers.", []),
        ("Reuters has not confirmed the figures.", []),
        ("The Gazette could not confirm the figures, which were released by the rebels.",
         ["the rebels"]),
    ],
)  # fmt: skip
def test_a_disclaimer_names_no_source_but_the_figures_may_have_one(
    sentence: str, sources: list[str]
) -> None:
    assert _sources(sentence) == sources


def test_letters_outside_ascii_are_kept() -> None:
    assert _sources("Staff at Café Lumière said 30 guests left.") == ["Staff at Café Lumière"]
    assert _sources('"It held," said Zoë Ødegård.') == ["Zoë Ødegård"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Mila Horn, 60, runs the bakery and said the noise woke her.", "Mila Horn"),
        ("Sen. Tom Lake (D-Ore.), who was at the dock, told KXRT that the crane fell.",
         "Sen. Tom Lake"),
        ('"Nobody was hurt," Rep. Ida Colbeck, R-Ohio, manager of the team, told reporters.',
         "Rep. Ida Colbeck"),
        ("Max Heller, director of the Harbour Trust, a charity in Leeds, said it had closed.",
         "Max Heller"),
        ("The Boat Club, the oldest rowing club on the river, said on Friday it would reopen.",
         "the Boat Club"),
        ("He died in a hospital in Leeds, England, on Monday, said a spokesman for the trust.",
         "a spokesman for the trust"),
        ("The night clerk at the depot that flooded last week, says it will reopen.",
         "the night clerk at the depot"),
    ],
)  # fmt: skip
def test_the_source_before_its_appositives(sentence: str, source: str) -> None:
    assert _sources(sentence)[0] == source


def test_told_and_called_are_never_inverted() -> None:
    (told,) = find_attributions(*_whole('"It fell," Ivy Lund, who saw it, told the Tribune.'))
    assert (told.original, told.intermediaries) == ("Ivy Lund", ("the Tribune",))
    assert _sources("Ada Roe, a neighbour, called the dogs “a menace”.") == ["Ada Roe, a neighbour"]


def _whole(sentence: str) -> tuple[str, int, int]:
    return sentence, 0, len(sentence)


@pytest.mark.parametrize(
    ("sentence", "original", "via"),
    [
        ("According to the Daily Courier, police say the driver fled.", "police",
         ("the Daily Courier",)),
        ("Dana Pike reported that, according to a club source, the deal is done.",
         "a club source", ("Dana Pike",)),
        ("KBRT's Nell Ashby reports that the bridge reopened at noon.", "KBRT's Nell Ashby", ()),
    ],
)  # fmt: skip
def test_outlets_that_pass_a_report_on(sentence: str, original: str, via: tuple[str, ...]) -> None:
    a = find_attributions(sentence, 0, len(sentence))[-1]
    assert (a.original, a.intermediaries) == (original, via)


@pytest.mark.parametrize(
    "name",
    [
        "CNN and NBC", "MyCityNews.com", "WKRT-TV", "KBRT's Nell Ashby", "Fox News",
        # an outlet word that heads the name, or a capitalised outlet name
        "the cable network", "a news channel", "state radio", "state TV", "the Israeli daily",
        "the daily Courier", "the Ashby Daily Courier", "Radio Free Arcadia", "Kestwick Radio",
        "Channel 9", "the Weather Channel", "the local paper", "the radio station",
        "the ABC network",
    ],
)  # fmt: skip
def test_outlets_are_intermediaries(name: str) -> None:
    a = find_attributions(f"Forty died, {name} reported.", 0, len(f"Forty died, {name} reported."))
    chain = build_chain(None, None, a[0])
    assert [link.role for link in chain] == [SourceRole.intermediary]


@pytest.mark.parametrize(
    "sentence",
    [
        "An extremist network claimed 30 soldiers were killed.",
        "A smuggling network said it had moved 40 people.",
        "The Harbour Network for Human Rights said 12 civilians died.",
        "A radio host said 300 callers had complained.",
        "A television producer said 40 crew members were laid off.",
        "A daily update from the ministry said 12 people died.",
        "A research paper estimated that 30 species had vanished.",
        "Staff at the station said 12 trains were cancelled.",
    ],
)
def test_outlet_words_that_head_no_outlet_name_an_original_source(sentence: str) -> None:
    (a,) = find_attributions(sentence, 0, len(sentence))
    assert [link.role for link in build_chain(None, None, a)] == [SourceRole.original]


def test_call_signs_alone_are_no_outlets() -> None:
    sentence = "The WHO said 40 cases were confirmed."
    (a,) = find_attributions(sentence, 0, len(sentence))
    assert [link.role for link in build_chain(None, None, a)] == [SourceRole.original]
