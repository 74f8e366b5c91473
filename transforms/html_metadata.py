"""Title, authors, dates, language, site name and canonical URL of a walked page."""
from __future__ import annotations

import re
from urllib.parse import urljoin

from transforms.html_walk import SPACE, Walk
from transforms.meta_authors import clean_authors
from transforms.meta_dates import find_date, normalize_date, url_date
from transforms.meta_jsonld import article_metadata

# <meta> keys (name, property or itemprop, lower-cased), most trusted first
PUBLISHED_KEYS = (
    "article:published_time", "og:published_time", "published_time", "datepublished",
    "article.published", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
    "dc.date", "dcterms.date", "dc.date.created", "dcterms.created", "citation_publication_date",
    "citation_date", "publishdate", "publish-date", "publish_date", "pubdate", "publication_date",
    "date", "article:published", "og:article:published_time", "datecreated", "release_date",
)
MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                 "last-modified", "article:modified")
AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
               "dcterms.creator", "citation_author", "byl", "og:article:author", "twitter:creator:name")
TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline", "parsely-title", "sailthru.title")
SITE_KEYS = ("og:site_name", "application-name", "publisher", "twitter:site:name", "dc.publisher")
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—»·:•]\s+|\s+::\s+")


def meta_values(page: Walk) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for attrs in page.metas:
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv")
        content = attrs.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            values.setdefault(key.strip().lower(), []).append(content.strip())
    return values


def _first(meta: dict[str, list[str]], keys) -> str | None:
    return next((meta[k][0] for k in keys if k in meta), None)


def _prop_values(page: Walk, prop: str) -> list[str]:
    """Values of itemprop elements: a content/datetime attribute, else the element's text."""
    values = []
    for node in page.itemprops.get(prop, [])[:5]:
        value = node.get("content") or node.get("datetime")
        if not value and node.name != "meta":
            inner = node.find(attrs={"itemprop": "name"})
            value = (inner or node).get_text(" ", strip=True)[:200]
        if isinstance(value, str) and value.strip():
            values.append(value.strip())
    return values


def h1_texts(page: Walk) -> list[str]:
    return [b.text for b in page.blocks if b.kind == "heading" and page.names[b.chain[-1]] == "h1"]


def title(page: Walk, meta: dict[str, list[str]], ld: dict) -> str | None:
    """The article's headline: declared, else the page's <h1>, else <title> without the site name."""
    declared = ld["headline"] or _first(meta, TITLE_KEYS)
    if declared:
        return SPACE.sub(" ", declared).strip()
    h1s = h1_texts(page)
    if len(h1s) == 1 or (h1s and page.title and h1s[0] in page.title):
        return h1s[0]
    if page.title:
        return max(TITLE_SEPARATORS.split(page.title), key=len).strip() or None
    return h1s[0] if h1s else None


NEAR_HEADLINE = (2, 6)  # blocks before and after the <h1> where a dateline may stand
DATELINE_CHARS = 250


def date_near_headline(page: Walk) -> str | None:
    """A date in a short block just around the page's first <h1> (a dateline, a byline)."""
    at = next((i for i, b in enumerate(page.blocks)
               if b.kind == "heading" and page.names[b.chain[-1]] == "h1"), None)
    if at is None:
        return None
    for block in page.blocks[max(0, at - NEAR_HEADLINE[0]):at + NEAR_HEADLINE[1] + 1]:
        if len(block.text) <= DATELINE_CHARS and (found := find_date(block.text)):
            return found
    return None


def visible_date(page: Walk) -> str | None:
    """The first date the page prints in a <time>, a date-like element or a byline."""
    for datetime_attr, text, in_furniture in page.times:
        if not in_furniture and (found := normalize_date(datetime_attr) or find_date(text)):
            return found
    if found := date_near_headline(page):
        return found
    for node in page.datelines + page.bylines[:5]:
        if found := find_date(node.get_text(" ", strip=True)[:300]):
            return found
    for datetime_attr, text, _ in page.times:
        if found := normalize_date(datetime_attr) or find_date(text):
            return found
    return None


def published(page: Walk, meta: dict[str, list[str]], ld: dict, url: str, updated: str | None) -> str | None:
    """Declared publication date, else one in the URL, else one printed near the article.

    A page that shows readers its declared modification date as its date is dated by that."""
    shown = visible_date(page)
    if updated and shown and shown[:10] == updated[:10]:
        return shown
    for value in (ld["published"], _first(meta, PUBLISHED_KEYS), *_prop_values(page, "datePublished")):
        if found := normalize_date(value):
            return found
    return url_date(url) or shown or updated


def modified(page: Walk, meta: dict[str, list[str]], ld: dict) -> str | None:
    for value in (ld["modified"], _first(meta, MODIFIED_KEYS), *_prop_values(page, "dateModified")):
        if found := normalize_date(value):
            return found
    return None


def authors(page: Walk, meta: dict[str, list[str]], ld: dict, site_name: str | None) -> list[str]:
    exclude = (site_name,) if site_name else ()
    sources = [ld["authors"], [v for k in AUTHOR_KEYS for v in meta.get(k, [])], _prop_values(page, "author")]
    bylines = []
    for node in page.bylines[:5]:
        text = node.get_text(" ", strip=True)
        if 0 < len(text) <= 120:
            bylines.append(text)
    sources.append(bylines[:1])
    for values in sources:
        if names := clean_authors(values, exclude):
            return names
    return []


def language(page: Walk, meta: dict[str, list[str]], ld: dict) -> str | None:
    for value in (page.lang, ld["language"], _first(meta, ("og:locale", "content-language", "language"))):
        primary = re.split(r"[-_]", value.strip())[0].lower() if isinstance(value, str) else ""
        if primary.isalpha() and len(primary) <= 3:
            return primary
    return None


def canonical_url(page: Walk, meta: dict[str, list[str]], url: str) -> str | None:
    for attrs in page.links:
        rel = attrs.get("rel") or []
        if "canonical" in (rel if isinstance(rel, list) else [rel]) and isinstance(attrs.get("href"), str):
            return urljoin(url, attrs["href"].strip())
    og = _first(meta, ("og:url",))
    return urljoin(url, og) if og else None


def page_metadata(page: Walk, url: str) -> dict:
    """Document fields other than the body, as keyword arguments."""
    meta = meta_values(page)
    ld = article_metadata(page.json_ld)
    site_name = _first(meta, SITE_KEYS) or ld["publisher"]
    updated = modified(page, meta, ld)
    return {
        "title": title(page, meta, ld),
        "authors": authors(page, meta, ld, site_name),
        "published_at": published(page, meta, ld, url, updated),
        "modified_at": updated,
        "language": language(page, meta, ld),
        "site_name": site_name,
        "canonical_url": canonical_url(page, meta, url),
    }
