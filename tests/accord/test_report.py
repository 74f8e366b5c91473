"""The HTML report: built from a hand-made lake that plants a North Korea agreement and a Syria
disagreement between Lavrov (Russia) and Tillerson (United States)."""
from __future__ import annotations

import re
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from accord import cli
from accord.report import ReportData, render, score_color, write_report
from accord.warehouse import build, lake

RUN = "20170415T000000000000Z-test00"
LAVROV, TILLERSON, HALEY, WANG = "Sergey Lavrov", "Rex Tillerson", "Nikki Haley", "Wang Yi"
AFFILIATIONS = {LAVROV: "Russia", TILLERSON: "United States", HALEY: "United States", WANG: "China"}
PRESS_CONFERENCE = (
    'Moscow. Lavrov said: "We support new sanctions on North Korea." Tillerson said: "We also back '
    'sanctions on North Korea." On Syria they parted ways. Lavrov said: "The strike on Syria was an act '
    'of aggression." Tillerson said: "The strike on Syria was justified." Tillerson and Lavrov agreed on '
    'North Korea but disagreed on Syria.')
STRIKE = (
    'New York. Haley said: "The strike on Syria was the right response." Lavrov said: "We condemn the '
    'strike on Syria." Wang Yi said: "We support the sanctions on North Korea." Officials met again.')
# One lake article per (id, day, url, title, text, statements, stated relations).
ARTICLES = [
    ("press-conference", date(2017, 4, 12), "https://news.example/politics/tillerson-lavrov",
     'Tillerson & Lavrov: "a low point" <in> relations', PRESS_CONFERENCE,
     [(LAVROV, "We support new sanctions on North Korea.", "support", ["North Korea"]),
      (TILLERSON, "We also back sanctions on North Korea.", "support", ["North Korea"]),
      (LAVROV, "The strike on Syria was an act of aggression.", "oppose", ["Syria"]),
      (TILLERSON, "The strike on Syria was justified.", "support", ["Syria"])],
     [("North Korea", TILLERSON, LAVROV, "agree", "Tillerson and Lavrov agreed on North Korea"),
      ("Syria", TILLERSON, LAVROV, "disagree", "but disagreed on Syria")]),
    # the same story under another URL, a day later: a wire copy
    ("press-conference-copy", date(2017, 4, 13), "https://wire.example/2017/04/13/tillerson-lavrov",
     "Tillerson and Lavrov meet in Moscow", PRESS_CONFERENCE,
     [(LAVROV, "We support new sanctions on North Korea.", "support", ["North Korea"]),
      (TILLERSON, "We also back sanctions on North Korea.", "support", ["North Korea"]),
      (LAVROV, "The strike on Syria was an act of aggression.", "oppose", ["Syria"]),
      (TILLERSON, "The strike on Syria was justified.", "support", ["Syria"])],
     [("North Korea", TILLERSON, LAVROV, "agree", "Tillerson and Lavrov agreed on North Korea"),
      ("Syria", TILLERSON, LAVROV, "disagree", "but disagreed on Syria")]),
    ("missile-strike", date(2017, 4, 7), "https://news.example/politics/us-russia-syria-missile-strike",
     "US strikes Syrian airbase", STRIKE,
     [(HALEY, "The strike on Syria was the right response.", "support", ["Syria"]),
      (LAVROV, "We condemn the strike on Syria.", "oppose", ["Syria"]),
      (WANG, "We support the sanctions on North Korea.", "support", ["North Korea"])],
     []),
]


def write_planted_lake(data_dir: Path) -> None:
    for article_id, day, url, title, text, statements, relations in ARTICLES:
        row = {"run_id": RUN, "published_date": day, "article_id": article_id}
        lake.write_rows(data_dir, "articles", [{
            **row, "url": url, "source": "test", "title": title, "authors": ["A. Writer"],
            "published_at": datetime.combine(day, datetime.min.time()).replace(hour=9), "text": text,
            "fetched_at": datetime(2017, 4, 14, 10)}], RUN)
        lake.write_rows(data_dir, "quotes", [{
            **row, "quote_id": f"{article_id}-{text.index(words)}", "speaker": who, "speaker_mention": who,
            "kind": "direct", "text": words, "cue": "said", "sentence": words, "topics": topics,
            "start_char": text.index(words), "end_char": text.index(words) + len(words), "stance": stance}
            for who, words, stance, topics in statements], RUN)
        speakers = {who for who, *_ in statements}
        lake.write_rows(data_dir, "article_speakers", [{
            **row, "speaker": who, "role": None, "affiliation": AFFILIATIONS[who],
            "aliases": [who.split()[-1]], "kind": "person"} for who in sorted(speakers)], RUN)
        lake.write_rows(data_dir, "agreements", [{
            **row, "agreement_id": f"{article_id}-{topic}", "topic": topic, "party_a": a, "party_b": b,
            "relation": relation, "level": "person", "evidence": evidence,
            "country_a": AFFILIATIONS[a], "country_b": AFFILIATIONS[b]}
            for topic, a, b, relation, evidence in relations], RUN)
    lake.commit_run(data_dir, RUN)


@pytest.fixture(scope="module")
def planted_warehouse(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("planted")
    write_planted_lake(data_dir)
    return build.build(data_dir)


class Cells(HTMLParser):
    """The heatmap cells of a page: (topic, level, party_a, party_b) -> score, text and title."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[tuple[str, str, str, str], dict] = {}
        self.current: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "td" and "cell" in (attrs.get("class") or "").split():
            self.current = {"score": float(attrs["data-score"]), "title": attrs["title"], "text": ""}
            self.cells[attrs["data-topic"], attrs["data-level"], attrs["data-a"], attrs["data-b"]] = self.current

    def handle_endtag(self, tag):
        if tag == "td":
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current["text"] += data


def cells_of(page: str) -> dict:
    parser = Cells()
    parser.feed(page)
    return parser.cells


def test_the_heatmaps_show_agreement_on_north_korea_and_disagreement_on_syria(planted_warehouse, tmp_path):
    page = write_report(planted_warehouse, tmp_path / "report.html").read_text(encoding="utf-8")
    cells = cells_of(page)
    north_korea = cells["North Korea", "country", "Russia", "United States"]
    syria = cells["Syria", "country", "Russia", "United States"]
    assert north_korea["score"] > 0 and "agree" in north_korea["title"] and north_korea["text"].startswith("+")
    assert syria["score"] < 0 and "disagree" in syria["title"] and syria["text"].startswith("\u2212")
    assert cells["North Korea", "person", TILLERSON, LAVROV]["score"] > 0
    assert cells["Syria", "person", TILLERSON, LAVROV]["score"] < 0
    # a cell's colour follows its score: green for agreement, red for disagreement
    assert score_color(north_korea["score"]) in page and score_color(syria["score"]) in page


def test_every_cell_links_to_its_evidence_rendered_into_the_page(planted_warehouse, tmp_path):
    page = write_report(planted_warehouse, tmp_path / "report.html").read_text(encoding="utf-8")
    targets = re.findall(r'<td class="cell"[^>]*><a href="#(\w+)"', page)
    assert targets
    for target in targets:
        assert f'<section class="evidence" id="{target}"' in page
    syria = re.search(r'<section class="evidence" id="\w+" data-level="country" data-a="Russia" '
                      r'data-b="United States".*?</section>', page[page.index('data-topic="Syria"'):], re.S)
    evidence = syria.group(0)
    assert "but disagreed on Syria" in evidence
    assert 'href="https://news.example/politics/tillerson-lavrov"' in evidence
    # the wire copy states the same relation: one piece of evidence, listed once with both links
    assert evidence.count("but disagreed on Syria") == 1
    assert 'href="https://wire.example/2017/04/13/tillerson-lavrov">copy 2</a>' in evidence


def test_stances_trends_and_the_topic_index(planted_warehouse, tmp_path):
    page = write_report(planted_warehouse, tmp_path / "report.html").read_text(encoding="utf-8")
    syria = page[page.index('data-topic="Syria">'):]
    assert re.search(rf'<tr data-speaker="{LAVROV}" data-net="-1.0">', syria)
    assert re.search(rf'<tr data-speaker="{TILLERSON}" data-net="1.0">', syria)
    assert '<svg class="trend"' in syria and "2017-04-07" in syria
    assert page.count('<svg class="spark"') == 2


def test_scraped_text_is_escaped_and_only_web_links_are_live():
    page = render_one_pair(title='<script>alert(1)</script> & "x"', url="javascript:alert(1)")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;" in page
    assert 'href="javascript:' not in page


def test_a_topic_and_a_date_narrow_the_report(planted_warehouse, tmp_path):
    page = write_report(planted_warehouse, tmp_path / "r.html", topic="syria").read_text(encoding="utf-8")
    assert {key[0] for key in cells_of(page)} == {"Syria"}
    page = write_report(planted_warehouse, tmp_path / "r.html", since=date(2017, 4, 10)).read_text(encoding="utf-8")
    assert "We condemn the strike on Syria." not in page  # said on 7 April
    assert "but disagreed on Syria" in page
    assert 'data-speaker="Wang Yi"' not in page  # his one statement was on 7 April


def test_an_empty_warehouse_gives_a_page_saying_there_is_no_data_yet(tmp_path):
    out = write_report(build.build(tmp_path), tmp_path / "report.html")
    page = out.read_text(encoding="utf-8")
    assert "No data yet" in page and not cells_of(page)


def test_the_page_needs_no_network(planted_warehouse, tmp_path):
    page = write_report(planted_warehouse, tmp_path / "report.html").read_text(encoding="utf-8")
    assert not re.search(r'<(script|link|img|iframe)[^>]*\b(src|href)=', page)
    assert "@import" not in page and "url(" not in page


def test_the_command_writes_the_report_beside_the_warehouse(planted_warehouse, capsys):
    data_dir = planted_warehouse.parent
    assert cli.main(["report", "--data-dir", str(data_dir), "--topic", "North Korea"]) == 0
    assert (data_dir / "report.html").exists()
    assert str(data_dir / "report.html") in capsys.readouterr().out
    assert cli.main(["report", "--data-dir", str(data_dir / "nowhere")]) == 2


def render_one_pair(title: str, url: str) -> str:
    from accord.report import Copy, Evidence, Pair

    pair = Pair("Trade", "country", "A", "B", 0.5, 1, 1)
    data = ReportData(pairs=[pair], evidence={("Trade", "country", "A", "B"): (
        [Evidence("stated", None, 1.0, None, "A and B agree.", (Copy(url, title, None),))], 1)})
    return render(data, warehouse=Path("w.duckdb"), topic=None, since=None, generated_at=datetime(2017, 4, 15))


def test_a_crowded_topic_shows_the_parties_with_the_most_evidence():
    from accord.report import MAX_PARTIES, Pair

    parties = [f"P{n:02d}" for n in range(MAX_PARTIES + 10)]
    # P00 has the least evidence, P39 the most
    pairs = [Pair("Trade", "person", a, b, 0.0, i + j, 1)
             for i, a in enumerate(parties) for j, b in enumerate(parties) if a < b]
    page = render(ReportData(pairs=pairs), warehouse=Path("w.duckdb"), topic=None, since=None,
                  generated_at=datetime(2017, 4, 15))
    shown = {party for key in cells_of(page) for party in key[2:]}
    assert shown == set(parties[10:])
    assert f"The {MAX_PARTIES} with the most evidence, of {MAX_PARTIES + 10}." in page
    assert 'data-a="P00"' not in page  # nor its evidence


@pytest.mark.parametrize(("value", "shown"), [(0.5, "+0.50"), (-1.0, "\u22121.00"), (-0.001, "0.00"), (0.0, "0.00")])
def test_scores_read_with_a_sign_and_never_as_minus_zero(value, shown):
    from accord.report import signed

    assert signed(value) == shown


def test_a_pair_of_an_organisation_and_a_person_has_its_own_heatmap():
    from accord.report import Copy, Evidence, Pair

    pair = Pair("Trade", "party", "Ann Lee", "Farmers Union", -1.0, 1, 1)
    data = ReportData(pairs=[pair], evidence={("Trade", "party", "Ann Lee", "Farmers Union"): (
        [Evidence("stated", None, -1.0, None, "The Farmers Union criticized Ann Lee.",
                  (Copy("https://example.org/a", "A", None),))], 1)})
    page = render(data, warehouse=Path("w.duckdb"), topic=None, since=None, generated_at=datetime(2017, 4, 15))
    assert 'data-level="party" data-a="Ann Lee" data-b="Farmers Union"' in page
    assert "The Farmers Union criticized Ann Lee." in page
