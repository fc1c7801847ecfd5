"""What the offline extractor says a figure counts, when, and on whose word: the cases
where a loose reading made the rule layer see conflicts that are not there (or miss ones
that are)."""

from __future__ import annotations

from datetime import date

from assistant.extract.offline import OfflineExtractor
from assistant.extract.offline.sentences import MAX_SENTENCE
from assistant.model import Article, Claim, ClaimKind, SourceRole
from assistant.normalize.facets import aspect
from assistant.normalize.vocabulary import Vocabulary


def _claims(text: str, language: str | None = "en") -> list[Claim]:
    article = Article(
        id="t", text=text, source="t.md", published=date(2026, 3, 4), language=language
    )
    return OfflineExtractor().extract_claims(article)


def _by_figure(text: str) -> dict[str, Claim]:
    return {c.quantity.text: c for c in _claims(text) if c.quantity}


def _original(claim: Claim) -> str | None:
    return next((s.name for s in claim.attribution if s.role is SourceRole.original), None)


def test_a_height_is_a_peak_a_change_a_level_or_above_usual_never_the_bare_river() -> None:
    claims = _by_figure(
        "The river peaked at 5.82 metres on Monday, more than two metres above its usual "
        "winter level. The river had risen by 3.1 metres in 36 hours. The river, which peaked at "
        "5.8 metres on Monday, had dropped to 4.1 metres by Wednesday. "
        "The reservoir fell by 40 cm."
    )
    assert {text: c.metric for text, c in claims.items()} == {
        "5.82": "river level peak",
        "more than two": "river level above usual",
        "3.1": "river rise",
        "5.8": "river level peak",
        "4.1": "river level",
        "40": "reservoir fall",
    }


def test_a_measure_with_nothing_to_name_gets_no_metric_rather_than_its_subject() -> None:
    (claim,) = _claims("The tower was 300 metres.")
    assert claim.metric is None


def test_a_share_and_its_whole_count_different_things() -> None:
    claims = _by_figure(
        "40% of the port's 500 dock workers were sent home on Wednesday. "
        "In all, 150 dock workers were sent home."
    )
    assert claims["40%"].metric == claims["150"].metric == "workers sent home"
    assert claims["500"].metric == "dock workers"


def test_a_cause_that_changes_what_is_counted_is_kept_the_story_event_is_not() -> None:
    claims = _by_figure(
        "Police said 7 people died in road accidents on Monday. "
        "Police said 5 people died in the floods on Monday. "
        "Officials said 132 homes were hit by mudslides."
    )
    assert claims["7"].metric == "deaths in road accidents"
    assert claims["5"].metric == "people died"
    assert claims["132"].metric == "homes hit by mudslides"


def test_a_running_total_has_the_total_as_its_period_not_the_day_before_it() -> None:
    claims = _by_figure(
        "A further 800 people were evacuated on Tuesday, bringing the total to 2,000, "
        "the ministry said."
    )
    assert claims["800"].period is not None and claims["800"].period.text == "on Tuesday"
    total = claims["2,000"].period
    assert total is not None and total.cumulative and total.text == "the total"
    assert claims["2,000"].metric == "people evacuated"


def test_a_total_raised_on_a_day_is_the_total_as_of_that_day_not_that_days_count() -> None:
    from assistant.normalize import normalize_claims, period_key

    text = "The agency confirmed 12 new cases on Monday, bringing its tally to 340."
    article = Article(id="t", text=text, source="t.md", published=date(2026, 3, 4))
    claims = {
        c.quantity.text: c
        for c in normalize_claims([article], _claims(text))
        if c.quantity is not None
    }
    assert [c.metric_key for c in claims.values()] == ["confirmed cases", "confirmed cases"]
    day = period_key(claims["12"].period, article.published)
    total = period_key(claims["340"].period, article.published)
    assert (day.key, day.running_total) == ("2026-03-02", False)
    assert (total.key, total.running_total) == ("to 2026-03-02", True)


def test_a_period_in_a_following_clause_is_not_the_figures() -> None:
    (claim,) = _claims(
        "Ministry officials said 312 homes had been damaged, and that engineers would "
        "begin inspecting the worst-hit streets of Lower Marsh on Thursday."
    )
    assert claim.metric == "homes damaged"
    assert claim.period is None


def test_an_observatory_that_recorded_a_figure_is_its_source() -> None:
    (claim,) = _claims(
        "The Ollerby University flood observatory, which runs its own river gauge at "
        "Kestwick independently of the government, recorded a peak of 5.82 metres on "
        "Monday afternoon."
    )
    assert _original(claim) == "the Ollerby University flood observatory"
    assert claim.metric == "river level peak"
    (record,) = _claims("The river reached 4.1 metres, the highest level ever recorded.")
    assert record.attribution == []


def test_two_events_in_one_sentence_are_two_quotes() -> None:
    claims = _claims(
        "Police said the death toll had risen to 23 after two bodies were recovered "
        "from a drainage channel on Tuesday evening."
    )
    assert [c.quote for c in claims] == [
        "Police said the death toll had risen to 23",
        "two bodies were recovered from a drainage channel on Tuesday evening",
    ]


def test_no_two_claims_share_a_quote_unless_they_state_different_figures() -> None:
    claims = _claims(
        "The river began to fall for the first time since the weekend, but officials "
        "warned that thousands of residents could not go home. It was the worst "
        "flooding since records began."
    )
    keys = [(c.span.start, c.span.end) for c in claims if c.span]
    assert len(keys) == len(set(keys))
    assert [c.kind for c in claims] == [ClaimKind.quantity, ClaimKind.comparison]


def test_an_over_long_sentence_is_quoted_a_clause_at_a_time() -> None:
    text = ", ".join(f"{n} homes were flooded in district {n}" for n in range(1, 200)) + "."
    claims = _claims(text)
    assert len(claims) == 199
    assert all(len(c.quote) <= MAX_SENTENCE for c in claims)
    assert all(c.quote == text[c.span.start : c.span.end] for c in claims if c.span)
    assert claims[41].quote == "42 homes were flooded in district 42"


def test_an_article_in_another_language_yields_neutral_figures_and_a_warning() -> None:
    text = (
        "El río subió 3 metros el lunes, según el ministerio, y 1200 personas huyeron; "
        "el 40% de las casas quedó sin luz."
    )
    article = Article(id="es", text=text, source="es.md", language="es")
    result = OfflineExtractor().extract_claims(article)
    assert [c.quantity.value for c in result if c.quantity] == [3, 1200, 40]
    assert all(c.metric is None and c.period is None and not c.attribution for c in result)
    # Signs mean the same in any language; words ("metros", "personas") are not read.
    assert [c.quantity.unit for c in result if c.quantity] == [None, None, "percent"]


async def test_the_warning_names_the_language() -> None:
    article = Article(id="es", text="Murieron 12 personas.", source="es.md", language="es")
    result = await OfflineExtractor().extract(article)
    assert len(result.claims) == 1
    assert len(result.warnings) == 1 and "'es'" in result.warnings[0]
    english = Article(id="en", text="12 people died.", source="en.md", language="en-GB")
    assert (await OfflineExtractor().extract(english)).warnings == []


def test_pounds_someone_weighs_are_a_weight_and_never_meet_a_sum_of_money() -> None:
    claims = _by_figure(
        "The suspect was described as 5-foot-11, weighing approximately 200 pounds. "
        "He was ordered to pay a fine of 200 pounds."
    )
    weight, fine = claims["approximately 200 pounds"], claims["200 pounds"]
    assert (weight.metric, weight.quantity and weight.quantity.unit) == ("weight", "lb")
    assert fine.quantity is not None and fine.quantity.unit == "GBP"
    assert fine.metric != "weight"


def test_a_year_alone_dates_a_figure_to_another_time() -> None:
    claims = _by_figure(
        "Before 1997, Gigante had served only a five-year heroin rap in 1959. "
        "During 2003 the city recorded 300 arrests. "
        "By 2085, it will be able to pay 74 percent of promised benefits."
    )
    assert claims["five-year"].period is not None
    assert claims["five-year"].period.text == "in 1959"
    assert claims["300"].period is not None and claims["300"].period.text == "During 2003"
    assert claims["74 percent"].period is not None
    assert claims["74 percent"].period.text == "By 2085"


def test_a_dimension_written_after_its_figure_is_the_one_written_as_a_noun() -> None:
    claims = _by_figure(
        "The quake struck at a depth of 10 km. A second report said it was 15 km deep. "
        "The sea wall is 40 m long. The tower is 300 metres tall. She lived half a mile away."
    )
    assert {text: c.metric for text, c in claims.items()} == {
        "10": "depth",
        "15": "depth",
        "40": "length",
        "300": "height",
        "half a mile": "distance away",
    }


def test_a_bare_number_after_it_was_is_no_age() -> None:
    # "It was 12 on Monday" goes on about the toll; "LaRue was 75" is an age.
    claims = _by_figure("The death toll rose again. It was 12 on Monday. LaRue was 75.")
    assert claims["12"].quantity is not None and claims["12"].quantity.unit is None
    assert claims["75"].quantity is not None and claims["75"].quantity.unit == "years"


def test_a_participle_before_a_count_says_what_the_event_did() -> None:
    claims = _by_figure(
        "Two quakes struck on Saturday, killing at least 250 people and injuring more "
        "than 2,000. The storm hit on Monday, leaving 16,000 people homeless. The fire "
        "spread, destroying 40 homes. The toll rose to 12, including 4 children."
    )
    vocabulary = Vocabulary.build(None)
    metrics = {text: vocabulary.metric(claims[text].metric or "") for text in claims}
    assert metrics["at least 250"] == "deaths"
    assert metrics["more than 2,000"] == "injuries"
    assert metrics["16,000"] == "people displaced"
    assert metrics["40"] == "homes destroyed"
    assert claims["4"].metric == "children"  # "including" did nothing to them


def test_the_number_of_something_rising_counts_it_on_the_day_it_rose_to() -> None:
    (claim,) = [
        c
        for c in _claims(
            "The number of people injured in Monday's bombings rose to 176 on Tuesday."
        )
        if c.quantity
    ]
    assert (claim.metric, claim.period and claim.period.text, claim.subject) == (
        "people injured",
        "on Tuesday",
        None,
    )


def test_a_possessive_day_still_dates_the_event_when_nothing_else_does() -> None:
    (claim,) = [c for c in _claims("Monday's blast killed 3 people.") if c.quantity]
    assert claim.period is not None and claim.period.text == "Monday"


def test_a_purchase_price_is_the_price_of_what_is_bought() -> None:
    claims = _by_figure(
        "Orbex said on Wednesday it would buy chipmaker Vantor for about $334 million. "
        "Orbex will pay about $281 million in cash for the company. "
        "Orbex is paying $355 million for Vantor, a person familiar with the deal said."
    )
    assert (claims["about $334 million"].metric, claims["about $334 million"].subject) == (
        "price",
        "Vantor",
    )
    assert (claims["$355 million"].metric, claims["$355 million"].subject) == ("price", "Vantor")
    # The cash part is no price of the whole, and "the company" names no one deal.
    assert claims["about $281 million"].subject != "Vantor"


def test_a_place_before_the_figure_counts_it_there() -> None:
    claims = _by_figure(
        "In neighbouring Belgium, 20 people were killed. In the Ahrweiler district alone, 90 "
        "people were killed. Floods in western Germany have killed at least 103 people."
    )
    assert [claims[t].location for t in ("20", "90", "at least 103")] == [
        "Belgium",
        "Ahrweiler",
        "Germany",
    ]


def test_a_toll_said_on_a_day_is_the_total_as_of_that_day() -> None:
    (claim,) = [c for c in _claims("The death toll rose to 133 on Saturday.") if c.quantity]
    assert claim.period is not None and claim.period.cumulative


def test_whose_figure_it_is_when_the_sentences_agent_is_someone_else() -> None:
    claims = _by_figure(
        "Tom Okafor conceded after the final tally gave Maria Harlan 51.6% of the vote. "
        "The Democrat had 52.1% of the vote to 46.7% for Okafor. "
        "In the Westmark race, Tom Okafor won 44.2% of the vote. "
        "Vestra's net profit was 812 million euros. "
        "LaRue returned home after serving more than four years in prison."
    )
    assert {text: c.subject for text, c in claims.items()} == {
        "51.6%": "Maria Harlan",  # given to her, not the one who conceded
        "52.1%": "the Democrat",
        "46.7%": "Okafor",
        "44.2%": "Tom Okafor",  # after a fronted phrase
        "812 million euros": "Vestra",  # the owner, and the metric is net profit
        "more than four": "LaRue",  # "after serving": the same agent
    }
    assert claims["812 million euros"].metric == "net profit"


def test_an_expected_or_possible_figure_is_a_metric_of_its_own() -> None:
    claims = _by_figure(
        "Analysts had expected net profit of 760 million euros. "
        "Delgado could have been sentenced to 20 years in prison. "
        "Reeves faced 30 years in prison. "
        "Delgado was sentenced to 14 years in prison."
    )
    assert claims["760 million euros"].metric == "expected net profit"
    assert claims["20"].metric.startswith("possible ")
    assert claims["30"].metric.startswith("possible ")
    assert not claims["14"].metric.startswith("possible ")


def test_an_earlier_occasion_or_comparison_dates_only_its_own_figure() -> None:
    claims = _by_figure(
        "Eli Voss, who scored 22 points in the teams' previous meeting, led again. "
        "Harlan won 48.9% of the vote in the primary. "
        "The Mariners trailed 58-55 at halftime. "
        "Turnout was 61%, up from 54% in 2022. "
        "Net profit was 640 million euros a year earlier."
    )
    periods = {text: c.period.text if c.period else None for text, c in claims.items()}
    assert periods == {
        "22": "in the teams' previous meeting",
        "48.9%": "in the primary",
        "58": "at halftime",
        "55": "at halftime",
        "61%": None,
        "54%": "in 2022",
        "640 million euros": "a year earlier",
    }
    assert claims["640 million euros"].metric == "net profit"  # "a year earlier" is no rate


def test_a_speaker_inside_an_outlets_closing_report_is_the_original() -> None:
    (claim,) = _claims("Police said 40 people died, the Herald reported.")
    assert [(s.name, s.role) for s in claim.attribution if s.role is not SourceRole.outlet] == [
        ("the Herald", SourceRole.intermediary),
        ("police", SourceRole.original),
    ]
    # A pronoun is no one to trace the figure to: the outlet stays the one credited.
    (claim,) = _claims("He said 40 people died, the Herald reported.")
    assert _original(claim) is None


def test_a_present_tense_verb_or_a_count_noun_ends_the_agent() -> None:
    claims = _by_figure(
        "Coral Air operates 42 aircraft. The number of firefighters rose to 2,100. "
        "An exit poll found 61% of voters under 30 backed Harlan."
    )
    assert claims["42"].subject == "Coral Air"
    assert claims["2,100"].metric == "firefighters"
    assert claims["2,100"].quantity.unit == "firefighter"
    assert claims["61%"].metric.startswith("voters")


def test_whoever_puts_a_figure_at_a_value_is_its_source() -> None:
    (claim,) = _claims("Police put the crowd at 45,000.")
    assert _original(claim) == "police"


def test_a_prison_sentence_is_one_metric_however_it_is_worded() -> None:
    claims = _by_figure(
        "A judge sentenced the owner of the clinics to 14 years in prison. "
        "Ana Ruiz was jailed for 12 years. Tom Hale got 9 years behind bars. "
        "Li Wen received a sentence of 70 months. Ed Park received a five-year sentence. "
        "Max Orr served 3 years in prison. The charge carries a maximum penalty of 20 years "
        "in prison. She spent 6 years in Lisbon."
    )
    metrics = {text: c.metric for text, c in claims.items()}
    sentenced = {"14", "12", "9", "70", "five-year"}
    assert {text for text, metric in metrics.items() if metric == "prison sentence"} == sentenced
    # Time served, a maximum and a stay are other things.
    assert metrics["3"] != "prison sentence"
    assert metrics["20"] != "prison sentence"
    assert metrics["6"] != "prison sentence"


def test_a_temperature_and_its_conversion_are_one_reading() -> None:
    claims = _by_figure("Valencia airport recorded 44.1C (111.4F) on Sunday, the agency said.")
    assert list(claims) == ["44.1C"]
    assert claims["44.1C"].metric == "temperature"
    assert claims["44.1C"].quantity is not None and claims["44.1C"].quantity.unit == "°C"


def test_the_agent_after_a_sentence_adverb_or_a_country_is_the_named_thing() -> None:
    claims = _by_figure(
        "Elsewhere in Asia, South Korea's KOSPI tumbled 5.8%. "
        "Japan's broader Topix index plunged 6.4% on Monday. "
        "Vestra's net profit was 812 million euros."
    )
    assert claims["5.8%"].subject == "South Korea's KOSPI"
    assert claims["6.4%"].subject == "Japan's broader Topix index"
    assert claims["812 million euros"].subject == "Vestra"


def test_someone_a_name_owns_is_someone_else() -> None:
    claims = _by_figure(
        "Ruiz's predecessor, Tom Hale, is still owed about $3 million. "
        "Mensah's teammate, Leo Banks, has a contract worth $20 million."
    )
    assert claims["about $3 million"].subject != "Ruiz"
    assert claims["$20 million"].subject != "Mensah"


def test_the_day_a_change_is_measured_from_does_not_date_it() -> None:
    claims = _by_figure(
        "Kibo shares fell 12.4% from Friday's close. Orin shares ended down 3.1% from "
        "Friday. Lesk shares were 2% higher than the previous session. Tolls rose 9% from "
        "Friday to Sunday."
    )
    assert claims["12.4%"].period is None
    assert claims["3.1%"].period is None
    assert claims["2%"].period is None
    assert claims["9%"].period is not None  # a span, not a baseline


def test_a_figure_in_a_clause_about_an_earlier_time_is_of_that_time() -> None:
    claims = _by_figure(
        "The deaths so far are a fraction of the toll in 2022, when an estimated 61,000 "
        "people died. The crash is the deadliest since the 2019 Kooringal collision, in "
        "which 41 people were injured."
    )
    assert claims["an estimated 61,000"].period is not None
    assert claims["an estimated 61,000"].period.text == "in 2022"
    assert claims["41"].period is not None
    assert claims["41"].period.text == "the 2019 Kooringal collision"


def test_every_verb_of_a_move_measures_what_moved_and_its_direction() -> None:
    claims = _by_figure(
        "Kibo shares fell 12.4%. Orin shares plunged 14.2%. Lesk shares slipped 0.2%. "
        "Tarn shares soared 9%. Vell shares rose 3%."
    )
    assert {text: c.metric for text, c in claims.items()} == {
        "12.4%": "kibo shares",
        "14.2%": "orin shares",
        "0.2%": "lesk shares",
        "9%": "tarn shares",
        "3%": "vell shares",
    }
    directions = {
        text: aspect(c.quote[: c.quote.find(text)].lower(), "") for text, c in claims.items()
    }
    assert directions == {
        "12.4%": "fall",
        "14.2%": "fall",
        "0.2%": "fall",
        "9%": "rise",
        "3%": "rise",
    }


def test_everyone_a_vessel_carried_is_one_count_however_it_is_written() -> None:
    claims = _by_figure(
        "Survivors said about 50 people had been on board. The boat was carrying 57 "
        "migrants. A city with 40,000 people flooded. The plane had 150 passengers."
    )
    assert claims["about 50"].metric == "people on board"
    assert claims["57"].metric == "people on board"
    assert claims["40,000"].metric != "people on board"
    assert claims["150"].metric != "people on board"  # passengers leave out the crew


def test_a_count_shares_the_verb_of_the_count_coordinated_after_it() -> None:
    claims = _by_figure(
        "The air force said 98 drones and four missiles were fired overnight. "
        "The number of people injured in the overnight attack on Korva has risen to 46."
    )
    assert claims["98"].metric == "drones fired"
    assert claims["four"].metric == "missiles fired"
    assert claims["46"].metric == "people injured"


def test_party_members_and_the_side_they_voted_on_are_what_is_counted() -> None:
    claims = _by_figure(
        "Six Republicans voted against it, and four Democrats voted for it. "
        "The death toll from Friday's strike on Korva rose to eight on Saturday."
    )
    assert claims["Six"].metric == "republicans voted against"
    assert claims["four"].metric == "democrats voted for"
    assert claims["eight"].metric == "death toll"


def test_a_toll_of_a_days_event_is_the_total_as_of_now() -> None:
    claims = _by_figure(
        "Divers recovered three more bodies, bringing the confirmed death toll from "
        "Tuesday's shipwreck to 14. The number injured in Monday's bombings rose to 176 on "
        "Tuesday."
    )
    toll = claims["14"].period
    assert toll is not None and toll.cumulative and "Tuesday" not in (toll.text or "")
    assert claims["176"].period is not None and claims["176"].period.text == "on Tuesday"


def test_fines_closes_and_a_documents_own_day() -> None:
    claims = _by_figure(
        "The regulator fined Ferrow Bank €4.5 million in 2024. "
        "Shares in Lendwell closed down 6.2% on Monday. Vestra shares rose 6.5% on Monday. "
        "A study, published on Monday, estimated that 900 people died from June 1 to June 20. "
        "It reached 44.1C, beating the previous high of 43.6C set in August 1994."
    )
    assert claims["€4.5 million"].metric == "fine"
    assert claims["6.2%"].metric == "shares in lendwell at close"  # a close is its own
    assert claims["6.5%"].metric == "vestra shares"
    assert (
        claims["900"].period is not None and claims["900"].period.text == "from June 1 to June 20"
    )
    assert claims["44.1C"].period is None  # not the old record's August 1994


def test_someones_earlier_arrest_dates_its_figures_and_losses_in_a_record_are_no_money() -> None:
    claims = _claims(
        "His 2019 arrest in Reno, where officers said his blood-alcohol level was 0.12, "
        "ended in a plea deal. Vance's 2017 arrest, where his level was 0.11, ended too."
    )
    by_figure = {c.quantity.text: c for c in claims if c.quantity}
    assert by_figure["0.12"].period is not None
    assert by_figure["0.12"].period.text == "His 2019 arrest"
    assert by_figure["0.11"].period is not None
    assert by_figure["0.11"].period.text == "Vance's 2017 arrest"


def test_since_a_month_of_a_year_keeps_the_year() -> None:
    claims = _by_figure(
        "It was the worst blast since March 2021, when 8 people died. "
        "Some 40 people have died since March 2021."
    )
    assert claims["8"].period is not None and claims["8"].period.text == "March 2021"
    assert claims["Some 40"].period is not None
    assert claims["Some 40"].period.text == "since March 2021"


def test_todays_dollars_date_no_figure() -> None:
    claims = _by_figure("The scheme cost $1.4 billion, or about $3.4 billion in today's dollars.")
    assert claims["$1.4 billion"].period is None


def test_margins_costs_values_and_money_owed_through_a_date() -> None:
    claims = _by_figure(
        "He was re-elected in 1994 by about 78,000 votes. The collapse cost taxpayers "
        "$1.4 billion. The shipowner put the value of the cargo at $20 million. Ruiz is "
        "owed about $11 million through the end of next season."
    )
    assert claims["about 78,000"].metric == "winning margin"
    assert claims["$1.4 billion"].metric == "cost"
    assert claims["$1.4 billion"].subject == "the collapse"
    assert claims["$20 million"].metric == "cargo value"
    assert claims["about $11 million"].metric == "owed"


def test_at_the_time_is_the_time_of_the_sentence_before() -> None:
    claims = _by_figure(
        "In June 2019, Reno police arrested him after a traffic stop. His blood-alcohol "
        "level was 0.12, officers said at the time."
    )
    assert claims["0.12"].period is not None and claims["0.12"].period.text == "In June 2019"
