"""The parse cache key follows the pages and the parser, not the run."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import accord.transforms
from accord import parse_cache
from accord.parse_pages import ParsedBatch
from accord.scrape.pages import Page

PAGE = Page(url="https://example.org/a", final_url="https://example.org/a", body=b"<p>hi</p>",
            content_type="text/html", fetched_at=datetime(2024, 1, 1, 12), source="example")


def test_the_key_changes_with_any_page_byte_or_field_and_not_otherwise():
    key = parse_cache.batch_key([PAGE])
    assert parse_cache.batch_key([replace(PAGE)]) == key
    assert parse_cache.batch_key([replace(PAGE, body=b"<p>hi!</p>")]) != key
    assert parse_cache.batch_key([replace(PAGE, published_hint="2024-01-01")]) != key
    assert parse_cache.batch_key([PAGE, PAGE]) != key


def test_the_key_names_the_parser_version(monkeypatch):
    key = parse_cache.batch_key([PAGE])
    monkeypatch.setattr(parse_cache, "PARSER_VERSION", "99.0")
    assert parse_cache.batch_key([PAGE]) != key and "99.0" in parse_cache.batch_key([PAGE])


def test_the_parser_digest_follows_every_module_and_word_list_and_nothing_else(tmp_path):
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "rules.py").write_text("X = 1\n")
    (tmp_path / "lexicon" / "words.toml").write_text('w = "a b"\n')
    digest = parse_cache.source_digest(tmp_path)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"\0")
    (tmp_path / "notes.txt").write_text("not the parser")
    assert parse_cache.source_digest(tmp_path) == digest
    (tmp_path / "lexicon" / "words.toml").write_text('w = "a b c"\n')
    assert parse_cache.source_digest(tmp_path) != digest


def test_the_key_follows_the_installed_parser():
    root = Path(accord.transforms.__file__).parent
    assert parse_cache.parser_digest() == parse_cache.source_digest(root)
    assert any(root.rglob("*.toml")) and any(root.rglob("*.py"))


def test_relabel_moves_every_row_to_the_new_run_and_leaves_the_cached_batch_alone():
    batch = ParsedBatch()
    batch.rows["articles"].append({"article_id": "a", "run_id": "old"})
    batch.parse_log.append({"article_id": "a", "run_id": "old", "status": "parsed"})
    moved = parse_cache.relabel(batch, "new")
    assert moved.rows["articles"][0]["run_id"] == "new" and moved.parse_log[0]["run_id"] == "new"
    assert batch.rows["articles"][0]["run_id"] == "old"
    assert parse_cache.relabel(moved, "new") is moved


def test_a_packed_batch_is_one_bytes_value_that_unpacks_to_equal_pages_and_carries_its_key():
    from accord.flows.tasks import pack_batches

    pages = [replace(PAGE, url=f"https://example.org/{n}") for n in range(5)]
    packed = pack_batches(pages, size=2)
    assert [p.count for p in packed] == [2, 2, 1]
    assert all(isinstance(p.data, bytes) for p in packed)
    assert [page for p in packed for page in p.unpack()] == pages
    assert packed[0].key == parse_cache.batch_key(pages[:2])


def test_packed_rows_round_trip():
    from accord.parse_pages import pack

    batch = ParsedBatch()
    batch.rows["articles"].append({"article_id": "a", "run_id": "r"})
    batch.parse_log.append({"article_id": "a", "run_id": "r", "status": "parsed"})
    back = pack(batch, 1).unpack()
    assert back.rows == batch.rows and back.parse_log == batch.parse_log
