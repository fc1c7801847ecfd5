"""What a price is the price of, when a product is named by its size.

Launch coverage prices each model of a range: "Apple will ask $1,099 for the base 13-inch
version and $1,799 for a 15-inch version", "The 15-inch MacBook Pro starts off at
$1,799", "The 13-inch model comes in $1,199 and $1,499 versions". Read as plain amounts
they are a heap of dollars no rule can compare. Read as the price of a model, two outlets'
prices for "the 13-inch MacBook Pro" meet, and a disagreement shows.

A price is keyed by:

- the model: the size written with it ("13-inch", "15”") and the product line named
  right after it ("MacBook Pro", "Air"), else the one line the sentence names, else the
  one line the article names. A size with no line stays a bare "13-inch", never merged
  with a line's, and names no subject the rules can be sure of (``identity``);
- its tier: the model's "price" (what "starts at", "base", "costs" or "will sell for"
  give, and the lowest of several prices the sentence gives the model), or the "price
  of a higher configuration" ("an upgraded 15-inch model", the dearer of "$1,199 and
  $1,499 versions"). Only prices of one tier are compared.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assistant.model import Bound, Quantity, Span
from assistant.normalize.numbers import CURRENCIES, QuantityMatch

# "13-inch", "15 inch", "11.6-inch", "13”": a size that names a model of a range.
_SIZE = re.compile(r"\b(?P<size>\d{1,2}(?:\.\d)?)(?:[- ]?inch(?:es)?\b|[\"”](?!\w))")
# The product line written right after the size: "MacBook Pro", "Air", "iPad mini".
_LINE_AFTER = re.compile(
    r"\s+(?:(?:model|version|option)\s+(?:of\s+the\s+)?)?"
    r"(?P<line>(?:[A-Z][\w]*|[a-z]+[A-Z]\w*)(?:\s+(?:[A-Z][\w]*|[a-z]+[A-Z]\w*|mini|\d{1,2}))*)"
)
# A line named anywhere: a word with a capital inside ("MacBook", "iPhone") and what
# follows it in capitals ("MacBook Pro", "iPhone 5").
_LINE_ANYWHERE = re.compile(r"\b(?P<line>[A-Za-z]+[a-z][A-Z]\w*(?:\s+(?:[A-Z]\w*|\d{1,2}))*)")
_NOT_LINES = frozenset({"The", "A", "An", "And", "With", "For", "In", "On", "But", "While"})

_HIGHER = re.compile(
    r"\b(?:upgraded|higher[- ]end|high[- ]end|top[- ]end|top[- ]of[- ]the[- ]line|"
    r"higher[- ]tier|high[- ]tier|higher[- ]spec(?:ced)?|maxed(?:[- ]out)?|fully[- ]loaded|"
    r"better[- ]equipped|pricier|more\s+expensive|the\s+option\s+(?:for|of)|"
    r"configur(?:ed|ation|able)|build[- ]to[- ]order)\b",
    re.IGNORECASE,
)
HIGHER_PRICE = "price of a higher configuration"
PRICE = "price"


@dataclass(frozen=True, slots=True)
class PricedModel:
    """A price read as the price of a model: the "price" of "13-inch MacBook Pro"."""

    subject: str
    metric: str


def product_lines(text: str) -> dict[str, str]:
    """The product lines the article names, as written, each mapped to its full form:
    named right after a size ("13-inch MacBook Pro", "11-inch Air") or by a word with a
    capital inside ("MacBook Air"); a short form maps to the one longer line it ends
    ("Air" to "MacBook Air")."""
    found = {
        after.group("line")
        for size in _SIZE.finditer(text)
        if (after := _LINE_AFTER.match(text, size.end())) and _is_line(after.group("line"))
    }
    found |= {m.group("line") for m in _LINE_ANYWHERE.finditer(text)}
    return _fold_lines(found)


def priced_model(
    text: str,
    sentence: Span,
    clause: Span,
    q: QuantityMatch,
    siblings: Sequence[QuantityMatch],
    lines: Mapping[str, str],
) -> PricedModel | None:
    """The model and tier of the price ``q`` in ``sentence`` (its clause ``clause``,
    the sentence's other figures ``siblings``), or None when no size names a model."""
    if q.quantity.unit not in CURRENCIES or _is_change(text, q):
        return None
    size = _size_for(text, sentence, clause, q)
    if size is None:
        return None
    line = _line_for(text, sentence, size, lines)
    written = f"{size.group('size')}-inch"
    subject = f"{written} {line}" if line else written
    return PricedModel(subject, _tier(text, sentence, clause, q, size, siblings))


# One end of a price range: "$1099", "US$999", "$1,799".
_AMOUNT = re.compile(r"(?:US)?[$€£]\s?\d[\d,]*(?:\.\d+)?")


def range_ends(text: str, q: QuantityMatch) -> tuple[Quantity, Quantity] | None:
    """The two prices of a model's price range ("$1099 to $1499", "between $1799 and
    $2199") as exact figures with their places; None when ``q`` is no such range."""
    if q.quantity.upper is None:
        return None
    found = list(_AMOUNT.finditer(text, q.span.start, q.span.end))
    if len(found) != 2:
        return None
    low, high = (
        Quantity(
            value=value,
            bound=Bound.exact,
            text=m.group(0),
            span=Span(start=m.start(), end=m.end()),
        )
        for m, value in zip(found, (q.quantity.value, q.quantity.upper), strict=True)
    )
    return low, high


def _size_for(text: str, sentence: Span, clause: Span, q: QuantityMatch) -> re.Match[str] | None:
    """The size the price is for: the one in its clause nearest the figure, else the
    last one before the figure in the sentence ("comes in $1,199 and $1,499 versions")."""
    in_clause = list(_SIZE.finditer(text, clause.start, clause.end))
    if in_clause:
        return min(in_clause, key=lambda m: abs(m.start() - q.span.start))
    before = list(_SIZE.finditer(text, sentence.start, q.span.start))
    return before[-1] if before else None


def _line_for(
    text: str, sentence: Span, size: re.Match[str], lines: Mapping[str, str]
) -> str | None:
    """The product line of the model: named right after its size, else the one line the
    sentence names, else the one line the article names."""
    after = _LINE_AFTER.match(text, size.end(), sentence.end)
    if after and _is_line(after.group("line")):
        return lines.get(after.group("line"), after.group("line"))
    said = text[sentence.start : sentence.end]
    named = {
        full for written, full in lines.items() if re.search(rf"\b{re.escape(written)}\b", said)
    }
    if len(named) == 1:
        return named.pop()
    everywhere = set(lines.values())
    if not named and len(everywhere) == 1:
        return everywhere.pop()
    return None


def _tier(
    text: str,
    sentence: Span,
    clause: Span,
    q: QuantityMatch,
    size: re.Match[str],
    siblings: Sequence[QuantityMatch],
) -> str:
    """HIGHER_PRICE when the words before the figure or its size mark a dearer
    configuration ("an upgraded 15-inch model going for"), or the sentence gives the same
    size a lower price too ("$1,199 and $1,499 versions"); else PRICE."""
    start = max(sentence.start, min(clause.start, size.start() - 30))
    if _HIGHER.search(text, start, max(q.span.start, size.start())):
        return HIGHER_PRICE
    same_model = [
        other
        for other in siblings
        if other.quantity.unit == q.quantity.unit
        and not _is_change(text, other)
        and (other_size := _size_for(text, sentence, _clause_of(other, clause, q), other))
        is not None
        and other_size.group("size") == size.group("size")
    ]
    if len(same_model) > 1 and q.quantity.value > min(o.quantity.value for o in same_model):
        return HIGHER_PRICE
    return PRICE


# "has dropped $100 to $1199", "$100 cheaper than its predecessor": how much a price
# changed, not a price.
_CHANGE_BEFORE = re.compile(
    r"\b(?:dropped|drops?|fell|falls?|cut|cuts|reduced|slashed|lowered|raised|rose|rises?|"
    r"increased|down|up)(?:\s+by)?\s*$",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(r"\s+(?:cheaper|less|more|off|lower|higher|dearer)\b", re.IGNORECASE)


def _is_change(text: str, q: QuantityMatch) -> bool:
    return bool(
        _CHANGE_BEFORE.search(text, max(0, q.span.start - 30), q.span.start)
        or _CHANGE_AFTER.match(text, q.span.end)
    )


def _clause_of(other: QuantityMatch, clause: Span, q: QuantityMatch) -> Span:
    """The clause to look for ``other``'s size in: ``clause`` for ``q`` itself, else the
    figure alone (its size is then the last one before it in the sentence)."""
    return clause if other is q else other.span


def _is_line(line: str) -> bool:
    return line.split()[0] not in _NOT_LINES


def _fold_lines(found: set[str]) -> dict[str, str]:
    """Each line as written mapped to its full form: the one longer line it ends ("Air":
    "MacBook Air"), else itself; lines differing only in case are one ("Macbook Air")."""
    spelling: dict[str, str] = {}
    for line in sorted(found):  # "MacBook Air" sorts before "Macbook Air": one spelling
        spelling.setdefault(line.lower(), line)
    names = set(spelling.values())
    folded: dict[str, str] = {}
    for line in found:
        one = spelling[line.lower()]
        longer = [other for other in names if other.lower().endswith(" " + one.lower())]
        folded[line] = longer[0] if len(longer) == 1 else one
    return folded
