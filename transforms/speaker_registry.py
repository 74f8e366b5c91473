"""Known speakers (people, organisations, countries) and the names that stand for them.

Entries, as loaded from config/speakers.toml (each a dict):
    name         canonical name ("Sergei Lavrov")                      required
    aliases      other ways articles refer to them (["Lavrov"])        optional
    role         office or function ("Foreign Minister")               optional
    affiliation  country or organisation spoken for ("Russia")         optional
    kind         "person" (default), "organisation" or "country"
    gender       "m" or "f", for he/she (optional: else guessed from the first name)
"""
from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass
class SpeakerRegistry:
    entries: list[Entry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_alias: dict[str, Entry] = {}
        self._by_surname: dict[str, list[Entry]] = {}
        for entry in self.entries:
            for alias in (entry.name, *entry.aliases):
                self._by_alias.setdefault(_key(alias), entry)
            if entry.kind == "person" and len(entry.name.split()) > 1:
                self._by_surname.setdefault(_key(entry.name.split()[-1]), []).append(entry)

    @classmethod
    def from_entries(cls, entries: list[dict]) -> SpeakerRegistry:
        """Registry from plain dicts (keys as in the module docstring); bad kinds are errors."""
        out = []
        for raw in entries:
            kind = raw.get("kind") or "person"
            if kind not in KINDS:
                raise ValueError(f"speaker {raw.get('name')!r}: kind must be one of {KINDS}")
            out.append(Entry(name=raw["name"], aliases=tuple(raw.get("aliases") or ()),
                             role=raw.get("role"), affiliation=raw.get("affiliation"), kind=kind,
                             gender=raw.get("gender")))
        return cls(out)

    def lookup(self, mention: str) -> Entry | None:
        """The entry a name or alias stands for; a bare surname only when it is unambiguous."""
        key = _key(mention)
        if key in self._by_alias:
            return self._by_alias[key]
        people = self._by_surname.get(key, [])
        return people[0] if len(people) == 1 else None
