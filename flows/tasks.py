"""Prefect tasks: thin wrappers that give each pipeline step retries, a timeout and a name.

Pages are handled in batches, never one task per URL: each task run costs the Prefect API a
few milliseconds and servers struggle past a few thousand task runs per flow.

Tasks take the data directory as a string (a path or an `s3://` URL, see accord/storage.py) so
that their inputs stay small and picklable for Dask workers. Pages and parsed rows travel
between tasks packed, a batch per bytes value (accord.parse_pages.Packed): Prefect visits every
object of a task's inputs and result looking for futures, and 2,000 pages with their rows cost
a run seconds of that (bench/bench_prefect_overhead.py). Only the parse task caches: its key
is the pages' content and the parser version (accord/parse_cache.py), hashed once when the
batch is packed, and the parse deadline; every other task opts out, because Prefect's default
policy would hash each input to no use.
"""
from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from prefect import get_run_logger, task, unmapped
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.orchestration import get_client
from prefect.concurrency.sync import concurrency
from prefect.exceptions import ObjectNotFound
from prefect.futures import as_completed

from accord import parse_cache, settings, storage
from accord.parse_pages import Packed, ParsedBatch, pack, store_run
from accord.parse_workers import parse_in_workers
from accord.progress import Progress
from accord.report import write_report
from accord.retry import retry_transient
from accord.scrape.archive import iter_archive
from accord.scrape.crawl import CrawlSettings, Plan, SourceFailure, crawl, settle
from accord.scrape.pages import Page
from accord.scrape.sample_site import bound_sample_site
from accord.scrape.sources import Source, detect_source, load_sources
from accord.warehouse import build, compact
from accord.warehouse.summary import RunSummary, summarize

PARSE_BATCH_SIZE = 200
# Builds of warehouse.duckdb on one machine are serialized by the file lock in accord/storage.py;
# across a server's workers, by this global concurrency limit where the server has it:
# `prefect gcl create accord-warehouse-writer --limit 1` (docs/orchestration.md).
# Tasks carry no tags: Prefect asks its server for a concurrency slot for every tagged task
# run, a write that on the SQLite-backed server often waits seconds for the event recorder's
# lock (bench/bench_prefect_overhead.py); flow runs carry their tags through the deployments.
WAREHOUSE_WRITER = "accord-warehouse-writer"


def resolve_sources(specs: list[str] | None) -> list[Source]:
    """`--source` arguments, else the user's sources file."""
    return [detect_source(spec) for spec in specs] if specs else load_sources(settings.sources_file())


@dataclass(frozen=True)
class Crawled:
    """A crawl as the flow passes it on: its pages in packed parse batches, its fetch log packed."""

    batches: list[Packed]
    fetch_log: Packed
    failed_sources: tuple[SourceFailure, ...] = ()  # sources that gave nothing, with the reason
    warnings: tuple[SourceFailure, ...] = ()  # damage read past (bad WARC records, truncation)

    @property
    def pages(self) -> int:
        return sum(batch.count for batch in self.batches)


@task(name="crawl", cache_policy=NO_CACHE,
      retries=1, retry_delay_seconds=60, retry_condition_fn=retry_transient, timeout_seconds=6 * 3600)
def crawl_sources(sources: list[Source], data_dir: str, run_id: str,
                  since: date | None = None, until: date | None = None, plan: Plan | None = None) -> Crawled:
    """A retry re-crawls: pages the failed attempt archived are then fetched conditionally.
    A backfill's day gives the `plan` its first run read (accord.scrape.crawl.plan)."""
    local = storage.resolve(data_dir).local
    with bound_sample_site(sources, settings.SAMPLE_SITE_DIR) as (sources, connect_to):
        result = crawl(sources, data_dir=local, run_id=run_id, settings=CrawlSettings(connect_to=connect_to),
                       since=since, until=until, plan=plan)
    logger = get_run_logger()
    for failure in result.failed_sources:
        logger.warning("source %s (%s) gave nothing: %s", failure.source, failure.location, failure.reason)
    for warning in result.warnings:
        logger.warning("source %s: %s: %s", warning.source, warning.location, warning.reason)
    return Crawled(pack_batches(result.pages), pack(result.fetch_log, len(result.fetch_log)),
                   tuple(result.failed_sources), tuple(result.warnings))


def _parse_cache_key(context, parameters: dict) -> str:
    # a page past its deadline is kept as failed: under a longer deadline it is parsed again
    return f"{parameters['pages'].key}-deadline-{parameters['deadline']:g}"


@task(name="parse", retries=1,
      cache_key_fn=_parse_cache_key, cache_expiration=timedelta(days=7), persist_result=True)
def parse_batch(pages: Packed, run_id: str, deadline: float) -> Packed:
    """A packed batch of pages in, its packed ParsedBatch out (that is what the cache keeps).
    Pages are parsed in worker processes, each within `deadline` seconds (accord/parse_workers.py);
    that bounds the task, which has no timeout of its own: Prefect's, in a worker thread, cannot
    interrupt a call into the regex engine."""
    parsed = parse_in_workers(pages.unpack(), run_id, deadline)
    return pack(parsed, pages.count)


def batches(pages: list[Page], size: int = PARSE_BATCH_SIZE) -> list[list[Page]]:
    return [pages[i:i + size] for i in range(0, len(pages), size)]


def pack_batches(pages: list[Page], size: int = PARSE_BATCH_SIZE) -> list[Packed]:
    """Parse batches, each packed with its cache key."""
    return [pack(chunk, len(chunk), parse_cache.batch_key(chunk)) for chunk in batches(pages, size)]


def parse_all(pages: list[Packed], run_id: str, stage: str = "parse") -> list[Packed]:
    """Parse tasks for every batch on the flow's task runner (threads, or Dask workers); returns
    their packed results, for write_lake."""
    futures = parse_batch.map(pages, unmapped(run_id), unmapped(settings.parse_deadline()))
    sizes = {future: chunk.count for future, chunk in zip(futures, pages, strict=True)}
    done = {}
    with Progress(stage, sum(sizes.values()), "page", get_run_logger().info) as progress:
        for future in as_completed(futures):
            done[future] = future.result()
            progress.update(sizes[future])
    return [done[future] for future in futures]


@task(name="pull", cache_policy=NO_CACHE, retries=3,
      retry_delay_seconds=[10, 60, 300], retry_condition_fn=retry_transient, timeout_seconds=3600)
def pull(data_dir: str, folders: tuple[str, ...]) -> int:
    return storage.pull(storage.resolve(data_dir), folders)


@task(name="push", cache_policy=NO_CACHE, retries=3,
      retry_delay_seconds=[10, 60, 300], retry_condition_fn=retry_transient, timeout_seconds=3600)
def push(data_dir: str, folders: tuple[str, ...] = storage.IMMUTABLE + storage.MUTABLE) -> int:
    return storage.push(storage.resolve(data_dir), folders)


@task(name="write-lake", cache_policy=NO_CACHE, retries=1, retry_condition_fn=retry_transient,
      timeout_seconds=1800)
def write_lake(data_dir: str, run_id: str, parsed: list[Packed], fetch_log: Packed | None = None) -> int:
    """Lake files have unique names and become visible only with the run's commit marker,
    so writers need no limit: only the warehouse build does. A cached batch parsed for another
    run is relabelled with this run's id."""
    merged = ParsedBatch()
    for batch in parsed:
        merged.merge(parse_cache.relabel(batch.unpack(), run_id))
    local = storage.resolve(data_dir).local
    written = store_run(local, run_id, merged, fetch_log.unpack() if fetch_log is not None else [])
    settle(local)  # the run's crawl state (validators, failures) takes effect with its rows
    return written


def writer_slot() -> contextlib.AbstractContextManager:
    """A slot of the server's warehouse-writer limit; no request at all where there is none."""
    try:
        with get_client(sync_client=True) as client:
            client.read_global_concurrency_limit_by_name(WAREHOUSE_WRITER)
    except ObjectNotFound:
        return contextlib.nullcontext()
    return concurrency(WAREHOUSE_WRITER, occupy=1)


@task(name="build-warehouse", cache_policy=NO_CACHE,
      retries=1, retry_delay_seconds=30, retry_condition_fn=retry_transient, timeout_seconds=3600)
def build_warehouse(data_dir: str) -> Path:
    """The remote lake's new files are fetched first, so a build sees every machine's runs.
    A local lake's small files are merged first; object storage keeps the files a run
    uploaded, as other machines may be reading them."""
    location = storage.resolve(data_dir)
    with writer_slot(), storage.writer_lock(location):
        if storage.is_remote_url(data_dir):
            storage.pull(location, ("lake",))
        else:
            compact.compact(location.local)
        return build.build(location.local)


@task(name="report", cache_policy=NO_CACHE, timeout_seconds=1800)
def report(warehouse: Path) -> Path:
    return write_report(warehouse, warehouse.with_name("report.html"))


@task(name="summarize", cache_policy=NO_CACHE, timeout_seconds=600)
def summarize_run(warehouse: Path, run_id: str) -> RunSummary:
    return summarize(warehouse, run_id)


@task(name="read-archive", cache_policy=NO_CACHE, timeout_seconds=6 * 3600)
def read_archive(data_dir: str, since: date | None) -> list[Packed]:
    """The latest archived fetch of each page, in packed parse batches."""
    return pack_batches(latest_pages(iter_archive(storage.resolve(data_dir).local, since)))


def latest_pages(pages) -> list[Page]:
    """One page per URL, the last fetched: two parses of one article in one run would give the
    warehouse two rows for it."""
    latest: dict[str, Page] = {}
    for page in pages:
        kept = latest.get(page.url)
        if kept is None or page.fetched_at >= kept.fetched_at:
            latest[page.url] = page
    return list(latest.values())


def publish(summary: RunSummary, description: str) -> None:
    """The run summary and its failures as artifacts, visible on the flow run's page."""
    create_markdown_artifact(summary.as_markdown(), key="accord-run-summary", description=description)
    create_table_artifact([{"url": url, "stage": stage, "reason": reason}
                           for url, stage, reason in summary.failures] or [{"url": "", "stage": "",
                                                                             "reason": "no failures"}],
                          key="accord-run-failures", description=f"{description}: failures")
