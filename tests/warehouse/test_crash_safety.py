"""Kill -9 at any moment, and readers during builds: the warehouse stays whole and correct."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from churn import write_run
from lake_rows import snapshot

from accord.warehouse import build, lake

HERE = Path(__file__).parent
ROOT = HERE.parent.parent


def churn(data_dir: Path, attempt: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), str(ROOT)])}
    return subprocess.Popen([sys.executable, str(HERE / "churn.py"), str(data_dir), str(attempt)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.slow
def test_after_kill_9_at_random_moments_the_next_build_equals_a_clean_one(tmp_path):
    lake_dir, clean_dir = tmp_path / "churned", tmp_path / "clean"
    chance = random.Random(20170412)
    for attempt in range(6):
        process = churn(lake_dir, attempt)
        # past the interpreter's start (about a second), into writing, compacting or building
        time.sleep(chance.uniform(1.0, 3.5))
        process.send_signal(signal.SIGKILL)
        _, errors = process.communicate()
        assert process.returncode == -signal.SIGKILL, errors
    after_crashes = snapshot(build.build(lake_dir))

    runs = lake.committed_runs(lake_dir)
    assert len(runs) >= 6
    for run_id in runs:
        write_run(clean_dir, run_id)
    assert after_crashes == snapshot(build.build(clean_dir))


READER = """
import sys, duckdb
path, until = sys.argv[1], float(sys.argv[2])
import time
reads = 0
while time.time() < until:
    con = duckdb.connect(path, read_only=True)
    try:
        articles, = con.execute("select count(*) from articles").fetchone()
        quotes, = con.execute("select count(*) from quotes").fetchone()
        pairs, = con.execute("select count(*) from pair_agreement").fetchone()
    finally:
        con.close()
    # every article of the churned lake holds three statements and yields pairs
    assert quotes == 3 * articles and pairs > 0, (articles, quotes, pairs)
    reads += 1
print(reads)
"""


@pytest.mark.slow
def test_readers_meet_no_lock_and_no_half_built_table_during_builds(tmp_path):
    write_run(tmp_path, "00-000")
    path = build.build(tmp_path)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(path), str(time.time() + 6)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    builds = 0
    while reader.poll() is None:
        write_run(tmp_path, f"00-{builds + 1:03d}")
        build.build(tmp_path)
        builds += 1
    out, errors = reader.communicate()
    assert reader.returncode == 0, errors
    assert int(out) > 10 and builds > 3
    assert duckdb.connect(str(path), read_only=True).execute("select count(*) from quotes").fetchone()[0] > 0


def test_a_durable_replace_puts_the_whole_file_in_place_and_leaves_no_temporary(tmp_path):
    temporary, final = tmp_path / ".run.tmp", tmp_path / "run"
    final.write_text("old")
    temporary.write_text("new")
    lake.replace_durably(temporary, final)
    assert (final.read_text(), sorted(p.name for p in tmp_path.iterdir())) == ("new", ["run"])
