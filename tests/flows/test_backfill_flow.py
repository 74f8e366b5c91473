"""A backfill as a real Prefect flow run against a site on 127.0.0.1, judged from the site's own
request log: progress is kept per source, robots.txt and sitemaps are read once per backfill."""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest

from accord import backfill as days
from accord.flows.backfill import backfill
from accord.scrape.sources import detect_source
from tests.scrape.conftest import Site

SINCE = date(2025, 3, 1)
DAYS = 6


def sitemap(site: Site, path: str, prefix: str) -> str:
    """A sitemap listing one article a day of the range, and one from before it."""
    urls = []
    for n in range(-1, DAYS):
        day = SINCE + timedelta(days=n)
        url = site.page(f"/{prefix}/{day.isoformat()}.html",
                        f"<html><head><title>{prefix} {day}</title></head><body><article><h1>{prefix} {day}"
                        f"</h1><p>{'Words of the day. ' * 40}</p></article></body></html>")
        urls.append(f"<url><loc>{url}</loc><lastmod>{day.isoformat()}</lastmod></url>")
    body = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(urls) + "</urlset>")
    return site.page(path, body, "application/xml")


@pytest.mark.slow
def test_backfill_keeps_progress_per_source_and_reads_robots_and_sitemaps_once(tmp_path, prefect_server):
    site = Site()
    site.thread.start()
    try:
        site.page("/robots.txt", b"User-agent: *\nAllow: /\n", "text/plain")
        news, archive = sitemap(site, "/news-sitemap.xml", "news"), sitemap(site, "/archive-sitemap.xml", "archive")
        until = SINCE + timedelta(days=DAYS - 1)

        backfill(since=SINCE, until=until, sources=[news], data_dir=str(tmp_path))
        asked = Counter(site.paths())
        assert asked["/robots.txt"] == 1 and asked["/news-sitemap.xml"] == 1, asked
        news_pages = [path for path in asked if path.startswith("/news/")]
        assert len(news_pages) == DAYS and all(asked[path] == 1 for path in news_pages)
        assert "/news/2025-02-28.html" not in asked, "nothing outside the range"

        # a second sitemap of the same host (both sources are named after the host) is its own source
        before = len(site.hits)
        backfill(since=SINCE, until=until, sources=[archive], data_dir=str(tmp_path))
        asked = Counter(hit.path for hit in site.hits[before:])
        assert sorted(path for path in asked if path.startswith("/archive/")) == [
            f"/archive/{SINCE + timedelta(days=n)}.html" for n in range(DAYS)]
        assert asked["/robots.txt"] == 1 and asked["/archive-sitemap.xml"] == 1, asked
        assert all(days.is_done(tmp_path, detect_source(spec), until) for spec in (news, archive))

        # both done: nothing is asked at all
        before = len(site.hits)
        backfill(since=SINCE, until=until, sources=[news, archive], data_dir=str(tmp_path))
        assert site.hits[before:] == []
    finally:
        site.close()
