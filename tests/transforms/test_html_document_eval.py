"""parse_html over the article-extraction benchmark, scored by the shared scorer (slow; needs ../shared)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from accord.transforms.page.document import ParseError
from accord.transforms.page.html_document import parse_html

# floors a little under the figures measured when this test was written (see bench/eval_articles.py)
FLOORS = {"body_f1": 0.96, "snippet_f1": 0.90, "title": 0.87, "date": 0.83, "author": 0.68}
MAX_INVENTED_DATES = 15


@pytest.mark.slow
def test_article_extraction_benchmark(shared: Path, tmp_path: Path):
    from warcio.archiveiterator import ArchiveIterator

    data = shared / "eval" / "article-extraction"
    predictions = tmp_path / "predictions.jsonl"
    with (data / "pages.warc.gz").open("rb") as stream, predictions.open("w", encoding="utf-8") as out:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                doc = parse_html(record.content_stream().read(), url, record.http_headers.get_header("Content-Type"))
            except ParseError:
                continue
            out.write(json.dumps({"url": url, "text": doc.text, "title": doc.title,
                                  "published_at": doc.published_at, "authors": doc.authors}) + "\n")
    result = subprocess.run([sys.executable, str(shared / "eval" / "score_articles.py"), "--truth",
                             str(data / "truth.jsonl"), "--preds", str(predictions)],
                            capture_output=True, text=True, check=True)
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    for key, floor in FLOORS.items():
        assert scores[key] >= floor, (key, scores)
    assert scores["date_invented"] <= MAX_INVENTED_DATES, scores
