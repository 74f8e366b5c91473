"""The reprocess flow: re-parse the WARC archive with the current parser, no network at all."""
from __future__ import annotations

import time
from datetime import date

from prefect import flow

from accord import storage
from accord.flows import tasks
from accord.flows.nightly import new_run_id
from accord.warehouse.summary import RunSummary


@flow(name="accord-reprocess", log_prints=True)
def reprocess(since: date | None = None, data_dir: str | None = None) -> RunSummary:
    """Every archived page (of runs archived on or after `since`) parsed again under a new run id;
    the warehouse keeps the newest parse of each article, so it now reflects this parser."""
    started = time.perf_counter()
    location = storage.resolve(data_dir)
    run_id = new_run_id()
    tasks.pull(location.url, ("archive",))
    pages = tasks.read_archive(location.url, since)
    parsed = tasks.parse_all(pages, run_id)
    tasks.write_lake(location.url, run_id, parsed)
    tasks.push(location.url, ("lake",))
    warehouse = tasks.build_warehouse(location.url)
    summary = tasks.summarize_run(warehouse, run_id)
    summary.pipeline_seconds = time.perf_counter() - started
    tasks.publish(summary, f"Accord reprocess {run_id} (archive since {since or 'the start'})")
    return summary
