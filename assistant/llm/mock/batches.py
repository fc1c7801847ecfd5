"""The mock's files and batches endpoints: the OpenAI Batch API, offline.

``POST /files`` (multipart, ``purpose=batch``) keeps the uploaded JSONL; ``POST /batches``
answers every line through the mock's own chat answering (fixtures, synthesized answers
and faults alike, so a batch line gets what a live request would) and keeps the output
and error files; ``GET /batches/{id}`` reports it ``in_progress`` for
``MockSettings.batch_polls`` polls, then ``completed`` (or ``expired`` with only the first
half of its lines answered, when ``batch_expires`` is set); ``GET /files/{id}/content``
returns a file. Each line is logged as a chat request carrying the header
``x-factcheck-batch-line`` (its custom id), so tests can tell batch lines from live asks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any

import httpx2

from assistant.llm.mock.settings import MockSettings
from assistant.llm.mock.wire import CHAT_PATH_SUFFIX, PROMPT_VERSION_HEADER

BATCH_LINE_HEADER = "x-factcheck-batch-line"
_BATCH = re.compile(r"/batches/(?P<id>[\w-]+)$")
_CONTENT = re.compile(r"/files/(?P<id>[\w-]+)/content$")

Answer = Callable[[httpx2.Request], Awaitable[httpx2.Response]]


@dataclass
class _Batch:
    id: str
    lines: int
    output_file_id: str | None
    error_file_id: str | None
    answered: int
    failed: int
    status: str = "validating"
    polls: int = 0

    def body(self, input_file_id: str) -> dict[str, Any]:
        done = self.status in ("completed", "expired")
        return {
            "id": self.id,
            "object": "batch",
            "endpoint": "/v1/chat/completions",
            "input_file_id": input_file_id,
            "completion_window": "24h",
            "status": self.status,
            "created_at": 0,
            "output_file_id": self.output_file_id if done else None,
            "error_file_id": self.error_file_id if done else None,
            "request_counts": {
                "total": self.lines,
                "completed": self.answered if done else 0,
                "failed": self.failed if done else 0,
            },
        }


@dataclass
class BatchStore:
    """The files and batches the mock holds for one run."""

    settings: MockSettings
    files: dict[str, bytes] = field(default_factory=dict)
    batches: dict[str, tuple[_Batch, str]] = field(default_factory=dict)  # id -> (batch, input)

    def serves(self, request: httpx2.Request) -> bool:
        path = request.url.path
        return (request.method == "POST" and path.endswith(("/files", "/batches"))) or (
            request.method == "GET" and bool(_BATCH.search(path) or _CONTENT.search(path))
        )

    async def handle(self, request: httpx2.Request, answer: Answer) -> httpx2.Response:
        """Answer a files or batches request; ``answer`` answers one chat request."""
        path = request.url.path
        if request.method == "POST" and path.endswith("/files"):
            return self._upload(request)
        if request.method == "POST" and path.endswith("/batches"):
            return await self._create(request, answer)
        if found := _BATCH.search(path):
            return self._retrieve(request, found["id"])
        found = _CONTENT.search(path)
        assert found is not None  # serves() said so
        content = self.files.get(found["id"])
        if content is None:
            return _error(request, 404, f"no such file: {found['id']}")
        return httpx2.Response(200, content=content, request=request)

    def _upload(self, request: httpx2.Request) -> httpx2.Response:
        fields = _multipart(request)
        if fields.get("purpose") != b"batch" or "file" not in fields:
            return _error(request, 400, "a batch input needs purpose=batch and a file")
        file_id = f"file-mock{len(self.files) + 1}"
        self.files[file_id] = fields["file"]
        return httpx2.Response(
            200,
            json={
                "id": file_id,
                "object": "file",
                "bytes": len(fields["file"]),
                "created_at": 0,
                "filename": "batch.jsonl",
                "purpose": "batch",
                "status": "processed",
            },
            request=request,
        )

    async def _create(self, request: httpx2.Request, answer: Answer) -> httpx2.Response:
        asked = json.loads(request.content)
        source = self.files.get(asked.get("input_file_id", ""))
        if source is None:
            return _error(request, 400, "input_file_id names no uploaded file")
        if asked.get("endpoint") != "/v1/chat/completions":
            return _error(request, 400, "the mock batches only /v1/chat/completions")
        lines = [json.loads(line) for line in source.decode("utf-8").splitlines() if line]
        # An expired batch: the window closed half-way through.
        lines_done = lines[: len(lines) // 2] if self.settings.batch_expires else lines
        output: list[dict[str, Any]] = []
        errors: list[dict[str, Any]] = []
        for line in lines_done:
            item = await _answer_line(request, line, answer)
            (output if item["response"]["status_code"] == 200 else errors).append(item)
        batch_id = f"batch_mock{len(self.batches) + 1}"
        out_id = self._keep(output, f"{batch_id}-output")
        err_id = self._keep(errors, f"{batch_id}-errors")
        batch = _Batch(batch_id, len(lines), out_id, err_id, len(output), len(errors))
        self.batches[batch_id] = (batch, asked["input_file_id"])
        return httpx2.Response(200, json=batch.body(asked["input_file_id"]), request=request)

    def _retrieve(self, request: httpx2.Request, batch_id: str) -> httpx2.Response:
        found = self.batches.get(batch_id)
        if found is None:
            return _error(request, 404, f"no such batch: {batch_id}")
        batch, input_id = found
        batch.polls += 1
        if batch.polls > self.settings.batch_polls:
            batch.status = "expired" if self.settings.batch_expires else "completed"
        else:
            batch.status = "in_progress"
        return httpx2.Response(200, json=batch.body(input_id), request=request)

    def _keep(self, items: list[dict[str, Any]], file_id: str) -> str | None:
        if not items:
            return None
        self.files[file_id] = "".join(json.dumps(i) + "\n" for i in items).encode("utf-8")
        return file_id


async def _answer_line(
    create: httpx2.Request, line: dict[str, Any], answer: Answer
) -> dict[str, Any]:
    """One batch line answered as a live chat request with its body would be."""
    custom_id = str(line.get("custom_id", ""))
    # The prompt version is the custom id's last part (``extractor.batch_id``): a batch
    # line carries no header of its own.
    version = custom_id.split(".", 2)[2] if custom_id.count(".") >= 2 else ""
    headers = {
        "authorization": create.headers.get("authorization", ""),
        PROMPT_VERSION_HEADER: version,
        BATCH_LINE_HEADER: custom_id,
        "content-type": "application/json",
    }
    url = create.url.copy_with(path=create.url.path.rsplit("/batches", 1)[0] + CHAT_PATH_SUFFIX)
    chat = httpx2.Request("POST", url, headers=headers, json=line.get("body") or {})
    try:
        response = await answer(chat)
        await response.aread()
        body = response.json()
    except httpx2.TimeoutException:
        return {"custom_id": custom_id, "response": {"status_code": 504, "body": {}}}
    return {
        "id": f"batch_req_{custom_id}",
        "custom_id": custom_id,
        "response": {"status_code": response.status_code, "body": body},
        "error": None,
    }


def _multipart(request: httpx2.Request) -> dict[str, bytes]:
    """The fields of a multipart/form-data body, by name."""
    head = f"Content-Type: {request.headers.get('content-type', '')}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + request.content)
    fields: dict[str, bytes] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            fields[name] = payload
    return fields


def _error(request: httpx2.Request, status: int, message: str) -> httpx2.Response:
    body = {"error": {"message": message, "type": "invalid_request_error", "code": None}}
    return httpx2.Response(status, json=body, request=request)
