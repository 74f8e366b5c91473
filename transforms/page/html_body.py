"""Pick the article body out of a page's text blocks: drop boilerplate, find the main container."""
from __future__ import annotations

import re
from collections import defaultdict

from accord.transforms.lexicon import table
from accord.transforms.page.document import Block
from accord.transforms.page.html_walk import HEADINGS, LIST_ITEMS, RawBlock, Walk
from accord.transforms.page.meta_authors import split_authors
from accord.transforms.page.meta_dates import find_date

# elements whose text is one paragraph; their score goes to the container around them
PARAGRAPH_TAGS = HEADINGS | LIST_ITEMS | {"p", "pre", "blockquote", "td", "th", "address"}
MIN_SCORED = 25  # characters a block needs to count as content evidence
# a boilerplate-marked container holding this share of the page's text is a wrapper, not boilerplate
WRAPPER_SHARE = 0.4
MAX_LINK_DENSITY = 0.5
MIN_STRONG = 10.0  # score a container needs to count as content beside the best one
STRONG_SHARE = 0.2  # ... and the share of the best score it needs
PEER_SHARE = 0.5  # containers this close to the best widen the body to their common ancestor
FURNITURE_DATELINE = 60  # characters of a line with a date and hardly any other words: furniture
URL_LIKE = re.compile(r"^(?:https?://|www\.)\S+$")
WORD = re.compile(r"[^\W\d_]{2,}")
DATE_PARTS = re.compile(r"\b(?:[^\W\d_]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\.?\s+[^\W\d_]{3,9}\.?\s+\d{4}|[ap]\.?m\.?)\b", re.I)
TRAILING_LABEL = 40  # characters of a last block without final punctuation taken for a label
# ... unless it is a sentence pointing at what follows ("The full report is available here:")
POINTING_WORDS = 5
SENTENCE_END = ".!?…\"”“»«')"
MAX_LEAD_SCAN = 4  # blocks before the body searched for a lead paragraph
LEAD_HEADING = 120  # characters of a heading that is a standfirst set large, not a headline
LONE_PARAGRAPH = 80  # characters of a low-link paragraph that counts as prose on its own
# Lines that label page furniture rather than say anything: recirculation ("Read more"), the author
# box, comment and share prompts, source toggles, by language (transforms/lexicon/page_furniture.toml).
BOILERPLATE_LABELS = frozenset(
    label for labels in table("page_furniture", "boilerplate_labels").values() for label in labels)
# labels over the teaser of the next story on the page ("Next article", "Read next")
NEXT_STORY_LABELS = frozenset(
    label for labels in table("page_furniture", "next_story_labels").values() for label in labels)
# a heading that asks the reader to sign up: "Sign up for the Example newsletter", "Newsletter abonnieren"
SIGNUP_HEADING = re.compile(r"^\s*(?:sign\s+up|subscribe|abonnez-vous|inscr[ií]bete|suscr[ií]bete)\b|\bnewsletter\b"
                            r"(?:\s+\S+)?\s*$|^\s*(?:jetzt\s+)?(?:zum\s+)?newsletter\b", re.I)
SIGNUP_BOX_SHARE = 0.25  # of the body's characters: a box, not the story's own container
SIGNUP_CHARS = 80
NEXT_STORY_AFTER = 0.5
# a heading or label over related coverage, in the languages of BOILERPLATE_LABELS and a few more
RELATED_LABEL = re.compile(
    r"\b(?:zum\s+thema|related\s+(?:articles?|stories|posts|content|coverage|news|links|reading)|more\s+on\s+this|"
    r"weitere\s+(?:artikel|beiträge|nachrichten|meldungen)|ähnliche\s+(?:artikel|beiträge|themen)|"
    r"das\s+könnte\s+sie\s+(?:auch\s+)?interessieren|you\s+(?:may|might)\s+also\s+like|recommended\s+for\s+you|"
    r"(?:à\s+)?lire\s+aussi|sur\s+le\s+même\s+sujet|te\s+puede\s+interesar|noticias\s+relacionadas|"
    r"leggi\s+anche|gerelateerde\s+artikelen)\b", re.I)
RELATED_AFTER = 0.6  # of the body's characters told before such a label  # of the body's characters that come before such a label: the story told
# "Label: 03.11.2019" is a dateline only when the label says publication ("Stand:", "Updated:"); other
# labels give a date that belongs to the text ("Einsendeschluss: 03.11.2019", "Deadline: May 3, 2020")
LABELLED_LINE = re.compile(r"^\s*([^\W\d_]+(?:[\s-]+[^\W\d_]+){0,3})\s*:")
DATELINE_LABEL = re.compile(
    r"date|datum|publi|posted|updated|update|created|modified|stand|veröffentlicht|aktualisiert|erstellt|"
    r"geändert|zuletzt|erschienen|online|eingestellt|mis à jour|fecha|actualizado|data|aggiornato|"
    r"gepubliceerd|bijgewerkt", re.I)
LABEL_END = " \t:.…»›>|-–—"
# a line asking the reader to log in before taking part: "You must be logged in to post a comment",
# "Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können."
LOGIN_PROMPT = re.compile(
    r"\s*(?:you\s+(?:must|need\s+to|have\s+to)|please)\s+(?:be\s+)?(?:log(?:ged)?\s*in|sign(?:ed)?\s*in|register)\b|"
    r"\s*(?:log|sign)\s*in\s+to\s+(?:comment|reply|post|join)\b|"
    r"\s*sie\s+müssen\s+(?:sich\s+)?(?:einloggen|anmelden|angemeldet\s+sein|eingeloggt\s+sein)\b|"
    r"\s*(?:bitte\s+)?(?:melden\s+sie\s+sich\s+an|loggen\s+sie\s+sich\s+ein)\b|"
    r"\s*vous\s+devez\s+(?:être\s+)?(?:connecté|vous\s+connecter|identifié)", re.I)
LOGIN_PROMPT_CHARS = 160
# a picture's credit on a line of its own: "Natalie Naccache | Bloomberg | Getty Images", "Foto: dpa"
CREDIT_LINE = re.compile(r"(?:getty\s+images|shutterstock|istock(?:photo)?|picture[\s-]alliance|ap\s+photo|"
                         r"adobe\s*stock|imago(?:\s+images)?|keystone|epa-efe|fotolia)\s*\)?$", re.I)
CREDIT_CHARS = 100
# a link to a file with its type and size: "Report 2021 (PDF, 38 KB)", "Informationsschreiben PDF | 38 KB | …"
DOWNLOAD_LINE = re.compile(r"(?<![^\W\d_])(?:pdf|docx?|xlsx?|pptx?|odt|zip|mp3)\s*[|(,/–-]?\s*\d+(?:[.,]\d+)?\s*[kmg]i?b\b", re.I)
# a row of the site's legal links: "Impressum | Datenschutz | Kontakt", "Privacy · Terms · Cookies"
LEGAL_LINK = re.compile(r"\b(?:impressum|datenschutz(?:erklärung)?|imprint|privacy(?:\s+policy)?|terms(?:\s+of\s+use)?|"
                        r"agb|cookies?(?:\s+settings)?|disclaimer|mentions\s+légales|aviso\s+legal)\b", re.I)
LINK_ROW_SEPARATORS = re.compile(r"\s[|·•]\s")
FURNITURE_ROW_CHARS = 160
# a byline line: "By"/"Von"/"Par"/"Por" and names, maybe a date ("By Jane Doe - 11/19/19 06:56 AM EST")
BYLINE_START = re.compile(r"(?:by|von|par|por|door)\s+(?=[^\W\d_])", re.I)
BYLINE_CHARS = 100
TITLE_COLON = re.compile(r":(?!\d)")  # (a time's colon, "06:56", is none)
# a block that is only an unrendered shortcode: "[button link=… type=big]Send us your review[/button]"
SHORTCODE = re.compile(r"\s*\[(\w+)(?:\s[^\]]*)?\].{0,300}?\[/\1\]\s*")
# a paragraph marked as an advertisement: "ANZEIGE - ...", "Advertisement: ...", "Sponsored | ..."
AD_PREFIX = re.compile(r"^(?:anzeige|werbung|advertisement|advertorial|sponsored(?: content)?|paid content|"
                       r"promoted|partner-?inhalt|partner content)\s*[-–—:|]", re.I)


# the end of a story: a label pointing at others, then only short teasers with links, together at most
# this share of the body
TEASER_CHARS = 200
TEASER_SHARE = 0.3
RECIRCULATION = re.compile(
    r"\b(?:more|related|recommended|read|next|popular|trending|latest|other|also|don't miss|you may|you might|"
    r"weitere|mehr|lesen|interessant|ähnliche|empfehlungen|meistgelesen|à lire|aussi|leia|lea|más|altri|anche)\b")
# what closes a page after its story: "Copyright © 2019 Example TV. All rights reserved.", "Sign up
# to our newsletter for exclusive updates"
END_MATTER = re.compile(
    r"^\s*(?:copyright\b|©|\(c\)\s*\d{4})|\b(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|"
    r"todos los derechos reservados|tutti i diritti riservati)\b|"
    r"^\s*(?:sign up|subscribe)\b.*\bnewsletter|^\s*(?:newsletter\b.*\babonnieren|jetzt\s+(?:zum\s+)?newsletter)|"
    r"^\s*(?:follow|folgen\s+sie)\b.{0,80}\b(?:facebook|twitter|instagram)\b|\bsubject\s+to\s+copyright\b",
    re.I)
END_MATTER_CHARS, END_MATTER_WORDS = 160, 20
# a declared body (JSON-LD articleBody) this long stands in for a shown body under this share of it
MIN_DECLARED_BODY = 500
SHOWN_SHARE = 0.5
SPACE = re.compile(r"\s+")
# a page titled by an HTTP status or a server's own report: "404 Not Found", "Error 503 Service
# Unavailable", "Apache Status", "Index of /files"
STATUS_TITLE = re.compile(
    r"\s*(?:error\s*)?(?:[45]\d\d\b[\s:.-]*)?(?:page\s+)?(?:not\s+found|forbidden|unauthori[sz]ed|"
    r"internal\s+server\s+error|service\s+(?:temporarily\s+)?unavailable|bad\s+gateway|gateway\s+time-?out|"
    r"too\s+many\s+requests|access\s+denied|(?:apache\s+|server\s+)status|index\s+of\s+/)|\s*[45]\d\d\s*$", re.I)
STATUS_WORDS = 8  # a longer title is a headline about the matter ("Access denied: how …")
# template placeholders left unfilled: {{ title }}, {{{ body }}}, {% block %}, ${title}
TEMPLATE = re.compile(r"\{\{[^{}\n]{1,200}\}\}|\{%[^{}\n]{1,200}%\}|\$\{[^{}\n]{1,100}\}")
TEMPLATE_SHARE = 0.1  # of the body's characters
LINK_LIST_LINES, LINK_LIST_SHARE = 10, 0.3  # lines of a page of links, and the share of its text they link


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


def headline_article(page: Walk, title: str | None) -> int | None:
    """The <article> that holds the headline and prose under it, when the page holds other
    <article>s under a headline of the same rank (the next story, loaded as the reader scrolls):
    the story is that one alone. None when there is no such other story."""
    if not title or page.names.count("article") < 2:
        return None
    folded = title.casefold()
    at = next((at for at, block in enumerate(page.blocks) if block.kind == "heading" and block.text.casefold() == folded),
              None)
    if at is None:
        return None
    headline = page.blocks[at]
    own = next((node for node in reversed(headline.chain[:-1]) if page.names[node] == "article"), None)
    if own is None or not any(own in block.chain and _is_prose(block) for block in page.blocks[at + 1:]):
        return None
    rank = page.names[headline.chain[-1]]
    seen: set[int] = set()
    for before, block in zip([None, *page.blocks], page.blocks, strict=False):
        other = next((node for node in reversed(block.chain) if page.names[node] == "article"), None)
        if other is None or other in seen or own in block.chain or other in headline.chain:
            continue
        seen.add(other)
        # the other article opens with a headline of the same rank, or under a label for the next story
        if block.kind == "heading" and (page.names[block.chain[-1]] == rank or before is not None and (
                before.text.strip(LABEL_END).casefold() in NEXT_STORY_LABELS)):
            return own
    return None


def select_body(page: Walk, trust_marks: bool = True, scope: int | None = None) -> list[RawBlock]:
    """The blocks of the best-scoring container and of other strong containers near it.

    Page builders split one article over sibling or cousin sections, so the body is taken from
    the smallest subtree holding the best container and every other strong one that scores at
    least half as much or has the same class; in it, a block is kept when it stands in one of
    those, in a strong child of the subtree's root, or is a long paragraph right under the root.
    Prose just before the first kept block (a lead set apart in the header) joins too. Without
    trust_marks, containers marked as boilerplate compete too; with a `scope`, only the blocks inside
    that container do."""
    blocks = drop_boilerplate(page) if trust_marks else page.blocks
    if scope is not None:
        blocks = [block for block in blocks if scope in block.chain]
    scores = score_containers(page, blocks)
    if not scores:
        # every paragraph sits in something marked as boilerplate: the marks were wrong
        blocks = [block for block in page.blocks if scope is None or scope in block.chain]
        scores = score_containers(page, blocks)
    if not scores:
        return [b for b in blocks if _density(b) <= MAX_LINK_DENSITY]
    best = max(scores, key=scores.get)
    strong = {node for node, score in scores.items() if score >= max(MIN_STRONG, STRONG_SHARE * scores[best])}
    chains = {}
    for block in blocks:
        for at, node in enumerate(block.chain):
            if node not in chains and (node == best or node in strong and (
                    scores[node] >= PEER_SHARE * scores[best] or _same_class(page, node, best))):
                chains[node] = block.chain[:at + 1]
    # ancestors of the best container and containers nested in another peer add nothing
    for node in chains[best][:-1]:
        chains.pop(node, None)
    peers = {node for node, chain in chains.items() if not any(other in chains for other in chain[:-1])}
    # a lone best container lends its parent, so that its strong siblings join it
    root_chain = _common_prefix([chains[n] for n in peers]) if len(peers) > 1 else chains[best][:-1]
    depth = len(root_chain)
    chosen = []
    for at, block in enumerate(blocks):
        if block.chain[:depth] != root_chain:
            continue
        in_strong_child = len(block.chain) > depth and block.chain[depth] in strong
        lone_paragraph = len(block.chain) <= depth + 1 and _is_prose(block)
        if in_strong_child or lone_paragraph or peers.intersection(block.chain):
            if not chosen:
                chosen += [lead for lead in _lead(blocks[:at], _lead_scope(page, root_chain))
                           if lead.text != block.text]
            chosen.append(block)
    return [b for b in chosen if _density(b) <= MAX_LINK_DENSITY]


def _is_prose(block: RawBlock) -> bool:
    return block.kind != "heading" and len(block.text) > LONE_PARAGRAPH and _density(block) < 0.25


def _lead_scope(page: Walk, root_chain: tuple[int, ...]) -> tuple[int, ...]:
    """Where a lead may stand: the <article> or <main> around the body (its header holds the
    standfirst), else the body root's parent."""
    for at in range(len(root_chain) - 1, -1, -1):
        if page.names[root_chain[at]] in ("article", "main"):
            return root_chain[:at + 1]
    return root_chain[:-1]


def _lead(before: list[RawBlock], root_chain: tuple[int, ...]) -> list[RawBlock]:
    """Prose just before the body within `root_chain`'s subtree: the standfirst, often set apart."""
    lead: list[RawBlock] = []
    for block in reversed(before[-MAX_LEAD_SCAN:]):
        if block.chain[:len(root_chain)] != root_chain:
            break
        standfirst = block.kind == "heading" and len(block.text) > LEAD_HEADING and _density(block) < 0.25
        if (_is_prose(block) or standfirst) and all(block.text != other.text for other in lead):
            lead.insert(0, block)  # a standfirst shown twice (desktop and mobile) is read once
    return lead


def _same_class(page: Walk, node: int, other: int) -> bool:
    """Containers styled alike: one article split into sections around figures or ads."""
    return page.classes[node].strip() != "" and page.classes[node] == page.classes[other]


def _common_prefix(chains: list[tuple[int, ...]]) -> tuple[int, ...]:
    prefix = chains[0]
    for chain in chains[1:]:
        size = 0
        while size < min(len(prefix), len(chain)) and prefix[size] == chain[size]:
            size += 1
        prefix = prefix[:size]
    return prefix


def is_label(text: str) -> bool:
    """A line naming page furniture ("Read more:", "Über den Autor") or marking an advertisement."""
    return (len(text) <= 60 and text.strip(LABEL_END).casefold() in BOILERPLATE_LABELS) or bool(AD_PREFIX.match(text))


def is_furniture_line(block: RawBlock) -> bool:
    """A block that is a bare URL, a furniture label or an ad, or a dateline, not prose."""
    text = block.text
    if URL_LIKE.match(text) or is_label(text) or (len(text) <= LOGIN_PROMPT_CHARS and LOGIN_PROMPT.match(text)):
        return True
    if SHORTCODE.fullmatch(text) or (len(text) <= CREDIT_CHARS and CREDIT_LINE.search(text)
                                     and text.rstrip()[-1:] not in ".!?"):
        return True
    if len(text) <= FURNITURE_ROW_CHARS and (DOWNLOAD_LINE.search(text) or (
            len(LINK_ROW_SEPARATORS.findall(text)) >= 2 and LEGAL_LINK.search(text))):
        return True
    if (block.kind != "heading" and len(text) <= BYLINE_CHARS and text.rstrip()[-1:] not in ".!?"
            and (start := BYLINE_START.match(text)) and not TITLE_COLON.search(text, start.end())
            and (names := split_authors(text))
            and all(word[0].isupper() for name in names for word in name.split())):
        return True  # "By Jane Doe - 11/19/19 06:56 AM EST": the byline ("Von Kopf bis Fuß: …" is a title)
    if (label := LABELLED_LINE.match(text)) and not DATELINE_LABEL.search(label.group(1)):
        return False
    return len(text) <= FURNITURE_DATELINE and find_date(text) is not None \
        and len(WORD.findall(DATE_PARTS.sub("", text))) <= 3


def _is_trailing_label(text: str) -> bool:
    if len(text) >= TRAILING_LABEL or text[-1] in SENTENCE_END:
        return False
    return not (text[-1] == ":" and len(WORD.findall(text)) >= POINTING_WORDS)


def body_blocks(page: Walk, title: str | None = None, declared: str | None = None) -> list[Block]:
    """The article body as contract Blocks, without the headline and furniture lines; the body the
    page declares (JSON-LD articleBody) when what it shows is only a small part of that (a caption,
    a teaser: the rest is drawn by a script)."""
    scope = headline_article(page, title)
    blocks = [b for b in select_body(page, scope=scope) if not is_furniture_line(b)]
    if not blocks:
        # all that reads as a story sits where the marks say boilerplate: the marks were wrong
        # (a page whose story is its slideshow or gallery)
        blocks = [b for b in select_body(page, trust_marks=False, scope=scope) if not is_furniture_line(b)]
    while blocks and title and blocks[0].kind == "heading" and blocks[0].text.casefold() == title.casefold():
        blocks = blocks[1:]
    blocks = _before_teasers(_before_related(_before_next_story(_without_signup_boxes(blocks), page.blocks)))
    # labels left at the end ("Read more:", "About the author") introduce something that was cut;
    # a copyright notice or a newsletter prompt closes the page, not the story
    while len(blocks) > 1 and (blocks[-1].kind == "heading" or _is_trailing_label(blocks[-1].text)
                               or _is_end_matter(blocks[-1].text)):
        blocks = blocks[:-1]
    declared = (declared or "").strip()
    if len(declared) >= MIN_DECLARED_BODY and sum(len(b.text) for b in blocks) < SHOWN_SHARE * len(declared):
        return [Block("paragraph", text) for line in declared.splitlines() if (text := SPACE.sub(" ", line).strip())]
    return [Block(b.kind, b.text) for b in blocks]


def _is_end_matter(text: str) -> bool:
    return len(text) <= END_MATTER_CHARS and len(text.split()) <= END_MATTER_WORDS and bool(END_MATTER.search(text))


def _without_signup_boxes(blocks: list[RawBlock]) -> list[RawBlock]:
    """The body without boxes headed by a sign-up prompt ("Sign up for the Example newsletter"): the
    heading and what its container holds after it, when that container is a small part of the body."""
    total = sum(len(b.text) for b in blocks)
    kept, box, box_chars = [], None, 0
    for block in blocks:
        if box is not None and block.chain[:len(box)] == box:
            continue
        box = None
        if (block.kind == "heading" and len(block.chain) > 1 and len(block.text) <= SIGNUP_CHARS
                and SIGNUP_HEADING.search(block.text)):
            inside = block.chain[:-1]
            box_chars = sum(len(b.text) for b in blocks if b.chain[:len(inside)] == inside)
            if box_chars <= SIGNUP_BOX_SHARE * total:
                box = inside
                continue
        kept.append(block)
    return kept


def _before_next_story(blocks: list[RawBlock], page_blocks: list[RawBlock]) -> list[RawBlock]:
    """The body up to a label over the next story ("Next article", "Read next"), when the story has
    been told before it: its heading and quotes are another story's. Told means half the text before
    a teaser (a linked heading, which a story may also carry in its middle), a paragraph of prose
    before a whole next story (under a heading of its own, unlinked: the block after the label on the
    page, `page_blocks`, as a linked heading may have left the body for its links)."""
    total = sum(len(b.text) for b in blocks)
    told, prose = 0, False
    for at, block in enumerate(blocks):
        if block.text.strip(LABEL_END).casefold() in NEXT_STORY_LABELS and (
                told >= NEXT_STORY_AFTER * total or prose and (after := _after(block, page_blocks)) is not None
                and after.kind == "heading" and not after.link_chars):
            return blocks[:at]
        told += len(block.text)
        prose = prose or _is_prose(block)
    return blocks


def _after(block: RawBlock, page_blocks: list[RawBlock]) -> RawBlock | None:
    at = next(at for at, other in enumerate(page_blocks) if other is block)
    return page_blocks[at + 1] if at + 1 < len(page_blocks) else None


def _before_related(blocks: list[RawBlock]) -> list[RawBlock]:
    """The body up to a heading or label over related coverage ("Artikel und Videos zum Thema",
    "Related articles") late in it, when what follows is a small part of the body: other stories'
    titles and what they bring along (a schedule, a teaser), linked or not."""
    total = sum(len(b.text) for b in blocks)
    told = 0
    for at, block in enumerate(blocks):
        rest = total - told
        if (told >= RELATED_AFTER * total and rest <= TEASER_SHARE * total and len(block.text) <= TRAILING_LABEL * 2
                and block.text.rstrip()[-1:] not in ".!?" and RELATED_LABEL.search(block.text)):
            return blocks[:at]
        told += len(block.text)
    return blocks


def _before_teasers(blocks: list[RawBlock]) -> list[RawBlock]:
    """The body up to where the story ends: a label pointing at other stories ("More Great Stories",
    "Read next", "Lesen Sie auch") followed to the end by nothing but short teasers linking to them."""
    total = sum(len(b.text) for b in blocks)
    teasers = 0
    for at in range(len(blocks) - 1, 0, -1):
        block = blocks[at]
        if _is_teaser(block):
            teasers += len(block.text)
            continue
        if teasers and _points_at_stories(block.text) and teasers + len(block.text) <= TEASER_SHARE * total:
            return blocks[:at]
        break
    return blocks


def _is_teaser(block: RawBlock) -> bool:
    return len(block.text) <= TEASER_CHARS and block.link_chars > 0


def _points_at_stories(text: str) -> bool:
    """A short label about other stories."""
    return (len(text) <= TRAILING_LABEL * 2 and text.rstrip()[-1:] not in ".!?"
            and (is_label(text) or bool(RECIRCULATION.search(text.casefold()))))


def _is_link_list(page: Walk) -> bool:
    """A page of links and nothing to read: no paragraph of prose anywhere, and links in most of its
    text (a site map, a directory, an index of posts without excerpts)."""
    if any(_is_prose(block) for block in page.blocks):
        return False
    lines = [block for block in page.blocks if block.kind != "heading"]
    text = sum(len(block.text) for block in lines)
    return len(lines) >= LINK_LIST_LINES and sum(block.link_chars for block in lines) >= LINK_LIST_SHARE * text


def not_an_article(page: Walk, title: str | None, blocks: list[Block]) -> str | None:
    """Why a page with text is no article, or None: an HTTP error or server status page, or a
    template whose placeholders were never filled ("{{ article.title }}")."""
    for text in (page.title or "", title or ""):
        if len(text.split()) <= STATUS_WORDS and STATUS_TITLE.match(text):
            return f"not an article: a status page ({text[:80]!r})"
    if _is_link_list(page):
        return "not an article: a list of links"
    text = "\n".join(b.text for b in blocks)
    placeholders = TEMPLATE.findall(text)
    if (title and TEMPLATE.search(title)) or sum(map(len, placeholders)) >= TEMPLATE_SHARE * len(text):
        return "not an article: an unrendered template ({{…}} placeholders)"
    return None
