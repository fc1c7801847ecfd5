"""Parts against their total, within one sentence.

Fires when a sentence of one article states a figure and then breaks it down:

- after the total, "of which", "of whom", "of them", "of those", "comprising", "made up
  of", "split between", "broken down into", "divided into": the parts must sum to the
  total (within their bounds and the tolerance of approximate figures);
- after the total, "including", "among them", "among whom": the parts may fall short of
  the total but not exceed it;
- before the total, "Of the 312 homes damaged, 180 …": likewise, parts may fall short.

Parts are the later figures of the sentence in the total's unit (a percentage or "in 3
districts" is not a part of 312 homes). Severity info (ok=True) when they add up, high
when the parts exceed the total, medium when they fall short of an exhaustive total.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from assistant.compare.evidence import figure, finding, number, values
from assistant.compare.intervals import total
from assistant.compare.package import Package
from assistant.compare.rules.arithmetic.figures import Figure, by_sentence
from assistant.model import Finding, RuleId, Severity
from assistant.text import one_line

_EXHAUSTIVE = re.compile(
    r"\b(?:of which|of whom|of them|of those|of these|comprising|made up of|split between|"
    r"broken down into|divided into)\b",
    re.IGNORECASE,
)
_INCLUSIVE = re.compile(
    r"\b(?:including|among them|among whom|among those|among these)\b", re.IGNORECASE
)
_TOTAL_FIRST = re.compile(r"\bof the\s+$", re.IGNORECASE)
# Where a breakdown ends: a dash, a semicolon or a closing bracket closes the aside that
# lists the parts ("a $103 million sum - including the $51 million fee - to one player
# and a $70 million contract for another": $70 million is not a part).
_BREAK = re.compile(r"\s[-–—]|[-–—]\s|--|;|\)")
# Searched in the lower-cased article first: most articles break nothing down.
_ANY_CUE = re.compile("|".join(p.pattern for p in (_EXHAUSTIVE, _INCLUSIVE)) + r"|\bof the\b")


def check(package: Package) -> Iterator[Finding]:
    for article_id, members in package.by_article.items():
        article = package.articles.get(article_id)
        if article is None or not _ANY_CUE.search(article.text.lower()):
            continue
        for figures in by_sentence(members, article.text):
            if (split := _breakdown(figures, article.text)) is not None:
                yield _verdict(*split)


def _breakdown(figures: Sequence[Figure], text: str) -> tuple[Figure, list[Figure], bool] | None:
    """(total, parts, exhaustive) when the sentence breaks its first possible total down."""
    for i, whole in enumerate(figures[:-1]):
        gap = text[whole.end : figures[i + 1].start]
        exhaustive = _EXHAUSTIVE.search(gap) is not None
        lead_in = text[max(0, whole.start - 12) : whole.start]
        cue = _EXHAUSTIVE.search(gap) or _INCLUSIVE.search(gap)
        if cue or _TOTAL_FIRST.search(lead_in):
            listed_from = whole.end + cue.end() if cue else whole.end
            stop = _BREAK.search(text, listed_from, figures[-1].start)
            until = stop.start() if stop else figures[-1].start + 1
            parts = [
                p for p in figures[i + 1 :] if p.facts.unit == whole.facts.unit and p.start < until
            ]
            if parts:
                return whole, parts, exhaustive
    return None


def _verdict(whole: Figure, parts: list[Figure], exhaustive: bool) -> Finding:
    summed = total([p.values for p in parts])
    over = whole.values.below(summed)
    fits = summed.intersect(whole.values) is not None if exhaustive else not over
    facts = whole.facts
    what = one_line(facts.claim.metric or "total")
    sums = " + ".join(figure(p.facts) for p in parts)
    if len(parts) > 1:
        sums += f" = {values(summed)}"
    if fits:
        verdict = "the parts add up" if exhaustive else "the parts do not exceed it"
    elif over:
        verdict = "the parts exceed the total"
    else:
        gap = whole.values.lo - summed.hi
        verdict = (
            f"the parts fall short by {number(gap)}: a category is missing or a figure is wrong"
        )
    where = f"{facts.outlet}, sentence {facts.claim.sentence}"
    return finding(
        RuleId.ARITHMETIC,
        Severity.info if fits else Severity.high if over else Severity.medium,
        [facts, *(p.facts for p in parts)],
        f"{where}: {sums} against a stated total of {figure(facts)} ({what}): {verdict}",
        ok=fits,
    )
