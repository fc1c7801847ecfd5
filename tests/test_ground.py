"""ground.locate: a quote is grounded only if it is literally in the article."""

from __future__ import annotations

import pytest

from assistant.ground import _fold, fold, locate
from assistant.model import Grounding

TEXT = (
    "Officials said 2,417 people were evacuated on Monday.\n\n"
    "“We are doing everything we can,” the mayor said — adding that\n"
    "rescue teams  were still   at work.\n\n"
    "Officials said 2,417 people were evacuated on Monday."
)


def spanned(quote: str, start_hint: int = 0) -> tuple[str, Grounding]:
    found = locate(quote, TEXT, start_hint)
    assert found is not None
    span, grounding = found
    return TEXT[span.start : span.end], grounding


def test_exact_quote_is_found_byte_for_byte() -> None:
    assert spanned("2,417 people were evacuated") == (
        "2,417 people were evacuated",
        Grounding.exact,
    )


def test_surrounding_whitespace_of_the_quote_is_ignored() -> None:
    assert spanned("  the mayor said \n") == ("the mayor said", Grounding.exact)


def test_whitespace_runs_and_line_breaks_match_single_spaces() -> None:
    text, grounding = spanned("adding that rescue teams were still at work.")
    assert text == "adding that\nrescue teams  were still   at work."
    assert grounding is Grounding.normalized


def test_straight_quotes_and_hyphens_match_curly_quotes_and_dashes() -> None:
    text, grounding = spanned('"We are doing everything we can," the mayor said - adding')
    assert text == "“We are doing everything we can,” the mayor said — adding"
    assert grounding is Grounding.normalized


def test_a_changed_word_is_not_a_match() -> None:
    assert locate("2,418 people were evacuated", TEXT) is None
    assert locate("officials said 2,417", TEXT) is None  # case matters: literal match


def test_empty_quote_is_not_grounded() -> None:
    assert locate("   ", TEXT) is None


def test_regex_syntax_in_a_quote_is_plain_text() -> None:
    assert locate("evacuated.*Monday", TEXT) is None
    assert locate("(", "a (b) c") is not None


def test_repeated_quote_resolves_to_the_occurrence_nearest_the_hint() -> None:
    quote = "Officials said 2,417 people"
    first = locate(quote, TEXT, start_hint=0)
    second = locate(quote, TEXT, start_hint=len(TEXT) - 10)
    assert first is not None and second is not None
    assert first[0].start == 0
    assert second[0].start == TEXT.rindex(quote)


def test_nearest_occurrence_also_applies_to_normalized_matches() -> None:
    text = "a  b x a\nb"
    found = locate("a b", text, start_hint=6)
    assert found is not None
    assert found[0].start == 7 and found[1] is Grounding.normalized


def test_fold_maps_variants_to_one_form() -> None:
    assert fold("“It’s\u00a0a\u200b\tdone–deal…”") == '"It\'s a done-deal..."'


@pytest.mark.parametrize(
    "text",
    [
        "plain text",
        "  two\t\ttabs\n\nand a blank line  ",
        "a \u200b b",  # an invisible character between two spaces: one run
        "soft\u00adhyphen and\ufeffBOM",
        "\u201ccurly\u201d \u2018quotes\u2019 \u2014 dashes \u2013 and\u2026",
        "no-break\u00a0space, ideographic\u3000space, line\u2028separator",
        "\x1c\x1d\x1e\x1f control separators are whitespace to str.isspace",
        "",
    ],
)
def test_fold_is_the_folded_text_locate_compares_in(text: str) -> None:
    assert fold(text) == _fold(text)[0]
