"""Pick the article body out of a page's text blocks: drop boilerplate, find the main container."""
from __future__ import annotations

from collections import defaultdict

from transforms.document import Block
from transforms.html_walk import HEADINGS, LIST_ITEMS, RawBlock, Walk

# elements whose text is one paragraph; their score goes to the container around them
PARAGRAPH_TAGS = HEADINGS | LIST_ITEMS | {"p", "pre", "blockquote", "td", "th", "figcaption", "address"}
MIN_SCORED = 25  # characters a block needs to count as content evidence
# a boilerplate-marked container holding this share of the page's text is a wrapper, not boilerplate
WRAPPER_SHARE = 0.4
MAX_LINK_DENSITY = 0.5


def _density(block: RawBlock) -> float:
    return block.link_chars / len(block.text)


def _good_chars(block: RawBlock) -> int:
    if block.kind == "heading":
        return 0
    return max(0, len(block.text) - 2 * block.link_chars)


def drop_boilerplate(page: Walk) -> list[RawBlock]:
    """Blocks outside containers marked as boilerplate, unless such a container wraps most text."""
    total = sum(_good_chars(b) for b in page.blocks) or 1
    held: dict[int, int] = defaultdict(int)
    for block in page.blocks:
        for node in block.negative:
            held[node] += _good_chars(block)
    boiler = {node for node, chars in held.items() if chars < WRAPPER_SHARE * total}
    return [b for b in page.blocks if not boiler.intersection(b.negative)]


def score_containers(page: Walk, blocks: list[RawBlock]) -> dict[int, float]:
    """Readability-style: each paragraph credits its container, half to the next, a third beyond."""
    scores: dict[int, float] = defaultdict(float)
    chars: dict[int, int] = defaultdict(int)
    links: dict[int, int] = defaultdict(int)
    for block in blocks:
        chain = block.chain
        if chain and page.names[chain[-1]] in PARAGRAPH_TAGS:
            chain = chain[:-1]
        for node in chain:
            chars[node] += len(block.text)
            links[node] += block.link_chars
        if block.kind == "heading" or len(block.text) < MIN_SCORED:
            continue
        points = (1 + block.text.count(",") + min(len(block.text) // 100, 3)) * (1 - _density(block))
        for level, node in enumerate(reversed(chain[-3:])):
            scores[node] += points / (level + 1)
    return {node: (score + page.weights[node]) * (1 - links[node] / max(chars[node], 1))
            for node, score in scores.items()}


def select_body(page: Walk) -> list[RawBlock]:
    """The blocks of the best-scoring container and of its siblings that look like content too."""
    blocks = drop_boilerplate(page)
    scores = score_containers(page, blocks)
    if not scores:
        return [b for b in blocks if _density(b) <= MAX_LINK_DENSITY]
    best = max(scores, key=scores.get)
    threshold = max(10.0, 0.2 * scores[best])
    parent = _parent_of(best, blocks)
    chosen = []
    for block in blocks:
        chain = block.chain
        if best in chain:
            chosen.append(block)
            continue
        if parent is None or parent not in chain:
            continue
        at = chain.index(parent) + 1
        sibling = chain[at] if at < len(chain) else None
        strong_sibling = sibling is not None and scores.get(sibling, 0.0) >= threshold
        lone_paragraph = (sibling is None or page.names[sibling] in PARAGRAPH_TAGS) \
            and len(block.text) > 80 and _density(block) < 0.25
        if strong_sibling or lone_paragraph:
            chosen.append(block)
    return [b for b in chosen if _density(b) <= MAX_LINK_DENSITY]


def _parent_of(node: int, blocks: list[RawBlock]) -> int | None:
    for block in blocks:
        if node in block.chain:
            at = block.chain.index(node)
            return block.chain[at - 1] if at else None
    return None


def body_blocks(page: Walk) -> list[Block]:
    """The article body as contract Blocks."""
    return [Block(b.kind, b.text) for b in select_body(page)]
