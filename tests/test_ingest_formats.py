"""Formats: txt, md, html and jsonl give the article text and its metadata."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from assistant.errors import IngestError
from assistant.ingest import IngestDefaults, ingest_paths, ingest_text
from assistant.model import InputStatus, Segment, SegmentTag

BODY = "More than 2,000 people were evacuated on Monday, the civil defence agency said."


def tags(article_text: str, segments: list[Segment]) -> list[tuple[str, str]]:
    return [(s.tag.value, article_text[s.span.start : s.span.end]) for s in segments]


# --------------------------------------------------------------------------- txt


def test_txt_first_line_standing_alone_is_the_title_and_headline() -> None:
    article = ingest_text(f"Floods force thousands from homes\n\n{BODY}\n", source="in/floods.txt")

    assert article.id == "floods"
    assert article.source == "in/floods.txt"
    assert article.title == "Floods force thousands from homes"
    assert tags(article.text, article.segments) == [
        ("headline", "Floods force thousands from homes")
    ]


def test_txt_starting_with_a_sentence_has_no_title() -> None:
    article = ingest_text(f"{BODY}\n\nA second paragraph follows here.", source="a.txt")

    assert article.title is None
    assert article.segments == []


def test_defaults_fill_metadata_a_file_does_not_carry() -> None:
    defaults = IngestDefaults(outlet="The Daily", published=date(2026, 3, 4), language="en")

    article = ingest_text(BODY, source="a.txt", defaults=defaults)

    assert (article.outlet, article.published, article.language) == (
        "The Daily",
        date(2026, 3, 4),
        "en",
    )


# --------------------------------------------------------------------------- md

MARKDOWN = f"""---
title: "Floods: 2,000 evacuated"
outlet: The Daily   # our own paper
date: 2026-03-04
url: https://daily.example/floods
lang: en-GB
tags:
  - floods
  - brazil
---
# Floods: 2,000 evacuated

{BODY}
"""


def test_markdown_front_matter_gives_metadata_and_wins_over_defaults() -> None:
    defaults = IngestDefaults(outlet="CLI outlet", published=date(2020, 1, 1))

    article = ingest_text(MARKDOWN, source="floods.md", fmt="md", defaults=defaults)

    assert article.title == "Floods: 2,000 evacuated"
    assert article.outlet == "The Daily"
    assert article.published == date(2026, 3, 4)
    assert article.url == "https://daily.example/floods"
    assert article.language == "en"
    assert article.text == f"# Floods: 2,000 evacuated\n\n{BODY}"
    assert tags(article.text, article.segments) == [("headline", "# Floods: 2,000 evacuated")]


def test_markdown_heading_becomes_the_title_when_there_is_none() -> None:
    article = ingest_text(f"## Storm hits coast ##\n{BODY}", source="a.md", fmt="md")

    assert article.title == "Storm hits coast"
    assert article.segments[0].tag is SegmentTag.headline


def test_leading_rule_that_is_not_front_matter_stays_text() -> None:
    text = f"---\nA paragraph between rules, not metadata.\n---\n\n{BODY}"

    article = ingest_text(text, source="a.md", fmt="md")

    assert article.text == text
    assert article.outlet is None


def test_unusable_metadata_is_dropped_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(f"---\ndate: next Tuesday\nurl: javascript:alert(1)\n---\n{BODY}\n")

    batch = ingest_paths([path])

    assert batch.articles[0].published is None
    assert batch.articles[0].url is None
    assert batch.inputs[0].status is InputStatus.ok
    assert batch.inputs[0].reason == (
        "publication date 'next Tuesday' not understood; ignored; "
        "url 'javascript:alert(1)' is not an http(s) address; ignored"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-04", date(2026, 3, 4)),
        ("2026-03-04T23:30:00-05:00", date(2026, 3, 4)),
        ("2026/03/04", date(2026, 3, 4)),
        ("Wed, 04 Mar 2026 10:00:00 GMT", date(2026, 3, 4)),
        ("March 4, 2026", date(2026, 3, 4)),
        ("4 March 2026", date(2026, 3, 4)),
    ],
)
def test_publication_date_formats(value: str, expected: date) -> None:
    article = ingest_text(f"---\npublished: {value}\n---\n{BODY}", source="a.md", fmt="md")

    assert article.published == expected


# --------------------------------------------------------------------------- html

PAGE = """<!doctype html>
<html lang="pt-BR"><head><meta charset="utf-8">
<title>Floods in Porto Alegre | The Daily</title>
<meta property="og:site_name" content="The Daily">
<meta property="article:published_time" content="2026-03-04T09:00:00-03:00">
<link rel="canonical" href="https://daily.example/floods">
<script>var tpl = "<p>not article text</p>";</script><style>p { color: red }</style>
</head><body>
<header><nav>Home | World | Sport</nav></header>
<aside><article><p>Celebrity chef opens restaurant: a much longer teaser text that
is not part of the story at all, even though it is the longest article element.</p>
</article></aside>
<article>
  <h1>Floods in Porto Alegre</h1>
  <p>More than 2,000 people   were
     evacuated on Monday, the civil defence <b>agency</b> said.</p>
  <figure><img src="a.jpg"><noscript><img src="a.jpg"> Enable JavaScript</noscript>
    <figcaption>Residents wade through floodwater on Monday.</figcaption></figure>
  <p>The agency said 40 homes were destroyed &amp; 300 damaged.</p>
  <form><button>Subscribe</button></form>
  <p hidden>Hidden text.</p><div aria-hidden="true">Also hidden.</div>
</article>
<footer>© 2026 The Daily</footer>
</body></html>"""


def test_html_main_text_and_metadata() -> None:
    article = ingest_text(PAGE, source="floods.html", fmt="html")

    assert article.text == (
        "Floods in Porto Alegre\n\n"
        "More than 2,000 people were evacuated on Monday, the civil defence agency said.\n\n"
        "Residents wade through floodwater on Monday.\n\n"
        "The agency said 40 homes were destroyed & 300 damaged."
    )
    assert article.title == "Floods in Porto Alegre"  # <title> without " | The Daily"
    assert article.outlet == "The Daily"
    assert article.published == date(2026, 3, 4)
    assert article.url == "https://daily.example/floods"
    assert article.language == "pt"
    assert tags(article.text, article.segments) == [
        ("headline", "Floods in Porto Alegre"),
        ("caption", "Residents wade through floodwater on Monday."),
    ]


def test_html_og_title_wins_and_body_is_used_without_article_or_main() -> None:
    page = """<html><head><meta property="og:title" content="Storm hits coast">
    <title>Storm | Site</title></head><body><nav>Menu</nav>
    <div><p>First paragraph.</p><ul><li>One</li><li>Two<br>lines</li></ul></div>
    <pre>col a   col b
1       2</pre></body></html>"""

    article = ingest_text(page, source="s.html", fmt="html")

    assert article.title == "Storm hits coast"
    assert article.text == "First paragraph.\n\nOne\n\nTwo\nlines\n\ncol a col b\n1 2"


def test_html_main_element_is_used_when_there_is_no_article() -> None:
    page = "<body><div>Sidebar junk</div><main><p>Main text.</p></main></body>"

    assert ingest_text(page, source="m.html", fmt="html").text == "Main text."


def test_html_page_charset_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(
        '<meta charset="koi8-r"><article><p>Наводнение в Москве</p></article>'.encode("koi8-r")
    )

    assert ingest_paths([path]).articles[0].text == "Наводнение в Москве"


def test_html_with_no_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>alert(1)</script></head><body><nav>x</nav></body>")

    record = ingest_paths([path]).inputs[0]

    assert record.status is InputStatus.rejected
    assert record.reason == "no article text (only markup, control characters or blank lines)"


def test_pathologically_nested_html_is_refused_quickly() -> None:
    page = "<div>" * 5000 + "deep" + "</div>" * 5000

    with pytest.raises(IngestError, match="nested more than 1000 levels"):
        ingest_text(page, source="deep.html", fmt="html")


def test_unclosed_paragraphs_are_not_counted_as_nesting() -> None:
    page = "<body>" + "<p>Paragraph text." * 3000

    article = ingest_text(page, source="legacy.html", fmt="html")

    assert article.text.count("Paragraph text.") == 3000


# --------------------------------------------------------------------------- jsonl


def test_jsonl_one_article_per_line_and_a_bad_line_is_reported_alone(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    good = {
        "id": "AP-2026/001",
        "outlet": "AP",
        "title": "Floods",
        "url": "https://ap.example/1",
        "published": "2026-03-04",
        "text": BODY,
        "extra": {"ignored": True},
    }
    lines = [
        json.dumps(good),
        '{"id": "broken", "text": "unterminated',
        "",
        json.dumps({"text": "No id here, so the line number names it."}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": 7, "title": "No text"}),
        json.dumps({"text": 42}),
        "[" * 100_000 + "]" * 100_000,
    ]
    path.write_text("\n".join(lines) + "\n")

    batch = ingest_paths([path])

    assert [(r.source, r.status.value, r.reason, r.article_id) for r in batch.inputs] == [
        (f"{path}#L1", "ok", None, "ap-2026-001"),
        (
            f"{path}#L2",
            "rejected",
            "not valid JSON: Unterminated string starting at (column 26)",
            None,
        ),
        (f"{path}#L4", "ok", None, "feed-l4"),
        (f"{path}#L5", "rejected", "not a JSON object but an array", None),
        (f"{path}#L6", "rejected", 'no "text" field', None),
        (f"{path}#L7", "rejected", '"text" is a number, not a string', None),
        (f"{path}#L8", "rejected", "not valid JSON: nested too deeply", None),
    ]
    first = batch.articles[0]
    assert (first.outlet, first.title, first.url, first.published, first.text) == (
        "AP",
        "Floods",
        "https://ap.example/1",
        date(2026, 3, 4),
        BODY,
    )
    assert first.source == f"{path}#L1"


def test_jsonl_in_utf16_with_crlf_line_ends(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    rows = [json.dumps({"id": n, "text": f"Article {n} — São Paulo."}) for n in (1, 2)]
    path.write_bytes(("\r\n".join(rows)).encode("utf-16"))

    batch = ingest_paths([path])

    assert [a.id for a in batch.articles] == ["1", "2"]
    assert batch.articles[1].text == "Article 2 — São Paulo."


def test_unknown_single_article_format_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown single-article format 'jsonl'"):
        ingest_text("{}", source="x.jsonl", fmt="jsonl")
