"""What extraction yields for one article: statements, speakers and stated agreements."""
from __future__ import annotations

from dataclasses import dataclass, field

QUOTE_KINDS = ("direct", "partial", "indirect")
STANCES = ("support", "oppose", "neutral")
RELATIONS = ("agree", "disagree")


@dataclass
class Quote:
    speaker: str | None  # canonical name; None when nobody can be resolved
    speaker_mention: str | None  # the words the article uses ("he", "the senator")
    kind: str  # one of QUOTE_KINDS
    text: str  # quoted or reported words, without quotation marks
    cue: str | None  # "said", "according to", ...
    sentence: str  # the sentence(s) the statement stands in
    topics: list[str] = field(default_factory=list)
    section: str | None = None  # heading of the section it stands in
    start_char: int = 0  # offsets of `text` into Document.text (into the title when in_title)
    end_char: int = 0
    stance: str = "neutral"  # one of STANCES, toward its topics
    in_title: bool = False  # a headline's claim ("Rubio: I'm not running"), restating the body


@dataclass
class Speaker:
    name: str
    role: str | None = None
    affiliation: str | None = None  # country or organisation the speaker speaks for
    aliases: list[str] = field(default_factory=list)
    kind: str = "person"  # person | organisation | country


@dataclass
class Agreement:
    topic: str
    party_a: str
    party_b: str
    relation: str  # one of RELATIONS
    level: str  # "person" or "country"
    evidence: str  # the passage the relation rests on


@dataclass
class Extraction:
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
