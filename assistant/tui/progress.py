"""Where the background pipeline run is, as the overview shows it (no Textual here)."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.model import ExtractionStatus
from assistant.tui.messages import ArticleExtracted


@dataclass
class ArticleProgress:
    status: ExtractionStatus
    error: str | None
    claims: int


@dataclass
class RunProgress:
    running: bool = False
    cancelled: bool = False
    done: int = 0
    total: int = 0
    articles: dict[str, ArticleProgress] = field(default_factory=dict)
    writing: dict[str, int] = field(default_factory=dict)  # answers streaming in: pieces so far

    def record(self, message: ArticleExtracted) -> None:
        self.writing.pop(message.article_id, None)
        self.done = message.done
        self.total = message.total
        self.articles[message.article_id] = ArticleProgress(
            message.status, message.error, message.claims
        )
