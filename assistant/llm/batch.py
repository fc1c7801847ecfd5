"""``--batch-api``: the night's articles through the OpenAI Batch API, at half the price.

The run's articles (those the results cache does not hold) are sent as one batch before
any is extracted live (``Extractor.prepare``):

1. one JSONL request per article part, with a custom id unique in the batch (the part's
   content hash, its number and the prompt version: ``extractor.batch_id``) and the same
   messages, schema and ``max_tokens`` as the live path's first ask;
2. the file is uploaded (``files.create(purpose="batch")``) and the batch created
   (``batches.create(endpoint="/v1/chat/completions", completion_window="24h")``);
3. the batch is polled, with backoff, until it is completed, failed, expired or cancelled;
4. its output is downloaded, and every answer goes through the checks a live answer gets
   (readable, complete, every quote found in the article's text): ``from_batch``;
5. an article with a part the batch did not answer, or answered with a claim that failed
   a check, goes through the live path, with its re-asks and splits (``extract``).

A batch the endpoint refuses (no Batch API on a local server, a bad file) costs nothing
but a note: every article then goes through the live path.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Final

import openai

from assistant.errors import EndpointError
from assistant.extract.base import Extractor
from assistant.llm.extractor import LLMExtractor
from assistant.model import Article, ExtractionResult

log = logging.getLogger(__name__)

CHAT_ENDPOINT: Final = "/v1/chat/completions"
_DONE = frozenset({"completed", "failed", "expired", "cancelled"})
FIRST_POLL_S = 5.0
LONGEST_POLL_S = 300.0  # a 24-hour window: no point asking more often than every 5 minutes


class BatchExtractor(Extractor):
    """``model``'s extraction with its first asks sent through the Batch API."""

    def __init__(
        self,
        model: LLMExtractor,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        on_note: Callable[[str], None] | None = None,
        first_poll_s: float = FIRST_POLL_S,
    ) -> None:
        self._model = model
        self._sleep = sleep
        self._first_poll_s = first_poll_s
        self._on_note = on_note or (lambda message: log.warning("%s", message))
        self._results: dict[str, ExtractionResult] = {}  # article id -> its batch result
        self.name = model.name

    @property
    def on_progress(self) -> Callable[[str, int], None] | None:  # the live path's
        return self._model.on_progress

    @on_progress.setter
    def on_progress(self, hook: Callable[[str, int], None] | None) -> None:
        self._model.on_progress = hook

    def fingerprint(self) -> dict[str, object]:
        # The same answers as the live path's: a batch result is cached under its key.
        return self._model.fingerprint()

    async def prepare(self, articles: Sequence[Article]) -> None:
        """Send ``articles`` as one batch and keep its answers; never raises."""
        lines: dict[str, dict[str, Any]] = {}
        for article in articles:
            lines.update(self._model.batch_requests(article))
        if not lines:
            return
        try:
            answers = await self._run(lines)
        except (openai.APIError, EndpointError, ValueError) as exc:
            self._on_note(
                f"the Batch API was not used ({_reason(exc)}); every article goes through "
                "the live path"
            )
            return
        for article in articles:
            result = self._model.from_batch(article, answers)
            if result is not None:
                self._results[article.id] = result
        answered = len(self._results)
        rest = len(articles) - answered
        self._on_note(
            f"Batch API: {answered} of {len(articles)} articles answered in full"
            + (f"; the other {rest} go through the live path" if rest else "")
        )

    async def extract(self, article: Article) -> ExtractionResult:
        result = self._results.pop(article.id, None)  # handed out once: memory stays flat
        return result if result is not None else await self._model.extract(article)

    async def aclose(self) -> None:
        await self._model.aclose()

    async def _run(self, lines: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """custom id -> chat.completion body, for the lines the batch answered."""
        client = self._model.client
        payload = "".join(
            json.dumps(
                {"custom_id": cid, "method": "POST", "url": CHAT_ENDPOINT, "body": body},
                ensure_ascii=False,
            )
            + "\n"
            for cid, body in lines.items()
        )
        upload = await client.files.create(
            file=("factcheck-batch.jsonl", payload.encode("utf-8"), "application/jsonl"),
            purpose="batch",
        )
        batch = await client.batches.create(
            input_file_id=upload.id, endpoint=CHAT_ENDPOINT, completion_window="24h"
        )
        log.info("Batch API: batch %s created with %d requests", batch.id, len(lines))
        wait = self._first_poll_s
        while batch.status not in _DONE:
            await self._sleep(wait)
            wait = min(wait * 2, LONGEST_POLL_S)
            batch = await client.batches.retrieve(batch.id)
            counts = batch.request_counts
            log.info(
                "Batch API: batch %s %s (%s)",
                batch.id,
                batch.status,
                f"{counts.completed}/{counts.total} done" if counts else "no counts yet",
            )
        if batch.status != "completed":
            self._on_note(f"Batch API: batch {batch.id} ended {batch.status}")
        if not batch.output_file_id:
            return {}
        output = await client.files.content(batch.output_file_id)
        return _answers(output.text, set(lines))


def _answers(jsonl: str, asked: set[str]) -> dict[str, dict[str, Any]]:
    """custom id -> chat.completion body of each line answered with status 200. Lines
    that are not JSON, not asked for, or errors are left out (their articles go live)."""
    answers: dict[str, dict[str, Any]] = {}
    for line in jsonl.splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if not isinstance(item, dict) or item.get("custom_id") not in asked:
            continue
        response = item.get("response") or {}
        body = response.get("body") if isinstance(response, dict) else None
        if response.get("status_code") == 200 and isinstance(body, dict):
            answers[item["custom_id"]] = body
    return answers


def _reason(exc: BaseException) -> str:
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code} from the endpoint"
    return str(exc) or type(exc).__name__
