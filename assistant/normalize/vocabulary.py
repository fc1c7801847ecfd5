"""The compiled vocabulary: exact lookups from folded phrases to canonical names.

The data lives in ``vocabulary.toml`` next to this module (documented there) and is
extended by ``NormalizeConfig``. Lookups never fall back to similarity: a phrase that is
not listed is its own canonical name, in folded form.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

from assistant.errors import ConfigError
from assistant.normalize.config import MetricEntry, NormalizeConfig
from assistant.normalize.lexical import key_phrase, unit_phrase, words
from assistant.normalize.sources import source_phrase

COUNT = "count"  # the unit of a plain count: "300 people", "300 homes", "300"
# Groups of people a listed count may be said of ("workers killed", "miners rescued"),
# singular as metric keys are folded.
PEOPLE = frozenset(
    words("""
    person people resident inhabitant civilian worker employee child adult pupil student
    soldier troop officer firefighter police passenger miner patient man woman fighter
    protester migrant refugee villager tourist crew member staff
    """)
)


@dataclass(frozen=True)
class Vocabulary:
    """Folded phrase -> canonical name, for metrics, units and sources."""

    metrics: Mapping[str, str]
    kinds: Mapping[str, str]  # canonical metric -> the canonical metric it is a kind of
    units: Mapping[str, str]
    sources: Mapping[str, str]
    measures: frozenset[str]  # canonical units other than 'count'

    @classmethod
    def build(cls, config: NormalizeConfig | None = None) -> Vocabulary:
        """The default vocabulary overlaid with ``config``.

        Raises ``ConfigError`` when one layer maps a phrase to two canonical names, or a
        metric is declared a kind of itself (directly or through a chain).
        """
        config = config or NormalizeConfig()
        layers = [_default_config(), config] if config.use_default_vocabulary else [config]
        metrics: dict[str, str] = {}
        kinds: dict[str, str] = {}
        units: dict[str, str] = {}
        sources: dict[str, str] = {}
        for layer in layers:
            layer_metrics = {name: entry.phrases for name, entry in layer.metrics.items()}
            metrics.update(_table(layer_metrics, key_phrase, "metric"))
            units.update(_table(layer.units, unit_phrase, "unit"))
            sources.update(_table(layer.source_aliases, source_phrase, "source"))
            for name, entry in layer.metrics.items():
                if entry.kind_of is not None:
                    kinds[name] = entry.kind_of
        measures = frozenset(units.values()) - {COUNT}
        vocabulary = cls(metrics, {}, units, sources, measures)
        resolved = {name: vocabulary.metric(parent) for name, parent in kinds.items()}
        _reject_cycles(resolved)
        return cls(metrics, resolved, units, sources, measures)

    def metric(self, phrase: str) -> str:
        """The canonical metric for a phrase as written; unknown phrases stay themselves."""
        folded = key_phrase(phrase)
        return self.metrics.get(folded, folded)

    def is_listed_metric(self, metric: str) -> bool:
        """True for a count whose meaning the vocabulary fixes: a canonical metric, one
        refined from it by the quote ("deaths in road accident"), or a listed phrase said
        of a group of people ("workers killed" is a death count)."""
        if metric in self.metrics or any(
            metric == name or metric.startswith(name + " ") for name in self.canonical
        ):
            return True
        # "workers killed" is a death count; "court case" or "race car" is nothing listed.
        words = metric.split()
        return len(words) > 1 and words[0] in PEOPLE and " ".join(words[1:]) in self.metrics

    @cached_property
    def canonical(self) -> frozenset[str]:
        """The canonical metric names."""
        return frozenset(self.metrics.values())

    def names_only_what_is_counted(self, phrase: str) -> bool:
        """True for a metric phrase that is only a count noun ("residents", "homes").

        Such a phrase says who or what is counted but not what happened to them, so
        "1,200 residents" (evacuated) and "65 residents" (who refused to leave) would
        share it. Nouns the vocabulary lists as metrics of their own ("vehicles") are
        real metrics.
        """
        folded = key_phrase(phrase)
        return folded not in self.metrics and self.units.get(unit_phrase(phrase)) == COUNT

    def is_measure(self, unit: str) -> bool:
        """True for a canonical unit the vocabulary lists other than a count: metres,
        percent, USD. Only measures have levels, changes and peaks."""
        return unit in self.measures

    def kind_of(self, metric: str) -> str | None:
        """The broader metric ``metric`` counts a kind of, if the vocabulary says so."""
        return self.kinds.get(metric)

    def unit(self, unit: str | None) -> str:
        """The canonical unit; ``count`` for none or a noun that only names what is counted."""
        if unit is None or not unit.strip():
            return COUNT
        folded = unit_phrase(unit)
        return self.units.get(folded, folded)

    def source(self, name: str) -> str:
        """The canonical origin for a source name as written; unknown names stay themselves."""
        folded = source_phrase(name)
        return self.sources.get(folded, folded)


def _table(
    entries: Mapping[str, list[str]], fold: Callable[[str], str], what: str
) -> dict[str, str]:
    """Folded phrase -> canonical, for one layer; the canonical name denotes itself."""
    table: dict[str, str] = {}
    for canonical in sorted(entries):
        for phrase in [canonical, *entries[canonical]]:
            key = fold(phrase)
            if table.get(key, canonical) != canonical:
                raise ConfigError(
                    f"{what} {phrase!r} is listed under both {table[key]!r} and {canonical!r}"
                )
            table[key] = canonical
    return table


def _reject_cycles(kinds: Mapping[str, str]) -> None:
    for start in kinds:
        seen = {start}
        current = kinds.get(start)
        while current is not None:
            if current in seen:
                raise ConfigError(f"metric {start!r} is declared a kind of itself")
            seen.add(current)
            current = kinds.get(current)


@cache
def _default_config() -> NormalizeConfig:
    text = resources.files("assistant.normalize").joinpath("vocabulary.toml").read_text("utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    return NormalizeConfig(
        metrics={name: MetricEntry(**entry) for name, entry in data.get("metrics", {}).items()},
        units=data.get("units", {}),
        source_aliases=data.get("sources", {}),
    )
