"""Reading one completion into claims, and checking each claim on its own.

The answer is read leniently: instructor's parser for the request's mode first, then any
JSON object the message carries - the arguments of any tool call, or JSON in the content,
fenced (```json) or bare. Servers such as llama.cpp's answer a tools-mode request with
the JSON in the content when they do not force the tool call. An answer split over
several tool calls is read whole: the claims of every call (instructor's parser would
keep the first call's only).

Each claim is then checked by itself (schema, and its quote against the chunk), so one
bad claim costs a re-ask about that claim, not the whole answer.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import instructor
import pydantic
import pydantic_core
from instructor.core import InstructorError
from openai.types.chat import ChatCompletion
from pydantic import ConfigDict, Field, field_validator

from assistant.ground import fold
from assistant.llm.quotes import locate_quote
from assistant.llm.schema import LLMClaim

_FENCE = re.compile(r"```(?:json|JSON)?[ \t]*\n(.*?)\n?[ \t]*```", re.DOTALL)


class Unreadable(Exception):
    """The completion holds no answer of the expected structure; the message says why."""


class _RawAnswer(instructor.ResponseSchema):
    """The top level only: each claim is checked on its own afterwards."""

    model_config = ConfigDict(extra="ignore", title="ClaimExtraction")

    claims: list[Any] = Field(default_factory=list)

    @field_validator("claims", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return [] if value is None else value


def read_claims(completion: ChatCompletion, mode: instructor.Mode) -> list[Any]:
    """The claims of ``completion`` as the model wrote them (each still unchecked).

    Raises ``Unreadable`` when no JSON object with a ``claims`` list (or a bare list) is
    found anywhere in the message.
    """
    calls = tool_calls(completion)
    if len(calls) > 1:
        per_call = [_claims_in(call) for call in calls]
        if any(claims is not None for claims in per_call):
            return [claim for claims in per_call for claim in claims or []]
    first: Exception
    try:
        return _RawAnswer.from_response(completion, mode=mode, strict=False).claims
    except (InstructorError, AssertionError, ValueError, TypeError, AttributeError) as e:
        first = e  # ValueError covers pydantic's ValidationError and JSONDecodeError
    if not completion.choices:
        raise Unreadable("the response has no choices")
    message = completion.choices[0].message
    for text in _texts(message):
        found = _claims_in(text)
        if found is not None:
            return found
    if mode is instructor.Mode.TOOLS and not message.tool_calls:
        raise Unreadable(
            "the model called no tool, and its text held no JSON answer"
            if (message.content or "").strip()
            else "the model called no tool and wrote nothing"
        )
    raise Unreadable(_problem(first))


def completed_claims(completion: ChatCompletion) -> list[Any]:
    """The claims an answer cut off at its token limit had finished writing.

    The answer is read as far as it goes (``pydantic_core.from_json`` with
    ``allow_partial``), and the last claim of its list is dropped: it was being written
    when the limit struck, so what it holds may be only the start of it. An answer with
    no readable claims list gives none.
    """
    if not completion.choices:
        return []
    for text in _texts(completion.choices[0].message):
        start = min((at for at in (text.find("{"), text.find("[")) if at >= 0), default=-1)
        if start < 0:
            continue
        try:
            value = pydantic_core.from_json(text[start:], allow_partial=True)
        except ValueError:
            continue
        claims = value.get("claims") if isinstance(value, dict) else value
        if isinstance(claims, list) and claims:
            return claims[:-1]
    return []


def _texts(message: Any) -> list[str]:
    """Where a message may hold its answer: each tool call's arguments, then its text."""
    texts = [
        str(getattr(getattr(call, "function", None), "arguments", "") or "")
        for call in message.tool_calls or []
    ]
    texts.append(message.content or "")
    return texts


def tool_calls(completion: ChatCompletion) -> list[str]:
    """The arguments of each tool call of the answer, in order."""
    if not completion.choices:
        return []
    return [
        str(getattr(getattr(call, "function", None), "arguments", "") or "")
        for call in completion.choices[0].message.tool_calls or []
    ]


@dataclass
class Failure:
    """A claim that failed its check: the claim (when it is one at all), as written, and why."""

    written: Any
    problem: str
    claim: LLMClaim | None = None


@dataclass
class Checked:
    """The claims of one answer: those that passed, and those that did not."""

    valid: list[LLMClaim] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    @property
    def score(self) -> tuple[int, int]:
        """Better answers have more claims that passed, then fewer that failed."""
        return (len(self.valid), -len(self.failures))


def check_claims(written: list[Any], chunk_text: str) -> Checked:
    """Each claim validated against the schema and its quote looked up in ``chunk_text``."""
    checked = Checked()
    for item in written:
        try:
            claim = LLMClaim.model_validate(item)
        except pydantic.ValidationError as err:
            checked.failures.append(Failure(item, f"not a valid claim: {_problem(err)}"))
            continue
        if locate_quote(claim.quote, chunk_text) is None:
            checked.failures.append(
                Failure(
                    item,
                    "the quote is not in the article text; copy it character for character",
                    claim,
                )
            )
            continue
        checked.valid.append(claim)
    return checked


def claim_key(claim: LLMClaim) -> tuple[object, ...]:
    """Two claims with this key equal say the same: same quote, same figures."""
    figures = tuple((q.value, q.text) for q in claim.quantities)
    return (fold(claim.quote.strip()).casefold(), figures)


def _claims_in(text: str | None) -> list[Any] | None:
    if not text or not text.strip():
        return None
    candidates = [m[1] for m in _FENCE.finditer(text)] + [text]
    start, end = text.find("{"), text.rfind("}")
    if 0 <= start < end:
        candidates.append(text[start : end + 1])
    for candidate in candidates:
        try:
            value = json.loads(candidate)
        except (json.JSONDecodeError, ValueError):
            continue
        if isinstance(value, dict) and isinstance(value.get("claims"), list):
            return list(value["claims"])
        if isinstance(value, list):
            return value
    return None


def _problem(error: BaseException) -> str:
    """The first thing wrong, in a few words: never the answer itself."""
    if isinstance(error, pydantic.ValidationError):
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "answer"
        return f"{where}: {first['msg']}"
    if isinstance(error, json.JSONDecodeError):
        return "not valid JSON"
    text = " ".join(str(error).split())
    return text[:200] if text else type(error).__name__
