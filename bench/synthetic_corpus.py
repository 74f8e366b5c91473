"""A synthetic lake for the warehouse benchmark: many speakers, countries, topics and days,
with planted agreements and disagreements between countries, and wire copies.

    .venv/bin/python bench/synthetic_corpus.py DATA_DIR --quotes 100000

Speakers speak for countries and are quoted with Zipf-like frequency, each article on one
topic with a few speakers. On the planted topics two countries hold planted positions: their
speakers support the topic (or one side opposes it) in most statements, and some articles
state the relation outright. Everyone else's stance is noise. A share of the articles is
copied as wire copies (another URL, another outlet's boilerplate, the same statements), which
the warehouse must count once. Rows go through accord.warehouse.lake.write_rows, one run per day.
"""
from __future__ import annotations

import argparse
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from accord.warehouse import lake

COUNTRIES = [f"Country {n:02d}" for n in range(40)]
TOPICS = [f"Topic {n:02d}" for n in range(30)]
SPEAKERS = 600
DAYS = 90
QUOTES_PER_ARTICLE = 8
COPY_SHARE = 0.2
STANCE_NOISE = 0.15  # share of a planted speaker's statements that go the other way
STATED_SHARE = 0.3  # share of planted articles that state the relation outright
FILLER = ["the", "minister", "talks", "council", "week", "vote", "plan", "budget", "summit", "region", "border", "treaty", "markets", "security", "energy", "envoy", "press", "officials", "report", "crisis", "reform"]


@dataclass(frozen=True)
class Planted:
    topic: str
    party_a: str  # party_a < party_b, as pair_agreement orders them
    party_b: str
    sign: int  # +1 agreement, -1 disagreement


@dataclass
class Corpus:
    planted: list[Planted] = field(default_factory=list)
    articles: int = 0
    quotes: int = 0


def plant(chance: random.Random) -> list[Planted]:
    """On each of the first twenty topics, two countries agree (even topics) or disagree."""
    planted = []
    for n, topic in enumerate(TOPICS[:20]):
        a, b = sorted(chance.sample(COUNTRIES, 2))
        planted.append(Planted(topic, a, b, 1 if n % 2 == 0 else -1))
    return planted


def generate(data_dir: Path, quotes: int, seed: int = 20170412) -> Corpus:
    """Write about `quotes` statements (copies included) to the lake under data_dir."""
    chance = random.Random(seed)
    corpus = Corpus(planted=plant(chance))
    speakers = [(f"Speaker {n:04d}", COUNTRIES[n % len(COUNTRIES)]) for n in range(SPEAKERS)]
    weights = [1 / (rank + 1) ** 0.8 for rank in range(SPEAKERS)]
    by_country = defaultdict(list)
    for name, country in speakers:
        by_country[country].append(name)
    # a planted country's speakers take its side on the topic; a stated relation names it
    positions = {}
    for p in corpus.planted:
        positions[(p.topic, p.party_a)] = 1
        positions[(p.topic, p.party_b)] = p.sign
    planted_on = {p.topic: p for p in corpus.planted}

    originals = round(quotes / QUOTES_PER_ARTICLE / (1 + COPY_SHARE))
    start = date(2017, 1, 1)
    rows_by_day = defaultdict(lambda: defaultdict(list))
    for n in range(originals):
        day = start + timedelta(days=chance.randrange(DAYS))
        topic = chance.choice(TOPICS)
        cast = chance.choices(speakers, weights, k=3)
        planted = planted_on.get(topic)
        if planted and chance.random() < 0.5:
            # half of a planted topic's articles quote both planted countries
            cast[:2] = [(chance.choice(by_country[c]), c) for c in (planted.party_a, planted.party_b)]
        statements = []
        for k in range(QUOTES_PER_ARTICLE):
            who, country = cast[k % len(cast)]
            position = positions.get((topic, country))
            if position is None:
                stance = chance.choice(("support", "oppose", "neutral"))
            else:
                side = position if chance.random() > STANCE_NOISE else -position
                stance = "support" if side > 0 else "oppose"
            words = f"On {topic.lower()} we say {n}-{k}: {' '.join(chance.choices(FILLER, k=6))}."
            statements.append((who, country, words, stance))
        stated = planted and chance.random() < STATED_SHARE
        copies = 2 if chance.random() < COPY_SHARE else 1
        for copy in range(copies):
            article_id = f"s{n:07d}" + (f"-copy{copy}" if copy else "")
            add_article(rows_by_day[day], article_id, day, topic, statements,
                        planted if stated else None, boilerplate=copy)
            corpus.articles += 1
            corpus.quotes += len(statements)

    for day, tables in sorted(rows_by_day.items()):
        run_id = f"{day:%Y%m%d}T000000Z-bench"
        for table, rows in tables.items():
            lake.write_rows(data_dir, table, rows, run_id)
        lake.commit_run(data_dir, run_id)
    return corpus


def add_article(tables: dict[str, list[dict]], article_id: str, day: date, topic: str,
                statements: list[tuple[str, str, str, str]], stated: Planted | None, boilerplate: int) -> None:
    common = {"article_id": article_id, "run_id": f"{day:%Y%m%d}T000000Z-bench", "published_date": day}
    text = ["Sign up for our newsletter." if boilerplate else "From our correspondent."]
    offset = len(text[0]) + 1
    for k, (who, _, words, stance) in enumerate(statements):
        lead = f"{who} said: "
        tables["quotes"].append({
            **common, "quote_id": f"{article_id}-{k}", "speaker": who, "speaker_mention": who,
            "kind": "direct", "text": words, "cue": "said", "sentence": lead + words, "topics": [topic],
            "start_char": offset + len(lead), "end_char": offset + len(lead) + len(words), "stance": stance})
        text.append(lead + words)
        offset += len(lead) + len(words) + 1
    if stated:
        relation = "agree" if stated.sign > 0 else "disagree"
        evidence = f"{stated.party_a} and {stated.party_b} {relation} on {topic.lower()}."
        tables["agreements"].append({
            **common, "agreement_id": f"{article_id}-stated", "topic": topic, "party_a": stated.party_a,
            "party_b": stated.party_b, "relation": relation, "level": "country", "evidence": evidence})
        text.append(evidence)
    published = datetime.combine(day, datetime.min.time()) + timedelta(hours=9)
    tables["articles"].append({
        **common, "url": f"https://news{boilerplate}.example/{article_id}", "source": f"news{boilerplate}",
        "title": f"{topic}: article {article_id}", "authors": ["Bench Writer"], "published_at": published,
        "text": " ".join(text), "fetched_at": published, "parser_version": "bench"})
    for who, country in sorted({(who, country) for who, country, _, _ in statements}):
        tables["article_speakers"].append({**common, "speaker": who, "role": None, "affiliation": country,
                                           "aliases": [], "kind": "person"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--quotes", type=int, default=100_000)
    args = parser.parse_args()
    corpus = generate(args.data_dir, args.quotes)
    print(f"{corpus.articles} articles, {corpus.quotes} quotes, {len(corpus.planted)} planted relations "
          f"in {args.data_dir}")


if __name__ == "__main__":
    main()
