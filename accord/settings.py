"""Where things live: the data directory, the user's config files and the bundled sample site."""
from __future__ import annotations

import os
import tomllib
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = PROJECT_ROOT / "sql"
SAMPLE_SITE_DIR = PROJECT_ROOT / "samples" / "site"


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """`--data-dir`, else $ACCORD_DATA_DIR, else ./data."""
    chosen = explicit or os.environ.get("ACCORD_DATA_DIR") or "data"
    return Path(chosen).expanduser().resolve()


def config_dir() -> Path:
    """$ACCORD_CONFIG_DIR, else the repository's config/ folder."""
    return Path(os.environ.get("ACCORD_CONFIG_DIR") or PROJECT_ROOT / "config")


def read_toml(name: str) -> dict:
    with open(config_dir() / name, "rb") as handle:
        return tomllib.load(handle)


def speaker_entries() -> list[dict]:
    return read_toml("speakers.toml").get("speakers", [])


def institution_entries() -> dict:
    """config/institutions.toml (institutions, parties, portfolios, offices); empty when absent."""
    return read_optional_toml("institutions.toml")


def place_entries() -> dict:
    """config/places.toml (places, capitals, state abbreviations); empty when absent."""
    return read_optional_toml("places.toml")


def read_optional_toml(name: str) -> dict:
    try:
        return read_toml(name)
    except FileNotFoundError:
        return {}


def topic_entries() -> list[dict]:
    return read_toml("topics.toml").get("topics", [])


def sources_file() -> Path:
    return config_dir() / "sources.toml"
