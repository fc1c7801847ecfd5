"""Folding source names so that one origin written differently compares equal.

"the Ministry of the Interior", "the interior ministry", "a spokesman for the interior
ministry" and "interior ministry officials" all fold to "interior ministry". Folding only
removes wording that never changes who the source is; anything else (acronyms, former
names, "the ministry" meaning one ministry in particular) is left to the alias table.
"""

from __future__ import annotations

from functools import lru_cache

from assistant.normalize.lexical import words

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


@lru_cache(maxsize=65536)
def source_phrase(name: str) -> str:
    """The folded form of a source name (lower case, role wording dropped, word order set).

    >>> source_phrase("a spokesman for the Ministry of the Interior")
    'interior ministry'
    """
    ws = [w.replace(".", "") for w in words(name.replace(".", ""))]
    ws = _drop_leading(ws)
    ws = _drop_role_prefix(ws)
    ws = _drop_role_suffix(ws)
    return " ".join(_institution_first_to_last(ws))


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
