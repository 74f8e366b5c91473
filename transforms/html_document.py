"""Entry point: one web page (bytes or text) to a Document with metadata and body blocks."""
from __future__ import annotations

import gc
import re
import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.builder import LXMLTreeBuilder
from bs4.element import AttributeDict, NavigableString, Tag

from transforms.document import Document, ParseError
from transforms.html_body import body_blocks
from transforms.html_decode import decode_html
from transforms.html_metadata import page_metadata
from transforms.html_walk import walk

MAX_CHARS = 5_000_000  # a bigger "page" is not an article, and would cost seconds to parse
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # control characters but tab, newline, CR, form feed
_ASCII_SPACES = "\x20\x0a\x09\x0c\x0d"  # bs4's BeautifulSoup.ASCII_SPACES
BINARY_SHARE = 0.02  # NUL and other control characters in a text page stay below this


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
    Anything namespaced (a "{uri}name" tag or attribute, an nsmap) goes the general way.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("attribute_dict_class", AttributeDict)  # values are str: nothing to convert
        super().__init__(**kwargs)

    def start(self, tag, attrib, nsmap={}):  # noqa: B006 - lxml's signature
        # ("" would make bs4 fail, "{" may start a namespaced name: both go bs4's own way)
        if nsmap or len(self.nsmaps) > 1 or tag.startswith("{") or (attrib and (
                "{" in "".join(attrib) or "" in attrib)):
            return super().start(tag, attrib, nsmap)
        self._end_data()
        soup = self.soup
        if soup.parse_only or soup.element_classes:
            soup.handle_starttag(tag, None, None, attrib, namespaces=self.active_namespace_prefixes[-1])
            return None
        # bs4's handle_starttag, minus its (now empty) endData and a typing cast per tag
        previous = soup._most_recent_element
        element = Tag(soup, self, tag, None, None, attrib, soup.currentTag, previous,
                      namespaces=self.active_namespace_prefixes[-1])
        if previous is not None:
            previous.next_element = element
        soup._most_recent_element = element
        soup.pushTag(element)
        return None

    def end(self, tag):
        if len(self.nsmaps) > 1 or tag.startswith("{"):
            return super().end(tag)
        self._end_data()
        self.soup._popToTag(tag, None)  # bs4's handle_endtag, the pending text ended above
        return None

    def data(self, data):
        self.soup.current_data.append(data)  # what bs4's handle_data does

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
        container = self.string_containers.get(stack[-1].name, NavigableString) if stack else NavigableString
        string = str.__new__(container, text)
        string.hidden = False  # NavigableString.__new__, then setup() as object_was_parsed calls it
        parent = soup.currentTag
        fix = parent.next_element is not None
        previous = soup._most_recent_element
        string.parent = parent
        string.previous_element = previous
        if previous is not None:
            previous.next_element = string
        string.next_element = None
        string.next_sibling = None
        contents = parent.contents
        sibling = contents[-1] if contents else None
        string.previous_sibling = sibling
        if sibling is not None:
            sibling.next_sibling = string
        soup._most_recent_element = string
        contents.append(string)
        if fix:
            soup._linkage_fixer(parent)


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


def parse_html(html: bytes | str, url: str, content_type: str | None = None) -> Document:
    """Parse one page; raises ParseError (and nothing else) when it holds no article text."""
    # No cycle collections while the page is parsed: they would traverse the growing tree over and
    # over, and it is freed by _dismantle anyway. (Another thread's parse may leave collection on
    # meanwhile; that only costs time.)
    collecting = gc.isenabled()
    gc.disable()
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
        metadata = page_metadata(page, url)
        blocks = body_blocks(page, metadata["title"])
        if not blocks:
            raise ParseError("no article text")
        return Document(url=url, blocks=blocks, **metadata)
    except ParseError:
        raise
    except Exception as error:  # malformed input must surface as a parse failure, never a crash
        raise ParseError(f"unparseable page: {type(error).__name__}: {error}"[:300]) from error
    finally:
        if soup is not None:
            _dismantle(soup)
        if collecting:
            gc.enable()
