"""Format registry: one function per output format, all pure over ``Report``."""

from __future__ import annotations

from collections.abc import Callable

from assistant.report.markdown import render_markdown
from assistant.report.model import Report


def render_json(report: Report) -> str:
    """The report as JSON; its schema is ``schemas/report.schema.json``."""
    return report.model_dump_json(indent=2) + "\n"


RENDERERS: dict[str, Callable[[Report], str]] = {
    "md": render_markdown,
    "json": render_json,
}

FORMATS = tuple(RENDERERS)


def render(report: Report, fmt: str) -> str:
    """Render ``report`` in ``fmt``. Raises ``ValueError`` naming the formats we have."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    return renderer(report)
