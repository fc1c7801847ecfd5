"""Settings, resolved once at the edge (CLI) and passed in explicitly.

Precedence, highest first: command-line flags, environment (the openai SDK's own
``OPENAI_API_KEY`` / ``OPENAI_BASE_URL``, plus ``FACTCHECK_MODEL`` / ``FACTCHECK_LLM`` /
``FACTCHECK_EDITOR`` / ``FACTCHECK_CACHE_DIR``),
the user's config file (``<user config dir>/factcheck/config.toml``), defaults.

The API key is a ``SecretStr``: it is never printed, logged, cached or written to a report.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from assistant.errors import ConfigError
from assistant.report.claimreview import RatingScale
from assistant.text import one_line

LLMChoice = Literal["auto", "llm", "offline", "mock"]
LLMMode = Literal["tools", "json", "json_schema", "md_json"]

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
MOCK_MODEL = "factcheck-mock"


class EndpointSettings(BaseModel):
    """How to talk to one endpoint: a ``[endpoints."<base url>"]`` table of the config file.

    Applies when the run's base URL is that one; a flag still wins (``--timeout``,
    ``--mode``). A local CPU server typically wants::

        [endpoints."http://127.0.0.1:8080/v1"]
        timeout_s = 900
        requests_in_flight = 1   # the server's slots
        mode = "json_schema"
    """

    model_config = ConfigDict(extra="forbid")

    timeout_s: float | None = Field(default=None, gt=0, description="Read timeout per request.")
    mode: LLMMode | None = Field(default=None, description="Structured-output mode.")
    requests_in_flight: int | None = Field(
        default=None, ge=1, le=64, description="Requests sent at once: the server's slots."
    )
    chunk_chars: int | None = Field(default=None, ge=200, description="Longest text sent at once.")
    max_output_tokens: int | None = Field(default=None, ge=256, description="Answer budget cap.")
    stream: bool | None = Field(
        default=None, description="Stream answers token by token (default: loopback only)."
    )
    tool_choice: Literal["function", "required", "auto"] | None = Field(
        default=None, description="tools mode: how the tool is required."
    )


class Settings(BaseModel):
    """Everything a run needs to know; built by ``load_settings``."""

    model_config = ConfigDict(extra="forbid")

    llm: LLMChoice = Field(
        default="auto",
        description="Which extractor: auto picks llm when an endpoint is configured.",
    )
    model: str | None = Field(default=None, description="Model name at the endpoint.")
    base_url: str | None = Field(
        default=None, description="OpenAI-compatible endpoint; None = api.openai.com."
    )
    api_key: SecretStr | None = Field(default=None, description="Never printed or stored.")
    mode: LLMMode | None = Field(
        default=None,
        description="tools (default) for OpenAI, vLLM, Ollama, llama.cpp; json_schema where "
        "the server has structured outputs (OpenAI, vLLM, llama.cpp); json / md_json anywhere.",
    )
    concurrency: int = Field(
        default=4, ge=1, le=64, description="Model requests in flight at once (hosted endpoints)."
    )
    max_reasks: int = Field(
        default=2, ge=0, le=10, description="Re-asks on validation/grounding errors."
    )
    max_attempts: int = Field(default=4, ge=1, le=10, description="Transport attempts per request.")
    timeout_s: float | None = Field(
        default=None,
        gt=0,
        description="Read timeout per LLM request (--timeout); unset: the endpoint's table, "
        "else 120 s, or 600 s for a server on this machine.",
    )
    chunk_chars: int | None = Field(
        default=None, ge=200, description="Longest article text sent in one request."
    )
    stream: bool | None = Field(
        default=None,
        description="Stream answers token by token (--stream/--no-stream); unset: the "
        "endpoint's table, else on for a server on this machine.",
    )
    endpoints: dict[str, EndpointSettings] = Field(
        default_factory=dict, description="Per-endpoint settings, keyed by base URL."
    )
    batch_api: bool = Field(
        default=False,
        description="Send the run's first asks through the OpenAI Batch API (--batch-api): "
        "half the price, answers within 24 hours; what fails goes through the live path.",
    )
    hybrid: bool = Field(
        default=False,
        description="Cross-check the model's answer with the offline extractor (--hybrid).",
    )
    mock_server: Literal["openai", "llamacpp"] = Field(
        default="openai", description="Which server --llm mock behaves like."
    )
    mock_faults: str = Field(
        default="", description="Fault spec for --llm mock, e.g. 'rate_limit=0.2'."
    )
    mock_seed: int = 0
    mock_latency: str = Field(default="0", description="Latency per mock request, e.g. '200ms'.")
    fixture_dirs: list[Path] = Field(
        default_factory=list, description="Recorded fixtures for --llm mock."
    )
    record_dir: Path | None = Field(
        default=None, description="Write fixtures from a real endpoint here."
    )
    cache: bool = Field(
        default=True,
        description="Keep each finished extraction in the results cache and reuse it on an "
        "unchanged rerun (--no-cache, or cache = false in config.toml, turns it off).",
    )
    cache_dir: Path | None = Field(
        default=None,
        description="Folder of the results cache (FACTCHECK_CACHE_DIR); unset: the user "
        "cache directory, ~/.cache/factcheck on Linux.",
    )
    claimreview: RatingScale = Field(
        default_factory=RatingScale,
        description="The newsroom's rating scale and name for ClaimReview output: the "
        "config file's [claimreview] table.",
    )

    editor: str | None = Field(
        default=None,
        max_length=100,
        description="The editor's name as the audit trail and every export record it "
        '(--editor, FACTCHECK_EDITOR, or editor = "..." in config.toml). Never the OS user.',
    )

    @field_validator("editor")
    @classmethod
    def _one_line_name(cls, value: str | None) -> str | None:
        # A name is one line of text: no control characters, no surrounding blanks.
        name = one_line(value) if value is not None else ""
        return name or None

    def resolved_cache_dir(self) -> Path:
        """The results cache's folder: ``cache_dir``, else the user cache directory
        (``$XDG_CACHE_HOME/factcheck``, ``~/.cache/factcheck`` on Linux)."""
        return self.cache_dir or Path(platformdirs.user_cache_dir("factcheck"))

    def endpoint(self) -> EndpointSettings:
        """The config file's table for this run's base URL (empty when there is none)."""
        if self.base_url is None:
            return EndpointSettings()
        wanted = self.base_url.rstrip("/")
        for url, table in self.endpoints.items():
            if url.rstrip("/") == wanted:
                return table
        return EndpointSettings()

    def resolved_mode(self) -> LLMMode:
        """--mode, else the endpoint's table, else tools."""
        return self.mode or self.endpoint().mode or "tools"

    def endpoint_configured(self) -> bool:
        """True when an LLM endpoint is named: a key or a base URL (local servers need no key)."""
        return self.api_key is not None or self.base_url is not None

    def resolved_llm(self) -> Literal["llm", "offline", "mock"]:
        """The extractor ``auto`` stands for: llm when an endpoint is configured, else offline."""
        if self.llm != "auto":
            return self.llm
        return "llm" if self.endpoint_configured() else "offline"


def config_path() -> Path:
    return Path(platformdirs.user_config_dir("factcheck")) / "config.toml"


def _read_config_file(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from None
    if "api_key" in data:
        # Keys belong in the environment or a secret store, not in a plain-text file.
        raise ConfigError(f"{path}: api_key is not read from the config file; set OPENAI_API_KEY")
    return data


def _from_env(env: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for var, field in (
        ("OPENAI_API_KEY", "api_key"),
        ("OPENAI_BASE_URL", "base_url"),
        ("FACTCHECK_MODEL", "model"),
        ("FACTCHECK_LLM", "llm"),
        ("FACTCHECK_MODE", "mode"),
        ("FACTCHECK_EDITOR", "editor"),
        ("FACTCHECK_CACHE_DIR", "cache_dir"),
    ):
        if env.get(var):
            values[field] = env[var]
    return values


def load_settings(
    flags: Mapping[str, Any] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    config_file: Path | None = None,
) -> Settings:
    """Merge defaults < config file < environment < flags (``None`` flags are ignored).

    Raises ``ConfigError`` for an unreadable config file or invalid values.
    """
    merged: dict[str, Any] = {}
    merged.update(_read_config_file(config_file if config_file is not None else config_path()))
    merged.update(_from_env(os.environ if env is None else env))
    merged.update({k: v for k, v in (flags or {}).items() if v is not None})
    try:
        settings = Settings.model_validate(merged)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"invalid settings: {problems}") from None
    if settings.resolved_llm() == "llm" and settings.model is None:
        if settings.base_url is not None:
            raise ConfigError("--llm llm with a custom endpoint needs --model (or FACTCHECK_MODEL)")
        settings = settings.model_copy(update={"model": DEFAULT_OPENAI_MODEL})
    return settings
