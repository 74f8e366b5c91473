"""What a parse result depends on, as a cache key, and moving a cached result to a new run.

Parsing a batch depends on the pages' bytes and metadata, the parser (its version and the bytes
of every module and word list under `accord.transforms`, so that a changed rule can never be served
a parse cached by the old one) and the user's speaker, institution, place and topic files; the
run id only labels the rows. So the key leaves the run id out,
and a cached batch is relabelled with the asking run's id: re-parsing an unchanged archive with
an unchanged parser (`accord reprocess` twice, a retried flow) costs a hash per page instead
of a parse.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

import accord.transforms
from accord import settings
from accord.parse_pages import ParsedBatch
from accord.scrape.pages import Page
from accord.transforms.article_records import PARSER_VERSION


@lru_cache(maxsize=1)
def knowledge_digest() -> str:
    # every config file knowledge() reads: a change to any of them changes what a parse yields
    entries = {"speakers": settings.speaker_entries(), "institutions": settings.institution_entries(),
               "places": settings.place_entries(), "topics": settings.topic_entries()}
    return hashlib.sha256(json.dumps(entries, sort_keys=True, default=str).encode()).hexdigest()


def source_digest(root: Path) -> str:
    """One digest of the parser's code and word lists under `root` (bytecode caches aside)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".toml") and p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\x1e" + path.read_bytes() + b"\x1e")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def parser_digest() -> str:
    return source_digest(Path(accord.transforms.__file__).parent)


def batch_key(pages: list[Page]) -> str:
    digest = hashlib.sha256(f"{PARSER_VERSION}\x1e{parser_digest()}\x1e{knowledge_digest()}".encode())
    for page in pages:
        digest.update("\x1e".join((page.url, page.final_url, page.content_type or "", page.source,
                                   page.published_hint or "", page.fetched_at.isoformat())).encode())
        digest.update(hashlib.sha256(page.body).digest())
    return f"parse-{PARSER_VERSION}-{digest.hexdigest()}"


def relabel(batch: ParsedBatch, run_id: str) -> ParsedBatch:
    """The batch's rows under `run_id` (the same object when they already carry it)."""
    rows = [row for table in batch.rows.values() for row in table] + batch.parse_log
    if all(row.get("run_id") == run_id for row in rows):
        return batch
    relabelled = ParsedBatch()
    for table, table_rows in batch.rows.items():
        relabelled.rows[table] = [{**row, "run_id": run_id} for row in table_rows]
    relabelled.parse_log = [{**row, "run_id": run_id} for row in batch.parse_log]
    return relabelled
