"""Every word list and gazetteer, the built-in lexicon's (accord.transforms.lexicon), what is
left in the code and the shipped config's: no entry twice in a list, no word in two lists that
contradict each other, and no name that the lexicon and the config both hold (each has one source;
where a user's config names a built-in capital after all, the config wins, as shown here)."""
import ast
import tomllib
from collections import Counter
from importlib.resources import files

import pytest

from accord.settings import bundled
from accord.transforms import lexicon
from accord.transforms.countries import CAPITALS, COUNTRIES, DEMONYMS, NAMES
from accord.transforms.speech.speaker_registry import Institutions, _key

TRANSFORMS = sorted(bundled("accord.transforms").rglob("*.py"))
LEXICONS = sorted(p.stem for p in bundled("accord.transforms.lexicon").glob("*.toml"))

# Lists no word may share: (file, list), (file, list), and why they contradict.
CONTRADICTIONS = [
    (("people", "female_nouns"), ("people", "male_nouns"), "a noun tells one gender"),
    (("people", "female_names"), ("people", "male_names"), "a first name tells one gender"),
    (("people", "person_nouns"), ("organisations", "org_words"), "a person is no organisation"),
    (("people", "not_names"), ("people", "female_names"), "a word that is never a name is no first name"),
    (("people", "not_names"), ("people", "male_names"), "a word that is never a name is no first name"),
    (("stance", "support"), ("stance", "oppose"), "a cue takes one side"),
    (("stance", "support"), ("stance", "strong_oppose"), "a cue takes one side"),
    (("stance", "oppose"), ("stance", "strong_oppose"), "a cue has one weight"),
    (("relations", "insults"), ("relations", "praise"), "a name given is an insult or praise"),
    (("relations", "things"), ("relations", "body_words"), "a name is a thing or a body that speaks"),
]
# Known contradictions, kept because removing them changes extraction output: a fix is a change of
# behaviour of its own, measured as such. "lindsey": female is tried first, so Lindsey Graham is "she".
KNOWN = {(("people", "female_names"), ("people", "male_names")): {"lindsey"}}


def _lexicon_lists(data: dict):
    """(key, entries) of every list of a lexicon file: top-level lists and the lists inside its
    tables, and each table's keys (a table holds no key twice, whatever its case)."""
    for key, value in data.items():
        if isinstance(value, dict):
            yield key, [k.lower() for k in value]
            for name, entry in value.items():
                if isinstance(entry, list):
                    yield f"{key}.{name}", lexicon.entries(entry, key)
        else:
            yield key, lexicon.entries(value, key)


@pytest.mark.parametrize("name", LEXICONS)
def test_no_word_twice_in_a_list_of_the_lexicon(name):
    lists = dict(_lexicon_lists(lexicon.lexicon(name)))
    assert lists
    assert {key: _twice(w.lower() for w in words) for key, words in lists.items()
            if _twice(w.lower() for w in words)} == {}


@pytest.mark.parametrize(("one", "other", "why"), CONTRADICTIONS,
                         ids=[f"{one[1]}-{other[1]}" for one, other, _ in CONTRADICTIONS])
def test_no_word_in_two_lists_that_contradict(one, other, why):
    both = {w.lower() for w in lexicon.words(*one)} & {w.lower() for w in lexicon.words(*other)}
    assert both - KNOWN.get((one, other), set()) == set(), why


def test_each_relating_verb_states_one_relation():
    stems = [verb.partition("|")[0] for verbs in lexicon.table("relations", "verbs").values() for verb in verbs]
    assert _twice(stems) == []


@pytest.mark.parametrize("nouns", ["nouns", "between_nouns"])
def test_each_relating_noun_states_one_relation(nouns):
    assert _twice(noun for kind in lexicon.table("relations", nouns).values() for noun in kind) == []


def test_lists_that_narrow_another_are_part_of_it():
    """A list the code subtracts from another names only words of that other."""
    assert lexicon.words("people", "surname_nouns") <= lexicon.words("people", "person_nouns")


def test_each_language_of_the_foreign_cues_has_its_according_to():
    assert lexicon.table("speech_cues", "foreign_verbs").keys() == \
        lexicon.table("speech_cues", "foreign_according_to").keys()


def test_the_known_contradictions_are_still_there():
    """An entry of KNOWN that no longer holds is to be dropped from it."""
    for (one, other), known in KNOWN.items():
        assert known <= lexicon.words(*one) & lexicon.words(*other)


def test_a_lexicon_file_that_is_missing_or_ill_formed_is_named():
    with pytest.raises(lexicon.LexiconError, match=r"accord\.transforms\.lexicon/nowhere\.toml: no such"):
        lexicon.lexicon("nowhere")
    with pytest.raises(lexicon.LexiconError, match=r"people\.toml: no entry 'nobody'"):
        lexicon.words("people", "nobody")
    with pytest.raises(lexicon.LexiconError, match=r"x\.toml: invalid TOML"):
        lexicon.parse("x.toml", "words = [\"a\",")
    with pytest.raises(lexicon.LexiconError, match=r"people\.toml: role_abbreviations: expected a list"):
        lexicon.words("people", "role_abbreviations")


def test_the_lexicon_is_read_once():
    assert lexicon.lexicon("countries") is lexicon.lexicon("countries")


def _config(name: str) -> dict:
    return tomllib.loads((files("accord.config") / name).read_text("utf-8"))


def _twice(words) -> list:
    return sorted(word for word, n in Counter(words).items() if n > 1)


def _literal_lists(tree: ast.AST):
    """(line, entries) of each word list written in the code: a `_lexicon(...)` or `_words(...)`
    text, a set, list or tuple of strings, the keys of a dict."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_lexicon", "_words") \
                and isinstance(node.args[0], ast.Constant):
            yield node.lineno, node.args[0].value.split()
        elif isinstance(node, (ast.Set, ast.List, ast.Tuple)) and len(node.elts) > 1 \
                and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            yield node.lineno, [e.value for e in node.elts]
        elif isinstance(node, ast.Dict) and node.keys and all(isinstance(k, ast.Constant) for k in node.keys):
            yield node.lineno, [k.value for k in node.keys]


@pytest.mark.parametrize("module", TRANSFORMS, ids=lambda p: str(p.relative_to(bundled("accord.transforms"))))
def test_no_word_twice_in_a_list_of_the_code(module):
    tree = ast.parse(module.read_text("utf-8"))
    assert [(line, _twice(words)) for line, words in _literal_lists(tree) if _twice(words)] == []


def test_each_country_name_names_one_country():
    owners: dict[str, set[str]] = {}
    for table in (NAMES, DEMONYMS):
        for country, names in table.items():
            for name in names:
                owners.setdefault(name.lower(), set()).add(country)
    assert {name: c for name, c in owners.items() if len(c) > 1} == {}
    assert all(CAPITALS[capital] == country for country, names in NAMES.items()
               for capital in names if capital in CAPITALS)


def test_places_hold_no_name_twice_nor_a_built_in_capital():
    places = _config("places.toml")
    listed = [p.lower() for p in places["places"]]
    capitals = [c.lower() for c in places["capitals"]]
    assert _twice(listed + capitals + [c.lower() for c in CAPITALS]) == []


def test_config_capitals_neither_repeat_nor_contradict_the_built_in_ones():
    built_in = {c.lower(): country for c, country in CAPITALS.items()}
    config = {c.lower(): country for c, country in _config("places.toml")["capitals"].items()}
    assert {c: (country, built_in[c]) for c, country in config.items() if c in built_in} == {}


def test_a_user_config_that_names_a_built_in_capital_wins():
    """Not silently overridden: a user's places.toml that gives Brussels to Belgium (the built-in
    lexicon gives it to the European Union) makes Brussels Belgium's."""
    assert CAPITALS["Brussels"] == "European Union"
    user = Institutions.from_config({}, {"capitals": {"Brussels": "Belgium"}})
    assert user.capitals["brussels"] == "Belgium"
    assert Institutions.from_config({}, {}).capitals["brussels"] == "European Union"


def test_config_places_are_no_built_in_country_name():
    """A country's names have one source, the built-in gazetteer: the config's places list none."""
    country_of = {_key(name): country for country, names in COUNTRIES.items() for name in names}
    assert [p for p in _config("places.toml")["places"] if _key(p) in country_of] == []


def test_config_speakers_named_as_a_country_speak_for_it():
    """A speaker entry whose name or alias the gazetteer knows as a country (UN, Kremlin) stands for
    that country: the entry is the country itself or affiliated with it, never another."""
    country_of = {_key(name): country for country, names in COUNTRIES.items() for name in names}
    clashes = [(entry["name"], name, country_of[_key(name)])
               for entry in _config("speakers.toml")["speakers"]
               for name in {entry["name"], *entry.get("aliases", [])}
               if _key(name) in country_of
               and country_of[_key(name)] not in (entry["name"], entry.get("affiliation"))]
    assert clashes == []


def test_state_abbreviations_name_one_state_each():
    seen: dict[str, set[str]] = {}
    for abbreviation, state in _config("places.toml")["state_abbreviations"].items():
        seen.setdefault(abbreviation.lower().rstrip("."), set()).add(state)
    assert {a: s for a, s in seen.items() if len(s) > 1} == {}


def test_institutions_name_one_affiliation_each_and_agree_with_the_countries():
    institutions = _config("institutions.toml")
    names = [(_key(name), entry["affiliation"]) for entry in institutions["institutions"]
             for name in entry["names"]]
    assert _twice(name for name, _ in names) == []
    country_of = {_key(name): country for country, aliases in NAMES.items() for name in aliases}
    assert [(name, aff, country_of[name]) for name, aff in names
            if name in country_of and country_of[name] != aff] == []
    assert _twice(institutions["portfolios"]) == []
    assert _twice(_key(p) for p in institutions["parties"]) == []
    assert _twice(title for entry in institutions["offices"] for title in entry["titles"]) == []


def test_each_speaker_name_and_alias_belongs_to_one_entry():
    names = [_key(n) for entry in _config("speakers.toml")["speakers"]
             for n in {entry["name"], *entry.get("aliases", [])}]
    assert _twice(names) == []


def test_topics_are_named_once_and_list_no_keyword_twice():
    topics = _config("topics.toml")["topics"]
    assert _twice(t["name"] for t in topics) == []
    assert [(t["name"], _twice(k.lower() for k in t["keywords"])) for t in topics
            if _twice(k.lower() for k in t["keywords"])] == []
