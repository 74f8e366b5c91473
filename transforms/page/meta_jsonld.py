"""Article metadata from JSON-LD script texts (schema.org Article and kin, @graph, lists, @id links)."""
from __future__ import annotations

import json
import re

from accord.transforms.lexicon import words

# schema.org types, lower case (transforms/lexicon/jsonld_types.toml)
ARTICLE_TYPES = words("jsonld_types", "article")
ORGANISATION_TYPES = words("jsonld_types", "organisation")
PAGE_TYPES = words("jsonld_types", "page")
WRAPPER = re.compile(r"^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$")
MAX_OBJECTS = 500
TRAILING_COMMA = re.compile(r",\s*([\]}])")
TYPE_VALUE = re.compile(r'"@type"\s*:\s*"(?:https?://schema\.org/)?(\w+)"')
DATE_VALUE = re.compile(r'"(datePublished|dateCreated|dateModified)"\s*:\s*"([^"]{6,40})"')
MAX_SALVAGED = 100_000  # characters of a broken script read for its keys


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1].lower() for k in kinds if isinstance(k, str)}


def _flatten(value, out: list[dict]) -> None:
    stack = [value]
    while stack and len(out) < MAX_OBJECTS:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            out.append(item)
            for key in ("@graph", "mainEntity", "mainEntityOfPage", "hasPart"):
                if isinstance(item.get(key), list | dict):
                    stack.append(item[key])


def parse_objects(texts: list[str]) -> list[dict]:
    """Every JSON object in the scripts, nested graphs flattened; of a broken script, what a trailing
    comma hid, else its article's dates."""
    objects: list[dict] = []
    for text in texts:
        text = WRAPPER.sub("", text)
        try:
            data = json.loads(text, strict=False)
        except (ValueError, RecursionError):
            try:
                data = json.loads(TRAILING_COMMA.sub(r"\1", text), strict=False)
            except (ValueError, RecursionError):
                data = _salvaged(text)
        _flatten(data, objects)
    return objects


def _salvaged(text: str) -> dict | None:
    """The article type and date strings of a script no JSON parser reads ('single quotes',
    unescaped quotes in a description), as htmldate reads them: by their keys."""
    kind = next((found for found in (match.group(1) for match in TYPE_VALUE.finditer(text[:MAX_SALVAGED]))
                 if found.lower() in ARTICLE_TYPES), None)
    if kind is None:
        return None
    dates: dict[str, str] = {}
    for match in DATE_VALUE.finditer(text[:MAX_SALVAGED]):
        dates.setdefault(match.group(1), match.group(2))  # the article's come first, a part's after
    return {"@type": kind, **dates} if dates else None


def _names(value, by_id: dict[str, dict], people_only: bool = False) -> list[str]:
    """Names in an author/publisher value: a string, an object, an @id reference or a list of these."""
    names = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            if "name" not in item and isinstance(item.get("@id"), str):
                item = by_id.get(item["@id"], item)
            if people_only and _types(item) & ORGANISATION_TYPES:
                continue
            name = item.get("name")
            if isinstance(name, list):
                name = " ".join(n for n in name if isinstance(n, str))
            if isinstance(name, str):
                names.append(name)
            elif isinstance(item.get("givenName"), str):
                names.append(f"{item['givenName']} {item.get('familyName') or ''}".strip())
    return [n.strip() for n in names if n and n.strip()]


def _is_person(value, by_id: dict[str, dict]) -> bool:
    """Whether a publisher value's first item is a Person (maybe also typed Organization)."""
    item = value[0] if isinstance(value, list) and value else value
    if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
        item = by_id.get(item["@id"], item)
    return isinstance(item, dict) and "person" in _types(item)


def _text(value) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    return value.strip() if isinstance(value, str) and value.strip() else None


def article_metadata(texts: list[str]) -> dict:
    """headline, authors, published, modified, publisher, language, url and body text of the page's article.

    Article types win over WebPage ones, and these over any other type (a Recipe, a Product);
    within a kind the first object declaring a field wins."""
    objects = parse_objects(texts)
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and len(o) > 2}
    articles = [o for o in objects if _types(o) & ARTICLE_TYPES]
    pages = [o for o in objects if _types(o) & PAGE_TYPES]
    others = [o for o in objects if not _types(o) & (ARTICLE_TYPES | PAGE_TYPES)]
    found: dict = {}
    for group, fields in ((articles, ("headline", "name", "datePublished", "dateCreated", "dateModified",
                                      "author", "creator", "publisher", "inLanguage", "url", "articleBody")),
                          (pages, ("author", "publisher", "inLanguage")),
                          (others, ("datePublished",))):
        for obj in group:
            for key in fields:
                if key in found or obj.get(key) in (None, "", []):
                    continue
                if key in ("author", "creator", "publisher"):
                    if names := _names(obj[key], by_id):
                        found[key] = names
                    if key == "publisher":
                        found["publisher_person"] = _is_person(obj[key], by_id)
                    if key != "publisher" and (people := _names(obj[key], by_id, people_only=True)):
                        found.setdefault("people", people)
                elif (value := _text(obj[key])) is not None:
                    found[key] = value
    return {
        "headline": found.get("headline") or found.get("name"),
        "authors": found.get("people") or [],  # persons; an organisation is rarely the byline
        "author_organisations": found.get("author") or found.get("creator") or [],
        "published": found.get("datePublished") or found.get("dateCreated"),
        "modified": found.get("dateModified"),
        "publisher": (found.get("publisher") or [None])[0],
        "publisher_person": found.get("publisher_person", False),  # a person's own site
        "language": found.get("inLanguage"),
        "url": found.get("url"),
        "body": found.get("articleBody"),
    }
