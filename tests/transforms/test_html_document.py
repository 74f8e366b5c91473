"""parse_html on small hand-written pages: metadata, body structure, boilerplate, encodings, failures."""
from __future__ import annotations

import json

import pytest

from accord.transforms.page.document import BLOCK_KINDS, ParseError
from accord.transforms.page.html_document import parse_html

PARAGRAPH = ("The committee met on Tuesday to weigh the proposal, which would change how the city funds "
             "its parks, libraries and public pools over the coming decade. ")


def page(body: str, head: str = "", html_attrs: str = ' lang="en-US"') -> str:
    return f"<!doctype html><html{html_attrs}><head>{head}</head><body>{body}</body></html>"


ARTICLE = page(
    head=(
        '<title>Parks plan advances | The Daily Example</title>'
        '<meta property="og:site_name" content="The Daily Example">'
        '<link rel="canonical" href="/news/parks-plan">'
        '<script type="application/ld+json">' + json.dumps({"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "name": "The Daily Example"},
            {"@type": "NewsArticle", "headline": "Parks plan advances", "datePublished": "2021-03-04T09:15:00-05:00",
             "dateModified": "2021-03-05T10:00:00Z", "author": [{"@type": "Person", "name": "Ana Ruiz"},
                                                               {"@id": "#p2"}]},
            {"@type": "Person", "@id": "#p2", "name": "Bo Chen", "url": "https://example.org/bo"},
        ]}) + "</script>"),
    body=(
        '<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>'
        '<main><article><h1>Parks plan advances</h1>'
        '<div class="byline">By Ana Ruiz and Bo Chen</div>'
        '<div class="article-body">'
        f'<p>{PARAGRAPH * 2}</p>'
        '<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>'
        f'<p>The   plan,\n drafted last year, <a href="/budget">would raise</a> fees. {PARAGRAPH}</p>'
        '<h2>What comes next</h2>'
        f'<p>{PARAGRAPH}</p>'
        '<blockquote><p>We have waited long enough for this, and so have the children of this city.</p></blockquote>'
        '<ul><li>A new pool in the north district</li><li>Longer library hours on weekends</li></ul>'
        f'<p>{PARAGRAPH * 2}</p>'
        '</div></article>'
        '<section class="comments"><h3>Comments</h3>'
        f'<div class="comment"><p>I disagree with every word of this. {PARAGRAPH}</p></div></section>'
        '</main>'
        '<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Another story that is popular</a></li></ul></aside>'
        '<footer><p>Copyright The Daily Example. All rights reserved.</p></footer>'),
)


@pytest.fixture(scope="module")
def article():
    return parse_html(ARTICLE, "https://example.org/news/parks-plan?utm_source=x")


def test_metadata_comes_from_json_ld(article):
    assert article.title == "Parks plan advances"
    assert article.authors == ["Ana Ruiz", "Bo Chen"]
    assert article.published_at == "2021-03-04T09:15:00"
    assert article.modified_at == "2021-03-05T10:00:00"
    assert article.site_name == "The Daily Example"
    assert article.language == "en"


def test_canonical_url_is_absolute(article):
    assert article.canonical_url == "https://example.org/news/parks-plan"


def test_body_keeps_structure(article):
    kinds = [block.kind for block in article.blocks]
    assert set(kinds) <= set(BLOCK_KINDS)
    assert ("heading", "What comes next") in [(b.kind, b.text) for b in article.blocks]
    assert any(b.kind == "blockquote" and b.text.startswith("We have waited") for b in article.blocks)
    assert [b.text for b in article.blocks if b.kind == "list_item"] == [
        "A new pool in the north district", "Longer library hours on weekends"]


def test_body_drops_boilerplate(article):
    text = article.text
    for junk in ("Home", "Share on Facebook", "I disagree", "Most read", "Copyright", "By Ana Ruiz"):
        assert junk not in text
    assert text.count("The committee met") == 6


def test_whitespace_is_normalised_within_blocks(article):
    assert "The plan, drafted last year, would raise fees." in article.text
    assert all("\n" not in b.text and b.text == b.text.strip() for b in article.blocks)


def test_meta_tags_and_visible_byline_without_json_ld():
    html = page(
        head=('<meta property="og:title" content="Rates rise again">'
              '<meta property="article:published_time" content="2020-06-01T12:00:00+02:00">'),
        body=(f'<div id="content"><h1>Rates rise again</h1><p class="author">Von Jana Kraus und Tim Vogt</p>'
              f'<p>{PARAGRAPH * 3}</p><p>{PARAGRAPH * 2}</p></div>'))
    doc = parse_html(html, "https://example.de/a")
    assert doc.title == "Rates rise again"
    assert doc.published_at == "2020-06-01T12:00:00"
    assert doc.authors == ["Jana Kraus", "Tim Vogt"]


def test_visible_date_near_headline():
    html = page(f'<div class="main"><h1>Ein Titel</h1><p>Berlin, 3. März 2022</p><p>{PARAGRAPH * 3}</p></div>')
    assert parse_html(html, "https://example.de/b").published_at == "2022-03-03"


def test_title_from_title_tag_drops_site_name():
    html = page(f'<div><p>{PARAGRAPH * 3}</p></div>', head="<title>A long headline here - Example News</title>")
    assert parse_html(html, "https://example.org/c").title == "A long headline here"


def test_no_date_is_invented():
    html = page(f'<div><h1>Undated</h1><p>{PARAGRAPH * 3}</p></div>')
    assert parse_html(html, "https://example.org/d").published_at is None


@pytest.mark.parametrize("declared", ["utf-8", "iso-8859-1", None])
def test_bytes_decode_without_mojibake(declared):
    text = page(f'<p>Grüße aus Köln – „Straße“ {PARAGRAPH * 3}</p>')
    for data in (text.encode("utf-8"), text.encode("cp1252")):
        content_type = f"text/html; charset={declared}" if declared else "text/html"
        doc = parse_html(data, "https://example.de/e", content_type)
        assert "Grüße aus Köln – „Straße“" in doc.text


def test_meta_charset_and_bom():
    body = f'<p>Ça coûte très cher, déclare-t-il. {PARAGRAPH * 3}</p>'
    latin = page(body, head='<meta charset="windows-1252">').encode("cp1252")
    assert "Ça coûte très cher" in parse_html(latin, "https://example.fr/f").text
    utf16 = page(body).encode("utf-16")
    assert "Ça coûte très cher" in parse_html(utf16, "https://example.fr/f").text


@pytest.mark.parametrize("data", [b"", b"   ", "\x00\x01\x02\x03" * 100, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20,
                                  "just some words without markup",
                                  "<html><body><nav><a href=\"/\">Home</a> <a href=\"/n\">News</a></nav></body></html>"])
def test_pages_without_article_raise_parse_error(data):
    with pytest.raises(ParseError):
        parse_html(data, "https://example.org/g")


def test_deeply_nested_page_parses_or_fails_cleanly():
    html = "<div>" * 5000 + f"<p>{PARAGRAPH * 3}</p>" + "</div>" * 5000
    try:
        doc = parse_html(html, "https://example.org/h")
    except ParseError:
        return
    assert "committee" in doc.text


def test_headline_is_the_confirmed_heading_not_the_site_logo():
    html = page(
        head="<title>Rates rise again | Example Times</title>",
        body=(f'<div class="logo"><h1>Example Times</h1></div><div class="story"><h2>Rates rise again</h2>'
              f'<p>{PARAGRAPH * 3}</p></div>'))
    doc = parse_html(html, "https://www.example-times.com/a")
    assert doc.title == "Rates rise again"
    assert "Rates rise again" not in doc.text  # the headline is not body text


def test_title_tag_keeps_dashes_of_the_headline():
    html = page(f'<div><p>{PARAGRAPH * 3}</p></div>', head="<title>Part 49 – The years 1931 – 1945 | Blog</title>")
    assert parse_html(html, "https://blog.example.org/p").title == "Part 49 – The years 1931 – 1945"


def test_labelled_and_signed_author_lines():
    labelled = page(f'<div><p>{PARAGRAPH * 3}</p><p>Autor:</p><p>Götz Warnke</p></div>')
    assert parse_html(labelled, "https://example.de/l").authors == ["Götz Warnke"]
    signed = page(f'<div><p>{PARAGRAPH * 3}</p><p>Von Claudia Lindner</p><p>{PARAGRAPH * 3}</p></div>')
    assert parse_html(signed, "https://example.de/s").authors == ["Claudia Lindner"]


def test_date_most_places_agree_on():
    html = page(
        head='<meta property="article:published_time" content="2021-01-05T10:00:00+01:00">',
        body=(f'<article><h1>Snow again</h1><p class="meta">Updated 12.02.2021</p>'
              f'<time datetime="2021-02-12">12 Feb</time><p>{PARAGRAPH * 3}</p></article>'))
    assert parse_html(html, "https://example.org/2021/02/12/snow").published_at[:10] == "2021-02-12"


def test_lead_paragraph_in_article_header_and_trailing_labels():
    html = page(
        '<article><header><h1>Big news</h1><div class="intro"><p>The lead paragraph tells the whole story '
        'in two long sentences, as leads do. It sits in the header of the article.</p></div></header>'
        f'<div class="text"><p>{PARAGRAPH * 3}</p><p>{PARAGRAPH * 2}</p><h3>Read more</h3></div></article>')
    doc = parse_html(html, "https://example.org/n")
    assert doc.blocks[0].text.startswith("The lead paragraph")
    assert doc.blocks[-1].kind == "paragraph"


def test_soft_hyphens_are_removed():
    html = page(f"<div><p>Ita\u00adli\u00adens Wei\u00adne. {PARAGRAPH * 3}</p></div>")
    assert "Italiens Weine." in parse_html(html, "https://example.de/w").text


def test_page_whose_marks_are_all_wrong_still_has_a_body():
    html = page(f'<div class="sidebar-layout"><div class="widget-area"><p>{PARAGRAPH * 3}</p></div></div>'
                f'<div class="widget-area"><p>{PARAGRAPH * 3}</p></div>')
    assert "committee" in parse_html(html, "https://example.org/o").text


def test_state_and_script_hook_classes_do_not_mark_boilerplate():
    html = page(
        '<article><header class="article-header has-sharing"><h1>Heat pumps boom</h1>'
        '<p class="abstract">Heat pumps sell as never before, and the makers cannot keep up with the orders '
        'that arrive from every part of the country.</p></header>'
        f'<div class="article-body"><p>{PARAGRAPH * 3}</p>'
        f'<div class="media js-lightbox-gallery"><p>{PARAGRAPH * 2}</p></div></div></article>')
    text = parse_html(html, "https://example.org/q").text
    assert "Heat pumps sell" in text
    assert text.count("The committee met") == 5


def test_newsletter_box_and_call_to_action_inside_the_body_are_dropped():
    html = page(
        f'<div class="article-body"><p>{PARAGRAPH * 3}</p>'
        '<div class="news-letter-section"><p>News, tips and trends: we have many exciting topics for you, '
        'sign up today and read them first.</p></div>'
        f'<p>{PARAGRAPH * 2}</p>'
        '<section class="letters-cta"><p>We want to hear what you think about this article, so write to '
        'the editor at any time.</p></section></div>')
    text = parse_html(html, "https://example.org/r").text
    assert "exciting topics" not in text and "hear what you think" not in text
    assert text.count("The committee met") == 5


def test_a_box_headed_by_a_newsletter_sign_up_inside_the_story_is_dropped():
    html = page(f'<article><h1>Pubs close again</h1><div class="body"><p>{PARAGRAPH * 2}</p><p>{PARAGRAPH}</p>'
                '<div class="factbox"><h3>Sign up for the Example newsletter</h3><div class="factbox-content">'
                '<p>Never miss the latest news by signing up to our newsletter today!</p>'
                '<p>Every day we will send you a roundup email of all the latest news and sport.</p></div></div>'
                f'<p>{PARAGRAPH * 2}</p><div class="box"><h3>How to subscribe to the transit pass</h3>'
                '<p>Riders can buy the monthly pass at any station or online from next week.</p></div>'
                f'<p>{PARAGRAPH}</p></div></article>')
    text = parse_html(html, "https://news.example.org/pubs").text
    assert "Never miss" not in text and "roundup email" not in text
    assert "Riders can buy the monthly pass" in text and text.count("The committee met") == 6


@pytest.mark.parametrize("prompt", ["Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.",
                                    "You must be logged in to post a comment.", "Log in to comment"])
def test_a_prompt_to_log_in_is_no_part_of_the_text(prompt):
    html = page(f'<article><h1>Kein App Store</h1><div class="thread"><p>{PARAGRAPH * 2}</p><p>{PARAGRAPH}</p>'
                f'<p>{prompt}</p><p>{PARAGRAPH}</p></div></article>')
    assert prompt not in parse_html(html, "https://forum.example.de/thread").text


@pytest.mark.parametrize("line", ["Natalie Roe | Bloomberg | Getty Images", "Image copyright Getty Images",
                                  "Advert", "Publicité",
                                  '[button link="https://example.org/submit" type="big"] Send us YOUR review[/button]'])
def test_picture_credits_advert_labels_and_unrendered_shortcodes_are_no_text(line):
    html = page(f'<article><h1>Emirates orders jets</h1><div class="body"><p>{PARAGRAPH * 2}</p><p>{line}</p>'
                f'<p>{PARAGRAPH}</p></div></article>')
    text = parse_html(html, "https://news.example.org/jets").text
    assert line not in text and text.count("The committee met") == 3


@pytest.mark.parametrize("line", ["Published November 20th, 2019 - 07:50 GMT", "Order Reprints", "Text size",
                                  "Explore further"])
def test_stamps_and_tool_labels_inside_the_story_are_no_text(line):
    html = page(f'<article><h1>Emirates orders jets</h1><div class="body"><p>{PARAGRAPH * 2}</p><p>{line}</p>'
                f'<p>{PARAGRAPH}</p></div></article>')
    assert line not in parse_html(html, "https://news.example.org/jets").text


def test_a_prompt_to_follow_the_site_on_social_media_closes_the_page_not_the_story():
    html = page(f'<article><h1>Opinion</h1><p>{PARAGRAPH * 3}</p>'
                '<p>Follow the Example Opinion section on Facebook, Twitter (@ExampleOpinion) and Instagram.</p>'
                '</article>')
    assert "Follow the Example" not in parse_html(html, "https://news.example.org/opinion").text


def test_a_sentence_ending_in_an_agency_name_is_text():
    line = "The pictures of the storm were taken by photographers of Getty Images."
    html = page(f'<article><h1>Storm</h1><p>{PARAGRAPH * 2}</p><p>{line}</p><p>{PARAGRAPH}</p></article>')
    assert line in parse_html(html, "https://news.example.org/storm").text


def test_lead_beside_the_headline_in_a_sibling_column_is_read_once():
    lead = ("Must the infected go to hospital? A doctor explains why many patients are better cared for "
            "where they live.")
    html = page(
        f'<article><div class="col"><div class="col-inner"><h1>A headline</h1><p class="lead">{lead}</p>'
        f'</div></div><div class="col"><div class="field-body"><p>{lead}</p><p>{PARAGRAPH * 3}</p>'
        f'<p>{PARAGRAPH * 2}</p></div></div></article>')
    doc = parse_html(html, "https://example.org/s")
    assert doc.text.count("Must the infected") == 1
    html = html.replace(f'<div class="field-body"><p>{lead}</p>', '<div class="field-body">')
    assert parse_html(html, "https://example.org/s").blocks[0].text == lead


def test_dates_of_comments_teaser_lists_and_navigation_are_not_the_articles():
    html = page(
        '<nav class="top"><span class="date">Mittwoch, 26.02.2020</span></nav>'
        f'<div class="story"><h1>An undated piece</h1><p>{PARAGRAPH * 3}</p></div>'
        '<section class="comments"><div class="comment"><span class="comment-date">12.03.2019</span>'
        f'<p>I agree. {PARAGRAPH}</p></div><time datetime="2019-03-12">12 March</time></section>'
        '<aside><ul><li><span class="date">1. April 2019</span> <a href="/x">Another story</a></li></ul></aside>')
    assert parse_html(html, "https://example.org/u").published_at is None


def test_a_navigation_container_around_the_headline_is_a_wrapper_not_an_aside():
    html = page(
        f'<div class="navigation-container"><article><h1>Fast in Erfurt</h1><time datetime="2022-02-01">01.02.2022'
        f'</time><p>{PARAGRAPH * 3}</p></article></div>')
    assert parse_html(html, "https://example.de/v").published_at == "2022-02-01"


def test_todays_date_in_the_site_header_is_not_the_articles():
    html = page(f'<header><span class="date">Mittwoch, 26.02.2020</span></header>'
                f'<div class="story"><h1>An undated piece</h1><p>{PARAGRAPH * 3}</p></div>')
    assert parse_html(html, "https://example.org/w").published_at is None


def test_single_line_breaks_join_lines_and_an_empty_line_ends_the_block():
    html = page(f'<div class="article-body"><p>{PARAGRAPH * 3}</p>'
                '<p><b>Opening hours:</b> Monday to Friday, 9 to 5 <br/><b>Admission:</b> adults 4 euros <br/>'
                '<b>Address:</b> 12 Harbour Road<br><br>A new paragraph after an empty line.</p></div>')
    text = parse_html(html, "https://example.org/x").text
    assert "Monday to Friday, 9 to 5 Admission: adults 4 euros Address: 12 Harbour Road\n" in text
    assert "\nA new paragraph after an empty line." in text


@pytest.mark.parametrize("label", ["Read more:", "Lesen Sie auch", "Weiterlesen:", "About the author",
                                   "Über den Autor", "Quellen ausblenden", "Kommentieren"])
def test_furniture_labels_inside_the_body_are_dropped(label):
    html = page(f'<div class="article-body"><p>{PARAGRAPH * 3}</p><h3>{label}</h3><p>{PARAGRAPH * 2}</p>'
                f'<p>{label}</p><p>{PARAGRAPH}</p></div>')
    doc = parse_html(html, "https://example.org/y")
    assert label not in doc.text
    assert doc.text.count("The committee met") == 6


def test_advertisement_paragraphs_are_dropped_but_a_sentence_about_ads_is_not():
    html = page(f'<div class="article-body"><p>{PARAGRAPH * 3}</p>'
                '<p>ANZEIGE - Heute Abend essen gehen? Probieren Sie unseren neuen Lieferdienst aus!</p>'
                '<p>Advertisement: The best deals on garden furniture are only one click away today.</p>'
                '<p>Anzeige gegen Unbekannt hat die Polizei nach dem Einbruch in der Nacht erstattet.</p>'
                f'<p>{PARAGRAPH}</p></div>')
    text = parse_html(html, "https://example.de/z").text
    assert "Heute Abend" not in text and "garden furniture" not in text
    assert "Anzeige gegen Unbekannt" in text


def test_author_profile_box_and_donation_flyout_are_boilerplate():
    html = page(f'<article><div class="entry-content"><p>{PARAGRAPH * 3}</p>'
                '<div class="c-flyout"><p>Every small donation helps the people who need it most!</p></div>'
                f'<p>{PARAGRAPH * 2}</p></div>'
                '<div class="sect sect_profile-descr"><p>Has written for this paper since 2011 and covers the '
                'economy, the climate and everything in between.</p></div>'
                '<div class="autorenbox"><p>Sie schreibt seit zehn Jahren über Wirtschaft und Klima.</p></div>'
                '</article>')
    text = parse_html(html, "https://example.org/aa").text
    assert "donation" not in text and "Has written" not in text and "seit zehn Jahren" not in text
    assert text.count("The committee met") == 5


def test_a_labelled_date_that_belongs_to_the_text_is_no_dateline():
    html = page(f'<div class="article-body"><h1>Win a bicycle</h1><p>Stand: 02.05.2021</p><p>{PARAGRAPH * 3}</p>'
                '<p>Teilnahmeschluss: 14.06.2021 (Datum der E-Mail)</p><p>Deadline: May 3, 2021</p>'
                f'<p>Updated: May 1, 2021</p><p>{PARAGRAPH}</p></div>')
    text = parse_html(html, "https://example.org/ab").text
    assert "Teilnahmeschluss: 14.06.2021" in text and "Deadline: May 3, 2021" in text
    assert "Stand:" not in text and "Updated:" not in text


def test_a_last_sentence_pointing_at_a_link_is_kept_but_a_trailing_label_is_not():
    body = f'<div class="article-body"><p>{PARAGRAPH * 3}</p><p>{PARAGRAPH * 2}</p>'
    pointing = parse_html(page(body + '<p>The full report can be found here:</p></div>'), "https://example.org/ac")
    assert pointing.blocks[-1].text == "The full report can be found here:"
    label = parse_html(page(body + '<p>Download: mp3</p></div>'), "https://example.org/ac")
    assert label.blocks[-1].text.startswith("The committee met")


def test_a_standfirst_set_as_a_long_heading_leads_the_body():
    standfirst = ("The film opens in cinemas this week. We spoke with one of its leading actors about the role, the "
                  "training and what the story means to her.")
    html = page(f'<article><h1>An interview</h1><div class="intro"><p>Photo: Studio</p><h2>{standfirst}</h2></div>'
                f'<div class="text"><h2>What drew you to the role?</h2><p>{PARAGRAPH * 3}</p>'
                f'<p>{PARAGRAPH * 2}</p></div></article>')
    doc = parse_html(html, "https://example.org/ad")
    assert doc.blocks[0].text == standfirst
    assert "Photo: Studio" not in doc.text


def test_rel_and_class_attributes_are_read_as_word_lists():
    html = page(head='<link rel="alternate canonical" href="/x/canonical">',
                body=f'<div class="story main-text"><h1>Rates</h1><p><a rel="author" href="/p/jd">Jane Doe</a></p>'
                     f'<p>{PARAGRAPH * 3}</p><div class="box  share-tools"><p>{PARAGRAPH}</p></div></div>')
    doc = parse_html(html, "https://example.org/ae")
    assert doc.canonical_url == "https://example.org/x/canonical"
    assert doc.authors == ["Jane Doe"]
    assert doc.text.count("The committee met") == 3


def test_dateline_beside_the_headline_not_the_site_logo():
    html = page(f'<div class="logo"><h1>Example Office</h1></div><div class="news"><h1>New tax rules</h1>'
                f'<div class="docdata"><span>Datum:</span> <span>18.10.2021</span></div>'
                f'<p>{PARAGRAPH * 3}</p></div>', head="<title>New tax rules - Example Office</title>")
    assert parse_html(html, "https://example.de/af").published_at == "2021-10-18"


@pytest.mark.parametrize(("lead", "day"), [("27.1.2022 - ", "2022-01-27"), ("BERLIN, 3. März 2022 – ", "2022-03-03"),
                                           ("Die Stadt hat am 3. März 2022 ", None)])
def test_dateline_run_into_the_first_paragraph(lead, day):
    html = page(f'<div class="story"><h1>Stones for the remembered</h1><p>{lead}{PARAGRAPH * 3}</p></div>')
    assert parse_html(html, "https://example.de/ag").published_at == day


def test_a_byline_with_two_dates_gives_the_earlier_as_publication():
    html = page(f'<article><h1>Fees rise</h1><p>Updated 2018-08-29 14:15 · Published 22.06.2018 10:20</p>'
                f'<p>{PARAGRAPH * 3}</p></article>')
    assert parse_html(html, "https://example.org/fees").published_at[:10] == "2018-06-22"


def test_a_permalinks_month_outvotes_days_of_other_months_on_the_page():
    # a re-published post: its metadata and <time> say 2019, the line under its headline 2017
    html = page('<article><h1>Pear jam</h1><p class="date">6 December 2017</p>'
                f'<p>{PARAGRAPH * 3}</p><p>Shared <time datetime="2019-03-02">last spring</time></p></article>',
                head='<meta property="article:published_time" content="2019-03-02T10:00:00">')
    assert parse_html(html, "https://blog.example.com/2017/12/pear-jam/").published_at[:10] == "2017-12-06"
    assert parse_html(html, "https://blog.example.com/recipes/pear-jam/").published_at[:10] == "2019-03-02"


def test_a_blogs_hatom_timestamp_dates_it_by_its_title():
    html = page('<div class="post"><h3 class="post-title">Tach auch</h3>' + f'<p>{PARAGRAPH * 3}</p>'
                '<div class="post-footer">Eingestellt von Jana um <abbr class="published" '
                'title="2020-04-28T09:07:00+02:00">09:07</abbr></div></div>', html_attrs=' lang="de"')
    assert parse_html(html, "https://example.blogspot.com/tach-auch.html").published_at == "2020-04-28T09:07:00"


RECENT_POSTS = ('<div class="sidebar"><h3>Neueste Beiträge</h3><ul><li><a href="/a">Alter Beitrag</a> '
                '<span class="date">12.01.2018</span></li><li><a href="/b">Noch einer</a> '
                '<span class="date">10.01.2018</span></li></ul></div>')


@pytest.mark.parametrize(("body", "day"), [
    # a list of other posts beside the story, before or after it, dates none of it
    (RECENT_POSTS + f'<div class="content"><h1>Neue Parks</h1><p class="meta">Veröffentlicht am 03.05.2019</p>'
     f'<p>{PARAGRAPH * 3}</p></div>', "2019-05-03"),
    (RECENT_POSTS + f'<div class="content"><h1>Neue Parks</h1><p>{PARAGRAPH * 3}</p></div>', None),
    (f'<div class="content"><h1>Neue Parks</h1><p>{PARAGRAPH * 3}</p></div>' + RECENT_POSTS, None),
    (f'<article><h1>Neue Parks</h1><p>{PARAGRAPH * 3}</p></article><div class="more"><h2>Mehr</h2><ul>'
     '<li><a href="/x">Andere</a> <time datetime="2019-04-01">1. April</time></li>'
     '<li><a href="/y">Noch andere</a> <time datetime="2019-04-02">2. April</time></li></ul></div>', None),
    (f'<article><h1>Neue Parks</h1><p>{PARAGRAPH * 3}</p></article><section class="more"><h2>Mehr</h2>'
     '<article><h3><a href="/x">Andere</a></h3><time datetime="2019-04-01">1. April</time></article>'
     '<article><h3><a href="/y">Noch andere</a></h3><time datetime="2019-04-02">2. April</time></article></section>',
     None),
    # the story's own list of facts: its date, a link to its category
    ('<article><h1>Neue Parks</h1><ul class="post-meta"><li class="date"><a href="/2019/05/03/">3. Mai 2019</a></li>'
     f'<li class="cat"><a href="/cat/p">Politik</a></li></ul><p>{PARAGRAPH * 3}</p></article>', "2019-05-03"),
])
def test_dates_in_lists_and_cards_of_other_posts_are_theirs(body, day):
    published = parse_html(page(body, html_attrs=' lang="de"'), "https://example.org/parks").published_at
    assert (published or "")[:10] == (day or "")


def test_an_archived_page_was_published_before_it_was_captured():
    # a template's later date, declared and in a <time>, outweighs the story's own line at its end
    html = page('<article><h1>Neue Kinosäle</h1>' + f'<p>{PARAGRAPH}</p>' * 8 + '<p class="date">07.08.2013</p>'
                '<p>Shared <time datetime="2019-01-01">recently</time></p></article>',
                head='<meta property="article:published_time" content="2019-01-01T00:00:00">', html_attrs=' lang="de"')
    assert parse_html(html, "http://www.example.ch/kino/").published_at[:10] == "2019-01-01"
    url = "https://web.archive.org/web/20140226054445/http://www.example.ch/kino/"
    assert parse_html(html, url).published_at[:10] == "2013-08-07"


def test_a_table_of_dated_rows_under_the_headline_is_a_schedule_but_a_layout_tables_byline_dates_the_page():
    results = page('<article><h1>Ergebnisse</h1><table><tr><td>12.05.2019</td><td>FC A – FC B</td><td>2:1</td></tr>'
                   f'<tr><td>19.05.2019</td><td>FC C – FC A</td><td>0:0</td></tr></table><p>{PARAGRAPH * 3}</p></article>')
    assert parse_html(results, "https://example.org/liga").published_at is None
    layout = page('<table><tr><td><h1>Ergebnisse</h1></td></tr><tr><td>by Jeff Foust Monday, November 18, 2019</td></tr>'
                  f'<tr><td><p>{PARAGRAPH * 3}</p></td></tr></table>')
    assert parse_html(layout, "https://example.org/liga").published_at == "2019-11-18"


@pytest.mark.parametrize(("line", "day"), [
    ("Termin: 12.06.2019, 15 Uhr", None), ("Einsendeschluss: 30.09.2019", None),
    ("Preis: 479 Euro · Marktstart: 24.04.2020", None), ('<span class="event-date">Wann: 12.06.2019</span>', None),
    ("Stand: 03.05.2019 10:15 Uhr", "2019-05-03"), ("Von: Jana Kraus, 03.05.2019", "2019-05-03"),
])
def test_a_date_another_label_gives_to_something_else_does_not_date_the_page(line, day):
    html = page(f'<article><h1>Sommerfest im Park</h1><p>{line}</p><p>{PARAGRAPH * 3}</p></article>',
                html_attrs=' lang="de"')
    assert (parse_html(html, "https://example.org/fest").published_at or "")[:10] == (day or "")


def test_a_publication_declared_after_the_declared_change_is_not_trusted():
    head = ('<meta property="article:published_time" content="2023-01-01T07:00:00+00:00">'
            '<meta property="article:modified_time" content="2022-12-29T13:25:00+00:00">')
    restamped = page(head=head, body=f'<article><h1>Colour of the year</h1><p>{PARAGRAPH * 3}</p></article>')
    doc = parse_html(restamped, "https://example.org/colour")
    # nothing but the change stamp is left, and a stamp only machines read dates no page on its own
    assert (doc.published_at, doc.modified_at) == (None, "2022-12-29T13:25:00")
    shown = page(head=head, body=f'<article><h1>Colour of the year</h1><p class="date">1 January 2023</p>'
                                 f'<p>{PARAGRAPH * 3}</p></article>')
    assert parse_html(shown, "https://example.org/colour").published_at[:10] == "2023-01-01"


@pytest.mark.parametrize("url", ["https://example.org/", "https://example.org/index.html",
                                 "https://web.archive.org/web/20160401095740/http://www.example.org/"])
def test_a_front_page_has_no_publication_date(url):
    html = page(head='<meta property="article:published_time" content="2014-09-25">',
                body=f'<div><h1>Welcome</h1><p>{PARAGRAPH * 3}</p></div>')
    assert parse_html(html, url).published_at is None
    assert parse_html(html, url + "?p=5031").published_at[:10] == "2014-09-25"


def test_dates_on_cards_of_other_stories_are_not_the_articles():
    cards = "".join(f'<article class="post-card"><h3>Story {n}</h3><div class="post-date">{n}. Juni 2022</div>'
                    f'<p>A short teaser about another story.</p></article>' for n in (22, 20, 8))
    body = f"<p>{PARAGRAPH}</p>" * 8
    html = page(f'<div class="entry"><h1>Battery storage</h1>{body}</div>{cards}')
    assert parse_html(html, "https://example.de/lexikon/battery").published_at is None


def test_a_slideshow_page_whose_slides_sit_in_a_marked_container_keeps_its_text():
    ticker = "".join(f"<div>Index {n} 17,546.65 -15.3</div>" for n in range(40))
    slides = "".join(f'<section class="slide"><h2>Slide {n}</h2><p>{PARAGRAPH}</p></section>' for n in range(3))
    html = page(f'<div class="band">{ticker}</div><h1>Ten things to know</h1>'
                f'<div class="published">09 Jun 2020, 02:32 PM IST</div><div class="slideshow">{slides}</div>')
    assert "committee" in parse_html(html, "https://example.org/slideshow/1").text


def test_a_forum_threads_date_is_its_opening_posts():
    def post(user, day, words):
        return (f'<div class="comment"><div class="comment-info"><b class="comment-author">{user}</b>'
                f'<span class="comment-time">{day}.09.19 12:44</span></div><div class="comment-text">'
                f'<p>{words} {PARAGRAPH}</p></div></div>')
    html = page(f'<div class="forum"><h1>App Store gone over mobile data?</h1>{post("mac", 28, "Any idea?")}'
                f'<h2>Replies</h2>{post("chris", 29, "Try this.")}{post("uli", 30, "Same here.")}</div>')
    doc = parse_html(html, "https://forum.example.de/thread/338679")
    assert (doc.published_at[:10], doc.authors) == ("2019-09-28", ["mac"])


def test_a_date_in_a_sentence_under_the_headline_is_an_events_not_the_pages():
    html = page(f'<div class="content"><h1>Regulars’ table</h1><p>The next meeting is on Wed. 5 February 2020 '
                f'from 7 pm in the Cafe Hurricane, as every month.</p><p>{PARAGRAPH * 3}</p></div>')
    assert parse_html(html, "https://wiki.example.de/Stammtisch").published_at is None


def test_a_wiki_footers_last_edit_is_its_modification_and_only_date():
    html = page(f'<div class="content"><h1>Regulars’ table</h1><p>{PARAGRAPH * 3}</p></div>'
                '<div id="footer"><ul><li>Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.</li>'
                '</ul></div>')
    doc = parse_html(html, "https://wiki.example.de/Stammtisch")
    assert (doc.modified_at, doc.published_at[:10]) == ("2020-01-29T13:22:00", "2020-01-29")


def test_commenters_and_site_credits_are_not_the_articles_authors():
    html = page(f'<article><h1>Cheap coffee</h1><p>{PARAGRAPH * 3}</p></article>'
                '<section class="comments"><div class="comment"><span class="comment-author">Montana</span>'
                f'<p>Great deal. {PARAGRAPH}</p></div></section>'
                '<footer><span class="theme-author">Cookely Theme by WPZOOM</span></footer>')
    assert parse_html(html, "https://deals.example.de/coffee").authors == []


def test_a_bare_published_by_label_gives_way_to_the_byline_that_names_someone():
    html = page(f'<article><h1>Parsing JSON fast</h1><p>{PARAGRAPH * 3}</p>'
                '<footer class="entry-footer"><span class="byline">Published by</span> '
                '<span class="author vcard">Daniel Roe</span></footer></article>')
    assert parse_html(html, "https://blog.example.org/json").authors == ["Daniel Roe"]


def test_a_declared_author_the_page_never_shows_is_not_the_byline():
    head = ('<meta name="author" content="Heinz Webmaster">'
            '<script type="application/ld+json">{"@type": "Article", "author": {"@type": "Person", '
            '"name": "Site Owner"}}</script>')
    hidden = page(f'<article><h1>Travel tips</h1><p>{PARAGRAPH * 3}</p></article>', head=head)
    assert parse_html(hidden, "https://travel.example.de/tips").authors == []
    shown = page(f'<article><h1>Travel tips</h1><p class="credit">Text: Heinz Webmaster</p><p>{PARAGRAPH * 3}</p>'
                 '</article>', head='<meta name="author" content="Heinz Webmaster">')
    assert parse_html(shown, "https://travel.example.de/tips").authors == ["Heinz Webmaster"]


@pytest.mark.parametrize("line", ["Politics | By Jane Doe | May 3, 2020", "06.11.2023 13:30 von Jane Doe"])
def test_a_byline_inside_a_short_line_under_the_headline(line):
    html = page(f'<article><h1>Markets rally again</h1><h2>{line}</h2><p>{PARAGRAPH * 3}</p></article>')
    assert parse_html(html, "https://news.example.org/markets").authors == ["Jane Doe"]


def test_a_title_with_by_in_it_under_the_headline_names_no_author():
    html = page(f'<article><h1>Markets rally again</h1><h2>Driven by Tech and Energy</h2><p>{PARAGRAPH * 3}</p>'
                '</article>')
    assert parse_html(html, "https://news.example.org/markets").authors == []


def test_a_handle_linked_to_a_social_profile_in_the_byline_is_no_part_of_the_name():
    html = page('<article><h1>Running shoes</h1><div class="entry-meta-author"><a href="/author/matthias/">Matthias'
                f'</a> <a href="https://twitter.com/nursematt">nursematt</a></div><p>{PARAGRAPH * 3}</p></article>')
    assert parse_html(html, "https://blog.example.de/shoes").authors == ["Matthias"]


def test_the_author_element_inside_a_byline_gives_the_name_not_the_outlet_beside_it():
    html = page('<article><h1>Teachers rally</h1><div class="byline-section"><div class="attribution">'
                '<span class="author">Tom Reed</span> <span class="publication">Midland Courier</span></div>'
                f'<div class="publish-date">Published 11:34 PM Nov 19, 2019</div></div><p>{PARAGRAPH * 3}</p></article>')
    assert parse_html(html, "https://news.example.org/rally").authors == ["Tom Reed"]


def test_a_dated_signed_line_at_the_end_of_a_post_names_its_author():
    html = page('<article><h1>Neue Kinosäle</h1>' + f'<p>{PARAGRAPH}</p>' * 8 +
                '<p class="postmetadata">Von J. K. am 07.08.2013 um 09:07 Uhr gespeichert unter Kino</p></article>',
                html_attrs=' lang="de"')
    assert parse_html(html, "https://blog.example.ch/kino").authors == ["J. K."]


def test_a_post_signed_after_its_date_at_the_end_is_dated_and_signed():
    html = page('<article><h1>Neue Parks</h1>' + f'<p>{PARAGRAPH}</p>' * 8 +
                '<p class="postmeta">Geschrieben am 3. Mai 2019 von Jana Kraus</p></article>'
                '<footer><p>© 2017 Von der See Werbeagentur.</p></footer>', html_attrs=' lang="de"')
    doc = parse_html(html, "https://blog.example.de/parks")
    assert (doc.published_at, doc.authors) == ("2019-05-03", ["Jana Kraus"])
    unsigned = page('<article><h1>Neue Parks</h1>' + f'<p>{PARAGRAPH}</p>' * 8 + '</article>'
                    '<footer><p>© 2017 Von der See Werbeagentur.</p></footer>', html_attrs=' lang="de"')
    assert parse_html(unsigned, "https://blog.example.de/parks").authors == []


def test_an_aspect_ratio_class_is_no_byline():
    html = page(f'<article><h1>Teachers rally</h1><p>{PARAGRAPH * 3}</p></article><aside>'
                '<div class="responsive-image responsive-image--16by9"><span>Video</span></div></aside>')
    assert parse_html(html, "https://news.example.org/rally").authors == []


def test_a_search_forms_from_field_is_no_author_label():
    html = page('<form class="search"><div>Nur Titel durchsuchen</div><div>Von:</div><div>Filter</div></form>'
                f'<article><h1>Raubfischrute im Test</h1><p>{PARAGRAPH * 3}</p><p>Autor: Jana Kraus</p></article>',
                html_attrs=' lang="de"')
    assert parse_html(html, "https://forum.example.de/rute").authors == ["Jana Kraus"]


def test_a_label_element_inside_a_byline_names_no_one():
    html = page('<article><h1>Damp windows</h1><p>' + PARAGRAPH * 3 + '</p><ul class="article-author">'
                '<li class="author-title">Artikel von:</li><li class="author"><address>Eva Roth</address></li></ul>'
                '</article>')
    assert parse_html(html, "https://haus.example.ch/fenster").authors == ["Eva Roth"]


@pytest.mark.parametrize(("lang", "day"), [("en-US", "2020-03-05"), ("en-GB", "2020-05-03"), ("de", "2020-05-03")])
def test_a_numeric_date_under_the_headline_is_read_in_the_pages_order(lang, day):
    html = page(f'<article><h1>Budget passes</h1><p class="date">03/05/2020</p><p>{PARAGRAPH * 3}</p></article>',
                html_attrs=f' lang="{lang}"')
    assert parse_html(html, "https://news.example.org/budget").published_at == day


def test_a_date_a_publication_label_introduces_anywhere_in_the_article_dates_it():
    body = (f'<article><h1>Garden tips</h1>{f"<p>{PARAGRAPH}</p>" * 8}<p>Veröffentlicht am 3. Mai 2021 in Garten</p>'
            '</article><section class="comments"><p>Posted on 9 May 2021 by a reader</p></section>')
    assert parse_html(page(body), "https://blog.example.de/garden").published_at == "2021-05-03"
    prose = (f'<article><h1>Garden tips</h1>{f"<p>{PARAGRAPH}</p>" * 8}<p>The study was published on 3 May 2021 '
             'by researchers who had followed the gardens for ten years.</p></article>')
    assert parse_html(page(prose), "https://blog.example.de/garden").published_at is None


def test_an_updated_stamp_under_the_headline_is_no_publication_date():
    html = page(f'<article><h1>Air quality worsens</h1><p class="stamp">Updated May 13, 2020, 10:28am EDT</p>'
                f'<p>{PARAGRAPH * 3}</p></article>',
                head='<meta property="article:published_time" content="2020-05-08T15:30:00-04:00">')
    assert parse_html(html, "https://news.example.org/air").published_at == "2020-05-08T15:30:00"


@pytest.mark.parametrize("head", [
    "<title>Merkel visits China | DW | 10.06.2013</title>",
    '<title>DW</title><meta property="og:title" content="Merkel visits China | DW | 10.06.2013">',
])
def test_a_declared_title_loses_the_site_name_and_date_at_its_end(head):
    html = page(f'<div class="story"><p>{PARAGRAPH * 3}</p></div>', head=head + '<meta property="og:site_name" content="DW">')
    assert parse_html(html, "https://www.dw.com/en/merkel-visits-china/a-1").title == "Merkel visits China"


def test_a_date_after_a_dash_stays_in_the_title():
    html = page(f'<div class="story"><p>{PARAGRAPH * 3}</p></div>', head="<title>Weekly report 14 - 20 January 2022</title>")
    assert parse_html(html, "https://example.ch/report").title == "Weekly report 14 - 20 January 2022"


@pytest.mark.parametrize(("html", "reason"), [
    (page(f'<h1>Not Found</h1><p>The requested URL was not found on this server. {PARAGRAPH}</p>',
          head="<title>404 Not Found</title>"), "status page"),
    (page('<h1>Apache Server Status for example.org</h1><dl><dt>Server Version: Apache/2.4.41 (Ubuntu) '
          f'OpenSSL/1.1.1f</dt><dt>Current Time: Tuesday, 19-Nov-2019 08:30:00 UTC</dt></dl><p>{PARAGRAPH}</p>',
          head="<title>Apache Status</title>"), "status page"),
    (page('<div ng-app="news"><h1>{{ article.title }}</h1><p class="lead">{{ article.lead }} — '
          'by {{ article.author.name }}</p><div>{{{ article.body }}}</div><p>{{ article.footer }}</p></div>'),
     "unrendered template"),
    (page('<h1>Archive</h1><ul>' + "".join(f'<li><a href="/post-{n}">Council meeting, part {n}</a>: minutes, '
                                           f'votes and motions of {n} May</li>' for n in range(1, 13)) + '</ul>'),
     "list of links"),
])
def test_pages_that_are_no_articles_say_why(html, reason):
    with pytest.raises(ParseError, match=reason):
        parse_html(html, "https://example.org/status")


def test_a_story_made_of_short_linked_lines_with_one_paragraph_of_prose_is_an_article():
    html = page(f'<h1>Council notes</h1><p>{PARAGRAPH}</p><ul>' +
                "".join(f'<li><a href="/post-{n}">Notes on the council meeting, part {n}</a></li>' for n in range(12))
                + '</ul>')
    assert parse_html(html, "https://example.org/notes").title == "Council notes"


def test_a_headline_about_an_error_is_still_an_article():
    html = page(f'<article><h1>Access denied: how the archive locked out its readers for a decade</h1>'
                f'<p>{PARAGRAPH * 3}</p></article>')
    assert parse_html(html, "https://example.org/archive").title.startswith("Access denied")


def test_a_body_shown_only_as_a_caption_falls_back_on_the_declared_article_body():
    story = [f"Paragraph {n} of the story. {PARAGRAPH}" for n in range(1, 6)]
    ld = json.dumps({"@type": "NewsArticle", "headline": "Port strike widens", "articleBody": "\n".join(story)})
    html = page('<article><h1>Port strike widens</h1><figure><img src="a.jpg"><p class="caption">Dock workers '
                'walked out on Monday. (Photo: J. Doe)</p></figure><p>Dock workers walked out on Monday. '
                '(Photo: J. Doe)</p></article>', head=f'<script type="application/ld+json">{ld}</script>')
    doc = parse_html(html, "https://news.example.org/port-strike")
    assert [b.text for b in doc.blocks] == [paragraph.strip() for paragraph in story]


def test_the_body_stops_where_teasers_for_other_stories_begin():
    def story(label, item):
        items = "".join(f"<p>{item.format(n=n)}</p>" for n in range(4))
        return page(f'<article><h1>Budget passes</h1><div class="body"><p>{PARAGRAPH * 3}</p><p>{PARAGRAPH * 2}</p>'
                    f'<p>{label}</p>{items}</div></article>')
    teasers = story("More Great Stories", '<a href="/s{n}">Another story number {n}</a> and why it matters to the city')
    text = parse_html(teasers, "https://news.example.org/budget").text
    assert "Another story" not in text and "More Great Stories" not in text
    references = story("Sources", '<a href="/r{n}">Report {n}</a> by the city council on parks and pools')
    assert "Report 3 by the city council" in parse_html(references, "https://news.example.org/budget").text


def test_the_body_stops_before_the_copyright_notice_and_newsletter_prompt_that_close_the_page():
    html = page(f'<article><h1>Budget passes</h1><div class="body"><p>{PARAGRAPH * 3}</p>'
                '<p>This article has been adapted from its original source.</p>'
                '<p>Copyright © 2019 Example TV. All rights reserved.</p>'
                '<p>Sign up to our newsletter for exclusive updates and enhanced content</p></div></article>')
    text = parse_html(html, "https://news.example.org/budget").text
    assert text.endswith("adapted from its original source.") and "Copyright" not in text


NEXT_STORY = ("Another council approved a stadium plan on Monday after months of debate, and the mayor said "
              "\"this is a great day\" for the town. ")


@pytest.mark.parametrize("body", [
    # a teaser of the next story after the article, marked as such
    f'<article><h1>Parks</h1><div class="body"><p>{PARAGRAPH * 3}</p><p>{PARAGRAPH * 2}</p></div></article>'
    f'<div class="next-article"><span>Next article</span><h2><a href="/y">Stadium plan approved</a></h2>'
    f'<p>{NEXT_STORY * 2}</p></div>',
    # inside the story's container, under its label alone
    f'<article><h1>Parks</h1><div class="body"><p>{PARAGRAPH * 3}</p><p>{PARAGRAPH * 2}</p><div>'
    f'<p>Read next</p><h3><a href="/y">Stadium plan approved</a></h3><p>{NEXT_STORY}</p></div></div></article>',
])
def test_the_body_stops_before_the_next_storys_teaser(body):
    text = parse_html(page(body), "https://news.example.org/parks").text
    assert "stadium" not in text and PARAGRAPH.strip() in text


def test_the_body_stops_at_related_coverage_late_in_it_linked_or_not():
    related = ('<h3>Artikel und Videos zum Thema</h3><p>Olympia 2022: Zeitplan der Nordischen Kombination</p>'
               '<table><tr><td>Mittwoch, 9. Februar</td><td>Einzel Normalschanze</td></tr>'
               '<tr><td>Dienstag, 15. Februar</td><td>Einzel Großschanze</td></tr></table>')
    late = page(f'<article><h1>Zwei Corona-Fälle</h1><div class="body"><p>{PARAGRAPH * 3}</p><p>{PARAGRAPH * 2}</p>'
                f'{related}</div></article>', html_attrs=' lang="de"')
    text = parse_html(late, "https://sport.example.de/olympia").text
    assert "Zeitplan" not in text and "Normalschanze" not in text and text.count("The committee met") == 5
    # early in the story, with most of the story after it, such a heading is the story's own
    early = page(f'<article><h1>Zwei Corona-Fälle</h1><div class="body"><p>{PARAGRAPH}</p>{related}'
                 f'<p>{PARAGRAPH * 3}</p><p>{PARAGRAPH * 2}</p></div></article>', html_attrs=' lang="de"')
    assert "Normalschanze" in parse_html(early, "https://sport.example.de/olympia").text


def test_a_sports_reports_up_next_section_is_its_own():
    html = page(f'<article><h1>Lakers win</h1><p>{PARAGRAPH * 3}</p><p>{PARAGRAPH * 2}</p><p>UP NEXT</p>'
                '<p>Thunder: Host the Lakers on Friday.</p><p>Lakers: Visit the Thunder on Friday.</p></article>')
    assert "Visit the Thunder" in parse_html(html, "https://news.example.org/lakers").text


def test_a_forms_sort_by_field_is_no_byline():
    html = page('<form class="search"><div class="form-item-sort-by"><label>Sort by</label><select><option>Relevance'
                f'</option><option>Date</option></select></div></form><article><h1>Port strike widens</h1>'
                f'<p>{PARAGRAPH * 3}</p></article>')
    assert parse_html(html, "https://news.example.org/port").authors == []


def test_without_a_confirming_title_the_headline_is_the_h1_over_the_story():
    html = page('<nav><h1>Hauptnavigation</h1><ul><li><a href="/a">Politik</a></li><li><a href="/b">Sport</a></li>'
                '</ul></nav><div class="promo-wrapper"><h1>Frauen im Katastrophenschutz</h1>'
                f'<p>{PARAGRAPH * 3}</p></div><aside><h1>Widget</h1><p>{PARAGRAPH}</p></aside>',
                head="<title>Startseite | Bundesanstalt</title>")
    assert parse_html(html, "https://www.example.de/meldung").title == "Frauen im Katastrophenschutz"


def test_without_an_h1_the_title_is_the_heading_over_the_story_not_the_sites_name():
    html = page('<header><div class="logo"><a href="/">Daily Example</a></div></header><div class="post">'
                f'<h2 class="entry-title"><a href="/parks">City votes on parks plan</a></h2><p>{PARAGRAPH * 3}</p></div>',
                head="<title>Daily Example</title>")
    assert parse_html(html, "https://www.dailyexample.com/parks").title == "City votes on parks plan"


def test_a_headline_only_screen_readers_read_is_not_the_title():
    teasers = "".join(f'<h2><a href="/s{n}">Story {n}</a></h2><p>{PARAGRAPH}</p>' for n in range(3))
    html = page(f'<h1 class="visually-hidden">The Ledger: latest news</h1><main>{teasers}</main>',
                head='<meta property="og:title" content="Politics and power">')
    assert parse_html(html, "https://ledger.example.org/politics").title == "Politics and power"


def test_the_sites_own_name_is_no_author():
    # declared as the site's name, as its publisher, or the <title>'s parts beside the headline
    title = "<title>Rioja wines | Iberian Wines in Berlin - Vinos and Tapas</title>"
    for head in ('<meta property="og:site_name" content="Iberian Wines"><meta name="author" content="Iberian Wines">',
                 '<meta name="author" content="Iberian Wines in Berlin - Vinos and Tapas">',
                 '<script type="application/ld+json">{"@type": "Article", "publisher": {"@type": "Organization", '
                 '"name": "Wine Shop Berlin"}, "author": {"@type": "Organization", "name": "Wine Shop Berlin"}}'
                 '</script>'):
        html = page(f'<article><h1>Rioja wines</h1><p>{PARAGRAPH * 3}</p><p>Iberian Wines in Berlin - Vinos and '
                    'Tapas, Wine Shop Berlin</p></article>', head=title + head)
        assert parse_html(html, "https://shop.example.de/rioja").authors == []


def test_a_person_who_publishes_their_own_site_stays_its_author():
    head = ('<script type="application/ld+json">{"@graph": [{"@type": "Article", "headline": "Do fish feel pain?", '
            '"author": {"@id": "#me"}, "publisher": {"@id": "#me"}}, {"@type": ["Person", "Organization"], '
            '"@id": "#me", "name": "Christa Hahn"}]}</script>')
    html = page(f'<article><h1>Do fish feel pain?</h1><div class="author-box"><a href="/about/">Christa Hahn</a>'
                f'</div><p>{PARAGRAPH * 3}</p></article>', head=head)
    assert parse_html(html, "https://angeln.example.de/fish").authors == ["Christa Hahn"]


def test_bylines_and_signed_lines_of_other_stories_name_no_author():
    related = ('<div class="related-posts"><h3>More stories</h3><ul><li><a href="/a">Budget vote</a>'
               '<span class="author">Kim Lee</span></li><li><a href="/b">Bridge reopens</a>'
               '<p>By Tom Reed</p></li></ul></div>')
    html = page(f'<article><h1>Parks plan advances</h1><p>{PARAGRAPH * 3}</p></article>{related}')
    assert parse_html(html, "https://news.example.org/parks").authors == []
    labelled = page(f'<article><h1>Parks plan advances</h1><p>{PARAGRAPH * 3}</p></article>'
                    '<div class="comments"><p>Autor: Kim Lee</p><p>Nice post!</p></div>')
    assert parse_html(labelled, "https://news.example.org/parks").authors == []


NEXT_QUOTE = "\u201cWe will not raise taxes again,\u201d the governor told reporters in the capital, as protests went on. "


@pytest.mark.parametrize("body", [
    # the next story loaded below as the reader scrolls: an <article> with a headline of the same rank
    f'<main><article><h1>Parks</h1><p>{PARAGRAPH * 3}</p></article>'
    f'<article><h1>Governor rules out tax rise</h1>' + f'<p>{NEXT_QUOTE * 2}</p>' * 5 + '</article></main>',
    # ... or under a label for the next story, longer than the story itself
    f'<main><article><h1>Parks</h1><p>{PARAGRAPH * 3}</p></article><div class="more"><h3>Next article</h3>'
    f'<article><h2>Governor rules out tax rise</h2>' + f'<p>{NEXT_QUOTE * 2}</p>' * 5 + '</article></div></main>',
    # in the story's own container, under the label and a headline of its own, unlinked
    f'<div class="content"><h1>Parks</h1><p>{PARAGRAPH * 3}</p><p>Read next</p><h2>Governor rules out tax rise</h2>'
    + f'<p>{NEXT_QUOTE * 2}</p>' * 5 + '</div>',
])
def test_the_body_stops_before_a_whole_next_story(body):
    text = parse_html(page(body), "https://news.example.org/parks").text
    assert "governor" not in text and PARAGRAPH.strip() in text


def test_sections_and_a_teaser_in_the_middle_of_a_story_stay_in_it():
    # sections set as <article>s under lesser headings, and a linked teaser early in the story
    html = page(f'<article><h1>Parks</h1><p>{PARAGRAPH * 2}</p><p>Read next</p><h3><a href="/t">Tax plan</a></h3>'
                f'<article><h2>Funding</h2><p>{PARAGRAPH * 3}</p></article>'
                f'<article><h2>Timeline</h2><p>{NEXT_QUOTE * 3}</p></article></article>')
    text = parse_html(html, "https://news.example.org/parks").text
    assert "Funding" in text and "governor" in text


def test_a_copyright_notice_naming_a_person_signs_a_page_no_byline_signs():
    def authors(notice: str, byline: str = "") -> list[str]:
        html = page(f'<article><h1>Film city</h1>{byline}<p>{PARAGRAPH * 3}</p>'
                    '<figure><img src="a.jpg"><figcaption>© 2019 Kim Lee</figcaption></figure>'
                    f'<p>{notice}</p></article><footer><p>Impressum</p></footer>', html_attrs=' lang="de"')
        return parse_html(html, "https://film.example.de/city").authors
    assert authors("© 2019 Sven Vogel") == ["Sven Vogel"]
    assert authors("Copyright © 2006-2008 by Jana Kraus.") == ["Jana Kraus"]
    # a firm, a picture's credit, a notice without its year, or a byline that signs the page
    assert authors("© 2019 Sven Vogel. Alle Rechte vorbehalten.") == ["Sven Vogel"]
    assert authors("© 2019 Vogel Mediengruppe") == []
    assert authors("© 2019 Sven Vogel Photography") == []
    assert authors("© 2019 Example Media GmbH") == []
    assert authors("") == []
    assert authors("© Sven Vogel") == []
    assert authors("© 2019 Sven Vogel", '<p class="byline">Von Jana Kraus</p>') == ["Jana Kraus"]


def test_author_elements_alike_side_by_side_name_every_author():
    html = page('<article><h1>Parks plan advances</h1><div class="post-info">By <a class="author-link" href="/a">'
                'Ana Ruiz</a> and <a class="author-link" href="/b">Bo Chen</a> | <span class="author-role">Editor'
                f'</span></div><p>{PARAGRAPH * 3}</p></article>')
    assert parse_html(html, "https://news.example.org/parks").authors == ["Ana Ruiz", "Bo Chen"]


def test_an_author_box_marked_up_as_a_person_is_not_the_story():
    bio = "Jana Kraus writes about wine and food for several magazines and has judged wine fairs for twenty years."
    for box in (f'<div class="box" itemprop="author" itemscope itemtype="https://schema.org/Person"><div><span '
                f'itemprop="name">Jana Kraus</span></div><div class="desc"><p>{bio}</p></div></div>',
                f'<section itemscope itemtype="http://schema.org/Person"><p>{bio}</p></section>'):
        html = page(f'<article><h1>Red wines</h1><div class="entry"><p>{PARAGRAPH * 3}</p><p>{PARAGRAPH * 2}</p>'
                    f'{box}</div></article>')
        text = parse_html(html, "https://wine.example.de/red").text
        assert "judged wine fairs" not in text and PARAGRAPH.strip() in text


@pytest.mark.parametrize("picture", [
    '<div class="image-box"><img src="a.jpg"><p class="to-image-box"><span class="copyright">Screenshot, Strava</span> '
    '{caption}</p></div>',
    '<div class="media"><img src="a.jpg"><small class="media-title"><span>{caption}</span><span class="img-credit">'
    '© Rike/pixelio.de</span></small></div>',
    '<p><img src="a.jpg"><strong class="caption"><span>{caption}</span></strong></p>',
])
def test_a_line_holding_a_caption_or_credit_element_is_a_caption(picture):
    caption = "Snow on the pass: the road stayed closed for two days after the storm"
    html = page(f'<article><h1>Snow</h1><div class="entry"><p>{PARAGRAPH * 3}</p>{picture.format(caption=caption)}'
                f'<p>{PARAGRAPH * 2}</p></div></article>')
    text = parse_html(html, "https://news.example.org/snow").text
    assert caption not in text and text.count(PARAGRAPH.strip()) == 5
    # a credit element inside a long paragraph leaves the paragraph to the story
    long = page(f'<article><h1>Snow</h1><div class="entry"><p>{PARAGRAPH * 3}<span class="credit">(dpa)</span></p>'
                f'<p>{PARAGRAPH * 2}</p></div></article>')
    assert parse_html(long, "https://news.example.org/snow").text.count(PARAGRAPH.strip()) == 5


def test_a_link_to_an_authors_page_names_the_author():
    def authors(before: str, after: str = "") -> list[str]:
        html = page(f'<nav><a href="/autoren/">Autoren</a> <a href="/autor/max-roe/">Max Roe</a></nav>'
                    f'<article><h1>Parks plan</h1>{before}<p>{PARAGRAPH * 3}</p>{after}</article>'
                    '<div class="related"><a href="/author/kim-lee/">Kim Lee</a></div>')
        return parse_html(html, "https://news.example.org/parks").authors
    assert authors('<div class="meta"><a href="/autor/jane-doe/">Jane Doe</a> | 03.05.2020</div>') == ["Jane Doe"]
    assert authors('<p><a href="https://news.example.org/authors/jane-doe">Jane Doe</a></p>') == ["Jane Doe"]
    # a quote's attribution, the navigation, a related story's: none is the byline
    assert authors("", '<blockquote><p>Parks for all.</p><a href="/author/ryan/">Ryan Roe, CEO</a></blockquote>') == []


@pytest.mark.parametrize("line", [
    '<p>Informationsschreiben vom 14. Oktober 2021PDF | 38 KB | Datei ist nicht barrierefrei</p>',
    '<p><a href="/r.pdf">Report</a> of the parks committee for the year 2021 (PDF, 1.2 MB)</p>',
    '<p>Impressum | Datenschutz | Copyright Jana Kraus | Kontakt</p>',
])
def test_a_download_link_or_a_row_of_legal_links_is_no_part_of_the_story(line):
    html = page(f'<article><h1>Tax forms</h1><div class="body"><p>{PARAGRAPH * 3}</p>{line}<p>{PARAGRAPH * 2}</p>'
                '</div></article>')
    text = parse_html(html, "https://amt.example.de/steuer").text
    assert "KB" not in text and "MB" not in text and "Datenschutz" not in text and text.count(PARAGRAPH.strip()) == 5


def test_an_author_box_with_a_bio_names_the_author_it_sets_apart():
    bio = "Jane Doe has covered city politics for the Example Times since 2015 and writes about parks and budgets."
    def authors(box: str) -> list[str]:
        html = page(f'<article><h1>Parks plan</h1><p>{PARAGRAPH * 3}</p>{box}</article>')
        return parse_html(html, "https://news.example.org/parks").authors
    assert authors(f'<div class="author-bio"><img src="j.jpg"><h4>Jane Doe</h4><p>{bio}</p></div>') == ["Jane Doe"]
    assert authors(f'<div class="author-info"><a href="/team/jane">Jane Doe</a><p>{bio}</p></div>') == ["Jane Doe"]
    assert authors(f'<div class="box"><h3>Über den Autor</h3><p><b>Jane Doe</b></p><p>{bio}</p></div>') == ["Jane Doe"]
    # the box's buttons are no names
    assert authors(f'<div class="author-info"><a href="/fav">Ihre Favoriten</a> <a href="/t">Tweet</a><p>{bio}</p>'
                   '</div>') == []


def test_a_forum_threads_opening_poster_is_named_also_inside_a_page_wide_form():
    post = '<div class="comment{first}"><div class="comment-info"><span class="user-name">{user}</span></div><p>{text}</p></div>'
    html = page('<form id="aspnetForm" action="/thread"><h1>No App Store over mobile data</h1>'
                + post.format(first=" comment-first", user="macuser", text=PARAGRAPH * 2)
                + post.format(first="", user="helper", text=PARAGRAPH) + '</form>')
    assert parse_html(html, "https://forum.example.de/thread").authors == ["macuser"]


def test_the_sites_name_in_another_word_order_is_no_author():
    head = ('<meta property="og:site_name" content="Bundestagsfraktion Bündnis 90/Die Grünen">'
            '<meta name="author" content="Bündnis 90/Die Grünen Bundestagsfraktion">')
    html = page(f'<article><h1>COP26 in Glasgow</h1><p>{PARAGRAPH * 3}</p><p>Bündnis 90/Die Grünen Bundestagsfraktion'
                '</p></article>', head=head, html_attrs=' lang="de"')
    assert parse_html(html, "https://fraktion.example.de/cop26").authors == []


def test_a_declared_author_that_is_the_headline_names_no_one():
    head = '<meta name="author" content="Iberian Wines in Berlin - Vinos and Tapas">'
    html = page(f'<article><h1>Iberian Wines in Berlin - Vinos and Tapas</h1><p>{PARAGRAPH * 3}</p></article>', head=head)
    assert parse_html(html, "https://wine.example.de/rioja").authors == []
    # a person's own page is headed by the name
    own = page(f'<article><h1>Jana Kraus</h1><p>{PARAGRAPH * 3}</p></article>', head='<meta name="author" content="Jana Kraus">')
    assert parse_html(own, "https://wine.example.de/jana").authors == ["Jana Kraus"]


def test_an_author_label_set_apart_without_a_colon_names_the_author():
    facts = ('<ul class="smallList"><li><strong>Date</strong> 10.06.2013</li><li><strong>Author</strong> Jane Doe (dpa, '
             'AFP)</li><li><strong>Related Subjects</strong> <a href="/de">Germany</a>, <a href="/muc">Munich</a></li></ul>')
    html = page(f'<div class="col3"><h1>Munich court rules on data</h1>{facts}<p>{PARAGRAPH * 3}</p></div>')
    assert parse_html(html, "https://news.example.org/court").authors == ["Jane Doe"]
    # and in a form around the whole page (ASP.NET's), a labelled line still names the author
    form = page(f'<form id="aspnetForm"><h1>Munich court rules on data</h1><p>{PARAGRAPH * 3}</p>'
                '<p>Autor: Jana Kraus</p></form>')
    assert parse_html(form, "https://news.example.org/court").authors == ["Jana Kraus"]


def test_an_author_declared_as_a_labelled_meta_pair_names_the_author():
    head = ('<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Christa Hahn">'
            '<meta name="twitter:label2" content="Geschätzte Lesezeit"><meta name="twitter:data2" content="8 Minuten">')
    html = page(f'<article><h1>Fühlen Fische Schmerz?</h1><p>{PARAGRAPH * 3}</p><div class="box"><b>Christa Hahn</b>'
                '</div></article>', head=head, html_attrs=' lang="de"')
    assert parse_html(html, "https://angeln.example.de/fische").authors == ["Christa Hahn"]


@pytest.mark.parametrize("byline", ['<div><p>By</p><p>Jane Doe</p></div>',
                                    '<ul><li>Von</li><li>Jane Doe</li><li>12.03.2020</li></ul>'])
def test_a_byline_prefix_alone_under_the_headline_takes_the_names_in_the_next_element(byline):
    html = page(f'<article><h1>Parks plan</h1>{byline}<p>{PARAGRAPH * 3}</p></article>')
    assert parse_html(html, "https://news.example.org/parks").authors == ["Jane Doe"]


def test_a_signed_line_anywhere_may_hold_a_name_particle():
    html = page('<article><h1>Neue Parks</h1>' + f'<p>{PARAGRAPH}</p>' * 8 + '<p>Von Jana von Kraus</p></article>',
                html_attrs=' lang="de"')
    assert parse_html(html, "https://blog.example.de/parks").authors == ["Jana von Kraus"]


def test_a_byline_line_in_the_story_container_is_not_the_story():
    def text(line: str) -> str:
        html = page(f'<article><h1>Meth campaign</h1><div class="body"><p>{line}</p><p>{PARAGRAPH * 3}</p></div></article>')
        return parse_html(html, "https://news.example.org/meth").text
    assert "Tess Bonn" not in text("By Tess Bonn - 11/19/19 06:56 AM EST")
    assert "Jana Kraus" not in text("Von Jana Kraus")
    # a title or a sentence that opens with the same word is the story's
    assert "Kopf bis Fuß" in text("Von Kopf bis Fuß: Frost-Schützer für Mountainbiker")
    assert "By 2030" in text("By 2030, the city will have planted ten thousand trees")
