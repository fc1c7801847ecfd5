"""Every report format as a reader or a program receives it: parsed back, not grepped."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from report_support import example_report, report_of_paths

from assistant.config import load_settings
from assistant.model import CheckKey, CheckStatus, Verdict
from assistant.report.claimreview import REQUIRED, RatingScale
from assistant.report.csv_report import COLUMNS, safe_cell
from assistant.report.model import EditorDecision, Report
from assistant.report.render import FORMATS, format_for_path, render

REPO = Path(__file__).resolve().parent.parent
SCRIPT = "<script>alert(1)</script>"
QUOTES = '" onmouseover="alert(2)'


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


class Page(HTMLParser):
    """Every start tag with its attributes, and all the text, of an HTML document."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def hostile_report(tmp_path: Path, decisions: list[EditorDecision] | None = None) -> Report:
    (tmp_path / "a.md").write_text(
        f"---\ntitle: {SCRIPT}\noutlet: Evil{QUOTES}\npublished: 2026-03-02\n"
        "url: javascript:alert(3)\n---\n\n"
        f"Twelve people died on Monday {SCRIPT}, police said {QUOTES}.\n\n"
        '=HYPERLINK("http://evil.example") 40 homes were destroyed, the council said.\n'
    )
    (tmp_path / "b.md").write_text(
        "---\noutlet: B\npublished: 2026-03-02\nurl: https://b.example/story\n---\n\n"
        "Nineteen people died on Monday, the agency said.\n"
    )
    return report_of_paths([tmp_path], decisions=decisions or [], one_story=True)


DECIDED = datetime(2026, 3, 5, 9, 30, tzinfo=UTC)


def decision(claim_id: str, verdict: Verdict | None, note: str = "") -> EditorDecision:
    return EditorDecision(
        claim_id=claim_id,
        verdict=verdict,
        note=note,
        items={CheckKey.source_identified: CheckStatus.passed},
        editor="Dana Desk",
        decided_at=DECIDED,
    )


# --------------------------------------------------------------------------- HTML


def test_html_is_self_contained_and_article_text_stays_text(tmp_path: Path) -> None:
    report = hostile_report(tmp_path, [decision("a#1", Verdict.inaccurate, f"see {SCRIPT}")])
    page = Page(render(report, "html"))

    assert page.named("script") == [] and page.named("link") == [] and page.named("img") == []
    assert page.named("iframe") == [] and page.named("form") == []
    links = [a["href"] or "" for a in page.named("a")]
    assert links and all(h.startswith("#claim-") for h in links)  # only within the file
    ids = {attrs.get("id") for _, attrs in page.tags}
    assert all(unquote(h[1:]) in ids for h in links)
    for _, attrs in page.tags:
        assert not any(k.startswith("on") for k in attrs)  # no handler from a broken quote
        for value in attrs.values():
            assert "http" not in (value or "") and "javascript" not in (value or "")
            assert "<" not in (value or "")
    text = "".join(page.text)
    assert SCRIPT in text and QUOTES in text and "javascript:alert(3)" in text
    assert f"Evil{QUOTES}" in text  # the outlet, in the conflict table
    assert "Note: see " + SCRIPT in text and "Dana Desk" in text and "inaccurate" in text


def test_html_has_the_triage_and_a_chart_for_clusters_of_several_values() -> None:
    report = example_report("river-floods", "offline")
    page = Page(render(report, "html"))
    text = "".join(page.text)

    assert page.named("section")[0] == {"id": "triage", "class": "triage"}
    assert "Conflicts (1)" in text and "Twelve people died on Monday" in text
    # deaths on Monday (12 vs 19) and the river level (5.82 vs 5.8) have several values;
    # the other shared clusters (312 homes, nearly 300 soldiers) have one.
    charts = page.named("svg")
    assert len(charts) == 2
    assert len(page.named("circle")) >= 2 and page.named("path") == []
    assert page.named("polyline") == []  # dots, never a trend line
    assert "Value by date and outlet" in text and "Continental Press Agency: 12" in text


# --------------------------------------------------------------------------- CSV


def test_csv_has_one_row_per_claim_and_no_formula(tmp_path: Path) -> None:
    report = hostile_report(tmp_path, [decision("a#1", Verdict.inaccurate, "=1+1")])
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))

    claims = [c for e in report.inputs for c in e.claims]
    assert [r["claim_id"] for r in rows] == [c.id for c in claims]
    assert list(rows[0]) == list(COLUMNS)
    first = rows[0]
    assert (first["figure"], first["value"], first["verdict"]) == ("Twelve", "12", "inaccurate")
    assert first["note"] == "'=1+1" and first["editor"] == "Dana Desk"
    assert first["triage"] == "conflict" and "CONFLICT (high)" in first["findings"]
    assert first["editor_checks"] == "source_identified: pass"
    assert "pass" in first["checklist"]
    for row in rows:
        assert not any(cell.startswith(("=", "+", "@")) for cell in row.values())
    assert any(r["quote"].startswith("'=HYPERLINK") for r in rows)


@pytest.mark.parametrize(
    ("cell", "safe"),
    [("=SUM(A1)", "'=SUM(A1)"), ("+1 more", "'+1 more"), ("@x", "'@x"), ("-3", "-3"),
     ("-x", "'-x"), ("a\nb", "a b"), (None, "")],
)  # fmt: skip
def test_csv_cells_are_inert(cell: str | None, safe: str) -> None:
    assert safe_cell(cell) == safe


# --------------------------------------------------------------------------- ClaimReview


def test_claimreview_for_every_claim_with_a_verdict(tmp_path: Path) -> None:
    decisions = [
        decision("a#1", Verdict.inaccurate, "Police later corrected it."),
        decision("b#1", Verdict.accurate),
        decision("a#2", None, "only a note: no review"),
    ]
    document = json.loads(render(hostile_report(tmp_path, decisions), "claimreview"))

    assert document["@context"] == "https://schema.org"
    reviews = document["@graph"]
    assert [r["identifier"] for r in reviews] == ["a#1", "b#1"]
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        assert all(review.get(key) for key in REQUIRED)
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["author"]["@type"] == "Organization"
        assert review["itemReviewed"]["datePublished"] == "2026-03-02"
        assert review["datePublished"] == "2026-03-05"
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    false, true = reviews
    assert (false["reviewRating"]["alternateName"], false["reviewRating"]["ratingValue"]) == (
        "False",
        1,
    )
    assert false["reviewBody"] == "Police later corrected it."
    assert "appearance" not in false["itemReviewed"]  # javascript: is no appearance
    assert true["itemReviewed"]["appearance"] == [
        {"@type": "CreativeWork", "url": "https://b.example/story"}
    ]
    assert true["itemReviewed"]["author"]["name"] == "B"


def test_the_rating_scale_comes_from_the_config_file(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[claimreview]\nauthor = "The Courier Desk"\nbest = 3\nworst = 0\n'
        'review_url = "https://courier.example/checks/{claim_id}"\n'
        '[claimreview.ratings.inaccurate]\nname = "Pants on fire"\nvalue = 0\n'
    )
    settings = load_settings({}, env={}, config_file=config)
    (tmp_path / "in").mkdir()
    report = hostile_report(tmp_path / "in", [decision("a#1", Verdict.inaccurate)])

    (review,) = json.loads(render(report, "claimreview", rating_scale=settings.claimreview))[
        "@graph"
    ]
    assert review["author"] == {"@type": "Organization", "name": "The Courier Desk"}
    assert review["url"] == "https://courier.example/checks/a%231"
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Pants on fire",
        "ratingValue": 0,
        "bestRating": 3,
        "worstRating": 0,
    }


def test_unverifiable_is_named_off_the_scale() -> None:
    rating = RatingScale().ratings[Verdict.unverifiable]
    assert rating.value is None and rating.name == "Unverifiable"


# --------------------------------------------------------------------------- all formats


def test_formats_from_file_names() -> None:
    assert [format_for_path(n) for n in ("r.md", "R.HTML", "r.json", "r.csv")] == [
        "md",
        "html",
        "json",
        "csv",
    ]
    assert format_for_path("r.claimreview.json") == "claimreview"
    assert format_for_path("report.txt") is None


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_carries_the_editors_decision(tmp_path: Path, fmt: str) -> None:
    report = hostile_report(tmp_path, [decision("a#1", Verdict.misleading, "Two tolls mixed")])
    text = render(report, fmt)
    for expected in ("misleading" if fmt != "claimreview" else "Misleading", "Two tolls mixed"):
        assert expected in text
    if fmt != "claimreview":
        assert "Dana Desk" in text and "2026-03-05" in text


def test_the_renderers_load_neither_textual_nor_openai() -> None:
    code = (
        "import sys, assistant.report.render\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'openai', 'instructor', 'httpx2', 'sqlite3')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
