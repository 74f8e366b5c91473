from accord.transforms.countries import COUNTRIES, DEMONYMS, NAMES, canonical_country, find_countries


def test_covers_the_prominent_countries_and_blocs():
    assert len(COUNTRIES) >= 83
    for name in ("United States", "Russia", "China", "European Union", "NATO", "United Nations"):
        assert name in COUNTRIES
    assert set(DEMONYMS) <= set(NAMES)


def test_names_abbreviations_and_metonyms():
    assert canonical_country("the USA") == "United States"
    assert canonical_country("U.S.") == "United States"
    assert canonical_country("Washington") == "United States"
    assert canonical_country("Moscow") == "Russia"
    assert canonical_country("the Kremlin") == "Russia"
    assert canonical_country("Beijing") == "China"


def test_roles_map_to_the_country_they_name():
    assert canonical_country("Russian Foreign Secretary") == "Russia"
    assert canonical_country("the French president") == "France"
    assert canonical_country("U.S. Secretary of State") == "United States"
    assert canonical_country("Iraqis") == "Iraq"


def test_no_country():
    assert canonical_country("Secretary of State") is None
    assert canonical_country("us") is None
    assert canonical_country("New Mexico governor") is None
    assert canonical_country("Georgia governor") is None  # a US state as often as a country
    assert canonical_country("") is None


def test_find_countries_nouns_only_skips_adjectives():
    text = "Russian officials met the Americans while Moscow and Kyiv talked."
    nouns = [country for _, _, country in find_countries(text, nouns_only=True)]
    assert nouns == ["United States", "Russia", "Ukraine"]
    every = [country for _, _, country in find_countries(text)]
    assert every == ["Russia", "United States", "Russia", "Ukraine"]


def test_find_countries_offsets():
    text = "Talks between the U.S. and China."
    spans = [(text[s:e], c) for s, e, c in find_countries(text)]
    assert spans == [("U.S.", "United States"), ("China", "China")]


def test_find_countries_boundaries_and_longest_alias():
    text = ("New Mexico and New Zealand; us and US; the U.S.A. and the U.S; the Democratic People's Republic "
            "of Korea and South Korea; Russia's and Russians' views; xRussia and Russiax.")
    spans = [(text[s:e], c) for s, e, c in find_countries(text, nouns_only=True)]
    assert spans == [("New Zealand", "New Zealand"), ("US", "United States"), ("U.S.A.", "United States"),
                     ("U.S", "United States"), ("Democratic People's Republic of Korea", "North Korea"),
                     ("South Korea", "South Korea"), ("Russia", "Russia"), ("Russians", "Russia")]


def test_find_countries_ignores_case_except_short_capitals():
    assert [c for _, _, c in find_countries("the russian and CHINESE envoys, uk and UK")] == [
        "Russia", "China", "United Kingdom"]
