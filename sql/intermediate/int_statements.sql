-- depends on: int_article_groups, int_speakers, stg_articles, stg_quotes
-- Every statement on every topic it touches, one row per copy, with its story (near-duplicate
-- group) and when it was said. `side` is the statement's stance over all its copies (+1
-- support, -1 oppose, 0 neutral or undecided), so that copies whose stance was read
-- differently still make one statement with one stance.
with quotes as (
    select
        quote_id,
        article_id,
        statement_key,
        speaker,
        stance,
        text,
        sentence,
        unnest(topics) as topic
    from stg_quotes
    -- a headline's claim restates the body's statements: counted once, from the body
    where not in_title
),

articles as (
    select
        article_id,
        coalesce(published_at, fetched_at) as said_at
    from stg_articles
),

copies as (
    select
        quotes.*,
        int_article_groups.group_id,
        speakers.affiliation,
        speakers.kind as speaker_kind,
        articles.said_at,
        case quotes.stance when 'support' then 1 when 'oppose' then -1 else 0 end as lean
    from quotes
    inner join articles using (article_id)
    inner join int_article_groups using (article_id)
    left join int_speakers as speakers using (speaker)
)

select
    * exclude (lean),
    sign(sum(lean) over (partition by statement_key, topic))::integer as side
from copies
