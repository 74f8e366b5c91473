import time
import zlib

import pytest

from accord.scrape.exchange import Access, FetchError, Limits, get

from .conftest import respond

LIMITS = Limits(connect_timeout=1.0, read_timeout=0.5, deadline=1.0, max_bytes=100_000)


def test_deflate_raw_or_wrapped_is_decoded(site):
    body = b"<html>" + b"a" * 1000 + b"</html>"
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    site.route("/raw", lambda h: respond(h, 200, raw.compress(body) + raw.flush(),
                                         headers={"Content-Encoding": "deflate"}))
    site.route("/zlib", lambda h: respond(h, 200, zlib.compress(body), headers={"Content-Encoding": "deflate"}))
    for path in ("/raw", "/zlib"):
        exchange = get(site.url + path, [], LIMITS, access=Access(private=frozenset({site.url})))
        assert exchange.body == body and exchange.raw_body != body


def test_headers_dripped_slowly_still_hit_the_deadline(site):
    def drip_headers(h):
        h.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for _ in range(30):
            h.wfile.write(b"X-Slow: 1\r\n")
            h.wfile.flush()
            time.sleep(0.1)
    site.route("/slow-headers", drip_headers)
    began = time.monotonic()
    with pytest.raises(FetchError, match="deadline"):
        get(site.url + "/slow-headers", [], LIMITS, access=Access(private=frozenset({site.url})))
    assert time.monotonic() - began < 1.5


def test_loopback_refused_without_permission_and_never_contacted(site):
    with pytest.raises(FetchError, match="non-public") as error:
        get(site.url + "/", [], LIMITS)
    assert error.value.refused and site.hits == []
    with pytest.raises(FetchError, match="not http"):
        get("ftp://127.0.0.1/", [], LIMITS)
