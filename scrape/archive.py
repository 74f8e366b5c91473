"""The WARC archive: one gzip WARC per run under data_dir/archive/<YYYY-MM-DD>/, and its reader."""
from __future__ import annotations

import gzip
import logging
import os
import threading
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date, iso_date_to_datetime
from warcio.warcwriter import WARCWriter

from accord.scrape.exchange import Exchange
from accord.scrape.pages import Page

# WARC extension fields: what the crawl knew about a response beyond HTTP
ROLE = "Accord-Role"  # page | discovery | robots
SOURCE = "Accord-Source"
REQUESTED = "Accord-Requested-URI"
HINT = "Accord-Published-Hint"
IMPORTED = "Accord-Imported-From"  # a local page: the file or WARC it was read from
# http.client undoes chunking, so the archived body is not chunked: rename the header, keep the fact
HOP_BY_HOP = {"transfer-encoding": "X-Accord-Original-Transfer-Encoding"}
CHUNK = 1 << 20
_GZIP = b"\x1f\x8b\x08"  # a gzip member's first bytes (deflate)
_WARC = b"WARC/1."
_DECOMPRESSED = " of the decompressed data"

logger = logging.getLogger(__name__)


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
            writer = self._open()
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

    def write_page(self, page: Page, extra: dict[str, str]) -> None:
        """Archive a page read from a local file or WARC, so that `accord reprocess` reaches it:
        a resource record (no HTTP exchange took place) under the page's final URL."""
        with self._lock:
            writer = self._open()
            record = writer.create_warc_record(
                page.final_url, "resource", payload=BytesIO(page.body),
                warc_content_type=page.content_type or "application/octet-stream",
                warc_headers_dict={"WARC-Date": datetime_to_iso_date(page.fetched_at), **extra})
            writer.write_record(record)
            self.records += 1

    def _open(self) -> WARCWriter:
        if self._writer is None:
            self._part.parent.mkdir(parents=True, exist_ok=True)
            self._file = open(self._part, "wb")  # noqa: SIM115 -- held until close()
            self._writer = WARCWriter(self._file, gzip=True)
        return self._writer

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


def iter_warc_responses(path: Path, max_bytes: int | None = None,
                        on_problem: Callable[[int, str], None] | None = None,
                        resources: bool = False) -> Iterator[ArchivedResponse]:
    """Every response record of a WARC file (and resource record, as a 200, when `resources`),
    body decoded (bodies beyond `max_bytes` are cut), read as far as the file goes: per-record
    gzip, one gzip stream for the whole file, or none. What cannot be read (an empty file, a bad
    record or gzip member, a record cut short, a truncated end) is skipped and reported as
    on_problem(offset, reason), by default a logged warning."""
    report = on_problem or partial(_warn, Path(path))
    with open(path, "rb") as raw:
        if os.fstat(raw.fileno()).st_size == 0:
            report(0, "empty file: no WARC records")
            return
        yield from _Reader(raw, report, max_bytes, resources).responses()


class _Reader:
    """Runs warcio's ArchiveIterator from record to record, restarting it past anything it
    cannot read: warcio stops at the first bad record, refuses a second record inside one gzip
    member, and says nothing when the file ends inside a record."""

    def __init__(self, raw, report: Callable[[int, str], None], max_bytes: int | None, resources: bool):
        self.raw, self.report, self.max_bytes, self.resources = raw, report, max_bytes, resources
        self.size = os.fstat(raw.fileno()).st_size
        self.damaged: tuple[int, str] | None = None  # (offset, reason) of unreadable data not yet reported

    def responses(self) -> Iterator[ArchivedResponse]:
        if self.raw.read(2) != _GZIP[:2]:
            yield from self._read(self.raw, _WARC, "")
        elif _one_stream(self.raw):
            yield from self._read(_gunzipped(self.raw, 0), _WARC, _DECOMPRESSED)
        else:
            yield from self._read(self.raw, _GZIP, "")

    def _read(self, source, marker: bytes, unit: str, skip: int = 0) -> Iterator[ArchivedResponse]:
        """Records from `source` (the file, or its decompressed stream), the first `skip` left out."""
        position = 0
        while True:
            source.seek(position)
            iterator = _Iterator(source)
            read = 0
            try:
                for record in iterator:
                    read += 1
                    if read <= skip:
                        continue
                    if self.damaged is not None:
                        self.report(self.damaged[0], f"unreadable data{unit} skipped ({self.damaged[1]}); "
                                                     f"reading resumed at offset {iterator.offset}")
                        self.damaged = None
                    response = self._response(record, iterator.offset, unit)
                    if response is not None:
                        yield response
                _check_end(source, iterator, self.size if source is self.raw else None)
                break
            except Exception as exc:  # warcio raises many types on damaged input
                if "non-chunked gzip" in str(exc) and source is self.raw:
                    # a member holding several records: from here on, read the decompressed stream
                    yield from self._read(_gunzipped(self.raw, position), _WARC, _DECOMPRESSED, read)
                    return
                failed_at = iterator.offset
                reason = (_gzip_damage(source, failed_at) if marker == _GZIP else None) or _describe(exc)
                skip = 0
                if self.damaged is None:
                    self.damaged = (failed_at, reason)
                if source is not self.raw and isinstance(exc, EOFError | zlib.error | gzip.BadGzipFile):
                    break  # a gzip stream cannot be decompressed past its damage
                position = _find(source, failed_at + 1, marker)
                if position is None:
                    break
        if self.damaged is not None:
            self.report(self.damaged[0], f"unreadable data{unit} to the end of the file, which is "
                                         f"truncated or damaged ({self.damaged[1]})")
            self.damaged = None

    def _response(self, record, offset: int, unit: str) -> ArchivedResponse | None:
        resource = record.rec_type == "resource" and self.resources
        if not resource and (record.rec_type != "response" or record.http_headers is None):
            return None
        body = _read(record.content_stream(), self.max_bytes)
        while record.raw_stream.read(CHUNK):  # to the record's end, to learn whether it is all there
            pass
        missing = getattr(record.raw_stream, "limit", 0)
        if missing:
            self.report(offset, f"record{unit} cut short ({missing} bytes missing): the file is truncated")
            return None
        warc_date = record.rec_headers.get_header("WARC-Date")
        headers = record.rec_headers if resource else record.http_headers
        return ArchivedResponse(
            url=record.rec_headers.get_header("WARC-Target-URI"),
            status=200 if resource else int(record.http_headers.get_statuscode() or 0),
            content_type=headers.get_header("Content-Type"),
            body=body,
            fetched_at=iso_date_to_datetime(warc_date).replace(tzinfo=None) if warc_date else datetime.min,
            warc_headers=dict(record.rec_headers.headers))


class _Iterator(ArchiveIterator):
    INC_RECORD = ""  # warcio writes this warning to stderr itself; damage is reported by _Reader


def _check_end(source, iterator: ArchiveIterator, size: int | None) -> None:
    """Raise when the records ended before the data did: warcio stops quietly when the file ends
    inside a record's headers, and a gzip stream cut short only says so when read again."""
    if size is not None:
        if iterator.offset < size:
            raise EOFError("incomplete record")
    elif source.read(1):
        raise EOFError("incomplete record")


def _one_stream(raw) -> bool:
    """Whether the file's first gzip member holds more than one record: the whole file compressed
    as one stream, as several tools write it, rather than a member per record."""
    raw.seek(0)
    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    tail = b""
    while not decoder.eof:
        data = decoder.unconsumed_tail or raw.read(1024)  # small steps: zlib drops a step that meets damage
        if not data:
            return False
        try:
            out = decoder.decompress(data, CHUNK)
        except zlib.error:
            return False
        if b"\nWARC/1." in tail + out:
            return True
        tail = out[-16:]
    return False


def _gunzipped(raw, start: int) -> gzip.GzipFile:
    return gzip.GzipFile(fileobj=_Window(raw, start), mode="rb")


class _Window:
    """A file seen from `start` on, so that a gzip reader's rewind goes back to `start`."""

    def __init__(self, file, start: int):
        self.file, self.start = file, start
        file.seek(start)

    def read(self, size: int = -1) -> bytes:
        return self.file.read(size)

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_SET:
            offset += self.start
        return self.file.seek(offset, whence) - self.start

    def tell(self) -> int:
        return self.file.tell() - self.start


def _find(source, start: int, marker: bytes) -> int | None:
    """Offset of the next record start at or after `start`: a gzip member header, or a WARC
    version line at the start of a line."""
    needle = b"\n" + marker if marker == _WARC else marker
    shift = 1 if marker == _WARC else 0
    source.seek(start - shift if start >= shift else 0)
    base, carry = source.tell(), b""
    while chunk := source.read(CHUNK):
        data = carry + chunk
        found = data.find(needle)
        if found >= 0:
            return base - len(carry) + found + shift
        carry = data[-(len(needle) - 1):]
        base += len(chunk)
    return None


def _gzip_damage(source, offset: int) -> str | None:
    """Why the gzip member at `offset` cannot be decompressed, if it cannot."""
    source.seek(offset)
    try:
        zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(source.read(CHUNK), CHUNK)
    except zlib.error as exc:
        return f"damaged gzip member: {exc}"
    return None


def _describe(exc: Exception) -> str:
    """An exception as one short printable line (warcio quotes the bad bytes it met)."""
    text = " ".join(str(exc).split())
    text = "".join(c if c.isprintable() and ord(c) < 0x7F else "?" for c in text)
    return f"{type(exc).__name__}: {text[:120]}" if text else type(exc).__name__


def _warn(path: Path, offset: int, reason: str) -> None:
    logger.warning("%s at offset %d: %s", path, offset, reason)


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
            yield from archived_pages(path)


def archived_pages(path: Path) -> Iterator[Page]:
    """The pages of one of the crawl's own WARC files, as the crawl returned them."""
    for response in iter_warc_responses(path, resources=True):
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
