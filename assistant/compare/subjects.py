"""Which subject a claim without one is about: the package's, when that is unambiguous.

A story package covers one event, so a claim that names no subject ("12 people died on
Monday", or an extractor's fallback answer with the subject left out) is about the same
thing as the claims that do. Filed under an empty subject it would never meet them, and a
conflict would go unseen. So a subject-less claim takes the subject of its metric and
unit when the package names exactly one for them; failing that, the one its own article
names for them, if only one. When several subjects remain (a batch of packages on
different events), it stays apart rather than be guessed into one.

Subjects are compared folded (``key_phrase``: case, articles and plurals do not count),
so "the Sullmere floods" and "Sullmere floods" are one subject.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from assistant.compare.facts import Facts


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
