"""Speakers on the bundled sample site (samples/site: articles we wrote, used as a fixture)."""
from functools import cache

import pytest

from accord.parse_pages import knowledge
from accord.settings import SAMPLE_SITE_DIR
from accord.transforms.html_document import parse_html
from accord.transforms.statements import extract


@cache
def _speakers(slug: str) -> dict:
    registry, taxonomy = knowledge()
    path = SAMPLE_SITE_DIR / "politics" / f"{slug}.html"
    result = extract(parse_html(path.read_bytes(), path.as_uri()), registry, taxonomy)
    return {s.name: s for s in result.speakers}


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


@pytest.mark.parametrize(("slug", "description"), [
    ("senate-border-bill-vote", "Kentucky Republican"),
    ("senate-intelligence-hearing-election-security", "Arkansas Republican"),
    ("senate-intelligence-hearing-election-security", "Microsoft’s president"),
    ("un-security-council-north-korea-sanctions", "China’s ambassador"),
    ("un-security-council-north-korea-sanctions", "Russia’s ambassador"),
    ("gaza-ceasefire-hostage-deal", "Qatar’s prime minister"),
    ("gaza-ceasefire-hostage-deal", "The Qatari prime minister"),
    ("cop28-fossil-fuel-agreement", "The Saudi energy minister"),
    ("nato-vilnius-summit-ukraine", "The Ukrainian leader"),
    ("nato-vilnius-summit-ukraine", "Vilnius"),
])
def test_descriptions_resolve_to_the_person_introduced(slug, description):
    assert description not in _speakers(slug)


def test_unnamed_sources_stay_descriptions_with_an_affiliation():
    assert _speakers("eu-china-electric-vehicle-tariffs")["one EU diplomat"].affiliation == "European Union"
    official = _speakers("us-russia-syria-missile-strike")["a senior Pentagon official"]
    assert (official.kind, official.affiliation) == ("person", "United States")
