"""The CSV report: one row per claim, for a spreadsheet or a newsroom database.

Columns: the claim and its article, the figure, the source chain, the hedges, the
findings that name it, whether the triage lists it, a checklist summary, and the
editor's verdict, note, checks, name and time; in a batch of several stories, a last
column names the claim's story. Written with the stdlib ``csv`` module.

Cells are untrusted text. A cell that a spreadsheet would read as a formula (starting
with ``=``, ``+``, ``-``, ``@``, tab or carriage return) gets a leading apostrophe, the
OWASP guard against formula injection, unless it is a plain number such as ``-3``.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator, Mapping

from assistant.model import CheckStatus
from assistant.report.model import Report, Triage
from assistant.report.stories import story_labels, story_triage
from assistant.report.triage import source_chain
from assistant.text import format_number, one_line

COLUMNS = (
    "claim_id",
    "article_id",
    "outlet",
    "published",
    "url",
    "statement",
    "quote",
    "figure",
    "value",
    "upper",
    "bound",
    "unit",
    "metric",
    "period",
    "source_chain",
    "hedges",
    "certainty",
    "grounding",
    "findings",
    "triage",
    "checklist",
    "checklist_open",
    "verdict",
    "note",
    "editor_checks",
    "editor",
    "decided_at",
    "reopened",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """``value`` as inert CSV cell text: one line, no formula."""
    text = "" if value is None else one_line(str(value))
    if text.startswith(_FORMULA_START):
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text


def render_csv(report: Report) -> str:
    """One header row, then one row per claim in report order."""
    labels = story_labels(report)  # a batch of several stories has a column for them
    out = io.StringIO()
    out.write(header(stories=bool(labels)))
    for _, rows in article_rows(report, story_triage(report), labels):
        out.write(rows)
    return out.getvalue()


def header(*, stories: bool) -> str:
    """The header row; ``stories``: with the column naming each claim's story."""
    return _lines([[*COLUMNS, "story"] if stories else list(COLUMNS)])


def article_rows(
    report: Report, triage: Triage, labels: Mapping[str, str]
) -> Iterator[tuple[str, str]]:
    """(article id, its claims' rows as CSV text) for every input with claims, in
    report order. ``triage`` is the report's; ``labels`` names each article's story
    (``story_labels``), when there is a story column."""
    articles = {e.article.id: e.article for e in report.inputs if e.article is not None}
    findings: dict[str, list[str]] = {}
    for found in report.findings:
        state = "ok" if found.ok else found.severity.value
        for claim_id in found.claim_ids:
            findings.setdefault(claim_id, []).append(f"{found.rule.value} ({state})")
    triaged: dict[str, list[str]] = {}
    for item in triage.items:
        for claim_id in item.claim_ids:
            triaged.setdefault(claim_id, []).append(item.section.value)
    checklists: dict[str, list[str]] = {}
    open_items: dict[str, list[str]] = {}
    statuses: dict[str, Counter[CheckStatus]] = {}
    for check in report.checklists:
        statuses.setdefault(check.claim_id, Counter())[check.status] += 1
        if check.status in (CheckStatus.failed, CheckStatus.open):
            open_items.setdefault(check.claim_id, []).append(f"{check.label}: {check.status.value}")
    for claim_id, counts in statuses.items():
        checklists[claim_id] = [f"{counts[s]} {s.value}" for s in CheckStatus if counts[s]]
    decisions = {d.claim_id: d for d in report.decisions}

    for entry in report.inputs:
        if not entry.claims:
            continue
        rows = []
        for claim in entry.claims:
            article = articles.get(claim.article_id)
            q = claim.quantity
            d = decisions.get(claim.id)
            row = [
                claim.id,
                claim.article_id,
                article.outlet if article else "",
                article.published if article and article.published else "",
                article.url if article else "",
                claim.statement,
                claim.quote,
                q.text if q else "",
                format_number(q.value).replace(",", "") if q else "",
                format_number(q.upper).replace(",", "") if q and q.upper is not None else "",
                q.bound.value if q else "",
                (q.unit or "") if q else "",
                claim.metric or "",
                claim.period.text if claim.period and claim.period.text else "",
                source_chain(claim),
                "; ".join(f"{h.cue} ({h.kind.value})" for h in claim.hedges),
                claim.certainty.value,
                claim.grounding.value,
                "; ".join(findings.get(claim.id, [])),
                "; ".join(dict.fromkeys(triaged.get(claim.id, []))),
                ", ".join(checklists.get(claim.id, [])),
                "; ".join(open_items.get(claim.id, [])),
                d.verdict.value if d and d.verdict else "",
                d.note if d else "",
                "; ".join(f"{k.value}: {v.value}" for k, v in d.items.items()) if d else "",
                (d.editor or "") if d else "",
                d.decided_at.isoformat() if d and d.decided_at else "",
                (d.reopened or "") if d else "",
            ]
            if labels:
                row.append(labels.get(claim.article_id, ""))
            rows.append([safe_cell(cell) for cell in row])
        yield entry.article.id if entry.article else entry.source, _lines(rows)


def _lines(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()
