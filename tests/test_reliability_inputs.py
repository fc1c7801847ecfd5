"""Every per-input failure is contained: the input is listed with its reason, the batch
and the report go on, and the exit code is 3 (some inputs rejected), never 1.

Sizes are kept small enough for the whole ``-m reliability`` set to run in well under
three minutes on two shared cores; none is written into the repository.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.cli import EXIT_OK, EXIT_PARTIAL, main
from assistant.extract.offline import OfflineExtractor
from assistant.ingest import DEFAULT_MAX_BYTES
from assistant.ingest.document import MAX_TEXT_CHARS
from assistant.ingest.formats.html import MAX_ELEMENTS
from assistant.model import Article, ExtractionResult
from tests.documents import pdf_bytes, write_docx

pytestmark = pytest.mark.reliability

BODY = "More than 1,000 people were evacuated on Monday, the interior ministry said.\n"
# Dense figures with no sentence end: the costliest text for the offline extractor.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
NOISE = bytes(range(1, 32)) * 40
DENSE = "the mayor said 40 people were evacuated and 2,000 homes damaged on Monday and "


def report(
    capsys: pytest.CaptureFixture[str], *paths: Path, extra: tuple[str, ...] = ()
) -> tuple[int, dict[str, dict], str]:
    """Exit code, input entries by file name, stderr of ``factcheck report`` as JSON."""
    code = main([
        "report", *map(str, paths), "--llm", "offline", "--format", "json",
        "--published", "2026-03-03", *extra,
    ])  # fmt: skip
    out, err = capsys.readouterr()
    entries = {Path(e["source"]).name: e for e in json.loads(out)["inputs"]}
    return code, entries, err


def package(tmp_path: Path) -> Path:
    """A folder with one good article, for a bad input to sit beside."""
    folder = tmp_path / "package"
    folder.mkdir()
    (folder / "good.txt").write_text(BODY)
    return folder


def rejected(entry: dict) -> str:
    assert entry["status"] == "rejected"
    return entry["reason"]


def test_a_symlink_loop_inside_a_folder_is_walked_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = package(tmp_path)
    (folder / "loop").symlink_to(folder)
    (folder / "sub").mkdir()
    (folder / "sub" / "back").symlink_to(folder)

    code, entries, _ = report(capsys, folder)

    assert code == EXIT_OK
    assert list(entries) == ["good.txt"]
    assert entries["good.txt"]["claims"]


def test_a_link_loop_named_as_a_file_is_rejected_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = package(tmp_path)
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")

    code, entries, _ = report(capsys, folder)

    assert code == EXIT_PARTIAL
    assert "symbolic links" in rejected(entries["a.txt"])
    assert entries["good.txt"]["claims"]


@pytest.mark.parametrize("output", ["json", "md-file", "md-stdout"])
def test_a_file_name_that_is_not_utf8_is_listed_in_every_output(
    tmp_path: Path, output: str
) -> None:
    folder = package(tmp_path)
    try:
        (folder / os.fsdecode(b"caf\xe9.txt")).write_text(BODY.replace("1,000", "2,000"))
    except (OSError, UnicodeError):
        pytest.skip("this file system takes UTF-8 names only")
    argv = ["report", str(folder), "--llm", "offline", "--published", "2026-03-03"]
    target = tmp_path / ("r.json" if output == "json" else "r.md")
    if output != "md-stdout":
        argv += ["-o", str(target)]
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": ""}

    # A real process: the stdout encoding of a UTF-8 locale is what is under test.
    run = subprocess.run(
        [sys.executable, "-m", "assistant", *argv], capture_output=True, env=env, check=False
    )

    assert run.returncode == EXIT_OK, run.stderr
    text = run.stdout if output == "md-stdout" else target.read_bytes()
    # JSON and Markdown both escape the backslash of the escape: caf\\xe9.txt.
    assert b"caf\\\\xe9.txt" in text
    assert b"Traceback" not in run.stderr


@pytest.mark.parametrize("fmt", ["md", "json"])
@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_a_stdout_that_is_not_utf8_still_gets_the_whole_report(
    tmp_path: Path, fmt: str, encoding: str
) -> None:
    folder = package(tmp_path)
    (folder / "quoted.txt").write_text("“About 1,200” people – police said – left on Monday.\n")
    env = {**os.environ, "PYTHONIOENCODING": encoding}

    run = subprocess.run(
        [
            sys.executable, "-m", "assistant", "report", str(folder), "--llm", "offline",
            "--published", "2026-03-03", "--format", fmt, "-q",
        ],
        capture_output=True, env=env, check=False,
    )  # fmt: skip

    assert run.returncode == EXIT_OK, run.stderr
    text = run.stdout.decode("utf-8")  # the report's own encoding, as in a file
    assert "“About 1,200”" in text
    if fmt == "json":
        assert len(json.loads(text)["inputs"]) == 2


def test_a_fifo_is_listed_and_never_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = package(tmp_path)
    os.mkfifo(folder / "pipe.txt")

    code, entries, err = report(capsys, folder)

    assert code == EXIT_PARTIAL
    assert rejected(entries["pipe.txt"]) == "not a regular file (a FIFO, device or socket)"
    assert "pipe.txt: skipped: not a regular file" in err
    assert entries["good.txt"]["claims"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b" \n\t\n", "empty file"),
        ("image.txt", PNG, "binary file (a PNG image), not text"),
        ("noise.txt", NOISE, "binary file (mostly control characters), not text"),
        ("nul.html", b"<p>a\x00b</p>", "binary file (contains NUL bytes), not text"),
    ],
)
def test_empty_and_binary_files_are_listed_with_what_they_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes, reason: str
) -> None:
    folder = package(tmp_path)
    (folder / name).write_bytes(content)

    code, entries, _ = report(capsys, folder)

    assert code == EXIT_PARTIAL
    assert rejected(entries[name]) == reason
    assert entries["good.txt"]["claims"]


def test_a_100_mb_file_is_refused_by_its_size_before_it_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = package(tmp_path)
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(100_000_000)  # sparse: nothing is written, and nothing is read

    started = time.monotonic()
    code, entries, _ = report(capsys, folder)

    assert time.monotonic() - started < 30
    assert code == EXIT_PARTIAL
    assert rejected(entries["huge.txt"]) == "100 MB, larger than the 5 MB limit (--max-bytes)"


def test_a_1_mb_single_line_is_refused_in_a_moment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = package(tmp_path)
    (folder / "line.txt").write_text((DENSE * (1_000_000 // len(DENSE) + 1))[:1_000_000])

    started = time.monotonic()
    code, entries, _ = report(capsys, folder)

    # It took 24 s and 324 MB to extract; now it is refused once its text is known.
    assert time.monotonic() - started < 30
    assert code == EXIT_PARTIAL
    assert rejected(entries["line.txt"]) == (
        "article text of 999,999 characters, longer than the 200,000 one article may "
        "have (a long feature is under 100,000); split it"
    )


def _run_measured(argv: list[str]) -> tuple[int, float, int]:
    """``factcheck ARGV`` in its own process: exit code, seconds, and its peak memory in
    MB (its own, from wait4: no other child of this test run is counted)."""
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant", *argv],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, time.monotonic() - started, usage.ru_maxrss // 1024  # KB on Linux


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in KB on Linux only")
@pytest.mark.parametrize(
    ("max_bytes", "reason"),
    [
        (None, "10 MB, larger than the 5 MB limit (--max-bytes)"),
        (
            "20MB",
            "article text of 9,999,999 characters, longer than the 200,000 one article may "
            "have (a long feature is under 100,000); split it",
        ),
    ],
    ids=["default-limit", "limit-raised"],
)
def test_a_10_mb_single_line_costs_seconds_and_bounded_memory(
    tmp_path: Path, max_bytes: str | None, reason: str
) -> None:
    # A 4.9 MB line once took 305 s and 1.4 GB, and a 10 MB one did not finish in 30
    # minutes. Refused by its size, or -- with --max-bytes raised past it -- once its text
    # is read, at a cost linear in its size (about 2 s and 80 MB on one idle core).
    folder = package(tmp_path)
    (folder / "line.txt").write_text((DENSE * (10_000_000 // len(DENSE) + 1))[:10_000_000])
    out = tmp_path / "r.json"
    argv = ["report", str(folder), "--llm", "offline", "-q", "-o", str(out)]

    code, seconds, peak_mb = _run_measured(argv + (["--max-bytes", max_bytes] if max_bytes else []))

    assert code == EXIT_PARTIAL
    entries = {Path(e["source"]).name: e for e in json.loads(out.read_text())["inputs"]}
    assert rejected(entries["line.txt"]) == reason
    assert entries["good.txt"]["claims"]
    assert seconds < 30
    assert peak_mb < 400  # the file is 10 MB; the old cost grew with its square


def test_the_largest_accepted_text_is_extracted_in_seconds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Shuffled words with a figure every few words and no sentence end: the slowest text
    # for the offline extractor that we found (a claim per figure, one long sentence).
    words = DENSE.split()
    shuffled = random.Random(1)
    text = " ".join(shuffled.choice(words) for _ in range(MAX_TEXT_CHARS // 4))
    path = tmp_path / "long.txt"
    path.write_text(text[: MAX_TEXT_CHARS - 10] + ".")

    started = time.monotonic()
    code, entries, _ = report(capsys, path)

    assert time.monotonic() - started < 60  # about 3 s on one idle core
    assert code == EXIT_OK
    assert entries["long.txt"]["claims"]


def test_the_limits_are_what_the_docs_say() -> None:
    assert DEFAULT_MAX_BYTES == 5_000_000
    assert MAX_TEXT_CHARS == 200_000
    assert MAX_ELEMENTS == 200_000


def _dense_paragraphs(chars: int) -> list[str]:
    words = DENSE.split()
    shuffled = random.Random(2)
    paragraphs, size = [], 0
    while size < chars:
        paragraphs.append(" ".join(shuffled.choice(words) for _ in range(60)) + ".")
        size += len(paragraphs[-1])
    return paragraphs


def _too_long_pdf(path: Path) -> None:
    paragraphs = _dense_paragraphs(1_500_000)
    path.write_bytes(
        pdf_bytes(*([p[i : i + 90] for i in range(0, len(p), 90)] for p in paragraphs))
    )


def _too_long_html(path: Path) -> None:
    body = "".join(f"<p>{p}</p>\n" for p in _dense_paragraphs(1_500_000))
    path.write_text(f"<html><body><article>{body}</article></body></html>")


def _too_long_docx(path: Path) -> None:
    write_docx(path, [(p, None) for p in _dense_paragraphs(1_500_000)])


@pytest.mark.parametrize(
    ("name", "make"),
    [("long.pdf", _too_long_pdf), ("long.html", _too_long_html), ("long.docx", _too_long_docx)],
)
def test_a_long_pdf_page_or_document_is_read_no_further_than_its_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, make: Callable[[Path], None]
) -> None:
    folder = package(tmp_path)
    make(folder / name)

    started = time.monotonic()
    code, entries, _ = report(capsys, folder)

    # 1.5 M characters of text; only the first 250,000 or so are read.
    assert time.monotonic() - started < 30
    assert code == EXIT_PARTIAL
    reason = rejected(entries[name])
    assert reason.startswith("article text of at least ")
    assert reason.endswith(
        " characters (reading stopped there), longer than the 200,000 one article may have "
        "(a long feature is under 100,000); split it"
    )


def test_a_page_of_too_many_elements_is_refused_before_parsing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = package(tmp_path)
    (folder / "empty.html").write_text("<html><body>" + "<i></i>" * 300_000 + "</body></html>")

    started = time.monotonic()
    code, entries, _ = report(capsys, folder)

    assert time.monotonic() - started < 30
    assert code == EXIT_PARTIAL
    assert rejected(entries["empty.html"]) == (
        "HTML with 300,002 elements, more than the 200,000 of any article page; not an article page"
    )


@pytest.mark.parametrize("tag", ["<div/>", "<div>", "<span/>"])
def test_100k_self_closing_divs_are_refused_as_nesting_before_parsing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tag: str
) -> None:
    folder = package(tmp_path)
    (folder / "divs.html").write_text(f"<html><body>{tag * 100_000}<p>{BODY}</p></body></html>")

    started = time.monotonic()
    code, entries, _ = report(capsys, folder)

    # "<div/>" opens a div in HTML: 50,000 of them took 20 s to parse.
    assert time.monotonic() - started < 30
    assert code == EXIT_PARTIAL
    assert rejected(entries["divs.html"]) == (
        "HTML nested more than 1000 levels deep; not an article page"
    )


def test_self_closing_elements_in_svg_are_not_nesting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    svg = "<svg><g>" + '<path d="M0 0"/>' * 5_000 + "</g></svg>"
    path = tmp_path / "page.html"
    path.write_text(f"<html><body>{svg}<article><p>{BODY}</p></article></body></html>")

    code, entries, _ = report(capsys, path)

    assert code == EXIT_OK
    assert entries["page.html"]["claims"]


def test_a_folder_of_20000_files_is_walked_and_noted_in_bounded_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = package(tmp_path)
    for n in range(20_000):
        (folder / f"e{n:05}.txt").touch()

    started = time.monotonic()
    code, entries, err = report(capsys, folder)

    assert time.monotonic() - started < 90  # about 3 s
    assert code == EXIT_PARTIAL
    assert len(entries) == 20_001
    assert entries["e19999.txt"]["reason"] == "empty file"
    assert entries["good.txt"]["claims"]
    lines = err.splitlines()
    assert len(lines) == 21
    assert lines[-1] == "factcheck: 19980 more inputs skipped or noted, each listed in the report"


def test_an_extractor_bug_on_one_article_fails_that_article_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = package(tmp_path)
    (folder / "boom.txt").write_text(BODY.replace("1,000", "3,000"))
    real = OfflineExtractor.extract

    async def extract(self: OfflineExtractor, article: Article) -> ExtractionResult:
        if article.id == "boom":
            raise OverflowError("date value out of range")
        return await real(self, article)

    monkeypatch.setattr(OfflineExtractor, "extract", extract)

    code, entries, err = report(capsys, folder)

    assert code == EXIT_PARTIAL
    reason = (
        "extraction failed: internal error in the offline extractor "
        "(OverflowError: date value out of range); please report it"
    )
    assert entries["boom.txt"]["reason"] == reason
    assert f"factcheck: boom: {reason}\n" in err
    assert entries["good.txt"]["claims"]


def test_quiet_prints_nothing_for_a_failed_article(tmp_path: Path) -> None:
    folder = package(tmp_path)
    (folder / "other.txt").write_text(BODY.replace("1,000", "3,000"))
    (folder / "empty.txt").touch()

    run = subprocess.run(
        [
            sys.executable, "-m", "assistant", "report", str(folder), "--llm", "mock",
            "--mock-faults", "bad_json=1", "-q", "-o", str(tmp_path / "r.json"),
        ],
        capture_output=True, text=True, check=False,
    )  # fmt: skip

    assert run.stderr == ""
    inputs = json.loads((tmp_path / "r.json").read_text())["inputs"]
    assert [e["reason"].split(":")[0] for e in inputs if e["reason"]] == [
        "empty file",
        "extraction failed",
        "extraction failed",
    ]
