"""Where things live: the data directory, the user's config files and the bundled sample site."""
from __future__ import annotations

import math
import os
import re
import tomllib
from importlib.resources import files
from pathlib import Path


def bundled(package: str) -> Path:
    """The folder of a data package shipped with Accord (accord.sql, accord.config,
    accord.samples): the checkout's folder in an editable install, its copy in site-packages
    in an installed wheel."""
    return Path(str(files(package)))


# the checkout, for what only a checkout has (bench/, ../shared); never for what a wheel ships
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = bundled("accord.sql")
SAMPLE_SITE_DIR = bundled("accord.samples") / "site"


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """`--data-dir`, else $ACCORD_DATA_DIR, else ./data."""
    chosen = explicit or os.environ.get("ACCORD_DATA_DIR") or "data"
    return Path(chosen).expanduser().resolve()


def config_dir() -> Path:
    """$ACCORD_CONFIG_DIR, else the default config shipped with Accord (accord.config)."""
    return Path(os.environ.get("ACCORD_CONFIG_DIR") or bundled("accord.config"))


class ConfigError(ValueError):
    """A config file that cannot be used; the message starts with `file:line:` where the line is known."""


def read_toml(name: str) -> dict:
    path = config_dir() / name
    data = path.read_bytes()
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(toml_problem(path, exc, len(data.splitlines()) or 1)) from None


def toml_problem(path: Path, exc: tomllib.TOMLDecodeError, last_line: int) -> str:
    """`file:line: problem (column n)`, the form editors jump to; tomllib puts the position at
    the end of its message."""
    text = str(exc)
    at = re.search(r" \(at line (\d+), column (\d+)\)$", text)
    if at:
        return f"{path}:{at[1]}: invalid TOML: {text[:at.start()]} (column {at[2]})"
    at = re.search(r" \(at end of document\)$", text)
    if at:
        return f"{path}:{last_line}: invalid TOML: {text[:at.start()]} at the end of the file"
    return f"{path}: invalid TOML: {text}"


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


DEFAULT_PARSE_DEADLINE = 60.0


def parse_deadline() -> float:
    """Seconds one page may take to parse before its worker process is killed and the page
    recorded as failed: $ACCORD_PARSE_DEADLINE, else 60. Real pages take milliseconds; the
    deadline is there for the page that makes a rule backtrack for hours."""
    text = os.environ.get("ACCORD_PARSE_DEADLINE") or str(DEFAULT_PARSE_DEADLINE)
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < math.inf:  # also refuses nan
        raise ValueError(f"ACCORD_PARSE_DEADLINE must be a finite number of seconds above 0, not {text!r}")
    return seconds
