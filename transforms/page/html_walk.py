"""One pass over a parsed page: text blocks with their container chain, plus metadata hints."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat

from bs4.element import NavigableString, Tag

# subtrees that never hold article text (a caption describes a picture, not the story)
SKIP = frozenset({
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "video", "audio", "select", "option", "button", "input", "textarea", "map", "picture", "img",
    "source", "dialog", "figcaption",
})
# page furniture by tag or ARIA role: walked (bylines live there) but marked like a class hint
FURNITURE_TAGS = frozenset({"nav", "footer", "aside", "header", "menu"})
FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "menu", "menubar",
                             "search", "dialog", "alert", "toolbar"})
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir", "div", "dl",
    "dt", "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "html", "caption", "legend",
})
HEAD_TAGS = frozenset({"meta", "link", "title", "script"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LIST_ITEMS = frozenset({"li", "dd", "dt"})
# The class/id patterns below start every branch with a letter: a condition on what comes before a
# word is a lookbehind placed after it ("nav(?<![a-z]nav)" is "(?<![a-z])nav"), and "^header$" is
# "head(?<=^head)er$". re then skips the positions whose first character starts no branch, instead
# of trying every branch at every position of every class name of a page.

# class/id words of boilerplate containers
NEGATIVE = re.compile(
    r"comment(?!ary)|share|sharing|social|related|promo|cookie|consent|sidebar|breadcrumb|footer|"
    r"subscri|news-?letter|recirc|cta(?<![a-z]cta)(?![a-z])|advert|ad(?<![a-z]ad)s?(?![a-z])|anzeige|werbung|"
    r"popup|modal|banner|recommend|outbrain|next-?(?:article|post|story)|up-?next|read-?next|"
    r"taboola|sponsor|widget|navigation|nav(?<![a-z]nav)(?![a-z])|navbar|menu|masthead|byline|author|autor|profile|"
    r"dateline|meta(?<![a-z]meta)(?![a-z])|tag(?<![a-z]tag)s?(?![a-z])|caption|disclaimer|copyright|signup|"
    r"login|paywall|toolbar|pagination|pager(?<![a-z]pager)|more-?stories|trending|popular|read-?more|weiterlesen|"
    r"skip(?<![a-z]skip)|hidden(?<!\Shidden)(?:\s|$)|print-?only|sr-only|visually-?hidden|teaser-?list|newsticker|"
    r"rating|follow|feedback|donat|gallery|slideshow|carousel|overlay|flyout|tooltip|dropdown|infobox|rss|"
    r"head(?<=^head)(?:er)?$|foot(?<=^foot)$|site-?header|page-?header|top-?bar"
)
# containers whose dates and datelines belong to other texts: comments, lists of related articles,
# navigation, sidebars and the site's header and footer (a byline or "meta" mark is not one of them;
# layout words like "sidebar" or "teaser" name page templates too often to count)
ELSEWHERE = re.compile(
    r"comment(?!ary)|related|nav(?<![a-z]nav)|navigation|breadcrumb|newsticker|recirc|outbrain|taboola|"
    r"next-?(?:article|post|story)|up-?next|read-?next"
)
PAGE_TAGS = frozenset({"html", "body", "main", "article"})  # their classes describe the whole page
ELSEWHERE_TAGS = frozenset({"nav", "footer", "aside"})
ELSEWHERE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "menu", "menubar"})
POSITIVE = re.compile(
    r"article|body(?<![a-z]body)|content|entry|main(?<![a-z]main)|post(?<![a-z]post)|story|text(?<![a-z]text)|"
    r"blog|prose|rich-?text|paragraph|beitrag|artikel|inhalt"
)
_DATE_WORDS = r"date|datum|time|zeit|publish|parution|fecha|posted|submitted|meta(?<![a-z]meta)"
# ("by" alone, not in a word nor in an aspect ratio: "responsive-image--16by9")
_AUTHOR_WORDS = r"byline|author|autor|writer|by(?<![a-z0-9]by)(?![a-z0-9])|creator|verfasser|user-?name|account-?name"
DATE_HINT = re.compile(_DATE_WORDS, re.I)
AUTHOR_HINT = re.compile(_AUTHOR_WORDS, re.I)
# the same, for a lower-cased ASCII hint, where ignoring case changes nothing (elsewhere it does:
# "ſ" matches "s", "ı" matches "i"); a pattern that ignores case gets no first-character skipping
_DATE_HINT_ASCII = re.compile(_DATE_WORDS)
_AUTHOR_HINT_ASCII = re.compile(_AUTHOR_WORDS)
STATE_WORD = re.compile(r"(?:^|(?<=\s))(?:has|with|without|no|js)[-_]", re.I)
WRAPPER_SHARE = 0.4  # of the page's text: a container holding this much is no aside
# an inline element holding a picture's caption or credit ("<span class=copyright>Foto: dpa</span>",
# "<strong class=caption>"): the short line around it is a caption, whatever the line's own class
CAPTION_HINT = re.compile(r"caption|credit|copyright|bildnachweis|bildquelle|photographer|fotograf")
CAPTION_CHARS = 300
# an author's page on the site: a path segment that says author, then the author's own ("/author/jane-doe")
AUTHOR_PATH = re.compile(r"/(?:authors?|autor(?:in|en|innen)?)/[^/?#\s]+/?(?:[?#]|$)", re.I)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
SPACE = re.compile(r"\s+")
_NO_UNDO = repeat(None)  # children go on the stack with no exit marker
# soft hyphens and zero-width spaces and BOMs: typesetting hints, not text
INVISIBLE = str.maketrans("", "", "\u00ad\u200b\ufeff")


@dataclass
class RawBlock:
    kind: str
    text: str
    link_chars: int
    chain: tuple[int, ...]  # ids of the open block containers, outermost first
    negative: tuple[int, ...]  # ids of containers among them marked as boilerplate
    elsewhere: tuple[int, ...] = ()  # marks of the ELSEWHERE elements around it (see Walk.is_elsewhere)


@dataclass
class Walk:
    blocks: list[RawBlock] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # tag name of each container id
    weights: list[int] = field(default_factory=list)  # class/id hint of each container id
    classes: list[str] = field(default_factory=list)  # class and id text of each container id
    bylines: list[Tag] = field(default_factory=list)
    byline_marks: list[tuple[int, ...]] = field(default_factory=list)  # ELSEWHERE marks of each byline
    datelines: list[Tag] = field(default_factory=list)
    dateline_marks: list[tuple[int, ...]] = field(default_factory=list)  # ELSEWHERE marks of each dateline
    # datetime, text, inside boilerplate-marked containers, ELSEWHERE marks
    # (datetime attribute, text, in furniture, ELSEWHERE marks, the element) of each <time>
    times: list[tuple[str, str, bool, tuple[int, ...], Tag]] = field(default_factory=list)
    wrappers: set[int] = field(default_factory=set)  # ELSEWHERE-marked containers that wrap the article
    itemprops: dict[str, list[Tag]] = field(default_factory=dict)
    metas: list[dict] = field(default_factory=list)  # attributes of each <meta>
    json_ld: list[str] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)  # attributes of each <link>
    title: str | None = None
    lang: str | None = None

    def is_elsewhere(self, marks: tuple[int, ...]) -> bool:
        """Whether ELSEWHERE marks put something outside the article (a comment, a teaser, the
        navigation); a marked container around the headline or most of the text is a wrapper."""
        return any(mark not in self.wrappers for mark in marks)


@lru_cache(maxsize=8192)
def _hint_and_marks(cls: str | None, ident: str | None) -> tuple[str, tuple[bool, bool, bool, bool, bool]]:
    """_hint and _hint_marks of a class and id attribute, in one look-up per tag."""
    hint = _hint({"class": cls, "id": ident})
    return hint, _hint_marks(hint)


def _hint(attrs: dict) -> str:
    """Class and id words, lower-cased, without the words that only describe a state or a script
    hook ("has-sharing", "with-sidebar", "js-lightbox-gallery"): they name what a container holds
    next to it or does, not what it is."""
    cls = attrs.get("class") or ()
    words = " ".join(cls) if isinstance(cls, list) else str(cls)
    return _hint_of(words, str(attrs.get("id") or ""))


@lru_cache(maxsize=8192)
def _hint_of(words: str, ident: str) -> str:
    if STATE_WORD.search(words):
        words = " ".join(word for word in words.split() if not STATE_WORD.match(word))
    return words.lower() + " " + ident.lower()


@lru_cache(maxsize=8192)
def _hint_marks(hint: str) -> tuple[bool, bool, bool, bool, bool]:
    """What a class/id hint says, asked once per distinct hint (pages repeat a few classes often):
    author, elsewhere, date, negative, positive."""
    plain = hint.isascii() and hint == hint.lower()
    author, date = (_AUTHOR_HINT_ASCII, _DATE_HINT_ASCII) if plain else (AUTHOR_HINT, DATE_HINT)
    return (bool(author.search(hint)), bool(ELSEWHERE.search(hint)), bool(date.search(hint)),
            bool(NEGATIVE.search(hint)), bool(POSITIVE.search(hint)))


def _head_tag(out: Walk, node: Tag) -> None:
    """Keep what the metadata reader needs from a <meta>, <link>, <title> or <script>."""
    name, attrs = node.name, node.attrs
    if name == "meta":
        out.metas.append(attrs)
        if attrs.get("itemprop"):
            for prop in str(attrs["itemprop"]).split():
                out.itemprops.setdefault(prop, []).append(node)
    elif name == "link":
        out.links.append(attrs)
    elif name == "title":
        if out.title is None:
            out.title = node.get_text(" ", strip=True)
    elif "ld+json" in str(attrs.get("type") or "").lower():
        out.json_ld.append(node.get_text())


def _in_article(out: Walk, ctx: list[int]) -> bool:
    """Whether the open containers include an <article> or <main>: a <header> there holds the
    headline and the lead, not the site's banner."""
    return any(out.names[node] in ("article", "main") for node in ctx[:-1])


def walk(root: Tag) -> Walk:
    """Text blocks of `root` in document order; one block per paragraph-like element or <br> run."""
    out = Walk()
    ctx: list[int] = []  # open block containers (ids)
    negatives: list[int] = []
    parts: list[str] = []
    line_start = 0  # index in `parts` where the current <br>-separated line begins
    link_chars = 0
    link_depth = 0
    quote_depth = 0
    elsewhere: list[int] = []  # marks of the open ELSEWHERE elements: container id, or -1
    captioned = -1  # the block container in which an inline caption or picture credit element opened

    def flush() -> None:
        nonlocal parts, link_chars, line_start, captioned
        line_start = 0
        if parts:
            text = "".join(parts)
            if "\u00ad" in text or "\u200b" in text or "\ufeff" in text:  # rare; translate costs more than looking
                text = text.translate(INVISIBLE)
            text = SPACE.sub(" ", text).strip()
            if text:
                marked = tuple(negatives)
                if ctx and captioned == ctx[-1] and len(text) <= CAPTION_CHARS:
                    marked += (captioned,)  # a short line holding a caption or credit element is a caption
                out.blocks.append(RawBlock(_block_kind(out.names, ctx, quote_depth), text, min(link_chars, len(text)),
                                           tuple(ctx), marked, tuple(elsewhere)))
            parts, link_chars = [], 0
        captioned = -1

    # (node, exit marker): exit entries carry what to undo when leaving an element
    stack: list = [(root, None)]
    while stack:
        node, undo = stack.pop()
        if undo is not None:
            is_block, is_negative, is_link, is_quote, is_elsewhere = undo
            if is_block:
                flush()
                ctx.pop()
            if is_negative:
                negatives.pop()
            if is_link:
                link_depth -= 1
            if is_quote:
                quote_depth -= 1
            if is_elsewhere:
                elsewhere.pop()
            continue
        if type(node) is NavigableString:
            parts.append(node)
            if link_depth:
                link_chars += len(node.strip())
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name
        if name in HEAD_TAGS:
            _head_tag(out, node)
            continue
        if name in SKIP:
            continue
        if name == "br":
            # one <br> breaks a line within a paragraph (an address, a verse, "Label: value" rows):
            # the lines stay one block, joined by a space; an empty line (<br><br>) ends the block
            if any(part.strip() for part in parts[line_start:]):
                parts.append(" ")
                line_start = len(parts)
            else:
                flush()
            continue
        attrs = node.attrs
        if name == "html" and out.lang is None:
            out.lang = str(attrs.get("lang") or attrs.get("xml:lang") or "") or None
        if "hidden" in attrs or attrs.get("aria-hidden") == "true" or (
                "style" in attrs and HIDDEN_STYLE.search(str(attrs["style"]))):
            continue
        hint, marks = _hints_of(attrs)
        is_block = name in BLOCK_TAGS
        if not is_block and ctx and attrs and _is_caption(hint):
            captioned = ctx[-1]
        is_elsewhere = _note_metadata(out, node, name, attrs, marks, is_block, ctx, negatives, elsewhere)
        if (name == "a" and not quote_depth and not elsewhere and len(out.bylines) < 20
                and (not out.bylines or out.bylines[-1] is not node) and _links_to_an_author(attrs)):
            # (in a quote it attributes the quote; in navigation, a sidebar or a teaser it names another's)
            out.bylines.append(node)
            out.byline_marks.append(())
        is_negative = False
        if is_block:
            flush()
            is_negative = _open_block(out, name, attrs, hint, marks, ctx, negatives)
        is_link = name == "a"
        is_quote = name == "blockquote"
        link_depth += is_link
        quote_depth += is_quote
        stack.append((node, (is_block, is_negative, is_link, is_quote, is_elsewhere)))
        stack.extend(zip(reversed(node.contents), _NO_UNDO, strict=False))
    flush()
    out.wrappers = _wrappers(out)
    return out


def _block_kind(names: list[str], ctx: list[int], quote_depth: int) -> str:
    """What the innermost open container makes of the text in it."""
    if not ctx:
        return "paragraph"
    top = names[ctx[-1]]
    if top in HEADINGS:
        return "heading"
    if quote_depth:
        return "blockquote"
    if top in LIST_ITEMS or (top == "p" and len(ctx) > 1 and names[ctx[-2]] in LIST_ITEMS):
        return "list_item"
    return "paragraph"


def _hints_of(attrs: dict) -> tuple[str, tuple]:
    """An element's class/id hint and the marks it carries (author, elsewhere, date, negative,
    positive); the common shapes of attributes take the cached path."""
    if not attrs:
        return " ", _hint_marks(" ")
    if type(cls := attrs.get("class")) is not list and type(ident := attrs.get("id")) is not list:
        return _hint_and_marks(cls, ident)
    hint = _hint(attrs)
    return hint, _hint_marks(hint)


def _note_metadata(out: Walk, node: Tag, name: str, attrs: dict, marks: tuple, is_block: bool, ctx: list[int],
                   negatives: list[int], elsewhere: list[int]) -> bool:
    """Record what an element says about the page (itemprops, bylines, datelines, <time>) and
    open its ELSEWHERE mark; whether it is elsewhere (navigation, a teaser, a sidebar)."""
    author_hint, elsewhere_hint, date_hint = marks[0], marks[1], marks[2]
    itemprop = attrs.get("itemprop")
    if itemprop:
        for prop in str(itemprop).split():
            out.itemprops.setdefault(prop, []).append(node)
    if (author_hint or ("rel" in attrs and str(attrs["rel"] or "").lower().split() == ["author"])) and len(out.bylines) < 20:
        out.bylines.append(node)
        out.byline_marks.append(tuple(elsewhere))
    is_elsewhere = name in ELSEWHERE_TAGS or attrs.get("role") in ELSEWHERE_ROLES or (
        name not in PAGE_TAGS and elsewhere_hint) or (
        name == "header" and not _in_article(out, [*ctx, -1]))
    if is_elsewhere:
        elsewhere.append(len(out.names) if is_block else -1)
    # (the classes of <html> and <body> name the site or its templates: "timesunion", "template-meta")
    if len(out.datelines) < 20 and date_hint and name not in ("html", "body"):
        out.datelines.append(node)
        out.dateline_marks.append(tuple(elsewhere))
    if name == "time":
        out.times.append((str(attrs.get("datetime") or ""), node.get_text(" ", strip=True)[:200], bool(negatives),
                          tuple(elsewhere), node))
    return is_elsewhere


def _open_block(out: Walk, name: str, attrs: dict, hint: str, marks: tuple, ctx: list[int],
                negatives: list[int]) -> bool:
    """Open a block container with its weight (page furniture -25, a positive hint +25);
    whether it is furniture, whose text scores against the body."""
    negative_hint, positive_hint = marks[3], marks[4]
    ctx.append(len(out.names))
    out.names.append(name)
    weight = 0
    is_negative = False
    furniture = name in FURNITURE_TAGS and not (name == "header" and _in_article(out, ctx))
    if name not in ("body", "html", "main", "article") and (
            furniture or attrs.get("role") in FURNITURE_ROLES or negative_hint or _describes_a_person(attrs)):
        weight = -25
        negatives.append(ctx[-1])
        is_negative = True
    if weight == 0 and positive_hint:
        weight = 25
    out.weights.append(weight)
    out.classes.append(hint)
    return is_negative


def _links_to_an_author(attrs: dict) -> bool:
    """A link to an author's page ("/author/jane-doe/", "/autoren/jane-doe"): its text is an author's name."""
    href = attrs.get("href")
    return isinstance(href, str) and "aut" in href.lower() and bool(AUTHOR_PATH.search(href))


@lru_cache(maxsize=8192)
def _is_caption(hint: str) -> bool:
    return bool(CAPTION_HINT.search(hint))


def _describes_a_person(attrs: dict) -> bool:
    """A block marked up as the author or another person (schema.org microdata: itemprop="author",
    itemtype=".../Person"): the author's box with a bio, not the story."""
    return ("itemprop" in attrs and "author" in str(attrs["itemprop"]).lower().split()) or (
        "itemtype" in attrs and str(attrs["itemtype"]).rstrip("/").lower().endswith("/person"))


def _wrappers(out: Walk) -> set[int]:
    """ELSEWHERE-marked containers around the first <h1> or around most of the text."""
    marked = {mark for block in out.blocks for mark in block.elsewhere if mark >= 0}
    if not marked:
        return set()
    h1 = next((b for b in out.blocks if b.kind == "heading" and out.names[b.chain[-1]] == "h1"), None)
    wrappers = marked.intersection(h1.chain) if h1 else set()
    chars: dict[int, int] = {}
    for block in out.blocks:
        for mark in block.elsewhere:
            chars[mark] = chars.get(mark, 0) + len(block.text)
    total = sum(len(block.text) for block in out.blocks) or 1
    return wrappers | {mark for mark, count in chars.items() if count >= WRAPPER_SHARE * total and not h1}
