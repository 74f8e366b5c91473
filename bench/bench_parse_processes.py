"""Parse throughput in worker processes: one process against every core, on the pages of the
article-extraction WARC.

    .venv/bin/python bench/bench_parse_processes.py [--warc FILE] [--rounds N]

Each pool's workers are started and warmed up first (a worker's start, about a second, is paid
once per run); then every page is parsed N times through the pool, as a parse task hands them
over (accord/parse_workers.py), and the best round counts. Also printed: the same pages parsed
in this process, without workers, which is what the pipe to a worker costs. Figures are wall
clock; as other programs on the machine take cores from the workers, each line also says how
many cores this benchmark had to itself in its best round (the machine's CPU time less every
other process's). No assertions.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from accord.parse_pages import parse_pages  # noqa: E402
from accord.parse_workers import ParsePool, usable_cpus  # noqa: E402
from accord.scrape.pages import Page  # noqa: E402
from bench.eval_articles import EVAL, warc_pages  # noqa: E402

DEADLINE = 60.0


def ours() -> float:
    """CPU seconds of this process and its workers."""
    me = psutil.Process()
    return sum(sum(p.cpu_times()[:2]) for p in [me, *me.children()])


def machine() -> float:
    times = psutil.cpu_times()
    return times.user + times.system


def best_of(rounds: int, parse: Callable[[], object]) -> tuple[float, float]:
    """The best round's wall seconds, and the cores it had (its CPU time less other programs')."""
    rounds_seen = []
    for _ in range(rounds):
        started, cpu, ours_before = time.perf_counter(), machine(), ours()
        parse()
        wall = time.perf_counter() - started
        others = (machine() - cpu) - (ours() - ours_before)
        rounds_seen.append((wall, psutil.cpu_count() - others / wall))
    return min(rounds_seen)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--warc", type=Path, default=EVAL / "article-extraction" / "pages.warc.gz")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    pages = [Page(url=url, final_url=url, body=body, content_type=content_type,
                  fetched_at=datetime(2024, 1, 1), source="bench")
             for url, content_type, body in warc_pages(args.warc)]
    cores = usable_cpus()
    print(f"{len(pages)} pages from {args.warc.name}, {cores} cores, best of {args.rounds} rounds")
    wall, free = best_of(args.rounds, lambda: parse_pages(pages, "bench"))
    print(f"in this process      {len(pages) / wall:6.1f} pages/s   ({free:.1f} cores free)")
    rates = {}
    for processes in sorted({1, cores}):
        pool = ParsePool(processes)
        try:
            pool.parse(pages[:processes * 4], "bench", DEADLINE)  # workers up and warm
            wall, free = best_of(args.rounds, lambda pool=pool: pool.parse(pages, "bench", DEADLINE))
        finally:
            pool.close()
        rates[processes] = len(pages) / wall
        print(f"{processes} worker process{'es' if processes > 1 else '  '} {rates[processes]:6.1f} pages/s   "
              f"({free:.1f} cores free)")
    print(f"speed-up, {cores} processes over 1: {rates[cores] / rates[1]:.2f}x")


if __name__ == "__main__":
    main()
