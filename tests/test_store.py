"""The workspace store on real SQLite files: what is saved comes back exactly, and the
editor's decisions survive reopening, re-analysis and misuse.

Rows are also checked through a separate sqlite3 connection, as another tool would see them.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from factories import claim, cluster, day, finding, source

from assistant.errors import FactcheckError, WorkspaceError
from assistant.model import (
    Article,
    Bound,
    CheckKey,
    ChecklistItem,
    CheckStatus,
    Claim,
    Comparison,
    ExtractionResult,
    ExtractionStatus,
    Hedge,
    HedgeKind,
    InputRecord,
    InputStatus,
    Quantity,
    RuleId,
    Segment,
    SegmentTag,
    Severity,
    Span,
    Usage,
    Verdict,
)
from assistant.store import ClaimDecision, Workspace, migrations

TEXT_A = "More than 2,000 people were evacuated, officials said. The figure could not be verified."
TEXT_B = "Authorities said 2,417 people were evacuated on Monday."


def make_article(article_id: str, text: str) -> Article:
    return Article(
        id=article_id,
        outlet="Daily",
        title="Floods — العنوان 🌊",
        url=f"https://example.org/{article_id}",
        published=date(2026, 3, 4),
        language="en",
        text=text,
        source=f"pkg/{article_id}.txt",
        segments=[Segment(span=Span(start=0, end=len(text)), tag=SegmentTag.body)],
    )


def make_claim(article_id: str, n: int, *, value: float = 2417, statement: str = "") -> Claim:
    return claim(
        f"{article_id}#{n}",
        "2,417 people were evacuated",
        span=Span(start=17 + n, end=44 + n),
        statement=statement or f"{value:g} people were evacuated.",
        subject="floods",
        metric="people evacuated",
        quantity=Quantity(
            value=value, bound=Bound.more_than, unit="people", text="more than 2,000"
        ),
        period=day("Monday", date(2026, 3, 2)),
        attribution=[source("officials")],
        hedges=[Hedge(cue="could not be verified", kind=HedgeKind.verification_disclaimer)],
        sentence=0,
    )


def make_result(article_id: str, claims: list[Claim], extractor: str = "mock") -> ExtractionResult:
    return ExtractionResult(
        article_id=article_id,
        extractor=extractor,
        model="mock-1",
        prompt_version="extract-v1",
        status=ExtractionStatus.partial,
        error="chunk 2 timed out",
        warnings=["quote re-asked", "ünïcödé ⚠"],
        claims=claims,
        usage=Usage(prompt_tokens=120, completion_tokens=80, calls=3, retries=1, duration_s=1.25),
    )


def make_analysis() -> tuple[list[Claim], Comparison, list[ChecklistItem]]:
    claims = [make_claim("a", 0, statement="normalized a"), make_claim("b", 0, value=2000)]
    monday = cluster("a#0", "b#0", subject="floods", metric="people evacuated", period="2026-03-02")
    findings = [
        finding(
            RuleId.CONFLICT,
            "b#0",
            "a#0",
            severity=Severity.high,
            evidence="2,000 vs 2,417",
            cluster_id="c1",
        ),
        finding(RuleId.UNVERIFIED, "a#0", evidence="x", ok=True),
    ]
    checklist = [
        ChecklistItem(
            claim_id="a#0",
            key=CheckKey.source_identified,
            label="Source identified?",
            status=CheckStatus.passed,
            evidence="officials",
        ),
        ChecklistItem(
            claim_id="a#0",
            key=CheckKey.consistent_across_articles,
            label="Consistent with other articles?",
            status=CheckStatus.failed,
            evidence="2,000 vs 2,417",
            finding_rules=[RuleId.CONFLICT],
        ),
    ]
    return claims, Comparison(clusters=[monday], findings=findings), checklist


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "desk" / "floods.factcheck"


@pytest.fixture
def ws(path: Path) -> Iterator[Workspace]:
    """A workspace with two articles, their extractions and an analysis."""
    with Workspace.open(path, actor="editor-1") as workspace:
        workspace.save_articles([make_article("a", TEXT_A), make_article("b", TEXT_B)])
        workspace.save_extraction(
            make_result("a", [make_claim("a", 0), make_claim("a", 1)]), run_started=1.0
        )
        workspace.save_extraction(make_result("b", [make_claim("b", 0)]), run_started=1.0)
        workspace.save_analysis(*make_analysis())
        yield workspace


def raw(path: Path) -> sqlite3.Connection:
    """A separate connection, as another process would open the file."""
    return sqlite3.connect(path)


def rows(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with closing(raw(path)) as db:
        return db.execute(sql, params).fetchall()


# ---------------------------------------------------------------- opening and migrations


def test_open_creates_folders_in_wal_mode_and_records_each_migration_once(path: Path) -> None:
    Workspace.open(path).close()
    first = rows(path, "SELECT name, applied_at FROM _migrations")
    Workspace.open(path).close()

    assert path.is_file()
    assert [name for name, _ in first] == [fn.__name__ for fn in migrations.MIGRATIONS]
    assert [name for name, _ in first][:2] == ["m001_initial", "m002_decisions_follow_the_text"]
    assert rows(path, "SELECT name, applied_at FROM _migrations") == first
    assert rows(path, "PRAGMA journal_mode") == [("wal",)]


def m999_add_desk(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE decisions ADD COLUMN desk TEXT")


def m999_broken(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE half_built (x)")
    raise sqlite3.OperationalError("disk I/O error")


def test_a_new_migration_is_applied_once_on_the_next_open(
    ws: Workspace, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws.set_note("a#0", "kept")
    ws.close()
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, m999_add_desk])

    Workspace.open(path).close()
    Workspace.open(path).close()

    assert [name for (name,) in rows(path, "SELECT name FROM _migrations")] == [
        *(fn.__name__ for fn in migrations.MIGRATIONS[:-1]),
        "m999_add_desk",
    ]
    assert rows(path, "SELECT note, desk FROM decisions") == [("kept", None)]


def test_m004_gives_existing_decisions_their_last_editor_from_the_audit_trail(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as m:  # a workspace written before m004
        before = [fn for fn in migrations.MIGRATIONS if fn.__name__ < "m004"]
        m.setattr(migrations, "MIGRATIONS", before)
        Workspace.open(path).close()
    audit = "INSERT INTO audit (at, actor, action, claim_id, key, old, new) VALUES (?,?,?,?,?,?,?)"
    with closing(raw(path)) as db, db:
        db.execute(
            "INSERT INTO decisions (claim_id, updated_at, verdict, version) VALUES (?, ?, ?, ?)",
            ("a#0", "2026-03-04T09:00:00+00:00", "accurate", 2),
        )
        for at, actor, action, old, new in [
            ("2026-03-04T08:00", "Ana", "verdict", None, "inaccurate"),
            ("2026-03-04T09:00", "Ben", "verdict", "inaccurate", "accurate"),
            ("2026-03-04T10:00", "Cy", "reopen", "accurate", None),
        ]:
            db.execute(audit, (at, actor, action, "a#0", None, old, new))

    with Workspace.open(path) as again:
        assert again.decision("a#0").updated_by == "Ben"  # the last editor, not the re-run
        assert [e.session for e in again.audit("a#0")] == [None, None, None]


def test_a_failing_migration_leaves_the_workspace_as_it_was(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Workspace.open(path).close()
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, m999_broken])

    with pytest.raises(WorkspaceError, match="disk I/O error"):
        Workspace.open(path)

    assert rows(path, "SELECT name FROM sqlite_master WHERE name = 'half_built'") == []
    assert rows(path, "SELECT name FROM _migrations") == [
        (fn.__name__,) for fn in migrations.MIGRATIONS if fn is not m999_broken
    ]


def test_a_schema_from_a_newer_version_is_refused(path: Path) -> None:
    Workspace.open(path).close()
    with closing(raw(path)) as db, db:
        db.execute("INSERT INTO _migrations VALUES ('m999_from_the_future', '2030-01-01')")

    with pytest.raises(WorkspaceError, match=r"newer version of factcheck .*m999_from_the_future"):
        Workspace.open(path)


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Call the ministry back.\n" * 200)

    with pytest.raises(WorkspaceError, match="not an SQLite database") as caught:
        Workspace.open(notes)

    assert isinstance(caught.value, FactcheckError)
    assert notes.read_text() == "Call the ministry back.\n" * 200


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    other = tmp_path / "contacts.db"
    with closing(raw(other)) as db, db:
        db.execute("CREATE TABLE contacts (name TEXT)")

    with pytest.raises(WorkspaceError, match="not a factcheck workspace"):
        Workspace.open(other)

    assert rows(other, "SELECT name FROM sqlite_master") == [("contacts",)]


# ---------------------------------------------------------------- pipeline results


def test_pipeline_results_come_back_exactly_after_reopening(ws: Workspace, path: Path) -> None:
    inputs = [
        InputRecord(source="pkg/a.txt", status=InputStatus.ok, article_id="a"),
        InputRecord(source="pkg/photo.jpg", status=InputStatus.rejected, reason="binary file"),
    ]
    ws.save_inputs(inputs)
    ws.save_inputs(inputs[:1])  # an upsert, not a duplicate
    ws.close()

    with Workspace.open(path) as again:
        assert again.inputs() == inputs
        assert again.articles() == [make_article("a", TEXT_A), make_article("b", TEXT_B)]
        assert again.extraction("a") == make_result("a", [make_claim("a", 0), make_claim("a", 1)])
        assert again.extraction("zzz") is None
        assert [r.article_id for r in again.extractions()] == ["a", "b"]
        _, comparison, checklist = make_analysis()
        assert again.comparison() == comparison
        assert again.checklist("a#0") == checklist
        assert again.checklist("b#0") == []

    filter_columns = "SELECT id, stage, kind, metric, grounding, certainty, span_start FROM claims"
    assert rows(path, f"{filter_columns} WHERE stage = 'normalized' ORDER BY article_id") == [
        ("a#0", "normalized", "quantity", "people evacuated", "exact", "asserted", 17),
        ("b#0", "normalized", "quantity", "people evacuated", "exact", "asserted", 17),
    ]
    assert rows(
        path, "SELECT finding_id, claim_id FROM finding_claims ORDER BY finding_id, position"
    ) == [
        (1, "b#0"),
        (1, "a#0"),
        (2, "a#0"),
    ]


def test_claims_are_the_normalized_ones_where_analysed_else_the_extracted_ones(
    ws: Workspace,
) -> None:
    assert [(c.id, c.statement) for c in ws.claims()] == [
        ("a#0", "normalized a"),
        ("b#0", "2000 people were evacuated."),
    ]

    # A new extraction of b replaces b's claims and makes its normalized ones stale.
    ws.save_extraction(make_result("b", [make_claim("b", 0), make_claim("b", 1)]), run_started=2.0)

    assert [(c.id, c.statement) for c in ws.claims()] == [
        ("a#0", "normalized a"),
        ("b#0", "2417 people were evacuated."),
        ("b#1", "2417 people were evacuated."),
    ]


def test_an_older_run_never_overwrites_a_newer_result(ws: Workspace, path: Path) -> None:
    newer = make_result("a", [make_claim("a", 7)], extractor="llm")
    older = make_result("a", [], extractor="offline")

    assert ws.save_extraction(newer, run_started=5.0) is True
    assert ws.save_extraction(older, run_started=4.0) is False

    assert ws.extraction("a") == newer
    assert rows(path, "SELECT extractor, run_started FROM extractions WHERE article_id = 'a'") == [
        ("llm", 5.0)
    ]
    assert rows(path, "SELECT id FROM claims WHERE article_id = 'a'") == [("a#7",)]
    assert [e.new for e in ws.audit() if e.action == "extract" and e.key == "a"] == [
        "mock: partial, 2 claims",
        "llm: partial, 1 claims",
    ]


def test_five_thousand_claims_round_trip(path: Path) -> None:
    many = [make_claim("a", n, value=n) for n in range(5000)]

    with Workspace.open(path) as ws:
        ws.save_articles([make_article("a", TEXT_A)])
        ws.save_extraction(make_result("a", many), run_started=1.0)
        assert ws.claims() == many
        ws.save_analysis(many, Comparison(), [])
        assert ws.claims() == many

    assert rows(path, "SELECT stage, count(*) FROM claims GROUP BY stage ORDER BY stage") == [
        ("extracted", 5000),
        ("normalized", 5000),
    ]


# ---------------------------------------------------------------- decisions


NOTE = (
    "Ministry confirmed by phone ✅ — «2 417» évacués.\n"
    "الوزارة أكدت الرقم 👍🏽 (RTL)\r\n"
    "[@click=app.quit]x[/] {{ 7*7 }} trailing   "
)


def test_decisions_come_back_exactly_after_reopening(ws: Workspace, path: Path) -> None:
    long_note = "א" * 12_500 + "🌊" * 6_250  # 50 KB of UTF-8 (2 + 4 bytes a char), one line
    ws.set_verdict("a#0", Verdict.misleading)
    ws.set_note("a#0", NOTE)
    ws.set_item_status("a#0", CheckKey.source_identified, CheckStatus.failed)
    ws.set_item_status("a#0", CheckKey.quote_verbatim, CheckStatus.passed)
    ws.set_note("b#0", long_note)
    before = ws.decisions()
    ws.close()

    with Workspace.open(path) as again:
        assert again.decisions() == before
        decision = again.decision("a#0")
        assert decision.verdict is Verdict.misleading
        assert decision.note == NOTE
        assert decision.items == {
            CheckKey.source_identified: CheckStatus.failed,
            CheckKey.quote_verbatim: CheckStatus.passed,
        }
        assert again.decision("b#0").note == long_note
        assert again.decision("a#1") == ClaimDecision(claim_id="a#1")

    assert rows(path, "SELECT verdict, note FROM decisions WHERE claim_id = 'a#0'") == [
        ("misleading", NOTE)
    ]
    assert rows(
        path, "SELECT length(CAST(note AS BLOB)) FROM decisions WHERE claim_id = 'b#0'"
    ) == [(50_000,)]
    assert rows(path, "SELECT key, status FROM decision_items ORDER BY key") == [
        ("quote_verbatim", "pass"),
        ("source_identified", "fail"),
    ]


def test_reanalysis_keeps_every_decision_and_merges_it_into_the_checklist(ws: Workspace) -> None:
    ws.set_verdict("a#0", Verdict.accurate)
    ws.set_item_status("a#0", CheckKey.consistent_across_articles, CheckStatus.passed)
    before = ws.decisions()

    ws.save_analysis(*make_analysis())
    ws.save_analysis(*make_analysis())

    assert ws.decisions() == before
    assert [(i.key, i.status, i.editor_status) for i in ws.checklist("a#0")] == [
        (CheckKey.source_identified, CheckStatus.passed, None),
        (CheckKey.consistent_across_articles, CheckStatus.failed, CheckStatus.passed),
    ]
    assert ws.checklists() == {"a#0": ws.checklist("a#0")}


def test_clearing_a_decision_leaves_it_empty(ws: Workspace, path: Path) -> None:
    ws.set_verdict("a#0", Verdict.inaccurate)
    ws.set_item_status("a#0", CheckKey.numbers_add_up, CheckStatus.open)

    ws.set_verdict("a#0", None)
    ws.set_item_status("a#0", CheckKey.numbers_add_up, None)

    decision = ws.decision("a#0")
    assert (decision.verdict, decision.note, decision.items) == (None, "", {})
    assert rows(path, "SELECT count(*) FROM decision_items") == [(0,)]


def test_every_decision_change_is_audited_with_old_and_new_values(
    ws: Workspace, path: Path
) -> None:
    ws.set_verdict("a#0", Verdict.unverifiable)
    ws.set_verdict("a#0", Verdict.unverifiable)  # no change: nothing recorded
    ws.set_verdict("a#0", Verdict.needs_context)
    ws.set_item_status("a#0", CheckKey.period_explicit, CheckStatus.na)
    ws.set_item_status("a#0", CheckKey.period_explicit, None)
    ws.set_note("a#0", NOTE)
    ws.set_note("b#0", "other claim")

    trail = [(e.actor, e.action, e.key, e.old, e.new) for e in ws.audit("a#0")]
    assert trail == [
        ("editor-1", "verdict", None, None, "unverifiable"),
        ("editor-1", "verdict", None, "unverifiable", "needs_context"),
        ("editor-1", "item", "period_explicit", None, "n.a."),
        ("editor-1", "item", "period_explicit", "n.a.", None),
        ("editor-1", "note", None, "", NOTE),
    ]
    assert [e.action for e in ws.audit()][:2] == ["import", "import"]
    assert rows(path, "SELECT action, old, new FROM audit WHERE claim_id = 'b#0'") == [
        ("note", "", "other claim")
    ]


def test_the_audit_trail_refuses_updates_and_deletes(ws: Workspace, path: Path) -> None:
    ws.set_verdict("a#0", Verdict.accurate)
    count = rows(path, "SELECT count(*) FROM audit")

    with closing(raw(path)) as db:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute("UPDATE audit SET new = 'inaccurate'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute("DELETE FROM audit")

    assert rows(path, "SELECT count(*) FROM audit") == count
    assert ws.audit("a#0")[-1].new == "accurate"


def test_decisions_from_many_threads_are_all_kept(ws: Workspace) -> None:
    def write(claim_id: str) -> None:
        for n in range(25):
            ws.set_note(claim_id, f"note {n}")

    threads = [threading.Thread(target=write, args=(c,)) for c in ("a#0", "a#1", "b#0")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert {c: d.note for c, d in ws.decisions().items()} == {
        c: "note 24" for c in ("a#0", "a#1", "b#0")
    }
    assert len([e for e in ws.audit() if e.action == "note"]) == 75


# ---------------------------------------------------------------- integrity


def test_a_decision_on_an_unknown_claim_is_refused(ws: Workspace, path: Path) -> None:
    with pytest.raises(WorkspaceError, match="'zzz#1' is not in the workspace"):
        ws.set_verdict("zzz#1", Verdict.accurate)

    assert rows(path, "SELECT count(*) FROM decisions") == [(0,)]


def test_foreign_keys_are_enforced(ws: Workspace, path: Path) -> None:
    with pytest.raises(WorkspaceError, match="FOREIGN KEY"):
        ws.save_extraction(make_result("ghost", [make_claim("ghost", 0)]), run_started=1.0)

    claims, comparison, checklist = make_analysis()
    comparison.findings[0].cluster_id = "no-such-cluster"
    with pytest.raises(WorkspaceError, match="FOREIGN KEY"):
        ws.save_analysis(claims, comparison, checklist)

    # Each failed save rolled back whole: the previous analysis is still there.
    assert ws.comparison() == make_analysis()[1]
    assert rows(path, "SELECT count(*) FROM extractions WHERE article_id = 'ghost'") == [(0,)]
    with closing(raw(path)) as db:
        db.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            db.execute("INSERT INTO decision_items VALUES ('nobody#0', 'quote_verbatim', 'pass')")
