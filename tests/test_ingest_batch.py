"""Batches: every input is accounted for, in order, and a bad one never stops the rest."""

from __future__ import annotations

import errno
import json
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
    (tmp_path / "notes.rst").write_text(f"Notes. {BODY}")  # named explicitly: read as text
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
    (pkg / "b.md").write_text(f"B. {BODY}")
    (pkg / "a.txt").write_text(f"A. {BODY}")
    (pkg / "c.HTML").write_text(f"<p>C. {BODY}</p>")
    (pkg / "README.rst").write_text(BODY)
    (pkg / ".draft.txt").write_text(BODY)
    (pkg / ".git").mkdir()
    (pkg / ".git" / "HEAD.txt").write_text(BODY)
    (pkg / "zz").mkdir()
    (pkg / "zz" / "d.txt").write_text(f"D. {BODY}")
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
        "no article files (.txt, .md, .markdown, .html, .htm, .jsonl, .pdf, .docx) "
        "in this directory"
    )


def test_duplicate_stems_get_unique_ids(tmp_path: Path) -> None:
    for folder in ("ap", "reuters", "afp"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "Floods Update!.txt").write_text(f"{folder}: {BODY}")
    (tmp_path / "afp" / "floods-update-2.txt").write_text(f"Second. {BODY}")

    batch = ingest_paths([tmp_path])

    assert outcomes(batch, tmp_path) == [
        ("afp/Floods Update!.txt", "ok", "floods-update"),
        ("afp/floods-update-2.txt", "ok", "floods-update-2"),
        ("ap/Floods Update!.txt", "ok", "floods-update-3"),
        ("reuters/Floods Update!.txt", "ok", "floods-update-4"),
    ]


def test_the_same_file_twice_is_read_once_under_both_names(tmp_path: Path) -> None:
    (tmp_path / "ap").mkdir()
    (tmp_path / "ap" / "floods.txt").write_text(BODY)
    (tmp_path / "other.txt").write_text(f"Other. {BODY}")

    batch = ingest_paths([tmp_path / "ap", tmp_path / "other.txt", tmp_path / "ap/floods.txt"])

    first, other = batch.inputs
    assert (first.source, first.status, first.article_id) == (
        f"{tmp_path}/ap/floods.txt",
        InputStatus.ok,
        "floods",
    )
    assert first.also_as == [f"{tmp_path}/ap/floods.txt"]
    assert first.reason == "given 2 times, read once"
    assert other.also_as == [] and other.reason is None
    assert [a.id for a in batch.articles] == ["floods", "other"]


def test_a_copy_under_another_name_is_read_once_with_every_name(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "floods.md").write_text(BODY)
    (tmp_path / "pkg" / "floods (copy).md").write_text(BODY)
    (tmp_path / "pkg" / "floods.txt").write_text(BODY)  # another format, the same article
    (tmp_path / "elsewhere.txt").write_text(BODY)
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "pkg" / "floods.md")

    batch = ingest_paths([tmp_path / "pkg", tmp_path / "elsewhere.txt", link, link])

    [record] = batch.inputs
    assert record.source == f"{tmp_path}/pkg/floods (copy).md"  # the walk is in name order
    assert record.also_as == [
        f"{tmp_path}/pkg/floods.md",
        f"{tmp_path}/pkg/floods.txt",
        f"{tmp_path}/elsewhere.txt",
        f"{tmp_path}/link.txt",
        f"{tmp_path}/link.txt",
    ]
    assert record.reason == (
        f"same content also given as {tmp_path}/pkg/floods.md, {tmp_path}/pkg/floods.txt, "
        f"{tmp_path}/elsewhere.txt, {tmp_path}/link.txt, {tmp_path}/link.txt, read once"
    )
    assert [a.id for a in batch.articles] == ["floods-copy"]


def test_identical_jsonl_lines_are_one_input_and_a_copied_feed_names_each_line(
    tmp_path: Path,
) -> None:
    line = json.dumps({"id": "a1", "outlet": "Daily", "text": BODY}) + "\n"
    other = json.dumps({"id": "b1", "outlet": "Daily", "text": f"Other. {BODY}"}) + "\n"
    (tmp_path / "feed.jsonl").write_text(line + other + line)
    (tmp_path / "feed-copy.jsonl").write_text(line + other + line)

    batch = ingest_paths([tmp_path / "feed.jsonl", tmp_path / "feed-copy.jsonl"])

    assert [(r.source.removeprefix(f"{tmp_path}/"), r.article_id) for r in batch.inputs] == [
        ("feed.jsonl#L1", "a1"),
        ("feed.jsonl#L2", "b1"),
    ]
    assert batch.inputs[0].also_as == [
        f"{tmp_path}/feed.jsonl#L3",
        f"{tmp_path}/feed-copy.jsonl#L1",
        f"{tmp_path}/feed-copy.jsonl#L3",
    ]
    assert batch.inputs[1].also_as == [f"{tmp_path}/feed-copy.jsonl#L2"]


def test_the_same_outlet_text_under_another_outlet_is_not_a_copy(tmp_path: Path) -> None:
    # Wire copy run by two outlets is two articles: the rule layer must see both.
    lines = [json.dumps({"outlet": o, "text": BODY}) + "\n" for o in ("Daily", "Herald")]
    (tmp_path / "feed.jsonl").write_text("".join(lines))

    batch = ingest_paths([tmp_path / "feed.jsonl"])

    assert [a.outlet for a in batch.articles] == ["Daily", "Herald"]
    assert all(not r.also_as for r in batch.inputs)


def test_a_repeated_unreadable_file_keeps_both_names(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")

    batch = ingest_paths([tmp_path / "empty.txt", tmp_path / "empty.txt"])

    [record] = batch.inputs
    assert record.status is InputStatus.rejected
    assert record.reason == "empty file; given 2 times, read once"


def test_ids_fall_back_when_a_name_has_no_latin_letters(tmp_path: Path) -> None:
    (tmp_path / "فيضانات.txt").write_text(BODY)
    (tmp_path / "Überschwemmung.txt").write_text(f"Zweite. {BODY}")

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
