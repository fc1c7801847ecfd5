"""Which fault a request gets, and what each fault looks like on the wire.

The choice is a pure function of (seed, sha256 of the chunk, attempt), so a batch run with
any concurrency injects the same faults into the same chunks. The attempt is the pair
(re-ask index, transport attempt at that re-ask index): a retried request or a re-ask draws
again and can succeed, which is what lets retry and re-ask paths be exercised end to end.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

import httpx2

from assistant.llm.mock.settings import Fault, FaultSpec
from assistant.llm.mock.wire import Reply, error_body

TRANSPORT_FAULTS = frozenset({Fault.rate_limit, Fault.server_error, Fault.timeout})
REFUSAL_TEXT = "I'm sorry, but I can't help with that request."
# Appended to a quote when changing a digit is not possible or not enough to unground it.
_FABRICATION = ", officials confirmed on Friday"
_STRAIGHT_QUOTES = str.maketrans("‘’“”", "''\"\"")


@dataclass(frozen=True)
class Attempt:
    """The n-th transport attempt of the ``reask``-th answer for one chunk (both from 0)."""

    reask: int
    transport: int


def choose_fault(spec: FaultSpec, seed: int, text_sha256: str, attempt: Attempt) -> Fault | None:
    """The fault for this attempt, or None; the same inputs always give the same answer."""
    key = f"{seed}|{text_sha256}|{attempt.reask}|{attempt.transport}"
    draw = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big") / 2**64
    cumulative = 0.0
    for fault in Fault:
        cumulative += spec.rate(fault)
        if draw < cumulative:
            return fault
    return None


def transport_fault(fault: Fault, request: httpx2.Request, attempt: Attempt) -> httpx2.Response:
    """The HTTP response of a transport fault.

    Raises ``httpx2.ReadTimeout`` for ``Fault.timeout`` (the SDK turns it into
    ``APITimeoutError``) and ``ValueError`` for a fault that is not a transport fault.
    """
    if fault is Fault.rate_limit:
        return httpx2.Response(
            429,
            headers={"Retry-After": "1"},
            json=error_body(
                "Rate limit reached for requests (injected by the factcheck mock).",
                type_="requests",
                code="rate_limit_exceeded",
            ),
            request=request,
        )
    if fault is Fault.server_error:
        # Alternate the two statuses real endpoints send, so both show up in a long run.
        status, message = (
            (500, "The server had an error while processing your request.")
            if attempt.transport % 2 == 0
            else (503, "The engine is currently overloaded, please try again later.")
        )
        return httpx2.Response(
            status, json=error_body(message, type_="server_error"), request=request
        )
    if fault is Fault.timeout:
        raise httpx2.ReadTimeout("injected by the factcheck mock: read timed out", request=request)
    raise ValueError(f"{fault} is not a transport fault")


def answer_fault(fault: Fault, answer: dict[str, Any], chunk: str) -> Reply:
    """``answer`` (ClaimExtraction JSON) spoilt the way ``fault`` says.

    Raises ``ValueError`` for a fault that is not an answer fault.
    """
    if fault is Fault.bad_json:
        # Python's repr: single quotes, None, True - the classic not-quite-JSON answer.
        return Reply(text=repr(answer))
    if fault is Fault.schema:
        return Reply(text=json.dumps(_violate_schema(answer), ensure_ascii=False))
    if fault is Fault.ungrounded:
        return Reply(text=json.dumps(_unground(answer, chunk), ensure_ascii=False))
    if fault is Fault.truncate:
        text = json.dumps(answer, ensure_ascii=False)
        return Reply(text=text[: max(1, len(text) // 2)], finish_reason="length")
    if fault is Fault.refusal:
        # What the API sends for a refusal: no content, no tool call, message.refusal set.
        return Reply(text=None, refusal=REFUSAL_TEXT)
    raise ValueError(f"{fault} is not an answer fault")


def _violate_schema(answer: dict[str, Any]) -> dict[str, Any]:
    """Valid JSON the ClaimExtraction schema rejects: a claim without its required quote."""
    claims = answer.get("claims")
    if not isinstance(claims, list) or not claims or not isinstance(claims[0], dict):
        return {"claims": "none found"}
    first = {k: v for k, v in claims[0].items() if k != "quote"}
    return {**answer, "claims": [first, *claims[1:]]}


def _unground(answer: dict[str, Any], chunk: str) -> dict[str, Any]:
    """The answer with its first quote changed so it is no longer anywhere in the chunk."""
    spoilt = copy.deepcopy(answer)
    claims = spoilt.get("claims")
    if not isinstance(claims, list):
        return spoilt
    if not claims or not isinstance(claims[0], dict) or not isinstance(claims[0].get("quote"), str):
        claims.insert(
            0,
            {
                "quote": "1,000 people were evacuated",
                "statement": "1,000 people were evacuated.",
                "kind": "quantity",
            },
        )
    claims[0]["quote"] = _alter_quote(claims[0]["quote"], chunk)
    return spoilt


def _alter_quote(quote: str, chunk: str) -> str:
    """A plausible misquote: one digit off, else words added; checked against the chunk."""
    haystack = _loose(chunk)
    bumped = re.sub(r"\d", lambda m: str((int(m[0]) + 1) % 10), quote, count=1)
    for candidate in (bumped, quote.rstrip(" .") + _FABRICATION):
        if candidate != quote and _loose(candidate) not in haystack:
            return candidate
    # Only an article that already contains our fabrication gets here.
    return quote + _FABRICATION + " " + hashlib.sha256(chunk.encode()).hexdigest()[:8]


def _loose(text: str) -> str:
    """Lower case, straight quotes, single spaces: looser than any grounding we expect."""
    text = text.translate(_STRAIGHT_QUOTES)
    return " ".join(text.lower().split())
