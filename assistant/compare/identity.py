"""Whether claims filed under one cluster key are known to be about one and the same thing.

A cluster key is only as good as the words it is made of. When the metric is one the
vocabulary defines ("deaths", "people evacuated": counts of the package's event), the
key says what is counted. Otherwise it is whatever the words around the figures share
("year offer", "year in prison"), and real coverage shows that two such figures are often
about different things: one club's eight-year offer and another's, a sentence in 1959
and one in 1997. Then only a subject that both claims name themselves (not one lent to
them by the package) shows they are about the same thing. Two different places named
("in Arlen", "in Brisk") always mean two counts.

The rules that assert something across articles (CONFLICT at high severity,
CORROBORATED, CIRCULAR) ask this first.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from assistant.compare.facts import Facts
from assistant.extract.offline.source_lexicon import GENERIC_SOURCES
from assistant.model import SourceRole
from assistant.normalize import Vocabulary
from assistant.normalize.lexical import key_phrase, words

# Words that open a "subject" naming no one: pronouns, relatives, quantifiers, days,
# and the audience of a report ("told reporters 20 ..."); such subjects tell nothing.
_NOT_NAMES = frozenset(
    words("""
    it its they them their he she his her we our you i this that these those which who
    whom whose what there here most some many much all few several each both either
    neither any none other another such reporters journalists after before when while
    monday tuesday wednesday thursday friday saturday sunday today yesterday
    """)
)


def own_subject(f: Facts) -> str:
    """The subject a claim names itself, folded; "" when it names none (or only lends
    one from the package, or the words name no one: "which", "Most", "Monday")."""
    written = f.claim.subject
    if not written:
        return ""
    folded = key_phrase(written)
    if not folded or folded.split()[0] in _NOT_NAMES:
        return ""
    if " " not in folded and any(ch.isdigit() for ch in folded):
        return ""  # "13-inch": a size names a model of any product line, not one
    # The package's reading of it: "Horton" is "Zurana Horton" (see subjects.py).
    return f.subject or folded


def named_subject(a: Facts, b: Facts) -> bool:
    """Both claims name the same subject themselves (it was not lent by the package)."""
    subject = own_subject(a)
    return bool(subject) and subject == own_subject(b)


def different_places(a: Facts, b: Facts) -> bool:
    """Each claim names where its figure was counted, and the places differ: deaths "in
    Arlen" and deaths "in Brisk" are two counts. One place written at two levels of
    detail ("Caldmouth" and "the Saltings district, Caldmouth") is no difference."""
    return places_differ(a.place, b.place)


def places_differ(a: str, b: str) -> bool:
    """Two folded places, both named, that are not one place at two levels of detail."""
    if not a or not b or a == b:
        return False
    wa, wb = _place_words(a), _place_words(b)
    return not (wa <= wb or wb <= wa)


def pointed_place(a: Facts, b: Facts) -> str:
    """The place of one claim that only points back ("14 had died in the state",
    "nationwide") when the other's names one ("11 had died in Georgia"): the state may be
    Georgia or another, so the two may be one count or two. "" otherwise."""
    if not a.place or not b.place or _points(a.place) == _points(b.place):
        return ""
    pointing = a if _points(a.place) else b
    return pointing.claim.location or pointing.place


def _points(place: str) -> bool:
    """A place written with kind words only ("the state", "the country")."""
    return not _place_words(place)


# Words that say what kind of place, not which: "the Saltings district, Caldmouth" and
# "Saltings" are one place written at two levels of detail.
_PLACE_KINDS = frozenset(
    words("""
    the of and near in at region district area county province state city town village
    borough neighbourhood neighborhood gauge port harbour harbor country territory island
    """)
)


def _place_words(place: str) -> frozenset[str]:
    return frozenset(w for w in place.replace(",", " ").split() if w not in _PLACE_KINDS)


def same_thing(a: Facts, b: Facts, vocabulary: Vocabulary) -> bool:
    """Two claims of one cluster are known to measure one thing: a metric the vocabulary
    defines or a subject both name, and no two different places (nor a place named
    against one only pointed back to)."""
    if different_places(a, b) or pointed_place(a, b):
        return False
    if a.metric is not None and vocabulary.is_listed_metric(a.metric):
        return True
    return (named_subject(a, b) or one_named_origin(a, b)) and not per_game(a.metric)


def one_named_origin(a: Facts, b: Facts) -> bool:
    """Both claims rest on one source, named as a name ("an Ipsos exit poll", "Governor
    Anna Pelt"), not a kind ("police", "officials"): one source gives one value for one
    thing, so two values of one metric from it are a clash of that source's figure."""
    if not a.origins or a.origins != b.origins or len(a.origins) != 1:
        return False
    return _names_someone(a) and _names_someone(b)


def _names_someone(f: Facts) -> bool:
    """An original source written with a name in it: a capitalised word that is no
    generic source ("Police said" opens a sentence with a kind, not a name)."""
    if len(f.origins) != 1:
        return False  # only a single origin takes part (see ``one_named_origin``)
    return any(
        _is_named(link.name) for link in f.claim.attribution if link.role is SourceRole.original
    )


@lru_cache(maxsize=4096)  # a package repeats a few dozen source names
def _is_named(name: str) -> bool:
    return any(w[:1].isupper() and w.lower() not in GENERIC_SOURCES for w in name.split())


def per_game(metric: str | None) -> bool:
    """A score or a win-loss record: a score belongs to a match, not to a player
    ("Klitschko" names his career record, his title-fight record and every fight's score
    alike), and a record ("Harbor City (15-7)") changes with every game, so two outlets a
    game apart both tell the truth. A name both claims give shows no more than that."""
    metric = metric or ""
    return metric.endswith("score") or metric.startswith("record ")


def all_same_thing(members: Sequence[Facts], vocabulary: Vocabulary) -> bool:
    """Every two claims of ``members`` from different articles measure one thing.

    Asked once per two readings (``_reading``), not per two claims: a big story's group
    of agreeing figures holds hundreds of claims but only a few readings.
    """
    readings: dict[_Reading, tuple[Facts, set[str]]] = {}
    for f in members:
        readings.setdefault(_reading(f), (f, set()))[1].add(f.article_id)
    found = list(readings.values())
    for n, (a, articles_a) in enumerate(found):
        if len(articles_a) > 1 and not same_thing(a, a, vocabulary):
            return False
        for b, articles_b in found[n + 1 :]:
            one_article = len(articles_a) == 1 and articles_a == articles_b
            if not one_article and not same_thing(a, b, vocabulary):
                return False
    return True


_Reading = tuple[str, str | None, str, str | None, tuple[str, ...], bool]


def _reading(f: Facts) -> _Reading:
    """Everything ``same_thing`` reads of a claim: claims that read alike are alike to it.
    Keep it in step: a field ``same_thing`` comes to read must be added here."""
    return f.place, f.metric, f.subject, f.claim.subject, f.origins, _names_someone(f)
