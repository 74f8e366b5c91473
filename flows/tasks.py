"""Prefect tasks: thin wrappers that give each pipeline step retries, tags and a name.

Pages are handled in batches, never one task per URL: each task run costs the Prefect API a
few milliseconds and servers struggle past a few thousand task runs per flow.
"""
from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

from prefect import task
from scrape.crawl import CrawlResult, CrawlSettings, crawl
from scrape.sample_site import serve_sample_site

from accord import settings
from accord.parse_pages import ParsedBatch, parse_pages, store_run
from scrape.pages import Page
from scrape.sources import Source, bind_sample_site, detect_source, load_sources, uses_sample_site
from warehouse import build
from warehouse.summary import RunSummary, summarize

PARSE_BATCH_SIZE = 200


def resolve_sources(specs: list[str] | None) -> list[Source]:
    """`--source` arguments, else the user's sources file."""
    return [detect_source(spec) for spec in specs] if specs else load_sources(settings.sources_file())


@task(name="crawl", tags=["accord", "scrape"])
def crawl_sources(sources: list[Source], data_dir: Path, run_id: str,
                  since: date | None = None, until: date | None = None) -> CrawlResult:
    with contextlib.ExitStack() as stack:
        if uses_sample_site(sources):
            base_url = stack.enter_context(serve_sample_site(settings.SAMPLE_SITE_DIR))
            sources = bind_sample_site(sources, base_url)
        return crawl(sources, data_dir=data_dir, run_id=run_id, settings=CrawlSettings(),
                     since=since, until=until)


@task(name="parse", tags=["accord", "parse"], retries=1)
def parse_batch(pages: list[Page], run_id: str) -> ParsedBatch:
    return parse_pages(pages, run_id)


def batches(pages: list[Page], size: int = PARSE_BATCH_SIZE) -> list[list[Page]]:
    return [pages[i:i + size] for i in range(0, len(pages), size)]


@task(name="write-lake", tags=["accord", "warehouse"])
def write_lake(data_dir: Path, run_id: str, parsed: ParsedBatch, fetch_log: list[dict]) -> int:
    return store_run(data_dir, run_id, parsed, fetch_log)


@task(name="build-warehouse", tags=["accord", "warehouse"])
def build_warehouse(data_dir: Path) -> Path:
    return build.build(data_dir)


@task(name="summarize", tags=["accord"])
def summarize_run(warehouse: Path, run_id: str) -> RunSummary:
    return summarize(warehouse, run_id)
