"""The warehouse build: lake rows in, contract tables and models out, swapped in atomically."""
from __future__ import annotations

from datetime import date, datetime

import duckdb
import pytest

from warehouse import build, lake
from warehouse.schemas import TABLES

DAY = date(2017, 4, 12)


def article(article_id: str, run_id: str, text: str = "Body text.") -> dict:
    return {"article_id": article_id, "url": f"https://example.org/{article_id}", "source": "test",
            "title": f"Title {article_id}", "authors": ["A. Writer"], "published_at": datetime(2017, 4, 12, 9),
            "text": text, "fetched_at": datetime(2017, 4, 12, 10), "run_id": run_id, "published_date": DAY}


def quote(article_id: str, run_id: str, speaker: str, text: str, start: int, stance: str,
          topics: list[str]) -> dict:
    return {"quote_id": f"{article_id}-{start}", "article_id": article_id, "speaker": speaker,
            "speaker_mention": speaker, "kind": "direct", "text": text, "cue": "said", "sentence": text,
            "topics": topics, "start_char": start, "end_char": start + len(text), "stance": stance,
            "run_id": run_id, "published_date": DAY}


def speaker(article_id: str, run_id: str, name: str, affiliation: str) -> dict:
    return {"article_id": article_id, "speaker": name, "role": None, "affiliation": affiliation,
            "aliases": [name.split()[-1]], "kind": "person", "run_id": run_id, "published_date": DAY}


def write_run(data_dir, run_id: str, commit: bool = True, text: str = "We agree. We object.") -> None:
    lake.write_rows(data_dir, "articles", [article("a1", run_id, text)], run_id)
    lake.write_rows(data_dir, "quotes", [
        quote("a1", run_id, "Ann Lee", "We agree.", 0, "support", ["Trade"]),
        quote("a1", run_id, "Bob Roe", "We object.", 10, "oppose", ["Trade"]),
    ], run_id)
    lake.write_rows(data_dir, "article_speakers", [speaker("a1", run_id, "Ann Lee", "Freedonia"),
                                                   speaker("a1", run_id, "Bob Roe", "Sylvania")], run_id)
    lake.write_rows(data_dir, "agreements", [{
        "agreement_id": "g1", "article_id": "a1", "topic": "Trade", "party_a": "Freedonia",
        "party_b": "Sylvania", "relation": "disagree", "level": "country", "evidence": "They differ.",
        "run_id": run_id, "published_date": DAY}], run_id)
    if commit:
        lake.commit_run(data_dir, run_id)


def table(path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_contract_tables_and_models_are_built(tmp_path):
    write_run(tmp_path, "r1")
    path = build.build(tmp_path)
    names = {r[0] for r in table(path, "select table_name from information_schema.tables")}
    assert {"articles", "quotes", "speakers", "agreements", "fetch_log", "speaker_topic_stance",
            "pair_agreement", "topic_trends", "agreement_evidence"} <= names
    scores = table(path, "select level, party_a, party_b, score from pair_agreement order by level")
    assert ("country", "Freedonia", "Sylvania", -1.0) in scores
    assert ("person", "Ann Lee", "Bob Roe", -1.0) in scores


def test_rebuilding_the_same_lake_changes_nothing(tmp_path):
    write_run(tmp_path, "r1")
    first = table(build.build(tmp_path), "select * from quotes order by quote_id")
    second = table(build.build(tmp_path), "select * from quotes order by quote_id")
    assert first == second and len(first) == 2


def test_reparsing_an_article_replaces_its_rows(tmp_path):
    write_run(tmp_path, "r1", text="We agree. We object.")
    write_run(tmp_path, "r2", text="We agree. We object. Updated.")
    path = build.build(tmp_path)
    assert table(path, "select text from articles") == [("We agree. We object. Updated.",)]
    assert table(path, "select count(*) from quotes") == [(2,)]


def test_rows_of_an_uncommitted_run_stay_invisible(tmp_path):
    write_run(tmp_path, "r1")
    write_run(tmp_path, "r2", commit=False, text="half-written")
    path = build.build(tmp_path)
    assert table(path, "select text, count(*) over () from articles") == [("We agree. We object.", 1)]


def test_a_failing_data_check_keeps_the_previous_warehouse(tmp_path):
    write_run(tmp_path, "r1")
    path = build.build(tmp_path)
    before = path.read_bytes()
    lake.write_rows(tmp_path, "quotes", [quote("a1", "r1", "Ann Lee", "not in the text", 3, "neutral", [])],
                    "r1")
    with pytest.raises(build.DataCheckFailed, match="quotes_point_into_their_article"):
        build.build(tmp_path)
    assert path.read_bytes() == before


def test_every_schema_builds_an_empty_table(tmp_path):
    path = build.build(tmp_path)
    for name in TABLES:
        assert table(path, f"select count(*) from raw_{name}") == [(0,)]
