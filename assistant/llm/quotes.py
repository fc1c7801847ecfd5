"""Finding a model's quote in the text when it swapped single and double quotation marks.

``assistant.ground.locate`` folds curly quotes to straight ones, but keeps single and
double apart. Small models often write 'a disaster' for “a disaster” (or the other way
round), and a quote that is otherwise verbatim should not cost a re-ask. Only quotation
marks are swapped, never an apostrophe inside a word ("it's" stays as it is); the span
returned points into the text as written, and the match is reported as ``normalized``.
"""

from __future__ import annotations

import re

from assistant.ground import locate
from assistant.model import Grounding, Span

# A single quote that is a quotation mark: not between two letters or digits (it's, 90's).
_SINGLE_MARK = re.compile(r"(?<![^\W_])['‘’]|['‘’](?![^\W_])")
_DOUBLE_MARK = re.compile(r"[\"“”„]")


def locate_quote(quote: str, text: str, start_hint: int = 0) -> tuple[Span, Grounding] | None:
    """``locate``, then with the quote's quotation marks read as the other kind."""
    found = locate(quote, text, start_hint)
    if found is not None:
        return found
    for variant in (_SINGLE_MARK.sub('"', quote), _DOUBLE_MARK.sub("'", quote)):
        if variant != quote:
            found = locate(variant, text, start_hint)
            if found is not None:
                return found[0], Grounding.normalized
    return None
