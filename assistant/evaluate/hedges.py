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

from assistant.extract.offline.cues import article_cues
from assistant.model import Article

UNCERTAIN_KINDS = frozenset(
    {"epistemic_modal", "evidential", "verification_disclaimer", "conditional"}
)


@dataclass
class SentenceScores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else None


def uncertain_cues(sentence: str) -> list[str]:
    """The uncertainty cues the tool finds in one sentence."""
    article = Article(id="s", text=sentence, source="hedges-dev")
    return [c.cue for c in article_cues(article) if c.kind.value in UNCERTAIN_KINDS]


def read_sentences(path: Path) -> Iterator[tuple[str, bool, list[str]]]:
    """(text, uncertain, gold cues) of every sentence in a hedges-dev JSONL file."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                yield row["text"], bool(row["uncertain"]), list(row.get("cues") or [])


def score_sentences(path: Path) -> SentenceScores:
    scores = SentenceScores()
    for text, uncertain, gold in read_sentences(path):
        found = uncertain_cues(text)
        if found and uncertain:
            scores.tp += 1
        elif found:
            scores.fp += 1
            scores.false_positives.append(f"{found} in {text[:140]!r}")
        elif uncertain:
            scores.fn += 1
            scores.false_negatives.append(f"{gold} in {text[:140]!r}")
        else:
            scores.tn += 1
    return scores
