from transforms.speaker_registry import SpeakerRegistry
from transforms.speakers import Coreference, find_mentions, parse_name

REGISTRY = SpeakerRegistry.from_entries([
    {"name": "Ana Ruiz", "aliases": ["Ruiz"], "role": "Mayor", "affiliation": "Spain", "kind": "person"},
])


def test_title_role_and_country_are_split_from_the_name():
    m = parse_name("U.S. Secretary of State Jane Roe")
    assert (m.name, m.role, m.affiliation) == ("Jane Roe", "Secretary of State", "United States")
    m = parse_name("Sen. Tom Reed of Ohio")
    assert (m.name, m.role) == ("Tom Reed", "Senator")


def test_mentions_cover_names_nominals_and_pronouns():
    text = "But Governor Ann Lee met the Russian foreign minister, and she left."
    found = [(m.kind, m.text) for m in find_mentions(text, 0, len(text))]
    assert found == [("name", "Governor Ann Lee"), ("nominal", "the Russian foreign minister"),
                     ("pronoun", "she")]


def test_possessive_is_cut_from_the_name():
    text = "Mr. Okafor’s office replied."
    assert [m.name for m in find_mentions(text, 0, len(text))] == ["Okafor"]


def test_short_name_resolves_to_the_full_name_seen_before():
    coref = Coreference(SpeakerRegistry.from_entries([]))
    text = "Paul Okafor spoke. Okafor left."
    full, short = find_mentions(text, 0, len(text))
    first = coref.resolve_name(full)
    coref.note(full.start, first)
    assert coref.resolve_name(short) is first
    assert "Okafor" in first.aliases


def test_registry_supplies_canonical_name_role_and_affiliation():
    coref = Coreference(REGISTRY)
    text = "Ruiz spoke."
    entity = coref.resolve_name(find_mentions(text, 0, len(text))[0])
    assert (entity.name, entity.role, entity.affiliation) == ("Ana Ruiz", "Mayor", "Spain")


def test_nominal_resolves_by_role():
    coref = Coreference(SpeakerRegistry.from_entries([]))
    text = "Senator Mia Holt spoke. The senator left."
    name, nominal = find_mentions(text, 0, len(text))
    entity = coref.resolve_name(name)
    coref.note(name.start, entity)
    assert coref.resolve_nominal(nominal, nominal.start) is entity


def test_registry_gender_and_first_names_give_pronoun_gender():
    registry = SpeakerRegistry.from_entries([{"name": "Kofi Mensah", "aliases": ["Mensah"], "gender": "m"},
                                             {"name": "Nancy Reed", "aliases": ["Reed"]}])
    coref = Coreference(registry)
    text = "Mensah met Reed."
    first, second = find_mentions(text, 0, len(text))
    assert coref.resolve_name(first).gender == "m"
    assert coref.resolve_name(second).gender == "f"


def test_groups_and_possessive_sources_are_nominal_mentions():
    text = "Democratic strategists and Okafor’s campaign spoke, as did two aides (D-Md.)."
    found = [(m.kind, m.text, m.plural) for m in find_mentions(text, 0, len(text))]
    assert found == [("nominal", "Democratic strategists", True), ("nominal", "Okafor’s campaign", False),
                     ("nominal", "two aides", True)]
