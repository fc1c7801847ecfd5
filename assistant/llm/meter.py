"""Notice a refusal, so that it is reported and never re-asked."""

from __future__ import annotations

from typing import Any

# How models start a refusal written as ordinary content instead of the refusal field.
_REFUSAL_OPENINGS = (
    "i'm sorry",
    "i am sorry",
    "sorry, ",
    "i can't",
    "i cannot",
    "i won't",
    "i will not",
    "i'm unable",
    "i am unable",
    "i'm not able",
    "i am not able",
)


def refusal_of(response: Any) -> str | None:
    """The model's refusal text, from the refusal field or a refusal in place of an answer."""
    choices = getattr(response, "choices", None) or []
    if not choices:
        return None
    message = choices[0].message
    if getattr(message, "refusal", None):
        return str(message.refusal)
    content = (getattr(message, "content", None) or "").strip()
    if getattr(message, "tool_calls", None) or not content or "{" in content:
        return None
    opening = content.lower().replace("’", "'")
    return content if opening.startswith(_REFUSAL_OPENINGS) else None
