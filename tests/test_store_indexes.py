"""The indexes the TUI's reads need on a package of thousands of articles (migration m005),
checked with EXPLAIN QUERY PLAN on a real workspace, and the one-read counts they serve."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from tui_package import story_workspace

from assistant.model import CheckKey, CheckStatus, Verdict
from assistant.store import Workspace, migrations
from assistant.store import workspace as store
from assistant.tui.package import count_open


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(story_workspace(tmp_path / "floods.sqlite"), actor="tester") as ws:
        yield ws


def plan(db: sqlite3.Connection, sql: str) -> str:
    params = (None,) * sql.count("?")
    return "\n".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_the_hot_queries_use_their_indexes(workspace: Workspace) -> None:
    with closing(sqlite3.connect(workspace.path)) as db:
        assert "USING COVERING INDEX checklist_open (status=?)" in plan(db, store._AUTO_OPEN)
        assert "USING COVERING INDEX findings_problems (ok=?)" in plan(db, store._PROBLEMS)
        per_article = plan(db, store._FINDINGS_PER_ARTICLE)
        assert "findings_problems (ok=?)" in per_article
        assert "SCAN" not in per_article
        clusters = plan(db, "SELECT * FROM clusters ORDER BY seq")
        assert "clusters_by_seq" in clusters and "TEMP B-TREE" not in clusters
        # The claims in package order: each article's claims through claims_by_article,
        # already in text order; nothing sorted, only the articles walked.
        for sql in (store._CLAIM_BRIEFS, store._CURRENT_CLAIMS, store._CLAIMS_PER_ARTICLE):
            steps = plan(db, sql)
            assert (
                "SEARCH c USING" in steps
                and "claims_by_article (article_id=? AND stage=?)" in steps
            )
            assert "TEMP B-TREE" not in steps
        checklist = plan(db, f"{store._CHECKLIST} WHERE c.claim_id = ? ORDER BY c.seq")
        assert "SEARCH c USING INDEX sqlite_autoindex_checklist_items_1 (claim_id=?)" in checklist


def test_m005_adds_the_indexes_to_an_older_workspace_and_keeps_decision_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = story_workspace(tmp_path / "old.sqlite")
    with closing(sqlite3.connect(path)) as db, db:
        for index in ("checklist_open", "findings_problems", "clusters_by_seq"):
            db.execute(f"DROP INDEX {index}")
        db.execute("DELETE FROM _migrations WHERE name = 'm005_indexes_for_large_packages'")
    with Workspace.open(path) as workspace:  # as a workspace written before m005
        workspace.set_verdict("star#1", Verdict.inaccurate)
        version = workspace.decision("star#1").version
    with closing(sqlite3.connect(path)) as db:
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        applied = [row[0] for row in db.execute("SELECT name FROM _migrations ORDER BY rowid")]
    assert {"checklist_open", "findings_problems", "clusters_by_seq"} <= names
    assert applied == [fn.__name__ for fn in migrations.MIGRATIONS]
    assert applied[2:] == [
        "m003_decision_versions",
        "m004_session_identity",
        "m005_indexes_for_large_packages",
    ]
    assert version == 1


def test_open_items_counted_in_one_read_match_each_checklist(workspace: Workspace) -> None:
    workspace.set_item_status("star#1", CheckKey.source_identified, CheckStatus.open)
    workspace.set_item_status("metro#1", CheckKey.independently_verified, CheckStatus.passed)
    counted = workspace.open_items()
    for claim in workspace.claims():
        assert counted.get(claim.id, 0) == count_open(workspace.checklist(claim.id)), claim.id
