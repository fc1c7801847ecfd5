"""Turn the model's lenient answer into domain claims, checking it against the article.

The model only says what the text says; this module decides what of that to trust:

- every quote is located in the chunk (``assistant.ground.locate``); a quote that is not
  there is kept with ``grounding=ungrounded`` and no span, never silently accepted;
- every hedge cue must be in the text near its claim and be a hedge the offline lexicon
  recognises there ("sustained" is not), else it is dropped with a warning; cues the
  lexicon finds around the claim that the model missed are added;
- every figure is read back from the quote with the offline number parser, which decides
  its value, bound and range ("At least 1,200" is at_least whatever the model said); a
  claim stating several figures becomes one claim per figure; a figure without a value is
  dropped, not its claim;
- ``via`` is a wire source only if it is not the article's own outlet and is named
  somewhere in the article outside quotation marks (a name in a quoted reader comment is
  not a wire, nor one the model made up);
- enum values the model got wrong fall back to a safe default, with a warning;
- claims in promos, teasers, credits, footers and banners are dropped (NON_ARTICLE_SEGMENTS);
  claims in photo captions are kept and tagged as such.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar

from assistant.ground import fold, locate
from assistant.llm.chunking import Chunk
from assistant.llm.quotes import locate_quote
from assistant.llm.schema import ClaimExtraction, LLMClaim, LLMHedge, LLMQuantity
from assistant.model import (
    NON_ARTICLE_SEGMENTS,
    Article,
    Bound,
    Certainty,
    Claim,
    ClaimKind,
    Grounding,
    Hedge,
    HedgeKind,
    HedgeScope,
    Period,
    Quantity,
    SegmentTag,
    SourceLink,
    SourceRole,
    Span,
)
from assistant.normalize.numbers import QuantityMatch, match_quantities, parse_quantity
from assistant.text import format_number

log = logging.getLogger(__name__)

E = TypeVar("E", bound=StrEnum)


# Words models use instead of our enum values (already lower_snake from the schema).
_KIND_SYNONYMS = {
    "statistic": "quantity",
    "number": "quantity",
    "figure": "quantity",
    "fact": "event",
    "statement": "quote",
    "forecast": "prediction",
    "superlative": "comparison",
    "record": "comparison",
}
_BOUND_SYNONYMS = {
    "approximately": "about",
    "approximate": "about",
    "around": "about",
    "roughly": "about",
    "nearly": "about",
    "almost": "about",
    "over": "more_than",
    "greater_than": "more_than",
    "above": "more_than",
    "minimum": "at_least",
    "at_most": "up_to",
    "maximum": "up_to",
    "as_many_as": "up_to",
    "less_than": "fewer_than",
    "under": "fewer_than",
    "below": "fewer_than",
    "between": "range",
}
_HEDGE_SYNONYMS = {
    "modal": "epistemic_modal",
    "epistemic": "epistemic_modal",
    "reported": "evidential",
    "hearsay": "evidential",
    "disclaimer": "verification_disclaimer",
    "unverified": "verification_disclaimer",
    "approximation": "approximator",
    "approximate": "approximator",
    "attribution": "attribution_only",
}
_SCOPE_SYNONYMS = {
    "phrase": "clause",
    "following": "sentence",
    "previous": "preceding",
    "prior": "preceding",
    "backward": "preceding",
}

# Hedges the offline lexicon does not list (yet) but that are hedges wherever they stand.
_KNOWN_CUES = frozenset({"estimated", "an estimated", "is estimated", "estimated at"})

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def to_domain(
    answer: ClaimExtraction, article: Article, chunk: Chunk | None = None
) -> tuple[list[Claim], list[str]]:
    """Domain claims for the answer about ``chunk`` (the whole article when ``None``).

    Returns the claims (ids ``<article id>#<n>`` in answer order) and warnings for an
    editor: ungrounded quotes, dropped hedge cues, values that fell back to a default.
    Raises nothing for bad model output.
    """
    converter = _Converter(article)
    claims = converter.claims(answer.claims, chunk or Chunk(text=article.text, start=0))
    return claims, converter.warnings


class _Converter:
    """Converts the claims of one answer and collects the warnings they raise."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.paragraphs = _Paragraphs(article.text)
        self.warnings: list[str] = []
        # The lexicon's hedges of a stretch of text, by (start, end): claims of one
        # paragraph look at the same stretch around it.
        self._recognised: dict[tuple[int, int], list[Hedge]] = {}

    def claims(self, raws: list[LLMClaim], chunk: Chunk) -> list[Claim]:
        claims: list[Claim] = []
        hint = 0  # claims come in text order: look for a repeated quote near the last one
        for raw in raws:
            found = locate_quote(raw.quote, chunk.text, hint)
            if found is None:
                self.warnings.append(
                    f"quote not found in the article, kept as ungrounded: {_short(raw.quote)}"
                )
                claims += self.claims_of(raw, len(claims), None, Grounding.ungrounded)
                continue
            local, grounding = found
            hint = local.end
            span = Span(start=chunk.start + local.start, end=chunk.start + local.end)
            segment = self.article.tag_at(span.start)
            if segment not in NON_ARTICLE_SEGMENTS:
                claims += self.claims_of(raw, len(claims), span, grounding, segment)
            else:
                log.debug("dropped a claim in a %s segment of %s", segment, self.article.id)
        return claims

    def claims_of(
        self,
        raw: LLMClaim,
        before: int,
        span: Span | None,
        grounding: Grounding,
        segment: SegmentTag = SegmentTag.body,
    ) -> list[Claim]:
        """One claim per figure the model gave (one claim when it gave none)."""
        figures = [q for q in (self.quantity(r, span) for r in raw.quantities) if q is not None]
        hedges = self.hedges(raw.hedges, span)
        return [
            self.claim(raw, f"{self.article.id}#{before + n}", span, grounding, segment, hedges, q)
            for n, q in enumerate(figures or [None], start=1)
        ]

    def claim(
        self,
        raw: LLMClaim,
        claim_id: str,
        span: Span | None,
        grounding: Grounding,
        segment: SegmentTag,
        hedges: list[Hedge],
        quantity: Quantity | None,
    ) -> Claim:
        text = self.article.text
        attribution = self.attribution(raw)
        return Claim(
            id=claim_id,
            article_id=self.article.id,
            quote=text[span.start : span.end] if span else raw.quote.strip(),
            span=span,
            statement=raw.statement.strip() or raw.quote.strip(),
            kind=self.enum(raw.kind, ClaimKind.event, _KIND_SYNONYMS, "claim kind"),
            subject=raw.subject,
            metric=raw.metric,
            quantity=quantity,
            period=Period(text=raw.period) if raw.period else None,
            location=raw.location,
            attribution=attribution,
            hedges=hedges,
            certainty=_certainty(hedges, attribution),
            check_worthiness=raw.check_worthiness,
            grounding=grounding,
            segment=segment,
            paragraph=self.paragraphs.index(span.start) if span else None,
        )

    def attribution(self, raw: LLMClaim) -> list[SourceLink]:
        """The chain from the publication to whoever first said it: outlet -> via -> source."""
        article = self.article
        via = (raw.via or "").strip()
        if via and article.outlet and fold(via).casefold() == fold(article.outlet).casefold():
            self.warnings.append(f"via {_short(via)} is the article's own outlet, not a wire")
            via = ""
        elif via and fold(via).casefold() not in fold(article.text).casefold():
            # A small model fills the field from the prompt's example ("Reuters").
            self.warnings.append(f"via {_short(via)} is not named in the article, dropped")
            via = ""
        elif via and _only_quoted(article.text, via):
            self.warnings.append(f"via {_short(via)} is named only inside a quotation, dropped")
            via = ""
        chain = [
            (article.outlet, SourceRole.outlet),
            (via, SourceRole.intermediary),
            (raw.source, SourceRole.original),
        ]
        return [
            SourceLink(name=name.strip(), role=role)
            for name, role in chain
            if name and name.strip()
        ]

    def hedges(self, raws: list[LLMHedge], span: Span | None) -> list[Hedge]:
        """The model's cues found near the claim, plus the lexicon's cues it missed."""
        text = self.article.text
        # Near = the claim's paragraph and one either side: a verification disclaimer
        # often follows the figure it covers, in the next sentence or paragraph.
        lo, hi = self.paragraphs.of(span, extra=1) if span else (0, len(text))
        hint = span.start - lo if span else 0
        hedges: list[Hedge] = []
        # What the lexicon calls a hedge around the claim: a model cue must be one of them.
        recognised = self.recognised(lo, hi) if raws else []
        for raw in raws:
            found = locate(raw.cue, text[lo:hi], hint)
            if found is None:
                self.warnings.append(
                    f"hedge cue not found near its claim, dropped: {_short(raw.cue)}"
                )
                continue
            local, _ = found
            cue = Span(start=lo + local.start, end=lo + local.end)
            known = fold(text[cue.start : cue.end]).casefold() in _KNOWN_CUES
            if not known and not any(_overlaps(cue, h.span) for h in recognised):
                self.warnings.append(
                    f"hedge cue not recognised as a hedge in its context, dropped: "
                    f"{_short(raw.cue)}"
                )
                continue
            hedges.append(
                Hedge(
                    cue=text[cue.start : cue.end],
                    span=cue,
                    kind=self.enum(
                        raw.kind, HedgeKind.epistemic_modal, _HEDGE_SYNONYMS, "hedge kind"
                    ),
                    scope=self.enum(raw.scope, HedgeScope.clause, _SCOPE_SYNONYMS, "hedge scope"),
                )
            )
        if span is not None:
            hedges += _lexicon_hedges(text, span, self.paragraphs.of(span)[1], hedges)
        return hedges

    def recognised(self, start: int, end: int) -> list[Hedge]:
        """What the lexicon calls a hedge in ``text[start:end]``, found once per stretch."""
        found = self._recognised.get((start, end))
        if found is None:
            found = self._recognised[start, end] = _find_hedges(self.article.text, start, end)
        return found

    def quantity(self, raw: LLMQuantity, span: Span | None) -> Quantity | None:
        """One figure of the claim, as the quoted text states it.

        The number parser reads the quote, and the figure whose value the model gave (or
        whose words it copied) wins: value, bound and range come from the text ("At least
        1,200" is at_least, whatever bound the model chose). Without such a figure in the
        quote the model's reading is kept with a warning. A figure with no value: dropped
        with a warning, the claim kept.
        """
        written = (raw.text or (raw.value if isinstance(raw.value, str) else "") or "").strip()
        parsed = parse_quantity(written) if written else None
        value = raw.value if isinstance(raw.value, float | int) else None
        if value is None and parsed is not None:
            value = parsed.value
        if value is None:
            what = _short(written) if written else "with no value"
            self.warnings.append(f"figure {what} not read, dropped (its claim kept)")
            return None
        text = self.article.text
        if span is not None:
            match = _figure_in(text, span, value, written)
            if match is not None:
                start = match.cue.start if match.cue else match.span.start
                # The figure's words: with its unit words when the model copied them.
                end = match.number_end
                if fold(written).casefold() == fold(text[start : match.span.end]).casefold():
                    end = match.span.end
                return match.quantity.model_copy(
                    update={
                        "unit": (parsed.unit if parsed else None)
                        or raw.unit
                        or match.quantity.unit,
                        "text": text[start:end],
                        "span": Span(start=start, end=end),
                    }
                )
        reading = self._models_reading(raw, value, written, parsed)
        if span is None:
            return reading
        at = _find_once(text, written, span) if written else None
        if at is None:
            self.warnings.append(
                f"figure {_short(written or format_number(value))} is not a number of its "
                "quote: the model's reading is kept unchecked"
            )
            return reading
        # Words the parser reads differently in context ("about half"): the words as the
        # model copied them, where they stand.
        return reading.model_copy(update={"span": Span(start=at, end=at + len(written))})

    def _models_reading(
        self, raw: LLMQuantity, value: float, written: str, parsed: Quantity | None
    ) -> Quantity:
        if parsed is not None:
            return parsed.model_copy(update={"unit": parsed.unit or raw.unit, "text": written})
        upper = raw.upper if isinstance(raw.upper, float | int) else None
        bound = self.enum(raw.bound, Bound.about, _BOUND_SYNONYMS, "quantity bound")
        if bound is Bound.range and upper is None:
            bound = Bound.about
        return Quantity(
            value=value,
            upper=upper,
            bound=bound,
            unit=raw.unit,
            text=written or format_number(value),
        )

    def enum(self, value: str, default: E, synonyms: Mapping[str, str], what: str) -> E:
        """``value`` as a member of ``default``'s enum, directly or via ``synonyms``, else
        ``default`` (the safe reading) with a warning."""
        try:
            return type(default)(synonyms.get(value, value))
        except ValueError:
            self.warnings.append(f"unknown {what} {_short(value)}, read as {default.value!r}")
            return default


def _lexicon_hedges(text: str, span: Span, paragraph_end: int, known: list[Hedge]) -> list[Hedge]:
    """Cues the offline lexicon finds that no known cue overlaps: those in the quote, and
    disclaimers later in its paragraph that refer back to it ("These figures could not be
    verified"). Which earlier sentences such a disclaimer covers is the rule layer's call.
    """
    # Imported here: the offline extractor is a sibling layer, needed only for this step.
    from assistant.extract.offline.hedges import find_hedges

    found = find_hedges(text, span.start, span.end) + [
        hedge
        for hedge in find_hedges(text, span.end, paragraph_end)
        if hedge.scope is HedgeScope.preceding
    ]
    taken = [h.span for h in known if h.span is not None]
    return [
        hedge
        for hedge in found
        if hedge.span is None
        or not any(hedge.span.start < t.end and t.start < hedge.span.end for t in taken)
    ]


def _figure_in(text: str, span: Span, value: float, written: str) -> QuantityMatch | None:
    """The figure of the quote ``span`` the model meant: same value, the words it copied
    preferred when the quote states that value twice."""
    same = [m for m in match_quantities(text, span.start, span.end) if _close(m.quantity, value)]
    if len(same) > 1 and written:
        wanted = fold(written).casefold()
        for m in same:
            start = m.cue.start if m.cue else m.span.start
            if wanted in fold(text[start : m.span.end]).casefold():
                return m
    return same[0] if same else None


def _find_once(text: str, written: str, span: Span) -> int | None:
    """Where ``written`` stands in the quote, when it is there exactly once."""
    at = text.find(written, span.start, span.end)
    if at < 0 or text.find(written, at + 1, span.end) >= 0:
        return None
    return at


def _close(quantity: Quantity, value: float) -> bool:
    return abs(quantity.value - value) <= 1e-9 * max(1.0, abs(value)) or (
        quantity.upper is not None and abs(quantity.upper - value) <= 1e-9 * max(1.0, abs(value))
    )


def _only_quoted(text: str, name: str) -> bool:
    """True when ``name`` is in ``text`` and every occurrence is inside quotation marks
    (an odd number of double quotes before it in its paragraph)."""
    lowered, needle = text.casefold(), name.casefold()
    at = lowered.find(needle)
    if at < 0:
        return False
    while at >= 0:
        paragraph = max(text.rfind("\n\n", 0, at), 0)
        marks = sum(text.count(q, paragraph, at) for q in ('"', "\u201c", "\u201d"))
        if marks % 2 == 0:
            return False
        at = lowered.find(needle, at + 1)
    return True


def _overlaps(a: Span, b: Span | None) -> bool:
    return b is not None and a.start < b.end and b.start < a.end


def _find_hedges(text: str, start: int, end: int) -> list[Hedge]:
    # Imported here: the offline extractor is a sibling layer, needed only for this step.
    from assistant.extract.offline.hedges import find_hedges

    return find_hedges(text, start, end)


def _certainty(hedges: list[Hedge], attribution: list[SourceLink]) -> Certainty:
    kinds = {h.kind for h in hedges}
    if kinds & {HedgeKind.verification_disclaimer, HedgeKind.evidential}:
        return Certainty.unverified
    if kinds & {HedgeKind.epistemic_modal, HedgeKind.approximator}:
        return Certainty.hedged
    if HedgeKind.attribution_only in kinds or any(
        link.role is not SourceRole.outlet for link in attribution
    ):
        return Certainty.attributed
    return Certainty.asserted


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


class _Paragraphs:
    """Paragraphs of a text: runs of lines separated by blank lines."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
        self._length = len(text)

    def index(self, offset: int) -> int:
        """0-based index of the paragraph holding ``offset``."""
        return bisect_right(self._starts, offset) - 1

    def of(self, span: Span, extra: int = 0) -> tuple[int, int]:
        """Start and end of the paragraph(s) ``span`` is in, widened by ``extra`` on each
        side. An end includes the blank line after the paragraph."""
        first = max(0, self.index(span.start) - extra)
        last = self.index(max(span.start, span.end - 1)) + extra + 1
        end = self._starts[last] if last < len(self._starts) else self._length
        return self._starts[first], end
