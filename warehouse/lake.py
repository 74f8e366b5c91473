"""The Parquet lake: one folder per table, Hive-partitioned, every file written atomically."""
from __future__ import annotations

import contextlib
import fcntl
import os
import uuid
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from accord.warehouse.schemas import TABLES


def lake_dir(data_dir: Path) -> Path:
    return data_dir / "lake"


def table_files(data_dir: Path, table: str) -> list[Path]:
    """The table's finished files (temporary ones start with a dot and end in .tmp)."""
    return sorted((lake_dir(data_dir) / table).glob("*/*.parquet"))


@contextlib.contextmanager
def exclusive(data_dir: Path) -> Iterator[None]:
    """One build or compaction of a lake at a time: compaction removes files a build may be
    reading, and two builds would write the same temporary database. Writers need no lock, as
    they only add files. The kernel drops the lock of a killed process, so none is ever stale."""
    folder = lake_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def to_table(table: str, rows: list[dict]) -> pa.Table:
    """Rows as an Arrow table of the table's schema; unknown keys are an error, missing ones NULL."""
    schema, _ = TABLES[table]
    names = set(schema.names)
    for row in rows:
        extra = row.keys() - names
        if extra:
            raise ValueError(f"{table}: columns not in the schema: {sorted(extra)}")
    return pa.Table.from_pylist(rows, schema=schema)


def write_rows(data_dir: Path, table: str, rows: list[dict], run_id: str) -> list[Path]:
    """Append rows as one new file per partition; readers never see a half-written file."""
    if not rows:
        return []
    _, partition = TABLES[table]
    by_partition: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_partition[str(row[partition])].append(row)
    written = []
    for value, part_rows in sorted(by_partition.items()):
        folder = lake_dir(data_dir) / table / f"{partition}={value}"
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"{run_id}-{uuid.uuid4().hex[:8]}.parquet"
        arrow = to_table(table, part_rows).drop_columns([partition])
        write_atomically(arrow, final)
        written.append(final)
    return written


def write_atomically(arrow: pa.Table, final: Path) -> None:
    """Write beside the final name, then rename: a reader sees the whole file or none of it."""
    temporary = final.with_name(f".{final.name}.tmp")
    pq.write_table(arrow, temporary, compression="zstd")
    replace_durably(temporary, final)


def replace_durably(temporary: Path, final: Path) -> None:
    """Rename a finished file into place so that it survives a power cut as well as a kill: its
    bytes reach the disk before the rename, and the rename before this returns."""
    with open(temporary, "rb") as written:
        os.fsync(written.fileno())
    os.replace(temporary, final)
    folder = os.open(final.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def commits_dir(data_dir: Path) -> Path:
    return lake_dir(data_dir) / "_commits"


def commit_run(data_dir: Path, run_id: str) -> None:
    """Mark a run's files complete. The loader ignores rows of runs without this marker,
    so a run killed half-way through writing leaves no partial article behind."""
    folder = commits_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{run_id}.tmp"
    temporary.write_text(run_id)
    replace_durably(temporary, folder / run_id)


def committed_runs(data_dir: Path) -> list[str]:
    folder = commits_dir(data_dir)
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) if folder.exists() else []
