"""Hedge cues and their scope, found in a region of article text."""

from __future__ import annotations

import pytest

from assistant.extract.offline import find_hedges
from assistant.model import HedgeKind, HedgeScope

_UNCERTAIN = frozenset(
    {
        HedgeKind.epistemic_modal,
        HedgeKind.evidential,
        HedgeKind.verification_disclaimer,
        HedgeKind.conditional,
    }
)


def _cues(text: str) -> list[tuple[str, HedgeKind, HedgeScope]]:
    return [(h.cue, h.kind, h.scope) for h in find_hedges(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "cue", "kind"),
    [
        ("The river may rise again.", "may", HedgeKind.epistemic_modal),
        ("The dam is expected to fail.", "is expected to", HedgeKind.epistemic_modal),
        ("It appears to have held.", "appears to", HedgeKind.epistemic_modal),
        ("Repairs will probably take weeks.", "probably", HedgeKind.epistemic_modal),
        ("The barrier was reportedly overtopped.", "reportedly", HedgeKind.evidential),
        ("It was supposedly the worst flood.", "supposedly", HedgeKind.evidential),
        ("The owner is said to have fled.", "is said to", HedgeKind.evidential),
        ("Rumoured cuts worried staff.", "Rumoured", HedgeKind.evidential),
        ("Officials were unable to confirm the report.", "were unable to confirm",
         HedgeKind.verification_disclaimer),
        ("Unconfirmed reports spoke of looting.", "Unconfirmed", HedgeKind.verification_disclaimer),
        ("Harlan led with 51%, unofficial results showed.", "unofficial",
         HedgeKind.epistemic_modal),
        ("She heard what sounded like 20 shots.", "sounded like", HedgeKind.epistemic_modal),
    ],
)  # fmt: skip
def test_each_kind_of_cue(text: str, cue: str, kind: HedgeKind) -> None:
    assert (cue, kind) in [(c, k) for c, k, _ in _cues(text)]


def test_a_disclaimer_wins_over_the_modal_inside_it() -> None:
    cues = _cues("The figures could not be independently verified.")
    assert cues == [
        (
            "could not be independently verified",
            HedgeKind.verification_disclaimer,
            HedgeScope.preceding,
        ),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "These figures could not be independently verified.",
        "The claims cannot be independently confirmed.",
        "They have not been verified.",
        "Reuters could not verify the reports.",
        "The Herald could not independently confirm the amount.",
        "The paper was unable to verify the tally.",
    ],
)
def test_a_disclaimer_that_refers_back_covers_preceding_sentences(text: str) -> None:
    scopes = [scope for _, kind, scope in _cues(text) if kind is HedgeKind.verification_disclaimer]
    assert scopes == [HedgeScope.preceding]


def test_a_disclaimer_after_a_figure_covers_its_own_sentence() -> None:
    text = "About 30 people were trapped, a figure which could not be independently verified."
    cues = _cues(text)
    assert (
        "could not be independently verified",
        HedgeKind.verification_disclaimer,
        HedgeScope.sentence,
    ) in cues
    assert ("About", HedgeKind.approximator, HedgeScope.clause) in cues


def test_approximators_come_from_bounds_and_vague_amounts() -> None:
    text = "More than 1,000 people and hundreds of cattle, but exactly 12 dogs."
    approximators = [c for c, k, _ in _cues(text) if k is HedgeKind.approximator]
    assert approximators == ["More than", "hundreds"]


def test_attribution_cue_marks_what_the_claim_rests_on() -> None:
    cues = _cues("Twelve people died, the interior ministry said.")
    assert ("said", HedgeKind.attribution_only, HedgeScope.sentence) in cues


def test_spans_are_absolute_within_a_region() -> None:
    text = "Intro sentence here. The wall was reportedly breached. Outro."
    start = text.index("The wall")
    end = text.index(" Outro")
    (hedge,) = find_hedges(text, start, end)
    assert hedge.span is not None
    assert text[hedge.span.start : hedge.span.end] == "reportedly" == hedge.cue


def test_may_the_month_is_not_a_modal() -> None:
    assert _cues("The dam was built in May 1990.") == []


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        # modals of possibility, and the senses ruled out by their context
        ("Crews could reach the town by noon.", ["could"]),
        ("The minister could not be reached for comment.", []),
        ("The defendant appeared in court on Monday.", []),
        ("The minister appeared confident.", ["appeared"]),
        ("Shares rose more than expected.", []),
        ("Profits are expected to fall.", ["are expected to"]),
        ("The suspect was taken into custody.", []),
        ("He was arrested on suspicion of arson.", ["suspicion"]),
        ("The plant will stay closed until it is repaired.", ["until"]),
        ("He ran the firm until the board forced him out.", []),
        ("The store is shut until further notice.", []),
        ("A centrist think tank hailed the move.", []),
        ("I think the number will rise.", ["think"]),
        ("The tablet has 16 potential buyers.", []),
        ("Officials weighed potential charges.", ["potential"]),
        ("It is unclear whether anyone was inside.", ["unclear", "whether"]),
        ("The blaze claimed 12 lives.", []),
        ("Rebels claimed 40 soldiers died.", ["claimed"]),
        # perception and ability are no possibility
        ("From the road, smoke could be seen for miles.", []),
        ("Neighbours could hear the alarm.", []),
        # the adjective "apparent" hedges, unless something became apparent
        ("Police called it an apparent robbery.", ["apparent"]),
        ("It soon became apparent that the pier was lost.", []),
        # a category of object, not a doubt
        ("Staff found a suspicious package in the lobby.", []),
        ("Investigators called the fire suspicious.", ["suspicious"]),
        # doubt spelled out
        ("It is too early to say what caused the outage.", ["too early to say"]),
        ("The cause has not been determined.", ["has not been determined"]),
        ("Initial indications point to a cable fault.", ["Initial indications"]),
        ("The keeper, said to have been asleep, was fired.", ["said to have"]),
        ("I'm not sure the count is right.", ["not sure"]),
        ("The ferry was evidently overloaded.", ["evidently"]),
        # someone else's word
        ("Prosecutors allege Simpson shot him twice.", ["allege"]),
        ("The hotel sold for a reported $30 million.", ["a reported"]),
        ("He was found at the motel, it was reported Wednesday.", ["it was reported"]),
        ("Police reported 40 arrests.", []),
        # "an estimated 300" is a figure's bound, not a doubt about a statement
        ("An estimated 300 people attended.", []),
    ],
)
def test_cues_and_the_contexts_that_rule_them_out(text: str, cues: list[str]) -> None:
    assert [h.cue for h in find_hedges(text, 0, len(text)) if h.kind in _UNCERTAIN] == cues


def test_a_result_better_than_expected_is_no_expectation() -> None:
    assert _cues("Vestra posted better-than-expected profit of 812 million euros.") == []


def test_a_likeness_with_no_figure_is_no_hedge() -> None:
    assert _cues("It sounded like a dog. He looked like Joe Montana.") == []
