"""A damaged warehouse.duckdb: `accord query`, `shell` and `report` say in one line that it is
unreadable and how to rebuild it, exit status 1, no traceback."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from accord.warehouse import build, lake

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "warehouse"))
from lake_rows import write_article  # noqa: E402

ACCORD = Path(sys.executable).with_name("accord")


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("good")
    text = "Ann Lee said: Trade helps. Bob Roe said: Trade hurts."
    write_article(data_dir, "a1", "r1", text,
                  [("Ann Lee", "Trade helps.", "support", ["Trade"]), ("Bob Roe", "Trade hurts.", "oppose", ["Trade"])],
                  {"Ann Lee": "Freedonia", "Bob Roe": "Sylvania"})
    lake.commit_run(data_dir, "r1")
    return build.build(data_dir)


BLOCK = 262_144  # DuckDB's block size; its file starts with 12,288 bytes of headers
READ_BY_THE_REPORT = "speaker_topic_stance"


def overwrite(data: bytes, start: int, length: int) -> bytes:
    """Bytes past the headers replaced, as a bad disk block or a stray write leaves them."""
    junk = bytes((i * 7 + 13) % 256 for i in range(length))
    return data[:start] + junk[: len(data) - start] + data[start + length:]


def one_table_damaged(good: Path) -> bytes:
    """The warehouse with one block of a table the report reads overwritten: it opens, and
    fails only when that table is read."""
    data = good.read_bytes()
    probe = good.with_name("probe.duckdb")
    for start in range(12_288 + BLOCK, len(data), BLOCK):
        probe.write_bytes(overwrite(data, start, BLOCK))
        con = duckdb.connect(str(probe), read_only=True)
        try:
            con.execute(f"select * from {READ_BY_THE_REPORT}").fetchall()
        except duckdb.Error:
            return probe.read_bytes()
        finally:
            con.close()
    pytest.fail(f"no block of {READ_BY_THE_REPORT} found")


def damage(good: Path, data_dir: Path, how: str) -> None:
    data = good.read_bytes()
    damaged = {"truncated": lambda: data[: len(data) // 2],
               "overwritten": lambda: overwrite(data, 12_288, len(data)),
               "not duckdb": lambda: b"this is not a database\n" * 100,
               "one table": lambda: one_table_damaged(good)}[how]()
    data_dir.mkdir()
    (data_dir / "warehouse.duckdb").write_bytes(damaged)


def accord(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([str(ACCORD), *args], capture_output=True, text=True, input=stdin, timeout=120,
                          env={**os.environ})


@pytest.mark.parametrize("how", ["truncated", "overwritten", "not duckdb", "one table"])
def test_query_shell_and_report_say_a_damaged_warehouse_is_unreadable(good, tmp_path, how):
    data_dir = tmp_path / "data"
    damage(good, data_dir, how)
    warehouse = data_dir / "warehouse.duckdb"
    for command, done in [
        ("query", accord("query", f"select * from {READ_BY_THE_REPORT}", "--data-dir", str(data_dir))),
        ("report", accord("report", "--data-dir", str(data_dir))),
    ]:
        assert done.returncode == 1, (command, done.stdout, done.stderr)
        lines = done.stderr.splitlines()
        assert len(lines) == 1, (command, done.stderr)
        assert lines[0].startswith(f"accord {command}: {warehouse} is unreadable ("), lines[0]
        assert lines[0].endswith("rebuild it from the lake with `accord reprocess`, "
                                 "or the next `accord run` rebuilds it"), lines[0]
    shell = accord("shell", "--data-dir", str(data_dir), stdin=f"select * from {READ_BY_THE_REPORT};\n")
    said = shell.stdout + shell.stderr
    assert "Traceback" not in said and f"{warehouse} is unreadable (" in said, said
    assert not (data_dir / "report.html").exists()


def test_an_intact_warehouse_still_answers(good):
    done = accord("query", "select speaker from quotes order by 1", "--format", "csv",
                  "--data-dir", str(good.parent))
    assert done.returncode == 0 and done.stdout.splitlines() == ["speaker", "Ann Lee", "Bob Roe"], done.stderr


def test_a_report_that_cannot_be_written_is_refused_before_any_work(good, tmp_path):
    (tmp_path / "file").write_text("")
    out = tmp_path / "file" / "report.html"
    done = accord("report", "--out", str(out), "--data-dir", str(good.parent))
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.splitlines() == [f"accord report: --out {out}: {tmp_path / 'file'} is a file, not a folder"]
