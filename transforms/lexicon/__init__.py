"""The built-in word lists and gazetteers of the transforms, as data: one TOML file a subject
(countries.toml, speakers.toml, ...) in this package, read once and cached.

A list is a TOML array of strings, or, for single words, one string of words separated by white
space; a table maps a name to a string or a list. `words` gives a list as a frozenset (for
membership), `word_list` as a tuple in the file's order (where order matters: the longest of
several titles tried first), `table` a table as a dict in the file's order.

Reading these files is not pipeline I/O: they are part of the code, shipped inside the package
(package data, found through importlib.resources in a checkout and in an installed wheel alike),
versioned with the modules that use them and read once per process, as a module's source is. They
depend on nothing the pipeline is given (pages, config, data directory, environment), so a
transform stays a pure function of its arguments. What a user edits lives in config/ and reaches
the transforms as arguments (the speaker registry, the taxonomy); where config/ names what a list
here names, the config wins (tests/transforms/test_word_lists.py shows where).
"""
from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files


class LexiconError(ValueError):
    """A lexicon file that is missing or not of the expected form; the message names the file."""


def _where(name: str) -> str:
    return f"{__name__}/{name}.toml"


@cache
def lexicon(name: str) -> dict:
    """The whole of `name`.toml, parsed once."""
    resource = files(__name__) / f"{name}.toml"
    try:
        text = resource.read_text("utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{_where(name)}: no such lexicon file") from None
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{_where(name)}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return parse(_where(name), text)


def parse(where: str, text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{where}: invalid TOML: {exc}") from None


def _value(name: str, key: str):
    data = lexicon(name)
    if key not in data:
        raise LexiconError(f"{_where(name)}: no entry {key!r}")
    return data[key]


def entries(value, where: str) -> tuple[str, ...]:
    """A list as written: an array of strings, or one string of words separated by white space."""
    if isinstance(value, str):
        return tuple(value.split())
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise LexiconError(f"{where}: expected a list of strings or a string of words, got {value!r}")


def word_list(name: str, key: str) -> tuple[str, ...]:
    """The list `key` of `name`.toml, in the file's order."""
    return entries(_value(name, key), f"{_where(name)}: {key}")


def words(name: str, key: str) -> frozenset[str]:
    """The list `key` of `name`.toml, as a set."""
    return frozenset(word_list(name, key))


def table(name: str, key: str) -> dict:
    """The table `key` of `name`.toml, in the file's order: name -> string or number, or name ->
    tuple of strings where the file gives a list."""
    value = _value(name, key)
    if not isinstance(value, dict):
        raise LexiconError(f"{_where(name)}: {key} is no table")
    return {k: v if isinstance(v, (str, int)) else entries(v, f"{_where(name)}: {key}.{k}")
            for k, v in value.items()}
