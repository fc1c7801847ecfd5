"""Tag the lines of an article that are not article text.

Scraped and pasted articles carry furniture: the headline, photo captions and credits,
app and newsletter promos, all-caps teasers for other stories, machine-translation
banners, contact and copyright footers. Extraction takes claims from body text only (a
caption may still carry a claim: it is kept and tagged ``caption``). Only the non-body
segments are stored; ``Article.tag_at`` answers ``body`` for everything else.

A line is one ``\\n``-separated line of the cleaned text. The lexicon below is data:
extend a tuple rather than adding a branch. Prefixes are matched against the line's
*key* -- casefolded, leading decoration (markdown emphasis, bullets, brackets)
removed -- and only at a word boundary, so "subscribe" does not match "Subscribers".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence

from assistant.model import Segment, SegmentTag, Span

# A caption says what a photo shows. It may still state a fact, so it stays in the text.
CAPTION_PREFIXES: tuple[str, ...] = (
    "photo:",
    "photos:",
    "caption:",
    "pictured:",
    "above:",
    "image:",
    "picture:",
    "file photo:",
)
# A caption that ends with its credit: "... (Photo: Jane Doe/Agency)", "... (AP Photo/
# Jane Doe)", Guardian-style "... Photograph: Jane Doe/Reuters". Searched in the last
# 200 characters of the line only, which also keeps it linear on huge lines.
CAPTION_CREDIT_END = re.compile(
    r"(?:\((?:[^()]{0,40}\s)?(?:photo|photograph|picture|image|foto)s?\s*(?::|/|\bby\b)[^()]{1,80}\)"
    r"|\b(?:photograph|photo|picture|image)s?\s*:\s*[^.!?()]{1,80}"
    r")\s*$",
    re.IGNORECASE,
)

# Credits and byline furniture: who took the photo or wrote the piece, not what happened.
CREDIT_PREFIXES: tuple[str, ...] = (
    "photo by",
    "photos by",
    "photograph by",
    "photographs by",
    "photograph:",
    "photo credit",
    "image credit",
    "picture credit",
    "credit:",
    "credits:",
    "illustration by",
    "©",
    "reporting by",
    "additional reporting by",
    "editing by",
    "writing by",
    "compiled by",
    # A wire's note on what an update changed: "(Updates with minister's comments,
    # paragraphs 5-7)", "(Adds details in paragraph 3)", "(Recasts, adds quotes)".
    "updates with",
    "updates to add",
    "updates throughout",
    "adds details",
    "adds quotes",
    "adds quote",
    "adds comment",
    "adds comments",
    "adds background",
    "adds byline",
    "recasts",
    "refiles",
    "writethru",
    "new throughout",
    "changes headline",
    "changes dateline",
)
# "Jane Doe/Reuters", "AP Photo/Jane Doe", or the agency alone under a picture.
PHOTO_AGENCIES: tuple[str, ...] = (
    "ap",
    "ap photo",
    "afp",
    "afp photo",
    "reuters",
    "getty",
    "getty images",
    "epa",
    "epa-efe",
    "efe",
    "dpa",
    "anadolu",
    "anadolu agency",
    "xinhua",
    "bloomberg",
    "shutterstock",
    "alamy",
    "pa",
    "pa wire",
    "pa images",
    "ansa",
    "sipa",
    "zuma",
    "aap",
    "handout",
    "supplied",
    "courtesy",
)
# Small words allowed between the capitalised names of a byline ("By Ana de la Cruz").
BYLINE_CONNECTORS = frozenset(
    {"and", "&", "in", "of", "for", "the", "de", "la", "van", "von", "al"}
)

# Calls to action: apps, subscriptions, links to elsewhere.
PROMO_PREFIXES: tuple[str, ...] = (
    "click here",
    "tap here",
    "subscribe",
    "sign up for",
    "sign up to",
    "sign up now",
    "sign up here",
    "read more:",
    "read more »",
    "read more >",
    "watch:",
    "watch now",
    "listen:",
    "listen now",
    "see also:",
    "also read:",
    "recommended:",
    "don't miss:",
    "story continues below",
    "continue reading",
)
# Promos that are a whole line (after trailing punctuation and arrows are removed).
PROMO_LINES: tuple[str, ...] = ("read more", "advertisement", "sponsored content", "watch", "share")
# Promos anywhere in a line, unless quoted ('"Click here," the scam text read').
PROMO_PHRASES: tuple[str, ...] = ("click here", "tap here", "download our app")
PROMO_APP = re.compile(r"^(?:download|get|install) (?:our|the)\b.{0,40}\bapps?\b")
PROMO_NEWSLETTER = re.compile(r"\b(?:our|sign up|subscribe)\b.{0,40}\bnewsletters?\b")
_QUOTES = "\"'“‘«"

# Stories that tell the reader they were machine-translated.
TRANSLATION_BANNER = re.compile(
    r"^(?:this (?:article|story|text|page|content|report) (?:was|has been|is|may have been) )?"
    r"(?:machine[- ]translated|auto(?:matically|-)? ?translated|translated automatically"
    r"|translated (?:using|with|by) (?:ai|an ai|a machine|machine translation"
    r"|google translate|deepl)\b)"
)

# Contact, social and copyright lines below the story.
FOOTER_PREFIXES: tuple[str, ...] = (
    "contact us",
    "follow us",
    "for more information, contact",
    "to contact the reporter",
    "to contact the editor",
    "send us a tip",
    "got a news tip",
    "have a news tip",
)
FOOTER_PHRASES: tuple[str, ...] = ("all rights reserved",)
# "Copyright 2026 ...", "Copyright © The Daily"; "Copyright claims rose ..." is news.
COPYRIGHT = re.compile(r"^copyright\s*(?:©|\d{4})")
EMAIL_LINE = re.compile(r"^(?:e-?mail(?: us)?:?\s*)?<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?\.?$")
# A horizontal rule near the end sets off a footer; everything after it is furniture
# when it is this short (a rule mid-article is a section break, not a footer).
RULE = re.compile(r"(?:-{3,}|\*{3,}|_{3,}|={3,}|—{2,})")
FOOTER_AFTER_RULE_MAX_LINES = 8

# Links to other stories: "MORE: CELEBRITY CHEF OPENS RESTAURANT", or any short
# all-caps line that is not a sentence. Mixed-case lines need one of these prefixes.
TEASER_PREFIXES: tuple[str, ...] = ("more:", "related:", "trending:", "most read:", "up next:")
TEASER_MIN_WORDS = 3
TEASER_MAX_WORDS = 20
# A line is all caps when this share of its cased letters is upper case (McDONALD'S).
CAPS_RATIO = 0.9
CAPS_MIN_LETTERS = 8

# A first line that is its own paragraph, this short, and not a sentence is a headline.
TITLE_MAX_WORDS = 25
_NOT_TITLE_ENDINGS = (".", ",", ";", ":")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+(.+?)(?:\s+#+)?")

# Markup and bullets in front of a line; quote marks are not decoration: a quoted
# "Click here" is reported speech.
_DECORATION = re.compile(r"^(?:[\s*_>#•·\[(]+|[-–—]\s+)+")
_TRAILING_PUNCTUATION = " .:!»>→|-–—)]*_"
_TITLE_SEPARATORS = ("|", "-", "–", "—", ":")


def _prefix_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """One regex for a tuple of prefixes, matching only where a word ends."""
    alternatives = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?:(?<=\W)|(?!\w))")


_CAPTION_START = _prefix_pattern(CAPTION_PREFIXES)
_CREDIT_START = _prefix_pattern(CREDIT_PREFIXES)
_PROMO_START = _prefix_pattern(PROMO_PREFIXES)
_FOOTER_START = _prefix_pattern(FOOTER_PREFIXES)
_TEASER_START = _prefix_pattern(TEASER_PREFIXES)


def classify_line(line: str, *, caps_teasers: bool = True) -> SegmentTag:
    """What kind of line ``line`` is, without context; ``body`` when nothing matches.

    ``caps_teasers=False`` turns off the all-caps teaser rule, for articles that are
    written in capitals throughout (old wire copy).
    """
    line = line.strip()
    if line[:3].casefold() == "(c)":
        line = "©" + line[3:]
    plain = _DECORATION.sub("", line)
    key = " ".join(plain.split()).casefold()
    if not key:
        return SegmentTag.body
    if TRANSLATION_BANNER.match(key):
        return SegmentTag.translation_banner
    if _CAPTION_START.match(key):
        return SegmentTag.caption
    if (
        _FOOTER_START.match(key)
        or any(phrase in key for phrase in FOOTER_PHRASES)
        or COPYRIGHT.match(key)
        or EMAIL_LINE.match(key)
    ):
        return SegmentTag.footer
    if _CREDIT_START.match(key) or _is_agency_credit(key) or _is_byline(plain):
        return SegmentTag.credit
    if CAPTION_CREDIT_END.search(line[-200:]):
        return SegmentTag.caption
    if (
        _PROMO_START.match(key)
        or key.rstrip(_TRAILING_PUNCTUATION) in PROMO_LINES
        or any(_contains_unquoted(key, phrase) for phrase in PROMO_PHRASES)
        or PROMO_APP.match(key)
        or PROMO_NEWSLETTER.search(key)
    ):
        return SegmentTag.promo
    if _is_teaser(key, plain, caps_teasers=caps_teasers):
        return SegmentTag.teaser
    return SegmentTag.body


def tag_segments(
    text: str, *, title: str | None = None, known: Sequence[Segment] = ()
) -> list[Segment]:
    """The non-body segments of ``text``, ordered, adjacent ones of a tag merged.

    ``known`` are segments the format already identified (an HTML figcaption); their
    lines are not classified again. The first line is the headline when it is the
    ``title``.
    """
    lines = list(_lines(text))
    caps_teasers = not _mostly_caps(line for _, line in lines)
    footer_from = _footer_start(lines)
    known = sorted(known, key=lambda s: s.span.start)
    known_starts = [s.span.start for s in known]
    segments = list(known)
    for index, (start, line) in enumerate(lines):
        before = bisect_right(known_starts, start) - 1
        if before >= 0 and start < known[before].span.end:
            continue  # inside a segment the markup already tagged
        if index == 0 and title is not None and _same_heading(line, title):
            tag = SegmentTag.headline
        elif footer_from is not None and index >= footer_from:
            tag = SegmentTag.footer
        else:
            tag = classify_line(line, caps_teasers=caps_teasers)
        if tag is not SegmentTag.body:
            segments.append(Segment(span=Span(start=start, end=start + len(line)), tag=tag))
    return _merge(sorted(segments, key=lambda s: s.span.start), text)


def guess_title(text: str) -> str | None:
    """The headline of a text that has no title in its metadata, if it starts with one.

    A markdown heading on the first line is one; so is a short first line that stands
    as its own paragraph, is not a sentence and is not furniture.
    """
    first, _, rest = text.partition("\n")
    first = first.strip()
    heading = _MARKDOWN_HEADING.fullmatch(first)
    if heading:
        return heading.group(1).strip()
    if not rest.startswith("\n") or not rest.strip():
        return None
    if not 2 <= len(first.split()) <= TITLE_MAX_WORDS or first.endswith(_NOT_TITLE_ENDINGS):
        return None
    # An all-caps first line is the story's own headline, not a teaser for another.
    if classify_line(first) in (SegmentTag.body, SegmentTag.teaser):
        return first
    return None


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for each non-blank line, leading indentation excluded."""
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.lstrip()
        if stripped:
            yield offset + len(raw) - len(stripped), stripped
        offset += len(raw) + 1


def _contains_unquoted(key: str, phrase: str) -> bool:
    start = key.find(phrase)
    while start != -1:
        if start == 0 or key[start - 1] not in _QUOTES:
            return True
        start = key.find(phrase, start + 1)
    return False


def _is_agency_credit(key: str) -> bool:
    if len(key) > 100:
        return False
    head, slash, tail = key.rpartition("/")
    tail = tail.split(" via ")[0].strip(" .")
    if not slash:
        return tail in PHOTO_AGENCIES
    if tail in PHOTO_AGENCIES:
        return len(head.split()) <= 5
    return len(head.split()) <= 3 and head.endswith(("photo", "photos"))


def _is_byline(plain: str) -> bool:
    """ "By Jane Doe and John Smith, Reuters": "By" and capitalised names only."""
    words = [w.strip(",;|·") for w in plain.split()]
    if not 2 <= len(words) <= 10 or words[0].casefold() != "by" or plain.endswith("."):
        return False
    names = [w for w in words[1:] if w]
    return bool(names) and all(w[0].isupper() or w.casefold() in BYLINE_CONNECTORS for w in names)


def _is_teaser(key: str, plain: str, *, caps_teasers: bool) -> bool:
    words = len(plain.split())
    if _TEASER_START.match(key) and words >= TEASER_MIN_WORDS:
        return True
    return (
        caps_teasers
        and TEASER_MIN_WORDS <= words <= TEASER_MAX_WORDS
        and not plain.rstrip("\"'”’)]").endswith(".")
        and _is_caps(plain)
    )


def _is_caps(line: str) -> bool:
    # Counted with map over str methods: every article's lines are counted at ingest.
    upper = sum(map(str.isupper, line))
    lower = sum(map(str.islower, line))
    return upper + lower >= CAPS_MIN_LETTERS and upper >= CAPS_RATIO * (upper + lower)


def _mostly_caps(lines: Iterable[str]) -> bool:
    """Most lines are capitals: the article itself is shouted, caps mean nothing."""
    cased = [_is_caps(line) for line in lines if sum(map(str.isalpha, line)) >= CAPS_MIN_LETTERS]
    return len(cased) >= 2 and sum(cased) * 2 >= len(cased)


def _footer_start(lines: Sequence[tuple[int, str]]) -> int | None:
    """Index of a rule in the last few lines with more of the article above it."""
    tail = lines[-(FOOTER_AFTER_RULE_MAX_LINES + 1) :]
    for back, (_, line) in enumerate(reversed(tail)):
        if RULE.fullmatch(line):
            index = len(lines) - 1 - back
            return index if index > len(lines) - 1 - index else None
    return None


def _same_heading(line: str, title: str) -> bool:
    """``line`` is ``title``, perhaps as a markdown heading or without a site suffix."""
    a, b = _heading_key(line), _heading_key(title)
    if not a:
        return False
    return a == b or (b.startswith(a) and b[len(a) :].lstrip().startswith(_TITLE_SEPARATORS))


def _heading_key(value: str) -> str:
    value = value.strip()
    heading = _MARKDOWN_HEADING.fullmatch(value)
    if heading:
        value = heading.group(1)
    return " ".join(value.split()).casefold().rstrip(".")


def _merge(segments: list[Segment], text: str) -> list[Segment]:
    """Join neighbours with the same tag when only whitespace lies between them."""
    merged: list[Segment] = []
    for seg in segments:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.tag is seg.tag
            and not text[last.span.end : seg.span.start].strip()
        ):
            merged[-1] = Segment(span=Span(start=last.span.start, end=seg.span.end), tag=seg.tag)
        else:
            merged.append(seg)
    return merged
