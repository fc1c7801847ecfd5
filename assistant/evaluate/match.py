"""Which tool claim answers which gold annotation, by place in the article.

A gold figure is a number at a place; a tool claim with a quantity answers it when the
figure it read lies at that place and has the same value. Matching is one to one: a
second claim for the same figure is a duplicate. Every tool claim with a quantity that
answers nothing is classified, so the harness can say *why* precision is lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from assistant.evaluate.gold import GoldFigure, LoadedPackage, Place
from assistant.extract.offline.lexicon import words
from assistant.model import Claim, Cue, SourceRole

_WORD = re.compile(r"[^\W\d_]{2,}")
_NUMBER = re.compile(r"\d[\d,.]*")


class Miss(StrEnum):
    """Why a tool claim with a figure answers no gold figure."""

    not_a_quantity = "not a quantity"  # no gold figure there: a date, a name, an idiom
    furniture = "furniture"  # a byline, a credit, another story's headline
    wrong_value = "wrong value"  # the right place, the wrong number
    conversion = "conversion"  # "(6 miles)": the same figure in another unit
    duplicate = "duplicate"  # a second claim for a figure already claimed


JUNK = frozenset({Miss.not_a_quantity, Miss.furniture})


@dataclass
class ArticleMatch:
    """The matching of one article's claims against its gold."""

    article_id: str
    claims: list[Claim]
    figure_of: dict[str, str] = field(default_factory=dict)  # claim id -> gold ref
    misses: dict[str, Miss] = field(default_factory=dict)  # claim id -> why unmatched
    at_place: set[str] = field(default_factory=set)  # gold refs some claim lies on
    fragments: set[str] = field(default_factory=set)  # claim ids quoting a fragment
    in_furniture: set[str] = field(default_factory=set)  # claim ids inside furniture
    statement_of: dict[str, str] = field(default_factory=dict)  # gold statement ref -> claim id


def figure_place(text: str, claim: Claim) -> Place | None:
    """Where the claim's figure is: the place the extractor gives, else its number as
    written inside the quote's span, else the quote's span (an LLM may restate it)."""
    if claim.quantity is not None and claim.quantity.span is not None:
        return Place(claim.quantity.span.start, claim.quantity.span.end)
    if claim.span is None:
        return None
    start, end = claim.span.start, claim.span.end
    if claim.quantity is not None:
        written = claim.quantity.text.strip()
        at = text.find(written, start, end) if written else -1
        if at >= 0:
            return Place(at, at + len(written))
    return Place(start, end)


def same_value(gold: GoldFigure, claim: Claim) -> bool:
    """The claim's value is the gold figure's (vague gold figures match by place only)."""
    if gold.vague:
        return True
    q = claim.quantity
    if q is None or gold.value is None:
        return False
    if not _close(q.value, gold.value):
        return False
    return gold.upper is None or q.upper is None or _close(q.upper, gold.upper)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(1e-9, 0.005 * max(abs(a), abs(b)))


def match_article(
    loaded: LoadedPackage, article_id: str, text: str, claims: Sequence[Claim]
) -> ArticleMatch:
    """Match the tool's claims of one article against its gold figures and statements."""
    result = ArticleMatch(article_id, list(claims))
    prefix = article_id + "#"
    golds = {
        ref: (place, loaded.figure(ref))
        for ref, place in loaded.figure_at.items()
        if ref.startswith(prefix)
    }
    furniture = loaded.furniture_at.get(article_id, [])
    candidates: list[tuple[int, int, str, str]] = []  # -value ok, -overlap, claim, gold
    places: dict[str, Place] = {}
    for claim in claims:
        if claim.span is not None:
            if _fragment(claim.quote):
                result.fragments.add(claim.id)
            if any(_covers(p, claim) for p in furniture):
                result.in_furniture.add(claim.id)
        if claim.quantity is None or (place := figure_place(text, claim)) is None:
            continue
        places[claim.id] = place
        for ref, (gplace, gold) in golds.items():
            if gplace.overlaps(place.start, place.end):
                result.at_place.add(ref)
                overlap = min(gplace.end, place.end) - max(gplace.start, place.start)
                candidates.append((0 if same_value(gold, claim) else 1, -overlap, claim.id, ref))
    candidates.sort()
    taken: set[str] = set()
    for wrong, _, claim_id, ref in candidates:
        if wrong or claim_id in result.figure_of or ref in taken:
            continue
        if loaded.figure(ref).conversion_of is not None:
            continue
        result.figure_of[claim_id] = ref
        taken.add(ref)
    for claim_id, place in places.items():
        if claim_id in result.figure_of:
            continue
        result.misses[claim_id] = _why(claim_id, place, candidates, golds, furniture, result)
    _match_statements(loaded, result)
    return result


def _fragment(quote: str) -> bool:
    """A quote an editor cannot read on its own: under three words and not a whole
    sentence ("$184 million", "308 with 33 homers"; "He was 77." is a sentence)."""
    return len(_WORD.findall(quote)) < 3 and not re.search(r"[.!?][\"”’)]*\s*$", quote)


def _covers(place: Place, claim: Claim) -> bool:
    """A furniture piece holds at least half of the claim's quote."""
    if claim.span is None:
        return False
    inside = min(place.end, claim.span.end) - max(place.start, claim.span.start)
    return inside * 2 >= claim.span.end - claim.span.start


def _why(
    claim_id: str,
    place: Place,
    candidates: Iterable[tuple[int, int, str, str]],
    golds: dict[str, tuple[Place, GoldFigure]],
    furniture: Sequence[Place],
    result: ArticleMatch,
) -> Miss:
    refs = [(wrong, ref) for wrong, _, cid, ref in candidates if cid == claim_id]
    if any(golds[ref][1].conversion_of is not None for _, ref in refs):
        return Miss.conversion
    if any(not wrong for wrong, _ in refs):
        return Miss.duplicate
    if refs:
        return Miss.wrong_value
    if claim_id in result.in_furniture or any(
        p.overlaps(place.start, place.end) for p in furniture
    ):
        return Miss.furniture
    return Miss.not_a_quantity


def _match_statements(loaded: LoadedPackage, result: ArticleMatch) -> None:
    """Each gold statement -> the claim whose quote overlaps it most (half of the
    shorter of the two at least), a claim without a figure first."""
    prefix = result.article_id + "#"
    statements = [
        ref for ref in loaded.quote_at if ref.startswith(prefix) and ref not in loaded.figure_at
    ]
    for ref in statements:
        place = loaded.quote_at[ref]
        best: tuple[bool, int, str] | None = None
        for claim in result.claims:
            if claim.span is None:
                continue
            overlap = min(place.end, claim.span.end) - max(place.start, claim.span.start)
            shorter = min(place.end - place.start, claim.span.end - claim.span.start)
            # A statement is answered by a claim without a figure before one with it: in
            # '"...," Hale said, but the 86-year-old building...' the figure is not Hale's.
            rank = (claim.quantity is None, overlap, claim.id)
            if overlap * 2 >= shorter and (best is None or rank[:2] > best[:2]):
                best = rank
        if best is not None:
            result.statement_of[ref] = best[2]


# --------------------------------------------------------------------------- sources

_ARTICLES = frozenset({"the", "a", "an"})
# Words that do not tell one source from another.
_TITLES = words("""
    the a an of said says according to s mr mrs ms dr its his her their spokesman
    spokeswoman spokesperson
    """)


def _tokens(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """(the words that tell a source apart, all its words but articles)."""
    words = re.findall(r"[^\W_]+", name.casefold().replace("’", "'").replace("'s", ""))
    return frozenset(w for w in words if w not in _TITLES), frozenset(words) - _ARTICLES


def tool_sources(claim: Claim) -> tuple[list[str], list[str]]:
    """(original sources, intermediaries) the tool's chain names."""
    originals = [a.name for a in claim.attribution if a.role is SourceRole.original]
    via = [a.name for a in claim.attribution if a.role is SourceRole.intermediary]
    return originals, via


def _names(written: Sequence[str], gold: str, aliases: Sequence[str]) -> bool:
    """A written name that holds every telling word of the gold name or of one of its
    aliases ("Hale" names the alias "Hale" of "Ines Hale"; "police" does not name
    "Philadelphia police"); a name of title words only ("the spokesman") must stand in
    one of them ("a spokesman for Marlow Stores")."""
    names = [_tokens(n) for n in (gold, *aliases)]
    for name in written:
        telling, every = _tokens(name)
        for n_telling, n_every in names:
            if telling and n_telling and n_telling <= telling:
                return True
            if not telling and every and every <= n_every:
                return True
    return False


def same_source(claim: Claim, gold: str | None, aliases: Sequence[str]) -> bool:
    """Whether the tool credits the gold's original source. None in the gold (the outlet's
    own statement) wants no original source; a named one wants it among the originals,
    or, when the tool names none, as the last intermediary (an outlet credited alone:
    "according to Newsday")."""
    originals, via = tool_sources(claim)
    if gold is None:
        return not originals
    if originals:
        return _names(originals, gold, aliases)
    return _names(via[-1:], gold, aliases)


def same_person(a: str, a_aliases: Sequence[str], b: str, b_aliases: Sequence[str]) -> bool:
    """Two gold sources that name one origin."""
    return _names([a, *a_aliases], b, b_aliases)


# --------------------------------------------------------------------------- hedges


def match_cues(gold: Sequence[tuple[Place, str]], tool: Sequence[Cue]) -> tuple[int, int, int, int]:
    """(true positives, tool cues, gold cues, kinds right among the matched) by overlap."""
    matched_gold: set[int] = set()
    tp = kinds = 0
    for cue in tool:
        for i, (place, kind) in enumerate(gold):
            if i not in matched_gold and place.overlaps(cue.span.start, cue.span.end):
                matched_gold.add(i)
                tp += 1
                kinds += cue.kind.value == kind
                break
    return tp, len(tool), len(gold), kinds
