"""Prints a digest of every record Accord extracts from the article-extraction WARC and the PolNeAR
sample, so a refactor can prove it changed nothing.

    python bench/records_digest.py [--eval DIR] [--verbose]

Every page goes through accord.transforms.article_records.records_for_page as accord.parse_pages calls it
(registry and taxonomy from accord.parse_pages.knowledge); a page that fails contributes its error
message instead. fetched_at is fixed, so the digest does not depend on file times. Prints one
sha256 over all records, serialized deterministically, and the row count per table.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from accord.parse_pages import knowledge  # noqa: E402
from accord.scrape.local import folder_pages  # noqa: E402
from accord.scrape.sources import detect_source  # noqa: E402
from accord.transforms.article_records import records_for_page  # noqa: E402
from accord.transforms.page.document import ParseError  # noqa: E402
from bench.eval_articles import EVAL, warc_pages  # noqa: E402

FETCHED_AT = datetime(2024, 1, 1)


def pages(eval_dir: Path):
    """(url, content_type, body, published_hint) for every WARC response, then every sample text."""
    for url, content_type, body in warc_pages(eval_dir / "article-extraction" / "pages.warc.gz"):
        yield url, content_type, body, None
    texts = detect_source(str(eval_dir / "polnear-train-sample" / "articles"))
    for page in folder_pages(texts):
        # the file:// URL holds the checkout's absolute path; the file name is what identifies it
        yield page.url.rsplit("/", 1)[-1], page.content_type, page.body, page.published_hint


def outcome(url: str, content_type: str | None, body: bytes, hint: str | None) -> dict:
    registry, taxonomy = knowledge()
    try:
        return records_for_page(body, url, content_type, source="digest", fetched_at=FETCHED_AT,
                                run_id="digest", registry=registry, taxonomy=taxonomy,
                                published_hint=hint)
    except ParseError as exc:
        return {"parse_error": [{"message": str(exc)}]}
    except Exception as exc:  # a crash is an outcome too: a refactor must not add or remove one
        return {"crash": [{"message": f"{type(exc).__name__}: {exc}"}]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval", type=Path, default=EVAL, help="the shared eval folder")
    ap.add_argument("--verbose", action="store_true", help="also print a digest per page")
    args = ap.parse_args()
    total, counts = hashlib.sha256(), Counter()
    for url, content_type, body, hint in pages(args.eval):
        records = outcome(url, content_type, body, hint)
        line = json.dumps({"url": url, "records": records}, sort_keys=True, default=repr,
                          ensure_ascii=False).encode()
        total.update(line + b"\n")
        counts["pages"] += 1
        for table, rows in records.items():
            counts[table] += len(rows)
        if args.verbose:
            print(hashlib.sha256(line).hexdigest()[:16], url)
    print(total.hexdigest())
    for table, count in sorted(counts.items()):
        print(f"{table:<18} {count}")


if __name__ == "__main__":
    main()
