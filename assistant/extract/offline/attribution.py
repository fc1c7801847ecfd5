"""Who says so: reporting constructions, wire credits and the outlet -> original chain.

Patterns recognised inside a sentence (the verbs and nouns are data, in
``source_lexicon``):

- ``X said`` / ``X says`` / ``X told <outlet>`` / ``X claimed|reported|estimated|
  testified|suggested...`` (``REPORTING_VERBS``), ``X said in a statement``, ``X is
  claiming``, ``X was quoted as saying``, ``X issued a statement``, ``records show``;
- the inverted ``"...," said X`` and ``..., said X`` (only for verbs that invert: never
  ``told`` or ``called``);
- ``according to X``; ``..., X reported, citing Y`` and ``According to <outlet>, X
  said`` (the outlet is the intermediary, X the original); ``X put the number of ...
  at``; a participle hung on its clause's subject (``Mr Doe denied it, saying ...``);
  a passive with its agent (``figures released by the ministry``, ``described by The
  Times as``);
- wire credits for the whole article: a dateline ``KESTWICK, March 2 (CPA) -``,
  ``(Reuters)``, a trailing ``— AP``.

What is no source: the subject of an ordinary verb, a word after "with" or "by" that
reports nothing, "called" meaning telephoned ("someone called 911") or named ("the
so-called ..."), a reporting word used as an adjective ("the alleged shooter", "the
reported offer"). A source is a person, body, document or outlet that says or reports.
An outlet is one by name (``OUTLETS``), by a word that names nothing else ("the state
broadcaster", "a local newspaper"), or by an outlet word that heads its name ("state
radio", "the cable network", "Channel 9") - not "an extremist network" or "a radio host".

Source names are kept as written and only trimmed; a generic source that opens the
sentence loses its capital ("Officials said" -> "officials"), because that capital is the
sentence's, not the name's. Canonicalising names is the rule layer's job; "he" and "she"
are resolved against the rest of the article by ``speakers``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache

from assistant.extract.offline.lexicon import words
from assistant.extract.offline.source_lexicon import (
    ABBREVIATIONS,
    AGENT_VERBS,
    AMBIGUOUS_VERBS,
    CLOSING_THAT_VERBS,
    DOCUMENT_AGENT_VERBS,
    DOCUMENT_NOUNS,
    EVIDENCE_VERBS,
    GENERIC_SOURCES,
    INVERTIBLE_VERBS,
    MEDIA_HEADS,
    MEDIA_MODIFIERS,
    NAME_PARTICLES,
    NEWSPAPER_TITLES,
    OUTLET_HEADS,
    OUTLET_WORDS,
    OUTLETS,
    PARTICIPLES,
    PICTURE_NOUNS,
    QUESTION_VERBS,
    REPLY_VERBS,
    REPORTING_VERBS,
    ROLE_WORDS,
    THAT_VERBS,
)
from assistant.model import SourceLink, SourceRole, Span

__all__ = [
    "GENERIC_SOURCES",
    "OUTLETS",
    "PRONOUNS",
    "REPORTING_VERBS",
    "ROLE_WORDS",
    "Attribution",
    "AttributionForm",
    "attribution_for",
    "build_chain",
    "find_attributions",
    "find_wire_credit",
    "is_outlet",
    "main_attribution",
    "outlet_named_before",
    "quotation_spans",
]

PRONOUNS = words("he she they it we")
_OBJECTS = PRONOUNS | words("him her them us me")
_NOT_SOURCES = words("""
    which who that this there what where i you one no nobody none neither nothing anyone
    anybody everyone everybody
    """)
# A negated report reports nothing: "officers did not say why", "didn't say".
_NEGATIONS = words("not never no n't didn't don't doesn't won't wouldn't couldn't can't")
_AUXILIARIES = words(
    """
    is are was were be been being has have had do does did will would can could may might
    must should
    """
)
# Adverbs that stand between a source and its verb: "the ministry also said", "as the
# Journal first reported".
_ADVERBS = words(
    """
    also previously later earlier first initially originally then now still again
    repeatedly publicly privately separately recently finally subsequently further already
    once since yet just reportedly always too however meanwhile instead likewise though
    """
)
# Lower-case words ending in -ly that are nouns or adjectives, not adverbs.
_LY_NOUNS = words("daily weekly monthly quarterly family ally rally assembly supply italy")
_DETERMINERS = words("the a an his her its their our my your this these those")
# Verbs of speech that are never nouns nor passives: the clause after one has a subject
# of its own ("Doe said he believed ...").
_SPEECH_VERBS = words("""
    said says say told tells added adds wrote writes noted explained insisted insists
    argued argues stated warned warns testified admitted acknowledged
    """)
# Past tenses without -ed that end a subject: "the suspect thought", "the man said".
_IRREGULAR_PAST = words("""
    thought said told gave took made went came saw knew found felt left kept held ran
    began became brought bought wrote spoke heard met sent put set led won lost paid
    """)
_PASSIVE = words("is are was were be been being")
_BOUNDARY_WORDS = words(
    """
    that and but as while when where because after before although though if since who which
    whom so or
    """
)
_CONJUNCTIONS = words("and but or so then yet nor")
_PREPOSITIONS = words(
    """
    in on at after before during for from by with of to under over through about into via
    without within amid among against despite upon across behind near outside inside along
    alongside including like unlike besides except per
    """
)
_RELATIVES = words("who whom which whose where")
_REFLEXIVES = words("himself herself themselves itself")
_TIME_WORDS = words(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    week month year weekend morning afternoon evening night day days hour hours moment
    """
)
# Who can open an inverted source in lower case: '..., said the ministry', 'said one man'.
_INVERTED_OPENERS = (
    words("the a an one some another several many two three four his her their its")
    | GENERIC_SOURCES
    | ROLE_WORDS
)
# A role appositive longer than this is left out of the name: "Max Doe" is enough.
_MAX_ROLE_WORDS = 6
_NAME_EDGE = ",;:.\"“”'’"
_WORD_RE = re.compile(r"[\w'’-]+")
# Quantities before a noun: "one man", "two officials".
_QUANTIFIERS = words("one two three four five several some many both each another")
_OPENERS = words("a an the") | _QUANTIFIERS
# Capitalised at the start of a clause, but no subject that can report.
_NOT_SUBJECTS = _QUANTIFIERS | words("the a an more most less all such other this that these those")
# Unions the checks below use, made once.
_NO_REPORT_AFTER = _PASSIVE | {"to"}  # "is estimated", "declined to say"
_BEFORE_VERBS = _ADVERBS | _AUXILIARIES
_CLAUSE_OPENERS = _CONJUNCTIONS | _ADVERBS
_NAME_OPENERS = _DETERMINERS | GENERIC_SOURCES | ROLE_WORDS | _QUANTIFIERS
_NOT_INVERTED = _NOT_SOURCES | _PREPOSITIONS | _TIME_WORDS | _ADVERBS
_LINKS = _CONJUNCTIONS | _PREPOSITIONS
_SOURCE_OPENERS = GENERIC_SOURCES | _DETERMINERS
_NO_AGENTS = _OBJECTS | _NOT_SOURCES
_MAIN_VERBS = EVIDENCE_VERBS | {"put", "puts"}
_NOT_IN_NAMES = _AUXILIARIES | _NEGATIONS
_NAMES_NO_ONE = _DETERMINERS | _ADVERBS | _TIME_WORDS  # "the", "earlier", "Friday"


def _trie(words: frozenset[str]) -> str:
    """A regex for any of ``words`` with shared prefixes factored out ("sa(?:id|ys?)"):
    the verb list is long, and a flat alternation tries every word at every word."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not ends else f"(?:{'|'.join(branches)})"
        return body + ("?" if ends else "")

    return emit(tree)


_VERB_RE = re.compile(rf"\b(?P<verb>{_trie(REPORTING_VERBS)})\b")
_QUOTE_MARK = re.compile(r"[\"“”]")
# What an ambiguous verb must be followed by to be a verb: "claims that", "reports 40".
_REPORTED_CONTENT = re.compile(
    r"\s+(?:that|the|a|an|it|they|he|she|there|his|her|their|its|him|them|\d|[A-Z]|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|some|more|about|at|up|nearly)\b)"
)
_PUT_RE = re.compile(
    r"\b(?P<verb>put|puts|gave|gives|pegged)\b(?=\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:number|figure|toll|total|tally|count|cost|damage|offer|value|price|crowd|turnout|"
    r"attendance|size|loss|losses|estimate)s?\b)"
)
# "Marwick quoted Brandt as saying": Marwick, whom the article cites, is the source.
_QUOTED_RE = re.compile(r"\b(?P<verb>quoted)\s+(?:[\w’'.-]+\s+){1,4}?as\s+(?:saying|telling)\b")
# "X made note of ...": X notes it.
_NOTE_RE = re.compile(r"\b(?P<verb>made|makes)\s+(?:a\s+)?note\s+of\b")
# "X issued a statement", "X has issued an update": X speaks in it.
_STATEMENT_RE = re.compile(
    r"\b(?P<verb>issued|released|put\s+out|published)\s+(?:a|an|its|their|his|her)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:statement|update|release|communiqu[eé]|bulletin)\b"
)
# "the army is also claiming", "ESPN is reporting": a be-form that is not a passive.
_PROGRESSIVE_RE = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:(?:also|now|still|widely)\s+)?"
    r"(?P<verb>reporting|claiming|saying|telling|warning|estimating|predicting|insisting|"
    r"alleging|suggesting|arguing)\b"
)
_QUOTED_AS_RE = re.compile(
    r"\b(?:was|were|is|are|has\s+been|had\s+been)\s+quoted\s+(?:[\w’'-]+\s+){0,4}?as\s+"
    r"(?P<verb>saying|telling)\b"
)
_PARTICIPLES = "|".join(sorted(PARTICIPLES))
_PARTICIPLE_RE = re.compile(
    rf"(?:,\s*|\s+and\s+|\b(?:statement|release|letter|post|tweet|update)\s+)"
    rf"(?P<verb>{_PARTICIPLES})\b"
)
_AGENTS = "|".join(sorted(AGENT_VERBS | DOCUMENT_AGENT_VERBS))
_AGENT_RE = re.compile(rf"\b(?P<verb>{_AGENTS})\s+by\s+")
# Where the agent's name ends: "described by The Times as", "released by X on Monday".
_AGENT_END = re.compile(r"\s+(?:as|to|for|in|at|after|before|from|since|during|with|when)\b")
_ACCORDING_RE = re.compile(r"\b(?P<verb>according to|citing)\s+", re.IGNORECASE)
# "called" reports only before a quotation ('called the devices "crude"'), "for", or
# "it a ...": "called 911", "called police", "called in six engines" report nothing.
_CALLED_REPORTS = re.compile(
    r"\s+(?:for\b|(?:it|this|that|them|him|her)\s+(?:a|an|the)\b|(?:[\w’'-]+\s+){0,5}?[\"“])"
)
# "added 10 years", "added to the list", "added a further four": an object, not a report.
_ADDED_OBJECT = re.compile(
    r"\s+(?:to\b|\d|a\b|an\b|the\b|some\b|more\b|another\b|nearly\b|about\b|up\b|at\b|"
    r"its\b|their\b|his\b|her\b|(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|dozens|hundreds|thousands)\b)"
)
# "IBM added carbon consulting to ...": a bare noun after "added" is its object; a report
# goes on with a clause ("added it was", "added later that", "added: ...").
_BARE_OBJECT = re.compile(
    r"\s+(?!(?:that|it|he|she|they|we|i|you|there|this|these|those|later|also|too|then|"
    r"however|in|on|when|if|though)\b)[a-z][\w’'-]*\b"
)
# "posted on Facebook that", "posted a statement": a report; "posted a 43-39 record", "posted
# a loss": a result, not a report.
_POSTED_REPORTS = re.compile(
    r"\s+(?:(?:on|online|to)\b(?:\s+[\w.’'-]+){0,4}?\s*(?:that\b|saying\b|[:\"“])"
    r"|that\b|[:\"“]"
    r"|(?:a|an|the)\s+(?:\w+\s+)?(?:message|statement|video|tweet|photo|picture|note|"
    r"letter|comment|update|notice)s?\b)"
)
# Someone described by a charge: "the woman accused of killing", "a man charged with
# stealing". Not "she is accused of": a statement, whoever makes it.
_DESCRIBED_ACCUSED = re.compile(
    r"\b(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}(?:accused|charged|convicted|suspected)\s+"
    r"(?:of|with|in)\s+(?:[\w'’-]+\s+){0,2}$"
)
# A past tense with its object inside a would-be name: no name, a clause.
_VERB_INSIDE = re.compile(r"(?:^|\s)[a-z]{3,}ed\s+(?:the|a|an|to|his|her|their|its|that)\b")
# "told her to leave", "told reporters to expect": an instruction, not a report.
_TOLD_TO = re.compile(r"\s+(?:[\w’'-]+\s+){1,3}?to\s+[a-z]")
# Inside a sentence: a break that ends what one attribution covers.
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+[\"“‘(]*[A-Z]")
# "He was paroled ... and detectives said": a report that opens a clause of its own.
# (and "as", "when", "because": "..., bringing the toll to 12, as the agency said up to 30
# may be missing": the agency says only what follows)
_NEW_CLAUSE = words("and but yet while whereas although though as when because since")
_PARENTHESES = re.compile(r"\([^()]*\)")
# A report opened between a figure and a later report: the later one does not reach back.
_THAT_BETWEEN = re.compile(r"\b(?:said|says|told|testified|added|wrote|claimed)\s+that\b")
# "According to police, 40 died": a fronted attribution has few words before it.
_FRONTED_WORDS = 3
# "X said that ..., but Y": what X said ends at a contrast, or at a clause with a
# subject of its own ("..., and it appears that ...").
_CONTRAST = re.compile(
    r"(?:[,;—–-]\s*|\s)(?:but|although|though|while|whereas|yet)\b|,\s+and\s+(?:it|there)\b"
)
# Verbs that put a figure on something: what they report always follows them.
# Heads of a subject that is evidence, not a speaker.
_EVIDENCE_HEADS = words("investigation inquiry probe autopsy surveillance search analysis")
_PUTS_AT = words("put puts gave gives pegged valued estimated estimates recorded measured")
# What opens a report after its verb: "said that", "said:", 'said "...'.
_REPORT_OPENS = re.compile(r"\s*(?:that\b|:|[\"“‘])")
# "asked why", "questioned whether": a question is a report too.
_QUESTION_FOLLOWS = re.compile(r"\s+(?:why|whether|how|if|what|when|who)\b")
_REPLY_FOLLOWS = re.compile(r"\s*(?::|,?\s*[\"“‘]|that\b)")
# What a disaster claims: "claimed the life of", "claimed 40 lives", "claimed his life".
_LIVES_FOLLOW = re.compile(r"\s+(?:[\w’'-]+\s+){0,2}?li(?:fe|ves)\b")
# "reminded jurors that", "reminds the court that": a report to someone.
_REMINDED_THAT = re.compile(r"\s+(?:[\w’'-]+\s+){1,3}?that\b")
_ENDS_SENTENCE = re.compile(r"\s*[.!?]?[\"”’')]*\s*")
_COMMA_SUBJECT = re.compile(r",\s*(?:[\w’'.-]+\s+){1,4}$")
_QUOTATION_BEFORE = re.compile(r"[,!?][\"”’']\s*(?:[\w’'.-]+\s+){0,4}$")
_THAT_FOLLOWS = re.compile(r"\s+(?:that|it|he|she|they)\b")
# Clause boundaries inside a sentence. A full stop is one only when it ends no
# abbreviation or initial (see ``_stops``).
# (Not the comma inside a number: "A poll of 1,208 adults found".)
_STOP = re.compile(r",(?:(?<!\d,)|(?!\d))|[;:()\"“”—–―]|\s--?\s|[.!?](?=\s|$)")
# What follows a name but is not part of it: "said the ministry on Monday in a statement".
_TRAILING = re.compile(
    r"\s+(?:on|late|early|earlier|last|this|yesterday|today|during|who|which|whose|that|as|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"in\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+)?"
    r"(?:statement|interview|bulletin|post|briefing|report|letter|email|tweet|release|"
    r"conference|speech|video|message))"
    r"\b"
)
# What the document a speaker spoke in was done by: "in a release issued by the team".
_DOCUMENT_AGENT_TAIL = re.compile(
    rf"^\s+in\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+)?[\w-]+\s+"
    rf"(?:{'|'.join(sorted(DOCUMENT_AGENT_VERBS))})\s+by\b"
)
# What someone writes that is a work, not a report: "wrote a law", "wrote the song".
_AUTHORED = re.compile(
    r"\s+(?:a|an|the|his|her|their|its)\s+(?:[\w'’-]+\s+){0,2}?(?:law|laws|bill|bills|book|"
    r"books|novel|novels|song|songs|script|screenplay|play|opera|legislation|amendment|"
    r"constitution|symphony|memoir|biography|column|thesis)\b"
)
# A body's initials in brackets after its name, before the verb: "(DMW) said".
_ACRONYM_BEFORE = re.compile(r"\s*\([A-Z][A-Za-z&.-]{1,11}\)\s*$")
# What a poll or study is of and when it was done, after its name: "A Hartwell Research
# poll of 1,208 adults conducted March 6-9 found": the poll is the source.
_SAMPLE_TAIL = re.compile(
    r"\s+(?:(?:of|among|with)\s+(?:about\s+|some\s+|more\s+than\s+)?[\d,.]+\s.*"
    r"|(?:conducted|carried\s+out|taken|done)\s.*)$"
)
# A time adjunct between a source and its verb: "the trustees last week warned".
_TIME_TAIL = re.compile(
    r"\s+(?:on\s+)?(?:(?:early|late|earlier|later)\s+)?(?:(?:last|this|next)\s+)?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|tonight|week|month|"
    r"year|weekend|morning|afternoon|evening|night)"
    r"(?:\s+(?:morning|afternoon|evening|night))?$"
)
# The clause after a verb, to its first stop; the comma or point inside a number
# ("said about 40,000 litres had flowed") stops nothing.
_FIRST_CLAUSE = re.compile(r"(?:[^,.;:!?“\"]|(?<=\d)[,.](?=\d))*([,.;:!?“\"]?)")
_TAIL_WINDOW = 80
_CHUNK_REACH = 240
# Small patterns the checks below use, compiled once.
_PAUSE = re.compile(r"[,;]")
_PAUSE_OR_ASIDE = re.compile(r"[,;(]")
_COMPARED = re.compile(r"\bthan\s*$", re.IGNORECASE)  # "one more than X has confirmed"
_DIGIT = re.compile(r"\d")
_BY_FOLLOWS = re.compile(r"\s+by\b")
_AS_FOLLOWS = re.compile(r"\sas\s")
_AT_FOLLOWS = re.compile(r"\s+(?:[\w’'-]+\s+){0,3}?at\b")
_OF_TO_FOLLOWS = re.compile(r"\s+(?:of|to)\b")
_DOTTED_WORD = re.compile(r"[\w.]+$")
_DOMAIN = re.compile(r"\s?(?:com|org|net)\b")
# Words in the longest source name; a longer run is a clause.
_LONGEST_NAME = 10
_LONGEST_WORD = 30
# How many lower-case words a subject after "the" may have: "the local council".
_NOUN_WORDS = 3
# A party tag or an age: "Ida Corbel, R-Ohio, said", "Mila Horn, 60, said".
_TAG = re.compile(
    r"\(?(?:[RDI]-[A-Z][\w.]*|(?:Republican|Democrat|Democratic|Independent)\b.*|\d{1,3})\)?"
)
# An age that opens a name after its verb: '"...," said the 36-year-old Lee'.
_AGE_BEFORE_NAME = re.compile(r"^(?:the\s+)?\d{1,3}-year-old\s+(?=[A-Z])")
_DATELINE_CREDIT = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40},?(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s+"
    r"\((?P<wire>[A-Za-z][A-Za-z&.' -]{0,40})\)\s*[-–—]",
    re.MULTILINE,
)
_OUTLET_ALT = "|".join(re.escape(o) for o in sorted(OUTLETS, key=len, reverse=True))
_OUTLET_SET = frozenset(o.lower() for o in OUTLETS)
_OUTLET_WORDS_RE = re.compile(rf"\b(?:{OUTLET_WORDS})\b", re.IGNORECASE)
_TITLE_ALT = "|".join(sorted(NEWSPAPER_TITLES))
# A newspaper by its title: capitalised words ending in one ("the New York post" too).
_NEWSPAPER = re.compile(
    rf"(?:(?:[A-Z][\w.'’-]*\s+)*(?:{_TITLE_ALT})|(?:[A-Z][\w.'’-]*\s+)+(?i:{_TITLE_ALT}))"
)
_MEDIA_WORD_RE = re.compile(
    rf"\b(?:{'|'.join(sorted(OUTLET_HEADS | MEDIA_HEADS))})\b", re.IGNORECASE
)
# A web site ("MyCityNews.com") or a station ("WKRT-TV").
_SITE_OR_STATION = re.compile(r"\b[\w-]+\.\s?(?:com|org|net|co\.uk)\b|-(?:TV|FM|AM|DT)\b")
# A broadcast call sign counts only as the owner of a reporter ("KBRT's Nell Ashby"): alone,
# "WHO" or "KGB" would pass for one.
_CALL_SIGN = re.compile(r"[KW][A-Z]{2,3}")
_POSSESSIVE_PERSON = re.compile(r"^(?P<owner>.+?)['’]s?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+$")
_TOLD_OUTLET = re.compile(
    rf"\s+(?P<to>{_OUTLET_ALT}|(?:the\s+)?[A-Z][\w&'’-]*(?:\s+(?:of\s+)?[A-Z][\w&'’-]*)*)\b"
)
# An outlet named in running text: "a CNN contributor", "told WKRT-TV".
_OUTLET_MENTION = re.compile(
    rf"\b(?:{_OUTLET_ALT})\b|\b[\w-]+\.(?:com|org|net|co\.uk)\b|\b[A-Z]{{3,4}}-(?:TV|FM|AM|DT)\b"
)
_PAREN_CREDIT = re.compile(rf"\((?P<wire>{_OUTLET_ALT})\)")
_DASH_CREDIT = re.compile(rf"[—–-]\s*(?P<wire>{_OUTLET_ALT})\s*$", re.MULTILINE)


class AttributionForm(StrEnum):
    """How a construction names its source; it decides what the attribution covers."""

    subject = "subject"  # "the ministry said (that) ...": what follows, or what precedes
    inverted = "inverted"  # '"...," said the ministry': what precedes
    according = "according"  # "according to X", "citing X": its own clause
    participle = "participle"  # "..., saying ...": what follows
    agent = "agent"  # "figures released by the ministry": its own clause
    carried = "carried"  # a quotation that goes on with the previous speaker: all of it


@dataclass(frozen=True, slots=True)
class Attribution:
    """One reporting construction in a sentence.

    ``original`` is whoever made the statement (``None`` when the sentence names only an
    outlet, as in "the BBC reported"); ``intermediaries`` are the outlets it came
    through ("told Reuters", "Reuters reported, citing ..."); ``cue``/``cue_span`` are
    the reporting words ("said", "according to"). A ``carried`` attribution names no one
    in its sentence: a quotation that goes on with the previous sentence's speaker. Its
    spans are empty, at the end of the sentence.
    """

    original: str | None
    cue: str
    cue_span: Span
    span: Span  # the whole construction: "the interior ministry said", "according to X"
    intermediaries: tuple[str, ...] = field(default=())
    form: AttributionForm = AttributionForm.subject

    @property
    def is_pronoun(self) -> bool:
        return self.original is not None and self.original.lower() in PRONOUNS

    @property
    def carried(self) -> bool:
        return self.form is AttributionForm.carried


# What may close a sentence, and how far from its end: "..., police said on Monday."
_CLOSING_FORMS = frozenset(
    {AttributionForm.subject, AttributionForm.inverted, AttributionForm.according}
)
_CLOSING_REACH = 80
# What stands between a speaker and the outlet that relays them: a comma. After a
# relative clause ("said Doe, who was hurt, according to ...") the outlet tells the clause.
_SPEAKING_FORMS = frozenset({AttributionForm.subject, AttributionForm.inverted})
_RELAY_GAP = re.compile(r"\s*,?\s*")


def find_attributions(text: str, start: int, end: int) -> list[Attribution]:
    """Reporting constructions in the sentence ``text[start:end]``, in text order.

    ``start`` should be the start of a sentence: a source at that position loses its
    sentence-initial capital when it is generic. Raises nothing.
    """
    quoted = quotation_spans(text, start, end)
    found: list[Attribution] = []
    if text.find("ccording", start, end) >= 0 or text.find("citing", start, end) >= 0:
        for m in _ACCORDING_RE.finditer(text, start, end):
            found.extend(_according(text, m, end))
    # One scan for every cue word; each construction is then matched where its cue is.
    for cue in _CUE_RE.finditer(text, start, end):
        at = cue.start()
        if quoted and any(qs < at < qe for qs, qe in quoted):
            continue  # the quoted person's words, not an attribution
        for finder in _FINDERS_BY_CUE[cue.group(0)]:
            match = finder.at(text, at, start, end)
            if match is not None and (attribution := finder.read(text, match, start, end)):
                found.append(attribution)
    return _merged(text, found)


@lru_cache(maxsize=16)
def quotation_spans(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The quotations of ``text[start:end]`` as (start, end) pairs. Curly and straight
    marks pair with each other as written ('“heartbroken"'); a quotation left open runs
    to ``end``. Cached: the extractor asks about each sentence several times."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for mark in _QUOTE_MARK.finditer(text, start, end):
        ch, i = mark.group(0), mark.start()
        if ch == "“" or (ch == '"' and open_at is None):
            if open_at is None:
                open_at = i
        elif open_at is not None:
            spans.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        spans.append((open_at, end))
    return tuple(spans)


def attribution_for(
    text: str, attributions: list[Attribution], span: Span, start: int, end: int
) -> Attribution | None:
    """The attribution the figure at ``span`` in the sentence ``text[start:end]`` rests
    on: one that introduces it ("Insurers warned that claims could run into ..."), else
    the nearest one that covers it; ``None`` when none does. A report covers what it
    introduces up to a contrast ("X said that ..., but ..."), or what precedes it in its
    sentence ("..., X said"); not a figure before a report that opens a clause of its
    own ("She served two terms and aides said that ..."), nor one after a report that
    closed its own ('"...," Marwick said, but the 40-year-old ...'), nor one
    across a sentence that the splitter left joined. Raises nothing."""
    if len(attributions) == 1 and attributions[0].carried:
        return attributions[0]  # a quotation that goes on: all of it
    if _DESCRIBED_ACCUSED.search(text, max(start, span.start - 60), span.start):
        # "Dorsey says the woman accused of killing two co-workers is a good person": the
        # charge describes whom he speaks of; it is no figure he gives.
        return None
    quoted = quotation_spans(text, start, end)
    covering = [a for a in attributions if _covers(text, a, span, start, end, quoted)]
    final = [a for a in covering if _closes_sentence(text, a, end)]
    if final:
        inner = _inner_report(final[-1], covering, span)
        if inner is not None:
            return inner  # "Police said 40 died, the Herald reported": police, via the Herald
        return final[-1]  # "A, but witnesses said B and C, police said": police say it all
    outer = _outer_report(text, covering, span)
    if outer is not None:
        return outer  # "Howell reminded jurors that a cousin testified he called 3 times"

    def distance(a: Attribution) -> int:
        if a.span.end <= span.start and not _PAUSE_OR_ASIDE.search(text, a.span.end, span.start):
            return 0
        return max(0, a.span.start - span.end, span.start - a.span.end)

    # "Police said that ... (the Post says 3 ...)": the aside's report is the nearer.
    return min(covering, key=distance) if covering else None


def _inner_report(
    closing: Attribution, covering: list[Attribution], span: Span
) -> Attribution | None:
    """The report inside an outlet's closing one ("Police said 40 people died, the Herald
    reported"): the figure is the inner speaker's, passed on by the outlet. ``None`` when
    the closing report is no outlet's or no other report opens before the figure."""
    if closing.original is None or not is_outlet(closing.original):
        return None
    inner = [
        a
        for a in covering
        if a is not closing
        and a.span.end <= span.start
        and a.original is not None
        and not a.is_pronoun
        and not is_outlet(a.original)
    ]
    if not inner:
        return None
    speaker = inner[-1]
    return replace(speaker, intermediaries=(*speaker.intermediaries, closing.original))


def _outer_report(text: str, covering: list[Attribution], span: Span) -> Attribution | None:
    """A report whose content holds another report that covers the figure: the figure is
    the outer speaker's, who passes the inner one on ("Doe said that witnesses saw 40")."""
    before = [a for a in covering if a.span.end <= span.start and a.form is AttributionForm.subject]
    for outer in before:
        if not _REPORT_OPENS.match(text, outer.span.end) and not _REMINDED_THAT.match(
            text, outer.span.end
        ):
            continue  # only "said that", "reminded jurors that": a report opened
        if any(
            inner is not outer
            and outer.span.end <= inner.span.start < span.start
            and not _CONTRAST.search(text, outer.span.end, inner.span.start)
            and "(" not in text[outer.span.end : inner.span.start]  # "(the Post says 3)"
            for inner in covering
        ):
            return outer
    return None


def _covers(
    text: str, a: Attribution, span: Span, start: int, end: int, quoted: Sequence[tuple[int, int]]
) -> bool:
    if a.carried or span.start <= a.span.start < a.span.end <= span.end:
        return True  # a quotation going on; a report inside the quoted clause itself
    if a.span.start <= span.start and span.end <= a.span.end:
        return False  # "Lee, 60, said", "said the 36-year-old Lee": it describes the source
    if a.span.start >= span.end:  # the report comes after the figure
        if _break_between(text, span.end, a.span.start, quoted):
            return False
        if a.form is AttributionForm.agent:
            return not _PAUSE.search(text, span.end, a.span.start)
        if not _leading(text, a, end):
            return True  # "..., police said": all that precedes
        between = text[span.end : a.span.start]
        if _last_word(between.rstrip()).lower() in _NEW_CLAUSE or _CONTRAST.search(between):
            return False
        if _THAT_BETWEEN.search(between):
            return False  # "Lee, 19, said that she heard someone say ...": Lee's report opened
        return not _in_fronted_phrase(text, span, start, a)
    if _break_between(text, a.span.end, span.start, quoted):
        return False
    if a.form is AttributionForm.agent:
        return not _PAUSE.search(text, a.span.end, span.start)
    if a.form is AttributionForm.according:
        return len(_WORD_RE.findall(text, start, a.span.start)) <= _FRONTED_WORDS
    if not (_leading(text, a, end) or _parenthetical(text, a, start, end)):
        return False
    return not _CONTRAST.search(text, a.span.end, span.start)


def main_attribution(text: str, attributions: list[Attribution], end: int) -> Attribution | None:
    """The attribution a sentence with no figure rests on: the one that closes it
    ("..., which he claimed was his, officials said."), else the first. Raises
    nothing."""
    if not attributions:
        return None
    answers = [a for a in attributions if a.cue not in QUESTION_VERBS]
    if answers and attributions[0].cue in QUESTION_VERBS:
        attributions = answers  # "When Doe asked whether ..., Roe answered, ...": Roe speaks
    speakers = [a for a in attributions[1:] if a.form in _SPEAKING_FORMS and a.original]
    if speakers and attributions[0].form is AttributionForm.agent:
        attributions = speakers  # "In a statement released by the team, Roe noted, ...": Roe
    first = attributions[0]
    final = [a for a in attributions if _closes_sentence(text, a, end)]
    if not final or (first.form is AttributionForm.subject and _opens_sentence(text, first)):
        return first  # "A neighbour told officers that ..., the prosecutor said": the neighbour
    return final[-1]


def _opens_sentence(text: str, a: Attribution) -> bool:
    """A person or body that opens the sentence and reports in its main clause - not a
    document or evidence ("An initial investigation revealed that ..., police said")."""
    before = text[max(0, a.span.start - 3) : a.span.start]
    if before.strip(" \"“‘'(") and not re.search(r"[.!?\n]\s*$", before):
        return False
    name = (a.original or "").lower().split()
    return not any(w in DOCUMENT_NOUNS or w in _EVIDENCE_HEADS for w in name)


def _closes_sentence(text: str, a: Attribution, end: int) -> bool:
    """ "..., police said." / "..., according to Marwick.": nothing but adjuncts after it."""
    if a.form not in _CLOSING_FORMS or end - a.span.end > _CLOSING_REACH:
        return False
    return _closes(text, a.form, a.span.start, a.span.end, end)


@lru_cache(maxsize=256)
def _closes(text: str, form: AttributionForm, at: int, stop: int, end: int) -> bool:
    """``_closes_sentence`` for an attribution at ``text[at:stop]``; cached, since each
    figure of a sentence asks."""
    if form is AttributionForm.subject and _leads(text, stop, end):
        return False
    if not re.search(r"[,”\"]\s*$", text[max(0, at - 20) : at]):
        return False
    return re.fullmatch(r"[^,;:“\"]*[.!?]?[\"”’)]*\s*", text[stop:end]) is not None


def _in_fronted_phrase(text: str, span: Span, start: int, a: Attribution) -> bool:
    """ "After two decades of silence, she admitted ...": a figure in the
    phrase that opens the sentence sets the scene; the report begins after it."""
    first = _WORD_RE.match(text, _skip_space(text, start))
    if first is None or first.group(0).lower() not in _PREPOSITIONS:
        return False
    return "," not in text[start : span.start] and "," in text[span.end : a.span.start]


def _break_between(text: str, lo: int, hi: int, quoted: Sequence[tuple[int, int]]) -> bool:
    """A sentence boundary (outside quotations) between ``lo`` and ``hi``."""
    if text.find(".", lo, hi) < 0 and text.find("!", lo, hi) < 0 and text.find("?", lo, hi) < 0:
        return False  # most spans hold no full stop at all
    for m in _SENTENCE_BREAK.finditer(text, lo, min(len(text), hi + 3)):
        if m.start() >= hi or any(qs <= m.start() < qe for qs, qe in quoted):
            continue
        if m.group(0)[0] == "." and _abbreviation_at(text, lo, m.start()):
            continue  # "Mr. Marwick"
        return True
    return False


def _parenthetical(text: str, a: Attribution, start: int, end: int) -> bool:
    """ "At one point, Marwick said, crews ...": an attribution between commas covers
    the whole sentence."""
    lead = text[start : a.span.start].rstrip()
    return lead.endswith(",") and text[a.span.end : end].lstrip().startswith(",")


def _leading(text: str, a: Attribution, end: int) -> bool:
    """Whether what the attribution reports follows it ("X said that ...", "X said 40
    ...", "X said on Monday: ...", "..., saying ...") rather than precedes it ('"...," X
    said in a statement.')."""
    if a.form is AttributionForm.participle or a.cue in _PUTS_AT:
        return True  # "..., saying ...", "the city had valued it at $380,600"
    if a.form is not AttributionForm.subject:
        return False
    return _leads(text, a.span.end, end)


@lru_cache(maxsize=256)
def _leads(text: str, at: int, end: int) -> bool:
    """``_leading`` for a subject-form attribution ending at ``at``; cached, since every
    figure of a sentence asks about the same attributions."""
    after = _PARENTHESES.sub("", text[at:end])
    if _REPORT_OPENS.match(after):
        return True
    first = re.match(r"\s*(?:[$€£¥]|[A-Z]{1,3}\$)?([\w'’-]+)", after)  # 'said $281 million'
    if first is None:
        return re.match(r"\s*,\s*[\"“‘]", after) is not None  # 'said, "..."'
    word = first.group(1).lower()
    if word not in _PREPOSITIONS and word not in _TIME_WORDS and word not in _ADVERBS:
        return True
    clause = _FIRST_CLAUSE.match(after)
    assert clause is not None  # the pattern matches any text
    if clause.group(1) in (":", "“", '"'):
        return True  # "said on Monday: ..."
    if clause.group(1) == "," and re.match(r"\s*[\"“‘]", after[clause.end() :]):
        return True  # 'said in a statement, "..."'

    return any(_verbish(w) or w == "that" for w in _WORD_RE.findall(clause.group(0)))


def find_wire_credit(text: str, outlet: str | None = None) -> str | None:
    """The wire service an article is credited to ("CPA" in ``KESTWICK, March 2 (CPA) -``,
    "Reuters" in ``(Reuters)``), or ``None`` when there is none or it is ``outlet``
    itself (by name or by initials). Raises nothing."""
    head = text[:400]
    m = _DATELINE_CREDIT.search(head) or _PAREN_CREDIT.search(text) or _DASH_CREDIT.search(text)
    if m is None:
        return None
    wire = m.group("wire").strip()
    if outlet and _same_outlet(wire, outlet):
        return None
    return wire


def build_chain(
    outlet: str | None, wire: str | None, attribution: Attribution | None
) -> list[SourceLink]:
    """outlet -> intermediaries -> original, without repeats. Raises nothing."""
    links: list[SourceLink] = []
    if outlet:
        links.append(SourceLink(name=outlet, role=SourceRole.outlet))
    intermediaries = [wire] if wire else []
    original: str | None = None
    if attribution is not None:
        intermediaries.extend(attribution.intermediaries)
        original = attribution.original
        if original and is_outlet(original):
            intermediaries.append(original)
            original = None
    for name in intermediaries:
        if name and all(not _same_outlet(name, link.name) for link in links):
            links.append(SourceLink(name=name, role=SourceRole.intermediary))
    if original:
        links.append(SourceLink(name=original, role=SourceRole.original))
    return links


@lru_cache(maxsize=4096)
def is_outlet(name: str) -> bool:
    """Whether ``name`` is a news outlet or one of its reporters ("Reuters", "the cable
    network", "state radio", "Channel 9", "MyCityNews.com", "WKRT-TV", "CNN and NBC",
    "KBRT's Nell Ashby"); not "an extremist network" or "a radio host"."""
    name = name.strip()
    bare = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)
    if bare.lower() in _OUTLET_SET or name.lower() in _OUTLET_SET:
        return True
    if _OUTLET_WORDS_RE.search(name) or _SITE_OR_STATION.search(bare):
        return True
    if _NEWSPAPER.fullmatch(bare) and bare != name:
        return True  # "the Post", "the Millbrook Herald" - not "Ann Post"
    if _MEDIA_WORD_RE.search(name) and _headed_by_outlet(_WORD_RE.findall(name)):
        return True
    parts = re.split(r"\s+and\s+|,\s*", bare)
    if len(parts) > 1 and all(p and is_outlet(p) for p in parts):
        return True
    owner = _POSSESSIVE_PERSON.match(bare)
    if owner is None:
        return False
    return _CALL_SIGN.fullmatch(owner.group("owner")) is not None or is_outlet(owner.group("owner"))


def outlet_named_before(text: str, start: int, pos: int, head: str) -> str | None:
    """The outlet that "the ``head``" ("the network", "the paper") at ``pos`` stands for:
    the last outlet named in ``text[start:pos]`` ("Ivo Brandt, a CNN analyst, ... according
    to the network"), unless a ``head`` that names no outlet came after it ("An extremist
    network claimed ... the network said"). ``None`` when there is none. Raises nothing."""
    outlet = None
    for m in _OUTLET_MENTION.finditer(text, start, pos):
        outlet = m
    if outlet is None:
        return None
    between = text[outlet.end() : pos]
    if re.search(rf"\b{re.escape(head)}\b", between, re.IGNORECASE):
        return None  # "an extremist network" stands between: "the network" is that one
    return outlet.group(0)


def _headed_by_outlet(ws: list[str]) -> bool:
    """Whether the words of a name hold an outlet word where it names an outlet: as the
    head of the name ("state radio", "the daily Courier"), in a capitalised name
    ("Radio Free Europe", "Channel 9", "the Weather Channel"), or, for a word that as
    often names something else, after a media word ("the cable network")."""
    for i, w in enumerate(ws):
        lower = w.lower()
        if lower not in OUTLET_HEADS and lower not in MEDIA_HEADS:
            continue
        prev = ws[i - 1] if i else ""
        nxt = ws[i + 1] if i + 1 < len(ws) else ""
        named = prev[:1].isupper() and prev.lower() not in _DETERMINERS
        if w[:1].isupper() and lower != "tv" and lower not in ("network", "networks", "paper"):
            if nxt[:1].isupper() or nxt.isdigit() or named:
                return True  # "Radio Free Europe", "Vatican Radio", "Channel 9"
            continue
        head = not nxt or nxt[:1].isupper() or nxt.isdigit()
        if lower in OUTLET_HEADS and head:
            return True  # "state radio", "the Israeli daily", "the daily Courier"
        media = prev.lower() in MEDIA_MODIFIERS or prev.lower() in _OUTLET_SET
        if lower in MEDIA_HEADS and media and head:
            return True  # "the cable network", "a news channel", "the ABC network"
    return False


# --------------------------------------------------------------------------- patterns


def _according(text: str, m: re.Match[str], end: int) -> list[Attribution]:
    name, name_end = _name_after(text, m.end(), end)
    if not name or name.split()[0].lower() in _NOT_SOURCES or _DIGIT.search(name):
        return []
    cue = m.group("verb")
    if cue.lower() == "citing" and not _names_a_source(name):
        return []  # "cut its forecast, citing weak demand": a reason, not a source
    cue_span = Span(start=m.start(), end=m.start() + len(cue))
    span = Span(start=m.start(), end=name_end)
    return [Attribution(name, cue.lower(), cue_span, span, form=AttributionForm.according)]


def _names_a_source(name: str) -> bool:
    """Whether what is cited is someone or a record: a name ("Reuters", "a Kibo
    statement") or a source word ("police", "people familiar with the matter", "data"),
    not a reason ("weak demand from carmakers", "its cost")."""
    words = name.split()
    if any(w[:1].isupper() for w in words):
        return True
    lowered = {w.lower().strip(".,'’") for w in words}
    return not lowered.isdisjoint(_CITED_WORDS)


_CITED_WORDS = (
    GENERIC_SOURCES - _DETERMINERS
    | ROLE_WORDS
    | DOCUMENT_NOUNS
    | words("source people person familiar spokesmen spokeswomen officers agency ministry")
)


def _reporting(text: str, m: re.Match[str], start: int, end: int) -> Attribution | None:
    """ "X said", "said X", "X put the toll at", "X issued a statement"."""
    verb = " ".join(m.group("verb").split())
    if not _used_as_verb(text, m, start):
        return None
    cue_span = Span(start=m.start("verb"), end=m.end("verb"))
    if verb in INVERTIBLE_VERBS and not _after_appositive(text, start, m.start("verb")):
        inverted = _inverted_source(text, m, start, end)
        if inverted is not None:
            name, name_end = inverted
            span = Span(start=cue_span.start, end=name_end)
            via = _via(text, m, end)
            return Attribution(name, verb, cue_span, span, via, AttributionForm.inverted)
    if not _reports_here(text, m, verb, end):
        return None
    subject = _source_before(text, start, m.start("verb"), verb)
    if subject is None:
        return None
    np_start, name = subject
    if _COMPARED.search(text, start, np_start) or "than" in name.lower().split():
        # "three killed, one more than the fire service has confirmed": the report is
        # the yardstick of a comparison, not the source of the sentence.
        return None
    return Attribution(name, verb, cue_span, Span(start=np_start, end=m.end()), _via(text, m, end))


def _after_appositive(text: str, start: int, verb_start: int) -> bool:
    """ "Lena Corbel, the director, said the fire spread": the verb follows an appositive
    between commas, so its source stands before it, not after."""
    comma = _last_mark(text, start, verb_start)
    if comma < 0 or text[comma] != ",":
        return False
    cs = _skip_space(text, _chunk_start(text, start, comma))
    chunk = text[cs:comma].strip()
    return _describes_person(chunk) and text[start:cs].rstrip().endswith((",", ")"))


def _describes_person(chunk: str) -> bool:
    """An appositive that describes a source: "a spokeswoman", "R-Texas", "60", "who
    leads the group", "visiting a shelter" - not "on Monday morning" or "where he
    escaped", which end what the source said."""
    ws = chunk.split()
    if not ws:
        return False
    lower = [w.lower() for w in ws]
    if "where" in lower or "which" in lower:
        return False
    if _TAG.fullmatch(chunk) or lower[0] in ("who", "whose", "a", "an"):
        return True
    if ws[0].islower() and lower[0].endswith("ing") and lower[0] not in _PREPOSITIONS:
        return True
    return _appositive_kind(chunk) == "role"


def _progressive(text: str, m: re.Match[str], start: int, end: int) -> Attribution | None:
    """ "the army is also claiming", "X was quoted as saying": the source is before the
    be-form, which is no passive here."""
    subject = _source_before(text, start, m.start(), m.group("verb"))
    if subject is None:
        return None
    np_start, name = subject
    cue_span = Span(start=m.start("verb"), end=m.end("verb"))
    return Attribution(name, m.group("verb"), cue_span, Span(start=np_start, end=m.end()))


def _participle(text: str, m: re.Match[str], start: int, end: int) -> Attribution | None:
    """ "Mr Doe denied it, saying ...": the statement is the clause subject's."""
    verb = m.group("verb")
    if verb == "calling" and not _CALLED_REPORTS.match(text, m.end(), end):
        return None
    if verb == "adding" and _ADDED_OBJECT.match(text, m.end(), end):
        return None  # "adding two months to the delay"
    found = _clause_subject(text, start, m.start())
    # No subject: the participle may go on with the report before it (see ``_merged``).
    name = _uncapitalise(text, start, found[0], found[1]) if found else None
    cue_span = Span(start=m.start("verb"), end=m.end("verb"))
    span = Span(start=cue_span.start, end=cue_span.end)
    return Attribution(name, verb, cue_span, span, form=AttributionForm.participle)


def _agent(text: str, m: re.Match[str], start: int, end: int) -> Attribution | None:
    """ "figures released by the ministry", "described by The Times as ...": the agent
    of a reporting passive is the source."""
    verb = m.group("verb")
    if verb in DOCUMENT_AGENT_VERBS and not _document_before(text, start, m.start()):
        return None  # "the hostages were released by the rebels"
    _, limit = _name_after(text, m.end(), end)
    cut = _AGENT_END.search(text, m.end(), limit)
    limit = cut.start() if cut else limit
    for word in _WORD_RE.finditer(text, m.end(), limit):
        if _finite(word.group(0)) or word.group(0) in _MAIN_VERBS:
            limit = word.start()  # "figures released by the port authority put ..."
            break
    name, name_end = _name_after(text, m.end(), limit)
    if not name or not (name[0].isupper() or name.split()[0].lower() in _INVERTED_OPENERS):
        return None
    if name.split()[0].lower() in _NO_AGENTS or _DIGIT.search(name):
        return None
    cue_span = Span(start=m.start("verb"), end=m.end("verb"))
    span = Span(start=m.start(), end=name_end)
    return Attribution(name, verb, cue_span, span, form=AttributionForm.agent)


@dataclass(frozen=True, slots=True)
class _Finder:
    """A construction: its pattern, the cue words its ``verb`` group holds, what may
    stand before the cue inside the pattern (``before``, within ``reach`` characters),
    and the function that reads an attribution from a match."""

    regex: re.Pattern[str]
    read: Callable[[str, re.Match[str], int, int], Attribution | None]
    cues: frozenset[str]
    before: re.Pattern[str] | None = None
    reach: int = 0

    def at(self, text: str, cue: int, start: int, end: int) -> re.Match[str] | None:
        """The construction whose cue word is at ``cue``, if there is one."""
        pos = cue
        if self.before is not None:
            window = text[max(start, cue - self.reach) : cue]
            lead = self.before.search(window)
            if lead is None:
                return None
            pos = cue - len(window) + lead.start()
        m = self.regex.match(text, pos, end)
        return m if m is not None and m.start("verb") == cue else None


def _document_before(text: str, start: int, pos: int) -> bool:
    before = [w.lower() for w in _WORD_RE.findall(text, max(start, pos - 60), pos)][-6:]
    return any(w in DOCUMENT_NOUNS or w in ("toll", "tally", "count", "list") for w in before)


# --------------------------------------------------------------------------- verb checks


def _used_as_verb(text: str, m: re.Match[str], start: int) -> bool:
    """Not "the so-called", "a well-maintained", "the alleged shooter", "his reported
    offer": a reporting word after a hyphen or a determiner is no verb."""
    at = m.start("verb")
    if at > start and text[at - 1] == "-":
        return False
    before = _WORD_RE.findall(text, max(start, at - 30), at)
    return not (before and before[-1].lower() in _DETERMINERS and text[at - 1].isspace())


def _reports_here(text: str, m: re.Match[str], verb: str, end: int) -> bool:
    """Whether what follows makes the word a reporting verb in this sentence."""
    after = m.end()
    if _BY_FOLLOWS.match(text, after, end):
        return False  # a passive with its agent: see ``_agent``
    if verb in ("posted", "posts"):
        return _POSTED_REPORTS.match(text, after, end) is not None
    if verb in AMBIGUOUS_VERBS and not _REPORTED_CONTENT.match(text, after, end):
        # "insurance claims rose": a noun, not a verb; but "..., Velmar Bank estimates."
        # (a present tense only: "the highest level ever recorded" closes on no report)
        return verb.endswith("s") and _closing_report(text, m, end)
    if verb == "called":
        return _CALLED_REPORTS.match(text, after, end) is not None
    if verb in ("added", "adds"):
        return _ADDED_OBJECT.match(text, after, end) is None and not _BARE_OBJECT.match(
            text, after, end
        )
    if verb in ("claimed", "claims") and _LIVES_FOLLOW.match(text, after, end):
        return False  # "the shooting that claimed the life of", "claimed 40 lives"
    if verb in ("reminded", "reminds"):
        return _REMINDED_THAT.match(text, after, end) is not None  # not "reminded of"
    if verb in CLOSING_THAT_VERBS and _closing_report(text, m, end):
        return True  # "..., his brother, 24, gave the orders, prosecutors charge."
    if verb in THAT_VERBS:
        return _THAT_FOLLOWS.match(text, after, end) is not None
    if verb == "identified":
        return _AS_FOLLOWS.search(text, after, end) is not None
    if verb == "valued":
        return _AT_FOLLOWS.match(text, after, end) is not None
    if verb in QUESTION_VERBS:
        return _QUESTION_FOLLOWS.match(text, after, end) is not None
    if verb in REPLY_VERBS:
        return _REPLY_FOLLOWS.match(text, after, end) is not None or _after_report(text, m)
    if verb in ("told", "tells") and _TOLD_TO.match(text, after, end):
        return False
    if verb in ("wrote", "writes") and _AUTHORED.match(text, after, end):
        return False  # "he wrote a 1988 law that protected ...": authored, not reported
    if verb in ("accused", "believed"):
        return _OF_TO_FOLLOWS.match(text, after, end) is None  # "the man accused of"
    return True


def _closing_report(text: str, m: re.Match[str], end: int) -> bool:
    """The verb and a short subject close the sentence after a comma: "..., police charge." """
    if _ENDS_SENTENCE.fullmatch(text, m.end(), end) is None:
        return False
    return _COMMA_SUBJECT.search(text[max(0, m.start() - 60) : m.start()]) is not None


def _after_report(text: str, m: re.Match[str]) -> bool:
    """The verb comes right after the quotation it reports: '"No," replied Doe', '"No,"
    he replied' (a subject of up to four words between)."""
    before = text[max(0, m.start() - 60) : m.start()]
    return _QUOTATION_BEFORE.search(before) is not None


# --------------------------------------------------------------------------- sources


def _source_before(text: str, start: int, verb_start: int, verb: str) -> tuple[int, str] | None:
    """The source before a reporting verb: where it starts and the name, or ``None``.

    The name begins after the last comma, quote or bracket and after the last clause word
    ("where residents say"). When a comma stands right before the verb, the source is
    the chunk before the appositives ("Dr Imre Kalnay, head of the department, said";
    "Max Doe, 60, R-Texas, who leads the group, said"). A second verb ("Jay Roe runs
    the bakery and said") takes its clause's subject; "a driver who says" the noun before
    "who".
    """
    # "damage is estimated at", "declined to say": no one says anything
    end = _trim_tail(text, start, verb_start, _BEFORE_VERBS, passive_ok=verb.endswith("ing"))
    if end < 0:
        return None
    if text[start:end].rstrip().endswith(")") and (
        acronym := _ACRONYM_BEFORE.search(text, max(start, end - 20), end)
    ):
        end = acronym.start()  # "the Department of Migrant Workers (DMW) said"
    mark = _last_mark(text, start, end)
    if mark >= 0 and text[mark] in ",)":
        found = _before_appositives(text, start, mark + 1)
    else:
        found = _in_clause(text, start, end)
    if found is None:
        return None
    np_start, name = found
    name = _clean_name(name)
    if verb in EVIDENCE_VERBS:
        name = _SAMPLE_TAIL.sub("", name)  # "A Hartwell poll of 1,208 adults conducted ..."
    if not name or not _plausible_source(name, verb):
        return None
    return np_start, _uncapitalise(text, start, np_start, name)


def _trim_tail(
    text: str, start: int, end: int, skipped: frozenset[str], passive_ok: bool = True
) -> int:
    """``end`` moved back over the ``skipped`` words (adverbs, auxiliaries), -ly adverbs
    and time adjuncts before a verb: "the ministry has also said", "the trustees last
    week warned". -1 when ``passive_ok`` is false and the first word that is no adverb
    makes the verb a passive or an infinitive ("is estimated", "declined to say")."""
    checked = passive_ok
    while True:
        lo = max(start, end - _TAIL_WINDOW)  # the words just before the verb are enough
        stripped = text[lo:end].rstrip()
        written = _last_word(stripped)
        if not written:
            return lo + len(stripped)
        word = written.lower()
        time = _TIME_TAIL.search(stripped) if word in _TIME_WORDS else None
        if time and (time.start() > 0 or lo > start):
            end = lo + time.start()
            continue
        adverb = word.endswith("ly") and word not in _LY_NOUNS and written.islower()
        if word in _ADVERBS or adverb:
            end = lo + len(stripped) - len(written)
            continue
        if not checked:
            if word in _NO_REPORT_AFTER:
                return -1
            checked = True
        if word in skipped:
            end = lo + len(stripped) - len(written)
            continue
        return lo + len(stripped)


def _last_word(phrase: str) -> str:
    """The word that ends ``phrase``, or "" when it ends in punctuation."""
    found = _WORD_RE.findall(phrase, max(0, len(phrase) - _LONGEST_WORD))
    return found[-1] if found and phrase.endswith(found[-1]) else ""


def _before_appositives(text: str, start: int, pos: int) -> tuple[int, str] | None:
    """The name before the appositives that end at ``pos`` (just after a comma or a
    bracket), with the role appositive next to it when there is one ("Jane Doe, a
    spokeswoman")."""
    chunks: list[tuple[int, int]] = []
    while True:
        lead = text[start:pos].rstrip()
        pos = start + len(lead)
        if lead.endswith(")"):
            opening = text.rfind("(", start, pos)
            if opening < 0:
                return None
            pos = opening
            continue
        if lead.endswith(","):
            pos -= 1
        cs = _skip_space(text, _chunk_start(text, start, pos))
        chunk = text[cs:pos].strip()
        kind = _appositive_kind(chunk)
        before = text[start:cs].rstrip()
        if not before.endswith((",", ")")):
            break
        if kind is None and not chunk.startswith("the "):
            break  # "the lobby for retired teachers" after a comma describes the name before
        chunks.append((cs, pos))
        pos = start + len(before)
    if not chunk:
        return None
    if not chunks and not text[start:cs].strip():
        # "The night clerk at the depot that flooded, says ...": a stray comma after a
        # subject with a relative clause.
        relative = re.search(r"\s(?:that|who|which)\s", chunk)
        if relative:
            return cs, chunk[: relative.start()]
    if not chunks and not _proper_name(chunk):
        return None  # "the driver, identified as ...": a participle, not a reporting verb
    if len(chunks) == 1 and chunk[:1].isupper():
        role = " ".join(text[chunks[0][0] : chunks[0][1]].split())
        if _appositive_kind(role) == "role" and len(role.split()) <= _MAX_ROLE_WORDS:
            return cs, f"{' '.join(chunk.split())}, {role}"
    return _in_clause(text, cs, pos)


def _proper_name(chunk: str) -> bool:
    """Capitalised words only ("Ivo Brandt", "Hugh W. Salt Jr."), and not an
    abbreviation alone ("Mo.")."""
    ws = chunk.split()
    if len(ws) == 1 and ws[0].rstrip(".") in ABBREVIATIONS:
        return False
    return all(w[:1].isupper() or w.lower() in NAME_PARTICLES or w == "and" for w in ws)


def _appositive_kind(chunk: str) -> str | None:
    """ "role" for "a spokeswoman for X", "head of Y"; "other" for another appositive
    (an age, a party tag, "who leads the group", "visiting a shelter", "an advocacy
    group"); ``None`` when the chunk is no appositive."""
    ws = chunk.split()
    if not ws:
        return "other"
    first = ws[0].lower()
    if _TAG.fullmatch(chunk) or all(w.lower() in _ADVERBS for w in ws):
        return "other"  # "R-Texas", "60", "too"
    if first in _PREPOSITIONS or any(w.lower() in _RELATIVES for w in ws):
        return "other"
    if ws[0].islower() and (first.endswith("ing") or first.endswith("ed")):
        return "other"
    if ws[0][:1].islower() or first in ("the", "a", "an"):
        head = [w.lower().rstrip(",").removesuffix("’s").removesuffix("'s") for w in ws[:6]]
        if any(w in ROLE_WORDS for w in head):
            return "role"
        if first in ("a", "an"):
            return "other"
    return None


def _in_clause(text: str, start: int, end: int) -> tuple[int, str] | None:
    """The noun phrase that ends at ``end``: from the last clause boundary, with the
    coordination and relative-clause rules of ``_source_before``."""
    chunk_start = _chunk_start(text, start, end)
    tokens = list(_WORD_RE.finditer(text, chunk_start, end))
    if tokens and tokens[-1].group(0).lower() in ("and", "but", "or"):
        return _clause_subject(text, start, tokens[-1].start())  # "runs the bakery and said"
    np_start = chunk_start
    boundary: re.Match[str] | None = None
    for i, word in enumerate(tokens):
        lower = word.group(0).lower()
        if word.group(0) in _SPEECH_VERBS:
            np_start, boundary = word.end(), None  # "Doe said he believed": "he"
            continue
        if lower not in _BOUNDARY_WORDS or (word.group(0).isupper() and len(lower) > 1):
            continue  # "WHO said" is no relative clause
        # "and"/"or" join clauses only after a verb: "the dam failed and officials said",
        # but "the fire and rescue service said".
        if lower in ("and", "or") and not any(_verbish(w.group(0)) for w in tokens[:i]):
            continue
        np_start = word.end()
        boundary = word
    np_start = _skip_space(text, np_start)
    name = " ".join(text[np_start:end].split())
    if boundary is not None and boundary.group(0).lower() in ("that", "who", "which"):
        lowered = {w.lower() for w in name.split()}
        if lowered & _AUXILIARIES:  # "rival firms that are hoping to ... accused"
            before = _in_clause(text, start, boundary.start())
            if before is not None and before[1]:
                return before
    if boundary is not None and not name:
        lower = boundary.group(0).lower()
        if lower in ("who", "that", "which"):
            return _antecedent(text, start, boundary.start())  # "a driver who says"
        if lower in ("and", "but", "or"):
            return _clause_subject(text, start, boundary.start())
    if name and name.split()[0].lower() in _PREPOSITIONS:
        return _clause_subject(text, start, np_start)  # "but in the same breath acknowledged"
    return np_start, name


def _antecedent(text: str, start: int, pos: int) -> tuple[int, str] | None:
    """The noun phrase a relative pronoun at ``pos`` stands for: "spoke to a driver who",
    "the account of a porter who", "radio host Nell Ashby, who"."""
    end = pos
    lead = text[start:end].rstrip()
    if lead.endswith(","):
        end = start + len(lead) - 1
    chunk_start = _chunk_start(text, start, end)
    tokens = list(_WORD_RE.finditer(text, chunk_start, end))
    np_start = chunk_start
    for n, word in enumerate(tokens):
        lower = word.group(0).lower()
        inside_name = (
            lower in ("of", "for", "and")
            and 0 < n < len(tokens) - 1
            and tokens[n - 1].group(0)[:1].isupper()
            and tokens[n + 1].group(0)[:1].isupper()
        )
        if inside_name:
            continue  # "the University of Toledo, which": one name
        if lower in _PREPOSITIONS or lower in _BOUNDARY_WORDS or _verbish(word.group(0)):
            np_start = word.end()
    # "started a firm that claims": the noun phrase opens at its determiner
    opening = [w for w in tokens if w.start() >= np_start and w.group(0).lower() in _OPENERS]
    if opening:
        np_start = opening[-1].start()
    np_start = _skip_space(text, np_start)
    name = " ".join(text[np_start:end].split())
    return (np_start, name) if name else None


def _clause_subject(text: str, start: int, pos: int) -> tuple[int, str] | None:
    """The subject of the first clause of ``text[start:pos]``: a pronoun, a name, or a
    determiner with a name or a generic source ("The RSPB", "Mila Horn", "he", "the
    police"), after any opening adverbial ("At that hearing, he ...")."""
    for cs, ce in _chunks(text, start, pos):
        tokens = list(_WORD_RE.finditer(text, cs, ce))
        while tokens and tokens[0].group(0).lower() in _CLAUSE_OPENERS:
            tokens = tokens[1:]
        if not tokens:
            continue
        first = tokens[0].group(0)
        if first.lower() in _PREPOSITIONS or (first.islower() and first.endswith("ing")):
            continue  # "At that hearing," "Speaking on Friday,"
        if first.lower() in ("he", "she", "they", "we"):
            return tokens[0].start(), first
        taken = _leading_name(tokens)
        if not taken:
            return None
        return taken[0].start(), " ".join(text[taken[0].start() : _name_end(text, taken)].split())
    return None


def _leading_name(tokens: list[re.Match[str]]) -> list[re.Match[str]]:
    """The words of the name that opens a clause: capitalised words after an optional
    determiner, or a determiner and a generic source ("the police", "the suspect")."""
    taken: list[re.Match[str]] = []
    article = ("the", "a", "an")
    nxt = ""  # the word after the name: a verb, when the name is a subject
    for i, m in enumerate(tokens):
        token = m.group(0)
        nxt = token
        if i == 0 and token.lower() in article:
            taken.append(m)
            continue
        if token[:1].isupper():
            taken.append(m)
            continue
        following = tokens[i + 1].group(0) if i + 1 < len(tokens) else ""
        if token in ROLE_WORDS and following[:1].isupper() and taken:
            taken.append(m)  # "Quarry owner Dale Pryce"
            continue
        lowers = sum(1 for t in taken if t.group(0).islower())
        after_article = bool(taken) and (
            taken[0].group(0).lower() in article or taken[-1].group(0).endswith(("'s", "’s"))
        )  # "The charity", "Orozco's attorneys"
        verb_like = lowers > 0 and token.endswith("s")  # "the statement expresses"
        if after_article and lowers < _NOUN_WORDS and not _ends_subject(token) and not verb_like:
            taken.append(m)  # "The charity", "the local council"
            continue
        break
    else:
        nxt = ""  # the clause ends with the name: "Ada Roe, 60, ..."
    if len(taken) == 1 and taken[0].group(0).lower() in _NOT_SUBJECTS:
        return []  # "The", "More than 40 ..."
    if nxt and not _verb_like(nxt):
        return []  # "Phone call disputed ...": a heading run into the sentence, no subject
    return taken


def _verb_like(word: str) -> bool:
    """A word that may follow a subject: a verb, an auxiliary or an adverb."""
    lower = word.lower()
    return (
        _ends_subject(word)
        or lower.endswith(("s", "ly"))
        or lower in _ADVERBS
        or lower in _NEGATIONS
    )


def _ends_subject(word: str) -> bool:
    """A word that follows a subject rather than belongs to it: a verb."""
    lower = word.lower()
    return _verbish(word) or lower in _IRREGULAR_PAST or lower in _PREPOSITIONS


def _name_end(text: str, taken: list[re.Match[str]]) -> int:
    """Where a run of name words ends, with the full stop of a last abbreviation
    ("Jr.")."""
    end = taken[-1].end()
    if text[end : end + 1] == "." and _abbreviation_at(text, taken[0].start(), end):
        end += 1
    return end


def _clean_name(name: str) -> str:
    """A name without the conjunction before it, the reflexive after it ("Marwick
    herself") or a stray lower-case word before a proper name ("crates Lakeport City
    Police Commissioner Ivo Brandt")."""
    ws = name.split()
    while ws and (ws[0].lower() in _CONJUNCTIONS or not ws[0].strip(_NAME_EDGE)):
        ws = ws[1:]  # "and", or the closing mark of a quotation: "' Judge Wu said"
    while ws and ws[-1].lower() in _REFLEXIVES:
        ws = ws[:-1]
    if (
        len(ws) > 2
        and ws[0].islower()
        and ws[0] not in _NAME_OPENERS
        and all(w[:1].isupper() for w in ws[1:])
    ):
        ws = ws[1:]
    return " ".join(ws)


def _finite(word: str) -> bool:
    """An auxiliary or a reporting verb: "the ministry said the dam had failed"."""
    return word.islower() and (word in _AUXILIARIES or word in REPORTING_VERBS)


def _verbish(word: str) -> bool:
    lower = word.lower()
    return lower in _AUXILIARIES or lower in REPORTING_VERBS or lower.endswith("ed")


def _stops(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Clause boundaries in ``text[start:end]``: commas, quotes, brackets, dashes, and
    full stops that end no abbreviation ("Sen.", "Jr.", "F.B.I.", "Ida K.") or web
    address ("MyCityNews. com")."""
    for m in _STOP.finditer(text, start, end):
        if m.group(0) == "." and _abbreviation_at(text, start, m.start()):
            continue
        yield m


def _abbreviation_at(text: str, start: int, dot: int) -> bool:
    word = _DOTTED_WORD.search(text[max(start, dot - 12) : dot])
    if word is None:
        return False
    token = word.group(0)
    if "." in token or (len(token) == 1 and token.isupper()):
        return True  # "U.S.", "F.B.I.", an initial
    if token in ABBREVIATIONS:
        return True
    return _DOMAIN.match(text, dot + 1, dot + 6) is not None


def _chunk_start(text: str, start: int, end: int) -> int:
    """After the last clause boundary in ``text[start:end]``. Only the last
    ``_CHUNK_REACH`` characters are looked at: a longer chunk holds no name anyway."""
    lo = max(start, end - _CHUNK_REACH)
    pos = lo
    for stop in _stops(text, lo, end):
        pos = stop.end()
    return pos


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The pieces of ``text[start:end]`` between clause boundaries, in order."""
    pos = start
    for stop in _stops(text, start, end):
        if stop.start() > pos:
            yield pos, stop.start()
        pos = stop.end()
    if end > pos:
        yield pos, end


def _inverted_source(text: str, m: re.Match[str], start: int, end: int) -> tuple[str, int] | None:
    """The source after the verb in '"...," said X' or '..., said the ministry', and
    where it ends; ``None`` unless a comma or quote stands right before the verb and a
    name follows it that ends its clause ("said a security guard spotted it" is
    content, "said under oath" and "said Friday" name no one)."""
    mark = _last_mark(text, start, m.start("verb"))
    if mark < 0 or text[mark] not in ",\"”’'":
        return None
    name, name_end = _name_after(text, m.end(), end)
    name = _AGE_BEFORE_NAME.sub("", name)  # "said the 36-year-old Lee": Lee
    if not name:
        return None
    first = name.split()[0]
    lower = first.lower()
    if lower in _NOT_INVERTED:
        return None
    if lower in _OBJECTS and (lower != "her" or len(name.split()) == 1):
        return None  # ", called it ...": a pronoun after the verb is its object
    if first[:1].islower() and lower not in _INVERTED_OPENERS and not _names_someone(name):
        return None  # "said earlier", but "said port spokesman Ivo Brandt"
    if len(name.split()) > 8 or not _plausible_source(name, m.group("verb")):
        return None
    if _VERB_INSIDE.search(name) or any(_finite(w) for w in name.split()):
        return None  # "X, a spokeswoman, said the dam failed": that is content, not a name
    stop = next(_stops(text, name_end, end), None)
    rest = text[name_end : stop.start() if stop else end]
    rest = _DOCUMENT_AGENT_TAIL.sub("", rest)  # "in a release issued by the team"
    if any(_finite(w) or w.endswith("ed") for w in _WORD_RE.findall(rest) if w.islower()):
        return None  # "said a security guard at the depot spotted the crate"
    return name, name_end


def _names_someone(name: str) -> bool:
    """A name with a role, a generic source or a proper name in it: "port spokesman Ivo
    Brandt", "depot manager Lena Corbel"."""
    return any(
        w[:1].isupper() or w.lower() in ROLE_WORDS or w.lower() in GENERIC_SOURCES
        for w in name.split()
    )


# A comparison opening the words before a verb: "nine bodies, up from five reported".
_CHANGE_WORDS = words("up down")


def _plausible_source(name: str, verb: str) -> bool:
    words = name.split()
    if not words or len(words) > _LONGEST_NAME:
        return False
    if _DIGIT.search(name) and not is_outlet(name):
        return False
    lowered = [w.lower().strip(".,") for w in words]
    if lowered[0] in _NOT_SOURCES and not (lowered[0] == "one" and len(lowered) > 1):
        return False
    if not _NOT_IN_NAMES.isdisjoint(lowered) or "n't" in name:
        return False  # "the ministry has", "investigators did not"
    if _VERB_INSIDE.search(name):
        return False  # "they later detained the driver", "amounted to a refusal"
    if _NAMES_NO_ONE.issuperset(lowered):
        return False
    if lowered[0] in _PREPOSITIONS or lowered[-1] in _LINKS or lowered[0] in _CHANGE_WORDS:
        return False  # "in the region", "up from five reported earlier"
    if verb in EVIDENCE_VERBS:
        if lowered[-1] in PICTURE_NOUNS:
            return False  # "the footage shows her": what is seen, told by the outlet
        return any(w in DOCUMENT_NOUNS for w in lowered)  # "records show", not "he showed"
    if verb in AMBIGUOUS_VERBS:
        return words[0][0].isupper() or lowered[0] in _SOURCE_OPENERS
    return True


def _uncapitalise(text: str, sentence_start: int, np_start: int, name: str) -> str:
    at_start = not text[sentence_start:np_start].strip(" \"“‘'(")
    first = name.split()[0]
    if at_start and first.lower() in GENERIC_SOURCES:
        return first.lower() + name[len(first) :]
    return name


def _last_mark(text: str, start: int, pos: int) -> int:
    """Where the last character before ``pos`` that is not a space is (-1 when there
    is none after ``start``): the comma of "Jane Doe, a spokeswoman, said"."""
    pos -= 1
    while pos >= start and text[pos].isspace():
        pos -= 1
    return pos if pos >= start else -1


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _name_after(text: str, start: int, end: int) -> tuple[str, int]:
    """The name that runs from ``start`` to the end of its clause, less what trails it
    ("on Monday", "in a statement"), whitespace collapsed; and where it ends."""
    stop = next(_stops(text, start, end), None)
    limit = stop.start() if stop else end
    trailing = _TRAILING.search(text, start, limit)
    if trailing:
        limit = trailing.start()
    while limit > start and (text[limit - 1].isspace() or text[limit - 1] in _NAME_EDGE):
        if text[limit - 1] == "." and _abbreviation_at(text, start, limit - 1):
            break  # "Jr.", "Inc."
        limit -= 1
    while start < limit and (text[start].isspace() or text[start] in _NAME_EDGE):
        start += 1
    return " ".join(text[start:limit].split()), limit


def _via(text: str, m: re.Match[str], end: int) -> tuple[str, ...]:
    """The outlet in "told Reuters", "told the Continental Press Agency", "wrote the AP"
    (not "told reporters", "wrote the book")."""
    verb = m.group("verb")
    if verb not in ("told", "tells", "wrote", "writes"):
        return ()
    told = _TOLD_OUTLET.match(text, m.end(), end)
    if told is None:
        return ()
    to = told.group("to")
    if verb in ("wrote", "writes") and not is_outlet(to):
        return ()
    return (to,)


def _merged(text: str, found: list[Attribution]) -> list[Attribution]:
    """Attributions in text order, one per construction: "X reported, citing Y" and
    "According to <outlet>, Y said" pass Y through X; two finds of one cue are one."""
    merged: list[Attribution] = []
    for a in sorted(found, key=lambda a: (a.cue_span.start, -a.span.end)):
        if merged and _overlap(merged[-1].cue_span, a.cue_span):
            continue
        if merged and _passes_through(text, merged[-1], a):
            prev = merged.pop()
            via = (*prev.intermediaries, prev.original or "", *a.intermediaries)
            whole = Span(
                start=min(prev.span.start, a.span.start), end=max(prev.span.end, a.span.end)
            )
            a = replace(a, span=whole, intermediaries=via)
        elif merged and _relayed(text, merged[-1], a):
            prev = merged.pop()  # '"...," Doe said, according to the Post': Doe, via the Post
            whole = Span(start=prev.span.start, end=a.span.end)
            via = (*prev.intermediaries, a.original or "")
            a = replace(prev, span=whole, intermediaries=via)
        elif merged and _goes_on(text, merged[-1], a):
            prev = merged[-1]  # "..., the ministry said, adding that ...": the ministry
            a = replace(a, original=prev.original, intermediaries=prev.intermediaries)
        if a.original is None and a.form is AttributionForm.participle:
            continue  # a participle with no one to hang on
        merged.append(a)
    return merged


def _goes_on(text: str, prev: Attribution, a: Attribution) -> bool:
    """A participle right after a report goes on with its source: "..., the ministry
    said, adding that ..."."""
    return (
        a.form is AttributionForm.participle
        and prev.original is not None
        and not text[prev.span.end : a.span.start].strip(" ,")
    )


def _relayed(text: str, prev: Attribution, a: Attribution) -> bool:
    """An outlet credited right after a named speaker: '"...," Doe said, according to the
    Post': Doe speaks, the Post passes it on."""
    if a.cue != "according to" or not a.original or not is_outlet(a.original):
        return False
    if not prev.original or is_outlet(prev.original) or prev.form not in _SPEAKING_FORMS:
        return False
    return _RELAY_GAP.fullmatch(text, prev.span.end, a.span.start) is not None


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _passes_through(text: str, prev: Attribution, a: Attribution) -> bool:
    """Whether ``prev`` only passes ``a`` on: "Reuters reported, citing the ministry",
    "According to Reuters, police said", "Doe reported that, according to a source"."""
    if not prev.original or not a.original or is_outlet(a.original):
        return False
    between = text[prev.span.end : a.span.start]
    if a.cue == "citing":
        return is_outlet(prev.original) and not between.strip(" ,")
    if a.cue == "according to" and re.fullmatch(r"\s*that,?\s*", between):
        return prev.cue in ("reported", "reports", "reporting", "said", "says")
    if re.fullmatch(r"\s*that\s*", between) and is_outlet(prev.original):
        return prev.cue in ("reported", "reports", "reporting")  # "KYW reports that X said"
    return prev.cue == "according to" and is_outlet(prev.original) and not between.strip(" ,")


def _same_outlet(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"^the\s+", "", s.strip().lower())

    if norm(a) == norm(b):
        return True
    # "Meridian" credits "Meridian Wire Service": one name opens the other.
    shorter, longer = sorted((norm(a).split(), norm(b).split()), key=len)
    if shorter and longer[: len(shorter)] == shorter:
        return True
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", b) if w[0].isupper())
    return a.replace(".", "").upper() == initials.upper() and len(initials) > 1


_PROGRESSIVES = words("""
    reporting claiming saying telling warning estimating predicting insisting alleging
    suggesting arguing
    """)
_BE_BEFORE = r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+"
_FINDERS = (
    _Finder(_VERB_RE, _reporting, REPORTING_VERBS),
    _Finder(_PUT_RE, _reporting, words("put puts gave gives pegged")),
    _Finder(_STATEMENT_RE, _reporting, words("issued released put published")),
    _Finder(_QUOTED_RE, _reporting, words("quoted")),
    _Finder(_NOTE_RE, _reporting, words("made makes")),
    _Finder(
        _PROGRESSIVE_RE,
        _progressive,
        _PROGRESSIVES,
        re.compile(rf"{_BE_BEFORE}(?:(?:also|now|still|widely)\s+)?$"),
        30,
    ),
    _Finder(
        _QUOTED_AS_RE,
        _progressive,
        words("saying telling"),
        re.compile(rf"{_BE_BEFORE}quoted\s+(?:[\w’'-]+\s+){{0,4}}?as\s+$"),
        80,
    ),
    _Finder(
        _PARTICIPLE_RE,
        _participle,
        PARTICIPLES,
        re.compile(r"(?:,\s*|\s+and\s+|\b(?:statement|release|letter|post|tweet|update)\s+)$"),
        20,
    ),
    _Finder(_AGENT_RE, _agent, AGENT_VERBS | DOCUMENT_AGENT_VERBS),
)
_FINDERS_BY_CUE = {
    cue: tuple(f for f in _FINDERS if cue in f.cues) for f in _FINDERS for cue in f.cues
}
_CUE_RE = re.compile(rf"\b(?:{_trie(frozenset(_FINDERS_BY_CUE))})\b")
