"""WARC files read as far as they go: one gzip stream or a member per record, damage skipped and
reported with the file and offset, truncation reported, an empty input a failed source."""
from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from accord.scrape.archive import iter_warc_responses
from accord.scrape.crawl import CrawlSettings, crawl
from accord.scrape.sources import Source

RECORDS = 55


def write_warc(path: Path, *, compress: bool = True, records: int = RECORDS) -> list[str]:
    """A WARC of HTML responses, a gzip member per record when compressed; returns their URLs."""
    urls = []
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=compress)
        for n in range(records):
            url = f"https://example.org/{n}"
            body = f"<html><body><h1>Story {n}</h1><p>{'words ' * 300}</p></body></html>".encode()
            writer.write_record(writer.create_warc_record(
                url, "response", payload=BytesIO(body),
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")))
            urls.append(url)
    return urls


def record_starts(data: bytes, marker: bytes) -> list[int]:
    starts, at = [], data.find(marker)
    while at >= 0:
        starts.append(at)
        at = data.find(marker, at + 1)
    return starts


def read(tmp_path: Path, path: Path):
    return crawl([Source("w", "warc", str(path))], data_dir=tmp_path / "data", run_id="r", settings=CrawlSettings())


def problems(result) -> list[tuple[str, str]]:
    return [(row["url"], row["error"]) for row in result.fetch_log if row["status"] == "failed"]


def test_a_warc_compressed_as_one_gzip_stream_is_read_whole(tmp_path):
    plain = tmp_path / "plain.warc"
    urls = write_warc(plain, compress=False)
    single = tmp_path / "single.warc.gz"
    single.write_bytes(gzip.compress(plain.read_bytes()))
    result = read(tmp_path, single)
    assert [page.url for page in result.pages] == urls
    assert result.failed_sources == result.warnings == [] and problems(result) == []


def test_a_bad_record_is_skipped_and_named_by_file_and_offset(tmp_path):
    path = tmp_path / "bad-record.warc"
    urls = write_warc(path, compress=False)
    data = bytearray(path.read_bytes())
    offset = record_starts(bytes(data), b"WARC/1.")[10]
    data[offset:offset + 8] = b"GARBAGE!"
    path.write_bytes(bytes(data))
    result = read(tmp_path, path)
    assert [page.url for page in result.pages] == urls[:10] + urls[11:]
    [(url, error)] = problems(result)
    assert url == f"{path.resolve().as_uri()}#offset={offset}"
    assert error.startswith(f"offset {offset}: unreadable data skipped") and "GARBAGE!" in error
    [warning] = result.warnings
    assert (warning.source, warning.location) == ("w", str(path)) and warning.reason == error
    assert result.failed_sources == []


def test_a_bad_gzip_member_is_skipped_and_reading_resumes_at_the_next(tmp_path):
    path = tmp_path / "bad-member.warc.gz"
    urls = write_warc(path)
    data = bytearray(path.read_bytes())
    offset = record_starts(bytes(data), b"\x1f\x8b\x08")[20]
    data[offset + 30:offset + 60] = b"\xff" * 30
    path.write_bytes(bytes(data))
    result = read(tmp_path, path)
    assert [page.url for page in result.pages] == urls[:20] + urls[21:]
    [(url, error)] = problems(result)
    assert url.endswith(f"#offset={offset}") and "damaged gzip member" in error


def test_a_truncated_warc_is_reported_not_silently_cut(tmp_path):
    path = tmp_path / "truncated.warc.gz"
    urls = write_warc(path)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) * 45 // 100])
    result = read(tmp_path, path)
    assert [page.url for page in result.pages] == urls[:24]
    [(url, error)] = problems(result)
    assert "truncated" in error and url.startswith(path.resolve().as_uri() + "#offset=")
    assert [w.reason for w in result.warnings] == [error]


def test_a_truncated_single_stream_and_a_record_cut_short_are_reported(tmp_path):
    plain = tmp_path / "plain.warc"
    write_warc(plain, compress=False)
    data = plain.read_bytes()
    stream = gzip.compress(data)
    single = tmp_path / "single.warc.gz"
    single.write_bytes(stream[:len(stream) // 2])
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[:len(data) // 2])
    for path in (single, cut):
        reported: list[str] = []
        responses = list(iter_warc_responses(path, on_problem=lambda _, reason, seen=reported: seen.append(reason)))
        assert 0 < len(responses) < RECORDS
        assert len(reported) == 1 and "truncated" in reported[0], (path, reported)


def test_empty_inputs_are_failed_sources(tmp_path):
    empty_warc = tmp_path / "empty.warc.gz"
    empty_warc.write_bytes(b"")
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    (empty_folder / "notes.pdf").write_bytes(b"%PDF")
    sources = [Source("warc", "warc", str(empty_warc)), Source("folder", "folder", str(empty_folder)),
               Source("gone", "folder", str(tmp_path / "gone"))]
    result = crawl(sources, data_dir=tmp_path / "data", run_id="r", settings=CrawlSettings())
    assert result.pages == []
    failed = {f.source: f.reason for f in result.failed_sources}
    assert failed == {"warc": "offset 0: empty file: no WARC records",
                      "folder": f"no readable .html, .htm or .txt file in {empty_folder}",
                      "gone": f"{tmp_path / 'gone'} does not exist"}
    logged = {row["source"]: (row["status"], row["error"]) for row in result.fetch_log}
    assert logged == {"warc": ("failed", "offset 0: empty file: no WARC records"),
                      "folder": ("failed", failed["folder"]), "gone": ("failed", failed["gone"])}
