"""Crawl state across runs (sqlite under data_dir/state/): validators for conditional GET,
failure counts and reasons, and every URL seen."""
from __future__ import annotations

import sqlite3
import threading
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
)
"""


@dataclass
class UrlState:
    etag: str | None
    last_modified: str | None
    last_status: str | None
    last_error: str | None
    failures: int  # consecutive runs that failed


class CrawlState:
    """Reads see the previous runs only; a run's outcomes are buffered and written by commit(),
    called once its WARC is safely closed, so validators never point at an unarchived body."""

    def __init__(self, data_dir: Path):
        folder = Path(data_dir) / "state"
        folder.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(folder / "crawl.sqlite3", check_same_thread=False)
        self._db.execute(SCHEMA)
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

    def commit(self) -> None:
        with self._lock, self._db:
            for url, source, status, error, run_id in self._outcomes:
                self._db.execute(
                    "INSERT INTO urls (url, source, last_status, last_error, failures, first_run, last_run) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
                    "source = excluded.source, last_status = excluded.last_status, "
                    "last_error = excluded.last_error, last_run = excluded.last_run, "
                    "failures = CASE WHEN excluded.last_status = 'failed' THEN urls.failures + 1 "
                    "WHEN excluded.last_status = 'skipped' THEN urls.failures ELSE 0 END",
                    (url, source, status, error, int(status == "failed"), run_id, run_id))
            for url, (etag, last_modified) in self._validators.items():
                self._db.execute(
                    "INSERT INTO urls (url, etag, last_modified) VALUES (?, ?, ?) ON CONFLICT(url) "
                    "DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified",
                    (url, etag, last_modified))
            self._outcomes.clear()
            self._validators.clear()

    def close(self) -> None:
        self._db.close()
