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
