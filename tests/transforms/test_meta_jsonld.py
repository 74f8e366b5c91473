from __future__ import annotations

import json

from accord.transforms.page.meta_jsonld import article_metadata


def test_graph_with_id_references_and_article_priority():
    data = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "datePublished": "2001-01-01", "name": "Page"},
        {"@type": ["NewsArticle"], "headline": "Headline", "datePublished": "2020-05-06T07:08:09Z",
         "author": {"@id": "#a"}, "publisher": {"@type": "Organization", "name": "Pub"}, "inLanguage": "de-DE"},
        {"@type": "Person", "@id": "#a", "name": "Ana Ruiz"},
    ]}
    meta = article_metadata([json.dumps(data)])
    assert meta["headline"] == "Headline"
    assert meta["published"] == "2020-05-06T07:08:09Z"
    assert meta["authors"] == ["Ana Ruiz"]
    assert meta["publisher"] == "Pub"
    assert meta["language"] == "de-DE"


def test_lists_broken_scripts_and_wrappers():
    good = "<!--\n" + json.dumps([{"@type": "BlogPosting", "author": ["A B", {"name": "C D"}]}]) + "\n-->"
    meta = article_metadata(["{not json", good, "[]", '"a string"'])
    assert meta["authors"] == ["A B", "C D"]


def test_web_page_alone_gives_no_date():
    meta = article_metadata([json.dumps({"@type": "WebPage", "datePublished": "2020-01-01"})])
    assert meta["published"] is None


def test_other_types_date_the_page():
    meta = article_metadata([json.dumps({"@type": "Recipe", "datePublished": "2006-10-10", "name": "Cake"})])
    assert meta["published"] == "2006-10-10"
    assert meta["headline"] is None


def test_a_trailing_comma_does_not_lose_the_script():
    meta = article_metadata(['{"@type": "NewsArticle", "headline": "Plague cases", "keywords": ["a", "b", ],\n'
                             '"author": {"@type": "Person", "name": "Ana Ruiz"},}'])
    assert (meta["headline"], meta["authors"]) == ("Plague cases", ["Ana Ruiz"])


def test_a_script_no_parser_reads_still_gives_its_articles_dates():
    script = ('{"@type": "NewsArticle", "datePublished": "2019-11-19T21:57:01+0000", "description": \'Oil fell\',\n'
              '"image": {"@type": "ImageObject", "datePublished": "2018-01-01"}, "dateModified": "2019-11-20"}')
    meta = article_metadata([script])
    assert (meta["published"], meta["modified"]) == ("2019-11-19T21:57:01+0000", "2019-11-20")
    # a broken script about no article dates nothing
    assert article_metadata(['{"@type": "Event", "startDate": \'x\', "datePublished": "2019-11-19"}'])["published"] is None
