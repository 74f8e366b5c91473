"""Speaker sections: the heading each block stands under, and the names a heading offers."""
from __future__ import annotations

import re

from accord.transforms.page.document import Document

# "Lavrov’s Perspective", "What Tillerson said", "Q&A with Rex Tillerson", "Tillerson on Syria".
# Words are bounded: a name may start at any capital, and an unbounded word would scan the rest
# of a long run of letters from each of them (quadratic in a 16,000-letter heading).
_NAME = r"((?:[A-Z][\w’'\-.]{0,40}\s+){0,3}[A-Z][\w’'\-]{0,40})"
HEADING_PATTERNS = (
    re.compile(_NAME + r"[’']s?\b"),
    re.compile(r"\b(?:[Ww]hat|[Hh]ow|[Ww]hy)\s+" + _NAME + r"\s+(?:said|says|thinks|wants|believes)\b"),
    re.compile(r"\b(?:with|from|by|[Ii]nterview:?)\s+" + _NAME),
    re.compile(r"^" + _NAME + r"\s*(?::|on\b|speaks\b|says\b|said\b|responds\b)"),
)


def heading_names(heading: str) -> list[str]:
    """Names a heading puts forward as its section's speaker, likeliest first."""
    names = []
    for pattern in HEADING_PATTERNS:
        for m in pattern.finditer(heading):
            name = m.group(1).strip()
            if name not in names:
                names.append(name)
    return names


def block_sections(doc: Document) -> list[str | None]:
    """For each block, the text of the heading it stands under (None before the first)."""
    current, out = None, []
    for block in doc.blocks:
        if block.kind == "heading":
            current = block.text
        out.append(current)
    return out
