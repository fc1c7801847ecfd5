"""The offline extractor: claims from sentence splitting, quantity parsing, attribution
patterns and a hedge lexicon. No model, no network, deterministic.

What becomes a claim:

- every figure (one claim per quantity; a sentence with several figures is cut into one
  clause per figure, see ``clauses``);
- a superlative or record ("the worst flooding since records began") - a comparison
  that needs a baseline, even in a sentence that also states figures;
- in a sentence without figures: a prediction ("is expected to rise"), an attributed
  direct quotation, an attributed statement ("the ministry said the dam had failed"),
  or an event told with an evidential ("reportedly") or a verification disclaimer.

Sentences in promo, teaser, translation-banner, footer and credit segments yield
nothing; a caption's claims are kept and tagged ``caption``. Questions and sentences
that only disclaim earlier ones ("These figures could not be verified.") are not claims.
No quote is claimed twice for the same figure, and none is longer than one sentence of
at most ``MAX_SENTENCE`` characters (see ``sentences``).

The lexicons are English. An article whose ``language`` is set to another yields only
its figures, with no metric, period, source or hedge, and its result says so in a
warning: "el" is not a metric.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace

from assistant.extract.base import Extractor
from assistant.extract.offline.attribution import (
    PRONOUNS,
    Attribution,
    AttributionForm,
    attribution_for,
    build_chain,
    find_attributions,
    find_wire_credit,
    main_attribution,
    quotation_spans,
)
from assistant.extract.offline.clauses import cut_clauses, trim_clause
from assistant.extract.offline.cues import list_cues
from assistant.extract.offline.facets import (
    KIN_METRIC,
    PREDICTION,
    SUPERLATIVE,
    Metric,
    compared_thing,
    deal_target,
    kin_holder,
    location_of,
    metric_for,
    period_of,
    place_of_figure,
    sentenced_person,
    subject_of,
)
from assistant.extract.offline.hedges import qualifies_a_noun, sentence_hedges
from assistant.extract.offline.products import (
    HIGHER_PRICE,
    priced_model,
    product_lines,
    range_ends,
)
from assistant.extract.offline.sentences import Sentence, split_sentences
from assistant.extract.offline.speakers import Speakers
from assistant.model import (
    NON_ARTICLE_SEGMENTS,
    Article,
    Bound,
    Certainty,
    Claim,
    ClaimKind,
    ExtractionResult,
    Grounding,
    Hedge,
    HedgeKind,
    HedgeScope,
    Period,
    Quantity,
    Span,
    Usage,
)
from assistant.normalize.facets import PRISON_SENTENCE
from assistant.normalize.numbers import (
    CURRENCIES,
    MAGNITUDE,
    MEASURE_UNITS,
    TIME_UNITS,
    QuantityMatch,
    match_quantities,
    singular,
)

# Units that are not count nouns, so a following bare number does not inherit them.
_NOT_COUNT_UNITS = (
    frozenset({"percent", "fraction", "percentage_points"})
    | CURRENCIES
    | MEASURE_UNITS
    | TIME_UNITS
)
# Units that make a figure checkable even on a line of its own ("$2,199.", "08 percent").
_MEASURED = (CURRENCIES | MEASURE_UNITS | {"percent"}) - TIME_UNITS
_TOTALS = frozenset({"total", "running total", "tally", "number", "count", "figure"})
# "bringing the total to", "raising its death toll to": what follows is a running total.
_RUNNING_TOTAL = re.compile(
    r"\b(?:bringing|taking|raising|pushing|lifting|putting|sending|bringing\s+up)\s+"
    r"(?:the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:total|toll|tally|number|count|figure)\s+(?:to|at)\s+$",
    re.IGNORECASE,
)
# What may stand before a figure that takes the noun of the figure before it.
_OPENERS = re.compile(r"\s*(?:(?:including|of\s+them|of\s+those|another|a\s+further)\s*)?")
# A clause opening with one of these leans on the rest of its sentence.
_DEPENDENT = re.compile(r"(?:who|whom|whose|which|where|that|when)\b", re.IGNORECASE)
_QUESTION = re.compile(r"\?[\"”’')\]]*\s*$")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
_WEIGHTS = frozenset({"kg", "g", "gram", "kilogram", "tonne", "ton", "lb", "lbs"})
# A figure in brackets right after another: "10 km (about 6 miles)", "R40m ($3.1 million)".
_OPEN_ASIDE = re.compile(r"\s*[(\[]\s*$")
_CLOSE_ASIDE = re.compile(r"\s*[)\]]")
_QUOTATION = re.compile(r'"[^"\n]{12,}"|“[^”\n]{12,}”')
# A list row has at most this many words; a list is looked back over this many lines.
_ROW_WORDS = 6
_LIST_REACH = 12
_DIGIT_RE = re.compile(r"\d")
# What follows the number of an age: "17-year-old", "17 years old".
_AGE_WORD = re.compile(r"[\s-]*years?[\s-]*old\b")
_BASE_WORTHINESS = {
    ClaimKind.quantity: 0.55,
    ClaimKind.comparison: 0.55,
    ClaimKind.prediction: 0.45,
    ClaimKind.attribution: 0.4,
    ClaimKind.event: 0.4,
    ClaimKind.quote: 0.35,
}


class OfflineExtractor(Extractor):
    """Extracts claims with rules only: the default with no endpoint, and a baseline."""

    name = "offline"

    async def extract(self, article: Article) -> ExtractionResult:
        """Claims of ``article``; never fails for an odd article (no claims is an answer).
        An article in another language than English gets a warning saying that only its
        figures were read."""
        started = time.perf_counter()
        reader = _Reader(article)
        claims = reader.read()
        hedges = list_cues(article, ((p.sentence, p.hedges) for p in reader.parsed), claims)
        usage = Usage(duration_s=time.perf_counter() - started)
        warnings = [] if is_english(article) else [_foreign_warning(article)]
        return ExtractionResult(
            article_id=article.id,
            extractor=self.name,
            claims=claims,
            hedges=hedges,
            usage=usage,
            warnings=warnings,
        )

    def extract_claims(self, article: Article) -> list[Claim]:
        """Claims of ``article`` in text order, ids ``<article id>#1``, ``#2``...; every
        quote is ``article.text[span]``. Deterministic. Raises nothing for any text."""
        return _Reader(article).read()


@dataclass(frozen=True, slots=True)
class _Parsed:
    """What one sentence holds, found once."""

    sentence: Sentence
    quantities: list[QuantityMatch]
    attributions: list[Attribution]
    hedges: list[Hedge]


@dataclass
class _Draft:
    """A claim before it has an id."""

    span: Span
    kind: ClaimKind
    sentence: Sentence
    statement: str
    quantity: Quantity | None = None
    metric: str | None = None
    subject: str | None = None
    period: Period | None = None
    location: str | None = None
    attribution: Attribution | None = None
    hedges: list[Hedge] = field(default_factory=list)
    noun: str | None = None  # the count noun, for figures later in the sentence


class _Reader:
    """One pass over one article; holds what later sentences need from earlier ones."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        breaks = [b for seg in article.segments for b in (seg.span.start, seg.span.end)]
        self.sentences = split_sentences(self.text, breaks)
        self.wire = find_wire_credit(self.text, article.outlet)
        # Each sentence is parsed once; hedges need all of them for their scope first.
        self.parsed = [self._parse(s) for s in self.sentences]
        self.covering = self._coverage()
        self.speakers = Speakers(self.text)
        self._lines: dict[str, str] | None = None  # product lines, read when a price asks

    def _parse(self, s: Sentence) -> _Parsed:
        quantities = match_quantities(self.text, s.start, s.end)
        attributions = find_attributions(self.text, s.start, s.end)
        hedges = sentence_hedges(self.text, s.start, s.end, quantities, attributions)
        return _Parsed(s, quantities, attributions, hedges)

    def read(self) -> list[Claim]:
        drafts: list[_Draft] = []
        english = is_english(self.article)
        repeated = self._repeated_later()
        resolved: dict[int, list[Attribution]] = {}
        for parsed in self.parsed:
            sentence = parsed.sentence
            if self.article.tag_at(sentence.start) in NON_ARTICLE_SEGMENTS:
                continue
            if sentence.index in repeated:
                continue  # a caption or standfirst that the story repeats word for word
            if not english:
                drafts.extend(self._figures_only(parsed))
                continue
            attributions = self.speakers.resolve(sentence.start, sentence.end, parsed.attributions)
            resolved[sentence.index] = attributions
            found = self._sentence_claims(parsed, attributions)
            if (lead := self._list_lead(sentence)) is not None:
                self._as_list_row(found, lead, resolved.get(lead[1].index, []))
            drafts.extend(found)
        # Text order; stable, so a figure comes before the comparison quoting its clause.
        drafts.sort(key=lambda d: d.span.start)
        return [self._claim(n, d) for n, d in enumerate(_distinct(drafts), start=1)]

    def _list_lead(self, s: Sentence) -> tuple[int, Sentence] | None:
        """For a row of a list or table ("Joe Doe 26-1" on a line of its own), the line
        that leads into the list ("... the following records:") and where it starts;
        ``None`` for any other sentence. A heading line between them ("TITLE FIGHTS")
        may be tagged as no part of the story, so the quote starts at the lead-in."""
        if not self._is_row(s):
            return None
        for before in reversed(self.sentences[max(0, s.index - _LIST_REACH) : s.index]):
            line = self.text[before.start : before.end].strip()
            if line.endswith(":") and self._whole_line(before):
                return before.start, before
            if not (self._is_row(before) or (line.isupper() and self._whole_line(before))):
                return None
        return None

    def _is_row(self, s: Sentence) -> bool:
        line = self.text[s.start : s.end].strip()
        return (
            len(line.split()) <= _ROW_WORDS
            and not line.endswith((".", "!", "?", ":"))
            and _DIGIT_RE.search(line) is not None
            and self._whole_line(s)
        )

    def _whole_line(self, s: Sentence) -> bool:
        """The sentence is a line of its own (only spaces around it on its line)."""
        start, end = s.start, s.end
        while start > 0 and self.text[start - 1] in " \t":
            start -= 1
        while end < len(self.text) and self.text[end] in " \t":
            end += 1
        return (start == 0 or self.text[start - 1] == "\n") and (
            end == len(self.text) or self.text[end] == "\n"
        )

    def _as_list_row(
        self, drafts: list[_Draft], lead: tuple[int, Sentence], lead_attributions: list[Attribution]
    ) -> None:
        """A row's figures are quoted from the line that leads into the list, so that an
        editor can read what the row is ("X noted the following records: / TITLE FIGHTS /
        Joe Doe 26-1"), and rest on that line's source."""
        start, line = lead
        source = main_attribution(self.text, lead_attributions, line.end)
        for d in drafts:
            d.span = Span(start=start, end=d.span.end)
            if d.attribution is None and source is not None:
                d.attribution = source

    # ------------------------------------------------------------------- per sentence

    def _sentence_claims(self, parsed: _Parsed, attributions: list[Attribution]) -> list[_Draft]:
        s, quantities, hedges = parsed.sentence, parsed.quantities, parsed.hedges
        if len(re.findall(r"[^\W\d_]{2,}", self.text[s.start : s.end])) < 2 and not any(
            q.quantity.unit in _MEASURED for q in quantities
        ):
            return []  # "2." or a lone heading word: nothing to check; "$2,199." is a price
        if _QUESTION.search(self.text, s.start, s.end):
            return []  # "Should they go higher than $25 million?" asserts nothing
        whole = Span(start=s.start, end=s.end)
        clauses = cut_clauses(self.text, s.start, s.end, [q.span for q in quantities])
        if len(clauses) == 1:
            clauses = [whole]  # one clause: quote the sentence as written
        drafts: list[_Draft] = []
        inherited: str | None = None  # "312 homes ..., of which 180 flooded": homes
        for before, q, next_q in zip(
            [None, *quantities], quantities, [*quantities[1:], None], strict=False
        ):
            if before is not None and _converts(self.text, before, q):
                if drafts and q.quantity.unit in _WEIGHTS and drafts[-1].quantity:
                    # "2.38 pounds (1.08 kg)": the pounds were a weight, not sterling.
                    weight = drafts[-1].quantity.model_copy(update={"unit": "lb"})
                    drafts[-1].quantity = weight
                continue  # "10 km (6 miles)": the same figure again, in another unit
            if any(_counts_the_source(self.text, a, q) for a in attributions):
                continue  # "two officials said": who speaks, not what the story counts
            clause = _containing(clauses, q.span.start)
            # Only a figure that opens its clause stands for the noun before it: "of which
            # 180 flooded", "including 41 that were destroyed" - not "forcing hundreds".
            opens = _OPENERS.fullmatch(self.text, clause.start, q.span.start) is not None
            carried = inherited if opens and not q.quantity.unit else None
            draft = self._quantity_claim(
                s, q, clause, len(clauses) > 1, hedges, attributions, carried
            )
            top: _Draft | None = None
            if q.quantity.unit in CURRENCIES and not (
                next_q is not None and _converts(self.text, q, next_q)
            ):
                # ("2.96 pounds (1.35 kg)" is a weight: no price, see the conversion above)
                top = self._as_price_of_model(draft, s, clause, q, quantities)
            lead_in = max(s.start, q.span.start - 80)
            running = _RUNNING_TOTAL.search(self.text, lead_in, q.span.start)
            if drafts and (running or draft.metric in _TOTALS):
                # "800 people were evacuated on Tuesday, bringing the total to 2,000": the
                # total counts what the increment counts, as of the increment's day.
                _carry_total(draft, drafts[-1], running=running is not None)
            drafts.append(draft)
            if top is not None:
                drafts.append(top)
            unit = draft.quantity.unit if draft.quantity else None
            if unit and unit not in _NOT_COUNT_UNITS and draft.noun:
                inherited = draft.noun
        superlative = SUPERLATIVE.search(self.text, s.start, s.end)
        if superlative:
            clause = _containing(clauses, superlative.start())
            drafts.append(self._comparison(s, superlative, clause, hedges, attributions))
        elif not quantities or self._report_unclaimed(s, drafts, attributions):
            # "Lee, 60, said the game ...": the age is no part of what Lee says, so what
            # Lee says is a claim of its own.
            plain = self._plain_claim(s, hedges, attributions)
            if plain is not None:
                drafts.append(plain)
        return drafts

    def _report_unclaimed(
        self, s: Sentence, drafts: list[_Draft], attributions: list[Attribution]
    ) -> bool:
        """The sentence reports what someone said, and none of its figures is theirs."""
        main = main_attribution(self.text, attributions, s.end)
        if main is None or main.original is None or main.carried:
            return False
        return all(d.attribution is None for d in drafts)

    def _figures_only(self, parsed: _Parsed) -> list[_Draft]:
        """The figures of a sentence in a language the lexicons do not know: each with its
        clause and its number, and nothing read from English words (no metric, period,
        source or hedge, and no count noun as unit: "personas" is not "persona")."""
        s = parsed.sentence
        clauses = cut_clauses(self.text, s.start, s.end, [q.span for q in parsed.quantities])
        drafts = []
        for q in parsed.quantities:
            whole = Span(start=s.start, end=s.end)
            span = _containing(clauses, q.span.start) if len(clauses) > 1 else whole
            quantity = _placed(q)
            if quantity.unit not in _NOT_COUNT_UNITS:
                quantity = quantity.model_copy(update={"unit": None})
            statement = self._statement(span, None)
            drafts.append(_Draft(span, ClaimKind.quantity, s, statement, quantity=quantity))
        return drafts

    def _quantity_claim(
        self,
        s: Sentence,
        q: QuantityMatch,
        clause: Span,
        is_clause: bool,
        hedges: list[Hedge],
        attributions: list[Attribution],
        inherited: str | None,
    ) -> _Draft:
        attribution = attribution_for(self.text, attributions, q.span, s.start, s.end)
        span = self._quote_span(clause, q, attribution) if is_clause else clause
        if _DEPENDENT.match(self.text, span.start):
            span = Span(start=s.start, end=s.end)  # "who spent the night with her two ..."
        # What precedes the figure, less "X said": where its agent and metric are read.
        content_from = clause.start
        if attribution and clause.start <= attribution.cue_span.start < q.span.start:
            content_from = attribution.cue_span.end
            if (
                attribution.form is AttributionForm.according
                and attribution.span.end < q.span.start
            ):
                # "According to NHP, the singer was 42": the content opens after the name
                content_from = _skip_pause(self.text, attribution.span.end, q.span.start)
        if q.role == "age" and q.head and attribution and q.head == attribution.original:
            q = replace(q, head=None)  # "According to NHP, the 42-year-old": NHP tells it
        metric = metric_for(self.text, content_from, clause.end, q, inherited, s.start)
        holder = self._pronoun_holder(s, q) if q.role == "age" and metric.text is None else None
        if holder is not None:
            metric = Metric("age", None)  # "He was 77.": the age of whom "he" stands for
        quantity = _placed(q)
        if quantity.unit is None and metric.noun:
            quantity = quantity.model_copy(update={"unit": singular(metric.noun)})
        kind = ClaimKind.quantity
        if PREDICTION.search(self.text, span.start, span.end):
            kind = ClaimKind.prediction
        noun_for_statement = inherited if inherited and metric.noun == inherited else None
        # The quote must read on its own: "$184 million" or "180 flooded" alone does not,
        # so such a clause is quoted with its sentence (the statement stays the clause's).
        words = len(_LETTER_WORD.findall(self.text, span.start, span.end))
        quoted = span if words >= 3 else Span(start=s.start, end=s.end)
        return _Draft(
            span=quoted,
            kind=kind,
            sentence=s,
            statement=self._statement(
                span, attribution, q if noun_for_statement else None, noun_for_statement
            ),
            quantity=quantity,
            metric=metric.text,
            subject=self._figure_subject(s, q, content_from, metric, holder),
            period=period_of(self.text, span, Span(start=s.start, end=s.end), q.span.start),
            location=place_of_figure(self.text, s.start, q.span, clause.end),
            attribution=attribution,
            hedges=self._claim_hedges(s, span, hedges, attribution, q),
            noun=metric.noun,
        )

    def _as_price_of_model(
        self,
        draft: _Draft,
        s: Sentence,
        clause: Span,
        q: QuantityMatch,
        siblings: list[QuantityMatch],
    ) -> _Draft | None:
        """A price written with a model's size is that model's price (``products``). A
        model priced over a range ("$1099 to $1499") is priced at its low end, and the
        high end, returned as a claim of its own, is a higher configuration's."""
        if self._lines is None:
            self._lines = product_lines(self.text)
        model = priced_model(
            self.text, Span(start=s.start, end=s.end), clause, q, siblings, self._lines
        )
        if model is None:
            return None
        draft.metric, draft.subject = model.metric, model.subject
        ends = range_ends(self.text, q)
        if ends is None or draft.quantity is None:
            return None
        low, high = ends
        draft.quantity = low.model_copy(update={"unit": draft.quantity.unit})
        return replace(
            draft,
            quantity=high.model_copy(update={"unit": draft.quantity.unit}),
            metric=HIGHER_PRICE,
            hedges=list(draft.hedges),
        )

    def _figure_subject(
        self, s: Sentence, q: QuantityMatch, content_from: int, metric: Metric, holder: str | None
    ) -> str | None:
        """Whom or what the figure is about: the person a pronoun holding an age stands
        for, the parent of a count of children, none for a magnitude (the words before
        it are "a magnitude", "a strong earthquake of"), else the sentence's agent."""
        if holder is not None:
            return holder
        if metric.text == KIN_METRIC:
            return kin_holder(self.text, s.start, q)
        if q.quantity.unit == MAGNITUDE:
            return None
        if metric.text == PRISON_SENTENCE and (
            whom := sentenced_person(self.text, content_from, q)
        ):
            return whom  # "A judge sentenced Gigante to 12 years": Gigante's sentence
        if metric.text is not None and metric.text.startswith("price"):
            # "buy SeaMicro for $334 million": the price is SeaMicro's, whoever pays it.
            target = deal_target(self.text, content_from, q, s.end)
            if target is not None:
                return target
        return subject_of(self.text, content_from, q.span.start, q)

    def _pronoun_holder(self, s: Sentence, q: QuantityMatch) -> str | None:
        """Whose age ``q`` is when "he" or "she" holds it ("He was 77.", "She died on
        Thursday at 85"): the person the pronoun stands for (``Speakers``), if any; not
        for a pronoun inside a quotation."""
        said = _PRONOUN_AGED.search(self.text, s.start, q.span.start)
        if said is None:
            return None
        quoted = quotation_spans(self.text, s.start, s.end)
        if any(start <= said.start() < end for start, end in quoted):
            return None  # "She is 13," a diary reads: whom it means is the writer's
        pronoun = Span(start=said.start(1), end=said.end(1))
        return self.speakers.person_meant(pronoun, s.start, s.end)

    def _comparison(
        self,
        s: Sentence,
        cue: re.Match[str],
        clause: Span,
        hedges: list[Hedge],
        attributions: list[Attribution],
    ) -> _Draft:
        attribution = attribution_for(self.text, attributions, clause, s.start, s.end)
        return _Draft(
            span=clause,
            kind=ClaimKind.comparison,
            sentence=s,
            statement=self._statement(clause, attribution),
            subject=compared_thing(self.text, cue.end(), clause.end),
            period=period_of(self.text, clause, Span(start=s.start, end=s.end)),
            location=location_of(self.text, clause.start, clause.end),
            attribution=attribution,
            hedges=self._claim_hedges(s, clause, hedges, attribution),
        )

    def _plain_claim(
        self, s: Sentence, hedges: list[Hedge], attributions: list[Attribution]
    ) -> _Draft | None:
        """A claim with no figure: a prediction, a quotation, an attributed statement, or
        an event told with an evidential or a disclaimer. ``None`` when it is none."""
        text = self.text[s.start : s.end]
        if text.rstrip().endswith("?") or len(text.split()) < 4:
            return None
        if any(
            h.kind is HedgeKind.verification_disclaimer and h.scope is HedgeScope.preceding
            for h in hedges
        ):
            return None  # it disclaims earlier sentences; it claims nothing itself
        attribution = main_attribution(self.text, attributions, s.end)
        if PREDICTION.search(text):
            kind = ClaimKind.prediction
        elif attribution and _QUOTATION.search(text):
            kind = ClaimKind.quote
        elif attribution and _content_words(self.text, s, attribution) >= 4:
            kind = ClaimKind.attribution
        elif any(h.kind in _DOUBT for h in hedges):
            kind = ClaimKind.event
        else:
            return None
        span = Span(start=s.start, end=s.end)
        return _Draft(
            span=span,
            kind=kind,
            sentence=s,
            statement=self._statement(span, attribution),
            subject=self._content_subject(s, attribution),
            period=period_of(self.text, span, span),
            location=location_of(self.text, s.start, s.end),
            attribution=attribution,
            hedges=self._claim_hedges(s, span, hedges, attribution),
        )

    # ------------------------------------------------------------------- parts

    def _quote_span(self, clause: Span, q: QuantityMatch, attribution: Attribution | None) -> Span:
        """The clause, without a trailing ", the ministry said" (the attribution is
        carried by the claim, and the quote stays the smallest readable clause)."""
        if attribution is None:
            return clause
        start = attribution.span.start
        if q.span.end <= start < clause.end:
            lead = self.text[clause.start : start].rstrip()
            if lead.endswith(","):
                return trim_clause(self.text, clause.start, clause.start + len(lead) - 1)
        return clause

    def _statement(
        self,
        span: Span,
        attribution: Attribution | None,
        q: QuantityMatch | None = None,
        noun: str | None = None,
    ) -> str:
        """The quote made to stand alone: an inherited noun put back ("180 homes
        flooded"), a resolved pronoun named, the source appended when outside the quote."""
        edits: list[tuple[int, int, str]] = []
        if q is not None and noun:
            edits.append((q.number_end, q.number_end, f" {noun}"))
        if attribution and attribution.original and span.start <= attribution.span.start < span.end:
            word = re.match(r"\w+", self.text[attribution.span.start : span.end])
            if word and word.group(0).lower() in PRONOUNS and not attribution.is_pronoun:
                edits.append(
                    (
                        attribution.span.start,
                        word.end() + attribution.span.start,
                        attribution.original,
                    )
                )
        body = self.text[span.start : span.end]
        for start, end, new in sorted(edits, reverse=True):
            body = body[: start - span.start] + new + body[end - span.start :]
        body = " ".join(body.split()).rstrip(" ,;:")
        if attribution and not span.start <= attribution.span.start < span.end:
            source = attribution.original or (attribution.intermediaries or ("",))[-1]
            if source:
                body = f"{body.rstrip('.')}, according to {source}"
        if body and body[-1] not in '.!?"”’)':
            body += "."
        return body[:1].upper() + body[1:]

    def _claim_hedges(
        self,
        s: Sentence,
        span: Span,
        hedges: list[Hedge],
        attribution: Attribution | None,
        q: QuantityMatch | None = None,
    ) -> list[Hedge]:
        """The cues that bear on one claim: modals and evidentials in its quote, sentence
        disclaimers, disclaimers from later sentences that refer back to it, its own
        approximator, and the reporting words it rests on."""
        own = [h for h in hedges if _bears_on(self.text, h, span, attribution, q)]
        own.extend(self.covering.get(s.index, ()))
        return sorted(own, key=lambda h: h.span.start if h.span else 0)

    def _content_subject(self, s: Sentence, attribution: Attribution | None) -> str | None:
        if attribution is None:
            return subject_of(self.text, s.start, s.end)
        if attribution.span.start - s.start < s.end - attribution.span.end:
            return subject_of(self.text, attribution.span.end, s.end)
        return subject_of(self.text, s.start, attribution.span.start)

    def _repeated_later(self) -> set[int]:
        """Indices of sentences that a later sentence repeats word for word: the story
        states the claim there, the first copy is a caption or a standfirst."""
        keys = [_folded(self.text[s.start : s.end]) for s in self.sentences]
        last = {key: i for i, key in enumerate(keys) if len(key) > 20}
        return {i for i, key in enumerate(keys) if last.get(key, -1) > i}

    def _coverage(self) -> dict[int, list[Hedge]]:
        """Sentence index -> disclaimers from up to two later sentences that refer back to
        it: in its paragraph, or in the next one when the disclaimer opens that paragraph
        (wire copy gives "The figures could not be independently verified." a paragraph of
        its own, right after the figures)."""
        covering: dict[int, list[Hedge]] = defaultdict(list)
        for parsed in self.parsed:
            s = parsed.sentence
            opens = s.index == 0 or self.sentences[s.index - 1].paragraph != s.paragraph
            reach = {s.paragraph, s.paragraph - 1} if opens else {s.paragraph}
            for h in parsed.hedges:
                if h.kind is HedgeKind.verification_disclaimer and h.scope is HedgeScope.preceding:
                    for back in (1, 2):
                        i = s.index - back
                        if i >= 0 and self.sentences[i].paragraph in reach:
                            covering[i].append(h)
        return covering

    def _claim(self, n: int, d: _Draft) -> Claim:
        chain = build_chain(self.article.outlet, self.wire, d.attribution)
        return Claim(
            id=f"{self.article.id}#{n}",
            article_id=self.article.id,
            quote=self.text[d.span.start : d.span.end],
            span=d.span,
            statement=d.statement,
            kind=d.kind,
            subject=d.subject,
            metric=d.metric,
            quantity=d.quantity,
            period=d.period,
            location=d.location,
            attribution=chain,
            hedges=d.hedges,
            certainty=_certainty(d),
            check_worthiness=_worthiness(d),
            grounding=Grounding.exact,
            segment=self.article.tag_at(d.span.start),
            sentence=d.sentence.index,
            paragraph=d.sentence.paragraph,
        )


_DOUBT = frozenset({HedgeKind.evidential, HedgeKind.verification_disclaimer})


# "He was 77.", "she died on Thursday at 85": a pronoun holding the age after it. Not
# "when he was 5": an age at another time than the story's, and often someone else's.
_PRONOUN_AGED = re.compile(
    r"(?<!when )(?<!since )(?<!until )(?<!after )(?<!before )(?<!while )(?<!as )(?<!if )"
    r"\b(he|she)\s+(?:(?:was|is|had\s+been)|(?:died|dies|passed\s+away)\b[^.;:!?\d]{0,40}?"
    r"\b(?:at(?:\s+(?:the\s+)?age(?:\s+of)?)?|aged))\s*$",
    re.IGNORECASE,
)


def is_english(article: Article) -> bool:
    """Whether the English lexicons apply: the language is unset or English ("en",
    "en-GB", "English")."""
    language = (article.language or "en").strip().lower()
    return language == "english" or re.fullmatch(r"en(?:[-_][a-z0-9]+)*", language) is not None


def _foreign_warning(article: Article) -> str:
    return (
        f"article language is {article.language!r}, not English: the offline extractor's "
        "lexicons are English, so only figures were extracted, with no metric, period, "
        "source or hedge"
    )


def _distinct(drafts: list[_Draft]) -> list[_Draft]:
    """Drafts without repeats: one claim per quote and figure. A comparison that quotes
    exactly a figure's clause is dropped too - the figure's claim already carries the
    superlative in its quote, and one quote should not be checked twice."""
    figures = {(d.span.start, d.span.end) for d in drafts if d.quantity is not None}
    seen: set[tuple[int, int, ClaimKind, str | None, str | None, int | None]] = set()
    kept: list[_Draft] = []
    for d in drafts:
        span = (d.span.start, d.span.end)
        if d.kind is ClaimKind.comparison and span in figures:
            continue
        placed = d.quantity.span.start if d.quantity and d.quantity.span else None
        key = (*span, d.kind, d.quantity.text if d.quantity else None, d.metric, placed)
        if key not in seen:
            seen.add(key)
            kept.append(d)
    return kept


def _folded(sentence: str) -> str:
    """A sentence compared for repeats: spacing, case and the final stop do not count."""
    return " ".join(sentence.rstrip(".!").split()).casefold()


def _counts_the_source(text: str, a: Attribution, q: QuantityMatch) -> bool:
    """The number opens the name of whom the sentence credits ("two of the officials
    said", "according to three witnesses"): it counts the sources, not what they report.
    A number further inside that name ("Ann Lee, who has worked there for 30 years,
    said") is a figure about the source."""
    if not (a.span.start <= q.span.start and q.span.end <= a.span.end):
        return False
    if _AGE_WORD.search(text, q.span.start, q.span.end + 10):
        return False  # 'said 17-year-old Lee': his age, not a count of speakers
    opens = a.cue_span.end if a.cue_span.end <= q.span.start else a.span.start
    return not text[opens : q.span.start].strip()


def _placed(q: QuantityMatch) -> Quantity:
    """The quantity with the place of its number as written (bound cue included)."""
    start = q.cue.start if q.cue else q.span.start
    return q.quantity.model_copy(update={"span": Span(start=start, end=q.number_end)})


def _skip_pause(text: str, at: int, limit: int) -> int:
    """``at`` moved past the commas and blanks that follow it, up to ``limit``."""
    while at < limit and (text[at].isspace() or text[at] == ","):
        at += 1
    return at


def _converts(text: str, before: QuantityMatch, q: QuantityMatch) -> bool:
    """Whether ``q`` only restates ``before`` in another unit, in brackets right after it
    ("10 km (6 miles)", "R40 million ($3.1-million)"): one figure, not two."""
    number_start = q.cue.start if q.cue else q.span.start
    if not _OPEN_ASIDE.fullmatch(text, before.span.end, number_start):
        return False
    if not _CLOSE_ASIDE.match(text, q.span.end):
        return False
    units = (before.quantity.unit, q.quantity.unit)
    if all(u in CURRENCIES for u in units) or all(u in MEASURE_UNITS for u in units):
        return True
    # "2.38 pounds (1.08 kg)": the pounds were a weight all along.
    pounds = text[before.number_end : before.span.end].strip().lower().startswith("pound")
    return (pounds or before.quantity.unit == "GBP") and q.quantity.unit in _WEIGHTS


def _carry_total(total: _Draft, part: _Draft, *, running: bool) -> None:
    """A running total counts what the figure before it counts (unless it names its own
    metric: "raising the death toll to 93"), and, when written as one ("bringing its
    total to"), it is a total as of the increment's day, not the count of that day."""
    if part.metric and (total.metric is None or total.metric in _TOTALS):
        total.metric = part.metric
        if total.quantity and part.quantity and total.quantity.unit is None:
            total.quantity = total.quantity.model_copy(update={"unit": part.quantity.unit})
    if running and not (total.period and total.period.cumulative):
        # Read as the increment's day alone, it would be compared with that day's counts.
        text = part.period.text if part.period else None
        total.period = Period(text=text, cumulative=True)


def _bears_on(
    text: str, h: Hedge, span: Span, attribution: Attribution | None, q: QuantityMatch | None
) -> bool:
    """Whether a cue of the claim's own sentence covers the claim quoted at ``span``."""
    if h.span is None:
        return False
    if h.kind in (HedgeKind.epistemic_modal, HedgeKind.evidential):
        return (
            span.start <= h.span.start
            and h.span.end <= span.end
            and not (q is not None and qualifies_a_noun(text, h))
        )
    if h.kind is HedgeKind.verification_disclaimer:
        # "The figures could not be verified, but the army is also claiming 120 dead":
        # a disclaimer that refers back also covers what its own sentence adds after it.
        anchor = q.span.start if q is not None else span.start
        return h.scope is HedgeScope.sentence or (
            h.scope is HedgeScope.preceding and anchor >= h.span.end
        )
    if h.kind is HedgeKind.approximator:
        return q is not None and q.span.start <= h.span.start and h.span.end <= q.span.end
    return attribution is not None and h.span == attribution.cue_span


def _certainty(d: _Draft) -> Certainty:
    kinds = {h.kind for h in d.hedges}
    if kinds & _DOUBT:
        return Certainty.unverified
    if kinds & {HedgeKind.epistemic_modal, HedgeKind.approximator}:
        return Certainty.hedged
    if d.attribution is not None:
        return Certainty.attributed
    return Certainty.asserted


def _worthiness(d: _Draft) -> float:
    """Figures, superlatives and attributed or doubtful statements rank higher."""
    score = _BASE_WORTHINESS[d.kind]
    if d.quantity is not None:
        score += 0.05 if d.quantity.bound is Bound.exact else 0.0
        score += 0.1 if d.attribution is None else 0.0  # an unsourced figure
    if d.kind is not ClaimKind.comparison and SUPERLATIVE.search(d.statement):
        score += 0.15
    if d.attribution is not None:
        score += 0.1
    if any(h.kind in _DOUBT for h in d.hedges):
        score += 0.1
    return round(min(score, 1.0), 2)


def _containing(clauses: list[Span], pos: int) -> Span:
    """The clause holding ``pos`` (or the last one starting before it)."""
    best = clauses[0]
    for clause in clauses:
        if clause.start <= pos:
            best = clause
    return best


def _content_words(text: str, s: Sentence, a: Attribution) -> int:
    """Words of the sentence outside its reporting construction."""
    outside = text[s.start : a.span.start] + " " + text[a.span.end : s.end]
    return len(re.findall(r"[A-Za-z]{2,}", outside))
