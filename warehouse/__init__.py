"""Storage at the edge: the Parquet lake, the DuckDB warehouse and its SQL models."""
