from __future__ import annotations

import pytest

from accord.transforms.page.meta_dates import all_dates, find_date, normalize_date, url_date, url_month


@pytest.mark.parametrize(("value", "expected"), [
    ("2019-11-19T08:30:00+01:00", "2019-11-19T08:30:00"),
    ("2019-11-19T08:30:00.000Z", "2019-11-19T08:30:00"),
    ("2019-11-19", "2019-11-19"),
    ("2019/11/19 14:05", "2019-11-19T14:05:00"),
    ("Tue, 19 Nov 2019 08:30:00 GMT", "2019-11-19T08:30:00"),
    ("Mon Oct 11 14:57:21 CEST 2021", "2021-10-11T14:57:21"),
    ("19.11.2019, 14:05 Uhr", "2019-11-19T14:05:00"),
    ("November 19, 2019 8:30 pm", "2019-11-19T20:30:00"),
    ("Nov. 19, 2019, 12:10 a.m.", "2019-11-19T00:10:00"),
    ("19. März 2019", "2019-03-19"),
    ("3 juillet 2020", "2020-07-03"),
    ("20191119", "2019-11-19"),
])
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


@pytest.mark.parametrize("value", [None, "", "yesterday", "2019-02-30", "13.13.2020", "1574168580", "Foo 12, 2020"])
def test_normalize_date_rejects(value):
    assert normalize_date(value) is None


def test_find_date_in_visible_text():
    assert find_date("Von Hans Meier | Aktualisiert am 3. Januar 2022 um 11:02") == "2022-01-03T11:02:00"
    assert find_date("Posted 23.09.22 in Living") == "2022-09-23"
    assert find_date("Build 20191119 of the app") is None
    assert find_date("No date here, only 42 words.") is None


@pytest.mark.parametrize("text", ["3. toukokuuta 2022", "3 травня 2022 року", "3 Μαΐου 2022", "3 mai 2022",
                                  "3. Mai 2022", "3 Mayis 2022"])
def test_a_month_named_in_finnish_ukrainian_greek_or_turkish_without_its_dotless_i(text):
    assert find_date(text) == "2022-05-03"


def test_url_date():
    assert url_date("https://example.org/2019/08/02/a-post/") == "2019-08-02"
    assert url_date("https://example.org/news/2022-01-28/item") == "2022-01-28"
    assert url_date("https://example.org/2019/13/02/x") is None
    assert url_date("https://example.org/archive/2019/08/") is None


@pytest.mark.parametrize(("url", "day"), [
    ("https://example.org/news/2019-05-23-council-votes.html", "2019-05-23"),
    ("https://example.org/articles/council_2019_05_23.html", "2019-05-23"),
    ("https://example.org/2019/5/23-council-votes", "2019-05-23"),
    ("https://example.org/press/1914-07-28-anniversary", None),  # a day the page is about, not of it
    ("https://example.org/shop/item-2019-05-2300", None),
])
def test_url_date_written_with_other_separators(url, day):
    assert url_date(url) == day


def test_url_date_with_year_and_month_as_one_segment():
    assert url_date("https://news.example.cn/local/2012-06/04/content_1234.htm") == "2012-06-04"
    assert url_date("https://example.org/archive/2012-06/report.html") is None


@pytest.mark.parametrize(("text", "first_day"), [
    ("Wochenbericht 14.–20. Januar 2022", "2022-01-14"),
    ("Report for 3 - 9 May 2021", "2021-05-03"),
    ("Week of January 14–20, 2022", "2022-01-14"),
])
def test_a_span_of_days_dates_to_its_first_day(text, first_day):
    assert find_date(text) == first_day


def test_all_dates_in_the_order_written():
    assert all_dates("Updated 5 May 2020, 10:00 · Published 3 May 2020") == ["2020-05-05T10:00:00", "2020-05-03"]
    assert all_dates("no date here") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Posted on 26/12/2019 by the web team", "2019-12-26"),
    ("12-03-2021", "2021-03-12"),
    ("3rd of May 2020", "2020-05-03"),
    ("12th March 2021, 9:15 am", "2021-03-12T09:15:00"),
    ("1er mars 2021", "2021-03-01"),
    ("Publicado el 3 de mayo de 2022", "2022-05-03"),
    ("12 de março de 2021", "2021-03-12"),
    ("5 févr. 2020", "2020-02-05"),
    ("14 ott 2019", "2019-10-14"),
    ("3 października 2021", "2021-10-03"),
    ("2021.03.12", "2021-03-12"),
    ("2020. 5. 3.", "2020-05-03"),
    ("2020年5月3日", "2020-05-03"),
    ("14 Feb ’20", "2020-02-14"),
    ("Feb 14, '20", "2020-02-14"),
    ("14-Feb-2020", "2020-02-14"),
    ("14 февраля 2020", "2020-02-14"),
    ("Posted 12.03.98", "1998-03-12"),
])
def test_find_date_reads_the_forms_pages_write(text, expected):
    assert find_date(text) == expected


def test_a_numeric_date_is_read_month_first_on_american_pages_and_swapped_when_it_must_be():
    assert find_date("03/05/2020") == "2020-05-03"
    assert find_date("03/05/2020", month_first=True) == "2020-03-05"
    assert find_date("10/16/2020") == "2020-10-16"
    assert find_date("16/10/2020", month_first=True) == "2020-10-16"


def test_a_declared_numeric_date_is_not_guessed():
    assert normalize_date("01/01/2004") is None


@pytest.mark.parametrize(("url", "month"), [
    ("https://example.blogspot.com/2013/10/news.html", "2013-10"),
    ("https://example.org/2022/5/3/story-330199.html", "2022-05"),
    ("https://example.ch/berichte/2021/22/wochenbericht.html", None),  # a season, 2021/22
    ("https://example.org/news/2019-story", None),
])
def test_url_month(url, month):
    assert url_month(url) == month
