"""Story shapes the dev corpus lacks, through the offline extractor and the rule layer: a
sentencing, a results day, an election night, a match report, a wildfire, a plane crash,
a jobs report, a protest, an outbreak and a takeover. Each test pins one class of false
finding that such coverage produced: figures that look alike but are another
defendant's maximum, last year's quarter, another match, an earlier disaster, a yearly
change, a day's new cases, another total of the deal or a figure in two parts.

The articles are written here in the spirit of such coverage.
"""

from __future__ import annotations

from pathlib import Path

from story_support import compare_story

from assistant.model import Comparison, Finding, RuleId, Severity


def _found(comparison: Comparison, rule: RuleId) -> list[Finding]:
    return [f for f in comparison.findings if f.rule is rule]


# --------------------------------------------------------------------------- sentencing


def test_a_term_in_years_and_months_is_one_figure(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Herald", "2026-03-11", "In the Medline fraud case, Paul Reeves was sentenced to "
         "5 years and 10 months in prison."),
        ("Courier", "2026-03-11", "In the Medline fraud case, Paul Reeves was sentenced to "
         "70 months in prison."),
    )  # fmt: skip

    assert _found(comparison, RuleId.CONFLICT) == []
    (agree,) = _found(comparison, RuleId.AGREE)
    assert "5 years and 10 months" in agree.evidence and "70" in agree.evidence


def test_a_term_that_could_have_been_is_not_the_term(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Herald", "2026-03-11", "In the Medline fraud case, Marcus Delgado could have been "
         "sentenced to 20 years in prison."),
        ("Courier", "2026-03-11", "In the Medline fraud case, Marcus Delgado was sentenced "
         "to 14 years in prison."),
    )  # fmt: skip

    assert _found(comparison, RuleId.CONFLICT) == []


def test_two_outlets_terms_for_one_sentencing_are_compared(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2026-03-11", "Marcus Delgado was sentenced on Tuesday to 14 years in "
         "prison."),
        ("Daily", "2026-03-11", "Marcus Delgado was jailed for 12 years on Tuesday."),
    )  # fmt: skip

    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert conflict.severity is Severity.high
    assert conflict.evidence.startswith("prison sentence")


def test_an_undated_sentence_is_the_one_sentencing_when_the_story_tells_of_no_other(
    tmp_path: Path,
) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2026-03-11", "Marcus Delgado was sentenced to 14 years in prison."),
        ("Daily", "2026-03-11", "Marcus Delgado was sent to prison for 12 years."),
    )  # fmt: skip

    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert conflict.severity is Severity.high


def test_a_sentence_with_no_date_may_be_another_sentencing(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Times", "2005-12-19", "Vincent Gigante died on Monday. Vincent Gigante was "
         "sentenced to seven years in prison. In 1997 a judge sentenced Vincent Gigante to "
         "12 years."),
        ("Wire", "2005-12-19", "Vincent Gigante died on Monday. A judge sentenced Vincent "
         "Gigante to 12 years in prison."),
    )  # fmt: skip

    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert conflict.severity is Severity.low
    assert "more than one sentence for this person" in conflict.evidence


def test_an_age_set_off_by_commas_is_the_age_on_the_day_of_publication(
    tmp_path: Path,
) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2026-03-11", "Marcus Delgado, 47, of Coral Gables, was convicted in "
         "November on 11 counts."),
        ("Station", "2026-03-11", "Clinic owner Marcus Delgado, 48, got 14 years behind "
         "bars."),
    )  # fmt: skip

    # Not "a birthday may fall between" November and March: both are his age today.
    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert conflict.severity is Severity.high


def test_he_was_77_is_the_dead_mans_age_not_the_age_of_who_told_it(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2025-06-09", "Country singer Wes Corrigan died on Sunday at his home, his "
         "manager, Robert Hale, said. He was 77."),
        ("Paper", "2025-06-09", "Country singer Wes Corrigan died on Sunday, his longtime "
         "manager, Robert Hale, 74, said. He was 76."),
    )  # fmt: skip

    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert conflict.severity is Severity.high
    assert conflict.evidence.startswith("age (year) (Wes Corrigan)")
    assert "74" not in conflict.evidence


def test_ages_decades_apart_are_an_age_at_an_earlier_event(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Times", "2005-12-19", "Vincent Gigante died in prison on Monday. A doorman once "
         "identified the 29-year-old Vincent Gigante as the gunman."),
        ("Wire", "2005-12-19", "Vincent Gigante, 77, died in prison on Monday."),
    )  # fmt: skip

    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert conflict.severity is Severity.low
    assert "decades apart" in conflict.evidence


# --------------------------------------------------------------------------- results day


def test_last_years_quarter_and_the_analysts_estimate_are_not_the_result(
    tmp_path: Path,
) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2026-10-28", "Vestra's net profit was 812 million euros in the third "
         "quarter. Analysts had expected net profit of 760 million euros."),
        ("Paper", "2026-10-28", "Vestra's net profit was 640 million euros in the third "
         "quarter of 2025."),
    )  # fmt: skip

    assert _found(comparison, RuleId.CONFLICT) == []
    assert _found(comparison, RuleId.DIFFERENT_PERIOD) != []  # this year's and last year's


def test_the_level_after_a_change_is_the_measure_that_changed(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2026-10-28", "Vestra said that its net profit climbed to 812 "
         "million euros."),
        ("Blog", "2026-10-28", "Vestra's net profit rose 27% to 821 million euros."),
    )  # fmt: skip

    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert "812" in conflict.evidence and "821" in conflict.evidence
    assert conflict.evidence.startswith("net profit")


# --------------------------------------------------------------------------- undated vs dated


def test_an_undated_figure_meets_one_for_its_day_of_publication(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2025-06-10", "The explosion killed six people on Tuesday, police said."),
        ("Paper", "2025-06-10", "The explosion killed four people, police said."),
    )  # fmt: skip

    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert conflict.severity is Severity.medium
    assert "published on the day the other names" in conflict.evidence


def test_an_undated_figure_may_be_later_than_a_count_at_a_time_of_day(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Local", "2025-06-10", "The explosion killed three people this morning, police "
         "said."),
        ("Paper", "2025-06-10", "The explosion killed five people, police said."),
    )  # fmt: skip

    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert conflict.severity is Severity.low
    assert "may be an earlier count" in conflict.evidence


def test_an_undated_figure_may_total_a_story_of_several_days(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2025-06-10", "Floods killed six people on Tuesday, police said. Floods "
         "killed nine people on Monday, police said."),
        ("Paper", "2025-06-10", "Floods have killed 15 people, police said."),
    )  # fmt: skip

    for conflict in _found(comparison, RuleId.CONFLICT):
        assert conflict.severity is Severity.low


# --------------------------------------------------------------------------- election night


def test_a_share_the_tally_gave_another_candidate_is_that_candidates(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Ledger", "2026-11-04", "In the Westmark governor's race, Tom Okafor conceded after "
         "the final tally gave Maria Harlan 51.6% of the vote."),
        ("Wire", "2026-11-04", "In the Westmark governor's race, Tom Okafor won 46.7% of the "
         "vote."),
    )  # fmt: skip

    assert _found(comparison, RuleId.CONFLICT) == []


def test_a_figure_from_an_earlier_occasion_is_not_tonights(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Ledger", "2026-11-04", "Harbor City beat the Mariners. Eli Voss scored 31 points "
         "as Harbor City won."),
        ("Wire", "2026-11-04", "Harbor City beat the Mariners. Eli Voss, who scored 22 "
         "points in the teams' previous meeting, led Harbor City again."),
    )  # fmt: skip

    assert _found(comparison, RuleId.CONFLICT) == []


def test_a_comparison_with_an_earlier_figure_does_not_date_this_one(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Ledger", "2026-11-04", "Turnout in Westmark was 61%, up from 54% in 2022."),
        ("Wire", "2026-11-04", "Turnout in Westmark was 62%."),
    )  # fmt: skip

    assert _found(comparison, RuleId.DIFFERENT_PERIOD) == []
    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert "61" in conflict.evidence and "62" in conflict.evidence


def test_a_teams_record_is_no_sure_conflict(tmp_path: Path) -> None:
    # A record changes with every game: two outlets a game apart may both be right.
    comparison = compare_story(
        tmp_path,
        ("Ledger", "2026-11-04", "Jalen Brooks scored 24 points for Harbor City (15-7)."),
        ("Wire", "2026-11-04", "Eli Voss scored 31 points for Harbor City (16-7)."),
    )  # fmt: skip

    conflicts = _found(comparison, RuleId.CONFLICT)
    assert conflicts and all(f.severity is Severity.low for f in conflicts)
    assert all(f.evidence.startswith("record win") for f in conflicts)
    assert "a record changes with every game" in conflicts[0].evidence


# --------------------------------------------------------------------------- wildfire


def test_other_structures_are_not_more_homes(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Herald", "2026-08-10", "The Ridgeback Fire has burned for three days. Officials "
         "said 1,520 homes and 210 other structures had been destroyed."),
        ("Radio", "2026-08-10", "The Ridgeback Fire has burned for three days. Officials "
         "said 1,520 homes had been destroyed."),
    )  # fmt: skip

    assert _found(comparison, RuleId.CONFLICT) == []


def test_a_total_reported_on_a_day_is_no_increment(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Herald", "2026-08-10", "The Ridgeback Fire spread. At least 140 homes were "
         "destroyed, officials said."),
        ("Radio", "2026-08-12", "The Ridgeback Fire spread. Officials said 1,250 homes had "
         "been destroyed. On Monday the department had reported 1,200 homes destroyed."),
    )  # fmt: skip

    assert _found(comparison, RuleId.ARITHMETIC) == []
    # Two days apart, "at least 140" and 1,250 are an update, not one figure repeated.
    assert _found(comparison, RuleId.CIRCULAR) == []


def test_destroyed_and_damaged_homes_are_counted_apart(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Herald", "2026-08-11", "The Ridgeback Fire spread. 1,200 homes have been destroyed."),
        ("Radio", "2026-08-11", "The Ridgeback Fire spread. 350 homes were damaged."),
    )  # fmt: skip

    assert _found(comparison, RuleId.ARITHMETIC) == []


def test_a_rise_from_an_earlier_count_keeps_the_new_count_undated(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Herald", "2026-08-11", "The Ridgeback Fire spread. The department said 1,200 homes "
         "had been destroyed, a sharp increase from Sunday's count of 140."),
        ("Radio", "2026-08-11", "The Ridgeback Fire spread. The department said 1,500 homes "
         "had been destroyed."),
    )  # fmt: skip

    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert "1,200" in conflict.evidence and "1,500" in conflict.evidence
    assert "140" not in conflict.evidence


# --------------------------------------------------------------------------- plane crash


def test_an_earlier_disasters_toll_is_its_own(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2026-05-02", "The Coral Air crash killed 121 people, the aviation "
         "authority said."),
        ("Paper", "2026-05-02", "The Coral Air crash is the deadliest since the 2007 Halden "
         "Air crash, which killed 114 people. A 2023 accident killed 62 people."),
    )  # fmt: skip

    assert [f for f in _found(comparison, RuleId.CONFLICT) if f.severity is Severity.high] == []


# --------------------------------------------------------------------------- hurricane


def test_a_toll_in_the_state_may_be_another_states(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2024-09-27", "Hurricane Ada: The Carolina governor's office said Friday "
         "that 14 people had died in the state."),
        ("Paper", "2024-09-27", "Hurricane Ada: Georgia officials said Friday that 11 "
         "people had died in Georgia."),
    )  # fmt: skip

    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert conflict.severity is Severity.low
    assert 'only as "the state"' in conflict.evidence


# --------------------------------------------------------------------------- explosion


def test_firefighters_sent_are_one_listed_count(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2025-06-10", "About 60 firefighters attended the blaze, the chief fire "
         "officer said."),
        ("Paper", "2025-06-10", "More than 90 firefighters were sent to the blaze. One "
         "firefighter called it a small miracle."),
    )  # fmt: skip

    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert conflict.severity is Severity.high
    assert "One" not in conflict.evidence


def test_a_count_the_other_outlet_calls_earlier_is_an_update(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Local", "2025-06-10", "Two people have died in the explosion, police confirmed "
         "this morning."),
        ("Wire", "2025-06-10", "The explosion killed at least six people on Tuesday, "
         "emergency services said. Police had earlier put the death toll at two."),
    )  # fmt: skip

    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert conflict.severity is Severity.low
    assert "reports the other as an earlier count" in conflict.evidence


# --------------------------------------------------------------------------- election night


def test_one_named_source_gives_one_value_for_one_thing(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2026-11-04", "According to an Ipsos exit poll, 58% of voters under 30 "
         "backed Harlan."),
        ("Paper", "2026-11-04", "According to an Ipsos exit poll, 61% of voters under 30 "
         "backed Harlan."),
    )  # fmt: skip

    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert conflict.severity is Severity.high


def test_a_kind_of_source_is_no_one_source(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2026-11-04", "According to officials, 58% of voters under 30 backed Harlan."),
        ("Paper", "2026-11-04", "According to officials, 61% of voters under 30 backed "
         "Harlan."),
    )  # fmt: skip

    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert conflict.severity is Severity.low


# --------------------------------------------------------------------------- piracy


def test_the_agent_after_according_to_is_the_figures_subject(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Paper", "2025-06-10", "According to a regional official, the pirates had demanded "
         "a ransom of $8 million."),
        ("Wire", "2025-06-10", "The shipowner said the pirates had demanded a ransom of $3 "
         "million."),
    )  # fmt: skip

    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert conflict.severity is Severity.high
    assert conflict.evidence.startswith("ransom (USD) (the pirates)")


# --------------------------------------------------------------------------- cross-border strike


def test_an_unplaced_toll_may_be_the_main_places_not_a_side_places(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2025-11-14", "A missile strike on Velna killed nine people on Friday, "
         "wounding 31 in the city of Velna. In the Kazmiri region of Drusk, four people "
         "were wounded when a drone struck a car, the regional governor said."),
        ("Paper", "2025-11-14", "A missile strike on Velna killed nine people. The "
         "regional governor said 31 people had been wounded."),
    )  # fmt: skip

    # 31 is Velna's, the story's own place; Drusk's four is a side count.
    for conflict in _found(comparison, RuleId.CONFLICT):
        assert conflict.severity is Severity.low
        assert "more than one place (Drusk, Velna)" in conflict.evidence


# --------------------------------------------------------------------------- jobs report


def test_a_yearly_change_is_not_the_monthly_one(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2026-03-06", "The Labor Department released its jobs report. Average "
         "hourly earnings rose 0.3% in February."),
        ("Paper", "2026-03-06", "The Labor Department released its jobs report. Average "
         "hourly earnings rose 4.0% in February from a year earlier."),
    )  # fmt: skip

    assert _found(comparison, RuleId.CONFLICT) == []


def test_the_month_of_the_earlier_figure_does_not_date_the_new_one(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2026-03-06", "The Labor Department released its jobs report. The "
         "unemployment rate rose to 4.1% from 4.0% in January."),
        ("Paper", "2026-03-06", "The Labor Department released its jobs report. The "
         "unemployment rate was 4.0% in January."),
    )  # fmt: skip

    assert _found(comparison, RuleId.CONFLICT) == []


def test_a_level_moved_up_to_is_the_level_not_a_ceiling(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2026-03-06", "The Labor Department released its jobs report. The "
         "unemployment rate edged up to 4.1% in February."),
        ("Paper", "2026-03-06", "The Labor Department released its jobs report. The "
         "unemployment rate edged up to 3.8% in February."),
    )  # fmt: skip

    assert _found(comparison, RuleId.AGREE) == []
    (conflict,) = _found(comparison, RuleId.CONFLICT)
    assert "4.1%" in conflict.evidence and "3.8%" in conflict.evidence


# --------------------------------------------------------------------------- protest


def test_a_total_over_several_days_is_not_the_last_days(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2026-03-09", "The Madrid pension protests ended. Police arrested 41 people "
         "over two days of protests in Madrid, after a second march on Sunday ended in "
         "scuffles."),
        ("Paper", "2026-03-09", "The Madrid pension protests ended. Police arrested 18 "
         "people in Madrid on Sunday."),
    )  # fmt: skip

    assert _found(comparison, RuleId.CONFLICT) == []


# --------------------------------------------------------------------------- outbreak


def test_an_earlier_epidemic_of_several_years_is_its_own(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2026-03-10", "The Ebola outbreak in Congo has killed 112 people, the WHO "
         "said."),
        ("Paper", "2026-03-10", "The Ebola outbreak in Congo has killed 112 people, the WHO "
         "said. The North Kivu epidemic of 2018-2020 killed 2,287 people."),
    )  # fmt: skip

    assert _found(comparison, RuleId.CONFLICT) == []


def test_new_cases_and_the_days_before_count_are_not_the_total(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2026-03-10", "The Ebola outbreak in Congo grew. The WHO reported 35 new "
         "cases on Tuesday."),
        ("Paper", "2026-03-10", "The Ebola outbreak in Congo grew. The outbreak has grown to "
         "347 confirmed cases, the WHO said on Tuesday, up from 312 confirmed cases a day "
         "earlier."),
        ("Radio", "2026-03-10", "The Ebola outbreak in Congo grew. The outbreak has grown to "
         "347 confirmed cases, the WHO said on Tuesday."),
    )  # fmt: skip

    assert _found(comparison, RuleId.CONFLICT) == []


# --------------------------------------------------------------------------- takeover


def test_two_totals_of_one_deal_and_its_guidance_are_not_one_figure(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Wire", "2026-03-10", "Nordvik agreed to buy Pinecrest. The deal has an enterprise "
         "value of $9.4 billion. The deal is valued at $9.4 billion including debt. "
         "Pinecrest expects revenue of $4.3 billion to $4.5 billion."),
        ("Paper", "2026-03-10", "Nordvik agreed to buy Pinecrest. The deal has an equity "
         "value of $8.1 billion. The deal is valued at $8.1 billion. Pinecrest's revenue "
         "was $4.2 billion."),
    )  # fmt: skip

    assert _found(comparison, RuleId.CONFLICT) == []


def test_a_record_last_season_is_no_stale_total(tmp_path: Path) -> None:
    comparison = compare_story(
        tmp_path,
        ("Old", "2004-04-21", "Under Ayers, the Sixers went 43-39 on April 21, 2004."),
        ("New", "2005-05-24", "Under Ayers, the Sixers went 43-39."),
        ("Other", "2005-05-24", "Under Ayers, the Sixers went 162-139."),
    )  # fmt: skip

    assert _found(comparison, RuleId.STALE) == []
