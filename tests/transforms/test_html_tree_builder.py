"""HTMLTreeBuilder builds the very tree BeautifulSoup(html, "lxml") builds: same nodes, classes,
values, fields and links."""
from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from bs4.element import PageElement

from accord.transforms.page.html_document import HTMLTreeBuilder, _dismantle

PAGES = [
    "<!doctype html><html lang='en'><head><meta charset='utf-8'><meta name='x' content='y'>"
    "<meta http-equiv='Content-Type' content='text/html; charset=utf-8'><title>T</title>"
    "<script>var a = '<p>';</script><style>p {}</style></head><body class='a b'>\n  \n"
    "<p>One <b>two <i>three</i></b> four</p><!-- note --><p>five<br>six</p></body></html>",
    "<div><p>unclosed <p>again<li>item<table><tr><td>cell</table></div>tail",
    "<pre>\n  keep   spaces\n</pre><textarea>  a\n b </textarea><template><p>t</p></template>",
    "<p>entities &amp; &lt;tags&gt; &nbsp;&copy;</p><svg><circle r='1'/></svg><math><mi>x</mi></math>",
    "plain text before <span id='s' data-x=''>a</span>   <span>b</span>",
    "<html><body><article><h1>Head</h1><p>Text <a href='/x'>link</a>.</p></article>"
    "<aside><ul><li>one</li><li>two</li></ul></aside></body></html><p>after the end</p>",
]


def described(soup: BeautifulSoup) -> list:
    """Every node in document order with all its fields; links as positions in that order."""
    nodes = [soup]
    node = soup.contents[0] if soup.contents else None
    while node is not None:
        nodes.append(node)
        node = node.next_element
    where = {id(node): at for at, node in enumerate(nodes)}

    def value(field):
        if isinstance(field, PageElement):
            return "@", where.get(id(field))
        if isinstance(field, list) and field and isinstance(field[0], PageElement):
            return [value(item) for item in field]
        if isinstance(field, dict):  # the attribute dict's class is the builder's to choose
            return "dict", [(key, type(item), item) for key, item in field.items()]
        return type(field), field

    soup_only = {"builder", "parse_only", "element_classes", "_most_recent_element", "current_data",
                 "tagStack", "open_tag_counter", "preserve_whitespace_tag_stack", "string_container_stack",
                 "currentTag", "markup", "original_encoding", "declared_html_encoding",
                 "contains_replacement_characters", "is_xml", "known_xml", "_namespaces"}
    return [(type(node), str(node) if isinstance(node, str) else None,
             sorted((key, value(field)) for key, field in vars(node).items() if key not in soup_only))
            for node in nodes]


@pytest.mark.parametrize("html", PAGES)
def test_the_tree_is_bs4s(html):
    ours = BeautifulSoup(html, builder=HTMLTreeBuilder, multi_valued_attributes=None)
    theirs = BeautifulSoup(html, "lxml", multi_valued_attributes=None)
    assert described(ours) == described(theirs)
    assert ours.decode() == theirs.decode()


def test_multi_valued_attributes_go_bs4s_way():
    ours = BeautifulSoup(PAGES[0], builder=HTMLTreeBuilder)
    assert described(ours) == described(BeautifulSoup(PAGES[0], "lxml"))
    assert ours.body["class"] == ["a", "b"]


def test_dismantle_unlinks_every_node():
    soup = BeautifulSoup(PAGES[5], builder=HTMLTreeBuilder, multi_valued_attributes=None)
    nodes = [soup, *soup.descendants]
    _dismantle(soup)
    assert all(not vars(node) for node in nodes)
