"""Sources: the TOML sources file, its checker, and `--source` kind detection."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

KINDS = ("feed", "sitemap", "page", "listing", "urls", "warc", "folder", "auto")
NETWORK_KINDS = ("feed", "sitemap", "page", "listing", "auto")
LOCAL_KINDS = ("warc", "folder")
SAMPLE_SITE = "{{SAMPLE_SITE}}"
WARC_SUFFIXES = (".warc", ".warc.gz")

# option -> (accepted types, description used in problems)
OPTIONS: dict[str, tuple[tuple[type, ...], str]] = {
    "rate": ((int, float), "a positive number of requests per second"),
    "allowed_domains": ((list,), "a list of domain names"),
    "user_agent": ((str,), "a string"),
    "link_pattern": ((str,), "a regular expression"),
    "max_pages": ((int,), "a positive integer"),
    "url_template": ((str,), "an http(s) URL with a {date:...} field, e.g. https://example.org/{date:%Y/%m/%d}/"),
    "allow_link_local": ((bool,), "true or false"),
}


@dataclass
class Source:
    name: str
    kind: str  # one of KINDS
    location: str  # URL or local path
    options: dict = field(default_factory=dict)


class SourcesError(ValueError):
    """An invalid sources file; `problems` name their lines."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def load_sources(path) -> list[Source]:
    """The sources of a TOML sources file; SourcesError lists every problem."""
    sources, problems = _read(Path(path))
    if problems:
        raise SourcesError(problems)
    return sources


def check_sources(path) -> list[str]:
    """Problems in a sources file, each naming its line; empty when the file is valid."""
    return _read(Path(path))[1]


def detect_source(spec: str) -> Source:
    """A source from a URL or a local path. A URL's kind is "auto": decided by sniffing its content."""
    if spec.startswith("file://"):
        spec = urlsplit(spec).path
    scheme = urlsplit(spec).scheme.lower()
    if scheme in ("http", "https") or spec.startswith(SAMPLE_SITE):
        host = urlsplit(spec).hostname or "sample-site"
        return Source(name=host, kind="auto", location=spec)
    path = Path(spec).expanduser()
    if path.is_dir():
        return Source(name=path.resolve().name or "folder", kind="folder", location=str(path))
    if path.is_file():
        if path.name.lower().endswith(WARC_SUFFIXES):
            return Source(name=path.name, kind="warc", location=str(path))
        if _is_url_list(path):
            return Source(name=path.stem, kind="urls", location=str(path))
        if path.suffix.lower() in (".html", ".htm", ".txt"):
            return Source(name=path.stem, kind="folder", location=str(path))
    raise ValueError(f"{spec!r} is neither an http(s) URL nor a folder, WARC, URL list or HTML file")


def uses_sample_site(sources: list[Source]) -> bool:
    return any(SAMPLE_SITE in source.location for source in sources)


def bind_sample_site(sources: list[Source], base_url: str) -> list[Source]:
    """The sources with {{SAMPLE_SITE}} replaced by the served sample site's base URL."""
    base = base_url.rstrip("/")
    return [replace(source, location=source.location.replace(SAMPLE_SITE, base)) for source in sources]


def _is_url_list(path: Path) -> bool:
    try:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    except (OSError, UnicodeDecodeError):
        return False
    lines = [line for line in lines if line and not line.startswith("#")]
    return bool(lines) and all(urlsplit(line).scheme in ("http", "https") for line in lines)


def _read(path: Path) -> tuple[list[Source], list[str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"{path}: cannot read: {exc}"]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return [], [f"{path}: {exc}"]
    lines = text.splitlines()
    problems: list[str] = []
    for key in data:
        if key not in ("source", "defaults"):
            problems.append(f"{path}:{_key_line(lines, 0, key)}: unknown top-level key {key!r}")
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict):
        problems.append(f"{path}:{_key_line(lines, 0, 'defaults')}: [defaults] must be a table")
        defaults = {}
    defaults_line = _header_lines(lines, r"\[\s*defaults\s*\]")
    for key, value in defaults.items():
        line = _key_line(lines, defaults_line[0] if defaults_line else 0, key)
        problems += [f"{path}:{line}: {p}" for p in _option_problems(key, value)]
    entries = data.get("source", [])
    if not isinstance(entries, list):
        return [], problems + [f"{path}:{_key_line(lines, 0, 'source')}: sources are [[source]] tables"]
    starts = _header_lines(lines, r"\[\[\s*source\s*\]\]")
    sources, names = [], {}
    for index, entry in enumerate(entries):
        start = starts[index] if index < len(starts) else 0
        where = f"{path}:{start + 1}"
        found = []
        for key in ("name", "kind", "location"):
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                found.append(f"{where}: source #{index + 1} needs a {key} (a non-empty string)")
        name, kind, location = entry.get("name"), entry.get("kind"), entry.get("location")
        if isinstance(name, str) and name in names:
            found.append(f"{path}:{_key_line(lines, start, 'name')}: duplicate source name {name!r} "
                         f"(first at line {names[name]})")
        elif isinstance(name, str):
            names[name] = start + 1
        if isinstance(kind, str) and kind not in KINDS:
            found.append(f"{path}:{_key_line(lines, start, 'kind')}: unknown kind {kind!r}; "
                         f"expected one of {', '.join(KINDS)}")
        if isinstance(kind, str) and isinstance(location, str):
            problem = _location_problem(kind, location)
            if problem:
                found.append(f"{path}:{_key_line(lines, start, 'location')}: {problem}")
        options = dict(defaults)
        for key, value in entry.items():
            if key in ("name", "kind", "location"):
                continue
            found += [f"{path}:{_key_line(lines, start, key)}: {p}" for p in _option_problems(key, value)]
            options[key] = value
        if kind == "listing" and "link_pattern" not in options:
            found.append(f"{where}: a listing source needs a link_pattern")
        problems += found
        if not found:
            sources.append(Source(name=name, kind=kind, location=location, options=options))
    return sources, problems


def _option_problems(key: str, value) -> list[str]:
    if key not in OPTIONS:
        return [f"unknown option {key!r}; known options: {', '.join(OPTIONS)}"]
    types, expected = OPTIONS[key]
    ok = isinstance(value, types) and (bool in types or not isinstance(value, bool))
    if ok and key in ("rate", "max_pages"):
        ok = value > 0
    elif ok and key == "allowed_domains":
        ok = all(isinstance(item, str) and item.strip() for item in value)
    elif ok and key == "link_pattern":
        try:
            re.compile(value)
        except re.error as exc:
            return [f"link_pattern is not a valid regular expression: {exc}"]
    elif ok and key == "url_template":
        try:
            url = value.format(date=date(2000, 1, 2))
        except (KeyError, IndexError, ValueError):
            url = ""
        ok = url != value and urlsplit(url).scheme in ("http", "https")
    return [] if ok else [f"{key} must be {expected}, not {value!r}"]


def _location_problem(kind: str, location: str) -> str | None:
    scheme = urlsplit(location).scheme.lower()
    is_url = scheme in ("http", "https") or location.startswith(SAMPLE_SITE)
    if kind in NETWORK_KINDS:
        return None if is_url else f"a {kind} source needs an http(s) URL, not {location!r}"
    if kind == "urls" and is_url:
        return None
    if scheme and len(scheme) > 1:
        return f"a {kind} source needs a local path, not a {scheme} URL"
    if not Path(location).expanduser().exists():
        return f"{location!r} does not exist (relative paths are relative to the working directory)"
    return None


def _header_lines(lines: list[str], pattern: str) -> list[int]:
    regex = re.compile(rf"^\s*{pattern}\s*(#.*)?$")
    return [number for number, line in enumerate(lines) if regex.match(line)]


def _key_line(lines: list[str], start: int, key: str) -> int:
    """1-based line of `key = ...` at or after `start`, before the next table header."""
    regex = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for number in range(start, len(lines)):
        if number > start and lines[number].lstrip().startswith("["):
            break
        if regex.match(lines[number]):
            return number + 1
    return start + 1
