"""Attribution failure classes seen on real coverage, each pinned with a sentence of our
own: who the offline extractor credits for a figure or a statement."""

from __future__ import annotations

import pytest

from assistant.extract.offline.extractor import OfflineExtractor
from assistant.model import Article, Claim, SourceRole


def _claims(text: str) -> list[Claim]:
    article = Article(id="a", outlet="The Courier", text=text, source="a.txt")
    return OfflineExtractor().extract_claims(article)


def _source(claim: Claim) -> str | None:
    originals = [a.name for a in claim.attribution if a.role is SourceRole.original]
    return originals[-1] if originals else None


def _figure(text: str, figure: str) -> Claim:
    return next(c for c in _claims(text) if c.quantity and c.quantity.text == figure)


def _statements(text: str) -> list[Claim]:
    return [c for c in _claims(text) if c.quantity is None]


# ------------------------------------------------------- the speaker's own description


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Mara Velde, 52, lives two doors down and said the alarm never rang.", "52"),
        ("Baker Tom Ess, who has run the shop for nearly 20 years, said the oven was fine.",
         "nearly 20"),
        ('"I was lucky," said the 29-year-old Orsini, who finished third.', "29-year-old"),
        ("Pell, 41, testified that she had heard someone shout a warning.", "41"),
    ],
)  # fmt: skip
def test_a_figure_describing_the_speaker_is_not_what_the_speaker_says(
    text: str, figure: str
) -> None:
    assert _source(_figure(text, figure)) is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Mara Velde, 52, lives two doors down and said the alarm never rang.", "Mara Velde"),
        ('"I was lucky," said the 29-year-old Orsini, who finished third.', "Orsini"),
        ('"It is over," said 17-year-old Dan Ruiz, the youngest of the family.', "Dan Ruiz"),
    ],
)  # fmt: skip
def test_what_the_described_speaker_says_is_still_credited_to_them(text: str, speaker: str) -> None:
    assert [_source(c) for c in _statements(text)] == [speaker]


def test_an_age_after_the_verb_is_no_count_of_speakers() -> None:
    text = '"It is over," said 17-year-old Dan Ruiz, the youngest of the family.'
    assert _source(_figure(text, "17-year-old")) is None


# ------------------------------------------------------- what follows the verb


@pytest.mark.parametrize(
    ("text", "figure", "source"),
    [
        ("Norvale said $95 million of the price will be paid in shares.", "$95 million",
         "Norvale"),
        ("The water board said about 12,000 litres of fuel had leaked into the river.",
         "about 12,000", "the water board"),
    ],
)  # fmt: skip
def test_a_report_that_opens_with_a_sum_or_a_long_number_is_still_the_speakers(
    text: str, figure: str, source: str
) -> None:
    assert _source(_figure(text, figure)) == source


# ------------------------------------------------------- pictures are not sources


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The footage shows 41-year-old Dane crossing the road at dusk.", "41-year-old"),
        ("The video shows Ms Orr, a mother of five, outside the bakery.", "five"),
        ("Photos show the whole three-storey mill alight within minutes.", "three-storey"),
    ],
)
def test_what_footage_or_photos_show_is_the_outlets_description(text: str, figure: str) -> None:
    assert _source(_figure(text, figure)) is None


def test_records_still_show_what_they_record() -> None:
    text = "Court records show 14 people were charged in the scheme."
    assert _source(_figure(text, "14")) == "Court records"


# ------------------------------------------------------- an outlet that relays a speaker


def test_a_speaker_credited_through_a_paper_is_the_source_the_paper_passes_on() -> None:
    text = "'The ward is full,' Dr Ines Mora said, according to the Herald."
    (claim,) = _statements(text)
    originals = [a.name for a in claim.attribution if a.role is SourceRole.original]
    via = [a.name for a in claim.attribution if a.role is SourceRole.intermediary]
    assert (originals, via) == (["Dr Ines Mora"], ["the Herald"])


def test_a_person_whose_surname_is_a_paper_title_is_no_paper() -> None:
    (claim,) = _statements("'We are ready,' Kim Post said on Monday.")
    assert _source(claim) == "Kim Post"


# ------------------------------------------------------- single quotation marks


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ana Dorsey ran the shop. 'We lost the lot,' she said.", "Ana Dorsey"),
        ("'The ward is full,' Nurse Tom Ilse said of the night.", "Nurse Tom Ilse"),
    ],
)
def test_the_closing_mark_of_a_single_quoted_quotation_is_no_part_of_the_speaker(
    text: str, speaker: str
) -> None:
    assert _source(_statements(text)[-1]) == speaker


# ------------------------------------------------------- the questioner and the answer


def test_an_answer_is_credited_to_who_answers_not_to_who_asked() -> None:
    text = "When defence lawyer Ada Kerr asked whether he saw the car, Lund calmly answered, “No.”"
    assert [_source(c) for c in _statements(text)] == ["Lund"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We did our best," replied the head teacher.', "the head teacher"),
        ("The council responded that it had paid every invoice.", "the council"),
        ("Mayor Ilse Brandt responded: “We will rebuild the bridge.”", "Mayor Ilse Brandt"),
    ],
)
def test_a_reply_reports(text: str, speaker: str) -> None:
    assert [_source(c) for c in _statements(text)] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Fire crews responded to the warehouse and put the blaze out within the hour.",
        "The home side answered with another goal before the break, and the crowd roared.",
        "She answered the phone and took down the caller's name and address.",
    ],
)
def test_responding_to_a_call_or_answering_on_the_pitch_reports_nothing(text: str) -> None:
    assert all(_source(c) is None for c in _claims(text))


# ------------------------------------------------------- "prosecutors charge"


@pytest.mark.parametrize(
    "text",
    [
        "Ivo Dane, 27, fired four shots from the bridge, prosecutors charge.",
        "Prosecutors charge that Ivo Dane fired four shots from the bridge.",
    ],
)
def test_a_charge_is_a_report(text: str) -> None:
    assert _source(_figure(text, "four")) == "prosecutors"


def test_being_in_charge_reports_nothing() -> None:
    assert _source(_figure("Since then, 40 nurses have been put in charge.", "40")) is None


# ------------------------------------------------------- a report inside a report


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Prosecutor Ola Benn reminded jurors that the clerk testified she heard 3 shots.", "3"),
        ("Ola Benn said that two guards testified the van left 40 minutes late.", "40"),
    ],
)
def test_a_figure_passed_on_inside_a_report_is_the_outer_speakers(text: str, figure: str) -> None:
    assert _source(_figure(text, figure)) in ("Prosecutor Ola Benn", "Ola Benn")


def test_a_reminder_of_something_reports_nothing() -> None:
    text = "The fire reminded 300 residents of the flood years before."
    assert _source(_figure(text, "300")) is None


def test_a_paper_in_brackets_keeps_its_own_figure() -> None:
    text = "Police said that the crowd had gone (the Herald says 9 people were hurt)."
    chain = [a.name for a in _figure(text, "9").attribution if a.role is not SourceRole.outlet]
    assert chain == ["the Herald"]


# ------------------------------------------------------- rows of a list under a lead-in

_TABLE = (
    "The race was close all day.\n"
    "The league's records office noted the following career records:\n"
    "TITLE BOUTS\n"
    "Ada Sorn 41-2\n"
    "Piet Lamm 37-5\n"
    "The season resumes in May."
)


def test_a_list_row_rests_on_the_line_that_leads_into_the_list() -> None:
    row = _figure(_TABLE, "37")
    assert _source(row) == "the league's records office"
    assert row.quote.startswith("The league's records office noted the following")
    assert row.quote.endswith("records:\nTITLE BOUTS\nAda Sorn 41-2\nPiet Lamm 37-5")


def test_a_short_line_with_no_lead_in_is_left_as_it_is() -> None:
    text = "The race was close all day.\nAda Sorn 41-2\nThe season resumes in May."
    row = _figure(text, "41")
    assert (_source(row), row.quote) == (None, "Ada Sorn 41-2")


def test_making_note_of_something_reports_it() -> None:
    text = "The referee's report made note of 14 fouls in the second half."
    assert _source(_figure(text, "14")) == "the referee's report"


# ------------------------------------------------------- a speaker in a body's release


@pytest.mark.parametrize(
    "text",
    [
        "“We are sorry,” said club president Ivo R. Hahn in a news release issued by the club.",
        "In a statement released by the club, club president Ivo R. Hahn noted, “We are sorry.”",
    ],
)
def test_who_speaks_in_a_release_is_the_source_not_the_body_that_issued_it(text: str) -> None:
    assert [_source(c) for c in _statements(text)] == ["club president Ivo R. Hahn"]


# ------------------------------------------------------- what a disaster claims


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Two men were held over the crash near a Leeds depot that claimed the life of a cyclist.",
         "Two"),
        ("The storm that claimed 14 lives hit the coast on Sunday.", "14"),
    ],
)  # fmt: skip
def test_claiming_a_life_reports_nothing(text: str, figure: str) -> None:
    assert _source(_figure(text, figure)) is None


def test_a_claim_of_a_count_still_reports() -> None:
    text = "The rebel group claimed 30 soldiers were killed in the raid."
    assert _source(_figure(text, "30")) == "the rebel group"


# ------------------------------------------------- verbs that report only some objects


@pytest.mark.parametrize(
    ("text", "figure", "source"),
    [
        # A thing added or a result posted is no report.
        (
            "In August, Orbex added carbon consulting worth $20 million to its unit.",
            "$20 million",
            None,
        ),
        ("Dale Pryce was hired in 2004 and posted a record of 43-39.", "43", None),
        ("Footage posted online appeared to show 12 trucks on fire.", "12", None),
        # What is said after them is.
        ("The club posted on Facebook that 40 people had been hurt.", "40", "the club"),
        ("The mayor posted a statement saying 40 homes were lost.", "40", "the mayor"),
        ("Police added that 12 people were hurt.", "12", "police"),
        # A possessive names whose people speak; a contracted pronoun is still the pronoun.
        (
            "Orozco's attorneys filed a motion, arguing that 12 jurors were biased.",
            "12",
            "Orozco's attorneys",
        ),
        ("Mitch Cole spoke on Monday. He's said 51 votes will be enough.", "51", "Mitch Cole"),
        # A charge that describes whom the speaker speaks of is no figure the speaker gives.
        (
            "Ken Dole says the woman accused of killing two co-workers is a good person.",
            "two",
            None,
        ),
        ("Police said she is accused of killing two co-workers.", "two", "police"),
    ],
)
def test_a_reporting_verb_reports_only_what_is_said(
    text: str, figure: str, source: str | None
) -> None:
    assert _source(_figure(text, figure)) == source


# ------------------------------------------------------- reasons, baselines, studies


@pytest.mark.parametrize(
    ("text", "figure", "source"),
    [
        # "citing" a reason names no source; citing someone or a record does
        ("Orin cut its forecast to 200 million euros, citing weak demand from carmakers.",
         "200 million euros", None),
        ("The toll rose to 40, the agency reported, citing police.", "40", "police"),
        # a comparison before "reported" is no one who reports
        ("The coast guard said it had recovered nine bodies, up from five reported earlier.",
         "five", "the coast guard"),
        # a study or a poll that found something is its source, whatever its sample
        ("A study by Lund University found that 310 people died from heat in June.", "310",
         "a study by Lund University"),
        ("A Hartwell poll of 1,208 adults conducted March 6-9 found 41% support the bill.",
         "41%", "a Hartwell poll"),
        ("Police found 40 bodies in the house.", "40", None),
        # a present-tense estimate closing the sentence
        ("Some 41,000 households have tracker loans, Velmar Savings Bank estimates.",
         "Some 41,000", "Velmar Savings Bank"),
    ],
)  # fmt: skip
def test_reasons_baselines_and_findings(text: str, figure: str, source: str | None) -> None:
    assert _source(_figure(text, figure)) == source


def test_a_report_in_a_clause_of_its_own_covers_only_what_follows_it() -> None:
    text = (
        "Divers recovered two more bodies on Wednesday, bringing the toll to 12, as the "
        "U.N. refugee agency said up to 30 people may still be missing."
    )
    assert _source(_figure(text, "12")) is None
    assert _source(_figure(text, "up to 30")) == "the U.N. refugee agency"
    assert _source(_figure("Prices rose 5% in May, as the ministry said.", "5%")) == (
        "the ministry"
    )


def test_a_bodys_initials_in_brackets_before_the_verb_keep_the_figure_and_the_source() -> None:
    text = "Eight people died in the blast, the Department of Migrant Workers (DMW) said."
    assert _source(_figure(text, "Eight")) == "the Department of Migrant Workers"


def test_an_author_reports_nothing_and_an_institution_keeps_its_whole_name() -> None:
    authored = (
        "Kittredge said the bill was bad. He wrote a 1988 law that protected 1.2 million acres."
    )
    assert _source(_figure(authored, "1.2 million")) is None
    held = (
        "His papers, about 1,400 boxes, are held by the University of Toledo, which said "
        "Wednesday it would mount an exhibit of 300 items."
    )
    assert _source(_figure(held, "300")) == "the University of Toledo"
