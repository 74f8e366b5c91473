"""Hostile text: the rules that once backtracked without bound, and the whole records path, finish
in time on shapes built to make a regex backtrack (issue 11).

Each case runs in a forked child that the test kills at LIMIT, so a rule that backtracks for hours
fails the test instead of hanging it. On every case the rules as they were ran more than three
times LIMIT (from 35 s to hours); the rules as they are take under a second.
"""
from __future__ import annotations

import multiprocessing
import traceback
from contextlib import suppress
from datetime import datetime
from html import escape

import pytest

from accord.parse_pages import knowledge
from accord.transforms.article_records import records_for_page
from accord.transforms.page.document import ParseError
from accord.transforms.page.meta_authors import clean_author
from accord.transforms.speech.reported_speech import find_frames
from accord.transforms.speech.sections import heading_names
from accord.transforms.speech.sentences import split_sentences
from accord.transforms.speech.speakers import find_mentions

LIMIT = 10.0  # seconds per case

# "— in a long letter to members —" is blanked to spaces on the way to "that": each space could
# be read two ways, 2^30 readings of an ordinary news sentence
DASH_ASIDE = "Senator Ann Lee complained — in a long letter to members — about the vote."
CAPITALS = "Ann Lee told " + "A" * 90 + "!"  # a hearer's words could cut the capitals anywhere
SPACES = "Ann Lee told" + " " * 8_000 + "reporters the vote was fair."
HYPHENS = "B-" * 32_000 + " officials said the senator lied."  # a name could start after any hyphen
NUMBERS = "1," * 80_000 + "x officials said it."  # so could a group's number after any comma
DOTS = "a" + "." * 60_000 + " x"  # a sentence end could start at any dot
HEADING = "A" * 48_000
AUTHOR = "a" * 150_000  # an address could start at any letter
CUES = "Ann Lee said that " + "said " * 8_000 + "it was fair."  # every cue looked back to the start
QUOTES = "Ann Lee, " + "calling it “fair” " * 1_200 + "left."  # every cue, mention and quote paired up


def frames(text: str) -> None:
    find_frames(text, 0, len(text), find_mentions(text, 0, len(text)), [])


def mentions(text: str) -> None:
    find_mentions(text, 0, len(text))


def frames_with_quotes(text: str) -> None:
    quoted = [(i, text.index("”", i) + 1) for i in range(len(text)) if text[i] == "“"]
    find_frames(text, 0, len(text), find_mentions(text, 0, len(text)), quoted)


def agreement_rules(text: str) -> None:
    from accord.transforms.analysis.agreements import _CLAUSE, _PAIR_JOIN, _QUOTED
    _PAIR_JOIN.match(text)
    list(_CLAUSE.finditer(text))
    list(_QUOTED.finditer(text))


def records(body: str, content_type: str) -> None:
    registry, taxonomy = KNOWN
    with suppress(ParseError):  # no article is an answer too: what matters is that there is one in time
        records_for_page(body.encode(), "https://example.org/hostile", content_type, source="hostile",
                         fetched_at=datetime(2024, 1, 1), run_id="hostile", registry=registry, taxonomy=taxonomy)


def text_page(*lines: str) -> tuple[str, str]:
    return "\n".join(("Hostile", *lines)), "text/plain"


def html_page(body: str, head: str = "") -> tuple[str, str]:
    return (f"<html><head><title>Hostile</title>{head}</head><body><article>{body}"
            "<p>The vote was held on Tuesday.</p></article></body></html>"), "text/html"


def nested(html: str, depth: int = 400) -> str:
    return "<div><span>" * depth + html + "</span></div>" * depth


KNOWN = knowledge()

RULES = {
    "dash aside (reported speech)": (frames, DASH_ASIDE),
    "long capitalised word after 'told' (hearer)": (frames, CAPITALS),
    "run of spaces after a cue (adjuncts)": (frames, SPACES),
    "hyphen chain (nominal and group mentions)": (mentions, HYPHENS),
    "number chain (group mentions)": (mentions, NUMBERS),
    "dot chain (sentence boundaries)": (split_sentences, DOTS),
    "long heading (heading names)": (heading_names, HEADING),
    "long author (e-mail addresses)": (clean_author, AUTHOR),
    "thousands of cues in one sentence": (frames, CUES),
    "hundreds of quotes in one sentence": (frames_with_quotes, QUOTES),
    "run of spaces before 'and' and 'but' (agreement pairs and clauses)": (agreement_rules, " " * 60_000 + "x"),
    "unclosed quotation marks (a stance of one's own words)": (agreement_rules, "“a " * 30_000),
}

PAGES = {
    "text: dash aside": text_page(DASH_ASIDE),
    "text: long capitalised word": text_page(CAPITALS),
    "text: run of spaces": text_page(SPACES),
    "text: hyphen chain": text_page(HYPHENS),
    "text: number chain": text_page(NUMBERS),
    "text: dot chain": text_page(DOTS),
    "text: long heading": text_page(HEADING, "“We will win.”"),
    "text: thousands of cues": text_page(CUES),
    "html: dash aside in deeply nested tags": html_page(nested(f"<p>{DASH_ASIDE}</p>")),
    "html: dash aside after a quote left open": html_page(f"<p>“We will win,” Lee said. “And then</p><p>{DASH_ASIDE}</p>"),
    "html: long capitalised word in a blockquote": html_page(f"<blockquote>{CAPITALS}</blockquote>"),
    "html: dot chain in a list": html_page(f"<ul><li>{DOTS}</li></ul>"),
    "html: huge author attribute": html_page("<p>Ann Lee said the vote was fair.</p>",
                                             f'<meta name="author" content="{AUTHOR}">'),
    "html: many quotation marks": html_page(f"<p>{escape(QUOTES)}</p>"),
    # the relation frames of this round: act nouns, pro-/anti-, bare "agree", apposition look-backs
    "text: thousands of named acts": text_page("Lee proposed a plan.", "the proposal " * 20_000 + "was slammed."),
    "text: a chain of pro- prefixes": text_page("Lee is " + "pro-Kim " * 20_000 + "today."),
    "text: bare 'agree' before a run of spaces": text_page("Lee said so.", "Kim agrees" + " " * 60_000 + "x"),
}


def _child(work, argument) -> None:
    try:
        work(argument)
    except BaseException:
        traceback.print_exc()
        raise SystemExit(1) from None


def finishes_in_time(work, argument) -> None:
    """work(argument) in a forked child, killed when it runs past LIMIT."""
    child = multiprocessing.get_context("fork").Process(target=_child, args=(work, argument), daemon=True)
    child.start()
    child.join(LIMIT)
    if child.is_alive():
        child.kill()
        child.join()
        pytest.fail(f"still running after {LIMIT:.0f} s")
    assert child.exitcode == 0, "the work raised (its traceback is in the captured stderr)"


@pytest.mark.parametrize("work, argument", RULES.values(), ids=RULES.keys())
def test_rule_finishes_on_hostile_text(work, argument):
    finishes_in_time(work, argument)


@pytest.mark.parametrize("page", PAGES.values(), ids=PAGES.keys())
def test_records_for_page_finishes_on_hostile_page(page):
    finishes_in_time(lambda p: records(*p), page)
