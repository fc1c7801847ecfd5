"""Markdown: optional ``---`` front matter, then the text, markup and all.

Front matter is read as a tiny YAML subset -- top-level ``key: value`` lines, quoted or
bare, ``#`` comments -- which is all article metadata needs; nested values and lists
are skipped. A block that does not read as ``key: value`` lines is not front matter
but a horizontal rule, and stays in the text.
"""

from __future__ import annotations

import re

from assistant.ingest.document import Block, Document
from assistant.ingest.metadata import Metadata

# Front-matter keys as different static-site generators and CMS exports spell them.
FRONT_MATTER_KEYS: dict[str, str] = {
    "id": "id",
    "title": "title",
    "headline": "title",
    "outlet": "outlet",
    "site": "outlet",
    "publication": "outlet",
    "publisher": "outlet",
    "published": "published",
    "date": "published",
    "pubdate": "published",
    "published_at": "published",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "canonical_url": "url",
    "language": "language",
    "lang": "language",
    "story": "story",
}

_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(?:(.*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL
)
_FIELD = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?")
_BLOCK_SCALAR = frozenset({"|", ">", "|-", ">-", "|+", ">+"})


def parse_markdown(text: str) -> Document:
    """Split off the front matter, if any; the rest is the article text."""
    match = _FRONT_MATTER.match(text)
    fields = _parse_front_matter(match.group(1) or "") if match else None
    if match is None or fields is None:
        return Document(blocks=(Block(text),))
    values: dict[str, str] = {}
    for key, value in fields.items():
        if key in FRONT_MATTER_KEYS:
            values.setdefault(FRONT_MATTER_KEYS[key], value)
    return Document(blocks=(Block(text[match.end() :]),), meta=Metadata(**values))


def _parse_front_matter(block: str) -> dict[str, str] | None:
    """The top-level scalar fields, or None when ``block`` is not ``key: value`` lines."""
    fields: dict[str, str] = {}
    for line in block.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if line[0] in " \t" or stripped.startswith("- "):
            continue  # a nested value or a list item: no article field lives there
        match = _FIELD.fullmatch(line.rstrip())
        if match is None:
            return None
        value = _scalar(match.group(2) or "")
        key = match.group(1).lower()
        if value and key not in fields:
            fields[key] = value
    return fields


def _scalar(raw: str) -> str:
    raw = raw.strip()
    if raw in _BLOCK_SCALAR:
        return ""  # a multi-line value follows, indented: skipped like other nesting
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        return raw[1:-1]
    return raw.split(" #", 1)[0].strip()
