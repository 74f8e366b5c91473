"""SQL models and data checks, shipped as package data (accord.sql)."""
