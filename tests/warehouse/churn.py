"""A lake under constant change, for the crash and reader tests.

`python churn.py DATA_DIR ATTEMPT` writes run after run, compacting every third and building
after each, until it is killed. Every run's rows follow from its run id alone, so a clean lake
holding the same committed runs can be written again with `write_run`.
"""
from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from lake_rows import write_article

from accord.warehouse import build, compact, lake

PARTIES = {"Ann Lee": "Freedonia", "Bob Roe": "Sylvania", "Cy Dee": "Freedonia"}


def write_run(data_dir: Path, run_id: str, commit: bool = True) -> None:
    """Three articles of ten, parsed again with new words; a stated relation; the run's logs."""
    n = sum(map(ord, run_id))
    day = date(2017, 4, 10) + timedelta(days=n % 3)
    for article in (n % 10, (n + 3) % 10, (n + 7) % 10):
        article_id = f"a{article}"
        words = [f"Trade helps {run_id}.", f"Trade hurts {run_id}.", f"Talks matter {article}."]
        text = f"Ann Lee said: {words[0]} Bob Roe said: {words[1]} Cy Dee said: {words[2]}"
        write_article(data_dir, article_id, run_id, text,
                      [("Ann Lee", words[0], "support", ["Trade"]), ("Bob Roe", words[1], "oppose", ["Trade"]),
                       ("Cy Dee", words[2], "neutral", ["Trade", "Talks"])],
                      PARTIES, [("Trade", "Sylvania", "Freedonia", "disagree")], day=day)
        at = datetime(2017, 4, 12, 10) + timedelta(seconds=article)
        lake.write_rows(data_dir, "fetch_log", [{"run_id": run_id, "url": f"https://example.org/{article_id}",
                                                 "status": "fetched", "fetched_at": at, "run_date": day}], run_id)
        lake.write_rows(data_dir, "parse_log", [{"run_id": run_id, "url": f"https://example.org/{article_id}",
                                                 "article_id": article_id, "status": "parsed", "parsed_at": at,
                                                 "run_date": day}], run_id)
    if commit:
        lake.commit_run(data_dir, run_id)


def main(data_dir: Path, attempt: int) -> None:
    for n in range(1000):
        write_run(data_dir, f"{attempt:02d}-{n:03d}")
        if n % 3 == 2:
            compact.compact(data_dir)
        build.build(data_dir)
        print(n, flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
