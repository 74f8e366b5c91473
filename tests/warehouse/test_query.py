"""`accord query` and `accord shell`: read-only access to the warehouse, as table, CSV or JSON."""
from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest
from lake_rows import write_article

from accord import query
from accord.warehouse import build, lake

COUNT_QUOTES = "select speaker, count(*) as quotes from quotes group by speaker order by speaker"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("data")
    text = "Ann Lee said: Trade helps. Bob Roe said: Trade hurts."
    write_article(data_dir, "a1", "r1", text,
                  [("Ann Lee", "Trade helps.", "support", ["Trade"]), ("Bob Roe", "Trade hurts.", "oppose",
                                                                      ["Trade"])],
                  {"Ann Lee": "Freedonia", "Bob Roe": "Sylvania"}, [("Trade", "Freedonia", "Sylvania", "disagree")])
    lake.commit_run(data_dir, "r1")
    return build.build(data_dir)


def run(warehouse, sql: str, fmt: str = "table") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = query.run_query(warehouse, sql, fmt, out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_table_output_lists_columns_rows_and_count(warehouse):
    status, out, _ = run(warehouse, COUNT_QUOTES)
    lines = out.splitlines()
    assert status == 0
    assert lines[1].split() == ["|", "speaker", "|", "quotes", "|"]
    assert "| Ann Lee | 1      |" in lines and lines[-1] == "(2 rows)"


def test_csv_output_reads_back(warehouse):
    _, out, _ = run(warehouse, COUNT_QUOTES, "csv")
    assert list(csv.reader(io.StringIO(out))) == [["speaker", "quotes"], ["Ann Lee", "1"], ["Bob Roe", "1"]]


def test_json_output_has_one_object_per_row_with_dates_as_text(warehouse):
    _, out, _ = run(warehouse, "select topic, party_a, score, first_seen from pair_agreement", "json")
    assert json.loads(out) == [{"topic": "Trade", "party_a": "Freedonia", "score": -1.0,
                                "first_seen": "2017-04-12T09:00:00"}]


@pytest.mark.parametrize("sql", [
    "delete from quotes",
    "create table notes (x int)",
    "select 1; drop table quotes",
    "copy quotes to 'quotes.csv'",
    "attach 'other.duckdb'",
    "set threads = 1",
])
def test_a_statement_that_is_not_a_query_is_refused(warehouse, sql):
    status, out, err = run(warehouse, sql)
    assert status == 1 and out == ""
    assert "only queries may run on the warehouse" in err
    assert run(warehouse, "select count(*) from quotes", "csv")[1] == "count_star()\n2\n"


def test_queries_cannot_reach_files_beside_the_warehouse(warehouse):
    status, _, err = run(warehouse, f"select * from read_csv('{warehouse.parent / 'lake' / '_commits' / 'r1'}')")
    assert status == 1 and "disabled by configuration" in err


def test_a_failing_query_is_reported_without_a_traceback(warehouse):
    status, _, err = run(warehouse, "select nothing from nowhere")
    assert status == 1 and err.startswith("accord query: Catalog Error")


def test_the_shell_runs_queries_lists_tables_and_refuses_writes(warehouse):
    out = io.StringIO()
    query.shell(warehouse, stdin=io.StringIO(".tables\nselect count(*) as n\nfrom quotes;\n"
                                             "drop table quotes;\n.quit\n"), out=out)
    text = out.getvalue()
    assert "pair_agreement" in text.splitlines()[0]
    assert "| 2 |" in text
    assert "error: only queries may run on the warehouse, not DROP" in text
    con = duckdb.connect(str(warehouse), read_only=True)
    assert con.execute("select count(*) from quotes").fetchone() == (2,)
    con.close()
