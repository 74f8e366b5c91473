"""prefect.yaml as docs/orchestration.md runs it: a real server, a process pool, a worker."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from accord.settings import PROJECT_ROOT
from tests.moto_s3 import free_port

PREFECT = Path(sys.executable).with_name("prefect")


def prefect(env: dict, *args: str, timeout: float = 180) -> str:
    done = subprocess.run([str(PREFECT), *args], cwd=PROJECT_ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, f"prefect {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def wait_healthy(api: str, server: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, "the Prefect server exited"
        try:
            with urllib.request.urlopen(f"{api}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"no healthy Prefect server at {api} after {seconds} s")


@pytest.mark.slow
def test_the_nightly_deployment_runs_through_a_process_worker(tmp_path):
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_API_URL": api,
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_CLI_PROMPT": "false",
           "PWD": str(PROJECT_ROOT), "ACCORD_CACHE_DIR": str(tmp_path / "cache")}
    server = subprocess.Popen([str(PREFECT), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                              cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              stdin=subprocess.DEVNULL)
    try:
        wait_healthy(api, server)
        prefect(env, "work-pool", "create", "accord", "--type", "process")
        prefect(env, "--no-prompt", "deploy", "--all")
        listed = prefect(env, "deployment", "ls")
        for name in ("accord-nightly/nightly", "accord-backfill/backfill", "accord-reprocess/reprocess"):
            assert name in listed
        schedules = json.loads(urllib.request.urlopen(f"{api}/deployments/name/accord-nightly/nightly").read())
        assert [s["schedule"]["cron"] for s in schedules["schedules"]] == ["0 3 * * *"]

        data = tmp_path / "data"
        started = prefect(env, "deployment", "run", "accord-nightly/nightly", "-p", f"data_dir={data}")
        run_id = started.split("UUID:")[1].split()[0]
        prefect(env, "worker", "start", "--pool", "accord", "--run-once", timeout=300)
        run = json.loads(urllib.request.urlopen(f"{api}/flow_runs/{run_id}").read())
        assert run["state"]["type"] == "COMPLETED", run["state"]

        con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
        articles = con.execute("select count(*) from articles").fetchone()[0]
        runs = con.execute("select count(distinct run_id) from fetch_log").fetchone()[0]
        assert articles >= 8 and runs == 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
