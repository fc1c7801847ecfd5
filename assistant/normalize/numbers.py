"""Quantities in news prose: "more than 2,000 people", "$4.5 million", "a third of homes".

Pure functions over strings; nothing here does I/O or knows about articles.

What counts as a quantity
-------------------------
- digits, with thousands separators and decimals: ``2,417``, ``1.5``;
- scale words and suffixes: ``1.2 million``, ``3bn``, ``£20m`` (a bare ``m`` is a million
  only after a currency sign; ``10m`` alone is ten metres);
- number words: ``fifty``, ``twenty-three``, ``two hundred and fifty``, ``a dozen``,
  ``hundred``, ``half a million``;
- currencies: ``$``/``US$``/``USD``/``dollars`` -> ``USD``, ``€``/``euros`` -> ``EUR``,
  ``£``/``pounds`` -> ``GBP`` (and a few more in ``CURRENCY_PREFIXES``);
- percentages: ``40%``, ``40 percent``, ``40 per cent`` -> unit ``percent``;
  ``40 percentage points`` -> ``percentage_points``;
- shares: ``a third``, ``half``, ``two-thirds``, ``a quarter`` (each only when followed by
  "of", a determiner or an auxiliary - "half the homes", "about half had been
  reconnected" - so "a third time" and "half an hour" are not shares) and
  ``one in five``: the value is the fraction (1/3, 0.5, ...), unit ``fraction``;
- vague amounts, with values chosen so that a rule can compare them:
  ``dozens`` = at least 24, ``scores of`` = at least 40, ``hundreds`` = at least 200,
  ``thousands`` = at least 2,000, ``tens of thousands`` = at least 20,000,
  ``hundreds of thousands`` = at least 200,000, ``millions`` = at least 2,000,000;
  ``several hundred`` = range 200..900 ("several" = 2 to 9 of the scale word),
  ``a few hundred`` = range 200..500, ``a couple of hundred`` = about 200;
- bounds, from the cue right before the number (``BOUND_CUES``) or the shape of a range:
  ``between 300 and 400``, ``300-400``, ``300 to 400``. ``from 300 to 400`` is a change,
  not a range: it gives two exact quantities.

What does not count (and why)
-----------------------------
- years: a bare four-digit number from 1500 to 2100 ("in 1998", "the 2026 budget") -
  unless a count noun follows and no year word precedes ("2000 people were evacuated");
  decades ("1990s") and seasons ("2025-26") too;
- dates: a day next to a month name ("March 3", "3 March", "March 3-4", "3rd of March"),
  ISO and slashed dates ("2026-03-03", "3/4/2026");
- times: "10:30", "5 p.m.", "5pm", "0800 GMT", "10 o'clock";
- ordinals ("3rd", "21st") are never counts;
- identifiers: a number glued to letters ("COVID-19", "A380", "4G"), after a designator
  word ("Section 3", "Category 4", "No. 10", "Route 66": ``DESIGNATORS``) or after a
  capitalised word inside a sentence ("Shed 14", "Terminal 5"), and numbers in code or
  arithmetic ("{{ 7*7 }}");
- phone numbers: "+44 20 7946 0000", "(555) 123-4567", "555-123-4567", "0100 555 0142"
  and the seven-digit "555-1234" (so a range must not be written 3 digits-4 digits);
- compound modifiers: "a 10-year plan", "a 24-hour curfew", "a 34-year-old man";
- ages and durations that set a period: "34 years old", "aged 58", "Hanne Rusk, 58,",
  "in the past 24 hours",
  "for three days", "two weeks ago" (the period parser owns those);
- scores and spans whose second number is not larger: "3-1", "2020-21";
- list markers: "1." / "2)" at the start of a line;
- the pronoun "one" ("one of the worst"): "one" counts only with a count noun after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

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
    "a maximum of": Bound.up_to,
    "no more than": Bound.up_to,
    "not more than": Bound.up_to,
    "at most": Bound.up_to,
    "fewer than": Bound.fewer_than,
    "less than": Bound.fewer_than,
    "under": Bound.fewer_than,
    "just under": Bound.fewer_than,
    "below": Bound.fewer_than,
    "just below": Bound.fewer_than,
}

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
}
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD",
    "us dollars": "USD",
    "usd": "USD",
    "euros": "EUR",
    "eur": "EUR",
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
# Units written straight after the digits ("200mm", "5km"); "m" is handled apart.
ATTACHED_UNITS = (
    "km/h",
    "kwh",
    "mph",
    "kph",
    "lbs",
    "km",
    "kg",
    "mm",
    "cm",
    "ml",
    "mw",
    "gw",
    "kw",
    "ha",
    "ft",
    "lb",
)

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
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
    "tenth": 10, "tenths": 10,
}  # fmt: skip

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
    airbus apollo covid channel tier code
    """)
_CALENDAR_WORDS = _words(
    """
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday
    """
)
# A year after one of these is a year even when a noun follows ("in 2026 budgets").
YEAR_LEADS = _words(
    """
    in since until till by during from before after of early late mid the a an this that its
    their his her our year years season fiscal
    """
)
# Units of measure: a figure in one is not a count, and its metric is what it measures
# ("40 millimetres of rain").
MEASURE_UNITS = _words("""
    m mm cm km kg mph kph km/h ft lb lbs mw gw kw kwh ha metre meter millimetre millimeter
    centimetre centimeter kilometre kilometer mile foot inch yard tonne ton kilogram gram
    litre liter gallon hectare acre degree
    """)
TIME_UNITS = _words("second minute hour day night week fortnight month year decade century")
# A duration after these words is the period of a figure, not a figure itself.
PERIOD_LEADS = _words(
    """
    past last next previous coming first final within for in after over during since recent
    following than
    """
)
PERIOD_TAILS = ("ago", "later", "earlier", "before", "after", "from now", "old", "running")
AGE_LEADS = frozenset({"aged", "age", "ages"})

# Words that end the noun run after a number: function words, auxiliaries and common
# verbs (the noun is what comes *before* them: "312 homes were damaged").
_STOP_WORDS = _words("""
    a an the of and or but nor to in on at by for from with without into onto over under
    across after before during since than that which who whom whose where when while as
    above below beneath along around near behind beyond inside outside within through
    toward towards against among between per via despite amid like off up down out
    is are was were be been being am has have had having do does did will would shall
    should can could may might must not no so also still now then there here this these
    those it its they them their he she his her we our you your i me my
    said says say told tells reported claimed according added warned
    died fled left lost took went came fell rose remain remains remained stay stays
    stayed got made ran saw became began stood sat spent held kept found put set run
    overnight today yesterday tonight tomorrow morning afternoon evening night last next
    ago earlier later
    more less most least each every all both either neither such other another
    percent per cent
    """)
# Nouns that end like participles or adverbs.
_NOUNS_LIKE_VERBS = _words("bed beds shed sheds family supply ally rally assembly building ceiling")
# Modifiers that may stand between a number and its noun: "12 more bodies".
_MODIFIERS = _words("more additional further other new extra")

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


_CUE = r"(?<![\w.])(?P<cue>" + _alternation(BOUND_CUES) + r")\s+"
_CUR = r"(?:US\$|A\$|C\$|HK\$|NZ\$|\$|€|£|¥|₹|USD\s?|EUR\s?|GBP\s?)"
# Digits may not touch a word, another number, a time or a fraction ("A380", "10:30").
_DIGITS = r"(?<![\w.,/:#+])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,.:/]?\d)"
_SCALE_WORD = r"(?:\s*(?:million|billion|trillion|thousand|mln|bln|bn|mn|tn)(?![\w-]))"
_ATTACHED = r"(?:" + _alternation(ATTACHED_UNITS) + r"|m|k)(?![\w-])"
_NW = _alternation([*WORD_VALUES, *WORD_SCALES])
_AND_AFTER_SCALE = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
_WORDNUM = (
    r"(?<![\w-])(?:a\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    rf"(?:{_NW})(?:(?:[\s-]+|{_AND_AFTER_SCALE})(?:{_NW}))*(?![\w-])"
)
_HALF_A = r"(?<![\w-])half\s+an?\s+(?:million|billion|dozen)(?![\w-])"
_PERCENT = r"(?:\s?%|\s+(?:percentage\s+points?|per\s?cent|percent|pct)(?![\w-]))"
_CUR_WORD = r"(?:\s+(?:(?:US\s+)?dollars|euros|pounds(?:\s+sterling)?|USD|EUR|GBP)(?![\w-]))"
_CORE = (
    rf"(?:{_CUR}\s?)?(?:{_DIGITS}(?:{_SCALE_WORD}|{_ATTACHED}|(?![A-Za-z_]))|{_HALF_A}|{_WORDNUM})"
    rf"{_PERCENT}?{_CUR_WORD}?"
)
_VAGUE = (
    r"(?<![\w-])(?:(?P<vmult>several|a\s+few|a\s+couple(?:\s+of)?)\s+"
    r"(?P<vscale>hundred|thousand|million|billion|dozen)(?:\s+(?P<vthousand>thousand))?"
    r"|(?P<vplural>dozens|scores(?=\s+of\b)|tens(?=\s+of\b)|hundreds|thousands|millions|billions)"
    r"(?:\s+of\s+(?P<vof>thousands|millions|billions))?)(?![\w-])"
)
_FRACTION = (
    r"(?<![\w-])(?:(?P<fnum>a|one|two|three|four|five|seven|nine)[\s-]+"
    r"(?P<fden>" + _alternation(DENOMINATORS) + r")|(?P<fhalf>half))"
    r"(?=\s+(?:of|the|all|its|their|his|her|our|these|those|had|have|has|were|was|are)\b)"
    rf"|(?<![\w-])(?P<oin>one|two|three|\d)\s+in\s+(?:every\s+)?(?P<oinden>\d{{1,3}}|{_NW})(?![\w-])"
)
_QUANTITY = re.compile(
    # Quantities start at a word's start: the guard fails fast inside words.
    rf"(?<![\w.,/:#+-])(?:{_CUE})?(?:"
    rf"(?P<between>between)\s+(?P<ra>{_CORE})\s+and\s+(?P<rb>{_CORE})"
    rf"|(?P<da>{_CORE})(?P<dsep>\s*[-–—]\s*|\s+to\s+)(?P<db>{_CORE})"
    rf"|{_VAGUE}|{_FRACTION}|(?P<single>{_CORE}))",
    re.IGNORECASE,
)
# One side of a range or a single number, taken apart.
_CORE_PARTS = re.compile(
    rf"(?P<cur>{_CUR})?\s?(?:(?P<digits>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)"
    rf"(?:(?P<scale>{_SCALE_WORD})|(?P<attached>{_ATTACHED}))?"
    rf"|(?P<halfa>{_HALF_A})|(?P<words>{_WORDNUM}))(?P<pct>{_PERCENT})?(?P<curword>{_CUR_WORD})?",
    re.IGNORECASE,
)

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DAY_SPAN = rf"{_DAY}(?:\s*(?:[-–]|and|to|through|until)\s*{_DAY})?"
# Spans that hold digits but no quantity: dates, times, phone numbers.
_NOT_QUANTITY = re.compile(
    rf"\b{_MONTH}\s+{_DAY_SPAN}(?:,?\s+\d{{4}})?(?![\d,])"
    rf"|\b(?:the\s+)?{_DAY_SPAN}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b\d{1,2}(?::\d{2})?(?:\.\d{2})?\s*(?:[ap]\.m\.|[ap]\.m\b|[ap]m\b)"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{1,2}\s+o'clock\b"
    r"|\b\d{1,2}[:.]?\d{2}\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|local\s+time)\b"
    r"|\+\d[\d\s().-]{6,}\d|\(\d{3,5}\)\s*\d{3,4}[\s-]?\d{3,4}"
    r"|\b\d{3}[-.\s]\d{3}[-.\s]\d{4}\b|\b0\d{2,4}[\s-]\d{3}[\s-]?\d{3,4}\b|\b\d{3}-\d{4}\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_LIST_MARKER = re.compile(r"[.)]\s")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NEXT_WORD = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z'’-]*\.?)\s*$")


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """A quantity found in text, with the parts the extractor needs.

    ``span`` covers bound cue + number + unit words; ``number_end`` is where the number
    expression (with its currency, scale or percent sign) ends; ``cue`` is the bound
    cue's span, if any; ``unit_text`` is the unit word(s) as written ("homes",
    "displaced people"), ``None`` when no count noun follows.
    """

    span: Span
    number_end: int
    cue: Span | None
    unit_text: str | None
    quantity: Quantity
    vague: bool = False  # "hundreds", "several hundred": an approximation in itself


def find_quantities(text: str) -> list[tuple[Span, Quantity]]:
    """Every quantity in ``text`` in order, each with its span. Raises nothing."""
    return [(m.span, m.quantity) for m in match_quantities(text)]


def parse_quantity(text: str) -> Quantity | None:
    """The quantity a number phrase states ("more than 2,000", "a third"), or ``None``
    when the phrase holds no quantity (a year, a date, an identifier...). When the phrase
    holds several, the first one is returned. Raises nothing."""
    found = match_quantities(text)
    return found[0].quantity if found else None


def match_quantities(text: str, start: int = 0, end: int | None = None) -> list[QuantityMatch]:
    """Every quantity in ``text[start:end]`` with absolute spans. Raises nothing."""
    end = len(text) if end is None else end
    has_digits = _DIGIT.search(text, start, end) is not None
    blocked = (
        [(m.start(), m.end()) for m in _NOT_QUANTITY.finditer(text, start, end)]
        if has_digits
        else []
    )
    found: list[QuantityMatch] = []
    for m in _QUANTITY.finditer(text, start, end):
        found.extend(_interpret(text, m, blocked, end))
    return found


# --------------------------------------------------------------------------- interpretation


@dataclass(frozen=True, slots=True)
class _Core:
    """One number expression, taken apart."""

    value: float
    raw: float  # before the scale word: "1.5" of "1.5 million"
    scale: float
    unit: str | None  # USD, percent, km...
    is_year_like: bool
    is_word_one: bool


def _interpret(
    text: str, m: re.Match[str], blocked: list[tuple[int, int]], limit: int
) -> list[QuantityMatch]:
    cue_span = Span(start=m.start("cue"), end=m.end("cue")) if m.group("cue") else None
    cue_bound = BOUND_CUES[_squash(m.group("cue"))] if cue_span else Bound.exact
    if m.group("ra") or m.group("da"):
        return _interpret_range(text, m, blocked, limit, cue_span)
    if m.group("vmult") or m.group("vplural"):
        return _one(text, m, blocked, limit, cue_span, _vague(m), vague=True)
    if m.group("fden") or m.group("fhalf") or m.group("oin"):
        value = _fraction(m)
        q = Quantity(value=value, bound=cue_bound, unit="fraction", text="")
        return _one(text, m, blocked, limit, cue_span, q)
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
    num_start = cue.end if cue else m.start()
    num_start = _skip_space(text, num_start)
    num_end = m.end()
    if _overlaps(blocked, num_start, num_end) or _is_identifier(text, num_start, num_end):
        return []
    unit_text, unit_end = (None, num_end) if q.unit else _unit_after(text, num_end, limit, vague)
    unit = q.unit or _unit_of(unit_text)
    if core is not None:
        if core.is_word_one and (unit is None or unit in TIME_UNITS):
            return []  # "one of the worst", "one day": a pronoun or a period
        if core.is_year_like and _is_year(text, m.start(), unit):
            return []
    if unit in TIME_UNITS and _is_period(text, m.start(), num_start, unit_end):
        return []
    start = cue.start if cue else num_start
    q = q.model_copy(update={"unit": unit, "text": text[start:num_end]})
    return [QuantityMatch(Span(start=start, end=unit_end), num_end, cue, unit_text, q, vague)]


def _interpret_range(
    text: str, m: re.Match[str], blocked: list[tuple[int, int]], limit: int, cue: Span | None
) -> list[QuantityMatch]:
    a_name, b_name = ("ra", "rb") if m.group("ra") else ("da", "db")
    a, b = _parse_core(m.group(a_name)), _parse_core(m.group(b_name))
    a_start, b_end = m.start(a_name), m.end(b_name)
    if a is None or b is None or _overlaps(blocked, a_start, b_end):
        return []
    if _is_identifier(text, a_start, b_end) or (a.is_year_like and b.is_year_like):
        return []
    # "between 1.2 and 1.5 million": the scale and currency written once cover both ends.
    lower = a.value
    if a.scale == 1 and b.scale != 1 and a.raw < b.raw:
        lower = a.raw * b.scale
    unit = b.unit or a.unit
    before = text[max(0, a_start - 6) : a_start].lower()
    if not m.group("between") and re.search(r"\bfrom\s*$", before):
        # "rose from 300 to 400" is a change: two figures, each exact.
        singles = [_QUANTITY.fullmatch(text, m.start(n), m.end(n)) for n in (a_name, b_name)]
        return [q for s in singles if s for q in _interpret(text, s, blocked, limit)]
    if lower >= b.value:
        return []  # a score ("3-1") or a season ("2020-21"), not a range
    if unit is None and a.unit is None and b.unit is None:
        unit_text, unit_end = _unit_after(text, b_end, limit, allow_of=False)
        unit = _unit_of(unit_text)
    else:
        unit_text, unit_end = None, b_end
    start = cue.start if cue else m.start("between") if m.group("between") else a_start
    q = Quantity(value=lower, upper=b.value, bound=Bound.range, unit=unit, text=text[start:b_end])
    if unit in TIME_UNITS and _is_period(text, m.start(), a_start, unit_end):
        return []
    return [QuantityMatch(Span(start=start, end=unit_end), b_end, cue, unit_text, q)]


def _parse_core(phrase: str | None) -> _Core | None:
    if not phrase:
        return None
    parts = _CORE_PARTS.fullmatch(phrase.strip())
    if parts is None:
        return None
    unit: str | None = None
    scale = 1.0
    if parts.group("digits"):
        digits = parts.group("digits")
        raw = float(digits.replace(",", ""))
        if parts.group("scale"):
            scale = SCALES[parts.group("scale").strip().lower()]
        attached = (parts.group("attached") or "").lower()
        if attached in ("m", "k"):
            if attached == "k" or parts.group("cur"):
                scale = SCALES["million" if attached == "m" else "k"]
            else:
                unit = "m"  # "10m" without a currency is ten metres
        elif attached:
            unit = attached
        year_like = re.fullmatch(r"\d{4}", digits) is not None and 1500 <= raw <= 2100
        is_one = False
    elif parts.group("halfa"):
        raw, scale = 0.5, float(WORD_SCALES[parts.group("halfa").split()[-1].lower()])
        year_like = is_one = False
    else:
        words = parts.group("words")
        raw, scale = _word_number(words)
        year_like = False
        is_one = words.strip().lower() == "one"
    if parts.group("cur"):
        unit = CURRENCY_PREFIXES[parts.group("cur").strip().lower()]
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
    )


def _word_number(phrase: str) -> tuple[float, float]:
    """(value before the last scale word, that scale): "three hundred" -> (3, 100)."""
    total, current, last_scale = 0, 0, 1
    for word in re.split(r"[\s-]+", phrase.lower()):
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
    if m.group("vmult"):
        scale = float(WORD_SCALES[m.group("vscale").lower()])
        if m.group("vthousand"):
            scale *= 1_000
        low, high = VAGUE_MULTIPLIERS[_squash(m.group("vmult"))]
        if high is None:
            return Quantity(value=low * scale, bound=Bound.about, text="")
        return Quantity(value=low * scale, upper=high * scale, bound=Bound.range, text="")
    value = VAGUE_PLURALS[m.group("vplural").lower()]
    if m.group("vof"):
        value *= VAGUE_PLURALS[m.group("vof").lower()] / 2  # tens of thousands = 20 x 1,000
    return Quantity(value=value, bound=Bound.at_least, text="")


def _fraction(m: re.Match[str]) -> float:
    if m.group("fhalf"):
        return 0.5
    if m.group("fden"):
        numerator = 1 if m.group("fnum").lower() == "a" else WORD_VALUES[m.group("fnum").lower()]
        return numerator / DENOMINATORS[m.group("fden").lower()]
    num = _small_number(m.group("oin"))
    den = _small_number(m.group("oinden"))
    return num / den if den > num else 0.0


def _small_number(token: str) -> float:
    return float(token) if token.isdigit() else _word_number(token)[0] * _word_number(token)[1]


# --------------------------------------------------------------------------- context tests


def _unit_after(text: str, pos: int, limit: int, allow_of: bool) -> tuple[str | None, int]:
    """The count noun after a number: "homes" in "312 homes were damaged".

    Reads at most three lowercase words and stops at a function word or verb; an adjective
    or participle may come first ("1,000 displaced people"), and the noun is the last word
    kept. Returns the unit words as written and where they end.
    """
    cursor = pos
    if allow_of:
        of = re.match(r"\s+of(?:\s+(?:the|all|its|their|these|those))?(?=\s)", text[pos:limit])
        if of:
            cursor = pos + of.end()
    words: list[tuple[str, int, int]] = []
    while len(words) < 3:
        nxt = _NEXT_WORD.match(text, cursor, limit)
        if nxt is None or not nxt.group(1)[0].islower():
            break
        word = nxt.group(1).lower()
        if word in _STOP_WORDS or (words and _verbish(word)):
            break
        words.append((nxt.group(1), nxt.start(1), nxt.end(1)))
        cursor = nxt.end(1)
    # Trailing participles and modifiers are not the noun: "180 flooded", "12 more".
    while words and (_verbish(words[-1][0].lower()) or words[-1][0].lower() in _MODIFIERS):
        words.pop()
    if not words:
        return None, pos
    first = words[0][1]
    return text[first : words[-1][2]], words[-1][2]


def _unit_of(unit_text: str | None) -> str | None:
    """The canonical unit of the words after a number: "displaced people" -> "people",
    "euros" -> "EUR"."""
    if not unit_text:
        return None
    head = unit_text.split()[-1].lower()
    return CURRENCY_WORDS.get(head) or singular(head)


def _verbish(word: str) -> bool:
    """A participle, gerund or adverb: "flooded", "remaining", "badly"."""
    return word.endswith(("ed", "ing", "ly")) and word not in _NOUNS_LIKE_VERBS


def _is_year(text: str, start: int, unit: str | None) -> bool:
    if unit is None or unit in TIME_UNITS:
        return True
    prev = _PREV_WORD.search(text, max(0, start - 30), start)
    return prev is not None and prev.group(1).lower().rstrip(".") in YEAR_LEADS


def _is_period(text: str, match_start: int, num_start: int, unit_end: int) -> bool:
    """A duration that sets the period of a figure: "in the past 24 hours", "for three days"."""
    for boundary in (match_start, num_start):
        prev = _PREV_WORD.search(text, max(0, boundary - 30), boundary)
        if prev and prev.group(1).lower() in PERIOD_LEADS:
            return True
    after = text[unit_end : unit_end + 12].lower().lstrip()
    return after.startswith(PERIOD_TAILS)


def _is_identifier(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 2) : start]
    if re.search(r"[A-Za-z][-‐]$|[#№*=^{}<>]\s?$", before) or re.match(
        r"\s?[*=^{}<>]", text[end : end + 2]
    ):
        return True  # COVID-19, #3, and code or arithmetic ("{{ 7*7 }}")
    if re.match(r"[-‐][A-Za-z]", text[end : end + 2]) and not re.match(
        r"[-‐](?:" + _NW + r")\b", text[end : end + 12], re.IGNORECASE
    ):
        return True  # a compound modifier: "10-year plan", "24-hour curfew"
    prev = _PREV_WORD.search(text, max(0, start - 20), start)
    if prev and (prev.group(1).lower() in DESIGNATORS or prev.group(1) in DESIGNATORS):
        return True
    if prev and (prev.group(1).endswith(".") or "\n" in text[prev.end(1) : start]):
        prev = None  # the word ends the sentence before: "High Street. Eight crews"
    if prev and _is_name_word(text, prev):
        return True  # "Shed 14", "Terminal 5", "Highway 61": a name, not a count
    if re.search(r"[A-Z][\w'’-]+,\s*$", text[max(0, start - 40) : start]) and re.match(
        r"\s*[,)]", text[end : end + 3]
    ):
        return True  # an age in apposition: "Hanne Rusk, 58, said"
    if prev and prev.group(1).lower() in AGE_LEADS:
        return True
    # "1. Evacuate" at the start of a line numbers a list item.
    return _opens_line(text, start) and _LIST_MARKER.match(text, end) is not None


def _opens_line(text: str, pos: int) -> bool:
    """Only blanks stand between the start of the line and ``pos``. Walks back over the
    blanks alone, never to the line start: a long line must not cost a scan per number."""
    while pos > 0 and text[pos - 1] != "\n" and text[pos - 1].isspace():
        pos -= 1
    return pos == 0 or text[pos - 1] == "\n"


def _is_name_word(text: str, prev: re.Match[str]) -> bool:
    """A capitalised word inside a sentence (not its first word, not a month or day)."""
    word = prev.group(1).rstrip(".")
    if not word[:1].isupper() or word in _CALENDAR_WORDS or not word.isalpha():
        return False
    before = text[max(0, prev.start() - 3) : prev.start()].rstrip(" \t\"“‘'(")
    return bool(before) and before[-1] not in ".!?:\n-–—"


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _squash(phrase: str) -> str:
    return " ".join(phrase.lower().split())


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
