"""Speaker mentions: names with titles, nominal mentions, pronouns; and their coreference."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from accord.transforms.countries import canonical_country as _canonical_country
from accord.transforms.countries import country_named as _country_named
from accord.transforms.lexicon import table, word_list, words
from accord.transforms.speech.speaker_registry import Institutions, SpeakerRegistry

# the same few names recur in every article: look each up once
canonical_country = lru_cache(maxsize=8192)(_canonical_country)
country_named = lru_cache(maxsize=8192)(_country_named)
# for callers that know no registry: no entries, no institutions, no places
NO_REGISTRY = SpeakerRegistry()


# The words are data: transforms/lexicon/people.toml (titles, person and group nouns, first names,
# words that are no names) and organisations.toml (source, organisation and outlet words).
COMPOUND_TITLES = word_list("people", "compound_titles")  # the longest tried first
TITLE_WORDS = words("people", "title_words")
HONORIFICS = words("people", "honorifics")
FEMALE_HONORIFICS = words("people", "female_honorifics")
ROLE_ABBREVIATIONS = table("people", "role_abbreviations")
PERSON_NOUNS = words("people", "person_nouns")
FEMALE_NOUNS = words("people", "female_nouns")
MALE_NOUNS = words("people", "male_nouns")
SOURCE_NOUNS = words("organisations", "source_nouns")
GROUP_NOUNS = words("people", "group_nouns")
ORG_WORDS = words("organisations", "org_words")
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "they": None, "it": None, "we": None,
            "i": None}
FEMALE_NAMES = words("people", "female_names")
MALE_NAMES = words("people", "male_names")
NOT_NAMES = words("people", "not_names")


def _alternation(words) -> str:
    """A regex group matching any of the words, as a trie ("ad(?:vis(?:ers|ors)|...)"): re tries
    each branch of a flat alternation in turn at every position, a trie only the branches that
    share the text's first letters. Where one word is a prefix of another the longer is tried
    first, as in an alternation sorted longest first."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict) -> str:
        options = [re.escape(char) + branch(node[char]) for char in sorted(node) if char]
        if not options:
            return ""
        body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(options) == 1 else body[:-1] + "|)"

    return "(?:" + branch(trie) + ")"


# a capitalised word; an outlet may write its web address as its name ("Tchadinfos.com")
_CAP = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'\-]*\.(?:com|org|net|info|fr|de|co\.uk|in|ca|au)\b|[A-Z][\w’'\-]*\.?|(?:al|el|de|da|del|van|von|bin|ibn|le|la|du)[\-\s][A-Z][\w’'\-]*)"
_LOWER_TITLE = _alternation(w for w in TITLE_WORDS if "." not in w)
# "for" goes on with an organisation's name after the words that take it ("Club for Growth")
_FOR_JOIN = "(?:" + "|".join(f"(?<={head.capitalize()})" for head in sorted(words("organisations", "for_name_heads"))) \
    + r")\s+for(?:\s+an?)?"
# "and" goes on with a name only when a few capitalised words after it end in a body's head
# ("Food and Drug Administration", "Ways and Means Committee"), never between two people
_AND_JOIN = r"\s+(?:and|&)(?=(?:\s+[A-Z][\w’'\-]*){1,3}?\s+(?:" + "|".join(
    sorted((w.capitalize() for w in words("organisations", "and_name_heads")), key=len, reverse=True)) + r")\b)"
_NAME_SEQ = re.compile(
    rf"(?<![\w’'])(?:{_LOWER_TITLE}\s+(?=[A-Z]))?{_CAP}(?:(?:\s+of(?:\s+the)?|\s+{_LOWER_TITLE}|{_FOR_JOIN}|{_AND_JOIN})?"
    rf"\s+{_CAP})*"
)
# A possessor's words are bounded: a match may start after every hyphen, and an unbounded word
# would scan the rest of a long hyphenated chain from each of them ("B-B-B-…": quadratic).
_NOMINAL = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)"
    r"|(?<![\w’'])(?:[A-Z][\w\-]{0,40}\s+)?[A-Z][\w\-’']{0,40}?[’']s)\s+"
    r"(?:[\w’'\-.&]+\s+){0,3}?(" + _alternation(PERSON_NOUNS | SOURCE_NOUNS) + r")(s?)\b"
    # "the secretary general", "the attorney general": the office's second word, not the next word
    r"(?:[\s-]general\b)?"
)
# the noun a _NOMINAL match ends with, after the space before it: a unit without one holds no
# nominal, and most units (short, or not in English) have none
_NOMINAL_NOUN = re.compile(r"\s" + _alternation(PERSON_NOUNS | SOURCE_NOUNS) + r"s?\b")
# bounded words and numbers for the same reason as in _NOMINAL: a match may start after every
# hyphen, comma or dot
_GROUP = re.compile(
    r"\b(?:(?i:many|some|several|other|most|few|top|senior|two|three)\s+|\d[\d,.]{0,40}+\s+)?"
    r"(?:(?:(?!" + _alternation(w.capitalize() for w in NOT_NAMES) + r"\b)[A-Z][\w’'\-&.]{0,40}"
    r"|(?i:security|hacking|political|legal|military|intelligence|administration|campaign|party|industry"
    r"|health|foreign|government|local|federal|state|senior|top|fellow|presidential|congressional|rival))\s+){0,3}"
    r"(" + _alternation(GROUP_NOUNS | {w.capitalize() for w in GROUP_NOUNS}) + r")\b")
# a group noun as a word: a sentence without one holds no _GROUP match (that regex tries its
# NOT_NAMES lookahead at every word; this looks for the nouns alone)
_GROUP_NOUN = re.compile(
    r"\b" + _alternation(GROUP_NOUNS | {w.capitalize() for w in GROUP_NOUNS}) + r"\b")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e)\b")
# what stands before a word inside a sentence: a comma (after a closing quote too) or a lower-case word
_MID_SENTENCE = re.compile(r"(?:[,;][”\"’']?|[a-z])\s+$")
_POSSESSIVE = re.compile(r"[’']s?$")


@dataclass
class Mention:
    start: int
    end: int
    text: str  # the words as written
    kind: str  # name | nominal | pronoun
    name: str | None = None  # the name proper, titles stripped ("Rex Tillerson")
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None  # "m" | "f" when the words tell
    head: str | None = None  # nominal's noun ("senator")
    plural: bool = False  # a group ("Democratic strategists"): no single person stands for it
    party: str | None = None  # "Republican": "(R-Ky.)", "the Kentucky Republican"
    state: str | None = None  # "Kentucky": "Sen. Ann Lee of Kentucky", "(R-Ky.)"
    possessor: str | None = None  # "Microsoft" in "Microsoft’s president": whose the role is
    title: str | None = None  # a nominal's office ("the Saudi energy minister" -> Energy Minister)


@dataclass
class Entity:
    name: str
    kind: str = "person"
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None
    aliases: list[str] = field(default_factory=list)
    personal: bool = False  # seen with a first name, a title or in the registry: surely a person
    described_as: set[str] = field(default_factory=set)  # nouns the text describes them by
    # ("Ann Lee, the ambassador to Chad," -> "ambassador"): a later "the ambassador" is them
    party: str | None = None
    state: str | None = None
    text_role: str | None = None  # the role the article gives (the registry's may be of another year)
    serves: str | None = None  # whom a spokesman or aide speaks for ("Murphy’s spokeswoman Ann Lee")


_COMPOUND_SET = frozenset(COMPOUND_TITLES)
# a run of words can join into a compound title only when it starts with one's first word
_COMPOUND_FIRST = frozenset(t.split()[0] for t in COMPOUND_TITLES)
_TITLE_STARTS = TITLE_WORDS | _COMPOUND_FIRST


def _title_at(low: list[str], i: int) -> int:
    """Number of words of the title starting at low[i] (0 when none); `low` holds the words in
    lower case."""
    if low[i] in _COMPOUND_FIRST:
        for n in (5, 4, 3, 2):
            if " ".join(low[i:i + n]) in _COMPOUND_SET:
                return n
    return 1 if low[i] in TITLE_WORDS or low[i] in _COMPOUND_SET else 0


_ROLE_SMALL = frozenset(("of", "the", "for", "and", "to", "on"))
RANK_TITLES = words("people", "rank_titles")
HEAD_SYNONYMS = table("people", "head_synonyms")
_LEGISLATOR = word_list("people", "legislator")
_NOT_ROLE = frozenset(("former", "then", "acting", "outgoing", "incoming", "new", "top", "ex", "the", "a", "an"))


def _role_text(words: list[str]) -> str:
    out = []
    for i, w in enumerate(words):
        w = ROLE_ABBREVIATIONS.get(w.lower(), w)
        out.append(w if (w.lower() in _ROLE_SMALL and i) or not w[:1].islower() else w[:1].upper() + w[1:])
    return " ".join(out)


def _read_prefix(words: list[str], registry: SpeakerRegistry | None) -> tuple[str | None, list[str], str | None]:
    """What stands before a title: 'U.S.' (an affiliation), 'Senate' (an institution: an affiliation,
    kept in the role), 'Republican' (a party), 'Trade', 'COP28' (part of the role)."""
    inst = registry.institutions if registry is not None else _NO_INSTITUTIONS
    affiliation, role, party = None, [], None
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            phrase = " ".join(words[i:i + n]).rstrip(",")
            if n > 1 and i + n > len(words):
                continue
            low = phrase.lower()
            if n == 1 and low in inst.parties:
                party = inst.parties[low]
                break
            found = canonical_country(phrase) or inst.affiliation(phrase)
            entry = registry.lookup(phrase) if registry is not None and found is None else None
            if found or entry:
                affiliation = affiliation or found or (entry.affiliation if entry.kind == "person" and
                                                       entry.affiliation else entry.name)
                if low in inst.in_role:
                    role.extend(words[i:i + n])
                break
            if n == 1 and low.strip(".-") not in _NOT_ROLE and (phrase[:1].isupper() or phrase[:1].isdigit()
                                                                or low in inst.portfolios):
                role.append(phrase)
        i += n
    return affiliation, role, party


_NO_INSTITUTIONS = Institutions()


def parse_name(text: str, registry: SpeakerRegistry | None = None) -> Mention | None:
    """Split 'U.S. Secretary of State Rex Tillerson' into affiliation, role and name."""
    words = text.split()
    while words and words[0].lower() in NOT_NAMES:
        words = words[1:]
    if not words:
        return None
    gender = None
    role_words: list[str] = []
    prefix: list[str] = []
    last_title_end = -1
    low = [w.lower() for w in words]
    # most names hold no title: without a word that can start one, no need to try each word
    i = 0 if not _TITLE_STARTS.isdisjoint(low) else len(words)
    while i < len(words):
        n = _title_at(low, i)
        if n:
            role_words = words[i:i + n]
            last_title_end = i + n
            i += n
        else:
            i += 1
    if last_title_end >= 0:
        first_title = len(words)
        for j in range(len(words)):
            if _title_at(low, j):
                first_title = j
                break
        prefix, name_words = words[:first_title], words[last_title_end:]
        role_words = words[first_title:last_title_end]
    else:
        name_words = words
    while name_words and name_words[0].lower() in HONORIFICS:
        if name_words[0].lower() in FEMALE_HONORIFICS:
            gender = "f"
        elif name_words[0].lower().startswith("mr"):
            gender = "m"
        name_words = name_words[1:]
    state = None
    if "of" in name_words and role_words:
        at = name_words.index("of")
        place = " ".join(name_words[at + 1:])
        state = place if (registry or NO_REGISTRY).institutions.is_place(place) else None
        name_words = name_words[:at]
    name = " ".join(name_words)
    name = _POSSESSIVE.sub("", name) if name.endswith(("’s", "'s", "’", "'")) else name
    affiliation, party = None, None
    if prefix:
        affiliation, before_role, party = _read_prefix(prefix, registry)
        role_words = before_role + role_words if role_words else role_words
    if name_words and gender is None:
        first = name_words[0].lower()
        gender = "f" if first in FEMALE_NAMES else "m" if first in MALE_NAMES else None
    role_words = [w for w in role_words if w.lower() not in HONORIFICS]
    role = _role_text(role_words) if role_words else None
    if not name:
        return Mention(0, 0, text, "nominal", None, role, affiliation, gender,
                       head=role_words[-1].lower().rstrip(".") if role_words else None, party=party, state=state)
    return Mention(0, 0, text, "name", name, role, affiliation, gender, party=party, state=state)


_ABBREVIATED = HONORIFICS | frozenset(ROLE_ABBREVIATIONS) | words("people", "name_abbreviations")


_NON_SPACE = re.compile(r"\S+")
_LEAD_WORD = re.compile(r"\b([a-z]+)\s+$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a run of capitalised words after a sentence-ending period or a possessive."""
    segment = text[start:end]
    if "." not in segment and "’s" not in segment and "'s" not in segment:
        return [(start, end)] if end > start else []
    out, s = [], start
    for m in _NON_SPACE.finditer(segment):
        word = m.group(0)
        cut = (word.endswith(".") and not _INITIALS.fullmatch(word)
               and word.lower() not in _ABBREVIATED) or word.endswith(("’s", "'s"))
        if cut:
            out.append((s, start + m.end() - (1 if word.endswith(".") else 0)))
            s = start + m.end()
            while s < end and text[s].isspace():
                s += 1
    if s < end:
        out.append((s, end))
    return [(a, b) for a, b in out if b > a]


_OPENERS = frozenset(" \"“‘'(")
# "Surveying the desolation, Lee concludes", "Reached for comment, …": a sentence that opens
# with one capitalised -ing or -ed word and then a preposition, an article or a comma opens with
# a participle, not a name ("Manning said", "Jared told" keep theirs: a verb follows)
_PARTICIPLE_OPENER = re.compile(r"(?:(?<=[a-z]ing)|(?<=[a-z]ed))(?:,|\s++(?:to|for|at|in|on|into|with|from|by|about|"
                                r"through|after|before|over|under|up|out|off|the|a|an|his|her|their|its|this|that|"
                                r"back|down|again|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)")


# "She's", "They’re", "I'd": a pronoun and its verb, never part of a name
_PRONOUN_CONTRACTION = re.compile(r"(?:I|You|We|They|He|She|It)[’'](?:s|re|m|d|ll|ve)")


def _sentence_initial(text: str, start: int, lo: int) -> bool:
    # walks back from start rather than slicing text[lo:start]: a long unit has many names
    i = start
    while i > lo and text[i - 1] in _OPENERS:
        i -= 1
    return i == lo or text[i - 1] in ".!?:\n”—"


# a news agency's dateline opens a paragraph: "WASHINGTON —", "LOS ANGELES, Sept. 28 (UPI) —"; the
# place it names is where the story was filed, not who speaks
_DATELINE = re.compile(r"[A-Z][A-Z.’'\-]+(?: [A-Z][A-Z.’'\-]+){0,3}(?:,[^—–\n]{1,40}?)?(?:\s*\([\w.\- ]{1,20}\))?"
                       r"\s+(?:[—–]|--?)\s")


def find_mentions(text: str, lo: int, hi: int, lower_words: frozenset[str] = frozenset(),
                  registry: SpeakerRegistry | None = None, names: dict | None = None,
                  named_inside: frozenset[str] = frozenset()) -> list[Mention]:
    """Name, nominal and pronoun mentions in text[lo:hi], in order, not overlapping.

    `lower_words` holds words the document also writes in lower case: a capitalised one at a
    sentence's start is then taken for a common word, not a name. `names`, a dict the caller
    keeps for one document and one registry, remembers what parse_name made of each name.
    `named_inside` holds words ending in -ly the document capitalises inside a sentence ("Megyn
    Kelly", "Rep. David Jolly"): at a sentence's start they are still names, not adverbs."""
    found = _Spans(_name_mentions(text, lo, hi, lower_words, registry, names, named_inside))
    _add_nominals(text, lo, hi, found, registry.institutions if registry is not None else _NO_INSTITUTIONS)
    _add_groups(text, lo, hi, found)
    taken = _Spans(found.items)
    for m in _PRONOUN.finditer(text, lo, hi):
        if taken.overlapping(m.start(), m.start() + 1):
            continue
        if m.group(0) == "He" and _MID_SENTENCE.search(text, max(lo, m.start() - 3), m.start()):
            # "…,” He said": a capital inside a sentence makes it the surname He (He Lifeng)
            found.add(Mention(m.start(), m.end(), "He", "name", name="He"))
            continue
        found.add(Mention(m.start(), m.end(), m.group(0), "pronoun", gender=PRONOUNS.get(m.group(0).lower())))
    found = found.items
    if (lo == 0 or text[lo - 1] == "\n") and (dateline := _DATELINE.match(text, lo, hi)) is not None:
        found = [x for x in found if x.start >= dateline.end()]
    if registry is not None and registry.institutions.parties:
        found = [_party_nominal(text, lo, x, registry.institutions) if x.kind == "name" else x for x in found]
    return found


def _name_mentions(text: str, lo: int, hi: int, lower_words: frozenset[str], registry: SpeakerRegistry | None,
                   names: dict | None, named_inside: frozenset[str]) -> list[Mention]:
    """The capitalised runs in text[lo:hi] that parse as names, openers and trailers dropped."""
    found: list[Mention] = []
    spans = [p for m in _NAME_SEQ.finditer(text, lo, hi) for p in _pieces(text, m.start(), m.end())]
    for s, e in spans:
        trimmed = _trim_name_span(text, s, e, lo, hi, lower_words, named_inside)
        if trimmed is None:
            continue
        s, e = trimmed
        raw = text[s:e]
        end = e
        if raw.endswith(("’s", "'s")):
            raw, end = raw[:-2], end - 2
        elif raw.endswith(("’", "'")):
            raw, end = raw[:-1], end - 1
        lead = None
        if registry is not None and raw.split()[0].lower() in TITLE_WORDS:
            lead = _LEAD_WORD.search(text[max(lo, s - 20):s])
        if lead and lead.group(1) in registry.institutions.portfolios:
            s = max(lo, s - 20) + lead.start(1)  # "press secretary Ann Lee", "trade commissioner Ann Lee"
            raw = text[s:end]
        if names is None:
            mention = parse_name(raw, registry)
        else:
            if raw not in names:
                names[raw] = parse_name(raw, registry)
            mention = _copy_mention(names[raw])
        if mention is None:
            continue
        mention.start, mention.end, mention.text = s, end, raw
        _party_state(text, lo, hi, mention, registry)
        found.append(mention)
    return found


def _trim_name_span(text: str, s: int, e: int, lo: int, hi: int, lower_words: frozenset[str],
                    named_inside: frozenset[str]) -> tuple[int, int] | None:
    """A capitalised run without the words that are no part of a name; None when nothing of a
    name is left (a sentence-opening adverb or participle, a bracketed party and state)."""
    first = s
    words = text[s:e].split()
    # drop capitalised sentence openers ("But Clinton" -> "Clinton")
    while words and (words[0].lower() in NOT_NAMES or _PRONOUN_CONTRACTION.fullmatch(words[0])
                     or (s == first and len(words) == 1 and words[0].lower() in lower_words
                         and _sentence_initial(text, s, lo))):
        s = text.index(words[1], s + len(words[0])) if len(words) > 1 else e
        words = words[1:]
    while words and (words[-1].lower().rstrip(".") in NOT_NAMES):
        e = s + text[s:e].rindex(words[-1])
        words = words[:-1]
    while e > s and text[e - 1].isspace():
        e -= 1
    if not words or (len(words) == 1 and _sentence_initial(text, s, lo) and (
            words[0].endswith("ly") and words[0] not in named_inside
            or _PARTICIPLE_OPENER.match(text, s + len(words[0]), hi))):
        return None
    if s > lo and text[s - 1] == "(" and ")" in text[e:e + 3]:
        return None  # "(D-Mo.)", "(Tex.)": a party and state, not a speaker
    return s, e


class _Spans:
    """The mentions found so far in order of position. They never overlap one another, so those a
    span overlaps are found by bisection instead of a pass over all of them: a sentence of
    thousands of names and descriptions made every overlap test a pass over thousands."""

    def __init__(self, mentions: list[Mention]):
        self.items = sorted(mentions, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]

    def overlapping(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self.starts, end)
        out = []
        while i > 0 and self.items[i - 1].end > start:
            i -= 1
            out.append(self.items[i])
        return out[::-1]

    def remove(self, mention: Mention) -> None:
        i = bisect_left(self.starts, mention.start)
        while self.items[i] is not mention:
            i += 1
        del self.items[i], self.starts[i]

    def add(self, mention: Mention) -> None:
        i = bisect_right(self.starts, mention.start)
        self.items.insert(i, mention)
        self.starts.insert(i, mention.start)


def _add_nominals(text: str, lo: int, hi: int, found: _Spans, inst: Institutions) -> None:
    """Persons and bodies described by a noun ("the Russian foreign secretary"), added to `found`;
    the noun phrase wins over names inside it, a name that runs past it over the phrase."""
    for m in _NOMINAL.finditer(text, lo, hi) if _NOMINAL_NOUN.search(text, lo, hi) else ():
        end, head = _nominal_end(text, m.end(), hi, m.group(1).lower())
        plural = bool(m.group(2))
        if m.end() > m.end(1):  # a plural, or an office ending in "general", stays as matched
            end, head = m.end(), m.group(1).lower()
        overlapping = found.overlapping(m.start(), end)
        if any(x.start < m.start() or x.end > end for x in overlapping):
            continue  # "one Trump campaign source", "the Russian foreign secretary" keep the phrase
        for x in overlapping:
            found.remove(x)
        words = text[m.start():end].split()
        affiliation, possessor = None, None
        if words[0].endswith(("’s", "'s")):
            possessor = " ".join(text[m.start():end].split("’s")[0].split("'s")[0].split())
            affiliation = canonical_country(possessor) or inst.affiliation(possessor)
            if affiliation:
                possessor = None
        for w in words[1:-1]:
            affiliation = affiliation or canonical_country(w) or inst.affiliation(w.strip(",’'"))
        for a, b in zip(words[1:-1], words[2:-1], strict=False):
            affiliation = affiliation or inst.affiliation(f"{a} {b}")  # "the United Nations climate chief"
        gender = "f" if head in FEMALE_NOUNS else "m" if head in MALE_NOUNS else None
        found.add(Mention(m.start(), end, text[m.start():end], "nominal", None, None, affiliation,
                             gender, head=head, plural=plural, possessor=possessor,
                             title=_nominal_role(words, head, inst)))


def _add_groups(text: str, lo: int, hi: int, found: _Spans) -> None:
    """Groups that speak together ("Senate Democrats"), added to `found` over the names inside them."""
    for m in _GROUP.finditer(text, lo, hi) if _GROUP_NOUN.search(text, lo, hi) else ():
        overlapping = found.overlapping(m.start(), m.end())
        if any(x.kind != "name" for x in overlapping):
            continue
        if any(x.start < m.start() or x.end > m.end() for x in overlapping):
            continue
        for x in overlapping:
            found.remove(x)
        found.add(Mention(m.start(), m.end(), m.group(0), "nominal", None, None, None, None,
                             head=m.group(1).lower(), plural=True))


def _copy_mention(mention: Mention | None) -> Mention | None:
    """A fresh Mention with the same fields (all of them immutable values)."""
    if mention is None:
        return None
    copy = object.__new__(Mention)
    copy.__dict__.update(mention.__dict__)
    return copy


def _party_state(text: str, lo: int, hi: int, mention: Mention, registry: SpeakerRegistry | None) -> None:
    """'Sen. Ann Lee (R-Ky.)': party and state from the brackets after a name."""
    m = _PARTY_STATE.match(text, mention.end, hi)
    if m:
        mention.party = _PARTY_LETTERS[m.group(1)]
        abbreviations = (registry or NO_REGISTRY).institutions.state_abbreviations
        mention.state = abbreviations.get(m.group(2).lower().rstrip("."), mention.state)


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_PHRASE_END = re.compile(r"\s*(?:[,.;:)—–]|$|(?:who|which|said|says|is|was|has|had|will|would|also|then|later|"
                         r"did|does|and|[a-z]+ed|[a-z]+s)\b)")


def _party_nominal(text: str, lo: int, x: Mention, inst: Institutions) -> Mention:
    """'the Kentucky Republican', 'the Connecticut Democrat': a description by state and party."""
    words = (x.name or x.text).split()
    party = inst.parties.get(words[-1].lower()) if words else None
    if party is None:
        return x
    the = _THE_BEFORE.search(text[max(lo, x.start - 5):x.start])
    if the is None or len(words) > 3 or x.role or not _PHRASE_END.match(text, x.end):
        return x  # "the Republican nomination": an adjective
    place = " ".join(words[:-1])
    if place and not (inst.is_place(place) or canonical_country(place)):
        return x
    start = max(lo, x.start - 5) + the.start()
    return Mention(start, x.end, text[start:x.end], "nominal", None, None, canonical_country(place) if place else None,
                   None, head=words[-1].lower(), party=party, state=place if inst.is_place(place) else None)


def _nominal_role(words: list[str], head: str, inst: Institutions) -> str | None:
    """'the Saudi energy minister' -> Energy Minister, "Qatar's prime minister" -> Prime Minister."""
    if head not in TITLE_WORDS or len(words) < 2:
        return None
    low = [w.lower().strip(",") for w in words[1:]]
    if low[-1] != head:
        return None
    take = 1
    for n in (3, 2):
        if len(low) >= n and " ".join(low[-n:]) in _COMPOUND_SET:
            take = n
            break
    while take < len(low) and low[-take - 1] in inst.portfolios:
        take += 1
    return _role_text(low[-take:])


_NOUN_AFTER = re.compile(
    r"\s+(?:([a-z][a-z\-]*)\s+)?(" + _alternation(PERSON_NOUNS | SOURCE_NOUNS) + r")\b(?![’'\-])")
_OF_GROUP = re.compile(r"\s+of\s+(?:the|his|her|their|its|a|an)\s+(?:[a-z][\w\-]*\s+)?"
                       r"(?:family|campaign|group|committee|team|board|staff|council|party|panel|church|"
                       r"administration|delegation|household|couple|audience|crowd)\b")


def _nominal_end(text: str, end: int, hi: int, head: str) -> tuple[int, str]:
    """Where a nominal mention ends and its head noun: the last of a run of nouns ("the
    billionaire business mogul", "one campaign source"), and the group a member is of ("a
    member of the family")."""
    while True:
        more = _NOUN_AFTER.match(text, end, hi)
        if more is None or (more.group(1) and (more.group(1) in NOT_NAMES
                                                or more.group(1).endswith(("ed", "ing", "ly"))
                                                or more.group(1) in ("says", "tells", "told"))):
            break
        end, head = more.end(), more.group(2).lower()
    if head in PERSON_NOUNS:
        group = _OF_GROUP.match(text, end, hi)
        end = group.end() if group else end
    return end, head


_PARTY_STATE = re.compile(r"\s*\(\s*([RDI])\s*[-–]\s*([A-Z][\w.]*?)\.?\s*\)")
_PARTY_LETTERS = {"R": "Republican", "D": "Democrat", "I": "Independent"}


def _first_name_gender(name: str) -> str | None:
    first = name.split()[0].lower() if name.split() else ""
    return "f" if first in FEMALE_NAMES else "m" if first in MALE_NAMES else None


OUTLET_WORDS = words("organisations", "outlet_words")

def is_outlet(name: str) -> bool:
    return any(w.lower().strip(".,’'") in OUTLET_WORDS for w in name.split())


_SEATS_OF_GOVERNMENT = frozenset(word_list("organisations", "seats_of_government"))
_ORG_STEMS = frozenset(w.strip(".") for w in ORG_WORDS)  # "corp." in the lexicon, "Corp" in a name


def _org_like(name: str) -> bool:
    """An organisation's name: one of its words says so ("Microsoft Corp", "the Senate")."""
    return any(w.lower().strip(".,") in _ORG_STEMS for w in name.split())


_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|outside|across|throughout)\s$")


def after_place_preposition(text: str, mention: Mention) -> bool:
    """'a town hall in Salem, New Hampshire', 'protesters in El Paso': where, not who (but 'in
    Trump's speech' is his)."""
    return _PLACE_PREPOSITION.search(text, max(0, mention.start - 12), mention.start) is not None \
        and not text.startswith(("’s", "'s"), mention.end)


def _namesakes(one: str, other: str) -> bool:
    """Two persons' names (two or three words) with the same last word and different first words."""
    a, b = one.split(), other.split()
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) > 1 and len(longer) <= 3 and a[-1] == b[-1] and a[0] != b[0] \
        and longer[-len(shorter):] != shorter


def _same_party(name: str, other: str) -> bool:
    """'Patrick Murphy' and 'Murphy' name the same principal."""
    a, b = set(name.split()), set(other.split())
    return a <= b or b <= a


class Coreference:
    """Resolves mentions to entities, in document order, merging with the registry."""

    def __init__(self, registry: SpeakerRegistry):
        self.registry = registry
        self.entities: dict[str, Entity] = {}
        self.history: list[tuple[int, Entity]] = []  # (offset, entity) of every resolved name
        # persons of two or more words in the history by their last and by their first word, each
        # bucket in the order of the entities' latest note (what a backwards scan of the history
        # meets first); `_noted` numbers those notes
        self._by_last: dict[str, dict[int, Entity]] = {}
        self._by_first: dict[str, dict[int, Entity]] = {}
        self._noted: dict[int, int] = {}
        self._named: dict[int, int] = {}  # how often each was noted
        self.apposed: dict[int, Entity] = {}  # a nominal's offset -> the name set beside it

    def _entity(self, name: str, mention: Mention, met: bool = False) -> Entity:
        """The entity `name` stands for; `met` when it is someone the text named before, whom a
        surname alone ("Johnson", after "Gary Johnson") does not swap for a namesake the registry
        knows but the text never named ("Boris Johnson")."""
        entry = self.registry.lookup(name) or self.registry.lookup(mention.text)
        if met and entry is not None and entry.name not in self.entities and _namesakes(entry.name, name):
            entry = None
        canonical = entry.name if entry else name
        capitals = self.registry.institutions.capitals
        if entry is None and name.lower() in capitals:
            canonical = capitals[name.lower()]  # "Vilnius said": its government
        entity = self.entities.get(canonical)
        if entity is None:
            kind = entry.kind if entry else ("country" if canonical_country(canonical) == canonical
                                             else "organisation" if _org_like(canonical) else "person")
            entity = Entity(canonical, kind, entry.role if entry else None,
                            entry.affiliation if entry else None)
            self.entities[canonical] = entity
        entity.personal = entity.personal or (entity.kind == "person" and bool(
            entry or mention.role or mention.gender or len(canonical.split()) > 1))
        entity.role = entity.role or mention.role
        if mention.role and (entity.text_role is None or entity.text_role in RANK_TITLES):
            entity.text_role = mention.role
        entity.affiliation = entity.affiliation or mention.affiliation
        entity.party = entity.party or mention.party
        entity.state = entity.state or mention.state
        entity.gender = entity.gender or mention.gender or (entry.gender if entry else None) \
            or _first_name_gender(canonical)
        if mention.text not in entity.aliases:
            entity.aliases.append(mention.text)
        return entity

    def resolve_name(self, mention: Mention) -> Entity:
        """A name: a known entity whose name ends (or starts) with it, else the registry, else new."""
        name = mention.name or mention.text
        country = country_named(name)  # "Russia", not "Iraq War" nor "Priorities USA Action"
        if country:  # a capital's country as the registry has it: the user's config may override
            country = self.registry.institutions.capitals.get(name.lower(), country)
        if country and name in _SEATS_OF_GOVERNMENT:
            entity = self._entity(name, mention)
            entity.kind, entity.affiliation = "organisation", entity.affiliation or country
            return entity
        if country and not (country != name and any(e.personal and e.gender for e in self._by_last.get(name, {}).values())):
            # a demonym is the person named by it ("Mark Cuban … Cuban said"), not the country
            return self._entity(country, mention)
        words = name.split()
        honorific = mention.text.split()[0].lower() if mention.text else ""
        if len(words) == 1 or (len(words) == 2 and honorific in HONORIFICS):
            # of the persons whose last name this is, the one the article has named most so far (a
            # writer gives the lesser of two Clintons a first name or a title), of the title's sex;
            # else the latest whose first name it is
            gender = "f" if honorific in FEMALE_HONORIFICS else "m" if honorific in ("mr", "mr.", "sir") else None
            bearers = [e for e in (self._by_last.get(words[-1]) or {}).values()
                       if e.personal and (gender is None or e.gender in (None, gender))]
            chosen = max(bearers, key=lambda e: (self._named[id(e)], self._noted[id(e)]), default=None)
            by_first = self._by_first.get(words[0])
            if by_first and len(words) == 1:
                latest = next(reversed(by_first.values()))
                if chosen is None or self._noted[id(latest)] > self._noted[id(chosen)]:
                    chosen = latest
            if chosen is not None:
                return self._entity(chosen.name, mention, met=True)
        return self._entity(name, mention)

    def note(self, offset: int, entity: Entity) -> None:
        self.history.append((offset, entity))
        if entity.kind != "person":
            return
        parts = entity.name.split()
        if len(parts) > 1:
            key = id(entity)
            self._noted[key] = len(self.history)
            self._named[key] = self._named.get(key, 0) + 1
            for index, word in ((self._by_last, parts[-1]), (self._by_first, parts[0])):
                bucket = index.setdefault(word, {})
                bucket.pop(key, None)
                bucket[key] = entity

    def resolve_nominal(self, mention: Mention, before: int) -> Entity | None:
        """'the senator' -> the latest entity whose role has that noun (same country if said);
        'the ambassador, Ann Lee,' -> Ann Lee; 'the Kentucky Republican' -> the legislator from
        Kentucky (or the latest legislator whose state the text does not give)."""
        if mention.start in self.apposed:
            return self.apposed[mention.start]
        head = mention.head or ""
        if head in SOURCE_NOUNS or mention.plural:
            return None
        if mention.text.lower().startswith(("a ", "an ", "one ", "another ")):
            return None  # "a top aide", "one Clinton spokesman": someone not met before
        if mention.party:
            return self._by_party(mention, before)
        synonyms = HEAD_SYNONYMS.get(head, ())
        title = (mention.title or "").lower()
        for offset, entity in reversed(self.history):
            if offset >= before or entity.kind != "person":
                continue
            role = (entity.role or "").lower()
            described = head in entity.described_as and mention.text.lower().startswith(("the ", "this "))
            definite = mention.text.lower().startswith(("the ", "this ")) or mention.possessor is None and \
                mention.text.split()[0].endswith(("’s", "'s"))
            if head and (head in role or described or (head == "senator" and "sen" in role)
                         or (head == "congressman" and "rep" in role)
                         or (definite and any(w in role for w in synonyms))):
                if mention.affiliation and entity.affiliation and mention.affiliation != entity.affiliation:
                    continue
                if title and role and title not in role and head in role and " " in title \
                        and not title.endswith(role):
                    continue  # "the energy minister" is not the foreign minister
                if mention.possessor and entity.affiliation and entity.affiliation != mention.possessor:
                    continue
                if mention.possessor and entity.serves and not _same_party(entity.serves, mention.possessor):
                    continue  # "Grayson's spokeswoman" is not the spokeswoman of Murphy named before
                return entity
        return None

    def _by_party(self, mention: Mention, before: int) -> Entity | None:
        seen, fallback = 0, None
        for offset, entity in reversed(self.history):
            if offset >= before or entity.kind != "person" or (entity.party and entity.party != mention.party):
                continue
            if mention.state and entity.state == mention.state:
                return entity
            role = (entity.role or "").lower()
            if fallback is None and entity.state is None and any(w in role for w in _LEGISLATOR) and seen < 12:
                fallback = entity
            seen += 1
        if fallback is not None:
            fallback.party = fallback.party or mention.party
            fallback.state = fallback.state or mention.state
        return fallback

    def principal(self, mention: Mention, before: int) -> Entity | None:
        """Whose 'his spokesman' is: the latest person of that gender named before."""
        word = mention.text.split()[0].lower()
        gender = {"his": "m", "her": "f"}.get(word)
        if gender is None:
            return None
        for offset, entity in reversed(self.history):
            if offset < before and entity.kind == "person" and entity.gender in (gender, None) and entity.personal:
                return entity
        return None

    def take_description(self, entity: Entity, nominal: Mention) -> None:
        """'Qatar's prime minister, Ann Lee,': the office and the country are Ann Lee's."""
        if nominal.title and (entity.role is None or entity.role in RANK_TITLES):
            entity.role = nominal.title
        if nominal.title and (entity.text_role is None or entity.text_role in RANK_TITLES):
            entity.text_role = nominal.title
        affiliation = nominal.affiliation
        if affiliation is None and nominal.possessor:
            principal = next((e for _, e in reversed(self.history) if e.name == nominal.possessor
                              or nominal.possessor in e.name.split()), None)
            affiliation = principal.affiliation if principal is not None else nominal.possessor \
                if not self.registry.institutions.is_place(nominal.possessor) else None
        if affiliation is None and nominal.text.split()[0].lower() in ("his", "her"):
            principal = self.principal(nominal, nominal.start)
            affiliation = principal.affiliation if principal is not None else None
        entity.affiliation = entity.affiliation or affiliation

    def describe(self, text: str, mentions: list[Mention]) -> None:
        """Appositions in one sentence: 'Ann Lee, the ambassador to Chad,' and 'the ambassador,
        Ann Lee,' make 'ambassador' a word that later stands for Ann Lee; 'Murphy’s spokeswoman Ann
        Lee' makes her Murphy's."""
        for a, b in zip(mentions, mentions[1:], strict=False):
            if a.kind == "name" and b.kind == "name" and b.role and re.fullmatch(r"[’']s?\s+", text[a.end:b.start]):
                principal, entity = self.resolve_name(a), self.resolve_name(b)
                if entity.kind == "person" and entity is not principal:
                    entity.serves = entity.serves or principal.name
                continue
            if not re.fullmatch(r"\s*,\s*", text[a.end:b.start]):
                continue
            name, nominal = (a, b) if a.kind == "name" else (b, a)
            if name.kind != "name" or nominal.kind != "nominal" or nominal.plural or nominal.head not in PERSON_NOUNS:
                continue
            if name is a and after_place_preposition(text, name):
                continue  # "At a press conference in Chelsea, the mayor said": a place, then the speaker
            own = nominal.text.lower().startswith(("his ", "her ", "their "))
            closed = nominal is a and re.match(r"\s*,", text[b.end:b.end + 2]) is not None
            if own and not nominal.head.startswith("spokes") and not closed:
                continue  # "Lee, his rival": who is whose is not sure; "her campaign manager, Ann Lee," is
            entity = self.resolve_name(name)
            if entity.kind == "person":
                # "his wife, Ivana,": a person, a woman, whatever the name alone tells
                entity.personal = True
                entity.gender = entity.gender or nominal.gender
                if not own:
                    entity.described_as.add(nominal.head)
                if closed or nominal is b:
                    self.apposed[nominal.start] = entity  # "the ambassador, Ann Lee, said"
                    self.take_description(entity, nominal)
                    principal = self.principal(nominal, nominal.start) if own else None
                    entity.serves = entity.serves or nominal.possessor or (principal.name if principal else None)

    def entity_for(self, mention: Mention, before: int) -> Entity | None:
        if mention.kind == "name":
            return self.resolve_name(mention)
        if mention.kind == "nominal":
            return self.resolve_nominal(mention, before)
        return None
