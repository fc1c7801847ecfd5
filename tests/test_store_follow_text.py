"""Verdicts follow the text: a re-run that changes the text under a decision reopens it.

Checked in the database rows, as another process would read them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from factories import article, quoted

from assistant.model import (
    CheckKey,
    CheckStatus,
    Claim,
    ExtractionResult,
    InputRecord,
    InputStatus,
    Verdict,
)
from assistant.report.decisions import decisions_of
from assistant.report.render import render
from assistant.report.workspace import report_from_workspace
from assistant.store import Workspace

FIRST = "Officials said 2,000 people were evacuated. Rescue crews found 12 bodies."
# The evacuation figure corrected; the second sentence unchanged.
CORRECTED = "Officials said 2,400 people were evacuated. Rescue crews found 12 bodies."
# A new first sentence: every figure moves down one place.
PREPENDED = "Rain fell for 3 days. " + FIRST


def extract(ws: Workspace, text: str, quotes: list[str], run: float) -> list[Claim]:
    """Save ``text`` as article ``a`` with claims ``a#1..`` quoting ``quotes`` in order."""
    art = article("a", text)
    claims = [quoted(art, q, n) for n, q in enumerate(quotes, start=1)]
    ws.save_articles([art])
    ws.save_extraction(
        ExtractionResult(article_id="a", extractor="mock", claims=claims), run_started=run
    )
    return claims


def rows(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(path)) as db:
        return db.execute(sql, params).fetchall()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "desk.factcheck"


@pytest.fixture
def ws(path: Path) -> Iterator[Workspace]:
    with Workspace.open(path, actor="Ana Desk") as workspace:
        extract(workspace, FIRST, ["2,000 people were evacuated", "12 bodies"], run=1.0)
        workspace.set_verdict("a#1", Verdict.accurate)
        workspace.set_item_status("a#1", CheckKey.source_identified, CheckStatus.passed)
        workspace.set_note("a#1", "Matches the ministry's bulletin.")
        workspace.set_verdict("a#2", Verdict.unverifiable)
        yield workspace


def test_a_decision_records_the_quote_and_text_it_was_made_on(ws: Workspace, path: Path) -> None:
    assert rows(path, "SELECT claim_id, article_id, quote, content_hash FROM decisions") == [
        ("a#1", "a", "2,000 people were evacuated", article("a", FIRST).content_hash),
        ("a#2", "a", "12 bodies", article("a", FIRST).content_hash),
    ]


def test_unchanged_text_extracted_again_keeps_every_decision(ws: Workspace, path: Path) -> None:
    before = ws.decisions()
    extract(ws, FIRST, ["2,000 people were evacuated", "12 bodies"], run=2.0)
    assert ws.decisions() == before
    assert rows(path, "SELECT count(*) FROM audit WHERE action IN ('reopen', 'move')") == [(0,)]


def test_renumbered_claims_of_the_same_text_keep_their_decisions(ws: Workspace) -> None:
    # The same text, extracted again with the claims in another order (an LLM may).
    extract(ws, FIRST, ["12 bodies", "2,000 people were evacuated"], run=2.0)

    moved = ws.decision("a#2")
    assert (moved.verdict, moved.note, moved.reopened) == (
        Verdict.accurate,
        "Matches the ministry's bulletin.",
        False,
    )
    assert moved.items == {CheckKey.source_identified: CheckStatus.passed}
    assert ws.decision("a#1").verdict is Verdict.unverifiable
    assert [(e.action, e.old, e.new) for e in ws.audit() if e.action == "move"] == [
        ("move", "a#1", "a#2"),
        ("move", "a#2", "a#1"),
    ]


def test_changed_text_reopens_the_verdict_and_keeps_the_old_quote(
    ws: Workspace, path: Path
) -> None:
    extract(ws, CORRECTED, ["2,400 people were evacuated", "12 bodies"], run=2.0)

    figure = ws.decision("a#1")
    assert figure.verdict is None and figure.reopened
    assert figure.reopened_why == "text changed since the verdict"
    assert (figure.old_verdict, figure.old_quote) == (
        Verdict.accurate,
        "2,000 people were evacuated",
    )
    assert figure.items == {}  # the tick was on a figure that is gone
    assert figure.note == "Matches the ministry's bulletin."  # the editor's words are kept
    assert figure.quote == "2,400 people were evacuated"
    # Its quote is still there, but the article around it changed: reopened too, ticks kept.
    bodies = ws.decision("a#2")
    assert bodies.verdict is None and bodies.old_verdict is Verdict.unverifiable
    assert bodies.old_quote == "12 bodies"

    assert rows(
        path,
        "SELECT claim_id, verdict, old_verdict, old_quote, reopened_why FROM decisions"
        " ORDER BY claim_id",
    ) == [
        ("a#1", None, "accurate", "2,000 people were evacuated", "text changed since the verdict"),
        ("a#2", None, "unverifiable", "12 bodies", "text changed since the verdict"),
    ]
    assert rows(
        path,
        "SELECT actor, action, claim_id, key, old, new FROM audit WHERE action != 'extract'"
        " AND id > (SELECT max(id) FROM audit WHERE action = 'import')",
    ) == [
        ("Ana Desk", "item", "a#1", "source_identified", "pass", None),
        ("Ana Desk", "reopen", "a#1", None, "accurate", None),
        ("Ana Desk", "reopen", "a#2", None, "unverifiable", None),
    ]


def test_a_moved_figure_is_reopened_where_its_quote_went_not_left_on_another(
    ws: Workspace,
) -> None:
    extract(ws, PREPENDED, ["3 days", "2,000 people were evacuated", "12 bodies"], run=2.0)

    assert ws.decision("a#1").verdict is None
    assert not ws.decision("a#1").reopened  # "3 days" was never decided on
    figure = ws.decision("a#2")
    assert figure.reopened and figure.old_verdict is Verdict.accurate
    assert figure.old_quote == "2,000 people were evacuated"
    assert figure.items == {CheckKey.source_identified: CheckStatus.passed}  # same figure
    assert ws.decision("a#3").old_verdict is Verdict.unverifiable


def test_deciding_again_settles_a_reopened_verdict(ws: Workspace, path: Path) -> None:
    extract(ws, CORRECTED, ["2,400 people were evacuated", "12 bodies"], run=2.0)
    ws.set_verdict("a#1", Verdict.inaccurate)
    ws.set_verdict("a#2", None)  # looked at it, no verdict yet: the flag goes

    assert rows(
        path, "SELECT claim_id, verdict, reopened_at, old_verdict FROM decisions ORDER BY claim_id"
    ) == [("a#1", "inaccurate", None, None), ("a#2", None, None, None)]
    # A further run on the same text changes nothing.
    extract(ws, CORRECTED, ["2,400 people were evacuated", "12 bodies"], run=3.0)
    assert ws.decision("a#1").verdict is Verdict.inaccurate


def test_reopened_twice_keeps_the_verdict_and_quote_first_reopened(ws: Workspace) -> None:
    extract(ws, CORRECTED, ["2,400 people were evacuated", "12 bodies"], run=2.0)
    extract(ws, FIRST.replace("2,000", "2,500"), ["2,500 people were evacuated"], run=3.0)

    figure = ws.decision("a#1")
    assert (figure.old_verdict, figure.old_quote) == (
        Verdict.accurate,
        "2,000 people were evacuated",
    )


def test_a_decision_whose_claim_is_gone_is_kept_flagged(ws: Workspace) -> None:
    extract(ws, "Nothing to count here.", [], run=2.0)

    gone = ws.decisions()
    assert set(gone) == {"a#1", "a#2"}
    assert all(d.reopened and d.verdict is None and d.quote is None for d in gone.values())


def test_the_migration_ties_existing_decisions_to_their_text(path: Path) -> None:
    with Workspace.open(path) as ws:
        extract(ws, FIRST, ["2,000 people were evacuated"], run=1.0)
    # Take the file back to before m002: a workspace with a decision tied to nothing.
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("DROP INDEX decisions_by_article")
        for column in (
            "article_id",
            "quote",
            "content_hash",
            "reopened_at",
            "reopened_why",
            "old_verdict",
            "old_quote",
        ):
            db.execute(f"ALTER TABLE decisions DROP COLUMN {column}")
        db.execute("ALTER TABLE extractions DROP COLUMN content_hash")
        db.execute("DELETE FROM _migrations WHERE name = 'm002_decisions_follow_the_text'")
        db.execute(
            "INSERT INTO decisions (claim_id, verdict, updated_at)"
            " VALUES ('a#1', 'accurate', '2026-03-01T00:00:00+00:00')"
        )

    with Workspace.open(path, actor="Ana Desk") as ws:
        assert ws.decision("a#1").quote == "2,000 people were evacuated"
        assert ws.decision("a#1").content_hash == article("a", FIRST).content_hash
        assert ws.extracted_from() == {"a": article("a", FIRST).content_hash}
        extract(ws, CORRECTED, ["2,400 people were evacuated"], run=2.0)
        assert ws.decision("a#1").old_verdict is Verdict.accurate


def test_every_export_says_a_verdict_was_reopened(ws: Workspace) -> None:
    extract(ws, CORRECTED, ["2,400 people were evacuated", "12 bodies"], run=2.0)

    bodies = {d.claim_id: d for d in decisions_of(ws)}["a#2"]  # no note, no ticks left
    assert bodies.verdict is None and bodies.reopened == "text changed since the verdict"
    assert (bodies.old_verdict, bodies.old_quote) == (Verdict.unverifiable, "12 bodies")

    ws.save_inputs([InputRecord(source="a.txt", status=InputStatus.ok, article_id="a")])
    report = report_from_workspace(ws)
    assert "⚠ reopened: text changed since the verdict (was **unverifiable** on “12 bodies”)" in (
        render(report, "md")
    )
    assert "⚠ Reopened: text changed since the verdict" in render(report, "html")
    assert "text changed since the verdict" in render(report, "csv")
