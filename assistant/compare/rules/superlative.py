"""SUPERLATIVE — "highest", "record", "worst", "first" … claims that need a baseline.

Fires for every claim (except opinions and ungrounded quotes) whose quote contains a
superlative or record cue: highest/lowest/largest/biggest/worst/deadliest/costliest/
heaviest/strongest/wettest/hottest…, "record" (as a word, not "recorded"), "all-time",
"unprecedented", "ever recorded", "on record", "since records began", "the most serious
… in/since/ever", "for the first time", "first-ever", "never before". When the claim
states its baseline ("since records began in 1952", "in 50 years", "in decades") the
evidence quotes it, since the baseline itself must be checked.

Does not fire for look-alikes: "recorded", "records show", "first responders", "most
residents", "the best estimate", "worst-hit", "its highest alert level", someone's record
("an unblemished record", "his criminal record"), a limit or the day's extreme ("the
lowest allowed", "at its lowest point", unless a baseline follows: "its lowest point
since 2009"), a scenario ("the worst projections"), nor for "the first time since the
weekend / Monday / last week / in days": a change of course over days or weeks claims no
record.

Severity medium. Evidence: the cue, the claim, and the stated baseline if any.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from assistant.compare.evidence import finding, quote
from assistant.compare.package import Package
from assistant.model import Finding, RuleId, Severity

_CUE = re.compile(
    r"\b(?:highest(?! alert| level of alert)|lowest|largest|biggest|smallest|"
    r"worst(?![- ](?:hit|affected))|deadliest|costliest|heaviest|"
    r"strongest|wettest|driest|hottest|coldest|longest|fastest|record(?:-breaking|-high|-low)?|"
    r"all-time|unprecedented|ever recorded|on record|since records began|for the first time|"
    r"the most \w+(?: \w+){0,3} (?:in|since|ever)|"
    r"the first time|first[- ]ever|never before)\b",
    # Matched against the lower-cased quote: several times faster than re.IGNORECASE.
)
# "for the first time since the weekend": a recent turn, not a record.
_RECENT = re.compile(
    r"\s+(?:since|in)\s+(?:the\s+|last\s+|this\s+|early\s+|late\s+)?"
    r"(?:weekend|week|month|night|morning|afternoon|evening|yesterday|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?:(?:a|one|two|three|four|five|six|several|few|many)\s+)?(?:hours?|days?|weeks?))\b"
)
_BASELINE = re.compile(
    r"\b(?:since [^,.;:]+|"
    r"in (?:over |more than |nearly |almost )?(?:\d+|a|one|two|three|five|ten|fifty|a hundred) "
    r"(?:years?|decades?|centur(?:y|ies))|in (?:years|decades)|on record|ever recorded|"
    r"in (?:living memory|(?:[\w']+ )?history))",
    re.IGNORECASE,
)


def check(package: Package) -> Iterator[Finding]:
    for f in package.facts:
        if not f.checkable or (cue := _cue(f.claim.quote)) is None:
            continue
        baseline = _BASELINE.search(f.claim.quote)
        need = (
            f"the stated baseline “{baseline[0]}” must be checked against the record"
            if baseline
            else "no baseline is stated: which record, since when, kept by whom?"
        )
        yield finding(
            RuleId.SUPERLATIVE,
            Severity.medium,
            [f],
            f"{f.outlet}: “{cue}” in {quote(f.claim.quote)}: {need}",
        )


@lru_cache(maxsize=65536)
def _cue(text: str) -> str | None:
    """The first superlative cue in ``text`` that claims a record (see the module
    docstring), lower-cased. Cached: outlets repeat one another's sentences."""
    lowered = text.lower()
    for cue in _CUE.finditer(lowered):
        if cue[0].endswith("first time") and _RECENT.match(lowered, cue.end()):
            continue
        if cue[0] == "record" and (
            _WHOSE_RECORD.search(lowered, 0, cue.start()) or _TALLY_AFTER.match(lowered, cue.end())
        ):
            continue
        if _NEGATED.search(lowered, max(0, cue.start() - 12), cue.start()):
            continue
        if _NO_RECORD_AFTER.match(lowered, cue.end()) and not _SINCE_AFTER.match(
            lowered, cue.end()
        ):
            continue
        return cue[0]
    return None


# "an unblemished record", "his record", "a criminal record": what someone has done, not
# a record set.
_WHOSE_RECORD = re.compile(
    r"\b(?:his|her|their|its|my|our|your|unblemished|clean|spotless|criminal|good|bad|poor|"
    r"impeccable|exemplary|perfect|voting|safety|driving|service|military|medical|police|"
    r"track|public|court|academic|personal|financial|employment|dental|prison|arrest|"
    r"win-loss|disciplinary|professional|career|fight|fighting|coaching|unbeaten|winning|"
    r"losing|playing)\s+$"
)
# "a record of 21 wins and three losses", "a 14-27 record": a tally, not a record set.
_TALLY_AFTER = re.compile(
    r"\s+of\s+[\w,.-]+\s+(?:wins?|victories|losses|defeats|draws|games|fights|bouts)\b"
    r"|\s+of\s+\d+-\d+"
)
# "not the first time": no first at all.
_NEGATED = re.compile(r"\b(?:not|never)\s+(?:for\s+)?$")
# "the lowest allowed under exchange rules", "at its lowest point" in a day's trading,
# "the worst projections": a limit, the day's extreme or a scenario, not a record -
# unless a baseline follows ("its lowest point since 2009").
_NO_RECORD_AFTER = re.compile(
    r"\s+(?:allowed|permitted|possible|point|points|level|levels|case|projections?|"
    r"scenarios?|forecasts?|estimates?)\b"
)
_SINCE_AFTER = re.compile(r"\s+\w+\s+(?:since|in|ever|on\s+record)\b")
