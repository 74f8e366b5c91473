"""Topic tagging against a user-editable taxonomy (config/topics.toml).

All keywords and patterns of all topics compile into one regex alternation, longest keyword
first, so that "election hacking" wins over "hacking" where both start. Matching is
case-insensitive and whole-word; a keyword also matches its simple inflections: plurals and
verb forms ("sanction" -> "sanctions", "sanctioned"), and for capitalised keywords the
demonym endings ("Syria" -> "Syrian", "Iraq" -> "Iraqi", "Ukraine" -> "Ukrainian"). Spaces and
hyphens inside a keyword match either ("cyber crime" = "cyber-crime"). Short all-capital
keywords ("EU", "ISIS") match only in capitals.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_VERB_ENDINGS = "s|es|ed|d|ing|er|ers|'s|’s"
_NAME_ENDINGS = "s|n|ns|an|ans|ian|ians|i|is|'s|’s"
_JOINER = r"[\s\-‐–—]*"
_CACHE_SIZE = 4096  # texts whose tags are kept


def _keyword_pattern(keyword: str) -> str:
    words = re.split(r"[\s\-‐–—]+", keyword.strip())
    parts = [re.escape(word).replace("'", "['’]") for word in words]
    last = words[-1]
    if last.isalpha() and len(last) >= 3:
        endings = _NAME_ENDINGS if last[0].isupper() else _VERB_ENDINGS
        stem = re.escape(last)
        if last[-1] in "ey":  # Ukraine -> Ukrainian, policy -> policies
            stem = f"{re.escape(last[:-1])}(?:{last[-1]}|(?=i))"
        parts[-1] = f"{stem}(?:{endings})?"
    body = _JOINER.join(parts)
    letters = keyword.replace(".", "")
    if letters.isalpha() and letters.isupper() and len(letters) <= 5:
        body = f"(?-i:{body})"
    return body


def _first_letter(pattern: str) -> str:
    """A lookahead class for the letter a keyword pattern starts with; "" when unknown."""
    head = re.match(r"(?:\(\?-i:)?([A-Za-z0-9])", pattern)
    if not head:
        return ""
    char = head.group(1)
    return f"[{char.lower()}{char.upper()}]" if char.isalpha() else char


@dataclass(frozen=True)
class Topic:
    name: str
    keywords: tuple[str, ...]
    patterns: tuple[str, ...] = ()
    parent: str | None = None


class Taxonomy:
    """Named topics in a fixed order; `tag` finds which of them a text is about."""

    def __init__(self, topics: list[Topic]):
        self.topics = topics
        self.names = [topic.name for topic in topics]
        self.parents = {topic.name: topic.parent for topic in topics if topic.parent}
        self._cache: dict[str, tuple[str, ...]] = {}
        alternatives: list[tuple[int, str, int]] = []  # (priority length, regex, topic index)
        for index, topic in enumerate(topics):
            alternatives += [(len(keyword), _keyword_pattern(keyword), index) for keyword in topic.keywords]
            alternatives += [(len(pattern), f"(?:{pattern})", index) for pattern in topic.patterns]
        alternatives.sort(key=lambda alt: -alt[0])
        self._group_topic = {f"t{i}": alt[2] for i, alt in enumerate(alternatives)}
        # A lookahead on the first letter lets the engine skip most keywords at each position.
        buckets: dict[str, list[str]] = {}
        for i, (_, pattern, _) in enumerate(alternatives):
            buckets.setdefault(_first_letter(pattern), []).append(f"(?P<t{i}>{pattern})")
        regex = "|".join(f"(?={key})(?:{'|'.join(group)})" if key else "|".join(group)
                         for key, group in buckets.items())
        self._regex = re.compile(rf"(?<![\w])(?:{regex})(?![\w])", re.IGNORECASE) if regex else None

    @classmethod
    def from_entries(cls, entries: list[dict]) -> Taxonomy:
        """Build from config entries: {"name", "keywords", optional "patterns", optional "parent"}."""
        topics, seen = [], set()
        for entry in entries:
            name = entry["name"]
            if name in seen:
                raise ValueError(f"topic {name!r} is defined twice")
            seen.add(name)
            topics.append(Topic(name, tuple(entry.get("keywords", ())), tuple(entry.get("patterns", ())),
                                entry.get("parent")))
        return cls(topics)

    def tag(self, text: str) -> list[str]:
        """Names of the topics the text mentions, in taxonomy order."""
        if not self._regex or not text:
            return []
        # an article asks about the same sentence several times (each of its quotes, agreements)
        cached = self._cache.get(text)
        if cached is None:
            found = {self._group_topic[m.lastgroup] for m in self._regex.finditer(text)}
            cached = tuple(self.names[index] for index in sorted(found))
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[text] = cached
        return list(cached)
