"""Entry point: one web page (bytes or text) to a Document with metadata and body blocks."""
from __future__ import annotations

import gc
import re
import warnings
from contextlib import contextmanager

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.builder import LXMLTreeBuilder
from bs4.element import AttributeDict, NavigableString, Tag

from accord.transforms.page.document import Document, ParseError
from accord.transforms.page.html_body import body_blocks, not_an_article
from accord.transforms.page.html_decode import decode_html
from accord.transforms.page.html_metadata import page_metadata
from accord.transforms.page.html_walk import walk
from accord.transforms.page.meta_jsonld import article_metadata

MAX_CHARS = 5_000_000  # a bigger "page" is not an article, and would cost seconds to parse
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # control characters but tab, newline, CR, form feed
_ASCII_SPACES = "\x20\x0a\x09\x0c\x0d"  # bs4's BeautifulSoup.ASCII_SPACES
BINARY_SHARE = 0.02  # NUL and other control characters in a text page stay below this
# the fields of a Tag that depend on where it is and what attributes it has (see HTMLTreeBuilder.start)
_PLACE_FIELDS = ("_namespaces", "attrs", "contents", "parent", "previous_element", "next_element",
                 "next_sibling", "previous_sibling")
_new_tag = object.__new__


def _check_text(text: str) -> None:
    if not text.strip():
        raise ParseError("empty page")
    sample = text[:20_000]
    controls = len(_CONTROLS.findall(sample))
    if controls > BINARY_SHARE * len(sample):
        raise ParseError("binary content")
    if "<" not in sample:
        raise ParseError("not HTML")


class HTMLTreeBuilder(LXMLTreeBuilder):
    """bs4's lxml HTML tree builder ("lxml"), minus the XML bookkeeping an HTML page never needs.

    lxml's HTML parser hands over no namespaces, so bs4's per-tag namespace lookups and its two
    copies of every attribute dict (through a Python __setitem__ each) do nothing here; tags and
    attributes are passed on as they come. The tree is the one BeautifulSoup(html, "lxml") builds.
    Anything namespaced (a "{uri}name" tag or attribute, an nsmap), or parsed with multi-valued
    attributes, goes the general way.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("attribute_dict_class", AttributeDict)  # values are str: nothing to convert
        super().__init__(**kwargs)
        self._tag_fields: dict[str, dict] = {}

    def _fields(self, name: str) -> dict:
        """What Tag.__init__ sets on every <name> tag this builder makes, whatever its place and
        attributes; taken from a tag Tag.__init__ itself built, so it stays bs4's."""
        fields = self._tag_fields.get(name)
        if fields is None:
            fields = Tag(self.soup, self, name).__dict__
            for key in _PLACE_FIELDS:
                del fields[key]
            self._tag_fields[name] = fields
        return fields

    def start(self, tag, attrib, nsmap={}):  # noqa: B006 - lxml's signature
        # ("" would make bs4 fail, "{" may start a namespaced name: both go bs4's own way, and so do
        # attribute values split into lists)
        if nsmap or self.cdata_list_attributes or len(self.nsmaps) > 1 or tag.startswith("{") or (
                attrib and ("{" in "".join(attrib) or "" in attrib)):
            return super().start(tag, attrib, nsmap)
        soup = self.soup
        if soup.current_data:
            self._end_data()
        if soup.parse_only or soup.element_classes:
            soup.handle_starttag(tag, None, None, attrib, namespaces=self.active_namespace_prefixes[-1])
            return None
        previous = soup._most_recent_element
        parent = soup.currentTag
        contents = parent.contents
        if tag == "meta" and ("charset" in attrib or "http-equiv" in attrib):  # Tag.__init__ rewrites the charset
            element = Tag(soup, self, tag, None, None, attrib, parent, previous,
                          namespaces=self.active_namespace_prefixes[-1])
        else:
            # Tag.__init__, on a Tag made bare, with the fields every <tag> shares copied in at once
            # (it would look up each of them per tag)
            sibling = contents[-1] if contents else None
            element = _new_tag(Tag)
            element.__dict__ = {
                **(self._tag_fields.get(tag) or self._fields(tag)),
                "_namespaces": self.active_namespace_prefixes[-1] or {},
                "attrs": self.attribute_dict_class(attrib),
                "contents": [],
                "parent": parent,
                "previous_element": previous,
                "next_element": None,
                "next_sibling": None,
                "previous_sibling": sibling,
            }
            if sibling is not None:
                sibling.next_sibling = element
        if previous is not None:
            previous.next_element = element
        soup._most_recent_element = element
        # BeautifulSoup.pushTag
        contents.append(element)
        soup.tagStack.append(element)
        soup.currentTag = element
        if tag != soup.ROOT_TAG_NAME:
            soup.open_tag_counter[tag] += 1
        if tag in self.preserve_whitespace_tags:
            soup.preserve_whitespace_tag_stack.append(element)
        if tag in self.string_containers:
            soup.string_container_stack.append(element)
        return None

    def end(self, tag):
        if len(self.nsmaps) > 1 or tag.startswith("{"):
            return super().end(tag)
        soup = self.soup
        if soup.current_data:
            self._end_data()
        # bs4's handle_endtag (the pending text ended above): lxml closes the innermost open tag, which
        # BeautifulSoup._popToTag pops by hand when no whitespace-preserving or string-container tag
        # is open; otherwise it decides
        stack = soup.tagStack
        top = stack[-1]
        counter = soup.open_tag_counter
        if (len(stack) > 1 and top.name == tag and top.prefix is None and counter.get(tag)
                and not soup.preserve_whitespace_tag_stack and not soup.string_container_stack):
            stack.pop()
            counter[tag] -= 1
            soup.currentTag = stack[-1]
        else:
            soup._popToTag(tag, None)
        return None

    def data(self, data):
        self.soup.current_data.append(data)  # what bs4's handle_data does

    def comment(self, text):
        if self.soup.current_data:
            self._end_data()
        super().comment(text)

    def _end_data(self) -> None:
        """bs4's BeautifulSoup.endData for a plain HTML parse, without its per-run container lookup
        through typing casts, the per-character whitespace loop and the generic object_was_parsed:
        the same string class, value and links. Anything unusual goes bs4's own way."""
        soup = self.soup
        pieces = soup.current_data
        if not pieces:
            return
        if soup.parse_only or soup.element_classes:
            soup.endData()
            return
        text = "".join(pieces)
        if not soup.preserve_whitespace_tag_stack and not text.strip(_ASCII_SPACES):
            text = "\n" if "\n" in text else " "
        soup.current_data = []
        stack = soup.string_container_stack
        string = str.__new__(self.string_containers.get(stack[-1].name, NavigableString) if stack
                             else NavigableString, text)
        parent = soup.currentTag
        previous = soup._most_recent_element
        contents = parent.contents
        sibling = contents[-1] if contents else None
        # NavigableString.__new__, then setup() as object_was_parsed calls it. Its _linkage_fixer
        # changes nothing here: the string is the newest node, and every open tag the last child
        # of its parent, so no link past it needs mending.
        string.__dict__ = {
            "hidden": False,
            "parent": parent,
            "previous_element": previous,
            "next_element": None,
            "next_sibling": None,
            "previous_sibling": sibling,
        }
        if previous is not None:
            previous.next_element = string
        if sibling is not None:
            sibling.next_sibling = string
        soup._most_recent_element = string
        contents.append(string)


def _dismantle(soup: BeautifulSoup) -> None:
    """Unlink every node of a finished tree, as Tag.decompose does, so that reference counting frees
    it at once: left to the cycle collector, each page's tree would be traversed by collections
    again and again until a full one frees it."""
    builder = soup.builder
    node = soup.contents[0] if soup.contents else None  # the root is not in the chain of next_element
    soup.__dict__.clear()
    while node is not None:
        following = node.next_element
        node.__dict__.clear()
        node = following
    builder.__dict__.clear()


@contextmanager
def collection_paused():
    """No cycle collections while one page is worked on: they would traverse its growing tree over
    and over (the tree is freed by _dismantle anyway), and a full one the whole heap, for the few
    cycles a page leaves, which later collections find. (Another thread's page may turn collection
    back on meanwhile; that only costs time.)"""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def parse_html(html: bytes | str, url: str, content_type: str | None = None) -> Document:
    """Parse one page; raises ParseError (and nothing else) when it holds no article text."""
    with collection_paused():
        return _parse_html(html, url, content_type)


def _parse_html(html: bytes | str, url: str, content_type: str | None) -> Document:
    soup = None
    try:
        text = decode_html(html, content_type) if isinstance(html, bytes | bytearray) else str(html)
        if len(text) > MAX_CHARS:
            raise ParseError("page too large")
        _check_text(text)
        with warnings.catch_warnings():
            # XHTML and odd fragments parse fine as HTML; the warnings would only flood the logs
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            # class and rel stay strings: splitting every multi-valued attribute costs a tenth of the parse
            soup = BeautifulSoup(text, builder=HTMLTreeBuilder, multi_valued_attributes=None)
        page = walk(soup)
        ld = article_metadata(page.json_ld)
        metadata = page_metadata(page, url, ld)
        blocks = body_blocks(page, metadata["title"], ld["body"])
        if not blocks:
            raise ParseError("no article text")
        if reason := not_an_article(page, metadata["title"], blocks):
            raise ParseError(reason)
        return Document(url=url, blocks=blocks, **metadata)
    except ParseError:
        raise
    except Exception as error:  # malformed input must surface as a parse failure, never a crash
        raise ParseError(f"unparseable page: {type(error).__name__}: {error}"[:300]) from error
    finally:
        if soup is not None:
            _dismantle(soup)
