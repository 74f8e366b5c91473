-- What each pair_agreement figure rests on: the stated agreements and the statements of
-- both parties, with their sentences and article URLs.
with stated as (
    select
        pairs.level,
        pairs.topic,
        pairs.party_a,
        pairs.party_b,
        'stated' as evidence_kind,
        pairs.signal,
        null::varchar as quote_id,
        null::varchar as speaker,
        null::varchar as stance,
        pairs.evidence as sentence,
        pairs.article_id,
        pairs.said_at
    from int_stated_pairs as pairs
),

stances as (
    select
        pairs.level,
        pairs.topic,
        pairs.party_a,
        pairs.party_b,
        'stance' as evidence_kind,
        pairs.signal,
        statements.quote_id,
        statements.speaker,
        statements.stance,
        statements.sentence,
        statements.article_id,
        statements.said_at
    from int_stance_pairs as pairs
    inner join int_party_statements as statements
        on statements.level = pairs.level and statements.topic = pairs.topic
        and statements.party in (pairs.party_a, pairs.party_b)
),

evidence as (
    select * from stated
    union all
    select * from stances
)

select
    evidence.*,
    articles.url,
    articles.title
from evidence
inner join articles using (article_id)
