"""The warehouse build: lake rows in, contract tables and models out, swapped in atomically."""
from __future__ import annotations

import shutil

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from lake_rows import DAY, agreement, article, quote, speaker, write_article

from accord.settings import SQL_DIR
from accord.warehouse import build, lake
from accord.warehouse.schemas import TABLES


def write_run(data_dir, run_id: str, commit: bool = True, text: str = "We agree. We object.") -> None:
    lake.write_rows(data_dir, "articles", [article("a1", run_id, text)], run_id)
    lake.write_rows(data_dir, "quotes", [
        quote("a1", run_id, "Ann Lee", "We agree.", 0, "support", ["Trade"]),
        quote("a1", run_id, "Bob Roe", "We object.", 10, "oppose", ["Trade"]),
    ], run_id)
    lake.write_rows(data_dir, "article_speakers", [speaker("a1", run_id, "Ann Lee", "Freedonia"),
                                                   speaker("a1", run_id, "Bob Roe", "Sylvania")], run_id)
    lake.write_rows(data_dir, "agreements", [agreement("a1", run_id, "Trade", "Ann Lee", "Bob Roe", "disagree",
                                                       "person", countries=("Freedonia", "Sylvania"))], run_id)
    if commit:
        lake.commit_run(data_dir, run_id)


def table(path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_contract_tables_and_models_are_built(tmp_path):
    write_run(tmp_path, "r1")
    path = build.build(tmp_path)
    names = {r[0] for r in table(path, "select table_name from information_schema.tables")}
    assert {"articles", "quotes", "speakers", "agreements", "fetch_log", "speaker_topic_stance",
            "pair_agreement", "topic_trends", "agreement_evidence", "article_groups"} <= names
    # a relation between two who speak for their states counts for the states too
    scores = table(path, "select level, party_a, party_b, score from pair_agreement order by level")
    assert scores == [("country", "Freedonia", "Sylvania", -1.0), ("person", "Ann Lee", "Bob Roe", -1.0)]


def test_domestic_rivals_are_not_pooled_into_their_country(tmp_path):
    lake.write_rows(tmp_path, "articles", [article("a1", "r1", "Lee criticized Roe.")], "r1")
    lake.write_rows(tmp_path, "agreements", [
        agreement("a1", "r1", "Trade", "Ann Lee", "Bob Roe", "disagree", "person", countries=(None, None)),
        agreement("a1", "r1", "Tax", "Ann Lee", "Cy Doe", "disagree", "person", countries=("Freedonia", "Freedonia")),
    ], "r1")
    lake.commit_run(tmp_path, "r1")
    path = build.build(tmp_path)
    assert table(path, "select distinct level from pair_agreement") == [("person",)]


@pytest.mark.parametrize(("relations", "verdict"), [
    (["agree", "disagree"], "mixed"),
    (["agree", "disagree", "disagree"], "disagree"),
    (["agree", "agree", "agree", "disagree"], "agree"),
    (["disagree"], "disagree"),
])
def test_a_pair_whose_relations_point_both_ways_is_mixed(tmp_path, relations, verdict):
    stories = ["Lee and Roe met in May.", "Roe wrote to Lee about the port.", "A tariff row split the two.",
               "Lee praised the harbour plan on radio."]
    for n, relation in enumerate(relations):  # separate stories, not copies of one
        lake.write_rows(tmp_path, "articles", [article(f"a{n}", "r1", stories[n])], "r1")
        lake.write_rows(tmp_path, "agreements", [
            agreement(f"a{n}", "r1", "Trade", "Ann Lee", "Bob Roe", relation, "person", countries=(None, None))], "r1")
    lake.commit_run(tmp_path, "r1")
    path = build.build(tmp_path)
    agreeing = relations.count("agree")
    assert table(path, "select agreeing, disagreeing, verdict from pair_agreement") == [
        (agreeing, len(relations) - agreeing, verdict)]


def test_rebuilding_the_same_lake_changes_nothing(tmp_path):
    write_run(tmp_path, "r1")
    first = table(build.build(tmp_path), "select * from quotes order by quote_id")
    second = table(build.build(tmp_path), "select * from quotes order by quote_id")
    assert first == second and len(first) == 2


def test_reparsing_an_article_replaces_its_rows(tmp_path):
    write_run(tmp_path, "r1", text="We agree. We object.")
    write_run(tmp_path, "r2", text="We agree. We object. Updated.")
    path = build.build(tmp_path)
    assert table(path, "select text from articles") == [("We agree. We object. Updated.",)]
    assert table(path, "select count(*) from quotes") == [(2,)]
    assert table(path, "select count(*) from agreements") == [(1,)]


def test_rows_of_an_uncommitted_run_stay_invisible(tmp_path):
    write_run(tmp_path, "r1")
    write_run(tmp_path, "r2", commit=False, text="half-written")
    path = build.build(tmp_path)
    assert table(path, "select text, count(*) over () from articles") == [("We agree. We object.", 1)]


def test_a_failing_data_check_keeps_the_previous_warehouse(tmp_path):
    write_run(tmp_path, "r1")
    path = build.build(tmp_path)
    before = path.read_bytes()
    lake.write_rows(tmp_path, "quotes", [quote("a1", "r1", "Ann Lee", "not in the text", 3, "neutral", [])],
                    "r1")
    with pytest.raises(build.DataCheckFailed, match="quotes_point_into_their_article"):
        build.build(tmp_path)
    assert path.read_bytes() == before


def test_a_half_built_warehouse_left_by_a_killed_build_is_replaced(tmp_path):
    write_run(tmp_path, "r1")
    building = tmp_path / f".{build.WAREHOUSE_FILE}.building"
    building.write_bytes(b"not a database")
    path = build.build(tmp_path)
    assert not building.exists()
    assert table(path, "select count(*) from quotes") == [(2,)]


def test_every_schema_builds_an_empty_table(tmp_path):
    path = build.build(tmp_path)
    for name in TABLES:
        assert table(path, f"select count(*) from raw_{name}") == [(0,)]


def test_files_written_before_a_column_existed_still_load(tmp_path):
    write_run(tmp_path, "r1")
    # an older writer's quotes file: the same rows, without the columns added since
    older = lake.to_table("quotes", [quote("a2", "r0", "Ann Lee", "We agree.", 0, "support", ["Trade"])])
    older = older.drop_columns(["section", "stance", "published_date"])
    folder = tmp_path / "lake" / "quotes" / f"published_date={DAY}"
    pq.write_table(older, folder / "r0-00000000.parquet")
    lake.write_rows(tmp_path, "articles", [article("a2", "r0", "We agree.")], "r0")
    lake.commit_run(tmp_path, "r0")
    path = build.build(tmp_path)
    assert table(path, "select quote_id, section, stance from quotes where article_id = 'a2'") == [
        ("a2-0", None, None)]
    assert table(path, "select count(*) from quotes") == [(3,)]


def pairs_grouper(groups: dict[str, str]):
    """A stand-in for the near-duplicate grouper: the groups given, every other article alone."""
    def group(items):
        return {article_id: groups.get(article_id, article_id) for article_id, _ in items}
    return group


BOILERPLATE = ("Sign up for our newsletter. ", "Reporting by Wire Desk; editing by Night Desk. ")


def write_wire_copies(data_dir) -> None:
    """One story in three copies (light edits, other boilerplate, other URLs) and one other story."""
    parties = {"Ann Lee": "Freedonia", "Bob Roe": "Sylvania"}
    for n, (article_id, ann, bob) in enumerate([
        ("w1", "We will defend free trade.", "Tariffs are the answer."),
        ("w2", "“we will  defend FREE trade”", "tariffs are the answer,"),
        ("w3", "We will defend free trade", "Tariffs are the answer!"),
    ]):
        text = f"{BOILERPLATE[n % 2]}Ann Lee said: {ann} Bob Roe replied: {bob}"
        write_article(data_dir, article_id, "r1", text,
                      [("Ann Lee", ann, "support", ["Trade"]), ("Bob Roe", bob, "oppose", ["Trade"])],
                      parties, [("Trade", "Freedonia", "Sylvania", "disagree")])
    other = "Ann Lee said: Free trade lifts every boat."
    write_article(data_dir, "o1", "r1", other, [("Ann Lee", "Free trade lifts every boat.", "support",
                                                 ["Trade"])], parties)
    lake.commit_run(data_dir, "r1")


def test_syndicated_copies_count_each_statement_once(tmp_path):
    write_wire_copies(tmp_path)
    path = build.build(tmp_path, group_articles=pairs_grouper({"w2": "w1", "w3": "w1"}))
    assert table(path, "select article_id, group_id, copies from article_groups order by article_id") == [
        ("o1", "o1", 1), ("w1", "w1", 3), ("w2", "w1", 3), ("w3", "w1", 3)]
    assert table(path, "select count(*) from articles") == [(4,)]  # no copy dropped
    assert table(path, "select speaker, statements, supports, opposes, net_stance from speaker_topic_stance "
                       "order by speaker") == [("Ann Lee", 2, 2, 0, 1.0), ("Bob Roe", 1, 0, 1, -1.0)]
    assert table(path, "select articles, quotes, speakers from topic_trends") == [(2, 3, 2)]
    # one stated disagreement (three copies of one story); stances are described, not scored
    assert table(path, "select score, evidence_count, articles, stated_count, statements from pair_agreement "
                       "where level = 'country'") == [(-1.0, 1, 1, 1, 0)]


def test_agreement_evidence_lists_every_copy(tmp_path):
    write_wire_copies(tmp_path)
    path = build.build(tmp_path, group_articles=pairs_grouper({"w2": "w1", "w3": "w1"}))
    rows = table(path, "select evidence_kind, count(*), count(distinct evidence_key), count(distinct url) "
                       "from agreement_evidence group by evidence_kind")
    assert rows == [("stated", 3, 1, 3)]
    urls = table(path, "select distinct url from agreement_evidence where level = 'country' "
                       "and evidence_kind = 'stated' order by url")
    assert urls == [(f"https://example.org/w{n}",) for n in (1, 2, 3)]


def test_the_near_duplicate_grouper_links_wire_copies(tmp_path):
    story = " ".join(f"Paragraph {n} of the wire story about the trade talks in the capital."
                     for n in range(40))
    for n, article_id in enumerate(("w1", "w2")):
        text = f"{BOILERPLATE[n]}{story} Ann Lee said: We will defend free trade."
        write_article(tmp_path, article_id, "r1", text, [("Ann Lee", "We will defend free trade.", "support",
                                                          ["Trade"])], {"Ann Lee": "Freedonia"})
    lake.commit_run(tmp_path, "r1")
    path = build.build(tmp_path)
    assert table(path, "select count(distinct group_id), count(*) from article_groups") == [(1, 2)]
    assert table(path, "select statements from speaker_topic_stance") == [(1,)]


def test_stances_alone_make_no_agreement_figure(tmp_path):
    # both sides "oppose" something on Syria, yet the article says they disagree on it; on
    # North Korea they are stated to agree and both support denuclearisation; on Trade they
    # both "oppose" and nothing relates them
    text = ("Lavrov said: We oppose the strikes. Tillerson said: We oppose the regime. "
            "Lavrov said: Denuclearisation is right. Tillerson said: Denuclearisation is vital.")
    statements = [("Sergei Lavrov", "We oppose the strikes.", "oppose", ["Syria"]),
                  ("Rex Tillerson", "We oppose the regime.", "oppose", ["Syria"]),
                  ("Sergei Lavrov", "Denuclearisation is right.", "support", ["North Korea"]),
                  ("Rex Tillerson", "Denuclearisation is vital.", "support", ["North Korea"]),
                  ("Sergei Lavrov", "We oppose the strikes.", "oppose", ["Trade"]),
                  ("Rex Tillerson", "We oppose the regime.", "oppose", ["Trade"])]
    write_article(tmp_path, "s1", "r1", text, statements,
                  {"Sergei Lavrov": "Russia", "Rex Tillerson": "United States"},
                  [("Syria", "United States", "Russia", "disagree"),
                   ("North Korea", "Russia", "United States", "agree")])
    lake.commit_run(tmp_path, "r1")
    path = build.build(tmp_path)
    scores = dict(table(path, "select topic, score from pair_agreement where level = 'country' "
                              "and party_a = 'Russia' and party_b = 'United States'"))
    assert scores == {"North Korea": 1.0, "Syria": -1.0}
    assert table(path, "select count(*) from pair_agreement where level = 'person'") == [(0,)]


def test_the_arrow_schema_types_every_raw_column(tmp_path):
    path = build.build(tmp_path)
    con = duckdb.connect(str(path), read_only=True)
    try:
        for name, (schema, _) in TABLES.items():
            arrow = con.sql(f"select * from raw_{name}").to_arrow_table()
            assert arrow.schema.names == schema.names
            assert all(arrow.schema.field(f.name).type in (f.type, pa.large_string()) for f in schema
                       if not pa.types.is_list(f.type))
    finally:
        con.close()


def test_a_figure_the_evidence_does_not_add_up_to_fails_the_build(tmp_path):
    sql_dir = tmp_path / "sql"
    shutil.copytree(SQL_DIR, sql_dir)
    model = sql_dir / "marts" / "pair_agreement.sql"
    model.write_text(model.read_text().replace("stated_count as evidence_count",
                                               "stated_count + 1 as evidence_count"))
    write_run(tmp_path, "r1")
    with pytest.raises(build.DataCheckFailed, match="agreement_evidence_adds_up"):
        build.build(tmp_path, sql_dir)


def test_every_speaker_has_its_stance_people_organisations_and_countries(tmp_path):
    text = "Russia said: We back the talks. The Kremlin said: We oppose the strikes."
    lake.write_rows(tmp_path, "articles", [article("k1", "r1", text)], "r1")
    lake.write_rows(tmp_path, "quotes", [
        quote("k1", "r1", "Russia", "We back the talks.", text.index("We back the talks."), "support", ["Syria"]),
        quote("k1", "r1", "Kremlin", "We oppose the strikes.", text.index("We oppose the strikes."), "oppose",
              ["Syria"]),
    ], "r1")
    lake.write_rows(tmp_path, "article_speakers", [
        {**speaker("k1", "r1", "Russia", None), "kind": "country"},
        {**speaker("k1", "r1", "Kremlin", "Russia"), "kind": "organisation"},
    ], "r1")
    lake.commit_run(tmp_path, "r1")
    stances = table(build.build(tmp_path), "select speaker, net_stance from speaker_topic_stance order by speaker")
    assert stances == [("Kremlin", -1.0), ("Russia", 1.0)]


def title_claim(run_id: str, start: int = 6) -> dict:
    """Ann Lee's claim in the title "Title a1": the words "a1", offsets into the title."""
    row = quote("a1", run_id, "Ann Lee", "a1", start, "oppose", ["Trade"])
    return {**row, "quote_id": "a1-title", "kind": "indirect", "cue": ":", "sentence": "Title a1", "in_title": True}


def test_a_headlines_claim_points_into_the_title_and_is_not_counted_again(tmp_path):
    write_run(tmp_path, "r1")
    lake.write_rows(tmp_path, "quotes", [title_claim("r1")], "r1")
    path = build.build(tmp_path)
    assert table(path, "select text, in_title from quotes order by in_title, start_char") == [
        ("We agree.", False), ("We object.", False), ("a1", True)]
    # the body's one statement of Ann Lee's on Trade, not two with opposite stances
    assert table(path, "select statements, supports, opposes from speaker_topic_stance where speaker = 'Ann Lee'") \
        == [(1, 1, 0)]


def test_a_headlines_claim_whose_offsets_miss_the_title_fails_the_build(tmp_path):
    write_run(tmp_path, "r1")
    lake.write_rows(tmp_path, "quotes", [title_claim("r1", start=3)], "r1")
    with pytest.raises(build.DataCheckFailed, match="quotes_point_into_their_article"):
        build.build(tmp_path)
