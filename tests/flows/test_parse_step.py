"""The parse step in real flow runs: a page past its deadline is a failed parse_log row and the
run goes on; `--runner dask` runs clean."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.test_interrupt import a_long_article

SITE = Path(__file__).resolve().parents[2] / "samples" / "site" / "politics"
ACCORD = Path(sys.executable).with_name("accord")


@pytest.mark.slow
def test_a_page_past_the_deadline_is_a_failed_row_in_parse_log_and_the_run_goes_on(
        tmp_path, prefect_server, monkeypatch):
    from accord.flows.nightly import nightly

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("senate-border-bill-vote.html", "gaza-ceasefire-hostage-deal.html"):
        shutil.copy(SITE / name, folder)
    (folder / "summit.txt").write_text(a_long_article(1), encoding="utf-8")
    monkeypatch.setenv("ACCORD_PARSE_DEADLINE", "1")
    summary = nightly(sources=[str(folder)], data_dir=str(tmp_path / "data"))
    con = duckdb.connect(str(tmp_path / "data" / "warehouse.duckdb"), read_only=True)
    log = {url.rsplit("/", 1)[-1]: (status, error) for url, status, error in con.execute(
        "select url, status, error from parse_log").fetchall()}
    assert log == {"senate-border-bill-vote.html": ("parsed", None),
                   "gaza-ceasefire-hostage-deal.html": ("parsed", None),
                   "summit.txt": ("failed", "parse deadline of 1 s exceeded")}
    assert summary.articles == 2


@pytest.mark.slow
def test_accord_run_on_the_dask_runner_starts_one_prefect_server_and_prints_no_error(tmp_path):
    """A local Dask cluster of worker processes started a temporary Prefect server in each
    worker, and its shutdown logged a traceback."""
    folder = tmp_path / "in"
    shutil.copytree(SITE, folder)
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"),
           "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120"}
    env.pop("PREFECT_API_URL", None)
    done = subprocess.run([str(ACCORD), "run", "--runner", "dask", "--source", str(folder),
                           "--data-dir", str(tmp_path / "data")],
                          capture_output=True, text=True, env=env, timeout=600)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert output.count("Starting temporary server") == 1, output
    assert "ERROR" not in output and "Traceback" not in output, output
    assert f"articles {len(list(folder.iterdir()))}," in done.stdout, output
