"""Everything the rules read, derived once per package: facts, blocks, groups, indices."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from assistant.compare.blocks import Block, Group, build_blocks
from assistant.compare.clashes import disjoint_pairs
from assistant.compare.config import RuleConfig
from assistant.compare.facts import STANDING, Facts, accumulates, by_order, facts_of
from assistant.compare.subjects import canonical_names, fill_subjects
from assistant.model import Article, Claim
from assistant.normalize import Vocabulary
from assistant.normalize.facets import PRISON_SENTENCE

SeriesKey = tuple[str, str, str]  # subject, metric, unit: one figure across periods
# How far an article's lede may run, for ``Package.in_a_lede``: its opening sentence,
# up to this many characters.
_LEDE_CHARS = 300
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s")


def _lede(text: str) -> str:
    """The opening sentence of ``text`` (at most ``_LEDE_CHARS``)."""
    head = text[:_LEDE_CHARS]
    end = _SENTENCE_END.search(head, 40)
    return head[: end.start() + 1] if end else head


@dataclass(frozen=True)
class Package:
    """One story package as the rules see it. Built by ``Package.build``; read-only."""

    config: RuleConfig
    vocabulary: Vocabulary
    articles: Mapping[str, Article]
    facts: tuple[Facts, ...]  # every claim, ordered by claim id
    blocks: tuple[Block, ...]  # every cluster key, singletons included, ordered by key

    @classmethod
    def build(
        cls, articles: Sequence[Article], claims: Sequence[Claim], config: RuleConfig
    ) -> Package:
        """Derive the facts (subject-less claims given the package's subject, see
        ``subjects.py``) and blocks; raises ``ConfigError`` for an ambiguous vocabulary."""
        vocabulary = Vocabulary.build(config.normalize)
        by_id = {article.id: article for article in articles}
        facts = tuple(
            sorted(
                (
                    facts_of(claim, by_id.get(claim.article_id), vocabulary, config)
                    for claim in claims
                ),
                key=by_order,
            )
        )
        facts = fill_subjects(canonical_names(facts))
        return cls(config, vocabulary, by_id, facts, tuple(build_blocks(facts)))

    @cached_property
    def by_article(self) -> dict[str, tuple[Facts, ...]]:
        """The checkable claims of each article, in claim-id order."""
        index: dict[str, list[Facts]] = defaultdict(list)
        for f in self.facts:
            if f.checkable:
                index[f.article_id].append(f)
        return {article_id: tuple(found) for article_id, found in sorted(index.items())}

    @cached_property
    def series(self) -> dict[SeriesKey, tuple[Block, ...]]:
        """The blocks of one subject + metric + unit across every period, in key order:
        the figures that can run on as totals (see ``facts.accumulates``)."""
        index: dict[SeriesKey, list[Block]] = defaultdict(list)
        for block in self.blocks:
            # Ages, scores and durations are no totals: "a 12-year-old" on Monday and "a
            # 15-year-old" on Tuesday are two girls, not a total that grew.
            if block.members and accumulates(block.members[0]):
                index[(block.subject, block.metric, block.unit)].append(block)
        return {key: tuple(found) for key, found in sorted(index.items())}

    @cached_property
    def places(self) -> dict[tuple[str | None, str], dict[str, str]]:
        """The places the package counts each metric (and unit) in, folded to as first
        written: "deaths" in Velna and Drusk when the story counts them in two places."""
        index: dict[tuple[str | None, str], dict[str, str]] = defaultdict(dict)
        for f in self.facts:
            if f.place and f.comparable:
                index[(f.metric, f.unit)].setdefault(f.place, f.claim.location or f.place)
        return dict(index)

    def in_a_lede(self, place: str) -> bool:
        """Whether some article names ``place`` (as written) in its title or its opening
        sentence: the story's own place, not one it also reports from."""
        return any(place in opening for opening in self._openings)

    @cached_property
    def _openings(self) -> tuple[str, ...]:
        """Each article's title and opening sentence, read once per package."""
        return tuple(
            f"{article.title or ''}\n{_lede(article.text)}" for article in self.articles.values()
        )

    @cached_property
    def sentenced_more_than_once(self) -> frozenset[str]:
        """The subjects the package shows sentenced on more than one occasion: prison
        sentences of theirs dated to different periods ("in 1959", "in 1997"), or two
        different ones in one article. Another outlet's undated sentence for them may
        then be either."""
        periods: dict[str, set[str]] = defaultdict(set)
        in_article: dict[tuple[str, str], list[Facts]] = defaultdict(list)
        for f in self.facts:
            if (
                f.subject
                and f.interval is not None
                and (f.metric or "").startswith(PRISON_SENTENCE)
            ):
                if f.period.stated:
                    periods[f.subject].add(f.period.key)
                in_article[(f.subject, f.article_id)].append(f)
        several = {subject for subject, keys in periods.items() if len(keys) > 1}
        several.update(
            subject
            for (subject, _), found in in_article.items()
            if next(disjoint_pairs(found), None) is not None
        )
        return frozenset(several)

    @cached_property
    def block_of(self) -> dict[tuple[str, str, str, str], Block]:
        """Block by (subject, metric, unit, period key)."""
        return {(b.subject, b.metric, b.unit, b.period.key): b for b in self.blocks}

    @cached_property
    def agreement_groups(self) -> tuple[Group, ...]:
        """Who agrees with whom, for the sourcing rules.

        The agreement groups of every block with a resolved period, and every other
        checkable claim on its own: a figure for an unknown period, or a claim without a
        figure, is never taken to agree with anything.

        Standing attributes (an age, how many children someone has) are left out: they
        identify a person and come with whatever source the sentence has, so "the age
        rests on the police" is no finding an editor can use. Their figures are still
        compared (CONFLICT, AGREE).
        """
        groups: list[Group] = []
        grouped: set[str] = set()
        for block in self.blocks:
            if block.period == STANDING:
                grouped.update(f.id for f in block.members)
            elif block.period.resolved:
                groups.extend(block.groups)
                grouped.update(f.id for f in block.members)
        groups.extend(
            Group.of((f,), f.interval) for f in self.facts if f.checkable and f.id not in grouped
        )
        return tuple(groups)
