"""Reading a flow run's warehouse in the flow tests."""
from __future__ import annotations

import duckdb


def query(data_dir, sql: str) -> list[tuple]:
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()
