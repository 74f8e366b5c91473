"""Speed of statement extraction (quotes, speakers, stance, topics, agreements) per article.

    python bench/bench_extraction_speed.py [--articles DIR] [--html DIR] [--rounds N]

Plain-text articles (default: the 60 PolNeAR texts) are parsed with parse_text, HTML pages
(--html, e.g. samples/site/politics) with parse_html; then transforms.extract runs with the
user's registry and taxonomy, as accord/parse_pages.py loads them. Prints mean and p95 ms per
article for the whole of extract and, timed inside it, for find_agreements, stance_of and
Taxonomy.tag. Times are CPU time (process_time), each article's the best of N passes. No assertions.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import accord.transforms.extraction as extraction  # noqa: E402
from accord.parse_pages import knowledge  # noqa: E402
from accord.transforms.analysis.topics import Taxonomy  # noqa: E402
from accord.transforms.page.html_document import parse_html  # noqa: E402
from accord.transforms.page.text_document import parse_text  # noqa: E402

DEFAULT_ARTICLES = Path("/work/shared/eval/polnear-train-sample/articles")
_spent: dict[str, float] = defaultdict(float)


def _timed(name: str, function):
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            _spent[name] += time.process_time() - start
    return wrapper


def _documents(articles: Path | None, html: Path | None) -> list:
    docs = []
    if articles:
        docs += [parse_text(path.read_text(encoding="utf-8"), path.resolve().as_uri())
                 for path in sorted(articles.glob("*.txt"))]
    if html:
        docs += [parse_html(path.read_bytes(), path.resolve().as_uri()) for path in sorted(html.glob("*.html"))]
    return docs


def _report(name: str, values: list[float]) -> None:
    ms = sorted(1000 * v for v in values)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    print(f"{name:<18} mean {statistics.mean(ms):8.2f} ms   p95 {p95:8.2f} ms   max {ms[-1]:8.2f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES, help="directory of *.txt articles")
    ap.add_argument("--html", type=Path, help="directory of *.html pages")
    ap.add_argument("--rounds", type=int, default=3, help="best of N passes per article")
    args = ap.parse_args()
    articles = args.articles if args.articles and args.articles.exists() else None
    docs = _documents(articles, args.html)
    if not docs:
        sys.exit("no articles")
    registry, taxonomy = knowledge()
    extraction.find_agreements = _timed("find_agreements", extraction.find_agreements)
    extraction.stance_of = _timed("stance_of", extraction.stance_of)
    Taxonomy.tag = _timed("Taxonomy.tag", Taxonomy.tag)

    best: dict[str, list[float]] = defaultdict(list)
    for doc in docs:
        runs: dict[str, list[float]] = defaultdict(list)
        for _ in range(args.rounds):
            _spent.clear()
            getattr(taxonomy, "_cache", {}).clear()  # each pass sees the article for the first time
            start = time.process_time()
            extraction.extract(doc, registry, taxonomy)
            runs["extract"].append(time.process_time() - start)
            for name in ("find_agreements", "stance_of", "Taxonomy.tag"):
                runs[name].append(_spent[name])
        for name, values in runs.items():
            best[name].append(min(values))
    print(f"{len(docs)} articles, {sum(len(d.text) for d in docs) / len(docs):.0f} chars on average, "
          f"best of {args.rounds}")
    for name in ("extract", "find_agreements", "stance_of", "Taxonomy.tag"):
        _report(name, best[name])
    total = sum(best["extract"])
    print(f"extract: {len(docs) / total:.1f} articles/s; find_agreements "
          f"{100 * sum(best['find_agreements']) / total:.0f}% of it")


if __name__ == "__main__":
    main()
