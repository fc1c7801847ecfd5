"""Paragraphs and sentences with character offsets into the article text.

Paragraphs are separated by blank lines (or by single line breaks when the text has no
blank line at all: JSONL and CMS exports often write one paragraph per line). A Markdown
heading is always a paragraph of its own, and so is every segment that ingest tagged
(``breaks``), so a caption never merges into the body around it. A paragraph's leading
block marker ("# ", "> ", "- ") and wire dateline ("LONDON (Reuters) - ") are furniture,
not part of its first sentence.

A sentence ends at ``.``, ``!``, ``?`` or an ellipsis (plus any closing quotes or
brackets) followed by whitespace and a capital letter, a digit or an opening quote -
except after an abbreviation ("Mr.", "Dr.", "St.", "Jan."), an initial ("George W.
Bush") or an initialism ("U.S.", "a.m.") that is not followed by a typical sentence
opener. Decimals ("1.5") never split because no space follows the point, and a
quotation that closes within its paragraph stays whole ('"We lost everything. It lasted
four hours," said Hanne Rusk.' is one sentence: both halves rest on the same speaker).

A "sentence" longer than ``MAX_SENTENCE`` characters (a page with no full stops, a
table flattened into one line) is cut at its last clause boundary - a full stop, then
a semicolon, then a comma, then any space - before the limit, so a claim never quotes
more than one readable clause and the work per sentence stays bounded: splitting, and
everything the extractor does per sentence, is linear in the length of the article.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.extract.offline.lexicon import words

# Never the end of a sentence: titles and words that always precede a name or a number.
ABBREVIATIONS = words("""
    mr mrs ms dr prof st mt ft gen col lt sgt capt cmdr adm maj gov sen rep rev hon pres
    supt insp det cllr no nos vol vols fig figs approx ca cf al vs v e.g i.e
    jan feb mar apr jun jul aug sep sept oct nov dec
    """)
# These may end a sentence, but only when a typical opener follows.
AMBIGUOUS_ENDINGS = words("etc inc ltd co corp jr sr bros plc")
SENTENCE_OPENERS = words("""
    The A An It He She They We I You But And Yet So In On At By For From After Before
    When While As Since Although Though If This That These Those Its Their His Her Our
    There Here Officials Police Authorities Meanwhile However According Some Many Most
    Several No None One Two Three Residents Witnesses Earlier Later
    """)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
_HEADING = re.compile(r"^#{1,6}[ \t]", re.MULTILINE)
# Block markers that are furniture, not words: "# ", "> ", "- ", "* ".
_BLOCK_MARKER = re.compile(r"(?:#{1,6}|>|[-*+•])[ \t]+")
# A wire dateline opening a paragraph: "KESTWICK, March 2 (CPA) - ", "LONDON (Reuters) -".
_DATELINE = re.compile(
    r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3},?(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s*\([^)\n]{1,40}\))?\s*[-–—]\s+"
)
_END = re.compile(r"(?:\.\.\.|…|[.!?])+[\"'”’)\]]*(?=\s+[\"“‘'(\[]*[A-Z0-9])")
# A quotation closed within its paragraph is not split: its sentences share a speaker.
_QUOTATION = re.compile(r'"[^"\n]{1,800}"|“[^”\n]{1,800}”')
_WORD_BEFORE = re.compile(r"(\S+)$")
# How far back to look for the word before a full stop: an abbreviation, an initial or an
# initialism is short, so a longer word is read truncated and is none of them either way.
_WORD_WINDOW = 40
MAX_SENTENCE = 600
# Where an over-long sentence may be cut, best first; a piece is at least a third of the cap.
_LONG_CUTS = (
    re.compile(r"[.!?][\"'”’)\]]*\s+"),
    re.compile(r";\s+"),
    re.compile(r",\s+"),
    re.compile(r"\s+"),
)
_MIN_PIECE = MAX_SENTENCE // 3
_NEXT_WORD = re.compile(r"\s+[\"“‘'(\[]*([A-Za-z]+)")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: ``text[start:end]``, its index and its paragraph's index in the article."""

    start: int
    end: int
    index: int
    paragraph: int


def split_paragraphs(text: str, breaks: Iterable[int] = ()) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-empty paragraph, trimmed of whitespace and of a
    leading Markdown block marker. ``breaks`` are offsets where a paragraph must start
    (segment boundaries). Raises nothing."""
    separator = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else _LINE_BREAK
    cuts = {0, len(text)}
    for m in separator.finditer(text):
        cuts.update((m.start(), m.end()))
    for m in _HEADING.finditer(text):
        line_end = text.find("\n", m.start())
        cuts.update((m.start(), len(text) if line_end == -1 else line_end))
    cuts.update(b for b in breaks if 0 <= b <= len(text))
    ordered = sorted(cuts)
    paragraphs = []
    for start, end in itertools.pairwise(ordered):
        span = _trim(text, start, end)
        if span is not None:
            paragraphs.append(span)
    return paragraphs


def split_sentences(text: str, breaks: Iterable[int] = ()) -> list[Sentence]:
    """Every sentence of ``text`` in order, with article-wide sentence and paragraph
    indices; none longer than ``MAX_SENTENCE`` characters. Raises nothing."""
    spans: list[tuple[int, int, int]] = []  # start, end, paragraph
    for p_index, (p_start, p_end) in enumerate(split_paragraphs(text, breaks)):
        start = p_start
        quotes = [(q.start(), q.end()) for q in _QUOTATION.finditer(text, p_start, p_end)]
        quote_starts = [qs for qs, _ in quotes]
        for m in _END.finditer(text, p_start, p_end):
            if not _inside(quotes, quote_starts, m) and _is_boundary(text, m, p_end):
                spans.extend((s, e, p_index) for s, e in _pieces(text, start, m.end()))
                start = _skip_space(text, m.end())
        if start < p_end:
            spans.extend((s, e, p_index) for s, e in _pieces(text, start, p_end))
    return [Sentence(s, e, i, p) for i, (s, e, p) in enumerate(spans)]


def _inside(quotes: list[tuple[int, int]], quote_starts: list[int], m: re.Match[str]) -> bool:
    """Whether the sentence end ``m`` lies inside a quotation (quotations do not overlap,
    so only the last one opening before it can hold it)."""
    i = bisect.bisect_left(quote_starts, m.start()) - 1
    return i >= 0 and m.end() < quotes[i][1]


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` as one sentence, or cut into pieces of at most
    ``MAX_SENTENCE`` characters at the best boundary before each limit."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        cut = _long_cut(text, start + _MIN_PIECE, start + MAX_SENTENCE)
        piece_end, next_start = cut if cut else (start + MAX_SENTENCE,) * 2
        pieces.append((start, _rstrip(text, start, piece_end)))
        start = _skip_space(text, next_start)
    if start < end:
        pieces.append((start, end))
    return pieces


def _long_cut(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """(end of the piece, start of the next) at the best boundary in ``text[lo:hi]``."""
    for regex in _LONG_CUTS:
        last = None
        for m in regex.finditer(text, lo, hi):
            last = m
        if last is not None:
            return last.start() + len(last.group(0).rstrip()), last.end()
    return None


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _is_boundary(text: str, m: re.Match[str], limit: int) -> bool:
    mark = m.group(0).rstrip("\"'”’)]")
    if mark != ".":
        return True  # "!", "?", "..." and "?!" always end a sentence before a capital
    word_m = _WORD_BEFORE.search(text, max(0, m.start() - _WORD_WINDOW), m.start())
    word = word_m.group(1).lstrip("\"“‘'([") if word_m else ""
    bare = word.lower()
    if bare in ABBREVIATIONS:
        return False
    if re.fullmatch(r"[A-Z]", word):
        return False  # an initial: "George W. Bush"
    if bare in AMBIGUOUS_ENDINGS or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        nxt = _NEXT_WORD.match(text, m.end(), limit)
        return nxt is not None and nxt.group(1) in SENTENCE_OPENERS
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    for furniture in (_BLOCK_MARKER, _DATELINE):
        m = furniture.match(text, start, end)
        if m:
            start = m.end()
    return (start, end) if start < end else None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos
