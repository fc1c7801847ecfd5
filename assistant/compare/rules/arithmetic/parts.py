"""Parts against their total, within one sentence.

Fires when a sentence of one article states a figure and then breaks it down:

- after the total, "of which", "of whom", "of them", "of those", "comprising", "made up
  of", "split between", "broken down into", "divided into": two or more parts must sum
  to the total (within their bounds and the tolerance of approximate figures); a single
  one ("$334 million, of which $281 million in cash") need only not exceed it;
- after the total, "including", "among them", "among whom": the parts may fall short of
  the total, and no part may exceed it; when only their sum does, the finding is low
  severity, as they may overlap ("including 12 children and 30 women");
- before the total, "Of the 96 containers, 58 were destroyed and 45 damaged": the parts
  may fall short; a sum above the total is medium (outcomes listed so are mostly
  exclusive, but "150 were evacuated and 80 returned" overlap).

Parts are the later figures of the sentence in the total's unit (a percentage or "in 3
districts" is not a part of 312 homes), up to where the list ends: a dash, a bracket, a
semicolon, a clause on how a toll changed (", raising the toll from eight"), or - after
"including" - ", and" opening a new clause ("Forty died, including 12 children, and 30
were injured"). Ages, scores and lengths are never totals or parts.
Severity info (ADDS_UP, ok=True) when they add up; high when one part, or the parts of an
exhaustive list, exceed the total; medium when they fall short of an exhaustive total.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from assistant.compare.evidence import figure, finding, number, values
from assistant.compare.facts import is_attribute
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
# So does a clause about the total's change ("the dead included three children,
# raising the toll from eight": eight is the earlier toll, not a part).
_BREAK = re.compile(
    r"\s[-–—]|[-–—]\s|--|;|\)"
    r"|,\s+(?:raising|bringing|pushing|taking|lifting|putting|making|up|down)\b"
)
_INCLUSIVE_BREAK = re.compile(_BREAK.pattern + r"|,\s+and\b")
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


def _breakdown(figures: Sequence[Figure], text: str) -> tuple[Figure, list[Figure], str] | None:
    """(total, parts, how the sentence lists them: "exhaustive", "total first" or
    "inclusive") when the sentence breaks its first possible total down."""
    figures = [f for f in figures if not is_attribute(f.facts.metric)]
    for i, whole in enumerate(figures[:-1]):
        gap = text[whole.end : figures[i + 1].start]
        lead_in = text[max(0, whole.start - 12) : whole.start]
        exhaustive, inclusive = _EXHAUSTIVE.search(gap), _INCLUSIVE.search(gap)
        if exhaustive or inclusive:
            mode = "exhaustive" if exhaustive else "inclusive"
        elif _TOTAL_FIRST.search(lead_in):
            mode = "total first"
        else:
            continue
        cue = exhaustive or inclusive
        listed_from = whole.end + cue.end() if cue else whole.end
        ends = _INCLUSIVE_BREAK if mode == "inclusive" else _BREAK
        stop = ends.search(text, listed_from, figures[-1].start)
        until = stop.start() if stop else figures[-1].start + 1
        parts = [
            p for p in figures[i + 1 :] if p.facts.unit == whole.facts.unit and p.start < until
        ]
        if parts:
            if mode == "exhaustive" and len(parts) == 1:
                mode = "inclusive"  # "$334 million, of which $281 million in cash": one part
            return whole, parts, mode
    return None


def _verdict(whole: Figure, parts: list[Figure], mode: str) -> Finding:
    summed = total([p.values for p in parts])
    sum_over = whole.values.below(summed)
    one_over = any(whole.values.below(p.values) for p in parts)
    fits = summed.intersect(whole.values) is not None if mode == "exhaustive" else not sum_over
    facts = whole.facts
    what = one_line(facts.claim.metric or "total")
    sums = " + ".join(figure(p.facts) for p in parts)
    if len(parts) > 1:
        sums += f" = {values(summed)}"
    if fits:
        verdict = "the parts add up" if mode == "exhaustive" else "the parts do not exceed it"
        severity = Severity.info
    elif one_over:
        verdict, severity = "a part exceeds the total", Severity.high
    elif sum_over and mode == "exhaustive":
        verdict, severity = "the parts exceed the total", Severity.high
    elif sum_over:
        # "Of the 200 workers, 150 were evacuated and 80 returned": the parts may overlap.
        verdict = "the parts exceed the total, which is right only if they overlap"
        severity = Severity.medium if mode == "total first" else Severity.low
    else:
        gap = whole.values.lo - summed.hi
        verdict = (
            f"the parts fall short by {number(gap)}: a category is missing or a figure is wrong"
        )
        severity = Severity.medium
    where = f"{facts.outlet}, sentence {facts.claim.sentence}"
    return finding(
        RuleId.ADDS_UP if fits else RuleId.ARITHMETIC,
        severity,
        [facts, *(p.facts for p in parts)],
        f"{where}: {sums} against a stated total of {figure(facts)} ({what}): {verdict}",
        ok=fits,
    )
