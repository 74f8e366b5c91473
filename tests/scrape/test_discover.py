import gzip
from datetime import date

from accord.scrape.discover import in_range, parse_feed, parse_listing, parse_sitemap, parse_url_list, sniff

BASE = "https://news.example.org/feed"


def test_rss_atom_and_rdf_items():
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel>
      <item><link>https://news.example.org/a</link><pubDate>Mon, 02 Jun 2025 10:00:00 +0200</pubDate></item>
      <item><guid isPermaLink="true">https://news.example.org/b</guid></item></channel></rss>"""
    assert [(e.url, e.published) for e in parse_feed(rss, BASE)] == [
        ("https://news.example.org/a", "2025-06-02T10:00:00+02:00"), ("https://news.example.org/b", None)]
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry>
      <link rel="self" href="/self"/><link href="/c"/><updated>2025-06-03T00:00:00Z</updated></entry></feed>"""
    assert [(e.url, e.published) for e in parse_feed(atom, BASE)] == [
        ("https://news.example.org/c", "2025-06-03T00:00:00+00:00")]
    rdf = b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
      xmlns:dc="http://purl.org/dc/elements/1.1/"><item rdf:about="https://news.example.org/d">
      <dc:date>2025-06-04</dc:date></item></rdf:RDF>"""
    assert [(e.url, e.published) for e in parse_feed(rdf, BASE)] == [("https://news.example.org/d", "2025-06-04")]


def test_sitemaps_news_and_index_gzipped():
    news = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://news.example.org/a</loc><lastmod>2025-06-05</lastmod>
        <news:news><news:publication_date>2025-06-01T08:00:00Z</news:publication_date></news:news></url>
      <url><loc>https://news.example.org/b</loc><lastmod>2025-06-05</lastmod></url></urlset>"""
    pages, children = parse_sitemap(gzip.compress(news), BASE, 1_000_000)
    assert [(e.url, e.published) for e in pages] == [
        ("https://news.example.org/a", "2025-06-01T08:00:00+00:00"), ("https://news.example.org/b", "2025-06-05")]
    assert children == []
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://news.example.org/s1.xml</loc><lastmod>2025-01-01</lastmod></sitemap></sitemapindex>"""
    assert [(e.url, e.published) for e in parse_sitemap(index, BASE, 1000)[1]] == [
        ("https://news.example.org/s1.xml", "2025-01-01")]
    assert parse_sitemap(gzip.compress(b"<urlset/>" + b" " * 5000), BASE, 1000) == ([], [])


def test_xml_entities_are_not_expanded():
    evil = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <rss><channel><item><link>https://news.example.org/&x;</link></item></channel></rss>"""
    assert all("root:" not in e.url for e in parse_feed(evil, BASE))


def test_listing_links_matching_the_pattern():
    html = b"""<html><head><base href="https://news.example.org/politics/"></head><body>
      <a href="2025/06/a.html">a</a><a href="/about">about</a><a href="2025/06/a.html#c">again</a>
      <a href="mailto:x@example.org">mail</a><a href="https://other.example/2025/06/b.html">b</a></body></html>"""
    urls = [e.url for e in parse_listing(html, BASE, r"/20\d\d/\d\d/")]
    assert urls == ["https://news.example.org/politics/2025/06/a.html",
                    "https://news.example.org/politics/2025/06/a.html#c",
                    "https://other.example/2025/06/b.html"]


def test_sniff_url_list_and_range():
    assert sniff(b'<?xml version="1.0"?><rss/>', "text/xml") == "feed"
    assert sniff(b"<urlset/>", None) == "sitemap"
    assert sniff(b"<!DOCTYPE html><html></html>", None) == "page"
    assert sniff(b"%PDF-1.4", "application/pdf") == "unknown"
    assert [e.url for e in parse_url_list("# c\nhttps://a.example/\n\n  https://b.example/x \n")] == [
        "https://a.example/", "https://b.example/x"]
    assert in_range("2025-06-02T23:00:00-05:00", date(2025, 6, 2), date(2025, 6, 2))
    assert not in_range("2025-06-01", date(2025, 6, 2), None)
    assert in_range(None, date(2025, 6, 2), date(2025, 6, 2))
