"""What extraction yields for one article: statements, speakers and stated agreements."""
from __future__ import annotations

from dataclasses import dataclass, field

QUOTE_KINDS = ("direct", "partial", "indirect")
STANCES = ("support", "oppose", "neutral")
RELATIONS = ("agree", "disagree")
RELATION_KINDS = ("agree", "endorse", "disagree", "reject", "criticize")


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
    level: str  # "person", "country", or "party" (an organisation or group on either side)
    evidence: str  # the passage the relation rests on
    kind: str = "agree"  # one of RELATION_KINDS
    directed: bool = False  # party_a acts toward party_b ("A criticized B")
    cue: str = ""  # the words that state it
    start_char: int = 0  # offsets of `evidence` into Document.text
    end_char: int = 0
    cue_start: int | None = None  # offsets of `cue`, where it stands in the text as written
    cue_end: int | None = None
    country_a: str | None = None  # the state party_a speaks for (an official, a government), if any
    country_b: str | None = None


@dataclass
class Extraction:
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
