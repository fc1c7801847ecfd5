"""The gold annotation format (documented in ``tests/gold/README.md``) and its loader.

A gold file annotates one story package of the development corpus. Every annotation
names its place in the article by an exact quote, never by a character offset, so a
reader can write and check it by eye; ``load_gold`` finds each quote in its article and
turns it into spans, and refuses a file whose quotes are not in the text, whose ids
repeat, or whose references point nowhere. Run it on files being written:

    python -m assistant.evaluate.gold tests/gold/packages/*.json
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.model import Bound, HedgeScope

REPO = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = REPO / "tests" / "gold" / "packages"
SECOND_GOLD = REPO / "tests" / "gold" / "second"  # a second reader's files, same names
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


class GoldError(ValueError):
    """A gold file that cannot be used: every problem found, one per line."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GoldFigure(_Strict):
    """A checkable figure: a number stating a quantity of something in the world."""

    id: str
    quote: str = Field(description="Exact text of the sentence or clause holding the figure.")
    figure: str = Field(
        description="Exact text of the number inside the quote, with its bound words."
    )
    nth: int = Field(default=1, ge=1, description="Which occurrence of `figure` in `quote`.")
    value: float | None = Field(
        description="The full value: 3.1 million is 3100000. None if vague."
    )
    upper: float | None = None
    bound: Bound = Bound.exact
    unit: str = Field(description="Count noun ('people') or a measure: USD, percent, km, years.")
    metric: str = Field(description="What is counted or measured: 'people evacuated'.")
    subject: str | None = None
    location: str | None = None
    period: str | None = Field(default=None, description="The time it refers to, if any.")
    source: str | None = Field(description="The original source named, or None: the outlet's own.")
    source_aliases: list[str] = Field(default_factory=list)
    via: list[str] = Field(default_factory=list, description="Wire services, other outlets.")
    main_event: bool = Field(default=True, description="False: background, another event.")
    vague: bool = Field(default=False, description="'hundreds of', 'dozens': place only.")
    conversion_of: str | None = Field(default=None, description="Id of the figure converted.")
    part_of: str | None = Field(default=None, description="Id of the whole this is part of.")
    note: str | None = None


class GoldStatement(_Strict):
    """An attributed statement without a figure, for attribution accuracy."""

    id: str
    quote: str
    source: str | None
    source_aliases: list[str] = Field(default_factory=list)
    via: list[str] = Field(default_factory=list)
    note: str | None = None


class CueKind(StrEnum):
    """The kinds of uncertainty cue a reader marks (approximators are figure bounds)."""

    epistemic_modal = "epistemic_modal"  # may, likely, appears, believed, expected to
    evidential = "evidential"  # reportedly, allegedly, claimed, is said to
    verification_disclaimer = "verification_disclaimer"  # could not be verified
    conditional = "conditional"  # if, unless, whether: not asserted as having happened


class GoldHedge(_Strict):
    """An uncertainty cue: the words that keep a statement from being asserted as fact."""

    quote: str = Field(description="Exact text around the cue, unique in the article.")
    cue: str = Field(description="Exact text of the cue inside the quote.")
    kind: CueKind
    scope: HedgeScope = HedgeScope.clause
    covers: list[str] = Field(default_factory=list, description="Ids of figures/statements.")
    note: str | None = None


class GoldArticle(_Strict):
    id: str
    sha256: str = Field(description="sha256 of the article text annotated.")
    furniture: list[str] = Field(
        default_factory=list, description="Exact text that is not article body."
    )
    figures: list[GoldFigure] = Field(default_factory=list)
    statements: list[GoldStatement] = Field(default_factory=list)
    hedges: list[GoldHedge] = Field(default_factory=list)
    note: str | None = None


class Verdict(StrEnum):
    agree = "agree"
    conflict = "conflict"


class NotComparableReason(StrEnum):
    other_event = "other_event"
    background = "background"
    other_place = "other_place"
    reference_point = "reference_point"
    part_whole = "part_whole"
    conversion = "conversion"
    other_period = "other_period"
    other_metric = "other_metric"
    other_subject = "other_subject"


class SameQuantity(_Strict):
    """Claims in two or more articles that report one quantity: same metric, subject,
    place and period. ``conflict`` when at least two of them cannot both be true."""

    claims: list[str] = Field(min_length=2)
    verdict: Verdict
    what: str
    note: str | None = None


class NotComparable(_Strict):
    """Figures that look alike but must not be compared."""

    claims: list[str] = Field(min_length=2)
    reason: NotComparableReason
    note: str | None = None


class Arithmetic(_Strict):
    """Parts and their stated total within an article."""

    total: str
    parts: list[str] = Field(min_length=1)
    adds_up: bool
    note: str | None = None


class Stale(_Strict):
    """A figure repeated as current after a newer one had been reported."""

    claim: str
    superseded_by: str
    note: str | None = None


class GoldPackage(_Strict):
    package: str
    corpus: str = Field(description="Path of the package's JSONL under the corpus folder.")
    annotator: str
    articles: list[GoldArticle]
    same_quantity: list[SameQuantity] = Field(default_factory=list)
    not_comparable: list[NotComparable] = Field(default_factory=list)
    arithmetic: list[Arithmetic] = Field(default_factory=list)
    stale: list[Stale] = Field(default_factory=list)
    note: str | None = None


# --------------------------------------------------------------------------- located


@dataclass(frozen=True)
class Place:
    """A located annotation: its character range in the article text."""

    start: int
    end: int

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    def within(self, start: int, end: int) -> bool:
        return start <= self.start and self.end <= end


@dataclass(frozen=True)
class Corpus:
    """The articles of one package as the corpus holds them: id -> record."""

    path: Path
    records: dict[str, dict[str, str]]


@dataclass(frozen=True)
class LoadedPackage:
    """A gold package with every quote located in its article."""

    gold: GoldPackage
    path: Path
    corpus: Corpus
    figure_at: dict[str, Place]  # '<article>#<figure id>' -> the figure's place
    quote_at: dict[str, Place]  # '<article>#<id>' -> the quote's place (figures, statements)
    hedge_at: list[tuple[str, Place, GoldHedge]]  # (article, cue place, cue)
    furniture_at: dict[str, list[Place]]

    def figure(self, ref: str) -> GoldFigure:
        article, _, local = ref.partition("#")
        for a in self.gold.articles:
            if a.id == article:
                for f in a.figures:
                    if f.id == local:
                        return f
        raise KeyError(ref)


def read_corpus(path: Path) -> Corpus:
    records: dict[str, dict[str, str]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                records[record["id"]] = record
    return Corpus(path, records)


def load_gold(path: Path, corpus_root: Path = DEFAULT_CORPUS) -> LoadedPackage:
    """The gold package at ``path`` with its corpus articles; raises ``GoldError``
    listing every problem (schema, quotes not found, bad references)."""
    try:
        gold = GoldPackage.model_validate_json(path.read_bytes())
    except ValidationError as e:
        raise GoldError(f"{path}: not a gold package:\n{e}") from None
    corpus_path = corpus_root / gold.corpus
    if not corpus_path.is_file():
        raise GoldError(f"{path}: corpus file {corpus_path} not found (--corpus?)")
    corpus = read_corpus(corpus_path)
    problems: list[str] = []
    figure_at: dict[str, Place] = {}
    quote_at: dict[str, Place] = {}
    hedge_at: list[tuple[str, Place, GoldHedge]] = []
    furniture_at: dict[str, list[Place]] = {}
    annotated = {a.id for a in gold.articles}
    for missing in sorted(set(corpus.records) - annotated):
        problems.append(f"article {missing} of the package is not annotated")
    for article in gold.articles:
        record = corpus.records.get(article.id)
        if record is None:
            problems.append(f"{article.id}: not in {gold.corpus}")
            continue
        text = record["text"]
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != article.sha256:
            problems.append(f"{article.id}: sha256 does not match the corpus text")
        problems.extend(_locate_article(article, text, figure_at, quote_at, hedge_at, furniture_at))
    problems.extend(_check_references(gold, figure_at, quote_at))
    if problems:
        raise GoldError(f"{path}:\n" + "\n".join(f"  - {p}" for p in problems))
    return LoadedPackage(gold, path, corpus, figure_at, quote_at, hedge_at, furniture_at)


def _find(
    text: str, quote: str, within: Place | None = None, nth: int = 1, *, whole: bool = False
) -> Place | None:
    """The ``nth`` occurrence of ``quote`` in ``text`` (inside ``within`` if given); with
    ``whole``, only occurrences that are not part of a longer word or number (the "2" of
    "2 pistols", not the one in "12-gauge")."""
    lo, hi = (within.start, within.end) if within else (0, len(text))
    at, found = lo - 1, 0
    while found < nth:
        at = text.find(quote, at + 1, hi)
        if at < 0:
            return None
        end = at + len(quote)
        inside = (at > 0 and _same_class(text[at - 1], quote[0])) or (
            end < len(text) and _same_class(text[end], quote[-1])
        )
        found += not (whole and inside)
    return Place(at, at + len(quote))


def _same_class(a: str, b: str) -> bool:
    """Two characters that would run together into one number or one word."""
    return (a.isdigit() and b.isdigit()) or (a.isalpha() and b.isalpha())


def _unique(text: str, quote: str) -> bool:
    first = text.find(quote)
    return first >= 0 and text.find(quote, first + 1) < 0


def _locate_article(
    article: GoldArticle,
    text: str,
    figure_at: dict[str, Place],
    quote_at: dict[str, Place],
    hedge_at: list[tuple[str, Place, GoldHedge]],
    furniture_at: dict[str, list[Place]],
) -> Iterator[str]:
    ids: set[str] = set()
    items: list[GoldFigure | GoldStatement] = [*article.figures, *article.statements]
    for item in items:
        ref = f"{article.id}#{item.id}"
        if item.id in ids:
            yield f"{ref}: id used twice"
        ids.add(item.id)
        quote = _find(text, item.quote)
        if quote is None:
            yield f"{ref}: quote not in the article text: {item.quote!r}"
            continue
        if not _unique(text, item.quote):
            yield f"{ref}: quote occurs more than once; quote more of the sentence"
        quote_at[ref] = quote
        if isinstance(item, GoldFigure):
            figure = _find(text, item.figure, quote, item.nth, whole=True)
            if figure is None:
                yield f"{ref}: figure {item.figure!r} (occurrence {item.nth}) not in its quote"
                continue
            if any(
                figure.overlaps(p.start, p.end)
                for r, p in figure_at.items()
                if r.startswith(article.id + "#")
            ):
                yield f"{ref}: figure overlaps another figure"
            figure_at[ref] = figure
    for hedge in article.hedges:
        quote = _find(text, hedge.quote)
        if quote is None:
            yield f"{article.id}: hedge quote not in the article text: {hedge.quote!r}"
            continue
        if not _unique(text, hedge.quote):
            yield f"{article.id}: hedge quote {hedge.quote!r} occurs more than once"
        cue = _find(text, hedge.cue, quote)
        if cue is None:
            yield f"{article.id}: hedge cue {hedge.cue!r} not in its quote {hedge.quote!r}"
            continue
        for covered in hedge.covers:
            if covered not in ids:
                yield f"{article.id}: hedge {hedge.cue!r} covers unknown id {covered!r}"
        hedge_at.append((article.id, cue, hedge))
    for piece in article.furniture:
        place = _find(text, piece)
        if place is None:
            yield f"{article.id}: furniture not in the article text: {piece!r}"
        else:
            furniture_at.setdefault(article.id, []).append(place)
    for f in article.figures:
        for other in (f.conversion_of, f.part_of):
            if other is not None and other not in ids:
                yield f"{article.id}#{f.id}: refers to unknown figure {other!r}"


def _check_references(
    gold: GoldPackage, figure_at: dict[str, Place], quote_at: dict[str, Place]
) -> Iterator[str]:
    def known(ref: str, what: str, figures_only: bool = True) -> Iterator[str]:
        if ref not in (figure_at if figures_only else quote_at) and "#" in ref:
            article = ref.partition("#")[0]
            if article not in {a.id for a in gold.articles}:
                yield f"{what}: unknown article in {ref!r}"
            elif figures_only and ref in quote_at:
                yield f"{what}: {ref!r} is a statement, not a figure"
            elif ref not in quote_at:
                yield f"{what}: unknown claim {ref!r}"
        elif "#" not in ref:
            yield f"{what}: {ref!r} is not '<article id>#<figure id>'"

    for group in gold.same_quantity:
        for ref in group.claims:
            yield from known(ref, f"same_quantity {group.what!r}")
        if len({ref.partition("#")[0] for ref in group.claims}) < 2:
            yield f"same_quantity {group.what!r}: needs claims from two or more articles"
    for pair in gold.not_comparable:
        for ref in pair.claims:
            yield from known(ref, f"not_comparable ({pair.reason})")
    for sums in gold.arithmetic:
        for ref in [sums.total, *sums.parts]:
            yield from known(ref, "arithmetic")
    for stale in gold.stale:
        for ref in (stale.claim, stale.superseded_by):
            yield from known(ref, "stale")


def gold_files(paths: Sequence[Path]) -> list[Path]:
    """Every ``*.json`` gold file named or under a named folder, sorted."""
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Check gold files: print each one's problems; exit 1 when any has some."""
    args = list(sys.argv[1:] if argv is None else argv)
    corpus = DEFAULT_CORPUS
    if args[:1] == ["--corpus"] and len(args) > 1:
        corpus, args = Path(args[1]), args[2:]
    failed = 0
    for path in gold_files([Path(a) for a in args] or [DEFAULT_GOLD]):
        try:
            loaded = load_gold(path, corpus)
        except GoldError as e:
            failed += 1
            print(e)
            continue
        g = loaded.gold
        print(
            f"ok: {path.name}: {len(g.articles)} articles, "
            f"{sum(len(a.figures) for a in g.articles)} figures, "
            f"{sum(len(a.statements) for a in g.articles)} statements, "
            f"{len(loaded.hedge_at)} hedges, {len(g.same_quantity)} same-quantity groups "
            f"({sum(s.verdict is Verdict.conflict for s in g.same_quantity)} conflicts), "
            f"{len(g.not_comparable)} not comparable, {len(g.arithmetic)} sums, "
            f"{len(g.stale)} stale"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
