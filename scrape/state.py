"""Crawl state across runs (sqlite under data_dir/state/): validators for conditional GET,
failure counts and reasons, and every URL seen.

A run's outcomes take effect only once its rows are in the lake. Until then they wait in the
`pending` table under the run's id, with the run's WARC files: a run killed between its crawl
and its lake commit must not leave validators behind that make the next run get 304 for pages
that were never parsed. Such a run is an orphan; the next crawl adopts it (parses the pages
its WARC holds and takes over its pending outcomes), so nothing it fetched is lost.
"""
from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS urls (
    url TEXT PRIMARY KEY,
    source TEXT,
    etag TEXT,
    last_modified TEXT,
    last_status TEXT,
    last_error TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    first_run TEXT,
    last_run TEXT
);
CREATE TABLE IF NOT EXISTS pending (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- applied in this order
    run_id TEXT NOT NULL,
    url TEXT NOT NULL,
    kind TEXT NOT NULL,  -- outcome | validators
    source TEXT,
    status TEXT,
    error TEXT,
    origin_run TEXT,  -- the run that fetched it (an adopted orphan's rows keep theirs)
    etag TEXT,
    last_modified TEXT
);
CREATE INDEX IF NOT EXISTS pending_run ON pending (run_id);
CREATE TABLE IF NOT EXISTS pending_archives (
    run_id TEXT NOT NULL,
    path TEXT NOT NULL,  -- relative to the data directory
    origin_run TEXT NOT NULL,
    PRIMARY KEY (run_id, path)
);
"""


@dataclass
class UrlState:
    etag: str | None
    last_modified: str | None
    last_status: str | None
    last_error: str | None
    failures: int  # consecutive runs that failed


@dataclass(frozen=True)
class Orphan:
    """A run whose crawl finished but whose rows never reached the lake."""
    run_id: str
    archives: tuple[tuple[str, str], ...]  # (path relative to the data directory, run that wrote it)


class CrawlState:
    """Reads see committed runs only; a run's outcomes are buffered, staged as pending by stage()
    once its WARC is safely closed, and applied by settle() once its lake commit exists."""

    def __init__(self, data_dir: Path):
        folder = Path(data_dir) / "state"
        folder.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(folder / "crawl.sqlite3", check_same_thread=False)
        self._db.executescript(SCHEMA)
        self._db.commit()
        self._lock = threading.Lock()
        self._outcomes: list[tuple] = []
        self._validators: dict[str, tuple[str | None, str | None]] = {}

    def get(self, url: str) -> UrlState | None:
        with self._lock:
            row = self._db.execute(
                "SELECT etag, last_modified, last_status, last_error, failures FROM urls WHERE url = ?",
                (url,)).fetchone()
        return UrlState(*row) if row else None

    def retry_candidates(self, source: str, max_failures: int) -> list[str]:
        """URLs of `source` whose last run failed and that have not used up their attempts."""
        with self._lock:
            rows = self._db.execute(
                "SELECT url FROM urls WHERE source = ? AND last_status = 'failed' AND failures < ? "
                "ORDER BY url", (source, max_failures)).fetchall()
        return [row[0] for row in rows]

    def record(self, url: str, source: str, status: str, error: str | None, run_id: str) -> None:
        with self._lock:
            self._outcomes.append((url, source, status, error, run_id))

    def record_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self._lock:
            self._validators[url] = (etag, last_modified)

    def stage(self, run_id: str, archive: str | None, adopted: Iterable[str] = ()) -> None:
        """Keep the run's buffered outcomes as pending, with the WARC holding its pages (relative
        to the data directory), and take over the pending state of the orphans it adopted."""
        adopted = list(adopted)
        with self._lock, self._db:
            for orphan in adopted:
                self._db.execute("UPDATE pending SET run_id = ? WHERE run_id = ?", (run_id, orphan))
                self._db.execute("UPDATE pending_archives SET run_id = ? WHERE run_id = ?", (run_id, orphan))
            self._db.executemany(
                "INSERT INTO pending (run_id, url, kind, source, status, error, origin_run) "
                "VALUES (?, ?, 'outcome', ?, ?, ?, ?)",
                [(run_id, url, source, status, error, origin) for url, source, status, error, origin
                 in self._outcomes])
            self._db.executemany(
                "INSERT INTO pending (run_id, url, kind, etag, last_modified, origin_run) "
                "VALUES (?, ?, 'validators', ?, ?, ?)",
                [(run_id, url, etag, modified, run_id) for url, (etag, modified) in self._validators.items()])
            if archive is not None:
                self._db.execute("INSERT OR IGNORE INTO pending_archives VALUES (?, ?, ?)",
                                 (run_id, archive, run_id))
            self._outcomes.clear()
            self._validators.clear()

    def settle(self, committed: Iterable[str]) -> list[str]:
        """Apply the pending state of every run whose lake commit exists; returns those runs."""
        committed = set(committed)
        with self._lock, self._db:
            runs = [run for (run,) in self._db.execute(
                "SELECT run_id FROM pending UNION SELECT run_id FROM pending_archives ORDER BY 1")
                if run in committed]
            for run in runs:
                rows = self._db.execute(
                    "SELECT url, kind, source, status, error, origin_run, etag, last_modified FROM pending "
                    "WHERE run_id = ? ORDER BY seq", (run,)).fetchall()
                for url, kind, source, status, error, origin, etag, modified in rows:
                    if kind == "outcome":
                        self._apply_outcome(url, source, status, error, origin)
                    else:
                        self._db.execute(
                            "INSERT INTO urls (url, etag, last_modified) VALUES (?, ?, ?) ON CONFLICT(url) "
                            "DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified",
                            (url, etag, modified))
                self._db.execute("DELETE FROM pending WHERE run_id = ?", (run,))
                self._db.execute("DELETE FROM pending_archives WHERE run_id = ?", (run,))
        return runs

    def orphans(self, committed: Iterable[str], current: str) -> list[Orphan]:
        """Pending runs other than `current` with no lake commit, oldest first."""
        committed = set(committed) | {current}
        with self._lock:
            runs = [run for (run,) in self._db.execute(
                "SELECT run_id FROM pending UNION SELECT run_id FROM pending_archives ORDER BY 1")
                if run not in committed]
            found = []
            for run in runs:
                archives = tuple(self._db.execute(
                    "SELECT path, origin_run FROM pending_archives WHERE run_id = ? ORDER BY origin_run, path",
                    (run,)).fetchall())
                found.append(Orphan(run, archives))
        return found

    def _apply_outcome(self, url, source, status, error, run_id) -> None:
        self._db.execute(
            "INSERT INTO urls (url, source, last_status, last_error, failures, first_run, last_run) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
            "source = excluded.source, last_status = excluded.last_status, "
            "last_error = excluded.last_error, last_run = excluded.last_run, "
            "failures = CASE WHEN excluded.last_status = 'failed' THEN urls.failures + 1 "
            "WHEN excluded.last_status = 'skipped' THEN urls.failures ELSE 0 END",
            (url, source, status, error, int(status == "failed"), run_id, run_id))

    def close(self) -> None:
        self._db.close()
