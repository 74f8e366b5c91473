"""The scraping side's reliability as real Prefect flow runs over the sample site on 127.0.0.1:
a run killed after its crawl loses nothing, two runs give one warehouse, reprocessing reaches
imported pages."""
from __future__ import annotations

import shutil

import pytest
from prefect import flow
from warehouse_query import query

from accord import settings
from accord.flows import tasks
from accord.flows.nightly import new_run_id, nightly
from accord.flows.reprocess import reprocess


@flow
def crawl_and_die(data_dir: str) -> int:
    """The nightly flow killed right after its crawl: nothing parsed, nothing committed."""
    return tasks.crawl_sources(tasks.resolve_sources(None), data_dir, new_run_id()).pages


@pytest.mark.slow
def test_a_run_killed_after_its_crawl_costs_the_next_run_nothing(tmp_path, prefect_server):
    crawled = crawl_and_die(str(tmp_path))
    assert crawled >= 8
    summary = nightly(data_dir=str(tmp_path))
    assert summary.articles == crawled, "the next run parses every page the killed run fetched"
    assert query(tmp_path, "select count(*) from fetch_log where status = 'not_modified'")[0][0] == 0


@pytest.mark.slow
def test_two_default_runs_give_one_warehouse(tmp_path, prefect_server):
    nightly(data_dir=str(tmp_path))
    first = query(tmp_path, "select article_id, url from articles order by 1")
    second = nightly(data_dir=str(tmp_path))
    assert query(tmp_path, "select article_id, url from articles order by 1") == first
    assert second.articles == len(first) >= 8
    assert all(url.startswith("http://sample-site.invalid/") for _, url in first)


@pytest.mark.slow
def test_reprocess_reaches_pages_imported_from_a_folder(tmp_path, prefect_server):
    folder = tmp_path / "imported"
    shutil.copytree(settings.SAMPLE_SITE_DIR / "politics", folder)
    run = nightly(sources=[str(folder)], data_dir=str(tmp_path / "data"))
    assert run.articles >= 8
    shutil.rmtree(folder)  # the archive keeps them
    again = reprocess(data_dir=str(tmp_path / "data"))
    parsed = query(tmp_path / "data", f"select count(*) from parse_log where run_id = '{again.run_id}'")[0][0]
    assert parsed == run.articles
