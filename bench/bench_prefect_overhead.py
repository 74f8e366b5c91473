"""Prefect's share of a nightly run's wall time, its server's start apart.

    .venv/bin/python bench/bench_prefect_overhead.py [--articles 2000]

Writes N small synthetic HTML articles and a sitemap to a temporary folder and serves them on
127.0.0.1 (a sources file naming the sitemap, rate 1000 requests per second), then does the
same work twice on fresh data directories: once as the nightly flow (tasks, futures, the parse
cache's persisted results, artifacts; a temporary Prefect server started beforehand and not
timed), once as the plain library functions the tasks wrap, in the flow's order, with no
Prefect and no packing of pages and rows. Prints both wall times and Prefect's share,
(flow - plain) / flow. The target is at most 10%.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from accord import settings  # noqa: E402
from accord.scrape.sample_site import serve_sample_site  # noqa: E402

RATE = 1000  # requests per second: the politeness delay is the same in both runs, and small
ARTICLES = 2000

SPEAKERS = [("Sergei Lavrov", "Russia's foreign minister"), ("Rex Tillerson", "the U.S. secretary of state"),
            ("Emmanuel Macron", "France's president"), ("Olaf Scholz", "Germany's chancellor")]
TOPICS = ["sanctions", "the ceasefire", "tariffs on electric vehicles", "NATO membership", "nuclear talks"]


def write_site(folder: Path, count: int, seed: int = 7) -> None:
    """`count` small HTML articles under folder/news/ and a sitemap listing them all; the served
    site substitutes {{BASE_URL}}, as the bundled sample site does."""
    chance = random.Random(seed)
    (folder / "news").mkdir(parents=True)
    urls = []
    for n in range(count):
        (a, a_role), (b, b_role) = chance.sample(SPEAKERS, 2)
        topic = chance.choice(TOPICS)
        day = f"2024-{chance.randint(1, 12):02d}-{chance.randint(1, 28):02d}"
        paragraphs = [
            f"<p>{a}, {a_role}, met {b}, {b_role}, on {day} to discuss {topic}.</p>",
            f"<p>\u201cWe will not accept any deal on {topic} that ignores our security,\u201d {a} said.</p>",
            f"<p>{b} said the talks were useful. \u201cWe agree with {a.split()[-1]} that {topic} "
            f"needs a lasting answer,\u201d {b.split()[-1]} told reporters.</p>",
            "<p>" + " ".join(chance.choice(["Officials", "said", "the", "meeting", "lasted", "hours",
                                            "and", "ended", "without", "a", "statement"]) for _ in range(60)) + ".</p>",
        ]
        name = f"news/article-{n:05d}.html"
        (folder / name).write_text(
            f"<!doctype html><html lang=en><head><title>{a} and {b} on {topic}</title>"
            f'<meta property="article:published_time" content="{day}T10:00:00Z"></head>'
            f"<body><article><h1>{a} and {b} discuss {topic}</h1>{''.join(paragraphs)}</article></body></html>",
            encoding="utf-8")
        urls.append(f"  <url><loc>{{{{BASE_URL}}}}/{name}</loc><lastmod>{day}</lastmod></url>")
    (folder / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + "\n".join(urls) + "\n</urlset>\n",
        encoding="utf-8")


def configure_sources(config: Path, base_url: str) -> None:
    """A config folder like the user's (the same speakers, topics, places) whose sources file
    names the local site, at a rate fit for a site on this machine (the default, 1 request per
    second, is for other people's servers)."""
    shutil.copytree(settings.config_dir(), config)
    (config / "sources.toml").write_text(
        f'[[source]]\nname = "local-site"\nkind = "sitemap"\nlocation = "{base_url}/sitemap.xml"\n'
        f"rate = {RATE}\n", encoding="utf-8")
    os.environ["ACCORD_CONFIG_DIR"] = str(config)


def direct(data_dir: Path) -> float:
    """The nightly flow's work without Prefect: the library functions its tasks wrap, in its
    order, on plain values (no packing of pages and rows: that exists only for Prefect's sake,
    so its cost is counted as Prefect's)."""
    from accord import storage
    from accord.flows.nightly import new_run_id
    from accord.flows.tasks import PARSE_BATCH_SIZE, resolve_sources
    from accord.parse_pages import ParsedBatch, store_run
    from accord.parse_workers import parse_in_workers
    from accord.report import write_report
    from accord.scrape.crawl import CrawlSettings, crawl
    from accord.warehouse.build import build
    from accord.warehouse.compact import compact
    from accord.warehouse.summary import summarize

    started = time.perf_counter()
    location, run_id = storage.resolve(str(data_dir)), new_run_id()
    storage.pull(location, storage.MUTABLE)
    crawled = crawl(resolve_sources(None), data_dir=location.local, run_id=run_id, settings=CrawlSettings())
    pages = crawled.pages
    parsed = ParsedBatch()
    # batches handed to the worker processes from threads, as the flow's parse tasks do
    with ThreadPoolExecutor() as pool:
        chunks = [pages[i:i + PARSE_BATCH_SIZE] for i in range(0, len(pages), PARSE_BATCH_SIZE)]
        for batch in pool.map(lambda chunk: parse_in_workers(chunk, run_id), chunks):
            parsed.merge(batch)
    store_run(location.local, run_id, parsed, crawled.fetch_log)
    storage.push(location)
    compact(location.local)
    with storage.writer_lock(location):
        storage.pull(location, ("lake",))
        warehouse = build(location.local)
    summary = summarize(warehouse, run_id)
    write_report(warehouse, warehouse.with_name("report.html"))
    return checked(summary, time.perf_counter() - started)


def with_prefect(data_dir: Path) -> float:
    from accord.flows.nightly import nightly

    started = time.perf_counter()
    summary = nightly(data_dir=str(data_dir))
    return checked(summary, time.perf_counter() - started)


def checked(summary, seconds: float) -> float:
    """Both runs must have done the whole job, or the comparison means nothing."""
    assert summary.pages_fetched >= ARTICLES and summary.articles >= ARTICLES, summary.as_text()
    return seconds


def main() -> int:
    global ARTICLES
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--articles", type=int, default=2000)
    args = options.parse_args()
    ARTICLES = args.articles
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as temporary:
        root = Path(temporary)
        # a fresh PREFECT_HOME: no parse results cached by earlier runs, no user profile
        os.environ["PREFECT_HOME"] = str(root / "prefect")
        os.environ.pop("PREFECT_API_URL", None)
        from accord import prefect_env

        prefect_env.configure()
        from prefect.testing.utilities import prefect_test_harness

        from accord.parse_pages import knowledge

        site = root / "site"
        write_site(site, args.articles)
        with serve_sample_site(site, base_url=None) as served:
            base_url = served.base_url
            configure_sources(root / "config", base_url)
            knowledge()  # the speaker and topic files are read once per process, before either run
            server_started = time.perf_counter()
            with prefect_test_harness(server_startup_timeout=120):
                server_seconds = time.perf_counter() - server_started
                # direct first, so both runs find the imports and the OS page cache equally warm
                plain = direct(root / "direct")
                flowed = with_prefect(root / "flow")
        share = (flowed - plain) / flowed
        print(f"articles: {args.articles}, served on {base_url} (sitemap, rate {RATE}/s)")
        print(f"Prefect server start (not counted): {server_seconds:.2f} s")
        print(f"without Prefect (the library functions the tasks wrap): {plain:.2f} s")
        print(f"with Prefect (nightly flow): {flowed:.2f} s")
        print(f"Prefect's share of the flow's wall time: {share:.1%} (target: at most 10%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
