-- Statements that take a side (support or oppose) on a topic, by person and by the country
-- the person speaks for: the stance half of pair agreement.
with statements as (
    select
        quotes.quote_id,
        quotes.article_id,
        quotes.speaker,
        speakers.affiliation,
        quotes.stance,
        quotes.sentence,
        unnest(quotes.topics) as topic,
        coalesce(articles.published_at, articles.fetched_at) as said_at
    from quotes
    inner join articles using (article_id)
    left join speakers using (speaker)
    where quotes.speaker is not null and quotes.stance in ('support', 'oppose')
)

select 'person' as level, speaker as party, * exclude (affiliation)
from statements
union all
select 'country' as level, affiliation as party, * exclude (affiliation)
from statements
where affiliation is not null
