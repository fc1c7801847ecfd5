"""What a newsroom can tune about the rules."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from assistant.normalize import NormalizeConfig


class RuleConfig(BaseModel):
    """Settings of the rule layer; the defaults suit a daily news desk."""

    model_config = ConfigDict(extra="forbid")

    tolerance: float = Field(
        default=0.05,
        ge=0.0,
        lt=1.0,
        description="Relative margin of an approximate figure: 'about 40,000' spans 38,000-42,000.",
    )
    rounded_as_about: bool = Field(
        default=True,
        description="Read a bare round figure of thousands ('40,000', '1.2 million') as 'about'.",
    )
    normalize: NormalizeConfig = Field(default_factory=NormalizeConfig)
