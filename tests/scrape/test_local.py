from datetime import date

from accord.scrape.archive import ROLE, WarcWriter, iter_archive
from accord.scrape.crawl import CrawlSettings, crawl
from accord.scrape.sources import Source
from accord.warehouse import lake

from .test_archive import exchange


def test_folder_and_warc_sources_need_no_network(tmp_path):
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.html").write_bytes(b"<html>a</html>")
    (folder / "sub" / "b.txt").write_bytes(b"plain")
    (folder / "c.pdf").write_bytes(b"%PDF")
    with WarcWriter(tmp_path / "other", "x", date(2025, 6, 2)) as writer:
        writer.write(exchange("https://Example.org/w?utm_source=x", b"<p>w</p>", encoding="gzip"), {ROLE: "page"})
        writer.write(exchange("https://example.org/gone", b"", status=404), {})
    [warc] = (tmp_path / "other").rglob("*.warc.gz")
    sources = [Source("folder", "folder", str(folder)), Source("warc", "warc", str(warc))]
    result = crawl(sources, data_dir=tmp_path / "data", run_id="r", settings=CrawlSettings())
    pages = {page.url: page for page in result.pages}
    a, b = (folder / "a.html").resolve().as_uri(), (folder / "sub" / "b.txt").resolve().as_uri()
    assert set(pages) == {a, b, "https://example.org/w"}
    assert (pages[a].content_type, pages[b].content_type) == ("text/html", "text/plain")
    w = pages["https://example.org/w"]
    assert (w.body, w.final_url, w.source) == (b"<p>w</p>", "https://Example.org/w?utm_source=x", "warc")
    assert w.fetched_at.isoformat() == "2025-06-02T10:00:00"
    statuses = {row["url"]: (row["status"], row["error"]) for row in result.fetch_log}
    assert statuses[a] == ("fetched", None)
    assert statuses["https://example.org/gone"] == ("skipped", "HTTP 404 in the WARC")


def test_local_pages_are_archived_once_so_reprocess_reaches_them(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html").write_bytes(b"<html>a</html>")
    with WarcWriter(tmp_path / "other", "x", date(2025, 6, 2)) as writer:
        writer.write(exchange("https://example.org/w", b"<p>w</p>", encoding="gzip"), {ROLE: "page"})
    [warc] = (tmp_path / "other").rglob("*.warc.gz")
    sources = [Source("folder", "folder", str(folder)), Source("warc", "warc", str(warc))]
    data = tmp_path / "data"
    result = crawl(sources, data_dir=data, run_id="r1", settings=CrawlSettings())
    archived = {page.url: page for page in iter_archive(data)}
    assert set(archived) == {page.url for page in result.pages}
    a = (folder / "a.html").resolve().as_uri()
    assert (archived[a].body, archived[a].content_type, archived[a].source) == (b"<html>a</html>", "text/html",
                                                                                "folder")
    w = archived["https://example.org/w"]
    assert (w.body, w.source, w.fetched_at.isoformat()) == (b"<p>w</p>", "warc", "2025-06-02T10:00:00")

    # once committed, an unchanged file is parsed again but not archived again; a changed one is
    lake.commit_run(data, "r1")
    (folder / "a.html").write_bytes(b"<html>a, edited</html>")
    crawl(sources, data_dir=data, run_id="r2", settings=CrawlSettings())
    bodies = sorted(page.body for page in iter_archive(data))
    assert bodies == [b"<html>a, edited</html>", b"<html>a</html>", b"<p>w</p>"]
