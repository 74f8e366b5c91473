"""The parties of each sentence that may state a relation, resolved by the speech layer's
resolver at that point of the article ("he" is who he is there), and the voice of each quote.

In: the units and resolver `speech.statements.attribute` shows its observer, then its statements.
Out: `SentenceParties` for `analysis.relations.find_relations`.
"""
from __future__ import annotations

import re
from dataclasses import replace

from accord.transforms.analysis.relations import (
    ACT_REACH,
    ACT_WORDS,
    AFTER_OBJECT,
    ANY_CUE,
    EARLIER_REACH,
    RELATION_NOUNS,
    CueFinder,
    Party,
    SentenceParties,
    act_owners,
    country_parties,
    named_acts,
    party_of,
    shared_head_parties,
)
from accord.transforms.lexicon import words as lexicon_words
from accord.transforms.speech.speakers import Entity, Mention, find_mentions
from accord.transforms.speech.statements import Resolver, Statement, Unit, quoted_spans


class PartyReader:
    """An observer for `attribute`: keeps the parties of every sentence with a relating word,
    and who owns the acts the article names ("Trump's proposal", "the court ruled"), so that a
    later "slammed the proposal" relates to its owner."""

    def __init__(self, text: str):
        self.text = text
        self._has_cue = CueFinder(text)
        self.sentences: list[SentenceParties] = []
        self._acts: dict[str, tuple[int, Party]] = {}  # act noun -> (unit index, its owner)

    def __call__(self, unit: Unit, index: int, resolver: Resolver) -> None:
        text = self.text
        relating = self._has_cue(unit.start, unit.end)
        if not relating and not ACT_WORDS.search(text, unit.start, unit.end):
            return
        sentence = sentence_parties(text, unit, index, resolver)
        sentence.acts = {noun: owner for noun, (at, owner) in self._acts.items() if index - at <= ACT_REACH}
        if relating:
            self.sentences.append(sentence)
        for noun in named_acts(text, unit.start, unit.end):
            if noun in self._acts and index - self._acts[noun][0] <= ACT_REACH:
                self._acts[noun] = (index, self._acts[noun][1])  # named again, the act stays in view
        for noun, owner in act_owners(text, sentence):
            self._acts[noun] = (index, owner)


# "a Kim supporter", "one of Kim's staunchest supporters": the name, without its possessive ending
_NAME_IN_DESCRIPTION = re.compile(r"\b((?:[A-Z][\w.’'\-]+ ){0,2}[A-Z](?:[\w.\-]|['’](?!s?\s))*)(?:['’]s?)? (?=[a-z])")
_NOT_NAMES = lexicon_words("people", "not_names")
_PERSONAL_PRONOUN = re.compile(r"\b(?:[Hh]is|[Hh]er|him)\b")


def sentence_parties(text: str, unit: Unit, index: int, resolver: Resolver) -> SentenceParties:
    """The unit's mentions as parties; a description nobody resolves stays out (the resolver's
    own stand-in for it would also change whom later sentences name)."""
    institutions = resolver.coref.registry.institutions
    parties = []
    for m in unit.mentions:
        if m.kind == "pronoun":
            entity = _named_after(text, unit, m, resolver) or resolver.resolve(m, index, unit)
        elif m.kind == "nominal" and m.plural:
            entity = Entity(m.text, "organisation")
        else:
            entity = resolver.coref.entity_for(m, m.start)
        party = party_of(m, entity, text, institutions)
        if party is not None:
            parties.append(party)
    subject, subject_at = None, unit.end
    if unit.mentions and unit.mentions[0].kind in ("name", "pronoun") and \
            not text[unit.start:unit.mentions[0].start].strip(" “\"‘'("):
        first = unit.mentions[0]
        subject = resolver.resolve(first, index, unit) if first.kind == "pronoun" \
            else resolver.coref.entity_for(first, first.start)
        if subject is None or not subject.personal or party_of(first, subject, text, institutions) is None:
            subject = None
        subject_at = first.start
    # "his attacks on Kim", "criticized her plan", "accused him of": whom the pronoun stands for
    for m in _PERSONAL_PRONOUN.finditer(text, unit.start, unit.end):
        if any(s <= m.start() < e for s, e in quoted_spans(unit)):
            continue
        word = m.group(0).lower()
        following = re.match(r"\s+([a-z]+)", text[m.end():m.end() + 20])
        possessive = word == "his" or (word == "her" and following is not None
                                       and following.group(1) not in AFTER_OBJECT)
        male = word in ("his", "him")
        pronoun = Mention(m.start(), m.end(), "he" if male else "she", "pronoun", gender="m" if male else "f")
        # "Sanders will have to tone down his attacks": a possessive's owner is its clause's subject;
        # "He has been mild in his critiques": else the sentence's subject is the likeliest owner
        local = _clause_subject(text, parties, m.start(), pronoun.gender, resolver)
        if possessive and local is not None:
            parties.append(Party(m.start(), m.end(), local.name, local.kind, local.country, True))
            continue
        entity = subject if subject is not None and subject.gender in (None, pronoun.gender) \
            and subject_at < m.start() else resolver.resolve(pronoun, index, unit)
        if not possessive and local is not None and entity is not None and entity.name == local.name:
            continue  # "Lee criticized him": an object pronoun is never its own clause's subject
        if entity is not None and (party := party_of(pronoun, entity, text, institutions)) is not None:
            parties.append(Party(party.start, party.end, party.name, party.kind, party.country, possessive))
    # "Ann Lee, a Kim supporter,": the name inside a description of whom someone backs or opposes
    for m in unit.mentions:
        if m.kind == "nominal" and m.head in RELATION_NOUNS:
            for name in _NAME_IN_DESCRIPTION.finditer(text, m.start, m.end):
                start, words = name.start(1), name.group(1)
                while " " in words and words.split(" ", 1)[0].lower() in _NOT_NAMES:
                    skipped, words = words.split(" ", 1)  # "Another Trump supporter": a determiner, no name
                    start += len(skipped) + 1
                inner = Mention(start, name.end(1), words, "name", name=words)
                if (party := party_of(inner, _known_entity(resolver, inner), text, institutions)) is not None:
                    parties.append(replace(party, described=True))
    # a relation in the speaker's own words ("I disagree with Senator Lee"): names inside them,
    # looked up without noting them (the resolver keeps quoted names out of its history)
    for s, e in quoted_spans(unit) + unit.wrapped:
        if ANY_CUE.search(text, s, e):
            for m in find_mentions(text, s, e, resolver.lower_words, resolver.coref.registry, resolver.names):
                if m.kind == "name" and (party := party_of(m, _known_entity(resolver, m), text, institutions)):
                    parties.append(party)
    parties += _bodies_named_by_head(text, unit, index, resolver, parties)
    shared = shared_head_parties(text, unit.start, unit.end)
    parties = [p for p in parties if not any(q.start <= p.start < q.end for q in shared)] + shared
    parties += country_parties(text, unit.start, unit.end, parties)
    parties.sort(key=lambda p: p.start)
    return SentenceParties(unit.start, unit.end, parties, quoted_spans(unit) + unit.wrapped)


def _known_entity(resolver: Resolver, mention: Mention) -> Entity | None:
    """The entity a name stands for among those already met or registered; a name of two or
    more words met for the first time is a person of its own."""
    name = mention.name or mention.text
    coref = resolver.coref
    if name in coref.entities:
        return coref.entities[name]
    entry = coref.registry.lookup(name)
    if entry is not None:
        return coref.entities.get(entry.name) or Entity(entry.name, entry.kind, entry.role, entry.affiliation,
                                                        personal=True)
    words = name.split()
    if len(words) == 1:
        return next((e for e in reversed(list(coref.entities.values()))
                     if e.kind == "person" and len(e.name.split()) > 1 and e.name.split()[-1] == name), None)
    return Entity(name, "person", personal=True)


# "the party", "the ministry's decision": a body named before, now by its head noun alone
_DEFINITE_BODY = re.compile(r"\b[Tt]he\s+(party|ministry|committee|court|commission|council|department|agency|"
                            r"administration)\b(['’]s?)?")
_BODY_REACH = 12  # sentences back in which the body must have been named


def _bodies_named_by_head(text: str, unit: Unit, index: int, resolver: Resolver, taken: list[Party]) -> list[Party]:
    """The organisation a definite head noun stands for: the last one named with that head
    ("the Conservative Party … the party’s actions"); none when no such body was named just before."""
    found = []
    institutions = resolver.coref.registry.institutions
    for m in _DEFINITE_BODY.finditer(text, unit.start, unit.end):
        if any(p.start < m.end() and m.start() < p.end for p in taken) or \
                any(s <= m.start() < e for s, e in quoted_spans(unit)):
            continue
        head = m.group(1).lower()
        body = next((entity for named in reversed(resolver.recent[max(0, index - _BODY_REACH):index + 1])
                     for entity in reversed(named)
                     if entity.kind == "organisation" and entity.name.split()[-1].lower() == head
                     and len(entity.name.split()) > 1), None)
        if body is None:
            continue
        party = party_of(Mention(m.start(), m.end(1), body.name, "name", name=body.name), body, text, institutions)
        if party is not None:
            found.append(Party(m.start(), m.end(1), party.name, party.kind, party.country, bool(m.group(2))))
    return found


_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\b(?:and|but|while|whereas|although|though|because|since|if|when|that|"
                           r"said|says|after|before|who|which)\b", re.IGNORECASE)


_PREPOSED_CLAUSE = re.compile(r"[\s“\"‘']*(?:Even\s+|Just\s+)?(?:As|While|Although|Though|When|After|Before|Because|"
                              r"Since|If|Once|Until|Whereas|Whether)\b", re.IGNORECASE)


def _named_after(text: str, unit: Unit, pronoun: Mention, resolver: Resolver) -> Entity | None:
    """"Even as he accused the department, Giuliani …": a pronoun in a clause put before the
    main one, with no name before it, means the main clause's subject named right after."""
    if pronoun.text.lower() not in ("he", "she") or not _PREPOSED_CLAUSE.match(text, unit.start):
        return None
    if any(m.kind == "name" and m.start < pronoun.start for m in unit.mentions):
        return None
    comma = text.find(",", pronoun.end, unit.end)
    following = next((m for m in unit.mentions if m.start > comma), None) if comma >= 0 else None
    if following is None or following.kind != "name" or text[comma + 1:following.start].strip():
        return None
    entity = resolver.coref.entity_for(following, following.start)
    gender = "m" if pronoun.text.lower() == "he" else "f"
    return entity if entity is not None and entity.kind == "person" and entity.gender in (None, gender) else None


def _clause_subject(text: str, parties: list[Party], at: int, gender: str | None, resolver: Resolver
                    ) -> Party | None:
    """The person named last before `at` in the same clause, of the pronoun's gender."""
    before = [p for p in parties if p.end <= at and p.kind == "person" and not p.possessive]
    if not before:
        return None
    last = max(before, key=lambda p: p.end)
    if at - last.end > 80 or _CLAUSE_BREAK.search(text, last.end, at):
        return None
    entity = resolver.coref.entities.get(last.name)
    return last if entity is None or entity.gender in (None, gender) else None


def voice_quotes(statements: list[Statement], sentences: list[SentenceParties], text: str,
                 institutions) -> None:
    """Each statement's speaker: the subject of a relation in their own quoted words ("I
    disagree with Lee"), and the one who rejects a claim their statement calls false."""
    for st in statements:
        if st.in_title or st.entity is None:
            continue
        for sentence in sentences:
            if sentence.start - EARLIER_REACH <= st.start < sentence.start:
                # "“…,” agrees Michelle Stevens": whom a bare "agrees" agrees with spoke just before
                voice = party_of(Mention(st.start, st.start, st.entity.name, "name"), st.entity, text, institutions)
                if voice is not None:
                    sentence.earlier.append((st.start, voice))
            if sentence.start <= st.start < sentence.end:
                voice = party_of(Mention(st.start, st.start, st.entity.name, "name"), st.entity, text, institutions)
                if voice is None:
                    continue
                sentence.said.append((st.start, st.end, voice))
                for s, e in sentence.quoted:
                    if st.kind != "indirect" and s <= st.start < e:
                        sentence.voices[s] = voice
