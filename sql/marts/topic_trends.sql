-- Per day and topic: how many articles, statements and speakers touched it.
with statements as (
    select
        quotes.quote_id,
        quotes.article_id,
        quotes.speaker,
        unnest(quotes.topics) as topic,
        cast(coalesce(articles.published_at, articles.fetched_at) as date) as day
    from quotes
    inner join articles using (article_id)
)

select
    day,
    topic,
    count(distinct article_id) as articles,
    count(distinct quote_id) as quotes,
    count(distinct speaker) as speakers
from statements
group by day, topic
