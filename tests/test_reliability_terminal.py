"""Nothing from outside drives the editor's terminal: whole escape sequences go from
article text, and file names, model and server texts on stderr are made inert."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.cli import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL, _OneLineFormatter, main
from assistant.extract.offline import OfflineExtractor
from assistant.model import Article, ExtractionResult, ExtractionStatus
from assistant.text import one_line, strip_controls

pytestmark = pytest.mark.reliability

BODY = "More than 1,000 people were evacuated on Monday, the interior ministry said.\n"
TERMINAL_BYTES = "\x1b\x07\x9b\x9d\x90"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        pytest.param("a\x1b]0;HACKED\x07b", "ab", id="osc-bel"),
        pytest.param("a\x1b]52;c;ZXZpbA==\x1b\\b", "ab", id="osc-st"),
        pytest.param("a\x1b]0;HA\x01CKED\x07b", "ab", id="osc-with-a-control-inside"),
        pytest.param("a\x9d0;HACKED\x9cb", "ab", id="osc-8-bit"),
        pytest.param("a\x1bP1$qm\x1b\\b", "ab", id="dcs"),
        pytest.param("a\x1b_payload\x1b\\b", "ab", id="apc"),
        pytest.param("a\x1b^privacy\x1b\\b", "ab", id="pm"),
        pytest.param("a\x1bXstring\x1b\\b", "ab", id="sos"),
        pytest.param("a\x1b[2J\x1b[1;31mb", "ab", id="csi"),
        pytest.param("a\x9b2Jb", "ab", id="csi-8-bit"),
        pytest.param("a\x1b(Bb\x1bc", "ab", id="other-escapes"),
        pytest.param("a\x1b]0;no end\nnext", "a\nnext", id="osc-unterminated"),
        pytest.param("tab\tand\nnewline", "tab\tand\nnewline", id="kept"),
    ],
)
def test_whole_escape_sequences_are_removed(raw: str, clean: str) -> None:
    assert strip_controls(raw) == clean


def test_one_line_also_drops_bidi_controls() -> None:
    assert one_line("evil\u202e.txt\u2066x\u2069 \n y") == "evil.txtx y"


def test_an_osc_payload_becomes_no_part_of_a_claim_or_a_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "osc.txt").write_text(
        "More than 1,000 people were evacuated on Monday, \x1b]0;HACKED\x07the interior "
        "ministry \x1b]0;HACKED\x1b\\said.\n"
    )

    code = main(["report", str(tmp_path), "--llm", "offline", "--format", "json", "-q"])

    out, _ = capsys.readouterr()
    assert code == EXIT_OK
    [entry] = json.loads(out)["inputs"]
    assert entry["claims"]
    assert "HACKED" not in out
    assert "0;" not in json.dumps(entry["claims"])


def test_file_names_with_newlines_and_escapes_are_shown_as_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "two\nlines.txt").write_text(BODY)
    (tmp_path / "clear\x1b[2J.txt").write_text("")
    (tmp_path / "title\x1b]0;HACKED\x07.md").write_text("")

    code = main([
        "report", str(tmp_path), "--llm", "offline", "--format", "json",
        "--published", "2026-03-03",
    ])  # fmt: skip

    out, err = capsys.readouterr()
    assert code == EXIT_PARTIAL
    assert not any(ch in err for ch in TERMINAL_BYTES)
    assert err.splitlines() == [
        f"factcheck: {tmp_path}/clear\\x1b[2J.txt: skipped: empty file",
        f"factcheck: {tmp_path}/title\\x1b]0;HACKED\\x07.md: skipped: empty file",
    ]
    sources = [entry["source"] for entry in json.loads(out)["inputs"]]
    assert f"{tmp_path}/two\\nlines.txt" in sources


def test_an_error_text_from_the_model_reaches_stderr_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    async def refuse(self: OfflineExtractor, article: Article) -> ExtractionResult:
        return ExtractionResult(
            article_id=article.id,
            extractor=self.name,
            status=ExtractionStatus.failed,
            error="refused: \x1b]52;c;cHduZWQ=\x07I can't \x1b]0;HACKED\x07help\n\x1b[2Jwith that",
        )

    monkeypatch.setattr(OfflineExtractor, "extract", refuse)
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.txt").write_text(BODY.replace("1,000", "2,000"))

    main(["report", str(tmp_path), "--llm", "offline", "--published", "2026-03-03"])

    _, err = capsys.readouterr()
    assert "factcheck: a: extraction failed: refused: I can't help with that\n" in err
    assert not any(ch in err for ch in TERMINAL_BYTES)
    assert "HACKED" not in err and "cHduZWQ" not in err


def test_log_lines_quoting_a_server_body_are_one_inert_line() -> None:
    body = "\x1b]0;HACKED\x07oops\nx"
    record = logging.LogRecord(
        "instructor", logging.ERROR, __file__, 1, "retrying: %s", (body,), None
    )

    line = _OneLineFormatter("factcheck: %(name)s: %(message)s").format(record)

    assert line == "factcheck: instructor: retrying: oops x"


def test_a_hostile_refusal_through_the_mocked_llm_reaches_stderr_inert(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    # A real process, so the CLI's own logging setup is what writes stderr; the mock's
    # refusal text is swapped for a hostile one before the run.
    script = (
        "import sys; import assistant.llm.mock.faults as faults; "
        "faults.REFUSAL_TEXT = 'I cannot \\x1b]0;HACKED\\x07help \\x1b]52;c;cHduZWQ=\\x1b\\\\"
        "with \\x1b[2Jthat'; "
        "from assistant.cli import main; sys.exit(main(sys.argv[1:]))"
    )

    run = subprocess.run(
        [
            sys.executable, "-c", script, "report", str(tmp_path), "--llm", "mock",
            "--mock-faults", "refusal=1", "--published", "2026-03-03", "-v",
            "-o", str(tmp_path / "r.json"),
        ],
        capture_output=True, text=True, check=False,
    )  # fmt: skip

    assert run.returncode == EXIT_NOTHING, run.stderr
    assert "I cannot help with that" in run.stderr
    assert not any(ch in run.stderr for ch in TERMINAL_BYTES)
    assert "HACKED" not in run.stderr and "cHduZWQ" not in run.stderr
    assert "Traceback" not in run.stderr
