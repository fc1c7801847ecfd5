"""The one interface every extractor implements: offline, llm, mock."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence

from assistant.model import Article, ExtractionResult


class Extractor(ABC):
    """Turns one article into an ``ExtractionResult``.

    ``extract`` never raises for a problem with one article: a transport failure, a
    refusal or a truncated answer comes back as ``status=failed`` (or ``partial``) with
    ``error`` set, so a batch always goes on. It raises only for programming errors and
    for ``ConfigError`` before the first request.
    """

    name: str = "extractor"
    # Called with (article id, pieces of the answer received so far) while a streamed
    # answer arrives, so a slow server's progress can be shown; set by whoever shows it.
    on_progress: Callable[[str, int], None] | None = None

    @abstractmethod
    async def extract(self, article: Article) -> ExtractionResult:
        """Extract the claims of ``article``; claims carry grounded spans where found."""

    def fingerprint(self) -> dict[str, object]:
        """Everything besides the article and factcheck's own code that decides this
        extractor's answers: the results cache keys on it (``assistant/store/cache.py``).

        The default, the name alone, fits an extractor with no settings (offline). One
        with settings must add every one that changes an answer, and never a secret.
        """
        return {"extractor": self.name}

    async def prepare(self, articles: Sequence[Article]) -> None:  # noqa: B027 - optional hook
        """Called once, before the first ``extract``, with the articles the run will
        extract (those the results cache holds are not among them). An extractor that
        answers in bulk (the Batch API) does its work here; ``extract`` then hands out
        its answers. Like ``extract``, it never raises for a problem with one article."""

    async def aclose(self) -> None:  # noqa: B027 - optional hook
        """Release network clients; a no-op for extractors that hold none."""
