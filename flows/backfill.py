"""The backfill flow: a date range, one day at a time, resumable, then one warehouse build.

Its first run reads each source's feeds, sitemaps and URL lists once for the whole range, and
robots.txt of every host they lead to (accord.scrape.crawl.plan); each day then fetches the pages
dated that day with nothing more to ask. Local sources (WARC files, folders) are read whole by
that first run, as they hold no dates to split them by.
"""
from __future__ import annotations

import time
from datetime import date

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from accord import backfill as days
from accord import settings, storage
from accord.flows import tasks
from accord.flows.nightly import new_run_id
from accord.parse_pages import Packed, pack
from accord.progress import Progress
from accord.retry import retry_transient
from accord.scrape.crawl import CrawlSettings, SourceFailure, plan
from accord.scrape.sample_site import BASE_URL, bound_sample_site
from accord.scrape.sources import LOCAL_KINDS, Source, bind_sample_site
from accord.warehouse.summary import RunSummary


@task(name="plan-backfill", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=60,
      retry_condition_fn=retry_transient, timeout_seconds=6 * 3600)
def plan_backfill(sources: list[Source], data_dir: str, run_id: str, since: date,
                  until: date) -> tuple[Packed, tasks.Crawled]:
    """The range's plan (packed: a year of sitemap entries is many objects for Prefect to walk),
    and what the planning run itself read."""
    local = storage.resolve(data_dir).local
    with bound_sample_site(sources, settings.SAMPLE_SITE_DIR) as (bound, connect_to):
        the_plan, result = plan(bound, data_dir=local, run_id=run_id,
                                settings=CrawlSettings(connect_to=connect_to), since=since, until=until)
    logger = get_run_logger()
    for failure in result.failed_sources:
        logger.warning("source %s (%s) gave nothing: %s", failure.source, failure.location, failure.reason)
    crawled = tasks.Crawled(tasks.pack_batches(result.pages), pack(result.fetch_log, len(result.fetch_log)),
                            tuple(result.failed_sources), tuple(result.warnings))
    return pack(the_plan, sum(len(entries) for entries in the_plan.entries.values())), crawled


@task(name="mark-days-done", cache_policy=NO_CACHE)
def mark_done(data_dir: str, sources: list[Source], day_list: list[date], run_id: str, pages: int) -> None:
    local = storage.resolve(data_dir).local
    for day in day_list:
        for source in sources:
            days.mark_done(local, source, day, run_id, pages)


def gave_nothing(sources: list[Source], failures: tuple[SourceFailure, ...]) -> list[Source]:
    """The sources a crawl names as failed: by name and location as it read them, the sample
    site's placeholder bound to its one URL."""
    named = {(failure.source, failure.location) for failure in failures}
    read = bind_sample_site(sources, BASE_URL)
    return [source for source, as_read in zip(sources, read, strict=True)
            if (as_read.name, as_read.location) in named]


@flow(name="accord-backfill", log_prints=True)
def backfill(since: date, until: date, sources: list[str] | None = None,
             data_dir: str | None = None) -> RunSummary:
    """Fetch what the sources published from `since` to `until` (inclusive), a day per chunk.
    Days already done (data_dir/state/backfill/) are skipped, so a crashed backfill resumes; a
    source that gave nothing leaves its day to do."""
    started = time.perf_counter()
    location = storage.resolve(data_dir)
    tasks.pull(location.url, storage.MUTABLE)
    chosen = tasks.resolve_sources(sources)
    todo = days.pending(location.local, chosen, since, until)
    logger = get_run_logger()
    logger.info("backfill %s..%s: %d of %d days to do", since, until, len(todo), len(days.days(since, until)))
    run_id = ""
    if todo:
        waiting = [source for source in chosen if any(source in missing for _, missing in todo)]
        run_id = new_run_id()
        packed, crawled = plan_backfill(waiting, location.url, run_id, todo[0][0], todo[-1][0])
        tasks.write_lake(location.url, run_id, tasks.parse_all(crawled.batches, run_id, stage="parse (plan)"),
                         crawled.fetch_log)
        the_plan = packed.unpack()
        unread = gave_nothing(waiting, crawled.failed_sources)  # their days stay to do
        for source in waiting:
            if source.kind in LOCAL_KINDS and source not in unread:
                mark_done(location.url, [source], [day for day, missing in todo if source in missing],
                          run_id, crawled.pages)
        tasks.push(location.url)
        first = True  # the first day crawled also takes the undated entries and the retries
        with Progress("backfill", len(todo), "day", logger.info) as progress:
            for day, missing in todo:
                network = [s for s in missing if s.kind not in LOCAL_KINDS]
                pages = 0
                if network:
                    run_id = new_run_id()
                    dated = days.sources_for_day(network, day)
                    crawled = tasks.crawl_sources(dated, location.url, run_id, since=day, until=day,
                                                  plan=the_plan.for_day(day, first))
                    first = False
                    parsed = tasks.parse_all(crawled.batches, run_id, stage=f"parse {day}")
                    tasks.write_lake(location.url, run_id, parsed, crawled.fetch_log)
                    failed_today = gave_nothing(dated, crawled.failed_sources)
                    done = [source for source, as_dated in zip(network, dated, strict=True)
                            if source not in unread and as_dated not in failed_today]
                    mark_done(location.url, done, [day], run_id, crawled.pages)
                    tasks.push(location.url)
                    pages = crawled.pages
                progress.update(1, day=day, pages=pages)
    warehouse = tasks.build_warehouse(location.url)
    summary = tasks.summarize_run(warehouse, run_id)
    summary.pipeline_seconds = time.perf_counter() - started
    tasks.publish(summary, f"Accord backfill {since}..{until}, last run {run_id or '(none: all done)'}")
    return summary
