"""HTML: the main text of a page and its metadata.

The main text is the longest ``<article>`` (outside navigation and asides), else
``<main>``, else ``[role=main]``, else ``<body>``; page furniture (scripts, navigation,
headers, footers, asides, forms, embeds) is skipped wherever it appears. Each block
element becomes a paragraph; a ``<figcaption>`` becomes a caption block. The page is
never rendered or run: it is parsed as data (selectolax/lexbor).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from assistant.errors import IngestError
from assistant.ingest.document import READ_LIMIT_CHARS, Block, Document, too_long
from assistant.ingest.metadata import Metadata
from assistant.model import SegmentTag

# Never article text, wherever it sits. <header> and <footer> hold bylines, share bars
# and related links; <noscript> holds image fallbacks and "enable JavaScript" notices.
SKIPPED_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
        "form", "button", "select", "textarea", "svg", "math", "iframe", "object",
        "embed", "canvas", "video", "audio", "picture", "img", "head",
    }
)  # fmt: skip
# Elements that start a new paragraph.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "blockquote", "caption", "dd", "details", "div", "dl",
        "dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li",
        "main", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
MAIN_SELECTORS = ("main", '[role="main"]')

# (field, selector, attribute): the first non-empty value of a field wins.
META_SOURCES: tuple[tuple[str, str, str], ...] = (
    ("outlet", 'meta[property="og:site_name"]', "content"),
    ("outlet", 'meta[name="application-name"]', "content"),
    ("published", 'meta[property="article:published_time"]', "content"),
    ("published", 'meta[itemprop="datePublished"]', "content"),
    ("published", 'meta[name="date"]', "content"),
    ("title", 'meta[property="og:title"]', "content"),
    ("title", 'meta[name="twitter:title"]', "content"),
    ("url", 'link[rel~="canonical"]', "href"),
    ("url", 'meta[property="og:url"]', "content"),
    ("language", "html[lang]", "lang"),
    ("language", 'meta[property="og:locale"]', "content"),
)
_TITLE_SUFFIX_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ")

# lexbor's tree builder is quadratic in nesting depth (200,000 nested <div>s take
# minutes), so a hostile page could stall a batch. Real pages nest well under 100
# deep. Depth is estimated with a linear tag scan that ignores void elements and
# elements whose end tag is optional (an unclosed <p> or <li> is not nesting). A "/>"
# closes nothing in HTML (``<div/>`` opens a div, as a browser reads it); only inside
# <svg> and <math> does it end the element.
MAX_DEPTH = 1000
# Walking the tree costs about 5 us per element, whatever the bytes. A heavy news page
# has 5,000-30,000 elements; a page of more is refused by the same linear scan.
MAX_ELEMENTS = 200_000
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(/?)>")
_NOT_NESTING = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup",
        "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
        "html", "head", "body",
    }
)  # fmt: skip
_FOREIGN = frozenset({"svg", "math"})
_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([\w.:-]{1,40})", re.IGNORECASE)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def sniff_charset(data: bytes) -> str | None:
    """The encoding a page declares in ``<meta charset>`` near its start, if any."""
    match = _CHARSET.search(data[:2048])
    return match.group(1).decode("ascii") if match else None


def parse_html(markup: str) -> Document:
    """Main text blocks and metadata of an HTML page.

    Raises ``IngestError`` for markup nested too deeply to be an article page.
    """
    depth, elements = _shape(markup)
    if depth > MAX_DEPTH:
        raise IngestError(f"HTML nested more than {MAX_DEPTH} levels deep; not an article page")
    if elements > MAX_ELEMENTS:
        raise IngestError(
            f"HTML with {elements:,} elements, more than the {MAX_ELEMENTS:,} of any article "
            "page; not an article page"
        )
    tree = LexborHTMLParser(markup)
    blocks: list[Block] = []
    for root in _main_candidates(tree):
        blocks = _paragraphs(root)
        if blocks:
            break
    return Document(blocks=tuple(blocks), meta=_metadata(tree))


def _shape(markup: str) -> tuple[int, int]:
    """(deepest nesting, number of elements) of ``markup``, by one linear tag scan."""
    depth = deepest = foreign = elements = 0
    for match in _TAG.finditer(markup):
        closing, name, self_closing = match.groups()
        name = name.lower()
        elements += 0 if closing else 1
        if name in _FOREIGN:
            foreign = max(0, foreign + (-1 if closing else 0 if self_closing else 1))
        if (self_closing and (foreign or name in _FOREIGN)) or name in _NOT_NESTING:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest, elements


def _main_candidates(tree: LexborHTMLParser) -> Iterator[LexborNode]:
    articles = [node for node in tree.css("article") if not _inside_skipped(node)]
    if articles:
        yield max(articles, key=lambda node: sum(len(b.text) for b in _paragraphs(node)))
    for selector in MAIN_SELECTORS:
        node = tree.css_first(selector)
        if node is not None:
            yield node
    fallback = tree.body or tree.root
    if fallback is not None:
        yield fallback


def _inside_skipped(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in SKIPPED_TAGS:
            return True
        parent = parent.parent
    return False


def _paragraphs(root: LexborNode) -> list[Block]:
    """Text of ``root`` split into blocks. Iterative: deep markup must not recurse."""
    out = _Collector()
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag or ""
        if leaving:
            out.leave(tag)
        elif tag == "-text":
            out.text(node.text_content or "")
        elif tag == "br":
            out.line_break()
        elif not (tag.startswith("-") or tag in SKIPPED_TAGS or _hidden(node)):
            out.enter(tag)
            stack.append((node, True))
            children = list(node.iter(include_text=True))
            stack.extend((child, False) for child in reversed(children))
    out.end_block()
    return out.blocks


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    return "hidden" in attrs or attrs.get("aria-hidden") == "true"


class _Collector:
    """Accumulates inline text into blocks, the way a browser lays out paragraphs."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._captions = 0  # inside a <figcaption> (nesting counted)
        self._pre = 0  # inside a <pre>: its line breaks are real
        self._read = 0  # characters of text so far

    def enter(self, tag: str) -> None:
        self._boundary(tag, +1)

    def leave(self, tag: str) -> None:
        self._boundary(tag, -1)

    def _boundary(self, tag: str, step: int) -> None:
        if tag in BLOCK_TAGS:
            self.end_block()
        if tag == "figcaption":
            self._captions += step
        elif tag == "pre":
            self._pre += step

    def text(self, text: str) -> None:
        if self._pre:
            self._parts.append(text.replace("\r\n", "\n"))
        else:
            self._parts.append(_HTML_SPACE.sub(" ", text))
        self._read += len(self._parts[-1])
        if self._read > READ_LIMIT_CHARS:  # refused anyway: the rest is not walked
            raise IngestError(too_long(self._read, stopped=True))

    def line_break(self) -> None:
        self._parts.append("\n")

    def end_block(self) -> None:
        lines = (_HTML_SPACE.sub(" ", line).strip(" ") for line in "".join(self._parts).split("\n"))
        text = "\n".join(line for line in lines if line)
        self._parts.clear()
        if text:
            tag = SegmentTag.caption if self._captions else None
            self.blocks.append(Block(text, tag))


def _metadata(tree: LexborHTMLParser) -> Metadata:
    found: dict[str, str] = {}
    for field, selector, attribute in META_SOURCES:
        if field in found:
            continue
        node = tree.css_first(selector)
        value = node.attributes.get(attribute) if node is not None else None
        if value and value.strip():
            found[field] = value.strip()
    if "title" not in found:
        title = _page_title(tree, found.get("outlet"))
        if title:
            found["title"] = title
    return Metadata(**found)


def _page_title(tree: LexborHTMLParser, outlet: str | None) -> str | None:
    """``<title>`` without its " | Outlet" suffix, else the first ``<h1>``."""
    node = tree.css_first("head > title")
    title = (node.text() if node is not None else "").strip()
    if title and outlet:
        for separator in _TITLE_SUFFIX_SEPARATORS:
            if title.endswith(separator + outlet):
                return title[: -len(separator + outlet)].strip()
    if title:
        return title
    heading = tree.css_first("h1")
    return heading.text().strip() if heading is not None else None
