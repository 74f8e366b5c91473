"""Finding article URLs in feeds, sitemaps, listing pages and URL lists (no I/O)."""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import lxml.html
from lxml import etree

HTML_TYPES = ("text/html", "application/xhtml+xml")
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)


@dataclass
class Entry:
    url: str
    published: str | None = None  # ISO date or datetime


@dataclass
class Found:
    kind: str  # feed | sitemap | page
    entries: list[Entry]
    sitemaps: list[Entry]  # children of a sitemap index, with their lastmod


def is_html(content_type: str | None) -> bool:
    return content_type is not None and content_type.split(";")[0].strip().lower() in HTML_TYPES


def sniff(body: bytes, content_type: str | None) -> str:
    """feed, sitemap, page (HTML) or unknown, from the content itself."""
    root = _xml_root(body) if not is_html(content_type) else None
    if root is not None:
        name = etree.QName(root).localname.lower()
        if name in ("rss", "feed", "rdf"):
            return "feed"
        if name in ("urlset", "sitemapindex"):
            return "sitemap"
    head = body[:2048].lstrip().lower()
    if is_html(content_type) or head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "page"
    return "unknown"


def parse_feed(body: bytes, base_url: str) -> list[Entry]:
    """Items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, with their publication dates."""
    root = _xml_root(body)
    if root is None:
        return []
    entries = []
    for item in root.iter():
        if not isinstance(item.tag, str) or etree.QName(item).localname not in ("item", "entry"):
            continue
        link, published = None, None
        for child in item:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            text = (child.text or "").strip()
            if name == "link" and link is None:
                rel = child.get("rel", "alternate")
                href = child.get("href") or text
                if rel == "alternate" and href:
                    link = href
            elif name == "guid" and child.get("isPermaLink", "true") == "true" and text.startswith("http"):
                link = link or text
            elif name in ("pubDate", "published", "date", "issued") and text:
                published = _iso(text) or published
            elif name == "updated" and text and published is None:
                published = _iso(text)
        link = link or item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
        if link:
            entries.append(Entry(urljoin(base_url, link.strip()), published))
    return entries


def parse_sitemap(body: bytes, base_url: str, max_bytes: int) -> tuple[list[Entry], list[Entry]]:
    """(pages, child sitemaps) of a sitemap or sitemap index, gzipped or not. A page's date is its
    Google News publication date, else its lastmod."""
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body, max_bytes)
    root = _xml_root(body)
    if root is None:
        return [], []
    pages, children = [], []
    for node in root:
        if not isinstance(node.tag, str):
            continue
        name = etree.QName(node).localname
        if name not in ("url", "sitemap"):
            continue
        loc = lastmod = published = None
        for child in node.iter():
            if not isinstance(child.tag, str):
                continue
            local = etree.QName(child).localname
            text = (child.text or "").strip()
            if local == "loc" and loc is None:
                loc = text
            elif local == "lastmod" and text:
                lastmod = _iso(text)
            elif local == "publication_date" and text:
                published = _iso(text)
        if loc:
            entry = Entry(urljoin(base_url, loc), published or lastmod)
            (pages if name == "url" else children).append(entry)
    return pages, children


def parse_listing(body: bytes, base_url: str, link_pattern: str) -> list[Entry]:
    """Links of a listing page whose absolute URL matches `link_pattern`, in page order."""
    try:
        document = lxml.html.document_fromstring(body)
    except (etree.ParserError, ValueError):
        return []
    base = next((href for href in document.xpath("//base/@href")), None)
    base = urljoin(base_url, base) if base else base_url
    pattern = re.compile(link_pattern)
    seen, entries = set(), []
    for href in document.xpath("//a/@href"):
        url = urljoin(base, href.strip())
        if url.startswith(("http://", "https://")) and pattern.search(url) and url not in seen:
            seen.add(url)
            entries.append(Entry(url))
    return entries


def parse_url_list(text: str) -> list[Entry]:
    """One URL a line; blank lines and # comments ignored."""
    lines = (line.strip() for line in text.splitlines())
    return [Entry(line) for line in lines if line and not line.startswith("#")]


def entry_day(published: str | None) -> date | None:
    """The day of an entry's ISO date, or None when it has none that reads."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def in_range(published: str | None, since: date | None, until: date | None) -> bool:
    """Undated entries are kept: they are not known to fall outside."""
    day = entry_day(published)
    if day is None:
        return True
    return (since is None or day >= since) and (until is None or day <= until)


def _iso(text: str) -> str | None:
    """An ISO 8601 date or datetime from W3C, RFC 3339 or RFC 822 text."""
    text = text.strip()
    if len(text) == 10:
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _xml_root(body: bytes):
    try:
        root = etree.fromstring(body.lstrip(), _XML_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    return root


def _gunzip(body: bytes, max_bytes: int) -> bytes:
    decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decoder.decompress(body, max_bytes + 1)
    except zlib.error:
        return b""
    return b"" if len(out) > max_bytes else out
