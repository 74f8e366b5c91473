"""parse_html never raises anything but ParseError, whatever bytes or text it is given."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.transforms.page.document import BLOCK_KINDS, Document, ParseError
from accord.transforms.page.html_document import parse_html

TAGS = ["p", "div", "span", "a", "h1", "h2", "li", "ul", "blockquote", "article", "nav", "br", "script",
        "table", "td", "tr", "meta", "title", "time", "header", "footer", "style", "html", "body", "head"]
ATTRS = ['', ' class="byline"', ' class="comments"', ' id="content"', ' hidden', ' style="display:none"',
         ' itemprop="author"', ' datetime="2020-02-30T25:61"', ' rel="canonical" href="::"', ' charset="x-bogus"',
         ' property="og:title" content="T"', ' type="application/ld+json"', ' class="article-body"']
CONTENT_TYPES = st.sampled_from([None, "text/html", "text/html; charset=utf-8", "text/html; charset=latin-1",
                                 "text/html; charset=utf-16", "text/html; charset=nonsense", "application/pdf"])
FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(result_of) -> None:
    try:
        doc = result_of()
    except ParseError:
        return
    assert isinstance(doc, Document)
    assert doc.blocks and all(b.kind in BLOCK_KINDS and b.text and "\n" not in b.text for b in doc.blocks)


@st.composite
def markup(draw) -> str:
    """Tag soup: random tags, attributes, text and JSON-ish fragments, often unbalanced."""
    pieces = []
    for _ in range(draw(st.integers(0, 40))):
        choice = draw(st.integers(0, 4))
        tag = draw(st.sampled_from(TAGS))
        if choice == 0:
            pieces.append(f"<{tag}{draw(st.sampled_from(ATTRS))}>")
        elif choice == 1:
            pieces.append(f"</{tag}>")
        elif choice == 2:
            pieces.append(draw(st.text(max_size=80)))
        elif choice == 3:
            pieces.append(draw(st.sampled_from(['{"@type": "NewsArticle", "author": [null, {"@id": 3}]',
                                                '{"@graph": [[[{}]]], "datePublished": 7}', "By , and ;",
                                                "&#0; &#xD800; &bogus; <!-- x", "<![CDATA[ ]]>", "<?xml ?>"])))
        else:
            pieces.append("The council voted on the budget, again, after a long debate. " * draw(st.integers(1, 5)))
    return "".join(pieces)


@FAST
@given(st.binary(max_size=3000), CONTENT_TYPES)
def test_random_bytes(data, content_type):
    check(lambda: parse_html(data, "https://example.org/x", content_type))


@FAST
@given(markup(), CONTENT_TYPES, st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
def test_tag_soup_in_any_encoding(html, content_type, encoding):
    data = html.encode(encoding, "replace")
    check(lambda: parse_html(data, "https://example.org/y", content_type))


@FAST
@given(markup())
def test_tag_soup_as_text(html):
    check(lambda: parse_html(html, "not a url"))


@settings(max_examples=20, deadline=None)
@given(st.integers(100, 3000), st.sampled_from(["div", "span", "blockquote", "li", "a"]))
def test_deep_nesting(depth, tag):
    html = f"<{tag}>" * depth + "Some article words, in a sentence that is long enough to count." * 5
    check(lambda: parse_html(html, "https://example.org/z"))
