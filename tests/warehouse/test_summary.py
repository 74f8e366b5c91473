"""The run summary names what failed: sources that gave nothing, and the first failed pages."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from accord.warehouse import build, lake
from accord.warehouse.summary import FAILURES_SHOWN, summarize

RUN = "r1"
AT = datetime(2024, 5, 1, 3)

# (source, url, fetch status, error, parse status or None when the page never reached the parser)
ROWS = [
    ("feed-ok", "http://a.test/robots.txt", "fetched", None, None),
    ("feed-ok", "http://a.test/feed.xml", "fetched", None, None),
    ("feed-ok", "http://a.test/1.html", "fetched", None, "parsed"),
    ("feed-ok", "http://a.test/2.html", "fetched", None, "failed"),
    ("feed-ok", "http://a.test/3.html", "failed", "HTTP 404 Not Found", None),
    # robots.txt read, then the feed failed: robots.txt is no content of the source
    ("feed-down", "http://b.test/robots.txt", "fetched", None, None),
    ("feed-down", "http://b.test/feed.xml", "failed", "HTTP 500 Internal Server Error", None),
    ("not-a-feed", "http://c.test/feed.xml", "skipped", "not a feed, sitemap or HTML page", None),
    ("unchanged", "http://d.test/feed.xml", "not_modified", None, None),
    ("pages-down", "http://e.test/feed.xml", "fetched", None, None),
    ("pages-down", "http://e.test/1.html", "failed", "connection refused", None),
    ("pages-down", "http://e.test/2.html", "failed", "connection refused", None),
    # pages skipped on purpose (not HTML, disallowed) after the feed was read: nothing failed
    ("pdfs", "http://f.test/feed.xml", "fetched", None, None),
    ("pdfs", "http://f.test/1.pdf", "skipped", "not HTML: application/pdf", None),
    ("empty-folder", "file:///in/empty", "failed", "no readable .html, .htm or .txt file in /in/empty", None),
    ("damaged-warc", "file:///in/a.warc", "fetched", None, "parsed"),
    ("damaged-warc", "file:///in/a.warc#offset=900", "failed", "offset 900: truncated", None),
    ("recovered", "http://g.test/1.html", "recovered", "archived by run r0", "parsed"),
]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("data")
    fetches = [{"run_id": RUN, "source": source, "url": url, "final_url": url, "status": status,
                "http_status": None, "error": error, "bytes": 0, "elapsed_ms": 0.0, "attempts": 1,
                "fetched_at": AT, "run_date": date(2024, 5, 1)} for source, url, status, error, _ in ROWS]
    parses = [{"run_id": RUN, "url": url, "article_id": url, "status": parsed,
               "error": "no article text" if parsed == "failed" else None, "parser_version": "test",
               "parsed_at": AT, "run_date": date(2024, 5, 1)} for _, url, _, _, parsed in ROWS if parsed]
    lake.write_rows(data_dir, "fetch_log", fetches, RUN)
    lake.write_rows(data_dir, "parse_log", parses, RUN)
    lake.commit_run(data_dir, RUN)
    return build.build(data_dir)


def test_a_source_that_gave_nothing_is_failed_with_its_first_failure(warehouse):
    summary = summarize(warehouse, RUN)
    assert summary.failed_sources == [
        ("empty-folder", "file:///in/empty: no readable .html, .htm or .txt file in /in/empty"),
        ("feed-down", "http://b.test/feed.xml: HTTP 500 Internal Server Error"),
        ("not-a-feed", "http://c.test/feed.xml: not a feed, sitemap or HTML page"),
        ("pages-down", "http://e.test/1.html: connection refused"),
    ]
    assert summary.fetch_log_rows == len(ROWS)


def test_the_console_names_the_first_failures_and_the_query_for_all(warehouse):
    summary = summarize(warehouse, RUN)
    failed = [(url, "fetch") for _, url, status, _, _ in ROWS if status == "failed"] + \
             [(url, "parse") for _, url, _, _, parsed in ROWS if parsed == "failed"]
    assert summary.failures_total == len(failed) > FAILURES_SHOWN
    text = summary.as_text().splitlines()
    start = text.index("FAILED: 4 source(s) gave nothing:")
    assert text[start + 1] == "  empty-folder: file:///in/empty: no readable .html, .htm or .txt file in /in/empty"
    listed = [line for line in text if line.startswith("  fetch ") or line.startswith("  parse ")]
    assert len(listed) == FAILURES_SHOWN
    assert f"{len(failed)} page(s) or file(s) failed; the first {FAILURES_SHOWN}:" in "\n".join(text)
    assert text[-1] == f"  all of them: accord query \"{summary.failures_query}\""


def test_the_query_for_all_failures_lists_them_all(warehouse):
    import duckdb

    summary = summarize(warehouse, RUN)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(summary.failures_query).fetchall()
    finally:
        con.close()
    assert len(rows) == summary.failures_total
    assert ("parse", "http://a.test/2.html", "no article text") in rows


def test_a_run_that_read_nothing_says_so(warehouse):
    summary = summarize(warehouse, "another-run")
    assert summary.fetch_log_rows == 0 and summary.failed_sources == [] and summary.failures_total == 0
