"""Backfill, reprocess, the Dask runner and an s3:// data directory, as real Prefect flow runs
over the sample site served on 127.0.0.1."""
from __future__ import annotations

from datetime import date

import pytest
from warehouse_query import query

from accord import backfill as days
from accord import storage
from accord.flows.backfill import backfill
from accord.flows.nightly import nightly
from accord.flows.reprocess import reprocess
from accord.scrape.sources import SAMPLE_SITE, detect_source
from tests.moto_s3 import s3_server

SITEMAP = f"{SAMPLE_SITE}/sitemap.xml"
IRAN_TALKS = date(2025, 4, 12)  # news:publication_date of one sample article


@pytest.mark.slow
def test_backfill_fetches_only_its_days_records_them_and_resumes(tmp_path, prefect_server):
    backfill(since=IRAN_TALKS, until=IRAN_TALKS, sources=[SITEMAP], data_dir=str(tmp_path))
    fetched = query(tmp_path, "select url from fetch_log where status = 'fetched' and url like '%.html'")
    assert [url for (url,) in fetched if "iran-us-nuclear-talks-oman" in url]
    assert len(fetched) == 1, "articles published on other days are not fetched"
    assert days.is_done(tmp_path, detect_source(SITEMAP), IRAN_TALKS)

    # a second backfill over a wider range only does the days it lacks: its first run reads the
    # sitemap, and 2025-04-13 has no article, so that day asks for nothing
    backfill(since=IRAN_TALKS, until=date(2025, 4, 13), sources=[SITEMAP], data_dir=str(tmp_path))
    runs = query(tmp_path, "select count(distinct run_id) from fetch_log")[0][0]
    assert runs == 3 and len(list(days.state_dir(tmp_path).rglob("*.json"))) == 2
    backfill(since=IRAN_TALKS, until=date(2025, 4, 13), sources=[SITEMAP], data_dir=str(tmp_path))
    assert query(tmp_path, "select count(distinct run_id) from fetch_log")[0][0] == 3


@pytest.mark.slow
def test_reprocess_reparses_the_archive_under_a_new_run_without_the_network(tmp_path, prefect_server):
    first = nightly(data_dir=str(tmp_path))
    before = query(tmp_path, "select article_id, title from articles order by 1")
    again = reprocess(data_dir=str(tmp_path))
    assert again.run_id != first.run_id and again.pages_fetched == 0
    assert query(tmp_path, "select article_id, title from articles order by 1") == before
    assert {r for (r,) in query(tmp_path, "select distinct run_id from articles")} == {again.run_id}
    parsed = query(tmp_path, f"select count(*) from parse_log where run_id = '{again.run_id}'")[0][0]
    assert parsed == len(before)


@pytest.mark.slow
def test_the_dask_runner_parses_on_a_local_cluster(tmp_path, prefect_server):
    from prefect_dask import DaskTaskRunner

    runner = DaskTaskRunner(cluster_kwargs={"n_workers": 1, "processes": False, "threads_per_worker": 2})
    summary = nightly.with_options(task_runner=runner)(data_dir=str(tmp_path))
    assert summary.articles >= 8 and summary.articles == query(tmp_path, "select count(*) from articles")[0][0]


@pytest.mark.slow
def test_an_s3_data_dir_holds_the_lake_and_archive_and_any_machine_rebuilds_from_it(
        tmp_path, prefect_server, monkeypatch):
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path / "machine-1"))
    with s3_server():
        url = "s3://accord-test/team"
        first = nightly(data_dir=url)
        location = storage.resolve(url)
        remote = location.fs.find(location.root)
        assert any("/lake/articles/" in path and path.endswith(".parquet") for path in remote)
        assert any("/archive/" in path and path.endswith(".warc.gz") for path in remote)
        assert not any(path.endswith("warehouse.duckdb") for path in remote)

        # another machine, an empty cache: re-parses the archive it downloads, builds locally
        monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path / "machine-2"))
        second = reprocess(data_dir=url)
        local = storage.resolve(url).local
        assert local.is_relative_to(tmp_path / "machine-2")
        assert second.articles == first.articles >= 8
        runs = {r for (r,) in query(local, "select distinct run_id from parse_log")}
        assert runs == {first.run_id, second.run_id}, "the lake came back from s3 with both runs"
