"""The crawl against a misbehaving site, judged from the server's own request log."""
from __future__ import annotations

import gzip
import hashlib
import ipaddress
import time
from collections import Counter
from pathlib import Path

import pytest

from accord.scrape.archive import iter_archive
from accord.scrape.crawl import access, crawl, settle
from accord.scrape.exchange import Access
from accord.scrape.sources import Source
from accord.scrape.urls import canonicalize_url
from accord.warehouse import lake

from .conftest import Site, reset, respond

ROBOTS = b"User-agent: *\nDisallow: /private\nCrawl-delay: 0.2\n"


def rss(urls: list[str]) -> bytes:
    items = "".join(f"<item><link>{url}</link><pubDate>Mon, 02 Jun 2025 10:00:00 +0000</pubDate></item>"
                    for url in urls)
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


def conditional_page(site: Site, path: str, body: bytes) -> str:
    """A page that honours If-None-Match, as a real server would."""
    etag = '"' + hashlib.sha1(body).hexdigest() + '"'

    def handle(h):
        if h.headers.get("If-None-Match") == etag:
            respond(h, 304, headers={"ETag": etag}, content_type=None)
        else:
            respond(h, 200, body, headers={"ETag": etag})
    return site.route(path, handle)


def once_then_ok(first) -> callable:
    """A handler that misbehaves on the first request only."""
    calls = []

    def handle(h):
        calls.append(1)
        if len(calls) == 1:
            first(h)
        else:
            respond(h, 200, b"<html><body>recovered</body></html>")
    return handle


def drip(h):
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "100")
    h.end_headers()
    try:
        for _ in range(100):
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(0.1)
    except OSError:
        pass


def cut_short(h, rst: bool):
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "10000")
    h.end_headers()
    h.wfile.write(b"<html>" + b"x" * 994)
    if rst:
        reset(h)
    else:
        h.close_connection = True


def stream_forever(h):
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Connection", "close")
    h.end_headers()
    h.close_connection = True
    try:
        for _ in range(100):
            h.wfile.write(b"y" * 10_000)
    except OSError:
        pass


def announce_huge(h):
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "20000000")
    h.end_headers()
    h.close_connection = True


def build_misbehaving_site(site: Site) -> list[str]:
    """Serve the misbehaviours; returns the URLs the feed lists."""
    site.page("/robots.txt", ROBOTS, "text/plain")
    bomb = gzip.compress(b"\0" * 5_000_000)
    listed = [
        conditional_page(site, "/ok", b"<html><body>ok</body></html>"),
        site.page("/charset", "<html><body>Bientôt été</body></html>".encode(), "text/html; charset=iso-8859-1"),
        site.route("/error500", lambda h: respond(h, 500, b"boom")),
        site.route("/flaky503", once_then_ok(lambda h: respond(h, 503, b"busy"))),
        site.route("/limited429", once_then_ok(lambda h: respond(h, 429, b"slow", headers={"Retry-After": "1"}))),
        site.route("/reset", lambda h: cut_short(h, rst=True)),
        site.route("/truncated", lambda h: cut_short(h, rst=False)),
        site.route("/drip", drip),
        site.route("/huge", announce_huge),
        site.route("/endless", stream_forever),
        site.route("/bomb", lambda h: respond(h, 200, bomb, headers={"Content-Encoding": "gzip"})),
        site.page("/report.pdf", b"%PDF-1.4 not html", "application/pdf"),
        site.route("/loop-a", lambda h: respond(h, 302, headers={"Location": "/loop-b"})),
        site.route("/moved", lambda h: respond(h, 301, headers={"Location": "/landing"})),
        site.url + "/private/secret",
        site.url + "/missing",
        site.url + "/ok?utm_source=rss&fbclid=1",  # the same page as /ok
    ]
    site.route("/loop-b", lambda h: respond(h, 302, headers={"Location": "/loop-a"}))
    site.page("/landing")
    site.page("/private/secret")
    site.page("/rss.xml", rss(listed), "application/rss+xml")
    return listed


def run(site_url: str, data_dir: Path, settings, run_id: str, *, commit: bool = True, **kwargs):
    """A crawl, then (as the flow does once its rows are written) the run's lake commit."""
    source = Source(name="test", kind="feed", location=site_url + "/rss.xml", options={"rate": 20.0})
    result = crawl([source], data_dir=data_dir, run_id=run_id, settings=settings, **kwargs)
    if commit:
        lake.commit_run(data_dir, run_id)
        settle(data_dir)
    return result


@pytest.mark.slow
def test_misbehaving_site_loses_nothing_and_stays_polite(site, fast, tmp_path):
    listed = build_misbehaving_site(site)
    result = run(site.url, tmp_path, fast, "run-1")

    log = {row["url"]: row for row in result.fetch_log}
    archived = {page.url: page for page in iter_archive(tmp_path)}
    for url in map(canonicalize_url, listed):
        assert url in archived or (log[url]["status"] in ("failed", "skipped") and log[url]["error"]), url
    assert {page.url for page in result.pages} == set(archived)

    def outcome(path):
        row = log[site.url + path]
        return row["status"], row["error"]

    assert outcome("/ok") == ("fetched", None)
    assert outcome("/flaky503")[0] == outcome("/limited429")[0] == "fetched"
    assert outcome("/error500") == ("failed", "HTTP 500 Internal Server Error")
    assert log[site.url + "/error500"]["attempts"] == fast.max_attempts
    assert outcome("/missing") == ("failed", "HTTP 404 Not Found")
    assert outcome("/reset")[0] == outcome("/truncated")[0] == "failed"
    assert "truncated" in outcome("/truncated")[1]
    assert outcome("/drip") == ("failed", "page deadline of 1s exceeded")
    assert outcome("/huge")[0] == outcome("/endless")[0] == "skipped"
    assert "Content-Length" in outcome("/huge")[1] and "exceeds" in outcome("/endless")[1]
    assert outcome("/bomb")[0] == "skipped" and "decompression bomb" in outcome("/bomb")[1]
    assert outcome("/report.pdf") == ("skipped", "not HTML: application/pdf")
    assert outcome("/loop-a")[0] == "failed" and "redirect loop" in outcome("/loop-a")[1]
    assert outcome("/private/secret")[0] == "skipped" and "robots.txt" in outcome("/private/secret")[1]
    assert log[site.url + "/moved"]["final_url"] == site.url + "/landing"
    assert archived[site.url + "/moved"].final_url == site.url + "/landing"

    # wrong charset header: raw bytes and the header reach the parser untouched
    charset = archived[site.url + "/charset"]
    assert charset.body == "<html><body>Bientôt été</body></html>".encode()
    assert charset.content_type == "text/html; charset=iso-8859-1"

    # nothing asked twice (robots.txt included) but the retries, capped; disallowed paths never asked
    counts = Counter(site.paths())
    retried = {"/error500", "/flaky503", "/limited429", "/reset", "/truncated"}
    assert {path for path, count in counts.items() if count > 1} == retried
    assert max(counts[path] for path in retried) == fast.max_attempts
    assert "/private/secret" not in site.paths()

    # the host's Crawl-delay (0.2 s, slower than rate 20/s) holds between every two requests
    times = sorted(hit.at for hit in site.hits)
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.2

    # Retry-After: 1 is waited out
    limited = [hit.at for hit in site.hits if hit.path == "/limited429"]
    assert len(limited) == 2 and limited[1] - limited[0] >= 1.0

    # every raw response of the run is in the finished WARC
    assert list((tmp_path / "archive").rglob("*.part")) == []
    assert len(list((tmp_path / "archive").rglob("run-1.warc.gz"))) == 1


def test_rerun_downloads_no_unchanged_page(site, fast, tmp_path):
    site.page("/robots.txt", b"User-agent: *\nAllow: /\n", "text/plain")
    pages = [conditional_page(site, f"/article-{n}", f"<html><body>{n}</body></html>".encode())
             for n in range(3)]
    feed = [rss(pages[:2]), rss(pages)]  # the second run's feed lists one new article
    site.route("/rss.xml", lambda h: respond(h, 200, feed[0] if len(site.paths()) < 6 else feed[1],
                                             "application/rss+xml"))
    first = run(site.url, tmp_path, fast, "run-1")
    assert sorted(page.url for page in first.pages) == pages[:2]
    before = len(site.hits)

    second = run(site.url, tmp_path, fast, "run-2")
    assert [page.url for page in second.pages] == [pages[2]]
    statuses = {row["url"]: row["status"] for row in second.fetch_log}
    assert statuses[pages[0]] == statuses[pages[1]] == "not_modified"
    downloaded = [hit.path for hit in site.hits[before:] if hit.status == 200]
    assert sorted(downloaded) == ["/article-2", "/robots.txt", "/rss.xml"]


def test_failed_page_is_retried_on_later_runs_then_left_with_its_reason(site, fast, tmp_path):
    broken = site.route("/broken", lambda h: respond(h, 500, b"no"))
    site.page("/rss.xml", rss([broken]), "application/rss+xml")
    fast.max_attempts = 1
    rows = []
    for number in range(3):
        result = run(site.url, tmp_path, fast, f"run-{number}")
        rows.append(next(row for row in result.fetch_log if row["url"] == broken))
    assert [row["status"] for row in rows] == ["failed", "failed", "skipped"]
    assert rows[2]["error"] == "gave up after 2 failed runs: HTTP 500 Internal Server Error"
    assert site.paths().count("/broken") == 2
    # a missing robots.txt means no rules, not a failure to retry as a page
    robots = [row for row in result.fetch_log if row["url"].endswith("/robots.txt")]
    assert [(row["status"], row["http_status"]) for row in robots] == [("fetched", 404)]
    assert site.paths().count("/robots.txt") == 3


def test_private_addresses_refused_unless_the_source_is_there(site, other_site, fast, tmp_path):
    site.page("/robots.txt", b"", "text/plain")
    other_site.page("/robots.txt", b"", "text/plain")
    elsewhere = other_site.page("/internal")
    other_site.page("/target")
    hop = site.route("/hop", lambda h: respond(h, 302, headers={"Location": other_site.url + "/target"}))
    site.page("/rss.xml", rss([elsewhere, hop]), "application/rss+xml")
    result = run(site.url, tmp_path, fast, "run-1")
    log = {row["url"]: row for row in result.fetch_log}
    assert other_site.hits == []
    for url in (elsewhere, hop):
        assert log[url]["status"] == "skipped"
        assert "non-public address" in log[url]["error"]


def test_since_until_fetch_nothing_outside_the_range(site, fast, tmp_path):
    from datetime import date
    site.page("/robots.txt", b"", "text/plain")
    old, inside, undated = site.page("/old"), site.page("/inside"), site.page("/undated")
    site.page("/sitemap.xml", f"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>{old}</loc><lastmod>2020-01-01</lastmod></url>
  <url><loc>{inside}</loc><lastmod>2020-01-01</lastmod>
    <news:news><news:publication_date>2025-06-02T10:00:00Z</news:publication_date></news:news></url>
  <url><loc>{undated}</loc></url>
</urlset>""", "application/xml")
    source = Source(name="map", kind="sitemap", location=site.url + "/sitemap.xml")
    result = crawl([source], data_dir=tmp_path, run_id="backfill", settings=fast,
                   since=date(2025, 6, 1), until=date(2025, 6, 30))
    hints = {page.url: page.published_hint for page in result.pages}
    assert hints == {inside: "2025-06-02T10:00:00+00:00", undated: None}
    assert "/old" not in site.paths()


def test_auto_source_sniffs_a_feed_and_a_listing_follows_its_pattern(site, fast, tmp_path):
    site.page("/robots.txt", b"", "text/plain")
    article = site.page("/2025/06/article.html")
    site.page("/feed", rss([article]), "text/xml")  # no telling extension: sniffed
    site.page("/politics", '<a href="/2025/06/article.html">a</a><a href="/2025/06/other.html">o</a>'
                           '<a href="/about">about</a>')
    site.page("/2025/06/other.html")
    auto = Source(name="auto", kind="auto", location=site.url + "/feed")
    listing = Source(name="list", kind="listing", location=site.url + "/politics",
                     options={"link_pattern": r"/\d{4}/\d\d/", "max_pages": 5})
    result = crawl([auto, listing], data_dir=tmp_path, run_id="r", settings=fast)
    assert sorted(page.url for page in result.pages) == [article, site.url + "/2025/06/other.html"]
    assert "/about" not in site.paths()


def test_auto_source_that_is_an_article_is_fetched_once(site, fast, tmp_path):
    site.page("/robots.txt", b"", "text/plain")
    article = site.page("/story")
    result = crawl([Source("one", "auto", article)], data_dir=tmp_path, run_id="r", settings=fast)
    assert [page.url for page in result.pages] == [article]
    assert site.paths() == ["/robots.txt", "/story"]


def test_hosts_are_crawled_in_parallel(fast, tmp_path):
    sites = [Site(f"127.0.0.{n}") for n in (3, 4, 5)]
    for server in sites:
        server.thread.start()
        server.page("/robots.txt", b"User-agent: *\nCrawl-delay: 0.2\n", "text/plain")
        server.page("/rss.xml", rss([server.page(f"/a{n}") for n in range(3)]), "application/rss+xml")
    try:
        sources = [Source(s.url, "feed", s.url + "/rss.xml") for s in sites]
        began = time.monotonic()
        result = crawl(sources, data_dir=tmp_path, run_id="r", settings=fast)
        elapsed = time.monotonic() - began
    finally:
        for server in sites:
            server.close()
    assert len(result.pages) == 9
    # each host: 5 requests 0.2 s apart, at least 0.8 s; one after another would take 2.4 s
    assert 0.8 <= elapsed < 2.0


def test_a_source_that_gives_nothing_is_named_with_its_reason(site, fast, tmp_path):
    site.page("/robots.txt", b"", "text/plain")
    site.route("/down.xml", lambda h: respond(h, 503, b"down"))
    broken = site.route("/broken", lambda h: respond(h, 500, b"no"))
    site.page("/rss.xml", rss([broken]), "application/rss+xml")
    site.page("/not-a-feed", b"%PDF-1.4", "application/pdf")
    fine = site.page("/fine")
    fast.max_attempts = 1
    sources = [Source("down", "feed", site.url + "/down.xml"), Source("broken", "feed", site.url + "/rss.xml"),
               Source("pdf", "auto", site.url + "/not-a-feed"), Source("fine", "page", fine)]
    result = crawl(sources, data_dir=tmp_path, run_id="r", settings=fast)
    assert [page.url for page in result.pages] == [fine]
    assert {(f.source, f.location, f.reason) for f in result.failed_sources} == {
        ("down", site.url + "/down.xml", "HTTP 503 Service Unavailable"),
        ("broken", site.url + "/rss.xml",
         f"every page it led to failed (1); the first: {broken}: HTTP 500 Internal Server Error"),
        ("pdf", site.url + "/not-a-feed", "not a feed, sitemap or HTML page")}
    log = {row["url"]: (row["status"], row["error"]) for row in result.fetch_log}
    assert log[site.url + "/down.xml"] == ("failed", "HTTP 503 Service Unavailable")


def test_a_private_source_opens_its_own_origin_only(site, fast, tmp_path):
    """A feed on 127.0.0.1:<port> may not pull pages from another port of 127.0.0.1."""
    neighbour = Site("127.0.0.1")
    neighbour.thread.start()
    try:
        site.page("/robots.txt", b"", "text/plain")
        neighbour.page("/robots.txt", b"", "text/plain")
        own = site.page("/own")
        other_port = neighbour.page("/internal")
        hop = site.route("/hop", lambda h: respond(h, 302, headers={"Location": neighbour.url + "/admin"}))
        site.page("/rss.xml", rss([own, other_port, hop]), "application/rss+xml")
        result = run(site.url, tmp_path, fast, "run-1")
    finally:
        neighbour.close()
    assert [page.url for page in result.pages] == [own]
    assert neighbour.hits == []
    log = {row["url"]: row for row in result.fetch_log}
    for url in (other_port, hop):
        assert log[url]["status"] == "skipped" and "non-public address 127.0.0.1" in log[url]["error"]


def test_link_local_and_metadata_addresses_are_refused_even_as_a_source(fast, tmp_path):
    metadata = Source("metadata", "page", "http://169.254.169.254/latest/meta-data/")
    result = crawl([metadata], data_dir=tmp_path, run_id="r", settings=fast)
    [row] = [row for row in result.fetch_log if row["url"] == metadata.location]
    assert row["status"] == "skipped" and row["attempts"] == 0
    assert "link-local or cloud-metadata address 169.254.169.254" in row["error"]
    assert "allow_link_local" in row["error"]
    [failure] = result.failed_sources
    assert failure.source == "metadata"


def test_access_is_per_origin_and_link_local_needs_the_option():
    sources = [Source("local", "feed", "http://127.0.0.1:8765/rss.xml"),
               Source("public", "feed", "http://93.184.215.14/rss.xml"),
               Source("imds", "page", "http://169.254.169.254/", {"allow_link_local": True}),
               Source("imds-not-allowed", "page", "http://169.254.170.2/")]
    allowed = access(sources, {})
    assert allowed.private == {"http://127.0.0.1:8765", "http://169.254.169.254:80", "http://169.254.170.2:80"}
    assert allowed.link_local == {"http://169.254.169.254:80"}
    loopback, imds, alibaba = (ipaddress.ip_address(a) for a in ("127.0.0.1", "169.254.169.254", "100.100.100.200"))
    assert allowed.refusal("http://127.0.0.1:8765", loopback) is None
    assert "non-public" in allowed.refusal("http://127.0.0.1:8767", loopback)
    assert allowed.refusal("http://169.254.169.254:80", imds) is None
    assert "link-local" in allowed.refusal("http://169.254.170.2:80", imds)
    assert "metadata" in allowed.refusal("http://127.0.0.1:8765", alibaba)
    assert "metadata" in Access().refusal("https://x.org:443", ipaddress.ip_address("fd00:ec2::254"))
    assert "metadata" in Access().refusal("https://x.org:443", ipaddress.ip_address("::ffff:169.254.169.254"))
