"""Sentence and paragraph splitting with offsets into the article text."""

from __future__ import annotations

from assistant.extract.offline.sentences import MAX_SENTENCE, split_paragraphs, split_sentences


def _texts(text: str, breaks: list[int] | None = None) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, breaks or [])]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "Mr. Smith met Dr. Jones at St. Mary's. George W. Bush was not there."
    assert _texts(text) == [
        "Mr. Smith met Dr. Jones at St. Mary's.",
        "George W. Bush was not there.",
    ]


def test_initialisms_end_a_sentence_only_before_an_opener() -> None:
    text = "The U.S. Navy sent 1.5 tonnes at 5 p.m. Monday. Aid reached the U.S. The rest stayed."
    assert _texts(text) == [
        "The U.S. Navy sent 1.5 tonnes at 5 p.m. Monday.",
        "Aid reached the U.S.",
        "The rest stayed.",
    ]


def test_decimals_questions_and_quotes() -> None:
    text = (
        'Rain reached 3.5 cm. "Is it over?" he asked. '
        '"We lost everything. It lasted four hours," said Anna.'
    )
    assert _texts(text) == [
        "Rain reached 3.5 cm.",
        '"Is it over?" he asked.',
        '"We lost everything. It lasted four hours," said Anna.',
    ]


def test_paragraph_indices_and_markdown_furniture() -> None:
    text = "# Floods hit Kestwick\n\nLONDON (Reuters) - Water rose. It fell.\n\nA new paragraph."
    sentences = split_sentences(text)
    assert [(text[s.start : s.end], s.index, s.paragraph) for s in sentences] == [
        ("Floods hit Kestwick", 0, 0),
        ("Water rose.", 1, 1),
        ("It fell.", 2, 1),
        ("A new paragraph.", 3, 2),
    ]


def test_single_line_breaks_separate_paragraphs_only_without_blank_lines() -> None:
    assert len(split_paragraphs("One line.\nAnother line.")) == 2
    wrapped = "A sentence that wraps\nonto a second line.\n\nNext."
    assert [wrapped[a:b] for a, b in split_paragraphs(wrapped)] == [
        "A sentence that wraps\nonto a second line.",
        "Next.",
    ]


def test_segment_breaks_start_a_new_paragraph() -> None:
    # With blank lines elsewhere, a single line break alone would not split the caption off.
    text = "Body text here.\nPhoto: A caption line.\n\nMore."
    assert [s.paragraph for s in split_sentences(text)] == [0, 0, 1]
    broken = split_sentences(text, [text.index("Photo")])
    assert [(text[s.start : s.end], s.paragraph) for s in broken] == [
        ("Body text here.", 0),
        ("Photo: A caption line.", 1),
        ("More.", 2),
    ]


def test_an_over_long_sentence_is_cut_at_its_clause_boundaries() -> None:
    clause = "water rose along the quay and the harbour wall"
    text = "; ".join([clause] * 40) + ", " + ", ".join([clause] * 40) + "."
    sentences = split_sentences(text)
    assert len(sentences) > 1
    assert all(s.end - s.start <= MAX_SENTENCE for s in sentences)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    # Every piece ends at a boundary, semicolons first, and nothing is lost between them.
    assert all(text[s.end - 1] in ";,." for s in sentences)
    assert "".join(text[s.start : s.end] for s in sentences).replace(" ", "") == text.replace(
        " ", ""
    )


def test_a_line_with_no_space_is_cut_at_the_limit() -> None:
    text = "x" * (MAX_SENTENCE * 2 + 10)
    assert [(s.start, s.end) for s in split_sentences(text)] == [
        (0, MAX_SENTENCE),
        (MAX_SENTENCE, 2 * MAX_SENTENCE),
        (2 * MAX_SENTENCE, len(text)),
    ]
