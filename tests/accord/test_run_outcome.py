"""`accord run` tells the truth: exit status 1 when a source gave nothing, each failure named on
the console; failed pages alone are warnings, exit status 0. Real runs of the command, over a
site served on 127.0.0.1."""
from __future__ import annotations

import functools
import os
import socket
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ACCORD = Path(sys.executable).with_name("accord")
ARTICLE = ("<html><head><title>Senators argue over trade</title></head><body><article>"
           "<h1>Senators argue over trade</h1><p>Senator Ann Lee said: \u201cTrade helps every state.\u201d "
           "Bob Roe said the tariffs would hurt farmers.</p></article></body></html>")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def site(tmp_path):
    """A feed of two pages, one of which is missing (404)."""
    root = tmp_path / "site"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (root / "good.html").write_text(ARTICLE, encoding="utf-8")
    items = "".join(f"<item><title>{name}</title><link>{base}/{name}.html</link></item>" for name in ("good", "gone"))
    (root / "feed.xml").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                                   f"<link>{base}/</link>{items}</channel></rss>", encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def accord_run(tmp_path: Path, *sources: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PREFECT_API_URL", None)
    args = [arg for source in sources for arg in ("--source", source)]
    return subprocess.run([str(ACCORD), "run", *args, "--data-dir", str(tmp_path / "data")],
                          capture_output=True, text=True, env=env, timeout=600, stdin=subprocess.DEVNULL)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_failed_pages_are_named_and_the_run_still_succeeds(tmp_path, site):
    done = accord_run(tmp_path, f"{site}/feed.xml")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING: 1 page(s) or file(s) failed:" in done.stdout
    assert f"  fetch {site}/gone.html: HTTP 404" in done.stdout
    assert "all of them: accord query \"select 'fetch' as stage, url, error from fetch_log" in done.stdout
    assert "FAILED" not in done.stdout and "Traceback" not in done.stdout + done.stderr


@pytest.mark.slow
def test_a_source_that_gave_nothing_fails_the_run_and_is_named(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(ARTICLE, encoding="utf-8")
    down = f"http://127.0.0.1:{closed_port()}/feed.xml"
    done = accord_run(tmp_path, str(pages), down)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAILED: 1 source(s) gave nothing:" in done.stdout
    assert f"  127.0.0.1: {down}: " in done.stdout, done.stdout
    assert "accord run: failed: nothing could be read from 127.0.0.1" in done.stderr.splitlines()
    assert "articles 1," in done.stdout, "the folder's page is still kept"


def write_warc(path: Path, records: int) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n in range(records):
            body = ARTICLE.replace("Senators argue", f"Senators argue, day {n},").encode()
            writer.write_record(writer.create_warc_record(
                f"https://example.org/{n}", "response", payload=BytesIO(body),
                http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")))


@pytest.mark.slow
def test_empty_and_damaged_local_sources_are_named(tmp_path):
    """An empty folder and a 0-byte WARC gave nothing: the run fails naming them. A truncated
    WARC gave what it held: a warning naming the file and where it ends."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    zero = tmp_path / "zero.warc.gz"
    zero.write_bytes(b"")
    truncated = tmp_path / "truncated.warc.gz"
    write_warc(truncated, 6)
    truncated.write_bytes(truncated.read_bytes()[: truncated.stat().st_size * 6 // 10])
    done = accord_run(tmp_path, str(pages), str(empty), str(zero), str(truncated))
    assert done.returncode == 1, done.stdout + done.stderr
    failed = done.stdout[done.stdout.index("FAILED: 2 source(s) gave nothing:"):].splitlines()[1:3]
    assert failed[0].startswith(f"  empty: {empty.as_uri()}: "), failed
    assert failed[1].startswith(f"  zero.warc.gz: {zero.as_uri()}#offset=0: "), failed
    assert f"  fetch {truncated.as_uri()}#offset=" in done.stdout and "truncated" in done.stdout
    assert "accord run: failed: nothing could be read from empty, zero.warc.gz" in done.stderr.splitlines()
    assert "Traceback" not in done.stdout + done.stderr
