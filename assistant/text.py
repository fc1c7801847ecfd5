"""Making untrusted text inert for display: shared by every renderer."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls (0x80-0x9f, which some
# terminals read as CSI/OSC introducers). Escape sequences lose their ESC and die.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """Remove control characters that could drive a terminal; keep tabs and newlines."""
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    """Collapse whitespace (newlines included) to single spaces."""
    return " ".join(strip_controls(text).split())


def format_number(value: float) -> str:
    """A figure as an editor writes it: thousands separators, no exponent, no float noise.

    1234567 -> "1,234,567"; 45000000.0 -> "45,000,000"; 5.82 -> "5.82"; 0.333333 -> "0.333333".
    """
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def shorten(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters + '…'."""
    line = one_line(text)
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0] if " " in line[:limit] else line[:limit]
    return cut + "…"
