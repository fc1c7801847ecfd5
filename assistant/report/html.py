"""The HTML report: one self-contained, printable file.

No JavaScript, no fonts, images or styles from anywhere else, and a Content-Security-Policy
that would refuse them if one slipped in. Every piece of article-derived text (and the
editor's note) goes through ``html.escape`` with quotes, so ``<script>`` and
attribute-breaking quotes stay text; article URLs are shown as text, never as links.

Same order as the Markdown: summary, triage, the clusters as tables (with a small SVG of
value by date and outlet when a cluster holds several values: dots per outlet, never a
line through conflicting reports), then every input and its claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from html import escape
from urllib.parse import quote

from assistant.model import ChecklistItem, Claim, Cluster, Finding, StoryBasis
from assistant.report.editor import STATUS_MARK, decision_lines
from assistant.report.model import (
    ArticleInfo,
    EditorDecision,
    InputEntry,
    Report,
    StoryInfo,
    Triage,
    TriageItem,
    TriageSection,
    cached_text,
)
from assistant.report.stories import by_story, rejected_inputs
from assistant.report.triage import (
    SECTION_TITLES,
    build_triage,
    claim_evidence,
    source_chain,
    sourcing_more,
)
from assistant.text import format_number, one_line

# Colour-blind-safe (Okabe-Ito), each outlet also gets its own marker shape.
_PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_CSS = """
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem;
  padding: 0 1rem; color: #111; background: #fff; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 2px solid #333; padding-bottom: .2rem;
  margin-top: 2rem; } h3 { margin-bottom: .3rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #bbb; padding: .25rem .4rem; text-align: left;
  vertical-align: top; }
th { background: #eee; }
.sev { display: inline-block; padding: 0 .35rem; border-radius: 3px; font-size: .8rem;
  font-weight: 600; border: 1px solid #555; }
.sev-high { background: #c62828; color: #fff; } .sev-medium { background: #ef6c00; }
.sev-low { background: #fbc02d; } .sev-info, .sev-ok { background: #e0e0e0; }
.rule { font-family: ui-monospace, monospace; font-weight: 600; }
.id { font-family: ui-monospace, monospace; font-size: .8rem; color: #444; }
blockquote { margin: .3rem 0; padding-left: .6rem; border-left: 3px solid #999; }
.claim { border-top: 1px solid #ddd; padding: .4rem 0; break-inside: avoid; }
.meta, .muted { color: #555; font-size: .9rem; }
.editor { background: #f1f8e9; border: 1px solid #7cb342; padding: .3rem .5rem; }
.triage li { margin-bottom: .3rem; }
svg { max-width: 100%; height: auto; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; } table, svg, .claim { break-inside: avoid; }
  .sev { border: 1px solid #000; }
}
"""


def _e(text: object) -> str:
    """Untrusted text as inert HTML (quotes escaped too), on one line."""
    if text is None:
        return ""
    return escape(one_line(str(text)), quote=True)


def _sev(label: str) -> str:
    return f'<span class="sev sev-{_e(label)}">{_e(label)}</span>'


def _ref(claim_id: str) -> str:
    """A link to the claim further down this same file (never anywhere else)."""
    return f'<a class="id" href="#claim-{_e(quote(claim_id, safe=""))}">{_e(claim_id)}</a>'


def _ids(claim_ids: Iterable[str]) -> str:
    return ", ".join(_ref(c) for c in claim_ids)


def _summary(report: Report) -> list[str]:
    s = report.summary
    findings = ", ".join(f"{n} {sev.value}" for sev, n in s.findings.items()) or "none"
    if not report.compared:
        findings = "not compared across articles"
    rows = [
        ("Inputs", f"{s.inputs} ({s.articles} articles, {s.rejected} rejected, "
         f"{s.failed} failed extraction)"),
        ("Claims", f"{s.claims} ({s.grounded} grounded, {s.ungrounded} ungrounded)"),
        ("Findings", findings),
        ("Extractor", f"{report.extractor} · factcheck {report.tool_version}"),
    ]  # fmt: skip
    if s.cached:
        rows.append(("From the results cache", cached_text(s.cached, s.articles)))
    if report.decisions:
        verdicts = sum(1 for d in report.decisions if d.verdict is not None)
        rows.append(
            ("Editor's decisions", f"{verdicts} verdicts on {len(report.decisions)} claims")
        )
    body = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in rows)
    title = "Fact-check report" if report.compared else "Extracted claims"
    return [f"<header><h1>{title}</h1>", f'<table class="summary">{body}</table></header>']


def _verdicts(claim_ids: Iterable[str], decisions: dict[str, EditorDecision]) -> str:
    done = [
        f"{_e(i)} {_e(d.verdict.value)}"
        for i in claim_ids
        if (d := decisions.get(i)) is not None and d.verdict is not None
    ]
    return f' <span class="editor">editor: {", ".join(done)}</span>' if done else ""


def _triage_item(item: TriageItem, decisions: dict[str, EditorDecision]) -> list[str]:
    verdicts = _verdicts(item.claim_ids, decisions)
    if item.sides:
        head = f"<p><strong>{_e(item.title)}</strong> {_sev(item.severity.value)}{verdicts}</p>"
        rows = "\n".join(
            f"<tr><td>{_e(s.outlet)}</td><td>{_e(s.published)}</td><td>{_e(s.figure)}</td>"
            f"<td>{_e(s.period)}</td><td>{_e(s.source)}</td><td>{_e(s.sentence)}</td>"
            f"<td>{_ref(s.claim_id)}</td></tr>"
            for s in item.sides
        )
        return [
            head,
            "<table><tr><th>Outlet</th><th>Published</th><th>Figure</th><th>Period</th>"
            f"<th>Source</th><th>Sentence</th><th>Claim</th></tr>\n{rows}\n</table>",
        ]
    rule = f'<span class="rule">{_e(item.rule.value)}</span> ' if item.rule else ""
    ids = f" ({_ids(item.claim_ids)})" if item.claim_ids else ""
    return [f"<li>{rule}{_sev(item.severity.value)} {_e(item.title)}{ids}{verdicts}</li>"]


def _triage(triage: Triage, decisions: dict[str, EditorDecision]) -> list[str]:
    n = len(triage.items)
    lines = ['<section id="triage" class="triage"><h2>Triage: what needs an editor now</h2>']
    intro = (
        f"{n} item{'' if n == 1 else 's'}, most urgent first." if n else "Nothing to act on first."
    )
    if triage.per_claim:
        intro += (
            f" {triage.per_claim} other findings (single source, no source named, hedges, "
            "checks that passed) are with their claims below."
        )
    lines.append(f"<p>{_e(intro)}</p>")
    for section, title in SECTION_TITLES.items():
        items = [i for i in triage.items if i.section is section]
        if not items:
            continue
        lines.append(f'<h3 id="triage-{section.value}">{_e(title)} ({len(items)})</h3>')
        listed = [i for i in items if not i.sides]
        for item in items:
            if item.sides:
                lines += _triage_item(item, decisions)
        if listed:
            lines.append("<ul>")
            for item in listed:
                lines += _triage_item(item, decisions)
            if section is TriageSection.sourcing and triage.sourcing_more:
                lines.append(f"<li>… and {_e(sourcing_more(triage))}</li>")
            lines.append("</ul>")
    return [*lines, "</section>"]


def value_chart(
    claims: Sequence[Claim], articles: dict[str, ArticleInfo], *, width: int = 420
) -> str:
    """Value by publication date, one dot per claim, one colour and shape per outlet.

    No line joins the dots: same-day reports may conflict, and a line would pretend to
    a trend. Empty when the claims hold fewer than two distinct values with dates.
    """
    points: list[tuple[date, float, str]] = []
    for claim in claims:
        article = articles.get(claim.article_id)
        if claim.quantity is None or article is None or article.published is None:
            continue
        points.append((article.published, claim.quantity.value, article.outlet or article.id))
    if len({v for _, v, _ in points}) < 2:
        return ""
    outlets = list(dict.fromkeys(o for _, _, o in points))
    days = sorted({d for d, _, _ in points})
    lo, hi = min(v for _, v, _ in points), max(v for _, v, _ in points)
    left, right, top, plot_h, pad = 64, 44, 12, 120, 14
    legend_h = 18 * len(outlets)
    height = top + plot_h + 44 + legend_h
    span_x = width - left - right - 2 * pad

    def x(day: date) -> float:  # dates evenly spaced, inside the axes
        if len(days) == 1:
            return left + pad + span_x / 2
        return left + pad + span_x * (days.index(day) / (len(days) - 1))

    def y(value: float) -> float:
        return top + plot_h - pad - (plot_h - 2 * pad) * ((value - lo) / (hi - lo))

    out = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}"><title>Value by date and outlet</title>',
        f'<text x="{width - right}" y="{top + plot_h + 28}" text-anchor="end" font-size="10" '
        'fill="#555">published</text>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#888"/>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" '
        'stroke="#888"/>',
    ]
    for value in (lo, hi):
        out.append(
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="11">'
            f"{_e(format_number(value))}</text>"
        )
    for day in days:
        out.append(
            f'<text x="{x(day):.1f}" y="{top + plot_h + 16}" text-anchor="middle" '
            f'font-size="11">{_e(day.isoformat())}</text>'
        )
    # Same day, same value: nudge sideways so both outlets' dots stay visible.
    seen: dict[tuple[date, float], int] = {}
    for day, value, outlet in points:
        n = outlets.index(outlet)
        nudge = 7 * seen.get((day, value), 0)
        seen[(day, value)] = seen.get((day, value), 0) + 1
        out.append(_marker(n, x(day) + nudge, y(value), f"{outlet}: {format_number(value)}"))
    for n, outlet in enumerate(outlets):
        ly = top + plot_h + 48 + 18 * n
        out.append(_marker(n, left + 4, ly - 4, outlet))
        out.append(f'<text x="{left + 14}" y="{ly}" font-size="11">{_e(outlet)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _marker(n: int, cx: float, cy: float, label: str) -> str:
    colour = _PALETTE[n % len(_PALETTE)]
    title = f"<title>{_e(label)}</title>"
    if n % 3 == 1:
        return (
            f'<rect x="{cx - 4:.1f}" y="{cy - 4:.1f}" width="8" height="8" fill="{colour}">'
            f"{title}</rect>"
        )
    if n % 3 == 2:
        pts = f"{cx:.1f},{cy - 5:.1f} {cx + 5:.1f},{cy + 4:.1f} {cx - 5:.1f},{cy + 4:.1f}"
        return f'<polygon points="{pts}" fill="{colour}">{title}</polygon>'
    return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4.5" fill="{colour}">{title}</circle>'


def _clusters(
    clusters: list[Cluster], claims: dict[str, Claim], articles: dict[str, ArticleInfo]
) -> list[str]:
    shown = [
        c for c in clusters if len({claims[i].article_id for i in c.claim_ids if i in claims}) > 1
    ]
    if not shown:
        return []
    lines = ['<section id="clusters"><h2>Across the articles</h2>']
    for cluster in shown:
        members = [claims[i] for i in cluster.claim_ids if i in claims]
        subject = f"{cluster.subject} · " if cluster.subject else ""
        lines.append(f"<h3>{_e(subject + cluster.metric)} · {_e(cluster.period)}</h3>")
        rows = []
        for claim in members:
            article = articles.get(claim.article_id)
            rows.append(
                f"<tr><td>{_e(article.outlet if article else claim.article_id)}</td>"
                f"<td>{_e(article.published if article else '')}</td>"
                f"<td>{_e(claim.quantity.text if claim.quantity else '')}</td>"
                f"<td>{_e(claim.period.text if claim.period else '')}</td>"
                f"<td>{_e(source_chain(claim))}</td>"
                f"<td>{_e(', '.join(h.cue for h in claim.hedges))}</td>"
                f'<td class="id">{_e(claim.id)}</td></tr>'
            )
        lines += [
            "<table><tr><th>Outlet</th><th>Published</th><th>Value</th><th>Period</th>"
            "<th>Source</th><th>Hedges</th><th>Claim</th></tr>",
            *rows,
            "</table>",
        ]
        chart = value_chart(members, articles)
        if chart:
            lines.append(chart)
    return [*lines, "</section>"]


def _decision(decision: EditorDecision, labels: dict[str, str]) -> str:
    lines = decision_lines(decision, labels, esc=_e, strong=lambda t: f"<strong>{t}</strong>")
    body = "".join(f"<p>{label}: {text}</p>" for label, text in lines)  # our own labels
    return f'<div class="editor">{body}</div>'


def _claim(
    claim: Claim,
    checklist: list[ChecklistItem],
    findings: list[Finding],
    decision: EditorDecision | None,
) -> str:
    details = [f"kind: {claim.kind.value}", f"grounding: {claim.grounding.value}"]
    if claim.segment.value != "body":
        details.append(f"from a {claim.segment.value}")
    if claim.quantity:
        q = claim.quantity
        details.append(f"figure: {q.text} ({q.bound.value.replace('_', ' ')})")
    if claim.metric:
        details.append(f"metric: {claim.metric}")
    if claim.period and claim.period.text:
        details.append(f"period: {claim.period.text}")
    details.append(f"certainty: {claim.certainty.value}")
    out = [
        f'<div class="claim" id="claim-{_e(claim.id)}">',
        f'<p><span class="id">{_e(claim.id)}</span> {_e(claim.statement)}</p>',
        f"<blockquote>{_e(claim.quote)}</blockquote>",
        f'<p class="meta">{" · ".join(_e(d) for d in details)}<br>'
        f"sources: {_e(source_chain(claim))}",
    ]
    if claim.hedges:
        hedges = "; ".join(
            f"“{_e(h.cue)}” ({_e(h.kind.value)}, {_e(h.scope.value)})" for h in claim.hedges
        )
        out.append(f"<br>hedges: {hedges}")
    out.append("</p>")
    if findings:
        items = "\n".join(
            f'<li><span class="rule">{_e(f.rule.value)}</span> '
            f"{_sev('ok' if f.ok else f.severity.value)} {_e(claim_evidence(f))}</li>"
            for f in findings
        )
        out.append(f"<ul>\n{items}\n</ul>")
    if checklist:
        rows = "\n".join(
            f"<tr><td>{STATUS_MARK[i.status]} {_e(i.status.value)}</td><td>{_e(i.label)}</td>"
            f"<td>{_e(i.evidence)}</td></tr>"
            for i in checklist
        )
        out.append(f'<table class="checklist">\n{rows}\n</table>')
    if decision is not None:
        out.append(_decision(decision, {i.key.value: i.label for i in checklist}))
    return "\n".join(out) + "\n</div>"


def _entry(
    n: int,
    entry: InputEntry,
    checklists: dict[str, list[ChecklistItem]],
    findings: dict[str, list[Finding]],
    decisions: dict[str, EditorDecision],
) -> list[str]:
    article = entry.article
    if article is None:
        return [f"<h3>{n}. {_e(entry.source)} — rejected</h3>", f"<p>{_e(entry.reason)}</p>"]
    meta = " · ".join(
        _e(x) for x in (article.outlet, article.published, entry.source, article.url) if x
    )
    lines = [f"<h3>{n}. {_e(article.title or article.id)}</h3>", f'<p class="meta">{meta}</p>']
    if entry.notes:
        lines.append(f"<p><em>Input notes:</em> {_e('; '.join(entry.notes))}</p>")
    if entry.extraction and entry.extraction.warnings:
        lines.append(f"<p><em>Warnings:</em> {_e('; '.join(entry.extraction.warnings))}</p>")
    if not entry.claims:
        return [*lines, f"<p><em>No claims:</em> {_e(entry.reason)}</p>"]
    for claim in entry.claims:
        lines.append(
            _claim(
                claim,
                checklists.get(claim.id, []),
                findings.get(claim.id, []),
                decisions.get(claim.id),
            )
        )
    return lines


def render_html(report: Report) -> str:
    """The whole report as one self-contained HTML document; a batch of several stories
    story by story."""
    if len(report.stories) > 1:
        lines = stories_head(report)
        for n, (story, part) in enumerate(by_story(report), start=1):
            lines += story_section(n, story, part)
        lines += stories_tail(report)
    else:
        lines = [*_document_start(report), *_body(report), _DOCUMENT_END]
    return "\n".join(lines) + "\n"


_DOCUMENT_END = "</body></html>"


def _document_start(report: Report) -> list[str]:
    title = "Fact-check report" if report.compared else "Extracted claims"
    return [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title><style>{_CSS}</style></head><body>",
    ]


_BASIS = {
    StoryBasis.field: "named by its inputs",
    StoryBasis.folder: "its folder",
    StoryBasis.similar: "shared names",
    StoryBasis.batch: "the whole batch",
}
_HEADING = re.compile(r"<(/?)h([1-5])\b")
_OWN_ID = re.compile(r' id="(?!claim-)')


# A report of several stories in three pieces, so that ``stream.py`` can write one
# story at a time: the head (it needs the batch's totals), a section per story, the tail.


def stories_head(report: Report) -> list[str]:
    """The document's start, the batch summary and a table of the stories."""
    lines = [*_document_start(report), *_summary(report)]
    rows = [
        "<tr><th>Story</th><th>How grouped</th><th>Articles</th><th>Claims</th>"
        "<th>Findings</th></tr>"
    ]
    for n, story in enumerate(report.stories, start=1):
        found = ", ".join(f"{k} {sev.value}" for sev, k in story.findings.items()) or "none"
        rows.append(
            f'<tr><td><a href="#{_e(story.id)}">{n}. {_e(story.label)}</a></td>'
            f"<td>{_BASIS[story.basis]}</td><td>{len(story.articles)}</td>"
            f"<td>{story.claims}</td><td>{_e(found)}</td></tr>"
        )
    return [
        *lines,
        f'<section id="stories"><h2>Stories in this batch ({len(report.stories)})</h2>',
        "<p>Articles are compared within their story only.</p>",
        f'<table class="summary">{"".join(rows)}</table></section>',
    ]


def story_section(n: int, story: StoryInfo, part: Report) -> list[str]:
    """Story ``n`` drawn from ``part``, its own report (headings one level down, ids
    made its own)."""
    body = "\n".join(_body(part, heading=False))
    body = _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", body)
    body = _OWN_ID.sub(f' id="{story.id}-', body)
    return [
        f'<section id="{_e(story.id)}" class="story">',
        f"<h2>Story {n}: {_e(story.label)}</h2>",
        body,
        "</section>",
    ]


def stories_tail(report: Report) -> list[str]:
    """The inputs that made no article, the files not read, the document's end."""
    lines = []
    rejected = rejected_inputs(report)
    if rejected:
        lines.append('<section id="rejected"><h2>Inputs with no article</h2>')
        for n, entry in enumerate(rejected, start=1):
            lines += _entry(n, entry, {}, {}, {})
        lines.append("</section>")
    return [*lines, *_not_read(report), _DOCUMENT_END]


def _body(report: Report, *, heading: bool = True) -> list[str]:
    claims = {c.id: c for e in report.inputs for c in e.claims}
    articles = {e.article.id: e.article for e in report.inputs if e.article is not None}
    checklists: dict[str, list[ChecklistItem]] = {}
    for item in report.checklists:
        checklists.setdefault(item.claim_id, []).append(item)
    findings: dict[str, list[Finding]] = {}
    for found in report.findings:
        for claim_id in found.claim_ids:
            findings.setdefault(claim_id, []).append(found)
    decisions = {d.claim_id: d for d in report.decisions}
    summary = _summary(report)
    # A story's part keeps its summary table, not the document's title.
    lines = summary if heading else [summary[-1].removesuffix("</header>")]
    if report.compared:
        lines += _triage(build_triage(report), decisions)
        lines += _clusters(report.clusters, claims, articles)
    lines.append('<section id="articles"><h2>Articles</h2>')
    for n, entry in enumerate(report.inputs, start=1):
        lines += _entry(n, entry, checklists, findings, decisions)
    lines.append("</section>")
    return lines + _not_read(report)


def _not_read(report: Report) -> list[str]:
    if not report.not_read:
        return []
    files = "".join(f"<li>{_e(p)}</li>" for p in report.not_read)
    n = len(report.not_read)
    return [
        f"<details><summary>Not read, not an article format: {n} file"
        f"{'' if n == 1 else 's'}</summary><ul>{files}</ul></details>"
    ]
