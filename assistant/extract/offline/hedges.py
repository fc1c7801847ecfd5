"""Hedge cues and their scope: the words that make a claim less than a plain assertion.

The lexicon is data (``HEDGE_RULES``): a regex, a kind and a default scope per entry.

Scope rules:

- ``epistemic_modal`` (may, might, likely, is expected to) and ``evidential``
  (reportedly, allegedly, is said to) cover their ``clause``;
- a ``verification_disclaimer`` ("could not be independently verified") covers its own
  ``sentence`` - unless the sentence refers back ("These figures ...", "the reports",
  "they", "this") and states no figure of its own before the cue: then the scope is
  ``preceding``, and the rule layer lets it cover at most the two sentences before it in
  the same paragraph;
- an ``approximator`` is the bound cue of a quantity ("more than", "about") or a vague
  amount itself ("hundreds"), scope ``clause``;
- ``attribution_only`` marks the reporting words a claim rests on ("the ministry said"),
  scope ``sentence``.

When two cues overlap, a disclaimer beats an evidential, which beats a modal ("could"
inside "could not be verified" is not a modal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.extract.offline.attribution import Attribution, find_attributions
from assistant.extract.offline.sentences import split_sentences
from assistant.model import Bound, Hedge, HedgeKind, HedgeScope, Span
from assistant.normalize.numbers import QuantityMatch, match_quantities


@dataclass(frozen=True, slots=True)
class HedgeRule:
    """One lexicon entry: a regex (word-bounded for you), what it is, what it covers."""

    pattern: str
    kind: HedgeKind
    scope: HedgeScope
    ignore_case: bool = True


_V = HedgeKind.verification_disclaimer
_E = HedgeKind.evidential
_M = HedgeKind.epistemic_modal
_SENT, _CLAUSE = HedgeScope.sentence, HedgeScope.clause
_NOT = r"(?:cannot|can\s*not|could\s+not|can[’']t|couldn[’']t|did\s+not|didn[’']t|do\s+not)"
_ADV = r"(?:(?:yet|immediately|independently|be|been|so\s+far)\s+){0,3}"

HEDGE_RULES: tuple[HedgeRule, ...] = (
    HedgeRule(rf"{_NOT}\s+{_ADV}(?:verif(?:y|ied)|confirm(?:ed)?)", _V, _SENT),
    HedgeRule(
        r"(?:has|have|had|was|were|is|are)(?:\s+not|n[’']t)\s+"
        rf"{_ADV}(?:verified|confirmed|corroborated)",
        _V,
        _SENT,
    ),
    HedgeRule(
        r"(?:was|were|is|are|has\s+been|have\s+been)\s+(?:unable|not\s+able)\s+to\s+"
        r"(?:independently\s+)?(?:verify|confirm|corroborate)",
        _V,
        _SENT,
    ),
    HedgeRule(r"unconfirmed|unverified|uncorroborated", _V, _SENT),
    HedgeRule(r"no\s+independent\s+(?:confirmation|verification)", _V, _SENT),
    HedgeRule(r"reportedly|supposedly|allegedly|purportedly|apparently|ostensibly", _E, _CLAUSE),
    HedgeRule(r"(?:is|are|was|were)\s+said\s+to|rumou?red|it\s+is\s+claimed", _E, _CLAUSE),
    HedgeRule(r"may|might", _M, _CLAUSE, ignore_case=False),  # not the month "May"
    HedgeRule(r"could|likely|unlikely|possibly|possible|probably|perhaps|potentially", _M, _CLAUSE),
    HedgeRule(r"(?:appears?|appeared|seems?|seemed)\s+to", _M, _CLAUSE),
    HedgeRule(r"(?:is|are|was|were)\s+(?:expected|believed|thought|feared)\s+to", _M, _CLAUSE),
    HedgeRule(r"expected\s+to|feared|presumably|suspected", _M, _CLAUSE),
)
_PRIORITY = {_V: 0, _E: 1, _M: 2}

# A disclaimer sentence that refers back to what came before.
BACK_REFERENCE = re.compile(
    r"\b(?:these|those|this|that|such|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:figures?|numbers?|claims?|reports?|accounts?|allegations?|statements?|estimates?|"
    r"details?|information|data|totals?|tolls?|counts?|videos?|footage|images?|photos?|"
    r"pictures?|assertions?|casualty\s+figures)\b"
    r"|^\W*(?:this|that|these|those|they|it|neither|none)\b",
    re.IGNORECASE,
)


def _combined(rules: list[HedgeRule]) -> re.Pattern[str]:
    """One regex for many rules, strongest kind first so that at any position a
    disclaimer is tried before the modal inside it; group ``r<i>`` is ``rules[i]``."""
    parts = [rf"(?P<r{i}>{r.pattern})" for i, r in enumerate(rules)]
    return re.compile(rf"\b(?:{'|'.join(parts)})\b", re.IGNORECASE if rules[0].ignore_case else 0)


_RULE_GROUPS = tuple(
    (rules, _combined(rules))
    for rules in (
        sorted((r for r in HEDGE_RULES if r.ignore_case), key=lambda r: _PRIORITY[r.kind]),
        [r for r in HEDGE_RULES if not r.ignore_case],
    )
    if rules
)
_APPROXIMATE_BOUNDS = frozenset(
    {Bound.at_least, Bound.more_than, Bound.about, Bound.up_to, Bound.fewer_than}
)


def find_hedges(text: str, start: int, end: int) -> list[Hedge]:
    """Every hedge cue in ``text[start:end]`` with its absolute span, kind and scope,
    in text order. The region is split into sentences first, so it may be a clause, a
    sentence or a whole paragraph. Raises nothing."""
    hedges: list[Hedge] = []
    for s in split_sentences(text[start:end]):
        hedges.extend(sentence_hedges(text, start + s.start, start + s.end))
    return hedges


def sentence_hedges(
    text: str,
    start: int,
    end: int,
    quantities: list[QuantityMatch] | None = None,
    attributions: list[Attribution] | None = None,
) -> list[Hedge]:
    """The hedge cues of the single sentence ``text[start:end]``. ``quantities`` and
    ``attributions`` of the sentence may be passed in when the caller has them already.
    Raises nothing."""
    lexical = _lexical(text, start, end)
    if quantities is None:
        quantities = match_quantities(text, start, end)
    if attributions is None:
        attributions = find_attributions(text, start, end)
    hedges = [_scoped(text, start, end, h, quantities) for h in lexical]
    for q in quantities:
        if q.quantity.bound in _APPROXIMATE_BOUNDS and q.cue is not None:
            hedges.append(_hedge(text, q.cue, HedgeKind.approximator, _CLAUSE))
        elif q.vague:
            cue = Span(start=q.span.start, end=q.number_end)
            hedges.append(_hedge(text, cue, HedgeKind.approximator, _CLAUSE))
    for a in attributions:
        hedges.append(_hedge(text, a.cue_span, HedgeKind.attribution_only, _SENT))
    return sorted(hedges, key=lambda h: (h.span.start if h.span else 0, h.kind.value))


def _lexical(text: str, start: int, end: int) -> list[Hedge]:
    candidates: list[tuple[int, int, HedgeRule]] = []
    for rules, regex in _RULE_GROUPS:
        for m in regex.finditer(text, start, end):
            rule = rules[int((m.lastgroup or "r0")[1:])]
            candidates.append((m.start(), m.end(), rule))
    # Strongest kind first, then the longest cue; overlapping weaker cues are dropped.
    candidates.sort(key=lambda c: (_PRIORITY[c[2].kind], c[0] - c[1], c[0]))
    kept: list[tuple[int, int, HedgeRule]] = []
    for c in candidates:
        if all(c[1] <= k[0] or k[1] <= c[0] for k in kept):
            kept.append(c)
    return [_hedge(text, Span(start=s, end=e), r.kind, r.scope) for s, e, r in kept]


def _scoped(
    text: str, start: int, end: int, hedge: Hedge, quantities: list[QuantityMatch]
) -> Hedge:
    """A disclaimer that refers back covers the sentences before it."""
    if hedge.kind is not _V or hedge.span is None:
        return hedge
    if any(q.span.start < hedge.span.start for q in quantities):
        return hedge  # "40 died, a figure that could not be verified": this sentence
    if BACK_REFERENCE.search(text[start:end]) is None:
        return hedge
    return hedge.model_copy(update={"scope": HedgeScope.preceding})


def _hedge(text: str, span: Span, kind: HedgeKind, scope: HedgeScope) -> Hedge:
    return Hedge(cue=text[span.start : span.end], span=span, kind=kind, scope=scope)
