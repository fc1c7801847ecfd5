"""PDF and DOCX articles: read when named or found in a folder, or refused with a reason."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from assistant.ingest import ingest_paths
from assistant.ingest.formats import docx as docx_format
from assistant.model import InputStatus, SegmentTag
from tests.documents import encrypted_pdf_bytes, pdf_bytes, write_docx

PAGE_ONE = [
    "Floods displace thousands in Kestwick",
    "",
    "More than 2,000 people were evacuated on Monday after the river",
    "burst its banks, the civil defence agency said in a state-",
    "ment issued in the afternoon. Rescuers worked through",
    "the night to reach those who had stayed behind.",
    "Officials said 14 homes were destroyed and another 30 were",
    "damaged by the water, which rose faster than forecasters had",
]
PAGE_TWO = ["expected overnight, according to the agency.", "2"]
PARAGRAPHS = [
    "More than 2,000 people were evacuated on Monday after the river burst its banks, the "
    "civil defence agency said in a statement issued in the afternoon. Rescuers worked "
    "through the night to reach those who had stayed behind.",
    "Officials said 14 homes were destroyed and another 30 were damaged by the water, which "
    "rose faster than forecasters had expected overnight, according to the agency.",
]


def test_a_pdf_is_read_as_paragraphs_across_lines_and_pages(tmp_path: Path) -> None:
    (tmp_path / "floods.pdf").write_bytes(pdf_bytes(PAGE_ONE, PAGE_TWO))

    batch = ingest_paths([tmp_path / "floods.pdf"])

    [record] = batch.inputs
    assert (record.status, record.article_id, record.reason) == (InputStatus.ok, "floods", None)
    [article] = batch.articles
    assert article.text == "\n\n".join([PAGE_ONE[0], *PARAGRAPHS, "2"])
    assert article.title == "Floods displace thousands in Kestwick"
    assert article.published is None  # a PDF's own dates are when the file was made


def test_a_pdf_locked_only_by_its_owner_opens_without_a_password(tmp_path: Path) -> None:
    data = encrypted_pdf_bytes(pdf_bytes(PAGE_ONE), user_password="", algorithm="AES-256")
    (tmp_path / "locked.pdf").write_bytes(data)

    batch = ingest_paths([tmp_path / "locked.pdf"])

    assert batch.inputs[0].status is InputStatus.ok
    assert PARAGRAPHS[0][:40] in batch.articles[0].text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            lambda: encrypted_pdf_bytes(
                pdf_bytes(PAGE_ONE), user_password="x", algorithm="RC4-128"
            ),
            "encrypted PDF: it needs a password to open",
        ),
        (lambda: pdf_bytes([], []), "no text in this PDF (a scanned page needs OCR first)"),
        (lambda: b"%PDF-1.7\n" + bytes(range(256)) * 4, "not a readable PDF: "),
        (lambda: pdf_bytes(PAGE_ONE)[:300], "not a readable PDF: "),
    ],
    ids=["password", "scanned", "garbage", "truncated"],
)
def test_a_pdf_that_cannot_be_read_is_rejected_with_its_reason(
    tmp_path: Path, data: object, reason: str
) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(data())  # type: ignore[operator]

    batch = ingest_paths([path])

    [record] = batch.inputs
    assert record.status is InputStatus.rejected
    assert record.reason is not None and record.reason.startswith(reason)
    assert not batch.articles


def test_a_docx_is_read_in_document_order_with_its_title_and_captions(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "Floods Report.docx",
        [
            ("Floods displace thousands", "Title"),
            (PARAGRAPHS[0], None),
            ("Rescuers on Mill Road on Monday. (Photo: J. Doe/Agency)", "Caption"),
            (PARAGRAPHS[1], None),
        ],
        table=[["District", "Evacuated"], ["North", "1,200"]],
    )

    batch = ingest_paths([path])

    [article] = batch.articles
    assert article.id == "floods-report"
    assert article.title == "Floods displace thousands"
    caption = "Rescuers on Mill Road on Monday. (Photo: J. Doe/Agency)"
    assert article.text == "\n\n".join(
        [
            "Floods displace thousands",
            PARAGRAPHS[0],
            caption,
            PARAGRAPHS[1],
            "District | Evacuated",
            "North | 1,200",
        ]
    )
    assert article.tag_at(article.text.index(caption)) is SegmentTag.caption


def test_a_docx_without_a_title_paragraph_uses_its_title_property(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "a.docx", [(PARAGRAPHS[0], None)], title="Kestwick floods")

    assert ingest_paths([path]).articles[0].title == "Kestwick floods"


def test_a_docx_that_cannot_be_read_is_rejected_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "protected.docx").write_bytes(docx_format.OLE_MAGIC + bytes(512))
    (tmp_path / "not-a-zip.docx").write_bytes(b"PK\x03\x04" + bytes(100))
    with zipfile.ZipFile(tmp_path / "other.docx", "w") as archive:
        archive.writestr("readme.txt", "not a Word document")
    big = write_docx(tmp_path / "big.docx", [(PARAGRAPHS[0], None)])
    monkeypatch.setattr(docx_format, "MAX_UNPACKED_BYTES", 1000)

    batch = ingest_paths([tmp_path])

    reasons = {Path(r.source).name: r.reason for r in batch.inputs}
    assert reasons["protected.docx"] == (
        "a password-protected Word document, or an old .doc file: save it as an unprotected .docx"
    )
    assert reasons["not-a-zip.docx"] == "not a readable Word document: not a ZIP file"
    assert (reasons["other.docx"] or "").startswith("not a readable Word document: ")
    assert (reasons[big.name] or "").startswith("a Word document that unpacks to ")
    assert (reasons[big.name] or "").endswith(" bytes; not an article")
    assert not batch.articles


def test_a_folder_reads_pdf_and_docx_and_names_only_unknown_types(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(pdf_bytes(PAGE_ONE, PAGE_TWO))
    write_docx(tmp_path / "b.docx", [(PARAGRAPHS[1], None)])
    (tmp_path / "c.odt").write_bytes(b"PK\x03\x04")
    (tmp_path / "d.doc").write_bytes(docx_format.OLE_MAGIC)

    batch = ingest_paths([tmp_path])

    assert [(Path(r.source).name, r.status) for r in batch.inputs] == [
        ("a.pdf", InputStatus.ok),
        ("b.docx", InputStatus.ok),
    ]
    assert [Path(p).name for p in batch.not_read] == ["c.odt", "d.doc"]


def test_a_pdf_and_its_copy_are_one_input(tmp_path: Path) -> None:
    data = pdf_bytes(PAGE_ONE)
    (tmp_path / "a.pdf").write_bytes(data)
    (tmp_path / "b.pdf").write_bytes(data)

    batch = ingest_paths([tmp_path])

    [record] = batch.inputs
    assert record.also_as == [str(tmp_path / "b.pdf")]


def test_a_zip_feature_the_standard_library_lacks_is_a_reason_not_a_crash(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "new.docx", [(PARAGRAPHS[0], None)])
    data = bytearray(path.read_bytes())
    entry = data.index(b"PK\x01\x02")  # the first central directory entry
    data[entry + 6 : entry + 8] = (148).to_bytes(2, "little")  # "needs zip version 14.8"
    path.write_bytes(bytes(data))

    [record] = ingest_paths([path]).inputs

    assert record.reason == "not a readable Word document: zip file version 14.8"


def test_damaged_pdf_and_docx_files_never_escape_as_an_exception(tmp_path: Path) -> None:
    rng = random.Random(20261207)
    sources = {
        ".pdf": pdf_bytes(PAGE_ONE, PAGE_TWO),
        ".docx": write_docx(tmp_path / "base.docx", [(PARAGRAPHS[0], None)]).read_bytes(),
    }
    paths = []
    for n in range(160):
        suffix = (".pdf", ".docx")[n % 2]
        data = bytearray(sources[suffix])
        for _ in range(rng.randrange(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if n % 5 == 0:
            data = data[: rng.randrange(len(data))]
        path = tmp_path / f"damaged{n}{suffix}"
        path.write_bytes(bytes(data))
        paths.append(path)

    batch = ingest_paths(paths)

    names = {r.source for r in batch.inputs} | {n for r in batch.inputs for n in r.also_as}
    assert names == {str(p) for p in paths}  # every input accounted for, none raised
    assert all(r.reason for r in batch.inputs if r.status is InputStatus.rejected)
