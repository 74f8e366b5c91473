"""Backfill bookkeeping: the days of a range, and which (source, day) chunks are already done.

A chunk is one day of one source. Its marker,
data_dir/state/backfill/<source name>-<digest of its kind, location and url_template>/<day>.json,
is written only after the day's rows are committed to the lake, so a backfill killed half-way
re-runs at most the day it was in, and a second backfill over the same range fetches nothing.
The digest keeps two sources apart that share a name (two sitemaps of one host given with
--source are both named after the host).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from accord.scrape.sources import Source


def days(since: date, until: date) -> list[date]:
    if until < since:
        raise ValueError(f"--until {until} is before --since {since}")
    return [since + timedelta(days=n) for n in range((until - since).days + 1)]


def state_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "state" / "backfill"


def source_key(source: Source) -> str:
    """The folder name of a source's markers: its name, and what it reads."""
    what = "\x1f".join((source.kind, source.location, source.options.get("url_template") or ""))
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", source.name).strip(".") or "source"
    return f"{safe}-{hashlib.sha1(what.encode()).hexdigest()[:10]}"


def _marker(data_dir: Path, source: Source, day: date) -> Path:
    return state_dir(data_dir) / source_key(source) / f"{day.isoformat()}.json"


def is_done(data_dir: Path, source: Source, day: date) -> bool:
    return _marker(data_dir, source, day).exists()


def mark_done(data_dir: Path, source: Source, day: date, run_id: str, pages: int) -> None:
    marker = _marker(data_dir, source, day)
    marker.parent.mkdir(parents=True, exist_ok=True)
    temporary = marker.with_name(f".{marker.name}.tmp")
    temporary.write_text(json.dumps({"source": source.name, "location": source.location,
                                     "day": day.isoformat(), "run_id": run_id, "pages": pages}))
    os.replace(temporary, marker)


def pending(data_dir: Path, sources: list[Source], since: date, until: date) -> list[tuple[date, list[Source]]]:
    """Each day of the range that some source still lacks, with those sources."""
    todo = []
    for day in days(since, until):
        missing = [source for source in sources if not is_done(data_dir, source, day)]
        if missing:
            todo.append((day, missing))
    return todo


def sources_for_day(sources: list[Source], day: date) -> list[Source]:
    """Sources whose `url_template` option names a dated archive page, e.g.
    https://example.org/archive/{date:%Y/%m/%d}/, pointed at that day's page."""
    dated = []
    for source in sources:
        template = source.options.get("url_template")
        dated.append(replace(source, location=template.format(date=day)) if template else source)
    return dated
