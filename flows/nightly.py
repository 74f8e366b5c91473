"""The nightly flow: discover and fetch → archive → parse → Parquet → DuckDB → models → summary."""
from __future__ import annotations

import time
from datetime import UTC, datetime
from uuid import uuid4

from prefect import flow

from accord import storage
from accord.flows import tasks
from accord.warehouse.summary import RunSummary


def new_run_id() -> str:
    """Sortable by start time, so the newest parse of an article is the greatest run id."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ") + "-" + uuid4().hex[:6]


@flow(name="accord-nightly", log_prints=True)
def nightly(sources: list[str] | None = None, data_dir: str | None = None) -> RunSummary:
    """Run the whole pipeline once over `sources` (default: the configured sources file).
    `data_dir` is a folder or an object-storage URL such as s3://bucket/accord."""
    started = time.perf_counter()
    location = storage.resolve(data_dir)
    run_id = new_run_id()
    tasks.pull(location.url, storage.MUTABLE)
    crawled = tasks.crawl_sources(tasks.resolve_sources(sources), location.url, run_id)
    parsed = tasks.parse_all(crawled.batches, run_id)
    tasks.write_lake(location.url, run_id, parsed, crawled.fetch_log)
    tasks.push(location.url)
    warehouse = tasks.build_warehouse(location.url)
    summary = tasks.summarize_run(warehouse, run_id)
    summary.report = str(tasks.report(warehouse))
    summary.pipeline_seconds = time.perf_counter() - started
    tasks.publish(summary, f"Accord run {run_id}")
    return summary
