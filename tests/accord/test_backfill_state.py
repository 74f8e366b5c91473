"""Backfill bookkeeping: days of a range, done markers per source, dated archive URLs."""
from __future__ import annotations

from datetime import date

import pytest

from accord import backfill
from accord.scrape.sources import Source


def test_days_are_inclusive_and_an_inverted_range_is_refused():
    assert backfill.days(date(2024, 2, 28), date(2024, 3, 1)) == [
        date(2024, 2, 28), date(2024, 2, 29), date(2024, 3, 1)]
    with pytest.raises(ValueError, match="before"):
        backfill.days(date(2024, 3, 2), date(2024, 3, 1))


def test_a_day_is_pending_for_the_sources_that_have_not_done_it(tmp_path):
    wire = Source("wire", "feed", "https://wire.example/rss.xml")
    paper = Source("paper/../x", "sitemap", "https://paper.example/sitemap.xml")
    backfill.mark_done(tmp_path, wire, date(2024, 1, 1), "run-1", pages=3)
    backfill.mark_done(tmp_path, paper, date(2024, 1, 2), "run-2", pages=0)
    assert backfill.pending(tmp_path, [wire, paper], date(2024, 1, 1), date(2024, 1, 3)) == [
        (date(2024, 1, 1), [paper]),
        (date(2024, 1, 2), [wire]),
        (date(2024, 1, 3), [wire, paper]),
    ]
    markers = list(backfill.state_dir(tmp_path).rglob("*.json"))
    assert len(markers) == 2 and all(m.is_relative_to(backfill.state_dir(tmp_path)) for m in markers)


def test_progress_is_kept_per_source_not_per_name(tmp_path):
    """Two sitemaps of one host given with --source share the host's name."""
    news = Source("example.org", "auto", "https://example.org/news-sitemap.xml")
    archive = Source("example.org", "auto", "https://example.org/archive-sitemap.xml")
    backfill.mark_done(tmp_path, news, date(2024, 1, 1), "run-1", pages=3)
    assert backfill.is_done(tmp_path, news, date(2024, 1, 1))
    assert not backfill.is_done(tmp_path, archive, date(2024, 1, 1))
    assert backfill.pending(tmp_path, [news, archive], date(2024, 1, 1), date(2024, 1, 1)) == [
        (date(2024, 1, 1), [archive])]


def test_a_url_template_names_the_days_archive_page():
    sources = [Source("daily", "listing", "https://example.org/",
                      {"url_template": "https://example.org/archive/{date:%Y/%m/%d}/", "link_pattern": "/a/"}),
               Source("feed", "feed", "https://example.org/rss.xml")]
    dated = backfill.sources_for_day(sources, date(2024, 3, 9))
    assert dated[0].location == "https://example.org/archive/2024/03/09/"
    assert dated[0].options["link_pattern"] == "/a/" and dated[1] == sources[1]
