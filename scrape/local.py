"""Pages from local sources: a folder of .html/.htm/.txt files, or a WARC file (no network)."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from accord.scrape.archive import iter_warc_responses
from accord.scrape.discover import is_html
from accord.scrape.pages import Page
from accord.scrape.sources import Source
from accord.scrape.urls import canonicalize_url

CONTENT_TYPES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain"}


@dataclass
class Skip:
    url: str
    reason: str


@dataclass
class Damage:
    """A stretch of a WARC file that could not be read, skipped."""
    offset: int
    reason: str


def folder_pages(source: Source) -> Iterator[Page | Skip]:
    """Each .html/.htm/.txt file under the folder (or the one file), in path order."""
    root = Path(source.location).expanduser()
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    for path in files:
        content_type = CONTENT_TYPES.get(path.suffix.lower())
        if content_type is None:
            continue
        url = path.resolve().as_uri()
        try:
            modified = datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(tzinfo=None)
            body = path.read_bytes()
        except OSError as exc:
            yield Skip(url, f"cannot read: {exc.strerror or exc}")
            continue
        yield Page(url=url, final_url=url, body=body, content_type=content_type,
                   fetched_at=modified, source=source.name)


def warc_pages(source: Source, max_bytes: int) -> Iterator[Page | Skip | Damage]:
    """Each successful HTML response record of a WARC file, under its WARC-Target-URI, and
    each stretch of the file that could not be read."""
    damage: list[Damage] = []
    responses = iter_warc_responses(Path(source.location).expanduser(), max_bytes,
                                    on_problem=lambda offset, reason: damage.append(Damage(offset, reason)))
    for response in responses:
        yield from damage
        damage.clear()
        if not 200 <= response.status < 300:
            yield Skip(response.url, f"HTTP {response.status} in the WARC")
        elif response.content_type is not None and not is_html(response.content_type):
            yield Skip(response.url, f"not HTML: {response.content_type}")
        else:
            yield Page(url=canonicalize_url(response.url), final_url=response.url, body=response.body,
                       content_type=response.content_type, fetched_at=response.fetched_at,
                       source=source.name)
    yield from damage
