"""How parse_html dates a page: the signals htmldate also reads (the page's canonical address,
<time> elements marked as the publication, update stamps), on small hand-written pages."""
from __future__ import annotations

import pytest

from accord.transforms.page.html_document import parse_html

STORY = ("The council met on Tuesday evening to weigh the proposal, which would change how the town funds "
         "its parks, libraries and public pools over the coming ten years. ")


def page(body: str, head: str = "", title: str = "Council votes on parks") -> str:
    return (f'<!doctype html><html lang="en-GB"><head><title>{title}</title>{head}</head>'
            f"<body><article><h1>Council votes on parks</h1>{body}<p>{STORY * 3}</p></article></body></html>")


def after_story(stamp: str) -> str:
    """A page whose stamp stands below its story, far from the headline."""
    return page("").replace(f"<p>{STORY * 3}</p>", f"<p>{STORY}</p>" * 8 + stamp)


def test_a_canonical_permalink_on_the_same_site_dates_the_page():
    html = page("", '<link rel="canonical" href="https://www.example.org/2019/05/23/council-votes/">')
    assert parse_html(html, "https://example.org/?p=4711").published_at == "2019-05-23"


def test_a_canonical_address_on_another_site_is_the_original_s():
    html = page("", '<link rel="canonical" href="https://wire.example.com/2019/05/22/council-votes/">')
    assert parse_html(html, "https://example.org/?p=4711").published_at is None


def test_a_time_marked_as_the_publication_wins_over_an_earlier_time():
    html = page('<p class="facts">Council session <time datetime="2019-06-01">1 June</time></p>'
                '<p class="stamp">Posted <time pubdate datetime="2019-05-20">20 May</time></p>')
    assert parse_html(html, "https://example.org/parks").published_at == "2019-05-20"


def test_a_time_marked_or_labelled_as_a_change_gives_way_to_the_publication():
    marked = ('<div class="stamps"><time class="updated" datetime="2019-06-02">2 June</time>'
              '<time class="entry-date" datetime="2019-05-20">20 May</time></div>')
    labelled = '<div class="stamps">Updated <time datetime="2019-06-02">2 June</time> · <time datetime="2019-05-20">20 May</time></div>'
    for body in (marked, labelled):
        assert parse_html(after_story(body), "https://example.org/parks").published_at == "2019-05-20"


def test_a_dateline_s_update_gives_way_to_its_publication_but_dates_a_page_that_shows_no_other():
    both = '<div class="post-date">Updated 2 June 2019 | Published 20 May 2019</div>'
    assert parse_html(after_story(both), "https://example.org/parks").published_at == "2019-05-20"
    only = '<div class="recipe-date">Updated June 13, 2019</div>'
    assert parse_html(after_story(only), "https://example.org/parks").published_at == "2019-06-13"


def test_the_date_keys_htmldate_reads_declare_a_publication_and_a_change():
    html = page("", '<meta name="pdate" content="20190520"><meta name="utime" content="20190602101500">')
    doc = parse_html(html, "https://example.org/parks")
    assert (doc.published_at, doc.modified_at[:10]) == ("2019-05-20", "2019-06-02")


def test_an_element_classed_as_a_date_in_spanish_or_french_dates_the_page():
    assert parse_html(after_story('<div class="fecha">3 de mayo de 2021</div>'),
                      "https://example.org/parks").published_at == "2021-05-03"


def test_a_link_to_a_publication_is_a_document_s_not_a_date_element():
    link = '<ul><li><a class="publication" href="/letter.pdf">Letter of 14 October 2021</a></li></ul>'
    assert parse_html(after_story(link), "https://example.org/parks").published_at is None
    assert parse_html(after_story('<p class="parution">03/05/2021</p>'),
                      "https://example.org/parks").published_at == "2021-05-03"


@pytest.mark.parametrize(("title", "day"), [
    ("Council votes on parks | Politics | 20.05.2019", "2019-05-20"),
    ("Council votes on parks - News - 20/05/2019 - The Example", "2019-05-20"),
    ("Council votes on parks, minutes of 10 May 2019 | The Example", None),  # the meeting's day
    ("Council votes on parks 14. - 20. Mai 2019 | The Example", None),  # a span cut by its dash
])
def test_a_title_s_part_that_is_only_a_date_is_the_site_s_stamp(title, day):
    assert parse_html(page("", title=title), "https://example.org/parks").published_at == day


@pytest.mark.parametrize("line", ["기사입력 :[ 2019-05-20 15:24 ]", "公開日：2019年5月20日", "Julkaistu 20.5.2019",
                                  "Опубликовано 20 мая 2019"])
def test_a_publication_label_in_more_languages_dates_the_page(line):
    assert parse_html(after_story(f"<p>{line}</p>"), "https://example.org/parks").published_at[:10] == "2019-05-20"


def test_a_time_dates_the_page_on_the_day_its_reader_sees():
    shown = '<p>Published <time datetime="2019-05-21T04:30:00Z">11:30 pm EST, Monday, May 20, 2019</time></p>'
    assert parse_html(after_story(shown), "https://example.org/parks").published_at == "2019-05-20"
    # a text that shows another day altogether is no time zone's doing: the attribute stands
    other = '<p>Published <time datetime="2019-05-21T04:30:00Z">June 3, 2019</time></p>'
    assert parse_html(after_story(other), "https://example.org/parks").published_at == "2019-05-21T04:30:00"


def test_a_photo_s_date_element_does_not_date_the_page():
    photo = ('<figure><img src="/pier.jpg" alt=""><figcaption><span class="meta">The pier on 3 May 2019'
             '</span></figcaption></figure>')
    credit = '<span class="image-meta">Photo taken 3 May 2019</span>'
    for element in (photo, credit):
        assert parse_html(after_story(element), "https://example.org/parks").published_at is None


def test_the_classes_of_body_name_the_site_not_a_date_element():
    html = page("").replace("<body>", '<body class="timesunion-news"><div>Today is 3 May 2021</div>'
                            + "<div>Weather: sunny</div><div>Traffic: clear</div><div>Markets: open</div>")
    assert parse_html(html, "https://example.org/parks").published_at is None


def test_a_headline_set_in_a_table_cell_has_its_date_under_it():
    html = ("<html><head><title>Council votes on parks</title></head><body><table><tr><td>"
            '<div style="font-size:2em">Council votes on parks</div></td></tr>'
            "<tr><td>Example News ( 2012-06-04 09:20:26 ) Source: Daily Example</td></tr>"
            f"<tr><td><p>{STORY}</p><p>{STORY}</p></td></tr></table></body></html>")
    assert parse_html(html, "https://example.org/parks").published_at == "2012-06-04T09:20:26"


@pytest.mark.parametrize(("declared", "day"), [
    ("2019-05-21T04:30:00Z", "2019-05-20"),  # 11:30 pm EST on the 20th: the day the page shows
    ("2019-05-21T04:30:00+00:00", "2019-05-20"),
    ("2019-05-21T04:30:00+02:00", "2019-05-21"),  # the site's own clock: its day stands
    ("2019-05-21T13:30:00Z", "2019-05-21"),  # the 21st in Europe and the Americas alike
])
def test_a_declared_utc_moment_counts_for_the_day_the_page_shows_when_one_off(declared, day):
    html = after_story('<div class="post-date">May 20, 2019</div>').replace(
        "</title>", f'</title><meta property="article:published_time" content="{declared}">')
    assert parse_html(html, "https://example.org/parks").published_at[:10] == day
