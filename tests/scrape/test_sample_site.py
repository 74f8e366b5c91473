import urllib.error
import urllib.request
from pathlib import Path

import pytest

from accord.scrape.crawl import CrawlSettings, crawl
from accord.scrape.sample_site import BASE_URL, serve_sample_site
from accord.scrape.sources import SAMPLE_SITE, Source, bind_sample_site


def get(url: str, **headers) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def site_root(tmp_path) -> Path:
    (tmp_path / "politics").mkdir()
    (tmp_path / "politics" / "a.html").write_text('<link rel="canonical" href="{{BASE_URL}}/politics/a.html">')
    (tmp_path / "rss.xml").write_text("<rss><channel><item><link>{{BASE_URL}}/politics/a.html</link></item>"
                                      "</channel></rss>")
    (tmp_path / "index.html").write_text("home")
    return tmp_path


def test_serves_with_base_url_and_content_types(site_root):
    with serve_sample_site(site_root) as site:
        assert site.base_url == BASE_URL
        base = site.served_url
        assert base.startswith("http://127.0.0.1:")
        status, headers, body = get(base + "/rss.xml")
        assert status == 200 and headers["Content-Type"] == "application/xml"
        assert f"{BASE_URL}/politics/a.html".encode() in body and b"{{BASE_URL}}" not in body
        status, headers, body = get(base + "/politics/a.html")
        assert headers["Content-Type"] == "text/html" and BASE_URL.encode() in body
        assert get(base + "/")[2] == b"home"
        assert get(base + "/missing.html")[0] == 404
        assert get(base + "/../../etc/passwd")[0] == 404


def test_the_site_keeps_one_url_whatever_port_serves_it(site_root, tmp_path):
    """Articles are kept under their URL: a new port each run would make every article new."""
    urls = []
    with serve_sample_site(site_root) as first, serve_sample_site(site_root) as second:  # two ports
        for run, site in (("r1", first), ("r2", second)):
            [source] = bind_sample_site([Source("s", "feed", f"{SAMPLE_SITE}/rss.xml")], site.base_url)
            result = crawl([source], data_dir=tmp_path / run, run_id=run,
                           settings=CrawlSettings(rate=100, connect_to=site.connect_to))
            urls.append([page.url for page in result.pages])
    assert urls == [[f"{BASE_URL}/politics/a.html"]] * 2


def test_conditional_get(site_root):
    with serve_sample_site(site_root) as site:
        base = site.served_url
        _, headers, _ = get(base + "/politics/a.html")
        assert get(base + "/politics/a.html", **{"If-None-Match": headers["ETag"]})[0] == 304
        assert get(base + "/politics/a.html", **{"If-Modified-Since": headers["Last-Modified"]})[0] == 304
        assert get(base + "/politics/a.html", **{"If-None-Match": '"other"'})[0] == 200
        assert get(base + "/politics/a.html", **{"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})[0] == 200
