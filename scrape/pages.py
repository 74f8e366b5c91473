"""A fetched page, handed to the parser."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass
class Page:
    url: str  # requested URL, canonicalized
    final_url: str  # after redirects
    body: bytes  # raw bytes, content-encoding removed; charset detection is the parser's job
    content_type: str | None
    fetched_at: datetime  # UTC, naive
    source: str  # source name
    published_hint: str | None = None  # ISO date from the sitemap or feed
