"""Speed of parse_html, and of HTML to all records, against trafilatura's bare_extraction alone on
the same pages, in one process.

    python bench/bench_html_extraction.py [--warc PAGES] [--rounds N]

Prints pages/s (wall) and CPU ms/page for each; pages are read into memory first. "all records" is
what the pipeline does per page (accord.transforms.article_records.records_for_page, with the speaker
registry and topic taxonomy loaded once, as accord.parse_pages does); the bar is that it is at
least as fast as trafilatura's bare_extraction alone.
"""
from __future__ import annotations

import argparse
import contextlib
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from accord.transforms.page.document import ParseError  # noqa: E402
from accord.transforms.page.html_document import parse_html  # noqa: E402
from bench.eval_articles import EVAL, warc_pages  # noqa: E402


def run_parse_html(pages) -> None:
    for url, content_type, body in pages:
        with contextlib.suppress(ParseError):
            parse_html(body, url, content_type)


def records_runner():
    """records_for_page over the pages, with the registry and taxonomy loaded once beforehand."""
    from accord.parse_pages import knowledge
    from accord.transforms.article_records import records_for_page

    registry, taxonomy = knowledge()
    fetched_at = datetime(2024, 1, 1, tzinfo=UTC).replace(tzinfo=None)

    def run(pages) -> None:
        for url, content_type, body in pages:
            with contextlib.suppress(ParseError):
                records_for_page(body, url, content_type, source="bench", fetched_at=fetched_at, run_id="bench",
                                 registry=registry, taxonomy=taxonomy)
    return run


def run_trafilatura(pages) -> None:
    from trafilatura import bare_extraction
    for url, _, body in pages:
        bare_extraction(body, url=url, with_metadata=True)


def measure(name: str, run, pages, rounds: int) -> float:
    best_wall, best_cpu = float("inf"), float("inf")
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        run(pages)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    rate = len(pages) / best_wall
    print(f"{name:<28} {rate:7.1f} pages/s   {1000 * best_cpu / len(pages):6.1f} CPU ms/page")
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--warc", type=Path, default=EVAL / "article-extraction/pages.warc.gz")
    ap.add_argument("--rounds", type=int, default=3, help="best of N passes")
    args = ap.parse_args()
    if not args.warc.exists():
        sys.exit(f"no WARC at {args.warc}")
    pages = list(warc_pages(args.warc))
    print(f"{len(pages)} pages, best of {args.rounds}")
    ours = measure("parse_html", run_parse_html, pages, args.rounds)
    records = measure("HTML to all records", records_runner(), pages, args.rounds)
    theirs = measure("trafilatura.bare_extraction", run_trafilatura, pages, args.rounds)
    print(f"parse_html / trafilatura: {ours / theirs:.2f}x")
    print(f"all records / trafilatura: {records / theirs:.2f}x")
    relations_cost(pages)


def relations_cost(pages) -> None:
    """CPU time of the relation layer within 'all records': the parties of each sentence that
    may state a relation (analysis.relation_parties.sentence_parties) and the relations and agreements read
    from them (agreements.find_agreements), timed by wrapping both for one pass."""
    from accord.transforms import extraction
    from accord.transforms.analysis import relation_parties

    spent = [0.0]

    def timed(function):
        def wrapper(*args, **kwargs):
            began = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[0] += time.process_time() - began
        return wrapper

    originals = relation_parties.sentence_parties, extraction.find_agreements
    relation_parties.sentence_parties, extraction.find_agreements = map(timed, originals)
    try:
        records_runner()(pages)
    finally:
        relation_parties.sentence_parties, extraction.find_agreements = originals
    print(f"{'of which stated relations':<28} {'':>17} {1000 * spent[0] / len(pages):6.1f} CPU ms/page")


if __name__ == "__main__":
    main()
