"""The nightly flow: discover and fetch → archive → parse → Parquet → DuckDB → models → summary."""
from __future__ import annotations

import time
from datetime import UTC, datetime
from uuid import uuid4

from prefect import flow, unmapped
from prefect.artifacts import create_markdown_artifact

from accord import settings
from accord.parse_pages import ParsedBatch
from flows import tasks
from warehouse.summary import RunSummary


def new_run_id() -> str:
    """Sortable by start time, so the newest parse of an article is the greatest run id."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ") + "-" + uuid4().hex[:6]


@flow(name="accord-nightly", log_prints=True)
def nightly(sources: list[str] | None = None, data_dir: str | None = None) -> RunSummary:
    """Run the whole pipeline once over `sources` (default: the configured sources file)."""
    started = time.perf_counter()
    directory = settings.data_dir(data_dir)
    run_id = new_run_id()
    crawled = tasks.crawl_sources(tasks.resolve_sources(sources), directory, run_id)
    parsed = ParsedBatch()
    for future in tasks.parse_batch.map(tasks.batches(crawled.pages), unmapped(run_id)):
        parsed.merge(future.result())
    tasks.write_lake(directory, run_id, parsed, crawled.fetch_log)
    warehouse = tasks.build_warehouse(directory)
    summary = tasks.summarize_run(warehouse, run_id)
    summary.pipeline_seconds = time.perf_counter() - started
    create_markdown_artifact(summary.as_markdown(), key="accord-run-summary",
                             description=f"Accord run {run_id}")
    return summary
