"""Whatever a page holds, the records path yields rows or a ParseError, and every statement's
offsets select its own words."""
from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.parse_pages import knowledge
from accord.transforms.article_records import records_for_page
from accord.transforms.page.document import ParseError

# quote marks, cues and names are over-represented so that the extractors get past their
# first checks and the shapes they rarely meet (unclosed marks, nested marks) come up often
FRAGMENTS = st.sampled_from([
    "\u201c", "\u201d", '"', "'", "\u2018", "\u2019", "\u00ab", "\u00bb", " said ", " told reporters ",
    " according to ", "Lavrov", "Sen. Ann Lee (R-Ky.)", " he ", " they ", " both agree that ",
    " rejected ", ".", ",", "\n", "\n\n", ": ", " Syria ", " North Korea ", "U.S.", " the minister ",
])
TEXTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=30)), max_size=60).map("".join)


def statements_point_into_the_text(rows: dict) -> None:
    text = rows["articles"][0]["text"]
    for quote in rows["quotes"]:
        assert text[quote["start_char"]:quote["end_char"]] == quote["text"]


@pytest.fixture(scope="module")
def known():
    return knowledge()


def records(body: bytes, content_type: str, known) -> dict | None:
    registry, taxonomy = known
    try:
        return records_for_page(body, "https://example.org/a", content_type, source="fuzz",
                                fetched_at=datetime(2024, 1, 1), run_id="r", registry=registry,
                                taxonomy=taxonomy)
    except ParseError:
        return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(max_size=40), body=TEXTS)
def test_plain_text_articles(known, title, body):
    rows = records(f"{title}\n{body}".encode(), "text/plain", known)
    if rows is not None:
        statements_point_into_the_text(rows)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(TEXTS, max_size=8), wrapper=st.sampled_from(["p", "blockquote", "li", "h2", "div"]))
def test_html_articles(known, paragraphs, wrapper):
    from html import escape
    html = "<html><body><article>" + "".join(f"<{wrapper}>{escape(p)}</{wrapper}>" for p in paragraphs)
    rows = records(html.encode(), "text/html", known)
    if rows is not None:
        statements_point_into_the_text(rows)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=2000), content_type=st.sampled_from(["text/html", "text/plain", None]))
def test_binary_and_mis_encoded_bodies(known, body, content_type):
    rows = records(body, content_type, known)
    if rows is not None:
        statements_point_into_the_text(rows)
