"""App-level messages: what background work and screens tell the app.

Workers never touch widgets; they post these and the app decides what to redraw.
"""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from assistant.model import ExtractionStatus
from assistant.store import ClaimDecision, PackageTotals
from assistant.tui.package import Package


class RunIngested(Message):
    """Inputs were read and saved; ``total`` articles are about to be extracted."""

    def __init__(self, total: int, skipped: int) -> None:
        super().__init__()
        self.total = total
        self.skipped = skipped  # unchanged articles whose saved extraction is kept


class ArticleExtracted(Message):
    """One article's extraction was saved (or failed: ``error`` says why)."""

    def __init__(
        self,
        article_id: str,
        status: ExtractionStatus,
        error: str | None,
        claims: int,
        done: int,
        total: int,
    ) -> None:
        super().__init__()
        self.article_id = article_id
        self.status = status
        self.error = error
        self.claims = claims
        self.done = done
        self.total = total


class RunFinished(Message):
    """The comparison was saved; the workspace now holds the whole analysis.

    ``stopped`` is set when the model endpoint refused the run (a bad key, no quota, an
    unknown model): why, redacted and on one line; ``not_extracted`` of ``total`` articles
    failed because of it (the analysis covers the others).
    """

    def __init__(
        self,
        cancelled: bool,
        *,
        stopped: str | None = None,
        not_extracted: int = 0,
        total: int = 0,
    ) -> None:
        super().__init__()
        self.cancelled = cancelled
        self.stopped = stopped
        self.not_extracted = not_extracted
        self.total = total


class ReportExported(Message):
    def __init__(self, path: Path, fmt: str, *, downloaded: bool = False) -> None:
        super().__init__()
        self.path = path
        self.fmt = fmt
        self.downloaded = downloaded  # sent to the browser (``serve``), not written here


class DecisionSaved(Message):
    """A screen wrote one of the editor's decisions; ``what`` says which, for the confirmation."""

    def __init__(self, claim_id: str, what: str) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.what = what


class OpenClaim(Message):
    """A screen asks the app to show one claim's detail."""

    def __init__(self, claim_id: str) -> None:
        super().__init__()
        self.claim_id = claim_id


class OpenArticle(Message):
    """A screen asks the app to show an article, at ``claim_id`` when given."""

    def __init__(self, article_id: str, claim_id: str | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self.claim_id = claim_id


class OpenConflict(Message):
    """A screen asks the app to show the reports of a claim's CONFLICT side by side."""

    def __init__(self, claim_id: str) -> None:
        super().__init__()
        self.claim_id = claim_id


class PackageCounted(Message):
    """The overview's counts of a package still loading (``Workspace.totals``)."""

    def __init__(self, totals: PackageTotals, orphans: list[ClaimDecision]) -> None:
        super().__init__()
        self.totals = totals
        self.orphans = orphans


class PackageLoaded(Message):
    """The package was read in the background, every claim included."""

    def __init__(self, package: Package) -> None:
        super().__init__()
        self.package = package
