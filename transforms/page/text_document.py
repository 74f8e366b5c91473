"""Plain-text articles (title line, then one block a line) as a Document."""
from __future__ import annotations

import re

from accord.transforms.page.document import Block, Document

_TERMINAL = tuple(".!?:;,\"”’')»…-—")
_MAX_HEADING_WORDS = 10


def is_heading(line: str) -> bool:
    """A short line with no terminal punctuation that starts like a title."""
    words = line.split()
    return (
        0 < len(words) <= _MAX_HEADING_WORDS
        and not line.endswith(_TERMINAL)
        and (line[0].isupper() or line[0].isdigit())
        and not re.search(r"[“\"«]", line)
    )


def parse_text(text: str, url: str) -> Document:
    """The first line is the title; every later non-empty line is a block. A text that opens
    with an empty line has no title: its first words are the story's (a page saved as text
    without its headline)."""
    lines = [line.strip() for line in text.splitlines()]
    titled = bool(lines) and bool(lines[0])
    lines = [line for line in lines if line]
    if not lines:
        return Document(url=url)
    title, body = (lines[0], lines[1:]) if titled else (None, lines)
    blocks = [Block("heading" if is_heading(line) else "paragraph", line) for line in body]
    return Document(url=url, title=title, blocks=blocks)
