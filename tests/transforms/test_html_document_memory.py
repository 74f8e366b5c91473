"""parse_html frees each page's tree itself and leaves the cycle collector as it found it."""
from __future__ import annotations

import contextlib
import gc
from datetime import datetime

import pytest
from bs4.element import PageElement

from accord.transforms.analysis.topics import Taxonomy
from accord.transforms.article_records import records_for_page
from accord.transforms.page.document import ParseError
from accord.transforms.page.html_document import parse_html
from accord.transforms.speech.speaker_registry import SpeakerRegistry

PAGE = ("<!doctype html><html lang='en'><head><title>Budget vote</title></head><body><article>"
        "<h1>Budget vote</h1><p class='lead'>The council passed the budget on Monday, after a long debate "
        "about <a href='/parks'>parks</a> and schools.</p><!-- a comment --><p>It takes effect in July.</p>"
        "</article><footer>About us</footer></body></html>")


def tree_garbage(html: str) -> int:
    """How many nodes of the page's tree are left for the cycle collector to find."""
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for _ in range(3):
            with contextlib.suppress(ParseError):
                parse_html(html, "https://example.org/a")
        gc.collect()
        return sum(isinstance(found, PageElement) for found in gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


@pytest.mark.parametrize("html", [PAGE, "<html><body><nav>Home</nav></body></html>"])
def test_the_tree_is_freed_without_the_cycle_collector(html):
    assert tree_garbage(html) == 0


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_it_was(enabled):
    (gc.enable if enabled else gc.disable)()
    try:
        parse_html(PAGE, "https://example.org/a")
        with pytest.raises(ParseError):
            parse_html("<html><body></body></html>", "https://example.org/b")
        assert gc.isenabled() is enabled
    finally:
        gc.enable()


@pytest.mark.parametrize("enabled", [True, False])
def test_records_for_page_leaves_the_collector_as_it_was(enabled):
    (gc.enable if enabled else gc.disable)()
    try:
        rows = records_for_page(PAGE.encode(), "https://example.org/a", "text/html", source="s",
                                fetched_at=datetime(2024, 1, 1), run_id="r", registry=SpeakerRegistry.from_entries([]),
                                taxonomy=Taxonomy.from_entries([]))
        assert rows["articles"]
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
