"""`accord report`: one self-contained HTML page of who agrees with whom, per topic.

Per topic: country × country and speaker × speaker agreement heatmaps (pair_agreement),
each speaker's stance (speaker_topic_stance), the topic's stories and statements over time
(topic_trends), and the evidence behind every heatmap cell (agreement_evidence), rendered
into the page so it reads without JavaScript; a few lines of script only highlight the
evidence of the cell clicked. Every style and script is inline: the page needs no network.

Scores are figures over the whole history; `since` keeps the pairs, speakers, days and
evidence seen on or after that date, and `topic` one topic.
"""
from __future__ import annotations

import hashlib
import html
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

TEMPLATE = Path(__file__).with_name("report_template.html")
# the parties with the most evidence on a topic: a heatmap stays readable and the page small
MAX_PARTIES = 20
MAX_EVIDENCE_PER_PAIR = 8
LEVELS = (("country", "Countries"), ("person", "Speakers"), ("party", "Organisations, groups and people"))
# ColorBrewer RdYlGn ends and a near-white middle: disagreement red, agreement green
RED, WHITE, GREEN = (215, 48, 39), (247, 247, 247), (26, 152, 80)


@dataclass(frozen=True)
class Pair:
    topic: str
    level: str
    party_a: str
    party_b: str
    score: float
    evidence_count: int
    articles: int


@dataclass(frozen=True)
class Stance:
    speaker: str
    affiliation: str | None
    topic: str
    statements: int
    supports: int
    opposes: int
    net_stance: float


@dataclass(frozen=True)
class Day:
    day: date
    topic: str
    articles: int
    quotes: int


@dataclass(frozen=True)
class Copy:
    url: str | None
    title: str | None
    said_at: datetime | None


@dataclass(frozen=True)
class Evidence:
    kind: str  # stated | statement
    party: str | None
    signal: float | None
    text: str | None
    sentence: str | None
    copies: tuple[Copy, ...]


@dataclass
class ReportData:
    pairs: list[Pair] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    days: list[Day] = field(default_factory=list)
    # (topic, level, party_a, party_b) -> the newest pieces, and how many there are in all
    evidence: dict[tuple[str, str, str, str], tuple[list[Evidence], int]] = field(default_factory=dict)

    def topics(self) -> list[str]:
        """Topics with the most stories first."""
        stories: dict[str, int] = defaultdict(int)
        for day in self.days:
            stories[day.topic] += day.articles
        for row in (*self.pairs, *self.stances):
            stories.setdefault(row.topic, 0)
        return sorted(stories, key=lambda t: (-stories[t], t.lower()))


def write_report(warehouse: Path, out: Path, topic: str | None = None, since: date | None = None) -> Path:
    """Write the report of the warehouse to `out` (atomically: a reader never sees half a page)."""
    data = load(warehouse, topic, since)
    page = render(data, warehouse=warehouse, topic=topic, since=since, generated_at=datetime.now(UTC))
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    partial.write_text(page, encoding="utf-8")
    os.replace(partial, out)
    return out


def load(warehouse: Path, topic: str | None = None, since: date | None = None) -> ReportData:
    if not warehouse.exists():
        raise FileNotFoundError(f"no warehouse at {warehouse}: run `accord run` first")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        con.execute("set enable_progress_bar = false")  # the nightly log and the terminal want no bar
        present = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
        data = ReportData()
        # the same two filters on every table: the topic (case-insensitive) and the date
        where = "(?::varchar is null or lower(topic) = lower(?)) and (?::date is null or cast({} as date) >= ?)"

        def rows(table: str, sql: str, day_column: str) -> list[tuple]:
            if table not in present:
                return []
            return con.execute(sql.format(where=where.format(day_column)), [topic, topic, since, since]).fetchall()

        data.pairs = [Pair(*r) for r in rows("pair_agreement", """
            select topic, level, party_a, party_b, score, evidence_count, articles
            from pair_agreement where {where}""", "last_seen")]
        data.stances = [Stance(*r) for r in rows("speaker_topic_stance", """
            select speaker, affiliation, topic, statements, supports, opposes, net_stance
            from speaker_topic_stance where {where}
            order by statements desc, speaker""", "last_seen")]
        data.days = [Day(*r) for r in rows("topic_trends", """
            select day, topic, articles, quotes from topic_trends where {where} order by day""", "day")]
        # evidence of the pairs the heatmaps show only: the view lists every statement of
        # both parties for every pair, far too much to read for pairs no one can click
        by_heatmap: dict[tuple[str, str], list[Pair]] = defaultdict(list)
        for pair in data.pairs:
            by_heatmap[pair.topic, pair.level].append(pair)
        wanted = []
        for pairs in by_heatmap.values():
            shown = set(shown_parties(pairs)[0])
            wanted += [(p.topic, p.level, p.party_a, p.party_b) for p in pairs if {p.party_a, p.party_b} <= shown]
        if not wanted:
            return data
        con.register("wanted_pairs", pa.table(list(zip(*wanted, strict=True)),
                                              names=["topic", "level", "party_a", "party_b"]))
        # one piece per evidence_key (the copies of one statement or stated relation), its
        # copies listed with it; the newest pieces of each pair, stated relations first
        for r in rows("agreement_evidence", f"""
            with pieces as (
                select level, topic, party_a, party_b, evidence_kind,
                    arg_min(party, said_at) as party, arg_min(signal, said_at) as signal,
                    arg_min(text, said_at) as text, arg_min(sentence, said_at) as sentence,
                    list(struct_pack(url := url, title := title, said_at := said_at)
                         order by said_at nulls last, url) as copies,
                    max(said_at) as newest
                from agreement_evidence
                semi join wanted_pairs using (topic, level, party_a, party_b)
                where {{where}}
                group by level, topic, party_a, party_b, evidence_kind,
                    coalesce(evidence_key, concat_ws('|', article_id, quote_id, sentence))
            )
            select topic, level, party_a, party_b, evidence_kind, party, signal, text, sentence, copies,
                count(*) over pair as total
            from pieces
            window pair as (partition by topic, level, party_a, party_b)
            qualify row_number() over (pair order by evidence_kind = 'stated' desc, newest desc nulls last,
                                             sentence) <= {MAX_EVIDENCE_PER_PAIR}
            order by topic, level, party_a, party_b, evidence_kind = 'stated' desc, newest desc nulls last,
                sentence""", "said_at"):
            key, total = tuple(r[:4]), r[10]
            copies = tuple(Copy(c["url"], c["title"], c["said_at"]) for c in r[9])
            data.evidence.setdefault(key, ([], total))[0].append(Evidence(r[4], r[5], r[6], r[7], r[8], copies))
        return data
    finally:
        con.close()


# ---- rendering: pure functions of the data, returning HTML strings ----

def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def score_color(score: float) -> str:
    """Red at -1, white at 0, green at +1, linearly between."""
    score = max(-1.0, min(1.0, score))
    end = GREEN if score > 0 else RED
    weight = abs(score)
    return "#" + "".join(f"{round(w + (e - w) * weight):02x}" for w, e in zip(WHITE, end, strict=True))


def signed(value: float) -> str:
    """+0.50, −0.50 (a true minus sign), and 0.00 rather than −0.00 for a tiny negative."""
    rounded = round(value, 2)
    return "0.00" if rounded == 0 else f"{rounded:+.2f}".replace("-", "\u2212")


def anchor(*parts: str) -> str:
    """A stable element id for a topic, heatmap or pair, whatever characters the names hold."""
    return "k" + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:12]


def safe_url(url: str | None) -> str | None:
    """Only web links: a scraped javascript: or data: URL must not become a live link."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def relation(score: float) -> str:
    if score >= 0.5:
        return "agree"
    if score > 0:
        return "lean to agree"
    if score == 0:
        return "neither agree nor disagree"
    if score > -0.5:
        return "lean to disagree"
    return "disagree"


def render(data: ReportData, *, warehouse: Path, topic: str | None, since: date | None,
           generated_at: datetime) -> str:
    scope = [f"topic “{esc(topic)}”" if topic else "all topics"]
    if since:
        scope.append(f"pairs, speakers and evidence seen since {since.isoformat()}")
    topics = data.topics()
    if topics:
        body = render_index(data, topics) + "".join(render_topic(data, t) for t in topics)
    else:
        body = ('<section class="empty"><h2>No data yet</h2><p>The warehouse holds no statements '
                f'{"for this selection " if topic or since else ""}yet. Run <code>accord run</code> '
                'to fetch and parse the news, then write the report again.</p></section>')
    summary = (f"{len(topics):,} topic{'s' * (len(topics) != 1)}, "
               f"{sum(1 for p in data.pairs if p.level == 'person'):,} speaker pairs, "
               f"{sum(1 for p in data.pairs if p.level == 'country'):,} country pairs")
    values = {"scope": "; ".join(scope), "summary": summary, "legend": render_legend(), "body": body,
              "generated": esc(generated_at.strftime("%Y-%m-%d %H:%M UTC")), "warehouse": esc(warehouse)}
    # one pass, so that a quote which happens to contain "{{body}}" is left as it is
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], TEMPLATE.read_text(encoding="utf-8"))


def render_legend() -> str:
    stops = ", ".join(f"{score_color(s / 4)} {(s + 4) * 12.5:.1f}%" for s in range(-4, 5))
    return (f'<div class="legend" aria-label="colour scale"><span>disagree −1</span>'
            f'<span class="scale" style="background: linear-gradient(to right, {stops})"></span>'
            f'<span>+1 agree</span></div>')


def render_index(data: ReportData, topics: list[str]) -> str:
    by_topic: dict[str, list[Day]] = defaultdict(list)
    for day in data.days:
        by_topic[day.topic].append(day)
    rows = []
    for topic in topics:
        days = by_topic[topic]
        pairs = [p for p in data.pairs if p.topic == topic]
        rows.append(
            f'<tr><td><a href="#{anchor(topic)}">{esc(topic)}</a></td>'
            f'<td class="num">{sum(d.articles for d in days)}</td><td class="num">{sum(d.quotes for d in days)}</td>'
            f'<td class="num">{sum(1 for s in data.stances if s.topic == topic)}</td>'
            f'<td class="num">{len(pairs)}</td><td>{sparkline(days)}</td></tr>')
    return ('<nav class="index"><h2>Topics</h2><table><thead><tr><th>Topic</th><th>Stories</th>'
            '<th>Statements</th><th>Speakers</th><th>Pairs</th><th>Stories per day</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></nav>')


def render_topic(data: ReportData, topic: str) -> str:
    pairs = [p for p in data.pairs if p.topic == topic]
    shown = {level: shown_parties([p for p in pairs if p.level == level]) for level, _ in LEVELS}
    heatmaps = "".join(render_heatmap(title, [p for p in pairs if p.level == level], *shown[level])
                       for level, title in LEVELS)
    visible = {level: set(parties) for level, (parties, _) in shown.items()}
    pairs = [p for p in pairs if {p.party_a, p.party_b} <= visible[p.level]]
    days = [d for d in data.days if d.topic == topic]
    stances = [s for s in data.stances if s.topic == topic]
    return (f'<section class="topic" id="{anchor(topic)}" data-topic="{esc(topic)}">'
            f'<h2>{esc(topic)}</h2>'
            f'<div class="row">{heatmaps}</div>'
            f'<div class="row"><div class="panel"><h3>Over time</h3>{trend_chart(days)}</div>'
            f'<div class="panel"><h3>Where each speaker stands</h3>{render_stances(stances)}</div></div>'
            f'{render_evidence(data, topic, pairs)}</section>')


def shown_parties(pairs: list[Pair]) -> tuple[list[str], int]:
    """The MAX_PARTIES parties with the most evidence, in alphabetical order, and how many
    parties there are in all."""
    weight: dict[str, int] = defaultdict(int)
    for pair in pairs:
        weight[pair.party_a] += pair.evidence_count
        weight[pair.party_b] += pair.evidence_count
    return sorted(sorted(weight, key=lambda p: (-weight[p], p))[:MAX_PARTIES]), len(weight)


def render_heatmap(title: str, pairs: list[Pair], parties: list[str], all_parties: int) -> str:
    if not pairs:
        return f'<div class="panel"><h3>{title}</h3><p class="none">No pairs on this topic yet.</p></div>'
    level = pairs[0].level
    cells = {}
    for pair in pairs:
        cells[pair.party_a, pair.party_b] = cells[pair.party_b, pair.party_a] = pair
    head = "".join(f'<th class="col" scope="col"><div>{esc(p)}</div></th>' for p in parties)
    body = []
    for row in parties:
        tds = []
        for column in parties:
            pair = cells.get((row, column))
            if row == column:
                tds.append('<td class="self"></td>')
            elif pair is None:
                tds.append(f'<td class="blank" title="{esc(row)} and {esc(column)}: no evidence"></td>')
            else:
                tds.append(render_cell(pair))
        body.append(f'<tr><th scope="row">{esc(row)}</th>{"".join(tds)}</tr>')
    note = (f'<p class="note">The {len(parties)} with the most evidence, of {all_parties}.</p>'
            if all_parties > len(parties) else "")
    return (f'<div class="panel"><h3>{title}</h3><table class="heatmap" data-level="{level}">'
            f'<thead><tr><th></th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>{note}</div>')


def render_cell(pair: Pair) -> str:
    tip = (f"{pair.party_a} and {pair.party_b} on {pair.topic}: {signed(pair.score)}, they "
           f"{relation(pair.score)} ({pair.evidence_count} pieces of evidence in {pair.articles} "
           f"stor{'y' if pair.articles == 1 else 'ies'})")
    ink = "#fff" if abs(pair.score) > 0.55 else "#222"
    return (f'<td class="cell" style="background:{score_color(pair.score)};color:{ink}" title="{esc(tip)}" '
            f'data-topic="{esc(pair.topic)}" data-level="{pair.level}" data-a="{esc(pair.party_a)}" '
            f'data-b="{esc(pair.party_b)}" data-score="{pair.score}">'
            f'<a href="#{anchor(pair.topic, pair.level, pair.party_a, pair.party_b)}">{signed(pair.score)}</a></td>')


def render_stances(stances: list[Stance]) -> str:
    if not stances:
        return '<p class="none">No attributed statements on this topic yet.</p>'
    rows = []
    for s in stances:
        width = abs(s.net_stance) * 50
        left = 50 if s.net_stance >= 0 else 50 - width
        bar = (f'<svg class="stance" viewBox="0 0 100 12" width="100" height="12" role="img">'
               f'<title>net stance {signed(s.net_stance)}</title>'
               f'<rect x="0" y="5" width="100" height="2" fill="#e4e4e4"/>'
               f'<rect x="{left:.1f}" y="1" width="{width:.1f}" height="10" fill="{score_color(s.net_stance)}"/>'
               f'<line x1="50" x2="50" y1="0" y2="12" stroke="#888"/></svg>')
        rows.append(f'<tr data-speaker="{esc(s.speaker)}" data-net="{s.net_stance}"><td>{esc(s.speaker)}</td>'
                    f'<td>{esc(s.affiliation or "")}</td><td>{bar}</td><td class="num">{signed(s.net_stance)}</td>'
                    f'<td class="num">{s.supports}</td><td class="num">{s.opposes}</td>'
                    f'<td class="num">{s.statements}</td></tr>')
    return ('<table class="stances"><thead><tr><th>Speaker</th><th>For</th><th>oppose — support</th>'
            '<th>Net</th><th>Support</th><th>Oppose</th><th>Statements</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def render_evidence(data: ReportData, topic: str, pairs: list[Pair]) -> str:
    blocks = []
    for pair in sorted(pairs, key=lambda p: (p.level != "country", -abs(p.score), p.party_a, p.party_b)):
        pieces, total = data.evidence.get((pair.topic, pair.level, pair.party_a, pair.party_b), ([], 0))
        items = "".join(render_piece(piece) for piece in pieces)
        more = (f'<p class="note">The newest {len(pieces)} of {total} pieces of evidence; '
                f'<code>accord query</code> on agreement_evidence lists them all.</p>' if total > len(pieces) else "")
        blocks.append(
            f'<section class="evidence" id="{anchor(pair.topic, pair.level, pair.party_a, pair.party_b)}" '
            f'data-level="{pair.level}" data-a="{esc(pair.party_a)}" data-b="{esc(pair.party_b)}" '
            f'data-score="{pair.score}">'
            f'<h4><span class="swatch" style="background:{score_color(pair.score)}"></span>'
            f'{esc(pair.party_a)} and {esc(pair.party_b)}: {signed(pair.score)}, they {relation(pair.score)}'
            f' <small>({ {"country": "countries", "person": "speakers"}.get(pair.level, "parties")}; '
            f'{pair.evidence_count} pieces of evidence in {pair.articles} stor'
            f'{"y" if pair.articles == 1 else "ies"})</small> <a class="up" href="#{anchor(topic)}">↑</a></h4>'
            f'<ul>{items or "<li>No evidence since the chosen date.</li>"}</ul>{more}</section>')
    if not blocks:
        return ""
    return f'<details class="evidence-list" open><summary>Evidence behind every cell</summary>{"".join(blocks)}</details>'


def render_piece(piece: Evidence) -> str:
    if piece.kind == "stated":
        label = f'<span class="tag {"agree" if (piece.signal or 0) > 0 else "disagree"}">stated ' \
                f'{"agreement" if (piece.signal or 0) > 0 else "disagreement"}</span>'
    else:
        side = "supports" if (piece.signal or 0) > 0 else "opposes"
        label = f'<span class="tag {side}">{esc(piece.party)} {side}</span>'
    words = piece.sentence or piece.text or ""
    links = []
    for n, copy in enumerate(piece.copies):
        when = copy.said_at.date().isoformat() if copy.said_at else ""
        name = esc(copy.title or copy.url or "article") if n == 0 else f"copy {n + 1}"
        url = safe_url(copy.url)
        links.append(f'<a href="{esc(url)}">{name}</a>' if url else name)
        if n == 0 and when:
            links[-1] += f" <time>{when}</time>"
    return f'<li>{label} <q>{esc(words)}</q> <span class="src">{" · ".join(links)}</span></li>'


def trend_chart(days: list[Day], width: int = 420, height: int = 120) -> str:
    """Stories per day as bars and statements per day as a line, on one time axis."""
    if not days:
        return '<p class="none">No dated stories on this topic yet.</p>'
    first, last = days[0].day, days[-1].day
    span = max((last - first).days, 1)
    top = max(max(d.articles for d in days), max(d.quotes for d in days), 1)
    left, bottom, plot_w, plot_h = 30, height - 18, width - 40, height - 28
    bar = max(2.0, min(16.0, plot_w / (span + 1) * 0.8))

    def x(day: date) -> float:
        return left + plot_w * ((day - first).days / span if last != first else 0.5)

    def y(value: int) -> float:
        return bottom - plot_h * value / top

    bars = "".join(
        f'<rect x="{x(d.day) - bar / 2:.1f}" y="{y(d.articles):.1f}" width="{bar:.1f}" '
        f'height="{bottom - y(d.articles):.1f}" fill="#7aa6c2"><title>{d.day.isoformat()}: {d.articles} '
        f'stories, {d.quotes} statements</title></rect>' for d in days)
    line = " ".join(f"{x(d.day):.1f},{y(d.quotes):.1f}" for d in days)
    dots = "".join(f'<circle cx="{x(d.day):.1f}" cy="{y(d.quotes):.1f}" r="2.5" fill="#d9822b">'
                   f'<title>{d.day.isoformat()}: {d.quotes} statements</title></circle>' for d in days)
    return (f'<svg class="trend" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">'
            f'<line x1="{left}" x2="{left + plot_w}" y1="{bottom}" y2="{bottom}" stroke="#999"/>'
            f'<text x="{left - 4}" y="{y(top) + 4:.1f}" text-anchor="end">{top}</text>'
            f'<text x="{left - 4}" y="{bottom}" text-anchor="end">0</text>'
            f'<text x="{left}" y="{height - 4}">{first.isoformat()}</text>'
            f'<text x="{left + plot_w}" y="{height - 4}" text-anchor="end">{last.isoformat()}</text>'
            f'{bars}<polyline points="{line}" fill="none" stroke="#d9822b" stroke-width="1.5"/>{dots}</svg>'
            '<p class="key"><span class="k bars"></span>stories <span class="k line"></span>statements</p>')


def sparkline(days: list[Day], width: int = 120, height: int = 22) -> str:
    if not days:
        return ""
    first, last = days[0].day, days[-1].day
    span = max((last - first).days, 1)
    top = max(d.articles for d in days) or 1
    points = " ".join(f"{1 + (width - 2) * (d.day - first).days / span:.1f},"
                      f"{height - 2 - (height - 4) * d.articles / top:.1f}" for d in days)
    return (f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img">'
            f'<title>{first.isoformat()} to {last.isoformat()}: up to {top} stories a day</title>'
            f'<polyline points="{points}" fill="none" stroke="#3b6e8f" stroke-width="1.5"/></svg>')
