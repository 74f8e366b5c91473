"""Data directories: local folders as they are, s3:// URLs mirrored through a local cache."""
from __future__ import annotations

import pytest

from accord import storage
from tests.moto_s3 import s3_server


@pytest.fixture
def s3(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path / "cache"))
    with s3_server() as endpoint:
        yield endpoint


def test_a_local_data_dir_is_its_own_working_dir(tmp_path):
    location = storage.resolve(str(tmp_path / "data"))
    assert not location.is_remote
    assert location.local == tmp_path / "data" and location.url == str(tmp_path / "data")
    assert storage.push(location) == 0 and storage.pull(location) == 0


def test_the_default_data_dir_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_DATA_DIR", str(tmp_path / "elsewhere"))
    assert storage.resolve(None).local == tmp_path / "elsewhere"


def test_an_s3_url_gets_a_cache_folder_of_its_own(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(tmp_path))
    first, second = storage.resolve("s3://bucket/a/b"), storage.resolve("s3://bucket/a_b")
    assert first.is_remote and first.root == "bucket/a/b"
    assert first.local.is_relative_to(tmp_path) and first.local != second.local


def test_push_uploads_finished_files_once_and_pull_brings_them_to_another_cache(s3, tmp_path):
    # a prefix of its own: moto keeps buckets for the whole process, so a flow test run earlier
    # in the session may have left a lake under accord-test/team
    url = f"s3://accord-test/{tmp_path.name}"
    writer = storage.resolve(url)
    (writer.local / "lake" / "articles" / "published_date=2024-01-01").mkdir(parents=True)
    part = writer.local / "lake" / "articles" / "published_date=2024-01-01" / "run1-aa.parquet"
    part.write_bytes(b"parquet bytes")
    (part.parent / ".run2-bb.parquet.tmp").write_bytes(b"half written")
    (writer.local / "archive" / "2024-01-01").mkdir(parents=True)
    (writer.local / "archive" / "2024-01-01" / "run1.warc.gz").write_bytes(b"warc")
    (writer.local / "archive" / "2024-01-01" / "run2.warc.gz.part").write_bytes(b"partial warc")
    (writer.local / "state").mkdir()
    (writer.local / "state" / "crawl.sqlite3").write_bytes(b"v1")

    assert storage.push(writer) == 3  # the temporary and partial files stay local
    assert storage.push(writer, ("lake", "archive")) == 0  # immutable files go once
    (writer.local / "state" / "crawl.sqlite3").write_bytes(b"v2")
    assert storage.push(writer, ("state",)) == 1  # mutable state is copied whole every time

    reader = storage.DataLocation(url, writer.fs, writer.root, tmp_path / "other-machine")
    assert storage.pull(reader, ("lake", "archive")) == 2
    assert (reader.local / part.relative_to(writer.local)).read_bytes() == b"parquet bytes"
    assert not list(reader.local.rglob("*.tmp")) and not list(reader.local.rglob("*.part"))
    assert storage.pull(reader, ("lake", "archive")) == 0
    storage.pull(reader, ("state",))
    assert (reader.local / "state" / "crawl.sqlite3").read_bytes() == b"v2"


def test_pulling_an_empty_remote_gives_an_empty_working_dir(s3):
    location = storage.resolve("s3://accord-test/nothing-yet")
    assert storage.pull(location) == 0 and location.local.is_dir()
