-- Each speaker's statements on each topic, and where they stand on it.
with statements as (
    select
        quotes.quote_id,
        quotes.speaker,
        quotes.stance,
        unnest(quotes.topics) as topic,
        coalesce(articles.published_at, articles.fetched_at) as said_at
    from quotes
    inner join articles using (article_id)
    where quotes.speaker is not null
),

tallies as (
    select
        speaker,
        topic,
        count(distinct quote_id) as statements,
        count(distinct quote_id) filter (where stance = 'support') as supports,
        count(distinct quote_id) filter (where stance = 'oppose') as opposes,
        min(said_at) as first_seen,
        max(said_at) as last_seen
    from statements
    group by speaker, topic
)

select
    tallies.speaker,
    speakers.affiliation,
    tallies.topic,
    tallies.statements,
    tallies.supports,
    tallies.opposes,
    round((tallies.supports - tallies.opposes) / tallies.statements, 4) as net_stance,
    tallies.first_seen,
    tallies.last_seen
from tallies
left join speakers using (speaker)
