"""Article-derived text on screen: always inert content, never markup or terminal codes.

Textual parses plain strings given to Static, Label, notify, DataTable cells and
OptionList as markup, so ``[@click=app.quit]x[/]`` in an article would be a live
button and ``[/]`` would crash the app. Everything that came from an article, a claim,
a note or an error goes through ``plain`` (or ``clean`` where a ``str`` is required);
ingest already strips control characters, and we strip them again here because the
terminal is the one place where a missed escape sequence does real harm.
"""

from __future__ import annotations

from rich.style import StyleType
from rich.text import Text

from assistant.text import one_line, strip_controls


def clean(text: str) -> str:
    """``text`` without control characters (tabs and newlines kept)."""
    return strip_controls(text)


def plain(text: str | None, style: StyleType = "") -> Text:
    """``text`` as literal, styled content: no markup parsing, no control codes."""
    return Text(strip_controls(text or ""), style=style, end="")


def one_line_label(text: str | None, limit: int) -> str:
    """``text`` on one line without control characters, shortened to ``limit`` characters."""
    line = one_line(text or "")
    return line if len(line) <= limit else line[: limit - 1] + "…"


def cell(text: str | None, limit: int = 160, style: StyleType = "") -> Text:
    """One-line literal content for a table cell, shortened to ``limit`` characters."""
    return Text(one_line_label(text, limit), style=style, end="", no_wrap=True, overflow="ellipsis")


def join(parts: list[Text], separator: str = " ") -> Text:
    return Text(separator, end="").join(parts)
