"""Checks made before a flow starts, and so before Prefect's server does: arguments, paths and
config files. A mistake found here would fail every attempt of a task alike, so it is reported
at once, one line per problem naming the file and line, and the command exits with status 2.
"""
from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from accord import settings, storage

EXIT_STATUS = 2


class Refused(Exception):
    """What stops a command before it starts, as lines of `file:line: problem` or `--option: problem`."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


# the data directory: where a run writes

def writable_data_dir(data_dir: str | None) -> str:
    """The data directory as a flow takes it, once its local folder (the directory itself, or a
    remote one's cache) exists and takes files, as do the folders of it that already exist."""
    location = storage.resolve(data_dir)
    what = f"--data-dir {location.url}: its local cache" if location.is_remote else "--data-dir"
    folder = location.local
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if existing is not None and not existing.is_dir():
        where = "is a file" if existing == folder else f"is inside {existing}, which is a file"
        raise Refused([f"{what} {folder} {where}, not a folder"])
    for sub in (folder, *(folder / name for name in storage.IMMUTABLE + storage.MUTABLE)):
        if sub != folder and not sub.exists():
            continue
        if sub.exists() and not sub.is_dir():
            raise Refused([f"{what} {folder}: {sub} is a file, not a folder"])
        problem = _unwritable(sub)
        if problem:
            raise Refused([f"{what} {sub} is not writable: {problem}"])
    return location.url


def writable_file(path: Path, option: str) -> None:
    """A file a command will write (created with its folders if need be)."""
    existing = next((p for p in (path.parent, *path.parent.parents) if p.exists()), None)
    if path.is_dir():
        raise Refused([f"{option} {path} is a folder, not a file"])
    if existing is not None and not existing.is_dir():
        raise Refused([f"{option} {path}: {existing} is a file, not a folder"])
    problem = _unwritable(path.parent)
    if problem:
        raise Refused([f"{option} {path}: its folder is not writable: {problem}"])


def _unwritable(folder: Path) -> str | None:
    """Why no file can be written in `folder` (made if missing), else None. Tried rather than
    asked of os.access, which answers yes to root on a read-only mount."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    return None


# arguments

def date_range(since: date, until: date) -> None:
    if until < since:
        raise Refused([f"--until {until} is before --since {since}: the range would hold no day"])


def sources(specs: list[str] | None) -> None:
    """`--source` arguments, else the sources file, as the flow will read them."""
    from accord.scrape.sources import check_sources, detect_source

    if not specs:
        problems = check_sources(settings.sources_file())
        if problems:
            raise Refused(problems)
        return
    problems = []
    for spec in specs:
        try:
            detect_source(spec)
        except ValueError as exc:
            local = "://" not in spec and not spec.startswith("{{")
            missing = local and not Path(spec).expanduser().exists()
            problems.append(f"--source {spec}: no such file or folder" if missing else f"--source: {exc}")
    if problems:
        raise Refused(problems)


def environment() -> None:
    """Settings the flow reads from the environment."""
    try:
        settings.parse_deadline()
    except ValueError as exc:
        raise Refused([str(exc)]) from None


# the config files the parser reads (speakers, topics, institutions, places)

Check = Callable[[object], str | None]


def _text(value) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be a non-empty string"


def _texts(value) -> str | None:
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return None
    return "must be a list of non-empty strings"


def _flag(value) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def _text_table(value) -> str | None:
    if isinstance(value, dict) and all(isinstance(v, str) and v.strip() for v in value.values()):
        return None
    return "must be a table of strings"


def _one_of(*choices: str) -> Check:
    def check(value) -> str | None:
        return None if value in choices else f"must be one of {', '.join(map(repr, choices))}, not {value!r}"
    return check


def _regexes(value) -> str | None:
    problem = _texts(value)
    if problem:
        return problem
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as exc:
            return f"{pattern!r} is not a valid regular expression: {exc}"
    return None


@dataclass(frozen=True)
class Tables:
    """An array of tables ([[name]]): the keys each may hold, those it must, and one that is unique."""

    keys: dict[str, Check]
    required: tuple[str, ...] = ()
    unique: str | None = None


@dataclass(frozen=True)
class Schema:
    file: str
    keys: dict[str, Check | Tables] = field(default_factory=dict)
    optional: bool = False  # a missing file reads as empty


SCHEMAS = (
    Schema("speakers.toml", {"speakers": Tables(
        {"name": _text, "aliases": _texts, "role": _text, "affiliation": _text,
         "kind": _one_of("person", "organisation", "country"), "gender": _one_of("m", "f")},
        required=("name",), unique="name")}),
    Schema("topics.toml", {"topics": Tables(
        {"name": _text, "keywords": _texts, "patterns": _regexes, "parent": _text},
        required=("name",), unique="name")}),
    Schema("institutions.toml", {
        "institutions": Tables({"names": _texts, "affiliation": _text, "in_role": _flag},
                               required=("names", "affiliation")),
        "offices": Tables({"titles": _texts, "affiliation": _text}, required=("titles", "affiliation")),
        "parties": _text_table,
        "portfolios": _texts,
    }, optional=True),
    Schema("places.toml", {"places": _texts, "capitals": _text_table, "state_abbreviations": _text_table},
           optional=True),
)


def knowledge() -> None:
    """The parser's config files, each against its schema, then loaded as a parse loads them."""
    problems = []
    for schema in SCHEMAS:
        problems += config_problems(schema)
    if problems:
        raise Refused(problems)
    from accord.transforms.analysis.topics import Taxonomy
    from accord.transforms.speech.speaker_registry import SpeakerRegistry

    folder = settings.config_dir()
    try:
        Taxonomy.from_entries(settings.topic_entries())
    except Exception as exc:  # whatever the loader refuses, named with its file
        problems.append(f"{folder / 'topics.toml'}: {exc}")
    try:
        SpeakerRegistry.from_entries(settings.speaker_entries(), settings.institution_entries(),
                                     settings.place_entries())
    except Exception as exc:
        problems.append(f"{folder}/{{speakers,institutions,places}}.toml: {exc}")
    if problems:
        raise Refused(problems)


def config_problems(schema: Schema) -> list[str]:
    path = settings.config_dir() / schema.file
    if not path.exists():
        return [] if schema.optional else [f"{path}: missing (set $ACCORD_CONFIG_DIR to the folder holding it)"]
    try:
        data = settings.read_toml(schema.file)
        text = path.read_text(encoding="utf-8")
    except settings.ConfigError as exc:
        return [str(exc)]
    except OSError as exc:
        return [f"{path}: cannot read: {exc.strerror or exc}"]
    lines = _Lines(text)
    problems = []
    for key, value in data.items():
        check = schema.keys.get(key)
        line = lines.top(key)
        if check is None:
            problems.append(f"{path}:{line}: unknown key {key!r}; known keys: {', '.join(schema.keys)}")
        elif isinstance(check, Tables):
            problems += [f"{path}:{n}: {p}" for n, p in _table_problems(key, value, check, lines, line)]
        else:
            problem = check(value)
            if problem:
                problems.append(f"{path}:{line}: {key} {problem}")
    return problems


def _table_problems(key: str, value, tables: Tables, lines: _Lines, line: int) -> list[tuple[int, str]]:
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        return [(line, f"{key} must be tables, each under a [[{key}]] header")]
    problems, seen = [], {}
    starts = lines.headers(key)
    for index, entry in enumerate(value):
        start = starts[index] if index < len(starts) else line
        label = f"[[{key}]] #{index + 1}"
        for name in tables.required:
            if name not in entry:
                problems.append((start, f"{label} needs {name}"))
        for name, item in entry.items():
            at = lines.within(start, name)
            check = tables.keys.get(name)
            problem = (f"unknown key {name!r}; known keys: {', '.join(tables.keys)}" if check is None
                       else check(item))
            if problem:
                problems.append((at, f"{label}: {name} {problem}" if check else f"{label}: {problem}"))
        unique = entry.get(tables.unique) if tables.unique else None
        if isinstance(unique, str):
            if unique in seen:
                problems.append((lines.within(start, tables.unique),
                                 f"{label}: {tables.unique} {unique!r} is already used at line {seen[unique]}"))
            else:
                seen[unique] = start
    return problems


class _Lines:
    """Line numbers (1-based) of keys and headers in a TOML file's text, for messages; the
    first line when a key cannot be placed (e.g. inside an inline table)."""

    def __init__(self, text: str):
        self.lines = text.splitlines()

    def _find(self, regex: str, start: int = 1, stop_at_header: bool = False) -> int | None:
        pattern = re.compile(regex)
        for number in range(start, len(self.lines) + 1):
            line = self.lines[number - 1]
            if stop_at_header and number > start and line.lstrip().startswith("["):
                return None
            if pattern.match(line):
                return number
        return None

    def top(self, key: str) -> int:
        """A top-level key: assigned before the first header, or a header of its own."""
        name = re.escape(key)
        first_header = self._find(r"\s*\[") or len(self.lines) + 1
        assigned = self._find(rf"\s*[\"']?{name}[\"']?\s*=")
        return ((assigned if assigned is not None and assigned < first_header else None)
                or self._find(rf"\s*\[\[?\s*[\"']?{name}[\"']?\s*\]") or 1)

    def headers(self, key: str) -> list[int]:
        pattern = re.compile(rf"\s*\[\[\s*[\"']?{re.escape(key)}[\"']?\s*\]\]")
        return [n for n, line in enumerate(self.lines, 1) if pattern.match(line)]

    def within(self, start: int, key: str) -> int:
        return self._find(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=", start, stop_at_header=True) or start
