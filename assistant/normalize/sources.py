"""Folding source names so that one origin written differently compares equal.

"the Ministry of the Interior", "the interior ministry", "a spokesman for the interior
ministry" and "interior ministry officials" all fold to "interior ministry". A person
folds to their name: "Dunmore Public Works Director Lena Corbel", "Lena Corbel, the
county's works director" and "Director Lena Corbel" are "lena corbel" (and "Corbel" is
its tail, which the rule layer merges); a place keeps its state ("Lakeport, Calif.,
police" is not "lakeport"). A document folds to whom it is from: "figures from the health
ministry" is "health ministry". Folding only removes wording that never changes who the
source is; anything else (acronyms, former names, "the ministry" meaning one ministry in
particular) is left to the alias table. Letters outside ASCII are kept ("Café Lumière"
is "café lumière", not "caf lumi re").
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.normalize.lexical import fold

_LEADING = frozenset({"the", "a", "an", "according", "to"})
# Words that name no one in particular: "officials", "local authorities", "sources".
_ROLE_ADJECTIVES = frozenset(
    {"senior", "local", "unnamed", "anonymous", "top", "regional", "chief"}
)
_ROLES = frozenset(
    {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokespeople",
        "official",
        "officials",
        "representative",
        "representatives",
        "source",
        "sources",
        "staff",
    }
)
_ROLE_LINKS = frozenset({"for", "at", "from", "of", "with", "in"})
_GENERIC = frozenset({"authorities", "authority", "witnesses", "experts", "residents", "people"})
# Bodies whose formal name puts the portfolio last: "ministry of (the) interior".
_INSTITUTIONS = frozenset({"ministry", "department", "agency", "bureau", "directorate"})


def _lexicon(text: str) -> frozenset[str]:
    """A word list written as a plain string."""
    return frozenset(text.split())


# Titles and roles before a person's name: "Director Lena Corbel", "Sen. Ida Marwick",
# "port spokesman Ivo Brandt".
_TITLES = _lexicon(
    """
    mr mrs ms miss dr sen rep gov lt sgt cpl det capt col gen maj adm prof rev insp supt
    cmdr pvt atty judge officer detective commissioner director president senator
    representative governor mayor chief secretary speaker justice attorney inspector
    sheriff deputy coroner father sister sir dame lord lady corporal sergeant lieutenant
    captain colonel general professor pastor rabbi imam bishop reverend ceo cfo coo
    chairman chairwoman chair minister chancellor ambassador congressman congresswoman
    councilman councilwoman superintendent constable trooper agent spokesman spokeswoman
    spokesperson manager head founder owner lawyer prosecutor analyst expert economist
    editor reporter correspondent executive officer dean principal coach
    """
)
# Titles that also open names of bodies and brands: "General Dynamics", "Chief Executives
# Board". Only a full name after them ("General Ann Roe") makes them a person's title.
_ALSO_IN_NAMES = _lexicon(
    "general chief captain executive head founder owner chair agent coach principal dean "
    "president speaker justice officer manager"
)
# What a document is, before whom it is from: "figures from the ministry".
_DOCUMENT_FROM = re.compile(
    r"^(?:the\s+|a\s+|an\s+)?(?:(?:latest|new|official|initial|final|preliminary|annual)\s+)*"
    r"(?:figures|data|statistics|numbers|estimates|projections|report|reports|statement|"
    r"records|documents|count|tally)\s+"
    r"(?:(?:released|published|issued|provided|compiled)\s+)?(?:from|by|of)\s+",
    re.IGNORECASE,
)
_COMMA = re.compile(r",\s*")
# One capitalised word between commas after a place: its state or country ("Miss.",
# "D.C.", "Oregon") - but not a name's suffix ("Hugh Salt, Jr., the manager").
_PLACE_PART = re.compile(r"[A-Z][\w.]*")
_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})
# Words that open an appositive: "Dana Whitcombe, the county's fire chief".
_APPOSITIVE_OPENERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our"})
_PARTY_TAG = re.compile(r"\(?[RDI]-[A-Z][\w.]*\)?")
_WORD = re.compile(r"(?:[^\W_]|[$€£%])+(?:['\-][^\W_]+)*")


@lru_cache(maxsize=65536)
def source_phrase(name: str) -> str:
    """The folded form of a source name (lower case, role wording dropped, word order set).

    >>> source_phrase("a spokesman for the Ministry of the Interior")
    'interior ministry'
    >>> source_phrase("Dunmore Public Works Director Lena Corbel")
    'lena corbel'
    """
    name = _person_name(_DOCUMENT_FROM.sub("", name.strip()))
    ws = [w.replace(".", "") for w in _words(name.replace(".", ""))]
    ws = _drop_leading(ws)
    ws = _drop_role_prefix(ws)
    ws = _drop_role_suffix(ws)
    return " ".join(_institution_first_to_last(ws))


def _words(text: str) -> list[str]:
    """The words of ``text`` folded, letters of any script kept; possessive 's dropped."""
    found = _WORD.findall(fold(text))
    return [w[:-2] if w.endswith("'s") else w for w in found]


def _person_name(name: str) -> str:
    """The name of a person written with titles or a role: "Lena Corbel, the county's works
    director" -> "Lena Corbel"; "FBI Director Ivo Brandt" -> "Ivo Brandt". Other names are
    returned as they are."""
    after = 0  # where the text after the previous comma starts
    for comma in _COMMA.finditer(name):
        inserted = name[after : comma.start()].strip()
        place = after > 0 and _PLACE_PART.fullmatch(inserted) and inserted not in _SUFFIXES
        after = comma.end()
        if place:
            continue  # "Ashford, Miss., coroner ...": the state goes on with the place
        if _opens_appositive(name[comma.end() :]):
            head = name[: comma.start()]
            if _is_proper(head.split()):
                name = head  # the appositive after a name describes it
            break
    ws = name.split()
    titled = [i for i, w in enumerate(ws) if w.lower().rstrip(".") in _TITLES]
    if not titled:
        return name
    title, rest = ws[titled[-1]].lower().rstrip("."), ws[titled[-1] + 1 :]
    shortest = 2 if title in _ALSO_IN_NAMES else 1  # "General Dynamics" is no general
    if shortest <= len(rest) <= 4 and _is_proper(rest):
        return " ".join(rest)
    return name


def _opens_appositive(rest: str) -> bool:
    """Whether what follows a comma describes the name before it: a determiner, a role,
    an age or a party tag ("the city's safety director", "spokeswoman for", "52",
    "R-Ohio") - never a state or country ("Ore.", "D.C.", "N.Y."), which goes on with a
    place: "Fairhaven, Ore., Police Chief Dana Whitcombe"."""
    first = rest.split(maxsplit=1)[0].rstrip(",;") if rest.strip() else ""
    if first.isdigit() or _PARTY_TAG.fullmatch(first):
        return True
    if not first[:1].islower():
        return False
    word = first.rstrip(".")
    return word in _APPOSITIVE_OPENERS or word in _TITLES or word in _ROLES


def _is_proper(ws: list[str]) -> bool:
    """Capitalised words (initials and "Jr." too): a name."""
    return bool(ws) and all(w[:1].isupper() for w in ws)


def _drop_leading(ws: list[str]) -> list[str]:
    while len(ws) > 1 and ws[0] in _LEADING:
        ws = ws[1:]
    return ws


def _drop_role_prefix(ws: list[str]) -> list[str]:
    """'(senior) official(s) at/for/from the X' -> 'X'."""
    i = 0
    while i < len(ws) and ws[i] in _ROLE_ADJECTIVES:
        i += 1
    if i < len(ws) - 2 and ws[i] in _ROLES and ws[i + 1] in _ROLE_LINKS:
        return _drop_leading(ws[i + 2 :])
    return ws


@lru_cache(maxsize=4096)
def is_unnamed(origin: str) -> bool:
    """A folded origin that names no one in particular: 'officials', 'local authorities'.

    Cached: the rules ask about the same few origins for every group of claims.
    """
    return all(w in _ROLES or w in _ROLE_ADJECTIVES or w in _GENERIC for w in origin.split())


def _drop_role_suffix(ws: list[str]) -> list[str]:
    """'X officials' / 'X spokesman' -> 'X', unless X is only an adjective ('local officials')."""
    while len(ws) > 1 and ws[-1] in _ROLES and not all(w in _ROLE_ADJECTIVES for w in ws[:-1]):
        ws = ws[:-1]
    return ws


def _institution_first_to_last(ws: list[str]) -> list[str]:
    """'ministry of (the) interior' -> 'interior ministry'."""
    if len(ws) >= 3 and ws[0] in _INSTITUTIONS and ws[1] == "of":
        rest = _drop_leading(ws[2:])
        return [*rest, ws[0]]
    return ws
