"""Group synthetic articles into near-duplicates and print time, memory and accuracy.

    .venv/bin/python bench/bench_near_duplicates.py [--articles 100000] [--copy-share 0.3]

Originals are random text over a Zipf-weighted vocabulary (so common words recur across
stories, as in news); the planted copies of an original are wire copies: a few words edited
and an outlet's own boilerplate paragraph added. Figures printed, not asserted.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from accord.transforms.page.near_duplicates import group_near_duplicates  # noqa: E402

VOCABULARY = 30_000
WORDS = 400
BOILERPLATE_WORDS = 30
EDITS = 5


def corpus(articles: int, copy_share: float, seed: int = 7) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """(article_id, text) pairs, and for each planted copy the id of its original."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(VOCABULARY)]
    weights = list(accumulate(1 / (rank + 1) for rank in range(VOCABULARY)))
    originals = round(articles * (1 - copy_share))
    items: list[tuple[str, str]] = []
    original_of: dict[str, str] = {}
    texts: list[list[str]] = []
    for n in range(originals):
        words = rng.choices(vocabulary, cum_weights=weights, k=WORDS)
        texts.append(words)
        items.append((f"o{n:07d}", " ".join(words)))
    for n in range(articles - originals):
        source = rng.randrange(originals)
        words = list(texts[source])
        for position in rng.sample(range(WORDS), EDITS):
            words[position] = rng.choice(vocabulary)
        words += rng.choices(vocabulary, cum_weights=weights, k=BOILERPLATE_WORDS)
        items.append((f"c{n:07d}", " ".join(words)))
        original_of[f"c{n:07d}"] = f"o{source:07d}"
    return items, original_of


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--articles", type=int, default=100_000)
    options.add_argument("--copy-share", type=float, default=0.3)
    args = options.parse_args()

    started = time.perf_counter()
    items, original_of = corpus(args.articles, args.copy_share)
    print(f"corpus: {len(items):,} articles of ~{WORDS} words, {len(original_of):,} planted copies, "
          f"made in {time.perf_counter() - started:.1f} s")

    rss_before = peak_rss_mb()
    started = time.perf_counter()
    groups = group_near_duplicates(items)
    seconds = time.perf_counter() - started
    rss_after = peak_rss_mb()

    found = sum(groups[copy] == groups[original] for copy, original in original_of.items())
    sizes = Counter(groups.values())
    originals_merged = sum(
        1 for _, members in Counter(groups[o] for o, _ in items if o.startswith("o")).items() if members > 1)
    print(f"grouping: {seconds:.1f} s ({len(items) / seconds:,.0f} articles/s)")
    print(f"peak RSS: {rss_after:,.0f} MB (was {rss_before:,.0f} MB with the corpus built; "
          f"peak rose by {rss_after - rss_before:,.0f} MB while grouping)")
    print(f"planted copies found: {found:,} of {len(original_of):,} ({found / len(original_of):.2%})")
    print(f"groups: {len(sizes):,}; largest {max(sizes.values())}; "
          f"groups wrongly joining two originals: {originals_merged}")


if __name__ == "__main__":
    main()
