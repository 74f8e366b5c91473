-- How much two parties agree on a topic, in [-1, 1] (formula in docs/metrics.md):
-- each stated agreement or disagreement counts as one signal, and the comparison of the two
-- parties' net stances as one more.
with stated as (
    select
        level,
        topic,
        party_a,
        party_b,
        sum(signal) as stated_signal,
        count(*) as stated_count,
        list(distinct article_id) as article_ids,
        min(said_at) as first_seen,
        max(said_at) as last_seen
    from int_stated_pairs
    group by level, topic, party_a, party_b
),

stance_articles as (
    select level, topic, party, list(distinct article_id) as article_ids
    from int_party_statements
    group by level, topic, party
),

stance as (
    select
        pairs.*,
        list_distinct(list_concat(articles_a.article_ids, articles_b.article_ids)) as article_ids
    from int_stance_pairs as pairs
    inner join stance_articles as articles_a
        on articles_a.level = pairs.level and articles_a.topic = pairs.topic and articles_a.party = pairs.party_a
    inner join stance_articles as articles_b
        on articles_b.level = pairs.level and articles_b.topic = pairs.topic and articles_b.party = pairs.party_b
),

combined as (
    select
        coalesce(stated.level, stance.level) as level,
        coalesce(stated.topic, stance.topic) as topic,
        coalesce(stated.party_a, stance.party_a) as party_a,
        coalesce(stated.party_b, stance.party_b) as party_b,
        coalesce(stated.stated_signal, 0) + coalesce(stance.signal, 0) as signal_sum,
        coalesce(stated.stated_count, 0) + (stance.signal is not null)::int as signal_count,
        coalesce(stated.stated_count, 0) + coalesce(stance.statements, 0) as evidence_count,
        list_distinct(list_concat(coalesce(stated.article_ids, []), coalesce(stance.article_ids, []))) as article_ids,
        least(stated.first_seen, stance.first_seen) as first_seen,
        greatest(stated.last_seen, stance.last_seen) as last_seen
    from stated
    full outer join stance
        on stated.level = stance.level and stated.topic = stance.topic
        and stated.party_a = stance.party_a and stated.party_b = stance.party_b
)

select
    topic,
    party_a,
    party_b,
    level,
    round(signal_sum / signal_count, 4) as score,
    evidence_count,
    len(article_ids) as articles,
    first_seen,
    last_seen
from combined
