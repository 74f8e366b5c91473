"""Accord's extraction in one call, as trafilatura's `extract` is: a parsed article in, its
statements, speakers and stated agreements out.

The layers it joins, each importing only those before it:
    page/      HTML or text -> Document (title, authors, dates, language, body blocks)
    speech/    Document -> statements (direct, partial, reported) with resolved speakers
    analysis/  statements -> topics, stance, stated relations, agreements
"""
from __future__ import annotations

from accord.transforms.analysis.agreements import find_agreements
from accord.transforms.analysis.relation_parties import PartyReader, voice_quotes
from accord.transforms.analysis.stance import stance_of
from accord.transforms.analysis.topics import Taxonomy
from accord.transforms.page.document import Document
from accord.transforms.page.language import detect_language, primary_language
from accord.transforms.records import Extraction, Quote
from accord.transforms.speech.speaker_registry import SpeakerRegistry
from accord.transforms.speech.speakers import is_outlet
from accord.transforms.speech.statements import Statement, attribute, speakers_of


def _stance(words: str, topics: list[str], taxonomy: Taxonomy, kind: str) -> str:
    """The speaker's own position on the statement's first topic: a position word whose subject
    is the speaker and whose object names the topic."""
    if not topics:
        return "neutral"  # a position on nothing the taxonomy names is no figure's
    topic = topics[0]
    return stance_of(words, topic, names_topic=lambda object_words: topic in taxonomy.tag(object_words),
                     reported=kind == "indirect")


def _has_stance(statement: Statement, english: bool) -> bool:
    """A stance is read from a party's own English words; a news outlet's report ("Reuters
    reported that …") states a fact, not the outlet's position."""
    entity = statement.entity
    return english and not (entity is not None and entity.kind == "organisation" and is_outlet(entity.name))


def extract(doc: Document, registry: SpeakerRegistry, taxonomy: Taxonomy) -> Extraction:
    """Quotes, reported statements and their speakers; agreements between the speakers."""
    text = doc.text
    parties = PartyReader(text)
    statements, sections = attribute(doc, registry, parties)
    voice_quotes(statements, parties.sentences, text, registry.institutions)
    # the stance lexicon is English: other languages' statements get none
    english = (primary_language(doc.language) or detect_language(text)) in ("en", None)
    quotes = []
    for st in statements:
        source = doc.title if st.in_title else text
        sentence = source[st.unit.start:st.unit.end]
        words = source[st.start:st.end]
        topics = taxonomy.tag(sentence)
        quotes.append(Quote(
            speaker=st.entity.name if st.entity else None,
            speaker_mention=st.mention.text if st.mention else None,
            kind=st.kind, text=words, cue=st.cue, sentence=sentence, topics=topics,
            section=None if st.in_title else sections[st.unit.block], start_char=st.start, end_char=st.end,
            stance=_stance(words, topics, taxonomy, st.kind) if _has_stance(st, english) else "neutral",
            in_title=st.in_title))
    speakers = speakers_of(statements, text, registry)
    # a headline restates the body: agreements are read from the body's statements
    body = [q for q in quotes if not q.in_title]
    return Extraction(quotes=quotes, speakers=speakers, agreements=find_agreements(doc, body, speakers, taxonomy,
                                                                                parties.sentences))
