"""A small terminal chart of a cluster's figures: one dot per report, by date and outlet."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual_plotext import PlotextPlot

from assistant.model import RuleId
from assistant.text import format_number
from assistant.tui.package import ClaimEntry
from assistant.tui.safe import one_line_label, plain

# One colour per outlet, in the order the cluster lists them.
# plotext's names, and the same colours as rich styles for the legend under the chart.
OUTLET_COLOURS = ("cyan", "green", "magenta", "blue", "orange", "white", "gray")
_RICH = {"orange": "dark_orange", "gray": "grey50"}


def day_positions(entries: list[ClaimEntry]) -> dict[date | None, float]:
    """x position of each publication day: days in order, undated reports last."""
    days = sorted({e.article.published for e in entries if e.article.published is not None})
    positions: dict[date | None, float] = {day: float(i + 1) for i, day in enumerate(days)}
    positions[None] = float(len(days) + 1)
    return positions


REPORT, IN_CONFLICT, CURRENT = "●", "✖", "◆"
# Same-day reports sit this far apart (in days), so each outlet's dot stays visible.
SPREAD = 0.12


def placed(entries: list[ClaimEntry], x_of: dict[date | None, float]) -> dict[str, float]:
    """x of each report: its day, nudged apart from the other outlets of that day."""
    x: dict[str, float] = {}
    for day, position in x_of.items():
        same_day = list(dict.fromkeys(_outlet(e) for e in entries if e.article.published == day))
        for e in entries:
            if e.article.published == day:
                offset = same_day.index(_outlet(e)) - (len(same_day) - 1) / 2
                x[e.id] = position + offset * SPREAD
    return x


class ClusterChart(PlotextPlot):
    """The cluster's values by publication day, a dot per report, a colour per outlet.

    No line joins them: two outlets reporting different figures on the same day are two
    dots side by side, not a trend. A report in a CONFLICT finding is a cross, the open
    claim a diamond, each in its outlet's colour.
    """

    def show(self, entries: list[ClaimEntry], current: ClaimEntry) -> bool:
        """Plot ``entries``; returns False (and draws nothing) when fewer than two have a figure."""
        points = [e for e in entries if e.claim.quantity is not None]
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        if len(points) < 2:
            return False
        x_of = day_positions(points)
        x = placed(points, x_of)
        outlets = list(dict.fromkeys(_outlet(e) for e in points))
        for n, outlet in enumerate(outlets):
            colour = OUTLET_COLOURS[n % len(OUTLET_COLOURS)]
            for marker in (REPORT, IN_CONFLICT, CURRENT):
                mine = [e for e in points if _outlet(e) == outlet and _marker(e, current) == marker]
                if mine:
                    plt.scatter(
                        [x[e.id] for e in mine],
                        [_value(e) for e in mine],
                        marker=marker,
                        color=colour,
                    )
        shown = any(e.id == current.id for e in points)
        used = sorted({x_of[e.article.published] for e in points})
        labels = {x: _day(d) for d, x in x_of.items()}
        plt.xticks(used, [labels[x] for x in used])
        plt.xlim(0.5, max(used) + 0.5)
        # The axis is labelled with figures as the articles and the report write them
        # (plotext's own ticks read "3666.7" or "230000000.0"): the lowest, the highest
        # and the open claim's, which are the ones an editor compares.
        ys = [_value(e) for e in points]
        ticks = sorted({min(ys), max(ys), *([_value(current)] if shown else [])})
        plt.yticks(ticks, [format_number(y) for y in ticks])
        unit = current.claim.quantity.unit if current.claim.quantity else None
        plt.title(
            one_line_label(
                f"{current.claim.metric or 'value'}" + (f" ({unit})" if unit else ""), 50
            )
        )
        self.refresh()
        return True


def legend(entries: list[ClaimEntry]) -> Text:
    """Which colour is which outlet (plotext's own legend would sit on the first dots)."""
    outlets = list(dict.fromkeys(_outlet(e) for e in entries if e.claim.quantity is not None))
    text = Text(end="")
    for n, outlet in enumerate(outlets):
        colour = OUTLET_COLOURS[n % len(OUTLET_COLOURS)]
        text.append(f"{REPORT} ", style=f"bold {_RICH.get(colour, colour)}")
        text.append_text(plain(one_line_label(outlet, 30)))
        text.append("   ")
    text.append(f"{REPORT} report  {IN_CONFLICT} in a CONFLICT  {CURRENT} this claim", style="dim")
    return text


def _marker(entry: ClaimEntry, current: ClaimEntry) -> str:
    if entry.id == current.id:
        return CURRENT
    return IN_CONFLICT if RuleId.CONFLICT in entry.rules else REPORT


def _value(entry: ClaimEntry) -> float:
    quantity = entry.claim.quantity
    return quantity.value if quantity is not None else 0.0


def _outlet(entry: ClaimEntry) -> str:
    return entry.article.outlet or entry.article.id


def _day(day: date | None) -> str:
    return day.strftime("%m-%d") if day is not None else "undated"
