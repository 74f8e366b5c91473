"""Prefect's share of a nightly run's wall time, its server's start apart.

    .venv/bin/python bench/bench_prefect_overhead.py [--articles 2000]

Writes N small synthetic HTML articles to a temporary folder, then does the same work twice
on fresh data directories: once as the nightly flow (tasks, futures, result persistence for
the parse cache, artifacts, a temporary Prefect server started beforehand and not timed), once
by calling the same task functions directly (`task.fn`) in the same order. Prints both wall
times and Prefect's share, (flow - direct) / flow. The target is at most 10%.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SPEAKERS = [("Sergei Lavrov", "Russia's foreign minister"), ("Rex Tillerson", "the U.S. secretary of state"),
            ("Emmanuel Macron", "France's president"), ("Olaf Scholz", "Germany's chancellor")]
TOPICS = ["sanctions", "the ceasefire", "tariffs on electric vehicles", "NATO membership", "nuclear talks"]


def write_articles(folder: Path, count: int, seed: int = 7) -> None:
    chance = random.Random(seed)
    for n in range(count):
        (a, a_role), (b, b_role) = chance.sample(SPEAKERS, 2)
        topic = chance.choice(TOPICS)
        day = f"2024-{chance.randint(1, 12):02d}-{chance.randint(1, 28):02d}"
        paragraphs = [
            f"<p>{a}, {a_role}, met {b}, {b_role}, on {day} to discuss {topic}.</p>",
            f"<p>\u201cWe will not accept any deal on {topic} that ignores our security,\u201d {a} said.</p>",
            f"<p>{b} said the talks were useful. \u201cWe agree with {a.split()[-1]} that {topic} "
            f"needs a lasting answer,\u201d {b.split()[-1]} told reporters.</p>",
            "<p>" + " ".join(chance.choice(["Officials", "said", "the", "meeting", "lasted", "hours",
                                            "and", "ended", "without", "a", "statement"]) for _ in range(60)) + ".</p>",
        ]
        (folder / f"article-{n:05d}.html").write_text(
            f"<!doctype html><html lang=en><head><title>{a} and {b} on {topic}</title>"
            f'<meta property="article:published_time" content="{day}T10:00:00Z"></head>'
            f"<body><article><h1>{a} and {b} discuss {topic}</h1>{''.join(paragraphs)}</article></body></html>",
            encoding="utf-8")


def direct(folder: Path, data_dir: Path) -> float:
    """The nightly flow's steps, in its order, without Prefect: each task's plain function."""
    from accord.parse_pages import ParsedBatch
    from flows import tasks
    from flows.nightly import new_run_id

    started = time.perf_counter()
    url, run_id = str(data_dir), new_run_id()
    tasks.pull.fn(url, ("state",))
    crawled = tasks.crawl_sources.fn(tasks.resolve_sources([str(folder)]), url, run_id)
    parsed = ParsedBatch()
    # threads, as the flow's default task runner: otherwise Prefect would be credited with the
    # overlap of lxml's GIL-free parsing
    with ThreadPoolExecutor() as pool:
        for batch in pool.map(lambda pages: tasks.parse_batch.fn(pages, run_id), tasks.batches(crawled.pages)):
            parsed.merge(batch)
    tasks.write_lake.fn(url, run_id, parsed, crawled.fetch_log)
    tasks.push.fn(url)
    summary = tasks.summarize_run.fn(tasks.build_warehouse.fn(url), run_id)
    assert summary.articles > 0
    return time.perf_counter() - started


def with_prefect(folder: Path, data_dir: Path) -> float:
    from flows.nightly import nightly

    started = time.perf_counter()
    summary = nightly(sources=[str(folder)], data_dir=str(data_dir))
    assert summary.articles > 0
    return time.perf_counter() - started


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--articles", type=int, default=2000)
    args = options.parse_args()
    with tempfile.TemporaryDirectory(prefix="accord-bench-") as temporary:
        root = Path(temporary)
        # a fresh PREFECT_HOME: no parse results cached by earlier runs, no user profile
        os.environ["PREFECT_HOME"] = str(root / "prefect")
        os.environ.pop("PREFECT_API_URL", None)
        from accord import prefect_env

        prefect_env.configure()
        from prefect.testing.utilities import prefect_test_harness

        from accord.parse_pages import knowledge

        folder = root / "site"
        folder.mkdir()
        write_articles(folder, args.articles)
        knowledge()  # the speaker and topic files are read once per process, before either run
        server_started = time.perf_counter()
        with prefect_test_harness(server_startup_timeout=120):
            server_seconds = time.perf_counter() - server_started
            # direct first, so both runs find the imports and the OS page cache equally warm
            plain = direct(folder, root / "direct")
            flowed = with_prefect(folder, root / "flow")
        share = (flowed - plain) / flowed
        print(f"articles: {args.articles}")
        print(f"Prefect server start (not counted): {server_seconds:.2f} s")
        print(f"without Prefect (task functions called directly): {plain:.2f} s")
        print(f"with Prefect (nightly flow, {args.articles // 200 + bool(args.articles % 200)} parse tasks): "
              f"{flowed:.2f} s")
        print(f"Prefect's share of the flow's wall time: {share:.1%} (target: at most 10%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
