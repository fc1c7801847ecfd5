"""What a user sees for the inputs they hand us: missing paths, copies, PDF and DOCX,
undated articles, files of unknown types."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from assistant.cli import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, main
from tests.documents import encrypted_pdf_bytes, pdf_bytes, write_docx
from tests.test_ingest_documents import PAGE_ONE, PAGE_TWO, PARAGRAPHS

BODY = "More than 1,000 people were evacuated on Monday, the interior ministry said.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", ["report", "extract"])
def test_a_missing_path_is_a_usage_error_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY)
    out_file = tmp_path / "report.json"

    code, out, err = run(
        capsys, command, str(good), str(tmp_path / "missing.md"), "--llm", "offline",
        "-o", str(out_file),
    )  # fmt: skip

    assert code == EXIT_USAGE
    assert out == ""
    assert err == f"factcheck: error: {tmp_path}/missing.md: no such file or directory\n"
    assert not out_file.exists()


def test_every_missing_path_is_named_and_a_broken_link_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "dangling.md").symlink_to(tmp_path / "gone.md")

    code, _, err = run(
        capsys, "report", str(tmp_path / "a.md"), str(tmp_path / "dangling.md"), "-q"
    )

    assert code == EXIT_USAGE
    assert err == (
        f"factcheck: error: {tmp_path}/a.md: no such file or directory; "
        f"{tmp_path}/dangling.md: broken symbolic link\n"
    )


def test_a_missing_path_opens_no_workspace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = tmp_path / "desk.sqlite"

    code, _, err = run(capsys, "tui", str(tmp_path / "nope"), "--workspace", str(workspace))

    assert code == EXIT_USAGE
    assert err == f"factcheck: error: {tmp_path}/nope: no such file or directory\n"
    assert not workspace.exists()


def test_serve_refuses_a_missing_path_before_serving(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def serve(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("served despite a missing input")

    monkeypatch.setattr("assistant.tui.serve.serve", serve)

    code, _, err = run(capsys, "serve", str(tmp_path / "nope.md"))

    assert code == EXIT_USAGE
    assert "nope.md: no such file or directory" in err


def test_a_missing_name_cannot_drive_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = "floods\x1b]0;pwned\x07\n\x1b[2J.md"

    code, _, err = run(capsys, "report", str(tmp_path / name))

    assert code == EXIT_USAGE
    assert "\x1b" not in err and "\x07" not in err
    assert err.count("\n") == 1
    # A name is shown with its control characters as escapes: inert, and still findable.
    assert "floods\\x1b]0;pwned\\x07\\n\\x1b[2J.md: no such file or directory" in err


def test_a_copy_is_reported_once_with_both_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "floods.txt").write_text(BODY)
    (tmp_path / "floods-copy.txt").write_text(BODY)
    (tmp_path / "feed.jsonl").write_text(f'{{"text": "{BODY.strip()}"}}\n' * 2)

    code, out, err = run(capsys, "report", str(tmp_path), "--llm", "offline", "--format", "json")

    assert code == EXIT_OK
    [entry] = json.loads(out)["inputs"]
    assert entry["source"] == f"{tmp_path}/feed.jsonl#L1"
    assert entry["status"] == "ok" and entry["claims"]
    assert entry["also_as"] == [
        f"{tmp_path}/feed.jsonl#L2",
        f"{tmp_path}/floods-copy.txt",
        f"{tmp_path}/floods.txt",
    ]
    note = (
        f"same content also given as {tmp_path}/feed.jsonl#L2, {tmp_path}/floods-copy.txt, "
        f"{tmp_path}/floods.txt, read once"
    )
    assert entry["notes"] == [note]
    assert f"factcheck: {tmp_path}/feed.jsonl#L1: {note}\n" in err


def test_a_path_given_twice_is_one_entry_in_markdown_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "floods.txt").write_text(BODY)

    code, out, _ = run(
        capsys, "report", str(tmp_path / "floods.txt"), str(tmp_path / "floods.txt"), "-q"
    )

    assert code == EXIT_OK
    assert "given 2 times, read once" in out
    assert "**Inputs:** 1 (1 articles" in out


def test_pdf_and_docx_are_read_and_an_unreadable_one_is_skipped_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "floods.pdf").write_bytes(pdf_bytes(PAGE_ONE, PAGE_TWO))
    locked = encrypted_pdf_bytes(pdf_bytes(PAGE_ONE), user_password="x", algorithm="RC4-128")
    (tmp_path / "locked.pdf").write_bytes(locked)
    write_docx(tmp_path / "update.docx", [(PARAGRAPHS[1], None)])
    (tmp_path / "notes.odt").write_bytes(b"PK\x03\x04")

    code, out, err = run(
        capsys, "report", str(tmp_path), "--llm", "offline", "--format", "json",
        "--published", "2026-03-03",
    )  # fmt: skip

    assert code == EXIT_PARTIAL
    report = json.loads(out)
    entries = {Path(e["source"]).name: e for e in report["inputs"]}
    assert list(entries) == ["floods.pdf", "locked.pdf", "update.docx"]
    assert entries["floods.pdf"]["status"] == "ok" and entries["floods.pdf"]["claims"]
    assert entries["update.docx"]["status"] == "ok" and entries["update.docx"]["claims"]
    assert entries["locked.pdf"]["status"] == "rejected"
    assert entries["locked.pdf"]["reason"] == "encrypted PDF: it needs a password to open"
    assert report["not_read"] == [str(tmp_path / "notes.odt")]
    assert err.splitlines() == [
        f"factcheck: {tmp_path}/locked.pdf: skipped: encrypted PDF: it needs a password to open",
        f"factcheck: 1 file of an unknown type not read: {tmp_path}/notes.odt",
    ]


def test_undated_articles_get_one_hint_naming_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in range(7):
        (tmp_path / f"a{n}.txt").write_text(f"Report {n}. {BODY}")
    (tmp_path / "dated.md").write_text(f"---\npublished: 2026-03-03\n---\n{BODY}")

    code, _, err = run(capsys, "report", str(tmp_path), "--llm", "offline")

    assert code == EXIT_OK
    names = ", ".join(f"{tmp_path}/a{n}.txt" for n in range(5))
    assert err.splitlines() == [
        'factcheck: 7 articles have no publication date: periods such as "Monday" in them '
        f"cannot be resolved, so those figures are not compared ({names} and 2 more, all "
        "listed in the report); give --published YYYY-MM-DD"
    ]


def test_the_undated_hint_is_quiet_with_q_and_gone_with_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(BODY)

    assert run(capsys, "report", str(tmp_path), "--llm", "offline", "-q")[2] == ""
    _, _, err = run(
        capsys, "report", str(tmp_path), "--llm", "offline", "--published", "2026-03-03"
    )
    assert err == ""
    # --no-cache: the first run's result would be reused, and stderr would say so too.
    _, _, err = run(capsys, "report", str(tmp_path), "--llm", "offline", "--no-cache")
    assert err == (
        'factcheck: 1 article has no publication date: periods such as "Monday" in them '
        f"cannot be resolved, so those figures are not compared ({tmp_path}/a.txt); "
        "give --published YYYY-MM-DD\n"
    )


def test_names_on_stderr_cannot_drive_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "evil\x1b]52;c;cHduZWQ=\x07.txt").write_text("")
    (tmp_path / "\x1b[31mred.odt").write_text("x")
    (tmp_path / "good.txt").write_text(BODY)

    _, _, err = run(
        capsys, "report", str(tmp_path), "--llm", "offline", "--published", "2026-03-03"
    )

    assert "\x1b" not in err and "\x07" not in err
    assert f"factcheck: {tmp_path}/evil\\x1b]52;c;cHduZWQ=\\x07.txt: skipped: empty file" in err
    assert "\\x1b[31mred.odt" in err


def test_a_file_name_that_is_not_utf8_is_shown_with_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(BODY)
    except (OSError, UnicodeError):
        pytest.skip("this file system takes UTF-8 names only")
    out_file = tmp_path / "report.json"

    code, _, _ = run(
        capsys, "report", str(tmp_path), "--llm", "offline", "-q", "--published", "2026-03-03",
        "--format", "json", "-o", str(out_file),
    )  # fmt: skip

    assert code == EXIT_OK
    [entry] = json.loads(out_file.read_text())["inputs"]
    assert entry["source"] == f"{tmp_path}/caf\\xe9.txt"
