"""Pure transforms: HTML or text in, records out. No I/O in this package.

Three layers, each importing only the ones before it (tests/test_layering.py holds this):

    page/       an HTML page or a text article -> Document (title, authors, dates, language, blocks)
    speech/     Document -> statements: direct, partial and reported quotes, resolved speakers
    analysis/   statements -> topics, stance, stated relations, agreements

and what every layer shares: `records` (the record types), `countries` (the gazetteer) and
`lexicon` (the built-in word lists, as data files).

Entry points: `extract` (a Document -> its Extraction) and `records_for_page` (a fetched page ->
the rows of every per-article table).
"""
from accord.transforms.article_records import parse_page, records_for_page
from accord.transforms.extraction import extract

__all__ = ["extract", "parse_page", "records_for_page"]
