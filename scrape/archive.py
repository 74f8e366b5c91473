"""The WARC archive: one gzip WARC per run under data_dir/archive/<YYYY-MM-DD>/, and its reader."""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date, iso_date_to_datetime
from warcio.warcwriter import WARCWriter

from scrape.exchange import Exchange
from scrape.pages import Page

# WARC extension fields: what the crawl knew about a response beyond HTTP
ROLE = "Accord-Role"  # page | discovery | robots
SOURCE = "Accord-Source"
REQUESTED = "Accord-Requested-URI"
HINT = "Accord-Published-Hint"
# http.client undoes chunking, so the archived body is not chunked: rename the header, keep the fact
HOP_BY_HOP = {"transfer-encoding": "X-Accord-Original-Transfer-Encoding"}


@dataclass
class ArchivedResponse:
    url: str
    status: int
    content_type: str | None
    body: bytes  # content-encoding removed
    fetched_at: datetime
    warc_headers: dict[str, str]


class WarcWriter:
    """The run's WARC file, written to `<name>.part` and renamed when closed, so that a crash
    never leaves a truncated final file. Thread-safe."""

    def __init__(self, data_dir: Path, run_id: str, day: date):
        folder = Path(data_dir) / "archive" / day.isoformat()
        self._final = _free_name(folder, _safe_name(run_id))
        self._part = self._final.with_name(self._final.name + ".part")
        self._lock = threading.Lock()
        self._file = None
        self._writer: WARCWriter | None = None
        self.records = 0

    def write(self, exchange: Exchange, extra: dict[str, str]) -> None:
        with self._lock:
            if self._writer is None:
                self._part.parent.mkdir(parents=True, exist_ok=True)
                self._file = open(self._part, "wb")  # noqa: SIM115 -- held until close()
                self._writer = WARCWriter(self._file, gzip=True)
            writer = self._writer
            date_header = {"WARC-Date": datetime_to_iso_date(exchange.fetched_at)}
            parts = urlsplit(exchange.url)
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            request = writer.create_warc_record(
                exchange.url, "request", payload=BytesIO(b""), warc_headers_dict=dict(date_header),
                http_headers=StatusAndHeaders(f"GET {target} HTTP/1.1", exchange.request_headers,
                                              is_http_request=True))
            headers = [(HOP_BY_HOP.get(name.lower(), name), value) for name, value in exchange.response_headers]
            response = writer.create_warc_record(
                exchange.url, "response", payload=BytesIO(exchange.raw_body),
                warc_headers_dict={**date_header, **extra},
                http_headers=StatusAndHeaders(f"{exchange.status} {exchange.reason}", headers,
                                              protocol=exchange.http_version))
            writer.write_request_response_pair(request, response)
            self.records += 1

    def close(self) -> Path | None:
        """Finish the file; returns its path, or None when nothing was archived."""
        with self._lock:
            if self._file is None:
                return None
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            os.replace(self._part, self._final)
            self._file = self._writer = None
            return self._final

    def abandon(self) -> None:
        """Stop writing after a failure: the .part file stays, and is never read as an archive."""
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = self._writer = None

    def __enter__(self) -> WarcWriter:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abandon()


def iter_warc_responses(path: Path, max_bytes: int | None = None) -> Iterator[ArchivedResponse]:
    """Every response record of a WARC file, body decoded (bodies beyond `max_bytes` are cut)."""
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            body = _read(record.content_stream(), max_bytes)
            warc_date = record.rec_headers.get_header("WARC-Date")
            yield ArchivedResponse(
                url=record.rec_headers.get_header("WARC-Target-URI"),
                status=int(record.http_headers.get_statuscode() or 0),
                content_type=record.http_headers.get_header("Content-Type"),
                body=body,
                fetched_at=iso_date_to_datetime(warc_date).replace(tzinfo=None) if warc_date else datetime.min,
                warc_headers=dict(record.rec_headers.headers))


def iter_archive(data_dir: Path, since: date | None = None) -> Iterator[Page]:
    """Every page the crawl returned, re-read from the finished WARC files (oldest run first),
    so re-parsing never needs the network. `since` keeps runs archived on or after that day."""
    root = Path(data_dir) / "archive"
    if not root.is_dir():
        return
    for folder in sorted(root.iterdir()):
        try:
            day = date.fromisoformat(folder.name)
        except ValueError:
            continue
        if since is not None and day < since:
            continue
        for path in sorted(folder.glob("*.warc.gz"), key=lambda p: (p.stat().st_mtime, p.name)):
            for response in iter_warc_responses(path):
                headers = response.warc_headers
                if headers.get(ROLE) != "page" or not 200 <= response.status < 300:
                    continue
                yield Page(url=headers.get(REQUESTED, response.url), final_url=response.url,
                           body=response.body, content_type=response.content_type,
                           fetched_at=response.fetched_at, source=headers.get(SOURCE, ""),
                           published_hint=headers.get(HINT) or None)


def _read(stream, max_bytes: int | None) -> bytes:
    """All of a warcio stream, or its first `max_bytes` (its read(n) may return less than n)."""
    if max_bytes is None:
        return stream.read()
    body = bytearray()
    while len(body) < max_bytes and (chunk := stream.read(max_bytes - len(body))):
        body += chunk
    return bytes(body)


def _safe_name(run_id: str) -> str:
    """A file name from the run id: never a path."""
    name = "".join(c if c.isalnum() or c in "-_." else "_" for c in run_id).strip(".")
    return name or "run"


def _free_name(folder: Path, stem: str) -> Path:
    path, number = folder / f"{stem}.warc.gz", 1
    while path.exists() or path.with_name(path.name + ".part").exists():
        number += 1
        path = folder / f"{stem}-{number}.warc.gz"
    return path
