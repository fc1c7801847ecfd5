"""How consistently two readers annotated the same package: the gold set's own error bar.

Figures and cues are matched by place (overlapping spans in the same article). For each
aspect the figure is F1 between the readers (symmetric: it does not matter who is
"first"); for sources and values, the share of matched figures on which they agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from assistant.evaluate.gold import LoadedPackage, Place, Verdict
from assistant.evaluate.match import same_person


@dataclass
class Agreement:
    packages: int = 0
    figures_a: int = 0
    figures_b: int = 0
    figures_both: int = 0
    values_same: int = 0
    sources_same: int = 0
    cues_a: int = 0
    cues_b: int = 0
    cues_both: int = 0
    conflicts_a: int = 0
    conflicts_b: int = 0
    conflicts_both: int = 0
    disagreements: list[str] = field(default_factory=list)

    @staticmethod
    def f1(both: int, a: int, b: int) -> float | None:
        return 2 * both / (a + b) if a + b else None

    @property
    def figure_f1(self) -> float | None:
        return self.f1(self.figures_both, self.figures_a, self.figures_b)

    @property
    def cue_f1(self) -> float | None:
        return self.f1(self.cues_both, self.cues_a, self.cues_b)

    @property
    def conflict_f1(self) -> float | None:
        return self.f1(self.conflicts_both, self.conflicts_a, self.conflicts_b)

    @property
    def value_agreement(self) -> float | None:
        return self.values_same / self.figures_both if self.figures_both else None

    @property
    def source_agreement(self) -> float | None:
        return self.sources_same / self.figures_both if self.figures_both else None


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
    agreement.figures_a += len(a_figs)
    agreement.figures_b += len(b_figs)
    for ref_a, ref_b in _pairs(a_figs, b_figs):
        agreement.figures_both += 1
        fa, fb = a.figure(ref_a), b.figure(ref_b)
        agreement.values_same += fa.value == fb.value or fa.vague or fb.vague
        same = (fa.source is None and fb.source is None) or (
            fa.source is not None
            and fb.source is not None
            and same_person(fa.source, fa.source_aliases, fb.source, fb.source_aliases)
        )
        agreement.sources_same += same
        if not same:
            agreement.disagreements.append(
                f"source: {ref_a} {fa.figure!r}: {fa.source!r} vs {fb.source!r}"
            )
    a_cues = [(f"{art}#{i}", place) for i, (art, place, _) in enumerate(a.hedge_at)]
    b_cues = [(f"{art}#{i}", place) for i, (art, place, _) in enumerate(b.hedge_at)]
    agreement.cues_a += len(a_cues)
    agreement.cues_b += len(b_cues)
    agreement.cues_both += len(_pairs(a_cues, b_cues))
    ca, cb = _conflict_places(a), _conflict_places(b)
    agreement.conflicts_a += len(ca)
    agreement.conflicts_b += len(cb)
    agreement.conflicts_both += len(ca & cb)
    matched_a = {r for r, _ in _pairs(a_figs, b_figs)}
    for ref, _ in a_figs:
        if ref not in matched_a:
            agreement.disagreements.append(f"figure only in {a.gold.annotator}: {ref}")
