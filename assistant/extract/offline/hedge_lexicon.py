"""The hedge lexicon: the words that keep a statement from being asserted as fact.

Data, one ``HedgeRule`` per entry: a regex (word-bounded for you), its kind and default
scope, and what must *not* stand right before or after it for it to count. The cue
classes follow the Szeged/CoNLL-2010 uncertainty annotation (epistemic, doxastic,
investigation, condition), with the senses that are not uncertainty ruled out by their
context rather than by dropping the word:

- "could" is a cue, "could not be reached" is past ability;
- "appeared confident" is a cue, "appeared in court" is not;
- "is expected to" is a cue, "than expected" / "as expected" are not;
- "the suspect" (a noun) is not, "suspected of" is;
- "until the market settles" leaves the outcome open, "until 1974" does not;
- "potential customers" names a category, "potential charges" hedges.

Modals of ability and obligation ("can", "must", "should"), plain future ("will"), and
reported future ("said it would") are not cues: in news they mostly assert.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.model import HedgeKind, HedgeScope


@dataclass(frozen=True, slots=True)
class HedgeRule:
    """One lexicon entry.

    ``not_before``: a regex that, matched against the words just before the cue (it is
    anchored at the cue), makes it no cue; ``not_after`` likewise for the words after.
    """

    pattern: str
    kind: HedgeKind
    scope: HedgeScope
    ignore_case: bool = True
    not_before: str | None = None
    not_after: str | None = None


_V = HedgeKind.verification_disclaimer
_E = HedgeKind.evidential
_C = HedgeKind.conditional
_M = HedgeKind.epistemic_modal
_SENT, _CLAUSE = HedgeScope.sentence, HedgeScope.clause

_NT = r"(?:\s*n[’']t|\s+not)"  # "couldn't", "could not", and the tokenised "could n't"
_NOT = rf"(?:cannot|can\s*not|(?:could|can|did|do|does){_NT})"
_ADV = r"(?:(?:yet|immediately|independently|be|been|so\s+far)\s+){0,3}"
# A word that makes the next one a noun: "the suspect", "a thought", "his claims".
_DETERMINER = (
    r"\b(?:a|an|the|this|that|these|those|his|her|its|their|our|my|your|of|no|any|some|"
    r"such|first|second)\s+$"
)
# Dates and times after "until": the end is known, nothing is left open.
_KNOWN_TIME = (
    r"\s+(?:now|then|recently|today|tonight|yesterday|tomorrow|last|this|next|early|late|"
    r"mid\w*|the\s+(?:end|start|beginning|middle)|\d|(?:jan(?:uary)?|feb(?:ruary)?|"
    r"mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?)\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"further\s+notice)"
)
# A past-tense verb soon after "until": what followed did happen.
_PAST_AFTER = (
    r"(?:\s+(?!(?:is|are|be|been|being|gets?)\b)[\w'’-]+){0,6}?\s+"
    r"(?:was|were|had|did|became|came|went|took|got|[a-z]{3,}ed)\b"
)

HEDGE_RULES: tuple[HedgeRule, ...] = (
    # --- verification disclaimers: the outlet says it could not check
    HedgeRule(rf"{_NOT}\s+{_ADV}(?:verif(?:y|ied)|confirm(?:ed)?|corroborate)", _V, _SENT),
    HedgeRule(
        rf"(?:has|have|had|was|were|is|are){_NT}\s+{_ADV}(?:verified|confirmed|corroborated)",
        _V,
        _SENT,
    ),
    HedgeRule(
        r"(?:was|were|is|are|has\s+been|have\s+been)\s+(?:unable|not\s+able)\s+to\s+"
        r"(?:independently\s+)?(?:verify|confirm|corroborate)",
        _V,
        _SENT,
    ),
    HedgeRule(r"unconfirmed|unverified|uncorroborated", _V, _SENT),
    HedgeRule(r"no\s+independent\s+(?:confirmation|verification)", _V, _SENT),
    # --- evidentials: someone else's word, not established
    HedgeRule(
        r"reportedly|supposedly|allegedly|purportedly|apparently|ostensibly|evidently|"
        r"reputedly|reputed",
        _E,
        _CLAUSE,
    ),
    HedgeRule(r"(?:is|are|was|were)\s+said\s+to|rumou?r(?:s|ed)?|it\s+is\s+claimed", _E, _CLAUSE),
    # "said to have been", "thought to be": the passive of belief without its auxiliary
    HedgeRule(r"(?:said|thought|believed|reported)\s+to\s+(?:be|have)", _E, _CLAUSE),
    HedgeRule(r"according\s+to\s+(?:unconfirmed\s+|media\s+|news\s+)?reports", _E, _CLAUSE),
    HedgeRule(r"alleged|allege|alleges|allegations?|accusations?", _E, _CLAUSE),
    # "sold for a reported $30 million", "it was reported Wednesday": a report, not a fact.
    HedgeRule(
        r"(?:a|the)\s+reported|it\s+(?:is|was|has\s+been|had\s+been)\s+reported", _E, _CLAUSE
    ),
    HedgeRule(r"accused", _E, _CLAUSE, not_before=r"\bthe\s+$"),
    HedgeRule(
        r"claim(?:s|ed|ing)?",
        _E,
        _CLAUSE,
        not_before=_DETERMINER + r"|\b(?:insurance|compensation|damages)\s+$",
        # "claimed responsibility", "the fire claimed 12 lives": no one's unproven word
        not_after=r"\s+(?:responsibility|credit|victory|(?:the|a|his|her|their)\s+(?:\w+\s+)?"
        r"(?:title|crown|championship|seat|prize|lives?))|(?:\s+[\w,-]+){1,3}?\s+lives?\b",
    ),
    # --- conditions: not (yet) the case
    HedgeRule(r"if|whether|unless", _C, _CLAUSE),
    HedgeRule(r"depending\s+on|depends\s+on", _C, _CLAUSE),
    # "until the market settles" leaves it open; "ran the firm until pressures forced it
    # to close" tells what happened.
    HedgeRule(r"until", _C, _CLAUSE, not_after=_KNOWN_TIME + "|" + _PAST_AFTER),
    # --- epistemic modality: possibility, likelihood, belief, expectation
    HedgeRule(r"may|[Mm]ight", _M, _CLAUSE, ignore_case=False),  # not the month "May"
    # "could not lift it", "flames could be seen": ability and perception, not possibility
    HedgeRule(
        r"could",
        _M,
        _CLAUSE,
        not_after=_NT + r"|\s+(?:(?:be\s+)?(?:see|seen|hear|heard|smell|smelled|feel|felt))\b",
    ),
    HedgeRule(
        r"likely|unlikely|likelihood|probably|probable|probability|possibly|perhaps|maybe|"
        r"presumably|presumed|conceivably|seemingly|possibility|uncertain(?:ty)?|unclear|"
        r"unknown|speculat(?:e|ed|es|ing|ion)|arguably|almost\s+certainly|conjectur(?:e|ed|es)|"
        r"unsure|not\s+sure|n[’']t\s+sure|my\s+guess|(?:I|we)\s+guess|guessed|"
        r"as\s+far\s+as\s+(?:I|we)\s+know|undetermined",
        _M,
        _CLAUSE,
    ),
    HedgeRule(
        r"possible",
        _M,
        _CLAUSE,
        # "as soon as possible", "the fastest possible", "all means possible"
        not_before=r"\bas\s+\w+\s+as\s+$|\w+est\s+$|\b(?:all|every|any)\s+(?:\w+\s+)?$",
    ),
    HedgeRule(
        r"potential(?:ly)?",
        _M,
        _CLAUSE,
        not_after=r"\s+(?:customers?|buyers?|purchasers?|bidders?|investors?|clients?|"
        r"voters?|jurors?|candidates?|recruits?|users?|partners?|suitors?)\b",
    ),
    HedgeRule(
        r"(?:appears?|appeared|appearing)(?:\s+to)?",
        _M,
        _CLAUSE,
        # "appeared in court", "due to appear before magistrates": a physical appearance
        not_after=r"\s+(?:in|before|at|on|for|with|as|alongside|via|by)\b|\s*[.,;]",
    ),
    # "the apparent cause"; not "it became apparent", which says it is plain to see
    HedgeRule(r"apparent", _M, _CLAUSE, not_before=r"\b(?:became|become|becomes|becoming)\s+$"),
    # "Initial indications", "reports indicated". Not "an estimated 2,000": that is a
    # figure's bound (about), and FactBank does not count it as doubt.
    HedgeRule(
        r"(?:initial\s+|early\s+|preliminary\s+)?(?:indications?|indicat(?:e|es|ed|ing))",
        _M,
        _CLAUSE,
    ),
    HedgeRule(r"seems?|seemed|seeming", _M, _CLAUSE),
    HedgeRule(r"suggest(?:s|ed|ing|ion|ions)?", _M, _CLAUSE),
    HedgeRule(
        r"believes?|believing|belief|(?:(?:is|are|was|were)\s+)?believed(?:\s+to)?", _M, _CLAUSE
    ),
    HedgeRule(
        r"think|thinks|(?:(?:is|are|was|were)\s+)?thought(?:\s+to)?",
        _M,
        _CLAUSE,
        not_before=_DETERMINER,
        # "a think tank", "think about the years": no belief stated
        not_after=r"\s+(?:tanks?|about|of\s+it|back|twice)\b",
    ),
    # Not "a suspicious package": a category of object, not a doubt about a statement.
    HedgeRule(
        r"suspect(?:s)?(?=\s+that)|suspected|suspicions?|suspicious",
        _M,
        _CLAUSE,
        not_after=r"\s+(?:packages?|devices?|items?|objects?|envelopes?|parcels?|bags?|"
        r"substances?|powder|vehicles?|activity|activities)\b",
    ),
    HedgeRule(r"doubtful|cast(?:s|ing)?\s+doubts?|doubts?\s+(?:about|whether|that)", _M, _CLAUSE),
    HedgeRule(
        r"(?:(?:is|are|was|were|be|been|being)\s+)?expect(?:s|ed|ing|ation|ations)?(?:\s+to)?",
        _M,
        _CLAUSE,
        # "than expected", "better-than-expected", "as expected", "had been expected." -
        # what was, not what may be
        not_before=r"\b(?:than|as|been)[\s-]+$",
        not_after=r"\s*[.,;:]",
    ),
    HedgeRule(
        r"anticipat(?:e|es|ed|ing)|predict(?:s|ed|ing|ion|ions)?|forecasts?|projected",
        _M,
        _CLAUSE,
    ),
    HedgeRule(r"(?:is|are|was|were|be|been|being|widely)\s+considered", _M, _CLAUSE),
    # "unofficial results", "an unofficial count", "awaiting laboratory confirmation":
    # figures not yet final. (Not "preliminary": the gold and FactBank read a preliminary
    # count as a count, and the cue cost F1 on both.)
    HedgeRule(r"unofficial", _M, _CLAUSE),
    HedgeRule(r"awaiting\s+(?:[\w-]+\s+)?confirmation", _M, _CLAUSE),
    # "heard what sounded like 20 shots": a witness's impression of a count (not "it
    # sounded like a dog", "he looked like Joe Montana": no figure in doubt).
    HedgeRule(
        r"sounded\s+like(?=\s+(?:about\s+|around\s+|at\s+least\s+)?(?:\d+|a\s+dozen|dozens|"
        r"several|two|three|four|five|six|seven|eight|nine|ten)\b)",
        _M,
        _CLAUSE,
    ),
    HedgeRule(r"(?:fears?|feared|worries|worried)\s+that", _M, _CLAUSE),
    HedgeRule(r"chances?\s+(?:of|that)", _M, _CLAUSE),
    HedgeRule(
        r"not\s+(?:yet\s+|immediately\s+)?(?:known|clear)|remains?\s+to\s+be\s+seen|"
        r"yet\s+to\s+be\s+(?:determined|decided|seen|established)|"
        r"(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+(?:determined|established)|"
        r"too\s+(?:early|soon)\s+to\s+(?:say|tell|know|determine)",
        _M,
        _CLAUSE,
    ),
)
# When cues overlap, the strongest kind wins: "could" inside "could not be verified" is
# part of the disclaimer, not a modal.
PRIORITY = {_V: 0, _E: 1, _C: 2, _M: 3}
