"""Which subject a claim without one is about: the package's, when that is unambiguous.

A story package covers one event, so a claim that names no subject ("12 people died on
Monday", or an extractor's fallback answer with the subject left out) is about the same
thing as the claims that do. Filed under an empty subject it would never meet them, and a
conflict would go unseen. So a subject-less claim takes the subject of its metric and
unit when the package names exactly one for them; failing that, the one its own article
names for them, if only one. When several subjects remain (a batch of packages on
different events), it stays apart rather than be guessed into one.

Subjects are compared folded (``key_phrase``: case, articles and plurals do not count),
so "the Sullmere floods" and "Sullmere floods" are one subject. A person is named in
full once and by surname after ("Zurana Horton", then "Horton", "Ms. Horton"), and
outlets differ in the same way: a name the package also writes in full is read as that
full name, when only one full name ends with it (see ``canonical_names``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from nicknames import NickNamer

from assistant.compare.facts import Facts
from assistant.extract.offline.lexicon import words


def fill_subjects(facts: Sequence[Facts]) -> tuple[Facts, ...]:
    """``facts`` (same order) with the subject of every subject-less comparable claim
    filled in where the rule in the module docstring allows it."""
    named: dict[tuple[str | None, str], set[str]] = defaultdict(set)
    in_article: dict[tuple[str | None, str, str], set[str]] = defaultdict(set)
    for f in facts:
        if f.comparable and f.subject:
            named[(f.metric, f.unit)].add(f.subject)
            in_article[(f.metric, f.unit, f.article_id)].add(f.subject)
    if not named:
        return tuple(facts)
    return tuple(
        _filled(f, named, in_article) if f.comparable and not f.subject else f for f in facts
    )


def _filled(
    f: Facts,
    named: dict[tuple[str | None, str], set[str]],
    in_article: dict[tuple[str | None, str, str], set[str]],
) -> Facts:
    for candidates in (
        named.get((f.metric, f.unit)),
        in_article.get((f.metric, f.unit, f.article_id)),
    ):
        if candidates and len(candidates) == 1:
            return f._replace(subject=next(iter(candidates)))
    return f


# Titles before a name: "Mr Gigante" is Gigante.
_TITLES = words("""
    mr mrs ms miss dr prof sir dame rep sen gov gen col capt lt sgt det officer judge
    president senator governor mayor justice rev father
    """)


def canonical_names(facts: Sequence[Facts]) -> tuple[Facts, ...]:
    """``facts`` (same order) with each person's short name replaced by the one full name
    the package gives it: "horton" and "ms horton" become "zurana horton" when
    "zurana horton" is the only named subject ending in "horton". Only subjects the
    claims write as proper names take part; "the river" is never a surname."""
    names = {f.subject for f in facts if f.subject and _is_name(f.claim.subject)}
    full: dict[str, str] = _with_middle_names(names)
    # A title or a generation dropped first ("mr comeaux" is "comeaux", "arcade joseph
    # comeaux jr" is "arcade joseph comeaux" when the package writes it so), so that a
    # surname meets the one full name whatever order the names come in.
    for name in names - set(full):
        if (bare := _untitled(name)) != name and bare in names:
            full[name] = bare
    known = dict(full)  # read longer names through these only: no answer hangs on order
    for name in names - set(full):
        bare = _untitled(name)
        longer = {
            other
            for other in names
            if len(_untitled(other)) > len(bare) and _untitled(other).endswith(" " + bare)
        }
        # Longer names that are themselves one name ("vincent gigante", "vincent louis
        # gigante") count once: keep those no other candidate extends.
        # Read each longer name as its own fullest form first: "fred larue" and
        # "frederick c larue" are "frederick cheney larue", one full name for "larue".
        longer = {_fullest(n, known) for n in longer}
        longest = {
            n for n in longer if not any(o != n and o.endswith(" " + _untitled(n)) for o in longer)
        }
        if len(longest) == 1:
            full[name] = next(iter(longest))
    if not full:
        return tuple(facts)
    full = {name: _fullest(name, full) for name in full}
    return tuple(f._replace(subject=full[f.subject]) if f.subject in full else f for f in facts)


def _fullest(name: str, full: dict[str, str]) -> str:
    """``name`` read through ``full`` as far as it goes: "mr comeaux" is "comeaux", which
    is "vincent gigante"."""
    seen = {name}
    while (name := full.get(name, name)) not in seen:
        seen.add(name)
    return name


def _with_middle_names(names: set[str]) -> dict[str, str]:
    """Each name the package also writes more fully, mapped to the one fullest form:
    "raj chohan" and "raj k chohan" to "raj kumar chohan", "fred larue" and "frederick
    c larue" to "frederick cheney larue". A name with two different fuller readings
    ("ana maria ruiz", "ana lucia ruiz" for "ana ruiz") stays as written."""
    full: dict[str, str] = {}
    for name in names:
        parts = _untitled(name).split()
        if len(parts) < 2:
            continue
        fuller = {
            other for other in names if other != name and _extends(_untitled(other).split(), parts)
        }
        fullest = {
            n
            for n in fuller
            if not any(
                _extends(_untitled(o).split(), _untitled(n).split()) for o in fuller if o != n
            )
        }
        if len(fullest) == 1:
            full[name] = next(iter(fullest))
    return full


def _extends(longer: list[str], shorter: list[str]) -> bool:
    """``longer`` is ``shorter`` written more fully: the same last name, the first name
    the same or its short form ("fred" for "frederick"), every middle word of
    ``shorter`` found in order in ``longer`` (an initial matching the name it
    abbreviates), and more written in all."""
    if len(longer) < len(shorter) or longer[-1] != shorter[-1]:
        return False
    if not _same_word(longer[0], shorter[0]):
        return False
    middle = iter(longer[1:-1])
    if not all(any(_same_word(m, w) for m in middle) for w in shorter[1:-1]):
        return False
    return (len(longer), len(" ".join(longer))) > (len(shorter), len(" ".join(shorter)))


def _same_word(written: str, short: str) -> bool:
    """The same name word, or ``short`` its initial, its short form or its nickname: "k"
    for "kumar", "fred" for "frederick" (three letters at least: "al" is no short form
    of "alan"), "katie" for "kathryn", "bill" for "william"."""
    if written == short or (len(short) == 1 and written.startswith(short)):
        return True
    if len(short) >= 3 and written.startswith(short) and len(written) > len(short):
        return True
    return short in _NICKNAMES.nicknames_of(written)


# A curated table of English given names and their nicknames (the `nicknames` package).
_NICKNAMES = NickNamer()


def _untitled(name: str) -> str:
    """``name`` without titles before it or a generation after it: "mr arcade comeaux
    jr" is written "comeaux" too ("jr" and "sr" both kept would still be two people:
    neither is the one full name of "comeaux" then)."""
    parts = name.split()
    while len(parts) > 1 and parts[0] in _TITLES:
        parts.pop(0)
    if len(parts) > 1 and parts[-1] in _GENERATIONS:
        parts.pop()
    return " ".join(parts)


_GENERATIONS = words("jr sr ii iii iv")


def _is_name(written: str | None) -> bool:
    """Every word capitalised (a title's full stop aside): "Zurana Horton", "Mr. Gigante"."""
    parts = (written or "").replace(".", " ").split()
    return bool(parts) and all(p[:1].isupper() for p in parts)
