"""Quantities in news prose: "more than 2,000 people", "$4.5 million", "a third of homes",
"Nadia Haddad, 52,", "a six-year deal", "served 3½ months".

Pure functions over strings; nothing here does I/O or knows about articles, and nothing
raises: whatever the text, the worst answer is no quantity.

What counts as a quantity
-------------------------
- digits, with thousands separators and decimals: ``2,417``, ``1.5``, ``4½``, ``4-1/2``
  and a leading-dot decimal ``.738``;
- scale words and suffixes: ``4.7 million``, ``3bn``, ``£20m``, ``$75MM``, ``$7-million``
  (a bare ``m`` or ``MM`` is a million only after a currency sign; ``10m`` is ten metres);
  whatever blank or hyphen sets the scale word off ("$4.5 million" across a no-break
  space, a tab or a line break);
- number words: ``fifty``, ``twenty-three``, ``two hundred and fifty``, ``a dozen``,
  ``hundred``, ``half a million``, ``four and a half``;
- currencies: ``$``/``US$``/``USD``/``dollars`` -> ``USD``, ``€``/``euros`` -> ``EUR``,
  ``£``/``pounds`` -> ``GBP`` (and a few more in ``CURRENCY_PREFIXES``); a currency word
  glued to the digits only before a scale ("euro90 billion", "R40 million");
- percentages: ``35%``, ``35 percent``, ``35 per cent`` -> unit ``percent``;
  ``3 percentage points`` -> ``percentage_points``;
- units of specification writing, glued or apart: ``8GB``, ``3.4GHz``, ``48 GB``,
  ``1333-MHz``, ``2x`` (``4G``, ``3D``, ``COVID-19`` stay identifiers);
- shares: ``a third``, ``half``, ``two-thirds``, ``a quarter`` (each only when followed by
  "of", a determiner or an auxiliary - "half the homes", "about half had been
  reconnected" - so "a third time" and "half an hour" are not shares), a hyphenated
  ``one-third`` and ``one in five``: the value is the fraction (1/3, 0.5, ...), unit
  ``fraction``;
- durations, which are figures of their own ("served 3½ months", "for 26 years", "10
  minutes earlier", "9 weeks ago", "about a month", "half an hour", "a minute or two"):
  units ``seconds``, ``minutes``, ``hours``, ``days``, ``nights``, ``weeks``,
  ``months``, ``years`` ("two decades" is 20 years, "a quarter-century" 25);
- ages (``role`` "age", unit ``years``; ``head`` the person or noun it belongs to when
  written next to it): "Nadia Haddad, 52,", "a 52-year-old nurse", "52-year old", "34
  years old", "aged 68", "at age 63", "in his 50s" (vague: 50 to 59);
- compound modifiers (``role`` "modifier", ``head`` the noun they qualify): "a 12-year
  lease", "a 250-member alliance", "the 7-acre depot", "a two-time winner" - value and
  unit from the modifier; "a six-year, $90 million contract" is two figures;
- scores (``role`` "score"): "a 12-3 victory", "a 31-to-30 edge", "won 3-1": two figures
  (but "won 30-40 seats" is a range: a count noun follows);
- a win-loss-draw record after a name or a record verb ("Lennox Lewis 15-2-1"): three
  scores, ``head`` "wins", "losses", "draws";
- a clock reading in a bout, a period of play or a race ("stopped it at 2:56 of the sixth
  round", "won in 2:21:07"): an elapsed time in seconds; elsewhere a time of day, no figure;
- vague amounts, with values chosen so that a rule can compare them:
  ``dozens`` = at least 24, ``scores of`` = at least 40, ``hundreds`` = at least 200,
  ``thousands`` = at least 2,000, ``tens of thousands`` = at least 20,000,
  ``hundreds of thousands`` = at least 200,000, ``millions`` = at least 2,000,000;
  ``several hundred`` = range 200..900 ("several" = 2 to 9 of the scale word),
  ``a few hundred`` = range 200..500, ``a couple of hundred`` = about 200,
  ``a couple of days`` = about 2, ``multimillion-dollar`` = at least 2,000,000;
- words: ``twice`` (2 times), ``a pair of`` (2), ``a single`` (1), ``half a mile``,
  ``a mile and a half``;
- bounds, from the cue right before the number (``BOUND_CUES``), the words right after
  it (``BOUND_TAILS``: "65 and older", "six years or more", "200-plus") or the shape of
  a range: ``between 300 and 400``, ``300-400``, ``300 to 400``, ``six or seven``,
  ``rose 5 to 7 percent`` (one unit after both ends). A change is not a range: ``from
  300 to 400``, ``dropped $90 to $1,150``, ``rose 20% to 312`` give two exact quantities.
  "over" is "more than", except right after another figure, where it spreads that
  figure across a duration ("$90 million over six years" is six years exactly).

What does not count (and why)
-----------------------------
- years: a bare four-digit number from 1500 to 2100 ("in 1866", "the 2026 budget") -
  unless a count noun follows and no year word precedes ("2000 people were evacuated"),
  never after a month name ("a July 1997 conviction") or before an election word ("the
  2012 presidential campaign"); decades ("1990s") and seasons ("2025-26") too;
- dates: a day next to a month name ("May 9", "9 May", "May 9-10", "9th of May",
  "July 14, 1981,"), ISO and slashed dates ("2026-03-03", "3/4/2026");
- times: "10:30", "5 p.m.", "5pm", "0800 GMT", "10 o'clock", and an hour from 1 to 12
  after at/about/around/until/by/from/between before a part of the day ("at 7 that
  evening", "about 8 or 9 the next morning") - a count may stand there too ("killed 40
  on Monday night");
- ordinals ("3rd", "21st") are never counts;
- identifiers: a number glued to letters ("COVID-19", "A380", "4G"), after a designator
  word ("Section 3", "Category 4", "No. 10", "Route 66": ``DESIGNATORS``) or after a
  capitalised, camel-case or hyphenated name inside a sentence ("Shed 14", "iOS 9",
  "NOR-LINK 3"), labels ("4×4"), versions listed after a name or a version word
  ("Bluetooth 5.0 and 4.0"), addresses ("12 Elm Street", "the 400 block of"; never after
  a quantifier: "all 9 Harbour Board members"), calibres ("a 9 mm pistol", ".44 Magnum",
  "20-gauge"), emergency numbers said as ones ("called 911", "a 999 call"; "rose to
  112" counts), and numbers in code or arithmetic ("{{ 7*7 }}");
- phone numbers: "+44 20 7946 0000", "(555) 123-4567", "555-123-4567", "0100 555 0142"
  and the seven-digit "555-1234" (so a range must not be written 3 digits-4 digits);
- a duration that sets a period instead of stating one: a window ("in the past 24
  hours"), "in 24 hours" when its clause holds the figure it times ("300 were evacuated
  in 24 hours"), "a year later", "one day earlier", "15 years from now", "24 hours a
  day" (the period parser owns those);
- hyphenated words that name no unit: "one-sided", "two-way", "3-D";
- "ranges" whose second number is not larger and that are no score: "2020-21";
- list markers: "1." / "2)" at the start of a line;
- the pronoun "one" ("one of the worst", "one witness said", "not one", "at one point"):
  "one" counts only with a count noun after it.
"""

from __future__ import annotations

import itertools
import re
import string
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from operator import itemgetter

from assistant.model import Bound, Quantity, Span

# --------------------------------------------------------------------------- lexicons
# Kept as data so that a newsroom can extend them without touching the parser.


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


BOUND_CUES: dict[str, Bound] = {
    "at least": Bound.at_least,
    "no fewer than": Bound.at_least,
    "not fewer than": Bound.at_least,
    "no less than": Bound.at_least,
    "not less than": Bound.at_least,
    "a minimum of": Bound.at_least,
    "more than": Bound.more_than,
    "more than the": Bound.more_than,
    "over": Bound.more_than,
    "just over": Bound.more_than,
    "well over": Bound.more_than,
    "upwards of": Bound.more_than,
    "in excess of": Bound.more_than,
    "above": Bound.more_than,
    "about": Bound.about,
    "around": Bound.about,
    "roughly": Bound.about,
    "some": Bound.about,
    "nearly": Bound.about,
    "almost": Bound.about,
    "approximately": Bound.about,
    "approx.": Bound.about,
    "an estimated": Bound.about,
    "close to": Bound.about,
    "circa": Bound.about,
    "up to": Bound.up_to,
    "as many as": Bound.up_to,
    "as much as": Bound.up_to,
    "as high as": Bound.up_to,
    "a maximum of": Bound.up_to,
    "no more than": Bound.up_to,
    "not more than": Bound.up_to,
    "at most": Bound.up_to,
    "fewer than": Bound.fewer_than,
    "less than": Bound.fewer_than,
    "less than the": Bound.fewer_than,
    "under": Bound.fewer_than,
    "just under": Bound.fewer_than,
    "below": Bound.fewer_than,
    "just below": Bound.fewer_than,
}
# Words right after a figure that make it a floor or a ceiling: "65 and older".
BOUND_TAILS: dict[str, Bound] = {
    "or more": Bound.at_least,
    "or older": Bound.at_least,
    "and older": Bound.at_least,
    "or longer": Bound.at_least,
    "and over": Bound.at_least,
    "and up": Bound.at_least,
    "or less": Bound.up_to,
    "or fewer": Bound.up_to,
    "or younger": Bound.up_to,
    "and under": Bound.up_to,
    "and younger": Bound.up_to,
}
# Suffixes that loosen the figure they end: "200-plus pounds", "40-odd years".
APPROXIMATE_SUFFIXES: dict[str, Bound] = {"plus": Bound.more_than, "odd": Bound.about}

CURRENCY_PREFIXES: dict[str, str] = {
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "a$": "AUD",
    "c$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "¥": "JPY",
    "₹": "INR",
    "r": "ZAR",  # "R40 million": only before an amount with a scale, see _CUR
    "euro": "EUR",  # "euro90 billion", as some wire copy writes it: only before a scale
}
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD",
    "us dollars": "USD",
    "usd": "USD",
    "euros": "EUR",
    "eur": "EUR",
    "rand": "ZAR",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "gbp": "GBP",
}

CURRENCIES = frozenset({*CURRENCY_PREFIXES.values(), *CURRENCY_WORDS.values()})

SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
# Units written straight after the digits ("200mm", "8GB", "3.4GHz"), as written in lower
# case -> the canonical unit; "m" and "k" are handled apart, and so is "mm" after a
# currency ("$75MM" is a million, not millimetres).
ATTACHED_UNITS: dict[str, str] = {
    "km/h": "km/h",
    "kwh": "kwh",
    "mph": "mph",
    "kph": "kph",
    "lbs": "lbs",
    "km": "km",
    "kg": "kg",
    "mm": "mm",
    "cm": "cm",
    "ml": "ml",
    "mw": "mw",
    "gw": "gw",
    "kw": "kw",
    "ha": "ha",
    "ft": "ft",
    "lb": "lb",
    "tb": "TB",
    "gb": "GB",
    "mb": "MB",
    "kb": "KB",
    "ghz": "GHz",
    "mhz": "MHz",
    "hz": "Hz",
    "hrs": "hours",
    "hr": "hours",
    "mins": "minutes",
    "min": "minutes",
    "x": "times",
}
# Units of specification writing set apart from the digits ("48 GB", "3.1 GHz"):
# written in capitals, so the lower-case count-noun reader would not see them.
SPEC_UNITS: dict[str, str] = {
    "TB": "TB",
    "GB": "GB",
    "MB": "MB",
    "KB": "KB",
    "GHz": "GHz",
    "MHz": "MHz",
    "Hz": "Hz",
    "mAh": "mAh",
    "kWh": "kwh",
    "MW": "mw",
    "GW": "gw",
    "kW": "kw",
}

WORD_VALUES: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
WORD_SCALES: dict[str, int] = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}  # fmt: skip
VULGAR_FRACTIONS: dict[str, float] = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
# Words that state a small count by themselves.
COUNT_WORDS: dict[str, tuple[float, str | None]] = {
    "twice": (2, "times"),
    "thrice": (3, "times"),
    "a pair of": (2, None),
    "a single": (1, None),
}

# Vague plurals: the smallest amount the plural can honestly stand for.
VAGUE_PLURALS: dict[str, float] = {
    "dozens": 24,
    "scores": 40,
    "tens": 20,
    "hundreds": 200,
    "thousands": 2_000,
    "millions": 2_000_000,
    "billions": 2_000_000_000,
}
# "several hundred" = 2..9 hundreds; "a few hundred" = 2..5; "a couple of hundred" ~ 2.
VAGUE_MULTIPLIERS: dict[str, tuple[float, float | None]] = {
    "several": (2, 9),
    "a few": (2, 5),
    "a couple of": (2, None),
    "a couple": (2, None),
}

# A number right after one of these words names a thing, it does not count it.
DESIGNATORS = _words("""
    section sections article articles chapter clause paragraph subsection page pages
    route flight room no no. number category level phase stage gate platform line
    highway interstate road model version item rule amendment resolution bill act case
    figure table vol volume episode season grade class division district ward zone unit
    block apartment flat suite terminal exit junction pier track channel sector boeing
    airbus apollo covid channel tier code round game lap heat hole leg match step scene
    """)
_CALENDAR_WORDS = _words(
    """
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday
    """
)
_MONTH_WORDS = _CALENDAR_WORDS - _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
# A year after one of these is a year even when a noun follows ("in 2026 budgets").
YEAR_LEADS = _words(
    """
    in since until till by during from before after of early late mid the a an this that its
    their his her our year years season fiscal
    """
)
# A year before one of these is a date even without a year word before it ("Marlow's 1972
# campaign", "the 2012 presidential race").
YEAR_NOUNS = _words(
    """
    campaign campaigns election elections presidential primary primaries midterm midterms
    bid race season budget census olympics conviction hearing
    """
)
# Units of measure: a figure in one is not a count, and its metric is what it measures
# ("40 millimetres of rain").
MEASURE_UNITS = _words("""
    m mm cm km kg mph kph km/h ft lb lbs mw gw kw kwh ha metre meter millimetre millimeter
    centimetre centimeter kilometre kilometer mile foot inch yard tonne ton kilogram gram
    litre liter gallon hectare acre degree °C °F TB GB MB KB GHz MHz Hz mAh
    """) | {"nautical miles", "basis points"}
# The temperature scales a figure can be read in (see ``_DEGREES_ATTACHED``).
TEMPERATURE_UNITS = frozenset({"°C", "°F"})
# Units of time as written (singular) -> (canonical unit, how many of it).
TIME_NAMES: dict[str, tuple[str, float]] = {
    "second": ("seconds", 1),
    "sec": ("seconds", 1),
    "minute": ("minutes", 1),
    "min": ("minutes", 1),
    "hour": ("hours", 1),
    "hr": ("hours", 1),
    "day": ("days", 1),
    "night": ("nights", 1),
    "week": ("weeks", 1),
    "fortnight": ("weeks", 2),
    "month": ("months", 1),
    "year": ("years", 1),
    "decade": ("years", 10),
    "century": ("years", 100),
}
TIME_UNITS = frozenset(TIME_NAMES) | frozenset(unit for unit, _ in TIME_NAMES.values())
# Measures that "a" or "half a" can count: "a mile and a half", "half a mile".
_A_MEASURES = _words("mile foot inch yard metre meter kilometre kilometer acre hectare pound")
# "in the past 24 hours": a duration after these words is a window, the period of what
# the sentence reports.
WINDOW_LEADS = _words("in over during within throughout")
WINDOW_WORDS = _words("past last previous first final coming")
# A duration after these says when, not how long: "a year later", "15 years from now".
PERIOD_TAILS = ("from now", "running")
RELATIVE_TAILS = ("ago", "later", "earlier")
AGE_LEADS = frozenset({"aged", "age", "ages"})
# Words before "a week" / "an hour" that make it a length of time ("took a week").
A_UNIT_LEADS = _words("""
    within for than take takes took taken taking spend spends spent spending serve serves
    served serving last lasts lasted lasting only just barely
    """)

# Hyphenated words after a number that are no unit: "one-sided", "two-way", "3-D".
MODIFIER_NOT_UNITS = _words("""
    way ways off on of in out to and or by for up down over one sided faced handed caliber
    calibre gauge something ish fold star
    """)
# Set phrases whose number counts nothing ("cloud nine", "zero tolerance").
NUMBER_IDIOMS = (
    "800-pound gorilla", "whole nine yards", "cloud nine", "catch-22", "24/7", "zero tolerance",
    "zero-sum", "ground zero", "zero hour", "my two cents", "in two minds", "sixes and sevens",
    "six feet under", "forty winks", "take five", "high five", "high-five", "one-horse town",
    "zero-day", "zero-days",
)  # fmt: skip
# Heads that make a hyphened size a label of a product class: "the 14-inch model".
LABEL_HEADS = _words("""
    model models version versions option options edition editions variant variants
    configuration configurations trim
    """)
# Units whose hyphened size before a brand names a class of product: "the 65-inch Vantor".
SIZE_CLASS_UNITS = _words("inch")
# Heads that make a hyphened duration a point in time: "the three-month anniversary".
# So do the heads of a market move over a window: "the biggest one-day fall", "a
# three-week rally": the window names the kind of move, and the move is the figure.
TIME_LABEL_HEADS = _words("""
    anniversary mark milestone high low highs lows fall falls drop drops decline declines
    rise rises gain gains jump loss losses slide rally rallies selloff sell-off slump surge
    plunge swing
    """)
# Nouns after "one" that make an idiom, not a count: "at one point", "one way or another".
ONE_IDIOMS = _words("point time stage way hand moment")
# "a single mother" is not a count of mothers.
SINGLE_NOT_COUNTS = _words("mother father parent mom dad market currency")
# Things that come in versions: "x.0" numbers listed after one are versions ("ports that
# take both 3.0 and 2.0"), not figures.
VERSION_WORDS = _words("""
    version versions release releases standard standards spec specs specification firmware
    software protocol protocols edition port ports plug plugs socket sockets slot slots
    connector connectors interface interfaces cable cables device devices drive drives
    """)
# Words after "x.0" numbers that make them measures, not versions: "6.0 or 7.0 magnitude".
MAGNITUDE_WORDS = (
    MEASURE_UNITS
    | frozenset(TIME_NAMES)
    | _words("magnitude point percent pct grade mark rating score times")
)
# Words before a number that make it a count of what follows, never a house number.
QUANTIFIERS = _words("all some any each every both only just another")
# Words before an hour that make it a time of day ("at 7 that evening"); "or" for the
# second of two hours ("about 8 or 9 the next morning").
CLOCK_LEADS = _words("at about around until till by from or between")
EMERGENCY_NUMBERS = frozenset({"911", "999", "112"})
# Words right before an emergency number that make it a number to call: "called 911".
CALL_VERBS = _words("""
    call calls called calling dial dials dialled dialed dialling dialing phone phones phoned
    phoning ring rings rang ringing
    """)
# Nouns after an emergency number that still leave it a number to call: "a 911 caller".
CALL_WORDS = _words("""
    call calls caller callers dispatcher dispatchers operator operators center centre line
    lines supervisor system tape tapes recording recordings
    """)
STREET_WORDS = _words("""
    Street St Avenue Ave Road Rd Boulevard Blvd Way Place Pl Lane Ln Drive Dr Court Ct
    Terrace Square Parkway Pkwy Highway Hwy Plaza
    """)
# Words after a pair of numbers that make it a score: "a 12-3 victory".
SCORE_NOUNS = _words("""
    victory victories win wins loss losses defeat defeats lead edge advantage margin vote
    votes decision ruling triumph rout shutout score count split majority tie draw verdict
    record
    """)
SCORE_VERBS = _words("""
    won lost beat beats defeated trailed trailing trails led leads leading edged routed tied
    drew scored winning losing beating up down
    """)
# Verbs before "X to Y" that make it a change and a level, not a range.
CHANGE_VERBS = _words("""
    from rose risen rises rising fell fallen falls falling dropped drops dropping climbed
    climbs increased increases decreased decreases jumped jumps grew grown declined declines
    surged plunged soared slipped slid sank gained cut cuts raised lowered reduced slashed
    up down
    """)
# Irregular past tenses: verbs, never the noun of a count ("Nine crews fought ...").
IRREGULAR_PAST = _words("""
    fought won brought bought caught taught thought sought built sent spent lent meant felt
    dealt knelt slept swept wept kept left lost made paid said laid sold told heard held
    stood understood struck stuck hung swung sang rang drank swam began begun ran came
    became saw seen went gone done did gave given took taken ate eaten fell fallen flew flown
    drew drawn grew grown knew known threw thrown blew blown wrote written rode ridden rose
    risen drove driven chose chosen broke broken spoke spoken woke froze frozen stole stolen
    got gotten forgot forgotten sat hid hidden bit bitten dug stung clung sprang sank shrank
    swore sworn tore torn wore worn bore borne led fed fled bled met found ground withdrew
    overtook undertook forbade forgave mistook shook shaken slew slain strove sprung
    """)

# Words that end the noun run after a number: function words, auxiliaries and common
# verbs (the noun is what comes *before* them: "312 homes were damaged").
_STOP_WORDS = (
    _words("""
    a an the of and or but nor to in on at by for from with without into onto over under
    across after before during since than that which who whom whose where when while as
    if unless because whether though although until till twice thrice
    above below beneath along around near behind beyond inside outside within through
    toward towards against among between per via despite amid like off up down out
    is are was were be been being am has have had having do does did will would shall
    should can could may might must not no so also still now then there here this these
    those it its they them their he she his her we our you your i me my
    themselves himself herself itself ourselves yourselves myself see sees
    said says say told tells reported claimed according added warned
    died fled left lost took went came fell rose remain remains remained stay stays
    stayed got made ran saw became began stood sat spent held kept found put set run
    include includes included including comprise comprises exclude excludes excluding
    overnight today yesterday tonight tomorrow morning afternoon evening night last next
    ago earlier later
    more less most least each every all both either neither such other another
    percent per cent
    """)
    | IRREGULAR_PAST
    | _words("""
    i'm you're we're they're he's she's it's that's there's who's what's let's i've you've
    we've they've i'll you'll he'll she'll we'll they'll i'd you'd he'd she'd we'd they'd
    isn't aren't wasn't weren't don't doesn't didn't can't couldn't won't wouldn't
    shouldn't hasn't haven't hadn't
    """)
)
# Nouns that end like participles or adverbs.
_NOUNS_LIKE_VERBS = _words("bed beds shed sheds family supply ally rally assembly building ceiling")
# Modifiers that may stand between a number and its noun: "12 more bodies".
_MODIFIERS = _words("more additional further other new extra")
# Adverbs after a count noun: "50,000 people worldwide" counts people.
_TRAILING_ADVERBS = _words("""
    worldwide nationwide statewide countrywide globally overall abroad altogether apiece
    annually daily weekly monthly yearly each total combined
    """)
# Words that make a following year a date: "in 2024", "since 2019".
_YEAR_LEAD = re.compile(r"\b(?:in|since|during|by|from|until|of)\s+$", re.IGNORECASE)
# A modifier between a number and its noun: "210 other structures", "12 more bodies".
_LEADING_MODIFIER = re.compile(r"\s+(other|more|additional|further|extra)(?=\s+[a-z])")

_IRREGULAR_SINGULARS: dict[str, str] = {
    "people": "people", "police": "police", "staff": "staff", "personnel": "personnel",
    "livestock": "livestock", "cattle": "cattle", "sheep": "sheep", "fish": "fish",
    "aircraft": "aircraft", "series": "series", "species": "species", "news": "news",
    "data": "data", "children": "child", "men": "man", "women": "woman", "persons": "person",
    "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "buses": "bus",
    "crises": "crisis", "analyses": "analysis", "lives": "life", "wives": "wife",
    "knives": "knife", "halves": "half", "thieves": "thief", "leaves": "leaf",
    "shelves": "shelf", "indices": "index", "gas": "gas", "means": "means",
}  # fmt: skip


# --------------------------------------------------------------------------- regexes


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so "no more than" wins over "more than"; spaces match any run."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)


_CUE = r"(?<![\w.])(?P<cue>" + _alternation(BOUND_CUES) + r")\s+(?:an?\s+(?=[\d$€£]))?"
# A currency word or letter glued to an amount is one only before a scale ("R40 million",
# "euro90 billion", "R3.5bn"); otherwise the glued word is a name ("Euro2016", "R2").
_GLUED_SCALED = r"(?=\d[\d,.]*\s?(?:million|billion|trillion|bn|m)\b)"
_CUR = (
    r"(?:US\$|A\$|C\$|HK\$|NZ\$|\$|€|£|¥|₹|USD\s?|EUR\s?|GBP\s?"
    rf"|euro{_GLUED_SCALED}|R{_GLUED_SCALED})"
)
# Digits may not touch a word, another number, a time, a fraction or a label ("A380",
# "10:30", "4×4"); a leading-dot decimal (".738") stands alone.
_DIGITS = (
    # ... except a currency glued to the amount ("R40 million", "euro90 billion"), which
    # _CUR has already checked.
    r"(?:(?<![\w.,/:#+×])|(?<=(?<!\w)R)|(?<=(?<!\w)euro))"
    r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
    r"(?![\d,.:/×]?\d)(?!\s?[x×]\s?\d)"
)
# Any blanks or hyphens, Unicode ones included, set a scale word off from the digits.
_SCALE_GAP = re.compile(r"[\s\-‐‑]+")
_SCALE_WORD = r"(?:[\s\-‐‑]*(?:million|billion|trillion|thousand|mln|bln|bn|mn|tn)(?!\w))"
# A temperature's scale glued to it: "44.1C", "111F", "46°C", "46 °F". A bare letter only
# in capitals, after a decimal or a weather-sized whole number (two digits for Celsius,
# two or three for Fahrenheit): "5C", "the 737C" and "the iPhone 5c" are names.
_DEGREES_ATTACHED = (
    r"(?-i:\s?°\s?[CF]|°|(?<=\.\d)[CF]|(?<=\d\d)(?<!\d\d\d)C|(?<=\d\d)(?<!\d\d\d\d)F)"
)
_ATTACHED = r"(?:" + _alternation(ATTACHED_UNITS) + r"|m|k|" + _DEGREES_ATTACHED + r")(?![\w-])"
_VULGAR = r"(?:\s?[½¼¾⅓⅔]|[-\s][13]/[24](?![\d/]))"
_NW = _alternation([*WORD_VALUES, *WORD_SCALES])
_AND_AFTER_SCALE = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
_WORDNUM = (
    r"(?<![\w-])(?:a\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    rf"(?:{_NW})(?:(?:[\s-]+|{_AND_AFTER_SCALE})(?:{_NW}))*(?!\w)(?!-(?:{_NW})\b)"
)
_HALF_A = r"(?<![\w-])half\s+an?\s+(?:million|billion|dozen)(?![\w-])"
_AND_HALF = r"(?:\s+and\s+a\s+half(?![\w-]))"
_PERCENT = r"(?:\s?%|\s+(?:percentage\s+points?|per\s?cent|percent|pct)(?![\w-]))"
_CUR_WORD = r"(?:\s+(?:(?:US\s+)?dollars|euros|pounds(?:\s+sterling)?|USD|EUR|GBP)(?![\w-]))"
_CORE = (
    rf"(?:{_CUR}\s?)?(?:{_DIGITS}(?:{_SCALE_WORD}|{_ATTACHED}|{_VULGAR}?(?![A-Za-z_]))"
    rf"|{_HALF_A}|{_WORDNUM}){_AND_HALF}?{_PERCENT}?{_CUR_WORD}?"
)
_VAGUE = (
    r"(?<![\w-])(?:(?P<vmult>several|a\s+few|a\s+couple(?:\s+of)?)\s+"
    r"(?P<vscale>hundred|thousand|million|billion|dozen)(?:\s+(?P<vthousand>thousand))?"
    r"|(?P<vplural>dozens|scores(?=\s+of\b)|tens(?=\s+of\b)|hundreds|thousands|millions|billions)"
    r"(?:\s+of\s+(?P<vof>thousands|millions|billions))?"
    r"|(?P<multi>multi-?(?:million|billion))(?P<multicur>[-\s]dollars?)?"
    r"|(?P<couple>(?:a\s+)?couple\s+of)(?=\s+[a-z]))(?![\w-])"
)
_TIME_WORD = _alternation(TIME_NAMES)
# Words a fraction may measure when hyphened to it: "a quarter-century", "a half-dozen".
_FRACTION_OF = rf"[-‐](?:{_TIME_WORD}|dozen|mile|inch|foot|pound)\b"
_FRACTION = (
    r"(?<![\w-])(?:(?P<fnum>a|one|two|three|four|five|seven|nine)[\s-]+"
    r"(?P<fden>" + _alternation(DENOMINATORS) + r")|(?P<fhalf>half))"
    r"(?=\s+(?:of|the|all|its|their|his|her|our|these|those|had|have|has|were|was|are)\b"
    rf"|{_FRACTION_OF})"
    r"|(?<![\w-])(?:(?P<hnum>one)-(?P<hden>half|third|quarter|fourth|fifth|sixth|eighth|tenth)"
    r"|(?P<hnum2>two|three|four|five|seven|nine)-(?P<hden2>thirds|quarters|fourths|fifths|"
    r"sixths|eighths|tenths))(?![\w-])"
    rf"|(?<![\w-])(?P<oin>one|two|three|\d)\s+in\s+(?:every\s+)?(?P<oinden>\d{{1,3}}|{_NW})(?![\w-])"
)
# "a second" is mostly an ordinal ("a second half"): not a length of time after "a".
_A_UNIT = rf"(?:{_alternation(set(TIME_NAMES) - {'second', 'sec'})}|{_alternation(_A_MEASURES)})"
_WORD_QUANTITY = (
    r"(?<![\w-])(?P<wq>" + _alternation(COUNT_WORDS) + r")(?![\w-])"
    rf"|(?<![\w-])(?P<aone>an?|next(?=\s+(?:decade|century)\b))(?=\s+{_A_UNIT}\b)"
    r"|(?<![\w-])(?P<long>hour|day|week|month|year)long(?![\w-])"
    rf"|(?<![\w-])(?P<halfu>half\s+an?)(?=\s+{_A_UNIT}\b)"
)
# "a minute or two", "the next day or two": one to two of the unit.
_ONE_OR_TWO = (
    rf"(?<![\w-])(?P<aor>(?:(?:an?|one)\s+)?(?P<aorunit>{_TIME_WORD})\s+or\s+"
    r"(?P<aorb>two|three|2|3))(?![\w-])"
)
# "in his 50s", "in her early 20s": an age by its decade.
_AGE_DECADE = (
    r"(?P<decade>in\s+(?:his|her|their)\s+(?:(?P<dpart>early|mid|late)[-\s]?)?"
    r"(?P<tens>[1-9]0)['’]?s)(?![\w'])"
)
_DIMENSIONS = r"(?<![\w.,])(?P<dima>\d,\d{3}|\d{3,5})\s?[x×]\s?(?P<dimb>\d,\d{3}|\d{3,5})(?![\w.])"
# A win-loss-draw record: "Lennox Lewis 15-2-1", "improved to 20-4-1".
_RECORD3 = r"(?P<wa>\d{1,3})-(?P<wb>\d{1,3})-(?P<wc>\d{1,3})(?![\w-])"
_QUANTITY = re.compile(
    # Quantities start at a word's start: the guard fails fast inside words.
    rf"(?<![\w.,/:#+-])(?:{_CUE})?(?:"
    rf"(?P<between>between)\s+(?:ages?\s+)?(?P<ra>{_CORE})\s+and\s+(?P<rb>{_CORE})"
    rf"|{_ONE_OR_TWO}|{_DIMENSIONS}|{_RECORD3}"
    rf"|(?P<da>{_CORE})(?P<dsep>\s*[-–—]\s*|\s+to\s+|[-–]to[-–]|\s+or\s+)(?P<db>{_CORE})"
    rf"|{_AGE_DECADE}|{_VAGUE}|{_FRACTION}|{_WORD_QUANTITY}|(?P<single>{_CORE}))",
    re.IGNORECASE,
)
# The words a quantity (with its cue) can start with. The big regex is tried only where
# one stands or a digit or currency sign does: most words start no quantity, and trying
# every alternative at every word was most of the parser's time.
_STARTERS = frozenset(
    {cue.split()[0] for cue in BOUND_CUES}
    | {*WORD_VALUES, *WORD_SCALES, *VAGUE_PLURALS, *TIME_NAMES}
    | {phrase.split()[0] for phrase in (*VAGUE_MULTIPLIERS, *COUNT_WORDS)}
    | {f"{unit}long" for unit in ("hour", "day", "week", "month", "year")}
    | _words(
        "between couple half next in multimillion multibillion multi usd eur gbp us hk nz c r euro"
    )
)
_WORD_START = re.compile(r"(?<![\w.,/:#+-])(?:([A-Za-z]+)|[\d$€£¥₹.])")
# One side of a range or a single number, taken apart.
_CORE_PARTS = re.compile(
    rf"(?P<cur>{_CUR})?\s?(?:(?P<digits>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|\.\d+)"
    rf"(?:(?P<scale>{_SCALE_WORD})|(?P<attached>{_ATTACHED})|(?P<vulgar>{_VULGAR}))?"
    rf"|(?P<halfa>{_HALF_A})|(?P<words>{_WORDNUM}))(?P<andhalf>{_AND_HALF})?"
    rf"(?P<pct>{_PERCENT})?(?P<curword>{_CUR_WORD})?",
    re.IGNORECASE,
)

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DAY_SPAN = rf"{_DAY}(?:\s*(?:[-–]|and|to|through|until)\s*{_DAY})?"
# Spans that hold digits but no quantity: dates, times, phone numbers. A day is a date
# with its year ("July 14, 1981, ...") or when no digits run on ("March 3,000 people").
_NOT_QUANTITY = re.compile(
    # Matched against the ASCII-lowercased text (see match_quantities), with a look-behind
    # for a word start: an IGNORECASE regex led by \b is tried at every position and
    # was a tenth of the extractor's time.
    rf"(?<!\w){_MONTH.lower()}\s+{_DAY_SPAN}(?:,?\s+\d{{4}}(?!\d)|(?!,?\d))"
    rf"|(?<!\w)(?:the\s+)?{_DAY_SPAN}\s+(?:of\s+)?{_MONTH.lower()}(?:,?\s+\d{{4}})?\b"
    r"|(?<!\w)\d{4}-\d{2}-\d{2}\b|(?<!\w)\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|(?<!\w)\d{1,2}(?::\d{2})?(?:\.\d{2})?\s*(?:[ap]\.m\.|[ap]\.m\b|[ap]m\b)"
    r"|(?<!\w)\d{1,2}:\d{2}(?::\d{2})?\b|(?<!\w)\d{1,2}\s+o'clock\b"
    r"|(?<!\w)\d{1,2}[:.]?\d{2}\s*(?:gmt|utc|bst|cet|cest|est|edt|pst|pdt|local\s+time)\b"
    r"|\+\d[\d\s().-]{6,}\d|\(\d{3,5}\)\s*\d{3,4}[\s-]?\d{3,4}"
    r"|(?<!\w)\d{3}[-.\s]\d{3}[-.\s]\d{4}\b|(?<!\w)0\d{2,4}[\s-]\d{3}[\s-]?\d{3,4}\b"
    r"|(?<!\w)\d{3}-\d{4}\b"
)
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# The only letters outside ASCII that an IGNORECASE regex matches to ASCII ones.
_LOOKUP_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})
_IDIOM = re.compile(  # matched against the ASCII-lowercased text, as _NOT_QUANTITY
    r"(?<![\w-])(?:" + _alternation(w.lower() for w in NUMBER_IDIOMS) + r")(?![\w-])"
)
# A group named by its age, not a figure: "voters under 30", "children under 5", "people
# aged over 65". Matched against the ASCII-lowercased text.
_AGE_GROUP = re.compile(
    r"\b(?:voters|people|children|kids|adults|those|anyone|men|women|residents|players|"
    r"teens|teenagers|patients|drivers|workers|students|americans|britons|citizens)"
    r"\s+(?:aged\s+|age\s+)?(?:under|over|below|above|older\s+than|younger\s+than)\s+"
    r"(?P<age>\d{1,3})(?![\d,.])"
)
_AGE_GROUP_GATE = re.compile(r"\b(?:under|over|below|above|older|younger)\s+\d")
# A month name may end the sentence before ("Feb. 26"): look back this far for dates.
_DATE_LOOKBACK = 12
_SPAN_START = itemgetter(0)
_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
_LIST_MARKER = re.compile(r"[.)]\s")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NEXT_WORD = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z'’-]*\.?)\s*$")
# A temperature's scale named after "degrees": Celsius and Fahrenheit figures are two
# units, never one "degree" (44.1 degrees Celsius is 111.4 degrees Fahrenheit).
_DEGREES_NAMED = re.compile(
    r"\s(degrees?\s+(?:Celsius|celsius|centigrade|Fahrenheit|fahrenheit|C|F))(?![\w-])"
)
# Units written in two words, whose last word alone is another unit.
_TWO_WORD_UNITS = {
    "basis points": "basis points",
    "basis point": "basis points",
    "nautical miles": "nautical miles",
    "nautical mile": "nautical miles",
}
_SCALE_NAMES = {"celsius": "°C", "centigrade": "°C", "c": "°C", "fahrenheit": "°F", "f": "°F"}
_SPEC_UNIT = re.compile(r"\s?(" + "|".join(map(re.escape, SPEC_UNITS)) + r")(?![\w-])")
_HYPHEN_WORD = re.compile(r"[-‐]([A-Za-z]+)")
_OLD = re.compile(r"[-‐\s]old\b(?!er)", re.IGNORECASE)
_TAIL = re.compile(r"\s+(" + _alternation(BOUND_TAILS) + r")\b", re.IGNORECASE)
_APPROX_SUFFIX = re.compile(r"-(plus|odd)\b", re.IGNORECASE)
# A person's name: capitalised words and initials on one line ("Nadia K. Haddad", "Mr.
# Lindqvist"); a longer word with a dot ends the sentence before ("Friday. Mina Sato").
_NAME = r"(?:(?:[A-Z][\w'’-]{0,2}\.|[A-Z][\w'’-]*)[ \t]+){0,3}[A-Z][\w'’-]*[A-Za-z]"
# "Nadia Haddad, 52," / "Lena Park, 47;" / "Ben Okafor, 20 and": an age in apposition
# (but "Orbit OS, Nova, 7, 8 and 10" is a list).
_APPOSED_BEFORE = re.compile(
    rf"(?P<name>{_NAME}(?:,?\s+(?:Jr|Sr)\.?|\s+(?:II|III|IV))?),\s*(?:now\s+)?$"
)
_APPOSED_AFTER = re.compile(r"\s*(?:[,;)](?!\s*\d)|\.(?:\s|$)|\s+and\b(?!\s*\d))")
# A people's name, which describes a person rather than names one: "the 40-year-old
# American", "a 19-year-old Briton", "the 30-year-old Iraqi".
_SPEED_UNIT = re.compile(r"\s+(km/h|km/hr|kmh|mi/h|m/s)(?![\w/])", re.IGNORECASE)
# A plural noun that opens with a number: "3-pointers", "4x4s" (not "3-bedroom homes").
_NUMBERED_NOUN = re.compile(r"\s+(\d+-?[a-z]+s)\b(?!\s+[a-z]+s\b)")
_NATIONALS = re.compile(r"\s+([A-Z][a-z]+s)\b")
_DEMONYM = re.compile(
    r"(?:ian|ean|can|ese|ish|ch|i)$|^(?:German|Texan|Cuban|Briton|Afghan|Thai)$"
    # and the members of parties and faiths: "six Republicans", "four Democrats"
    r"|^(?:Republican|Democrat|Conservative|Tory|Torie|Liberal|Socialist|Green|Independent|"
    r"Catholic|Protestant|Muslim|Christian|Jew|Hindu|Sikh|Marine)$"
)
# The role words and the name after an age: "champion Klitschko", "mother, Alice McMeekin".
_ROLE_THEN_NAME = re.compile(
    rf"(?P<role>(?:\s+[a-z][\w'’-]*){{1,3}}?)(?:(?P<comma>,)\s+|\s+)(?P<name>{_NAME})\b"
)
# What may follow a name set off by commas: the end of its phrase, or "of"/"who"/"from".
_APPOSITION_ENDS = re.compile(r"\s*(?:[,;.)]|$|\s(?:of|who|from|in)\b)")
# "Nadia Haddad, a 52-year-old nurse": the person before the modifier.
_NAMED_BEFORE = re.compile(rf"(?P<name>{_NAME}),\s+(?:a|an|the)\s+$")
# Between a modifier and its noun: another amount or modifier ("a six-year, $90 million
# contract", "a 6-foot, 190-pound man", "the two-day, closed-door hearing").
_HEAD_SKIP = re.compile(
    r",\s*(?:US)?[$€£]\s?[\d.,]+(?:\s*(?:million|billion|mm|m|bn))?(?=\s)"
    r"|,\s*[\w.]+-[a-z]+(?=\s)",
    re.IGNORECASE,
)
# One to three capitalised words, a name that may qualify a count noun after it.
_NAME_BEFORE_NOUN = re.compile(r"\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})")
_HEAD_WORD = re.compile(r"\s+[“\"‘']?([A-Za-z][\w'’.-]*)")
_WINDOW_PAIRS = frozenset((lead, word) for lead in WINDOW_LEADS for word in WINDOW_WORDS)
_WINDOW = re.compile(r"\b(\w+)\s+the\s+(\w+)\s*$")
_RATE_AFTER = re.compile(
    rf"\s+(?:a|an|per|each)\s+(?:{_TIME_WORD})\b(?!\s+(?:earlier|ago|before|later|on)\b)",
    re.IGNORECASE,
)
# The smaller unit a duration goes on in: "2hr 5 mins", "5 years and 10 months", "3 hours,
# 20 minutes" are one figure each (125 minutes, 70 months, 200 minutes), never two.
_SMALLER_UNIT = {
    "hours": ("minutes", 60.0),
    "years": ("months", 12.0),
    "minutes": ("seconds", 60.0),
}
_AND_SMALLER = {
    unit: re.compile(
        r"(?:\s*,\s*|\s+and\s+|\s+)(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|"
        rf"eleven)\s?{written}\b",
        re.IGNORECASE,
    )
    for unit, written in (
        ("hours", r"min(?:ute)?s?"),
        ("years", r"months?"),
        ("minutes", r"sec(?:ond)?s?"),
    )
}
_SPEAKER_AFTER = re.compile(
    r"(?:,\s+who\b[^,.]{0,60},|\s+who)?\s+(?:said|says|told|tells|recalled|added|explained|"
    r"wrote|noted|insisted|recounted)\b"
)
# A street after a house number: "12 Elm Street", "40 N. Oak Ave."; or "the 400 block of".
_ADDRESS_AFTER = re.compile(
    r"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:" + "|".join(STREET_WORDS) + r")\b\.?"
    r"|(?P<block>\s+block\s+of\b)"
)
# A house number is bare digits, with no thousands comma: "5,000 Liberty Square marchers"
# counts people.
_HOUSE_NUMBER = re.compile(r"\d{1,5}")
# A bound cue just before a number makes it a count, not a house number ("some 300").
_CUE_BEFORE = re.compile(r"(?<![\w.])(?:" + _alternation(BOUND_CUES) + r")\s+$", re.IGNORECASE)
_CALIBRE_AFTER = re.compile(
    r"[\s-]?(?:mm|calib(?:er|re))\s+(?:[a-z-]+\s+)?(?:handguns?|pistols?|rifles?|guns?|"
    r"revolvers?|shotguns?|rounds?|bullets?|ammunition|semi-?automatics?|weapons?|shells?|"
    r"casings?|cartridges?)\b"
    r"|\s+Magnum\b"
)
_ARTICLE = re.compile(r"an?\s+(?=[\d$€£])", re.IGNORECASE)
# What may stand between a figure and the "over" that spreads it across a duration.
_ACROSS_GAP = re.compile(r"[\s,(\[]*")
_ACROSS_NOUN = re.compile(r"\s+([a-z][a-z-]*)\s+")
# "ago" after a duration, and whether a comma follows it: "Two years ago, ...".
_AGO_AFTER = re.compile(r"\s+ago\b(\s*,)?")
# How far to look for the line around a number (a headline, a sentence opening).
_LINE_WINDOW = 300
_EXACTLY_BEFORE = re.compile(r"\bexactly\s+$")
_SENTENCE_END_BEFORE = re.compile(r"[.!?][\"”’')]*\s+[\"“‘'(]*$")
_BARE_NUMBER = re.compile(r"[\d.,]+[mkMK]?")
# A capitalised word right after a number, and up to three lower-case words after the
# capitalised ones.
_NAME_AFTER_NUMBER = re.compile(
    r"\s+([A-Z][a-z][\w&-]*)(?:\s+[A-Z][\w&-]*)*((?:\s+[a-z][a-z-]*){0,3})"
)
# Initials that end with a point ("P.S.", "U.S."): before a bare number, a name.
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}\s+$")
_LOWER_WORDS = re.compile(r"(?:\s+[a-z][a-z-]*){0,3}")
_PLURAL_NOUNS = _words("people children men women personnel cattle")
_S_WORDS = _words("was is has its his this thus as us plus less across")
# Where the nouns after a name end: "the 210 Freeway for hours".
_NOT_NOUNS = _words("""
    for in on at to of with by from into over after before during and or but that which
    who he she they it we was is were are had has have will would
    """)
_VERSION = re.compile(r"\d{1,2}\.0")
_VERSION_NEXT = re.compile(r"\s*(?:and|or|/|,)\s*\d{1,2}\.0\b")
_VERSION_PREV = re.compile(r"\b\d{1,2}\.0\s*(?:and|or|/|,)\s*$")
# How far before a list of versions a word that names what they are versions of may be.
_VERSION_REACH = 40
_PERCENT_AFTER = re.compile(_PERCENT, re.IGNORECASE)
_VERSION_CONTEXT = re.compile(
    r"\b(?:" + "|".join(sorted(VERSION_WORDS)) + r")\b(?![^,;:.!?]*[,;:.!?])", re.IGNORECASE
)
# Nouns that "one" counts in a charge sheet: "one count of attempted murder".
LEGAL_COUNTS = _words("count charge offence offense felony misdemeanor conviction")
_EVENT_NEAR = re.compile(
    r"\b(?:killed|died|dead|injured|hurt|wounded|arrested|detained|charged|missing|rescued|"
    r"shot|stabbed|hospitali[sz]ed|survived|escaped|evacuated|treated|confirmed)\b",
    re.IGNORECASE,
)
_OTHER_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand)\b",
    re.IGNORECASE,
)
# An hour of the clock, in digits or words: "7", "7.30", "seven".
_HOUR_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_HOUR = re.compile(rf"(?:0?[1-9]|1[0-2])(?:[.:][0-5]\d)?|{_HOUR_WORDS}", re.IGNORECASE)
# A part of the day after an hour (or a pair of hours): "7 that evening", "9 or 10 the
# next morning", "11 at night".
_CLOCK_AFTER = re.compile(
    rf"(?:\s*(?:or|and|to|-|–)\s*(?:\d{{1,2}}(?:[.:]\d{{2}})?|{_HOUR_WORDS}))?"
    r"\s+(?:the\s+next|that|this|in\s+the|on\s+\w+)\s+(?:morning|afternoon|evening|night)\b"
    r"|\s+at\s+night\b",
    re.IGNORECASE,
)
# "called 911", "dial 112", "a call to 999": a verb or noun of calling just before.
_CALL_BEFORE = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(CALL_VERBS)) + r")(?:\s+to)?\s+$", re.IGNORECASE
)
_CALL_REACH = 16
_CUE_REACH = 24
_ZERO_IN = re.compile(r"\s+in\s+on\b", re.IGNORECASE)
_INCH_LABEL = re.compile(r"\s?[″”]\s*(?:[A-Z]|models?\b|versions?\b)")
_TIME_AFTER = re.compile(rf"\s+(?:{_TIME_WORD})s?\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:!?]|\.\s|,\s*(?:and|but|while|whereas|though|although)\b")
_SCORE_BEFORE = re.compile(
    r"\b(?P<verb>[a-z]+)\s+(?:(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,3})?(?:by\s+)?$"
    r"|\b(?:score|scores|tally|count|margin|vote|record)\s+(?:of|was|is|to|at|stood\s+at)\s+$"
)
_SCORE_AFTER = re.compile(r"\s+([a-z]+)(?:\s+([a-z]+))?\b")
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(r"\b([a-z]+)(?:\s+by)?\s*$", re.IGNORECASE)


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """A quantity found in text, with the parts the extractor needs.

    ``span`` covers bound cue + number + unit words; ``number_end`` is where the number
    expression (with its currency, scale or percent sign) ends; ``cue`` is the bound
    cue's span, if any; ``unit_text`` is the unit word(s) as written ("homes",
    "displaced people"), ``None`` when no count noun follows. ``role`` says what kind of
    figure the shape makes it: "age" ("Nadia Haddad, 52,"), "modifier" ("a 12-year
    lease") or "score" ("a 12-3 victory"), ``None`` for any other; ``head`` is whom an age
    belongs to ("Nadia Haddad", "nurse") or the noun a modifier qualifies ("lease"), when
    written next to the figure, and "winning", "losing" or "tied" for a score.
    """

    span: Span
    number_end: int
    cue: Span | None
    unit_text: str | None
    quantity: Quantity
    vague: bool = False  # "hundreds", "several hundred": an approximation in itself
    role: str | None = None
    head: str | None = None


def find_quantities(text: str) -> list[tuple[Span, Quantity]]:
    """Every quantity in ``text`` in order, each with its span. Raises nothing."""
    return [(m.span, m.quantity) for m in match_quantities(text)]


def parse_quantity(text: str) -> Quantity | None:
    """The quantity a number phrase states ("more than 2,000", "two-thirds"), or ``None``
    when the phrase holds no quantity (a year, a date, an identifier...). A share word is
    read only with what it is a share of: "half of the homes", "about half were", not a
    bare "half" or "a third" (a third man?). When the phrase holds several, the first one
    is returned. Raises nothing."""
    found = match_quantities(text)
    return found[0].quantity if found else None


def match_quantities(text: str, start: int = 0, end: int | None = None) -> list[QuantityMatch]:
    """Every quantity in ``text[start:end]`` with absolute spans. Raises nothing."""
    end = len(text) if end is None else end
    has_digits = _DIGIT.search(text, start, end) is not None
    lo = _date_from(start) if has_digits else start
    lowered = text[lo:end].translate(_ASCII_LOWER)  # same length, same offsets
    blocked = _dates_and_times(lowered, lo) if has_digits else []
    idioms = _IDIOM.finditer(lowered, start - lo)
    blocked.extend((lo + m.start(), lo + m.end()) for m in idioms)
    if has_digits and _AGE_GROUP_GATE.search(lowered, start - lo):
        groups = _AGE_GROUP.finditer(lowered, start - lo)
        blocked.extend((lo + m.start("age"), lo + m.end("age")) for m in groups)
    blocked = _disjoint(blocked)
    found: list[QuantityMatch] = []
    pos = start
    for word in _WORD_START.finditer(text, start, end):
        at = word.start()
        if at < pos or (word.group(1) and word.group(1).lower() not in _STARTERS):
            continue
        m = _QUANTITY.match(text, at, end)
        if m is None:
            continue
        pos = m.end()
        for q in _interpret(text, m, blocked, end):
            # A shape read past the regex ("2hr 5 mins") already holds what follows.
            if not found or q.span.start >= found[-1].span.end:
                found.append(q)
    found = [q for q in found if not _dates_it(text, q)]
    if has_digits and text.find(":", start, end) >= 0:
        found = _with_elapsed_times(text, start, end, found)
    if has_digits:
        found = _with_heights(text, start, end, found)
    found = [_as_magnitude(text, _weighed(text, q)) for q in found]
    return _settle_windows(text, _settle_across(text, found))


# "A magnitude 6.1 earthquake", "a 6.1-magnitude quake", "a magnitude of 6.1", "measured
# 6.3 on the Richter scale": an earthquake's magnitude, a figure on its own scale (unit
# "magnitude") - never 6.1 earthquakes, nor a modifier of the word "quake".
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?[\s-]*$", re.IGNORECASE)
_MAGNITUDE_AFTER = re.compile(r"[\s-]*(?:magnitude\b|on\s+the\s+richter\b)", re.IGNORECASE)
# "A quake measuring 7.0", "the quakes, measuring 6.4 and 6.3", "a tremor registering 5.1".
_QUAKE_MEASURING = re.compile(
    r"\b(?:earth)?(?:quakes?|tremors?|after-?shocks?)\b,?\s+(?:measuring|measured\s+at|"
    r"registering|that\s+measured)\s+(?:\d{1,2}\.\d\s*(?:,|and|or)\s*)?$",
    re.IGNORECASE,
)
_MAGNITUDE_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})?(?!\d|\.\d)")
MAGNITUDE = "magnitude"


def _as_magnitude(text: str, q: QuantityMatch) -> QuantityMatch:
    """``q`` read as an earthquake's magnitude when the words around it say so."""
    if q.quantity.value > 10 or q.quantity.upper is not None:
        return q  # most figures: decided before any pattern runs
    at = q.cue.end if q.cue else q.span.start
    while at < q.span.end and text[at].isspace():
        at += 1
    number = _MAGNITUDE_NUMBER.match(text, at)
    if number is None:
        return q
    lo = max(0, q.span.start - 40)
    before = _MAGNITUDE_BEFORE.search(text, lo, q.span.start) or _QUAKE_MEASURING.search(
        text, lo, q.span.start
    )
    if before is None and _MAGNITUDE_AFTER.match(text, number.end()) is None:
        return q
    quantity = q.quantity.model_copy(
        update={"unit": MAGNITUDE, "text": text[q.span.start : number.end()]}
    )
    return QuantityMatch(
        Span(start=q.span.start, end=number.end()), number.end(), q.cue, None, quantity
    )


# "Weighing approximately 200 pounds", "the baby weighed 7 pounds": pounds written out
# after a form of "weigh" are a weight, not sterling ("£200" and "200 pounds sterling"
# stay money). Only the clause before the figure is read: "weighed the offer of 200
# pounds" is rare next to the descriptions of suspects and catches that say this.
WEIGHED_BEFORE = re.compile(
    r"\b(?:weigh(?:s|ed|ing)?|weight\s+of|weighs?\s+in\s+at|tipped\s+the\s+scales\s+at)\b"
    r"[^.;:!?]{0,40}$",
    re.IGNORECASE,
)
# A person's height then pounds, as descriptions of suspects and athletes put it: "he was
# 5-foot-11 and 215 pounds", "6 feet tall, 190 pounds".
HEIGHT_THEN_POUNDS = re.compile(
    r"\b\d[-‐\s]?(?:foot|feet|ft\b\.?|['’′])"  # 5-foot, 6 feet, 6 ft., 5'
    r"(?:[-‐\s]?\d{1,2}(?:[-‐\s]?(?:inch(?:es)?|in)\b|[\"”″])?)?"  # -11, 11 inches, 11"
    r"(?:\s+tall)?\s*(?:,\s*(?:and\s+)?|and\s+)$",
    re.IGNORECASE,
)
_POUNDS_WORD = re.compile(r"\s+pounds?\s*$", re.IGNORECASE)
_WEIGH_REACH = 60


def _weighed(text: str, q: QuantityMatch) -> QuantityMatch:
    """``q`` with its unit read as pounds of weight when "weigh" comes before it."""
    if q.quantity.unit != "GBP" or not _POUNDS_WORD.search(text, q.span.start, q.span.end):
        return q
    lo = max(0, q.span.start - _WEIGH_REACH)
    if not (
        WEIGHED_BEFORE.search(text, lo, q.span.start)
        or HEIGHT_THEN_POUNDS.search(text, lo, q.span.start)
    ):
        return q
    return replace(q, quantity=q.quantity.model_copy(update={"unit": "lb"}))


# A person's height in feet and inches, one figure: "5-foot-11", "5 feet 11 inches",
# "6 ft 2 in", "5'11"". Read in feet (5-foot-11 is 5.92 feet), with the role "height".
_HEIGHT = re.compile(
    r"(?<![\w.])(?P<ft>[3-8])(?:[-‐\s]?(?:foot|feet|ft\b\.?)[-‐\s]?|['’′]\s?)"
    r"(?P<in>1[01]|[0-9])(?:[-‐\s]?(?:inch(?:es)?|in)\b|[\"”″](?!\w))?(?![\w-]|\.\d)",
    re.IGNORECASE,
)


def _with_heights(
    text: str, start: int, end: int, found: list[QuantityMatch]
) -> list[QuantityMatch]:
    """``found`` with each height in feet and inches read as one figure, in place of the
    two numbers it was read as."""
    for m in _HEIGHT.finditer(text, start, end):
        feet = int(m.group("ft")) + int(m.group("in")) / 12
        q = Quantity(value=round(feet, 4), bound=Bound.exact, unit="foot", text=m.group(0))
        holder = _age_holder(text, m.start(), m.end(), end)  # "the 6-foot-9 Echenique"
        height = _match(m.start(), m.end(), m.end(), None, None, q, role="height", head=holder)
        kept = [f for f in found if f.span.end <= m.start() or f.span.start >= m.end()]
        found = sorted([*kept, height], key=lambda f: f.span.start)
    return found


# A time on a match clock or a race result: "stopped the fight at 2:56 of the sixth
# round", "won in 2:05:37". Read as an elapsed time only when the sentence is about a
# bout, a period of play or a race: elsewhere "at 2:56" is a time of day, and no figure.
_CLOCK = re.compile(
    r"(?<![\w.:,/-])(?P<h>\d{1,2}:)?(?P<m>\d{1,2}):(?P<s>[0-5]\d)(?![\w:/-]|[.,]\d)"
    r"(?!\s*(?:[ap]\.?\s?m\b|o['’]?clock|gmt|utc|bst|[ecmp][sd]?t\b|local\s+time))",
    re.IGNORECASE,
)
_PLAY_WORDS = re.compile(
    r"\b(?:rounds?|bouts?|fights?|knock-?outs?|t?ko|stoppages?|referee|quarters?|periods?|"
    r"overtime|innings?|laps?|race|marathon|sprint|finish(?:ed|ing)?\s+in|clock(?:ed)?)\b",
    re.IGNORECASE,
)
_SENTENCE_SPAN = 200  # how far either side a setting word may stand
# "The race starts at 10:30", "kick-off at 3:00", "until 4:15": a time of day.
_SCHEDULED_BEFORE = re.compile(
    r"\b(?:starts?|started|starting|begins?|began|beginning|kicks?\s+off|kicked\s+off|"
    r"kick-?off|scheduled(?:\s+for)?|set\s+for|due|until|till|from|by|since|opens?|opened|"
    r"closes?|closed|tonight|today|tomorrow|morning|afternoon|evening)"
    r"(?:\s+(?:is|was|will\s+be))?\s+(?:at\s+)?$",
    re.IGNORECASE,
)


def _with_elapsed_times(
    text: str, start: int, end: int, found: list[QuantityMatch]
) -> list[QuantityMatch]:
    """``found`` with each clock reading that is an elapsed time of play, in order."""
    added = []
    starts = [q.span.start for q in found]  # in order, disjoint
    for m in _CLOCK.finditer(text, start, end):
        before = bisect_left(starts, m.end()) - 1
        if before >= 0 and found[before].span.end > m.start():
            continue  # part of a figure already read ("2:1 odds" is no clock)
        lo = max(start, m.start() - _SENTENCE_SPAN)
        hi = min(end, m.end() + _SENTENCE_SPAN)
        lo = max(text.rfind(". ", lo, m.start()) + 1, lo)
        stop = text.find(". ", m.end(), hi)
        setting = text[lo : stop if stop >= 0 else hi]
        if not _PLAY_WORDS.search(setting) or _SCHEDULED_BEFORE.search(
            text, max(start, m.start() - 30), m.start()
        ):
            continue
        hours = int(m.group("h")[:-1]) if m.group("h") else 0
        seconds = hours * 3600 + int(m.group("m")) * 60 + int(m.group("s"))
        q = Quantity(value=float(seconds), bound=Bound.exact, unit="seconds", text=m.group(0))
        added.append(_match(m.start(), m.end(), m.end(), None, None, q))
    return sorted([*found, *added], key=lambda q: q.span.start) if added else found


def _dates_it(text: str, q: QuantityMatch) -> bool:
    """A time ago that only dates what the sentence tells: opening it ("Two years ago, a
    student ...") or marking an anniversary ("exactly two years ago"). Elsewhere it may
    be the story's own quantity ("she moved back 12 weeks ago")."""
    ago = _AGO_AFTER.match(text, q.span.end)
    if q.quantity.unit not in TIME_UNITS or ago is None:
        return False
    if _EXACTLY_BEFORE.search(text, max(0, q.span.start - 12), q.span.start):
        return True
    if not ago.group(1):
        return False  # "killed two co-workers two years ago starts Monday": not opening it
    lo = max(0, q.span.start - _LINE_WINDOW)
    before = text[text.rfind("\n", lo, q.span.start) + 1 or lo : q.span.start]
    return not before.strip(" \t\"“‘'(") or _SENTENCE_END_BEFORE.search(before) is not None


def _dates_and_times(lowered: str, offset: int) -> list[tuple[int, int]]:
    """The spans of ``_NOT_QUANTITY`` in ``lowered`` (shifted by ``offset``), as
    ``finditer`` would give them, tried only just before each run of digits: every
    alternative holds a digit, at most a month name's length after where it starts."""
    spans: list[tuple[int, int]] = []
    covered = 0
    for digits in _DIGIT_RUN.finditer(lowered):
        if digits.start() < covered:
            continue
        for at in range(max(covered, digits.start() - _DATE_LOOKBACK), digits.start() + 1):
            m = _NOT_QUANTITY.match(lowered, at)
            if m is not None:
                spans.append((offset + m.start(), offset + m.end()))
                covered = m.end()
                break
    return spans


def _date_from(start: int) -> int:
    return max(0, start - _DATE_LOOKBACK)


# --------------------------------------------------------------------------- interpretation


@dataclass(frozen=True, slots=True)
class _Core:
    """One number expression, taken apart."""

    value: float
    raw: float  # before the scale word: "4.7" of "4.7 million"
    scale: float
    unit: str | None  # USD, percent, km...
    is_year_like: bool
    is_word_one: bool
    is_integer: bool  # digits with no decimals, fraction or scale: "59", not "5.9"


# "bringing us up to 83%", "took the total up to 40", "edged up to 4.1%", "was revised up
# to 323,000": "up to" names where something was brought or moved, the figure itself,
# not a ceiling on it.
_BROUGHT_UP = re.compile(
    r"\b(?:bring|brings|bringing|brought|take|takes|taking|took|taken|push|pushes|pushing|"
    r"pushed)\s+(?:[\w'’-]+\s+){0,3}$"
    r"|\b(?:edged|edges|edging|ticked|ticks|ticking|inched|inches|inching|crept|creeps|"
    r"moved|moves|went|goes|climbed|jumped|shot|bumped|revised|revises|ratcheted|stepped|"
    r"marked|rounded|scaled|ramped|sped|built)\s+$",
    re.IGNORECASE,
)


def _cue_bound(text: str, m: re.Match[str]) -> Bound:
    """The bound the cue before a number gives it, read in its context."""
    cue = _squash(m.group("cue"))
    if cue == "up to" and _BROUGHT_UP.search(text, max(0, m.start("cue") - 60), m.start("cue")):
        return Bound.exact
    return BOUND_CUES[cue]


def _interpret(
    text: str, m: re.Match[str], blocked: list[tuple[int, int]], limit: int
) -> list[QuantityMatch]:
    cue_span = Span(start=m.start("cue"), end=m.end("cue")) if m.group("cue") else None
    cue_bound = _cue_bound(text, m) if cue_span else Bound.exact
    if m.group("aor"):
        return _one_or_two(text, m, blocked, cue_span)
    if m.group("dima"):
        return _dimensions(text, m, blocked, limit)
    if m.group("wa"):
        return _record3(text, m, blocked)
    if m.group("ra") or m.group("da"):
        return _interpret_range(text, m, blocked, limit, cue_span)
    if m.group("decade"):
        return _age_decade(text, m, cue_span)
    if m.group("vmult") or m.group("vplural") or m.group("multi") or m.group("couple"):
        return _one(text, m, blocked, limit, cue_span, _vague(m), vague=True)
    if m.group("fden") or m.group("fhalf") or m.group("hden") or m.group("hden2") or m.group("oin"):
        return _fraction_match(text, m, blocked, limit, cue_span, cue_bound)
    if m.group("wq") or m.group("aone") or m.group("halfu") or m.group("long"):
        return _word_quantity(text, m, blocked, limit, cue_span, cue_bound)
    core = _parse_core(m.group("single"))
    if core is None:
        return []
    q = Quantity(value=core.value, bound=cue_bound, unit=core.unit, text="")
    return _one(text, m, blocked, limit, cue_span, q, core=core)


def _one(
    text: str,
    m: re.Match[str],
    blocked: list[tuple[int, int]],
    limit: int,
    cue: Span | None,
    q: Quantity,
    *,
    core: _Core | None = None,
    vague: bool = False,
) -> list[QuantityMatch]:
    num_start = _skip_space(text, cue.end if cue else m.start())
    # What the number is read after: the cue, or the article after it ("over a 2017
    # breach": a year, as after any "a").
    lead_at = m.start()
    if cue and (article := _ARTICLE.match(text, num_start)):
        num_start = article.end()  # "up to a 3.4GHz chip"
        lead_at = num_start
    num_end = m.end()
    if _overlaps(blocked, num_start, num_end) or _is_identifier(text, num_start, num_end):
        return []
    start = cue.start if cue else num_start
    if core is not None:
        q, num_end = _loosened(text, q, num_end)
        shaped = _modifier(text, start, num_start, num_end, limit, cue, q, core)
        if shaped is None:
            shaped = _age(text, start, num_start, num_end, cue, q, core)
        if shaped is not None:
            return shaped
    unit_text, unit_end = (None, num_end) if q.unit else _unit_after(text, num_end, limit, vague)
    unit = q.unit or _unit_of(unit_text)
    if core is not None and _no_count(text, lead_at, num_end, core, unit, unit_text, unit_end):
        return []
    q = _scaled_time(q.model_copy(update={"unit": unit}), unit_text, unit)
    role: str | None = None
    if q.unit in TIME_UNITS:
        timed = _timed(text, q, start, unit_end, cue, core is not None)
        if timed is None:
            return []
        q, start, cue, read_to, role = timed
        if read_to != unit_end:  # "5 years and 10 months": the figure is both parts
            num_end = unit_end = read_to
    q = _tailed(text, q.model_copy(update={"text": text[start:num_end]}), unit_end)
    head = None
    if role == "age" and (old := _OLD.match(text, unit_end)):
        head = _age_holder(text, start, old.end(), limit)  # "27 year old Ada Lee"
    return [_match(start, unit_end, num_end, cue, unit_text, q, vague, role, head)]


def _loosened(text: str, q: Quantity, num_end: int) -> tuple[Quantity, int]:
    """ "200-plus", "40-odd": the suffix is part of the number and loosens its bound."""
    suffix = _APPROX_SUFFIX.match(text, num_end)
    if suffix is None:
        return q, num_end
    if q.bound is Bound.exact:
        q = q.model_copy(update={"bound": APPROXIMATE_SUFFIXES[_squash(suffix[1])]})
    return q, suffix.end()


def _age(
    text: str, start: int, num_start: int, num_end: int, cue: Span | None, q: Quantity, core: _Core
) -> list[QuantityMatch] | None:
    """An age in apposition ("Nadia Haddad, 52,") or after "aged"/"age"; ``None`` if not."""
    holder = _apposed_age(text, num_start, num_end, core)
    if (
        holder is None
        and _prev_word(text, num_start) not in AGE_LEADS
        and not _age_said(text, num_start, num_end, core)
    ):
        return None
    q = q.model_copy(update={"unit": "years", "text": text[start:num_end]})
    return [_match(start, num_end, num_end, cue, None, q, role="age", head=holder)]


# An age said by the words around a bare number rather than by its shape: "died on
# Thursday at 85", "died at the age of 85", "Page, who was 85, had ...", "He was 77.".
# Whose age it is, is read by the extractor (a pronoun's is not known).
AGE_SAID_BEFORE = re.compile(
    r"(?:\b(?:at\s+)?(?:the\s+)?age\s+of|\b(?:died|dies|passed\s+away)\b[^.;:!?\d]{0,40}?\bat"
    r"|\bwho\s+(?:was|is)|(?:^|[.!?\"”]\s+)(?:he|she)\s+(?:was|is))\s*$",
    re.IGNORECASE,
)
_AGE_SAID_AFTER = re.compile(
    r"\s*(?:[,;)]|\.(?:\s|$)|$|\s+(?:in|on|at|after|following|from|of)\s+"
    r"(?!\d|the\s+(?:time|morning|afternoon|evening|night)\b))"
)


def _age_said(text: str, num_start: int, num_end: int, core: _Core) -> bool:
    """The bare whole number at ``text[num_start:num_end]`` is an age by the words
    before it (``AGE_SAID_BEFORE``) and nothing counted after it."""
    if not core.is_integer or core.unit is not None or not 0 < core.value <= 125:
        return False
    if _AGE_SAID_AFTER.match(text, num_end) is None:
        return False
    window = max(0, num_start - 60)
    if AGE_SAID_BEFORE.search(text, window, num_start) is not None:
        return True
    named = _NAME_WAS.search(text, window, num_start)
    return named is not None and named.group("name").lower() not in _NOT_A_NAME


# "LaRue was 75, the paper reported": a name, then "was" or "is", then the bare number.
# Not "It was 12 on Monday" (a toll) nor "Monday was 30".
_NAME_WAS = re.compile(r"(?:^|[\s(“\"])(?P<name>[A-Z][a-z][\w'’.-]*)\s+(?:was|is)\s*$")
_NOT_A_NAME = _words(
    """it this that there these those here what which who whose all each both none one
    total toll figure number count score result tally monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september
    october november december today yesterday"""
)


def _no_count(
    text: str,
    match_start: int,
    num_end: int,
    core: _Core,
    unit: str | None,
    unit_text: str | None,
    unit_end: int,
) -> bool:
    """A number that counts nothing: the pronoun "one", a year, "zero in on", "in 2004
    dollars", a number to call."""
    if core.is_word_one and not _one_counts(text, match_start, unit, unit_text, unit_end):
        return True  # "one of the worst", "one day", "one witness said"
    if core.raw == 0 and _ZERO_IN.match(text, num_end):
        return True  # "zero in on": a verb
    if _is_constant_currency(text, match_start, core):
        return True  # "(in 2004 dollars)": a year that sets what the dollars are worth
    if core.is_year_like and _is_year(text, match_start, unit, unit_text):
        return True
    return (
        core.is_integer
        and core.raw in EMERGENCY_NUMBERS_VALUES
        and _is_number_to_call(text, match_start, unit)
    )


def _timed(
    text: str, q: Quantity, start: int, unit_end: int, cue: Span | None, is_core: bool
) -> tuple[Quantity, int, Span | None, int, str | None] | None:
    """A duration, read whole: "2hr 5 mins" is 125 minutes; ``None`` for a duration that
    says when ("a year later", "in the past 24 hours"). Whether "over" before it is
    "across" is settled once all figures are read (``_settle_across``)."""
    q, unit_end = _with_smaller_unit(text, q, q.unit or "", unit_end)
    role = _time_role(text, start, unit_end, q.value == 1 and is_core)
    if role == "period":
        return None
    return q, start, cue, unit_end, role


EMERGENCY_NUMBERS_VALUES = frozenset(float(n) for n in EMERGENCY_NUMBERS)


def _match(
    start: int,
    end: int,
    number_end: int,
    cue: Span | None,
    unit_text: str | None,
    q: Quantity,
    vague: bool = False,
    role: str | None = None,
    head: str | None = None,
) -> QuantityMatch:
    return QuantityMatch(
        Span(start=start, end=end), number_end, cue, unit_text, q, vague, role, head
    )


def _interpret_range(
    text: str, m: re.Match[str], blocked: list[tuple[int, int]], limit: int, cue: Span | None
) -> list[QuantityMatch]:
    a_name, b_name = ("ra", "rb") if m.group("ra") else ("da", "db")
    a, b = _parse_core(m.group(a_name)), _parse_core(m.group(b_name))
    a_start, b_end = m.start(a_name), m.end(b_name)
    if a is None or b is None or _overlaps(blocked, a_start, b_end):
        return []
    between = bool(m.group("between"))
    sep = "" if between else _squash(m.group("dsep"))
    if not between and sep != "or" and _is_score(text, a_start, b_end, limit, a, b):
        return _score(text, m, a_name, b_name, cue)  # "beat the Owls 4-1": not a name
    if _is_identifier(text, a_start, m.end(a_name)) or _is_identifier(text, a_start, b_end):
        return []  # "Weeks 11-13", "Kestrel 3200 or 4200"
    if a.is_year_like and b.is_year_like:
        return []
    if a.is_year_like and sep == "to" and _YEAR_LEAD.search(text, max(0, a_start - 12), a_start):
        # "was sentenced in 2024 to 7 years": a date, then the figure; never "2024 to 7".
        return _singles(text, m, (a_name, b_name), blocked, limit, cue)
    if a.unit in ("percent", "percentage_points") and b.unit != a.unit:
        # "cut its forecast by 25 percent to 90 billion yen": a change and a level
        return _singles(text, m, (a_name, b_name), blocked, limit, cue)
    if a.unit in CURRENCIES and b.unit in ("mm", "m"):
        b = _parse_core(m.group(b_name), money=True) or b  # "$120-130MM"
    # "between 1.2 and 1.5 million": the scale and currency written once cover both ends.
    lower = a.value
    if a.scale == 1 and b.scale != 1 and a.raw < b.raw:
        lower = a.raw * b.scale
    unit = b.unit or a.unit
    loose = sep == "or" and not (_whole(a) and _whole(b) and _near(lower, b.value))
    change = _is_from(text, a_start) or (
        sep in ("to", "-to-")
        and _is_change(text, a_start)
        and (a.unit is not None or not _near(lower, b.value))
    )
    if not between and (change or loose):
        # "rose from 300 to 400", "dropped $90 to $1,150", "rose by 12 to 150": a change and
        # a level, each exact. With one unit written after both ("rose 5 to 7 percent",
        # "cut 10 to 15 jobs") and ends near each other, it is a range of the change.
        return _singles(text, m, (a_name, b_name), blocked, limit, cue)
    if lower >= b.value:
        return []  # a season ("2020-21"), not a range
    if unit is None and a.unit is None and b.unit is None:
        unit_text, unit_end = _unit_after(text, b_end, limit, allow_of=False)
        unit = _unit_of(unit_text)
    else:
        unit_text, unit_end = None, b_end
    start = cue.start if cue else m.start("between") if between else a_start
    q = Quantity(value=lower, upper=b.value, bound=Bound.range, unit=unit, text=text[start:b_end])
    q = _scaled_time(q, unit_text, unit)
    role = "age" if _prev_word(text, a_start) in AGE_LEADS else None
    if role == "age":  # "between ages 18 and 30", "from age 15 to 18"
        q = q.model_copy(update={"unit": "years"})
    if q.unit in TIME_UNITS and role is None:
        role = _time_role(text, start, unit_end, False)
        if role == "period":
            return []
    return [_match(start, unit_end, b_end, cue, unit_text, q, role=role)]


def _singles(
    text: str,
    m: re.Match[str],
    names: tuple[str, str],
    blocked: list[tuple[int, int]],
    limit: int,
    cue: Span | None,
) -> list[QuantityMatch]:
    """Each end of a pair read as a figure of its own (the cue stays with the first)."""
    found: list[QuantityMatch] = []
    for i, name in enumerate(names):
        begin = cue.start if cue and i == 0 else m.start(name)
        single = _QUANTITY.fullmatch(text, begin, m.end(name))
        if single:
            found.extend(_interpret(text, single, blocked, limit))
    return found


def _whole(core: _Core) -> bool:
    return core.raw == int(core.raw)


def _near(a: float, b: float) -> bool:
    """Two numbers joined by "or" that read as a range: "six or seven", "20 or 30"."""
    return a < b <= max(2 * a, a + 10)


def _is_from(text: str, a_start: int) -> bool:
    return _FROM_BEFORE.search(text, max(0, a_start - 6), a_start) is not None


def _is_change(text: str, a_start: int) -> bool:
    before = _CHANGE_BEFORE.search(text, max(0, a_start - 16), a_start)
    return before is not None and before.group(1).lower() in CHANGE_VERBS


def _is_score(text: str, a_start: int, b_end: int, limit: int, a: _Core, b: _Core) -> bool:
    """Two whole numbers in a score's setting: "a 12-3 victory", "won 3-1". A count noun
    after a pair written low to high makes it a range, whatever the verb: "won 30-40
    seats", "lost 200-300 jobs", "led 30-40 volunteers"."""
    if not (a.is_integer and b.is_integer) or a.unit or b.unit or max(a.value, b.value) >= 1000:
        return False
    after = _SCORE_AFTER.match(text, b_end)
    if after and (after.group(1) in SCORE_NOUNS or after.group(2) in SCORE_NOUNS):
        return True  # "a 12-3 victory", "a 31-to-30 home win"
    if a.value < b.value and _unit_after(text, b_end, limit, allow_of=False)[0] is not None:
        return False  # a range counts something; a score stands alone ("won 3-1 at home")
    before = _SCORE_BEFORE.search(text, max(0, a_start - 40), a_start)
    if before is not None and (before.group("verb") or "score") in SCORE_VERBS | {"score"}:
        return True
    return _is_record(text, a_start, b_end)


# A win-loss record: "improved to 58-3", "fell to 36-3", "Klitschko (58-3, 51 KO)",
# "Klitschko, 58-3 with 51 knockouts", a table line "Joe Louis 26-1".
_RECORD_VERB_BEFORE = re.compile(
    r"\b(?:improved|improves|improving|fell|falls|falling|dropped|drops|moved|moves|went|"
    r"goes|evened|evens)\s+(?:(?:his|her|their|its)\s+)?(?:record\s+)?to\s+$",
    re.IGNORECASE,
)
_NAME_BEFORE = re.compile(r"\b(?P<name>[A-Z][\w'’.-]+)(?:,\s*|\s*\(\s*|[ \t]+)$")
_IN_BRACKETS = re.compile(r"\(\s*$")
_BRACKET_ENDS = re.compile(r"\s*[),;]")


def _is_won_lost(text: str, a_start: int, b_end: int) -> bool:
    """A win-loss record rather than a score: in brackets after a name ("the Chiefs
    (2-13)") or after a record's verb ("improved to 58-3")."""
    if _said_a_record(text, a_start, b_end):
        return True
    return bool(_IN_BRACKETS.search(text, max(0, a_start - 3), a_start)) and bool(
        _BRACKET_ENDS.match(text, b_end)
    )


_RECORD_WORD = re.compile(r"\s+(?:win-loss\s+|overall\s+|career\s+)?record\b", re.IGNORECASE)
_RECORD_OF = re.compile(
    r"\brecord\s+(?:of|at|to|is|was|stands\s+at)\s+$"
    r"|\b(?:went|finished|ended|posted|compiled)\s+(?:the\s+season\s+)?$",
    re.IGNORECASE,
)


_RECORD_ENDS = re.compile(r"[ \t]*(?:[,;)(]|\s+with\b|\n|$)")
_NOT_NAMES = _words("""
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday The A An In On At By Of For From To And But Or Route Highway
    """)


def _said_a_record(text: str, a_start: int, b_end: int) -> bool:
    """The words around a pair call it a record: "improved to 58-3", "a 71-93 record",
    "a record of 15-2", "went 71-93 last season"."""
    return bool(
        _RECORD_VERB_BEFORE.search(text, max(0, a_start - 40), a_start)
        or _RECORD_WORD.match(text, b_end)
        or _RECORD_OF.search(text, max(0, a_start - 30), a_start)
    )


def _is_record(text: str, a_start: int, b_end: int) -> bool:
    if _said_a_record(text, a_start, b_end):
        return True
    name = _NAME_BEFORE.search(text, max(0, a_start - 40), a_start)
    return (
        name is not None
        and name.group("name") not in _NOT_NAMES
        # "Aged 10-12, ...", "Ranging 3-5": a capitalised verb opening a sentence
        and not name.group("name").endswith(("ed", "ing", "ly"))
        and _RECORD_ENDS.match(text, b_end) is not None
    )


_RECORD3_SIDES = (("wa", "wins"), ("wb", "losses"), ("wc", "draws"))


def _record3(text: str, m: re.Match[str], blocked: list[tuple[int, int]]) -> list[QuantityMatch]:
    """Three figures of a win-loss-draw record, each a score of its side; nothing when
    the setting names no record (a code such as "4-11-2" is no quantity)."""
    start, end = m.start("wa"), m.end("wc")
    if _overlaps(blocked, start, end) or not _is_record(text, start, end):
        return []
    found = []
    for group, side in _RECORD3_SIDES:
        q = Quantity(value=float(m.group(group)), bound=Bound.exact, text=m.group(group))
        at, stop = m.start(group), m.end(group)
        found.append(_match(at, stop, stop, None, None, q, role="score", head=side))
    return found


def _score(
    text: str, m: re.Match[str], a_name: str, b_name: str, cue: Span | None
) -> list[QuantityMatch]:
    found = []
    for name in (a_name, b_name):
        core = _parse_core(m.group(name))
        if core is None:
            continue
        start = cue.start if cue and name == a_name else m.start(name)
        bound = BOUND_CUES[_squash(m.group("cue"))] if cue and name == a_name else Bound.exact
        q = Quantity(value=core.value, bound=bound, text=text[start : m.end(name)])
        found.append(_match(start, m.end(name), m.end(name), None, None, q, role="score"))
    if len(found) == 2 and _is_won_lost(text, found[0].span.start, found[1].span.end):
        # "Harbor City (15-7)", "improved to 58-3": a season's or career's record, wins
        # then losses, never a game's score.
        return [replace(found[0], head="record wins"), replace(found[1], head="record losses")]
    if len(found) == 2:  # which side each score is: the rule layer keeps them apart
        high, low = sorted(found, key=lambda f: -f.quantity.value)
        tied = high.quantity.value == low.quantity.value
        found = [
            replace(f, head="tied" if tied else "winning" if f is high else "losing") for f in found
        ]
    return found


def _parse_core(phrase: str | None, money: bool = False) -> _Core | None:
    """``phrase`` taken apart; ``money`` when the other end of a range has the currency
    ("$120-130MM"), so that "MM" and "m" are millions."""
    if not phrase:
        return None
    parts = _CORE_PARTS.fullmatch(phrase.strip())
    if parts is None:
        return None
    unit: str | None = None
    scale = 1.0
    integer = False
    if parts.group("digits"):
        digits = parts.group("digits")
        raw = float(digits.replace(",", ""))
        integer = "." not in digits
        if parts.group("scale"):
            scale = _scale_of(parts.group("scale"))
        attached = _squash(parts.group("attached") or "")
        money = money or bool(parts.group("cur"))
        if attached in ("m", "k") or (attached == "mm" and money):
            if attached == "k" or money:
                scale = SCALES["k" if attached == "k" else "million"]
            else:
                unit = "m"  # "10m" without a currency is ten metres
        elif attached:
            unit = ATTACHED_UNITS.get(attached) or _degrees(attached)
        if parts.group("vulgar"):
            raw += _vulgar(parts.group("vulgar"))
            integer = False
        year_like = re.fullmatch(r"\d{4}", digits) is not None and 1500 <= raw <= 2100
        is_one = False
    elif parts.group("halfa"):
        raw, scale = 0.5, float(WORD_SCALES[_squash(parts.group("halfa")).split()[-1]])
        year_like = is_one = False
    else:
        words = parts.group("words")
        raw, scale = _word_number(words)
        year_like = False
        is_one = _squash(words) == "one"
    if parts.group("andhalf"):
        raw += 0.5
        is_one = integer = False
    if parts.group("cur"):
        unit = CURRENCY_PREFIXES[_squash(parts.group("cur"))]
    elif parts.group("curword"):
        unit = CURRENCY_WORDS[_squash(parts.group("curword"))]
    if parts.group("pct"):
        unit = "percentage_points" if "point" in parts.group("pct").lower() else "percent"
    plain = not (parts.group("cur") or parts.group("curword") or parts.group("pct"))
    return _Core(
        value=raw * scale,
        raw=raw,
        scale=scale,
        unit=unit,
        is_year_like=year_like and scale == 1 and plain,
        is_word_one=is_one and plain,
        is_integer=integer and scale == 1 and plain,
    )


def _scale_of(written: str) -> float:
    """The scale a scale word states, whatever sets it off from the digits: a space, a
    no-break space, a tab, a line break (copy wrapped at the scale word) or a hyphen."""
    return SCALES[_squash(_SCALE_GAP.sub("", written))]


def _vulgar(written: str) -> float:
    """½ -> 0.5; "-1/2" or " 3/4" after the digits -> 0.5, 0.75."""
    written = written.lstrip().lstrip("-")
    if written in VULGAR_FRACTIONS:
        return VULGAR_FRACTIONS[written]
    numerator, _, denominator = written.partition("/")
    return int(numerator) / int(denominator)


def _word_number(phrase: str) -> tuple[float, float]:
    """(value before the last scale word, that scale): "three hundred" -> (3, 100)."""
    total, current, last_scale = 0, 0, 1
    for word in re.split(r"[\s-]+", _squash(phrase)):
        if word in WORD_VALUES:
            current += WORD_VALUES[word]
        elif word in ("hundred", "dozen"):
            current = (current or 1) * WORD_SCALES[word]
            last_scale = WORD_SCALES[word]
        elif word in WORD_SCALES:
            total += (current or 1) * WORD_SCALES[word]
            current = 0
            last_scale = WORD_SCALES[word]
    value = total + current
    return value / last_scale, float(last_scale)


def _vague(m: re.Match[str]) -> Quantity:
    if m.group("couple"):
        return Quantity(value=2, bound=Bound.about, text="")
    if m.group("multi"):
        scale = 1e9 if "billion" in m.group("multi").lower() else 1e6
        unit = "USD" if m.group("multicur") else None
        return Quantity(value=2 * scale, bound=Bound.at_least, unit=unit, text="")
    if m.group("vmult"):
        scale = float(WORD_SCALES[_squash(m.group("vscale"))])
        if m.group("vthousand"):
            scale *= 1_000
        low, high = VAGUE_MULTIPLIERS[_squash(m.group("vmult"))]
        if high is None:
            return Quantity(value=low * scale, bound=Bound.about, text="")
        return Quantity(value=low * scale, upper=high * scale, bound=Bound.range, text="")
    value = VAGUE_PLURALS[_squash(m.group("vplural"))]
    if m.group("vof"):
        value *= VAGUE_PLURALS[_squash(m.group("vof"))] / 2  # tens of thousands = 20 x 1,000
    return Quantity(value=value, bound=Bound.at_least, text="")


def _fraction(m: re.Match[str]) -> float:
    if m.group("fhalf"):
        return 0.5
    den = m.group("fden") or m.group("hden") or m.group("hden2")
    if den:
        written = _squash(m.group("fnum") or m.group("hnum") or m.group("hnum2"))
        numerator = 1 if written == "a" else WORD_VALUES[written]
        return numerator / DENOMINATORS[_squash(den)]
    num = _small_number(m.group("oin"))
    den = _small_number(m.group("oinden"))
    return num / den if den > num else 0.0


def _small_number(token: str) -> float:
    return float(token) if token.isdigit() else _word_number(token)[0] * _word_number(token)[1]


# --------------------------------------------------------------------------- shapes


def _fraction_match(
    text: str,
    m: re.Match[str],
    blocked: list[tuple[int, int]],
    limit: int,
    cue: Span | None,
    bound: Bound,
) -> list[QuantityMatch]:
    """A share ("a third of homes"), or a fraction of a unit hyphened to it: "a
    quarter-century" is 25 years, "a half-dozen" 6, "a quarter-inch" 0.25 inch."""
    value = _fraction(m)
    hyphened = _HYPHEN_WORD.match(text, m.end())
    if hyphened is None or m.group("oin"):
        q = Quantity(value=value, bound=bound, unit="fraction", text="")
        return _one(text, m, blocked, limit, cue, q)
    word = hyphened.group(1).lower()
    start = cue.start if cue else _skip_space(text, m.start())
    if word == "dozen":
        q = Quantity(value=value * 12, bound=bound, text=text[start : hyphened.end()])
        unit_text, unit_end = _unit_after(text, hyphened.end(), limit, True)
        q = q.model_copy(update={"unit": _unit_of(unit_text)})
        return [_match(start, unit_end, hyphened.end(), cue, unit_text, q)]
    unit = _unit_of(word)
    q = _scaled_time(Quantity(value=value, bound=bound, unit=unit, text=""), word, unit)
    q = q.model_copy(update={"text": text[start : hyphened.end()]})
    return [_match(start, hyphened.end(), hyphened.end(), cue, word, q)]


def _word_quantity(
    text: str,
    m: re.Match[str],
    blocked: list[tuple[int, int]],
    limit: int,
    cue: Span | None,
    bound: Bound,
) -> list[QuantityMatch]:
    """ "twice", "a pair of", "a single", "a monthlong trial", and one or half of a unit
    of time or length: "about a month", "within a week", "half a mile"."""
    start = cue.start if cue else m.start()
    if m.group("long"):  # "a monthlong trial"
        unit, scale = TIME_NAMES[_squash(m.group("long"))]
        bound = Bound.about if bound is Bound.exact else bound  # a week, give or take
        q = Quantity(value=scale, bound=bound, unit=unit, text=text[start : m.end()])
        return [_match(start, m.end(), m.end(), cue, None, q)]
    if m.group("wq"):
        return _count_word(text, m, limit, cue, bound, start)
    return _one_unit(text, m, cue, bound, start)


def _count_word(
    text: str, m: re.Match[str], limit: int, cue: Span | None, bound: Bound, start: int
) -> list[QuantityMatch]:
    """ "twice" (2 times), "a pair of" (2), "a single" (1 of the noun after it)."""
    written = _squash(m.group("wq"))
    value, unit = COUNT_WORDS[written]
    unit_text: str | None = None
    unit_end = m.end()
    if unit is None:
        unit_text, unit_end = _unit_after(text, m.end(), limit, False)
        if written == "a single" and (
            unit_text is None
            or _prev_word(text, m.start()) in ("not", "without", "no")
            or unit_text.split()[0].lower() in SINGLE_NOT_COUNTS
        ):
            return []  # "not a single one", "a single mother": no count
        unit = _unit_of(unit_text)
    q = Quantity(value=value, bound=bound, unit=unit, text=text[start : m.end()])
    return [_match(start, unit_end, m.end(), cue, unit_text, q)]


def _one_unit(
    text: str, m: re.Match[str], cue: Span | None, bound: Bound, start: int
) -> list[QuantityMatch]:
    """ "about a month", "within a week", "half a mile", "a mile and a half", "the next
    decade" - but not a rate ("$30 million a year") nor a time ("a year later")."""
    word = _NEXT_WORD.match(text, m.end())
    if word is None:
        return []
    unit_end = word.end(1)
    after = text[unit_end : unit_end + 12].lower().lstrip()
    if after.startswith(RELATIVE_TAILS + PERIOD_TAILS) or _RATE_AFTER.match(text, unit_end):
        return []  # "a year later", "half an hour earlier": when, not how long
    value = 0.5 if m.group("halfu") else 1.0
    half = re.match(_AND_HALF, text[unit_end:])
    if half:
        value += 0.5
        unit_end += half.end()
    leads = (
        cue
        or m.group("halfu")
        or half
        or m.group("aone") == "next"
        or _prev_word(text, m.start()) in A_UNIT_LEADS
        or after.startswith(("after", "before", "or"))
    )
    if not leads:
        return []  # "$30 million a year", "once a week": a rate, not an amount
    unit = _unit_of(word.group(1))
    q = _scaled_time(Quantity(value=value, bound=bound, unit=unit, text=""), word.group(1), unit)
    q = q.model_copy(update={"text": text[start:unit_end]})
    return [_match(start, unit_end, unit_end, cue, word.group(1), q)]


def _one_or_two(
    text: str, m: re.Match[str], blocked: list[tuple[int, int]], cue: Span | None
) -> list[QuantityMatch]:
    """ "a minute or two", "the next day or two": one to two of the unit."""
    start = cue.start if cue else m.start("aor")
    if _overlaps(blocked, start, m.end()):
        return []
    unit, scale = TIME_NAMES[_squash(m.group("aorunit"))]
    upper = float(_small_number(m.group("aorb").lower()))
    q = Quantity(
        value=scale, upper=upper * scale, bound=Bound.range, unit=unit, text=text[start : m.end()]
    )
    return [_match(start, m.end(), m.end(), cue, m.group("aorunit"), q)]


def _dimensions(
    text: str, m: re.Match[str], blocked: list[tuple[int, int]], limit: int
) -> list[QuantityMatch]:
    """ "2560x1600": two measures (pixels, when the text says so), never a label."""
    if _overlaps(blocked, m.start(), m.end()):
        return []
    unit_text, unit_end = _unit_after(text, m.end(), limit, False)
    unit = _unit_of(unit_text)
    found = []
    for name in ("dima", "dimb"):
        q = Quantity(value=float(m.group(name).replace(",", "")), unit=unit, text=m.group(name))
        end = unit_end if name == "dimb" else m.end(name)
        found.append(_match(m.start(name), end, m.end(name), None, None, q))
    return found


def _age_decade(text: str, m: re.Match[str], cue: Span | None) -> list[QuantityMatch]:
    """ "in his 50s": 50 to 59; "in her early 20s": 20 to 23."""
    tens = int(m.group("tens"))
    low, high = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(
        (m.group("dpart") or "").lower(), (0, 9)
    )
    start = cue.start if cue else m.start("decade")
    q = Quantity(
        value=tens + low,
        upper=tens + high,
        bound=Bound.range,
        unit="years",
        text=text[start : m.end()],
    )
    return [_match(start, m.end(), m.end(), cue, None, q, vague=True, role="age")]


def _modifier(
    text: str,
    start: int,
    num_start: int,
    num_end: int,
    limit: int,
    cue: Span | None,
    q: Quantity,
    core: _Core,
) -> list[QuantityMatch] | None:
    """A number hyphened to a unit that modifies a noun: "a 12-year lease", "a 250-member
    alliance", "52-year-old Nadia Haddad". ``None`` when no hyphened word follows; no
    match when the word is no unit ("one-sided", "3-D")."""
    hyphened = _HYPHEN_WORD.match(text, num_end)
    if hyphened is None:
        return None
    word = hyphened.group(1)
    lower = word.lower()
    if q.unit is not None:  # "$7-million" was read whole; "50%-owned" has its unit
        return None if lower in SCALES else []
    if (
        len(word) < 2
        or lower in MODIFIER_NOT_UNITS
        or lower in _STOP_WORDS
        or (word[0].isupper() and word not in SPEC_UNITS)
        or _verbish(lower)
    ):
        return []
    end = hyphened.end()
    unit = SPEC_UNITS.get(word) or _unit_of(lower)
    q = _scaled_time(q.model_copy(update={"unit": unit}), lower, unit)
    old = _OLD.match(text, end) if unit in TIME_UNITS else None
    if old:
        end = old.end()
    head, named = _head_after(text, end, limit)
    if not old and _is_label(head, named, unit, word):
        return []
    if unit in TIME_UNITS and cue and _squash(text[cue.start : num_start]) in ("over a", "over an"):
        q = q.model_copy(update={"bound": Bound.exact})  # "over a 75-year period": across
        start, cue = num_start, None
    q = q.model_copy(update={"text": text[start:end]})
    if old:
        holder = _age_holder(text, start, end, limit)
        return [_match(start, end, end, cue, None, q, role="age", head=holder)]
    return [_match(start, end, end, cue, None, q, role="modifier", head=head)]


def _age_holder(text: str, start: int, end: int, limit: int) -> str | None:
    """Whose the age ending at ``end`` ("...year-old") is: the name right after it
    ("52-year-old Nadia Haddad"), the name before it ("Nadia Haddad, a 52-year-old
    nurse"), the name a role noun after it gives ("the 36-year-old champion Klitschko",
    "his 58-year-old mother, Alice McMeekin"); else the noun it qualifies ("woman")."""
    head, named = _head_after(text, end, limit)
    if named:
        return head
    leading = _leading_name(head)
    if leading is not None:
        return leading  # "27 year old Christopher Simpson guilty"
    before = _NAMED_BEFORE.search(text, max(0, start - 60), start)
    if before is not None:
        return before.group("name")
    return _named_after_role(text, end, limit) or head


def _leading_name(head: str | None) -> str | None:
    """The capitalised words opening ``head`` when a word that cannot be their noun
    follows: the name in "Christopher Simpson guilty", "Klitschko never"; not a place or
    a body qualifying a noun ("Brooklyn mother", "FLDS member"), nor a people's name
    ("American never")."""
    words = (head or "").split()
    lead = list(itertools.takewhile(lambda w: w[:1].isupper(), words))
    if not lead or len(lead) == len(words) or lead[0].rstrip(".") in _CALENDAR_WORDS:
        return None
    if words[len(lead)].lower() not in _AFTER_A_NAME:
        return None
    if any(w.isupper() and len(w) > 1 for w in lead):
        return None  # an acronym: a body, not a person
    if len(lead) == 1 and _DEMONYM.search(lead[0]):
        return None
    return " ".join(lead)


# Words that follow a person's name but never make a noun of it: "found Ana Ruiz guilty",
# "Ruiz never", "Ruiz also".
_AFTER_A_NAME = _words("""
    guilty innocent dead alive unconscious responsible liable never also still just then
    now later already recently reportedly allegedly apparently previously once again
    """)


def _named_after_role(text: str, pos: int, limit: int) -> str | None:
    """The name one to three lowercase role words lead to at ``text[pos]``: "champion
    Klitschko", "former champion Wladimir Klitschko", "mother, Alice McMeekin" (after a
    comma only when the name ends its phrase: not "a 30-year-old woman, Police said")."""
    m = _ROLE_THEN_NAME.match(text, pos, limit)
    if m is None:
        return None
    roles = m.group("role").lower().split()
    if any(w in _STOP_WORDS or _verbish(w) for w in roles):
        return None  # "the 25-year-old told Reuters", "a 40-year-old in Leeds"
    name = m.group("name")
    if name.split()[0].rstrip(".") in _CALENDAR_WORDS:
        return None  # "a 40-year-old man Tuesday"
    if m.group("comma") and not _APPOSITION_ENDS.match(text, m.end("name")):
        return None
    return name


def _is_label(head: str | None, named: bool, unit: str | None, written: str) -> bool:
    """A hyphened figure that names a class rather than measures a thing: "the 14-inch
    model", "the 16-inch Vantor Air offers", "the 14-inch has", "the three-month
    anniversary"."""
    words = head.split() if head else []
    if unit in TIME_UNITS:
        return bool(words) and words[-1].lower() in TIME_LABEL_HEADS
    if written in SPEC_UNITS or unit == "time":
        return False  # "1333-MHz memory", "a two-time Silver Cup winner"
    if unit in SIZE_CLASS_UNITS and words and words[0][0].isupper():
        return True  # "the 16-inch Vantor Air offers"; but "the 7-acre Tarn Valley depot"
    return not words or any(w.lower() in LABEL_HEADS for w in words)


def _head_after(text: str, pos: int, limit: int) -> tuple[str | None, bool]:
    """The noun phrase a modifier qualifies ("contract" in "a six-year, $90 million
    contract"), and whether it is a name ("Nadia Haddad"); at most four words."""
    skipped = _HEAD_SKIP.match(text, pos, limit)
    cursor = skipped.end() if skipped else pos
    words: list[str] = []
    while len(words) < 4:
        nxt = _HEAD_WORD.match(text, cursor, limit)
        if nxt is None:
            break
        word = nxt.group(1).rstrip(".")
        lower = word.lower()
        if lower in _STOP_WORDS or (words and word[0].islower() and _verbish(lower)):
            break
        words.append(word)
        cursor = nxt.end(1)
        if nxt.group(1).endswith(".") and len(word) > 3:
            break  # a sentence ends; "Mr." and "K." are abbreviations in a name
    if not words:
        return None, False
    named = all(w[0].isupper() for w in words)
    return " ".join(words), named


def _apposed_age(text: str, num_start: int, num_end: int, core: _Core) -> str | None:
    """The person an age stands in apposition to ("Nadia Haddad, 52, was hurt"), or
    ``None`` when the number is not such an age."""
    if not core.is_integer or not 0 < core.value <= 125:
        return None
    if _APPOSED_AFTER.match(text, num_end) is None:
        return None
    before = _APPOSED_BEFORE.search(text, max(0, num_start - 60), num_start)
    if before is None:
        return None
    name = before.group("name")
    if name.split()[-1].rstrip(".") in _CALENDAR_WORDS:
        return None
    return name


def _scaled_time(q: Quantity, written: str | None, unit: str | None) -> Quantity:
    """Durations in canonical units: "two decades" is 20 years, "a fortnight" 2 weeks."""
    if unit not in TIME_UNITS or not written:
        return q
    word = singular(written.split()[-1].lower())
    canonical, scale = TIME_NAMES.get(word, (unit, 1.0))
    if scale == 1:
        return q.model_copy(update={"unit": canonical})
    upper = q.upper * scale if q.upper is not None else None
    return q.model_copy(update={"value": q.value * scale, "upper": upper, "unit": canonical})


def _with_smaller_unit(text: str, q: Quantity, unit: str, unit_end: int) -> tuple[Quantity, int]:
    """ "2hr 5 mins" is 125 minutes and "5 years and 10 months" 70 months: a duration and
    the smaller unit it goes on in are one figure (read as two, "5 years" would clash
    with another outlet's "70 months")."""
    pattern = _AND_SMALLER.get(unit)
    more = pattern.match(text, unit_end) if pattern is not None and q.upper is None else None
    if more is None:
        return q, unit_end
    smaller, per = _SMALLER_UNIT[unit]
    value = q.value * per + _small_number(more.group(1).lower())
    return q.model_copy(update={"value": value, "unit": smaller}), more.end()


def _time_role(text: str, start: int, unit_end: int, is_one: bool) -> str | None:
    """What a duration is: "age" ("34 years old"), "period" when it says when rather than
    how long ("in the past 24 hours", "one day later", "15 years from now", "24 hours a
    day"), "window" when it may time another figure of its clause ("in 24 hours": see
    ``_settle_windows``), ``None`` for a duration that is a figure ("for 26 years")."""
    after = text[unit_end : unit_end + 12].lower().lstrip()
    if _OLD.match(text, unit_end):
        return "age"
    if after.startswith(PERIOD_TAILS) or _RATE_AFTER.match(text, unit_end):
        return "period"
    if is_one and after.startswith(RELATIVE_TAILS):
        return "period"
    window = _WINDOW.search(text, max(0, start - 30), start)
    if window and (window.group(1).lower(), window.group(2).lower()) in _WINDOW_PAIRS:
        return "period"
    if _prev_word(text, start) == "in":
        return "window"
    return None


def _settle_across(text: str, found: list[QuantityMatch]) -> list[QuantityMatch]:
    """ "over" right after a figure spreads it across a duration: "$90 million over six
    years", "$90 million (over six years)" are six years exactly. Anywhere else "over" is
    "more than": "he had served over 10 years", "3 miners spent over 48 hours trapped"."""
    settled = list(found)
    for i in range(1, len(found)):
        q = found[i]
        if q.cue is not None and _is_across(text, found[i - 1], q, q.cue):
            start = _skip_space(text, q.cue.end)
            across = q.quantity.model_copy(
                update={"bound": Bound.exact, "text": text[start : q.number_end]}
            )
            settled[i] = replace(
                q, span=Span(start=start, end=q.span.end), cue=None, quantity=across
            )
    return settled


def _is_across(text: str, before: QuantityMatch, q: QuantityMatch, cue: Span) -> bool:
    """Whether ``q``'s "over" follows the figure ``before``: right after it, or after the
    one noun an amount with no count noun of its own qualifies ("a $90 million deal over
    seven years"; but "3 miners spent over 48 hours": a verb)."""
    if (
        q.quantity.unit not in TIME_UNITS
        or q.quantity.bound is not Bound.more_than
        or _squash(text[cue.start : cue.end]) != "over"
    ):
        return False
    if _ACROSS_GAP.fullmatch(text, before.span.end, cue.start):
        return True
    noun = _ACROSS_NOUN.fullmatch(text, before.span.end, cue.start)
    return (
        noun is not None
        and before.unit_text is None
        and noun.group(1) not in _STOP_WORDS
        and not _verbish(noun.group(1))
    )


def _settle_windows(text: str, found: list[QuantityMatch]) -> list[QuantityMatch]:
    """A duration that may be a window ("in 24 hours") is the period of another figure in
    its clause ("300 were evacuated in 24 hours"), and then no figure; alone in its clause
    it is one ("the second suspension in two months")."""
    if not any(q.role == "window" for q in found):
        return found
    # Only the nearest figure on each side can share the window's clause: a clause break
    # before the nearest is before any farther one too. (Asking every figure was quadratic.)
    before = _last_timed(found)
    after = _last_timed(found[::-1])[::-1]
    kept = []
    for q, left, right in zip(found, before, after, strict=True):
        if q.role != "window":
            kept.append(q)
        elif not any(other and _same_clause(text, q, other) for other in (left, right)):
            kept.append(replace(q, role=None))
    return kept


def _last_timed(found: list[QuantityMatch]) -> list[QuantityMatch | None]:
    """For each figure of ``found``, the last figure before it that a window may time."""
    last: QuantityMatch | None = None
    lasts = []
    for q in found:
        lasts.append(last)
        if _times_it(q):
            last = q
    return lasts


def _times_it(q: QuantityMatch) -> bool:
    return q.quantity.unit not in TIME_UNITS and q.role is None


def _same_clause(text: str, a: QuantityMatch, b: QuantityMatch) -> bool:
    first, second = (a, b) if a.span.start < b.span.start else (b, a)
    return _CLAUSE_BREAK.search(text, first.span.end, second.span.start) is None


def _tailed(text: str, q: Quantity, unit_end: int) -> Quantity:
    """The bound a tail gives: "65 and older", "six years or more"."""
    tail = _TAIL.match(text, unit_end)
    if tail is None or q.bound is not Bound.exact:
        return q
    return q.model_copy(update={"bound": BOUND_TAILS[_squash(tail.group(1))]})


# --------------------------------------------------------------------------- context tests


def _unit_after(text: str, pos: int, limit: int, allow_of: bool) -> tuple[str | None, int]:
    """The count noun after a number: "homes" in "312 homes were damaged".

    Reads at most three lowercase words and stops at a function word or verb; an adjective
    or participle may come first ("1,000 displaced people"), and the noun is the last word
    kept. A unit of specification writing ("48 GB") is read whatever its case. Returns
    the unit words as written and where they end.
    """
    spec = _SPEC_UNIT.match(text, pos, limit)
    if spec:
        return spec.group(1), spec.end(1)
    if text.startswith("deg", pos + 1) and (scale := _DEGREES_NAMED.match(text, pos, limit)):
        return scale.group(1), scale.end(1)  # "44.1 degrees Celsius": not mere "degrees"
    lead = text[pos + 1 : pos + 2]  # the first letter of the word after the number
    if lead in "kKmM" and lead and (speed := _SPEED_UNIT.match(text, pos, limit)):
        return speed.group(1), speed.end(1)  # "225 km/h": a speed, not 225 km
    if lead.isdigit() and (compound := _NUMBERED_NOUN.match(text, pos, limit)):
        return compound.group(1), compound.end(1)  # "four 3-pointers": not four points
    people = _NATIONALS.match(text, pos, limit) if lead.isupper() else None
    if people and _DEMONYM.search(people.group(1)[:-1]):
        return people.group(1), people.end(1)  # "21 Britons", "14 Germans": who is counted
    cursor = pos
    if allow_of:
        of = re.match(r"\s+of(?:\s+(?:the|all|its|their|these|those))?(?=\s)", text[pos:limit])
        if of:
            cursor = pos + of.end()
    named_from: int | None = None
    name = _NAME_BEFORE_NOUN.match(text, cursor, limit)
    if name and _names_the_noun(text, name):
        named_from, cursor = name.start(1), name.end()  # "9 Harbour Board members"
    words: list[tuple[str, int, int]] = []
    modifier = _LEADING_MODIFIER.match(text, cursor, limit)
    if modifier is not None and named_from is None:
        cursor = modifier.end(1)  # "210 other structures": structures, not the homes before
    while len(words) < 3:
        nxt = _NEXT_WORD.match(text, cursor, limit)
        if nxt is None or not nxt.group(1)[0].islower():
            break
        word = nxt.group(1).lower().replace("’", "'")
        if word in _STOP_WORDS or (words and _verbish(word)):
            break
        if word in WORD_VALUES or word in WORD_SCALES:
            break  # "12 matches one season after": another number starts
        if (
            word in ("old", "older", "younger", "prior", "apart", "long")
            and words
            and singular(words[-1][0]) in TIME_NAMES
        ):
            break  # "12 years old", "five days prior": the unit is the time
        words.append((nxt.group(1), nxt.start(1), nxt.end(1)))
        cursor = nxt.end(1)
        if singular(word) in MEASURE_UNITS or word in MEASURE_UNITS:
            break  # "10 km north of Fenby": the unit is km, what follows is not a noun
    # Trailing participles and modifiers are not the noun: "180 flooded", "12 more".
    while words and (
        _verbish(words[-1][0].lower())
        or words[-1][0].lower() in _MODIFIERS
        or words[-1][0].lower() in _TRAILING_ADVERBS
    ):
        words.pop()
    if not words:
        return None, pos
    first = words[0][1] if named_from is None else named_from
    return text[first : words[-1][2]], words[-1][2]


def _names_the_noun(text: str, name: re.Match[str]) -> bool:
    """A capitalised run that qualifies the plural noun after it ("40 Harbour Board
    members") - not a pronoun opening a sentence ("15. He uses") nor a currency's country
    ("Canadian dollars": the dollars are not US dollars)."""
    if name.group(1).split()[0].lower() in _STOP_WORDS or not _plural_noun_at(text, name.end()):
        return False
    noun = _NEXT_WORD.match(text, name.end())
    return noun is not None and noun.group(1).lower() not in CURRENCY_WORDS


def _degrees(attached: str) -> str:
    """The unit of a scale glued to a temperature: "°c" and "c" are "°C"; a bare "°" is
    degrees of no stated scale."""
    scale = attached.lstrip("°").strip().upper()
    return f"°{scale}" if scale else "degree"


def _unit_of(unit_text: str | None) -> str | None:
    """The canonical unit of the words after a number: "displaced people" -> "people",
    "euros" -> "EUR", "days" -> "days", "GB" -> "GB"."""
    if not unit_text:
        return None
    head = unit_text.split()[-1]
    if head in SPEC_UNITS:
        return SPEC_UNITS[head]
    if (scale := _SCALE_NAMES.get(head.lower())) and len(unit_text.split()) > 1:
        return scale  # "degrees Celsius", "degrees F"
    if (two := " ".join(unit_text.lower().split()[-2:])) in _TWO_WORD_UNITS:
        return _TWO_WORD_UNITS[two]  # "25 basis points", "15 nautical miles"
    head = head.lower()
    if head in CURRENCY_WORDS:
        return CURRENCY_WORDS[head]
    one = singular(head)
    return TIME_NAMES[one][0] if one in TIME_NAMES else one


def _verbish(word: str) -> bool:
    """A participle, gerund or adverb: "flooded", "remaining", "badly"."""
    return word.endswith(("ed", "ing", "ly")) and word not in _NOUNS_LIKE_VERBS


def _prev_word(text: str, pos: int) -> str | None:
    prev = _PREV_WORD.search(text, max(0, pos - 20), pos)
    return prev.group(1).lower() if prev else None


def _is_year(text: str, start: int, unit: str | None, unit_text: str | None) -> bool:
    if unit is None or unit in TIME_UNITS:
        return True
    if unit_text and unit_text[0].isupper():
        return True  # "the 2012 Summer Games results": a year before a name
    if unit_text and unit_text.split()[0].lower() in YEAR_NOUNS:
        return True  # "the 2016 presidential campaign"
    prev = _PREV_WORD.search(text, max(0, start - 30), start)
    if prev is None:
        return False
    word = prev.group(1)
    if word.endswith(("'s", "’s")) or word.lower() == "whose":
        return True  # "the club's 2027 payroll", "whose 1990 failure": a year
    return word.lower().rstrip(".") in YEAR_LEADS or word.rstrip(".") in _MONTH_WORDS


def _is_constant_currency(text: str, start: int, core: _Core) -> bool:
    """ "in 2004 dollars": a year before a currency word after "in"."""
    return (
        core.unit in CURRENCIES
        and core.scale == 1
        and 1500 <= core.raw <= 2100
        and core.raw == int(core.raw)
        and _prev_word(text, start) == "in"
        and text[start] not in "$€£¥₹"
    )


def _one_counts(
    text: str, start: int, unit: str | None, unit_text: str | None, unit_end: int
) -> bool:
    """Whether "one" counts what follows it: not a pronoun ("one of the worst"), an idiom
    ("one day", "at one point"), an indefinite speaker ("one witness said") or emphasis
    ("not one")."""
    if unit is None or unit in TIME_UNITS or unit in ONE_IDIOMS:
        return False
    if unit_text and singular(unit_text.split()[0]) in TIME_NAMES:
        return False  # "might one day return"
    if _prev_word(text, start) in ("not", "any", "no"):
        return False
    if _SPEAKER_AFTER.match(text, unit_end) is not None:
        return False
    # Otherwise "one" is mostly the article "a" said with weight ("one person", "one end
    # of the room", "one report said"). It counts when the sentence counts: next to
    # another figure ("two counts of murder and one of arson"), a charge or count, or
    # what happened to it ("one person was killed").
    window = text[max(0, start - 60) : unit_end + 60]
    return (
        singular(unit) in LEGAL_COUNTS
        or _EVENT_NEAR.search(text, unit_end, unit_end + 40) is not None
        or len(_OTHER_NUMBER.findall(window)) > 1
    )


def _is_number_to_call(text: str, start: int, unit: str | None) -> bool:
    """An emergency number said as one: right after a verb of calling ("called 911",
    "dial 112", "calls to 999") or right before a call word ("a 911 caller", "the 999
    call"). Bare, it is as often a count ("The toll rose to 112", "At least 911 died")."""
    if unit is not None:
        return unit in CALL_WORDS or singular(unit) in CALL_WORDS
    return _CALL_BEFORE.search(text, max(0, start - _CALL_REACH), start) is not None


def _in_phone_number(text: str, start: int, end: int) -> bool:
    """The digits at ``text[start:end]`` are a group of a telephone number: three groups
    of digits or more set apart by single spaces or hyphens, or an area code in brackets
    before one ("1800 227 228", "0800-123-456", "(02) 9555 0140"). A tally ("218-212")
    has two groups only."""
    after = text[end : end + 2]
    before = text[max(0, start - 2) : start]
    grouped_after = after[:1] == ")" or (
        len(after) == 2 and after[0] in " -" and after[1].isdigit()
    )
    grouped_before = (
        len(before) == 2 and before[1] in " -)" and (before[0].isdigit() or before[0] == ")")
    )
    if not (grouped_after or grouped_before):
        return False  # most numbers stand alone: no group of digits next to them
    lo, hi = max(0, start - 16), min(len(text), end + 16)
    return any(m.start() <= start and end <= m.end() for m in _PHONE_NUMBER.finditer(text, lo, hi))


_PHONE_NUMBER = re.compile(
    r"(?<![\d,.])(?:\+\d{1,3}[ -])?(?:\(\d{2,4}\)\s?\d{3,4}[ -]?\d{3,4}|"
    r"\d{2,4}[ -]\d{3,4}[ -]\d{3,4})(?!\d|[,.\s-]\d)"
)


def _is_identifier(text: str, start: int, end: int) -> bool:
    # Only bare digits name things: "Terminal 5", "Bluetooth 5.0", "GX 770M" - but not a
    # measure ("Lake 3.4GHz") or a number word ("the Patels four or five times").
    bare = _BARE_NUMBER.fullmatch(text, start, end) is not None
    before = text[max(0, start - 2) : start]
    if re.search(r"[A-Za-z][-‐]$|[#№*=^{}<>]\s?$", before) or re.match(
        r"\s?[*=^{}<>]", text[end : end + 2]
    ):
        return True  # COVID-19, #3, and code or arithmetic ("{{ 7*7 }}")
    if _is_address(text, start, end) or _CALIBRE_AFTER.match(text, end):
        return True  # "12 Elm Street", "the 400 block of", "a 9 mm pistol"
    if _INCH_LABEL.match(text, end):
        return True  # "the 14” model", "the 16.2″ Vantor": a size class, not a measure
    if _is_version_list(text, start, end):
        return True  # "Bluetooth 5.0 and 4.0", "plugs that take both 3.0 and 2.0": versions
    if _is_clock_time(text, start, end):
        return True  # "at about 8 or 9 the next morning": a time of day
    if _in_phone_number(text, start, end):
        return True  # "call 1800 227 228", "on (02) 9555 0140": a number to dial
    prev = _PREV_WORD.search(text, max(0, start - 20), start)
    if prev and (prev.group(1).lower() in DESIGNATORS or prev.group(1) in DESIGNATORS):
        return True
    initials = _INITIALS_BEFORE.search(text, max(0, start - 12), start)
    if bare and initials and not _counted_after(text, end):
        return True  # "P.S. 3", "the U.S. 271 corridor": a school, a road
    if prev and (prev.group(1).endswith(".") or "\n" in text[prev.end(1) : start]):
        prev = None  # the word ends the sentence before: "Pell Street. Nine crews"
    if bare and prev and _is_name_word(text, prev) and not _TIME_AFTER.match(text, end):
        return True  # "Shed 14", "Terminal 5", "iOS 9": a name, not a count
    if text[start].isupper() and prev and _is_name_word(text, prev):
        return True  # "Johnny Two Hats", "the Top Five list": a capitalised number word
    if bare and _opens_name(text, start, end):
        return True  # "the 8 Block gang", "told 1010 WINS": the number opens a name
    # "1. Evacuate" at the start of a line numbers a list item.
    return (
        bare
        and end - start <= 2
        and _opens_line(text, start)
        and _LIST_MARKER.match(text, end) is not None
    )


def _opens_name(text: str, start: int, end: int) -> bool:
    """Digits that open a proper name inside a sentence: "a gang called 8 Block", "the
    8 Block crew", "the 605 Freeway", "its 15 Most Wanted list". A capitalised plural, or
    capitalised words before a plural, is counted ("3 Democrats", "5 Apache helicopters",
    "11 Estelle unit employees"), and so is a unit ("5 Euro", "40 GB"), an all-capitals
    word ("51 KO", "121 RBI") and a number after "of" ("mother of 13 Zurana Horton"); a
    title-case line names nothing this way."""
    name = _NAME_AFTER_NUMBER.match(text, end)
    if name is None or not text[start:end].isdigit():
        return False
    if start == 0 or text[start - 1] not in " \t\"“‘'(":
        return False  # "$5 Visa", "No.8"
    if re.search(r"\bof\s+$", text[max(0, start - 4) : start]):
        return False
    word = name.group(1)
    if word.lower() in _CALENDAR_WORDS or word.endswith("s") or _SPEC_UNIT.match(text, end):
        return False
    if word.lower() in CURRENCY_WORDS or word.lower() + "s" in CURRENCY_WORDS:
        return False
    if _plural_in(name.group(2) or ""):
        return False  # "5 Apache helicopters": a count of them
    # The line, within a window: a text with no line breaks must not make this quadratic.
    lo = max(0, start - _LINE_WINDOW)
    line_start = text.rfind("\n", lo, start) + 1 or lo
    line_end = text.find("\n", end, end + _LINE_WINDOW)
    line = text[line_start : line_end if line_end >= 0 else min(len(text), end + _LINE_WINDOW)]
    if not text[line_start:start].strip():
        return False  # the line's first word: a sentence or a headline opens with it
    # Title case ("Fire Guts 3 Dead End Shops") names nothing: the line's other words,
    # less its first and the name, are mostly capitalised.
    rest = text[line_start:start] + " " + line[name.end() - line_start :]
    words = re.findall(r"[^\W\d_][\w'’-]*", rest)[1:]
    return sum(w[0].isupper() for w in words) * 2 < len(words)


def _plural_in(words: str) -> bool:
    """A plural noun among the lower-case ``words`` before a function word: what a
    number before them counts ("helicopters", "unit employees"; not "for hours")."""
    kept = itertools.takewhile(lambda w: w not in _NOT_NOUNS, words.split())
    return any(w in _PLURAL_NOUNS or (w.endswith("s") and w not in _S_WORDS) for w in kept)


def _counted_after(text: str, end: int) -> bool:
    """A plural count noun follows the number: "the U.S. 40 people died"."""
    after = _LOWER_WORDS.match(text, end)
    return after is not None and _plural_in(after.group(0))


def _is_version_list(text: str, start: int, end: int) -> bool:
    """One of several "x.0" numbers listed after a name ("Bluetooth 5.0 and 4.0"), a version
    word ("version 2.0 or 3.0") or a thing that has versions ("plugs that take both 3.0 and
    2.0"). Without one they are figures ("The quake measured 6.0 or 7.0"), and so they are
    when a unit or magnitude word follows ("6.0 or 7.0 magnitude")."""
    if _VERSION.fullmatch(text, start, end) is None:
        return False
    following = _VERSION_NEXT.match(text, end)
    preceding = _VERSION_PREV.search(text, max(0, start - 12), start)
    if following is None and preceding is None:
        return False
    first = preceding.start() if preceding else start
    if _measured_after(text, following.end() if following else end):
        return False
    prev = _PREV_WORD.search(text, max(0, first - 20), first)
    if prev and (prev.group(1).lower() in DESIGNATORS or _is_name_word(text, prev)):
        return True
    return _VERSION_CONTEXT.search(text, max(0, first - _VERSION_REACH), first) is not None


def _measured_after(text: str, pos: int) -> bool:
    """A percent sign, a unit or a magnitude word comes next: "7.0 percent", "7.0
    magnitude", "2.0 GHz"."""
    if _PERCENT_AFTER.match(text, pos):
        return True
    unit_text, _ = _unit_after(text, pos, len(text), False)
    word = unit_text.split()[0] if unit_text else ""
    return word in MAGNITUDE_WORDS or singular(word) in MAGNITUDE_WORDS


def _is_address(text: str, start: int, end: int) -> bool:
    """A house number: "12 Elm Street", "the 400 block of Main". A street or place name
    also qualifies nouns that a count counts ("all 9 Harbour Board members", "some 300 Bay
    Street brokers"): a quantifier or bound cue before the number, a thousands comma
    or a plural noun after the name makes the number a count."""
    street = _ADDRESS_AFTER.match(text, end)
    if street is None or _HOUSE_NUMBER.fullmatch(text, start, end) is None:
        return False
    if _prev_word(text, start) in QUANTIFIERS:
        return False
    if _CUE_BEFORE.search(text, max(0, start - _CUE_REACH), start):
        return False
    return bool(street.group("block")) or not _plural_noun_at(text, street.end())


def _plural_noun_at(text: str, pos: int) -> bool:
    """A lower-case plural noun is the next word: "bankers", "justices", "residents"."""
    nxt = _NEXT_WORD.match(text, pos)
    if nxt is None or not nxt.group(1)[0].islower():
        return False
    word = nxt.group(1).lower()
    return word not in _STOP_WORDS and not _verbish(word) and singular(word) != word


def _is_clock_time(text: str, start: int, end: int) -> bool:
    """An hour before a part of the day, after a word that sets a time: "at 7 that
    evening", "about 8 or 9 the next morning". A count may stand there too ("killed 40 on
    Monday night", "evacuated 2,000 in the evening"): only hours 1 to 12 after such a word
    are times."""
    return (
        _CLOCK_AFTER.match(text, end) is not None
        and _HOUR.fullmatch(text, start, end) is not None
        and _prev_word(text, start) in CLOCK_LEADS
    )


def _opens_line(text: str, pos: int) -> bool:
    """Only blanks stand between the start of the line and ``pos``. Walks back over the
    blanks alone, never to the line start: a long line must not cost a scan per number."""
    while pos > 0 and text[pos - 1] != "\n" and text[pos - 1].isspace():
        pos -= 1
    return pos == 0 or text[pos - 1] == "\n"


def _is_name_word(text: str, prev: re.Match[str]) -> bool:
    """A capitalised word inside a sentence (not its first word, not a month or day), or
    a camel-case ("iOS") or capitalised ("NOR-LINK") one anywhere."""
    word = prev.group(1).rstrip(".")
    if word.islower() or word in _CALENDAR_WORDS or not word.replace("-", "").isalpha():
        return False
    if any(c.isupper() for c in word[1:]):
        return True  # camel case and capitals are names wherever they stand
    before = text[max(0, prev.start() - 3) : prev.start()].rstrip(" \t\"“‘'(")
    return bool(before) and before[-1] not in ".!?:\n-–—"


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, with those that overlap or touch joined: the shape ``_overlaps``
    bisects."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start``..``end`` overlaps one of ``spans`` (sorted and disjoint, see
    ``_disjoint``): only the last span to start before ``end`` can, as it ends last. A
    scan of every span per number was quadratic on a long text full of dates."""
    before = bisect_left(spans, end, key=_SPAN_START)
    return before > 0 and spans[before - 1][1] > start


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _squash(phrase: str) -> str:
    """``phrase`` as the lexicons spell it: lower case, single spaces, and the four letters
    an IGNORECASE regex takes for ASCII ones ("ſ" for "s") folded, so that a lookup of what
    a regex matched cannot fail."""
    return " ".join(phrase.translate(_LOOKUP_FOLD).lower().split())


def singular(word: str) -> str:
    """The singular of a count noun: "homes" -> "home"; "people" stays "people"."""
    w = word.lower().replace("’", "'")
    if w in _IRREGULAR_SINGULARS:
        return _IRREGULAR_SINGULARS[w]
    for plural in ("children", "women", "people", "persons"):
        if w.endswith(plural):  # "grandchildren", "firewomen", "townspeople"
            return w[: -len(plural)] + _IRREGULAR_SINGULARS[plural]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w
