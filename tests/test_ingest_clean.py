"""Cleaning: nothing that can drive a terminal survives; scripts and emoji do."""

from __future__ import annotations

import pytest

from assistant.ingest import ingest_text
from assistant.ingest.clean import clean_inline, clean_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        pytest.param("copy \x1b]52;c;ZXZpbA==\x07 this", "copy  this", id="osc52-clipboard-bel"),
        pytest.param("title \x1b]0;pwned\x1b\\ here", "title  here", id="osc0-title-st"),
        pytest.param("\x1b[31mred\x1b[0m alert", "red alert", id="csi-colour"),
        pytest.param("clear\x9b2J screen", "clear screen", id="8-bit-csi"),
        pytest.param("osc\x9d8;;http://x\x9c link", "osc link", id="8-bit-osc"),
        pytest.param("reset\x1bc now", "reset now", id="esc-final"),
        pytest.param("bell\x07 nul\x00 del\x7f c1\x85x", "bell nul del c1\nx", id="lone-controls"),
        pytest.param("a\r\nb\rc\x0cd", "a\nb\nc\nd", id="newlines"),
        pytest.param("evac\u00aduated \u200bnow\ufeff", "evacuated now", id="invisible"),
        pytest.param("a\u202eevil\u202c b", "aevil b", id="bidi-override"),
        pytest.param("x\U000e0049\U000e0047\U000e004ey", "xy", id="tag-smuggling"),
        pytest.param("bad \ud800 surrogate", "bad  surrogate", id="lone-surrogate"),
        pytest.param(
            "  para one  \n\n\n\n\npara two\t \n", "para one\n\npara two", id="blank-runs"
        ),
        pytest.param("Cafe\u0301", "Café", id="nfc"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_unterminated_osc_goes_to_the_end_of_its_line() -> None:
    cleaned = clean_text("before \x1b]52;c;payload with no end\nnext line")

    assert cleaned == "before\nnext line"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("قال المتحدث إن 2,000 شخص تم إجلاؤهم.", id="arabic"),
        pytest.param("\u200fהדובר אמר כי 40 בתים נהרסו.", id="hebrew-with-rlm"),
        pytest.param("می‌خواهم", id="persian-zwnj"),
        pytest.param("Rescue teams 👩‍🚒🚁 and ❤️ from 🏴󠁧󠁢󠁥󠁮󠁧󠁿 fans", id="emoji-zwj-flag"),
        pytest.param("Tab\tseparated and non\u00a0breaking", id="tab-nbsp"),
    ],
)
def test_scripts_and_emoji_are_kept_exactly(text: str) -> None:
    assert clean_text(text) == text


def test_clean_inline_makes_one_line() -> None:
    assert clean_inline("  Floods\n\tin \x1b[1mBrazil\x1b[0m  ") == "Floods in Brazil"


def test_article_text_is_cleaned_whatever_the_format() -> None:
    html = "<article><p>Alert\x1b]52;c;ZXZpbA==\x07 issued \u202eon Monday.</p></article>"

    article = ingest_text(html, source="a.html", fmt="html")

    assert article.text == "Alert issued on Monday."
