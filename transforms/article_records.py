"""One fetched page in, the rows of every per-article table out."""
from __future__ import annotations

import hashlib
from dataclasses import asdict
from datetime import date, datetime

from accord.transforms.analysis.topics import Taxonomy
from accord.transforms.extraction import extract
from accord.transforms.page.document import Document, ParseError
from accord.transforms.page.html_document import collection_paused, parse_html
from accord.transforms.page.language import detect_language
from accord.transforms.page.text_document import parse_text
from accord.transforms.records import Extraction
from accord.transforms.speech.speaker_registry import SpeakerRegistry

# Bump when parsing or extraction changes what they yield: reprocess and caches key on it.
PARSER_VERSION = "0.6.0"

TEXT_TYPES = ("text/plain",)


def stable_id(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]


def parse_page(body: bytes, url: str, content_type: str | None) -> Document:
    """A `.txt` article (first line its title) or an HTML page."""
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime in TEXT_TYPES or (not mime and url.lower().endswith(".txt")):
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ParseError(f"plain-text article is not UTF-8: {exc}") from exc
        return parse_text(text, url)
    return parse_html(body, url, content_type)


def to_timestamp(value: str | None) -> datetime | None:
    """An ISO date or datetime as the page's wall-clock time (zone dropped)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        try:
            return datetime.combine(date.fromisoformat(value.strip()[:10]), datetime.min.time())
        except ValueError:
            return None


def article_rows(
    doc: Document,
    extraction: Extraction,
    *,
    article_id: str,
    source: str,
    fetched_at: datetime,
    run_id: str,
    published_hint: str | None = None,
) -> dict[str, list[dict]]:
    """Rows for articles, quotes, article_speakers and agreements, keyed by table name."""
    published_at = to_timestamp(doc.published_at) or to_timestamp(published_hint)
    # undated pages go to the partition of the day they were fetched
    published_date = (published_at or fetched_at).date()
    text = doc.text
    common = {"article_id": article_id, "run_id": run_id, "published_date": published_date}
    article = {
        **common,
        "url": doc.url,
        "canonical_url": doc.canonical_url,
        "source": source,
        "title": doc.title,
        "authors": list(doc.authors),
        "published_at": published_at,
        "modified_at": to_timestamp(doc.modified_at),
        "text": text,
        # declared by the page, else read from its words (a plain-text article declares none)
        "language": doc.language or detect_language(text),
        "site_name": doc.site_name,
        "fetched_at": fetched_at,
        "content_hash": hashlib.sha1(text.encode()).hexdigest(),
        "parser_version": PARSER_VERSION,
    }
    quotes = []
    for quote in extraction.quotes:
        row = {**common, **asdict(quote)}
        # a title's claim has offsets into the title: its own key space
        where = ("title",) if quote.in_title else ()
        row["quote_id"] = stable_id(article_id, quote.kind, quote.start_char, quote.end_char, *where)
        quotes.append(row)
    speakers = [{**common, **asdict(speaker)} for speaker in extraction.speakers]
    for row in speakers:
        row["speaker"] = row.pop("name")
    agreements = []
    for agreement in extraction.agreements:
        row = {**common, **asdict(agreement)}
        row["agreement_id"] = stable_id(article_id, agreement.topic, agreement.party_a,
                                        agreement.party_b, agreement.relation, agreement.start_char,
                                        agreement.cue_start)
        agreements.append(row)
    return {"articles": [article], "quotes": quotes, "article_speakers": speakers,
            "agreements": agreements}


def records_for_page(
    body: bytes,
    url: str,
    content_type: str | None,
    *,
    source: str,
    fetched_at: datetime,
    run_id: str,
    registry: SpeakerRegistry,
    taxonomy: Taxonomy,
    published_hint: str | None = None,
) -> dict[str, list[dict]]:
    """Parse and extract one page. Raises ParseError with the reason when it holds no article."""
    with collection_paused():
        doc = parse_page(body, url, content_type)
        if not doc.text.strip():
            raise ParseError("no article text found")
        article_id = stable_id(doc.canonical_url or url)
        return article_rows(doc, extract(doc, registry, taxonomy), article_id=article_id, source=source,
                            fetched_at=fetched_at, run_id=run_id, published_hint=published_hint)
