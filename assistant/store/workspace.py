"""The editor's workspace: one SQLite file holding a story package and every decision on it.

Durability is the point. The file runs in WAL mode with ``synchronous=FULL``, so a
transaction is on disk when COMMIT returns; each editor decision is its own transaction,
so a crash or a kill loses at most the call in flight and never corrupts the file.

One connection serves the whole process. The TUI calls in from worker threads, so every
call takes a lock: sqlite3 would otherwise let one thread's statements run inside
another thread's open transaction.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from assistant.errors import WorkspaceCorruptError, WorkspaceError
from assistant.model import (
    Article,
    CheckKey,
    ChecklistItem,
    CheckStatus,
    Claim,
    Comparison,
    ExtractionResult,
    InputRecord,
    Severity,
    Verdict,
)
from assistant.store import rows
from assistant.store.migrations import migrate
from assistant.store.records import AuditEntry, ClaimBrief, ClaimDecision, PackageTotals

BUSY_TIMEOUT_MS = 5000  # how long to wait for another process holding the write lock

_UPSERT_INPUT = """
    INSERT INTO inputs (source, status, reason, article_id)
    VALUES (:source, :status, :reason, :article_id)
    ON CONFLICT (source) DO UPDATE SET
        status = excluded.status, reason = excluded.reason, article_id = excluded.article_id
"""
# ON CONFLICT DO UPDATE, not INSERT OR REPLACE: a REPLACE deletes the row first, and the
# delete would cascade to the article's extraction and claims.
_UPSERT_ARTICLE = """
    INSERT INTO articles (id, outlet, title, url, published, language, text, source,
                          segments, content_hash)
    VALUES (:id, :outlet, :title, :url, :published, :language, :text, :source,
            :segments, :content_hash)
    ON CONFLICT (id) DO UPDATE SET
        outlet = excluded.outlet, title = excluded.title, url = excluded.url,
        published = excluded.published, language = excluded.language, text = excluded.text,
        source = excluded.source, segments = excluded.segments,
        content_hash = excluded.content_hash
"""
_UPSERT_EXTRACTION = """
    INSERT OR REPLACE INTO extractions (article_id, extractor, model, prompt_version, status,
        error, warnings, prompt_tokens, completion_tokens, calls, retries, duration_s,
        run_started, saved_at)
    VALUES (:article_id, :extractor, :model, :prompt_version, :status, :error, :warnings,
        :prompt_tokens, :completion_tokens, :calls, :retries, :duration_s, :run_started,
        :saved_at)
"""
_INSERT_CLAIM = """
    INSERT INTO claims (id, stage, article_id, seq, kind, metric, grounding, certainty,
                        span_start, data)
    VALUES (:id, :stage, :article_id, :seq, :kind, :metric, :grounding, :certainty,
            :span_start, :data)
"""
_INSERT_CLUSTER = """
    INSERT INTO clusters (id, seq, subject, metric, period, claim_ids)
    VALUES (:id, :seq, :subject, :metric, :period, :claim_ids)
"""
_INSERT_FINDING = """
    INSERT INTO findings (id, rule, severity, cluster_id, evidence, ok)
    VALUES (:id, :rule, :severity, :cluster_id, :evidence, :ok)
"""
_INSERT_FINDING_CLAIM = """
    INSERT INTO finding_claims (finding_id, position, claim_id)
    VALUES (:finding_id, :position, :claim_id)
"""
_INSERT_CHECKLIST_ITEM = """
    INSERT INTO checklist_items (claim_id, key, seq, label, status, evidence, finding_rules)
    VALUES (:claim_id, :key, :seq, :label, :status, :evidence, :finding_rules)
"""
# Per article: its normalized claims once an analysis covered it, else its extracted ones.
# For ``a``, an article row: asked once per article, through claims_by_article.
_CURRENT_STAGE = """(CASE WHEN EXISTS (SELECT 1 FROM claims n
                                     WHERE n.article_id = a.id AND n.stage = 'normalized')
                     THEN 'normalized' ELSE 'extracted' END)"""
# Articles first, in their order (CROSS JOIN keeps SQLite from reordering the join), then
# each one's claims through claims_by_article, already in text order: nothing to sort.
_CURRENT_CLAIMS = f"""
    SELECT c.data FROM articles a CROSS JOIN claims c
    WHERE c.article_id = a.id AND c.stage = {_CURRENT_STAGE}
    ORDER BY a.rowid, c.seq
"""
_CLAIM_BRIEFS = f"""
    SELECT c.id, c.article_id, c.data,
           json_extract(c.data, '$.statement') AS statement,
           json_extract(c.data, '$.quote') AS quote,
           json_extract(c.data, '$.check_worthiness') AS check_worthiness
    FROM articles a CROSS JOIN claims c
    WHERE c.article_id = a.id AND c.stage = {_CURRENT_STAGE}
    ORDER BY a.rowid, c.seq
"""
_CLAIMS_PER_ARTICLE = f"""
    SELECT a.id AS article_id, count(*) AS n FROM articles a CROSS JOIN claims c
    WHERE c.article_id = a.id AND c.stage = {_CURRENT_STAGE}
    GROUP BY a.id
"""
# Problems on each article's current claims, by severity (a finding per claim it names).
_FINDINGS_PER_ARTICLE = f"""
    SELECT c.article_id, f.severity, count(*) AS n
    FROM findings f JOIN finding_claims fc ON fc.finding_id = f.id
    JOIN claims c ON c.id = fc.claim_id JOIN articles a ON a.id = c.article_id
    WHERE f.ok = 0 AND c.stage = {_CURRENT_STAGE}
    GROUP BY c.article_id, f.severity
"""
_PROBLEMS = "SELECT severity, count(*) AS n FROM findings WHERE ok = 0 GROUP BY severity"
_IS_CURRENT = f"""EXISTS (SELECT 1 FROM claims c JOIN articles a ON a.id = c.article_id
                          WHERE c.id = d.claim_id AND c.stage = {_CURRENT_STAGE})"""
_DECIDED = f"SELECT count(*) FROM decisions d WHERE d.verdict IS NOT NULL AND {_IS_CURRENT}"
_REOPENED = "SELECT count(*) FROM decisions WHERE reopened_at IS NOT NULL"
_ORPHANS = f"SELECT * FROM decisions d WHERE d.reopened_at IS NOT NULL AND NOT {_IS_CURRENT}"
# Open checklist items: the automatic ones (through checklist_open, migration m005),
# then corrected by the few items the editor set.
_AUTO_OPEN = (
    "SELECT claim_id, count(*) AS n FROM checklist_items WHERE status = 'open' GROUP BY claim_id"
)
_EDITOR_ITEMS = """
    SELECT d.claim_id, d.status AS mine, c.status AS auto FROM decision_items d
    JOIN checklist_items c ON c.claim_id = d.claim_id AND c.key = d.key
"""
_CHECKLIST = """
    SELECT c.*, d.status AS editor_status FROM checklist_items c
    LEFT JOIN decision_items d ON d.claim_id = c.claim_id AND d.key = c.key
"""
# Every change ties the decision to the text it was made on: the claim's quote and its
# article's text hash (the normalized row when there is one; both stages quote alike).
_TOUCH_DECISION = """
    INSERT INTO decisions (claim_id, updated_at, updated_by, article_id, quote, content_hash,
                           version)
    SELECT :claim_id, :at, :by, c.article_id, json_extract(c.data, '$.quote'),
           a.content_hash, 1
    FROM claims c JOIN articles a ON a.id = c.article_id
    WHERE c.id = :claim_id ORDER BY c.stage DESC LIMIT 1
    ON CONFLICT (claim_id) DO UPDATE SET updated_at = excluded.updated_at,
        updated_by = excluded.updated_by, article_id = excluded.article_id, quote = excluded.quote,
        content_hash = excluded.content_hash, version = decisions.version + 1
"""
_QUOTES = """
    SELECT id, json_extract(data, '$.quote') AS quote FROM claims
    WHERE article_id = ? AND stage = 'extracted' ORDER BY seq
"""
TEXT_CHANGED = "text changed since the verdict"
QUOTE_GONE = "its quote is not among the claims extracted again"


# Who the audit trail names when nobody said: never the OS login, which on a shared desk
# machine or in a container names the account, not the editor.
UNNAMED_EDITOR = "unnamed editor"


class StaleDecisionError(WorkspaceError):
    """A decision was changed (in another session) since the copy a write was based on.

    ``current`` is the decision as it now stands, ``by`` who changed it last.
    """

    def __init__(self, current: ClaimDecision, by: str | None) -> None:
        self.current = current
        self.by = by
        verdict = current.verdict.value.replace("_", " ") if current.verdict else "none"
        who = f" by {by}" if by else ""
        super().__init__(
            f"claim {current.claim_id} was changed{who} in another session since you opened "
            f"it; your change was not saved. Its verdict is now: {verdict}."
        )


def _prepare(db: sqlite3.Connection) -> None:
    """Set the connection up for durable work and bring the schema up to date."""
    db.row_factory = sqlite3.Row
    # The first read of the file: a non-database fails here with SQLITE_NOTADB.
    mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if mode != "wal":
        raise WorkspaceError(f"cannot switch the workspace to WAL mode (it stays in {mode!r})")
    # FULL: in WAL mode this syncs the log at every COMMIT, so a decision is on disk
    # before set_* returns. NORMAL would survive a kill but not a power cut.
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")  # per connection, and off by default
    _check_integrity(db)
    migrate(db)


def _check_integrity(db: sqlite3.Connection) -> None:
    """Refuse a damaged file now, in words, rather than at the first read of a bad page.

    quick_check reads every page (it skips only the index-to-table cross-checks), which
    for a workspace of thousands of claims is a few milliseconds.
    """
    try:
        problems = [row[0] for row in db.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    if problems != ["ok"]:
        raise WorkspaceCorruptError(
            f"the workspace file is damaged ({'; '.join(problems)}); "
            "restore it from a backup, or start a new one with another --workspace"
        )


# How often a reader's ``pause`` is called: every 1,000 steps of SQLite's virtual machine,
# about every hundred rows of the claims list's read (a millisecond or two of Python).
_PAUSE_EVERY_STEPS = 1000


def _now() -> datetime:
    # Called under the write lock, so audit times never run backwards against audit ids.
    return datetime.now(UTC)


class Workspace:
    """A story package and the editor's work on it, in one SQLite file.

    Every public method raises ``WorkspaceError`` when the file cannot be read or
    written (locked too long by another process, disk full, I/O error, constraint
    violated by the data given).
    """

    def __init__(
        self, db: sqlite3.Connection, path: Path, actor: str, session: str | None = None
    ) -> None:
        """Use ``Workspace.open``; this takes a connection that is already set up."""
        self._db = db
        self._lock = threading.Lock()
        self.path = path
        self.actor = actor
        self.session = session

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, path: Path, *, actor: str | None = None, session: str | None = None) -> Workspace:
        """Create the workspace at ``path`` (and its folders) or reopen and migrate it.

        ``actor`` names the editor in the audit trail and on each decision they make (the
        ``editor`` setting); without one it is ``UNNAMED_EDITOR``. ``session`` names where
        the changes come from (``factcheck serve``'s "browser session 2, 127.0.0.1") in
        every audit row; None for a terminal.
        Raises ``WorkspaceError`` when ``path`` cannot be created, is not an SQLite
        database, is another program's database, or was written by a newer factcheck.
        """
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so each decision is
            # exactly one transaction. check_same_thread=False: guarded by our lock.
            # timeout= is SQLite's busy_timeout: wait for another writer, then fail.
            db = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
            )
        except (OSError, sqlite3.Error) as exc:
            raise WorkspaceError(f"cannot open workspace {path}: {exc}") from exc
        try:
            _prepare(db)
        except WorkspaceError as exc:
            db.close()
            raise type(exc)(f"{path}: {exc}") from exc
        except sqlite3.Error as exc:
            db.close()
            if getattr(exc, "sqlite_errorname", None) == "SQLITE_NOTADB":
                raise WorkspaceError(
                    f"{path} is not a factcheck workspace (not an SQLite database); "
                    "choose another file for --workspace"
                ) from exc
            raise WorkspaceError(f"cannot open workspace {path}: {exc}") from exc
        return cls(db, path, actor or UNNAMED_EDITOR, session)

    def reader(self, pause: Callable[[], None] | None = None) -> Workspace:
        """Another connection to this file, for reading in another thread.

        In WAL mode readers do not wait for each other, so a long read there (the TUI
        loading 45,000 claims) never holds up this connection's calls. The file was
        checked and migrated when this workspace was opened. Close it when done.
        ``pause``, when given, is called every few hundred rows while a read runs: a
        reader in the background can wait there while another thread needs the
        interpreter (it must not raise). Raises ``WorkspaceError`` when the file cannot
        be opened again.
        """
        try:
            db = sqlite3.connect(
                self.path,
                isolation_level=None,
                check_same_thread=False,
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA foreign_keys = ON")
            if pause is not None:
                # SQLite calls it every N steps of its virtual machine, which reading a
                # row runs: the rows of one long read reach Python in short runs.
                db.set_progress_handler(lambda: pause() or 0, _PAUSE_EVERY_STEPS)
        except sqlite3.Error as exc:
            raise WorkspaceError(f"cannot open workspace {self.path}: {exc}") from exc
        return Workspace(db, self.path, self.actor, self.session)

    def close(self) -> None:
        """Close the file; committed work is already on disk. Calling it twice is harmless."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _transaction(self, *, write: bool) -> Iterator[sqlite3.Connection]:
        """One transaction under the lock: committed on success, rolled back on any error.

        Writes begin IMMEDIATE (take the write lock before reading, so a read-then-write
        cannot be overtaken by another process); reads get a consistent snapshot.
        """
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                try:
                    yield self._db
                    self._db.execute("COMMIT")
                except BaseException:
                    if self._db.in_transaction:  # disk-full and I/O errors roll back by themselves
                        self._db.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise WorkspaceError(f"workspace {self.path}: {exc}") from exc

    # ------------------------------------------------------------------ pipeline results

    def save_inputs(self, inputs: Sequence[InputRecord]) -> None:
        """Record the inputs as given (upsert by source, first-seen order kept)."""
        with self._transaction(write=True) as db:
            db.executemany(_UPSERT_INPUT, [rows.input_params(record) for record in inputs])

    def save_articles(self, articles: Sequence[Article]) -> None:
        """Upsert articles by id; a new or changed text is recorded in the audit trail."""
        with self._transaction(write=True) as db:
            at = _now()
            known = {
                row["id"]: row["content_hash"]
                for row in db.execute("SELECT id, content_hash FROM articles")
            }
            db.executemany(_UPSERT_ARTICLE, [rows.article_params(article) for article in articles])
            for article in articles:
                old = known.get(article.id)
                if old != article.content_hash:
                    self._audit(db, at, "import", None, article.id, old, article.content_hash)

    def save_extraction(self, result: ExtractionResult, *, run_started: float) -> bool:
        """Store ``result`` and its claims, replacing the article's previous extraction.

        Returns False, storing nothing, when the stored result comes from a run that
        started later: results never overwrite newer ones. The article's normalized
        claims are dropped too, since they were derived from the replaced extraction.
        The editor's decisions on the article follow their quotes (``_follow_text``):
        kept, moved to the claim that now quotes them, or reopened when the text changed.
        Raises ``WorkspaceError`` when the article is not in the workspace.
        """
        with self._transaction(write=True) as db:
            at = _now()
            previous = db.execute(
                "SELECT run_started, extractor, status FROM extractions WHERE article_id = ?",
                (result.article_id,),
            ).fetchone()
            if previous is not None and previous["run_started"] > run_started:
                return False
            before = {r["id"]: r["quote"] for r in db.execute(_QUOTES, (result.article_id,))}
            db.execute("DELETE FROM claims WHERE article_id = ?", (result.article_id,))
            db.execute(
                _UPSERT_EXTRACTION,
                rows.extraction_params(result, run_started=run_started, saved_at=at),
            )
            # The article row holds the text the extractor was given (saved before it ran).
            db.execute(
                "UPDATE extractions SET content_hash ="
                " (SELECT content_hash FROM articles WHERE id = ?) WHERE article_id = ?",
                (result.article_id, result.article_id),
            )
            db.executemany(
                _INSERT_CLAIM,
                [
                    rows.claim_params(c, stage="extracted", seq=i)
                    for i, c in enumerate(result.claims)
                ],
            )
            old = f"{previous['extractor']}: {previous['status']}" if previous else None
            new = f"{result.extractor}: {result.status.value}, {len(result.claims)} claims"
            self._audit(db, at, "extract", None, result.article_id, old, new)
            self._follow_text(db, at, result.article_id, before)
        return True

    def save_analysis(
        self, claims: Sequence[Claim], comparison: Comparison, checklists: Sequence[ChecklistItem]
    ) -> None:
        """Replace normalized claims, clusters, findings and automatic checklist items.

        The editor's decisions are never touched. Raises ``WorkspaceError`` when a claim
        names an article that is not stored or a finding names an unknown cluster.
        """
        with self._transaction(write=True) as db:
            for table in ("finding_claims", "findings", "clusters", "checklist_items"):
                db.execute(f"DELETE FROM {table}")  # fixed names, not input
            db.execute("DELETE FROM claims WHERE stage = 'normalized'")
            db.executemany(
                _INSERT_CLAIM,
                [rows.claim_params(c, stage="normalized", seq=i) for i, c in enumerate(claims)],
            )
            db.executemany(
                _INSERT_CLUSTER,
                [rows.cluster_params(c, seq=i) for i, c in enumerate(comparison.clusters)],
            )
            numbered = list(enumerate(comparison.findings, start=1))
            db.executemany(
                _INSERT_FINDING, [rows.finding_params(f, finding_id=n) for n, f in numbered]
            )
            db.executemany(
                _INSERT_FINDING_CLAIM,
                [link for n, f in numbered for link in rows.finding_claim_params(f, finding_id=n)],
            )
            db.executemany(
                _INSERT_CHECKLIST_ITEM,
                [rows.checklist_params(item, seq=i) for i, item in enumerate(checklists)],
            )

    # ------------------------------------------------------------------ reads

    def inputs(self) -> list[InputRecord]:
        """Every recorded input, in the order first given."""
        with self._transaction(write=False) as db:
            return [rows.input_from_row(r) for r in db.execute("SELECT * FROM inputs ORDER BY id")]

    def articles(self) -> list[Article]:
        """Every article, in the order first saved."""
        with self._transaction(write=False) as db:
            return [
                rows.article_from_row(r)
                for r in db.execute("SELECT * FROM articles ORDER BY rowid")
            ]

    def extraction(self, article_id: str) -> ExtractionResult | None:
        """The stored extraction of one article with its extracted claims, or None."""
        with self._transaction(write=False) as db:
            row = db.execute(
                "SELECT * FROM extractions WHERE article_id = ?", (article_id,)
            ).fetchone()
            return (
                None
                if row is None
                else rows.extraction_from_row(row, self._extracted(db, article_id))
            )

    def extractions(self) -> list[ExtractionResult]:
        """Every stored extraction, in article order."""
        with self._transaction(write=False) as db:
            found = db.execute(
                "SELECT e.* FROM extractions e JOIN articles a ON a.id = e.article_id"
                " ORDER BY a.rowid"
            ).fetchall()
            return [
                rows.extraction_from_row(r, self._extracted(db, r["article_id"])) for r in found
            ]

    def extraction_outcomes(self) -> list[ExtractionResult]:
        """Every stored extraction in article order, its claims left out (``claims`` is
        empty): how each went, without reading the claims (see ``claim_briefs``)."""
        with self._transaction(write=False) as db:
            found = db.execute(
                "SELECT e.* FROM extractions e JOIN articles a ON a.id = e.article_id"
                " ORDER BY a.rowid"
            )
            return [rows.extraction_from_row(r, []) for r in found]

    def extracted_from(self) -> dict[str, str | None]:
        """Per extracted article, the hash of the text its extraction was made from
        (None for an extraction saved before this was recorded)."""
        with self._transaction(write=False) as db:
            return {
                r["article_id"]: r["content_hash"]
                for r in db.execute("SELECT article_id, content_hash FROM extractions")
            }

    def claims(self) -> list[Claim]:
        """The current claims in article order: normalized where analysed, else extracted."""
        with self._transaction(write=False) as db:
            return [rows.claim_from_row(r) for r in db.execute(_CURRENT_CLAIMS)]

    def claim_count(self) -> int:
        """How many claims the articles hold (every claim has its extracted row)."""
        with self._transaction(write=False) as db:
            found = db.execute("SELECT count(*) FROM claims WHERE stage = 'extracted'")
            return int(found.fetchone()[0])

    def claim_briefs(self) -> list[ClaimBrief]:
        """The current claims as ``claims`` gives them, in its order, each as a list shows
        it: the few fields read in SQL, the rest kept as JSON, not validated."""
        with self._transaction(write=False) as db:
            return [
                ClaimBrief(
                    id=r["id"],
                    article_id=r["article_id"],
                    statement=r["statement"],
                    quote=r["quote"],
                    check_worthiness=r["check_worthiness"],
                    data=r["data"],
                )
                for r in db.execute(_CLAIM_BRIEFS)
            ]

    def totals(self) -> PackageTotals:
        """The counts the overview shows, without reading any claim: claims and problems
        per article, problems of the package, verdicts given, verdicts reopened."""
        totals = PackageTotals()
        with self._transaction(write=False) as db:
            for r in db.execute(_CLAIMS_PER_ARTICLE):
                totals.claims[r["article_id"]] = r["n"]
            for r in db.execute(_FINDINGS_PER_ARTICLE):
                counts = totals.article_findings.setdefault(r["article_id"], Counter())
                counts[Severity(r["severity"])] = r["n"]
            for r in db.execute(_PROBLEMS):
                totals.findings[Severity(r["severity"])] = r["n"]
            totals.decided = db.execute(_DECIDED).fetchone()[0]
            totals.reopened = db.execute(_REOPENED).fetchone()[0]
        return totals

    def orphans(self) -> list[ClaimDecision]:
        """Reopened decisions whose claim is no longer among the current claims."""
        with self._transaction(write=False) as db:
            return [self._decision(db, r["claim_id"]) for r in db.execute(_ORPHANS).fetchall()]

    def open_items(self) -> dict[str, int]:
        """How many checklist items of each claim are open, as ``checklist`` would count
        them (the editor's status where set, else the automatic one), in one read.
        Claims with none open are left out."""
        open_now = CheckStatus.open.value
        with self._transaction(write=False) as db:
            counts = Counter({r["claim_id"]: r["n"] for r in db.execute(_AUTO_OPEN)})
            for r in db.execute(_EDITOR_ITEMS):
                counts[r["claim_id"]] += (r["mine"] == open_now) - (r["auto"] == open_now)
        return {claim_id: n for claim_id, n in counts.items() if n > 0}

    def comparison(self) -> Comparison:
        """The stored clusters and findings (empty before the first analysis)."""
        with self._transaction(write=False) as db:
            clusters = [
                rows.cluster_from_row(r) for r in db.execute("SELECT * FROM clusters ORDER BY seq")
            ]
            claim_ids: dict[int, list[str]] = {}
            for link in db.execute(
                "SELECT finding_id, claim_id FROM finding_claims ORDER BY finding_id, position"
            ):
                claim_ids.setdefault(link["finding_id"], []).append(link["claim_id"])
            findings = [
                rows.finding_from_row(r, claim_ids.get(r["id"], []))
                for r in db.execute("SELECT * FROM findings ORDER BY id")
            ]
        return Comparison(clusters=clusters, findings=findings)

    def checklist(self, claim_id: str) -> list[ChecklistItem]:
        """The claim's automatic checklist, with the editor's own status merged in."""
        with self._transaction(write=False) as db:
            found = db.execute(f"{_CHECKLIST} WHERE c.claim_id = ? ORDER BY c.seq", (claim_id,))
            return [rows.checklist_from_row(r) for r in found]

    def checklists(self) -> dict[str, list[ChecklistItem]]:
        """Every claim's checklist as ``checklist`` gives it, by claim id, in one read."""
        grouped: dict[str, list[ChecklistItem]] = {}
        with self._transaction(write=False) as db:
            for r in db.execute(f"{_CHECKLIST} ORDER BY c.seq"):
                grouped.setdefault(r["claim_id"], []).append(rows.checklist_from_row(r))
        return grouped

    def decision(self, claim_id: str) -> ClaimDecision:
        """The editor's decision on one claim (empty if the claim was never touched)."""
        with self._transaction(write=False) as db:
            return self._decision(db, claim_id)

    @staticmethod
    def _decision(db: sqlite3.Connection, claim_id: str) -> ClaimDecision:
        row = db.execute("SELECT * FROM decisions WHERE claim_id = ?", (claim_id,)).fetchone()
        if row is None:
            return ClaimDecision(claim_id=claim_id)
        items = db.execute("SELECT key, status FROM decision_items WHERE claim_id = ?", (claim_id,))
        return rows.decision_from_rows(row, items.fetchall())

    def decisions(self) -> dict[str, ClaimDecision]:
        """Every claim the editor touched, by claim id."""
        with self._transaction(write=False) as db:
            items: dict[str, list[sqlite3.Row]] = {}
            for item in db.execute("SELECT * FROM decision_items ORDER BY claim_id, key"):
                items.setdefault(item["claim_id"], []).append(item)
            return {
                r["claim_id"]: rows.decision_from_rows(r, items.get(r["claim_id"], []))
                for r in db.execute("SELECT * FROM decisions ORDER BY claim_id")
            }

    def audit(self, claim_id: str | None = None) -> list[AuditEntry]:
        """The audit trail, oldest first; only the claim's entries when ``claim_id`` is given."""
        with self._transaction(write=False) as db:
            if claim_id is None:
                found = db.execute("SELECT * FROM audit ORDER BY id")
            else:
                found = db.execute(
                    "SELECT * FROM audit WHERE claim_id = ? ORDER BY id", (claim_id,)
                )
            return [rows.audit_from_row(r) for r in found]

    # ------------------------------------------------------------------ editor decisions
    # Each call is one transaction, on disk before it returns, with its audit row inside
    # the same transaction. Setting a value it already has changes and records nothing.

    def set_item_status(
        self,
        claim_id: str,
        key: CheckKey,
        status: CheckStatus | None,
        *,
        based_on: int | None = None,
    ) -> None:
        """Set the editor's status of one checklist item; None clears it.

        ``based_on`` is the decision's ``version`` the change was made on (as every
        ``set_*`` takes it): when the decision has changed since, the write is refused with
        ``StaleDecisionError``. Raises ``WorkspaceError`` when the claim is not in the
        workspace.
        """
        key = CheckKey(key)
        new = None if status is None else CheckStatus(status).value
        with self._transaction(write=True) as db:
            at = _now()
            self._require_claim(db, claim_id)
            self._require_version(db, claim_id, based_on)
            row = db.execute(
                "SELECT status FROM decision_items WHERE claim_id = ? AND key = ?",
                (claim_id, key.value),
            ).fetchone()
            old = None if row is None else row["status"]
            if old == new:
                return
            self._touch(db, claim_id, at)
            if new is None:
                db.execute(
                    "DELETE FROM decision_items WHERE claim_id = ? AND key = ?",
                    (claim_id, key.value),
                )
            else:
                db.execute(
                    "INSERT INTO decision_items (claim_id, key, status) VALUES (?, ?, ?)"
                    " ON CONFLICT (claim_id, key) DO UPDATE SET status = excluded.status",
                    (claim_id, key.value, new),
                )
            self._audit(db, at, "item", claim_id, key.value, old, new)

    def set_verdict(
        self, claim_id: str, verdict: Verdict | None, *, based_on: int | None = None
    ) -> None:
        """Set the editor's verdict on a claim; None clears it.

        Either settles a verdict a re-run reopened (``ClaimDecision.reopened``).
        Raises ``StaleDecisionError`` (see ``set_item_status``) and ``WorkspaceError`` when
        the claim is not in the workspace.
        """
        new = None if verdict is None else Verdict(verdict).value
        with self._transaction(write=True) as db:
            at = _now()
            self._require_claim(db, claim_id)
            self._require_version(db, claim_id, based_on)
            row = db.execute(
                "SELECT verdict, reopened_at FROM decisions WHERE claim_id = ?", (claim_id,)
            ).fetchone()
            old = None if row is None else row["verdict"]
            reopened = row is not None and row["reopened_at"] is not None
            if old == new and not reopened:
                return
            self._touch(db, claim_id, at)
            # Deciding again (even to leave it without a verdict) settles a reopened verdict.
            db.execute(
                "UPDATE decisions SET verdict = ?, reopened_at = NULL, reopened_why = NULL,"
                " old_verdict = NULL, old_quote = NULL WHERE claim_id = ?",
                (new, claim_id),
            )
            self._audit(db, at, "verdict", claim_id, None, old, new)

    def set_note(self, claim_id: str, note: str, *, based_on: int | None = None) -> None:
        """Replace the editor's note on a claim, stored exactly as given.

        Raises ``StaleDecisionError`` (see ``set_item_status``) and ``WorkspaceError`` when
        the claim is not in the workspace.
        """
        with self._transaction(write=True) as db:
            at = _now()
            self._require_claim(db, claim_id)
            self._require_version(db, claim_id, based_on)
            row = db.execute(
                "SELECT note FROM decisions WHERE claim_id = ?", (claim_id,)
            ).fetchone()
            old = "" if row is None else row["note"]
            if old == note:
                return
            self._touch(db, claim_id, at)
            db.execute("UPDATE decisions SET note = ? WHERE claim_id = ?", (note, claim_id))
            self._audit(db, at, "note", claim_id, None, old, note)

    # ------------------------------------------------------------------ helpers

    def _touch(self, db: sqlite3.Connection, claim_id: str, at: datetime) -> None:
        db.execute(_TOUCH_DECISION, {"claim_id": claim_id, "at": at.isoformat(), "by": self.actor})

    def _follow_text(
        self, db: sqlite3.Connection, at: datetime, article_id: str, before: dict[str, str]
    ) -> None:
        """Keep the article's decisions on the text they were made on, after re-extraction.

        ``before`` maps the article's previous claim ids to their quotes. A decision goes
        with its quote: it stays when its claim id still quotes it, and moves to the one
        new claim that does when the ids were renumbered. When the article's text changed
        since the decision, or its quote is nowhere among the new claims, the verdict is
        reopened (kept as ``old_verdict`` with ``old_quote``) and flagged; ticks made on a
        figure that is gone are cleared. A flagged decision whose id another decision
        moved into is kept under a retired id: nothing the editor wrote is deleted.
        """
        now_hash = db.execute(
            "SELECT content_hash FROM articles WHERE id = ?", (article_id,)
        ).fetchone()["content_hash"]
        after = {r["id"]: r["quote"] for r in db.execute(_QUOTES, (article_id,))}
        found = db.execute(
            "SELECT * FROM decisions WHERE article_id = ?"
            " OR claim_id IN (SELECT value FROM json_each(?))",
            (article_id, json.dumps(list(before))),
        ).fetchall()
        plans: list[tuple[sqlite3.Row, str, str | None]] = []
        for row in found:
            quote = row["quote"] if row["quote"] is not None else before.get(row["claim_id"])
            if quote is None:
                continue
            if after.get(row["claim_id"]) == quote:
                target: str | None = row["claim_id"]
            else:
                places = [cid for cid, q in after.items() if q == quote]
                target = places[0] if len(places) == 1 else None
            plans.append((row, quote, target))
        wanted = Counter(target for _, _, target in plans if target is not None)
        taken = {target for target, n in wanted.items() if n == 1}
        final: dict[str, str] = {}
        for row, quote, target in plans:
            own = row["claim_id"]
            if target is not None and wanted[target] == 1:
                final[own] = target
            elif own in taken:
                final[own] = f"{own}~retired-{hashlib.sha256(quote.encode()).hexdigest()[:8]}"
            else:
                final[own] = own
        moving = {old: new for old, new in final.items() if old != new}
        if moving:
            # Renumbered ids can swap places: park the moving rows, then land them.
            db.execute("PRAGMA defer_foreign_keys = ON")  # ends with this transaction
            for table in ("decisions", "decision_items"):
                for old in moving:
                    db.execute(
                        f"UPDATE {table} SET claim_id = ? WHERE claim_id = ?",  # fixed names
                        ("\x00" + old, old),
                    )
                for old, new in moving.items():
                    db.execute(
                        f"UPDATE {table} SET claim_id = ? WHERE claim_id = ?", (new, "\x00" + old)
                    )
        for row, quote, target in plans:
            old_id = row["claim_id"]
            new_id = final[old_id]
            if new_id != old_id:
                self._audit(db, at, "move", new_id, None, old_id, new_id)
            same_text = row["content_hash"] in (None, now_hash)
            if same_text and target is not None and wanted[target] == 1:
                db.execute(
                    "UPDATE decisions SET article_id = ?, content_hash = ? WHERE claim_id = ?",
                    (article_id, now_hash, new_id),
                )
                continue
            why = TEXT_CHANGED if not same_text else QUOTE_GONE
            verdict = row["verdict"]
            # Reopened twice before the editor looked: keep what the verdict was given on.
            old_verdict = verdict if verdict is not None else row["old_verdict"]
            old_quote = (
                quote if verdict is not None or row["old_quote"] is None else row["old_quote"]
            )
            if new_id != target:  # another figure, or none: its ticks were about the old one
                for item in db.execute(
                    "SELECT key, status FROM decision_items WHERE claim_id = ?", (new_id,)
                ).fetchall():
                    self._audit(db, at, "item", new_id, item["key"], item["status"], None)
                db.execute("DELETE FROM decision_items WHERE claim_id = ?", (new_id,))
            db.execute(
                "UPDATE decisions SET verdict = NULL, version = version + 1,"
                " reopened_at = ?, reopened_why = ?,"
                " old_verdict = ?, old_quote = ?, article_id = ?, quote = ?, content_hash = ?"
                " WHERE claim_id = ?",
                (
                    at.isoformat(),
                    why,
                    old_verdict,
                    old_quote,
                    article_id,
                    after.get(new_id),
                    now_hash,
                    new_id,
                ),
            )
            self._audit(db, at, "reopen", new_id, None, verdict, None)

    def _require_version(self, db: sqlite3.Connection, claim_id: str, based_on: int | None) -> None:
        """Refuse a write based on an older decision than the one stored (inside the
        write transaction, so no other writer can slip in between check and write)."""
        if based_on is None:
            return
        current = self._decision(db, claim_id)
        if current.version != based_on:
            last = db.execute(
                "SELECT actor FROM audit WHERE claim_id = ? ORDER BY id DESC LIMIT 1", (claim_id,)
            ).fetchone()
            raise StaleDecisionError(current, None if last is None else last["actor"])

    def _audit(
        self,
        db: sqlite3.Connection,
        at: datetime,
        action: str,
        claim_id: str | None,
        key: str | None,
        old: str | None,
        new: str | None,
    ) -> None:
        db.execute(
            "INSERT INTO audit (at, actor, action, claim_id, key, old, new, session)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (at.isoformat(), self.actor, action, claim_id, key, old, new, self.session),
        )

    @staticmethod
    def _require_claim(db: sqlite3.Connection, claim_id: str) -> None:
        # Decisions have no foreign key (they outlive re-analysis), so check by hand that
        # the editor is deciding on a claim that exists.
        if db.execute("SELECT 1 FROM claims WHERE id = ? LIMIT 1", (claim_id,)).fetchone() is None:
            raise WorkspaceError(f"claim {claim_id!r} is not in the workspace")

    @staticmethod
    def _extracted(db: sqlite3.Connection, article_id: str) -> list[Claim]:
        found = db.execute(
            "SELECT data FROM claims WHERE article_id = ? AND stage = 'extracted' ORDER BY seq",
            (article_id,),
        )
        return [rows.claim_from_row(r) for r in found]
