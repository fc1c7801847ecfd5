"""What a claim is about: its metric, subject, period, location, and the cues that make a
sentence checkable without a number (superlatives, predictions).

Every function reads a region ``text[start:end]`` of the article and returns words as
written (lowercased where the field is a key, like the metric); none of them resolves
anything - dates, canonical metrics and source names are the rule layer's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from assistant.extract.offline.lexicon import words
from assistant.extract.offline.source_lexicon import ROLE_WORDS
from assistant.model import Period, Span
from assistant.normalize.facets import PRISON_SENTENCE, SHARP_FALLS, SHARP_RISES
from assistant.normalize.numbers import (
    CURRENCIES,
    HEIGHT_THEN_POUNDS,
    IRREGULAR_PAST,
    MAGNITUDE,
    MEASURE_UNITS,
    TEMPERATURE_UNITS,
    TIME_UNITS,
    WEIGHED_BEFORE,
    QuantityMatch,
    match_quantities,
)

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:{_MONTH}\s+{_DAY}(?:\s*(?:[-–]|and|to|through|until)\s*(?:{_MONTH}\s+)?{_DAY})?"
    rf"(?:,?\s+\d{{4}})?|{_DAY}(?:\s*(?:[-–]|and|to)\s*{_DAY})?\s+(?:of\s+)?{_MONTH}(?:\s+\d{{4}})?)"
)
_SPAN_WORDS = r"(?i:hours?|days?|nights?|weeks?|months?|years?)"
_NUMBERISH = r"(?:\d+|(?i:two|three|four|five|six|seven|eight|nine|ten|twelve|24|48|72))"


class PeriodPattern(NamedTuple):
    """A way a period is written. Lowercase words match any case; names of days and
    months must be capitalised, so "may" the modal is never a month. ``gate``: words (in
    lower case) one of which the clause must hold for the pattern to be tried at all,
    since every figure's clause is searched with every pattern."""

    pattern: str
    cumulative: bool
    gate: tuple[str, ...] = ()


_YEARS = ("19", "20")  # a clause without these holds no year from 1800 to 2099
PERIOD_PATTERNS: tuple[PeriodPattern, ...] = (
    PeriodPattern(rf"(?i:between|from)\s+{_DATE}", False),
    PeriodPattern(
        rf"(?i:since)\s+(?:{_DATE}|{_WEEKDAY}|{_MONTH}(?:\s+\d{{4}})?|\d{{4}})", True, ("since",)
    ),
    PeriodPattern(
        r"(?i:since)\s+(?:(?i:the)\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?i:began|started|struck|hit|broke\s+out|arrived|opened)",
        True,
        ("since",),
    ),
    PeriodPattern(
        r"(?i:since\s+the\s+(?:start|beginning|outbreak)\s+of\s+(?:the\s+)?[\w-]+)",
        True,
        ("since",),
    ),
    PeriodPattern(
        rf"(?i:(?:in|over|during|within|for)\s+the\s+(?:past|last|previous|first|next))\s+"
        rf"(?:{_NUMBERISH}\s+)?{_SPAN_WORDS}",
        False,
    ),
    PeriodPattern(
        rf"(?:(?i:late|early)\s+)?(?:(?i:on|by|until)\s+)?{_WEEKDAY}"
        r"(?:\s+(?i:morning|afternoon|evening|night|lunchtime))?",
        False,
    ),
    PeriodPattern(rf"(?:(?i:on|by|until)\s+)?{_DATE}", False),
    PeriodPattern(
        r"(?i:overnight|yesterday|today|tonight|this\s+(?:morning|afternoon|evening|week|month|"
        r"year|weekend)|last\s+(?:night|week|month|year|weekend)|earlier\s+this\s+(?:week|month|"
        r"year))",
        False,
    ),
    PeriodPattern(rf"(?:(?i:last|this|next)\s+){_WEEKDAY}", False),
    PeriodPattern(rf"(?i:in|during)\s+{_MONTH}(?:\s+\d{{4}})?", False),
    # A year alone: "a five-year heroin rap in 1959", "In 2003 a magnitude 6.6 quake":
    # a figure of another time, never the story's running count.
    PeriodPattern(r"(?i:in|during)\s+(?:1[89]|20)\d\d(?![\d/-])", False, _YEARS),
    # A span the figure was counted over: "arrested 41 people over two days of protests",
    # "over the weekend". Several days, not the one a later clause names.
    PeriodPattern(
        r"(?i:(?:over|across|during|throughout)\s+(?:the\s+)?(?:(?:two|three|four|five|six|"
        r"seven|several|\d+)\s+(?:days|nights|weeks|months)|weekend))",
        False,
        ("over", "across", "during", "throughout"),
    ),
    # A calendar quarter, as results copy dates its figures: "in the third quarter of
    # 2025", "Q3 2025", "for the fourth quarter" (read against the day of publication).
    PeriodPattern(
        r"(?i:(?:in|during|for|of)\s+(?:the\s+)?(?:first|second|third|fourth|final|last)"
        r"[\s-]+quarter(?:\s+of\s+(?:fiscal\s+)?(?:1[89]|20)\d\d)?)"
        r"|\bQ[1-4](?:\s+(?:1[89]|20)\d\d)?",
        False,
        ("quarter", "q1", "q2", "q3", "q4"),
    ),
    # The same period a year (or a day) before: its figure is the comparison's, never this
    # one's: "640 million euros a year earlier", "312 cases a day earlier". Not "rose 4%
    # from a year earlier": that is a change's baseline (see ``_BASELINE_AFTER``).
    PeriodPattern(
        r"(?i:the\s+(?:year-?earlier|year-?ago|prior-?year|same)\s+(?:quarter|period|month)"
        r"(?:\s+(?:a\s+year\s+(?:earlier|ago|before)|last\s+year))?"
        r"|(?<!from\s)(?<!than\s)(?<!over\s)(?<!with\s)(?<!on\s)"
        r"(?:a|one)\s+(?:year|day|week|month)\s+(?:earlier|ago|before)"
        r"|the\s+(?:day|week|month|year)\s+before|the\s+previous\s+(?:day|week))",
        False,
        ("earlier", "ago", "before", "previous"),
    ),
    # Years from one to another, or a year a thing is "of": "The North Kivu epidemic of
    # 2018-2020 killed 2,287", "between 2018 and 2020", "the floods of 2021".
    PeriodPattern(
        r"(?i:in|of|from|during|between)\s+(?:1[89]|20)\d\d\s*(?:-|–|to|and)\s*"
        r"(?:(?:1[89]|20)\d\d|\d\d)(?![\d/-])"
        r"|(?i:of)\s+(?:1[89]|20)\d\d(?![\d/-])",
        False,
        _YEARS,
    ),
    # An earlier disaster named by its year: "the 2018 Camp Fire, which killed 85", "a
    # 2023 accident killed 62 people", "since the 2007 Halden Air crash". Its toll is its
    # own, never the story's. (Not elections: "the 2026 election" is often the story.)
    PeriodPattern(
        r"(?:(?i:a|an|the|his|her|their|its)|[A-Z][\w-]*['’]s)\s+(?:1[89]|20)\d\d\s+"
        r"(?:[A-Z][\w'’.-]*\s+){0,3}"
        r"(?i:accident|crash|air\s+crash|plane\s+crash|fire|blaze|wildfire|bushfire|quake|"
        r"earthquake|storm|hurricane|typhoon|cyclone|floods?|flooding|attack|attacks|bombing|"
        r"shooting|massacre|disaster|tsunami|eruption|explosion|blast|outbreak|epidemic|"
        r"pandemic|riots?|derailment|collapse|heatwave|heat\s+wave|drought|landslide|"
        r"mudslide|avalanche|stampede|sinking|spill|collisions?|pile-?up|shipwreck|capsizing|"
        r"raid|heist|robbery|hijacking|siege|ambush|invasion|war|uprising|famine|"
        # and someone's earlier brush with the law: "his 2019 arrest"
        r"arrest|conviction|trial|indictment|divorce|bankruptcy|scandal)",
        False,
        _YEARS,
    ),
    # A horizon: "By 2085 it will pay 74 percent", "After 2036, 77 percent": as of then.
    PeriodPattern(r"(?i:by|after)\s+(?:1[89]|20)\d\d(?![\d/-])", False, _YEARS),
    # An occasion other than the story's own: "22 points in the teams' previous meeting",
    # "48.9% of the vote in the primary", "trailed 58-55 at halftime". It names no days,
    # so the figure stays out of the story's running comparisons (unresolved).
    PeriodPattern(
        r"(?i:(?:in|at|during|from)\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+|"
        r"the\s+(?:two\s+)?(?:teams|sides|clubs|men|women)['’]?\s+)?"
        r"(?:previous|prior|last|earlier|first|opening)\s+(?:meeting|game|match|encounter|"
        r"bout|fight|outing|appearance|election|vote|primary|race|contest|trial|leg|tie)s?)",
        False,
        ("previous", "prior", "last", "earlier", "first", "opening"),
    ),
    PeriodPattern(
        r"(?i:(?:in|during)\s+the\s+(?:primary|primaries|run-?off|first\s+round|"
        r"semi-?finals?|quarter-?finals?|group\s+stage|regular\s+season|play-?offs|pre-?season)"
        r"|at\s+(?:half-?time|the\s+half|the\s+break|the\s+interval))",
        False,
        ("primar", "run", "round", "final", "stage", "season", "play", "half", "break", "interval"),
    ),
    PeriodPattern(
        r"(?i:so\s+far(?:\s+this\s+(?:year|week|month))?|to\s+date|in\s+total|thus\s+far"
        # "in all", but not "in all of this", "in all their years"
        r"|in\s+all(?!\s+(?:of|the|its|their|these|those|that|this|his|her)\b)"
        r"|cumulatively)",
        True,
        ("so far", "to date", "in total", "thus far", "in all", "cumulatively"),
    ),
)
_PERIODS = tuple(
    (
        re.compile(rf"\b{p.pattern}\b"),
        p.cumulative,
        re.compile("|".join(map(re.escape, p.gate))) if p.gate else None,
    )
    for p in PERIOD_PATTERNS
)
# Not periods, but they make the figure next to them a running total.
# A coordinated clause after a figure: its periods are its own, not the figure's.
# So is a comparison with an earlier figure: "61% of voters, up from 54% in 2022" (2022 is
# the earlier figure's year), "1,200 homes, a sharp increase from Sunday's count of 140".
_NEXT_CLAUSE = re.compile(
    r";"
    r"|,\s*(?:(?:and|but|while|whereas|though|although)\b"
    # "arrested 41 people over two days, after a march on Sunday ended": Sunday is the
    # march's
    r"|(?:after|before|when|as|until)\s"
    r"|(?:a|an)\s+(?:[a-z]+\s+)?(?:increase|rise|jump|drop|decrease|decline|fall|surge)\s+"
    r"(?:from|on|of)\b"
    r"|(?:up|down)\s+from\b|(?:compared|as\s+against)\s+(?:with|to)\b"
    # "reached 44.1C, beating the previous high of 43.6C set in August 1994": the record's
    r"|(?:beating|surpassing|breaking|topping|eclipsing|exceeding|smashing)\s)"
    r"|\s(?:but|whereas)\s"
    r"|\s+(?:(?:up|down)\s+from\b|(?:compared|as\s+against)\s+(?:with|to)\b"
    # "rose to 4.1% from 4.0% in January": January is the earlier figure's
    r"|from\s+(?=(?:about\s+|around\s+|nearly\s+)?[$€£]?\d)"
    # "fell 12.4% from Friday's close", "than the previous session": the baseline's day
    r"|(?:from|than)\s+(?=(?:[A-Z][a-z]+day|yesterday|last\s+\w+)['’]s\s|(?:the\s+)?"
    r"(?:previous|prior|preceding)\s+(?:close|session|day|week|month|year|quarter)\b)"
    # and a bare day right after a change ("ended down 12.4% from Friday"), not a start
    # ("can be requested from Monday") nor a span ("from Friday to Sunday")
    r"|(?:(?<=%\s)|(?<=percent\s)|(?<=points\s))(?:from|than)\s+"
    r"(?=[A-Z][a-z]+day\b(?!['’]|\s+(?:to|until|till|through|and)\b)))",
    re.IGNORECASE,
)
# "the total", "a running total", "the death toll", "the casualty tally".
CUMULATIVE_MARKERS = re.compile(
    r"\b(?:a|the)\s+(?:(?:confirmed|official|overall|death|casualty)\s+){0,2}(?:running\s+)?"
    r"(?:total|toll|tally)\b",
    re.IGNORECASE,
)

SUPERLATIVE = re.compile(
    r"\b(?:the\s+)?(?:worst(?![- ]hit|[- ]affected)|deadliest|largest|biggest|"
    r"(?:highest|lowest)(?!\s+(?:alert|warning|level|priority|state|court))|strongest|"
    r"heaviest|wettest|driest|hottest|coldest|costliest|longest|greatest|"
    r"most\s+(?:severe|serious|destructive|powerful|intense|damaging|expensive|devastating))\b"
    r"|\bunprecedented\b|\brecord(?:-breaking|\s+(?:high|low|levels?|numbers?|rainfall))\b"
    r"|\b(?:a|an|new|all-time)\s+record\b|\bsince\s+records\s+began\b|\bon\s+record\b"
    r"|\bin\s+living\s+memory\b|\bfor\s+the\s+first\s+time\b|\bfirst[- ]ever\b"
    r"|\bnever\s+before\b|\bin\s+(?:decades|a\s+century|a\s+generation)\b",
    re.IGNORECASE,
)
PREDICTION = re.compile(
    r"\b(?:is|are|was|were)\s+(?:expected|forecast|predicted|projected|likely|set|due)\s+to\b"
    r"|\bexpected\s+to\b|\bis\s+likely\b|\bare\s+likely\b"
    r"|\b(?:will|would|could|may|might)\s+(?:rise|fall|reach|increase|climb|grow|exceed|top|"
    r"continue|remain|stay|peak|run\s+into|double|hit)\b",
    re.IGNORECASE,
)
_LOCATION = re.compile(
    r"\b(?:in|near|across|outside|around)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3})\b(?!\s*\d)"
)
_NOT_PLACES = words(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December The A An This That
    """
)

# Words between a number and the verb that says what happened to it.
_SKIP_AFTER = re.compile(
    r"(?:\s+(?:have|has|had|were|was|are|is|been|be|being|reportedly|also|now|still|already|"
    r"then|later|initially|all|that|who|which|of\s+whom|of\s+which|of\s+them|so\s+far|"
    r"remain|remains|remained|stay|stays|stayed|[a-z]+ly|"
    r"(?:in|near|across|outside|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*))*\s+"
)
_STATE_AFTER = re.compile(
    r"(?:(?:left|remained|remain|remains|stayed|stay)\s+)?(?P<state>without\s+[a-z]+|homeless|"
    r"(?:sent|taken|rushed|flown)\s+(?:home|to\s+hospital)|"
    r"lost\s+(?:power|electricity|heating|water|gas)|"
    r"missing|stranded|trapped|injured|dead|displaced|unaccounted\s+for|in\s+hospital)\b"
)
# The main verb of a passive, past any participle modifying the noun: "27 vehicles
# parked in the yard had been damaged" counts vehicles damaged.
_PASSIVE_MAIN = re.compile(
    r"\b(?:had|have|has)\s+been\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+ed|told|left|hit|taken|given)\b"
    r"|\b(?:were|was|are|is)\s+(?:[a-z]+ly\s+)?(?P<verb2>[a-z]+ed|told|left|hit|taken|given)\b"
)
_VERB_AFTER = re.compile(
    r"(?P<verb>[a-z]+ed|[a-z]+en|[a-z]{3,}ing|died|fled|lost|left|hit|hurt|fell|rose)\b"
)
_VERB_BEFORE = re.compile(
    r"\b(?P<verb>[a-z]+ed|killed|left|lost|hit|found|sent|kept|brought|held|saw|took|gave)"
    r"\s*$"
)
# What an event did to a count, said with a participle before it: "killing 40 people",
# "injuring more than 2,000", "leaving 16,000 homeless". Not "including 40", "bringing".
_TOLL_PARTICIPLE = re.compile(
    r"\b(?P<verb>killing|injuring|wounding|leaving|displacing|damaging|destroying|affecting|"
    r"evacuating|stranding|trapping|burying|sickening|hospitali[sz]ing|rescuing|arresting|"
    r"detaining|flooding|forcing)\s*$"
)
_IRREGULAR_PASTS = {"leaving": "left", "burying": "buried"}
_FROM_HOMES = re.compile(r"\s*(?:people\s+|residents\s+)?(?:from|out\s+of)\s+(?:their\s+)?homes\b")
# "the number of homes damaged at 312", "The number of people injured in the bombings
# rose to 176": what is counted is the noun phrase, without the event it is counted in.
_NUMBER_OF = re.compile(
    r"\bnumber\s+of\s+(?P<np>[a-z][\w-]*(?:\s+(?!(?:rose|risen|climbed|increased|jumped|grown|"
    r"grew|reached|stood|stands|hit|has|had|is|was|were|are)\b)[a-z][\w-]*)?)"
    r"(?:\s+(?:in|from|after|since|at)\s+[\w’'-]+(?:\s+[\w’'-]+){0,6}?)?"
    r"\s+(?:(?:has\s+|had\s+)?(?:rose|risen|climbed|increased|jumped|grown|grew|reached|"
    r"stood\s+at|stands\s+at|hit)\s+)?(?:at|to|as)?\s*$"
)
_TOLL = re.compile(
    r"\b(?P<np>(?:[a-z]+\s+)?(?:toll|total|tally|peak|level|height|depth))\b(?:\s+[\w'’-]+){0,12}?"
    r"\s+(?:at|to|of|was|is|stood\s+at|rose\s+to|reached)\s*$"
)
_LINKING = re.compile(
    r"(?<![\w'’-])(?!(?:which|who|that|it|they|this|these|those|had|has|have|and|but)\b)"
    r"(?P<np>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,5}?)\s+(?:(?:had|has|have)\s+)?"
    r"(?:(?:could|would|will|may|might)\s+)?"
    r"(?:(?:was|were|is|are|been|has\s+been|had\s+been)\s+(?=(?:edged|ticked|revised)\b))?"
    r"(?:is|was|were|are|be|stood|rose|risen|climbed|reached|jumped|increased|fell|dropped|"
    r"totalled|totaled|peaked|hit|run\s+into|amount\s+to|cost|exceed|top|"
    # the other verbs of a move: "Kibo shares plunged 14.2%" measures the shares too
    rf"{'|'.join(SHARP_FALLS + SHARP_RISES)}|declined|sank|"
    # "Shares in Lendwell closed down 6.2%", "ended 7.5% lower"
    r"(?:closed|ended|finished|opened)(?:\s+(?:up|down|higher|lower))?|"
    # "edged up to 4.1%", "was revised down to 307,000": the cue "up to" is the figure's
    r"edged|ticked|inched|crept|revised|(?:edged|ticked|inched|crept|revised)\s+(?:up|down))"
    # "Revenue rose 12% to 4.2 billion": the level after the change is revenue too.
    r"(?:\s+(?:by\s+)?\d[\d.,]*\s*(?:%|percent|per\s?cent)(?=\s+to\b))?"
    r"(?:\s+(?:estimated|put|set))?(?:\s+(?:at|to|by))?\s*$"
)
# "of contaminated firefighting water ran": the noun is the last word before a verb.
_OF_NOUN = re.compile(
    r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[\w-]+['’]s\s+)?(?:\d[\d,.]*\s+)?"
    r"(?P<words>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})"
)  # "of contaminated water", "40% of the port's 500 dock workers"
_SHARE_OF = re.compile(
    r"(?:%|\bper\s?cent|\bpercent|\bhalf|\bthirds?|\bquarters?)\s+of\s+"
    r"(?:(?:the|its|their|all)\s+)?(?:[\w-]+['’]s\s+)?$"
)
# "a toll of", "an enterprise value of", "the equity value of": the noun and the word that
# says which kind of it ("enterprise value" and "equity value" are two totals of one deal).
_X_OF = re.compile(r"\b(?P<np>(?:[a-z][\w-]*\s+)?[a-z][\w-]*)\s+of\s*$")
# Counts whose noun is already the metric: "40 deaths", not "deaths recorded".
EVENT_NOUNS = words(
    """
    deaths injuries casualties fatalities arrests infections cases hospitalisations
    hospitalizations evacuations rescues
    """
)
_DETERMINERS = words("the a an its their his her our this that these those")
# Units of height: a figure in one is a level, a peak or a change of something.
LEVEL_UNITS = words("""
    m mm cm ft metre meter millimetre millimeter centimetre centimeter foot inch
    """)
_LEVEL_THING = re.compile(r"\b(river|sea|lake|reservoir|tide|floodwaters?|water|snow|level)\b")
_ABOVE_USUAL = re.compile(
    r"\s*(?P<side>above|below)\s+(?:(?:its|the|their|a)\s+)?(?:[a-z]+\s+){0,1}?"
    r"(?:usual|normal|average|typical|seasonal)\b"
)
# Checked in order on the words before the figure (lower case).
_ASPECTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:peak(?:ed|s|ing)?|crest(?:ed|s)?|highest|maximum)\b"
                r"(?:\s+[\w-]+){0,3}?\s+(?:at|of)\s*$"), "level peak"),
    (re.compile(r"\b(?:rose|risen|rises|rising|rise|climbed|increased|increase|jumped|swelled|"
                r"gone\s+up|went\s+up)\s+(?:by\s+|of\s+)?$"), "rise"),
    (re.compile(r"\b(?:fell|fallen|falls|falling|fall|dropped|drop|decreased|decrease|receded|"
                r"sank|gone\s+down|went\s+down)\s+(?:by\s+|of\s+)?$"), "fall"),
)  # fmt: skip
_DEATH_WORDS = words("died killed dead")
_CAUSES = (
    r"accidents?|crash(?:es)?|collisions?|attacks?|shootings?|clash(?:es)?|fighting|violence|"
    r"explosions?|blasts?|incidents?|diseases?|illness(?:es)?|cancer|overdoses?|storms?|"
    r"landslides?|mudslides?|avalanches?|earthquakes?|stampedes?|riots?|air\s*strikes?|"
    r"bombings?|drownings?|fires"
)
_QUALIFIER = re.compile(
    rf"^\s+(?:[a-z]+ly\s+)?(?:in|from|of|by)\s+(?:[\w-]+\s+){{0,2}}?(?:{_CAUSES})\b"
)


@dataclass(frozen=True, slots=True)
class Metric:
    """What a figure counts ("homes flooded") and the count noun it rests on ("homes")."""

    text: str | None
    noun: str | None


def metric_for(
    text: str,
    clause_start: int,
    clause_end: int,
    q: QuantityMatch,
    noun: str | None,
    sentence_start: int | None = None,
) -> Metric:
    """The metric of quantity ``q`` in its clause: the count noun plus what happened to
    it ("people evacuated", "homes without power"), or the noun phrase the figure is the
    value of ("death toll", "damage to roads and bridges"). ``noun`` is the count noun
    when it is not written after the number (inherited: "of which 180 flooded"). A
    measure with nothing better falls back on the subject of the sentence starting at
    ``sentence_start`` ("The river, which peaked at 5.8 metres, ..."). A figure that was
    only expected or only possible is a metric of its own ("expected profit", "possible
    years sentenced"): never the actual figure's. Raises nothing."""
    metric = _metric_for(text, clause_start, clause_end, q, noun, sentence_start)
    if metric.text is None or q.role == "age":
        return metric
    before = text[max(clause_start, q.span.start - _HYPOTHETICAL_REACH) : q.span.start]
    after = text[q.span.end : min(clause_end, q.span.end + _HYPOTHETICAL_REACH)]
    # Each pattern is tried only when a word it needs is there (in lower case, without
    # IGNORECASE: fast): every figure goes through, and most have none of them.
    low_before, low_after = before.lower(), after.lower()
    if (_EXPECTING.search(low_before) and _EXPECTED_BEFORE.search(before)) or (
        _EXPECTING.search(low_after) and _EXPECTED_AFTER.match(after)
    ):
        return Metric(f"expected {metric.text}", metric.noun)
    if _MAYBE.search(low_before) and _POSSIBLE_BEFORE.search(before):
        return Metric(f"possible {metric.text}", metric.noun)
    if q.quantity.unit in CURRENCIES and _NETTING.search(low_after):
        net = _NET_OF.match(after)
        if net is not None:
            # "$9.4 billion including debt" and "$8.1 billion" are two totals of one deal.
            written = " ".join(net.group("net").lower().split())
            return Metric(f"{metric.text} {written}", metric.noun)
    baseline = _BASELINE_AFTER.match(after) if _SPAN_WORD.search(low_after) else None
    if baseline is not None:
        # "rose 4.0% in February from a year earlier": a yearly change, never the monthly
        # one ("rose 0.3% in February") another outlet gives.
        span = "month-on-month" if baseline.group("month") else "year-on-year"
        return Metric(f"{span} {metric.text}", metric.noun)
    return metric


# What a money figure counts in or leaves out, right after it.
_NET_OF = re.compile(
    r",?\s+(?P<net>(?:including|excluding|not\s+including|net\s+of|before|after)\s+"
    r"(?:its\s+|the\s+|their\s+)?(?:net\s+)?(?:debt|fees|taxes|tax|vat|inflation|interest|"
    r"costs|charges|bonuses|expenses))\b",
    re.IGNORECASE,
)
# A change's baseline after its figure: a year ("from a year earlier", "year on year",
# "on an annual basis") or a month ("from the previous month", "month on month").
_BASELINE_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:"
    r"(?:from|than|compared\s+with|over|on)\s+(?:a|the|one)\s+year\s+(?:earlier|ago|before)"
    r"|year[- ](?:on|over)[- ]year|on\s+an?\s+annual(?:ised|ized)?\s+basis|annuali[sz]ed"
    r"|from\s+(?:the\s+)?same\s+(?:month|period|quarter)\s+(?:a\s+year\s+(?:earlier|ago)|"
    r"last\s+year)"
    r"|(?P<month>(?:from|than|over|on)\s+(?:a|the|one)\s+(?:month\s+(?:earlier|before|ago)|"
    r"previous\s+month)|month[- ](?:on|over)[- ]month))",
    re.IGNORECASE,
)
# Gates, searched in lower-cased text: whether the patterns below can match at all.
_EXPECTING = re.compile(r"expect|forecast|predict|estimat|anticipat|project|poll|sees|consensus")
_MAYBE = re.compile(r"could|would|might|may|'ve|fac[ei]|risk|possible|potential|maximum")
_NETTING = re.compile(r"includ|exclud|net of|before|after")
_SPAN_WORD = re.compile(r"year|month|annual")
# How far before a figure the words that make it expected or possible may stand.
_HYPOTHETICAL_REACH = 80
# "Analysts had expected net profit of 760 million", "the consensus estimate of $2.1
# billion", "forecasters predicted 12 storms": what others expected, not what happened.
_EXPECTED_BEFORE = re.compile(
    r"\b(?:analysts?|economists?|forecasters?|investors?|markets?|wall\s+street|the\s+street|"
    r"polls?|pollsters?)\b[^.;]{0,30}?\b(?:had\s+)?(?:expected|forecast|predicted|estimated|"
    r"anticipated|projected|polled)\b"
    r"|\b(?:expectations?|estimates?|forecasts?|consensus)\s+(?:of|for|had\s+been)\b"
    # A company's guidance: "Vestra expects revenue of 4.3 billion", "sees sales at".
    r"|(?<!than\s)(?<!as\s)\b(?:expects|expected|forecasts|projects|predicts|anticipates|"
    r"sees)\s+(?:[\w'’-]+\s+){0,3}?(?:of|at|to\s+be|to\s+reach|between)\s+$",
    re.IGNORECASE,
)
# The same said after the figure: "net profit was 760 million euros, analysts had expected".
_EXPECTED_AFTER = re.compile(
    r"[^.;]{0,25}?,\s*(?:as\s+)?(?:analysts?|economists?|forecasters?|investors?|markets?)\s+"
    r"(?:had\s+)?(?:expected|forecast|predicted|estimated|anticipated|projected)\b",
    re.IGNORECASE,
)
# "could have been sentenced to 20 years", "faces up to 20 years", "a maximum of": what
# might have been, not what is.
_POSSIBLE_BEFORE = re.compile(
    r"\b(?:could|would|might)\s+(?:have|'ve)\s+(?:been\s+)?[a-z]+\b"
    r"|\b(?:faces?|faced|facing|could\s+face|could\s+get|could\s+receive|risks?)\s+"
    r"(?:up\s+to\s+|a\s+maximum\s+(?:of\s+)?|as\s+(?:many|much)\s+as\s+)?(?:a\s+)?$"
    r"|\b(?:a\s+)?(?:possible|potential|maximum)\s+(?:sentence|penalty|term|fine)\s+of\s+$"
    # A forecast's modal: "temperatures could reach 45C", "the toll may rise to 50".
    r"|\b(?:could|might|may)\s+(?:well\s+)?(?:reach|hit|top|exceed|rise\s+to|climb\s+to|"
    r"soar\s+to|fall\s+to|drop\s+to)\s+$",
    re.IGNORECASE,
)


def _metric_for(
    text: str,
    clause_start: int,
    clause_end: int,
    q: QuantityMatch,
    noun: str | None,
    sentence_start: int | None = None,
) -> Metric:
    before = text[clause_start : q.span.start]
    after = text[q.span.end : clause_end]
    if q.role == "age":
        # An age is compared only when we know whose it is, by name: "died in 2002 at
        # age 61" after "Ivo Marsh", not "a 19-year-old man".
        holder = q.head or _holder_before(text, clause_start, q.span.start)
        return Metric("age" if is_proper_name(holder) else None, None)
    if q.quantity.unit == MAGNITUDE:
        return Metric(_magnitude_metric(text, clause_start, q.span, clause_end), None)
    if q.role is not None:
        return _shaped_metric(q)
    if _is_kin_count(text, clause_start, q):
        return Metric(KIN_METRIC, "children")
    if q.quantity.unit is None and _PRONOUN_AGE.search(before) and _ENDS.match(after):
        return Metric(None, None)  # "He was 77.": an age, but whose is only a pronoun
    noun = noun or (q.unit_text.split()[-1].lower() if q.unit_text else None)
    if q.quantity.unit in TIME_UNITS:
        if _is_prison_term(before, after):
            return Metric(PRISON_SENTENCE, None)
        return _duration_metric(text, clause_start, clause_end, q, noun)
    if q.quantity.unit in CURRENCIES:
        money = _money_metric(text, clause_start, q, clause_end)
        if money is not None:
            return Metric(money, None)
    if q.quantity.unit in DISTANCE_UNITS:
        distance = _distance_metric(text, q.span.end, clause_end)
        if distance is not None:
            return Metric(distance, None)
    if q.quantity.unit in _WEIGHT_UNITS and (
        WEIGHED_BEFORE.search(before)
        or HEIGHT_THEN_POUNDS.search(text, max(0, q.span.start - 60), q.span.start)
    ):
        return Metric("weight", None)  # "weighing about 200 pounds", "5-foot-11 and 215 pounds"
    if q.quantity.unit in TEMPERATURE_UNITS:
        return Metric("temperature", None)  # "reached 44.1C", "a high of 111F"
    if q.quantity.unit in MEASURE_UNITS or q.quantity.unit in CURRENCIES:
        # "40 millimetres of rain" measures rain; "peaked at 5.82 metres" the river's level
        # peak; "claims could run into hundreds of millions of euros" the claims.
        of = _OF_NOUN.match(text, q.span.end, clause_end)
        if of and q.quantity.unit in MEASURE_UNITS and _head_noun(of.group("words")):
            return Metric(_head_noun(of.group("words")), None)
        if q.quantity.unit in LEVEL_UNITS:
            level = _level_metric(text, clause_start, clause_end, q, sentence_start)
            if level is not None:
                return Metric(level, None)
        toll = _TOLL.search(before.lower()) or _X_OF.search(before.lower())
        linking = _LINKING.search(before)
        if toll:
            return Metric(_noun_phrase(toll.group("np")), None)  # "an aid of"
        if linking and q.quantity.unit not in LEVEL_UNITS:
            return Metric(_noun_phrase(linking.group("np")), None)
        # Never the bare subject ("the river"): it names what changed, not what is
        # measured, and would put a peak, a rise and a level under one key.
        return Metric(None, None)
    if noun is None and q.quantity.unit in ("percent", "fraction", "percentage_points"):
        of = _OF_NOUN.match(text, q.number_end, clause_end)
        if of and _head_noun(of.group("words")):
            noun = _head_noun(of.group("words"))
            after = text[of.end() : clause_end]
    if noun and q.unit_text and _SHARE_OF.search(before.lower()):
        # "40% of the port's 500 dock workers": 500 is the whole the share is taken of,
        # not a count of what happened to the share.
        return Metric(" ".join(q.unit_text.lower().split()), noun)
    number_of = _NUMBER_OF.search(before.lower())
    if number_of and noun is None:
        words = number_of.group("np").split()
        # "the number of damaged homes at 312" counts homes damaged.
        if len(words) == 2 and words[0].endswith("ed"):
            return Metric(f"{words[1]} {words[0]}", words[1])
        return Metric(" ".join(words), words[-1])
    if noun in EVENT_NOUNS:
        # "12 new cases" keeps its modifier: new cases of a disease, not a lawyer's cases.
        written = " ".join((q.unit_text or noun).lower().split())
        return Metric(written if written.endswith(noun) else noun, noun)
    if noun in _MARGIN_NOUNS and _WON_BY.search(before):
        return Metric("winning margin", noun)  # "re-elected by about 78,000 votes"
    if noun in _PEOPLE_WORDS and (_ABOARD.match(after) or _CARRYING.search(before)):
        return Metric("people on board", noun)  # "57 people on board", "carrying 60 people"
    verb = _verb_after(after) or _verb_before(before)
    if verb is None and noun is not None and (shared := _SHARED_VERB.match(text, clause_end)):
        verb = shared.group("verb")  # "98 drones and four missiles were fired": both fired
    if verb in _MOVED and noun is None:
        if moved := _LINKING.search(before):
            # "The unemployment rate edged up to 4.1%": the rate, not "edged"
            return Metric(_what_moved(moved), None)
        verb = None  # "Kibo shares plunged 14.2%": what moved, as for "fell" (below)
    if verb == "forced" and _FROM_HOMES.match(after):
        return Metric("people forced from their homes", noun)  # "forcing 200 from their homes"
    if verb:
        return Metric(_counted(noun, verb, _qualifier(after, verb)), noun)
    toll = _TOLL.search(before.lower())
    if toll:
        return Metric(_noun_phrase(toll.group("np")), noun)
    linking = _LINKING.search(before)
    if linking and noun is None:
        return Metric(_what_moved(linking), noun)
    return Metric(noun, noun)


def _what_moved(linking: re.Match[str]) -> str:
    """The thing a linking verb says moved or stood at the figure; a close is its own
    figure ("closed 5.8% higher" is not "rose 6.5%" by mid-morning)."""
    thing = _noun_phrase(linking.group("np"))
    return f"{thing} at close" if _CLOSED.search(linking.group(0)) else thing


_CLOSED = re.compile(r"\b(?:closed|ended|finished)\b")


# An aftershock's magnitude is not the main quake's, and a first reading is often revised
# within hours: each is its own metric, so neither is called a conflict with the final one.
_AFTERSHOCK = re.compile(r"\b(?:after-?shocks?|fore-?shocks?|tremors?)\b", re.IGNORECASE)
_PRELIMINARY = re.compile(
    r"\b(?:preliminary|initial(?:ly)?|first\s+(?:put|measured|reported)|revised|upgraded|"
    r"downgraded|originally)\b",
    re.IGNORECASE,
)


# A clause that picks one of what the clause before names: "the strongest of magnitude
# 5.2", "one measuring 5.0", "including one of magnitude 5.1".
_ONE_OF_THEM = re.compile(
    r"\s*(?:the\s+(?:strongest|largest|biggest|most\s+powerful)|one|including\s+one|"
    r"among\s+them\s+one)\b",
    re.IGNORECASE,
)


# "A second quake of magnitude 5.8", "an earlier 6.6 quake", "a second, of magnitude
# 6.3": not the story's quake.
_OTHER_QUAKE = re.compile(
    r"\b(?:second|third|another|fresh|new|separate|earlier|previous|last|smaller|larger)\s+"
    r"(?:(?:strong|powerful|major|minor|deadly|magnitude[\s-]*[\d.]+)\s+)?"
    r"(?:earth)?quakes?\b"
    r"|\b(?:a|the)\s+(?:second|third|another)\s*,?\s+(?:of\s+|measuring\s+)?magnitude\b",
    re.IGNORECASE,
)


def _magnitude_metric(text: str, clause_start: int, figure: Span, clause_end: int) -> str:
    """ "magnitude", or "aftershock magnitude", "other quake magnitude" or "preliminary
    magnitude", by what the clause says before the figure or right after it ("a 5.2
    aftershock"; not "the 6.4 quake was followed by aftershocks") - and by the clause
    before, when this one only picks out one of what that one names ("followed by 20
    aftershocks, the strongest of magnitude 5.2")."""
    if _ONE_OF_THEM.match(text, clause_start):
        clause_start = text.rfind(".", 0, clause_start) + 1
    near_end = min(clause_end, figure.end + _NOUN_REACH)
    spans = ((clause_start, figure.start), (figure.end, near_end))
    if any(_AFTERSHOCK.search(text, a, b) for a, b in spans):
        return "aftershock magnitude"
    if any(_OTHER_QUAKE.search(text, a, b) for a, b in spans):
        return "other quake magnitude"
    if any(_PRELIMINARY.search(text, a, b) for a, b in spans):
        return "preliminary magnitude"
    return "magnitude"


# How far after a magnitude the noun it measures is read: "5.2-magnitude aftershock".
_NOUN_REACH = 25


_WEIGHT_UNITS = frozenset({"lb", "kg", "g", "tonne", "ton", "ounce", "stone"})

# A distance is measured from somewhere: "10 km north of Ashby" and "15 km from Colfax"
# are two different distances, never one figure written twice.
DISTANCE_UNITS = frozenset(
    {"m", "km", "miles", "mile", "ft", "foot", "feet", "yard", "yards", "metre", "metres",
     "meter", "meters", "kilometre", "kilometres", "kilometer", "kilometers", "mi",
     "nautical miles"}
)  # fmt: skip
_DISTANCE_FROM = re.compile(
    r"\s+(?:(?:to\s+the\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|"
    r"south-?west|inland|offshore|outside|short)(?:\s+of)?|from|away\s+from|off)\s+"
    r"(?P<place>(?:the\s+)?[A-Za-z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
)
_DISTANCE_AWAY = re.compile(r"\s+(?:away|apart|long|wide|deep|high|tall)\b")


# How many children someone has: "a mother of 12", "father of three children", "her five
# children", "has four kids". An attribute of that person (see ``kin_holder``), not a
# count of what happened, so two outlets' "mother of 12" and "mother of 13" can meet.
KIN_METRIC = "number of children"
_KIN_OF = re.compile(
    r"\b(?:mother|father|mom|mum|dad|parent|grandmother|grandfather|grandma|grandpa)"
    r"\s+of\s*$",
    re.IGNORECASE,
)
_KIN_POSSESSIVE = re.compile(r"\b(?:her|his|their|has|had|have)\s*$", re.IGNORECASE)
_KIN_NOUN = re.compile(r"\s*(?:young\s+|grown\s+|adult\s+)?(?:children|kids)\b", re.IGNORECASE)


def _is_kin_count(text: str, clause_start: int, q: QuantityMatch) -> bool:
    before = text[max(clause_start, q.span.start - 40) : q.span.start]
    if q.quantity.unit is not None and q.quantity.unit not in ("child", "children", "kid", "kids"):
        return False
    noun = _KIN_NOUN.match(text, q.number_end) or (
        q.unit_text is not None and q.unit_text.lower().split()[-1] in ("children", "kids")
    )
    if _KIN_OF.search(before):
        # "mother of 12" or "mother of 12 children", not "father of two daughters".
        return bool(noun) or q.quantity.unit is None
    return bool(noun) and _KIN_POSSESSIVE.search(before) is not None


_KIN_NAME = r"(?P<name>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|la|van|von|der|da|di|del))*)"
# "Zurana Horton, 34, a mother of", "Ana Ruiz, the mother of", "Ana Ruiz was a mother of".
_KIN_BEFORE = re.compile(
    _KIN_NAME + r"(?:,\s*\d{1,3},\s*|,\s*|\s+(?:is|was|became)\s+)(?:a|an|the)\s+"
    r"(?:[A-Z][\w'’-]*\s+|[a-z-]+\s+)?(?:mother|father|mom|mum|dad|parent|grandmother|"
    r"grandfather|grandma|grandpa)\s+of\s*$"
)
# "Ana Ruiz has five children".
_KIN_HAS = re.compile(_KIN_NAME + r"\s+(?:has|had|have)\s+$")
# "mother of 13 Zurana Horton", "mother of 13, Zurana Horton,".
_KIN_AFTER = re.compile(r"(?:\s+(?:children|kids))?,?\s+" + _KIN_NAME)


def kin_holder(text: str, sentence_start: int, q: QuantityMatch) -> str | None:
    """Whose children a kinship count counts, when a name says so: "Zurana Horton, 34, a
    mother of 12", "Horton was the mother of 12", "mother of 13 Zurana Horton". None for
    "her 12 children" or "a Brooklyn mother of 12": the package may lend the subject."""
    before = text[max(sentence_start, q.span.start - 120) : q.span.start]
    found = _KIN_BEFORE.search(before) or _KIN_HAS.search(before)
    if found is None:
        after = _KIN_AFTER.match(text, q.number_end)
        name = after.group("name") if after else None
    else:
        name = found.group("name")
    if name is None:
        return None
    name = name.rstrip(".")
    return name if is_proper_name(name) and name.split()[0].lower() not in _NOT_HOLDERS else None


# Capitalised words that open a sentence or name a place, not a parent.
_NOT_HOLDERS = words("the a an police officials when after she he they her his brooklyn")


def _distance_metric(text: str, end: int, clause_end: int) -> str | None:
    """ "distance from ashby" for "10 km north of Ashby"; "distance away" for "half a mile
    away"; None when the clause does not say what the length is."""
    found = _DISTANCE_FROM.match(text, end, clause_end)
    if found:
        return f"distance from {_noun_phrase(found.group('place').rstrip('.'))}"
    away = _DISTANCE_AWAY.match(text, end, clause_end)
    if away is None:
        return None
    word = away.group(0).strip().lower()
    # "10 km deep" is the depth "at a depth of 10 km" gives; "40 m long" a length.
    return _DIMENSIONS.get(word, f"distance {word}")


_DIMENSIONS = {
    "deep": "depth",
    "long": "length",
    "wide": "width",
    "high": "height",
    "tall": "height",
}


# What an amount of money is: a price, a value, a rate, or the thing it is the amount of.
_PRICE_BEFORE = re.compile(
    r"\b(?:price[sd]?|priced|start(?:s|ed|ing)?|sell(?:s|ing)?|sold|retail(?:s|ed|ing)?|"
    r"cost(?:s|ing)?|costed)\s+(?:at|for|from)?\s*$"
)
# "jewels worth", "the gems were worth", "jewellery valued at", "the value of the stolen
# jewels was": what the money is the value of, one noun, however the sentence says it.
_VALUE_BEFORE = re.compile(
    r"\b(?:(?P<np>[a-z][\w-]*)\s+)?(?:(?:was|were|is|are)\s+)?(?:worth|valued\s+at)\s*$"
    r"|\bvalue\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[a-z]+\s+)?(?P<of>[a-z][\w-]*)\s+"
    r"(?:(?:was|were|is|are|stood\s+at|totall?ed|reached)(?:\s+at)?|at)\s*$"
)
# "$23 million a season", "$5 per share"; not "640 million euros a year earlier": a date.
_RATE_AFTER = re.compile(
    r"\s*(?:a|an|per|each)\s+(?P<per>season|year|month|week|day|hour|share|head|person)\b"
    r"(?!\s+(?:earlier|ago|before|later|on)\b)"
)
_MONEY_NOUN_AFTER = re.compile(r"\s+(?P<np>(?:[a-z][\w-]*\s+)?[a-z][\w-]*)")
_MONEY_VERBS = words("""
    steal stole stolen take took taken pay paid raise raised pledge pledged spend spent
    lose lost borrow borrowed owe owed owes earn earned earns make made receive received
    donate donated award awarded fine fined offer offered ask asked seek sought demand
    demanded cut save saved cost costs
    """)
_NOT_MONEY_NOUNS = words("""
    a an the and or but in on at to for from of by with over per each was were is are be
    through until till during after before since into under
    been has have had will would could may might more less than this that which who
    last next ago earlier later year years month months week weeks day days today
    yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
    """)


def _money_metric(text: str, clause_start: int, q: QuantityMatch, clause_end: int) -> str | None:
    """What an amount of money is: "price" ("starts at $1,199"), a rate ("$23 million per
    season"), the thing it is the value of ("a deal worth $184 million", "a $200 million
    offer", "the $51.1 million posting fee"), or what was done with it ("stole R40 million"
    is "stolen"). None when the clause says none of these."""
    before = text[clause_start : q.span.start].lower()
    after = text[q.number_end : clause_end]
    rate = _RATE_AFTER.match(after)
    thing: str | None = None
    deal = _deal(text, clause_start, q, clause_end)
    if deal is not None:
        return f"price in {deal[1]}" if deal[1] else "price"
    if _PRICE_BEFORE.search(before):
        thing = "price"
    elif value := _VALUE_BEFORE.search(before):
        np = value.group("np") or value.group("of")
        thing = f"{np} value" if np and np not in _NOT_MONEY_NOUNS else "value"
    elif (noun := _MONEY_NOUN_AFTER.match(after)) and not rate:
        parts = noun.group("np").split()
        while parts and (parts[-1] in _NOT_MONEY_NOUNS or parts[-1].endswith("ly")):
            parts.pop()
        if parts and parts[0] not in _NOT_MONEY_NOUNS and not _verbish(parts[-1]):
            thing = " ".join(parts)
    if thing is None and _FINED.search(before):
        thing = "fine"  # "The regulator fined Ferrow Bank €4.5 million"
    if thing is None and _COST_WHOM.search(before):
        thing = "cost"  # "The collapse cost taxpayers $1.4 billion"
    if thing is None and (verb := _verb_before(before) or _last_word_in(before, _MONEY_VERBS)):
        thing = verb
    if rate:
        return f"{thing or 'amount'} per {rate.group('per')}"
    return thing


# What something cost someone: "cost taxpayers", "cost the state", "costing insurers".
_COST_WHOM = re.compile(r"\bcost(?:s|ing)?\s+(?:[\w'’-]+\s+){1,3}$")
# A fine whoever it is written of: "fined Ferrow Bank", "was fined", "a fine of".
_FINED = re.compile(r"\b(?:fined|fines|fining)\s+(?:[\w&'’.-]+\s+){0,4}$|\ba\s+fine\s+of\s+$")


def sentenced_person(text: str, clause_start: int, q: QuantityMatch) -> str | None:
    """Whom a prison sentence was given to, by name, when the clause names the one who
    gave it first: "A judge sentenced Vincent Gigante to 12 years", "in sentencing
    Gigante to 12 years". ``None`` otherwise (the sentence's agent is then its subject:
    "Gigante was sentenced to seven years")."""
    m = _SENTENCED_WHOM.search(text, max(clause_start, q.span.start - 80), q.span.start)
    return m.group("whom") if m else None


# "sentenced Vincent Gigante to", "jailed Ana Ruiz for": the one sentenced, by name.
_SENTENCED_WHOM = re.compile(
    r"\b(?:sentenc(?:ed|es|ing)|jail(?:ed|s|ing)|imprison(?:ed|s|ing))\s+"
    r"(?P<whom>[A-Z][\w'’-]*(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]*)){0,3})\s+(?:to|for)\s+$"
)


def deal_target(text: str, clause_start: int, q: QuantityMatch, clause_end: int) -> str | None:
    """What an amount is the price of, by name, when the clause buys or sells it: "buy
    SeaMicro for $334 million", "paying $355 million for SeaMicro". ``None`` otherwise."""
    deal = _deal(text, clause_start, q, clause_end)
    return deal[0] if deal else None


def _deal(
    text: str, clause_start: int, q: QuantityMatch, clause_end: int
) -> tuple[str, str | None] | None:
    """(the thing bought, how it is paid: "cash", "stock" or None) for a purchase price."""
    form = _PAID_IN.match(text, q.span.end, clause_end)
    paid_in = form.group("form").lower() if form else None
    bought = _BOUGHT_FOR.search(text, max(clause_start, q.span.start - 80), q.span.start)
    if bought:
        return bought.group("what"), paid_in
    if _PAY_BEFORE.search(text, max(clause_start, q.span.start - 30), q.span.start):
        paid_for = _PAID_FOR.match(text, form.end() if form else q.span.end, clause_end)
        if paid_for:
            return paid_for.group("what"), paid_in
    return None


# A purchase and its price: "would buy SeaMicro for about", "acquired Orbex for",
# "is paying $355 million for SeaMicro", "will pay $281 million in cash for SeaMicro".
# The thing bought must be named: "buy the company for" names no one deal.
_DEAL_NAME = r"(?P<what>(?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&'’-]*)"
_BOUGHT_FOR = re.compile(
    r"\b(?:buy|buys|bought|buying|acquire[sd]?|acquiring|purchase[sd]?|purchasing|sell|sells|"
    r"sold|selling|take\s+over|took\s+over|taking\s+over)\s+(?:[a-z][\w-]*\s+){0,3}?"
    rf"{_DEAL_NAME}\s+for\s+$"
)
_PAY_BEFORE = re.compile(r"\b(?:pay|pays|paid|paying)\s+$", re.IGNORECASE)
_PAID_IN = re.compile(r"\s+in\s+(?P<form>cash|stock|shares)\b", re.IGNORECASE)
_PAID_FOR = re.compile(rf"\s+for\s+{_DEAL_NAME}")


def _last_word_in(before: str, vocabulary: frozenset[str]) -> str | None:
    last = re.search(r"([a-z]+)\s*$", before)
    return last.group(1) if last and last.group(1) in vocabulary else None


def _verbish(word: str) -> bool:
    return word in _VERBISH or word in IRREGULAR_PAST or word.endswith(("ed", "ing"))


def subject_of(text: str, start: int, end: int, figure: QuantityMatch | None = None) -> str | None:
    """The noun phrase that opens ``text[start:end]`` when it is an agent ("the floods"
    in "The floods killed 40 people"): up to five words before the first verb, with no
    number or pronoun in it. ``None`` otherwise.

    When an age starts at ``end``, its subject is whom the age belongs to, wherever the
    sentence names them: "Mara Voss" in "Mara Voss, 59, was killed", "Witnesses say
    59-year-old Mara Voss ...", "struck Mara Voss, a 59-year-old grandmother", or the
    noun of "a 59-year-old woman" - so that ages of different people are never compared.
    ``figure`` is the quantity at ``end`` when the caller has parsed it already. Raises
    nothing."""
    age = figure if figure is not None and figure.span.start == end else _age_at(text, end)
    if age is not None and age.role == "age":
        # An age's subject is its holder, and only a named one: "a 19-year-old man" in
        # one article and "the 45-year-old man" in another are not one person.
        holder = age.head or _holder_before(text, start, end)
        return holder if is_proper_name(holder) else None
    if figure is not None and figure.role == "height" and is_proper_name(figure.head):
        return figure.head  # "the 6-foot-9, 260-pound Echenique"
    if figure is not None and figure.role == "score":
        # A record in brackets is the name's before it: "Thompson (36-3, 24 KO)", "the
        # Chiefs (2-13)", wherever the sentence's agent is.
        bracketed = _NAME_BRACKET.search(text, max(0, end - 60), end)
        if bracketed:
            return bracketed.group("name")
    given = (
        _GIVEN_TO.search(text, max(start, end - 60), end)
        if _GIVING.search(text, max(start, end - 60), end)
        else None
    )
    if given is not None:
        return given.group("name")  # "the final tally gave Maria Harlan 51.6%"
    if figure is not None and figure.quantity.unit == "percent":
        share = _SHARE_FOR.match(text, figure.span.end)
        if share is not None:
            return share.group("name")  # "52.1% of the vote to 46.7% for Okafor"
    if figure is not None and (sub := _last_subordinate(text, start, end)) is not None:
        # "Okafor conceded after the tally gave Harlan 51.6%": the figure is in the
        # clause after "after", whose agent is not the sentence's.
        return _leading_phrase(text, sub, end)
    relative = _last_relative(text, start, end)
    if relative is not None:
        # "Creighton will play Indiana State, which beat Evansville 51-50": the figure is
        # in the clause about Indiana State. "The floods, which killed 40": the agent
        # that opens the sentence is the same one.
        return _antecedent(text, relative) or _leading_phrase(text, start, end)
    return _leading_phrase(text, start, end)


# A name of up to four words; a full stop only after an initial ("Maria K. Harlan"), so a
# name never runs on into the next sentence ("for Okafor. In").
_NAME = r"(?P<name>(?:[A-Z](?:[\w'’-]*|\.)\s+){0,3}[A-Z][\w'’-]*)"
# A figure given to someone: "gave Maria Harlan 51.6%", "handing Voss 22 minutes".
_GIVEN_TO = re.compile(
    rf"\b(?:gave|gives|give|giving|handed|hands|handing|awarded|awards|awarding)\s+{_NAME}\s+"
    r"(?:(?:about|nearly|almost|more\s+than|just\s+over|just\s+under|some)\s+)?$"
)
_GIVING = re.compile(r"\b(?:gave|give|hand|award)")
# A share named after its figure: "46.7% for Okafor", "51 percent for Harlan".
_SHARE_FOR = re.compile(rf"(?:\s+of\s+the\s+(?:vote|ballots?))?\s+for\s+{_NAME}")
# A phrase fronted before the agent: a preposition or subordinator, then a comma.
_FRONTED = re.compile(
    r"\s*(?i:in|on|at|during|after|before|since|under|across|throughout|when|while|as|once|"
    r"although|though|because|despite|amid|following|outside|beyond|unlike|besides|"
    r"according\s+to)"
    r"\s[^,;:.\d]{1,60},\s*"
    # A sentence adverb: "Elsewhere in Asia, South Korea's KOSPI tumbled 5.8%".
    r"|\s*(?i:elsewhere|meanwhile|separately|overall|by\s+contrast|in\s+contrast)"
    r"(?:\s[^,;:.\d]{1,60})?,\s*"
)
# A subordinate clause opening after the sentence's agent ("Okafor conceded after ...").
_SUBORDINATE = re.compile(
    r"\s(?:after|when|before|because|until|although|though|while|once|as)\s+"
    r"(?!(?:many|much|few|little|long|high|far|well|part|of|a\s+result|soon|if|though|"
    r"expected|usual|planned|such|to|with|for|in|on|at)\b)",
    re.IGNORECASE,
)


def _last_subordinate(text: str, start: int, end: int) -> int | None:
    """Where the last subordinate clause before ``text[end]`` opens, when one opens after
    the first words of ``text[start:end]`` and no comma closes it before ``end``."""
    found = None
    for m in _SUBORDINATE.finditer(text, start, end):
        before = text[max(start, m.start() - 20) : m.start()].split()
        if m.group(0).strip().lower() == "as" and before and before[-1].lower() in _AS_AFTER:
            continue  # "known as the bagman", "such as": no clause opens
        found = m
    if found is None or found.start() <= start or "," in text[found.end() : end]:
        return None
    if _GERUND.match(text, found.end()):
        return None  # "after serving four years": the sentence's agent served them
    if not any(_finite_verb(w) for w in re.findall(r"[\w'’]+", text[found.end() : end])):
        return None  # "after more than 40 hours of work": a phrase, not a clause
    return found.end()


def _finite_verb(word: str) -> bool:
    lower = word.lower()
    return lower in _VERBISH or lower in IRREGULAR_PAST or lower.endswith("ed")


# Words after which "as" opens no clause: "known as", "served as", "such as".
_AS_AFTER = words("""
    known described seen identified listed served serves serving regarded billed named used
    worked works working acted acts acting such so just same well also even dubbed
    """)
_GERUND = re.compile(r"[a-z]+ing\b")


def _antecedent(text: str, at: int) -> str | None:
    """Whom the relative pronoun at ``text[at]`` stands for, by name ("..., said
    Klitschko, who improved to 58-3"); ``None`` when no name stands before it."""
    found = _ANTECEDENT.search(text, max(0, at - 100), at)
    return found.group("name") if found else None


def _last_relative(text: str, start: int, end: int) -> int | None:
    """Where the relative clause that holds ``text[end]`` opens ("who", "which" after a
    comma), when no comma closes it before ``end``; ``None`` when there is none."""
    found = None
    for m in _RELATIVE_OPENS.finditer(text, start, end):
        found = m
    if found is None or "," in text[found.end() : end]:
        return None
    return found.start("word")


def _leading_phrase(text: str, start: int, end: int) -> str | None:
    """The agent noun phrase opening ``text[start:end]``, as ``subject_of`` says."""
    fronted = _FRONTED.match(text, start, end)
    if fronted is not None:
        # "In the Westmark race, Tom Okafor won 46.7%", "When police arrived, the gunman
        # had fired 13 shots": the agent comes after the fronted phrase.
        return _leading_phrase(text, fronted.end(), end)
    words: list[str] = []
    for m in re.finditer(r"[\w'’-]+|[,;:()\"“”]", text[start:end]):
        word = m.group(0)
        lower = word.lower()
        if (
            not word[0].isalnum()
            or lower in _VERBISH
            or (lower.endswith(("ed", "ing", "ly")) and lower not in _NOT_VERBS)
        ):
            break
        if (lower in IRREGULAR_PAST or lower in _PAST_LIKE_PRESENT or lower in _PRESENT_VERBS) and (
            words
        ):
            break  # "The Democrats won 11-2", "Drake shot 35 percent"
        if not words and (lower in IRREGULAR_PAST or lower in _OPENERS):
            return None  # "caught 29 passes", "how authorities ...", "Along with murder"
        if any(ch.isdigit() for ch in word):
            # "The 36-year-old champion Klitschko improved to 58-3", "The 6-foot-8 forward
            # McDermott scored 23": the one named.
            said = _described_at(text, start + m.start()) if len(words) <= 1 else None
            return said.head if said is not None and is_proper_name(said.head) else None
        if lower in _PRONOUNS:
            return None
        words.append(word)
        if len(words) > 5:
            return None
    if not words or words[-1].lower() in _DETERMINERS | _QUANTIFIERS | _PREPOSITIONS | _JOINERS:
        return None  # "A further 800 people": no agent, just a quantifier
    if words[0].lower() in _SUBORDINATORS | _PREPOSITIONS:
        return None  # "When arrested", "In Leeds": a clause or a place, not an agent
    if words[0].lower() in _RELATIVES:
        return _antecedent(text, start)
    if [w.lower() for w in words[:2]] == ["the", "number"]:
        return None  # "The number of people injured rose to 176": a count, no agent
    if words[0].lower() in _DETERMINERS:
        words[0] = words[0].lower()
    phrase = " ".join(words)
    # "Vestra's net profit was 812 million": the figure is Vestra's.
    return (_owner(phrase) or phrase) if "'" in phrase or "’" in phrase else phrase


def _holder_before(text: str, start: int, end: int) -> str | None:
    """The phrase opening ``text[start:end]`` when the age at ``end`` stands right after
    it ("Mara Voss, 59"); not the sentence's subject further back ("Jeffs was jailed for
    his assault on the 12-year-old": the 12-year-old is someone else)."""
    died = _DIED_AT.search(text, max(start, end - 120), end)
    if died is not None and died.group("name").split()[0].lower() not in _PRONOUNS | _DETERMINERS:
        return died.group("name")  # "the place where John Gotti died in 2002 at age 61"
    phrase = _leading_phrase(text, start, end)
    if phrase is None:
        return None
    if _AGED.match(text, end) or _AGED_BEFORE.search(text, start, end):
        return phrase  # "Ida Berg died in prison, aged 80": the subject's age
    rest = text[start:end].rstrip(" \t,(").lower()
    return phrase if rest.endswith(phrase.lower()) else None


_AGED = re.compile(r"(?:aged|age)\b", re.IGNORECASE)
# A name, then its death, then the age it came at: "John Gotti died of cancer in 2002 at
# age", "Ida Berg died on Thursday at". A year may come between; no other number.
_DIED_AT = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s+(?:died|dies|passed\s+away)\b"
    r"(?:[^.;:!?\d]|(?<!\d)(?:1[89]|20)\d\d(?!\d)){0,40}?\bat\s+(?:the\s+)?(?:age\s+(?:of\s+)?)?$"
)
_AGED_BEFORE = re.compile(
    r"\b(?:aged|at\s+(?:the\s+)?age(?:\s+of)?|(?:died|dies|passed\s+away)\b[^.;:!?\d]{0,40}?\bat"
    r"|who\s+(?:was|is)|(?<=[A-Za-z])\s+(?:was|is))\s*$",
    re.IGNORECASE,
)


def _described_at(text: str, at: int) -> QuantityMatch | None:
    """The age or the height starting at ``text[at]``, if one does: both describe whom
    they hang on."""
    if _HEIGHT_SHAPE.match(text, at):
        found = match_quantities(text, at, min(len(text), at + _HOLDER_REACH))
        return found[0] if found and found[0].role == "height" else None
    return _age_at(text, at)


_HEIGHT_SHAPE = re.compile(r"\d[-‐\s]?(?:foot|feet|ft)\b", re.IGNORECASE)


def _age_at(text: str, at: int) -> QuantityMatch | None:
    """The age starting at ``text[at]``, if one does."""
    if _AGE_SHAPE.match(text, at) is None:
        return None  # most figures are no age: skip the parse
    found = match_quantities(text, at, min(len(text), at + _HOLDER_REACH))
    if found and found[0].span.start == at and found[0].role == "age":
        return found[0]
    return None


def is_proper_name(phrase: str | None) -> bool:
    """A name of someone: every word capitalised, an initial or a particle ("Ana de la
    Cruz", "J. R. Smith"); not "woman" nor "Wasilla woman"."""
    words = (phrase or "").split()
    return bool(words) and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)


def _shaped_metric(q: QuantityMatch) -> Metric:
    """The metric a figure's shape gives it: "age", "winning score", "deal length" (an
    eight-year deal), "coalition members" (a 300-member coalition), "pool" (a $5-million
    pool). A modifier with no noun after it measures nothing named: no metric."""
    if q.role == "age":
        return Metric("age", None)
    if q.role == "height":
        return Metric("height", None)
    if q.role == "score" and q.head is not None and q.head.startswith("record"):
        return Metric(q.head, None)  # "Harbor City (15-7)": record wins, record losses
    if q.role == "score":
        return Metric(f"{q.head} score" if q.head else "score", None)
    nouns = [w for w in (q.head or "").split() if w[:1].islower()]
    if not nouns:
        return Metric(None, None)
    thing = nouns[-1].lower()
    unit = q.quantity.unit
    if unit in TIME_UNITS:
        if thing in _SENTENCE_NOUNS or (thing == "term" and _CUSTODY & set(nouns)):
            return Metric(PRISON_SENTENCE, None)  # "a five-year sentence", "a 10-year jail term"
        return Metric(f"{thing} length", None)
    if unit is None or unit in CURRENCIES:
        return Metric(thing, None)
    return Metric(f"{thing} {_plural(unit)}", None)


# A prison sentence, however it is worded: "sentenced him to 14 years in prison", "was
# jailed for 12 years", "got 14 years behind bars", "received a sentence of 70 months",
# "a five-year sentence", "a seven-year heroin rap". One metric, so that outlets' terms
# for one sentencing are compared; time served is another ("served 136 days").
_SENTENCE_NOUNS = frozenset(("sentence", "rap", "stretch"))
_CUSTODY = frozenset(("prison", "jail", "custodial"))
_SENTENCED_BEFORE = re.compile(
    r"\b(?:sentenced|sentencing|jailed|imprisoned|sent\s+(?:to\s+(?:prison|jail)|down)|"
    r"locked\s+up|put\s+away)\b[^.;:]{0,70}?\b(?:to|for)\s+(?:a\s+total\s+of\s+)?$"
    r"|\ba\s+(?:prison\s+|jail\s+|custodial\s+)?(?:sentence|term)\s+of\s+$",
    re.IGNORECASE,
)
_CUSTODY_AFTER = re.compile(
    r"\s+(?:in\s+(?:a\s+)?(?:federal\s+|state\s+)?(?:prison|jail|custody|the\s+penitentiary)|"
    r"behind\s+bars|(?:of\s+)?imprisonment)\b",
    re.IGNORECASE,
)


def _is_prison_term(before: str, after: str) -> bool:
    """The duration is a prison sentence: "sentenced ... to", "jailed for" or "a sentence
    of" just before it, or "in prison", "behind bars" just after it, with a verb of
    sentencing ("got 14 years behind bars"). Not time served: "served 5 years in prison"
    measures time spent, which may fall short of the term."""
    if _SENTENCED_BEFORE.search(before):
        return True
    tail = before[-40:].lower()
    return (
        _CUSTODY_AFTER.match(after) is not None
        and "serv" not in tail
        and "spent" not in tail
        and re.search(r"\b(?:sentenced|got|gets|get|received|receives|given|handed)\b", tail)
        is not None
    )


def _duration_metric(
    text: str, clause_start: int, clause_end: int, q: QuantityMatch, noun: str | None
) -> Metric:
    """A duration is measured by what happened for that long ("months served", "years
    worked"); a bare "years" says nothing of what it measures and gets no metric, so
    that unrelated durations are never compared."""
    before = _DURATION_VERB.search(text[clause_start : q.span.start].lower())
    verb = before.group(1) if before else _verb_after(text[q.span.end : clause_end])
    if verb is None or verb in _DURATION_NOT_VERBS:
        return Metric(None, None)
    return Metric(f"{noun or q.quantity.unit} {verb}", None)


def _plural(unit: str) -> str:
    """ "member" -> "members", "story" -> "stories", "inch" -> "inches"."""
    if unit in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[unit]
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    if unit.endswith(("s", "x", "ch", "sh")):
        return unit + "es"
    return unit + "s"


def compared_thing(text: str, cue_end: int, end: int) -> str | None:
    """What a superlative ranks: "flooding" in "the worst flooding since records began",
    "industrial accident" in "the most serious industrial accident". Raises nothing."""
    m = re.match(r"(?:\s+[a-z][a-z-]*){1,3}", text[cue_end:end])
    words = m.group(0).split() if m else []
    for i, word in enumerate(words):
        if word in _LINK_WORDS:
            words = words[:i]
            break
    return " ".join(words) or None


def period_of(text: str, clause: Span, sentence: Span, anchor: int | None = None) -> Period | None:
    """The period of a figure, as written: the first period phrase of its clause, else
    of its sentence ("overnight", "since the floods began"). ``cumulative`` when the
    clause marks a running total ("so far", "since ...").

    With ``anchor`` (where the figure stands), a period is looked for only up to the
    next coordinated clause after the figure ("312 homes had been damaged, and that
    engineers would begin inspecting on Thursday": Thursday is the inspection's); and
    "bringing the total to 2,000" is the total, not the day named in the clause before
    it. Raises nothing."""
    own_end = clause.end if anchor is None else _own_clause_end(text, anchor, clause.end)
    in_clause = _periods(text, clause.start, own_end)
    marker = CUMULATIVE_MARKERS.search(text, clause.start, clause.end)
    if anchor is not None and (then := _time_of_relative(text, sentence, anchor, own_end)):
        return then  # "the toll in 2022, when an estimated 61,000 died": 2022's toll
    if marker and all(text.startswith(("'s", "’s"), end) for _, end, _ in in_clause):
        # No day, or only the day of the event the total counts ("the toll from Tuesday's
        # shipwreck rose to 14"): the total as of now.
        return Period(text=marker.group(0), cumulative=True)
    if in_clause:
        found = in_clause
    else:
        sentence_end = (
            sentence.end if anchor is None else _own_clause_end(text, anchor, sentence.end)
        )
        found = _periods(text, sentence.start, sentence_end)
    cumulative = any(c for _, _, c in in_clause) or marker is not None
    if not found and (then := _at_the_time(text, sentence)) is not None:
        return then  # "His blood-alcohol level was 0.12, officers said at the time."
    if not found:
        return Period(cumulative=True) if cumulative else None
    # "The number injured in Monday's bombings rose to 176 on Tuesday": a possessive day
    # dates the event the figure is counted in; a plain one, when there is one, the figure.
    start, end, _ = min(found, key=lambda f: (text.startswith(("'s", "’s"), f[1]), f[0], -f[1]))
    return Period(text=text[start:end], cumulative=cumulative or any(c for _, _, c in found))


def _time_of_relative(text: str, sentence: Span, anchor: int, end: int) -> Period | None:
    """The time a relative clause holding the figure is about, when it hangs on a period
    phrase and names none of its own up to ``end``: "in 2022, when an estimated 61,000
    people died", "the 2019 collision, in which 41 were injured". The figure is of that
    time, not of the sentence's other period ("The deaths so far are a fraction of the
    toll in 2022, when ...")."""
    lead = text[sentence.start : anchor]
    if "," not in lead or not ("which" in lead or "when" in lead or "When" in lead):
        return None  # most figures sit in no such clause
    relative = None
    for m in _TIME_RELATIVE.finditer(text, sentence.start, anchor):
        relative = m
    if relative is None or "," in text[relative.end() : anchor]:
        return None
    if _periods(text, relative.end(), end):
        return None  # "in 2022, when 61,000 died in July": July
    before = [
        p for p in _periods(text, sentence.start, relative.start()) if p[1] >= relative.start()
    ]
    if not before:
        return None
    start, end, cumulative = before[0]
    written = text[start:end]
    if written[:6].lower() == "since ":
        # "the worst since March 2021, when 8 people died": they died in March 2021
        return Period(text=written[6:].lstrip(), cumulative=False)
    return Period(text=written, cumulative=cumulative)


# A relative clause on a time or an event: ", when", ", in which", ", during which".
_TIME_RELATIVE = re.compile(r",\s*(?:when|in\s+which|during\s+which|which)\s", re.IGNORECASE)


def _at_the_time(text: str, sentence: Span) -> Period | None:
    """The period of the sentence before, for a sentence that points back to it ("In June
    2019 police arrested him. His level was 0.12, officers said at the time."): the last
    period phrase there, within ``_AT_THE_TIME_REACH`` characters. ``None`` otherwise."""
    said = text[sentence.start : sentence.end]
    if "the time" not in said or "at the time" not in said.lower():
        return None  # asked for every figure with no period: most sentences hold neither
    lo = max(0, sentence.start - _AT_THE_TIME_REACH)
    earlier = _periods(text, lo, sentence.start)
    if not earlier:
        return None
    start, end, _ = max(earlier, key=lambda p: p[0])
    return Period(text=text[start:end], cumulative=False)


# How far back "at the time" looks for the time it means: the sentence before.
_AT_THE_TIME_REACH = 250


def _own_clause_end(text: str, anchor: int, end: int) -> int:
    """Where the clause holding ``text[anchor]`` gives way to a coordinated one."""
    m = _NEXT_CLAUSE.search(text, anchor, end)
    return m.start() if m else end


@lru_cache(maxsize=256)  # every figure of a sentence falls back on the sentence's periods
def _periods(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    found = []
    lowered = text[start:end].lower()
    for regex, cumulative, gate in _PERIODS:
        if gate is not None and gate.search(lowered) is None:
            continue  # the clause holds none of the words the pattern needs
        for m in regex.finditer(text, start, end):
            if "records" in m.group(0).lower():  # "since records began" is a baseline
                continue
            if _YEAR_ONLY.fullmatch(m.group(0)) and _FOUNDED_BEFORE.search(
                text, max(start, m.start() - 30), m.start()
            ):
                continue  # "founded in 2007 and backed with $60 million": the founding's
            if _PUBLISHED_BEFORE.search(text, max(start, m.start() - 30), m.start()):
                continue  # "A study, published on Monday, estimated ...": the study's day
            if _MONEY_OF_A_TIME.match(text, m.end()):
                continue  # "about $3.4 billion in today's dollars": what money is worth
            found.append((m.start(), m.end(), cumulative))
    return found


_YEAR_ONLY = re.compile(r"(?i:in|during)\s+\d{4}")
# "today's dollars", "2024 dollars": a time that says what money is worth, no period.
_MONEY_OF_A_TIME = re.compile(r"['’]s\s+(?:dollars|money|terms|prices|euros|pounds)\b")
# A document's own day, not its figures': "a study, published on Monday, estimated".
_PUBLISHED_BEFORE = re.compile(r"\b(?:published|released|issued|unveiled)\s*$", re.IGNORECASE)
# A year after these dates the beginning of something, not the figure beside it.
_FOUNDED_BEFORE = re.compile(
    r"\b(?:began|begun|started|founded|established|born|opened|built|formed|created|"
    r"launched|set\s+up|incorporated)\s*$",
    re.IGNORECASE,
)


# What ends the stretch of a clause a figure's place is read in: a pause, or a clause of
# its own ("most of them in cars near Fenholt", "as the river flooded towns in X").
_PLACE_BREAK = re.compile(
    r"[,;:()—–]|\s-\s|\b(?:as|when|after|while|which|who|but|because|including|since|"
    r"before|until|whose|where)\b"
)
# "In Kelso,", "In neighbouring Belgium,", "In the northern city of Ahar,", "In the
# Ahrweiler district alone,": a place opening the sentence counts what follows in it.
_FRONTED_PLACE = re.compile(
    r"\s*(?:In|At|Near|Outside)\s+(?:the\s+)?(?:(?:neighbou?ring|nearby|northern|southern|"
    r"eastern|western|central|north-?(?:east|west)ern|south-?(?:east|west)ern|coastal|"
    r"rural)\s+)?(?:(?:[A-Z][a-z]+\s+|[a-z]+\s+)?"  # "the Kazmiri region of", "border city of"
    r"(?:city|town|village|province|state|district|region|county)\s+of\s+)?"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3})"
    r"(?:\s+(?:district|county|province|region|state|area|city|town|village))?"
    r"(?:\s+alone)?\s*,"
)


# The event opening the sentence happened in a place: "Floods in western Germany have
# killed at least 103", "The quake in Ahar killed 40".
_AGENT_IN_PLACE = re.compile(
    r"\s*(?:[A-Za-z][\w'’-]*\s+){1,3}?(?:in|across)\s+(?:the\s+)?(?:(?:neighbou?ring|northern|"
    r"southern|eastern|western|central|north-?(?:east|west)ern|south-?(?:east|west)ern)\s+)?"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+(?:has|have|had|killed|left|"
    r"destroyed|damaged|injured|forced|displaced|swept|hit|struck)\b"
)
# "in Kestwick, where 40 homes were flooded": the relative clause counts in that place.
_WHERE_PLACE = re.compile(
    r"\b(?:in|at|near)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3})\s*,\s*where\s+[^,;]*$"
)


def place_of_figure(text: str, sentence_start: int, figure: Span, clause_end: int) -> str | None:
    """Where the figure at ``figure`` was counted: a place fronted in its sentence ("In
    Kelso, 40 homes ...", "in Kelso, where 40 homes ...") or named between the figure and
    the next pause or clause ("40 people died in Kelso on Sunday"); not one further on
    ("12 died on Monday, most of them near Fenholt"), which places something else.
    ``None`` when none is named."""
    fronted = _FRONTED_PLACE.match(text, sentence_start, figure.start)
    if fronted is None:
        fronted = _WHERE_PLACE.search(text, sentence_start, figure.start)
    if fronted is None:
        fronted = _AGENT_IN_PLACE.match(text, sentence_start, figure.start)
    if fronted and fronted.group("place").split()[0] not in _NOT_PLACES:
        return fronted.group("place")
    stop = _PLACE_BREAK.search(text, figure.end, clause_end)
    end = stop.start() if stop else clause_end
    named = location_of(text, figure.start, end)
    stretch = text[figure.end : end]
    pointing = "the " in stretch or "wide" in stretch
    if named is None and pointing and (pointer := _POINTING_PLACE.search(text, figure.end, end)):
        wide = (pointer.group("wide") or "").lower()
        place = pointer.group("place") or ("the state" if wide == "statewide" else "the country")
        return " ".join(place.lower().split())
    return named


# A place named only by pointing back ("14 had died in the state", "across the country",
# "statewide"): the figure was counted in some one place, which the words do not name.
# It is kept as written, so that the rule layer can say it may be another place than a
# figure naming one ("11 had died in Georgia"), instead of calling the two one count.
_POINTING_PLACE = re.compile(
    r"\b(?:(?:in|across|throughout|inside)\s+(?P<place>the\s+(?:state|country|province|"
    r"county|region|territory|island))\b|(?P<wide>statewide|nationwide|countrywide))",
    re.IGNORECASE,
)


def location_of(text: str, start: int, end: int) -> str | None:
    """The first "in <Capitalised Place>" of ``text[start:end]`` ("in the border city of
    Velna" too), or ``None``. Raises nothing."""
    stretch = text[start:end]
    kind_of = _KIND_OF_PLACE.search(text, start, end) if " of " in stretch else None
    for m in _LOCATION.finditer(text, start, kind_of.start() if kind_of else end):
        place = m.group("place")
        words = place.split()
        while words and words[-1] in ("of",):
            words.pop()
        if words and words[0] not in _NOT_PLACES:
            return " ".join(words)
    return kind_of.group("place") if kind_of else None


# "in the border city of Velna", "in the Kazmiri region of Drusk": a kind of place, named.
_KIND_OF_PLACE = re.compile(
    r"\b(?:in|near|across|outside|around)\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:city|town|village|"
    r"province|state|district|region|county|port|capital)\s+of\s+"
    r"(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
)


def _level_metric(
    text: str, clause_start: int, clause_end: int, q: QuantityMatch, sentence_start: int | None
) -> str | None:
    """A height figure as "<thing> <aspect>": "river level peak" (peaked at 5.82 metres),
    "river rise" (rose by 3.1 metres), "river level above usual" (two metres above its
    usual level), "river level" (dropped to 4.1 metres). The thing is the nearest
    water word before the figure, else in its sentence. ``None`` when there is none and
    no aspect either: a bare height says nothing about what was measured."""
    before = text[clause_start : q.span.start].lower()
    after = text[q.span.end : clause_end].lower()
    aspect = _aspect(before, after)
    scope = sentence_start if sentence_start is not None else clause_start
    things = _LEVEL_THING.findall(text[scope : q.span.start].lower()) or _LEVEL_THING.findall(
        text[q.span.end : clause_end].lower()
    )
    # "the river level": the river is the thing; "level" alone says only that it is one.
    thing = next((t for t in reversed(things) if t != "level"), "level" if things else None)
    if thing is None and aspect is None:
        return None
    if thing in ("level", None):
        thing = "water"
    return f"{thing} {aspect or 'level'}"


def _aspect(before: str, after: str) -> str | None:
    """What a height figure is of: a peak, a change, a level against the usual one."""
    above = _ABOVE_USUAL.match(after)
    if above:
        return f"level {above.group('side')} usual"
    for regex, aspect in _ASPECTS:
        if regex.search(before):
            return aspect
    return None


def _counted(noun: str | None, verb: str, qualifier: str | None) -> str:
    """ "people killed", "deaths in road accidents", "died" (no noun: the verb alone says
    what is counted, and the rule layer's vocabulary knows "died")."""
    if qualifier and verb in _DEATH_WORDS and noun in (None, "people"):
        return f"deaths {qualifier}"
    if verb == "left" and noun in _LEFT_STATES:
        # "left 40 dead", "leaving 16,000 homeless": the state is what is counted.
        return "left homeless" if noun == "homeless" else noun
    return " ".join(w for w in (noun, verb, qualifier) if w)


_LEFT_STATES = words("homeless dead injured wounded stranded missing")
_VOTES = words("voted vote votes voting")
_VOTE_SIDE = re.compile(r"\s+(against|for|in\s+favou?r|no|yes|to\s+\w+)\b", re.IGNORECASE)


def _qualifier(after: str, verb: str) -> str | None:
    """A cause that changes what is counted, right after the verb (or the figure, when
    the verb stands before it): "in road accidents", "by mudslides". A definite one ("in
    the fire", "in the floods") is the story's own event and says nothing new, so it is
    not kept."""
    at = re.search(rf"\b{re.escape(verb)}\b", after)
    rest = after[at.end() :] if at else after
    if verb in _VOTES and (side := _VOTE_SIDE.match(rest)):
        return side.group(1).lower()  # "voted against" and "voted for" are two counts
    m = _QUALIFIER.match(rest.split(",", 1)[0])
    if m is None:
        return None
    phrase = m.group(0).lower().split()
    if any(w in _DETERMINERS for w in phrase[1:]):
        return None
    return " ".join(phrase)


def _head_noun(phrase: str) -> str | None:
    """The last word of a noun phrase that a verb or preposition may follow:
    "contaminated firefighting water ran" -> "water", "rain could" -> "rain"."""
    kept: list[str] = []
    for i, word in enumerate(phrase.split()):
        if (
            word in _LINK_WORDS
            or word in _VERBISH
            or word in _MODALS
            or (i and word.endswith("ed"))
        ):
            break
        kept.append(word)
    return kept[-1] if kept else None


def _verb_after(after: str) -> str | None:
    skipped = _SKIP_AFTER.match(after)
    rest = after[skipped.end() :] if skipped else after.lstrip()
    state = _STATE_AFTER.match(rest)
    if state:
        return state.group("state")
    passive = _PASSIVE_MAIN.search(after)
    if passive:
        return passive.group("verb") or passive.group("verb2")
    verb = _VERB_AFTER.match(rest)
    if verb and verb.group("verb") not in ("been", "often", "even", "seven", "ten", "when"):
        return verb.group("verb")
    return None


def _verb_before(before: str) -> str | None:
    lower = before.lower()
    m = _VERB_BEFORE.search(lower)
    if m and m.group("verb") not in ("need", "used", "based", "red"):
        return m.group("verb")
    toll = _TOLL_PARTICIPLE.search(lower)
    if toll:
        # "..., killing at least 250 people and injuring more than 2,000": what the
        # clause's event did, as its past ("killed", "injured") names it.
        verb = toll.group("verb")
        return _IRREGULAR_PASTS.get(verb) or verb[: -len("ing")] + "ed"
    return None


def _noun_phrase(phrase: str) -> str:
    """A metric key: lowercased, without a leading determiner or owner ("Vestra's net
    profit" is net profit; Vestra is the subject, see ``_owner``)."""
    # "said on Wednesday that net profit climbed to": what climbed is after "that".
    phrase = _THAT.split(phrase)[-1]
    owner = _OWNER.match(phrase)
    if owner is not None and owner.end() < len(phrase):
        phrase = phrase[owner.end() :]
    words = phrase.split()
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:] if len(words) > 1 else words
    return " ".join(words).lower() if words else phrase.lower()


_THAT = re.compile(r"\bthat\s+", re.IGNORECASE)
# A proper name owning what follows it: "Vestra's", "Apple Inc.'s", "the Red Sox's".
_OWNER = re.compile(r"(?:the\s+)?(?P<owner>(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)['’]s?\s+")
# Names that date, not own: "Monday's quake", "March's figures".
_NOT_OWNERS = words("""
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    january february march april may june july august september october november december
    """)


# Someone a name owns is someone else: "Ruiz's predecessor", "Mensah's teammate".
_PERSON_OF = ROLE_WORDS | words(
    "predecessor successor teammate teammates rival opponent replacement understudy"
)


def _owner(phrase: str) -> str | None:
    """The proper name that owns the rest of ``phrase`` ("Vestra" in "Vestra's net
    profit"); ``None`` when it is no such phrase, the name is a day or a month, or what it
    owns has a name of its own ("Japan's Nikkei" is the index, not Japan)."""
    owner = _OWNER.match(phrase)
    if owner is None or owner.end() >= len(phrase) or owner.group(0).rstrip()[-1] not in "sS":
        return None
    owned = phrase[owner.end() :].split()[:2]
    if any(word[:1].isupper() for word in owned):
        return None  # "Japan's Nikkei", "Japan's broader Topix index": a name of its own
    if any(word.lower().strip(",") in _PERSON_OF for word in owned):
        return None  # "Ruiz's predecessor, Tom Hale, is owed": Hale's money, not Ruiz's
    name = owner.group("owner")
    return None if name.lower() in _NOT_OWNERS else name


_LINK_WORDS = words("""
    in on at of for since than to by from and the a was is were under over aged who with
    """)
_NAME_PARTICLES = words("de la le van von der den da di du bin al el del y st")
# How far after a figure an age's holder may be read: "59-year-old Mara K. Voss".
_HOLDER_REACH = 80
# What an age with a holder looks like where it starts: "59-year-old", "59-year old",
# "59," (in apposition: "Mara Voss, 59,").
_AGE_SHAPE = re.compile(
    r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[-‐\s](?:year|month|week|day)s?[-‐\s]old\b"
    r"|\d{1,3}(?=\s*(?:[,;)]|\.(?:\s|$)|\s+and\b))",
    re.IGNORECASE,
)
# "He was 77.": a bare number after a person's pronoun and "was", ending the clause.
_PRONOUN_AGE = re.compile(r"(?:^|\b)(?:he|she|He|She)\s+(?:was|is|turned|turns)\s*$")
_ENDS = re.compile(r"\s*(?:[.;,!?)”\"]|$|when\b|at\s+the\s+time\b)")
# The verb a duration measures, up to four words before it: "worked at the plant for",
# "served a reduced sentence of".
_DURATION_VERB = re.compile(
    r"\b([a-z]+ed|spent|served|kept|held|ran|sat|stood|slept|fought|led|taught|built|took)"
    r"(?:\s+(?!(?:and|but|who|which|that)\b)[\w'’-]+){0,4}\s*$"
)
_DURATION_NOT_VERBS = words("based used need red")
_IRREGULAR_PLURALS = {"man": "men", "woman": "women", "foot": "feet", "person": "people"}
_PREPOSITIONS = words("of in on at to by for from with about into")
_MODALS = words("could would will may might should must can ran")
_QUANTIFIERS = words("further additional another more other some many several")
_PRONOUNS = words("it this that they he she we there these those i you")
_RELATIVES = words("who which whose whom")
_JOINERS = words("and or but nor")  # "Jeffs and 11 other men": no agent ends with one
# Verbs whose past is their present, which end an agent like any past: "Drake shot".
# Words that end like a participle or an adverb but are adjectives or nouns in an agent:
# "Average hourly earnings", "Quarterly revenue", "The elderly".
_NOT_VERBS = words("""
    hourly daily weekly monthly yearly quarterly nightly early elderly family italy july
    assembly supply rally ally belly bully
    """)
# Verbs that move a level: the figure after them is the level of what moved.
# The verb a count shares with the count coordinated after it, in the next clause:
# "98 drones and four missiles were fired".
_SHARED_VERB = re.compile(
    r"\s*and\s+(?:some\s+|about\s+|nearly\s+|more\s+than\s+)?[\w,.-]+\s+[a-z]+\s+"
    r"(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+)?(?P<verb>[a-z]+ed)\b"
)
# A margin of victory: "re-elected in 1994 by about 78,000 votes", "won by 12 points".
_MARGIN_NOUNS = frozenset(("votes", "vote", "points", "seats", "strokes", "runs", "goals"))
_WON_BY = re.compile(
    r"\b(?:won|wins|win|re-?elected|elected|beat|beaten|defeated|carried|took|lost|losing|"
    r"winning|leads|led|leading|trailed|trails)\b[^.;]{0,50}?\bby\s+$"
)
# Everyone a vessel carried: "57 people on board", "about 60 people aboard", "a boat
# carrying 60 people" (not "passengers", which leaves out the crew).
_PEOPLE_WORDS = frozenset(("people", "persons", "migrants", "refugees"))
_ABOARD = re.compile(r"\s+(?:(?:were|was|had\s+been|have\s+been)\s+)?(?:on\s+board|aboard)\b")
_CARRYING = re.compile(
    r"\b(?:carrying|carried|carries)\s+(?:some\s+|about\s+|around\s+|up\s+to\s+|"
    r"more\s+than\s+|nearly\s+|at\s+least\s+)?$"
)
# Verbs of a move whose figure measures what moved ("Kibo shares plunged 14.2%"): the
# metric is the thing, and the normaliser adds the direction, whatever the verb.
_MOVED = words("edged ticked inched crept revised closed ended finished") | frozenset(
    SHARP_FALLS + SHARP_RISES
)
_PAST_LIKE_PRESENT = words("shot hit cut put set beat hurt quit spread bet cost")
# Present-tense verbs that follow a name in business and profile copy: "Coral Air operates
# 42 aircraft", "the firm employs 50,000 people".
_PRESENT_VERBS = words("""
    operates employs owns runs serves holds manages produces sells makes earns pays costs
    controls contains houses carries plans expects needs wants counts lists boasts
    """)
# Words that open a clause or an adverbial rather than an agent.
_OPENERS = words("""
    how what why whether along despite during under over among amid against without
    through across beyond besides including following overall altogether meanwhile however
    but and or yet so still then now instead indeed also take
    """)
_RELATIVE_OPENS = re.compile(r",\s+(?P<word>who|which)\b")
# A name with a bracket opened after it, up to a figure: "Thompson (", "the Chiefs (".
_NAME_BRACKET = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s*\(\s*(?:\d+\s*[-–]\s*)?$"
)
# The name a relative clause hangs on: "Klitschko, who", "the Chiefs (2-13), who".
_ANTECEDENT = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s*(?:\([^()]{0,20}\)\s*)?,\s*$"
)
_SUBORDINATORS = words("when if while after before as since although though because unless")
_VERBISH = words("""
    is are was were be been has have had will would could may might must should can
    killed left lost hit put made took gave rose fell said says told reported say faces
    """)
