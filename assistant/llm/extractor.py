"""The LLM extractor: openai SDK + instructor against any OpenAI-compatible endpoint.

Per article: split into parts, ask for each part's claims (requests in flight bounded by
``settings.requests_in_flight``), check each claim, re-ask about the ones that failed,
convert and ground the answers, merge the parts' claims.

instructor builds each request for the mode (tool, JSON, fenced JSON) and parses the
answer; the openai SDK sends it. The loop around them is ours, because what we need
differs from instructor's own re-ask loop: a re-ask names only the failing claims, and
every claim that passed at any attempt is kept.

Who retries what, so retries never multiply:

- the openai SDK: never (``max_retries=0``);
- ``retry.with_transport_retries``: 429 / 5xx / dropped connections, honouring
  Retry-After, at most ``settings.max_attempts`` requests; a 429 also pauses every other
  request of the run for as long (``backoff.SharedPause``); a read timeout at most once,
  and with twice the limit (a generation that did not finish in time will not finish in
  the same time on a retry: the server starts it again from scratch); never a status
  marked ``x-should-retry: false``;
- a server that refuses instructor's object-form ``tool_choice``: the same request again
  at once with ``"required"``, then ``"auto"``; the form that works is kept;
- ``_ask``: re-asks claims that failed their check (schema, a quote not in the part) at
  most ``settings.max_reasks`` times, warmer each time, but never a refusal;
- a part whose answer is cut off (``finish_reason=length``) or that does not fit the
  model's context: split in two, again and again down to ``settings.min_chunk_chars``;
  below that the claims a cut-off answer finished are kept (``answer.completed_claims``)
  and the part is reported as cut off, or as truncated when it finished none.

Nothing about one article raises: problems come back in the result's status and error.
What no article can get past raises ``EndpointError``, once per run: a bad key (401, 403),
an unknown model (404), no quota left (429 ``insufficient_quota``, or a 429 saying
``x-should-retry: false``), a Retry-After longer than ``settings.max_wait_s``. From then
on the extractor sends nothing, so a batch of 500 articles stops at the first.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx2
import instructor
import openai
from openai.types.chat import ChatCompletion, ChatCompletionMessageParam

from assistant import redact
from assistant.errors import ConfigError, EndpointError
from assistant.extract.base import Extractor
from assistant.extract.offline.cues import article_cues
from assistant.llm.answer import (
    Checked,
    Unreadable,
    check_claims,
    claim_key,
    completed_claims,
    read_claims,
    tool_calls,
)
from assistant.llm.backoff import SharedPause
from assistant.llm.chunking import Chunk, halve, merge_claims, split_text
from assistant.llm.convert import to_domain
from assistant.llm.meter import refusal_of
from assistant.llm.prompts import (
    PROMPT_VERSION,
    again_message,
    reask_system_message,
    reask_user_message,
    system_message,
    user_message,
)
from assistant.llm.request import request_arguments
from assistant.llm.retry import (
    out_of_quota,
    retry_after_s,
    said_not_to_retry,
    transport_error,
    waits_too_long,
    with_transport_retries,
)
from assistant.llm.schema import ClaimExtraction, LLMClaim
from assistant.llm.settings import LLMMode, LLMSettings, ToolChoice
from assistant.llm.streaming import STREAM_OPTIONS, NotStreamed, read_stream
from assistant.model import Article, Claim, ExtractionResult, ExtractionStatus, Usage

log = logging.getLogger(__name__)

PROMPT_VERSION_HEADER = "X-Factcheck-Prompt-Version"
REASK_HEADER = "X-Factcheck-Reask"
OPENAI_API_URL = "https://api.openai.com/v1"
# Connecting takes well under a second when the server is there; the read timeout, which
# may be minutes for a slow local model, is no measure of it.
CONNECT_TIMEOUT_S = 10.0

_MODES: dict[LLMMode, instructor.Mode] = {
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "md_json": instructor.Mode.MD_JSON,
}

# How servers say a request is longer than the model's context (OpenAI, vLLM, llama.cpp,
# Ollama, LM Studio). Matched against our own lower-cased copy of the error message only
# to classify it; the message is never shown.
_CONTEXT_OVERFLOW = re.compile(
    r"context[ _]length|context[ _]window|context size|maximum context|exceeds? the "
    r"(?:available )?context|too many tokens|prompt is too long|n_ctx|token limit"
)
# The fallbacks, in order, for a server that refuses a form of tool_choice.
_NEXT_TOOL_CHOICE: dict[ToolChoice, ToolChoice | None] = {
    "function": "required",
    "required": "auto",
    "auto": None,
}


class _ChunkFailed(Exception):
    """A part got no usable answer; the message is for the editor."""


class _TooLong(Exception):
    """The part is too long for one answer: cut off (``completion`` is the cut-off
    answer), or beyond the model's context."""

    def __init__(self, message: str, completion: ChatCompletion | None = None) -> None:
        super().__init__(message)
        self.completion = completion


class _ToolChoiceRefused(Exception):
    """The server refused this form of tool_choice; another form is to be tried."""


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
    ``sleep`` is what transport retries and pauses wait with, ``clock`` what tells the
    time (tests pass a sleep that does not sleep and a clock it moves on).
    ``extract`` raises ``EndpointError`` when the endpoint refuses the run (see the module
    docstring), and keeps raising it without sending anything more.
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
        clock: Callable[[], float] = time.monotonic,
        answers_from: Mapping[str, object] | None = None,
    ) -> None:
        if settings.api_key is None and settings.base_url is None:
            raise ConfigError(
                "no API key: set OPENAI_API_KEY (or pass one), or point the base URL at a "
                "local OpenAI-compatible server"
            )
        if settings.api_key is not None:
            redact.add_secret(settings.api_key.get_secret_value())
        self.name = name
        self._settings = settings
        self._answers_from = dict(answers_from or {})
        self._sleep = sleep
        self._openai = openai.AsyncOpenAI(
            # Local servers ignore the key, but the SDK insists on having one.
            api_key=settings.api_key.get_secret_value() if settings.api_key else "no-key",
            # Explicit, so the SDK never falls back to reading OPENAI_BASE_URL itself.
            base_url=settings.base_url or OPENAI_API_URL,
            timeout=settings.read_timeout_s,
            max_retries=0,
            http_client=http_client,
            default_headers={PROMPT_VERSION_HEADER: PROMPT_VERSION},
        )
        self._http = http_client
        self._mode = _MODES[settings.mode]
        self._tool_choice: ToolChoice = settings.tool_choice
        self._streams = settings.streams
        self._limit = asyncio.Semaphore(settings.requests_in_flight)
        self._pause = SharedPause(sleep, clock)
        self._probed = asyncio.Lock()
        # Why the endpoint refuses every request, once one answer said so.
        self._refused: str | None = None
        self._slots_known = not (
            settings.probe_slots and settings.loopback and settings.concurrency is None
        )
        self._system = system_message()
        self._reask_system = reask_system_message()

    async def extract(self, article: Article) -> ExtractionResult:
        """Claims of ``article``; see ``Extractor.extract``.

        Raises ``EndpointError`` when the endpoint refuses the run, and ``PromptError``
        only if the prompt templates are broken.
        """
        started = time.perf_counter()
        usage = Usage()
        await self._read_server_slots()
        chunks = split_text(article.text, self._settings.chunk_chars, self._settings.chunk_overlap)
        outcome = _ChunkOutcome.combine(
            await _all(self._extract_chunk(article, c, usage) for c in chunks)
        )
        usage.duration_s = time.perf_counter() - started
        return self._result(article, outcome, usage)

    def _result(self, article: Article, outcome: _ChunkOutcome, usage: Usage) -> ExtractionResult:
        if not outcome.errors:
            status = ExtractionStatus.ok
        elif outcome.answered:
            status = ExtractionStatus.partial
        else:
            status = ExtractionStatus.failed
        for error in outcome.errors:
            log.warning("%s: %s", article.id, error)
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

    # ------------------------------------------------------------ the Batch API (batch.py)

    @property
    def client(self) -> openai.AsyncOpenAI:
        """The openai client requests go through (the Batch API uploads with it)."""
        return self._openai

    def batch_requests(self, article: Article) -> list[tuple[str, dict[str, Any]]]:
        """(custom id, request body) of each part of ``article``: the messages, schema,
        temperature and ``max_tokens`` a live first ask sends. The id is the part's
        content hash, its number and the prompt version, so it is unique in a batch and
        the same in every run."""
        requests = []
        for chunk in split_text(
            article.text, self._settings.chunk_chars, self._settings.chunk_overlap
        ):
            body = self._request(
                self._messages(article, chunk),
                self._settings.temperature,
                self._settings.max_tokens_for(len(chunk.text)),
            )
            requests.append((batch_id(article, chunk), body))
        return requests

    def from_batch(
        self, article: Article, answers: Mapping[str, dict[str, Any]]
    ) -> ExtractionResult | None:
        """The result the Batch API's ``answers`` (custom id -> chat.completion body) give
        ``article``, after the checks a live answer gets: readable, complete, every quote
        found in the text. None when a part has no such answer: the article then goes
        through the live path, with its re-asks and splits."""
        usage = Usage()
        outcomes = []
        for chunk in split_text(
            article.text, self._settings.chunk_chars, self._settings.chunk_overlap
        ):
            body = answers.get(batch_id(article, chunk))
            if body is None:
                return None
            try:
                completion = ChatCompletion.model_validate(body)
            except ValueError:
                return None
            usage.calls += 1
            _count_tokens(completion, usage)
            choice = completion.choices[0] if completion.choices else None
            if choice is None or choice.finish_reason not in ("stop", "tool_calls"):
                return None  # cut off, filtered or refused: the live path knows what to do
            try:
                checked = check_claims(read_claims(completion, self._mode), chunk.text)
            except Unreadable:
                return None
            if checked.failures:
                return None  # a live re-ask can fix or drop them
            claims, warnings = to_domain(ClaimExtraction(claims=checked.valid), article, chunk)
            outcomes.append(_ChunkOutcome(claims=claims, warnings=warnings))
        return self._result(article, _ChunkOutcome.combine(outcomes), usage)

    def fingerprint(self) -> dict[str, object]:
        """The model, endpoint, mode, prompt version, output-schema hash and the settings
        that change an answer (``answers_from`` adds what else does: the mock's fixtures
        and faults). Timeouts, concurrency and retry limits only decide whether an answer
        comes, and the results cache keeps complete results only; the key is never here."""
        s = self._settings
        return {
            "extractor": self.name,
            "model": s.model,
            "base_url": _keyed_url(s.base_url or OPENAI_API_URL),
            "mode": s.mode,
            "prompt_version": PROMPT_VERSION,
            "schema": schema_digest(),
            "answers": s.model_dump(
                include={
                    "max_reasks",
                    "chunk_chars",
                    "chunk_overlap",
                    "min_chunk_chars",
                    "max_output_tokens",
                    "temperature",
                    "reask_temperature_step",
                    "tool_choice",
                }
            ),
            **self._answers_from,
        }

    async def aclose(self) -> None:
        """Close the HTTP client."""
        await self._openai.close()

    async def _read_server_slots(self) -> None:
        """Once, before the first request to a loopback server with no concurrency set:
        send as many requests at once as llama.cpp's ``/props`` says it has slots.

        Any other answer (another server, no such page, an error) leaves one at a time.
        """
        async with self._probed:
            if self._slots_known:
                return
            self._slots_known = True
            url = f"{self._settings.origin}/props"
            try:
                if self._http is not None:
                    response = await self._http.get(url, timeout=5.0)
                else:
                    async with httpx2.AsyncClient() as client:
                        response = await client.get(url, timeout=5.0)
                slots = response.json().get("total_slots") if response.status_code == 200 else None
            except (httpx2.HTTPError, ValueError, AttributeError):
                return
            if isinstance(slots, int) and slots > 1:
                log.info(
                    "%s has %d slots: %d requests at once", self._settings.endpoint, slots, slots
                )
                self._limit = asyncio.Semaphore(min(slots, 64))

    async def _extract_chunk(self, article: Article, chunk: Chunk, usage: Usage) -> _ChunkOutcome:
        where = f"part {chunk.part} of {chunk.parts}: " if chunk.parts > 1 else ""
        try:
            answer, notes = await self._ask(article, chunk, usage)
        except _TooLong as why:
            floor = self._settings.min_chunk_chars
            if len(chunk.text) // 2 >= floor:
                log.info(
                    "%s: %s%s; splitting its %d characters in two",
                    article.id,
                    where,
                    why,
                    len(chunk.text),
                )
                halves = halve(chunk, self._settings.chunk_overlap)
                return _ChunkOutcome.combine(
                    await _all(self._extract_chunk(article, h, usage) for h in halves)
                )
            salvaged = self._completed_before_cut(article, chunk, why)
            if salvaged is not None:
                return salvaged
            return _ChunkOutcome(
                errors=[
                    f"{where}truncated: {why} even for {len(chunk.text)} characters of text "
                    f"(characters {chunk.start}-{chunk.end} of the article have no claims); "
                    "raise the server's context size or output token limit"
                ],
                answered=False,
            )
        except _ChunkFailed as failed:
            return _ChunkOutcome(errors=[f"{where}{failed}"], answered=False)
        claims, warnings = to_domain(ClaimExtraction(claims=answer), article, chunk)
        return _ChunkOutcome(claims=claims, warnings=notes + warnings)

    def _completed_before_cut(
        self, article: Article, chunk: Chunk, why: _TooLong
    ) -> _ChunkOutcome | None:
        """At the smallest part, an answer cut off at its token limit still gives the
        claims it finished writing, checked like any (a model that rambles past any
        limit loses what it had not written, not the whole part). None when it finished
        none that pass their check."""
        if why.completion is None:
            return None
        checked = check_claims(completed_claims(why.completion), chunk.text)
        if not checked.valid:
            return None
        claims, warnings = to_domain(ClaimExtraction(claims=checked.valid), article, chunk)
        where = f"part {chunk.part} of {chunk.parts}: " if chunk.parts > 1 else ""
        return _ChunkOutcome(
            claims=claims,
            warnings=warnings,
            errors=[
                f"{where}cut off: {why} even for {len(chunk.text)} characters of text; kept "
                f"the {len(claims)} claim(s) the answer finished, characters "
                f"{chunk.start}-{chunk.end} of the article may hold more; raise the "
                "server's output token limit"
            ],
        )

    async def _ask(
        self, article: Article, chunk: Chunk, usage: Usage
    ) -> tuple[list[LLMClaim], list[str]]:
        """The claims for one part, re-asks included, and notes for the editor.

        The first readable answer is the extraction; each re-ask sends only the claims
        that failed their check, with what was wrong, and asks to fix or drop them. Every
        claim that passed at any attempt is kept, so a worse later answer never replaces
        a better earlier one. Claims whose quote is still not found are returned too
        (``convert`` marks them ungrounded). Raises ``_TooLong`` and ``_ChunkFailed``.
        """
        kept: list[LLMClaim] = []
        notes: list[str] = []
        keys: set[tuple[object, ...]] = set()
        first: Checked | None = None
        latest: Checked | None = None
        problem = "no answer"
        attempts = self._settings.max_reasks + 1
        for attempt in range(attempts):
            if attempt == 0:
                messages = self._messages(article, chunk)
            elif first is None:
                messages = self._messages(article, chunk, again=problem)
            else:
                assert latest is not None
                messages = self._reask_messages(article, chunk, latest)
            if attempt:
                usage.retries += 1
                log.info(
                    "%s: %sre-ask %d of %d: %s",
                    article.id,
                    f"part {chunk.part} of {chunk.parts}, " if chunk.parts > 1 else "",
                    attempt,
                    attempts - 1,
                    problem,
                )
            try:
                completion = await self._send(
                    messages, chunk, usage, reask=attempt, article_id=article.id
                )
            except (_ChunkFailed, _TooLong) as failed:
                if first is None:
                    raise
                # A re-ask that gets no answer costs only the fixes it asked for.
                notes.append(f"re-ask {attempt} got no answer ({failed}); earlier claims kept")
                break
            try:
                written = read_claims(completion, self._mode)
            except Unreadable as unreadable:
                problem = f"the answer could not be read ({unreadable})"
                continue
            if (calls := len(tool_calls(completion))) > 1:
                notes.append(f"the model answered in {calls} tool calls; every call was read")
            checked = check_claims(written, chunk.text)
            first = first or checked
            latest = checked
            for claim in checked.valid:
                key = claim_key(claim)
                if key not in keys:
                    keys.add(key)
                    kept.append(claim)
            if not checked.failures:
                break
            problem = f"{len(checked.failures)} claim(s) failed: " + "; ".join(
                sorted({f.problem.split(";")[0] for f in checked.failures})
            )
        if first is None:
            raise _ChunkFailed(
                f"the model's answer did not fit the expected structure after {attempts} "
                f"attempt(s): {problem}"
            )
        assert latest is not None
        for failure in latest.failures:
            if failure.claim is not None and claim_key(failure.claim) not in keys:
                kept.append(failure.claim)  # to be kept as ungrounded
            elif failure.claim is None:
                notes.append(f"a claim the model never completed was dropped: {failure.problem}")
        return kept, notes

    async def _send(
        self,
        messages: list[ChatCompletionMessageParam],
        chunk: Chunk,
        usage: Usage,
        *,
        reask: int,
        article_id: str,
    ) -> ChatCompletion:
        """One answer from the endpoint, transport retries included; usage counted for
        every request sent, also those abandoned on a timeout.

        Raises ``_TooLong`` (cut off, context overflow), ``_ChunkFailed`` (a refusal, a
        content filter, a second timeout, an error that does not go away) and
        ``EndpointError`` (an answer no request can get past: nothing more is sent).
        """
        first_timeout = self._settings.read_timeout_s
        timeout = first_timeout
        temperature = min(
            2.0, self._settings.temperature + reask * self._settings.reask_temperature_step
        )
        max_tokens = self._settings.max_tokens_for(len(chunk.text))
        headers = {REASK_HEADER: str(reask)} if reask else {}

        async def one_request() -> ChatCompletion:
            nonlocal timeout
            # One more turn than there are tool_choice forms: a server that does not
            # stream is asked once more, unstreamed.
            for _ in range(len(_NEXT_TOOL_CHOICE) + 1):
                form = self._tool_choice
                kwargs = self._request(messages, temperature, max_tokens)
                limits = httpx2.Timeout(timeout, connect=min(timeout, CONNECT_TIMEOUT_S))
                try:
                    async with self._limit:
                        await self._pause.wait()
                        if self._refused is not None:  # nothing more is sent
                            raise EndpointError(
                                f"the run stopped before this article: {self._refused}"
                            )
                        usage.calls += 1
                        completion = await self._complete(kwargs, limits, headers, article_id)
                except NotStreamed:
                    continue
                except openai.APITimeoutError as exc:
                    if _connect_timeout(exc):
                        raise  # retried like any failed connection, the limit unchanged
                    if timeout > first_timeout:
                        raise _ChunkFailed(
                            f"no answer from {self._settings.endpoint} within {first_timeout:g} s "
                            f"nor, on the one retry, within {timeout:g} s; a slow server needs "
                            "a longer --timeout (or timeout_s for this endpoint)"
                        ) from exc
                    log.info(
                        "no answer within %g s; trying once more with %g s", timeout, timeout * 2
                    )
                    timeout *= 2
                    raise
                except openai.APIStatusError as exc:
                    if _context_overflow(exc):
                        raise _TooLong("the part does not fit the model's context") from exc
                    if self._refuses_tool_choice(exc, form):
                        continue
                    refused = self._refuses_run(exc)
                    if refused is not None:
                        self._refused = self._refused or refused
                        raise EndpointError(refused) from None
                    if exc.status_code == 429:  # every request slows down, not only this one
                        self._pause.hold(retry_after_s(exc))
                    raise
                # The slot is free: let a request waiting for it go out before this
                # answer is read, checked and converted (CPU), so slots never idle on it.
                await asyncio.sleep(0)
                _count_tokens(completion, usage)
                choice = completion.choices[0] if completion.choices else None
                if choice is not None and choice.finish_reason == "length":
                    raise _TooLong(
                        f"the model's answer was cut off (finish_reason=length, "
                        f"max_tokens={max_tokens})",
                        completion,
                    )
                if choice is not None and choice.finish_reason == "content_filter":
                    # Whatever came before the filter stopped it is a partial answer; the
                    # same text would be filtered again, so it is not re-asked either.
                    raise _ChunkFailed(
                        "the endpoint's content filter stopped the answer "
                        "(finish_reason=content_filter); this part has no claims"
                    )
                refusal = refusal_of(completion)
                if refusal is not None:
                    raise _ChunkFailed(f"the model refused: {_clip(refusal)}")
                return completion
            raise _ChunkFailed(f"{self._settings.endpoint} refused every form of tool_choice")

        def count_retry() -> None:
            usage.retries += 1

        try:
            return await with_transport_retries(
                one_request,
                max_attempts=self._settings.max_attempts,
                max_wait_s=self._settings.max_wait_s,
                sleep=self._sleep,
                on_retry=count_retry,
            )
        except openai.APITimeoutError as exc:
            if not _connect_timeout(exc):  # max_attempts=1: no retry was allowed
                raise _ChunkFailed(
                    f"no answer from {self._settings.endpoint} within {first_timeout:g} s; a "
                    "slow server needs a longer --timeout (or timeout_s for this endpoint)"
                ) from exc
            raise _ChunkFailed(
                f"{self._describe(exc)} (gave up after {self._settings.max_attempts} attempts)"
            ) from exc
        except (openai.APIError, httpx2.HTTPError) as exc:
            gave_up = (
                f" (gave up after {self._settings.max_attempts} attempts)"
                if transport_error(exc) is not None
                else ""
            )
            raise _ChunkFailed(f"{self._describe(exc)}{gave_up}") from exc

    async def _complete(
        self,
        kwargs: dict[str, Any],
        limits: httpx2.Timeout,
        headers: dict[str, str],
        article_id: str,
    ) -> ChatCompletion:
        """One request's answer, streamed when the settings say so (see ``streaming.py``).

        A streamed answer that stops arriving raises ``openai.APITimeoutError`` and one
        whose connection breaks ``openai.APIConnectionError``, as an unstreamed request
        would: the SDK wraps transport errors only while it sends, not while it reads.
        ``NotStreamed`` when the server ignored the stream (streaming is then off)."""
        if not self._streams:
            completion: ChatCompletion = await self._openai.chat.completions.create(
                **kwargs, timeout=limits, extra_headers=headers
            )
            return completion
        stream = await self._openai.chat.completions.create(
            **kwargs,
            stream=True,
            stream_options=STREAM_OPTIONS,
            timeout=limits,
            extra_headers=headers,
        )
        hook = self.on_progress

        def on_piece(pieces: int) -> None:
            if hook is not None:
                hook(article_id, pieces)

        try:
            return await read_stream(stream, on_piece)
        except NotStreamed:
            # A server that ignores "stream" answers with no event: ask it unstreamed,
            # from now on (the same for every part, as with tool_choice).
            log.info("%s does not stream its answers; asking unstreamed", self._settings.endpoint)
            self._streams = False
            raise
        except ValueError as exc:  # the stream stopped before the answer said it ended
            raise openai.APIConnectionError(
                message=str(exc), request=stream.response.request
            ) from exc
        except httpx2.TimeoutException as exc:
            raise openai.APITimeoutError(request=exc.request) from exc
        except httpx2.TransportError as exc:
            raise openai.APIConnectionError(request=exc.request) from exc
        finally:
            await stream.close()

    def _request(
        self, messages: list[ChatCompletionMessageParam], temperature: float, max_tokens: int
    ) -> dict[str, Any]:
        """The create() arguments instructor builds for the mode, with our tool_choice."""
        kwargs = request_arguments(
            self._mode,
            messages,
            model=self._settings.model,
            temperature=temperature,
            max_tokens=max_tokens,
        )
        if self._mode is instructor.Mode.TOOLS and self._tool_choice != "function":
            kwargs["tool_choice"] = self._tool_choice
        return kwargs

    def _refuses_tool_choice(self, error: openai.APIStatusError, form: ToolChoice) -> bool:
        """True when ``error`` is the server refusing the tool_choice ``form`` and there is
        another form to try; the next form is then used from now on, for every part."""
        if self._mode is not instructor.Mode.TOOLS or error.status_code not in (400, 422, 500):
            return False
        if "tool_choice" not in _error_text(error):
            return False
        if form != self._tool_choice:
            return True  # a request sent at the same time already moved on
        following = _NEXT_TOOL_CHOICE[form]
        if following is None:
            return False
        log.info(
            "%s refused tool_choice %r; using %r",
            self._settings.endpoint,
            self._tool_choice,
            following,
        )
        self._tool_choice = following
        return True

    def _messages(
        self, article: Article, chunk: Chunk, *, again: str | None = None
    ) -> list[ChatCompletionMessageParam]:
        """The system prompt, and the part with its metadata as the user message (and,
        when the last answer could not be read, a note saying why)."""
        user = user_message(
            chunk.text,
            outlet=article.outlet,
            title=article.title,
            published=article.published,
            part=chunk.part,
            parts=chunk.parts,
        )
        messages: list[ChatCompletionMessageParam] = [
            {"role": "system", "content": self._system},
            {"role": "user", "content": user},
        ]
        if again is not None:
            messages.append({"role": "user", "content": again_message(again)})
        return messages

    def _reask_messages(
        self, article: Article, chunk: Chunk, checked: Checked
    ) -> list[ChatCompletionMessageParam]:
        """Only the failing claims with their problems, and the part to check them on."""
        failures: list[dict[str, object]] = [
            {
                "number": n,
                "problem": failure.problem,
                "claim": json.dumps(failure.written, ensure_ascii=False),
            }
            for n, failure in enumerate(checked.failures, start=1)
        ]
        user = reask_user_message(
            chunk.text, failures, outlet=article.outlet, part=chunk.part, parts=chunk.parts
        )
        return [
            {"role": "system", "content": self._reask_system},
            {"role": "user", "content": user},
        ]

    def _refuses_run(self, error: openai.APIStatusError) -> str | None:
        """Why no request of this run can succeed, when ``error`` says so; else None.

        Our own words, the status and the model name only: never the response body.
        """
        endpoint, status = self._settings.endpoint, error.status_code
        said = f"{endpoint} answered HTTP {status}"
        if status == 401:
            return f"{said} (check the API key)"
        if status == 403:
            return f"{said} (check the API key's permissions)"
        if status == 404:
            if error.code == "model_not_found" or "model" in _error_text(error):
                return f"{said}: it has no model {self._settings.model!r} (check --model)"
            return f"{said} (check the base URL, which usually ends in /v1, and --model)"
        if out_of_quota(error):
            return f"{said} insufficient_quota: the account has no quota left (check its billing)"
        if status == 429 and said_not_to_retry(error):
            return f"{said} and said not to retry (check the account's quota and rate limits)"
        max_wait = self._settings.max_wait_s
        if transport_error(error) is not None and waits_too_long(error, max_wait):
            asked = retry_after_s(error) or 0.0
            until = datetime.now(UTC) + timedelta(seconds=asked)
            return (
                f"{said} asking to wait {asked:.0f} s before the next request, longer than "
                f"the {max_wait:g} s a run waits (try again after {until:%Y-%m-%d %H:%M} UTC)"
            )
        return None

    def _describe(self, error: BaseException) -> str:
        """What went wrong, for an editor.

        Built from the status, the endpoint's host and our own words only: never from a
        response body or the request, which is how a key or an article would leak.
        """
        endpoint = self._settings.endpoint
        if isinstance(error, openai.APITimeoutError) and _connect_timeout(error):
            limit = min(self._settings.read_timeout_s, CONNECT_TIMEOUT_S)
            return f"could not connect to {endpoint} within {limit:g} s"
        if isinstance(error, openai.APITimeoutError):
            return f"no answer from {endpoint} in time"
        if isinstance(error, openai.APIConnectionError):
            if isinstance(error.__cause__, httpx2.RemoteProtocolError | httpx2.ReadError):
                return f"the connection to {endpoint} closed before the answer was complete"
            return f"could not connect to {endpoint}"
        if isinstance(error, openai.APIStatusError):
            hint = {
                401: " (check the API key)",
                403: " (check the API key's permissions)",
                404: " (check the model name and the base URL)",
            }.get(error.status_code, "")
            if self._settings.mode == "json_schema" and error.status_code in (400, 500):
                hint = " (if the server does not support json_schema mode, try json or md_json)"
            if error.code == "content_filter":
                hint = " (the endpoint's content filter refused the article)"
            if said_not_to_retry(error):
                hint += " and said not to retry"
            return f"{endpoint} answered HTTP {error.status_code}{hint}"
        log.debug("unexpected failure talking to %s", endpoint, exc_info=error)
        return f"unexpected {type(error).__name__} talking to {endpoint}"


async def _all(calls: Iterable[Coroutine[Any, Any, _ChunkOutcome]]) -> list[_ChunkOutcome]:
    """Every part's outcome. Unlike a bare gather, waits for all of them before raising
    the first exception (an ``EndpointError``), so no part is left running unobserved."""
    outcomes = await asyncio.gather(*calls, return_exceptions=True)
    for outcome in outcomes:
        if isinstance(outcome, BaseException):
            raise outcome
    return [o for o in outcomes if isinstance(o, _ChunkOutcome)]


def _connect_timeout(error: openai.APITimeoutError) -> bool:
    """True when the connection was never made (as opposed to an answer not in time)."""
    return isinstance(error.__cause__, httpx2.ConnectTimeout | httpx2.PoolTimeout)


def _count_tokens(completion: ChatCompletion, usage: Usage) -> None:
    if completion.usage is not None:
        usage.prompt_tokens += completion.usage.prompt_tokens or 0
        usage.completion_tokens += completion.usage.completion_tokens or 0


def _error_text(error: openai.APIStatusError) -> str:
    """The server's error message, lower-cased, for classifying it (never for showing)."""
    body = error.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        text = json.dumps(inner) if not isinstance(inner, str) else inner
    else:
        text = str(body or error.message or "")
    return text.lower()


def _context_overflow(error: openai.APIStatusError) -> bool:
    if error.status_code not in (400, 413, 500):
        return False
    text = _error_text(error)
    return "context_length_exceeded" in text or _CONTEXT_OVERFLOW.search(text) is not None


def _clip(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _keyed_url(url: str) -> str:
    """The base URL as a cache key part: without a user, password or query, which may
    hold credentials and do not choose the model."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path.rstrip('/')}"


def batch_id(article: Article, chunk: Chunk) -> str:
    """``<sha256 of the article, 16>.<part>.<prompt version>``: a Batch API custom id."""
    digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()[:16]
    return f"{digest}.{chunk.part}.{PROMPT_VERSION}"


@functools.cache
def schema_digest() -> str:
    """sha256 of the JSON Schema the model is asked to fill in."""
    text = json.dumps(ClaimExtraction.model_json_schema(), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
