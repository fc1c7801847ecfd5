"""Making untrusted text inert for display: shared by every renderer."""

from __future__ import annotations

import re

# ECMA-48 string sequences (OSC, DCS, SOS, PM, APC) in their 7-bit (ESC x) and 8-bit
# (C1) forms, payload and all: the payload is what a terminal acts on ("0;HACKED" sets
# the window title, "52;c;..." writes the clipboard). A terminated one ends at BEL or
# ST; an unterminated one at the end of the line or the next escape, which is as far
# as it can be told apart from text. The payload excludes newlines, ESC, introducers
# and terminators, so each attempt stops at the next one and the scan stays linear.
_STRING_SEQUENCE = re.compile(
    r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\n\x07\x1b\x90\x98\x9c-\x9f]*(?:\x07|\x1b\\|\x9c)?"
)
# Control sequences: CSI parameters, intermediates, final byte ("\x1b[31m", "\x9b2J").
_CONTROL_SEQUENCE = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?")
# Any other escape: ESC, optional intermediates, a final byte ("\x1bc", "\x1b(B").
_ESCAPE = re.compile(r"\x1b[ -/]*[0-~]?")
# C0 controls except tab and newline, DEL, and C1 controls (0x80-0x9f, which some
# terminals read as CSI/OSC introducers): what is left once the sequences are gone.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates reorder what a terminal shows against what
# is there ("Trojan Source"); LRM/RLM marks are harmless and kept.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """Remove whole terminal escape sequences (CSI, OSC, DCS, APC, PM, SOS, and any
    other ESC sequence) and every other control character; keep tabs and newlines."""
    text = _STRING_SEQUENCE.sub("", text)
    text = _CONTROL_SEQUENCE.sub("", text)
    text = _ESCAPE.sub("", text)
    return _CONTROL.sub("", text)


def one_line(text: str) -> str:
    """Text from outside made safe for one line of a terminal or a report: escape
    sequences, control and bidi characters removed, whitespace (newlines included)
    collapsed to single spaces."""
    return " ".join(_BIDI.sub("", strip_controls(text)).split())


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
