-- depends on: int_stated_pairs, stg_articles
-- materialized: view
-- What each pair_agreement figure rests on, copy by copy: the stated relations, each with its
-- sentence, the words that state it (kind, cue) and its article. Rows sharing an evidence_key
-- are copies of one piece of evidence, counted once. A view, so that it always matches the
-- tables it reads; filter on topic, party_a, party_b, level.
with evidence as (
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
        kind,
        article_id,
        group_id,
        said_at
    from int_stated_pairs
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
    evidence.kind,
    evidence.article_id,
    evidence.group_id,
    articles.url,
    articles.title,
    evidence.said_at
from evidence
inner join stg_articles as articles using (article_id)
