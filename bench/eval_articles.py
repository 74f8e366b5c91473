"""Score parse_html on the article-extraction WARC with the shared scorer, whole and per half.

    python bench/eval_articles.py [--warc PAGES] [--truth TRUTH] [--show N] [--keep FILE]

The pages are split in two halves by site (accord.evaluate.article_half): develop on one, and
accept a change only when the other gains too (or at least does not drop).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from accord.evaluate import article_half  # noqa: E402
from accord.transforms.page.document import ParseError  # noqa: E402
from accord.transforms.page.html_document import parse_html  # noqa: E402

EVAL = Path("/work/shared/eval")
FIELDS = ("body_f1", "snippet_f1", "title", "date", "date_invented", "author")


def warc_pages(path: Path):
    """Yield (url, content_type, body bytes) for each response record."""
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
            yield url, content_type, record.content_stream().read()


def predict(pages) -> tuple[list[dict], int, float]:
    rows, failures, started = [], 0, time.perf_counter()
    for url, content_type, body in pages:
        try:
            doc = parse_html(body, url, content_type)
        except ParseError as error:
            failures += 1
            print(f"ParseError {url}: {error}", file=sys.stderr)
            continue
        rows.append({"url": url, "text": doc.text, "title": doc.title,
                     "published_at": doc.published_at, "authors": doc.authors})
    return rows, failures, time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--warc", type=Path, default=EVAL / "article-extraction/pages.warc.gz")
    ap.add_argument("--truth", type=Path, default=EVAL / "article-extraction/truth.jsonl")
    ap.add_argument("--scorer", type=Path, default=EVAL / "score_articles.py")
    ap.add_argument("--show", type=int, default=0, help="passed on: print the N worst body pages")
    ap.add_argument("--keep", type=Path, help="write the predictions here instead of a temp file")
    args = ap.parse_args()
    if not args.warc.exists():
        sys.exit(f"no WARC at {args.warc}")
    rows, failures, seconds = predict(list(warc_pages(args.warc)))
    print(f"{len(rows)} parsed, {failures} ParseError, {seconds:.1f}s")
    with (args.keep.open("w", encoding="utf-8") if args.keep
          else tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")) as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    command = [sys.executable, str(args.scorer), "--preds", out.name]
    sys.stdout.flush()
    subprocess.run([*command, "--truth", str(args.truth), "--show", str(args.show)], check=True)
    truth = [line for line in args.truth.read_text(encoding="utf-8").splitlines() if line.strip()]
    summaries = {}
    with tempfile.TemporaryDirectory() as tmp:
        for half in ("A", "B"):
            subset = Path(tmp, f"truth-{half}.jsonl")
            subset.write_text("\n".join(t for t in truth if article_half(json.loads(t)["url"]) == half) + "\n",
                              encoding="utf-8")
            done = subprocess.run([*command, "--truth", str(subset)], check=True, capture_output=True, text=True)
            summaries[half] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"{'half':6}" + "".join(f"{field:>14}" for field in ("pages", *FIELDS)))
    for half, summary in summaries.items():
        print(f"{half:6}" + "".join(f"{summary.get(field, ''):>14}" for field in ("pages", *FIELDS)))
    if not args.keep:
        Path(out.name).unlink()

if __name__ == "__main__":
    main()
