"""Known speakers (people, organisations, countries) and the names that stand for them.

Entries, as loaded from config/speakers.toml (each a dict):
    name         canonical name ("Sergei Lavrov")                      required
    aliases      other ways articles refer to them (["Lavrov"])        optional
    role         office or function ("Foreign Minister")               optional
    affiliation  country or organisation spoken for ("Russia")         optional
    kind         "person" (default), "organisation" or "country"
    gender       "m" or "f", for he/she (optional: else guessed from the first name)

Institutions (config/institutions.toml, one dict; see that file): bodies that stand for a
country or organisation ("Senate" -> United States), party words, portfolio words that belong to
the title after them ("trade commissioner") and offices whose holders speak for a country.
Places (config/places.toml, one dict): names that are never a person speaker, capitals and the
countries they speak for, and US state abbreviations. Its capitals add to the built-in ones
(accord.transforms.countries.CAPITALS); where both name a capital, the config's country wins.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from accord.transforms.countries import CAPITALS

KINDS = ("person", "organisation", "country")


@dataclass(frozen=True)
class Entry:
    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None
    kind: str = "person"
    gender: str | None = None


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").lower().split())


@dataclass(frozen=True)
class Institutions:
    affiliations: dict[str, str] = field(default_factory=dict)  # lower-case name -> country/org
    in_role: frozenset[str] = frozenset()  # lower-case names kept in a title ("senate")
    parties: dict[str, str] = field(default_factory=dict)  # lower-case word -> party
    portfolios: frozenset[str] = frozenset()
    offices: tuple[tuple[str, str], ...] = ()  # (lower-case title ending, affiliation)
    capitals: dict[str, str] = field(default_factory=dict)  # lower-case capital -> its country
    state_abbreviations: dict[str, str] = field(default_factory=dict)  # "ky" -> Kentucky
    places: frozenset[str] = frozenset()  # lower-case states, cities and capitals

    @classmethod
    def from_config(cls, raw: dict | None, places: dict | None = None) -> Institutions:
        raw, places = raw or {}, places or {}
        capitals = {k.lower(): v for k, v in (CAPITALS | places.get("capitals", {})).items()}
        affiliations, in_role = {}, set()
        for entry in raw.get("institutions", []):
            for name in entry.get("names", []):
                affiliations[_key(name)] = entry["affiliation"]
                if entry.get("in_role"):
                    in_role.add(_key(name))
        offices = tuple((_key(title), entry["affiliation"]) for entry in raw.get("offices", [])
                        for title in entry.get("titles", []))
        return cls(affiliations, frozenset(in_role), {_key(k): v for k, v in raw.get("parties", {}).items()},
                   frozenset(_key(w) for w in raw.get("portfolios", [])),
                   tuple(sorted(offices, key=lambda o: -len(o[0]))), capitals,
                   {k.lower().rstrip("."): v for k, v in places.get("state_abbreviations", {}).items()},
                   frozenset(p.lower() for p in places.get("places", [])) | frozenset(capitals))

    def is_place(self, name: str) -> bool:
        """A state, city or capital: never a person speaker."""
        return name.lower() in self.places

    def affiliation(self, name: str) -> str | None:
        return self.affiliations.get(_key(name))

    def office(self, role: str | None) -> str | None:
        """The affiliation an office's holder speaks for ("Senator" -> United States), if any."""
        low = _key(role or "")
        return next((aff for title, aff in self.offices if low == title or low.endswith(" " + title)), None)


@dataclass
class SpeakerRegistry:
    entries: list[Entry] = field(default_factory=list)
    institutions: Institutions = field(default_factory=Institutions)

    def __post_init__(self) -> None:
        self._by_alias: dict[str, Entry] = {}
        self._by_surname: dict[str, list[Entry]] = {}
        for entry in self.entries:
            for alias in (entry.name, *entry.aliases):
                self._by_alias.setdefault(_key(alias), entry)
            if entry.kind == "person" and len(entry.name.split()) > 1:
                self._by_surname.setdefault(_key(entry.name.split()[-1]), []).append(entry)

    @classmethod
    def from_entries(cls, entries: list[dict], institutions: dict | None = None,
                     places: dict | None = None) -> SpeakerRegistry:
        """Registry from plain dicts (keys as in the module docstring); bad kinds are errors.
        `institutions` and `places` are config/institutions.toml and config/places.toml as loaded
        (optional)."""
        out = []
        for raw in entries:
            kind = raw.get("kind") or "person"
            if kind not in KINDS:
                raise ValueError(f"speaker {raw.get('name')!r}: kind must be one of {KINDS}")
            out.append(Entry(name=raw["name"], aliases=tuple(raw.get("aliases") or ()),
                             role=raw.get("role"), affiliation=raw.get("affiliation"), kind=kind,
                             gender=raw.get("gender")))
        return cls(out, Institutions.from_config(institutions, places))

    def lookup(self, mention: str) -> Entry | None:
        """The entry a name or alias stands for; a bare surname only when it is unambiguous."""
        key = _key(mention)
        if key in self._by_alias:
            return self._by_alias[key]
        people = self._by_surname.get(key, [])
        return people[0] if len(people) == 1 else None
