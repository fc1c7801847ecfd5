"""Count what one instructor call costs, request by request, through instructor's hooks.

instructor reports every request it sends (first ask and re-asks) and every response it
gets; the hooks here turn those into request and token counts for ``Usage``, and notice a
refusal so that it is not re-asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from instructor.core import Hooks

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


@dataclass
class CallMeter:
    """Requests, tokens and any refusal seen during one instructor call."""

    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    refusal: str | None = None

    @property
    def reasks(self) -> int:
        """Requests after the first one are instructor's re-asks."""
        return max(0, self.requests - 1)

    def hooks(self) -> Hooks:
        """Hooks to pass to ``create_with_completion(hooks=...)`` for this call only."""
        hooks = Hooks()
        hooks.on("completion:kwargs", self._on_request)
        hooks.on("completion:response", self._on_response)
        return hooks

    def _on_request(self, *_args: Any, **_kwargs: Any) -> None:
        self.requests += 1

    def _on_response(self, response: Any) -> None:
        # instructor emits this before it folds the usage into its running total, so
        # these are this response's own counts.
        usage = getattr(response, "usage", None)
        if usage is not None:
            self.prompt_tokens += usage.prompt_tokens or 0
            self.completion_tokens += usage.completion_tokens or 0
        self.refusal = refusal_of(response) or self.refusal


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
