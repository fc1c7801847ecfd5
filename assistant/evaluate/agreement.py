"""How consistently two readers annotated the same package: the gold set's own error bar.

Figures and cues are matched by place (overlapping spans in the same article). For each
aspect the figure is F1 between the readers (symmetric: it does not matter who is
"first"); for sources and values, the share of matched figures on which they agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from assistant.evaluate.counts import Matched, Ratio
from assistant.evaluate.gold import LoadedPackage, Place, Verdict
from assistant.evaluate.match import same_person


@dataclass
class Agreement:
    """Reader A's annotations (``expected``) against reader B's (``found``)."""

    packages: int = 0
    figures: Matched = field(default_factory=Matched)
    cues: Matched = field(default_factory=Matched)
    conflicts: Matched = field(default_factory=Matched)
    values: Ratio = field(default_factory=Ratio)  # of the figures both read
    sources: Ratio = field(default_factory=Ratio)
    disagreements: list[str] = field(default_factory=list)


def _pairs(a: Iterable[tuple[str, Place]], b: Iterable[tuple[str, Place]]) -> list[tuple[str, str]]:
    """One-to-one matches of refs by overlapping place in the same article."""
    taken: set[str] = set()
    matched = []
    b_list = list(b)
    for ref_a, place_a in a:
        article = ref_a.partition("#")[0]
        for ref_b, place_b in b_list:
            if (
                ref_b not in taken
                and ref_b.partition("#")[0] == article
                and place_a.overlaps(place_b.start, place_b.end)
            ):
                taken.add(ref_b)
                matched.append((ref_a, ref_b))
                break
    return matched


def _conflict_places(p: LoadedPackage) -> set[frozenset[tuple[str, int]]]:
    """Each conflicting pair of figures, as (article, figure start) places."""
    found = set()
    for group in p.gold.same_quantity:
        if group.verdict is not Verdict.conflict:
            continue
        for x, y in combinations(group.claims, 2):
            if x.partition("#")[0] == y.partition("#")[0]:
                continue
            fx, fy = p.figure(x), p.figure(y)
            if fx.value != fy.value or fx.bound != fy.bound:
                found.add(
                    frozenset(
                        (
                            (x.partition("#")[0], p.figure_at[x].start),
                            (y.partition("#")[0], p.figure_at[y].start),
                        )
                    )
                )
    return found


def compare(a: LoadedPackage, b: LoadedPackage, agreement: Agreement) -> None:
    """Add the agreement between two readings of one package."""
    agreement.packages += 1
    a_figs = [(r, pl) for r, pl in a.figure_at.items() if a.figure(r).conversion_of is None]
    b_figs = [(r, pl) for r, pl in b.figure_at.items() if b.figure(r).conversion_of is None]
    pairs = _pairs(a_figs, b_figs)
    agreement.figures.add(len(pairs), len(b_figs), len(a_figs))
    for ref_a, ref_b in pairs:
        fa, fb = a.figure(ref_a), b.figure(ref_b)
        agreement.values.add(fa.value == fb.value or fa.vague or fb.vague)
        same = (fa.source is None and fb.source is None) or (
            fa.source is not None
            and fb.source is not None
            and same_person(fa.source, fa.source_aliases, fb.source, fb.source_aliases)
        )
        agreement.sources.add(same)
        if not same:
            agreement.disagreements.append(
                f"source: {ref_a} {fa.figure!r}: {fa.source!r} vs {fb.source!r}"
            )
    a_cues = [(f"{art}#{i}", place) for i, (art, place, _) in enumerate(a.hedge_at)]
    b_cues = [(f"{art}#{i}", place) for i, (art, place, _) in enumerate(b.hedge_at)]
    agreement.cues.add(len(_pairs(a_cues, b_cues)), len(b_cues), len(a_cues))
    ca, cb = _conflict_places(a), _conflict_places(b)
    agreement.conflicts.add(len(ca & cb), len(cb), len(ca))
    matched_a = {r for r, _ in pairs}
    for ref, _ in a_figs:
        if ref not in matched_a:
            agreement.disagreements.append(f"figure only in {a.gold.annotator}: {ref}")
