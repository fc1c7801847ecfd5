"""What a newsroom can configure about normalisation: vocabulary extensions."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class MetricEntry(BaseModel):
    """One canonical metric: the phrases that denote it, and what it is a kind of."""

    model_config = ConfigDict(extra="forbid")

    phrases: list[str] = Field(default_factory=list)
    kind_of: str | None = Field(
        default=None,
        description="A broader metric this one counts a kind of ('vehicles' for 'trucks').",
    )


class NormalizeConfig(BaseModel):
    """Vocabulary added to (or, with ``use_default_vocabulary=False``, replacing) the default.

    The default lives in ``assistant/normalize/vocabulary.toml``; entries given here win over
    it name by name, so a package can say that "ministry officials" means the interior
    ministry without editing the shipped file.
    """

    model_config = ConfigDict(extra="forbid")

    source_aliases: dict[str, list[str]] = Field(
        default_factory=dict, description="Canonical origin -> names that denote it."
    )
    metrics: dict[str, MetricEntry] = Field(
        default_factory=dict, description="Canonical metric -> its phrases and class."
    )
    units: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Canonical unit -> ways it is written ('count' for nouns).",
    )
    use_default_vocabulary: bool = True
