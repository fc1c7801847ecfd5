"""The results cache: every finished extraction, keyed by everything that changes it.

An unchanged rerun is answered from here and makes no model call. A run stopped by
Ctrl-C, SIGTERM or kill -9 loses only the articles in flight: each result is written in
its own transaction the moment it is done, so the same command picks up where it stopped.

The key (``cache_key``) is a sha256 over:

- the article as the extractor sees it: id, text, title, outlet, date, language and line
  tags (not the path it was read from: a moved folder still hits);
- the extractor's ``fingerprint()``: its name and, for a model, the model, base URL,
  mode, prompt version, output-schema hash and every setting that changes an answer
  (for the mock, its fixtures and faults too); never a key;
- the tool: factcheck's version and a digest of its code and prompts, so an upgrade or a
  local edit never serves answers the current code would not give.

Only complete results (``status=ok``) are stored: a failed or partial one is extracted
again by the next run. One file per user (``Settings.resolved_cache_dir``), in WAL mode so
concurrent runs read while one writes; ``synchronous=NORMAL`` survives a killed process,
and a power cut can lose only the last results (they are extracted again), never the file.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from pydantic import ValidationError

import assistant
from assistant.errors import CacheError
from assistant.model import Article, ExtractionResult, ExtractionStatus, Usage
from assistant.resources import prompts_dir

CACHE_FILE = "results.sqlite"
BUSY_TIMEOUT_S = 5.0  # another run holding the write lock: wait this long, then go on without
FORMAT = 1  # of the key's input: bump to orphan every entry on a change of key layout

_MIGRATIONS = (
    (
        "m001_results",
        (
            """CREATE TABLE results (
                key TEXT PRIMARY KEY,
                article_id TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                extractor TEXT NOT NULL,
                model TEXT,
                claims INTEGER NOT NULL,
                data BLOB NOT NULL,
                saved_at TEXT NOT NULL
            )""",
            "CREATE INDEX results_by_extractor ON results (extractor, model)",
        ),
    ),
)


@functools.cache
def code_digest() -> str:
    """sha256 of the installed package's code, data and prompts, read once per process."""
    digest = hashlib.sha256()
    package = Path(assistant.__file__).resolve().parent
    roots = [package]
    if package not in prompts_dir().resolve().parents:  # a checkout: prompts/ is beside it
        roots.append(prompts_dir())
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def article_digest(article: Article) -> str:
    """sha256 of the article as an extractor sees it: everything but where it was read."""
    seen = article.model_dump(mode="json", exclude={"source", "content_hash"})
    return _sha256(seen)


def cache_key(article: Article, fingerprint: Mapping[str, object]) -> str:
    """The key of ``article`` extracted by an extractor with ``fingerprint``."""
    return _sha256(
        {
            "format": FORMAT,
            "article": article_digest(article),
            "extractor": dict(fingerprint),
            "tool": {"version": assistant.__version__, "code": code_digest()},
        }
    )


def _sha256(value: object) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CacheInfo:
    """What ``factcheck cache info`` prints."""

    path: Path
    entries: int
    size_bytes: int
    by_extractor: list[tuple[str, str | None, int]] = field(default_factory=list)


class ResultsCache:
    """Extraction results on disk, keyed by ``cache_key``.

    ``open`` raises ``CacheError``; after that, ``get`` and ``put`` never raise: the
    first database error (disk full, locked too long) switches the cache off for the
    rest of the run and is kept in ``problem`` for the caller to tell the user. A cache
    must never cost a batch its results.
    """

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        """Use ``ResultsCache.open``."""
        self._db = db
        self.path = path
        self.problem: str | None = None
        self.hits = 0
        self.stored = 0

    @classmethod
    def open(cls, directory: Path) -> ResultsCache:
        """Open (creating it, private to the user) ``directory/results.sqlite``.

        Raises ``CacheError`` when the folder or file cannot be created, the file is not
        an SQLite database, is another program's database, is damaged, or was written by
        a newer factcheck.
        """
        path = Path(directory) / CACHE_FILE
        try:
            # The cache holds quotes from articles, which may be unpublished drafts.
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not path.exists():
                path.touch(mode=0o600)
            db = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(f"cannot open the results cache {path}: {exc}") from exc
        try:
            _prepare(db)
        except CacheError as exc:
            db.close()
            raise CacheError(f"{path}: {exc}") from exc
        except sqlite3.Error as exc:
            db.close()
            raise CacheError(f"cannot use the results cache {path}: {exc}") from exc
        return cls(db, path)

    def close(self) -> None:
        """Close the file; every stored result is already committed."""
        self._db.close()

    def __enter__(self) -> ResultsCache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def get(self, key: str) -> ExtractionResult | None:
        """The stored result for ``key``, marked ``cached`` and with no usage of its own
        (this run spent nothing on it); None when there is none or the cache is off."""
        if self.problem is not None:
            return None
        try:
            row = self._db.execute("SELECT data FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._fail(exc)
            return None
        if row is None:
            return None
        try:
            result = ExtractionResult.model_validate_json(zlib.decompress(row[0]))
        except (zlib.error, ValidationError):
            return None  # unreadable: extracted again, and the new result replaces it
        self.hits += 1
        return result.model_copy(update={"cached": True, "usage": Usage()})

    def put(self, key: str, result: ExtractionResult, article: Article) -> bool:
        """Store a complete result under ``key`` in its own transaction; True when stored.

        A failed or partial result is not stored, so the next run tries it again."""
        if self.problem is not None or result.status is not ExtractionStatus.ok:
            return False
        data = zlib.compress(result.model_dump_json(exclude={"cached"}).encode("utf-8"))
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO results (key, article_id, content_hash, extractor, "
                "model, claims, data, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    article.id,
                    article.content_hash,
                    result.extractor,
                    result.model,
                    len(result.claims),
                    data,
                    datetime.now(UTC).isoformat(),
                ),
            )
        except sqlite3.Error as exc:
            self._fail(exc)
            return False
        self.stored += 1
        return True

    def info(self) -> CacheInfo:
        """Entries, size on disk and entries per extractor and model.
        Raises ``CacheError`` when the file cannot be read."""
        try:
            entries = self._db.execute("SELECT count(*) FROM results").fetchone()[0]
            by = self._db.execute(
                "SELECT extractor, model, count(*) FROM results "
                "GROUP BY extractor, model ORDER BY count(*) DESC, extractor, model"
            ).fetchall()
        except sqlite3.Error as exc:
            raise CacheError(f"cannot read the results cache {self.path}: {exc}") from exc
        size = sum(
            p.stat().st_size
            for p in (self.path, self.path.with_name(self.path.name + "-wal"))
            if p.exists()
        )
        return CacheInfo(self.path, entries, size, [(e, m, n) for e, m, n in by])

    def clear(self) -> int:
        """Remove every entry and give the space back; returns how many there were.
        Raises ``CacheError`` when the file cannot be written."""
        try:
            removed = self._db.execute("DELETE FROM results").rowcount
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._db.execute("VACUUM")
        except sqlite3.Error as exc:
            raise CacheError(f"cannot clear the results cache {self.path}: {exc}") from exc
        return int(removed)

    def _fail(self, exc: sqlite3.Error) -> None:
        self.problem = f"the results cache {self.path} was switched off for this run: {exc}"


def _prepare(db: sqlite3.Connection) -> None:
    """WAL, then the schema up to date; raises ``CacheError`` for a file we cannot use."""
    mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]  # SQLITE_NOTADB fails here
    if mode != "wal":
        raise CacheError(f"cannot switch the results cache to WAL mode (it stays in {mode!r})")
    db.execute("PRAGMA synchronous = NORMAL")
    # No quick_check, unlike the workspace: it reads every page, and a cache grows large.
    # A damaged page fails its read; the cache is then off for the run (``problem``) and
    # each stored result is checked (zlib, then the model) before it is used.
    _migrate(db)


def _migrate(db: sqlite3.Connection) -> None:
    """Apply the pending migrations in one transaction, as the workspace does
    (``store/migrations.py``): numbered, recorded once each, never edited once shipped."""
    db.execute("BEGIN IMMEDIATE")  # two runs creating the file at once: one builds it
    try:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "_migrations" not in tables:
            if tables:
                raise CacheError("this SQLite database is not a factcheck results cache")
            db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        applied = {r[0] for r in db.execute("SELECT name FROM _migrations")}
        if applied - {name for name, _ in _MIGRATIONS}:
            raise CacheError("written by a newer version of factcheck")
        for name, statements in _MIGRATIONS:
            if name in applied:
                continue
            for statement in statements:
                db.execute(statement)
            db.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat()),
            )
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def remove_cache_files(directory: Path) -> bool:
    """Delete the cache file (and its WAL) when it cannot even be opened: a damaged cache
    is worth nothing. Returns True when there was a file."""
    path = Path(directory) / CACHE_FILE
    existed = path.exists()
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return existed
