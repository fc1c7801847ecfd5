"""Make decoded text safe to show and stable to quote from.

Article text ends up in a terminal (the TUI) and in prompts, and every claim's quote is
matched back against it. So: terminal escape sequences and other control characters go
(an OSC 52 sequence would write the editor's clipboard), newlines are ``\\n`` only,
characters are NFC-composed, and invisible characters that change what a quote matches
or hide text from the editor are dropped. Scripts and emoji are never touched:
right-to-left text, ZWJ emoji sequences and tag-sequence flags survive.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.text import strip_controls

# Invisible characters that split words for matching ("evac\u00aduated" is not
# "evacuated") or reorder what the editor sees against what is stored (bidi overrides
# and isolates, the "Trojan Source" trick). Lone surrogates (from JSON "\ud800")
# cannot be encoded at all. Kept on purpose: ZWNJ/ZWJ (Persian, Indic scripts, emoji
# sequences) and the LRM/RLM/ALM marks that right-to-left text legitimately uses.
_INVISIBLE = re.compile(
    "[\u00ad\u180e\u200b\u2060-\u2064\ufeff\ufff9-\ufffb\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
# Unicode tag characters spell out hidden ASCII (a known way to smuggle instructions
# to a model). Their one legitimate use, subdivision flags like England's, is kept.
_TAGS = re.compile("(\U0001f3f4[\U000e0020-\U000e007e]{1,12}\U000e007f)|[\U000e0000-\U000e007f]")

_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")
_WHITESPACE = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """Return ``text`` with control characters, escape sequences and invisible junk
    removed, newlines normalised, NFC applied, and at most one blank line in a row."""
    text = _NEWLINES.sub("\n", text)
    text = strip_controls(text)
    text = _INVISIBLE.sub("", text)
    text = _TAGS.sub(lambda m: m.group(1) or "", text)
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE.sub("", text)
    return _BLANK_RUNS.sub("\n\n", text).strip()


def clean_inline(value: str) -> str:
    """``clean_text`` for a one-line value (a title, an outlet): whitespace collapsed."""
    return _WHITESPACE.sub(" ", clean_text(value)).strip()
