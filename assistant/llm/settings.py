"""Settings of the LLM extractor: which endpoint, which model, how patient.

Passed in explicitly: nothing in the LLM layer reads the environment. The CLI's config
(``assistant.config``) resolves flags, the config file and ``OPENAI_API_KEY`` /
``OPENAI_BASE_URL`` into these.
"""

from __future__ import annotations

from ipaddress import ip_address
from typing import Literal, Self
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator

LLMMode = Literal["tools", "json", "json_schema", "md_json"]
ToolChoice = Literal["function", "required", "auto"]

# A CPU server on the same machine may need minutes per part; a hosted API answers in
# seconds and a long wait there means something is wrong.
REMOTE_TIMEOUT_S = 120.0
LOOPBACK_TIMEOUT_S = 600.0


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
            "How the answer is structured: tools (OpenAI, vLLM, Ollama, llama.cpp), json or "
            "md_json (any server), json_schema (servers with structured outputs: OpenAI, "
            "vLLM, llama.cpp)."
        ),
    )
    max_reasks: int = Field(default=2, ge=0, description="Re-asks after an invalid answer.")
    max_attempts: int = Field(
        default=4, ge=1, description="HTTP attempts per request on 429/5xx/timeouts."
    )
    max_wait_s: float = Field(
        default=60.0, gt=0, description="Longest wait between attempts, Retry-After included."
    )
    timeout_s: float | None = Field(
        default=None,
        gt=0,
        description="Read timeout per HTTP request; unset: 120 s, 600 s for a loopback server.",
    )
    concurrency: int | None = Field(
        default=None,
        ge=1,
        description="Requests in flight at once; unset: 4, 1 for a loopback server (one slot).",
    )
    chunk_chars: int = Field(default=12000, ge=200, description="Longest text sent at once.")
    chunk_overlap: int = Field(default=600, ge=0, description="Characters chunks share.")
    min_chunk_chars: int = Field(
        default=600,
        ge=100,
        description="A part cut off or over the context is split in two until this size.",
    )
    max_output_tokens: int = Field(
        default=8192, ge=256, description="Most tokens an answer may use, however long the part."
    )
    temperature: float = Field(default=0.0, ge=0.0, le=2.0)
    reask_temperature_step: float = Field(
        default=0.3,
        ge=0.0,
        le=1.0,
        description="Added to the temperature at each re-ask, so the same answer is not repeated.",
    )
    stream: bool | None = Field(
        default=None,
        description="Ask for the answer token by token, so the read timeout is the gap "
        "between two tokens, not the whole answer; unset: on for a loopback server.",
    )
    probe_slots: bool = Field(
        default=True,
        description="For a loopback server with no concurrency set: read its slots from "
        "llama.cpp's /props (total_slots) and send that many requests at once.",
    )
    tool_choice: ToolChoice = Field(
        default="function",
        description="tools mode: how the tool is required. 'function' names it (OpenAI); "
        "servers that refuse that form are switched to 'required', then 'auto', by themselves.",
    )

    @model_validator(mode="after")
    def _overlap_smaller_than_chunk(self) -> Self:
        if self.chunk_overlap * 2 >= self.chunk_chars:
            raise ValueError("chunk_overlap must be less than half of chunk_chars")
        return self

    @property
    def loopback(self) -> bool:
        """True for a server on this machine (localhost, 127.0.0.0/8, ::1)."""
        host = urlsplit(self.base_url).hostname if self.base_url else None
        if not host:
            return False
        if host == "localhost" or host.endswith(".localhost"):
            return True
        try:
            return ip_address(host).is_loopback
        except ValueError:
            return False

    @property
    def read_timeout_s(self) -> float:
        """The first read timeout: the configured one, else the default for the endpoint."""
        if self.timeout_s is not None:
            return self.timeout_s
        return LOOPBACK_TIMEOUT_S if self.loopback else REMOTE_TIMEOUT_S

    @property
    def streams(self) -> bool:
        """Whether answers are streamed: as configured, else for a server on this machine
        (a CPU server writes a long answer for minutes, a token every fraction of a second)."""
        return self.loopback if self.stream is None else self.stream

    @property
    def requests_in_flight(self) -> int:
        if self.concurrency is not None:
            return self.concurrency
        return 1 if self.loopback else 4

    def max_tokens_for(self, chunk_chars: int) -> int:
        """The output budget of one part, never more than ``max_output_tokens``.

        An answer quotes each sentence with a figure twice (quote and statement) plus its
        fields: about ten times the part's characters for a dense one, some 2.5 tokens per
        character of the part."""
        return min(self.max_output_tokens, 1024 + 5 * chunk_chars // 2)

    @property
    def origin(self) -> str | None:
        """Scheme, host and port of the base URL (where llama.cpp serves /props)."""
        if not self.base_url:
            return None
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"

    @property
    def endpoint(self) -> str:
        """Where requests go, for messages: scheme and host only (a URL may hold a password)."""
        if not self.base_url:
            return "api.openai.com"
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
