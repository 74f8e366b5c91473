"""SQL models declare what they read (`-- depends on:`), and the build holds them to it."""
from __future__ import annotations

import shutil

import pytest

from accord.settings import SQL_DIR
from accord.warehouse.build import discover_models


@pytest.fixture
def sql_dir(tmp_path):
    shutil.copytree(SQL_DIR, tmp_path / "sql")
    return tmp_path / "sql"


def test_every_model_comes_after_what_it_declares():
    ordered = [m.name for m in discover_models()]
    for model in discover_models():
        for name in model.depends_on:
            if name in ordered:
                assert ordered.index(name) < ordered.index(model.name), (model.name, name)


def test_marts_read_only_intermediates_and_staging():
    layers = {m.name: m.layer for m in discover_models()}
    for model in discover_models():
        if model.layer == "marts":
            assert {layers.get(n) for n in model.depends_on} <= {"staging", "intermediate"}, model.name


def test_a_read_left_out_of_the_header_is_refused(sql_dir):
    model = sql_dir / "marts" / "quotes.sql"
    model.write_text(model.read_text() + "\nwhere article_id in (select article_id from stg_articles)")
    with pytest.raises(ValueError, match=r"marts/quotes.sql: reads \['stg_articles'\] without declaring"):
        discover_models(sql_dir)


def test_a_mart_reading_a_mart_is_refused(sql_dir):
    model = sql_dir / "marts" / "topic_trends.sql"
    text = model.read_text().replace("-- depends on: int_statements", "-- depends on: int_statements, speakers")
    model.write_text(text + "\ncross join speakers")
    with pytest.raises(ValueError, match="a marts model may not read marts speakers"):
        discover_models(sql_dir)


def test_a_model_without_a_header_is_refused(sql_dir):
    model = sql_dir / "marts" / "fetch_log.sql"
    model.write_text(model.read_text().replace("-- depends on: stg_fetch_log\n", ""))
    with pytest.raises(ValueError, match="fetch_log.sql: no `-- depends on:` header"):
        discover_models(sql_dir)
