"""The claim detail's reading part as rich renderables: no widgets, so one layout per claim.

Statement, quote, facts (figure, period, attribution chain, hedges), the findings, and
the cluster side by side with the cells that differ from the open claim in red.
Every piece of claim text goes in through ``plain``/``cell``: literal, never markup.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from assistant.model import Claim, Quantity, SourceRole
from assistant.text import format_number
from assistant.tui.badges import (
    HEDGE_STYLE,
    REOPENED_STYLE,
    RULE_LABEL,
    SEVERITY_STYLE,
    decision_badge,
    rule_badges,
    verdict_badge,
)
from assistant.tui.package import ClaimEntry
from assistant.tui.safe import plain

DIFFERENT = "bold #ffffff on #c62828"
CURRENT_MARK = "▶"
SECTION = "bold underline"
# The comparison table's origin column grows to this many cells before folding its name.
ORIGIN_WIDTH = 20


def quantity_key(quantity: Quantity | None) -> tuple[object, ...] | None:
    if quantity is None:
        return None
    return (quantity.value, quantity.upper, quantity.bound, quantity.unit)


def period_label(claim: Claim) -> str:
    period = claim.period
    if period is None:
        return "—"
    if period.cumulative:
        return f"{period.text or 'so far'} (running total)"
    if period.start is not None:
        span = (
            str(period.start)
            if period.end in (None, period.start)
            else f"{period.start}..{period.end}"
        )
        return f"{period.text} ({span})" if period.text else span
    return period.text or "—"


def period_short(claim: Claim) -> str:
    """The period as compared across articles: resolved dates when known, else as written."""
    period = claim.period
    if period is None:
        return "—"
    if period.cumulative:
        return "running total"
    if period.start is not None:
        return (
            str(period.start)
            if period.end in (None, period.start)
            else f"{period.start}..{period.end}"
        )
    return period.text or "—"


def origin(claim: Claim) -> str:
    """The original source the claim rests on (its canonical name when known)."""
    originals = [link for link in claim.attribution if link.role is SourceRole.original]
    if not originals:
        return "unattributed"
    return originals[-1].canonical or originals[-1].name


def head(entry: ClaimEntry) -> Text:
    """Verdict badge, outlet, date, claim id and rule badges on one line."""
    text = decision_badge(entry.decision).append("  ")
    text.append_text(plain(entry.article.outlet or "—", "bold"))
    text.append(f" · {entry.article.published or 'undated'} · ")
    text.append_text(plain(entry.id, "dim"))
    badges = rule_badges(entry)
    if badges:
        text.append("  ").append_text(badges)
    return text


def reopened(entry: ClaimEntry) -> Text | None:
    """Why the verdict was reopened, what it was and the quote it was given on."""
    decision = entry.decision
    if not decision.reopened:
        return None
    why = decision.reopened_why or "text changed since the verdict"
    text = Text(f" ⚠ {why[:1].upper()}{why[1:]} ", style=REOPENED_STYLE, end="")
    if decision.old_verdict is not None:
        text.append("\nThe verdict was ").append_text(verdict_badge(decision.old_verdict))
        text.append(" on:")
    else:
        text.append("\nThe note and ticks were made on:")
    if decision.old_quote:
        text.append("\n").append_text(plain(f"“{decision.old_quote}”", "italic strike"))
    text.append("\nGive the verdict again (v) once this text is checked.", style="dim")
    return text


def facts(claim: Claim) -> Table:
    """Quantity, period, location, attribution chain, hedges, certainty, grounding."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", justify="right", no_wrap=True)
    table.add_column(ratio=1)
    quantity = claim.quantity
    if quantity is not None:
        value = format_number(quantity.value)
        if quantity.upper is not None:
            value += f"–{format_number(quantity.upper)}"
        line = plain(quantity.text).append(f"  →  {quantity.bound.value.replace('_', ' ')} {value}")
        if quantity.unit:
            line.append(" ").append_text(plain(quantity.unit))
        if claim.metric:
            line.append(" · ").append_text(plain(claim.metric))
        table.add_row("Figure", line)
    if claim.period is not None:
        period = plain(period_label(claim))
        if not claim.period.resolved:
            period.append("  (not resolved to dates)", style="italic")
        table.add_row("Period", period)
    if claim.location:
        table.add_row("Where", plain(claim.location))
    chain = Text(" → ", end="").join(
        plain(link.name).append(f" ({link.role.value})", style="dim") for link in claim.attribution
    )
    table.add_row("Attribution", chain or plain("none", "dim"))
    table.add_row("Origin", plain(origin(claim)))
    hedges = Text(" · ", end="").join(
        plain(hedge.cue, HEDGE_STYLE[hedge.kind]).append(
            f" {hedge.kind.value.replace('_', ' ')}", style="dim"
        )
        for hedge in claim.hedges
    )
    table.add_row("Hedges", hedges or plain("none", "dim"))
    table.add_row("Certainty", plain(f"{claim.certainty.value} · quote {claim.grounding.value}"))
    return table


def findings(entry: ClaimEntry) -> Text:
    text = Text(end="")
    for finding in entry.findings:
        if text:
            text.append("\n")
        text.append(f" {RULE_LABEL[finding.rule]} ", style=SEVERITY_STYLE[finding.severity])
        text.append(" ").append_text(plain(finding.evidence))
    return text or plain("No rule fired on this claim.", "dim")


def comparison(entries: list[ClaimEntry], current: ClaimEntry) -> Table:
    """One row per claim of the cluster, by date and outlet; differing cells in red.

    Nothing is cut in 80 columns or beside the checklist in 120: the publication date and
    the period share a column (one above the other), the rule badges stack in a column as
    wide as the widest, the origin (one word, as "interior-ministry") is given its width up
    to ORIGIN_WIDTH and folds past it, and outlet and figure wrap in what is left.
    """
    badges = {entry.id: rule_badges(entry, separator="\n") for entry in entries}
    widest = max((len(line) for b in badges.values() for line in b.plain.split("\n")), default=0)
    origins = max((len(origin(entry.claim)) for entry in entries), default=0)
    table = Table(
        box=None, padding=(0, 1), pad_edge=False, show_edge=False, header_style="bold", expand=True
    )
    table.add_column("", width=1)
    table.add_column("Outlet", ratio=1)
    table.add_column("Published\nperiod", no_wrap=True)
    table.add_column("Figure", ratio=1)
    table.add_column("Origin", min_width=min(origins, ORIGIN_WIDTH), overflow="fold")
    table.add_column("Rules", no_wrap=True, min_width=max(widest, len("Rules")))
    mine = current.claim
    for entry in entries:
        claim = entry.claim

        def styled(text: str, differs: bool) -> Text:
            return plain(text, style=DIFFERENT if differs else "")

        when = Text(f"{entry.article.published or '—'}\n", end="")
        when.append_text(styled(period_short(claim), period_short(claim) != period_short(mine)))
        table.add_row(
            Text(CURRENT_MARK if entry.id == current.id else "", style="bold", end=""),
            plain(entry.article.outlet or "—"),
            when,
            styled(
                claim.quantity.text if claim.quantity else "—",
                quantity_key(claim.quantity) != quantity_key(mine.quantity),
            ),
            styled(origin(claim), origin(claim) != origin(mine)),
            badges[entry.id],
        )
    return table


def claim_view(entry: ClaimEntry, cluster: list[ClaimEntry]) -> RenderableType:
    """Everything to read about the claim, top to bottom."""
    claim = entry.claim
    flag = reopened(entry)
    parts: list[RenderableType] = [] if flag is None else [flag]
    parts += [
        plain(claim.statement, "bold"),
        plain(f"“{claim.quote}”", "italic"),
        facts(claim),
        findings(entry),
    ]
    if len(cluster) > 1:
        parts.append(Group(Text("Across articles", style=SECTION), comparison(cluster, entry)))
    # A blank line between the parts, as paragraphs.
    return Group(*(Padding(part, (0, 0, 1, 0)) for part in parts))
