"""A misbehaving test site on 127.0.0.1: routes are plain functions, every request is logged."""
from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from accord.scrape.crawl import CrawlSettings


@dataclass
class Hit:
    at: float  # time.monotonic() when the request line arrived
    path: str
    headers: dict[str, str]
    status: int | None = None  # as sent; None when the handler broke the connection first


class Site:
    def __init__(self, host: str = "127.0.0.1"):
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {}
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        self.server = _QuietServer((host, 0), _handler(self))
        self.server.daemon_threads = True
        self.url = f"http://{host}:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def route(self, path: str, handler: Callable[[BaseHTTPRequestHandler], None]) -> str:
        self.routes[path] = handler
        return self.url + path

    def page(self, path: str, body: bytes | str = b"", content_type: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> str:
        data = body.encode() if isinstance(body, str) else body
        data = data or f"<html><body><h1>{path}</h1></body></html>".encode()
        return self.route(path, lambda h: respond(h, 200, data, content_type, headers))

    def paths(self, status: int | None = None) -> list[str]:
        with self.lock:
            return [hit.path for hit in self.hits if status is None or hit.status == status]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # resets are what the tests ask for
        pass


def respond(handler: BaseHTTPRequestHandler, status: int, body: bytes = b"",
            content_type: str | None = "text/html; charset=utf-8", headers: dict | None = None) -> None:
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def reset(handler: BaseHTTPRequestHandler) -> None:
    """Close with a TCP RST instead of a FIN."""
    handler.wfile.flush()
    handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    handler.connection.close()
    handler.close_connection = True


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            hit = Hit(time.monotonic(), urlsplit(self.path).path, dict(self.headers.items()))
            with site.lock:
                site.hits.append(hit)
            self._hit = hit
            handler = site.routes.get(hit.path)
            if handler is None:
                respond(self, 404, b"not found")
            else:
                handler(self)

        def send_response(self, code, message=None) -> None:
            self._hit.status = code
            super().send_response(code, message)

        def log_message(self, format, *args) -> None:
            pass

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    server = Site()
    server.thread.start()
    yield server
    server.close()


@pytest.fixture
def other_site() -> Iterator[Site]:
    """A second host, on another loopback address."""
    server = Site("127.0.0.2")
    server.thread.start()
    yield server
    server.close()


@pytest.fixture
def fast() -> CrawlSettings:
    """Small delays, so misbehaving servers cost little time."""
    return CrawlSettings(contact_url="https://accord.test/contact", rate=20.0, connect_timeout=1.0,
                         read_timeout=1.0, page_deadline=1.0, max_attempts=3, backoff=0.05,
                         max_backoff=0.2, max_retry_after=5.0, max_bytes=200_000, max_redirects=4,
                         max_failed_runs=2, concurrency=4)
