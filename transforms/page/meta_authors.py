"""Author strings as pages declare or print them, to a clean list of names."""
from __future__ import annotations

import html
import re

from accord.transforms.countries import find_countries
from accord.transforms.lexicon import word_list, words
from accord.transforms.page.meta_dates import MONTHS

# German "Autor", "Autorin", and the forms for all genders: "Autor*in", "Autor:in", "Autor_in", "Autor:innen",
# "Autor*innen", "AutorInnen"
AUTOR = r"autor(?:[:*_/]?in(?:nen)?)?(?![:*_/]?in(?:nen)?\b)"  # ("Autor:innen" alone is a label, not "innen")
# "Text", "Texte", "Text & Fotos", "Text und Bild": the credit of who wrote it
TEXT_LABEL = r"texte?(?:\s*(?:&|und|and|\+)\s*(?:fotos?|bilder?|bild|photos?))?"
# "By", "Von", "Eingestellt von", "Artikel von:", "Recipe by" ... before the names
PREFIX = re.compile(
    r"^\s*(?:(?:an?\s+|ein(?:e|en)?\s+|une?\s+|un[ao]?\s+)?(?:written|posted|submitted|reported|reporting|published|text|story|words|"
    r"interview|recipe|article|post|guest\s+post|column|commentary|analysis|essay|review|"
    r"eingestellt|gespeichert|veröffentlicht|geschrieben|artikel|beitrag|gastbeitrag|kommentar|gastkommentar|"
    r"bericht|kolumne|analyse|rezension|rezept|text|zum profil|ein|"
    r"publié|écrit|tribune|chronique|publicado|escrito|artículo|columna|articolo)\s+)?"
    r"(?:(?:by|von|par|por|door|di|da|av|af)\s*[:\-–]?(?:\s+|$)|(?:" + AUTOR + r"|author|auteur|autore|" + TEXT_LABEL +
    r"|texto|testo|verfasser(?:[:*_/]?in(?:nen)?)?(?![:*_/]?in(?:nen)?\b)|redaktion|redacción|redazione|rédaction|gastautor(?:[:*_/]?in)?)"
    r"\s*[:\-–]\s*)",
    re.I)
MONTH_WORDS = "|".join(sorted((name for name in MONTHS if len(name) >= 3), key=len, reverse=True))
WEEKDAYS = "|".join(word_list("dates", "weekdays"))

# what follows the names: a date ("Jane Doe am 21. April 2020", "Jane Doe Nov 18, 2019", "Jane Doe /
# Oktober 2021"), a publication stamp ("Jane Doe Updated Mar 3"), a photo credit ("Jane Doe Foto: dpa"),
# a separator ("r23 » 21.01.2009")
TAIL = re.compile(
    r"(?:^|\s+|\s*[/,]\s*)(?:(?:am|on|vom|le|el|il|at|um)\s+)?(?:(?:" + WEEKDAYS + r"),?\s+)?"
    r"(?:(?:" + MONTH_WORDS + r")\.?\s+)?\d.*$"
    r"|\s+(?:published|updated|posted|last\s+updated|veröffentlicht|aktualisiert|zuletzt|erstellt|publié|"
    r"mis\s+à\s+jour|publicado|actualizado|pubblicato|aggiornato|symbolbild|fotos?|photos?|bild|image|credit)\b.*$"
    r"|\s*[»•|·©].*$", re.I)
# a photo credit is never the article's author: "Foto: Jane Doe", "Photo by Jane Doe", "© dpa"
PHOTO_CREDIT = re.compile(r"^\s*(?:fotos?|photos?|photograph|bild(?:er)?|image|credits?|symbolbild|©)\b|^\s*©", re.I)
# job titles printed after a name: "Jane Doe Chefredakteurin"
ROLES = ("(?:" + "|".join(m + r"\s+" for m in word_list("bylines", "role_modifiers")) + ")?"
         "(?:" + "|".join(word_list("bylines", "roles")) + ")")
ROLE = re.compile(r"\s+" + ROLES + r"\b.*$", re.I)
# a part of a byline that is only a job ("Jane Doe, Online-Redaktion")
ROLE_ONLY = re.compile(r"(?:\w+-)?" + ROLES, re.I)
# words of prose, never inside a name; words of page furniture in byline elements; news agencies,
# the source of a story, not one more author (transforms/lexicon/bylines.toml)
FUNCTION_WORDS = words("bylines", "function_words")
# the article an outlet's name starts with ("The Daily Example", "Der Spiegel"); no first name is one
OUTLET_ARTICLES = frozenset({"the", "der", "die", "das", "le", "la", "les", "el", "los", "il"})
HANDLE = re.compile(r"@\w+")  # after the name, spaced or not: "Jane Doe @janedoe", "Jane Doe@janedoe"
NOT_NAMES = words("bylines", "not_names")
# a line that labels its author: "Autor: Jane Doe", "Text: Jane Doe"
LABEL_WORDS = (r"(?:" + AUTOR + r"|author|auteur|autore|" + TEXT_LABEL +
               r"|texto|von|by|verfasser(?:[:*_/]?in(?:nen)?)?|written by|escrito por)")
LABEL_ALONE = re.compile(LABEL_WORDS + r"\s*:?", re.I)  # "Autor:innen", "Autorin": a label, no name
LABEL_ONLY = re.compile(r"^\s*" + LABEL_WORDS + r"\s*:\s*$", re.I)
LABELLED = re.compile(r"^\s*" + LABEL_WORDS + r"\s*:\s*\S", re.I)
# the site's own credits, never an article's author: "Theme by WPZOOM", "Powered by WordPress"
SITE_CREDIT = re.compile(r"\b(?:theme|powered|designed|hosted|developed|built|template)\s+(?:by|von)\b", re.I)
# "and" in the languages of the prefixes; the one-letter ones in lower case and not as an initial
# ("Jane Y. Doe")
SPLIT = re.compile(r"\s*(;|,|\||&|\band\b|\bund\b|\bet\b|\b(?-i:y|e)\b(?!\.)|\bog\b|\bsowie\b|\n|"
                   r"\bim (?:gespräch|interview) mit\b|\bin conversation with\b|\binterviewed by\b)\s*", re.I)
# a newsroom's credit line is one author: "Staff and news service reports", "From staff and wire reports"
NEWSROOM_CREDIT = re.compile(r"(?:from\s+)?staff\s+(?:and|&)\s+(?:[\w-]+\s+){0,2}(?:reports?|services?|wires?)", re.I)
NEWS_AGENCIES = words("bylines", "news_agencies")
AGENCY_AFTER = re.compile(r"\s+(?:" + "|".join(re.escape(a) for a in sorted(NEWS_AGENCIES, key=len, reverse=True))
                          + r")$", re.I)
# whose work a wire story credits besides its reporters: "Reporting by Jane Doe; Editing by John Roe"
OTHER_CREDIT = re.compile(r"\s*[;,.]?\s*\b(?:editing|edited|additional\s+reporting|graphics?|photos?|video)\s+by\b.*$", re.I)
URL = re.compile(r"^\w+://|^www\.|^/|\.(?:com|de|org|net|html?)(?:/|$)", re.I)
# from the start of a run of address characters only: a match could start at each of them, and
# each would scan the rest of the run for an "@" (quadratic in a 30,000-letter author)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PARENS = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*")
SPACE = re.compile(r"\s+")
# where the author writes from, after the name: "Jana Kraus aus Berlin", "Jane Doe from Washington"
FROM_PLACE = re.compile(r"\s+(?:aus|from)\s+[^\W\d_][\w.-]*(?:\s+[^\W\d_][\w.-]*)?$")
# where the author writes from or the section the post is filed in, after the names: "Jane Doe in
# Munich", "Posted by Jane Doe in News, Politics" (not "in Conversation with", which names two)
IN_PLACE = re.compile(r"\s+in\s+(?=[A-ZÀ-ÖØ-Þ])(?!(?i:conversation|gespräch|interview)\b)")
# a second field after the names, labelled with a word or two and a colon: "Jane Doe / Kategorien:
# Events", "Text: Jane Doe, Fotos: John Roe", "Jane Doe | Tags: Politik"
LATER_LABEL = re.compile(r"(?:\s+|\s*[/|·•,]\s*)[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?\s*:(?:\s|$)")
# a full stop after a word (not an initial, "Jr.", "Dr."), then more: the names ended
FULL_STOP = re.compile(r"(?<=[^\W\d_]{3})\.\s+(?=[^\W\d_])")
FINAL_STOP = re.compile(r"(?<=[^\W\d_]{3})\.$")
# page furniture after a name in a byline element: "Jane Doe Follow", "Jane Doe Share", "Jane Doe
# View all posts" (transforms/lexicon/bylines.toml)
FURNITURE_AFTER = re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in word_list("bylines", "furniture_after_name"))
                             + r")\b.*$", re.I)
ROLE_TAIL = re.compile(r"\s+[-–—|:]\s+.*$")
INITIAL = re.compile(r"[^\W\d_]\.")  # "R. R." is a name of initials, not one repeated
ABBREVIATION = re.compile(r"[a-zäöüß]{1,3}\.")  # lower case: initials are capitals ("R. R.")
MAX_WORDS = 8
MAX_BYLINE = 1000  # characters of one author string, some fifty names
PROSE_WORDS = 10


def clean_author(value: str) -> str | None:
    """One name, or None when `value` is not a name (a URL, an email, a sentence)."""
    value = SPACE.sub(" ", EMAIL.sub("", value)).strip(" \t,;:|-–—·•/")
    if not value or URL.search(value) or len(value) > 80:
        return None
    value = ROLE_TAIL.sub("", TAIL.sub("", value))
    if (furniture := FURNITURE_AFTER.search(value)) and furniture.start() > 0:
        value = value[:furniture.start()]
    if (place := FROM_PLACE.search(value)) and len(value[:place.start()].split()) > 1:
        value = value[:place.start()]
    if value.startswith("@"):
        value = value[1:]  # a user name
    value = HANDLE.sub("", value)  # "Jane Doe @janedoe"
    if (agency := AGENCY_AFTER.search(value)) and len(value[:agency.start()].split()) > 1:
        value = value[:agency.start()]  # "Jane Roe Associated Press": the agency she writes for
    if len(ROLE.sub("", value).split()) > 1:  # "Staff Writer" stays whole
        value = ROLE.sub("", value)
    value = FINAL_STOP.sub("", PARENS.sub(" ", value).strip(" ,;:|-–—·•/"))
    words = value.split()
    if (not value or len(words) > MAX_WORDS or not any(c.isalpha() for c in value) or value.casefold() in NOT_NAMES
            or LABEL_ALONE.fullmatch(value)):
        return None
    if any(word.casefold() in FUNCTION_WORDS for word in words[1:]) or words[0] in FUNCTION_WORDS:
        return None
    if all(ABBREVIATION.fullmatch(word) for word in words):
        return None  # "ca.", "u. a.": a word cut short in a line of furniture ("ca. 8 Min."), no name
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:] and not INITIAL.fullmatch(words[0]):
        return " ".join(words[:half])  # "jane jane": a link text and its tooltip
    return value


def _is_country(name: str) -> bool:
    return any(start == 0 and end == len(name) for start, end, _ in find_countries(name, nouns_only=True))


def is_prose(value: str) -> bool:
    """A sentence or more (an author's bio in a byline box), not a list of names."""
    return value.rstrip().endswith((".", "!", "?")) and len(value.split()) >= PROSE_WORDS


def split_authors(value: str) -> list[str]:
    """The names in one byline string: "By A and B, C" -> [A, B, C]."""
    value = SPACE.sub(" ", html.unescape(value)).strip()
    if len(value) > MAX_BYLINE:
        return []  # text, not a byline: no rule below need read it
    if PHOTO_CREDIT.match(value):
        return []
    value = PREFIX.sub("", value)
    if SITE_CREDIT.search(value) or is_prose(value):
        return []
    value = PARENS.sub(" ", value)  # "Jane Doe (dpa, AFP)": an aside, whatever commas it holds
    if NEWSROOM_CREDIT.fullmatch(value):
        return [value]
    if (tail := TAIL.search(value)) and tail.start() > 0:
        value = value[:tail.start()]  # a date or a stamp after the names ends them, commas and all
    if (other := OTHER_CREDIT.search(value)) and other.start() > 0:
        value = value[:other.start()]
    for end in (LATER_LABEL, IN_PLACE):
        if (found := end.search(value)) and found.start() > 0:
            value = value[:found.start()]
    if (stop := FULL_STOP.search(value)) and len(value[:stop.start()].split()) > 1:
        value = value[:stop.start()]  # "Finian Cunningham. Sputnik International": the names ended
    pieces = SPLIT.split(value)
    names: list[str] = []
    for separator, part in zip(["", *pieces[1::2]], pieces[0::2], strict=True):
        if separator == "," and names and ROLE.search(" " + part):
            continue  # "Jane Doe, AP National Security Writer": her job, not a second author
        name = clean_author(PREFIX.sub("", part))
        if not name or _is_country(name):
            continue  # a country (or its capital) is where the author writes from
        if separator == "," and names and (" " in names[0] and " " not in name
                                           or name.split()[0].casefold() in OUTLET_ARTICLES
                                           or name[0].islower() and names[0][0].isupper()):
            # "Jane Doe, Munich", "Jane Doe, Reuters", "…, The Daily Example": a place or an outlet;
            # "Jean Dupont, envoyé spécial à Kiev": what he is, in lower case as no name is
            continue
        names.append(name)
    if any(not ROLE_ONLY.fullmatch(name) for name in names):
        names = [name for name in names if not ROLE_ONLY.fullmatch(name)]  # "Jane Doe, Online-Redaktion"
    return names


def clean_authors(values: list[str], exclude: tuple[str, ...] = ()) -> list[str]:
    """Distinct names from several declared values, in order; `exclude` drops e.g. the site name,
    and a news agency goes when someone else is named."""
    seen, names = {n.casefold() for n in exclude if n}, []
    for value in values:
        for name in split_authors(value):
            if name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
    if any(name.casefold() not in NEWS_AGENCIES for name in names):
        names = [name for name in names if name.casefold() not in NEWS_AGENCIES]
    return names
