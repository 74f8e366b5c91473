"""Crawl throughput: a local site spread over many loopback hosts (127.0.1.N), served by a
separate process so that the figures are the crawler's own.

    .venv/bin/python bench/bench_crawl.py --hosts 32 --pages 40

Prints pages/s (wall clock) and CPU time per page of the crawling process.
"""
from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from accord.scrape.crawl import CrawlSettings, crawl  # noqa: E402
from accord.scrape.sources import Source  # noqa: E402

PARAGRAPH = "<p>The minister said the talks would resume next week, and the opposition agreed.</p>\n"


def host_address(number: int) -> str:
    return f"127.0.1.{number + 1}"


def serve(hosts: int, pages: int, ready) -> None:
    """Serve every host until killed: a sitemap of `pages` articles of about 20 kB each."""
    article = ("<html><head><title>Story</title></head><body>" + PARAGRAPH * 230 + "</body></html>").encode()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            base = f"http://{self.headers['Host']}"
            if self.path == "/sitemap.xml":
                urls = "".join(f"<url><loc>{base}/story/{n}.html</loc></url>" for n in range(pages))
                body, kind = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode(), "application/xml"
            elif self.path.startswith("/story/"):
                body, kind = article, "text/html; charset=utf-8"
            else:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args) -> None:
            pass

    ports = []
    for number in range(hosts):
        server = ThreadingHTTPServer((host_address(number), 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        ports.append(server.server_address[1])
    ready.send(ports)
    threading.Event().wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=32)
    parser.add_argument("--pages", type=int, default=40, help="articles per host")
    parser.add_argument("--concurrency", type=int, default=16, help="hosts crawled in parallel")
    parser.add_argument("--rate", type=float, default=50.0, help="requests per second per host")
    args = parser.parse_args()

    receive, send = multiprocessing.Pipe(duplex=False)
    server = multiprocessing.Process(target=serve, args=(args.hosts, args.pages, send), daemon=True)
    server.start()
    ports = receive.recv()
    sources = [Source(name=f"host-{n}", kind="sitemap",
                      location=f"http://{host_address(n)}:{port}/sitemap.xml")
               for n, port in enumerate(ports)]
    settings = CrawlSettings(rate=args.rate, concurrency=args.concurrency)
    try:
        with tempfile.TemporaryDirectory() as data_dir:
            wall, cpu = time.perf_counter(), time.process_time()
            result = crawl(sources, data_dir=Path(data_dir), run_id="bench", settings=settings)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            archived = sum(p.stat().st_size for p in Path(data_dir).rglob("*.warc.gz"))
    finally:
        server.kill()
    pages = len(result.pages)
    requests = len(result.fetch_log)
    failed = sum(row["status"] != "fetched" for row in result.fetch_log)
    print(f"hosts={args.hosts} pages/host={args.pages} concurrency={args.concurrency} rate={args.rate}/s/host")
    print(f"pages={pages} requests={requests} not fetched={failed} warc={archived / 1e6:.1f} MB")
    print(f"wall={wall:.2f} s  pages/s={pages / wall:.1f}  cpu/page={1000 * cpu / max(pages, 1):.2f} ms")


if __name__ == "__main__":
    main()
