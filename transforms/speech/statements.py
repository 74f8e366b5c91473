"""Statements in an article: direct, partial and reported quotes with resolved speakers."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from accord.transforms.countries import find_countries
from accord.transforms.lexicon import table
from accord.transforms.page.document import Document
from accord.transforms.page.language import detect_language, primary_language
from accord.transforms.records import Speaker
from accord.transforms.speech.quotes import QuoteSpan, find_quotes
from accord.transforms.speech.reported_speech import Frame, find_frames, is_attribution_tail
from accord.transforms.speech.sections import block_sections, heading_names
from accord.transforms.speech.sentences import split_sentences
from accord.transforms.speech.speaker_registry import SpeakerRegistry
from accord.transforms.speech.speakers import (
    PERSON_NOUNS,
    RANK_TITLES,
    SOURCE_NOUNS,
    TITLE_WORDS,
    Coreference,
    Entity,
    Mention,
    after_place_preposition,
    find_mentions,
    parse_name,
)

# A transcript's speaker label: "TAPPER: Do you think …" (capitals only, a few words)
_LABEL = re.compile(r"((?:[A-Z][A-Z.’'\-]+)(?: [A-Z][A-Z.’'\-]+){0,2}):\s+(?=\S)")
_LEAD = " \t—–-…([“\"«»„'‘"
# a quote of this many words or fewer that nobody can be found to have said is taken for a scare
# quote or a title ("the people’s republic of X"), not a statement
_SCARE_QUOTE_WORDS = 5


@dataclass
class Unit:
    """A sentence, widened so that no quote straddles two units."""
    start: int
    end: int
    block: int
    quotes: list[QuoteSpan] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    wrapped: list[tuple[int, int]] = field(default_factory=list)  # '' … '' spans in it (see _apostrophe_spans)


@dataclass
class Statement:
    start: int
    end: int
    kind: str
    unit: Unit
    entity: Entity | None
    mention: Mention | None
    cue: str | None
    group: int | None = None  # the multi-paragraph quote a direct or partial statement is part of
    in_title: bool = False  # the title's claim: offsets and unit point into the title


_APOSTROPHES_OPEN = re.compile(r"(?:^|(?<=[\s(:—–-]))''(?=\S)")
_APOSTROPHES_CLOSE = re.compile(r"(?<=\S)''(?=[\s.,;:!?)—–-]|$)")


def _apostrophe_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Words between doubled apostrophes in text[lo:hi] ('' … ''), which archive renderings use
    for quotation marks: they hold one statement even where it runs over sentences."""
    spans = []
    at = lo
    while (opened := _APOSTROPHES_OPEN.search(text, at, hi)) and (
            closed := _APOSTROPHES_CLOSE.search(text, opened.end(), hi)):
        spans.append((opened.start(), closed.end()))
        at = closed.end()
    return spans


def _units(text: str, doc: Document, quotes: list[QuoteSpan]) -> list[Unit]:
    units: list[Unit] = []
    for index, (block, start) in enumerate(zip(doc.blocks, doc.block_starts(), strict=True)):
        if block.kind == "heading":
            continue
        spans = split_sentences(text, start, start + len(block.text))
        wrapped = _apostrophe_spans(text, start, start + len(block.text))
        merged: list[list[int]] = []
        for s, e in spans:
            if merged and (any(q.open_at < merged[-1][1] and q.close_at > s for q in quotes)
                           or any(ws < merged[-1][1] and we > s for ws, we in wrapped)
                           or ((text[merged[-1][1] - 1] in "”\"" or text.endswith("''", 0, merged[-1][1]))
                               and is_attribution_tail(text[s:e]))):
                merged[-1][1] = e
            else:
                merged.append([s, e])
        units.extend(Unit(s, e, index, wrapped=[(ws, we) for ws, we in wrapped if ws < e and we > s])
                     for s, e in merged)
    for q in quotes:
        for unit in units:
            if unit.start <= q.open_at < unit.end or (q.open_at == q.start and unit.start <= q.start < unit.end):
                unit.quotes.append(q)
                break
    return units


# a capitalised word ending in -ly inside a sentence ("said Megyn Kelly"): a name, not an adverb
_LY_INSIDE = re.compile(r"(?<=[a-z,] )[A-Z][a-z’'-]*ly\b")


def quoted_spans(unit: Unit) -> list[tuple[int, int]]:
    return [(q.open_at, q.close_at) for q in unit.quotes]


# a phrase or clause fronted before the subject: "In an interview with Fox, Lee said", "When Ann
# Lee asked, Bo Chen replied"; the names in it are less salient than the subject after it
_FRONTED = re.compile(r"[\s“\"‘'(]*+(?:(?:And|But|So|Then|Yet|Still|Later|Now)\b,?\s++)?"
                      r"(?:In|On|At|During|After|Before|When|While|As|Since|Once|Although|Though|If|Because|Despite|"
                      r"Unlike|Like|With|Without|Following|Amid|Under|Asked|Speaking|Responding|Reacting)\b[^,:;“”\"]{1,120}+,\s")


def _subject_first(text: str, unit: Unit) -> list[Mention]:
    """The unit's mentions with those of a fronted phrase put after the rest: the subject of the
    main clause is who the next "he" or "she" most likely means."""
    fronted = _FRONTED.match(text, unit.start, unit.end)
    if fronted is None:
        return unit.mentions
    return [m for m in unit.mentions if m.start >= fronted.end()] + \
        [m for m in unit.mentions if m.start < fronted.end()]


class Resolver:
    """Mentions to entities, with pronouns resolved against recent sentences."""

    def __init__(self, registry: SpeakerRegistry, lower_words: frozenset[str] = frozenset()):
        self.coref = Coreference(registry)
        # the document's lower-case words, and what parse_name made of each name in it
        self.lower_words = lower_words
        self.names: dict = {}
        self.recent: list[list[Entity]] = []  # persons and organisations named, per unit
        self.nominals: list[list[Mention]] = []  # persons described, never named ("the woman"), per unit
        self.last_speaker: Entity | None = None
        self.last_speaker_unit = -10
        # described speakers the next sentences may name: "Qatar's prime minister announced … .
        # Sheikh Ann Lee said": (unit, mention, stand-in entity)
        self.pending: list[tuple[int, Mention, Entity]] = []
        self.named_for: dict[int, Entity] = {}  # id of a stand-in -> the entity it turned out to be
        self.places: set[int] = set()  # ids of entities the text names as where things happen
        self.singular: set[int] = set()  # ids of things described by a singular noun ("the memo"): never "they"
        self.text = ""  # the document's text, as read

    def read(self, unit: Unit, text: str, unit_index: int = 0) -> None:
        self.text = text
        self.coref.describe(text, unit.mentions)
        self._name_pending(unit, text, unit_index)
        named, described = [], []
        for m in _subject_first(text, unit):
            if m.kind == "pronoun":
                # "he"/"she" keep the person they stand for salient: "Trump never mentioned Clinton. He
                # nodded to his finish behind Ted Cruz. “…,” he said." is still Trump
                if m.text.lower() in ("he", "she") and (entity := self._pronoun(m, unit_index, unit)) is not None \
                        and entity.name in self.coref.entities and self.coref.entities[entity.name] is entity:
                    named.append(entity)
                continue
            entity = self.coref.entity_for(m, m.start)
            if entity is None and m.kind == "nominal" and not m.plural and m.head in PERSON_NOUNS:
                described.append(m)
            if entity is None and m.plural:
                entity = Entity(m.text, "organisation")
            elif entity is None and m.kind == "nominal" and m.head in SOURCE_NOUNS:
                # a writing or a body that speaks, an antecedent for "it" only: "The email read … It stated …"
                entity = Entity(m.text, "organisation")
                self.singular.add(id(entity))
            if entity is not None:
                self.coref.note(m.start, entity)
                if m.kind == "name" and after_place_preposition(text, m) and entity.kind == "person" \
                        and not (entity.role or entity.gender):
                    self.places.add(id(entity))
                if not (entity.kind == "person" and (self.coref.registry.institutions.is_place(entity.name)
                                                     or id(entity) in self.places)):
                    named.append(entity)
        self.recent.append(named)
        self.nominals.append(described)

    def resolve(self, mention: Mention | None, unit_index: int, unit: Unit) -> Entity | None:
        if mention is None:
            return None
        if mention.kind != "pronoun":
            entity = self.coref.entity_for(mention, mention.start)
            if entity is not None and entity.kind == "person" and \
                    self.coref.registry.institutions.is_place(entity.name):
                return None  # "Iowa", "New York": a place says nothing
            if entity is None and mention.kind == "nominal":
                # "a longtime adviser", "the statement": the words are all the article gives
                entity = self._described(mention, unit_index)
            return entity
        return self._pronoun(mention, unit_index, unit)

    def _pronoun(self, mention: Mention, unit_index: int, unit: Unit) -> Entity | None:
        """'it'/'they': the nearest organisation (or country, for 'it'); 'he'/'she': a person
        named before it in the sentence, the last speaker, the nearest named person, or a person
        only described."""
        word = mention.text.lower()
        if word in ("it", "they"):
            # groups and organisations speak as "they"/"it"; a country only as "it"
            for named in reversed(self.recent[max(0, unit_index - 3):unit_index + 1]):
                orgs = [e for e in named if e.kind == "organisation" and (word == "it" or id(e) not in self.singular)
                        or (word == "it" and e.kind == "country")]
                if orgs:
                    return orgs[0]
            return None
        if word not in ("he", "she"):
            return None

        def fits(entity: Entity) -> bool:
            return entity.kind == "person" and entity.gender in (None, mention.gender) and entity.personal \
                and id(entity) not in self.places

        before_here = [m for m in _subject_first(self.text, unit) if m.kind == "name" and m.end <= mention.start]
        for m in before_here:
            entity = self.coref.entity_for(m, m.start)
            if fits(entity):
                return entity
        speaker = self.last_speaker
        for back in range(1, 7):
            i = unit_index - back
            if i < 0:
                break
            named = [e for e in self.recent[i] if fits(e)]
            if speaker is not None and fits(speaker) and (speaker in named or self.last_speaker_unit == i):
                return speaker
            if named:
                return named[0]
        if speaker is not None and fits(speaker):
            return speaker
        # nobody named fits: a person the article only describes ("the woman who started it")
        for back in range(0, 4):
            i = unit_index - back
            if i < 0:
                break
            # (while its own unit is being read, that unit's nominals are not listed yet)
            for m in self.nominals[i] if i < len(self.nominals) else ():
                if m.gender == mention.gender and (back or m.end <= mention.start):
                    return Entity(m.text, "person", gender=m.gender)
        return None

    def _described(self, mention: Mention, unit_index: int) -> Entity:
        person = mention.head in PERSON_NOUNS
        entity = Entity(mention.text, "person" if person else "organisation", role=mention.title,
                        affiliation=mention.affiliation)
        if person:
            self.coref.take_description(entity, mention)
            if mention.title and mention.head in TITLE_WORDS and not mention.text.lower().startswith(
                    ("a ", "an ", "one ", "another ", "his ", "her ", "their ", "its ")):
                self.pending.append((unit_index, mention, entity))
        return entity

    def _name_pending(self, unit: Unit, text: str, unit_index: int) -> None:
        """A described speaker named as the subject of one of the next two sentences, with no
        office of their own or the same one: 'Qatar's prime minister announced … . Sheikh Ann Lee
        said …'."""
        self.pending = [p for p in self.pending if unit_index - p[0] <= 2 and id(p[2]) not in self.named_for]
        if not self.pending or not unit.mentions:
            return
        first = unit.mentions[0]
        if first.kind != "name" or text[unit.start:first.start].strip(" “\"‘'(") or first.role \
                and first.role not in RANK_TITLES:
            return
        entity = self.coref.resolve_name(first)
        if entity.kind != "person" or not entity.personal or len(entity.name.split()) < 2 \
                or any(e is entity for e in self.named_for.values()):
            return
        for index, mention, stand_in in self.pending:
            if index >= unit_index:
                continue
            if entity.role and entity.role not in RANK_TITLES and (mention.head or "") not in entity.role.lower():
                continue
            if entity.affiliation and stand_in.affiliation and entity.affiliation != stand_in.affiliation:
                continue
            self.coref.take_description(entity, mention)
            entity.described_as.add(mention.head or "")
            self.named_for[id(stand_in)] = entity
            return

    def spoke(self, entity: Entity | None, unit_index: int) -> None:
        if entity is not None:
            self.last_speaker, self.last_speaker_unit = entity, unit_index
            entity.personal = entity.personal or entity.kind == "person"

    def read_title(self, title: str, registry: SpeakerRegistry) -> None:
        """Names the title introduces ("Rex Tillerson met …") for the body's short names."""
        for m in find_mentions(title, 0, len(title), frozenset(), registry):
            if m.kind == "name":
                self.coref.note(-1, self.coref.resolve_name(m))


def _is_whole(text: str, unit: Unit, q: QuoteSpan) -> bool:
    """Direct: the quote opens its sentence, or follows a cue with a comma or colon as a sentence."""
    before = text[unit.start:q.open_at].strip(_LEAD)
    if not before:
        return True
    return before.endswith((",", ":")) and text[q.start:q.start + 1].isupper()


_PRONOUN_WORDS = frozenset(("he", "she", "they", "it", "we", "i", "you"))


def _runs_on(text: str, unit: Unit, q: QuoteSpan, frame: Frame | None) -> bool:
    """'“It seems unlikely” that she can win, said Elmendorf': the writer's words go on after
    the quote before the attribution; the quote is part of that clause, a partial quote."""
    after = re.match(r"\s*([a-z][\w’'\-]*)", text[q.close_at:unit.end])
    if q.close_at >= unit.end or after is None or text[q.close_at - 1:q.close_at] not in "”\"" \
            or after.group(1) in _PRONOUN_WORDS:
        return False
    if frame is None or frame.cue_start < q.close_at:
        return False
    first = min(frame.cue_start, frame.speaker.start if frame.speaker else frame.cue_start)
    return len(text[q.close_at:first].split()) >= 3


_TITLE_SMALL = frozenset(("of", "the", "a", "an", "and", "for", "to", "in", "on", "at", "with", "or", "vs."))


def _title_like(text: str, q: QuoteSpan) -> bool:
    """A short run of capitalised words ("Saturday Night Live", "Fight for 15"): a title or name."""
    words = text[q.start:q.end].rstrip(",.!").split()
    return 0 < len(words) <= 6 and words[0][:1].isupper() and not re.search(r"[.?!;:]\s", text[q.start:q.end]) \
        and all(w[:1].isupper() or w[:1].isdigit() or w in _TITLE_SMALL for w in words)


def _adjacent(text: str, frame: Frame | None, q: QuoteSpan) -> bool:
    """The cue stands right by the quote: '“Thank You, Ohio,” Lee said', 'Lee said: “Go Team”'."""
    if frame is None:
        return False
    first = min(frame.cue_start, frame.speaker.start if frame.speaker else frame.cue_start)
    last = max(frame.cue_end, frame.speaker.end if frame.speaker else frame.cue_end)
    return (first >= q.close_at and not text[q.close_at:first].strip(" ,—–-")) or \
        (last <= q.open_at and text[last:q.open_at].strip() in (",", ":", ""))


def _woven_before(text: str, unit: Unit, frame: Frame) -> int | None:
    """'placed on the list because of the “impact,” Jacobs said, that he has had': a quote woven
    into a clause that goes on after the attribution; where that clause starts."""
    if frame.inverted or frame.speaker is None or frame.content is None or frame.content[0] < frame.cue_end:
        return None
    first = min(frame.cue_start, frame.speaker.start)
    for q in unit.quotes:
        if q.close_at <= first and not text[q.close_at:first].strip() and text[q.end - 1:q.end] == "," \
                and text[unit.start:q.open_at].strip(_LEAD):
            return _clause(text, unit, q, None)[0]
    return None


def _clause(text: str, unit: Unit, q: QuoteSpan, frame: Frame | None) -> tuple[int, int]:
    """The writer's clause a quoted fragment is woven into: the statement it belongs to."""
    lo, hi = unit.start, unit.end
    if frame is not None:
        speaker = frame.speaker
        first = min(frame.cue_start, speaker.start if speaker else frame.cue_start)
        last = max(frame.cue_end, speaker.end if speaker else frame.cue_end)
        if last <= q.open_at and not text[lo:first].strip(_LEAD + ",."):
            lo = frame.content[0] if frame.content else last
        elif first >= q.close_at:
            hi = first
    while lo < hi and (text[lo].isspace() or text[lo] in ",:;"):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ",.;:—–-"):
        hi -= 1
    if text[lo:lo + 1] in "“\"«»„" and lo == q.open_at:
        lo += 1
    return min(lo, q.start), max(hi, q.end)


def _section_entity(heading: str | None, resolver: Resolver, cache: dict) -> Entity | None:
    if heading is None:
        return None
    if heading not in cache:
        cache[heading] = None
        for name in heading_names(heading):
            parsed = parse_name(name)
            if parsed is None or parsed.kind != "name":
                continue
            known = resolver.coref.registry.lookup(parsed.name or "")
            entity = None
            if known or any(parsed.name in e.name.split() or parsed.name == e.name
                            for e in resolver.coref.entities.values()):
                entity = resolver.coref.resolve_name(parsed)
            if entity is not None:
                cache[heading] = entity
                break
    return cache[heading]


def attribute(doc: Document, registry: SpeakerRegistry, observe: Callable[[Unit, int, Resolver], None] | None = None
              ) -> tuple[list[Statement], dict[int, str | None]]:
    """Every statement in doc.text with its speaker; also each block's section heading.
    `observe`, when given, sees every unit with the resolver as it stands there (in document
    order, so "he" is who it is at that point)."""
    run = _Attribution(doc, registry)
    for index, unit in enumerate(run.units):
        run.resolver.read(unit, run.text, index)
        if observe is not None:
            observe(unit, index, run.resolver)
        run.read_unit(index, unit)
    return run.finish(), dict(enumerate(run.sections))


class _Attribution:
    """One document's attribution as it goes through the units in order: the statements found so
    far and who spoke last in each quote group and paragraph."""

    def __init__(self, doc: Document, registry: SpeakerRegistry):
        self.doc = doc
        self.text = text = doc.text
        starts = doc.block_starts()
        paragraphs = [(s, s + len(b.text)) for b, s in zip(doc.blocks, starts, strict=True) if b.kind != "heading"]
        self.units = _units(text, doc, find_quotes(text, paragraphs))
        lower_words = frozenset(re.findall(r"\b[a-z][\w’'-]*", text))
        self.resolver = Resolver(registry, lower_words)
        if doc.title:
            self.resolver.read_title(doc.title, registry)
        _find_mentions_and_frames(text, self.units, lower_words, registry, self.resolver.names)
        self.sections = block_sections(doc)
        self.foreign_cues = _FOREIGN_CUES.get(primary_language(doc.language) or detect_language(text) or "en")
        self.section_cache: dict[str, Entity | None] = {}
        self.statements: list[Statement] = []
        self.by_group: dict[int, tuple[Entity | None, Mention | None, str | None]] = {}
        self.last_in_block: dict[int, tuple[Entity | None, Mention | None, str | None, bool]] = {}
        self.seen_content: set[tuple[int, int]] = set()
        self.block_start_set = set(starts)

    def read_unit(self, index: int, unit: Unit) -> None:
        """The statements of one unit, after the resolver has read it."""
        if unit.start in self.block_start_set and not unit.quotes \
                and (self._transcript_label(index, unit) or self._colon_cue(index, unit)):
            return
        run_on = _apostrophe_run_on(self.text, unit, self.units[index - 1] if index else None, self.statements,
                                    self.seen_content)
        if run_on is not None:
            self.seen_content.add(run_on)
            last = self.statements[-1]
            self.statements.append(Statement(run_on[0], run_on[1], "indirect", unit, last.entity, last.mention,
                                             last.cue))
        consumed: set[int] = set()
        attached: dict[int, Frame] = {}
        # a quote-only frame ("Comey's conclusion that … “careless”") is nearer its quote than a
        # frame whose reported clause holds both
        for frame in sorted(unit.frames, key=lambda f: not f.quote_only):
            if frame.content is not None:
                self._frame_statements(index, unit, frame, consumed, attached)
        self._quote_statements(index, unit, consumed, attached)
        if self.statements and self.statements[-1].unit is unit:
            last = self.statements[-1]
            self.last_in_block[unit.block] = (last.entity, last.mention, last.cue, True)
        elif unit.block in self.last_in_block:
            e, m, c, _ = self.last_in_block[unit.block]
            self.last_in_block[unit.block] = (e, m, c, False)

    def _transcript_label(self, index: int, unit: Unit) -> bool:
        """'TAPPER: Do you think …': the paragraph is the labelled speaker's."""
        text = self.text
        label = _LABEL.match(text, unit.start, unit.end)
        if not label or len(label.group(1).split()) > 3:
            return False
        mention = Mention(label.start(1), label.end(1), label.group(1), "name", name=label.group(1).title())
        entity = self.resolver.coref.resolve_name(mention)
        self.resolver.coref.note(mention.start, entity)
        self.resolver.spoke(entity, index)
        block_end = text.find("\n", label.end())
        span = (label.end(), len(text) if block_end < 0 else block_end)
        self.seen_content.add(span)
        self.statements.append(Statement(span[0], span[1], "indirect", unit, entity, mention, ":"))
        return True

    def _colon_cue(self, index: int, unit: Unit) -> bool:
        """'Sanders: We will win.': the paragraph is the named speaker's."""
        cued = _colon_cue(self.text, unit, self.resolver)
        if cued is None:
            return False
        (cs, ce), mention, entity = cued
        self.resolver.spoke(entity, index)
        self.seen_content.add((cs, ce))
        self.statements.append(Statement(cs, ce, "indirect", unit, entity, mention, ":"))
        return True

    def _frame_statements(self, index: int, unit: Unit, frame: Frame, consumed: set[int],
                          attached: dict[int, Frame]) -> None:
        """The statements a reporting frame's content makes (partial where it holds quotes); a
        quote holding the whole content is attached to the frame instead."""
        text = self.text
        entity = None
        pieces = [p for p in (frame.content, frame.more) if p]
        if len(pieces) == 2 and any(q.open_at < p[1] and q.close_at > p[0] for q in unit.quotes for p in pieces):
            # "Particularly here, he said, “we don't know” how many …": one partial statement
            pieces = [(pieces[0][0], pieces[1][1])]
        woven = _woven_before(text, unit, frame)
        if woven is not None:
            pieces = [(woven, pieces[0][1])]
        for q in unit.quotes:
            if q.close_at <= pieces[0][0] and not text[q.close_at:pieces[0][0]].strip() \
                    and not text[unit.start:q.open_at].strip(_LEAD):
                # "“It looks unlikely” that the deal holds, said Lee": the quote and its run-on
                pieces[0] = (q.open_at, pieces[0][1])
        for piece, (cs, ce) in enumerate(pieces):
            if ce <= cs:
                continue
            inside = [i for i, q in enumerate(unit.quotes) if q.open_at <= cs and ce <= q.close_at]
            if inside:
                attached[inside[0]] = frame
                continue
            inner = [i for i, q in enumerate(unit.quotes) if q.open_at < ce and q.close_at > cs and i not in consumed]
            if frame.quote_only and not inner:
                continue
            ce = max([ce] + [unit.quotes[i].end for i in inner])
            if text[cs] in "“\"«»„" and inner:
                cs += 1
            if (cs, ce) in self.seen_content or any(s <= cs and ce <= e for s, e in self.seen_content):
                continue
            self.seen_content.add((cs, ce))
            if not piece or entity is None:
                entity = self.resolver.resolve(frame.speaker, index, unit)
                self.resolver.spoke(entity, index)
            for i in inner:
                consumed.add(i)
                self.by_group[unit.quotes[i].group] = (entity, frame.speaker, frame.cue)
            self.statements.append(Statement(cs, ce, "partial" if inner else "indirect", unit, entity,
                                             frame.speaker, frame.cue))

    def _quote_statements(self, index: int, unit: Unit, consumed: set[int], attached: dict[int, Frame]) -> None:
        """A statement for each quote no frame's content took: direct where it stands as a
        sentence, else partial with the writer's clause around it."""
        text = self.text
        whole_groups: set[int] = set()
        for i, q in enumerate(unit.quotes):
            if i in consumed:
                continue
            frame = attached.get(i) or min(
                unit.frames, default=None,
                key=lambda f, q=q: min(abs(f.cue_start - q.close_at), abs(f.cue_end - q.open_at)))
            alone = not text[unit.start:q.open_at].strip(_LEAD) and not text[q.close_at:unit.end].strip()
            if _title_like(text, q) and i not in attached and not alone and not _adjacent(text, frame, q):
                continue  # “Saturday Night Live”, its “Person of the Year”: a name, nobody's words
            said = self._quote_speaker(index, unit, q, frame)
            if said is None:
                continue
            entity, mention, cue = said
            self.by_group[q.group] = (entity, mention, cue)
            self.resolver.spoke(entity, index)
            if (_is_whole(text, unit, q) and not _runs_on(text, unit, q, frame)) or q.group in whole_groups:
                whole_groups.add(q.group)
                self.statements.append(Statement(q.start, q.end, "direct", unit, entity, mention, cue, q.group))
                continue
            cs, ce = _clause(text, unit, q, frame)
            for j, other in enumerate(unit.quotes):
                if j > i and other.open_at < ce and other.close_at > cs:
                    consumed.add(j)
                    ce = max(ce, other.end)
            if (cs, ce) not in self.seen_content:
                self.seen_content.add((cs, ce))
                self.statements.append(Statement(cs, ce, "partial", unit, entity, mention, cue, q.group))

    def _quote_speaker(self, index: int, unit: Unit, q: QuoteSpan, frame: Frame | None
                       ) -> tuple[Entity | None, Mention | None, str | None] | None:
        """Who says a quote, by the first that applies: a non-English cue, the nearest frame, the
        quote group's speaker, a colon-ended introduction, the subject of the writer's clause, the
        fallbacks of _fallback, the section's heading. None for a short quote nobody says (a scare
        quote)."""
        text, resolver = self.text, self.resolver
        prev = self.units[index - 1] if index else None
        foreign = _foreign_cue(text, unit, q, self.foreign_cues) if self.foreign_cues else None
        if foreign is not None:
            mention, cue = foreign
            return resolver.resolve(mention, index, unit), mention, cue
        if frame is not None:
            return resolver.resolve(frame.speaker, index, unit), frame.speaker, frame.cue
        if (signed := _signature(text, q, resolver)) is not None:
            return signed[1], signed[0], "―"
        if (written := _read_by(text, unit, q)) is not None:
            return resolver.resolve(written, index, unit), written, "read"
        if q.group in self.by_group:
            return self.by_group[q.group]
        if (introduced := _colon_introducer(text, unit, q, prev)) is not None:
            return resolver.resolve(introduced, index, unit), introduced, ":"
        if (subject := _quoting_subject(text, unit, q, resolver, index)) is not None:
            mention, entity = subject
            return entity, mention, None
        if (introduced := _previous_subject(text, unit, q, prev)) is not None:
            return resolver.resolve(introduced, index, unit), introduced, None
        entity, mention, cue = _fallback(self.units, index, unit, self.last_in_block, text)
        if entity is None and mention is not None:
            entity = resolver.resolve(mention, index, unit)
        if entity is None and mention is None:
            entity = _section_entity(self.sections[unit.block], resolver, self.section_cache)
            if entity is None and len(text[q.start:q.end].split()) <= _SCARE_QUOTE_WORDS:
                return None
        return entity, mention, cue

    def finish(self) -> list[Statement]:
        """The statements with speakers carried over a quote's paragraphs, the title's claim, and
        described speakers replaced by whom they turned out to be."""
        statements = self.statements
        # a quote running over paragraphs is often attributed only in a later one ("“…¶“…,” she said."):
        # its earlier paragraphs are that speaker's too
        group_speakers: dict[int, Statement] = {}
        for st in statements:
            if st.group is not None and st.entity is not None:
                group_speakers.setdefault(st.group, st)
        for st in statements:
            if st.entity is None and st.mention is None and (said := group_speakers.get(st.group)):
                st.entity, st.mention, st.cue = said.entity, said.mention, said.cue
        if self.doc.title and (claim := _title_claim(self.doc.title, self.resolver)):
            statements.append(claim)
        for st in statements:
            if st.entity is not None and id(st.entity) in self.resolver.named_for:
                st.entity = self.resolver.named_for[id(st.entity)]
        return statements


def _find_mentions_and_frames(text: str, units: list[Unit], lower_words: frozenset[str], registry: SpeakerRegistry,
                              names: dict) -> None:
    """Each unit's mentions and reporting frames. Whoever the quoted words name is no speaker, and
    no antecedent for the next "he"."""
    named_inside = frozenset(_LY_INSIDE.findall(text))
    for unit in units:
        quoted = quoted_spans(unit)
        unit.mentions = [m for m in find_mentions(text, unit.start, unit.end, lower_words, registry, names,
                                                  named_inside)
                         if all(not (s <= m.start < e) for s, e in quoted + unit.wrapped)]
        unit.frames = find_frames(text, unit.start, unit.end, unit.mentions, quoted, registry.institutions)


# "Sanders: We will win.", "Obama’s message: …": a name (with a saying noun) and a colon open a paragraph
_COLON_CUE = re.compile(r"((?:[A-Z][\w.’'\-]*\s+){0,2}[A-Z][\w’'\-]*?)(?:[’']s\s+(?:message|view|verdict|answer|"
                        r"reply|response|take|argument|warning|promise|pitch|case))?:\s+(?=[“\"‘']?[A-Z])")


# "Sanders Says He’s Riding Momentum", "Ryan warns of …": a headline's name and its speech verb
_SAYS_CUE = re.compile(r"((?:[A-Z][\w.’'\-]*\s+){0,3}[A-Z][\w’'\-]*)\s+((?i:says|warns|claims|insists|argues|"
                       r"admits|denies|vows|predicts|pledges))\s+(?=\S)")


def _known_speaker(text: str, match: re.Match, resolver: Resolver) -> tuple[Mention, Entity] | None:
    """The name match.group(1) stands for, when the article or the registry knows it as a speaker;
    None for "Update: …" or "Washington: …", which name no speaker anybody has met."""
    parsed = parse_name(match.group(1))
    if parsed is None or parsed.kind != "name":
        return None
    known = resolver.coref.registry.lookup(parsed.name or "")
    seen = [e for e in resolver.coref.entities.values()
            if e.personal and (parsed.name == e.name or parsed.name in e.name.split())]
    if not known and not seen:
        return None
    mention = Mention(match.start(1), match.end(1), match.group(1), "name", name=parsed.name)
    return mention, resolver.coref.resolve_name(mention)


# "“…” ― Ann Lee", "“…”¶- Ann Lee, Dayton.": a name after a dash on the rest of the quote's line, or
# on a line of its own right after it, signs the words, as round-ups and fact checks attribute them
_SIGNATURE = re.compile(r"[ \t\u00a0.,]*+(?:\n[ \t\u00a0]*+)?[―—–-]++[ \t\u00a0]*+"
                        r"((?:[A-Z][\w’'.\-]*[ \t\u00a0]+){0,3}[A-Z][\w’'\-]*)(?:,[^\n]{0,80})?[ \t\u00a0.]*+(?:\n|$)")


def _signature(text: str, q: QuoteSpan, resolver: Resolver) -> tuple[Mention, Entity] | None:
    """The person a dash line after a quote names as its author."""
    m = _SIGNATURE.match(text, q.close_at)
    parsed = parse_name(m.group(1)) if m else None
    if parsed is None or parsed.kind != "name":
        return None
    mention = Mention(m.start(1), m.end(1), m.group(1), "name", name=parsed.name)
    entity = resolver.coref.resolve_name(mention)
    return (mention, entity) if entity.kind == "person" else None


_READ_AFTER = re.compile(r"\s+(?:read|reads)\b")
_READ_BEFORE = re.compile(r"[\s,]*(?:read|reads)\s+")


def _read_by(text: str, unit: Unit, q: QuoteSpan) -> Mention | None:
    """The writing a quote is read from, named right after it: '“…,” the editorial read', '“…,”
    reads a Wednesday editorial in the Register' (people say; signs, letters and articles read)."""
    after = [m for m in unit.mentions if m.start >= q.close_at and m.kind == "nominal" and m.head in SOURCE_NOUNS]
    if not after:
        return None
    m = after[0]
    if not text[q.close_at:m.start].strip(" ,") and _READ_AFTER.match(text, m.end):
        return m
    return m if _READ_BEFORE.fullmatch(text, q.close_at, m.start) else None


def _colon_cue(text: str, unit: Unit, resolver: Resolver):
    """A paragraph that opens with 'Name: words', the name one the article or the registry
    knows as a speaker: the words to the paragraph's end are that speaker's."""
    m = _COLON_CUE.match(text, unit.start, unit.end)
    if m is None or _LABEL.match(text, unit.start, unit.end) or not (known := _known_speaker(text, m, resolver)):
        return None
    block_end = text.find("\n", m.end())
    return (m.end(), len(text) if block_end < 0 else block_end), *known


def _title_claim(title: str, resolver: Resolver) -> Statement | None:
    """The claim a headline puts in a known speaker's mouth: "Marco Rubio: I’m Not Interested …",
    "Sanders says he’s riding momentum"; read after the body, whose names resolve the speaker's."""
    for pattern, cue in ((_COLON_CUE, ":"), (_SAYS_CUE, None)):
        m = pattern.match(title)
        if m is None or _LABEL.match(title) or not (known := _known_speaker(title, m, resolver)):
            continue
        start, end = m.end(), len(title.rstrip(" .;"))
        if end - start < 2:
            return None
        return Statement(start, end, "indirect", Unit(0, len(title), -1), known[1], known[0],
                          cue or m.group(2), in_title=True)
    return None


def _apostrophe_run_on(text: str, unit: Unit, prev: Unit | None, statements: list[Statement],
                       seen: set[tuple[int, int]]) -> tuple[int, int] | None:
    """Words between doubled apostrophes ('' … '') that open a sentence right after a statement
    wrapped the same way, with no cue of their own: the same speaker goes on. Doubled
    apostrophes are not quotation marks here, so the words stay reported speech."""
    if not text.startswith("''", unit.start) or unit.quotes or prev is None \
            or prev.block != unit.block or not statements or statements[-1].unit is not prev:
        return None
    last = statements[-1]
    if "''" not in text[last.start:last.end] or any(s <= unit.start < e for s, e in seen):
        return None
    block_end = text.find("\n", unit.start)
    block_end = len(text) if block_end < 0 else block_end
    close = re.compile(r"''(?=\s|$)").search(text, unit.start + 2, block_end)
    end = close.end() if close else unit.end
    # a cue inside the wrapped words ("it tells us what …") is the speaker's, not the writer's
    if any(not unit.start <= f.cue_start < end for f in unit.frames):
        return None
    unit.frames = []
    return unit.start, end


# Speech verbs of the other languages Accord reads, past and present ('sagte', 'a déclaré',
# 'dijo', 'disse'), then the words for 'according to', which follow a quote only ('„…“, so
# Scholz'); a quote in an article of that language is attributed by them (English goes through
# reported_speech).
# (transforms/lexicon/speech_cues.toml)
_FOREIGN_VERBS = table("speech_cues", "foreign_verbs")
_ACCORDING_TO = table("speech_cues", "foreign_according_to")


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern:
    # longest first: "a déclaré" before "déclare"; the words of one cue apart by any spaces
    cues = sorted(cues, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, c.split())) for c in cues) + r")(?!\w)",
                      re.IGNORECASE)


_FOREIGN_CUES = {lang: (_cue_pattern(verbs), _cue_pattern((*verbs, _ACCORDING_TO[lang])))
                 for lang, verbs in _FOREIGN_VERBS.items()}


_COMMA_OR_DASH = re.compile(r"[\s,–—-]*+")


def _foreign_cue(text: str, unit: Unit, q: QuoteSpan, cues: tuple[re.Pattern, re.Pattern]
                 ) -> tuple[Mention, str] | None:
    """The speaker a non-English speech verb gives a quote, right after it ('„…“, sagte Olaf
    Scholz', '« … », a déclaré Emmanuel Macron': the first name after the verb) or right before
    it ('Scholz sagte: „…“', 'Macron a déclaré : « … »': the last name before the verb)."""
    verbs, verbs_or_according = cues
    after = _COMMA_OR_DASH.match(text, q.close_at, unit.end)
    cue = verbs_or_according.match(text, after.end(), unit.end)
    if cue is not None and after.group(0).strip():
        names = [m for m in unit.mentions if m.kind == "name" and cue.end() <= m.start < cue.end() + 40]
        if names:
            return names[0], cue.group(0)
    head = len(text[unit.start:q.open_at].rstrip(_LEAD + " :,"))
    for cue in verbs.finditer(text, max(unit.start, unit.start + head - 30), unit.start + head):
        if cue.end() != unit.start + head:
            continue
        names = [m for m in unit.mentions if m.kind == "name" and m.end <= cue.start()]
        if names and cue.start() - names[-1].end < 40:
            return names[-1], cue.group(0)
    return None


# what may stand before a clause's subject: "But he then added:", "Then Clinton:"
_CLAUSE_LEAD = re.compile(r"[\s“\"‘'(]*+(?:(?:And|But|So|Then|Yet|Still|Later|Now)\b,?\s++)?")
# a name after one of these is whom the words are aimed at or about, or where they were said
# ("told a rally in Berlin:"), not who says them
_TARGET_BEFORE = re.compile(r"\b(?:to|about|at|in|near|against|for|with|on|of|toward|towards|over|slams?|"
                            r"attacks?|blasts?|hits?)\s+$", re.IGNORECASE)


_LABEL_AFFILIATION = re.compile(r",\s*+(?:[Tt]he\s++)?")


def _colon_introducer(text: str, unit: Unit, q: QuoteSpan, prev: Unit | None) -> Mention | None:
    """Whom a clause ending in a colon hands a quote to where no cue names them: the name the
    clause ends on ("… - Philip Bump:", "More from Jones:", "Clinton:"), unless the name is the
    words' target ("a blunt message to Trump:"), or else the clause's subject ("She then
    addressed the supporters:", "Hannity interjected:")."""
    lo = max([unit.start] + [o.close_at for o in unit.quotes if o.close_at <= q.open_at])
    hi, mentions = q.open_at, unit.mentions
    if not text[lo:hi].strip(_LEAD):
        if lo != unit.start or prev is None or prev.frames or prev.quotes or unit.block - prev.block > 1:
            return None
        lo, hi, mentions = prev.start, prev.end, prev.mentions
    colon = len(text[:hi].rstrip(_LEAD)) - 1
    if colon < lo or text[colon] != ":" and not (text[colon] == "," and _SAYING_OBJECT.search(text, lo, colon + 1)):
        return None  # a colon, or a comma after what is said: "Trump issued a statement, “…”"
    inside = [m for m in mentions if lo <= m.start and m.end <= colon]
    if not inside:
        return None
    last = inside[-1]
    if last.kind == "name" and not text[last.end:colon].strip(" ’'s") \
            and not _TARGET_BEFORE.search(text, max(lo, last.start - 12), last.start):
        first = inside[0]
        if len(inside) == 2 and first.kind == "name" and not text[lo:first.start].strip(_LEAD) \
                and _LABEL_AFFILIATION.fullmatch(text, first.end, last.start):
            return first  # a round-up's "Jane Roe, Example Weekly:": the person, then whom she writes for
        return last
    lead = _INTRODUCER_LEAD.match(text, lo, colon)
    after = [m for m in inside if m.start >= lead.end()]
    if not after or text[lead.end():after[0].start].strip() or after[0].text.lower() in ("i", "we", "you"):
        return None
    if text.startswith(("’s", "'s"), after[0].end):
        # "Clinton’s response was:" is hers; "Obama's questioners were hostile:" are not Obama
        return after[0] if _SAYING_POSSESSED.match(text, after[0].end + 2, colon) else None
    if len(after) > 1 and after[1].kind == "name" and " " not in after[0].text \
            and _DESCRIBED_NAME.fullmatch(text, after[0].end, after[1].start):
        return after[1]  # "Republican presidential nominee Donald Trump issued this statement:"
    return after[0]


# a clause ending on what its subject put out: "Trump issued a statement,"
_SAYING_OBJECT = re.compile(r"\b(?:issued|released|put\s+out|sent|posted|tweeted|gave|delivered|wrote)\s+(?:a|an|the|his|her|"
                            r"their|its|this)\s+(?:[\w-]+\s+){0,2}?(?:statement|message|tweet|letter|e-?mail|note|post|"
                            r"response|reply|warning)\s*,$")
# what a possessor says through: "Clinton’s response", "Lee's latest statement"
_SAYING_POSSESSED = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:response|reply|answer|message|statement|words|tweet|"
                               r"remarks|comment|verdict|take|argument|warning|promise|pitch|retort|explanation)\b")
# lower-case words between a name and the person they describe ("presidential nominee"), no verb
# or preposition among them ("Trump lashed out at Bush" describes nobody)
_DESCRIBED_NAME = re.compile(r"\s+(?:(?!(?:at|after|out|to|with|against|on|of|for|in|by|from|about|over|and|or|but)\b)"
                             r"[a-z][\w-]*(?<!ed)\s+){1,3}")
# what may stand before the subject of a clause that introduces a quote with a colon: a setting or
# a clause of time ("On July 6, 2015, Sanders made the following comment:", "When Lee died,
# the governor released this statement:"), an age ("17-year-old Ann Lee added:")
_INTRODUCER_LEAD = re.compile(_CLAUSE_LEAD.pattern + r"(?:(?:In|On|At|During|After|Before|Later|Earlier|When|While|As|Since|"
                              r"Once|[A-Z][a-z]+ly\s++(?:in|on|at|during|after|before|when|while|as|since|once))\b"
                              r"[^,:]{1,80}+,(?:\s*+\d{4},)?\s*+)?(?:\d+-year-old\s++)?")


# a clause's subject may follow a setting: "In an August speech, Trump attacked …"
_SUBJECT_LEAD = re.compile(_CLAUSE_LEAD.pattern + r"(?:(?:In|On|At|During|After|Before|Later|Earlier)\s[^,]{1,60},\s*+)?")
_VERB_AFTER = re.compile(r"(?:,[^,]{1,80},)?\s*+[a-z]")


def _quoting_subject(text: str, unit: Unit, q: QuoteSpan, resolver: Resolver, unit_index: int
                     ) -> tuple[Mention, Entity] | None:
    """The subject of the writer's clause a quoted fragment is woven into, where no cue names a
    speaker: 'Trump attacked “the hateful ideology of radical Islam”', 'Huckabee is labeling
    Obama's actions “a blatant abuse”'. Only a name, 'he' or 'she' ('it' is often no one: 'It seems
    …') that opens the sentence and is
    followed by its verb (not a possessive: 'Trump's “temperament”' is the writer's word), and
    surely someone: a single capitalised word at a sentence's start may be a common noun ('Workers
    rallied for “a living wage”')."""
    if not text[unit.start:q.open_at].strip(_LEAD) or not unit.mentions:
        return None
    first = unit.mentions[0]
    if not (first.kind == "name" or first.text.lower() in ("he", "she")) or first.end > q.open_at \
            or not _SUBJECT_LEAD.fullmatch(text, unit.start, first.start) \
            or text.startswith(("’s", "'s", "’", "'"), first.end) or not _VERB_AFTER.match(text, first.end, q.open_at):
        return None
    if (passive := _ASKED_PASSIVE.match(text, first.end, q.open_at)) is not None:
        # "Sanders was asked by host Bill Maher, “…”": the subject hears the words, the agent says them
        after = [m for m in unit.mentions if passive.end() <= m.start < q.open_at and m.kind != "pronoun"]
        if not after or not _BY_AGENT.fullmatch(text, passive.end(), after[0].start):
            return None
        first = after[0]
        if len(after) > 1 and after[1].kind == "name" and _DESCRIBED_NAME.fullmatch(text, first.end, after[1].start):
            first = after[1]  # "by Fox Business moderator Gerard Baker"
    entity = resolver.resolve(first, unit_index, unit)
    if entity is None or entity.kind == "person" and not entity.personal and len(entity.name.split()) < 2:
        return None
    return first, entity


# the subject of a passive question or order is the hearer: "Rubio was asked by moderator Gerard Baker"
_ASKED_PASSIVE = re.compile(r"\s+(?:was|were|is|are|been|being|got|get)\s+(?:[a-z]+ly\s+)?(?:asked|told|questioned|pressed|"
                            r"urged|challenged|quizzed)\b")
_BY_AGENT = re.compile(r"\s+by\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,4}")


def _previous_subject(text: str, unit: Unit, q: QuoteSpan, prev: Unit | None) -> Mention | None:
    """A quote that stands as a sentence of its own right after a sentence of the same paragraph
    that reports nobody's words but has a name as its subject: 'Lee disagreed. “…”' is Lee's."""
    if prev is None or prev.block != unit.block or prev.quotes or prev.frames or not prev.mentions \
            or text[unit.start:q.open_at].strip(_LEAD):
        return None
    first = prev.mentions[0]
    if first.kind != "name" or not _SUBJECT_LEAD.fullmatch(text, prev.start, first.start) \
            or text.startswith(("’s", "'s", "’", "'"), first.end) or not _VERB_AFTER.match(text, first.end, prev.end):
        return None
    return first


def _fallback(units: list[Unit], index: int, unit: Unit, last_in_block: dict, text: str):
    """Speaker of an unattributed quote: a colon-ended cue just before, the paragraph's or the
    previous paragraph's last speaker (quotes run on), or a cue in the next sentence."""
    prev = units[index - 1] if index else None
    if prev is not None and text[prev.start:prev.end].rstrip().endswith(":") and prev.frames:
        return None, prev.frames[-1].speaker, prev.frames[-1].cue
    if unit.block in last_in_block:
        entity, mention, cue, _ = last_in_block[unit.block]
        return entity, mention, cue
    if prev is not None and prev.block == unit.block - 1 and prev.block in last_in_block \
            and text[unit.start:unit.end].lstrip()[:1] in "“\"'«»„" and last_in_block[prev.block][3]:
        entity, mention, cue, _ = last_in_block[prev.block]
        return entity, mention, cue
    nxt = units[index + 1] if index + 1 < len(units) else None
    if nxt is not None and nxt.block == unit.block and nxt.frames and not nxt.quotes \
            and (nxt.frames[0].content is None or nxt.frames[0].content[0] < nxt.frames[0].cue_start):
        # "“…” ¶ Lee said so." names who spoke; "Lee called for a ban." reports words of its own
        return None, nxt.frames[0].speaker, nxt.frames[0].cue
    return None, None, None


def speakers_of(statements: list[Statement], text: str, registry: SpeakerRegistry) -> list[Speaker]:
    out: dict[str, Speaker] = {}
    named: set[str] | None = None
    for st in statements:
        e = st.entity
        if e is None or e.name in out:
            continue
        affiliation = e.affiliation
        office = registry.institutions.office(e.role) if affiliation is None and e.kind == "person" else None
        if office:
            # "Senator", "Trade Commissioner": the country or body the article names, if it does
            named = _named_affiliations(text, registry) if named is None else named
            affiliation = office if office in named else None
        out[e.name] = Speaker(e.name, _role(e), affiliation, list(e.aliases), e.kind)
    return list(out.values())


def _role(entity: Entity) -> str | None:
    """The role the article gives, unless the registry's says the same more fully ("Minister" ->
    "Trade Minister"): a registry entry may hold the office of another year."""
    if entity.text_role is None or entity.role is None:
        return entity.text_role or entity.role
    said = set(entity.text_role.lower().split())
    return entity.role if said <= set(entity.role.lower().split()) else entity.text_role


def _named_affiliations(text: str, registry: SpeakerRegistry) -> set[str]:
    """Countries and bodies an article names, itself or through an institution ("the Senate")."""
    named = {country for _, _, country in find_countries(text, nouns_only=True)}
    named |= {aff for name, aff in registry.institutions.affiliations.items()
              if aff not in named and re.search(r"(?<![\w.])" + re.escape(name) + r"(?![\w])", text, re.IGNORECASE)}
    return named
