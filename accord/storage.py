"""Where a data directory lives: a local folder, or object storage (`s3://bucket/prefix`, any fsspec URL).

The pipeline's steps (crawl, WARC archive, Parquet lake, DuckDB build) all work on a local
directory. For a remote data directory that local directory is a cache (`$ACCORD_CACHE_DIR`,
else ~/.cache/accord) mirrored to and from the remote with `pull` and `push`:

- lake/ and archive/ files are immutable once renamed into place (every name carries the run
  id), so a mirror copies only the names the other side lacks and never overwrites;
- state/ (crawl validators, completed backfill days) is mutable and copied whole, so two
  crawls must not share one remote data directory at the same time (the deployments' tag
  limits see to that, see docs/orchestration.md);
- warehouse.duckdb is built locally from the pulled lake and stays local: DuckDB cannot write
  a database file to object storage, and each machine can rebuild it from the lake.

Credentials and endpoints come from fsspec's usual configuration, e.g. AWS_ACCESS_KEY_ID and
AWS_SECRET_ACCESS_KEY, and FSSPEC_S3_ENDPOINT_URL for an S3-compatible server.
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import fsspec
from fsspec.implementations.local import LocalFileSystem

from accord import settings

IMMUTABLE = ("lake", "archive")
MUTABLE = ("state",)


@dataclass(frozen=True)
class DataLocation:
    url: str  # as given: a local path or a remote URL
    fs: fsspec.AbstractFileSystem
    root: str  # the data directory's path inside `fs`
    local: Path  # where the pipeline reads and writes; the data directory itself when local

    @property
    def is_remote(self) -> bool:
        return not isinstance(self.fs, LocalFileSystem)

    def __str__(self) -> str:
        return self.url


def is_remote_url(text: str) -> bool:
    protocol = text.split("://", 1)[0] if "://" in text else ""
    return protocol not in ("", "file", "local")


def cache_root() -> Path:
    return Path(os.environ.get("ACCORD_CACHE_DIR") or Path.home() / ".cache" / "accord").expanduser()


def resolve(data_dir: str | os.PathLike | None = None) -> DataLocation:
    """`--data-dir`, else $ACCORD_DATA_DIR, else ./data; a remote URL gets a local cache folder."""
    chosen = str(data_dir or os.environ.get("ACCORD_DATA_DIR") or "data")
    if not is_remote_url(chosen):
        local = settings.data_dir(chosen.removeprefix("file://"))
        return DataLocation(str(local), LocalFileSystem(), str(local), local)
    fs, root = fsspec.core.url_to_fs(chosen)
    root = root.rstrip("/")
    protocol = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
    # the digest keeps two URLs that differ only in characters a folder name drops apart
    digest = hashlib.sha1(chosen.encode()).hexdigest()[:8]
    local = cache_root() / protocol / f"{root.replace('/', '_')}-{digest}"
    return DataLocation(chosen.rstrip("/"), fs, root, local)


def _is_finished(relative: str) -> bool:
    """Temporary and partial files (".name.tmp", "x.warc.gz.part") are never mirrored."""
    name = relative.rsplit("/", 1)[-1]
    return not name.startswith(".") and not name.endswith((".part", ".tmp"))


def _remote_files(location: DataLocation, folder: str) -> dict[str, str]:
    """relative path -> remote path, for every finished file under the remote `folder`."""
    base = f"{location.root}/{folder}"
    if not location.fs.exists(base):
        return {}
    found = {}
    for path in location.fs.find(base):
        relative = path[len(location.root) + 1:]
        if _is_finished(relative):
            found[relative] = path
    return found


def _local_files(location: DataLocation, folder: str) -> dict[str, Path]:
    base = location.local / folder
    if not base.is_dir():
        return {}
    return {p.relative_to(location.local).as_posix(): p for p in base.rglob("*")
            if p.is_file() and _is_finished(p.relative_to(location.local).as_posix())}


def push(location: DataLocation, folders: tuple[str, ...] = IMMUTABLE + MUTABLE) -> int:
    """Upload the local cache's new files; returns how many were uploaded (0 when local)."""
    if not location.is_remote:
        return 0
    uploaded = 0
    for folder in folders:
        remote = _remote_files(location, folder)
        for relative, path in sorted(_local_files(location, folder).items()):
            if folder in IMMUTABLE and relative in remote:
                continue
            location.fs.put_file(str(path), f"{location.root}/{relative}")
            uploaded += 1
    return uploaded


def pull(location: DataLocation, folders: tuple[str, ...] = IMMUTABLE + MUTABLE) -> int:
    """Download the remote files the local cache lacks (and every state file); returns the count."""
    if not location.is_remote:
        location.local.mkdir(parents=True, exist_ok=True)
        return 0
    downloaded = 0
    for folder in folders:
        local = _local_files(location, folder)
        for relative, path in sorted(_remote_files(location, folder).items()):
            if folder in IMMUTABLE and relative in local:
                continue
            target = location.local / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            # through a temporary name, so a killed download never looks like a finished file
            partial = target.with_name(f".{target.name}.tmp")
            location.fs.get_file(path, str(partial))
            os.replace(partial, target)
            downloaded += 1
    location.local.mkdir(parents=True, exist_ok=True)
    return downloaded


@contextlib.contextmanager
def writer_lock(location: DataLocation) -> Iterator[None]:
    """One warehouse build at a time on this machine's copy, whatever runs it: a Prefect tag
    limit only covers task runs of one server, and `accord run` starts a server of its own."""
    location.local.mkdir(parents=True, exist_ok=True)
    with open(location.local / ".warehouse.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
