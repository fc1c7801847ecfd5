"""Sentence-level uncertainty on cue-annotated sentences (``hedges-dev``).

A sentence counts as uncertain when the tool lists at least one uncertainty cue in it
(epistemic, evidential, verification disclaimer, conditional; approximators and plain
reporting verbs are not uncertainty). Every extractor lists the article's cues through
the same lexicon (``assistant.extract.offline.cues``), so one score holds for all of them.
The figure reported is F1 of the uncertain class, as in the CoNLL-2010 shared task.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from assistant.evaluate.counts import Matched
from assistant.extract.offline.cues import article_cues
from assistant.model import Article

UNCERTAIN_KINDS = frozenset(
    {"epistemic_modal", "evidential", "verification_disclaimer", "conditional"}
)


@dataclass
class SentenceScores:
    """Uncertain sentences found (``found``) against those labelled (``expected``)."""

    counts: Matched = field(default_factory=Matched)
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def f1(self) -> float | None:
        return self.counts.f1


def uncertain_cues(sentence: str) -> list[str]:
    """The uncertainty cues the tool finds in one sentence."""
    article = Article(id="s", text=sentence, source="hedges-dev")
    return [c.cue for c in article_cues(article) if c.kind.value in UNCERTAIN_KINDS]


def read_sentences(path: Path, half: int | None = None) -> Iterator[tuple[str, bool, list[str]]]:
    """(text, uncertain, gold cues) of every sentence in a hedges-dev JSONL file; with
    ``half`` (0 or 1), only those of every other document in document order, so that a
    lexicon tuned on one half can be checked on the other."""
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    docs = sorted({row.get("doc", "") for row in rows})
    kept = {doc for i, doc in enumerate(docs) if half is None or i % 2 == half}
    for row in rows:
        if row.get("doc", "") in kept:
            yield row["text"], bool(row["uncertain"]), list(row.get("cues") or [])


def score_sentences(path: Path, half: int | None = None) -> SentenceScores:
    scores = SentenceScores()
    for text, uncertain, gold in read_sentences(path, half):
        found = uncertain_cues(text)
        scores.counts.add(bool(found and uncertain), bool(found), uncertain)
        if found and not uncertain:
            scores.false_positives.append(f"{found} in {text[:140]!r}")
        elif uncertain and not found:
            scores.false_negatives.append(f"{gold} in {text[:140]!r}")
    return scores
