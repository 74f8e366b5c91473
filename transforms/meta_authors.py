"""Author strings as pages declare or print them, to a clean list of names."""
from __future__ import annotations

import html
import re

# "By", "Von", "Eingestellt von", "Artikel von:", "Recipe by" ... before the names
PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|reported|published|text|story|words|interview|recipe|photos?|article|"
    r"ein|eingestellt|gespeichert|veröffentlicht|geschrieben|artikel|beitrag|rezept|text|foto|fotos|zum profil|"
    r"publié|écrit|publicado|escrito)\s+)?"
    r"(?:(?:by|von|par|por|door|di|da)(?:\s*[:\-–]?\s+|\s*$)|(?:autor(?:in)?|author|auteur|text|redaktion)\s*[:\-–]\s*)",
    re.I)
# a date or a separator after the names: "Jane Doe am 21. April 2020", "r23 » 21.01.2009"
TAIL = re.compile(r"(?:^|\s+)(?:(?:am|on|vom|le|el|il|at|um)\s+)?\d.*$|\s*[»•|·].*$", re.I)
# job titles printed after a name: "Jane Doe Chefredakteurin"
ROLE = re.compile(
    r"\s+(?:senior\s+|chief\s+|deputy\s+|staff\s+)?(?:editor|reporter|writer|correspondent|columnist|"
    r"contributor|journalist(?:in)?|redakteur(?:in)?|chefredakteur(?:in)?|korrespondent(?:in)?|"
    r"autor(?:in)?|volontär(?:in)?|redaktion)\b.*$", re.I)
# words of page furniture that sit in byline elements
NOT_NAMES = frozenset({"follow", "folgen", "share", "shares", "teilen", "edit", "unknown", "publisher",
                       "powered by", "admin", "more", "mehr", "profile", "profil", "author", "autor", "autorin",
                       "contributor", "anonymous", "anonym", "date", "datum", "posted", "published", "veröffentlicht"})
# a line that labels its author: "Autor: Jane Doe", "Text: Jane Doe"
LABEL_WORDS = r"(?:autor(?:in)?|author|auteur|autore|text|texto|von|by|verfasser(?:in)?|written by|escrito por)"
LABEL_ONLY = re.compile(r"^\s*" + LABEL_WORDS + r"\s*:\s*$", re.I)
LABELLED = re.compile(r"^\s*" + LABEL_WORDS + r"\s*:\s*\S", re.I)
# the site's own credits, never an article's author: "Theme by WPZOOM", "Powered by WordPress"
SITE_CREDIT = re.compile(r"\b(?:theme|powered|designed|hosted|developed|built|template)\s+(?:by|von)\b", re.I)
SPLIT = re.compile(r"\s*(?:;|,|\||&|\band\b|\bund\b|\bet\b|\by\b|\bsowie\b|\n|"
                   r"\bim (?:gespräch|interview) mit\b|\bin conversation with\b|\binterviewed by\b)\s*", re.I)
# a newsroom's credit line is one author: "Staff and news service reports", "From staff and wire reports"
NEWSROOM_CREDIT = re.compile(r"(?:from\s+)?staff\s+(?:and|&)\s+(?:[\w-]+\s+){0,2}(?:reports?|services?|wires?)", re.I)
URL = re.compile(r"^\w+://|^www\.|^/|\.(?:com|de|org|net|html?)(?:/|$)", re.I)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PARENS = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*")
SPACE = re.compile(r"\s+")
ROLE_TAIL = re.compile(r"\s+[-–—|:]\s+.*$")
MAX_WORDS = 8


def clean_author(value: str) -> str | None:
    """One name, or None when `value` is not a name (a URL, an email, a sentence)."""
    value = SPACE.sub(" ", EMAIL.sub("", value)).strip(" \t,;:|-–—·•/")
    if not value or URL.search(value) or len(value) > 80:
        return None
    value = ROLE_TAIL.sub("", TAIL.sub("", value))
    if len(ROLE.sub("", value).split()) > 1:  # "Staff Writer" stays whole
        value = ROLE.sub("", value)
    value = PARENS.sub(" ", value).strip(" ,;:|-–—·•/")
    words = value.split()
    if not value or len(words) > MAX_WORDS or not any(c.isalpha() for c in value) or value.casefold() in NOT_NAMES:
        return None
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])  # "jane jane": a link text and its tooltip
    return value


def split_authors(value: str) -> list[str]:
    """The names in one byline string: "By A and B, C" -> [A, B, C]."""
    value = PREFIX.sub("", SPACE.sub(" ", html.unescape(value)).strip())
    if SITE_CREDIT.search(value):
        return []
    if NEWSROOM_CREDIT.fullmatch(value):
        return [value]
    return [name for part in SPLIT.split(value) if (name := clean_author(PREFIX.sub("", part)))]


def clean_authors(values: list[str], exclude: tuple[str, ...] = ()) -> list[str]:
    """Distinct names from several declared values, in order; `exclude` drops e.g. the site name."""
    seen, names = {n.casefold() for n in exclude if n}, []
    for value in values:
        for name in split_authors(value):
            if name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
    return names
