"""Bytes of a web page to text: BOM, then valid UTF-8, then declared charsets, then a guess."""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
META_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
NON_ASCII = re.compile(r"[^\x00-\x7f]")
MOSTLY_UTF8 = 10  # valid multi-byte characters per invalid byte
# browsers read these labels as windows-1252 (WHATWG encoding standard)
WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "cp819"}


def declared_charsets(head: bytes, content_type: str | None) -> list[str]:
    """Charsets named by the HTTP header and the page's own <meta>, in that order."""
    names = []
    if content_type and (match := HEADER_CHARSET.search(content_type)):
        names.append(match.group(1))
    if match := META_CHARSET.search(head):
        names.append(match.group(1).decode("ascii", "ignore"))
    return [canonical(name) for name in names if canonical(name)]


def canonical(label: str) -> str | None:
    label = label.strip().lower()
    if label in WINDOWS_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Text of `data`; a wrong declared charset loses to bytes that are plainly UTF-8."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, "replace")
    # valid multi-byte UTF-8 almost never happens by chance in other encodings, so text that is
    # mostly valid UTF-8 is UTF-8 with a few stray bytes, whatever the page declares
    utf8 = data.decode("utf-8", "replace")
    invalid = utf8.count("\ufffd")
    if not invalid or len(NON_ASCII.findall(utf8)) - invalid > MOSTLY_UTF8 * invalid:
        return utf8
    for encoding in declared_charsets(data[:4096], content_type):
        if encoding in ("utf-8", "utf-16", "utf-32"):
            continue  # already failed or needs a BOM
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, "replace")
    return data.decode("cp1252", "replace")
