"""Countries and blocs: canonical names, the names that stand for them, and their demonyms.

`NAMES` holds what can stand for the country as a noun (short forms, abbreviations, capitals
and seats of government used as metonyms: "Moscow", "the Kremlin"); the capitals among them are
also in `CAPITALS`, their one source. `DEMONYMS` holds the adjectives ("Russian"). `COUNTRIES`
merges both. Short all-capital aliases ("US", "UN") match only in capitals, so that the pronoun
"us" is no country.
"""
from __future__ import annotations

import re

# Capitals and seats of government: each stands for its country ("Moscow said") and is never a
# person speaker. config/places.toml `capitals` adds to these; where it names a different country
# for one of them, the config wins in who speaks (accord.transforms.speech.speaker_registry). "Brussels"
# is the seat of the European Union: in the news it speaks for the EU far more often than for Belgium.
CAPITALS: dict[str, str] = {
    "Moscow": "Russia", "Beijing": "China", "London": "United Kingdom", "Paris": "France",
    "Berlin": "Germany", "Rome": "Italy", "Madrid": "Spain", "Lisbon": "Portugal", "Dublin": "Ireland",
    "The Hague": "Netherlands", "Bern": "Switzerland", "Vienna": "Austria", "Stockholm": "Sweden",
    "Oslo": "Norway", "Copenhagen": "Denmark", "Helsinki": "Finland", "Warsaw": "Poland",
    "Prague": "Czech Republic", "Budapest": "Hungary", "Bucharest": "Romania", "Sofia": "Bulgaria",
    "Athens": "Greece", "Belgrade": "Serbia", "Minsk": "Belarus", "Kiev": "Ukraine", "Kyiv": "Ukraine",
    "Tbilisi": "Georgia", "Yerevan": "Armenia", "Baku": "Azerbaijan", "Ankara": "Turkey", "Tehran": "Iran",
    "Baghdad": "Iraq", "Damascus": "Syria", "Beirut": "Lebanon", "Amman": "Jordan", "Cairo": "Egypt",
    "Riyadh": "Saudi Arabia", "Sanaa": "Yemen", "Abu Dhabi": "United Arab Emirates", "Doha": "Qatar",
    "Tripoli": "Libya", "Tunis": "Tunisia", "Algiers": "Algeria", "Rabat": "Morocco", "Khartoum": "Sudan",
    "Addis Ababa": "Ethiopia", "Mogadishu": "Somalia", "Nairobi": "Kenya",
    "Kinshasa": "Democratic Republic of the Congo", "Abuja": "Nigeria", "Pretoria": "South Africa",
    "Kabul": "Afghanistan", "Islamabad": "Pakistan", "New Delhi": "India", "Bangkok": "Thailand",
    "Hanoi": "Vietnam", "Kuala Lumpur": "Malaysia", "Jakarta": "Indonesia", "Manila": "Philippines",
    "Taipei": "Taiwan", "Tokyo": "Japan", "Seoul": "South Korea", "Pyongyang": "North Korea",
    "Canberra": "Australia", "Ottawa": "Canada", "Mexico City": "Mexico", "Havana": "Cuba",
    "Bogota": "Colombia", "Bogotá": "Colombia", "Caracas": "Venezuela", "Lima": "Peru", "Brasilia": "Brazil",
    "Brasília": "Brazil", "Buenos Aires": "Argentina", "Santiago": "Chile", "Brussels": "European Union",
}

_OWN_NAMES: dict[str, tuple[str, ...]] = {
    "United States": ("United States", "United States of America", "USA", "U.S.A.", "U.S.", "U.S", "US",
                      "America", "Washington", "White House"),
    "Russia": ("Russia", "Russian Federation", "Kremlin"),
    "China": ("China", "People's Republic of China", "PRC"),
    "United Kingdom": ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "Downing Street"),
    "France": ("France", "Elysee", "Élysée"),
    "Germany": ("Germany",),
    "Italy": ("Italy",),
    "Spain": ("Spain",),
    "Portugal": ("Portugal",),
    "Ireland": ("Ireland", "Republic of Ireland"),
    "Netherlands": ("Netherlands", "Holland"),
    "Belgium": ("Belgium",),
    "Switzerland": ("Switzerland",),
    "Austria": ("Austria",),
    "Sweden": ("Sweden",),
    "Norway": ("Norway",),
    "Denmark": ("Denmark",),
    "Finland": ("Finland",),
    "Poland": ("Poland",),
    "Czech Republic": ("Czech Republic", "Czechia"),
    "Slovakia": ("Slovakia",),
    "Hungary": ("Hungary",),
    "Romania": ("Romania",),
    "Bulgaria": ("Bulgaria",),
    "Greece": ("Greece",),
    "Cyprus": ("Cyprus",),
    "Serbia": ("Serbia",),
    "Croatia": ("Croatia",),
    "Bosnia and Herzegovina": ("Bosnia and Herzegovina", "Bosnia"),
    "Kosovo": ("Kosovo",),
    "Estonia": ("Estonia",),
    "Latvia": ("Latvia",),
    "Lithuania": ("Lithuania",),
    "Belarus": ("Belarus",),
    "Ukraine": ("Ukraine",),
    "Moldova": ("Moldova",),
    "Georgia": ("Georgia",),
    "Armenia": ("Armenia",),
    "Azerbaijan": ("Azerbaijan",),
    "Turkey": ("Turkey", "Türkiye"),
    "Kazakhstan": ("Kazakhstan",),
    "Uzbekistan": ("Uzbekistan",),
    "Turkmenistan": ("Turkmenistan",),
    "Iran": ("Iran", "Islamic Republic of Iran"),
    "Iraq": ("Iraq",),
    "Syria": ("Syria",),
    "Lebanon": ("Lebanon",),
    "Israel": ("Israel",),
    "Palestine": ("Palestine", "Palestinian Authority", "West Bank", "Gaza"),
    "Jordan": ("Jordan",),
    "Egypt": ("Egypt",),
    "Saudi Arabia": ("Saudi Arabia",),
    "Yemen": ("Yemen",),
    "Oman": ("Oman",),
    "United Arab Emirates": ("United Arab Emirates", "UAE"),
    "Qatar": ("Qatar",),
    "Kuwait": ("Kuwait",),
    "Bahrain": ("Bahrain",),
    "Libya": ("Libya",),
    "Tunisia": ("Tunisia",),
    "Algeria": ("Algeria",),
    "Morocco": ("Morocco",),
    "Sudan": ("Sudan",),
    "South Sudan": ("South Sudan",),
    "Ethiopia": ("Ethiopia",),
    "Eritrea": ("Eritrea",),
    "Somalia": ("Somalia",),
    "Kenya": ("Kenya",),
    "Uganda": ("Uganda",),
    "Rwanda": ("Rwanda",),
    "Democratic Republic of the Congo": ("Democratic Republic of the Congo", "DRC", "Congo"),
    "Nigeria": ("Nigeria",),
    "Ghana": ("Ghana",),
    "Mali": ("Mali",),
    "South Africa": ("South Africa",),
    "Zimbabwe": ("Zimbabwe",),
    "Afghanistan": ("Afghanistan",),
    "Pakistan": ("Pakistan",),
    "India": ("India",),
    "Bangladesh": ("Bangladesh",),
    "Sri Lanka": ("Sri Lanka",),
    "Nepal": ("Nepal",),
    "Myanmar": ("Myanmar", "Burma"),
    "Thailand": ("Thailand",),
    "Vietnam": ("Vietnam",),
    "Cambodia": ("Cambodia",),
    "Malaysia": ("Malaysia",),
    "Singapore": ("Singapore",),
    "Indonesia": ("Indonesia",),
    "Philippines": ("Philippines",),
    "Taiwan": ("Taiwan",),
    "Japan": ("Japan",),
    "South Korea": ("South Korea", "Republic of Korea"),
    "North Korea": ("North Korea", "DPRK", "Democratic People's Republic of Korea"),
    "Mongolia": ("Mongolia",),
    "Australia": ("Australia",),
    "New Zealand": ("New Zealand",),
    "Canada": ("Canada",),
    "Mexico": ("Mexico",),
    "Guatemala": ("Guatemala",),
    "Honduras": ("Honduras",),
    "El Salvador": ("El Salvador",),
    "Nicaragua": ("Nicaragua",),
    "Cuba": ("Cuba",),
    "Haiti": ("Haiti",),
    "Colombia": ("Colombia",),
    "Venezuela": ("Venezuela",),
    "Ecuador": ("Ecuador",),
    "Peru": ("Peru",),
    "Bolivia": ("Bolivia",),
    "Brazil": ("Brazil",),
    "Argentina": ("Argentina",),
    "Chile": ("Chile",),
    "European Union": ("European Union", "EU", "E.U.", "European Commission"),
    "NATO": ("NATO", "North Atlantic Treaty Organization", "Atlantic alliance"),
    "United Nations": ("United Nations", "UN", "U.N.", "UN Security Council", "Security Council"),
}

NAMES: dict[str, tuple[str, ...]] = {
    country: names + tuple(capital for capital, of in CAPITALS.items() if of == country)
    for country, names in _OWN_NAMES.items()
}

DEMONYMS: dict[str, tuple[str, ...]] = {
    "United States": ("American",), "Russia": ("Russian",), "China": ("Chinese",),
    "United Kingdom": ("British", "Briton"), "France": ("French",), "Germany": ("German",),
    "Italy": ("Italian",), "Spain": ("Spanish",), "Portugal": ("Portuguese",), "Ireland": ("Irish",),
    "Netherlands": ("Dutch",), "Belgium": ("Belgian",), "Switzerland": ("Swiss",), "Austria": ("Austrian",),
    "Sweden": ("Swedish", "Swede"), "Norway": ("Norwegian",), "Denmark": ("Danish", "Dane"),
    "Finland": ("Finnish", "Finn"), "Poland": ("Polish",), "Czech Republic": ("Czech",),
    "Slovakia": ("Slovak",), "Hungary": ("Hungarian",), "Romania": ("Romanian",), "Bulgaria": ("Bulgarian",),
    "Greece": ("Greek",), "Cyprus": ("Cypriot",), "Serbia": ("Serbian", "Serb"), "Croatia": ("Croatian",),
    "Bosnia and Herzegovina": ("Bosnian",), "Kosovo": ("Kosovar",), "Estonia": ("Estonian",),
    "Latvia": ("Latvian",), "Lithuania": ("Lithuanian",), "Belarus": ("Belarusian",),
    "Ukraine": ("Ukrainian",), "Moldova": ("Moldovan",), "Georgia": ("Georgian",), "Armenia": ("Armenian",),
    "Azerbaijan": ("Azerbaijani",), "Turkey": ("Turkish",), "Kazakhstan": ("Kazakh",),
    "Uzbekistan": ("Uzbek",), "Turkmenistan": ("Turkmen",), "Iran": ("Iranian",), "Iraq": ("Iraqi",),
    "Syria": ("Syrian",), "Lebanon": ("Lebanese",), "Israel": ("Israeli",), "Palestine": ("Palestinian",),
    "Jordan": ("Jordanian",), "Egypt": ("Egyptian",), "Saudi Arabia": ("Saudi",), "Yemen": ("Yemeni",),
    "Oman": ("Omani",), "United Arab Emirates": ("Emirati",), "Qatar": ("Qatari",), "Kuwait": ("Kuwaiti",),
    "Bahrain": ("Bahraini",), "Libya": ("Libyan",), "Tunisia": ("Tunisian",), "Algeria": ("Algerian",),
    "Morocco": ("Moroccan",), "Sudan": ("Sudanese",), "South Sudan": ("South Sudanese",),
    "Ethiopia": ("Ethiopian",), "Eritrea": ("Eritrean",), "Somalia": ("Somali",), "Kenya": ("Kenyan",),
    "Uganda": ("Ugandan",), "Rwanda": ("Rwandan",), "Democratic Republic of the Congo": ("Congolese",),
    "Nigeria": ("Nigerian",), "Ghana": ("Ghanaian",), "Mali": ("Malian",),
    "South Africa": ("South African",), "Zimbabwe": ("Zimbabwean",), "Afghanistan": ("Afghan",),
    "Pakistan": ("Pakistani",), "India": ("Indian",), "Bangladesh": ("Bangladeshi",),
    "Sri Lanka": ("Sri Lankan",), "Nepal": ("Nepali", "Nepalese"), "Myanmar": ("Burmese",),
    "Thailand": ("Thai",), "Vietnam": ("Vietnamese",), "Cambodia": ("Cambodian",),
    "Malaysia": ("Malaysian",), "Singapore": ("Singaporean",), "Indonesia": ("Indonesian",),
    "Philippines": ("Filipino", "Philippine"), "Taiwan": ("Taiwanese",), "Japan": ("Japanese",),
    "South Korea": ("South Korean",), "North Korea": ("North Korean",), "Mongolia": ("Mongolian",),
    "Australia": ("Australian",), "New Zealand": ("New Zealander",), "Canada": ("Canadian",),
    "Mexico": ("Mexican",), "Guatemala": ("Guatemalan",), "Honduras": ("Honduran",),
    "El Salvador": ("Salvadoran",), "Nicaragua": ("Nicaraguan",), "Cuba": ("Cuban",), "Haiti": ("Haitian",),
    "Colombia": ("Colombian",), "Venezuela": ("Venezuelan",), "Ecuador": ("Ecuadorian",),
    "Peru": ("Peruvian",), "Bolivia": ("Bolivian",), "Brazil": ("Brazilian",),
    "Argentina": ("Argentine", "Argentinian"), "Chile": ("Chilean",), "European Union": ("European",),
}

COUNTRIES: dict[str, tuple[str, ...]] = {
    country: names + DEMONYMS.get(country, ()) for country, names in NAMES.items()
}

# Names that are as often a US state, a surname or a common noun: they count only as a whole mention.
AMBIGUOUS = frozenset({"Georgia", "Jordan", "Turkey", "Chile", "Washington", "Lima", "Santiago", "Sofia"})

_SPACE = re.compile(r"\s+")


def _plural(demonym: str) -> str | None:
    """The noun plural of a demonym ("Russians", "Iraqis"); None for the -ese/-ish/-ch kind."""
    return demonym + "s" if demonym[-1] in "niy" or demonym.endswith(("ani", "eli", "aqi")) else None


def _alias_pattern(alias: str) -> str:
    body = re.escape(alias).replace(r"\ ", r"\s+").replace("'", "['’]")
    if alias.replace(".", "").isupper() and len(alias.replace(".", "")) <= 4:
        body = f"(?-i:{body})"
    # a trailing "." already bounds "U.S."; the start is bounded by _WORD_START
    tail = "" if alias.endswith(".") else r"(?![\w])"
    return body + tail


_WORD_START = re.compile(r"(?<![\w.])(?<!New\s)\w+", re.IGNORECASE)  # "New Mexico" is no Mexico


def _compile(pairs: list[tuple[str, str]]) -> dict[str, list[tuple[re.Pattern, str]]]:
    """Aliases by their first word (lower case), longest alias first. A scan looks up each word
    of the text and tries only the aliases that start with it: one alternation of all aliases
    would try every one of them at every word, a hundred times slower."""
    by_word: dict[str, list[tuple[re.Pattern, str]]] = {}
    for alias, country in sorted(pairs, key=lambda pair: -len(pair[0])):
        first = re.match(r"\w+", alias).group(0).lower()
        by_word.setdefault(first, []).append((re.compile(_alias_pattern(alias), re.IGNORECASE), country))
    return by_word


def _scan(text: str, by_word: dict[str, list[tuple[re.Pattern, str]]]) -> list[tuple[int, int, str]]:
    found, after = [], 0
    for word in _WORD_START.finditer(text):
        start = word.start()
        if start < after:
            continue
        for pattern, country in by_word.get(word.group(0).lower(), ()):
            m = pattern.match(text, start)
            if m:
                found.append((start, m.end(), country))
                after = m.end()
                break
    return found


def _noun_pairs() -> list[tuple[str, str]]:
    pairs = [(name, country) for country, names in NAMES.items() for name in names]
    pairs += [(plural, country) for country, demonyms in DEMONYMS.items()
              for plural in map(_plural, demonyms) if plural]
    return pairs


_ALL = _compile([(alias, country) for country, aliases in DEMONYMS.items() for alias in aliases]
                + [pair for pair in _noun_pairs() if pair[0] not in AMBIGUOUS])
_NOUNS = _compile([pair for pair in _noun_pairs() if pair[0] not in AMBIGUOUS])
_EXACT = {alias.lower(): country for country, aliases in COUNTRIES.items() for alias in aliases}
_EXACT.update({plural.lower(): country for plural, country in _noun_pairs()})


def country_named(mention: str) -> str | None:
    """The country a mention is the name of ("the USA", "Russians"); None for a name that only
    holds one ("Iraq War", "Priorities USA Action", "Russian Foreign Ministry")."""
    text = _SPACE.sub(" ", mention.replace("’", "'")).strip(" \t\n.,;:'\"“”")
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    exact = _EXACT.get(text.lower()) or _EXACT.get(text.lower() + ".")
    return exact if exact and (text.lower() != "us" or text == "US") else None


def canonical_country(mention: str) -> str | None:
    """The country (or bloc) a mention names or qualifies: "the USA", "Russian Foreign Secretary"."""
    exact = country_named(mention)
    if exact:
        return exact
    found = find_countries(mention)
    return found[0][2] if found else None


def find_countries(text: str, *, nouns_only: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, country) of each country mention; `nouns_only` leaves out demonym adjectives."""
    return _scan(text, _NOUNS if nouns_only else _ALL)
