"""Who says so: reporting constructions, wire credits and the outlet -> original chain.

Patterns recognised inside a sentence:

- ``X said`` / ``X says`` / ``X told <outlet>`` / ``X claimed|reported|estimated|
  announced|confirmed|warned|recorded...`` (``REPORTING_VERBS``), ``X said in a
  statement``;
- the inverted ``"...," said X`` and ``..., said X``;
- ``according to X``; ``..., X reported, citing Y`` (X is the intermediary, Y the
  original); ``X put the number of ... at``;
- wire credits for the whole article: a dateline ``KESTWICK, March 2 (CPA) -``,
  ``(Reuters)``, a trailing ``— AP``.

Source names are kept as written and only trimmed; a generic source that opens the
sentence loses its capital ("Officials said" -> "officials"), because that capital is the
sentence's, not the name's. Canonicalising names is the rule layer's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.extract.offline.lexicon import words
from assistant.model import SourceLink, SourceRole, Span

REPORTING_VERBS = (
    "said", "says", "say", "told", "tells", "claimed", "claims", "reported", "reports",
    "estimated", "estimates", "announced", "announces", "confirmed", "confirms", "stated",
    "states", "added", "adds", "warned", "warns", "noted", "notes", "wrote", "writes",
    "tweeted", "insisted", "insists", "explained", "acknowledged", "predicted",
    "forecast", "alleged", "alleges", "called", "described", "recorded", "measured",
)  # fmt: skip
# Verbs that are just as often nouns ("insurance claims rose"): their source must look
# like one (a capital, a determiner or a generic source word).
# So are measuring verbs ("the highest level ever recorded"): the observatory that
# "recorded a peak of 5.82 metres" is the source of the figure.
AMBIGUOUS_VERBS = words(
    "claims reports estimates states notes posts adds forecast alleges recorded measured"
)
# Wire services and outlets: a source named here is an intermediary, not an origin.
OUTLETS = (
    "Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "Bloomberg", "BBC",
    "CNN", "dpa", "EFE", "ANSA", "Xinhua", "Kyodo", "Yonhap", "PA Media", "Press Association",
    "UPI", "TASS", "RIA Novosti", "Interfax", "Anadolu", "Al Jazeera", "Sky News", "NPR",
    "The New York Times", "The Washington Post", "The Guardian", "The Times",
    "Financial Times", "The Wall Street Journal", "Le Monde", "Der Spiegel", "El País",
)  # fmt: skip
OUTLET_WORDS = re.compile(
    r"\b(?:news\s+agency|newspaper|broadcaster|state\s+media|local\s+media|state\s+television|"
    r"television|radio|news\s+site|tabloid|wire(?:\s+(?:report|service|agency))?|daily)\b",
    re.IGNORECASE,
)
# Sources whose capital at the start of a sentence is the sentence's, not a name's.
GENERIC_SOURCES = words("""
    the a an officials official police authorities residents witnesses rescuers
    firefighters doctors experts analysts forecasters volunteers sources survivors
    engineers scientists researchers investigators prosecutors insurers medics locals
    """)
# Role nouns that open an appositive: "Jane Doe, a spokeswoman for the ministry, said".
ROLE_WORDS = words("""
    spokesman spokeswoman spokesperson head chief director minister secretary president
    chairman chairwoman chair leader member professor manager official officer commander
    mayor governor deputy adviser advisor analyst expert researcher resident owner founder
    executive coordinator representative engineer doctor
    """)
PRONOUNS = words("he she they it we")
_OBJECTS = PRONOUNS | words("him her them us me")
_NOT_SOURCES = words("which who that this there what where i you one")
_AUXILIARIES = words(
    """
    is are was were be been being has have had do does did will would can could may might
    must should also previously later earlier
    """
)
_NAME_EDGE = ",;:.\"“”'’"
_PASSIVE = words("is are was were be been being")
_BOUNDARY_WORDS = words(
    """
    that and but as while when where because after before although though if since who which
    whom so or
    """
)
_PREPOSITIONS = words("in on at after before during for from by with of to")
_RELATIVES = words("who whom which whose where")
_WORD_RE = re.compile(r"[\w'’-]+")

_VERBS = "|".join(REPORTING_VERBS)
_VERB_SET = frozenset(REPORTING_VERBS)
# A quotation: reporting verbs inside it are the quoted person's words, not attributions.
# What an ambiguous verb must be followed by to be a verb: "claims that", "reports 40".
_REPORTED_CONTENT = re.compile(
    r"\s+(?:that|the|a|an|it|they|he|she|there|\d|[A-Z]|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|some|more|about|at|up|nearly)\b)"
)
_QUOTATION = re.compile(r'"[^"\n]*"|“[^”\n]*”')
_VERB_RE = re.compile(rf"\b(?P<verb>{_VERBS})\b")
_PUT_RE = re.compile(
    r"\b(?P<verb>put|puts|gave|gives)\b(?=\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:number|figure|toll|total|tally|count|cost|damage)s?\b)"
)
_ACCORDING_RE = re.compile(r"\b(?P<verb>according to|citing)\s+", re.IGNORECASE)
_CLAUSE_STOP = re.compile(r"[,;:()\"“”—–]|\s-\s|[.!?](?:\s|$)")
# What follows a name but is not part of it: "said the ministry on Monday in a statement".
_TRAILING = re.compile(
    r"\s+(?:on|late|early|earlier|last|this|yesterday|today|during|who|which|whose|that|"
    r"in\s+(?:a|an|its|his|her|their)\s+(?:statement|interview|bulletin|post|briefing|report))"
    r"\b"
)
_DATELINE_CREDIT = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40},?(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s+"
    r"\((?P<wire>[A-Za-z][A-Za-z&.' -]{0,40})\)\s*[-–—]",
    re.MULTILINE,
)
_OUTLET_ALT = "|".join(re.escape(o) for o in sorted(OUTLETS, key=len, reverse=True))
_TOLD_OUTLET = re.compile(
    rf"\s+(?P<to>{_OUTLET_ALT}|(?:the\s+)?[A-Z][\w&'’-]*(?:\s+(?:of\s+)?[A-Z][\w&'’-]*)*)\b"
)
_PAREN_CREDIT = re.compile(rf"\((?P<wire>{_OUTLET_ALT})\)")
_DASH_CREDIT = re.compile(rf"[—–-]\s*(?P<wire>{_OUTLET_ALT})\s*$", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Attribution:
    """One reporting construction in a sentence.

    ``original`` is whoever made the statement (``None`` when the sentence names only an
    outlet, as in "the BBC reported"); ``intermediaries`` are the outlets it came
    through ("told Reuters", "Reuters reported, citing ..."); ``cue``/``cue_span`` are
    the reporting words ("said", "according to").
    """

    original: str | None
    cue: str
    cue_span: Span
    span: Span  # the whole construction: "the interior ministry said", "according to X"
    intermediaries: tuple[str, ...] = field(default=())

    @property
    def is_pronoun(self) -> bool:
        return self.original is not None and self.original.lower() in PRONOUNS


def find_attributions(text: str, start: int, end: int) -> list[Attribution]:
    """Reporting constructions in the sentence ``text[start:end]``, in text order.

    ``start`` should be the start of a sentence: a source at that position loses its
    sentence-initial capital when it is generic. Raises nothing.
    """
    quoted = [(q.start(), q.end()) for q in _QUOTATION.finditer(text, start, end)]
    found: list[Attribution] = []
    for m in _ACCORDING_RE.finditer(text, start, end):
        found.extend(_according(text, m, start, end))
    for regex in (_VERB_RE, _PUT_RE):
        for m in regex.finditer(text, start, end):
            if any(qs < m.start() < qe for qs, qe in quoted):
                continue
            attribution = _reporting(text, m, start, end)
            if attribution is not None:
                found.append(attribution)
    # "X reported, citing Y": one construction, not two.
    merged: list[Attribution] = []
    for a in sorted(found, key=lambda a: a.cue_span.start):
        if a.cue == "citing" and merged and merged[-1].original and _is_outlet(merged[-1].original):
            prev = merged.pop()
            via = (*prev.intermediaries, prev.original or "")
            whole = Span(start=prev.span.start, end=a.span.end)
            a = Attribution(a.original, a.cue, a.cue_span, whole, via)
        merged.append(a)
    return merged


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
        if original and _is_outlet(original):
            intermediaries.append(original)
            original = None
    for name in intermediaries:
        if name and all(not _same_outlet(name, link.name) for link in links):
            links.append(SourceLink(name=name, role=SourceRole.intermediary))
    if original:
        links.append(SourceLink(name=original, role=SourceRole.original))
    return links


# --------------------------------------------------------------------------- patterns


def _according(text: str, m: re.Match[str], start: int, end: int) -> list[Attribution]:
    name, name_end = _name_after(text, m.end(), end)
    if not name or name.split()[0].lower() in _NOT_SOURCES or re.search(r"\d", name):
        return []
    cue = m.group("verb")
    cue_span = Span(start=m.start(), end=m.start() + len(cue))
    return [Attribution(name, cue.lower(), cue_span, Span(start=m.start(), end=name_end))]


def _reporting(text: str, m: re.Match[str], start: int, end: int) -> Attribution | None:
    verb = m.group("verb")
    if verb in AMBIGUOUS_VERBS and not _REPORTED_CONTENT.match(text, m.end(), end):
        return None  # "insurance claims rose": a noun, not a verb
    cue_span = Span(start=m.start(), end=m.end())
    # ", said the ministry": the source follows the verb.
    inverted = _inverted_source(text, m, start, end)
    if inverted is not None:
        name, name_end = inverted
        return Attribution(
            name, verb, cue_span, Span(start=m.start(), end=name_end), _via(text, m, end)
        )
    np_start, words = _source_before(text, start, m.start())
    if words and words[-1].lower() in _PASSIVE | {"to"}:
        return None  # "damage is estimated at", "declined to say": no one says anything
    while words and words[-1].lower() in _AUXILIARIES:
        words.pop()  # "the ministry has said"
    name = " ".join(words)
    if not name or not _plausible_source(name, verb):
        return None
    np_start = _skip_space(text, np_start)
    role_start = _appositive_start(text, start, np_start, name)
    if role_start is not None:
        name = " ".join(text[role_start:np_start].split()) + " " + name
        np_start = role_start
    name = _uncapitalise(text, start, np_start, name)
    return Attribution(name, verb, cue_span, Span(start=np_start, end=m.end()), _via(text, m, end))


def _via(text: str, m: re.Match[str], end: int) -> tuple[str, ...]:
    """The outlet in "told Reuters", "told the Continental Press Agency" (not "told
    reporters")."""
    if m.group("verb") not in ("told", "tells"):
        return ()
    told = _TOLD_OUTLET.match(text, m.end(), end)
    return (told.group("to"),) if told else ()


def _source_before(text: str, start: int, verb_start: int) -> tuple[int, list[str]]:
    """The noun phrase before a reporting verb: its start and its words.

    It begins after the last comma, quote or bracket and after the last clause word
    ("where residents say"). When a comma stands right before the verb, the phrase is
    the chunk before it ("Dr Imre Kalnay, head of the department, said"), skipping back
    over an interjected clause ("Paul Haverty, visiting a shelter, said"; "Gideon Marsh,
    who leads the observatory, said").
    """
    end = verb_start
    chunk_start = _chunk_start(text, start, end)
    if not text[chunk_start:end].strip() and text[start:chunk_start].rstrip().endswith(","):
        end = text.rindex(",", start, chunk_start)
        chunk_start = _chunk_start(text, start, end)
        chunk = [w.lower() for w in text[chunk_start:end].split()]
        first = chunk[0] if chunk else ""
        interjected = (
            first.endswith("ing") or first in _PREPOSITIONS or any(w in _RELATIVES for w in chunk)
        )
        if interjected and text[start:chunk_start].rstrip().endswith(","):
            end = text.rindex(",", start, chunk_start)
            chunk_start = _chunk_start(text, start, end)
    np_start = chunk_start
    tokens = list(_WORD_RE.finditer(text, chunk_start, end))
    for i, word in enumerate(tokens):
        lower = word.group(0).lower()
        if lower not in _BOUNDARY_WORDS:
            continue
        # "and"/"or" join clauses only after a verb: "the dam failed and officials said",
        # but "the fire and rescue service said".
        if lower in ("and", "or") and not any(_verbish(w.group(0)) for w in tokens[:i]):
            continue
        np_start = word.end()
    return np_start, text[np_start:end].split()


def _verbish(word: str) -> bool:
    lower = word.lower()
    return lower in _AUXILIARIES or lower in _VERB_SET or lower.endswith("ed")


def _chunk_start(text: str, start: int, end: int) -> int:
    """After the last comma, quote, bracket or dash in ``text[start:end]``."""
    pos = start
    for stop in _CLAUSE_STOP.finditer(text, start, end):
        pos = stop.end()
    return pos


def _inverted_source(text: str, m: re.Match[str], start: int, end: int) -> tuple[str, int] | None:
    """The source after the verb in '"...," said X' or '..., said the ministry', and
    where it ends; ``None`` unless a comma or quote stands right before the verb and a
    plausible name follows it."""
    lead = text[start : m.start()].rstrip()
    if not lead or lead[-1] not in ",\"”’'":
        return None
    name, name_end = _name_after(text, m.end(), end)
    if not name or name.split()[0].lower() in _NOT_SOURCES | _PREPOSITIONS | _OBJECTS:
        return None  # ", called it ...": a pronoun after the verb is its object
    if len(name.split()) > 8 or not _plausible_source(name, m.group("verb")):
        return None
    if any(w.islower() and _verbish(w) for w in name.split()):
        return None  # "X, a spokeswoman, said the dam failed": that is content, not a name
    return name, name_end


def _plausible_source(name: str, verb: str) -> bool:
    words = name.split()
    if len(words) > 10 or re.search(r"\d", name):
        return False
    lowered = [w.lower().strip(".,") for w in words]
    if lowered[0] in _NOT_SOURCES or any(w in _AUXILIARIES for w in lowered):
        return False
    if all(w in ("the", "a", "an", "its", "their") for w in lowered):
        return False
    if verb in AMBIGUOUS_VERBS:
        return words[0][0].isupper() or lowered[0] in GENERIC_SOURCES
    return True


def _appositive_start(text: str, start: int, np_start: int, name: str) -> int | None:
    """Where the name before a role appositive starts: "Dr Imre Kalnay, head of ...",
    or ``None`` when ``name`` is not such an appositive."""
    words = [w.lower() for w in name.split()]
    head = words[1] if words[0] in ("a", "an", "the") and len(words) > 1 else words[0]
    lead = text[start:np_start].rstrip()
    if head not in ROLE_WORDS or not lead.endswith(","):
        return None
    comma = start + len(lead) - 1
    chunk_start = start
    for m in _CLAUSE_STOP.finditer(text, start, comma):
        chunk_start = m.end()
    chunk_start = _skip_space(text, chunk_start)
    chunk = text[chunk_start:comma].split()
    if not chunk or not chunk[0][:1].isupper() or chunk[0].lower() in _PREPOSITIONS:
        return None
    return chunk_start if len(chunk) <= 6 else None


def _uncapitalise(text: str, sentence_start: int, np_start: int, name: str) -> str:
    at_start = not text[sentence_start:np_start].strip(" \"“‘'(")
    first = name.split()[0]
    if at_start and first.lower() in GENERIC_SOURCES:
        return first.lower() + name[len(first) :]
    return name


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _name_after(text: str, start: int, end: int) -> tuple[str, int]:
    """The name that runs from ``start`` to the end of its clause, less what trails it
    ("on Monday", "in a statement"), whitespace collapsed; and where it ends."""
    stop = _CLAUSE_STOP.search(text, start, end)
    limit = stop.start() if stop else end
    trailing = _TRAILING.search(text, start, limit)
    if trailing:
        limit = trailing.start()
    while limit > start and (text[limit - 1].isspace() or text[limit - 1] in _NAME_EDGE):
        limit -= 1
    while start < limit and (text[start].isspace() or text[start] in _NAME_EDGE):
        start += 1
    return " ".join(text[start:limit].split()), limit


def _is_outlet(name: str) -> bool:
    bare = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)
    if any(bare.lower() == o.lower() or name.lower() == o.lower() for o in OUTLETS):
        return True
    return OUTLET_WORDS.search(name) is not None


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
