"""Entry point: one web page (bytes or text) to a Document with metadata and body blocks."""
from __future__ import annotations

import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

from transforms.document import Document, ParseError
from transforms.html_body import body_blocks
from transforms.html_decode import decode_html
from transforms.html_metadata import page_metadata
from transforms.html_walk import walk

MAX_CHARS = 5_000_000  # a bigger "page" is not an article, and would cost seconds to parse
BINARY_SHARE = 0.02  # NUL and other control characters in a text page stay below this


def _check_text(text: str) -> None:
    if not text.strip():
        raise ParseError("empty page")
    sample = text[:20_000]
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\r\f")
    if controls > BINARY_SHARE * len(sample):
        raise ParseError("binary content")
    if "<" not in sample:
        raise ParseError("not HTML")


def parse_html(html: bytes | str, url: str, content_type: str | None = None) -> Document:
    """Parse one page; raises ParseError (and nothing else) when it holds no article text."""
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
            soup = BeautifulSoup(text, "lxml", multi_valued_attributes=None)
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
