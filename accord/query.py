"""Read-only access to the warehouse for analysts: one query, or an interactive shell."""
from __future__ import annotations

import csv
import datetime
import decimal
import json
import sys
from pathlib import Path
from typing import TextIO

import duckdb

FORMATS = ("table", "csv", "json")
# statements that only read; DESCRIBE, SHOW and SUMMARIZE parse as SELECT
READING = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


class NotReadOnly(ValueError):
    """A statement other than a query: the warehouse is rebuilt from the lake, never edited."""


class Unreadable(Exception):
    """The warehouse file is damaged (truncated, overwritten, not a DuckDB file). It holds
    nothing the lake lacks, so the way out is a rebuild."""

    def __init__(self, warehouse: Path, error: duckdb.Error):
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        super().__init__(f"{warehouse} is unreadable ({reason}); rebuild it from the lake with "
                         f"`accord reprocess`, or the next `accord run` rebuilds it")


def damaged(error: duckdb.Error) -> bool:
    """An error of the file itself rather than of a query. DuckDB reports a bad checksum as a
    plain duckdb.Error; a file it cannot open or read as an IOException (a lock held by a
    writer is one too, but no damage)."""
    text = str(error)
    if isinstance(error, duckdb.IOException):
        return "lock" not in text.lower()
    return isinstance(error, duckdb.SerializationException) or text.startswith("Corrupt database file")


def connect(warehouse: Path) -> duckdb.DuckDBPyConnection:
    """Read-only, and without file access: COPY TO, ATTACH or read_csv could otherwise write
    or read files beside the warehouse."""
    if not warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse}: run `accord run` first")
    try:
        return duckdb.connect(str(warehouse), read_only=True, config={"enable_external_access": False})
    except duckdb.Error as exc:
        if damaged(exc):
            raise Unreadable(warehouse, exc) from None
        raise


def execute(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[list[str], list[tuple]]:
    """Columns and rows of the last statement in `sql`; every statement must be a query."""
    statements = duckdb.extract_statements(sql)
    for statement in statements:
        if statement.type not in READING:
            raise NotReadOnly(f"only queries may run on the warehouse, not {statement.type.name}: "
                              f"{statement.query.strip()[:60]}")
    columns, rows = [], []
    for statement in statements:
        result = con.execute(statement)
        columns = [d[0] for d in result.description] if result.description else []
        rows = result.fetchall()
    return columns, rows


def jsonable(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def write_result(columns: list[str], rows: list[tuple], fmt: str, out: TextIO = sys.stdout) -> None:
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")  # Unix lines, for shell pipelines
        writer.writerow(columns)
        writer.writerows(rows)
    elif fmt == "json":
        records = [{c: jsonable(v) for c, v in zip(columns, row, strict=True)} for row in rows]
        json.dump(records, out, ensure_ascii=False, indent=1, default=str)
        out.write("\n")
    else:
        out.write(render_table(columns, rows) + "\n")


def render_table(columns: list[str], rows: list[tuple], max_width: int = 60) -> str:
    def cell(value) -> str:
        text = "" if value is None else str(value)
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"

    def fmt(values):
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    body = [fmt(r) for r in cells]
    return "\n".join([line, fmt(columns), line, *body, line, f"({len(rows)} rows)"])


def run_query(warehouse: Path, sql: str, fmt: str = "table", out: TextIO = sys.stdout,
              err: TextIO = sys.stderr) -> int:
    """Print the query's result; a refused or failing statement is reported, exit status 1."""
    con = connect(warehouse)
    try:
        columns, rows = execute(con, sql)
    except duckdb.Error as exc:
        err.write(f"accord query: {Unreadable(warehouse, exc) if damaged(exc) else exc}\n")
        return 1
    except NotReadOnly as exc:
        err.write(f"accord query: {exc}\n")
        return 1
    finally:
        con.close()
    write_result(columns, rows, fmt, out)
    return 0


def shell(warehouse: Path, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout) -> int:
    """A small read-only SQL prompt: statements end with `;`, `.tables` lists tables, `.quit` leaves."""
    con = connect(warehouse)
    interactive = stdin.isatty()
    buffer: list[str] = []
    if interactive:
        out.write(f"accord shell on {warehouse} (read-only). End statements with ';'. .tables, .quit\n")
    try:
        while True:
            if interactive:
                out.write("accord> " if not buffer else "   ...> ")
                out.flush()
            line = stdin.readline()
            if not line:
                break
            stripped = line.strip()
            if not buffer and stripped in (".quit", ".exit"):
                break
            if not buffer and stripped == ".tables":
                names = [r[0] for r in con.execute("select table_name from information_schema.tables "
                                                   "order by table_name").fetchall()]
                out.write("  ".join(names) + "\n")
                continue
            buffer.append(line)
            if not stripped.endswith(";"):
                continue
            sql, buffer = "".join(buffer), []
            try:
                write_result(*execute(con, sql), "table", out)
            except duckdb.Error as exc:
                out.write(f"error: {Unreadable(warehouse, exc) if damaged(exc) else exc}\n")
            except NotReadOnly as exc:
                out.write(f"error: {exc}\n")
    finally:
        con.close()
    return 0
