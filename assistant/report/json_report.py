"""The JSON report: everything, triage included; its schema is ``schemas/report.schema.json``.

``render_json`` writes a whole ``Report`` at once. A report of several stories can also
be written one story at a time (``stream.py``), byte for byte the same text: its head is
dumped with the long lists empty (``skeleton``), and each element of those lists is
dumped on its own and indented to where it stands in the document (``element``), which
is how pydantic indents a nested value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import BaseModel

from assistant.report.model import Report, Triage
from assistant.report.stories import story_triage
from assistant.spool import Spool, Writer

__all__ = ["SEPARATOR", "STREAMED", "element", "render_json", "skeleton", "write_list"]

# The lists a report of many articles is long in, as they come in its text: the
# triage's items (a field of a field: two levels down), then four fields of the report.
STREAMED: tuple[tuple[str, int], ...] = (
    ("items", 2),
    ("inputs", 1),
    ("clusters", 1),
    ("findings", 1),
    ("checklists", 1),
)
_INDENT = "  "


def render_json(report: Report) -> str:
    """The report as JSON, with its triage (story by story) when it compared the articles;
    its schema is ``schemas/report.schema.json``."""
    triage = story_triage(report) if report.compared else None  # extract compares nothing
    complete = report.model_copy(update={"triage": triage})
    return complete.model_dump_json(indent=2) + "\n"


def element(model: BaseModel, depth: int) -> str:
    """``model`` as it reads as an element of a list whose key is ``depth`` levels down
    (1: a field of the report): its own JSON, every line indented one level more than
    the key. JSON strings hold no raw newline, so every newline is a line break."""
    pad = _INDENT * (depth + 1)
    return pad + model.model_dump_json(indent=2).replace("\n", "\n" + pad)


def skeleton(head: Report, triage: Triage) -> Iterator[tuple[str, str | None]]:
    """The text of ``head`` with ``triage`` and every list of ``STREAMED`` empty, in
    pieces: (text, the name of the list that comes right after it, or None at the end).
    The caller writes each list's own text after its piece (see ``list_text``)."""
    empty = triage.model_copy(update={"items": []})
    text = head.model_copy(
        update={"triage": empty, "inputs": [], "clusters": [], "findings": [], "checklists": []}
    ).model_dump_json(indent=2)
    at = 0
    for name, depth in STREAMED:
        # A key two spaces in per level, at the start of its line: no other key of the
        # report's text is that far in under that name.
        mark = f'\n{_INDENT * depth}"{name}": '
        found = text.index(mark + "[]", at) + len(mark)
        yield text[at:found], name
        at = found + len("[]")
    yield text[at:] + "\n", None


def write_list(out: Writer, depth: int, elements: Iterable[bytes | Spool]) -> None:
    """A list of ``STREAMED`` whose key is ``depth`` levels down onto ``out``, from its
    elements' ``element`` text as UTF-8 bytes, or spools of them already joined by
    ``SEPARATOR``: the list is never in memory whole."""
    opened = False
    for chunk in elements:
        if isinstance(chunk, Spool) and not len(chunk):
            continue
        out.write(SEPARATOR if opened else b"[\n")
        opened = True
        if isinstance(chunk, Spool):
            chunk.copy_to(out)
        else:
            out.write(chunk)
    out.write(b"\n" + (_INDENT * depth).encode() + b"]" if opened else b"[]")


SEPARATOR = b",\n"
