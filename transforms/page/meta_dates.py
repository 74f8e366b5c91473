"""Date strings as pages write them to ISO 8601, keeping the page's wall-clock time (zone dropped)."""
from __future__ import annotations

import re
from datetime import date

from accord.transforms.lexicon import table

# month names and abbreviations in the languages pages are written in -> the month's number
MONTHS: dict[str, int] = table("dates", "months")
MONTH_NAME = r"(?P<month>[^\W\d_]{3,12})\.?"
# "2020", or "’20" after a month's name
YEAR = r"(?:(?P<Y>\d{4})|[’'](?P<y>\d{2}))(?!\d)"
# "3", "3.", "3rd", "1er", "3º"
DAY = r"(?P<d>\d{1,2})(?:\.|st|nd|rd|th|er|º)?"
TIME = r"(?:[T\s,]+(?:at\s+|um\s+)?(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\.\d+)?\s*(?P<ampm>[ap]\.?m\.?)?)?"
PATTERNS = [re.compile(p, re.I) for p in (
    r"(?<!\d)(?P<Y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + TIME,
    r"(?<!\d)(?P<Y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?!\d)" + TIME,
    r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<Y>\d{4})(?!\d)" + TIME,
    # "3 May 2020", "3. Mai 2020", "3rd of May 2020", "3 de mayo de 2020"
    r"(?<![\d\w])" + DAY + r"(?:\s+|-)(?:of\s+|de\s+)?" + MONTH_NAME + r"(?:,?\s+|-)(?:de\s+|del\s+)?" + YEAR + TIME,
    r"(?<![\w])" + MONTH_NAME + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+" + YEAR + TIME,
    # C/Java style: "Mon Oct 11 14:57:21 CEST 2021"
    r"(?<![\w])" + MONTH_NAME + r"\s+(?P<d>\d{1,2})\s+(?P<H>\d{1,2}):(?P<M>\d{2}):(?P<S>\d{2})\s+[A-Z]{0,5}\s*(?P<Y>\d{4})",
    # "2020.05.03", "2020. 5. 3." (Korean)
    r"(?<![\d.])(?P<Y>\d{4})\.\s?(?P<m>\d{1,2})\.\s?(?P<d>\d{1,2})(?!\d)" + TIME,
    # "2020年5月3日", "2020년 5월 3일"
    r"(?P<Y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})",
    # (declared only: "20190520", "20190520T1015", "20190602101500")
    r"(?<!\d)(?P<Y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T?(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?)?(?!\d)",
)]
# a day in a URL as its separators write it: /2019/05/23/, /2019-05-23-title, news_2019_05_23.html
URL_DATE = re.compile(r"(?<![\d.])(?P<Y>199\d|20\d{2})[/_-](?P<m>[01]?\d)[/_-](?P<d>[0-3]?\d)(?!\d)")
URL_MONTH = re.compile(r"/(?P<Y>(?:19|20)\d{2})[/-](?P<m>[01]?\d)(?=/)")
# "03/05/2020", "03-05-2020": day first, or month first on pages in American English; read in visible
# text only, where the page's language tells the order (a declared "01/01/2004" is a placeholder)
NUMERIC = re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<Y>\d{4})(?![\d/-])" + TIME)
SHORT_YEAR = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{2})(?![\d.])" + TIME)
DASH = r"\s*[-–—]\s*"
# a span of days ("14.–20. Januar 2022", "January 14–20, 2022") was published on its first day
RANGES = [re.compile(p, re.I) for p in (
    r"(?<![\d.])(?P<d>\d{1,2})\.?" + DASH + r"\d{1,2}\.?\s+" + MONTH_NAME + r",?\s+(?P<Y>\d{4})(?!\d)",
    r"(?<![\w])" + MONTH_NAME + r"\s+(?P<d>\d{1,2})" + DASH + r"\d{1,2},?\s+(?P<Y>\d{4})(?!\d)",
)]
# in running text a bare run of eight digits is rarely a date
IN_TEXT = RANGES + PATTERNS[:-1] + [NUMERIC, SHORT_YEAR]


def _build(match: re.Match, month_first: bool = False) -> str | None:
    parts = match.groupdict()
    try:
        year = int(parts["Y"]) if parts.get("Y") else int(parts["y"]) + (1900 if int(parts["y"]) >= 90 else 2000)
        if parts.get("a"):
            day, month = (int(parts["b"]), int(parts["a"])) if month_first else (int(parts["a"]), int(parts["b"]))
            if month > 12 >= day:
                day, month = month, day  # "25/12/2020" on an American page, "12/25/2020" on another
        elif parts.get("month"):
            month = MONTHS.get(parts["month"].lower())
            if month is None:
                return None
            day = int(parts["d"])
        else:
            month, day = int(parts["m"]), int(parts["d"])
        if not 1990 <= year <= 2100:
            return None
        day_iso = date(year, month, day).isoformat()
    except (ValueError, TypeError):
        return None
    if parts.get("H") is None:
        return day_iso
    hour, minute, second = int(parts["H"]), int(parts["M"]), int(parts.get("S") or 0)
    ampm = (parts.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return day_iso
    return f"{day_iso}T{hour:02d}:{minute:02d}:{second:02d}"


def normalize_date(value: str | None) -> str | None:
    """ISO form of a declared date (metadata value), or None when it holds none."""
    if not value:
        return None
    return _first_date(value.strip()[:100], PATTERNS)


def find_date(text: str, month_first: bool = False) -> str | None:
    """The first date written in visible text (a byline, a dateline), as ISO; `month_first` reads
    "03/05/2020" as March 5 (American English)."""
    return _first_date(text[:2000], IN_TEXT, month_first)


def all_dates(text: str, month_first: bool = False) -> list[str]:
    """Every date written in a short text (a byline, a dateline), as ISO, in the order written."""
    return [built for _, built in dates_at(text, month_first)]


def dates_at(text: str, month_first: bool = False) -> list[tuple[int, str]]:
    """(where it starts, ISO) of every date written in a short text, in the order written."""
    return sorted((match.start(), built) for pattern in IN_TEXT for match in pattern.finditer(text[:2000])
                  if (built := _build(match, month_first)) is not None)


def url_date(url: str) -> str | None:
    """The day a URL spells as /YYYY/MM/DD/, /YYYY-MM/DD/, /YYYY-MM-DD-…, YYYY_MM_DD, if any."""
    for match in URL_DATE.finditer(url):
        try:
            return date(int(match.group("Y")), int(match.group("m")), int(match.group("d"))).isoformat()
        except ValueError:
            continue
    return None


def url_month(url: str) -> str | None:
    """The month a URL path spells as /YYYY/MM/ (a blog's permalink), as "YYYY-MM", if any."""
    for match in URL_MONTH.finditer(url):
        if 1 <= int(match.group("m")) <= 12:
            return f"{match.group('Y')}-{int(match.group('m')):02d}"
    return None


def _first_date(text: str, patterns: list[re.Pattern], month_first: bool = False) -> str | None:
    for pattern in patterns:
        for match in pattern.finditer(text):
            if (found := _build(match, month_first)) is not None:
                return found
    return None
