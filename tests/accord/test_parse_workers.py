"""Parsing in worker processes: the same rows as parsing in this process, a page past its deadline
recorded as failed while the rest parse, a dead or stuck worker replaced, a broken config a clear
error rather than a hang."""
from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import psutil
import pytest

from accord.parse_pages import parse_pages
from accord.parse_workers import ParsePool, ParseWorkersFailed, parse_in_workers
from accord.scrape.pages import Page
from tests.test_interrupt import a_long_article

SITE = Path(__file__).resolve().parents[2] / "samples" / "site" / "politics"


def page(url: str, body: bytes, content_type: str = "text/html") -> Page:
    return Page(url=url, final_url=url, body=body, content_type=content_type,
                fetched_at=datetime(2024, 1, 1, 12), source="test")


def sample_pages() -> list[Page]:
    return [page(f"https://example.org/{path.name}", path.read_bytes()) for path in sorted(SITE.glob("*.html"))]


LONG = page("https://example.org/summit.txt", a_long_article(1).encode(), "text/plain")
EMPTY = page("https://example.org/empty.html", b"<html><body></body></html>")


def without_times(log: list[dict]) -> list[dict]:
    return [{key: value for key, value in row.items() if key != "parsed_at"} for row in log]


def worker_pids() -> set[int]:
    return {child.pid for child in psutil.Process().children()
            if "accord.parse_workers" in " ".join(child.cmdline())}


def test_workers_give_the_rows_and_failures_parsing_here_gives():
    pages = sample_pages() + [EMPTY]
    here, there = parse_pages(pages, "r1"), parse_in_workers(pages, "r1")
    assert dict(there.rows) == dict(here.rows)
    assert without_times(there.parse_log) == without_times(here.parse_log)
    assert there.parse_log[-1]["status"] == "failed" and there.parse_log[-1]["error"]
    assert [row["status"] for row in there.parse_log[:-1]] == ["parsed"] * (len(pages) - 1)


def test_a_page_past_its_deadline_fails_with_the_reason_and_the_others_parse():
    pages = sample_pages()
    batch = parse_in_workers([pages[0], LONG, *pages[1:]], "r2", deadline=1)
    statuses = [(row["url"], row["status"], row["error"]) for row in batch.parse_log]
    assert statuses[1] == (LONG.url, "failed", "parse deadline of 1 s exceeded")
    assert [status for _, status, _ in statuses[:1] + statuses[2:]] == ["parsed"] * len(pages)
    assert len(batch.rows["articles"]) == len(pages)


def test_a_tiny_deadline_kills_the_worker_parsing_a_big_page_and_a_new_one_takes_over():
    pool = ParsePool(1)
    try:
        pool.parse(sample_pages()[:1], "r3", 60)
        before = worker_pids()
        failed = pool.parse([LONG], "r3", 0.05)
        assert failed.parse_log[0]["error"] == "parse deadline of 0.05 s exceeded" and not failed.rows
        again = pool.parse(sample_pages()[:2], "r3", 60)
        assert [row["status"] for row in again.parse_log] == ["parsed", "parsed"]
        after = worker_pids()
        assert len(before - after) == 1 and len(after - before) == 1, "killed, and replaced"
    finally:
        pool.close()
    assert not (after - before) & worker_pids(), "closing the pool stops its workers"


def test_a_worker_killed_mid_page_fails_that_page_only():
    others = worker_pids()
    pool = ParsePool(1)
    try:
        pool.parse(sample_pages()[:1], "r4", 60)
        (worker,) = worker_pids() - others
        idle = psutil.Process(worker).cpu_times().user
        result = {}
        parsing = threading.Thread(target=lambda: result.update(
            batch=pool.parse([LONG] + sample_pages()[:1], "r4", 60)))
        parsing.start()
        deadline = time.monotonic() + 30
        while psutil.Process(worker).cpu_times().user < idle + 0.3:  # well into the long page
            assert time.monotonic() < deadline, "the worker never started on the long page"
            time.sleep(0.05)
        os.kill(worker, signal.SIGKILL)  # as the kernel's out-of-memory killer would
        parsing.join(timeout=60)
        log = result["batch"].parse_log
        assert (log[0]["status"], log[0]["error"]) == ("failed", "the parse worker process died (killed by SIGKILL)")
        assert log[1]["status"] == "parsed"
    finally:
        pool.close()


def test_workers_that_cannot_start_raise_at_once(tmp_path, monkeypatch):
    (tmp_path / "speakers.toml").write_text("[[speakers]\nname = 'broken", encoding="utf-8")
    monkeypatch.setenv("ACCORD_CONFIG_DIR", str(tmp_path))
    pool = ParsePool(2)
    try:
        started = time.monotonic()
        with pytest.raises(ParseWorkersFailed, match="cannot start: .*speakers.toml"):
            pool.parse(sample_pages()[:3], "r5", 60)
        assert time.monotonic() - started < 30
    finally:
        pool.close()


def test_the_parse_cache_key_names_the_deadline():
    from accord.flows.tasks import _parse_cache_key, pack_batches

    (packed,) = pack_batches([replace(EMPTY)])
    assert _parse_cache_key(None, {"pages": packed, "deadline": 60.0}) != _parse_cache_key(
        None, {"pages": packed, "deadline": 120.0})
