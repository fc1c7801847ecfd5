"""Every uncertainty cue of an article, listed whether or not a claim carries it.

Claims carry the cues that bear on them; an editor (and the accuracy harness) also needs
the article's whole picture of uncertainty: "it is unclear whether", "police believe" in a
sentence with no figure. Both extractors list the same way: the hedge lexicon over every
sentence of the story (not over furniture), plus any cue a claim carries that the lexicon
missed (a model's), each with its sentence. Plain reporting verbs ("said") are not
uncertainty and are left out; approximators ("more than") are kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from assistant.extract.offline.sentences import Sentence, split_sentences
from assistant.model import NON_ARTICLE_SEGMENTS, Article, Claim, Cue, Hedge, HedgeKind


def list_cues(
    article: Article,
    found: Iterable[tuple[Sentence, Sequence[Hedge]]],
    claims: Sequence[Claim] = (),
) -> list[Cue]:
    """The cues of ``found`` (each sentence with its lexicon cues) and of ``claims``, one
    per place, in text order; cues in non-article segments are dropped."""
    cues: dict[tuple[int, int], Cue] = {}
    sentences: list[Sentence] = []
    for sentence, hedges in found:
        sentences.append(sentence)
        for hedge in hedges:
            cue = _cue(article, hedge, sentence)
            if cue is not None:
                cues.setdefault((cue.span.start, cue.span.end), cue)
    for claim in claims:
        for hedge in claim.hedges:
            span = hedge.span
            if span is None or any(span.start < e and s < span.end for s, e in cues):
                continue
            sentence = _sentence_at(sentences, span.start) or Sentence(span.start, span.end, 0, 0)
            cue = _cue(article, hedge, sentence)
            if cue is not None:
                cues[(span.start, span.end)] = cue
    return [cues[key] for key in sorted(cues)]


def article_cues(article: Article, claims: Sequence[Claim] = ()) -> list[Cue]:
    """``list_cues`` with the lexicon run over every sentence of ``article``: for an
    extractor that did not split the text itself (the LLM's)."""
    from assistant.extract.offline.hedges import sentence_hedges

    breaks = [b for seg in article.segments for b in (seg.span.start, seg.span.end)]
    text = article.text
    found = ((s, sentence_hedges(text, s.start, s.end)) for s in split_sentences(text, breaks))
    return list_cues(article, found, claims)


def _cue(article: Article, hedge: Hedge, sentence: Sentence) -> Cue | None:
    span = hedge.span
    if span is None or hedge.kind is HedgeKind.attribution_only:
        return None
    if article.tag_at(span.start) in NON_ARTICLE_SEGMENTS:
        return None
    return Cue(
        cue=hedge.cue,
        span=span,
        kind=hedge.kind,
        scope=hedge.scope,
        sentence=article.text[sentence.start : sentence.end],
    )


def _sentence_at(sentences: Sequence[Sentence], offset: int) -> Sentence | None:
    for s in sentences:
        if s.start <= offset < s.end:
            return s
    return None
