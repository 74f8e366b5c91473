import json
import tomllib
from pathlib import Path

import pytest

from accord.transforms.analysis.agreements import find_agreements
from accord.transforms.analysis.topics import Taxonomy
from accord.transforms.page.document import Block, Document
from accord.transforms.records import Quote, Speaker

TAXONOMY = Taxonomy.from_entries([
    {"name": "Iran", "keywords": ["Iran"]},
    {"name": "Trade & tariffs", "keywords": ["tariff", "trade"]},
    {"name": "Climate change", "keywords": ["climate change", "emissions"]},
    {"name": "Terrorism", "keywords": ["terrorist", "terrorism"]},
    {"name": "Fishing", "keywords": ["fishing", "fish"]},
    {"name": "France–Germany relations", "keywords": [],
     "patterns": [r"(?:France|Paris)\s+and\s+(?:Germany|Berlin)"]},
])
SPEAKERS = [
    Speaker("Anne Dupont", "Foreign Minister", "France", ["Dupont"]),
    Speaker("Klaus Weber", "Chancellor", "Germany", ["Weber"]),
    Speaker("Maria Costa", "Senator", "Italy", ["Costa"]),
]


def doc(*paragraphs: str) -> Document:
    return Document(url="https://example.org/a", blocks=[Block("paragraph", p) for p in paragraphs])


def quote(speaker: str, text: str, article: Document, stance: str = "neutral", cue: str = "said",
          topics: list[str] | None = None) -> Quote:
    start = article.text.index(text)
    sentence_start = article.text.rfind(". ", 0, start) + 2 if ". " in article.text[:start] else 0
    sentence_end = article.text.find(".", start + len(text)) + 1 or len(article.text)
    return Quote(speaker, speaker, "indirect", text, cue, article.text[sentence_start:sentence_end],
                 topics or [], start_char=start, end_char=start + len(text), stance=stance)


def relations(article: Document, quotes: list[Quote] | None = None) -> set[tuple]:
    found = find_agreements(article, quotes or [], SPEAKERS, TAXONOMY)
    return {(a.topic, a.party_a, a.party_b, a.relation, a.level) for a in found}


def test_countries_agree_that():
    article = doc("Officials say both France and Germany agree that Iran must not get the bomb.")
    assert relations(article) == {("Iran", "France", "Germany", "agree", "country")}


def test_negated_agreement_is_disagreement():
    article = doc("Paris and Berlin still don't see eye to eye on tariffs, diplomats said.")
    assert relations(article) == {("Trade & tariffs", "France", "Germany", "disagree", "country")}


def test_at_odds_between_people():
    article = doc("Dupont and Costa are at odds over trade.")
    assert relations(article) == {("Trade & tariffs", "Anne Dupont", "Maria Costa", "disagree", "person")}


def test_person_and_country_meet_at_country_level():
    article = doc("Weber and Italy agreed on new fishing rules.")
    assert relations(article) == {("Fishing", "Germany", "Italy", "agree", "country")}


def test_joint_commitment_for_both_countries():
    article = doc("Dupont said that they will fight terrorists who threaten both countries.")
    quotes = [quote("Anne Dupont", "they will fight terrorists who threaten both countries", article),
              quote("Klaus Weber", "Dupont said", article)]
    assert relations(article, quotes) == {("Terrorism", "France", "Germany", "agree", "country")}


def test_they_stands_for_the_pair_named_just_before():
    article = doc("Dupont and Weber met in Brussels. Afterwards they agreed to cut emissions.")
    assert relations(article) == {("Climate change", "Anne Dupont", "Klaus Weber", "agree", "person")}


def test_bare_they_without_antecedent_is_nobody():
    article = doc("According to Weber, they have agreed to cut emissions.")
    quotes = [quote("Klaus Weber", "they have agreed to cut emissions", article),
              quote("Anne Dupont", "According to Weber", article)]
    assert relations(article, quotes) == set()


def test_the_two_leaders_are_the_main_speakers():
    article = doc("According to Weber, the two leaders have agreed to cut emissions.")
    quotes = [quote("Klaus Weber", "the two leaders have agreed to cut emissions", article),
              quote("Anne Dupont", "According to Weber", article)]
    assert relations(article, quotes) == {("Climate change", "Anne Dupont", "Klaus Weber", "agree", "person")}


def test_both_countries_are_the_main_speakers_countries():
    article = doc("Weber spoke after Dupont.", "Both countries have stated their intention to cut emissions.")
    quotes = [quote("Klaus Weber", "spoke after Dupont", article), quote("Anne Dupont", "Weber spoke", article)]
    assert relations(article, quotes) == {("Climate change", "France", "Germany", "agree", "country")}


def test_differences_on_the_topic_takes_the_previous_clause():
    article = doc("France and Germany want to cut emissions, reform trade rules, despite their differences "
                  "on the subject, and stand together against terrorism.")
    assert relations(article) == {
        ("Climate change", "France", "Germany", "agree", "country"),
        ("Trade & tariffs", "France", "Germany", "disagree", "country"),
        ("Terrorism", "France", "Germany", "agree", "country"),
    }


def test_topic_falls_back_to_the_party_names_then_the_neighbours():
    article = doc("Talks on fishing went on all night.", "In the end France and Germany agreed.")
    assert relations(article) == {("Fishing", "France", "Germany", "agree", "country")}
    article = doc("France and Germany agreed to meet more often.")
    assert relations(article) == {("France–Germany relations", "France", "Germany", "agree", "country")}


def test_one_relation_per_topic_and_pair():
    article = doc("France and Germany disagree on trade.", "France and Germany are at odds over tariffs.",
                  "France and Germany both want free trade.")
    found = find_agreements(article, [], SPEAKERS, TAXONOMY)
    assert [(a.topic, a.relation) for a in found] == [("Trade & tariffs", "disagree")]


def test_opposed_statements_are_a_disagreement():
    article = doc("Costa was asked about the tariff plan.",
                  "She sharply rejected it, saying it was a mistake.",
                  "Dupont said the tariffs are on the agenda and need to be agreed soon.")
    quotes = [quote("Maria Costa", "it was a mistake", article, "oppose", cue="rejected"),
              quote("Anne Dupont", "the tariffs are on the agenda and need to be agreed soon", article, "support")]
    assert relations(article, quotes) == {("Trade & tariffs", "Anne Dupont", "Maria Costa", "disagree", "person")}


@pytest.mark.parametrize("text", [
    "Officials from France and Germany met in Paris to discuss trade.",
    "France and Germany signed a trade agreement.",
    "Dupont said she agreed that emissions must fall.",  # one party only
    "Dupont criticised the plan while Weber praised trade.",  # no stated relation
    "Both Dupont and Weber will speak on climate change on Friday.",
    "Terrorists who want to attack France and Germany were arrested.",
])
def test_no_agreement(text):
    assert relations(doc(text)) == set()


def test_opposing_stances_without_rejection_are_not_stated():
    article = doc("Dupont said tariffs are a mistake.", "Weber said tariffs need to stay.")
    quotes = [quote("Anne Dupont", "tariffs are a mistake", article, "oppose"),
              quote("Klaus Weber", "tariffs need to stay", article, "support")]
    assert relations(article, quotes) == set()


def test_seed_agreements(shared):
    """The seed's gold agreements, through the whole extraction with the gold people as registry;
    a relation between the two ministers counts for their countries as the models count it."""
    from accord.transforms.extraction import extract
    from accord.transforms.page.text_document import parse_text
    from accord.transforms.speech.speaker_registry import SpeakerRegistry

    text = (shared / "seed" / "tillerson-lavrov-press-conference.txt").read_text(encoding="utf-8")
    gold = json.loads((shared / "gold" / "tillerson-lavrov.json").read_text(encoding="utf-8"))
    config = Path(__file__).resolve().parents[2] / "config" / "topics.toml"
    taxonomy = Taxonomy.from_entries(tomllib.loads(config.read_text(encoding="utf-8"))["topics"])
    registry = SpeakerRegistry.from_entries([{k: p[k] for k in ("name", "role", "affiliation", "aliases")}
                                             for p in gold["people"]])
    affiliation = {p["name"]: p["affiliation"] for p in gold["people"]}
    agreements = extract(parse_text(text, "file:///seed.txt"), registry, taxonomy).agreements
    found = {(a.topic, frozenset((affiliation.get(a.party_a, a.party_a), affiliation.get(a.party_b, a.party_b))),
              a.relation) for a in agreements}
    for g in gold["agreements"]:
        countries = frozenset(affiliation.get(p, p) for p in g["parties"])
        assert (g["topic"], countries, g["relation"]) in found, g


def test_opposed_statements_read_the_speakers_own_words():
    article = doc("Costa was asked about the tariff plan.",
                  "She sharply rejected it, saying it was a mistake.",
                  "Dupont spoke on the tariff dispute, saying that “it is on the agenda and we want to settle it.”")
    quotes = [quote("Maria Costa", "it was a mistake", article, "oppose", cue="rejected"),
              quote("Anne Dupont", "Dupont spoke on the tariff dispute, saying that “it is on the agenda and we "
                    "want to settle it.”", article, "neutral")]
    assert relations(article, quotes) == {("Trade & tariffs", "Anne Dupont", "Maria Costa", "disagree", "person")}


CUE_EXAMPLES = [
    "X is in full agreement with Y", "X agreed with Y", "X sided with Y", "X and Y agree",
    "X and Y see eye-to-eye", "X and Y are on the same page", "X and Y see things the same way",
    "X and Y reached a consensus", "X and Y share the same views", "X and Y have a common position",
    "X disagreed with Y", "X and Y disagree", "X is at odds with Y", "X and Y are at odds",
    "X and Y have deep differences", "X and Y clashed over it", "X differed with Y",
    "X rebuffed Y's claim", "X contradicted Y", "X denied it", "X and Y both hope", "X and Y are determined to",
    "X and Y work together", "X and Y are united against it", "a joint statement",
    "they have agreed to", "X wants to", "X and Y pledged to",
]


def test_every_cue_passes_the_prefilter():
    from accord.transforms.analysis.agreements import _ANY_CUE, CUES
    for regex, *_ in CUES:
        assert any(regex.search(example) for example in CUE_EXAMPLES), regex.pattern
    for example in CUE_EXAMPLES:
        assert _ANY_CUE.search(example), example


@pytest.mark.parametrize(("name", "role", "affiliation", "named"), [
    ("Anne Dupont", None, None, True),
    ("Khalil al-Hayya", None, None, True),
    ("Ursula von der Leyen", None, None, True),
    ("Weber", "Chancellor", "Germany", True),
    ("Weber", None, None, False),  # a lone word: as often a place ("Vilnius") as a name
    ("The ambassador", None, None, False),
    ("one EU diplomat", None, None, False),
    ("his spokesman", None, None, False),
    ("Qatar’s prime minister", None, None, False),
    ("Kentucky Republican", None, None, False),
    ("Vilnius", None, None, False),
    ("Germany", None, None, False),
])
def test_is_named_person(name, role, affiliation, named):
    from accord.transforms.analysis.agreements import is_named_person
    assert is_named_person(Speaker(name, role, affiliation)) is named


def test_descriptions_and_places_are_no_parties():
    speakers = SPEAKERS + [Speaker("The ambassador"), Speaker("one EU diplomat"), Speaker("Valmiera")]
    article = doc("The ambassador agreed with Dupont on fishing.", "Valmiera disagreed with Weber on trade.",
                  "One EU diplomat and Costa are at odds over tariffs.")
    quotes = [quote("The ambassador", "agreed with Dupont on fishing", article),
              quote("Valmiera", "disagreed with Weber on trade", article)]
    assert find_agreements(article, quotes, speakers, TAXONOMY) == []


def test_levels_follow_the_parties():
    for agreement in find_agreements(doc("Dupont and Weber agree on fishing.", "Dupont and Germany agree on trade.",
                                         "France and Italy agree on emissions."), [], SPEAKERS, TAXONOMY):
        people = {agreement.party_a, agreement.party_b} <= {s.name for s in SPEAKERS}
        assert agreement.level == ("person" if people else "country")


def test_pronoun_is_no_subject_across_another_name():
    article = doc("Weber spoke first.", "He said that Airbus was in agreement with Costa on trade.")
    assert relations(article) == set()


def test_a_party_is_no_topic_of_its_own_agreement():
    article = doc("Talks on fishing went on all night.", "In the end Iran and Germany agreed to meet again.")
    assert relations(article) == {("Fishing", "Germany", "Iran", "agree", "country")}


def test_a_pair_that_qualifies_people_is_not_the_pair_that_acts():
    assert relations(doc("Dupont and Costa supporters clashed over trade at the convention.")) == set()
    assert relations(doc("Dupont and Costa clashed over trade at the convention.")) == {
        ("Trade & tariffs", "Anne Dupont", "Maria Costa", "disagree", "person")}
