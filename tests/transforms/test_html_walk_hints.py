"""The class/id patterns of html_walk, written for speed, say what their plain forms say."""
from __future__ import annotations

import random
import re

import pytest

from accord.transforms.page import html_walk

# the patterns as first written: a lookbehind before the word, anchors around "header"
PLAIN = {
    "NEGATIVE": re.compile(
        r"comment(?!ary)|share|sharing|social|related|promo|cookie|consent|sidebar|breadcrumb|footer|"
        r"subscri|news-?letter|recirc|(?<![a-z])cta(?![a-z])|advert|(?<![a-z])ads?(?![a-z])|anzeige|werbung|"
        r"popup|modal|banner|recommend|outbrain|next-?(?:article|post|story)|up-?next|read-?next|"
        r"taboola|sponsor|widget|navigation|(?<![a-z])nav(?![a-z])|navbar|menu|masthead|byline|author|autor|"
        r"profile|dateline|(?<![a-z])meta(?![a-z])|(?<![a-z])tags?(?![a-z])|caption|disclaimer|copyright|signup|"
        r"login|paywall|toolbar|pagination|(?<![a-z])pager|more-?stories|trending|popular|read-?more|weiterlesen|"
        r"(?<![a-z])skip|(?:^|\s)hidden(?:\s|$)|print-?only|sr-only|visually-?hidden|teaser-?list|newsticker|"
        r"rating|follow|feedback|donat|gallery|slideshow|carousel|overlay|flyout|tooltip|dropdown|infobox|rss|"
        r"^(?:header|foot|head)$|site-?header|page-?header|top-?bar"),
    "ELSEWHERE": re.compile(
        r"comment(?!ary)|related|(?<![a-z])nav|navigation|breadcrumb|newsticker|recirc|outbrain|taboola|"
        r"next-?(?:article|post|story)|up-?next|read-?next"),
    "POSITIVE": re.compile(
        r"article|(?<![a-z])body|content|entry|(?<![a-z])main|(?<![a-z])post|story|(?<![a-z])text|"
        r"blog|prose|rich-?text|paragraph|beitrag|artikel|inhalt"),
    "DATE_HINT": re.compile(r"date|datum|time|zeit|publish|posted|submitted|(?<![a-z])meta", re.I),
    "AUTHOR_HINT": re.compile(r"byline|author|autor|writer|(?<![a-z0-9])by(?![a-z0-9])|creator|verfasser|user-?name|"
                              r"account-?name", re.I),
}

PIECES = ["header", "head", "foot", "hidden", "ad", "ads", "cta", "nav", "meta", "tag", "tags", "pager", "skip", "user",
          "name", "account",
          "body", "main", "post", "text", "by", "line", "next", "up", "read", "article", "comment", "ary", "time", "ſubmitted", "tıme", "BY",
          "Meta", "x", "s", "re", "-", "_", " ", "\t", "\n", "\u2003", "1", "é"]


def strings():
    rng = random.Random(7)
    yield from ("", " ", "header", "header ", "header\n", "head", "foot", " hidden", "x hidden\ny", "bad ads",
                "nearby", "by-line", "metadata", "repost", "ſubmitted", "tıme")
    for _ in range(20_000):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 5)))


@pytest.mark.parametrize("name", PLAIN)
def test_fast_patterns_match_where_the_plain_ones_do(name):
    fast, plain = getattr(html_walk, name), PLAIN[name]
    assert [s for s in strings() if bool(fast.search(s)) != bool(plain.search(s))] == []


def test_hint_marks_are_the_plain_patterns_verdicts():
    order = ("AUTHOR_HINT", "ELSEWHERE", "DATE_HINT", "NEGATIVE", "POSITIVE")
    for hint in strings():
        expected = tuple(bool(PLAIN[name].search(hint)) for name in order)
        assert html_walk._hint_marks.__wrapped__(hint) == expected, hint


@pytest.mark.parametrize("attrs", [{}, {"id": "Main"}, {"class": ""}, {"class": "has-share Article-Body"},
                                   {"class": "byline js-x", "id": "story-1"}, {"class": None, "id": None}])
def test_hint_and_marks_is_hint_then_marks(attrs):
    hint = html_walk._hint(attrs)
    assert html_walk._hint_and_marks(attrs.get("class"), attrs.get("id")) == (hint, html_walk._hint_marks(hint))
