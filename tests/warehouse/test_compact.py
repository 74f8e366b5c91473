"""Compaction: one file per partition, the same warehouse, safe to kill at any point."""
from __future__ import annotations

import os
import shutil
from datetime import date

import pyarrow.parquet as pq
from lake_rows import snapshot, write_article

from accord.warehouse import build, compact, lake

DAYS = (date(2017, 4, 11), date(2017, 4, 12))
PARTIES = {"Ann Lee": "Freedonia", "Bob Roe": "Sylvania"}


def write_runs(data_dir, runs: int, first: int = 0) -> None:
    """Each run parses articles a0..a2 again (new words each time) on one of two days."""
    for n in range(first, first + runs):
        run_id = f"r{n:03d}"
        for a in range(3):
            text = f"Ann Lee said: Trade helps {n}. Bob Roe said: Trade hurts {n}."
            write_article(data_dir, f"a{a}", run_id, text,
                          [("Ann Lee", f"Trade helps {n}.", "support", ["Trade"]),
                           ("Bob Roe", f"Trade hurts {n}.", "oppose", ["Trade"])],
                          PARTIES, [("Trade", "Freedonia", "Sylvania", "disagree")], day=DAYS[(n + a) % 2])
        lake.commit_run(data_dir, run_id)


def parquet_files(data_dir) -> list:
    return sorted((data_dir / "lake").glob("*/*/*.parquet"))


def test_compaction_leaves_one_file_per_partition_and_the_same_warehouse(tmp_path):
    write_runs(tmp_path, 6)
    before = snapshot(build.build(tmp_path))
    report = compact.compact(tmp_path)
    folders = {f.parent for f in parquet_files(tmp_path)}
    assert len(parquet_files(tmp_path)) == len(folders) == report.partitions
    assert report.files_removed == report.files_before > report.partitions
    assert snapshot(build.build(tmp_path)) == before


def test_compaction_keeps_only_each_articles_latest_committed_parse(tmp_path):
    write_runs(tmp_path, 4)
    compact.compact(tmp_path)
    quotes = pq.read_table(tmp_path / "lake" / "quotes").to_pylist()
    assert sorted({(q["article_id"], q["run_id"]) for q in quotes}) == [("a0", "r003"), ("a1", "r003"),
                                                                       ("a2", "r003")]
    assert len(quotes) == 6


def test_files_of_a_run_still_being_written_are_left_alone(tmp_path):
    write_runs(tmp_path, 2)
    in_progress = lake.write_rows(tmp_path, "fetch_log", [{"run_id": "r999", "url": "https://x/",
                                                           "status": "fetched", "run_date": DAYS[0]}], "r999")
    compact.compact(tmp_path)
    assert all(path.exists() for path in in_progress)
    compact.compact(tmp_path, abandoned_after=0)  # a writer gone this long was killed
    assert not any(path.exists() for path in in_progress)


def test_a_compaction_killed_before_removing_its_inputs_changes_no_figure(tmp_path):
    write_runs(tmp_path, 4)
    clean = snapshot(build.build(tmp_path))
    kept = tmp_path / "kept"
    shutil.copytree(tmp_path / "lake", kept)
    compact.compact(tmp_path)
    # put the merged-away files back, as if the compaction died just after writing the merged file
    for path in kept.glob("*/*/*.parquet"):
        target = tmp_path / "lake" / path.relative_to(kept)
        if not target.exists():
            os.link(path, target)
    assert snapshot(build.build(tmp_path)) == clean
    compact.compact(tmp_path)
    assert snapshot(build.build(tmp_path)) == clean
    assert pq.read_table(tmp_path / "lake" / "quotes").num_rows == 6


def test_compaction_writes_older_files_in_the_current_schema(tmp_path):
    write_runs(tmp_path, 1)
    # rewrite run r000's article files as an older writer would have: without two columns
    for path in (tmp_path / "lake" / "articles").glob("*/*.parquet"):
        pq.write_table(pq.read_table(path).drop_columns(["canonical_url", "site_name"]), path)
    for day in DAYS:
        write_article(tmp_path, f"b{day.day}", "r001", "No statements.", [], {}, day=day)
    lake.commit_run(tmp_path, "r001")
    compact.compact(tmp_path)
    merged = list((tmp_path / "lake" / "articles").glob("*/*.parquet"))
    assert len(merged) == 2
    for path in merged:
        assert {"canonical_url", "site_name"} <= set(pq.read_schema(path).names)
        assert set(pq.read_table(path, columns=["run_id"]).column("run_id").to_pylist()) == {"r000", "r001"}
    build.build(tmp_path)
