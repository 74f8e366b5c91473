"""A run killed after its crawl and before its lake commit loses nothing: its validators wait for
the commit, and the next run parses what it archived."""
from __future__ import annotations

from accord.scrape.crawl import crawl, settle
from accord.scrape.sources import Source
from accord.scrape.state import CrawlState
from accord.warehouse import lake

from .conftest import respond
from .test_crawl import conditional_page, rss


def feed_source(site) -> Source:
    return Source(name="news", kind="feed", location=site.url + "/rss.xml", options={"rate": 20.0})


def test_a_run_killed_before_its_lake_commit_leaves_no_validators_and_its_pages_come_back(
        site, fast, tmp_path):
    site.page("/robots.txt", b"", "text/plain")
    a1, a2, a3 = (conditional_page(site, f"/a{n}", f"<html><body>{n}</body></html>".encode())
                  for n in (1, 2, 3))
    feeds = {"now": rss([a1, a2])}
    site.route("/rss.xml", lambda h: respond(h, 200, feeds["now"], "application/rss+xml"))

    crawl([feed_source(site)], data_dir=tmp_path, run_id="run-1", settings=fast)
    # killed here: no lake commit for run-1
    state = CrawlState(tmp_path)
    assert state.get(a1) is None and state.get(site.url + "/rss.xml") is None
    state.close()

    # the feed has moved on: a2 is no longer listed, a3 is new
    feeds["now"] = rss([a1, a3])
    before = len(site.hits)
    second = crawl([feed_source(site)], data_dir=tmp_path, run_id="run-2", settings=fast)
    assert sorted(page.url for page in second.pages) == [a1, a2, a3]
    statuses = {row["url"]: (row["status"], row["error"]) for row in second.fetch_log}
    assert statuses[a1] == ("fetched", None), "asked without run-1's validators: a full answer"
    assert statuses[a2] == ("recovered", "archived by run run-1, whose rows never reached the lake")
    assert statuses[a3] == ("fetched", None)
    assert sorted(hit.path for hit in site.hits[before:] if hit.status == 200) == [
        "/a1", "/a3", "/robots.txt", "/rss.xml"]

    # run-2 is committed: from now on, unchanged pages are not downloaded, nothing is recovered
    lake.commit_run(tmp_path, "run-2")
    settle(tmp_path)
    third = crawl([feed_source(site)], data_dir=tmp_path, run_id="run-3", settings=fast)
    assert third.pages == []
    statuses = {row["url"]: row["status"] for row in third.fetch_log}
    assert statuses[a1] == statuses[a3] == "not_modified"
    assert "recovered" not in statuses.values()


def test_a_run_killed_between_its_commit_and_settling_is_settled_by_the_next_crawl(site, fast, tmp_path):
    site.page("/robots.txt", b"", "text/plain")
    page = conditional_page(site, "/a", b"<html><body>a</body></html>")
    site.page("/rss.xml", rss([page]), "application/rss+xml")
    crawl([feed_source(site)], data_dir=tmp_path, run_id="run-1", settings=fast)
    lake.commit_run(tmp_path, "run-1")  # killed before settle(): the next crawl does it
    second = crawl([feed_source(site)], data_dir=tmp_path, run_id="run-2", settings=fast)
    assert second.pages == []
    assert {row["url"]: row["status"] for row in second.fetch_log}[page] == "not_modified"


def test_adopted_archives_that_are_gone_are_fetched_again(site, fast, tmp_path):
    site.page("/robots.txt", b"", "text/plain")
    page = conditional_page(site, "/a", b"<html><body>a</body></html>")
    site.page("/rss.xml", rss([page]), "application/rss+xml")
    crawl([feed_source(site)], data_dir=tmp_path, run_id="run-1", settings=fast)
    for warc in (tmp_path / "archive").rglob("*.warc.gz"):
        warc.unlink()
    second = crawl([feed_source(site)], data_dir=tmp_path, run_id="run-2", settings=fast)
    assert [p.url for p in second.pages] == [page]
    assert {row["url"]: row["status"] for row in second.fetch_log}[page] == "fetched"
