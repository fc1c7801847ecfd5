"""JSONL batches: a file of thousands of articles is streamed, and the size limit is
per article (per line), with a much larger cap for the file itself."""

from __future__ import annotations

import codecs
import json
import tracemalloc
from pathlib import Path

import pytest

from assistant.ingest import IngestBatch, ingest_paths
from assistant.ingest import batch as batch_module
from assistant.ingest import paths as paths_module
from assistant.model import InputStatus

LIMIT = 64_000  # a small per-article limit keeps the files, and so the tests, small


def row(n: int, text: str | None = None) -> str:
    return json.dumps(
        {
            "id": f"desk-{n:04d}",
            "outlet": "Wire",
            "text": text or f"Article {n}: more than 2,000 people were evacuated on Monday.",
        }
    )


def row_of_size(n: int, size: int) -> str:
    """A row exactly ``size`` bytes long (ASCII, without its newline)."""
    text = "y" * (size - len(row(n, text="y")) + 1)
    line = row(n, text=text)
    assert len(line) == size
    return line


def outcomes(batch: IngestBatch, path: Path) -> list[tuple[str, str, str | None]]:
    """(source without the path, status, article id or reason) for each input."""
    return [
        (
            r.source.removeprefix(str(path)),
            r.status.value,
            r.article_id if r.status is InputStatus.ok else r.reason,
        )
        for r in batch.inputs
    ]


def test_a_nightly_batch_far_over_the_article_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "nightly.jsonl"
    path.write_text("\n".join(row(n) for n in range(1, 3001)) + "\n")
    assert path.stat().st_size > 3 * LIMIT

    batch = ingest_paths([path], max_bytes=LIMIT)

    assert [a.id for a in batch.articles] == [f"desk-{n:04d}" for n in range(1, 3001)]
    assert [(r.source, r.status) for r in batch.inputs] == [
        (f"{path}#L{n}", InputStatus.ok) for n in range(1, 3001)
    ]
    assert batch.articles[2999].text == (
        "Article 3000: more than 2,000 people were evacuated on Monday."
    )


def test_a_line_over_the_limit_is_refused_alone(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        row(1),
        row(2, text="x" * (LIMIT + 100_000)),
        row_of_size(3, LIMIT),
        row_of_size(4, LIMIT + 1),
        row(5),
    ]
    path.write_text("\n".join(lines))

    batch = ingest_paths([path], max_bytes=LIMIT)

    assert outcomes(batch, path) == [
        ("#L1", "ok", "desk-0001"),
        ("#L2", "rejected", "164 KB, larger than the 64 KB limit (--max-bytes)"),
        ("#L3", "ok", "desk-0003"),
        ("#L4", "rejected", "64 KB, larger than the 64 KB limit (--max-bytes)"),
        ("#L5", "ok", "desk-0005"),
    ]


def test_a_runaway_file_is_refused_whole_with_its_own_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch_module, "MAX_JSONL_BYTES", 20_000)
    path = tmp_path / "runaway.jsonl"
    path.write_text("".join(row_of_size(n, 999) + "\n" for n in range(1, 31)))  # 30 KB

    batch = ingest_paths([path], max_bytes=1_000)

    reason = "30 KB, larger than the 20 KB limit for one JSONL file; split it into smaller files"
    assert outcomes(batch, path) == [("", "rejected", reason)]
    assert batch.articles == []


def test_a_big_file_is_never_held_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w") as handle:
        for n in range(1, 101):
            handle.write(row(n) + "\n")
        handle.write(row(101, text="x" * 8_000_000) + "\n")  # far over the limit
        handle.write(row(102) + "\n")

    tracemalloc.start()
    try:
        batch = ingest_paths([path], max_bytes=LIMIT)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert [r.status for r in batch.inputs].count(InputStatus.ok) == 101
    assert batch.inputs[100].reason == "8 MB, larger than the 64 KB limit (--max-bytes)"
    assert peak < 2_000_000, f"peak {peak} bytes: the 8 MB line was held"


def test_each_line_is_decoded_on_its_own(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        codecs.BOM_UTF8
        + row(1, text="São Paulo, in UTF-8 after a BOM.").encode()
        + b"\n"
        + row(2, text="Caf\u00e9 reopened.").encode("utf-8").replace(b"\\u00e9", b"\xe9")
        + b"\n"
        + codecs.BOM_UTF8  # a second file with a BOM, appended with `cat`
        + row(3, text="Zoë Müller said.").encode()
        + b"\n"
    )

    batch = ingest_paths([path])

    assert [a.text for a in batch.articles] == [
        "São Paulo, in UTF-8 after a BOM.",
        "Café reopened.",  # Latin-1, not valid UTF-8: read as cp1252 like any file
        "Zoë Müller said.",
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32"])
def test_read_boundaries_never_split_a_character_or_a_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    monkeypatch.setattr(paths_module, "CHUNK_BYTES", 3)  # odd: splits every code unit
    texts = ["Flood 🌊 in São Paulo.", "Line\u2028separator inside a string.", "Ende — Ü."]
    path = tmp_path / "feed.jsonl"
    rows = [json.dumps({"text": t}, ensure_ascii=False) for t in texts]
    path.write_bytes("\r\n".join(rows).encode(encoding))

    batch = ingest_paths([path])

    assert [r.source for r in batch.inputs] == [f"{path}#L{n}" for n in (1, 2, 3)]
    assert [a.text for a in batch.articles] == [
        "Flood 🌊 in São Paulo.",
        "Line\nseparator inside a string.",  # one line of JSONL; cleaning makes it "\n"
        "Ende — Ü.",
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\n  \n\r\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary file (a PNG image), not text"),
        (bytes(range(256)) * 4, "binary file (contains NUL bytes), not text"),
    ],
    ids=["empty", "blank-lines", "png", "nul-bytes"],
)
def test_a_file_with_no_lines_to_read_gets_one_record(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(data)

    assert outcomes(ingest_paths([path]), path) == [("", "rejected", reason)]
