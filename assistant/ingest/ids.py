"""Article ids: short, readable, safe in claim ids ("<article id>#<n>") and unique."""

from __future__ import annotations

import re
import unicodedata

MAX_ID_LENGTH = 80
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(value: str) -> str:
    """Lowercase ``[a-z0-9-]`` form of ``value``; accents folded, other scripts dropped.

    Returns "" when nothing is left (a name in Arabic script, say): callers fall back.
    """
    ascii_form = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_form.lower()).strip("-")[:MAX_ID_LENGTH].rstrip("-")


class IdAllocator:
    """Hands out ids unique within one batch: "story", "story-2", "story-3"."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def free(self, *candidates: str | None) -> str:
        """The first candidate that slugs to something, made unique; not yet reserved."""
        base = next((s for s in (slugify(c) for c in candidates if c) if s), "article")
        article_id, n = base, 1
        while article_id in self._taken:
            n += 1
            article_id = f"{base}-{n}"
        return article_id

    def reserve(self, article_id: str) -> None:
        self._taken.add(article_id)
