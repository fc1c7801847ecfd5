"""Decoding that guesses or loses text says so on that input (report notes and stderr)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import EXIT_OK, main
from assistant.ingest.decode import decode_text

pytestmark = pytest.mark.reliability

UTF8_PARAGRAPH = "Le maire a dit que 40 personnes ont été évacuées lundi à Montréal.\n"
CP1252_PARAGRAPH = "The mayor – who said “40 people” – spoke on Monday.\n"


def report(tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes) -> tuple[dict, str]:
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    code = main([
        "report", str(path), "--llm", "offline", "--format", "json",
        "--published", "2026-03-03",
    ])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == EXIT_OK
    [entry] = json.loads(out)["inputs"]
    return entry, err


def test_utf8_cut_inside_its_last_character_stays_utf8_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = (UTF8_PARAGRAPH + "Fermé").encode()[:-1]  # "é" is two bytes: one is left

    entry, err = report(tmp_path, capsys, data)

    assert "été évacuées lundi à Montréal" in json.dumps(entry, ensure_ascii=False)
    note = (
        "the file ends part way through a UTF-8 character (cut short?): "
        "the partial character (1 byte) is shown as \ufffd"
    )
    assert entry["notes"] == [note]
    assert f"story.txt: {note}\n" in err


def test_a_file_mixing_utf8_and_cp1252_paragraphs_keeps_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = UTF8_PARAGRAPH.encode() + b"\n" + CP1252_PARAGRAPH.encode("cp1252")

    entry, _ = report(tmp_path, capsys, data)

    text = json.dumps(entry, ensure_ascii=False)
    assert "évacuées" in text
    assert "The mayor – who said “40 people” – spoke on Monday." in text
    assert entry["notes"] == [
        "mixed encodings: 1 of 2 lines are not UTF-8 and were read as Windows-1252 (cp1252)"
    ]


def test_a_cp1252_file_is_read_with_a_note() -> None:
    assert decode_text(CP1252_PARAGRAPH.encode("cp1252")) == (
        CP1252_PARAGRAPH,
        "not UTF-8: read as Windows-1252 (cp1252)",
    )


def test_a_corrupt_byte_in_a_utf8_line_is_replaced_not_turned_to_mojibake() -> None:
    decoded = decode_text("Montréal: 40 évacués ".encode() + b"\xff" + b" lundi")

    assert decoded.text == "Montréal: 40 évacués \ufffd lundi"
    assert decoded.note == "1 byte not valid as text replaced with \ufffd"


def test_a_page_declaring_latin1_keeps_its_cp1252_quotes() -> None:
    # Browsers read a Latin-1 declaration as Windows-1252, and so do we.
    assert decode_text(b"<p>\x93forty\x94 \x96 est</p>", declared="iso-8859-1") == (
        "<p>“forty” – est</p>",
        None,
    )


def test_clean_utf8_has_no_note() -> None:
    assert decode_text(UTF8_PARAGRAPH.encode()) == (UTF8_PARAGRAPH, None)


def test_a_literal_replacement_character_is_not_counted_as_lost() -> None:
    assert decode_text("a \ufffd b".encode("utf-16")).note is None


def test_a_jsonl_line_in_cp1252_is_read_with_a_note_on_that_line_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "feed.jsonl"
    line = '{{"id": "{}", "text": "{}"}}\n'
    path.write_bytes(
        line.format("one", UTF8_PARAGRAPH.strip()).encode()
        + line.format("two", CP1252_PARAGRAPH.strip()).encode("cp1252")
    )

    code = main([
        "report", str(path), "--llm", "offline", "--format", "json", "--published", "2026-03-03",
    ])  # fmt: skip

    out, _ = capsys.readouterr()
    assert code == EXIT_OK
    one, two = json.loads(out)["inputs"]
    assert one["notes"] == []
    assert two["notes"] == ["not UTF-8: read as Windows-1252 (cp1252)"]
    assert "“40 people”" in json.dumps(two, ensure_ascii=False)
