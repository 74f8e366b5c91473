"""Serve the bundled sample site on 127.0.0.1, as a real site would (conditional GET included)."""
from __future__ import annotations

import hashlib
import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from accord.scrape.sources import Source, bind_sample_site, uses_sample_site
from accord.scrape.urls import host_key

PLACEHOLDER = b"{{BASE_URL}}"
TEXT_TYPES = ("text/", "application/xml", "application/rss+xml", "application/atom+xml",
              "application/xhtml+xml", "application/json", "application/javascript")
EXTRA_TYPES = {".xml": "application/xml", ".rss": "application/rss+xml", ".atom": "application/atom+xml",
               ".xhtml": "application/xhtml+xml", ".txt": "text/plain", ".html": "text/html",
               ".htm": "text/html"}


# The sample site's URL in every run, whatever port serves it: part of every article's URL and
# id, so that two runs over the sample site give one warehouse. The .invalid top-level domain
# never resolves (RFC 2606): only a crawl told where to connect (CrawlSettings.connect_to) reaches it.
BASE_URL = "http://sample-site.invalid"


@dataclass(frozen=True)
class ServedSite:
    base_url: str  # the site's own URL, BASE_URL: what its pages link to and articles are kept under
    address: tuple[str, int]  # where it is served

    @property
    def served_url(self) -> str:
        return f"http://{self.address[0]}:{self.address[1]}"

    @property
    def connect_to(self) -> dict[str, tuple[str, int]]:
        """For CrawlSettings.connect_to: the site's origin served at its address."""
        return {host_key(self.base_url): self.address}


@contextmanager
def serve_sample_site(root: Path, base_url: str | None = BASE_URL) -> Iterator[ServedSite]:
    """Serve `root` on a free port of 127.0.0.1 as the site at `base_url` (no trailing slash;
    None: the served address itself). {{BASE_URL}} in text files becomes that URL."""
    root = Path(root).resolve()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(root))
    server.daemon_threads = True
    base_url = base_url or f"http://127.0.0.1:{server.server_address[1]}"
    server.base_url = base_url
    thread = threading.Thread(target=server.serve_forever, name="sample-site", daemon=True)
    thread.start()
    try:
        yield ServedSite(base_url, ("127.0.0.1", server.server_address[1]))
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def bound_sample_site(sources: list[Source], root: Path) -> Iterator[tuple[list[Source], dict[str, tuple[str, int]]]]:
    """The sources with {{SAMPLE_SITE}} bound to the sample site, served at `root` while the block
    runs, and the CrawlSettings.connect_to that reaches it; the sources as they are, and no
    server, when none of them uses it."""
    if not uses_sample_site(sources):
        yield sources, {}
        return
    with serve_sample_site(root) as site:
        yield bind_sample_site(sources, site.base_url), site.connect_to


def _handler(root: Path) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            self._respond(send_body=True)

        def do_HEAD(self) -> None:
            self._respond(send_body=False)

        def _respond(self, send_body: bool) -> None:
            path = _resolve(root, urlsplit(self.path).path)
            if path is None:
                self._send(404, b"not found\n", "text/plain; charset=utf-8", {}, send_body)
                return
            content_type = _content_type(path)
            body = path.read_bytes()
            if content_type.startswith(TEXT_TYPES):
                body = body.replace(PLACEHOLDER, self.server.base_url.encode())
            etag = '"' + hashlib.sha1(body).hexdigest() + '"'
            modified = int(path.stat().st_mtime)
            headers = {"ETag": etag, "Last-Modified": formatdate(modified, usegmt=True)}
            if _not_modified(self.headers, etag, modified):
                self._send(304, b"", None, headers, send_body)
            else:
                self._send(200, body, content_type, headers, send_body)

        def _send(self, status, body, content_type, headers, send_body) -> None:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for name, value in headers.items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body and status != 304:
                self.wfile.write(body)

        def log_message(self, format, *args) -> None:  # quiet: the crawl keeps its own log
            pass

    return Handler


def _resolve(root: Path, url_path: str) -> Path | None:
    """The file a URL path names, never outside `root`; a folder serves its index.html."""
    path = (root / unquote(url_path).lstrip("/")).resolve()
    if not path.is_relative_to(root):
        return None
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def _content_type(path: Path) -> str:
    content_type = EXTRA_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
    return content_type or "application/octet-stream"


def _not_modified(headers, etag: str, modified: int) -> bool:
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:  # it takes precedence over If-Modified-Since (RFC 9110 13.2.2)
        return etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match.strip() == "*"
    since = headers.get("If-Modified-Since")
    if since:
        try:
            return modified <= parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False
    return False
