"""JSONL: one article per line, ``{"id", "outlet", "title", "url", "published", "text"}``
and optionally ``"story"`` (the story package it belongs to).

Each line stands alone: a line that is not a JSON object with a ``text`` string is
reported on its own and the other lines go on. The lines come from a stream
(``assistant.ingest.stream``), so a file of any number of articles is never held whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace

from assistant.errors import IngestError
from assistant.ingest.decode import Decoded
from assistant.ingest.document import Block, Document
from assistant.ingest.metadata import Metadata

# Metadata fields read from each object; anything else on the line is ignored.
JSONL_FIELDS: tuple[str, ...] = (
    "id",
    "title",
    "outlet",
    "url",
    "published",
    "language",
    "story",
)


def parse_jsonl(
    lines: Iterable[tuple[int, Decoded | IngestError]],
) -> Iterator[tuple[int, Document | str]]:
    """(line number, document or the reason the line was refused) per non-blank line.

    ``lines`` are numbered decoded lines, or the error that stopped a line being read
    (it was too long): that line is refused with the error's reason. A line's decoding
    note becomes a note of its document.
    """
    for number, line in lines:
        if isinstance(line, IngestError):
            yield number, str(line)
        elif stripped := line.text.strip():
            parsed = _parse_line(stripped)
            if isinstance(parsed, Document) and line.note is not None:
                parsed = replace(parsed, notes=(line.note, *parsed.notes))
            yield number, parsed


def _parse_line(line: str) -> Document | str:
    try:
        value = json.loads(line, strict=False)  # strict=False: raw tabs in strings are fine
    except json.JSONDecodeError as err:
        return f"not valid JSON: {err.msg} (column {err.colno})"
    except RecursionError:
        return "not valid JSON: nested too deeply"
    except ValueError as err:  # e.g. an integer longer than Python converts
        return f"not valid JSON: {err}"
    if not isinstance(value, dict):
        return f"not a JSON object but {_json_type(value)}"
    text = value.get("text")
    if text is None:
        return 'no "text" field'
    if not isinstance(text, str):
        return f'"text" is {_json_type(text)}, not a string'
    if not text.strip():
        return '"text" is empty'
    fields = {name: _scalar(value.get(name)) for name in JSONL_FIELDS}
    return Document(blocks=(Block(text),), meta=Metadata(**{k: v for k, v in fields.items() if v}))


def _scalar(value: object) -> str | None:
    """Strings and numbers as text (ids are often numbers); other JSON is not metadata."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return str(value)


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"
