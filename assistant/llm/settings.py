"""Settings of the LLM extractor: which endpoint, which model, how patient.

Passed in explicitly: nothing in the LLM layer reads the environment. The CLI's config
(``assistant.config``) resolves flags, the config file and ``OPENAI_API_KEY`` /
``OPENAI_BASE_URL`` into these.
"""

from __future__ import annotations

from typing import Literal, Self
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

LLMMode = Literal["tools", "json", "json_schema", "md_json"]


class LLMSettings(BaseModel):
    """One OpenAI-compatible endpoint and how to talk to it.

    The API key is a ``SecretStr``: ``repr``, ``str`` and ``model_dump_json`` show
    ``'**********'``; only the client constructor ever reads the value.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str = Field(min_length=1, description="Model name as the endpoint knows it.")
    base_url: str | None = Field(
        default=None, description="Endpoint, e.g. http://localhost:11434/v1 (OpenAI when unset)."
    )
    api_key: SecretStr | None = Field(
        default=None, description="Needed for OpenAI; local servers accept any value or none."
    )
    mode: LLMMode = Field(
        default="tools",
        description=(
            "How the answer is structured: tools (OpenAI, vLLM, Ollama), json or md_json "
            "(any server; llama.cpp), json_schema (servers with structured outputs; "
            "llama.cpp's server rejects it)."
        ),
    )
    max_reasks: int = Field(default=2, ge=0, description="Re-asks after an invalid answer.")
    max_attempts: int = Field(
        default=4, ge=1, description="HTTP attempts per request on 429/5xx/timeouts."
    )
    max_wait_s: float = Field(
        default=60.0, gt=0, description="Longest wait between attempts, Retry-After included."
    )
    timeout_s: float = Field(default=180.0, gt=0, description="Per HTTP request.")
    concurrency: int = Field(default=4, ge=1, description="Requests in flight at once.")
    chunk_chars: int = Field(default=12000, ge=200, description="Longest text sent at once.")
    chunk_overlap: int = Field(default=600, ge=0, description="Characters chunks share.")
    temperature: float = Field(default=0.0, ge=0.0, le=2.0)

    @model_validator(mode="after")
    def _overlap_smaller_than_chunk(self) -> Self:
        if self.chunk_overlap * 2 >= self.chunk_chars:
            raise ValueError("chunk_overlap must be less than half of chunk_chars")
        return self

    @property
    def endpoint(self) -> str:
        """Where requests go, for messages: scheme and host only (a URL may hold a password)."""
        if not self.base_url:
            return "api.openai.com"
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
