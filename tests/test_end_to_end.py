"""The whole pipeline, as a user runs it: real HTTP, WARC, Parquet, DuckDB and Prefect."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

CONTRACT = {
    "articles": {"article_id", "url", "source", "title", "authors", "published_at", "text", "language",
                 "fetched_at"},
    "quotes": {"quote_id", "article_id", "speaker", "speaker_mention", "kind", "text", "cue", "sentence",
               "topics", "section", "start_char", "end_char"},
    "speakers": {"speaker", "role", "affiliation", "aliases"},
    "agreements": {"article_id", "topic", "party_a", "party_b", "relation", "evidence"},
    "fetch_log": {"url", "status", "error", "fetched_at"},
}
ACCORD = Path(sys.executable).with_name("accord")


def columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_name = ?", [table]).fetchall()}


@pytest.mark.slow
def test_nightly_flow_scrapes_the_sample_site_into_the_contract_tables(tmp_path, prefect_server):
    from accord.flows.nightly import nightly

    summary = nightly(data_dir=str(tmp_path))
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True)
    for table, expected in CONTRACT.items():
        assert expected <= columns(con, table), table
    urls = [r[0] for r in con.execute("select url from articles").fetchall()]
    assert len(urls) >= 8 and all(u.startswith("http://sample-site.invalid/") for u in urls)
    assert not any("/admin" in u or "about" in u for u in urls)
    seed_quotes = con.execute(
        "select q.speaker, q.text from quotes q join articles a using (article_id) "
        "where a.url like '%tillerson-lavrov%' and q.kind in ('direct', 'partial')").fetchall()
    assert {"Sergei Lavrov", "Rex Tillerson"} <= {speaker for speaker, _ in seed_quotes}
    statuses = dict(con.execute("select status, count(*) from fetch_log group by status").fetchall())
    assert statuses.get("fetched", 0) >= len(urls)
    assert list((tmp_path / "archive").rglob("*.warc.gz")), "every response is archived"
    assert summary.articles == len(urls) and summary.quotes > 0
    report = Path(summary.report).read_text(encoding="utf-8")
    assert "North Korea" in report and "<script" in report and "http://" not in report.split("<body")[0]


@pytest.mark.slow
def test_accord_run_on_the_seed_is_clean_and_scores(tmp_path, shared):
    """`accord run --source DIR` prints no errors, and the scorer finds the seed's quotes."""
    articles = tmp_path / "in"
    articles.mkdir()
    shutil.copy(shared / "seed" / "tillerson-lavrov-press-conference.txt", articles)
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect")}
    env.pop("PREFECT_API_URL", None)
    done = subprocess.run([str(ACCORD), "run", "--source", str(articles), "--data-dir", str(tmp_path / "data")],
                          capture_output=True, text=True, env=env, timeout=600)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "ERROR" not in output and "Traceback" not in output, output
    assert "warehouse.duckdb" in done.stdout
    scored = subprocess.run(
        [sys.executable, str(shared / "eval" / "score_quotes.py"), "--seed", "--gold",
         str(shared / "gold" / "tillerson-lavrov.json"), "--warehouse", str(tmp_path / "data" / "warehouse.duckdb")],
        capture_output=True, text=True, check=True)
    result = json.loads(scored.stdout.strip().splitlines()[-1])
    assert result["quotes"]["right_speaker"] >= 7, scored.stdout
    assert result["boilerplate_quotes"] == 0, scored.stdout


def test_on_the_seed_russia_and_the_united_states_agree_on_north_korea_and_not_on_syria(tmp_path, shared):
    from accord.evaluate import build_warehouse

    warehouse = build_warehouse(shared / "seed", tmp_path)
    con = duckdb.connect(str(warehouse), read_only=True)
    scores = dict(con.execute(
        "select topic, score from pair_agreement where level = 'country' "
        "and party_a = 'Russia' and party_b = 'United States'").fetchall())
    assert scores["North Korea"] > 0
    assert scores["Syria"] < 0
    evidence = con.execute("select count(*) from agreement_evidence where topic = 'Syria' "
                           "and party_a = 'Russia' and party_b = 'United States'").fetchone()[0]
    assert evidence > 0
