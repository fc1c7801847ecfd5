"""Which canonical origins in a group of agreeing claims may be one and the same.

Canonical names are exact, so "sullmere power" and "grid operator sullmere power", or
"ministry" and "interior ministry", remain different names. Counted as independent they
would corroborate each other: the one mistake a fact-checker must not make. So, within a
group, a name that is the tail of another ("ministry" of "interior ministry", "sullmere
power" of "grid operator sullmere power") is taken to be that origin; a name that is the
tail of two unrelated ones ("ministry" with "health ministry" and "interior ministry") is
ambiguous and counts as no origin at all. Nor do unnamed origins ("officials", "local
authorities") when a named one is present: they cannot make a figure independent.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from assistant.compare.facts import Facts, by_order
from assistant.normalize.sources import is_unnamed


def by_origin(members: Iterable[Facts]) -> dict[str, tuple[Facts, ...]]:
    """Origin -> the members tracing back to it, with tail names merged; origins sorted."""
    index: dict[str, list[Facts]] = defaultdict(list)
    for f in members:
        for origin in f.origins:
            index[origin].append(f)
    merged: dict[str, dict[str, Facts]] = defaultdict(dict)
    for name, quoting in index.items():
        if (resolved := _resolve(name, index)) is not None:
            merged[resolved].update((f.id, f) for f in quoting)
    if any(not is_unnamed(name) for name in merged):
        merged = defaultdict(dict, {n: q for n, q in merged.items() if not is_unnamed(n)})
    return {
        origin: tuple(sorted(merged[origin].values(), key=by_order)) for origin in sorted(merged)
    }


def _resolve(name: str, names: Mapping[str, Sequence[Facts]]) -> str | None:
    """The longest name ``name`` is the tail of, itself, or None when ambiguous."""
    longer = [other for other in names if other.endswith(" " + name)]
    if not longer:
        return name
    longest = max(longer, key=len)
    # All the longer names must lie on one chain: each the tail of the longest.
    if all(other == longest or longest.endswith(" " + other) for other in longer):
        return longest
    return None
