"""Format registry: one module per output format, each pure over ``Report``.

``FORMATS`` is what ``--format`` offers; ``format_for_path`` picks one from an output
file's name when ``--format`` is not given.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.report.claimreview import RatingScale, render_claimreview
from assistant.report.csv_report import render_csv
from assistant.report.html import render_html
from assistant.report.json_report import render_json
from assistant.report.markdown import render_markdown
from assistant.report.model import Report

RENDERERS: dict[str, Callable[[Report], str]] = {
    "md": render_markdown,
    "html": render_html,
    "json": render_json,
    "csv": render_csv,
    "claimreview": render_claimreview,
}

FORMATS = tuple(RENDERERS)

# Longest suffix first: report.claimreview.json is ClaimReview, not plain JSON.
SUFFIXES: tuple[tuple[str, str], ...] = (
    (".claimreview.json", "claimreview"),
    (".jsonld", "claimreview"),
    (".md", "md"),
    (".markdown", "md"),
    (".html", "html"),
    (".htm", "html"),
    (".json", "json"),
    (".csv", "csv"),
)


def format_for_path(name: str) -> str | None:
    """The format an output file's name asks for, or None when it names none."""
    found = _suffix_of(name)
    return found[1] if found else None


def with_format(name: str, fmt: str) -> str:
    """``name`` with the suffix of ``fmt`` in place of the format suffix it ends in (or
    added): "desk-report.md" as claimreview is "desk-report.claimreview.json"."""
    found = _suffix_of(name)
    stem = name[: len(name) - len(found[0])] if found else name
    return stem + next(suffix for suffix, f in SUFFIXES if f == fmt)


def _suffix_of(name: str) -> tuple[str, str] | None:
    lowered = name.lower()
    return next(((s, f) for s, f in SUFFIXES if lowered.endswith(s)), None)


def render(report: Report, fmt: str, *, rating_scale: RatingScale | None = None) -> str:
    """Render ``report`` in ``fmt``. Raises ``ValueError`` naming the formats we have."""
    if fmt == "claimreview":
        return render_claimreview(report, rating_scale)
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    return renderer(report)
