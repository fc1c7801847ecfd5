"""Batches: every input is accounted for, in order, and a bad one never stops the rest."""

from __future__ import annotations

import errno
import os
import random
import threading
from pathlib import Path

import pytest

from assistant.ingest import DEFAULT_MAX_BYTES, IngestBatch, ingest_paths
from assistant.model import InputStatus

BODY = "More than 2,000 people were evacuated on Monday, the civil defence agency said.\n"


def outcomes(batch: IngestBatch, root: Path) -> list[tuple[str, str, str | None]]:
    """(source relative to root, status, reason or article id) for each input."""
    return [
        (
            r.source.removeprefix(f"{root}/"),
            r.status.value,
            r.article_id if r.status is InputStatus.ok else r.reason,
        )
        for r in batch.inputs
    ]


def test_a_mixed_batch_keeps_going_and_lists_every_input_in_order(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(BODY)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.md").write_text("  \n\t\n")
    (tmp_path / "big.txt").write_text(BODY * 100)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "feed.jsonl").write_text('{"text": "Line one."}\nnot json\n')
    (tmp_path / "notes.rst").write_text(BODY)  # named explicitly: read as text
    names = [
        "good.txt",
        "photo.png",
        "missing.txt",
        "good.txt/inside-a-file.txt",
        "empty.txt",
        "blank.md",
        "big.txt",
        "dangling.txt",
        "feed.jsonl",
        "notes.rst",
    ]

    batch = ingest_paths([tmp_path / n for n in names], max_bytes=1000)

    assert outcomes(batch, tmp_path) == [
        ("good.txt", "ok", "good"),
        ("photo.png", "rejected", "binary file (a PNG image), not text"),
        ("missing.txt", "rejected", "no such file"),
        ("good.txt/inside-a-file.txt", "rejected", "cannot read: not a directory"),
        ("empty.txt", "rejected", "empty file"),
        ("blank.md", "rejected", "empty file"),
        ("big.txt", "rejected", "8 KB, larger than the 1 KB limit (--max-bytes)"),
        ("dangling.txt", "rejected", "broken symbolic link"),
        ("feed.jsonl#L1", "ok", "feed-l1"),
        ("feed.jsonl#L2", "rejected", "not valid JSON: Expecting value (column 1)"),
        ("notes.rst", "ok", "notes"),
    ]
    assert [a.id for a in batch.articles] == ["good", "feed-l1", "notes"]


def test_default_size_limit_is_five_megabytes(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(DEFAULT_MAX_BYTES + 1)  # sparse: the size is checked before reading

    record = ingest_paths([path]).inputs[0]

    assert record.reason == "5 MB, larger than the 5 MB limit (--max-bytes)"


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result: list[IngestBatch] = []
    worker = threading.Thread(target=lambda: result.append(ingest_paths([fifo])), daemon=True)

    worker.start()
    worker.join(timeout=5)

    assert result, "ingest blocked on a FIFO"
    assert result[0].inputs[0].reason == "not a regular file (a FIFO, device or socket)"


def test_an_unreadable_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod 000 proves nothing when the tests run as root (CI does), so the refusal
    # comes from the operating system's open() instead: the same path a real one takes.
    path = tmp_path / "secret.txt"
    path.write_text(BODY)
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refuse)
    batch = ingest_paths([path, tmp_path / "missing.txt"])

    assert [r.reason for r in batch.inputs] == ["cannot read: permission denied", "no such file"]


def test_directories_are_walked_in_order_skipping_hidden_files_naming_others(
    tmp_path: Path,
) -> None:
    pkg = tmp_path / "examples" / "floods"
    (pkg / "fixtures").mkdir(parents=True)
    (pkg / "fixtures" / "recorded.json").write_text('{"not": "an article"}')
    (pkg / "b.md").write_text(BODY)
    (pkg / "a.txt").write_text(BODY)
    (pkg / "c.HTML").write_text(f"<p>{BODY}</p>")
    (pkg / "README.rst").write_text(BODY)
    (pkg / ".draft.txt").write_text(BODY)
    (pkg / ".git").mkdir()
    (pkg / ".git" / "HEAD.txt").write_text(BODY)
    (pkg / "zz").mkdir()
    (pkg / "zz" / "d.txt").write_text(BODY)
    (pkg / "loop").symlink_to(pkg)  # a link back up must not walk forever
    (tmp_path / "examples" / "empty").mkdir()

    batch = ingest_paths([tmp_path / "examples"])

    assert outcomes(batch, tmp_path) == [
        ("examples/floods/a.txt", "ok", "a"),
        ("examples/floods/b.md", "ok", "b"),
        ("examples/floods/c.HTML", "ok", "c"),
        ("examples/floods/zz/d.txt", "ok", "d"),
    ]
    # Files of other types are not read, but named, so none vanishes without a trace.
    assert [Path(p).relative_to(tmp_path).as_posix() for p in batch.not_read] == [
        "examples/floods/README.rst",
        "examples/floods/fixtures/recorded.json",
    ]


def test_an_empty_directory_is_reported(tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text("{}")

    record = ingest_paths([tmp_path]).inputs[0]

    assert record.status is InputStatus.rejected
    assert record.reason == (
        "no article files (.txt, .md, .markdown, .html, .htm, .jsonl) in this directory"
    )


def test_duplicate_stems_get_unique_ids_and_the_same_file_is_read_once(tmp_path: Path) -> None:
    for folder in ("ap", "reuters", "afp"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "Floods Update!.txt").write_text(BODY)
    (tmp_path / "afp" / "floods-update-2.txt").write_text(BODY)

    batch = ingest_paths([tmp_path, tmp_path / "ap" / "Floods Update!.txt"])

    assert outcomes(batch, tmp_path) == [
        ("afp/Floods Update!.txt", "ok", "floods-update"),
        ("afp/floods-update-2.txt", "ok", "floods-update-2"),
        ("ap/Floods Update!.txt", "ok", "floods-update-3"),
        ("reuters/Floods Update!.txt", "ok", "floods-update-4"),
        (
            "ap/Floods Update!.txt",
            "rejected",
            f"same file as {tmp_path}/ap/Floods Update!.txt, already read",
        ),
    ]


def test_ids_fall_back_when_a_name_has_no_latin_letters(tmp_path: Path) -> None:
    (tmp_path / "فيضانات.txt").write_text(BODY)
    (tmp_path / "Überschwemmung.txt").write_text(BODY)

    batch = ingest_paths([tmp_path])

    assert sorted(a.id for a in batch.articles) == ["article", "uberschwemmung"]


def test_random_bytes_never_escape_as_an_exception(tmp_path: Path) -> None:
    rng = random.Random(20260304)
    paths = []
    for n in range(60):
        suffix = (".txt", ".md", ".html", ".jsonl")[n % 4]
        path = tmp_path / f"noise{n}{suffix}"
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 400)))
        if n % 3 == 0:
            data = data.replace(b"\x00", b" ")  # NUL-free noise gets past the first check
        path.write_bytes(data)
        paths.append(path)

    batch = ingest_paths(paths)

    sources = [r.source.split("#")[0] for r in batch.inputs]
    assert sorted(set(sources)) == sorted(str(p) for p in paths)
    assert all(r.reason for r in batch.inputs if r.status is InputStatus.rejected)
    for article in batch.articles:
        assert not any(ch < " " and ch not in "\t\n" for ch in article.text)
