"""Title, authors, dates, language, site name and canonical URL of a walked page."""
from __future__ import annotations

import html
import re
from datetime import date, timedelta
from urllib.parse import urljoin, urlsplit

from bs4.element import Tag

from accord.transforms.lexicon import word_list
from accord.transforms.page.html_body import DATELINE_LABEL, LABELLED_LINE
from accord.transforms.page.html_walk import ELSEWHERE, SPACE, Walk
from accord.transforms.page.meta_authors import (
    FUNCTION_WORDS,
    LABEL_ONLY,
    LABELLED,
    PREFIX,
    TAIL,
    clean_authors,
    is_prose,
)
from accord.transforms.page.meta_dates import dates_at, find_date, normalize_date, url_date, url_month
from accord.transforms.page.meta_jsonld import article_metadata

# <meta> keys (name, property or itemprop, lower-cased), most trusted first
# (transforms/lexicon/meta_keys.toml)
PUBLISHED_KEYS = word_list("meta_keys", "published")
MODIFIED_KEYS = word_list("meta_keys", "modified")
AUTHOR_KEYS = word_list("meta_keys", "author")
TITLE_KEYS = word_list("meta_keys", "title")
SITE_KEYS = word_list("meta_keys", "site")
MIN_TITLE, MAX_TITLE = 5, 300  # characters of a plausible headline
TITLE_DATE_WORDS = 4  # words of a title part that is only a date ("10. Juni 2013")
CONFIRMED_SHARE = 0.6  # of a heading's words found in a declared title
COVERED_SHARE = 0.5  # of the declared title's words found in the heading
WORD = re.compile(r"\w+")
PIPE = re.compile(r"\s+\|\s+")
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—»·•]\s+|\s+::\s+")


def meta_values(page: Walk) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for attrs in page.metas:
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv")
        content = attrs.get("content")
        if isinstance(key, str) and isinstance(content, str) and content.strip():
            values.setdefault(key.strip().lower(), []).append(content.strip())
    return values


def _first(meta: dict[str, list[str]], keys) -> str | None:
    return next((meta[k][0] for k in keys if k in meta), None)


def _prop_values(page: Walk, prop: str) -> list[str]:
    """Values of itemprop elements: a content/datetime attribute, else the element's text."""
    values = []
    for node in page.itemprops.get(prop, [])[:5]:
        value = node.get("content") or node.get("datetime")
        if not value and node.name != "meta":
            inner = node.find(attrs={"itemprop": "name"})
            value = (inner or node).get_text(" ", strip=True)[:200]
        if isinstance(value, str) and value.strip():
            values.append(value.strip())
    return values


def heading_texts(page: Walk, tags: tuple[str, ...] = ("h1", "h2", "h3")) -> list[tuple[str, bool]]:
    """Text of each heading, <h1> first, with whether it stands outside boilerplate."""
    found = [(tags.index(page.names[b.chain[-1]]), b.text, not b.negative) for b in page.blocks
             if b.kind == "heading" and page.names[b.chain[-1]] in tags]
    return [(text, outside) for _, text, outside in sorted(found, key=lambda item: item[0])]


def _words(text: str) -> set[str]:
    return set(WORD.findall(text.casefold()))


def _compact(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def title_parts(text: str) -> list[str]:
    """A <title> cut at its separators: at pipes if it has any ("Headline - Part | Site" -> two
    parts), else at dashes and the like."""
    separators = PIPE if PIPE.search(text) else TITLE_SEPARATORS  # dashes then belong to the headline
    return [part.strip() for part in separators.split(text) if part.strip()]


def names_site(text: str, parts: list[str], site_name: str | None, url: str) -> bool:
    """Whether `text` is the site's name: declared as such, the host, or the <title>'s first or last part."""
    compact = _compact(text)
    if not compact:
        return False
    host = _compact(urlsplit(url).hostname or "")
    # "Headline | Site" is the common order; "Site » Section » Headline" needs three parts to tell
    ends = [_compact(p) for p in ([parts[-1]] + parts[:1] * (len(parts) > 2))] if len(parts) > 1 else []
    names = [_compact(site_name or "")] + [end for end in ends if end != _compact(max(parts, key=len))]
    return ((len(compact) > 2 and compact in host) or compact in names) and not _only_date(text)


def _without_site_name(text: str, parts: list[str], site_name: str | None, url: str) -> str:
    """A title without the site's name and dates at its ends ("Headline | DW | 10.06.2013"), other
    separators left as they are; `parts` are the <title>'s, whose ends tell the site's name."""
    text = text.strip()
    while marks := list((PIPE if (piped := bool(PIPE.search(text))) else TITLE_SEPARATORS).finditer(text)):
        # (a date after a dash may end the headline's span of days: "Week 14. - 20. Januar 2022")
        last, first = text[marks[-1].end():], text[:marks[0].start()]
        if names_site(last, parts, site_name, url) or piped and _only_date(last):
            text = text[:marks[-1].start()].strip()
        elif names_site(first, parts, site_name, url) or piped and _only_date(first):
            text = text[marks[0].end():].strip()
        else:
            break
    return text


def _only_date(text: str) -> bool:
    return len(WORD.findall(text)) <= TITLE_DATE_WORDS and find_date(text) is not None


def title(page: Walk, meta: dict[str, list[str]], ld: dict, site_name: str | None, url: str) -> str | None:
    """The headline readers see: the first heading that a declared title confirms (JSON-LD,
    OpenGraph, the longest part of <title>), else an <h1> outside boilerplate that is not the
    site's name, else the declared headline."""
    full_title = SPACE.sub(" ", html.unescape(page.title or ""))
    parts = title_parts(full_title)
    declared = [_without_site_name(SPACE.sub(" ", html.unescape(value)), parts, site_name, url)
                for value in (ld["headline"], _first(meta, TITLE_KEYS)) if value]
    declared = [value for value in declared if value and not names_site(value, parts, site_name, url)]
    confirming = list(declared)
    if parts:
        declared.append(_without_site_name(full_title, parts, site_name, url))
        confirming += [declared[-1], max(parts, key=len)]
    declared_words = [_words(value) for value in confirming]
    headings = [(text, outside) for text, outside in heading_texts(page)
                if MIN_TITLE <= len(text) <= MAX_TITLE and not names_site(text, parts, site_name, url)]
    for text, _ in headings:
        words = _words(text)
        for known in declared_words:
            shared = len(words & known)
            if words and shared >= CONFIRMED_SHARE * len(words) and shared >= COVERED_SHARE * len(known):
                return text
    h1s = [text for text, outside in heading_texts(page, ("h1",))
           if outside and MIN_TITLE <= len(text) <= MAX_TITLE and not names_site(text, parts, site_name, url)]
    # a page with no <h1> for its story (a blog's <h2 class="entry-title">): the heading over the prose,
    # before a declared title that may be the site's alone
    return (heading_over_prose(page, parts, site_name, url) or next(iter(h1s), None)
            or next((text for text in declared if not names_site(text, parts, site_name, url)), None)
            or heading_over_prose(page, parts, site_name, url, ("h2", "h3")) or next(iter(declared), None))


def heading_over_prose(page: Walk, parts: list[str], site_name: str | None, url: str,
                       tags: tuple[str, ...] = ("h1",)) -> str | None:
    """The first <h1> (or heading of `tags`) that a paragraph of prose follows closely, before any
    other such heading, wherever it stands: the story starts under its headline (navigation and
    widget titles head lists of links)."""
    h1s = [at for at, block in enumerate(page.blocks) if block.kind == "heading" and page.names[block.chain[-1]] in tags]
    for at, following in zip(h1s, [*h1s[1:], len(page.blocks)], strict=False):
        block = page.blocks[at]
        if (MIN_TITLE <= len(block.text) <= MAX_TITLE and not page.is_elsewhere(block.elsewhere)
                and not UNSEEN.search(page.classes[block.chain[-1]]) and not names_site(block.text, parts, site_name, url)
                and any(len(after.text) > PROSE_CHARS and after.link_chars < LINKED_SHARE * len(after.text)
                        for after in page.blocks[at + 1:min(following, at + 1 + NEAR_HEADLINE[1] + 2)])):
            return block.text
    return None


# a heading only screen readers read ("visually-hidden", "sr-only") is not the one readers see
UNSEEN = re.compile(r"sr-only|visually-?hidden|screen-?reader")
PROSE_CHARS, LINKED_SHARE = 80, 0.25  # a paragraph of prose: this long, with links in less of it
MAX_BYLINE = 120  # characters of a byline element worth reading
# "By" after a separator or a date inside a short line: the names follow
INLINE_BYLINE = re.compile(r"(?:[|•·]|\d)\s*(?=(?:by|von|par|por|door)\s+[^\W\d_])", re.I)
SOCIAL_PROFILE = re.compile(r"^(?:https?:)?//(?:[\w-]+\.)?(?:twitter|x|facebook|instagram|linkedin|threads|"
                            r"mastodon\.social|bsky|tiktok|youtube)\.(?:com|net|app)/|^mailto:", re.I)
FORM_TAGS = frozenset({"form", "label", "select", "fieldset"})
COPYRIGHT = re.compile(r"\s*(?:©|\(c\)|copyright\b)", re.I)
# a copyright notice with its year and holder: "© 2019 Jane Doe", "Copyright © 2006-2008 by Jane Doe"
COPYRIGHT_HOLDER = re.compile(r"^\s*(?:copyright\s*)?(?:©|\(c\)|copyright\b)\s*(?:\d{4}\s*[-–/]\s*)?\d{4}\s*[,:]?\s*"
                              r"(?:by\s+)?(.+?)[\s.,|–-]*(?:(?:all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|"
                              r"tous\s+droits\s+réservés|todos\s+los\s+derechos\s+reservados)\W*)?$", re.I)
# a person's name: two to four capitalised words (a hyphen or an apostrophe inside), an initial
PERSON_NAME = re.compile(r"(?:[A-ZÀ-ÖØ-Þ](?:[\w'’-]*\w|\.)\s+){1,3}[A-ZÀ-ÖØ-Þ][\w'’-]*\w")
# the words of a firm's or a body's name ("Example Media GmbH", "Example Verlag")
COMPANY_WORDS = frozenset(word_list("bylines", "company_words"))
CREDIT_CONTAINERS = frozenset({"figure", "figcaption", "picture"})
PICTURE_CLASS = re.compile(r"caption|credit|foto|photo|image|bild|picture", re.I)
MAX_SIGNED_LINE = 50  # characters of a "By Jane Doe" line taken from anywhere on the page
# where an author's box sets the name apart from the bio, and how many of them are looked at
BOX_NAME_TAGS = ["h2", "h3", "h4", "h5", "h6", "strong", "b", "a"]
MAX_BOX_NAMES = 5
# the lower-case words inside a name ("Jana von Kraus", "Ana de la Cruz")
NAME_PARTICLES = frozenset({"von", "van", "de", "da", "del", "der", "den", "la", "le", "dos", "das", "du", "di",
                            "ten", "ter", "zu", "y", "e", "bin", "al"})
META_PAIRS = 4
AUTHOR_META_LABEL = re.compile(r"written\s+by|verfasst\s+von|geschrieben\s+von|écrit\s+par|escrito\s+por|scritto\s+da|"
                               r"^\s*(?:authors?|autor(?:in)?|auteur|autore)\s*$", re.I)
# an author label without its colon, then a name in capitals: "Author Jane Doe", "Autorin Jana Kraus"
LABEL_BEFORE_NAME = re.compile(r"(?i:authors?|autor(?:in|en|innen)?|auteure?s?|autore|autores)\s+(?=[A-ZÀ-ÖØ-Þ])")
MAX_NAME_WORDS = 4
ABOUT_AUTHOR = re.compile(r"\s*(?:about\s+the\s+authors?|über\s+(?:den\s+autor|die\s+autorin(?:nen)?|die\s+autoren|"
                          r"den\s+verfasser)|à\s+propos\s+de\s+l'auteur|sobre\s+el\s+autor)\s*:?\s*$", re.I)
# the start of a paragraph up to a dash: a dateline when it holds a date and at most a place name
DATELINE_LEAD = re.compile(r"^((?:[^\W\d_][\w.-]*[,/]?\s+){0,3}[\d.\s]{6,12}|"
                           r"(?:[^\W\d_][\w.-]*[,/]?\s+){0,3}\d{1,2}\.?\s+[^\W\d_]{3,10}\.?\s+\d{4}|"
                           r"(?:[^\W\d_][\w.-]*[,/]?\s+){0,2}[^\W\d_]{3,10}\.?\s+\d{1,2},?\s+\d{4})\s*[-–—|]\s")
NEAR_HEADLINE = (2, 6)  # blocks before and after the <h1> where a dateline may stand
DATELINE_CHARS = 250
# how much each place a date is found in counts when they disagree; the day with most weight wins
# and is written in the most precise form found for it (declared datetimes first)
CARD_CHARS = 800
MAX_TIMES = 50  # <time> elements looked at for lists of other posts
SENTENCE_WORDS = 10
# "This page was last edited on …", "Diese Seite wurde zuletzt am … geändert", "Zuletzt aktualisiert: …"
LAST_CHANGED = re.compile(r"\blast\s+(?:modified|edited|updated|changed)(?:\s+on)?\b|\bzuletzt\s+(?:geändert|"
                          r"aktualisiert|bearbeitet|am)\b|\bdernière\s+modification\b", re.I)
OPENING_CHARS = 80  # characters of the paragraph of prose that begins the text
FRONT_PATHS = frozenset({"", "/index.html", "/index.htm", "/index.php", "/home"})
ARCHIVED = re.compile(r"https?://web\.archive\.org/web/\d{1,14}[a-z_]*/(.+)", re.I)
ARCHIVE_CAPTURE = re.compile(r"https?://web\.archive\.org/web/(\d{4})(\d{2})(\d{2})\d{0,6}[a-z_]*/", re.I)
DATE_WEIGHTS = {"declared": 2.0, "url": 3.0, "time": 1.5, "furniture_time": 1.5, "title": 1.5, "near_headline": 2.0,
                "byline": 2.0, "dateline": 1.0, "labelled": 1.0, "modified": 1.0}
# a label that calls the date after it the publication's (lexicon/dates.toml published_labels)
_PUBLISHED_WORDS = "|".join(word_list("dates", "published_labels"))
PUBLISHED_LABEL = re.compile(r"\b(?:" + _PUBLISHED_WORDS + r"|datum\s*:|date\s*:)", re.I)
# the same words on lower-cased text, where re can skip ahead by their first letters: a quick test
_PUBLISHED_WORD = re.compile(_PUBLISHED_WORDS + "|datum|date")
LABELLED_DATE_CHARS = 60  # characters after the label where its date stands
DIGIT = re.compile(r"\d")
# a label that calls the date after it a change: "Updated 5 May", "Aktualisiert am 5. Mai", "mis à jour le"
UPDATE_LABEL = re.compile(r"\b(?:updated|modified|edited|aktualisiert|geändert|bearbeitet|mis à jour|modifié|"
                          r"actualizado|aggiornato|bijgewerkt)\b[^\d]*$", re.I)
UPDATE_LABEL_CHARS = 30  # characters before a date where its update label stands
# a date element's class, itemprop or id that calls its date the publication's, or a change's
PUBLISHED_MARK = re.compile(r"publish|entry-date|pubdate|datecreated|date-created", re.I)
# a declared moment given in UTC ("…T04:26:47Z", "+00:00"), and the places that give the site's own day
UTC_STAMP = re.compile(r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]00:?00)\s*$", re.I)
LATE_UTC = (8, 14)  # UTC hours before which it is the day before in the Americas, from which the day after in Asia
LOCAL_SOURCES = ("url", "near_headline", "byline", "time", "furniture_time", "dateline", "labelled", "title")
CAPTION_MARK = re.compile(r"caption|image|photo|picture|credit", re.I)
UPDATED_MARK = re.compile(r"update|modif|last-?mod|aktualisiert|geaendert|changed", re.I)


def headline_index(page: Walk, headline: str | None = None) -> int | None:
    """Index of the headline's block: the heading that reads as the page's title, else the first <h1>
    (a site logo set as an <h1> often comes first), else a block of the headline's text alone (a
    headline set in a table cell or a styled <div>, as older news sites do)."""
    folded = headline.casefold() if headline else None
    if folded:
        at = next((i for i, b in enumerate(page.blocks) if b.kind == "heading" and b.text.casefold() == folded), None)
        if at is not None:
            return at
    h1 = next((i for i, b in enumerate(page.blocks) if b.kind == "heading" and page.names[b.chain[-1]] == "h1"),
              None)
    if h1 is not None or not folded:
        return h1
    return next((i for i, b in enumerate(page.blocks) if b.text.casefold() == folded), None)


def opening_marks(page: Walk, headline: str | None = None) -> frozenset[int]:
    """ELSEWHERE marks around the first paragraph of prose under the headline: there the text
    begins, so they wrap it (a forum thread's opening post is marked up as its first comment)."""
    at = headline_index(page, headline)
    if at is None:
        return frozenset()
    return next((frozenset(block.elsewhere) for block in page.blocks[at + 1:at + NEAR_HEADLINE[1] + 1]
                 if block.kind == "paragraph" and len(block.text) > OPENING_CHARS
                 and block.link_chars < 0.25 * len(block.text)), frozenset())


def _elsewhere(page: Walk, marks: tuple[int, ...], opening: frozenset[int]) -> bool:
    """Whether marks put something outside the article; inside the container that holds the
    opening paragraph (marks go outermost first) nothing is."""
    outermost = next((mark for mark in marks if mark not in page.wrappers), None)
    return outermost is not None and outermost not in opening


def date_near_headline(page: Walk, headline: str | None = None, opening: frozenset[int] = frozenset(),
                       month_first: bool = False) -> str | None:
    """A date in a short block just around the headline (a dateline, a byline)."""
    at = headline_index(page, headline)
    if at is None:
        return None
    near = range(max(0, at - NEAR_HEADLINE[0]), min(len(page.blocks), at + NEAR_HEADLINE[1] + 1))
    teasers = _teaser_items(page, near, month_first)
    for index in near:
        block = page.blocks[index]
        if _elsewhere(page, block.elsewhere, opening) or index in teasers or _other_label(block.text):
            continue
        # "Published 3 May · Updated 5 May", in either order: the earliest day is the publication
        if len(block.text) <= DATELINE_CHARS and not _is_sentence(block.text) and (found := [
                day for start, day in dates_at(block.text, month_first)
                if not UPDATE_LABEL.search(block.text[max(0, start - UPDATE_LABEL_CHARS):start])]):
            return min(found)
        # a dateline run into the first paragraph: "27.1.2022 – The ...", "BERLIN, 3. März 2022 – ..."
        if (lead := DATELINE_LEAD.match(block.text)) and (found := find_date(lead.group(1), month_first)):
            return found
    return None


def title_date(full_title: str | None, month_first: bool = False) -> str | None:
    """The date a <title> gives as a part of its own, the site's stamp ("Headline | DW | 02.11.2021",
    "Headline - Section - 11/05/2022 - Site"), and no other date in it: a date inside the headline
    is an event's ("Minutes of the meeting of 10 October 2019"), and a span of days the title's
    separators cut ("Report 14. - 20. Januar 2022") dates to its first day."""
    if not full_title or not DIGIT.search(full_title):
        return None
    text = SPACE.sub(" ", html.unescape(full_title))
    parts = title_parts(text)
    stamp = next((find_date(part, month_first) for part in parts if _only_date(part)), None) if len(parts) > 1 else None
    return stamp if stamp and find_date(text, month_first) == stamp else None


def _other_label(text: str) -> bool:
    """A line whose label gives its date to something else: "Termin: 12.06.2019", "Einsendeschluss:
    30.09.2019", "Marktstart: 24.04.2020" (a publication, update or author label does not)."""
    return bool((label := LABELLED_LINE.match(text)) and not DATELINE_LABEL.search(label.group(1))
                and not LABELLED.match(text))


def _teaser_items(page: Walk, blocks: range, month_first: bool) -> set[int]:
    """Indexes of the blocks that are items of a list of other posts, two or more items of one list
    that each hold a link and a date ("Older post 12.01.2018"), or cells of a table two or more of
    whose rows hold a date (a schedule, results): their dates are others'."""
    by_list: dict[tuple[int, ...], list[int]] = {}
    rows: dict[tuple[int, ...], dict[int, list[int]]] = {}
    for index in blocks:
        block = page.blocks[index]
        if not dates_at(block.text, month_first):
            continue
        if block.link_chars > 0 and len(block.chain) > 1 and page.names[block.chain[-1]] == "li":
            by_list.setdefault(block.chain[:-1], []).append(index)
        if (row := next((at for at, container in enumerate(block.chain) if page.names[container] == "tr"),
                        None)) is not None:
            rows.setdefault(block.chain[:row], {}).setdefault(block.chain[row], []).append(index)
    return ({index for items in by_list.values() if len(items) >= 2 for index in items}
            | {index for table in rows.values() if len(table) >= 2 for cells in table.values() for index in cells})


def _is_sentence(text: str) -> bool:
    """Prose ("The next meeting is on 5 February at the town hall."): a date in it is an event's."""
    return text.rstrip().endswith((".", "!", "?")) and len(text.split()) >= SENTENCE_WORDS


def _first_date(nodes, month_first: bool = False) -> str | None:
    """The first date in the elements' texts, or else in a date attribute of theirs (the hAtom
    <abbr class="published" title="2008-07-29T10:00:00+02:00">10:00</abbr> of many blogs). A date
    marked as a change (an element classed "updated", a date after "Updated") gives way to a
    publication's ("Updated 5 May · Published 3 May"), but is the page's date when it shows no other
    (readers see a page's "Updated June 13, 2019" as its date)."""
    changed = None
    for node in nodes:
        if _other_label(text := node.get_text(" ", strip=True)[:300]):
            continue
        shown = find_date(text, month_first)
        found = _first_unchanged(text, month_first) if shown else normalize_date(_date_attribute(node))
        if found and not _marked_update(node):
            return found
        changed = changed or shown or found
    return changed


def _first_unchanged(text: str, month_first: bool) -> str | None:
    """The first date in a short text that no update label introduces."""
    return next((day for start, day in dates_at(text, month_first)
                 if not UPDATE_LABEL.search(text[max(0, start - UPDATE_LABEL_CHARS):start])), None)


def _marks(node) -> str:
    return " ".join(value for key in ("class", "itemprop", "id") if isinstance(value := node.get(key), str))


def _marked_update(node) -> bool:
    """A <time> or date element marked as the page's change, not its publication: class "updated",
    itemprop "dateModified" (htmldate reads those only for the last change)."""
    return bool(UPDATED_MARK.search(_marks(node))) and not PUBLISHED_MARK.search(_marks(node))


def _marked_published(node) -> bool:
    """A <time> marked as the publication: <time pubdate>, class "entry-date" or "published",
    itemprop "datePublished" (htmldate's shortcut)."""
    return node.has_attr("pubdate") or bool(PUBLISHED_MARK.search(_marks(node)))


def _date_attribute(node) -> str | None:
    value = node.get("datetime") or node.get("content") or (node.get("title") if node.name == "abbr" else None)
    return value if isinstance(value, str) else None


def _teaser_lists(nodes, month_first: bool = False) -> set[int]:
    """ids of the list items, among those around the date elements, that hold a link and a date in
    a list with two or more such items: a list of other posts ("Recent posts", "Older entries"),
    whose dates are theirs."""
    items: dict[int, Tag] = {}
    for node in nodes:
        item = node if node.name == "li" else node.find_parent("li")
        if item is not None and item.parent is not None and id(item) not in items:
            items[id(item)] = item
    by_list: dict[int, list[int]] = {}
    for key, item in items.items():
        if item.find("a", href=True) is not None and (item.find("time") is not None
                                                      or find_date(item.get_text(" ", strip=True)[:300], month_first)):
            by_list.setdefault(id(item.parent), []).append(key)
    return {key for keys in by_list.values() if len(keys) >= 2 for key in keys}


def _in_teaser_list(node, teasers: set[int]) -> bool:
    item = node if node.name == "li" else node.find_parent("li")
    return item is not None and id(item) in teasers


def _in_caption(node) -> bool:
    """Whether a date element belongs to a photo: classed as an image's or a caption's
    ("e-image__meta", "caption-date"), or inside a <figure> or <figcaption>; its date is the photo's."""
    if CAPTION_MARK.search(_marks(node)):
        return True
    for element in (node, *node.parents):
        if element.name in ("figure", "figcaption"):
            return True
        if element.name in ("article", "main", "body"):
            return False
    return False


def _in_card(node, cards: bool) -> bool:
    """Whether a node sits in one of several short <article>s: a card about another story."""
    if not cards:
        return False
    card = node if node.name == "article" else node.find_parent("article")
    return card is not None and len(card.get_text()) < CARD_CHARS


def _time_date(page: Walk, in_furniture: bool, opening: frozenset[int], month_first: bool = False,
               elsewhere_nodes=lambda node: False) -> str | None:
    """The date of the <time> marked as the publication, else of the first <time> not marked as a
    change, else of the first, in the page's furniture or outside it; `elsewhere_nodes` tells the
    <time>s of other stories (cards, teaser lists)."""
    first = changed = None
    for datetime_attr, text, furniture, elsewhere, node in page.times[:MAX_TIMES]:
        if furniture != in_furniture or _elsewhere(page, elsewhere, opening) or elsewhere_nodes(node):
            continue
        marked = _marked_published(node)
        update = not marked and (_marked_update(node) or _update_labelled(node))
        if (marked or (first if not update else changed) is None) and (
                found := _shown_time(normalize_date(datetime_attr), find_date(text, month_first))):
            if marked:
                return found
            if update:
                changed = found
            else:
                first = found
    return first or changed


def _shown_time(machine: str | None, shown: str | None) -> str | None:
    """A <time>'s date: its datetime attribute, unless its text shows the day before or after, the
    same moment where the reader is ("2019-11-20T06:01:19Z" shown as "10:01 pm PST, November 19")."""
    if machine and shown and machine[:10] != shown[:10]:
        apart = abs((date.fromisoformat(machine[:10]) - date.fromisoformat(shown[:10])).days)
        return shown if apart == 1 else machine
    return machine or shown


def _update_labelled(node) -> bool:
    """Whether an update label stands just before the element ("Updated <time>…</time>")."""
    before = node.previous_sibling
    text = before if isinstance(before, str) else before.get_text(" ") if before is not None else ""
    return bool(UPDATE_LABEL.search(text[-UPDATE_LABEL_CHARS:]))


def labelled_date(page: Walk, opening: frozenset[int], month_first: bool = False) -> str | None:
    """The first date a publication label introduces, in a short line of the article anywhere."""
    for block in page.blocks:
        if (len(block.text) <= DATELINE_CHARS and DIGIT.search(block.text) and _PUBLISHED_WORD.search(block.text.lower())
                and (label := PUBLISHED_LABEL.search(block.text))
                and not _is_sentence(block.text) and not _elsewhere(page, block.elsewhere, opening)
                and (found := find_date(block.text[label.end():label.end() + LABELLED_DATE_CHARS], month_first))):
            return found
    return None


def is_front_page(url: str) -> bool:
    """A site's home page (also as a web-archive capture): it lists articles, it is not one."""
    if archived := ARCHIVED.match(url):
        url = archived.group(1)
    parts = urlsplit(url)
    return not parts.query and parts.path.rstrip("/").lower() in FRONT_PATHS


def date_candidates(page: Walk, meta: dict[str, list[str]], ld: dict, url: str, updated: str | None,
                    headline: str | None = None, opening: frozenset[int] = frozenset(),
                    month_first: bool = False, canonical: str | None = None) -> dict[str, str | None]:
    """The date each place on the page gives (see DATE_WEIGHTS), in the order of trust that breaks
    ties; dates a web archive's capture or a permalink's month rule out are None. The page's own
    address is the URL it was fetched at, else the canonical one it declares on its own site (a
    short or numbered link to a dated permalink; a copy's canonical on another site is the
    original's, dated as the original)."""
    declared, declared_as = next(((found, value) for value in (ld["published"], _first(meta, PUBLISHED_KEYS),
                                                           *_prop_values(page, "datePublished"))
                                  if (found := normalize_date(value))), (None, None))
    cards = page.names.count("article") > 1
    teaser_lists = _teaser_lists([*page.datelines, *(time[4] for time in page.times[:MAX_TIMES])], month_first)

    def others(node) -> bool:
        return _in_card(node, cards) or _in_teaser_list(node, teaser_lists)

    if declared and updated and updated[:10] < declared[:10]:
        # a page is not changed before it appears: a publication declared after the declared change
        # is a re-stamp (a scheduled or re-published post), so the other places decide
        declared = None
    candidates = {
        "url": url_date(url) or (url_date(canonical) if canonical and _same_site(canonical, url) else None),
        "byline": _first_date(page.bylines[:5], month_first),
        "near_headline": date_near_headline(page, headline, opening, month_first),
        "declared": declared,
        "time": _time_date(page, False, opening, month_first, others),
        "furniture_time": _time_date(page, True, opening, month_first, others),
        "title": title_date(page.title, month_first),
        "dateline": _first_date((node for node, marks in zip(page.datelines, page.dateline_marks, strict=True)
                                 if not _elsewhere(page, marks, opening) and not others(node)
                                 and not _in_caption(node)), month_first),
        "labelled": labelled_date(page, opening, month_first),
        "modified": updated,
    }
    if captured := ARCHIVE_CAPTURE.match(url):
        # a web archive's capture time bounds every date the page can have been published on
        last = f"{captured.group(1)}-{captured.group(2)}-{captured.group(3)}"
        candidates = {source: found if found and found[:10] <= last else None for source, found in candidates.items()}
    if (month := url_month(url)) and any(found and found.startswith(month) for found in candidates.values()):
        # a permalink's /YYYY/MM/ is the month the post was filed in: days of other months on the
        # page are others' (a related post, a later update)
        candidates = {source: found if found and found.startswith(month) else None
                      for source, found in candidates.items()}
    if (declared := candidates["declared"]) and len(declared) > 10 and UTC_STAMP.search(declared_as):
        # a declared moment in UTC falls on the day before in the Americas' evening ("2019-11-20T04:26Z",
        # shown "11:26 pm EST, Tuesday, November 19") and on the day after in East Asia's and
        # Australia's morning: the day the page shows or its URL spells there is the same moment
        hour, day = int(declared[11:13]), date.fromisoformat(declared[:10])
        local = {day - timedelta(days=1)} if hour < LATE_UTC[0] else {day + timedelta(days=1)} if hour >= LATE_UTC[1] else set()
        candidates["declared"] = next((found[:10] for source in LOCAL_SOURCES if (found := candidates[source])
                                       and date.fromisoformat(found[:10]) in local), declared)
    return candidates


def _same_site(address: str, url: str) -> bool:
    if archived := ARCHIVED.match(url):
        url = archived.group(1)
    return ((urlsplit(address).hostname or "").removeprefix("www.")
            == (urlsplit(url).hostname or "").removeprefix("www."))


def published(page: Walk, meta: dict[str, list[str]], ld: dict, url: str, updated: str | None,
              headline: str | None = None, updated_shown: bool = False,
              opening: frozenset[int] = frozenset(), month_first: bool = False,
              canonical: str | None = None) -> str | None:
    """The publication day most places on the page agree on (date_candidates, weighed by
    DATE_WEIGHTS); None when the page shows no date or is a site's front page (whose declared
    dates are the site's)."""
    if is_front_page(url):
        return None
    candidates = date_candidates(page, meta, ld, url, updated, headline, opening, month_first, canonical)
    votes: dict[str, float] = {}
    for source, found in candidates.items():
        if found:
            votes[found[:10]] = votes.get(found[:10], 0.0) + DATE_WEIGHTS[source]
    if not votes or (not updated_shown and not any(found for source, found in candidates.items()
                                                   if source != "modified")):
        # a modification stamp only machines read (bumped by any re-save) dates no page on its own;
        # one the page shows ("last edited on …") does
        return None
    best = max(votes.values())
    # ties go to the day of the most trusted source, in the order of `candidates`
    day = next(found[:10] for found in candidates.values() if found and votes[found[:10]] == best)
    return max((found for found in candidates.values() if found and found[:10] == day), key=len)


def declared_modified(meta: dict[str, list[str]], ld: dict, page: Walk) -> str | None:
    return next((found for value in (ld["modified"], _first(meta, MODIFIED_KEYS), *_prop_values(page, "dateModified"))
                 if (found := normalize_date(value))), None)


def shown_modified(page: Walk, month_first: bool = False) -> str | None:
    """A visible "last edited on …" line (a wiki's footer)."""
    return next((found for block in page.blocks if len(block.text) <= DATELINE_CHARS
                 and (line := LAST_CHANGED.search(block.text)) and (found := find_date(block.text[line.end():], month_first))),
                None)


def authors(page: Walk, meta: dict[str, list[str]], ld: dict, url: str,
            opening: frozenset[int] = frozenset(), headline: str | None = None) -> list[str]:
    """Declared persons, else an "Author: ..." line, meta tags, itemprop, a byline element, a signed
    dateline, a "By ..." line near the headline or anywhere, an author's box, an organisation
    declared as author, and last the person a copyright notice names; never the site's own name."""
    exclude = _site_names(page, meta, ld, headline)
    shown = _shown_text(page)
    # a declared author the page never shows is the site's account or owner, not a byline
    sources = [_shown_only(ld["authors"], shown), labelled_author(page, opening),
               _shown_only([v for k in AUTHOR_KEYS for v in meta.get(k, [])] + _labelled_meta_authors(meta), shown),
               _shown_only(_prop_values(page, "author"), shown)]
    bylines, boxed = [], []
    # a commenter or the author of a story teased in a related list is not the article's author (but a
    # forum thread's opening poster is; an <aside> or <footer> of the article's own may hold its byline)
    for node in [node for node, marks in zip(page.bylines, page.byline_marks, strict=True)
                 if not _elsewhere(page, marks, opening)
                 or not any(mark >= 0 and ELSEWHERE.search(page.classes[mark]) for mark in marks)][:5]:
        if _in_form(node):
            continue
        text = _innermost_names(node, page.bylines, exclude) or node.get_text(" ", strip=True)
        if 0 < len(text) <= MAX_BYLINE and not is_prose(text):
            bylines.append((node, _without_handles(node, text)))
        elif text and not boxed and (name := _name_in_box(node, exclude)):
            boxed = [name]
    if not boxed and ("autor" in shown or "author" in shown or "auteur" in shown):
        boxed = about_the_author(page, exclude)
    signed = [text for node in page.datelines[:5]
              if len(text := node.get_text(" ", strip=True)) <= MAX_BYLINE and PREFIX.match(text)]
    # the first byline that names someone ("Published by" alone is a label before a separate name), and
    # the author elements alike beside it ("By <a class=author>A</a> and <a class=author>B</a>")
    naming = next(((node, line) for node, line in bylines if clean_authors([line], exclude)), None)
    if naming:
        naming = [naming[1]] + [line for node, line in bylines if node is not naming[0] and _alike(node, naming[0])]
    sources += [naming or [], signed[:1], byline_near_headline(page, headline, opening),
                signed_line(page, opening), boxed, _shown_only(ld["author_organisations"], shown)]
    host = _compact(urlsplit(url).hostname or "")
    site = {_compact(name) for name in exclude}
    site_words = {frozenset(words) for name in exclude if len(words := _words(name)) > 1}
    # (a headline of a name's length may be the person's own page: "Jane Doe", by Jane Doe)
    headline_compact = _compact(headline) if headline and len(headline.split()) > MAX_NAME_WORDS else None

    def named(values: list[str]) -> list[str]:
        # a value that is the site's name whole ("Example Wines - Shop and Bar"), its words in any order
        # ("Bundestagsfraktion Bündnis 90/Die Grünen"), or the headline's, names no author
        values = [value for value in values if (compact := _compact(PREFIX.sub("", value))) not in site
                  and compact != headline_compact and _words(PREFIX.sub("", value)) not in site_words]
        return [n for n in clean_authors(values, exclude) if _compact(n) not in host and _compact(n) not in site]

    for values in sources:
        if names := named(values):
            return names
    return named(copyright_holder(page))  # the last resort, read only when nothing else names someone


def _site_names(page: Walk, meta: dict[str, list[str]], ld: dict, headline: str | None) -> tuple[str, ...]:
    """The names the site goes by, never an article's author: declared (og:site_name and kin, the
    JSON-LD publisher) and the parts of the <title> around the headline (the part the headline
    holds, else the longest), alone or run together ("Headline - Example Wines - Shop and Bar")."""
    names = [value for key in SITE_KEYS for value in meta.get(key, [])]
    if ld["publisher"] and not ld["publisher_person"]:
        names.append(ld["publisher"])  # (a person who publishes their own site may be its author)
    parts = title_parts(SPACE.sub(" ", html.unescape(page.title or "")))
    if len(parts) > 1:
        shown = _compact(headline or "")
        at = next((at for at, part in enumerate(parts)
                   if shown and _compact(part) in shown and 2 * len(_compact(part)) >= len(shown)),
                  parts.index(max(parts, key=len)))
        for side in (parts[:at], parts[at + 1:]):
            names += side
            if len(side) > 1:
                names.append(" ".join(side))
    return tuple(name for name in names if _compact(name))


def about_the_author(page: Walk, exclude: tuple[str, ...]) -> list[str]:
    """The name on the line after an "About the author" / "Über den Autor" heading, as a person's
    name is written (the bio follows it)."""
    for at, block in enumerate(page.blocks[:-1]):
        if len(block.text) <= MAX_SIGNED_LINE and ABOUT_AUTHOR.match(block.text):
            name = page.blocks[at + 1].text
            if len(name) <= MAX_SIGNED_LINE and _names_a_person(name, exclude):
                return [name]
    return []


def _names_a_person(text: str, exclude: tuple[str, ...]) -> bool:
    """Whether `text` is one person's name, in capitalised words as a person's name is."""
    return (len(names := clean_authors([text], exclude)) == 1 and bool(PERSON_NAME.fullmatch(names[0]))
            and not any(word.casefold() in FUNCTION_WORDS for word in names[0].split()))


def _labelled_meta_authors(meta: dict[str, list[str]]) -> list[str]:
    """Authors declared as a labelled pair of <meta> (Yoast's twitter:label1 "Written by" with
    twitter:data1 "Jane Doe")."""
    return [data for n in range(1, META_PAIRS + 1)
            if (label := _first(meta, (f"twitter:label{n}",))) and AUTHOR_META_LABEL.search(label)
            and (data := _first(meta, (f"twitter:data{n}",)))]


def _name_in_box(node: Tag, exclude: tuple[str, ...]) -> str | None:
    """The name an author's box with a bio sets apart in a heading, bold or a link ("<h4>Jane
    Doe</h4><p>Jane Doe has covered …</p>"): its first such element that names one person, in
    capitalised words as a person's name is ("Ihre Favoriten", "Tweet" are the box's buttons)."""
    for inner in node.find_all(BOX_NAME_TAGS, limit=MAX_BOX_NAMES):
        text = inner.get_text(" ", strip=True)
        if 0 < len(text) <= MAX_SIGNED_LINE and _names_a_person(text, exclude):
            return text
    return None


def _alike(node: Tag, other: Tag) -> bool:
    """Elements of one list: the same tag and class under the same parent."""
    return node.parent is other.parent and node.name == other.name and node.get("class") == other.get("class")


def _innermost_names(node, bylines: list, exclude: tuple[str, ...]) -> str | None:
    """The names in the author elements a byline element holds, when they name someone: "Jane Doe"
    of <div class=byline><span class=author>Jane Doe</span> <span>Associated Press</span></div>,
    whose whole text would run the outlet into her name."""
    inner = [other for other in bylines if other is not node and any(parent is node for parent in other.parents)]
    # the outermost of them: an author element may wrap its own name element
    held = {id(other) for other in inner}
    inner = [other for other in inner if not any(id(parent) in held for parent in other.parents)]
    # (a label element, "Written by", names no one)
    texts = [text for other in inner if clean_authors([text := other.get_text(" ", strip=True)], exclude)]
    return ", ".join(texts) or None


def _shown_text(page: Walk) -> str:
    """The page's visible text, case-folded."""
    return "\n".join(block.text for block in page.blocks).casefold()


def _shown_only(values: list[str], shown: str) -> list[str]:
    """The declared author values whose names the page shows, every word of them."""
    return [value for value in values if (names := clean_authors([value]))
            and all(word in shown for name in names for word in WORD.findall(name.casefold()))]


def _in_form(node) -> bool:
    """Whether an element is a form's field ("Sort by", "Filter by author"): never a byline. A form
    around the whole page (ASP.NET wraps every page in one) is no field."""
    while node is not None:
        if node.name in FORM_TAGS and not (node.name == "form" and _wraps_page(node)):
            return True
        node = node.parent
    return False


def _wraps_page(form: Tag) -> bool:
    return form.find(("h1", "article", "main")) is not None


def _without_handles(node, text: str) -> str:
    """A byline element's text without its links to the author's social profiles (their handles)."""
    for link in node.find_all("a", href=SOCIAL_PROFILE) if node.name != "a" else ():
        if handle := link.get_text(" ", strip=True):
            text = text.replace(handle, " ")
    return SPACE.sub(" ", text).strip()


def labelled_author(page: Walk, opening: frozenset[int] = frozenset()) -> list[str]:
    """An "Author: Jane Doe" line, "Author Jane Doe" (a label set apart before a capitalised name), or a
    bare "Author:" label and the line after it, outside forms
    (a search form's "Von:" field filters by member) and other texts (a comment, a teaser)."""
    # (a form around the headline wraps the whole page, as ASP.NET's do: it is no field)
    h1 = next((block.chain for block in page.blocks if block.kind == "heading" and page.names[block.chain[-1]] == "h1"),
              ())
    for at, block in enumerate(page.blocks):
        if any(page.names[container] in FORM_TAGS and container not in h1 for container in block.chain) or _elsewhere(
                page, block.elsewhere, opening):
            continue
        if len(block.text) <= MAX_BYLINE and LABELLED.match(block.text):
            return [block.text]
        if len(block.text) <= MAX_BYLINE and not _is_sentence(block.text) and (
                label := LABEL_BEFORE_NAME.match(block.text)):
            return [block.text[label.end():]]  # "<strong>Author</strong> Jane Doe": the label set apart
        if LABEL_ONLY.match(block.text) and at + 1 < len(page.blocks):
            return [page.blocks[at + 1].text] if len(page.blocks[at + 1].text) <= MAX_BYLINE else []
    return []


def signed_line(page: Walk, opening: frozenset[int] = frozenset()) -> list[str]:
    """A short "By Jane Doe" line anywhere but in other texts (a comment, a teaser of another
    story), its names capitalised as names are, maybe dated ("Von Jane Doe am 3. Mai 2020 um 9:07
    Uhr", "Posted on May 3, 2020 by Jane Doe")."""
    for block in page.blocks:
        if len(block.text) > MAX_BYLINE or _elsewhere(page, block.elsewhere, opening):
            continue
        line = block.text
        # the names may follow a date in a line of the story's own: "Geschrieben am 3. Mai 2019 von Jane
        # Doe" (not in a teaser's heading, nor after a copyright's year: "© 2017 Von der See GmbH")
        if (block.kind == "paragraph" and not block.negative and not COPYRIGHT.match(line)
                and (inline := INLINE_BYLINE.search(line))):
            line = line[inline.end():]
        if match := PREFIX.match(line):
            signed = TAIL.sub("", line[match.end():])
            words = signed.split()
            if len(signed) <= MAX_SIGNED_LINE and 0 < len(words) <= 4 and words[0][0].isupper() and all(
                    w[0].isupper() or w in NAME_PARTICLES for w in words):
                return [line]
    return []


def copyright_holder(page: Walk) -> list[str]:
    """The person a page's copyright notice names, "© 2019 Jane Doe": the owner of a text that no
    byline signs (a personal site); not a firm ("© 2019 Example Media GmbH") nor a picture's
    credit (in a <figure> or a caption)."""
    for block in reversed(page.blocks):
        if (len(block.text) > MAX_SIGNED_LINE or not COPYRIGHT.match(block.text)
                or any(page.names[node] in CREDIT_CONTAINERS or PICTURE_CLASS.search(page.classes[node])
                       for node in block.chain)):
            continue
        if ((holder := COPYRIGHT_HOLDER.match(block.text)) and PERSON_NAME.fullmatch(name := holder.group(1))
                and not any(_company_word(word) for word in name.split())):
            return [name]
    return []


def _company_word(word: str) -> bool:
    """A word of a firm's name, also as the end of a compound ("Werbeagentur", "Mediengruppe")."""
    word = word.casefold().strip(".")
    return word in COMPANY_WORDS or any(len(part) >= 5 and word.endswith(part) for part in COMPANY_WORDS)


def byline_near_headline(page: Walk, headline: str | None = None, opening: frozenset[int] = frozenset()) -> list[str]:
    """A short "By ..." / "Von ..." line just around the headline, also after a separator or a date
    ("Politics | By Jane Doe | May 3", "06.11.2023 13:30 von Jane Doe"), not in another text (a
    teaser of a related story after a short one)."""
    at = headline_index(page, headline)
    if at is None:
        return []
    near = page.blocks[max(0, at - NEAR_HEADLINE[0]):at + NEAR_HEADLINE[1] + 1]
    for block, after in zip(near, [*near[1:], None], strict=True):
        if (len(block.text) > MAX_BYLINE or _is_sentence(block.text) or _elsewhere(page, block.elsewhere, opening)
                or COPYRIGHT.match(block.text)):
            continue  # (a copyright notice's "by" names the owner: copyright_holder reads it)
        if (prefix := PREFIX.match(block.text)) and prefix.end() == len(block.text):
            # the prefix alone, the names in the next element ("<li>Von</li><li>Jane Doe</li>")
            return [after.text] if after is not None and len(after.text) <= MAX_BYLINE else []
        if prefix:
            return [block.text]
        if inline := INLINE_BYLINE.search(block.text):
            return [block.text[inline.end():]]
    return []


def month_first(page: Walk, meta: dict[str, list[str]]) -> bool:
    """Whether the page writes numeric dates month first: American English ("en", "en-US")."""
    value = page.lang or _first(meta, ("og:locale", "content-language", "language")) or ""
    primary, _, region = value.strip().lower().replace("_", "-").partition("-")
    return primary == "en" and region in ("", "us")


def language(page: Walk, meta: dict[str, list[str]], ld: dict) -> str | None:
    for value in (page.lang, ld["language"], _first(meta, ("og:locale", "content-language", "language"))):
        primary = re.split(r"[-_]", value.strip())[0].lower() if isinstance(value, str) else ""
        if primary.isalpha() and len(primary) <= 3:
            return primary
    return None


def canonical_url(page: Walk, meta: dict[str, list[str]], url: str) -> str | None:
    for attrs in page.links:
        rel = attrs.get("rel") or ""
        if "canonical" in (rel if isinstance(rel, list) else str(rel).lower().split()) and isinstance(attrs.get("href"), str):
            return urljoin(url, attrs["href"].strip())
    og = _first(meta, ("og:url",))
    return urljoin(url, og) if og else None


def page_metadata(page: Walk, url: str, ld: dict | None = None) -> dict:
    """Document fields other than the body, as keyword arguments; `ld` is the page's
    meta_jsonld.article_metadata, when already read."""
    meta = meta_values(page)
    ld = ld or article_metadata(page.json_ld)
    site_name = _first(meta, SITE_KEYS) or ld["publisher"]
    declared_update = declared_modified(meta, ld, page)
    american = month_first(page, meta)
    updated = declared_update or shown_modified(page, american)
    headline = title(page, meta, ld, site_name, url)
    opening = opening_marks(page, headline)
    canonical = canonical_url(page, meta, url)
    return {
        "title": headline,
        "authors": authors(page, meta, ld, url, opening, headline),
        "published_at": published(page, meta, ld, url, updated, headline, not declared_update, opening, american,
                                  canonical),
        "modified_at": updated,
        "language": language(page, meta, ld),
        "site_name": site_name,
        "canonical_url": canonical,
    }
