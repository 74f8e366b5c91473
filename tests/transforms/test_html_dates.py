"""How parse_html dates a page: the signals htmldate also reads (the page's canonical address,
<time> elements marked as the publication, update stamps), on small hand-written pages."""
from __future__ import annotations

from accord.transforms.page.html_document import parse_html

STORY = ("The council met on Tuesday evening to weigh the proposal, which would change how the town funds "
         "its parks, libraries and public pools over the coming ten years. ")


def page(body: str, head: str = "") -> str:
    return (f'<!doctype html><html lang="en-GB"><head><title>Council votes on parks</title>{head}</head>'
            f"<body><article><h1>Council votes on parks</h1>{body}<p>{STORY * 3}</p></article></body></html>")


def test_a_canonical_permalink_on_the_same_site_dates_the_page():
    html = page("", '<link rel="canonical" href="https://www.example.org/2019/05/23/council-votes/">')
    assert parse_html(html, "https://example.org/?p=4711").published_at == "2019-05-23"


def test_a_canonical_address_on_another_site_is_the_original_s():
    html = page("", '<link rel="canonical" href="https://wire.example.com/2019/05/22/council-votes/">')
    assert parse_html(html, "https://example.org/?p=4711").published_at is None
