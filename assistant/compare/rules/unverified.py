"""UNVERIFIED — claims under a verification disclaimer or an evidential hedge.

Fires once per hedge of kind ``verification_disclaimer`` ("could not be independently
verified", "we were unable to confirm") or ``evidential`` ("reportedly", "allegedly"),
listing every claim of its article that the hedge's scope covers:

- ``clause``: the claims that carry the hedge;
- ``sentence``: every claim in the hedge's sentence;
- ``preceding`` ("these figures could not be verified"): the hedge's sentence and up to
  two sentences before it, in the same paragraph — or in the paragraph before, when the
  disclaimer opens its paragraph (wire copy gives it a paragraph of its own) — never the
  next paragraph;
- ``paragraph``: every claim in the hedge's paragraph.

Positions are sentence and paragraph indices. The hedge's own index is measured from a
claim that carries it (the distance in our sentence layout added to that claim's index),
so extractors that number sentences differently still line up. A hedge without a span,
or a claim without indices, covers only the claims that carry it.

Does not fire for modal hedges ("may", "could") or approximators ("about"): those are
hedged, not unverified.

Severity medium for a disclaimer, low for an evidential. Evidence: the cue, its scope and
the claims covered.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from assistant.compare.evidence import finding, quote
from assistant.compare.facts import Facts
from assistant.compare.package import Package
from assistant.model import Finding, Hedge, HedgeKind, HedgeScope, RuleId, Severity
from assistant.normalize import Layout
from assistant.normalize.lexical import fold
from assistant.text import one_line

_SEVERITY = {HedgeKind.verification_disclaimer: Severity.medium, HedgeKind.evidential: Severity.low}
_KIND = {
    HedgeKind.verification_disclaimer: "verification disclaimer",
    HedgeKind.evidential: "evidential",
}
_SCOPE = {
    HedgeScope.clause: "its own clause",
    HedgeScope.sentence: "its sentence",
    HedgeScope.preceding: "its sentence and up to two earlier ones",
    HedgeScope.paragraph: "its paragraph",
}


@dataclass(frozen=True)
class _Occurrence:
    """One hedge in the text, with the claims the extractor attached it to."""

    hedge: Hedge
    owners: tuple[Facts, ...]


def check(package: Package) -> Iterator[Finding]:
    for article_id, members in package.by_article.items():
        if not _has_hedges(members):  # most articles: nothing to look up
            continue
        article = package.articles.get(article_id)
        layout = Layout.of(article.text) if article is not None else None
        for occurrence in _occurrences(members):
            position = _position(occurrence, layout)
            covered = [f for f in members if _covers(occurrence, position, f)]
            if not covered:  # carried only by claims outside its own scope
                continue
            hedge = occurrence.hedge
            yield finding(
                RuleId.UNVERIFIED,
                _SEVERITY[hedge.kind],
                covered,
                f"{covered[0].outlet}: “{one_line(hedge.cue)}” ({_KIND[hedge.kind]}, "
                f"covering {_SCOPE[hedge.scope]}) applies to "
                + "; ".join(quote(f.claim.quote, 70) for f in covered),
            )


def _has_hedges(members: Sequence[Facts]) -> bool:
    return any(h.kind in _SEVERITY for f in members for h in f.claim.hedges)


def _occurrences(members: Sequence[Facts]) -> list[_Occurrence]:
    """Each covering hedge once, however many claims carry it, in text order."""
    owners: dict[tuple[int, int, str, str, str], list[Facts]] = defaultdict(list)
    hedges: dict[tuple[int, int, str, str, str], Hedge] = {}
    for f in members:
        for hedge in f.claim.hedges:
            if hedge.kind not in _SEVERITY:
                continue
            # A hedge with a span is one place in the text; without one, it is the claim's own.
            start, end, owner = (
                (hedge.span.start, hedge.span.end, "") if hedge.span else (-1, -1, f.id)
            )
            key = (start, end, owner, fold(hedge.cue), hedge.scope.value)
            hedges.setdefault(key, hedge)
            owners[key].append(f)
    return [_Occurrence(hedges[key], tuple(owners[key])) for key in sorted(hedges)]


def _position(occurrence: _Occurrence, layout: Layout | None) -> tuple[int, int, bool] | None:
    """(sentence, paragraph, opens its paragraph) of the hedge, in the numbering of the
    claims that carry it."""
    span = occurrence.hedge.span
    if span is None or layout is None:
        return None
    sentence, paragraph = layout.sentence_at(span.start), layout.paragraph_at(span.start)
    opens = layout.sentence_at(layout.paragraph_starts[paragraph]) == sentence
    for owner in occurrence.owners:
        claim = owner.claim
        if claim.span is not None and claim.sentence is not None and claim.paragraph is not None:
            return (
                claim.sentence + sentence - layout.sentence_at(claim.span.start),
                claim.paragraph + paragraph - layout.paragraph_at(claim.span.start),
                opens,
            )
    return sentence, paragraph, opens


def _covers(occurrence: _Occurrence, position: tuple[int, int, bool] | None, f: Facts) -> bool:
    sentence, paragraph = f.claim.sentence, f.claim.paragraph
    scope = occurrence.hedge.scope
    if scope is HedgeScope.clause or position is None or sentence is None or paragraph is None:
        return any(owner.id == f.id for owner in occurrence.owners)
    at_sentence, at_paragraph, opens = position
    match scope:
        case HedgeScope.sentence:
            return sentence == at_sentence
        case HedgeScope.preceding:
            reach = (at_paragraph, at_paragraph - 1) if opens else (at_paragraph,)
            return paragraph in reach and at_sentence - 2 <= sentence <= at_sentence
        case _:
            return paragraph == at_paragraph
