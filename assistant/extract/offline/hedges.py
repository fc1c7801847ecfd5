"""Hedge cues and their scope: the words that make a claim less than a plain assertion.

The lexicon is data (``hedge_lexicon.HEDGE_RULES``): a regex, a kind, a default scope and
the contexts that rule a match out, per entry.

Scope rules:

- ``epistemic_modal`` (may, might, likely, is expected to), ``evidential`` (reportedly,
  allegedly, is said to) and ``conditional`` (if, unless, whether) cover their ``clause``;
- a ``verification_disclaimer`` ("could not be independently verified") covers its own
  ``sentence`` - unless the sentence refers back ("These figures ...", "the reports",
  "they", "this") and states no figure of its own before the cue: then the scope is
  ``preceding``, and the rule layer lets it cover at most the two sentences before it in
  the same paragraph;
- an ``approximator`` is the bound cue of a quantity ("more than", "about") or a vague
  amount itself ("hundreds"), scope ``clause``;
- ``attribution_only`` marks the reporting words a claim rests on ("the ministry said"),
  scope ``sentence``.

When two cues overlap, a disclaimer beats an evidential, which beats a condition, which
beats a modal ("could" inside "could not be verified" is not a modal).
"""

from __future__ import annotations

import functools
import re
import string

from assistant.extract.offline.attribution import Attribution, find_attributions
from assistant.extract.offline.hedge_lexicon import HEDGE_RULES, PRIORITY, HedgeRule
from assistant.extract.offline.sentences import split_sentences
from assistant.model import Bound, Hedge, HedgeKind, HedgeScope, Span
from assistant.normalize.numbers import QuantityMatch, match_quantities

_V = HedgeKind.verification_disclaimer
_SENT, _CLAUSE = HedgeScope.sentence, HedgeScope.clause

# A disclaimer sentence that refers back to what came before.
BACK_REFERENCE = re.compile(
    r"\b(?:these|those|this|that|such|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:figures?|numbers?|claims?|reports?|accounts?|allegations?|statements?|estimates?|"
    r"details?|information|data|totals?|tolls?|counts?|videos?|footage|images?|photos?|"
    r"pictures?|assertions?|casualty\s+figures|amounts?|sums?|verdicts?|results?|tally|"
    r"tallies)\b"
    r"|^\W*(?:this|that|these|those|they|it|neither|none)\b",
    re.IGNORECASE,
)


def _combined(rules: list[HedgeRule]) -> re.Pattern[str]:
    """One regex for many rules, strongest kind first so that at any position a
    disclaimer is tried before the modal inside it; group ``r<i>`` is ``rules[i]``.

    The case-insensitive rules are matched against the ASCII-lowercased text rather than
    with ``re.IGNORECASE``, and a word start is a look-behind rather than ``\\b``: the
    regex engine then skips most positions at once, which makes the lexicon five times
    faster (it is run over every sentence of every article)."""
    parts = [rf"(?P<r{i}>{r.pattern})" for i, r in enumerate(rules)]
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})\b")


def _context(pattern: str | None, *, before: bool) -> re.Pattern[str] | None:
    if pattern is None:
        return None
    return re.compile(rf"(?:{pattern})" + ("$" if before else ""), re.IGNORECASE)


_RULE_GROUPS = tuple(
    (rules, _combined(rules))
    for rules in (
        sorted((r for r in HEDGE_RULES if r.ignore_case), key=lambda r: PRIORITY[r.kind]),
        [r for r in HEDGE_RULES if not r.ignore_case],
    )
    if rules
)
# Per rule: (not_before, not_after) compiled; the words before are searched in a window.
_CONTEXT = {
    r: (_context(r.not_before, before=True), _context(r.not_after, before=False))
    for r in HEDGE_RULES
}
_WINDOW = 40
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
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
    if quantities is None and attributions is None:
        return list(_sentence_hedges(text, start, end))
    return _hedges_of(text, start, end, quantities, attributions)


# Converting an LLM answer asks for the hedges of the same sentences again and again: for
# each claim, the sentences of its paragraph and the next ones, then every sentence of
# the article (``cues.article_cues``). Remembered per sentence: a pure function of the
# text and the offsets. A string's hash is computed once, so the key costs nothing.
@functools.lru_cache(maxsize=4096)
def _sentence_hedges(text: str, start: int, end: int) -> tuple[Hedge, ...]:
    return tuple(_hedges_of(text, start, end, None, None))


def _hedges_of(
    text: str,
    start: int,
    end: int,
    quantities: list[QuantityMatch] | None,
    attributions: list[Attribution] | None,
) -> list[Hedge]:
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
    lowered = text[start:end].translate(_ASCII_LOWER)  # same length, same offsets
    for rules, regex in _RULE_GROUPS:
        ignore_case = rules[0].ignore_case
        searched, offset = (lowered, start) if ignore_case else (text[start:end], start)
        for m in regex.finditer(searched):
            rule = rules[int((m.lastgroup or "r0")[1:])]
            at, to = m.start() + offset, m.end() + offset
            if not _ruled_out(text, at, to, rule):
                candidates.append((at, to, rule))
    # Strongest kind first, then the longest cue; overlapping weaker cues are dropped.
    candidates.sort(key=lambda c: (PRIORITY[c[2].kind], c[0] - c[1], c[0]))
    kept: list[tuple[int, int, HedgeRule]] = []
    for c in candidates:
        if all(c[1] <= k[0] or k[1] <= c[0] for k in kept):
            kept.append(c)
    return [_hedge(text, Span(start=s, end=e), r.kind, r.scope) for s, e, r in kept]


# "the alleged gunman", "a suspected arsonist": the cue doubts who someone is, not the
# figures of its sentence ("The alleged gunman killed five people").
_NOUN_QUALIFIERS = frozenset({"alleged", "accused", "suspected", "purported", "reputed"})
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:of|that|to|in|by|as|with|him|her|them|it|and|or|but|is|was|were)\b)[a-z]"
)


def qualifies_a_noun(text: str, hedge: Hedge) -> bool:
    """Whether an evidential only qualifies the noun after it ("the alleged gunman")."""
    if hedge.span is None or hedge.cue.lower() not in _NOUN_QUALIFIERS:
        return False
    before = text[max(0, hedge.span.start - 12) : hedge.span.start].lower()
    attributive = re.search(r"\b(?:the|a|an|his|her|their|its|two|three|several)\s+$", before)
    return attributive is not None and _NOUN_AFTER.match(text, hedge.span.end) is not None


def _ruled_out(text: str, start: int, end: int, rule: HedgeRule) -> bool:
    """Whether the words around a match make it no cue ("than expected")."""
    before, after = _CONTEXT[rule]
    if before is not None and before.search(text, max(0, start - _WINDOW), start):
        return True
    return after is not None and after.match(text, end) is not None


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
