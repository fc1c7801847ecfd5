"""The response model instructor validates each answer with: quotes must be in the chunk.

instructor re-asks when validation fails, sending the error message back to the model, so
the message says exactly which quotes were not found. The chunk is bound in a closure
rather than passed through instructor's ``context=``, because ``context=`` makes
instructor render every message as a jinja template, article included.

Hedge cues are not checked here: a cue the model misquotes is dropped (with a warning) in
``convert``, and the lexicon adds the ones it finds, so a bad cue never costs a re-ask.
"""

from __future__ import annotations

from typing import Self

from pydantic import model_validator

from assistant.ground import locate
from assistant.llm import schema


def grounded_extraction(chunk_text: str) -> type[schema.ClaimExtraction]:
    """A ``ClaimExtraction`` subclass whose validation fails on quotes not in ``chunk_text``.

    The subclass keeps the name ``ClaimExtraction``: it is the tool / schema name the
    endpoint sees. Validating an instance raises ``pydantic.ValidationError`` listing the
    missing quotes.
    """

    class ClaimExtraction(schema.ClaimExtraction):
        __doc__ = schema.ClaimExtraction.__doc__

        @model_validator(mode="after")
        def _quotes_are_in_the_article(self) -> Self:
            missing = [c.quote for c in self.claims if locate(c.quote, chunk_text) is None]
            if missing:
                listed = "\n".join(f"- {quote!r}" for quote in missing)
                raise ValueError(
                    f"{len(missing)} quote(s) are not in the article text. Copy every quote "
                    "character for character from between the ARTICLE delimiter lines, or "
                    f"leave that claim out:\n{listed}"
                )
            return self

    return ClaimExtraction
