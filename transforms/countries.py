"""Countries and blocs: canonical names, the names that stand for them, and their demonyms.

`NAMES` holds what can stand for the country as a noun (short forms, abbreviations, capitals
and seats of government used as metonyms: "Moscow", "the Kremlin"); the capitals among them are
also in `CAPITALS`, their one source. `DEMONYMS` holds the adjectives ("Russian"). `COUNTRIES`
merges both. Short all-capital aliases ("US", "UN") match only in capitals, so that the pronoun
"us" is no country. The names are data: transforms/lexicon/countries.toml.
"""
from __future__ import annotations

import re

from accord.transforms.lexicon import table, words

# the gazetteer's words are data (transforms/lexicon/countries.toml); config/places.toml `capitals`
# adds to CAPITALS and wins where it names another country (accord.transforms.speech.speaker_registry)
CAPITALS: dict[str, str] = table("countries", "capitals")
_OWN_NAMES: dict[str, tuple[str, ...]] = table("countries", "names")

NAMES: dict[str, tuple[str, ...]] = {
    country: names + tuple(capital for capital, of in CAPITALS.items() if of == country)
    for country, names in _OWN_NAMES.items()
}

DEMONYMS: dict[str, tuple[str, ...]] = table("countries", "demonyms")

COUNTRIES: dict[str, tuple[str, ...]] = {
    country: names + DEMONYMS.get(country, ()) for country, names in NAMES.items()
}

# names that are as often a US state, a surname or a common noun count only as a whole mention
AMBIGUOUS = words("countries", "ambiguous")

_SPACE = re.compile(r"\s+")


def _plural(demonym: str) -> str | None:
    """The noun plural of a demonym ("Russians", "Iraqis"); None for the -ese/-ish/-ch kind."""
    return demonym + "s" if demonym[-1] in "niy" or demonym.endswith(("ani", "eli", "aqi")) else None


def _alias_pattern(alias: str) -> str:
    body = re.escape(alias).replace(r"\ ", r"\s+").replace("'", "['’]")
    if alias.replace(".", "").isupper() and len(alias.replace(".", "")) <= 4:
        body = f"(?-i:{body})"
    # a trailing "." already bounds "U.S."; the start is bounded by _WORD_START
    tail = "" if alias.endswith(".") else r"(?![\w])"
    return body + tail


_WORD_START = re.compile(r"(?<![\w.])(?<!New\s)\w+", re.IGNORECASE)  # "New Mexico" is no Mexico


def _compile(pairs: list[tuple[str, str]]) -> dict[str, list[tuple[re.Pattern, str]]]:
    """Aliases by their first word (lower case), longest alias first. A scan looks up each word
    of the text and tries only the aliases that start with it: one alternation of all aliases
    would try every one of them at every word, a hundred times slower."""
    by_word: dict[str, list[tuple[re.Pattern, str]]] = {}
    for alias, country in sorted(pairs, key=lambda pair: -len(pair[0])):
        first = re.match(r"\w+", alias).group(0).lower()
        by_word.setdefault(first, []).append((re.compile(_alias_pattern(alias), re.IGNORECASE), country))
    return by_word


def _scan(text: str, by_word: dict[str, list[tuple[re.Pattern, str]]]) -> list[tuple[int, int, str]]:
    found, after = [], 0
    for word in _WORD_START.finditer(text):
        start = word.start()
        if start < after:
            continue
        for pattern, country in by_word.get(word.group(0).lower(), ()):
            m = pattern.match(text, start)
            if m:
                found.append((start, m.end(), country))
                after = m.end()
                break
    return found


def _noun_pairs() -> list[tuple[str, str]]:
    pairs = [(name, country) for country, names in NAMES.items() for name in names]
    pairs += [(plural, country) for country, demonyms in DEMONYMS.items()
              for plural in map(_plural, demonyms) if plural]
    return pairs


_ALL = _compile([(alias, country) for country, aliases in DEMONYMS.items() for alias in aliases]
                + [pair for pair in _noun_pairs() if pair[0] not in AMBIGUOUS])
_NOUNS = _compile([pair for pair in _noun_pairs() if pair[0] not in AMBIGUOUS])
_EXACT = {alias.lower(): country for country, aliases in COUNTRIES.items() for alias in aliases}
_EXACT.update({plural.lower(): country for plural, country in _noun_pairs()})


def country_named(mention: str) -> str | None:
    """The country a mention is the name of ("the USA", "Russians"); None for a name that only
    holds one ("Iraq War", "Priorities USA Action", "Russian Foreign Ministry")."""
    text = _SPACE.sub(" ", mention.replace("’", "'")).strip(" \t\n.,;:'\"“”")
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    exact = _EXACT.get(text.lower()) or _EXACT.get(text.lower() + ".")
    return exact if exact and (text.lower() != "us" or text == "US") else None


def canonical_country(mention: str) -> str | None:
    """The country (or bloc) a mention names or qualifies: "the USA", "Russian Foreign Secretary"."""
    exact = country_named(mention)
    if exact:
        return exact
    found = find_countries(mention)
    return found[0][2] if found else None


def find_countries(text: str, *, nouns_only: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, country) of each country mention; `nouns_only` leaves out demonym adjectives."""
    return _scan(text, _NOUNS if nouns_only else _ALL)
