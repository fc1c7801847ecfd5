"""Numbered schema migrations, applied once each, in order, when a workspace is opened.

In the style of simonw/llm: every schema change is a new ``@migration`` function named
``mNNN_what_it_does``; existing ones are never edited, because workspaces in the field
have already run them. Each applied name is recorded in ``_migrations``.

Migrations run statement by statement through ``db.execute``: ``executescript`` would
COMMIT the surrounding transaction and a failed step could leave a half-built schema.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from assistant.errors import WorkspaceError

Migration = Callable[[sqlite3.Connection], None]

MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    """Register ``fn`` as the next migration; registration order is application order."""
    MIGRATIONS.append(fn)
    return fn


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply every pending migration in one transaction; return the names applied.

    ``db`` must be in autocommit mode (``isolation_level=None``): the transaction is ours.
    Raises ``WorkspaceError`` when the file is an SQLite database that is not a workspace,
    or when it records migrations this version does not know (written by a newer factcheck).
    """
    # IMMEDIATE takes the write lock up front, so two processes opening a fresh file at
    # once cannot both decide that m001 is pending.
    db.execute("BEGIN IMMEDIATE")
    try:
        applied = _applied(db)
        unknown = sorted(set(applied) - {fn.__name__ for fn in MIGRATIONS})
        if unknown:
            raise WorkspaceError(
                "this workspace was written by a newer version of factcheck "
                f"(unknown schema steps: {', '.join(unknown)}); upgrade factcheck to open it"
            )
        done: list[str] = []
        for fn in MIGRATIONS:
            if fn.__name__ not in applied:
                fn(db)
                db.execute(
                    "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                    (fn.__name__, datetime.now(UTC).isoformat()),
                )
                done.append(fn.__name__)
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:  # some errors (disk full, I/O) already rolled it back
            db.execute("ROLLBACK")
        raise
    return done


def _applied(db: sqlite3.Connection) -> list[str]:
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "_migrations" not in tables:
        if tables:
            # Someone else's database: building our tables inside it would damage it.
            raise WorkspaceError(
                "this is an SQLite database but not a factcheck workspace; "
                "choose a new file for the workspace"
            )
        db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [row[0] for row in db.execute("SELECT name FROM _migrations ORDER BY rowid")]


def _run(db: sqlite3.Connection, *statements: str) -> None:
    for statement in statements:
        db.execute(statement)


@migration
def m001_initial(db: sqlite3.Connection) -> None:
    """Articles, extraction results, analysis, the editor's decisions and the audit trail.

    Enum-valued columns carry no CHECK constraint on purpose: a new verdict or rule would
    otherwise need a table rebuild. Values are validated by the pydantic model at the edge.
    """
    _run(
        db,
        """CREATE TABLE inputs (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL,
            reason TEXT,
            article_id TEXT
        )""",
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            outlet TEXT,
            title TEXT,
            url TEXT,
            published TEXT,
            language TEXT,
            text TEXT NOT NULL,
            source TEXT NOT NULL,
            segments TEXT NOT NULL DEFAULT '[]',
            content_hash TEXT NOT NULL
        )""",
        """CREATE TABLE extractions (
            article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            extractor TEXT NOT NULL,
            model TEXT,
            prompt_version TEXT,
            status TEXT NOT NULL,
            error TEXT,
            warnings TEXT NOT NULL DEFAULT '[]',
            prompt_tokens INTEGER NOT NULL DEFAULT 0,
            completion_tokens INTEGER NOT NULL DEFAULT 0,
            calls INTEGER NOT NULL DEFAULT 0,
            retries INTEGER NOT NULL DEFAULT 0,
            duration_s REAL NOT NULL DEFAULT 0,
            run_started REAL NOT NULL,
            saved_at TEXT NOT NULL
        )""",
        # One row per claim and stage; the scalar columns serve filters without parsing JSON.
        """CREATE TABLE claims (
            id TEXT NOT NULL,
            stage TEXT NOT NULL CHECK (stage IN ('extracted', 'normalized')),
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            kind TEXT NOT NULL,
            metric TEXT,
            grounding TEXT NOT NULL,
            certainty TEXT NOT NULL,
            span_start INTEGER,
            data TEXT NOT NULL,
            PRIMARY KEY (id, stage)
        )""",
        "CREATE INDEX claims_by_article ON claims (article_id, stage, seq)",
        """CREATE TABLE clusters (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            subject TEXT,
            metric TEXT NOT NULL,
            period TEXT NOT NULL,
            claim_ids TEXT NOT NULL
        )""",
        """CREATE TABLE findings (
            id INTEGER PRIMARY KEY,
            rule TEXT NOT NULL,
            severity TEXT NOT NULL,
            cluster_id TEXT REFERENCES clusters (id) ON DELETE CASCADE,
            evidence TEXT NOT NULL,
            ok INTEGER NOT NULL CHECK (ok IN (0, 1))
        )""",
        """CREATE TABLE finding_claims (
            finding_id INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            claim_id TEXT NOT NULL,
            PRIMARY KEY (finding_id, position)
        )""",
        "CREATE INDEX finding_claims_by_claim ON finding_claims (claim_id)",
        """CREATE TABLE checklist_items (
            claim_id TEXT NOT NULL,
            key TEXT NOT NULL,
            seq INTEGER NOT NULL,
            label TEXT NOT NULL,
            status TEXT NOT NULL,
            evidence TEXT NOT NULL,
            finding_rules TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (claim_id, key)
        )""",
        # No foreign key to claims: re-analysis replaces the claim rows, and the editor's
        # decisions must outlive that.
        """CREATE TABLE decisions (
            claim_id TEXT PRIMARY KEY,
            verdict TEXT,
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE decision_items (
            claim_id TEXT NOT NULL REFERENCES decisions (claim_id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            status TEXT NOT NULL,
            PRIMARY KEY (claim_id, key)
        )""",
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            claim_id TEXT,
            key TEXT,
            old TEXT,
            new TEXT
        )""",
        "CREATE INDEX audit_by_claim ON audit (claim_id)",
        """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
           BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
        """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
           BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END""",
    )


@migration
def m002_decisions_follow_the_text(db: sqlite3.Connection) -> None:
    """Tie each decision to the text it was made on, so a re-run can tell when it changed.

    ``article_id``, ``quote`` and ``content_hash`` are the claim's article, quote and the
    article's text hash at the editor's last change; ``extractions.content_hash`` is the
    hash of the text each extraction was made from. A re-run that finds them changed
    reopens the verdict: ``old_verdict`` and ``old_quote`` keep what it was given on,
    ``reopened_at`` and ``reopened_why`` say when and why, until the editor decides again.
    Existing decisions are tied to the text they sit on now.
    """
    _run(
        db,
        "ALTER TABLE decisions ADD COLUMN article_id TEXT",
        "ALTER TABLE decisions ADD COLUMN quote TEXT",
        "ALTER TABLE decisions ADD COLUMN content_hash TEXT",
        "ALTER TABLE decisions ADD COLUMN reopened_at TEXT",
        "ALTER TABLE decisions ADD COLUMN reopened_why TEXT",
        "ALTER TABLE decisions ADD COLUMN old_verdict TEXT",
        "ALTER TABLE decisions ADD COLUMN old_quote TEXT",
        """UPDATE decisions SET
            article_id = (SELECT c.article_id FROM claims c WHERE c.id = decisions.claim_id
                          ORDER BY c.stage DESC LIMIT 1),
            quote = (SELECT json_extract(c.data, '$.quote') FROM claims c
                     WHERE c.id = decisions.claim_id ORDER BY c.stage DESC LIMIT 1)""",
        """UPDATE decisions SET content_hash =
            (SELECT a.content_hash FROM articles a WHERE a.id = decisions.article_id)""",
        "CREATE INDEX decisions_by_article ON decisions (article_id)",
        # The text each extraction was made from: a run cancelled after saving a changed
        # text but before extracting it must not leave the old claims passing for new.
        "ALTER TABLE extractions ADD COLUMN content_hash TEXT",
        """UPDATE extractions SET content_hash =
            (SELECT a.content_hash FROM articles a WHERE a.id = extractions.article_id)""",
    )


@migration
def m003_decision_versions(db: sqlite3.Connection) -> None:
    """Number each claim's decision, so a write based on a stale copy can be refused.

    ``version`` goes up by one at every change of the decision (the editor's, or a re-run
    reopening it); a claim never touched has no row, which counts as version 0. Two
    browser tabs on one workspace each write "based on version n": the second is refused
    instead of silently overwriting the first. Existing decisions start at 1.
    """
    _run(
        db,
        "ALTER TABLE decisions ADD COLUMN version INTEGER NOT NULL DEFAULT 0",
        "UPDATE decisions SET version = 1",
    )


@migration
def m004_session_identity(db: sqlite3.Connection) -> None:
    """Record who made each decision, and from which session.

    ``decisions.updated_by`` is the editor whose change last set the decision (a verdict,
    note or tick; a re-run reopening it is not a change by an editor). ``audit.session``
    names the session a row was written from: ``factcheck serve`` numbers each browser
    session ("browser session 2, 127.0.0.1"), so two tabs under one name stay apart; a
    terminal session leaves it empty. Existing decisions take the last editor the audit
    trail names for their claim.
    """
    _run(
        db,
        "ALTER TABLE decisions ADD COLUMN updated_by TEXT",
        "ALTER TABLE audit ADD COLUMN session TEXT",
        """UPDATE decisions SET updated_by =
            (SELECT a.actor FROM audit a WHERE a.claim_id = decisions.claim_id
             AND a.action IN ('item', 'verdict', 'note') ORDER BY a.id DESC LIMIT 1)""",
    )


@migration
def m005_indexes_for_large_packages(db: sqlite3.Connection) -> None:
    """Indexes for the reads the TUI makes on a package of thousands of articles.

    ``checklist_open``: how many items of each claim are still open, the claims list's
    Open column and its "unchecked first" order, counted for 45,000 claims in one read
    of the open items instead of every checklist. ``findings_problems``: the overview's
    problems by severity, for the package and per article, from the index alone.
    ``clusters_by_seq``: the clusters in their order with no sort. (Claims by article,
    findings by claim and decisions by claim were indexed by m001 and m002.)
    """
    _run(
        db,
        "CREATE INDEX checklist_open ON checklist_items (status, claim_id)",
        "CREATE INDEX findings_problems ON findings (ok, severity)",
        "CREATE INDEX clusters_by_seq ON clusters (seq)",
    )
