"""The backfill flow: a date range, one day at a time, resumable, then one warehouse build."""
from __future__ import annotations

import time
from datetime import date

from prefect import flow, get_run_logger

from accord import backfill as days
from accord import storage
from accord.progress import Progress
from flows import tasks
from flows.nightly import new_run_id
from warehouse.summary import RunSummary


@flow(name="accord-backfill", log_prints=True)
def backfill(since: date, until: date, sources: list[str] | None = None,
             data_dir: str | None = None) -> RunSummary:
    """Fetch what the sources published from `since` to `until` (inclusive), a day per chunk.
    Days already done (data_dir/state/backfill/) are skipped, so a crashed backfill resumes."""
    started = time.perf_counter()
    location = storage.resolve(data_dir)
    tasks.pull(location.url, storage.MUTABLE)
    chosen = tasks.resolve_sources(sources)
    todo = days.pending(location.local, [s.name for s in chosen], since, until)
    logger = get_run_logger()
    logger.info("backfill %s..%s: %d of %d days to do", since, until, len(todo), len(days.days(since, until)))
    run_id = ""
    with Progress("backfill", len(todo), "day", logger.info) as progress:
        for day, missing in todo:
            run_id = new_run_id()
            day_sources = days.sources_for_day([s for s in chosen if s.name in missing], day)
            crawled = tasks.crawl_sources(day_sources, location.url, run_id, since=day, until=day)
            parsed = tasks.parse_all(crawled.batches, run_id, stage=f"parse {day}")
            tasks.write_lake(location.url, run_id, parsed, crawled.fetch_log)
            tasks.mark_days_done(location.url, missing, day, run_id, crawled.pages)
            tasks.push(location.url)
            progress.update(1, day=day, pages=crawled.pages)
    warehouse = tasks.build_warehouse(location.url)
    summary = tasks.summarize_run(warehouse, run_id)
    summary.pipeline_seconds = time.perf_counter() - started
    tasks.publish(summary, f"Accord backfill {since}..{until}, last run {run_id or '(none: all done)'}")
    return summary
