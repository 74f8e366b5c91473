"""Build warehouse.duckdb from the lake: raw tables, then the SQL models, then the data checks.

Between the staging models and the rest, the near-duplicate grouper (Python) links each
article to its story, which the later models use to count syndicated copies once.

The new database is built beside the old one and swapped in with an atomic rename, so an
analyst's read-only connection never meets a lock or a half-built table, and a failed build
or check leaves yesterday's warehouse in place.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from accord.settings import SQL_DIR
from accord.transforms.page.near_duplicates import group_near_duplicates
from accord.warehouse import lake
from accord.warehouse.schemas import TABLES

WAREHOUSE_FILE = "warehouse.duckdb"
LAYERS = ("staging", "intermediate", "marts")
AUDITED_PAIRS = 2_000

# (article_id, text) pairs in, article_id -> its group's representative article_id out
Grouper = Callable[[Iterable[tuple[str, str]]], dict[str, str]]


class DataCheckFailed(RuntimeError):
    """A SQL data check returned rows: the new warehouse was not swapped in."""


@dataclass(frozen=True)
class Model:
    name: str
    layer: str
    sql: str

    @property
    def materialized(self) -> str:
        """`table`, or `view` when its header says `-- materialized: view`: for models too large
        to store whole that analysts read a slice of at a time."""
        return "view" if re.search(r"^--\s*materialized:\s*view\b", self.sql, re.MULTILINE) else "table"

    @property
    def depends_on(self) -> tuple[str, ...]:
        """The models and raw tables its header declares it reads: `-- depends on: a, b`."""
        declared = re.search(r"^--\s*depends on:([^\n]*)", self.sql, re.MULTILINE)
        if declared is None:
            raise ValueError(f"{self.layer}/{self.name}.sql: no `-- depends on:` header")
        return tuple(name for name in re.split(r"[\s,]+", declared[1]) if name)


def warehouse_path(data_dir: Path) -> Path:
    return data_dir / WAREHOUSE_FILE


def duck_type(arrow_type) -> str:
    import pyarrow as pa
    if pa.types.is_list(arrow_type):
        return duck_type(arrow_type.value_type) + "[]"
    return {
        "string": "VARCHAR", "int32": "INTEGER", "int64": "BIGINT", "double": "DOUBLE",
        "date32[day]": "DATE", "timestamp[us]": "TIMESTAMP", "bool": "BOOLEAN",
    }[str(arrow_type)]


def load_raw(con: duckdb.DuckDBPyConnection, data_dir: Path) -> None:
    """raw_<table> for each lake table, typed by its schema, holding committed runs only."""
    runs = lake.committed_runs(data_dir)
    con.execute("create table committed_runs (run_id varchar primary key)")
    if runs:
        con.executemany("insert into committed_runs values (?)", [[r] for r in runs])
    for table, (schema, _) in TABLES.items():
        columns = ", ".join(f'"{f.name}" {duck_type(f.type)}' for f in schema)
        con.execute(f"create table raw_{table} ({columns})")
        files = lake.table_files(data_dir, table)
        if not files:
            continue
        # union_by_name: files written before a column existed read it as NULL
        select = ", ".join(f'cast("{f.name}" as {duck_type(f.type)})' for f in schema)
        con.execute(
            f"insert into raw_{table} select {select} from read_parquet(?, hive_partitioning = true, "
            f"union_by_name = true) where run_id in (select run_id from committed_runs)",
            [[str(f) for f in files]],
        )


def load_near_duplicates(con: duckdb.DuckDBPyConnection, group_articles: Grouper) -> None:
    """near_duplicates(article_id, group_id) from the texts of stg_articles: the one table the
    models read that SQL does not make. Articles the grouper leaves out stand alone."""
    result = con.execute("select article_id, text from stg_articles order by article_id")

    def articles() -> Iterator[tuple[str, str]]:
        while batch := result.fetchmany(10_000):
            yield from batch

    groups = group_articles(articles())
    con.register("grouped", pa.table({"article_id": pa.array(list(groups), pa.string()),
                                      "group_id": pa.array(list(groups.values()), pa.string())}))
    con.execute("create table near_duplicates as select article_id, group_id from grouped")
    con.unregister("grouped")


def discover_models(sql_dir: Path = SQL_DIR) -> list[Model]:
    """Every model file, ordered so that each comes after the models it declares it reads; a
    declaration that misses a table the SQL reads, names one it does not, or reads against the
    layers (staging <- raw, intermediate <- staging, marts <- intermediate and staging) is refused."""
    models = {p.stem: Model(p.stem, layer, p.read_text().strip().rstrip(";"))
              for layer in LAYERS for p in sorted((sql_dir / layer).glob("*.sql"))}
    sources = {f"raw_{table}" for table in TABLES} | {"near_duplicates"}
    for model in models.values():
        check_dependencies(model, models, sources)
    ordered: list[Model] = []
    visiting: set[str] = set()

    def visit(model: Model) -> None:
        if model in ordered:
            return
        if model.name in visiting:
            raise ValueError(f"models depend on each other in a cycle through {model.name}")
        visiting.add(model.name)
        for name in model.depends_on:
            if name in models:
                visit(models[name])
        visiting.discard(model.name)
        ordered.append(model)

    for model in models.values():
        visit(model)
    return ordered


# which layers each layer may read; `source` is a raw table or the near-duplicate grouping
READS = {"staging": {"source", "staging"}, "intermediate": {"source", "staging", "intermediate"},
         "marts": {"staging", "intermediate"}}


def check_dependencies(model: Model, models: dict[str, Model], sources: set[str]) -> None:
    where = f"{model.layer}/{model.name}.sql"
    declared = set(model.depends_on)
    read = tables_read(model.sql) & (set(models) | sources)
    if unknown := declared - set(models) - sources:
        raise ValueError(f"{where}: depends on unknown {sorted(unknown)}")
    if undeclared := read - declared:
        raise ValueError(f"{where}: reads {sorted(undeclared)} without declaring it in `-- depends on:`")
    if unread := declared - read:
        raise ValueError(f"{where}: declares {sorted(unread)} but does not read it")
    for name in declared:
        layer = models[name].layer if name in models else "source"
        if layer not in READS[model.layer]:
            raise ValueError(f"{where}: a {model.layer} model may not read {layer} {name}")


def tables_read(sql: str) -> set[str]:
    """The names after `from` and `join`, less the query's own CTEs."""
    sql = strip_comments(sql)
    ctes = set(re.findall(r"(?:\bwith|,)\s*(\w+)\s+as\s*(?:not\s+)?(?:materialized\s*)?\(", sql, re.I))
    return set(re.findall(r"\b(?:from|join)\s+(\w+)", sql, re.I)) - ctes


def strip_comments(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)


def run_checks(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> list[str]:
    """Each check is a query that must return no rows; the failures, described."""
    # a check recounting pair_agreement through the agreement_evidence view audits one pair in
    # `audit_every`: every pair of a small warehouse, about AUDITED_PAIRS of a large one, so
    # that its cost stays flat as the corpus grows (a variable, unlike a subquery, lets DuckDB
    # filter the pairs before the view's joins)
    pairs = con.execute("select count(*) from pair_agreement").fetchone()[0]
    con.execute(f"set variable audit_every = {max(1, -(-pairs // AUDITED_PAIRS))}")
    failures = []
    for path in sorted((sql_dir / "checks").glob("*.sql")):
        rows = con.execute(path.read_text()).fetchmany(3)
        if rows:
            failures.append(f"{path.stem}: e.g. {rows}")
    return failures


def build(data_dir: Path, sql_dir: Path = SQL_DIR, group_articles: Grouper = group_near_duplicates) -> Path:
    """Build a fresh warehouse from the lake and swap it in; returns its path."""
    data_dir.mkdir(parents=True, exist_ok=True)
    final = warehouse_path(data_dir)
    building = final.with_name(f".{final.name}.building")
    with lake.exclusive(data_dir):
        # a build killed earlier leaves its half-built file: never swapped in, removed here
        for leftover in (building, building.with_name(building.name + ".wal")):
            leftover.unlink(missing_ok=True)
        con = duckdb.connect(str(building))
        try:
            load_raw(con, data_dir)
            models = discover_models(sql_dir)
            # staging reads only raw tables, and the grouping reads staging: staging goes first
            for model in [m for m in models if m.layer == "staging"]:
                con.execute(f"create {model.materialized} {model.name} as {model.sql}")
            load_near_duplicates(con, group_articles)
            for model in [m for m in models if m.layer != "staging"]:
                con.execute(f"create {model.materialized} {model.name} as {model.sql}")
            failures = run_checks(con, sql_dir)
            if failures:
                raise DataCheckFailed("data checks failed: " + "; ".join(failures))
            con.execute("checkpoint")
        finally:
            con.close()
        lake.replace_durably(building, final)
    return final
