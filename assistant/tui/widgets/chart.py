"""A small terminal chart of a cluster's figures by publication date and outlet."""

from __future__ import annotations

from textual_plotext import PlotextPlot

from assistant.model import RuleId
from assistant.text import format_number
from assistant.tui.package import ClaimEntry
from assistant.tui.safe import one_line_label


class ClusterChart(PlotextPlot):
    """The cluster's values in date order: running totals rise, an outlier stands apart.

    Points in a CONFLICT finding are drawn red, the open claim as a larger marker.
    """

    def show(self, entries: list[ClaimEntry], current: ClaimEntry) -> bool:
        """Plot ``entries``; returns False (and draws nothing) when fewer than two have a figure."""
        points = [e for e in entries if e.claim.quantity is not None]
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        if len(points) < 2:
            return False
        xs = [float(x) for x in range(1, len(points) + 1)]
        ys = [e.claim.quantity.value for e in points if e.claim.quantity is not None]
        labels = [_label(e) for e in points]
        plt.plot(xs, ys, marker="braille", color="cyan")
        flagged = [
            (x, y) for x, y, e in zip(xs, ys, points, strict=True) if RuleId.CONFLICT in e.rules
        ]
        if flagged:
            plt.scatter([x for x, _ in flagged], [y for _, y in flagged], marker="●", color="red")
        mine = [(x, y) for x, y, e in zip(xs, ys, points, strict=True) if e.id == current.id]
        if mine:
            plt.scatter([mine[0][0]], [mine[0][1]], marker="◆", color="yellow")
        plt.xticks(xs, labels)
        # The axis is labelled with figures as the articles and the report write them
        # (plotext's own ticks read "3666.7" or "230000000.0"): the lowest, the highest
        # and the open claim's, which are the ones an editor compares.
        ticks = sorted({min(ys), max(ys), *(y for _, y in mine)})
        plt.yticks(ticks, [format_number(y) for y in ticks])
        unit = current.claim.quantity.unit if current.claim.quantity else None
        plt.title(
            one_line_label(
                f"{current.claim.metric or 'value'}" + (f" ({unit})" if unit else ""), 50
            )
        )
        self.refresh()
        return True


def _label(entry: ClaimEntry) -> str:
    outlet = one_line_label(entry.article.outlet or entry.article.id, 10)
    date = entry.article.published.strftime("%m-%d") if entry.article.published else "?"
    return f"{outlet} {date}"
