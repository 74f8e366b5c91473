"""Agreement and disagreement the text states between two people or the countries they speak for.

Three kinds of evidence, strongest first:
- stated relations: "X and Y agree", "X agreed with Y", "in agreement with", "see eye to eye",
  "at odds", "disagree", "their differences", "X rejected Y's claim" (a negator in front flips
  the relation: "don't see eye to eye");
- joint positions: "X and Y both believe", "both countries stated their intention",
  "they will ... both countries", "stand together", "X and Y want to";
- opposed statements: one party's statement rejects what the other's statement on the same
  topic supports.
A symmetric cue needs its two parties as a pair: "X and Y" before it, "between X and Y" after
it, or a plural ("they", "both countries") that stands for the article's two main speakers (or
their countries); two names that merely share a sentence are no pair. The topic is what the
cue's clause is about (party names masked, so that "the USA and Russia agree that North Korea
..." is about North Korea), else the clause unmasked, the clauses before it, the neighbouring
sentences, the topics of the quotes in the sentence. Per topic and pair, the relation with the
most weight wins.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from accord.transforms.analysis.relations import (
    Party,
    Relation,
    SentenceParties,
    find_relations,
    names_people,
)
from accord.transforms.analysis.stance import stance_of
from accord.transforms.analysis.topics import Taxonomy
from accord.transforms.countries import canonical_country, find_countries
from accord.transforms.lexicon import word_list, words
from accord.transforms.page.document import Document
from accord.transforms.records import Agreement, Quote, Speaker
from accord.transforms.speech.sentences import split_sentences
from accord.transforms.speech.speakers import PERSON_NOUNS

STATED, JOINT, OPPOSED = 2, 1, 1  # weights
GENERAL = "General"  # the topic of a relation in an article no taxonomy topic describes
# Share of the attributed statements two speakers must hold to be the article's main parties,
# whom "both countries", "the two leaders" and opposed statements refer to.
MAIN_SHARE = 2 / 3

_NEGATED = re.compile(
    r"(?:\bnot|n['’]t|\bnever|\bno\s+longer|\brefused\s+to|\bfail(?:ed|s)?\s+to)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE)

# (regex, relation, weight, style); style "pair": symmetric, "they": the cue holds its subject.
# Directed relations ("A agreed with B", "A rejected B's claim") are read by accord.transforms.analysis.relations.
CUES: list[tuple[re.Pattern, str, int, str]] = [(re.compile(p, re.IGNORECASE), r, w, s) for p, r, w, s in [
    (r"\b(?:agree[sd]?|agreeing)\b", "agree", STATED, "pair"),
    (r"\b(?:see|sees|saw|seeing|seen)\s+eye[\s\-‐–]+to[\s\-‐–]+eye\b", "agree", STATED, "pair"),
    (r"\bon\s+the\s+same\s+page\b", "agree", STATED, "pair"),
    (r"\bsee\s+(?:things|it)\s+the\s+same\s+way\b", "agree", STATED, "pair"),
    (r"\breach(?:ed|es)?\s+(?:an?\s+)?(?:agreement|consensus|understanding)\b", "agree", STATED, "pair"),
    (r"\bshare[sd]?\s+(?:\w+\s+){0,2}(?:views?|positions?|concerns?|goals?|beliefs?|interests?|vision|"
     r"assessment|commitment)\b", "agree", STATED, "pair"),
    (r"\b(?:common|shared)\s+(?:position|understanding|goals?|interests?)\b", "agree", STATED, "pair"),
    (r"\bdisagree(?:s|d|ing|ments?)?\b", "disagree", STATED, "pair"),
    (r"\bat\s+odds\b", "disagree", STATED, "pair"),
    (r"\b(?:their|deep|sharp|major|serious|significant|fundamental)\s+(?:\w+\s+)?differences\b",
     "disagree", STATED, "pair"),
    (r"\b(?:differ(?:s|ed)?|clash(?:ed|es)?|split|divided)\s+(?:on|over)\b", "disagree", STATED, "pair"),
    (r"\bboth\s+(?:\w+\s+){0,4}?(?:believe|want|support|oppose|pledged?|vowed?|committed|intend|"
     r"stated|need|must|share|hope|seek)\b", "agree", JOINT, "pair"),
    (r"(?<!who\s)(?<!that\s)(?<!which\s)\b(?:want|wants|pledged|vowed|intend|intends|are\s+committed|are\s+determined)\s+to\b",
     "agree", JOINT, "pair"),
    (r"\b(?:stand|stands|standing|work|works|working|act|fight|cooperate)\s+together\b",
     "agree", JOINT, "pair"),
    (r"\bunited\s+(?:in|on|against)\b", "agree", JOINT, "pair"),
    (r"\bjoint(?:ly)?\s+(?:commitment|statement|declaration|effort|position|plan)\b", "agree", JOINT, "pair"),
    (r"\bthey\s+(?:will|would|shall|must|need\s+to|want\s+to|have\s+agreed\s+to|agreed\s+to|are\s+determined"
     r"\s+to|pledged\s+to|vowed\s+to|are\s+committed\s+to|intend\s+to)\b", "agree", JOINT, "they"),
]]

# A plural that stands for the article's two main parties; "countries" ones for their countries.
_GROUP = re.compile(
    r"\b(?P<countries>(?:both|the\s+two)\s+(?:countries|nations|governments|sides|powers|capitals|states))\b"
    r"|\b(?P<people>(?:both|the\s+two)\s+(?:men|women|leaders|ministers|diplomats|officials)|the\s+pair)\b"
    r"|\b(?:they|both)\b",
    re.IGNORECASE)
# What makes "they will ..." a commitment made for both parties rather than any plural.
_FOR_BOTH = re.compile(r"\b(?:both|the\s+two)\s+(?:countries|nations|sides|peoples)\b|\b(?:together|jointly)\b",
                       re.IGNORECASE)
_PAIR_JOIN = re.compile(r"^\s*(?:,\s*)?(?:and|&|as\s+well\s+as)\s+(?:the\s+)?$", re.IGNORECASE)
_BETWEEN = re.compile(r"^\s*(?:\w+\s+){0,3}?between\s+(?:the\s+)?$", re.IGNORECASE)
# the spaces before a conjunction are taken from their start: a run of spaces is tried once
_CLAUSE = re.compile(r"[;:]|,[\"”’]?\s*|(?<!\s)\s+(?=(?:but|while|whereas|although|though|despite)\b)", re.IGNORECASE)
_ENVOYS = re.compile(r"\s+(?:counterparts?|colleagues|partners|officials|government|authorities|side|delegation"
                     r"|diplomats|negotiators|leadership|envoys?)\b", re.IGNORECASE)
# What a description starts with ("the ambassador", "one EU diplomat", "his spokesman") and the
# lower-case words a name may hold ("Khalil al-Hayya", "Ursula von der Leyen").
_DETERMINERS = frozenset({"the", "a", "an", "one", "two", "three", "some", "several", "many", "another", "his", "her",
                          "their", "its", "our", "this", "that", "these", "those", "other", "senior", "top", "former"})
_PARTICLES = re.compile("^(?:" + "|".join(word_list("people", "name_particles")) + r")(?:[\-‐].+)?$")
# Head nouns that end a description rather than a name ("Kentucky Republican"); a few are surnames too.
_DESCRIPTION_HEADS = PERSON_NOUNS - words("people", "surname_nouns")
_QUOTED = re.compile(r"[“\"]([^“”\"]+)[”\"]")  # an unclosed “ ends at the next mark, not the text's end
# A word every cue holds: a sentence with none of them is skipped before its parties are looked
# for (cheaper than trying each cue; test_every_cue_passes_the_prefilter keeps it complete).
_ANY_CUE = re.compile(
    r"\b(?:agree|sided|eye|same|reach|share|common|disagree|odds|differ|clash|split|divided|reject|dismiss"
    r"|disput|refut|rebuff|contradict|denie|both|want|pledge|vow|intend|committed|determined|together|united"
    r"|joint|they)", re.IGNORECASE)
_REJECTION = re.compile(r"\b(?:reject|den(?:y|ies|ied)|dismiss|refut|rebuff|dispute)\w*", re.IGNORECASE)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    party: str | None  # canonical person or country; None for a group ("they")
    kind: str  # person | country | group
    country: str | None = None  # the person's affiliation, or the country itself
    countries: bool = False  # a group of countries ("both countries")
    explicit: bool = False  # a group that says it is two ("the two leaders"), unlike "they"


@dataclass(frozen=True)
class _Sentence:
    text: str
    start: int  # offset in Document.text
    block: int
    section: str | None


@dataclass(frozen=True)
class _Finding:
    topic: str
    parties: tuple[str, str]
    relation: str
    level: str
    evidence: str
    weight: int
    cue: str
    start: int  # the evidence's offsets into the document text
    end: int


def _sentences(doc: Document) -> list[_Sentence]:
    out, section = [], None
    for index, (block, start) in enumerate(zip(doc.blocks, doc.block_starts(), strict=True)):
        if block.kind == "heading":
            section = block.text
        for s, e in split_sentences(block.text):
            out.append(_Sentence(block.text[s:e], start + s, index, section))
    return out


def is_named_person(speaker: Speaker) -> bool:
    """A person the article names, who can be a party: not a description the speaker was left
    with ("the ambassador", "one EU diplomat", "Qatar’s prime minister", "Kentucky Republican"),
    nor a place taken for a name ("Vilnius": a one-word name counts only with a role or affiliation)."""
    words = speaker.name.split()
    if speaker.kind != "person" or not words or canonical_country(speaker.name) == speaker.name:
        return False
    if words[0].lower() in _DETERMINERS or words[-1].lower().rstrip("s") in _DESCRIPTION_HEADS:
        return False
    if any(word.endswith(("’s", "'s", "’", "'")) for word in words):
        return False
    if not all(word[0].isupper() or _PARTICLES.match(word) for word in words):
        return False
    return len(words) > 1 or bool(speaker.role or speaker.affiliation)


def _country_of(speaker: Speaker) -> str | None:
    """The country (or bloc) a person speaks for; None when the affiliation is none of them."""
    return canonical_country(speaker.affiliation) if speaker.affiliation else None


def _person_matcher(speakers: list[Speaker]) -> tuple[re.Pattern | None, dict[str, Speaker]]:
    names: dict[str, Speaker] = {}
    for speaker in speakers:
        if not is_named_person(speaker):
            continue
        surname = speaker.name.split()[-1] if " " in speaker.name else None
        for name in [speaker.name, *speaker.aliases, surname]:
            if name and len(name) > 2 and name.lower() not in {"he", "she", "they"}:
                names.setdefault(name, speaker)
                names.setdefault(name[0].upper() + name[1:], speaker)
    if not names:
        return None, {}
    alternation = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])"), names


def _mentions(text: str, people: re.Pattern | None, names: dict[str, Speaker]) -> list[_Mention]:
    found: list[_Mention] = []
    if people:
        for m in people.finditer(text):
            speaker = names[m.group(0)]
            found.append(_Mention(m.start(), m.end(), speaker.name, "person", _country_of(speaker)))
    taken = [(m.start, m.end) for m in found]
    nouns = find_countries(text, nouns_only=True)
    for start, end, country in nouns:
        if not any(s < end and start < e for s, e in taken):
            found.append(_Mention(start, end, country, "country", country))
    # "its Chinese counterparts": a demonym before those who speak for the country stands for it
    for start, end, country in find_countries(text):
        envoys = _ENVOYS.match(text, end)
        if envoys and not any(s < end and start < e for s, e, _ in nouns) \
                and not any(s < envoys.end() and start < e for s, e in taken):
            found.append(_Mention(start, envoys.end(), country, "country", country))
    for m in _GROUP.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(_Mention(m.start(), m.end(), None, "group", countries=bool(m.group("countries")),
                                  explicit=bool(m.group("countries") or m.group("people"))))
    return sorted(found, key=lambda m: m.start)


def _main_parties(quotes: list[Quote], speakers: list[Speaker]) -> list[Speaker]:
    """The two speakers the article is about, most quoted first; none unless they hold most quotes."""
    counts = Counter(q.speaker for q in quotes if q.speaker)
    people = sorted((s for s in speakers if is_named_person(s) and counts.get(s.name)),
                    key=lambda s: -counts[s.name])
    if len(people) < 2:
        return []
    first = people[0]
    other = next((s for s in people[1:] if s.affiliation and s.affiliation != first.affiliation), people[1])
    if counts[first.name] + counts[other.name] < MAIN_SHARE * sum(counts.values()):
        return []
    return [first, other]


def _level(a: _Mention, b: _Mention) -> tuple[str, str, str] | None:
    """(party_a, party_b, level), alphabetically; None when both stand for the same party."""
    if a.kind == b.kind == "person":
        pair, level = (a.party, b.party), "person"
    else:
        pair, level = (a.country, b.country), "country"
    if not all(pair) or pair[0] == pair[1]:
        return None
    first, second = sorted(pair)
    return first, second, level


class _Resolver:
    """Finds the two parties a cue relates, within one sentence."""

    def __init__(self, main: list[Speaker]):
        self.main = [_Mention(0, 0, s.name, "person", _country_of(s)) for s in main]
        self.earlier: list[tuple[_Mention, _Mention]] = []  # "X and Y" pairs of the sentences just before

    def group(self, mention: _Mention, pairs: list[tuple[_Mention, _Mention]]) -> tuple[_Mention, _Mention] | None:
        """The pair a plural stands for: the last "X and Y" before it, else the article's main two."""
        before = [pair for pair in pairs if pair[1].end <= mention.start] or self.earlier
        if before:
            return before[-1]
        if len(self.main) < 2 or not mention.explicit:
            return None
        a, b = self.main
        if mention.countries:
            a, b = (_Mention(0, 0, m.country, "country", m.country) for m in (a, b))
        return a, b

    def resolve(self, text: str, cue: re.Match, style: str, mentions: list[_Mention], joint: bool = False
                ) -> tuple[_Mention, _Mention] | None:
        pairs = _pairs(text, mentions)
        if style == "they":
            if not _FOR_BOTH.search(text):
                return None
            return self.group(_Mention(cue.start(), cue.end(), None, "group", explicit=True,
                                       countries=bool(re.search(r"countr|nation", text, re.I))), pairs)
        return self._pair(text, cue, mentions, pairs, joint)

    def _pair(self, text: str, cue: re.Match, mentions: list[_Mention],
              pairs: list[tuple[_Mention, _Mention]], joint: bool = False) -> tuple[_Mention, _Mention] | None:
        """The two a symmetric cue relates. A joint position ("want to") is shared only by a
        pair named as its subject or a plural that says it is two ("both countries"): "they
        all vowed" and "neutral between X and Y" relate nobody."""
        before = [pair for pair in pairs if pair[1].end <= cue.start()]
        groups = [m for m in mentions if m.kind == "group" and m.start <= cue.start() and (m.explicit or not joint)]
        if joint:
            pairs = before
        # the nearer of the last "X and Y" and the last "they" before the cue is the subject
        if before and (not groups or before[-1][1].end > groups[-1].end):
            return before[-1]
        if groups:
            return self.group(groups[-1], pairs)
        after = [] if joint else [pair for pair in pairs if pair[0].start >= cue.end()
                 and _BETWEEN.match(text[cue.end():pair[0].start])]
        return after[0] if after else None


def _pairs(text: str, mentions: list[_Mention]) -> list[tuple[_Mention, _Mention]]:
    """Coordinated parties: "X and Y", "the USA and Russia"."""
    parties = [m for m in mentions if m.kind != "group"]
    return [(a, b) for a, b in zip(parties, parties[1:], strict=False) if _PAIR_JOIN.match(text[a.end:b.start])
            and not _qualifies_people(text, b.end)]


def _qualifies_people(text: str, at: int) -> bool:
    """"Trump and Cruz supporters clashed": the pair names whose people act, not who acts."""
    noun = re.match(r"\s+([a-z]+)", text[at:at + 24])
    return noun is not None and names_people(noun.group(1))


def _unplaced(pair: tuple[_Mention, _Mention]) -> tuple[_Mention, _Mention]:
    """The pair without offsets, for use in another sentence (nothing there to mask)."""
    return tuple(_Mention(0, 0, m.party, m.kind, m.country) for m in pair)


def _mask(text: str, mentions: list[_Mention]) -> str:
    for m in sorted(mentions, key=lambda m: -m.start):
        text = text[:m.start] + " " * (m.end - m.start) + text[m.end:]
    return text


def _specific(topics: list[str], taxonomy: Taxonomy) -> list[str]:
    """Drop topics that are only the parent of another one found ("Elections" beside its child)."""
    parents = {taxonomy.parents.get(topic) for topic in topics}
    return [topic for topic in topics if topic not in parents]


def _clauses(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in _CLAUSE.finditer(text):
        if m.start() > start:
            bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _topics(sentences: list[_Sentence], index: int, cue_at: int, parties: list[_Mention],
            quotes: list[Quote], taxonomy: Taxonomy) -> list[str]:
    """What the cue's clause is about; never one of the parties themselves ("Iran and the U.S.
    agree to meet again" is no agreement on Iran)."""
    own = {m.party for m in parties} | {m.country for m in parties}
    sentence = sentences[index]
    text, masked = sentence.text, _mask(sentence.text, parties)
    clauses = _clauses(text)
    here = next((i for i, (s, e) in enumerate(clauses) if s <= cue_at < max(e, s + 1)), len(clauses) - 1)
    s, e = clauses[here]
    near = [other for other in (index - 1, index + 1)
            if 0 <= other < len(sentences) and sentences[other].section == sentence.section]
    # "X and Y agreed to meet more often" is about X and Y; "X and Y agreed." about the context
    said_more = len(re.findall(r"\w+", text[cue_at:e])) > 3
    candidates = [masked[s:e]] + ([text[s:e]] if said_more else [])
    candidates += [masked[s:e] for s, e in reversed(clauses[:here])]
    candidates += [sentences[other].text for other in near] + [text]
    for candidate in candidates:
        topics = [topic for topic in _specific(taxonomy.tag(candidate), taxonomy) if topic not in own]
        if topics:
            return topics
    end = sentence.start + len(text)
    quoted = [t for q in quotes if sentence.start <= q.start_char < end for t in q.topics if t not in own]
    return list(dict.fromkeys(quoted))


def _stated(sentences: list[_Sentence], quotes: list[Quote], speakers: list[Speaker],
            taxonomy: Taxonomy) -> list[_Finding]:
    people, names = _person_matcher(speakers)
    resolver = _Resolver(_main_parties(quotes, speakers))
    cache: dict[int, list[_Mention]] = {}

    def mentions_in(index: int) -> list[_Mention]:
        """Each sentence is scanned once, and only where a cue needs its parties or antecedents."""
        if index not in cache:
            cache[index] = _mentions(sentences[index].text, people, names)
        return cache[index]

    findings: list[_Finding] = []
    for index, sentence in enumerate(sentences):
        text = sentence.text
        if not _ANY_CUE.search(text):
            continue
        mentions = mentions_in(index)
        # an antecedent for "they" / "both countries": an "X and Y" in the two sentences before
        resolver.earlier = [_unplaced(pair) for i in (index - 2, index - 1)
                            if i >= 0 and sentences[i].section == sentence.section
                            for pair in _pairs(sentences[i].text, mentions_in(i))]
        used: list[tuple[int, int]] = []
        for regex, relation, weight, style in CUES:
            for cue in regex.finditer(text):
                if any(s < cue.end() and cue.start() < e for s, e in used):
                    continue
                pair = resolver.resolve(text, cue, style, mentions, joint=weight == JOINT)
                if pair is None:
                    continue
                used.append(cue.span())
                parties = _level(*pair)
                if parties is None:
                    continue
                negated = bool(_NEGATED.search(text[:cue.start()]))
                stated = relation if not negated else "agree" if relation == "disagree" else "disagree"
                for topic in _topics(sentences, index, cue.start(), list(pair), quotes, taxonomy):
                    findings.append(_Finding(topic, parties[:2], stated, parties[2], text, weight,
                                             cue.group(0), sentence.start, sentence.start + len(text)))
    return findings


def _quote_topics(quote: Quote, sentences: list[_Sentence], taxonomy: Taxonomy) -> list[str]:
    if quote.topics:
        return quote.topics
    index = next((i for i, s in enumerate(sentences) if s.start <= quote.start_char < s.start + len(s.text) + 1),
                 None)
    if index is None:
        return _specific(taxonomy.tag(quote.sentence), taxonomy)
    for other in (index, index - 1):
        if other >= 0 and sentences[other].section == sentences[index].section:
            topics = _specific(taxonomy.tag(sentences[other].text), taxonomy)
            if topics:
                return topics
    return []


def _stance_of_own_words(text: str) -> str:
    """Stance of the words within quotation marks, where the writer's paraphrase around them blurs it."""
    own = " ".join(_QUOTED.findall(text))
    return stance_of(own) if own else "neutral"


def _opposed(sentences: list[_Sentence], quotes: list[Quote], speakers: list[Speaker],
             taxonomy: Taxonomy) -> list[_Finding]:
    """One main party rejects what the other supports, on the same topic: a disagreement."""
    by_name = {s.name: s for s in _main_parties(quotes, speakers)}
    rejects, supports = [], []
    for quote in quotes:
        speaker = by_name.get(quote.speaker or "")
        if speaker is None:
            continue
        # where the label (a position on the topic itself) is neutral, the lean of the words as a
        # whole: a rejection and a support of one matter are set side by side, the reader judges them
        stance = quote.stance
        if stance == "neutral":
            stance = stance_of(quote.text, quote.topics[0] if quote.topics else None)
        if stance == "neutral":
            stance = _stance_of_own_words(quote.text)
        rejection = _REJECTION.search(f"{quote.cue or ''} {quote.sentence}")
        topics = _quote_topics(quote, sentences, taxonomy)
        if stance == "oppose" and rejection:
            rejects.append((speaker, topics, quote))
        elif stance == "support":
            supports.append((speaker, topics, quote))
    findings = []
    for speaker, topics, quote in rejects:
        for other, other_topics, other_quote in supports:
            same_side = other.name == speaker.name or (
                speaker.affiliation and speaker.affiliation == other.affiliation)
            if same_side:
                continue
            first, second = sorted((speaker.name, other.name))
            evidence = f"{quote.sentence} … {other_quote.sentence}"
            for topic in topics:
                if topic in other_topics:
                    findings.append(_Finding(topic, (first, second), "disagree", "person", evidence, OPPOSED,
                                             quote.cue or "", min(quote.start_char, other_quote.start_char),
                                             max(quote.end_char, other_quote.end_char)))
    return findings


def _relation_topics(doc: Document, relation: Relation, parties: list[Party], taxonomy: Taxonomy,
                     fallback: str) -> list[str]:
    """What the sentence stating a relation is about: its words with the two parties masked
    ("Lee attacked Russia's envoy" is no relation on Russia), else all its words but the
    parties' own names; else the article's main topic."""
    text = doc.text
    start, end = relation.sentence_start, relation.sentence_end
    own = {relation.party_a, relation.party_b}
    masked = list(text[start:end])
    for party in parties:
        if start <= party.start and party.end <= end and party.name in own:
            masked[party.start - start:party.end - start] = " " * (party.end - party.start)
    for candidate in ("".join(masked), text[start:end]):
        topics = [t for t in _specific(taxonomy.tag(candidate), taxonomy) if t not in own]
        if topics:
            return topics
    return [fallback]


def main_topic(doc: Document, quotes: list[Quote], taxonomy: Taxonomy) -> str:
    """The topic an article is about: its title's, else its statements' most frequent, else General."""
    titled = _specific(taxonomy.tag(doc.title or ""), taxonomy)
    if titled:
        return titled[0]
    counts = Counter(topic for quote in quotes for topic in quote.topics)
    return counts.most_common(1)[0][0] if counts else GENERAL


def find_agreements(doc: Document, quotes: list[Quote], speakers: list[Speaker],
                    taxonomy: Taxonomy, sentences_with_parties: list[SentenceParties] | None = None
                    ) -> list[Agreement]:
    """Stated relations (accord.transforms.analysis.relations), one row each; then joint positions ("both
    countries want …") and opposed statements of the article's two main parties, one row per
    topic and pair, where no stated relation of the same sentence already relates them."""
    fallback = main_topic(doc, quotes, taxonomy)
    agreements = []
    parties = [p for s in sentences_with_parties or [] for p in s.parties]
    for relation in find_relations(doc.text, sentences_with_parties or []):
        agreements.extend(Agreement(
            topic=topic, party_a=relation.party_a, party_b=relation.party_b, relation=relation.relation,
            level=relation.level, evidence=doc.text[relation.sentence_start:relation.sentence_end],
            kind=relation.kind, directed=relation.directed, cue=relation.cue,
            start_char=relation.sentence_start, end_char=relation.sentence_end,
            cue_start=relation.cue_start, cue_end=relation.cue_end,
            country_a=relation.country_a, country_b=relation.country_b)
            for topic in _relation_topics(doc, relation, parties, taxonomy, fallback))
    stated_here = {(a.start_char, frozenset((a.party_a, a.party_b))) for a in agreements}
    sentences = _sentences(doc)
    findings = [f for f in _stated(sentences, quotes, speakers, taxonomy)
                if (f.start, frozenset(f.parties)) not in stated_here]
    stated_keys = {(f.topic, f.parties) for f in findings}
    findings += [f for f in _opposed(sentences, quotes, speakers, taxonomy)
                 if (f.topic, f.parties) not in stated_keys]
    totals: dict[tuple, Counter] = {}
    for finding in findings:
        key = (finding.topic, finding.parties, finding.level)
        totals.setdefault(key, Counter())[finding.relation] += finding.weight
    for (topic, (party_a, party_b), level), weights in totals.items():
        relation = "disagree" if weights["disagree"] >= weights["agree"] else "agree"
        best = max((f for f in findings if (f.topic, f.parties, f.level, f.relation)
                    == (topic, (party_a, party_b), level, relation)), key=lambda f: f.weight)
        agreements.append(Agreement(topic, party_a, party_b, relation, level, best.evidence, kind=relation,
                                    directed=False, cue=best.cue, start_char=best.start, end_char=best.end))
    return agreements
