import tomllib
from pathlib import Path

import pytest

from accord.transforms.analysis.topics import Taxonomy

CONFIG = Path(__file__).resolve().parents[2] / "config" / "topics.toml"

ENTRIES = [
    {"name": "Syria", "keywords": ["Syria", "Assad"]},
    {"name": "Ukraine", "keywords": ["Ukraine"]},
    {"name": "Taxes", "keywords": ["tax", "tax cut"]},
    {"name": "Election interference", "keywords": ["election hacking"],
     "patterns": [r"meddl\w*\s+in\s+(?:\w+\s+){0,3}elections?"], "parent": "Elections"},
    {"name": "Elections", "keywords": ["election"]},
    {"name": "Cybercrime", "keywords": ["hacking", "cyber crime"]},
    {"name": "European Union", "keywords": ["EU"]},
]


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.from_entries(ENTRIES)


def test_names_in_order(taxonomy):
    assert taxonomy.names == [entry["name"] for entry in ENTRIES]
    assert taxonomy.parents == {"Election interference": "Elections"}


def test_tags_in_taxonomy_order(taxonomy):
    assert taxonomy.tag("Tax cuts for Ukraine, war in Syria") == ["Syria", "Ukraine", "Taxes"]


def test_inflections(taxonomy):
    assert taxonomy.tag("Syrian refugees") == ["Syria"]
    assert taxonomy.tag("the Syrians") == ["Syria"]
    assert taxonomy.tag("Ukrainian troops") == ["Ukraine"]
    assert taxonomy.tag("higher taxes") == ["Taxes"]
    assert taxonomy.tag("Assad's army") == ["Syria"]


def test_whole_words_only(taxonomy):
    assert taxonomy.tag("a taxi driver") == []
    assert taxonomy.tag("syntax") == []


def test_case_insensitive_but_acronyms_in_capitals(taxonomy):
    assert taxonomy.tag("SYRIA") == ["Syria"]
    assert taxonomy.tag("the EU summit") == ["European Union"]
    assert taxonomy.tag("eu") == []


def test_longer_keyword_wins_and_spaces_match_hyphens(taxonomy):
    assert taxonomy.tag("election hacking") == ["Election interference"]
    assert taxonomy.tag("cyber-crime") == ["Cybercrime"]
    assert taxonomy.tag("they meddled in the 2016 election") == ["Election interference"]


def test_duplicate_names_rejected():
    with pytest.raises(ValueError):
        Taxonomy.from_entries([{"name": "A", "keywords": ["a"]}, {"name": "A", "keywords": ["b"]}])


def test_empty_taxonomy():
    assert Taxonomy.from_entries([]).tag("anything") == []


@pytest.fixture(scope="module")
def configured() -> Taxonomy:
    return Taxonomy.from_entries(tomllib.loads(CONFIG.read_text(encoding="utf-8"))["topics"])


def test_config_holds_the_required_topics(configured):
    assert len(configured.names) >= 30
    for name in ("Syria", "North Korea", "Ukraine", "Iraq", "Libya", "Terrorism", "Chemical weapons",
                 "Election interference", "US–Russia relations", "Cybercrime"):
        assert name in configured.names


@pytest.mark.parametrize(("text", "topic"), [
    ("Moscow and Washington traded barbs", "US–Russia relations"),
    ("relations between the U.S. and Russia are poor", "US–Russia relations"),
    ("accused of meddling in the election", "Election interference"),
    ("the threat of cybercrime", "Cybercrime"),
    ("a sarin attack", "Chemical weapons"),
    ("Pyongyang fired a missile", "North Korea"),
    ("a safe haven for terrorists", "Terrorism"),
    ("Qaddafi's fall", "Libya"),
])
def test_config_keywords(configured, text, topic):
    assert topic in configured.tag(text)


def test_config_election_hacking_is_not_cybercrime(configured):
    assert configured.tag("the election hacking scandal") == ["Election interference"]


def test_tag_answers_again_from_its_cache_unchanged():
    taxonomy = Taxonomy.from_entries([{"name": "Trade", "keywords": ["tariff"]}])
    first = taxonomy.tag("New tariffs were announced.")
    first.append("mutated by the caller")
    assert taxonomy.tag("New tariffs were announced.") == ["Trade"]


@pytest.mark.parametrize("text", [
    "The Security Council will vote on the resolution on Friday.",
    "The Senate debate on the border bill ran late.",
])
def test_config_votes_and_debates_of_legislatures_are_not_elections(configured, text):
    assert "Elections" not in configured.tag(text)
