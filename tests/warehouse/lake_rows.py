"""Rows for hand-built lakes: one article with its statements, speakers and stated relations."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from accord.warehouse import lake

DAY = date(2017, 4, 12)


def article(article_id: str, run_id: str, text: str = "Body text.", day: date = DAY) -> dict:
    return {"article_id": article_id, "url": f"https://example.org/{article_id}", "source": "test",
            "title": f"Title {article_id}", "authors": ["A. Writer"],
            "published_at": datetime.combine(day, datetime.min.time()).replace(hour=9),
            "text": text, "fetched_at": datetime(2017, 4, 12, 10), "run_id": run_id, "published_date": day}


def quote(article_id: str, run_id: str, speaker: str | None, text: str, start: int, stance: str,
          topics: list[str], day: date = DAY) -> dict:
    return {"quote_id": f"{article_id}-{start}", "article_id": article_id, "speaker": speaker,
            "speaker_mention": speaker, "kind": "direct", "text": text, "cue": "said", "sentence": text,
            "topics": topics, "start_char": start, "end_char": start + len(text), "stance": stance,
            "run_id": run_id, "published_date": day}


def speaker(article_id: str, run_id: str, name: str, affiliation: str, day: date = DAY) -> dict:
    return {"article_id": article_id, "speaker": name, "role": None, "affiliation": affiliation,
            "aliases": [name.split()[-1]], "kind": "person", "run_id": run_id, "published_date": day}


def agreement(article_id: str, run_id: str, topic: str, party_a: str, party_b: str, relation: str,
              level: str = "country", day: date = DAY, countries: tuple[str | None, str | None] = (None, None)
              ) -> dict:
    return {"agreement_id": f"{article_id}-{topic}-{party_a}-{party_b}", "article_id": article_id,
            "topic": topic, "party_a": party_a, "party_b": party_b, "relation": relation, "level": level,
            "evidence": f"{party_a} and {party_b} {relation} on {topic}.", "kind": relation, "directed": False,
            "cue": relation, "country_a": countries[0], "country_b": countries[1], "run_id": run_id,
            "published_date": day}


def write_article(data_dir: Path, article_id: str, run_id: str, text: str,
                  statements: list[tuple[str | None, str, str, list[str]]],
                  affiliations: dict[str, str], relations: list[tuple[str, str, str, str]] = (),
                  day: date = DAY) -> None:
    """One article's rows: each statement (speaker, words, stance, topics) must occur in `text`;
    each relation is (topic, party_a, party_b, relation) at country level."""
    lake.write_rows(data_dir, "articles", [article(article_id, run_id, text, day)], run_id)
    quotes = [quote(article_id, run_id, who, words, text.index(words), stance, topics, day)
              for who, words, stance, topics in statements]
    lake.write_rows(data_dir, "quotes", quotes, run_id)
    speakers = [speaker(article_id, run_id, name, country, day) for name, country in affiliations.items()]
    lake.write_rows(data_dir, "article_speakers", speakers, run_id)
    lake.write_rows(data_dir, "agreements", [agreement(article_id, run_id, *r, day=day) for r in relations],
                    run_id)


def snapshot(warehouse: Path) -> dict[str, list[str]]:
    """Every table and view a build makes from the lake, rows in a stable order. Raw tables
    are left out: compaction rightly drops the superseded and uncommitted rows they hold."""
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        names = [r[0] for r in con.execute("select table_name from information_schema.tables "
                                           "where table_name not like 'raw\\_%' escape '\\' "
                                           "order by table_name").fetchall()]
        return {name: sorted(map(repr, con.execute(f"select * from {name}").fetchall())) for name in names}
    finally:
        con.close()
