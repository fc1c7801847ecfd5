"""The best entry added so far up to a rank, skipping one group: a Fenwick tree.

The rules that look across a whole series ("the latest higher total", "the earliest
figure that agrees") ask, for each of thousands of figures, for the best of thousands of
others that meet two conditions. Asked one figure at a time over every other, that is
quadratic. Sorted by one condition and swept, with entries added to this tree at the
rank of the other, each question is a prefix query in logarithmic time.

Each node keeps the best two entries of distinct groups, so a query can skip one group
(the asking figure itself, or its own article) and still find the best of the rest.
"""

from __future__ import annotations

from collections.abc import Hashable

_Entry = tuple[int, Hashable]  # (key: smaller is better, group)


class PrefixBest:
    """Entries added at ranks ``1..size``; ``best(rank, skip)`` is the smallest key among
    the entries at ranks ``<= rank`` whose group is not ``skip``."""

    def __init__(self, size: int) -> None:
        self._tree: list[tuple[_Entry, ...]] = [()] * (size + 1)

    def add(self, rank: int, key: int, group: Hashable) -> None:
        entry = ((key, group),)
        while rank < len(self._tree):
            self._tree[rank] = _two(self._tree[rank] + entry)
            rank += rank & -rank

    def best(self, rank: int, skip: Hashable) -> int | None:
        found: tuple[_Entry, ...] = ()
        while rank > 0:
            found = _two(found + self._tree[rank])
            rank -= rank & -rank
        return next((key for key, group in found if group != skip), None)


def _two(entries: tuple[_Entry, ...]) -> tuple[_Entry, ...]:
    """The best entry and the best of another group (at most four come in)."""
    if len(entries) < 2:
        return entries
    first = second = None
    for entry in entries:
        if first is None or entry[0] < first[0]:
            if first is not None and first[1] != entry[1]:
                second = first  # else the second, of another group than the first, stays
            first = entry
        elif entry[1] != first[1] and (second is None or entry[0] < second[0]):
            second = entry
    assert first is not None
    return (first,) if second is None else (first, second)
