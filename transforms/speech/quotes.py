"""Quotation-mark pairing: the spans of quoted words in a text made of paragraphs."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Doubled apostrophes ('') are left as text: archive renderings that use them for quotation
# marks are annotated, in PolNeAR's gold, as reported speech rather than quotes.
_MARK = re.compile(r"[“”„«»\"]")
_OPENERS = frozenset(("“", "„", "«"))
_CLOSERS = frozenset(("”", "»"))
_BEFORE_OPEN = frozenset(" \t([{—–-/:;,")


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # first quoted character
    end: int  # one past the last quoted character
    open_at: int  # offset of the opening mark (== start when the paragraph continues a quote)
    close_at: int  # one past the closing mark (== end when the quote runs to the paragraph end)
    group: int  # pieces of one multi-paragraph quote share a group


def _role(text: str, match: re.Match, lo: int, hi: int, style: tuple[bool, str]) -> str:
    """'open', 'close' or 'either' for one mark, from its shape and neighbours and the
    paragraph's style (see _style)."""
    mark = match.group(0)
    low_high, guillemet_opens = style
    if mark == "“" and low_high:
        return "close"
    if mark in "«»" and guillemet_opens:
        return "open" if mark == guillemet_opens else "close"
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS:
        return "close"
    before = text[match.start() - 1] if match.start() > lo else " "
    after = text[match.end()] if match.end() < hi else " "
    opens = before in _BEFORE_OPEN or before.isspace()
    closes = after.isspace() or after in ".,;:!?)—–-" or match.end() >= hi
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _style(text: str, lo: int, hi: int) -> tuple[bool, str]:
    """How a paragraph quotes: German „…“ (then “ closes) and which guillemet opens where both
    are used, the first one met: «…» in French, Spanish and Portuguese, »…« in German. A lone
    » (a breadcrumb's 'Home » News') keeps its usual role."""
    low_high = text.find("„", lo, hi) >= 0
    left, right = text.find("«", lo, hi), text.find("»", lo, hi)
    guillemet_opens = "" if left < 0 or right < 0 else "«" if left < right else "»"
    return low_high, guillemet_opens


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Paired quotes in text; an opening mark left open at a paragraph's end continues into
    the next paragraph when that one opens with a mark (the usual multi-paragraph style)."""
    out: list[QuoteSpan] = []
    group = -1
    carried = False  # the previous paragraph ended inside a quote
    for lo, hi in paragraphs:
        style = _style(text, lo, hi)
        marks = [(m, _role(text, m, lo, hi, style)) for m in _MARK.finditer(text, lo, hi)]
        opened: int | None = None
        open_mark_at = lo
        if carried and marks and marks[0][1] != "open" and marks[0][0].start() > lo:
            # continuation without a reopening mark: quoted from the paragraph start
            opened, open_mark_at = lo, lo
        elif carried and marks and marks[0][0].start() == lo and marks[0][1] != "close":
            pass  # reopened: the same group goes on below
        else:
            carried = False
        for match, role in marks:
            if opened is None:
                if role == "close":
                    continue  # a stray closing mark
                if not carried:
                    group += 1
                carried = False
                opened, open_mark_at = match.end(), match.start()
            elif role == "open":
                # a new opening mark inside a quote: the previous one was never closed
                s, e = _trim(text, opened, match.start())
                if e > s:
                    out.append(QuoteSpan(s, e, open_mark_at, e, group))
                group += 1
                opened, open_mark_at = match.end(), match.start()
            else:
                s, e = _trim(text, opened, match.start())
                if e > s:
                    out.append(QuoteSpan(s, e, open_mark_at, match.end(), group))
                opened = None
        if opened is not None:
            s, e = _trim(text, opened, hi)
            if e > s:
                out.append(QuoteSpan(s, e, open_mark_at, e, group))
            carried = True
        else:
            carried = False
    return out
