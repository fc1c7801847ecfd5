"""Decoding: every encoding a newsroom file arrives in reads back as the same text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from assistant.errors import IngestError
from assistant.ingest import ingest_paths
from assistant.ingest.decode import decode_bytes, decode_text
from assistant.model import InputStatus

TEXT = "São Paulo: “2,417” evacuated — €3m in damage, said Zoë Müller.\nSecond line."


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(TEXT.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), id="utf-8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(TEXT.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(TEXT.encode("utf-16-be"), id="utf-16-be-no-bom"),
        pytest.param(TEXT.encode("cp1252"), id="cp1252"),
    ],
)
def test_file_in_any_common_encoding_reads_as_the_same_text(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(data)

    batch = ingest_paths([path])

    assert batch.articles[0].text == TEXT
    assert batch.inputs[0].status is InputStatus.ok


def test_a_byte_that_is_not_text_in_cp1252_is_replaced_and_noted() -> None:
    # 0x81 is undefined in cp1252 (a control character in Latin-1): never article text.
    data = b"The caf\xe9 on the corner reopened \x81 on Monday."

    assert decode_text(data) == (
        "The café on the corner reopened \ufffd on Monday.",
        "not UTF-8: read as Windows-1252 (cp1252); 1 byte not valid as text replaced with \ufffd",
    )


def test_declared_charset_is_used_when_utf8_fails() -> None:
    data = "Привет, мир".encode("koi8-r")

    assert decode_bytes(data, declared="koi8-r") == "Привет, мир"
    assert decode_bytes(data, declared="no-such-codec") != "Привет, мир"


def test_a_utf16_declaration_in_ascii_markup_is_ignored() -> None:
    assert decode_bytes(b"<p>caf\xc3\xa9</p>", declared="utf-16") == "<p>café</p>"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (a PNG image), not text"),
        (b"%PDF-1.7\n%\xe2\xe3", "binary file (a PDF document), not text"),
        (b"PK\x03\x04\x14\x00word/document.xml", "binary file (a ZIP archive, e.g. a .docx)"),
        (b"some text\x00\x00\x01\x02 more \x00 text", "binary file (contains NUL bytes), not text"),
        (bytes(range(1, 32)) * 20, "binary file (mostly control characters), not text"),
    ],
)
def test_binary_data_is_refused_with_what_it_is(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as info:
        decode_bytes(data)

    assert str(info.value).startswith(reason)


def test_a_few_escape_sequences_do_not_make_text_binary() -> None:
    text = "Flood warning \x1b[31mRED\x1b[0m issued on Monday for the whole region."

    assert decode_bytes(text.encode()) == text
