-- materialized: view
-- What each pair_agreement figure rests on, copy by copy: the stated relations (sentence and
-- article) and every statement of both parties on the topic (words, sentence, article). Rows
-- sharing an evidence_key are copies of one piece of evidence, counted once. A view, not a
-- table: listed in full it grows with the square of the parties on a topic, and an analyst
-- reads one pair at a time (filter on topic, party_a, party_b, level).
with stated as (
    select
        level,
        topic,
        party_a,
        party_b,
        'stated' as evidence_kind,
        stated_key as evidence_key,
        null::varchar as party,
        signal,
        null::varchar as quote_id,
        null::varchar as text,
        evidence as sentence,
        article_id,
        group_id,
        said_at
    from int_stated_pairs
),

stance_pairs as (
    select level, topic, party_a, party_b
    from int_stance_pairs
),

statements as (
    select
        parties.level,
        parties.topic,
        parties.party,
        'statement' as evidence_kind,
        parties.statement_key as evidence_key,
        parties.side as signal,
        parties.quote_id,
        quotes.text,
        quotes.sentence,
        parties.article_id,
        parties.group_id,
        parties.said_at
    from int_party_statements as parties
    inner join stg_quotes as quotes using (quote_id)
),

-- two equality joins rather than one on `party in (party_a, party_b)`, which DuckDB could
-- only run as a nested loop
statements_of_a as (
    select pairs.party_a, pairs.party_b, statements.*
    from stance_pairs as pairs
    inner join statements
        on statements.level = pairs.level and statements.topic = pairs.topic
        and statements.party = pairs.party_a
),

statements_of_b as (
    select pairs.party_a, pairs.party_b, statements.*
    from stance_pairs as pairs
    inner join statements
        on statements.level = pairs.level and statements.topic = pairs.topic
        and statements.party = pairs.party_b
),

evidence as (
    select * from stated
    union all by name
    select * from statements_of_a
    union all by name
    select * from statements_of_b
)

select
    evidence.level,
    evidence.topic,
    evidence.party_a,
    evidence.party_b,
    evidence.evidence_kind,
    evidence.evidence_key,
    evidence.party,
    evidence.signal,
    evidence.quote_id,
    evidence.text,
    evidence.sentence,
    evidence.article_id,
    evidence.group_id,
    articles.url,
    articles.title,
    evidence.said_at
from evidence
inner join stg_articles as articles using (article_id)
