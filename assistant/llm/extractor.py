"""The LLM extractor: openai SDK + instructor against any OpenAI-compatible endpoint.

Per article: split into chunks, ask for each chunk's claims (concurrently, bounded by
``settings.concurrency``), convert and ground the answers, merge the chunks' claims.

Who retries what, so retries never multiply:

- the openai SDK: never (``max_retries=0``);
- ``retry.with_transport_retries``: 429 / 5xx / timeouts / connection errors, honouring
  Retry-After, at most ``settings.max_attempts`` requests;
- instructor: re-asks an invalid answer (bad JSON, wrong schema, a quote that is not in
  the chunk) at most ``settings.max_reasks`` times, but never a refusal;
- a truncated answer (``finish_reason=length``): the chunk is split in two, once.

Nothing about one article raises: problems come back in the result's status and error.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx2
import instructor
import openai
import pydantic
from instructor.core import (
    IncompleteOutputException,
    InstructorError,
    InstructorRetryException,
    ResponseParsingError,
)
from openai.types.chat import ChatCompletionMessageParam
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

from assistant.errors import ConfigError
from assistant.extract.base import Extractor
from assistant.extract.offline.cues import article_cues
from assistant.llm.chunking import Chunk, halve, merge_claims, split_text
from assistant.llm.convert import to_domain
from assistant.llm.grounded import grounded_extraction
from assistant.llm.meter import CallMeter
from assistant.llm.prompts import PROMPT_VERSION, system_message, user_message
from assistant.llm.retry import transport_error, with_transport_retries
from assistant.llm.schema import ClaimExtraction
from assistant.llm.settings import LLMMode, LLMSettings
from assistant.model import Article, Claim, ExtractionResult, ExtractionStatus, Usage

log = logging.getLogger(__name__)

PROMPT_VERSION_HEADER = "X-Factcheck-Prompt-Version"
OPENAI_API_URL = "https://api.openai.com/v1"

_MODES: dict[LLMMode, instructor.Mode] = {
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "md_json": instructor.Mode.MD_JSON,
}

# The answers instructor can re-ask about (the same set its own retry loop uses).
_INVALID_ANSWER = (pydantic.ValidationError, json.JSONDecodeError, ResponseParsingError)


class _LenientAnswer(ClaimExtraction, instructor.ResponseSchema):
    """The plain lenient model plus instructor's parser for a raw completion in any mode."""


class _ChunkFailed(Exception):
    """A chunk got no usable answer; the message is for the editor."""


@dataclass
class _ChunkOutcome:
    claims: list[Claim] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    answered: bool = True

    @classmethod
    def combine(cls, parts: list[_ChunkOutcome]) -> _ChunkOutcome:
        return cls(
            claims=[c for p in parts for c in p.claims],
            warnings=[w for p in parts for w in p.warnings],
            errors=[e for p in parts for e in p.errors],
            answered=any(p.answered for p in parts),
        )


class LLMExtractor(Extractor):
    """Extract claims with a model behind an OpenAI-compatible endpoint.

    ``http_client`` replaces the HTTP client (the mock mode and the tests pass one with a
    fake transport); the extractor owns it from then on and ``aclose`` closes it.
    ``sleep`` is what transport retries wait with (tests pass one that does not sleep).
    Raises ``ConfigError`` when there is no API key and no base URL (the default OpenAI
    endpoint needs a key; local servers do not) and ``PromptError`` when the prompt
    templates are missing.
    """

    def __init__(
        self,
        settings: LLMSettings,
        *,
        http_client: httpx2.AsyncClient | None = None,
        name: str = "llm",
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if settings.api_key is None and settings.base_url is None:
            raise ConfigError(
                "no API key: set OPENAI_API_KEY (or pass one), or point the base URL at a "
                "local OpenAI-compatible server"
            )
        self.name = name
        self._settings = settings
        self._sleep = sleep
        self._openai = openai.AsyncOpenAI(
            # Local servers ignore the key, but the SDK insists on having one.
            api_key=settings.api_key.get_secret_value() if settings.api_key else "no-key",
            # Explicit, so the SDK never falls back to reading OPENAI_BASE_URL itself.
            base_url=settings.base_url or OPENAI_API_URL,
            timeout=settings.timeout_s,
            max_retries=0,
            http_client=http_client,
            default_headers={PROMPT_VERSION_HEADER: PROMPT_VERSION},
        )
        self._mode = _MODES[settings.mode]
        self._client = instructor.from_openai(self._openai, mode=self._mode)
        self._limit = asyncio.Semaphore(settings.concurrency)
        self._system = system_message()

    async def extract(self, article: Article) -> ExtractionResult:
        """Claims of ``article``; see ``Extractor.extract``.

        Raises ``PromptError`` only if the prompt templates are broken.
        """
        started = time.perf_counter()
        usage = Usage()
        chunks = split_text(article.text, self._settings.chunk_chars, self._settings.chunk_overlap)
        outcome = _ChunkOutcome.combine(
            await asyncio.gather(*(self._extract_chunk(article, c, usage) for c in chunks))
        )
        if not outcome.errors:
            status = ExtractionStatus.ok
        elif outcome.answered:
            status = ExtractionStatus.partial
        else:
            status = ExtractionStatus.failed
        for error in outcome.errors:
            log.warning("%s: %s", article.id, error)
        usage.duration_s = time.perf_counter() - started
        claims = merge_claims(article.id, outcome.claims)
        return ExtractionResult(
            article_id=article.id,
            extractor=self.name,
            model=self._settings.model,
            prompt_version=PROMPT_VERSION,
            status=status,
            error="; ".join(outcome.errors) or None,
            warnings=outcome.warnings,
            claims=claims,
            hedges=article_cues(article, claims),
            usage=usage,
        )

    async def aclose(self) -> None:
        """Close the HTTP client."""
        await self._openai.close()

    async def _extract_chunk(
        self, article: Article, chunk: Chunk, usage: Usage, *, may_halve: bool = True
    ) -> _ChunkOutcome:
        where = f"part {chunk.part} of {chunk.parts}: " if chunk.parts > 1 else ""
        try:
            answer = await self._ask(article, chunk, usage)
        except IncompleteOutputException:
            if may_halve:
                halves = halve(chunk, self._settings.chunk_overlap)
                return _ChunkOutcome.combine(
                    await asyncio.gather(
                        *(self._extract_chunk(article, h, usage, may_halve=False) for h in halves)
                    )
                )
            return _ChunkOutcome(
                errors=[
                    f"{where}the model's answer was cut off (finish_reason=length) even for "
                    f"{len(chunk.text)} characters of text; raise the endpoint's output token "
                    "limit or lower chunk_chars"
                ],
                answered=False,
            )
        except _ChunkFailed as failed:
            return _ChunkOutcome(errors=[f"{where}{failed}"], answered=False)
        claims, warnings = to_domain(answer, article, chunk)
        return _ChunkOutcome(claims=claims, warnings=warnings)

    async def _ask(self, article: Article, chunk: Chunk, usage: Usage) -> ClaimExtraction:
        """The model's answer for one chunk, transport retries and re-asks included.

        Raises ``IncompleteOutputException`` for a truncated answer and ``_ChunkFailed``
        when there is no usable answer.
        """
        messages = self._messages(article, chunk)
        response_model = grounded_extraction(chunk.text)

        async def one_call() -> ClaimExtraction:
            meter = CallMeter()
            try:
                async with self._limit:
                    return await self._client.create(
                        messages=messages,
                        response_model=response_model,
                        max_retries=_reasks(self._settings.max_reasks, meter),
                        hooks=meter.hooks(),
                        strict=False,  # the schema is lenient on purpose; see schema.py
                        model=self._settings.model,
                        temperature=self._settings.temperature,
                    )
            except InstructorRetryException as exc:
                if meter.refusal is not None:
                    raise _ChunkFailed(f"the model refused: {_clip(meter.refusal)}") from exc
                if transport_error(exc) is not None:
                    raise  # for with_transport_retries
                if isinstance(exc.__cause__, _INVALID_ANSWER):
                    return self._last_parsable(exc)
                raise _ChunkFailed(self._describe(exc.__cause__ or exc)) from exc
            finally:
                usage.calls += meter.requests
                usage.retries += meter.reasks
                usage.prompt_tokens += meter.prompt_tokens
                usage.completion_tokens += meter.completion_tokens

        def count_retry() -> None:
            usage.retries += 1

        try:
            return await with_transport_retries(
                one_call,
                max_attempts=self._settings.max_attempts,
                max_wait_s=self._settings.max_wait_s,
                sleep=self._sleep,
                on_retry=count_retry,
            )
        except InstructorRetryException as exc:
            error = transport_error(exc) or exc
            raise _ChunkFailed(
                f"{self._describe(error)} (gave up after {self._settings.max_attempts} attempts)"
            ) from exc

    def _messages(self, article: Article, chunk: Chunk) -> list[ChatCompletionMessageParam]:
        """The system prompt, and the chunk with its metadata as the only user message."""
        user = user_message(
            chunk.text,
            outlet=article.outlet,
            title=article.title,
            published=article.published,
            part=chunk.part,
            parts=chunk.parts,
        )
        return [{"role": "system", "content": self._system}, {"role": "user", "content": user}]

    def _last_parsable(self, exc: InstructorRetryException) -> ClaimExtraction:
        """The latest answer that parses leniently, once re-asks are used up.

        Its quotes may still be missing from the article: ``convert`` keeps those claims
        marked ``ungrounded``. Raises ``_ChunkFailed`` if no answer parses at all.
        """
        for attempt in reversed(exc.failed_attempts or []):
            try:
                return _LenientAnswer.from_response(
                    attempt.completion, mode=self._mode, strict=False
                )
            except (ValueError, AssertionError, InstructorError):
                continue
        raise _ChunkFailed(
            f"the model's answer did not fit the expected structure after {exc.n_attempts} "
            f"attempt(s): {_first_problem(exc.__cause__)}"
        ) from exc

    def _describe(self, error: BaseException) -> str:
        """What went wrong, for an editor.

        Built from the status, the endpoint's host and our own words only: never from a
        response body or the request, which is how a key or an article would leak.
        """
        endpoint = self._settings.endpoint
        if isinstance(error, openai.APITimeoutError):
            return f"no answer from {endpoint} within {self._settings.timeout_s:g} s"
        if isinstance(error, openai.APIConnectionError):
            return f"could not connect to {endpoint}"
        if isinstance(error, openai.APIStatusError):
            hint = {
                401: " (check the API key)",
                403: " (check the API key's permissions)",
                404: " (check the model name and the base URL)",
            }.get(error.status_code, "")
            if self._settings.mode == "json_schema" and error.status_code in (400, 500):
                hint = " (llama.cpp's server rejects json_schema mode: try json or md_json)"
            return f"{endpoint} answered HTTP {error.status_code}{hint}"
        log.debug("unexpected failure talking to %s", endpoint, exc_info=error)
        return f"unexpected {type(error).__name__} talking to {endpoint}"


def _reasks(max_reasks: int, meter: CallMeter) -> AsyncRetrying:
    """instructor's re-ask policy for one call: invalid answers only, and no refusal."""
    return AsyncRetrying(
        stop=stop_after_attempt(max_reasks + 1),
        retry=retry_if_exception(
            lambda exc: isinstance(exc, _INVALID_ANSWER) and meter.refusal is None
        ),
        reraise=True,
    )


def _first_problem(error: BaseException | None) -> str:
    if isinstance(error, pydantic.ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "answer"
        return f"{where}: {first['msg']}"
    if isinstance(error, json.JSONDecodeError):
        return "not valid JSON"
    return _clip(str(error)) if error else "no answer"


def _clip(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
