import gzip
from datetime import date, datetime

from accord.scrape.archive import HINT, REQUESTED, ROLE, SOURCE, WarcWriter, iter_archive
from accord.scrape.exchange import Exchange

WHEN = datetime(2025, 6, 2, 10, 0, 0)


def exchange(url: str, body: bytes, status: int = 200, encoding: str | None = None) -> Exchange:
    raw = gzip.compress(body) if encoding == "gzip" else body
    headers = [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")]
    if encoding:
        headers.append(("Content-Encoding", encoding))
    return Exchange(url=url, request_headers=[("Host", "example.org")], status=status, reason="OK",
                    http_version="HTTP/1.1", response_headers=headers, raw_body=raw, body=body,
                    fetched_at=WHEN)


def test_written_to_part_then_renamed_and_read_back(tmp_path):
    writer = WarcWriter(tmp_path, "run/../1", date(2025, 6, 2))
    meta = {ROLE: "page", SOURCE: "s", REQUESTED: "https://example.org/a", HINT: "2025-06-01"}
    writer.write(exchange("https://example.org/b", b"<p>zipped</p>", encoding="gzip"), meta)
    writer.write(exchange("https://example.org/c", b"<p>feed</p>"), {**meta, ROLE: "discovery"})
    writer.write(exchange("https://example.org/d", b"gone", status=404), meta)
    folder = tmp_path / "archive" / "2025-06-02"
    assert [p.name for p in folder.iterdir()] == ["run_.._1.warc.gz.part"]
    assert list(iter_archive(tmp_path)) == []  # an unfinished run is not read
    writer.close()
    assert [p.name for p in folder.iterdir()] == ["run_.._1.warc.gz"]
    [page] = iter_archive(tmp_path)
    assert (page.url, page.final_url, page.body) == ("https://example.org/a", "https://example.org/b",
                                                     b"<p>zipped</p>")
    assert (page.source, page.published_hint, page.fetched_at) == ("s", "2025-06-01", WHEN)
    assert list(iter_archive(tmp_path, since=date(2025, 6, 3))) == []


def test_a_second_writer_for_the_same_run_does_not_overwrite(tmp_path):
    for _ in range(2):
        with WarcWriter(tmp_path, "run", date(2025, 6, 2)) as writer:
            writer.write(exchange("https://example.org/a", b"x"), {ROLE: "page"})
    assert len(list(iter_archive(tmp_path))) == 2


def test_nothing_written_means_no_file(tmp_path):
    WarcWriter(tmp_path, "run", date(2025, 6, 2)).close()
    assert not (tmp_path / "archive").exists()


def test_a_failed_run_leaves_only_a_part_file(tmp_path):
    try:
        with WarcWriter(tmp_path, "run", date(2025, 6, 2)) as writer:
            writer.write(exchange("https://example.org/a", b"x"), {ROLE: "page"})
            raise RuntimeError("crash")
    except RuntimeError:
        pass
    assert [p.name for p in (tmp_path / "archive" / "2025-06-02").iterdir()] == ["run.warc.gz.part"]
    assert list(iter_archive(tmp_path)) == []
