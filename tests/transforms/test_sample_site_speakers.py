"""Speakers on the bundled sample site (samples/site: articles we wrote, used as a fixture)."""
from functools import cache

import pytest

from accord.parse_pages import knowledge
from accord.settings import SAMPLE_SITE_DIR
from accord.transforms.extraction import extract
from accord.transforms.page.html_document import parse_html


@cache
def _extracted(slug: str):
    registry, taxonomy = knowledge()
    path = SAMPLE_SITE_DIR / "politics" / f"{slug}.html"
    return extract(parse_html(path.read_bytes(), path.as_uri()), registry, taxonomy)


def _speakers(slug: str) -> dict:
    return {s.name: s for s in _extracted(slug).speakers}


def _quotes(slug: str) -> list:
    return _extracted(slug).quotes


@pytest.mark.parametrize(("slug", "name", "role", "affiliation"), [
    ("un-security-council-north-korea-sanctions", "Nikki Haley", "Ambassador", "United States"),
    ("un-security-council-north-korea-sanctions", "Liu Jieyi", "Ambassador", "China"),
    ("un-security-council-north-korea-sanctions", "Vassily Nebenzia", "Ambassador", "Russia"),
    ("senate-border-bill-vote", "Chuck Schumer", "Senate Majority Leader", "United States"),
    ("senate-border-bill-vote", "Karine Jean-Pierre", "Press Secretary", "United States"),
    ("senate-intelligence-hearing-election-security", "Brad Smith", "President", "Microsoft"),
    ("senate-intelligence-hearing-election-security", "Tom Cotton", "Senator", "United States"),
    ("gaza-ceasefire-hostage-deal", "Mohammed bin Abdulrahman Al Thani", "Prime Minister", "Qatar"),
    ("cop28-fossil-fuel-agreement", "Abdulaziz bin Salman", "Energy Minister", "Saudi Arabia"),
    ("eu-china-electric-vehicle-tariffs", "Valdis Dombrovskis", "Trade Commissioner", "European Union"),
])
def test_named_speakers_carry_role_and_affiliation(slug, name, role, affiliation):
    speaker = _speakers(slug)[name]
    assert (speaker.kind, speaker.role, speaker.affiliation) == ("person", role, affiliation)


@pytest.mark.parametrize(("slug", "description", "person"), [
    ("senate-border-bill-vote", "The Kentucky Republican", "Mitch McConnell"),
    ("senate-intelligence-hearing-election-security", "The Arkansas Republican", "Tom Cotton"),
    ("senate-intelligence-hearing-election-security", "Microsoft’s president", "Brad Smith"),
    ("un-security-council-north-korea-sanctions", "China’s ambassador", "Liu Jieyi"),
    ("un-security-council-north-korea-sanctions", "Russia’s ambassador", "Vassily Nebenzia"),
    ("gaza-ceasefire-hostage-deal", "Qatar’s prime minister", "Mohammed bin Abdulrahman Al Thani"),
    ("gaza-ceasefire-hostage-deal", "The Qatari prime minister", "Mohammed bin Abdulrahman Al Thani"),
    ("cop28-fossil-fuel-agreement", "The Saudi energy minister", "Abdulaziz bin Salman"),
    ("nato-vilnius-summit-ukraine", "The Ukrainian leader", "Volodymyr Zelensky"),
])
def test_descriptions_resolve_to_the_person_introduced(slug, description, person):
    # the quotes the description introduces are the person's, and the description is no speaker
    # of its own: both, so that an article where no speaker is found fails
    described = [q.speaker for q in _quotes(slug) if q.speaker_mention == description]
    assert described and set(described) == {person}
    assert description not in _speakers(slug)


def test_a_capital_where_things_were_said_is_no_speaker():
    # "NATO leaders meeting in Vilnius … told", "the decisions taken in Vilnius", said Peskov
    speakers = {q.speaker for q in _quotes("nato-vilnius-summit-ukraine") if "Vilnius" in q.sentence}
    assert speakers == {"NATO leaders", "Dmitry Peskov"}
    assert not {"Vilnius", "Lithuania"} & set(_speakers("nato-vilnius-summit-ukraine"))


def test_unnamed_sources_stay_descriptions_with_an_affiliation():
    assert _speakers("eu-china-electric-vehicle-tariffs")["one EU diplomat"].affiliation == "European Union"
    official = _speakers("us-russia-syria-missile-strike")["a senior Pentagon official"]
    assert (official.kind, official.affiliation) == ("person", "United States")
