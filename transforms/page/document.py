"""The parsed article every extractor works on: metadata plus the body as ordered blocks."""
from __future__ import annotations

from dataclasses import dataclass, field

BLOCK_KINDS = ("heading", "paragraph", "blockquote", "list_item")


class ParseError(ValueError):
    """A page that holds no article; the message is the reason recorded for it."""


@dataclass(frozen=True)
class Block:
    kind: str  # one of BLOCK_KINDS
    text: str


@dataclass
class Document:
    url: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: str | None = None  # ISO 8601 date or datetime, as declared or found
    modified_at: str | None = None
    language: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    blocks: list[Block] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The body, one block a line: every character offset in the records points in here."""
        return "\n".join(block.text for block in self.blocks)

    def block_starts(self) -> list[int]:
        """Offset in `text` where each block begins."""
        starts, position = [], 0
        for block in self.blocks:
            starts.append(position)
            position += len(block.text) + 1
        return starts
