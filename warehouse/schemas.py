"""One pyarrow schema per table: the lake writer, the DuckDB loader and the tests all use these.

Tables partitioned by publication date carry `published_date` (the Hive partition key);
the run tables carry `run_date`. A column added later must be nullable, so that older
Parquet files, which lack it, still read (the loader fills it with NULL).
"""
from __future__ import annotations

import pyarrow as pa

TS = pa.timestamp("us")
STRINGS = pa.list_(pa.string())

ARTICLES = pa.schema([
    ("article_id", pa.string()),
    ("url", pa.string()),
    ("canonical_url", pa.string()),
    ("source", pa.string()),
    ("title", pa.string()),
    ("authors", STRINGS),
    ("published_at", TS),  # wall-clock time as the page declares it, zone dropped
    ("modified_at", TS),
    ("text", pa.string()),
    ("language", pa.string()),
    ("site_name", pa.string()),
    ("fetched_at", TS),
    ("content_hash", pa.string()),
    ("parser_version", pa.string()),
    ("run_id", pa.string()),
    ("published_date", pa.date32()),
])

QUOTES = pa.schema([
    ("quote_id", pa.string()),
    ("article_id", pa.string()),
    ("speaker", pa.string()),
    ("speaker_mention", pa.string()),
    ("kind", pa.string()),
    ("text", pa.string()),
    ("cue", pa.string()),
    ("sentence", pa.string()),
    ("topics", STRINGS),
    ("section", pa.string()),
    ("start_char", pa.int32()),
    ("end_char", pa.int32()),
    ("stance", pa.string()),
    ("in_title", pa.bool_()),  # a headline's claim: start_char/end_char point into articles.title
    ("run_id", pa.string()),
    ("published_date", pa.date32()),
])

ARTICLE_SPEAKERS = pa.schema([
    ("article_id", pa.string()),
    ("speaker", pa.string()),
    ("role", pa.string()),
    ("affiliation", pa.string()),
    ("aliases", STRINGS),
    ("kind", pa.string()),
    ("run_id", pa.string()),
    ("published_date", pa.date32()),
])

AGREEMENTS = pa.schema([
    ("agreement_id", pa.string()),
    ("article_id", pa.string()),
    ("topic", pa.string()),
    ("party_a", pa.string()),
    ("party_b", pa.string()),
    ("relation", pa.string()),
    ("level", pa.string()),
    ("evidence", pa.string()),
    ("kind", pa.string()),  # agree | endorse | disagree | reject | criticize
    ("directed", pa.bool_()),  # party_a acts toward party_b
    ("cue", pa.string()),  # the words that state the relation
    ("start_char", pa.int64()),  # evidence offsets into articles.text
    ("end_char", pa.int64()),
    ("cue_start", pa.int64()),  # cue offsets into articles.text, where the cue is written there
    ("cue_end", pa.int64()),
    ("country_a", pa.string()),  # the state a party speaks for (an official, a government), if any
    ("country_b", pa.string()),
    ("run_id", pa.string()),
    ("published_date", pa.date32()),
])

FETCH_LOG = pa.schema([
    ("run_id", pa.string()),
    ("source", pa.string()),
    ("url", pa.string()),
    ("final_url", pa.string()),
    ("status", pa.string()),  # fetched | not_modified | failed | skipped | recovered (from an earlier run's archive)
    ("http_status", pa.int32()),
    ("error", pa.string()),
    ("bytes", pa.int64()),
    ("elapsed_ms", pa.float64()),
    ("attempts", pa.int32()),
    ("fetched_at", TS),
    ("run_date", pa.date32()),
])

PARSE_LOG = pa.schema([
    ("run_id", pa.string()),
    ("url", pa.string()),
    ("article_id", pa.string()),
    ("status", pa.string()),  # parsed | failed
    ("error", pa.string()),
    ("parser_version", pa.string()),
    ("parsed_at", TS),
    ("run_date", pa.date32()),
])

# lake table name -> (schema, partition column)
TABLES: dict[str, tuple[pa.Schema, str]] = {
    "articles": (ARTICLES, "published_date"),
    "quotes": (QUOTES, "published_date"),
    "article_speakers": (ARTICLE_SPEAKERS, "published_date"),
    "agreements": (AGREEMENTS, "published_date"),
    "fetch_log": (FETCH_LOG, "run_date"),
    "parse_log": (PARSE_LOG, "run_date"),
}

# per-article tables: re-parsing an article replaces its rows in each of these
ARTICLE_TABLES = ("articles", "quotes", "article_speakers", "agreements")
