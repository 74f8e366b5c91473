"""`accord eval`: run Accord over the gold sets in ../shared/eval and score its warehouses.

Each data set goes through the same path as a nightly run (local source → parse → lake →
DuckDB build), then the scorers in ../shared/eval read the warehouse through the table
contract. `--check` fails when a figure falls below the level recorded in
bench/eval_levels.json, so extraction quality cannot silently regress.
"""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from accord.parse_pages import parse_pages, store_run
from accord.scrape.crawl import CrawlSettings, crawl
from accord.scrape.sources import detect_source
from accord.settings import PROJECT_ROOT
from accord.warehouse import build

LEVELS_FILE = PROJECT_ROOT / "bench" / "eval_levels.json"
TOLERANCE = 0.002  # rounding in the scorers' output


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    bar: float | None  # the bar, for display
    higher_is_better: bool = True


def build_warehouse(source: Path, work: Path) -> Path:
    """A warehouse from one local source, exactly as a run would build it."""
    run_id = "eval"
    crawled = crawl([detect_source(str(source))], data_dir=work, run_id=run_id, settings=CrawlSettings())
    store_run(work, run_id, parse_pages(crawled.pages, run_id), crawled.fetch_log)
    return build.build(work)


def score(script: Path, *args: str) -> dict:
    """Run a scorer from ../shared/eval; its last line is a JSON summary."""
    done = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def evaluate(shared: Path) -> list[Figure]:
    scorers = shared / "eval"
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="accord-eval-") as tmp:
        seed = build_warehouse(shared / "seed", Path(tmp, "seed"))
        result = score(scorers / "score_quotes.py", "--seed", "--gold",
                       str(shared / "gold" / "tillerson-lavrov.json"), "--warehouse", str(seed))
        figures += [
            Figure("seed quotes with right speaker (of 9)", result["quotes"]["right_speaker"], 9),
            Figure("seed reported with right speaker (of 10)", result["reported"]["right_speaker"], 10),
            Figure("seed agreements (of 5)", result["agreements"]["found"], 5),
            Figure("seed boilerplate taken as quotes", result["boilerplate_quotes"], 0, False),
        ]

        figures += quote_figures(scorers, Path(tmp, "polnear"))

        figures += relation_figures(scorers, Path(tmp, "relations"))

        figures += article_figures(scorers, Path(tmp, "pages"))
    return figures


def quote_figures(scorers: Path, work: Path) -> list[Figure]:
    """Quotes and reported speech on PolNeAR: the 924-article development set, the figures the
    issue's bars and the gate hold, and the 60-article sample the first rules were fitted to, a
    smoke check."""
    figures = []
    for folder, gold_name, label, bars in (
            ("polnear-dev", "gold.jsonl.gz", " (dev, 924)", (0.93, 0.82, 0.88, 0.65)),
            ("polnear-train-sample", "gold.jsonl", " (smoke check)", (0.90, 0.85, None, 0.60))):
        warehouse = build_warehouse(scorers / folder / "articles", work / folder)
        gold = str(scorers / folder / gold_name)
        quotes = score(scorers / "score_quotes.py", "--gold", gold, "--warehouse", str(warehouse))["0.8"]
        reported = score(scorers / "score_quotes.py", "--gold", gold, "--warehouse", str(warehouse),
                         "--kinds", "indirect", "--reporting-only")["0.8"]
        figures += [Figure("quotes F1 @0.8" + label, quotes["F1"], bars[0]),
                    Figure("quotes attributed_F1 @0.8" + label, quotes["attributed_F1"], bars[1])]
        if bars[2] is not None:
            figures.append(Figure("quotes speaker accuracy @0.8" + label, quotes["speaker_acc"], bars[2]))
        figures.append(Figure("reported attributed_F1 @0.8" + label, reported["attributed_F1"], bars[3]))
    return figures


ARCHIVED = re.compile(r"https?://web\.archive\.org/web/[^/]+/(.+)", re.I)


def article_half(url: str) -> str:
    """"A" or "B" by the page's site (an archived page's own site), from the sha1 of its host:
    every page of a site falls in one half, so a rule fitted to a site shows on that half only.
    Rules are developed on one half and a change is accepted only when the other gains too."""
    if archived := ARCHIVED.match(url):
        url = archived.group(1)
    host = (urlsplit(url if "://" in url else "http://" + url).hostname or "").lower().removeprefix("www.")
    return "AB"[hashlib.sha1(host.encode()).digest()[-1] % 2]


def article_figures(scorers: Path, work: Path) -> list[Figure]:
    """Body, title, date and author figures on the article-extraction set, whole and per half
    (the scorer run on the truth of one half's pages)."""
    folder = scorers / "article-extraction"
    warehouse = build_warehouse(folder / "pages.warc.gz", work)
    truth = [line for line in (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    figures = []
    for half in ("", "A", "B"):
        subset = work / f"truth{half}.jsonl"
        subset.write_text("\n".join(t for t in truth if not half or article_half(json.loads(t)["url"]) == half)
                          + "\n", encoding="utf-8")
        result = score(scorers / "score_articles.py", "--truth", str(subset), "--warehouse", str(warehouse))
        suffix = f" half {half}" if half else ""
        bars = (None,) * 6 if half else (0.97, 0.94, 0.90, 0.92, 4, 0.70)  # the bars: whole set
        figures += [
            Figure("article body F1" + suffix, result.get("body_f1", 0.0), bars[0]),
            Figure("article snippet F1" + suffix, result.get("snippet_f1", 0.0), bars[1]),
            Figure("article title" + suffix, result.get("title", 0.0), bars[2]),
            Figure("article date" + suffix, result.get("date", 0.0), bars[3]),
            Figure("article dates invented" + suffix, result.get("date_invented", 0), bars[4], False),  # "under 5"
            Figure("article authors" + suffix, result.get("author", 0.0), bars[5]),
        ]
    return figures


# The relations set split by publisher (file names start with it; the rest are international
# pages): a change to the rules is accepted only when both halves gain.
RELATION_HALVES = {"a": ("breitbart", "nyt", "usa-today"), "b": ("huff-post", "politico", "wash-post", "west-journal")}


def relation_half(article: str) -> str:
    publisher = article.split("_")[0]
    return next((name for name, publishers in RELATION_HALVES.items() if publisher in publishers), "intl")


def relation_figures(scorers: Path, work: Path) -> list[Figure]:
    """Tier-A recall and row precision of stated relations, on the whole set and on each half
    (the scorer run on a copy of the gold holding one half's articles)."""
    folder = scorers / "relations"
    warehouse = build_warehouse(folder / "articles", work)
    listed = [a.strip() for a in (folder / "articles.txt").read_text().splitlines() if a.strip()]
    gold = [line for line in (folder / "gold.jsonl").read_text().splitlines() if line.strip()]
    figures = []
    for half in ("all", "a", "b", "intl"):
        chosen = [a for a in listed if half == "all" or relation_half(a) == half]
        subset = work / f"gold-{half}"
        subset.mkdir()
        (subset / "articles.txt").write_text("\n".join(chosen) + "\n")
        (subset / "gold.jsonl").write_text("\n".join(g for g in gold if json.loads(g)["article"] in chosen) + "\n")
        result = score(scorers / "score_relations.py", "--gold", str(subset / "gold.jsonl"),
                       "--warehouse", str(warehouse))
        name = "relations" if half == "all" else f"relations half {half}"
        figures += [Figure(f"{name} tier-A recall", result["recall"], 0.70 if half == "all" else None),
                    Figure(f"{name} precision", result["precision"], 0.85 if half == "all" else None)]
    return figures


def regressions(figures: list[Figure], levels: dict[str, float]) -> list[str]:
    """Figures worse than the level reached before."""
    out = []
    for figure in figures:
        level = levels.get(figure.name)
        if level is None:
            continue
        worse = (figure.value < level - TOLERANCE) if figure.higher_is_better else (figure.value > level + TOLERANCE)
        if worse:
            out.append(f"{figure.name}: {figure.value} (level reached: {level})")
    return out


def render(figures: list[Figure], levels: dict[str, float]) -> str:
    rows = [f"{'figure':44} {'value':>8} {'bar':>8} {'level':>8}"]
    for f in figures:
        bar = "" if f.bar is None else f"{'≥' if f.higher_is_better else '≤'}{f.bar}"
        level = levels.get(f.name, "")
        rows.append(f"{f.name:44} {f.value:>8} {bar:>8} {level!s:>8}")
    return "\n".join(rows)


def read_levels() -> dict[str, float]:
    return json.loads(LEVELS_FILE.read_text()) if LEVELS_FILE.exists() else {}


def record_levels(figures: list[Figure]) -> None:
    LEVELS_FILE.write_text(json.dumps({f.name: f.value for f in figures}, indent=1) + "\n")
