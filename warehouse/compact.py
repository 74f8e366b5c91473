"""Compaction: each lake partition's many small files merged into one.

Every run adds a file to each partition it touches, so a year of nightly runs leaves
thousands of small files that make every build slower. Compaction rewrites each partition as
one file holding only what a build would use: rows of committed runs and, for per-article
tables, only each article's latest parse.

Safe if killed at any moment: the merged file is written atomically first and the files it
replaces are removed after, so a kill leaves either the old files, or the merged file beside
some of them. In that window rows appear twice, which the staging models drop (they keep one
row per key), and the next compaction folds them together again. Files of runs not yet
committed are never touched, so a run being written meanwhile loses nothing; those of runs
that never committed (the writer was killed) are removed once they are old enough that no
writer can still be at work.
"""
from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from accord.warehouse import lake
from accord.warehouse.schemas import ARTICLE_TABLES, TABLES

ABANDONED_AFTER_SECONDS = 24 * 3600


@dataclass
class Compaction:
    partitions: int = 0  # partitions rewritten
    files_before: int = 0  # files those partitions held
    files_removed: int = 0  # including abandoned ones of runs that never committed


def compact(data_dir: Path, abandoned_after: float = ABANDONED_AFTER_SECONDS) -> Compaction:
    """Merge each partition's files into one; what it did, counted."""
    report = Compaction()
    with lake.exclusive(data_dir):
        con = duckdb.connect()
        try:
            # runs first, files after: a run committing in between keeps its files untouched
            runs = set(lake.committed_runs(data_dir))
            con.execute("create table committed_runs (run_id varchar)")
            con.executemany("insert into committed_runs values (?)", [[r] for r in sorted(runs)])
            latest_parses(con, data_dir)
            for table in TABLES:
                compact_table(con, data_dir, table, abandoned_after, report)
        finally:
            con.close()
    return report


def latest_parses(con: duckdb.DuckDBPyConnection, data_dir: Path) -> None:
    """latest_parse(article_id, run_id): each article's newest committed parse, over all
    partitions, since a re-parse may move an article to another publication date."""
    con.execute("create table latest_parse (article_id varchar, run_id varchar)")
    files = [str(f) for f in lake.table_files(data_dir, "articles")]
    if files:
        con.execute(
            "insert into latest_parse select article_id, max(run_id) from read_parquet(?, union_by_name = true) "
            "where run_id in (select run_id from committed_runs) group by article_id", [files])


def compact_table(con: duckdb.DuckDBPyConnection, data_dir: Path, table: str, abandoned_after: float,
                  report: Compaction) -> None:
    files = lake.table_files(data_dir, table)
    if not files:
        return
    per_article = table in ARTICLE_TABLES
    # per file: are all its runs committed, and how many rows of superseded parses it holds
    latest = ("left join latest_parse as latest on latest.article_id = rows.article_id "
              "and latest.run_id = rows.run_id" if per_article else "")
    superseded = "count(*) filter (where latest.run_id is null)" if per_article else "0"
    described = con.execute(
        f"select rows.filename, bool_and(runs.run_id is not null), {superseded} "
        f"from read_parquet(?, filename = true, union_by_name = true) as rows "
        f"left join committed_runs as runs on runs.run_id = rows.run_id {latest} "
        f"group by rows.filename", [[str(f) for f in files]]).fetchall()
    by_folder: dict[Path, list[tuple[Path, bool, int]]] = {}
    for name, committed, superseded_rows in described:
        by_folder.setdefault(Path(name).parent, []).append((Path(name), committed, superseded_rows))
    now = time.time()
    for folder, entries in sorted(by_folder.items()):
        merged = [path for path, committed, _ in entries if committed]
        if len(merged) > 1 or any(committed and stale for _, committed, stale in entries):
            rewrite_partition(con, table, folder, merged, per_article)
            report.partitions += 1
            report.files_before += len(entries)
            report.files_removed += len(merged)
        for path, committed, _ in entries:
            if not committed and now - path.stat().st_mtime > abandoned_after:
                path.unlink()
                report.files_removed += 1
    for leftover in (lake.lake_dir(data_dir) / table).glob("*/.*.tmp"):
        if now - leftover.stat().st_mtime > abandoned_after:
            leftover.unlink(missing_ok=True)


def rewrite_partition(con: duckdb.DuckDBPyConnection, table: str, folder: Path, files: list[Path],
                      per_article: bool) -> None:
    schema, partition = TABLES[table]
    stored = pa.schema([field for field in schema if field.name != partition])
    keep = ("semi join latest_parse as latest on latest.article_id = rows.article_id "
            "and latest.run_id = rows.run_id" if per_article else "")
    # distinct: a compaction killed before removing its inputs leaves rows twice
    rows = con.sql(
        f"select distinct rows.* exclude ({partition}) from read_parquet(?, hive_partitioning = true, "
        f"union_by_name = true) as rows {keep}", params=[[str(f) for f in files]]).to_arrow_table()
    # older files may lack newer columns: add them as NULL, then cast to the table's schema
    for field in stored:
        if field.name not in rows.column_names:
            rows = rows.append_column(field.name, pa.nulls(len(rows), field.type))
    if len(rows):
        lake.write_atomically(rows.select(stored.names).cast(stored),
                              folder / f"compacted-{uuid.uuid4().hex[:12]}.parquet")
    for path in files:
        path.unlink()
