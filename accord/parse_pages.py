"""Parse a batch of fetched pages into table rows, recording every failure with its reason."""
from __future__ import annotations

import pickle
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from accord import settings
from accord.scrape.pages import Page
from accord.transforms.analysis.topics import Taxonomy
from accord.transforms.article_records import PARSER_VERSION, records_for_page, stable_id
from accord.transforms.page.document import ParseError
from accord.transforms.speech.speaker_registry import SpeakerRegistry
from accord.warehouse import lake
from accord.warehouse.schemas import ARTICLE_TABLES


@dataclass
class ParsedBatch:
    rows: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    parse_log: list[dict] = field(default_factory=list)

    def merge(self, other: ParsedBatch) -> None:
        for table, rows in other.rows.items():
            self.rows[table].extend(rows)
        self.parse_log.extend(other.parse_log)

    def add(self, rows: dict[str, list[dict]], log_row: dict) -> None:
        """One page's outcome, as parse_page returns it."""
        for table, table_rows in rows.items():
            self.rows[table].extend(table_rows)
        self.parse_log.append(log_row)


@dataclass(frozen=True)
class Packed:
    """A batch of pages or of parsed rows as one pickled bytes value, for passing between
    Prefect tasks: Prefect visits every object of a task's inputs and of its result looking for
    futures, and would otherwise walk thousands of pages and rows per task; bytes are a single
    object to it. Dask workers receive the bytes as they are, and a persisted (cached) parse
    result is this compressed value, a few hundred kilobytes per batch.

    `count` is how many items it holds; `key`, when set, names what it holds (a parse batch's
    cache key, accord/parse_cache.py), computed once when it is packed."""

    data: bytes
    count: int
    key: str = ""

    def unpack(self):
        return pickle.loads(zlib.decompress(self.data))


def pack(value: object, count: int, key: str = "") -> Packed:
    # zlib level 1: rows shrink about fivefold for a few milliseconds per batch
    return Packed(zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1), count, key)


@lru_cache(maxsize=1)
def knowledge() -> tuple[SpeakerRegistry, Taxonomy]:
    """The user's speaker registry and topic taxonomy, read once per process."""
    return (SpeakerRegistry.from_entries(settings.speaker_entries(), settings.institution_entries(),
                                         settings.place_entries()),
            Taxonomy.from_entries(settings.topic_entries()))


def parse_pages(pages: list[Page], run_id: str) -> ParsedBatch:
    """Pages parsed one after the other in this process (accord.parse_workers parses them in
    worker processes, each under a deadline)."""
    registry, taxonomy = knowledge()
    batch = ParsedBatch()
    for page in pages:
        batch.add(*parse_page(page, run_id, registry, taxonomy))
    return batch


def parse_page(page: Page, run_id: str, registry: SpeakerRegistry,
               taxonomy: Taxonomy) -> tuple[dict[str, list[dict]], dict]:
    """The page's rows by table (none when it fails) and its parse_log row."""
    parsed_at = datetime.now(UTC).replace(tzinfo=None)
    try:
        rows = records_for_page(page.body, page.url, page.content_type, source=page.source,
                                fetched_at=page.fetched_at, run_id=run_id, registry=registry,
                                taxonomy=taxonomy, published_hint=page.published_hint)
    except Exception as exc:  # a parser bug must cost one page, not the run
        reason = str(exc) if isinstance(exc, ParseError) else f"parser crashed: {type(exc).__name__}: {exc}"
        return {}, failed_page(page, run_id, reason, parsed_at)
    return ({table: rows[table] for table in ARTICLE_TABLES},
            {**_log_row(page, run_id, parsed_at), "article_id": rows["articles"][0]["article_id"],
             "status": "parsed", "error": None})


def failed_page(page: Page, run_id: str, reason: str, parsed_at: datetime) -> dict:
    """The parse_log row of a page that gave no rows, saying why."""
    return {**_log_row(page, run_id, parsed_at), "article_id": stable_id(page.url), "status": "failed",
            "error": reason}


def _log_row(page: Page, run_id: str, parsed_at: datetime) -> dict:
    return {"run_id": run_id, "url": page.url, "parser_version": PARSER_VERSION, "parsed_at": parsed_at,
            "run_date": page.fetched_at.date()}


def store_run(data_dir: Path, run_id: str, parsed: ParsedBatch, fetch_log: list[dict]) -> int:
    """Write a run's rows to the lake, then its commit marker; returns the files written."""
    written = 0
    for table, rows in parsed.rows.items():
        written += len(lake.write_rows(data_dir, table, rows, run_id))
    fetch_rows = [{**row, "run_date": row["fetched_at"].date()} for row in fetch_log]
    written += len(lake.write_rows(data_dir, "fetch_log", fetch_rows, run_id))
    written += len(lake.write_rows(data_dir, "parse_log", parsed.parse_log, run_id))
    lake.commit_run(data_dir, run_id)
    return written
