"""The schema the model fills in: smaller and more lenient than the domain model.

Models get enums and numbers wrong in small ways ("Approximator", "2,417", null lists);
this schema accepts those and ``to_domain`` in ``assistant/llm/convert.py`` turns the
answer into ``assistant.model`` classes. Nothing here decides anything a rule or the
editor should decide: the model only says what the text says.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

CLAIM_KINDS = ("quantity", "event", "quote", "attribution", "prediction", "comparison", "opinion")
HEDGE_KINDS = (
    "epistemic_modal",
    "evidential",
    "verification_disclaimer",
    "approximator",
    "attribution_only",
)
BOUNDS = ("exact", "at_least", "more_than", "about", "up_to", "fewer_than", "range")


def _lower_snake(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip().lower().replace(" ", "_").replace("-", "_")
    return value


def _none_to_list(value: Any) -> Any:
    return [] if value is None else value


class LLMHedge(BaseModel):
    model_config = ConfigDict(extra="ignore")

    cue: str = Field(description="The hedging words exactly as they appear in the article.")
    kind: str = Field(description="One of: " + ", ".join(HEDGE_KINDS))
    scope: str = Field(
        default="clause",
        description="clause | sentence | preceding (refers back to earlier sentences) | paragraph",
    )

    _norm = field_validator("kind", "scope", mode="before")(_lower_snake)


class LLMQuantity(BaseModel):
    model_config = ConfigDict(extra="ignore")

    # Optional: a small model writes null for a figure it could not read, and that must
    # cost this one figure (dropped in ``convert``), not the whole answer.
    value: float | str | None = Field(default=None, description="The number, e.g. 2417.")
    upper: float | str | None = Field(default=None, description="Upper end of a range, if any.")
    bound: str = Field(default="exact", description="One of: " + ", ".join(BOUNDS))
    unit: str | None = Field(
        default=None, description="What is counted: people, homes, USD, percent."
    )
    text: str | None = Field(default=None, description="The number as written in the article.")

    _norm = field_validator("bound", mode="before")(_lower_snake)


class LLMClaim(BaseModel):
    model_config = ConfigDict(extra="ignore")

    quote: str = Field(description="The sentence or clause copied verbatim from the article.")
    statement: str = Field(description="The claim restated so it stands on its own.")
    kind: str = Field(default="event", description="One of: " + ", ".join(CLAIM_KINDS))
    subject: str | None = Field(default=None, description="Who or what the claim is about.")
    metric: str | None = Field(
        default=None, description="What is counted, e.g. 'people evacuated'."
    )
    quantities: list[LLMQuantity] = Field(
        default_factory=list,
        description="Every figure the quote states, one entry each (empty for none).",
    )
    period: str | None = Field(
        default=None, description="The time the claim refers to, as written."
    )
    location: str | None = None
    source: str | None = Field(default=None, description="Who the article says made the claim.")
    via: str | None = Field(default=None, description="A wire service or outlet it came through.")
    hedges: list[LLMHedge] = Field(default_factory=list)
    check_worthiness: float = Field(default=0.5, description="0 (trivial) to 1 (must check).")

    _norm = field_validator("kind", mode="before")(_lower_snake)
    _lists = field_validator("hedges", mode="before")(_none_to_list)

    @model_validator(mode="before")
    @classmethod
    def _one_quantity_is_a_list_of_one(cls, data: Any) -> Any:
        """Answers written for the earlier schema (and recorded fixtures) carry one
        ``quantity``; it is read as ``quantities`` of one."""
        if isinstance(data, dict) and "quantity" in data and not data.get("quantities"):
            one = data["quantity"]
            data = {k: v for k, v in data.items() if k != "quantity"}
            data["quantities"] = [] if one is None else [one]
        return data

    @field_validator("quantities", mode="before")
    @classmethod
    def _figures(cls, value: Any) -> Any:
        """A single figure, a bare number or null where a list belongs is read leniently;
        entries that are not figures at all are left out, not the claim."""
        if value is None:
            return []
        if not isinstance(value, list):
            value = [value]
        figures: list[Any] = []
        for item in value:
            if isinstance(item, int | float | str):
                figures.append({"value": item})
            elif isinstance(item, dict | LLMQuantity):
                figures.append(item)
        return figures

    @field_validator("check_worthiness", mode="before")
    @classmethod
    def _clamp(cls, value: Any) -> Any:
        try:
            return min(1.0, max(0.0, float(value)))
        except (TypeError, ValueError):
            return 0.5


class ClaimExtraction(BaseModel):
    """Every checkable claim in the article, with hedges and sources."""

    model_config = ConfigDict(extra="ignore", title="ClaimExtraction")

    claims: list[LLMClaim] = Field(default_factory=list)

    _lists = field_validator("claims", mode="before")(_none_to_list)
